/*
 * totp: the second factor.  Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 6 digits,
 * 30-second steps, as authenticator apps expect) through liboath; the otpauth:// URI and
 * its QR code (libqrencode) for enrolment; one-time recovery codes and their hashes (the
 * store keeps them: recovery_codes_new and recovery_code_use in store/auth.h).
 */
#ifndef ABERTA_TOTP_H
#define ABERTA_TOTP_H
#include <stddef.h>
#include <time.h>

#define TOTP_SECRET_B32   32 /* 20 random bytes in base32, no padding */
#define TOTP_STEP         30 /* seconds per code */
#define TOTP_DIGITS       6
#define RECOVERY_CODES    10  /* codes per staff member */
#define RECOVERY_CODE_LEN 14  /* "k7q2-m9xp-4tzn" */
#define RECOVERY_NORM_LEN 12  /* the characters of a code that count */
#define RECOVERY_HASH_MAX 128 /* a code's hash: crypto_pwhash_STRBYTES */

/* A QR code: width * width modules, row by row. */
struct totp_qr {
	int            width;
	unsigned char *dark; /* 1 = dark module; malloc'd, see totp_qr_free */
};

/* Writes a new random secret (20 bytes from the CSPRNG) as RFC 4648 base32 without
 * padding: TOTP_SECRET_B32 characters plus NUL.  Returns 0, or -1 if len is too small. */
int totp_secret_new(char *b32, size_t len);
/* Checks code (6 digits; spaces are ignored) against the secret b32 at time now, accepting
 * the step before and the step after.  The step of the code must also be greater than
 * last_step (pass -1 when none was accepted yet), so that no code works twice.  Returns 1
 * and sets *step to the code's step; 0 for a wrong, malformed or replayed code (*step is
 * left alone); -1 when the secret cannot be decoded or liboath fails. */
int totp_check(const char *b32, const char *code, time_t now, long long last_step, long long *step);
/* Writes the 6-digit code of secret b32 at time t into out.  Returns 0 or -1. */
int totp_code(const char *b32, time_t t, char out[7]);
/* Writes otpauth://totp/aberta:ACCOUNT?secret=B32&issuer=aberta into out, the account
 * percent-encoded.  out is "" when the URI does not fit in len. */
void totp_uri(const char *b32, const char *account, char *out, size_t len);
/* Encodes text as a QR code (error correction level M) into *q.  Returns 0, or -1 with
 * q->dark NULL.  The caller frees with totp_qr_free. */
int totp_qr(const char *text, struct totp_qr *q);
/* Frees what totp_qr allocated; q may be zeroed or already freed. */
void totp_qr_free(struct totp_qr *q);
/* Writes RECOVERY_CODES new random codes, formatted like "k7q2-m9xp-4tzn", into codes. */
void recovery_codes_make(char codes[RECOVERY_CODES][20]);
/* Writes the characters of code that count (lower case, no dashes or spaces) into out.
 * Returns 0 for RECOVERY_NORM_LEN characters of the codes' alphabet, else -1 (code may
 * be NULL). */
int recovery_code_normalise(const char *code, char out[RECOVERY_NORM_LEN + 1]);
/* Hashes a normalised code for storage (a fast argon2id: the codes are random) into h.
 * Returns 0 or -1. */
int recovery_code_hash(const char *norm, char h[RECOVERY_HASH_MAX]);
/* Returns 1 when the normalised code norm matches the stored hash h (may be NULL). */
int recovery_code_matches(const char *h, const char *norm);

#endif
