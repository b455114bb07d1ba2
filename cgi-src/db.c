#include <stdio.h>
#include <string.h>

#include "db.h"
#include "sql_embed.h"

/* Milestone aggregates that feed the progress formula (see progress.h): count of
 * milestones, count with progress, sum of progress, latest date of the figures. */
#define MS_AGG "count(m.id), count(m.progress), total(m.progress), " \
	"max(CASE WHEN m.progress IS NOT NULL " \
	"THEN coalesce(m.progress_as_of, substr(m.updated_at, 1, 10)) END)"

/* A revision row as the History pages show it: change, time, actor, reviewer, table,
 * row, operation, field, before, after, milestone position, OGP id, staff id, and the
 * body of a member editor. */
#define HIST_COLS "r.change_id, r.at, r.actor, r.approved_by, r.tbl, r.row_id, r.op, " \
	"r.field, r.before, r.after, m.position, c.ogp_id, r.staff_id, " \
	"CASE WHEN s.role = 'member' THEN coalesce(e.acronym, e.name_pt, e.name_en) END " \
	"FROM revision r LEFT JOIN milestone m ON r.tbl = 'milestone' AND m.id = r.row_id " \
	"LEFT JOIN commitment c ON c.id = r.commitment_id " \
	"LEFT JOIN staff s ON s.id = r.staff_id LEFT JOIN entity e ON e.id = s.entity_id"

/* A link's address: its outside URL, or the site's copy of an uploaded document. */
#define LINK_URL "coalesce(url, '/uploads/' || upload_sha)"

