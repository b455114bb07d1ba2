/* Request tests of a commitment's page: the real aberta binary in CGI mode against a
 * temporary database holding the real content, with fixtures that set each fact of
 * migration 11 on one commitment (confidence, as_of_kind of every figure, partners,
 * activities, earlier figures, the self-reported and IRM dates).  TAP output through
 * Check. */
#include <sqlite3.h>

#include "../lib/testlib.h"

static char dbpath[64];
static char binary[512];

/* The fixtures, on the first commitment that has 5 milestones (?1 its id). */
static const char *const fixtures[] = {
	"UPDATE commitment SET ogp_id_confidence = 'inferred', title_pt_kind = 'translation', "
	"title_en_kind = 'translation', title_pt_confidence = 'unconfirmed', "
	"title_en_confidence = 'unconfirmed', self_status = 'substantial', self_percent = 67, "
	"self_status_date = '2020-09-30', self_as_of_kind = 'publication', "
	"self_source = 'https://self.example.org/r.pdf', irm_date = '2019-05-02', "
	"irm_results_date = '2021-02-03', irm_confidence = 'unconfirmed' WHERE id = ?1",
	"UPDATE milestone SET progress = NULL, progress_as_of = NULL, planned_end = NULL "
	"WHERE commitment_id = ?1",
	"UPDATE milestone SET progress = 40, progress_as_of = '2020-03-04', "
	"progress_as_of_kind = 'stated', progress_source = 'https://www.example.org/a', "
	"planned_end = '2021', status = 'in_progress', progress_confidence = 'unconfirmed' "
	"WHERE commitment_id = ?1 AND position = 1",
	"UPDATE milestone SET progress = 50, progress_as_of = '2021-10-01', "
	"progress_as_of_kind = 'publication', progress_source = "
	"'https://docs.example.net/x/y.pdf', "
	"planned_end = '2099-12' WHERE commitment_id = ?1 AND position = 2",
	"UPDATE milestone SET progress = 60, progress_as_of = '2022-05', "
	"progress_as_of_kind = 'not_before', planned_end = '2021-06-30', status = 'complete' "
	"WHERE commitment_id = ?1 AND position = 3",
	"UPDATE milestone SET progress = 70, progress_as_of = '2023-06', "
	"progress_as_of_kind = 'approximate' WHERE commitment_id = ?1 AND position = 4",
	"UPDATE milestone SET progress = 80, progress_as_of = NULL, progress_as_of_kind = "
	"'unknown' WHERE commitment_id = ?1 AND position = 5",
	"INSERT INTO link (commitment_id, kind, url, label_pt, label_en, position) VALUES "
	"(?1, 'source', 'https://www.example.org/a', 'Relatório A', 'Report A', 99)",
	"INSERT INTO milestone_figure (milestone_id, position, percent, as_of, as_of_kind, source, "
	"confidence) SELECT id, 1, 10, '2019-01-15', 'stated', 'https://www.example.org/a', "
	"'confirmed' FROM milestone WHERE commitment_id = ?1 AND position = 1",
	"INSERT INTO commitment_party (commitment_id, entity_id, relation, position, note_pt, "
	"note_en) SELECT ?1, id, 'partner', 1, 'Parceira do webinar', 'Webinar partner' "
	"FROM entity WHERE id NOT IN (SELECT entity_id FROM commitment_entity WHERE "
	"commitment_id = ?1) ORDER BY id LIMIT 1",
	"INSERT INTO activity (commitment_id, position, date, title_pt, title_en, source) VALUES "
	"(?1, 99, '2020-11-20', 'Webinar sobre dados', 'Webinar on data', "
	"'https://events.example.com/w')",
	"UPDATE commitment_entity SET confidence = 'unconfirmed' WHERE commitment_id = ?1",
};

