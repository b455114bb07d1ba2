#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/sql_embed.h"

static int           failed;
static char          failmsg[256];
static enum db_fault fault;
static char          faultmsg[256];

void
db_failed_note(int rc, const char *msg)
{
	failed = (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) ? 2 : 1;
	snprintf(failmsg, sizeof failmsg, "%s", msg);
}

int
db_step(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	db_failed_note(rc, sqlite3_errmsg(sqlite3_db_handle(s)));
	return SQLITE_DONE;
}

int
db_failed(void)
{
	return failed;
}

const char *
db_last_error(void)
{
	return failmsg;
}

void
db_failed_set(void)
{
	failed = 1;
}

void
db_clear_error(void)
{
	failed = 0;
	failmsg[0] = '\0';
	fault = DBF_NONE;
	faultmsg[0] = '\0';
}

sqlite3 *
db_open(const char *path, int rw, char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	/* A reader is opened read-write but query-only: a SQLITE_OPEN_READONLY connection
	 * that finds no -shm file cannot create one and then misses other processes'
	 * commits to the WAL. */
	int flags = rw ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE;

	if (sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open database %s: %s", path,
		    db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, DB_BUSY_MS);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	/* The schema is not trusted, except by a writer: the search index's triggers
	 * (migration 4) write an FTS5 table, which SQLite allows in a trigger only with
	 * trusted_schema on.  Readers (the public pages) keep it off. */
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, rw ? 1 : 0, NULL);
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 4000000);
	sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 200000);
	sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, 100);
	if (sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK ||
	    (!rw && sqlite3_exec(db, "PRAGMA query_only = ON", NULL, NULL, NULL) != SQLITE_OK) ||
	    (rw &&
		sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", NULL, NULL,
		    NULL) != SQLITE_OK)) {
		snprintf(err, errlen, "cannot configure database %s: %s", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

int
db_version(sqlite3 *db)
{
	sqlite3_stmt *s;
	int           v = -1;

	if (sqlite3_prepare_v2(db,
		"SELECT count(*) FROM sqlite_schema WHERE name = "
		"'schema_version'",
		-1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 0)
		v = 0;
	sqlite3_finalize(s);
	if (v == 0)
		return 0;
	if (sqlite3_prepare_v2(db, "SELECT coalesce(max(version), 0) FROM schema_version", -1, &s,
		NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

int
db_latest_version(void)
{
	return (int)sql_migration_count;
}

/* Applies migration number v (1-based) inside the open transaction.  Returns 0 or -1. */
static int
apply_one(sqlite3 *db, int v, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int           rc;

	if (sqlite3_exec(db, sql_migrations[v - 1], NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "migration %d failed: %s", v, sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_prepare_v2(db, "INSERT INTO schema_version (version) VALUES (?1)", -1, &s,
		NULL) != SQLITE_OK) {
		snprintf(err, errlen, "migration %d: %s", v, sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_int(s, 1, v);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "migration %d: %s", v, sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

static int migrate_all(sqlite3 *db, char *err, size_t errlen);

int
db_migrate(sqlite3 *db, char *err, size_t errlen)
{
	int applied;

	if (sqlite3_exec(db,
		"CREATE TABLE IF NOT EXISTS schema_version ("
		"version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT "
		"(strftime('%Y-%m-%dT%H:%M:%SZ','now')))",
		NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot create schema_version: %s", sqlite3_errmsg(db));
		return -1;
	}
	/* Foreign keys are off while migrations run (a migration may rebuild a table that
	 * others refer to, which SQLite's procedure for such changes requires), and
	 * checked before each migration commits. */
	if (sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot turn foreign keys off: %s", sqlite3_errmsg(db));
		return -1;
	}
	applied = migrate_all(db, err, errlen);
	if (sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot turn foreign keys on: %s", sqlite3_errmsg(db));
		return -1;
	}
	return applied;
}

/* Fails when a row breaks a foreign key (writes which into err).  Returns 0 or -1. */
static int
fk_check(sqlite3 *db, int v, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int           rc;

	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &s, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "migration %d: %s", v, sqlite3_errmsg(db));
		return -1;
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(err, errlen,
		    "migration %d leaves a row of %s (rowid %lld) whose %s is gone", v,
		    db_text(s, 0), (long long)sqlite3_column_int64(s, 1), db_text(s, 2));
	else if (rc != SQLITE_DONE)
		snprintf(err, errlen, "migration %d: %s", v, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* db_migrate's loop, with foreign keys off. */
static int
migrate_all(sqlite3 *db, char *err, size_t errlen)
{
	int v, applied = 0;

	for (;;) {
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
			snprintf(err, errlen, "cannot lock database: %s", sqlite3_errmsg(db));
			return -1;
		}
		/* Read again inside the lock: another process may have migrated. */
		if ((v = db_version(db)) < 0 || v > db_latest_version()) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			snprintf(err, errlen,
			    "database schema version %d is unknown to this "
			    "program (latest %d)",
			    v, db_latest_version());
			return -1;
		}
		if (v == db_latest_version()) {
			sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
			return applied;
		}
		if (apply_one(db, v + 1, err, errlen) != 0 ||
		    fk_check(db, v + 1, err, errlen) != 0 ||
		    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		applied++;
	}
}

const char *
db_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* Remembers the fault that result code code stands for, if worse than the one known. */
static void
fault_note(int code, const char *msg)
{
	enum db_fault f;

	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		f = DBF_BUSY;
		break;
	case SQLITE_READONLY:
		f = DBF_READONLY;
		break;
	case SQLITE_FULL:
		f = DBF_FULL;
		break;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		f = DBF_IO;
		break;
	default:
		return;
	}
	if (f > fault) {
		fault = f;
		snprintf(faultmsg, sizeof faultmsg, "%s", msg != NULL ? msg : "");
	}
}

/* SQLite's error log: every statement that aborts, every I/O error, with its code. */
static void
sqlite_log(void *arg, int code, const char *msg)
{
	(void)arg;
	fault_note(code, msg);
}

void
db_log_init(void)
{
	sqlite3_config(SQLITE_CONFIG_LOG, sqlite_log, NULL);
}

enum db_fault
db_fault(sqlite3 *conn)
{
	if (conn != NULL)
		fault_note(sqlite3_extended_errcode(conn), sqlite3_errmsg(conn));
	return fault;
}

const char *
db_fault_message(void)
{
	return faultmsg;
}

void
db_close(sqlite3 *db)
{
	sqlite3_close(db);
}

int
db_readonly(sqlite3 *db)
{
	return sqlite3_db_readonly(db, "main") == 1;
}
