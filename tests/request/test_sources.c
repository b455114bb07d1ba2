/* The sources and evidence of a record in the admin (admin/admin_sources.c): listed in
 * order with what the link checker found, added (bad addresses, kinds and texts
 * refused with nothing written), corrected with revision rows and a conflict when
 * another editor changed the link, removed after a confirmation, reordered, a
 * milestone's evidence uploaded; member editors refused, a POST without the session's
 * token refused; /admin/links's edit links open the right form at the right field; the
 * public page and its History show the corrected link, whose new address waits for the
 * link checker's next run.  The real binary in CGI mode, logged in by session rows of
 * the test's own, on a test database with the real content.  TAP output through
 * Check. */
#include <sqlite3.h>
#include <sys/stat.h>

#include "../lib/client.h"
#include "../lib/testlib.h"
#include "store/db.h"
#include "store/linkstate.h"
#include "store/stmt.h"

#define UPLOADS "/tmp/aberta-sources-uploads"
#define SHA_OLD "1111111111111111111111111111111111111111111111111111111111111111"

/* What every request adds (see cgi_as). */
static const char *const env[] = { "ABERTA_UPLOADS=" UPLOADS, NULL };
static struct session    focal, member;

/* The records of the tests, made once (see main): plan 93 with its document, a
 * listed document, commitment PT0993 (led by the member editor's body) with two
 * sources and a milestone with one evidence; PT0994 with three links to reorder and
 * PT0996 with two at the same position; what the link checker found for some. */
static const char fixture_sql[] =
    "INSERT INTO action_plan (number, title_pt, document_url) VALUES (93, 'Plano das fontes', "
    "'https://example.org/plano-93.pdf');"
    "INSERT INTO plan_document (plan_id, position, kind, url) SELECT id, 1, 'plan_text', "
    "'https://example.org/texto-93.pdf' FROM action_plan WHERE number = 93;"
    "INSERT INTO entity (slug, name_pt, kind) VALUES ('fontes-a', 'Entidade das fontes', "
    "'public');"
    "INSERT INTO commitment (ogp_id, plan_id, title_pt) SELECT c, p.id, 'Compromisso ' || c "
    "FROM action_plan p, (SELECT 'PT0993' c UNION ALL SELECT 'PT0994' UNION ALL SELECT "
    "'PT0996') WHERE p.number = 93;"
    "INSERT INTO commitment_entity (commitment_id, entity_id, role, position) SELECT c.id, "
    "e.id, 'lead', 0 FROM commitment c, entity e WHERE c.ogp_id = 'PT0993' AND e.slug = "
    "'fontes-a';"
    "INSERT INTO milestone (commitment_id, position, title_pt, progress_source) SELECT id, 1, "
    "'Marco das fontes', 'https://example.org/progresso-993' FROM commitment WHERE ogp_id = "
    "'PT0993';"
    "INSERT INTO link (commitment_id, kind, url, label_pt, position) SELECT id, 'source', "
    "'https://example.org/antiga', 'Fonte antiga', 0 FROM commitment WHERE ogp_id = 'PT0993';"
    "INSERT INTO link (commitment_id, kind, url, position) SELECT id, 'ogp_page', "
    "'https://example.org/ogp-993', 1 FROM commitment WHERE ogp_id = 'PT0993';"
    "INSERT INTO link (milestone_id, kind, url, position) SELECT m.id, 'evidence', "
    "'https://example.org/evidencia-antiga.pdf', 0 FROM milestone m JOIN commitment c ON "
    "c.id = m.commitment_id WHERE c.ogp_id = 'PT0993';"
    "INSERT INTO link (commitment_id, kind, url, position) SELECT c.id, 'source', "
    "'https://example.org/ordem-' || n, n FROM commitment c, (SELECT 0 n UNION ALL SELECT 1 "
    "UNION ALL SELECT 2) WHERE c.ogp_id = 'PT0994';"
    "INSERT INTO link (commitment_id, kind, url, position) SELECT c.id, 'source', "
    "'https://example.org/empate-' || n, 5 FROM commitment c, (SELECT 0 n UNION ALL SELECT "
    "1) WHERE c.ogp_id = 'PT0996';"
    "INSERT INTO upload (sha256, size, mime, name) VALUES ('" SHA_OLD
    "', 10, 'application/pdf', 'antiga.pdf');"
    "INSERT INTO link_check (url, result, http_status, error, checked_at, changed_at, "
    "broken_since) SELECT u, 'broken', 404, 'HTTP 404', '2026-01-10T03:00:00Z', "
    "'2026-01-02T03:00:00Z', '2026-01-02T03:00:00Z' FROM (SELECT "
    "'https://example.org/antiga' u UNION ALL SELECT 'https://example.org/plano-93.pdf' "
    "UNION ALL SELECT 'https://example.org/texto-93.pdf' UNION ALL SELECT "
    "'https://example.org/progresso-993' UNION ALL SELECT "
    "'https://example.org/evidencia-antiga.pdf');"
    "INSERT INTO link_check (url, result, http_status, checked_at, changed_at) VALUES "
    "('https://example.org/ogp-993', 'ok', 200, '2026-01-10T03:00:00Z', "
    "'2025-11-01T03:00:00Z');"
    "INSERT INTO link_archive (url, upload_sha, fetched_at) VALUES "
    "('https://example.org/antiga', '" SHA_OLD "', '2025-12-01T00:00:00Z'), "
    "('https://example.org/evidencia-antiga.pdf', '" SHA_OLD "', '2025-12-01T00:00:00Z');";

