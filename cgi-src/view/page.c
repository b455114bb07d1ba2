#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "lib/urlcode.h"
#include "store/db.h"
#include "store/uploadaccess.h"
#include "view/i18n.h"
#include "view/page.h"

tpl_dict *
page_body(struct ctx *c, const char *tplfile)
{
	c->body = tpl_include(c->page, "BODY", tplfile);
	return c->body;
}

void
page_title(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->title, sizeof c->title, fmt, ap);
	va_end(ap);
}

/* Writes key_suffix into k (size 96, truncated like snprintf).  Called for most values
 * of a page, so without snprintf's format parsing. */
static const char *
suffixed(char k[96], const char *key, const char *suffix)
{
	size_t a = strlen(key), b = strlen(suffix);

	if (a > 94)
		a = 94;
	if (b > 94 - a)
		b = 94 - a;
	memcpy(k, key, a);
	k[a] = '_';
	memcpy(k + a + 1, suffix, b);
	k[a + 1 + b] = '\0';
	return k;
}

/* Sets key_suffix to val in d. */
static void
set_suffixed(tpl_dict *d, const char *key, const char *suffix, const char *val)
{
	char k[96];

	tpl_set(d, suffixed(k, key, suffix), val);
}

/* Shows section key_suffix in d. */
static void
show_suffixed(tpl_dict *d, const char *key, const char *suffix)
{
	char k[96];

	tpl_show(d, suffixed(k, key, suffix));
}

const char *
page_text(struct ctx *c, tpl_dict *d, const char *key, const char *pt, const char *en)
{
	const char *mine = c->en ? en : pt, *theirs = c->en ? pt : en;

	if (mine != NULL && *mine != '\0') {
		tpl_set(d, key, mine);
		set_suffixed(d, key, "LANG", c->lang);
		return mine;
	}
	if (theirs != NULL && *theirs != '\0') {
		tpl_set(d, key, theirs);
		set_suffixed(d, key, "LANG", c->other);
		show_suffixed(d, key, "FALLBACK");
		return theirs;
	}
	/* Set, even empty, so that a section never shows its parent's value. */
	tpl_set(d, key, "");
	set_suffixed(d, key, "LANG", c->lang);
	show_suffixed(d, key, "MISSING");
	return NULL;
}

void
page_entity_name(struct ctx *c, tpl_dict *d, const char *key, const char *acronym, const char *pt,
    const char *en)
{
	const char *shown;

	shown = page_text(c, d, key, pt, en);
	if (shown == NULL && acronym != NULL) {
		tpl_set(d, key, acronym);
		return;
	}
	/* the acronym after the name, unless the name already holds it ("... (TI Portugal)") */
	if (acronym != NULL && *acronym != '\0' && shown != NULL &&
	    strstr(shown, acronym) == NULL) {
		set_suffixed(d, key, "ACRONYM", acronym);
		tpl_show(d, "HAS_ACRONYM");
		tpl_set(d, "ACRONYM", acronym);
	}
}

void
page_date(struct ctx *c, tpl_dict *d, const char *key, const char *iso)
{
	char out[64];

	if (iso == NULL || *iso == '\0') {
		tpl_set(d, key, "");
		show_suffixed(d, key, "MISSING");
		return;
	}
	i18n_date(iso, c->en, out, sizeof out);
	tpl_set(d, key, out);
	set_suffixed(d, key, "ISO", iso);
	show_suffixed(d, key, "HAS");
}

int
page_figure_date(struct ctx *c, tpl_dict *d, const char *key, const char *as_of, const char *kind)
{
	char out[160];

	if (!i18n_figure_date(as_of, kind, c->en, out, sizeof out)) {
		tpl_set(d, key, out);
		show_suffixed(d, key, "MISSING");
		return 0;
	}
	tpl_set(d, key, out);
	set_suffixed(d, key, "ISO", as_of);
	show_suffixed(d, key, "HAS");
	return 1;
}

