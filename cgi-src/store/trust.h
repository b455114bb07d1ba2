/* trust: what migration 11 states about one commitment's facts, for its public page: how
 * sure each fact is, how the date of each figure is known, the bodies related to it
 * without leading or supporting it, its activities and its milestones' earlier figures.
 * The statements are in the table store_trust (STORE_RO), each bound to the commitment's
 * or the milestone's id as ?1; step them with db_step and read them with db_text... */
#ifndef ABERTA_TRUST_H
#define ABERTA_TRUST_H
#include <sqlite3.h>

enum trust_stmt {
	TR_COMMITMENT,   /* ?1 commitment: confidence of its facts, the self and IRM dates */
	TR_ENTITIES,     /* ?1 commitment: leads and supporters with confidence and role */
	TR_PARTIES,      /* ?1 commitment: partners, then proposers, with their notes */
	TR_ACTIVITIES,   /* ?1 commitment: its reported activities, in order */
	TR_MILESTONE,    /* ?1 milestone: how its figure is known and how sure it is */
	TR_FIGURES,      /* ?1 milestone: its earlier figures, oldest first */
	TR_SOURCE_TITLE, /* ?1 commitment, ?2 address: the label its links give that address */
	TR_EARLY_CONF,   /* ?1 commitment: how sure the IRM's early results are */
	TR__MAX
};
/* TR_COMMITMENT */
enum {
	TC_OGP_ID_CONF,
	TC_TITLE_PT_KIND,
	TC_TITLE_PT_CONF,
	TC_TITLE_EN_KIND,
	TC_TITLE_EN_CONF,
	TC_VALUES_CONF,
	TC_SELF_PERCENT,
	TC_SELF_DATE,
	TC_SELF_KIND,
	TC_SELF_SOURCE,
	TC_SELF_CONF,
	TC_IRM_DATE,
	TC_IRM_RESULTS_DATE,
	TC_IRM_CONF
};
/* TR_ENTITIES */
enum { TE_ROLE, TE_SLUG, TE_ACRONYM, TE_NAME_PT, TE_NAME_EN, TE_CONF, TE_ROLE_PT, TE_ROLE_EN };
/* TR_PARTIES */
enum {
	TP_RELATION,
	TP_SLUG,
	TP_ACRONYM,
	TP_NAME_PT,
	TP_NAME_EN,
	TP_NOTE_PT,
	TP_NOTE_EN,
	TP_SOURCE
};
/* TR_ACTIVITIES */
enum { TA_DATE, TA_END, TA_TITLE_PT, TA_TITLE_PT_KIND, TA_TITLE_EN, TA_SOURCE };
/* TR_MILESTONE */
enum { TM_AS_OF_KIND, TM_CONF, TM_TITLE_PT_KIND, TM_TITLE_EN_KIND };
/* TR_FIGURES */
enum { TF_PERCENT, TF_AS_OF, TF_AS_OF_KIND, TF_SOURCE, TF_CONF };
/* TR_SOURCE_TITLE */
enum { TS_LABEL_PT, TS_LABEL_EN };

/* Returns statement id of store_trust, reset and with its bindings cleared. */
sqlite3_stmt *trust_stmt(enum trust_stmt id);

#endif
