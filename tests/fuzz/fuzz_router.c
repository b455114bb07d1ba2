/* fuzz_router: route_find on the input as a decoded path (a '/' is put in front when
 * the input does not start with one; cut at REQ_PATH_MAX and at a NUL, as req_parse
 * guarantees), with the fix buffer dispatch.c uses.  Aborts when an invariant does not
 * hold: a match sets the route; a redirect names a canonical path that itself matches
 * a route (no redirect chain, no redirect to a 404).  The page handlers are stubs
 * (run.sh generates them from the symbols routes.o needs). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/routes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Runs route_find on path; checks the invariants.  Returns the match. */
static enum match
find(const char *path, char *fix, size_t fixlen, int depth)
{
	const struct route *rt = NULL;
	struct ctx          c;
	char                allow[32], fix2[REQ_PATH_MAX + 2];
	enum match          m;
	int                 i;

	memset(&c, 0, sizeof c);
	m = route_find(path, &rt, &c, fix, fixlen);
	switch (m) {
	case MATCH_OK:
	case MATCH_BAD_ARG:
		if (rt == NULL || rt->fn == NULL)
			abort();
		if (strstr(rt->pattern, ":lang") != NULL && c.lang == NULL)
			abort();
		for (i = 0; i < ROUTE_ARGS_MAX; i++)
			if (c.arg[i] != NULL && strnlen(c.arg[i], 128) == 128)
				abort();
		route_allow(rt, allow, sizeof allow);
		if (allow[0] == '\0')
			abort();
		if (m == MATCH_BAD_ARG && rt->bad_arg == NULL)
			abort();
		break;
	case MATCH_REDIRECT:
		if (strnlen(fix, fixlen) == fixlen || fix[0] != '/' || strcmp(fix, path) == 0)
			abort();
		if (depth > 0)
			abort(); /* a redirect to a path that redirects again */
		if (find(fix, fix2, sizeof fix2, depth + 1) == MATCH_NONE)
			abort(); /* a redirect to a 404 */
		break;
	case MATCH_NONE:
		break;
	default:
		abort();
	}
	return m;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char   path[REQ_PATH_MAX + 1], fix[REQ_PATH_MAX + 2];
	size_t n = 0;

	if (size == 0 || data[0] != '/')
		path[n++] = '/';
	while (n < REQ_PATH_MAX && size > 0 && *data != '\0') {
		path[n++] = (char)*data++;
		size--;
	}
	path[n] = '\0';
	find(path, fix, sizeof fix, 0);
	return 0;
}
