/* The commitment workspace (/admin/commitments/N): milestones in order with marks and
 * links; one save of several with one evidence under one change id; any refusal (no
 * evidence, a bad date, a conflict) writes nothing and shows every value back; adding;
 * moving; a member editor's drafts applied with their evidence; a member outside its
 * body and a forged token refused.  The real binary as CGI on the real content. */

#include "../lib/client.h"
#include "../lib/testlib.h"

#define UPLOADS "ABERTA_UPLOADS=/tmp/aberta-ws-uploads"
#define TODAY   "ABERTA_TODAY=2026-06-01"

/* What every request adds (see cgi_as). */
static const char *const env[] = { TODAY, UPLOADS, NULL };
static struct session    focal, member;

/* A commitment ogp of plan 92 led by body slug, with three milestones: 1 late and with
 * an old figure, 2 without a figure, 3 current.  Returns its id. */
static long long
commitment(const char *ogp, const char *slug)
{
	char sql[2400];

	snprintf(sql, sizeof sql,
	    "INSERT INTO commitment (ogp_id, plan_id, title_pt, title_pt_confidence) SELECT "
	    "'%s', id, 'Compromisso %s', 'confirmed' FROM action_plan WHERE number = 92;"
	    "INSERT INTO commitment_entity (commitment_id, entity_id, role, position) SELECT "
	    "c.id, e.id, 'lead', 0 FROM commitment c, entity e WHERE c.ogp_id = '%s' AND e.slug "
	    "= '%s';"
	    "INSERT INTO milestone (commitment_id, position, title_pt, title_en, planned_start, "
	    "planned_end, status, progress, progress_as_of, progress_as_of_kind, "
	    "progress_source, progress_confidence) SELECT c.id, v.* FROM commitment c, (VALUES "
	    "(1, 'Primeiro marco', NULL, NULL, '2020-06', 'in_progress', 30, '2020-01', "
	    "'stated', 'https://example.org/p1', 'confirmed'), (2, 'Segundo marco', NULL, "
	    "'2026', '2027', NULL, NULL, NULL, NULL, NULL, NULL), (3, NULL, 'Third milestone', "
	    "NULL, '2031', 'in_progress', 10, '2026-03-02', 'publication', "
	    "'https://example.org/p3', 'unconfirmed')) v WHERE c.ogp_id = '%s';",
	    ogp, ogp, ogp, slug, ogp);
	sql_do(sql);
	return sql_int("SELECT id FROM commitment WHERE ogp_id = ?1", ogp, 0, 0, -1);
}

/* The id of milestone pos of commitment cid. */
static long long
milestone(long long cid, int pos)
{
	return sql_int("SELECT id FROM milestone WHERE commitment_id = ?2 AND position = ?3", NULL,
	    cid, pos, -1);
}

/* The version of milestone id. */
static long long
version_of(long long id)
{
	return sql_int("SELECT version FROM milestone WHERE id = ?2", NULL, id, 0, -1);
}

/* Every column of the milestones of cid and of their links, as one text (to compare
 * before and after a refused save). */
static char *
dump(long long cid)
{
	char *out = malloc(8192);

	ck_assert_ptr_nonnull(out);
	sql_text("SELECT group_concat(x, '|') FROM (SELECT m.id || ',' || m.position || ',' || "
		 "m.version || ',' || coalesce(m.status, '') || ',' || coalesce(m.progress, '') "
		 "|| ',' || coalesce(m.progress_as_of, '') || ',' || coalesce(m.planned_end, '') "
		 "|| ',' || (SELECT count(*) FROM link l WHERE l.milestone_id = m.id) || ',' || "
		 "(SELECT count(*) FROM revision r WHERE r.tbl = 'milestone' AND r.row_id = "
		 "m.id) || ',' || (SELECT count(*) FROM draft d WHERE d.row_id = m.id) x FROM "
		 "milestone m WHERE m.commitment_id = ?2 ORDER BY m.id)",
	    NULL, cid, out, 8192);
	return out;
}

/* Checks that the milestones of cid are still as before (dump) says, then frees it: a
 * refused request wrote nothing. */
