/* render: the layout around a page and the error pages (see render.h). */
#include <stdio.h>
#include <string.h>

#include "lib/urlcode.h"
#include "http/render.h"
#include "http/req.h"
#include "http/resp.h"
#include "lib/log.h"
#include "view/i18n.h"

/* The path of the same page in the other language (query kept); "/" stays "/". */
static void
other_path(const struct ctx *c, char *out, size_t outlen)
{
	const char *path = c->req->path;

	if (strncmp(path, "/pt/", 4) == 0 || strncmp(path, "/en/", 4) == 0)
		snprintf(out, outlen, "/%s/%s%s%s", c->other, path + 4, *c->req->query ? "?" : "",
		    c->req->query);
	else
		snprintf(out, outlen, "/%s/", c->other);
}

/* Sets the absolute addresses of the page in both languages (canonical, hreflang). */
static void
canonical_urls(struct ctx *c)
{
	const char *p = c->req->path;
	char        u[REQ_PATH_MAX + 300];
	int         localized = strncmp(p, "/pt/", 4) == 0 || strncmp(p, "/en/", 4) == 0;

	snprintf(u, sizeof u, "%s%s", url_site_base(), p);
	tpl_set(c->page, "CANONICAL", u);
	snprintf(u, sizeof u, "%s/pt/%s", url_site_base(), localized ? p + 4 : "");
	tpl_set(c->page, "URL_PT", u);
	snprintf(u, sizeof u, "%s/en/%s", url_site_base(), localized ? p + 4 : "");
	tpl_set(c->page, "URL_EN", u);
	tpl_set(c->page, "OG_LOCALE", c->en ? "en_GB" : "pt_PT");
}

int
render_page(struct ctx *c, enum nav nav)
{
	static const char *const navkeys[NAV__MAX] = { NULL, "NAV_HOME", "NAV_NETWORK", "NAV_PLANS",
		"NAV_CONSULT", "NAV_EVENTS", "NAV_OGP" };
	char                     op[REQ_PATH_MAX + REQ_QUERY_MAX + 8];
	int                      i;

	i18n_apply(c->page, c->en);
	tpl_set_tglobal(c->page, "LANG", c->lang);
	tpl_set_tglobal(c->page, "OTHER", c->other);
	other_path(c, op, sizeof op);
	tpl_set(c->page, "OTHER_PATH", op);
	canonical_urls(c);
	tpl_set(c->page, "TITLE", c->title);
	for (i = 1; i < NAV__MAX; i++)
		tpl_set(c->page, navkeys[i], i == (int)nav ? "page" : "false");
	buf_reset(&c->resp->body);
	if (tpl_render(c->layout, c->page, &c->resp->body) != 0) {
		buf_reset(&c->resp->body);
		return -1;
	}
	return 0;
}

void
render_error(struct ctx *c, int status, const char *key, const char *allow)
{
	char      hkey[8];
	tpl_dict *b;

	tpl_dict_free(c->page);
	c->page = tpl_dict_new();
	c->body = NULL;
	c->layout = "layout.tpl";
	resp_reset(c->resp);
	c->resp->status = status;
	if (c->page == NULL)
		goto bare;
	snprintf(hkey, sizeof hkey, "H_%d", status);
	b = page_body(c, "error.tpl");
	tpl_set(b, "HEADING", i18n(hkey, c->en));
	tpl_set(b, "MESSAGE", i18n(key, c->en));
	page_title(c, "%s (%d)", i18n(hkey, c->en), status);
	if (allow != NULL) {
		tpl_show(b, "ALLOW");
		tpl_set(b, "METHODS", allow);
		resp_header(c->resp, "Allow", allow);
	}
	resp_header(c->resp, "Cache-Control", "no-store");
	if (render_page(c, NAV_NONE) == 0)
		return;
bare:
	c->resp->ctype = "text/plain; charset=utf-8";
	buf_reset(&c->resp->body);
	buf_printf(&c->resp->body, "%d %s\n", status, resp_reason(status));
}

void
render_db_error(struct ctx *c, const char *where)
{
	static const char *const keys[] = { NULL, "ERR_DB_BUSY", "ERR_DB_READONLY", "ERR_DB_FULL",
		"ERR_DB_IO" };
	enum db_fault            f = db_fault(c->rw); /* NULL for public pages */
	const char              *key;

	if (f == DBF_NONE)
		key = db_failed() == 2 ? "ERR_BUSY" : "ERR_INTERNAL";
	else if (f == DBF_BUSY && c->req->method != METHOD_POST)
		key = "ERR_BUSY";
	else
		key = keys[f];
	log_error("database error %s %s: %s", where, c->req->path,
	    f != DBF_NONE ? db_fault_message() : db_last_error());
	render_error(c, f != DBF_NONE || db_failed() == 2 ? 503 : 500, key, NULL);
	if (c->resp->status == 503)
		resp_header(c->resp, "Retry-After", "10");
}

void
render_data_links(struct ctx *c)
{
	char        json[REQ_PATH_MAX + REQ_QUERY_MAX + 8], csv[sizeof json];
	const char *q = c->req->query;
	tpl_dict   *d;

	snprintf(json, sizeof json, "%s.json%s%s", c->req->path, *q ? "?" : "", q);
	snprintf(csv, sizeof csv, "%s.csv%s%s", c->req->path, *q ? "?" : "", q);
	page_alternate(c, "application/json", json);
	page_alternate(c, "text/csv", csv);
	d = tpl_section(c->page, "DATA_LINKS");
	tpl_set(d, "JSON", json);
	tpl_set(d, "CSV", csv);
}
