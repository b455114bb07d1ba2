/* The admin record editor and the facts of migration 11: every form has its fields
 * (a field that disappears fails here), each new field is saved with its revision row
 * and shown back, each bad value is refused with its message beside its field while
 * nothing is written and the submitted values stay in the form; the relations page
 * edits the facts of each role and lists the partners and proposers.  The real binary
 * in CGI mode, logged in by a session row of the test's own, on a test database with
 * the real content.  TAP output through Check. */
#include <sqlite3.h>

#include "../lib/client.h"
#include "../lib/testlib.h"
#include "store/editfields.h"

/* What every request adds (see cgi_as). */
static const char *const env[] = { "ABERTA_UPLOADS=/tmp/aberta-admin-edit-uploads", NULL };
static struct session    focal; /* a focal point */

/* The columns of migration 11 that each form must have. */
static const struct {
	const char        *kind;
	const char *const *cols;
} new_cols[] = {
	{ "plans",
	    (const char *const[]){ "ogp_title", "short_pt", "implementation_start",
		"implementation_end", "published_confidence", "commitment_count", "milestone_count",
		"note_pt", "note_en", NULL } },
	{ "commitments",
	    (const char *const[]){ "ogp_id_confidence", "title_pt_kind", "title_en_kind",
		"title_pt_confidence", "title_en_confidence", "title_en_long", "values_confidence",
		"self_percent", "self_as_of_kind", "self_source", "self_confidence", "irm_date",
		"irm_results_date", "irm_confidence", NULL } },
	{ "milestones",
	    (const char *const[]){ "title_pt_kind", "title_en_kind", "progress_as_of",
		"progress_as_of_kind", "progress_source", "progress_confidence", NULL } },
	{ "entities",
	    (const char *const[]){ "member_status", "member_confidence", "parent_id", NULL } },
	{ "events", (const char *const[]){ "status", "date_confidence", "title_pt_kind", NULL } },
};

/* Every column of row id of table, as one line (to compare before and after). */
static char *
row_dump(const char *table, long long id)
{
	sqlite3      *db = sql_open_rw();
	sqlite3_stmt *s;
	struct buf    b = { 0 };
	char          sql[128];
	int           i;

	snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE id = ?1", table);
	ck_assert_ptr_nonnull(db);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_int64(s, 1, id);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	for (i = 0; i < sqlite3_column_count(s); i++)
		buf_printf(&b, "%s=%s|", sqlite3_column_name(s, i),
		    sqlite3_column_text(s, i) ? (const char *)sqlite3_column_text(s, i) : "NULL");
	sqlite3_finalize(s);
	sqlite3_close(db);
	return b.p;
}

/* The stored value of column col of row id of table as text ("" for NULL). */
static const char *
stored(const char *table, const char *col, long long id, char *out, size_t len)
{
	char sql[160];

	snprintf(sql, sizeof sql, "SELECT CAST(%s AS TEXT) FROM %s WHERE id = ?2", col, table);
	return sql_text(sql, NULL, id, out, len);
}

/* Sets the NULL-ended col, value pairs in f. */
static void
set_pairs(struct form *f, const char *const *pairs)
{
	for (; pairs[0] != NULL; pairs += 2)
		form_set(f, pairs[0], pairs[1]);
}

/* The id in the Location of a save (/admin/<kind>/<id>?saved=1), or 0. */
static long long
saved_id(const struct res *r, const char *kind)
{
	char        loc[256], prefix[64];
	const char *p;

	if (r->status != 303 || res_header(r, "Location", loc, sizeof loc) == NULL)
		return 0;
	snprintf(prefix, sizeof prefix, "/admin/%s/", kind);
	if ((p = strstr(loc, prefix)) == NULL || strstr(loc, "?saved=1") == NULL)
		return 0;
	return strtoll(p + strlen(prefix), NULL, 10);
}

/* Saves pairs into the form at path (a record of kind in table; "new" creates one):
 * checks the 303, each stored value, its revision row, and that the form shows it
 * back.  Returns the record's id. */
