/* log: the error log of a process (see log.h). */
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "lib/log.h"

static void (*logger)(const char *, void *);
static void *logger_arg;

void
log_set_sink(void (*fn)(const char *line, void *arg), void *arg)
{
	logger = fn;
	logger_arg = arg;
}

void
log_error(const char *fmt, ...)
{
	char    line[1024], *p;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	for (p = line; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	if (logger != NULL)
		logger(line, logger_arg);
	else
		fprintf(stderr, "aberta[%d]: %s\n", (int)getpid(), line);
}
