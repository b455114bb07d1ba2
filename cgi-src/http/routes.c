#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "admin/admin.h"
#include "http/format.h"
#include "http/routes.h"
#include "pages/pages.h"
#include "lib/token.h"
#include "store/upload.h"
#include "lib/valid.h"

#define G  (METHOD_GET | METHOD_HEAD)
#define P  METHOD_POST
#define GP (METHOD_GET | METHOD_HEAD | METHOD_POST)
#define A  NAV_NONE, "ERR_BAD_PATH" /* admin routes: no public navigation entry */

static const struct route routes[] = {
	{ "/", G, page_root, NULL, CACHE_NONE, NAV_NONE, NULL, CAP_PUBLIC },
	{ "/healthz", G, page_health, NULL, CACHE_NONE, NAV_NONE, NULL, CAP_PUBLIC },
	{ "/robots.txt", G, page_robots, NULL, CACHE_PUBLIC, NAV_NONE, NULL, CAP_PUBLIC },
	{ "/sitemap.xml", G, page_sitemap, NULL, CACHE_PUBLIC, NAV_NONE, NULL, CAP_PUBLIC },
	{ "/badge/:file", G, page_badge, NULL, CACHE_PUBLIC, NAV_NONE, "ERR_BAD_OGP_ID",
	    CAP_PUBLIC },
	{ "/:lang/badge/:file", G, page_badge, NULL, CACHE_PUBLIC, NAV_NONE, "ERR_BAD_OGP_ID",
	    CAP_PUBLIC },
	{ "/:lang/feed.atom", G, page_feed_site, NULL, CACHE_PUBLIC, NAV_NONE, NULL, CAP_PUBLIC },
	{ "/:lang/plans/:int/feed.atom", G, page_feed_plan, NULL, CACHE_PUBLIC, NAV_NONE,
	    "ERR_BAD_PLAN_NUMBER", CAP_PUBLIC },
	{ "/:lang/commitments/:ogpid/feed.atom", G, page_feed_commitment, NULL, CACHE_PUBLIC,
	    NAV_NONE, "ERR_BAD_OGP_ID", CAP_PUBLIC },
	{ "/:lang/members/:slug/feed.atom", G, page_feed_member, NULL, CACHE_PUBLIC, NAV_NONE,
	    "ERR_BAD_SLUG", CAP_PUBLIC },
	{ "/:lang/values/:slug/feed.atom", G, page_feed_value, NULL, CACHE_PUBLIC, NAV_NONE,
	    "ERR_BAD_SLUG", CAP_PUBLIC },
	{ "/:lang/events/calendar.ics", G, page_ics_all, NULL, CACHE_PUBLIC, NAV_NONE, NULL,
	    CAP_PUBLIC },
	{ "/:lang/events/:int/calendar.ics", G, page_ics_event, NULL, CACHE_PUBLIC, NAV_NONE,
	    "ERR_BAD_EVENT_ID", CAP_PUBLIC },
	{ "/uploads/:sha", G, page_upload_get, NULL, CACHE_IMMUTABLE, NAV_NONE, "ERR_NOT_FOUND",
	    CAP_PUBLIC },
	{ "/:lang/", G, page_home, NULL, CACHE_PUBLIC, NAV_HOME, NULL, CAP_PUBLIC },
	{ "/:lang/network", G, page_network, page_data_network, CACHE_PUBLIC, NAV_NETWORK, NULL,
	    CAP_PUBLIC },
	{ "/:lang/members/:slug", G, page_member, page_data_member, CACHE_PUBLIC, NAV_NETWORK,
	    "ERR_BAD_SLUG", CAP_PUBLIC },
	{ "/:lang/plans", G, page_plans_list, page_data_plans_list, CACHE_PUBLIC, NAV_PLANS, NULL,
	    CAP_PUBLIC },
	{ "/:lang/commitments", G, page_commitments_list, page_commitments_list, CACHE_PUBLIC,
	    NAV_PLANS, NULL, CAP_PUBLIC },
	{ "/:lang/search", G, page_search, page_data_search, CACHE_PUBLIC, NAV_NONE, NULL,
	    CAP_PUBLIC },
	{ "/:lang/plans/:int", G, page_plans_show, page_data_plans_show, CACHE_PUBLIC, NAV_PLANS,
	    "ERR_BAD_PLAN_NUMBER", CAP_PUBLIC },
	{ "/:lang/commitments/:ogpid", G | ROUTE_UPCASE, page_commitments_show,
	    page_data_commitment, CACHE_PUBLIC, NAV_PLANS, "ERR_BAD_OGP_ID", CAP_PUBLIC },
	{ "/:lang/commitments/:ogpid/history", G, page_commitments_history, NULL, CACHE_PUBLIC,
	    NAV_PLANS, "ERR_BAD_OGP_ID", CAP_PUBLIC },
	{ "/:lang/plans/:int/history", G, page_plans_history, NULL, CACHE_PUBLIC, NAV_PLANS,
	    "ERR_BAD_PLAN_NUMBER", CAP_PUBLIC },
	{ "/:lang/plans/:int/as-of/:date", G, page_plans_asof, page_data_plans_asof, CACHE_PUBLIC,
	    NAV_PLANS, "ERR_BAD_SNAPSHOT_ADDRESS", CAP_PUBLIC },
	{ "/:lang/events", G, page_events_list, page_data_events_list, CACHE_PUBLIC, NAV_EVENTS,
	    NULL, CAP_PUBLIC },
	{ "/:lang/events/:int", G, page_events_show, page_data_event, CACHE_PUBLIC, NAV_EVENTS,
	    "ERR_BAD_EVENT_ID", CAP_PUBLIC },
	{ "/:lang/consultations", G, page_consultations_list, page_data_consultations_list,
	    CACHE_CLOCK, NAV_CONSULT, NULL, CAP_PUBLIC },
	{ "/:lang/consultations/:int", G, page_consultations_show, page_data_consultation,
	    CACHE_CLOCK, NAV_CONSULT, "ERR_BAD_CONSULTATION_ID", CAP_PUBLIC },
	{ "/:lang/consultations/:int/proposals", P, page_submit_proposal, NULL, CACHE_NONE,
	    NAV_CONSULT, "ERR_BAD_CONSULTATION_ID", CAP_PUBLIC },
	{ "/:lang/consultations/:int/comments", P, page_submit_consultation_comment, NULL,
	    CACHE_NONE, NAV_CONSULT, "ERR_BAD_CONSULTATION_ID", CAP_PUBLIC },
	{ "/:lang/commitments/:ogpid/comments", P, page_submit_commitment_comment, NULL, CACHE_NONE,
	    NAV_PLANS, "ERR_BAD_OGP_ID", CAP_PUBLIC },
	{ "/:lang/submissions/sent", G, page_submissions_sent, NULL, CACHE_PUBLIC, NAV_CONSULT,
	    NULL, CAP_PUBLIC },
	{ "/:lang/submissions/confirm/:token", GP, page_submission_confirm, NULL, CACHE_NONE,
	    NAV_CONSULT, "ERR_TOKEN", CAP_PUBLIC },
	{ "/:lang/submissions/withdraw/:token", GP, page_submission_withdraw, NULL, CACHE_NONE,
	    NAV_CONSULT, "ERR_TOKEN", CAP_PUBLIC },
	/* Following by email (store/follow.h): the form's POST, its answer, the
	 * confirmation, the management page; the one-click unsubscribe, from anywhere. */
	{ "/:lang/follow", P, page_follow, NULL, CACHE_NONE, NAV_NONE, NULL, CAP_PUBLIC },
	{ "/:lang/follow/sent", G, page_follow_sent, NULL, CACHE_PUBLIC, NAV_NONE, NULL,
	    CAP_PUBLIC },
	{ "/:lang/follow/confirm/:token", GP, page_follow_confirm, NULL, CACHE_NONE, NAV_NONE,
	    "ERR_TOKEN", CAP_PUBLIC },
	{ "/:lang/follow/manage/:token", GP, page_follow_manage, NULL, CACHE_NONE, NAV_NONE,
	    "ERR_TOKEN", CAP_PUBLIC },
	{ "/follow/unsubscribe/:token", GP | ROUTE_ANY_ORIGIN, page_follow_unsubscribe, NULL,
	    CACHE_NONE, NAV_NONE, "ERR_TOKEN", CAP_PUBLIC },
	{ "/:lang/follow/unsubscribe/:token", GP | ROUTE_ANY_ORIGIN, page_follow_unsubscribe, NULL,
	    CACHE_NONE, NAV_NONE, "ERR_TOKEN", CAP_PUBLIC },
	{ "/:lang/privacy", G, page_privacy, NULL, CACHE_PUBLIC, NAV_NONE, NULL, CAP_PUBLIC },
	{ "/:lang/ogp", G, page_text_ogp, NULL, CACHE_PUBLIC, NAV_OGP, NULL, CAP_PUBLIC },
	{ "/:lang/accessibility", G, page_text_accessibility, NULL, CACHE_PUBLIC, NAV_NONE, NULL,
	    CAP_PUBLIC },
	{ "/:lang/data", G, page_data, NULL, CACHE_PUBLIC, NAV_NONE, NULL, CAP_PUBLIC },
	{ "/:lang/data/dictionary", G, page_data_dictionary, NULL, CACHE_PUBLIC, NAV_NONE, NULL,
	    CAP_PUBLIC },
	{ "/data/catalog.jsonld", G, page_data_catalog, NULL, CACHE_PUBLIC, NAV_NONE, NULL,
	    CAP_PUBLIC },
	{ "/data/openapi", G, page_data_openapi, page_data_openapi, CACHE_PUBLIC, NAV_NONE, NULL,
	    CAP_PUBLIC },
	{ "/data/:file", G, page_data_file, page_data_file, CACHE_PUBLIC, NAV_NONE, "ERR_NOT_FOUND",
	    CAP_PUBLIC },
	/* The admin area: every route no-store; every POST checked for CSRF first. */
	{ "/admin/login", GP, page_admin_login, NULL, CACHE_NONE, A, CAP_LOGIN },
	{ "/admin/logout", P, page_admin_logout, NULL, CACHE_NONE, A, CAP_SECOND },
	{ "/admin/2fa", GP, page_admin_2fa, NULL, CACHE_NONE, A, CAP_SECOND },
	{ "/admin/2fa/enrol", GP, page_admin_2fa_enrol, NULL, CACHE_NONE, A, CAP_SECOND },
	{ "/admin/", G, page_admin_home, NULL, CACHE_NONE, A, CAP_STAFF },
	{ "/admin/reviews", G, page_admin_reviews, NULL, CACHE_NONE, A, CAP_CONTENT },
	{ "/admin/reviews/:int/approve", P, page_admin_review_approve, NULL, CACHE_NONE, A,
	    CAP_CONTENT },
	{ "/admin/reviews/:int/return", P, page_admin_review_return, NULL, CACHE_NONE, A,
	    CAP_CONTENT },
	{ "/admin/submissions", GP, page_admin_submissions, NULL, CACHE_NONE, A, CAP_CONTENT },
	{ "/admin/users", G, page_admin_users, NULL, CACHE_NONE, A, CAP_USERS },
	{ "/admin/users/new", P, page_admin_user_new, NULL, CACHE_NONE, A, CAP_USERS },
	{ "/admin/users/:int", GP, page_admin_user, NULL, CACHE_NONE, A, CAP_USERS },
	{ "/admin/users/:int/:slug", P, page_admin_user_action, NULL, CACHE_NONE, A, CAP_USERS },
	{ "/admin/audit", G, page_admin_audit, NULL, CACHE_NONE, A, CAP_USERS },
	{ "/admin/logins", G, page_admin_logins, NULL, CACHE_NONE, A, CAP_USERS },
	{ "/admin/logins/lift", P, page_admin_logins_lift, NULL, CACHE_NONE, A, CAP_USERS },
	{ "/admin/import", GP, page_admin_import, NULL, CACHE_NONE, A, CAP_CONTENT },
	{ "/admin/links", G, page_admin_links, NULL, CACHE_NONE, A, CAP_CONTENT },
	/* The email alerts: counts for focal points; an email address looked up by
	 * administrators only, by POST (so never in a URL, a log or the history). */
	{ "/admin/subscriptions", G, page_admin_subscriptions, NULL, CACHE_NONE, A, CAP_CONTENT },
	{ "/admin/subscriptions/lookup", P, page_admin_subscriptions_lookup, NULL, CACHE_NONE, A,
	    CAP_USERS },
	{ "/admin/rounds", GP, page_admin_rounds, NULL, CACHE_NONE, A, CAP_CONTENT },
	{ "/admin/rounds/:int", G, page_admin_round, NULL, CACHE_NONE, A, CAP_CONTENT },
	{ "/admin/rounds/:int/remind", P, page_admin_round_remind, NULL, CACHE_NONE, A,
	    CAP_CONTENT },
	{ "/admin/rounds/:int/close", GP, page_admin_round_close, NULL, CACHE_NONE, A,
	    CAP_CONTENT },
	/* A stored document: its facts and its withdrawal (a member editor sees the page of
	 * a file it may see; the POST is the focal point's), the file itself. */
	{ "/admin/uploads/:sha", GP, page_admin_upload, NULL, CACHE_NONE, A, CAP_STAFF },
	{ "/admin/uploads/:sha/file", G, page_upload_staff, NULL, CACHE_NONE, A, CAP_STAFF },
	{ "/admin/:slug", G, page_admin_list, NULL, CACHE_NONE, A, CAP_STAFF },
	/* Sources and evidence: the focal point's (the handlers refuse a member editor
	 * with where a milestone's evidence goes instead). */
	{ "/admin/sources/:int", GP, page_admin_source, NULL, CACHE_NONE, A, CAP_STAFF },
	{ "/admin/sources/:int/delete", GP, page_admin_source_delete, NULL, CACHE_NONE, A,
	    CAP_STAFF },
	{ "/admin/:slug/:int/sources", GP, page_admin_sources, NULL, CACHE_NONE, A, CAP_STAFF },
	{ "/admin/:slug/:int/sources/order", P, page_admin_sources_order, NULL, CACHE_NONE, A,
	    CAP_STAFF },
	{ "/admin/:slug/new", GP, page_admin_new, NULL, CACHE_NONE, A, CAP_STAFF },
	{ "/admin/commitments/:int/milestones", P, page_admin_ws_save, NULL, CACHE_NONE, A,
	    CAP_STAFF },
	{ "/admin/commitments/:int/milestones/new", P, page_admin_ws_add, NULL, CACHE_NONE, A,
	    CAP_STAFF },
	{ "/admin/commitments/:int/milestones/move", P, page_admin_ws_move, NULL, CACHE_NONE, A,
	    CAP_STAFF },
	{ "/admin/:slug/:int", GP, page_admin_edit, NULL, CACHE_NONE, A, CAP_STAFF },
	{ "/admin/commitments/:int/relations", GP, page_admin_relations, NULL, CACHE_NONE, A,
	    CAP_CONTENT },
	{ "/admin/:slug/:int/delete", GP, page_admin_delete, NULL, CACHE_NONE, A, CAP_CONTENT },
};

