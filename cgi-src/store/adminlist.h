/*
 * adminlist: the queries of the staff's lists (admin/admin_lists.c and the other list
 * pages): the records of each kind, the member editors' drafts, the accounts, the logs,
 * the links found broken and the citizens' submissions, searched, filtered, sorted and
 * read one page at a time, with their counts.
 *
 * A list's query is put together from fixed SQL texts of this module alone, each chosen
 * by an enum: the list's rows (FROM), the member editor's scope, the search, one
 * condition per filter, the order.  Every value the request brings (the search text,
 * a plan, a status, the page) is bound to a named parameter (:q, :plan, :status...);
 * no text of the request ever becomes SQL.  The statement is prepared for the request
 * and finalized after it (adminlist_close).  The search is case-insensitive and ignores
 * the accents of Latin letters (both sides folded by the SQL function al_fold of this
 * module), the text matched anywhere in the list's label columns (LIKE, its % and _
 * escaped).  Overdue and stale follow lib/progress.h (progress_overdue, progress_stale).
 */
#ifndef ABERTA_ADMINLIST_H
#define ABERTA_ADMINLIST_H
#include <sqlite3.h>

#include "lib/domains.h"

#define AL_PER_PAGE 50  /* rows on one page */
#define AL_Q_MAX    200 /* longest search text, in bytes */
#define AL_SORTS    6   /* most orders of a list */

/* The lists. */
enum al_list {
	AL_PLANS,
	AL_COMMITMENTS,
	AL_MILESTONES,
	AL_ENTITIES,
	AL_EVENTS,
	AL_CONSULTATIONS,
	AL_PAGES,
	AL_REVIEWS,  /* member editors' drafts waiting for review */
	AL_USERS,    /* staff accounts */
	AL_SECURITY, /* the security and access log */
	AL_CHANGES,  /* the content changes (the revision log) */
	AL_PENDING,  /* the citizens' submissions waiting for moderation */
	AL_LINKS,    /* the outside addresses the link check found broken or redirected */
	AL__MAX
};

/* The filters; each is the URL parameter of the same name (adminlist_filter_name) and
 * binds the named parameter of that name. */
enum al_filter {
	ALF_PLAN,        /* plan=ID */
	ALF_COMMITMENT,  /* commitment=ID */
	ALF_LEAD,        /* lead=ID: a body leading the commitment */
	ALF_STATUS,      /* status=CODE, or "none": the record's status (commitments:
			  * self-reported) */
	ALF_OVERDUE,     /* overdue=1: overdue (commitments: with an overdue milestone) */
	ALF_STALE,       /* stale=1: stale (commitments: with a stale milestone) */
	ALF_MISSING,     /* missing=1: a text in one language only */
	ALF_UNCONFIRMED, /* unconfirmed=1: a fact unconfirmed or inferred */
	ALF_KIND,        /* kind=CODE */
	ALF_MEMBER,      /* member=1 or 0: a member of the network or not */
	ALF_YEAR,        /* year=YYYY */
	ALF_ROLE,        /* role=CODE: a staff role */
	ALF_USER,        /* user=LOGIN */
	ALF_FROM,        /* from=YYYY-MM-DD */
	ALF_TO,          /* to=YYYY-MM-DD */
	ALF_RESULT,      /* result=broken or redirect */
	ALF__MAX
};

/* What a list is asked for; the values are checked with adminlist_check first. */
struct al_query {
	enum al_list list;
	const char  *q;                /* the search text, or NULL */
	const char  *filter[ALF__MAX]; /* each filter's value, or NULL */
	int          sort;             /* one of the list's orders (adminlist_sort) */
	long long    body;             /* a member editor's body: only its commitments; 0: all */
	const char  *today;            /* YYYY-MM-DD, for overdue and stale */
	long long    now;  /* seconds since the epoch, for the accounts' open sessions */
	long long    page; /* from 1 */
};

/* The columns of the rows of each list (adminlist_rows): the row's key, then the list's
 * own columns (and last, hidden, the number of rows kept: adminlist_matched). */
