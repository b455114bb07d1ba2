/* Unit tests of import/jschema: the real content file against its schema; each keyword
 * on small schemas, with the exact message and its LINE:COL; mutated copies of the real
 * content failing at the right place; schemas refused (a keyword not implemented, a
 * pattern that cannot be compiled or translated, a $ref that does not resolve or loops).
 * The source tree is $ABERTA_SRCDIR (else ".").  TAP output through Check. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../lib/testlib.h"
#include "import/jschema.h"
#include "import/jsonpath.h"

#define CONTENT "content/rnaa-content.json"
#define SCHEMA  "content/rnaa-content.schema.json"

/* Path of rel in the source tree, in buf (len bytes). */
static const char *
src_path(const char *rel, char *buf, size_t len)
{
	const char *top = getenv("ABERTA_SRCDIR");

	snprintf(buf, len, "%s/%s", top != NULL && top[0] != '\0' ? top : ".", rel);
	return buf;
}

/* The file rel of the source tree, NUL-terminated (to free); *len its size. */
static char *
slurp(const char *rel, size_t *len)
{
	char  path[1024], *buf;
	FILE *fp = fopen(src_path(rel, path, sizeof path), "rb");
	long  n;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	ck_assert_int_ge(n = ftell(fp), 0);
	rewind(fp);
	ck_assert_ptr_nonnull(buf = malloc((size_t)n + 1));
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

/* Validates doc (JSON text) against schema (JSON text) as file "t.json", the message
 * into err (len bytes).  Returns what jschema_validate returns. */
static int
run(const char *schema, const char *doc, char *err, size_t len)
{
	json_error_t je;
	json_t      *s = json_loads(schema, 0, &je), *d;
	int          rc;

	ck_assert_msg(s != NULL, "schema: %s", je.text);
	d = json_loads(doc, JSON_DECODE_ANY, &je);
	ck_assert_msg(d != NULL, "document: %s", je.text);
	rc = jschema_validate(s, d, doc, strlen(doc), "t.json", err, len);
	json_decref(s);
	json_decref(d);
	return rc;
}

/* Checks that doc fails schema with exactly the message want. */
static void
expect(const char *schema, const char *doc, const char *want)
{
	char err[8192];

	ck_assert_int_eq(run(schema, doc, err, sizeof err), -1);
	ck_assert_str_eq(err, want);
}

/* Checks that doc is valid against schema. */
static void
valid(const char *schema, const char *doc)
{
	char err[8192];

	ck_assert_msg(run(schema, doc, err, sizeof err) == 0, "%s", err);
	ck_assert_str_eq(err, "");
}

/* The definitions isoDate and isoDateOrNull of the real schema, and a property d. */
#define DATES \
	"{\"$defs\": {\"isoDate\": {\"type\": \"string\", \"pattern\": " \
	"\"^\\\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\\\d|3[01]))?)?$\"}, \"isoDateOrNull\": " \
	"{\"anyOf\": [{\"$ref\": \"#/$defs/isoDate\"}, {\"type\": \"null\"}]}}, " \
	"\"properties\": {\"d\": {\"$ref\": \"#/$defs/isoDateOrNull\"}}}"
#define ISO "^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$"

START_TEST(real_content)
{
	json_error_t je;
	json_t      *s, *d;
	char        *text, err[8192];
	size_t       len;

	text = slurp(CONTENT, &len);
	ck_assert_msg(
	    (d = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je)) != NULL, "%s", je.text);
	free(text);
	text = slurp(SCHEMA, &len);
	ck_assert_msg((s = json_loadb(text, len, 0, &je)) != NULL, "%s", je.text);
	ck_assert_msg(jschema_validate(s, d, text, len, CONTENT, err, sizeof err) == 0, "%s", err);
	ck_assert_str_eq(err, "");
	json_decref(s);
	json_decref(d);
	free(text);
}
END_TEST

