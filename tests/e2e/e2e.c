/*
 * End-to-end tests: libcurl against nginx and the FastCGI workers, started by
 * tests/e2e/run.sh on a free port with a fresh database holding the real content.
 * Usage: e2e BASE_URL DBPATH.  Prints TAP.
 */
#include <stdio.h>
#include <string.h>

#include "../lib/client.h"
#include "../lib/tap.h"
#include "http/cache.h"

/* One exchange as a stranger, with one extra header line (NULL: none); fills r.
 * Returns 0, or -1 when no complete answer came. */
static int
fetch(const char *method, const char *path, const char *header, struct res *r)
{
	const char *h[] = { header, NULL };

	return rc_http(NULL, method, path, NULL, NULL, 0, h, r);
}

/* GET path; checks status and that the body holds needle (when not NULL). */
static void
check(const char *path, int status, const char *needle)
{
	struct res r;
	int        ok = fetch("GET", path, NULL, &r) == 0 && r.status == status &&
	    (needle == NULL || strstr(r.body.p, needle) != NULL);

	tap(ok, "GET %s -> %d%s%s (got %d)", path, status, needle ? " with " : "",
	    needle ? needle : "", r.status);
	res_free(&r);
}

static void
every_page(void)
{
	static const char *const paths[] = { "/", "/network", "/plans", "/plans/1", "/plans/2",
		"/plans/3", "/commitments/PT0013", "/commitments/PT0001", "/commitments/PT0024",
		"/events", "/events/1", "/ogp", "/accessibility", "/members/ama", "/members/cada" };
	char                     uri[128];
	size_t                   i;
	int                      l;

	for (l = 0; l < 2; l++)
		for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
			snprintf(uri, sizeof uri, "/%s%s", l ? "en" : "pt", paths[i]);
			check(uri, 200, l ? "<html lang=\"en\">" : "<html lang=\"pt\">");
		}
	check("/healthz", 200, "ok");
	check("/static/style.css", 200, NULL);
}

static void
content(void)
{
	struct res r;

	fetch("GET", "/en/plans/2", NULL, &r);
	tap(res_count(&r, "href=\"/en/commitments/PT") == 9, "plan 2 lists its 9 commitments");
	res_free(&r);
	fetch("GET", "/pt/plans/3", NULL, &r);
	tap(res_count(&r, "href=\"/pt/commitments/PT") == 7,
	    "the 2023-2027 plan lists its 7 commitments");
	res_free(&r);
	fetch("GET", "/pt/plans/1", NULL, &r);
	tap(res_count(&r, "href=\"/pt/commitments/PT") == 8, "plan 1 lists 8 commitments");
	res_free(&r);
	/* PT0013's lead is AMA, named in the page's language. */
	check("/en/commitments/PT0013", 200, "Administrative Modernisation Agency");
	check("/pt/commitments/PT0013", 200, "Agência para a Modernização Administrativa");
	check("/pt/commitments/PT0001", 200, "Título ainda não registado");
	check("/en/network", 200, "TI Portugal");
	check("/en/events", 200, "Open Gov Week 2023");
}

static void
errors(void)
{
	struct res r;
	char       v[64];

	check("/pt/nada", 404, "Página não encontrada");
	check("/en/plans/abc", 400, "A plan number");
	check("/en/plans/-1", 400, "A plan number");
	check("/en/plans/99999999999999999999999", 400, "A plan number");
	check("/en/commitments/PT9999", 404, "There is no commitment");
	check("/en/commitments/%ff", 400, NULL);
	check("/en/plans?x=%zz", 400, "invalid encoding");
	check("/xx/plans", 404, NULL);
	fetch("POST", "/en/plans", NULL, &r);
	tap(r.status == 405 && res_header(&r, "Allow", v, sizeof v) && strcmp(v, "GET, HEAD") == 0,
	    "POST to a page gives 405 with Allow: GET, HEAD");
	res_free(&r);
	/* The worker goes on serving after bad input. */
	check("/en/plans/2", 200, "PT0013");
}

static void
redirects_and_caching(void)
{
	struct res r;
	char       v[128], hdr[160];

	fetch("GET", "/", "Accept-Language: en-US,en;q=0.9", &r);
	tap(r.status == 302 && res_header(&r, "Location", v, sizeof v) && strstr(v, "/en/") != NULL,
	    "/ redirects English readers to /en/");
	res_free(&r);
	fetch("GET", "/", "Accept-Language: pt-PT,pt;q=0.9", &r);
	tap(r.status == 302 && res_header(&r, "Location", v, sizeof v) && strstr(v, "/pt/") != NULL,
	    "/ redirects Portuguese readers to /pt/");
	res_free(&r);
	fetch("GET", "/en/plans/2", NULL, &r);
	int have = res_header(&r, "ETag", v, sizeof v) != NULL;
	tap(have, "a public page has an ETag");
	res_free(&r);
	snprintf(hdr, sizeof hdr, "If-None-Match: %s", v);
	fetch("GET", "/en/plans/2", hdr, &r);
	tap(have && r.status == 304, "conditional GET gives 304");
	res_free(&r);
	fetch("HEAD", "/en/plans/2", NULL, &r);
	tap(r.status == 200 && r.body.len == 0, "HEAD answers 200 without a body");
	res_free(&r);
}

