/* Unit tests of store/snapshot: the state of a plan at a moment rebuilt from the revision
 * log (a) equals the live state field by field when nothing changed since, (b) gives
 * back the old values after later edits made through the editing engine (and leaves out
 * a milestone created later), and (c) a snapshot once taken never changes after later
 * edits; the moment of a dated snapshot in Lisbon's wall clock; the refusals of
 * snapshot_take.  On the real content.  TAP output through Check. */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../lib/testlib.h"
#include "lib/tztime.h"
#include "store/db.h"
#include "store/edit.h"
#include "store/relations.h"
#include "store/snapshot.h"
#include "store/stmt.h"

static char     path[64];
static sqlite3 *db;

/* The live state of plan ?1 in the columns of snapshot.h (SC_ and SM_). */
static const char live_c[] =
    "SELECT c.id, c.ogp_id, c.ogp_id_confidence, c.number, c.title_pt, c.title_pt_kind, "
    "c.title_pt_confidence, c.title_en, c.title_en_kind, c.title_en_confidence, "
    "c.self_status, c.self_status_date, c.self_as_of_kind, c.self_percent, c.self_source, "
    "c.self_confidence, (SELECT group_concat(n, '; ') FROM (SELECT coalesce(e.acronym, "
    "e.name_pt, e.name_en) n FROM commitment_entity ce JOIN entity e ON e.id = ce.entity_id "
    "WHERE ce.commitment_id = c.id AND ce.role = 'lead' ORDER BY ce.position)), "
    "coalesce(a.total, 0), coalesce(a.known, 0), coalesce(a.sum, 0.0), a.as_of, "
    "a.as_of_min, coalesce(a.undated, 0) FROM commitment c LEFT JOIN commitment_progress a "
    "ON a.commitment_id = c.id WHERE c.plan_id = ?1 ORDER BY c.number, c.ogp_id";
static const char live_m[] =
    "SELECT m.id, m.commitment_id, m.position, m.title_pt, m.title_pt_kind, m.title_en, "
    "m.title_en_kind, m.status, m.progress, m.progress_as_of, m.progress_as_of_kind, "
    "m.progress_source, m.progress_confidence, m.planned_start, m.planned_end, "
    "m.completed_on FROM milestone m JOIN commitment c ON c.id = m.commitment_id WHERE "
    "c.plan_id = ?1 ORDER BY c.number, c.ogp_id, m.position";