void
page_enum(struct ctx *c, tpl_dict *d, const char *key, const char *domain, const char *value)
{
	if (value == NULL || *value == '\0') {
		tpl_set(d, key, "");
		show_suffixed(d, key, "MISSING");
		return;
	}
	tpl_set(d, key, i18n_enum(domain, value, c->en));
	set_suffixed(d, key, "CODE", value);
}

void
page_held_status(struct ctx *c, tpl_dict *d, const char *key, const char *status, const char *last)
{
	page_enum(c, d, key, "held_status", status);
	if (status != NULL && strcmp(status, "announced") == 0 && last != NULL &&
	    progress_overdue(last, -1, NULL, c->today))
		tpl_set(d, key, i18n("L_ANNOUNCED_PAST", c->en));
}

int
page_doubt(struct ctx *c, tpl_dict *d, const char *inc, const char *confidence)
{
	tpl_dict *t;
	int       inferred;

	if (confidence == NULL)
		return 0;
	inferred = strcmp(confidence, "inferred") == 0;
	if (!inferred && strcmp(confidence, "unconfirmed") != 0)
		return 0;
	t = tpl_include(d, inc, "doubt.tpl");
	tpl_set(t, "LANG", c->lang);
	tpl_set(t, "WORD", i18n(inferred ? "L_DOUBT_INFERRED" : "L_DOUBT_UNCONFIRMED", c->en));
	tpl_set(t, "TITLE",
	    i18n(inferred ? "L_DOUBT_INFERRED_TITLE" : "L_DOUBT_UNCONFIRMED_TITLE", c->en));
	return 1;
}

/* Sets SPAN of d to the years the figures of p rest on ("figures from 2020 to 2025",
 * "figures from 2020") or, when none is dated, "date not recorded"; shows HAS_UNDATED
 * with UNDATED when some of them have no date. */
static void
progress_dates(struct ctx *c, tpl_dict *d, const struct progress *p)
{
	char span[96];

	if (p->as_of[0] == '\0')
		snprintf(span, sizeof span, "%s", i18n("L_FIG_UNDATED", c->en));
	else if (strncmp(p->as_of_min, p->as_of, 4) == 0)
		snprintf(span, sizeof span, "%s %.4s", i18n("L_FIGURES_FROM", c->en), p->as_of);
	else
		snprintf(span, sizeof span, "%s %.4s %s %.4s", i18n("L_FIGURES_FROM", c->en),
		    p->as_of_min, i18n("L_FIGURES_TO", c->en), p->as_of);
	tpl_set(d, "SPAN", span);
	if (p->as_of[0] != '\0' && p->undated > 0) {
		tpl_show(d, "HAS_UNDATED");
		tpl_set_int(d, "UNDATED", p->undated);
	}
}

void
page_commitment_doubts(struct ctx *c, tpl_dict *d, const char *shown, const char *title_pt,
    const char *pt_conf, const char *en_conf, const char *ogp_conf)
{
	if (shown != NULL)
		page_doubt(c, d, "TITLE_DOUBT", shown == title_pt ? pt_conf : en_conf);
	page_doubt(c, d, "OGP_DOUBT", ogp_conf);
}

void
page_progress(struct ctx *c, tpl_dict *d, const struct progress *p, int rollup)
{
	tpl_dict *inc = tpl_include(d, "PROGRESS", "progress.tpl");
	int       pct;

	tpl_set_int(inc, "TOTAL", p->total);
	tpl_set_int(inc, "KNOWN", p->known);
	tpl_set(inc, "UNIT",
	    i18n(rollup ? (p->total == 1 ? "UNIT_ONE_C" : "UNIT_MANY_C")
			: (p->total == 1 ? "UNIT_ONE_MS" : "UNIT_MANY_MS"),
		c->en));
	if (!progress_has_data(p)) {
		tpl_show(inc, "NO_DATA");
		return;
	}
	pct = progress_percent(p);
	tpl_show(inc, "HAS_DATA");
	tpl_show(inc, progress_half_known(p) ? "BIG" : "SMALL");
	tpl_set_int(inc, "PCT", pct);
	tpl_set_int(inc, "PCT_STEP", (pct + 2) / 5 * 5);
	progress_dates(c, inc, p);
}

