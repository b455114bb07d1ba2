/* fuzz_multipart: multipart_parse on the input.  The input's first line is the
 * Content-Type header value (so the boundary parser is fuzzed too); the rest is the
 * body, copied into a heap buffer of exactly its size (a read past it is caught).
 * Then multipart_get and multipart_text on every part.  Aborts when an invariant of
 * multipart.h does not hold (parts inside the body, names valid UTF-8 and not "").
 * When req.c reads multipart bodies itself (req.h includes multipart.h), the same
 * input also goes through req_parse + req_read_body as a POST, as dispatch does. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/multipart.h"
#include "http/req.h"
#include "lib/valid.h"

struct post {
	const char *ctype;
	char        clen[32];
	const char *body;
	size_t      left;
};

static const char *
get(const char *name, void *arg)
{
	const struct post *p = arg;

	if (strcmp(name, "REQUEST_URI") == 0)
		return "/admin/milestones/1";
	if (strcmp(name, "REQUEST_METHOD") == 0)
		return "POST";
	if (strcmp(name, "CONTENT_TYPE") == 0)
		return p->ctype;
	if (strcmp(name, "CONTENT_LENGTH") == 0)
		return p->clen;
	return NULL;
}

static long
reader(char *buf, size_t len, void *arg)
{
	struct post *p = arg;
	size_t       n = len < p->left ? len : p->left;

	memcpy(buf, p->body, n);
	p->body += n;
	p->left -= n;
	return (long)n;
}

/* The body through req_read_body; aborts when the form fields it makes are not text. */
static void
through_req(const char *ctype, const char *body, size_t blen)
{
	struct req *r;
	struct post p = { ctype, "", body, blen };
	size_t      i;

	snprintf(p.clen, sizeof p.clen, "%zu", blen);
	if ((r = malloc(sizeof *r)) == NULL)
		return;
	memset(r, 0xa5, sizeof *r);
	if (req_parse(r, get, &p) == 0 && req_read_body(r, reader, &p) == 0)
		for (i = 0; i < r->nform; i++)
			if (!valid_utf8(r->form[i].key, strlen(r->form[i].key)) ||
			    !valid_utf8(r->form[i].val, strlen(r->form[i].val)) ||
			    req_form(r, r->form[i].key) == NULL)
				abort();
	req_free(r);
	free(r);
}

#define MAXPARTS 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mpart   parts[MAXPARTS];
	const uint8_t *nl = memchr(data, '\n', size);
	char          *ctype, *body, text[64];
	size_t         clen, blen, n, i;
	int            rc;

	if (nl == NULL)
		return 0;
	clen = (size_t)(nl - data);
	if (clen > 0 && data[clen - 1] == '\r')
		clen--;
	if (memchr(data, '\0', clen) != NULL)
		return 0; /* a header value never holds a NUL */
	blen = size - (size_t)(nl + 1 - data);
	if ((ctype = malloc(clen + 1)) == NULL)
		return 0;
	memcpy(ctype, data, clen);
	ctype[clen] = '\0';
	if ((body = malloc(blen ? blen : 1)) == NULL) {
		free(ctype);
		return 0;
	}
	memcpy(body, nl + 1, blen);
	rc = multipart_parse(ctype, body, blen, parts, MAXPARTS, &n);
	if ((rc != 0 && rc != 400) || n > MAXPARTS)
		abort();
	if ((rc == 0) != (multipart_error()[0] == '\0'))
		abort();
	if (rc == 0) {
		for (i = 0; i < n; i++) {
			const struct mpart *p = &parts[i];
			size_t              nl2 = strnlen(p->name, sizeof p->name);

			if (nl2 == 0 || nl2 == sizeof p->name || !valid_utf8(p->name, nl2))
				abort();
			if (strnlen(p->filename, sizeof p->filename) == sizeof p->filename ||
			    strnlen(p->ctype, sizeof p->ctype) == sizeof p->ctype)
				abort();
			if (p->data < body || p->data + p->len > body + blen)
				abort();
			if (multipart_get(parts, n, p->name) == NULL)
				abort();
			if (multipart_text(p, text, sizeof text) == 0 && strlen(text) != p->len)
				abort();
		}
	}
	through_req(ctype, body, blen);
	free(body);
	free(ctype);
	return 0;
}
