/* db: the SQLite connection of a process, its migrations and its prepared statements. */
#ifndef ABERTA_DB_H
#define ABERTA_DB_H
#include <stddef.h>
#include <sqlite3.h>

/* Every statement the public site runs; SQL text in db.c, same order. */
enum stmt {
	ST_STATE,		/* content version and time of last change */
	ST_BEGIN,		/* a public page's read transaction (prepared once, like the */
	ST_COMMIT,		/* rest: sqlite3_exec would parse them on every request) */
	ST_PLANS,		/* every plan with its commitment count */
	ST_PLAN_BY_NUMBER,	/* one plan */
	ST_PLAN_COMMITMENTS,	/* commitments of a plan with milestone aggregates */
	ST_PLAN_LEADS,		/* lead bodies of every commitment of a plan */
	ST_ROLLUP,		/* milestone aggregates of every commitment, by plan */
	ST_PLAN_LINKS,		/* links of a plan */
	ST_COMMITMENT,		/* one commitment with its plan */
	ST_COMMITMENT_ENTITIES,	/* leads and supporters of a commitment */
	ST_COMMITMENT_VALUES,	/* OGP values of a commitment */
	ST_COMMITMENT_AREAS,	/* policy areas of a commitment */
	ST_COMMITMENT_LINKS,	/* sources of a commitment */
	ST_MILESTONES,		/* milestones of a commitment */
	ST_MILESTONE_LINKS,	/* evidence of the milestones of a commitment */
	ST_ENTITIES,		/* every body, members first */
	ST_ENTITY,		/* one body by slug */
	ST_ENTITY_COMMITMENTS,	/* commitments a body leads or supports */
	ST_ENTITY_LINKS,	/* links of a body */
	ST_EVENTS,		/* every event, newest first */
	ST_EVENTS_UPCOMING,	/* events not yet over, soonest first */
	ST_EVENT,		/* one event */
	ST_EVENT_LINKS,		/* links of an event */
	ST_PAGE,		/* one text page */
	ST_COUNTS,		/* members, plans, commitments */
	ST_HISTORY_COMMITMENT,	/* the revisions of a commitment and its milestones */
	ST_HISTORY_PLAN,	/* the revisions of a plan and its commitments */
	ST_FEED_CHANGES,	/* revisions worth a feed entry, optionally filtered */
	ST_FEED_EVENTS,		/* the latest events, for the site feed */
	ST_SITEMAP,		/* every record page: kind path, key, last change */
	ST_MS_CURRENT,		/* the milestones of a commitment: id, progress */
	ST_MS_PROGRESS_REVS,	/* the progress changes of its milestones, newest first */
	ST_SEARCH,		/* one page of search results, with snippets (facet.h) */
	ST_SEARCH_FACETS,	/* facet counts and the total of a search */
	ST_LISTING,		/* the commitments listing, filtered, with milestone aggregates */
	ST_LISTING_FACETS,	/* facet counts and the total of the listing */
	ST_LISTING_LEADS,	/* the lead bodies of every commitment */
	/* Open data (export_rows.c): the bulk tables and a listing's commitment rows. */
	ST_X_PLANS,		/* every plan, every column, with its commitment count */
	ST_X_COMMITMENTS,	/* every commitment, every column, milestone aggregates */
	ST_X_MILESTONES,	/* every milestone with its commitment's OGP id */
	ST_X_EVIDENCE,		/* the evidence addresses of one milestone */
	ST_X_ENTITIES,		/* every body, every column */
	ST_X_EVENTS,		/* every event, every column */
	ST_X_LINKS,		/* every link with the natural key of its owner */
	ST_X_POLICY_AREAS,	/* every policy area */
	ST_X_COMMITMENT_ENTITIES, /* leads and supporters of every commitment */
	ST_X_COMMITMENT_VALUES,	/* OGP values of every commitment */
	ST_X_COMMITMENT_AREAS,	/* policy areas of every commitment */
	ST_X_REVISIONS,		/* the revision log as the History pages show it */
	ST_X_PAGES,		/* every text page */
	ST_X_COMMITMENT_ROW,	/* one commitment by OGP id, as a plan lists it */
	ST_URL_STATE,		/* an outside address: broken since, archived copy and date */
	/* Co-creation (pages/cocreate.c): consultations and what citizens sent. */
	ST_CONSULTATIONS,	/* every consultation, newest closing first, with counts */
	ST_CONSULTATION,	/* one consultation with its plan and commitment */
	ST_CONSULTATION_SUBS,	/* published and rejected submissions of a consultation */
	ST_COMMITMENT_SUBS,	/* published and rejected comments on a commitment */
	ST_COMMITMENT_ORIGINS,	/* published proposals taken up into a commitment */
	ST_X_CONSULTATIONS,	/* every consultation, every public column */
	ST_X_SUBMISSIONS,	/* every published or rejected submission, public columns */
	ST_FEED_SUBMISSIONS,	/* the latest published submissions and answers */
	ST_X_CONSULTATION_SUBS,	/* ST_X_SUBMISSIONS of one consultation */
	ST__MAX
};

/* How long a statement waits for another connection's lock (sqlite3_busy_timeout). */
#define DB_BUSY_MS	5000

