#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <oath.h>
#include <qrencode.h>
#include <sodium.h>

#include "lib/totp.h"

#define SECRET_BYTES 20
/* Recovery codes: 12 characters from 31 that cannot be mistaken for one another (no 0/o,
 * 1/l/i), about 59 bits, so a fast hash is enough (crypto_pwhash OPSLIMIT/MEMLIMIT_MIN). */
_Static_assert(RECOVERY_HASH_MAX == crypto_pwhash_STRBYTES, "RECOVERY_HASH_MAX");
static const char rc_alphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";

/* Initialises liboath once per process.  Returns 0 or -1. */
static int
oath_ready(void)
{
	static int done;

	if (!done && oath_init() == OATH_OK)
		done = 1;
	return done ? 0 : -1;
}

/* Decodes the base32 secret b32 into a malloc'd buffer *raw of *len bytes.  Returns 0, or
 * -1 (nothing to free).  The caller wipes and frees *raw. */
static int
secret_decode(const char *b32, char **raw, size_t *len)
{
	*raw = NULL;
	if (b32 == NULL || *b32 == '\0' || oath_ready() != 0)
		return -1;
	if (oath_base32_decode(b32, strlen(b32), raw, len) != OATH_OK || *len == 0) {
		free(*raw);
		*raw = NULL;
		return -1;
	}
	return 0;
}

/* Wipes and frees a decoded secret. */
static void
secret_free(char *raw, size_t len)
{
	if (raw != NULL)
		sodium_memzero(raw, len);
	free(raw);
}

int
totp_secret_new(char *b32, size_t len)
{
	unsigned char raw[SECRET_BYTES];
	char         *out = NULL;
	size_t        outlen = 0;
	int           rc = -1;

	if (len < TOTP_SECRET_B32 + 1 || oath_ready() != 0)
		return -1;
	randombytes_buf(raw, sizeof raw);
	/* 20 bytes are exactly 32 base32 characters: there is no padding to strip. */
	if (oath_base32_encode((const char *)raw, sizeof raw, &out, &outlen) == OATH_OK &&
	    outlen == TOTP_SECRET_B32) {
		memcpy(b32, out, outlen);
		b32[outlen] = '\0';
		rc = 0;
	}
	sodium_memzero(raw, sizeof raw);
	secret_free(out, outlen);
	return rc;
}

/* liboath's comparison callback: 0 when the candidate test equals the submitted code in
 * handle, compared in constant time; 1 otherwise. */
static int
code_cmp(void *handle, const char *test)
{
	if (strlen(test) != TOTP_DIGITS)
		return 1;
	return sodium_memcmp(handle, test, TOTP_DIGITS) == 0 ? 0 : 1;
}

/* Copies the digits of code into out, skipping spaces.  Returns 0 when there are exactly
 * TOTP_DIGITS digits and nothing else, else -1. */
static int
code_normalise(const char *code, char out[TOTP_DIGITS + 1])
{
	size_t n = 0;

	for (; code != NULL && *code != '\0'; code++) {
		if (*code == ' ')
			continue;
		if (*code < '0' || *code > '9' || n == TOTP_DIGITS)
			return -1;
		out[n++] = *code;
	}
	out[n] = '\0';
	return n == TOTP_DIGITS ? 0 : -1;
}

int
totp_check(const char *b32, const char *code, time_t now, long long last_step, long long *step)
{
	char     digits[TOTP_DIGITS + 1], *raw;
	size_t   len;
	uint64_t counter = 0;
	int      pos, rc;

	if (secret_decode(b32, &raw, &len) != 0)
		return -1;
	if (code_normalise(code, digits) != 0) {
		secret_free(raw, len);
		return 0;
	}
	rc = oath_totp_validate3_callback(
	    raw, len, now, TOTP_STEP, 0, TOTP_DIGITS, 1, &pos, &counter, code_cmp, digits);
	secret_free(raw, len);
	if (rc == OATH_INVALID_OTP)
		return 0;
	if (rc < 0)
		return -1;
	if ((long long)counter <= last_step)
		return 0; /* already used, or older than the last code used */
	*step = (long long)counter;
	return 1;
}

