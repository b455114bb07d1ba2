/* The logs, for administrators: security and access events (audit_log) and content
 * changes (revision), filterable by user, record and date.  Nothing here writes. */
#include <stdio.h>
#include <string.h>

#include "http/req.h"
#include "store/db.h"
#include "store/staff.h"
#include "admin/admin.h"
#include "view/page.h"
#include "lib/valid.h"

#define AUDIT_ROWS 500 /* the LIMIT of SF_LOG_SECURITY and SF_LOG_CHANGES */

/* Returns the parameter when it is present and acceptable text of at most max bytes. */
static const char *
filter(struct ctx *c, const char *key, size_t max)
{
	const char *v = req_param(c->req, key);

	if (v == NULL || *v == '\0' || strlen(v) > max || req_param_count(c->req, key) > 1)
		return NULL;
	return v;
}

int
page_admin_audit(struct ctx *c)
{
	const char   *log = req_param(c->req, "log");
	const char   *user = filter(c, "user", 254), *rec = filter(c, "record", 200);
	const char   *from = filter(c, "from", 10), *to = filter(c, "to", 10);
	int           changes = log != NULL && strcmp(log, "changes") == 0, n = 0;
	tpl_dict     *b = page_admin_body(c, "admin_audit.tpl", "Registos"), *r;
	sqlite3_stmt *s;

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
	s = staff_stmt(changes ? SF_LOG_CHANGES : SF_LOG_SECURITY);
	db_bind_text(s, 1, user);
	db_bind_text(s, 2, rec);
	db_bind_text(s, 3, from);
	db_bind_text(s, 4, to);
	while (db_step(s) == SQLITE_ROW && n < AUDIT_ROWS) {
		r = tpl_section(b, "ROW");
		tpl_set(r, "AT", db_text(s, SFL_AT));
		tpl_set(r, "WHO", db_text(s, SFL_WHO));
		tpl_set(r, "WHAT", db_text(s, SFL_WHAT));
		tpl_set(r, "OBJECT", db_text(s, SFL_OBJECT));
		tpl_set(r, "DETAIL", db_text(s, SFL_DETAIL));
		n++;
	}
	tpl_set_int(b, "N", n);
	return 200;
}
