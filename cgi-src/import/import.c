/*
 * import.c: load a JSON content file into the aberta database (see import.h).
 *
 * The file is read whole, parsed by jansson (duplicate keys refused), and, for the format
 * aberta-content/2, validated against its embedded JSON Schema before anything is
 * written; then it is loaded inside one BEGIN IMMEDIATE transaction, and the first bad
 * value rolls everything back and is reported with its line and JSON path.  Every
 * statement is in the store's table "load" (store/load.c) and takes bound parameters.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "import/impl.h"
#include "import/import.h"
#include "import/jschema.h"
#include "import/jsonpath.h"
#include "import/schema_embed.h"
#include "lib/valid.h"
#include "store/db.h"
#include "store/load.h"
#include "store/stmt.h"

#define IMP_FILE_MAX (16L * 1024 * 1024) /* bytes in one content file */
#define IMP_SLUG_MAX 80                  /* characters of a page slug */
#define IMP_FORMAT   "aberta-content/2"  /* the format of the seed content */

/* ------------------------------------------------------------ shared */

/* Appends to the path: ".key" (or "key" at the start). */
static void
path_key(struct imp *im, const char *key)
{
	int n = snprintf(
	    im->path + im->plen, sizeof im->path - im->plen, "%s%s", im->plen > 0 ? "." : "", key);

	if (n > 0)
		im->plen = strlen(im->path);
}

/* Sets *line and *col (from 1) of the value at im->path in the file's text (its key's
 * quote for an object member).  Returns 0, or -1 when it cannot be found. */
static int
path_locate(const struct imp *im, int *line, int *col)
{
	struct json_step steps[16];
	char             keys[16][IMP_PATH_MAX];
	const char      *p = im->path;
	size_t           n = 0, keypos, i, k;

	while (*p != '\0' && n < 16) {
		if (*p == '[') {
			steps[n].key = NULL;
			steps[n++].index = strtoul(p + 1, (char **)&p, 10);
			p += *p == ']';
			continue;
		}
		p += *p == '.';
		for (k = 0; *p != '\0' && *p != '.' && *p != '[' && k + 1 < IMP_PATH_MAX; k++)
			keys[n][k] = *p++;
		keys[n][k] = '\0';
		steps[n].key = keys[n];
		steps[n++].index = 0;
	}
	if (im->text == NULL || *p != '\0' ||
	    json_locate(im->text, im->len, steps, n, &keypos) == JSON_NOWHERE)
		return -1;
	*line = 1;
	*col = 1;
	for (i = 0; i < keypos; i++) {
		if (im->text[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)im->text[i] & 0xC0) != 0x80)
			++*col;
	}
	return 0;
}

/* Step callback of json_path_at: appends one step to the path. */
static void
path_step(void *arg, const char *key, size_t index)
{
	struct imp *im = arg;

	if (key != NULL)
		path_key(im, key);
	else {
		snprintf(im->path + im->plen, sizeof im->path - im->plen, "[%zu]", index);
		im->plen = strlen(im->path);
	}
}

int
imp_fail(struct imp *im, const char *key, const char *fmt, ...)
{
	char    msg[512], where[64] = "";
	size_t  plen = im->plen;
	va_list ap;
	int     line, col;

	if (im->failed || im->err == NULL || im->errlen == 0)
		return -1;
	im->failed = 1;
	if (key != NULL)
		path_key(im, key);
	if (path_locate(im, &line, &col) == 0)
		snprintf(where, sizeof where, ":%d:%d", line, col);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(im->err, im->errlen, "%s%s: %s: %s", im->file, where,
	    im->plen > 0 ? im->path : "(top level)", msg);
	im->plen = plen;
	im->path[plen] = '\0';
	return -1;
}

int
imp_each(struct imp *im, json_t *obj, const char *key, imp_item_fn fn, void *arg)
{
	json_t *a = json_object_get(obj, key), *item;
	size_t  plen = im->plen, i;
	int     rc = 0;

	if (!json_is_array(a))
		return 0;
	json_array_foreach(a, i, item)
	{
		path_key(im, key);
		snprintf(im->path + im->plen, sizeof im->path - im->plen, "[%zu]", i);
		im->plen = strlen(im->path);
		rc = fn(im, item, i, arg);
		im->plen = plen;
		im->path[plen] = '\0';
		if (rc != 0)
			return -1;
	}
	return 0;
}

int
imp_run(struct imp *im, struct binder *b, long long *id)
{
	char      msg[256];
	long long got;

	if (load_run(b, &got, msg, sizeof msg) != 0)
		return imp_fail(im, NULL, "database error: %s", msg);
	if (id != NULL)
		*id = got;
	return 0;
}

