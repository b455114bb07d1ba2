#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "http/cache.h"
#include "store/db.h"
#include "http/dispatch.h"
#include "view/i18n.h"
#include "http/routes.h"
#include "lib/valid.h"

#ifndef BUILD_ID
#define BUILD_ID PACKAGE_VERSION
#endif

static void	(*logger)(const char *, void *);
static void	*logger_arg;
static sqlite3	*rwdb;
/* The page cache (cache.h): the content version a public page was read at (in one read
 * transaction with its data), and whether this answer may be published. */
static long long	 page_version;
static int		 page_publish, page_in_txn;
/* The memo (cache.h) of an address with a query: its key ("" when it has none), and
 * where the headers the handler added begin in the response's head. */
static char		 memo_key[REQ_QUERY_MAX + REQ_PATH_MAX + 64];
static size_t		 memo_head;

void
dispatch_set_rw(sqlite3 *rw)
{
	rwdb = rw;
}

void
dispatch_set_logger(void (*fn)(const char *line, void *arg), void *arg)
{
	logger = fn;
	logger_arg = arg;
}

void
dispatch_log(const char *fmt, ...)
{
	char	 line[1024], *p;
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	for (p = line; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	if (logger != NULL)
		logger(line, logger_arg);
	else
		fprintf(stderr, "aberta[%d]: %s\n", (int)getpid(), line);
}

/* Sets the language of c (and the interface strings) to "pt" or "en". */
static void
set_lang(struct ctx *c, const char *lang)
{
	c->en = strcmp(lang, "en") == 0;
	c->lang = c->en ? "en" : "pt";
	c->other = c->en ? "pt" : "en";

}

/* The path of the same page in the other language (query kept); "/" stays "/". */
static void
other_path(const struct ctx *c, char *out, size_t outlen)
{
	const char	*path = c->req->path;

	if (strncmp(path, "/pt/", 4) == 0 || strncmp(path, "/en/", 4) == 0)
		snprintf(out, outlen, "/%s/%s%s%s", c->other, path + 4,
		    *c->req->query ? "?" : "", c->req->query);
	else
		snprintf(out, outlen, "/%s/", c->other);
}

/* Sets the absolute addresses of the page in both languages (canonical, hreflang). */
static void
canonical(struct ctx *c)
{
	const char	*p = c->req->path;
	char		 u[REQ_PATH_MAX + 300];
	int		 localized = strncmp(p, "/pt/", 4) == 0 || strncmp(p, "/en/", 4) == 0;

	snprintf(u, sizeof u, "%s%s", page_base_url(), p);
	tpl_set(c->page, "CANONICAL", u);
	snprintf(u, sizeof u, "%s/pt/%s", page_base_url(), localized ? p + 4 : "");
	tpl_set(c->page, "URL_PT", u);
	snprintf(u, sizeof u, "%s/en/%s", page_base_url(), localized ? p + 4 : "");
	tpl_set(c->page, "URL_EN", u);
	tpl_set(c->page, "OG_LOCALE", c->en ? "en_GB" : "pt_PT");
}

/* Renders the layout with the page in c->body into c->resp->body.  Returns 0 or -1. */
static int
render(struct ctx *c, enum nav nav)
{
	static const char *const navkeys[NAV__MAX] = {
		NULL, "NAV_HOME", "NAV_NETWORK", "NAV_PLANS", "NAV_CONSULT", "NAV_EVENTS",
		"NAV_OGP" };
	char	 op[REQ_PATH_MAX + REQ_QUERY_MAX + 8];
	int	 i;

	i18n_apply(c->page, c->en);
	tpl_set_tglobal(c->page, "LANG", c->lang);
	tpl_set_tglobal(c->page, "OTHER", c->other);
	other_path(c, op, sizeof op);
	tpl_set(c->page, "OTHER_PATH", op);
	canonical(c);
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

/* Replaces whatever was built with the error page for status; key is the message. */
static void
error_page(struct ctx *c, int status, const char *key, const char *allow)
{
	char	 hkey[8];
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
	if (render(c, NAV_NONE) == 0)
		return;
bare:
	c->resp->ctype = "text/plain; charset=utf-8";
	buf_reset(&c->resp->body);
	buf_printf(&c->resp->body, "%d %s\n", status, resp_reason(status));
}

/* Formats an ISO time "YYYY-MM-DDTHH:MM:SSZ" as an HTTP date; returns 0 or -1. */
static int
http_date(const char *iso, char *out, size_t outlen)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof tm);
	if (iso == NULL || strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm) == NULL)
		return -1;
	return strftime(out, outlen, "%a, %d %b %Y %H:%M:%S GMT", &tm) > 0 ? 0 : -1;
}

