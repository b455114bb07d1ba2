/* load: the SQL of the content loader (see load.h).  Upserts compare old and new values
 * first, so a row that would not change is not written and the content_version
 * triggers do not fire. */
#include <stdio.h>

#include "store/load.h"
#include "store/stmt.h"

#define SQL_NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
/* "col = COALESCE(excluded.col, col)": a NULL from the file keeps the stored value. */
#define KEEP(c) c " = COALESCE(excluded." c ", " c ")"
/* The value KEEP(c) would store, for the "does anything change" test. */
#define NEWV(c) "COALESCE(excluded." c ", " c ")"

/* The SQL texts as they read best, one a statement (not reflowed). */
/* clang-format off */
static const char *const load_sql[LD__MAX] = {
	"SELECT id FROM entity WHERE slug = ?1", /* LD_ENTITY_BY_SLUG */
	"SELECT id FROM entity WHERE acronym = ?1"
	" ORDER BY is_member DESC, id LIMIT 1", /* LD_ENTITY_BY_ACRONYM */
	"SELECT id FROM entity WHERE name_en = ?1 OR name_pt = ?1"
	" ORDER BY is_member DESC, id LIMIT 1", /* LD_ENTITY_BY_NAME */
	"INSERT INTO entity (slug, acronym, name_pt, name_en, kind, is_member,"
	" note_en, source_url) VALUES (?1, ?2, ?3, ?4, COALESCE(?5, 'other'), ?6,"
	" ?7, ?8)", /* LD_ENTITY_INSERT */
	"UPDATE entity SET acronym = COALESCE(?2, acronym),"
	" name_pt = COALESCE(?3, name_pt), name_en = COALESCE(?4, name_en),"
	" kind = COALESCE(?5, kind), is_member = ?6, note_en = COALESCE(?7, note_en),"
	" source_url = COALESCE(?8, source_url), updated_at = " SQL_NOW
	" WHERE id = ?1 AND (COALESCE(?2, acronym), COALESCE(?3, name_pt),"
	" COALESCE(?4, name_en), COALESCE(?5, kind), ?6, COALESCE(?7, note_en),"
	" COALESCE(?8, source_url)) IS NOT (acronym, name_pt, name_en, kind,"
	" is_member, note_en, source_url)", /* LD_ENTITY_UPDATE */
	"UPDATE entity SET name_pt = ?2, updated_at = " SQL_NOW
	" WHERE id = ?1 AND (name_pt IS NULL OR name_pt IS acronym)"
	" AND name_pt IS NOT ?2", /* LD_ENTITY_FILL_PT */
	"UPDATE entity SET name_en = ?2, updated_at = " SQL_NOW
	" WHERE id = ?1 AND (name_en IS NULL OR name_en IS acronym)"
	" AND name_en IS NOT ?2", /* LD_ENTITY_FILL_EN */
	"INSERT INTO action_plan (number, title_pt, title_en, period_start,"
	" period_end, published, summary_en, document_url, status,"
	" cocreation_pt, cocreation_en, summary_pt)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
	" ON CONFLICT (number) DO UPDATE SET " KEEP("title_pt") ", " KEEP("title_en") ", " KEEP("pe"
												"ri"
												"od"
												"_s"
												"ta"
												"r"
												"t") ", " KEEP(
	    "period_end") ", " KEEP("published") ", " KEEP("summary_en") ", " KEEP("document_url") ", " KEEP("status") ", " KEEP("cocreation_pt") ", " KEEP("cocreation_en") ", " KEEP("summary_pt") ", updated_at = " SQL_NOW " WHERE (" NEWV("title_pt") ", " NEWV("title_en") ", " NEWV("period_start") ", " NEWV("period_end") ", " NEWV("published") ", " NEWV("summary_en") ", " NEWV("document_url") ", " NEWV("status") ", " NEWV("cocreation_pt") ", " NEWV("cocreation_en") ", " NEWV("summary_pt") ") IS NOT (title_pt, title_en, period_start, period_end, published,"
																																																													      " summary_en, document_url, status, cocreation_pt, cocreation_en,"
																																																													      " summary_pt)", /* LD_PLAN_UPSERT */
	"SELECT id FROM action_plan WHERE number = ?1", /* LD_PLAN_ID */
	"INSERT INTO commitment (ogp_id, plan_id, number, title_pt, title_en,"
	" summary_pt, summary_en, start_date, end_date, irm_verifiable,"
	" irm_relevant, irm_ambition, irm_potential_impact, irm_potential_results,"
	" irm_promising, irm_completion, irm_diog, irm_early_results, irm_starred,"
	" cluster_en, note_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	" ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
	" ON CONFLICT (ogp_id) DO UPDATE SET plan_id = excluded.plan_id, " KEEP("number") ", " KEEP("title_pt") ", " KEEP(
	    "title_en") ", " KEEP("summary_pt") ", " KEEP("summary_en") ", " KEEP("start_date") ","
												" " KEEP("end_date") ", " KEEP("irm_verifiable") ", " KEEP("irm_relevant") ", " KEEP("irm_ambition") ", " KEEP("irm_potential_impact") ", " KEEP("irm_potential_results") ", " KEEP("irm_promising") ", " KEEP("irm_completion") ", " KEEP("irm_diog") ", " KEEP("irm_early_results") ", " KEEP("irm_starred") ", " KEEP("cluster_en") ", " KEEP("note_en") ", updated_at = " SQL_NOW
																																																							    " WHERE (excluded.plan_id, " NEWV("number") ", " NEWV("title_pt") ", " NEWV(
																																																								"title_en") ", " NEWV("summary_pt") ", " NEWV("summary_en") ", " NEWV("start_date") ", " NEWV("end_date") ", " NEWV("irm_verifiable") ", " NEWV("irm_relevant") ", " NEWV("irm_ambition") ", " NEWV("irm_potential_impact") ", " NEWV("irm_potential_results") ", " NEWV("irm_promising") ", " NEWV("irm_completion") ", " NEWV("irm_diog") ", " NEWV("irm_early_results") ", " NEWV("irm_starred") ", " NEWV("cluster_en") ", " NEWV("note_en") ") IS NOT (plan_id, number, title_pt, title_en, summary_pt, summary_en,"
																																																																																																														 " start_date, end_date, irm_verifiable, irm_relevant, irm_ambition,"
																																																																																																														 " irm_potential_impact, irm_potential_results, irm_promising,"
																																																																																																														 " irm_completion, irm_diog, irm_early_results, irm_starred, cluster_en,"
																																																																																																														 " note_en)", /* LD_COMMITMENT_UPSERT */
	"SELECT id FROM commitment WHERE ogp_id = ?1", /* LD_COMMITMENT_ID */
	"INSERT INTO commitment_entity (commitment_id, entity_id, role, position)"
	" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (commitment_id, entity_id, role)"
	" DO UPDATE SET position = excluded.position"
	" WHERE position IS NOT excluded.position", /* LD_COMMITMENT_ENTITY */
	"INSERT INTO commitment_value (commitment_id, value) VALUES (?1, ?2)"
	" ON CONFLICT DO NOTHING", /* LD_COMMITMENT_VALUE */
	"INSERT INTO policy_area (slug, name_pt, name_en) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (slug) DO UPDATE SET " KEEP("name_pt") ", " KEEP("name_en") " WHERE (" NEWV(
	    "name_pt") ", " NEWV("name_en") ") IS NOT (name_pt, name_en)", /* LD_AREA_UPSERT */
	"SELECT id FROM policy_area WHERE slug = ?1",                      /* LD_AREA_ID */
	"INSERT INTO commitment_policy_area (commitment_id, policy_area_id)"
	" VALUES (?1, ?2) ON CONFLICT DO NOTHING", /* LD_COMMITMENT_AREA */
	"INSERT INTO milestone (commitment_id, position, title_pt, title_en,"
	" planned_start, planned_end, status, progress, progress_source)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	" ON CONFLICT (commitment_id, position) DO UPDATE SET " KEEP("title_pt") ", " KEEP("title_"
											   "en") ","
												 " " KEEP(
												     "planned_start") ", " KEEP("planned_end") ", " KEEP("status") ", " KEEP("progress") ", " KEEP("progress_source") ", updated_at = " SQL_NOW " WHERE (" NEWV("title_pt") ", " NEWV("title_en") ", " NEWV("planned_start") ", " NEWV("planned_end") ", " NEWV("status") ", " NEWV("progress") ", " NEWV("progress_source") ") IS NOT (title_pt, title_en, planned_start, planned_end, status,"
																																																			     " progress, progress_source)", /* LD_MILESTONE_UPSERT */
	"SELECT id FROM link WHERE kind = ?1 AND url = ?2 AND plan_id IS ?3"
	" AND commitment_id IS ?4 AND milestone_id IS ?5 AND entity_id IS ?6"
	" AND event_id IS ?7 ORDER BY id LIMIT 1", /* LD_LINK_FIND */
	"INSERT INTO link (kind, url, plan_id, commitment_id, milestone_id,"
	" entity_id, event_id, position)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", /* LD_LINK_INSERT */
	"UPDATE link SET position = ?2 WHERE id = ?1"
	" AND position IS NOT ?2", /* LD_LINK_POSITION */
	"SELECT id FROM event WHERE COALESCE(title_en, title_pt) = ?1"
	" AND start_date IS ?2 ORDER BY id LIMIT 1", /* LD_EVENT_FIND */
	"INSERT INTO event (title_en, kind, start_date, end_date, date_note_en,"
	" place_en, online, organiser, url)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", /* LD_EVENT_INSERT */
	"UPDATE event SET title_en = COALESCE(?1, title_en), kind = ?2,"
	" end_date = COALESCE(?4, end_date),"
	" date_note_en = COALESCE(?5, date_note_en),"
	" place_en = COALESCE(?6, place_en), online = COALESCE(?7, online),"
	" organiser = COALESCE(?8, organiser), url = COALESCE(?9, url),"
	" updated_at = " SQL_NOW " WHERE id = ?10 AND ?3 IS start_date"
	" AND (COALESCE(?1, title_en), ?2, COALESCE(?4, end_date),"
	" COALESCE(?5, date_note_en), COALESCE(?6, place_en),"
	" COALESCE(?7, online), COALESCE(?8, organiser), COALESCE(?9, url))"
	" IS NOT (title_en, kind, end_date, date_note_en, place_en, online,"
	" organiser, url)", /* LD_EVENT_UPDATE */
	"INSERT INTO page (slug, title_pt, title_en, body_pt, body_en)"
	" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (slug) DO UPDATE SET " KEEP("title_pt") ", " KEEP("title_en") ", " KEEP(
	    "body_pt") ", " KEEP("body_en") ", updated_at = " SQL_NOW
					    " WHERE (" NEWV("title_pt") ", " NEWV(
						"title_en") ", " NEWV("body_pt") ", " NEWV("body_"
											   "en") ")"
												 " "
												 "I"
												 "S"
												 " "
												 "N"
												 "O"
												 "T"
												 " "
												 "("
												 "t"
												 "i"
												 "t"
												 "l"
												 "e"
												 "_"
												 "p"
												 "t"
												 ","
												 " "
												 "t"
												 "i"
												 "t"
												 "l"
												 "e"
												 "_"
												 "e"
												 "n"
												 ","
												 " "
												 "b"
												 "o"
												 "d"
												 "y"
												 "_"
												 "p"
												 "t"
												 ","
												 " "
												 "b"
												 "o"
												 "d"
												 "y"
												 "_"
												 "e"
												 "n"
												 ")", /* LD_PAGE_UPSERT */
};
/* clang-format on */