static long long
save_and_check(const char *kind, const char *table, const char *path, const char *const *pairs)
{
	const char *const *p;
	struct form        f;
	struct res         r;
	char               edit[96], got[600], sql[200];
	long long          id;

	cgi_open_form(&focal, path, NULL, &f, NULL);
	set_pairs(&f, pairs);
	cgi_post_form(&focal, path, &f, &r);
	form_free(&f);
	id = saved_id(&r, kind);
	ck_assert_msg(id > 0, "POST %s: %d, %s", path, r.status, r.body.p);
	res_free(&r);
	snprintf(edit, sizeof edit, "/admin/%s/%lld", kind, id);
	cgi_get(&focal, edit, &r);
	ck_assert_int_eq(r.status, 200);
	for (p = pairs; p[0] != NULL; p += 2) {
		if (strncmp(p[0], "evidence_", 9) == 0)
			continue;
		stored(table, p[0], id, got, sizeof got);
		ck_assert_msg(strcmp(got, p[1]) == 0, "%s.%s stored \"%s\", not \"%s\"", table,
		    p[0], got, p[1]);
		ck_assert_msg(form_shows(r.body.p, p[0], p[1]),
		    "%s: the form does not show %s = %s", edit, p[0], p[1]);
		if (p[1][0] == '\0')
			continue;
		snprintf(sql, sizeof sql,
		    "SELECT count(*) FROM revision WHERE tbl = '%s' AND field = '%s' AND "
		    "row_id = ?2 AND after = ?1",
		    table, p[0]);
		ck_assert_msg(sql_int(sql, p[1], id, 0, -1) == 1, "%s.%s: no revision row to %s",
		    table, p[0], p[1]);
	}
	res_free(&r);
	return id;
}

/* The records the refusals are tried on, made once (see main). */
static const char fixture_sql[] =
    "INSERT INTO action_plan (number, title_pt, published, published_confidence) VALUES "
    "(91, 'Plano de recusas', '2020-01', 'confirmed');"
    "INSERT INTO commitment (ogp_id, plan_id, title_pt, title_pt_confidence, title_en) SELECT "
    "'PT0991', id, 'Compromisso de recusas', 'confirmed', 'Refusals' FROM action_plan WHERE "
    "number = 91;"
    "INSERT INTO milestone (commitment_id, position, title_pt, progress, progress_as_of, "
    "progress_as_of_kind, progress_source, progress_confidence) SELECT id, 1, 'Marco', 30, "
    "'2030-01', 'stated', 'https://example.org/p', 'confirmed' FROM commitment WHERE ogp_id = "
    "'PT0991';"
    "INSERT INTO entity (slug, name_pt, kind) VALUES ('recusas-a', 'Entidade A', 'public'),"
    "('recusas-b', 'Entidade B', 'public');"
    "UPDATE entity SET parent_id = (SELECT id FROM entity WHERE slug = 'recusas-a') WHERE slug "
    "= 'recusas-b';"
    "INSERT INTO event (title_pt, kind) VALUES ('Evento de recusas', 'other');"
    "INSERT INTO commitment_entity (commitment_id, entity_id, role, position) SELECT c.id, "
    "e.id, 'lead', 0 FROM commitment c, entity e WHERE c.ogp_id = 'PT0991' AND e.slug = "
    "'recusas-a';"
    "INSERT INTO commitment_party (commitment_id, entity_id, relation, position, note_pt, "
    "source) SELECT c.id, e.id, 'partner', 1, 'Co-organizou o webinar.', "
    "'https://example.org/webinar' FROM commitment c, entity e WHERE c.ogp_id = 'PT0991' AND "
    "e.slug = 'recusas-b';";

/* The record of kind the refusals are tried on, with its table. */
static long long
fixture(const char *kind, const char **table)
{
	static const struct {
		const char *kind, *table, *sql;
	} f[] = {
		{ "plans", "action_plan", "SELECT id FROM action_plan WHERE number = 91" },
		{ "commitments", "commitment",
		    "SELECT id FROM commitment WHERE ogp_id = 'PT0991'" },
		{ "milestones", "milestone",
		    "SELECT m.id FROM milestone m JOIN commitment c ON c.id = m.commitment_id "
		    "WHERE c.ogp_id = 'PT0991'" },
		{ "entities", "entity", "SELECT id FROM entity WHERE slug = 'recusas-a'" },
		{ "events", "event", "SELECT id FROM event WHERE title_pt = 'Evento de recusas'" },
	};
	size_t i;

	for (i = 0; i < sizeof f / sizeof f[0]; i++)
		if (strcmp(f[i].kind, kind) == 0) {
			*table = f[i].table;
			return sql_int(f[i].sql, NULL, 0, 0, -1);
		}
	ck_abort_msg("no fixture for %s", kind);
	return -1;
}

/* Every field of every kind is in its forms, new and edit, and the columns of
 * migration 11 are among them (a field that disappears fails here). */
/* The milestone form, sent back as the browser sends it (multipart, with every field it
 * holds and a file), is read whole: a form of more parts than the request reader takes
 * was refused as malformed (400) and no evidence could be uploaded. */
