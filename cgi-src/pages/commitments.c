/* One commitment: milestones, progress and its formula, self-reported status beside
 * the independent (IRM) assessment, sources. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/urlcode.h"
#include "store/db.h"
#include "store/trust.h"
#include "view/i18n.h"
#include "pages/pages.h"
#include "view/page.h"

/* The IRM indicators, in the order shown, with their enum domains. */
static const struct {
	int         col;
	const char *label;
	const char *domain;
} irm_rows[] = {
	{ CM_VERIFIABLE, "IRM_VERIFIABLE", "yesno" },
	{ CM_RELEVANT, "IRM_RELEVANT", "yesno" },
	{ CM_AMBITION, "IRM_AMBITION", "ambition" },
	{ CM_POT_IMPACT, "IRM_POTENTIAL_IMPACT", "potential_impact" },
	{ CM_POT_RESULTS, "IRM_POTENTIAL_RESULTS", "potential_results" },
	{ CM_PROMISING, "IRM_PROMISING", "yesno" },
	{ CM_COMPLETION, "IRM_COMPLETION", "self_status" },
	{ CM_DIOG, "IRM_DIOG", "diog" },
	{ CM_EARLY, "IRM_EARLY_RESULTS", "early_results" },
	{ CM_STARRED, "IRM_STARRED", "starred" },
};

/* Fills the IRM panel of commitment id, one row per indicator; unknown values say so,
 * doubtful early results are marked. */
static void
irm(struct ctx *c, tpl_dict *b, sqlite3_stmt *s, long long id)
{
	sqlite3_stmt *t = trust_stmt(TR_EARLY_CONF);
	tpl_dict     *d;
	const char   *v;
	size_t        i;

	for (i = 0; i < sizeof irm_rows / sizeof irm_rows[0]; i++) {
		d = tpl_section(b, "IRM");
		tpl_set(d, "LABEL", i18n(irm_rows[i].label, c->en));
		v = db_text(s, irm_rows[i].col);
		if (irm_rows[i].col == CM_PROMISING && v != NULL)
			v = db_int(s, CM_PROMISING) ? "yes" : "no";
		page_enum(c, d, "VALUE", irm_rows[i].domain, v);
		if (irm_rows[i].col == CM_EARLY && v != NULL) {
			db_bind_int64(t, 1, id);
			if (db_step(t) == SQLITE_ROW)
				page_doubt(c, d, "DOUBT", db_text(t, 0));
			db_reset(t);
		}
	}
	if (db_text(s, CM_CLUSTER_PT) != NULL || db_text(s, CM_CLUSTER_EN) != NULL) {
		d = tpl_section(b, "IRM");
		tpl_set(d, "LABEL", i18n("IRM_CLUSTER", c->en));
		page_text(c, d, "VALUE", db_text(s, CM_CLUSTER_PT), db_text(s, CM_CLUSTER_EN));
	}
}

/* A link to the source url in section sec of d, named by the title the commitment's links
 * give it, else by its host name (page_url_label). */
static void
source_link(struct ctx *c, tpl_dict *d, const char *sec, long long id, const char *url)
{
	sqlite3_stmt *s = trust_stmt(TR_SOURCE_TITLE);
	tpl_dict     *l = tpl_section(d, sec);
	int           row;

	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, url);
	row = db_step(s) == SQLITE_ROW;
	tpl_set(l, "URL", url);
	page_url_label(c, l, "LABEL", url, row ? db_text(s, TS_LABEL_PT) : NULL,
	    row ? db_text(s, TS_LABEL_EN) : NULL);
	db_reset(s);
}

/* Names a body in d (NAME, its acronym as an abbreviation) with its link slug. */
static void
body_name(struct ctx *c, tpl_dict *d, sqlite3_stmt *s, int slug)
{
	tpl_set(d, "SLUG", db_text(s, slug));
	page_entity_name(
	    c, d, "NAME", db_text(s, slug + 1), db_text(s, slug + 2), db_text(s, slug + 3));
}

/* Partners and proposers: bodies related to the commitment without leading or supporting
 * it, each with what it did. */
