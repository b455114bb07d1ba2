/* retention: what the consent text promises citizens (aberta-admin submissions erase and
 * purge): every trace of one address can be erased, and what was never confirmed or was
 * spam does not stay.  The statements are in the table store_retention (STORE_RW): call
 * these on the connection that store_prepare prepared it on, inside the caller's
 * transaction.  A failure is recorded (db_failed, db_last_error). */
#ifndef ABERTA_RETENTION_H
#define ABERTA_RETENTION_H

/* Deletes the mail waiting for email (folded), its submissions, the rate-limit
 * counters under key ("email:" and the hex SHA-256 of email), and the address's email
 * alerts (store/follow.h: the follower, its subscriptions and its queued mail); *n gets
 * the number of submissions deleted, *subs the number of subscriptions.  Returns 0 or
 * -1. */
int retention_erase(const char *email, const char *key, int *n, int *subs);
/* Deletes the unconfirmed submissions created more than 7 days before now (seconds
 * since the epoch), the spam last changed more than 30 days before, the rate-limit
 * counters older than a day, the requests to follow whose confirmation expired before
 * now (FOLLOW_CONFIRM_TTL after the last confirmation email) and the addresses left
 * following nothing; *n gets the number of submissions deleted, *subs the number of
 * subscriptions.  Returns 0 or -1. */
int retention_purge(long long now, int *n, int *subs);

#endif
