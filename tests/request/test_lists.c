/* The lists of records: consultations held elsewhere, events, and the commitments table
 * as cards on small screens.  Every consultation record of
 * the seed on /{lang}/consultations with its facts, dates (or "not yet recorded"), the
 * marker of doubtful dates and its sources named by their titles; a consultation of this
 * site that repeats a record is hidden only while nobody sent it anything; an event's
 * status, kind, organiser, plan, commitments and sources; an announced event that is over
 * is not upcoming; event titles in the page's language; each cell of the commitments
 * table named after its column for the cards of a small screen.  The real aberta binary in CGI
 * mode against a temporary database holding the real content.  TAP output through
 * Check. */
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

/* Writes text as the templates escape it (HTML: & < > " ') into out. */
static void
esc(const char *text, char *out, size_t len)
{
	size_t n = 0;
	char   rep[8];

	for (; *text != '\0' && n + 7 < len; text++) {
		switch (*text) {
		case '&':
			snprintf(rep, sizeof rep, "&amp;");
			break;
		case '<':
			snprintf(rep, sizeof rep, "&lt;");
			break;
		case '>':
			snprintf(rep, sizeof rep, "&gt;");
			break;
		case '"':
			snprintf(rep, sizeof rep, "&quot;");
			break;
		case '\'':
			snprintf(rep, sizeof rep, "&#39;");
			break;
		default:
			rep[0] = *text, rep[1] = '\0';
		}
		n += (size_t)snprintf(out + n, len - n, "%s", rep);
	}
	out[n] = '\0';
}

/* Asserts that chunk (of page uri, about what) holds text, HTML-escaped. */
static void
holds(const char *uri, const char *what, const char *chunk, const char *text)
{
	char e[2048];

	esc(text, e, sizeof e);
	ck_assert_msg(strstr(chunk, e) != NULL, "%s: %s lacks \"%s\"", uri, what, e);
}

/* How many times needle stands in text. */
static int
count(const char *text, const char *needle)
{
	int n = 0;

	for (; (text = strstr(text, needle)) != NULL; text += strlen(needle))
		n++;
	return n;
}

/* The part of body from the record or item opened by start up to the next one opened by
 * next (or the end of the section): a malloc'd copy, or NULL when start is not there. */
static char *
chunk(const char *body, const char *start, const char *next)
{
	const char *p = strstr(body, start), *q;

	if (p == NULL)
		return NULL;
	q = strstr(p + strlen(start), next);
	if (q == NULL)
		q = strstr(p, "</section>");
	return strndup(p, q ? (size_t)(q - p) : strlen(p));
}

/* Checks the record of row s (RC_RECORDS' own columns, see records_query) on the page
 * of lang whose body is body. */
