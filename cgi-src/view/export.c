/* export: the record builders, the JSON and CSV writers and the answer of the open data
 * (see export.h for the conventions). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/log.h"
#include "lib/urlcode.h"
#include "lib/valid.h"
#include "lib/csv.h"
#include "store/db.h"
#include "view/export.h"

const char *
export_base(void)
{
	return url_site_base();
}

const char *
export_license(void)
{
	static int  told;
	const char *v = getenv("ABERTA_DATA_LICENSE");

	if (v == NULL || v[0] == '\0')
		return NULL;
	if (valid_http_url(v))
		return v;
	if (!told++)
		log_error("ABERTA_DATA_LICENSE is not an http(s) address: no licence stated");
	return NULL;
}

void
export_abs(const char *path, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s%s", export_base(), path);
}

/* Sets o[key] to v (owned), keeping the key even when v could not be made. */
static void
put(json_t *o, const char *key, json_t *v)
{
	json_object_set_new(o, key, v != NULL ? v : json_null());
}

void
export_url(json_t *o, const char *key, const char *lang, const char *fmt, ...)
{
	char    path[512], url[800];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(path, sizeof path, fmt, ap);
	va_end(ap);
	snprintf(url, sizeof url, "%s/%s/%s", export_base(), lang, path);
	put(o, key, json_string(url));
}

void
export_urls(json_t *o, const char *path)
{
	export_url(o, "url_pt", "pt", "%s", path);
	export_url(o, "url_en", "en", "%s", path);
}

void
x_str(json_t *o, const char *key, const char *v)
{
	put(o, key, v != NULL ? json_string(v) : json_null());
}

void
x_text(json_t *o, const char *key, sqlite3_stmt *s, int i)
{
	x_str(o, key, db_text(s, i));
}

void
x_int(json_t *o, const char *key, sqlite3_stmt *s, int i)
{
	put(o, key, db_null(s, i) ? json_null() : json_integer(db_int64(s, i)));
}

void
x_bool(json_t *o, const char *key, sqlite3_stmt *s, int i)
{
	put(o, key, db_null(s, i) ? json_null() : json_boolean(db_int(s, i) != 0));
}

/* The absolute form of an address: /uploads/... gets the base. */
static json_t *
href(const char *v)
{
	char url[2400];

	if (v == NULL)
		return json_null();
	if (v[0] == '/') {
		export_abs(v, url, sizeof url);
		return json_string(url);
	}
	return json_string(v);
}

void
x_href(json_t *o, const char *key, sqlite3_stmt *s, int i)
{
	put(o, key, href(db_text(s, i)));
}

/* A new array of the lines of column i of s (NULL: an empty array); with tab, only the
 * text before a line's first tab (the address of an "address<TAB>title" line), made
 * absolute like x_href. */
static json_t *
lines(sqlite3_stmt *s, int i, int tab)
{
	json_t     *a = json_array();
	const char *p = db_text(s, i), *e, *t;
	char        line[2048];
	size_t      n;

	for (; p != NULL && *p != '\0'; p = e != NULL ? e + 1 : NULL) {
		e = strchr(p, '\n');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (tab && (t = memchr(p, '\t', n)) != NULL)
			n = (size_t)(t - p);
		if (n == 0 || n >= sizeof line)
			continue;
		memcpy(line, p, n);
		line[n] = '\0';
		json_array_append_new(a, href(line));
	}
	return a;
}

void
x_cols(json_t *o, sqlite3_stmt *s, const struct xcol *f, size_t n, int base, int first)
{
	size_t i;
	int    col;

	for (i = 0; i < n; i++) {
		col = first + f[i].col - base;
		if (f[i].type == 'i')
			x_int(o, f[i].key, s, col);
		else if (f[i].type == 'b')
			x_bool(o, f[i].key, s, col);
		else if (f[i].type == 'h')
			x_href(o, f[i].key, s, col);
		else if (f[i].type == 'l' || f[i].type == 's')
			put(o, f[i].key, lines(s, col, f[i].type == 's'));
		else
			x_text(o, f[i].key, s, col);
	}
}

void
x_nulls(json_t *o, const struct xcol *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		put(o, f[i].key, f[i].type == 'l' || f[i].type == 's' ? json_array() : json_null());
}

void
x_progress(json_t *o, const struct progress *p)
{
	put(o, "progress_percent",
	    progress_has_data(p) ? json_integer(progress_percent(p)) : json_null());
	put(o, "progress_known", json_integer(p->known));
	put(o, "progress_total", json_integer(p->total));
	x_str(o, "progress_as_of", progress_has_data(p) && p->as_of[0] != '\0' ? p->as_of : NULL);
}

/* The name of a body or area in one language: first, else other, else acronym, else
 * slug. */
static const char *
name_of(const char *first, const char *other, const char *acronym, const char *slug)
{
	return first != NULL ? first : other != NULL ? other : acronym != NULL ? acronym : slug;
}

/* Sets o[names suffix] to v (put's ownership). */
static void
put_name(json_t *o, const char *names, const char *suffix, json_t *v)
{
	char key[64];

	snprintf(key, sizeof key, "%s%s", names, suffix);
	put(o, key, v);
}

