/* records: consultations held elsewhere and an event's facts (see records.h). */
#include "store/records.h"
#include "store/stmt.h"

static const char *const sqls[RC__MAX] = {
	[RC_RECORDS] = "SELECT r.slug, r.title_pt, r.title_en, r.opens, r.closes, "
		       "r.dates_confidence, r.status, r.where_url, o.slug, o.acronym, o.name_pt, "
		       "o.name_en, r.description_pt, r.description_en, r.outcome_pt, r.outcome_en, "
		       "r.comments_received, p.number, p.title_pt, p.title_en, r.sources "
		       "FROM consultation_record r LEFT JOIN entity o ON o.id = r.organiser_id "
		       "LEFT JOIN action_plan p ON p.id = r.plan_id "
		       "ORDER BY coalesce(r.closes, r.opens) IS NULL, coalesce(r.closes, r.opens) "
		       "DESC, r.id DESC",
	[RC_DUPLICATE] = "SELECT EXISTS (SELECT 1 FROM consultation k JOIN consultation_record r "
			 "ON r.closes = substr(k.closes_at, 1, 10) AND (k.plan_id IS NULL "
			 "OR k.plan_id = r.plan_id) "
			 "WHERE k.id = ?1) AND NOT EXISTS (SELECT 1 FROM submission s "
			 "WHERE s.consultation_id = ?1)",
	[RC_EVENT] = "SELECT e.status, e.date_confidence, o.slug, o.acronym, o.name_pt, o.name_en, "
		     "p.number, p.title_pt, p.title_en FROM event e "
		     "LEFT JOIN entity o ON o.id = e.organiser_id "
		     "LEFT JOIN action_plan p ON p.id = e.plan_id WHERE e.id = ?1",
	[RC_EVENT_CMTS] = "SELECT c.ogp_id, c.title_pt, c.title_en FROM event_commitment x "
			  "JOIN commitment c ON c.id = x.commitment_id WHERE x.event_id = ?1 "
			  "ORDER BY c.ogp_id",
	[RC_EVENT_ORGS] = "SELECT e.slug, e.acronym, e.name_pt, e.name_en FROM event_organiser o "
			  "JOIN entity e ON e.id = o.entity_id WHERE o.event_id = ?1 "
			  "ORDER BY o.position",
};

STORE_TABLE(store_records, "records", STORE_RO, RC__MAX, sqls);

sqlite3_stmt *
rc_stmt(enum rc_stmt id)
{
	return store_stmt(&store_records, id);
}
