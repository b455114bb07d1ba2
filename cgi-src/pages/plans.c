/* Action plans: the list, and one plan with its commitments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/domains.h"
#include "store/db.h"
#include "store/glance.h"
#include "view/i18n.h"
#include "pages/headline.h"
#include "pages/pages.h"
#include "store/rollup.h"
#include "view/page.h"

#define PLANS_MAX 999 /* plan numbers are 1-999 */

int
page_plans_list(struct ctx *c)
{
	tpl_dict              *b = page_body(c, "plans.tpl"), *d;
	static long long       ids[PLANS_MAX];
	static struct progress roll[PLANS_MAX];
	sqlite3_stmt          *s;
	size_t                 n = 0, i;

	page_title(c, "%s", i18n("T_PLANS", c->en));
	n = rollup_plans(ST_PLANS, ids, roll, PLANS_MAX);
	s = db_stmt(ST_PLANS);
	for (i = 0; db_step(s) == SQLITE_ROW && i < n; i++) {
		d = tpl_section(b, "PLAN");
		tpl_set_int(d, "NUMBER", db_int(s, PLANS_NUMBER));
		page_text(
		    c, d, "PLAN_TITLE", db_text(s, PLANS_TITLE_PT), db_text(s, PLANS_TITLE_EN));
		page_period(c, d, "PERIOD", db_text(s, PLANS_START), db_text(s, PLANS_END));
		page_enum(c, d, "STATUS", "plan_status", db_text(s, PLANS_STATUS));
		tpl_set_int(d, "N", db_int(s, PLANS_COUNT));
		page_progress(c, d, &roll[i], 1);
		headline_plan(c, d, db_int64(s, PLANS_ID));
	}
	return 200;
}

/* One commitment's row dictionary, found by id among the n rows (ids ascending by
 * position of creation, so a linear scan from the last hit is fast). */
struct row {
	long long id;
	tpl_dict *d;
	int       leads;
};

/* The status chart: a column for each self-reported status (lib/domains.h), in the
 * domain's order, and a last one that counts "not recorded". */
#define CHART_MAX 16

/* The width class of a bar: pct (0-100) to the nearest 5 (the .w0-.w100 classes). */
static int
bar_step(int pct)
{
	return (pct + 2) / 5 * 5;
}

/* Sets the bar of a commitment in the plan's progress chart.  The chart repeats the
 * section COMMITMENT of the table (labelled with its title and OGP id): one dictionary
 * per commitment serves both, instead of a second section of 2,000 on the biggest plan. */
static void
progress_bar(struct ctx *c, tpl_dict *bar, const struct progress *p)
{
	char v[8];
	int  pct;

	if (progress_has_data(p)) {
		pct = progress_percent(p); /* 0-100 */
		tpl_set_int(bar, "BAR_STEP", bar_step(pct));
		snprintf(v, sizeof v, "%d%%", pct);
		tpl_set(bar, "BAR_VALUE", v);
	} else {
		tpl_set_int(bar, "BAR_STEP", 0);
		tpl_set(bar, "BAR_VALUE", i18n("L_NO_DATA", c->en));
	}
}

/* The status distribution chart: one bar per status with its count. */
static void
status_chart(struct ctx *c, tpl_dict *b, const int counts[CHART_MAX])
{
	const struct domain *st = domain(DOM_SELF_STATUS);
	tpl_dict            *col;
	int                  i, max = 1, n = (int)st->n + 1;

	for (i = 0; i < n; i++)
		if (counts[i] > max)
			max = counts[i];
	for (i = 0; i < n; i++) {
		col = tpl_section(b, "COL");
		tpl_set_int(col, "STEP", bar_step(counts[i] * 100 / max));
		tpl_set_int(col, "COUNT", counts[i]);
		tpl_set(col, "LABEL",
		    i < n - 1 ? i18n_enum(st->name, st->codes[i].code, c->en)
			      : i18n("L_NOT_RECORDED", c->en));
	}
}

/* Returns the chart index of a status code (the last for NULL or unknown). */
static int
status_index(const char *st)
{
	const struct domain *d = domain(DOM_SELF_STATUS);
	const struct dcode  *code = domain_code(d, st);

	return code != NULL ? (int)(code - d->codes) : (int)d->n;
}