static void
unchanged(long long cid, char *before)
{
	char *after = dump(cid);

	ck_assert_str_eq(before, after);
	free(before);
	free(after);
}

/* Opens the workspace of cid as s into f (the milestones' form); the page into r when r
 * is not NULL. */
static void
open_ws(const struct session *s, long long cid, struct form *f, struct res *r)
{
	char path[64], action[96];

	snprintf(path, sizeof path, "/admin/commitments/%lld", cid);
	snprintf(action, sizeof action, "/admin/commitments/%lld/milestones", cid);
	cgi_open_form(s, path, action, f, r);
}

/* Sets field col of milestone id in f. */
static void
set_ms(struct form *f, long long id, const char *col, const char *val)
{
	char name[96];

	snprintf(name, sizeof name, "m%lld-%s", id, col);
	ck_assert_msg(form_val(f, name) != NULL, "the form has no %s", name);
	form_set(f, name, val);
}

/* A new dated figure of milestone id in f: progress pct, dated, sourced, confirmed. */
static void
figure(struct form *f, long long id, const char *pct)
{
	set_ms(f, id, "progress", pct);
	set_ms(f, id, "progress_as_of", "2026-05-20");
	set_ms(f, id, "progress_as_of_kind", "stated");
	set_ms(f, id, "progress_source", "https://example.org/relatorio-2026");
	set_ms(f, id, "progress_confidence", "confirmed");
}

/* Posts f to the milestones' save of cid as s, multipart as a browser sends it: every
 * field, an empty file part for each milestone's own document, and for the evidence for
 * all a small PDF when pdf is 1 (else an empty part). */