/* Opens the database.  rw: 1 read-write (creating it), 0 read-only (query_only).  Applies the
 * connection settings (busy timeout, foreign keys, defensive mode, limits).
 * Returns the handle, or NULL with a message in err. */
sqlite3		*db_open(const char *path, int rw, char *err, size_t errlen);
/* Returns the schema version recorded in db (0 for an empty database), or -1. */
int		 db_version(sqlite3 *db);
/* The version this program expects (its highest migration). */
int		 db_latest_version(void);
/* Applies the missing migrations, each in its own IMMEDIATE transaction with its
 * version row.  Returns the number applied, or -1 with a message in err. */
int		 db_migrate(sqlite3 *db, char *err, size_t errlen);
/* Prepares every statement of the read-only tables (enum stmt and the store's other
 * STORE_RO tables, store/stmt.h) on db.  Returns 0, or -1 with a message. */
int		 db_prepare_all(sqlite3 *db, char *err, size_t errlen);
/* Returns statement id, reset and with its bindings cleared, ready to bind. */
sqlite3_stmt	*db_stmt(enum stmt id);
/* Resets every statement handed out (store_reset_used), ending any read transaction left open by a statement that
 * stopped at a row: called after each request, so the next one sees fresh data. */
void		 db_reset_all(void);
/* Finalizes the prepared statements of every table. */
void		 db_finalize_all(void);
/* Returns the SQL text of statement id (for tests: EXPLAIN QUERY PLAN). */
const char	*db_sql(enum stmt id);
/* Steps s like sqlite3_step; any result other than a row or done is remembered
 * (see db_failed) and returned as SQLITE_DONE, so loops simply end. */
int		 db_step(sqlite3_stmt *s);
/* 0 when no statement failed since db_clear_error(); 2 when one failed because the
 * database was busy or locked; 1 for any other failure. */
int		 db_failed(void);
/* The message of the last failure, or "". */
const char	*db_last_error(void);
/* Records failure rc (an SQLite result code) with its message, as db_step does. */
void		 db_failed_note(int rc, const char *msg);
/* Records a failure outside db_step (an admin query that failed). */
void		 db_failed_set(void);
/* Forgets earlier failures (at the start of each request). */
void		 db_clear_error(void);
/* Prepares and runs sql once on db with text ?1 (t, may be NULL) and integer ?2 (a
 * statement may use only one of them); adds the rows changed to *changes when not
 * NULL.  Returns 0, or -1 (the message stays in db). */
int		 db_exec_tn(sqlite3 *db, const char *sql, const char *t, long long n,
		    int *changes);
/* Returns column i as text, or NULL for SQL NULL. */
const char	*db_text(sqlite3_stmt *s, int i);

/* Reading a row and binding a parameter, for the code outside store/ (pages, admin
 * pages, import), which never calls sqlite3 itself: column i of the current row of s;
 * parameter i (1-based) of s. */
static inline int
db_int(sqlite3_stmt *s, int i)
{
	return sqlite3_column_int(s, i);
}
static inline long long
db_int64(sqlite3_stmt *s, int i)
{
	return sqlite3_column_int64(s, i);
}
static inline double
db_double(sqlite3_stmt *s, int i)
{
	return sqlite3_column_double(s, i);
}
static inline int
db_null(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL;
}
static inline int
db_bytes(sqlite3_stmt *s, int i)
{
	return sqlite3_column_bytes(s, i);
}
static inline const void *
db_blob(sqlite3_stmt *s, int i)
{
	return sqlite3_column_blob(s, i);
}
static inline void
db_bind_int(sqlite3_stmt *s, int i, int v)
{
	sqlite3_bind_int(s, i, v);
}
static inline void
db_bind_int64(sqlite3_stmt *s, int i, long long v)
{
	sqlite3_bind_int64(s, i, v);
}
static inline void
db_bind_double(sqlite3_stmt *s, int i, double v)
{
	sqlite3_bind_double(s, i, v);
}
/* Binds text t (NULL: SQL NULL), copied. */
static inline void
db_bind_text(sqlite3_stmt *s, int i, const char *t)
{
	sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT);
}
/* Binds the n bytes of t, not copied: t must live until s is reset. */
static inline void
db_bind_textn(sqlite3_stmt *s, int i, const char *t, int n)
{
	sqlite3_bind_text(s, i, t, n, SQLITE_STATIC);
}
static inline void
db_bind_null(sqlite3_stmt *s, int i)
{
	sqlite3_bind_null(s, i);
}
/* Rows changed by the last write of s's connection. */
static inline int
db_changes(sqlite3_stmt *s)
{
	return sqlite3_changes(sqlite3_db_handle(s));
}

/* Storage faults, worst last: what made a write (or a read) fail. */
enum db_fault { DBF_NONE, DBF_BUSY, DBF_READONLY, DBF_FULL, DBF_IO };
/* Sends SQLite's error log (SQLITE_CONFIG_LOG) to db_fault.  Call once per process,
 * before any other SQLite call. */
void		 db_log_init(void);
/* The worst storage fault met since db_clear_error(): a locked database, a read-only
 * one, a full disk, an I/O error; conn's last error counts too (NULL: none). */
enum db_fault	 db_fault(sqlite3 *conn);
/* SQLite's message for that fault, or "". */
const char	*db_fault_message(void);

#endif
