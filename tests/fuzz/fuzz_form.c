/* fuzz_form: req_parse of a POST with Content-Type application/x-www-form-urlencoded
 * and Content-Length = the input's size, then req_read_body with a reader that hands
 * the input over in chunks (sizes taken from the input's first byte), then req_form and
 * req_form_count.  Aborts when an invariant of req.h does not hold. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/req.h"
#include "lib/valid.h"

struct feed {
	const uint8_t *p;
	size_t         left;
	size_t         chunk;
	char           clen[32];
	const char    *ctype;
};

static const char *
get(const char *name, void *arg)
{
	const struct feed *f = arg;

	if (strcmp(name, "REQUEST_URI") == 0)
		return "/admin/login";
	if (strcmp(name, "REQUEST_METHOD") == 0)
		return "POST";
	if (strcmp(name, "CONTENT_TYPE") == 0)
		return f->ctype;
	if (strcmp(name, "CONTENT_LENGTH") == 0)
		return f->clen;
	return NULL;
}

static long
reader(char *p, size_t len, void *arg)
{
	struct feed *f = arg;
	size_t       n = len < f->chunk ? len : f->chunk;

	if (n > f->left)
		n = f->left;
	memcpy(p, f->p, n);
	f->p += n;
	f->left -= n;
	return (long)n;
}

static void
check_text(const char *s)
{
	if (!valid_utf8(s, strlen(s)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = { "csrf", "login", "password", "title_pt", "" };
	struct req              *r;
	struct feed              f;
	size_t                   i, k;
	int                      rc;

	f.p = data;
	f.left = size;
	f.chunk = size > 0 && data[0] < 16 ? (size_t)data[0] + 1 : (size_t)-1;
	f.ctype = size > 0 && data[0] == 'X' ? "application/x-www-form-urlencoded; charset=UTF-8"
					     : "application/x-www-form-urlencoded";
	snprintf(f.clen, sizeof f.clen, "%zu", size);
	if ((r = malloc(sizeof *r)) == NULL)
		return 0;
	memset(r, 0xa5, sizeof *r);
	if (req_parse(r, get, &f) != 0)
		abort(); /* the fixed request line is valid */
	rc = req_read_body(r, reader, &f);
	if (size == 0 ? r->body != NULL : (r->body == NULL || r->bodylen != size))
		abort();
	if (rc != 0) {
		if (r->error == NULL || (rc != 400 && rc != 413))
			abort();
	} else {
		if (r->nform > sizeof r->form / sizeof r->form[0])
			abort();
		for (i = 0; i < r->nform; i++) {
			check_text(r->form[i].key);
			check_text(r->form[i].val);
		}
		for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if ((req_form(r, keys[k]) != NULL) != (req_form_count(r, keys[k]) > 0))
				abort();
	}
	req_free(r);
	free(r);
	return 0;
}
