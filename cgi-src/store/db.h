/* db: the SQLite connection of a process, its migrations and its prepared statements. */
#ifndef ABERTA_DB_H
#define ABERTA_DB_H
#include <stddef.h>
#include <sqlite3.h>

/* Every statement the public site runs; SQL text in public.c, same order. */
enum stmt {
	ST_STATE,               /* content version and time of last change */
	ST_BEGIN,               /* a public page's read transaction (prepared once, like the */
	ST_COMMIT,              /* rest: sqlite3_exec would parse them on every request) */
	ST_PLANS,               /* every plan with its commitment count */
	ST_PLAN_BY_NUMBER,      /* one plan */
	ST_PLAN_COMMITMENTS,    /* commitments of a plan with milestone aggregates */
	ST_PLAN_LEADS,          /* lead bodies of every commitment of a plan */
	ST_ROLLUP,              /* milestone aggregates of every commitment, by plan */
	ST_PLAN_LINKS,          /* links of a plan */
	ST_COMMITMENT,          /* one commitment with its plan */
	ST_COMMITMENT_ENTITIES, /* leads and supporters of a commitment */
	ST_COMMITMENT_VALUES,   /* OGP values of a commitment */
	ST_COMMITMENT_AREAS,    /* policy areas of a commitment */
	ST_COMMITMENT_LINKS,    /* sources of a commitment */
	ST_MILESTONES,          /* milestones of a commitment */
	ST_MILESTONE_LINKS,     /* evidence of the milestones of a commitment */
	ST_ENTITIES,            /* every body, members first */
	ST_ENTITY,              /* one body by slug */
	ST_ENTITY_COMMITMENTS,  /* commitments a body leads or supports */
	ST_ENTITY_LINKS,        /* links of a body */
	ST_EVENTS,              /* every event, newest first */
	ST_EVENTS_UPCOMING,     /* events not yet over, soonest first */
	ST_EVENT,               /* one event */
	ST_EVENT_LINKS,         /* links of an event */
	ST_PAGE,                /* one text page */
	ST_COUNTS,              /* members, plans, commitments */
	ST_HISTORY_COMMITMENT,  /* the revisions of a commitment and its milestones */
	ST_HISTORY_PLAN,        /* the revisions of a plan and its commitments */
	ST_FEED_UPDATED,        /* a feed's record's own last change, for a feed without entries */
	ST_SITEMAP,             /* every record page: kind path, key, last change */
	ST_MS_CURRENT,          /* the milestones of a commitment: id, progress */
	ST_MS_PROGRESS_REVS,    /* the progress changes of its milestones, newest first */
	ST_SEARCH,              /* one page of search results, with snippets (facet.h) */
	ST_SEARCH_FACETS,       /* facet counts and the total of a search */
	ST_LISTING,             /* the commitments listing, filtered, with milestone aggregates */
	ST_LISTING_FACETS,      /* facet counts and the total of the listing */
	ST_LISTING_LEADS,       /* the lead bodies of every commitment */
	/* Open data (export_rows.c): the bulk tables and a listing's commitment rows. */
	ST_X_PLANS,               /* every plan, every column, with its commitment count */
	ST_X_COMMITMENTS,         /* every commitment, every column, milestone aggregates */
	ST_X_MILESTONES,          /* every milestone with its commitment's OGP id */
	ST_X_EVIDENCE,            /* the evidence addresses of one milestone */
	ST_X_ENTITIES,            /* every body, every column */
	ST_X_EVENTS,              /* every event, every column */
	ST_X_LINKS,               /* every link with the natural key of its owner */
	ST_X_POLICY_AREAS,        /* every policy area */
	ST_X_COMMITMENT_ENTITIES, /* leads and supporters of every commitment */
	ST_X_COMMITMENT_VALUES,   /* OGP values of every commitment */
	ST_X_COMMITMENT_AREAS,    /* policy areas of every commitment */
	ST_X_REVISIONS,           /* the revision log as the History pages show it */
	ST_X_PAGES,               /* every text page */
	ST_X_COMMITMENT_ROW,      /* one commitment by OGP id, as a plan lists it */
	ST_URL_STATE,             /* an outside address: broken since, archived copy and date */
	/* Co-creation (pages/consultations.c): consultations and what citizens sent. */
	ST_CONSULTATIONS,       /* every consultation, newest closing first, with counts */
	ST_CONSULTATION,        /* one consultation with its plan and commitment */
	ST_CONSULTATION_SUBS,   /* published and rejected submissions of a consultation */
	ST_COMMITMENT_SUBS,     /* published and rejected comments on a commitment */
	ST_COMMITMENT_ORIGINS,  /* published proposals taken up into a commitment */
	ST_X_CONSULTATIONS,     /* every consultation, every public column */
	ST_X_SUBMISSIONS,       /* every published or rejected submission, public columns */
	ST_FEED_SUBMISSIONS,    /* the latest published submissions and answers */
	ST_X_CONSULTATION_SUBS, /* ST_X_SUBMISSIONS of one consultation */
	ST__MAX
};

