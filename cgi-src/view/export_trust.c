/* export_trust: what migration 11 adds to the open data: the fields that say how sure a
 * fact is, where a title comes from and how the date of a figure is known, appended to
 * the records of plans, commitments, milestones, bodies and events; and the bulk tables
 * of its records (a plan's documents, assessments and completion figures, a milestone's
 * earlier figures, activities, partners and proposers, consultations held elsewhere). */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/glance.h"
#include "store/opendata.h"
#include "store/records.h"
#include "store/trust.h"
#include "view/export.h"

#define NF(a) (sizeof(a) / sizeof(a)[0])

/* A plan (plans, plan): OD_PLAN. */
static const struct xcol plan_cols[] = {
	{ "ogp_title", ODP_OGP_TITLE, 't' },
	{ "short_pt", ODP_SHORT_PT, 't' },
	{ "implementation_start", ODP_IMPL_START, 't' },
	{ "implementation_end", ODP_IMPL_END, 't' },
	{ "published_confidence", ODP_PUBLISHED_CONF, 't' },
	{ "stated_commitment_count", ODP_COMMITMENTS, 'i' },
	{ "stated_milestone_count", ODP_MILESTONES, 'i' },
	{ "note_pt", ODP_NOTE_PT, 't' },
	{ "note_en", ODP_NOTE_EN, 't' },
};

/* A plan's self-reported completion, as its page shows it (plans, plan, plan_list):
 * GL_PLAN_SELF. */
static const struct xcol plan_self_cols[] = {
	{ "self_percent", GLS_PCT, 'i' },
	{ "self_as_of", GLS_AS_OF, 't' },
	{ "self_as_of_kind", GLS_KIND, 't' },
	{ "self_source", GLS_SOURCE, 'h' },
	{ "self_confidence", GLS_CONF, 't' },
};

/* A commitment (commitments, commitment): TR_COMMITMENT. */
static const struct xcol commitment_cols[] = {
	{ "ogp_id_confidence", TC_OGP_ID_CONF, 't' },
	{ "title_pt_kind", TC_TITLE_PT_KIND, 't' },
	{ "title_pt_confidence", TC_TITLE_PT_CONF, 't' },
	{ "title_en_kind", TC_TITLE_EN_KIND, 't' },
	{ "title_en_confidence", TC_TITLE_EN_CONF, 't' },
	{ "values_confidence", TC_VALUES_CONF, 't' },
	{ "self_percent", TC_SELF_PERCENT, 'i' },
	{ "self_as_of", TC_SELF_DATE, 't' },
	{ "self_as_of_kind", TC_SELF_KIND, 't' },
	{ "self_source", TC_SELF_SOURCE, 'h' },
	{ "self_confidence", TC_SELF_CONF, 't' },
	{ "irm_date", TC_IRM_DATE, 't' },
	{ "irm_results_date", TC_IRM_RESULTS_DATE, 't' },
	{ "irm_confidence", TC_IRM_CONF, 't' },
};
/* What migration 12 adds to a commitment: TR_EARLY_CONF, then OD_COMMITMENT. */
static const struct xcol early_cols[] = { { "irm_early_results_confidence", 0, 't' } };
static const struct xcol lens_cols[] = { { "irm_open_gov_lens", ODC_LENS, 'b' } };
/* A commitment in a list of commitments (commitment_list): how sure its id and titles
 * are (TR_COMMITMENT). */
static const struct xcol commitment_list_cols[] = {
	{ "ogp_id_confidence", TC_OGP_ID_CONF, 't' },
	{ "title_pt_confidence", TC_TITLE_PT_CONF, 't' },
	{ "title_en_confidence", TC_TITLE_EN_CONF, 't' },
};

/* A milestone: TR_MILESTONE. */
static const struct xcol milestone_cols[] = {
	{ "title_pt_kind", TM_TITLE_PT_KIND, 't' },
	{ "title_en_kind", TM_TITLE_EN_KIND, 't' },
	{ "progress_as_of_kind", TM_AS_OF_KIND, 't' },
	{ "progress_confidence", TM_CONF, 't' },
};

/* A body: ST_ENTITY. */
static const struct xcol entity_cols[] = {
	{ "member_status", MEMBER_STATUS, 't' },
	{ "member_confidence", MEMBER_CONF, 't' },
};

/* An event: OD_EVENT. */
static const struct xcol event_cols[] = {
	{ "slug", ODV_SLUG, 't' },
	{ "held_status", ODV_STATUS, 't' },
	{ "date_confidence", ODV_DATE_CONF, 't' },
	{ "title_pt_kind", ODV_TITLE_PT_KIND, 't' },
	{ "plan_number", ODV_PLAN, 'i' },
	{ "organiser_entity", ODV_ORGANISER, 't' },
};

/* Sets the n fields cols of o from the first row of s (its parameter bound), or to null
 * when it has none. */