static void
record_checked(const char *lang, const char *body, sqlite3_stmt *s)
{
	const int   en = lang[0] == 'e';
	const char *slug = (const char *)sqlite3_column_text(s, 0);
	const char *title = (const char *)sqlite3_column_text(s, en ? 2 : 1);
	const char *conf = (const char *)sqlite3_column_text(s, 5);
	const char *sources = (const char *)sqlite3_column_text(s, 9), *p, *t;
	char        open[160], want[512], uri[32], *c;
	int         missing = 0;

	snprintf(uri, sizeof uri, "/%s/consultations", lang);
	snprintf(open, sizeof open, "<li class=\"card\" id=\"%s\">", slug);
	c = chunk(body, open, "<li class=\"card\" id=\"");
	ck_assert_msg(c != NULL, "%s: no record %s", uri, slug);
	holds(uri, slug, c, title);
	holds(uri, slug, c,
	    strcmp((const char *)sqlite3_column_text(s, 6), "held") == 0
		? (en ? "Held" : "Realizado")
		: (en ? "Announced" : "Anunciado"));
	for (int i = 3; i <= 4; i++)
		if (sqlite3_column_type(s, i) == SQLITE_NULL)
			missing++;
		else {
			snprintf(want, sizeof want, "<time datetime=\"%s\">",
			    (const char *)sqlite3_column_text(s, i));
			ck_assert_msg(strstr(c, want) != NULL, "%s: %s lacks %s", uri, slug, want);
		}
	if (sqlite3_column_type(s, 7) == SQLITE_NULL)
		missing++;
	else
		ck_assert_msg(strstr(c, (const char *)sqlite3_column_text(s, 7)) != NULL,
		    "%s: %s lacks where it was held", uri, slug);
	if (sqlite3_column_type(s, en ? 12 : 11) == SQLITE_NULL &&
	    sqlite3_column_type(s, en ? 11 : 12) == SQLITE_NULL)
		missing++;
	else
		holds(uri, slug, c, (const char *)sqlite3_column_text(s, en ? 12 : 11));
	ck_assert_msg(count(c, en ? "not yet recorded" : "ainda não registado") >= missing,
	    "%s: %s says \"not yet recorded\" fewer than %d times", uri, slug, missing);
	ck_assert_msg((strstr(c, "class=\"doubt\"") != NULL) == (strcmp(conf, "confirmed") != 0),
	    "%s: %s: marker of %s dates", uri, slug, conf);
	if (sqlite3_column_type(s, 8) != SQLITE_NULL) {
		snprintf(want, sizeof want, "<dd>%d</dd>", sqlite3_column_int(s, 8));
		ck_assert_msg(strstr(c, want) != NULL, "%s: %s lacks %s", uri, slug, want);
	}
	if (sqlite3_column_type(s, 10) != SQLITE_NULL) {
		snprintf(want, sizeof want, "/%s/members/%s\"", lang, sqlite3_column_text(s, 10));
		ck_assert_msg(strstr(c, want) != NULL, "%s: %s lacks %s", uri, slug, want);
	}
	for (p = sources; p != NULL && *p != '\0'; p = *t ? t + 1 : t) {
		t = p + strcspn(p, "\n");
		snprintf(want, sizeof want, "%.*s", (int)(t - p), p);
		if (strchr(want, '\t') == NULL)
			continue;
		holds(uri, slug, c, strchr(want, '\t') + 1); /* named by its title */
	}
	ck_assert_msg(strstr(c, "\">http") == NULL, "%s: %s shows a raw address", uri, slug);
	free(c);
}

/* The facts of every consultation record, as the content file states them. */
static const char records_query[] =
    "SELECT r.slug, r.title_pt, r.title_en, r.opens, r.closes, r.dates_confidence, "
    "r.status, r.where_url, r.comments_received, r.sources, o.slug, r.outcome_pt, "
    "r.outcome_en FROM consultation_record r LEFT JOIN entity o ON o.id = r.organiser_id";

/* Every record of the seed, in both languages, with its facts, markers and sources. */
START_TEST(consultation_records_listed)
{
	static const char *const langs[] = { "pt", "en" };
	sqlite3                 *db;
	sqlite3_stmt            *s;
	struct res               r;
	char                     uri[32];
	int                      n;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	for (size_t l = 0; l < 2; l++) {
		snprintf(uri, sizeof uri, "/%s/consultations", langs[l]);
		get(uri, &r);
		ck_assert_int_eq(sqlite3_prepare_v2(db, records_query, -1, &s, NULL), SQLITE_OK);
		for (n = 0; sqlite3_step(s) == SQLITE_ROW; n++)
			record_checked(langs[l], r.body.p, s);
		sqlite3_finalize(s);
		ck_assert_int_ge(n, 9);
		ck_assert_int_eq(res_count(&r, "<li class=\"card\" id=\""), n);
		res_free(&r);
	}
	sqlite3_close(db);
}
END_TEST

/* A record without dates nor address: "not yet recorded", the marker of inferred dates,
 * a source without a title named by its host, never by its address. */
START_TEST(record_gaps_said)
{
	struct res r;
	char      *c;

	sql("INSERT INTO consultation_record (slug, title_pt, title_en, dates_confidence, "
	    "status, sources) VALUES ('gaps', 'Lacunas', 'Gaps', 'inferred', 'announced', "
	    "'https://www.example.org/a/b?c=d' || char(10) || 'https://participa.gov.pt/x' || "
	    "char(9) || 'Participa – a consulta')");
	get("/en/consultations", &r);
	c = chunk(r.body.p, "<li class=\"card\" id=\"gaps\">", "<li class=\"card\" id=\"");
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(count(c, "not yet recorded"), 5);
	ck_assert_int_eq(count(c, ">inferred, unconfirmed</a>"), 2);
	ck_assert_ptr_nonnull(strstr(c, "<span class=\"tag\">Announced</span>"));
	ck_assert_ptr_nonnull(strstr(c, "rel=\"external\">example.org</a>"));
	ck_assert_ptr_nonnull(strstr(c, "rel=\"external\">Participa – a consulta</a>"));
	ck_assert_ptr_null(strstr(c, "\">http"));
	free(c);
	res_free(&r);
	sql("DELETE FROM consultation_record WHERE slug = 'gaps'");
}
END_TEST