STORE_TABLE(store_load, "load", STORE_RW, LD__MAX, load_sql);

sqlite3_stmt *
load_stmt(enum load_stmt id)
{
	return store_stmt(&store_load, id);
}

struct binder
load_bind(enum load_stmt id)
{
	struct binder b = { load_stmt(id), SQLITE_OK };

	return b;
}

void
load_bind_text(struct binder *b, int i, const char *s)
{
	int rc = s == NULL ? sqlite3_bind_null(b->st, i)
			   : sqlite3_bind_text(b->st, i, s, -1, SQLITE_TRANSIENT);

	if (b->rc == SQLITE_OK)
		b->rc = rc;
}

void
load_bind_int(struct binder *b, int i, long long v)
{
	int rc = v < 0 ? sqlite3_bind_null(b->st, i) : sqlite3_bind_int64(b->st, i, v);

	if (b->rc == SQLITE_OK)
		b->rc = rc;
}

int
load_run(struct binder *b, long long *id, char *err, size_t errlen)
{
	int rc = b->rc;

	*id = 0;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(b->st);
		if (rc == SQLITE_ROW)
			*id = sqlite3_column_int64(b->st, 0);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		snprintf(err, errlen, "%s", sqlite3_errmsg(sqlite3_db_handle(b->st)));
	sqlite3_reset(b->st);
	sqlite3_clear_bindings(b->st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

long long
load_last_id(void)
{
	return sqlite3_last_insert_rowid(sqlite3_db_handle(store_load.st[LD_ENTITY_INSERT]));
}
