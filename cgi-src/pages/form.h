/* form: the pieces every citizen's form shares (pages/consultations.c, pages/follow.c):
 * reading and checking a field, the honeypot, the rate limits in the write transaction
 * (pages/limits.h), and the page that gives a form back with a message. */
#ifndef ABERTA_FORM_H
#define ABERTA_FORM_H
#include <stddef.h>

#include "pages/limits.h"
#include "pages/pages.h"

/* Form field name, its leading blanks and line breaks skipped: returns it, or NULL when
 * absent or empty.  CRLF stays (the database keeps what was typed; pages split on LF). */
const char *form_field(struct ctx *c, const char *name);
/* Checks one text field v: required, at most max bytes, valid UTF-8, no control
 * characters (line breaks and tabs allowed when lines).  Returns a message key or NULL. */
const char *form_check_text(const char *v, int required, size_t max, int lines);
/* The honeypot, the field "website" people do not see: when a robot filled it, logs that
 * what was refused and answers a redirect to sent, as if it had worked (returns 303);
 * returns 0 when it is empty. */
int form_honeypot(struct ctx *c, const char *what, const char *sent);
/* Opens the write transaction of a form's POST and checks the rate limits for email (as
 * typed), with the proof of work the form sent back (limits_check).  LIMITS_OK leaves
 * the transaction open for the caller to write and commit; LIMITS_PROOF has committed
 * the challenge (*ask); LIMITS_REFUSED and LIMITS_ERROR have rolled back. */
enum limits_verdict form_limits(struct ctx *c, const char *email, struct limits_ask *ask);
/* Starts a page of template tpl with title and heading title and message msg (message
 * keys, in the page's language): a form's answer, a token link's page.  Returns the
 * body. */
tpl_dict *form_message(struct ctx *c, const char *tpl, const char *title, const char *msg);
/* Starts the page that gives a form back (submit.tpl, never stored): title and heading
 * title, message msg, a link back to back; with the proof of work ask (NULL: none), the
 * seconds to wait without script, public/pow.js and Retry-After.  Returns the body, for
 * the caller to include its form into. */
tpl_dict *form_again(struct ctx *c, const char *title, const char *msg, const char *back,
    const struct limits_ask *ask);

#endif
