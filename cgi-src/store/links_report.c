#include "store/links_report.h"
#include "store/stmt.h"

static const char *const sqls[LR__MAX] = {
	/* LR_SUMMARY */
	"SELECT max(checked_at), count(*), total(result = 'broken'), "
	"total(result = 'redirect') FROM link_check",
	/* LR_USES */
	"SELECT k.url, k.result, k.http_status, k.final_url, k.failure, k.error, "
	"k.checked_at, substr(k.broken_since, 1, 10), "
	"(SELECT substr(a.fetched_at, 1, 10) FROM link_archive a WHERE a.url = k.url), "
	"u.field, "
	"CASE u.owner WHEN 'plan' THEN '/pt/plans/' || p.number "
	"WHEN 'commitment' THEN '/pt/commitments/' || c.ogp_id "
	"WHEN 'milestone' THEN '/pt/commitments/' || mc.ogp_id "
	"WHEN 'entity' THEN '/pt/members/' || e.slug "
	"WHEN 'event' THEN '/pt/events/' || u.owner_id END, "
	"CASE u.owner WHEN 'plan' THEN 'Plano ' || p.number "
	"WHEN 'commitment' THEN 'Compromisso ' || c.ogp_id "
	"WHEN 'milestone' THEN 'Marco ' || m.position || ' de ' || mc.ogp_id "
	"WHEN 'entity' THEN 'Entidade ' || coalesce(e.acronym, e.name_pt, e.name_en, e.slug) "
	"WHEN 'event' THEN 'Evento: ' || coalesce(ev.title_pt, ev.title_en, '(sem título)') "
	"END, "
	"'/admin/' || CASE u.owner WHEN 'plan' THEN 'plans' WHEN 'commitment' THEN "
	"'commitments' WHEN 'milestone' THEN 'milestones' WHEN 'entity' THEN 'entities' "
	"ELSE 'events' END || '/' || u.owner_id "
	"FROM link_check k JOIN url_use u ON u.url = k.url "
	"LEFT JOIN action_plan p ON u.owner = 'plan' AND p.id = u.owner_id "
	"LEFT JOIN commitment c ON u.owner = 'commitment' AND c.id = u.owner_id "
	"LEFT JOIN milestone m ON u.owner = 'milestone' AND m.id = u.owner_id "
	"LEFT JOIN commitment mc ON mc.id = m.commitment_id "
	"LEFT JOIN entity e ON u.owner = 'entity' AND e.id = u.owner_id "
	"LEFT JOIN event ev ON u.owner = 'event' AND ev.id = u.owner_id "
	"WHERE k.url = ?1 ORDER BY u.owner, u.owner_id",
};

STORE_TABLE(store_links_report, "links_report", STORE_RW, LR__MAX, sqls);

sqlite3_stmt *
links_report_stmt(enum links_report_stmt id)
{
	return store_stmt(&store_links_report, id);
}
