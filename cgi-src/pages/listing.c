/* The commitments listing: /{lang}/commitments shows every commitment (only those
 * that match q, when given) with the facets of facet.h, sorted by plan, status,
 * progress or end date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "http/answer.h"
#include "view/export.h"
#include "pages/facet.h"
#include "view/i18n.h"
#include "pages/pages.h"
#include "store/rollup.h"
#include "view/page.h"

#define LISTING_MAX 5000 /* most commitments listed */

/* One commitment, copied from its row so that the list can be sorted. */
struct lrow {
	long long       id;
	char            ogp[8];
	int             number;     /* 0 when not recorded */
	char           *title_pt;   /* malloc'd, or NULL */
	char           *title_en;   /* malloc'd, or NULL */
	char            status[16]; /* "" when not recorded */
	char            end[16];    /* ISO date, "" when not recorded */
	int             plan;       /* the plan's number */
	struct progress p;
	long long       key;          /* the sort key of the chosen order */
	char            skey[16];     /* then this one (sort=end: the end date) */
	char            tconf_pt[12]; /* how sure each title and the OGP id are ("": NULL) */
	char            tconf_en[12];
	char            oconf[12];
	tpl_dict       *d; /* its row in the table, once made */
	int             leads;
};

/* The rank of a self-reported status in the order sort=status: most advanced first. */
static int
status_rank(const char *st)
{
	static const char *const order[] = { "complete", "substantial", "limited", "not_started",
		"no_evidence", "withdrawn" };
	size_t                   i;

	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		if (strcmp(st, order[i]) == 0)
			return (int)i;
	return 99;
}

/* The order of two rows: key, then skey, then plan, number (unknown last), OGP id. */
static int
cmp_rows(const void *a, const void *b)
{
	const struct lrow *x = a, *y = b;
	int                r;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if ((r = strcmp(x->skey, y->skey)) != 0)
		return r;
	if (x->plan != y->plan)
		return x->plan < y->plan ? -1 : 1;
	if (x->number != y->number)
		return x->number == 0 ? 1 : y->number == 0 ? -1 : x->number < y->number ? -1 : 1;
	return strcmp(x->ogp, y->ogp);
}

/* Sorts the rows in the order sort. */
static void
sort_rows(struct lrow *rows, size_t n, enum facet_sort sort)
{
	struct lrow *r;
	size_t       i;

	for (i = 0; i < n; i++) {
		r = &rows[i];
		r->key = 0;
		r->skey[0] = '\0';
		if (sort == SORT_STATUS)
			r->key = status_rank(r->status);
		else if (sort == SORT_PROGRESS)
			r->key = progress_has_data(&r->p) ? -progress_percent(&r->p) : 1000;
		else if (sort == SORT_END) {
			/* a date at the precision of its source ends with its period: "2019"
			 * sorts as the last day of 2019, after "2019-03" */
			r->key = *r->end ? 0 : 1;
			snprintf(r->skey, sizeof r->skey, "%s%s", r->end,
			    strlen(r->end) == 4       ? "-12-31"
				: strlen(r->end) == 7 ? "-31"
						      : "");
		}
	}
	if (n > 1)
		qsort(rows, n, sizeof *rows, cmp_rows);
}

/* Copies the current row of ST_LISTING into r.  Returns 0, or -1 out of memory. */
static int
copy_row(sqlite3_stmt *s, struct lrow *r)
{
	const char *t;

	memset(r, 0, sizeof *r);
	r->id = db_int64(s, LC_ID);
	snprintf(r->ogp, sizeof r->ogp, "%s", db_text(s, LC_OGP_ID) ? db_text(s, LC_OGP_ID) : "");
	r->number = db_int(s, LC_NUMBER);
	if ((t = db_text(s, LC_TITLE_PT)) != NULL && (r->title_pt = strdup(t)) == NULL)
		return -1;
	if ((t = db_text(s, LC_TITLE_EN)) != NULL && (r->title_en = strdup(t)) == NULL)
		return -1;
	snprintf(
	    r->status, sizeof r->status, "%s", db_text(s, LC_STATUS) ? db_text(s, LC_STATUS) : "");
	snprintf(r->end, sizeof r->end, "%s", db_text(s, LC_END) ? db_text(s, LC_END) : "");
	r->plan = db_int(s, LC_PLAN);
	rollup_ms_agg(s, LC_AGG, &r->p);
	snprintf(r->tconf_pt, sizeof r->tconf_pt, "%s",
	    db_text(s, LS_TITLE_PT_CONF) ? db_text(s, LS_TITLE_PT_CONF) : "");
	snprintf(r->tconf_en, sizeof r->tconf_en, "%s",
	    db_text(s, LS_TITLE_EN_CONF) ? db_text(s, LS_TITLE_EN_CONF) : "");
	snprintf(r->oconf, sizeof r->oconf, "%s",
	    db_text(s, LS_OGP_CONF) ? db_text(s, LS_OGP_CONF) : "");
	return 0;
}