static void
parties(struct ctx *c, tpl_dict *b, long long id)
{
	sqlite3_stmt *s = trust_stmt(TR_PARTIES);
	tpl_dict     *d, *h[2] = { NULL, NULL };
	int           proposer;

	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		proposer = strcmp(db_text(s, TP_RELATION), "proposer") == 0;
		if (h[proposer] == NULL)
			h[proposer] = tpl_section(b, proposer ? "HAS_PROPOSERS" : "HAS_PARTNERS");
		d = tpl_section(h[proposer], "PARTY");
		body_name(c, d, s, TP_SLUG);
		if (page_text(c, d, "PARTY_NOTE", db_text(s, TP_NOTE_PT), db_text(s, TP_NOTE_EN)))
			tpl_show(d, "HAS_PARTY_NOTE");
		if (db_text(s, TP_SOURCE) != NULL)
			source_link(c, d, "SRC", id, db_text(s, TP_SOURCE));
	}
}

/* Leads and supporters, values and policy areas; values_conf: how sure the values are. */
static void
relations(struct ctx *c, tpl_dict *b, long long id, const char *values_conf)
{
	sqlite3_stmt *s;
	tpl_dict     *d;
	int           leads = 0, supports = 0, n = 0;

	s = trust_stmt(TR_ENTITIES);
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		int lead = strcmp(db_text(s, TE_ROLE), "lead") == 0;
		d = tpl_section(b, lead ? "LEAD" : "SUPPORT");
		*(lead ? &leads : &supports) += 1;
		body_name(c, d, s, TE_SLUG);
		page_doubt(c, d, "DOUBT", db_text(s, TE_CONF));
		if (page_text(c, d, "ROLE", db_text(s, TE_ROLE_PT), db_text(s, TE_ROLE_EN)))
			tpl_show(d, "HAS_ROLE");
	}
	if (leads == 0)
		tpl_show(b, "NO_LEAD");
	if (supports == 0)
		tpl_show(b, "NO_SUPPORT");
	s = db_stmt(ST_COMMITMENT_VALUES);
	db_bind_int64(s, 1, id);
	for (n = 0; db_step(s) == SQLITE_ROW; n++)
		tpl_set(tpl_section(b, "VALUE"), "NAME",
		    i18n_enum("ogp_value", db_text(s, CV_VALUE), c->en));
	if (n == 0)
		tpl_show(b, "NO_VALUES");
	else
		page_doubt(c, b, "VALUES_DOUBT", values_conf);
	s = db_stmt(ST_COMMITMENT_AREAS);
	db_bind_int64(s, 1, id);
	for (n = 0; db_step(s) == SQLITE_ROW; n++)
		page_text(c, tpl_section(b, "AREA"), "NAME", db_text(s, CA_NAME_PT),
		    db_text(s, CA_NAME_EN));
	if (n == 0)
		tpl_show(b, "NO_AREAS");
	parties(c, b, id);
}

/* Sets key to the title pt / en (page_text) and, when the one shown is our translation or
 * paraphrase by its kind (kind_pt / kind_en), shows key_KIND saying so.  Returns the
 * title shown. */
static const char *
title(struct ctx *c, tpl_dict *d, const char *key, const char *pt, const char *en,
    const char *kind_pt, const char *kind_en)
{
	const char *shown = page_text(c, d, key, pt, en), *kind;
	char        k[64];

	kind = shown != NULL && shown == pt ? kind_pt : kind_en;
	if (shown != NULL && kind != NULL && strcmp(kind, "official") != 0) {
		snprintf(k, sizeof k, "%s_KIND", key);
		tpl_set(tpl_section(d, k), "KIND_TEXT", i18n_enum("text_kind", kind, c->en));
	}
	return shown;
}

/* The activities reported under the commitment, with their dates and sources. */
static void
activities(struct ctx *c, tpl_dict *b, long long id)
{
	sqlite3_stmt *s = trust_stmt(TR_ACTIVITIES);
	tpl_dict     *h = NULL, *d;

	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "HAS_ACTIVITIES");
		d = tpl_section(h, "ACT");
		page_when(c, d, db_text(s, TA_DATE), db_text(s, TA_END), NULL, NULL);
		title(c, d, "ACT_TITLE", db_text(s, TA_TITLE_PT), db_text(s, TA_TITLE_EN),
		    db_text(s, TA_TITLE_PT_KIND), NULL);
		if (db_text(s, TA_SOURCE) != NULL)
			source_link(c, d, "SRC", id, db_text(s, TA_SOURCE));
	}
}

/* A milestone's earlier figures, oldest first, each with its date and source. */
static void
figures(struct ctx *c, tpl_dict *d, long long id, long long mid)
{
	sqlite3_stmt *s = trust_stmt(TR_FIGURES);
	tpl_dict     *h = NULL, *f;

	db_bind_int64(s, 1, mid);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(d, "HAS_FIGURES");
		f = tpl_section(h, "FIG");
		if (db_null(s, TF_PERCENT))
			tpl_show(f, "FIG_NO_PCT");
		else
			tpl_set_int(tpl_section(f, "FIG_PCT"), "PCT", db_int(s, TF_PERCENT));
		page_figure_date(c, f, "WHEN", db_text(s, TF_AS_OF), db_text(s, TF_AS_OF_KIND));
		page_doubt(c, f, "DOUBT", db_text(s, TF_CONF));
		source_link(c, f, "SRC", id, db_text(s, TF_SOURCE));
	}
}

