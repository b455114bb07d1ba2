/* routes: the one table that says which handler answers which path and method. */
#ifndef ABERTA_ROUTES_H
#define ABERTA_ROUTES_H
#include "http/req.h" /* METHOD_*, REQ_PATH_MAX */
#include "view/page.h"

enum cache_class {
	CACHE_PUBLIC,    /* depends only on the content: validators, 304, revalidate */
	CACHE_NONE,      /* never stored: no-store */
	CACHE_IMMUTABLE, /* content-addressed: the handler sets its own Cache-Control */
	CACHE_CLOCK,     /* depends on the content and the clock (a consultation's countdown):
			 * validators that change every hour, never published in the cache */
	CACHE__MAX
};

/* Who may reach a route; the dispatcher checks it before any handler runs. */
enum cap {
	CAP_PUBLIC,  /* the public site: no session is even looked at */
	CAP_LOGIN,   /* admin pages for people not logged in (the login form) */
	CAP_SECOND,  /* password given, second factor pending (2FA pages) */
	CAP_STAFF,   /* any staff member (member editors: checked per object too) */
	CAP_CONTENT, /* focal-point editors and administrators */
	CAP_USERS,   /* administrators only */
	CAP__MAX
};

enum nav { NAV_NONE, NAV_HOME, NAV_NETWORK, NAV_PLANS, NAV_CONSULT, NAV_EVENTS, NAV_OGP, NAV__MAX };

/* A flag kept in a route's methods word: the route's last segment is an :ogpid, and one
 * that is valid once in capitals (pt0013) is answered 301 to the address with it so
 * (PT0013, with the .json / .csv suffix asked for); one of six characters that is not
 * answers 404 in the data formats. */
#define ROUTE_UPCASE (1u << 8)
/* A flag kept in a route's methods word: a public POST that is answered whatever its
 * Origin or Sec-Fetch-Site (the one-click unsubscribe of RFC 8058, which mail providers
 * send from their own servers); the token in its path is its authority. */
#define ROUTE_ANY_ORIGIN (1u << 9)

struct route {                   /* NOLINT(clang-analyzer-optin.performance.Padding): table order */
	const char  *pattern;    /* segments: literal, :lang, :int, :ogpid, :slug, :sha, :file,
					 * :token (64 lower-case hex), :date (YYYY-MM-DD) */
	unsigned int methods;    /* METHOD_* bits, ROUTE_UPCASE, ROUTE_ANY_ORIGIN */
	int (*fn)(struct ctx *); /* the handler (pages/pages.h, admin/admin.h) */
	int (*data)(struct ctx *); /* the answer in JSON and CSV (a .json / .csv
					 * suffix on the path, or Accept; pages/data.c), or
					 * NULL: HTML only, a suffix answers 404 */
	enum cache_class cache;
	enum nav         nav;     /* which navigation entry is current */
	const char      *bad_arg; /* message key when a typed segment is invalid */
	enum cap         cap;     /* who may reach it */
};

enum match {
	MATCH_OK,       /* route found and its segments are valid */
	MATCH_NONE,     /* no route has this shape: 404 */
	MATCH_BAD_ARG,  /* a route has this shape but a segment is invalid: 400 */
	MATCH_REDIRECT, /* a canonical form exists (case, trailing slash): 301 to *fix */
};

/* Finds the route for path (its format, c->fmt, already taken off).  On MATCH_OK and
 * MATCH_BAD_ARG sets *rt and fills c->lang, c->arg and c->num; on MATCH_REDIRECT writes
 * the canonical path into fix.  A data address (c->fmt not FMT_HTML) has no canonical
 * form but an OGP id in capitals (ROUTE_UPCASE). */
enum match route_find(
    const char *path, const struct route **rt, struct ctx *c, char *fix, size_t fixlen);
/* The Allow header value for a route's methods ("GET, HEAD"). */
void route_allow(const struct route *rt, char *out, size_t outlen);
/* The table itself, for tests: the number of routes and route i. */
size_t              route_count(void);
const struct route *route_at(size_t i);

#endif
