/*
 * links_report: the statements of the staff's links page (admin/admin_links.c): the
 * latest link check's summary, and an outside address it found broken or redirected,
 * once for each record that uses it (the list of those addresses, searched and paged, is
 * store/adminlist.h's).
 */
#ifndef ABERTA_LINKS_REPORT_H
#define ABERTA_LINKS_REPORT_H
#include <sqlite3.h>

enum links_report_stmt {
	LR_SUMMARY, /* the latest check and the counts by result: LRS_ columns */
	LR_USES,    /* address ?1 as the check found it, one row per record that
				 * uses it: LRU_ columns */
	LR__MAX
};

/* The columns of LR_SUMMARY: when, how many addresses, broken, redirected. */
enum { LRS_AT, LRS_COUNT, LRS_BROKEN, LRS_REDIRECT };
/* The columns of LR_USES: the address, its result, HTTP status, final address,
 * failure, detail, when checked, broken since, archived at; where it sits in the
 * record (url_use.field), the record's public page, its name, its edit form. */
enum {
	LRU_URL,
	LRU_RESULT,
	LRU_STATUS,
	LRU_FINAL,
	LRU_FAILURE,
	LRU_DETAIL,
	LRU_CHECKED,
	LRU_SINCE,
	LRU_ARCHIVED,
	LRU_FIELD,
	LRU_PAGE,
	LRU_WHAT,
	LRU_EDIT
};

/* Statement id of the writable connection, reset and with its bindings cleared. */
sqlite3_stmt *links_report_stmt(enum links_report_stmt id);

#endif