/*
 * The columns of the statements above, by name: a page reads db_text(s, PLAN_TITLE_PT),
 * never a number.  A layout that several statements share has one enum, named in the
 * comment of each statement that uses it.
 */

/* ST_STATE */
enum { STATE_VERSION, STATE_CHANGED };
/* ST_PLANS (rollup_plans reads PLANS_ID) */
enum {
	PLANS_ID,
	PLANS_NUMBER,
	PLANS_TITLE_PT,
	PLANS_TITLE_EN,
	PLANS_START,
	PLANS_END,
	PLANS_STATUS,
	PLANS_COUNT
};
/* ST_PLAN_BY_NUMBER */
enum {
	PLAN_ID,
	PLAN_NUMBER,
	PLAN_TITLE_PT,
	PLAN_TITLE_EN,
	PLAN_START,
	PLAN_END,
	PLAN_PUBLISHED,
	PLAN_COCREATION_PT,
	PLAN_COCREATION_EN,
	PLAN_SUMMARY_PT,
	PLAN_SUMMARY_EN,
	PLAN_DOC,
	PLAN_STATUS,
	PLAN_UPDATED,
	PLAN_NOTE_PT, /* a public note about the plan's data */
	PLAN_NOTE_EN,
	PLAN_PUBLISHED_CONF /* how sure the publication date is */
};
/* The milestone aggregates (MS_AGG in public.c), from a statement's *_AGG column on:
 * rollup_ms_agg reads them. */
enum { AGG_TOTAL, AGG_KNOWN, AGG_SUM, AGG_AS_OF, AGG_AS_OF_MIN, AGG_UNDATED };
/* A commitment as a list shows it (export_commitment_row): ST_LISTING and
 * ST_X_COMMITMENT_ROW, then the plan's number and MS_AGG; ST_PLAN_COMMITMENTS has the
 * columns up to LC_END, then MS_AGG at PC_AGG. */
enum { LC_ID, LC_OGP_ID, LC_NUMBER, LC_TITLE_PT, LC_TITLE_EN, LC_STATUS, LC_END, LC_PLAN, LC_AGG };
enum { PC_AGG = LC_END + 1 };
/* ST_PLAN_COMMITMENTS, after MS_AGG: how sure the titles and the OGP id are. */
enum { PC_TITLE_PT_CONF = PC_AGG + AGG_UNDATED + 1, PC_TITLE_EN_CONF, PC_OGP_CONF };
/* ST_LISTING, after MS_AGG: how sure the titles and the OGP id are (confidence codes). */
enum { LS_TITLE_PT_CONF = LC_AGG + AGG_UNDATED + 1, LS_TITLE_EN_CONF, LS_OGP_CONF };
/* The lead bodies of commitments: ST_PLAN_LEADS, ST_LISTING_LEADS (LEAD_CONF: how sure
 * the role is) */
enum { LEAD_CID, LEAD_SLUG, LEAD_ACRONYM, LEAD_NAME_PT, LEAD_NAME_EN, LEAD_CONF };
/* ST_ROLLUP */
enum { ROLLUP_PLAN, ROLLUP_ID, ROLLUP_AGG };
/* The links of a record (page_links): ST_PLAN_LINKS, ST_COMMITMENT_LINKS,
 * ST_ENTITY_LINKS, ST_EVENT_LINKS */