static void
post_ws(const struct session *s, long long cid, const struct form *f, int pdf, struct res *r)
{
	static const char doc[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
	struct buf        b = { 0 };
	char              path[96], file[96];
	int               i;

	for (i = 0; i < f->n; i++) {
		multipart_field(&b, f->name[i], f->val[i]);
		if (strstr(f->name[i], "-evidence_label") != NULL) {
			snprintf(file, sizeof file, "%.*s-evidence_file",
			    (int)(strstr(f->name[i], "-evidence_label") - f->name[i]), f->name[i]);
			multipart_file(&b, file, "", "application/octet-stream", "");
		}
	}
	multipart_file(
	    &b, "evidence_file", pdf ? "relatorio.pdf" : "", "application/pdf", pdf ? doc : "");
	snprintf(path, sizeof path, "/admin/commitments/%lld/milestones", cid);
	cgi_post_multipart(s, path, &b, r);
}

/* Returns the text of html from the block of milestone id to the end of that block. */
static char *
block(const char *html, long long id)
{
	char        needle[64];
	const char *p, *e;

	snprintf(needle, sizeof needle, "<fieldset class=\"evidence ws-ms\" id=\"m%lld\">", id);
	ck_assert_msg((p = strstr(html, needle)) != NULL, "no block of milestone %lld", id);
	e = strstr(p + strlen(needle), "<fieldset class=\"evidence");
	return strndup(p, e != NULL ? (size_t)(e - p) : strlen(p));
}

/* Posts body (url-encoded; freed) to path + suffix of commitment cid as s; returns the
 * status. */
static int
post(const struct session *s, long long cid, const char *suffix, char *body)
{
	struct res r;
	char       path[96];
	int        st;

	snprintf(path, sizeof path, "/admin/commitments/%lld%s", cid, suffix);
	cgi_as(s, "POST", path, body, &r);
	free(body);
	st = r.status;
	res_free(&r);
	return st;
}

/* Fails the test unless r is a redirect whose Location holds want. */
static void
redirected(const struct res *r, const char *want)
{
	char loc[256];

	ck_assert_msg(r->status == 303, "%d, not a redirect: %.3000s", r->status, r->body.p);
	ck_assert_ptr_nonnull(res_header(r, "Location", loc, sizeof loc));
	ck_assert_msg(strstr(loc, want) != NULL, "Location %s lacks %s", loc, want);
}

/* Fails the test unless html holds the text of needle made with fmt and id. */
#define HAS(html, fmt, id) \
	do { \
		char n_[300]; \
		snprintf(n_, sizeof n_, fmt, id); \
		ck_assert_msg(strstr(html, n_) != NULL, "the page lacks %s", n_); \
	} while (0)

/* The workspace lists the milestones in order, each with its fields (labelled, in a
 * fieldset with its legend), its marks, its evidence and its links. */
START_TEST(shows_milestones_in_order)
{
	struct res  r;
	struct form f;
	long long   cid = commitment("PT0981", "ws-corpo"), m1 = milestone(cid, 1);
	long long   m2 = milestone(cid, 2), m3 = milestone(cid, 3);
	const char *p1, *p2, *p3;
	char       *b;

	sql_do("INSERT INTO link (milestone_id, kind, url, label_pt) SELECT m.id, 'evidence', "
	       "'https://example.org/ata.pdf', 'Ata da reunião' FROM milestone m JOIN commitment c "
	       "ON c.id = m.commitment_id WHERE c.ogp_id = 'PT0981' AND m.position = 1");
	open_ws(&focal, cid, &f, &r);
	form_free(&f);
	p1 = strstr(r.body.p, "<legend>Marco 1: Primeiro marco</legend>");
	p2 = strstr(r.body.p, "<legend>Marco 2: Segundo marco</legend>");
	p3 = strstr(r.body.p, "<legend>Marco 3: Third milestone</legend>");
	ck_assert_msg(p1 && p2 && p3 && p1 < p2 && p2 < p3, "the milestones are not in order");
	HAS(r.body.p, "<label for=\"f-m%lld-progress_as_of_kind\">", m2);
	HAS(r.body.p, "href=\"/admin/milestones/%lld/sources\"", m3);
	HAS(r.body.p, "href=\"/admin/commitments/%lld/sources\"", cid);
	HAS(r.body.p, "href=\"/admin/commitments/%lld/relations\"", cid);
	ck_assert_ptr_nonnull(strstr(r.body.p, "href=\"/pt/commitments/PT0981\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, "href=\"#marcos\""));
	/* Milestone 1: late, its figure old, its evidence listed; no way up. */
	b = block(r.body.p, m1);
	ck_assert_ptr_nonnull(strstr(b, "<strong class=\"overdue\">Atrasado</strong>"));
	ck_assert_ptr_nonnull(strstr(b, "<strong class=\"overdue\">Desatualizado</strong>"));
	ck_assert_ptr_nonnull(strstr(b, "30 %, em janeiro de 2020"));
	ck_assert_ptr_nonnull(
	    strstr(b, "<a href=\"https://example.org/ata.pdf\">Ata da reunião</a>"));
	ck_assert_ptr_null(strstr(b, "Subir"));
	ck_assert_ptr_nonnull(strstr(b, "Descer"));
	free(b);
	/* Milestone 2: no figure (stale, not late); milestone 3: current, no way down. */
	b = block(r.body.p, m2);
	ck_assert_ptr_null(strstr(b, ">Atrasado<"));
	ck_assert_ptr_nonnull(strstr(b, ">Desatualizado<"));
	ck_assert_ptr_nonnull(strstr(b, "nenhuma registada"));
	free(b);
	b = block(r.body.p, m3);
	ck_assert_ptr_null(strstr(b, ">Atrasado<"));
	ck_assert_ptr_null(strstr(b, ">Desatualizado<"));
	ck_assert_ptr_nonnull(strstr(b, "num relatório de 2 de março de 2026"));
	ck_assert_ptr_null(strstr(b, "Descer"));
	free(b);
	res_free(&r);
}
END_TEST

/* Three milestones changed in one save with one document for all: each written, the
 * document stored once and linked to each, every revision row under one change id with
 * the commitment and its plan. */
START_TEST(batch_with_one_evidence)
{
	struct res  r;
	struct form f;
	long long   cid = commitment("PT0982", "ws-corpo"), m1 = milestone(cid, 1);
	long long   m2 = milestone(cid, 2), m3 = milestone(cid, 3);
	long long   last = sql_int("SELECT coalesce(max(id), 0) FROM revision", NULL, 0, 0, -1);
	char        path[96], got[200];

	open_ws(&focal, cid, &f, NULL);
	figure(&f, m1, "60");
	figure(&f, m2, "20");
	set_ms(&f, m2, "status", "in_progress");
	figure(&f, m3, "100");
	set_ms(&f, m3, "status", "complete");
	set_ms(&f, m3, "completed_on", "2026-05-18");
	form_set(&f, "evidence_label", "Relatório de execução 2026");
	post_ws(&focal, cid, &f, 1, &r);
	form_free(&f);
	redirected(&r, "ws_saved=3");
	res_free(&r);
	sql_text("SELECT group_concat(progress || status || coalesce(completed_on, ''), ' ') FROM "
		 "(SELECT * FROM milestone WHERE commitment_id = ?2 ORDER BY position)",
	    NULL, cid, got, sizeof got);
	ck_assert_str_eq(got, "60in_progress 20in_progress 100complete2026-05-18");
	/* The document stored once, linked to each with its label. */
	sql_text("SELECT count(*) || ' ' || count(DISTINCT l.upload_sha) FROM link l JOIN "
		 "milestone m ON m.id = l.milestone_id WHERE m.commitment_id = ?2 AND l.kind = "
		 "'evidence' AND l.label_pt = 'Relatório de execução 2026'",
	    NULL, cid, got, sizeof got);
	ck_assert_str_eq(got, "3 1");
	/* One change id, three milestones, each row with its commitment and plan. */
	sql_text(
	    "SELECT count(DISTINCT change_id) || ' ' || count(DISTINCT row_id) || ' ' || "
	    "sum(tbl <> 'milestone' OR plan_id IS NULL OR commitment_id IS NOT (SELECT id FROM "
	    "commitment WHERE ogp_id = 'PT0982')) || ' ' || sum(field = 'progress' AND before "
	    "= '30' AND after = '60') FROM revision WHERE id > ?2",
	    NULL, last, got, sizeof got);
	ck_assert_str_eq(got, "1 3 0 1");
	snprintf(path, sizeof path, "/admin/commitments/%lld?ws_saved=3", cid);
	cgi_get(&focal, path, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Gravado: 3 marco(s)."));
	res_free(&r);
}
END_TEST

/* A figure changed without evidence: nothing is written, not even the other milestone's
 * change, and the form comes back with the values and the message beside the evidence
 * of that milestone, linked from the summary. */
START_TEST(missing_evidence_refuses_all)
{
	struct res  r;
	struct form f;
	long long   cid = commitment("PT0983", "ws-corpo"), m1 = milestone(cid, 1);
	long long   m2 = milestone(cid, 2);
	char       *before = dump(cid), name[64];

	open_ws(&focal, cid, &f, NULL);
	figure(&f, m1, "50");
	set_ms(&f, m2, "planned_end", "2028");
	post_ws(&focal, cid, &f, 0, &r);
	form_free(&f);
	ck_assert_int_eq(r.status, 400);
	unchanged(cid, before);
	HAS(r.body.p,
	    "<p class=\"field-error\" id=\"e-m%lld-evidence\">Uma alteração do estado ou "
	    "do progresso precisa de uma evidência",
	    m1);
	HAS(r.body.p, "<li><a href=\"#f-m%lld-evidence_url\">Marco 1 — Evidência: Uma alteração",
	    m1);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Nada foi gravado: 1 problema(s) nos marcos"));
	snprintf(name, sizeof name, "m%lld-progress", m1);
	ck_assert(form_shows(r.body.p, name, "50"));
	snprintf(name, sizeof name, "m%lld-planned_end", m2);
	ck_assert(form_shows(r.body.p, name, "2028"));
	HAS(r.body.p, "id=\"e-m%lld-evidence\"", m1);
	res_free(&r);
}
END_TEST

/* A bad date on one milestone refuses the whole save: nothing written, every value back
 * (the bad one too), the message beside the field and linked to it from the top. */
START_TEST(bad_date_refuses_all)
{
	struct res  r;
	struct form f;
	long long   cid = commitment("PT0984", "ws-corpo"), m1 = milestone(cid, 1);
	long long   m2 = milestone(cid, 2), m3 = milestone(cid, 3);
	char       *before = dump(cid), name[64];

	open_ws(&focal, cid, &f, NULL);
	figure(&f, m1, "70");
	figure(&f, m2, "25");
	set_ms(&f, m2, "progress_as_of", "2026-13-45");
	set_ms(&f, m3, "planned_end", "2032");
	form_set(&f, "evidence_url", "https://example.org/ev.pdf");
	post_ws(&focal, cid, &f, 0, &r);
	form_free(&f);
	ck_assert_int_eq(r.status, 400);
	unchanged(cid, before);
	HAS(r.body.p,
	    "id=\"e-m%lld-progress_as_of\">Data inválida: use AAAA, AAAA-MM ou "
	    "AAAA-MM-DD.",
	    m2);
	HAS(r.body.p, "<a href=\"#f-m%lld-progress_as_of\">Marco 2 — Data do progresso: Data", m2);
	HAS(r.body.p,
	    "value=\"2026-13-45\" maxlength=\"10\" aria-invalid=\"true\" "
	    "aria-describedby=\"h-m%lld-progress_as_of e-m",
	    m2);
	snprintf(name, sizeof name, "m%lld-progress", m1);
	ck_assert(form_shows(r.body.p, name, "70"));
	snprintf(name, sizeof name, "m%lld-progress_as_of_kind", m2);
	ck_assert(form_shows(r.body.p, name, "stated"));
	snprintf(name, sizeof name, "m%lld-planned_end", m3);
	ck_assert(form_shows(r.body.p, name, "2032"));
	ck_assert(form_shows(r.body.p, "evidence_url", "https://example.org/ev.pdf"));
	res_free(&r);
}
END_TEST

/* A milestone saved by someone else since the page was opened: the save that changes it
 * is refused whole and shows both versions; saved again, it applies; a milestone the
 * editor did not touch is left as the other person saved it. */
START_TEST(conflict_shown_nothing_written)
{
	struct res  r;
	struct form f;
	long long   cid = commitment("PT0985", "ws-corpo"), m1 = milestone(cid, 1);
	long long   m2 = milestone(cid, 2), m3 = milestone(cid, 3);
	char        action[96], sql[200], *before, *b;
	long long   v3;

	open_ws(&focal, cid, &f, NULL);
	snprintf(sql, sizeof sql,
	    "UPDATE milestone SET planned_end = CASE id WHEN %lld THEN '2029' ELSE '2033' END, "
	    "version = version + 1 WHERE id IN (%lld, %lld)",
	    m1, m1, m3);
	sql_do(sql);
	before = dump(cid);
	set_ms(&f, m1, "planned_end", "2030");
	set_ms(&f, m2, "planned_end", "2028");
	post_ws(&focal, cid, &f, 0, &r);
	form_free(&f);
	ck_assert_int_eq(r.status, 409);
	unchanged(cid, before);
	b = block(r.body.p, m1);
	ck_assert_ptr_nonnull(strstr(b, "Outra pessoa gravou este marco enquanto o editava."));
	ck_assert_ptr_nonnull(strstr(b,
	    "<th scope=\"row\">Fim previsto</th><td data-label=\"Versão "
	    "gravada por outra pessoa\">2029</td><td data-label=\"A sua "
	    "versão\">2030</td>"));
	free(b);
	HAS(r.body.p, "<a href=\"#m%lld\">Marco 1 — Conflito", m1);
	/* Saved again from the page that showed the conflict: both changes apply, and
	 * milestone 3, which the editor left alone, keeps what the other person saved. */
	snprintf(action, sizeof action, "/admin/commitments/%lld/milestones", cid);
	ck_assert_int_eq(form_parse(r.body.p, action, &f), 0);
	res_free(&r);
	v3 = version_of(m3);
	post_ws(&focal, cid, &f, 0, &r);
	form_free(&f);
	redirected(&r, "ws_saved=2");
	res_free(&r);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM milestone WHERE (id = ?2 AND planned_end = "
				 "'2030') OR (id = ?3 AND planned_end = '2028')",
			     NULL, m1, m2, -1),
	    2);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM milestone WHERE id = ?2 AND planned_end = "
				 "'2033'",
			     NULL, m3, 0, -1),
	    1);
	ck_assert_int_eq(version_of(m3), v3); /* not written: no empty revision either */
}
END_TEST

