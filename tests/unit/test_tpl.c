/* Unit tests of view/tpl, the template shim: escaping, sections, includes and globals,
 * and the AUTOESCAPE pragma every template must start with.  TAP output through Check. */
#include <string.h>

#include "../lib/testlib.h"
#include "view/tpl.h"

/* Writes text to dir/name. */
static void
write_file(const char *dir, const char *name, const char *text)
{
	char  path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

START_TEST(template_shim)
{
	char       dir[] = "/tmp/aberta-tplXXXXXX", err[256], bad[64];
	struct buf out = { 0 };
	tpl_dict  *d;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file(dir, "t.tpl",
	    "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "<p title=\"{{A}}\">{{A}}</p><a href=\"{{U}}\">x</a>{{#S}}[{{V}}]{{/S}}{{>INC}}\n");
	write_file(dir, "inc.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n<i>{{G}}{{V}}</i>\n");
	ck_assert_int_eq(tpl_init(dir, err, sizeof err), 0);
	ck_assert_ptr_nonnull(d = tpl_dict_new());
	tpl_set(d, "A", "<script>&\"'");
	tpl_set(d, "U", "javascript:alert(1)");
	tpl_set(tpl_section(d, "S"), "V", "1");
	tpl_set(tpl_section(d, "S"), "V", "2");
	tpl_set_tglobal(d, "G", "g");
	tpl_set(tpl_include(d, "INC", "inc.tpl"), "V", "<b>");
	ck_assert_int_eq(tpl_render("t.tpl", d, &out), 0);
	ck_assert_ptr_nonnull(strstr(out.p, "<p title=\"&lt;script&gt;&amp;&quot;&#39;\">"));
	ck_assert_ptr_null(strstr(out.p, "<script>"));
	ck_assert_ptr_nonnull(strstr(out.p, "href=\"#\""));
	ck_assert_ptr_nonnull(strstr(out.p, "[1][2]"));
	ck_assert_ptr_nonnull(strstr(out.p, "<i>g&lt;b&gt;</i>"));
	ck_assert_int_eq(tpl_render("missing.tpl", d, &out), -1);
	tpl_dict_free(d);
	buf_free(&out);
	write_file(dir, "bad.tpl", "<p>{{X}}</p>\n");
	snprintf(bad, sizeof bad, "%s/bad.tpl", dir);
	ck_assert_int_eq(tpl_has_pragma(bad), 0);
	unlink(bad);
	snprintf(bad, sizeof bad, "%s/t.tpl", dir);
	unlink(bad);
	snprintf(bad, sizeof bad, "%s/inc.tpl", dir);
	unlink(bad);
	rmdir(dir);
}
END_TEST

START_TEST(template_lint_refuses)
{
	char dir[] = "/tmp/aberta-tplXXXXXX", err[256], path[600];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file(dir, "nopragma.tpl", "<p>{{X}}</p>\n");
	ck_assert_int_eq(tpl_init(dir, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "AUTOESCAPE"));
	snprintf(path, sizeof path, "%s/nopragma.tpl", dir);
	unlink(path);
	rmdir(dir);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { template_shim, template_lint_refuses, NULL };

	return tests_main(tests_suite("tpl", 0, tests));
}
