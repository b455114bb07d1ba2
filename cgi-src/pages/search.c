/* Search: /{lang}/search?q=... over plans, commitments, milestones, bodies, events and
 * text pages in both languages, ranked (bm25), with highlighted snippets, the facets of
 * facet.h and pages of FACET_PER_PAGE results; as JSON and CSV (the dataset
 * search_result), every result in the same order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "http/answer.h"
#include "view/export.h"
#include "pages/facet.h"
#include "view/i18n.h"
#include "pages/pages.h"
#include "view/page.h"

/* The text pages that have a page of their own: slug and path. */
static const struct {
	const char *slug;
	const char *path;
} text_pages[] = {
	{ "about", "network" },
	{ "ogp", "ogp" },
	{ "accessibility", "accessibility" },
};

/* Adds the parts of text, where FTS5 marked the matches with \x02 ... \x03, as
 * repetitions of section in d: TEXT, with section MARK shown for a match and PLAIN
 * for the rest.  The markers themselves are dropped; the template escapes the text. */
static void
marks(tpl_dict *d, const char *section, const char *text)
{
	const char *p = text, *e;
	tpl_dict   *part;
	int         hl = 0;

	while (*p != '\0') {
		e = p + strcspn(p, "\x02\x03");
		if (e > p) {
			part = tpl_section(d, section);
			tpl_set_n(part, "TEXT", p, (size_t)(e - p));
			tpl_show(part, hl ? "MARK" : "PLAIN");
		}
		if (*e == '\0')
			break;
		hl = *e == '\x02';
		p = e + 1;
	}
}

/* Writes the URL of a result (kind, key: see ST_SEARCH) into out.  Returns 0, or -1
 * when the record has no page of its own. */
static int
hit_url(struct ctx *c, const char *kind, const char *key, char *out, size_t outlen)
{
	size_t i;

	if (key == NULL)
		return -1;
	if (strcmp(kind, "plan") == 0)
		return snprintf(out, outlen, "/%s/plans/%s", c->lang, key), 0;
	if (strcmp(kind, "commitment") == 0)
		return snprintf(out, outlen, "/%s/commitments/%s", c->lang, key), 0;
	if (strcmp(kind, "milestone") == 0)
		return snprintf(out, outlen, "/%s/commitments/%s#ms-h", c->lang, key), 0;
	if (strcmp(kind, "entity") == 0)
		return snprintf(out, outlen, "/%s/members/%s", c->lang, key), 0;
	if (strcmp(kind, "event") == 0)
		return snprintf(out, outlen, "/%s/events/%s", c->lang, key), 0;
	if (strcmp(kind, "consultation") == 0)
		return snprintf(out, outlen, "/%s/consultations/%s", c->lang, key), 0;
	if (strcmp(kind, "submission") == 0) /* key: "consultations/3#s5" */
		return snprintf(out, outlen, "/%s/%s", c->lang, key), 0;
	for (i = 0; i < sizeof text_pages / sizeof text_pages[0]; i++)
		if (strcmp(key, text_pages[i].slug) == 0)
			return snprintf(out, outlen, "/%s/%s", c->lang, text_pages[i].path), 0;
	return -1;
}

/* Adds one result (a row of ST_SEARCH) to b; a record without a page is left out.  A
 * result found only in the other language's text says so (FALLBACK); an unconfirmed or
 * inferred title or OGP id carries its marker. */