/* A milestone added at the end: refused without a title or with its dates reversed
 * (the values kept, nothing written), then created after the last with its revision
 * rows. */
START_TEST(add_milestone)
{
	struct res r;
	long long  cid = commitment("PT0986", "ws-corpo"), id;
	char       path[96];

	snprintf(path, sizeof path, "/admin/commitments/%lld/milestones/new", cid);
	cgi_post(&focal, path, &r, "new-title_pt", "", "new-title_en", "", "new-planned_start",
	    "2026-07", "new-planned_end", "2026-05", NULL);
	ck_assert_int_eq(r.status, 400);
	ck_assert_ptr_nonnull(strstr(r.body.p, "id=\"e-new-title_pt\">Dê um título ao marco"));
	ck_assert_ptr_nonnull(
	    strstr(r.body.p, "id=\"e-new-planned_end\">O fim não pode ser anterior ao início."));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<a href=\"#f-new-title_pt\">Novo marco — Título"));
	ck_assert(form_shows(r.body.p, "new-planned_start", "2026-07"));
	res_free(&r);
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM milestone WHERE commitment_id = ?2", NULL, cid, 0, -1),
	    3);
	ck_assert_int_eq(post(&focal, cid, "/milestones/new",
			     body_of("csrf", focal.csrf, "new-title_pt", "Quarto marco",
				 "new-title_en", "Fourth milestone", "new-planned_start", "2026-07",
				 "new-planned_end", "2026-12", NULL)),
	    303);
	id = milestone(cid, 4);
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM milestone WHERE id = ?2 AND title_pt = "
		    "'Quarto marco' AND title_en = 'Fourth milestone' AND planned_start "
		    "= '2026-07' AND planned_end = '2026-12'",
		NULL, id, 0, -1),
	    1);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM revision WHERE tbl = 'milestone' AND row_id "
				 "= ?2 AND op = 'create' AND commitment_id = ?3",
			     NULL, id, cid, -1),
	    7); /* the row, and its commitment, position, two titles and two dates */
}
END_TEST

