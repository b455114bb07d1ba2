/* followtime: when an email alert is due (`aberta-admin follow send`, store/followsend.h),
 * as pure functions of the clock they are given.
 *
 * "As it happens" (immediate): the changes waiting for a subscription go out together
 * once the newest of them is FOLLOW_QUIET seconds old (an editing session is over: one
 * session, one email), or once the oldest has waited FOLLOW_MAXWAIT seconds (a session
 * that never pauses is still told).  Digests: daily at a fixed hour of Lisbon's wall
 * clock (ABERTA_DIGEST_HOUR, default FOLLOW_HOUR), weekly on Mondays at that hour; a
 * digest is due when its last message (or mark) is older than the latest such moment,
 * so a run that was missed (the machine was down at the hour) sends it at the next
 * run, and never twice for one moment.  The hour is the wall clock's through both
 * changes of the clock: an hour skipped in spring is taken as the moment the clock
 * jumps (lib/tztime.h tz_utc), an hour shown twice in autumn at its first showing. */
#ifndef ABERTA_FOLLOWTIME_H
#define ABERTA_FOLLOWTIME_H
#include <time.h>

#define FOLLOW_QUIET   300  /* seconds without a change that end a batch */
#define FOLLOW_MAXWAIT 1800 /* seconds the oldest change of a batch waits at most */
#define FOLLOW_HOUR    8    /* the digests' hour of Lisbon's clock when none is set */

/* How often a subscription is told (subscription.frequency). */
enum follow_freq { FOLLOW_IMMEDIATE, FOLLOW_DAILY, FOLLOW_WEEKLY };

/* Parses "immediate", "daily", "weekly" into *f.  Returns 0 or -1. */
int follow_freq_parse(const char *s, enum follow_freq *f);
/* The name of f as subscription.frequency stores it. */
const char *follow_freq_name(enum follow_freq f);
/* Reads the digests' hour from the setting s (ABERTA_DIGEST_HOUR): NULL or empty gives
 * FOLLOW_HOUR, else a whole number 0..23.  Returns 0 with it in *hour, or -1. */
int follow_hour_parse(const char *s, int *hour);
/* Sets *slot to the latest moment at or before now when a digest of f (FOLLOW_DAILY or
 * FOLLOW_WEEKLY) is due: hour:00 of Lisbon's clock, that day or the Monday of that
 * week.  Returns 0, or -1 for FOLLOW_IMMEDIATE, an hour outside 0..23 or a tz database
 * without Europe/Lisbon. */
int follow_digest_slot(enum follow_freq f, int hour, time_t now, time_t *slot);
/* 1 when a digest of f whose last message or mark was at sent (0: never) is due at now
 * (sent is before the latest slot), else 0 (also on follow_digest_slot's errors). */
int follow_digest_due(enum follow_freq f, int hour, time_t sent, time_t now);
/* 1 when a batch of changes made between oldest and newest is due at now: newest is
 * FOLLOW_QUIET old, or oldest FOLLOW_MAXWAIT old; else 0. */
int follow_batch_due(time_t oldest, time_t newest, time_t now);

#endif
