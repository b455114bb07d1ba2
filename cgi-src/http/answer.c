/* answer: what a handler does to the response besides filling its page (see answer.h). */
#include <stdio.h>
#include <string.h>

#include "http/answer.h"
#include "http/req.h"
#include "http/resp.h"
#include "view/xlsx.h"

int
page_redirect(struct ctx *c, const char *path)
{
	resp_header(c->resp, "Location", path);
	return 303;
}

const char *
page_cookie_name(const struct ctx *c)
{
	return c->https ? "__Host-aberta" : "aberta";
}

void
page_set_session_cookie(struct ctx *c, const char *token)
{
	char v[256];

	if (token != NULL)
		snprintf(v, sizeof v, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s",
		    page_cookie_name(c), token, c->https ? "; Secure" : "");
	else
		snprintf(v, sizeof v, "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s",
		    page_cookie_name(c), c->https ? "; Secure" : "");
	resp_header(c->resp, "Set-Cookie", v);
}

/* Starts the answer of a workbook named name (without ".xlsx"); returns a new one, or
 * NULL. */
static struct xlsx *
xlsx_start(struct ctx *c, const char *name)
{
	char disp[200];

	buf_reset(&c->resp->body);
	c->resp->ctype = XLSX_TYPE;
	snprintf(disp, sizeof disp, "attachment; filename=\"%s.xlsx\"", name);
	resp_header(c->resp, "Content-Disposition", disp);
	return xlsx_open(c->en);
}

int
export_send_workbook(struct ctx *c)
{
	struct xlsx       *x = xlsx_start(c, "all");
	const struct xset *set;
	json_t            *rows;
	size_t             i;
	int                rc = x != NULL ? 0 : -1;

	for (i = 0; rc == 0 && i < export_set_count(); i++)
		if (export_set_at(i)->where == XW_BULK) {
			if ((rows = export_bulk(export_set_at(i)->name, &set)) == NULL)
				rc = -1;
			else
				rc = xlsx_table(x, set->name, set, rows);
			json_decref(rows);
		}
	if (x != NULL && xlsx_close(x, &c->resp->body) != 0)
		rc = -1;
	return rc != 0 || c->resp->body.oom ? 500 : 200;
}

int
export_send(struct ctx *c, const struct xset *set, json_t *record, const struct xset *rowset,
    json_t *rows, const char *name)
{
	char         url[REQ_PATH_MAX + REQ_QUERY_MAX + 300], disp[200];
	struct xlsx *x;
	int          rc;

	if (c->fmt == FMT_XLSX) {
		x = xlsx_start(c, name);
		rc = x == NULL || xlsx_table(x, name, rowset, rows) != 0;
		if (x != NULL && xlsx_close(x, &c->resp->body) != 0)
			rc = 1;
		json_decref(record);
		json_decref(rows);
		return rc || c->resp->body.oom ? 500 : 200;
	}
	buf_reset(&c->resp->body);
	if (c->fmt == FMT_CSV) {
		c->resp->ctype = "text/csv; charset=utf-8; header=present";
		snprintf(disp, sizeof disp, "inline; filename=\"%s.csv\"", name);
		resp_header(c->resp, "Content-Disposition", disp);
		export_csv(&c->resp->body, rowset, rows);
		json_decref(record);
		json_decref(rows);
		return c->resp->body.oom ? 500 : 200;
	}
	c->resp->ctype = "application/json; charset=utf-8";
	/* The page itself; a bulk table has no page: its own JSON address. */
	snprintf(url, sizeof url, "%s%s%s%s%s", export_base(), c->req->path,
	    strncmp(c->req->path, "/data/", 6) == 0 ? ".json" : "", *c->req->query ? "?" : "",
	    c->req->query);
	if (export_json(&c->resp->body, set, url, record, rows) != 0)
		return 500;
	return c->resp->body.oom ? 500 : 200;
}