START_TEST(milestone_form_multipart)
{
	static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
	struct form       f = { 0 };
	struct buf        body = { 0 };
	struct res        r;
	char              path[64];
	long long         id = sql_int("SELECT min(id) FROM milestone", NULL, 0, 0, -1);
	int               i;

	snprintf(path, sizeof path, "/admin/milestones/%lld", id);
	cgi_open_form(&focal, path, NULL, &f, NULL);
	ck_assert_int_ge(f.n, 17);
	form_set(&f, "evidence_label", "Relatório");
	for (i = 0; i < f.n; i++)
		multipart_field(&body, f.name[i], f.val[i]);
	multipart_file(&body, "evidence_file", "r.pdf", "application/pdf", pdf);
	cgi_post_multipart(&focal, path, &body, &r);
	ck_assert_msg(r.status == 303, "multipart milestone form: %d %s", r.status, r.body.p);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM link WHERE milestone_id = ?2 AND "
				 "upload_sha IS NOT NULL",
			     NULL, id, 0, -1),
	    1);
	res_free(&r);
	form_free(&f);
}
END_TEST

START_TEST(every_field_in_its_form)
{
	const struct kind *k;
	struct res         r;
	char               path[96], needle[96];
	size_t             i, j;
	const char        *table, *p, *q;
	int                mode;

	for (i = 0; i < sizeof new_cols / sizeof new_cols[0]; i++) {
		k = edit_kind(new_cols[i].kind);
		ck_assert_ptr_nonnull(k);
		for (j = 0; new_cols[i].cols[j] != NULL; j++)
			ck_assert_msg(edit_field(k, new_cols[i].cols[j]) >= 0, "%s has no field %s",
			    k->slug, new_cols[i].cols[j]);
		for (mode = 0; mode < 2; mode++) {
			if (mode == 0)
				snprintf(path, sizeof path, "/admin/%s/new", k->slug);
			else
				snprintf(path, sizeof path, "/admin/%s/%lld", k->slug,
				    fixture(k->slug, &table));
			cgi_get(&focal, path, &r);
			ck_assert_msg(r.status == 200, "GET %s: %d", path, r.status);
			for (j = 0; j < k->nfields; j++) {
				snprintf(needle, sizeof needle, "name=\"%s\"", k->fields[j].col);
				ck_assert_msg(
				    strstr(r.body.p, needle) != NULL, "%s lacks %s", path, needle);
				snprintf(needle, sizeof needle, "<label for=\"f-%s\">",
				    k->fields[j].col);
				ck_assert_msg(strstr(r.body.p, needle) != NULL,
				    "%s: %s has no label", path, k->fields[j].col);
			}
			for (j = 0; new_cols[i].cols[j] != NULL; j++) {
				snprintf(needle, sizeof needle, "name=\"%s\"", new_cols[i].cols[j]);
				ck_assert_msg(
				    strstr(r.body.p, needle) != NULL, "%s lacks %s", path, needle);
			}
			res_free(&r);
		}
	}
	/* The new kinds of event come with their domain. */
	cgi_get(&focal, "/admin/events/new", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<option value=\"summit\">Cimeira</option>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<option value=\"webinar\">Webinar</option>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<option value=\"announced\">Anunciado</option>"));
	res_free(&r);
	/* Portuguese and English fields side by side, the kinds of titles too. */
	cgi_get(&focal, "/admin/commitments/new", &r);
	p = strstr(r.body.p, "<label for=\"f-title_pt_confidence\">");
	ck_assert_ptr_nonnull(p);
	for (q = p; q > r.body.p && strncmp(q, "<div class=\"pair\">", 18) != 0; q--)
		;
	ck_assert_msg(p - q < 40 && strstr(p, "<label for=\"f-title_en_confidence\">") != NULL,
	    "the confidences of the titles are not a pair");
	res_free(&r);
}
END_TEST

/* Each new field saved through the forms (new records, then an edit), stored, logged
 * in the revision table and shown back. */
