/*
 * dashboard: the statements of the staff's home page (admin/admin_home.c) that the lists
 * (store/adminlist.h) do not give: a member editor's own drafts, those its body may
 * still reach, and the oldest drafts waiting for review (not for member editors).  Its
 * counts of what needs attention are those of the lists, in the viewer's scope.
 */
#ifndef ABERTA_DASHBOARD_H
#define ABERTA_DASHBOARD_H
#include <sqlite3.h>

#define DASH_FIRST 10 /* drafts waiting for review shown on the home page */

enum dash_stmt {
	DS_OWN,     /* the drafts of staff member ?1 about commitments (or their
		     * milestones) that body ?2 leads or supports, newest first: DSO_ */
	DS_PENDING, /* the DASH_FIRST oldest drafts waiting for review: DSP_ */
	DS__MAX
};

/* The columns of each statement. */
enum { DSO_WHAT, DSO_AT, DSO_STATUS, DSO_COMMENT };
enum { DSP_WHAT, DSP_WHO, DSP_AT, DSP__N };

/* Statement id of the writable connection, reset and with its bindings cleared. */
sqlite3_stmt *dash_stmt(enum dash_stmt id);

#endif