/* The id of commitment ogp (its column col: "id", "plan_id"). */
static long long
cm(const char *ogp, const char *col)
{
	char sql[96];

	snprintf(sql, sizeof sql, "SELECT %s FROM commitment WHERE ogp_id = ?1", col);
	return sql_int(sql, ogp, 0, 0, -1);
}

/* The id of the link to url. */
static long long
link_to(const char *url)
{
	return sql_int("SELECT id FROM link WHERE url = ?1", url, 0, 0, -1);
}

/* How many revision rows of link id are op on field (NULL: the row of the operation
 * itself) with before and after (NULL: whatever they hold). */
static long long
revs(long long id, const char *op, const char *field, const char *before, const char *after)
{
	sqlite3      *db = sql_open_rw();
	sqlite3_stmt *s;
	long long     n = -1;

	ck_assert_ptr_nonnull(db);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "SELECT count(*) FROM revision WHERE tbl = 'link' AND row_id = ?1 AND "
			     "op = ?2 AND field IS ?3 AND (?4 IS NULL OR before = ?4) AND (?5 IS "
			     "NULL OR after = ?5)",
			     -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, op, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, before, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, after, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* Fails unless every revision row of link id goes to the History of commitment cid (0:
 * none) and plan pid. */
static void
revs_owned(long long id, long long cid, long long pid)
{
	ck_assert_int_gt(sql_int("SELECT count(*) FROM revision WHERE tbl = 'link' AND row_id = ?2",
			     NULL, id, 0, -1),
	    0);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM revision WHERE tbl = 'link' AND row_id = "
				 "?2 AND commitment_id IS NOT nullif(?3, 0)",
			     NULL, id, cid, -1),
	    0);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM revision WHERE tbl = 'link' AND row_id = "
				 "?2 AND plan_id IS NOT ?3",
			     NULL, id, pid, -1),
	    0);
}

/* The number of rows of table. */
static long long
count_of(const char *table)
{
	char sql[96];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	return sql_int(sql, NULL, 0, 0, -1);
}

/* Fails unless r's status is want. */
#define STATUS(r, want) \
	ck_assert_msg((r).status == (want), "%s:%d: status %d, not %d: %.400s", __FILE__, \
	    __LINE__, (r).status, (want), (r).body.p)

/* The list: every link of PT0993 in order, its kind, texts, what the checker found and
 * the archived copy; the forms carry the page's order and the session's token. */
START_TEST(list_in_order)
{
	struct res  r;
	char        path[96];
	const char *a, *b;

	snprintf(path, sizeof path, "/admin/commitments/%lld/sources", cm("PT0993", "id"));
	cgi_get(&focal, path, &r);
	STATUS(r, 200);
	a = strstr(r.body.p, "https://example.org/antiga");
	b = strstr(r.body.p, "https://example.org/ogp-993");
	ck_assert_msg(a != NULL && b != NULL && a < b, "the links are not in their order");
	ck_assert_ptr_nonnull(strstr(r.body.p, "<h1>Fontes e evidências: Compromisso PT0993</h1>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<title>Fontes e evidências: Compromisso PT0993 ·"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<td data-label=\"Tipo\">fonte</td>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<td data-label=\"Tipo\">página na OGP</td>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Fonte antiga"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Quebrada desde 2026-01-02 (HTTP 404)."));
	ck_assert_ptr_nonnull(
	    strstr(r.body.p, "A funcionar (verificada em 2026-01-10T03:00:00Z)."));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<a href=\"/admin/uploads/" SHA_OLD "\">cópia de"));
	ck_assert_ptr_nonnull(
	    strstr(r.body.p, "<caption>Fontes e evidências de Compromisso PT0993"));
	/* one card a link on small screens, long addresses wrapped (public/style.css) */
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "<div class=\"table-wrap reflow-wrap sources-wrap\">"
	    "<table class=\"reflow sources\">"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "name=\"csrf\" value=\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, focal.csrf));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<label for=\"f-url\">"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<label for=\"f-label_en\">"));
	/* the first link moves down only, the last up only */
	ck_assert_int_eq(res_count(&r, "value=\"up\""), 1);
	ck_assert_int_eq(res_count(&r, "value=\"down\""), 1);
	res_free(&r);
	cgi_get(&focal, "/admin/commitments/999999/sources", &r);
	STATUS(r, 404);
	res_free(&r);
	cgi_get(&focal, "/admin/pages/1/sources", &r);
	STATUS(r, 404);
	res_free(&r);
	/* the plan's and the body's forms link to their sources */
	snprintf(path, sizeof path, "/admin/plans/%lld", cm("PT0993", "plan_id"));
	cgi_get(&focal, path, &r);
	STATUS(r, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "/sources\">Fontes e evidências</a>"));
	res_free(&r);
}
END_TEST

