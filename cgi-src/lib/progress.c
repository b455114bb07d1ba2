#include <math.h>
#include <string.h>

#include "lib/progress.h"

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
