/* What the site gives other programs, and what it says of itself there: the iCalendar
 * files of the events and the links to them, the Atom feeds' dates, the status badge.
 * The real aberta binary in CGI mode against a temporary database holding the real
 * content.  TAP output through Check. */
#include <sqlite3.h>

#include "../lib/testlib.h"

static char dbpath[64];
static char binary[512];

/* Runs GET uri as CGI into r. */
static void
get(const char *uri, struct res *r)
{
	cgi_run(binary, dbpath, "GET", uri, NULL, NULL, 0, r);
}

/* Runs sql (one statement, no result) on the test database. */
static void
sql(const char *q)
{
	sqlite3 *db;
	char    *err = NULL;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_msg(
	    sqlite3_exec(db, q, NULL, NULL, &err) == SQLITE_OK, "%s: %s", q, err ? err : "?");
	sqlite3_close(db);
}

/* Whether an event starting on start (NULL: no date) has a day a calendar can hold. */
static int
has_day(const unsigned char *start)
{
	return start != NULL && strlen((const char *)start) == 10;
}

/* Every event page in lang offers the calendar file exactly when the event has a start
 * day, and every file it offers answers with that event. */
static void
calendar_links(const char *lang)
{
	sqlite3      *db;
	sqlite3_stmt *s;
	struct res    r;
	char          uri[96], link[96];
	long long     id;
	int           day, offered;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_prepare_v2(db, "SELECT id, start_date FROM event", -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		day = has_day(sqlite3_column_text(s, 1));
		snprintf(uri, sizeof uri, "/%s/events/%lld", lang, id);
		snprintf(link, sizeof link, "href=\"/%s/events/%lld/calendar.ics\"", lang, id);
		get(uri, &r);
		ck_assert_msg(r.status == 200, "%s: %d", uri, r.status);
		offered = strstr(r.body.p, link) != NULL;
		res_free(&r);
		ck_assert_msg(offered == day, "%s %s the calendar file", uri,
		    offered ? "offers" : "does not offer");
		snprintf(uri, sizeof uri, "/%s/events/%lld/calendar.ics", lang, id);
		get(uri, &r);
		ck_assert_msg(r.status == (day ? 200 : 404), "%s: %d", uri, r.status);
		if (day)
			ck_assert_msg(res_count(&r, "BEGIN:VEVENT") == 1, "%s: %s", uri, r.body.p);
		res_free(&r);
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* An event whose date is a year or a month only cannot be in a calendar: no link to a
 * file that would answer 404; with a day it can, as an all-day entry. */
START_TEST(calendar_only_for_a_day)
{
	struct res r;

	sql("UPDATE event SET start_date = '2021-05', end_date = NULL WHERE id = 2");
	sql("UPDATE event SET start_date = '2020', end_date = NULL WHERE id = 3");
	calendar_links("en");
	calendar_links("pt");
	sql("UPDATE event SET start_date = '2021-05-17', end_date = '2021-06' WHERE id = 2");
	calendar_links("en");
	get("/en/events/2/calendar.ics", &r);
	ck_assert_msg(strstr(r.body.p, "DTSTART;VALUE=DATE:20210517\r\n") != NULL &&
		strstr(r.body.p, "DTEND;VALUE=DATE:20210518\r\n") != NULL,
	    "%s", r.body.p);
	res_free(&r);
}
END_TEST

/* Copies into out (size len) the text of the one-row, one-column query q (NULL: "").  */
static void
sql_text(const char *q, char *out, size_t len)
{
	sqlite3      *db;
	sqlite3_stmt *s;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, q, -1, &s, NULL) == SQLITE_OK, "%s", q);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	snprintf(out, len, "%s",
	    sqlite3_column_text(s, 0) ? (const char *)sqlite3_column_text(s, 0) : "");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* Asserts that the Atom feed at uri (both languages: uri starts after /pt or /en) is
 * updated at the time of its newest entry, or at want when it has none; never 1970. */
static void
feed_updated(const char *uri, const char *want)
{
	struct res  r;
	char        u[160], feed[32], newest[32] = "", at[32];
	const char *p, *e;
	int         l;

	for (l = 0; l < 2; l++) {
		snprintf(u, sizeof u, "/%s%s", l ? "en" : "pt", uri);
		get(u, &r);
		ck_assert_msg(r.status == 200, "%s: %d", u, r.status);
		ck_assert_msg(strstr(r.body.p, "1970-01-01") == NULL, "%s: %s", u, r.body.p);
		ck_assert_ptr_nonnull(p = strstr(r.body.p, "<updated>"));
		ck_assert_ptr_nonnull(e = strstr(r.body.p, "<entry>")
			? strstr(r.body.p, "<entry>")
			: strstr(r.body.p, "</feed>"));
		ck_assert_msg(p < e, "%s: no <updated> of the feed", u);
		snprintf(feed, sizeof feed, "%.20s", p + 9);
		for (p = e; (p = strstr(p, "<updated>")) != NULL; p += 9) {
			snprintf(at, sizeof at, "%.20s", p + 9);
			if (strcmp(at, newest) > 0)
				snprintf(newest, sizeof newest, "%s", at);
		}
		ck_assert_msg(strcmp(feed, newest[0] ? newest : want) == 0,
		    "%s: updated %s, its newest entry %s, the record %s", u, feed,
		    newest[0] ? newest : "(none)", want);
		res_free(&r);
	}
}

/* Every feed says when it last changed: its newest entry's time, or the record's own
 * updated_at when it has no entry. */
START_TEST(feeds_are_dated)
{
	char at[32];

	sql_text("SELECT updated_at FROM commitment WHERE ogp_id = 'PT0013'", at, sizeof at);
	feed_updated("/commitments/PT0013/feed.atom", at);
	sql_text("SELECT updated_at FROM action_plan WHERE number = 2", at, sizeof at);
	feed_updated("/plans/2/feed.atom", at);
	sql_text("SELECT updated_at FROM entity WHERE slug = 'ama'", at, sizeof at);
	feed_updated("/members/ama/feed.atom", at);
	sql_text("SELECT max(c.updated_at) FROM commitment c JOIN commitment_value v "
		 "ON v.commitment_id = c.id WHERE v.value = 'civic_participation'",
	    at, sizeof at);
	feed_updated("/values/civic-participation/feed.atom", at);
	sql_text("SELECT changed_at FROM site_state", at, sizeof at);
	feed_updated("/feed.atom", at);
	/* A change of PT0013's status is its feed's newest entry, and the feed's time. */
	sql("INSERT INTO revision (change_id, at, actor, tbl, row_id, commitment_id, plan_id, "
	    "op, field, before, after) SELECT 1, '2026-12-08T10:00:00Z', 'Teste', 'commitment', "
	    "id, id, plan_id, 'update', 'self_status', NULL, 'complete' FROM commitment "
	    "WHERE ogp_id = 'PT0013'");
	feed_updated("/commitments/PT0013/feed.atom", "2026-12-08T10:00:00Z");
	feed_updated("/members/ama/feed.atom", "2026-12-08T10:00:00Z");
}
END_TEST

/* Asserts that the body of uri has needle. */
static void
body_has(const char *uri, const char *needle)
{
	struct res r;

	get(uri, &r);
	ck_assert_msg(r.status == 200, "%s: %d", uri, r.status);
	ck_assert_msg(strstr(r.body.p, needle) != NULL, "%s lacks %s: %s", uri, needle, r.body.p);
	res_free(&r);
}

/* The badge speaks the page's language, and the picture of it on a page says the status
 * in its alt text, in the same words. */
START_TEST(badge_in_the_page_language)
{
	sql("UPDATE commitment SET self_status = NULL WHERE ogp_id = 'PT0013'");
	sql("UPDATE commitment SET self_status = 'complete' WHERE ogp_id = 'PT0018'");
	body_has("/en/badge/PT0013.svg",
	    "aria-label=\"PT0013 Self-reported status: not yet "
	    "recorded\"");
	body_has("/en/badge/PT0013.svg", ">not yet recorded</text>");
	body_has("/pt/badge/PT0013.svg", ">ainda não registado</text>");
	body_has("/en/badge/PT0018.svg", "<title>PT0018 Self-reported status: Complete</title>");
	body_has("/pt/badge/PT0018.svg", "<title>PT0018 Estado declarado: Concluído</title>");
	/* The address embedded elsewhere keeps answering, in Portuguese. */
	body_has("/badge/PT0018.svg", "<title>PT0018 Estado declarado: Concluído</title>");
	body_has("/en/commitments/PT0013",
	    "<img src=\"/en/badge/PT0013.svg\" alt=\"PT0013 Self-reported status: not yet "
	    "recorded\">");
	body_has("/en/commitments/PT0018",
	    "<img src=\"/en/badge/PT0018.svg\" alt=\"PT0018 Self-reported status: Complete\">");
	body_has("/pt/commitments/PT0018",
	    "<img src=\"/pt/badge/PT0018.svg\" alt=\"PT0018 Estado declarado: Concluído\">");
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { calendar_only_for_a_day, feeds_are_dated,
		badge_in_the_page_language, NULL };
	const char        *bd = getenv("ABERTA_BUILDDIR");
	int                failed;

	snprintf(binary, sizeof binary, "%s/aberta", bd ? bd : ".");
	if (test_db_create(dbpath, sizeof dbpath, "aberta-synd") != 0)
		return 1;
	setenv("ABERTA_TODAY", "2026-12-07", 1);
	failed = tests_main(tests_suite("syndication", 120, tests));
	test_db_remove(dbpath);
	return failed == 0 ? 0 : 1;
}
