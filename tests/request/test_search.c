/* Search and the commitments listing: the real aberta binary in CGI mode against a
 * temporary database holding the real content (accents, both languages, facets and
 * their counts, sorting, pages, empty and hostile queries, the index following edits,
 * query plans), and the FTS5 query builder itself.  TAP output through Check. */
#include <fcntl.h>
#include <jansson.h>
#include <sqlite3.h>

#include "../lib/testlib.h"
#include "store/db.h"
#include "pages/facet.h"

static char dbpath[64];
static char binary[512];

/* Runs the binary as CGI with GET uri; parses its output into r. */
static void
get(const char *uri, struct res *r)
{
	cgi_run(binary, dbpath, "GET", uri, NULL, NULL, 0, r);
}

/* Asserts that uri answers status and that the body contains needle (if not NULL). */
static void
expect(const char *uri, int status, const char *needle)
{
	struct res r;

	get(uri, &r);
	ck_assert_msg(r.status == status, "%s: status %d, expected %d", uri, r.status, status);
	if (needle != NULL)
		ck_assert_msg(
		    strstr(r.body.p, needle) != NULL, "%s: body lacks \"%s\"", uri, needle);
	res_free(&r);
}

/* The number after marker in body (e.g. the heading "<h2 id=\"results-h\">"), or -1. */
static long
number_after(const char *body, const char *marker)
{
	const char *p = strstr(body, marker);

	return p == NULL ? -1 : strtol(p + strlen(marker), NULL, 10);
}

/* The number of results a search page announces, or -1 when it shows none. */
static long
total_of(const char *uri)
{
	struct res r;
	long       n;

	get(uri, &r);
	ck_assert_msg(r.status == 200, "%s: status %d", uri, r.status);
	n = number_after(r.body.p, "<h2 id=\"results-h\">");
	if (n < 0)
		n = number_after(r.body.p, "<h2 id=\"list-h\">");
	res_free(&r);
	return n;
}

/* The count shown beside the facet link whose URL ends with tail ("plan=1"), or -1. */
static long
facet_count(const char *body, const char *tail)
{
	char        needle[128];
	const char *p;

	snprintf(needle, sizeof needle, "%s\">", tail);
	if ((p = strstr(body, needle)) == NULL || (p = strstr(p, "class=\"count\">(")) == NULL)
		return -1;
	return strtol(p + strlen("class=\"count\">("), NULL, 10);
}

/* Runs sql on the test database with a plain connection; asserts success. */
static void
sql(const char *text)
{
	sqlite3 *db;
	char    *err = NULL;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	ck_assert_msg(
	    sqlite3_exec(db, text, NULL, NULL, &err) == SQLITE_OK, "%s: %s", text, err ? err : "?");
	sqlite3_close(db);
}

/* The search as data: .json and .csv (and Accept on the plain address) hold the same
 * results as the page, in its order and all of them, as the dataset search_result;
 * without words, no records; too many words, 400 as on the page. */
START_TEST(search_as_data)
{
	static const char *const acc[] = { "HTTP_ACCEPT=text/csv", NULL };
	struct res               r, c;
	json_t                  *doc, *recs;
	char                     ct[128];
	long                     total = total_of("/en/search?q=de");

	get("/en/search.json?q=de", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(res_header(&r, "Content-Type", ct, sizeof ct), "json"));
	doc = json_loads(r.body.p, 0, NULL);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(json_string_value(json_object_get(doc, "dataset")), "search_result");
	recs = json_object_get(doc, "records");
	ck_assert_int_eq((long)json_array_size(recs), total);
	ck_assert_int_gt(total, FACET_PER_PAGE); /* every result, not one page's */
	ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(recs, 0), "rank")), 1);
	ck_assert_ptr_null(strchr(r.body.p, '\x02')); /* no match markers */
	json_decref(doc);
	cgi_run(binary, dbpath, "GET", "/en/search?q=de", acc, NULL, 0, &c);
	ck_assert_int_eq(c.status, 200);
	ck_assert_ptr_nonnull(strstr(res_header(&c, "Content-Type", ct, sizeof ct), "text/csv"));
	ck_assert_msg(
	    strncmp(c.body.p, "rank,result_kind,result_key,", 28) == 0, "%.60s", c.body.p);
	res_free(&c);
	get("/en/search.csv?q=de", &c);
	ck_assert_int_eq(c.status, 200);
	ck_assert_ptr_nonnull(strstr(c.body.p, "\r\n1,"));
	res_free(&c);
	res_free(&r);
	expect("/pt/search.json", 200, "\"records\": []");
	expect("/pt/search.json?q=a+b+c+d+e+f+g+h+i+j+k+l+m", 400, NULL);
}
END_TEST

