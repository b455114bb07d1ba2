/* export_rows: the rows of the bulk tables (/data/NAME.csv|json), the DCAT-AP catalogue
 * that describes them (/data/catalog.jsonld), and the rows of a commitments listing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/rollup.h"
#include "view/export.h"
#include "view/i18n.h"

#define PLANS_MAX 999 /* plan numbers are 1-999 */

static json_t *
bulk_plans(void)
{
	static long long       ids[PLANS_MAX];
	static struct progress roll[PLANS_MAX];
	sqlite3_stmt          *s;
	json_t                *a = json_array(), *o;
	size_t                 n = 0, i;
	char                   path[32];

	n = rollup_plans(ST_X_PLANS, ids, roll, PLANS_MAX);
	s = db_stmt(ST_X_PLANS);
	for (i = 0; i < n && db_step(s) == SQLITE_ROW; i++) {
		o = json_object();
		x_int(o, "plan_number", s, XP_NUMBER);
		x_text(o, "title_pt", s, XP_TITLE_PT);
		x_text(o, "title_en", s, XP_TITLE_EN);
		x_text(o, "period_start", s, XP_START);
		x_text(o, "period_end", s, XP_END);
		x_text(o, "published", s, XP_PUBLISHED);
		x_text(o, "plan_status", s, XP_STATUS);
		x_text(o, "document_url", s, XP_DOC);
		x_text(o, "cocreation_pt", s, XP_COCREATION_PT);
		x_text(o, "cocreation_en", s, XP_COCREATION_EN);
		x_text(o, "summary_pt", s, XP_SUMMARY_PT);
		x_text(o, "summary_en", s, XP_SUMMARY_EN);
		x_int(o, "commitment_count", s, XP_COUNT);
		x_progress(o, &roll[i]);
		x_text(o, "updated_at", s, XP_UPDATED);
		snprintf(path, sizeof path, "plans/%d", db_int(s, XP_NUMBER));
		export_urls(o, path);
		export_plan_trust(o, db_int64(s, XP_ID), 0);
		json_array_append_new(a, o);
	}
	return a;
}

void
export_commitment_relations(json_t *o, long long id)
{
	sqlite3_stmt *s = db_stmt(ST_COMMITMENT_ENTITIES);
	json_t       *supports = json_object();
	int           lead;

	x_named_lists(o, "leads", "lead_names");
	x_named_lists(supports, "supports", "support_names");
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		lead = strcmp(db_text(s, CE_ROLE), "lead") == 0;
		x_named(lead ? o : supports, lead ? "leads" : "supports",
		    lead ? "lead_names" : "support_names", db_text(s, CE_SLUG),
		    db_text(s, CE_ACRONYM), db_text(s, CE_NAME_PT), db_text(s, CE_NAME_EN));
	}
	json_object_update(o, supports);
	json_decref(supports);
	s = db_stmt(ST_COMMITMENT_VALUES);
	db_bind_int64(s, 1, id);
	json_object_set_new(o, "ogp_values", x_column_list(s, CV_VALUE));
	x_named_lists(o, "policy_areas", "policy_area_names");
	s = db_stmt(ST_COMMITMENT_AREAS);
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW)
		x_named(o, "policy_areas", "policy_area_names", db_text(s, CA_SLUG), NULL,
		    db_text(s, CA_NAME_PT), db_text(s, CA_NAME_EN));
}

/* The fields of a commitment: the columns of ST_COMMITMENT from CM_SUMMARY_PT to
 * CM_NOTE_EN (ST_X_COMMITMENTS has them in this order too). */
