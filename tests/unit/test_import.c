/*
 * test_import.c: unit tests of import_json_file() (cgi-src/import/import.c) with Check.
 *
 * Each test builds a fresh temporary database (db_migrate), prepares the store's
 * statements of the writable connection on it, as aberta-admin does, and loads the
 * real research file. Output is TAP. Environment (set by the Makefile; defaults
 * relative to the source tree, $ABERTA_SRCDIR, else $top_srcdir, else "."):
 *   ABERTA_CONTENT  content/ogp-portugal.json
 *   ABERTA_PAGES    content/pages.json
 *   ABERTA_PLANS    content/plans.json
 * Bad files must fail with the JSON path in the message and leave the database exactly
 * as it was (same rows, same content_version).
 */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen */

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

	return input_path("ABERTA_CONTENT", "content/ogp-portugal.json", buf, sizeof buf);
}

static const char *
pages_path(void)
{
	static char buf[1024];

	return input_path("ABERTA_PAGES", "content/pages.json", buf, sizeof buf);
}

static const char *
plans_path(void)
{
	static char buf[1024];

	return input_path("ABERTA_PLANS", "content/plans.json", buf, sizeof buf);
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
		"SELECT * FROM site_state", NULL };
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

/*
 * A file whose earlier parts are valid and new (a member, plan 4 with PT0099 and a new
 * lead body, plan 5 with PT0100) and whose plans[1].commitments[1] holds only the
 * given fields, so a failure there must roll back rows already written.
 */
static const char *
bad_file(const char *fields, size_t flen)
{
	static const char head[] =
	    "{\"members\":[{\"name\":\"ZZT \xe2\x80\x93 Entidade de Teste\","
	    "\"kind\":\"public\"}],\"plans\":[{\"number\":4,\"title\":\"IV / Four\","
	    "\"commitments\":[{\"number\":1,\"ogp_id\":\"PT0099\","
	    "\"lead_entity\":\"NEWB \xe2\x80\x93 Nova entidade\"}]},"
	    "{\"number\":5,\"commitments\":[{\"number\":1,\"ogp_id\":\"PT0100\"},"
	    "{";
	static const char tail[] = "}]}]}";
	struct text       t = { NULL, 0, 0 };
	const char       *path;

	text_add(&t, head, sizeof head - 1);
	text_add(&t, fields, flen);
	text_add(&t, tail, sizeof tail - 1);
	path = write_json(t.s, t.len);
	free(t.s);
	return path;
}

/*
 * Loads the real file, then the bad file at path: the import must fail with a message
 * naming the file and json_path, and the database must not change at all.
 */
static void
expect_rejected(const char *path, const char *json_path)
{
	char      err[1024];
	char     *before, *after;
	long long version;

	import_ok(content_path());
	version = q_int("SELECT content_version FROM site_state");
	before = dump();
	ck_assert_int_eq(import_json_file(db, path, err, sizeof err), -1);
	ck_assert_msg(strstr(err, path) != NULL, "no file name in: %s", err);
	ck_assert_msg(strstr(err, json_path) != NULL, "no \"%s\" in: %s", json_path, err);
	after = dump();
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(q_int("SELECT content_version FROM site_state"), version);
	ck_assert_int_eq(q_int("SELECT count(*) FROM entity WHERE acronym IN "
			       "('ZZT', 'NEWB')"),
	    0);
	free(before);
	free(after);
}

/* Runs expect_rejected on bad_file(fields) (fields as a C string literal). */
static void
expect_bad_fields(const char *fields, const char *json_path)
{
	expect_rejected(bad_file(fields, strlen(fields)), json_path);
}

/* ------------------------------------------------------------ good */

