/* netprefix: the network a client address belongs to, the unit of every limit that one
 * person must not dodge by changing address inside their own network.  On IPv6 one
 * subscriber holds a /64 at least (often a /48), so a limit per full address would give
 * them 2^64 tries.  Two tiers:
 *
 *     tier        IPv4   IPv6
 *     NET_NARROW  /32    /64     one client (one home, one office)
 *     NET_WIDE    /24    /48     one site or one provider's block
 *
 * The lengths can be set for a deployment (or a test) with ABERTA_NET4_BITS and
 * ABERTA_NET6_BITS, each "NARROW,WIDE" (e.g. "64,48"), read once.  An IPv4-mapped IPv6
 * address (::ffff:192.0.2.1) counts as the IPv4 address it carries. */
#ifndef ABERTA_NETPREFIX_H
#define ABERTA_NETPREFIX_H
#include <stddef.h>

enum net_tier { NET_NARROW, NET_WIDE };

#define NET_PREFIX_MAX 64 /* room for any prefix written by net_prefix, NUL included */

/* Writes the network of the textual address addr at tier into out (outlen bytes,
 * NET_PREFIX_MAX is enough) in the canonical form "192.0.2.0/24" or "2001:db8::/48".
 * Returns 0, or -1 when addr is not an IP address: out then holds "?" followed by at
 * most 40 bytes of addr, so that callers still have a key. */
int net_prefix(const char *addr, enum net_tier tier, char *out, size_t outlen);
/* The prefix length of tier for IPv4 (v6 0) or IPv6 (v6 1), as configured. */
int net_bits(int v6, enum net_tier tier);

#endif
