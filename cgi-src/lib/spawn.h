/* spawn: starting a program in the background from the FastCGI worker, which must
 * neither wait for it nor leave it anything of its own. */
#ifndef ABERTA_SPAWN_H
#define ABERTA_SPAWN_H
#include <stddef.h>

/* Starts the program path with argv (argv[0] first, NULL last) and this process's
 * environment, detached: a double fork, so that no zombie is left and the caller never
 * reaps it (the program's parent becomes init); a session of its own; standard input
 * and output on /dev/null, standard error kept (the log) unless it is closed or is a
 * listening socket; every other descriptor closed (the FastCGI socket, the request's
 * connection, the database); every signal back to its default and unblocked.  Waits
 * only until the program has been executed (a close-on-exec pipe tells).  Returns 0,
 * or -1 with the reason in err (fork failed, or exec: the program is missing...). */
int spawn_detached(const char *path, char *const argv[], char *err, size_t errlen);

#endif
