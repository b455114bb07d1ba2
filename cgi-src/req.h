/* req: one parsed, validated HTTP request as nginx hands it over through FastCGI. */
#ifndef ABERTA_REQ_H
#define ABERTA_REQ_H
#include <stddef.h>

#define REQ_PATH_MAX	1024	/* longest decoded path; longer gets 414 */
#define REQ_QUERY_MAX	2048	/* longest raw query string; longer gets 414 */
#define REQ_PARAMS_MAX	32	/* most query parameters; more gets 400 */

enum method {
	METHOD_GET = 1 << 0,
	METHOD_HEAD = 1 << 1,
	METHOD_POST = 1 << 2,
	METHOD_OTHER = 1 << 3,
};

struct param {
	const char	*key;	/* decoded, valid UTF-8 */
	const char	*val;	/* decoded, valid UTF-8 */
};

/* Looks up a request variable (REQUEST_URI, HTTP_ACCEPT...); NULL when absent. */
typedef const char *(*req_getter)(const char *name, void *arg);

struct req {
	enum method	 method;
	char		 path[REQ_PATH_MAX + 1];	/* decoded path, starts with '/' */
	const char	*query;		/* raw query string after '?', or "" */
	struct param	 params[REQ_PARAMS_MAX];
	size_t		 nparams;
	const char	*accept_language;	/* these are NULL when the client sent none */
	const char	*if_none_match;
	const char	*if_modified_since;
	const char	*https;		/* "on" when served over TLS */
	const char	*error;		/* why parsing failed: an i18n key (ERR_...) */
	char		 store[REQ_QUERY_MAX + 2];	/* decoded keys and values */
};

/* Fills r from the request variables.  Returns 0, or an HTTP status (400, 414, 405)
 * with r->error set to the message key; r is usable for an error page either way. */
int		 req_parse(struct req *r, req_getter get, void *arg);
/* Percent-decodes src[0..len) into dst (size dstlen); plus_space turns '+' into ' '.
 * Returns the decoded length, or -1 on a malformed escape, NUL, or overflow. */
long		 req_decode(char *dst, size_t dstlen, const char *src, size_t len, int plus_space);
/* Returns the value of the first parameter named key, or NULL. */
const char	*req_param(const struct req *r, const char *key);
/* Returns how many parameters are named key. */
size_t		 req_param_count(const struct req *r, const char *key);
/* Picks "pt" or "en" from an Accept-Language header (q-values honoured); "pt" by default. */
const char	*req_pick_lang(const char *accept_language);

#endif