START_TEST(types)
{
	expect("{\"type\": \"string\"}", "5",
	    "t.json:1:1: (top level): is an integer (5), expected string");
	expect("{\"properties\": {\"p\": {\"type\": [\"integer\", \"null\"]}}}", "{\"p\": \"50\"}",
	    "t.json:1:7: p: is a string (\"50\"), expected integer or null");
	expect("{\"properties\": {\"p\": {\"type\": \"integer\"}}}", "{\"p\": 5.0}",
	    "t.json:1:7: p: is a number (5.0), expected integer");
	expect("{\"items\": {\"type\": [\"object\", \"boolean\"]}}", "[{}, true, [1], null]",
	    "t.json:1:12: [2]: is an array, expected object or boolean\n"
	    "t.json:1:17: [3]: is null, expected object or boolean");
	valid("{\"type\": \"number\"}", "5");
	valid("{\"type\": [\"array\", \"string\"]}", "\"x\"");
}
END_TEST

START_TEST(enums_consts)
{
	const char *s =
	    "{\"$defs\": {\"c\": {\"enum\": [\"confirmed\", \"inferred\", null]}}, "
	    "\"properties\": {\"a\": {\"$ref\": \"#/$defs/c\"}, \"b\": {\"enum\": [1, 2]}, "
	    "\"f\": {\"const\": \"aberta-content/2\"}}}";

	expect(s, "{\"a\": \"sure\",\n \"b\": 3,\n \"f\": \"aberta-content/1\"}",
	    "t.json:1:7: a: is \"sure\", not one of the values of c: \"confirmed\", "
	    "\"inferred\", null\n"
	    "t.json:2:7: b: is 3, not one of: 1, 2\n"
	    "t.json:3:7: f: is \"aberta-content/1\", expected \"aberta-content/2\"");
	valid(s, "{\"a\": null, \"b\": 2, \"f\": \"aberta-content/2\"}");
}
END_TEST

START_TEST(objects)
{
	const char *s =
	    "{\"required\": [\"a\", \"as_of\"], \"additionalProperties\": false, "
	    "\"properties\": {\"a\": {\"type\": \"integer\"}, \"as_of\": true, "
	    "\"o\": {\"additionalProperties\": {\"type\": \"integer\"}}, \"no\": false}}";

	expect(s, "{\n \"a\": 1,\n  \"foo\": 2, \"o\": {\"x\": 1, \"y\": true}, \"no\": 0\n}",
	    "t.json:1:1: (top level): has no \"as_of\" (required)\n"
	    "t.json:3:3: (top level): \"foo\" is not allowed here (additionalProperties false)\n"
	    "t.json:3:32: o.y: is a boolean (true), expected integer\n"
	    "t.json:3:45: no: is not allowed here");
	valid(s, "{\"a\": 1, \"as_of\": [], \"o\": {\"z\": 3}}");
	/* a key written with escapes, a string holding JSON's punctuation before it */
	expect(s, "{\"a\": 1, \"as_of\": \"x:[{,\\\"}\", \"f\\u00f3\\n\": 1}",
	    "t.json:1:31: (top level): \"fó\\n\" is not allowed here (additionalProperties "
	    "false)");
}
END_TEST

START_TEST(arrays)
{
	const char *s = "{\"items\": {\"type\": \"integer\"}, \"minItems\": 1, \"maxItems\": 3}";

	expect(s, "[1, 2,\n \"x\"]", "t.json:2:2: [2]: is a string (\"x\"), expected integer");
	expect(s, "[]", "t.json:1:1: (top level): has 0 items, fewer than the minimum 1");
	expect(s, "[1, 2, 3, 4]", "t.json:1:1: (top level): has 4 items, more than the maximum 3");
	valid(s, "[1, 2, 3]");
}
END_TEST

START_TEST(numbers)
{
	const char *s = "{\"properties\": {\"percent\": {\"type\": [\"integer\", \"null\"], "
			"\"minimum\": 0, \"maximum\": 100}, \"x\": {\"minimum\": 0.5}}}";

	expect(s, "{\"percent\": 101}", "t.json:1:13: percent: is 101, more than the maximum 100");
	expect(s, "{\"percent\": -1, \"x\": 0.25}",
	    "t.json:1:13: percent: is -1, less than the minimum 0\n"
	    "t.json:1:22: x: is 0.25, less than the minimum 0.5");
	valid(s, "{\"percent\": null, \"x\": \"not a number\"}");
	valid(s, "{\"percent\": 100, \"x\": 0.5}");
}
END_TEST

