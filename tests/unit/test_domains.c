/* The enumerated domains (lib/domains.h) against the schema: every CHECK (column IN
 * ('a', 'b'...)) of a freshly migrated database, read back from sqlite_schema, must be
 * the codes of one domain, in the same order, and every domain must constrain the
 * columns it names; the labels are the interface's.  TAP output through Check. */
#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "../lib/testlib.h"
#include "lib/domains.h"
#include "store/db.h"
#include "view/i18n.h"

#define LIST_MAX 16

/* A constraint's list of codes, as read from the schema. */
struct list {
	char   col[128]; /* "table.column" */
	char   code[LIST_MAX][64];
	size_t n;
};

/* Reads the quoted list at p (just after "IN"), into l.  Returns 0, or -1 when the list
 * is not of quoted strings (IN (0,1): a flag, not a domain). */
static int
read_list(const char *p, struct list *l)
{
	const char *e;

	while (isspace((unsigned char)*p))
		p++;
	if (*p++ != '(')
		return -1;
	for (l->n = 0;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (*p != '\'')
			return -1;
		ck_assert_ptr_nonnull(e = strchr(p + 1, '\''));
		ck_assert_uint_lt(l->n, LIST_MAX);
		ck_assert_int_lt(e - p - 1, 64);
		snprintf(l->code[l->n++], 64, "%.*s", (int)(e - p - 1), p + 1);
		for (p = e + 1; isspace((unsigned char)*p); p++)
			;
		if (*p == ')')
			return 0;
		ck_assert_int_eq(*p++, ',');
	}
}

/* Compares every quoted IN list of table's CREATE statement sql with its domain; counts
 * in seen[] the columns found for each domain.  Returns the number of lists. */
static int
check_table(const char *table, const char *sql, int seen[DOM__MAX])
{
	const struct domain *d;
	struct list          l;
	const char          *p, *b;
	size_t               i;
	int                  lists = 0;

	for (p = sql; (p = strstr(p, " IN")) != NULL; p += 3) {
		if (!isspace((unsigned char)p[3]) && p[3] != '(')
			continue;
		if (read_list(p + 3, &l) != 0)
			continue;
		for (b = p; b > sql && (isalnum((unsigned char)b[-1]) || b[-1] == '_'); b--)
			;
		ck_assert_msg(b < p, "%s: an IN list without a column", table);
		snprintf(l.col, sizeof l.col, "%s.%.*s", table, (int)(p - b), b);
		d = domain_column(table, l.col + strlen(table) + 1);
		ck_assert_msg(
		    d != NULL, "%s has a CHECK list but no domain in lib/domains.c", l.col);
		ck_assert_msg(d->n == l.n, "%s: the schema allows %zu codes, domain %s has %zu",
		    l.col, l.n, d->name, d->n);
		for (i = 0; i < l.n; i++)
			ck_assert_msg(strcmp(d->codes[i].code, l.code[i]) == 0,
			    "%s: code %zu is '%s' in the schema, '%s' in domain %s", l.col, i + 1,
			    l.code[i], d->codes[i].code, d->name);
		seen[d - domain(0)]++;
		lists++;
	}
	return lists;
}

START_TEST(domains_are_the_schema)
{
	sqlite3      *db;
	sqlite3_stmt *s;
	char          err[256];
	int           seen[DOM__MAX] = { 0 }, lists = 0, d, ncols;
	const char   *p;

	ck_assert_ptr_nonnull(db = db_open(":memory:", 1, err, sizeof err));
	ck_assert_int_eq(db_migrate(db, err, sizeof err), db_latest_version());
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "SELECT name, sql FROM sqlite_schema WHERE "
			     "type = 'table' AND sql IS NOT NULL ORDER BY name",
			     -1, &s, NULL),
	    SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		lists += check_table((const char *)sqlite3_column_text(s, 0),
		    (const char *)sqlite3_column_text(s, 1), seen);
	sqlite3_finalize(s);
	sqlite3_close(db);
	ck_assert_int_ge(lists, 25);
	/* Each domain constrains exactly the columns it names, each once. */
	for (d = 0; d < DOM__MAX; d++) {
		for (ncols = 1, p = domain(d)->cols; (p = strchr(p, ' ')) != NULL; p++)
			ncols++;
		ck_assert_msg(seen[d] == ncols,
		    "domain %s names %d columns; the schema "
		    "constrains %d of them to it",
		    domain(d)->name, ncols, seen[d]);
	}
}
END_TEST

/* The interface shows the domains' labels: i18n_enum finds each one, code for code, in
 * both languages (irm_completion under self_status). */