/* Applies the fixtures; writes the commitment's OGP id into ogp. */
static void
setup_fixtures(char ogp[16])
{
	sqlite3      *db;
	sqlite3_stmt *s;
	long long     id;
	size_t        i;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "SELECT c.id, c.ogp_id FROM commitment c WHERE (SELECT count(*) FROM "
			     "milestone m WHERE m.commitment_id = c.id) >= 5 ORDER BY c.id LIMIT 1",
			     -1, &s, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	id = sqlite3_column_int64(s, 0);
	snprintf(ogp, 16, "%s", (const char *)sqlite3_column_text(s, 1));
	sqlite3_finalize(s);
	for (i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
		ck_assert_msg(sqlite3_prepare_v2(db, fixtures[i], -1, &s, NULL) == SQLITE_OK,
		    "%s: %s", fixtures[i], sqlite3_errmsg(db));
		sqlite3_bind_int64(s, 1, id);
		ck_assert_msg(
		    sqlite3_step(s) == SQLITE_DONE, "%s: %s", fixtures[i], sqlite3_errmsg(db));
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
}

/* The page of the commitment in lang, today being 2025-06-15. */
static void
page(const char *lang, const char *ogp, struct res *r)
{
	const char *env[] = { "ABERTA_TODAY=2025-06-15", NULL };
	char        uri[64];

	snprintf(uri, sizeof uri, "/%s/commitments/%s", lang, ogp);
	cgi_run(binary, dbpath, "GET", uri, env, NULL, 0, r);
	ck_assert_int_eq(r->status, 200);
}

/* Asserts that the body holds each needle. */
static void
has(const struct res *r, const char *const *needles)
{
	for (; *needles != NULL; needles++)
		ck_assert_msg(strstr(r->body.p, *needles) != NULL, "body lacks \"%s\"", *needles);
}

/* The IRM's early results carry the marker of their own confidence, and only then. */
START_TEST(early_results_marked)
{
	static const char *const set[] = {
		"UPDATE commitment SET irm_early_results = 'moderate', irm_confidence = "
		"'confirmed', irm_early_results_confidence = 'unconfirmed' WHERE ogp_id = 'PT0009'",
		"UPDATE commitment SET irm_early_results = 'moderate', irm_confidence = "
		"'confirmed', irm_early_results_confidence = 'confirmed' WHERE ogp_id = 'PT0013'",
	};
	sqlite3   *db;
	struct res r;
	size_t     i;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	for (i = 0; i < sizeof set / sizeof set[0]; i++)
		ck_assert_int_eq(sqlite3_exec(db, set[i], NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	page("en", "PT0009", &r);
	ck_assert_msg(strstr(r.body.p, "Moderate results<a class=\"doubt\"") != NULL,
	    "no marker: %s", r.body.p);
	res_free(&r);
	page("en", "PT0013", &r);
	ck_assert_ptr_null(strstr(r.body.p, "Moderate results<a class=\"doubt\""));
	res_free(&r);
}
END_TEST

/* The history labels every enumerated field by its domain, the fields of migration 11
 * included (a confidence, the way a figure's date is known). */
START_TEST(history_labels_codes)
{
	static const char sql[] =
	    "INSERT INTO revision (change_id, actor, tbl, row_id, commitment_id, op, field, "
	    "before, after) SELECT 900, 'LabX', 'milestone', m.id, c.id, 'update', f.field, "
	    "f.b, f.a FROM commitment c JOIN milestone m ON m.commitment_id = c.id, (SELECT "
	    "'progress_confidence' AS field, 'confirmed' AS b, 'unconfirmed' AS a UNION ALL "
	    "SELECT 'progress_as_of_kind', 'stated', 'not_before') f WHERE c.ogp_id = "
	    "'PT0007' AND m.position = 1; INSERT INTO revision (change_id, actor, tbl, row_id, "
	    "commitment_id, op, field, before, after) SELECT 901, 'LabX', 'commitment', id, id, "
	    "'update', 'irm_promising', '0', '1' FROM commitment WHERE ogp_id = 'PT0007'";
	sqlite3   *db;
	struct res r;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	cgi_run(binary, dbpath, "GET", "/en/commitments/PT0007/history", NULL, NULL, 0, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Unconfirmed"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Published on or after this date"));
	ck_assert_ptr_null(strstr(r.body.p, "not_before"));
	/* the IRM's 0/1 flags in words, as the change list and the feeds say them */
	ck_assert_ptr_nonnull(strstr(r.body.p, "IRM: promising: <del>No</del> → <ins>Yes</ins>"));
	res_free(&r);
	cgi_run(binary, dbpath, "GET", "/pt/commitments/PT0007/history", NULL, NULL, 0, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Por confirmar"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "IRM: promissor: <del>Não</del> → <ins>Sim</ins>"));
	res_free(&r);
}
END_TEST

/* The status badge says when the self-reported status is unconfirmed, as the page does. */
START_TEST(badge_marks_doubt)
{
	sqlite3   *db;
	struct res r;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db,
			     "UPDATE commitment SET self_status = 'limited', self_confidence = "
			     "'unconfirmed' WHERE ogp_id = 'PT0010';"
			     "UPDATE commitment SET self_status = 'limited', self_confidence = "
			     "'confirmed' WHERE ogp_id = 'PT0016'",
			     NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	cgi_run(binary, dbpath, "GET", "/en/badge/PT0010.svg", NULL, NULL, 0, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, ">Limited (unconfirmed)</text>"));
	res_free(&r);
	cgi_run(binary, dbpath, "GET", "/pt/badge/PT0010.svg", NULL, NULL, 0, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "(por confirmar)</text>"));
	res_free(&r);
	cgi_run(binary, dbpath, "GET", "/en/badge/PT0016.svg", NULL, NULL, 0, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, ">Limited</text>"));
	res_free(&r);
}
END_TEST

