/* tap: see tap.h. */
#include <stdarg.h>
#include <stdio.h>

#include "tap.h"

static int ntap, nfail;

void
tap(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", ok ? "" : "not ", ++ntap);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!ok)
		nfail++;
}

void
diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

int
tap_failed(void)
{
	return nfail;
}

int
tap_done(void)
{
	printf("1..%d\n", ntap);
	return nfail == 0 ? 0 : 1;
}
