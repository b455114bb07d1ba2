/* Unit tests: the link checker's decisions (GET fallback, failure classes, names), the
 * recording of results (a second check changes nothing, broken_since is kept, unused
 * addresses go), and archived copies stored once by digest.  Only loopback is contacted
 * (a port nobody listens on).  TAP output through Check. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "../lib/testlib.h"
#include "store/db.h"
#include "store/stmt.h"
#include "net/linkcheck.h"
#include "net/links.h"
#include "net/mailsend.h"
#include "store/upload.h"

START_TEST(get_fallback)
{
	/* HEAD refused or misunderstood: ask again with GET. */
	ck_assert(lc_get_fallback(CURLE_OK, 405));
	ck_assert(lc_get_fallback(CURLE_OK, 501));
	ck_assert(lc_get_fallback(CURLE_OK, 400));
	ck_assert(lc_get_fallback(CURLE_OK, 403));
	ck_assert(lc_get_fallback(CURLE_OK, 404));
	ck_assert(lc_get_fallback(CURLE_OK, 406));
	ck_assert(lc_get_fallback(CURLE_OK, 500));
	ck_assert(lc_get_fallback(CURLE_GOT_NOTHING, 0));
	ck_assert(lc_get_fallback(CURLE_WEIRD_SERVER_REPLY, 0));
	/* Final answers, and failures a GET would meet too. */
	ck_assert(!lc_get_fallback(CURLE_OK, 200));
	ck_assert(!lc_get_fallback(CURLE_OK, 204));
	ck_assert(!lc_get_fallback(CURLE_OK, 410));
	ck_assert(!lc_get_fallback(CURLE_OK, 429));
	ck_assert(!lc_get_fallback(CURLE_OK, 503));
	ck_assert(!lc_get_fallback(CURLE_OPERATION_TIMEDOUT, 0));
	ck_assert(!lc_get_fallback(CURLE_COULDNT_CONNECT, 0));
	ck_assert(!lc_get_fallback(CURLE_COULDNT_RESOLVE_HOST, 0));
	ck_assert(!lc_get_fallback(CURLE_PEER_FAILED_VERIFICATION, 0));
	ck_assert(!lc_get_fallback(CURLE_TOO_MANY_REDIRECTS, 301));
}
END_TEST

START_TEST(failures)
{
	ck_assert_int_eq(lc_failure_of(CURLE_OK, 200), LF_NONE);
	ck_assert_int_eq(lc_failure_of(CURLE_OK, 299), LF_NONE);
	ck_assert_int_eq(lc_failure_of(CURLE_OK, 301), LF_HTTP); /* no Location */
	ck_assert_int_eq(lc_failure_of(CURLE_OK, 404), LF_HTTP);
	ck_assert_int_eq(lc_failure_of(CURLE_OK, 0), LF_HTTP);
	ck_assert_int_eq(lc_failure_of(CURLE_OPERATION_TIMEDOUT, 0), LF_TIMEOUT);
	ck_assert_int_eq(lc_failure_of(CURLE_COULDNT_CONNECT, 0), LF_REFUSED);
	ck_assert_int_eq(lc_failure_of(CURLE_COULDNT_RESOLVE_HOST, 0), LF_DNS);
	ck_assert_int_eq(lc_failure_of(CURLE_PEER_FAILED_VERIFICATION, 0), LF_TLS);
	ck_assert_int_eq(lc_failure_of(CURLE_SSL_CONNECT_ERROR, 0), LF_TLS);
	ck_assert_int_eq(lc_failure_of(CURLE_TOO_MANY_REDIRECTS, 302), LF_REDIRECTS);
	ck_assert_int_eq(lc_failure_of(CURLE_UNSUPPORTED_PROTOCOL, 0), LF_SCHEME);
	ck_assert_int_eq(lc_failure_of(CURLE_RECV_ERROR, 0), LF_NETWORK);
	ck_assert_int_eq(lc_failure_of(CURLE_OUT_OF_MEMORY, 0), LF_OTHER);
	ck_assert_str_eq(lc_failure_name(LF_NONE), "");
	ck_assert_str_eq(lc_failure_name(LF_REDIRECTS), "redirects");
	ck_assert_str_eq(lc_failure_name(LF__MAX), "other");
}
END_TEST

