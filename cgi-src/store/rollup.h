/* rollup: the progress of commitments, plans and bodies as the store gives it: the
 * milestone aggregates of a row (MS_AGG in db.c), the roll-up of every plan, and the index
 * by id that finds the row a second statement's row belongs to.  The pages, the JSON and
 * CSV and the bulk tables all read progress through these (the formula: progress.h).
 * The names keep the page_ prefix of view/page.h, where they lived. */
#ifndef ABERTA_ROLLUP_H
#define ABERTA_ROLLUP_H
#include <stddef.h>

#include "lib/progress.h"
#include "store/db.h"

/* Reads the milestone aggregate columns starting at column i (MS_AGG in db.c, the AGG_
 * columns of db.h). */
void rollup_ms_agg(sqlite3_stmt *s, int i, struct progress *p);
/* Reads the plan ids of statement st (ST_PLANS or ST_X_PLANS; at most max rows) into
 * ids and computes the progress roll-up of each plan ids[i] into roll[i] (see
 * progress.h).  Returns how many plans were read; the caller steps st again, in the
 * same order, for the rest. */
size_t rollup_plans(enum stmt st, long long *ids, struct progress *roll, size_t max);

/* An id and what belongs to it: to find, for each row of a second statement, the row
 * of the first that it belongs to (a plan's commitments and their lead bodies) in
 * O(log n) instead of a walk through every row. */
struct rollup_idref {
	long long id;
	void     *p;
};
/* Sorts v by id. */
void rollup_idrefs_sort(struct rollup_idref *v, size_t n);
/* Returns the p of id in v (sorted by rollup_idrefs_sort), or NULL. */
void *rollup_idref_find(const struct rollup_idref *v, size_t n, long long id);

#endif