/* Adding: bad addresses, kinds and texts refused beside their fields with nothing
 * written; a good link saved at the end of the list with its revision rows. */
START_TEST(add_good_and_bad)
{
	static const struct {
		const char *kind, *url, *pt, *field, *msg;
	} bad[] = {
		{ "source", "ftp://example.org/x", "X", "f-url",
		    "Endereço inválido: só http:// ou https://." },
		{ "source", "javascript:alert(1)", "X", "f-url", "Endereço inválido" },
		{ "source", "", "X", "f-url", "Campo obrigatório." },
		{ "evidence", "https://example.org/e", "X", "f-kind",
		    "Este tipo de ligação não se usa aqui" },
		{ "bogus", "https://example.org/e", "X", "f-kind", "Escolha um valor da lista." },
		{ "source", "https://example.org/e", NULL, "f-label_pt", "Texto demasiado longo." },
	};
	struct res r;
	char       path[96], anchor[64], longtext[520];
	long long  links = count_of("link"), revisions = count_of("revision"), id;
	long long  c = cm("PT0993", "id"), p = cm("PT0993", "plan_id");
	size_t     i;

	memset(longtext, 'a', 501);
	longtext[501] = '\0';
	snprintf(path, sizeof path, "/admin/commitments/%lld/sources", c);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cgi_post(&focal, path, &r, "kind", bad[i].kind, "url", bad[i].url, "label_pt",
		    bad[i].pt ? bad[i].pt : longtext, "label_en", "", NULL);
		STATUS(r, 400);
		snprintf(anchor, sizeof anchor, "<a href=\"#%s\">", bad[i].field);
		ck_assert_msg(strstr(r.body.p, anchor) != NULL, "%s: no summary link to %s",
		    bad[i].url, bad[i].field);
		ck_assert_msg(
		    strstr(r.body.p, bad[i].msg) != NULL, "%s: no \"%s\"", bad[i].url, bad[i].msg);
		ck_assert_ptr_nonnull(strstr(r.body.p, "aria-invalid=\"true\""));
		ck_assert_ptr_nonnull(strstr(r.body.p, "nada foi gravado"));
		res_free(&r);
	}
	ck_assert_int_eq(count_of("link"), links);
	ck_assert_int_eq(count_of("revision"), revisions);
	/* the values sent stay in the form */
	cgi_post(&focal, path, &r, "kind", "source", "url", "ftp://example.org/kept", "label_pt",
	    "Guardado", "label_en", "Kept", NULL);
	ck_assert_ptr_nonnull(strstr(r.body.p, "value=\"ftp://example.org/kept\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, "value=\"Kept\""));
	res_free(&r);

	cgi_post(&focal, path, &r, "kind", "document", "url", "https://example.org/nova",
	    "label_pt", "Nova fonte", "label_en", "New source", NULL);
	STATUS(r, 303);
	res_free(&r);
	id = link_to("https://example.org/nova");
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(sql_int("SELECT position FROM link WHERE id = ?2", NULL, id, 0, -1), 2);
	ck_assert_int_eq(revs(id, "create", NULL, NULL, NULL), 1);
	ck_assert_int_eq(revs(id, "create", "kind", NULL, "document"), 1);
	ck_assert_int_eq(revs(id, "create", "url", NULL, "https://example.org/nova"), 1);
	ck_assert_int_eq(revs(id, "create", "label_pt", NULL, "Nova fonte"), 1);
	ck_assert_int_eq(revs(id, "create", "label_en", NULL, "New source"), 1);
	revs_owned(id, c, p);
	snprintf(path, sizeof path, "/admin/commitments/%lld/sources?added=1", c);
	cgi_get(&focal, path, &r);
	STATUS(r, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Ligação acrescentada."));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Por verificar"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<td data-label=\"Tipo\">documento</td>"));
	res_free(&r);
}
END_TEST

/* Correcting: the form opens at the address, a save writes one revision row per
 * changed field, a save from a form opened before another editor's is refused with
 * both versions (nothing written) and goes through once sent again from that page. */
