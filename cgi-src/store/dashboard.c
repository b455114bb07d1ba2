#include "store/dashboard.h"
#include "store/stmt.h"

#define STR_(x) #x
#define STR(x)  STR_(x)

static const char *const sqls[DS__MAX] = {
	/* DS_OWN: those about a commitment body ?2 leads or supports now (a commitment's,
	 * or a milestone's: an existing one's commitment, or a new one's commitment_id
	 * field, as rounds.c's RD_BODIES reads it) */
	"SELECT d.tbl || ' ' || coalesce(d.row_id, '(novo)'), d.created_at, d.status, "
	"d.comment FROM draft d WHERE d.staff_id = ?1 AND EXISTS (SELECT 1 FROM "
	"commitment_entity ce WHERE ce.entity_id = ?2 AND ce.commitment_id = CASE d.tbl WHEN "
	"'commitments' THEN d.row_id WHEN 'milestones' THEN coalesce((SELECT m.commitment_id "
	"FROM milestone m WHERE m.id = d.row_id), CASE WHEN json_valid(d.payload) THEN "
	"CAST(json_extract(d.payload, '$.commitment_id') AS INTEGER) END) END) ORDER BY d.id "
	"DESC LIMIT 50",
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
