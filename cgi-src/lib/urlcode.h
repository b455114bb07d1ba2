/* urlcode: percent-decoding (RFC 3986), for the request's path and query and for the
 * addresses the link checker reads. */
#ifndef ABERTA_URLCODE_H
#define ABERTA_URLCODE_H
#include <stddef.h>

/* Percent-decodes src[0..len) into dst (size dstlen); plus_space turns '+' into ' '.
 * Returns the decoded length, or -1 on a malformed escape, NUL, or overflow. */
long url_decode(char *dst, size_t dstlen, const char *src, size_t len, int plus_space);

#endif
