/* Request tests: the real aberta binary in CGI mode against a temporary database
 * holding the real content.  TAP output through Check. */
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "../lib/testlib.h"

static char dbpath[64];
static char binary[512];

/* Runs the binary as CGI with method and uri (and optional extra env "K=V" or NULL);
 * parses the CGI output into r. */
static void
cgi(const char *method, const char *uri, const char *extra, struct res *r)
{
	const char *env[] = { extra, NULL };

	cgi_run(binary, dbpath, method, uri, env, NULL, 0, r);
}

/* Asserts that uri answers status and that the body contains needle (if not NULL). */
static void
expect(const char *uri, int status, const char *needle)
{
	struct res r;

	cgi("GET", uri, NULL, &r);
	ck_assert_msg(r.status == status, "%s: status %d, expected %d", uri, r.status, status);
	if (needle != NULL)
		ck_assert_msg(r.body.p != NULL && strstr(r.body.p, needle) != NULL,
		    "%s: body lacks \"%s\"", uri, needle);
	res_free(&r);
}

/* Asserts that uri answers 200 and that its body does not contain needle. */
static void
lacks(const char *uri, const char *needle)
{
	struct res r;

	cgi("GET", uri, NULL, &r);
	ck_assert_msg(r.status == 200, "%s: status %d, expected 200", uri, r.status);
	ck_assert_msg(r.body.p == NULL || strstr(r.body.p, needle) == NULL, "%s: body has \"%s\"",
	    uri, needle);
	res_free(&r);
}

START_TEST(pages_both_languages)
{
	static const char *const paths[] = { "/", "/network", "/plans", "/plans/1", "/plans/2",
		"/plans/3", "/commitments/PT0013", "/commitments/PT0001", "/events", "/ogp",
		"/accessibility", "/members/ama", "/events/1" };
	char                     uri[128];
	size_t                   i;
	int                      l;

	for (l = 0; l < 2; l++)
		for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
			snprintf(uri, sizeof uri, "/%s%s", l ? "en" : "pt", paths[i]);
			expect(uri, 200, l ? "<html lang=\"en\">" : "<html lang=\"pt\">");
		}
}
END_TEST

