/* bulkread: reads an exported file (RFC 4180 CSV, or JSON) into a table of optional
 * text values, for bulkimport.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lib/buf.h"
#include "lib/csv.h"
#include "import/bulkread.h"

/* The text of b: "" when nothing was ever put in it. */
static const char *
bstr(const struct buf *b)
{
	return b->p != NULL ? b->p : "";
}

/* Reads the CSV field at d[*ip] (of len bytes in all) into f, unquoted, and moves *ip
 * to the comma or line end after it and *line past the line ends inside its quotes;
 * *quoted says whether it was quoted.  Returns 0, or -1 with the reason, naming the
 * line, in err. */
static int
read_field(const char *d, size_t len, size_t *ip, long *line, struct buf *f, int *quoted, char *err,
    size_t errlen)
{
	size_t i = *ip;
	long   fline = *line;

	buf_reset(f);
	*quoted = 0;
	if (i < len && d[i] == '"') {
		for (*quoted = 1, i++;; i++) {
			if (i >= len) {
				snprintf(err, errlen,
				    "line %ld: a quoted field is "
				    "never closed",
				    fline);
				return -1;
			}
			if (d[i] == '"' && i + 1 < len && d[i + 1] == '"')
				i++;
			else if (d[i] == '"')
				break;
			if (d[i] == '\n')
				(*line)++;
			buf_put(f, &d[i], 1);
		}
		i++;
		if (i < len && d[i] != ',' && d[i] != '\r' && d[i] != '\n') {
			snprintf(err, errlen,
			    "line %ld: text after the closing "
			    "double quote of a field",
			    *line);
			return -1;
		}
	} else
		for (; i < len && d[i] != ',' && d[i] != '\r' && d[i] != '\n'; i++) {
			if (d[i] == '"') {
				snprintf(err, errlen,
				    "line %ld: a double quote "
				    "inside a field that does not start with one",
				    *line);
				return -1;
			}
			buf_put(f, &d[i], 1);
		}
	*ip = i;
	return 0;
}

int
bulk_csv_parse(
    const char *d, size_t len, struct csv_rec **recs, size_t *n, char *err, size_t errlen)
{
	struct buf      f = { 0 };
	struct csv_rec *rv = NULL, *nr, cur = { 0, 0, NULL };
	size_t          i = 0, cap = 0, fcap = 0;
	long            line = 1;
	char          **nf;
	int             quoted, rc = -1;

	*recs = NULL;
	*n = 0;
	if (len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len) {
		cur.line = line;
		for (;;) {
			if (read_field(d, len, &i, &line, &f, &quoted, err, errlen) != 0)
				goto out;
			if (cur.n == fcap) {
				fcap = fcap ? fcap * 2 : 16;
				if ((nf = realloc(cur.f, fcap * sizeof *nf)) == NULL)
					goto oom;
				cur.f = nf;
			}
			if (f.oom || (cur.f[cur.n] = strdup(bstr(&f))) == NULL)
				goto oom;
			cur.n++;
			if (i < len && d[i] == ',') {
				i++;
				continue;
			}
			if (i < len && d[i] == '\r')
				i++;
			if (i < len && d[i] == '\n')
				i++;
			line++;
			break;
		}
		if (cur.n == 1 && cur.f[0][0] == '\0' && !quoted) {
			free(cur.f[0]); /* a blank line */
			cur.n = 0;
			continue;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nr = realloc(rv, cap * sizeof *nr)) == NULL)
				goto oom;
			rv = nr;
		}
		rv[(*n)++] = cur;
		memset(&cur, 0, sizeof cur);
		fcap = 0;
	}
	rc = 0;
	goto out;
oom:
	snprintf(err, errlen, "out of memory");
out:
	if (rc != 0) {
		bulk_csv_free(rv, *n);
		rv = NULL;
		*n = 0;
	}
	while (cur.n > 0)
		free(cur.f[--cur.n]);
	free(cur.f);
	buf_free(&f);
	*recs = rv;
	return rc;
}