enum { LINK_KIND, LINK_URL, LINK_LABEL_PT, LINK_LABEL_EN };
/* ST_COMMITMENT; CM_SUMMARY_PT to CM_NOTE_EN are the fields export_commitment_fields
 * reads, in this order in ST_X_COMMITMENTS too. */
enum {
	CM_ID,
	CM_OGP_ID,
	CM_NUMBER,
	CM_TITLE_PT,
	CM_TITLE_EN,
	CM_SUMMARY_PT,
	CM_SUMMARY_EN,
	CM_PROBLEM_PT,
	CM_PROBLEM_EN,
	CM_START,
	CM_END,
	CM_SELF_STATUS,
	CM_SELF_DATE,
	CM_VERIFIABLE,
	CM_RELEVANT,
	CM_AMBITION,
	CM_POT_IMPACT,
	CM_POT_RESULTS,
	CM_PROMISING,
	CM_COMPLETION,
	CM_DIOG,
	CM_EARLY,
	CM_STARRED,
	CM_CLUSTER_PT,
	CM_CLUSTER_EN,
	CM_NOTE_PT,
	CM_NOTE_EN,
	CM_UPDATED,
	CM_PLAN_NUMBER,
	CM_PLAN_TITLE_PT,
	CM_PLAN_TITLE_EN
};
/* ST_COMMITMENT_ENTITIES */
enum { CE_ROLE, CE_SLUG, CE_ACRONYM, CE_NAME_PT, CE_NAME_EN };
/* ST_COMMITMENT_VALUES */
enum { CV_VALUE };
/* ST_COMMITMENT_AREAS */
enum { CA_SLUG, CA_NAME_PT, CA_NAME_EN };
/* ST_MILESTONES; MS_POSITION to MS_SOURCE are the fields export_milestone_fields reads,
 * in this order in ST_X_MILESTONES too. */
enum {
	MS_ID,
	MS_POSITION,
	MS_TITLE_PT,
	MS_TITLE_EN,
	MS_START,
	MS_END,
	MS_DONE,
	MS_STATUS,
	MS_PROGRESS,
	MS_AS_OF,
	MS_SOURCE,
	MS_UPDATED
};
/* ST_MILESTONE_LINKS */
enum { ML_MILESTONE, ML_URL, ML_LABEL_PT, ML_LABEL_EN };
/* ST_ENTITIES */
enum {
	MEMBERS_ID,
	MEMBERS_SLUG,
	MEMBERS_ACRONYM,
	MEMBERS_NAME_PT,
	MEMBERS_NAME_EN,
	MEMBERS_KIND,
	MEMBERS_IS_MEMBER,
	MEMBERS_SINCE,
	MEMBERS_UNTIL,
	MEMBERS_NOTE_PT,
	MEMBERS_NOTE_EN
};
/* ST_ENTITY */
enum {
	MEMBER_ID,
	MEMBER_SLUG,
	MEMBER_ACRONYM,
	MEMBER_NAME_PT,
	MEMBER_NAME_EN,
	MEMBER_KIND,
	MEMBER_WEBSITE,
	MEMBER_IS_MEMBER,
	MEMBER_SINCE,
	MEMBER_UNTIL,
	MEMBER_DESC_PT,
	MEMBER_DESC_EN,
	MEMBER_NOTE_PT,
	MEMBER_NOTE_EN,
	MEMBER_SOURCE,
	MEMBER_UPDATED,
	MEMBER_STATUS, /* member_status (domain "member_status"), NULL: not recorded */
	MEMBER_CONF    /* member_confidence */
};
/* ST_ENTITY_COMMITMENTS */
enum { EC_ROLE, EC_OGP_ID, EC_TITLE_PT, EC_TITLE_EN, EC_STATUS, EC_PLAN, EC_CONF, EC_AGG };
/* ST_ENTITY_COMMITMENTS, after MS_AGG: how sure the titles and the OGP id are. */
enum { EC_TITLE_PT_CONF = EC_AGG + AGG_UNDATED + 1, EC_TITLE_EN_CONF, EC_OGP_CONF };
/* An event: ST_EVENT and ST_X_EVENTS (every column), ST_EVENTS and ST_EVENTS_UPCOMING
 * (up to EV_ORGANISER) */
