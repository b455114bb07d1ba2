/* jschema: a JSON document checked against a JSON Schema (see jschema.h). */
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "import/jschema.h"
#include "import/jsonpath.h"

#define ERR_MAX    20  /* errors written out; the others are counted */
#define PATH_STEPS 64  /* steps of a document path kept */
#define NEST_MAX   256 /* $refs followed within one another: more is a loop */
#define SHOW_MAX   48  /* characters of a value shown in a message */

/* A compiled pattern, cached by the schema node of its text. */
struct pat {
	const json_t *node;
	regex_t       re;
};

/* One validation run. */
struct run {
	const json_t    *root; /* the schema */
	const char      *text, *file;
	size_t           len;
	char            *err;
	size_t           errlen, used;
	struct json_step path[PATH_STEPS]; /* the document path of the value checked */
	size_t           depth;            /* its steps; those past PATH_STEPS are not kept */
	char             where[256];       /* the schema path, while the schema is checked */
	struct pat      *pat;
	size_t           npat, cap;
	unsigned long    errors; /* failures reported (outside anyOf trials) */
	unsigned long    fails;  /* failures found, in anyOf trials too */
	int              quiet;  /* in an anyOf trial: failures are counted, not reported */
	int              nest;   /* $refs being followed */
	int              broken; /* the schema is refused */
};

/* What the value of a keyword must be. */
enum kind {
	K_ANY,     /* anything (annotations, const) */
	K_SCHEMA,  /* a schema */
	K_MAP,     /* an object of schemas */
	K_LIST,    /* a non-empty array of schemas */
	K_TYPE,    /* a type name or a non-empty array of them */
	K_NAMES,   /* an array of strings */
	K_ARRAY,   /* an array */
	K_NUMBER,  /* a number */
	K_COUNT,   /* an integer, 0 or more */
	K_PATTERN, /* a regular expression */
	K_REF      /* a reference that resolves */
};

/* The keywords known, with the kind of their values. */
static const struct {
	const char *name;
	enum kind   kind;
} keywords[] = { { "description", K_ANY }, { "title", K_ANY }, { "$schema", K_ANY },
	{ "$comment", K_ANY }, { "examples", K_ANY }, { "default", K_ANY }, { "$id", K_ANY },
	{ "const", K_ANY }, { "$defs", K_MAP }, { "properties", K_MAP },
	{ "additionalProperties", K_SCHEMA }, { "items", K_SCHEMA }, { "anyOf", K_LIST },
	{ "type", K_TYPE }, { "required", K_NAMES }, { "enum", K_ARRAY }, { "minimum", K_NUMBER },
	{ "maximum", K_NUMBER }, { "minLength", K_COUNT }, { "maxLength", K_COUNT },
	{ "minItems", K_COUNT }, { "maxItems", K_COUNT }, { "pattern", K_PATTERN },
	{ "$ref", K_REF } };

/* The type of each kind of jansson value, and how a message names the kind. */
static const struct {
	const char *name, *phrase;
} jtypes[] = { [JSON_OBJECT] = { "object", "an object" },
	[JSON_ARRAY] = { "array", "an array" },
	[JSON_STRING] = { "string", "a string" },
	[JSON_INTEGER] = { "integer", "an integer" },
	[JSON_REAL] = { "number", "a number" },
	[JSON_TRUE] = { "boolean", "a boolean" },
	[JSON_FALSE] = { "boolean", "a boolean" },
	[JSON_NULL] = { "null", "null" } };

static void check(struct run *r, const json_t *s, const json_t *v, const char *name);

/* ------------------------------------------------------------------ messages */

/* Appends a line to the error buffer, after a newline unless it is the first. */
__attribute__((format(printf, 2, 3))) static void
out_line(struct run *r, const char *fmt, ...)
{
	va_list ap;
	int     n;

	if (r->errlen - r->used < 2)
		return;
	if (r->used > 0)
		r->err[r->used++] = '\n';
	va_start(ap, fmt);
	n = vsnprintf(r->err + r->used, r->errlen - r->used, fmt, ap);
	va_end(ap);
	if (n > 0)
		r->used += (size_t)n < r->errlen - r->used ? (size_t)n : r->errlen - r->used - 1;
}

