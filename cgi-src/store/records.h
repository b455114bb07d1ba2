/* records: the statements of the consultations held elsewhere (consultation_record,
 * migration 11) and of what an event page says beyond its own row: its status, how sure
 * its dates are, its organiser, plan and commitments.  The table store_records is
 * STORE_RO: prepared with the public statements on the worker's read-only connection. */
#ifndef ABERTA_RECORDS_H
#define ABERTA_RECORDS_H
#include <sqlite3.h>

/* The statements; ?1 is the parameter named. */
enum rc_stmt {
	RC_RECORDS,    /* every consultation record, latest first, undated last */
	RC_DUPLICATE,  /* ?1 consultation id: 1 when a record repeats it (below) */
	RC_EVENT,      /* ?1 event id: its status, date confidence, organiser and plan */
	RC_EVENT_CMTS, /* ?1 event id: the commitments it belongs to, by OGP id */
	RC_EVENT_ORGS, /* ?1 event id: its co-organising bodies, in the source's order */
	RC__MAX
};

/* RC_RECORDS: RR_ORG_* and RR_PLAN_* are NULL without an organiser or a plan;
 * RR_SOURCES holds "address<TAB>title" lines. */
enum {
	RR_SLUG,
	RR_TITLE_PT,
	RR_TITLE_EN,
	RR_OPENS,
	RR_CLOSES,
	RR_DATES_CONF,
	RR_STATUS,
	RR_WHERE,
	RR_ORG_SLUG,
	RR_ORG_ACRONYM,
	RR_ORG_NAME_PT,
	RR_ORG_NAME_EN,
	RR_DESC_PT,
	RR_DESC_EN,
	RR_OUT_PT,
	RR_OUT_EN,
	RR_COMMENTS,
	RR_PLAN_NUMBER,
	RR_PLAN_PT,
	RR_PLAN_EN,
	RR_SOURCES
};
/* RC_DUPLICATE: a consultation of this site repeats a record when both close the same
 * day (its UTC day) and are about the same plan (or it names none), and nobody sent it
 * anything (no submission in any state): the record is then the one listed. */
enum { RD_DUPLICATE };
/* RC_EVENT: RE_ORG_* NULL without organiser_id, RE_PLAN_* without plan_id. */
enum {
	RE_STATUS,
	RE_DATE_CONF,
	RE_ORG_SLUG,
	RE_ORG_ACRONYM,
	RE_ORG_NAME_PT,
	RE_ORG_NAME_EN,
	RE_PLAN_NUMBER,
	RE_PLAN_PT,
	RE_PLAN_EN
};
/* RC_EVENT_CMTS */
enum { RM_OGP_ID, RM_TITLE_PT, RM_TITLE_EN };
/* RC_EVENT_ORGS */
enum { RO_SLUG, RO_ACRONYM, RO_NAME_PT, RO_NAME_EN };

/* Returns statement id, reset and with its bindings cleared (store_stmt). */
sqlite3_stmt *rc_stmt(enum rc_stmt id);

#endif