enum {
	EV_ID,
	EV_TITLE_PT,
	EV_TITLE_EN,
	EV_KIND,
	EV_START,
	EV_END,
	EV_NOTE_PT,
	EV_NOTE_EN,
	EV_PLACE_PT,
	EV_PLACE_EN,
	EV_ONLINE,
	EV_ORGANISER,
	EV_INFO_URL,
	EV_DESC_PT,
	EV_DESC_EN,
	EV_UPDATED
};
/* ST_PAGE */
enum { PAGE_TITLE_PT, PAGE_TITLE_EN, PAGE_BODY_PT, PAGE_BODY_EN, PAGE_UPDATED };
/* ST_COUNTS */
/* ST_COUNTS: members the sources state (a likely member apart, COUNT_LIKELY). */
enum { COUNT_MEMBERS, COUNT_PLANS, COUNT_COMMITMENTS, COUNT_LIKELY };
/* A revision as the History pages show it (HIST_COLS in public.c): ST_HISTORY_COMMITMENT,
 * ST_HISTORY_PLAN.  HIST_BODY: the body of a member editor. */
enum {
	HIST_CHANGE,
	HIST_AT,
	HIST_ACTOR,
	HIST_APPROVED,
	HIST_TBL,
	HIST_ROW,
	HIST_OP,
	HIST_FIELD,
	HIST_BEFORE,
	HIST_AFTER,
	HIST_POSITION,
	HIST_OGP_ID,
	HIST_STAFF,
	HIST_BODY
};
/* ST_FEED_UPDATED */
enum { FU_AT };
/* ST_SITEMAP */
enum { SM_KIND, SM_KEY, SM_UPDATED };
/* ST_MS_CURRENT */
enum { MSC_ID, MSC_PROGRESS };
/* ST_MS_PROGRESS_REVS */
enum { MSR_MILESTONE, MSR_AT, MSR_BEFORE };
/* ST_SEARCH: HIT_KEY is the key of the record's page, HIT_POSITION a milestone's;
 * HIT_TITLE_CONF and HIT_OGP_CONF: confidence codes, NULL where they do not apply. */
enum {
	HIT_KIND,
	HIT_REF,
	HIT_LANG,
	HIT_TITLE,
	HIT_SNIPPET,
	HIT_KEY,
	HIT_POSITION,
	HIT_TITLE_CONF,
	HIT_OGP_CONF
};
/* The facet counts (FACET_COUNTS in public.c): ST_SEARCH_FACETS, ST_LISTING_FACETS */
enum { FC_GROUP, FC_CODE, FC_LABEL_PT, FC_LABEL_EN, FC_ACRONYM, FC_COUNT, FC_ORDER, FC_CONF };
/* ST_X_PLANS (rollup_plans reads XP_ID) */
enum {
	XP_ID,
	XP_NUMBER,
	XP_TITLE_PT,
	XP_TITLE_EN,
	XP_START,
	XP_END,
	XP_PUBLISHED,
	XP_STATUS,
	XP_DOC,
	XP_COCREATION_PT,
	XP_COCREATION_EN,
	XP_SUMMARY_PT,
	XP_SUMMARY_EN,
	XP_COUNT,
	XP_UPDATED
};
/* ST_X_COMMITMENTS: the fields of ST_COMMITMENT (CM_SUMMARY_PT to CM_NOTE_EN) from
 * XC_FIELDS on, then the time of the last change and MS_AGG. */
enum {
	XC_ID,
	XC_OGP_ID,
	XC_PLAN,
	XC_NUMBER,
	XC_TITLE_PT,
	XC_TITLE_EN,
	XC_FIELDS,
	XC_UPDATED = XC_FIELDS + CM_NOTE_EN - CM_SUMMARY_PT + 1,
	XC_AGG
};
/* ST_X_MILESTONES: the fields of ST_MILESTONES (MS_POSITION to MS_SOURCE) from
 * XM_FIELDS on, then the time of the last change. */
