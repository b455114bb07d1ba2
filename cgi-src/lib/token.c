/* token: random tokens in hex, and the single-use tokens sent by email (see token.h). */
#include <string.h>

#include <sodium.h>

#include "lib/token.h"

void
token_hex(char *out, size_t outlen)
{
	unsigned char raw[32];
	size_t        n = (outlen - 1) / 2;

	randombytes_buf(raw, n);
	sodium_bin2hex(out, outlen, raw, n);
	sodium_memzero(raw, n);
}

int
token_new(char *out, size_t outlen, unsigned char hash[32])
{
	if (outlen < 65)
		return -1;
	token_hex(out, 65);
	return token_hash(out, hash);
}

int
token_hash(const char *tok, unsigned char hash[32])
{
	size_t i;

	if (tok == NULL || strlen(tok) != 64)
		return -1;
	for (i = 0; i < 64; i++)
		if (!((tok[i] >= '0' && tok[i] <= '9') || (tok[i] >= 'a' && tok[i] <= 'f')))
			return -1;
	crypto_hash_sha256(hash, (const unsigned char *)tok, 64);
	return 0;
}
