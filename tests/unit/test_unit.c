/* Unit tests: validators, request parsing, routing, the progress formula, the template
 * shim, migrations and the interface strings.  TAP output through Check. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sys/stat.h>

#include "../testlib.h"
#include "http/cache.h"
#include "lib/consult.h"
#include "store/db.h"
#include "store/mail.h"
#include "view/i18n.h"
#include "lib/progress.h"
#include "http/req.h"
#include "http/routes.h"
#include "lib/spawn.h"
#include "lib/tztime.h"
#include "store/sql_embed.h"
#include "view/tpl.h"
#include "lib/valid.h"

START_TEST(utf8)
{
	ck_assert(valid_utf8("participação", strlen("participação")));
	ck_assert(valid_utf8("", 0));
	ck_assert(!valid_utf8("\xc3", 1));			/* truncated */
	ck_assert(!valid_utf8("\xc0\xaf", 2));			/* overlong '/' */
	ck_assert(!valid_utf8("\xed\xa0\x80", 3));		/* surrogate */
	ck_assert(!valid_utf8("\xf4\x90\x80\x80", 4));		/* above U+10FFFF */
	ck_assert(!valid_utf8("a\0b", 3));			/* NUL */
	ck_assert(!valid_utf8("\xff", 1));
}
END_TEST

