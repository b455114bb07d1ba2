/* The FastCGI floor: answers every request with the same bytes (the file argv[1]).
 * The header is formatted once with snprintf: libfcgi's own FCGX_FPrintF knows no %zu. */
#include <fcgiapp.h>
#include <stdio.h>
int main(int argc, char *argv[]) {
	static char b[1 << 22], h[128]; size_t n; int hn; FILE *f; FCGX_Request r;
	if (argc < 2 || (f = fopen(argv[1], "rb")) == NULL) return 1;
	n = fread(b, 1, sizeof b, f); fclose(f); FCGX_Init(); FCGX_InitRequest(&r, 0, 0);
	hn = snprintf(h, sizeof h, "Content-Type: text/html; charset=utf-8\r\nContent-Length: %zu\r\n\r\n", n);
	while (FCGX_Accept_r(&r) >= 0) { FCGX_PutStr(h, hn, r.out); FCGX_PutStr(b, (int)n, r.out); FCGX_Finish_r(&r); }
	return 0;
}
