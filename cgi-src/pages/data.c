/* Open data: the JSON and CSV of every listing and detail page (the same statements as
 * the pages, without labels), the bulk tables under /data/, the DCAT-AP catalogue and
 * the /{lang}/data page that documents them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/answer.h"
#include "http/resp.h"
#include "lib/consult.h"
#include "store/db.h"
#include "view/export.h"
#include "pages/pages.h"
#include "store/rollup.h"
#include "view/dcat.h"
#include "view/i18n.h"
#include "view/page.h"

#define PLANS_MAX 999 /* plan numbers are 1-999 */

/* The links of statement s (kind, url, label_pt, label_en) as a new array of link
 * records. */
static json_t *
links(sqlite3_stmt *s)
{
	json_t *a = json_array(), *o;

	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		x_text(o, "link_kind", s, LINK_KIND);
		x_href(o, "href", s, LINK_URL);
		x_text(o, "label_pt", s, LINK_LABEL_PT);
		x_text(o, "label_en", s, LINK_LABEL_EN);
		json_array_append_new(a, o);
	}
	return a;
}

/* /plans: the plans with their roll-ups, as page_plans_list reads them. */
int
page_data_plans_list(struct ctx *c)
{
	static long long       ids[PLANS_MAX];
	static struct progress roll[PLANS_MAX];
	const struct xset     *set = export_set("plan_list");
	sqlite3_stmt          *s;
	json_t                *rows = json_array(), *o;
	size_t                 n = 0, i;

	n = rollup_plans(ST_PLANS, ids, roll, PLANS_MAX);
	s = db_stmt(ST_PLANS);
	for (i = 0; i < n && db_step(s) == SQLITE_ROW; i++) {
		o = json_object();
		x_int(o, "plan_number", s, PLANS_NUMBER);
		x_text(o, "title_pt", s, PLANS_TITLE_PT);
		x_text(o, "title_en", s, PLANS_TITLE_EN);
		x_text(o, "period_start", s, PLANS_START);
		x_text(o, "period_end", s, PLANS_END);
		x_text(o, "plan_status", s, PLANS_STATUS);
		x_int(o, "commitment_count", s, PLANS_COUNT);
		x_progress(o, &roll[i]);
		export_url(o, "url", c->lang, "plans/%d", db_int(s, PLANS_NUMBER));
		export_plan_trust(o, db_int64(s, PLANS_ID), 1);
		json_array_append_new(rows, o);
	}
	return export_send(c, set, NULL, set, rows, "plans");
}

/* The commitments of plan id (ST_PLAN_COMMITMENTS and ST_PLAN_LEADS, as the plan page)
 * as rows of commitment_list; their roll-up goes to roll. */
static json_t *
plan_commitments(struct ctx *c, long long id, long long number, struct progress *roll)
{
	sqlite3_stmt        *s = db_stmt(ST_PLAN_COMMITMENTS);
	json_t              *rows = json_array(), *o;
	struct progress      p;
	struct rollup_idref *byid = NULL, *nb;
	size_t               n = 0, cap = 0;

	progress_init(roll);
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		rollup_ms_agg(s, PC_AGG, &p);
		progress_add_rollup(roll, &p);
		o = export_commitment_row(c, s, number, &p);
		json_array_append_new(rows, o);
		if (n == cap) {
			if ((nb = realloc(byid, (cap ? cap * 2 : 32) * sizeof *byid)) == NULL)
				continue; /* this row goes without its leads */
			byid = nb;
			cap = cap ? cap * 2 : 32;
		}
		byid[n++] = (struct rollup_idref){ db_int64(s, LC_ID), o };
	}
	rollup_idrefs_sort(byid, n);
	s = db_stmt(ST_PLAN_LEADS);
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW)
		if ((o = rollup_idref_find(byid, n, db_int64(s, LEAD_CID))) != NULL)
			x_named(o, "leads", "lead_names", db_text(s, LEAD_SLUG),
			    db_text(s, LEAD_ACRONYM), db_text(s, LEAD_NAME_PT),
			    db_text(s, LEAD_NAME_EN));
	free(byid);
	return rows;
}

