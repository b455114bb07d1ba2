/* gate: the checks before a handler runs (see gate.h). */
#include <string.h>

#include "http/answer.h"
#include "http/gate.h"
#include "http/req.h"
#include "http/resp.h"
#include "store/auth.h"

int
gate_same_origin(const struct ctx *c)
{
	const char *sfs = c->req->sec_fetch_site, *o = c->req->origin, *h = c->req->host;
	const char *rest;

	if (sfs != NULL && strcmp(sfs, "same-origin") != 0 && strcmp(sfs, "none") != 0)
		return 0;
	if (o == NULL)
		return 1;
	if (strncmp(o, "https://", 8) == 0)
		rest = o + 8;
	else if (strncmp(o, "http://", 7) == 0)
		rest = o + 7;
	else
		return 0;
	return h != NULL && strcmp(rest, h) == 0;
}

/* The anti-CSRF check of a POST to admin route rt: the one csrf field must be the token
 * of the session (of the pre-session cookie on the login form) and the request must
 * come from this site.  Returns 1 when it passes. */
static int
csrf_ok(const struct ctx *c, const struct route *rt)
{
	char        pre[AUTH_TOKEN_HEX + 2];
	const char *csrf = NULL;

	/* The login form always carries the pre-session token, even when a half-finished
	 * session (second factor pending) exists. */
	if (rt->cap == CAP_LOGIN) {
		if (req_cookie(c->req, c->https ? "__Host-aberta_pre" : "aberta_pre", pre,
			sizeof pre) != NULL)
			csrf = pre;
	} else if (c->me != NULL)
		csrf = c->me->csrf;
	/* One token, no more: a repeated field would let a parser that reads another copy
	 * than ours see a different form. */
	return csrf != NULL && req_form_count(c->req, "csrf") == 1 &&
	    auth_csrf_ok(csrf, req_form(c->req, "csrf")) && gate_same_origin(c);
}

int
gate_admin(struct ctx *c, const struct route *rt, struct staff *me)
{
	char        tok[AUTH_TOKEN_HEX + 2];
	const char *why = NULL;
	int         rc;

	c->https = c->req->https != NULL && strcmp(c->req->https, "on") == 0;
	c->layout = "admin_layout.tpl";
	resp_header(c->resp, "Cache-Control", "no-store");
	if (req_cookie(c->req, page_cookie_name(c), tok, sizeof tok) != NULL &&
	    (rc = auth_session_get(c->rw, tok, c->now, me)) <= 0) {
		if (rc < 0)
			return db_failed_set(), 503;
		c->me = me;
	}
	if (rt->cap >= CAP_SECOND && c->me == NULL)
		return page_redirect(c, "/admin/login");
	if (rt->cap >= CAP_STAFF && !c->me->full)
		return page_redirect(c, c->me->has_totp ? "/admin/2fa" : "/admin/2fa/enrol");
	if ((rt->cap == CAP_CONTENT && c->me->role == ROLE_MEMBER) ||
	    (rt->cap == CAP_USERS && c->me->role != ROLE_ADMIN))
		why = "forbidden";
	if (why == NULL && c->req->method == METHOD_POST && !csrf_ok(c, rt))
		why = "csrf";
	/* The version a form was opened on is one number: a repeated one is refused
	 * rather than the first copy silently taken. */
	if (why == NULL && c->req->method == METHOD_POST && req_form_count(c->req, "version") > 1)
		return c->error = "ERR_BAD_BODY", 400;
	if (why == NULL)
		return 0;
	auth_audit(c->rw, c->me ? c->me->id : 0, c->me ? c->me->login : NULL, c->req->remote_addr,
	    why, c->req->path, NULL);
	c->error = strcmp(why, "csrf") == 0 ? "ERR_CSRF" : "ERR_FORBIDDEN";
	return 403;
}