/* Text with <>&"' stored in the database comes out escaped, at once. */
static void
escaping(void)
{
	sqlite3   *db;
	struct res r;
	int        ok;

	ok = sqlite3_open(rc_db, &db) == SQLITE_OK && sqlite3_busy_timeout(db, 5000) == SQLITE_OK &&
	    sqlite3_exec(db,
		"UPDATE event SET title_en = "
		"'<b>Bold</b> & \"q\" ''s''' WHERE id = 1",
		NULL, NULL, NULL) == SQLITE_OK;
	cache_invalidate(db); /* a change made with SQL: publish a new generation */
	sqlite3_close(db);
	tap(ok, "stored markup in an event title");
	fetch("GET", "/en/events/1", NULL, &r);
	tap(r.status == 200 && strstr(r.body.p, "<b>Bold</b>") == NULL &&
		strstr(r.body.p, "&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;q&quot; &#39;s&#39;") != NULL,
	    "<>&\"' come out escaped");
	res_free(&r);
}

/* An edit shows at once: the old validator no longer matches and the page is new. */
static void
edit_shows_at_once(void)
{
	sqlite3   *db;
	struct res r;
	char       etag[128] = "", hdr[160];
	int        ok;

	fetch("GET", "/pt/plans/2", NULL, &r);
	res_header(&r, "ETag", etag, sizeof etag);
	res_free(&r);
	ok = sqlite3_open(rc_db, &db) == SQLITE_OK && sqlite3_busy_timeout(db, 5000) == SQLITE_OK &&
	    sqlite3_exec(db,
		"UPDATE commitment SET title_pt = 'Título novo "
		"de teste' WHERE ogp_id = 'PT0013'",
		NULL, NULL, NULL) == SQLITE_OK;
	cache_invalidate(db); /* a change made with SQL: publish a new generation */
	sqlite3_close(db);
	snprintf(hdr, sizeof hdr, "If-None-Match: %s", etag);
	fetch("GET", "/pt/plans/2", hdr, &r);
	tap(ok && r.status == 200 && strstr(r.body.p, "Título novo de teste") != NULL,
	    "an edit shows at once on the plan page, despite the client's old ETag");
	res_free(&r);
	check("/pt/commitments/PT0013", 200, "Título novo de teste");
	check("/en/commitments/PT0013", 200, "Improvements to dados.gov Portal");
}

/* Hostile input gets a 4xx, and the workers go on serving. */
static void
hostile(void)
{
	static char longq[7000];
	size_t      i;
	struct res  r;

	snprintf(longq, sizeof longq, "/en/plans?q=");
	for (i = strlen(longq); i < sizeof longq - 1; i++)
		longq[i] = 'x';
	longq[i] = '\0';
	fetch("GET", longq, NULL, &r);
	tap(r.status == 414, "an overlong query string gives 414 (got %d)", r.status);
	res_free(&r);
	check("/en/plans/%C0%AF", 400, NULL);
	check("/en/members/%2e%2e%2fetc", 400, NULL);
	check("/en/plans?a=%", 400, "invalid encoding");
	check("/en/events/18446744073709551617", 400, "An event id");
	for (i = 0; i < 20; i++)
		check("/pt/plans/abc", 400, NULL);
	check("/en/plans/2", 200, "PT0013");
}

/* Search through nginx: accents, both languages, facets, the search box, and hostile
 * or overlong queries answered with a 4xx, never a 500; the workers go on serving. */
