/* records: the consultations held elsewhere (on Participa.gov.pt, OGP's site, the
 * national portal), listed on /{lang}/consultations apart from those opened on this site. */
#ifndef ABERTA_PAGES_RECORDS_H
#define ABERTA_PAGES_RECORDS_H

#include "view/page.h"

/* Adds every consultation record to d as RECORD inside section RECORDS (shown only when
 * there is one), each with its anchor (SLUG), title in the page language, status label
 * (domain held_status), opening and closing dates ("not yet recorded" when NULL) with
 * the marker of their confidence, where it was held (a link named by its host), the
 * organiser (linking its member page), the plan it was about, what was asked, its
 * outcome ("not yet recorded" when NULL), the comments it received when stated and its
 * sources named by their titles.  Returns how many. */
int records_list(struct ctx *c, tpl_dict *d);
/* 1 when consultation id of this site repeats a record and received nothing, so that
 * the list shows the record alone (store/records.h: RC_DUPLICATE). */
int records_repeats(long long id);

#endif
