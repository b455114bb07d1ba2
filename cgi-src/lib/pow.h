/* pow: the proof of work that the citizens' forms ask of a heavy sender while the whole
 * site is under pressure (the policy: pages/limits.h).  A challenge is "D-" followed by
 * 32 random hex characters, D the number of leading zero bits that the SHA-256 of
 * challenge ":" nonce must have (nonce: decimal digits).  public/pow.js finds such a
 * nonce in the browser; a browser without script waits pow_wait(D) seconds instead.
 *
 * Measured with public/pow.js in headless Chromium on a 2-core server (about 150,000
 * hashes a second; a phone is some 3 to 5 times slower): D 18 takes about 1.7 s on
 * average, and each further bit doubles it (D 22: about 27 s). */
#ifndef ABERTA_POW_H
#define ABERTA_POW_H
#include <stddef.h>

#define POW_BITS_MIN      18 /* the first proof asked of a network */
#define POW_BITS_MAX      22 /* the most */
#define POW_WAIT_MIN      5  /* seconds a browser without script waits at POW_BITS_MIN */
#define POW_CHALLENGE_MAX 40 /* bytes of a challenge, NUL included */
#define POW_NONCE_MAX     16 /* digits of a nonce (JavaScript counts exactly to 2^53) */

/* The bits asked of a network for its extra-th submission past the free ones (extra >=
 * 1): POW_BITS_MIN, then one more each, up to POW_BITS_MAX. */
int pow_bits(int extra);
/* The seconds a browser without script waits instead of proving bits: POW_WAIT_MIN,
 * doubled each bit past POW_BITS_MIN (5 s to 80 s). */
int pow_wait(int bits);
/* Writes a new random challenge of bits into out (POW_CHALLENGE_MAX bytes). */
void pow_challenge_new(int bits, char *out, size_t outlen);
/* The bits of challenge ch, or -1 when ch is not a challenge of this form (bits from
 * POW_BITS_MIN to POW_BITS_MAX). */
int pow_challenge_bits(const char *ch);
/* 1 when nonce (1 to POW_NONCE_MAX decimal digits) proves challenge ch: SHA-256(ch ":"
 * nonce) begins with pow_challenge_bits(ch) zero bits; else 0. */
int pow_ok(const char *ch, const char *nonce);

#endif