static const struct xcol cm_fields[] = {
	{ "summary_pt", CM_SUMMARY_PT, 't' },
	{ "summary_en", CM_SUMMARY_EN, 't' },
	{ "problem_pt", CM_PROBLEM_PT, 't' },
	{ "problem_en", CM_PROBLEM_EN, 't' },
	{ "start_date", CM_START, 't' },
	{ "end_date", CM_END, 't' },
	{ "self_status", CM_SELF_STATUS, 't' },
	{ "self_status_date", CM_SELF_DATE, 't' },
	{ "irm_verifiable", CM_VERIFIABLE, 't' },
	{ "irm_relevant", CM_RELEVANT, 't' },
	{ "irm_ambition", CM_AMBITION, 't' },
	{ "irm_potential_impact", CM_POT_IMPACT, 't' },
	{ "irm_potential_results", CM_POT_RESULTS, 't' },
	{ "irm_promising", CM_PROMISING, 'b' },
	{ "irm_completion", CM_COMPLETION, 't' },
	{ "irm_diog", CM_DIOG, 't' },
	{ "irm_early_results", CM_EARLY, 't' },
	{ "irm_starred", CM_STARRED, 't' },
	{ "cluster_pt", CM_CLUSTER_PT, 't' },
	{ "cluster_en", CM_CLUSTER_EN, 't' },
	{ "note_pt", CM_NOTE_PT, 't' },
	{ "note_en", CM_NOTE_EN, 't' },
};

/* The fields of a milestone: the columns of ST_MILESTONES from MS_POSITION to MS_SOURCE
 * (ST_X_MILESTONES has them in this order too). */
static const struct xcol ms_fields[] = {
	{ "position", MS_POSITION, 'i' },
	{ "title_pt", MS_TITLE_PT, 't' },
	{ "title_en", MS_TITLE_EN, 't' },
	{ "planned_start", MS_START, 't' },
	{ "planned_end", MS_END, 't' },
	{ "completed_on", MS_DONE, 't' },
	{ "status", MS_STATUS, 't' },
	{ "progress", MS_PROGRESS, 'i' },
	{ "progress_as_of", MS_AS_OF, 't' },
	{ "progress_source", MS_SOURCE, 't' },
};

void
export_commitment_fields(json_t *o, sqlite3_stmt *s, int first)
{
	x_cols(o, s, cm_fields, sizeof cm_fields / sizeof cm_fields[0], CM_SUMMARY_PT, first);
}

static json_t *
bulk_commitments(void)
{
	sqlite3_stmt   *s = db_stmt(ST_X_COMMITMENTS);
	json_t         *a = json_array(), *o;
	struct progress p;
	char            path[64];

	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		x_text(o, "ogp_id", s, XC_OGP_ID);
		x_int(o, "plan_number", s, XC_PLAN);
		x_int(o, "number", s, XC_NUMBER);
		x_text(o, "title_pt", s, XC_TITLE_PT);
		x_text(o, "title_en", s, XC_TITLE_EN);
		export_commitment_fields(o, s, XC_FIELDS);
		export_commitment_relations(o, db_int64(s, XC_ID));
		rollup_ms_agg(s, XC_AGG, &p);
		x_progress(o, &p);
		x_text(o, "updated_at", s, XC_UPDATED);
		snprintf(path, sizeof path, "commitments/%s", db_text(s, XC_OGP_ID));
		export_urls(o, path);
		export_commitment_trust(o, db_int64(s, XC_ID), 0);
		json_array_append_new(a, o);
	}
	return a;
}

json_t *
export_evidence(long long milestone_id)
{
	sqlite3_stmt *s = db_stmt(ST_X_EVIDENCE);

	db_bind_int64(s, 1, milestone_id);
	return x_column_list(s, XE_URL);
}

void
export_milestone_fields(json_t *o, sqlite3_stmt *s, int first)
{
	x_cols(o, s, ms_fields, sizeof ms_fields / sizeof ms_fields[0], MS_POSITION, first);
}

static json_t *
bulk_milestones(void)
{
	sqlite3_stmt *s = db_stmt(ST_X_MILESTONES);
	json_t       *a = json_array(), *o;
	char          path[64];

	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		x_text(o, "ogp_id", s, XM_OGP_ID);
		export_milestone_fields(o, s, XM_FIELDS);
		json_object_set_new(o, "evidence", export_evidence(db_int64(s, XM_ID)));
		x_text(o, "updated_at", s, XM_UPDATED);
		snprintf(path, sizeof path, "commitments/%s", db_text(s, XM_OGP_ID));
		export_urls(o, path);
		export_milestone_trust(o, db_int64(s, XM_ID));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
bulk_entities(void)
{
	static const char *const keys[] = { "slug", "acronym", "name_pt", "name_en", "entity_kind",
		"website", "is_member", "member_since", "member_until", "description_pt",
		"description_en", "note_pt", "note_en", "source_url", "updated_at" };
	sqlite3_stmt            *s = db_stmt(ST_X_ENTITIES);
	json_t                  *a = json_array(), *o;
	char                     path[128];
	int                      i;

	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		for (i = 0; i < (int)(sizeof keys / sizeof keys[0]); i++)
			if (i == XENT_IS_MEMBER)
				x_bool(o, keys[i], s, i);
			else
				x_text(o, keys[i], s, i);
		snprintf(path, sizeof path, "members/%s", db_text(s, XENT_SLUG));
		export_urls(o, path);
		export_entity_trust(o, db_text(s, XENT_SLUG));
		json_array_append_new(a, o);
	}
	return a;
}