START_TEST(result_names)
{
	struct lc_result r;
	char             moved[] = "https://example.org/new";

	memset(&r, 0, sizeof r);
	ck_assert_str_eq(lc_result_name(&r), "ok");
	r.final_url = moved;
	ck_assert_str_eq(lc_result_name(&r), "redirect");
	r.failure = LF_HTTP;
	ck_assert_str_eq(lc_result_name(&r), "broken");
}
END_TEST

START_TEST(url_names)
{
	char out[32];

	lc_url_name(
	    "https://ogp.gov.pt/docs/Plano%20de%20A%C3%A7%C3%A3o.pdf?x=1#p2", out, sizeof out);
	ck_assert_str_eq(out, "Plano de Ação.pdf");
	lc_url_name("https://ogp.gov.pt/", out, sizeof out);
	ck_assert_str_eq(out, "");
	lc_url_name("https://ogp.gov.pt", out, sizeof out);
	ck_assert_str_eq(out, "");
	lc_url_name("http://h/a/b/c.pdf", out, sizeof out);
	ck_assert_str_eq(out, "c.pdf");
	lc_url_name("http://h/%zz.pdf", out, sizeof out); /* not an escape: kept */
	ck_assert_str_eq(out, "%zz.pdf");
	lc_url_name("http://h/a-very-long-name-that-does-not-fit.pdf", out, 8);
	ck_assert_str_eq(out, "a-very-");
	lc_url_name("not a url", out, sizeof out);
	ck_assert_str_eq(out, "");
}
END_TEST

/* Every failure name is one the link_check table accepts (migration 5). */
START_TEST(failure_names_stored)
{
	sqlite3 *db;
	char     err[256], sql[256];
	int      f;

	db = db_open(":memory:", 1, err, sizeof err);
	ck_assert_ptr_nonnull(db);
	ck_assert_int_ge(db_migrate(db, err, sizeof err), 5);
	for (f = LF_HTTP; f < LF__MAX; f++) {
		snprintf(sql, sizeof sql,
		    "INSERT INTO link_check VALUES ('http://h/%d', "
		    "'broken', NULL, NULL, '%s', 'x', 't', 't', 't')",
		    f, lc_failure_name(f));
		ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK, "%s: %s",
		    lc_failure_name(f), sqlite3_errmsg(db));
	}
	/* broken_since goes with a broken result, and only with it. */
	ck_assert_int_ne(sqlite3_exec(db,
			     "INSERT INTO link_check VALUES ('http://h/a', "
			     "'broken', NULL, NULL, 'http', 'x', 't', 't', NULL)",
			     NULL, NULL, NULL),
	    SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db,
			     "INSERT INTO link_check VALUES ('http://h/b', "
			     "'ok', 200, NULL, NULL, NULL, 't', 't', 't')",
			     NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
}
END_TEST

/* Builds an IPv4 or IPv6 socket address from text: 1 when it is in a special-purpose
 * range (lc_special_range), the checker's never visited, else 0. */
static int
priv(const char *ip)
{
	struct sockaddr_in  a4;
	struct sockaddr_in6 a6;

	memset(&a4, 0, sizeof a4);
	memset(&a6, 0, sizeof a6);
	if (inet_pton(AF_INET, ip, &a4.sin_addr) == 1) {
		a4.sin_family = AF_INET;
		return lc_special_range((struct sockaddr *)&a4, sizeof a4) != NULL;
	}
	ck_assert_int_eq(inet_pton(AF_INET6, ip, &a6.sin6_addr), 1);
	a6.sin6_family = AF_INET6;
	return lc_special_range((struct sockaddr *)&a6, sizeof a6) != NULL;
}

