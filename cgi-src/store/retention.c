/* The erasure of a citizen's submissions and the purge of old ones (see retention.h). */
#include "store/db.h"
#include "store/retention.h"
#include "store/stmt.h"

enum {
	RET_OUTBOX,          /* the mail waiting for an address */
	RET_SUBMISSIONS,     /* the submissions of an address */
	RET_ATTEMPTS,        /* the rate-limit counters of an address */
	RET_PURGE,           /* old unconfirmed submissions and old spam */
	RET_PURGE_ATTEMPTS,  /* rate-limit counters older than a day */
	RET_SUBS,            /* the subscriptions of an address (store/follow.h) */
	RET_FOLLOWER,        /* an address that follows something, with its queued mail */
	RET_PURGE_SUBS,      /* requests to follow whose confirmation expired */
	RET_PURGE_FOLLOWERS, /* addresses that follow nothing */
	RET__MAX
};

#define AT(days) "strftime('%Y-%m-%dT%H:%M:%SZ', ?1, 'unixepoch', '-" days " days')"

static const char *const sqls[RET__MAX] = {
	/* RET_OUTBOX: ?1 address (folded) */
	"DELETE FROM outbox WHERE rcpt = ?1",
	/* RET_SUBMISSIONS: ?1 address (folded) */
	"DELETE FROM submission WHERE email = ?1",
	/* RET_ATTEMPTS: ?1 key */
	"DELETE FROM submit_attempt WHERE key = ?1",
	/* RET_PURGE: ?1 now */
	"DELETE FROM submission WHERE (status = 'unconfirmed' AND created_at < " AT(
	    "7") ") OR (status = 'spam' AND updated_at < " AT("30") ")",
	/* RET_PURGE_ATTEMPTS: ?1 now */
	"DELETE FROM submit_attempt WHERE at < ?1 - 86400",
	/* RET_SUBS: ?1 address (folded) */
	"DELETE FROM subscription WHERE follower_id IN (SELECT id FROM follower WHERE email = "
	"?1)",
	/* RET_FOLLOWER: ?1 address (folded); its outbox rows go with it (ON DELETE CASCADE) */
	"DELETE FROM follower WHERE email = ?1",
	/* RET_PURGE_SUBS: ?1 now */
	"DELETE FROM subscription WHERE status = 'unconfirmed' AND confirm_expires < ?1",
	/* RET_PURGE_FOLLOWERS (no parameter: the ?1 that run binds is ignored) */
	"DELETE FROM follower WHERE NOT EXISTS (SELECT 1 FROM subscription s WHERE "
	"s.follower_id = follower.id)",
};

STORE_TABLE(store_retention, "retention", STORE_RW, RET__MAX, sqls);

/* Runs statement id with text ?1 t or integer ?1 n (t NULL); *n gets the rows deleted
 * when changes is not NULL.  Returns 0 or -1. */
static int
run(int id, const char *t, long long n, int *changes)
{
	sqlite3_stmt *s = store_stmt(&store_retention, id);

	if (t != NULL)
		db_bind_text(s, 1, t);
	else
		db_bind_int64(s, 1, n);
	if (store_run(s) != 0)
		return -1;
	if (changes != NULL)
		*changes = db_changes(s);
	return 0;
}

int
retention_erase(const char *email, const char *key, int *n, int *subs)
{
	*n = *subs = 0;
	return run(RET_OUTBOX, email, 0, NULL) == 0 && run(RET_SUBMISSIONS, email, 0, n) == 0 &&
		run(RET_ATTEMPTS, key, 0, NULL) == 0 && run(RET_SUBS, email, 0, subs) == 0 &&
		run(RET_FOLLOWER, email, 0, NULL) == 0
	    ? 0
	    : -1;
}

int
retention_purge(long long now, int *n, int *subs)
{
	*n = *subs = 0;
	return run(RET_PURGE, NULL, now, n) == 0 && run(RET_PURGE_ATTEMPTS, NULL, now, NULL) == 0 &&
		run(RET_PURGE_SUBS, NULL, now, subs) == 0 &&
		run(RET_PURGE_FOLLOWERS, NULL, now, NULL) == 0
	    ? 0
	    : -1;
}
