/* The rows of the sending of the email alerts (see followsend.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/followtime.h"
#include "store/changes.h"
#include "store/db.h"
#include "store/followsend.h"
#include "store/stmt.h"

enum {
	FS_PRUNE,     /* forgets old follow_sent rows */
	FS_RECENT,    /* counts the messages of the last hour */
	FS_FOLLOWERS, /* the enabled followers with an active subscription */
	FS_SUBS,      /* one follower's active subscriptions: FSS_ */
	FS_STILL,     /* a subscription still active, with the same marks */
	FS_MARK,      /* sets a subscription's marks */
	FS_SENT,      /* records a message queued */
	FS_REFUSED,   /* counts a permanent refusal against a message's follower */
	FS_DELIVERED, /* resets the refusals of a message's follower */
	FS__MAX
};

/* The columns of FS_SUBS. */
enum {
	FSS_ID,
	FSS_KIND,
	FSS_TARGET,
	FSS_LANG,
	FSS_FREQ,
	FSS_SENT_REV,
	FSS_SENT_AT,
	FSS_NAME_PT,
	FSS_NAME_EN,
	FSS_REF,
	FSS_EMAIL,
	FSS_TOKEN,
	FSS_STORED_AT
};

static const char *const sqls[FS__MAX] = {
	/* FS_PRUNE: ?1 the oldest time kept */
	"DELETE FROM follow_sent WHERE at < ?1",
	/* FS_RECENT: ?1 now */
	"SELECT count(*) FROM follow_sent WHERE at > ?1 - 3600",
	/* FS_FOLLOWERS */
	"SELECT DISTINCT s.follower_id FROM subscription s JOIN follower f ON f.id = "
	"s.follower_id WHERE s.status = 'active' AND f.disabled_at IS NULL ORDER BY 1",
	/* FS_SUBS: ?1 follower, ?2 now (the marks of a row without any); the joins match
	 * the one table of the thing's kind, so coalesce picks its columns (+s.status: the
	 * follower's rows by subscription_thing, not every active one by status) */
	"SELECT s.id, s.kind, coalesce(s.target_id, 0), s.lang, s.frequency, s.sent_rev, "
	"coalesce(s.sent_at, CAST(strftime('%s', s.confirmed_at) AS INTEGER), ?2), "
	"coalesce(p.title_pt, c.title_pt, e.name_pt, e.acronym), "
	"coalesce(p.title_en, c.title_en, e.name_en, e.acronym), "
	"coalesce(CAST(p.number AS TEXT), c.ogp_id, e.slug), f.email, f.token, "
	"coalesce(s.sent_at, -1) "
	"FROM subscription s JOIN follower f ON f.id = s.follower_id "
	"LEFT JOIN action_plan p ON s.kind = 'plan' AND p.id = s.target_id "
	"LEFT JOIN commitment c ON s.kind = 'commitment' AND c.id = s.target_id "
	"LEFT JOIN entity e ON s.kind = 'entity' AND e.id = s.target_id "
	"WHERE s.follower_id = ?1 AND +s.status = 'active' AND f.disabled_at IS NULL "
	"ORDER BY s.lang, CASE s.kind WHEN 'commitment' THEN 0 WHEN 'plan' THEN 1 "
	"WHEN 'entity' THEN 2 ELSE 3 END, s.id",
	/* FS_STILL: ?1 subscription, ?2 its sent_rev, ?3 its sent_at (-1: NULL) */
	"SELECT count(*) FROM subscription s JOIN follower f ON f.id = s.follower_id WHERE "
	"s.id = ?1 AND s.status = 'active' AND f.disabled_at IS NULL AND s.sent_rev = ?2 AND "
	"coalesce(s.sent_at, -1) = ?3",
	/* FS_MARK: ?1 subscription, ?2 revision, ?3 time */
	"UPDATE subscription SET sent_rev = ?2, sent_at = ?3 WHERE id = ?1",
	/* FS_SENT: ?1 time, ?2 items */
	"INSERT INTO follow_sent (at, items) VALUES (?1, ?2)",
	/* FS_REFUSED: ?1 outbox id, ?2 claim token, ?3 why, ?4 now, ?5 refusals that
	 * disable */
	"UPDATE follower SET failures = failures + 1, disabled_why = substr(?3, 1, 300), "
	"disabled_at = CASE WHEN disabled_at IS NULL AND failures + 1 >= ?5 THEN "
	"strftime('%Y-%m-%dT%H:%M:%SZ', ?4, 'unixepoch') ELSE disabled_at END "
	"WHERE id = (SELECT follower_id FROM outbox WHERE id = ?1 AND claimed_by = ?2)",
	/* FS_DELIVERED: ?1 outbox id, ?2 claim token */
	"UPDATE follower SET failures = 0 WHERE failures > 0 AND "
	"id = (SELECT follower_id FROM outbox WHERE id = ?1 AND claimed_by = ?2)",
};

STORE_TABLE(store_followsend, "followsend", STORE_RW, FS__MAX, sqls);

int
followsend_prune(long long now)
{
	sqlite3_stmt *s = store_stmt(&store_followsend, FS_PRUNE);

	db_bind_int64(s, 1, now - FOLLOW_SENT_KEEP);
	return store_run(s) == 0 ? db_changes(s) : -1;
}

int
followsend_recent(long long now, long long *n)
{
	sqlite3_stmt *s = store_stmt(&store_followsend, FS_RECENT);

	db_bind_int64(s, 1, now);
	*n = db_step(s) == SQLITE_ROW ? db_int64(s, 0) : 0;
	db_reset(s);
	return db_failed() ? -1 : 0;
}

