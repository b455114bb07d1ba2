/* followlist: the changes one run of `aberta-admin follow send` tells (store/changes.h
 * changes_list), read once for each thing and marks.  The subscriptions to one thing
 * told by the same run share their marks (sent_rev, sent_at) until they are told again,
 * and so share one list: the site's, read for each of its followers, took 8 ms a time
 * on the 1x data set.  A run tells the revision log up to the newest revision at its
 * start (rev) and time up to its now (until): a change saved while it runs is left to
 * the next run, whose marks start at rev. */
#ifndef ABERTA_FOLLOWLIST_H
#define ABERTA_FOLLOWLIST_H
#include <stddef.h>
#include <time.h>

#include "store/changes.h"

struct follow_lists;

/* The lists of a run that tells up to revision rev and time until.  NULL when memory
 * ran out.  Free with follow_lists_free. */
struct follow_lists *follow_lists_new(long long rev, long long until);
void                 follow_lists_free(struct follow_lists *l);
/* The changes of the thing kind, target after revision after_rev and time since, read
 * at the first call for them, oldest first: *ch (n of them, kept until the lists are
 * freed), with the time of their oldest and newest in *oldest and *newest (0 for one
 * whose time cannot be read: it counts as long waited).  Returns 0, or -1 on a
 * database error (recorded) or when memory ran out. */
int follow_lists_get(struct follow_lists *l, enum follow_kind kind, long long target,
    long long after_rev, long long since, const struct change **ch, size_t *n, time_t *oldest,
    time_t *newest);

#endif
