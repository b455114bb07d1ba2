/*
 * Query plans: EXPLAIN QUERY PLAN of every statement of db.c on the generated data set
 * of the benchmark (bench/gen, scale 1: 4,000 commitments, 40,000 milestones, without
 * ANALYZE, like a real database).  A statement that reads a whole big table (a SCAN of
 * commitments, milestones, revisions, links, events, bodies or their join tables, or the
 * search index without MATCH) fails, unless the allow list below says why it must.
 * Small tables (plans: at most 999; policy areas; text pages) and the statements' own
 * temporary results (CTEs, subqueries) may be scanned.
 */
#include <sqlite3.h>

#include "../lib/testlib.h"
#include "store/db.h"
#include "store/stmt.h"

static char dbpath[64];

/* Full scans that are the point of the statement, with the reason. */
static const struct allow {
	enum stmt   id;
	const char *line; /* the plan line, exactly */
	const char *why;
} allowed[] = {
	{ ST_ROLLUP, "SCAN c USING COVERING INDEX commitment_plan",
	    "the progress of every "
	    "plan (home page, plans list): every commitment by definition (one row each of "
	    "commitment_progress, not their milestones); rendered once per change (page cache)" },
	{ ST_ENTITIES, "SCAN entity", "the network page lists every body" },
	{ ST_EVENTS, "SCAN event", "the events page lists every event" },
	{ ST_COUNTS, "SCAN entity", "the count of members" },
	{ ST_COUNTS, "SCAN commitment USING COVERING INDEX commitment_plan",
	    "the count of commitments" },
	{ ST_SITEMAP, "SCAN commitment", "the sitemap lists every record" },
	{ ST_SITEMAP, "SCAN entity", "the sitemap lists every record" },
	{ ST_SITEMAP, "SCAN event", "the sitemap lists every record" },
	{ ST_SITEMAP, "SCAN consultation", "the sitemap lists every record" },
	{ ST_CONSULTATIONS, "SCAN k USING INDEX consultation_closes",
	    "the consultations page lists every consultation, latest closing first" },
	{ ST_X_CONSULTATIONS, "SCAN k", "bulk export: every row" },
	{ ST_SEARCH, "SCAN c",
	    "facet filters (plan, status, body, value, area) are checked "
	    "on every commitment, once per search that has one (known cost, README)" },
	{ ST_SEARCH_FACETS, "SCAN c", "the same facet filters" },
	{ ST_LISTING, "SCAN c",
	    "the listing shows every commitment; its filters are "
	    "checked row by row (known cost, README)" },
	{ ST_LISTING_FACETS, "SCAN c USING COVERING INDEX commitment_plan",
	    "the listing's facet counts cover every commitment" },
	{ ST_LISTING_FACETS, "SCAN v USING COVERING INDEX commitment_value_value",
	    "facet counts grouped by OGP value" },
	{ ST_LISTING_LEADS, "SCAN ce",
	    "the lead bodies of every commitment listed (known "
	    "cost on a filtered listing, README)" },
	{ ST_X_MILESTONES, "SCAN m USING INDEX sqlite_autoindex_milestone_1",
	    "bulk export: every row" },
	{ ST_X_ENTITIES, "SCAN entity USING INDEX sqlite_autoindex_entity_1",
	    "bulk export: every row" },
	{ ST_X_EVENTS, "SCAN event", "bulk export: every row" },
	{ ST_X_LINKS, "SCAN l", "bulk export: every row" },
	{ ST_X_COMMITMENT_ENTITIES, "SCAN ce USING INDEX commitment_entity_entity",
	    "bulk export: every row" },
	{ ST_X_COMMITMENT_VALUES, "SCAN c USING COVERING INDEX sqlite_autoindex_commitment_1",
	    "bulk export: every row" },
	{ ST_X_COMMITMENT_AREAS, "SCAN cpa USING COVERING INDEX commitment_policy_area_area",
	    "bulk export: every row" },
	{ ST_X_REVISIONS, "SCAN r", "bulk export: every row" },
};
#define NALLOWED (sizeof allowed / sizeof allowed[0])

