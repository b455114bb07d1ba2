/*
 * dashboard: the statements of the staff's home page (admin/admin_home.c): a member
 * editor's own drafts, the drafts waiting for review, commitments not updated for a
 * while, missing translations, late milestones and broken links.
 */
#ifndef ABERTA_DASHBOARD_H
#define ABERTA_DASHBOARD_H
#include <sqlite3.h>

enum dash_stmt {
	DS_OWN,     /* the drafts of staff member ?1, newest first: DSO_ */
	DS_PENDING, /* the drafts waiting for review, oldest first: DSP_ */
	DS_STALE,   /* commitments of open plans whose latest change (or their
				 * milestones') is before ?1: DSS_ */
	DS_MISSING, /* commitments with a text in one language only: DSM_ */
	DS_LATE,    /* unfinished milestones planned to end before ?1: DSL_ */
	DS_BROKEN,  /* addresses the link check found broken: DSB_ */
	DS__MAX
};

/* The columns of each statement. */
enum { DSO_WHAT, DSO_AT, DSO_STATUS, DSO_COMMENT };
enum { DSP_WHAT, DSP_WHO, DSP_AT, DSP__N };
enum { DSS_OGP_ID, DSS_TITLE, DSS_UPDATED, DSS__N };
enum { DSM_WHAT, DSM_FIELD, DSM__N };
enum { DSL_OGP_ID, DSL_POS, DSL_TITLE, DSL_END, DSL__N };
enum { DSB_URL, DSB_SINCE, DSB__N };

/* Statement id of the writable connection, reset and with its bindings cleared. */
sqlite3_stmt *dash_stmt(enum dash_stmt id);

#endif
