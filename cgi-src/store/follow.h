/*
 * follow: who follows what by email, without an account (migration 16): the requests of
 * the public form, their confirmation (double opt-in), and what the holder of an
 * address's token may do: see its subscriptions, change their frequency or language,
 * stop one or all.  The pages are pages/follow.c; the alerts, `aberta-admin follow send`.
 *
 * The addresses the messages carry, agreed with the alerts (TOKEN: follower.token, 64
 * lower-case hex characters):
 *   /follow/unsubscribe/TOKEN        the List-Unsubscribe header of every alert (with
 *                                    List-Unsubscribe-Post: List-Unsubscribe=One-Click):
 *                                    a POST whose body is List-Unsubscribe=One-Click
 *                                    (RFC 8058) stops every subscription of the address,
 *                                    whatever its Origin; a GET shows a button.  Also
 *                                    under /pt/ and /en/ (the page's language).
 *   /LANG/follow/manage/TOKEN        the management page (a link in every message)
 *   /LANG/follow/confirm/CTOKEN      the confirmation (CTOKEN: a single-use token of
 *                                    lib/token.h, of which only the SHA-256 is kept)
 *
 * Leaving deletes: a subscription stopped is deleted, and an address left with none is
 * deleted with everything below it (its queued mail too: outbox.follower_id).  The
 * statements are in the table store_follow (STORE_RW): call these on the connection that
 * store_prepare prepared it on, inside the caller's transaction for the writes.  A
 * failure is recorded (db_failed) and the call returns -1.
 */
#ifndef ABERTA_FOLLOW_H
#define ABERTA_FOLLOW_H
#include <sqlite3.h>

/* The path of the one-click unsubscribe, the token follows it. */
#define FOLLOW_UNSUBSCRIBE_PATH "/follow/unsubscribe/"
/* How long a confirmation link works, in seconds; an unconfirmed subscription whose
 * link has expired is deleted by `aberta-admin submissions purge`. */
#define FOLLOW_CONFIRM_TTL (7 * 24 * 3600)
/* At most one email about one subscription (its confirmation, or "you already follow
 * it") in this many seconds. */
#define FOLLOW_ASK_GAP (24 * 3600)

/* A request of the public form, its values checked by the caller. */
struct follow_req {
	const char          *email;        /* the address, folded (lib/consult.h email_fold) */
	const char          *kind;         /* site, plan, commitment or entity */
	long long            target;       /* the thing's id (follow_target); 0: the site */
	const char          *lang;         /* pt or en */
	const char          *frequency;    /* immediate, daily or weekly */
	const unsigned char *confirm_hash; /* 32 bytes: the SHA-256 of the token to send */
	long long            now;          /* unix time */
};

/* What a request found: the follower and its subscription to the thing. */
struct follow_got {
	long long follower;
	long long sub;
};

/* What a request asks the caller to send. */
enum follow_send {
	FOLLOW_SEND_NONE,    /* nothing: one was sent about it less than FOLLOW_ASK_GAP ago */
	FOLLOW_SEND_CONFIRM, /* the confirmation, with the token whose hash the request gave */
	FOLLOW_SEND_ALREADY  /* it is active: "you already follow it", with the management link */
};

/* The id of the thing a page names (kind plan: its number, commitment: its OGP id,
 * entity: its slug; site: key is not read and *id is 0) into *id.  Returns 1, 0 when
 * there is no such thing (or kind is none of those), or -1. */
int follow_target(const char *kind, const char *key, long long *id);
/* Records request r: its address (a new follower with a random token, or the one
 * there), and its subscription when the address does not follow the thing yet
 * (unconfirmed, r->confirm_hash, expiring FOLLOW_CONFIRM_TTL after r->now).  Asking
 * again changes nothing that was chosen; only the time of the last email moves, when
 * one is due: a renewed confirmation (a new hash and expiry) for an unconfirmed one, a
 * notice for an active one, each at most once in FOLLOW_ASK_GAP.  Fills *g.  Returns an
 * enum follow_send, or -1. */
int follow_request(const struct follow_req *r, struct follow_got *g);

/* The columns of the rows of follow_sub, follow_subs and follow_by_confirm: the subscription's id,
 * kind, language, frequency, status, the end of its confirmation (NULL once active),
 * the follower's id and token, and the thing: its public key (the plan's number, the
 * OGP id, the body's slug; NULL for the site, or when the thing is gone), its title or
 * name in Portuguese and English, a body's acronym. */
enum {
	FOL_ID,
	FOL_KIND,
	FOL_LANG,
	FOL_FREQUENCY,
	FOL_STATUS,
	FOL_EXPIRES,
	FOL_FOLLOWER,
	FOL_TOKEN,
	FOL_KEY,
	FOL_NAME_PT,
	FOL_NAME_EN,
	FOL_ACRONYM
};

/* Subscription id: 1 with *row on it (FOL_ columns; the caller resets it with
 * db_reset), 0 when none, or -1. */
int follow_sub(long long id, sqlite3_stmt **row);
/* The subscription whose confirmation token has the SHA-256 h: 1 with *row on it (FOL_
 * columns; the caller resets it with db_reset), 0 when none (used, deleted, or never
 * given), or -1. */
int follow_by_confirm(const unsigned char h[32], sqlite3_stmt **row);
/* Confirms subscription id at now: active, its confirmation token forgotten, its alerts
 * starting after revision rev (the newest of the log) and now; the address's refusals
 * are forgotten (it just showed that it receives mail).  Returns 1 when confirmed, 0
 * when it was not waiting, or -1. */
int follow_confirm(long long id, long long rev, long long now);
/* The follower whose token is tok (64 lower-case hex characters) into *follower.
 * Returns 1, 0 when none, or -1. */
int follow_by_token(const char *tok, long long *follower);
/* The subscriptions of follower, oldest first: the statement, bound, for the caller to
 * step (FOL_ columns). */
sqlite3_stmt *follow_subs(long long follower);
/* Sets the language and frequency of subscription id of follower (NULL: unchanged).
 * Returns 1 when changed, 0 when follower has no such subscription, or -1. */
int follow_change(long long follower, long long id, const char *lang, const char *frequency);
/* Stops subscription id of follower (deleted); an address left with none is deleted.
 * Returns 1 when stopped, 2 when stopped and the address is gone with it, 0 when
 * follower has no such subscription, or -1. */
int follow_stop(long long follower, long long id);
/* Stops every subscription of follower: the address is deleted, with its queued mail.
 * Returns 0 or -1. */
int follow_stop_all(long long follower);

#endif
