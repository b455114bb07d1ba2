#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "req.h"
#include "valid.h"

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
req_decode(char *dst, size_t dstlen, const char *src, size_t len, int plus_space)
{
	size_t	 i, o = 0;
	int	 hi, lo;
	char	 c;

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

/* Decodes and checks the path part of REQUEST_URI.  Returns 0 or an HTTP status. */
static int
parse_path(struct req *r, const char *uri, size_t len)
{
	long	 n;
	size_t	 i;

	if (len == 0 || uri[0] != '/')
		return r->error = "ERR_BAD_PATH", 400;
	if (len > REQ_PATH_MAX * 3)
		return r->error = "ERR_TOO_LONG", 414;
	n = req_decode(r->path, sizeof r->path, uri, len, 0);
	if (n < 0)
		return r->error = (len > REQ_PATH_MAX ? "ERR_TOO_LONG" : "ERR_BAD_ENCODING"),
		    (len > REQ_PATH_MAX ? 414 : 400);
	if (!valid_utf8(r->path, (size_t)n))
		return r->error = "ERR_BAD_ENCODING", 400;
	for (i = 0; i < (size_t)n; i++)
		if ((unsigned char)r->path[i] < 0x20 || r->path[i] == 0x7f)
			return r->error = "ERR_BAD_PATH", 400;
	if (strstr(r->path, "/../") != NULL || strstr(r->path, "/./") != NULL ||
	    (n >= 3 && strcmp(r->path + n - 3, "/..") == 0) ||
	    (n >= 2 && strcmp(r->path + n - 2, "/.") == 0))
		return r->error = "ERR_BAD_PATH", 400;
	return 0;
}

/* Splits the query string into decoded parameters.  Returns 0 or an HTTP status. */
static int
parse_query(struct req *r)
{
	const char	*p = r->query, *amp, *eq;
	size_t		 used = 0, klen, seglen;
	long		 n;
	char		*key;

	if (strlen(p) > REQ_QUERY_MAX)
		return r->error = "ERR_TOO_LONG", 414;
	while (*p != '\0') {
		amp = strchr(p, '&');
		seglen = amp ? (size_t)(amp - p) : strlen(p);
		if (seglen > 0) {
			if (r->nparams == REQ_PARAMS_MAX)
				return r->error = "ERR_TOO_MANY_PARAMS", 400;
			eq = memchr(p, '=', seglen);
			klen = eq ? (size_t)(eq - p) : seglen;
			key = r->store + used;
			if ((n = req_decode(key, sizeof r->store - used, p, klen, 1)) < 0 ||
			    !valid_utf8(key, (size_t)n))
				return r->error = "ERR_BAD_ENCODING", 400;
			used += (size_t)n + 1;
			r->params[r->nparams].key = key;
			r->params[r->nparams].val = r->store + used;
			n = eq ? req_decode(r->store + used, sizeof r->store - used, eq + 1,
			    seglen - klen - 1, 1) : req_decode(r->store + used,
			    sizeof r->store - used, "", 0, 1);
			if (n < 0 || !valid_utf8(r->store + used, (size_t)n))
				return r->error = "ERR_BAD_ENCODING", 400;
			used += (size_t)n + 1;
			r->nparams++;
		}
		p += seglen + (amp ? 1 : 0);
	}
	return 0;
}

int
req_parse(struct req *r, req_getter get, void *arg)
{
	const char	*m, *uri, *q;
	int		 rc;

	r->path[0] = '/';
	r->path[1] = '\0';
	r->query = "";
	r->nparams = 0;
	r->error = NULL;
	r->accept_language = get("HTTP_ACCEPT_LANGUAGE", arg);
	r->if_none_match = get("HTTP_IF_NONE_MATCH", arg);
	r->if_modified_since = get("HTTP_IF_MODIFIED_SINCE", arg);
	r->https = get("HTTPS", arg);
	m = get("REQUEST_METHOD", arg);
	if (m == NULL || strcmp(m, "GET") == 0)
		r->method = METHOD_GET;
	else if (strcmp(m, "HEAD") == 0)
		r->method = METHOD_HEAD;
	else if (strcmp(m, "POST") == 0)
		r->method = METHOD_POST;
	else
		r->method = METHOD_OTHER;
	if ((uri = get("REQUEST_URI", arg)) == NULL && (uri = get("SCRIPT_NAME", arg)) == NULL)
		uri = "/";
	q = strchr(uri, '?');
	if ((rc = parse_path(r, uri, q ? (size_t)(q - uri) : strlen(uri))) != 0)
		return rc;
	r->query = q ? q + 1 : "";
	return parse_query(r);
}

const char *
req_param(const struct req *r, const char *key)
{
	size_t	 i;

	for (i = 0; i < r->nparams; i++)
		if (strcmp(r->params[i].key, key) == 0)
			return r->params[i].val;
	return NULL;
}

size_t
req_param_count(const struct req *r, const char *key)
{
	size_t	 i, n = 0;

	for (i = 0; i < r->nparams; i++)
		if (strcmp(r->params[i].key, key) == 0)
			n++;
	return n;
}

/* Reads the q-value after a language tag ("...;q=0.8"); 1000 for none, 0-1000. */
static int
qvalue(const char *p, const char *end)
{
	const char	*q;
	int		 v = 0, scale = 1000, digits = 0;

	if ((q = strstr(p, "q=")) == NULL || q >= end)
		return 1000;
	q += 2;
	if (*q == '1')
		return 1000;
	if (*q != '0')
		return 0;
	if (q[1] == '.')
		for (q += 2; q < end && *q >= '0' && *q <= '9' && digits < 3; q++, digits++) {
			scale /= 10;
			v += (*q - '0') * scale;
		}
	return v;
}

const char *
req_pick_lang(const char *al)
{
	const char	*p = al, *end, *comma;
	int		 best_pt = -1, best_en = -1, q;

	if (al == NULL)
		return "pt";
	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		comma = strchr(p, ',');
		end = comma ? comma : p + strlen(p);
		q = qvalue(p, end);
		if (strncasecmp(p, "pt", 2) == 0 && (p[2] == '-' || p[2] == ';' || p + 2 == end ||
		    p[2] == ' ') && q > best_pt)
			best_pt = q;
		else if (strncasecmp(p, "en", 2) == 0 && (p[2] == '-' || p[2] == ';' ||
		    p + 2 == end || p[2] == ' ') && q > best_en)
			best_en = q;
		p = end;
	}
	return best_en > best_pt && best_en > 0 ? "en" : "pt";
}
