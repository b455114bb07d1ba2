/* When an email alert is due (see followtime.h). */
#include <string.h>
#include <time.h>

#include "lib/followtime.h"
#include "lib/tztime.h"
#include "lib/valid.h"

/* The frequencies' names, in enum follow_freq's order. */
static const char *const names[] = { "immediate", "daily", "weekly" };

int
follow_freq_parse(const char *s, enum follow_freq *f)
{
	size_t i;

	for (i = 0; s != NULL && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (enum follow_freq)i;
			return 0;
		}
	return -1;
}

const char *
follow_freq_name(enum follow_freq f)
{
	return names[f];
}

int
follow_hour_parse(const char *s, int *hour)
{
	long long h;

	if (s == NULL || *s == '\0') {
		*hour = FOLLOW_HOUR;
		return 0;
	}
	if (valid_int(s, 0, 23, &h) != 0)
		return -1;
	*hour = (int)h;
	return 0;
}

/* Sets *t to hour:00 of Lisbon's clock on the calendar day that is back days before
 * the day of local (a broken-down Lisbon time): the day is counted on the calendar
 * (UTC noon, no zone), then read on Lisbon's clock.  Returns 0 or -1. */
static int
hour_of_day(const struct tm *local, int back, int hour, time_t *t)
{
	struct tm day = { 0 }, wall = { 0 };
	time_t    noon;

	day.tm_year = local->tm_year;
	day.tm_mon = local->tm_mon;
	day.tm_mday = local->tm_mday - back;
	day.tm_hour = 12;
	noon = timegm(&day);
	if (gmtime_r(&noon, &day) == NULL)
		return -1;
	wall.tm_year = day.tm_year;
	wall.tm_mon = day.tm_mon;
	wall.tm_mday = day.tm_mday;
	wall.tm_hour = hour;
	return tz_utc(NULL, &wall, t);
}

int
follow_digest_slot(enum follow_freq f, int hour, time_t now, time_t *slot)
{
	struct tm local;
	int       back, step;

	if ((f != FOLLOW_DAILY && f != FOLLOW_WEEKLY) || hour < 0 || hour > 23 ||
	    tz_local(NULL, now, &local) != 0)
		return -1;
	/* Today (daily) or the Monday of this week (weekly); a week or a day earlier when
	 * that moment is still to come. */
	back = f == FOLLOW_WEEKLY ? (local.tm_wday + 6) % 7 : 0;
	step = f == FOLLOW_WEEKLY ? 7 : 1;
	if (hour_of_day(&local, back, hour, slot) != 0)
		return -1;
	if (*slot > now && hour_of_day(&local, back + step, hour, slot) != 0)
		return -1;
	return 0;
}

int
follow_digest_due(enum follow_freq f, int hour, time_t sent, time_t now)
{
	time_t slot;

	return follow_digest_slot(f, hour, now, &slot) == 0 && sent < slot;
}

int
follow_batch_due(time_t oldest, time_t newest, time_t now)
{
	return now - newest >= FOLLOW_QUIET || now - oldest >= FOLLOW_MAXWAIT;
}