START_TEST(labels_are_the_interface)
{
	const struct domain *dom;
	const struct dcode  *c;
	const char          *idom;
	size_t               i, labelled = 0;
	int                  d, en;

	for (d = 0; d < DOM__MAX; d++) {
		dom = domain(d);
		ck_assert_ptr_eq(domain_named(dom->name), dom);
		for (i = 0; i < dom->n; i++) {
			c = &dom->codes[i];
			ck_assert_ptr_eq(domain_code(dom, c->code), c);
			ck_assert_msg((c->pt == NULL) == (c->en == NULL), "%s.%s: one label",
			    dom->name, c->code);
			if (c->pt == NULL)
				continue;
			labelled++;
			if (d == DOM_SUB_KIND || d == DOM_TIMEZONE)
				continue; /* no i18n_enum domain (see below) */
			idom = d == DOM_IRM_COMPLETION ? "self_status" : dom->name;
			for (en = 0; en <= 1; en++)
				ck_assert_str_eq(domain_label(dom->name, c->code, en),
				    i18n_enum(idom, c->code, en));
		}
	}
	ck_assert_uint_ge(labelled, 70);
	/* The labels a page shows today (i18n strings not in an i18n_enum domain). */
	ck_assert_str_eq(domain_label("sub_kind", "proposal", 0), i18n("L_PROPOSAL", 0));
	ck_assert_str_eq(domain_label("sub_kind", "proposal", 1), i18n("L_PROPOSAL", 1));
	ck_assert_str_eq(domain_label("sub_kind", "comment", 0), i18n("L_COMMENT", 0));
	ck_assert_str_eq(domain_label("sub_kind", "comment", 1), i18n("L_COMMENT", 1));
	ck_assert_ptr_null(domain_label("self_status", "nonsense", 0));
	ck_assert_ptr_null(domain_label("nonsense", "complete", 0));
	ck_assert_ptr_null(domain_label("entity_role", "lead", 0));
	ck_assert_ptr_null(domain_named("search_kind"));
	ck_assert_ptr_null(domain_code(domain(DOM_SELF_STATUS), NULL));
	ck_assert_ptr_null(domain_code(domain(DOM_IRM_COMPLETION), "withdrawn"));
	ck_assert_ptr_nonnull(domain_code(domain(DOM_SELF_STATUS), "withdrawn"));
	ck_assert_ptr_null(domain_code(domain(DOM_YESNO), "pending"));
	ck_assert_ptr_eq(domain_column("commitment", "irm_relevant"), domain(DOM_YESNO));
	ck_assert_ptr_eq(domain_column("consultation", "timezone"), domain(DOM_TIMEZONE));
	ck_assert_ptr_null(domain_column("commitment", "irm"));
	ck_assert_ptr_null(domain_column("commitment", "irm_relevant_"));
	ck_assert_ptr_null(domain_column("commit", "irm_relevant"));
	ck_assert_ptr_null(domain_column("commitment", "title_pt"));
}
END_TEST

/* 1 when a and b are equal, ignoring ASCII case (the content loader also takes '_' for
 * ' ', which these aliases never need). */
static int
same(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

/* The spellings of the content loader (the OGP pages' own words). */
START_TEST(aliases)
{
	ck_assert_str_eq(
	    domain_alias(domain(DOM_IRM_COMPLETION), "no evidence available", same), "no_evidence");
	ck_assert_str_eq(
	    domain_alias(domain(DOM_IRM_COMPLETION), "No evidence", same), "no_evidence");
	ck_assert_str_eq(domain_alias(domain(DOM_IRM_COMPLETION), "Complete", same), "complete");
	ck_assert_ptr_null(domain_alias(domain(DOM_IRM_COMPLETION), "Withdrawn", same));
	ck_assert_str_eq(domain_alias(domain(DOM_MS_STATUS), "Withdrawn", same), "withdrawn");
	ck_assert_str_eq(domain_alias(domain(DOM_EARLY_RESULTS), "Moderate", same), "moderate");
	ck_assert_str_eq(domain_alias(domain(DOM_OGP_VALUE), "Technology & Innovation", same),
	    "technology_innovation");
	ck_assert_str_eq(domain_alias(domain(DOM_YESNO), "YES", same), "yes");
	ck_assert_ptr_null(domain_alias(domain(DOM_YESNO), "Pending", same));
	ck_assert_str_eq(domain_alias(domain(DOM_STARRED), "Pending", same), "pending");
	ck_assert_str_eq(
	    domain_alias(domain(DOM_ENTITY_KIND), "Civil Society", same), "civil_society");
	ck_assert_ptr_null(domain_alias(domain(DOM_EVENT_KIND), "other", same));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("domains");
	TCase *tc = tcase_create("all");

	tcase_add_test(tc, domains_are_the_schema);
	tcase_add_test(tc, labels_are_the_interface);
	tcase_add_test(tc, aliases);
	suite_add_tcase(s, tc);
	return tests_main(s);
}
