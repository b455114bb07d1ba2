/* glance: the statements of the headlines (see glance.h). */
#include "store/glance.h"
#include "store/stmt.h"

/* Milestone m is overdue on ?2: the rule of progress_overdue (lib/progress.h) in SQL. */
#define OVERDUE \
	"m.planned_end IS NOT NULL AND length(m.planned_end) IN (4, 7, 10) " \
	"AND substr(?2, 1, length(m.planned_end)) > m.planned_end " \
	"AND coalesce(m.progress, -1) <> 100 AND coalesce(m.status, '') <> 'complete'"
/* The title (label_pt, then label_en) of the owner's link to the address url, if it has
 * one: a figure's or a piece of evidence's source named as the record's sources are. */
#define LINK_TITLES(owner, url) \
	"(SELECT label_pt FROM link l WHERE l." owner " AND l.url = " url " LIMIT 1), " \
	"(SELECT label_en FROM link l WHERE l." owner " AND l.url = " url " LIMIT 1)"
/* The titles of the sources of GL_ENTITY_PARTIES, GL_PLAN_FIGURES and GL_EVIDENCE. */
#define PARTY_TITLES    LINK_TITLES("commitment_id = x.commitment_id", "x.source")
#define FIGURE_TITLES   LINK_TITLES("plan_id = ?1", "pc.source")
#define EVIDENCE_TITLES LINK_TITLES("entity_id = ?1", "ev.source")
/* The order of membership groups (GL_MEMBERS). */
#define MEMBER_ORDER \
	"CASE coalesce(member_status, 'unknown') WHEN 'founding_member' THEN 0 " \
	"WHEN 'member' THEN 1 WHEN 'likely_member' THEN 2 WHEN 'unknown' THEN 3 ELSE 4 END"

static const char *const sqls[GL__MAX] = {
	[GL_PLAN_SELF] = "SELECT percent, as_of, as_of_kind, source, confidence, note_pt, note_en "
			 "FROM plan_completion WHERE plan_id = ?1 AND percent IS NOT NULL "
			 "ORDER BY as_of IS NULL, as_of DESC, position DESC LIMIT 1",
	[GL_PLAN_IRM] = "SELECT report_kind, date, summary_pt, summary_en, source "
			"FROM plan_assessment WHERE plan_id = ?1 AND assessor = 'irm' "
			"ORDER BY date IS NULL, date DESC, position DESC LIMIT 1",
	[GL_PLAN_OVERDUE] = "SELECT count(*) FROM commitment c JOIN milestone m "
			    "ON m.commitment_id = c.id WHERE c.plan_id = ?1 AND " OVERDUE,
	[GL_ENTITY_OVERDUE] = "SELECT count(*) FROM commitment_entity ce JOIN milestone m "
			      "ON m.commitment_id = ce.commitment_id WHERE ce.entity_id = ?1 "
			      "AND ce.role = 'lead' AND " OVERDUE,
	[GL_ENTITY_PARTIES] =
	    "SELECT x.relation, c.ogp_id, c.title_pt, c.title_en, p.number, x.note_pt, "
	    "x.note_en, x.source, " PARTY_TITLES " FROM commitment_party x JOIN commitment c "
	    "ON c.id = x.commitment_id JOIN action_plan p ON p.id = c.plan_id "
	    "WHERE x.entity_id = ?1 ORDER BY x.relation = 'proposer', p.number, c.number, "
	    "c.ogp_id",
	[GL_MEMBERS] = "SELECT slug, acronym, name_pt, name_en, member_status, "
		       "member_confidence, note_pt, note_en FROM entity ORDER BY " MEMBER_ORDER
		       ", coalesce(name_pt, name_en, acronym)",
	[GL_NETWORK] =
	    "SELECT n.description_pt, n.description_en, co.slug, co.acronym, co.name_pt, "
	    "co.name_en, fo.slug, fo.acronym, fo.name_pt, fo.name_en, n.focal_since, "
	    "n.focal_since_pt, n.focal_since_en, n.contact_email, n.note_pt, n.note_en, "
	    "n.sources, n.ogp_member_since FROM network n LEFT JOIN entity co "
	    "ON co.id = n.coordinator_id LEFT JOIN entity fo ON fo.id = n.focal_point_id "
	    "WHERE n.id = 1",
	[GL_PLAN_DOCS] = "SELECT kind, url, title_pt, title_en, date, listed_on, note_pt, note_en "
			 "FROM plan_document WHERE plan_id = ?1 ORDER BY position",
	[GL_PLAN_ASSESS] = "SELECT assessor, report_kind, date, summary_pt, summary_en, source "
			   "FROM plan_assessment WHERE plan_id = ?1 ORDER BY position",
	[GL_PLAN_FIGURES] = "SELECT percent, as_of, as_of_kind, source, confidence, note_pt, "
			    "note_en, " FIGURE_TITLES " FROM plan_completion pc "
			    "WHERE plan_id = ?1 ORDER BY position",
	[GL_EVIDENCE] = "SELECT date, note_pt, note_en, source, " EVIDENCE_TITLES
			" FROM member_evidence ev WHERE entity_id = ?1 ORDER BY position",
};

STORE_TABLE(store_glance, "glance", STORE_RO, GL__MAX, sqls);

sqlite3_stmt *
gl_stmt(enum gl_stmt id)
{
	return store_stmt(&store_glance, id);
}
