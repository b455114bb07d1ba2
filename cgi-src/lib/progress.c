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
	if (date != NULL && strlen(date) >= 4 && strncmp(date, p->as_of, 10) > 0)
		progress_set_as_of(p, date);
}

void
progress_set_as_of(struct progress *p, const char *date)
{
	size_t n;

	if (date == NULL)
		return;
	n = strnlen(date, sizeof p->as_of - 1);
	memcpy(p->as_of, date, n);
	p->as_of[n] = '\0';
}

void
progress_add_rollup(struct progress *p, const struct progress *part)
{
	if (progress_has_data(part))
		progress_add(p, part->sum / part->known, part->as_of);
	else
		progress_add(p, -1, NULL);
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