/* /plans/N: the plan (JSON) or its commitments (CSV). */
int
page_data_plans_show(struct ctx *c)
{
	sqlite3_stmt   *s = db_stmt(ST_PLAN_BY_NUMBER);
	json_t         *o, *rows;
	struct progress roll;
	long long       id;
	char            name[32];

	db_bind_int64(s, 1, c->num);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_PLAN";
		return 404;
	}
	id = db_int64(s, PLAN_ID);
	o = json_object();
	x_int(o, "plan_number", s, PLAN_NUMBER);
	x_text(o, "title_pt", s, PLAN_TITLE_PT);
	x_text(o, "title_en", s, PLAN_TITLE_EN);
	x_text(o, "period_start", s, PLAN_START);
	x_text(o, "period_end", s, PLAN_END);
	x_text(o, "published", s, PLAN_PUBLISHED);
	x_text(o, "plan_status", s, PLAN_STATUS);
	x_text(o, "document_url", s, PLAN_DOC);
	x_text(o, "cocreation_pt", s, PLAN_COCREATION_PT);
	x_text(o, "cocreation_en", s, PLAN_COCREATION_EN);
	x_text(o, "summary_pt", s, PLAN_SUMMARY_PT);
	x_text(o, "summary_en", s, PLAN_SUMMARY_EN);
	db_reset(s);
	rows = plan_commitments(c, id, c->num, &roll);
	json_object_set_new(o, "commitment_count", json_integer((json_int_t)json_array_size(rows)));
	x_progress(o, &roll);
	export_url(o, "url", c->lang, "plans/%lld", c->num);
	s = db_stmt(ST_PLAN_LINKS);
	db_bind_int64(s, 1, id);
	json_object_set_new(o, "links", links(s));
	json_object_set(o, "commitments", rows);
	export_plan_trust(o, id, 0);
	snprintf(name, sizeof name, "plan-%lld", c->num);
	return export_send(c, export_set("plan"), o, export_set("commitment_list"), rows, name);
}

/* The milestones of commitment id (ogp) as rows of milestone_list, with the
 * commitment's progress in p (the same figures as page_commitments_show): the date of
 * a figure is its progress_as_of, never the time the milestone was last changed. */
static json_t *
milestones(struct ctx *c, long long id, const char *ogp, struct progress *p)
{
	sqlite3_stmt *s = db_stmt(ST_MILESTONES);
	json_t       *rows = json_array(), *o;

	progress_init(p);
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		x_str(o, "ogp_id", ogp);
		export_milestone_fields(o, s, MS_POSITION);
		json_object_set_new(o, "evidence", export_evidence(db_int64(s, MS_ID)));
		export_url(o, "url", c->lang, "commitments/%s", ogp);
		export_milestone_trust(o, db_int64(s, MS_ID));
		json_array_append_new(rows, o);
		progress_add(
		    p, db_null(s, MS_PROGRESS) ? -1 : db_int(s, MS_PROGRESS), db_text(s, MS_AS_OF));
	}
	return rows;
}