/* The content version a worker last read with its time of change (HTTP date, "" when
 * not recorded): what the memo's fast path needs to answer without SQLite. */
static long long	 known_ver = -1;
static char		 known_lm[64];

/* Sets the validators of a public page at content version ver, last changed lm ("" when
 * not recorded); returns 1 when the client's copy is current (answer 304), else 0.
 * clock: the page also depends on the time (CACHE_CLOCK): the ETag carries the hour,
 * and no Last-Modified. */
static int
set_validators(struct ctx *c, long long ver, const char *lm, int clock)
{
	char		 etag[96], hour[16] = "";
	struct tm	 tm;
	const char	*inm = c->req->if_none_match, *ims = c->req->if_modified_since;
	int		 have_lm = !clock && *lm != '\0';

	if (clock) {
		gmtime_r(&c->now, &tm);
		strftime(hour, sizeof hour, "-%Y%m%d%H", &tm);
	}
	snprintf(etag, sizeof etag, "\"%lld-%s%s%s\"", ver, BUILD_ID, hour,
	    c->fmt == FMT_JSON ? "-json" : c->fmt == FMT_CSV ? "-csv" : "");
	resp_header(c->resp, "ETag", etag);
	if (have_lm)
		resp_header(c->resp, "Last-Modified", lm);
	resp_header(c->resp, "Cache-Control", "no-cache");
	if (inm != NULL)
		return strstr(inm, etag) != NULL || strcmp(inm, "*") == 0;
	return ims != NULL && have_lm && strcmp(ims, lm) == 0;
}

/* Reads the content version into page_version and sets the validators (above); returns
 * what set_validators returns, or -1 when the database cannot be read. */
static int
validators(struct ctx *c, int clock)
{
	sqlite3_stmt	*s = db_stmt(ST_STATE);

	if (sqlite3_step(s) != SQLITE_ROW)
		return -1;
	page_version = sqlite3_column_int64(s, 0);
	if (page_version != known_ver) {
		if (http_date(db_text(s, 1), known_lm, sizeof known_lm) != 0)
			known_lm[0] = '\0';
		known_ver = page_version;
	}
	sqlite3_reset(s);
	return set_validators(c, page_version, known_lm, clock);
}

/* Today's date (UTC) into c->today; ABERTA_TODAY=YYYY-MM-DD overrides it for tests. */
static void
set_today(struct ctx *c)
{
	const char	*t = getenv("ABERTA_TODAY");
	time_t		 now = time(NULL);
	struct tm	 tm;

	if (t != NULL && strlen(t) == 10) {
		snprintf(c->today, sizeof c->today, "%s", t);
		return;
	}
	gmtime_r(&now, &tm);
	strftime(c->today, sizeof c->today, "%Y-%m-%d", &tm);
}

/* Refuses a request whose origin is not this site: a cross-site Sec-Fetch-Site, or an
 * Origin that is not the Host.  Returns 1 when the request may go on. */