/* One milestone row of ST_MILESTONES into d, with what TR_MILESTONE says of its figure
 * and title; adds its figure to p. */
static void
milestone(struct ctx *c, tpl_dict *d, sqlite3_stmt *s, long long id, struct progress *p)
{
	sqlite3_stmt *t = trust_stmt(TR_MILESTONE);
	tpl_dict     *h;
	int           pct = db_null(s, MS_PROGRESS) ? -1 : db_int(s, MS_PROGRESS);

	db_bind_int64(t, 1, db_int64(s, MS_ID));
	if (db_step(t) != SQLITE_ROW)
		return;
	title(c, d, "MS_TITLE", db_text(s, MS_TITLE_PT), db_text(s, MS_TITLE_EN),
	    db_text(t, TM_TITLE_PT_KIND), db_text(t, TM_TITLE_EN_KIND));
	page_date(c, d, "PSTART", db_text(s, MS_START));
	page_date(c, d, "PEND", db_text(s, MS_END));
	if (progress_overdue(db_text(s, MS_END), pct, db_text(s, MS_STATUS), c->today))
		tpl_show(d, "OVERDUE");
	if (db_text(s, MS_DONE) != NULL) {
		tpl_dict *done = tpl_section(d, "DONE");
		page_date(c, done, "DONE_TEXT", db_text(s, MS_DONE));
		tpl_set(done, "DONE_ISO", db_text(s, MS_DONE));
	}
	page_enum(c, d, "STATUS", "ms_status", db_text(s, MS_STATUS));
	figures(c, d, id, db_int64(s, MS_ID));
	progress_add(p, pct, db_text(s, MS_AS_OF));
	if (pct < 0) {
		tpl_show(d, "NO_PCT");
		db_reset(t);
		return;
	}
	h = tpl_section(d, "HAS_PCT");
	tpl_set_int(h, "PCT", pct);
	page_doubt(c, h, "DOUBT", db_text(t, TM_CONF));
	page_figure_date(c, h, "ASOF", db_text(s, MS_AS_OF), db_text(t, TM_AS_OF_KIND));
	if (db_text(s, MS_SOURCE) != NULL)
		source_link(c, h, "SRC", id, db_text(s, MS_SOURCE));
	else
		tpl_show(h, "SOURCE_MISSING");
	db_reset(t);
}

/* The milestones with their evidence; returns the commitment's progress in p. */
static void
milestones(struct ctx *c, tpl_dict *b, long long id, struct progress *p)
{
	sqlite3_stmt *s = db_stmt(ST_MILESTONES), *l;
	tpl_dict     *h = NULL, *d, *e;
	long long     mid;
	int           nev;

	progress_init(p);
	db_bind_int64(s, 1, id);
	l = db_stmt(ST_MILESTONE_LINKS);
	db_bind_int64(l, 1, id);
	int lrow = db_step(l);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "HAS_MILESTONES");
		d = tpl_section(h, "MS");
		milestone(c, d, s, id, p);
		mid = db_int64(s, MS_ID);
		/* Links come ordered by milestone position, like the milestones. */
		for (nev = 0; lrow == SQLITE_ROW && db_int64(l, ML_MILESTONE) == mid; nev++) {
			e = tpl_section(d, "EVIDENCE");
			page_url_label(c, e, "LABEL", db_text(l, ML_URL), db_text(l, ML_LABEL_PT),
			    db_text(l, ML_LABEL_EN));
			page_doc_link(c, e, db_text(l, ML_URL));
			lrow = db_step(l);
		}
		if (nev == 0)
			tpl_show(d, "NO_EVIDENCE");
	}
	if (h == NULL)
		tpl_show(b, "NO_MILESTONES");
}

#define TIMELINE_MAX 60  /* points of the progress-over-time chart */
#define MS_MAX       200 /* milestones followed by the chart */

struct point {
	char at[11]; /* YYYY-MM-DD */
	int  pct;    /* -1: no data */
};

