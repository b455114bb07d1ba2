/* facet: the search parameters, the safe FTS5 query, shareable URLs and the facet panel. */
#include <stdio.h>
#include <string.h>

#include "lib/domains.h"
#include "lib/urlcode.h"
#include "http/req.h"
#include "store/db.h"
#include "pages/facet.h"
#include "view/i18n.h"
#include "lib/valid.h"

/* Parameter names and the message key of an invalid value, by enum facet. */
static const char *const names[FACET__MAX] = { "plan", "status", "lead", "value", "area", "late" };
static const char *const errs[FACET__MAX] = { "ERR_FACET_PLAN", "ERR_FACET_STATUS",
	"ERR_FACET_LEAD", "ERR_FACET_VALUE", "ERR_FACET_AREA", "ERR_FACET_LATE" };
/* Panel headings, by enum facet (i18n keys). */
static const char *const heads[FACET__MAX] = { "FACET_PLAN", "FACET_STATUS", "FACET_LEAD",
	"FACET_VALUE", "FACET_AREA", "FACET_LATE" };
static const char *const sorts[SORT__MAX] = { "plan", "status", "progress", "end" };

/* Decodes the UTF-8 character at s (valid UTF-8) into *cp; returns its length in bytes. */
static size_t
utf8_next(const unsigned char *s, unsigned long *cp)
{
	if (s[0] < 0x80)
		return *cp = s[0], 1;
	if (s[0] < 0xE0)
		return *cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu), 2;
	if (s[0] < 0xF0)
		return *cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu), 3;
	*cp = ((s[0] & 0x07ul) << 18) | ((s[1] & 0x3Ful) << 12) | ((s[2] & 0x3Ful) << 6) |
	    (s[3] & 0x3Ful);
	return 4;
}

/* Returns 1 when cp separates words as the unicode61 tokenizer sees them: ASCII other
 * than letters and digits, Latin-1 punctuation and symbols, general punctuation,
 * currency, arrows, mathematical and other symbols, CJK and full-width punctuation,
 * emoji.  A word made only of such characters would be an empty FTS5 phrase. */