START_TEST(test_counts)
{
	char buf[256];

	import_ok(content_path());
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan"), 3);
	ck_assert_int_eq(q_int("SELECT count(*) FROM commitment c JOIN "
			       "action_plan p ON p.id = c.plan_id WHERE p.number = 1"),
	    8);
	ck_assert_int_eq(q_int("SELECT count(*) FROM commitment c JOIN "
			       "action_plan p ON p.id = c.plan_id WHERE p.number = 2"),
	    9);
	ck_assert_int_eq(q_int("SELECT count(*) FROM commitment c JOIN "
			       "action_plan p ON p.id = c.plan_id WHERE p.number = 3"),
	    7);
	ck_assert_int_eq(q_int("SELECT count(*) FROM commitment WHERE ogp_id = "
			       "'PT0001' AND title_pt IS NULL AND title_en IS NULL"),
	    1);
	ck_assert_str_eq(q_text("SELECT e.slug || ' ' || e.acronym || ' ' || "
				"e.is_member FROM commitment_entity ce JOIN commitment c ON c.id = "
				"ce.commitment_id JOIN entity e ON e.id = ce.entity_id WHERE "
				"c.ogp_id = 'PT0013' AND ce.role = 'lead'",
			     buf, sizeof buf),
	    "ama AMA 1");
	ck_assert_int_eq(q_int("SELECT count(*) FROM commitment_entity ce JOIN "
			       "commitment c ON c.id = ce.commitment_id WHERE c.ogp_id = 'PT0013' "
			       "AND ce.role = 'lead'"),
	    1);
}
END_TEST

START_TEST(test_lead_matching)
{
	char buf[512];

	import_ok(content_path());
	/* "Tax and Customs Authority (AT)" is the member "AT – Autoridade ...". */
	ck_assert_int_eq(q_int("SELECT count(DISTINCT e.id) FROM commitment_entity "
			       "ce JOIN commitment c ON c.id = ce.commitment_id JOIN entity e ON "
			       "e.id = ce.entity_id WHERE c.ogp_id IN ('PT0003', 'PT0010', "
			       "'PT0021') AND ce.role = 'lead' AND e.slug = 'at' AND "
			       "e.is_member = 1"),
	    1);
	ck_assert_str_eq(q_text("SELECT group_concat(slug, ',') FROM (SELECT "
				"e.slug FROM commitment_entity ce JOIN commitment c ON c.id = "
				"ce.commitment_id JOIN entity e ON e.id = ce.entity_id WHERE "
				"c.ogp_id = 'PT0016' AND ce.role = 'lead' ORDER BY ce.position)",
			     buf, sizeof buf),
	    "ama,pasc,ti-portugal");
	ck_assert_str_eq(q_text("SELECT e.slug FROM commitment_entity ce JOIN "
				"commitment c ON c.id = ce.commitment_id JOIN entity e ON e.id = "
				"ce.entity_id WHERE c.ogp_id = 'PT0019' AND ce.role = 'lead'",
			     buf, sizeof buf),
	    "cada");
	ck_assert_int_eq(q_int("SELECT count(*) FROM entity WHERE acronym = "
			       "'AT'"),
	    1);
	ck_assert_int_eq(q_int("SELECT count(*) FROM entity WHERE acronym = "
			       "'AMA'"),
	    1);
	ck_assert_int_eq(q_int("SELECT is_member FROM entity WHERE slug = "
			       "'labx'"),
	    0);
	ck_assert_int_eq(q_int("SELECT is_member FROM entity WHERE slug = "
			       "'dgeec'"),
	    0);
	ck_assert_str_eq(q_text("SELECT kind FROM entity WHERE slug = 'apdsi'", buf, sizeof buf),
	    "civil_society");
	/* Qualifiers go to notes, never into names. */
	ck_assert_int_eq(q_int("SELECT count(*) FROM entity WHERE "
			       "coalesce(name_pt, '') || coalesce(name_en, '') LIKE '%UNCERTAIN%' "
			       "OR coalesce(name_pt, '') || coalesce(name_en, '') LIKE "
			       "'%supported by%' OR coalesce(name_pt, '') || coalesce(name_en, '') "
			       "LIKE '%draft plan%' OR name_en LIKE 'All %'"),
	    0);
	ck_assert_msg(strstr(q_text("SELECT note_en FROM commitment WHERE ogp_id = "
				    "'PT0014'",
				 buf, sizeof buf),
			  "Lead body (GNS/CNCS): UNCERTAIN as "
			  "formal lead.") != NULL,
	    "PT0014 note: %s", buf);
	ck_assert_msg(strstr(q_text("SELECT note_en FROM commitment WHERE ogp_id = "
				    "'PT0002'",
				 buf, sizeof buf),
			  "Supported by: All RNAA members") != NULL,
	    "PT0002 note: %s", buf);
}
END_TEST