/* The commitment's progress now, from the milestones' current figures. */
static int
timeline_now(const int *pct, int n)
{
	struct progress p;
	int             i;

	progress_init(&p);
	for (i = 0; i < n; i++)
		progress_add(&p, pct[i], NULL);
	return progress_has_data(&p) ? progress_percent(&p) : -1;
}

/* Replays the progress changes backwards from today's figures, one point per change:
 * what the formula gave right after it.  Returns the number of points (oldest first). */
static int
timeline(long long id, struct point *pts)
{
	static long long ids[MS_MAX];
	static int       pct[MS_MAX];
	sqlite3_stmt    *s = db_stmt(ST_MS_CURRENT);
	int              n = 0, np = 0, i, j;
	long long        mid;

	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW && n < MS_MAX) {
		ids[n] = db_int64(s, MSC_ID);
		pct[n++] = db_null(s, MSC_PROGRESS) ? -1 : db_int(s, MSC_PROGRESS);
	}
	s = db_stmt(ST_MS_PROGRESS_REVS);
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW && np < TIMELINE_MAX) {
		snprintf(pts[np].at, sizeof pts[np].at, "%.10s", db_text(s, MSR_AT));
		pts[np++].pct = timeline_now(pct, n);
		mid = db_int64(s, MSR_MILESTONE);
		for (i = 0; i < n && ids[i] != mid; i++)
			;
		if (i < n)
			pct[i] = db_text(s, MSR_BEFORE)
			    ? (int)strtol(db_text(s, MSR_BEFORE), NULL, 10)
			    : -1;
	}
	for (i = 0, j = np - 1; i < j; i++, j--) {
		struct point t = pts[i];
		pts[i] = pts[j];
		pts[j] = t;
	}
	return np;
}

/* The progress-over-time chart and its table, when the progress ever changed. */
static void
timeline_chart(struct ctx *c, tpl_dict *b, long long id)
{
	struct point pts[TIMELINE_MAX];
	tpl_dict    *h, *p;
	char         poly[TIMELINE_MAX * 16] = "", v[32], when[64];
	int          n = timeline(id, pts), i, x, y;

	if (n == 0)
		return;
	h = tpl_section(b, "TIMELINE");
	for (i = 0; i < n; i++) {
		x = n == 1 ? 250 : 20 + i * 460 / (n - 1);
		y = 170 - (pts[i].pct < 0 ? 0 : pts[i].pct) * 150 / 100;
		p = tpl_section(h, "POINT");
		tpl_set_int(p, "X", x);
		tpl_set_int(p, "Y", y);
		i18n_date(pts[i].at, c->en, when, sizeof when);
		tpl_set(p, "WHEN", when);
		tpl_set(p, "ISO", pts[i].at);
		if (pts[i].pct < 0)
			snprintf(v, sizeof v, "%s", i18n("L_NO_DATA", c->en));
		else
			snprintf(v, sizeof v, "%d%%", pts[i].pct);
		tpl_set(p, "VALUE", v);
		if (pts[i].pct >= 0)
			snprintf(poly + strlen(poly), sizeof poly - strlen(poly), "%s%d,%d",
			    poly[0] ? " " : "", x, y);
	}
	tpl_set(h, "POLY", poly);
}

/* The self-reported figure of row t of TR_COMMITMENT (self_status_date of s): its
 * percent, date, source and how sure it is. */
static void
self_figure(struct ctx *c, tpl_dict *b, sqlite3_stmt *s, sqlite3_stmt *t, long long id)
{
	tpl_dict *f;

	if (db_text(s, CM_SELF_STATUS) == NULL && db_null(t, TC_SELF_PERCENT))
		return;
	f = tpl_section(b, "SELF_FIG");
	if (!db_null(t, TC_SELF_PERCENT))
		tpl_set_int(tpl_section(f, "SELF_PCT"), "PCT", db_int(t, TC_SELF_PERCENT));
	page_doubt(c, f, "DOUBT", db_text(t, TC_SELF_CONF));
	page_figure_date(c, f, "WHEN", db_text(s, CM_SELF_DATE), db_text(t, TC_SELF_KIND));
	if (db_text(t, TC_SELF_SOURCE) != NULL)
		source_link(c, f, "SRC", id, db_text(t, TC_SELF_SOURCE));
}

/* What TR_COMMITMENT says of the facts of row s of ST_COMMITMENT: the OGP id's and the
 * title's markers, the self-reported figure, the IRM's dates, and the relations with
 * theirs.  Returns the title shown, or NULL. */
