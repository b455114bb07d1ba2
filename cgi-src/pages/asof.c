/* A plan's dated snapshots (store/snapshot.h): /{lang}/plans/N/as-of/YYYY-MM-DD, the
 * state of its commitments and milestones frozen when a reporting round closed, with its
 * JSON and CSV; and the list of a plan's snapshots on the plan page.  Every value comes
 * from the frozen rows: nothing here reads the live commitments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/answer.h"
#include "lib/consult.h"
#include "lib/progress.h"
#include "store/db.h"
#include "store/rollup.h"
#include "store/snapshot.h"
#include "view/export.h"
#include "view/i18n.h"
#include "pages/pages.h"
#include "view/page.h"

/* Finds the snapshot of plan c->num dated c->arg[1] (the route checked both): returns
 * the SN_FIND statement at its row, or NULL with c->error set (no such plan, or no
 * snapshot that day) for a 404. */
static sqlite3_stmt *
find(struct ctx *c)
{
	sqlite3_stmt *s = snapshot_stmt(SN_FIND), *p;

	db_bind_int64(s, 1, c->num);
	db_bind_text(s, 2, c->arg[1]);
	if (db_step(s) == SQLITE_ROW)
		return s;
	db_reset(s);
	p = db_stmt(ST_PLAN_BY_NUMBER);
	db_bind_int64(p, 1, c->num);
	c->error = db_step(p) == SQLITE_ROW ? "ERR_NO_SNAPSHOT" : "ERR_NO_PLAN";
	db_reset(p);
	return NULL;
}

/* Sets key to the wall clock of Lisbon at utc (YYYY-MM-DDTHH:MM:SSZ): "7 de dezembro
 * de 2026, 18:04" (utc itself when it is not such a time); key_ISO to utc itself. */
static void
lisbon_time(struct ctx *c, tpl_dict *d, const char *key, const char *utc)
{
	char local[24], text[96], iso[64];

	snprintf(iso, sizeof iso, "%s_ISO", key);
	tpl_set(d, iso, utc);
	tpl_set(d, key, utc);
	if (utc_to_local(NULL, utc, local, sizeof local, NULL) != 0)
		return;
	local[10] = '\0';
	i18n_date(local, c->en, text, sizeof text);
	snprintf(text + strlen(text), sizeof text - strlen(text), ", %s", local + 11);
	tpl_set(d, key, text);
}

/* One milestone of SN_MILESTONES (row of s) into d: its title, status, figure with its
 * date as it is known, its doubt and source, its planned dates and completion; overdue
 * as of the snapshot's day. */
static void
milestone(struct ctx *c, tpl_dict *d, sqlite3_stmt *s, const char *as_of)
{
	const char *src = db_text(s, SM_PROGRESS_SOURCE);
	int         pct = db_null(s, SM_PROGRESS) ? -1 : db_int(s, SM_PROGRESS);
	tpl_dict   *h;

	page_text(c, d, "MS_TITLE", db_text(s, SM_TITLE_PT), db_text(s, SM_TITLE_EN));
	page_date(c, d, "PSTART", db_text(s, SM_PLANNED_START));
	page_date(c, d, "PEND", db_text(s, SM_PLANNED_END));
	if (progress_overdue(db_text(s, SM_PLANNED_END), pct, db_text(s, SM_STATUS), as_of))
		tpl_show(d, "OVERDUE");
	if (db_text(s, SM_COMPLETED_ON) != NULL)
		page_date(c, tpl_section(d, "DONE"), "DONE_TEXT", db_text(s, SM_COMPLETED_ON));
	page_enum(c, d, "STATUS", "ms_status", db_text(s, SM_STATUS));
	if (pct < 0) {
		tpl_show(d, "NO_PCT");
		return;
	}
	h = tpl_section(d, "HAS_PCT");
	tpl_set_int(h, "PCT", pct);
	page_doubt(c, h, "DOUBT", db_text(s, SM_PROGRESS_CONFIDENCE));
	page_figure_date(
	    c, h, "ASOF", db_text(s, SM_PROGRESS_AS_OF), db_text(s, SM_PROGRESS_AS_OF_KIND));
	if (src == NULL)
		tpl_show(h, "SOURCE_MISSING");
	else if (strncmp(src, "http", 4) == 0) {
		tpl_dict *l = tpl_section(h, "SRC");
		tpl_set(l, "URL", src);
		page_url_label(c, l, "LABEL", src, NULL, NULL);
	} else
		tpl_set(tpl_section(h, "SRC_TEXT"), "TEXT", src);
}

