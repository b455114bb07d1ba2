/* opendata: the open data's statements of migration 11's facts and records (see
 * opendata.h). */
#include "store/opendata.h"
#include "store/stmt.h"

/* The order of a commitment's rows in every file: its plan, its number, its OGP id. */
#define C_ORDER "p.number, c.number, c.ogp_id"
/* The commitment c of a record x, and its plan p. */
#define C_JOIN "JOIN commitment c ON c.id = x.commitment_id JOIN action_plan p ON p.id = c.plan_id"
/* The plan p of a record x. */
#define P_JOIN "JOIN action_plan p ON p.id = x.plan_id ORDER BY p.number, x.position"

static const char *const sqls[OD__MAX] = {
	[OD_PLAN] = "SELECT ogp_title, short_pt, implementation_start, implementation_end, "
		    "published_confidence, commitment_count, milestone_count, note_pt, note_en "
		    "FROM action_plan WHERE id = ?1",
	[OD_COMMITMENT] = "SELECT irm_open_gov_lens FROM commitment WHERE id = ?1",
	[OD_EVENT] = "SELECT e.slug, e.status, e.date_confidence, e.title_pt_kind, p.number, "
		     "o.slug, o.acronym, o.name_pt, o.name_en FROM event e LEFT JOIN action_plan p "
		     "ON p.id = e.plan_id "
		     "LEFT JOIN entity o ON o.id = e.organiser_id WHERE e.id = ?1",
	[OD_PLAN_DOCUMENTS] = "SELECT p.number, x.position, x.kind, x.url, x.title_pt, "
			      "x.title_en, x.date, x.listed_on, x.note_pt, x.note_en "
			      "FROM plan_document x " P_JOIN,
	[OD_PLAN_ASSESSMENTS] = "SELECT p.number, x.position, x.assessor, x.report_kind, "
				"x.date, x.summary_pt, x.summary_en, x.source "
				"FROM plan_assessment x " P_JOIN,
	[OD_PLAN_COMPLETION] = "SELECT p.number, x.position, x.percent, x.as_of, x.as_of_kind, "
			       "x.source, x.confidence, x.note_pt, x.note_en "
			       "FROM plan_completion x " P_JOIN,
	[OD_MILESTONE_FIGURES] =
	    "SELECT c.ogp_id, m.position, x.position, x.percent, x.as_of, x.as_of_kind, "
	    "x.source, x.confidence FROM milestone_figure x JOIN milestone m "
	    "ON m.id = x.milestone_id JOIN commitment c ON c.id = m.commitment_id "
	    "JOIN action_plan p ON p.id = c.plan_id ORDER BY " C_ORDER ", m.position, x.position",
	[OD_ACTIVITIES] = "SELECT c.ogp_id, x.position, x.date, x.end_date, x.title_pt, "
			  "x.title_pt_kind, x.title_en, x.source FROM activity x " C_JOIN
			  " ORDER BY " C_ORDER ", x.position",
	[OD_PARTIES] =
	    "SELECT c.ogp_id, e.slug, x.relation, x.position, x.note_pt, x.note_en, "
	    "x.source FROM commitment_party x " C_JOIN " JOIN entity e ON e.id = x.entity_id "
	    "ORDER BY " C_ORDER ", x.relation, x.position, e.slug",
	[OD_CONSULTATION_RECORDS] =
	    "SELECT k.slug, k.title_pt, k.title_en, p.number, k.opens, k.closes, "
	    "k.dates_confidence, k.status, k.where_url, o.slug, k.description_pt, "
	    "k.description_en, k.outcome_pt, k.outcome_en, k.comments_received, k.sources, "
	    "k.updated_at FROM consultation_record k LEFT JOIN action_plan p ON p.id = k.plan_id "
	    "LEFT JOIN entity o ON o.id = k.organiser_id "
	    "ORDER BY k.opens IS NULL, k.opens, k.slug",
	[OD_SINCE] = "SELECT applied_at FROM schema_version WHERE version = ?1",
};

STORE_TABLE(store_opendata, "opendata", STORE_RO, OD__MAX, sqls);

sqlite3_stmt *
od_stmt(enum od_stmt id)
{
	return store_stmt(&store_opendata, id);
}
