/* Who follows what by email (see follow.h). */
#include <string.h>

#include "lib/token.h"
#include "store/db.h"
#include "store/follow.h"
#include "store/stmt.h"

enum {
	FW_TARGET,        /* the id of the thing a page names */
	FW_FOLLOWER_ADD,  /* a new address, unless it is there */
	FW_FOLLOWER,      /* an address's follower */
	FW_SUB,           /* an address's subscription to a thing */
	FW_SUB_ADD,       /* a new unconfirmed subscription */
	FW_SUB_RENEW,     /* a new confirmation for an unconfirmed one */
	FW_SUB_ASKED,     /* the time of the last notice of an active one */
	FW_SUB_ROW,       /* a subscription by its id: FOL_ columns */
	FW_BY_CONFIRM,    /* a subscription by its confirmation token: FOL_ columns */
	FW_CONFIRM,       /* confirms a subscription */
	FW_CLEAR,         /* forgets the refusals of a subscription's address */
	FW_BY_TOKEN,      /* a follower by its token */
	FW_SUBS,          /* a follower's subscriptions: FOL_ columns */
	FW_CHANGE,        /* a subscription's language and frequency */
	FW_STOP,          /* deletes a subscription */
	FW_FOLLOWER_GONE, /* deletes a follower left without a subscription */
	FW_FOLLOWER_DEL,  /* deletes a follower */
	FW__MAX
};

/* The columns of FW_SUB. */
enum { FB_ID, FB_STATUS, FB_ASKED };

/* The FOL_ columns of a subscription s with its follower f, and the joins naming its
 * thing. */
#define SUB_ROWS \
	"SELECT s.id, s.kind, s.lang, s.frequency, s.status, s.confirm_expires, f.id, " \
	"f.token, CASE s.kind WHEN 'plan' THEN CAST(p.number AS TEXT) WHEN 'commitment' " \
	"THEN c.ogp_id WHEN 'entity' THEN e.slug END, coalesce(p.title_pt, c.title_pt, " \
	"e.name_pt), coalesce(p.title_en, c.title_en, e.name_en), e.acronym FROM " \
	"subscription s JOIN follower f ON f.id = s.follower_id LEFT JOIN action_plan p ON " \
	"s.kind = 'plan' AND p.id = s.target_id LEFT JOIN commitment c ON s.kind = " \
	"'commitment' AND c.id = s.target_id LEFT JOIN entity e ON s.kind = 'entity' AND " \
	"e.id = s.target_id "

static const char *const sqls[FW__MAX] = {
	/* FW_TARGET: ?1 kind, ?2 key (a plan's number is digits only: '03' is not 3) */
	"SELECT CASE ?1 WHEN 'plan' THEN (SELECT id FROM action_plan WHERE CAST(number AS "
	"TEXT) = ?2) WHEN 'commitment' THEN (SELECT id FROM commitment WHERE ogp_id = ?2) "
	"WHEN 'entity' THEN (SELECT id FROM entity WHERE slug = ?2) END",
	/* FW_FOLLOWER_ADD: ?1 address, ?2 token */
	"INSERT INTO follower (email, token) VALUES (?1, ?2) ON CONFLICT (email) DO NOTHING",
	/* FW_FOLLOWER: ?1 address */
	"SELECT id FROM follower WHERE email = ?1",
	/* FW_SUB: ?1 follower, ?2 kind, ?3 target (0: the site) */
	"SELECT id, status, asked_at FROM subscription WHERE follower_id = ?1 AND kind = ?2 AND "
	"coalesce(target_id, 0) = ?3",
	/* FW_SUB_ADD: ?1 follower, ?2 kind, ?3 target, ?4 lang, ?5 frequency, ?6 hash, ?7
	 * expiry, ?8 now */
	"INSERT INTO subscription (follower_id, kind, target_id, lang, frequency, "
	"confirm_hash, confirm_expires, asked_at) VALUES (?1, ?2, nullif(?3, 0), ?4, ?5, ?6, "
	"?7, ?8)",
	/* FW_SUB_RENEW: ?1 id, ?2 hash, ?3 expiry, ?4 now */
	"UPDATE subscription SET confirm_hash = ?2, confirm_expires = ?3, asked_at = ?4 WHERE "
	"id = ?1 AND status = 'unconfirmed'",
	/* FW_SUB_ASKED: ?1 id, ?2 now */
	"UPDATE subscription SET asked_at = ?2 WHERE id = ?1",
	/* FW_SUB_ROW: ?1 id */
	SUB_ROWS "WHERE s.id = ?1",
	/* FW_BY_CONFIRM: ?1 the token's hash */
	SUB_ROWS "WHERE s.confirm_hash = ?1",
	/* FW_CONFIRM: ?1 id, ?2 revision, ?3 now */
	"UPDATE subscription SET status = 'active', confirm_hash = NULL, confirm_expires = "
	"NULL, confirmed_at = strftime('%Y-%m-%dT%H:%M:%SZ', ?3, 'unixepoch'), sent_rev = ?2, "
	"sent_at = ?3 WHERE id = ?1 AND status = 'unconfirmed'",
	/* FW_CLEAR: ?1 subscription id */
	"UPDATE follower SET failures = 0, disabled_at = NULL, disabled_why = NULL WHERE id = "
	"(SELECT follower_id FROM subscription WHERE id = ?1)",
	/* FW_BY_TOKEN: ?1 token */
	"SELECT id FROM follower WHERE token = ?1",
	/* FW_SUBS: ?1 follower */
	SUB_ROWS "WHERE s.follower_id = ?1 ORDER BY s.id",
	/* FW_CHANGE: ?1 follower, ?2 id, ?3 lang, ?4 frequency (NULL: unchanged) */
	"UPDATE subscription SET lang = coalesce(?3, lang), frequency = coalesce(?4, "
	"frequency) WHERE follower_id = ?1 AND id = ?2",
	/* FW_STOP: ?1 follower, ?2 id */
	"DELETE FROM subscription WHERE follower_id = ?1 AND id = ?2",
	/* FW_FOLLOWER_GONE: ?1 follower */
	"DELETE FROM follower WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM subscription WHERE "
	"follower_id = ?1)",
	/* FW_FOLLOWER_DEL: ?1 follower */
	"DELETE FROM follower WHERE id = ?1",
};

