/* Uploaded documents (finding 2 of issue 16): a member editor's evidence file is not
 * public before its draft is approved, nor after the draft is returned or the record
 * citing it deleted (404, as an unknown digest); the staff see it at
 * /admin/uploads/SHA/file; a public one is cached for minutes, not a year, validated by
 * its digest and sandboxed; the staff's page of a document withdraws it (410 Gone in
 * the visitor's language, the pages citing it show "withdrawn on"), in one transaction
 * with its audit line, the file kept.  The real binary as CGI on the real content. */
#include <sys/stat.h>

#include "../lib/client.h"
#include "../lib/testlib.h"

#define UPLOAD_DIR "/tmp/aberta-up-uploads"
#define TODAY      "ABERTA_TODAY=2026-06-01"
#define SANDBOX    "sandbox; default-src 'none'"
/* A digest no document has. */
#define SHA_NONE "0000000000000000000000000000000000000000000000000000000000000000"

static const char *const env[] = { TODAY, "ABERTA_UPLOADS=" UPLOAD_DIR, NULL };
static struct session    focal, member, other;

/* A commitment ogp of plan 93 led by body up-corpo with one milestone; returns the
 * milestone's id. */
static long long
milestone_of(const char *ogp)
{
	char sql[1200];

	snprintf(sql, sizeof sql,
	    "INSERT INTO commitment (ogp_id, plan_id, title_pt, title_pt_confidence) SELECT "
	    "'%s', id, 'Compromisso %s', 'confirmed' FROM action_plan WHERE number = 93;"
	    "INSERT INTO commitment_entity (commitment_id, entity_id, role, position) SELECT "
	    "c.id, e.id, 'lead', 0 FROM commitment c, entity e WHERE c.ogp_id = '%s' AND "
	    "e.slug = 'up-corpo';"
	    "INSERT INTO milestone (commitment_id, position, title_pt, status, progress) SELECT "
	    "id, 1, 'Marco', 'in_progress', 10 FROM commitment WHERE ogp_id = '%s';",
	    ogp, ogp, ogp, ogp);
	sql_do(sql);
	return sql_int("SELECT m.id FROM milestone m JOIN commitment c ON c.id = m.commitment_id "
		       "WHERE c.ogp_id = ?1",
	    ogp, 0, 0, -1);
}

/* The member editor proposes, for milestone mid of commitment cid, a figure of pct with
 * a PDF holding text as its evidence (labelled label); the draft's id into *draft and
 * the document's digest into sha. */
static void
propose(long long cid, long long mid, const char *pct, const char *text, const char *label,
    long long *draft, char sha[65])
{
	struct buf  b = { 0 };
	struct form f;
	struct res  r;
	char        path[96], name[96], doc[256];
	int         i;

	snprintf(path, sizeof path, "/admin/commitments/%lld", cid);
	snprintf(name, sizeof name, "/admin/commitments/%lld/milestones", cid);
	cgi_open_form(&member, path, name, &f, NULL);
	snprintf(name, sizeof name, "m%lld-progress", mid);
	form_set(&f, name, pct);
	snprintf(name, sizeof name, "m%lld-progress_as_of", mid);
	form_set(&f, name, "2026-05-20");
	snprintf(name, sizeof name, "m%lld-progress_as_of_kind", mid);
	form_set(&f, name, "stated");
	snprintf(name, sizeof name, "m%lld-progress_source", mid);
	form_set(&f, name, "https://example.org/relatorio");
	snprintf(name, sizeof name, "m%lld-progress_confidence", mid);
	form_set(&f, name, "confirmed");
	form_set(&f, "evidence_label", label);
	for (i = 0; i < f.n; i++)
		multipart_field(&b, f.name[i], f.val[i]);
	snprintf(
	    doc, sizeof doc, "%%PDF-1.4\n%% %s\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n", text);
	multipart_file(&b, "evidence_file", "prova.pdf", "application/pdf", doc);
	snprintf(path, sizeof path, "/admin/commitments/%lld/milestones", cid);
	cgi_post_multipart(&member, path, &b, &r);
	form_free(&f);
	ck_assert_msg(
	    r.status == 303, "the member's save answered %d: %.2000s", r.status, r.body.p);
	res_free(&r);
	*draft = sql_int(
	    "SELECT max(id) FROM draft WHERE status = 'pending' AND row_id = ?2", NULL, mid, 0, -1);
	ck_assert_int_gt(*draft, 0);
	ck_assert_ptr_nonnull(sql_text("SELECT json_extract(payload, '$.evidence_upload') FROM "
				       "draft WHERE id = ?2",
	    NULL, *draft, sha, 65));
	ck_assert_int_eq(strlen(sha), 64);
}

