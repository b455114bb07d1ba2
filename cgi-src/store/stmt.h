/*
 * stmt: the statement tables of the store.  Every SQL statement the programs run lives in
 * cgi-src/store/, in a table of its module: an enum of names and a parallel array of SQL
 * texts, declared with STORE_TABLE and listed in store/stmt.c.  A worker prepares every
 * table when it starts (store_prepare), aberta-admin when a command that needs the
 * database starts, and `make check` prepares all of them on a fresh database
 * (test_store), so a statement that no longer compiles is found before a request needs
 * it.  Every step goes through store_step (db_step), which records a failure; every
 * write transaction ends in store_commit, whose hook (store_on_commit) switches the page
 * cache: nothing else needs to call cache_invalidate().
 */
#ifndef ABERTA_STMT_H
#define ABERTA_STMT_H
#include <stddef.h>
#include <sqlite3.h>

/* Which connection a table's statements are prepared on. */
enum store_conn {
	STORE_RO, /* the read-only connection of the public pages */
	STORE_RW  /* the writable connection (admin pages, submissions, aberta-admin) */
};

/* One module's statements. */
struct stmt_table {
	const char        *name; /* the module, for messages ("admin_users") */
	enum store_conn    conn;
	int                n;    /* number of statements */
	const char *const *sql;  /* n SQL texts, in the order of the module's enum */
	sqlite3_stmt     **st;   /* n handles, filled by store_prepare */
	unsigned char     *used; /* handed out since the last store_reset_used */
};

/* Defines table var (extern, listed in store/stmt.c) of count statements sqls. */
#define STORE_TABLE(var, nm, cn, count, sqls) \
	static sqlite3_stmt *var##_st[count]; \
	static unsigned char var##_used[count]; \
	struct stmt_table    var = { nm, cn, count, sqls, var##_st, var##_used }

/* SQL: the commitment a member editor's draft (alias d) is about: a commitment's own id,
 * or a milestone's: an existing milestone's commitment, or the commitment_id field of a
 * new one's payload (NULL when the payload is not JSON). */
#define SQL_DRAFT_COMMITMENT \
	"CASE d.tbl WHEN 'commitments' THEN d.row_id WHEN 'milestones' THEN coalesce((SELECT " \
	"dm.commitment_id FROM milestone dm WHERE dm.id = d.row_id), CASE WHEN " \
	"json_valid(d.payload) THEN CAST(json_extract(d.payload, '$.commitment_id') AS " \
	"INTEGER) END) END"

/* Prepares every statement of every table of connection kind which on db (finalizing
 * earlier handles first).  Returns 0, or -1 with "table #i: message" in err. */
int store_prepare(enum store_conn which, sqlite3 *db, char *err, size_t errlen);
/* Finalizes every statement of connection kind which. */
void store_finalize(enum store_conn which);
/* Returns statement id of table t, reset and with its bindings cleared. */
sqlite3_stmt *store_stmt(struct stmt_table *t, int id);
/* Resets every statement handed out since the last call (after each request, so no read
 * transaction stays open). */
void store_reset_used(void);
/* Steps s until it is done (a write).  Returns 0, or -1 with the failure recorded
 * (db_failed). */
int store_run(sqlite3_stmt *s);
/* The transactions of the writable connection rw: BEGIN IMMEDIATE, COMMIT, ROLLBACK,
 * and a savepoint (one level).  Each returns 0 or -1 (recorded).  store_commit calls the
 * commit hook after a successful COMMIT. */
int store_begin(sqlite3 *rw);
int store_commit(sqlite3 *rw);
int store_rollback(sqlite3 *rw);
int store_savepoint(sqlite3 *rw);
int store_release(sqlite3 *rw);
int store_rollback_to(sqlite3 *rw);
/* Sets the function store_commit calls after each commit (the page cache's switch;
 * NULL: none). */
void store_on_commit(void (*hook)(sqlite3 *rw));
/* Calls the commit hook for a change committed outside store_commit (a restore). */
void store_changed(sqlite3 *rw);
/* Every table, for the tests: *n gets their number. */
struct stmt_table *const *store_tables(size_t *n);

#endif