START_TEST(test_field_mapping)
{
	char buf[512];

	import_ok(content_path());
	ck_assert_str_eq(q_text("SELECT title_pt FROM commitment WHERE ogp_id = "
				"'PT0004'",
			     buf, sizeof buf),
	    "Tutoriais sobre a utilização de dados abertos");
	ck_assert_msg(strstr(q_text("SELECT note_en FROM commitment WHERE ogp_id = "
				    "'PT0004'",
				 buf, sizeof buf),
			  "Portuguese title: UNCERTAIN wording.") != NULL,
	    "PT0004 note: %s", buf);
	ck_assert_str_eq(q_text("SELECT irm_ambition || irm_relevant || "
				"coalesce(irm_early_results, '-') FROM commitment WHERE ogp_id = "
				"'PT0010'",
			     buf, sizeof buf),
	    "lownono_notable");
	ck_assert_str_eq(q_text("SELECT irm_ambition FROM commitment WHERE "
				"ogp_id = 'PT0009'",
			     buf, sizeof buf),
	    "no_data");
	ck_assert_int_eq(q_int("SELECT irm_promising FROM commitment WHERE "
			       "ogp_id = 'PT0016'"),
	    1);
	ck_assert_int_eq(q_int("SELECT m.progress FROM milestone m JOIN commitment "
			       "c ON c.id = m.commitment_id WHERE c.ogp_id = 'PT0007' AND "
			       "m.position = 1 AND m.progress_source = 'self-reported' AND "
			       "m.progress_as_of IS NULL"),
	    50);
	ck_assert_str_eq(
	    q_text("SELECT status FROM action_plan WHERE number = 1", buf, sizeof buf), "closed");
	ck_assert_str_eq(q_text("SELECT name_pt FROM policy_area WHERE slug = "
				"'capacity-building'",
			     buf, sizeof buf),
	    "Capacitação");
	ck_assert_str_eq(q_text("SELECT kind FROM link l JOIN commitment c ON "
				"c.id = l.commitment_id WHERE c.ogp_id = 'PT0013'",
			     buf, sizeof buf),
	    "ogp_page");
	ck_assert_int_eq(q_int("SELECT count(*) FROM link l JOIN action_plan p ON "
			       "p.id = l.plan_id WHERE p.number = 1 AND l.kind = 'irm_report'"),
	    2);
	ck_assert_str_eq(q_text("SELECT place_en FROM event WHERE title_en = "
				"'OGP Europe Regional Meeting, Rome'",
			     buf, sizeof buf),
	    "Rome");
	ck_assert_str_eq(q_text("SELECT date_note_en FROM event WHERE start_date "
				"IS NULL AND title_en LIKE 'Online panel%'",
			     buf, sizeof buf),
	    "2020, exact date not found");
	ck_assert_int_eq(q_int("SELECT count(*) FROM event WHERE kind = "
			       "'network_meeting'"),
	    1);
}
END_TEST

START_TEST(test_idempotent)
{
	char     *first, *second;
	long long version;

	import_ok(content_path());
	import_ok(pages_path());
	version = q_int("SELECT content_version FROM site_state");
	ck_assert_int_gt(version, 0);
	first = dump();
	import_ok(content_path());
	import_ok(pages_path());
	second = dump();
	ck_assert_int_eq(q_int("SELECT content_version FROM site_state"), version);
	ck_assert_str_eq(first, second);
	free(first);
	free(second);
}
END_TEST