/* An announced consultation whose closing day is over says there is no record that it
 * took place. */
START_TEST(record_announced_over)
{
	struct res r;
	char      *c;

	get("/pt/consultations", &r);
	c = chunk(r.body.p, "id=\"consulta-publica-atualizacao-iii-panaa-2026\">",
	    "<li class=\"card\" id=\"");
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(
	    strstr(c, "<span class=\"tag\">Anunciado; sem registo de que se tenha realizado"));
	free(c);
	res_free(&r);
}
END_TEST

/* The two past consultations migration 6 put on this site repeat records: they are not
 * listed while nobody sent them anything, and their pages stay; one with a submission is
 * listed again. */
START_TEST(onsite_duplicates_hidden)
{
	struct res r;

	get("/en/consultations", &r);
	ck_assert_int_eq(res_count(&r, "href=\"/en/consultations/1\""), 0);
	ck_assert_int_eq(res_count(&r, "href=\"/en/consultations/2\""), 0);
	ck_assert_int_eq(res_count(&r, "No consultation has been opened on this site yet."), 1);
	res_free(&r);
	get("/en/consultations/1", &r);
	res_free(&r);
	sql("INSERT INTO submission (id, kind, consultation_id, lang, author, email, body) "
	    "VALUES (900, 'comment', 1, 'en', 'A. Person', 'a@example.org', 'A comment.')");
	get("/en/consultations", &r);
	ck_assert_int_eq(res_count(&r, "href=\"/en/consultations/1\""), 1);
	ck_assert_int_eq(res_count(&r, "href=\"/en/consultations/2\""), 0);
	ck_assert_int_eq(res_count(&r, "No consultation has been opened on this site yet."), 0);
	res_free(&r);
	sql("DELETE FROM submission WHERE id = 900");
}
END_TEST

