/*
 * followstats: the statements of the staff's page of email alerts
 * (admin/admin_subscriptions.c): how many addresses follow what, at which frequency,
 * confirmed or waiting, the addresses disabled after refused mail, the alerts queued and
 * the messages waiting for followers; and, for an administrator answering a data
 * request, one address's subscriptions (store/follow.h keeps them; migration 16).
 * Counts only, except FS_FOLLOWER and FS_SUBS, which read one address the caller gives.
 */
#ifndef ABERTA_FOLLOWSTATS_H
#define ABERTA_FOLLOWSTATS_H
#include <sqlite3.h>

enum followstats_stmt {
	FS_TOTALS,   /* one row at unix time ?1: FST_ columns */
	FS_FREQ,     /* one row a frequency, immediate, daily, weekly: FSQ_ columns */
	FS_THINGS,   /* one row a followed thing, most confirmed first, at most ?1 rows, with
		      * the number of all of them: FSG_ columns */
	FS_FOLLOWER, /* the address ?1 (lower case): FSF_ columns; no row when none */
	FS_SUBS,     /* follower ?1's subscriptions, oldest first: FSS_ columns */
	FS__MAX
};

/* The columns of FS_TOTALS: addresses, of them disabled, of them with refusals but not
 * disabled; subscriptions confirmed, waiting for confirmation; alerts queued (follow_sent)
 * in the last 24 hours and the changes they told, the same in the last 7 days; messages
 * waiting in the outbox for followers, of them with failed attempts, the oldest's
 * creation (ISO 8601 UTC, NULL when none). */
enum {
	FST_ADDRS,
	FST_DISABLED,
	FST_FAILING,
	FST_ACTIVE,
	FST_WAITING,
	FST_DAY,
	FST_DAY_ITEMS,
	FST_WEEK,
	FST_WEEK_ITEMS,
	FST_OUTBOX,
	FST_OUTBOX_RETRY,
	FST_OUTBOX_OLDEST
};
/* The columns of FS_FREQ: the frequency (its code), confirmed subscriptions, waiting ones, confirmed
 * ones of disabled addresses. */
enum { FSQ_FREQ, FSQ_ACTIVE, FSQ_WAITING, FSQ_DISABLED };
/* The columns of FS_THINGS: the kind (its code: site, plan, commitment, entity), its id (NULL for
 * the site), its name in Portuguese and its public page (NULL both when the record is
 * gone); confirmed, waiting, confirmed immediate, daily, weekly, confirmed of disabled
 * addresses; how many things are followed in all. */
enum {
	FSG_KIND,
	FSG_ID,
	FSG_NAME,
	FSG_PATH,
	FSG_ACTIVE,
	FSG_WAITING,
	FSG_IMMEDIATE,
	FSG_DAILY,
	FSG_WEEKLY,
	FSG_DISABLED,
	FSG_ALL
};
/* The columns of FS_FOLLOWER: its id, first asked (ISO 8601 UTC), refusals in a row,
 * disabled at (NULL: not), the last refusal (NULL: none), messages waiting for it. */
enum { FSF_ID, FSF_CREATED, FSF_FAILURES, FSF_DISABLED, FSF_WHY, FSF_OUTBOX };
/* The columns of FS_SUBS: kind, name, public page (as FS_THINGS), language in words, frequency
 * and status (their codes), asked, confirmed (NULL: not yet), last message (ISO 8601 UTC, NULL: none). */
enum {
	FSS_KIND,
	FSS_NAME,
	FSS_PATH,
	FSS_LANG,
	FSS_FREQ,
	FSS_STATUS,
	FSS_CREATED,
	FSS_CONFIRMED,
	FSS_SENT
};

/* Statement id of the writable connection, reset and with its bindings cleared. */
sqlite3_stmt *followstats_stmt(enum followstats_stmt id);

#endif
