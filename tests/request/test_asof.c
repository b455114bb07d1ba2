/* Request tests of a plan's dated snapshots (pages/asof.c): the page in both languages
 * shows the plan as it stood (a figure changed after the day shows its old value, one
 * changed after the snapshot was taken does not appear), says it is frozen and links to
 * the live plan; a day without a snapshot and an unknown plan answer 404, a bad date 400;
 * the JSON has the documented shape, the CSV its header and a row a milestone; the plan
 * page lists its snapshots; the sitemap has them; no research note anywhere.  The real
 * aberta binary in CGI mode against a temporary database holding the real content, the
 * snapshots taken with store/snapshot.h as closing a round does.  TAP output through
 * Check. */
#include <jansson.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <time.h>

#include "../lib/testlib.h"
#include "lib/tztime.h"
#include "store/db.h"
#include "store/edit.h"
#include "store/snapshot.h"
#include "store/stmt.h"
#include "view/datadict.h"

static char dbpath[64];
static char binary[512];
static char today[11]; /* in Lisbon: the day of the second snapshot */

#define ROUND_2025 "Autoavaliação intercalar 2025"
#define ROUND_NOW  "Autoavaliação final"

/* GET uri into r; asserts the status. */
static void
get(const char *uri, int status, struct res *r)
{
	cgi_run(binary, dbpath, "GET", uri, NULL, NULL, 0, r);
	ck_assert_msg(r->status == status, "%s: %d", uri, r->status);
}

/* Asserts that the body of r holds each needle (a NULL-ended list). */
static void
has(const struct res *r, const char *const *needles)
{
	for (; *needles != NULL; needles++)
		ck_assert_msg(strstr(r->body.p, *needles) != NULL, "body lacks \"%s\"", *needles);
}

/* The body of uri parsed as JSON (asserted well-formed, 200). */
static json_t *
get_json(const char *uri)
{
	struct res   r;
	json_error_t err;
	json_t      *j;

	get(uri, 200, &r);
	j = json_loads(r.body.p, 0, &err);
	ck_assert_msg(j != NULL, "%s: %s at line %d", uri, err.text, err.line);
	res_free(&r);
	return j;
}

/* Commitment ogp of the list a of a snapshot's JSON. */
static json_t *
commitment(json_t *a, const char *ogp)
{
	json_t *cm;
	size_t  i;

	json_array_foreach(a, i,
	    cm) if (strcmp(json_string_value(json_object_get(cm, "ogp_id")), ogp) == 0) return cm;
	ck_abort_msg("no commitment %s", ogp);
	return NULL;
}

/* The progress of the milestone at position pos of commitment record cm. */
static long long
figure(json_t *cm, int pos)
{
	json_t *ms;
	size_t  i;

	json_array_foreach(json_object_get(cm, "milestones"), i,
	    ms) if (json_integer_value(json_object_get(ms, "position")) ==
	    pos) return json_integer_value(json_object_get(ms, "progress"));
	ck_abort_msg("no milestone %d", pos);
	return -1;
}

/* Asserts that the keys of object o are the fields of dataset name, in order. */
static void
shape(json_t *o, const char *name)
{
	const struct xset *set = export_set(name);
	const char        *k;
	json_t            *v;
	char               f[64];
	size_t             i = 0;

	ck_assert_ptr_nonnull(set);
	json_object_foreach(o, k, v)
	{
		ck_assert_msg(
		    export_set_field(set, i++, f, sizeof f) == 0, "%s: extra %s", name, k);
		ck_assert_str_eq(k, f);
		ck_assert_ptr_nonnull(export_field(k));
	}
	ck_assert_int_ne(export_set_field(set, i, f, sizeof f), 0);
}

START_TEST(page_shows_the_plan_as_it_stood)
{
	struct res  r;
	const char *en[] = { "State on <time datetime=\"2025-12-31\">31 December 2025</time>",
		"frozen by the reporting round «" ROUND_2025 "»",
		"31 December 2025, 23:59</time> (Lisbon time)", "It is a frozen snapshot",
		"<a href=\"/en/plans/3\">See the plan as it stands now</a>", "/en/plans/3/history",
		"PT0018", "published on or after 5 June 2025", NULL };
	const char *pt[] = {
		"Estado em <time datetime=\"2025-12-31\">31 de dezembro de 2025</time>",
		"fixado pela ronda de acompanhamento «" ROUND_2025 "»", "(hora de Lisboa)",
		"É um retrato fixo", "<a href=\"/pt/plans/3\">Ver o plano como está agora</a>",
		"publicado em 5 de junho de 2025 ou depois", NULL
	};

	const char *later[] = { "datetime=\"2026-11-30\"", "A milestone added later", NULL };
	char        uri[64];

	get("/en/plans/3/as-of/2025-12-31", 200, &r);
	has(&r, en);
	/* neither the figure given after that day nor the milestone added since */
	ck_assert_ptr_null(strstr(r.body.p, "2026-11-30"));
	ck_assert_ptr_null(strstr(r.body.p, "A milestone added later"));
	res_free(&r);
	get("/pt/plans/3/as-of/2025-12-31", 200, &r);
	has(&r, pt);
	res_free(&r);
	/* Frozen today: both are there, and the figure of milestone 3 given since is not. */
	snprintf(uri, sizeof uri, "/en/plans/3/as-of/%s", today);
	get(uri, 200, &r);
	has(&r, later);
	ck_assert_ptr_null(strstr(r.body.p, "2026-12-01"));
	res_free(&r);
}
END_TEST