START_TEST(strings)
{
	const char *s = "{\"properties\": {\"s\": {\"minLength\": 3, \"maxLength\": 4}, \"e\": "
			"{\"pattern\": \"^[^@\\\\s]+@[^@\\\\s]+$\"}, \"u\": {\"pattern\": "
			"\"^https?://\\\\S+\\\\.pt/\\\\-$\"}}}";

	valid(s, "{\"s\": \"ção\", \"e\": \"a@b\", \"u\": \"https://x.pt/-\"}");
	expect(s, "{\"s\": \"çã\"}",
	    "t.json:1:7: s: is 2 characters long, less than the minimum length 3");
	expect(s, "{\"s\": \"abcde\"}",
	    "t.json:1:7: s: is 5 characters long, more than the maximum length 4");
	expect(s, "{\"e\": \"a b@c\", \"u\": \"https://x pt/-\"}",
	    "t.json:1:7: e: \"a b@c\" does not match the pattern ^[^@\\s]+@[^@\\s]+$\n"
	    "t.json:1:21: u: \"https://x pt/-\" does not match the pattern "
	    "^https?://\\S+\\.pt/\\-$");
	expect(s, "{\"u\": \"https://xxpt/-\"}",
	    "t.json:1:7: u: \"https://xxpt/-\" does not match the pattern "
	    "^https?://\\S+\\.pt/\\-$");
	expect(s,
	    "{\"e\": \"" /* shown cut after 48 characters */
	    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\"}",
	    "t.json:1:7: e: \"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstu...\" does not match "
	    "the pattern ^[^@\\s]+@[^@\\s]+$");
}
END_TEST

START_TEST(any_of)
{
	valid(DATES, "{\"d\": null}");
	valid(DATES, "{\"d\": \"2018-12\"}");
	expect(DATES, "{\"d\": 5}", "t.json:1:7: d: is 5, which matches none of: isoDate, null");
	/* one branch only is of the value's type: its own failure is the message */
	expect(DATES, "{\n  \"d\": \"2018-13\"\n}",
	    "t.json:2:8: d: \"2018-13\" does not match the pattern of isoDate (" ISO ")");
	expect("{\"anyOf\": [{\"type\": \"object\", \"required\": [\"a\"]}, {\"type\": \"object\", "
	       "\"required\": [\"b\"]}, {\"const\": 3}, {\"required\": [\"c\"]}]}",
	    "{}",
	    "t.json:1:1: (top level): is an object, which matches none of: object, object, 3, "
	    "branch 4");
}
END_TEST

START_TEST(refs)
{
	const char *s =
	    "{\"properties\": {\"kid\": {\"$ref\": \"#\"}, \"n\": {\"type\": \"integer\"}}, "
	    "\"additionalProperties\": false}";

	valid(s, "{\"kid\": {\"kid\": {\"n\": 1}}}");
	expect(s, "{\"kid\": {\"kid\": {\"n\": \"1\", \"x\": 1}}}",
	    "t.json:1:23: kid.kid.n: is a string (\"1\"), expected integer\n"
	    "t.json:1:28: kid.kid: \"x\" is not allowed here (additionalProperties false)");
	expect("{\"$defs\": {\"slug\": {\"type\": \"string\"}}, \"items\": {\"$ref\": "
	       "\"#/$defs/slug\"}}",
	    "[\"a\", 1]", "t.json:1:7: [1]: is an integer (1), expected string (slug)");
}
END_TEST

START_TEST(deep_paths)
{
	const char *s =
	    "{\"properties\": {\"x\": {\"properties\": {\"p\": {\"type\": \"string\"}}}, "
	    "\"y\": {\"items\": {\"properties\": {\"aç\": {\"items\": {\"type\": \"null\"}}}}}}}";
	char doc[2048], want[2048];
	int  i;

	/* the same key under another parent, a key written with a \u escape */
	expect(s,
	    "{\"x\": {\"p\": \"s\"}, \"y\": [{\"p\": 1}, {\"a\\u00e7\": [null, 1], \"p\": 2}]}",
	    "t.json:1:54: y[1].aç[1]: is an integer (1), expected null");
	/* past 16 levels the place is the deepest the scan follows */
	strcpy(doc, "");
	strcpy(want, "t.json:1:17: ");
	for (i = 0; i < 20; i++)
		strcat(doc, "["), strcat(want, "[0]");
	strcat(doc, "1");
	for (i = 0; i < 20; i++)
		strcat(doc, "]");
	strcat(want, ": is 1, which matches none of: string, array");
	expect("{\"items\": {\"$ref\": \"#/$defs/a\"}, \"$defs\": {\"a\": {\"anyOf\": [{\"type\": "
	       "\"string\"}, {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/a\"}}]}}}",
	    doc, want);
}
END_TEST

