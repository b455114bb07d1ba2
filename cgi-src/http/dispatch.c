/* dispatch: one request in, one complete response out (see dispatch.h).  The request is
 * parsed and routed (routes.c), let through its route's gate (gate.c), answered from
 * the page cache when it can be (publish.c), else by its handler, and rendered into the
 * layout or an error page (render.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/dispatch.h"
#include "http/format.h"
#include "http/gate.h"
#include "http/publish.h"
#include "http/render.h"
#include "http/req.h"
#include "http/resp.h"
#include "http/routes.h"
#include "lib/log.h"
#include "store/auth.h"

static sqlite3 *rwdb; /* the writable connection (dispatch_set_rw) */

void
dispatch_set_rw(sqlite3 *rw)
{
	rwdb = rw;
}

/* Sets the language of c (and the interface strings) to "pt" or "en". */
static void
set_lang(struct ctx *c, const char *lang)
{
	c->en = strcmp(lang, "en") == 0;
	c->lang = c->en ? "en" : "pt";
	c->other = c->en ? "pt" : "en";
}

/* Today's date (UTC) into c->today; ABERTA_TODAY=YYYY-MM-DD overrides it for tests. */
static void
set_today(struct ctx *c)
{
	const char *t = getenv("ABERTA_TODAY");
	time_t      now = time(NULL);
	struct tm   tm;

	if (t != NULL && strlen(t) == 10) {
		snprintf(c->today, sizeof c->today, "%s", t);
		return;
	}
	gmtime_r(&now, &tm);
	strftime(c->today, sizeof c->today, "%Y-%m-%d", &tm);
}

/* Finds the route of c's path into *rt.  Returns 1 when it may answer c, else 0 with
 * the answer prepared: 301 to the canonical address, 404, 405, 400, or 404 to a data
 * format the route does not have. */
static int
route(struct ctx *c, const struct route **rt)
{
	char       fix[REQ_PATH_MAX + 2], allow[32];
	enum match m;

	m = route_find(c->req->path, rt, c, fix, sizeof fix);
	if (m == MATCH_REDIRECT) {
		c->resp->status = 301;
		resp_header(c->resp, "Location", fix);
		resp_header(c->resp, "Cache-Control", "no-store");
		return 0;
	}
	if (m == MATCH_NONE) {
		render_error(c, 404, "ERR_NOT_FOUND", NULL);
		return 0;
	}
	set_lang(c, c->lang);
	if (((*rt)->methods & c->req->method) == 0) {
		route_allow(*rt, allow, sizeof allow);
		render_error(c, 405, "ERR_METHOD", allow);
		return 0;
	}
	if (m == MATCH_BAD_ARG) {
		render_error(c, 400, (*rt)->bad_arg, NULL);
		return 0;
	}
	if (c->fmt != FMT_HTML && (*rt)->data == NULL) {
		render_error(c, 404, "ERR_NOT_FOUND", NULL);
		return 0;
	}
	return 1;
}

/* Lets c through to route rt: the format an Accept header asks for, the admin gate
 * (me receives the staff member), the origin of a citizen's form, the writable
 * connection.  Returns 1, or 0 with the answer prepared. */
static int
admit(struct ctx *c, const struct route *rt, struct pub *p, struct staff *me)
{
	int st;

	if (rt->data != NULL && c->fmt == FMT_HTML) {
		c->fmt = fmt_negotiate(c->req->accept); /* the plain address: Accept */
		resp_header(c->resp, "Vary", "Accept");
		if (c->fmt != FMT_HTML)
			p->publish = 0; /* never publish what Accept chose */
	}
	if (rt->cap != CAP_PUBLIC) {
		c->rw = rwdb;
		if ((st = gate_admin(c, rt, me)) == 0)
			return 1;
		c->resp->status = st;
		if (st == 503)
			render_db_error(c, "in the admin gate on");
		else if (st >= 400)
			render_error(c, st, c->error ? c->error : "ERR_FORBIDDEN", NULL);
		return 0;
	}
	/* A citizen's form: the same origin checks as the admin area (the forms are on
	 * cached pages and carry no per-visitor token).  Logged, not audited: anyone can
	 * send these, and the audit log is append-only.  Only the one-click unsubscribe is
	 * exempt (ROUTE_ANY_ORIGIN): mail providers post it from their servers, with no
	 * Origin or their own; the token in its path is the authority, and the worst a
	 * forger can do is stop the alerts of an address whose token they already hold. */
	if (c->req->method == METHOD_POST && !(rt->methods & ROUTE_ANY_ORIGIN) &&
	    !gate_same_origin(c)) {
		log_error("public POST refused: not from this site (%s)", c->req->path);
		render_error(c, 403, "ERR_CSRF_PUBLIC", NULL);
		return 0;
	}
	if (rt->cache == CACHE_NONE)
		c->rw = rwdb; /* the citizen's forms and links write */
	return 1;
}