START_TEST(not_found_and_bad_dates)
{
	static const struct {
		const char *uri;
		int         status;
		const char *text;
	} c[] = {
		{ "/pt/plans/3/as-of/2025-12-30", 404, "nenhum estado fixado nesse dia" },
		{ "/en/plans/3/as-of/2025-12-30", 404, "no frozen state on that day" },
		{ "/en/plans/1/as-of/2025-12-31", 404, "no frozen state on that day" },
		{ "/pt/plans/99/as-of/2025-12-31", 404, "Não existe nenhum plano" },
		{ "/pt/plans/3/as-of/2025-02-30", 400, "um dia do calendário" },
		{ "/en/plans/3/as-of/31-12-2025", 400, "a calendar day" },
		{ "/en/plans/3/as-of/2025-12", 400, "a calendar day" },
		{ "/en/plans/0/as-of/2025-12-31", 400, "a calendar day" },
		{ "/en/plans/3/as-of/2025-12-30.json", 404, NULL },
		{ "/en/plans/3/as-of/2025-12-30.csv", 404, NULL },
	};
	struct res r;
	size_t     i;

	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		get(c[i].uri, c[i].status, &r);
		ck_assert_msg(c[i].text == NULL || strstr(r.body.p, c[i].text) != NULL,
		    "%s lacks \"%s\"", c[i].uri, c[i].text);
		res_free(&r);
	}
}
END_TEST

START_TEST(json_has_its_shape_and_values)
{
	json_t *old = get_json("/en/plans/3/as-of/2025-12-31.json"), *rec, *now, *live, *cm;
	char    uri[96];
	size_t  i;

	ck_assert_str_eq(json_string_value(json_object_get(old, "dataset")), "plan_snapshot");
	rec = json_object_get(old, "record");
	shape(rec, "plan_snapshot");
	ck_assert_str_eq(json_string_value(json_object_get(rec, "snapshot_as_of")), "2025-12-31");
	ck_assert_str_eq(
	    json_string_value(json_object_get(rec, "snapshot_moment")), "2025-12-31T23:59:59Z");
	ck_assert_str_eq(json_string_value(json_object_get(rec, "round_name")), ROUND_2025);
	ck_assert_ptr_nonnull(strstr(
	    json_string_value(json_object_get(rec, "snapshot_source")), "/en/plans/3/history"));
	json_array_foreach(json_object_get(rec, "commitments"), i, cm)
	{
		shape(cm, "snapshot_commitment");
		if (json_array_size(json_object_get(cm, "milestones")) > 0)
			shape(json_array_get(json_object_get(cm, "milestones"), 0),
			    "snapshot_milestone");
	}
	ck_assert_uint_eq(json_array_size(json_object_get(rec, "commitments")), 7);
	snprintf(uri, sizeof uri, "/en/plans/3/as-of/%s.json", today);
	now = get_json(uri);
	live = get_json("/en/commitments/PT0018.json");
	/* Milestone 2: 50% until its figure of 80% was given; milestone 3: 50% in both
	 * snapshots, 60% live since the edit made after them; milestone 6, added after the
	 * first day, only in the second. */
	cm = commitment(json_object_get(rec, "commitments"), "PT0018");
	ck_assert_int_eq(figure(cm, 2), 50);
	ck_assert_int_eq(figure(cm, 3), 50);
	ck_assert_uint_eq(json_array_size(json_object_get(cm, "milestones")), 5);
	cm = commitment(json_object_get(json_object_get(now, "record"), "commitments"), "PT0018");
	ck_assert_int_eq(figure(cm, 2), 80);
	ck_assert_int_eq(figure(cm, 3), 50);
	ck_assert_uint_eq(json_array_size(json_object_get(cm, "milestones")), 6);
	ck_assert_int_eq(figure(json_object_get(live, "record"), 3), 60);
	json_decref(old);
	json_decref(now);
	json_decref(live);
}
END_TEST