static int
same_origin(const struct ctx *c)
{
	const char	*sfs = c->req->sec_fetch_site, *o = c->req->origin, *h = c->req->host;
	const char	*rest;

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

/* The checks of an admin route: session, second factor, role, then (for POST) the
 * anti-CSRF token and the origin.  Returns 0 when the handler may run, or the status of
 * the answer already prepared (303 to the login page, 403). */
static int
admin_gate(struct ctx *c, const struct route *rt)
{
	static struct staff	 me;
	char			 tok[AUTH_TOKEN_HEX + 2], pre[AUTH_TOKEN_HEX + 2];
	const char		*csrf = NULL, *why = NULL;
	int			 rc;

	c->rw = rwdb;
	c->https = c->req->https != NULL && strcmp(c->req->https, "on") == 0;
	c->layout = "admin_layout.tpl";
	resp_header(c->resp, "Cache-Control", "no-store");
	if (req_cookie(c->req, page_cookie_name(c), tok, sizeof tok) != NULL &&
	    (rc = auth_session_get(c->rw, tok, c->now, &me)) <= 0) {
		if (rc < 0)
			return db_failed_set(), 503;
		c->me = &me;
	}
	if (rt->cap >= CAP_SECOND && c->me == NULL)
		return page_redirect(c, "/admin/login");
	if (rt->cap >= CAP_STAFF && !c->me->full)
		return page_redirect(c, c->me->has_totp ? "/admin/2fa" : "/admin/2fa/enrol");
	if ((rt->cap == CAP_CONTENT && c->me->role == ROLE_MEMBER) ||
	    (rt->cap == CAP_USERS && c->me->role != ROLE_ADMIN))
		why = "forbidden";
	if (why == NULL && c->req->method == METHOD_POST) {
		/* The login form always carries the pre-session token, even when a
		 * half-finished session (second factor pending) exists. */
		if (rt->cap == CAP_LOGIN) {
			if (req_cookie(c->req, c->https ? "__Host-aberta_pre" : "aberta_pre", pre,
			    sizeof pre) != NULL)
				csrf = pre;
		} else if (c->me != NULL)
			csrf = c->me->csrf;
		/* One token, no more: a repeated field would let a parser that reads
		 * another copy than ours see a different form. */
		if (csrf == NULL || req_form_count(c->req, "csrf") != 1 ||
		    !auth_csrf_ok(csrf, req_form(c->req, "csrf")) || !same_origin(c))
			why = "csrf";
	}
	/* The version a form was opened on is one number: a repeated one is refused
	 * rather than the first copy silently taken. */
	if (why == NULL && c->req->method == METHOD_POST &&
	    req_form_count(c->req, "version") > 1)
		return c->error = "ERR_BAD_BODY", 400;
	if (why == NULL)
		return 0;
	auth_audit(c->rw, c->me ? c->me->id : 0, c->me ? c->me->login : NULL,
	    c->req->remote_addr, why, c->req->path, NULL);
	c->error = strcmp(why, "csrf") == 0 ? "ERR_CSRF" : "ERR_FORBIDDEN";
	return 403;
}

/* Removes a trailing ".json" or ".csv" from r->path (the data formats of a page) and
 * returns the format it asked for; FMT_HTML when there is none. */
static enum fmt
strip_format(struct req *r)
{
	size_t	 n = strlen(r->path);

	if (n > 5 && strcmp(r->path + n - 5, ".json") == 0 && r->path[n - 6] != '/') {
		r->path[n - 5] = '\0';
		return FMT_JSON;
	}
	if (n > 4 && strcmp(r->path + n - 4, ".csv") == 0 && r->path[n - 5] != '/') {
		r->path[n - 4] = '\0';
		return FMT_CSV;
	}
	return FMT_HTML;
}

/* The format an Accept header prefers among HTML, JSON and CSV: the highest q-value,
 * each type taking the q of its most specific matching range; HTML wins ties and
 * answers when there is no header. */
static enum fmt
negotiate(const char *accept)
{
	static const char *const types[FMT__MAX] = { "text/html", "application/json",
		"text/csv" };
	double		 q[FMT__MAX] = { 0 }, qv;
	int		 spec[FMT__MAX] = { -1, -1, -1 }, sp, f, best = FMT_HTML;
	const char	*p = accept, *e, *qp;
	char		 range[128];
	size_t		 n;

	while (p != NULL && *p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		snprintf(range, sizeof range, "%.*s", (int)(n < sizeof range ? n : 0), p);
		p = e;
		qv = 1;
		if ((qp = strstr(range, ";q=")) != NULL || (qp = strstr(range, "; q=")) != NULL)
			qv = strtod(strchr(qp, '=') + 1, NULL);
		range[strcspn(range, "; ")] = '\0';
		for (f = 0; f < FMT__MAX; f++) {
			sp = strcmp(range, "*/*") == 0 ? 0 : strcasecmp(range, types[f]) == 0 ? 2 :
			    (strlen(range) > 2 && strcmp(range + strlen(range) - 2, "/*") == 0 &&
			    strncasecmp(range, types[f], strlen(range) - 1) == 0) ? 1 : -1;
			if (sp > spec[f]) {
				spec[f] = sp;
				q[f] = qv;
			}
		}
	}
	for (f = 1; f < FMT__MAX; f++)
		if (q[f] > q[best])
			best = f;
	return accept == NULL || q[best] <= 0 ? FMT_HTML : (enum fmt)best;
}

/* The links to the data formats of an HTML page: <link rel="alternate"> in the head,
 * and the DATA_LINKS of the layout. */
static void
data_links(struct ctx *c)
{
	char		 json[REQ_PATH_MAX + REQ_QUERY_MAX + 8], csv[sizeof json];
	const char	*q = c->req->query;
	tpl_dict	*d;

	snprintf(json, sizeof json, "%s.json%s%s", c->req->path, *q ? "?" : "", q);
	snprintf(csv, sizeof csv, "%s.csv%s%s", c->req->path, *q ? "?" : "", q);
	page_alternate(c, "application/json", json);
	page_alternate(c, "text/csv", csv);
	d = tpl_section(c->page, "DATA_LINKS");
	tpl_set(d, "JSON", json);
	tpl_set(d, "CSV", csv);
}

/* The answer when the database failed a request: 503 with a message that names the
 * storage fault when one is known (another writer holds the lock, the database is
 * read-only, the disk is full, an I/O error: nothing was changed), else 500; and a log
 * line with SQLite's own message. */
static void
db_error_page(struct ctx *c, const char *where)
{
	static const char *const keys[] = { NULL, "ERR_DB_BUSY", "ERR_DB_READONLY",
		"ERR_DB_FULL", "ERR_DB_IO" };
	enum db_fault	 f = db_fault(c->rw);	/* NULL for public pages */
	const char	*key;

	if (f == DBF_NONE)
		key = db_failed() == 2 ? "ERR_BUSY" : "ERR_INTERNAL";
	else if (f == DBF_BUSY && c->req->method != METHOD_POST)
		key = "ERR_BUSY";
	else
		key = keys[f];
	dispatch_log("database error %s %s: %s", where, c->req->path,
	    f != DBF_NONE ? db_fault_message() : db_last_error());
	error_page(c, f != DBF_NONE || db_failed() == 2 ? 503 : 500, key, NULL);
	if (c->resp->status == 503)
		resp_header(c->resp, "Retry-After", "10");
}

/* The content types an answer from the memo may have (the stored one must be one). */
static const char *const memo_types[] = { "text/html; charset=utf-8",
	"application/json; charset=utf-8", "text/csv; charset=utf-8; header=present",
	"application/atom+xml; charset=utf-8", "text/calendar; charset=utf-8" };

/* Sets memo_key for c: the date, the language, the format, the address and its raw
 * query, everything the answer depends on besides the content ("" when it does not fit:
 * no memo then). */
static void
memo_key_set(const struct ctx *c)
{
	int	 n;

	n = snprintf(memo_key, sizeof memo_key, "%s|%s|%d|%s?%s", c->today, c->lang,
	    (int)c->fmt, c->req->path, c->req->query);
	if (n < 0 || (size_t)n >= sizeof memo_key)
		memo_key[0] = '\0';
}

/* The memo's answer to memo_key at content version ver: 1 when the memo holds it, with
 * *f pointing at it (*flen bytes):
 * "<content type>\n<length of the header lines>\n<header lines><body>". */
static int
memo_lookup(long long ver, const char **f, size_t *flen)
{
	return memo_key[0] != '\0' && cache_memo_get(memo_key, ver, f, flen) == 1;
}

/* Answers c from the memo's answer f (see memo_lookup; its body is sent from where it
 * is, not copied); returns 1, or 0 when f is not one (c->resp unchanged). */
static int
memo_serve(struct ctx *c, const char *f, size_t flen)
{
	const char	*sp, *nl, *body;
	size_t		 i, hl;

	if ((nl = memchr(f, '\n', flen)) == NULL ||
	    (sp = memchr(nl + 1, '\n', flen - (size_t)(nl + 1 - f))) == NULL)
		return 0;
	hl = strtoul(nl + 1, NULL, 10);
	if (hl > flen - (size_t)(sp + 1 - f))
		return 0;
	for (i = 0; i < sizeof memo_types / sizeof memo_types[0]; i++)
		if (strlen(memo_types[i]) == (size_t)(nl - f) &&
		    memcmp(memo_types[i], f, (size_t)(nl - f)) == 0)
			break;
	if (i == sizeof memo_types / sizeof memo_types[0])
		return 0;
	c->resp->ctype = memo_types[i];
	buf_put(&c->resp->head, sp + 1, hl);
	body = sp + 1 + hl;
	c->resp->ext = body;
	c->resp->extlen = flen - (size_t)(body - f);
	resp_header(c->resp, "X-Aberta-Cache", "memo");
	c->resp->status = 200;
	page_publish = 0;
	return 1;
}

/* The memo's fast path, before any SQLite: when the generation nginx serves (current)
 * is the content version this worker last read, the memo holds the answer for it, and
 * that version is what a read transaction would see (every committed write switches
 * current before it returns, as for the page cache).  Returns 1 when c is answered
 * (200 from the memo, or 304); else 0, with *tried the version it looked at (-1 when
 * none), which the read transaction need not look at again. */
static int
memo_fast(struct ctx *c, long long *tried)
{
	const char		*f;
	size_t			 flen, h0 = c->resp->head.len;
	long long		 v;

	if (known_ver < 0 || (v = cache_current()) != known_ver)
		return 0;
	*tried = v;
	if (!memo_lookup(v, &f, &flen))
		return 0;
	page_version = v;
	if (set_validators(c, v, known_lm, 0) == 1) {
		c->resp->status = 304;
		page_publish = 0;
		return 1;
	}
	if (memo_serve(c, f, flen))
		return 1;
	c->resp->head.len = h0;		/* take the validators back: the slow path */
	c->resp->head.p[h0] = '\0';
	return 0;
}

/* Keeps a rendered answer to an address with a query in the memo (see memo_lookup). */
static void
memo_store(const struct ctx *c)
{
	static struct buf	 m;
	const struct resp	*r = c->resp;
	char			 meta[160];
	size_t			 i, hl;
	int			 n;

	for (i = 0; i < sizeof memo_types / sizeof memo_types[0]; i++)
		if (strcmp(r->ctype, memo_types[i]) == 0)
			break;
	if (memo_key[0] == '\0' || i == sizeof memo_types / sizeof memo_types[0] ||
	    r->head.len < memo_head || r->body.oom || r->head.oom)
		return;
	hl = r->head.len - memo_head;
	n = snprintf(meta, sizeof meta, "%s\n%zu\n", memo_types[i], hl);
	if (n < 0 || (size_t)n >= sizeof meta)
		return;
	/* The header lines the handler added follow the meta line. */
	buf_reset(&m);
	buf_put(&m, meta, (size_t)n);
	buf_put(&m, r->head.p + memo_head, hl);
	if (m.oom || cache_memo_put(memo_key, page_version, m.p, m.len, r->body.p,
	    r->body.len) < 0)
		dispatch_log("page cache: cannot keep the answer to %s?%s (generation %lld)",
		    c->req->path, c->req->query, page_version);
}

/* Routes c->req and runs the handler; the response is complete in c->resp after. */
static void
handle(struct ctx *c, int perr)
{
	const struct route	*rt = NULL;
	char			 fix[REQ_PATH_MAX + 2], allow[32], up[7];
	enum match		 m;
	long long		 tried = -1;	/* the version the memo's fast path looked at */
	int			 st;
	size_t			 i;

	set_lang(c, strncmp(c->req->path, "/en/", 4) == 0 ? "en" :
	    strncmp(c->req->path, "/pt/", 4) == 0 ? "pt" : req_pick_lang(c->req->accept_language));
	if (perr != 0) {
		error_page(c, perr, c->req->error, NULL);
		return;
	}
	m = route_find(c->req->path, &rt, c, fix, sizeof fix);
	if (m == MATCH_BAD_ARG && rt->fn == page_commitments_show &&
	    strlen(c->arg[0]) == 6) {
		for (i = 0; i < 6; i++)
			up[i] = (char)toupper((unsigned char)c->arg[0][i]);
		up[6] = '\0';
		if (valid_ogp_id(up)) {
			snprintf(fix, sizeof fix, "/%s/commitments/%s%s", c->lang, up,
			    c->fmt == FMT_JSON ? ".json" : c->fmt == FMT_CSV ? ".csv" : "");
			m = MATCH_REDIRECT;
		} else if (c->fmt != FMT_HTML)
			m = MATCH_NONE;
	} else if (m == MATCH_REDIRECT && c->fmt != FMT_HTML)
		m = MATCH_NONE;		/* no canonical forms for data addresses */
	if (m == MATCH_REDIRECT) {
		c->resp->status = 301;
		resp_header(c->resp, "Location", fix);
		resp_header(c->resp, "Cache-Control", "no-store");
		return;
	}
	if (m == MATCH_NONE) {
		error_page(c, 404, "ERR_NOT_FOUND", NULL);
		return;
	}
	set_lang(c, c->lang);
	if ((rt->methods & c->req->method) == 0) {
		route_allow(rt, allow, sizeof allow);
		error_page(c, 405, "ERR_METHOD", allow);
		return;
	}
	if (m == MATCH_BAD_ARG) {
		error_page(c, 400, rt->bad_arg, NULL);
		return;
	}
	if (c->fmt != FMT_HTML && (rt->methods & ROUTE_FORMATS) == 0) {
		error_page(c, 404, "ERR_NOT_FOUND", NULL);
		return;
	}
	if ((rt->methods & ROUTE_FORMATS) && c->fmt == FMT_HTML) {
		c->fmt = negotiate(c->req->accept);	/* the plain address: Accept */
		resp_header(c->resp, "Vary", "Accept");
		if (c->fmt != FMT_HTML)
			page_publish = 0;	/* never publish what Accept chose */
	}
	if (rt->cap != CAP_PUBLIC && (st = admin_gate(c, rt)) != 0) {
		c->resp->status = st;
		if (st == 503)
			db_error_page(c, "in the admin gate on");
		else if (st >= 400)
			error_page(c, st, c->error ? c->error : "ERR_FORBIDDEN", NULL);
		return;
	}
	if (rt->cap == CAP_PUBLIC && c->req->method == METHOD_POST) {
		/* A citizen's form: the same origin checks as the admin area (the forms are
		 * on cached pages and carry no per-visitor token). */
		if (!same_origin(c)) {
			/* Logged, not audited: anyone can send these, and the audit log
			 * is append-only. */
			dispatch_log("public POST refused: not from this site (%s)", c->req->path);
			error_page(c, 403, "ERR_CSRF_PUBLIC", NULL);
			return;
		}
	}
	if (rt->cap == CAP_PUBLIC && rt->cache == CACHE_NONE)
		c->rw = rwdb;	/* the citizen's forms and links write */
	if (rt->cache == CACHE_CLOCK)
		page_publish = 0;
	if (rt->cache == CACHE_PUBLIC || rt->cache == CACHE_CLOCK) {
		/* A GET of a plain public address is read in one transaction, so that the
		 * version it is published under is the version of its data. */
		if (page_publish && c->req->method == METHOD_GET && *c->req->query != '\0') {
			memo_key_set(c);
			if (memo_fast(c, &tried))
				return;
		}
		if (page_publish && c->req->method == METHOD_GET &&
		    sqlite3_step(db_stmt(ST_BEGIN)) == SQLITE_DONE)
			page_in_txn = 1;
		else
			page_publish = 0;
		if ((st = validators(c, rt->cache == CACHE_CLOCK)) < 0) {
			error_page(c, 503, "ERR_BUSY", NULL);
			return;
		}
		if (st == 1) {
			c->resp->status = 304;
			return;
		}
		if (page_publish && *c->req->query != '\0') {
			const char	*f;
			size_t		 flen;

			memo_head = c->resp->head.len;
			if (page_version != tried && memo_lookup(page_version, &f, &flen) &&
			    memo_serve(c, f, flen))
				return;
		}
	} else if (rt->cap == CAP_PUBLIC && rt->cache == CACHE_NONE)
		resp_header(c->resp, "Cache-Control", "no-store");
	st = c->fmt != FMT_HTML ? page_data_answer(c, rt->fn) : rt->fn(c);
	if (c->fmt != FMT_HTML && db_failed()) {
		db_error_page(c, "on");		/* never half the data */
		return;
	}
	if (c->fmt != FMT_HTML && c->body != NULL && st == 200) {
		error_page(c, 404, "ERR_NOT_FOUND", NULL);	/* never HTML as data */
		return;
	}
	if (c->body == NULL && (c->resp->body.len > 0 || (st >= 300 && st < 400))) {
		c->resp->status = st;	/* a plain answer the handler wrote itself */
		return;
	}
	if (db_failed()) {
		db_error_page(c, "on");
		return;
	}
	if (st >= 400 && c->body == NULL) {
		error_page(c, st, c->error ? c->error : "ERR_NOT_FOUND", NULL);
		return;
	}
	c->resp->status = st;
	if ((rt->methods & ROUTE_FORMATS) && c->body != NULL && st == 200)
		data_links(c);
	if (c->body != NULL && render(c, rt->nav) != 0) {
		dispatch_log("template expansion failed on %s", c->req->path);
		error_page(c, 500, "ERR_INTERNAL", NULL);
	}
}

/* Publishes the public answer in c->resp into the page cache when its type is one nginx
 * serves from there (HTML, JSON, CSV, Atom, iCalendar, XML, robots.txt). */
static void
publish(struct ctx *c)
{
	static const char *const types[] = { "text/html;", "application/json;", "text/csv;",
		"application/atom+xml;", "text/calendar;", "application/xml;", "text/plain;",
		"application/ld+json;" };
	char	 path[REQ_PATH_MAX + 8];
	size_t	 i;

	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strncmp(c->resp->ctype, types[i], strlen(types[i])) == 0)
			break;
	if (i == sizeof types / sizeof types[0] || (i == 6 &&
	    strcmp(c->req->path, "/robots.txt") != 0))
		return;
	snprintf(path, sizeof path, "%s%s", c->req->path, c->fmt == FMT_JSON ? ".json" :
	    c->fmt == FMT_CSV ? ".csv" : "");
	if (cache_store(path, i == 0, page_version, c->resp->body.p, c->resp->body.len) < 0)
		dispatch_log("page cache: cannot write %s (generation %lld)", path,
		    page_version);
}

