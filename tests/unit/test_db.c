/* Unit tests of store/db: migrating a fresh database and an old one (a table rebuilt
 * keeps what refers to it; a migration that would break a foreign key is refused), and
 * refusing one newer than the program.  TAP output through Check. */
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

/* A database at version 10, as the program before migration 11 left it, with one event
 * and a link owned by it (and, when orphan, a link whose event is gone). */
static sqlite3 *
db_at_10(char *path, size_t len, int orphan)
{
	char     err[256];
	sqlite3 *db;
	int      v;

	ck_assert_int_eq(test_db_path(path, len, "aberta-test"), 0);
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_int_eq(
	    sqlite3_exec(db,
		"PRAGMA foreign_keys = OFF; CREATE TABLE schema_version (version INTEGER "
		"PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT '2020-01-01T00:00:00Z')",
		NULL, NULL, NULL),
	    SQLITE_OK);
	for (v = 1; v <= 10; v++) {
		ck_assert_int_eq(
		    sqlite3_exec(db, sql_migrations[v - 1], NULL, NULL, NULL), SQLITE_OK);
		ck_assert_int_eq(
		    sqlite3_exec(db,
			v == 1 ? "INSERT INTO schema_version (version) VALUES (1)"
			       : "INSERT INTO schema_version (version) SELECT max(version) + "
				 "1 FROM schema_version",
			NULL, NULL, NULL),
		    SQLITE_OK);
	}
	ck_assert_int_eq(sqlite3_exec(db,
			     "INSERT INTO event (id, title_en, kind) VALUES (5, 'Meeting', "
			     "'network_meeting');"
			     "INSERT INTO link (event_id, kind, url) VALUES (5, 'source', "
			     "'https://example.org/a')",
			     NULL, NULL, NULL),
	    SQLITE_OK);
	if (orphan)
		ck_assert_int_eq(sqlite3_exec(db,
				     "INSERT INTO link (event_id, kind, url) VALUES (99, 'source', "
				     "'https://example.org/b')",
				     NULL, NULL, NULL),
		    SQLITE_OK);
	sqlite3_close(db);
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_int_eq(db_version(db), 10);
	return db;
}

/* Migration 11 rebuilds the event table: the links of an event follow it, and foreign
 * keys are on again afterwards. */
START_TEST(rebuild_keeps_links)
{
	char          path[64], err[256];
	sqlite3      *db = db_at_10(path, sizeof path, 0);
	sqlite3_stmt *s;

	ck_assert_int_eq(db_migrate(db, err, sizeof err), db_latest_version() - 10);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "SELECT count(*) FROM link l JOIN event e ON e.id = l.event_id "
			     "WHERE e.title_en = 'Meeting'",
			     -1, &s, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 1);
	sqlite3_finalize(s);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA foreign_keys", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 1);
	sqlite3_finalize(s);
	sqlite3_close(db);
	test_db_remove(path);
}
END_TEST

/* A migration that would leave a row whose parent is gone is refused and rolled back,
 * and says which table. */
START_TEST(migration_checks_foreign_keys)
{
	char     path[64], err[256];
	sqlite3 *db = db_at_10(path, sizeof path, 1);

	ck_assert_int_eq(db_migrate(db, err, sizeof err), -1);
	ck_assert_msg(
	    strstr(err, "migration 11") != NULL && strstr(err, "link") != NULL, "%s", err);
	ck_assert_int_eq(db_version(db), 10);
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
	const TTest *const tests[] = { migrate_fresh, migrate_old_database, rebuild_keeps_links,
		migration_checks_foreign_keys, migrate_refuses_newer, NULL };

	return tests_main(tests_suite("db", 0, tests));
}
