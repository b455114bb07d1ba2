/* Unit tests of view/page's page_figure_date: the date of a progress figure worded by how
 * it is known (its as_of_kind), in both languages, and "date not recorded" without one.
 * TAP output through Check. */
#include <string.h>

#include "../lib/testlib.h"
#include "view/page.h"

/* Renders page_figure_date(as_of, kind) in language en (1: English) into out. */
static void
figure(int en, const char *as_of, const char *kind, struct buf *out)
{
	struct ctx c;
	tpl_dict  *d;

	memset(&c, 0, sizeof c);
	c.en = en;
	c.lang = en ? "en" : "pt";
	c.other = en ? "pt" : "en";
	ck_assert_ptr_nonnull(d = tpl_dict_new());
	page_figure_date(&c, d, "D", as_of, kind);
	out->len = 0;
	ck_assert_int_eq(tpl_render("fig.tpl", d, out), 0);
	tpl_dict_free(d);
}

/* Checks that figure(en, as_of, kind) renders want. */
static void
check(int en, const char *as_of, const char *kind, const char *want)
{
	struct buf out = { 0 };

	figure(en, as_of, kind, &out);
	ck_assert_msg(out.len == strlen(want) && memcmp(out.p, want, out.len) == 0,
	    "%s %s %s: got %.*s, want %s", en ? "en" : "pt", as_of ? as_of : "NULL",
	    kind ? kind : "NULL", (int)out.len, out.p, want);
	buf_free(&out);
}

START_TEST(figure_dates)
{
	char  dir[] = "/tmp/aberta-figXXXXXX", err[256], path[600];
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/fig.tpl", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs("{{%AUTOESCAPE context=\"HTML\"}}{{#D_HAS}}<time datetime=\"{{D_ISO}}\">{{D}}</time>"
	      "{{/D_HAS}}{{#D_MISSING}}({{D}}){{/D_MISSING}}",
	    f);
	fclose(f);
	ck_assert_int_eq(tpl_init(dir, err, sizeof err), 0);
	check(1, "2024-03-03", "stated", "<time datetime=\"2024-03-03\">on 3 March 2024</time>");
	check(0, "2024-03-03", "stated",
	    "<time datetime=\"2024-03-03\">em 3 de março de 2024</time>");
	check(1, "2024-03", "stated", "<time datetime=\"2024-03\">in March 2024</time>");
	check(1, "2024-03-03", NULL, "<time datetime=\"2024-03-03\">on 3 March 2024</time>");
	check(1, "2023-10-01", "publication",
	    "<time datetime=\"2023-10-01\">in a report of 1 October 2023</time>");
	check(0, "2023-10-01", "publication",
	    "<time datetime=\"2023-10-01\">num relatório de 1 de outubro de 2023</time>");
	check(1, "2022", "not_before", "<time datetime=\"2022\">published on or after 2022</time>");
	check(0, "2022-05", "not_before",
	    "<time datetime=\"2022-05\">publicado em maio de 2022 ou depois</time>");
	check(1, "2021-06", "approximate", "<time datetime=\"2021-06\">about June 2021</time>");
	check(0, "2021-06", "approximate",
	    "<time datetime=\"2021-06\">cerca de junho de 2021</time>");
	check(1, NULL, "unknown", "(date not recorded)");
	check(0, NULL, NULL, "(data não registada)");
	check(1, "2021-06-01", "unknown", "(date not recorded)");
	check(1, "", "stated", "(date not recorded)");
	unlink(path);
	rmdir(dir);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { figure_dates, NULL };

	return tests_main(tests_suite("figure", 0, tests));
}
