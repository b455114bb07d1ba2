#include "store/dashboard.h"
#include "store/stmt.h"

#define STR_(x) #x
#define STR(x)  STR_(x)

static const char *const sqls[DS__MAX] = {
	/* DS_OWN */
	"SELECT tbl || ' ' || coalesce(row_id, '(novo)'), created_at, status, comment FROM "
	"draft WHERE staff_id = ?1 ORDER BY id DESC LIMIT 50",
	/* DS_PENDING */
	"SELECT d.tbl || ' ' || coalesce(d.row_id, '(novo)'), s.name, d.created_at FROM "
	"draft d JOIN staff s ON s.id = d.staff_id WHERE d.status = 'pending' ORDER BY "
	"d.created_at LIMIT " STR(DASH_FIRST),
};

STORE_TABLE(store_dashboard, "dashboard", STORE_RW, DS__MAX, sqls);

sqlite3_stmt *
dash_stmt(enum dash_stmt id)
{
	return store_stmt(&store_dashboard, id);
}
