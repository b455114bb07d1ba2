/* req: one parsed, validated HTTP request as nginx hands it over through FastCGI. */
#ifndef ABERTA_REQ_H
#define ABERTA_REQ_H
#include <stddef.h>

#include "http/multipart.h"

#define REQ_PATH_MAX   1024 /* longest decoded path; longer gets 414 */
#define REQ_QUERY_MAX  2048 /* longest raw query string; longer gets 414 */
#define REQ_PARAMS_MAX 32   /* most query parameters; more gets 400 */
#define REQ_PARTS_MAX \
	480 /* most multipart/form-data parts (a commitment workspace saving WS_MAX = 36
	     * milestones has 13 each and 4 more, store/workspace.h); more gets 400 */

enum method {
	METHOD_GET = 1 << 0,
	METHOD_HEAD = 1 << 1,
	METHOD_POST = 1 << 2,
	METHOD_OTHER = 1 << 3,
};

struct param {
	const char *key; /* decoded, valid UTF-8 */
	const char *val; /* decoded, valid UTF-8 */
};

/* Looks up a request variable (REQUEST_URI, HTTP_ACCEPT...); NULL when absent. */
typedef const char *(*req_getter)(const char *name, void *arg);
/* Reads up to len bytes of the request body into p; returns the count, 0 at the end,
 * or -1 on error. */
typedef long (*req_reader)(char *p, size_t len, void *arg);

#define REQ_FORM_MAX (256 * 1024)                   /* largest url-encoded body; larger gets 413 */
#define REQ_BODY_MAX (10 * 1024 * 1024 + 64 * 1024) /* largest body: a 10 MiB upload + fields */

struct req {
	enum method  method;
	char         path[REQ_PATH_MAX + 1]; /* decoded path, starts with '/' */
	const char  *query;                  /* raw query string after '?', or "" */
	struct param params[REQ_PARAMS_MAX];
	size_t       nparams;
	const char  *accept_language; /* these are NULL when the client sent none */
	const char  *accept;          /* the Accept header (JSON or CSV on data pages) */
	const char  *if_none_match;
	const char  *if_modified_since;
	const char  *https;               /* "on" when served over TLS */
	const char  *cookie;              /* the Cookie header */
	const char  *origin;              /* the Origin header */
	const char  *sec_fetch_site;      /* the Sec-Fetch-Site header */
	const char  *host;                /* the Host header */
	const char  *remote_addr;         /* the client address as nginx saw it */
	const char  *content_type;        /* the Content-Type of the body */
	size_t       content_length;      /* the declared body length (checked) */
	struct param form[REQ_PARTS_MAX]; /* body fields: url-encoded, or the text parts */
	size_t       nform;
	struct mpart parts[REQ_PARTS_MAX]; /* multipart body parts (data inside body) */
	size_t       nparts;
	char        *body;      /* the raw body (malloc'd, NUL-terminated) or NULL */
	char        *formstore; /* decoded form keys and values (malloc'd) */
	size_t       bodylen;
	const char  *error;                    /* why parsing failed: an i18n key (ERR_...) */
	char         store[REQ_QUERY_MAX + 2]; /* decoded keys and values */
};

/* Fills r from the request variables.  Returns 0, or an HTTP status (400, 414, 405)
 * with r->error set to the message key; r is usable for an error page either way. */
int req_parse(struct req *r, req_getter get, void *arg);
/* Reads the body (POST only) with read, up to REQ_BODY_MAX, and parses a url-encoded
 * one into r->form.  Returns 0 or an HTTP status (400, 411, 413) with r->error set. */
int req_read_body(struct req *r, req_reader read, void *arg);
/* Frees what req_read_body allocated; r may be parsed again afterwards. */
void req_free(struct req *r);
/* Returns the value of the first form field named key, or NULL. */
const char *req_form(const struct req *r, const char *key);
/* Returns how many form fields are named key. */
size_t req_form_count(const struct req *r, const char *key);
/* Copies the value of cookie name into out (size outlen); returns out, or NULL when
 * absent or longer than outlen - 1. */
char *req_cookie(const struct req *r, const char *name, char *out, size_t outlen);
/* Returns the value of the first parameter named key, or NULL. */
const char *req_param(const struct req *r, const char *key);
/* Returns how many parameters are named key. */
size_t req_param_count(const struct req *r, const char *key);
/* Picks "pt" or "en" from an Accept-Language header (q-values honoured); "pt" by default. */
const char *req_pick_lang(const char *accept_language);

#endif