START_TEST(private_addresses)
{
	static const char *const no[] = { "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1",
		"172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
		"224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12::1", "fe80::1",
		"ff02::1", "::ffff:127.0.0.1", "::ffff:192.168.0.1" };
	static const char *const yes[] = { "193.136.1.1", "8.8.8.8", "172.15.255.255", "172.32.0.1",
		"100.128.0.1", "192.169.0.1", "2001:200::1", "2a00:1450::1", "::ffff:193.136.1.1",
		"64:ff9b::193.136.1.1", "1.1.1.1", "223.255.255.254" };
	struct sockaddr_un       u;
	size_t                   i;

	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		ck_assert_msg(priv(no[i]) == 1, "%s should not be visited", no[i]);
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ck_assert_msg(priv(yes[i]) == 0, "%s should be visited", yes[i]);
	/* Not an internet address at all: never visited. */
	memset(&u, 0, sizeof u);
	u.sun_family = AF_UNIX;
	ck_assert_ptr_nonnull(lc_special_range((struct sockaddr *)&u, sizeof u));
}
END_TEST

/* One special-purpose range as the tests see it, written out by hand from the IANA
 * registries (not from the checker's table): addresses inside it (its first and last,
 * and others of note; NULL-ended) and an address just outside it that is visited (NULL:
 * none near it is). */
struct range_case {
	const char *range;
	const char *in[5];
	const char *out;
};