START_TEST(correct_and_conflict)
{
	struct form f1, f2, f3;
	struct res  r;
	char        path[96], got[256];
	long long   id = link_to("https://example.org/antiga");
	long long   c = cm("PT0993", "id"), p = cm("PT0993", "plan_id"), n;

	snprintf(path, sizeof path, "/admin/sources/%lld", id);
	cgi_get(&focal, path, &r);
	STATUS(r, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<input id=\"url\" name=\"url\" type=\"url\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, " autofocus>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<label for=\"url\">"));
	ck_assert_ptr_nonnull(
	    strstr(r.body.p, "<title>Corrigir a ligação 1 de Compromisso PT0993 ·"));
	res_free(&r);
	cgi_open_form(&focal, path, NULL, &f1, NULL);
	cgi_open_form(&focal, path, NULL, &f2, NULL);
	ck_assert_str_eq(form_val(&f1, "url"), "https://example.org/antiga");
	ck_assert_str_eq(form_val(&f1, "was_url"), "https://example.org/antiga");
	ck_assert_int_eq(revs(id, "update", "url", NULL, NULL), 0);

	form_set(&f2, "label_pt", "Fonte revista");
	cgi_post_form(&focal, path, &f2, &r);
	STATUS(r, 303);
	res_free(&r);
	ck_assert_int_eq(revs(id, "update", "label_pt", "Fonte antiga", "Fonte revista"), 1);

	n = count_of("revision");
	form_set(&f1, "url", "https://example.org/corrigida");
	cgi_post_form(&focal, path, &f1, &r);
	STATUS(r, 409);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Outra pessoa corrigiu esta ligação"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<td>Fonte revista</td>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "value=\"https://example.org/corrigida\""));
	ck_assert_int_eq(count_of("revision"), n);
	sql_text("SELECT url FROM link WHERE id = ?2", NULL, id, got, sizeof got);
	ck_assert_str_eq(got, "https://example.org/antiga");
	/* sent again from the conflict page: the editor's version is saved */
	ck_assert_int_eq(form_parse(r.body.p, path, &f3), 0);
	res_free(&r);
	ck_assert_str_eq(form_val(&f3, "was_label_pt"), "Fonte revista");
	cgi_post_form(&focal, path, &f3, &r);
	STATUS(r, 303);
	ck_assert_ptr_nonnull(strstr(r.head.p, "?saved=1"));
	res_free(&r);
	sql_text("SELECT url FROM link WHERE id = ?2", NULL, id, got, sizeof got);
	ck_assert_str_eq(got, "https://example.org/corrigida");
	ck_assert_int_eq(revs(id, "update", "url", "https://example.org/antiga",
			     "https://example.org/corrigida"),
	    1);
	ck_assert_int_eq(revs(id, "update", "label_pt", "Fonte revista", "Fonte antiga"), 1);
	revs_owned(id, c, p);

	/* bad values: refused beside their fields, nothing written */
	n = count_of("revision");
	form_free(&f2);
	cgi_open_form(&focal, path, NULL, &f2, NULL);
	form_set(&f2, "url", "not an address");
	form_set(&f2, "kind", "evidence");
	cgi_post_form(&focal, path, &f2, &r);
	STATUS(r, 400);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<a href=\"#url\">"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<a href=\"#kind\">"));
	res_free(&r);
	form_set(&f2, "was_url", NULL);
	cgi_post_form(&focal, path, &f2, &r);
	STATUS(r, 400);
	res_free(&r);
	ck_assert_int_eq(count_of("revision"), n);
	form_free(&f1);
	form_free(&f2);
	form_free(&f3);
}
END_TEST

