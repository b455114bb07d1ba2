/* Unit tests of store/stmt: every statement of every table of the store prepares on a
 * freshly migrated database, so that a statement that no longer compiles fails make
 * check with its table and number named, before a request needs it; and the programs'
 * own start (store_prepare of each connection) succeeds on it.  TAP output through
 * Check. */
#include <ctype.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "../lib/testlib.h"
#include "store/db.h"
#include "store/stmt.h"

static char     path[64];
static sqlite3 *db;

/* Opens a fresh database at the latest schema version. */
static void
setup(void)
{
	char err[256];

	ck_assert_int_eq(test_db_path(path, sizeof path, "aberta-store"), 0);
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_msg(db_migrate(db, err, sizeof err) == db_latest_version(), "%s", err);
}

/* Closes and removes the database. */
static void
teardown(void)
{
	sqlite3_close(db);
	test_db_remove(path);
}

/* Prepares the statement i of table t on db: NULL when it compiles as one statement,
 * else why not (into why). */
static const char *
compile(const struct stmt_table *t, int i, char *why, size_t wlen)
{
	sqlite3_stmt *s = NULL;
	const char   *sql = t->sql[i], *tail = NULL;

	if (sql == NULL || *sql == '\0')
		snprintf(why, wlen, "no SQL text");
	else if (sqlite3_prepare_v2(db, sql, -1, &s, &tail) != SQLITE_OK)
		snprintf(why, wlen, "%s", sqlite3_errmsg(db));
	else if (s == NULL)
		snprintf(why, wlen, "no statement in the text");
	else {
		while (tail != NULL && isspace((unsigned char)*tail))
			tail++;
		if (tail != NULL && *tail != '\0')
			snprintf(why, wlen, "more than one statement in the text");
		else
			why = NULL;
	}
	sqlite3_finalize(s);
	return why;
}

START_TEST(every_statement_prepares)
{
	struct stmt_table *const *t;
	char                      why[512], first[700] = "";
	size_t                    n, i;
	int                       j, bad = 0, all = 0;

	setup();
	t = store_tables(&n);
	ck_assert_uint_gt(n, 0);
	for (i = 0; i < n; i++)
		for (j = 0; j < t[i]->n; j++, all++) {
			if (compile(t[i], j, why, sizeof why) == NULL)
				continue;
			printf("# table %s, statement #%d: %s\n#   %.200s\n", t[i]->name, j, why,
			    t[i]->sql[j] ? t[i]->sql[j] : "(none)");
			if (bad++ == 0)
				snprintf(first, sizeof first, "table %s, statement #%d: %s",
				    t[i]->name, j, why);
		}
	fflush(stdout);
	teardown();
	ck_assert_msg(bad == 0, "%d of the store's %d statements do not prepare; the first: %s",
	    bad, all, first);
}
END_TEST

START_TEST(both_connections_prepare)
{
	char err[512] = "";
	int  rc;

	setup();
	if ((rc = store_prepare(STORE_RO, db, err, sizeof err)) == 0)
		rc = store_prepare(STORE_RW, db, err, sizeof err);
	store_finalize(STORE_RO);
	store_finalize(STORE_RW);
	teardown();
	ck_assert_msg(rc == 0, "%s", err);
}
END_TEST

/* After a request, every statement it used is reset: none stays in the middle of its
 * rows (holding a read transaction open), whether handed out once or several times, and
 * the next request finds them ready. */
START_TEST(used_statements_are_reset)
{
	struct stmt_table *const *t;
	sqlite3_stmt             *sitemap, *counts, *again;
	char                      err[512] = "";
	size_t                    n;

	setup();
	ck_assert_msg(store_prepare(STORE_RO, db, err, sizeof err) == 0, "%s", err);
	t = store_tables(&n);
	ck_assert_uint_gt(n, 0);
	sitemap = db_stmt(ST_SITEMAP);
	counts = db_stmt(ST_COUNTS);
	again = db_stmt(ST_SITEMAP);
	ck_assert_ptr_eq(sitemap, again);
	ck_assert_int_eq(db_step(counts), SQLITE_ROW);
	ck_assert(sqlite3_stmt_busy(counts));
	db_step(sitemap); /* a row or none: either way it must be reset */
	store_reset_used();
	ck_assert(!sqlite3_stmt_busy(counts));
	ck_assert(!sqlite3_stmt_busy(sitemap));
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < t[i]->n; j++)
			ck_assert_msg(!t[i]->used[j], "table %s, statement #%d still marked used",
			    t[i]->name, j);
	counts = db_stmt(ST_COUNTS);
	ck_assert_int_eq(db_step(counts), SQLITE_ROW);
	store_reset_used();
	ck_assert(!sqlite3_stmt_busy(counts));
	store_finalize(STORE_RO);
	teardown();
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { every_statement_prepares, both_connections_prepare,
		used_statements_are_reset, NULL };

	return tests_main(tests_suite("store", 0, tests));
}
