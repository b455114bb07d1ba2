#include "store/dashboard.h"
#include "store/stmt.h"

#define STR_(x) #x
#define STR(x)  STR_(x)

static const char *const sqls[DS__MAX] = {
	/* DS_OWN: those about a commitment body ?2 leads or supports now */
	"SELECT d.tbl || ' ' || coalesce(d.row_id, '(novo)'), d.created_at, d.status, "
	"d.comment FROM draft d WHERE d.staff_id = ?1 AND EXISTS (SELECT 1 FROM "
	"commitment_entity ce WHERE ce.entity_id = ?2 AND ce.commitment_id = " SQL_DRAFT_COMMITMENT
	") ORDER BY d.id DESC LIMIT 50",
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