START_TEST(csv_has_a_row_a_milestone)
{
	const struct xset *set = export_set("snapshot_rows");
	struct res         r;
	char               header[2048] = "", f[64], v[128];
	size_t             i;
	sqlite3           *db;
	sqlite3_stmt      *s;
	int                rows;

	for (i = 0; export_set_field(set, i, f, sizeof f) == 0; i++)
		snprintf(header + strlen(header), sizeof header - strlen(header), "%s%s",
		    i ? "," : "", f);
	strcat(header, "\r\n");
	get("/pt/plans/3/as-of/2025-12-31.csv", 200, &r);
	ck_assert_ptr_nonnull(res_header(&r, "Content-Type", v, sizeof v));
	ck_assert_ptr_nonnull(strstr(v, "text/csv"));
	ck_assert_int_eq(strncmp(r.body.p, header, strlen(header)), 0);
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "SELECT count(m.id) + sum(m.id IS NULL) FROM commitment c JOIN "
			     "action_plan p ON p.id = c.plan_id LEFT JOIN milestone m ON "
			     "m.commitment_id = c.id WHERE p.number = 3",
			     -1, &s, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	rows = sqlite3_column_int(s, 0) - 1; /* less the milestone added after the day */
	sqlite3_finalize(s);
	sqlite3_close(db);
	ck_assert_int_eq(res_count(&r, "\r\n"), rows + 1);
	ck_assert_int_eq(res_count(&r, "2025-12-31,2025-12-31T23:59:59Z,"), rows);
	res_free(&r);
}
END_TEST

START_TEST(plan_page_and_sitemap_list_them)
{
	struct res  r;
	char        link[96];
	const char *pt[] = { "Estados fixados", "href=\"/pt/plans/3/as-of/2025-12-31\"", ROUND_2025,
		ROUND_NOW, link, NULL };
	const char *none[] = { "Nenhum ainda: o fecho de cada ronda", NULL };
	const char *map[] = { "/pt/plans/3/as-of/2025-12-31</loc>",
		"/en/plans/3/as-of/2025-12-31\"", NULL };

	snprintf(link, sizeof link, "href=\"/pt/plans/3/as-of/%s\"", today);
	get("/pt/plans/3", 200, &r);
	has(&r, pt);
	/* newest first */
	ck_assert(strstr(r.body.p, link) < strstr(r.body.p, "/as-of/2025-12-31"));
	res_free(&r);
	get("/pt/plans/1", 200, &r);
	has(&r, none);
	res_free(&r);
	get("/sitemap.xml", 200, &r);
	has(&r, map);
	res_free(&r);
}
END_TEST

/* Adds the text of every research_note of JSON value v to notes. */
static void
notes_of(json_t *v, json_t *notes) /* NOLINT(misc-no-recursion): the file's depth */
{
	const char *k;
	json_t     *e;
	size_t      i;

	if (json_is_object(v))
		json_object_foreach(v, k, e)
		{
			if (strcmp(k, "research_note") == 0 && json_is_string(e))
				json_array_append(notes, e);
			else
				notes_of(e, notes);
		}
	else if (json_is_array(v))
		json_array_foreach(v, i, e) notes_of(e, notes);
}

START_TEST(no_research_note)
{
	static const char *const uris[] = { "/pt/plans/3/as-of/2025-12-31",
		"/en/plans/3/as-of/2025-12-31", "/en/plans/3/as-of/2025-12-31.json",
		"/pt/plans/3/as-of/2025-12-31.csv" };
	json_t                  *content, *notes = json_array(), *e;
	json_error_t             err;
	struct res               r;
	size_t                   i, j;

	content = json_load_file(getenv("ABERTA_CONTENT"), 0, &err);
	ck_assert_ptr_nonnull(content);
	notes_of(content, notes);
	json_decref(content);
	ck_assert_uint_gt(json_array_size(notes), 0);
	for (i = 0; i < sizeof uris / sizeof uris[0]; i++) {
		get(uris[i], 200, &r);
		json_array_foreach(notes, j, e)
		    ck_assert_msg(strstr(r.body.p, json_string_value(e)) == NULL,
			"%s publishes a research note", uris[i]);
		ck_assert_ptr_null(strstr(r.body.p, "research"));
		res_free(&r);
	}
	json_decref(notes);
}
END_TEST

/* Saves row id of kind slug with the fields col, val... (NULL-ended) changed, through
 * the editing engine. */