/* The commitment of milestone mid. */
static long long
cid_of(long long mid)
{
	return sql_int("SELECT commitment_id FROM milestone WHERE id = ?2", NULL, mid, 0, -1);
}

/* Decides draft d as the focal point: "approve" or "return". */
static void
decide(long long d, const char *how)
{
	struct res r;
	char       path[96];

	snprintf(path, sizeof path, "/admin/reviews/%lld/%s", d, how);
	cgi_post(&focal, path, &r, "comment", "Falta a fonte.", NULL);
	ck_assert_msg(r.status == 303, "%s answered %d: %.2000s", path, r.status, r.body.p);
	res_free(&r);
}

/* GETs the public address of sha as a stranger (Accept-Language lang, NULL: none; inm:
 * an If-None-Match, NULL: none) into r. */
static void
get_public(const char *sha, const char *lang, const char *inm, struct res *r)
{
	char        uri[96], al[64], nm[120];
	const char *e[] = { TODAY, "ABERTA_UPLOADS=" UPLOAD_DIR, al, nm, NULL };

	snprintf(uri, sizeof uri, "/uploads/%s", sha);
	snprintf(al, sizeof al, "HTTP_ACCEPT_LANGUAGE=%s", lang ? lang : "");
	snprintf(nm, sizeof nm, "%s%s", inm ? "HTTP_IF_NONE_MATCH=" : "X_NONE=", inm ? inm : "");
	cgi_run(cgi_binary, cgi_db, "GET", uri, e, NULL, 0, r);
}

/* The ETag of sha: the digest, quoted (static). */
static const char *
sha_etag(const char *sha)
{
	static char e[70];

	snprintf(e, sizeof e, "\"%s\"", sha);
	return e;
}

/* How many header lines of r hold needle. */
static int
head_count(const struct res *r, const char *needle)
{
	const char *p = r->head.p;
	int         n = 0;

	while (p != NULL && (p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

/* The status of the public address of sha. */
static int
public_status(const char *sha)
{
	struct res r;
	int        st;

	get_public(sha, NULL, NULL, &r);
	st = r.status;
	res_free(&r);
	return st;
}

/* The status of GET path as s. */
static int
status_as(const struct session *s, const char *path)
{
	struct res r;
	int        st;

	cgi_get(s, path, &r);
	st = r.status;
	res_free(&r);
	return st;
}

/* A member editor's evidence is not public until the focal point approves its draft:
 * its address answers as an unknown digest does (404, no validator, nothing cached).
 * Then 200, cached for minutes with its digest as ETag (304 on If-None-Match), in a
 * sandbox. */
START_TEST(draft_file_not_public_until_approved)
{
	struct res r, none;
	long long  mid = milestone_of("PT0901"), d;
	char       sha[65], h[200];

	propose(cid_of(mid), mid, "40", "rascunho um", "Prova do membro", &d, sha);
	get_public(sha, NULL, NULL, &r);
	get_public(SHA_NONE, NULL, NULL, &none);
	ck_assert_int_eq(r.status, 404);
	ck_assert_ptr_null(res_header(&r, "ETag", h, sizeof h));
	/* The same page but for the address it names (a digest of the same length). */
	ck_assert_int_eq(r.body.len, none.body.len);
	ck_assert_str_eq(res_header(&r, "Cache-Control", h, sizeof h), "no-store");
	res_free(&r);
	res_free(&none);
	decide(d, "approve");
	get_public(sha, NULL, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "rascunho um"));
	ck_assert_str_eq(res_header(&r, "Cache-Control", h, sizeof h), "public, max-age=300");
	ck_assert_str_eq(res_header(&r, "Content-Security-Policy", h, sizeof h), SANDBOX);
	ck_assert_int_eq(head_count(&r, "Content-Security-Policy"), 1);
	ck_assert_str_eq(res_header(&r, "ETag", h, sizeof h), sha_etag(sha));
	res_free(&r);
	get_public(sha, NULL, sha_etag(sha), &r);
	ck_assert_int_eq(r.status, 304);
	res_free(&r);
}
END_TEST

/* The staff see a draft's file at its staff address: the focal point, the member editor
 * who sent it; not a member editor of another body, not a stranger (sent to log in).
 * The answer is sandboxed as the public one is. */
START_TEST(staff_see_draft_file)
{
	struct res r;
	long long  mid = milestone_of("PT0902"), d;
	char       sha[65], path[96], h[200];

	propose(cid_of(mid), mid, "45", "rascunho dois", "Prova dois", &d, sha);
	snprintf(path, sizeof path, "/admin/uploads/%s/file", sha);
	cgi_get(&member, path, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "rascunho dois"));
	ck_assert_str_eq(res_header(&r, "Content-Security-Policy", h, sizeof h), SANDBOX);
	ck_assert_str_eq(res_header(&r, "Cache-Control", h, sizeof h), "no-store");
	res_free(&r);
	ck_assert_int_eq(status_as(&focal, path), 200);
	ck_assert_int_eq(status_as(&other, path), 403);
	ck_assert_int_eq(status_as(NULL, path), 303);
	/* The review page links the draft's file there, not to the public address. */
	cgi_get(&focal, "/admin/reviews", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, path));
	res_free(&r);
	snprintf(path, sizeof path, "/admin/uploads/%s/file", SHA_NONE);
	ck_assert_int_eq(status_as(&focal, path), 404);
}
END_TEST