/* Runs the handler of rt (its data handler for JSON and CSV) and completes the answer:
 * what the handler wrote, its page in the layout, or an error page. */
static void
run(struct ctx *c, const struct route *rt)
{
	int st;

	st = c->fmt != FMT_HTML ? rt->data(c) : rt->fn(c);
	if (c->fmt != FMT_HTML && db_failed()) {
		render_db_error(c, "on"); /* never half the data */
		return;
	}
	if (c->fmt != FMT_HTML && c->body != NULL && st == 200) {
		render_error(c, 404, "ERR_NOT_FOUND", NULL); /* never HTML as data */
		return;
	}
	if (c->body == NULL && (c->resp->body.len > 0 || (st >= 300 && st < 400))) {
		c->resp->status = st; /* a plain answer the handler wrote itself */
		return;
	}
	if (db_failed()) {
		render_db_error(c, "on");
		return;
	}
	if (st >= 400 && c->body == NULL) {
		render_error(c, st, c->error ? c->error : "ERR_NOT_FOUND", NULL);
		return;
	}
	c->resp->status = st;
	if (rt->data != NULL && c->body != NULL && st == 200)
		render_data_links(c);
	if (c->body != NULL && render_page(c, rt->nav) != 0) {
		log_error("template expansion failed on %s", c->req->path);
		render_error(c, 500, "ERR_INTERNAL", NULL);
	}
}

/* Answers c (perr: the status of a request that could not be read, else 0); the
 * response is complete in c->resp after. */
static void
handle(struct ctx *c, int perr, struct pub *p, struct staff *me)
{
	const struct route *rt = NULL;
	enum pub_read       pr;

	set_lang(c,
	    strncmp(c->req->path, "/en/", 4) == 0       ? "en"
		: strncmp(c->req->path, "/pt/", 4) == 0 ? "pt"
							: req_pick_lang(c->req->accept_language));
	if (perr != 0) {
		render_error(c, perr, c->req->error, NULL);
		return;
	}
	if (!route(c, &rt) || !admit(c, rt, p, me))
		return;
	if (rt->cache == CACHE_PUBLIC || rt->cache == CACHE_CLOCK) {
		if ((pr = pub_read(c, p, rt->cache == CACHE_CLOCK)) == PUB_BUSY)
			render_error(c, 503, "ERR_BUSY", NULL);
		if (pr != PUB_GO)
			return;
	} else if (rt->cap == CAP_PUBLIC && rt->cache == CACHE_NONE)
		resp_header(c->resp, "Cache-Control", "no-store");
	run(c, rt);
}

int
dispatch(req_getter get, req_reader read, void *arg, struct buf *out)
{
	static struct req  r;
	static struct resp resp;
	struct ctx         c;
	struct pub         p;
	struct staff       me;
	int                perr;

	memset(&c, 0, sizeof c);
	pub_start(&p);
	resp_reset(&resp);
	db_clear_error();
	perr = req_parse(&r, get, arg);
	if (perr == 0)
		perr = req_read_body(&r, read, arg);
	if (perr == 0)
		c.fmt = fmt_strip(&r);
	c.req = &r;
	c.layout = "layout.tpl";
	c.now = time(NULL);
	c.resp = &resp;
	set_today(&c);
	if ((c.page = tpl_dict_new()) == NULL)
		resp.status = 500;
	else
		handle(&c, perr, &p, &me);
	db_reset_all();
	pub_end(&c, &p);
	tpl_dict_free(c.page);
	req_free(&r);
	buf_reset(out);
	resp_serialize(&resp, r.method == METHOD_HEAD, out);
	return resp.status;
}
