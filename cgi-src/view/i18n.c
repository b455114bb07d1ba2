/* i18n: the lookups of the interface's words (see i18n.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/domains.h"
#include "lib/tztime.h"
#include "view/i18n.h"
#include "view/strings.h"
#include "view/tpl.h"

struct enum_msg {
	const char *domain;
	const char *value;
	const char *pt;
	const char *en;
};

/* The labels of the schema's enumerated domains come from lib/domains.c; these are the
 * only ones of a domain the schema does not constrain: the kinds of search results. */
static const struct enum_msg enums[] = {
	{ "search_kind", "plan", "Plano", "Plan" },
	{ "search_kind", "commitment", "Compromisso", "Commitment" },
	{ "search_kind", "milestone", "Marco", "Milestone" },
	{ "search_kind", "entity", "Entidade", "Body" },
	{ "search_kind", "event", "Evento", "Event" },
	{ "search_kind", "page", "Página", "Page" },
	{ "search_kind", "consultation", "Consulta", "Consultation" },
	{ "search_kind", "submission", "Contributo", "Submission" },
};

/* The message tables (strings.h), in order. */
static const struct {
	const struct i18n_msg *msgs;
	const size_t          *n;
} tables[] = {
	{ i18n_msgs, &i18n_nmsgs },
	{ i18n_err_msgs, &i18n_nerr_msgs },
	{ i18n_field_msgs, &i18n_nfield_msgs },
	{ i18n_data_msgs, &i18n_ndata_msgs },
};

/* Message i of all tables, counted in their order (0 <= i < i18n_count()). */
static const struct i18n_msg *
msg_at(size_t i)
{
	size_t t;

	for (t = 0; i >= *tables[t].n; t++)
		i -= *tables[t].n;
	return &tables[t].msgs[i];
}

void
i18n_apply(tpl_dict *d, int en)
{
	const struct i18n_msg *m;
	size_t                 i, n = i18n_count();

	/* template labels are the L_ keys, whichever table holds them */
	for (i = 0; i < n; i++)
		if (strncmp((m = msg_at(i))->key, "L_", 2) == 0)
			tpl_set_tglobal_static(d, m->key, en ? m->en : m->pt);
}

#define NLOCAL    (sizeof enums / sizeof enums[0])
#define ENUMS_MAX 256 /* labelled codes of every domain, and the local ones */

/* The tables sorted by key, built at the first lookup: a page of 2,000 commitments looks
 * up tens of thousands of labels, and a linear search with strcmp was a tenth of its
 * time.  On equal keys the first entry of the table wins, as with a linear search. */
static const struct i18n_msg *msg_by_key[I18N_MSGS_MAX];
static size_t                 nmsgs; /* of all tables, counted by sort_tables */
static struct enum_msg        enum_all[ENUMS_MAX];
static const struct enum_msg *enum_by_key[ENUMS_MAX];
static size_t                 nenums;

static int
cmp_msg(const void *a, const void *b)
{
	const struct i18n_msg *x = *(const struct i18n_msg *const *)a;
	const struct i18n_msg *y = *(const struct i18n_msg *const *)b;
	int                    c = strcmp(x->key, y->key);

	return c != 0 ? c : (x > y) - (x < y);
}

static int
cmp_enum(const void *a, const void *b)
{
	const struct enum_msg *x = *(const struct enum_msg *const *)a;
	const struct enum_msg *y = *(const struct enum_msg *const *)b;
	int                    c = strcmp(x->domain, y->domain);

	if (c == 0)
		c = strcmp(x->value, y->value);
	return c != 0 ? c : (x > y) - (x < y);
}

/* Fills enum_all with the labelled codes of every domain (lib/domains.h), then the local
 * ones. */
static void
enums_collect(void)
{
	const struct domain *d;
	size_t               i, j;

	nenums = 0;
	for (i = 0; i < DOM__MAX; i++) {
		d = domain((enum dom)i);
		for (j = 0; j < d->n && nenums < ENUMS_MAX; j++)
			if (d->codes[j].pt != NULL)
				enum_all[nenums++] = (struct enum_msg){ d->name, d->codes[j].code,
					d->codes[j].pt, d->codes[j].en };
	}
	for (i = 0; i < NLOCAL && nenums < ENUMS_MAX; i++)
		enum_all[nenums++] = enums[i];
}

