/* public: the statements of the public pages and the open data (enum stmt in db.h), read
 * on the worker's read-only connection. */
#include "store/db.h"
#include "store/stmt.h"

/* Milestone aggregates that feed the progress formula (see progress.h): count of
 * milestones, count with progress, sum of progress, latest and earliest date of the
 * figures and the count of figures without a date, of commitment c.  Kept per commitment by the triggers of migration 8 (no row: no
 * milestones), so a page reads one row per commitment instead of its milestones. */
#define MS_AGG \
	"coalesce(a.total, 0), coalesce(a.known, 0), coalesce(a.sum, 0.0), a.as_of, " \
	"a.as_of_min, coalesce(a.undated, 0)"
#define MS_JOIN "LEFT JOIN commitment_progress a ON a.commitment_id = c.id"

/* A revision row as the History pages show it: change, time, actor, reviewer, table,
 * row, operation, field, before, after, milestone position, OGP id, staff id, and the
 * body of a member editor. */
#define HIST_COLS \
	"r.change_id, r.at, r.actor, r.approved_by, r.tbl, r.row_id, r.op, " \
	"r.field, r.before, r.after, m.position, c.ogp_id, r.staff_id, " \
	"CASE WHEN s.role = 'member' THEN coalesce(e.acronym, e.name_pt, e.name_en) END " \
	"FROM revision r LEFT JOIN milestone m ON r.tbl = 'milestone' AND m.id = r.row_id " \
	"LEFT JOIN commitment c ON c.id = r.commitment_id " \
	"LEFT JOIN staff s ON s.id = r.staff_id LEFT JOIN entity e ON e.id = s.entity_id"

/* A link's address: its outside URL, or the site's copy of an uploaded document. */
#define LINK_ADDR "coalesce(url, '/uploads/' || upload_sha)"

/* Search and the commitments listing (facet.h): ?1 the FTS5 query (NULL: none), ?2 the
 * page language, ?3-?8 the facets (NULL: not filtered), ?9 today (YYYY-MM-DD).  Each
 * facet filter on commitment c is a fixed clause skipped when its parameter is NULL. */
#define F_PLAN \
	"(?3 IS NULL OR c.plan_id = (SELECT fp.id FROM action_plan fp " \
	"WHERE fp.number = ?3))"
#define F_STATUS "(?4 IS NULL OR coalesce(c.self_status, 'none') = ?4)"
#define F_LEAD \
	"(?5 IS NULL OR EXISTS (SELECT 1 FROM commitment_entity fce JOIN entity fe " \
	"ON fe.id = fce.entity_id WHERE fce.commitment_id = c.id AND fce.role = 'lead' " \
	"AND fe.slug = ?5))"
#define F_VALUE \
	"(?6 IS NULL OR EXISTS (SELECT 1 FROM commitment_value fcv " \
	"WHERE fcv.commitment_id = c.id AND fcv.value = ?6))"
#define F_AREA \
	"(?7 IS NULL OR EXISTS (SELECT 1 FROM commitment_policy_area fca " \
	"JOIN policy_area fpa ON fpa.id = fca.policy_area_id WHERE fca.commitment_id = c.id " \
	"AND fpa.slug = ?7))"
/* An overdue milestone of commitment c, by the rule of progress_overdue (lib/progress.h):
 * its planned_end (YYYY, YYYY-MM or YYYY-MM-DD) is before today at its own precision,
 * so the whole year, month or day is over (today's first length(planned_end) characters
 * sort after it), and it is neither at progress 100 nor of status complete. */
#define OVERDUE_MS \
	"EXISTS (SELECT 1 FROM milestone om WHERE om.commitment_id = c.id " \
	"AND om.planned_end IS NOT NULL AND length(om.planned_end) IN (4, 7, 10) " \
	"AND substr(?9, 1, length(om.planned_end)) > om.planned_end " \
	"AND coalesce(om.progress, -1) <> 100 AND coalesce(om.status, '') <> 'complete')"
#define F_LATE "(?8 IS NULL OR " OVERDUE_MS ")"
#define F_ALL  F_PLAN " AND " F_STATUS " AND " F_LEAD " AND " F_VALUE " AND " F_AREA " AND " F_LATE
/* The commitment of a search row: itself, or a milestone's; NULL for other kinds. */
#define S_CID \
	"CASE kind WHEN 'commitment' THEN ref WHEN 'milestone' THEN " \
	"(SELECT ms.commitment_id FROM milestone ms WHERE ms.id = ref) END"
/* The hits of ?1, one per record: its best score in either language, and the row shown
 * (one with a title first, then the page language).  sel: those the facets keep (any
 * facet keeps only commitments and milestones). */
