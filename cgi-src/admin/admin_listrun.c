/* What every staff list shares (admin.h, struct admin_list): its query of
 * store/adminlist.h read from the address (the search, the filters the list has, the
 * order, the page) with what is refused, one page of it run with its counts (the last
 * page, with a note, when the address asks past it), the address of a state, and the
 * pager. */
#include <stdio.h>
#include <string.h>

#include "http/req.h"
#include "store/adminlist.h"
#include "store/auth.h"
#include "store/db.h"
#include "admin/admin.h"
#include "view/page.h"
#include "lib/buf.h"
#include "lib/urlcode.h"
#include "lib/valid.h"

#define PAGE_MAX 1000000 /* highest page number accepted */

void
page_admin_headcount(tpl_dict *b, const struct admin_list *a, const char *noun)
{
	char m[32], all[32], t[160];

	page_admin_count(a->matched, m);
	page_admin_count(a->all, all);
	if (adminlist_filtered(&a->q))
		snprintf(t, sizeof t, ": %s%s (de %s)", m, noun, all);
	else
		snprintf(t, sizeof t, ": %s%s", m, noun);
	tpl_set(b, "HEADCOUNT", t);
}

void
page_admin_caption(tpl_dict *t, const struct admin_list *a, const char *what, int n)
{
	char m[32], all[32], f1[32], f2[32], cap[256];

	page_admin_count(a->matched, m);
	page_admin_count(a->all, all);
	page_admin_count(n > 0 ? (a->q.page - 1) * AL_PER_PAGE + 1 : 0, f1);
	page_admin_count((a->q.page - 1) * AL_PER_PAGE + n, f2);
	snprintf(cap, sizeof cap,
	    adminlist_filtered(&a->q) ? "%s %s a %s de %s (entre %s)" : "%s %s a %s de %s", what,
	    f1, f2, m, all);
	tpl_set(t, "CAPTION", cap);
}

long long
page_admin_scope(const struct ctx *c)
{
	if (c->me->role != ROLE_MEMBER)
		return 0;
	return c->me->entity_id > 0 ? c->me->entity_id : -1;
}

const char *
page_admin_count(long long n, char out[32])
{
	char   d[24];
	size_t len, i, o = 0;

	snprintf(d, sizeof d, "%lld", n);
	len = strlen(d);
	for (i = 0; i < len; i++) {
		if (i > 0 && d[i - 1] != '-' && (len - i) % 3 == 0) {
			out[o++] = (char)0xC2; /* U+00A0, a no-break space */
			out[o++] = (char)0xA0;
		}
		out[o++] = d[i];
	}
	out[o] = '\0';
	return out;
}

/* Refuses name=value in the note of a, saying why. */
static void
refuse(struct admin_list *a, const char *name, const char *value, const char *why)
{
	tpl_dict *d;

	if (a->note == NULL) { /* read before the page (a form's POST): counted only */
		a->bad++;
		return;
	}
	if (a->bad++ == 0) {
		a->err = tpl_section(a->note, "ERROR");
		tpl_set(a->err, "PATH", a->path);
	}
	d = tpl_section(a->err, "BAD");
	tpl_set(d, "NAME", name);
	tpl_set(d, "VALUE",
	    strlen(value) <= 80 && valid_utf8(value, strlen(value)) ? value : "(texto inválido)");
	tpl_set(d, "WHY", why);
}

/* The value of parameter name; NULL when absent or empty, or repeated (refused). */
static const char *
param(struct ctx *c, struct admin_list *a, const char *name)
{
	const char *v = req_param(c->req, name);

	if (v == NULL || *v == '\0')
		return NULL;
	if (req_param_count(c->req, name) > 1) {
		refuse(a, name, v, "repetido no endereço");
		return NULL;
	}
	return v;
}

/* Takes the search text v, without the spaces around it, into a (name: its parameter). */
static void
search_text(struct admin_list *a, const char *name, const char *v)
{
	size_t n;

	while (*v == ' ' || *v == '\t')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	if (n > AL_Q_MAX || !valid_utf8(v, n))
		refuse(a, name, v, "a pesquisa tem mais de 200 carateres ou carateres inválidos");
	else if (n > 0) {
		memcpy(a->qbuf, v, n);
		a->qbuf[n] = '\0';
		a->q.q = a->qbuf;
	}
}

