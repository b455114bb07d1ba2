/* The admin lists (admin/admin_lists.c, store/adminlist.c): the search, each filter,
 * the orders, the paging and its boundaries, the counts in the heading and the caption,
 * a member editor's scope (its rows and its counts), the parameters refused with 400,
 * input shaped like SQL, and a database failure answered 503 rather than a part of a
 * list.  Overdue and stale are checked against lib/progress.h's C rules over every
 * milestone.  The real binary in CGI mode on a test database with the real content and
 * a plan of 120 milestones of the test's own; sessions are rows of the test's own.  TAP
 * output through Check. */
#include <sqlite3.h>

#include "../lib/client.h"
#include "../lib/testlib.h"
#include "lib/progress.h"

#define TODAY "2025-06-15"

/* What every request adds (see cgi_as). */
static const char *const env[] = { "ABERTA_TODAY=" TODAY, NULL };
static struct session    focal;  /* a focal point */
static struct session    member; /* the member editor of body 900 */
static struct session    admin;  /* an administrator */

/* Plan 900: body 900 leads XA0001 (60 milestones) and supports XA0003 (15); body 901
 * leads XA0002 (45).  The milestones' figures, dates and texts vary with their position
 * so that every filter keeps some and leaves some. */
static const char fixture_sql[] =
    "INSERT INTO action_plan (id, number, title_pt, title_en, status) VALUES "
    "(900, 900, 'Plano de ensaio das listas', 'Lists test plan', 'implementation');"
    "INSERT INTO entity (id, slug, acronym, name_pt, name_en, kind) VALUES "
    "(900, 'lista-ensaio', 'LXE', 'Entidade de ensaio', 'Test body', 'public'), "
    "(901, 'lista-outra', 'LXO', 'Outra entidade de ensaio', NULL, 'academia');"
    "INSERT INTO commitment (id, ogp_id, plan_id, number, title_pt, title_en, self_status, "
    "title_pt_confidence) VALUES "
    "(9001, 'XA0001', 900, 1, 'Área de ensaio: dados abertos', 'Test area: open data', "
    "'limited', 'confirmed'), "
    "(9002, 'XA0002', 900, 2, 'Compromisso 100% aberto_x', NULL, NULL, 'confirmed'), "
    "(9003, 'XA0003', 900, 3, 'Terceiro compromisso', 'Third commitment', 'complete', "
    "'inferred');"
    "INSERT INTO commitment_entity (commitment_id, entity_id, role, position) VALUES "
    "(9001, 900, 'lead', 1), (9002, 901, 'lead', 1), (9003, 900, 'support', 1);"
    "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 120) "
    "INSERT INTO milestone (commitment_id, position, title_pt, title_en, status, progress, "
    "progress_as_of, progress_confidence, planned_end) SELECT "
    "CASE WHEN n <= 60 THEN 9001 WHEN n <= 105 THEN 9002 ELSE 9003 END, "
    "CASE WHEN n <= 60 THEN n WHEN n <= 105 THEN n - 60 ELSE n - 105 END, "
    "'Marco de ensaio ' || n, CASE WHEN n % 10 = 0 THEN NULL ELSE 'Test milestone ' || n END, "
    "CASE n % 4 WHEN 0 THEN 'complete' WHEN 1 THEN 'in_progress' WHEN 2 THEN NULL "
    "ELSE 'not_started' END, CASE WHEN n % 3 = 0 THEN NULL ELSE n % 101 END, "
    "CASE n % 5 WHEN 0 THEN NULL WHEN 1 THEN '2024' WHEN 2 THEN '2024-11' "
    "WHEN 3 THEN '2024-12-16' ELSE '2025-06-01' END, "
    "CASE WHEN n % 7 = 0 THEN 'unconfirmed' ELSE 'confirmed' END, "
    "CASE n % 6 WHEN 0 THEN '2024' WHEN 1 THEN '2025-05' WHEN 2 THEN '2025-06' "
    "WHEN 3 THEN '2025-06-14' WHEN 4 THEN NULL ELSE '2030' END FROM k;"
    "UPDATE commitment SET updated_at = '2020-01-0' || (id - 9000) || 'T00:00:00Z' "
    "WHERE id > 9000;";

/* For the staff's lists: 120 log lines, 60 drafts of the member editor, 70 submissions
 * waiting, 60 addresses found broken (used by links of XA0002). */
