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
/* Appends the query parameter "?name=value" to u ("&name=value" when u already holds a
 * '?'), value (NULL: empty) percent-encoded: every byte but the unreserved characters
 * of RFC 3986 (letters, digits, - . _ ~) as %XX.  The public listings' facet links and
 * the admin lists' addresses are made with it. */
void url_param(struct buf *u, const char *name, const char *value);
/* The site's public base URL without a trailing slash, for absolute links (feeds,
 * sitemaps, metadata, emails): ABERTA_BASE_URL when it is an http(s) address, else
 * http://127.0.0.1:8080; read once. */
const char *url_site_base(void);

#endif