#define S_RES \
	"WITH hit AS (SELECT rowid AS rid, kind, ref, lang, " \
	"bm25(search, 0.0, 0.0, 0.0, 4.0, 1.0) AS score, coalesce(title, '') = '' AS untitled " \
	"FROM search WHERE search MATCH ?1), " \
	"best AS (SELECT rid, kind, ref, row_number() OVER (PARTITION BY kind, ref " \
	"ORDER BY untitled, lang <> ?2, score, rid) AS rn, " \
	"min(score) OVER (PARTITION BY kind, ref) AS best_score FROM hit), " \
	"res AS (SELECT rid, best_score AS score, " S_CID " AS cid FROM best WHERE rn = 1), " \
	"sel AS (SELECT rid, score, cid FROM res WHERE coalesce(?3, ?4, ?5, ?6, ?7, ?8) IS NULL " \
	"OR cid IN (SELECT c.id FROM commitment c WHERE " F_ALL ")) "
/* The commitments whose own text or one of whose milestones matches ?1 (all without). */
#define L_MATCH \
	"(?1 IS NULL OR c.id IN (SELECT " S_CID " FROM search " \
	"WHERE search MATCH ?1 AND kind IN ('commitment', 'milestone')))"
/* Facet counts over r(cid), one row per value: group (enum facet), code, label_pt,
 * label_en, acronym, count, order, confidence (a lead body: the least sure of its lead
 * roles counted, NULL when all are confirmed).  Each group is counted with the other
 * facets applied and its own left out, so that its other values show what choosing them
 * would give. */
#define FACET_COUNTS \
	"SELECT 0, CAST(p.number AS TEXT), p.period_start, p.period_end, NULL, count(*), " \
	"p.number, NULL FROM r JOIN commitment c ON c.id = r.cid JOIN action_plan p ON p.id = " \
	"c.plan_id " \
	"WHERE " F_STATUS " AND " F_LEAD " AND " F_VALUE " AND " F_AREA " AND " F_LATE \
	" GROUP BY p.id " \
	"UNION ALL SELECT 1, coalesce(c.self_status, 'none'), NULL, NULL, NULL, count(*), " \
	"CASE coalesce(c.self_status, 'none') WHEN 'complete' THEN 1 WHEN 'substantial' THEN 2 " \
	"WHEN 'limited' THEN 3 WHEN 'not_started' THEN 4 WHEN 'no_evidence' THEN 5 " \
	"WHEN 'withdrawn' THEN 6 ELSE 7 END, NULL FROM r JOIN commitment c ON c.id = r.cid " \
	"WHERE " F_PLAN " AND " F_LEAD " AND " F_VALUE " AND " F_AREA " AND " F_LATE \
	" GROUP BY coalesce(c.self_status, 'none') " \
	"UNION ALL SELECT 2, e.slug, e.name_pt, e.name_en, e.acronym, count(*), -count(*), " \
	"CASE WHEN max(ce.confidence = 'inferred') THEN 'inferred' " \
	"WHEN max(ce.confidence = 'unconfirmed') THEN 'unconfirmed' END " \
	"FROM r JOIN commitment c ON c.id = r.cid JOIN commitment_entity ce " \
	"ON ce.commitment_id = c.id AND ce.role = 'lead' JOIN entity e ON e.id = ce.entity_id " \
	"WHERE " F_PLAN " AND " F_STATUS " AND " F_VALUE " AND " F_AREA " AND " F_LATE \
	" GROUP BY e.id " \
	"UNION ALL SELECT 3, v.value, NULL, NULL, NULL, count(*), 0, NULL FROM r " \
	"JOIN commitment c ON c.id = r.cid JOIN commitment_value v ON v.commitment_id = c.id " \
	"WHERE " F_PLAN " AND " F_STATUS " AND " F_LEAD " AND " F_AREA " AND " F_LATE \
	" GROUP BY v.value " \
	"UNION ALL SELECT 4, pa.slug, pa.name_pt, pa.name_en, NULL, count(*), -count(*), NULL " \
	"FROM r JOIN commitment c ON c.id = r.cid JOIN commitment_policy_area ca " \
	"ON ca.commitment_id = c.id JOIN policy_area pa ON pa.id = ca.policy_area_id " \
	"WHERE " F_PLAN " AND " F_STATUS " AND " F_LEAD " AND " F_VALUE " AND " F_LATE \
	" GROUP BY pa.id " \
	"UNION ALL SELECT 5, 'overdue', NULL, NULL, NULL, count(*), 0, NULL FROM r " \
	"JOIN commitment c ON c.id = r.cid WHERE " F_PLAN " AND " F_STATUS " AND " F_LEAD \
	" AND " F_VALUE " AND " F_AREA " AND " OVERDUE_MS " HAVING count(*) > 0 "

/* The public columns of a submission: id, kind, status, author, organisation, title,
 * problem, body, reason_pt, reason_en, outcome, the OGP id and titles of the commitment
 * it became, answer_pt, answer_en, confirmed_at, lang.  Never the email. */
#define SUB_COLS \
	"s.id, s.kind, s.status, s.author, s.organisation, s.title, s.problem, " \
	"s.body, s.reason_pt, s.reason_en, s.outcome, mc.ogp_id, mc.title_pt, mc.title_en, " \
	"s.answer_pt, s.answer_en, s.confirmed_at, s.lang FROM submission s " \
	"LEFT JOIN commitment mc ON mc.id = s.merged_commitment_id"