START_TEST(real_content)
{
	struct res r;

	cgi("GET", "/en/plans/2", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(res_count(&r, "href=\"/en/commitments/PT"), 9);
	res_free(&r);
	cgi("GET", "/pt/plans/3", NULL, &r);
	ck_assert_int_eq(res_count(&r, "href=\"/pt/commitments/PT"), 7);
	res_free(&r);
	/* PT0013's lead is AMA, named in the page's language. */
	expect("/en/commitments/PT0013", 200, "Administrative Modernisation Agency");
	expect("/pt/commitments/PT0013", 200, "Agência para a Modernização Administrativa");
	expect("/en/commitments/PT0013", 200, "Improvements to dados.gov Portal");
	expect("/pt/commitments/PT0013", 200, "Evoluir e divulgar o portal Dados.gov");
	/* The first commitment of the first plan has no known title. */
	expect("/en/commitments/PT0001", 200, "Title not yet recorded");
	/* Unknown progress is "no data", never 0%. */
	expect("/en/commitments/PT0013", 200, "no data");
	/* Known milestone progress is shown with its formula and the date of its figures
	 * (100, 50, 50, 100 and 100% published on or after 5 June 2025), never the day the
	 * content was imported. */
	expect("/en/commitments/PT0018", 200, "How progress is calculated");
	expect("/en/commitments/PT0018", 200, "80%");
	expect("/en/commitments/PT0018", 200, "published on or after 5 June 2025");
	lacks("/en/commitments/PT0018", "data recorded on");
}
END_TEST

/* Sets column col of commitment ogp to value (NULL for SQL NULL). */
static void
set_commitment_text(const char *ogp, const char *col, const char *value)
{
	sqlite3      *db;
	sqlite3_stmt *s;
	char          sql[128];

	snprintf(sql, sizeof sql, "UPDATE commitment SET %s = ?1 WHERE ogp_id = ?2", col);
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (value != NULL)
		sqlite3_bind_text(s, 1, value, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, ogp, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
	ck_assert_int_eq(sqlite3_changes(db), 1);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

START_TEST(fallback_language)
{
	static const char *const pt = "Formação sobre a Lei de Acesso aos Documentos "
				      "Administrativos";

	/* PT0019's Portuguese title is a translation (title_pt_kind): the Portuguese page
	 * shows it in Portuguese, says so, and falls back to nothing. */
	expect("/pt/commitments/PT0019", 200, "<span lang=\"pt\">Formação sobre a Lei de Acesso");
	expect("/pt/commitments/PT0019", 200, "(Tradução nossa)");
	lacks("/pt/commitments/PT0019", "Este texto só está disponível em inglês.");
	/* A title known in English only is shown on the Portuguese page with a note. */
	set_commitment_text("PT0019", "title_pt", NULL);
	expect("/pt/commitments/PT0019", 200, "Este texto só está disponível em inglês.");
	expect("/pt/commitments/PT0019", 200, "lang=\"en\">Training on Law of Access");
	set_commitment_text("PT0019", "title_pt", pt);
}
END_TEST

START_TEST(language_switch)
{
	expect("/pt/commitments/PT0013", 200, "href=\"/en/commitments/PT0013\"");
	expect("/en/plans/2", 200, "href=\"/pt/plans/2\"");
}
END_TEST

START_TEST(root_redirect)
{
	struct res r;
	char       v[64];

	cgi("GET", "/", "HTTP_ACCEPT_LANGUAGE=en-GB,en;q=0.9", &r);
	ck_assert_int_eq(r.status, 302);
	ck_assert_str_eq(res_header(&r, "Location", v, sizeof v), "/en/");
	res_free(&r);
	cgi("GET", "/", "HTTP_ACCEPT_LANGUAGE=pt-PT", &r);
	ck_assert_str_eq(res_header(&r, "Location", v, sizeof v), "/pt/");
	res_free(&r);
	cgi("GET", "/", NULL, &r);
	ck_assert_str_eq(res_header(&r, "Location", v, sizeof v), "/pt/");
	res_free(&r);
}
END_TEST

START_TEST(errors)
{
	struct res r;
	char       v[64];

	expect("/pt/nothing-here", 404, "Página não encontrada");
	expect("/en/plans/99", 404, "There is no plan with that number.");
	expect("/en/plans/abc", 400, "A plan number is a whole number");
	expect("/en/plans/-3", 400, "A plan number");
	expect("/en/plans/123456789012345678901234567890", 400, "A plan number");
	expect("/en/commitments/PT99", 400, "An OGP id has two letters");
	expect("/en/commitments/PT9999", 404, "There is no commitment");
	expect("/en/events/0", 400, "An event id");
	expect("/fr/plans", 404, NULL);
	expect("/en/plans?q=%zz", 400, "invalid encoding");
	expect("/en/%C3%28", 400, "invalid encoding");
	expect("/en/%00", 400, NULL);
	cgi("POST", "/en/plans", NULL, &r);
	ck_assert_int_eq(r.status, 405);
	ck_assert_str_eq(res_header(&r, "Allow", v, sizeof v), "GET, HEAD");
	res_free(&r);
	cgi("DELETE", "/pt/", NULL, &r);
	ck_assert_int_eq(r.status, 405);
	res_free(&r);
}
END_TEST

START_TEST(overlong_query)
{
	static char uri[6000];
	size_t      i;

	snprintf(uri, sizeof uri, "/en/plans?x=");
	for (i = strlen(uri); i < sizeof uri - 1; i++)
		uri[i] = 'a';
	uri[i] = '\0';
	expect(uri, 414, "too long");
}
END_TEST

START_TEST(canonical_redirects)
{
	struct res r;
	char       v[64];

	cgi("GET", "/en/commitments/pt0013", NULL, &r);
	ck_assert_int_eq(r.status, 301);
	ck_assert_str_eq(res_header(&r, "Location", v, sizeof v), "/en/commitments/PT0013");
	res_free(&r);
	cgi("GET", "/en/plans/", NULL, &r);
	ck_assert_int_eq(r.status, 301);
	ck_assert_str_eq(res_header(&r, "Location", v, sizeof v), "/en/plans");
	res_free(&r);
}
END_TEST

START_TEST(conditional_get)
{
	struct res r;
	char       etag[96], lm[64], env[160];

	cgi("GET", "/en/plans/2", NULL, &r);
	ck_assert_ptr_nonnull(res_header(&r, "ETag", etag, sizeof etag));
	ck_assert_ptr_nonnull(res_header(&r, "Last-Modified", lm, sizeof lm));
	res_free(&r);
	snprintf(env, sizeof env, "HTTP_IF_NONE_MATCH=%s", etag);
	cgi("GET", "/en/plans/2", env, &r);
	ck_assert_int_eq(r.status, 304);
	ck_assert_uint_eq(r.body.len, 0);
	res_free(&r);
	snprintf(env, sizeof env, "HTTP_IF_MODIFIED_SINCE=%s", lm);
	cgi("GET", "/en/plans/2", env, &r);
	ck_assert_int_eq(r.status, 304);
	res_free(&r);
	cgi("GET", "/en/plans/2", "HTTP_IF_NONE_MATCH=\"stale\"", &r);
	ck_assert_int_eq(r.status, 200);
	res_free(&r);
}
END_TEST

START_TEST(head_has_no_body)
{
	struct res r;
	char       v[32];

	cgi("HEAD", "/en/plans", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_uint_eq(r.body.len, 0);
	ck_assert_ptr_nonnull(res_header(&r, "Content-Length", v, sizeof v));
	ck_assert_int_gt(strtol(v, NULL, 10), 1000);
	res_free(&r);
}
END_TEST

START_TEST(headers_everywhere)
{
	static const char *const uris[] = { "/en/plans", "/en/nothing", "/en/plans/abc", "/healthz",
		"/" };
	struct res               r;
	char                     v[256];
	size_t                   i;

	for (i = 0; i < sizeof uris / sizeof uris[0]; i++) {
		cgi("GET", uris[i], NULL, &r);
		ck_assert_ptr_nonnull(res_header(&r, "Content-Security-Policy", v, sizeof v));
		ck_assert_ptr_nonnull(strstr(v, "object-src 'none'"));
		ck_assert_str_eq(res_header(&r, "X-Content-Type-Options", v, sizeof v), "nosniff");
		ck_assert_ptr_nonnull(res_header(&r, "Referrer-Policy", v, sizeof v));
		ck_assert_ptr_nonnull(
		    strstr(res_header(&r, "Content-Type", v, sizeof v), "charset=utf-8"));
		res_free(&r);
	}
}
END_TEST

START_TEST(markup_is_escaped)
{
	sqlite3   *db;
	struct res r;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db,
			     "UPDATE commitment SET title_en = "
			     "'<script>alert(1)</script> & \"quotes\" ''single''', summary_en = "
			     "'\"><svg onload=alert(1)>' WHERE ogp_id = 'PT0002'",
			     NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	cgi("GET", "/en/commitments/PT0002", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_null(strstr(r.body.p, "<script>alert(1)"));
	ck_assert_ptr_null(strstr(r.body.p, "<svg onload"));
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "&quot;&gt;&lt;svg onload=alert(1)&gt;"));
	res_free(&r);
	cgi("GET", "/en/plans/1", NULL, &r);
	ck_assert_ptr_null(strstr(r.body.p, "<script>alert(1)"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "&lt;script&gt;alert(1)"));
	res_free(&r);
}
END_TEST

START_TEST(health)
{
	expect("/healthz", 200, "ok");
}
END_TEST

START_TEST(health_without_database)
{
	struct res r;
	char       env[128];

	/* A database path that cannot be opened: the worker refuses to start. */
	snprintf(env, sizeof env, "ABERTA_DB=/nonexistent-dir/x.db");
	memset(&r, 0, sizeof r);
	{
		pid_t pid;
		int   st;
		if ((pid = fork()) == 0) {
			int fd = open("/dev/null", O_WRONLY);
			dup2(fd, 1);
			dup2(fd, 2);
			putenv(env);
			setenv("REQUEST_URI", "/healthz", 1);
			setenv("GATEWAY_INTERFACE", "CGI/1.1", 1);
			execl(binary, binary, (char *)NULL);
			_exit(127);
		}
		ck_assert_int_eq(waitpid(pid, &st, 0), pid);
		ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 1);
	}
}
END_TEST

START_TEST(broken_template_stops_start)
{
	char  dir[] = "/tmp/aberta-badtplXXXXXX", path[600];
	pid_t pid;
	int   st;
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/layout.tpl", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	/* An unquoted URL attribute with the variable first: ctemplate refuses it. */
	fputs("{{%AUTOESCAPE context=\"HTML\"}}\n<a href={{U}}>x</a>\n", f);
	fclose(f);
	if ((pid = fork()) == 0) {
		int fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		dup2(fd, 2);
		setenv("ABERTA_TEMPLATES", dir, 1);
		setenv("ABERTA_DB", dbpath, 1);
		setenv("REQUEST_URI", "/pt/", 1);
		setenv("GATEWAY_INTERFACE", "CGI/1.1", 1);
		execl(binary, binary, (char *)NULL);
		_exit(127);
	}
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert_msg(
	    WIFEXITED(st) && WEXITSTATUS(st) == 1, "a broken template must stop the start");
	unlink(path);
	rmdir(dir);
}
END_TEST

/* The outbox rows of rcpt that are still there, or -1. */
static int
outbox_left(const char *rcpt)
{
	sqlite3      *db;
	sqlite3_stmt *s;
	int           n = -1;

	if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM outbox WHERE rcpt = ?1", -1, &s, NULL) ==
		SQLITE_OK) {
		sqlite3_busy_timeout(db, 5000);
		sqlite3_bind_text(s, 1, rcpt, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return n;
}

/* Seconds since t0. */
static double
since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A citizen's comment: the worker answers at once and the confirmation email leaves
 * through `aberta-admin mail flush --id N`, started by the worker, within seconds, with
 * no `mail flush` run here.  The stand-in sendmail takes 3 s: an answer that waited for
 * the mail (or a child that kept the worker's output open) would take as long. */
START_TEST(cocreation_mail_leaves_the_worker)
{
	char        dir[] = "/tmp/aberta-reqmailXXXXXX", sm[600], mail[600], fds[600];
	char        e_sm[700], e_dir[700], *text;
	const char *body = "author=Teste&email=Request.Test%40example.net&body=Um+coment%C3%A1rio"
			   "+de+teste+com+texto+suficiente&consent=1&website=";
	const char *env[] = { "CONTENT_TYPE=application/x-www-form-urlencoded",
		"REMOTE_ADDR=192.0.2.10", "HTTP_HOST=127.0.0.1", NULL, NULL, NULL, NULL };
	struct timespec t0;
	struct res      r;
	struct buf      b = { 0 };
	double          took;
	FILE           *f;
	int             i, c;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(sm, sizeof sm, "%s/sendmail", dir);
	snprintf(mail, sizeof mail, "%s/mail", dir);
	snprintf(fds, sizeof fds, "%s/admin-fds", dir);
	ck_assert_ptr_nonnull(f = fopen(sm, "w"));
	fputs("#!/bin/sh\nsleep 3\ncat >\"$MAIL_DIR/mail.tmp\"\n"
	      "readlink /proc/$PPID/fd/0 /proc/$PPID/fd/1 >\"$MAIL_DIR/admin-fds\"\n"
	      "mv \"$MAIL_DIR/mail.tmp\" \"$MAIL_DIR/mail\"\n",
	    f);
	fclose(f);
	ck_assert_int_eq(chmod(sm, 0755), 0);
	snprintf(e_sm, sizeof e_sm, "ABERTA_SENDMAIL=%s", sm);
	snprintf(e_dir, sizeof e_dir, "MAIL_DIR=%s", dir);
	env[3] = e_sm;
	env[4] = e_dir;
	env[5] = "ABERTA_SMTP_URL=";
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cgi_run(
	    binary, dbpath, "POST", "/pt/commitments/PT0013/comments", env, body, strlen(body), &r);
	took = since(&t0);
	ck_assert_msg(r.status == 303, "the comment answers %d", r.status);
	res_free(&r);
	ck_assert_msg(took < 2.5, "the answer took %.2f s: it waited for the mail", took);
	for (i = 0; i < 100 && access(mail, R_OK) != 0; i++)
		usleep(100000);
	ck_assert_msg(access(mail, R_OK) == 0, "no mail 10 s after the answer");
	ck_assert_ptr_nonnull(f = fopen(mail, "r"));
	while ((c = fgetc(f)) != EOF)
		buf_printf(&b, "%c", c);
	fclose(f);
	ck_assert_ptr_nonnull(text = b.p);
	ck_assert_msg(strstr(text, "To: request.test@example.net\r\n") != NULL &&
		strstr(text, "/pt/submissions/confirm/") != NULL,
	    "%s", text);
	buf_free(&b);
	ck_assert_ptr_nonnull(f = fopen(fds, "r"));
	while ((c = fgetc(f)) != EOF)
		buf_printf(&b, "%c", c);
	fclose(f);
	ck_assert_msg(b.p != NULL && strcmp(b.p, "/dev/null\n/dev/null\n") == 0,
	    "aberta-admin's input and output: %s", b.p ? b.p : "(none)");
	buf_free(&b);
	for (i = 0; i < 100 && outbox_left("request.test@example.net") != 0; i++)
		usleep(100000);
	ck_assert_int_eq(outbox_left("request.test@example.net"), 0);
	unlink(mail);
	unlink(fds);

	/* When aberta-admin cannot be started, the citizen is answered all the same and the
	 * message waits in the outbox for the timer. */
	body = "author=Teste&email=waits.test%40example.net&body=Outro+coment%C3%A1rio+de+teste"
	       "+com+texto&consent=1&website=";
	env[5] = "ABERTA_ADMIN=/nonexistent/aberta-admin";
	cgi_run(
	    binary, dbpath, "POST", "/pt/commitments/PT0013/comments", env, body, strlen(body), &r);
	ck_assert_msg(r.status == 303, "the comment answers %d", r.status);
	res_free(&r);
	usleep(500000);
	ck_assert_int_eq(outbox_left("waits.test@example.net"), 1);
	ck_assert_int_ne(access(mail, R_OK), 0);
	unlink(sm);
	rmdir(dir);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { pages_both_languages, real_content, fallback_language,
		language_switch, root_redirect, errors, overlong_query, canonical_redirects,
		conditional_get, head_has_no_body, headers_everywhere, health,
		health_without_database, broken_template_stops_start, markup_is_escaped,
		cocreation_mail_leaves_the_worker, NULL };
	int                failed;
	const char        *bd = getenv("ABERTA_BUILDDIR");

	snprintf(binary, sizeof binary, "%s/aberta", bd ? bd : ".");
	if (test_db_create(dbpath, sizeof dbpath, "aberta-req") != 0)
		return 1;
	setenv("ABERTA_TODAY", "2026-11-27", 1);
	failed = tests_main(tests_suite("request", 120, tests));
	test_db_remove(dbpath);
	return failed == 0 ? 0 : 1;
}
