/* The wall clock of a consultation: a staff member types its times in the zone the
 * consultation names (Lisbon without one, Madeira, the Azores), they are stored in UTC,
 * and the public pages show them back in that zone with its name.  The form through
 * edit_parse, the pages through the real binary in CGI mode on a test database with the
 * real content.  TAP output through Check. */
#include <sqlite3.h>
#include <stdarg.h>

#include "../lib/testlib.h"
#include "store/editfields.h"

static char dbpath[64];
static char binary[512];

/* The fields of a consultation form. */
struct form {
	const char *zone, *opens, *closes;
};

/* get() for edit_parse: the form's values by field name. */
static const char *
form_get(const void *arg, const char *name)
{
	const struct form *f = arg;

	if (strcmp(name, "timezone") == 0)
		return f->zone;
	if (strcmp(name, "opens_at") == 0)
		return f->opens;
	if (strcmp(name, "closes_at") == 0)
		return f->closes;
	if (strcmp(name, "title_pt") == 0)
		return "Consulta";
	return NULL;
}

/* Parses a consultation form typed in zone; checks the UTC times stored. */
static void
check_form(const char *zone, const char *opens, const char *closes, const char *opens_utc,
    const char *closes_utc)
{
	const struct kind *k = edit_kind("consultations");
	struct form        f = { zone, opens, closes };
	struct values      v;
	int                o, c;

	ck_assert_ptr_nonnull(k);
	o = edit_field(k, "opens_at");
	c = edit_field(k, "closes_at");
	ck_assert_int_ge(edit_field(k, "timezone"), 0);
	ck_assert_int_eq(edit_parse(k, form_get, &f, &v), 0);
	ck_assert_msg(strcmp(v.v[o], opens_utc) == 0, "%s: %s stored as %s, not %s",
	    zone ? zone : "no zone", opens, v.v[o], opens_utc);
	ck_assert_msg(strcmp(v.v[c], closes_utc) == 0, "%s: %s stored as %s, not %s",
	    zone ? zone : "no zone", closes, v.v[c], closes_utc);
	edit_values_free(&v);
}

/* A time typed in the consultation's zone is stored as the UTC time it is there, in
 * winter and in summer. */
START_TEST(form_reads_the_zone)
{
	check_form(NULL, "2026-01-15 12:00", "2026-07-01 12:00", "2026-01-15T12:00:00Z",
	    "2026-07-01T11:00:00Z");
	check_form("Europe/Lisbon", "2026-01-15 12:00", "2026-07-01 12:00", "2026-01-15T12:00:00Z",
	    "2026-07-01T11:00:00Z");
	check_form("Atlantic/Madeira", "2026-01-15 12:00", "2026-07-01 12:00",
	    "2026-01-15T12:00:00Z", "2026-07-01T11:00:00Z");
	check_form("Atlantic/Azores", "2026-01-15 12:00", "2026-07-01 12:00",
	    "2026-01-15T13:00:00Z", "2026-07-01T12:00:00Z");
	/* Across the Azores' spring change (00:00 -01 -> 01:00 +00, 01:00 UTC). */
	check_form("Atlantic/Azores", "2026-03-28 23:30", "2026-03-29 01:30",
	    "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z");
}
END_TEST

/* A zone that is not one of Portugal's is not a choice. */
START_TEST(form_refuses_other_zones)
{
	const struct kind *k = edit_kind("consultations");
	struct form        f = { "Europe/Paris", "2026-01-15 12:00", "2026-01-16 12:00" };
	struct values      v;

	ck_assert_int_eq(edit_parse(k, form_get, &f, &v), 1);
	ck_assert_ptr_nonnull(v.err[edit_field(k, "timezone")]);
	ck_assert_ptr_null(v.err[edit_field(k, "opens_at")]);
	edit_values_free(&v);
}
END_TEST

/* Sets the zone of consultation id (NULL: none). */
static void
set_zone(long long id, const char *zone)
{
	sqlite3      *db;
	sqlite3_stmt *s;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "UPDATE consultation SET timezone = ?1 "
			     "WHERE id = ?2",
			     -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(s, 1, zone, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, id);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
	ck_assert_int_eq(sqlite3_changes(db), 1);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* Asserts that uri answers 200 with every needle (NULL-ended) in its body, and
 * without absent (when not NULL). */
static void
page_has(const char *uri, const char *absent, ...)
{
	struct res  r;
	const char *n;
	va_list     ap;

	cgi_run(binary, dbpath, "GET", uri, NULL, NULL, 0, &r);
	ck_assert_msg(r.status == 200, "%s: status %d", uri, r.status);
	va_start(ap, absent);
	while ((n = va_arg(ap, const char *)) != NULL)
		ck_assert_msg(strstr(r.body.p, n) != NULL, "%s: body lacks \"%s\"", uri, n);
	va_end(ap);
	if (absent != NULL)
		ck_assert_msg(strstr(r.body.p, absent) == NULL, "%s: body has \"%s\"", uri, absent);
	res_free(&r);
}

/* The pages show a consultation's times in its zone, and say which. */
START_TEST(pages_show_the_zone)
{
	sqlite3      *db;
	sqlite3_stmt *s;
	long long     id;
	char          uri_pt[64], uri_en[64];

	/* A consultation with times (not dates only): 2026-07-01 11:00 UTC is 12:00 in
	 * Lisbon and Madeira and 11:00 in the Azores. */
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_prepare_v2(db,
		"INSERT INTO consultation (title_pt, "
		"title_en, opens_at, closes_at, dates_only) VALUES ('Consulta nos Açores', "
		"'Consultation in the Azores', '2026-06-01T11:00:00Z', '2026-07-01T11:00:00Z', 0)",
		-1, &s, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	id = sqlite3_last_insert_rowid(db);
	sqlite3_close(db);
	snprintf(uri_pt, sizeof uri_pt, "/pt/consultations/%lld", id);
	snprintf(uri_en, sizeof uri_en, "/en/consultations/%lld", id);

	page_has(uri_en, "Azores time", "1 July 2026, 12:00", "Lisbon time.", NULL);
	set_zone(id, "Atlantic/Azores");
	page_has(uri_en, "Lisbon time", "1 July 2026, 11:00", "Azores time.",
	    "datetime=\"2026-07-01T11:00:00Z\"", NULL);
	page_has(uri_pt, "Horas de Lisboa", "1 de julho de 2026, 11:00", "Horas dos Açores.", NULL);
	page_has("/en/consultations", NULL, "Azores time.", NULL);
	set_zone(id, "Atlantic/Madeira");
	page_has(uri_en, "Lisbon time", "1 July 2026, 12:00", "Madeira time.", NULL);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { form_reads_the_zone, form_refuses_other_zones,
		pages_show_the_zone, NULL };
	const char        *bd = getenv("ABERTA_BUILDDIR");
	int                failed;

	snprintf(binary, sizeof binary, "%s/aberta", bd ? bd : ".");
	if (test_db_create(dbpath, sizeof dbpath, "aberta-zones") != 0)
		return 1;
	failed = tests_main(tests_suite("zones", 60, tests));
	test_db_remove(dbpath);
	return failed == 0 ? 0 : 1;
}