enum { XM_ID, XM_OGP_ID, XM_FIELDS, XM_UPDATED = XM_FIELDS + MS_SOURCE - MS_POSITION + 1 };
/* ST_X_EVIDENCE */
enum { XE_URL };
/* ST_X_ENTITIES */
enum {
	XENT_SLUG,
	XENT_ACRONYM,
	XENT_NAME_PT,
	XENT_NAME_EN,
	XENT_KIND,
	XENT_WEBSITE,
	XENT_IS_MEMBER,
	XENT_SINCE,
	XENT_UNTIL,
	XENT_DESC_PT,
	XENT_DESC_EN,
	XENT_NOTE_PT,
	XENT_NOTE_EN,
	XENT_SOURCE,
	XENT_UPDATED
};
/* ST_X_LINKS: the owner's type and natural key, then the link. */
enum {
	XL_OWNER,
	XL_PLAN,
	XL_OGP_ID,
	XL_MS_POSITION,
	XL_ENTITY,
	XL_EVENT,
	XL_KIND,
	XL_URL,
	XL_LABEL_PT,
	XL_LABEL_EN,
	XL_POSITION
};
/* ST_X_POLICY_AREAS */
enum { XPA_SLUG, XPA_NAME_PT, XPA_NAME_EN };
/* ST_X_COMMITMENT_ENTITIES */
enum { XCE_OGP_ID, XCE_SLUG, XCE_ROLE, XCE_POSITION, XCE_CONF, XCE_ROLE_PT, XCE_ROLE_EN };
/* ST_X_COMMITMENT_VALUES */
enum { XCV_OGP_ID, XCV_VALUE };
/* ST_X_COMMITMENT_AREAS */
enum { XCA_OGP_ID, XCA_SLUG };
/* ST_X_REVISIONS: XR_IMPORT 1 for the data import, XR_MEMBER 1 for a member editor
 * (whose body is XR_SLUG, XR_BODY), XR_KEY the natural key of the record. */
enum {
	XR_CHANGE,
	XR_AT,
	XR_IMPORT,
	XR_MEMBER,
	XR_SLUG,
	XR_BODY,
	XR_REVIEWED,
	XR_TBL,
	XR_KEY,
	XR_PLAN,
	XR_OGP_ID,
	XR_OP,
	XR_FIELD,
	XR_BEFORE,
	XR_AFTER
};
/* ST_X_PAGES */
enum { XPG_SLUG, XPG_TITLE_PT, XPG_TITLE_EN, XPG_BODY_PT, XPG_BODY_EN, XPG_UPDATED };
/* ST_URL_STATE */
enum { URL_BROKEN, URL_ARCHIVE, URL_FETCHED };
/* ST_CONSULTATIONS: KS_COUNT, the published submissions; KS_ZONE, the time zone (NULL:
 * Europe/Lisbon). */
enum { KS_ID, KS_TITLE_PT, KS_TITLE_EN, KS_OPENS, KS_CLOSES, KS_DATES_ONLY, KS_COUNT, KS_ZONE };
/* ST_CONSULTATION: its plan (KN_PLAN_*) and commitment (KN_C_*), when it has them. */
enum {
	KN_ID,
	KN_TITLE_PT,
	KN_TITLE_EN,
	KN_DESC_PT,
	KN_DESC_EN,
	KN_Q_PT,
	KN_Q_EN,
	KN_DOC,
	KN_OPENS,
	KN_CLOSES,
	KN_DATES_ONLY,
	KN_OUT_PT,
	KN_OUT_EN,
	KN_OUT_URL,
	KN_SOURCE,
	KN_PLAN_NUMBER,
	KN_PLAN_PT,
	KN_PLAN_EN,
	KN_OGP_ID,
	KN_C_PT,
	KN_C_EN,
	KN_UPDATED,
	KN_ZONE
};
/* The public columns of a submission (SUB_COLS in public.c): ST_CONSULTATION_SUBS,
 * ST_COMMITMENT_SUBS.  SUB_M_*: the commitment it became. */