/* Refuses the schema: the error buffer then holds only "schema: WHERE: reason".
 * Returns -1. */
__attribute__((format(printf, 3, 4))) static int
refuse(struct run *r, const char *where, const char *fmt, ...)
{
	char    why[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	r->broken = 1;
	r->used = 0;
	out_line(r, "schema: %s: %s", where[0] != '\0' ? where : "(top level)", why);
	return -1;
}

/* The line and column (from 1, the column in characters) of byte offset pos of the
 * text. */
static void
line_col(const struct run *r, size_t pos, unsigned long *line, unsigned long *col)
{
	size_t i;

	*line = *col = 1;
	for (i = 0; i < pos && i < r->len; i++) {
		if (r->text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)r->text[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/* Offset in the text of the value at the current path (at_key: of the key of the member
 * that is its last step), or of the nearest enclosing value the scan can reach. */
static size_t
text_offset(const struct run *r, int at_key)
{
	size_t n = r->depth < PATH_STEPS ? r->depth : PATH_STEPS, at, key;

	for (;; n--) {
		at = json_locate(r->text, r->len, r->path, n, &key);
		if (at != JSON_NOWHERE)
			return at_key && n == r->depth ? key : at;
		if (n == 0)
			return 0;
	}
}

/* Writes the first n steps of the current path into buf (len bytes). */
static void
path_text(const struct run *r, size_t n, char *buf, size_t len)
{
	size_t i, used = 0;
	int    k;

	snprintf(buf, len, "(top level)");
	for (i = 0; i < n && i < PATH_STEPS; i++) {
		if (r->path[i].key != NULL)
			k = snprintf(
			    buf + used, len - used, "%s%s", i > 0 ? "." : "", r->path[i].key);
		else
			k = snprintf(buf + used, len - used, "[%zu]", r->path[i].index);
		if (k < 0 || (size_t)k >= len - used)
			break;
		used += (size_t)k;
	}
}

/* Counts a failure of the value at the current path; outside anyOf trials writes the
 * first ERR_MAX as FILE:LINE:COL: PATH: reason.  at_key: the last step is a member
 * whose key is the place, and the path shown is that of its object. */
__attribute__((format(printf, 3, 4))) static void
fail(struct run *r, int at_key, const char *fmt, ...)
{
	char          why[768], path[512];
	unsigned long line, col;
	va_list       ap;

	r->fails++;
	if (r->broken || r->quiet > 0 || ++r->errors > ERR_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	line_col(r, text_offset(r, at_key), &line, &col);
	path_text(r, at_key ? r->depth - 1 : r->depth, path, sizeof path);
	out_line(r, "%s:%lu:%lu: %s: %s", r->file, line, col, path, why);
}

/* What v is, for a message: its JSON text (cut after SHOW_MAX characters), or "an
 * object", "an array".  Returns buf (len bytes) or a constant. */
static const char *
show(const json_t *v, char *buf, size_t len)
{
	char  *s;
	size_t i, n = 0;

	if (json_is_object(v) || json_is_array(v) ||
	    (s = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15))) == NULL)
		return jtypes[json_typeof(v)].phrase;
	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && n++ == SHOW_MAX)
			break;
	snprintf(buf, len, "%.*s%s", (int)i, s, s[i] == '\0' ? "" : "...");
	if (s[i] != '\0' && json_is_string(v)) /* the closing quote */
		strncat(buf, "\"", len - strlen(buf) - 1);
	free(s);
	return buf;
}

/* ------------------------------------------------------------------ schema */

/* Whether v is of the type named name. */
static int
type_is(const json_t *v, const char *name)
{
	return strcmp(jtypes[json_typeof(v)].name, name) == 0 ||
	    (json_is_integer(v) && strcmp(name, "number") == 0);
}

/* Whether v is of type t (a name or an array of names). */
static int
type_ok(const json_t *v, const json_t *t)
{
	size_t i;

	if (json_is_string(t))
		return type_is(v, json_string_value(t));
	for (i = 0; i < json_array_size(t); i++)
		if (type_is(v, json_string_value(json_array_get(t, i))))
			return 1;
	return 0;
}

/* Writes type t ("integer or null") into buf (len bytes); returns buf. */
static const char *
type_text(const json_t *t, char *buf, size_t len)
{
	size_t i, used = 0;

	if (json_is_string(t))
		return json_string_value(t);
	buf[0] = '\0';
	for (i = 0; i < json_array_size(t) && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i > 0 ? " or " : "",
		    json_string_value(json_array_get(t, i)));
	return buf;
}

/* The schema that $ref text ref names ("#" or "#/$defs/NAME"), and in *name the name of
 * the definition ("(top level)" for "#"); NULL when there is none. */
static const json_t *
ref_target(const struct run *r, const char *ref, const char **name)
{
	if (strcmp(ref, "#") == 0) {
		*name = "(top level)";
		return r->root;
	}
	if (strncmp(ref, "#/$defs/", 8) != 0)
		return NULL;
	*name = ref + 8;
	return json_object_get(json_object_get(r->root, "$defs"), ref + 8);
}

/* The POSIX text of escape \c of a pattern (inside [...] when cls), using lit (3 bytes);
 * NULL when it has none. */
static const char *
escape_ere(int c, int cls, char *lit)
{
	if (c == 'd')
		return cls ? "0-9" : "[0-9]";
	if (c == 's')
		return cls ? "[:space:]" : "[[:space:]]";
	if (c == 'S' && !cls)
		return "[^[:space:]]";
	if (c == '\0' || strchr(cls ? "./\\()*+?{}|$" : ".[]{}()*+?^$|\\/-", c) == NULL)
		return NULL;
	snprintf(lit, 3, "\\%c", c);
	return cls || c == '/' || c == '-' ? lit + 1 : lit; /* literal as it is */
}

/* Translates the ECMA-262 pattern p into a POSIX extended one in o (6 bytes a byte of p,
 * and 1, are enough).  Returns NULL, or what is refused. */
static const char *
pattern_ere(const char *p, char *o)
{
	const char *t;
	char        lit[3];
	int         cls = 0; /* inside [...] */

	for (; *p != '\0'; p++) {
		if (*p == '\\') {
			if ((t = escape_ere(*++p, cls, lit)) == NULL)
				return "escapes other than \\d, \\s, \\S (not in [...]) and \\ "
				       "before "
				       "punctuation are not supported";
			memcpy(o, t, strlen(t));
			o += strlen(t);
			continue;
		}
		if (!cls && *p == '(' && p[1] == '?')
			return "(?...) groups are not supported";
		if (!cls && strchr("*+?}", *p) != NULL && p[1] == '?')
			return "lazy quantifiers (*?, +?, ?\?) are not supported";
		if (*p == '[' && (cls || p[1] == ']' || (p[1] == '^' && p[2] == ']')))
			return "[ inside [...], [] and [^] are not supported";
		cls = *p == '[' ? 1 : *p == ']' ? 0 : cls;
		*o++ = *p;
	}
	*o = '\0';
	return NULL;
}

/* The compiled pattern of node (a pattern's string), compiled at its first use at
 * r->where.  Returns NULL after refusing the schema. */
static regex_t *
pattern_get(struct run *r, const json_t *node)
{
	const char *p = json_string_value(node), *no;
	struct pat *grown;
	char       *ere = NULL, why[128];
	size_t      i;
	int         rc;

	for (i = 0; i < r->npat; i++)
		if (r->pat[i].node == node)
			return &r->pat[i].re;
	if (r->npat == r->cap && (grown = realloc(r->pat, (r->cap + 8) * sizeof *grown)) != NULL)
		r->pat = grown, r->cap += 8;
	if (r->npat == r->cap || (ere = malloc(6 * strlen(p) + 1)) == NULL)
		return refuse(r, r->where, "out of memory"), NULL;
	if ((no = pattern_ere(p, ere)) != NULL) {
		free(ere);
		return refuse(r, r->where, "%s cannot be checked: %s", p, no), NULL;
	}
	rc = regcomp(&r->pat[r->npat].re, ere, REG_EXTENDED | REG_NOSUB);
	free(ere);
	if (rc != 0) {
		regerror(rc, &r->pat[r->npat].re, why, sizeof why);
		return refuse(r, r->where, "%s is not a valid pattern: %s", p, why), NULL;
	}
	r->pat[r->npat].node = node;
	return &r->pat[r->npat++].re;
}

/* Appends a step to the schema path r->where (key, or [i] when key is NULL); returns
 * its old length, to cut it back to. */
static size_t
where_push(struct run *r, const char *key, size_t i)
{
	size_t old = strlen(r->where);

	if (key != NULL)
		snprintf(r->where + old, sizeof r->where - old, "%s%s", old > 0 ? "." : "", key);
	else
		snprintf(r->where + old, sizeof r->where - old, "[%zu]", i);
	return old;
}

/* NOLINTBEGIN(misc-no-recursion): a schema is a tree, and so is a document; $ref loops
 * stop at NEST_MAX */
static int schema_check(struct run *r, const json_t *s);

/* Checks the schemas v holds (map: an object of them; else a non-empty array).
 * Returns 0, or -1 after refusing the schema. */
static int
schemas_check(struct run *r, const json_t *v, int map)
{
	const char *key;
	void       *it;
	size_t      i, old;

	if (map && !json_is_object(v))
		return refuse(r, r->where, "is not an object");
	if (!map && json_array_size(v) == 0)
		return refuse(r, r->where, "is not a non-empty array");
	it = map ? json_object_iter((json_t *)v) : NULL;
	for (i = 0; map ? it != NULL : i < json_array_size(v); i++) {
		key = map ? json_object_iter_key(it) : NULL;
		old = where_push(r, key, i);
		if (schema_check(r, map ? json_object_iter_value(it) : json_array_get(v, i)) != 0)
			return -1;
		r->where[old] = '\0';
		if (map)
			it = json_object_iter_next((json_t *)v, it);
	}
	return 0;
}

/* Checks type t: a known name, or a non-empty array of them.  Returns 0, or -1 after
 * refusing the schema. */
static int
type_check(struct run *r, const json_t *t)
{
	size_t i, j, n = json_is_string(t) ? 1 : json_array_size(t);

	if (n == 0)
		return refuse(r, r->where, "is neither a type nor a non-empty array of types");
	for (i = 0; i < n; i++) {
		const json_t *e = json_is_string(t) ? t : json_array_get(t, i);

		for (j = 0; j < sizeof jtypes / sizeof *jtypes; j++)
			if (json_is_string(e) && strcmp(json_string_value(e), jtypes[j].name) == 0)
				break;
		if (j == sizeof jtypes / sizeof *jtypes)
			return refuse(r, r->where, "names a type JSON Schema does not have");
	}
	return 0;
}

/* Checks v, the value of a keyword of kind k at r->where.  Returns 0, or -1 after
 * refusing the schema. */
static int
value_check(struct run *r, enum kind k, const json_t *v)
{
	const char *name;
	size_t      i;

	switch (k) {
	case K_SCHEMA:
		return schema_check(r, v);
	case K_MAP:
	case K_LIST:
		return schemas_check(r, v, k == K_MAP);
	case K_TYPE:
		return type_check(r, v);
	case K_NAMES:
		for (i = 0; i < json_array_size(v); i++)
			if (!json_is_string(json_array_get(v, i)))
				return refuse(r, r->where, "is not an array of strings");
		/* fall through */
	case K_ARRAY:
		return json_is_array(v) ? 0 : refuse(r, r->where, "is not an array");
	case K_NUMBER:
		return json_is_number(v) ? 0 : refuse(r, r->where, "is not a number");
	case K_COUNT:
		if (json_is_integer(v) && json_integer_value(v) >= 0)
			return 0;
		return refuse(r, r->where, "is not an integer, 0 or more");
	case K_PATTERN:
		if (!json_is_string(v))
			return refuse(r, r->where, "is not a string");
		return pattern_get(r, v) != NULL ? 0 : -1;
	case K_REF:
		if (json_is_string(v) && ref_target(r, json_string_value(v), &name) != NULL)
			return 0;
		return refuse(r, r->where, "names neither \"#\" nor a definition \"#/$defs/NAME\"");
	default:
		return 0;
	}
}

/* Checks schema s at r->where and all it holds: every keyword known, its value of the
 * right kind, every pattern compiled.  Returns 0, or -1 after refusing it. */
static int
schema_check(struct run *r, const json_t *s)
{
	const char *key;
	void       *it;
	size_t      i, old;

	if (json_is_boolean(s))
		return 0;
	if (!json_is_object(s))
		return refuse(r, r->where, "is not a schema (an object, true or false)");
	for (it = json_object_iter((json_t *)s); it != NULL;
	     it = json_object_iter_next((json_t *)s, it)) {
		key = json_object_iter_key(it);
		for (i = 0; i < sizeof keywords / sizeof *keywords; i++)
			if (strcmp(keywords[i].name, key) == 0)
				break;
		if (i == sizeof keywords / sizeof *keywords)
			return refuse(r, r->where, "the keyword \"%s\" is not supported", key);
		old = where_push(r, key, 0);
		if (value_check(r, keywords[i].kind, json_object_iter_value(it)) != 0)
			return -1;
		r->where[old] = '\0';
	}
	return 0;
}

/* ------------------------------------------------------------------ document */

/* Adds a step (key, or index i when key is NULL) to the current path. */
static void
path_push(struct run *r, const char *key, size_t i)
{
	if (r->depth < PATH_STEPS)
		r->path[r->depth] = (struct json_step){ key, i };
	r->depth++;
}

/* Checks v against the schema s's "$ref" names, if any. */
static void
check_ref(struct run *r, const json_t *s, const json_t *v)
{
	const json_t *ref = json_object_get(s, "$ref");
	const json_t *t;
	const char   *name = NULL;

	if (ref == NULL)
		return;
	t = ref_target(r, json_string_value(ref), &name);
	if (++r->nest > NEST_MAX)
		refuse(
		    r, json_string_value(ref), "$refs nest more than %d deep: a loop?", NEST_MAX);
	else
		check(r, t, v, name);
	r->nest--;
}

/* Checks v against s's "const" and "enum" (name: of the definition s is). */
static void
check_value(struct run *r, const json_t *s, const json_t *v, const char *name)
{
	const json_t *c = json_object_get(s, "const"), *e = json_object_get(s, "enum");
	char          a[128], b[128], list[512];
	size_t        i, used = 0;

	if (c != NULL && !json_equal(v, c))
		fail(r, 0, "is %s, expected %s", show(v, a, sizeof a), show(c, b, sizeof b));
	if (e == NULL)
		return;
	for (i = 0; i < json_array_size(e); i++)
		if (json_equal(v, json_array_get(e, i)))
			return;
	list[0] = '\0';
	for (i = 0; i < json_array_size(e) && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i > 0 ? ", " : "",
		    show(json_array_get(e, i), b, sizeof b));
	fail(r, 0, "is %s, not one of%s%s: %s", show(v, a, sizeof a), name ? " the values of " : "",
	    name ? name : "", list);
}

/* Whether schema s, its $refs followed (hops so far), admits the type of v: which anyOf
 * branch was meant. */
static int
fits_type(const struct run *r, const json_t *s, const json_t *v, int hops)
{
	const json_t *t = json_object_get(s, "type"), *ref = json_object_get(s, "$ref");
	const char   *name;
	size_t        i;

	if (json_is_boolean(s) || hops > NEST_MAX)
		return !json_is_false(s);
	if (t != NULL && !type_ok(v, t))
		return 0;
	if (ref != NULL && !fits_type(r, ref_target(r, json_string_value(ref), &name), v, hops + 1))
		return 0;
	if ((t = json_object_get(s, "anyOf")) == NULL)
		return 1;
	for (i = 0; i < json_array_size(t); i++)
		if (fits_type(r, json_array_get(t, i), v, hops + 1))
			return 1;
	return 0;
}

/* Writes the names of the branches of anyOf a ("isoDate, null") into buf (len bytes):
 * a definition's name, a type, a constant, else "branch N". */
static void
branch_names(const struct run *r, const json_t *a, char *buf, size_t len)
{
	const json_t *b, *t;
	const char   *name = NULL;
	char          one[128];
	size_t        i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < json_array_size(a) && used < len; i++) {
		b = json_array_get(a, i);
		if ((t = json_object_get(b, "$ref")) != NULL)
			ref_target(r, json_string_value(t), &name);
		else if ((t = json_object_get(b, "type")) != NULL)
			name = type_text(t, one, sizeof one);
		else if ((t = json_object_get(b, "const")) != NULL)
			name = show(t, one, sizeof one);
		else
			snprintf(one, sizeof one, "branch %zu", i + 1), name = one;
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i > 0 ? ", " : "", name);
	}
}