/* /commitments/ID: the commitment (JSON) or its milestones (CSV). */
int
page_data_commitment(struct ctx *c)
{
	sqlite3_stmt   *s = db_stmt(ST_COMMITMENT);
	json_t         *o, *rows;
	struct progress p;
	long long       id;
	char            ogp[8], name[32];

	db_bind_text(s, 1, c->arg[0]);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_COMMITMENT";
		return 404;
	}
	id = db_int64(s, CM_ID);
	snprintf(ogp, sizeof ogp, "%s", db_text(s, CM_OGP_ID));
	o = json_object();
	x_text(o, "ogp_id", s, CM_OGP_ID);
	x_int(o, "plan_number", s, CM_PLAN_NUMBER);
	x_int(o, "number", s, CM_NUMBER);
	x_text(o, "title_pt", s, CM_TITLE_PT);
	x_text(o, "title_en", s, CM_TITLE_EN);
	export_commitment_fields(o, s, CM_SUMMARY_PT);
	db_reset(s);
	export_commitment_relations(o, id);
	rows = milestones(c, id, ogp, &p);
	x_progress(o, &p);
	export_url(o, "url", c->lang, "commitments/%s", ogp);
	s = db_stmt(ST_COMMITMENT_LINKS);
	db_bind_int64(s, 1, id);
	json_object_set_new(o, "links", links(s));
	json_object_set(o, "milestones", rows);
	export_commitment_trust(o, id, 0);
	snprintf(name, sizeof name, "commitment-%s", ogp);
	return export_send(
	    c, export_set("commitment"), o, export_set("milestone_list"), rows, name);
}

/* /network: every body, as page_network reads them. */
int
page_data_network(struct ctx *c)
{
	const struct xset *set = export_set("entity_list");
	sqlite3_stmt      *s = db_stmt(ST_ENTITIES);
	json_t            *rows = json_array(), *o;

	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		x_text(o, "slug", s, MEMBERS_SLUG);
		x_text(o, "acronym", s, MEMBERS_ACRONYM);
		x_text(o, "name_pt", s, MEMBERS_NAME_PT);
		x_text(o, "name_en", s, MEMBERS_NAME_EN);
		x_text(o, "entity_kind", s, MEMBERS_KIND);
		x_bool(o, "is_member", s, MEMBERS_IS_MEMBER);
		x_text(o, "member_since", s, MEMBERS_SINCE);
		x_text(o, "member_until", s, MEMBERS_UNTIL);
		x_text(o, "note_pt", s, MEMBERS_NOTE_PT);
		x_text(o, "note_en", s, MEMBERS_NOTE_EN);
		export_url(o, "url", c->lang, "members/%s", db_text(s, MEMBERS_SLUG));
		export_entity_trust(o, db_text(s, MEMBERS_SLUG));
		json_array_append_new(rows, o);
	}
	return export_send(c, set, NULL, set, rows, "network");
}

/* The commitments body id leads or supports, as rows of entity_commitment_list; the
 * roll-up of those it leads goes to roll. */
static json_t *
member_commitments(struct ctx *c, long long id, struct progress *roll)
{
	sqlite3_stmt   *s = db_stmt(ST_ENTITY_COMMITMENTS);
	json_t         *rows = json_array(), *o;
	struct progress p;

	progress_init(roll);
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		x_text(o, "role", s, EC_ROLE);
		x_text(o, "ogp_id", s, EC_OGP_ID);
		x_int(o, "plan_number", s, EC_PLAN);
		x_text(o, "title_pt", s, EC_TITLE_PT);
		x_text(o, "title_en", s, EC_TITLE_EN);
		x_text(o, "self_status", s, EC_STATUS);
		rollup_ms_agg(s, EC_AGG, &p);
		x_progress(o, &p);
		export_url(o, "url", c->lang, "commitments/%s", db_text(s, EC_OGP_ID));
		json_array_append_new(rows, o);
		if (strcmp(db_text(s, EC_ROLE), "lead") == 0)
			progress_add_rollup(roll, &p);
	}
	return rows;
}

