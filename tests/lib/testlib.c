/* testlib: see testlib.h. */
#include <sqlite3.h>
#include <sodium.h>
#include <stdarg.h>
#include <sys/wait.h>

#include "client.h"
#include "lib/pow.h"
#include "testlib.h"

char               cgi_binary[512];
char               cgi_db[128];
const char *const *cgi_env;

int
run_cmd(char *const argv[])
{
	pid_t pid;
	int   st;

	if ((pid = fork()) == 0) {
		dup2(2, 1);
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int
make_test_db(const char *path)
{
	const char *bd = getenv("ABERTA_BUILDDIR"), *sd = getenv("ABERTA_SRCDIR");
	const char *content = getenv("ABERTA_CONTENT");
	char        admin[512], pages[512];

	if (bd == NULL || sd == NULL || content == NULL)
		return -1;
	snprintf(admin, sizeof admin, "%s/aberta-admin", bd);
	snprintf(pages, sizeof pages, "%s/content/pages.json", sd);
	char *const a1[] = { admin, "--db", (char *)path, "migrate", NULL };
	char *const a2[] = { admin, "--db", (char *)path, "import", (char *)content, NULL };
	char *const a3[] = { admin, "--db", (char *)path, "import", pages, NULL };
	return run_cmd(a1) == 0 && run_cmd(a2) == 0 && run_cmd(a3) == 0 ? 0 : -1;
}

int
test_db_path(char *path, size_t len, const char *prefix)
{
	int fd;

	snprintf(path, len, "/tmp/%sXXXXXX", prefix);
	if ((fd = mkstemp(path)) < 0)
		return -1;
	close(fd);
	unlink(path);
	return 0;
}

int
test_db_create(char *path, size_t len, const char *prefix)
{
	if (test_db_path(path, len, prefix) != 0)
		return printf("Bail out! cannot make a temporary file\n"), -1;
	if (make_test_db(path) != 0)
		return printf("Bail out! cannot create the test database\n"), -1;
	return 0;
}

void
test_db_remove(const char *path)
{
	char p[600];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/* The child of cgi_run: the CGI environment, then the worker with in and out as its
 * standard input and output. */
static void
cgi_exec(const char *binary, const char *dbpath, const char *method, const char *uri,
    const char *const *env, const char *body, size_t len, int in, int out)
{
	const char *q = strchr(uri, '?');
	char        cl[32];

	dup2(out, 1);
	dup2(in, 0);
	setenv("REQUEST_METHOD", method, 1);
	setenv("REQUEST_URI", uri, 1);
	setenv("QUERY_STRING", q ? q + 1 : "", 1);
	setenv("GATEWAY_INTERFACE", "CGI/1.1", 1);
	setenv("ABERTA_DB", dbpath, 1);
	if (body != NULL) {
		snprintf(cl, sizeof cl, "%zu", len);
		setenv("CONTENT_LENGTH", cl, 1);
	}
	for (; env != NULL && *env != NULL; env++)
		putenv((char *)*env);
	execl(binary, binary, (char *)NULL);
	_exit(127);
}

void
cgi_run(const char *binary, const char *dbpath, const char *method, const char *uri,
    const char *const *env, const char *body, size_t len, struct res *r)
{
	int        out[2], in[2], st;
	pid_t      pid;
	char       chunk[8192], *sep;
	struct buf all = { 0 };
	ssize_t    n;

	memset(r, 0, sizeof *r);
	ck_assert_int_eq(pipe(out), 0);
	ck_assert_int_eq(pipe(in), 0);
	if ((pid = fork()) == 0) {
		close(out[0]);
		close(in[1]);
		cgi_exec(binary, dbpath, method, uri, env, body, len, in[0], out[1]);
	}
	close(out[1]);
	close(in[0]);
	if (body != NULL)
		ck_assert_int_eq(write(in[1], body, len), (ssize_t)len);
	close(in[1]);
	while ((n = read(out[0], chunk, sizeof chunk)) > 0)
		buf_put(&all, chunk, (size_t)n);
	close(out[0]);
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "worker exited abnormally: %s", uri);
	ck_assert_ptr_nonnull(all.p);
	sep = strstr(all.p, "\r\n\r\n");
	ck_assert_ptr_nonnull(sep);
	buf_put(&r->head, all.p, (size_t)(sep - all.p) + 2);
	buf_put(&r->body, sep + 4, all.len - (size_t)(sep + 4 - all.p));
	if (r->body.p == NULL)
		buf_puts(&r->body, "");
	ck_assert_int_eq(sscanf(all.p, "Status: %d", &r->status), 1);
	buf_free(&all);
}

Suite *
tests_suite(const char *name, int timeout, const TTest *const tests[])
{
	Suite *su = suite_create(name);
	TCase *tc = tcase_create("all");

	if (timeout > 0)
		tcase_set_timeout(tc, timeout);
	for (; *tests != NULL; tests++)
		tcase_add_test(tc, *tests);
	suite_add_tcase(su, tc);
	return su;
}

int
tests_main(Suite *su)
{
	SRunner *sr = srunner_create(su);
	int      failed;

	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}

int
cgi_setup(const char *prefix, const char *const *env)
{
	static char admin[512];
	const char *bd = getenv("ABERTA_BUILDDIR");

	if (sodium_init() < 0)
		return printf("Bail out! libsodium does not start\n"), -1;
	snprintf(cgi_binary, sizeof cgi_binary, "%s/aberta", bd ? bd : ".");
	snprintf(admin, sizeof admin, "%s/aberta-admin", bd ? bd : ".");
	rc_adminbin = admin;
	rc_db = cgi_db;
	cgi_env = env;
	return test_db_create(cgi_db, sizeof cgi_db, prefix);
}

int
cgi_tests_main(Suite *su)
{
	int status = tests_main(su);

	test_db_remove(cgi_db);
	return status;
}

int
session_open(const char *dbpath, const char *login, struct session *s)
{
	unsigned char h[crypto_hash_sha256_BYTES], raw[32];
	char          token[65];
	sqlite3      *db = NULL;
	sqlite3_stmt *st;
	int           rc = -1;

	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(token, sizeof token, raw, sizeof raw);
	crypto_hash_sha256(h, (unsigned char *)token, strlen(token));
	snprintf(s->cookie, sizeof s->cookie, "HTTP_COOKIE=aberta=%s", token);
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(s->csrf, sizeof s->csrf, raw, sizeof raw);
	if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	    sqlite3_busy_timeout(db, 10000) == SQLITE_OK &&
	    sqlite3_prepare_v2(db,
		"INSERT INTO session (token_hash, staff_id, csrf, stage, created_at, "
		"last_seen) SELECT ?1, id, ?2, 'full', CAST(strftime('%s','now') AS INTEGER), "
		"CAST(strftime('%s','now') AS INTEGER) FROM staff WHERE login = ?3",
		-1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_blob(st, 1, h, sizeof h, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, s->csrf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, login, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(db) == 1 ? 0 : -1;
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return rc;
}

int
staff_session(
    const char *login, const char *name, const char *role, const char *slug, struct session *s)
{
	struct acct a;

	if (acct_add(&a, login, name, role, slug) != 0)
		return -1;
	if (s != NULL && session_open(cgi_db, login, s) != 0)
		return fprintf(stderr, "no session row for %s\n", login), -1;
	return 0;
}

/* Runs cgi_binary on cgi_db with s's cookie (NULL: an empty one), the Content-Type ctype
 * and cgi_env's entries (fifteen at most in all); method, uri, body of len bytes (NULL:
 * none). */
static void
run_as(const struct session *s, const char *ctype, const char *method, const char *uri,
    const char *body, size_t len, struct res *r)
{
	const char *env[16] = { s ? s->cookie : "HTTP_COOKIE=", ctype };
	size_t      n;

	for (n = 0; cgi_env != NULL && cgi_env[n] != NULL && n + 3 < 16; n++)
		env[n + 2] = cgi_env[n];
	cgi_run(cgi_binary, cgi_db, method, uri, env, body, len, r);
}

void
cgi_as(
    const struct session *s, const char *method, const char *uri, const char *body, struct res *r)
{
	run_as(s, "CONTENT_TYPE=application/x-www-form-urlencoded", method, uri, body,
	    body ? strlen(body) : 0, r);
}

void
cgi_get(const struct session *s, const char *uri, struct res *r)
{
	cgi_as(s, "GET", uri, NULL, r);
}

void
cgi_post_body(const struct session *s, const char *uri, const char *body, struct res *r)
{
	struct buf b = { 0 };

	buf_printf(&b, "csrf=%s%s%s", s->csrf, *body ? "&" : "", body);
	cgi_as(s, "POST", uri, b.p, r);
	buf_free(&b);
}

void
cgi_post(const struct session *s, const char *uri, struct res *r, ...)
{
	struct form f = { 0 };
	const char *k, *v;
	va_list     ap;

	form_add(&f, "csrf", s->csrf);
	va_start(ap, r);
	while ((k = va_arg(ap, const char *)) != NULL && (v = va_arg(ap, const char *)) != NULL)
		form_add(&f, k, v);
	va_end(ap);
	cgi_post_form(s, uri, &f, r);
	form_free(&f);
}

void
cgi_post_form(const struct session *s, const char *uri, const struct form *f, struct res *r)
{
	char *body = form_encode(f);

	cgi_as(s, "POST", uri, body, r);
	free(body);
}

void
cgi_open_form(
    const struct session *s, const char *path, const char *action, struct form *f, struct res *r)
{
	struct res page;

	cgi_get(s, path, &page);
	ck_assert_msg(page.status == 200, "GET %s: %d", path, page.status);
	ck_assert_msg(form_parse(page.body.p, action ? action : path, f) == 0, "%s: no form %s",
	    path, action ? action : "");
	if (r != NULL)
		*r = page;
	else
		res_free(&page);
}

void
multipart_field(struct buf *b, const char *name, const char *val)
{
	buf_printf(b,
	    "--" CGI_BOUNDARY "\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n", name,
	    val);
}

void
multipart_file(
    struct buf *b, const char *name, const char *filename, const char *ctype, const char *data)
{
	buf_printf(b,
	    "--" CGI_BOUNDARY "\r\nContent-Disposition: form-data; name=\"%s\"; "
	    "filename=\"%s\"\r\nContent-Type: %s\r\n\r\n%s\r\n",
	    name, filename, ctype, data);
}

void
cgi_post_multipart(const struct session *s, const char *uri, struct buf *b, struct res *r)
{
	buf_puts(b, "--" CGI_BOUNDARY "--\r\n");
	run_as(s, "CONTENT_TYPE=multipart/form-data; boundary=" CGI_BOUNDARY, "POST", uri, b->p,
	    b->len, r);
	buf_free(b);
}

int
form_shows(const char *html, const char *name, const char *val)
{
	char        needle[160], want[600];
	const char *p, *tag, *end;

	snprintf(needle, sizeof needle, " name=\"%s\"", name);
	if ((p = strstr(html, needle)) == NULL)
		return 0;
	for (tag = p; tag > html && *tag != '<'; tag--)
		;
	if (strncmp(tag, "<select", 7) == 0) {
		snprintf(want, sizeof want, "<option value=\"%s\" selected>", val);
		end = strstr(p, "</select>");
	} else if (strncmp(tag, "<textarea", 9) == 0) {
		snprintf(want, sizeof want, ">%s</textarea>", val);
		end = strstr(p, "</textarea>");
		end = end ? end + 1 : NULL;
	} else {
		snprintf(want, sizeof want, " value=\"%s\"", val);
		end = strchr(p, '>');
	}
	p = strstr(p, want);
	return p != NULL && end != NULL && p < end;
}

int
sql_exec(const char *sql)
{
	sqlite3 *db = sql_open_rw();
	char    *err = NULL;
	int      rc = -1;

	if (db != NULL && (rc = sqlite3_exec(db, sql, NULL, NULL, &err)) != SQLITE_OK)
		fprintf(stderr, "%s: %s\n", sql, err ? err : sqlite3_errmsg(db));
	sqlite3_free(err);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

void
sql_do(const char *sql)
{
	ck_assert_msg(sql_exec(sql) == 0, "the statements failed (see stderr): %.200s", sql);
}

long long
sql_one(const char *sql)
{
	return sql_int(sql, NULL, 0, 0, -1);
}

void
test_pow_solve(const char *ch, char *out, size_t outlen)
{
	long long n;

	for (n = 0;; n++) {
		snprintf(out, outlen, "%lld", n);
		if (pow_ok(ch, out))
			return;
	}
}