/* Checks v against s's "anyOf": valid when a branch takes it; else, when exactly one
 * branch admits v's type, that branch's failures; else one naming the branches. */
static void
check_anyof(struct run *r, const json_t *s, const json_t *v)
{
	const json_t *a = json_object_get(s, "anyOf"), *meant = NULL;
	unsigned long before;
	size_t        i, fits = 0;
	char          names[512], buf[128];

	if (a == NULL)
		return;
	for (i = 0; i < json_array_size(a); i++) {
		before = r->fails;
		r->quiet++;
		check(r, json_array_get(a, i), v, NULL);
		r->quiet--;
		if (r->fails == before)
			return;
		r->fails = before;
		if (fits_type(r, json_array_get(a, i), v, 0))
			meant = json_array_get(a, i), fits++;
	}
	if (r->broken)
		return;
	if (fits == 1) {
		check(r, meant, v, NULL);
		return;
	}
	branch_names(r, a, names, sizeof names);
	fail(r, 0, "is %s, which matches none of: %s", show(v, buf, sizeof buf), names);
}

/* Checks object v against s's "required", "properties" and "additionalProperties",
 * its members in the document's order. */
static void
check_object(struct run *r, const json_t *s, const json_t *v)
{
	const json_t *req = json_object_get(s, "required"), *sub;
	const json_t *props = json_object_get(s, "properties");
	const json_t *more = json_object_get(s, "additionalProperties");
	const char   *key;
	char          buf[128];
	void         *it;
	size_t        i;

	for (i = 0; i < json_array_size(req); i++) {
		key = json_string_value(json_array_get(req, i));
		if (json_object_get(v, key) == NULL)
			fail(r, 0, "has no \"%s\" (required)", key);
	}
	for (it = json_object_iter((json_t *)v); it != NULL;
	     it = json_object_iter_next((json_t *)v, it)) {
		key = json_object_iter_key(it);
		if ((sub = json_object_get(props, key)) == NULL && (sub = more) == NULL)
			continue;
		path_push(r, key, 0);
		if (json_object_get(props, key) == NULL && json_is_false(more)) {
			json_t *k = json_string(key);

			fail(r, 1, "%s is not allowed here (additionalProperties false)",
			    show(k, buf, sizeof buf));
			json_decref(k);
		} else
			check(r, sub, json_object_iter_value(it), NULL);
		r->depth--;
	}
}

