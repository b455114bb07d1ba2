/*
 * res: one HTTP answer as a test sees it, from the worker run as CGI (testlib.h's
 * cgi_run) or from the site through libcurl (client.h), and its headers.
 */
#ifndef ABERTA_TEST_RES_H
#define ABERTA_TEST_RES_H
#include <stddef.h>

#include "lib/buf.h"

struct res {
	int        status; /* 0 when no answer came */
	struct buf head;   /* header lines as received */
	struct buf body;
	double     secs; /* total time of the exchange (libcurl) */
	int        cerr; /* its CURLcode (libcurl): 0 when it completed */
};

/* Frees the buffers of r. */
void res_free(struct res *r);
/* The value of header name (case-insensitive) in r, copied into out; NULL when r has
 * no such header. */
const char *res_header(const struct res *r, const char *name, char *out, size_t outlen);
/* How many times needle stands in the body of r. */
int res_count(const struct res *r, const char *needle);
/* The same for the first header name whose value starts with prefix (a Set-Cookie line
 * for one cookie: "aberta="). */
const char *res_header_with(
    const struct res *r, const char *name, const char *prefix, char *out, size_t outlen);

#endif