STORE_TABLE(store_follow, "follow", STORE_RW, FW__MAX, sqls);

int
follow_target(const char *kind, const char *key, long long *id)
{
	sqlite3_stmt *s;
	int           rc;

	*id = 0;
	if (strcmp(kind, "site") == 0)
		return 1;
	s = store_stmt(&store_follow, FW_TARGET);
	db_bind_text(s, 1, kind);
	db_bind_text(s, 2, key);
	if ((rc = db_row(s)) != 1)
		return rc;
	rc = db_null(s, 0) ? 0 : 1;
	*id = db_int64(s, 0);
	db_reset(s);
	return rc;
}

/* The follower of r's address, made when there is none, into g.  Returns 0 or -1. */
static int
follower(const struct follow_req *r, struct follow_got *g)
{
	sqlite3_stmt *s = store_stmt(&store_follow, FW_FOLLOWER_ADD);
	char          tok[65];

	token_hex(tok, sizeof tok);
	db_bind_text(s, 1, r->email);
	db_bind_text(s, 2, tok);
	if (store_run(s) != 0)
		return -1;
	s = store_stmt(&store_follow, FW_FOLLOWER);
	db_bind_text(s, 1, r->email);
	if (db_row(s) != 1)
		return -1;
	g->follower = db_int64(s, 0);
	db_reset(s);
	return 0;
}

/* Adds r's subscription for follower g->follower.  Returns FOLLOW_SEND_CONFIRM or -1. */
static int
subscribe(const struct follow_req *r, struct follow_got *g)
{
	sqlite3_stmt *s = store_stmt(&store_follow, FW_SUB_ADD);

	db_bind_int64(s, 1, g->follower);
	db_bind_text(s, 2, r->kind);
	db_bind_int64(s, 3, r->target);
	db_bind_text(s, 4, r->lang);
	db_bind_text(s, 5, r->frequency);
	sqlite3_bind_blob(s, 6, r->confirm_hash, 32, SQLITE_STATIC);
	db_bind_int64(s, 7, r->now + FOLLOW_CONFIRM_TTL);
	db_bind_int64(s, 8, r->now);
	if (store_run(s) != 0)
		return -1;
	g->sub = sqlite3_last_insert_rowid(sqlite3_db_handle(s));
	return FOLLOW_SEND_CONFIRM;
}

/* Asks again about subscription id (status active when active) at r->now: a new
 * confirmation for an unconfirmed one, the time of the notice for an active one.
 * Returns what to send, or -1. */
