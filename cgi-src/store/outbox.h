/* outbox: the claims of the senders of the confirmation emails (aberta-admin mail flush;
 * see net/mailsend.h).  The statements are in the table store_outbox (STORE_RW): call
 * these on the connection that store_prepare prepared it on.  A failure is recorded
 * (db_failed, db_last_error). */
#ifndef ABERTA_OUTBOX_H
#define ABERTA_OUTBOX_H

/* Claims for token, at now, the first message after last (only id when id > 0) that is
 * free or whose claim is older than stale seconds, inside the caller's transaction.
 * Returns 1 with its id in *got and its recipient and message (malloc'd; NULL when
 * memory ran out) in *rcpt and *msg, 0 when there is none, -1 on a database error. */
int outbox_claim(long long id, long long last, const char *token, long long now, int stale,
    long long *got, char **rcpt, char **msg);
/* Deletes message id, sent, while the claim is still token's.  Returns the number of
 * rows deleted (0: another sender took it over), or -1. */
int outbox_sent(long long id, const char *token);
/* Frees message id, not sent, while the claim is still token's: counts the attempt and
 * keeps the error.  Returns the number of rows changed, or -1. */
int outbox_failed(long long id, const char *token, const char *error);

#endif