START_TEST(new_fields_saved_and_shown)
{
	char      id_s[32], p_s[32], c_s[32];
	long long plan, cm, ms, mother, child, ev;

	plan = save_and_check("plans", "action_plan", "/admin/plans/new",
	    (const char *const[]){ "number", "90", "title_pt", "Plano de ensaio", "ogp_title",
		"Portugal Action Plan 2030-2032", "short_pt", "IX PANAA", "implementation_start",
		"2030-01", "implementation_end", "2031-08", "published", "2029-12",
		"published_confidence", "unconfirmed", "commitment_count", "7", "milestone_count",
		"21", "note_pt", "Contagem segundo o texto do plano.", "note_en",
		"Counts as the plan text states them.", NULL });
	snprintf(p_s, sizeof p_s, "%lld", plan);
	cm = save_and_check("commitments", "commitment", "/admin/commitments/new",
	    (const char *const[]){ "ogp_id", "PT0990", "ogp_id_confidence", "inferred", "plan_id",
		p_s, "title_pt", "Dados abertos de ensaio", "title_pt_kind", "translation",
		"title_pt_confidence", "unconfirmed", "title_en", "Test open data", "title_en_kind",
		"official", "title_en_confidence", "confirmed", "title_en_long",
		"Test open data for everyone, at every level of government", "values_confidence",
		"inferred", "self_status", "substantial", "self_percent", "60", "self_status_date",
		"2030-06", "self_as_of_kind", "publication", "self_source",
		"https://example.org/autoavaliacao", "self_confidence", "confirmed",
		"irm_verifiable", "yes", "irm_date", "2030-09-01", "irm_results_date", "2032",
		"irm_confidence", "unconfirmed", NULL });
	snprintf(c_s, sizeof c_s, "%lld", cm);
	ms = save_and_check("milestones", "milestone", "/admin/milestones/new",
	    (const char *const[]){ "commitment_id", c_s, "position", "1", "title_pt",
		"Levantamento", "title_pt_kind", "paraphrase", "title_en", "Survey",
		"title_en_kind", "translation", "progress", "40", "progress_as_of", "2031-02-03",
		"progress_as_of_kind", "stated", "progress_source", "https://example.org/progresso",
		"progress_confidence", "unconfirmed", "evidence_url",
		"https://example.org/evidencia.pdf", NULL });
	mother = save_and_check("entities", "entity", "/admin/entities/new",
	    (const char *const[]){
		"slug", "ensaio-mae", "name_pt", "Ministério de Ensaio", "kind", "public", NULL });
	snprintf(id_s, sizeof id_s, "%lld", mother);
	child = save_and_check("entities", "entity", "/admin/entities/new",
	    (const char *const[]){ "slug", "ensaio-filha", "name_pt", "Direção-Geral de Ensaio",
		"kind", "public", "parent_id", id_s, "member_status", "likely_member",
		"member_confidence", "unconfirmed", NULL });
	ev = save_and_check("events", "event", "/admin/events/new",
	    (const char *const[]){ "title_pt", "Cimeira de ensaio", "title_pt_kind", "official",
		"kind", "summit", "status", "announced", "start_date", "2031-05-01",
		"date_confidence", "unconfirmed", NULL });

	/* Edits of the same records: the revision rows follow each change. */
	snprintf(id_s, sizeof id_s, "/admin/plans/%lld", plan);
	save_and_check("plans", "action_plan", id_s,
	    (const char *const[]){
		"published_confidence", "confirmed", "implementation_end", "2031-12", NULL });
	snprintf(id_s, sizeof id_s, "/admin/milestones/%lld", ms);
	/* A new figure of unknown date: its date stays empty (never the day of the edit). */
	save_and_check("milestones", "milestone", id_s,
	    (const char *const[]){ "progress", "55", "progress_as_of", "", "progress_as_of_kind",
		"unknown", "progress_confidence", "confirmed", "evidence_url",
		"https://example.org/evidencia-2.pdf", NULL });
	/* The evidence joins the save's change in the log, so that the History shows it. */
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM revision e JOIN revision p ON "
		    "p.change_id = e.change_id AND p.field = 'progress' AND "
		    "p.row_id = e.row_id WHERE e.tbl = 'milestone' AND e.row_id = ?2 AND "
		    "e.field = 'evidence' AND e.after = "
		    "'https://example.org/evidencia-2.pdf' AND e.commitment_id = ?3",
		NULL, ms, cm, -1),
	    1);
	snprintf(id_s, sizeof id_s, "/admin/events/%lld", ev);
	save_and_check("events", "event", id_s,
	    (const char *const[]){ "kind", "webinar", "status", "held", "online", "1", NULL });
	snprintf(id_s, sizeof id_s, "/admin/entities/%lld", child);
	save_and_check("entities", "entity", id_s,
	    (const char *const[]){
		"member_status", "member", "member_confidence", "confirmed", NULL });
	snprintf(id_s, sizeof id_s, "/admin/commitments/%lld", cm);
	save_and_check("commitments", "commitment", id_s,
	    (const char *const[]){ "self_percent", "75", "self_status_date", "2031",
		"self_as_of_kind", "not_before", NULL });
}
END_TEST

/* A bad value: the kind of record, the fields set (col, value pairs), the field whose
 * message is expected and the message. */