/* One commitment of SN_COMMITMENTS (row of s) into d: number, title and OGP id with
 * their doubts, lead bodies, self-reported status with its date, figure and doubt, and
 * the progress of its milestones. */
static void
commitment(struct ctx *c, tpl_dict *d, sqlite3_stmt *s)
{
	struct progress p;
	tpl_dict       *h;

	tpl_set(d, "OGP_ID", db_text(s, SC_OGP_ID));
	tpl_set(d, "NUMBER", db_text(s, SC_NUMBER));
	page_commitment_doubts(c, d,
	    page_text(c, d, "TITLE", db_text(s, SC_TITLE_PT), db_text(s, SC_TITLE_EN)),
	    db_text(s, SC_TITLE_PT), db_text(s, SC_TITLE_PT_CONFIDENCE),
	    db_text(s, SC_TITLE_EN_CONFIDENCE), db_text(s, SC_OGP_ID_CONFIDENCE));
	if (db_text(s, SC_LEADS) != NULL)
		tpl_set(d, "LEADS", db_text(s, SC_LEADS));
	else
		tpl_show(d, "NO_LEAD");
	page_enum(c, d, "STATUS", "self_status", db_text(s, SC_SELF_STATUS));
	if (db_text(s, SC_SELF_STATUS) != NULL || !db_null(s, SC_SELF_PERCENT)) {
		h = tpl_section(d, "SELF");
		if (!db_null(s, SC_SELF_PERCENT))
			tpl_set_int(tpl_section(h, "SELF_PCT"), "PCT", db_int(s, SC_SELF_PERCENT));
		page_doubt(c, h, "DOUBT", db_text(s, SC_SELF_CONFIDENCE));
		page_figure_date(c, h, "SELF_DATE", db_text(s, SC_SELF_STATUS_DATE),
		    db_text(s, SC_SELF_AS_OF_KIND));
	}
	rollup_ms_agg(s, SC_TOTAL, &p);
	page_progress(c, d, &p, 0);
}

/* The commitments of snapshot id and their milestones (both in the plan's order) into
 * b; as_of: the snapshot's day. */
static void
commitments(struct ctx *c, tpl_dict *b, long long id, const char *as_of)
{
	sqlite3_stmt *s = snapshot_stmt(SN_COMMITMENTS), *m = snapshot_stmt(SN_MILESTONES);
	tpl_dict     *d, *h;
	int           mrow, n = 0;

	db_bind_int64(s, 1, id);
	db_bind_int64(m, 1, id);
	mrow = db_step(m);
	while (db_step(s) == SQLITE_ROW) {
		d = tpl_section(b, "COMMITMENT");
		n++;
		commitment(c, d, s);
		for (h = NULL;
		     mrow == SQLITE_ROW && db_int64(m, SM_COMMITMENT_ID) == db_int64(s, SC_ID);
		     mrow = db_step(m)) {
			if (h == NULL)
				h = tpl_section(d, "HAS_MILESTONES");
			milestone(c, tpl_section(h, "MS"), m, as_of);
		}
		if (h == NULL)
			tpl_show(d, "NO_MILESTONES");
	}
	tpl_set_int(b, "N", n);
}

int
page_plans_asof(struct ctx *c)
{
	sqlite3_stmt *s = find(c);
	tpl_dict     *b;
	const char   *title;
	char          ord[64], day[64];

	if (s == NULL)
		return 404;
	b = page_body(c, "asof.tpl");
	snprintf(ord, sizeof ord, "%s %lld", i18n("T_PLAN", c->en), c->num);
	tpl_set(b, "ORDINAL", ord);
	tpl_set_int(b, "PLAN_NUMBER", c->num);
	title = page_text(
	    c, b, "PLAN_TITLE", db_text(s, SNF_PLAN_TITLE_PT), db_text(s, SNF_PLAN_TITLE_EN));
	page_date(c, b, "AS_OF", db_text(s, SNF_AS_OF));
	i18n_date(db_text(s, SNF_AS_OF), c->en, day, sizeof day);
	page_title(c, "%s — %s %s", title ? title : ord, i18n("L_ASOF_STATE_ON", c->en), day);
	tpl_set(b, "ROUND", db_text(s, SNF_NAME));
	lisbon_time(c, b, "MOMENT", db_text(s, SNF_MOMENT));
	lisbon_time(c, b, "TAKEN", db_text(s, SNF_TAKEN_AT));
	commitments(c, b, db_int64(s, SNF_ID), db_text(s, SNF_AS_OF));
	db_reset(s);
	return 200;
}

