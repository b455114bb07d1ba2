#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http/req.h"
#include "lib/urlcode.h"
#include "lib/valid.h"

/* Decodes and checks the path part of REQUEST_URI.  Returns 0 or an HTTP status. */
static int
parse_path(struct req *r, const char *uri, size_t len)
{
	long   n;
	size_t i;

	if (len == 0 || uri[0] != '/')
		return r->error = "ERR_BAD_PATH", 400;
	if (len > REQ_PATH_MAX * 3)
		return r->error = "ERR_TOO_LONG", 414;
	n = url_decode(r->path, sizeof r->path, uri, len, 0);
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

/* Splits url-encoded text src into decoded pairs stored in store (size cap), at most
 * max pairs.  Returns 0 or an HTTP status with r->error set. */
static int
parse_pairs(struct req *r, const char *src, char *store, size_t cap, struct param *out, size_t max,
    size_t *np)
{
	const char *p = src, *amp, *eq;
	size_t      used = 0, klen, seglen;
	long        n;
	char       *key;

	*np = 0;
	while (*p != '\0') {
		amp = strchr(p, '&');
		seglen = amp ? (size_t)(amp - p) : strlen(p);
		if (seglen > 0) {
			if (*np == max)
				return r->error = "ERR_TOO_MANY_PARAMS", 400;
			eq = memchr(p, '=', seglen);
			klen = eq ? (size_t)(eq - p) : seglen;
			key = store + used;
			if ((n = url_decode(key, cap - used, p, klen, 1)) < 0 ||
			    !valid_utf8(key, (size_t)n))
				return r->error = "ERR_BAD_ENCODING", 400;
			used += (size_t)n + 1;
			out[*np].key = key;
			out[*np].val = store + used;
			n = url_decode(store + used, cap - used, eq ? eq + 1 : "",
			    eq ? seglen - klen - 1 : 0, 1);
			if (n < 0 || !valid_utf8(store + used, (size_t)n))
				return r->error = "ERR_BAD_ENCODING", 400;
			used += (size_t)n + 1;
			(*np)++;
		}
		p += seglen + (amp ? 1 : 0);
	}
	return 0;
}

/* Splits the query string into decoded parameters.  Returns 0 or an HTTP status. */
static int
parse_query(struct req *r)
{
	if (strlen(r->query) > REQ_QUERY_MAX)
		return r->error = "ERR_TOO_LONG", 414;
	return parse_pairs(
	    r, r->query, r->store, sizeof r->store, r->params, REQ_PARAMS_MAX, &r->nparams);
}

/* Parses a multipart/form-data body into r->parts and copies its text fields (parts
 * without a filename) into r->form, so req_form and the CSRF check see them.  Returns 0,
 * or an HTTP status with r->error set. */
static int
read_multipart(struct req *r)
{
	const struct mpart *p;
	size_t              i, k, used = 0;
	size_t              cap = r->bodylen + REQ_PARTS_MAX * (MPART_NAME_MAX + 2);

	if (multipart_parse(
		r->content_type, r->body, r->bodylen, r->parts, REQ_PARTS_MAX, &r->nparts) != 0)
		return r->error = "ERR_BAD_BODY", 400;
	if ((r->formstore = malloc(cap)) == NULL)
		return r->error = "ERR_TOO_BIG", 413;
	for (i = 0; i < r->nparts; i++) {
		p = &r->parts[i];
		if (p->has_filename)
			continue;
		k = strlen(p->name) + 1;
		if (multipart_text(p, r->formstore + used + k, cap - used - k) != 0)
			return r->error = "ERR_BAD_ENCODING", 400;
		memcpy(r->formstore + used, p->name, k);
		r->form[r->nform].key = r->formstore + used;
		r->form[r->nform++].val = r->formstore + used + k;
		used += k + p->len + 1;
	}
	return 0;
}

int
req_read_body(struct req *r, req_reader read, void *arg)
{
	size_t got = 0;
	long   n;
	char  *form;
	int    rc;

	if (r->method != METHOD_POST || r->content_length == 0)
		return 0;
	if (r->content_length > REQ_BODY_MAX)
		return r->error = "ERR_TOO_BIG", 413;
	if ((r->body = malloc(r->content_length + 1)) == NULL)
		return r->error = "ERR_TOO_BIG", 413;
	while (got < r->content_length) {
		if ((n = read(r->body + got, r->content_length - got, arg)) <= 0)
			return r->error = "ERR_BAD_BODY", 400;
		got += (size_t)n;
	}
	r->body[got] = '\0';
	r->bodylen = got;
	if (r->content_type != NULL && strncasecmp(r->content_type, "multipart/form-data", 19) == 0)
		return read_multipart(r);
	if (r->content_type == NULL ||
	    strncasecmp(r->content_type, "application/x-www-form-urlencoded", 33) != 0)
		return 0;
	if (got > REQ_FORM_MAX || memchr(r->body, '\0', got) != NULL)
		return r->error = got > REQ_FORM_MAX ? "ERR_TOO_BIG" : "ERR_BAD_ENCODING",
		       got > REQ_FORM_MAX ? 413 : 400;
	/* Decoded keys and values, each with its NUL, fit in twice the encoded length. */
	if ((form = malloc(got * 2 + 2)) == NULL)
		return r->error = "ERR_TOO_BIG", 413;
	rc = parse_pairs(
	    r, r->body, form, got * 2 + 2, r->form, sizeof r->form / sizeof r->form[0], &r->nform);
	r->formstore = form;
	return rc;
}

void
req_free(struct req *r)
{
	free(r->body);
	free(r->formstore);
	r->body = r->formstore = NULL;
	r->bodylen = 0;
	r->nform = r->nparts = 0;
}

const char *
req_form(const struct req *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nform; i++)
		if (strcmp(r->form[i].key, key) == 0)
			return r->form[i].val;
	return NULL;
}

