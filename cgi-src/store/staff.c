#include "store/staff.h"
#include "store/stmt.h"

/* The account columns (SFU_) of SF_USERS and SF_USER, with their FROM. */
#define USER_COLS \
	"s.id, s.login, s.name, s.role, coalesce(e.acronym, e.name_pt, ''), " \
	"s.totp_secret IS NOT NULL, s.disabled, (SELECT count(*) FROM session x WHERE " \
	"x.staff_id = s.id AND x.last_seen > ?1 AND x.created_at > ?2), coalesce(s.entity_id, 0) " \
	"FROM staff s LEFT JOIN entity e ON e.id = s.entity_id"

static const char *const sqls[SF__MAX] = {
	/* SF_USERS */
	"SELECT " USER_COLS " ORDER BY s.login",
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
	/* SF_LOG_SECURITY */
	"SELECT at, coalesce(actor, ''), action, coalesce(object, ''), coalesce(detail, '') "
	"|| CASE WHEN addr IS NOT NULL THEN ' [' || addr || ']' ELSE '' END FROM audit_log "
	"WHERE (?1 IS NULL OR actor = ?1 COLLATE NOCASE) "
	"AND (?2 IS NULL OR instr(coalesce(object, '') || ' ' || action, ?2) > 0) "
	"AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR at < ?4 || 'T24') "
	"ORDER BY id DESC LIMIT 500",
	/* SF_LOG_CHANGES: the record is "table:row" or a field name. */
	"SELECT r.at, r.actor || CASE WHEN r.approved_by IS NOT NULL THEN ' (aprovado por ' "
	"|| r.approved_by || ')' ELSE '' END, r.op || coalesce(' ' || r.field, ''), "
	"r.tbl || ':' || r.row_id, coalesce(r.before, '∅') || ' → ' || coalesce(r.after, '∅') "
	"FROM revision r LEFT JOIN staff s ON s.id = r.staff_id "
	"WHERE (?1 IS NULL OR s.login = ?1 COLLATE NOCASE) "
	"AND (?2 IS NULL OR instr(r.tbl || ':' || r.row_id || ' ' || coalesce(r.field, ''), ?2) > "
	"0) "
	"AND (?3 IS NULL OR r.at >= ?3) AND (?4 IS NULL OR r.at < ?4 || 'T24') "
	"ORDER BY r.id DESC LIMIT 500",
};

STORE_TABLE(store_staff, "staff", STORE_RW, SF__MAX, sqls);

sqlite3_stmt *
staff_stmt(enum staff_stmt id)
{
	return store_stmt(&store_staff, id);
}
