/* Unit tests of http/req: parsing a request (its path, parameters and limits) and
 * choosing the language.  TAP output through Check. */
#include <string.h>

#include "../lib/testlib.h"
#include "http/req.h"

/* A getter over a NULL-terminated list of name, value pairs. */
static const char *
pairs_get(const char *name, void *arg)
{
	const char **p = arg;

	for (; *p != NULL; p += 2)
		if (strcmp(*p, name) == 0)
			return p[1];
	return NULL;
}

START_TEST(request_parsing)
{
	static struct req r;
	const char       *ok[] = { "REQUEST_METHOD", "GET", "REQUEST_URI",
		      "/pt/search?q=participa%C3%A7%C3%A3o+aberta&plan=2&plan=3", NULL };
	const char       *badpct[] = { "REQUEST_URI", "/pt/plans?x=%zz", NULL };
	const char       *nul[] = { "REQUEST_URI", "/pt/plans%00", NULL };
	const char       *badutf[] = { "REQUEST_URI", "/pt/%C3", NULL };
	const char       *dots[] = { "REQUEST_URI", "/pt/%2e%2e/etc", NULL };
	const char       *put[] = { "REQUEST_METHOD", "PUT", "REQUEST_URI", "/pt/", NULL };

	ck_assert_int_eq(req_parse(&r, pairs_get, ok), 0);
	ck_assert_str_eq(r.path, "/pt/search");
	ck_assert_str_eq(req_param(&r, "q"), "participação aberta");
	ck_assert_uint_eq(req_param_count(&r, "plan"), 2);
	ck_assert_ptr_null(req_param(&r, "nope"));
	ck_assert_int_eq(req_parse(&r, pairs_get, badpct), 400);
	ck_assert_int_eq(req_parse(&r, pairs_get, nul), 400);
	ck_assert_int_eq(req_parse(&r, pairs_get, badutf), 400);
	ck_assert_int_eq(req_parse(&r, pairs_get, dots), 400);
	ck_assert_int_eq(req_parse(&r, pairs_get, put), 0);
	ck_assert_int_eq(r.method, METHOD_OTHER);
}
END_TEST

START_TEST(request_limits)
{
	static struct req r;
	static char       uri[8192];
	const char       *env[] = { "REQUEST_URI", uri, NULL };
	size_t            i;

	snprintf(uri, sizeof uri, "/pt/plans?");
	for (i = strlen(uri); i < 5000; i++)
		uri[i] = 'a';
	uri[i] = '\0';
	ck_assert_int_eq(req_parse(&r, pairs_get, env), 414);
	snprintf(uri, sizeof uri, "/pt/plans?");
	for (i = 0; i < 40; i++)
		strncat(uri, "a=1&", sizeof uri - strlen(uri) - 1);
	ck_assert_int_eq(req_parse(&r, pairs_get, env), 400);
	ck_assert_str_eq(r.error, "ERR_TOO_MANY_PARAMS");
}
END_TEST

START_TEST(accept_language)
{
	ck_assert_str_eq(req_pick_lang(NULL), "pt");
	ck_assert_str_eq(req_pick_lang("en-GB,en;q=0.9"), "en");
	ck_assert_str_eq(req_pick_lang("pt-PT,pt;q=0.9,en;q=0.8"), "pt");
	ck_assert_str_eq(req_pick_lang("en;q=0.5, pt;q=0.8"), "pt");
	ck_assert_str_eq(req_pick_lang("de-DE,de;q=0.9,en;q=0.3"), "en");
	ck_assert_str_eq(req_pick_lang("fr"), "pt");
	ck_assert_str_eq(req_pick_lang("en;q=0"), "pt");
	ck_assert_str_eq(req_pick_lang("enx"), "pt");
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { request_parsing, request_limits, accept_language, NULL };

	return tests_main(tests_suite("req", 0, tests));
}