static const char staff_fixture_sql[] =
    "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 120) "
    "INSERT INTO audit_log (actor, action, object, detail) SELECT 'bot@example.org', "
    "'list_test', 'commitment:XA' || n, 'linha ' || n FROM k;"
    "INSERT INTO draft (staff_id, tbl, row_id, base_version, payload) SELECT (SELECT id "
    "FROM staff WHERE login = 'lia@example.org'), 'milestones', m.id, 1, "
    "'{\"title_pt\":\"Proposta de ensaio\"}' FROM milestone m WHERE m.commitment_id = 9001;"
    "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 70) "
    "INSERT INTO submission (kind, commitment_id, lang, author, email, body, status, "
    "confirmed_at) SELECT 'comment', 9001, 'pt', 'Cidadã ' || n, 'c' || n || "
    "'@example.org', 'Comentário de ensaio ' || n, 'pending', '2025-06-' || printf('%02d', "
    "1 + n / 3) || 'T10:00:00Z' FROM k;"
    "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 60) "
    "INSERT INTO link (commitment_id, kind, url, position) SELECT 9002, 'source', "
    "'https://example.invalid/doc' || n, n FROM k;"
    "INSERT INTO link_check (url, result, http_status, failure, error, checked_at, "
    "changed_at, broken_since) SELECT url, 'broken', 404, 'http', 'HTTP 404', "
    "'2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z', '2025-05-01T00:00:00Z' FROM link "
    "WHERE url GLOB 'https://example.invalid/doc*';";

/* The first number after "<h1>" and the first after "(de " in the heading of html, the
 * no-break spaces between thousands skipped; -1 when absent. */
static void
heading(const char *html, long long *matched, long long *all)
{
	const char *h = strstr(html, "<h1>"), *e = h ? strstr(h, "</h1>") : NULL, *p;
	long long   v[2] = { -1, -1 };
	int         i;

	for (i = 0, p = h; p != NULL && e != NULL && i < 2; i++) {
		p = i == 0 ? strchr(p, ':') : strstr(p, "(de ");
		if (p == NULL || p > e)
			break;
		for (v[i] = 0; p < e && *p != ')' && *p != '<'; p++)
			if (*p >= '0' && *p <= '9')
				v[i] = v[i] * 10 + (*p - '0');
			else if (i == 0 && *p == ' ' && p[1] == '(')
				break;
	}
	*matched = v[0];
	*all = v[1];
}

/* GETs uri as s, expects status st, and checks the heading's count (matched; all
 * -1: no "(de N)") and the rows of the table (rows, each a link to path/ID). */
static void
expect_list(const struct session *s, const char *uri, int st, long long matched, long long all,
    int rows, const char *path)
{
	struct res r;
	long long  m, a;
	char       needle[64];

	cgi_get(s, uri, &r);
	ck_assert_msg(r.status == st, "GET %s: %d, not %d", uri, r.status, st);
	heading(r.body.p, &m, &a);
	ck_assert_msg(m == matched && a == all,
	    "GET %s: heading %lld (de %lld), not %lld (de %lld)", uri, m, a, matched, all);
	snprintf(needle, sizeof needle, "<th scope=\"row\"><a href=\"%s/", path);
	ck_assert_msg(res_count(&r, needle) == rows, "GET %s: %d rows, not %d", uri,
	    res_count(&r, needle), rows);
	res_free(&r);
}

/* The milestones (all: every one; else those of commitment cid) that lib/progress.h
 * finds overdue (which 0) or stale (1) on TODAY, and the commitments with one. */
static void
rule_counts(int which, long long *milestones, long long *commitments)
{
	sqlite3      *db = sql_open_rw();
	sqlite3_stmt *s;
	long long     last = -1;
	int           hit;

	*milestones = *commitments = 0;
	ck_assert_ptr_nonnull(db);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "SELECT commitment_id, planned_end, coalesce(progress, -1), status, "
			     "progress_as_of FROM milestone ORDER BY commitment_id",
			     -1, &s, NULL),
	    SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *end = (const char *)sqlite3_column_text(s, 1);
		const char *st = (const char *)sqlite3_column_text(s, 3);
		const char *asof = (const char *)sqlite3_column_text(s, 4);
		int         pr = sqlite3_column_int(s, 2);

		hit = which == 0 ? progress_overdue(end, pr, st, TODAY)
				 : progress_stale(st, pr, asof, TODAY);
		if (!hit)
			continue;
		(*milestones)++;
		if (sqlite3_column_int64(s, 0) != last)
			(*commitments)++;
		last = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
}

