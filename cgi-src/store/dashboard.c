#include "store/dashboard.h"
#include "store/stmt.h"

static const char *const sqls[DS__MAX] = {
	/* DS_OWN */
	"SELECT tbl || ' ' || coalesce(row_id, '(novo)'), created_at, status, comment FROM "
	"draft WHERE staff_id = ?1 ORDER BY id DESC LIMIT 50",
	/* DS_PENDING */
	"SELECT d.tbl || ' ' || coalesce(d.row_id, '(novo)'), s.name, d.created_at FROM "
	"draft d JOIN staff s ON s.id = d.staff_id WHERE d.status = 'pending' ORDER BY "
	"d.created_at LIMIT 200",
	/* DS_STALE */
	"SELECT c.ogp_id, coalesce(c.title_pt, c.title_en, ''), substr(max(c.updated_at, "
	"coalesce((SELECT max(m.updated_at) FROM milestone m WHERE m.commitment_id = c.id), "
	"'')), 1, 10) AS u FROM commitment c JOIN action_plan p ON p.id = c.plan_id WHERE "
	"coalesce(p.status, '') <> 'closed' AND u < ?1 ORDER BY u LIMIT 200",
	/* DS_MISSING */
	"SELECT 'compromisso ' || ogp_id, CASE WHEN title_pt IS NULL THEN 'título em "
	"português' ELSE 'título em inglês' END FROM commitment WHERE (title_pt IS NULL) <> "
	"(title_en IS NULL) UNION ALL SELECT 'compromisso ' || ogp_id, CASE WHEN summary_pt "
	"IS NULL THEN 'resumo em português' ELSE 'resumo em inglês' END FROM commitment "
	"WHERE (summary_pt IS NULL) <> (summary_en IS NULL) LIMIT 200",
	/* DS_LATE */
	"SELECT c.ogp_id, m.position, coalesce(m.title_pt, m.title_en, ''), m.planned_end "
	"FROM milestone m JOIN commitment c ON c.id = m.commitment_id WHERE m.planned_end IS "
	"NOT NULL AND m.planned_end < ?1 AND coalesce(m.status, '') NOT IN ('complete', "
	"'withdrawn') AND coalesce(m.progress, 0) < 100 ORDER BY m.planned_end LIMIT 200",
	/* DS_BROKEN */
	"SELECT url, substr(broken_since, 1, 10) FROM link_check WHERE result = 'broken' "
	"ORDER BY broken_since, url LIMIT 200",
};

STORE_TABLE(store_dashboard, "dashboard", STORE_RW, DS__MAX, sqls);

sqlite3_stmt *
dash_stmt(enum dash_stmt id)
{
	return store_stmt(&store_dashboard, id);
}