int
dispatch(req_getter get, req_reader read, void *arg, struct buf *out)
{
	static struct req	 r;
	static struct resp	 resp;
	struct ctx		 c;
	int			 perr;

	memset(&c, 0, sizeof c);
	resp_reset(&resp);
	db_clear_error();
	perr = req_parse(&r, get, arg);
	if (perr == 0)
		perr = req_read_body(&r, read, arg);
	if (perr == 0)
		c.fmt = strip_format(&r);
	c.req = &r;
	c.layout = "layout.tpl";
	c.now = time(NULL);
	c.resp = &resp;
	set_today(&c);
	if ((c.page = tpl_dict_new()) == NULL)
		resp.status = 500;
	else {
		page_publish = 1;
		page_in_txn = 0;
		memo_key[0] = '\0';
		handle(&c, perr);
	}
	db_reset_all();
	if (page_in_txn)
		sqlite3_step(db_stmt(ST_COMMIT));
	if (page_in_txn && page_publish && resp.status == 200) {
		if (*r.query == '\0')
			publish(&c);
		else
			memo_store(&c);
	} else if (perr == 0 && r.method == METHOD_POST && rwdb != NULL &&
	    strncmp(r.path, "/admin/", 7) == 0)
		cache_invalidate(rwdb);	/* belt and braces: every write path calls it too */
	tpl_dict_free(c.page);
	req_free(&r);
	buf_reset(out);
	resp_serialize(&resp, r.method == METHOD_HEAD, out);
	return resp.status;
}