/* The name of a lead body (a row of ST_PLAN_LEADS) into NAME of l: its acronym, spelled
 * out (LEAD_ABBR, FULL) when its name is known, else its name. */
static void
lead_name(struct ctx *c, tpl_dict *l, sqlite3_stmt *s)
{
	const char *acronym = db_text(s, LEAD_ACRONYM);

	if (acronym == NULL) {
		page_text(c, l, "NAME", db_text(s, LEAD_NAME_PT), db_text(s, LEAD_NAME_EN));
		tpl_show(l, "LEAD_PLAIN");
		return;
	}
	tpl_set(l, "NAME", acronym);
	tpl_set(l, "NAME_LANG", c->lang);
	tpl_show(l,
	    page_text(c, l, "FULL", db_text(s, LEAD_NAME_PT), db_text(s, LEAD_NAME_EN))
		? "LEAD_ABBR"
		: "LEAD_PLAIN");
}

/* Fills the commitments table; returns the number of commitments and their roll-up. */
static size_t
commitments(struct ctx *c, tpl_dict *b, long long plan_id, struct progress *roll)
{
	sqlite3_stmt        *s = db_stmt(ST_PLAN_COMMITMENTS);
	struct row          *rows = NULL, *r, *nr;
	struct rollup_idref *byid;
	struct progress      p;
	size_t               n = 0, cap = 0, i;
	tpl_dict            *d, *l;
	int                  counts[CHART_MAX] = { 0 };

	progress_init(roll);
	db_bind_int64(s, 1, plan_id);
	while (db_step(s) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nr = realloc(rows, cap * sizeof *rows)) == NULL)
				break;
			rows = nr;
		}
		d = tpl_section(b, "COMMITMENT");
		rows[n].id = db_int64(s, LC_ID);
		rows[n].d = d;
		rows[n++].leads = 0;
		tpl_set(d, "OGP_ID", db_text(s, LC_OGP_ID));
		tpl_set(d, "NUMBER", db_text(s, LC_NUMBER));
		page_commitment_doubts(c, d,
		    page_text(c, d, "TITLE", db_text(s, LC_TITLE_PT), db_text(s, LC_TITLE_EN)),
		    db_text(s, LC_TITLE_PT), db_text(s, PC_TITLE_PT_CONF),
		    db_text(s, PC_TITLE_EN_CONF), db_text(s, PC_OGP_CONF));
		page_enum(c, d, "STATUS", "self_status", db_text(s, LC_STATUS));
		rollup_ms_agg(s, PC_AGG, &p);
		page_progress(c, d, &p, 0);
		progress_add_rollup(roll, &p);
		progress_bar(c, d, &p);
		counts[status_index(db_text(s, LC_STATUS))]++;
	}
	status_chart(c, b, counts);
	if ((byid = calloc(n + 1, sizeof *byid)) == NULL) {
		free(rows);
		return n;
	}
	for (i = 0; i < n; i++)
		byid[i] = (struct rollup_idref){ rows[i].id, &rows[i] };
	rollup_idrefs_sort(byid, n);
	s = db_stmt(ST_PLAN_LEADS);
	db_bind_int64(s, 1, plan_id);
	while (db_step(s) == SQLITE_ROW) {
		if ((r = rollup_idref_find(byid, n, db_int64(s, LEAD_CID))) == NULL)
			continue;
		l = tpl_section(r->d, "LEAD");
		r->leads++;
		tpl_set(l, "SLUG", db_text(s, LEAD_SLUG));
		lead_name(c, l, s);
		page_doubt(c, l, "DOUBT", db_text(s, LEAD_CONF));
	}
	for (i = 0; i < n; i++)
		if (rows[i].leads == 0)
			tpl_show(rows[i].d, "NO_LEAD");
	free(byid);
	free(rows);
	return n;
}

/* The plan's documents (GL_PLAN_DOCS) as DOCUMENT in HAS_DOCS of b, or NO_DOCS: kind,
 * title in the page language, date, and the address or, when it was not found, the
 * pages that list it named by their host. */