static void
lookup(json_t *o, sqlite3_stmt *s, const struct xcol *cols, size_t n)
{
	if (db_step(s) == SQLITE_ROW)
		x_cols(o, s, cols, n, 0, 0);
	else
		x_nulls(o, cols, n);
	db_reset(s);
}

void
export_plan_trust(json_t *o, long long plan_id, int list)
{
	sqlite3_stmt *s;

	if (!list) {
		s = od_stmt(OD_PLAN);
		db_bind_int64(s, 1, plan_id);
		lookup(o, s, plan_cols, NF(plan_cols));
	}
	s = gl_stmt(GL_PLAN_SELF);
	db_bind_int64(s, 1, plan_id);
	lookup(o, s, plan_self_cols, NF(plan_self_cols));
}

void
export_commitment_trust(json_t *o, long long id, int list)
{
	sqlite3_stmt *s = trust_stmt(TR_COMMITMENT);
	json_t       *leads, *supports;

	db_bind_int64(s, 1, id);
	if (list) {
		lookup(o, s, commitment_list_cols, NF(commitment_list_cols));
		return;
	}
	lookup(o, s, commitment_cols, NF(commitment_cols));
	leads = json_array();
	supports = json_array();
	s = trust_stmt(TR_ENTITIES);
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW)
		json_array_append_new(strcmp(db_text(s, TE_ROLE), "lead") == 0 ? leads : supports,
		    json_string(db_text(s, TE_CONF)));
	json_object_set_new(o, "leads_confidence", leads);
	json_object_set_new(o, "supports_confidence", supports);
	s = trust_stmt(TR_EARLY_CONF);
	db_bind_int64(s, 1, id);
	lookup(o, s, early_cols, NF(early_cols));
	s = od_stmt(OD_COMMITMENT);
	db_bind_int64(s, 1, id);
	lookup(o, s, lens_cols, NF(lens_cols));
}

void
export_milestone_trust(json_t *o, long long milestone_id)
{
	sqlite3_stmt *s = trust_stmt(TR_MILESTONE);

	db_bind_int64(s, 1, milestone_id);
	lookup(o, s, milestone_cols, NF(milestone_cols));
}

void
export_entity_trust(json_t *o, const char *slug)
{
	sqlite3_stmt *s = db_stmt(ST_ENTITY);

	db_bind_text(s, 1, slug);
	lookup(o, s, entity_cols, NF(entity_cols));
}

void
export_event_trust(json_t *o, long long event_id)
{
	sqlite3_stmt *s = od_stmt(OD_EVENT);
	int           row;

	db_bind_int64(s, 1, event_id);
	if ((row = db_step(s) == SQLITE_ROW))
		x_cols(o, s, event_cols, NF(event_cols), 0, 0);
	else
		x_nulls(o, event_cols, NF(event_cols));
	x_name_pair(o, "organiser_name", row ? db_text(s, ODV_ORGANISER) : NULL,
	    row ? db_text(s, ODV_ORG_ACRONYM) : NULL, row ? db_text(s, ODV_ORG_NAME_PT) : NULL,
	    row ? db_text(s, ODV_ORG_NAME_EN) : NULL);
	db_reset(s);
	s = rc_stmt(RC_EVENT_CMTS);
	db_bind_int64(s, 1, event_id);
	json_object_set_new(o, "ogp_ids", x_column_list(s, RM_OGP_ID));
	x_named_lists(o, "co_organisers", "co_organiser_names");
	s = rc_stmt(RC_EVENT_ORGS);
	db_bind_int64(s, 1, event_id);
	while (db_step(s) == SQLITE_ROW)
		x_named(o, "co_organisers", "co_organiser_names", db_text(s, RO_SLUG),
		    db_text(s, RO_ACRONYM), db_text(s, RO_NAME_PT), db_text(s, RO_NAME_EN));
}

static const struct xcol documents[] = {
	{ "plan_number", ODD_PLAN, 'i' },
	{ "position", ODD_POSITION, 'i' },
	{ "document_kind", ODD_KIND, 't' },
	{ "href", ODD_URL, 'h' },
	{ "title_pt", ODD_TITLE_PT, 't' },
	{ "title_en", ODD_TITLE_EN, 't' },
	{ "date", ODD_DATE, 't' },
	{ "listed_on", ODD_LISTED_ON, 'l' },
	{ "note_pt", ODD_NOTE_PT, 't' },
	{ "note_en", ODD_NOTE_EN, 't' },
};

static const struct xcol assessments[] = {
	{ "plan_number", ODA_PLAN, 'i' },
	{ "position", ODA_POSITION, 'i' },
	{ "assessor", ODA_ASSESSOR, 't' },
	{ "report_kind", ODA_KIND, 't' },
	{ "date", ODA_DATE, 't' },
	{ "summary_pt", ODA_SUMMARY_PT, 't' },
	{ "summary_en", ODA_SUMMARY_EN, 't' },
	{ "source", ODA_SOURCE, 'h' },
};