void
x_named_lists(json_t *o, const char *key, const char *names)
{
	put(o, key, json_array());
	put_name(o, names, "_pt", json_array());
	put_name(o, names, "_en", json_array());
}

void
x_named(json_t *o, const char *key, const char *names, const char *slug, const char *acronym,
    const char *pt, const char *en)
{
	char k[64];

	json_array_append_new(json_object_get(o, key), json_string(slug));
	snprintf(k, sizeof k, "%s_pt", names);
	json_array_append_new(json_object_get(o, k), json_string(name_of(pt, en, acronym, slug)));
	snprintf(k, sizeof k, "%s_en", names);
	json_array_append_new(json_object_get(o, k), json_string(name_of(en, pt, acronym, slug)));
}

void
x_name_pair(json_t *o, const char *names, const char *slug, const char *acronym, const char *pt,
    const char *en)
{
	put_name(o, names, "_pt",
	    slug != NULL ? json_string(name_of(pt, en, acronym, slug)) : json_null());
	put_name(o, names, "_en",
	    slug != NULL ? json_string(name_of(en, pt, acronym, slug)) : json_null());
}

json_t *
x_column_list(sqlite3_stmt *s, int i)
{
	json_t *a = json_array();

	while (db_step(s) == SQLITE_ROW)
		if (db_text(s, i) != NULL)
			json_array_append_new(a, href(db_text(s, i)));
	return a;
}

/* Writes one JSON value as the text of a CSV field (before quoting) into t. */
static void
csv_value(struct buf *t, json_t *v) /* NOLINT(misc-no-recursion): bounded by the data's depth */
{
	size_t  i;
	json_t *e;

	switch (json_typeof(v)) {
	case JSON_STRING:
		buf_put(t, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		buf_printf(t, "%lld", (long long)json_integer_value(v));
		break;
	case JSON_REAL:
		buf_printf(t, "%g", json_real_value(v));
		break;
	case JSON_TRUE:
		buf_puts(t, "true");
		break;
	case JSON_FALSE:
		buf_puts(t, "false");
		break;
	case JSON_ARRAY:
		json_array_foreach(v, i, e)
		{
			if (i > 0)
				buf_puts(t, EXPORT_LIST_SEP);
			csv_value(t, e);
		}
		break;
	default:
		break;
	}
}

void
export_value_text(struct buf *t, json_t *v)
{
	csv_value(t, v);
}

void
export_csv(struct buf *b, const struct xset *set, json_t *rows)
{
	const struct xfield *f;
	struct buf           t = { 0 };
	char                 name[64];
	size_t               i, r, skip;
	json_t              *row, *v;
	int                  first;

	for (first = 1, i = 0; export_set_field(set, i, name, sizeof name) == 0; i++) {
		if ((f = export_field(name)) != NULL && f->type == X_OBJECTS)
			continue;
		if (!first)
			buf_put(b, ",", 1);
		csv_field(b, name, strlen(name));
		first = 0;
	}
	buf_put(b, "\r\n", 2);
	json_array_foreach(rows, r, row)
	{
		for (first = 1, i = 0; export_set_field(set, i, name, sizeof name) == 0; i++) {
			if ((f = export_field(name)) != NULL && f->type == X_OBJECTS)
				continue;
			if (!first)
				buf_put(b, ",", 1);
			first = 0;
			if ((v = json_object_get(row, name)) == NULL)
				continue;
			/* Text a spreadsheet would run as a formula gets a leading
			 * apostrophe; numbers keep their sign.  bulkread.c undoes it. */
			buf_reset(&t);
			buf_put(&t, "'", 1);
			csv_value(&t, v);
			skip = json_is_number(v) || !csv_guarded(t.p + 1, t.len - 1);
			if (t.len > skip)
				csv_field(b, t.p + skip, t.len - skip);
		}
		buf_put(b, "\r\n", 2);
	}
	if (t.oom)
		b->oom = 1;
	buf_free(&t);
}

void
export_modified(char *out, size_t outlen)
{
	sqlite3_stmt *s = db_stmt(ST_STATE);

	out[0] = '\0';
	if (db_step(s) == SQLITE_ROW && db_text(s, 1) != NULL)
		snprintf(out, outlen, "%s", db_text(s, 1));
	db_reset(s);
}

int
export_json(struct buf *b, const struct xset *set, const char *url, json_t *record, json_t *rows)
{
	json_t *doc;
	char    mod[32], *text;
	int     rc = 0;

	export_modified(mod, sizeof mod);
	doc = json_object();
	x_str(doc, "dataset", set->name);
	x_str(doc, "url", url);
	x_str(doc, "license", export_license()); /* the deployment's setting; null while unset */
	x_str(doc, "modified", mod[0] ? mod : NULL);
	if (record != NULL) {
		put(doc, "record", record);
		json_decref(rows);
	} else
		put(doc, "records", rows);
	if ((text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER)) == NULL)
		rc = -1;
	else {
		buf_puts(b, text);
		buf_put(b, "\n", 1);
		free(text);
	}
	json_decref(doc);
	return rc;
}