/* 1 when the link checker's run of which would visit url. */
static int
visits(enum linkstate_urls which, const char *url)
{
	char     err[256], **v;
	size_t   n, i;
	int      found = 0;
	sqlite3 *db = db_open(cgi_db, 1, err, sizeof err);

	ck_assert_msg(db != NULL, "%s", err);
	ck_assert_msg(store_prepare(STORE_RW, db, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(linkstate_urls(which, &v, &n), 0);
	for (i = 0; i < n; i++)
		found |= strcmp(v[i], url) == 0;
	linkstate_urls_free(v, n);
	store_finalize(STORE_RW);
	db_close(db);
	return found;
}

/* A corrected address: on the public page and in its History (both languages, the
 * commitment's and the plan's), waiting for the checker's next run, without the old
 * address's result and archived copy. */
START_TEST(corrected_public_history_pending)
{
	static const char old[] = "https://example.org/evidencia-antiga.pdf";
	static const char neu[] = "https://example.org/evidencia-nova.pdf";
	struct form       f;
	struct res        r;
	char              path[96], want[300];
	long long         id = link_to(old);
	long long   ms = sql_int("SELECT milestone_id FROM link WHERE id = ?2", NULL, id, 0, -1);
	const char *row;

	ck_assert(visits(LS_CHECK, old));
	snprintf(path, sizeof path, "/admin/sources/%lld", id);
	cgi_open_form(&focal, path, NULL, &f, NULL);
	form_set(&f, "url", neu);
	cgi_post_form(&focal, path, &f, &r);
	STATUS(r, 303);
	res_free(&r);
	form_free(&f);

	/* the checker visits the new address on its next run, and archives it */
	ck_assert(visits(LS_CHECK, neu));
	ck_assert(!visits(LS_CHECK, old));
	ck_assert(visits(LS_ARCHIVE, neu));
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM link_check WHERE url = ?1", neu, 0, 0, -1), 0);
	snprintf(path, sizeof path, "/admin/milestones/%lld/sources", ms);
	cgi_get(&focal, path, &r);
	STATUS(r, 200);
	row = strstr(r.body.p, neu);
	ck_assert_ptr_nonnull(row);
	ck_assert_ptr_nonnull(strstr(row, "Por verificar"));
	ck_assert_ptr_null(strstr(r.body.p, "Quebrada desde"));
	ck_assert_ptr_null(strstr(r.body.p, SHA_OLD));
	res_free(&r);

	cgi_get(NULL, "/pt/commitments/PT0993", &r);
	STATUS(r, 200);
	snprintf(want, sizeof want, "href=\"%s\"", neu);
	ck_assert_ptr_nonnull(strstr(r.body.p, want));
	ck_assert_ptr_null(strstr(r.body.p, old));
	res_free(&r);
	snprintf(want, sizeof want, "Fonte ou evidência: Endereço: <del>%s</del> → <ins>%s</ins>",
	    old, neu);
	cgi_get(NULL, "/pt/commitments/PT0993/history", &r);
	STATUS(r, 200);
	ck_assert_msg(strstr(r.body.p, want) != NULL, "the History does not say: %s", want);
	res_free(&r);
	cgi_get(NULL, "/pt/plans/93/history", &r);
	STATUS(r, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, want));
	res_free(&r);
	snprintf(want, sizeof want, "Source or evidence: Address: <del>%s</del> → <ins>%s</ins>",
	    old, neu);
	cgi_get(NULL, "/en/commitments/PT0993/history", &r);
	STATUS(r, 200);
	ck_assert_msg(strstr(r.body.p, want) != NULL, "the History does not say: %s", want);
	res_free(&r);
}
END_TEST

/* Removing: a confirmation page first; a confirmation given before another editor's
 * change is refused; the removal keeps what the link held in the revision rows. */
START_TEST(remove_with_confirmation)
{
	struct form f;
	struct res  r;
	char        path[96];
	long long   id = link_to("https://example.org/ogp-993");
	long long   c = cm("PT0993", "id"), p = cm("PT0993", "plan_id");
	char        sql[96];

	snprintf(path, sizeof path, "/admin/sources/%lld/delete", id);
	cgi_get(&focal, path, &r);
	STATUS(r, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Remover definitivamente"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "https://example.org/ogp-993"));
	res_free(&r);
	ck_assert_int_eq(link_to("https://example.org/ogp-993"), id);
	cgi_open_form(&focal, path, NULL, &f, NULL);
	snprintf(sql, sizeof sql, "UPDATE link SET label_en = 'OGP page' WHERE id = %lld", id);
	sql_do(sql);
	cgi_post_form(&focal, path, &f, &r);
	STATUS(r, 409);
	ck_assert_ptr_nonnull(strstr(r.body.p, "A ligação mudou entretanto"));
	ck_assert_int_eq(link_to("https://example.org/ogp-993"), id);
	ck_assert_int_eq(revs(id, "delete", NULL, NULL, NULL), 0);
	form_free(&f);
	ck_assert_int_eq(form_parse(r.body.p, path, &f), 0);
	res_free(&r);
	cgi_post_form(&focal, path, &f, &r);
	STATUS(r, 303);
	ck_assert_ptr_nonnull(strstr(r.head.p, "?removed=1"));
	res_free(&r);
	ck_assert_int_eq(link_to("https://example.org/ogp-993"), -1);
	ck_assert_int_eq(revs(id, "delete", NULL, NULL, NULL), 1);
	ck_assert_int_eq(revs(id, "delete", "url", "https://example.org/ogp-993", NULL), 1);
	ck_assert_int_eq(revs(id, "delete", "kind", "ogp_page", NULL), 1);
	ck_assert_int_eq(revs(id, "delete", "label_en", "OGP page", NULL), 1);
	revs_owned(id, c, p);
	cgi_post_form(&focal, path, &f, &r);
	STATUS(r, 404);
	res_free(&r);
	form_free(&f);
	cgi_get(NULL, "/pt/commitments/PT0993/history", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Fonte ou evidência removida"));
	res_free(&r);
}
END_TEST

/* Reordering: one place up or down; only the positions that change are written, each
 * with its revision row; a page older than the order is refused; links at the same
 * position are numbered afresh. */
START_TEST(reorder)
{
	struct form f;
	struct res  r;
	char        list[96], order[112], a_s[24], seen[128];
	long long   c = cm("PT0994", "id");
	long long   a = link_to("https://example.org/ordem-0"),
		  b = link_to("https://example.org/ordem-1");
	long long x = link_to("https://example.org/empate-0"),
		  y = link_to("https://example.org/empate-1");
	const char *pa, *pb;

	snprintf(list, sizeof list, "/admin/commitments/%lld/sources", c);
	snprintf(order, sizeof order, "%s/order", list);
	cgi_get(&focal, list, &r);
	STATUS(r, 200);
	ck_assert_int_eq(form_parse(r.body.p, order, &f), 0);
	res_free(&r);
	snprintf(seen, sizeof seen, "%s", form_val(&f, "order"));
	form_free(&f);
	snprintf(a_s, sizeof a_s, "%lld", a);
	cgi_post(&focal, order, &r, "order", seen, "link", a_s, "move", "down", NULL);
	STATUS(r, 303);
	res_free(&r);
	ck_assert_int_eq(sql_int("SELECT position FROM link WHERE id = ?2", NULL, a, 0, -1), 1);
	ck_assert_int_eq(sql_int("SELECT position FROM link WHERE id = ?2", NULL, b, 0, -1), 0);
	ck_assert_int_eq(revs(a, "update", "position", "0", "1"), 1);
	ck_assert_int_eq(revs(b, "update", "position", "1", "0"), 1);
	ck_assert_int_eq(
	    revs(link_to("https://example.org/ordem-2"), "update", "position", NULL, NULL), 0);
	revs_owned(a, c, cm("PT0994", "plan_id"));
	/* the page seen before is out of date */
	cgi_post(&focal, order, &r, "order", seen, "link", a_s, "move", "up", NULL);
	STATUS(r, 409);
	ck_assert_ptr_nonnull(strstr(r.body.p, "A ordem mudou entretanto"));
	res_free(&r);
	ck_assert_int_eq(sql_int("SELECT position FROM link WHERE id = ?2", NULL, a, 0, -1), 1);
	/* the first cannot go up */
	snprintf(seen, sizeof seen, "%lld,%lld,%lld", b, a, link_to("https://example.org/ordem-2"));
	snprintf(a_s, sizeof a_s, "%lld", b);
	cgi_post(&focal, order, &r, "order", seen, "link", a_s, "move", "up", NULL);
	STATUS(r, 400);
	res_free(&r);
	cgi_get(NULL, "/pt/commitments/PT0994", &r);
	pa = strstr(r.body.p, "https://example.org/ordem-0");
	pb = strstr(r.body.p, "https://example.org/ordem-1");
	ck_assert_msg(pa != NULL && pb != NULL && pb < pa, "the public page keeps the old order");
	res_free(&r);

	/* two links at the same position: numbered afresh */
	snprintf(list, sizeof list, "/admin/commitments/%lld/sources/order", cm("PT0996", "id"));
	snprintf(seen, sizeof seen, "%lld,%lld", x, y);
	snprintf(a_s, sizeof a_s, "%lld", y);
	cgi_post(&focal, list, &r, "order", seen, "link", a_s, "move", "up", NULL);
	STATUS(r, 303);
	res_free(&r);
	ck_assert_int_eq(revs(y, "update", "position", "5", "0"), 1);
	ck_assert_int_eq(revs(x, "update", "position", "5", "1"), 1);
}
END_TEST

/* Posts the pairs (a NULL-ended list, after the csrf of the focal point) and, when
 * fname is not NULL, the document data called fname, as multipart, to uri. */
static void
post_multipart(
    const char *uri, const char *const *pairs, const char *fname, const char *data, struct res *r)
{
	struct buf body = { 0 };

	multipart_field(&body, "csrf", focal.csrf);
	for (; pairs[0] != NULL; pairs += 2)
		multipart_field(&body, pairs[0], pairs[1]);
	if (fname != NULL)
		multipart_file(&body, "file", fname, "application/pdf", data);
	cgi_post_multipart(&focal, uri, &body, r);
}

/* A milestone's evidence may be an uploaded document, stored and added with its texts
 * and revision rows; an address and a document at once, neither, a kind a milestone
 * does not have and a document that is not one are refused. */
START_TEST(milestone_upload)
{
	static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
	struct res        r;
	char              path[96], sha[80];
	long long         c = cm("PT0993", "id"), p = cm("PT0993", "plan_id"), id;
	long long ms = sql_int("SELECT id FROM milestone WHERE commitment_id = ?2", NULL, c, 0, -1);
	long long links = count_of("link");

	snprintf(path, sizeof path, "/admin/milestones/%lld/sources", ms);
	cgi_get(&focal, path, &r);
	STATUS(r, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "enctype=\"multipart/form-data\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<input id=\"f-file\" name=\"file\" type=\"file\""));
	res_free(&r);
	post_multipart(path,
	    (const char *const[]){ "kind", "evidence", "url", "https://example.org/x", NULL },
	    "r.pdf", pdf, &r);
	STATUS(r, 400);
	ck_assert_ptr_nonnull(strstr(r.body.p, "não os dois"));
	res_free(&r);
	post_multipart(path, (const char *const[]){ "kind", "evidence", NULL }, NULL, NULL, &r);
	STATUS(r, 400);
	ck_assert_ptr_nonnull(strstr(r.body.p, "carregue um documento"));
	res_free(&r);
	post_multipart(path, (const char *const[]){ "kind", "source", NULL }, "r.pdf", pdf, &r);
	STATUS(r, 400);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<a href=\"#f-kind\">"));
	res_free(&r);
	post_multipart(path, (const char *const[]){ "kind", "evidence", NULL }, "r.pdf",
	    "just some words", &r);
	STATUS(r, 400);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<a href=\"#f-file\">"));
	res_free(&r);
	ck_assert_int_eq(count_of("link"), links);

	post_multipart(path,
	    (const char *const[]){ "kind", "evidence", "label_pt", "Relatório de execução",
		"label_en", "Implementation report", NULL },
	    "r.pdf", pdf, &r);
	STATUS(r, 303);
	res_free(&r);
	id = sql_int("SELECT max(id) FROM link WHERE milestone_id = ?2 AND upload_sha IS NOT NULL",
	    NULL, ms, 0, -1);
	ck_assert_int_gt(id, 0);
	sql_text("SELECT upload_sha FROM link WHERE id = ?2", NULL, id, sha, sizeof sha);
	ck_assert_int_eq(strlen(sha), 64);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM link WHERE id = ?2 AND kind = 'evidence' "
				 "AND label_pt = 'Relatório de execução' AND label_en = "
				 "'Implementation report' AND url IS NULL",
			     NULL, id, 0, -1),
	    1);
	ck_assert_int_eq(revs(id, "create", "upload_sha", NULL, sha), 1);
	ck_assert_int_eq(revs(id, "create", "label_en", NULL, "Implementation report"), 1);
	revs_owned(id, c, p);
	/* its correction form keeps the document: no address field */
	snprintf(path, sizeof path, "/admin/sources/%lld", id);
	cgi_get(&focal, path, &r);
	STATUS(r, 200);
	ck_assert_ptr_null(strstr(r.body.p, "name=\"url\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Documento carregado: <a href=\"/admin/uploads/"));
	res_free(&r);
}
END_TEST

