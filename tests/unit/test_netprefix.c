/* Unit tests of lib/netprefix: the network of a client address, the key of the limits
 * that must hold against one person with many addresses.  TAP output through Check. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../lib/testlib.h"
#include "lib/netprefix.h"

/* Checks that addr's network at tier is want (and the return value rc). */
static void
is(const char *addr, enum net_tier tier, int rc, const char *want)
{
	char out[NET_PREFIX_MAX];

	ck_assert_int_eq(net_prefix(addr, tier, out, sizeof out), rc);
	ck_assert_str_eq(out, want);
}

/* IPv4: a /32 and a /24; two addresses of one /24 share its wide network only. */
START_TEST(ipv4)
{
	is("127.0.0.9", NET_NARROW, 0, "127.0.0.9/32");
	is("127.0.0.9", NET_WIDE, 0, "127.0.0.0/24");
	is("127.0.0.10", NET_WIDE, 0, "127.0.0.0/24");
	is("198.51.100.255", NET_WIDE, 0, "198.51.100.0/24");
}
END_TEST

/* IPv6: every address of a /64 is one client; a /48 is the wide tier; the spelling of
 * the address (zeros, case, a zone) does not change the network. */
START_TEST(ipv6)
{
	is("2001:db8:1:2:3:4:5:6", NET_NARROW, 0, "2001:db8:1:2::/64");
	is("2001:DB8:1:2:ffff::1", NET_NARROW, 0, "2001:db8:1:2::/64");
	is("2001:0db8:0001:0002::9", NET_NARROW, 0, "2001:db8:1:2::/64");
	is("2001:db8:1:2:3:4:5:6", NET_WIDE, 0, "2001:db8:1::/48");
	is("2001:db8:1:ffff::1", NET_WIDE, 0, "2001:db8:1::/48");
	is("fe80::1%eth0", NET_NARROW, 0, "fe80::/64");
	is("::1", NET_NARROW, 0, "::/64");
}
END_TEST

/* An IPv4-mapped IPv6 address is the IPv4 address it carries, so a dual-stack socket
 * does not give IPv4 clients a second key. */
START_TEST(mapped)
{
	is("::ffff:192.0.2.77", NET_NARROW, 0, "192.0.2.77/32");
	is("::ffff:192.0.2.77", NET_WIDE, 0, "192.0.2.0/24");
}
END_TEST

/* What is not an address still gets a key, marked and bounded. */
START_TEST(not_an_address)
{
	char out[NET_PREFIX_MAX];

	is("", NET_NARROW, -1, "?");
	is(NULL, NET_WIDE, -1, "?");
	is("unix:", NET_NARROW, -1, "?unix:");
	ck_assert_int_eq(net_prefix("x0123456789012345678901234567890123456789012345678901234",
			     NET_NARROW, out, sizeof out),
	    -1);
	ck_assert_uint_eq(strlen(out), 41);
	is("1.2.3.4/8", NET_NARROW, -1, "?1.2.3.4/8");
	is("2001:db8::1::2", NET_NARROW, -1, "?2001:db8::1::2");
}
END_TEST

/* The lengths a deployment (or a test) sets, read once: checked in a process of its own,
 * since the other tests read the defaults; a malformed setting keeps the defaults. */
START_TEST(configured)
{
	char  a[NET_PREFIX_MAX], b[NET_PREFIX_MAX], c[NET_PREFIX_MAX];
	pid_t pid;
	int   st;

	if ((pid = fork()) == 0) {
		setenv("ABERTA_NET6_BITS", "128,56", 1);
		setenv("ABERTA_NET4_BITS", "24", 1); /* malformed: the defaults stay */
		net_prefix("2001:db8:1:2:3:4:5:6", NET_NARROW, a, sizeof a);
		net_prefix("2001:db8:1:2ff:3:4:5:6", NET_WIDE, b, sizeof b);
		net_prefix("10.1.2.3", NET_NARROW, c, sizeof c);
		_exit(strcmp(a, "2001:db8:1:2:3:4:5:6/128") == 0 &&
			    strcmp(b, "2001:db8:1:200::/56") == 0 && strcmp(c, "10.1.2.3/32") == 0
			? 0
			: 1);
	}
	ck_assert_int_gt(pid, 0);
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { ipv4, ipv6, mapped, not_an_address, configured, NULL };

	return tests_main(tests_suite("netprefix", 0, tests));
}
