/* urlcode: percent-decoding and encoding (see urlcode.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/urlcode.h"
#include "lib/valid.h"

/* Returns the value 0-15 of a hex digit, or -1. */
static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long
url_decode(char *dst, size_t dstlen, const char *src, size_t len, int plus_space)
{
	size_t i, o = 0;
	int    hi, lo;
	char   c;

	if (dstlen == 0)
		return -1;
	for (i = 0; i < len; i++) {
		c = src[i];
		if (c == '%') {
			if (i + 2 >= len)
				return -1;
			if ((hi = hexval(src[i + 1])) < 0 || (lo = hexval(src[i + 2])) < 0)
				return -1;
			c = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_space)
			c = ' ';
		if (c == '\0' || o + 1 >= dstlen)
			return -1;
		dst[o++] = c;
	}
	dst[o] = '\0';
	return (long)o;
}

/* Appends s (NULL: nothing) to out percent-encoded (see url_param). */
static void
url_encode(struct buf *out, const char *s)
{
	static const char    hex[] = "0123456789ABCDEF";
	const unsigned char *p;
	char                 e[3] = { '%', 0, 0 };

	for (p = (const unsigned char *)s; p != NULL && *p != '\0'; p++)
		if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || *p == '-' || *p == '.' || *p == '_' || *p == '~')
			buf_put(out, (const char *)p, 1);
		else {
			e[1] = hex[*p >> 4];
			e[2] = hex[*p & 15];
			buf_put(out, e, 3);
		}
}

void
url_param(struct buf *u, const char *name, const char *value)
{
	buf_printf(u, "%c%s=", strchr(u->p != NULL ? u->p : "", '?') != NULL ? '&' : '?', name);
	url_encode(u, value);
}

const char *
url_site_base(void)
{
	static char base[256];
	const char *e;
	size_t      n;

	if (base[0] == '\0') {
		e = getenv("ABERTA_BASE_URL");
		if (e == NULL || !valid_http_url(e))
			e = "http://127.0.0.1:8080";
		snprintf(base, sizeof base, "%s", e);
		n = strlen(base);
		while (n > 0 && base[n - 1] == '/')
			base[--n] = '\0';
	}
	return base;
}