/* Checks array v against s's "minItems", "maxItems" and "items". */
static void
check_array(struct run *r, const json_t *s, const json_t *v)
{
	const json_t *items = json_object_get(s, "items"), *t;
	size_t        i, n = json_array_size(v);

	if ((t = json_object_get(s, "minItems")) != NULL && (json_int_t)n < json_integer_value(t))
		fail(r, 0, "has %zu item%s, fewer than the minimum %lld", n, n == 1 ? "" : "s",
		    (long long)json_integer_value(t));
	if ((t = json_object_get(s, "maxItems")) != NULL && (json_int_t)n > json_integer_value(t))
		fail(r, 0, "has %zu items, more than the maximum %lld", n,
		    (long long)json_integer_value(t));
	for (i = 0; items != NULL && i < n; i++) {
		path_push(r, NULL, i);
		check(r, items, json_array_get(v, i), NULL);
		r->depth--;
	}
}

/* Checks string v against s's "minLength", "maxLength" and "pattern" (name: of the
 * definition s is). */
static void
check_string(struct run *r, const json_t *s, const json_t *v, const char *name)
{
	const char   *p = json_string_value(v);
	const json_t *t;
	regex_t      *re;
	char          buf[128];
	size_t        n = utf8_chars(p, json_string_length(v)); /* characters, not bytes */
	if ((t = json_object_get(s, "minLength")) != NULL && (json_int_t)n < json_integer_value(t))
		fail(r, 0, "is %zu character%s long, less than the minimum length %lld", n,
		    n == 1 ? "" : "s", (long long)json_integer_value(t));
	if ((t = json_object_get(s, "maxLength")) != NULL && (json_int_t)n > json_integer_value(t))
		fail(r, 0, "is %zu characters long, more than the maximum length %lld", n,
		    (long long)json_integer_value(t));
	if ((t = json_object_get(s, "pattern")) == NULL || (re = pattern_get(r, t)) == NULL ||
	    regexec(re, p, 0, NULL, 0) == 0)
		return;
	if (name != NULL)
		fail(r, 0, "%s does not match the pattern of %s (%s)", show(v, buf, sizeof buf),
		    name, json_string_value(t));
	else
		fail(r, 0, "%s does not match the pattern %s", show(v, buf, sizeof buf),
		    json_string_value(t));
}

