/* snapshot: the dated snapshots of a plan and the rebuild of its state at a moment from
 * the revision log (see snapshot.h). */
#include <stdio.h>
#include <string.h>

#include "lib/tztime.h"
#include "lib/utf8.h"
#include "lib/valid.h"
#include "store/db.h"
#include "store/snapshot.h"
#include "store/stmt.h"

/* Of the revision log, the pivot of one field f of a row: whether a revision of f was
 * made after the moment (h_f) and the value before the first of them (b_f). */
#define PV(f) \
	", max(field = '" f "') AS h_" f ", max(CASE WHEN field = '" f "' THEN before END) AS " \
	"b_" f
/* The value of field f at the moment: the before of its first later revision, else the
 * live value live (of row x, its pivot l). */
#define AT(f, live) "CASE WHEN l.h_" f " THEN l.b_" f " ELSE " live " END"
/* The same for column f of row x, as text and as an integer. */
#define ATT(f) AT(f, "x." f) " AS " f
#define ATI(f) "CAST(" AT(f, "x." f) " AS INTEGER) AS " f
/* The lead bodies of commitment x now, as the relations page logs them (RL_LEADS). */
#define LEADS_NOW \
	"(SELECT group_concat(n, '; ') FROM (SELECT coalesce(e.acronym, e.name_pt, e.name_en) " \
	"n FROM commitment_entity ce JOIN entity e ON e.id = ce.entity_id WHERE " \
	"ce.commitment_id = x.id AND ce.role = 'lead' ORDER BY ce.position))"

/* The rebuild of plan ?1 at moment ?2, as common table expressions: pc its commitments
 * (with plan_id), pm their milestones. */
#define REBUILD \
	"WITH later AS (SELECT tbl, row_id, field, before, min(id) FROM revision WHERE at > ?2 " \
	"AND op = 'update' AND tbl IN ('commitment', 'milestone') GROUP BY tbl, row_id, field), " \
	"born AS (SELECT tbl, row_id FROM revision WHERE at > ?2 AND op = 'create' AND " \
	"field IS NULL), " \
	"lc AS (SELECT row_id" PV("plan_id") PV("ogp_id") PV("ogp_id_confidence") PV("number") PV( \
	    "title_pt") PV("title_pt_kind") PV("title_pt_confidence") PV("title_en") \
	    PV("title_en_kind") PV("title_en_confidence") PV("self_status") PV("self_status_date") \
		PV("self_as_of_kind") PV("self_percent") PV("self_source") \
		    PV("self_confidence") \
			PV("leads") " FROM later WHERE tbl = 'commitment' GROUP BY row_id), " \
				    "cs AS (SELECT x.id AS commitment_id, " ATI("plan_id") "," \
											   " " ATT("ogp_id") ", " ATT("ogp_id_confidence") ", " ATI( \
											       "n" \
											       "u" \
											       "m" \
											       "b" \
											       "e" \
											       "r") ", " ATT("title_pt") ", " ATT("title_pt_kind") ", " ATT("title_pt_confidence") ", " ATT("title_en") ", " ATT("title_en_kind") ", " ATT("title_en_confidence") ", " ATT("self_status") ", " ATT("self_status_date") ", " ATT("self_as_of_kind") ", " ATI("self_percent") ", " ATT("self_source") ", " ATT("self_confidence") ", " AT("leads", LEADS_NOW) " AS leads " \
																																																							    "FROM commitment x LEFT JOIN lc l ON l.row_id = x.id WHERE NOT EXISTS (SELECT 1 " \
																																																							    "FROM born b WHERE b.tbl = 'commitment' AND b.row_id = x.id)), " \
																																																							    "pc AS (SELECT * FROM cs WHERE plan_id = ?1), " \
																																																							    "lm AS (SELECT row_id" PV("commitment_id") PV("position") PV("title_pt") PV("title_pt_kind") PV( \
																																																								"title_en") \
																																																								PV("title_en_kind") \
																																																								    PV("status") \
																																																									PV("progress") PV("progress_as_of") PV("progress_as_of_kind") PV( \
																																																									    "progress_source") \
																																																									    PV("progress_confidence") PV( \
																																																										"planned_start") \
																																																										PV("planned_end") \
																																																										    PV("completed_on") " FROM later WHERE tbl = 'milestone' GROUP BY row_id), " \
																																																												       "ms AS (SELECT x.id AS milestone_id, " ATI("commitment_id") ", " ATI( \
																																																													   "position") ", " ATT("title_pt") ", " ATT("title_pt_kind") ", " ATT("title_en") ", " ATT("title_en_kind") ", " ATT("status") ", " ATI("progress") ", " ATT("progress_as_of") ", " ATT("progress_as_of_kind") ", " ATT("progress_source") ", " ATT("progress_confidence") ", " ATT("planned_start") ", " ATT("planned_end") ", " ATT("completed_on") " FROM milestone x LEFT JOIN lm l ON l.row_id = x.id WHERE " \
																																																																																																							       "(x.commitment_id IN (SELECT commitment_id FROM pc) OR l.row_id IS NOT NULL) AND NOT " \
																																																																																																							       "EXISTS (SELECT 1 FROM born b WHERE b.tbl = 'milestone' AND b.row_id = x.id)), " \
																																																																																																							       "pm AS (SELECT * FROM ms WHERE commitment_id IN (SELECT commitment_id FROM pc)) "