/* Member editors: every page and action refused (403) with where a milestone's
 * evidence goes instead; nothing written. */
START_TEST(member_refused)
{
	struct res r;
	char       path[96], id_s[24];
	long long  links = count_of("link"), revisions = count_of("revision");
	long long  id = link_to("https://example.org/nova");

	snprintf(id_s, sizeof id_s, "%lld", id);
	snprintf(path, sizeof path, "/admin/commitments/%lld/sources", cm("PT0993", "id"));
	cgi_get(&member, path, &r);
	STATUS(r, 403);
	ck_assert_ptr_nonnull(strstr(r.body.p, "pelo ponto focal"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "secção «Evidência»"));
	res_free(&r);
	cgi_post(&member, path, &r, "kind", "source", "url", "https://example.org/membro", NULL);
	STATUS(r, 403);
	res_free(&r);
	snprintf(path, sizeof path, "/admin/commitments/%lld/sources/order", cm("PT0993", "id"));
	cgi_post(&member, path, &r, "order", "", "link", id_s, "move", "up", NULL);
	STATUS(r, 403);
	res_free(&r);
	snprintf(path, sizeof path, "/admin/sources/%lld", id);
	cgi_get(&member, path, &r);
	STATUS(r, 403);
	res_free(&r);
	cgi_post(&member, path, &r, "was_kind", "document", "was_url", "https://example.org/nova",
	    "was_label_pt", "Nova fonte", "was_label_en", "New source", "kind", "document", "url",
	    "https://example.org/membro", NULL);
	STATUS(r, 403);
	res_free(&r);
	snprintf(path, sizeof path, "/admin/sources/%lld/delete", id);
	cgi_post(&member, path, &r, "was_kind", "document", "was_url", "https://example.org/nova",
	    "was_label_pt", "Nova fonte", "was_label_en", "New source", NULL);
	STATUS(r, 403);
	res_free(&r);
	ck_assert_int_eq(count_of("link"), links);
	ck_assert_int_eq(count_of("revision"), revisions);
	ck_assert_int_eq(link_to("https://example.org/nova"), id);
	ck_assert_int_gt(
	    sql_int("SELECT count(*) FROM audit_log WHERE action = 'forbidden'", NULL, 0, 0, -1),
	    0);
}
END_TEST