/* A body whose name already holds its acronym is not followed by it again. */
START_TEST(acronym_once)
{
	struct res r;

	page("en", "PT0007", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Transparency and Integrity (TI Portugal)</a>"));
	ck_assert_ptr_null(strstr(r.body.p, "(TI Portugal)</a> (<abbr"));
	res_free(&r);
}
END_TEST

START_TEST(facts_and_their_dates)
{
	static const char *const en[] = { "class=\"doubt\"", "on 4 March 2020",
		"in a report of 1 October 2021", "published on or after May 2022",
		"about June 2023", "date not recorded", "figures from 2020 to 2023",
		"overdue since <time datetime=\"2021\">2021</time>", ">Report A</a>",
		">docs.example.net</a>", "67%", "in a report of 30 September 2020",
		">self.example.org</a>", "3 February 2021", "2 May 2019", "id=\"partners-h\"",
		"Webinar partner", "Webinar on data", ">events.example.com</a>", "Earlier figures",
		"on 15 January 2019", "(Our translation)", NULL };
	static const char *const pt[] = { "class=\"doubt\"", "em 4 de março de 2020",
		"num relatório de 1 de outubro de 2021", "publicado em maio de 2022 ou depois",
		"cerca de junho de 2023", "data não registada", "valores de 2020 a 2023",
		"em atraso desde <time datetime=\"2021\">2021</time>", ">Relatório A</a>",
		"Parceira do webinar", "Webinar sobre dados", "(Tradução nossa)", NULL };
	char                     ogp[16];
	struct res               r;
	const char              *partners, *support, *sources, *comments;

	setup_fixtures(ogp);
	page("en", ogp, &r);
	has(&r, en);
	/* One overdue milestone: the complete one and the one due in 2099 are not. */
	ck_assert_int_eq(res_count(&r, "overdue since"), 1);
	/* No raw address as the text of a link. */
	ck_assert_ptr_null(strstr(r.body.p, "\">http"));
	/* The partner is listed apart, not among the supporters. */
	partners = strstr(r.body.p, "id=\"partners-h\"");
	support = strstr(r.body.p, "Webinar partner");
	ck_assert(partners != NULL && support > partners);
	/* Sources before the comment form; history and feed near the top. */
	sources = strstr(r.body.p, "id=\"src-h\"");
	comments = strstr(r.body.p, "id=\"com-h\"");
	ck_assert(sources != NULL && comments != NULL && sources < comments);
	ck_assert(strstr(r.body.p, "/history\"") < strstr(r.body.p, "id=\"what-h\""));
	res_free(&r);
	page("pt", ogp, &r);
	has(&r, pt);
	ck_assert_ptr_null(strstr(r.body.p, "\">http"));
	res_free(&r);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { facts_and_their_dates, early_results_marked,
		history_labels_codes, badge_marks_doubt, acronym_once, NULL };
	int                rc;

	if (test_db_create(dbpath, sizeof dbpath, "aberta-cmt") != 0)
		return 1;
	snprintf(binary, sizeof binary, "%s/aberta", getenv("ABERTA_BUILDDIR"));
	rc = tests_main(tests_suite("commitment", 0, tests));
	test_db_remove(dbpath);
	return rc;
}