/* The id of the event of slug. */
static long long
event_id(const char *slug)
{
	sqlite3      *db;
	sqlite3_stmt *s;
	long long     id = 0;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_prepare_v2(db, "SELECT id FROM event WHERE slug = ?1", -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(s, 1, slug, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	ck_assert_msg(id > 0, "no event %s", slug);
	return id;
}

/* Asserts that the page of event slug in lang holds each of the texts (HTML as written). */
static void
event_says(const char *lang, const char *slug, const char *const *texts)
{
	struct res r;
	char       uri[48];

	snprintf(uri, sizeof uri, "/%s/events/%lld", lang, event_id(slug));
	get(uri, &r);
	for (; *texts != NULL; texts++)
		ck_assert_msg(
		    strstr(r.body.p, *texts) != NULL, "%s (%s) lacks %s", uri, slug, *texts);
	ck_assert_msg(strstr(r.body.p, "rel=\"external\">http") == NULL, "%s: a raw address", uri);
	res_free(&r);
}

/* An event's status, kind, organiser (linking its member page) and the others the source
 * names, its co-organising bodies, plan, commitments and sources named by their titles,
 * time note. */
START_TEST(event_facts)
{
	static const char *const week_en[] = { "<dd>Held</dd>", "<p class=\"kicker\">Open Gov Week",
		"<a href=\"/en/members/pasc\"", "<a href=\"/en/plans/1\"",
		"<a href=\"/en/commitments/PT0002\">PT0002 — <span lang=\"en\">Open Administration "
		"Week</span></a>",
		"rel=\"external\">OGP Portugal – VI Reunião da Rede Nacional de Administração "
		"Aberta "
		"(23/04/2019)</a>",
		"rel=\"external\">Open Government Partnership – commitment PT0002</a>", NULL };
	static const char *const week_pt[] = { "<dd>Realizado</dd>",
		"<p class=\"kicker\">Semana da Administração Aberta",
		"<a href=\"/pt/members/pasc\"", "<a href=\"/pt/plans/1\"",
		"<a href=\"/pt/commitments/PT0002\">PT0002 — ", NULL };
	static const char *const webinar[] = { "<p class=\"kicker\">Webinar",
		"<a href=\"/pt/members/ti-portugal\"", "; também nomeados pela fonte: DGPC</dd>",
		"(<span lang=\"pt\">15:00–17:00</span>)", NULL };
	static const char *const summit[] = { "<p class=\"kicker\">Summit", "<dd>Held</dd>",
		"<a href=\"/en/members/ogp\"", NULL };
	static const char *const doubt[] = { "class=\"doubt\" href=\"/en/data#confidence\"",
		"<a href=\"/en/members/labx\"", NULL };
	static const char *const ama[] = { "<a href=\"/en/commitments/PT0018\">PT0018 — ",
		"<a href=\"/en/plans/3\"", NULL };
	/* the organiser, then the co-organising bodies in the source's order */
	static const char *const co[] = { "<a href=\"/en/members/pasc\" lang=\"en\">Platform of "
					  "Civil Society Associations – House of Citizenship</a>, "
					  "<a href=\"/en/members/apdsi\"",
		", <a href=\"/en/members/ti-portugal\"", NULL };

	event_says("en", "semana-administracao-aberta-2019", week_en);
	event_says("pt", "semana-administracao-aberta-2019", week_pt);
	event_says("pt", "webinar-pacto-integridade-alcobaca-2020", webinar);
	event_says("en", "ogp-ix-cimeira-global-2025", summit);
	event_says("en", "painel-participacao-civica-tempos-turbulentos-2020", doubt);
	event_says("en", "webinar-dados-abertos-empresas-2024", ama);
	event_says("en", "reuniao-sociedade-civil-ogp-2022", co);
}
END_TEST

/* The page address of an event is named by its host, not written out. */
START_TEST(event_address_named)
{
	static const char *const more[] = { "rel=\"external\">ogp.digital.gov.pt</a>",
		"<dd>Announced; no record that it took place</dd>", NULL };

	event_says("en", "atualizacao-iii-panaa-2026", more);
}
END_TEST

/* An announced event whose dates are over is listed among the past ones, saying that
 * nothing records it took place; one still to come is upcoming, announced. */
START_TEST(announced_over_not_upcoming)
{
	struct res  r;
	const char *past;
	char        want[96];

	sql("INSERT INTO event (id, slug, title_pt, title_en, kind, start_date, status) VALUES "
	    "(901, 'vem-ai', 'Reunião que vem aí', 'Meeting to come', 'network_meeting', "
	    "'2027-01-10', 'announced'), (902, 'passou', 'Reunião anunciada que passou', "
	    "'Announced meeting now over', 'webinar', '2026-11-20', 'announced')");
	get("/en/events", &r);
	past = strstr(r.body.p, "id=\"past-h\"");
	ck_assert_ptr_nonnull(past);
	snprintf(
	    want, sizeof want, "href=\"/en/events/%lld\"", event_id("atualizacao-iii-panaa-2026"));
	ck_assert_msg(strstr(r.body.p, want) > past, "an announced event over is upcoming");
	ck_assert_msg(strstr(r.body.p, "href=\"/en/events/902\"") > past, "902 is upcoming");
	ck_assert_msg(strstr(r.body.p, "href=\"/en/events/901\"") < past, "901 is not upcoming");
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "Meeting to come</a> <span class=\"tag\">Network meeting</span> <span "
	    "class=\"tag\">Announced</span>"));
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "Announced meeting now over</a> <span class=\"tag\">Webinar</span> <span "
	    "class=\"tag\">Announced; no record that it took place</span>"));
	res_free(&r);
	sql("DELETE FROM event WHERE id IN (901, 902)");
}
END_TEST