int
followsend_followers(long long **ids, size_t *n)
{
	sqlite3_stmt *s = store_stmt(&store_followsend, FS_FOLLOWERS);
	long long    *a = NULL, *na;
	size_t        cap = 0;

	*n = 0;
	while (db_step(s) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			if ((na = realloc(a, cap * sizeof *a)) == NULL) {
				db_reset(s);
				free(a);
				db_failed_note(SQLITE_NOMEM, "out of memory");
				return -1;
			}
			a = na;
		}
		a[(*n)++] = db_int64(s, 0);
	}
	db_reset(s);
	if (db_failed()) {
		free(a);
		*n = 0;
		return -1;
	}
	*ids = a;
	return 0;
}

/* strdup of column i of s, NULL for NULL; sets *oom when memory ran out. */
static char *
dup_col(sqlite3_stmt *s, int i, int *oom)
{
	const char *t = db_text(s, i);
	char       *d;

	if (t == NULL)
		return NULL;
	if ((d = strdup(t)) == NULL)
		*oom = 1;
	return d;
}

/* Reads the current FS_SUBS row of s into *sub.  Returns 0, or -1 when memory ran out
 * or a value is not one of the migration's. */
static int
read_sub(sqlite3_stmt *s, struct follow_sub *sub)
{
	const char *lang = db_text(s, FSS_LANG);
	int         oom = 0;

	memset(sub, 0, sizeof *sub);
	sub->id = db_int64(s, FSS_ID);
	sub->target = db_int64(s, FSS_TARGET);
	sub->en = lang != NULL && strcmp(lang, "en") == 0;
	sub->sent_rev = db_int64(s, FSS_SENT_REV);
	sub->sent_at = db_int64(s, FSS_SENT_AT);
	sub->stored_at = db_int64(s, FSS_STORED_AT);
	sub->name_pt = dup_col(s, FSS_NAME_PT, &oom);
	sub->name_en = dup_col(s, FSS_NAME_EN, &oom);
	sub->ref = dup_col(s, FSS_REF, &oom);
	if (oom || follow_kind_parse(db_text(s, FSS_KIND), &sub->kind) != 0 ||
	    follow_freq_parse(db_text(s, FSS_FREQ), &sub->freq) != 0) {
		db_failed_note(oom ? SQLITE_NOMEM : SQLITE_CONSTRAINT,
		    oom ? "out of memory" : "a subscription's kind or frequency is unknown");
		return -1;
	}
	return 0;
}

int
followsend_subs(
    long long id, long long now, struct follow_who *who, struct follow_sub **subs, size_t *n)
{
	sqlite3_stmt      *s = store_stmt(&store_followsend, FS_SUBS);
	struct follow_sub *a = NULL, *na;
	size_t             cap = 0;
	int                bad = 0;

	*n = 0;
	memset(who, 0, sizeof *who);
	who->id = id;
	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, now);
	while (!bad && db_step(s) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			if ((na = realloc(a, cap * sizeof *a)) == NULL) {
				db_failed_note(SQLITE_NOMEM, "out of memory");
				bad = 1;
				break;
			}
			a = na;
		}
		if (*n == 0) {
			snprintf(who->email, sizeof who->email, "%s", db_text(s, FSS_EMAIL));
			snprintf(who->token, sizeof who->token, "%s", db_text(s, FSS_TOKEN));
		}
		bad = read_sub(s, &a[*n]) != 0;
		(*n)++;
	}
	db_reset(s);
	if (bad || db_failed()) {
		followsend_subs_free(a, *n);
		*n = 0;
		return -1;
	}
	*subs = a;
	return 0;
}

void
followsend_subs_free(struct follow_sub *subs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(subs[i].name_pt);
		free(subs[i].name_en);
		free(subs[i].ref);
	}
	free(subs);
}

int
followsend_still(const struct follow_sub *sub)
{
	sqlite3_stmt *s = store_stmt(&store_followsend, FS_STILL);
	int           n;

	db_bind_int64(s, 1, sub->id);
	db_bind_int64(s, 2, sub->sent_rev);
	db_bind_int64(s, 3, sub->stored_at);
	n = db_step(s) == SQLITE_ROW ? db_int(s, 0) : 0;
	db_reset(s);
	return db_failed() ? -1 : n > 0;
}

int
followsend_mark(long long id, long long rev, long long at)
{
	sqlite3_stmt *s = store_stmt(&store_followsend, FS_MARK);

	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, rev);
	db_bind_int64(s, 3, at);
	return store_run(s);
}

int
followsend_sent(long long at, int items)
{
	sqlite3_stmt *s = store_stmt(&store_followsend, FS_SENT);

	db_bind_int64(s, 1, at);
	db_bind_int(s, 2, items);
	return store_run(s);
}

int
follower_refused(long long id, const char *token, const char *why, long long now)
{
	sqlite3_stmt *s = store_stmt(&store_followsend, FS_REFUSED);

	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, token);
	db_bind_text(s, 3, why);
	db_bind_int64(s, 4, now);
	db_bind_int(s, 5, FOLLOW_FAILURES_MAX);
	return store_run(s) == 0 ? db_changes(s) : -1;
}

int
follower_delivered(long long id, const char *token)
{
	sqlite3_stmt *s = store_stmt(&store_followsend, FS_DELIVERED);

	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, token);
	return store_run(s);
}
