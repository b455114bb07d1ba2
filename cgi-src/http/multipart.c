#include <string.h>
#include <strings.h>

#include "http/multipart.h"
#include "lib/valid.h"

#define PARAM_VALUE_MAX 512 /* longest parameter value read (longer: refused) */

static const char *why = "";

/* Records msg as the reason of the failure; returns 400. */
static int
fail(const char *msg)
{
	why = msg;
	return 400;
}

const char *
multipart_error(void)
{
	return why;
}

/* Returns 1 if c may appear in an HTTP token (RFC 9110), else 0. */
static int
tchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* Returns 1 if c may appear in a boundary (RFC 2046 bchars), else 0. */
static int
bchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("'()+_,-./:=? ", c) != NULL);
}

/* Advances p past spaces and tabs, up to end. */
static const char *
skip_ows(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* Reads a token or a quoted-string (backslash escapes decoded) at *pp into out (size
 * outlen).  Returns 0 and advances *pp, or -1 when malformed, holding a control
 * character, or too long. */
static int
param_value(const char **pp, const char *end, char *out, size_t outlen)
{
	const char *p = *pp;
	size_t      o = 0;

	if (p < end && *p == '"') {
		for (p++; p < end && *p != '"'; p++) {
			if (*p == '\\' && ++p == end)
				return -1;
			if (((unsigned char)*p < 0x20 && *p != '\t') || *p == 0x7f ||
			    o + 1 >= outlen)
				return -1;
			out[o++] = *p;
		}
		if (p == end)
			return -1; /* unterminated */
		p++;
	} else {
		for (; p < end && tchar(*p); p++) {
			if (o + 1 >= outlen)
				return -1;
			out[o++] = *p;
		}
		if (o == 0)
			return -1;
	}
	out[o] = '\0';
	*pp = p;
	return 0;
}

/* Reads the next "; name=value" parameter at *pp.  Returns 1 and fills name and val,
 * 0 at the end of the list, or -1 when malformed. */
static int
next_param(const char **pp, const char *end, char *name, size_t namelen, char *val, size_t vallen)
{
	const char *p = skip_ows(*pp, end);
	size_t      n = 0;

	if (p == end)
		return 0;
	if (*p++ != ';')
		return -1;
	if ((p = skip_ows(p, end)) == end)
		return *pp = p, 0; /* a trailing ';' */
	for (; p < end && tchar(*p) && *p != '='; p++) {
		if (n + 1 >= namelen)
			return -1;
		name[n++] = *p;
	}
	name[n] = '\0';
	if (n == 0 || p == end || *p++ != '=' || param_value(&p, end, val, vallen) != 0)
		return -1;
	*pp = p;
	return 1;
}

/* Finds the boundary in a multipart/form-data Content-Type and copies it into out
 * (size MPART_BOUNDARY_MAX + 1).  Returns 0, or 400. */
static int
boundary_of(const char *ctype, char *out)
{
	char        name[32], val[PARAM_VALUE_MAX];
	const char *p, *end;
	size_t      i, n;
	int         r, got = 0;

	if (ctype == NULL || strncasecmp(ctype, "multipart/form-data", 19) != 0)
		return fail("the body is not multipart/form-data");
	p = ctype + 19;
	end = p + strlen(p);
	if (p < end && *p != ';' && *p != ' ' && *p != '\t')
		return fail("the body is not multipart/form-data");
	while ((r = next_param(&p, end, name, sizeof name, val, sizeof val)) == 1) {
		if (strcasecmp(name, "boundary") != 0)
			continue;
		if (got++)
			return fail("two boundaries in the Content-Type");
		if ((n = strlen(val)) == 0 || n > MPART_BOUNDARY_MAX)
			return fail("the boundary is empty or longer than 70 characters");
		for (i = 0; i < n; i++)
			if (!bchar(val[i]))
				return fail("the boundary holds a character RFC 2046 forbids");
		if (val[n - 1] == ' ')
			return fail("the boundary ends with a space");
		memcpy(out, val, n + 1);
	}
	if (r < 0)
		return fail("malformed Content-Type parameters");
	return got ? 0 : fail("the Content-Type has no boundary");
}

/* Copies a name or filename parameter into out (size outlen); returns 0, or 400 when it
 * is not valid UTF-8 or does not fit. */
static int
copy_param(char *out, size_t outlen, const char *val)
{
	size_t n = strlen(val);

	if (n >= outlen || !valid_utf8(val, n))
		return fail("a part's name or filename is too long or not UTF-8");
	memcpy(out, val, n + 1);
	return 0;
}

/* Parses the value of a Content-Disposition header [p, end) into mp.  Returns 0 or 400. */
static int
disposition(const char *p, const char *end, struct mpart *mp)
{
	char        name[32], val[PARAM_VALUE_MAX];
	const char *t = p;
	int         r, got_name = 0;

	while (p < end && tchar(*p))
		p++;
	if (p - t != 9 || strncasecmp(t, "form-data", 9) != 0)
		return fail("a part's Content-Disposition is not form-data");
	while ((r = next_param(&p, end, name, sizeof name, val, sizeof val)) == 1) {
		if (strcasecmp(name, "name") == 0) {
			if (got_name++)
				return fail("a part has two names");
			if ((r = copy_param(mp->name, sizeof mp->name, val)) != 0)
				return r;
		} else if (strcasecmp(name, "filename") == 0) {
			if (mp->has_filename++)
				return fail("a part has two filenames");
			if ((r = copy_param(mp->filename, sizeof mp->filename, val)) != 0)
				return r;
		}
		/* filename* (RFC 7578 4.2: not to be used) and others are ignored. */
	}
	if (r < 0)
		return fail("malformed Content-Disposition parameters");
	if (mp->name[0] == '\0')
		return fail("a part has no name");
	return 0;
}

/* Copies a part's Content-Type [p, end) into mp->ctype.  Returns 0 or 400. */
static int
part_ctype(const char *p, const char *end, struct mpart *mp)
{
	size_t i, n = (size_t)(end - p);

	if (n > MPART_CTYPE_MAX)
		return fail("a part's Content-Type is too long");
	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] > 0x7e)
			return fail("a part's Content-Type is not printable ASCII");
	memcpy(mp->ctype, p, n);
	mp->ctype[n] = '\0';
	return 0;
}