/* Reads the commitments of p into *rows (malloc'd, with *n of them, whose titles the
 * caller frees).  Returns 0, or -1 out of memory (*rows and *n still to be freed). */
static int
read_rows(struct ctx *c, const struct facet_params *p, struct lrow **rows, size_t *n)
{
	sqlite3_stmt *s = db_stmt(ST_LISTING);
	struct lrow  *nr;
	size_t        cap = 0;

	*rows = NULL;
	*n = 0;
	facet_bind(c, p, s);
	while (*n < LISTING_MAX && db_step(s) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nr = realloc(*rows, cap * sizeof **rows)) == NULL)
				return -1;
			*rows = nr;
		}
		if (copy_row(s, &(*rows)[(*n)++]) != 0)
			return -1;
	}
	return 0;
}

/* Makes the table row of r in b, with the markers of an unsure title or OGP id. */
static void
row_dict(struct ctx *c, tpl_dict *b, struct lrow *r)
{
	tpl_dict   *d = tpl_section(b, "COMMITMENT");
	const char *t;

	r->d = d;
	tpl_set(d, "OGP_ID", r->ogp);
	page_doubt(c, d, "OGP_DOUBT", r->oconf);
	t = page_text(c, d, "TITLE", r->title_pt, r->title_en);
	if (t != NULL)
		page_doubt(c, d, "TITLE_DOUBT", t == r->title_pt ? r->tconf_pt : r->tconf_en);
	tpl_set_int(d, "PLAN", r->plan);
	page_enum(c, d, "STATUS", "self_status", *r->status ? r->status : NULL);
	page_progress(c, d, &r->p, 0);
	page_date(c, d, "END", *r->end ? r->end : NULL);
}

