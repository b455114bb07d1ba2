/* Request tests of the pages a citizen reads at a glance besides a commitment's: a plan
 * (its headline, documents, assessments, completion figures over time, charts and
 * table), a body (its membership and doubts, partners and proposers apart, overdue
 * milestones, evidence) and the network (its own row, the bodies by membership).  The
 * real aberta binary in CGI mode against a temporary database holding the real content,
 * then fixtures for what the seed does not hold.  TAP output through Check. */
#include <sqlite3.h>

#include "../lib/testlib.h"

static char dbpath[64];
static char binary[512];

/* GET uri (today being 2026-12-07) into r; asserts 200. */
static void
get(const char *uri, struct res *r)
{
	const char *env[] = { "ABERTA_TODAY=2026-12-07", NULL };

	cgi_run(binary, dbpath, "GET", uri, env, NULL, 0, r);
	ck_assert_msg(r->status == 200, "%s: %d", uri, r->status);
}

/* Asserts that the body of r holds each needle. */
static void
has(const struct res *r, const char *const *needles)
{
	for (; *needles != NULL; needles++)
		ck_assert_msg(strstr(r->body.p, *needles) != NULL, "body lacks \"%s\"", *needles);
}

/* The part of r's body from the first from to the next to after it (to not found: to
 * the end), copied into out. */
static void
part(const struct res *r, const char *from, const char *to, struct buf *out)
{
	const char *a = strstr(r->body.p, from), *b;

	ck_assert_msg(a != NULL, "body lacks \"%s\"", from);
	b = strstr(a + strlen(from), to);
	buf_put(out, a, b != NULL ? (size_t)(b - a) : strlen(a));
}

/* Runs the statements of sql on the test database. */
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

/* Plan 1: its plan text has no address (listed on three pages), the news item of its
 * publication is a document among others and never "the plan document"; its
 * self-reported completion figures are dated and sourced, 67% on 11 September 2020. */
START_TEST(plan_documents_and_completion)
{
	static const char *const en[] = { "the plan text&#39;s address was not found",
		"<strong>Plan text</strong>: <span lang=\"en\">1st National Action Plan",
		"address not found</span>; listed on: <a href=\"https://ogp.eportugal.gov.pt/en/"
		"noticia5\" rel=\"external\">ogp.eportugal.gov.pt</a>",
		">labx.gov.pt</a>", "<strong>News item</strong>",
		"<strong>67%</strong> <span class=\"small\"><time datetime=\"2020-09-11\">on 11 "
		"September 2020</time> · Source: <a href=\"https://ogp.eportugal.gov.pt/en/"
		"noticia19\" rel=\"external\" lang=\"en\">OGP Portugal – XI Reunião da Rede "
		"Nacional de Administração Aberta</a>",
		"<strong>57%</strong>", "4 of the 8 commitments completed.",
		"Self-reported completion:</span> <strong>67%</strong>",
		"Independent Reporting Mechanism (IRM)</strong> · <a href=\"https://www."
		"opengovpartnership.org/documents/portugal-design-report-2018-2020/\" "
		"rel=\"external\">Design report</a>",
		NULL };
	static const char *const pt[] = { "endereço do texto do plano não encontrado",
		"endereço não encontrado</span>; indicado em:", "em 11 de setembro de 2020",
		"<strong>Notícia</strong>", NULL };
	struct res               r;

	get("/en/plans/1", &r);
	has(&r, en);
	ck_assert_int_eq(res_count(&r, ">Plan document</a>"), 0);
	ck_assert_int_eq(res_count(&r, "address not found</span>; listed on:"), 2);
	ck_assert_ptr_null(strstr(r.body.p, "\">http"));
	res_free(&r);
	get("/pt/plans/1", &r);
	has(&r, pt);
	ck_assert_int_eq(res_count(&r, ">Documento do plano</a>"), 0);
	res_free(&r);
}
END_TEST

/* Plan 2: the IRM's verdict beside the headline, its two assessments, its note; the
 * charts name each commitment by its title and the table labels its cells, spells out
 * each lead's acronym and marks AMA's unconfirmed lead of PT0011. */