static const char *const sqls[ST__MAX] = {
	/* ST_STATE */
	"SELECT content_version, changed_at FROM site_state WHERE id = 1",
	/* ST_PLANS */
	"SELECT p.id, p.number, p.title_pt, p.title_en, p.period_start, p.period_end, "
	"p.status, (SELECT count(*) FROM commitment c WHERE c.plan_id = p.id) "
	"FROM action_plan p ORDER BY p.number",
	/* ST_PLAN_BY_NUMBER */
	"SELECT id, number, title_pt, title_en, period_start, period_end, published, "
	"cocreation_pt, cocreation_en, summary_pt, summary_en, document_url, status, "
	"substr(updated_at, 1, 10) FROM action_plan WHERE number = ?1",
	/* ST_PLAN_COMMITMENTS */
	"SELECT c.id, c.ogp_id, c.number, c.title_pt, c.title_en, c.self_status, "
	"c.end_date, " MS_AGG " FROM commitment c "
	"LEFT JOIN milestone m ON m.commitment_id = c.id WHERE c.plan_id = ?1 "
	"GROUP BY c.id ORDER BY c.number, c.ogp_id",
	/* ST_PLAN_LEADS */
	"SELECT ce.commitment_id, e.slug, e.acronym, e.name_pt, e.name_en "
	"FROM commitment c JOIN commitment_entity ce ON ce.commitment_id = c.id "
	"AND ce.role = 'lead' JOIN entity e ON e.id = ce.entity_id WHERE c.plan_id = ?1 "
	"ORDER BY ce.commitment_id, ce.position",
	/* ST_ROLLUP */
	"SELECT c.plan_id, c.id, " MS_AGG " FROM commitment c "
	"LEFT JOIN milestone m ON m.commitment_id = c.id GROUP BY c.id ORDER BY c.plan_id",
	/* ST_PLAN_LINKS */
	"SELECT kind, " LINK_URL ", label_pt, label_en FROM link WHERE plan_id = ?1 "
	"ORDER BY position, id",
	/* ST_COMMITMENT */
	"SELECT c.id, c.ogp_id, c.number, c.title_pt, c.title_en, c.summary_pt, "
	"c.summary_en, c.problem_pt, c.problem_en, c.start_date, c.end_date, "
	"c.self_status, c.self_status_date, c.irm_verifiable, c.irm_relevant, "
	"c.irm_ambition, c.irm_potential_impact, c.irm_potential_results, "
	"c.irm_promising, c.irm_completion, c.irm_diog, c.irm_early_results, "
	"c.irm_starred, c.cluster_pt, c.cluster_en, c.note_pt, c.note_en, "
	"substr(c.updated_at, 1, 10), p.number, p.title_pt, p.title_en "
	"FROM commitment c JOIN action_plan p ON p.id = c.plan_id WHERE c.ogp_id = ?1",
	/* ST_COMMITMENT_ENTITIES */
	"SELECT ce.role, e.slug, e.acronym, e.name_pt, e.name_en "
	"FROM commitment_entity ce JOIN entity e ON e.id = ce.entity_id "
	"WHERE ce.commitment_id = ?1 ORDER BY ce.role, ce.position",
	/* ST_COMMITMENT_VALUES */
	"SELECT value FROM commitment_value WHERE commitment_id = ?1 ORDER BY value",
	/* ST_COMMITMENT_AREAS */
	"SELECT pa.slug, pa.name_pt, pa.name_en FROM commitment_policy_area cpa "
	"JOIN policy_area pa ON pa.id = cpa.policy_area_id "
	"WHERE cpa.commitment_id = ?1 ORDER BY pa.name_en",
	/* ST_COMMITMENT_LINKS */
	"SELECT kind, " LINK_URL ", label_pt, label_en FROM link WHERE commitment_id = ?1 "
	"ORDER BY position, id",
	/* ST_MILESTONES */
	"SELECT id, position, title_pt, title_en, planned_start, planned_end, "
	"completed_on, status, progress, progress_as_of, progress_source, "
	"substr(updated_at, 1, 10) FROM milestone WHERE commitment_id = ?1 "
	"ORDER BY position",
	/* ST_MILESTONE_LINKS */
	"SELECT l.milestone_id, coalesce(l.url, '/uploads/' || l.upload_sha), l.label_pt, "
	"l.label_en FROM milestone m "
	"JOIN link l ON l.milestone_id = m.id WHERE m.commitment_id = ?1 "
	"ORDER BY m.position, l.position, l.id",
	/* ST_ENTITIES */
	"SELECT id, slug, acronym, name_pt, name_en, kind, is_member, member_since, "
	"member_until, note_pt, note_en FROM entity "
	"ORDER BY is_member DESC, CASE kind WHEN 'public' THEN 0 WHEN 'civil_society' THEN 1 "
	"WHEN 'academia' THEN 2 WHEN 'private' THEN 3 ELSE 4 END, "
	"coalesce(name_pt, name_en, acronym)",
	/* ST_ENTITY */
	"SELECT id, slug, acronym, name_pt, name_en, kind, website, is_member, "
	"member_since, member_until, description_pt, description_en, note_pt, note_en, "
	"source_url, substr(updated_at, 1, 10) FROM entity WHERE slug = ?1",
	/* ST_ENTITY_COMMITMENTS */
	"SELECT ce.role, c.ogp_id, c.title_pt, c.title_en, c.self_status, p.number, "
	MS_AGG " FROM commitment_entity ce JOIN commitment c ON c.id = ce.commitment_id "
	"JOIN action_plan p ON p.id = c.plan_id "
	"LEFT JOIN milestone m ON m.commitment_id = c.id WHERE ce.entity_id = ?1 "
	"GROUP BY ce.role, c.id ORDER BY ce.role, p.number, c.number",
	/* ST_ENTITY_LINKS */
	"SELECT kind, " LINK_URL ", label_pt, label_en FROM link WHERE entity_id = ?1 "
	"ORDER BY position, id",
	/* ST_EVENTS */
	"SELECT id, title_pt, title_en, kind, start_date, end_date, date_note_pt, "
	"date_note_en, place_pt, place_en, online, organiser FROM event "
	"ORDER BY start_date IS NULL, start_date DESC, id DESC",
	/* ST_EVENTS_UPCOMING */
	"SELECT id, title_pt, title_en, kind, start_date, end_date, date_note_pt, "
	"date_note_en, place_pt, place_en, online, organiser FROM event "
	"WHERE coalesce(end_date, start_date) >= ?1 ORDER BY start_date, id LIMIT ?2",
	/* ST_EVENT */
	"SELECT id, title_pt, title_en, kind, start_date, end_date, date_note_pt, "
	"date_note_en, place_pt, place_en, online, organiser, url, description_pt, "
	"description_en, substr(updated_at, 1, 10) FROM event WHERE id = ?1",
	/* ST_EVENT_LINKS */
	"SELECT kind, " LINK_URL ", label_pt, label_en FROM link WHERE event_id = ?1 "
	"ORDER BY position, id",
	/* ST_PAGE */
	"SELECT title_pt, title_en, body_pt, body_en, substr(updated_at, 1, 10) "
	"FROM page WHERE slug = ?1",
	/* ST_COUNTS */
	"SELECT (SELECT count(*) FROM entity WHERE is_member = 1), "
	"(SELECT count(*) FROM action_plan), (SELECT count(*) FROM commitment)",
	/* ST_HISTORY_COMMITMENT */
	"SELECT " HIST_COLS " WHERE r.commitment_id = ?1 ORDER BY r.change_id DESC, r.id LIMIT 5000",
	/* ST_HISTORY_PLAN */
	"SELECT " HIST_COLS " WHERE r.plan_id = ?1 ORDER BY r.change_id DESC, r.id LIMIT 5000",
	/* ST_FEED_CHANGES: ?1 plan, ?2 commitment, ?3 body, ?4 OGP value, ?5 limit */
	"SELECT r.id, r.at, c.ogp_id, r.tbl, r.field, r.before, r.after FROM revision r "
	"JOIN commitment c ON c.id = r.commitment_id "
	"WHERE ((r.tbl = 'commitment' AND r.op = 'create' AND r.field IS NULL) OR "
	"r.field IN ('self_status', 'status', 'progress')) "
	"AND (?1 IS NULL OR r.plan_id = ?1) AND (?2 IS NULL OR r.commitment_id = ?2) "
	"AND (?3 IS NULL OR r.commitment_id IN (SELECT commitment_id FROM commitment_entity "
	"WHERE entity_id = ?3)) AND (?4 IS NULL OR r.commitment_id IN (SELECT commitment_id "
	"FROM commitment_value WHERE value = ?4)) ORDER BY r.id DESC LIMIT ?5",
	/* ST_FEED_EVENTS */
	"SELECT id, title_pt, title_en, start_date, updated_at FROM event "
	"ORDER BY id DESC LIMIT ?1",
	/* ST_SITEMAP */
	"SELECT 'plans', number, substr(updated_at, 1, 10) FROM action_plan UNION ALL "
	"SELECT 'commitments', ogp_id, substr(updated_at, 1, 10) FROM commitment UNION ALL "
	"SELECT 'members', slug, substr(updated_at, 1, 10) FROM entity UNION ALL "
	"SELECT 'events', id, substr(updated_at, 1, 10) FROM event",
	/* ST_MS_CURRENT */
	"SELECT id, progress FROM milestone WHERE commitment_id = ?1 ORDER BY id",
	/* ST_MS_PROGRESS_REVS */
	"SELECT row_id, at, before FROM revision WHERE commitment_id = ?1 AND tbl = 'milestone' "
	"AND field = 'progress' ORDER BY id DESC LIMIT 200",
};

