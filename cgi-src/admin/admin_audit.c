/* The logs, for administrators: security and access events (audit_log) and content
 * changes (revision), filterable by user, record and date.  Nothing here writes. */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "view/page.h"
#include "lib/valid.h"

#define AUDIT_ROWS	500

/* Security events; ?1 user, ?2 record or action (substring), ?3 from, ?4 to. */
static const char sql_security[] =
	"SELECT at, coalesce(actor, ''), action, coalesce(object, ''), coalesce(detail, '') "
	"|| CASE WHEN addr IS NOT NULL THEN ' [' || addr || ']' ELSE '' END FROM audit_log "
	"WHERE (?1 IS NULL OR actor = ?1 COLLATE NOCASE) "
	"AND (?2 IS NULL OR instr(coalesce(object, '') || ' ' || action, ?2) > 0) "
	"AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR at < ?4 || 'T24') "
	"ORDER BY id DESC LIMIT 500";

/* Content changes with the same filters; the record is "table:row" or a field name. */
static const char sql_changes[] =
	"SELECT r.at, r.actor || CASE WHEN r.approved_by IS NOT NULL THEN ' (aprovado por ' "
	"|| r.approved_by || ')' ELSE '' END, r.op || coalesce(' ' || r.field, ''), "
	"r.tbl || ':' || r.row_id, coalesce(r.before, '∅') || ' → ' || coalesce(r.after, '∅') "
	"FROM revision r LEFT JOIN staff s ON s.id = r.staff_id "
	"WHERE (?1 IS NULL OR s.login = ?1 COLLATE NOCASE) "
	"AND (?2 IS NULL OR instr(r.tbl || ':' || r.row_id || ' ' || coalesce(r.field, ''), ?2) > 0) "
	"AND (?3 IS NULL OR r.at >= ?3) AND (?4 IS NULL OR r.at < ?4 || 'T24') "
	"ORDER BY r.id DESC LIMIT 500";

/* Returns the parameter when it is present and acceptable text of at most max bytes. */
static const char *
filter(struct ctx *c, const char *key, size_t max)
{
	const char	*v = req_param(c->req, key);

	if (v == NULL || *v == '\0' || strlen(v) > max || req_param_count(c->req, key) > 1)
		return NULL;
	return v;
}

int
page_admin_audit(struct ctx *c)
{
	const char	*log = req_param(c->req, "log");
	const char	*user = filter(c, "user", 254), *rec = filter(c, "record", 200);
	const char	*from = filter(c, "from", 10), *to = filter(c, "to", 10);
	int		 changes = log != NULL && strcmp(log, "changes") == 0, n = 0;
	tpl_dict	*b = page_admin_body(c, "admin_audit.tpl", "Registos"), *r;
	sqlite3_stmt	*s;

	tpl_set(b, "LOG", changes ? "changes" : "security");
	tpl_set(b, "CUR_SECURITY", changes ? "false" : "page");
	tpl_set(b, "CUR_CHANGES", changes ? "page" : "false");
	tpl_set(b, "CAPTION", changes ? "Alterações ao conteúdo" : "Segurança e acessos");
	tpl_set(b, "F_USER", user);
	tpl_set(b, "F_RECORD", rec);
	tpl_set(b, "F_FROM", from);
	tpl_set(b, "F_TO", to);
	if ((from != NULL && (strlen(from) != 10 || !valid_date(from))) ||
	    (to != NULL && (strlen(to) != 10 || !valid_date(to)))) {
		tpl_set(tpl_section(b, "ERROR"), "TEXT", "Datas no formato AAAA-MM-DD.");
		tpl_set_int(b, "N", 0);
		return 400;
	}
	if (sqlite3_prepare_v2(c->rw, changes ? sql_changes : sql_security, -1, &s, NULL) !=
	    SQLITE_OK)
		return db_failed_set(), 503;
	sqlite3_bind_text(s, 1, user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, rec, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, to, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(s) == SQLITE_ROW && n < AUDIT_ROWS) {
		r = tpl_section(b, "ROW");
		tpl_set(r, "AT", db_text(s, 0));
		tpl_set(r, "WHO", db_text(s, 1));
		tpl_set(r, "WHAT", db_text(s, 2));
		tpl_set(r, "OBJECT", db_text(s, 3));
		tpl_set(r, "DETAIL", db_text(s, 4));
		n++;
	}
	sqlite3_finalize(s);
	tpl_set_int(b, "N", n);
	return 200;
}
