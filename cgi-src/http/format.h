/* format: the format a request asks for: HTML, or the data formats of a page, JSON, CSV
 * and XLSX (enum fmt, view/page.h), by a suffix on the path or the Accept header. */
#ifndef ABERTA_FORMAT_H
#define ABERTA_FORMAT_H

#include "http/req.h"
#include "view/page.h"

/* Removes a trailing ".json", ".csv" or ".xlsx" from r->path (the data formats of a
 * page) and returns the format it asked for; FMT_HTML when there is none. */
enum fmt fmt_strip(struct req *r);
/* The format an Accept header prefers among HTML, JSON, CSV and XLSX: the highest q-value,
 * each type taking the q of its most specific matching range; HTML wins ties and
 * answers when there is no header (accept NULL). */
enum fmt fmt_negotiate(const char *accept);
/* The suffix of format f on a path: ".json", ".csv", ".xlsx", or "" for HTML. */
const char *fmt_suffix(enum fmt f);

#endif