/* Orders row pointers by commitment id (for bsearch). */
static int
cmp_ids(const void *a, const void *b)
{
	const struct lrow *x = *(const struct lrow *const *)a;
	const struct lrow *y = *(const struct lrow *const *)b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* Adds the lead bodies to the rows' dictionaries; rows without one say so.  Returns 0,
 * or -1 out of memory. */
static int
leads(struct ctx *c, struct lrow *rows, size_t n)
{
	sqlite3_stmt *s;
	struct lrow **byid, key, *kp = &key, **hit;
	size_t        i;
	tpl_dict     *l;

	if (n == 0)
		return 0;
	if ((byid = calloc(n, sizeof *byid)) == NULL) /* NOLINT(bugprone-sizeof-expression) */
		return -1;
	for (i = 0; i < n; i++)
		byid[i] = &rows[i];
	qsort(byid, n, sizeof *byid, cmp_ids); /* NOLINT(bugprone-sizeof-expression) */
	s = db_stmt(ST_LISTING_LEADS);
	while (db_step(s) == SQLITE_ROW) {
		key.id = db_int64(s, LEAD_CID);
		/* NOLINTNEXTLINE(bugprone-sizeof-expression) */
		if ((hit = bsearch(&kp, byid, n, sizeof *byid, cmp_ids)) == NULL)
			continue;
		l = tpl_section((*hit)->d, "LEAD");
		(*hit)->leads++;
		tpl_set(l, "SLUG", db_text(s, LEAD_SLUG));
		page_entity_name(c, l, "NAME", db_text(s, LEAD_ACRONYM), db_text(s, LEAD_NAME_PT),
		    db_text(s, LEAD_NAME_EN));
		page_doubt(c, l, "DOUBT", db_text(s, LEAD_CONF));
	}
	free(byid);
	for (i = 0; i < n; i++)
		if (rows[i].leads == 0)
			tpl_show(rows[i].d, "NO_LEAD");
	return 0;
}

/* The links that change the order, the current one marked. */
static void
sort_links(struct ctx *c, tpl_dict *b, const struct facet_params *p)
{
	static const char *const keys[SORT__MAX] = { "SORT_plan", "SORT_status", "SORT_progress",
		"SORT_end" };
	char                     url[4096];
	tpl_dict                *d;
	int                      i;

	for (i = 0; i < SORT__MAX; i++) {
		d = tpl_section(b, "SORT");
		tpl_set(d, "LABEL", i18n(keys[i], c->en));
		if (i == (int)p->sort) {
			tpl_show(d, "CURRENT");
			continue;
		}
		facet_url(p, FACET__MAX, NULL, i, 1, url, sizeof url);
		tpl_set(tpl_section(d, "OTHER"), "URL", url);
	}
}

/* Sorts the n rows and makes the table of b from them.  Returns 0, or -1 out of
 * memory. */
static int
fill(struct ctx *c, tpl_dict *b, const struct facet_params *p, struct lrow *rows, size_t n)
{
	tpl_dict *tbl = NULL;
	size_t    i;

	sort_rows(rows, n, p->sort);
	tpl_set_int(b, "N", (long long)n);
	tpl_set(b, "N_WORD", i18n(n == 1 ? "COMMITMENTS_ONE" : "COMMITMENTS_MANY", c->en));
	if (n == 0)
		tpl_show(b, "NONE");
	else
		tbl = tpl_section(b, "HAS_ROWS");
	for (i = 0; i < n; i++)
		row_dict(c, tbl, &rows[i]);
	return leads(c, rows, n);
}

/* Answers a commitments listing as JSON or CSV (c->fmt) with the rows of
 * export_commitment_rows; name is the CSV file name without ".csv". Returns 200. */
static int
commitment_list(struct ctx *c, const char *const *ogp_ids, size_t n, const char *name)
{
	const struct xset *set = export_set("commitment_list");

	return export_send(c, set, NULL, set, export_commitment_rows(c, ogp_ids, n), name);
}

/* Answers the commitments of p as JSON or CSV (c->fmt), in the listing's order, with
 * the rows of commitment_list (open data, export.h).  Returns the status. */
static int
data_rows(struct ctx *c, const struct facet_params *p)
{
	struct lrow *rows;
	const char **ids = NULL;
	size_t       n, i;
	int          st = 500;

	c->body = NULL; /* a data answer, not the page */
	if (read_rows(c, p, &rows, &n) == 0 && (ids = calloc(n + 1, sizeof *ids)) != NULL) {
		sort_rows(rows, n, p->sort);
		for (i = 0; i < n; i++)
			ids[i] = rows[i].ogp;
		st = commitment_list(c, ids, n, "commitments");
	} else
		c->error = "ERR_INTERNAL";
	for (i = 0; i < n; i++) {
		free(rows[i].title_pt);
		free(rows[i].title_en);
	}
	free(rows);
	free(ids);
	return st;
}

/* Fills the table of the commitments of p into b.  Returns 200, or 500 (c->body
 * dropped, so that the error page is shown) when memory ran out. */
static int
table(struct ctx *c, tpl_dict *b, const struct facet_params *p)
{
	struct lrow *rows;
	size_t       n, i;
	int          st = 200;

	if (c->fmt != FMT_HTML)
		return data_rows(c, p);
	if (read_rows(c, p, &rows, &n) != 0 || fill(c, b, p, rows, n) != 0) {
		c->body = NULL;
		c->error = "ERR_INTERNAL";
		st = 500;
	}
	for (i = 0; i < n; i++) {
		free(rows[i].title_pt);
		free(rows[i].title_en);
	}
	free(rows);
	return st;
}

int
page_commitments_list(struct ctx *c)
{
	static struct facet_params p;
	tpl_dict                  *b;
	sqlite3_stmt              *s;
	int                        st;

	if ((st = facet_parse(c, &p, "commitments", 1)) != 0)
		return st;
	b = page_body(c, "commitments.tpl");
	page_title(c, "%s", i18n("T_COMMITMENTS", c->en));
	tpl_set(b, "Q", p.q);
	facet_hidden(b, &p);
	if (p.qstate == FACET_Q_TOOLONG) {
		tpl_set(tpl_section(b, "MESSAGE"), "TEXT", i18n("ERR_SEARCH_TOO_LONG", c->en));
		return 400;
	}
	if (p.qstate == FACET_Q_NOWORDS)
		tpl_set(tpl_section(b, "MESSAGE"), "TEXT", i18n("ERR_SEARCH_NO_WORDS", c->en));
	s = db_stmt(ST_LISTING_FACETS);
	facet_bind(c, &p, s);
	facet_panel(c, b, &p, s);
	sort_links(c, b, &p);
	return table(c, b, &p);
}
