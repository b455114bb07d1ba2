/* format: the format a request asks for (see format.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http/format.h"
#include "view/xlsx.h"

enum fmt
fmt_strip(struct req *r)
{
	size_t n = strlen(r->path);

	if (n > 5 && strcmp(r->path + n - 5, ".json") == 0 && r->path[n - 6] != '/') {
		r->path[n - 5] = '\0';
		return FMT_JSON;
	}
	if (n > 4 && strcmp(r->path + n - 4, ".csv") == 0 && r->path[n - 5] != '/') {
		r->path[n - 4] = '\0';
		return FMT_CSV;
	}
	if (n > 5 && strcmp(r->path + n - 5, ".xlsx") == 0 && r->path[n - 6] != '/') {
		r->path[n - 5] = '\0';
		return FMT_XLSX;
	}
	return FMT_HTML;
}

enum fmt
fmt_negotiate(const char *accept)
{
	static const char *const types[FMT__MAX] = { "text/html", "application/json", "text/csv",
		XLSX_TYPE };
	double                   q[FMT__MAX] = { 0 }, qv;
	int                      spec[FMT__MAX] = { -1, -1, -1, -1 }, sp, f, best = FMT_HTML;
	const char              *p = accept, *e, *qp;
	char                     range[128];
	size_t                   n;

	while (p != NULL && *p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		snprintf(range, sizeof range, "%.*s", (int)(n < sizeof range ? n : 0), p);
		p = e;
		qv = 1;
		if ((qp = strstr(range, ";q=")) != NULL || (qp = strstr(range, "; q=")) != NULL)
			qv = strtod(strchr(qp, '=') + 1, NULL);
		range[strcspn(range, "; ")] = '\0';
		for (f = 0; f < FMT__MAX; f++) {
			sp = strcmp(range, "*/*") == 0         ? 0
			    : strcasecmp(range, types[f]) == 0 ? 2
			    : (strlen(range) > 2 && strcmp(range + strlen(range) - 2, "/*") == 0 &&
				  strncasecmp(range, types[f], strlen(range) - 1) == 0)
			    ? 1
			    : -1;
			if (sp > spec[f]) {
				spec[f] = sp;
				q[f] = qv;
			}
		}
	}
	for (f = 1; f < FMT__MAX; f++)
		if (q[f] > q[best])
			best = f;
	return accept == NULL || q[best] <= 0 ? FMT_HTML : (enum fmt)best;
}

const char *
fmt_suffix(enum fmt f)
{
	return f == FMT_JSON ? ".json" : f == FMT_CSV ? ".csv" : f == FMT_XLSX ? ".xlsx" : "";
}
