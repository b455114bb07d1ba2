/* log: the error log of a process.  A worker sends each line to the log of the request
 * it is answering (nginx's error log, through FastCGI); without one, and in
 * aberta-admin, lines go to standard error. */
#ifndef ABERTA_LOG_H
#define ABERTA_LOG_H

/* Writes a log line (CR/LF and control characters replaced) to the error log. */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Where log lines go: a function taking one finished line (NULL: standard error, as
 * "aberta[PID]: line"). */
void log_set_sink(void (*fn)(const char *line, void *arg), void *arg);

#endif
