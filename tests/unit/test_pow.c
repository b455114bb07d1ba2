/* The proof of work of the citizens' forms (lib/pow.h): challenges, the bits and waits
 * that grow with a network's count, and the check of a nonce, found here as
 * public/pow.js finds it.  TAP output through Check. */
#include <sodium.h>

#include "../lib/testlib.h"
#include "lib/pow.h"

/* The bits grow by one a submission past the free ones, to a ceiling; the wait of a
 * browser without script doubles with each bit. */
START_TEST(bits_and_waits)
{
	ck_assert_int_eq(pow_bits(1), POW_BITS_MIN);
	ck_assert_int_eq(pow_bits(2), POW_BITS_MIN + 1);
	ck_assert_int_eq(pow_bits(1000), POW_BITS_MAX);
	ck_assert_int_eq(pow_wait(POW_BITS_MIN), POW_WAIT_MIN);
	ck_assert_int_eq(pow_wait(POW_BITS_MIN + 2), 4 * POW_WAIT_MIN);
	ck_assert_int_eq(pow_wait(99), pow_wait(POW_BITS_MAX));
}
END_TEST

/* A challenge reads back its bits; anything else is not a challenge. */
START_TEST(challenges)
{
	char ch[POW_CHALLENGE_MAX], other[POW_CHALLENGE_MAX];

	pow_challenge_new(POW_BITS_MIN + 1, ch, sizeof ch);
	ck_assert_int_eq(pow_challenge_bits(ch), POW_BITS_MIN + 1);
	ck_assert_int_eq(strlen(ch), 3 + 32);
	pow_challenge_new(POW_BITS_MIN + 1, other, sizeof other);
	ck_assert_str_ne(ch, other);
	ck_assert_int_eq(pow_challenge_bits(NULL), -1);
	ck_assert_int_eq(pow_challenge_bits(""), -1);
	ck_assert_int_eq(pow_challenge_bits("1-0123456789abcdef0123456789abcdef"), -1);
	ck_assert_int_eq(pow_challenge_bits("99-0123456789abcdef0123456789abcdef"), -1);
	ck_assert_int_eq(pow_challenge_bits("18-0123456789abcdef0123456789abcde"), -1);
	ck_assert_int_eq(pow_challenge_bits("18-0123456789ABCDEF0123456789abcdef"), -1);
	ck_assert_int_eq(pow_challenge_bits("18-0123456789abcdef0123456789abcdef"), 18);
}
END_TEST

/* A nonce found as the script finds it proves its challenge and no other; a nonce is
 * decimal digits, at most POW_NONCE_MAX. */
START_TEST(nonces)
{
	const char *ch = "18-0123456789abcdef0123456789abcdef";
	char        n[32];

	test_pow_solve(ch, n, sizeof n);
	ck_assert(pow_ok(ch, n));
	ck_assert(!pow_ok("18-0123456789abcdef0123456789abcdee", n));
	ck_assert(!pow_ok(ch, NULL));
	ck_assert(!pow_ok(ch, ""));
	ck_assert(!pow_ok(ch, "-1"));
	ck_assert(!pow_ok(ch, "12345678901234567"));
	ck_assert(!pow_ok("nonsense", "0"));
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { bits_and_waits, challenges, nonces, NULL };

	if (sodium_init() < 0)
		return printf("Bail out! libsodium does not start\n"), 1;
	return tests_main(tests_suite("pow", 0, tests));
}
