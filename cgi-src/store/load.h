/* load: the statements of the content loader (import/import.h), on the writable
 * connection: the store's table "load" (store_prepare(STORE_RW)).  Each SELECT has one
 * column, the id it looks up. */
#ifndef ABERTA_LOAD_H
#define ABERTA_LOAD_H
#include <stddef.h>
#include <sqlite3.h>

/* The statements, with their parameters in order (see the SQL in load.c).  Upserts keep
 * a stored value where the file has NULL, and write a row only when a value changes, so
 * loading the same file twice changes nothing. */
enum load_stmt {
	LD_ENTITY_UPSERT, /* slug, acronym, name_pt, name_en, kind, website, is_member, member_since, member_until, member_status, member_confidence, note_pt, note_en */
	LD_ENTITY_ID,     /* slug */
	LD_ENTITY_PARENT, /* id, parent id */
	LD_EVIDENCE_CLEAR, /* entity id */
	LD_EVIDENCE_ADD,   /* entity_id, position, date, source, note_pt, note_en */
	LD_AREA_UPSERT,    /* slug, name_pt, name_en */
	LD_AREA_ID,        /* slug */
	LD_NETWORK_UPSERT, /* 1, acronym, name_pt, name_en, created, description_pt, description_en, coordinator_id, focal_point_id, focal_since, focal_since_pt, focal_since_en, contact_email, ogp_member_since, note_pt, note_en, sources */
	LD_PLAN_UPSERT, /* number, title_pt, title_en, ogp_title, short_pt, period_start, period_end, implementation_start, implementation_end, published, published_confidence, status, commitment_count, milestone_count, cocreation_pt, cocreation_en, note_pt, note_en, document_url */
	LD_PLAN_ID,     /* number */
	LD_DOC_CLEAR,   /* plan id */
	LD_DOC_ADD, /* plan_id, position, kind, url, title_pt, title_en, date, listed_on, note_pt, note_en */
	LD_COMPLETION_CLEAR, /* plan id */
	LD_COMPLETION_ADD, /* plan_id, position, percent, as_of, as_of_kind, source, confidence, note_pt, note_en */
	LD_ASSESS_CLEAR, /* plan id */
	LD_ASSESS_ADD, /* plan_id, position, assessor, report_kind, date, summary_pt, summary_en, source */
	LD_COMMITMENT_UPSERT, /* ogp_id, plan_id, number, title_pt, title_en, title_pt_kind, title_en_kind, title_pt_confidence, title_en_confidence, title_en_long, summary_pt, summary_en, problem_pt, problem_en, start_date, end_date, values_confidence, self_status, self_percent, self_status_date, self_as_of_kind, self_source, self_confidence, irm_verifiable, irm_relevant, irm_ambition, irm_potential_impact, irm_potential_results, irm_promising, irm_completion, irm_early_results, cluster_pt, cluster_en, irm_date, irm_results_date, irm_confidence, note_pt, note_en, ogp_id_confidence, irm_early_results_confidence, irm_open_gov_lens */
	LD_COMMITMENT_ID,     /* ogp_id */
	LD_ROLE_UPSERT, /* commitment_id, entity_id, role, position, confidence, role_pt, role_en */
	LD_PARTY_CLEAR, /* commitment id */
	LD_PARTY_ADD,   /* commitment_id, entity_id, relation, position, note_pt, note_en, source */
	LD_VALUE_ADD,   /* commitment_id, value */
	LD_AREA_ADD,    /* commitment_id, policy_area_id */
	LD_MILESTONE_UPSERT, /* commitment_id, position, title_pt, title_en, title_pt_kind, title_en_kind, planned_start, planned_end, progress, progress_as_of, progress_as_of_kind, progress_source, progress_confidence */
	LD_MILESTONE_ID,     /* commitment_id, position */
	LD_FIGURE_CLEAR,     /* milestone id */
	LD_FIGURE_ADD, /* milestone_id, position, percent, as_of, as_of_kind, source, confidence */
	LD_ACTIVITY_CLEAR, /* commitment id */
	LD_ACTIVITY_ADD, /* commitment_id, position, date, end_date, title_pt, title_pt_kind, title_en, source */
	LD_LINK_FIND, /* kind, url, plan_id, commitment_id, milestone_id, entity_id, event_id (one set) */
	LD_LINK_INSERT, /* kind, url, owners as LD_LINK_FIND, position, label_pt, label_en */
	LD_LINK_UPDATE, /* id, position (the smaller is kept: an address listed twice keeps its first place), label_pt, label_en */
	LD_EVENT_UPSERT, /* slug, title_pt, title_en, title_pt_kind, kind, start_date, end_date, date_note_pt, date_note_en, date_confidence, status, place_pt, place_en, online, organiser, organiser_id, url, plan_id, description_pt, description_en */
	LD_EVENT_ID,     /* slug */
	LD_EVENT_CMT_CLEAR, /* event id */
	LD_EVENT_CMT_ADD,   /* event_id, commitment_id */
	LD_ORGANISER_CLEAR, /* event id */
	LD_ORGANISER_ADD,   /* event_id, entity_id, position */
	LD_RECORD_UPSERT, /* slug, title_pt, title_en, plan_id, opens, closes, dates_confidence, status, where_url, organiser_id, description_pt, description_en, outcome_pt, outcome_en, comments_received, sources */
	LD_PAGE_UPSERT,   /* slug, title_pt, title_en, body_pt, body_en */
	LD__MAX
};

/* Returns statement id, reset and with its bindings cleared. */
sqlite3_stmt *load_stmt(enum load_stmt id);

/* Parameters being bound to one statement; rc keeps the first binding error. */
struct binder {
	sqlite3_stmt *st;
	int           rc;
};
/* Starts binding parameters to statement id. */
struct binder load_bind(enum load_stmt id);
/* Binds text s (NULL: SQL NULL) to parameter i. */
void load_bind_text(struct binder *b, int i, const char *s);
/* Binds v to parameter i; a negative v (the loader's "absent") binds SQL NULL. */
void load_bind_int(struct binder *b, int i, long long v);
/* Runs the bound statement once: *id gets column 0 of the first row (0 when none).  The
 * statement is reset and unbound.  Returns 0, or -1 with SQLite's message in err. */
int load_run(struct binder *b, long long *id, char *err, size_t errlen);

#endif