static void
plan_documents(struct ctx *c, tpl_dict *b, long long plan_id)
{
	sqlite3_stmt *s = gl_stmt(GL_PLAN_DOCS);
	tpl_dict     *h = NULL, *d;

	db_bind_int64(s, 1, plan_id);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "HAS_DOCS");
		d = tpl_section(h, "DOCUMENT");
		page_enum(c, d, "KIND", "doc_kind", db_text(s, GLD_KIND));
		page_text(c, d, "TITLE", db_text(s, GLD_TITLE_PT), db_text(s, GLD_TITLE_EN));
		page_date(c, d, "DATE", db_text(s, GLD_DATE));
		if (db_text(s, GLD_URL) != NULL) {
			tpl_show(d, "HAS_URL");
			tpl_set(d, "URL", db_text(s, GLD_URL));
			page_url_state(c, d, "URLSTATE", db_text(s, GLD_URL));
		} else {
			tpl_show(d, "NO_URL");
			page_url_lines(c, d, "HAS_LISTED", "LISTED", db_text(s, GLD_LISTED));
		}
		if (page_text(c, d, "D_NOTE", db_text(s, GLD_NOTE_PT), db_text(s, GLD_NOTE_EN)))
			tpl_show(d, "HAS_D_NOTE");
	}
	if (h == NULL)
		tpl_show(b, "NO_DOCS");
}

/* The plan's assessments (GL_PLAN_ASSESS) as ASSESS in HAS_ASSESS of b, or NO_ASSESS:
 * assessor, report kind (the link to the report), date, summary in the page language. */
static void
plan_assessments(struct ctx *c, tpl_dict *b, long long plan_id)
{
	sqlite3_stmt *s = gl_stmt(GL_PLAN_ASSESS);
	tpl_dict     *h = NULL, *d;

	db_bind_int64(s, 1, plan_id);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "HAS_ASSESS");
		d = tpl_section(h, "ASSESS");
		page_enum(c, d, "ASSESSOR", "assessor", db_text(s, GLA_ASSESSOR));
		page_enum(c, d, "KIND", "report_kind", db_text(s, GLA_KIND));
		page_date(c, d, "DATE", db_text(s, GLA_DATE));
		page_text(
		    c, d, "A_SUMMARY", db_text(s, GLA_SUMMARY_PT), db_text(s, GLA_SUMMARY_EN));
		if (db_text(s, GLA_SOURCE) != NULL) {
			tpl_show(d, "HAS_SOURCE");
			tpl_set(d, "SOURCE", db_text(s, GLA_SOURCE));
			page_url_state(c, d, "SRCSTATE", db_text(s, GLA_SOURCE));
		} else
			tpl_show(d, "NO_SOURCE");
	}
	if (h == NULL)
		tpl_show(b, "NO_ASSESS");
}

/* The plan's self-reported completion figures over time (GL_PLAN_FIGURES) as FIGURE in
 * HAS_FIGURES of b, or NO_FIGURES: percent (or the count its note gives), its date
 * worded by its as_of_kind, its doubt and its source named by the title of the plan's
 * link to it, else by its host. */
static void
plan_figures(struct ctx *c, tpl_dict *b, long long plan_id)
{
	sqlite3_stmt *s = gl_stmt(GL_PLAN_FIGURES);
	tpl_dict     *h = NULL, *d;

	db_bind_int64(s, 1, plan_id);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "HAS_FIGURES");
		d = tpl_section(h, "FIGURE");
		if (db_text(s, GLS_PCT) != NULL) {
			tpl_show(d, "HAS_PCT");
			tpl_set_int(d, "PCT", db_int(s, GLS_PCT));
		}
		page_figure_date(c, d, "DATE", db_text(s, GLS_AS_OF), db_text(s, GLS_KIND));
		page_doubt(c, d, "DOUBT", db_text(s, GLS_CONF));
		tpl_set(d, "SOURCE", db_text(s, GLS_SOURCE));
		page_url_label(c, d, "SOURCE_LABEL", db_text(s, GLS_SOURCE), db_text(s, GLS_SRC_PT),
		    db_text(s, GLS_SRC_EN));
		page_url_state(c, d, "SRCSTATE", db_text(s, GLS_SOURCE));
		if (page_text(c, d, "F_NOTE", db_text(s, GLS_NOTE_PT), db_text(s, GLS_NOTE_EN)))
			tpl_show(d, "HAS_F_NOTE");
	}
	if (h == NULL)
		tpl_show(b, "NO_FIGURES");
}

