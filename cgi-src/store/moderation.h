/*
 * moderation: the statements of the moderation of what citizens send
 * (admin/admin_submissions.c): the decision on a submission waiting (confirmed by
 * email; their list is store/adminlist.h's), the published ones, and what a citizen
 * wrote above the answer form of a submission.  A decision's revision rows are the editing engine's (edit_revision).
 */
#ifndef ABERTA_MODERATION_H
#define ABERTA_MODERATION_H
#include <sqlite3.h>

enum moderation_stmt {
	MD_PUBLISHED, /* the latest published submissions: MDU_ */
	MD_PANEL,     /* submission ?1 as its answer form shows it: MDA_ */
	MD_DECIDE,    /* submission ?1 at version ?5, still waiting: status ?2,
				 * public reasons ?3 (pt) and ?4 (en) */
	MD__MAX
};

/* What a citizen wrote, in this order from a statement's column on (MDP_CITIZEN,
 * MDA_CITIZEN): name, organisation, title, problem, text. */
enum { CIT_AUTHOR, CIT_ORG, CIT_TITLE, CIT_PROBLEM, CIT_BODY, CIT__N };
/* The columns of the list of the waiting submissions (store/adminlist.h's AL_PENDING):
 * id, version, kind, the citizen's text, what it is about, when confirmed, its
 * language. */
enum {
	MDP_ID,
	MDP_VERSION,
	MDP_KIND,
	MDP_CITIZEN,
	MDP_TARGET = MDP_CITIZEN + CIT__N,
	MDP_AT,
	MDP_LANG
};
/* The columns of MD_PUBLISHED: id, kind, a label, the outcome, 1 when answered. */
enum { MDU_ID, MDU_KIND, MDU_LABEL, MDU_OUTCOME, MDU_ANSWERED };
/* The columns of MD_PANEL: kind, status, the citizen's text, what it is about, when
 * confirmed ("—" if not). */
enum { MDA_KIND, MDA_STATUS, MDA_CITIZEN, MDA_TARGET = MDA_CITIZEN + CIT__N, MDA_CONFIRMED };

/* Statement id of the writable connection, reset and with its bindings cleared. */
sqlite3_stmt *moderation_stmt(enum moderation_stmt id);

#endif