int
totp_code(const char *b32, time_t t, char out[7])
{
	char  *raw;
	size_t len;
	int    rc;

	out[0] = '\0';
	if (secret_decode(b32, &raw, &len) != 0)
		return -1;
	rc = oath_totp_generate(raw, len, t, TOTP_STEP, 0, TOTP_DIGITS, out);
	secret_free(raw, len);
	return rc == OATH_OK ? 0 : -1;
}

/* Appends s to out[*n..len), percent-encoding all but RFC 3986 unreserved characters
 * when enc is set.  Returns 0, or -1 when it does not fit. */
static int
put(char *out, size_t len, size_t *n, const char *s, int enc)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char     c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (!enc || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL) {
			if (*n + 1 >= len)
				return -1;
			out[(*n)++] = (char)c;
		} else {
			if (*n + 3 >= len)
				return -1;
			out[(*n)++] = '%';
			out[(*n)++] = hex[c >> 4];
			out[(*n)++] = hex[c & 15];
		}
	}
	out[*n] = '\0';
	return 0;
}

void
totp_uri(const char *b32, const char *account, char *out, size_t len)
{
	size_t n = 0;

	if (len == 0)
		return;
	out[0] = '\0';
	if (put(out, len, &n, "otpauth://totp/aberta:", 0) != 0 ||
	    put(out, len, &n, account, 1) != 0 || put(out, len, &n, "?secret=", 0) != 0 ||
	    put(out, len, &n, b32, 1) != 0 || put(out, len, &n, "&issuer=aberta", 0) != 0)
		out[0] = '\0';
}

int
totp_qr(const char *text, struct totp_qr *q)
{
	QRcode *c;
	size_t  i, n;

	q->width = 0;
	q->dark = NULL;
	if (text == NULL || *text == '\0' ||
	    (c = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) == NULL)
		return -1;
	n = (size_t)c->width * (size_t)c->width;
	if ((q->dark = malloc(n)) == NULL) {
		QRcode_free(c);
		return -1;
	}
	for (i = 0; i < n; i++)
		q->dark[i] = c->data[i] & 1;
	q->width = c->width;
	QRcode_free(c);
	return 0;
}

void
totp_qr_free(struct totp_qr *q)
{
	free(q->dark);
	q->dark = NULL;
	q->width = 0;
}

/* Writes a new random code, like "k7q2-m9xp-4tzn", into out. */
static void
rc_generate(char out[20])
{
	size_t i, n = 0;

	for (i = 0; i < RECOVERY_NORM_LEN; i++) {
		if (i > 0 && i % 4 == 0)
			out[n++] = '-';
		out[n++] = rc_alphabet[randombytes_uniform(sizeof rc_alphabet - 1)];
	}
	out[n] = '\0';
}

void
recovery_codes_make(char codes[RECOVERY_CODES][20])
{
	int i;

	for (i = 0; i < RECOVERY_CODES; i++)
		rc_generate(codes[i]);
}

int
recovery_code_normalise(const char *code, char out[RECOVERY_NORM_LEN + 1])
{
	size_t n = 0;
	char   c;

	for (; code != NULL && *code != '\0'; code++) {
		c = *code;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (strchr(rc_alphabet, c) == NULL || n == RECOVERY_NORM_LEN)
			return -1;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == RECOVERY_NORM_LEN ? 0 : -1;
}

int
recovery_code_hash(const char *norm, char h[RECOVERY_HASH_MAX])
{
	return crypto_pwhash_str(h, norm, RECOVERY_NORM_LEN, crypto_pwhash_OPSLIMIT_MIN,
		   crypto_pwhash_MEMLIMIT_MIN) == 0
	    ? 0
	    : -1;
}

int
recovery_code_matches(const char *h, const char *norm)
{
	return h != NULL && crypto_pwhash_str_verify(h, norm, RECOVERY_NORM_LEN) == 0;
}
