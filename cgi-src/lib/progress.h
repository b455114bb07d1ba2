/*
 * progress: the one formula for progress, used for commitments, plans and bodies.
 *
 * A commitment's progress is the plain average of the progress (0-100) of those of its
 * milestones whose progress is recorded, each milestone weighing the same.  Milestones
 * with no recorded progress are left out and counted as "not reported"; a commitment with
 * none reported has no data (never 0%).  A roll-up (a plan, a body) is the plain average
 * of the progress of its commitments that have data, computed the same way.  A figure
 * rests on dated and undated figures: it keeps the span of their dates (earliest and
 * latest) and counts those without a date; the date a row was imported is never one.
 */
#ifndef ABERTA_PROGRESS_H
#define ABERTA_PROGRESS_H

struct progress {
	int    known;         /* parts with data */
	int    total;         /* parts in all */
	double sum;           /* sum of the parts' percentages */
	char   as_of[11];     /* latest date (ISO prefix) of the figures with data, or "" */
	char   as_of_min[11]; /* earliest date of the figures with data, or "" */
	int    undated;       /* figures with data but without a date */
};

/* Starts an empty accumulator. */
void progress_init(struct progress *p);
/* Adds one part: pct is its percentage, or negative for "no data"; date may be NULL
 * (counted in undated when pct is data). */
void progress_add(struct progress *p, double pct, const char *date);
/* Adds a finished commitment-level figure as one part of a roll-up: its average, the
 * span of its dates and its undated figures. */
void progress_add_rollup(struct progress *p, const struct progress *part);
/* Widens p's span of dates (as_of_min .. as_of) to take in date (ISO, at least a year;
 * NULL or shorter: nothing). */
void progress_span(struct progress *p, const char *date);
/* Returns 1 when at least half of the parts have data (a large bar may be shown). */
int progress_half_known(const struct progress *p);
/* Returns 1 if there is any data. */
int progress_has_data(const struct progress *p);
/* The rounded percentage 0-100; only meaningful when progress_has_data(). */
int progress_percent(const struct progress *p);

/* Whether a milestone is overdue on today (YYYY-MM-DD): its planned_end (YYYY, YYYY-MM
 * or YYYY-MM-DD) has passed, i.e. the whole year, month or day is over, and it is neither
 * at progress 100 nor of status "complete".  progress: the figure, or negative when none;
 * planned_end NULL or of another length: 0.  The same rule in SQL, for counts (?today a
 * YYYY-MM-DD text):
 *   m.planned_end IS NOT NULL AND length(m.planned_end) IN (4, 7, 10)
 *   AND substr(?today, 1, length(m.planned_end)) > m.planned_end
 *   AND coalesce(m.progress, -1) <> 100 AND coalesce(m.status, '') <> 'complete' */
int progress_overdue(const char *planned_end, int progress, const char *status, const char *today);

/* "Stale", the one definition shared by the admin lists, the workspace and the reporting
 * rounds: a milestone that is neither complete nor withdrawn (by its status) whose
 * progress figure is missing, undated, or dated more than PROGRESS_STALE_DAYS days before
 * today.  A date of a year or a month stands for its last day (2025 is 2025-12-31, 2025-02
 * is 2025-02-28): the figure may be that recent, so it is stale only once that day is more
 * than PROGRESS_STALE_DAYS days old. */
#define PROGRESS_STALE_DAYS 180
/* The same number as text, for SQL and the staff's labels. */
#define PROGRESS_STALE_DAYS_TEXT PROGRESS_STR(PROGRESS_STALE_DAYS)
#define PROGRESS_STR(x)          PROGRESS_STR_(x)
#define PROGRESS_STR_(x)         #x

/* Whether a milestone is stale on today (YYYY-MM-DD; anything else: 0).  status may be
 * NULL; progress: the figure, or negative when none; as_of: the figure's date (YYYY,
 * YYYY-MM or YYYY-MM-DD), NULL or of another form counting as undated.  The same rule in
 * SQL (?today a YYYY-MM-DD text; 180 is PROGRESS_STALE_DAYS; the period of a year or a
 * month ends before the threshold day exactly when it is before that day's year or month):
 *   coalesce(m.status, '') NOT IN ('complete', 'withdrawn') AND (m.progress IS NULL
 *   OR coalesce(length(m.progress_as_of), 0) NOT IN (4, 7, 10)
 *   OR m.progress_as_of < substr(date(?today, '-180 days'), 1, length(m.progress_as_of))) */
int progress_stale(const char *status, int progress, const char *as_of, const char *today);

#endif