static const struct bad {
	const char        *kind;
	const char *const *set;
	const char        *col, *msg;
} bad[] = {
	{ "milestones", (const char *const[]){ "progress_as_of_kind", "", NULL },
	    "progress_as_of_kind", "Diga como se sabe a data deste valor" },
	{ "milestones", (const char *const[]){ "progress_as_of", "", NULL }, "progress_as_of",
	    "Indique a data do valor (AAAA, AAAA-MM ou AAAA-MM-DD) ou escolha «Data não "
	    "registada»." },
	{ "milestones",
	    (const char *const[]){
		"progress_as_of_kind", "unknown", "progress_as_of", "2030-02", NULL },
	    "progress_as_of", "Com «Data não registada», a data fica vazia." },
	{ "milestones", (const char *const[]){ "progress_source", "", NULL }, "progress_source",
	    "Indique a fonte: o endereço (http:// ou https://) da página que dá o valor." },
	{ "milestones", (const char *const[]){ "progress_source", "relatório de 2030", NULL },
	    "progress_source", "Endereço inválido: só http:// ou https://." },
	{ "milestones", (const char *const[]){ "progress_confidence", "", NULL },
	    "progress_confidence", "Indique a confiança: confirmado, por confirmar ou deduzido." },
	{ "milestones", (const char *const[]){ "progress_confidence", "sure", NULL },
	    "progress_confidence", "Escolha um valor da lista." },
	{ "milestones", (const char *const[]){ "progress", "101", NULL }, "progress",
	    "Percentagem inteira de 0 a 100." },
	{ "milestones", (const char *const[]){ "progress", "", NULL }, "progress_confidence",
	    "Sem o valor a que se refere, a confiança fica vazia." },
	{ "milestones", (const char *const[]){ "progress", "", NULL }, "progress_as_of_kind",
	    "Sem valor declarado, fica vazio como se sabe a data." },
	{ "milestones", (const char *const[]){ "progress", "", NULL }, "progress_source",
	    "Sem valor declarado, a fonte fica vazia." },
	{ "milestones", (const char *const[]){ "title_pt", "", "title_pt_kind", "official", NULL },
	    "title_pt_kind", "Sem título, a origem do título fica vazia." },
	{ "milestones", (const char *const[]){ "title_en_kind", "ours", NULL }, "title_en_kind",
	    "Escolha um valor da lista." },
	{ "commitments", (const char *const[]){ "self_percent", "150", NULL }, "self_percent",
	    "Percentagem inteira de 0 a 100." },
	{ "commitments",
	    (const char *const[]){ "self_percent", "40", "self_status_date", "2030", "self_source",
		"https://example.org/s", "self_confidence", "confirmed", NULL },
	    "self_as_of_kind", "Diga como se sabe a data deste valor" },
	{ "commitments",
	    (const char *const[]){ "self_percent", "40", "self_as_of_kind", "stated",
		"self_status_date", "2030", "self_source", "ftp://example.org/s", "self_confidence",
		"confirmed", NULL },
	    "self_source", "Endereço inválido: só http:// ou https://." },
	{ "commitments",
	    (const char *const[]){ "self_status", "limited", "self_as_of_kind", "stated",
		"self_status_date", "2030", "self_source", "https://example.org/s", NULL },
	    "self_confidence", "Indique a confiança: confirmado, por confirmar ou deduzido." },
	{ "commitments", (const char *const[]){ "self_confidence", "confirmed", NULL },
	    "self_confidence", "Sem o valor a que se refere, a confiança fica vazia." },
	{ "commitments", (const char *const[]){ "self_status_date", "2030-05", NULL },
	    "self_status_date", "Sem valor declarado, a data fica vazia." },
	{ "commitments",
	    (const char *const[]){ "title_en", "", "title_en_confidence", "inferred", NULL },
	    "title_en_confidence", "Sem o valor a que se refere, a confiança fica vazia." },
	{ "commitments", (const char *const[]){ "title_pt_confidence", "", NULL },
	    "title_pt_confidence", "Indique a confiança: confirmado, por confirmar ou deduzido." },
	{ "commitments", (const char *const[]){ "irm_confidence", "confirmed", NULL },
	    "irm_confidence", "Sem o valor a que se refere, a confiança fica vazia." },
	{ "commitments", (const char *const[]){ "irm_date", "2030-13", NULL }, "irm_date",
	    "Data inválida: use AAAA, AAAA-MM ou AAAA-MM-DD." },
	{ "commitments", (const char *const[]){ "irm_ambition", "high", NULL }, "irm_confidence",
	    "Indique a confiança: confirmado, por confirmar ou deduzido." },
	{ "commitments", (const char *const[]){ "ogp_id_confidence", "", NULL },
	    "ogp_id_confidence", "Campo obrigatório." },
	{ "commitments", (const char *const[]){ "values_confidence", "maybe", NULL },
	    "values_confidence", "Escolha um valor da lista." },
	{ "plans",
	    (const char *const[]){
		"implementation_start", "2031-02", "implementation_end", "2030", NULL },
	    "implementation_end", "O fim não pode ser anterior ao início." },
	{ "plans", (const char *const[]){ "implementation_start", "2030-02-30", NULL },
	    "implementation_start", "Data inválida: use AAAA, AAAA-MM ou AAAA-MM-DD." },
	{ "plans", (const char *const[]){ "published", "", NULL }, "published_confidence",
	    "Sem o valor a que se refere, a confiança fica vazia." },
	{ "plans", (const char *const[]){ "published_confidence", "", NULL },
	    "published_confidence", "Indique a confiança: confirmado, por confirmar ou deduzido." },
	{ "plans", (const char *const[]){ "commitment_count", "sete", NULL }, "commitment_count",
	    "Número inteiro inválido ou fora dos limites." },
	{ "plans", (const char *const[]){ "milestone_count", "0", NULL }, "milestone_count",
	    "Número inteiro inválido ou fora dos limites." },
	{ "entities", (const char *const[]){ "member_confidence", "unconfirmed", NULL },
	    "member_confidence", "Sem o valor a que se refere, a confiança fica vazia." },
	{ "entities", (const char *const[]){ "member_status", "member", NULL }, "member_confidence",
	    "Indique a confiança: confirmado, por confirmar ou deduzido." },
	{ "entities", (const char *const[]){ "member_status", "honorary", NULL }, "member_status",
	    "Escolha um valor da lista." },
	{ "events", (const char *const[]){ "date_confidence", "inferred", NULL }, "date_confidence",
	    "Sem o valor a que se refere, a confiança fica vazia." },
	{ "events", (const char *const[]){ "start_date", "2031-03", NULL }, "date_confidence",
	    "Indique a confiança: confirmado, por confirmar ou deduzido." },
	{ "events", (const char *const[]){ "status", "cancelled", NULL }, "status",
	    "Escolha um valor da lista." },
	{ "events", (const char *const[]){ "title_pt", "", "title_pt_kind", "paraphrase", NULL },
	    "title_pt_kind", "Sem título, a origem do título fica vazia." },
};