/* Opens a test database with the real content, every statement prepared. */
static void
setup(void)
{
	char err[256];

	ck_assert_int_eq(test_db_create(path, sizeof path, "aberta-snap"), 0);
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_msg(store_prepare(STORE_RW, db, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(store_prepare(STORE_RO, db, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(edit_init(db, err, sizeof err) == 0, "%s", err);
}

/* Closes and removes the database. */
static void
teardown(void)
{
	edit_finish();
	store_finalize(STORE_RO);
	store_finalize(STORE_RW);
	sqlite3_close(db);
	test_db_remove(path);
}

/* Every row of s, stepped to the end and reset: each column's type and text, one line a
 * row (malloc'd). */
static char *
dump(sqlite3_stmt *s)
{
	char  *out = NULL;
	size_t len = 0;
	FILE  *f = open_memstream(&out, &len);
	int    i;

	ck_assert_ptr_nonnull(f);
	while (sqlite3_step(s) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(s); i++)
			fprintf(f, "%d:%s|", sqlite3_column_type(s, i),
			    sqlite3_column_type(s, i) == SQLITE_NULL
				? ""
				: (const char *)sqlite3_column_text(s, i));
		fputc('\n', f);
	}
	ck_assert_int_eq(sqlite3_errcode(db) == SQLITE_OK || sqlite3_errcode(db) == SQLITE_DONE ||
		sqlite3_errcode(db) == SQLITE_ROW,
	    1);
	sqlite3_reset(s);
	fclose(f);
	return out;
}

/* The live rows of plan by sql (live_c or live_m). */
static char *
live(const char *sql, long long plan)
{
	sqlite3_stmt *s;
	char         *out;

	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_int64(s, 1, plan);
	out = dump(s);
	sqlite3_finalize(s);
	return out;
}

/* The integer answer of sql, or -1. */
static long long
one(const char *sql)
{
	sqlite3_stmt *s;
	long long     v = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Now in UTC as the revision log writes it, into m (32 bytes). */
static void
now_utc(char *m)
{
	time_t    t = time(NULL);
	struct tm u;

	gmtime_r(&t, &u);
	strftime(m, 32, "%Y-%m-%dT%H:%M:%SZ", &u);
}

/* Waits until the clock's second has moved on, so that what follows is logged after
 * every moment taken before. */
static void
next_second(void)
{
	time_t t = time(NULL);

	while (time(NULL) == t)
		usleep(50000);
}

/* Sets field col of v to val (NULL: empty). */
static void
set(const struct kind *k, struct values *v, const char *col, const char *val)
{
	int f = edit_field(k, col);

	ck_assert_int_ge(f, 0);
	free(v->v[f]);
	v->v[f] = val ? strdup(val) : NULL;
}

/* Saves row id of kind slug with field col set to val (pairs, NULL-ended), through the
 * editing engine. */
static void
edit(const char *slug, long long id, ...)
{
	const struct kind *k = edit_kind(slug);
	struct values      v;
	const char        *col, *dberr = NULL;
	va_list            ap;

	ck_assert_ptr_nonnull(k);
	ck_assert_int_eq(edit_load(db, k, id, &v), 1);
	va_start(ap, id);
	while ((col = va_arg(ap, const char *)) != NULL)
		set(k, &v, col, va_arg(ap, const char *));
	va_end(ap);
	ck_assert_msg(edit_save(db, k, &id, &v, 0, "Teste", NULL, NULL, NULL, &dberr) == 0, "%s",
	    dberr ? dberr : "?");
	edit_values_free(&v);
}

/* The plan with the most milestones, its first commitment with milestones and that
 * commitment's first milestone. */
static void
pick(long long *plan, long long *cid, long long *mid)
{
	char sql[256];

	*plan = one("SELECT c.plan_id FROM milestone m JOIN commitment c ON c.id = "
		    "m.commitment_id GROUP BY c.plan_id ORDER BY count(*) DESC LIMIT 1");
	snprintf(sql, sizeof sql,
	    "SELECT c.id FROM commitment c JOIN milestone m ON m.commitment_id = c.id WHERE "
	    "c.plan_id = %lld ORDER BY c.number LIMIT 1",
	    *plan);
	*cid = one(sql);
	snprintf(sql, sizeof sql,
	    "SELECT id FROM milestone WHERE commitment_id = %lld ORDER BY position LIMIT 1", *cid);
	*mid = one(sql);
	ck_assert(*plan > 0 && *cid > 0 && *mid > 0);
}

/* Replaces the lead bodies of commitment cid by one other body, with the "leads"
 * revision the relations page writes. */
static void
change_leads(long long cid)
{
	sqlite3_stmt *s;
	char          before[512] = "", after[512] = "";
	long long     chg = 0, body;
	char          sql[160];

	s = relations_stmt(RL_LEADS);
	db_bind_int64(s, 1, cid);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(before, sizeof before, "%s", sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	snprintf(sql, sizeof sql,
	    "SELECT id FROM entity WHERE id NOT IN (SELECT entity_id FROM commitment_entity "
	    "WHERE commitment_id = %lld) ORDER BY id LIMIT 1",
	    cid);
	body = one(sql);
	ck_assert_int_eq(store_begin(db), 0);
	s = relations_stmt(RL_LEADS_CLEAR);
	db_bind_int64(s, 1, cid);
	ck_assert_int_eq(store_run(s), 0);
	s = relations_stmt(RL_LEAD_ADD);
	db_bind_int64(s, 1, cid);
	db_bind_int64(s, 2, body);
	db_bind_int(s, 3, 0);
	ck_assert_int_eq(store_run(s), 0);
	s = relations_stmt(RL_LEADS);
	db_bind_int64(s, 1, cid);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	snprintf(after, sizeof after, "%s", sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	ck_assert_str_ne(before, after);
	ck_assert_int_eq(edit_revision(db, &chg, 0, "Teste", "commitment", cid, "update", "leads",
			     before[0] ? before : NULL, after),
	    0);
	ck_assert_int_eq(store_commit(db), 0);
}

/* Later edits of commitment cid and milestone mid: a figure with its date, kind, source
 * and confidence, a status, a title, the self-reported status, the lead bodies, and a
 * new milestone. */
static void
edit_later(long long cid, long long mid)
{
	char pos[32], sql[128], cids[32];

	edit("milestones", mid, "progress", "77", "progress_as_of", "2026-01-02",
	    "progress_as_of_kind", "stated", "progress_source", "https://example.org/figure",
	    "progress_confidence", "confirmed", "status", "in_progress", "title_en",
	    "A title given later", (const char *)NULL);
	edit("commitments", cid, "self_status", "substantial", "self_status_date", "2026-01-03",
	    "self_as_of_kind", "stated", "self_confidence", "confirmed", "self_source",
	    "https://example.org/self", (const char *)NULL);
	change_leads(cid);
	snprintf(sql, sizeof sql,
	    "SELECT max(position) + 1 FROM milestone WHERE commitment_id = %lld", cid);
	snprintf(pos, sizeof pos, "%lld", one(sql));
	snprintf(cids, sizeof cids, "%lld", cid);
	{
		const struct kind *k = edit_kind("milestones");
		struct values      v = { 0 };
		long long          id = 0;
		const char        *dberr = NULL;

		set(k, &v, "commitment_id", cids);
		set(k, &v, "position", pos);
		set(k, &v, "title_pt", "Marco acrescentado depois");
		set(k, &v, "progress", "10");
		set(k, &v, "progress_as_of", "2026-01-04");
		set(k, &v, "progress_as_of_kind", "stated");
		set(k, &v, "progress_confidence", "confirmed");
		ck_assert_msg(edit_save(db, k, &id, &v, 0, "Teste", NULL, NULL, NULL, &dberr) == 0,
		    "%s", dberr ? dberr : "?");
		edit_values_free(&v);
	}
}

/* The rebuild of plan at moment, commitments then milestones. */
static void
rebuilt(long long plan, const char *moment, char **c, char **m)
{
	*c = dump(snapshot_state_commitments(plan, moment));
	*m = dump(snapshot_state_milestones(plan, moment));
}

START_TEST(unchanged_equals_live)
{
	char      moment[32], *lc, *lm, *rc, *rm;
	long long plan, cid, mid, p, nplans;
	char      sql[64];

	setup();
	pick(&plan, &cid, &mid);
	edit_later(cid, mid); /* revisions before the moment: nothing to undo */
	next_second();
	now_utc(moment);
	nplans = one("SELECT max(id) FROM action_plan");
	for (p = 1; p <= nplans; p++) {
		lc = live(live_c, p);
		lm = live(live_m, p);
		rebuilt(p, moment, &rc, &rm);
		ck_assert_str_eq(rc, lc);
		ck_assert_str_eq(rm, lm);
		free(lc), free(lm), free(rc), free(rm);
	}
	snprintf(sql, sizeof sql, "SELECT count(*) FROM milestone");
	ck_assert_int_gt(one(sql), 0);
	teardown();
}
END_TEST

START_TEST(later_edits_undone)
{
	char      moment[32], now[32], *lc, *lm, *rc, *rm, *nc, *nm;
	long long plan, cid, mid;

	setup();
	pick(&plan, &cid, &mid);
	lc = live(live_c, plan);
	lm = live(live_m, plan);
	now_utc(moment);
	next_second();
	edit_later(cid, mid);
	nc = live(live_c, plan);
	nm = live(live_m, plan);
	ck_assert_str_ne(nc, lc); /* the edits changed the live state */
	ck_assert_str_ne(nm, lm);
	rebuilt(plan, moment, &rc, &rm);
	ck_assert_str_eq(rc, lc); /* and the rebuild gives back the old one */
	ck_assert_str_eq(rm, lm);
	free(rc), free(rm);
	now_utc(now);
	rebuilt(plan, now, &rc, &rm);
	ck_assert_str_eq(rc, nc);
	ck_assert_str_eq(rm, nm);
	free(lc), free(lm), free(rc), free(rm), free(nc), free(nm);
	teardown();
}
END_TEST

/* Today's date in Lisbon, into d (11 bytes). */
static void
lisbon_today(char *d)
{
	struct tm tm;

	ck_assert_int_eq(tz_local(NULL, time(NULL), &tm), 0);
	strftime(d, 11, "%Y-%m-%d", &tm);
}

/* The frozen rows of snapshot id by statement which. */
static char *
frozen(enum snapshot_stmt which, long long id)
{
	sqlite3_stmt *s = snapshot_stmt(which);

	db_bind_int64(s, 1, id);
	return dump(s);
}

START_TEST(snapshot_never_changes)
{
	char      today[11], *lc, *lm, *fc, *fm, longname[404];
	long long plan, cid, mid, id;
	int       i;

	setup();
	pick(&plan, &cid, &mid);
	lisbon_today(today);
	lc = live(live_c, plan);
	lm = live(live_m, plan);
	ck_assert_int_eq(store_begin(db), 0);
	id = snapshot_take(db, plan, today, 7, "Autoavaliação intercalar 2026");
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(store_commit(db), 0);
	next_second();
	edit_later(cid, mid);
	fc = frozen(SN_COMMITMENTS, id);
	fm = frozen(SN_MILESTONES, id);
	ck_assert_str_eq(fc, lc);
	ck_assert_str_eq(fm, lm);
	free(fc), free(fm), free(lc), free(lm);
	/* The frozen rows refuse changes. */
	ck_assert_int_ne(
	    sqlite3_exec(db, "UPDATE snapshot_milestone SET progress = 1", NULL, NULL, NULL),
	    SQLITE_OK);
	ck_assert_int_ne(
	    sqlite3_exec(db, "UPDATE snapshot SET name = 'x'", NULL, NULL, NULL), SQLITE_OK);
	/* One a day; an unknown plan, a bad date or name, a day to come are refused. */
	ck_assert_int_eq(store_begin(db), 0);
	ck_assert_int_eq(snapshot_take(db, plan, today, 0, "Outra"), -1);
	ck_assert_int_eq(snapshot_take(db, 9999, today, 0, "Outra"), -1);
	ck_assert_int_eq(snapshot_take(db, plan, "2026-02-30", 0, "Outra"), -1);
	ck_assert_int_eq(snapshot_take(db, plan, "2026-2-01", 0, "Outra"), -1);
	ck_assert_int_eq(snapshot_take(db, plan, "2999-01-01", 0, "Outra"), -1);
	ck_assert_int_eq(snapshot_take(db, plan, "2020-01-01", 0, ""), -1);
	ck_assert_int_eq(snapshot_take(db, plan, "2020-01-01", 0, "\xc3("), -1);
	/* 200 characters of two bytes each: as long as a round's name may be */
	for (i = 0; i < 200; i++)
		memcpy(longname + 2 * i, "ç", 2);
	longname[400] = '\0';
	ck_assert_int_gt(snapshot_take(db, plan, "2020-01-02", 0, longname), id);
	memcpy(longname + 400, "x", 2);
	ck_assert_int_eq(snapshot_take(db, plan, "2020-01-03", 0, longname), -1);
	ck_assert_int_gt(snapshot_take(db, plan, "2020-01-01", 0, "Antes"), id);
	ck_assert_int_eq(store_rollback(db), 0);
	teardown();
}
END_TEST

START_TEST(moments)
{
	char   m[32];
	time_t now = 1790000000; /* 2026-09-21T14:13:20Z */

	/* Summer time (WEST, UTC+1): the day ends at 22:59:59 UTC. */
	ck_assert_int_eq(snapshot_moment("2026-07-01", now, m, sizeof m), 0);
	ck_assert_str_eq(m, "2026-07-01T22:59:59Z");
	/* Winter time (WET, UTC+0). */
	ck_assert_int_eq(snapshot_moment("2026-01-15", now, m, sizeof m), 0);
	ck_assert_str_eq(m, "2026-01-15T23:59:59Z");
	/* The day of the clock change in October. */
	ck_assert_int_eq(snapshot_moment("2025-10-26", now, m, sizeof m), 0);
	ck_assert_str_eq(m, "2025-10-26T23:59:59Z");
	/* Today: the state now. */
	ck_assert_int_eq(snapshot_moment("2026-09-21", now, m, sizeof m), 0);
	ck_assert_str_eq(m, "2026-09-21T14:13:20Z");
	/* Just after midnight in Lisbon, still the 21st in UTC: the 21st is over there. */
	ck_assert_int_eq(snapshot_moment("2026-09-21", 1790032000, m, sizeof m), 0);
	ck_assert_str_eq(m, "2026-09-21T22:59:59Z");
	ck_assert_int_eq(snapshot_moment("2026-09-22", 1790032000, m, sizeof m), 0);
	ck_assert_str_eq(m, "2026-09-21T23:06:40Z");
	/* A day to come, or not a date. */
	ck_assert_int_eq(snapshot_moment("2026-09-22", now, m, sizeof m), -1);
	ck_assert_int_eq(snapshot_moment("2026-09", now, m, sizeof m), -1);
	ck_assert_int_eq(snapshot_moment(NULL, now, m, sizeof m), -1);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { unchanged_equals_live, later_edits_undone,
		snapshot_never_changes, moments, NULL };

	return tests_main(tests_suite("snapshot", 120, tests));
}