START_TEST(paging_and_counts)
{
	long long  all = sql_one("SELECT count(*) FROM milestone"), pages = (all + 49) / 50;
	char       uri[96], want[128];
	struct res r;

	ck_assert_int_eq(all, 34 + 120); /* the seed's and the test's */
	expect_list(&focal, "/admin/milestones", 200, all, -1, 50, "/admin/milestones");
	expect_list(&focal, "/admin/milestones?page=2", 200, all, -1, 50, "/admin/milestones");
	snprintf(uri, sizeof uri, "/admin/milestones?page=%lld", pages);
	expect_list(&focal, uri, 200, all, -1, (int)(all - (pages - 1) * 50), "/admin/milestones");
	cgi_get(&focal, "/admin/milestones?page=2", &r);
	snprintf(want, sizeof want,
	    "<caption id=\"list-caption\">Marcos 51 a 100 de %lld</caption>", all);
	ck_assert_msg(strstr(r.body.p, want) != NULL, "page 2: no caption %s", want);
	snprintf(want, sizeof want, "<li aria-current=\"page\">Página 2 de %lld</li>", pages);
	ck_assert_msg(strstr(r.body.p, want) != NULL, "page 2: no %s", want);
	ck_assert(
	    strstr(r.body.p, "<nav class=\"pager\" aria-label=\"Páginas da lista\">") != NULL);
	ck_assert(strstr(r.body.p, "<a href=\"/admin/milestones\" rel=\"prev\">") != NULL);
	ck_assert(strstr(r.body.p, "<a href=\"/admin/milestones?page=3\" rel=\"next\">") != NULL);
	res_free(&r);
	cgi_get(&focal, "/admin/milestones", &r); /* the first page: no previous */
	ck_assert(strstr(r.body.p, "rel=\"prev\"") == NULL && strstr(r.body.p, "rel=\"next\""));
	res_free(&r);
	cgi_get(&focal, uri, &r); /* the last page: no next */
	ck_assert(strstr(r.body.p, "rel=\"next\"") == NULL && strstr(r.body.p, "rel=\"prev\""));
	res_free(&r);
	/* Past the last page: the last one, with a note. */
	snprintf(uri, sizeof uri, "/admin/milestones?page=%lld", pages + 1);
	expect_list(&focal, uri, 200, all, -1, (int)(all - (pages - 1) * 50), "/admin/milestones");
	cgi_get(&focal, uri, &r);
	snprintf(want, sizeof want, "A página %lld não existe: a lista tem %lld páginas", pages + 1,
	    pages);
	ck_assert_msg(strstr(r.body.p, want) != NULL, "no note past the end");
	res_free(&r);
	expect_list(
	    &focal, "/admin/commitments?plan=900&page=9", 200, 3, 27, 3, "/admin/commitments");
	expect_list(&focal, "/admin/commitments?plan=900&q=zzzz&page=2", 200, 0, 27, 0,
	    "/admin/commitments");
}
END_TEST

START_TEST(search)
{
	long long  pct = sql_one("SELECT count(*) FROM commitment WHERE instr(ogp_id || "
				  "coalesce(title_pt, '') || coalesce(title_en, ''), '%') > 0");
	long long  low = sql_one("SELECT count(*) FROM commitment WHERE instr(ogp_id || "
				  "coalesce(title_pt, '') || coalesce(title_en, ''), '_') > 0");
	struct res r;

	/* Case and accents do not matter, on either side. */
	expect_list(
	    &focal, "/admin/commitments?q=AREA+DE+ENSAIO", 200, 1, 27, 1, "/admin/commitments");
	expect_list(&focal, "/admin/commitments?q=%C3%A1rea+de+ensaio", 200, 1, 27, 1,
	    "/admin/commitments");
	expect_list(&focal, "/admin/milestones?q=xa0002", 200, 45, 154, 45 > 50 ? 50 : 45,
	    "/admin/milestones");
	expect_list(&focal, "/admin/milestones?q=%20%20Test+milestone+11%20", 200, 10, 154, 10,
	    "/admin/milestones"); /* 11 and 111-119: 110 has no English title */
	/* % and _ are letters, not wildcards. */
	ck_assert_int_ge(pct, 1);
	ck_assert_int_ge(low, 1);
	expect_list(
	    &focal, "/admin/commitments?q=%25", 200, pct, 27, (int)pct, "/admin/commitments");
	expect_list(&focal, "/admin/commitments?q=_", 200, low, 27, (int)low, "/admin/commitments");
	expect_list(&focal, "/admin/entities?q=lxo", 200, 1, 35, 1, "/admin/entities");
	/* A search shaped like SQL is text to find. */
	expect_list(
	    &focal, "/admin/milestones?q=%27+OR+1%3D1+--", 200, 0, 154, 0, "/admin/milestones");
	expect_list(&focal, "/admin/milestones?q=%27%3B+DROP+TABLE+milestone%3B+--", 200, 0, 154, 0,
	    "/admin/milestones");
	ck_assert_int_eq(sql_one("SELECT count(*) FROM milestone"), 154);
	cgi_get(&focal, "/admin/milestones?q=%27+OR+1%3D1+--", &r);
	ck_assert(strstr(r.body.p, "Nenhum registo corresponde à pesquisa e aos filtros.") != NULL);
	ck_assert(strstr(r.body.p, "value=\"&#39; OR 1=1 --\"") != NULL); /* kept, escaped */
	res_free(&r);
}
END_TEST