const char *
imp_str(json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

long long
imp_int(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return json_is_integer(v) ? (long long)json_integer_value(v) : -1;
}

long long
imp_bool(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return json_is_boolean(v) ? (json_is_true(v) ? 1 : 0) : -1;
}

/* -------------------------------------------------------------- pages */

/* Item callback for pages[]: upserts one page by slug. 0, or -1 (message). */
static int
load_page(struct imp *im, json_t *p, size_t idx, void *arg)
{
	const char   *slug = imp_str(p, "slug");
	struct binder b;
	const char   *keys[] = { "title_pt", "title_en", "body_pt", "body_en" };
	int           i;

	(void)idx, (void)arg;
	if (slug == NULL)
		return imp_fail(im, "slug", "required");
	if (!valid_slug(slug))
		return imp_fail(im, "slug", "not a slug (1-%d of a-z, 0-9, -)", IMP_SLUG_MAX);
	b = load_bind(LD_PAGE_UPSERT);
	load_bind_text(&b, 1, slug);
	for (i = 0; i < 4; i++) {
		json_t *v = json_object_get(p, keys[i]);

		if (v != NULL && !json_is_null(v) && !json_is_string(v))
			return imp_fail(im, keys[i], "not a string");
		load_bind_text(&b, i + 2, json_string_value(v));
	}
	return imp_run(im, &b, NULL);
}

/* --------------------------------------------------------------- file */

/* Reads the file at path into im->text (NUL-terminated, at most IMP_FILE_MAX bytes).
 * 0, or -1 (message). */
static int
read_file(struct imp *im, const char *path, char **text)
{
	FILE  *f = fopen(path, "rb");
	size_t cap = 65536, n = 0, got;
	char  *t = NULL, *grown;

	if (f == NULL)
		return imp_fail(im, NULL, "cannot open the file");
	for (;;) {
		if ((grown = realloc(t, cap + 1)) == NULL)
			break;
		t = grown;
		got = fread(t + n, 1, cap - n, f);
		n += got;
		if (n < cap || cap > (size_t)IMP_FILE_MAX)
			break;
		cap *= 2;
	}
	if (grown == NULL || ferror(f) || n > (size_t)IMP_FILE_MAX) {
		fclose(f);
		free(t);
		return imp_fail(im, NULL,
		    grown == NULL                  ? "out of memory"
			: n > (size_t)IMP_FILE_MAX ? "file larger than %ld bytes"
						   : "cannot read the file",
		    IMP_FILE_MAX);
	}
	fclose(f);
	t[n] = '\0';
	*text = t;
	im->text = t;
	im->len = n;
	return 0;
}

/* Parses im->text into *root (an object), rejecting duplicate keys and anything jansson
 * rejects (bad UTF-8, NUL), with the JSON path of the error when it can be found. 0, or
 * -1 (message). */
static int
parse_root(struct imp *im, json_t **root)
{
	json_error_t e;

	*root = json_loadb(im->text, im->len, JSON_REJECT_DUPLICATES, &e);
	if (*root == NULL) {
		if (e.position > 0)
			json_path_at(im->file, (size_t)e.position, path_step, im);
		im->text = NULL; /* the path is not a value's: no line of it */
		return imp_fail(
		    im, NULL, "invalid JSON at line %d, column %d: %s", e.line, e.column, e.text);
	}
	if (!json_is_object(*root))
		return imp_fail(im, NULL, "the top level is not a JSON object");
	return 0;
}

/* Validates root against the embedded schema of aberta-content/2. 0, or -1 (message). */
static int
validate(struct imp *im, json_t *root)
{
	json_error_t e;
	json_t      *schema = json_loadb(content_schema, content_schema_len, 0, &e);
	int          rc;

	if (schema == NULL)
		return imp_fail(im, NULL, "the embedded schema does not parse: %s", e.text);
	rc = jschema_validate(schema, root, im->text, im->len, im->file, im->err, im->errlen);
	json_decref(schema);
	if (rc != 0)
		im->failed = 1;
	return rc;
}

/* Loads root by its format. 0, or -1 (message). */
static int
load_all(struct imp *im, json_t *root)
{
	json_t *format = json_object_get(root, "format");

	if (format != NULL) {
		if (!json_is_string(format) || strcmp(json_string_value(format), IMP_FORMAT) != 0)
			return imp_fail(
			    im, "format", "unknown format (this program reads %s)", IMP_FORMAT);
		return seed_load(im, root);
	}
	if (json_object_get(root, "pages") == NULL)
		return imp_fail(im, NULL,
		    "neither a content file (\"format\": \"%s\") nor a pages file (\"pages\")",
		    IMP_FORMAT);
	return imp_each(im, root, "pages", load_page, NULL);
}

/* Loads root inside BEGIN IMMEDIATE ... COMMIT; rolls back on any error. 0, or -1. */
static int
load_transaction(struct imp *im, sqlite3 *db, json_t *root)
{
	if (store_begin(db) != 0)
		return imp_fail(im, NULL, "database error: %s", db_errmsg(db));
	if (load_all(im, root) == 0) {
		if (store_commit(db) == 0) /* its hook switches the page cache */
			return 0;
		imp_fail(im, NULL, "database error: %s", db_errmsg(db));
	}
	store_rollback(db);
	return -1;
}

int
import_json_file(sqlite3 *db, const char *path, char *errbuf, size_t errlen)
{
	struct imp im = { 0 };
	json_t    *root = NULL;
	char      *text = NULL;
	int        rc = -1;

	if (errbuf != NULL && errlen > 0)
		errbuf[0] = '\0';
	im.file = path;
	im.err = errbuf;
	im.errlen = errlen;
	if (read_file(&im, path, &text) == 0 && parse_root(&im, &root) == 0 &&
	    (json_object_get(root, "format") == NULL || validate(&im, root) == 0))
		rc = load_transaction(&im, db, root);
	json_decref(root);
	free(text);
	return rc;
}