START_TEST(ints)
{
	long long v = -1;

	ck_assert_int_eq(valid_int("42", 1, 999, &v), 0);
	ck_assert_int_eq(v, 42);
	ck_assert_int_eq(valid_int("0", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("-1", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("1000", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("007", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("1e3", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int(" 1", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("", 1, 999, &v), -1);
	ck_assert_int_eq(valid_int("99999999999999999999999", 1, 999, &v), -1);
}
END_TEST

START_TEST(ids_dates_urls)
{
	ck_assert(valid_ogp_id("PT0013"));
	ck_assert(!valid_ogp_id("pt0013"));
	ck_assert(!valid_ogp_id("PT013"));
	ck_assert(!valid_ogp_id("PT00133"));
	ck_assert(valid_slug("ti-portugal"));
	ck_assert(!valid_slug("TI"));
	ck_assert(!valid_slug("../x"));
	ck_assert(!valid_slug(""));
	ck_assert(valid_date("2018"));
	ck_assert(valid_date("2018-12"));
	ck_assert(valid_date("2024-02-29"));
	ck_assert(!valid_date("2023-02-29"));
	ck_assert(!valid_date("2018-13"));
	ck_assert(!valid_date("2018-1-1"));
	ck_assert(!valid_date("18"));
	ck_assert(valid_http_url("https://ogp.eportugal.gov.pt/en/noticia5"));
	ck_assert(valid_http_url("http://example.org/a?b=c"));
	ck_assert(!valid_http_url("javascript:alert(1)"));
	ck_assert(!valid_http_url("ftp://example.org/"));
	ck_assert(!valid_http_url("https://exa mple.org/"));
	ck_assert(!valid_http_url("https://"));
	ck_assert(!valid_http_url("https://x/\"><script>"));
}
END_TEST

/* A getter over a NULL-terminated list of name, value pairs. */
static const char *
pairs_get(const char *name, void *arg)
{
	const char **p = arg;

	for (; *p != NULL; p += 2)
		if (strcmp(*p, name) == 0)
			return p[1];
	return NULL;
}

START_TEST(request_parsing)
{
	static struct req r;
	const char *ok[] = { "REQUEST_METHOD", "GET", "REQUEST_URI",
	    "/pt/search?q=participa%C3%A7%C3%A3o+aberta&plan=2&plan=3", NULL };
	const char *badpct[] = { "REQUEST_URI", "/pt/plans?x=%zz", NULL };
	const char *nul[] = { "REQUEST_URI", "/pt/plans%00", NULL };
	const char *badutf[] = { "REQUEST_URI", "/pt/%C3", NULL };
	const char *dots[] = { "REQUEST_URI", "/pt/%2e%2e/etc", NULL };
	const char *put[] = { "REQUEST_METHOD", "PUT", "REQUEST_URI", "/pt/", NULL };

	ck_assert_int_eq(req_parse(&r, pairs_get, ok), 0);
	ck_assert_str_eq(r.path, "/pt/search");
	ck_assert_str_eq(req_param(&r, "q"), "participação aberta");
	ck_assert_uint_eq(req_param_count(&r, "plan"), 2);
	ck_assert_ptr_null(req_param(&r, "nope"));
	ck_assert_int_eq(req_parse(&r, pairs_get, badpct), 400);
	ck_assert_int_eq(req_parse(&r, pairs_get, nul), 400);
	ck_assert_int_eq(req_parse(&r, pairs_get, badutf), 400);
	ck_assert_int_eq(req_parse(&r, pairs_get, dots), 400);
	ck_assert_int_eq(req_parse(&r, pairs_get, put), 0);
	ck_assert_int_eq(r.method, METHOD_OTHER);
}
END_TEST

START_TEST(request_limits)
{
	static struct req r;
	static char uri[8192];
	const char *env[] = { "REQUEST_URI", uri, NULL };
	size_t i;

	snprintf(uri, sizeof uri, "/pt/plans?");
	for (i = strlen(uri); i < 5000; i++)
		uri[i] = 'a';
	uri[i] = '\0';
	ck_assert_int_eq(req_parse(&r, pairs_get, env), 414);
	snprintf(uri, sizeof uri, "/pt/plans?");
	for (i = 0; i < 40; i++)
		strncat(uri, "a=1&", sizeof uri - strlen(uri) - 1);
	ck_assert_int_eq(req_parse(&r, pairs_get, env), 400);
	ck_assert_str_eq(r.error, "ERR_TOO_MANY_PARAMS");
}
END_TEST

START_TEST(accept_language)
{
	ck_assert_str_eq(req_pick_lang(NULL), "pt");
	ck_assert_str_eq(req_pick_lang("en-GB,en;q=0.9"), "en");
	ck_assert_str_eq(req_pick_lang("pt-PT,pt;q=0.9,en;q=0.8"), "pt");
	ck_assert_str_eq(req_pick_lang("en;q=0.5, pt;q=0.8"), "pt");
	ck_assert_str_eq(req_pick_lang("de-DE,de;q=0.9,en;q=0.3"), "en");
	ck_assert_str_eq(req_pick_lang("fr"), "pt");
	ck_assert_str_eq(req_pick_lang("en;q=0"), "pt");
	ck_assert_str_eq(req_pick_lang("enx"), "pt");
}
END_TEST

/* Finds the route for path; returns the match and the handler through *fn. */
static enum match
find(const char *path, int (**fn)(struct ctx *), struct ctx *c, char *fix)
{
	const struct route *rt = NULL;
	enum match m;

	memset(c, 0, sizeof *c);
	m = route_find(path, &rt, c, fix, 256);
	*fn = rt ? rt->fn : NULL;
	return m;
}

START_TEST(routing)
{
	int (*fn)(struct ctx *);
	struct ctx c;
	char fix[256];

	ck_assert_int_eq(find("/en/plans/2", &fn, &c, fix), MATCH_OK);
	ck_assert(fn == page_plans_show);
	ck_assert_int_eq(c.num, 2);
	ck_assert_str_eq(c.lang, "en");
	ck_assert_int_eq(find("/pt/commitments/PT0013", &fn, &c, fix), MATCH_OK);
	ck_assert(fn == page_commitments_show);
	ck_assert_str_eq(c.arg[0], "PT0013");
	ck_assert_int_eq(find("/pt/", &fn, &c, fix), MATCH_OK);
	ck_assert(fn == page_home);
	ck_assert_int_eq(find("/pt/plans/abc", &fn, &c, fix), MATCH_BAD_ARG);
	ck_assert_int_eq(find("/pt/plans/-1", &fn, &c, fix), MATCH_BAD_ARG);
	ck_assert_int_eq(find("/pt/plans/99999999999999999999", &fn, &c, fix), MATCH_BAD_ARG);
	ck_assert_int_eq(find("/pt/commitments/XX", &fn, &c, fix), MATCH_BAD_ARG);
	ck_assert_int_eq(find("/pt/members/Bad_Slug", &fn, &c, fix), MATCH_BAD_ARG);
	ck_assert_int_eq(find("/fr/plans", &fn, &c, fix), MATCH_NONE);
	ck_assert_int_eq(find("/pt/nothing", &fn, &c, fix), MATCH_NONE);
	ck_assert_int_eq(find("/pt/plans/2/x", &fn, &c, fix), MATCH_NONE);
	ck_assert_int_eq(find("/pt", &fn, &c, fix), MATCH_REDIRECT);
	ck_assert_str_eq(fix, "/pt/");
	ck_assert_int_eq(find("/en/plans/", &fn, &c, fix), MATCH_REDIRECT);
	ck_assert_str_eq(fix, "/en/plans");
}
END_TEST

START_TEST(route_table)
{
	size_t i, j;
	char allow[32];

	for (i = 0; i < route_count(); i++) {
		ck_assert_ptr_nonnull(route_at(i)->fn);
		ck_assert(route_at(i)->methods != 0);
		for (j = i + 1; j < route_count(); j++)
			ck_assert_str_ne(route_at(i)->pattern, route_at(j)->pattern);
	}
	route_allow(route_at(0), allow, sizeof allow);
	ck_assert_str_eq(allow, "GET, HEAD");
}
END_TEST

START_TEST(progress_formula)
{
	struct progress c1, c2, c3, plan;

	progress_init(&c1);
	ck_assert(!progress_has_data(&c1));		/* no milestones: no data, not 0% */
	progress_add(&c1, 100, "2024-01-10");
	progress_add(&c1, 50, "2025-03-01");
	progress_add(&c1, -1, NULL);			/* not reported: left out */
	ck_assert(progress_has_data(&c1));
	ck_assert_int_eq(progress_percent(&c1), 75);
	ck_assert_int_eq(c1.known, 2);
	ck_assert_int_eq(c1.total, 3);
	ck_assert_str_eq(c1.as_of, "2025-03-01");
	progress_init(&c2);
	progress_add(&c2, 0, "2023-05-05");		/* a real 0% is data */
	ck_assert(progress_has_data(&c2));
	ck_assert_int_eq(progress_percent(&c2), 0);
	progress_init(&c3);
	progress_add(&c3, -1, NULL);
	progress_init(&plan);
	progress_add_rollup(&plan, &c1);
	progress_add_rollup(&plan, &c2);
	progress_add_rollup(&plan, &c3);
	ck_assert_int_eq(plan.known, 2);
	ck_assert_int_eq(plan.total, 3);
	ck_assert_int_eq(progress_percent(&plan), 38);	/* (75 + 0) / 2 = 37.5 */
	ck_assert_str_eq(plan.as_of, "2025-03-01");
	progress_init(&c1);
	progress_add(&c1, 33, NULL);
	progress_add(&c1, 34, NULL);
	ck_assert_int_eq(progress_percent(&c1), 34);	/* 33.5 rounds up */
	ck_assert_str_eq(c1.as_of, "");
}
END_TEST

/* Writes text to dir/name. */
static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

START_TEST(template_shim)
{
	char dir[] = "/tmp/aberta-tplXXXXXX", err[256], bad[64];
	struct buf out = { 0 };
	tpl_dict *d;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file(dir, "t.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n"
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

/* Returns a fresh temporary database path (the file does not exist yet). */
static void
temp_db(char *path, size_t len)
{
	int fd;

	snprintf(path, len, "/tmp/aberta-testXXXXXX");
	ck_assert_int_ge(fd = mkstemp(path), 0);
	close(fd);
	unlink(path);
}

START_TEST(migrate_fresh)
{
	char path[64], err[256];
	sqlite3 *db;

	temp_db(path, sizeof path);
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_int_eq(db_version(db), 0);
	ck_assert_int_eq(db_migrate(db, err, sizeof err), db_latest_version());
	ck_assert_int_eq(db_version(db), db_latest_version());
	ck_assert_int_eq(db_migrate(db, err, sizeof err), 0);	/* nothing left to do */
	ck_assert_int_eq(db_prepare_all(db, err, sizeof err), 0);
	db_finalize_all();
	sqlite3_close(db);
	test_db_remove(path);
}
END_TEST

START_TEST(migrate_old_database)
{
	char path[64], err[256];
	sqlite3 *db;
	sqlite3_stmt *s;

	/* A database left at version 1 by an older program, with content in it. */
	temp_db(path, sizeof path);
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE schema_version (version INTEGER "
	    "PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT '2020-01-01T00:00:00Z')",
	    NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, sql_migrations[0], NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO schema_version (version) VALUES (1);"
	    "INSERT INTO action_plan (number, title_pt) VALUES (7, 'Plano antigo')",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	/* A newer program opens it. */
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_int_eq(db_version(db), 1);
	ck_assert_int_eq(db_migrate(db, err, sizeof err), db_latest_version() - 1);
	ck_assert_int_eq(db_version(db), db_latest_version());
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT title_pt FROM action_plan WHERE "
	    "number = 7", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "Plano antigo");
	sqlite3_finalize(s);
	/* Every statement of this program prepares on the migrated database. */
	ck_assert_int_eq(db_prepare_all(db, err, sizeof err), 0);
	db_finalize_all();
	sqlite3_close(db);
	test_db_remove(path);
}
END_TEST

START_TEST(migrate_refuses_newer)
{
	char path[64], err[256];
	sqlite3 *db;

	temp_db(path, sizeof path);
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_int_eq(db_migrate(db, err, sizeof err), db_latest_version());
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO schema_version (version) VALUES (999)",
	    NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(db_migrate(db, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "999"));
	sqlite3_close(db);
	test_db_remove(path);
}
END_TEST

START_TEST(labels_complete)
{
	const char *dir = getenv("ABERTA_TEMPLATES");
	char path[512], line[4096], key[128], *p, *e;
	struct dirent *de;
	DIR *dp;
	FILE *f;
	size_t i, checked = 0;
	int found;

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
				ck_assert_msg(found, "%s uses %s, which has no text", de->d_name, key);
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
	static const struct { const char *iso; int en; size_t size; const char *want; } t[] = {
		{ "2018-12-00", 0, 64, "dezembro de 2018" },
		{ "2019-13-01T10:00:00Z", 1, 64, "2019-13-01" },
		{ "20x9-03-07", 1, 64, "7 March -1" },
		{ "2019-03-12", 1, 5, "12 M" },
		{ "2019-03-12", 0, 1, "" },
	};
	char	 out[64];
	size_t	 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		i18n_date(t[i].iso, t[i].en, out, t[i].size);
		ck_assert_str_eq(out, t[i].want);
	}
}
END_TEST

/* Lisbon time: the EU rule, both changes, and the way back. */
START_TEST(lisbon_time)
{
	char	 out[32];
	const char *zone;
	time_t	 t;

	/* 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC. */
	ck_assert_int_eq(utc_parse("2026-03-29T00:59:59Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 0);
	ck_assert_int_eq(utc_parse("2026-03-29T01:00:00Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 3600);
	ck_assert_int_eq(utc_parse("2026-10-25T00:59:59Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 3600);
	ck_assert_int_eq(utc_parse("2026-10-25T01:00:00Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 0);
	/* 2018 (the first plan's consultation): 25 March and 28 October. */
	ck_assert_int_eq(utc_parse("2018-10-28T00:30:00Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 3600);
	ck_assert_int_eq(utc_parse("2018-11-19T09:00:00Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 0);
	/* Typed in Lisbon, stored in UTC, shown again as typed. */
	ck_assert_int_eq(lisbon_to_utc("2026-07-01T10:00", out, sizeof out), 0);
	ck_assert_str_eq(out, "2026-07-01T09:00:00Z");
	ck_assert_int_eq(lisbon_to_utc("2026-12-03 23:59", out, sizeof out), 0);
	ck_assert_str_eq(out, "2026-12-03T23:59:00Z");
	ck_assert_int_eq(utc_to_lisbon("2026-07-01T09:00:00Z", out, sizeof out, &zone), 0);
	ck_assert_str_eq(out, "2026-07-01T10:00");
	ck_assert_str_eq(zone, "WEST");
	/* The hour that happens twice is taken in summer time; the missing one in winter. */
	ck_assert_int_eq(lisbon_to_utc("2026-10-25T01:30", out, sizeof out), 0);
	ck_assert_str_eq(out, "2026-10-25T00:30:00Z");
	ck_assert_int_eq(lisbon_to_utc("2026-03-29T01:30", out, sizeof out), 0);
	ck_assert_str_eq(out, "2026-03-29T01:30:00Z");
	/* Not times. */
	ck_assert_int_eq(lisbon_to_utc("2026-02-30T10:00", out, sizeof out), -1);
	ck_assert_int_eq(lisbon_to_utc("2026-02-10T24:00", out, sizeof out), -1);
	ck_assert_int_eq(lisbon_to_utc("2026-02-10", out, sizeof out), -1);
	ck_assert_int_eq(lisbon_to_utc("2026-02-10T10:00x", out, sizeof out), -1);
	ck_assert_int_eq(utc_parse("2026-02-10T10:00:00", &t), -1);
	ck_assert_int_eq(utc_parse("2026-02-10T10:00:60Z", &t), -1);
}
END_TEST

/* The phase of a consultation and the countdown shown while it is open. */
START_TEST(consultation_clock)
{
	time_t	 now, lim;
	long	 n;
	char	 unit;

	ck_assert_int_eq(utc_parse("2026-11-20T12:00:00Z", &now), 0);
	ck_assert_int_eq(consultation_phase(now, "2026-11-21T00:00:00Z",
	    "2026-12-01T00:00:00Z"), PHASE_UPCOMING);
	ck_assert_int_eq(consultation_phase(now, "2026-11-01T00:00:00Z",
	    "2026-12-01T00:00:00Z"), PHASE_OPEN);
	ck_assert_int_eq(consultation_phase(now, "2026-11-01T00:00:00Z",
	    "2026-11-20T12:00:00Z"), PHASE_CLOSED);	/* the closing second is closed */
	ck_assert_int_eq(consultation_phase(now, "bad", "2026-12-01T00:00:00Z"), PHASE_CLOSED);
	ck_assert_int_eq(utc_parse("2026-11-23T18:00:00Z", &lim), 0);
	countdown(now, lim, &n, &unit);
	ck_assert(n == 3 && unit == 'd');
	countdown(now, now + 5 * 3600 + 59, &n, &unit);
	ck_assert(n == 5 && unit == 'h');
	countdown(now, now + 10, &n, &unit);
	ck_assert(n == 1 && unit == 'm');
}
END_TEST

/* Email addresses, tokens, rate limits, and the message a citizen receives. */
START_TEST(citizen_inputs)
{
	char		 tok[65], out[64];
	unsigned char	 h1[32], h2[32];
	struct buf	 m = { 0 };

	ck_assert(valid_email("ana.silva+ogp@labx.gov.pt"));
	ck_assert(valid_email("A@B.PT"));
	ck_assert(!valid_email("ana"));
	ck_assert(!valid_email("ana@localhost"));
	ck_assert(!valid_email("a b@x.pt"));
	ck_assert(!valid_email("a@b@x.pt"));
	ck_assert(!valid_email("<a@x.pt>"));
	ck_assert(!valid_email("a@x.pt\r\nBcc: b@y.pt"));
	ck_assert(!valid_email("a@-x.pt"));
	ck_assert(!valid_email("a..b@x.pt"));
	email_fold("Ana@LabX.gov.PT", out, sizeof out);
	ck_assert_str_eq(out, "ana@labx.gov.pt");
	ck_assert_int_eq(token_new(tok, sizeof tok, h1), 0);
	ck_assert_uint_eq(strlen(tok), 64);
	ck_assert_int_eq(token_hash(tok, h2), 0);
	ck_assert(memcmp(h1, h2, 32) == 0);
	ck_assert_int_eq(token_hash("ABC", h2), -1);
	tok[0] = 'G';
	ck_assert_int_eq(token_hash(tok, h2), -1);
	ck_assert(rate_ok(0, RL_ADDR_HOUR - 1, 0));
	ck_assert(!rate_ok(0, RL_ADDR_HOUR, RL_ADDR_HOUR));
	ck_assert(!rate_ok(1, 0, RL_EMAIL_DAY));
	ck_assert_int_eq(mail_compose(&m, "ogp@ama.pt", "a@x.pt", "Olá", "linha\n.ponto\n",
	    0), 0);
	ck_assert_ptr_nonnull(strstr(m.p, "Subject: =?UTF-8?B?T2zDoQ==?=\r\n"));
	ck_assert_ptr_nonnull(strstr(m.p, "\r\n\r\nlinha\r\n.ponto\r\n"));
	buf_free(&m);
	ck_assert_int_eq(mail_compose(&m, "ogp@ama.pt", "a@x.pt\r\nBcc: b@y.pt", "S", "b",
	    0), -1);
	buf_free(&m);
}
END_TEST

/* The memo of cache.h: each answer comes back whole, from the worker's memory or from
 * its file, only at its own content version; nothing is kept for a generation that
 * current does not name. */
START_TEST(memo_roundtrip)
{
	char		 root[] = "/tmp/aberta-memo-XXXXXX", p[600], key[32];
	char		*big = malloc(300000);
	const char	*got;
	size_t		 len;
	int		 i;

	ck_assert_ptr_nonnull(big);
	ck_assert_ptr_nonnull(mkdtemp(root));
	setenv("ABERTA_CACHE", root, 1);
	snprintf(p, sizeof p, "%s/gen-5", root);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/current", root);
	ck_assert_int_eq(symlink("gen-5", p), 0);
	/* 40 answers of 100 kB: more than the memory keeps (2 MB), so some from files */
	for (i = 0; i < 40; i++) {
		memset(big, 'a' + i % 26, 100000);
		snprintf(key, sizeof key, "k%d", i);
		ck_assert_int_eq(cache_memo_put(key, 5, "M\n", 2, big, 100000), 1);
	}
	for (i = 39; i >= 0; i--) {
		snprintf(key, sizeof key, "k%d", i);
		ck_assert_int_eq(cache_memo_get(key, 5, &got, &len), 1);
		ck_assert_uint_eq(len, 100002);
		ck_assert(memcmp(got, "M\n", 2) == 0);
		ck_assert_int_eq(got[2], 'a' + i % 26);
		ck_assert_int_eq(got[100001], 'a' + i % 26);
	}
	ck_assert_int_eq(cache_memo_get("k1", 6, &got, &len), 0);
	ck_assert_int_eq(cache_memo_get("k1", 4, &got, &len), 0);
	ck_assert_int_eq(cache_memo_get("nothing", 5, &got, &len), 0);
	/* over what one answer may take in memory: from its file */
	memset(big, 'z', 300000);
	ck_assert_int_eq(cache_memo_put("big", 5, "M\n", 2, big, 300000), 1);
	ck_assert_int_eq(cache_memo_get("big", 5, &got, &len), 1);
	ck_assert_uint_eq(len, 300002);
	ck_assert_int_eq(got[300001], 'z');
	/* rendered at a version current does not name: not kept */
	ck_assert_int_eq(cache_memo_put("old", 4, "M\n", 2, "x", 1), 0);
	ck_assert_int_eq(cache_memo_get("old", 4, &got, &len), 0);
	ck_assert_int_eq(cache_current(), 5);
	free(big);
	snprintf(p, sizeof p, "rm -rf '%s'", root);
	ck_assert_int_eq(system(p), 0);
	unsetenv("ABERTA_CACHE");
}
END_TEST

/* The worker starts aberta-admin for the mail with spawn_detached: the program gets
 * /dev/null for input and output, none of the worker's other descriptors (a listening
 * socket like the FastCGI one, a pipe like the request's connection), the environment,
 * default signals and a session of its own; the caller waits for none of it and is left
 * no child to reap. */
START_TEST(spawn_detached_child)
{
	char		 dir[] = "/tmp/aberta-spawnXXXXXX", out[600], fds[64], err[300];
	char		 line[512], self[64], *text = NULL, *p1;
	struct sockaddr_in a = { .sin_family = AF_INET };
	struct pollfd	 pf;
	struct buf	 b = { 0 };
	int		 lsock, p[2], st, i, n;
	FILE		*f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(out, sizeof out, "%s/out", dir);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ck_assert_int_ge(lsock = socket(AF_INET, SOCK_STREAM, 0), 0);	/* not close-on-exec */
	ck_assert_int_eq(bind(lsock, (struct sockaddr *)&a, sizeof a), 0);
	ck_assert_int_eq(listen(lsock, 1), 0);
	ck_assert_int_eq(pipe(p), 0);
	snprintf(fds, sizeof fds, "%d %d", lsock, p[1]);
	setenv("SPAWN_TEST", "inherited", 1);
	signal(SIGPIPE, SIG_IGN);
	char *const argv[] = { "/bin/sh", "-c", "o=$(readlink /proc/$$/fd/1); "
	    "exec >\"$1.tmp\"; echo \"in $(readlink /proc/$$/fd/0) out $o\"; "
	    "find /proc/$$/fd -mindepth 1 -printf 'fd %f %l\\n'; "
	    "echo \"env $SPAWN_TEST\"; echo \"ppid $PPID\"; "
	    "echo \"sid $(cut -d ' ' -f 6 /proc/$$/stat)\"; "
	    "grep '^SigIgn' /proc/$$/status; mv \"$1.tmp\" \"$1\"; sleep 3", "sh", out, NULL };
	ck_assert_int_eq(spawn_detached("/bin/sh", argv, err, sizeof err), 0);
	/* Nothing to reap: the intermediate process is gone, the program is not ours. */
	ck_assert_int_eq(waitpid(-1, &st, WNOHANG), -1);
	ck_assert_int_eq(errno, ECHILD);
	/* The program (sleeping 3 s) does not hold the pipe: end of file at once. */
	close(p[1]);
	pf.fd = p[0];
	pf.events = POLLIN;
	ck_assert_int_eq(poll(&pf, 1, 1000), 1);
	ck_assert_int_eq(read(p[0], line, sizeof line), 0);
	close(p[0]);
	for (i = 0; i < 100 && (f = fopen(out, "r")) == NULL; i++)
		usleep(50000);
	ck_assert_ptr_nonnull(f);
	while ((n = fgetc(f)) != EOF)
		buf_printf(&b, "%c", n);
	fclose(f);
	text = b.p;
	ck_assert_ptr_nonnull(text);
	ck_assert_msg(strstr(text, "in /dev/null out /dev/null\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "socket:") == NULL, "a socket was inherited: %s", text);
	for (i = 3; i < 64; i++) {
		snprintf(line, sizeof line, "\nfd %d ", i);
		ck_assert_msg(strstr(text, line) == NULL, "fd %d was inherited: %s", i, text);
	}
	ck_assert_msg(strstr(text, "env inherited\n") != NULL, "%s", text);
	snprintf(self, sizeof self, "ppid %d\n", (int)getpid());
	ck_assert_msg(strstr(text, self) == NULL, "%s", text);
	snprintf(self, sizeof self, "sid %d\n", (int)getsid(0));
	ck_assert_msg(strstr(text, self) == NULL, "%s", text);
	/* No standard signal ignored (SIGPIPE is, here); 32 and 33 belong to the C library,
	 * which keeps them from programs, and may come ignored from the caller. */
	ck_assert_ptr_nonnull(p1 = strstr(text, "SigIgn:\t"));
	ck_assert_msg((strtoull(p1 + 8, NULL, 16) & 0x7fffffffULL) == 0, "%s", text);
	buf_free(&b);
	close(lsock);
	unlink(out);
	rmdir(dir);

	/* A program that cannot be run: -1 and the reason; still nothing to reap. */
	char *const bad[] = { "/nonexistent/aberta-admin", "mail", NULL };
	ck_assert_int_eq(spawn_detached(bad[0], bad, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "cannot run /nonexistent/aberta-admin: No such file") != NULL,
	    "%s", err);
	ck_assert_int_eq(waitpid(-1, &st, WNOHANG), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("unit");
	TCase *tc = tcase_create("all");
	int failed;

	tcase_add_test(tc, utf8);
	tcase_add_test(tc, ints);
	tcase_add_test(tc, ids_dates_urls);
	tcase_add_test(tc, request_parsing);
	tcase_add_test(tc, request_limits);
	tcase_add_test(tc, accept_language);
	tcase_add_test(tc, routing);
	tcase_add_test(tc, route_table);
	tcase_add_test(tc, progress_formula);
	tcase_add_test(tc, template_shim);
	tcase_add_test(tc, template_lint_refuses);
	tcase_add_test(tc, migrate_fresh);
	tcase_add_test(tc, migrate_old_database);
	tcase_add_test(tc, migrate_refuses_newer);
	tcase_add_test(tc, labels_complete);
	tcase_add_test(tc, dates_human);
	tcase_add_test(tc, dates_human_edges);
	tcase_add_test(tc, lisbon_time);
	tcase_add_test(tc, consultation_clock);
	tcase_add_test(tc, citizen_inputs);
	tcase_add_test(tc, memo_roundtrip);
	tcase_add_test(tc, spawn_detached_child);
	suite_add_tcase(s, tc);
	failed = run_suite_tap(s);
	return failed == 0 ? 0 : 1;
}
