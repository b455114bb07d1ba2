/* The logs, for administrators: security and access events (audit_log) and content
 * changes (revision), newest first, filtered by user, record and dates, searched, and
 * read one page at a time with their counts (store/adminlist.h).  Nothing here writes. */
#include <stdio.h>
#include <string.h>

#include "http/req.h"
#include "store/adminlist.h"
#include "store/db.h"
#include "admin/admin.h"
#include "view/page.h"

/* Adds the log line at s (ALA_ columns) to the page arg. */
static void
log_row(void *arg, sqlite3_stmt *s)
{
	tpl_dict *r = tpl_section(arg, "ROW");

	tpl_set(r, "AT", db_text(s, ALA_AT));
	tpl_set(r, "WHO", db_text(s, ALA_WHO));
	tpl_set(r, "WHAT", db_text(s, ALA_WHAT));
	tpl_set(r, "OBJECT", db_text(s, ALA_OBJECT));
	tpl_set(r, "DETAIL", db_text(s, ALA_DETAIL));
}

int
page_admin_audit(struct ctx *c)
{
	const char       *log = req_param(c->req, "log");
	int               changes = log != NULL && strcmp(log, "changes") == 0, n;
	tpl_dict         *b = page_admin_body(c, "admin_audit.tpl", "Registos"), *t;
	struct admin_list a;

	tpl_set(b, "LOG", changes ? "changes" : "security");
	tpl_set(b, "CUR_SECURITY", changes ? "false" : "page");
	tpl_set(b, "CUR_CHANGES", changes ? "page" : "false");
	page_admin_list_read(c, b, &a, changes ? AL_CHANGES : AL_SECURITY,
	    changes ? "/admin/audit?log=changes" : "/admin/audit", "record");
	tpl_set(b, "F_USER", a.q.filter[ALF_USER]);
	tpl_set(b, "F_RECORD", a.q.q);
	tpl_set(b, "F_FROM", a.q.filter[ALF_FROM]);
	tpl_set(b, "F_TO", a.q.filter[ALF_TO]);
	if (a.bad > 0)
		return 400;
	if ((n = page_admin_list_run(c, b, &a, log_row, t = tpl_section(b, "LOGTABLE"))) < 0)
		return 503;
	page_admin_caption(
	    t, &a, changes ? "Alterações ao conteúdo: linhas" : "Segurança e acessos: linhas", n);
	return 200;
}