void
bulk_csv_free(struct csv_rec *recs, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < recs[i].n; j++)
			free(recs[i].f[j]);
		free(recs[i].f);
	}
	free(recs);
}

void
bulk_table_free(struct table *t)
{
	size_t i, j;

	for (i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	for (i = 0; i < t->nrows; i++)
		for (j = 0; j < t->ncols; j++)
			free(t->rows[i].v[j]);
	free(t->rows);
	memset(t, 0, sizeof *t);
}

/* Adds column name to t (once); returns its index, or -1 when there are too many. */
static int
table_col(struct table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i], name) == 0)
			return (int)i;
	if (t->ncols == COLS_MAX || (t->cols[t->ncols] = strdup(name)) == NULL)
		return -1;
	return (int)t->ncols++;
}

/* Reads a CSV file into t.  Returns 0, or -1 with r->error set. */
static int
read_csv(const char *data, size_t len, struct table *t, struct bulk_report *r)
{
	struct csv_rec *recs;
	size_t          n, i, j;
	const char     *v;
	int             rc = -1;

	if (bulk_csv_parse(data, len, &recs, &n, r->error, sizeof r->error) != 0)
		return -1;
	if (n == 0) {
		snprintf(r->error, sizeof r->error, "the file is empty");
		goto out;
	}
	for (j = 0; j < recs[0].n; j++) {
		if ((size_t)table_col(t, recs[0].f[j]) != j) {
			snprintf(r->error, sizeof r->error,
			    "line 1: the column \"%s\" is "
			    "given twice, or there are more than %d columns",
			    recs[0].f[j], COLS_MAX);
			goto out;
		}
	}
	if ((t->rows = calloc(n, sizeof *t->rows)) == NULL)
		goto out;
	for (i = 1; i < n; i++) {
		if (recs[i].n != t->ncols) {
			snprintf(r->error, sizeof r->error,
			    "line %ld: %zu fields, but the header "
			    "has %zu",
			    recs[i].line, recs[i].n, t->ncols);
			goto out;
		}
		t->rows[t->nrows].line = recs[i].line;
		for (j = 0; j < t->ncols; j++) {
			t->rows[t->nrows].has[j] = 1;
			v = recs[i].f[j];
			if (v[0] == '\'' && csv_guarded(v + 1, strlen(v + 1)))
				v++; /* the apostrophe export.c put before a formula */
			if (v[0] != '\0')
				t->rows[t->nrows].v[j] = strdup(v);
		}
		t->nrows++;
	}
	rc = 0;
out:
	bulk_csv_free(recs, n);
	return rc;
}

/* The text of a JSON scalar (or of a list of scalars, joined with "; ") appended to b.
 * Returns 0, or -1 for an object or a nested list. */
static int
json_text(struct buf *b, json_t *v, int depth) /* NOLINT(misc-no-recursion): one level deep */
{
	size_t  i;
	json_t *e;
	double  d;

	switch (json_typeof(v)) {
	case JSON_STRING:
		buf_put(b, json_string_value(v), json_string_length(v));
		return 0;
	case JSON_INTEGER:
		buf_printf(b, "%lld", (long long)json_integer_value(v));
		return 0;
	case JSON_REAL:
		d = json_real_value(v);
		if (d == (double)(long long)d)
			buf_printf(b, "%lld", (long long)d);
		else
			buf_printf(b, "%g", d);
		return 0;
	case JSON_TRUE:
		buf_puts(b, "true");
		return 0;
	case JSON_FALSE:
		buf_puts(b, "false");
		return 0;
	case JSON_ARRAY:
		if (depth > 0)
			return -1;
		json_array_foreach(v, i, e)
		{
			if (i > 0)
				buf_puts(b, "; ");
			if (json_text(b, e, 1) != 0)
				return -1;
		}
		return 0;
	default:
		return -1;
	}
}

