/* Unit tests of lib/spawn: the detached child the worker starts for the mail.  TAP
 * output through Check. */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "../lib/testlib.h"
#include "lib/buf.h"
#include "lib/spawn.h"

/* The worker starts aberta-admin for the mail with spawn_detached: the program gets
 * /dev/null for input and output, none of the worker's other descriptors (a listening
 * socket like the FastCGI one, a pipe like the request's connection), the environment,
 * default signals and a session of its own; the caller waits for none of it and is left
 * no child to reap. */
START_TEST(spawn_detached_child)
{
	char               dir[] = "/tmp/aberta-spawnXXXXXX", out[600], fds[64], err[300];
	char               line[512], self[64], *text = NULL, *p1;
	struct sockaddr_in a = { .sin_family = AF_INET };
	struct pollfd      pf;
	struct buf         b = { 0 };
	int                lsock, p[2], st, i, n;
	FILE              *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(out, sizeof out, "%s/out", dir);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ck_assert_int_ge(lsock = socket(AF_INET, SOCK_STREAM, 0), 0); /* not close-on-exec */
	ck_assert_int_eq(bind(lsock, (struct sockaddr *)&a, sizeof a), 0);
	ck_assert_int_eq(listen(lsock, 1), 0);
	ck_assert_int_eq(pipe(p), 0);
	snprintf(fds, sizeof fds, "%d %d", lsock, p[1]);
	setenv("SPAWN_TEST", "inherited", 1);
	signal(SIGPIPE, SIG_IGN);
	char *const argv[] = { "/bin/sh", "-c",
		"o=$(readlink /proc/$$/fd/1); "
		"exec >\"$1.tmp\"; echo \"in $(readlink /proc/$$/fd/0) out $o\"; "
		"find /proc/$$/fd -mindepth 1 -printf 'fd %f %l\\n'; "
		"echo \"env $SPAWN_TEST\"; echo \"ppid $PPID\"; "
		"echo \"sid $(cut -d ' ' -f 6 /proc/$$/stat)\"; "
		"grep '^SigIgn' /proc/$$/status; mv \"$1.tmp\" \"$1\"; sleep 3",
		"sh", out, NULL };
	ck_assert_int_eq(spawn_detached("/bin/sh", argv, err, sizeof err), 0);
	/* Nothing to reap: the intermediate process is gone, the program is not ours. */
	ck_assert_int_eq(waitpid(-1, &st, WNOHANG), -1);
	ck_assert_int_eq(errno, ECHILD);
	/* The program (sleeping 3 s) does not hold the pipe: end of file at once. */
	close(p[1]);
	pf.fd = p[0];
	pf.events = POLLIN;
	ck_assert_int_eq(poll(&pf, 1, 1000), 1);
	ck_assert_int_eq(read(p[0], line, sizeof line), 0);
	close(p[0]);
	for (i = 0; i < 100 && (f = fopen(out, "r")) == NULL; i++)
		usleep(50000);
	ck_assert_ptr_nonnull(f);
	while ((n = fgetc(f)) != EOF)
		buf_printf(&b, "%c", n);
	fclose(f);
	text = b.p;
	ck_assert_ptr_nonnull(text);
	ck_assert_msg(strstr(text, "in /dev/null out /dev/null\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "socket:") == NULL, "a socket was inherited: %s", text);
	for (i = 3; i < 64; i++) {
		snprintf(line, sizeof line, "\nfd %d ", i);
		ck_assert_msg(strstr(text, line) == NULL, "fd %d was inherited: %s", i, text);
	}
	ck_assert_msg(strstr(text, "env inherited\n") != NULL, "%s", text);
	snprintf(self, sizeof self, "ppid %d\n", (int)getpid());
	ck_assert_msg(strstr(text, self) == NULL, "%s", text);
	snprintf(self, sizeof self, "sid %d\n", (int)getsid(0));
	ck_assert_msg(strstr(text, self) == NULL, "%s", text);
	/* No standard signal ignored (SIGPIPE is, here); 32 and 33 belong to the C library,
	 * which keeps them from programs, and may come ignored from the caller. */
	ck_assert_ptr_nonnull(p1 = strstr(text, "SigIgn:\t"));
	ck_assert_msg((strtoull(p1 + 8, NULL, 16) & 0x7fffffffULL) == 0, "%s", text);
	buf_free(&b);
	close(lsock);
	unlink(out);
	rmdir(dir);

	/* A program that cannot be run: -1 and the reason; still nothing to reap. */
	char *const bad[] = { "/nonexistent/aberta-admin", "mail", NULL };
	ck_assert_int_eq(spawn_detached(bad[0], bad, err, sizeof err), -1);
	ck_assert_msg(
	    strstr(err, "cannot run /nonexistent/aberta-admin: No such file") != NULL, "%s", err);
	ck_assert_int_eq(waitpid(-1, &st, WNOHANG), -1);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { spawn_detached_child, NULL };

	return tests_main(tests_suite("spawn", 0, tests));
}