static int
ask_again(const struct follow_req *r, long long id, int active)
{
	sqlite3_stmt *s;

	if (active) {
		s = store_stmt(&store_follow, FW_SUB_ASKED);
		db_bind_int64(s, 1, id);
		db_bind_int64(s, 2, r->now);
		return store_run(s) == 0 ? FOLLOW_SEND_ALREADY : -1;
	}
	s = store_stmt(&store_follow, FW_SUB_RENEW);
	db_bind_int64(s, 1, id);
	sqlite3_bind_blob(s, 2, r->confirm_hash, 32, SQLITE_STATIC);
	db_bind_int64(s, 3, r->now + FOLLOW_CONFIRM_TTL);
	db_bind_int64(s, 4, r->now);
	return store_run(s) == 0 ? FOLLOW_SEND_CONFIRM : -1;
}

int
follow_request(const struct follow_req *r, struct follow_got *g)
{
	sqlite3_stmt *s;
	long long     asked;
	int           rc, active;

	memset(g, 0, sizeof *g);
	if (follower(r, g) != 0)
		return -1;
	s = store_stmt(&store_follow, FW_SUB);
	db_bind_int64(s, 1, g->follower);
	db_bind_text(s, 2, r->kind);
	db_bind_int64(s, 3, r->target);
	if ((rc = db_row(s)) < 0)
		return -1;
	if (rc == 0)
		return subscribe(r, g);
	g->sub = db_int64(s, FB_ID);
	active = strcmp(db_text(s, FB_STATUS), "active") == 0;
	asked = db_int64(s, FB_ASKED);
	db_reset(s);
	if (asked > r->now - FOLLOW_ASK_GAP)
		return FOLLOW_SEND_NONE;
	return ask_again(r, g->sub, active);
}

int
follow_sub(long long id, sqlite3_stmt **row)
{
	sqlite3_stmt *s = store_stmt(&store_follow, FW_SUB_ROW);

	db_bind_int64(s, 1, id);
	*row = s;
	return db_row(s);
}

int
follow_by_confirm(const unsigned char h[32], sqlite3_stmt **row)
{
	sqlite3_stmt *s = store_stmt(&store_follow, FW_BY_CONFIRM);

	sqlite3_bind_blob(s, 1, h, 32, SQLITE_STATIC);
	*row = s;
	return db_row(s);
}

int
follow_confirm(long long id, long long rev, long long now)
{
	sqlite3_stmt *s = store_stmt(&store_follow, FW_CONFIRM);

	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, rev);
	db_bind_int64(s, 3, now);
	if (store_run(s) != 0)
		return -1;
	if (db_changes(s) == 0)
		return 0;
	s = store_stmt(&store_follow, FW_CLEAR);
	db_bind_int64(s, 1, id);
	return store_run(s) == 0 ? 1 : -1;
}

int
follow_by_token(const char *tok, long long *follower)
{
	sqlite3_stmt *s = store_stmt(&store_follow, FW_BY_TOKEN);
	int           rc;

	db_bind_text(s, 1, tok);
	if ((rc = db_row(s)) != 1)
		return rc;
	*follower = db_int64(s, 0);
	db_reset(s);
	return 1;
}

sqlite3_stmt *
follow_subs(long long follower)
{
	sqlite3_stmt *s = store_stmt(&store_follow, FW_SUBS);

	db_bind_int64(s, 1, follower);
	return s;
}

int
follow_change(long long follower, long long id, const char *lang, const char *frequency)
{
	sqlite3_stmt *s = store_stmt(&store_follow, FW_CHANGE);

	db_bind_int64(s, 1, follower);
	db_bind_int64(s, 2, id);
	db_bind_text(s, 3, lang);
	db_bind_text(s, 4, frequency);
	return store_run(s) == 0 ? db_changes(s) > 0 : -1;
}

/* Runs statement which on follower (and subscription id when not 0).  Returns the rows
 * it changed, or -1. */
static int
run(int which, long long follower, long long id)
{
	sqlite3_stmt *s = store_stmt(&store_follow, which);

	db_bind_int64(s, 1, follower);
	if (id != 0)
		db_bind_int64(s, 2, id);
	return store_run(s) == 0 ? db_changes(s) : -1;
}

int
follow_stop(long long follower, long long id)
{
	int n, gone;

	if ((n = run(FW_STOP, follower, id)) <= 0)
		return n;
	if ((gone = run(FW_FOLLOWER_GONE, follower, 0)) < 0)
		return -1;
	return gone > 0 ? 2 : 1;
}

int
follow_stop_all(long long follower)
{
	return run(FW_FOLLOWER_DEL, follower, 0) < 0 ? -1 : 0;
}