static const struct range_case ranges[] = {
	/* IPv4 Special-Purpose Address Registry, then multicast and the reserved block. */
	{ "0.0.0.0/8 this network", { "0.0.0.0", "0.255.255.255", "0.1.2.3" }, "1.0.0.1" },
	{ "10.0.0.0/8 private", { "10.0.0.0", "10.255.255.255" }, "11.0.0.1" },
	{ "100.64.0.0/10 shared (CGN)", { "100.64.0.0", "100.127.255.255" }, "100.128.0.1" },
	{ "127.0.0.0/8 loopback", { "127.0.0.0", "127.255.255.255", "127.0.0.1" }, "128.0.0.1" },
	{ "169.254.0.0/16 link-local", { "169.254.0.0", "169.254.255.255", "169.254.169.254" },
	    "169.255.0.1" },
	{ "172.16.0.0/12 private", { "172.16.0.0", "172.31.255.255" }, "172.32.0.1" },
	{ "192.0.0.0/24 IETF protocol assignments",
	    { "192.0.0.0", "192.0.0.255", "192.0.0.9", "192.0.0.170" }, "192.0.1.1" },
	{ "192.0.2.0/24 TEST-NET-1", { "192.0.2.0", "192.0.2.255" }, "192.0.3.1" },
	{ "192.31.196.0/24 AS112-v4", { "192.31.196.0", "192.31.196.255" }, "192.31.197.1" },
	{ "192.52.193.0/24 AMT", { "192.52.193.0", "192.52.193.255" }, "192.52.194.1" },
	{ "192.88.99.0/24 6to4 relay anycast", { "192.88.99.0", "192.88.99.255" }, "192.88.100.1" },
	{ "192.168.0.0/16 private", { "192.168.0.0", "192.168.255.255" }, "192.169.0.1" },
	{ "192.175.48.0/24 AS112 direct delegation", { "192.175.48.0", "192.175.48.255" },
	    "192.175.49.1" },
	{ "198.18.0.0/15 benchmarking", { "198.18.0.0", "198.19.255.255", "198.18.0.1" },
	    "198.20.0.1" },
	{ "198.51.100.0/24 TEST-NET-2", { "198.51.100.0", "198.51.100.255" }, "198.51.101.1" },
	{ "203.0.113.0/24 TEST-NET-3", { "203.0.113.0", "203.0.113.255" }, "203.0.114.1" },
	{ "224.0.0.0/4 multicast", { "224.0.0.0", "239.255.255.255", "224.0.0.1" },
	    "223.255.255.254" },
	{ "240.0.0.0/4 reserved", { "240.0.0.0", "255.255.255.254" }, NULL },
	{ "255.255.255.255/32 limited broadcast", { "255.255.255.255" }, NULL },
	/* IPv6 Special-Purpose Address Registry. */
	{ "::/128 unspecified", { "::" }, NULL },
	{ "::1/128 loopback", { "::1" }, NULL },
	{ "::ffff:0:0/96 IPv4-mapped, judged by its IPv4",
	    { "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:198.18.0.1", "::ffff:192.0.0.1" },
	    "::ffff:193.136.1.1" },
	{ "::/96 IPv4-compatible, judged by its IPv4",
	    { "::127.0.0.1", "::10.0.0.1", "::192.0.0.1", "::169.254.169.254" }, "::193.136.1.1" },
	{ "64:ff9b::/96 NAT64, judged by its IPv4",
	    { "64:ff9b::127.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b::a9fe:a9fe",
		"64:ff9b::198.19.0.1" },
	    "64:ff9b::193.136.1.1" },
	{ "64:ff9b:1::/48 local-use NAT64",
	    { "64:ff9b:1::", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff", "64:ff9b:1::193.136.1.1" },
	    NULL },
	{ "100::/64 discard-only", { "100::", "100::ffff:ffff:ffff:ffff" }, NULL },
	{ "2001::/32 Teredo",
	    { "2001::", "2001:0:ffff:ffff:ffff:ffff:ffff:ffff",
		"2001:0:4136:e378:8000:63bf:3fff:fdd2" },
	    NULL },
	{ "2001::/23 IETF protocol assignments",
	    { "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", "2001:1::1", "2001:2::1", "2001:3::1",
		"2001:20::1" },
	    "2001:200::1" },
	{ "2001:db8::/32 documentation", { "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff" },
	    "2001:db9::1" },
	{ "2002::/16 6to4", { "2002::", "2002:c000:201::1", "2002:c188:101::1" }, "2003::1" },
	{ "2620:4f:8000::/48 AS112 direct delegation",
	    { "2620:4f:8000::", "2620:4f:8000:ffff:ffff:ffff:ffff:ffff" }, "2620:4f:8001::1" },
	{ "3fff::/20 documentation", { "3fff::", "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff" },
	    "3fff:1000::1" },
	{ "5f00::/16 SRv6 SIDs", { "5f00::", "5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff" }, NULL },
	{ "fc00::/7 unique local", { "fc00::", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" }, NULL },
	{ "fe80::/10 link-local", { "fe80::", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff" }, NULL },
	{ "fec0::/10 site-local (deprecated)",
	    { "fec0::", "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fec0::1" }, NULL },
	{ "ff00::/8 multicast", { "ff00::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ff02::1" },
	    NULL },
	/* The IPv6 Address Space registry: global unicast is 2000::/3 alone. */
	{ "outside 2000::/3 (reserved by the IETF)",
	    { "200::1", "1000::1", "1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "4000::1",
		"e000::1" },
	    "2000::1" },
};

/* One range of ranges[] (the loop's _i): every address in it is refused, and the one
 * outside it visited. */
START_TEST(special_range)
{
	const struct range_case *c = &ranges[_i];
	size_t                   j;

	for (j = 0; j < sizeof c->in / sizeof c->in[0] && c->in[j] != NULL; j++)
		ck_assert_msg(
		    priv(c->in[j]) == 1, "%s: %s should not be visited", c->range, c->in[j]);
	if (c->out != NULL)
		ck_assert_msg(priv(c->out) == 0, "%s: %s should be visited", c->range, c->out);
}
END_TEST

/* A TCP socket listening on 127.0.0.1, its port in *port: a proxy that records the
 * connections made to it (they wait in its backlog). */
static int
listen_loopback(int *port)
{
	struct sockaddr_in a;
	socklen_t          len = sizeof a;
	int                fd = socket(AF_INET, SOCK_STREAM, 0);

	ck_assert_int_ge(fd, 0);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	ck_assert_int_eq(listen(fd, 16), 0);
	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	*port = ntohs(a.sin_port);
	return fd;
}

/* Points every proxy variable libcurl reads at the recording proxy on port; no
 * exceptions. */
static void
proxy_env(int port)
{
	static const char *const vars[] = { "http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy",
		"ALL_PROXY", "smtp_proxy", "SMTP_PROXY" };
	char                     url[64];
	size_t                   i;

	snprintf(url, sizeof url, "http://127.0.0.1:%d/", port);
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		setenv(vars[i], url, 1);
	unsetenv("no_proxy");
	unsetenv("NO_PROXY");
}

/* 1 when a connection waits on the listening socket fd. */
static int
contacted(int fd)
{
	struct pollfd p = { fd, POLLIN, 0 };

	return poll(&p, 1, 0) == 1;
}

/* lc_run's callback: keeps the failure. */
static void
keep_failure(struct lc_result *r, size_t i, void *arg)
{
	((enum lc_failure *)arg)[i] = r->failure;
}

/* A proxy named in the environment is never used: the checker goes straight to the
 * address (here a loopback port nobody listens on: refused), and the proxy sees no
 * connection. */
START_TEST(no_proxy_links)
{
	static const char *const urls[] = { "http://127.0.0.1:1/plan.pdf",
		"https://127.0.0.1:1/plan.pdf" };
	enum lc_failure          f[2] = { LF_NONE, LF_NONE };
	struct lc_opts           o;
	int                      port, fd = listen_loopback(&port);

	proxy_env(port);
	lc_opts_default(&o);
	o.allow_private = 1;
	o.connect_s = 2;
	o.timeout_s = 3;
	ck_assert_int_eq(lc_run(LC_CHECK, urls, 2, &o, keep_failure, f), 0);
	ck_assert_msg(!contacted(fd), "the link checker went through http_proxy");
	ck_assert_int_eq(f[0], LF_REFUSED);
	ck_assert_int_eq(f[1], LF_REFUSED);
	ck_assert_int_eq(lc_run(LC_FETCH, urls, 1, &o, keep_failure, f), 0);
	ck_assert_msg(!contacted(fd), "the archive went through http_proxy");
	close(fd);
}
END_TEST

/* The mail sender does not go through a proxy named in the environment either. */
START_TEST(no_proxy_mail)
{
	char err[300];
	int  port, fd = listen_loopback(&port);

	proxy_env(port);
	setenv("ABERTA_SMTP_URL", "smtp://127.0.0.1:1", 1);
	ck_assert_int_eq(
	    mail_send("a@example.org", "Subject: x\r\n\r\nx\r\n", 17, err, sizeof err), -1);
	ck_assert_msg(!contacted(fd), "the mail went through a proxy (%s)", err);
	close(fd);
}
END_TEST

/* An integer from sql on db. */
static long long
one(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	long long     v = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* A database with a plan whose document is on a loopback port nobody listens on, and
 * an event whose address libcurl does not speak. */
static sqlite3 *
dead_links_db(void)
{
	sqlite3 *db;
	char     err[256];

	setenv("ABERTA_CACHE", "off", 1);
	db = db_open(":memory:", 1, err, sizeof err);
	ck_assert_ptr_nonnull(db);
	ck_assert_int_ge(db_migrate(db, err, sizeof err), 5);
	ck_assert_msg(store_prepare(STORE_RW, db, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(
	    sqlite3_exec(db,
		"INSERT INTO action_plan (number, document_url) "
		"VALUES (2, 'http://127.0.0.1:1/plan.pdf'); INSERT INTO event (url) VALUES "
		"('httpz://127.0.0.1/x'); INSERT INTO entity (slug, website) VALUES ('long', "
		"'http://127.0.0.1:1/' || printf('%.3000c', 'x'))",
		NULL, NULL, NULL),
	    SQLITE_OK);
	return db;
}

START_TEST(check_records_once)
{
	struct links_report r;
	struct lc_opts      o;
	sqlite3            *db = dead_links_db();
	FILE               *out = fopen("/dev/null", "w");
	long long           v1, v2;

	lc_opts_default(&o);
	o.connect_s = 2;
	o.timeout_s = 5;
	/* By default a loopback address is not visited at all. */
	ck_assert_int_eq(links_check(db, &o, "2025-12-31T00:00:00Z", out, &r), 0);
	ck_assert_int_eq(
	    one(db,
		"SELECT count(*) FROM link_check WHERE url = "
		"'http://127.0.0.1:1/plan.pdf' AND failure = 'scheme' AND error LIKE "
		"'a special-purpose address, not visited: 127.0.0.0/8 loopback (RFC 1122)'"),
	    1);
	ck_assert_int_eq(sqlite3_exec(db, "DELETE FROM link_check", NULL, NULL, NULL), SQLITE_OK);
	o.allow_private = 1;
	ck_assert_int_eq(links_check(db, &o, "2026-01-01T00:00:00Z", out, &r), 0);
	ck_assert_uint_eq(r.total, 2); /* the 3000-byte address is left out */
	ck_assert_uint_eq(r.broken, 2);
	ck_assert_uint_eq(r.changed, 2);
	ck_assert_int_eq(
	    one(db,
		"SELECT count(*) FROM link_check WHERE url = "
		"'http://127.0.0.1:1/plan.pdf' AND failure = 'refused' AND broken_since = "
		"'2026-01-01T00:00:00Z'"),
	    1);
	ck_assert_int_eq(one(db, "SELECT count(*) FROM link_check WHERE failure = 'scheme'"), 1);
	v1 = one(db, "SELECT content_version FROM site_state");
	/* Again a day later: nothing changed but the time checked. */
	ck_assert_int_eq(links_check(db, &o, "2026-01-02T00:00:00Z", out, &r), 0);
	ck_assert_uint_eq(r.changed, 0);
	v2 = one(db, "SELECT content_version FROM site_state");
	ck_assert_int_eq(v1, v2);
	ck_assert_int_eq(
	    one(db,
		"SELECT count(*) FROM link_check WHERE broken_since = "
		"'2026-01-01T00:00:00Z' AND changed_at = '2026-01-01T00:00:00Z' AND checked_at = "
		"'2026-01-02T00:00:00Z'"),
	    2);
	/* An address no longer used goes; the public pages change (the version moves). */
	ck_assert_int_eq(sqlite3_exec(db, "DELETE FROM event", NULL, NULL, NULL), SQLITE_OK);
	v1 = one(db, "SELECT content_version FROM site_state");
	ck_assert_int_eq(links_check(db, &o, "2026-01-03T00:00:00Z", out, &r), 0);
	ck_assert_uint_eq(r.removed, 1);
	ck_assert_int_eq(one(db, "SELECT count(*) FROM link_check"), 1);
	ck_assert_int_gt(one(db, "SELECT content_version FROM site_state"), v1);
	fclose(out);
	sqlite3_close(db);
}
END_TEST

/* The number of regular files directly in dir (not dot files). */
static int
files_in(const char *dir)
{
	DIR           *d = opendir(dir);
	struct dirent *e;
	int            n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* Removes dir/name. */
static void
unlink_in(const char *dir, const char *name)
{
	char p[300];

	snprintf(p, sizeof p, "%s/%s", dir, name);
	unlink(p);
}

#define S(lit) lit, sizeof lit - 1 /* a literal and its length */

START_TEST(archive_once)
{
	static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n"
				  "%%EOF\n";
	static const char html[] = "<!DOCTYPE html><html><head><title>x</title></head>"
				   "<body><script>alert(1)</script></body></html>\n";
	char          dir[] = "/tmp/aberta-links-XXXXXX", sha[65], sha2[65], sha3[65], name[200];
	const char   *mime, *why;
	sqlite3      *db;
	char          err[256];
	sqlite3_stmt *s;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	db = db_open(":memory:", 1, err, sizeof err);
	ck_assert_int_ge(db_migrate(db, err, sizeof err), 5);
	/* The name from the address keeps its extension when it agrees... */
	ck_assert_int_eq(
	    upload_archive(db, dir, pdf, sizeof pdf - 1, "Plano 2.pdf", sha, &mime, &why), 0);
	ck_assert_str_eq(mime, "application/pdf");
	/* ...the same bytes under another name are the same copy, stored once... */
	ck_assert_int_eq(
	    upload_archive(db, dir, pdf, sizeof pdf - 1, "view.php", sha2, &mime, &why), 0);
	ck_assert_str_eq(sha, sha2);
	ck_assert_int_eq(files_in(dir), 1);
	ck_assert_int_eq(one(db, "SELECT count(*) FROM upload"), 1);
	ck_assert_int_eq(
	    sqlite3_prepare_v2(db, "SELECT name FROM upload", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	snprintf(name, sizeof name, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	ck_assert_str_eq(name, "Plano 2.pdf");
	/* ...text that is not HTML, a binary of another kind, an empty body are refused... */
	ck_assert_int_eq(
	    upload_archive(db, dir, S("just some text\n"), "doc.pdf", sha2, &mime, &why), -1);
	ck_assert_ptr_nonnull(why);
	ck_assert_int_eq(
	    upload_archive(db, dir, S("<htmlx>not html</htmlx>"), "a.html", sha2, &mime, &why), -1);
	ck_assert_int_eq(
	    upload_archive(db, dir, S("PK\3\4\0\0zip"), "a.zip", sha2, &mime, &why), -1);
	ck_assert_int_eq(upload_archive(db, dir, "", 0, "doc.pdf", sha2, &mime, &why), -1);
	ck_assert_int_eq(files_in(dir), 1);
	/* ...a staff upload never takes HTML, an archived page does (downloaded only). */
	ck_assert_int_eq(
	    upload_store(db, dir, html, sizeof html - 1, "page.html", 0, sha2, &why), -1);
	ck_assert_int_eq(
	    upload_archive(db, dir, html, sizeof html - 1, "noticia5", sha2, &mime, &why), 0);
	ck_assert_str_eq(mime, "text/html");
	ck_assert_int_eq(upload_type(mime)->inline_ok, 0);
	ck_assert_int_eq(upload_archive(db, dir, S("\xef\xbb\xbf <!-- x -->\n<HTML lang=pt>"),
			     "p.htm", sha3, &mime, &why),
	    0);
	ck_assert_int_eq(one(db,
			     "SELECT count(*) FROM upload WHERE name IN ('document.html', "
			     "'p.htm') AND mime = 'text/html'"),
	    2);
	unlink_in(dir, sha2);
	unlink_in(dir, sha3);
	/* A name whose extension disagrees gives document.<ext>. */
	ck_assert_int_eq(
	    upload_archive(db, dir, "%PDF-1.7\nother\n", 15, "index.html", sha2, &mime, &why), 0);
	ck_assert_int_eq(one(db, "SELECT count(*) FROM upload WHERE name = 'document.pdf'"), 1);
	ck_assert_int_eq(files_in(dir), 2);
	sqlite3_close(db);
	unlink_in(dir, sha);
	unlink_in(dir, sha2);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { get_fallback, private_addresses, failures, result_names,
		url_names, failure_names_stored, no_proxy_links, no_proxy_mail, check_records_once,
		archive_once, NULL };
	Suite             *su = tests_suite("links", 0, tests);
	TCase             *tc = tcase_create("special ranges");
	int                rc;

	tcase_add_loop_test(tc, special_range, 0, (int)(sizeof ranges / sizeof ranges[0]));
	suite_add_tcase(su, tc);
	rc = tests_main(su);

	upload_done();
	return rc;
}
