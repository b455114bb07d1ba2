/* resp: the response being built.  Nothing is written to the client until the
 * dispatcher sends the whole thing at once. */
#ifndef ABERTA_RESP_H
#define ABERTA_RESP_H
#include "lib/buf.h"

struct resp {
	int         status; /* HTTP status */
	const char *ctype;  /* Content-Type, static string */
	struct buf  head;   /* extra header lines, each ending in CRLF */
	struct buf  body;   /* the body */
	const char *ext;    /* or, when not NULL, a body held elsewhere (the */
	size_t      extlen; /* memo of cache.h), valid until it is sent */
	const char *csp;    /* Content-Security-Policy, static; NULL: the site's own */
};

/* Adds a header; refuses (returns -1) names or values holding CR, LF or NUL, and names
 * with characters outside the HTTP token set. */
int resp_header(struct resp *r, const char *name, const char *value);
/* Empties the response for reuse: status 200, text/html, no headers, no body, the
 * site's Content-Security-Policy. */
void resp_reset(struct resp *r);
/* The reason phrase for a status ("Not Found"). */
const char *resp_reason(int status);
/* Writes the status line, Content-Type, Content-Length, the security headers, the extra
 * headers and (unless head_only) the body into out: the exact bytes for the FastCGI stream. */
void resp_serialize(const struct resp *r, int head_only, struct buf *out);

#endif
