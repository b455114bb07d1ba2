/* res: see res.h. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "res.h"

void
res_free(struct res *r)
{
	buf_free(&r->head);
	buf_free(&r->body);
}

int
res_count(const struct res *r, const char *needle)
{
	const char *p = r->body.p;
	int         n = 0;

	for (; p != NULL && (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

const char *
res_header(const struct res *r, const char *name, char *out, size_t outlen)
{
	return res_header_with(r, name, "", out, outlen);
}

const char *
res_header_with(const struct res *r, const char *name, const char *prefix, char *out, size_t outlen)
{
	const char *p = r->head.p, *v, *e;
	size_t      n = strlen(name);

	while (p != NULL && *p != '\0') {
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			v = p + n + 1;
			while (*v == ' ')
				v++;
			if (strncmp(v, prefix, strlen(prefix)) == 0) {
				e = strpbrk(v, "\r\n");
				snprintf(
				    out, outlen, "%.*s", (int)(e ? e - v : (long)strlen(v)), v);
				return out;
			}
		}
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return NULL;
}