/* Parses one header block [p, end), lines each ending in CRLF, into mp.  Returns 0 or
 * 400. */
static int
part_headers(const char *p, const char *end, struct mpart *mp)
{
	const char *eol, *colon, *v, *ve, *q;
	int         r, cd = 0, ct = 0;

	for (; p < end; p = eol + 2) {
		eol = memmem(p, (size_t)(end - p), "\r\n", 2);
		for (q = p; q < eol; q++)
			if (*q == '\r' || *q == '\n' || *q == '\0')
				return fail("a bare CR, LF or NUL in a part's headers");
		if (*p == ' ' || *p == '\t')
			return fail("a folded header line in a part");
		for (colon = p; colon < eol && tchar(*colon); colon++)
			;
		if (colon == p || colon == eol || *colon != ':')
			return fail("a malformed header line in a part");
		v = skip_ows(colon + 1, eol);
		for (ve = eol; ve > v && (ve[-1] == ' ' || ve[-1] == '\t'); ve--)
			;
		if (colon - p == 19 && strncasecmp(p, "Content-Disposition", 19) == 0) {
			if (cd++)
				return fail("a part has two Content-Disposition headers");
			if ((r = disposition(v, ve, mp)) != 0)
				return r;
		} else if (colon - p == 12 && strncasecmp(p, "Content-Type", 12) == 0) {
			if (ct++)
				return fail("a part has two Content-Type headers");
			if ((r = part_ctype(v, ve, mp)) != 0)
				return r;
		}
	}
	return cd ? 0 : fail("a part has no Content-Disposition");
}

int
multipart_parse(const char *content_type, const char *body, size_t len, struct mpart *parts,
    size_t max, size_t *n)
{
	char          delim[4 + MPART_BOUNDARY_MAX + 1]; /* CRLF "--" boundary */
	const char   *p, *end = body + len, *hend, *next;
	size_t        dlen, window;
	struct mpart *mp;
	int           r;

	*n = 0;
	why = "";
	memcpy(delim, "\r\n--", 4);
	if ((r = boundary_of(content_type, delim + 4)) != 0)
		return r;
	dlen = strlen(delim);
	/* No preamble: the body opens with the first delimiter (without its CRLF). */
	if (len < dlen - 2 || memcmp(body, delim + 2, dlen - 2) != 0)
		return fail("the body does not start with the boundary");
	p = body + dlen - 2;
	for (;;) {
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return 0;     /* the closing delimiter; the epilogue is ignored */
		p = skip_ows(p, end); /* transport padding */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return fail("a delimiter line is malformed or the body is truncated");
		if (*n == max)
			return fail("too many parts");
		/* p is at the CRLF ending the delimiter line, so an empty header block is
		 * found at p itself; the block [p + 2, hend + 2) is at most MPART_HEAD_MAX. */
		window =
		    (size_t)(end - p) < MPART_HEAD_MAX + 4 ? (size_t)(end - p) : MPART_HEAD_MAX + 4;
		if ((hend = memmem(p, window, "\r\n\r\n", 4)) == NULL)
			return fail(window == MPART_HEAD_MAX + 4
				? "a part's header block is "
				  "too large"
				: "a part's header block is truncated");
		mp = &parts[*n];
		memset(mp, 0, sizeof *mp);
		if ((r = part_headers(p + 2, hend + 2, mp)) != 0)
			return r;
		mp->data = hend + 4;
		next = memmem(mp->data, (size_t)(end - mp->data), delim, dlen);
		if (next == NULL)
			return fail("a part does not end with a boundary");
		mp->len = (size_t)(next - mp->data);
		(*n)++;
		p = next + dlen;
	}
}

int
multipart_text(const struct mpart *p, char *out, size_t outlen)
{
	if (outlen == 0)
		return -1;
	out[0] = '\0';
	if (p == NULL || p->len >= outlen || !valid_utf8(p->data, p->len))
		return -1;
	memcpy(out, p->data, p->len);
	out[p->len] = '\0';
	return 0;
}

const struct mpart *
multipart_get(const struct mpart *parts, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(parts[i].name, name) == 0)
			return &parts[i];
	return NULL;
}