/* Names in a plan that are not big tables: small tables, CTEs and subqueries ("fields":
 * the list of a commitment's dated fields in store/changes.c). */
static const char *const harmless[] = { "action_plan", "p", "policy_area", "pa", "page", "hit",
	"best", "res", "sel", "pg", "CONSTANT", "(subquery-", "fields" };

/* 1 when the plan line of statement id (-1: none) is a full scan of a big table that
 * the allow list does not name. */
static int
bad_scan(int id, const char *line)
{
	size_t      i, n;
	const char *t;

	if (strncmp(line, "SCAN ", 5) != 0)
		return 0;
	t = line + 5;
	if (strncmp(t, "search VIRTUAL TABLE INDEX 0:", 29) == 0) /* FTS5: MATCH or not */
		return strchr(t + 29, 'M') == NULL;
	for (i = 0; i < sizeof harmless / sizeof harmless[0]; i++) {
		n = strlen(harmless[i]);
		if (strncmp(t, harmless[i], n) == 0 &&
		    (t[n] == '\0' || t[n] == ' ' || harmless[i][n - 1] == '-'))
			return 0;
	}
	/* "r" is a CTE (the commitments found) in the facet statements. */
	if ((id == ST_SEARCH_FACETS || id == ST_LISTING_FACETS) && strcmp(t, "r") == 0)
		return 0;
	for (i = 0; i < NALLOWED; i++)
		if ((int)allowed[i].id == id && strcmp(allowed[i].line, line) == 0)
			return 0;
	return 1;
}

/* Appends the plan of sql to out, one line each; returns the number of bad scans. */
static int
explain(sqlite3 *db, int id, const char *sql, struct buf *out)
{
	sqlite3_stmt *s;
	char         *q;
	const char   *line;
	char          num[24];
	int           bad = 0;

	ck_assert_ptr_nonnull(q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql));
	ck_assert_msg(sqlite3_prepare_v2(db, q, -1, &s, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db));
	while (sqlite3_step(s) == SQLITE_ROW) {
		line = (const char *)sqlite3_column_text(s, 3);
		if (bad_scan(id, line)) {
			bad++;
			snprintf(num, sizeof num, "statement %d: ", id);
			buf_puts(out, num);
			buf_puts(out, line);
			buf_puts(out, "\n");
		}
	}
	sqlite3_finalize(s);
	sqlite3_free(q);
	return bad;
}