/* Sets o[key] to the list of the "; "-separated names of column i of s (empty: none). */
static void
names(json_t *o, const char *key, sqlite3_stmt *s, int i)
{
	json_t     *a = json_array();
	const char *p = db_text(s, i), *e;

	while (p != NULL && *p != '\0') {
		e = strstr(p, EXPORT_LIST_SEP);
		json_array_append_new(a, json_stringn(p, e ? (size_t)(e - p) : strlen(p)));
		p = e ? e + strlen(EXPORT_LIST_SEP) : NULL;
	}
	json_object_set_new(o, key, a);
}

/* A milestone of SN_MILESTONES (row of s) as a new snapshot_milestone record. */
static json_t *
ms_record(sqlite3_stmt *s)
{
	static const struct xcol cols[] = { { "position", SM_POSITION, 'i' },
		{ "title_pt", SM_TITLE_PT, 't' }, { "title_en", SM_TITLE_EN, 't' },
		{ "status", SM_STATUS, 't' }, { "progress", SM_PROGRESS, 'i' },
		{ "progress_as_of", SM_PROGRESS_AS_OF, 't' },
		{ "progress_as_of_kind", SM_PROGRESS_AS_OF_KIND, 't' },
		{ "progress_source", SM_PROGRESS_SOURCE, 't' },
		{ "progress_confidence", SM_PROGRESS_CONFIDENCE, 't' },
		{ "planned_start", SM_PLANNED_START, 't' }, { "planned_end", SM_PLANNED_END, 't' },
		{ "completed_on", SM_COMPLETED_ON, 't' },
		{ "title_pt_kind", SM_TITLE_PT_KIND, 't' },
		{ "title_en_kind", SM_TITLE_EN_KIND, 't' } };
	json_t                  *o = json_object();

	x_cols(o, s, cols, sizeof cols / sizeof cols[0], 0, 0);
	return o;
}

/* A commitment of SN_COMMITMENTS (row of s) as a new snapshot_commitment record, its
 * milestones an empty list to fill. */
static json_t *
cm_record(struct ctx *c, sqlite3_stmt *s)
{
	static const struct xcol head[] = { { "ogp_id", SC_OGP_ID, 't' },
		{ "number", SC_NUMBER, 'i' }, { "title_pt", SC_TITLE_PT, 't' },
		{ "title_en", SC_TITLE_EN, 't' }, { "self_status", SC_SELF_STATUS, 't' },
		{ "self_as_of", SC_SELF_STATUS_DATE, 't' },
		{ "self_as_of_kind", SC_SELF_AS_OF_KIND, 't' },
		{ "self_percent", SC_SELF_PERCENT, 'i' }, { "self_source", SC_SELF_SOURCE, 't' },
		{ "self_confidence", SC_SELF_CONFIDENCE, 't' } };
	static const struct xcol tail[] = { { "ogp_id_confidence", SC_OGP_ID_CONFIDENCE, 't' },
		{ "title_pt_kind", SC_TITLE_PT_KIND, 't' },
		{ "title_pt_confidence", SC_TITLE_PT_CONFIDENCE, 't' },
		{ "title_en_kind", SC_TITLE_EN_KIND, 't' },
		{ "title_en_confidence", SC_TITLE_EN_CONFIDENCE, 't' } };
	json_t                  *o = json_object();
	struct progress          p;

	x_cols(o, s, head, sizeof head / sizeof head[0], 0, 0);
	names(o, "lead_names", s, SC_LEADS);
	rollup_ms_agg(s, SC_TOTAL, &p);
	x_progress(o, &p);
	export_url(o, "url", c->lang, "commitments/%s", db_text(s, SC_OGP_ID));
	json_object_set_new(o, "milestones", json_array());
	x_cols(o, s, tail, sizeof tail / sizeof tail[0], 0, 0);
	return o;
}

/* A row of snapshot_rows: the snapshot's facts (of env), commitment cm's and, when ms
 * is not NULL, milestone ms's. */
