/* What the pages say: one heading for the undated events, a fallback marker only on a
 * text in the other language (and naming it), a visible label on the search field, the
 * network's name, no licence nobody granted, no sentence that ages.  The real aberta
 * binary in CGI mode against a temporary database holding the real content.  TAP output
 * through Check. */
#include <sqlite3.h>

#include "../lib/testlib.h"

static char dbpath[64];
static char binary[512];

/* Runs GET uri as CGI into r and asserts that it answers 200. */
static void
get(const char *uri, struct res *r)
{
	cgi_run(binary, dbpath, "GET", uri, NULL, NULL, 0, r);
	ck_assert_msg(r->status == 200, "%s: %d", uri, r->status);
}

/* Runs sql (statements without results) on the test database. */
static void
sql(const char *q)
{
	sqlite3 *db;
	char    *err = NULL;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_msg(
	    sqlite3_exec(db, q, NULL, NULL, &err) == SQLITE_OK, "%s: %s", q, err ? err : "?");
	sqlite3_close(db);
}

/* Undated events share one heading, in each language. */
START_TEST(one_heading_for_undated_events)
{
	struct res r;

	sql("UPDATE event SET start_date = NULL, end_date = NULL WHERE id IN (2, 3, 5)");
	get("/en/events", &r);
	ck_assert_int_eq(res_count(&r, "<h3>Date not yet recorded</h3>"), 1);
	res_free(&r);
	get("/pt/events", &r);
	ck_assert_int_eq(res_count(&r, "<h3>Data ainda não registada</h3>"), 1);
	res_free(&r);
}
END_TEST

/* Asserts that every fallback marker of the page at uri follows a text in the other
 * language than the page's, and names that language in the page's. */
static void
markers_true(const char *uri)
{
	static const char *const marks[][2] = { { "(em inglês)", "en" },
		{ "Este texto só está disponível em inglês.", "en" }, { "(in Portuguese)", "pt" },
		{ "This text is only available in Portuguese.", "pt" } };
	const char              *other = strncmp(uri, "/en/", 4) == 0 ? "pt" : "en";
	struct res               r;
	const char              *p, *q, *lang;
	size_t                   i;

	get(uri, &r);
	for (p = r.body.p; (p = strstr(p, "class=\"fallback\">")) != NULL; p++) {
		q = p + strlen("class=\"fallback\">");
		for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
			if (strncmp(q, marks[i][0], strlen(marks[i][0])) == 0)
				break;
		ck_assert_msg(i < sizeof marks / sizeof marks[0], "%s: marker %.60s", uri, q);
		ck_assert_msg(strcmp(marks[i][1], other) == 0, "%s: %s on a %s page", uri,
		    marks[i][0], other[0] == 'p' ? "English" : "Portuguese");
		/* The text it marks: the nearest lang attribute before it. */
		for (lang = NULL, q = r.body.p; (q = strstr(q, " lang=\"")) != NULL && q < p; q++)
			lang = q + 7;
		ck_assert_msg(lang != NULL && strncmp(lang, other, 2) == 0,
		    "%s: \"%s\" after a text in %.2s: ...%.200s", uri, marks[i][0],
		    lang ? lang : "?", p > r.body.p + 200 ? p - 200 : r.body.p);
	}
	res_free(&r);
}

/* The fallback marker is on texts shown in the other language only: never on an English
 * milestone title of an English page because its commitment's title is Portuguese. */
START_TEST(fallback_markers_are_true)
{
	sqlite3      *db;
	sqlite3_stmt *s;
	char          uri[96];
	int           l;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_prepare_v2(db,
		"SELECT '/commitments/' || ogp_id FROM commitment UNION ALL "
		"SELECT '/plans/' || number FROM action_plan UNION ALL "
		"SELECT '/members/' || slug FROM entity UNION ALL "
		"SELECT '/events/' || id FROM event UNION ALL "
		"VALUES ('/plans'), ('/commitments'), ('/events'), ('/network'), ('/')",
		-1, &s, NULL),
	    SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		for (l = 0; l < 2; l++) {
			snprintf(
			    uri, sizeof uri, "/%s%s", l ? "en" : "pt", sqlite3_column_text(s, 0));
			markers_true(uri);
		}
	sqlite3_finalize(s);
	sqlite3_close(db);
}
END_TEST

/* The header's search field has a label one can see, in each language, tied to it. */
START_TEST(search_field_has_a_visible_label)
{
	static const char *const uris[][2] = { { "/en/", "Search the site" },
		{ "/pt/plans", "Pesquisar no sítio" } };
	struct res               r;
	const char              *p, *end;
	size_t                   i;

	for (i = 0; i < sizeof uris / sizeof uris[0]; i++) {
		get(uris[i][0], &r);
		ck_assert_msg(strstr(r.body.p, "<input id=\"site-q\"") != NULL, "%s", uris[i][0]);
		ck_assert_ptr_nonnull(p = strstr(r.body.p, "for=\"site-q\">"));
		ck_assert_ptr_nonnull(end = strstr(p, "</label>"));
		ck_assert_msg(strncmp(p + 13, uris[i][1], strlen(uris[i][1])) == 0, "%s: %.60s",
		    uris[i][0], p);
		while (p > r.body.p && strncmp(p, "<label", 6) != 0)
			p--;
		ck_assert_msg(
		    strstr(p, "visually-hidden") == NULL || strstr(p, "visually-hidden") > end,
		    "%s: the label of the search field is hidden: %.*s", uris[i][0],
		    (int)(end - p + 8), p);
		res_free(&r);
	}
}
END_TEST