void
page_admin_list_read(struct ctx *c, tpl_dict *b, struct admin_list *a, enum al_list l,
    const char *path, const char *qname)
{
	const char *v, *why, *name;
	long long   n;
	int         f, i;

	memset(a, 0, sizeof *a);
	a->path = path;
	a->qname = qname;
	a->note = b != NULL ? tpl_include(b, "LISTNOTE", "admin_listnote.tpl") : NULL;
	a->q.list = l;
	a->q.today = c->today;
	a->q.now = (long long)c->now;
	a->q.page = 1;
	if ((v = param(c, a, qname)) != NULL && adminlist_searchable(l))
		search_text(a, qname, v);
	for (f = 0; f < ALF__MAX; f++) {
		name = adminlist_filter_name(f);
		if (!adminlist_has(l, f) || (v = param(c, a, name)) == NULL)
			continue;
		if ((why = adminlist_check(l, f, v)) != NULL)
			refuse(a, name, v, why);
		else
			a->q.filter[f] = v;
	}
	if ((v = param(c, a, "sort")) != NULL) {
		for (i = 0; (name = adminlist_sort(l, i, NULL)) != NULL; i++)
			if (strcmp(name, v) == 0)
				break;
		if (name == NULL)
			refuse(a, "sort", v, "ordem desconhecida");
		else
			a->q.sort = i;
	}
	if ((v = param(c, a, "page")) != NULL) {
		if (valid_int(v, 1, PAGE_MAX, &n) != 0)
			refuse(a, "page", v, "não é um número de página (1, 2, 3...)");
		else
			a->q.page = n;
	}
}

void
page_admin_list_url(struct buf *u, const struct admin_list *a, int skip)
{
	int f;

	buf_puts(u, a->path);
	if (a->q.q != NULL)
		url_param(u, a->qname, a->q.q);
	for (f = 0; f < ALF__MAX; f++)
		if (f != skip && a->q.filter[f] != NULL)
			url_param(u, adminlist_filter_name(f), a->q.filter[f]);
	if (a->q.sort != 0)
		url_param(u, "sort", adminlist_sort(a->q.list, a->q.sort, NULL));
}

void
page_admin_pager(tpl_dict *b, const char *label, const char *url, long long page, long long pages)
{
	tpl_dict   *p = tpl_section(tpl_include(b, "PAGER", "admin_pager.tpl"), "PAGER");
	const char *sep = strchr(url, '?') != NULL ? "&" : "?";
	char        u[2600];

	tpl_set(p, "LABEL", label);
	tpl_set_int(p, "PAGE", page);
	tpl_set_int(p, "PAGES", pages);
	if (page > 1) {
		tpl_set(tpl_section(p, "FIRST"), "URL", url);
		snprintf(u, sizeof u, "%s%spage=%lld", url, sep, page - 1);
		tpl_set(tpl_section(p, "PREV"), "URL", page == 2 ? url : u);
	}
	if (page < pages) {
		snprintf(u, sizeof u, "%s%spage=%lld", url, sep, page + 1);
		tpl_set(tpl_section(p, "NEXT"), "URL", u);
		snprintf(u, sizeof u, "%s%spage=%lld", url, sep, pages);
		tpl_set(tpl_section(p, "LAST"), "URL", u);
	}
}

/* Reads the page of a: row(arg, s) for each of its rows; a->matched gets the number of
 * rows the search and the filters keep when the page has rows.  Returns the rows read,
 * or -1 when the database failed. */
static int
page_rows(struct ctx *c, struct admin_list *a, void (*row)(void *, sqlite3_stmt *), void *arg)
{
	sqlite3_stmt *s;
	int           n = 0;

	if ((s = adminlist_rows(c->rw, &a->q)) == NULL)
		return -1;
	while (db_step(s) == SQLITE_ROW) {
		if (n++ == 0 && adminlist_matched(s) >= 0)
			a->matched = adminlist_matched(s);
		row(arg, s);
	}
	adminlist_close(s);
	return db_failed() ? -1 : n;
}

int
page_admin_list_run(struct ctx *c, tpl_dict *b, struct admin_list *a,
    void (*row)(void *, sqlite3_stmt *), void *arg)
{
	long long  pages;
	struct buf u = { 0 };
	char       note[160];
	int        n;

	if (adminlist_count(c->rw, &a->q, 0, &a->all) != 0 || (n = page_rows(c, a, row, arg)) < 0)
		return -1;
	if (!adminlist_filtered(&a->q))
		a->matched = a->all;
	if (n == 0 && a->q.page > 1) { /* past the last page: the last one */
		if (adminlist_filtered(&a->q) && adminlist_count(c->rw, &a->q, 1, &a->matched) != 0)
			return -1;
		pages = a->matched == 0 ? 1 : (a->matched + AL_PER_PAGE - 1) / AL_PER_PAGE;
		snprintf(note, sizeof note,
		    "A página %lld não existe: a lista tem %lld página%s. Mostra-se a última.",
		    a->q.page, pages, pages == 1 ? "" : "s");
		tpl_set(tpl_section(a->note, "NOTE"), "TEXT", note);
		a->q.page = pages;
		if (a->matched > 0 && (n = page_rows(c, a, row, arg)) < 0)
			return -1;
	}
	pages = a->matched == 0 ? 1 : (a->matched + AL_PER_PAGE - 1) / AL_PER_PAGE;
	page_admin_list_url(&u, a, ALF__MAX);
	page_admin_pager(b, "Páginas da lista", u.p, a->q.page, pages);
	buf_free(&u);
	return n;
}
