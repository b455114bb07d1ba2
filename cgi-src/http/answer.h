/* answer: what a handler does to the response besides filling its page: a redirect, the
 * session cookie of the staff pages, the answer of the open data in JSON or CSV. */
#ifndef ABERTA_ANSWER_H
#define ABERTA_ANSWER_H

#include <jansson.h>

#include "view/export.h"
#include "view/page.h"

/* Answers 303 See Other to path (an admin redirect after a POST); returns 303. */
int page_redirect(struct ctx *c, const char *path);
/* The session cookie's name: "__Host-aberta" over HTTPS, "aberta" on plain http. */
const char *page_cookie_name(const struct ctx *c);
/* Sets (token non-NULL) or clears the session cookie. */
void page_set_session_cookie(struct ctx *c, const char *token);
/* Answers the request in c->fmt with rows (listing: JSON "records") or record (detail:
 * JSON "record"; its CSV is rows, the page's main table, whose set is rowset).  Takes
 * the references of record and rows.  name is the CSV file name without ".csv".  Sets
 * the body, Content-Type and Content-Disposition; returns 200, or 500 when memory runs
 * out.  XLSX: rows as one sheet named name, with the sheet of columns (view/xlsx.h),
 * and the file name name.xlsx, as an attachment; 500 also when the workbook cannot be
 * written. */
int export_send(struct ctx *c, const struct xset *set, json_t *record, const struct xset *rowset,
    json_t *rows, const char *name);
/* Answers /data/all.xlsx: every bulk table as a sheet of one workbook, in the order of
 * the data dictionary, with the sheet of columns in c's language; each table is built,
 * written and freed in turn.  Returns 200, or 500. */
int export_send_workbook(struct ctx *c);

#endif