/* A POST without the session's token, or with another, is refused and writes nothing. */
START_TEST(csrf_refused)
{
	struct res     r;
	struct session forged = focal;
	char           path[96], body[512];
	long long      links = count_of("link"), revisions = count_of("revision");
	long long      id = link_to("https://example.org/nova");

	snprintf(forged.csrf, sizeof forged.csrf, "%s", member.csrf);
	snprintf(path, sizeof path, "/admin/commitments/%lld/sources", cm("PT0993", "id"));
	cgi_as(&focal, "POST", path, "kind=source&url=https%3A%2F%2Fexample.org%2Fcsrf", &r);
	STATUS(r, 403);
	res_free(&r);
	cgi_post(&forged, path, &r, "kind", "source", "url", "https://example.org/csrf", NULL);
	STATUS(r, 403);
	res_free(&r);
	snprintf(path, sizeof path, "/admin/sources/%lld/delete", id);
	snprintf(body, sizeof body,
	    "was_kind=document&was_url=https%%3A%%2F%%2Fexample.org%%2Fnova&was_label_pt=Nova%%20"
	    "fonte&was_label_en=New%%20source");
	cgi_as(&focal, "POST", path, body, &r);
	STATUS(r, 403);
	res_free(&r);
	ck_assert_int_eq(count_of("link"), links);
	ck_assert_int_eq(count_of("revision"), revisions);
}
END_TEST

