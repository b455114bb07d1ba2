/* mail: the confirmation emails.  A message is queued in the outbox table in the same
 * transaction as the submission it is about, then sent right after the commit with short
 * timeouts; what could not be sent waits for `aberta-admin mail flush` (a timer), so a
 * relay that is down never loses a submission.  Transport, from the environment:
 *   ABERTA_SMTP_URL   smtp://host:port (or smtps://) of a relay: libcurl's SMTP client
 *   ABERTA_SENDMAIL   else the path of a sendmail program (run as PATH -i -- RCPT)
 *   ABERTA_MAIL_FROM  the sender address (default ogp@ama.pt) */
#ifndef ABERTA_MAIL_H
#define ABERTA_MAIL_H
#include <stddef.h>
#include <time.h>
#include <sqlite3.h>

#include "buf.h"

/* Writes a plain-text UTF-8 message (headers and body, CRLF line ends) to to, with the
 * subject (encoded as RFC 2047 when not ASCII), into out.  to and subject must hold no
 * line break (the caller validated them).  Returns 0 or -1. */
int	 mail_compose(struct buf *out, const char *from, const char *to,
	    const char *subject, const char *body, time_t now);
/* The sender address (ABERTA_MAIL_FROM or the default). */
const char *mail_from(void);
/* Sends one message to rcpt through the configured transport.  Returns 0, or -1 with
 * the reason in err. */
int	 mail_send(const char *rcpt, const char *msg, size_t len, char *err, size_t errlen);
/* Sends the outbox messages: only message id when id > 0, else every one not claimed by
 * another sender in the last 5 minutes.  A message sent is deleted; one that fails
 * keeps its attempt count and error.  Counts go to *sent and *failed (may be NULL).
 * Returns 0, or -1 on a database error. */
int	 mail_flush(sqlite3 *rw, long long id, int *sent, int *failed);

#endif