/* Tries bad value b: refused with its message beside its field, nothing written, the
 * submitted values still in the form. */
static void
try_bad(const struct bad *b)
{
	const char *table, *const *p;
	struct form f;
	struct res  r;
	char        path[96], want[400], *before, *after;
	long long   id = fixture(b->kind, &table), revs;

	snprintf(path, sizeof path, "/admin/%s/%lld", b->kind, id);
	before = row_dump(table, id);
	revs = sql_int("SELECT count(*) FROM revision", NULL, 0, 0, -1);
	cgi_open_form(&focal, path, NULL, &f, NULL);
	set_pairs(&f, b->set);
	if (strcmp(b->kind, "milestones") == 0)
		form_set(&f, "evidence_url", "https://example.org/evidencia.pdf");
	cgi_post_form(&focal, path, &f, &r);
	form_free(&f);
	ck_assert_msg(r.status == 400, "%s %s: %d, not 400", path, b->col, r.status);
	snprintf(want, sizeof want, "<span class=\"field-error\" id=\"e-%s\">%s", b->col, b->msg);
	ck_assert_msg(strstr(r.body.p, want) != NULL, "%s: no message \"%s\" beside %s", path,
	    b->msg, b->col);
	ck_assert_ptr_nonnull(strstr(r.body.p, "nada foi gravado"));
	for (p = b->set; p[0] != NULL; p += 2)
		if (p[1][0] != '\0' && strcmp(p[0], b->col) != 0)
			ck_assert_msg(form_shows(r.body.p, p[0], p[1]),
			    "%s: the submitted %s = %s is not kept", path, p[0], p[1]);
	res_free(&r);
	after = row_dump(table, id);
	ck_assert_msg(strcmp(before, after) == 0, "%s changed:\n%s\n%s", path, before, after);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM revision", NULL, 0, 0, -1), revs);
	free(before);
	free(after);
}

/* Every rule of the new facts refuses its bad value with its message. */
START_TEST(bad_values_refused)
{
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		try_bad(&bad[i]);
}
END_TEST

/* A new record states how sure each fact it gives is; a fact stored without a
 * confidence (the content file leaves some unstated) does not stop the save of the
 * record's other fields; a body cannot belong to itself or to its own part. */
