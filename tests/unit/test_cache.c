/* Unit tests of http/cache: the memo of rendered answers, in memory and in files, at
 * their own content version.  TAP output through Check. */
#include <sys/stat.h>
#include <string.h>

#include "../lib/testlib.h"
#include "http/cache.h"

/* The memo of cache.h: each answer comes back whole, from the worker's memory or from
 * its file, only at its own content version; nothing is kept for a generation that
 * current does not name. */
START_TEST(memo_roundtrip)
{
	char        root[] = "/tmp/aberta-memo-XXXXXX", p[600], key[32];
	char       *big = malloc(300000);
	const char *got;
	size_t      len;
	int         i;

	ck_assert_ptr_nonnull(big);
	ck_assert_ptr_nonnull(mkdtemp(root));
	setenv("ABERTA_CACHE", root, 1);
	snprintf(p, sizeof p, "%s/gen-5", root);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/current", root);
	ck_assert_int_eq(symlink("gen-5", p), 0);
	/* 40 answers of 100 kB: more than the memory keeps (2 MB), so some from files */
	for (i = 0; i < 40; i++) {
		memset(big, 'a' + i % 26, 100000);
		snprintf(key, sizeof key, "k%d", i);
		ck_assert_int_eq(cache_memo_put(key, 5, "M\n", 2, big, 100000), 1);
	}
	for (i = 39; i >= 0; i--) {
		snprintf(key, sizeof key, "k%d", i);
		ck_assert_int_eq(cache_memo_get(key, 5, &got, &len), 1);
		ck_assert_uint_eq(len, 100002);
		ck_assert(memcmp(got, "M\n", 2) == 0);
		ck_assert_int_eq(got[2], 'a' + i % 26);
		ck_assert_int_eq(got[100001], 'a' + i % 26);
	}
	ck_assert_int_eq(cache_memo_get("k1", 6, &got, &len), 0);
	ck_assert_int_eq(cache_memo_get("k1", 4, &got, &len), 0);
	ck_assert_int_eq(cache_memo_get("nothing", 5, &got, &len), 0);
	/* over what one answer may take in memory: from its file */
	memset(big, 'z', 300000);
	ck_assert_int_eq(cache_memo_put("big", 5, "M\n", 2, big, 300000), 1);
	ck_assert_int_eq(cache_memo_get("big", 5, &got, &len), 1);
	ck_assert_uint_eq(len, 300002);
	ck_assert_int_eq(got[300001], 'z');
	/* rendered at a version current does not name: not kept */
	ck_assert_int_eq(cache_memo_put("old", 4, "M\n", 2, "x", 1), 0);
	ck_assert_int_eq(cache_memo_get("old", 4, &got, &len), 0);
	ck_assert_int_eq(cache_current(), 5);
	free(big);
	snprintf(p, sizeof p, "rm -rf '%s'", root);
	ck_assert_int_eq(system(p), 0);
	unsetenv("ABERTA_CACHE");
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { memo_roundtrip, NULL };

	return tests_main(tests_suite("cache", 0, tests));
}