/* The commitments of the rebuild, the SC_ columns (the aggregates as
 * commitment_progress_now, migration 11). */
#define STATE_C \
	"SELECT c.commitment_id, c.ogp_id, c.ogp_id_confidence, c.number, c.title_pt, " \
	"c.title_pt_kind, c.title_pt_confidence, c.title_en, c.title_en_kind, " \
	"c.title_en_confidence, c.self_status, c.self_status_date, c.self_as_of_kind, " \
	"c.self_percent, c.self_source, c.self_confidence, c.leads, count(m.milestone_id), " \
	"count(m.progress), total(m.progress), max(CASE WHEN m.progress IS NOT NULL THEN " \
	"m.progress_as_of END), min(CASE WHEN m.progress IS NOT NULL THEN m.progress_as_of " \
	"END), count(CASE WHEN m.progress IS NOT NULL AND m.progress_as_of IS NULL THEN 1 " \
	"END) FROM pc c LEFT JOIN pm m ON m.commitment_id = c.commitment_id GROUP BY " \
	"c.commitment_id ORDER BY c.number, c.ogp_id"
/* The milestones of the rebuild, the SM_ columns. */
#define STATE_M \
	"SELECT m.* FROM pm m JOIN pc c ON c.commitment_id = m.commitment_id " \
	"ORDER BY c.number, c.ogp_id, m.position"

enum { W_INSERT, W_PLAN, W_COMMITMENTS, W_MILESTONES, W_STATE_C, W_STATE_M, W__MAX };

static const char *const wsql[W__MAX] = {
	/* W_INSERT: ?1 plan, ?2 as_of, ?3 moment, ?4 round, ?5 name */
	"INSERT INTO snapshot (plan_id, as_of, moment, round_id, name) VALUES (?1, ?2, ?3, "
	"?4, ?5)",
	/* W_PLAN: ?1 plan: whether it exists, and whether it has a snapshot of day ?2 */
	"SELECT EXISTS (SELECT 1 FROM snapshot WHERE plan_id = ?1 AND as_of = ?2) FROM "
	"action_plan WHERE id = ?1",
	/* W_COMMITMENTS: ?1 plan, ?2 moment, ?3 snapshot */
	REBUILD "INSERT INTO snapshot_commitment SELECT ?3, * FROM (" STATE_C ")",
	/* W_MILESTONES: ?1 plan, ?2 moment, ?3 snapshot */
	REBUILD "INSERT INTO snapshot_milestone SELECT ?3, * FROM (" STATE_M ")",
	/* W_STATE_C: ?1 plan, ?2 moment */
	REBUILD STATE_C,
	/* W_STATE_M: ?1 plan, ?2 moment */
	REBUILD STATE_M,
};

STORE_TABLE(store_snapshot, "snapshot", STORE_RW, W__MAX, wsql);

/* The frozen commitments in the SC_ order. */
#define FROZEN_C \
	"commitment_id, ogp_id, ogp_id_confidence, number, title_pt, title_pt_kind, " \
	"title_pt_confidence, title_en, title_en_kind, title_en_confidence, self_status, " \
	"self_status_date, self_as_of_kind, self_percent, self_source, self_confidence, leads, " \
	"total, known, sum, as_of, as_of_min, undated"
/* The frozen milestones in the SM_ order, of snapshot_milestone m. */
#define FROZEN_M \
	"m.milestone_id, m.commitment_id, m.position, m.title_pt, m.title_pt_kind, m.title_en, " \
	"m.title_en_kind, m.status, m.progress, m.progress_as_of, m.progress_as_of_kind, " \
	"m.progress_source, m.progress_confidence, m.planned_start, m.planned_end, " \
	"m.completed_on"

static const char *const rsql[SN__MAX] = {
	/* SN_OF_PLAN */
	"SELECT p.number, s.as_of, s.name, s.taken_at FROM snapshot s JOIN action_plan p ON "
	"p.id = s.plan_id WHERE p.number = ?1 ORDER BY s.as_of DESC",
	/* SN_FIND */
	"SELECT s.id, p.number, p.title_pt, p.title_en, s.as_of, s.moment, s.taken_at, s.name "
	"FROM snapshot s JOIN action_plan p ON p.id = s.plan_id WHERE p.number = ?1 AND "
	"s.as_of = ?2",
	/* SN_COMMITMENTS */
	"SELECT " FROZEN_C " FROM snapshot_commitment WHERE snapshot_id = ?1 ORDER BY number, "
	"ogp_id",
	/* SN_MILESTONES */
	"SELECT " FROZEN_M " FROM snapshot_milestone m JOIN snapshot_commitment c ON "
	"c.snapshot_id = m.snapshot_id AND c.commitment_id = m.commitment_id WHERE "
	"m.snapshot_id = ?1 ORDER BY c.number, c.ogp_id, m.position",
};