static void
search(void)
{
	static const char *const hostile_q[] = { "%22", "*", "NEAR(", "OR", "-", ":", "%5E", "(",
		")", "%22a%22b%22", "NEAR(a+b%2C+1)", "%7Btitle%7D%3Ax", "%F0%9F%98%80" };
	static char              longq[10100];
	char                     uri[160];
	struct res               r;
	size_t                   i;

	check("/pt/search?q=participa%C3%A7%C3%A3o", 200, "<mark>participação</mark>");
	check("/pt/search?q=participacao", 200, "<mark>participação</mark>");
	check("/en/search?q=access+to+information", 200, "href=\"/en/commitments/PT0007\"");
	check("/en/search?q=information&plan=1&value=access_to_information", 200,
	    "<strong aria-current=\"true\">Plan 1");
	check("/pt/commitments?sort=progress", 200, "<h2 id=\"list-h\">24 compromissos</h2>");
	check("/pt/search", 200, "Escreva uma ou mais palavras");
	check("/en/plans", 200, "action=\"/en/search\"");
	for (i = 0; i < sizeof hostile_q / sizeof hostile_q[0]; i++) {
		snprintf(uri, sizeof uri, "/en/search?q=%s", hostile_q[i]);
		fetch("GET", uri, NULL, &r);
		tap(r.status == 200, "hostile search %s answers 200 (got %d)", hostile_q[i],
		    r.status);
		res_free(&r);
	}
	check("/en/search?q=a+b+c+d+e+f+g+h+i+j+k+l+m", 400, "Search too long");
	check("/en/search?q=a&plan=x", 400, "The plan filter");
	snprintf(longq, sizeof longq, "/en/search?q=");
	for (i = strlen(longq); i < 10000 + 13; i++)
		longq[i] = 'x';
	longq[i] = '\0';
	fetch("GET", longq, NULL, &r);
	tap(r.status == 414, "a 10,000-character search gives 414 (got %d)", r.status);
	res_free(&r);
	check("/en/search?q=access", 200, "results-h");
}

/* Open data through nginx: every format of every listing and detail page in both
 * languages, Accept passed on to the workers, the bulk tables and the catalogue. */
static void
data_formats(void)
{
	static const char *const pages[] = { "/plans", "/plans/1", "/plans/2", "/plans/3",
		"/commitments", "/commitments/PT0013", "/commitments/PT0024", "/network",
		"/members/ama", "/members/cada", "/events", "/events/1" };
	static const char *const fmts[][2] = { { ".json", "application/json; charset=utf-8" },
		{ ".csv", "text/csv; charset=utf-8; header=present" } };
	char                     uri[160], v[128];
	struct res               r;
	size_t                   i, f;
	int                      l, ok;

	for (l = 0; l < 2; l++)
		for (i = 0; i < sizeof pages / sizeof pages[0]; i++)
			for (f = 0; f < 2; f++) {
				snprintf(uri, sizeof uri, "/%s%s%s", l ? "en" : "pt", pages[i],
				    fmts[f][0]);
				ok = fetch("GET", uri, NULL, &r) == 0 && r.status == 200 &&
				    res_header(&r, "Content-Type", v, sizeof v) != NULL &&
				    strcmp(v, fmts[f][1]) == 0;
				tap(ok, "GET %s -> 200 %s (got %d)", uri, fmts[f][1], r.status);
				res_free(&r);
			}
	fetch("GET", "/en/plans/2", "Accept: application/json", &r);
	tap(r.status == 200 && res_header(&r, "Content-Type", v, sizeof v) != NULL &&
		strncmp(v, "application/json", 16) == 0 &&
		strstr(r.body.p,
		    "\"dataset\": "
		    "\"plan\"") != NULL &&
		res_header(&r, "Vary", v, sizeof v) != NULL && strcmp(v, "Accept") == 0,
	    "Accept: application/json reaches the workers");
	res_free(&r);
	fetch("GET", "/pt/events", "Accept: text/csv", &r);
	tap(r.status == 200 && strncmp(r.body.p, "event_id,", 9) == 0,
	    "Accept: text/csv gives the CSV of the events");
	res_free(&r);
	check("/data/milestones.csv", 200, "ogp_id,position,title_pt,title_en,");
	check("/data/revisions.json", 200, "\"dataset\": \"revisions\"");
	check("/data/catalog.jsonld", 200, "\"dcat:Catalog\"");
	check("/pt/data", 200, "type=\"application/ld+json\" href=\"/data/catalog.jsonld\"");
	check("/en/data", 200, "href=\"/en/data/dictionary\"");
	check("/en/data/dictionary", 200, "id=\"field-progress_percent\"");
	check("/en/ogp.json", 404, NULL);
	check("/en/plans/2/history.csv", 404, NULL);
}

int
main(int argc, char *argv[])
{
	if (argc != 3) {
		fprintf(stderr, "usage: e2e BASE_URL DBPATH\n");
		return 2;
	}
	rc_base = argv[1];
	rc_db = argv[2];
	curl_global_init(CURL_GLOBAL_DEFAULT);
	every_page();
	content();
	errors();
	redirects_and_caching();
	escaping();
	edit_shows_at_once();
	hostile();
	search();
	data_formats();
	curl_global_cleanup();
	return tap_done();
}