static void
hit(struct ctx *c, tpl_dict *b, sqlite3_stmt *s)
{
	const char *kind = db_text(s, HIT_KIND), *lang = db_text(s, HIT_LANG);
	const char *title = db_text(s, HIT_TITLE), *sn = db_text(s, HIT_SNIPPET);
	char        url[256];
	tpl_dict   *h, *par;

	if (kind == NULL || lang == NULL ||
	    hit_url(c, kind, db_text(s, HIT_KEY), url, sizeof url) != 0)
		return;
	h = tpl_section(b, "HIT");
	tpl_set(h, "URL", url);
	tpl_set(h, "KIND", i18n_enum("search_kind", kind, c->en));
	tpl_set(h, "KIND_CODE", kind);
	tpl_set(h, "HLANG", lang);
	if (strcmp(lang, c->lang) != 0)
		tpl_show(h, "FALLBACK");
	if (strcmp(kind, "milestone") == 0) {
		par = tpl_section(h, "PARENT");
		tpl_set(par, "OGP_ID", db_text(s, HIT_KEY));
		tpl_set_int(par, "POSITION", db_int(s, HIT_POSITION));
		page_doubt(c, par, "OGP_DOUBT", db_text(s, HIT_OGP_CONF));
	} else if (strcmp(kind, "commitment") == 0) {
		par = tpl_section(h, "OGP");
		tpl_set(par, "OGP_ID", db_text(s, HIT_KEY));
		page_doubt(c, par, "OGP_DOUBT", db_text(s, HIT_OGP_CONF));
	}
	if (title != NULL && *title != '\0') {
		marks(h, "T", title);
		page_doubt(c, h, "TITLE_DOUBT", db_text(s, HIT_TITLE_CONF));
	} else
		tpl_show(h, "UNTITLED");
	if (sn != NULL && strchr(sn, '\x02') != NULL)
		marks(tpl_section(h, "SNIPPET"), "S", sn);
}

/* Fills the pager of r for page of pages. */
static void
pager(const struct facet_params *p, tpl_dict *r, long long pages)
{
	tpl_dict *g;
	char      url[4096];

	if (pages < 2)
		return;
	g = tpl_section(r, "PAGER");
	tpl_set_int(g, "PAGE", p->page);
	tpl_set_int(g, "PAGES", pages);
	if (p->page > 1) {
		facet_url(p, FACET__MAX, NULL, SORT_PLAN, p->page - 1, url, sizeof url);
		tpl_set(tpl_section(g, "PREV"), "URL", url);
	}
	if (p->page < pages) {
		facet_url(p, FACET__MAX, NULL, SORT_PLAN, p->page + 1, url, sizeof url);
		tpl_set(tpl_section(g, "NEXT"), "URL", url);
	}
}

/* Runs the search of p into the RESULTS section of b.  Returns 200, or 404 when the
 * page asked for is past the last one. */
static int
results(struct ctx *c, tpl_dict *b, const struct facet_params *p)
{
	tpl_dict     *r = tpl_section(b, "RESULTS");
	sqlite3_stmt *s = db_stmt(ST_SEARCH_FACETS);
	long long     total, pages;

	facet_bind(c, p, s);
	total = facet_panel(c, r, p, s);
	pages = (total + FACET_PER_PAGE - 1) / FACET_PER_PAGE;
	tpl_set_int(r, "TOTAL", total);
	tpl_set(r, "RESULTS_WORD", i18n(total == 1 ? "RESULTS_ONE" : "RESULTS_MANY", c->en));
	if (p->page > 1 && p->page > pages) {
		tpl_set(tpl_section(b, "MESSAGE"), "TEXT", i18n("ERR_PAGE_OUT", c->en));
		return 404;
	}
	if (total == 0)
		tpl_show(r, "NONE");
	tpl_set_int(r, "START", (p->page - 1) * FACET_PER_PAGE + 1);
	s = db_stmt(ST_SEARCH);
	facet_bind(c, p, s);
	db_bind_int(s, 10, FACET_PER_PAGE);
	db_bind_int64(s, 11, (p->page - 1) * FACET_PER_PAGE);
	while (db_step(s) == SQLITE_ROW)
		hit(c, r, s);
	pager(p, r, pages);
	return 200;
}

/* Sets the page title: "Search: the words" (cut at a character boundary). */
static void
title(struct ctx *c, const struct facet_params *p)
{
	size_t n;

	if (p->qstate != FACET_Q_OK) {
		page_title(c, "%s", i18n("T_SEARCH", c->en));
		return;
	}
	n = strlen(p->q);
	if (n > 300)
		for (n = 300; n > 0 && ((unsigned char)p->q[n] & 0xC0) == 0x80; n--)
			;
	page_title(c, "%s: %.*s", i18n("T_SEARCH", c->en), (int)n, p->q);
}

