/* spawn: a detached child process; see spawn.h. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/spawn.h"

extern char **environ;

/* What the grandchild reports through the pipe when it cannot run the program. */
struct failure {
	int step; /* 0 fork, 1 exec */
	int err;  /* errno */
};

/* Reports step and errno on fd and ends the process (after a fork: _exit only). */
static void
give_up(int fd, int step)
{
	struct failure f = { step, errno };
	ssize_t        w;

	do
		w = write(fd, &f, sizeof f);
	while (w < 0 && errno == EINTR);
	_exit(127);
}

/* 1 when fd 2 can serve as the program's standard error: open, and not a listening
 * socket (the worker's FastCGI socket is fd 0; a log may be a socket, as journald's). */
static int
stderr_usable(void)
{
	int       on = 0;
	socklen_t len = sizeof on;

	if (fcntl(2, F_GETFD) < 0)
		return 0;
	if (getsockopt(2, SOL_SOCKET, SO_ACCEPTCONN, &on, &len) == 0 && on)
		return 0;
	return 1;
}

/* Marks every descriptor from 3 up close-on-exec (the report pipe keeps working until
 * the exec, which then closes them all). */
static void
cloexec_all(void)
{
	struct rlimit rl;
	rlim_t        fd, max = 65536;

	if (close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) == 0)
		return;
	/* Kernels before 5.11: one by one, up to the limit of descriptors. */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < max)
		max = rl.rlim_cur;
	for (fd = 3; fd < max; fd++)
		fcntl((int)fd, F_SETFD, FD_CLOEXEC);
}

/* The grandchild: sets up the process and executes path; never returns. */
static void
run(const char *path, char *const argv[], int report)
{
	sigset_t none;
	int      sig, null;

	for (sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL); /* SIGKILL and SIGSTOP refuse: no matter */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if ((null = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0)
		give_up(report, 1);
	if (dup2(null, 0) < 0 || dup2(null, 1) < 0 || (!stderr_usable() && dup2(null, 2) < 0))
		give_up(report, 1);
	cloexec_all();
	execve(path, argv, environ);
	give_up(report, 1);
}

int
spawn_detached(const char *path, char *const argv[], char *err, size_t errlen)
{
	struct failure f;
	int            p[2], report, st;
	pid_t          pid, got;
	ssize_t        n;

	if (pipe2(p, O_CLOEXEC) != 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return -1;
	}
	if ((pid = fork()) < 0) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		/* The child: a session of its own, then the grandchild, then gone at once.
		 * The report pipe moves above 0-2, which the grandchild replaces. */
		close(p[0]);
		if ((report = fcntl(p[1], F_DUPFD_CLOEXEC, 3)) < 0)
			_exit(127);
		setsid();
		if ((pid = fork()) < 0)
			give_up(report, 0);
		if (pid == 0)
			run(path, argv, report);
		_exit(0);
	}
	close(p[1]);
	do
		got = waitpid(pid, &st, 0);
	while (got < 0 && errno == EINTR);
	/* End of file: the program was executed (the pipe closed on exec). */
	do
		n = read(p[0], &f, sizeof f);
	while (n < 0 && errno == EINTR);
	close(p[0]);
	if (n == (ssize_t)sizeof f) {
		snprintf(err, errlen, "%s %s: %s", f.step == 0 ? "fork for" : "cannot run", path,
		    strerror(f.err));
		return -1;
	}
	if (got == pid && (!WIFEXITED(st) || WEXITSTATUS(st) != 0)) {
		snprintf(err, errlen, "%s: the intermediate process failed", path);
		return -1;
	}
	return 0;
}