START_TEST(bound)
{
	char   doc[256] = "[", want[4096] = "", err[4096];
	int    i;
	size_t n;

	for (i = 0; i < 25; i++)
		strcat(doc, i > 0 ? ",\"x\"" : "\"x\"");
	strcat(doc, "]");
	for (i = 0; i < 20; i++) {
		n = strlen(want);
		snprintf(want + n, sizeof want - n,
		    "%st.json:1:%d: [%d]: is a string (\"x\"), expected integer", i > 0 ? "\n" : "",
		    2 + 4 * i, i);
	}
	strcat(want, "\n... and 5 more");
	expect("{\"items\": {\"type\": \"integer\"}}", doc, want);
	/* a short buffer: cut, NUL-terminated */
	ck_assert_int_eq(run("{\"items\": {\"type\": \"integer\"}}", doc, err, 20), -1);
	ck_assert_str_eq(err, "t.json:1:2: [0]: is");
}
END_TEST

START_TEST(refused)
{
	expect("{\"properties\": {\"a\": {\"if\": {}}}}", "{}",
	    "schema: properties.a: the keyword \"if\" is not supported");
	/* refused even where the document does not go */
	expect("{\"$defs\": {\"x\": {\"items\": {\"prefixItems\": []}}}}", "1",
	    "schema: $defs.x.items: the keyword \"prefixItems\" is not supported");
	expect(
	    "{\"items\": [{}]}", "[]", "schema: items: is not a schema (an object, true or false)");
	expect("{\"minimum\": \"1\"}", "1", "schema: minimum: is not a number");
	expect("{\"maxLength\": -1}", "1", "schema: maxLength: is not an integer, 0 or more");
	expect("{\"type\": \"text\"}", "1", "schema: type: names a type JSON Schema does not have");
	expect("{\"anyOf\": []}", "1", "schema: anyOf: is not a non-empty array");
	expect("{\"required\": [1]}", "1", "schema: required: is not an array of strings");
	expect("{\"$ref\": \"#/$defs/none\"}", "1",
	    "schema: $ref: names neither \"#\" nor a definition \"#/$defs/NAME\"");
	expect("{\"$ref\": \"other.json\"}", "1",
	    "schema: $ref: names neither \"#\" nor a definition \"#/$defs/NAME\"");
	expect("{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/a\"}}, \"$ref\": \"#/$defs/a\"}", "1",
	    "schema: #/$defs/a: $refs nest more than 256 deep: a loop?");
}
END_TEST

START_TEST(patterns_refused)
{
	char err[1024];

	ck_assert_int_eq(
	    run("{\"properties\": {\"a\": {\"pattern\": \"a(\"}}}", "{}", err, sizeof err), -1);
	ck_assert_msg(
	    strncmp(err, "schema: properties.a.pattern: a( is not a valid pattern: ", 57) == 0 &&
		strlen(err) > 57,
	    "%s", err);
	expect("{\"pattern\": \"^\\\\w+$\"}", "1",
	    "schema: pattern: ^\\w+$ cannot be checked: escapes other than \\d, \\s, \\S (not in "
	    "[...]) and \\ before punctuation are not supported");
	expect("{\"pattern\": \"[\\\\S]\"}", "1",
	    "schema: pattern: [\\S] cannot be checked: escapes other than \\d, \\s, \\S (not in "
	    "[...]) and \\ before punctuation are not supported");
	expect("{\"pattern\": \"(?:a)\"}", "1",
	    "schema: pattern: (?:a) cannot be checked: (?...) groups are not supported");
	expect("{\"pattern\": \"a+?\"}", "1",
	    "schema: pattern: a+? cannot be checked: lazy quantifiers (*?, +?, ?\?) are not "
	    "supported");
	expect("{\"pattern\": \"[^]\"}", "1",
	    "schema: pattern: [^] cannot be checked: [ inside [...], [] and [^] are not supported");
}
END_TEST

/* Adds a step to the path text arg, 1024 bytes (json_path_at's callback). */
static void
path_step(void *arg, const char *key, size_t index)
{
	char  *p = arg;
	size_t n = strlen(p);

	if (key != NULL)
		snprintf(p + n, 1024 - n, "%s%s", n > 0 ? "." : "", key);
	else
		snprintf(p + n, 1024 - n, "[%zu]", index);
}

