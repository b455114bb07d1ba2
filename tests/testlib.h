/* Shared by the request and end-to-end tests: a response, and a test database made
 * with the real programs and the real content. */
#ifndef ABERTA_TESTLIB_H
#define ABERTA_TESTLIB_H
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"

struct res {
	int		 status;
	struct buf	 head;	/* header lines as received */
	struct buf	 body;
};

/* Frees a response's buffers. */
static inline void
res_free(struct res *r)
{
	buf_free(&r->head);
	buf_free(&r->body);
}

/* Returns the value of header name (case-insensitive) in r, copied into out, or NULL. */
static inline const char *
res_header(const struct res *r, const char *name, char *out, size_t outlen)
{
	const char *p = r->head.p;
	size_t n = strlen(name);

	while (p != NULL && *p != '\0') {
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			const char *v = p + n + 1, *e;
			while (*v == ' ')
				v++;
			e = strpbrk(v, "\r\n");
			snprintf(out, outlen, "%.*s", (int)(e ? e - v : (long)strlen(v)), v);
			return out;
		}
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return NULL;
}

/* Runs a command (argv) and returns its exit status; output goes to stderr. */
static inline int
run_cmd(char *const argv[])
{
	pid_t pid;
	int st;

	if ((pid = fork()) == 0) {
		dup2(2, 1);
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Creates a database at path with aberta-admin: migrate, the real content, the pages,
 * the plans' co-creation texts. Returns 0 or -1. */
static inline int
make_test_db(const char *path)
{
	const char *bd = getenv("ABERTA_BUILDDIR"), *sd = getenv("ABERTA_SRCDIR");
	const char *content = getenv("ABERTA_CONTENT");
	char admin[512], pages[512], plans[512];

	if (bd == NULL || sd == NULL || content == NULL)
		return -1;
	snprintf(admin, sizeof admin, "%s/cgi-src/aberta-admin", bd);
	snprintf(pages, sizeof pages, "%s/content/pages.json", sd);
	snprintf(plans, sizeof plans, "%s/content/plans.json", sd);
	char *const a1[] = { admin, "--db", (char *)path, "migrate", NULL };
	char *const a2[] = { admin, "--db", (char *)path, "import", (char *)content, NULL };
	char *const a3[] = { admin, "--db", (char *)path, "import", pages, NULL };
	char *const a4[] = { admin, "--db", (char *)path, "import", plans, NULL };
	return run_cmd(a1) == 0 && run_cmd(a2) == 0 && run_cmd(a3) == 0 &&
	    run_cmd(a4) == 0 ? 0 : -1;
}

/* Runs suite su with TAP on stdout; returns the number of failed tests. */
static inline int
run_suite_tap(Suite *su)
{
	SRunner *sr = srunner_create(su);
	int failed;

	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed;
}

/* Removes the database at path with its -wal and -shm files. */
static inline void
unlink_db(const char *path)
{
	char p[512];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

#endif