/* Reads a JSON file into t.  Returns 0, or -1 with r->error set. */
static int
read_json(const char *data, size_t len, struct table *t, struct bulk_report *r)
{
	json_error_t e;
	json_t      *doc, *recs, *rec, *v;
	struct buf   b = { 0 };
	const char  *key;
	size_t       i;
	int          j, rc = -1;

	if ((doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &e)) == NULL) {
		snprintf(r->error, sizeof r->error, "not valid JSON: line %d: %s", e.line, e.text);
		return -1;
	}
	recs = json_is_array(doc) ? doc : json_object_get(doc, "records");
	if (json_is_object(doc) && (v = json_object_get(doc, "dataset")) != NULL)
		t->dataset = json_string_value(v) != NULL
		    ? strcmp(json_string_value(v), "milestones") == 0 ||
			    strcmp(json_string_value(v), "milestone_list") == 0
			? "milestones"
			: strcmp(json_string_value(v), "commitments") == 0 ||
			    strcmp(json_string_value(v), "commitment_list") == 0
			? "commitments"
			: ""
		    : "";
	if (!json_is_array(recs)) {
		snprintf(r->error, sizeof r->error,
		    "the JSON has no \"records\" list (a "
		    "detail page's JSON cannot be imported: use the bulk or listing files)");
		goto out;
	}
	if ((t->rows = calloc(json_array_size(recs) + 1, sizeof *t->rows)) == NULL)
		goto out;
	json_array_foreach(recs, i, rec)
	{
		if (!json_is_object(rec)) {
			snprintf(r->error, sizeof r->error, "records[%zu]: not an object", i);
			goto out;
		}
		t->rows[i].line = (long)i;
		t->nrows = i + 1; /* counted now, so a failure below frees its values */
		json_object_foreach(rec, key, v)
		{
			if ((j = table_col(t, key)) < 0) {
				snprintf(r->error, sizeof r->error,
				    "records[%zu]: more than %d "
				    "fields",
				    i, COLS_MAX);
				goto out;
			}
			t->rows[i].has[j] = 1;
			if (json_is_null(v))
				continue;
			buf_reset(&b);
			if (json_text(&b, v, 0) != 0) {
				snprintf(r->error, sizeof r->error,
				    "records[%zu].%s: an object "
				    "or a nested list, where a value was expected",
				    i, key);
				goto out;
			}
			if (b.oom || (t->rows[i].v[j] = strdup(bstr(&b))) == NULL)
				goto out;
		}
	}
	r->json = 1;
	rc = 0;
out:
	if (rc != 0 && r->error[0] == '\0')
		snprintf(r->error, sizeof r->error, "out of memory");
	buf_free(&b);
	if (t->dataset != NULL)
		t->dataset = strcmp(t->dataset, "milestones") == 0 ? "milestones"
		    : strcmp(t->dataset, "commitments") == 0       ? "commitments"
								   : "";
	json_decref(doc);
	return rc;
}

int
bulk_is_export(const char *data, size_t len)
{
	json_t *doc;
	size_t  i = 0;
	int     yes;

	while (i < len && strchr(" \t\r\n", data[i]) != NULL)
		i++;
	if (i == len || (data[i] != '{' && data[i] != '['))
		return 1;
	if ((doc = json_loadb(data, len, 0, NULL)) == NULL)
		return data[i] == '[';
	yes = json_is_array(doc) || json_object_get(doc, "records") != NULL;
	json_decref(doc);
	return yes;
}

int
bulk_read(const char *data, size_t len, struct table *t, struct bulk_report *r)
{
	size_t i;

	for (i = 0; i < len && strchr(" \t\r\n", data[i]) != NULL; i++)
		;
	return i < len && (data[i] == '{' || data[i] == '[') ? read_json(data, len, t, r)
							     : read_csv(data, len, t, r);
}
