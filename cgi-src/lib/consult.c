#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "lib/consult.h"
#include "lib/tztime.h"
#include "lib/utf8.h"
#include "lib/valid.h"

/* Reads "YYYY-MM-DD?HH:MM" at s (? any of seps) and, when rest is not NULL, points it
 * past what was read.  Returns 0 and fills tm, or -1. */
static int
read_datetime(const char *s, const char *seps, struct tm *tm, const char **rest)
{
	int y, mo, d, h, mi;

	memset(tm, 0, sizeof *tm);
	if (strlen(s) < 16 || s[4] != '-' || s[7] != '-' || s[10] == '\0' ||
	    strchr(seps, s[10]) == NULL || s[13] != ':')
		return -1;
	y = valid_digits(s, 4);
	mo = valid_digits(s + 5, 2);
	d = valid_digits(s + 8, 2);
	h = valid_digits(s + 11, 2);
	mi = valid_digits(s + 14, 2);
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 ||
	    mi > 59)
		return -1;
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	if (rest != NULL)
		*rest = s + 16;
	return 0;
}

/* 1 when t is still on the calendar day given names (not 30 February made 2 March). */
static int
same_day(const struct tm *given, time_t t)
{
	struct tm back;

	gmtime_r(&t, &back);
	return back.tm_mday == given->tm_mday && back.tm_mon == given->tm_mon;
}

int
utc_parse(const char *iso, time_t *t)
{
	struct tm   tm, given;
	const char *r;
	int         sec;

	if (iso == NULL || read_datetime(iso, "T", &tm, &r) != 0 || strlen(r) != 4 || r[0] != ':' ||
	    r[3] != 'Z' || r[1] < '0' || r[1] > '5' || r[2] < '0' || r[2] > '9')
		return -1;
	sec = (r[1] - '0') * 10 + (r[2] - '0');
	tm.tm_sec = sec;
	given = tm; /* timegm normalises tm */
	*t = timegm(&tm);
	return same_day(&given, *t) ? 0 : -1;
}

void
utc_format(time_t t, char *out, size_t outlen)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, outlen, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
local_to_utc(const char *zone, const char *local, char *out, size_t outlen)
{
	struct tm   tm, given;
	const char *r;
	time_t      t;

	if (local == NULL || read_datetime(local, "T ", &tm, &r) != 0)
		return -1;
	if (strcmp(r, ":00") != 0 && *r != '\0')
		return -1;
	given = tm; /* timegm normalises tm */
	if (!same_day(&given, timegm(&tm)))
		return -1; /* 31 April */
	if (tz_utc(zone, &given, &t) != 0)
		return -1;
	utc_format(t, out, outlen);
	return 0;
}

int
utc_to_local(const char *zone, const char *iso, char *out, size_t outlen, const char **abbr)
{
	struct tm tm;
	time_t    t;

	if (utc_parse(iso, &t) != 0 || tz_local(zone, t, &tm) != 0)
		return -1;
	strftime(out, outlen, "%Y-%m-%dT%H:%M", &tm);
	if (abbr != NULL)
		*abbr = tm.tm_zone;
	return 0;
}

enum phase
consultation_phase(time_t now, const char *opens, const char *closes)
{
	time_t o, c;

	if (utc_parse(opens, &o) != 0 || utc_parse(closes, &c) != 0)
		return PHASE_CLOSED;
	if (now < o)
		return PHASE_UPCOMING;
	return now < c ? PHASE_OPEN : PHASE_CLOSED;
}

void
countdown(time_t now, time_t limit, long *n, char *unit)
{
	long left = limit > now ? (long)(limit - now) : 0;

	if (left >= 24 * 3600) {
		*n = left / (24 * 3600);
		*unit = 'd';
	} else if (left >= 3600) {
		*n = left / 3600;
		*unit = 'h';
	} else {
		*n = left / 60 > 0 ? left / 60 : 1;
		*unit = 'm';
	}
}

int
valid_email(const char *s)
{
	const char *at, *p, *dot = NULL;
	size_t      n = strlen(s);

	if (n < 3 || n > 254 || (at = strchr(s, '@')) == NULL || strchr(at + 1, '@') != NULL ||
	    at == s || at - s > 64 || at[1] == '\0')
		return 0;
	for (p = s; p < at; p++)
		if (*p <= ' ' || *p >= 0x7f || strchr("\"(),:;<>[\\]", *p) != NULL)
			return 0;
	if (*s == '.' || at[-1] == '.' || strstr(s, "..") != NULL)
		return 0;
	for (p = at + 1; *p != '\0'; p++) {
		if (*p == '.') {
			if (p == at + 1 || p[-1] == '.' || p[-1] == '-' || p[1] == '\0' ||
			    p[1] == '-')
				return 0;
			dot = p;
		} else if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			       (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	}
	return dot != NULL && at[1] != '-';
}

void
email_fold(const char *s, char *out, size_t outlen)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < outlen; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	if (outlen > 0)
		out[i] = '\0';
}

void
hashed_key(const char *kind, const char *text, char *out, size_t outlen)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char          hex[2 * crypto_hash_sha256_BYTES + 1];

	crypto_hash_sha256(h, (const unsigned char *)text, strlen(text));
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	snprintf(out, outlen, "%s:%s", kind, hex);
}

void
email_key(const char *email, char *out, size_t outlen)
{
	char folded[256];

	email_fold(email, folded, sizeof folded);
	hashed_key("email", folded, out, outlen);
}

int
rate_ok(enum rate_tier tier, int n_hour, int n_day)
{
	static const int max[][2] = { [RL_NET] = { RL_NET_HOUR, RL_NET_DAY },
		[RL_WIDE] = { RL_WIDE_HOUR, RL_WIDE_DAY },
		[RL_EMAIL] = { RL_EMAIL_HOUR, RL_EMAIL_DAY } };

	return n_hour < max[tier][0] && n_day < max[tier][1];
}

void
text_excerpt(const char *s, size_t max, char *out, size_t outlen)
{
	size_t        n = strlen(s), i = 0, k, chars = 0;
	unsigned long cp;

	/* Room is kept for the ellipsis (3 bytes) and the NUL. */
	while (i < n && chars < max && (k = utf8_decode(s + i, n - i, &cp)) > 0 &&
	    i + k + 4 <= outlen) {
		i += k;
		chars++;
	}
	memcpy(out, s, i);
	snprintf(out + i, outlen - i, "%s", i < n ? "…" : "");
}