START_TEST(plan_verdict_and_charts)
{
	static const char *const en[] = { "Seven of the nine commitments were fully or "
					  "substantially completed.",
		"<abbr title=\"OGP&#39;s Independent Reporting Mechanism\">IRM</abbr> · Results "
		"report",
		"rel=\"external\">Action plan review</a>",
		"<h2>Note on the data</h2><p lang=\"en\">An overall completion rate",
		"<span class=\"bar-label\"><span lang=\"en\">Single Education Portal</span> "
		"<span class=\"small\">PT0009</span></span>",
		"<td data-label=\"Progress\">", "<td data-label=\"Self-reported status\">",
		"<a href=\"/en/members/ama\" lang=\"en\"><abbr title=\"Administrative "
		"Modernisation Agency\">AMA</abbr></a><a class=\"doubt\"",
		"Self-reported completion:</span> <span class=\"unknown\">not yet recorded", NULL };
	static const char *const pt[] = { "Sete dos nove compromissos foram concluídos total "
					  "ou substancialmente.",
		"Relatório de resultados", "<td data-label=\"Progresso\">", NULL };
	struct res               r;

	get("/en/plans/2", &r);
	has(&r, en);
	ck_assert_ptr_null(strstr(r.body.p, "<svg"));
	res_free(&r);
	get("/pt/plans/2", &r);
	has(&r, pt);
	res_free(&r);
}
END_TEST

/* AMA: a founding member since 2018; its lead of PT0011 is unconfirmed and marked; its
 * part in PT0011's webinar makes it a partner, listed apart, not a supporter. */
START_TEST(member_roles_and_partners)
{
	static const char *const en[] = { "<dt>Network membership</dt><dd>Founding member",
		"aria-current=\"page\"><abbr title=\"Administrative Modernisation "
		"Agency\">AMA</abbr>",
		"<time datetime=\"2018\">2018</time>", "id=\"parties-h\"",
		"partner in an activity: <span lang=\"en\">Took part in the webinar",
		"rel=\"external\" lang=\"en\">OGP Portugal – Compromisso #3 (II PANAA)</a>)",
		NULL };
	struct res               r;
	struct buf               leads = { 0 }, supports = { 0 }, parties = { 0 };

	get("/en/members/ama", &r);
	has(&r, en);
	part(&r, "id=\"leads-h\"", "</section>", &leads);
	part(&r, "id=\"supports-h\"", "</section>", &supports);
	part(&r, "id=\"parties-h\"", "</section>", &parties);
	ck_assert_ptr_nonnull(strstr(
	    leads.p, "public services</span></a><a class=\"doubt\" href=\"/en/data#confidence\""));
	ck_assert_ptr_null(strstr(supports.p, "PT0011"));
	ck_assert_ptr_nonnull(strstr(parties.p, "/en/commitments/PT0011"));
	res_free(&r);
	buf_free(&leads);
	buf_free(&supports);
	buf_free(&parties);
	/* A partner only: no commitment it supports. */
	get("/en/members/acm", &r);
	part(&r, "id=\"supports-h\"", "</section>", &supports);
	ck_assert_ptr_nonnull(strstr(supports.p, "None recorded."));
	has(&r,
	    (const char *const[]){ "partner in an activity",
		"<dt>Network membership</dt><dd>Membership not recorded</dd>", NULL });
	ck_assert_ptr_null(strstr(r.body.p, "Member since"));
	res_free(&r);
	buf_free(&supports);
	/* The evidence of a membership, its source named by the body's link to it. */
	get("/en/members/pres-mod-area", &r);
	has(&r,
	    (const char *const[]){ "id=\"evidence-h\"",
		"<time datetime=\"2019-04-23\">23 April 2019</time>: <span "
		"lang=\"en\">represented at the 6th meeting</span> <span "
		"class=\"small\">(Source: <a href=\"https://ogp.eportugal.gov.pt/en/noticia8\" "
		"rel=\"external\" lang=\"en\">OGP Portugal – VI Reunião",
		NULL });
	res_free(&r);
	/* TI Portugal proposed PT0007 and PT0008. */
	get("/pt/members/ti-portugal", &r);
	ck_assert_int_eq(res_count(&r, "propôs o compromisso"), 2);
	res_free(&r);
}
END_TEST

/* The network: AMA coordinates it, LabX is the focal point, both linked, with the
 * sources; the network itself is never listed as a member. */
