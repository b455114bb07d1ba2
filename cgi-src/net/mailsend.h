/* mailsend: sending the confirmation emails of the outbox table (aberta-admin only; the
 * worker writes the outbox and starts `aberta-admin mail flush --id N`, see mail.h).
 * Transport, from the environment:
 *   ABERTA_SMTP_URL   smtp://host:port (or smtps://) of a relay: libcurl's SMTP client
 *                     (5 s to connect, 15 s in all)
 *   ABERTA_SENDMAIL   else the path of a sendmail program (run as PATH -i -- RCPT; it is
 *                     killed by SIGALRM after MAIL_SENDMAIL_SECONDS)
 *
 * Several senders may run at once (the worker's flush of each new message, the timer's
 * flush of everything): each message is sent by one of them.  A sender claims one row at
 * a time in a write transaction (claimed_at = now, claimed_by = its own random token,
 * only on a row that is free or whose claim is older than MAIL_CLAIM_STALE seconds),
 * sends it, then deletes it, or on failure counts the attempt and frees it, in both
 * cases only while the claim is still its own.
 *
 * A refusal for good (an SMTP reply 5xx to RCPT TO or to the message, never to the
 * greeting, EHLO, AUTH, MAIL FROM or DATA, which are the relay's; sendmail's exit status
 * EX_NOUSER, EX_NOHOST or EX_DATAERR) of a message to a follower (outbox.follower_id:
 * an email alert or a subscription's confirmation) drops the message and counts
 * against the address: FOLLOW_FAILURES_MAX in a row disable it (store/followsend.h); a
 * message it accepts starts the count again.  Any other failure, and any failure of a
 * message to no follower, is tried again by the next flush. */
#ifndef ABERTA_MAILSEND_H
#define ABERTA_MAILSEND_H
#include <stddef.h>

#include "store/db.h"

/* A claim older than this is taken to be that of a sender that died: far longer than
 * one message can take to send (15 s by SMTP, MAIL_SENDMAIL_SECONDS by sendmail). */
#define MAIL_CLAIM_STALE      300
#define MAIL_SENDMAIL_SECONDS 60

/* Sends one message to rcpt through the configured transport.  Returns 0, or -1 with
 * the reason in err (whether refused for good or not). */
int mail_send(const char *rcpt, const char *msg, size_t len, char *err, size_t errlen);
/* Sends the outbox messages: only message id when id > 0, else every one, in id order;
 * a message claimed by another sender in the last MAIL_CLAIM_STALE seconds is left to
 * it.  A message sent is deleted; one that fails keeps its attempt count and error and
 * is tried again by the next flush, but a follower's refused for good (above), which is
 * dropped (counted as failed).  Counts go to *sent and *failed (may be NULL).  rw
 * is the connection the store's STORE_RW tables were prepared on (store/outbox.h).
 * Returns 0, or -1 after printing the database error. */
int mail_flush(sqlite3 *rw, long long id, int *sent, int *failed);

#endif
