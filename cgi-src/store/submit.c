/* What a citizen's submission writes (see submit.h). */
#include <stdio.h>

#include "store/db.h"
#include "store/stmt.h"
#include "store/submit.h"

enum {
	SB_FORGET,      /* forgets old attempts */
	SB_COUNT,       /* counts the attempts of a key since a time */
	SB_ATTEMPT,     /* records an attempt */
	SB_PRESSURE,    /* counts the narrow networks' attempts since a time */
	SB_AT,          /* the time of a key's newest attempt */
	SB_TAKE,        /* forgets a key's attempts */
	SB_INSERT,      /* a new submission */
	SB_BY_CONFIRM,  /* a submission by its confirmation token (TK_* columns) */
	SB_BY_WITHDRAW, /* a submission by its withdrawal token (TK_* columns) */
	SB_CONFIRM,     /* confirms a submission */
	SB_DELETE,      /* deletes a submission */
	SB__MAX
};

/* The column of SB_COUNT, SB_PRESSURE and SB_AT. */
enum { AT_COUNT };
/* The columns of SB_BY_CONFIRM and SB_BY_WITHDRAW. */
enum { TK_ID, TK_STATUS, TK_EXPIRES };

static const char *const sqls[SB__MAX] = {
	/* SB_FORGET: ?1 before */
	"DELETE FROM submit_attempt WHERE at < ?1",
	/* SB_COUNT: ?1 key, ?2 since */
	"SELECT count(*) FROM submit_attempt WHERE key = ?1 AND at >= ?2",
	/* SB_ATTEMPT: ?1 key, ?2 time */
	"INSERT INTO submit_attempt (key, at) VALUES (?1, ?2)",
	/* SB_PRESSURE: ?1 since (a range of keys, so that the index serves it) */
	"SELECT count(*) FROM submit_attempt "
	"WHERE key >= 'net:' AND key < 'net;' AND at >= ?1",
	/* SB_AT: ?1 key */
	"SELECT max(at) FROM submit_attempt WHERE key = ?1",
	/* SB_TAKE: ?1 key */
	"DELETE FROM submit_attempt WHERE key = ?1",
	/* SB_INSERT: the fields of struct submit_new, in its order (0: no record) */
	"INSERT INTO submission (kind, consultation_id, commitment_id, lang, author, "
	"organisation, email, title, problem, body, confirm_hash, confirm_expires, "
	"withdraw_hash) VALUES (?1, nullif(?2, 0), nullif(?3, 0), ?4, ?5, ?6, ?7, ?8, ?9, "
	"?10, ?11, ?12, ?13)",
	/* SB_BY_CONFIRM: ?1 the token's hash */
	"SELECT id, status, confirm_expires FROM submission WHERE confirm_hash = ?1",
	/* SB_BY_WITHDRAW: ?1 the token's hash */
	"SELECT id, status, 0 FROM submission WHERE withdraw_hash = ?1",
	/* SB_CONFIRM: ?1 id */
	"UPDATE submission SET status = 'pending', confirm_hash = NULL, confirm_expires = "
	"NULL, confirmed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), updated_at = "
	"strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1 AND status = 'unconfirmed'",
	/* SB_DELETE: ?1 id */
	"DELETE FROM submission WHERE id = ?1",
};

STORE_TABLE(store_submit, "submit", STORE_RW, SB__MAX, sqls);

/* Runs write which with integer ?1 n.  Returns 0 or -1. */
static int
run_n(int which, long long n)
{
	sqlite3_stmt *s = store_stmt(&store_submit, which);

	db_bind_int64(s, 1, n);
	return store_run(s);
}

int
submit_attempts_forget(long long before)
{
	return run_n(SB_FORGET, before);
}

int
submit_attempts(const char *key, long long since)
{
	sqlite3_stmt *s = store_stmt(&store_submit, SB_COUNT);

	db_bind_text(s, 1, key);
	db_bind_int64(s, 2, since);
	return db_step(s) == SQLITE_ROW ? db_int(s, AT_COUNT) : -1;
}

int
submit_attempt_add(const char *key, long long at)
{
	sqlite3_stmt *s = store_stmt(&store_submit, SB_ATTEMPT);

	db_bind_text(s, 1, key);
	db_bind_int64(s, 2, at);
	return store_run(s);
}

int
submit_pressure(long long since)
{
	sqlite3_stmt *s = store_stmt(&store_submit, SB_PRESSURE);

	db_bind_int64(s, 1, since);
	return db_step(s) == SQLITE_ROW ? db_int(s, AT_COUNT) : -1;
}

int
submit_attempt_at(const char *key, long long *at)
{
	sqlite3_stmt *s = store_stmt(&store_submit, SB_AT);
	int           rc;

	db_bind_text(s, 1, key);
	if ((rc = db_row(s)) != 1)
		return rc;
	rc = db_null(s, AT_COUNT) ? 0 : 1;
	*at = db_int64(s, AT_COUNT);
	db_reset(s);
	return rc;
}

int
submit_attempt_take(const char *key)
{
	sqlite3_stmt *s = store_stmt(&store_submit, SB_TAKE);

	db_bind_text(s, 1, key);
	return store_run(s);
}

long long
submit_add(const struct submit_new *n)
{
	sqlite3_stmt *s = store_stmt(&store_submit, SB_INSERT);

	db_bind_text(s, 1, n->kind);
	db_bind_int64(s, 2, n->consultation_id);
	db_bind_int64(s, 3, n->commitment_id);
	db_bind_text(s, 4, n->lang);
	db_bind_text(s, 5, n->author);
	db_bind_text(s, 6, n->org);
	db_bind_text(s, 7, n->email);
	db_bind_text(s, 8, n->title);
	db_bind_text(s, 9, n->problem);
	db_bind_text(s, 10, n->body);
	sqlite3_bind_blob(s, 11, n->confirm_hash, 32, SQLITE_STATIC);
	db_bind_int64(s, 12, n->confirm_expires);
	sqlite3_bind_blob(s, 13, n->withdraw_hash, 32, SQLITE_STATIC);
	if (store_run(s) != 0)
		return -1;
	return sqlite3_last_insert_rowid(sqlite3_db_handle(s));
}

int
submit_by_token(int withdraw, const unsigned char h[32], long long *id, char *status, size_t slen,
    long long *expires)
{
	sqlite3_stmt *s = store_stmt(&store_submit, withdraw ? SB_BY_WITHDRAW : SB_BY_CONFIRM);
	int           rc;

	sqlite3_bind_blob(s, 1, h, 32, SQLITE_STATIC);
	if ((rc = db_row(s)) != 1)
		return rc;
	*id = db_int64(s, TK_ID);
	snprintf(status, slen, "%s", db_text(s, TK_STATUS));
	*expires = db_int64(s, TK_EXPIRES);
	db_reset(s);
	return 1;
}

int
submit_confirm(long long id)
{
	return run_n(SB_CONFIRM, id);
}

int
submit_withdraw(long long id)
{
	return run_n(SB_DELETE, id);
}
