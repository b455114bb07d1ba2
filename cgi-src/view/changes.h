/*
 * changes (view): the items of store/changes.h written for people, in Portuguese or
 * English, the same words in the Atom feeds and in the email alerts: what changed, the
 * commitment and milestone it is about, the values before and after (codes as the
 * pages name them), the date the figure refers to with how it is known and how sure it
 * is, the evidence link, and the page where it is seen.
 */
#ifndef ABERTA_VIEW_CHANGES_H
#define ABERTA_VIEW_CHANGES_H
#include <stddef.h>

#include "store/changes.h"
#include "view/tpl.h"

/* Writes the one-line title of ch (en: English, else Portuguese) into out, e.g.
 * "PT0013, marco 2: progresso 40% → 60%". */
void change_title(const struct change *ch, int en, char *out, size_t len);
/* Writes the absolute address of the page where ch is seen (the site's base,
 * url_site_base(), then /pt or /en) into out. */
void change_href(const struct change *ch, int en, char *out, size_t len);
/* Fills item, one entry of a template's list of changes: TITLE, HREF, WHEN (the date
 * in words: a save's time in Lisbon, a fact's date as the content gives it), SUMMARY
 * (the title with what follows, on one line: the Atom entry's summary), and when known
 * AS_OF (the figure's date in words, with how it is known), CONFIDENCE (in words, when
 * not confirmed), EVIDENCE (an absolute address) with EVIDENCE_LABEL ("Evidência" or
 * "Fonte"), each of these three with its section HAS_AS_OF, HAS_CONFIDENCE,
 * HAS_EVIDENCE shown. */
void change_dict(const struct change *ch, int en, tpl_dict *item);

#endif