/* A submission in the open data (export_submission_row): rejected ones without their
 * text; never the email.  Ends inside the WHERE clause. */
#define X_SUB_COLS \
	"s.id, s.kind, s.consultation_id, c.ogp_id, s.lang, s.status, " \
	"CASE WHEN s.status = 'published' THEN s.author END, " \
	"CASE WHEN s.status = 'published' THEN s.organisation END, " \
	"CASE WHEN s.status = 'published' THEN s.title END, " \
	"CASE WHEN s.status = 'published' THEN s.problem END, " \
	"CASE WHEN s.status = 'published' THEN s.body END, s.reason_pt, s.reason_en, " \
	"CASE WHEN s.kind = 'proposal' AND s.status = 'published' THEN s.outcome END, " \
	"mc.ogp_id, s.answer_pt, s.answer_en, s.confirmed_at, s.updated_at " \
	"FROM submission s LEFT JOIN commitment c ON c.id = s.commitment_id " \
	"LEFT JOIN commitment mc ON mc.id = s.merged_commitment_id " \
	"WHERE s.status IN ('published', 'rejected')"

static const char *const sqls[ST__MAX] = {
	/* ST_STATE */
	[ST_STATE] = "SELECT content_version, changed_at FROM site_state WHERE id = 1",
	/* ST_BEGIN */
	[ST_BEGIN] = "BEGIN",
	/* ST_COMMIT */
	[ST_COMMIT] = "COMMIT",
	/* ST_PLANS */
	[ST_PLANS] = "SELECT p.id, p.number, p.title_pt, p.title_en, p.period_start, p.period_end, "
		     "p.status, (SELECT count(*) FROM commitment c WHERE c.plan_id = p.id) "
		     "FROM action_plan p ORDER BY p.number",
	/* ST_PLAN_BY_NUMBER */
	[ST_PLAN_BY_NUMBER] =
	    "SELECT id, number, title_pt, title_en, period_start, period_end, published, "
	    "cocreation_pt, cocreation_en, summary_pt, summary_en, document_url, status, "
	    "substr(updated_at, 1, 10), note_pt, note_en, published_confidence FROM action_plan "
	    "WHERE number = ?1",
	/* ST_PLAN_COMMITMENTS: through the index commitment_plan. */
	[ST_PLAN_COMMITMENTS] =
	    "SELECT c.id, c.ogp_id, c.number, c.title_pt, c.title_en, c.self_status, "
	    "c.end_date, " MS_AGG ", c.title_pt_confidence, c.title_en_confidence, "
	    "c.ogp_id_confidence FROM commitment c " MS_JOIN " WHERE c.plan_id = ?1 "
	    "ORDER BY c.number, c.ogp_id",
	/* ST_PLAN_LEADS */
	[ST_PLAN_LEADS] =
	    "SELECT ce.commitment_id, e.slug, e.acronym, e.name_pt, e.name_en, ce.confidence "
	    "FROM commitment c JOIN commitment_entity ce ON ce.commitment_id = c.id "
	    "AND ce.role = 'lead' JOIN entity e ON e.id = ce.entity_id WHERE c.plan_id = ?1 "
	    "ORDER BY ce.commitment_id, ce.position",
	/* ST_ROLLUP */
	[ST_ROLLUP] = "SELECT c.plan_id, c.id, " MS_AGG " FROM commitment c " MS_JOIN " "
		      "ORDER BY c.plan_id, c.id",
	/* ST_PLAN_LINKS */
	[ST_PLAN_LINKS] =
	    "SELECT kind, " LINK_ADDR ", label_pt, label_en FROM link WHERE plan_id = ?1 "
	    "ORDER BY position, id",
	/* ST_COMMITMENT */
	[ST_COMMITMENT] =
	    "SELECT c.id, c.ogp_id, c.number, c.title_pt, c.title_en, c.summary_pt, "
	    "c.summary_en, c.problem_pt, c.problem_en, c.start_date, c.end_date, "
	    "c.self_status, c.self_status_date, c.irm_verifiable, c.irm_relevant, "
	    "c.irm_ambition, c.irm_potential_impact, c.irm_potential_results, "
	    "c.irm_promising, c.irm_completion, c.irm_diog, c.irm_early_results, "
	    "c.irm_starred, c.cluster_pt, c.cluster_en, c.note_pt, c.note_en, "
	    "substr(c.updated_at, 1, 10), p.number, p.title_pt, p.title_en "
	    "FROM commitment c JOIN action_plan p ON p.id = c.plan_id WHERE c.ogp_id = ?1",
	/* ST_COMMITMENT_ENTITIES */
	[ST_COMMITMENT_ENTITIES] = "SELECT ce.role, e.slug, e.acronym, e.name_pt, e.name_en "
				   "FROM commitment_entity ce JOIN entity e ON e.id = ce.entity_id "
				   "WHERE ce.commitment_id = ?1 ORDER BY ce.role, ce.position",
	/* ST_COMMITMENT_VALUES */
	[ST_COMMITMENT_VALUES] =
	    "SELECT value FROM commitment_value WHERE commitment_id = ?1 ORDER BY value",
	/* ST_COMMITMENT_AREAS */
	[ST_COMMITMENT_AREAS] =
	    "SELECT pa.slug, pa.name_pt, pa.name_en FROM commitment_policy_area cpa "
	    "JOIN policy_area pa ON pa.id = cpa.policy_area_id "
	    "WHERE cpa.commitment_id = ?1 ORDER BY pa.name_en",
	/* ST_COMMITMENT_LINKS */
	[ST_COMMITMENT_LINKS] =
	    "SELECT kind, " LINK_ADDR ", label_pt, label_en FROM link WHERE commitment_id = ?1 "
	    "ORDER BY position, id",
	/* ST_MILESTONES */
	[ST_MILESTONES] = "SELECT id, position, title_pt, title_en, planned_start, planned_end, "
			  "completed_on, status, progress, progress_as_of, progress_source, "
			  "substr(updated_at, 1, 10) FROM milestone WHERE commitment_id = ?1 "
			  "ORDER BY position",
	/* ST_MILESTONE_LINKS */
	[ST_MILESTONE_LINKS] =
	    "SELECT l.milestone_id, coalesce(l.url, '/uploads/' || l.upload_sha), l.label_pt, "
	    "l.label_en FROM milestone m "
	    "JOIN link l ON l.milestone_id = m.id WHERE m.commitment_id = ?1 "
	    "ORDER BY m.position, l.position, l.id",
	/* ST_ENTITIES */
	[ST_ENTITIES] =
	    "SELECT id, slug, acronym, name_pt, name_en, kind, is_member, member_since, "
	    "member_until, note_pt, note_en FROM entity "
	    "ORDER BY is_member DESC, CASE kind WHEN 'public' THEN 0 WHEN 'civil_society' THEN 1 "
	    "WHEN 'academia' THEN 2 WHEN 'private' THEN 3 ELSE 4 END, "
	    "coalesce(name_pt, name_en, acronym)",
	/* ST_ENTITY */
	[ST_ENTITY] =
	    "SELECT id, slug, acronym, name_pt, name_en, kind, website, is_member, "
	    "member_since, member_until, description_pt, description_en, note_pt, note_en, "
	    "source_url, substr(updated_at, 1, 10), member_status, member_confidence "
	    "FROM entity WHERE slug = ?1",
	/* ST_ENTITY_COMMITMENTS */
	[ST_ENTITY_COMMITMENTS] =
	    "SELECT ce.role, c.ogp_id, c.title_pt, c.title_en, c.self_status, p.number, "
	    "ce.confidence, " MS_AGG ", c.title_pt_confidence, c.title_en_confidence, "
	    "c.ogp_id_confidence FROM commitment_entity ce JOIN commitment c ON c.id = "
	    "ce.commitment_id "
	    "JOIN action_plan p ON p.id = c.plan_id " MS_JOIN " WHERE ce.entity_id = ?1 "
	    "GROUP BY ce.role, c.id ORDER BY ce.role, p.number, c.number",
	/* ST_ENTITY_LINKS */
	[ST_ENTITY_LINKS] =
	    "SELECT kind, " LINK_ADDR ", label_pt, label_en FROM link WHERE entity_id = ?1 "
	    "ORDER BY position, id",
	/* ST_EVENTS */
	[ST_EVENTS] = "SELECT id, title_pt, title_en, kind, start_date, end_date, date_note_pt, "
		      "date_note_en, place_pt, place_en, online, organiser FROM event "
		      "ORDER BY start_date IS NULL, start_date DESC, id DESC",
	/* ST_EVENTS_UPCOMING: found through event_until (migration 7), then sorted; the
	 * unary + keeps the planner from walking event_start through every past event. */
	[ST_EVENTS_UPCOMING] =
	    "SELECT id, title_pt, title_en, kind, start_date, end_date, date_note_pt, "
	    "date_note_en, place_pt, place_en, online, organiser FROM event "
	    "WHERE coalesce(end_date, start_date) >= ?1 ORDER BY +start_date, id LIMIT ?2",
	/* ST_EVENT */
	[ST_EVENT] = "SELECT id, title_pt, title_en, kind, start_date, end_date, date_note_pt, "
		     "date_note_en, place_pt, place_en, online, organiser, url, description_pt, "
		     "description_en, substr(updated_at, 1, 10) FROM event WHERE id = ?1",
	/* ST_EVENT_LINKS */
	[ST_EVENT_LINKS] =
	    "SELECT kind, " LINK_ADDR ", label_pt, label_en FROM link WHERE event_id = ?1 "
	    "ORDER BY position, id",
	/* ST_PAGE */
	[ST_PAGE] = "SELECT title_pt, title_en, body_pt, body_en, substr(updated_at, 1, 10) "
		    "FROM page WHERE slug = ?1",
	/* ST_COUNTS */
	[ST_COUNTS] = "SELECT (SELECT count(*) FROM entity WHERE is_member = 1 AND "
		      "member_status IS NOT 'likely_member'), (SELECT count(*) FROM action_plan), "
		      "(SELECT count(*) FROM commitment), (SELECT count(*) FROM entity WHERE "
		      "member_status = 'likely_member')",
	/* ST_HISTORY_COMMITMENT */
	[ST_HISTORY_COMMITMENT] =
	    "SELECT " HIST_COLS
	    " WHERE r.commitment_id = ?1 ORDER BY r.change_id DESC, r.id LIMIT 5000",
	/* ST_HISTORY_PLAN */
	[ST_HISTORY_PLAN] =
	    "SELECT " HIST_COLS " WHERE r.plan_id = ?1 ORDER BY r.change_id DESC, r.id LIMIT 5000",
	/* ST_FEED_UPDATED: the last change of a feed's record (?1 plan, ?2 commitment, ?3
	 * body, ?4 OGP value: the latest of its commitments); none: the site's last change */
	[ST_FEED_UPDATED] = "SELECT coalesce((SELECT updated_at FROM action_plan WHERE id = ?1), "
			    "(SELECT updated_at FROM commitment WHERE id = ?2), "
			    "(SELECT updated_at FROM entity WHERE id = ?3), "
			    "(SELECT max(c.updated_at) FROM commitment_value v "
			    "JOIN commitment c ON c.id = v.commitment_id WHERE v.value = ?4), "
			    "(SELECT changed_at FROM site_state WHERE id = 1))",
	/* ST_SITEMAP */
	[ST_SITEMAP] =
	    "SELECT 'plans', number, substr(updated_at, 1, 10) FROM action_plan UNION ALL "
	    "SELECT 'commitments', ogp_id, substr(updated_at, 1, 10) FROM commitment UNION ALL "
	    "SELECT 'members', slug, substr(updated_at, 1, 10) FROM entity UNION ALL "
	    "SELECT 'events', id, substr(updated_at, 1, 10) FROM event UNION ALL "
	    "SELECT 'consultations', id, substr(updated_at, 1, 10) FROM consultation UNION ALL "
	    "SELECT 'plans', p.number || '/as-of/' || s.as_of, substr(s.taken_at, 1, 10) FROM "
	    "action_plan p CROSS JOIN snapshot s ON s.plan_id = p.id",
	/* ST_MS_CURRENT */
	[ST_MS_CURRENT] = "SELECT id, progress FROM milestone WHERE commitment_id = ?1 ORDER BY id",
	/* ST_MS_PROGRESS_REVS */
	[ST_MS_PROGRESS_REVS] = "SELECT row_id, at, before FROM revision WHERE commitment_id = ?1 "
				"AND tbl = 'milestone' "
				"AND field = 'progress' ORDER BY id DESC LIMIT 200",
	/* ST_SEARCH: kind, ref, lang, title and snippet (matches between \x02 and \x03),
	 * the key of its page (plan number, OGP id, slug, event id, page slug), the
	 * position of a milestone, how sure a commitment's title in that language is, how
	 * sure the OGP id of a commitment or a milestone's commitment is.  ?10 limit, ?11
	 * offset. */
	S_RES
	"SELECT search.kind, search.ref, search.lang, "
	"highlight(search, 3, char(2), char(3)), snippet(search, 4, char(2), char(3), '…', 24), "
	"CASE search.kind WHEN 'plan' THEN (SELECT number FROM action_plan WHERE id = search.ref) "
	"WHEN 'commitment' THEN (SELECT ogp_id FROM commitment WHERE id = search.ref) "
	"WHEN 'milestone' THEN (SELECT mc.ogp_id FROM milestone mm JOIN commitment mc "
	"ON mc.id = mm.commitment_id WHERE mm.id = search.ref) "
	"WHEN 'entity' THEN (SELECT slug FROM entity WHERE id = search.ref) "
	"WHEN 'submission' THEN (SELECT coalesce('consultations/' || ss.consultation_id, "
	"'commitments/' || sc.ogp_id) || '#s' || ss.id FROM submission ss LEFT JOIN "
	"commitment sc ON sc.id = ss.commitment_id WHERE ss.id = search.ref) "
	"ELSE search.ref END, "
	"CASE search.kind WHEN 'milestone' THEN (SELECT position FROM milestone "
	"WHERE id = search.ref) END, "
	"CASE search.kind WHEN 'commitment' THEN (SELECT CASE search.lang WHEN 'pt' THEN "
	"tc.title_pt_confidence ELSE tc.title_en_confidence END FROM commitment tc "
	"WHERE tc.id = search.ref) END, "
	"CASE search.kind WHEN 'commitment' THEN (SELECT ogp_id_confidence FROM commitment "
	"WHERE id = search.ref) WHEN 'milestone' THEN (SELECT oc.ogp_id_confidence FROM "
	"milestone om JOIN commitment oc ON oc.id = om.commitment_id WHERE om.id = search.ref) "
	"END "
	"FROM (SELECT rid, score FROM sel ORDER BY score, rid LIMIT ?10 OFFSET ?11) pg "
	"JOIN search ON search.rowid = pg.rid WHERE search MATCH ?1 ORDER BY pg.score, pg.rid",
	/* ST_SEARCH_FACETS: FACET_COUNTS over the commitments and milestones found, and
	 * (group 6) the number of results. */
	[ST_SEARCH_FACETS] = S_RES
	", r AS (SELECT cid FROM res WHERE cid IS NOT NULL) " FACET_COUNTS
	"UNION ALL SELECT 6, NULL, NULL, NULL, NULL, count(*), 0, NULL FROM sel ORDER BY 1, 7, 2",
	/* ST_LISTING */
	[ST_LISTING] =
	    "SELECT c.id, c.ogp_id, c.number, c.title_pt, c.title_en, c.self_status, c.end_date, "
	    "p.number, " MS_AGG ", c.title_pt_confidence, c.title_en_confidence, "
	    "c.ogp_id_confidence FROM commitment c JOIN action_plan p ON p.id = c.plan_id " MS_JOIN
	    " WHERE " L_MATCH " AND " F_ALL " ORDER BY p.number, c.number, c.ogp_id",
	/* ST_LISTING_FACETS: FACET_COUNTS over the commitments listed, and (group 6) the
	 * number listed. */
	[ST_LISTING_FACETS] =
	    "WITH r AS (SELECT c.id AS cid FROM commitment c WHERE " L_MATCH ") " FACET_COUNTS
	    "UNION ALL SELECT 6, NULL, NULL, NULL, NULL, count(*), 0, NULL FROM r "
	    "JOIN commitment c ON c.id = r.cid WHERE " F_ALL " ORDER BY 1, 7, 2",
	/* ST_LISTING_LEADS */
	[ST_LISTING_LEADS] =
	    "SELECT ce.commitment_id, e.slug, e.acronym, e.name_pt, e.name_en, ce.confidence "
	    "FROM commitment_entity ce JOIN entity e ON e.id = ce.entity_id WHERE ce.role = 'lead' "
	    "ORDER BY ce.commitment_id, ce.position",
	/* ST_X_PLANS */
	[ST_X_PLANS] =
	    "SELECT p.id, p.number, p.title_pt, p.title_en, p.period_start, p.period_end, "
	    "p.published, p.status, p.document_url, p.cocreation_pt, p.cocreation_en, "
	    "p.summary_pt, p.summary_en, (SELECT count(*) FROM commitment c WHERE "
	    "c.plan_id = p.id), p.updated_at FROM action_plan p ORDER BY p.number",
	/* ST_X_COMMITMENTS */
	[ST_X_COMMITMENTS] =
	    "SELECT c.id, c.ogp_id, p.number, c.number, c.title_pt, c.title_en, c.summary_pt, "
	    "c.summary_en, c.problem_pt, c.problem_en, c.start_date, c.end_date, c.self_status, "
	    "c.self_status_date, c.irm_verifiable, c.irm_relevant, c.irm_ambition, "
	    "c.irm_potential_impact, c.irm_potential_results, c.irm_promising, "
	    "c.irm_completion, c.irm_diog, c.irm_early_results, c.irm_starred, c.cluster_pt, "
	    "c.cluster_en, c.note_pt, c.note_en, c.updated_at, " MS_AGG " FROM commitment c "
	    "JOIN action_plan p ON p.id = c.plan_id " MS_JOIN " "
	    "ORDER BY p.number, c.number, c.ogp_id",
	/* ST_X_MILESTONES */
	[ST_X_MILESTONES] =
	    "SELECT m.id, c.ogp_id, m.position, m.title_pt, m.title_en, m.planned_start, "
	    "m.planned_end, m.completed_on, m.status, m.progress, m.progress_as_of, "
	    "m.progress_source, m.updated_at FROM milestone m JOIN commitment c ON "
	    "c.id = m.commitment_id JOIN action_plan p ON p.id = c.plan_id "
	    "ORDER BY p.number, c.number, c.ogp_id, m.position",
	/* ST_X_EVIDENCE */
	[ST_X_EVIDENCE] =
	    "SELECT " LINK_ADDR " FROM link WHERE milestone_id = ?1 ORDER BY position, id",
	/* ST_X_ENTITIES */
	[ST_X_ENTITIES] =
	    "SELECT slug, acronym, name_pt, name_en, kind, website, is_member, member_since, "
	    "member_until, description_pt, description_en, note_pt, note_en, source_url, "
	    "updated_at FROM entity ORDER BY slug",
	/* ST_X_EVENTS */
	[ST_X_EVENTS] = "SELECT id, title_pt, title_en, kind, start_date, end_date, date_note_pt, "
			"date_note_en, place_pt, place_en, online, organiser, url, description_pt, "
			"description_en, updated_at FROM event ORDER BY id",
	/* ST_X_LINKS */
	[ST_X_LINKS] =
	    "SELECT CASE WHEN l.plan_id IS NOT NULL THEN 'plan' WHEN l.commitment_id IS NOT "
	    "NULL THEN 'commitment' WHEN l.milestone_id IS NOT NULL THEN 'milestone' WHEN "
	    "l.entity_id IS NOT NULL THEN 'entity' ELSE 'event' END, p.number, "
	    "coalesce(c.ogp_id, mc.ogp_id), m.position, e.slug, l.event_id, l.kind, "
	    "coalesce(l.url, '/uploads/' || l.upload_sha), l.label_pt, l.label_en, l.position "
	    "FROM link l LEFT JOIN action_plan p ON p.id = l.plan_id "
	    "LEFT JOIN commitment c ON c.id = l.commitment_id "
	    "LEFT JOIN milestone m ON m.id = l.milestone_id "
	    "LEFT JOIN commitment mc ON mc.id = m.commitment_id "
	    "LEFT JOIN entity e ON e.id = l.entity_id ORDER BY l.id",
	/* ST_X_POLICY_AREAS */
	[ST_X_POLICY_AREAS] = "SELECT slug, name_pt, name_en FROM policy_area ORDER BY slug",
	/* ST_X_COMMITMENT_ENTITIES */
	[ST_X_COMMITMENT_ENTITIES] =
	    "SELECT c.ogp_id, e.slug, ce.role, ce.position, ce.confidence, ce.role_pt, "
	    "ce.role_en FROM commitment_entity ce "
	    "JOIN commitment c ON c.id = ce.commitment_id JOIN entity e ON e.id = ce.entity_id "
	    "ORDER BY c.ogp_id, ce.role, ce.position, e.slug",
	/* ST_X_COMMITMENT_VALUES */
	[ST_X_COMMITMENT_VALUES] =
	    "SELECT c.ogp_id, v.value FROM commitment_value v JOIN commitment c ON "
	    "c.id = v.commitment_id ORDER BY c.ogp_id, v.value",
	/* ST_X_COMMITMENT_AREAS */
	[ST_X_COMMITMENT_AREAS] =
	    "SELECT c.ogp_id, pa.slug FROM commitment_policy_area cpa JOIN commitment c ON "
	    "c.id = cpa.commitment_id JOIN policy_area pa ON pa.id = cpa.policy_area_id "
	    "ORDER BY c.ogp_id, pa.slug",
	/* ST_X_REVISIONS */
	[ST_X_REVISIONS] =
	    "SELECT r.change_id, r.at, r.staff_id IS NULL, s.role = 'member', e.slug, "
	    "coalesce(e.acronym, e.name_pt, e.name_en), r.approved_by IS NOT NULL, r.tbl, "
	    "CASE r.tbl WHEN 'action_plan' THEN (SELECT CAST(number AS TEXT) FROM action_plan "
	    "WHERE id = r.row_id) WHEN 'commitment' THEN (SELECT ogp_id FROM commitment WHERE "
	    "id = r.row_id) WHEN 'milestone' THEN (SELECT c2.ogp_id || '/' || m2.position FROM "
	    "milestone m2 JOIN commitment c2 ON c2.id = m2.commitment_id WHERE m2.id = "
	    "r.row_id) WHEN 'entity' THEN (SELECT slug FROM entity WHERE id = r.row_id) WHEN "
	    "'event' THEN (SELECT CAST(id AS TEXT) FROM event WHERE id = r.row_id) WHEN 'page' "
	    "THEN (SELECT slug FROM page WHERE rowid = r.row_id) WHEN 'consultation' THEN "
	    "CAST(r.row_id AS TEXT) WHEN 'submission' THEN CAST(r.row_id AS TEXT) WHEN 'link' THEN "
	    "CAST(r.row_id AS TEXT) END, p.number, "
	    "c.ogp_id, "
	    "r.op, r.field, r.before, r.after FROM revision r "
	    "LEFT JOIN staff s ON s.id = r.staff_id "
	    "LEFT JOIN entity e ON e.id = s.entity_id AND s.role = 'member' "
	    "LEFT JOIN action_plan p ON p.id = r.plan_id "
	    "LEFT JOIN commitment c ON c.id = r.commitment_id ORDER BY r.id",
	/* ST_X_PAGES */
	[ST_X_PAGES] = "SELECT slug, title_pt, title_en, body_pt, body_en, updated_at FROM page "
		       "ORDER BY slug",
	/* ST_X_COMMITMENT_ROW */
	[ST_X_COMMITMENT_ROW] =
	    "SELECT c.id, c.ogp_id, c.number, c.title_pt, c.title_en, c.self_status, "
	    "c.end_date, p.number, " MS_AGG " FROM commitment c JOIN action_plan p ON "
	    "p.id = c.plan_id " MS_JOIN " WHERE c.ogp_id = ?1",
	/* ST_URL_STATE */
	[ST_URL_STATE] =
	    "SELECT (SELECT substr(broken_since, 1, 10) FROM link_check WHERE url = ?1), "
	    "(SELECT upload_sha FROM link_archive WHERE url = ?1), "
	    "(SELECT substr(fetched_at, 1, 10) FROM link_archive WHERE url = ?1)",
	/* ST_CONSULTATIONS */
	[ST_CONSULTATIONS] =
	    "SELECT k.id, k.title_pt, k.title_en, k.opens_at, k.closes_at, k.dates_only, "
	    "(SELECT count(*) FROM submission s WHERE s.consultation_id = k.id "
	    "AND s.status = 'published'), k.timezone FROM consultation k "
	    "ORDER BY k.closes_at DESC, k.id DESC",
	/* ST_CONSULTATION */
	[ST_CONSULTATION] =
	    "SELECT k.id, k.title_pt, k.title_en, k.description_pt, k.description_en, "
	    "k.questions_pt, k.questions_en, k.document_url, k.opens_at, k.closes_at, "
	    "k.dates_only, k.outcome_pt, k.outcome_en, k.outcome_url, k.source_url, "
	    "p.number, p.title_pt, p.title_en, c.ogp_id, c.title_pt, c.title_en, "
	    "substr(k.updated_at, 1, 10), k.timezone FROM consultation k "
	    "LEFT JOIN action_plan p ON p.id = k.plan_id "
	    "LEFT JOIN commitment c ON c.id = k.commitment_id WHERE k.id = ?1",
	/* ST_CONSULTATION_SUBS: the public columns of a submission (SUB_COLS) */
	[ST_CONSULTATION_SUBS] =
	    "SELECT " SUB_COLS " WHERE s.consultation_id = ?1 AND s.status IN "
	    "('published', 'rejected') ORDER BY s.kind DESC, s.confirmed_at, s.id",
	/* ST_COMMITMENT_SUBS */
	[ST_COMMITMENT_SUBS] = "SELECT " SUB_COLS " WHERE s.commitment_id = ?1 AND s.status IN "
			       "('published', 'rejected') ORDER BY s.confirmed_at, s.id",
	/* ST_COMMITMENT_ORIGINS */
	[ST_COMMITMENT_ORIGINS] =
	    "SELECT s.id, s.title, s.author, k.id, k.title_pt, k.title_en FROM submission s "
	    "JOIN consultation k ON k.id = s.consultation_id WHERE s.merged_commitment_id = ?1 "
	    "AND s.status = 'published' AND s.outcome = 'merged' ORDER BY s.id",
	/* ST_X_CONSULTATIONS */
	[ST_X_CONSULTATIONS] =
	    "SELECT k.id, k.title_pt, k.title_en, k.description_pt, k.description_en, "
	    "k.questions_pt, k.questions_en, p.number, c.ogp_id, k.document_url, k.opens_at, "
	    "k.closes_at, k.dates_only, k.outcome_pt, k.outcome_en, k.outcome_url, "
	    "k.source_url, k.updated_at FROM consultation k "
	    "LEFT JOIN action_plan p ON p.id = k.plan_id "
	    "LEFT JOIN commitment c ON c.id = k.commitment_id ORDER BY k.id",
	/* ST_X_SUBMISSIONS: rejected ones without their text; never the email. */
	[ST_X_SUBMISSIONS] = "SELECT " X_SUB_COLS " ORDER BY s.id",
	/* ST_FEED_SUBMISSIONS: id, time, kind, title, author, consultation, OGP id ?1 limit */
	[ST_FEED_SUBMISSIONS] =
	    "SELECT s.id, s.updated_at, s.kind, s.title, s.author, "
	    "s.consultation_id, c.ogp_id, s.outcome, s.answer_pt, s.answer_en "
	    "FROM submission s LEFT JOIN commitment c ON c.id = s.commitment_id "
	    "WHERE s.status = 'published' ORDER BY s.updated_at DESC, s.id DESC LIMIT ?1",
	/* ST_X_CONSULTATION_SUBS */
	[ST_X_CONSULTATION_SUBS] = "SELECT " X_SUB_COLS " AND s.consultation_id = ?1 ORDER BY s.id",
};

STORE_TABLE(store_public, "public", STORE_RO, ST__MAX, sqls);

int
db_prepare_all(sqlite3 *db, char *err, size_t errlen)
{
	return store_prepare(STORE_RO, db, err, errlen);
}

sqlite3_stmt *
db_stmt(enum stmt id)
{
	return store_stmt(&store_public, id);
}

void
db_reset_all(void)
{
	store_reset_used();
}

void
db_finalize_all(void)
{
	store_finalize(STORE_RO);
	store_finalize(STORE_RW);
}

sqlite3 *
db_public_conn(void)
{
	return store_public.st[ST_STATE] != NULL ? sqlite3_db_handle(store_public.st[ST_STATE])
						 : NULL;
}

const char *
db_sql(enum stmt id)
{
	return sqls[id];
}
