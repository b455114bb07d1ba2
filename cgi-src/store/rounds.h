/*
 * rounds: reporting rounds (migration 14).  Before each OGP report the focal point opens
 * a round: a name, a deadline (a Lisbon date: the last day to update) and the plans it
 * covers.  Its scope: the commitments of those plans, their milestones, the bodies that
 * lead or support them, and the member editors of those bodies (staff of role member,
 * not disabled, of the body).
 *
 * A body's state in a round: "updated" when a change to one of its commitments in scope
 * or to one of their milestones was saved between the opening and the closing (a
 * revision row with a staff id: an edit by staff, or a member's draft approved); else
 * "proposed" when one of its editors has a draft about one of them waiting for review;
 * else "not yet".
 *
 * The emails (roundmail.c): one to each editor of each body in scope, in Portuguese,
 * plain text with an HTML part, naming the body, the round, the deadline, and listing the
 * body's commitments and milestones in scope with what is overdue (progress_overdue) or
 * stale (progress_stale), each commitment with the link to its workspace
 * BASE/admin/commitments/N; no tracking of any kind.  They go through the outbox
 * (store/mail.h), in the transaction that decides them, and each email to a body is a
 * round_notice row (who got it, when).  Opening sends the first; the reminders go to the
 * bodies "not yet": automatically a week and a day before the deadline (round_remind_due,
 * run by `aberta-admin rounds remind` from a daily timer), each kind once a body (the
 * unique index of round_notice: a second run, or two at once, sends nothing), and by hand
 * from the round's board (round_remind_now: again to the same body only after
 * ROUND_MANUAL_GAP seconds, so that a double click sends one).
 *
 * Closing marks the round closed and takes the snapshot of each plan it covers
 * (store/snapshot.h) dated the Lisbon day of closing, in one transaction.
 *
 * Every function that depends on time takes now (tests move the clock); base is the
 * site's public address (ABERTA_BASE_URL) for the links of the emails.  The statements
 * are the store's table "rounds" (STORE_RW): rw is the connection store_prepare
 * prepared it on.  A failure is recorded (db_failed) and its transaction rolled back.
 */
#ifndef ABERTA_ROUNDS_H
#define ABERTA_ROUNDS_H
#include <sqlite3.h>
#include <time.h>

#include "lib/buf.h"

#define ROUND_NAME_MAX   200 /* bytes of a round's name */
#define ROUND_PLANS_MAX  16  /* plans one round covers at most */
#define ROUND_WEEK_DAYS  7   /* the first reminder: this many days before the deadline */
#define ROUND_DAY_DAYS   1   /* the last one */
#define ROUND_MANUAL_GAP 300 /* seconds before a body may be reminded by hand again */

enum round_state { ROUND_NOT_YET, ROUND_PROPOSED, ROUND_UPDATED };

/* The reads of the pages and the tests. */
enum round_stmt {
	RD_LIST,        /* every round, open ones first, then newest first: RDL_ */
	RD_ROUND,       /* round ?1: RDL_ */
	RD_PLANS,       /* every plan, by number, for the opening form: RDP_ */
	RD_ROUND_PLANS, /* the plans round ?1 covers, by number: RDP_ */
	RD_BODIES,      /* the bodies in the scope of round ?1 with their state, those "not yet"
			 * first, then by name: RDB_ */
	RD_EDITORS,     /* the member editors of body ?1, by name: RDE_ */
	RD_ITEMS,       /* the commitments of body ?2 in the scope of round ?1 by plan and
			 * number, one row a milestone by position (one row with RDI_MID NULL for
			 * a commitment without milestones): RDI_ */
	RD_NOTICES,     /* the emails of round ?1, newest first: RDN_ */
	RD__MAX
};
/* The columns of RD_LIST and RD_ROUND; RDL_PLANS: the numbers of its plans, "1, 2". */
enum {
	RDL_ID,
	RDL_NAME,
	RDL_DEADLINE,
	RDL_OPENED_AT,
	RDL_CLOSED_AT,
	RDL_CLOSED_ON,
	RDL_PLANS,
	RDL_OPENED_BY /* the opener's name, or NULL */
};
/* The columns of RD_PLANS and RD_ROUND_PLANS (RDP_TITLE: its title, else "N.º plano"). */
enum { RDP_ID, RDP_NUMBER, RDP_TITLE };
/* The columns of RD_BODIES: RDB_UPDATED and RDB_PROPOSED 0 or 1 (round_body_state reads
 * them), RDB_EDITORS its active member editors, RDB_COMMITMENTS its commitments in
 * scope, RDB_LAST_MANUAL the unix time of its last reminder by hand (NULL: none). */