/* Posts a move of milestone id (dir "up" or "down") at version as s; returns the
 * status. */
static int
move(const struct session *s, long long cid, long long id, const char *dir, long long version)
{
	char ids[32], ver[32];

	snprintf(ids, sizeof ids, "%lld", id);
	snprintf(ver, sizeof ver, "%lld", version);
	return post(s, cid, "/milestones/move",
	    body_of("csrf", s->csrf, "milestone", ids, "dir", dir, "version", ver, NULL));
}

/* Moving a milestone up swaps it with the one before (positions unique throughout),
 * bumps both versions and logs both position changes under one change id; a stale
 * version, the first moving up and a member editor are refused. */
START_TEST(reorder)
{
	struct res r;
	long long  cid = commitment("PT0987", "ws-corpo"), m1 = milestone(cid, 1);
	long long  m2 = milestone(cid, 2), m3 = milestone(cid, 3), v3 = version_of(m3);
	long long  last = sql_int("SELECT coalesce(max(id), 0) FROM revision", NULL, 0, 0, -1);
	char       path[64];

	ck_assert_int_eq(move(&focal, cid, m3, "up", v3), 303);
	ck_assert_int_eq(milestone(cid, 2), m3);
	ck_assert_int_eq(milestone(cid, 3), m2);
	ck_assert_int_eq(version_of(m3), v3 + 1);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM revision WHERE id > ?2 AND field = "
				 "'position' AND commitment_id = ?3 AND plan_id IS NOT NULL",
			     NULL, last, cid, -1),
	    2);
	ck_assert_int_eq(sql_int("SELECT count(DISTINCT change_id) FROM revision WHERE id > ?2",
			     NULL, last, 0, -1),
	    1);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM revision WHERE id > ?2 AND ((row_id = ?3 "
				 "AND before = '3' AND after = '2') OR (row_id != ?3 AND before = "
				 "'2' AND after = '3'))",
			     NULL, last, m3, -1),
	    2);
	snprintf(path, sizeof path, "/admin/commitments/%lld", cid);
	cgi_get(&focal, path, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<legend>Marco 2: Third milestone</legend>"));
	res_free(&r);
	ck_assert_int_eq(move(&focal, cid, m3, "up", v3), 409); /* the version moved */
	ck_assert_int_eq(move(&focal, cid, m1, "up", version_of(m1)), 409);
	ck_assert_int_eq(move(&member, cid, m2, "up", version_of(m2)), 403);
	ck_assert_int_eq(milestone(cid, 1), m1);
	ck_assert_int_eq(milestone(cid, 2), m3);
	ck_assert_int_eq(move(&focal, cid, m3, "down", version_of(m3)), 303);
	ck_assert_int_eq(milestone(cid, 3), m3);
}
END_TEST