enum {
	SUB_ID,
	SUB_KIND,
	SUB_STATUS,
	SUB_AUTHOR,
	SUB_ORG,
	SUB_TITLE,
	SUB_PROBLEM,
	SUB_BODY,
	SUB_REASON_PT,
	SUB_REASON_EN,
	SUB_OUTCOME,
	SUB_M_OGP,
	SUB_M_PT,
	SUB_M_EN,
	SUB_ANSWER_PT,
	SUB_ANSWER_EN,
	SUB_CONFIRMED,
	SUB_LANG
};
/* ST_COMMITMENT_ORIGINS: the proposal, then its consultation (ORIG_K_*). */
enum { ORIG_ID, ORIG_TITLE, ORIG_AUTHOR, ORIG_K_ID, ORIG_K_TITLE_PT, ORIG_K_TITLE_EN };
/* ST_X_CONSULTATIONS */
enum {
	XK_ID,
	XK_TITLE_PT,
	XK_TITLE_EN,
	XK_DESC_PT,
	XK_DESC_EN,
	XK_Q_PT,
	XK_Q_EN,
	XK_PLAN,
	XK_OGP_ID,
	XK_DOC,
	XK_OPENS,
	XK_CLOSES,
	XK_DATES_ONLY,
	XK_OUT_PT,
	XK_OUT_EN,
	XK_OUT_URL,
	XK_SOURCE,
	XK_UPDATED
};
/* A submission in the open data (X_SUB_COLS in public.c): ST_X_SUBMISSIONS,
 * ST_X_CONSULTATION_SUBS.  XS_M_OGP: the commitment it became. */
enum {
	XS_ID,
	XS_KIND,
	XS_CONSULTATION,
	XS_OGP_ID,
	XS_LANG,
	XS_STATUS,
	XS_AUTHOR,
	XS_ORG,
	XS_TITLE,
	XS_PROBLEM,
	XS_BODY,
	XS_REASON_PT,
	XS_REASON_EN,
	XS_OUTCOME,
	XS_M_OGP,
	XS_ANSWER_PT,
	XS_ANSWER_EN,
	XS_CONFIRMED,
	XS_UPDATED
};
/* ST_FEED_SUBMISSIONS */
enum {
	FSUB_ID,
	FSUB_UPDATED,
	FSUB_KIND,
	FSUB_TITLE,
	FSUB_AUTHOR,
	FSUB_CONSULTATION,
	FSUB_OGP_ID,
	FSUB_OUTCOME,
	FSUB_ANSWER_PT,
	FSUB_ANSWER_EN
};

/* How long a statement waits for another connection's lock (sqlite3_busy_timeout). */
#define DB_BUSY_MS 5000

/* Opens the database.  rw: 1 read-write (creating it), 0 read-only (query_only).  Applies the
 * connection settings (busy timeout, foreign keys, defensive mode, limits).
 * Returns the handle, or NULL with a message in err. */
sqlite3 *db_open(const char *path, int rw, char *err, size_t errlen);
/* Returns the schema version recorded in db (0 for an empty database), or -1. */
int db_version(sqlite3 *db);
/* The version this program expects (its highest migration). */
int db_latest_version(void);
/* Applies the missing migrations, each in its own IMMEDIATE transaction with its
 * version row.  Returns the number applied, or -1 with a message in err. */
int db_migrate(sqlite3 *db, char *err, size_t errlen);
/* Prepares every statement of the read-only tables (enum stmt and the store's other
 * STORE_RO tables, store/stmt.h) on db.  Returns 0, or -1 with a message. */
int db_prepare_all(sqlite3 *db, char *err, size_t errlen);
/* Returns statement id, reset and with its bindings cleared, ready to bind. */
sqlite3_stmt *db_stmt(enum stmt id);
/* Resets every statement handed out (store_reset_used), ending any read transaction left open by a statement that
 * stopped at a row: called after each request, so the next one sees fresh data. */
void db_reset_all(void);
/* Finalizes the prepared statements of every table. */
void db_finalize_all(void);
/* The connection the public statements are prepared on (db_prepare_all), or NULL
 * before: for a store function that reads on it (upload_find). */
sqlite3 *db_public_conn(void);
/* Returns the SQL text of statement id (for tests: EXPLAIN QUERY PLAN). */
const char *db_sql(enum stmt id);
/* Steps s like sqlite3_step; any result other than a row or done is remembered
 * (see db_failed) and returned as SQLITE_DONE, so loops simply end. */
int db_step(sqlite3_stmt *s);
/* 0 when no statement failed since db_clear_error(); 2 when one failed because the
 * database was busy or locked; 1 for any other failure. */
int db_failed(void);
/* The message of the last failure, or "". */
const char *db_last_error(void);
/* Records failure rc (an SQLite result code) with its message, as db_step does. */
void db_failed_note(int rc, const char *msg);
/* Records a failure outside db_step (an admin query that failed). */
void db_failed_set(void);
/* Forgets earlier failures (at the start of each request). */
void db_clear_error(void);
/* Returns column i as text, or NULL for SQL NULL. */
const char *db_text(sqlite3_stmt *s, int i);