START_TEST(test_pages)
{
	char buf[256];

	import_ok(pages_path());
	ck_assert_int_eq(q_int("SELECT count(*) FROM page WHERE slug IN "
			       "('about', 'ogp', 'accessibility') AND title_pt IS NOT NULL AND "
			       "title_en IS NOT NULL AND body_pt LIKE '%\n\n%' AND body_en LIKE "
			       "'%\n\n%'"),
	    3);
	ck_assert_int_eq(q_int("SELECT count(*) FROM page WHERE slug IN "
			       "('about', 'accessibility') AND body_pt LIKE '%ogp@ama.pt%' AND "
			       "body_en LIKE '%ogp@ama.pt%'"),
	    2);
	ck_assert_int_eq(q_int("SELECT count(*) FROM page WHERE body_pt LIKE "
			       "'%<%' OR body_en LIKE '%<%'"),
	    0);
	ck_assert_str_eq(q_text("SELECT title_en FROM page WHERE slug = "
				"'accessibility'",
			     buf, sizeof buf),
	    "Accessibility statement");
}
END_TEST

START_TEST(test_plans_texts)
{
	char title[256], buf[256];

	import_ok(content_path());
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan WHERE "
			       "cocreation_pt IS NOT NULL OR cocreation_en IS NOT NULL OR "
			       "summary_pt IS NOT NULL"),
	    0);
	q_text("SELECT title_pt FROM action_plan WHERE number = 1", title, sizeof title);
	import_ok(plans_path());
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan"), 3);
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan WHERE number "
			       "IN (1, 2, 3) AND length(cocreation_pt) > 0 AND "
			       "length(cocreation_en) > 0 AND length(summary_pt) > 0"),
	    3);
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan WHERE "
			       "cocreation_pt LIKE '%<%' OR cocreation_en LIKE '%<%' OR "
			       "summary_pt LIKE '%<%'"),
	    0);
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan WHERE number = "
			       "1 AND cocreation_en LIKE '%19 November to 3 December 2018%' AND "
			       "cocreation_pt LIKE '%19 de novembro a 3 de dezembro de 2018%'"),
	    1);
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan WHERE number = "
			       "2 AND cocreation_en LIKE '%\n\n%' AND cocreation_pt LIKE "
			       "'%\n\n%'"),
	    1);
	/* The plans file only adds texts: what the research file gave is kept. */
	ck_assert_str_eq(q_text("SELECT title_pt FROM action_plan WHERE number = "
				"1",
			     buf, sizeof buf),
	    title);
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan WHERE "
			       "summary_en IS NULL OR status IS NULL"),
	    0);
}
END_TEST

START_TEST(test_plans_idempotent)
{
	char     *first, *second;
	long long version;

	import_ok(content_path());
	import_ok(pages_path());
	import_ok(plans_path());
	version = q_int("SELECT content_version FROM site_state");
	first = dump();
	import_ok(plans_path());
	second = dump();
	ck_assert_int_eq(q_int("SELECT content_version FROM site_state"), version);
	ck_assert_str_eq(first, second);
	free(second);
	/* Neither does the research file again: absent texts keep stored ones. */
	import_ok(content_path());
	second = dump();
	ck_assert_int_eq(q_int("SELECT content_version FROM site_state"), version);
	ck_assert_str_eq(first, second);
	free(first);
	free(second);
}
END_TEST

