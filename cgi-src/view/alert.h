/*
 * alert: one email alert of `aberta-admin follow send` in words: what changed about the
 * things one address follows in one language, a section a followed thing (the most
 * particular first, as the caller gives them), each change told once even when two
 * followed things see it (the first section that sees it tells it), each with its
 * title, its date, the figure's date and evidence where known, and the page where it
 * is seen (view/changes.h); at most ALERT_SECTION_MAX changes a section, the rest
 * counted with the link to the thing's page.  The footer says why the address gets
 * it, links to the management page (BASE/LANG/follow/manage/TOKEN) and gives the
 * one-click address (BASE/follow/unsubscribe/TOKEN, store/follow.h).
 *
 * The message is plain text with an HTML part from templates/alert.tpl (ctemplate,
 * auto-escaped), with the headers of store/mail.h (Date, Message-ID, Auto-Submitted:
 * auto-generated) and List-Unsubscribe with List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click (RFC 8058).  Nothing in it tracks the reader: no image, no
 * address that names the message; the only address naming the recipient is the token's,
 * the one that lets them leave.  The links start with the site's base (url_site_base).
 */
#ifndef ABERTA_ALERT_H
#define ABERTA_ALERT_H
#include <stddef.h>
#include <time.h>

#include "lib/buf.h"
#include "lib/followtime.h"
#include "store/changes.h"

#define ALERT_SECTION_MAX 50 /* changes listed in one section; the rest are counted */

struct alert;

/* A new alert in English (en 1) or Portuguese, to the address whose management token is
 * token (64 hex characters).  NULL when memory ran out.  Free with alert_free. */
struct alert *alert_new(int en, const char *token);
void          alert_free(struct alert *a);
/* Writes the name of a followed thing in English (en) or Portuguese into out, as the
 * management page, the confirmation email and the alerts all give it: the whole site;
 * "Plano 3: title"; "PT0013 — title"; a body's name with its acronym when the name does
 * not hold it (none recorded: "Entidade SLUG").  key is the plan's number, the OGP id or the body's slug (NULL: the
 * record is gone: "not yet recorded"); title its title or name in that language (NULL:
 * none recorded); acronym a body's (may be NULL). */
void follow_thing_name(enum follow_kind kind, const char *key, const char *title,
    const char *acronym, int en, char *out, size_t len);
/* Writes the path of the page of that thing in language lang ("/pt/plans/3", "/en/")
 * into out. */
void follow_thing_path(
    enum follow_kind kind, const char *key, const char *lang, char *out, size_t len);
/* Starts the section of a followed thing: kind, ref (the plan's number, the OGP id, the
 * body's slug; NULL for the site), name (its title or name in the alert's language;
 * NULL: none recorded), told at frequency f.  A section no change is added to is left
 * out of the message, but named in its footer.  Returns 0, or -1 when memory ran out. */
int alert_section(
    struct alert *a, enum follow_kind kind, const char *ref, const char *name, enum follow_freq f);
/* Adds change ch to the current section, unless an earlier section told it.  Returns 1
 * when added (listed, or counted beyond ALERT_SECTION_MAX), 0 when told already, -1
 * when memory ran out. */
int alert_change(struct alert *a, const struct change *ch);
/* The number of changes the alert tells. */
int alert_items(const struct alert *a);
/* Writes the message from from to rcpt at now into out.  Returns 0, or -1 (a template
 * missing, memory, or an address with a line break). */
int alert_compose(struct alert *a, const char *from, const char *rcpt, time_t now, struct buf *out);

#endif