/* Every event title in the list in the page's language, its kind labelled. */
START_TEST(event_titles_in_page_language)
{
	static const char *const langs[] = { "pt", "en" };
	sqlite3                 *db;
	sqlite3_stmt            *s;
	struct res               r;
	char                     uri[16], want[1024], e[900];
	int                      n;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	for (size_t l = 0; l < 2; l++) {
		snprintf(uri, sizeof uri, "/%s/events", langs[l]);
		get(uri, &r);
		ck_assert_int_eq(sqlite3_prepare_v2(db,
				     l == 0 ? "SELECT id, title_pt FROM event"
					    : "SELECT id, title_en FROM event",
				     -1, &s, NULL),
		    SQLITE_OK);
		for (n = 0; sqlite3_step(s) == SQLITE_ROW; n++) {
			ck_assert_int_ne(sqlite3_column_type(s, 1), SQLITE_NULL);
			esc((const char *)sqlite3_column_text(s, 1), e, sizeof e);
			snprintf(want, sizeof want, "href=\"/%s/events/%lld\" lang=\"%s\">%s</a>",
			    langs[l], (long long)sqlite3_column_int64(s, 0), langs[l], e);
			ck_assert_msg(strstr(r.body.p, want) != NULL, "%s lacks %s", uri, want);
		}
		sqlite3_finalize(s);
		ck_assert_int_ge(n, 28);
		ck_assert_int_ge(res_count(&r,
				     l == 0 ? "<span class=\"tag\">Cimeira</span>"
					    : "<span class=\"tag\">Summit</span>"),
		    2);
		ck_assert_int_ge(res_count(&r, "<span class=\"tag\">Webinar</span>"), 5);
		res_free(&r);
	}
	sqlite3_close(db);
}
END_TEST

/* The commitments table reflows into cards on a small screen: the title heads each card
 * and every other cell says which column it is in (data-label, the column's heading),
 * which the stylesheet shows before it, the header row hidden, no table width forced. */
START_TEST(commitments_as_cards)
{
	static const char *const langs[] = { "pt", "en" };
	const char              *src = getenv("ABERTA_SRCDIR"), *p, *q;
	char                     path[512], want[160], *css;
	struct res               r;
	FILE                    *f;
	long                     n;
	int                      rows, cols;

	for (size_t l = 0; l < 2; l++) {
		snprintf(path, sizeof path, "/%s/commitments", langs[l]);
		get(path, &r);
		ck_assert_ptr_nonnull(strstr(r.body.p, "<div class=\"table-wrap reflow-wrap\""));
		ck_assert_ptr_nonnull(strstr(r.body.p, "<table class=\"reflow\">"));
		rows = res_count(&r, "<tr><td><a href=\"/");
		ck_assert_int_ge(rows, 24);
		p = strstr(r.body.p, "<thead>");
		ck_assert_ptr_nonnull(p);
		for (cols = 0; (p = strstr(p, "<th scope=\"col\">")) != NULL &&
		     p < strstr(r.body.p, "</thead>");
		     cols++) {
			p += strlen("<th scope=\"col\">");
			q = strchr(p, '<');
			snprintf(want, sizeof want, "<td data-label=\"%.*s\">", (int)(q - p), p);
			/* The title heads the card: its cell alone goes without a label. */
			ck_assert_msg(res_count(&r, want) == (cols == 0 ? 0 : rows),
			    "%s: %d rows, %d of %s", path, rows, res_count(&r, want), want);
		}
		ck_assert_int_eq(cols, 6);
		res_free(&r);
	}
	snprintf(path, sizeof path, "%s/public/style.css", src ? src : "..");
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	css = calloc(1, (size_t)n + 1);
	ck_assert_int_eq(fread(css, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	p = strstr(css, "@media (max-width: 40rem) {\n  .reflow-wrap { overflow-x: visible;");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p, "table.reflow { min-width: 0; }"));
	ck_assert_ptr_nonnull(strstr(p, "table.reflow thead { position: absolute;"));
	ck_assert_ptr_nonnull(strstr(p, "table.reflow td::before { content: attr(data-label);"));
	free(css);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { consultation_records_listed, record_gaps_said,
		record_announced_over, onsite_duplicates_hidden, event_facts, event_address_named,
		announced_over_not_upcoming, event_titles_in_page_language, commitments_as_cards,
		NULL };
	const char        *b = getenv("ABERTA_BUILDDIR");
	int                failed;

	snprintf(binary, sizeof binary, "%s/aberta", b ? b : ".");
	if (test_db_create(dbpath, sizeof dbpath, "aberta-lists") != 0)
		return 1;
	setenv("ABERTA_TODAY", "2026-12-07", 1);
	failed = tests_main(tests_suite("lists", 300, tests));
	test_db_remove(dbpath);
	return failed;
}