/* /members/SLUG: the body (JSON) or its commitments (CSV). */
int
page_data_member(struct ctx *c)
{
	static const char *const keys[] = { "slug", "acronym", "name_pt", "name_en", "entity_kind",
		"website", "is_member", "member_since", "member_until", "description_pt",
		"description_en", "note_pt", "note_en", "source_url" };
	sqlite3_stmt            *s = db_stmt(ST_ENTITY);
	json_t                  *o, *rows;
	struct progress          roll;
	long long                id;
	char                     name[100];
	int                      i, col;

	db_bind_text(s, 1, c->arg[0]);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_MEMBER";
		return 404;
	}
	id = db_int64(s, MEMBER_ID);
	o = json_object();
	for (i = 0; i < (int)(sizeof keys / sizeof keys[0]); i++) {
		col = MEMBER_SLUG + i; /* the keys follow the columns */
		if (col == MEMBER_IS_MEMBER)
			x_bool(o, keys[i], s, col);
		else
			x_text(o, keys[i], s, col);
	}
	db_reset(s);
	rows = member_commitments(c, id, &roll);
	x_progress(o, &roll);
	export_url(o, "url", c->lang, "members/%s", c->arg[0]);
	s = db_stmt(ST_ENTITY_LINKS);
	db_bind_int64(s, 1, id);
	json_object_set_new(o, "links", links(s));
	json_object_set(o, "commitments", rows);
	export_entity_trust(o, c->arg[0]);
	snprintf(name, sizeof name, "member-%s", c->arg[0]);
	return export_send(
	    c, export_set("entity"), o, export_set("entity_commitment_list"), rows, name);
}

/* One row of event_list from ST_EVENTS / ST_EVENTS_UPCOMING. */
static json_t *
event_row(struct ctx *c, sqlite3_stmt *s, int upcoming)
{
	json_t *o = json_object();

	x_int(o, "event_id", s, EV_ID);
	x_text(o, "title_pt", s, EV_TITLE_PT);
	x_text(o, "title_en", s, EV_TITLE_EN);
	x_text(o, "event_kind", s, EV_KIND);
	x_text(o, "start_date", s, EV_START);
	x_text(o, "end_date", s, EV_END);
	x_text(o, "date_note_pt", s, EV_NOTE_PT);
	x_text(o, "date_note_en", s, EV_NOTE_EN);
	x_text(o, "place_pt", s, EV_PLACE_PT);
	x_text(o, "place_en", s, EV_PLACE_EN);
	x_bool(o, "online", s, EV_ONLINE);
	x_text(o, "organiser", s, EV_ORGANISER);
	json_object_set_new(o, "upcoming", json_boolean(upcoming));
	export_url(o, "url", c->lang, "events/%lld", db_int64(s, EV_ID));
	export_event_trust(o, db_int64(s, EV_ID));
	return o;
}

/* /events: upcoming events first, then past ones, as page_events_list. */
int
page_data_events_list(struct ctx *c)
{
	const struct xset *set = export_set("event_list");
	sqlite3_stmt      *s = db_stmt(ST_EVENTS_UPCOMING);
	json_t            *rows = json_array();
	const char        *start, *end;

	db_bind_text(s, 1, c->today);
	db_bind_int(s, 2, 1000);
	while (db_step(s) == SQLITE_ROW)
		json_array_append_new(rows, event_row(c, s, 1));
	s = db_stmt(ST_EVENTS);
	while (db_step(s) == SQLITE_ROW) {
		start = db_text(s, EV_START);
		end = db_text(s, EV_END) ? db_text(s, EV_END) : start;
		if (end != NULL && strcmp(end, c->today) >= 0)
			continue; /* listed as upcoming */
		json_array_append_new(rows, event_row(c, s, 0));
	}
	return export_send(c, set, NULL, set, rows, "events");
}