/* A member editor's save becomes one draft per milestone, each with the evidence for all
 * or its own; nothing is published until the focal point approves each, which applies
 * the change and its evidence. */
START_TEST(member_drafts_approved)
{
	struct res  r;
	struct form f;
	long long   cid = commitment("PT0988", "ws-corpo"), m1 = milestone(cid, 1);
	long long   m2 = milestone(cid, 2), m3 = milestone(cid, 3), d;
	char        path[96], got[600];
	const char *q =
	    "SELECT min(id) FROM draft WHERE status = 'pending' AND id > ?2 AND "
	    "(row_id IN (SELECT id FROM milestone WHERE commitment_id = ?3) OR (row_id IS "
	    "NULL AND json_extract(payload, '$.commitment_id') = CAST(?3 AS TEXT)))";

	open_ws(&member, cid, &f, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "ficam à espera de revisão pelo ponto focal"));
	ck_assert_ptr_null(strstr(r.body.p, ">Subir</button>"));
	res_free(&r);
	figure(&f, m1, "80");
	figure(&f, m2, "40");
	form_set(&f, "evidence_url", "https://example.org/membro.pdf");
	form_set(&f, "evidence_label", "Relatório do membro");
	set_ms(&f, m3, "evidence_url", "https://example.org/m3.pdf");
	post_ws(&member, cid, &f, 0, &r);
	form_free(&f);
	redirected(&r, "ws_sent=3");
	res_free(&r);
	ck_assert_int_eq(
	    sql_int("SELECT progress FROM milestone WHERE id = ?2", NULL, m1, 0, -1), 30);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM draft WHERE status = 'pending' AND tbl = "
				 "'milestones' AND json_extract(payload, '$.evidence_url') = ?1",
			     "https://example.org/membro.pdf", 0, 0, -1),
	    2);
	/* A new milestone proposed: a draft too, listed on the workspace until approved. */
	ck_assert_int_eq(post(&member, cid, "/milestones/new",
			     body_of("csrf", member.csrf, "new-title_pt", "Marco proposto", NULL)),
	    303);
	snprintf(path, sizeof path, "/admin/commitments/%lld", cid);
	cgi_get(&member, path, &r);
	ck_assert_ptr_nonnull(
	    strstr(r.body.p, "1 marco(s) novo(s) proposto(s) à espera de revisão."));
	ck_assert_ptr_nonnull(
	    strstr(r.body.p, "1 proposta(s) para este marco à espera de revisão."));
	res_free(&r);
	for (d = sql_int(q, NULL, 0, cid, 0); d > 0; d = sql_int(q, NULL, d, cid, 0)) {
		snprintf(path, sizeof path, "/admin/reviews/%lld/approve", d);
		cgi_post(&focal, path, &r, NULL);
		redirected(&r, "/admin/reviews?done=1");
		res_free(&r);
	}
	/* Each change applied with its evidence: the one for all, milestone 3's own. */
	sql_text("SELECT group_concat(m.position || ':' || coalesce(m.progress, '-') || ':' || "
		 "coalesce(l.url, '-') || ':' || coalesce(l.label_pt, '-'), ' ') FROM milestone m "
		 "LEFT JOIN link l ON l.milestone_id = m.id WHERE m.commitment_id = ?2 ORDER BY "
		 "m.position",
	    NULL, cid, got, sizeof got);
	ck_assert_str_eq(got,
	    "1:80:https://example.org/membro.pdf:Relatório do membro "
	    "2:40:https://example.org/membro.pdf:Relatório do membro "
	    "3:10:https://example.org/m3.pdf:- 4:-:-:-");
	ck_assert_int_eq(sql_int("SELECT count(*) FROM revision WHERE tbl = 'milestone' AND row_id "
				 "= ?2 AND field = 'progress' AND after = '80' AND actor = 'Mara "
				 "Membro' AND approved_by = 'Inês Focal'",
			     NULL, m1, 0, -1),
	    1);
}
END_TEST