enum {
	RDB_ID,
	RDB_NAME,
	RDB_ACRONYM,
	RDB_UPDATED,
	RDB_PROPOSED,
	RDB_EDITORS,
	RDB_COMMITMENTS,
	RDB_LAST_MANUAL
};
/* The columns of RD_EDITORS. */
enum { RDE_ID, RDE_NAME, RDE_LOGIN };
/* The columns of RD_ITEMS: the commitment (RDI_LEAD 1 when the body leads it), then the
 * milestone, NULL when it has none; RDI_PROGRESS NULL when no figure is recorded. */
enum {
	RDI_CID,
	RDI_OGP_ID,
	RDI_CTITLE,
	RDI_LEAD,
	RDI_MID,
	RDI_POSITION,
	RDI_MTITLE,
	RDI_STATUS,
	RDI_PROGRESS,
	RDI_AS_OF,
	RDI_END
};
/* The columns of RD_NOTICES: RDN_AT unix time, RDN_KIND open, week, day or manual,
 * RDN_RECIPIENTS "Name <address>" lines, RDN_STAFF who sent it (NULL: the timer). */
enum { RDN_AT, RDN_ENTITY, RDN_KIND, RDN_RECIPIENTS, RDN_STAFF };

/* Statement id of table "rounds", reset and with its bindings cleared. */
sqlite3_stmt *round_stmt(enum round_stmt id);
/* The state of the body of the current row of an RD_BODIES statement. */
enum round_state round_body_state(sqlite3_stmt *s);
/* Whether the milestone of the current row of an RD_ITEMS statement is overdue and
 * whether it is stale on today (YYYY-MM-DD); both 0 for a row without a milestone. */
void round_item_flags(sqlite3_stmt *s, const char *today, int *overdue, int *stale);
/* The days from today to deadline on the calendar (both YYYY-MM-DD; negative when the
 * deadline is past) into *days.  Returns 0, or -1 when either is not such a date. */
int round_days_left(const char *today, const char *deadline, long *days);
/* Writes the date of t on Lisbon's wall clock (YYYY-MM-DD) into day (11 bytes).
 * Returns 0 or -1. */
int round_day(time_t t, char *day);

/* What a sending did: the bodies emailed, the messages queued, and the bodies left out
 * (without an active editor; by hand: reminded less than ROUND_MANUAL_GAP ago, or named
 * but not "not yet"). */
struct round_sent {
	int bodies;
	int messages;
	int skipped;
};

/* Opens a round, by staff member staff_id at now, in one transaction: the round named
 * name (1 to ROUND_NAME_MAX bytes, checked by the caller) with deadline (YYYY-MM-DD),
 * covering the nplans plans of plans (ids), and the opening email to every editor of
 * every body in scope, counted in *sent.  Returns the round's id, 0 when a plan does not
 * exist (nothing written), or -1. */
long long round_open(sqlite3 *rw, const char *name, const char *deadline, const long long *plans,
    int nplans, long long staff_id, const char *base, time_t now, struct round_sent *sent);
/* Closes round id, by staff_id at now, in one transaction with a snapshot of each of its
 * plans dated the Lisbon day of now (written into as_of, 11 bytes).  Returns 0, 1 when
 * there is no such round or it is closed already, 2 when a snapshot was refused (a plan
 * has one of that day already: nothing written), or -1. */
int round_close(sqlite3 *rw, long long id, long long staff_id, time_t now, char *as_of);
/* The automatic reminders at now, in one transaction: for every open round whose
 * deadline is ROUND_DAY_DAYS or fewer days away on Lisbon's calendar (not past), the
 * "day" reminder; else, ROUND_WEEK_DAYS or fewer, the "week" one; each only when the
 * round opened before that day, to the bodies "not yet" that did not have it.  Counts in
 * *sent.  Returns 0 or -1. */
int round_remind_due(sqlite3 *rw, const char *base, time_t now, struct round_sent *sent);
/* A reminder by hand from staff_id at now, in one transaction: to body entity, or (0) to
 * every body, of round id that is "not yet"; a body reminded by hand less than
 * ROUND_MANUAL_GAP seconds ago, or (named) not "not yet", is skipped.  Counts in *sent.  Returns 0, 1 when the round does not exist
 * or is closed, 2 when body entity is not in its scope, or -1. */
int round_remind_now(sqlite3 *rw, long long id, long long entity, long long staff_id,
    const char *base, time_t now, struct round_sent *sent);

/* One email of a round to a body's editors (roundmail.c). */
struct round_msg {
	long long   round_id;
	const char *round_name;
	const char *deadline; /* YYYY-MM-DD */
	long long   entity_id;
	const char *body_name;
	const char *kind;  /* open, week, day or manual */
	const char *today; /* Lisbon date of the sending */
	const char *base;  /* the site's address, without a trailing slash */
};
/* Writes m's subject, plain text and HTML into the three buffers (appended; the
 * commitments from RD_ITEMS).  Returns 0, or -1 (memory or a database error). */
int round_mail_write(
    const struct round_msg *m, struct buf *subject, struct buf *text, struct buf *html);

#endif
