/* rollup: progress from the store's milestone aggregates (see rollup.h). */
#include <stdlib.h>

#include <sqlite3.h>

#include "store/rollup.h"

/* Orders two rollup_idref by id. */
static int
cmp_idref(const void *a, const void *b)
{
	const struct rollup_idref *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

void
rollup_idrefs_sort(struct rollup_idref *v, size_t n)
{
	if (n > 0)
		qsort(v, n, sizeof *v, cmp_idref);
}

void *
rollup_idref_find(const struct rollup_idref *v, size_t n, long long id)
{
	struct rollup_idref        key = { id, NULL };
	const struct rollup_idref *hit;

	if (n == 0)
		return NULL;
	hit = bsearch(&key, v, n, sizeof *v, cmp_idref);
	return hit != NULL ? hit->p : NULL;
}

void
rollup_ms_agg(sqlite3_stmt *s, int i, struct progress *p)
{
	progress_init(p);
	p->total = sqlite3_column_int(s, i + AGG_TOTAL);
	p->known = sqlite3_column_int(s, i + AGG_KNOWN);
	p->sum = sqlite3_column_double(s, i + AGG_SUM);
	p->undated = sqlite3_column_int(s, i + AGG_UNDATED);
	progress_span(p, db_text(s, i + AGG_AS_OF_MIN));
	progress_span(p, db_text(s, i + AGG_AS_OF));
}

size_t
rollup_plans(enum stmt st, long long *ids, struct progress *roll, size_t max)
{
	sqlite3_stmt        *s = db_stmt(st);
	struct progress      part, *r = NULL;
	struct rollup_idref *byid;
	long long            pid, last = 0;
	size_t               i, n = 0;

	while (db_step(s) == SQLITE_ROW && n < max)
		ids[n++] = sqlite3_column_int64(s, PLANS_ID); /* XP_ID too */
	s = db_stmt(ST_ROLLUP);
	for (i = 0; i < n; i++)
		progress_init(&roll[i]);
	/* The plan of each commitment by a binary search (the rows come by plan): a walk
	 * through the plans for each commitment was 22,000 x 500 steps at 10x. */
	if ((byid = calloc(n + 1, sizeof *byid)) == NULL) {
		sqlite3_reset(s);
		return n;
	}
	for (i = 0; i < n; i++)
		byid[i] = (struct rollup_idref){ ids[i], &roll[i] };
	rollup_idrefs_sort(byid, n);
	while (db_step(s) == SQLITE_ROW) {
		pid = sqlite3_column_int64(s, ROLLUP_PLAN);
		if (r == NULL || pid != last)
			r = rollup_idref_find(byid, n, pid);
		last = pid;
		if (r == NULL)
			continue;
		rollup_ms_agg(s, ROLLUP_AGG, &part);
		progress_add_rollup(r, &part);
	}
	free(byid);
	return n;
}
