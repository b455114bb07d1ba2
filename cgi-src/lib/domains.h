/* domains: the enumerated domains of the schema, in one table.  For each domain, the
 * codes a CHECK (column IN (...)) constraint allows, in the constraint's order, with
 * their labels in Portuguese and English and the other spellings the content loader
 * accepts for them.  tests/unit/test_domains.c compares every domain with the
 * constraints of a freshly migrated database: a new status is one edit here (and the
 * migration that allows it). */
#ifndef ABERTA_DOMAINS_H
#define ABERTA_DOMAINS_H
#include <stddef.h>

/* One code of a domain. */
struct dcode {
	const char        *code;    /* as stored */
	const char        *pt;      /* label, Portuguese; NULL: none (the code is shown) */
	const char        *en;      /* label, English; NULL with pt */
	const char *const *aliases; /* the spellings the content loader reads as this
						 * code, NULL-ended; NULL: none */
};

/* A domain: its name (the one labels are looked up by, as in i18n_enum), the columns
 * the schema constrains to it, and its codes. */
struct domain {
	const char         *name;  /* "self_status" */
	const char         *cols;  /* "table.column", space-separated */
	const struct dcode *codes; /* in the order of the CHECK constraint */
	size_t              n;     /* count of codes */
};

/* The domains, in the order the schema and its migrations declare them. */
enum dom {
	DOM_ENTITY_KIND,       /* entity.kind */
	DOM_PLAN_STATUS,       /* action_plan.status */
	DOM_SELF_STATUS,       /* commitment.self_status */
	DOM_YESNO,             /* commitment.irm_verifiable, irm_relevant */
	DOM_AMBITION,          /* commitment.irm_ambition */
	DOM_POTENTIAL_IMPACT,  /* commitment.irm_potential_impact */
	DOM_POTENTIAL_RESULTS, /* commitment.irm_potential_results */
	DOM_IRM_COMPLETION,    /* commitment.irm_completion (self_status's labels) */
	DOM_DIOG,              /* commitment.irm_diog */
	DOM_EARLY_RESULTS,     /* commitment.irm_early_results */
	DOM_STARRED,           /* commitment.irm_starred */
	DOM_ENTITY_ROLE,       /* commitment_entity.role */
	DOM_OGP_VALUE,         /* commitment_value.value */
	DOM_MS_STATUS,         /* milestone.status */
	DOM_LINK_KIND,         /* link.kind */
	DOM_EVENT_KIND,        /* event.kind */
	DOM_STAFF_ROLE,        /* staff.role */
	DOM_SESSION_STAGE,     /* session.stage */
	DOM_REVISION_OP,       /* revision.op */
	DOM_DRAFT_STATUS,      /* draft.status */
	DOM_LINK_RESULT,       /* link_check.result */
	DOM_LINK_FAILURE,      /* link_check.failure */
	DOM_SUB_KIND,          /* submission.kind */
	DOM_SUB_LANG,          /* submission.lang, subscription.lang */
	DOM_SUB_STATUS,        /* submission.status */
	DOM_OUTCOME,           /* submission.outcome */
	DOM_TIMEZONE,          /* event.timezone, consultation.timezone */
	DOM_MEMBER_STATUS,     /* entity.member_status */
	DOM_CONFIDENCE,        /* every *_confidence column, commitment_entity.confidence */
	DOM_TEXT_KIND,         /* every title_*_kind column */
	DOM_AS_OF_KIND,        /* every as_of_kind column */
	DOM_DOC_KIND,          /* plan_document.kind */
	DOM_ASSESSOR,          /* plan_assessment.assessor */
	DOM_REPORT_KIND,       /* plan_assessment.report_kind */
	DOM_PARTY_RELATION,    /* commitment_party.relation */
	DOM_HELD_STATUS,       /* consultation_record.status, event.status */
	DOM_ROUND_NOTICE,      /* round_notice.kind */
	DOM_FOLLOW_KIND,       /* subscription.kind */
	DOM_FOLLOW_FREQUENCY,  /* subscription.frequency */
	DOM_FOLLOW_STATUS,     /* subscription.status */
	DOM__MAX
};

/* The domain d (0 <= d < DOM__MAX). */
const struct domain *domain(enum dom d);
/* The domain called name ("self_status"), or NULL. */
const struct domain *domain_named(const char *name);
/* The domain the schema constrains table.column to ("commitment", "irm_completion"), or
 * NULL when the column is not enumerated. */
const struct domain *domain_column(const char *table, const char *column);
/* The entry of code in d, or NULL when d does not allow it (or code is NULL). */
const struct dcode *domain_code(const struct domain *d, const char *code);
/* The label of code in the domain called name, in English (en 1) or Portuguese (0);
 * NULL when the domain or the code is unknown or the code has no label. */
const char *domain_label(const char *name, const char *code, int en);
/* The code whose alias eq(s, alias) finds equal, the first in the domain's order;
 * NULL when none. */
const char *domain_alias(
    const struct domain *d, const char *s, int (*eq)(const char *, const char *));

#endif