/* Checks number v against s's "minimum" and "maximum". */
static void
check_number(struct run *r, const json_t *s, const json_t *v)
{
	const json_t *t;
	char          a[64], b[64];

	if ((t = json_object_get(s, "minimum")) != NULL &&
	    json_number_value(v) < json_number_value(t))
		fail(r, 0, "is %s, less than the minimum %s", show(v, a, sizeof a),
		    show(t, b, sizeof b));
	if ((t = json_object_get(s, "maximum")) != NULL &&
	    json_number_value(v) > json_number_value(t))
		fail(r, 0, "is %s, more than the maximum %s", show(v, a, sizeof a),
		    show(t, b, sizeof b));
}

/* Fails v for not being of type t (name: of the definition the schema is). */
static void
fail_type(struct run *r, const json_t *v, const json_t *t, const char *name)
{
	char a[128], b[128], shown[140] = "", def[160] = "";

	if (json_is_string(v) || json_is_number(v) || json_is_boolean(v))
		snprintf(shown, sizeof shown, " (%s)", show(v, a, sizeof a));
	if (name != NULL)
		snprintf(def, sizeof def, " (%s)", name);
	fail(r, 0, "is %s%s, expected %s%s", jtypes[json_typeof(v)].phrase, shown,
	    type_text(t, b, sizeof b), def);
}

