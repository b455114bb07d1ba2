/* dispatch: one request in, one complete response out. */
#ifndef ABERTA_DISPATCH_H
#define ABERTA_DISPATCH_H
#include "buf.h"
#include "req.h"

/* Handles one request whose variables come from get(name, arg) and writes the exact
 * response bytes (CGI/FastCGI header block and body) into out.  Never fails: errors
 * become error pages.  Returns the HTTP status sent. */
int	dispatch(req_getter get, void *arg, struct buf *out);
/* Writes a log line (CR/LF and control characters replaced) to the error log. */
void	dispatch_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Where log lines go: a function taking one finished line (default: stderr). */
void	dispatch_set_logger(void (*fn)(const char *line, void *arg), void *arg);

#endif
