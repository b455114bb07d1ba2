/* Text pages kept in the database, the root redirect, and the health check. */
#include <stdio.h>

#include "http/resp.h"
#include "store/db.h"
#include "view/i18n.h"
#include "pages/pages.h"
#include "view/page.h"

/* Shows page slug from the page table. */
static int
text_page(struct ctx *c, const char *slug)
{
	sqlite3_stmt *s = db_stmt(ST_PAGE);
	tpl_dict     *b;
	const char   *t;

	db_bind_text(s, 1, slug);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_PAGE";
		return 404;
	}
	b = page_body(c, "text.tpl");
	t = page_text(c, b, "PTITLE", db_text(s, PAGE_TITLE_PT), db_text(s, PAGE_TITLE_EN));
	page_title(c, "%s", t ? t : slug);
	page_paras(c, b, "BODY", db_text(s, PAGE_BODY_PT), db_text(s, PAGE_BODY_EN));
	tpl_set(b, "UPDATED", db_text(s, PAGE_UPDATED));
	page_date(c, b, "UPDATED_TEXT", db_text(s, PAGE_UPDATED));
	return 200;
}

int
page_text_ogp(struct ctx *c)
{
	return text_page(c, "ogp");
}

int
page_text_accessibility(struct ctx *c)
{
	return text_page(c, "accessibility");
}

int
page_root(struct ctx *c)
{
	char loc[8];

	snprintf(loc, sizeof loc, "/%s/", c->lang);
	resp_header(c->resp, "Location", loc);
	resp_header(c->resp, "Vary", "Accept-Language");
	return 302;
}

int
page_health(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_STATE);

	c->resp->ctype = "text/plain; charset=utf-8";
	if (db_step(s) != SQLITE_ROW) {
		buf_puts(&c->resp->body, "database unavailable\n");
		return 503;
	}
	buf_puts(&c->resp->body, "ok\n");
	return 200;
}
