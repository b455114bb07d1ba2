/* opendata: the statements of the open data that read what migrations 11 and 12 keep
 * and the pages do not already read (a plan's and an event's new columns, a commitment's
 * open government lens; a commitment's other facts and a milestone's are in
 * store/trust.h, a body's in ST_ENTITY, a plan's self-reported completion in
 * store/glance.h), and the bulk tables of their records (a plan's documents, assessments
 * and completion figures, a milestone's earlier figures, activities, partners and
 * proposers, consultations held elsewhere).  view/export_trust.c builds the records from
 * them.  The table store_opendata is STORE_RO: prepared with the public statements
 * (db_prepare_all) on the worker's read-only connection. */
#ifndef ABERTA_OPENDATA_H
#define ABERTA_OPENDATA_H
#include <sqlite3.h>

/* The statements: a plan's, a commitment's and an event's facts by id (?1), and every
 * row of each record table (ordered by its owner: plan number, then commitment number and
 * OGP id). */
enum od_stmt {
	OD_PLAN,                 /* ?1 plan id: its OGP title, short name, period, counts, note */
	OD_COMMITMENT,           /* ?1 commitment id: whether OGP's open government lens applies */
	OD_EVENT,                /* ?1 event id: key, kind of title, plan, organiser */
	OD_PLAN_DOCUMENTS,       /* every plan's documents, by plan and position */
	OD_PLAN_ASSESSMENTS,     /* every plan's assessments */
	OD_PLAN_COMPLETION,      /* every plan's self-reported completion figures */
	OD_MILESTONE_FIGURES,    /* every milestone's earlier figures */
	OD_ACTIVITIES,           /* every commitment's reported activities */
	OD_PARTIES,              /* every commitment's partners and proposers */
	OD_CONSULTATION_RECORDS, /* every consultation held elsewhere */
	OD_SINCE,                /* ?1 schema version: when it was applied (UTC, ISO 8601) */
	OD__MAX
};

/* OD_PLAN */
enum {
	ODP_OGP_TITLE,
	ODP_SHORT_PT,
	ODP_IMPL_START,
	ODP_IMPL_END,
	ODP_PUBLISHED_CONF,
	ODP_COMMITMENTS,
	ODP_MILESTONES,
	ODP_NOTE_PT,
	ODP_NOTE_EN
};
/* OD_COMMITMENT */
enum { ODC_LENS };
/* OD_EVENT */
enum {
	ODV_SLUG,
	ODV_STATUS,
	ODV_DATE_CONF,
	ODV_TITLE_PT_KIND,
	ODV_PLAN,
	ODV_ORGANISER,
	ODV_ORG_ACRONYM,
	ODV_ORG_NAME_PT,
	ODV_ORG_NAME_EN
};
/* OD_PLAN_DOCUMENTS */
enum {
	ODD_PLAN,
	ODD_POSITION,
	ODD_KIND,
	ODD_URL,
	ODD_TITLE_PT,
	ODD_TITLE_EN,
	ODD_DATE,
	ODD_LISTED_ON,
	ODD_NOTE_PT,
	ODD_NOTE_EN
};
/* OD_PLAN_ASSESSMENTS */
enum {
	ODA_PLAN,
	ODA_POSITION,
	ODA_ASSESSOR,
	ODA_KIND,
	ODA_DATE,
	ODA_SUMMARY_PT,
	ODA_SUMMARY_EN,
	ODA_SOURCE
};
/* OD_PLAN_COMPLETION */
enum {
	ODPC_PLAN,
	ODPC_POSITION,
	ODPC_PERCENT,
	ODPC_AS_OF,
	ODPC_AS_OF_KIND,
	ODPC_SOURCE,
	ODPC_CONF,
	ODPC_NOTE_PT,
	ODPC_NOTE_EN
};
/* OD_MILESTONE_FIGURES */
enum {
	ODF_OGP_ID,
	ODF_MS_POSITION,
	ODF_POSITION,
	ODF_PERCENT,
	ODF_AS_OF,
	ODF_AS_OF_KIND,
	ODF_SOURCE,
	ODF_CONF
};
/* OD_ACTIVITIES */
enum {
	ODX_OGP_ID,
	ODX_POSITION,
	ODX_DATE,
	ODX_END,
	ODX_TITLE_PT,
	ODX_TITLE_PT_KIND,
	ODX_TITLE_EN,
	ODX_SOURCE
};
/* OD_PARTIES */
enum { ODY_OGP_ID, ODY_SLUG, ODY_RELATION, ODY_POSITION, ODY_NOTE_PT, ODY_NOTE_EN, ODY_SOURCE };
/* OD_CONSULTATION_RECORDS: ODK_SOURCES holds "address<TAB>title" lines. */
enum {
	ODK_SLUG,
	ODK_TITLE_PT,
	ODK_TITLE_EN,
	ODK_PLAN,
	ODK_OPENS,
	ODK_CLOSES,
	ODK_DATES_CONF,
	ODK_STATUS,
	ODK_WHERE,
	ODK_ORGANISER,
	ODK_DESC_PT,
	ODK_DESC_EN,
	ODK_OUT_PT,
	ODK_OUT_EN,
	ODK_COMMENTS,
	ODK_SOURCES,
	ODK_UPDATED
};

/* Returns statement id, reset and with its bindings cleared (store_stmt). */
sqlite3_stmt *od_stmt(enum od_stmt id);

#endif