/* GETs uri and checks the heading counts matched of all (no table check). */
static void
expect_count(const struct session *s, const char *uri, long long matched, long long all)
{
	struct res r;
	long long  m, a;

	cgi_get(s, uri, &r);
	ck_assert_msg(r.status == 200, "GET %s: %d", uri, r.status);
	heading(r.body.p, &m, &a);
	ck_assert_msg(m == matched && a == all, "GET %s: %lld (de %lld), not %lld (de %lld)", uri,
	    m, a, matched, all);
	res_free(&r);
}

START_TEST(filters)
{
	long long ms = 154, cm = 27, o_ms, o_cm, s_ms, s_cm;

	rule_counts(0, &o_ms, &o_cm);
	rule_counts(1, &s_ms, &s_cm);
	ck_assert(o_ms > 0 && o_ms < ms && s_ms > 0 && s_ms < ms);
	/* Milestones. */
	expect_count(&focal, "/admin/milestones?plan=900", 120, ms);
	expect_count(&focal, "/admin/milestones?commitment=9002", 45, ms);
	expect_count(&focal, "/admin/milestones?lead=900", 60, ms); /* 9003: supported only */
	expect_count(&focal, "/admin/milestones?status=complete",
	    sql_one("SELECT count(*) FROM milestone WHERE status = 'complete'"), ms);
	expect_count(&focal, "/admin/milestones?status=none",
	    sql_one("SELECT count(*) FROM milestone WHERE status IS NULL"), ms);
	expect_count(&focal, "/admin/milestones?overdue=1", o_ms, ms);
	expect_count(&focal, "/admin/milestones?stale=1", s_ms, ms);
	expect_count(&focal, "/admin/milestones?missing=1",
	    sql_one("SELECT count(*) FROM milestone WHERE (title_pt IS NULL) <> (title_en IS "
		    "NULL)"),
	    ms);
	expect_count(&focal, "/admin/milestones?plan=900&unconfirmed=1", 120 / 7, ms);
	expect_count(&focal, "/admin/milestones?plan=900&status=in_progress&missing=1", 0, ms);
	expect_count(&focal, "/admin/milestones?plan=900&status=complete&missing=1", 6, ms);
	/* Commitments. */
	expect_count(&focal, "/admin/commitments?plan=900", 3, cm);
	expect_count(&focal, "/admin/commitments?lead=901", 1, cm);
	expect_count(&focal, "/admin/commitments?status=limited",
	    sql_one("SELECT count(*) FROM commitment WHERE self_status = 'limited'"), cm);
	expect_count(&focal, "/admin/commitments?status=none",
	    sql_one("SELECT count(*) FROM commitment WHERE self_status IS NULL"), cm);
	expect_count(&focal, "/admin/commitments?overdue=1", o_cm, cm);
	expect_count(&focal, "/admin/commitments?stale=1", s_cm, cm);
	expect_count(&focal, "/admin/commitments?plan=900&missing=1", 1, cm);
	expect_count(&focal, "/admin/commitments?plan=900&unconfirmed=1", 1, cm);
	expect_count(&focal, "/admin/commitments?plan=900&lead=900&status=limited&stale=1", 1, cm);
	/* The other kinds. */
	expect_count(&focal, "/admin/plans?status=implementation",
	    sql_one("SELECT count(*) FROM action_plan WHERE status = 'implementation'"), 4);
	expect_count(&focal, "/admin/entities?kind=academia",
	    sql_one("SELECT count(*) FROM entity WHERE kind = 'academia'"), 35);
	expect_count(&focal, "/admin/entities?member=1",
	    sql_one("SELECT count(*) FROM entity WHERE is_member = 1"), 35);
	expect_count(&focal, "/admin/entities?missing=1",
	    sql_one("SELECT count(*) FROM entity WHERE (name_pt IS NULL) <> (name_en IS NULL) OR "
		    "(description_pt IS NULL) <> (description_en IS NULL)"),
	    35);
	expect_count(&focal, "/admin/events?year=2024",
	    sql_one("SELECT count(*) FROM event WHERE substr(start_date, 1, 4) = '2024'"),
	    sql_one("SELECT count(*) FROM event"));
}
END_TEST