static sqlite3_stmt	*stmts[ST__MAX];
static int		 failed;
static char		 failmsg[256];

int
db_step(sqlite3_stmt *s)
{
	int	 rc = sqlite3_step(s);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	failed = (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) ? 2 : 1;
	snprintf(failmsg, sizeof failmsg, "%s", sqlite3_errmsg(sqlite3_db_handle(s)));
	return SQLITE_DONE;
}

int
db_failed(void)
{
	return failed;
}

const char *
db_last_error(void)
{
	return failmsg;
}

void
db_failed_set(void)
{
	failed = 1;
}

void
db_clear_error(void)
{
	failed = 0;
	failmsg[0] = '\0';
}

sqlite3 *
db_open(const char *path, int rw, char *err, size_t errlen)
{
	sqlite3	*db = NULL;
	/* A reader is opened read-write but query-only: a SQLITE_OPEN_READONLY connection
	 * that finds no -shm file cannot create one and then misses other processes'
	 * commits to the WAL. */
	int	 flags = rw ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE;

	if (sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open database %s: %s", path,
		    db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 5000);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 4000000);
	sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 200000);
	sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, 100);
	if (sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK ||
	    (!rw && sqlite3_exec(db, "PRAGMA query_only = ON", NULL, NULL, NULL) != SQLITE_OK) ||
	    (rw && sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL",
	    NULL, NULL, NULL) != SQLITE_OK)) {
		snprintf(err, errlen, "cannot configure database %s: %s", path,
		    sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

int
db_version(sqlite3 *db)
{
	sqlite3_stmt	*s;
	int		 v = -1;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE name = "
	    "'schema_version'", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 0)
		v = 0;
	sqlite3_finalize(s);
	if (v == 0)
		return 0;
	if (sqlite3_prepare_v2(db, "SELECT coalesce(max(version), 0) FROM schema_version",
	    -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

int
db_latest_version(void)
{
	return (int)sql_migration_count;
}

/* Applies migration number v (1-based) inside the open transaction.  Returns 0 or -1. */
static int
apply_one(sqlite3 *db, int v, char *err, size_t errlen)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_exec(db, sql_migrations[v - 1], NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "migration %d failed: %s", v, sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_prepare_v2(db, "INSERT INTO schema_version (version) VALUES (?1)", -1,
	    &s, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "migration %d: %s", v, sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_int(s, 1, v);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "migration %d: %s", v, sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

int
db_migrate(sqlite3 *db, char *err, size_t errlen)
{
	int	 v, applied = 0;

	if (sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS schema_version ("
	    "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT "
	    "(strftime('%Y-%m-%dT%H:%M:%SZ','now')))", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot create schema_version: %s", sqlite3_errmsg(db));
		return -1;
	}
	for (;;) {
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
			snprintf(err, errlen, "cannot lock database: %s", sqlite3_errmsg(db));
			return -1;
		}
		/* Read again inside the lock: another process may have migrated. */
		if ((v = db_version(db)) < 0 || v > db_latest_version()) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			snprintf(err, errlen, "database schema version %d is unknown to this "
			    "program (latest %d)", v, db_latest_version());
			return -1;
		}
		if (v == db_latest_version()) {
			sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
			return applied;
		}
		if (apply_one(db, v + 1, err, errlen) != 0 ||
		    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		applied++;
	}
}

int
db_prepare_all(sqlite3 *db, char *err, size_t errlen)
{
	int	 i;

	for (i = 0; i < ST__MAX; i++)
		if (sqlite3_prepare_v3(db, sqls[i], -1, SQLITE_PREPARE_PERSISTENT, &stmts[i],
		    NULL) != SQLITE_OK) {
			snprintf(err, errlen, "statement %d failed to prepare: %s", i,
			    sqlite3_errmsg(db));
			return -1;
		}
	return 0;
}

sqlite3_stmt *
db_stmt(enum stmt id)
{
	sqlite3_reset(stmts[id]);
	sqlite3_clear_bindings(stmts[id]);
	return stmts[id];
}

void
db_reset_all(void)
{
	int	 i;

	for (i = 0; i < ST__MAX; i++)
		if (stmts[i] != NULL)
			sqlite3_reset(stmts[i]);
}

void
db_finalize_all(void)
{
	int	 i;

	for (i = 0; i < ST__MAX; i++) {
		sqlite3_finalize(stmts[i]);
		stmts[i] = NULL;
	}
}

const char *
db_sql(enum stmt id)
{
	return sqls[id];
}

const char *
db_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}