START_TEST(test_plan_text_update)
{
	static const char doc[] = "{\"plans\":[{\"number\":2,"
				  "\"cocreation_en\":\"One.\\n\\nTwo.\"}]}";
	char              buf[64];
	long long         version;

	import_ok(content_path());
	version = q_int("SELECT content_version FROM site_state");
	import_ok(write_json(doc, sizeof doc - 1));
	ck_assert_str_eq(q_text("SELECT cocreation_en FROM action_plan WHERE "
				"number = 2",
			     buf, sizeof buf),
	    "One.\n\nTwo.");
	ck_assert_str_eq(q_text("SELECT cocreation_pt FROM action_plan WHERE "
				"number = 2",
			     buf, sizeof buf),
	    "<NULL>");
	ck_assert_int_eq(q_int("SELECT content_version FROM site_state"), version + 1);
}
END_TEST

START_TEST(test_unknown_keys_ignored)
{
	static const char doc[] =
	    "{\"country\":\"Portugal\",\"network\":{\"x\":1},"
	    "\"pages\":[{\"slug\":\"x-test\",\"title_en\":\"X\",\"extra\":true}]}";

	import_ok(write_json(doc, sizeof doc - 1));
	ck_assert_int_eq(q_int("SELECT count(*) FROM page WHERE slug = "
			       "'x-test'"),
	    1);
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan"), 0);
}
END_TEST

/* ------------------------------------------------------------- bad */

START_TEST(test_bad_ogp_id)
{
	expect_bad_fields("\"ogp_id\":\"PT13\"", "plans[1].commitments[1].ogp_id");
}
END_TEST

START_TEST(test_missing_ogp_id)
{
	expect_bad_fields("\"title_en\":\"No id\"", "plans[1].commitments[1].ogp_id");
}
END_TEST

START_TEST(test_javascript_url)
{
	expect_bad_fields("\"ogp_id\":\"PT0101\",\"source\":"
			  "\"javascript:alert(1)\"",
	    "plans[1].commitments[1].source");
}
END_TEST

START_TEST(test_bad_extra_source)
{
	expect_bad_fields("\"ogp_id\":\"PT0101\",\"extra_sources\":"
			  "[\"https://ok.example/\",\"https://bad host/\"]",
	    "plans[1].commitments[1].extra_sources[1]");
}
END_TEST

START_TEST(test_bad_date)
{
	expect_bad_fields(
	    "\"ogp_id\":\"PT0101\",\"start\":\"2019-13\"", "plans[1].commitments[1].start");
}
END_TEST

START_TEST(test_bad_day)
{
	expect_bad_fields(
	    "\"ogp_id\":\"PT0101\",\"end\":\"2023-02-29\"", "plans[1].commitments[1].end");
}
END_TEST

START_TEST(test_invalid_utf8)
{
	static const char fields[] = "\"ogp_id\":\"PT0101\",\"title_en\":\"ab\xc3\x28"
				     "cd\"";

	expect_rejected(bad_file(fields, sizeof fields - 1), "plans[1].commitments[1].title_en");
}
END_TEST

START_TEST(test_duplicate_key)
{
	expect_bad_fields("\"ogp_id\":\"PT0101\",\"ogp_id\":\"PT0102\"", "plans[1].commitments[1]");
}
END_TEST

START_TEST(test_number_out_of_range)
{
	expect_bad_fields(
	    "\"ogp_id\":\"PT0101\",\"number\":1000", "plans[1].commitments[1].number");
}
END_TEST

START_TEST(test_unknown_label)
{
	expect_bad_fields(
	    "\"ogp_id\":\"PT0101\",\"ambition\":\"Huge\"", "plans[1].commitments[1].ambition");
}
END_TEST

START_TEST(test_bad_progress)
{
	expect_bad_fields("\"ogp_id\":\"PT0101\",\"milestones\":[{\"title\":\"a\"},"
			  "{\"title\":\"b\",\"self_reported_progress\":\"150%\"}]",
	    "plans[1].commitments[1].milestones[1].self_reported_progress");
}
END_TEST

START_TEST(test_control_character)
{
	expect_bad_fields("\"ogp_id\":\"PT0101\",\"summary_en\":\"a\\u0007b\"",
	    "plans[1].commitments[1].summary_en");
}
END_TEST