enum { AL_KEY, AL__COLS };
/* AL_PLANS */
enum { ALP_TITLE = AL__COLS, ALP_NUMBER, ALP_STATUS, ALP_START, ALP_END, ALP_COUNT, ALP_UPDATED };
/* AL_COMMITMENTS: ALC_PROGRESS is the progress formula's percentage (NULL: no data). */
enum {
	ALC_TITLE = AL__COLS,
	ALC_OGP_ID,
	ALC_PLAN,
	ALC_LEADS,
	ALC_STATUS,
	ALC_MILESTONES,
	ALC_PROGRESS,
	ALC_OVERDUE,
	ALC_STALE,
	ALC_UPDATED
};
/* AL_MILESTONES: its commitment (ALM_CID, ALM_OGP_ID), ALM_OVERDUE and ALM_STALE 0 or 1. */
enum {
	ALM_TITLE = AL__COLS,
	ALM_CID,
	ALM_OGP_ID,
	ALM_POSITION,
	ALM_PLAN,
	ALM_STATUS,
	ALM_PROGRESS,
	ALM_AS_OF,
	ALM_END,
	ALM_OVERDUE,
	ALM_STALE
};
/* AL_ENTITIES */
enum { ALE_NAME = AL__COLS, ALE_ACRONYM, ALE_KIND, ALE_MEMBER, ALE_UPDATED };
/* AL_EVENTS */
enum { ALV_TITLE = AL__COLS, ALV_KIND, ALV_START, ALV_STATUS };
/* AL_CONSULTATIONS: opening and closing times (UTC). */
enum { ALK_TITLE = AL__COLS, ALK_OPENS, ALK_CLOSES };
/* AL_PAGES */
enum { ALG_TITLE = AL__COLS, ALG_SLUG, ALG_UPDATED };

/* AL_REVIEWS: when the draft was made, its author's body. */
enum { ALR_AT = AL__COLS, ALR_ENTITY };
/* AL_USERS: the columns of store/staff.h's SF_USER in its order (SFU_). */
/* AL_SECURITY, AL_CHANGES: when, who, what, the record, the detail. */
enum { ALA_AT = AL__COLS, ALA_WHO, ALA_WHAT, ALA_OBJECT, ALA_DETAIL };
/* AL_PENDING: the columns of store/moderation.h's MD_PENDING in its order (MDP_). */

/* AL_LINKS: the key is the address; its uses are store/links_report.h's LR_USES. */

/* The URL parameter of filter f ("plan"). */
const char *adminlist_filter_name(enum al_filter f);
/* 1 when list l offers filter f. */
int adminlist_has(enum al_list l, enum al_filter f);
/* The domain of the codes of filter f (ALF_STATUS, ALF_KIND, ALF_ROLE) on list l, or
 * DOM__MAX.  ALF_STATUS also takes "none": not recorded. */
enum dom adminlist_domain(enum al_list l, enum al_filter f);
/* 1 when list l has a search box. */
int adminlist_searchable(enum al_list l);
/* Checks value v of filter f of list l.  Returns NULL when it is acceptable, else what
 * is wrong with it (Portuguese, for the page). */
const char *adminlist_check(enum al_list l, enum al_filter f, const char *v);
/* Order i of list l (0: the default): its URL name ("title") and label, or NULL past
 * the last. */
const char *adminlist_sort(enum al_list l, int i, const char **label);
/* 1 when q has a search or a filter. */
int adminlist_filtered(const struct al_query *q);
/* Counts the rows of q into *n: those its search and filters keep (filtered 1), or
 * every row of its scope (filtered 0: a member editor's body, or the whole list).
 * Returns 0, or -1 when the database failed (recorded, db_failed). */
int adminlist_count(sqlite3 *rw, const struct al_query *q, int filtered, long long *n);
/* The rows of page q->page of q (AL_PER_PAGE at most), in q's order, ready to step with
 * db_step; NULL when the database failed (recorded).  adminlist_close ends it.  A page
 * past the last has no rows. */
sqlite3_stmt *adminlist_rows(sqlite3 *rw, const struct al_query *q);
/* The number of rows the search and the filters of the query keep, read from a row of
 * adminlist_rows; -1 when the query has neither (every row of its scope is kept). */
long long adminlist_matched(sqlite3_stmt *s);
/* Finalizes a statement of adminlist_rows (NULL: nothing). */
void adminlist_close(sqlite3_stmt *s);

#endif