/* A member editor reaches no workspace of a commitment its body neither leads nor
 * supports: the page, a save, an addition are refused (403) and nothing is written. */
START_TEST(member_outside_body_refused)
{
	struct res r;
	long long  cid = commitment("PT0989", "ws-outro"), m1 = milestone(cid, 1);
	char       path[96], name[64], *before = dump(cid);

	snprintf(path, sizeof path, "/admin/commitments/%lld", cid);
	cgi_get(&member, path, &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	snprintf(name, sizeof name, "m%lld-planned_end", m1);
	ck_assert_int_eq(
	    post(&member, cid, "/milestones", body_of("csrf", member.csrf, name, "2030", NULL)),
	    403);
	ck_assert_int_eq(post(&member, cid, "/milestones/new",
			     body_of("csrf", member.csrf, "new-title_pt", "Intruso", NULL)),
	    403);
	unchanged(cid, before);
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM milestone WHERE commitment_id = ?2", NULL, cid, 0, -1),
	    3);
}
END_TEST

/* A save, an addition or a move without the session's anti-CSRF token is refused and
 * writes nothing. */
START_TEST(csrf_refused)
{
	struct res  r;
	struct form f;
	long long   cid = commitment("PT0980", "ws-corpo"), m1 = milestone(cid, 1);
	char       *before = dump(cid);

	open_ws(&focal, cid, &f, NULL);
	set_ms(&f, m1, "planned_end", "2030");
	form_set(&f, "csrf", "forged");
	post_ws(&focal, cid, &f, 0, &r);
	form_free(&f);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	ck_assert_int_eq(post(&focal, cid, "/milestones/new",
			     body_of("csrf", "forged", "new-title_pt", "Forjado", NULL)),
	    403);
	ck_assert_int_eq(post(&focal, cid, "/milestones/move",
			     body_of("milestone", "1", "dir", "down", "version", "1", NULL)),
	    403);
	unchanged(cid, before);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { shows_milestones_in_order, batch_with_one_evidence,
		missing_evidence_refuses_all, bad_date_refuses_all, conflict_shown_nothing_written,
		add_milestone, reorder, member_drafts_approved, member_outside_body_refused,
		csrf_refused, NULL };

	if (cgi_setup("aberta-workspace", env) != 0)
		return 1;
	if (sql_exec("INSERT INTO action_plan (number, title_pt, published, published_confidence) "
		     "VALUES (92, 'Plano do espaço de trabalho', '2020-01', 'confirmed');"
		     "INSERT INTO entity (slug, name_pt, kind) VALUES ('ws-corpo', 'Corpo do "
		     "espaço', 'public'), ('ws-outro', 'Outro corpo', 'public');") != 0 ||
	    staff_session("ines@example.org", "Inês Focal", "focal", NULL, &focal) != 0 ||
	    staff_session("mara@example.org", "Mara Membro", "member", "ws-corpo", &member) != 0) {
		printf("Bail out! cannot make the accounts, the sessions or the records\n");
		return 1;
	}
	return cgi_tests_main(tests_suite("workspace", 300, tests));
}