/* Reading a row and binding a parameter, for the code outside store/ (pages, admin
 * pages, import), which never calls sqlite3 itself: column i of the current row of s;
 * parameter i (1-based) of s. */
static inline int
db_int(sqlite3_stmt *s, int i)
{
	return sqlite3_column_int(s, i);
}
static inline long long
db_int64(sqlite3_stmt *s, int i)
{
	return sqlite3_column_int64(s, i);
}
static inline double
db_double(sqlite3_stmt *s, int i)
{
	return sqlite3_column_double(s, i);
}
static inline int
db_null(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL;
}
static inline int
db_bytes(sqlite3_stmt *s, int i)
{
	return sqlite3_column_bytes(s, i);
}
static inline const void *
db_blob(sqlite3_stmt *s, int i)
{
	return sqlite3_column_blob(s, i);
}
static inline void
db_bind_int(sqlite3_stmt *s, int i, int v)
{
	sqlite3_bind_int(s, i, v);
}
static inline void
db_bind_int64(sqlite3_stmt *s, int i, long long v)
{
	sqlite3_bind_int64(s, i, v);
}
static inline void
db_bind_double(sqlite3_stmt *s, int i, double v)
{
	sqlite3_bind_double(s, i, v);
}
/* Binds text t (NULL: SQL NULL), copied. */
static inline void
db_bind_text(sqlite3_stmt *s, int i, const char *t)
{
	sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT);
}
/* Binds the n bytes of t, not copied: t must live until s is reset. */
static inline void
db_bind_textn(sqlite3_stmt *s, int i, const char *t, int n)
{
	sqlite3_bind_text(s, i, t, n, SQLITE_STATIC);
}
static inline void
db_bind_null(sqlite3_stmt *s, int i)
{
	sqlite3_bind_null(s, i);
}
/* Rows changed by the last write of s's connection. */
static inline int
db_changes(sqlite3_stmt *s)
{
	return sqlite3_changes(sqlite3_db_handle(s));
}
/* Resets s after a row was read from it: a statement left at a row keeps its read
 * open, and an autocommit write of the same connection commits only once it ends. */
static inline void
db_reset(sqlite3_stmt *s)
{
	sqlite3_reset(s);
}
/* Steps s like db_step, for a lookup whose "none" and "failed" lead to different
 * answers: returns 1 at a row, 0 when done, -1 when it failed (recorded). */
static inline int
db_row(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW;
	db_failed_note(rc, sqlite3_errmsg(sqlite3_db_handle(s)));
	return -1;
}
/* Steps write s until it is done, like store_run, but a constraint that refuses it (a
 * duplicate, a missing reference: the caller's answer, not a failure) is not recorded.
 * Returns 0, 1 when a constraint refused it, or -1 (recorded, see db_failed). */
static inline int
db_run_refusable(sqlite3_stmt *s)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	if (rc == SQLITE_DONE)
		return 0;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return 1;
	db_failed_note(rc, sqlite3_errmsg(sqlite3_db_handle(s)));
	return -1;
}
/* The message of the last failure on connection db (sqlite3_errmsg). */
static inline const char *
db_errmsg(sqlite3 *db)
{
	return sqlite3_errmsg(db);
}

/* Storage faults, worst last: what made a write (or a read) fail. */
enum db_fault { DBF_NONE, DBF_BUSY, DBF_READONLY, DBF_FULL, DBF_IO };
/* Sends SQLite's error log (SQLITE_CONFIG_LOG) to db_fault.  Call once per process,
 * before any other SQLite call. */
void db_log_init(void);
/* The worst storage fault met since db_clear_error(): a locked database, a read-only
 * one, a full disk, an I/O error; conn's last error counts too (NULL: none). */
enum db_fault db_fault(sqlite3 *conn);
/* SQLite's message for that fault, or "". */
const char *db_fault_message(void);

/* Closes a connection of db_open (NULL: nothing). */
void db_close(sqlite3 *db);
/* 1 when db cannot write its database (opened read-write on a file that is not
 * writable), else 0. */
int db_readonly(sqlite3 *db);

#endif
