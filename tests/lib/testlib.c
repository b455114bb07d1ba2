/* testlib: see testlib.h. */
#include <sys/wait.h>

#include "testlib.h"

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