START_TEST(fts_query_builder)
{
	char out[FACET_FTS_MAX], big[600];
	int  i;

	ck_assert_int_eq(facet_fts_query("acesso informação", out, sizeof out), 2);
	ck_assert_str_eq(out, "\"acesso\" AND \"informação\"*");
	ck_assert_int_eq(facet_fts_query("  \"OR\" NEAR(a, b) ", out, sizeof out), 4);
	ck_assert_str_eq(out, "\"OR\" AND \"NEAR\" AND \"a\" AND \"b\"*");
	ck_assert_int_eq(facet_fts_query("title:x -y ^z (w) {t}", out, sizeof out), 6);
	ck_assert_str_eq(out, "\"title\" AND \"x\" AND \"y\" AND \"z\" AND \"w\" AND \"t\"*");
	ck_assert_int_eq(facet_fts_query("«aberta» – dados.gov", out, sizeof out), 3);
	ck_assert_str_eq(out, "\"aberta\" AND \"dados\" AND \"gov\"*");
	/* Nothing but punctuation: no word, and no empty FTS5 phrase. */
	ck_assert_int_eq(facet_fts_query("\"*()-:^ «» … \x02\x03", out, sizeof out), 0);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(facet_fts_query("", out, sizeof out), 0);
	/* Limits: 200 characters (not bytes) and 12 words. */
	for (i = 0; i < 200; i++)
		memcpy(big + 2 * i, "ç", 2);
	big[400] = '\0';
	ck_assert_int_eq(facet_fts_query(big, out, sizeof out), 1);
	memcpy(big + 400, "x", 2);
	ck_assert_int_eq(facet_fts_query(big, out, sizeof out), -1);
	ck_assert_int_eq(facet_fts_query("a b c d e f g h i j k l", out, sizeof out), 12);
	ck_assert_int_eq(facet_fts_query("a b c d e f g h i j k l m", out, sizeof out), -1);
	ck_assert_str_eq(out, "");
	/* Too small a buffer is refused, never overrun. */
	ck_assert_int_eq(facet_fts_query("acesso", out, 6), -1);
}
END_TEST

START_TEST(accents_both_ways)
{
	static const char *const qs[] = { "participa%C3%A7%C3%A3o", "participacao",
		"PARTICIPA%C3%87%C3%83O", "Participacao" };
	long                     n, first = -1;
	size_t                   i;
	int                      l;

	for (l = 0; l < 2; l++)
		for (i = 0; i < sizeof qs / sizeof qs[0]; i++) {
			char uri[128];
			snprintf(uri, sizeof uri, "/%s/search?q=%s", l ? "en" : "pt", qs[i]);
			n = total_of(uri);
			ck_assert_msg(n > 0, "%s finds nothing", uri);
			if (first < 0)
				first = n;
			ck_assert_msg(n == first, "%s: %ld results, expected %ld", uri, n, first);
		}
	/* And the other way: a word stored without accent found with one. */
	sql("UPDATE event SET title_pt = 'Sessao zefirina da rede' WHERE id = 2");
	ck_assert_int_eq(total_of("/pt/search?q=sess%C3%A3o+z%C3%A9firina"), 1);
	expect("/pt/search?q=sess%C3%A3o+z%C3%A9firina", 200,
	    "<mark>Sessao</mark> <mark>zefirina</mark>");
}
END_TEST

START_TEST(both_languages)
{
	/* Portuguese words on the Portuguese site, English words on the English one. */
	expect("/pt/search?q=acesso+%C3%A0+informa%C3%A7%C3%A3o", 200,
	    "href=\"/pt/commitments/PT0007\" lang=\"pt\"");
	expect("/en/search?q=access+to+information", 200,
	    "href=\"/en/commitments/PT0007\" lang=\"en\"");
	/* Words of the other language still find the record, shown in the language that
	 * matched, with a note. */
	expect(
	    "/pt/search?q=access+information", 200, "href=\"/pt/commitments/PT0007\" lang=\"en\"");
	expect("/pt/search?q=access+information", 200, "encontrado no texto em inglês");
	expect("/en/search?q=contrata%C3%A7%C3%A3o+p%C3%BAblica", 200,
	    "found in the text in Portuguese");
	/* Every kind of record is found. */
	expect("/en/search?q=Open+Gov+Week", 200, "href=\"/en/events/");
	expect("/pt/search?q=Ag%C3%AAncia+Moderniza%C3%A7%C3%A3o", 200, "href=\"/pt/members/ama\"");
	expect("/en/search?q=accessibility+statement", 200, "href=\"/en/accessibility\"");
	expect("/en/search?q=action+plan", 200, "href=\"/en/plans/");
	expect("/en/search?q=typologies", 200, "<span class=\"tag\">Milestone</span>");
	expect("/en/search?q=typologies", 200, "#ms-h\"");
	/* Prefix search on the last word only. */
	ck_assert_int_gt(total_of("/en/search?q=transpar"), 0);
	ck_assert_int_eq(total_of("/en/search?q=transpar+zzzunknown"), 0);
}
END_TEST

