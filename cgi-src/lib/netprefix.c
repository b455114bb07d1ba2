/* The network of a client address (see netprefix.h). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/netprefix.h"

/* The prefix lengths: [v6][tier]. */
static int bits[2][2] = { { 32, 24 }, { 64, 48 } };

/* Reads "N,M" from environment variable name into b when both are lengths from 1 to max
 * and N >= M; anything else leaves the defaults. */
static void
read_bits(const char *name, int b[2], int max)
{
	const char *v = getenv(name);
	char       *end;
	long        n, m;

	if (v == NULL)
		return;
	n = strtol(v, &end, 10);
	if (*end != ',')
		return;
	m = strtol(end + 1, &end, 10);
	if (*end != '\0' || n < 1 || n > max || m < 1 || m > n)
		return;
	b[NET_NARROW] = (int)n;
	b[NET_WIDE] = (int)m;
}

int
net_bits(int v6, enum net_tier tier)
{
	static int done;

	if (!done) {
		read_bits("ABERTA_NET4_BITS", bits[0], 32);
		read_bits("ABERTA_NET6_BITS", bits[1], 128);
		done = 1;
	}
	return bits[v6 != 0][tier == NET_WIDE];
}

/* Keeps the first n bits of the len bytes at p, zeroing the rest. */
static void
mask(unsigned char *p, size_t len, int n)
{
	size_t i;

	for (i = 0; i < len; i++, n -= 8)
		if (n <= 0)
			p[i] = 0;
		else if (n < 8)
			p[i] &= (unsigned char)(0xff << (8 - n));
}

int
net_prefix(const char *addr, enum net_tier tier, char *out, size_t outlen)
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	unsigned char              a[16];
	char                       text[INET6_ADDRSTRLEN], plain[INET6_ADDRSTRLEN];
	const char                *pct;
	int                        v6, n;

	if (addr == NULL)
		addr = "";
	/* A zone ("fe80::1%eth0") names the interface, not the network. */
	pct = strchr(addr, '%');
	snprintf(plain, sizeof plain, "%.*s", pct ? (int)(pct - addr) : (int)strlen(addr), addr);
	if (inet_pton(AF_INET, plain, a) == 1)
		v6 = 0;
	else if (inet_pton(AF_INET6, plain, a) == 1) {
		v6 = 1;
		if (memcmp(a, mapped, sizeof mapped) == 0) {
			memmove(a, a + 12, 4);
			v6 = 0;
		}
	} else {
		snprintf(out, outlen, "?%.40s", addr);
		return -1;
	}
	n = net_bits(v6, tier);
	mask(a, v6 ? 16 : 4, n);
	if (inet_ntop(v6 ? AF_INET6 : AF_INET, a, text, sizeof text) == NULL) {
		snprintf(out, outlen, "?%.40s", addr);
		return -1;
	}
	snprintf(out, outlen, "%s/%d", text, n);
	return 0;
}
