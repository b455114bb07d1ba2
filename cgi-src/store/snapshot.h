/*
 * snapshot: dated snapshots of a plan (migration 13).  Closing a reporting round freezes
 * the state of each plan it covers, its commitments and their milestones, as they stood
 * at one moment; the public reads it at /{lang}/plans/N/as-of/YYYY-MM-DD and it never
 * changes afterwards (the tables refuse updates).
 *
 * Moments.  A snapshot stands for a day, as_of, a date on Lisbon's wall clock (the
 * network's); the state frozen is the one at its moment, an instant in UTC: the last
 * second of that day in Lisbon, or the time of taking when that is earlier (a round
 * closed during the day it is dated).  A day after today (in Lisbon) has no state yet
 * and is refused.  taken_at is when the snapshot was taken, in UTC.
 *
 * The rebuild.  The state at a moment is rebuilt from the live rows and the revision log
 * (migration 2): for each field, the `before` of the first revision of that field made
 * after the moment when there is one, else the live value; rows whose creation was
 * logged after the moment are left out; a commitment is in the plan, and a milestone in
 * its commitment, by their plan_id and commitment_id at the moment.  The lead bodies are
 * rebuilt from the "leads" revisions of the relations page (acronym, or else name,
 * "; "-separated); the aggregates of the milestones by the formula of
 * commitment_progress (migration 11).  What the log cannot give back: a row deleted
 * since the moment (its deletion keeps no values: it is missing from the rebuild); a
 * change the log does not hold (a content import writes no revision: its values are
 * taken as they are now); a body's acronym or name (the rebuild names lead bodies as they
 * are called now unless a later "leads" revision holds the old line).  A snapshot taken
 * during its own day reads the live rows: nothing of the log is undone.
 */
#ifndef ABERTA_SNAPSHOT_H
#define ABERTA_SNAPSHOT_H
#include <stddef.h>
#include <sqlite3.h>
#include <time.h>

/* Inside the caller's open transaction on the writable connection rw, freezes plan
 * plan_id's commitments and milestones as of the Lisbon date as_of (YYYY-MM-DD, not
 * after today in Lisbon; rebuilt from the revision log at the moment described above)
 * under name (the round's name: UTF-8, 1 to 200 characters) and round round_id (<= 0:
 * none).
 * Returns the snapshot's id, or -1: a bad date or name, a day after today, an unknown
 * plan, a plan that already has a snapshot of that day (one a day: the address names
 * the day), or a database error (recorded; the caller rolls back). */
long long snapshot_take(
    sqlite3 *rw, long long plan_id, const char *as_of, long long round_id, const char *name);

/* Writes into moment (at least 21 bytes) the instant in UTC (YYYY-MM-DDTHH:MM:SSZ) whose
 * state a snapshot dated as_of (YYYY-MM-DD) taken at now freezes: the last second of
 * as_of in Lisbon, or now when earlier.  Returns 0, or -1 when as_of is not a date or is
 * after now's date in Lisbon. */
int snapshot_moment(const char *as_of, time_t now, char *moment, size_t len);

/* The columns of a snapshot's commitments: the rebuild (snapshot_state_commitments) and
 * the frozen rows (SN_COMMITMENTS) alike, in this order; SC_SUM is a real number, SC_ID,
 * SC_NUMBER, SC_SELF_PERCENT, SC_TOTAL, SC_KNOWN and SC_UNDATED integers, others text;
 * NULL where nothing is recorded.  SC_TOTAL to SC_UNDATED are in the order of db.h's
 * AGG_ columns, so rollup_ms_agg(s, SC_TOTAL, p) reads them. */
enum snapshot_ccol {
	SC_ID, /* commitment.id */
	SC_OGP_ID,
	SC_OGP_ID_CONFIDENCE,
	SC_NUMBER,
	SC_TITLE_PT,
	SC_TITLE_PT_KIND,
	SC_TITLE_PT_CONFIDENCE,
	SC_TITLE_EN,
	SC_TITLE_EN_KIND,
	SC_TITLE_EN_CONFIDENCE,
	SC_SELF_STATUS,
	SC_SELF_STATUS_DATE,
	SC_SELF_AS_OF_KIND,
	SC_SELF_PERCENT,
	SC_SELF_SOURCE,
	SC_SELF_CONFIDENCE,
	SC_LEADS, /* lead bodies, acronym or name, "; "-separated */
	SC_TOTAL, /* milestones */
	SC_KNOWN, /* with a figure */
	SC_SUM,   /* sum of the figures */
	SC_AS_OF, /* latest date of the figures */
	SC_AS_OF_MIN,
	SC_UNDATED, /* figures without a date */
	SC__N
};

/* The columns of a snapshot's milestones, rebuilt or frozen, in this order; SM_ID,
 * SM_COMMITMENT_ID, SM_POSITION and SM_PROGRESS integers, others text. */
enum snapshot_mcol {
	SM_ID, /* milestone.id */
	SM_COMMITMENT_ID,
	SM_POSITION,
	SM_TITLE_PT,
	SM_TITLE_PT_KIND,
	SM_TITLE_EN,
	SM_TITLE_EN_KIND,
	SM_STATUS,
	SM_PROGRESS,
	SM_PROGRESS_AS_OF,
	SM_PROGRESS_AS_OF_KIND,
	SM_PROGRESS_SOURCE,
	SM_PROGRESS_CONFIDENCE,
	SM_PLANNED_START,
	SM_PLANNED_END,
	SM_COMPLETED_ON,
	SM__N
};

/* The state of plan plan_id at moment (UTC, YYYY-MM-DDTHH:MM:SSZ) rebuilt from the
 * revision log, on the writable connection: its commitments (SC_ columns, by number,
 * then OGP id) and its milestones (SM_ columns, by their commitment's number and OGP id,
 * then position); bound and ready to step. */
sqlite3_stmt *snapshot_state_commitments(long long plan_id, const char *moment);
sqlite3_stmt *snapshot_state_milestones(long long plan_id, const char *moment);

/* The public reads, on the read-only connection. */
enum snapshot_stmt {
	SN_OF_PLAN,     /* ?1 plan number: its snapshots, newest first: SNL_ */
	SN_FIND,        /* ?1 plan number, ?2 as_of: the snapshot of that day: SNF_ */
	SN_COMMITMENTS, /* ?1 snapshot id: its commitments, SC_ columns, as the rebuild */
	SN_MILESTONES,  /* ?1 snapshot id: its milestones, SM_ columns, as the rebuild */
	SN__MAX
};
/* The columns of SN_OF_PLAN. */
enum { SNL_PLAN_NUMBER, SNL_AS_OF, SNL_NAME, SNL_TAKEN_AT };
/* The columns of SN_FIND. */
enum {
	SNF_ID,
	SNF_PLAN_NUMBER,
	SNF_PLAN_TITLE_PT,
	SNF_PLAN_TITLE_EN,
	SNF_AS_OF,
	SNF_MOMENT,
	SNF_TAKEN_AT,
	SNF_NAME
};
/* Statement id of the public reads, reset. */
sqlite3_stmt *snapshot_stmt(enum snapshot_stmt id);

#endif