STORE_TABLE(store_snapshot_public, "snapshot_public", STORE_RO, SN__MAX, rsql);

sqlite3_stmt *
snapshot_stmt(enum snapshot_stmt id)
{
	return store_stmt(&store_snapshot_public, id);
}

int
snapshot_moment(const char *as_of, time_t now, char *moment, size_t len)
{
	struct tm wall = { 0 }, today, u;
	time_t    end;

	if (as_of == NULL || strlen(as_of) != 10 || !valid_date(as_of) ||
	    tz_local(NULL, now, &today) != 0)
		return -1;
	wall.tm_year = valid_digits(as_of, 4) - 1900;
	wall.tm_mon = valid_digits(as_of + 5, 2) - 1;
	wall.tm_mday = valid_digits(as_of + 8, 2);
	if (wall.tm_year > today.tm_year ||
	    (wall.tm_year == today.tm_year &&
		(wall.tm_mon > today.tm_mon ||
		    (wall.tm_mon == today.tm_mon && wall.tm_mday > today.tm_mday))))
		return -1;
	wall.tm_hour = 23; /* the last second of the day (never one a clock change skips) */
	wall.tm_min = 59;
	wall.tm_sec = 59;
	if (tz_utc(NULL, &wall, &end) != 0)
		return -1;
	if (end > now)
		end = now;
	if (gmtime_r(&end, &u) == NULL || strftime(moment, len, "%Y-%m-%dT%H:%M:%SZ", &u) == 0)
		return -1;
	return 0;
}

sqlite3_stmt *
snapshot_state_commitments(long long plan_id, const char *moment)
{
	sqlite3_stmt *s = store_stmt(&store_snapshot, W_STATE_C);

	db_bind_int64(s, 1, plan_id);
	db_bind_text(s, 2, moment);
	return s;
}

sqlite3_stmt *
snapshot_state_milestones(long long plan_id, const char *moment)
{
	sqlite3_stmt *s = store_stmt(&store_snapshot, W_STATE_M);

	db_bind_int64(s, 1, plan_id);
	db_bind_text(s, 2, moment);
	return s;
}

/* 1 when name is well-formed UTF-8 of 1 to 200 characters (the CHECK of snapshot.name,
 * which counts characters, and of the round's name). */
static int
name_ok(const char *name)
{
	size_t n = name ? strlen(name) : 0, chars = utf8_chars(name, n);

	return name != NULL && valid_utf8(name, n) && chars >= 1 && chars <= 200;
}

/* Runs the copy id (W_COMMITMENTS or W_MILESTONES) of plan plan_id at moment into
 * snapshot snap.  Returns 0 or -1. */
static int
copy(int id, long long plan_id, const char *moment, long long snap)
{
	sqlite3_stmt *s = store_stmt(&store_snapshot, id);

	db_bind_int64(s, 1, plan_id);
	db_bind_text(s, 2, moment);
	db_bind_int64(s, 3, snap);
	return store_run(s);
}

long long
snapshot_take(
    sqlite3 *rw, long long plan_id, const char *as_of, long long round_id, const char *name)
{
	sqlite3_stmt *s;
	char          moment[32];
	long long     id;
	int           rc;

	if (!name_ok(name) || snapshot_moment(as_of, time(NULL), moment, sizeof moment) != 0)
		return -1;
	s = store_stmt(&store_snapshot, W_PLAN);
	db_bind_int64(s, 1, plan_id);
	db_bind_text(s, 2, as_of);
	rc = db_row(s);
	rc = rc == 1 && db_int(s, 0) == 0 ? 0 : -1; /* unknown plan, or taken that day */
	db_reset(s);
	if (rc != 0)
		return -1;
	s = store_stmt(&store_snapshot, W_INSERT);
	db_bind_int64(s, 1, plan_id);
	db_bind_text(s, 2, as_of);
	db_bind_text(s, 3, moment);
	if (round_id > 0)
		db_bind_int64(s, 4, round_id);
	db_bind_text(s, 5, name);
	if (store_run(s) != 0)
		return -1;
	id = sqlite3_last_insert_rowid(rw);
	if (copy(W_COMMITMENTS, plan_id, moment, id) != 0 ||
	    copy(W_MILESTONES, plan_id, moment, id) != 0)
		return -1;
	return id;
}
