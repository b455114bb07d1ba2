/* What the pages say: one heading for the undated events.  The real aberta binary in CGI
 * mode against a temporary database holding the real content.  TAP output through
 * Check. */
#include <sqlite3.h>

#include "../lib/testlib.h"

static char dbpath[64];
static char binary[512];

/* Runs GET uri as CGI into r and asserts that it answers 200. */
static void
get(const char *uri, struct res *r)
{
	cgi_run(binary, dbpath, "GET", uri, NULL, NULL, 0, r);
	ck_assert_msg(r->status == 200, "%s: %d", uri, r->status);
}

/* Runs sql (statements without results) on the test database. */
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

/* Undated events share one heading, in each language. */
START_TEST(one_heading_for_undated_events)
{
	struct res r;

	sql("UPDATE event SET start_date = NULL, end_date = NULL WHERE id IN (2, 3, 5)");
	get("/en/events", &r);
	ck_assert_int_eq(res_count(&r, "<h3>Date not yet recorded</h3>"), 1);
	res_free(&r);
	get("/pt/events", &r);
	ck_assert_int_eq(res_count(&r, "<h3>Data ainda não registada</h3>"), 1);
	res_free(&r);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { one_heading_for_undated_events, NULL };
	const char        *bd = getenv("ABERTA_BUILDDIR");
	int                failed;

	snprintf(binary, sizeof binary, "%s/aberta", bd ? bd : ".");
	if (test_db_create(dbpath, sizeof dbpath, "aberta-texts") != 0)
		return 1;
	setenv("ABERTA_TODAY", "2026-12-07", 1);
	failed = tests_main(tests_suite("texts", 300, tests));
	test_db_remove(dbpath);
	return failed == 0 ? 0 : 1;
}
