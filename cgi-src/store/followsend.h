/*
 * followsend: the rows `aberta-admin follow send` reads and writes (migration 16): the
 * active subscriptions of the addresses still enabled, the marks of what each was last
 * told (subscription.sent_rev, sent_at), one follow_sent row a message queued (the
 * hourly cap, the staff's counts; rows older than FOLLOW_SENT_KEEP are pruned by each
 * run), and the refusals that disable an address (follower.failures, disabled_at),
 * counted by the mail flush (net/mailsend.c) on the outbox message it claimed.
 *
 * The statements are the store's table "followsend" (STORE_RW): call these on the
 * connection store_prepare prepared it on, inside the caller's transaction where one is
 * named.  A failure is recorded (db_failed, db_last_error) and the call returns -1.
 */
#ifndef ABERTA_FOLLOWSEND_H
#define ABERTA_FOLLOWSEND_H
#include <stddef.h>

#include "lib/followtime.h"
#include "store/changes.h"

#define FOLLOW_SENT_KEEP    (8 * 86400) /* seconds a follow_sent row is kept */
#define FOLLOW_FAILURES_MAX 3           /* permanent refusals in a row that disable */

/* One active subscription of an enabled address, with what it follows. */
struct follow_sub {
	long long        id;
	enum follow_kind kind;
	long long        target; /* the plan's, commitment's or body's id; 0: the site */
	int              en;     /* 1: messages in English, 0: in Portuguese */
	enum follow_freq freq;
	long long        sent_rev;          /* the newest revision already told */
	long long        sent_at;           /* unix time of the last message or mark (else of the
				    * confirmation, else the now of the read) */
	long long        stored_at;         /* sent_at as the row holds it; -1: NULL */
	char            *name_pt, *name_en; /* the thing's title or name; NULL: none recorded */
	char            *ref; /* its address's part: plan number, OGP id, body slug; NULL: site */
};

/* The address a follower's subscriptions go to. */
struct follow_who {
	long long id;
	char      email[256];
	char      token[65]; /* the management and one-click token */
};

/* Deletes the follow_sent rows older than FOLLOW_SENT_KEEP at now.  Returns the number
 * deleted, or -1. */
int followsend_prune(long long now);
/* The messages queued in the hour up to now (follow_sent) into *n.  Returns 0 or -1. */
int followsend_recent(long long now, long long *n);
/* The ids of the enabled followers with an active subscription, ascending, into *ids
 * (malloc'd, *n of them; NULL when none).  Returns 0 or -1 (nothing to free). */
int followsend_followers(long long **ids, size_t *n);
/* The active subscriptions of follower id (none when it is disabled), by language, then
 * the most particular things first (commitments, plans, bodies, the site), into *subs
 * (malloc'd, *n of them; free with followsend_subs_free), its address into *who; now:
 * the sent_at of a row that has none and no confirmation time.  Returns 0 or -1. */
int followsend_subs(
    long long id, long long now, struct follow_who *who, struct follow_sub **subs, size_t *n);
/* Frees n subscriptions of followsend_subs. */
void followsend_subs_free(struct follow_sub *subs, size_t n);
/* Whether subscription s is still as it was read: active, of an address still enabled,
 * with the same marks (not told meanwhile by another run).  Returns 1 or 0, or -1. */
int followsend_still(const struct follow_sub *s);
/* Sets subscription id's marks: told up to revision rev, at at.  Returns 0 or -1. */
int followsend_mark(long long id, long long rev, long long at);
/* Records a message queued at at telling items changes.  Returns 0 or -1. */
int followsend_sent(long long at, int items);
/* Counts a permanent refusal (why: the relay's or sendmail's answer) against the
 * follower of outbox message id, while token's claim holds it; the
 * FOLLOW_FAILURES_MAX-th in a row disables the address at now.  Returns 1 when the
 * message is a follower's (the caller then drops it), 0 when it has none, or -1. */
int follower_refused(long long id, const char *token, const char *why, long long now);
/* A message of outbox id (claimed by token) was accepted: its follower's refusals
 * start again from 0.  Returns 0 or -1. */
int follower_delivered(long long id, const char *token);

#endif
