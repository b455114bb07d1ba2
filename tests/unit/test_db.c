/* Unit tests of store/db: migrating a fresh database and an old one, and refusing one
 * newer than the program.  TAP output through Check. */
#include <sqlite3.h>

#include "../lib/testlib.h"
#include "store/db.h"
#include "store/sql_embed.h"

START_TEST(migrate_fresh)
{
	char     path[64], err[256];
	sqlite3 *db;

	ck_assert_int_eq(test_db_path(path, sizeof path, "aberta-test"), 0);
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_int_eq(db_version(db), 0);
	ck_assert_int_eq(db_migrate(db, err, sizeof err), db_latest_version());
	ck_assert_int_eq(db_version(db), db_latest_version());
	ck_assert_int_eq(db_migrate(db, err, sizeof err), 0); /* nothing left to do */
	ck_assert_int_eq(db_prepare_all(db, err, sizeof err), 0);
	db_finalize_all();
	sqlite3_close(db);
	test_db_remove(path);
}
END_TEST

START_TEST(migrate_old_database)
{
	char          path[64], err[256];
	sqlite3      *db;
	sqlite3_stmt *s;

	/* A database left at version 1 by an older program, with content in it. */
	ck_assert_int_eq(test_db_path(path, sizeof path, "aberta-test"), 0);
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_int_eq(
	    sqlite3_exec(db,
		"CREATE TABLE schema_version (version INTEGER "
		"PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT '2020-01-01T00:00:00Z')",
		NULL, NULL, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, sql_migrations[0], NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_exec(db,
		"INSERT INTO schema_version (version) VALUES (1);"
		"INSERT INTO action_plan (number, title_pt) VALUES (7, 'Plano antigo')",
		NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	/* A newer program opens it. */
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_int_eq(db_version(db), 1);
	ck_assert_int_eq(db_migrate(db, err, sizeof err), db_latest_version() - 1);
	ck_assert_int_eq(db_version(db), db_latest_version());
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "SELECT title_pt FROM action_plan WHERE "
			     "number = 7",
			     -1, &s, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "Plano antigo");
	sqlite3_finalize(s);
	/* Every statement of this program prepares on the migrated database. */
	ck_assert_int_eq(db_prepare_all(db, err, sizeof err), 0);
	db_finalize_all();
	sqlite3_close(db);
	test_db_remove(path);
}
END_TEST

START_TEST(migrate_refuses_newer)
{
	char     path[64], err[256];
	sqlite3 *db;

	ck_assert_int_eq(test_db_path(path, sizeof path, "aberta-test"), 0);
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_int_eq(db_migrate(db, err, sizeof err), db_latest_version());
	ck_assert_int_eq(
	    sqlite3_exec(db, "INSERT INTO schema_version (version) VALUES (999)", NULL, NULL, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(db_migrate(db, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "999"));
	sqlite3_close(db);
	test_db_remove(path);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { migrate_fresh, migrate_old_database, migrate_refuses_newer,
		NULL };

	return tests_main(tests_suite("db", 0, tests));
}
