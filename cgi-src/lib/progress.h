/*
 * progress: the one formula for progress, used for commitments, plans and bodies.
 *
 * A commitment's progress is the plain average of the progress (0-100) of those of its
 * milestones whose progress is recorded, each milestone weighing the same.  Milestones
 * with no recorded progress are left out and counted as "not reported"; a commitment with
 * none reported has no data (never 0%).  A roll-up (a plan, a body) is the plain average
 * of the progress of its commitments that have data, computed the same way.  The date of
 * a figure is the latest date among the figures it comes from.
 */
#ifndef ABERTA_PROGRESS_H
#define ABERTA_PROGRESS_H

struct progress {
	int    known;     /* parts with data */
	int    total;     /* parts in all */
	double sum;       /* sum of the parts' percentages */
	char   as_of[11]; /* latest YYYY-MM-DD among the parts with data, or "" */
};

/* Starts an empty accumulator. */
void progress_init(struct progress *p);
/* Adds one part: pct is its percentage, or negative for "no data"; date may be NULL. */
void progress_add(struct progress *p, double pct, const char *date);
/* Adds a finished commitment-level figure as one part of a roll-up. */
void progress_add_rollup(struct progress *p, const struct progress *part);
/* Sets p's date to the first 10 bytes of date (as "%.10s"); NULL leaves it alone. */
void progress_set_as_of(struct progress *p, const char *date);
/* Returns 1 if there is any data. */
int progress_has_data(const struct progress *p);
/* The rounded percentage 0-100; only meaningful when progress_has_data(). */
int progress_percent(const struct progress *p);

#endif