/* The segments of the path being matched: c->arg points into them. */
static char segs[8][128];

/* Copies the next segment of *p (up to '/' or the end) into seg; advances *p past it.
 * Returns 1 if a segment was read (possibly empty), 0 at the end of the path. */
static int
next_seg(const char **p, char *seg, size_t seglen)
{
	const char *s = *p, *e;
	size_t      n;

	if (*s != '/')
		return 0;
	s++;
	e = strchr(s, '/');
	n = e ? (size_t)(e - s) : strlen(s);
	if (n >= seglen)
		n = seglen - 1;
	memcpy(seg, s, n);
	seg[n] = '\0';
	*p = e ? e : s + strlen(s);
	return 1;
}

/* Checks one typed segment; returns 1 when valid, 0 when not (the shape still matches). */
static int
check_typed(const char *type, char *seg, struct ctx *c, int argi)
{
	if (strcmp(type, ":int") == 0)
		return valid_int(seg, 1, 999999, &c->num) == 0;
	if (strcmp(type, ":slug") == 0)
		return valid_slug(seg);
	if (strcmp(type, ":ogpid") == 0)
		return valid_ogp_id(seg);
	if (strcmp(type, ":date") == 0) /* a calendar day, YYYY-MM-DD */
		return strlen(seg) == 10 && valid_date(seg);
	if (strcmp(type, ":file") == 0) /* a file name: letters, digits, '.', '-', '_' */
		return strlen(seg) <= 80 &&
		    strspn(seg,
			"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
			"abcdefghijklmnopqrstuvwxyz0123456789.-_") == strlen(seg);
	if (strcmp(type, ":sha") == 0)
		return upload_valid_sha(seg);
	if (strcmp(type, ":token") == 0) {
		unsigned char h[32];
		return token_hash(seg, h) == 0;
	}
	(void)argi;
	return 0;
}