void
page_paragraphs(tpl_dict *d, const char *section, const char *text)
{
	const char *p = text, *end;
	size_t      n;

	while (p != NULL && *p != '\0') {
		while (*p == '\n' || *p == '\r' || *p == ' ')
			p++;
		if (*p == '\0')
			break;
		end = strstr(p, "\n\n");
		n = end ? (size_t)(end - p) : strlen(p);
		tpl_set_n(tpl_section(d, section), "TEXT", p, n);
		p = end ? end + 2 : p + strlen(p);
	}
}

int
page_links(struct ctx *c, tpl_dict *d, const char *has, const char *section, sqlite3_stmt *s)
{
	tpl_dict   *h = NULL, *l;
	const char *kind;
	int         n = 0;

	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(d, has);
		l = tpl_section(h, section);
		kind = db_text(s, LINK_KIND);
		page_url_label(c, l, "LABEL", db_text(s, LINK_URL), db_text(s, LINK_LABEL_PT),
		    db_text(s, LINK_LABEL_EN));
		tpl_set(l, "KIND", i18n_enum("link_kind", kind ? kind : "source", c->en));
		page_doc_link(c, l, db_text(s, LINK_URL));
		n++;
	}
	return n;
}

const char *
page_url_label(
    struct ctx *c, tpl_dict *d, const char *key, const char *url, const char *pt, const char *en)
{
	const char *t = page_text(c, d, key, pt, en), *h;
	size_t      n;

	if (t != NULL || url == NULL)
		return t;
	h = strstr(url, "://");
	if (h == NULL) { /* a path on the site: an uploaded copy */
		tpl_set(d, key, i18n("L_DOCUMENT_COPY", c->en));
		return NULL;
	}
	h += 3;
	if (strncmp(h, "www.", 4) == 0)
		h += 4;
	n = strcspn(h, ":/?#");
	tpl_set_n(d, key, h, n);
	return NULL;
}

void
page_url_state(struct ctx *c, tpl_dict *d, const char *inc, const char *url)
{
	sqlite3_stmt *s;
	tpl_dict     *ls = NULL, *a;
	char          href[80], on[11];

	if (url == NULL || *url == '/')
		return;
	s = db_stmt(ST_URL_STATE);
	db_bind_text(s, 1, url);
	if (db_step(s) != SQLITE_ROW)
		return;
	if (db_text(s, URL_BROKEN) != NULL) {
		ls = tpl_include(d, inc, "linkstate.tpl");
		page_date(c, tpl_section(ls, "BROKEN"), "SINCE", db_text(s, URL_BROKEN));
	}
	if (db_text(s, URL_ARCHIVE) != NULL) {
		if (ls == NULL)
			ls = tpl_include(d, inc, "linkstate.tpl");
		if (upload_withdrawn_on(db_text(s, URL_ARCHIVE), on) == 1)
			page_date(c, tpl_section(ls, "ARCHIVE_WITHDRAWN"), "ON", on);
		else {
			a = tpl_section(ls, "ARCHIVED");
			snprintf(href, sizeof href, "/uploads/%s", db_text(s, URL_ARCHIVE));
			tpl_set(a, "HREF", href);
			page_date(c, a, "AT", db_text(s, URL_FETCHED));
		}
	}
	db_reset(s);
}

void
page_doc_link(struct ctx *c, tpl_dict *d, const char *url)
{
	char on[11];

	tpl_set(d, "URL", url);
	if (url != NULL && strncmp(url, "/uploads/", 9) == 0 &&
	    upload_withdrawn_on(url + 9, on) == 1)
		page_date(c, tpl_section(d, "WITHDRAWN"), "ON", on);
	else
		tpl_show(d, "A");
	page_url_state(c, d, "LINKSTATE", url);
}