int
page_search(struct ctx *c)
{
	static struct facet_params p;
	tpl_dict                  *b;
	int                        st;

	if ((st = facet_parse(c, &p, "search", 0)) != 0)
		return st;
	b = page_body(c, "search.tpl");
	title(c, &p);
	tpl_set(b, "Q", p.q);
	facet_hidden(b, &p);
	switch (p.qstate) {
	case FACET_Q_NONE:
		tpl_show(b, "GUIDE");
		return 200;
	case FACET_Q_NOWORDS:
		tpl_set(tpl_section(b, "MESSAGE"), "TEXT", i18n("ERR_SEARCH_NO_WORDS", c->en));
		tpl_show(b, "GUIDE");
		return 200;
	case FACET_Q_TOOLONG:
		tpl_set(tpl_section(b, "MESSAGE"), "TEXT", i18n("ERR_SEARCH_TOO_LONG", c->en));
		return 400;
	default:
		return results(c, b, &p);
	}
}

/* Sets o[key] to text without FTS5's match markers (\x02, \x03); null when text is
 * NULL or empty, or when need_mark and no match is marked in it. */
static void
plain(json_t *o, const char *key, const char *text, int need_mark)
{
	char  *out;
	size_t i, n = 0;

	if (text == NULL || *text == '\0' || (need_mark && strchr(text, '\x02') == NULL) ||
	    (out = malloc(strlen(text) + 1)) == NULL) {
		x_str(o, key, NULL);
		return;
	}
	for (i = 0; text[i] != '\0'; i++)
		if (text[i] != '\x02' && text[i] != '\x03')
			out[n++] = text[i];
	out[n] = '\0';
	x_str(o, key, out);
	free(out);
}

/* One result (a row of ST_SEARCH) as a row of search_result, rank its order; NULL for
 * a record without a page of its own (left out, as on the page). */
static json_t *
data_hit(struct ctx *c, sqlite3_stmt *s, long long rank)
{
	const char *kind = db_text(s, HIT_KIND);
	char        path[256], url[600];
	json_t     *o;

	if (kind == NULL || db_text(s, HIT_LANG) == NULL ||
	    hit_url(c, kind, db_text(s, HIT_KEY), path, sizeof path) != 0)
		return NULL;
	o = json_object();
	json_object_set_new(o, "rank", json_integer(rank));
	x_str(o, "result_kind", kind);
	x_text(o, "result_key", s, HIT_KEY);
	x_int(o, "result_position", s, HIT_POSITION);
	x_text(o, "result_lang", s, HIT_LANG);
	plain(o, "result_title", db_text(s, HIT_TITLE), 0);
	plain(o, "result_snippet", db_text(s, HIT_SNIPPET), 1);
	x_text(o, "result_title_confidence", s, HIT_TITLE_CONF);
	x_text(o, "ogp_id_confidence", s, HIT_OGP_CONF);
	export_abs(path, url, sizeof url);
	x_str(o, "url", url);
	return o;
}

/* /search.json, .csv (or Accept): every result of the search, in the page's order (no
 * pages: page= only checked); no records without words to search for. */
int
page_data_search(struct ctx *c)
{
	static struct facet_params p;
	const struct xset         *set = export_set("search_result");
	sqlite3_stmt              *s;
	json_t                    *rows, *o;
	long long                  rank = 0;
	int                        st;

	if ((st = facet_parse(c, &p, "search", 0)) != 0)
		return st;
	if (p.qstate == FACET_Q_TOOLONG) {
		c->error = "ERR_SEARCH_TOO_LONG";
		return 400;
	}
	rows = json_array();
	if (p.qstate == FACET_Q_OK) {
		s = db_stmt(ST_SEARCH);
		facet_bind(c, &p, s);
		db_bind_int(s, 10, FACET_PER_PAGE * FACET_PAGE_MAX);
		db_bind_int64(s, 11, 0);
		while (db_step(s) == SQLITE_ROW)
			if ((o = data_hit(c, s, rank + 1)) != NULL) {
				json_array_append_new(rows, o);
				rank++;
			}
	}
	return export_send(c, set, NULL, set, rows, "search");
}