/* /events/N: the event; its CSV is the one row of the record without its links. */
int
page_data_event(struct ctx *c)
{
	static const char *const keys[] = { "event_id", "title_pt", "title_en", "event_kind",
		"start_date", "end_date", "date_note_pt", "date_note_en", "place_pt", "place_en",
		"online", "organiser", "info_url", "description_pt", "description_en" };
	const struct xset       *set = export_set("event");
	sqlite3_stmt            *s = db_stmt(ST_EVENT);
	json_t                  *o;
	char                     name[32];
	int                      i, col;

	db_bind_int64(s, 1, c->num);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_EVENT";
		return 404;
	}
	o = json_object();
	for (i = 0; i < (int)(sizeof keys / sizeof keys[0]); i++) {
		col = EV_ID + i; /* the keys follow the columns */
		if (col == EV_ID)
			x_int(o, keys[i], s, col);
		else if (col == EV_ONLINE)
			x_bool(o, keys[i], s, col);
		else
			x_text(o, keys[i], s, col);
	}
	db_reset(s);
	export_url(o, "url", c->lang, "events/%lld", c->num);
	s = db_stmt(ST_EVENT_LINKS);
	db_bind_int64(s, 1, c->num);
	json_object_set_new(o, "links", links(s));
	export_event_trust(o, c->num);
	snprintf(name, sizeof name, "event-%lld", c->num);
	return export_send(c, set, o, set, json_pack("[O]", o), name);
}

/* The phase of a consultation now, as a code. */
static const char *
phase_code(struct ctx *c, const char *opens, const char *closes)
{
	switch (consultation_phase(c->now, opens, closes)) {
	case PHASE_UPCOMING:
		return "upcoming";
	case PHASE_OPEN:
		return "open";
	default:
		return "closed";
	}
}

/* /consultations: as page_consultations_list. */
int
page_data_consultations_list(struct ctx *c)
{
	const struct xset *set = export_set("consultation_list");
	sqlite3_stmt      *s = db_stmt(ST_CONSULTATIONS);
	json_t            *rows = json_array(), *o;

	while (db_step(s) == SQLITE_ROW) {
		o = json_object();
		x_int(o, "consultation_id", s, KS_ID);
		x_text(o, "title_pt", s, KS_TITLE_PT);
		x_text(o, "title_en", s, KS_TITLE_EN);
		x_text(o, "opens_at", s, KS_OPENS);
		x_text(o, "closes_at", s, KS_CLOSES);
		x_bool(o, "dates_only", s, KS_DATES_ONLY);
		x_str(o, "consultation_phase",
		    phase_code(c, db_text(s, KS_OPENS), db_text(s, KS_CLOSES)));
		x_int(o, "submission_count", s, KS_COUNT);
		export_url(o, "url", c->lang, "consultations/%lld", db_int64(s, KS_ID));
		json_array_append_new(rows, o);
	}
	return export_send(c, set, NULL, set, rows, "consultations");
}

/* /consultations/N: the consultation with its submissions; its CSV is the submissions. */
int
page_data_consultation(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_X_CONSULTATIONS);
	json_t       *o = NULL, *subs;
	char          name[40];

	while (o == NULL && db_step(s) == SQLITE_ROW)
		if (db_int64(s, XK_ID) == c->num) {
			o = export_consultation_row(s);
			x_str(o, "consultation_phase",
			    phase_code(c, db_text(s, XK_OPENS), db_text(s, XK_CLOSES)));
		}
	db_reset(s);
	if (o == NULL) {
		c->error = "ERR_NO_CONSULTATION";
		return 404;
	}
	export_url(o, "url", c->lang, "consultations/%lld", c->num);
	subs = json_array();
	s = db_stmt(ST_X_CONSULTATION_SUBS);
	db_bind_int64(s, 1, c->num);
	while (db_step(s) == SQLITE_ROW)
		json_array_append_new(subs, export_submission_row(s, c->lang));
	json_object_set(o, "submissions", subs);
	snprintf(name, sizeof name, "consultation-%lld", c->num);
	return export_send(
	    c, export_set("consultation"), o, export_set("submission_list"), subs, name);
}