START_TEST(test_text_too_long)
{
	struct text       t = { NULL, 0, 0 };
	static const char head[] = "\"ogp_id\":\"PT0101\",\"summary_en\":\"";
	size_t            i;

	text_add(&t, head, sizeof head - 1);
	for (i = 0; i < 20001; i++)
		text_add(&t, "x", 1);
	text_add(&t, "\"", 1);
	expect_rejected(bad_file(t.s, t.len), "plans[1].commitments[1].summary_en");
	free(t.s);
}
END_TEST

START_TEST(test_bad_page_slug)
{
	static const char doc[] = "{\"pages\":[{\"slug\":\"ok\"},{\"slug\":\"../etc\"}]}";

	expect_rejected(write_json(doc, sizeof doc - 1), "pages[1].slug");
}
END_TEST

START_TEST(test_bad_event_url)
{
	static const char doc[] = "{\"events\":[{\"name\":\"Test event\","
				  "\"source\":\"ftp://example.org/x\"}]}";

	expect_rejected(write_json(doc, sizeof doc - 1), "events[0].source");
}
END_TEST

START_TEST(test_not_an_object)
{
	static const char doc[] = "[1, 2, 3]";

	expect_rejected(write_json(doc, sizeof doc - 1), "top level");
}
END_TEST

START_TEST(test_plans_not_array)
{
	static const char doc[] = "{\"plans\":{\"number\":1}}";

	expect_rejected(write_json(doc, sizeof doc - 1), "plans");
}
END_TEST

START_TEST(test_plan_text_unknown_plan)
{
	static const char doc[] = "{\"plans\":[{\"number\":1,"
				  "\"cocreation_en\":\"Changed.\"},{\"number\":9,"
				  "\"cocreation_pt\":\"Texto.\",\"cocreation_en\":\"Text.\"}]}";

	expect_rejected(write_json(doc, sizeof doc - 1), "plans[1].number");
	ck_assert_int_eq(q_int("SELECT count(*) FROM action_plan WHERE number = "
			       "9"),
	    0);
}
END_TEST

START_TEST(test_plan_text_control)
{
	static const char doc[] = "{\"plans\":[{\"number\":1,"
				  "\"cocreation_pt\":\"Texto.\"},{\"number\":2,"
				  "\"cocreation_en\":\"a\\u0001b\"}]}";

	expect_rejected(write_json(doc, sizeof doc - 1), "plans[1].cocreation_en");
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
	tcase_add_test(good, test_lead_matching);
	tcase_add_test(good, test_field_mapping);
	tcase_add_test(good, test_idempotent);
	tcase_add_test(good, test_pages);
	tcase_add_test(good, test_unknown_keys_ignored);
	tcase_add_test(good, test_plans_texts);
	tcase_add_test(good, test_plans_idempotent);
	tcase_add_test(good, test_plan_text_update);
	tcase_add_test(bad, test_bad_ogp_id);
	tcase_add_test(bad, test_missing_ogp_id);
	tcase_add_test(bad, test_javascript_url);
	tcase_add_test(bad, test_bad_extra_source);
	tcase_add_test(bad, test_bad_date);
	tcase_add_test(bad, test_bad_day);
	tcase_add_test(bad, test_invalid_utf8);
	tcase_add_test(bad, test_duplicate_key);
	tcase_add_test(bad, test_number_out_of_range);
	tcase_add_test(bad, test_unknown_label);
	tcase_add_test(bad, test_bad_progress);
	tcase_add_test(bad, test_control_character);
	tcase_add_test(bad, test_text_too_long);
	tcase_add_test(bad, test_bad_page_slug);
	tcase_add_test(bad, test_bad_event_url);
	tcase_add_test(bad, test_not_an_object);
	tcase_add_test(bad, test_plans_not_array);
	tcase_add_test(bad, test_plan_text_unknown_plan);
	tcase_add_test(bad, test_plan_text_control);
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
