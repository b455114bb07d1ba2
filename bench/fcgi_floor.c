/* The FastCGI floor: answers each request with the bytes of one of its files, read once
 * at start and chosen by the query string (N: argv[1 + N]; the first one otherwise).
 * The header is formatted with snprintf: libfcgi's own FCGX_FPrintF knows no %zu. */
#include <fcgiapp.h>
#include <stdio.h>
#include <stdlib.h>
#define MAXF 64
int
main(int argc, char *argv[])
{
	static char *b[MAXF], h[MAXF][128];
	static long  n[MAXF];
	static int   hn[MAXF];
	int          i, k, nf = argc - 1;
	FILE        *f;
	const char  *q;
	FCGX_Request r;
	if (nf < 1 || nf > MAXF)
		return 1;
	for (i = 0; i < nf; i++) {
		if ((f = fopen(argv[i + 1], "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
		    (n[i] = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
		    (b[i] = malloc((size_t)n[i] + 1)) == NULL ||
		    fread(b[i], 1, (size_t)n[i], f) != (size_t)n[i])
			return 1;
		fclose(f);
		hn[i] = snprintf(h[i], sizeof h[i],
		    "Content-Type: text/html; charset=utf-8\r\n"
		    "Content-Length: %ld\r\n\r\n",
		    n[i]);
	}
	FCGX_Init();
	FCGX_InitRequest(&r, 0, 0);
	while (FCGX_Accept_r(&r) >= 0) {
		q = FCGX_GetParam("QUERY_STRING", r.envp);
		k = q != NULL ? atoi(q) : 0;
		if (k < 0 || k >= nf)
			k = 0;
		FCGX_PutStr(h[k], hn[k], r.out);
		FCGX_PutStr(b[k], (int)n[k], r.out);
		FCGX_Finish_r(&r);
	}
	return 0;
}