/* 1 when the plan of statement id has the line want, exactly. */
static int
plan_has(sqlite3 *db, enum stmt id, const char *want)
{
	sqlite3_stmt *s;
	char         *q;
	int           seen = 0;

	ck_assert_ptr_nonnull(q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", db_sql(id)));
	ck_assert_int_eq(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		if (strcmp((const char *)sqlite3_column_text(s, 3), want) == 0)
			seen = 1;
	sqlite3_finalize(s);
	sqlite3_free(q);
	return seen;
}

static sqlite3 *
open_db(void)
{
	sqlite3 *db;
	char     err[256];

	db = db_open(dbpath, 0, err, sizeof err);
	ck_assert_msg(db != NULL, "%s", err);
	return db;
}

START_TEST(no_statement_scans_a_big_table)
{
	sqlite3   *db = open_db();
	struct buf out = { 0 };
	int        i, bad = 0;

	for (i = 0; i < ST__MAX; i++)
		bad += explain(db, i, db_sql(i), &out);
	ck_assert_msg(bad == 0, "full scans not in the allow list:\n%s", out.p);
	buf_free(&out);
	sqlite3_close(db);
}
END_TEST

/* The change list's statements (store/changes.c, the table "changes", which feeds and
 * email alerts run): one about a plan, a commitment, a body or an OGP value (it binds ?1)
 * reads only what is about its thing.  The site's (no ?1) are about everything: they may
 * scan the milestones (m: the overdue ones, the current figures), their earlier figures
 * (f) and the commitments (c: their dated facts), and nothing else. */
START_TEST(change_list_reads_only_its_thing)
{
	static const char *const  site_scans[] = { "SCAN m", "SCAN f", "SCAN c" };
	sqlite3                  *db = open_db();
	struct stmt_table *const *t;
	struct buf                out = { 0 };
	sqlite3_stmt             *s;
	char                     *q;
	const char               *line;
	size_t                    n, i, k;
	int                       j, site, ok, seen = 0, bad = 0;

	t = store_tables(&n);
	for (i = 0; i < n; i++)
		for (j = 0; strcmp(t[i]->name, "changes") == 0 && j < t[i]->n; j++, seen++) {
			site = strstr(t[i]->sql[j], "?1") == NULL;
			ck_assert_ptr_nonnull(
			    q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", t[i]->sql[j]));
			ck_assert_int_eq(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
			while (sqlite3_step(s) == SQLITE_ROW) {
				line = (const char *)sqlite3_column_text(s, 3);
				/* the VALUES of "fields": "SCAN 13 CONSTANT ROWS" */
				ok = !bad_scan(-1, line) || strstr(line, " CONSTANT ROWS") != NULL;
				for (k = 0; site && k < 3; k++)
					ok |= strcmp(line, site_scans[k]) == 0;
				if (!ok) {
					bad++;
					buf_printf(&out, "changes #%d: %s\n", j, line);
				}
			}
			sqlite3_finalize(s);
			sqlite3_free(q);
		}
	ck_assert_int_gt(seen, 20);
	ck_assert_msg(bad == 0, "the change list scans:\n%s", out.p);
	buf_free(&out);
	sqlite3_close(db);
}
END_TEST

/* Every allowed scan still happens: a stale entry would hide a future one. */
START_TEST(allow_list_is_current)
{
	sqlite3 *db = open_db();
	size_t   i;

	for (i = 0; i < NALLOWED; i++)
		ck_assert_msg(plan_has(db, allowed[i].id, allowed[i].line),
		    "allow list entry "
		    "%zu (statement %d, %s) is not in the plan any more: remove it",
		    i, (int)allowed[i].id, allowed[i].line);
	sqlite3_close(db);
}
END_TEST

/* The check itself: a query that reads every milestone is caught; one by key is not. */
START_TEST(checker_catches_a_scan)
{
	sqlite3   *db = open_db();
	struct buf out = { 0 };

	ck_assert_int_eq(explain(db, -1, "SELECT id FROM milestone WHERE title_pt = ?1", &out), 1);
	ck_assert_int_eq(explain(db, -1, "SELECT rowid FROM search WHERE lang = 'pt'", &out), 1);
	ck_assert_int_eq(
	    explain(db, -1, "SELECT id FROM milestone WHERE commitment_id = ?1", &out), 0);
	buf_free(&out);
	sqlite3_close(db);
}
END_TEST

/* The statements that the benchmark's targets rest on use the expected indexes. */
START_TEST(pages_use_their_indexes)
{
	sqlite3 *db = open_db();
	struct {
		enum stmt   id;
		const char *want;
	} w[] = {
		{ ST_PLAN_COMMITMENTS, "SEARCH c USING INDEX commitment_plan (plan_id=?)" },
		{ ST_EVENTS_UPCOMING, "SEARCH event USING INDEX event_until (<expr>>?)" },
		{ ST_MILESTONES,
		    "SEARCH milestone USING INDEX sqlite_autoindex_milestone_1 "
		    "(commitment_id=?)" },
		{ ST_COMMITMENT, "SEARCH c USING INDEX sqlite_autoindex_commitment_1 (ogp_id=?)" },
	};
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		ck_assert_msg(plan_has(db, w[i].id, w[i].want), "statement %d does not use: %s",
		    (int)w[i].id, w[i].want);
	sqlite3_close(db);
}
END_TEST

/* Rows of commitment_progress (migration 8) that differ from the milestones' own
 * aggregates (the view commitment_progress_now), plus rows of commitments gone. */
static int
progress_mismatches(sqlite3 *db)
{
	sqlite3_stmt *s;
	int           n;

	ck_assert_int_eq(
	    sqlite3_prepare_v2(db,
		"SELECT (SELECT count(*) FROM "
		"commitment_progress_now v LEFT JOIN commitment_progress p USING (commitment_id) "
		"WHERE v.total <> coalesce(p.total, 0) OR v.known <> coalesce(p.known, 0) "
		"OR v.sum <> coalesce(p.sum, 0) OR v.as_of IS NOT p.as_of) + (SELECT count(*) "
		"FROM commitment_progress WHERE commitment_id NOT IN (SELECT id FROM commitment))",
		-1, &s, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* The stored aggregates follow every kind of milestone change (rolled back at the end). */
START_TEST(progress_rows_follow_milestones)
{
	static const char *const step[] = {
		/* a figure set, changed, its date removed, the milestone touched */
		"UPDATE milestone SET progress = 55, progress_as_of = '2031-05-06' "
		"WHERE id = (SELECT min(id) FROM milestone)",
		"UPDATE milestone SET progress = NULL WHERE id = (SELECT max(id) FROM milestone)",
		"UPDATE milestone SET progress_as_of = NULL, progress = 10 "
		"WHERE id = (SELECT min(id) + 1 FROM milestone)",
		"UPDATE milestone SET updated_at = '2032-01-01T00:00:00Z' "
		"WHERE id = (SELECT min(id) + 1 FROM milestone)",
		/* a milestone moved to another commitment, one added, one removed */
		"UPDATE milestone SET commitment_id = commitment_id + 1, position = 900 "
		"WHERE id = (SELECT min(id) + 2 FROM milestone)",
		"INSERT INTO milestone (commitment_id, position, progress, progress_as_of) "
		"SELECT min(id), 901, 75, '2033-01-01' FROM commitment",
		"DELETE FROM milestone WHERE id = (SELECT min(id) + 3 FROM milestone)",
		/* every milestone of a commitment removed */
		"DELETE FROM milestone WHERE commitment_id = (SELECT max(id) FROM commitment)",
		/* a new commitment with milestones, then deleted with them */
		"INSERT INTO commitment (ogp_id, plan_id, number) SELECT 'QQ0001', min(id), 998 "
		"FROM action_plan",
		"INSERT INTO milestone (commitment_id, position, progress) SELECT id, 1, 40 "
		"FROM commitment WHERE ogp_id = 'QQ0001'",
		"DELETE FROM commitment WHERE ogp_id = 'QQ0001'",
	};
	sqlite3 *db;
	char     err[256];
	size_t   i;

	ck_assert_msg((db = db_open(dbpath, 1, err, sizeof err)) != NULL, "%s", err);
	ck_assert_int_eq(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(progress_mismatches(db), 0);
	for (i = 0; i < sizeof step / sizeof step[0]; i++) {
		ck_assert_msg(sqlite3_exec(db, step[i], NULL, NULL, NULL) == SQLITE_OK, "%s: %s",
		    step[i], sqlite3_errmsg(db));
		ck_assert_int_eq(sqlite3_changes(db) > 0, 1);
		ck_assert_msg(progress_mismatches(db) == 0, "after %s", step[i]);
	}
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { no_statement_scans_a_big_table, allow_list_is_current,
		checker_catches_a_scan, pages_use_their_indexes, progress_rows_follow_milestones,
		change_list_reads_only_its_thing, NULL };
	const char        *bd = getenv("ABERTA_BUILDDIR");
	char               gen[512];
	int                failed;

	if (test_db_path(dbpath, sizeof dbpath, "aberta-plans") != 0)
		return 1;
	snprintf(gen, sizeof gen, "%s/bench/gen", bd ? bd : ".");
	char *const argv[] = { gen, "--db", dbpath, "--scale", "1", NULL };
	if (run_cmd(argv) != 0) {
		printf("Bail out! bench/gen could not build the data set\n");
		return 1;
	}
	failed = tests_main(tests_suite("plans", 120, tests));
	test_db_remove(dbpath);
	return failed == 0 ? 0 : 1;
}
