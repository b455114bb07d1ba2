/* mail: the confirmation emails, and the reporting rounds' emails to member editors
 * (store/rounds.h).  The worker writes a message into the outbox table in the same
 * transaction as the submission (or the round) it is about; right after the commit it
 * starts `aberta-admin mail flush --id N` in the background (mail_flush_start), which
 * sends it (mailsend.h: SMTP through libcurl, or a sendmail program), so the worker
 * never loads libcurl and its answer never waits for the mail.  What could not be sent,
 * or could not be started, waits for `aberta-admin mail flush` (a timer), so a relay
 * that is down never loses a submission.  From the environment:
 *   ABERTA_MAIL_FROM  the sender address (default ogp@ama.pt)
 *   ABERTA_ADMIN      the aberta-admin program (default: aberta-admin beside this one) */
#ifndef ABERTA_MAIL_H
#define ABERTA_MAIL_H
#include <stddef.h>
#include <time.h>
#include <sqlite3.h>

#include "lib/buf.h"

/* Writes a plain-text UTF-8 message (headers and body, CRLF line ends) to to, with the
 * subject (encoded as RFC 2047 when not ASCII), into out.  to and subject must hold no
 * line break (the caller validated them).  Returns 0 or -1. */
int mail_compose(struct buf *out, const char *from, const char *to, const char *subject,
    const char *body, time_t now);
/* The same message as multipart/alternative: the plain text and an HTML version of it
 * (both UTF-8, 8bit, CRLF line ends, no line over 900 bytes).  Returns 0 or -1. */
int mail_compose_alt(struct buf *out, const char *from, const char *to, const char *subject,
    const char *text, const char *html, time_t now);
/* The same with more header lines: extra, a NULL-ended list of "Name: value" lines of
 * printable ASCII without a line end (an alert's List-Unsubscribe...), written after
 * the usual ones.  Returns 0, or -1 when one is not such a line. */
int mail_compose_alt_h(struct buf *out, const char *from, const char *to, const char *subject,
    const char *const *extra, const char *text, const char *html, time_t now);
/* Puts message msg (len bytes, from mail_compose) to rcpt about submission sid (0: none,
 * a message to the staff) into the outbox at now, inside the caller's transaction, on
 * the connection that store_prepare prepared STORE_RW on.  Returns the outbox id, or -1
 * (recorded, see db_failed). */
long long mail_queue(long long sid, const char *rcpt, const char *msg, size_t len, long long now);
/* The same for a message to a follower (follower.id; 0: none), an email alert or the
 * confirmation of a subscription: erasing the address removes it from the outbox, and a
 * permanent refusal counts against the follower (net/mailsend.h). */
long long mail_queue_to(long long sid, long long follower, const char *rcpt, const char *msg,
    size_t len, long long now);
/* The sender address (ABERTA_MAIL_FROM or the default). */
const char *mail_from(void);
/* Starts the sending of outbox message id: `ABERTA_ADMIN --db FILE mail flush --id ID`
 * (FILE: rw's database; id 0: every message waiting, without --id), detached
 * (spawn.h), with this process's environment (the transport: ABERTA_SMTP_URL,
 * ABERTA_SENDMAIL...).  Does not wait for the mail.  Returns 0 once the program runs,
 * or -1 with the reason in err: the message then waits in the outbox for the timer. */
int mail_flush_start(sqlite3 *rw, long long id, char *err, size_t errlen);

#endif
