#include "store/staff.h"
#include "store/stmt.h"

/* The account columns (SFU_) of SF_USER, with their FROM. */
#define USER_COLS \
	"s.id, s.login, s.name, s.role, coalesce(e.acronym, e.name_pt, ''), " \
	"s.totp_secret IS NOT NULL, s.disabled, (SELECT count(*) FROM session x WHERE " \
	"x.staff_id = s.id AND x.last_seen > ?1 AND x.created_at > ?2), coalesce(s.entity_id, 0) " \
	"FROM staff s LEFT JOIN entity e ON e.id = s.entity_id"

static const char *const sqls[SF__MAX] = {
	/* SF_USER */
	"SELECT " USER_COLS " WHERE s.id = ?3",
	/* SF_USER_ADD */
	"INSERT INTO staff (login, name, role, entity_id, pw_hash) VALUES (?1, ?2, ?3, "
	"nullif(?4, 0), ?5)",
	/* SF_USER_CHANGE */
	"UPDATE staff SET name = ?2, role = ?3, entity_id = nullif(?4, 0), updated_at = "
	"strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
	/* SF_DISABLE */
	"UPDATE staff SET disabled = 1 WHERE id = ?1",
	/* SF_ENABLE */
	"UPDATE staff SET disabled = 0 WHERE id = ?1",
	/* SF_PASSWORD */
	"UPDATE staff SET pw_hash = ?2 WHERE id = ?1",
};

STORE_TABLE(store_staff, "staff", STORE_RW, SF__MAX, sqls);

sqlite3_stmt *
staff_stmt(enum staff_stmt id)
{
	return store_stmt(&store_staff, id);
}