static const struct xcol completion[] = {
	{ "plan_number", ODPC_PLAN, 'i' },
	{ "position", ODPC_POSITION, 'i' },
	{ "percent", ODPC_PERCENT, 'i' },
	{ "as_of", ODPC_AS_OF, 't' },
	{ "as_of_kind", ODPC_AS_OF_KIND, 't' },
	{ "source", ODPC_SOURCE, 'h' },
	{ "confidence", ODPC_CONF, 't' },
	{ "note_pt", ODPC_NOTE_PT, 't' },
	{ "note_en", ODPC_NOTE_EN, 't' },
};

static const struct xcol figures[] = {
	{ "ogp_id", ODF_OGP_ID, 't' },
	{ "milestone_position", ODF_MS_POSITION, 'i' },
	{ "position", ODF_POSITION, 'i' },
	{ "percent", ODF_PERCENT, 'i' },
	{ "as_of", ODF_AS_OF, 't' },
	{ "as_of_kind", ODF_AS_OF_KIND, 't' },
	{ "source", ODF_SOURCE, 'h' },
	{ "confidence", ODF_CONF, 't' },
};

static const struct xcol activities[] = {
	{ "ogp_id", ODX_OGP_ID, 't' },
	{ "position", ODX_POSITION, 'i' },
	{ "date", ODX_DATE, 't' },
	{ "end_date", ODX_END, 't' },
	{ "title_pt", ODX_TITLE_PT, 't' },
	{ "title_pt_kind", ODX_TITLE_PT_KIND, 't' },
	{ "title_en", ODX_TITLE_EN, 't' },
	{ "source", ODX_SOURCE, 'h' },
};

static const struct xcol parties[] = {
	{ "ogp_id", ODY_OGP_ID, 't' },
	{ "entity_slug", ODY_SLUG, 't' },
	{ "relation", ODY_RELATION, 't' },
	{ "position", ODY_POSITION, 'i' },
	{ "note_pt", ODY_NOTE_PT, 't' },
	{ "note_en", ODY_NOTE_EN, 't' },
	{ "source", ODY_SOURCE, 'h' },
};

static const struct xcol records[] = {
	{ "slug", ODK_SLUG, 't' },
	{ "title_pt", ODK_TITLE_PT, 't' },
	{ "title_en", ODK_TITLE_EN, 't' },
	{ "plan_number", ODK_PLAN, 'i' },
	{ "opened_on", ODK_OPENS, 't' },
	{ "closed_on", ODK_CLOSES, 't' },
	{ "dates_confidence", ODK_DATES_CONF, 't' },
	{ "held_status", ODK_STATUS, 't' },
	{ "where_url", ODK_WHERE, 'h' },
	{ "organiser_entity", ODK_ORGANISER, 't' },
	{ "description_pt", ODK_DESC_PT, 't' },
	{ "description_en", ODK_DESC_EN, 't' },
	{ "outcome_pt", ODK_OUT_PT, 't' },
	{ "outcome_en", ODK_OUT_EN, 't' },
	{ "comments_received", ODK_COMMENTS, 'i' },
	{ "sources", ODK_SOURCES, 's' },
	{ "updated_at", ODK_UPDATED, 't' },
};

/* A bulk table of the records: its file name, its fields and statement, and the page of
 * its owner (url_pt, url_en: the page path, then the text of column key; NULL: none). */
static const struct {
	const char        *name;
	const struct xcol *cols;
	size_t             n;
	const char        *page;
	enum od_stmt       st;
	int                key;
} tables[] = {
	{ "plan_documents", documents, NF(documents), "plans/", OD_PLAN_DOCUMENTS, ODD_PLAN },
	{ "plan_assessments", assessments, NF(assessments), "plans/", OD_PLAN_ASSESSMENTS,
	    ODA_PLAN },
	{ "plan_completion", completion, NF(completion), "plans/", OD_PLAN_COMPLETION, ODPC_PLAN },
	{ "milestone_figures", figures, NF(figures), "commitments/", OD_MILESTONE_FIGURES,
	    ODF_OGP_ID },
	{ "activities", activities, NF(activities), "commitments/", OD_ACTIVITIES, ODX_OGP_ID },
	{ "commitment_parties", parties, NF(parties), "commitments/", OD_PARTIES, ODY_OGP_ID },
	{ "consultation_records", records, NF(records), NULL, OD_CONSULTATION_RECORDS, 0 },
};

json_t *
export_bulk_trust(const char *name)
{
	sqlite3_stmt *s;
	json_t       *a, *o;
	char          path[96];
	size_t        i;

	for (i = 0; i < NF(tables) && strcmp(tables[i].name, name) != 0; i++)
		;
	if (i == NF(tables))
		return NULL;
	a = json_array();
	s = od_stmt(tables[i].st);
	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		x_cols(o, s, tables[i].cols, tables[i].n, 0, 0);
		if (tables[i].page != NULL) {
			snprintf(
			    path, sizeof path, "%s%s", tables[i].page, db_text(s, tables[i].key));
			export_urls(o, path);
		}
		json_array_append_new(a, o);
	}
	return a;
}
