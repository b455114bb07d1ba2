/* Unit tests of view/i18n: every label a template uses has its text, and dates are
 * written for people in both languages.  TAP output through Check. */
#include <dirent.h>
#include <string.h>

#include "../lib/testlib.h"
#include "view/i18n.h"

START_TEST(labels_complete)
{
	const char    *dir = getenv("ABERTA_TEMPLATES");
	char           path[512], line[4096], key[128], *p, *e;
	struct dirent *de;
	DIR           *dp;
	FILE          *f;
	size_t         i, checked = 0;
	int            found;

	ck_assert_ptr_nonnull(dir);
	ck_assert_ptr_nonnull(dp = opendir(dir));
	while ((de = readdir(dp)) != NULL) {
		if (strstr(de->d_name, ".tpl") == NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		ck_assert_ptr_nonnull(f = fopen(path, "r"));
		while (fgets(line, sizeof line, f) != NULL)
			for (p = line; (p = strstr(p, "{{L_")) != NULL; p = e) {
				p += 2;
				e = strstr(p, "}}");
				ck_assert_ptr_nonnull(e);
				snprintf(key, sizeof key, "%.*s", (int)(e - p), p);
				for (found = 0, i = 0; i < i18n_count(); i++)
					found |= strcmp(i18n_key(i), key) == 0;
				ck_assert_msg(
				    found, "%s uses %s, which has no text", de->d_name, key);
				checked++;
			}
		fclose(f);
	}
	closedir(dp);
	ck_assert_uint_gt(checked, 50);
	ck_assert_str_eq(i18n_enum("self_status", "complete", 0), "Concluído");
	ck_assert_str_eq(i18n_enum("self_status", "complete", 1), "Complete");
	ck_assert_str_eq(i18n("NO_SUCH_KEY", 1), "NO_SUCH_KEY");
}
END_TEST

START_TEST(dates_human)
{
	char out[64];

	i18n_date("2019-03-12", 0, out, sizeof out);
	ck_assert_str_eq(out, "12 de março de 2019");
	i18n_date("2019-03-12", 1, out, sizeof out);
	ck_assert_str_eq(out, "12 March 2019");
	i18n_date("2018-12", 1, out, sizeof out);
	ck_assert_str_eq(out, "December 2018");
	i18n_date("2018", 0, out, sizeof out);
	ck_assert_str_eq(out, "2018");
}
END_TEST

/* Edge cases: no day, a bad month, a bad year, and a buffer too small (cut like
 * snprintf). */
START_TEST(dates_human_edges)
{
	static const struct {
		const char *iso;
		int         en;
		size_t      size;
		const char *want;
	} t[] = {
		{ "2018-12-00", 0, 64, "dezembro de 2018" },
		{ "2019-13-01T10:00:00Z", 1, 64, "2019-13-01" },
		{ "20x9-03-07", 1, 64, "7 March -1" },
		{ "2019-03-12", 1, 5, "12 M" },
		{ "2019-03-12", 0, 1, "" },
	};
	char   out[64];
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		i18n_date(t[i].iso, t[i].en, out, t[i].size);
		ck_assert_str_eq(out, t[i].want);
	}
}
END_TEST

/* Every key stands in one table only, and a key of each table is found. */
START_TEST(tables_keys_once)
{
	size_t i, j;

	for (i = 0; i < i18n_count(); i++)
		for (j = i + 1; j < i18n_count(); j++)
			ck_assert_msg(
			    strcmp(i18n_key(i), i18n_key(j)) != 0, "%s stands twice", i18n_key(i));
	ck_assert_str_eq(i18n("L_DOUBT_UNCONFIRMED", 0), "por confirmar");
	ck_assert_str_eq(i18n("COL_leads", 1), "Lead bodies");
	ck_assert_str_eq(i18n("HIST_EMPTY", 0), "(vazio)");
	ck_assert_ptr_nonnull(strstr(i18n("ERR_DB_IO", 1), "nothing was changed"));
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { labels_complete, dates_human, dates_human_edges,
		tables_keys_once, NULL };

	return tests_main(tests_suite("i18n", 0, tests));
}