START_TEST(network_row_and_members)
{
	static const char *const pt[] = { "<dt>Coordenação</dt><dd><a href=\"/pt/members/ama\"",
		"<dt>Ponto focal nacional da OGP</dt><dd><a href=\"/pt/members/labx\"",
		"<span lang=\"pt\">desde o final de 2019</span>",
		"<a href=\"mailto:ogp@ama.pt\">ogp@ama.pt</a>",
		"<time datetime=\"2017-12-13\">13 de dezembro de 2017</time>",
		"id=\"net-src-h\">Fontes</h2><ul><li><a href=\"https://ogp.eportugal.gov.pt/en/"
		"who-we-are-what-we-do\" rel=\"external\">OGP Portugal – Who we are / What we "
		"do</a>",
		"id=\"g-founding_member\">Membros fundadores</h3>",
		"id=\"g-likely_member\">Prováveis membros (por confirmar)</h3>", NULL };
	struct res               r;
	struct buf               members = { 0 }, likely = { 0 };

	get("/pt/network", &r);
	has(&r, pt);
	part(&r, "id=\"members-h\"", "id=\"g-not_member\"", &members);
	ck_assert_ptr_null(strstr(members.p, "/pt/members/rnaa\""));
	ck_assert_ptr_null(strstr(members.p, "lideram ou apoiam"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "/pt/members/rnaa\""));
	part(&r, "id=\"g-likely_member\"", "</ul>", &likely);
	ck_assert_ptr_nonnull(strstr(likely.p, "/pt/members/sg-pcm\""));
	ck_assert_ptr_nonnull(strstr(likely.p, "class=\"doubt\""));
	ck_assert_ptr_null(strstr(r.body.p, "\">http"));
	res_free(&r);
	buf_free(&members);
	buf_free(&likely);
	get("/en/network", &r);
	has(&r,
	    (const char *const[]){ "<dt>Coordinator</dt><dd><a href=\"/en/members/ama\"",
		"since the end of 2019", "Not members of the network", NULL });
	res_free(&r);
}
END_TEST

/* What the seed does not hold: a plan document link from document_url, a figure
 * without a date, an assessment without a source, a document without an address nor
 * listing; a body's membership until a date, inferred, with evidence; the network's
 * focal point date without the source's wording, and no coordinator. */
/* The plan's table and a body's lists mark an inferred OGP id and an unconfirmed title
 * where they name the commitment; the plan marks an unconfirmed publication date. */
