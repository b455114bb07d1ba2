/* Unit tests of lib/valid: UTF-8, integers, identifiers, dates and addresses.  TAP
 * output through Check. */
#include <string.h>

#include "../lib/testlib.h"
#include "lib/valid.h"

START_TEST(utf8)
{
	ck_assert(valid_utf8("participação", strlen("participação")));
	ck_assert(valid_utf8("", 0));
	ck_assert(!valid_utf8("\xc3", 1));             /* truncated */
	ck_assert(!valid_utf8("\xc0\xaf", 2));         /* overlong '/' */
	ck_assert(!valid_utf8("\xed\xa0\x80", 3));     /* surrogate */
	ck_assert(!valid_utf8("\xf4\x90\x80\x80", 4)); /* above U+10FFFF */
	ck_assert(!valid_utf8("a\0b", 3));             /* NUL */
	ck_assert(!valid_utf8("\xff", 1));
}
END_TEST

START_TEST(ints)
{
	long long v = -1;

	ck_assert_int_eq(valid_int("42", 1, 999, &v), 0);
	ck_assert_int_eq(v, 42);
	ck_assert_int_eq(valid_int("0", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("-1", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("1000", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("007", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("1e3", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int(" 1", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("99999999999999999999999", 1, 999, &v), -1);
}
END_TEST

START_TEST(ids_dates_urls)
{
	ck_assert(valid_ogp_id("PT0013"));
	ck_assert(!valid_ogp_id("pt0013"));
	ck_assert(!valid_ogp_id("PT013"));
	ck_assert(!valid_ogp_id("PT00133"));
	ck_assert(valid_slug("ti-portugal"));
	ck_assert(!valid_slug("TI"));
	ck_assert(!valid_slug("../x"));
	ck_assert(!valid_slug(""));
	ck_assert(valid_date("2018"));
	ck_assert(valid_date("2018-12"));
	ck_assert(valid_date("2024-02-29"));
	ck_assert(!valid_date("2023-02-29"));
	ck_assert(!valid_date("2018-13"));
	ck_assert(!valid_date("2018-1-1"));
	ck_assert(!valid_date("18"));
	ck_assert(valid_http_url("https://ogp.eportugal.gov.pt/en/noticia5"));
	ck_assert(valid_http_url("http://example.org/a?b=c"));
	ck_assert(!valid_http_url("javascript:alert(1)"));
	ck_assert(!valid_http_url("ftp://example.org/"));
	ck_assert(!valid_http_url("https://exa mple.org/"));
	ck_assert(!valid_http_url("https://"));
	ck_assert(!valid_http_url("https://x/\"><script>"));
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { utf8, ints, ids_dates_urls, NULL };

	return tests_main(tests_suite("valid", 0, tests));
}