static void
sort_tables(void)
{
	size_t i;

	nmsgs = i18n_count();
	for (i = 0; i < nmsgs; i++)
		msg_by_key[i] = msg_at(i);
	/* NOLINTNEXTLINE(bugprone-sizeof-expression) */
	qsort(msg_by_key, nmsgs, sizeof msg_by_key[0], cmp_msg);
	enums_collect();
	for (i = 0; i < nenums; i++)
		enum_by_key[i] = &enum_all[i];
	/* NOLINTNEXTLINE(bugprone-sizeof-expression) */
	qsort(enum_by_key, nenums, sizeof enum_by_key[0], cmp_enum);
}

const char *
i18n(const char *key, int en)
{
	size_t lo = 0, hi, mid;

	if (msg_by_key[0] == NULL)
		sort_tables();
	hi = nmsgs;
	while (lo < hi) { /* the first entry whose key is not below key */
		mid = lo + (hi - lo) / 2;
		if (strcmp(msg_by_key[mid]->key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nmsgs && strcmp(msg_by_key[lo]->key, key) == 0)
		return en ? msg_by_key[lo]->en : msg_by_key[lo]->pt;
	return key;
}

const char *
i18n_enum(const char *domain, const char *value, int en)
{
	size_t lo, hi, mid;
	int    c;

	if (enum_by_key[0] == NULL)
		sort_tables();
	lo = 0;
	hi = nenums;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(enum_by_key[mid]->domain, domain);
		if (c == 0)
			c = strcmp(enum_by_key[mid]->value, value);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nenums && strcmp(enum_by_key[lo]->domain, domain) == 0 &&
	    strcmp(enum_by_key[lo]->value, value) == 0)
		return en ? enum_by_key[lo]->en : enum_by_key[lo]->pt;
	return value;
}

void
i18n_value(const char *tbl, const char *col, const char *v, int en, char *out, size_t len)
{
	const struct domain *d;
	const struct dcode  *code;

	if (strcmp(col, "progress") == 0 || strcmp(col, "self_percent") == 0)
		snprintf(out, len, "%s%%", v);
	else if (strcmp(col, "irm_promising") == 0 || strcmp(col, "irm_open_gov_lens") == 0)
		snprintf(
		    out, len, "%s", i18n_enum("yesno", strcmp(v, "0") == 0 ? "no" : "yes", en));
	else if ((d = domain_column(tbl, col)) != NULL && (code = domain_code(d, v)) != NULL &&
	    code->pt != NULL)
		snprintf(out, len, "%s", en ? code->en : code->pt);
	else
		snprintf(out, len, "%s", v);
}

void
i18n_date(const char *iso, int en, char *out, size_t outlen)
{
	tz_date_words(iso, en, out, outlen);
}

int
i18n_figure_date(const char *as_of, const char *kind, int en, char *out, size_t outlen)
{
	static const struct {
		const char *kind, *before, *after; /* message keys around the date */
	} words[] = {
		{ "stated", "L_FIG_ON", NULL },
		{ "publication", "L_FIG_REPORT", NULL },
		{ "not_before", "L_FIG_NOT_BEFORE", "L_FIG_NOT_BEFORE_END" },
		{ "approximate", "L_FIG_ABOUT", NULL },
	};
	const char *w = "L_FIG_ON", *end = "";
	char        day[64];
	size_t      i;

	if (as_of == NULL || *as_of == '\0' || (kind != NULL && strcmp(kind, "unknown") == 0)) {
		snprintf(out, outlen, "%s", i18n("L_FIG_UNDATED", en));
		return 0;
	}
	for (i = 0; kind != NULL && i < sizeof words / sizeof words[0]; i++)
		if (strcmp(kind, words[i].kind) == 0) {
			w = words[i].before;
			end = words[i].after ? i18n(words[i].after, en) : "";
		}
	/* "on 2020" reads wrong: a stated year or month is "in" it. */
	if (strcmp(w, "L_FIG_ON") == 0 && strlen(as_of) < 10)
		w = "L_FIG_IN";
	i18n_date(as_of, en, day, sizeof day);
	snprintf(out, outlen, "%s %s%s%s", i18n(w, en), day, *end ? " " : "", end);
	return 1;
}

size_t
i18n_count(void)
{
	size_t n = 0, t;

	for (t = 0; t < sizeof tables / sizeof tables[0]; t++)
		n += *tables[t].n;
	return n;
}

const char *
i18n_key(size_t i)
{
	return msg_at(i)->key;
}