START_TEST(lists_mark_doubt)
{
	struct res r;
	struct buf row = { 0 };

	get("/en/plans/2", &r);
	part(&r, "href=\"/en/commitments/PT0011\"", "</tr>", &row);
	ck_assert_msg(strstr(row.p, "PT0011</span><a class=\"doubt\"") != NULL,
	    "no marker after the inferred id of PT0011 in plan 2's table");
	res_free(&r);
	buf_free(&row);
	get("/pt/plans/1", &r);
	part(&r, "href=\"/pt/commitments/PT0002\"", "</tr>", &row);
	ck_assert_msg(strstr(row.p, "</a><a class=\"doubt\"") != NULL,
	    "no marker after the unconfirmed Portuguese title of PT0002 in plan 1's table");
	res_free(&r);
	buf_free(&row);
	get("/en/plans/3", &r);
	part(&r, "<time datetime=\"", "</dd>", &row);
	ck_assert_msg(strstr(row.p, "class=\"doubt\"") != NULL,
	    "no marker after plan 3's unconfirmed publication date");
	res_free(&r);
	buf_free(&row);
	get("/en/members/gns", &r);
	part(&r, "href=\"/en/commitments/PT0014\"", "</li>", &row);
	ck_assert_msg(strstr(row.p, "PT0014<a class=\"doubt\"") != NULL,
	    "no marker after the inferred id of PT0014 on the page of GNS");
	res_free(&r);
	buf_free(&row);
	/* the home page counts the members the sources state, a likely one apart and marked */
	get("/en/", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "<dd>10 <span class=\"small\">(and likely: 1<a "
	    "class=\"doubt\""));
	res_free(&r);
	/* one overdue milestone is counted in the singular */
	get("/en/plans/1", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<strong>1</strong> overdue milestone (planned"));
	res_free(&r);
	get("/pt/plans/1", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<strong>1</strong> marco em atraso (prazo"));
	res_free(&r);
	/* no empty "summary" heading: without a summary of its own, the sources head the
	 * section; with one, it is shown under its heading */
	get("/en/plans/1", &r);
	ck_assert_ptr_null(strstr(r.body.p, "Summary and independent assessment"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<h2 id=\"summary-h\">Sources</h2>"));
	res_free(&r);
	sql("UPDATE action_plan SET summary_en = 'A summary of our own.' WHERE number = 1");
	get("/en/plans/1", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<h2 id=\"summary-h\">Summary and independent"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "A summary of our own."));
	res_free(&r);
	sql("UPDATE action_plan SET summary_en = NULL WHERE number = 1");
	/* a confirmed id and title carry none */
	get("/en/plans/1", &r);
	part(&r, "href=\"/en/commitments/PT0007\"", "</tr>", &row);
	ck_assert_ptr_null(strstr(row.p, "class=\"doubt\""));
	res_free(&r);
	buf_free(&row);
}
END_TEST

START_TEST(fixtures)
{
	static const char *const plan[] = {
		"<a href=\"https://fx.example.org/plan.pdf\" rel=\"external\">Plan document</a>",
		"<strong>40%</strong><a class=\"doubt\"",
		"date not recorded · Source: <a "
		"href=\"https://fx.example.org/c\" "
		"rel=\"external\" lang=\"en\">fx.example.org</a>",
		"<strong>Other</strong> · Other report <span class=\"small\">· date not yet "
		"recorded</span>",
		"<span lang=\"pt\">Texto de ensaio</span> <span class=\"fallback\">(in "
		"Portuguese)</span>",
		"<br><span class=\"unknown\">address not found</span><br><span class=\"small\" "
		"lang=\"en\">Fixture note</span>",
		NULL
	};
	static const char *const body[] = {
		"<dt>Network membership</dt><dd>Member<a class=\"doubt\"",
		"<dt>Member until</dt><dd><time datetime=\"2031-06\">June 2031</time>",
		"<time datetime=\"2030-02-02\">2 February 2030</time>: <span lang=\"en\">Present "
		"at the meeting</span> <span class=\"small\">(Source: <a "
		"href=\"https://fx.example.org/minutes\" rel=\"external\" "
		"lang=\"en\">fx.example.org</a>)",
		NULL
	};
	struct res r;

	sql("UPDATE action_plan SET document_url = 'https://fx.example.org/plan.pdf' "
	    "WHERE number = 3;"
	    "INSERT INTO plan_completion (plan_id, position, percent, as_of, as_of_kind, "
	    "source, confidence) SELECT id, 9, 40, NULL, 'unknown', 'https://fx.example.org/c', "
	    "'inferred' FROM action_plan WHERE number = 3;"
	    "INSERT INTO plan_assessment (plan_id, position, assessor, report_kind) "
	    "SELECT id, 9, 'other', 'other' FROM action_plan WHERE number = 3;"
	    "INSERT INTO plan_document (plan_id, position, kind, title_pt, note_en) SELECT id, "
	    "9, 'other', 'Texto de ensaio', 'Fixture note' FROM action_plan WHERE number = 3;"
	    "UPDATE entity SET member_status = 'member', member_confidence = 'inferred', "
	    "member_until = '2031-06' WHERE slug = 'cada';"
	    "INSERT INTO member_evidence (entity_id, position, date, source, note_en) SELECT "
	    "id, 9, '2030-02-02', 'https://fx.example.org/minutes', 'Present at the meeting' "
	    "FROM entity WHERE slug = 'cada';"
	    "UPDATE network SET focal_since_pt = NULL, focal_since_en = NULL, "
	    "focal_since = '2019-11', coordinator_id = NULL");
	get("/en/plans/3", &r);
	has(&r, plan);
	ck_assert_int_eq(res_count(&r, ">Plan document</a>"), 1);
	res_free(&r);
	get("/en/members/cada", &r);
	has(&r, body);
	res_free(&r);
	get("/en/network", &r);
	has(&r,
	    (const char *const[]){ "<dt>Coordinator</dt><dd><span class=\"unknown\">not "
				   "yet recorded</span>",
		"<time datetime=\"2019-11\">November 2019</time>", NULL });
	res_free(&r);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { plan_documents_and_completion, plan_verdict_and_charts,
		member_roles_and_partners, network_row_and_members, lists_mark_doubt, fixtures,
		NULL };
	int                rc;

	if (test_db_create(dbpath, sizeof dbpath, "aberta-glance") != 0)
		return 1;
	snprintf(binary, sizeof binary, "%s/aberta", getenv("ABERTA_BUILDDIR"));
	rc = tests_main(tests_suite("glance", 0, tests));
	test_db_remove(dbpath);
	return rc;
}