/* Tries one route on path (its segments into segs): -1 no match, 0 match, 1 shape
 * matches but a segment is invalid. */
static int
try_route(const struct route *rt, const char *path, struct ctx *c)
{
	const char *pp = rt->pattern, *xp = path;
	char        pseg[32], *seg;
	int         n = 0, argi = 0, bad = 0;

	for (;;) {
		int a = next_seg(&pp, pseg, sizeof pseg);
		int b = next_seg(&xp, segs[n], 128);
		if (!a || !b)
			return a == b ? (bad ? 1 : 0) : -1;
		seg = segs[n++];
		if (strcmp(pseg, ":lang") == 0) {
			if (strcmp(seg, "pt") != 0 && strcmp(seg, "en") != 0)
				return -1;
			c->lang = strcmp(seg, "en") == 0 ? "en" : "pt";
		} else if (pseg[0] == ':') {
			if (*seg == '\0' || argi >= ROUTE_ARGS_MAX)
				return -1;
			if (!check_typed(pseg, seg, c, argi))
				bad = 1;
			c->arg[argi++] = seg;
		} else if (strcmp(pseg, seg) != 0)
			return -1;
		if (n == 8)
			return -1;
	}
}

/* A route with ROUTE_UPCASE matched path but its :ogpid (c->arg[0], the last segment)
 * is invalid: when it is valid in capitals, writes the address with it so (and the
 * suffix of c->fmt) into fix.  Returns MATCH_REDIRECT, MATCH_NONE (six characters, not
 * an OGP id, in a data format) or MATCH_BAD_ARG. */