/* A returned draft publishes nothing: its file stays 404. */
START_TEST(returned_draft_file_not_public)
{
	long long mid = milestone_of("PT0903"), d;
	char      sha[65];

	propose(cid_of(mid), mid, "50", "rascunho devolvido", "Prova devolvida", &d, sha);
	decide(d, "return");
	ck_assert_int_eq(public_status(sha), 404);
}
END_TEST

/* Once the record citing it is deleted, the file is no longer public. */
START_TEST(deleted_record_file_not_public)
{
	struct res r;
	long long  mid = milestone_of("PT0904"), d;
	char       sha[65], path[96], ver[32];

	propose(cid_of(mid), mid, "55", "marco apagado", "Prova apagada", &d, sha);
	decide(d, "approve");
	ck_assert_int_eq(public_status(sha), 200);
	snprintf(path, sizeof path, "/admin/milestones/%lld/delete", mid);
	snprintf(ver, sizeof ver, "%lld",
	    sql_int("SELECT version FROM milestone WHERE id = ?2", NULL, mid, 0, -1));
	cgi_post(&focal, path, &r, "version", ver, NULL);
	ck_assert_msg(r.status == 303, "the delete answered %d: %.2000s", r.status, r.body.p);
	res_free(&r);
	ck_assert_int_eq(public_status(sha), 404);
}
END_TEST

/* GETs path with Accept-Language lang as a stranger into r. */
static void
get_lang(const char *path, const char *lang, struct res *r)
{
	char        al[64];
	const char *e[] = { TODAY, "ABERTA_UPLOADS=" UPLOAD_DIR, al, NULL };

	snprintf(al, sizeof al, "HTTP_ACCEPT_LANGUAGE=%s", lang);
	cgi_run(cgi_binary, cgi_db, "GET", path, e, NULL, 0, r);
}

/* The staff's page of a document: its facts and who cites it; the withdraw form for the
 * focal point only (a member editor sees the page of its own file, and is refused the
 * POST); a reason is required; a forged token refused. */
START_TEST(upload_page_and_refusals)
{
	struct res r;
	long long  mid = milestone_of("PT0905"), d;
	char       sha[65], path[96];

	propose(cid_of(mid), mid, "60", "pagina do documento", "Prova seis", &d, sha);
	decide(d, "approve");
	snprintf(path, sizeof path, "/admin/uploads/%s", sha);
	cgi_get(&focal, path, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "prova.pdf"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Prova seis"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Mara Membro"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "name=\"why\""));
	res_free(&r);
	cgi_get(&member, path, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_null(strstr(r.body.p, "name=\"why\""));
	res_free(&r);
	/* Public: any member editor may see its page. */
	ck_assert_int_eq(status_as(&other, path), 200);
	cgi_post(&member, path, &r, "why", "Não devia.", NULL);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	cgi_post(&focal, path, &r, "why", "   ", NULL);
	ck_assert_int_eq(r.status, 400);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Diga porque"));
	res_free(&r);
	/* Two reasons: which one the audit log would keep is not for the program to guess. */
	cgi_post(&focal, path, &r, "why", "Primeira razão.", "why", "Segunda razão.", NULL);
	ck_assert_int_eq(r.status, 400);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Diga porque"));
	res_free(&r);
	cgi_as(&focal, "POST", path, "csrf=forged&why=Forjado", &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM upload WHERE sha256 = ?1 AND withdrawn_at "
				 "IS NOT NULL",
			     sha, 0, 0, -1),
	    0);
	ck_assert_int_eq(public_status(sha), 200);
}
END_TEST

/* A withdrawal: one audit line, a new content version, the file kept on disk; the public
 * address answers 410 in the visitor's language, and the commitment's page shows the
 * label with the date instead of the link, at once. */