size_t
req_form_count(const struct req *r, const char *key)
{
	size_t i, n = 0;

	for (i = 0; i < r->nform; i++)
		if (strcmp(r->form[i].key, key) == 0)
			n++;
	return n;
}

char *
req_cookie(const struct req *r, const char *name, char *out, size_t outlen)
{
	const char *p = r->cookie, *v, *e;
	size_t      n = strlen(name);

	while (p != NULL && *p != '\0') {
		while (*p == ' ' || *p == ';')
			p++;
		e = strchr(p, ';');
		if (strncmp(p, name, n) == 0 && p[n] == '=') {
			v = p + n + 1;
			n = e ? (size_t)(e - v) : strlen(v);
			if (n >= outlen)
				return NULL;
			memcpy(out, v, n);
			out[n] = '\0';
			return out;
		}
		p = e;
	}
	return NULL;
}

int
req_parse(struct req *r, req_getter get, void *arg)
{
	const char *m, *uri, *q, *cl;
	long long   len;
	int         rc;

	r->path[0] = '/';
	r->path[1] = '\0';
	r->query = "";
	r->nparams = 0;
	r->error = NULL;
	r->accept_language = get("HTTP_ACCEPT_LANGUAGE", arg);
	r->accept = get("HTTP_ACCEPT", arg);
	r->if_none_match = get("HTTP_IF_NONE_MATCH", arg);
	r->if_modified_since = get("HTTP_IF_MODIFIED_SINCE", arg);
	r->https = get("HTTPS", arg);
	r->cookie = get("HTTP_COOKIE", arg);
	r->origin = get("HTTP_ORIGIN", arg);
	r->sec_fetch_site = get("HTTP_SEC_FETCH_SITE", arg);
	r->host = get("HTTP_HOST", arg);
	r->remote_addr = get("REMOTE_ADDR", arg);
	r->content_type = get("CONTENT_TYPE", arg);
	r->content_length = 0;
	r->body = r->formstore = NULL;
	r->bodylen = 0;
	r->nform = r->nparts = 0;
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
	if ((cl = get("CONTENT_LENGTH", arg)) != NULL && *cl != '\0') {
		if (valid_int(cl, 0, REQ_BODY_MAX + 1LL, &len) != 0)
			return r->error = "ERR_TOO_BIG", 413;
		r->content_length = (size_t)len;
	}
	q = strchr(uri, '?');
	if ((rc = parse_path(r, uri, q ? (size_t)(q - uri) : strlen(uri))) != 0)
		return rc;
	r->query = q ? q + 1 : "";
	return parse_query(r);
}

const char *
req_param(const struct req *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nparams; i++)
		if (strcmp(r->params[i].key, key) == 0)
			return r->params[i].val;
	return NULL;
}

size_t
req_param_count(const struct req *r, const char *key)
{
	size_t i, n = 0;

	for (i = 0; i < r->nparams; i++)
		if (strcmp(r->params[i].key, key) == 0)
			n++;
	return n;
}

/* Reads the q-value after a language tag ("...;q=0.8"); 1000 for none, 0-1000. */
static int
qvalue(const char *p, const char *end)
{
	const char *q;
	int         v = 0, scale = 1000, digits = 0;

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
	const char *p = al, *end, *comma;
	int         best_pt = -1, best_en = -1, q;

	if (al == NULL)
		return "pt";
	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		comma = strchr(p, ',');
		end = comma ? comma : p + strlen(p);
		q = qvalue(p, end);
		if (strncasecmp(p, "pt", 2) == 0 &&
		    (p[2] == '-' || p[2] == ';' || p + 2 == end || p[2] == ' ') && q > best_pt)
			best_pt = q;
		else if (strncasecmp(p, "en", 2) == 0 &&
		    (p[2] == '-' || p[2] == ';' || p + 2 == end || p[2] == ' ') && q > best_en)
			best_en = q;
		p = end;
	}
	return best_en > best_pt && best_en > 0 ? "en" : "pt";
}