/* /data/NAME.csv|json|xlsx: a whole table; /data/all.xlsx: every table. */
int
page_data_file(struct ctx *c)
{
	const struct xset *set;
	json_t            *rows;

	if (c->fmt == FMT_XLSX && strcmp(c->arg[0], "all") == 0)
		return export_send_workbook(c);
	if (c->fmt == FMT_HTML || (rows = export_bulk(c->arg[0], &set)) == NULL) {
		c->error = "ERR_NOT_FOUND";
		return 404;
	}
	return export_send(c, set, NULL, set, rows, c->arg[0]);
}

/* /data/catalog.jsonld: the DCAT-AP description of the bulk tables. */
int
page_data_catalog(struct ctx *c)
{
	json_t *cat = dcat_catalog();
	char   *text;

	if (cat == NULL || (text = json_dumps(cat, JSON_INDENT(2) | JSON_PRESERVE_ORDER)) == NULL) {
		json_decref(cat);
		c->error = "ERR_INTERNAL";
		return 500;
	}
	c->resp->ctype = "application/ld+json; charset=utf-8";
	buf_reset(&c->resp->body);
	buf_puts(&c->resp->body, text);
	buf_put(&c->resp->body, "\n", 1);
	free(text);
	json_decref(cat);
	return 200;
}

/* The three buttons of the data page: the files most asked for (i18n key of the label). */
static const struct {
	const char *name;
	const char *label;
} buttons[] = {
	{ "commitments", "DATA_GET_COMMITMENTS" },
	{ "milestones", "DATA_GET_MILESTONES" },
	{ "commitments-ogp", "DATA_GET_OGP" },
};

/* The parts of the data dictionary the data page held before it was split: their old
 * anchors on /{lang}/data each stay, as a link to the part (i18n key of the label). */
static const struct {
	const char *id;
	const char *label;
} parts[] = {
	{ "conventions", "L_DATA_CONVENTIONS" },
	{ "how", "L_HOW_CALCULATED" },
	{ "confidence", "L_DATA_CONFIDENCE" },
	{ "dates", "L_DATA_DATES" },
	{ "fields", "L_DATA_FIELDS" },
};

/* /{lang}/data: what there is, the three downloads, every table, the licence (the
 * deployment's setting, export_license; while unset, that none is stated), the API and the
 * way to the data dictionary (/{lang}/data/dictionary). */
int
page_data(struct ctx *c)
{
	static const char *const examples[] = { "plans.json", "plans.csv", "network.json",
		"events.csv" };
	tpl_dict                *b = page_body(c, "data.tpl"), *d;
	const struct xset       *set;
	char                     href[600];
	size_t                   i;

	page_title(c, "%s", i18n("L_DATA_HEADING", c->en));
	for (i = 0; i < sizeof buttons / sizeof buttons[0]; i++) {
		d = tpl_section(b, "BUTTON");
		tpl_set(d, "NAME", buttons[i].name);
		tpl_set(d, "LABEL", i18n(buttons[i].label, c->en));
	}
	for (i = 0; i < export_set_count(); i++) {
		set = export_set_at(i);
		if (set->where != XW_BULK)
			continue;
		d = tpl_section(b, "BULK");
		tpl_set(d, "NAME", set->name);
		tpl_set(d, "DESC", c->en ? set->en : set->pt);
	}
	for (i = 0; i < sizeof examples / sizeof examples[0]; i++) {
		snprintf(href, sizeof href, "/%s/%s", c->lang, examples[i]);
		tpl_set(tpl_section(b, "EXAMPLE"), "HREF", href);
	}
	if (export_license() != NULL) /* the deployment's setting, ABERTA_DATA_LICENSE */
		tpl_set(tpl_section(b, "HAS_LICENCE"), "HREF", export_license());
	else
		tpl_show(b, "NO_LICENCE");
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		d = tpl_section(b, "PART");
		tpl_set(d, "ID", parts[i].id);
		tpl_set(d, "LABEL", i18n(parts[i].label, c->en));
	}
	page_alternate(c, "application/ld+json", "/data/catalog.jsonld");
	return 200;
}