START_TEST(withdraw_gives_410)
{
	struct res  r;
	long long   mid = milestone_of("PT0906"), d, ver;
	char        sha[65], path[96], file[160], loc[200], href[96];
	struct stat st;

	propose(cid_of(mid), mid, "65", "documento retirado", "Prova sete", &d, sha);
	decide(d, "approve");
	snprintf(href, sizeof href, "href=\"/uploads/%s\"", sha);
	get_lang("/pt/commitments/PT0906", "pt", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, href));
	res_free(&r);
	ver = sql_int("SELECT content_version FROM site_state", NULL, 0, 0, -1);
	snprintf(path, sizeof path, "/admin/uploads/%s", sha);
	cgi_post(&focal, path, &r, "why", "Contém dados pessoais.", NULL);
	ck_assert_msg(r.status == 303, "the withdrawal answered %d: %.2000s", r.status, r.body.p);
	ck_assert_ptr_nonnull(res_header(&r, "Location", loc, sizeof loc));
	ck_assert_ptr_nonnull(strstr(loc, path));
	res_free(&r);
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM upload u JOIN staff s ON s.id = "
		    "u.withdrawn_by WHERE u.sha256 = ?1 AND s.login = "
		    "'ines@example.org' AND u.withdrawn_why = 'Contém dados pessoais.' "
		    "AND u.withdrawn_at IS NOT NULL",
		sha, 0, 0, -1),
	    1);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM audit_log WHERE action = "
				 "'upload_withdraw' AND object = 'upload:' || ?1 AND actor = "
				 "'ines@example.org' AND detail = 'Contém dados pessoais.'",
			     sha, 0, 0, -1),
	    1);
	ck_assert_int_gt(sql_int("SELECT content_version FROM site_state", NULL, 0, 0, -1), ver);
	snprintf(file, sizeof file, "%s/%s", UPLOAD_DIR, sha);
	ck_assert_int_eq(stat(file, &st), 0);
	get_public(sha, "pt", NULL, &r);
	ck_assert_int_eq(r.status, 410);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Este documento foi retirado deste sítio em "));
	ck_assert_ptr_null(strstr(r.body.p, "documento retirado"));
	res_free(&r);
	get_public(sha, "en", sha_etag(sha), &r);
	ck_assert_int_eq(r.status, 410);
	ck_assert_ptr_nonnull(strstr(r.body.p, "This document was withdrawn from this site on "));
	res_free(&r);
	get_lang("/pt/commitments/PT0906", "pt", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_null(strstr(r.body.p, href));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Prova sete"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "retirado em"));
	res_free(&r);
	get_lang("/en/commitments/PT0906", "en", &r);
	ck_assert_ptr_null(strstr(r.body.p, href));
	ck_assert_ptr_nonnull(strstr(r.body.p, "withdrawn on"));
	res_free(&r);
	/* A second withdrawal changes nothing and says so. */
	cgi_post(&focal, path, &r, "why", "De novo.", NULL);
	ck_assert_int_eq(r.status, 409);
	res_free(&r);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM audit_log WHERE action = "
				 "'upload_withdraw' AND object = 'upload:' || ?1",
			     sha, 0, 0, -1),
	    1);
	/* The workspace links the staff's page of the document, which still works. */
	snprintf(path, sizeof path, "/admin/commitments/%lld", cid_of(mid));
	cgi_get(&focal, path, &r);
	snprintf(path, sizeof path, "href=\"/admin/uploads/%s\"", sha);
	ck_assert_ptr_nonnull(strstr(r.body.p, path));
	res_free(&r);
	/* The staff still reach the file. */
	snprintf(path, sizeof path, "/admin/uploads/%s/file", sha);
	ck_assert_int_eq(status_as(&focal, path), 200);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { draft_file_not_public_until_approved, staff_see_draft_file,
		returned_draft_file_not_public, deleted_record_file_not_public,
		upload_page_and_refusals, withdraw_gives_410, NULL };

	if (cgi_setup("aberta-uploads", env) != 0)
		return 1;
	if (sql_exec("INSERT INTO action_plan (number, title_pt, published, published_confidence) "
		     "VALUES (93, 'Plano dos documentos', '2020-01', 'confirmed');"
		     "INSERT INTO entity (slug, name_pt, kind) VALUES ('up-corpo', 'Corpo dos "
		     "documentos', 'public'), ('up-outro', 'Outro corpo', 'public');") != 0 ||
	    staff_session("ines@example.org", "Inês Focal", "focal", NULL, &focal) != 0 ||
	    staff_session("mara@example.org", "Mara Membro", "member", "up-corpo", &member) != 0 ||
	    staff_session("rui@example.org", "Rui Outro", "member", "up-outro", &other) != 0) {
		printf("Bail out! cannot make the accounts, the sessions or the records\n");
		return 1;
	}
	return cgi_tests_main(tests_suite("uploads", 300, tests));
}