static int
is_sep(unsigned long cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z'));
	if (cp < 0xC0) /* but ª ² ³ µ ¹ º ¼ ½ ¾ are letters and numbers */
		return !(cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 ||
		    cp == 0xBA || (cp >= 0xBC && cp <= 0xBE));
	return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
	    (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x2BFF) ||
	    (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	    (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	    (cp >= 0x1F000 && cp <= 0x1FAFF);
}

/* Appends "word" (quotes doubled) to out at *o, with " AND " before it unless first.
 * Returns 0, or -1 when out is too small. */
static int
put_term(char *out, size_t outlen, size_t *o, const char *w, size_t n, int first)
{
	size_t i;

	if (!first) {
		if (*o + 5 >= outlen)
			return -1;
		memcpy(out + *o, " AND ", 5);
		*o += 5;
	}
	if (*o + 1 >= outlen)
		return -1;
	out[(*o)++] = '"';
	for (i = 0; i < n; i++) {
		if (*o + 2 >= outlen)
			return -1;
		if (w[i] == '"')
			out[(*o)++] = '"';
		out[(*o)++] = w[i];
	}
	if (*o + 1 >= outlen)
		return -1;
	out[(*o)++] = '"';
	out[*o] = '\0';
	return 0;
}

int
facet_fts_query(const char *text, char *out, size_t outlen)
{
	const unsigned char *s = (const unsigned char *)text, *w = NULL;
	unsigned long        cp = 0;
	size_t               len, chars = 0, o = 0;
	int                  terms = 0;

	if (outlen < 4)
		return -1;
	out[0] = '\0';
	for (;; s += len) {
		len = *s ? utf8_next(s, &cp) : 0;
		if (*s != '\0' && ++chars > FACET_Q_CHARS)
			return out[0] = '\0', -1;
		if (*s != '\0' && !is_sep(cp)) {
			if (w == NULL)
				w = s;
			continue;
		}
		if (w != NULL) {
			if (++terms > FACET_Q_TERMS ||
			    put_term(
				out, outlen, &o, (const char *)w, (size_t)(s - w), terms == 1) != 0)
				return out[0] = '\0', -1;
			w = NULL;
		}
		if (*s == '\0')
			break;
	}
	if (terms > 0) {
		if (o + 2 > outlen)
			return out[0] = '\0', -1;
		out[o++] = '*'; /* the last word may be unfinished */
		out[o] = '\0';
	}
	return terms;
}

/* Sets *v to the single value of parameter key (NULL when absent or empty).  Returns 0,
 * or -1 when the parameter is repeated. */
static int
one(const struct ctx *c, const char *key, const char **v)
{
	*v = NULL;
	if (req_param_count(c->req, key) > 1)
		return -1;
	*v = req_param(c->req, key);
	if (*v != NULL && **v == '\0')
		*v = NULL;
	return 0;
}

/* Returns 1 when v is one of the codes of domain d. */
static int
in_domain(const char *v, enum dom d)
{
	return domain_code(domain(d), v) != NULL;
}

/* Validates facet f's value v (not NULL) into p.  Returns 1 when valid. */
static int
valid_facet(struct facet_params *p, int f, const char *v)
{
	switch (f) {
	case FACET_PLAN:
		return valid_int(v, 1, 999, &p->plan) == 0;
	case FACET_STATUS:
		return in_domain(v, DOM_SELF_STATUS) ||
		    strcmp(v, "none") == 0; /* none: no status */
	case FACET_VALUE:
		return in_domain(v, DOM_OGP_VALUE);
	case FACET_LATE:
		return strcmp(v, "overdue") == 0;
	default:
		return valid_slug(v);
	}
}

/* Reads q into p (see enum facet_q).  Returns 0, or -1 when repeated. */
static int
parse_q(struct ctx *c, struct facet_params *p)
{
	const char *q;
	int         n;

	if (one(c, "q", &q) != 0)
		return -1;
	p->q = q;
	p->qstate = FACET_Q_NONE;
	if (q == NULL || q[strspn(q, " \t\r\n")] == '\0')
		return 0;
	n = strlen(q) > FACET_Q_CHARS * 4 ? -1 : facet_fts_query(q, p->fts, sizeof p->fts);
	p->qstate = n < 0 ? FACET_Q_TOOLONG : n == 0 ? FACET_Q_NOWORDS : FACET_Q_OK;
	return 0;
}

/* Reads sort= into p->sort.  Returns 0, or -1 when invalid (or repeated). */
static int
parse_sort(struct ctx *c, struct facet_params *p)
{
	const char *v;
	int         i;

	p->sort = SORT_PLAN;
	if (one(c, "sort", &v) != 0)
		return -1;
	if (v == NULL)
		return 0;
	for (i = 0; i < SORT__MAX; i++)
		if (strcmp(v, sorts[i]) == 0)
			return p->sort = (enum facet_sort)i, 0;
	return -1;
}

int
facet_parse(struct ctx *c, struct facet_params *p, const char *page, int with_sort)
{
	const char *v;
	int         f;

	memset(p, 0, sizeof *p);
	snprintf(p->basebuf, sizeof p->basebuf, "/%s/%s", c->lang, page);
	p->base = p->basebuf;
	p->page = 1;
	if (parse_q(c, p) != 0)
		return c->error = "ERR_PARAM_REPEATED", 400;
	for (f = 0; f < FACET__MAX; f++) {
		if (one(c, names[f], &v) != 0)
			return c->error = "ERR_PARAM_REPEATED", 400;
		if (v != NULL && !valid_facet(p, f, v))
			return c->error = errs[f], 400;
		p->val[f] = v;
	}
	if (with_sort && req_param_count(c->req, "sort") > 1)
		return c->error = "ERR_PARAM_REPEATED", 400;
	if (with_sort && parse_sort(c, p) != 0)
		return c->error = "ERR_BAD_SORT", 400;
	if (one(c, "page", &v) != 0)
		return c->error = "ERR_PARAM_REPEATED", 400;
	if (v != NULL && valid_int(v, 1, FACET_PAGE_MAX, &p->page) != 0)
		return c->error = "ERR_BAD_PAGE", 400;
	return 0;
}

int
facet_any(const struct facet_params *p)
{
	int f;

	for (f = 0; f < FACET__MAX; f++)
		if (p->val[f] != NULL)
			return 1;
	return 0;
}

void
facet_bind(struct ctx *c, const struct facet_params *p, sqlite3_stmt *s)
{
	int f;

	if (p->qstate == FACET_Q_OK)
		db_bind_text(s, 1, p->fts);
	db_bind_text(s, 2, c->lang);
	if (p->val[FACET_PLAN] != NULL)
		db_bind_int64(s, 3, p->plan);
	for (f = FACET_STATUS; f < FACET__MAX; f++)
		if (p->val[f] != NULL)
			db_bind_text(s, 3 + f, p->val[f]);
	db_bind_text(s, 9, c->today);
}

void
facet_url(const struct facet_params *p, int f, const char *v, int sort, long long page, char *out,
    size_t outlen)
{
	struct buf  u = { 0 };
	const char *val;
	char        num[24];
	int         i;

	buf_puts(&u, p->base);
	if (p->q != NULL && p->qstate != FACET_Q_NONE)
		url_param(&u, "q", p->q);
	for (i = 0; i < FACET__MAX; i++) {
		val = i == f ? v : p->val[i];
		if (val != NULL)
			url_param(&u, names[i], val);
	}
	if (sort > SORT_PLAN && sort < SORT__MAX)
		url_param(&u, "sort", sorts[sort]);
	if (page > 1) {
		snprintf(num, sizeof num, "%lld", page);
		url_param(&u, "page", num);
	}
	snprintf(out, outlen, "%s", !u.oom && u.p != NULL ? u.p : p->base);
	buf_free(&u);
}

/* Cuts s, written by snprintf into cap bytes, back to whole UTF-8 characters when it
 * was truncated. */
static void
utf8_whole(char *s, size_t cap)
{
	size_t        n = strlen(s), i, need;
	unsigned char b;

	if (n == 0 || n + 1 < cap)
		return;
	for (i = n - 1; i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80; i--)
		;
	b = (unsigned char)s[i];
	need = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
	if (n - i < need)
		s[i] = '\0';
}

/* Writes the label of a facet value (row of the facet statement) into out, in whole
 * characters.  For a plan, FC_LABEL_PT and FC_LABEL_EN are its period's start and end. */
static void
value_label(struct ctx *c, sqlite3_stmt *s, int g, char *out, size_t outlen)
{
	const char *code = db_text(s, FC_CODE), *pt = db_text(s, FC_LABEL_PT);
	const char *en = db_text(s, FC_LABEL_EN);
	const char *mine = c->en ? en : pt, *theirs = c->en ? pt : en;

	if (g == FACET_PLAN)
		snprintf(out, outlen, "%s %s%s%.4s%s%.4s", i18n("T_PLAN", c->en), code,
		    pt && en ? " · " : "", pt && en ? pt : "", pt && en ? "–" : "",
		    pt && en ? en : "");
	else if (g == FACET_STATUS)
		snprintf(out, outlen, "%s",
		    strcmp(code, "none") == 0 ? i18n("FACET_NONE", c->en)
					      : i18n_enum("self_status", code, c->en));
	else if (g == FACET_VALUE)
		snprintf(out, outlen, "%s", i18n_enum("ogp_value", code, c->en));
	else if (g == FACET_LATE)
		snprintf(out, outlen, "%s", i18n("FACET_OVERDUE", c->en));
	else if (g == FACET_LEAD && db_text(s, FC_ACRONYM) != NULL)
		snprintf(out, outlen, "%s", db_text(s, FC_ACRONYM));
	else
		snprintf(out, outlen, "%s",
		    mine && *mine           ? mine
			: theirs && *theirs ? theirs
					    : code);
	utf8_whole(out, outlen);
}

void
facet_hidden(tpl_dict *b, const struct facet_params *p)
{
	tpl_dict *h;
	int       f;

	for (f = 0; f < FACET__MAX; f++) {
		if (p->val[f] == NULL)
			continue;
		h = tpl_section(b, "HIDDEN");
		tpl_set(h, "NAME", names[f]);
		tpl_set(h, "VALUE", p->val[f]);
	}
	if (p->sort > SORT_PLAN && p->sort < SORT__MAX) {
		h = tpl_section(b, "HIDDEN");
		tpl_set(h, "NAME", "sort");
		tpl_set(h, "VALUE", sorts[p->sort]);
	}
}

/* The "active filters" list of the panel, each with the URL that removes it. */
static void
active(struct ctx *c, tpl_dict *panel, const struct facet_params *p, char labels[][256])
{
	struct facet_params none = *p;
	tpl_dict           *any = NULL, *a;
	char                url[4096];
	int                 f;

	for (f = 0; f < FACET__MAX; f++) {
		if (p->val[f] == NULL)
			continue;
		if (any == NULL)
			any = tpl_section(panel, "ACTIVE_ANY");
		a = tpl_section(any, "ACTIVE");
		tpl_set(a, "GROUP", i18n(heads[f], c->en));
		tpl_set(a, "LABEL", labels[f][0] ? labels[f] : p->val[f]);
		facet_url(p, f, NULL, p->sort, 1, url, sizeof url);
		tpl_set(a, "URL", url);
		none.val[f] = NULL;
	}
	if (any != NULL) {
		facet_url(&none, FACET__MAX, NULL, p->sort, 1, url, sizeof url);
		tpl_set(any, "CLEAR_URL", url);
	}
}

long long
facet_panel(struct ctx *c, tpl_dict *b, const struct facet_params *p, sqlite3_stmt *s)
{
	tpl_dict *panel = NULL, *grp = NULL, *v;
	char      labels[FACET__MAX][256], label[256], url[4096];
	long long total = 0;
	int       g, last = -1;

	memset(labels, 0, sizeof labels);
	while (db_step(s) == SQLITE_ROW) {
		g = db_int(s, FC_GROUP);
		if (g < 0 || g >= FACET__MAX) {
			total = db_int64(s, FC_COUNT);
			continue;
		}
		if (panel == NULL)
			panel = tpl_include(b, "FACETS", "facets.tpl");
		if (g != last) {
			grp = tpl_section(panel, "GROUP");
			tpl_set(grp, "NAME", i18n(heads[g], c->en));
			tpl_set(grp, "KEY", names[g]);
			last = g;
		}
		v = tpl_section(grp, "VAL");
		value_label(c, s, g, label, sizeof label);
		tpl_set(v, "LABEL", label);
		page_doubt(c, v, "DOUBT", db_text(s, FC_CONF));
		tpl_set_int(v, "N", db_int64(s, FC_COUNT));
		if (p->val[g] != NULL && strcmp(p->val[g], db_text(s, FC_CODE)) == 0) {
			tpl_show(v, "SELECTED");
			snprintf(labels[g], sizeof labels[g], "%s", label);
			continue;
		}
		facet_url(p, g, db_text(s, FC_CODE), p->sort, 1, url, sizeof url);
		tpl_set(tpl_section(v, "LINK"), "URL", url);
	}
	if (panel == NULL && facet_any(p))
		panel = tpl_include(b, "FACETS", "facets.tpl");
	if (panel == NULL)
		tpl_show(b, "NO_FACETS");
	else
		active(c, panel, p, labels);
	return total;
}
