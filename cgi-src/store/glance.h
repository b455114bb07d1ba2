/* glance: the statements of the headlines a citizen reads first (home page, plans, a
 * plan, a body, the network): a plan's latest independent verdict, the overdue
 * milestones of a plan or of a body's commitments, a plan's documents, assessments and
 * completion figures, a body's partners, proposers and evidence of membership, the
 * bodies by membership, and the network's own row.  The table store_glance is STORE_RO: prepared
 * with the public statements on the worker's read-only connection. */
#ifndef ABERTA_GLANCE_H
#define ABERTA_GLANCE_H
#include <sqlite3.h>

/* The statements; ?1 is the parameter named, ?2 (where said) today as YYYY-MM-DD. */
enum gl_stmt {
	GL_PLAN_SELF,      /* ?1 plan id: its latest self-reported completion with a percent */
	GL_PLAN_IRM,       /* ?1 plan id: its latest IRM assessment (by date, then position) */
	GL_PLAN_OVERDUE,   /* ?1 plan id, ?2 today: count of its overdue milestones */
	GL_ENTITY_OVERDUE, /* ?1 body id, ?2 today: overdue milestones of what it leads */
	GL_ENTITY_PARTIES, /* ?1 body id: commitments it is partner in or proposed */
	GL_MEMBERS,        /* every body by membership (not members: last) */
	GL_NETWORK,        /* the network's row with its coordinator and focal point */
	GL_PLAN_DOCS,      /* ?1 plan id: its documents, by position */
	GL_PLAN_ASSESS,    /* ?1 plan id: its assessments, by position */
	GL_PLAN_FIGURES,   /* ?1 plan id: its self-reported completion figures, oldest first */
	GL_EVIDENCE,       /* ?1 body id: the evidence of its membership, by position */
	GL__MAX
};

/* GL_PLAN_SELF (latest by as_of, undated last, then by position) and GL_PLAN_FIGURES
 * (every figure, by position; GLS_PCT NULL when the source gives a count, in the note) */
enum {
	GLS_PCT,
	GLS_AS_OF,
	GLS_KIND,
	GLS_SOURCE,
	GLS_CONF,
	GLS_NOTE_PT,
	GLS_NOTE_EN,
	GLS_SRC_PT, /* GL_PLAN_FIGURES: the title of the plan's link to GLS_SOURCE, if any */
	GLS_SRC_EN
};
/* GL_PLAN_IRM */
enum { GLI_KIND, GLI_DATE, GLI_SUMMARY_PT, GLI_SUMMARY_EN, GLI_SOURCE };
/* GL_PLAN_OVERDUE, GL_ENTITY_OVERDUE */
enum { GLO_COUNT };
/* GL_ENTITY_PARTIES (partners first, then proposers; by plan and number) */
enum {
	GLY_RELATION,
	GLY_OGP_ID,
	GLY_TITLE_PT,
	GLY_TITLE_EN,
	GLY_PLAN,
	GLY_NOTE_PT,
	GLY_NOTE_EN,
	GLY_SOURCE,
	GLY_SRC_PT, /* the title of the commitment's link to GLY_SOURCE, if any */
	GLY_SRC_EN
};
/* GL_MEMBERS: founding members, members, likely members, membership not recorded (NULL
 * or "unknown"), then those not members; by name in each. */
enum {
	GLB_SLUG,
	GLB_ACRONYM,
	GLB_NAME_PT,
	GLB_NAME_EN,
	GLB_STATUS,
	GLB_CONF,
	GLB_NOTE_PT,
	GLB_NOTE_EN
};
/* GL_NETWORK: GLN_SOURCES holds "address<TAB>title" lines. */
enum {
	GLN_DESC_PT,
	GLN_DESC_EN,
	GLN_COORD_SLUG,
	GLN_COORD_ACRONYM,
	GLN_COORD_NAME_PT,
	GLN_COORD_NAME_EN,
	GLN_FOCAL_SLUG,
	GLN_FOCAL_ACRONYM,
	GLN_FOCAL_NAME_PT,
	GLN_FOCAL_NAME_EN,
	GLN_FOCAL_SINCE,
	GLN_FOCAL_SINCE_PT,
	GLN_FOCAL_SINCE_EN,
	GLN_CONTACT,
	GLN_NOTE_PT,
	GLN_NOTE_EN,
	GLN_SOURCES,
	GLN_OGP_SINCE /* the day Portugal joined OGP */
};
/* GL_PLAN_DOCS: GLD_URL NULL when the address was not found; GLD_LISTED holds the
 * addresses of the pages that list it, one a line. */
enum {
	GLD_KIND,
	GLD_URL,
	GLD_TITLE_PT,
	GLD_TITLE_EN,
	GLD_DATE,
	GLD_LISTED,
	GLD_NOTE_PT,
	GLD_NOTE_EN
};
/* GL_PLAN_ASSESS */
enum { GLA_ASSESSOR, GLA_KIND, GLA_DATE, GLA_SUMMARY_PT, GLA_SUMMARY_EN, GLA_SOURCE };
/* GL_EVIDENCE */
enum { GLE_DATE, GLE_NOTE_PT, GLE_NOTE_EN, GLE_SOURCE, GLE_SRC_PT, GLE_SRC_EN };

/* Returns statement id, reset and with its bindings cleared (store_stmt). */
sqlite3_stmt *gl_stmt(enum gl_stmt id);

#endif
