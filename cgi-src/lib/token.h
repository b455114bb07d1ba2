/* token: random tokens in hex, the one generator of the site's (session cookies and
 * their anti-CSRF tokens, mail claims, Message-IDs, temporary file names), and the
 * single-use tokens sent by email (a citizen's confirmation and withdrawal links): 64
 * lower-case hex characters, of which the database keeps only the SHA-256. */
#ifndef ABERTA_TOKEN_H
#define ABERTA_TOKEN_H
#include <stddef.h>

/* Fills out (outlen bytes: an odd count from 3 to 65) with (outlen - 1) / 2 random
 * bytes from libsodium as lower-case hex, and a NUL. */
void token_hex(char *out, size_t outlen);
/* A new random token as 64 hex characters (out: at least 65 bytes); its SHA-256 in
 * hash.  Returns 0 or -1. */
int token_new(char *out, size_t outlen, unsigned char hash[32]);
/* The SHA-256 of a token given as 64 lower-case hex characters.  Returns 0, or -1 when
 * tok is not such a token. */
int token_hash(const char *tok, unsigned char hash[32]);

#endif