static enum match
upcase(const char *path, struct ctx *c, char *fix, size_t fixlen)
{
	char   up[7];
	size_t i;

	if (strlen(c->arg[0]) != 6)
		return MATCH_BAD_ARG;
	for (i = 0; i < 6; i++)
		up[i] = (char)toupper((unsigned char)c->arg[0][i]);
	up[6] = '\0';
	if (valid_ogp_id(up)) {
		snprintf(
		    fix, fixlen, "%.*s%s%s", (int)(strlen(path) - 6), path, up, fmt_suffix(c->fmt));
		return MATCH_REDIRECT;
	}
	return c->fmt != FMT_HTML ? MATCH_NONE : MATCH_BAD_ARG;
}

/* The canonical form of a path no route has: "/pt" -> "/pt/", "/admin" -> "/admin/",
 * "/pt/plans/" -> "/pt/plans".  Returns MATCH_REDIRECT with it in fix, or MATCH_NONE. */
static enum match
canonical(const char *path, struct ctx *c, char *fix, size_t fixlen)
{
	size_t i, len = strlen(path);

	if (len > 1 && path[len - 1] != '/' && len + 2 < fixlen) {
		snprintf(fix, fixlen, "%s/", path);
		for (i = 0; i < sizeof routes / sizeof routes[0]; i++)
			if (try_route(&routes[i], fix, c) == 0)
				return MATCH_REDIRECT;
	}
	if (len > 4 && path[len - 1] == '/' && len < fixlen) {
		memcpy(fix, path, len - 1);
		fix[len - 1] = '\0';
		for (i = 0; i < sizeof routes / sizeof routes[0]; i++)
			if (try_route(&routes[i], fix, c) == 0)
				return MATCH_REDIRECT;
	}
	return MATCH_NONE;
}

enum match
route_find(const char *path, const struct route **rt, struct ctx *c, char *fix, size_t fixlen)
{
	size_t i;
	int    r;

	for (i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		if ((r = try_route(&routes[i], path, c)) < 0)
			continue;
		*rt = &routes[i];
		if (r == 0)
			return MATCH_OK;
		return routes[i].methods & ROUTE_UPCASE ? upcase(path, c, fix, fixlen)
							: MATCH_BAD_ARG;
	}
	/* No canonical forms for data addresses. */
	if (canonical(path, c, fix, fixlen) == MATCH_REDIRECT && c->fmt == FMT_HTML)
		return MATCH_REDIRECT;
	return MATCH_NONE;
}

void
route_allow(const struct route *rt, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s%s%s", rt->methods & METHOD_GET ? "GET, " : "",
	    rt->methods & METHOD_HEAD ? "HEAD, " : "", rt->methods & METHOD_POST ? "POST, " : "");
	if (strlen(out) >= 2)
		out[strlen(out) - 2] = '\0';
}

size_t
route_count(void)
{
	return sizeof routes / sizeof routes[0];
}

const struct route *
route_at(size_t i)
{
	return &routes[i];
}