/* The ids of path's rows in page uri, in order, as "1,2,3". */
static void
row_ids(const char *uri, const char *path, char *out, size_t len)
{
	struct res  r;
	char        needle[64];
	const char *p;
	size_t      o = 0;

	cgi_get(&focal, uri, &r);
	ck_assert_msg(r.status == 200, "GET %s: %d", uri, r.status);
	snprintf(needle, sizeof needle, "<th scope=\"row\"><a href=\"%s/", path);
	out[0] = '\0';
	for (p = r.body.p; (p = strstr(p, needle)) != NULL && o + 12 < len;) {
		p += strlen(needle);
		o += (size_t)snprintf(
		    out + o, len - o, "%s%lld", o ? "," : "", strtoll(p, NULL, 10));
	}
	res_free(&r);
}

START_TEST(sorting)
{
	static const struct {
		const char *list, *sorts[6];
	} lists[] = {
		{ "plans", { "number", "title", "start", "updated", NULL } },
		{ "commitments", { "plan", "ogp", "title", "end", "updated", NULL } },
		{ "milestones", { "plan", "end", "progress", "title", "updated", NULL } },
		{ "entities", { "name", "acronym", "updated", NULL } },
		{ "events", { "date", "title", "updated", NULL } },
		{ "consultations", { "opens", "title", "updated", NULL } },
		{ "pages", { "slug", "title", "updated", NULL } },
	};
	char   ids[256], uri[128], path[64];
	size_t i, j;

	row_ids("/admin/commitments?plan=900", "/admin/commitments", ids, sizeof ids);
	ck_assert_str_eq(ids, "9001,9002,9003");
	row_ids("/admin/commitments?plan=900&sort=updated", "/admin/commitments", ids, sizeof ids);
	ck_assert_str_eq(ids, "9003,9002,9001");
	row_ids("/admin/commitments?q=ensaio&sort=title", "/admin/commitments", ids, sizeof ids);
	ck_assert_str_eq(ids, "9001"); /* Área: before every other, its accent aside */
	row_ids("/admin/commitments?plan=900&sort=title", "/admin/commitments", ids, sizeof ids);
	ck_assert_str_eq(ids, "9001,9002,9003");
	row_ids("/admin/milestones?commitment=9003&sort=progress", "/admin/milestones", ids,
	    sizeof ids);
	ck_assert_msg(strcmp(ids, "") != 0, "no rows");
	ck_assert_int_eq(sql_one("SELECT count(*) FROM milestone WHERE commitment_id = 9003"), 15);
	for (i = 0; i < sizeof lists / sizeof lists[0]; i++)
		for (j = 0; lists[i].sorts[j] != NULL; j++) {
			snprintf(
			    uri, sizeof uri, "/admin/%s?sort=%s", lists[i].list, lists[i].sorts[j]);
			snprintf(path, sizeof path, "/admin/%s", lists[i].list);
			row_ids(uri, path, ids, sizeof ids);
			ck_assert_msg(ids[0] != '\0', "%s: no rows", uri);
		}
}
END_TEST

