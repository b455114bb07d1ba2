/*
 * test_import.c: unit tests of import_json_file() (cgi-src/import/import.c) with Check.
 *
 * Each test builds a fresh temporary database (db_migrate), prepares the store's
 * statements of the writable connection on it, as aberta-admin does, and loads the
 * seed content (format aberta-content/2). Output is TAP. Environment (set by the
 * Makefile; defaults relative to the source tree, $ABERTA_SRCDIR, else $top_srcdir, else
 * "."):
 *   ABERTA_CONTENT  content/rnaa-content.json
 *   ABERTA_PAGES    content/pages.json
 * Bad files must fail with the line and JSON path in the message and leave the database
 * exactly as it was (same rows, same content_version).
 */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen */

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <sqlite3.h>

#include "../lib/testlib.h"
#include "import/import.h"
#include "store/db.h"
#include "store/stmt.h"

/* A growing text. */
struct text {
	char  *s;
	size_t len, cap;
};

static sqlite3 *db;
static char     db_path[512];
static char     tmp_json[512];

/* Appends n bytes of s to t; aborts the test on allocation failure. */
static void
text_add(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->s = realloc(t->s, t->cap);
		ck_assert_ptr_nonnull(t->s);
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

/* Path of a test input: $env, else <source tree>/rel, the source tree being
 * $ABERTA_SRCDIR, else $top_srcdir, else ".". Returns v or buf. */
static const char *
input_path(const char *env, const char *rel, char *buf, size_t len)
{
	const char *v = getenv(env), *top = getenv("ABERTA_SRCDIR");

	if (top == NULL || top[0] == '\0')
		top = getenv("top_srcdir");

	if (v != NULL && v[0] != '\0')
		return v;
	snprintf(buf, len, "%s/%s", top != NULL ? top : ".", rel);
	return buf;
}

static const char *
content_path(void)
{
	static char buf[1024];

	return input_path("ABERTA_CONTENT", "content/rnaa-content.json", buf, sizeof buf);
}

static const char *
pages_path(void)
{
	static char buf[1024];

	return input_path("ABERTA_PAGES", "content/pages.json", buf, sizeof buf);
}

/* Creates a temporary database at the latest schema version, with the writable
 * connection's statements prepared on it (fixture set-up). */
static void
setup(void)
{
	const char *dir = getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp";
	char        err[512];
	int         fd;

	snprintf(db_path, sizeof db_path, "%s/aberta-test-XXXXXX", dir);
	fd = mkstemp(db_path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	tmp_json[0] = '\0';
	db = db_open(db_path, 1, err, sizeof err);
	ck_assert_msg(db != NULL, "db_open: %s", err);
	ck_assert_msg(db_migrate(db, err, sizeof err) >= 0, "db_migrate: %s", err);
	ck_assert_msg(store_prepare(STORE_RW, db, err, sizeof err) == 0, "%s", err);
}

/* Closes and removes the temporary database and JSON file (fixture tear-down). */
static void
teardown(void)
{
	store_finalize(STORE_RW);
	sqlite3_close(db);
	unlink(db_path);
	if (tmp_json[0] != '\0')
		unlink(tmp_json);
}

/* The integer result of a one-value query (-1 when it returns no row or NULL). */
static long long
q_int(const char *sql)
{
	sqlite3_stmt *st;
	long long     v = -1;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The text result of a one-value query in buf ("<NULL>" for NULL or no row). */
static const char *
q_text(const char *sql, char *buf, size_t len)
{
	sqlite3_stmt        *st;
	const unsigned char *s = NULL;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		s = sqlite3_column_text(st, 0);
	snprintf(buf, len, "%s", s != NULL ? (const char *)s : "<NULL>");
	sqlite3_finalize(st);
	return buf;
}

/* Every row of every content table, as text; the caller frees it. */
static char *
dump(void)
{
	static const char *const sql[] = { "SELECT * FROM entity ORDER BY id",
		"SELECT * FROM action_plan ORDER BY id", "SELECT * FROM commitment ORDER BY id",
		"SELECT * FROM commitment_entity ORDER BY 1, 2, 3",
		"SELECT * FROM commitment_value ORDER BY 1, 2",
		"SELECT * FROM policy_area ORDER BY id",
		"SELECT * FROM commitment_policy_area ORDER BY 1, 2",
		"SELECT * FROM milestone ORDER BY id", "SELECT * FROM link ORDER BY id",
		"SELECT * FROM event ORDER BY id", "SELECT * FROM page ORDER BY slug",
		"SELECT * FROM network", "SELECT * FROM plan_document ORDER BY 1, 2",
		"SELECT * FROM plan_completion ORDER BY 1, 2",
		"SELECT * FROM plan_assessment ORDER BY 1, 2",
		"SELECT * FROM commitment_party ORDER BY 1, 2, 3",
		"SELECT * FROM activity ORDER BY 1, 2",
		"SELECT * FROM milestone_figure ORDER BY 1, 2",
		"SELECT * FROM member_evidence ORDER BY 1, 2",
		"SELECT * FROM event_commitment ORDER BY 1, 2",
		"SELECT * FROM consultation_record ORDER BY id", "SELECT * FROM site_state", NULL };
	struct text              t = { NULL, 0, 0 };
	sqlite3_stmt            *st;
	const unsigned char     *v;
	size_t                   i;
	int                      c;

	for (i = 0; sql[i] != NULL; i++) {
		ck_assert_int_eq(sqlite3_prepare_v2(db, sql[i], -1, &st, NULL), SQLITE_OK);
		text_add(&t, sql[i], strlen(sql[i]));
		while (sqlite3_step(st) == SQLITE_ROW)
			for (c = 0; c < sqlite3_column_count(st); c++) {
				v = sqlite3_column_text(st, c);
				text_add(&t, c == 0 ? "\n" : "|", 1);
				if (v != NULL)
					text_add(&t, (const char *)v, strlen((const char *)v));
				else
					text_add(&t, "<NULL>", 6);
			}
		text_add(&t, "\n", 1);
		sqlite3_finalize(st);
	}
	return t.s;
}

/* Imports path and asserts success. */
static void
import_ok(const char *path)
{
	char err[1024];
	int  rc = import_json_file(db, path, err, sizeof err);

	ck_assert_msg(rc == 0, "import %s failed: %s", path, err);
	ck_assert_str_eq(err, "");
}

/* Writes n bytes to a new temporary JSON file; returns its path (tmp_json). */
static const char *
write_json(const char *s, size_t n)
{
	const char *dir = getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp";
	FILE       *fp;
	int         fd;

	snprintf(tmp_json, sizeof tmp_json, "%s/aberta-json-XXXXXX", dir);
	fd = mkstemp(tmp_json);
	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "wb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(s, 1, n, fp), n);
	ck_assert_int_eq(fclose(fp), 0);
	return tmp_json;
}

/* The whole of the file at path, NUL-terminated; the caller frees it. */
static char *
slurp(const char *path)
{
	FILE       *fp = fopen(path, "rb");
	struct text t = { NULL, 0, 0 };
	char        chunk[65536];
	size_t      n;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		text_add(&t, chunk, n);
	fclose(fp);
	return t.s;
}

/* The seed content with the first occurrence of from replaced by to, written to a
 * temporary file; *line gets the line of that occurrence.  Returns the file's path. */
static const char *
mutated(const char *from, const char *to, int *line)
{
	char       *s = slurp(content_path()), *at = strstr(s, from), *p;
	struct text t = { NULL, 0, 0 };
	const char *path;

	ck_assert_msg(at != NULL, "\"%s\" is not in the content", from);
	*line = 1;
	for (p = s; p < at; p++)
		*line += *p == '\n';
	text_add(&t, s, (size_t)(at - s));
	text_add(&t, to, strlen(to));
	text_add(&t, at + strlen(from), strlen(at + strlen(from)));
	path = write_json(t.s, t.len);
	free(t.s);
	free(s);
	return path;
}

/* Loads the real file, then the bad file at path: the import must fail with a message
 * naming the file, "path:LINE:" when line > 0, and what (a JSON path or a reason), and the
 * database must not change at all. */
static void
expect_rejected(const char *path, int line, const char *what)
{
	char      err[4096], where[1024];
	char     *before, *after;
	long long version;

	import_ok(content_path());
	version = q_int("SELECT content_version FROM site_state");
	before = dump();
	ck_assert_int_eq(import_json_file(db, path, err, sizeof err), -1);
	snprintf(where, sizeof where, line > 0 ? "%s:%d:" : "%s", path, line);
	ck_assert_msg(strstr(err, where) != NULL, "no \"%s\" in: %s", where, err);
	ck_assert_msg(strstr(err, what) != NULL, "no \"%s\" in: %s", what, err);
	after = dump();
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(q_int("SELECT content_version FROM site_state"), version);
	free(before);
	free(after);
}

/* Every object of the content's array key, for the counts. */
static size_t
file_count(json_t *root, const char *key)
{
	return json_array_size(json_object_get(root, key));
}

START_TEST(test_counts)
{
	json_error_t e;
	json_t      *root = json_load_file(content_path(), 0, &e), *c;
	size_t       i, ms = 0;

	ck_assert_msg(root != NULL, "%s", e.text);
	import_ok(content_path());
	json_array_foreach(json_object_get(root, "commitments"), i, c) ms +=
	    json_array_size(json_object_get(c, "milestones"));
	ck_assert_int_eq(q_int("SELECT count(*) FROM entity"), file_count(root, "bodies"));
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan"), file_count(root, "plans"));
	ck_assert_int_eq(q_int("SELECT count(*) FROM commitment"), file_count(root, "commitments"));
	ck_assert_int_eq(q_int("SELECT count(*) FROM milestone"), ms);
	ck_assert_int_eq(q_int("SELECT count(*) FROM event"), file_count(root, "events"));
	ck_assert_int_eq(
	    q_int("SELECT count(*) FROM consultation_record"), file_count(root, "consultations"));
	ck_assert_int_eq(q_int("SELECT count(*) FROM network"), 1);
	json_decref(root);
}
END_TEST

/* Facts as the file states them, each in its own column, nothing filled in. */
START_TEST(test_one_to_one)
{
	char b[512];

	import_ok(content_path());
	/* PT0001: an id inferred from the order, nothing else known */
	ck_assert_str_eq(q_text("SELECT ogp_id_confidence || '|' || coalesce(title_pt, 'NULL') || "
				"'|' || coalesce(title_en, 'NULL') FROM commitment WHERE ogp_id = "
				"'PT0001'",
			     b, sizeof b),
	    "inferred|NULL|NULL");
	/* PT0007: the commitment's own figure, dated approximately, and its milestones' */
	ck_assert_str_eq(
	    q_text("SELECT self_percent || '|' || self_status_date || '|' || "
		   "self_as_of_kind || '|' || self_source FROM commitment WHERE ogp_id = "
		   "'PT0007'",
		b, sizeof b),
	    "19|2020-09|approximate|https://ogp.digital.gov.pt/en/web/guest/commitment-7");
	ck_assert_str_eq(q_text("SELECT group_concat(progress || '@' || progress_as_of || ':' || "
				"progress_as_of_kind, ',') FROM (SELECT m.* FROM milestone m JOIN "
				"commitment c ON c.id = m.commitment_id WHERE c.ogp_id = 'PT0007' "
				"ORDER BY m.position)",
			     b, sizeof b),
	    "50@2020-09:approximate,25@2020-09:approximate,0@2020-09:approximate,0@2020-09:"
	    "approximate");
	/* the network is not a member of itself; LabX is no lead or supporter */
	ck_assert_str_eq(q_text("SELECT member_status || '|' || is_member FROM entity WHERE slug = "
				"'rnaa'",
			     b, sizeof b),
	    "not_member|0");
	ck_assert_int_eq(q_int("SELECT count(*) FROM commitment_entity ce JOIN entity e ON e.id = "
			       "ce.entity_id WHERE e.slug = 'labx'"),
	    0);
	/* PT0011's webinar partners are partners, not supporters */
	ck_assert_int_eq(
	    q_int("SELECT count(*) FROM commitment_party p JOIN commitment c ON c.id = "
		  "p.commitment_id WHERE c.ogp_id = 'PT0011' AND p.relation = 'partner'"),
	    4);
	ck_assert_int_eq(q_int("SELECT count(*) FROM commitment_entity ce JOIN commitment c ON "
			       "c.id = ce.commitment_id WHERE c.ogp_id = 'PT0011' AND ce.role = "
			       "'support'"),
	    0);
	/* PT0014's lead is unconfirmed */
	ck_assert_str_eq(
	    q_text("SELECT ce.confidence FROM commitment_entity ce JOIN commitment c ON "
		   "c.id = ce.commitment_id WHERE c.ogp_id = 'PT0014' AND ce.role = "
		   "'lead' AND ce.position = 0",
		b, sizeof b),
	    "unconfirmed");
	/* plan 1: no address of its text is known, so no plan document; three completion
	 * figures, the latest 67% on 2020-09-11 */
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan WHERE number = 1 AND document_url "
			       "IS NULL"),
	    1);
	ck_assert_str_eq(
	    q_text("SELECT group_concat(coalesce(percent, '-') || '@' || as_of, ',') "
		   "FROM (SELECT * FROM plan_completion pc JOIN action_plan p ON p.id = "
		   "pc.plan_id WHERE p.number = 1 ORDER BY pc.position)",
		b, sizeof b),
	    "-@2019-12-20,57@2020-02-21,67@2020-09-11");
	ck_assert_str_eq(
	    q_text("SELECT status FROM action_plan WHERE number = 1", b, sizeof b), "closed");
	/* how sure the IRM's early results are; an event's co-organisers */
	ck_assert_str_eq(q_text("SELECT irm_early_results || '|' || irm_early_results_confidence "
				"FROM commitment WHERE ogp_id = 'PT0014'",
			     b, sizeof b),
	    "no_notable|unconfirmed");
	ck_assert_str_eq(
	    q_text("SELECT group_concat(slug) FROM (SELECT e.slug FROM event_organiser o JOIN "
		   "event v ON v.id = o.event_id JOIN entity e ON e.id = o.entity_id WHERE "
		   "v.slug = 'reuniao-sociedade-civil-ogp-2022' ORDER BY o.position)",
		b, sizeof b),
	    "apdsi,ti-portugal");
	/* no figure takes the import time for its date */
	ck_assert_int_eq(
	    q_int("SELECT count(*) FROM milestone WHERE progress_as_of GLOB '*T*'"), 0);
	ck_assert_int_eq(
	    q_int("SELECT count(*) FROM commitment_progress WHERE as_of GLOB '*T*'"), 0);
}
END_TEST

/* No research note reaches the database: they are for the researchers only. */
START_TEST(test_no_research_notes)
{
	json_error_t e;
	json_t      *root = json_load_file(content_path(), 0, &e);
	char        *all;
	size_t       n = 0;
	const char  *key;
	json_t      *v;
	json_t      *stack[64];
	size_t       top = 0, i;

	ck_assert_msg(root != NULL, "%s", e.text);
	import_ok(content_path());
	all = dump();
	stack[top++] = root;
	while (top > 0) {
		json_t *o = stack[--top];

		if (json_is_array(o)) {
			json_array_foreach(o, i, v) if ((json_is_object(v) || json_is_array(v)) &&
			    top < 64) stack[top++] = v;
			continue;
		}
		json_object_foreach(o, key, v)
		{
			if (strcmp(key, "research_note") == 0 && json_is_string(v)) {
				ck_assert_msg(strstr(all, json_string_value(v)) == NULL,
				    "research note published: %s", json_string_value(v));
				n++;
			} else if ((json_is_object(v) || json_is_array(v)) && top < 64)
				stack[top++] = v;
		}
	}
	ck_assert_uint_gt(n, 20);
	free(all);
	json_decref(root);
}
END_TEST

START_TEST(test_idempotent)
{
	char     *before, *after;
	long long version;

	import_ok(content_path());
	import_ok(pages_path());
	version = q_int("SELECT content_version FROM site_state");
	before = dump();
	import_ok(content_path());
	import_ok(pages_path());
	after = dump();
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(q_int("SELECT content_version FROM site_state"), version);
	free(before);
	free(after);
}
END_TEST

START_TEST(test_pages)
{
	import_ok(pages_path());
	ck_assert_int_ge(q_int("SELECT count(*) FROM page"), 3);
	ck_assert_int_eq(q_int("SELECT count(*) FROM page WHERE slug = 'about' AND body_pt IS NOT "
			       "NULL AND body_en IS NOT NULL"),
	    1);
}
END_TEST

START_TEST(test_percent_over_100)
{
	int line;

	const char *p = mutated("\"percent\": 50,", "\"percent\": 101,", &line);

	expect_rejected(p, line, "more than the maximum 100");
}
END_TEST

START_TEST(test_bad_date)
{
	int         line;
	const char *p = mutated("\"as_of\": \"2020-09\",", "\"as_of\": \"2020-13\",", &line);

	expect_rejected(p, line, "2020-13");
}
END_TEST

START_TEST(test_unknown_key)
{
	int         line;
	const char *p = mutated("\"ogp_id_confidence\": \"inferred\",",
	    "\"ogp_id_confidence\": \"inferred\", \"guess\": 1,", &line);

	expect_rejected(p, line, "guess");
}
END_TEST

START_TEST(test_unknown_body)
{
	int         line;
	const char *p = mutated("\"body\": \"pasc\"", "\"body\": \"no-such-body\"", &line);

	expect_rejected(p, line, "unknown body \"no-such-body\"");
}
END_TEST

START_TEST(test_unknown_commitment)
{
	int         line;
	const char *p = mutated("\"related_commitments\": [\n    \"PT0002\"",
	    "\"related_commitments\": [\n    \"PT0999\"", &line);

	expect_rejected(p, line, "unknown commitment \"PT0999\"");
}
END_TEST

START_TEST(test_wrong_format)
{
	int         line;
	const char *p =
	    mutated("\"format\": \"aberta-content/2\"", "\"format\": \"aberta-content/9\"", &line);

	expect_rejected(p, line, "aberta-content/2");
}
END_TEST

START_TEST(test_invalid_json)
{
	static const char doc[] = "{\"pages\": [{\"slug\": \"a\",}]}";

	expect_rejected(write_json(doc, sizeof doc - 1), 0, "invalid JSON at line 1");
}
END_TEST

START_TEST(test_duplicate_key)
{
	static const char doc[] = "{\"pages\": [{\"slug\": \"a\", \"slug\": \"b\"}]}";

	expect_rejected(write_json(doc, sizeof doc - 1), 0, "duplicate");
}
END_TEST

START_TEST(test_bad_page_slug)
{
	static const char doc[] = "{\"pages\": [{\"slug\": \"Not A Slug\"}]}";

	expect_rejected(write_json(doc, sizeof doc - 1), 1, "pages[0].slug");
}
END_TEST

START_TEST(test_neither_format)
{
	static const char doc[] = "{\"members\": []}";

	expect_rejected(write_json(doc, sizeof doc - 1), 0, "neither a content file");
}
END_TEST

START_TEST(test_missing_file)
{
	char      err[1024];
	long long version = q_int("SELECT content_version FROM site_state");

	ck_assert_int_eq(import_json_file(db, "/nonexistent/aberta.json", err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/aberta.json"));
	ck_assert_int_eq(q_int("SELECT content_version FROM site_state"), version);
}
END_TEST

static Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *good = tcase_create("good"), *bad = tcase_create("bad");

	tcase_add_checked_fixture(good, setup, teardown);
	tcase_add_checked_fixture(bad, setup, teardown);
	tcase_add_test(good, test_counts);
	tcase_add_test(good, test_one_to_one);
	tcase_add_test(good, test_no_research_notes);
	tcase_add_test(good, test_idempotent);
	tcase_add_test(good, test_pages);
	tcase_add_test(bad, test_percent_over_100);
	tcase_add_test(bad, test_bad_date);
	tcase_add_test(bad, test_unknown_key);
	tcase_add_test(bad, test_unknown_body);
	tcase_add_test(bad, test_unknown_commitment);
	tcase_add_test(bad, test_wrong_format);
	tcase_add_test(bad, test_invalid_json);
	tcase_add_test(bad, test_duplicate_key);
	tcase_add_test(bad, test_bad_page_slug);
	tcase_add_test(bad, test_neither_format);
	tcase_add_test(bad, test_missing_file);
	suite_add_tcase(s, good);
	suite_add_tcase(s, bad);
	return s;
}

int
main(void)
{
	return tests_main(import_suite());
}