/* A new object with keys[i] set from column i of s, typed by types[i]: 'i' an integer,
 * 'b' a boolean, anything else text. */
static json_t *
typed_row(sqlite3_stmt *s, const char *const *keys, const char *types)
{
	json_t *o = json_object();
	int     i;

	for (i = 0; types[i] != '\0'; i++)
		if (types[i] == 'i')
			x_int(o, keys[i], s, i);
		else if (types[i] == 'b')
			x_bool(o, keys[i], s, i);
		else
			x_text(o, keys[i], s, i);
	return o;
}

static json_t *
bulk_events(void)
{
	static const char *const keys[] = { "event_id", "title_pt", "title_en", "event_kind",
		"start_date", "end_date", "date_note_pt", "date_note_en", "place_pt", "place_en",
		"online", "organiser", "info_url", "description_pt", "description_en",
		"updated_at" };
	sqlite3_stmt            *s = db_stmt(ST_X_EVENTS);
	json_t                  *a = json_array(), *o;
	char                     path[64];

	while (db_step(s) == SQLITE_ROW) {
		o = typed_row(s, keys, "itttttttttbttttt");
		snprintf(path, sizeof path, "events/%lld", db_int64(s, EV_ID));
		export_urls(o, path);
		export_event_trust(o, db_int64(s, EV_ID));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
bulk_links(void)
{
	sqlite3_stmt *s = db_stmt(ST_X_LINKS);
	json_t       *a = json_array(), *o;

	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		x_text(o, "owner_type", s, XL_OWNER);
		x_int(o, "plan_number", s, XL_PLAN);
		x_text(o, "ogp_id", s, XL_OGP_ID);
		x_int(o, "milestone_position", s, XL_MS_POSITION);
		x_text(o, "entity_slug", s, XL_ENTITY);
		x_int(o, "event_id", s, XL_EVENT);
		x_text(o, "link_kind", s, XL_KIND);
		x_href(o, "href", s, XL_URL);
		x_text(o, "label_pt", s, XL_LABEL_PT);
		x_text(o, "label_en", s, XL_LABEL_EN);
		x_int(o, "position", s, XL_POSITION);
		json_array_append_new(a, o);
	}
	return a;
}

/* A table of text columns only: keys[i] from column i, integers where ints[i]. */
static json_t *
bulk_simple(enum stmt st, const char *const *keys, const int *ints, int n)
{
	sqlite3_stmt *s = db_stmt(st);
	json_t       *a = json_array(), *o;
	int           i;

	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		for (i = 0; i < n; i++)
			if (ints != NULL && ints[i])
				x_int(o, keys[i], s, i);
			else
				x_text(o, keys[i], s, i);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
bulk_revisions(void)
{
	sqlite3_stmt *s = db_stmt(ST_X_REVISIONS);
	json_t       *a = json_array(), *o;
	const char   *tbl, *kind, *pt, *en;

	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		x_int(o, "change_id", s, XR_CHANGE);
		x_text(o, "at", s, XR_AT);
		if (db_int(s, XR_IMPORT)) {
			kind = "import";
			pt = i18n("HIST_IMPORT", 0);
			en = i18n("HIST_IMPORT", 1);
		} else if (db_int(s, XR_MEMBER) && db_text(s, XR_BODY) != NULL) {
			kind = "member_body";
			pt = en = db_text(s, XR_BODY);
		} else {
			kind = "focal_point";
			pt = i18n("HIST_FOCAL", 0);
			en = i18n("HIST_FOCAL", 1);
		}
		x_str(o, "actor_kind", kind);
		x_str(o, "actor_entity",
		    strcmp(kind, "member_body") == 0 ? db_text(s, XR_SLUG) : NULL);
		x_str(o, "actor_pt", pt);
		x_str(o, "actor_en", en);
		x_bool(o, "reviewed", s, XR_REVIEWED);
		tbl = db_text(s, XR_TBL);
		x_str(o, "record_type", strcmp(tbl, "action_plan") == 0 ? "plan" : tbl);
		x_text(o, "record_key", s, XR_KEY);
		x_int(o, "plan_number", s, XR_PLAN);
		x_text(o, "ogp_id", s, XR_OGP_ID);
		x_text(o, "op", s, XR_OP);
		x_text(o, "field", s, XR_FIELD);
		x_text(o, "before", s, XR_BEFORE);
		x_text(o, "after", s, XR_AFTER);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
bulk_pages(void)
{
	static const char *const keys[] = { "slug", "title_pt", "title_en", "body_pt", "body_en",
		"updated_at" };
	/* The text pages and the public page that shows each. */
	static const char *const shown[][2] = { { "about", "network" }, { "ogp", "ogp" },
		{ "accessibility", "accessibility" } };
	json_t                  *a = bulk_simple(ST_X_PAGES, keys, NULL, 6), *o;
	const char              *slug;
	size_t                   i, j;

	json_array_foreach(a, i, o)
	{
		slug = json_string_value(json_object_get(o, "slug"));
		for (j = 0; j < 3 && (slug == NULL || strcmp(shown[j][0], slug) != 0); j++)
			;
		if (j < 3)
			export_urls(o, shown[j][1]);
		else {
			x_str(o, "url_pt", NULL);
			x_str(o, "url_en", NULL);
		}
	}
	return a;
}

json_t *
export_consultation_row(sqlite3_stmt *s)
{
	static const char *const keys[] = { "consultation_id", "title_pt", "title_en",
		"description_pt", "description_en", "questions_pt", "questions_en", "plan_number",
		"ogp_id", "document_url", "opens_at", "closes_at", "dates_only", "outcome_pt",
		"outcome_en", "outcome_url", "source_url", "updated_at" };

	return typed_row(s, keys, "ittttttittttbttttt");
}

static json_t *
bulk_consultations(void)
{
	sqlite3_stmt *s = db_stmt(ST_X_CONSULTATIONS);
	json_t       *a = json_array(), *o;
	char          path[64];

	while (db_step(s) == SQLITE_ROW) {
		o = export_consultation_row(s);
		snprintf(path, sizeof path, "consultations/%lld", db_int64(s, XK_ID));
		export_urls(o, path);
		json_array_append_new(a, o);
	}
	return a;
}

json_t *
export_submission_row(sqlite3_stmt *s, const char *lang)
{
	static const char *const keys[] = { "submission_id", "submission_kind", "consultation_id",
		"ogp_id", "submission_lang", "submission_status", "author", "organisation",
		"proposal_title", "problem", "text", "reason_pt", "reason_en", "outcome",
		"merged_ogp_id", "answer_pt", "answer_en", "confirmed_at", "updated_at" };
	json_t                  *o = typed_row(s, keys, "ititttttttttttttttt");
	char                     path[96];

	if (db_text(s, XS_CONSULTATION) != NULL)
		snprintf(path, sizeof path, "consultations/%s#s%lld", db_text(s, XS_CONSULTATION),
		    db_int64(s, XS_ID));
	else
		snprintf(path, sizeof path, "commitments/%s#s%lld", db_text(s, XS_OGP_ID),
		    db_int64(s, XS_ID));
	if (lang == NULL)
		export_urls(o, path);
	else
		export_url(o, "url", lang, "%s", path);
	return o;
}

static json_t *
bulk_submissions(void)
{
	sqlite3_stmt *s = db_stmt(ST_X_SUBMISSIONS);
	json_t       *a = json_array();

	while (db_step(s) == SQLITE_ROW)
		json_array_append_new(a, export_submission_row(s, NULL));
	return a;
}

json_t *
export_bulk(const char *name, const struct xset **set)
{
	static const char *const areas[] = { "slug", "name_pt", "name_en" };
	static const char *const ce[] = { "ogp_id", "entity_slug", "role", "position", "confidence",
		"role_pt", "role_en" };
	static const int         ce_ints[] = { 0, 0, 0, 1, 0, 0, 0 };
	static const char *const cv[] = { "ogp_id", "ogp_value" };
	static const char *const cpa[] = { "ogp_id", "policy_area" };

	if ((*set = export_set(name)) == NULL || (*set)->where != XW_BULK)
		return NULL;
	if (strcmp(name, "plans") == 0)
		return bulk_plans();
	if (strcmp(name, "commitments") == 0)
		return bulk_commitments();
	if (strcmp(name, "commitments-ogp") == 0)
		return export_bulk_ogp();
	if (strcmp(name, "milestones") == 0)
		return bulk_milestones();
	if (strcmp(name, "entities") == 0)
		return bulk_entities();
	if (strcmp(name, "events") == 0)
		return bulk_events();
	if (strcmp(name, "links") == 0)
		return bulk_links();
	if (strcmp(name, "policy_areas") == 0)
		return bulk_simple(ST_X_POLICY_AREAS, areas, NULL, 3);
	if (strcmp(name, "commitment_entities") == 0)
		return bulk_simple(ST_X_COMMITMENT_ENTITIES, ce, ce_ints, 7);
	if (strcmp(name, "commitment_values") == 0)
		return bulk_simple(ST_X_COMMITMENT_VALUES, cv, NULL, 2);
	if (strcmp(name, "commitment_policy_areas") == 0)
		return bulk_simple(ST_X_COMMITMENT_AREAS, cpa, NULL, 2);
	if (strcmp(name, "revisions") == 0)
		return bulk_revisions();
	if (strcmp(name, "pages") == 0)
		return bulk_pages();
	if (strcmp(name, "consultations") == 0)
		return bulk_consultations();
	if (strcmp(name, "submissions") == 0)
		return bulk_submissions();
	return export_bulk_trust(name);
}

json_t *
export_commitment_row(
    struct ctx *c, sqlite3_stmt *s, long long plan_number, const struct progress *p)
{
	json_t *o = json_object();

	x_text(o, "ogp_id", s, LC_OGP_ID);
	json_object_set_new(o, "plan_number", json_integer(plan_number));
	x_int(o, "number", s, LC_NUMBER);
	x_text(o, "title_pt", s, LC_TITLE_PT);
	x_text(o, "title_en", s, LC_TITLE_EN);
	x_text(o, "self_status", s, LC_STATUS);
	x_text(o, "end_date", s, LC_END);
	x_named_lists(o, "leads", "lead_names");
	x_progress(o, p);
	export_url(o, "url", c->lang, "commitments/%s", db_text(s, LC_OGP_ID));
	export_commitment_trust(o, db_int64(s, LC_ID), 1);
	return o;
}

json_t *
export_commitment_rows(struct ctx *c, const char *const *ogp_ids, size_t n)
{
	sqlite3_stmt   *s, *e;
	json_t         *a = json_array(), *o;
	struct progress p;
	size_t          i;
	long long       id;

	for (i = 0; i < n; i++) {
		s = db_stmt(ST_X_COMMITMENT_ROW);
		db_bind_text(s, 1, ogp_ids[i]);
		if (db_step(s) != SQLITE_ROW)
			continue;
		id = db_int64(s, LC_ID);
		rollup_ms_agg(s, LC_AGG, &p);
		o = export_commitment_row(c, s, db_int64(s, LC_PLAN), &p);
		db_reset(s);
		e = db_stmt(ST_COMMITMENT_ENTITIES);
		db_bind_int64(e, 1, id);
		while (db_step(e) == SQLITE_ROW)
			if (strcmp(db_text(e, CE_ROLE), "lead") == 0)
				x_named(o, "leads", "lead_names", db_text(e, CE_SLUG),
				    db_text(e, CE_ACRONYM), db_text(e, CE_NAME_PT),
				    db_text(e, CE_NAME_EN));
		json_array_append_new(a, o);
	}
	return a;
}