static void
edit(sqlite3 *db, const char *slug, long long id, ...)
{
	const struct kind *k = edit_kind(slug);
	struct values      v;
	const char        *col, *val, *dberr = NULL;
	va_list            ap;
	int                f;

	ck_assert_int_eq(edit_load(db, k, id, &v), 1);
	va_start(ap, id);
	while ((col = va_arg(ap, const char *)) != NULL) {
		val = va_arg(ap, const char *);
		ck_assert_int_ge(f = edit_field(k, col), 0);
		free(v.v[f]);
		v.v[f] = val ? strdup(val) : NULL;
	}
	va_end(ap);
	ck_assert_msg(edit_save(db, k, &id, &v, 0, "Teste", NULL, NULL, NULL, &dberr) == 0, "%s",
	    dberr ? dberr : "?");
	edit_values_free(&v);
}

/* The integer answer of q on db. */
static long long
one(sqlite3 *db, const char *q)
{
	sqlite3_stmt *s;
	long long     v;

	ck_assert_int_eq(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* PT0018's milestone 2 gets a figure of 80% (after 31 December 2025, before today) and
 * a milestone 6; plan 3 is frozen as of 31 December 2025 and as of today; then its
 * milestone 3 gets 60%. */
START_TEST(history)
{
	sqlite3    *db;
	char        err[256];
	long long   plan, m2, m3, cid, id = 0;
	time_t      t;
	const char *dberr = NULL;

	ck_assert_ptr_nonnull(db = db_open(dbpath, 1, err, sizeof err));
	ck_assert_msg(store_prepare(STORE_RW, db, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(edit_init(db, err, sizeof err) == 0, "%s", err);
	plan = one(db, "SELECT id FROM action_plan WHERE number = 3");
	cid = one(db, "SELECT id FROM commitment WHERE ogp_id = 'PT0018'");
	m2 = one(db,
	    "SELECT m.id FROM milestone m JOIN commitment c ON c.id = m.commitment_id "
	    "WHERE c.ogp_id = 'PT0018' AND m.position = 2");
	m3 = one(db,
	    "SELECT m.id FROM milestone m JOIN commitment c ON c.id = m.commitment_id "
	    "WHERE c.ogp_id = 'PT0018' AND m.position = 3");
	edit(db, "milestones", m2, "progress", "80", "progress_as_of", "2026-11-30",
	    "progress_as_of_kind", "stated", "progress_source", "https://example.org/report",
	    "progress_confidence", "confirmed", (const char *)NULL);
	{
		const struct kind *k = edit_kind("milestones");
		struct values      v = { 0 };
		char               cids[24];

		snprintf(cids, sizeof cids, "%lld", cid);
		v.v[edit_field(k, "commitment_id")] = strdup(cids);
		v.v[edit_field(k, "position")] = strdup("6");
		v.v[edit_field(k, "title_pt")] = strdup("Um marco acrescentado depois");
		v.v[edit_field(k, "title_en")] = strdup("A milestone added later");
		ck_assert_int_eq(
		    edit_save(db, k, &id, &v, 0, "Teste", NULL, NULL, NULL, &dberr), 0);
		edit_values_free(&v);
	}
	t = time(NULL);
	ck_assert_int_eq(store_begin(db), 0);
	ck_assert_int_gt(snapshot_take(db, plan, "2025-12-31", 3, ROUND_2025), 0);
	ck_assert_int_gt(snapshot_take(db, plan, today, 4, ROUND_NOW), 0);
	ck_assert_int_eq(store_commit(db), 0);
	while (time(NULL) == t) /* the later edit in a second of its own */
		usleep(50000);
	edit(db, "milestones", m3, "progress", "60", "progress_as_of", "2026-12-01",
	    "progress_as_of_kind", "stated", "progress_source", "https://example.org/report",
	    "progress_confidence", "confirmed", (const char *)NULL);
	edit_finish();
	store_finalize(STORE_RW);
	sqlite3_close(db);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { history, page_shows_the_plan_as_it_stood,
		not_found_and_bad_dates, json_has_its_shape_and_values, csv_has_a_row_a_milestone,
		plan_page_and_sitemap_list_them, no_research_note, NULL };
	struct tm          tm;
	int                rc;

	if (tz_local(NULL, time(NULL), &tm) != 0)
		return 1;
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	if (test_db_create(dbpath, sizeof dbpath, "aberta-asof") != 0)
		return 1;
	snprintf(binary, sizeof binary, "%s/aberta", getenv("ABERTA_BUILDDIR"));
	rc = tests_main(tests_suite("asof", 0, tests));
	test_db_remove(dbpath);
	return rc;
}
