/* Unit tests of http/routes: finding the handler of a path, with its arguments, and the
 * route table itself.  TAP output through Check. */
#include <string.h>

#include "../lib/testlib.h"
#include "http/routes.h"
#include "pages/pages.h"

/* Finds the route for path; returns the match and the handler through *fn. */
static enum match
find(const char *path, int (**fn)(struct ctx *), struct ctx *c, char *fix)
{
	const struct route *rt = NULL;
	enum match          m;

	memset(c, 0, sizeof *c);
	m = route_find(path, &rt, c, fix, 256);
	*fn = rt ? rt->fn : NULL;
	return m;
}

START_TEST(routing)
{
	int (*fn)(struct ctx *);
	struct ctx c;
	char       fix[256];

	ck_assert_int_eq(find("/en/plans/2", &fn, &c, fix), MATCH_OK);
	ck_assert(fn == page_plans_show);
	ck_assert_int_eq(c.num, 2);
	ck_assert_str_eq(c.lang, "en");
	ck_assert_int_eq(find("/pt/commitments/PT0013", &fn, &c, fix), MATCH_OK);
	ck_assert(fn == page_commitments_show);
	ck_assert_str_eq(c.arg[0], "PT0013");
	ck_assert_int_eq(find("/pt/", &fn, &c, fix), MATCH_OK);
	ck_assert(fn == page_home);
	ck_assert_int_eq(find("/pt/plans/abc", &fn, &c, fix), MATCH_BAD_ARG);
	ck_assert_int_eq(find("/pt/plans/-1", &fn, &c, fix), MATCH_BAD_ARG);
	ck_assert_int_eq(find("/pt/plans/99999999999999999999", &fn, &c, fix), MATCH_BAD_ARG);
	ck_assert_int_eq(find("/pt/commitments/XX", &fn, &c, fix), MATCH_BAD_ARG);
	ck_assert_int_eq(find("/pt/members/Bad_Slug", &fn, &c, fix), MATCH_BAD_ARG);
	ck_assert_int_eq(find("/fr/plans", &fn, &c, fix), MATCH_NONE);
	ck_assert_int_eq(find("/pt/nothing", &fn, &c, fix), MATCH_NONE);
	ck_assert_int_eq(find("/pt/plans/2/x", &fn, &c, fix), MATCH_NONE);
	ck_assert_int_eq(find("/pt", &fn, &c, fix), MATCH_REDIRECT);
	ck_assert_str_eq(fix, "/pt/");
	ck_assert_int_eq(find("/en/plans/", &fn, &c, fix), MATCH_REDIRECT);
	ck_assert_str_eq(fix, "/en/plans");
}
END_TEST

START_TEST(route_table)
{
	size_t i, j;
	char   allow[32];

	for (i = 0; i < route_count(); i++) {
		ck_assert_ptr_nonnull(route_at(i)->fn);
		ck_assert(route_at(i)->methods != 0);
		for (j = i + 1; j < route_count(); j++)
			ck_assert_str_ne(route_at(i)->pattern, route_at(j)->pattern);
	}
	route_allow(route_at(0), allow, sizeof allow);
	ck_assert_str_eq(allow, "GET, HEAD");
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { routing, route_table, NULL };

	return tests_main(tests_suite("routes", 0, tests));
}