START_TEST(member_scope)
{
	struct res r;

	expect_list(&member, "/admin/commitments", 200, 2, -1, 2, "/admin/commitments");
	expect_list(&member, "/admin/milestones", 200, 75, -1, 50, "/admin/milestones");
	expect_list(&member, "/admin/milestones?page=2", 200, 75, -1, 25, "/admin/milestones");
	expect_list(&member, "/admin/milestones?q=ensaio", 200, 75, 75, 50, "/admin/milestones");
	expect_list(
	    &member, "/admin/milestones?commitment=9002", 200, 0, 75, 0, "/admin/milestones");
	expect_list(&member, "/admin/milestones?lead=901", 200, 0, 75, 0, "/admin/milestones");
	expect_list(&member, "/admin/commitments?stale=1", 200, 2, 2, 2, "/admin/commitments");
	cgi_get(&member, "/admin/commitments", &r);
	ck_assert(strstr(r.body.p, "XA0002") == NULL && strstr(r.body.p, "XA0003") != NULL);
	res_free(&r);
	cgi_get(&member, "/admin/milestones?page=2", &r);
	ck_assert(strstr(r.body.p, "XA0002") == NULL && strstr(r.body.p, "Página 2 de 2") != NULL);
	res_free(&r);
	cgi_get(&member, "/admin/plans", &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	cgi_get(&member, "/admin/entities?q=x", &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
}
END_TEST

/* GETs uri and expects 400 naming parameter name with text why. */
static void
expect_refused(const char *uri, const char *name, const char *why)
{
	struct res r;
	char       want[160];

	cgi_get(&focal, uri, &r);
	ck_assert_msg(r.status == 400, "GET %s: %d, not 400", uri, r.status);
	snprintf(want, sizeof want, "<li>%s = «", name);
	ck_assert_msg(strstr(r.body.p, want) != NULL && strstr(r.body.p, why) != NULL,
	    "GET %s: no message on %s (%s)", uri, name, why);
	ck_assert_msg(strstr(r.body.p, "role=\"alert\"") != NULL &&
		strstr(r.body.p, "<form method=\"get\"") != NULL &&
		strstr(r.body.p, "<table") == NULL,
	    "GET %s: the message and the form, no table", uri);
	res_free(&r);
}

START_TEST(bad_parameters)
{
	char q[300];

	expect_refused("/admin/milestones?page=abc", "page", "não é um número de página");
	expect_refused("/admin/milestones?page=0", "page", "não é um número de página");
	expect_refused("/admin/milestones?page=-1", "page", "não é um número de página");
	expect_refused("/admin/milestones?page=99999999999", "page", "não é um número de página");
	expect_refused("/admin/commitments?sort=evil", "sort", "ordem desconhecida");
	expect_refused(
	    "/admin/commitments?sort=p.number%3B+DROP+TABLE+x", "sort", "ordem desconhecida");
	expect_refused("/admin/milestones?plan=0x", "plan", "não é um número de registo");
	expect_refused("/admin/milestones?plan=1+OR+1%3D1", "plan", "não é um número de registo");
	expect_refused("/admin/milestones?status=evil", "status", "estado desconhecido");
	expect_refused(
	    "/admin/milestones?status=x%27+OR+%271%27%3D%271", "status", "estado desconhecido");
	expect_refused("/admin/commitments?status=in_progress", "status", "estado desconhecido");
	expect_refused("/admin/milestones?overdue=2", "overdue", "use 1");
	expect_refused("/admin/entities?member=2", "member", "use 1 ou 0");
	expect_refused("/admin/entities?kind=foo", "kind", "tipo desconhecido");
	expect_refused("/admin/events?year=20x5", "year", "não é um ano");
	expect_refused("/admin/milestones?q=a&q=b", "q", "repetido");
	memset(q, 'a', sizeof q);
	memcpy(q, "/admin/milestones?q=", 20);
	q[20 + 201] = '\0';
	expect_refused(q, "q", "mais de 200 carateres");
	/* A filter the list does not have is not in its form: it is ignored. */
	expect_count(&focal, "/admin/plans?lead=1", 4, -1);
}
END_TEST

START_TEST(state_in_the_address)
{
	struct res r;

	cgi_get(&focal, "/admin/milestones?q=Marco+de+ensaio&plan=900&stale=1&sort=end", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_msg(strstr(r.body.p,
			  "href=\"/admin/milestones?q=Marco%20de%20ensaio&amp;plan=900"
			  "&amp;stale=1&amp;sort=end&amp;page=2\" rel=\"next\"") != NULL,
	    "the next page keeps the search, the filters and the order");
	ck_assert(strstr(r.body.p, "<option value=\"end\" selected>") != NULL);
	ck_assert(strstr(r.body.p, "name=\"stale\" type=\"checkbox\" value=\"1\" checked") != NULL);
	ck_assert(strstr(r.body.p, "<option value=\"900\" selected>") != NULL);
	res_free(&r);
	/* A milestone's row links to its form and to its commitment's workspace. */
	cgi_get(&focal, "/admin/milestones?commitment=9002", &r);
	ck_assert(strstr(r.body.p, "<td><a href=\"/admin/commitments/9002\">XA0002</a></td>"));
	ck_assert(strstr(r.body.p, "mostrar todos") != NULL);
	res_free(&r);
	cgi_get(&focal, "/admin/commitments?plan=900", &r);
	ck_assert(strstr(r.body.p,
	    "<td>45 <a class=\"small\" "
	    "href=\"/admin/milestones?commitment=9002\">ver os marcos</a></td>"));
	res_free(&r);
}
END_TEST

START_TEST(accessible_markup)
{
	static const char *const uris[] = { "/admin/plans", "/admin/commitments",
		"/admin/milestones", "/admin/entities", "/admin/events", "/admin/consultations",
		"/admin/pages", NULL };
	struct res               r;
	const char              *p;
	char                     id[64], lab[80];
	int                      i;

	for (i = 0; uris[i] != NULL; i++) {
		cgi_get(&focal, uris[i], &r);
		ck_assert_msg(r.status == 200, "%s: %d", uris[i], r.status);
		ck_assert(strstr(r.body.p, "<caption id=\"list-caption\">") != NULL);
		ck_assert(strstr(r.body.p, "<nav class=\"pager\" aria-label=") != NULL);
		ck_assert(strstr(r.body.p, "aria-current=\"page\">Página 1 de ") != NULL);
		/* Every control of the form has its label. */
		for (p = r.body.p; (p = strstr(p, " id=\"f-")) != NULL; p++) {
			sscanf(p + 5, "%63[^\"]", id);
			if (strstr(id, "-hint") != NULL)
				continue; /* the hint of the search box */
			snprintf(lab, sizeof lab, "<label for=\"%s\">", id);
			ck_assert_msg(
			    strstr(r.body.p, lab) != NULL, "%s: %s has no label", uris[i], id);
		}
		res_free(&r);
	}
}
END_TEST

/* GETs uri as s: status st and needle standing n times in the answer. */
static void
expect_n(const struct session *s, const char *uri, int st, const char *needle, int n)
{
	struct res r;

	cgi_get(s, uri, &r);
	ck_assert_msg(r.status == st, "GET %s: %d, not %d", uri, r.status, st);
	ck_assert_msg(res_count(&r, needle) == n, "GET %s: %s %d times, not %d", uri, needle,
	    res_count(&r, needle), n);
	res_free(&r);
}

START_TEST(staff_lists)
{
	long long logs = sql_one("SELECT count(*) FROM audit_log");
	char      want[160], a[32];

	/* The security log: 120 lines of the test's own, newest first, 50 a page. */
	if (logs >= 1000)
		snprintf(a, sizeof a, "%lld\xc2\xa0%03lld", logs / 1000, logs % 1000);
	else
		snprintf(a, sizeof a, "%lld", logs);
	snprintf(want, sizeof want, "Segurança e acessos: linhas 51 a 100 de 120 (entre %s)", a);
	expect_n(&admin, "/admin/audit?record=list_test&page=2", 200, want, 1);
	expect_n(&admin, "/admin/audit?record=list_test&page=3", 200, "<td>list_test</td>", 20);
	expect_n(&admin, "/admin/audit?user=BOT%40example.org&record=XA119", 200,
	    "<td>commitment:XA119</td>", 1);
	expect_n(&admin, "/admin/audit?record=list_test&from=2025-13-01", 400, "<li>from = «", 1);
	expect_n(&admin, "/admin/audit?log=changes&record=zzzz", 200, "linhas 0 a 0 de 0", 1);
	expect_n(&admin, "/admin/audit?record=list_test&page=2", 200,
	    "href=\"/admin/audit?record=list_test&amp;page=3\" rel=\"next\"", 1);
	/* The drafts waiting for review. */
	expect_n(&focal, "/admin/reviews", 200, "<h1>Revisões pendentes: 60</h1>", 1);
	expect_n(&focal, "/admin/reviews?page=2", 200, "<section class=\"review\"", 10);
	expect_n(&focal, "/admin/reviews?q=lia", 200, "<h1>Revisões pendentes: 60 (de 60)</h1>", 1);
	expect_n(&focal, "/admin/reviews?q=zzzz", 200, "Nenhuma revisão corresponde", 1);
	expect_n(&focal, "/admin/reviews?page=x", 400, "<li>page = «x»", 1);
	/* The accounts. */
	expect_n(&admin, "/admin/users", 200, "<h1>Utilizadores: 3</h1>", 1);
	expect_n(&admin, "/admin/users?role=member", 200, "<h1>Utilizadores: 1 (de 3)</h1>", 1);
	expect_n(&admin, "/admin/users?q=INES", 200, "href=\"/admin/users/", 1);
	expect_n(&admin, "/admin/users?role=evil", 400, "papel desconhecido", 1);
	/* The addresses found broken, with the records that use them. */
	expect_n(
	    &focal, "/admin/links", 200, "Ligações quebradas e redirecionadas: 60 endereços", 1);
	expect_n(&focal, "/admin/links?page=2", 200, "<section class=\"card linkcheck", 10);
	expect_n(&focal, "/admin/links?q=doc4", 200, "<section class=\"card linkcheck", 11);
	expect_n(&focal, "/admin/links?result=redirect", 200, "Nenhum endereço corresponde", 1);
	expect_n(&focal, "/admin/links?result=ok", 400, "resultado desconhecido", 1);
}
END_TEST

START_TEST(submissions_by_page)
{
	struct res  r;
	const char *p;
	long long   id1, id2, ver;
	char        uri[64], body[256];

	expect_n(&focal, "/admin/submissions", 200, "à espera de moderação: 70</h1>", 1);
	expect_n(&focal, "/admin/submissions?page=2", 200, "<section class=\"review\"", 20);
	expect_n(&focal, "/admin/submissions?q=Cidad%C3%A3+7", 200,
	    "à espera de moderação: 2 (de 70)", 1); /* 7 and 70 */
	/* A decision applies to the page the moderator saw: the form's address carries it. */
	cgi_get(&admin, "/admin/submissions", &r);
	ck_assert_ptr_nonnull(p = strstr(r.body.p, "<input type=\"hidden\" name=\"v"));
	id1 = strtoll(p + 28, NULL, 10);
	res_free(&r);
	cgi_get(&admin, "/admin/submissions?page=2", &r);
	ck_assert(strstr(r.body.p, "action=\"/admin/submissions?page=2\"") != NULL);
	ck_assert_ptr_nonnull(p = strstr(r.body.p, "<input type=\"hidden\" name=\"v"));
	id2 = strtoll(p + 28, NULL, 10);
	ck_assert_ptr_nonnull(p = strstr(p, "value=\""));
	ver = strtoll(p + 7, NULL, 10);
	res_free(&r);
	snprintf(body, sizeof body, "csrf=%s&v%lld=%lld&a%lld=publish&v%lld=1&a%lld=spam",
	    admin.csrf, id2, ver, id2, id1, id1);
	snprintf(uri, sizeof uri, "/admin/submissions?page=2");
	cgi_as(&admin, "POST", uri, body, &r);
	ck_assert_msg(r.status == 303, "POST: %d", r.status);
	res_free(&r);
	ck_assert_int_eq(
	    sql_int("SELECT status = 'published' FROM submission WHERE id = ?2", NULL, id2, 0, -1),
	    1);
	ck_assert_int_eq(
	    sql_int("SELECT status = 'pending' FROM submission WHERE id = ?2", NULL, id1, 0, -1),
	    1); /* not on that page: not decided */
	expect_n(&focal, "/admin/submissions", 200, "à espera de moderação: 69</h1>", 1);
}
END_TEST

/* Writes byte b over the first byte of the root page of table tbl in the database
 * file (its b-tree page type, after the WAL is written back) and returns the byte that
 * was there, or -1. */
static int
poke_root(const char *tbl, int b)
{
	long long root =
	    sql_int("SELECT rootpage FROM sqlite_schema WHERE name = ?1", tbl, 0, 0, 0);
	long long size = sql_int("PRAGMA page_size", NULL, 0, 0, 0);
	FILE     *f;
	int       old = -1;

	sql_int("PRAGMA wal_checkpoint(TRUNCATE)", NULL, 0, 0, 0);
	if (root < 2 || size < 512 || (f = fopen(cgi_db, "r+b")) == NULL)
		return -1;
	if (fseek(f, (root - 1) * size, SEEK_SET) == 0 && (old = fgetc(f)) != EOF &&
	    fseek(f, (root - 1) * size, SEEK_SET) == 0)
		fputc(b, f);
	fclose(f);
	return old;
}

/* GETs uri and expects the error page of a database fault (503), no list. */
static void
expect_fault(const char *uri)
{
	struct res r;

	cgi_get(&focal, uri, &r);
	ck_assert_msg(r.status == 503, "GET %s: %d, not 503", uri, r.status);
	ck_assert_msg(strstr(r.body.p, "<table") == NULL && strstr(r.body.p, "<caption") == NULL &&
		strstr(r.body.p, "Página 1 de") == NULL,
	    "GET %s: a part of the list", uri);
	res_free(&r);
}

START_TEST(db_failure)
{
	int old;

	/* The milestones' table unreadable (a page that is no b-tree page: SQLite reports
	 * the database corrupt, a storage fault).  The count of the milestones reads an
	 * index and succeeds; their rows, and a commitment's counts of overdue and stale
	 * milestones, fail. */
	old = poke_root("milestone", 0);
	ck_assert_msg(old == 0x05 || old == 0x0d, "the root page of milestone: %d", old);
	expect_fault("/admin/milestones");
	expect_fault("/admin/milestones?page=3");
	expect_fault("/admin/milestones?q=ensaio");
	expect_fault("/admin/commitments");
	ck_assert_int_eq(poke_root("milestone", old), 0);
	expect_list(&focal, "/admin/milestones?plan=900", 200, 120, 154, 50, "/admin/milestones");
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { paging_and_counts, search, filters, sorting, member_scope,
		bad_parameters, state_in_the_address, accessible_markup, staff_lists,
		submissions_by_page, db_failure, NULL };

	if (cgi_setup("aberta-admin-lists", env) != 0)
		return 1;
	if (sql_exec(fixture_sql) != 0 ||
	    staff_session("ines@example.org", "Inês Focal", "focal", NULL, &focal) != 0 ||
	    staff_session("lia@example.org", "Lia Editora", "member", "lista-ensaio", &member) !=
		0 ||
	    staff_session("ana@example.org", "Ana Administradora", "admin", NULL, &admin) != 0 ||
	    sql_exec(staff_fixture_sql) != 0) {
		printf("Bail out! cannot make the records, the accounts or the sessions\n");
		return 1;
	}
	return cgi_tests_main(tests_suite("admin_lists", 300, tests));
}