int
page_url_lines(struct ctx *c, tpl_dict *d, const char *has, const char *section, const char *lines)
{
	tpl_dict   *h = NULL, *l;
	const char *tab;
	char        url[2048];
	size_t      n, u;
	int         count = 0;

	while (lines != NULL && *lines != '\0') {
		n = strcspn(lines, "\n");
		tab = memchr(lines, '\t', n);
		u = tab != NULL ? (size_t)(tab - lines) : n;
		if (u > 0 && u < sizeof url) {
			memcpy(url, lines, u);
			url[u] = '\0';
			if (h == NULL)
				h = tpl_section(d, has);
			l = tpl_section(h, section);
			tpl_set(l, "URL", url);
			if (tab != NULL && n > u + 1)
				tpl_set_n(l, "LABEL", tab + 1, n - u - 1);
			else
				page_url_label(c, l, "LABEL", url, NULL, NULL);
			page_url_state(c, l, "LINKSTATE", url);
			count++;
		}
		lines += n + (lines[n] == '\n');
	}
	return count;
}

void
page_paras(struct ctx *c, tpl_dict *d, const char *key, const char *pt, const char *en)
{
	const char *t = page_text(c, d, key, pt, en);
	char        sec[64];

	if (t != NULL) {
		snprintf(sec, sizeof sec, "%s_P", key);
		page_paragraphs(d, sec, t);
	}
}

void
page_period(struct ctx *c, tpl_dict *d, const char *key, const char *from, const char *to)
{
	char a[64], b[64], out[160];

	if (from == NULL && to == NULL) {
		tpl_set(d, key, i18n("L_NOT_RECORDED", c->en));
		return;
	}
	if (from != NULL)
		i18n_date(from, c->en, a, sizeof a);
	if (to != NULL)
		i18n_date(to, c->en, b, sizeof b);
	snprintf(out, sizeof out, "%s – %s", from ? a : i18n("L_NOT_RECORDED", c->en),
	    to ? b : i18n("L_NOT_RECORDED", c->en));
	if (from != NULL && to != NULL && strlen(from) == 4 && strlen(to) == 4)
		snprintf(out, sizeof out, "%s–%s", from, to);
	tpl_set(d, key, out);
}

void
page_when(struct ctx *c, tpl_dict *d, const char *start, const char *end, const char *note_pt,
    const char *note_en)
{
	tpl_dict *w = tpl_include(d, "WHEN", "when.tpl");

	if (start != NULL && *start != '\0') {
		tpl_show(w, "DATED");
		page_date(c, w, "START", start);
		if (end != NULL && *end != '\0' && strcmp(start, end) != 0) {
			tpl_show(w, "RANGE");
			page_date(c, w, "END", end);
		}
	} else
		tpl_show(w, "UNDATED");
	if ((note_pt != NULL && *note_pt) || (note_en != NULL && *note_en)) {
		tpl_dict *n = tpl_section(w, "DATE_NOTE");
		page_text(c, n, "NOTE", note_pt, note_en);
	}
}

const char *
page_base_host(void)
{
	static char host[256];
	const char *b = strstr(url_site_base(), "://");
	size_t      n;

	if (host[0] == '\0' && b != NULL) {
		b += 3;
		n = strcspn(b, ":/");
		snprintf(host, sizeof host, "%.*s", (int)n, b);
	}
	return host;
}

void
page_feed_link(struct ctx *c, const char *path, const char *title)
{
	tpl_dict *f = tpl_section(c->page, "FEED");

	tpl_set(f, "HREF", path);
	tpl_set(f, "FEED_TITLE", title);
}

void
page_alternate(struct ctx *c, const char *type, const char *href)
{
	tpl_dict *d = tpl_section(c->page, "ALTERNATE");

	tpl_set(d, "TYPE", type);
	tpl_set(d, "HREF", href);
}