int
page_plans_show(struct ctx *c)
{
	tpl_dict       *b;
	const char     *title;
	sqlite3_stmt   *s = db_stmt(ST_PLAN_BY_NUMBER);
	struct progress roll;
	long long       id;
	size_t          n;
	char            ord[64], feed[64], num[24];

	db_bind_int64(s, 1, c->num);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_PLAN";
		return 404;
	}
	b = page_body(c, "plan.tpl");
	id = db_int64(s, PLAN_ID);
	snprintf(ord, sizeof ord, "%s %lld", i18n("T_PLAN", c->en), c->num);
	tpl_set(b, "ORDINAL", ord);
	tpl_set_int(b, "PLAN_NUMBER", c->num);
	snprintf(feed, sizeof feed, "/%s/plans/%lld/feed.atom", c->lang, c->num);
	page_feed_link(c, feed, ord);
	title = page_text(c, b, "PLAN_TITLE", db_text(s, PLAN_TITLE_PT), db_text(s, PLAN_TITLE_EN));
	page_title(c, "%s", title ? title : ord);
	page_period(c, b, "PERIOD", db_text(s, PLAN_START), db_text(s, PLAN_END));
	page_date(c, b, "PUBLISHED", db_text(s, PLAN_PUBLISHED));
	if (db_text(s, PLAN_PUBLISHED) != NULL)
		page_doubt(c, b, "PUBLISHED_DOUBT", db_text(s, PLAN_PUBLISHED_CONF));
	page_paras(
	    c, b, "COCREATION", db_text(s, PLAN_COCREATION_PT), db_text(s, PLAN_COCREATION_EN));
	page_paras(c, b, "SUMMARY", db_text(s, PLAN_SUMMARY_PT), db_text(s, PLAN_SUMMARY_EN));
	/* a summary heading only where one was written (else SUMMARY_MISSING heads the
	 * sources): the assessments above say what the independent reports found */
	if ((db_text(s, PLAN_SUMMARY_PT) != NULL && *db_text(s, PLAN_SUMMARY_PT) != '\0') ||
	    (db_text(s, PLAN_SUMMARY_EN) != NULL && *db_text(s, PLAN_SUMMARY_EN) != '\0'))
		tpl_show(b, "HAS_SUMMARY");
	if (db_text(s, PLAN_DOC) != NULL) {
		tpl_show(b, "DOC");
		tpl_set(b, "DOC_URL", db_text(s, PLAN_DOC));
		page_url_state(c, b, "DOC_STATE", db_text(s, PLAN_DOC));
	} else
		tpl_show(b, "NO_DOC");
	page_enum(c, b, "STATUS", "plan_status", db_text(s, PLAN_STATUS));
	if (page_text(c, b, "PLAN_NOTE", db_text(s, PLAN_NOTE_PT), db_text(s, PLAN_NOTE_EN)))
		tpl_show(b, "HAS_PLAN_NOTE");
	db_reset(s);
	n = commitments(c, b, id, &roll);
	tpl_set_int(b, "N", (long long)n);
	page_progress(c, b, &roll, 1);
	headline_plan(c, b, id);
	plan_figures(c, b, id);
	plan_assessments(c, b, id);
	plan_documents(c, b, id);
	s = db_stmt(ST_PLAN_LINKS);
	db_bind_int64(s, 1, id);
	page_links(c, b, "HAS_LINKS", "LINK", s);
	page_plan_snapshots(c, b);
	snprintf(num, sizeof num, "%lld", c->num);
	page_follow_form(c, b, "plan", num);
	tpl_include(b, "HOW", "how.tpl");
	return 200;
}