/* The number of times needle occurs in the body of uri. */
static int
occurrences(const char *uri, const char *needle)
{
	struct res  r;
	const char *p;
	int         n = 0;

	get(uri, &r);
	ck_assert_msg(r.status == 200, "%s: status %d", uri, r.status);
	for (p = r.body.p; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	res_free(&r);
	return n;
}

/* A Portuguese query finds a commitment whose text exists only in English and says the
 * match was there; a record that matches in both languages is one result, in the page's
 * language; an inferred OGP id and an unconfirmed title carry their markers. */
START_TEST(other_language_once)
{
	static const char *const uri = "/pt/search?q=plataforma+xilofonia";

	sql("INSERT INTO commitment (ogp_id, plan_id, number, title_en, summary_en, "
	    "ogp_id_confidence, title_en_confidence) SELECT 'PT0991', id, 991, "
	    "'Plataforma Xilofonia for open data', 'The Plataforma Xilofonia portal.', "
	    "'inferred', 'unconfirmed' FROM action_plan ORDER BY number LIMIT 1");
	ck_assert_int_eq(total_of(uri), 1);
	ck_assert_int_eq(occurrences(uri, "href=\"/pt/commitments/PT0991\""), 1);
	expect(uri, 200, "href=\"/pt/commitments/PT0991\" lang=\"en\"");
	expect(uri, 200, "encontrado no texto em inglês");
	expect(uri, 200, "PT0991</span><a class=\"doubt\"");
	expect(uri, 200, "Xilofonia</mark> for open data</a><a class=\"doubt\"");
	/* Now in both languages: one result, the Portuguese one, no note. */
	sql("UPDATE commitment SET title_pt = 'Plataforma Xilofonia de dados abertos', "
	    "title_pt_confidence = 'confirmed', title_en_confidence = 'confirmed' "
	    "WHERE ogp_id = 'PT0991'");
	ck_assert_int_eq(total_of(uri), 1);
	ck_assert_int_eq(occurrences(uri, "href=\"/pt/commitments/PT0991\""), 1);
	expect(uri, 200, "href=\"/pt/commitments/PT0991\" lang=\"pt\"");
	ck_assert_int_eq(occurrences(uri, "encontrado no texto em inglês"), 0);
	ck_assert_int_eq(occurrences(uri, "abertos</a><a class=\"doubt\""), 0);
	sql("DELETE FROM commitment WHERE ogp_id = 'PT0991'");
	ck_assert_int_eq(total_of(uri), 0);
}
END_TEST

/* On the seed, the Portuguese words find at least the commitments the English ones do. */
START_TEST(portuguese_as_rich_as_english)
{
	long pt = total_of("/pt/commitments?q=dados+abertos");
	long en = total_of("/en/commitments?q=open+data");

	ck_assert_msg(en > 0, "open data finds no commitment");
	ck_assert_msg(pt >= en, "dados abertos: %ld, open data: %ld", pt, en);
	ck_assert_int_ge(occurrences("/pt/search?q=dados+abertos", "href=\"/pt/commitments/PT"),
	    occurrences("/en/search?q=open+data", "href=\"/en/commitments/PT"));
}
END_TEST

/* late=overdue keeps the commitments with a milestone whose planned end is over at its
 * own precision (today is 2026-11-27) and which is neither at 100 nor complete; the
 * rows and the lead filter mark an unconfirmed lead and an inferred OGP id. */
START_TEST(overdue_filter)
{
	static const char *const seeds[][3] = {
		{ "PT0992", "'2026-10'", "50, 'in_progress'" },     /* month over: overdue */
		{ "PT0993", "'2026'", "10, 'in_progress'" },        /* year not over */
		{ "PT0994", "'2025-12-31'", "100, 'in_progress'" }, /* done by its figure */
		{ "PT0995", "'2026-11-26'", "NULL, 'complete'" },   /* done by its status */
		{ "PT0996", "'2026-11-27'", "NULL, NULL" },         /* today is not over */
		{ "PT0997", "'2025'", "NULL, NULL" },               /* year over, no figure */
	};
	char   q[512];
	size_t i;

	for (i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
		snprintf(q, sizeof q,
		    "INSERT INTO commitment (ogp_id, plan_id, number, title_en, "
		    "ogp_id_confidence) SELECT '%s', id, %d, 'Zumbarte registry %zu', "
		    "'inferred' FROM action_plan ORDER BY number LIMIT 1; "
		    "INSERT INTO milestone (commitment_id, position, title_en, planned_end, "
		    "progress, status) SELECT id, 1, 'Step', %s, %s FROM commitment "
		    "WHERE ogp_id = '%s'",
		    seeds[i][0], 992 + (int)i, i, seeds[i][1], seeds[i][2], seeds[i][0]);
		sql(q);
	}
	sql("INSERT INTO commitment_entity (commitment_id, entity_id, role, position, "
	    "confidence) SELECT c.id, (SELECT id FROM entity WHERE slug = 'ama'), 'lead', 1, "
	    "'unconfirmed' FROM commitment c WHERE c.ogp_id = 'PT0992'");
	ck_assert_int_eq(total_of("/en/commitments?q=zumbarte"), 6);
	ck_assert_int_eq(total_of("/en/commitments?q=zumbarte&late=overdue"), 2);
	ck_assert_int_eq(total_of("/pt/commitments?q=zumbarte&late=overdue"), 2);
	expect("/en/commitments?q=zumbarte&late=overdue", 200, "/en/commitments/PT0992\"");
	expect("/en/commitments?q=zumbarte&late=overdue", 200, "/en/commitments/PT0997\"");
	ck_assert_int_eq(
	    occurrences("/en/commitments?q=zumbarte&late=overdue", "/en/commitments/PT0993\""), 0);
	/* The panel offers the filter with its count, in both languages. */
	expect("/en/commitments?q=zumbarte", 200,
	    "late=overdue\">Overdue</a> <span class=\"count\">(2)");
	expect("/pt/commitments?q=zumbarte", 200,
	    "late=overdue\">Em atraso</a> <span class=\"count\">(2)");
	ck_assert_int_eq(total_of("/en/search?q=zumbarte&late=overdue"), 2);
	expect("/en/commitments?late=nonsense", 400, NULL);
	/* Markers: the inferred OGP id, the unconfirmed lead in the row and in the filter. */
	expect("/en/commitments?q=zumbarte", 200,
	    "PT0992</span><a class=\"doubt\" href=\"/en/data#confidence\"");
	expect("/en/commitments?q=zumbarte&late=overdue", 200,
	    "</a><a class=\"doubt\" href=\"/en/data#confidence\" title=\"");
	expect("/pt/commitments?q=zumbarte", 200, "lead=ama\">AMA</a><a class=\"doubt\"");
	sql("DELETE FROM commitment WHERE ogp_id BETWEEN 'PT0992' AND 'PT0997'");
}
END_TEST

/* Every result of one page links to a page that exists. */
START_TEST(results_link_to_records)
{
	struct res  r, t;
	const char *p, *e;
	char        path[256];
	int         n = 0;

	get("/en/search?q=information", &r);
	ck_assert_int_eq(r.status, 200);
	for (p = r.body.p; (p = strstr(p, "<h3><a href=\"")) != NULL; p = e) {
		p += strlen("<h3><a href=\"");
		e = strpbrk(p, "\"#");
		ck_assert_ptr_nonnull(e);
		snprintf(path, sizeof path, "%.*s", (int)(e - p), p);
		get(path, &t);
		ck_assert_msg(t.status == 200, "result link %s: %d", path, t.status);
		res_free(&t);
		n++;
	}
	ck_assert_int_gt(n, 3);
	res_free(&r);
}
END_TEST

START_TEST(highlight_is_escaped)
{
	struct res r;

	sql("UPDATE commitment SET title_en = '<script>alert(1)</script> Quixotic & \"x\"' "
	    "WHERE ogp_id = 'PT0005'");
	get("/en/search?q=quixotic+script", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_null(strstr(r.body.p, "<script>"));
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "&lt;<mark>script</mark>&gt;alert(1)&lt;/"
	    "<mark>script</mark>&gt; <mark>Quixotic</mark> &amp; &quot;x&quot;"));
	ck_assert_ptr_null(memchr(r.body.p, '\x02', r.body.len));
	ck_assert_ptr_null(memchr(r.body.p, '\x03', r.body.len));
	res_free(&r);
	/* The typed text goes back into the form escaped. */
	get("/en/search?q=%22%3E%3Cb%3Ebold", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_null(strstr(r.body.p, "<b>bold"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "value=\"&quot;&gt;&lt;b&gt;bold\""));
	res_free(&r);
}
END_TEST

START_TEST(facets_combine_with_counts)
{
	struct res r;
	long       plan1, val, both, area;

	/* A facet's count is what choosing it gives. */
	get("/en/search?q=information", &r);
	ck_assert_int_eq(r.status, 200);
	plan1 = facet_count(r.body.p, "plan=1");
	val = facet_count(r.body.p, "value=access_to_information");
	area = facet_count(r.body.p, "area=right-to-information");
	ck_assert_int_gt(plan1, 0);
	ck_assert_int_gt(val, 0);
	ck_assert_int_gt(area, 0);
	res_free(&r);
	ck_assert_int_eq(total_of("/en/search?q=information&plan=1"), plan1);
	ck_assert_int_eq(total_of("/en/search?q=information&value=access_to_information"), val);
	ck_assert_int_eq(total_of("/en/search?q=information&area=right-to-information"), area);
	/* Combined: the counts shown under one facet are those of the combination. */
	get("/en/search?q=information&plan=1", &r);
	both = facet_count(r.body.p, "plan=1&amp;value=access_to_information");
	ck_assert_int_gt(both, 0);
	ck_assert_int_le(both, plan1);
	/* The chosen value is marked, and an active filter can be removed. */
	ck_assert_ptr_nonnull(strstr(r.body.p, "<strong aria-current=\"true\">Plan 1"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "href=\"/en/search?q=information\">Plan: Plan 1"));
	res_free(&r);
	ck_assert_int_eq(
	    total_of("/en/search?q=information&plan=1&value=access_to_information"), both);
	/* Facets keep only commitments and milestones. */
	expect("/en/search?q=information&plan=1", 200, NULL);
	get("/en/search?q=information&plan=1", &r);
	ck_assert_int_eq(res_count(&r, "<span class=\"tag\">Page</span>"), 0);
	ck_assert_int_eq(res_count(&r, "<span class=\"tag\">Plan</span>"), 0);
	res_free(&r);
	/* A valid value that matches nothing: no results, and the filter can be removed. */
	ck_assert_int_eq(total_of("/en/search?q=information&plan=99"), 0);
	expect("/en/search?q=information&plan=99", 200, "Clear all filters");
	/* Status and lead, combined, on the listing too. */
	sql("UPDATE commitment SET self_status = 'complete' WHERE ogp_id IN ('PT0007', "
	    "'PT0017', 'PT0018'); UPDATE commitment SET self_status = 'limited' "
	    "WHERE ogp_id = 'PT0008'");
	ck_assert_int_eq(total_of("/en/commitments?status=complete"), 3);
	ck_assert_int_eq(total_of("/en/commitments?status=complete&plan=1"), 1);
	ck_assert_int_eq(total_of("/en/commitments?status=limited&plan=1"), 1);
	ck_assert_int_eq(total_of("/en/commitments?status=none"), 20);
	get("/en/commitments?plan=1", &r);
	ck_assert_int_eq(facet_count(r.body.p, "plan=1&amp;status=complete"), 1);
	ck_assert_int_eq(facet_count(r.body.p, "plan=1&amp;status=limited"), 1);
	ck_assert_int_eq(facet_count(r.body.p, "plan=1&amp;status=none"), 6);
	/* The plan group keeps its other values, counted without the plan filter. */
	ck_assert_int_eq(facet_count(r.body.p, "?plan=2"), 9);
	res_free(&r);
	get("/en/commitments?lead=cada", &r);
	val = number_after(r.body.p, "<h2 id=\"list-h\">");
	ck_assert_int_gt(val, 0);
	ck_assert_int_eq(res_count(&r, "<tr><td><a href=\"/en/commitments/PT"), val);
	res_free(&r);
	ck_assert_int_le(total_of("/en/commitments?lead=cada&status=complete&value="
				  "access_to_information"),
	    val);
	/* q on the listing: commitments whose text or milestones match ("typologies" is
	 * only in a milestone of PT0007, "procurement" in the texts of PT0005 and PT0008). */
	ck_assert_int_eq(total_of("/en/commitments?q=typologies"), 1);
	ck_assert_int_eq(total_of("/en/commitments?q=typologies&plan=1"), 1);
	ck_assert_int_eq(total_of("/en/commitments?q=typologies&plan=2"), 0);
	ck_assert_int_eq(total_of("/en/commitments?q=procurement"), 2);
}
END_TEST

/* The OGP ids of the listing's rows, in order, into ids (n at most); returns how many. */
static int
listing_order(const char *uri, char ids[][8], int n)
{
	struct res  r;
	const char *p;
	int         i = 0;

	get(uri, &r);
	ck_assert_int_eq(r.status, 200);
	for (p = r.body.p; i < n && (p = strstr(p, "<tr><td><a href=\"/")) != NULL; p++) {
		p = strstr(p, "/commitments/") + strlen("/commitments/");
		snprintf(ids[i++], 8, "%.6s", p);
	}
	res_free(&r);
	return i;
}

START_TEST(listing_and_sorting)
{
	char ids[40][8];
	int  n;

	expect("/pt/commitments", 200, "<h2 id=\"list-h\">24 compromissos</h2>");
	expect("/en/commitments", 200, "<h2 id=\"list-h\">24 commitments</h2>");
	expect("/en/commitments", 200, "href=\"/en/members/");
	expect("/en/commitments", 200, "class=\"progress");
	n = listing_order("/en/commitments", ids, 40);
	ck_assert_int_eq(n, 24);
	ck_assert_str_eq(ids[0], "PT0001");
	ck_assert_str_eq(ids[23], "PT0024");
	/* Progress: highest first (PT0014 and PT0023 100%, in the plan's order, PT0018 80%,
	 * PT0011 70%), no data last. */
	n = listing_order("/en/commitments?sort=progress", ids, 40);
	ck_assert_int_eq(n, 24);
	ck_assert_str_eq(ids[0], "PT0014");
	ck_assert_str_eq(ids[1], "PT0023");
	ck_assert_str_eq(ids[2], "PT0018");
	ck_assert_str_eq(ids[3], "PT0011");
	/* End date: soonest first, a date ending with its period ("2019" after "2019-10"),
	 * unknown last. */
	n = listing_order("/en/commitments?sort=end", ids, 40);
	ck_assert_str_eq(ids[0], "PT0002");
	ck_assert_str_eq(ids[1], "PT0006");
	ck_assert_str_eq(ids[2], "PT0005");
	ck_assert_str_eq(ids[6], "PT0007");
	ck_assert_str_eq(ids[7], "PT0001");
	/* Status: most advanced first, then the plan's order. */
	sql("UPDATE commitment SET self_status = NULL; UPDATE commitment SET self_status = "
	    "'complete' WHERE ogp_id = 'PT0020'; UPDATE commitment SET self_status = "
	    "'limited' WHERE ogp_id = 'PT0003'");
	n = listing_order("/en/commitments?sort=status", ids, 40);
	ck_assert_int_eq(n, 24);
	ck_assert_str_eq(ids[0], "PT0020");
	ck_assert_str_eq(ids[1], "PT0003");
	ck_assert_str_eq(ids[2], "PT0001");
	/* The order is kept when a facet is chosen, and shown as the current one. */
	expect("/en/commitments?sort=progress", 200, "<strong aria-current=\"true\">progress");
	expect("/en/commitments?sort=progress", 200,
	    "href=\"/en/commitments?plan=1&amp;sort=progress\"");
	expect("/en/commitments?sort=progress", 200, "name=\"sort\" value=\"progress\"");
	expect("/en/commitments?sort=zzz", 400, "The order (sort) takes plan, status");
	expect("/pt/commitments?sort=progress&sort=end", 400, "mais de uma vez");
}
END_TEST

START_TEST(pages_of_results)
{
	struct res r;
	long       total, seen = 0, pages, i;
	char       uri[64];

	total = total_of("/pt/search?q=a");
	ck_assert_int_gt(total, 40);
	pages = (total + 19) / 20;
	for (i = 1; i <= pages; i++) {
		snprintf(uri, sizeof uri, "/pt/search?q=a&page=%ld", i);
		get(uri, &r);
		ck_assert_int_eq(r.status, 200);
		ck_assert_int_eq(
		    res_count(&r, "<li class=\"hit\">"), i < pages ? 20 : total - 20 * (pages - 1));
		seen += res_count(&r, "<li class=\"hit\">");
		if (i < pages)
			ck_assert_ptr_nonnull(strstr(r.body.p, "rel=\"next\""));
		if (i > 1)
			ck_assert_ptr_nonnull(strstr(r.body.p, "rel=\"prev\""));
		res_free(&r);
	}
	ck_assert_int_eq(seen, total);
	snprintf(uri, sizeof uri, "/pt/search?q=a&page=%ld", pages + 1);
	expect(uri, 404, "Esta página de resultados não existe");
	expect("/pt/search?q=a&page=0", 400, "de 1 a 500");
	expect("/pt/search?q=a&page=-1", 400, "de 1 a 500");
	expect("/pt/search?q=a&page=501", 400, "de 1 a 500");
	expect("/pt/search?q=a&page=1x", 400, "de 1 a 500");
	expect("/pt/search?q=a&page=99999999999999999999", 400, "de 1 a 500");
	expect("/pt/search?q=a&page=1&page=2", 400, "mais de uma vez");
	expect("/pt/search?q=zzzunknown&page=1", 200, "0 resultados");
	expect("/pt/search?q=zzzunknown&page=2", 404, NULL);
}
END_TEST

START_TEST(empty_query)
{
	static const char *const uris[] = { "/pt/search", "/pt/search?q=", "/pt/search?q=+++",
		"/pt/search?q=%09", "/pt/search?plan=1" };
	struct res               r;
	size_t                   i;

	for (i = 0; i < sizeof uris / sizeof uris[0]; i++) {
		get(uris[i], &r);
		ck_assert_msg(r.status == 200, "%s: %d", uris[i], r.status);
		ck_assert_ptr_nonnull(strstr(r.body.p, "Escreva uma ou mais palavras"));
		ck_assert_ptr_nonnull(strstr(r.body.p, "href=\"/pt/commitments\""));
		ck_assert_ptr_null(strstr(r.body.p, "results-h"));
		ck_assert_ptr_null(strstr(r.body.p, "role=\"alert\""));
		res_free(&r);
	}
	expect("/en/search", 200, "Type one or more words");
}
END_TEST

START_TEST(hostile_queries)
{
	static const char *const qs[] = { "%22", "*", "NEAR(", "OR", "AND", "NOT", "-", ":", "%5E",
		"(", ")", "%22%22", "a%22b", "%22acesso", "acesso%22", "acesso*", "*acesso",
		"NEAR(acesso+dados%2C+2)", "acesso+OR+dados", "acesso+NOT+dados", "-acesso",
		"title%3Aacesso", "%7Btitle+body%7D%3A+acesso", "%5Eacesso", "acesso+%2B+dados",
		"%27%29%3B+DROP+TABLE+search%3B+--", "%C2%AB%C2%BB", "%E2%80%A6", "%F0%9F%98%80",
		"%02acesso%03", "rank%3A+bm25(search)", "%5C", "%25", "x%00y", "%E2%80%AE",
		"%F4%8F%BF%BF" };
	struct res               r;
	char                     uri[256];
	size_t                   i;
	int                      l;

	for (l = 0; l < 2; l++)
		for (i = 0; i < sizeof qs / sizeof qs[0]; i++) {
			snprintf(uri, sizeof uri, "/%s/%s?q=%s", l ? "en" : "pt",
			    i % 2 ? "search" : "commitments", qs[i]);
			get(uri, &r);
			ck_assert_msg(r.status == 200 || r.status == 400, "%s: %d", uri, r.status);
			if (r.status == 200)
				ck_assert_msg(strstr(r.body.p, "results-h") != NULL ||
					strstr(r.body.p, "list-h") != NULL ||
					strstr(r.body.p, "role=\"alert\"") != NULL,
				    "%s: no answer", uri);
			res_free(&r);
		}
	/* Only punctuation: a clear message. */
	expect("/pt/search?q=%22*()-%3A%5E", 200, "A pesquisa não tem palavras");
	expect("/en/search?q=%22%22", 200, "The search has no words");
	/* Quotes and operators are plain words, never FTS5 syntax. */
	ck_assert_int_eq(total_of("/en/search?q=access+OR+zzzunknown"), 0);
	ck_assert_int_gt(total_of("/en/search?q=%22access%22"), 0);
	/* The index is still there after the "DROP TABLE" query. */
	ck_assert_int_gt(total_of("/en/search?q=access"), 0);
}
END_TEST

START_TEST(long_queries)
{
	static char uri[10100];
	char        q[700];
	size_t      i;

	/* 200 characters are accepted; 201 or 13 words get the message, as a 400. */
	for (i = 0; i < 200; i++)
		q[i] = 'a';
	q[200] = '\0';
	snprintf(uri, sizeof uri, "/pt/search?q=%s", q);
	expect(uri, 200, "0 resultados");
	snprintf(uri, sizeof uri, "/pt/search?q=%sa", q);
	expect(uri, 400, "Pesquisa demasiado longa");
	expect("/en/search?q=a+b+c+d+e+f+g+h+i+j+k+l+m", 400, "Search too long");
	expect("/en/commitments?q=a+b+c+d+e+f+g+h+i+j+k+l+m", 400, "Search too long");
	/* 200 accented characters are 200 characters, not 400 bytes. */
	uri[0] = '\0';
	snprintf(uri, sizeof uri, "/pt/search?q=");
	for (i = 0; i < 200; i++)
		strcat(uri, "%C3%A7");
	expect(uri, 200, NULL);
	/* 10,000 characters: the request parser refuses the address. */
	snprintf(uri, sizeof uri, "/pt/search?q=");
	for (i = strlen(uri); i < 10000 + 13; i++)
		uri[i] = 'x';
	uri[i] = '\0';
	expect(uri, 414, "demasiado longo");
	memcpy(uri, "/en/search?q=", 13);
	expect(uri, 414, "too long");
}
END_TEST

START_TEST(bad_facets)
{
	static const struct {
		const char *uri, *msg;
	} bad[] = {
		{ "/en/search?q=a&plan=abc", "The plan filter is a plan number" },
		{ "/en/search?q=a&plan=0", "The plan filter" },
		{ "/en/search?q=a&plan=1000", "The plan filter" },
		{ "/en/search?q=a&plan=01", "The plan filter" },
		{ "/en/search?q=a&status=done", "The status filter takes" },
		{ "/en/search?q=a&status=COMPLETE", "The status filter takes" },
		{ "/en/search?q=a&value=open_data", "The value filter takes" },
		{ "/en/search?q=a&lead=AMA", "The lead filter" },
		{ "/en/search?q=a&lead=a%20b", "The lead filter" },
		{ "/en/search?q=a&lead=%3Cscript%3E", "The lead filter" },
		{ "/en/search?q=a&area=open_data", "The area filter" },
		{ "/en/search?q=a&area=x%27%20OR%201%3D1", "The area filter" },
		{ "/en/commitments?plan=-1", "The plan filter" },
		{ "/en/commitments?status=x", "The status filter" },
		{ "/en/commitments?value=x", "The value filter" },
		{ "/en/commitments?status=complete&status=limited", "more than once" },
		{ "/en/search?q=a&q=b", "more than once" },
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect(bad[i].uri, 400, bad[i].msg);
	/* Unknown parameters are ignored; empty ones count as absent. */
	ck_assert_int_eq(total_of("/en/search?q=information&zzz=1&sort=end"),
	    total_of("/en/search?q=information"));
	ck_assert_int_eq(total_of("/en/search?q=information&plan=&status="),
	    total_of("/en/search?q=information"));
	ck_assert_int_eq(total_of("/en/commitments?plan=&page=3"), 24);
}
END_TEST

START_TEST(index_follows_edits)
{
	sqlite3 *db;
	char     err[256];

	/* Through plain SQL: the new words are found at once, the old ones no longer. */
	ck_assert_int_eq(total_of("/pt/search?q=evoluir"), 1);
	sql("UPDATE commitment SET title_en = 'Zanzibar Quokka', title_pt = 'Quoca de "
	    "Zanzibar' WHERE ogp_id = 'PT0013'");
	expect("/en/search?q=quokka", 200, "href=\"/en/commitments/PT0013\"");
	expect("/pt/search?q=quoca", 200, "href=\"/pt/commitments/PT0013\"");
	ck_assert_int_eq(total_of("/pt/search?q=evoluir"), 0);
	/* A milestone and an event added, then removed. */
	sql("INSERT INTO milestone (commitment_id, position, title_pt, title_en) SELECT id, "
	    "99, 'Marco xenófilo', 'Xenophile milestone' FROM commitment WHERE ogp_id = 'PT0002'");
	expect("/pt/search?q=xenofilo", 200, "href=\"/pt/commitments/PT0002#ms-h\"");
	sql("DELETE FROM milestone WHERE position = 99");
	ck_assert_int_eq(total_of("/pt/search?q=xenofilo"), 0);
	sql("INSERT INTO event (id, title_pt, title_en) VALUES (999, 'Festa zéfira', "
	    "'Zephyr party')");
	expect("/en/search?q=zephyr", 200, "href=\"/en/events/999\"");
	sql("DELETE FROM event WHERE id = 999");
	ck_assert_int_eq(total_of("/en/search?q=zephyr"), 0);
	/* A text page edited twice. */
	sql("UPDATE page SET body_en = 'Wombat words.' WHERE slug = 'ogp'");
	sql("UPDATE page SET body_pt = 'Palavras de vombate.' WHERE slug = 'ogp'");
	expect("/en/search?q=wombat", 200, "href=\"/en/ogp\"");
	ck_assert_int_eq(total_of("/en/search?q=wombat"), 1);
	/* Through the program's own writable connection (trusted_schema as db_open sets it
	 * for writers; defensive mode on), as the admin area and the importer write. */
	ck_assert_ptr_nonnull(db = db_open(dbpath, 1, err, sizeof err));
	expect("/pt/search?q=Ag%C3%AAncia+Moderniza%C3%A7%C3%A3o", 200, "href=\"/pt/members/ama\"");
	ck_assert_int_eq(sqlite3_exec(db,
			     "UPDATE entity SET name_pt = 'Agência dos Iaques' "
			     "WHERE slug = 'ama'",
			     NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	expect("/pt/search?q=iaques", 200, "href=\"/pt/members/ama\"");
	{
		struct res r;
		get("/pt/search?q=Ag%C3%AAncia+Moderniza%C3%A7%C3%A3o", &r);
		ck_assert_ptr_null(strstr(r.body.p, "href=\"/pt/members/ama\""));
		res_free(&r);
	}
}
END_TEST

/* Asserts that the query plan of statement id never scans milestone, and that every
 * use of the search table goes through MATCH; returns the plan's text. */
static void
plan_of(sqlite3 *db, enum stmt id, struct buf *out)
{
	sqlite3_stmt *s;
	char         *q;
	const char   *line;
	size_t        n = strlen(db_sql(id)) + 32;

	ck_assert_ptr_nonnull(q = malloc(n));
	snprintf(q, n, "EXPLAIN QUERY PLAN %s", db_sql(id));
	ck_assert_int_eq(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		line = (const char *)sqlite3_column_text(s, 3);
		buf_puts(out, line);
		buf_puts(out, "\n");
		ck_assert_msg(
		    strncmp(line, "SCAN m", 6) != 0 && strncmp(line, "SCAN milestone", 14) != 0,
		    "statement %d scans milestone: %s", (int)id, line);
		if (strstr(line, "VIRTUAL TABLE") != NULL)
			ck_assert_msg(strstr(line, "INDEX 0:") != NULL &&
				strchr(strstr(line, "INDEX 0:"), 'M') != NULL,
			    "statement %d reads search without MATCH: %s", (int)id, line);
	}
	sqlite3_finalize(s);
	free(q);
}

START_TEST(query_plans_use_indexes)
{
	sqlite3   *db;
	char       err[256];
	struct buf p = { 0 };

	ck_assert_ptr_nonnull(db = db_open(dbpath, 0, err, sizeof err));
	plan_of(db, ST_LISTING, &p);
	/* the milestone aggregates: one row of commitment_progress per commitment */
	ck_assert_ptr_nonnull(strstr(p.p,
	    "SEARCH a USING INTEGER PRIMARY KEY (rowid=?) "
	    "LEFT-JOIN"));
	buf_reset(&p);
	plan_of(db, ST_LISTING_FACETS, &p);
	buf_reset(&p);
	plan_of(db, ST_SEARCH, &p);
	ck_assert_ptr_nonnull(strstr(p.p, "SEARCH ms USING INTEGER PRIMARY KEY"));
	buf_reset(&p);
	plan_of(db, ST_SEARCH_FACETS, &p);
	ck_assert_ptr_nonnull(strstr(p.p, "SEARCH c USING INTEGER PRIMARY KEY"));
	buf_free(&p);
	sqlite3_close(db);
}
END_TEST

START_TEST(search_box_everywhere)
{
	expect("/pt/plans", 200, "role=\"search\" method=\"get\" action=\"/pt/search\"");
	expect("/en/commitments/PT0013", 200, "action=\"/en/search\"");
	expect("/en/nothing-here", 404, "action=\"/en/search\"");
	expect("/en/search?q=x", 200, "<label class=\"site-search-label\" for=\"site-q\">");
	/* Every state is a URL: the facets stay in the form that changes q. */
	expect("/en/search?q=information&plan=1", 200,
	    "<input type=\"hidden\" name=\"plan\" value=\"1\">");
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { fts_query_builder, accents_both_ways, both_languages,
		other_language_once, portuguese_as_rich_as_english, overdue_filter,
		results_link_to_records, facets_combine_with_counts, listing_and_sorting,
		pages_of_results, empty_query, hostile_queries, long_queries, bad_facets,
		search_box_everywhere, query_plans_use_indexes, highlight_is_escaped,
		index_follows_edits, search_as_data, NULL };
	int                failed;
	const char        *bd = getenv("ABERTA_BUILDDIR");

	snprintf(binary, sizeof binary, "%s/aberta", bd ? bd : ".");
	if (test_db_create(dbpath, sizeof dbpath, "aberta-search") != 0)
		return 1;
	setenv("ABERTA_TODAY", "2026-11-27", 1);
	failed = tests_main(tests_suite("search", 120, tests));
	test_db_remove(dbpath);
	return failed == 0 ? 0 : 1;
}
