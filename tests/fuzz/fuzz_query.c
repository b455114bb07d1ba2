/* fuzz_query: req_parse on "GET /pt/x?" + the input's first line (or, when that line
 * starts with '/', the line itself as REQUEST_URI, so the path decoder is fuzzed too),
 * with the rest of the input as the Cookie and Accept-Language headers; then
 * req_cookie, req_param and req_pick_lang on the result.  Also url_decode on the whole
 * input into a heap buffer of exactly the size it is told (a write past it is caught).
 * Aborts when an invariant of req.h does not hold, or when req_parse writes past
 * r->store (into the struct's tail padding, where ASan does not look). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/req.h"
#include "lib/urlcode.h"
#include "lib/valid.h"

struct env {
	const char *uri;
	const char *cookie;
};

static const char *
get(const char *name, void *arg)
{
	const struct env *e = arg;

	if (strcmp(name, "REQUEST_URI") == 0)
		return e->uri;
	if (strcmp(name, "HTTP_COOKIE") == 0 || strcmp(name, "HTTP_ACCEPT_LANGUAGE") == 0)
		return e->cookie;
	if (strcmp(name, "REQUEST_METHOD") == 0)
		return "GET";
	return NULL;
}

/* Aborts unless s is NUL-terminated valid UTF-8 of at most max bytes. */
static void
check_text(const char *s, size_t max)
{
	size_t n = strnlen(s, max + 1);

	if (n > max || !valid_utf8(s, n))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const cookies[] = { "aberta", "__Host-aberta", "aberta_pre",
		"__Host-aberta_pre", "a", "" };
	static const char *const keys[] = { "lang", "page", "q", "", "a" };
	struct req              *r;
	struct env               e;
	char                    *in, *nl, *uri, *dst, out[80];
	size_t                   i, k, dstlen;
	long                     n;
	int                      rc;

	/* url_decode alone: an exact-size destination (even 0 bytes, as parse_pairs can
	 * pass when the store is full), the size taken from the input. */
	dstlen = size > 0 ? data[0] % 64 : 0;
	if ((dst = malloc(dstlen)) == NULL && dstlen > 0)
		return 0;
	n = url_decode(dst, dstlen, (const char *)data, size, size & 1);
	if (n >= 0 && ((size_t)n >= dstlen || dst[n] != '\0')) {
		fprintf(stderr,
		    "fuzz_query: url_decode returned %ld for a destination of %zu "
		    "bytes: it wrote past it\n",
		    n, dstlen);
		abort();
	}
	free(dst);

	if ((in = malloc(size + 1)) == NULL)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';
	e.cookie = NULL;
	if ((nl = strchr(in, '\n')) != NULL) {
		*nl = '\0';
		e.cookie = nl + 1;
	}
	if ((uri = malloc(strlen(in) + 8)) == NULL) {
		free(in);
		return 0;
	}
	if (in[0] == '/')
		memcpy(uri, in, strlen(in) + 1);
	else {
		memcpy(uri, "/pt/x?", 6);
		memcpy(uri + 6, in, strlen(in) + 1);
	}
	e.uri = uri;
	/* Heap-allocated so that a write past the struct is caught. */
	if ((r = malloc(sizeof *r)) == NULL) {
		free(uri);
		free(in);
		return 0;
	}
	memset(r, 0xa5, sizeof *r);
	rc = req_parse(r, get, &e);
	/* r->store is the last member: a write just past it lands in the struct's tail
	 * padding, which ASan cannot see, so the padding is checked by hand. */
	for (i = offsetof(struct req, store) + sizeof r->store; i < sizeof *r; i++)
		if (((unsigned char *)r)[i] != 0xa5) {
			fprintf(stderr, "fuzz_query: req_parse wrote %zu byte(s) past r->store\n",
			    i + 1 - offsetof(struct req, store) - sizeof r->store);
			abort();
		}
	if (rc != 0) {
		if (r->error == NULL || (rc != 400 && rc != 413 && rc != 414))
			abort();
	} else {
		if (r->error != NULL || r->path[0] != '/' || r->nparams > REQ_PARAMS_MAX)
			abort();
		check_text(r->path, REQ_PATH_MAX);
		for (i = 0; i < r->nparams; i++) {
			check_text(r->params[i].key, REQ_QUERY_MAX);
			check_text(r->params[i].val, REQ_QUERY_MAX);
		}
		for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if ((req_param(r, keys[k]) != NULL) != (req_param_count(r, keys[k]) > 0))
				abort();
		if (r->nparams > 0 && req_param(r, r->params[0].key) != r->params[0].val)
			abort();
	}
	for (k = 0; k < sizeof cookies / sizeof cookies[0]; k++)
		for (i = 1; i < sizeof out; i += 13)
			if (req_cookie(r, cookies[k], out, i) != NULL && strlen(out) >= i)
				abort();
	(void)req_pick_lang(e.cookie);
	req_free(r);
	free(r);
	free(uri);
	free(in);
	return 0;
}