static json_t *
csv_row(json_t *env, json_t *cm, json_t *ms)
{
	static const char *const from_env[] = { "snapshot_as_of", "snapshot_moment", "round_name",
		"snapshot_source", "plan_number" };
	static const char *const from_cm[] = { "ogp_id", "number", "self_status", "self_as_of",
		"self_as_of_kind", "self_percent", "self_confidence", "lead_names" };
	static const char *const from_ms[] = { "position", "title_pt", "title_en", "status",
		"progress", "progress_as_of", "progress_as_of_kind", "progress_source",
		"progress_confidence", "planned_start", "planned_end", "completed_on" };
	json_t                  *o = json_object();
	size_t                   i;

	for (i = 0; i < sizeof from_env / sizeof from_env[0]; i++)
		json_object_set(o, from_env[i], json_object_get(env, from_env[i]));
	for (i = 0; i < sizeof from_cm / sizeof from_cm[0]; i++)
		json_object_set(o, from_cm[i], json_object_get(cm, from_cm[i]));
	for (i = 0; i < sizeof from_ms / sizeof from_ms[0]; i++)
		json_object_set_new(
		    o, from_ms[i], ms ? json_incref(json_object_get(ms, from_ms[i])) : json_null());
	json_object_set(o, "url", json_object_get(cm, "url"));
	return o;
}

/* The commitments of snapshot id with their milestones into the list cms of o (JSON),
 * or the rows of its CSV into rows: only what c->fmt answers is built. */
static void
records(struct ctx *c, long long id, json_t *o, json_t *cms, json_t *rows)
{
	sqlite3_stmt *s = snapshot_stmt(SN_COMMITMENTS), *m = snapshot_stmt(SN_MILESTONES);
	json_t       *cm, *ms;
	int           mrow, n, csv = c->fmt == FMT_CSV;

	db_bind_int64(s, 1, id);
	db_bind_int64(m, 1, id);
	mrow = db_step(m);
	while (db_step(s) == SQLITE_ROW) {
		cm = cm_record(c, s);
		json_array_append_new(cms, cm);
		for (n = 0;
		     mrow == SQLITE_ROW && db_int64(m, SM_COMMITMENT_ID) == db_int64(s, SC_ID);
		     mrow = db_step(m), n++) {
			ms = ms_record(m);
			if (csv) {
				json_array_append_new(rows, csv_row(o, cm, ms));
				json_decref(ms);
			} else
				json_array_append_new(json_object_get(cm, "milestones"), ms);
		}
		if (n == 0 && csv)
			json_array_append_new(rows, csv_row(o, cm, NULL));
	}
}

int
page_data_plans_asof(struct ctx *c)
{
	sqlite3_stmt *s = find(c);
	json_t       *o, *cms, *rows;
	char          name[64];

	if (s == NULL)
		return 404;
	o = json_object();
	json_object_set_new(o, "plan_number", json_integer((json_int_t)c->num));
	x_text(o, "title_pt", s, SNF_PLAN_TITLE_PT);
	x_text(o, "title_en", s, SNF_PLAN_TITLE_EN);
	x_text(o, "snapshot_as_of", s, SNF_AS_OF);
	x_text(o, "snapshot_moment", s, SNF_MOMENT);
	x_text(o, "snapshot_taken_at", s, SNF_TAKEN_AT);
	x_text(o, "round_name", s, SNF_NAME);
	export_url(o, "snapshot_source", c->lang, "plans/%lld/history", c->num);
	export_url(o, "url", c->lang, "plans/%lld/as-of/%s", c->num, db_text(s, SNF_AS_OF));
	export_url(o, "plan_url", c->lang, "plans/%lld", c->num);
	cms = json_array();
	rows = json_array();
	records(c, db_int64(s, SNF_ID), o, cms, rows);
	json_object_set_new(o, "commitments", cms);
	snprintf(name, sizeof name, "plan-%lld-as-of-%s", c->num, db_text(s, SNF_AS_OF));
	db_reset(s);
	return export_send(
	    c, export_set("plan_snapshot"), o, export_set("snapshot_rows"), rows, name);
}

void
page_plan_snapshots(struct ctx *c, tpl_dict *b)
{
	sqlite3_stmt *s = snapshot_stmt(SN_OF_PLAN);
	tpl_dict     *h = NULL, *d;

	db_bind_int64(s, 1, c->num);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "HAS_SNAPSHOTS");
		d = tpl_section(h, "SNAPSHOT");
		tpl_set(d, "AS_OF_CODE", db_text(s, SNL_AS_OF));
		page_date(c, d, "AS_OF", db_text(s, SNL_AS_OF));
		tpl_set(d, "ROUND", db_text(s, SNL_NAME));
	}
	if (h == NULL)
		tpl_show(b, "NO_SNAPSHOTS");
}