static const char *
facts(struct ctx *c, tpl_dict *b, sqlite3_stmt *s, long long id)
{
	sqlite3_stmt *t = trust_stmt(TR_COMMITMENT);
	const char   *shown;

	db_bind_int64(t, 1, id);
	if (db_step(t) != SQLITE_ROW)
		return page_text(c, b, "TITLE", db_text(s, CM_TITLE_PT), db_text(s, CM_TITLE_EN));
	page_doubt(c, b, "OGP_DOUBT", db_text(t, TC_OGP_ID_CONF));
	shown = title(c, b, "TITLE", db_text(s, CM_TITLE_PT), db_text(s, CM_TITLE_EN),
	    db_text(t, TC_TITLE_PT_KIND), db_text(t, TC_TITLE_EN_KIND));
	if (shown != NULL)
		page_doubt(c, b, "TITLE_DOUBT",
		    db_text(
			t, shown == db_text(s, CM_TITLE_PT) ? TC_TITLE_PT_CONF : TC_TITLE_EN_CONF));
	self_figure(c, b, s, t, id);
	page_date(c, b, "IRM_DATE", db_text(t, TC_IRM_DATE));
	page_date(c, b, "IRM_RESULTS_DATE", db_text(t, TC_IRM_RESULTS_DATE));
	page_doubt(c, b, "IRM_DOUBT", db_text(t, TC_IRM_CONF));
	relations(c, b, id, db_text(t, TC_VALUES_CONF));
	db_reset(t);
	return shown;
}

int
page_commitments_show(struct ctx *c)
{
	sqlite3_stmt   *s = db_stmt(ST_COMMITMENT);
	tpl_dict       *b;
	struct progress p;
	long long       id;
	const char     *t;
	char            ord[64], feed[64], badge[320];

	db_bind_text(s, 1, c->arg[0]);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_COMMITMENT";
		return 404;
	}
	b = page_body(c, "commitment.tpl");
	id = db_int64(s, CM_ID);
	tpl_set(b, "OGP_ID", db_text(s, CM_OGP_ID));
	snprintf(feed, sizeof feed, "/%s/commitments/%s/feed.atom", c->lang, c->arg[0]);
	page_feed_link(c, feed, c->arg[0]);
	snprintf(badge, sizeof badge, "%s/%s/badge/%s.svg", url_site_base(), c->lang, c->arg[0]);
	tpl_set(b, "BADGE_URL", badge);
	tpl_set(b, "NUMBER", db_text(s, CM_NUMBER));
	t = facts(c, b, s, id);
	page_title(
	    c, "%s – %s", db_text(s, CM_OGP_ID), t ? t : i18n("L_TITLE_NOT_RECORDED", c->en));
	if (page_text(c, b, "NOTE", db_text(s, CM_NOTE_PT), db_text(s, CM_NOTE_EN)) != NULL)
		tpl_show(b, "HAS_NOTE");
	tpl_set(b, "PLAN_NUMBER", db_text(s, CM_PLAN_NUMBER));
	snprintf(ord, sizeof ord, "%s %s", i18n("T_PLAN", c->en), db_text(s, CM_PLAN_NUMBER));
	tpl_set(b, "PLAN_ORDINAL", ord);
	page_text(c, b, "PLAN_TITLE", db_text(s, CM_PLAN_TITLE_PT), db_text(s, CM_PLAN_TITLE_EN));
	page_date(c, b, "START", db_text(s, CM_START));
	page_date(c, b, "END", db_text(s, CM_END));
	page_paras(c, b, "SUMMARY", db_text(s, CM_SUMMARY_PT), db_text(s, CM_SUMMARY_EN));
	page_paras(c, b, "PROBLEM", db_text(s, CM_PROBLEM_PT), db_text(s, CM_PROBLEM_EN));
	page_enum(c, b, "SELF_STATUS", "self_status", db_text(s, CM_SELF_STATUS));
	irm(c, b, s, id);
	tpl_set(b, "UPDATED", db_text(s, CM_UPDATED));
	page_date(c, b, "UPDATED_TEXT", db_text(s, CM_UPDATED));
	db_reset(s);
	milestones(c, b, id, &p);
	activities(c, b, id);
	page_progress(c, b, &p, 0);
	timeline_chart(c, b, id);
	s = db_stmt(ST_COMMITMENT_LINKS);
	db_bind_int64(s, 1, id);
	if (page_links(c, b, "HAS_LINKS", "LINK", s) == 0)
		tpl_show(b, "NO_LINKS");
	page_commitment_cocreation(c, b, id, c->arg[0]);
	page_follow_form(c, b, "commitment", c->arg[0]);
	tpl_include(b, "HOW", "how.tpl");
	return 200;
}
