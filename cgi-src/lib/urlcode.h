/* urlcode: percent-decoding (RFC 3986), for the request's path and query and for the
 * addresses the link checker reads; percent-encoding, for the addresses a page makes
 * from a request's values. */
#ifndef ABERTA_URLCODE_H
#define ABERTA_URLCODE_H
#include <stddef.h>

#include "lib/buf.h"

/* Percent-decodes src[0..len) into dst (size dstlen); plus_space turns '+' into ' '.
 * Returns the decoded length, or -1 on a malformed escape, NUL, or overflow. */
long url_decode(char *dst, size_t dstlen, const char *src, size_t len, int plus_space);
/* Appends s (NULL: nothing) to out percent-encoded for a query's value: every byte but
 * the unreserved characters of RFC 3986 (letters, digits, - . _ ~) as %XX. */
void url_encode(struct buf *out, const char *s);
/* The site's public base URL without a trailing slash, for absolute links (feeds,
 * sitemaps, metadata, emails): ABERTA_BASE_URL when it is an http(s) address, else
 * http://127.0.0.1:8080; read once. */
const char *url_site_base(void);

#endif