/* The network is the Rede Nacional de Administração Aberta: its name everywhere the site
 * gives it (brand, footer, home, network page, feeds, calendars, the data catalogue). */
START_TEST(network_name)
{
	static const char *const uris[] = { "/pt/", "/pt/network", "/pt/plans", "/pt/feed.atom",
		"/pt/events/calendar.ics", "/data/catalog.jsonld" };
	/* The old name, split so that grep finds it nowhere in the project. */
	static const char old[] = "Nacional para"
				  " a Administração";
	struct res        r;
	size_t            i;

	for (i = 0; i < sizeof uris / sizeof uris[0]; i++) {
		get(uris[i], &r);
		ck_assert_msg(strstr(r.body.p, "Rede Nacional de Administração Aberta") != NULL,
		    "%s does not name the network", uris[i]);
		ck_assert_msg(strstr(r.body.p, old) == NULL, "%s misnames the network", uris[i]);
		res_free(&r);
	}
}
END_TEST

/* Asserts that the body of uri has every needle of has (NULL-ended) and none of hasnt. */
static void
says(const char *uri, const char *const *has, const char *const *hasnt)
{
	struct res r;

	get(uri, &r);
	for (; has != NULL && *has != NULL; has++)
		ck_assert_msg(strstr(r.body.p, *has) != NULL, "%s lacks \"%s\"", uri, *has);
	for (; hasnt != NULL && *hasnt != NULL; hasnt++)
		ck_assert_msg(strstr(r.body.p, *hasnt) == NULL, "%s says \"%s\"", uri, *hasnt);
	res_free(&r);
}

/* No licence is claimed on the publisher's behalf: the data page says who publishes the
 * data, where it comes from and that the licence is not yet stated; the exports, the
 * DCAT catalogue and the feeds name none. */
START_TEST(no_licence_nobody_granted)
{
	static const char *const granted[] = { "creativecommons.org", "CC BY", "rel=\"license\"",
		"dct:license", "<rights>", "\"license\": \"", NULL };
	static const char *const en[] = { "id=\"licence\"", "published by AMA", "not yet stated",
		"href=\"/en/data/dictionary#set-links\"", NULL };
	static const char *const pt[] = { "id=\"licence\"", "publicados pela AMA",
		"ainda não declarada", "href=\"/pt/data/dictionary#set-links\"", NULL };
	static const char *const null[] = { "\"license\": null", NULL };

	says("/en/data", en, granted);
	says("/pt/data", pt, granted);
	says("/data/catalog.jsonld", NULL, granted);
	says("/en/plans.json", null, granted);
	says("/data/commitments.json", null, granted);
	says("/pt/feed.atom", NULL, granted);
	says("/en/commitments/PT0013/feed.atom", NULL, granted);
}
END_TEST

/* The text pages state facts with their dates, not a present that ages: nothing "being
 * updated in 2026", "so far", "meets regularly" or "will be updated" on a page read on
 * 7 December 2026 or any later day; the accessibility statement gives its own date. */
START_TEST(no_sentence_that_ages)
{
	static const char *const aging[] = { "being updated", "a ser atualizad", "so far",
		"Até agora", "meets regularly", "reúne-se regularmente", "will be updated",
		"será atualizada", "Since the end of 2019", "Desde o final de 2019",
		"also takes part", "participa também", "Manterá", "It will remain", NULL };
	static const char *const en_dated[] = { "7 December 2026", NULL };
	static const char *const pt_dated[] = { "7 de dezembro de 2026", NULL };
	static const char *const uris[] = { "/en/network", "/pt/network", "/en/ogp", "/pt/ogp" };
	size_t                   i;

	for (i = 0; i < sizeof uris / sizeof uris[0]; i++)
		says(uris[i], NULL, aging);
	says("/en/accessibility", en_dated, aging);
	says("/pt/accessibility", pt_dated, aging);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { one_heading_for_undated_events, fallback_markers_are_true,
		search_field_has_a_visible_label, network_name, no_licence_nobody_granted,
		no_sentence_that_ages, NULL };
	const char        *bd = getenv("ABERTA_BUILDDIR");
	int                failed;

	snprintf(binary, sizeof binary, "%s/aberta", bd ? bd : ".");
	if (test_db_create(dbpath, sizeof dbpath, "aberta-texts") != 0)
		return 1;
	setenv("ABERTA_TODAY", "2026-12-07", 1);
	failed = tests_main(tests_suite("texts", 300, tests));
	test_db_remove(dbpath);
	return failed == 0 ? 0 : 1;
}
