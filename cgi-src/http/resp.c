#include <string.h>

#include "http/resp.h"

/* Returns 1 if c may appear in a header name (RFC 9110 token). */
static int
tchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

int
resp_header(struct resp *r, const char *name, const char *value)
{
	const char *p;

	if (*name == '\0')
		return -1;
	for (p = name; *p != '\0'; p++)
		if (!tchar(*p))
			return -1;
	for (p = value; *p != '\0'; p++)
		if (*p == '\r' || *p == '\n' || ((unsigned char)*p < 0x20 && *p != '\t'))
			return -1;
	buf_puts(&r->head, name);
	buf_put(&r->head, ": ", 2);
	buf_puts(&r->head, value);
	buf_put(&r->head, "\r\n", 2);
	return 0;
}

void
resp_reset(struct resp *r)
{
	r->status = 200;
	r->ctype = "text/html; charset=utf-8";
	buf_reset(&r->head);
	buf_reset(&r->body);
	r->ext = NULL;
	r->extlen = 0;
	r->csp = NULL;
}

const char *
resp_reason(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 301:
		return "Moved Permanently";
	case 302:
		return "Found";
	case 303:
		return "See Other";
	case 304:
		return "Not Modified";
	case 400:
		return "Bad Request";
	case 401:
		return "Unauthorized";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 406:
		return "Not Acceptable";
	case 409:
		return "Conflict";
	case 410:
		return "Gone";
	case 413:
		return "Content Too Large";
	case 414:
		return "URI Too Long";
	case 429:
		return "Too Many Requests";
	case 500:
		return "Internal Server Error";
	case 503:
		return "Service Unavailable";
	default:
		return "Unknown";
	}
}

void
resp_serialize(const struct resp *r, int head_only, struct buf *out)
{
	const char *body = r->ext != NULL ? r->ext : r->body.p;
	size_t      len = r->ext != NULL ? r->extlen : r->body.len;

	buf_printf(out, "Status: %d %s\r\n", r->status, resp_reason(r->status));
	if (r->status != 304) {
		buf_printf(out, "Content-Type: %s\r\n", r->ctype);
		buf_printf(out, "Content-Length: %lu\r\n", (unsigned long)len);
	}
	buf_printf(out, "Content-Security-Policy: %s\r\n",
	    r->csp != NULL ? r->csp
			   : "default-src 'self'; object-src 'none'; base-uri 'none'; "
			     "frame-ancestors 'none'; form-action 'self'");
	buf_puts(out,
	    "X-Content-Type-Options: nosniff\r\n"
	    "Referrer-Policy: strict-origin-when-cross-origin\r\n");
	if (r->head.len > 0)
		buf_put(out, r->head.p, r->head.len);
	buf_put(out, "\r\n", 2);
	if (!head_only && r->status != 304 && len > 0)
		buf_put(out, body, len);
}