/* Checks v, at the current path, against schema s (name: of the definition s is, when a
 * $ref named it).  A value of the wrong type gets only that failure. */
static void
check(struct run *r, const json_t *s, const json_t *v, const char *name)
{
	const json_t *t = json_object_get(s, "type");

	if (r->broken)
		return;
	if (json_is_boolean(s)) {
		if (json_is_false(s))
			fail(r, 0, "is not allowed here");
		return;
	}
	if (t != NULL && !type_ok(v, t)) {
		fail_type(r, v, t, name);
		return;
	}
	check_ref(r, s, v);
	check_value(r, s, v, name);
	check_anyof(r, s, v);
	if (json_is_object(v))
		check_object(r, s, v);
	else if (json_is_array(v))
		check_array(r, s, v);
	else if (json_is_string(v))
		check_string(r, s, v, name);
	else if (json_is_number(v))
		check_number(r, s, v);
}
/* NOLINTEND(misc-no-recursion) */

int
jschema_validate(const json_t *schema, const json_t *doc, const char *text, size_t len,
    const char *file, char *err, size_t errlen)
{
	struct run r;
	size_t     i;

	memset(&r, 0, sizeof r);
	r.root = schema;
	r.text = text;
	r.len = len;
	r.file = file;
	r.err = err;
	r.errlen = errlen;
	if (errlen > 0)
		err[0] = '\0';
	if (schema_check(&r, schema) == 0)
		check(&r, schema, doc, NULL);
	if (!r.broken && r.errors > ERR_MAX)
		out_line(&r, "... and %lu more", r.errors - ERR_MAX);
	for (i = 0; i < r.npat; i++)
		regfree(&r.pat[i].re);
	free(r.pat);
	return r.broken || r.errors > 0 ? -1 : 0;
}
