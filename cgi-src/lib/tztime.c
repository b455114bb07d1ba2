#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/domains.h"
#include "lib/tztime.h"
#include "lib/valid.h"

/* The value TZ had before a zone was set, to put back. */
struct saved_tz {
	char val[256];
	int  set; /* 0: TZ was not set */
};

int
tz_known(const char *zone)
{
	return zone == NULL || domain_code(domain(DOM_TIMEZONE), zone) != NULL;
}

/* Puts TZ back as old had it. */
static void
tz_leave(const struct saved_tz *old)
{
	if (old->set)
		setenv("TZ", old->val, 1);
	else
		unsetenv("TZ");
	tzset();
}

/* Sets TZ to zone (NULL: TZ_DEFAULT), keeping its old value in *old.  Returns 0, or -1
 * (TZ as it was) when the zone is unknown, the old value too long to keep, or the tz
 * database does not have the zone. */
static int
tz_enter(const char *zone, struct saved_tz *old)
{
	const char *v = getenv("TZ");
	size_t      n;

	if (!tz_known(zone))
		return -1;
	if (zone == NULL)
		zone = TZ_DEFAULT;
	old->set = v != NULL;
	if (v != NULL) {
		if ((n = strlen(v)) >= sizeof old->val)
			return -1;
		memcpy(old->val, v, n + 1);
	}
	if (setenv("TZ", zone, 1) != 0)
		return -1;
	tzset();
	/* Without the zone's file the C library reads TZ as a POSIX rule: "Europe/Lisbon"
	 * becomes UTC under the name "Europe". */
	n = strlen(tzname[0]);
	if (strncmp(zone, tzname[0], n) == 0 && zone[n] == '/') {
		tz_leave(old);
		return -1;
	}
	return 0;
}

int
tz_local(const char *zone, time_t utc, struct tm *tm)
{
	struct saved_tz old;
	int             rc;

	if (tz_enter(zone, &old) != 0)
		return -1;
	rc = localtime_r(&utc, tm) != NULL ? 0 : -1;
	tz_leave(&old);
	return rc;
}

long
tz_offset(const char *zone, time_t utc)
{
	struct tm tm;

	return tz_local(zone, utc, &tm) == 0 ? tm.tm_gmtoff : 0;
}

/* 1 when mktime's normalised tm shows wall's date and time of day. */
static int
shows(const struct tm *tm, const struct tm *wall)
{
	return tm->tm_year == wall->tm_year && tm->tm_mon == wall->tm_mon &&
	    tm->tm_mday == wall->tm_mday && tm->tm_hour == wall->tm_hour &&
	    tm->tm_min == wall->tm_min && tm->tm_sec == wall->tm_sec;
}

int
tz_utc(const char *zone, const struct tm *wall, time_t *utc)
{
	struct saved_tz old;
	struct tm       tm;
	int             dst;

	if (tz_enter(zone, &old) != 0)
		return -1;
	/* Summer time first: taken when the clock shows wall in summer time then (the
	 * first of a time shown twice).  Otherwise winter time, which mktime also gives
	 * for a time never shown (the offset before the spring change). */
	for (dst = 1; dst >= 0; dst--) {
		memset(&tm, 0, sizeof tm);
		tm.tm_year = wall->tm_year;
		tm.tm_mon = wall->tm_mon;
		tm.tm_mday = wall->tm_mday;
		tm.tm_hour = wall->tm_hour;
		tm.tm_min = wall->tm_min;
		tm.tm_sec = wall->tm_sec;
		tm.tm_isdst = dst;
		*utc = mktime(&tm);
		if (tm.tm_isdst > 0 && shows(&tm, wall))
			break;
	}
	tz_leave(&old);
	return 0;
}

static const char *const months_pt[] = { "janeiro", "fevereiro", "março", "abril", "maio", "junho",
	"julho", "agosto", "setembro", "outubro", "novembro", "dezembro" };
static const char *const months_en[] = { "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December" };

/* Appends the first n bytes of s to out (size outlen, *used so far), truncating and
 * NUL-terminating like snprintf.  tz_date_words is called for every date of a page (a plan of
 * 2,000 commitments has as many), so it does without snprintf's format parsing. */
static void
date_put(char *out, size_t outlen, size_t *used, const char *s, size_t n)
{
	if (*used + 1 >= outlen)
		return;
	if (n > outlen - 1 - *used)
		n = outlen - 1 - *used;
	memcpy(out + *used, s, n);
	*used += n;
	out[*used] = '\0';
}

/* Appends v in decimal (as %d). */
static void
date_put_int(char *out, size_t outlen, size_t *used, int v)
{
	char         b[16], *p = b + sizeof b;
	unsigned int u = v < 0 ? 0u - (unsigned int)v : (unsigned int)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	date_put(out, outlen, used, p, (size_t)(b + sizeof b - p));
}

void
tz_date_words(const char *iso, int en, char *out, size_t outlen)
{
	int         y = 0, m = 0, d = 0;
	size_t      len = strlen(iso), n = 0;
	const char *month, *sep = en ? " " : " de ";

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (len >= 4)
		y = valid_digits(iso, 4);
	if (len >= 7)
		m = valid_digits(iso + 5, 2);
	if (len >= 10)
		d = valid_digits(iso + 8, 2);
	if (m < 1 || m > 12) {
		date_put(out, outlen, &n, iso, len < 10 ? len : 10);
		return;
	}
	month = en ? months_en[m - 1] : months_pt[m - 1];
	if (d >= 1 && d <= 31) {
		date_put_int(out, outlen, &n, d);
		date_put(out, outlen, &n, sep, strlen(sep));
	}
	date_put(out, outlen, &n, month, strlen(month));
	date_put(out, outlen, &n, sep, strlen(sep));
	date_put_int(out, outlen, &n, y);
}
