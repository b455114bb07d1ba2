/* valid: typed validators for everything that comes from outside. */
#ifndef ABERTA_VALID_H
#define ABERTA_VALID_H
#include <stddef.h>

/* Returns 1 if s[0..len) is well-formed UTF-8 (no overlongs, surrogates or NUL), else 0. */
int valid_utf8(const char *s, size_t len);
/* Parses a decimal integer in [min, max] with no sign, spaces or leading zeros
 * (except "0").  Returns 0 and sets *out, or -1. */
int valid_int(const char *s, long long min, long long max, long long *out);
/* Returns 1 for an OGP commitment id: two capital letters and four digits (PT0013). */
int valid_ogp_id(const char *s);
/* Returns 1 for a slug: 1-80 characters from [a-z0-9-]. */
int valid_slug(const char *s);
/* Returns 1 for an ISO 8601 date at year, month or day precision (2018, 2018-12, 2018-12-03)
 * that exists in the calendar. */
int valid_date(const char *s);
/* Returns 1 for an absolute http or https URL without spaces or control characters. */
int valid_http_url(const char *s);
/* The value of the n decimal digits at s, or -1 when one of them is not a digit. */
int valid_digits(const char *s, int n);

#endif
