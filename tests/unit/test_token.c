/* Unit tests of lib/token: the tokens of the links sent to citizens and their hashes.
 * TAP output through Check. */
#include <string.h>

#include "../lib/testlib.h"
#include "lib/token.h"

/* A token and its hash; what is not a token is refused. */
START_TEST(tokens)
{
	char          tok[65];
	unsigned char h1[32], h2[32];

	ck_assert_int_eq(token_new(tok, sizeof tok, h1), 0);
	ck_assert_uint_eq(strlen(tok), 64);
	ck_assert_int_eq(token_hash(tok, h2), 0);
	ck_assert(memcmp(h1, h2, 32) == 0);
	ck_assert_int_eq(token_hash("ABC", h2), -1);
	tok[0] = 'G';
	ck_assert_int_eq(token_hash(tok, h2), -1);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { tokens, NULL };

	return tests_main(tests_suite("token", 0, tests));
}
