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

#include "../lib/testlib.h"
#include "store/db.h"
#include "store/stmt.h"
#include "net/linkcheck.h"
#include "net/links.h"
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

/* Builds an IPv4 or IPv6 socket address from text and asks lc_private_addr. */
static int
priv(const char *ip)
{
	struct sockaddr_in  a4;
	struct sockaddr_in6 a6;

	memset(&a4, 0, sizeof a4);
	memset(&a6, 0, sizeof a6);
	if (inet_pton(AF_INET, ip, &a4.sin_addr) == 1) {
		a4.sin_family = AF_INET;
		return lc_private_addr((struct sockaddr *)&a4, sizeof a4);
	}
	ck_assert_int_eq(inet_pton(AF_INET6, ip, &a6.sin6_addr), 1);
	a6.sin6_family = AF_INET6;
	return lc_private_addr((struct sockaddr *)&a6, sizeof a6);
}

START_TEST(private_addresses)
{
	static const char *const no[] = { "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1",
		"172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
		"224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12::1", "fe80::1",
		"ff02::1", "::ffff:127.0.0.1", "::ffff:192.168.0.1" };
	static const char *const yes[] = { "193.136.1.1", "8.8.8.8", "172.15.255.255", "172.32.0.1",
		"100.128.0.1", "192.169.0.1", "2001:db8::1", "2a00:1450::1", "::ffff:193.136.1.1" };
	size_t                   i;

	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		ck_assert_msg(priv(no[i]) == 1, "%s should not be visited", no[i]);
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ck_assert_msg(priv(yes[i]) == 0, "%s should be visited", yes[i]);
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
	ck_assert_int_eq(one(db,
			     "SELECT count(*) FROM link_check WHERE url = "
			     "'http://127.0.0.1:1/plan.pdf' AND failure = 'scheme' AND error LIKE "
			     "'a loopback, private or link-local network address%'"),
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
		url_names, failure_names_stored, check_records_once, archive_once, NULL };
	int                rc = tests_main(tests_suite("links", 0, tests));

	upload_done();
	return rc;
}