START_TEST(confidence_of_new_and_stored_facts)
{
	struct form f;
	struct res  r;
	char        path[96], sql[128], v[32];
	long long   cid, a, b;
	const char *table;

	cgi_open_form(&focal, "/admin/events/new", NULL, &f, NULL);
	set_pairs(&f,
	    (const char *const[]){
		"title_pt", "Sem confiança", "kind", "other", "start_date", "2031-04", NULL });
	cgi_post_form(&focal, "/admin/events/new", &f, &r);
	form_free(&f);
	ck_assert_int_eq(r.status, 400);
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "id=\"e-date_confidence\">Indique a confiança: confirmado, por confirmar ou "
	    "deduzido."));
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM event WHERE title_pt = 'Sem confiança'", NULL, 0, 0, -1),
	    0);
	res_free(&r);

	/* Stored without a confidence: another field saves, the fact keeps none. */
	cid = fixture("commitments", &table);
	snprintf(sql, sizeof sql,
	    "UPDATE commitment SET title_pt_confidence = NULL WHERE id = %lld", cid);
	sql_do(sql);
	snprintf(path, sizeof path, "/admin/commitments/%lld", cid);
	cgi_open_form(&focal, path, NULL, &f, NULL);
	form_set(&f, "note_pt", "Nota gravada sem tocar no título.");
	cgi_post_form(&focal, path, &f, &r);
	form_free(&f);
	ck_assert_msg(saved_id(&r, "commitments") == cid, "%d %s", r.status, r.body.p);
	res_free(&r);
	ck_assert_str_eq(stored("commitment", "title_pt_confidence", cid, v, sizeof v), "");
	sql_do("UPDATE commitment SET title_pt_confidence = 'confirmed' WHERE ogp_id = 'PT0991'");

	/* A body and its part: neither may belong to the other's part, nor to itself. */
	a = fixture("entities", &table);
	b = sql_int("SELECT id FROM entity WHERE slug = 'recusas-b'", NULL, 0, 0, -1);
	snprintf(path, sizeof path, "/admin/entities/%lld", a);
	snprintf(v, sizeof v, "%lld", b);
	cgi_open_form(&focal, path, NULL, &f, NULL);
	form_set(&f, "parent_id", v);
	cgi_post_form(&focal, path, &f, &r);
	ck_assert_int_eq(r.status, 400);
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "id=\"e-parent_id\">Uma entidade não pode pertencer a si própria nem a uma "
	    "entidade que dela faz parte."));
	res_free(&r);
	snprintf(v, sizeof v, "%lld", a);
	form_set(&f, "parent_id", v);
	cgi_post_form(&focal, path, &f, &r);
	form_free(&f);
	ck_assert_int_eq(r.status, 400);
	ck_assert_ptr_nonnull(strstr(r.body.p, "id=\"e-parent_id\">Uma entidade não pode"));
	res_free(&r);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM entity WHERE id = ?2 AND parent_id IS NULL",
			     NULL, a, 0, -1),
	    1);
}
END_TEST

/* The relations page shows the facts of each role, and the partners and proposers. */
START_TEST(roles_and_parties_shown)
{
	struct res  r;
	char        path[96], v[96];
	const char *table;
	long long   cid = fixture("commitments", &table), ent = fixture("entities", &table);

	snprintf(path, sizeof path, "/admin/commitments/%lld/relations", cid);
	cgi_get(&focal, path, &r);
	ck_assert_int_eq(r.status, 200);
	snprintf(v, sizeof v, "name=\"confidence-lead-%lld\"", ent);
	ck_assert_msg(strstr(r.body.p, v) != NULL, "no confidence for the lead");
	ck_assert_ptr_nonnull(strstr(r.body.p, "<option value=\"confirmed\" selected>"));
	snprintf(v, sizeof v, "name=\"role_pt-lead-%lld\"", ent);
	ck_assert_ptr_nonnull(strstr(r.body.p, v));
	snprintf(v, sizeof v, "name=\"role_en-lead-%lld\"", ent);
	ck_assert_ptr_nonnull(strstr(r.body.p, v));
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "<th scope=\"row\">Entidade B</th><td data-label=\"Relação\">Parceiro numa "
	    "atividade</td><td data-label=\"Nota\">Co-organizou o webinar.</td>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "href=\"https://example.org/webinar\""));
	res_free(&r);
}
END_TEST

/* Posts the relations form of commitment cid with lead ent and up to two more fields
 * (k1, k2; NULL: none).  Returns the status; the answer is in r. */
static int
post_relations(long long cid, long long ent, const char *k1, const char *v1, const char *k2,
    const char *v2, struct res *r)
{
	char path[96], id[32];

	snprintf(path, sizeof path, "/admin/commitments/%lld/relations", cid);
	snprintf(id, sizeof id, "%lld", ent);
	cgi_post(&focal, path, r, "lead", id, k1, v1, k2, v2, NULL);
	return r->status;
}

/* The facts of a role saved with a revision row, kept by a save that does not send
 * them, refused when bad with the submitted choices kept and nothing written. */
