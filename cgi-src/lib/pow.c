/* The proof of work of the citizens' forms (see pow.h). */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "lib/pow.h"
#include "lib/token.h"

#define POW_HEX 32 /* random hex characters of a challenge */

int
pow_bits(int extra)
{
	if (extra < 1)
		extra = 1;
	return extra > POW_BITS_MAX - POW_BITS_MIN + 1 ? POW_BITS_MAX : POW_BITS_MIN + extra - 1;
}

int
pow_wait(int bits)
{
	if (bits < POW_BITS_MIN)
		bits = POW_BITS_MIN;
	if (bits > POW_BITS_MAX)
		bits = POW_BITS_MAX;
	return POW_WAIT_MIN << (bits - POW_BITS_MIN);
}

void
pow_challenge_new(int bits, char *out, size_t outlen)
{
	char hex[POW_HEX + 1];

	token_hex(hex, sizeof hex);
	snprintf(out, outlen, "%d-%s", bits, hex);
}

int
pow_challenge_bits(const char *ch)
{
	const char *p;
	int         bits = 0;

	if (ch == NULL)
		return -1;
	for (p = ch; *p >= '0' && *p <= '9' && p - ch < 3; p++)
		bits = bits * 10 + (*p - '0');
	if (p == ch || *p != '-' || bits < POW_BITS_MIN || bits > POW_BITS_MAX ||
	    strlen(p + 1) != POW_HEX)
		return -1;
	for (p++; *p != '\0'; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return -1;
	return bits;
}

int
pow_ok(const char *ch, const char *nonce)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char          msg[POW_CHALLENGE_MAX + POW_NONCE_MAX + 2];
	size_t        n, i;
	int           bits = pow_challenge_bits(ch);

	if (bits < 0 || nonce == NULL || (n = strlen(nonce)) == 0 || n > POW_NONCE_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (nonce[i] < '0' || nonce[i] > '9')
			return 0;
	snprintf(msg, sizeof msg, "%s:%s", ch, nonce);
	crypto_hash_sha256(h, (const unsigned char *)msg, strlen(msg));
	for (i = 0; bits >= 8; i++, bits -= 8)
		if (h[i] != 0)
			return 0;
	return bits == 0 || (h[i] >> (8 - bits)) == 0;
}