/* Validates the real content text with bytes [from, to) replaced by repl (as "c.json")
 * against the real schema: checks that its one error is at offset at (before from), with
 * the path json_path_at gives there, for reason why.  Returns the error (static). */
static const char *
mutant(const char *text, size_t from, size_t to, const char *repl, size_t at, const char *why)
{
	static char  err[8192];
	json_error_t je;
	json_t      *s, *d;
	char        *schema, *doc, path[1024] = "", want[2048], file[1024];
	size_t       slen, n = strlen(text) - (to - from) + strlen(repl), line = 1, col = 1, i;

	ck_assert_ptr_nonnull(doc = malloc(n + 1));
	snprintf(doc, n + 1, "%.*s%s%s", (int)from, text, repl, text + to);
	schema = slurp(SCHEMA, &slen);
	ck_assert_msg((d = json_loads(doc, JSON_REJECT_DUPLICATES, &je)) != NULL, "%s", je.text);
	ck_assert_ptr_nonnull(s = json_loadb(schema, slen, 0, &je));
	ck_assert_int_eq(jschema_validate(s, d, doc, n, "c.json", err, sizeof err), -1);
	for (i = 0; i < at; i++)
		if (doc[i] == '\n')
			line++, col = 1;
		else
			col += ((unsigned char)doc[i] & 0xc0) != 0x80;
	ck_assert_int_eq(
	    json_path_at(src_path(CONTENT, file, sizeof file), at, path_step, path), 0);
	snprintf(want, sizeof want, "c.json:%zu:%zu: %s: %s", line, col, path, why);
	ck_assert_str_eq(err, want);
	json_decref(s);
	json_decref(d);
	free(doc);
	free(schema);
	return err;
}

START_TEST(mutants)
{
	const char *p, *e, *b;
	size_t      len;
	char       *t = slurp(CONTENT, &len);

	/* a milestone's percent over 100 */
	p = strstr(strstr(t, "\"progress\": {"), "\"percent\": ") + strlen("\"percent\": ");
	e = p + strcspn(p, ",\n");
	ck_assert_msg(strstr(mutant(t, (size_t)(p - t), (size_t)(e - t), "101", (size_t)(p - t),
				 "is 101, more than the maximum 100"),
			  "].milestones[0].progress.percent: ") != NULL,
	    "a milestone's percent");
	/* a date with month 13, at the top and in a date that may be null (anyOf) */
	p = strstr(t, "\"compiled\": \"") + strlen("\"compiled\": ");
	e = strchr(p + 1, '"') + 1;
	ck_assert_str_eq(mutant(t, (size_t)(p - t), (size_t)(e - t), "\"2018-13\"", (size_t)(p - t),
			     "\"2018-13\" does not match the pattern of isoDate (" ISO ")"),
	    "c.json:3:14: compiled: \"2018-13\" does not match the pattern of isoDate (" ISO ")");
	p = strstr(strstr(t, "\"progress\": {"), "\"as_of\": \"") + strlen("\"as_of\": ");
	e = strchr(p + 1, '"') + 1;
	mutant(t, (size_t)(p - t), (size_t)(e - t), "\"2018-13\"", (size_t)(p - t),
	    "\"2018-13\" does not match the pattern of isoDate (" ISO ")");
	/* a required member deleted: the place is its object's */
	p = strstr(strstr(t, "\"progress\": {"), "\"as_of_kind\": ");
	e = strchr(p, ',') + 1;
	for (b = p; *b != '{'; b--)
		;
	mutant(t, (size_t)(p - t), (size_t)(e - t), "", (size_t)(b - t),
	    "has no \"as_of_kind\" (required)");
	/* a member not in the schema: the place is its key */
	p = strchr(strstr(t, "\"commitments\": ["), '{') + 1;
	mutant(t, (size_t)(p - t), (size_t)(p - t), "\"foo\": 1, ", (size_t)(p - t),
	    "\"foo\" is not allowed here (additionalProperties false)");
	free(t);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { real_content, types, enums_consts, objects, arrays, numbers,
		strings, any_of, refs, deep_paths, bound, refused, patterns_refused, mutants,
		NULL };

	return tests_main(tests_suite("jschema", 0, tests));
}
