#include <math.h>
#include <string.h>

#include "lib/progress.h"
#include "lib/valid.h"

void
progress_init(struct progress *p)
{
	memset(p, 0, sizeof *p);
}

void
progress_add(struct progress *p, double pct, const char *date)
{
	p->total++;
	if (pct < 0 || pct > 100 || isnan(pct))
		return;
	p->known++;
	p->sum += pct;
	if (date == NULL || strlen(date) < 4)
		p->undated++;
	else
		progress_span(p, date);
}

/* Copies the first 10 bytes of date into a date field of struct progress. */
static void
set_date(char dst[11], const char *date)
{
	size_t n = strnlen(date, 10);

	memcpy(dst, date, n);
	dst[n] = '\0';
}

void
progress_span(struct progress *p, const char *date)
{
	if (date == NULL || strlen(date) < 4)
		return;
	if (strncmp(date, p->as_of, 10) > 0)
		set_date(p->as_of, date);
	if (p->as_of_min[0] == '\0' || strncmp(date, p->as_of_min, 10) < 0)
		set_date(p->as_of_min, date);
}

void
progress_add_rollup(struct progress *p, const struct progress *part)
{
	p->total++;
	if (!progress_has_data(part))
		return;
	p->known++;
	p->sum += part->sum / part->known;
	p->undated += part->undated;
	progress_span(p, part->as_of_min);
	progress_span(p, part->as_of);
}

int
progress_half_known(const struct progress *p)
{
	return p->total > 0 && p->known * 2 >= p->total;
}

int
progress_has_data(const struct progress *p)
{
	return p->known > 0;
}

int
progress_percent(const struct progress *p)
{
	if (p->known == 0)
		return 0;
	return (int)lround(p->sum / p->known);
}

int
progress_overdue(const char *planned_end, int progress, const char *status, const char *today)
{
	size_t n;

	if (planned_end == NULL || today == NULL || progress == 100 ||
	    (status != NULL && strcmp(status, "complete") == 0))
		return 0;
	n = strlen(planned_end);
	if (n != 4 && n != 7 && n != 10)
		return 0;
	/* The period is over when today, cut to the same precision, is after it. */
	return strncmp(today, planned_end, n) > 0;
}

/* Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian; m may be 13, the
 * January of the next year). */
static long
days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	if (m > 12) {
		y++;
		m -= 12;
	}
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The last day a date of a year, a month or a day stands for, in days from 1970-01-01;
 * returns 0 and sets *day, or -1 when date is not of those forms. */
static int
date_last_day(const char *date, long *day)
{
	size_t len = date != NULL ? strlen(date) : 0;
	int    y, m = 12, d = 0;

	if ((len != 4 && len != 7 && len != 10) || (y = valid_digits(date, 4)) < 0 ||
	    (len >= 7 && (date[4] != '-' || (m = valid_digits(date + 5, 2)) < 0)) ||
	    (len == 10 && (date[7] != '-' || (d = valid_digits(date + 8, 2)) < 1)) || m < 1 ||
	    m > 12 || d > 31)
		return -1;
	/* A year or a month ends the day before the next one starts. */
	*day = d > 0 ? days_from_civil(y, m, d) : days_from_civil(y, m + 1, 1) - 1;
	return 0;
}

int
progress_stale(const char *status, int progress, const char *as_of, const char *today)
{
	long now, dated;

	if (today == NULL || strlen(today) != 10 || date_last_day(today, &now) != 0)
		return 0;
	if (status != NULL && (strcmp(status, "complete") == 0 || strcmp(status, "withdrawn") == 0))
		return 0;
	if (progress < 0 || date_last_day(as_of, &dated) != 0)
		return 1;
	return dated < now - PROGRESS_STALE_DAYS;
}
