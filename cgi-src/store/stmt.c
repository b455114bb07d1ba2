#include <stdio.h>

#include "store/db.h"
#include "store/stmt.h"

/* Every statement table of the store; a new module adds its line here. */
extern struct stmt_table store_public, store_opendata, store_glance;
extern struct stmt_table store_accounts, store_dbfile, store_linkstate, store_outbox,
    store_retention;
extern struct stmt_table store_submit, store_mail;
extern struct stmt_table store_edit, store_edit_choices;
extern struct stmt_table store_bulk, store_load;
extern struct stmt_table store_auth, store_dashboard, store_links_report, store_moderation;
extern struct stmt_table store_relations, store_review, store_staff;
extern struct stmt_table store_throttle;
extern struct stmt_table store_trust, store_sources;
extern struct stmt_table store_records;
extern struct stmt_table store_workspace;
extern struct stmt_table store_snapshot, store_snapshot_public;
extern struct stmt_table store_rounds;
extern struct stmt_table store_upload, store_upload_public;
extern struct stmt_table store_changes;
extern struct stmt_table store_follow;
extern struct stmt_table store_followsend;
extern struct stmt_table store_followstats;

static struct stmt_table *const tables[] = {
	&store_public,
	&store_opendata,
	&store_glance,
	&store_accounts,
	&store_dbfile,
	&store_linkstate,
	&store_outbox,
	&store_retention,
	&store_submit,
	&store_mail,
	&store_edit,
	&store_edit_choices,
	&store_bulk,
	&store_load,
	&store_auth,
	&store_throttle,
	&store_dashboard,
	&store_links_report,
	&store_moderation,
	&store_relations,
	&store_review,
	&store_staff,
	&store_trust,
	&store_sources,
	&store_records,
	&store_workspace,
	&store_snapshot,
	&store_snapshot_public,
	&store_rounds,
	&store_upload,
	&store_upload_public,
	&store_changes,
	&store_follow,
	&store_followsend,
	&store_followstats,
};

#define NTABLES (sizeof tables / sizeof tables[0])

static void (*commit_hook)(sqlite3 *);

/* The statements handed out since the last store_reset_used, so that it resets those few
 * (a request uses a handful of the hundreds) instead of looking at every table.  Each is
 * listed once, so HANDED_MAX statements in all is the limit (store_prepare checks it). */
#define HANDED_MAX 512
static struct handed {
	unsigned char *used;
	sqlite3_stmt **st;
} handed[HANDED_MAX];
static size_t nhanded;

struct stmt_table *const *
store_tables(size_t *n)
{
	*n = NTABLES;
	return tables;
}

void
store_finalize(enum store_conn which)
{
	size_t i;
	int    j;

	store_reset_used();
	for (i = 0; i < NTABLES; i++)
		if (tables[i]->conn == which)
			for (j = 0; j < tables[i]->n; j++) {
				sqlite3_finalize(tables[i]->st[j]);
				tables[i]->st[j] = NULL;
				tables[i]->used[j] = 0;
			}
}

int
store_prepare(enum store_conn which, sqlite3 *db, char *err, size_t errlen)
{
	size_t i, total = 0;
	int    j;

	for (i = 0; i < NTABLES; i++)
		total += (size_t)tables[i]->n;
	if (total > HANDED_MAX) {
		snprintf(err, errlen, "%zu statements, more than HANDED_MAX (%d) in store/stmt.c",
		    total, HANDED_MAX);
		return -1;
	}
	store_finalize(which);
	for (i = 0; i < NTABLES; i++) {
		if (tables[i]->conn != which)
			continue;
		for (j = 0; j < tables[i]->n; j++)
			if (sqlite3_prepare_v3(db, tables[i]->sql[j], -1, SQLITE_PREPARE_PERSISTENT,
				&tables[i]->st[j], NULL) != SQLITE_OK) {
				snprintf(err, errlen, "statement %s #%d failed to prepare: %s",
				    tables[i]->name, j, sqlite3_errmsg(db));
				return -1;
			}
	}
	return 0;
}

sqlite3_stmt *
store_stmt(struct stmt_table *t, int id)
{
	if (!t->used[id]) {
		t->used[id] = 1;
		handed[nhanded++] = (struct handed){ &t->used[id], &t->st[id] };
	}
	sqlite3_reset(t->st[id]);
	sqlite3_clear_bindings(t->st[id]);
	return t->st[id];
}

void
store_reset_used(void)
{
	size_t i;

	for (i = 0; i < nhanded; i++) {
		*handed[i].used = 0;
		if (*handed[i].st != NULL)
			sqlite3_reset(*handed[i].st);
	}
	nhanded = 0;
}

int
store_run(sqlite3_stmt *s)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	if (rc == SQLITE_DONE)
		return 0;
	db_failed_note(rc, sqlite3_errmsg(sqlite3_db_handle(s)));
	return -1;
}

/* Runs one transaction-control statement on rw.  Writes are few: parsing it each time
 * costs nothing that matters, and it works on any connection a caller passes. */
static int
tx(sqlite3 *rw, const char *sql)
{
	int rc = sqlite3_exec(rw, sql, NULL, NULL, NULL);

	if (rc == SQLITE_OK)
		return 0;
	db_failed_note(rc, sqlite3_errmsg(rw));
	return -1;
}

int
store_begin(sqlite3 *rw)
{
	return tx(rw, "BEGIN IMMEDIATE");
}

int
store_commit(sqlite3 *rw)
{
	if (tx(rw, "COMMIT") != 0)
		return -1;
	store_changed(rw);
	return 0;
}

int
store_rollback(sqlite3 *rw)
{
	if (sqlite3_get_autocommit(rw))
		return 0;
	return tx(rw, "ROLLBACK");
}

int
store_savepoint(sqlite3 *rw)
{
	return tx(rw, "SAVEPOINT store_sp");
}

int
store_release(sqlite3 *rw)
{
	return tx(rw, "RELEASE store_sp");
}

int
store_rollback_to(sqlite3 *rw)
{
	return tx(rw, "ROLLBACK TO store_sp") == 0 ? tx(rw, "RELEASE store_sp") : -1;
}

void
store_on_commit(void (*hook)(sqlite3 *))
{
	commit_hook = hook;
}

void
store_changed(sqlite3 *rw)
{
	if (commit_hook != NULL)
		commit_hook(rw);
}
