/* trust: the statements of what a commitment's facts rest on (see trust.h). */
#include "store/stmt.h"
#include "store/trust.h"

static const char *const sqls[TR__MAX] = {
	[TR_COMMITMENT] =
	    "SELECT ogp_id_confidence, title_pt_kind, title_pt_confidence, title_en_kind, "
	    "title_en_confidence, values_confidence, self_percent, self_status_date, "
	    "self_as_of_kind, self_source, self_confidence, irm_date, irm_results_date, "
	    "irm_confidence FROM commitment WHERE id = ?1",
	[TR_ENTITIES] =
	    "SELECT ce.role, e.slug, e.acronym, e.name_pt, e.name_en, ce.confidence, ce.role_pt, "
	    "ce.role_en FROM commitment_entity ce JOIN entity e ON e.id = ce.entity_id "
	    "WHERE ce.commitment_id = ?1 ORDER BY ce.role, ce.position",
	[TR_PARTIES] =
	    "SELECT p.relation, e.slug, e.acronym, e.name_pt, e.name_en, p.note_pt, p.note_en, "
	    "p.source FROM commitment_party p JOIN entity e ON e.id = p.entity_id "
	    "WHERE p.commitment_id = ?1 ORDER BY p.relation, p.position, e.slug",
	[TR_ACTIVITIES] = "SELECT date, end_date, title_pt, title_pt_kind, title_en, source "
			  "FROM activity WHERE commitment_id = ?1 ORDER BY position",
	[TR_MILESTONE] = "SELECT progress_as_of_kind, progress_confidence, title_pt_kind, "
			 "title_en_kind FROM milestone WHERE id = ?1",
	[TR_FIGURES] = "SELECT percent, as_of, as_of_kind, source, confidence FROM "
		       "milestone_figure WHERE milestone_id = ?1 ORDER BY position",
	/* The commitment's own links first, then its milestones'. */
	[TR_SOURCE_TITLE] =
	    "SELECT label_pt, label_en FROM link WHERE url = ?2 AND coalesce(label_pt, "
	    "label_en) IS NOT NULL AND (commitment_id = ?1 OR milestone_id IN (SELECT id "
	    "FROM milestone WHERE commitment_id = ?1)) ORDER BY commitment_id IS NULL, position "
	    "LIMIT 1",
	[TR_EARLY_CONF] = "SELECT irm_early_results_confidence FROM commitment WHERE id = ?1",
};

STORE_TABLE(store_trust, "trust", STORE_RO, TR__MAX, sqls);

sqlite3_stmt *
trust_stmt(enum trust_stmt id)
{
	return store_stmt(&store_trust, id);
}