START_TEST(roles_saved_kept_refused)
{
	struct res  r;
	char        conf[64], pt[64], en[64], id[32];
	const char *table;
	long long   cid = fixture("commitments", &table), ent = fixture("entities", &table), revs;
	const char *roles = "SELECT count(*) FROM revision WHERE field = 'roles' AND row_id = ?2";
	const char *facts = "SELECT count(*) FROM commitment_entity WHERE commitment_id = ?2 AND "
			    "confidence = 'unconfirmed' AND role_pt = 'coordenação técnica' AND "
			    "role_en = 'technical coordination'";

	snprintf(conf, sizeof conf, "confidence-lead-%lld", ent);
	snprintf(pt, sizeof pt, "role_pt-lead-%lld", ent);
	snprintf(en, sizeof en, "role_en-lead-%lld", ent);
	revs = sql_int(roles, NULL, cid, 0, -1);
	ck_assert_int_eq(
	    post_relations(cid, ent, conf, "unconfirmed", pt, "coordenação técnica", &r), 303);
	res_free(&r);
	ck_assert_int_eq(sql_int(facts, NULL, cid, 0, -1), 0); /* role_en not sent yet */
	ck_assert_int_eq(
	    post_relations(cid, ent, en, "technical coordination", NULL, NULL, &r), 303);
	res_free(&r);
	ck_assert_int_eq(sql_int(facts, NULL, cid, 0, -1), 1);
	ck_assert_int_eq(sql_int(roles, NULL, cid, 0, -1), revs + 2);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM revision WHERE field = 'roles' AND row_id "
				 "= ?2 AND after LIKE '%unconfirmed, coordenação técnica / "
				 "technical coordination)'",
			     NULL, cid, 0, -1),
	    1);
	/* The set alone: the facts stay, no change is logged. */
	ck_assert_int_eq(post_relations(cid, ent, NULL, NULL, NULL, NULL, &r), 303);
	res_free(&r);
	ck_assert_int_eq(sql_int(facts, NULL, cid, 0, -1), 1);
	ck_assert_int_eq(sql_int(roles, NULL, cid, 0, -1), revs + 2);
	/* Refused: nothing written, the submitted choices shown. */
	ck_assert_int_eq(post_relations(cid, ent, conf, "sure", en, "kept", &r), 400);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Escolha a confiança de cada papel"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "value=\"kept\""));
	snprintf(id, sizeof id, "%lld", ent);
	ck_assert_msg(form_shows(r.body.p, "lead", id), "the submitted lead is not kept");
	res_free(&r);
	ck_assert_int_eq(sql_int(facts, NULL, cid, 0, -1), 1);
	ck_assert_int_eq(sql_int(roles, NULL, cid, 0, -1), revs + 2);
}
END_TEST

/* Every record of the content saves as it is under the rules of the form: refused
 * nowhere, and nothing logged since nothing changed. */
START_TEST(content_saves_as_it_is)
{
	static const char *const kinds[][2] = { { "plans", "action_plan" },
		{ "commitments", "commitment" }, { "milestones", "milestone" },
		{ "entities", "entity" }, { "events", "event" } };
	struct form              f;
	struct res               r;
	char                     path[96], sql[96], what[2000];
	long long                id, n = 0;
	long long last = sql_int("SELECT coalesce(max(id), 0) FROM revision", NULL, 0, 0, -1);
	size_t    i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		snprintf(sql, sizeof sql, "SELECT min(id) FROM %s WHERE id > ?2", kinds[i][1]);
		for (id = sql_int(sql, NULL, 0, 0, 0); id > 0; id = sql_int(sql, NULL, id, 0, 0)) {
			snprintf(path, sizeof path, "/admin/%s/%lld", kinds[i][0], id);
			cgi_open_form(&focal, path, NULL, &f, NULL);
			cgi_post_form(&focal, path, &f, &r);
			form_free(&f);
			ck_assert_msg(saved_id(&r, kinds[i][0]) == id,
			    "%s refused unchanged: %d %s", path, r.status, r.body.p);
			res_free(&r);
			n++;
		}
	}
	ck_assert_int_ge(n, 50);
	sql_text("SELECT group_concat(tbl || ' ' || row_id || ' ' || field || ': ' || "
		 "coalesce(before, '(null)') || ' -> ' || coalesce(after, '(null)'), '; ') FROM "
		 "revision WHERE id > ?2",
	    NULL, last, what, sizeof what);
	ck_assert_msg(what[0] == '\0', "unchanged saves changed: %s", what);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { every_field_in_its_form, new_fields_saved_and_shown,
		bad_values_refused, confidence_of_new_and_stored_facts, roles_and_parties_shown,
		roles_saved_kept_refused, content_saves_as_it_is, milestone_form_multipart, NULL };

	if (cgi_setup("aberta-admin-edit", env) != 0)
		return 1;
	if (staff_session("ines@example.org", "Inês Focal", "focal", NULL, &focal) != 0 ||
	    sql_exec(fixture_sql) != 0) {
		printf("Bail out! cannot make the account, the session or the records\n");
		return 1;
	}
	return cgi_tests_main(tests_suite("admin_edit", 300, tests));
}