/* /admin/links: the edit link of each broken address opens the form where it is
 * corrected, at its field. */
START_TEST(links_page_edit_links)
{
	struct res r;
	char       want[160];
	long long  plan = cm("PT0993", "plan_id");
	long long  ms = sql_int(
	     "SELECT id FROM milestone WHERE commitment_id = ?2", NULL, cm("PT0993", "id"), 0, -1);
	long long id = link_to("https://example.org/ordem-2");

	sql_do("INSERT INTO link_check (url, result, http_status, error, checked_at, changed_at, "
	       "broken_since) VALUES ('https://example.org/ordem-2', 'broken', 410, 'HTTP 410', "
	       "'2026-01-10T03:00:00Z', '2026-01-03T03:00:00Z', '2026-01-03T03:00:00Z')");
	cgi_get(&focal, "/admin/links", &r);
	STATUS(r, 200);
	snprintf(want, sizeof want, "<a href=\"/admin/sources/%lld#url\">editar</a>", id);
	ck_assert_msg(strstr(r.body.p, want) != NULL, "no %s", want);
	snprintf(
	    want, sizeof want, "<a href=\"/admin/plans/%lld#f-document_url\">editar</a>", plan);
	ck_assert_msg(strstr(r.body.p, want) != NULL, "no %s", want);
	snprintf(want, sizeof want, "<a href=\"/admin/plans/%lld\">editar</a>", plan);
	ck_assert_msg(strstr(r.body.p, want) != NULL, "no %s (the plan's listed document)", want);
	snprintf(want, sizeof want,
	    "<a href=\"/admin/milestones/%lld#f-progress_source\">editar</a>", ms);
	ck_assert_msg(strstr(r.body.p, want) != NULL, "no %s", want);
	res_free(&r);
	/* and each form has the field the fragment names */
	snprintf(want, sizeof want, "/admin/sources/%lld", id);
	cgi_get(&focal, want, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<input id=\"url\""));
	res_free(&r);
	snprintf(want, sizeof want, "/admin/plans/%lld", plan);
	cgi_get(&focal, want, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "id=\"f-document_url\""));
	res_free(&r);
	snprintf(want, sizeof want, "/admin/milestones/%lld", ms);
	cgi_get(&focal, want, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "id=\"f-progress_source\""));
	res_free(&r);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { list_in_order, add_good_and_bad, correct_and_conflict,
		corrected_public_history_pending, remove_with_confirmation, reorder,
		milestone_upload, member_refused, csrf_refused, links_page_edit_links, NULL };

	if (cgi_setup("aberta-sources", env) != 0)
		return 1;
	mkdir(UPLOADS, 0750);
	if (sql_exec(fixture_sql) != 0 ||
	    staff_session("ines@example.org", "Inês Focal", "focal", NULL, &focal) != 0 ||
	    staff_session("membro@example.org", "Membro", "member", "fontes-a", &member) != 0) {
		printf("Bail out! cannot make the records, the accounts or the sessions\n");
		return 1;
	}
	return cgi_tests_main(tests_suite("sources", 300, tests));
}
