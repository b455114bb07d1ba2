/* changes: the one list of what changed about a followed thing (see changes.h).  Each
 * source of changes (the log, new events, milestones overdue, consultations opened, the
 * content's dated facts) is read by a statement of its own for each kind of thing,
 * newest or oldest first up to the limit; the items are then merged in order of time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/tztime.h"
#include "store/changes.h"
#include "store/db.h"
#include "store/stmt.h"

/* The kinds of thing a statement is written for: enum follow_kind's order, then the
 * commitments of an OGP value (the value's feed). */
enum scope { SC_SITE, SC_PLAN, SC_COMMITMENT, SC_ENTITY, SC_VALUE, SC__MAX };

/* The statements: per source, one per scope it has (in enum scope's order). */
enum {
	CHS_LOG_NEW, /* the site's log, newest first (read backwards, stopping at the limit) */
	CHS_LOG_OLD, /* the site's log, oldest first */
	CHS_LOG_PLAN,
	CHS_LOG_COMMITMENT,
	CHS_LOG_ENTITY,
	CHS_LOG_VALUE,     /* an OGP value's log, newest first (read backwards, as the site's) */
	CHS_LOG_VALUE_OLD, /* an OGP value's log, oldest first */
	CHS_EVLOG_SITE,
	CHS_EVLOG_PLAN,
	CHS_EVLOG_COMMITMENT,
	CHS_EVLOG_ENTITY,
	CHS_OVERDUE_SITE,
	CHS_OVERDUE_PLAN,
	CHS_OVERDUE_COMMITMENT,
	CHS_OVERDUE_ENTITY,
	CHS_OVERDUE_VALUE,
	CHS_CONSULT_SITE,
	CHS_CONSULT_PLAN,
	CHS_CONSULT_COMMITMENT,
	CHS_CONSULT_ENTITY,
	CHS_FIGURES_SITE,
	CHS_FIGURES_PLAN,
	CHS_FIGURES_COMMITMENT,
	CHS_FIGURES_ENTITY,
	CHS_FIGURES_VALUE,
	CHS_CFACTS_SITE,
	CHS_CFACTS_PLAN,
	CHS_CFACTS_COMMITMENT,
	CHS_CFACTS_ENTITY,
	CHS_CFACTS_VALUE,
	CHS_EVFACTS_SITE,
	CHS_EVFACTS_PLAN,
	CHS_EVFACTS_COMMITMENT,
	CHS_EVFACTS_ENTITY,
	CHS_NEWEST_REV, /* the newest revision id (one column) */
	CHS__MAX
};

/* The columns every statement but CHS_NEWEST_REV gives, in struct change's terms. */
enum {
	CHC_REV,
	CHC_AT, /* UTC time; for facts and moments of time, the day (YYYY-MM-DD...) */
	CHC_OGP,
	CHC_TITLE_PT,
	CHC_TITLE_EN,
	CHC_MS,
	CHC_MS_PT,
	CHC_MS_EN,
	CHC_FIELD,
	CHC_BEFORE,
	CHC_AFTER,
	CHC_AS_OF,
	CHC_AS_OF_KIND,
	CHC_CONF,
	CHC_EVIDENCE,
	CHC_ID,
	CHC_TBL
};

/*
 * Parameters of every statement: ?1 the thing (a plan's, commitment's or body's id, or
 * an OGP value's code; the site's statements have none), ?2 after_rev, ?3 since and ?4
 * until (unix seconds), ?5 1 for newest first, ?6 the limit, ?7 and ?8 the first and the
 * last day (YYYY-MM-DD) whose beginning in Lisbon is after since and not after until.
 */
/* clang-format off */
/* The commitment id X belongs to the thing. */
#define IN_PLAN(X)       X " IN (SELECT id FROM commitment WHERE plan_id = ?1)"
#define IN_COMMITMENT(X) X " = ?1"
#define IN_ENTITY(X)     X " IN (SELECT commitment_id FROM commitment_entity WHERE entity_id = ?1)"
#define IN_VALUE(X)      X " IN (SELECT commitment_id FROM commitment_value WHERE value = ?1)"
/* Event e belongs to the thing: a plan's (its own, or of one of its commitments), a
 * commitment's, a body's (organised or co-organised). */
#define EV_PLAN \
	"(e.plan_id = ?1 OR e.id IN (SELECT ec.event_id FROM event_commitment ec JOIN " \
	"commitment c2 ON c2.id = ec.commitment_id WHERE c2.plan_id = ?1))"
#define EV_COMMITMENT "e.id IN (SELECT event_id FROM event_commitment WHERE commitment_id = ?1)"
#define EV_ENTITY \
	"(e.organiser_id = ?1 OR e.id IN (SELECT event_id FROM event_organiser " \
	"WHERE entity_id = ?1))"
/* Consultation k is about the plan: in preparation, or on one of its commitments. */
#define K_PLAN "(k.plan_id = ?1 OR " IN_PLAN("k.commitment_id") ")"

/* Newest first (?5) or oldest first by X. */
#define ORDER(X) \
	" ORDER BY CASE WHEN ?5 THEN " X " END DESC, CASE WHEN ?5 THEN NULL ELSE " X " END"
/* since and until as UTC times and days. */
#define ISO_SINCE "strftime('%Y-%m-%dT%H:%M:%SZ', ?3, 'unixepoch')"
#define ISO_UNTIL "strftime('%Y-%m-%dT%H:%M:%SZ', ?4, 'unixepoch')"
#define DAY_SINCE "date(?3, 'unixepoch')"
#define DAY_UNTIL "date(?4, 'unixepoch')"
/* The first day of ISO date D of year, month or day precision (or a date-time). */
#define FIRST_DAY(D) "substr(" D " || '-01-01', 1, 10)"
/* A fact's day (its column as_of), inside since .. until. */
#define AS_OF_DAY   FIRST_DAY("as_of")
#define FACT_WINDOW " AND " AS_OF_DAY " > " DAY_SINCE " AND " AS_OF_DAY " <= " DAY_UNTIL
/* An address, when the text is one. */
#define URL_ONLY(X) "CASE WHEN " X " GLOB 'http*://*' THEN " X " END"

/* Field F of row R of table T as it was at revision r's change: set by that change or
 * the latest before it, else what the first later change found, else CUR (never
 * changed since the import). */
#define AT(T, R, F, CUR) \
	"json_extract(coalesce(" \
	"(SELECT json_array(x.after) FROM revision x WHERE x.tbl = '" T "' AND " \
	"x.row_id = " R " AND x.field = '" F "' AND x.change_id <= r.change_id " \
	"ORDER BY x.id DESC LIMIT 1), " \
	"(SELECT json_array(x.before) FROM revision x WHERE x.tbl = '" T "' AND " \
	"x.row_id = " R " AND x.field = '" F "' AND x.change_id > r.change_id " \
	"ORDER BY x.id LIMIT 1), " \
	"json_array(" CUR ")), '$[0]')"
#define AT_C(F) AT("commitment", "c.id", F, "c." F)
#define AT_M(F) AT("milestone", "m.id", F, "m." F)

/* The assessment fields of the IRM; those of its results report (dated
 * irm_results_date, the others irm_date). */
#define IRM_FIELDS \
	"('irm_verifiable', 'irm_relevant', 'irm_ambition', 'irm_potential_impact', " \
	"'irm_potential_results', 'irm_promising', 'irm_completion', 'irm_diog', " \
	"'irm_early_results', 'irm_starred', 'irm_open_gov_lens')"
#define IRM_RESULTS "('irm_completion', 'irm_diog', 'irm_early_results', 'irm_starred')"
/* The commitment's page at OGP, where the IRM's assessments are published. */
#define OGP_PAGE \
	"(SELECT l.url FROM link l WHERE l.commitment_id = c.id AND l.kind = 'ogp_page' " \
	"AND l.url IS NOT NULL ORDER BY l.position LIMIT 1)"

/* The log: a commitment added; its status, progress or IRM assessment changed; a
 * milestone's figure changed or the milestone completed.  With the figure's date, how
 * it is known, how sure, and its evidence as they were at that save: a milestone's
 * latest evidence link then (its revision rows "evidence"), else its source. */
#define LOG_SELECT \
	"SELECT r.id, r.at, c.ogp_id, c.title_pt, c.title_en, m.position, m.title_pt, " \
	"m.title_en, r.field, r.before, r.after, " \
	"CASE WHEN m.id IS NOT NULL AND r.field = 'status' THEN " AT_M("completed_on") \
	" WHEN m.id IS NOT NULL THEN " AT_M("progress_as_of") \
	" WHEN r.field IN " IRM_RESULTS " THEN " AT_C("irm_results_date") \
	" WHEN r.field GLOB 'irm_*' THEN " AT_C("irm_date") \
	" WHEN r.field IS NOT NULL THEN " AT_C("self_status_date") " END, " \
	"CASE WHEN m.id IS NOT NULL AND r.field = 'progress' THEN " AT_M("progress_as_of_kind") \
	" WHEN m.id IS NULL AND r.field GLOB 'self_*' THEN " AT_C("self_as_of_kind") " END, " \
	"CASE WHEN m.id IS NOT NULL AND r.field = 'progress' THEN " AT_M("progress_confidence") \
	" WHEN m.id IS NOT NULL THEN NULL" \
	" WHEN r.field GLOB 'self_*' THEN " AT_C("self_confidence") \
	" WHEN r.field = 'irm_early_results' THEN coalesce(c.irm_early_results_confidence, " \
	AT_C("irm_confidence") ")" \
	" WHEN r.field IS NOT NULL THEN " AT_C("irm_confidence") " END, " \
	"CASE WHEN m.id IS NOT NULL THEN coalesce((SELECT x.after FROM revision x " \
	"WHERE x.tbl = 'milestone' AND x.row_id = m.id AND x.field = 'evidence' AND " \
	"x.change_id <= r.change_id ORDER BY x.id DESC LIMIT 1), " \
	URL_ONLY(AT_M("progress_source")) ")" \
	" WHEN r.field GLOB 'self_*' THEN " AT_C("self_source") \
	" WHEN r.field IS NOT NULL THEN " OGP_PAGE " END, " \
	"c.id, r.tbl FROM revision r "
#define LOG_JOIN(C) \
	"JOIN commitment c ON c.id = " C " LEFT JOIN milestone m ON r.tbl = 'milestone' " \
	"AND m.id = r.row_id "
/* (+r.tbl: the rows by their id, not by table and row.) */
#define LOG_WHERE \
	" AND r.id > ?2 AND ((+r.tbl = 'commitment' AND ((r.op = 'create' AND " \
	"r.field IS NULL) OR (r.op = 'update' AND (r.field IN ('self_status', " \
	"'self_percent') OR r.field IN " IRM_FIELDS ")))) OR (+r.tbl = 'milestone' AND " \
	"m.id IS NOT NULL AND r.op IN ('create', 'update') AND (r.field = 'progress' OR " \
	"(r.field = 'status' AND r.after = 'complete'))))"
/* The log of the site or of an OGP value (COND) by its order: read from the log to the
 * commitments, never the reverse (+), stopping at the limit; a value's commitments are
 * too many for the others' way, from each commitment to its rows and then sorted. */
#define LOG_ALL(COND, DIR) \
	LOG_SELECT LOG_JOIN("+r.commitment_id") "WHERE " COND LOG_WHERE \
	" ORDER BY r.id " DIR " LIMIT ?6"
#define LOG(COND) \
	LOG_SELECT LOG_JOIN("r.commitment_id") "WHERE " COND LOG_WHERE ORDER("r.id") " LIMIT ?6"

/* New events: created in the admin area (an event that is gone is not told). */
#define EVLOG(COND) \
	"SELECT r.id, r.at, NULL, e.title_pt, e.title_en, NULL, NULL, NULL, NULL, NULL, " \
	"NULL, e.start_date, NULL, e.date_confidence, " URL_ONLY("e.url") ", e.id, " \
	"'event' FROM revision r JOIN event e ON e.id = r.row_id WHERE r.tbl = 'event' " \
	"AND r.op = 'create' AND r.field IS NULL AND r.id > ?2 AND " COND \
	ORDER("r.id") " LIMIT ?6"

/* The day a milestone is overdue from: the day after its planned end (a year or a
 * month ends on its last day). */
#define OVERDUE_DAY \
	"date(CASE length(m.planned_end) WHEN 4 THEN m.planned_end || '-12-31' " \
	"WHEN 7 THEN date(m.planned_end || '-01', '+1 month', '-1 day') " \
	"ELSE m.planned_end END, '+1 day')"
/* Milestones overdue from a day ?7 .. ?8 (the days that begin, in Lisbon, between since
 * and until): neither complete nor withdrawn nor at 100%.  The ranges on planned_end
 * would let an index on it be used. */
#define OVERDUE(COND) \
	"SELECT 0, d, ogp_id, ctp, cte, position, mtp, mte, 'planned_end', NULL, " \
	"planned_end, planned_end, NULL, NULL, NULL, cid, 'milestone' FROM (SELECT " \
	"m.position, m.title_pt mtp, m.title_en mte, m.planned_end, c.id cid, c.ogp_id, " \
	"c.title_pt ctp, c.title_en cte, " OVERDUE_DAY " d FROM milestone m JOIN " \
	"commitment c ON c.id = m.commitment_id WHERE " COND " AND " \
	"length(m.planned_end) IN (4, 7, 10) AND " \
	"m.planned_end >= strftime('%Y', ?7, '-1 day') AND m.planned_end < ?8 AND " \
	"coalesce(m.status, '') NOT IN ('complete', 'withdrawn') AND " \
	"coalesce(m.progress, -1) <> 100) WHERE d >= ?7 AND d <= ?8" \
	ORDER("d") ", cid, position LIMIT ?6"

/* Consultations opened (their opening time between since and until); after: when they
 * close.  The closing time reaches the index consultation_closes. */
#define CONSULT(COND) \
	"SELECT 0, k.opens_at, NULL, k.title_pt, k.title_en, NULL, NULL, NULL, " \
	"'closes_at', NULL, k.closes_at, NULL, NULL, NULL, " URL_ONLY("k.document_url") \
	", k.id, 'consultation' FROM consultation k WHERE k.closes_at > " ISO_SINCE \
	" AND k.opens_at > " ISO_SINCE " AND k.opens_at <= " ISO_UNTIL " AND " COND \
	ORDER("k.opens_at") ", k.id LIMIT ?6"

/* The milestones' progress figures, earlier (milestone_figure) and current, that have
 * a date (not "unknown"). */
#define FIGURES(COND) \
	"SELECT 0, " AS_OF_DAY ", ogp_id, ctp, cte, position, mtp, mte, 'progress', NULL, " \
	"pct, as_of, kind, conf, src, cid, tbl FROM (" \
	"SELECT c.id cid, c.ogp_id, c.title_pt ctp, c.title_en cte, m.position, " \
	"m.title_pt mtp, m.title_en mte, f.percent pct, f.as_of, f.as_of_kind kind, " \
	"f.confidence conf, " URL_ONLY("f.source") " src, 'milestone_figure' tbl " \
	"FROM milestone m JOIN commitment c ON c.id = m.commitment_id " \
	"JOIN milestone_figure f ON f.milestone_id = m.id WHERE " COND " AND " \
	"f.percent IS NOT NULL AND f.as_of_kind <> 'unknown' UNION ALL " \
	"SELECT c.id, c.ogp_id, c.title_pt, c.title_en, m.position, m.title_pt, " \
	"m.title_en, m.progress, m.progress_as_of, m.progress_as_of_kind, " \
	"m.progress_confidence, " URL_ONLY("m.progress_source") ", 'milestone' " \
	"FROM milestone m JOIN commitment c ON c.id = m.commitment_id WHERE " COND " AND " \
	"m.progress IS NOT NULL AND coalesce(m.progress_as_of_kind, '') <> 'unknown') " \
	"WHERE length(as_of) IN (4, 7, 10)" FACT_WINDOW \
	ORDER(AS_OF_DAY) ", cid, position, tbl LIMIT ?6"

/* A commitment's dated facts: its reported status and progress (at self_status_date)
 * and the IRM's assessments (at the date of the report that holds each), one row per
 * field of the list "fields". */
#define CFACT_FIELDS \
	"(VALUES ('self_status'), ('self_percent'), ('irm_verifiable'), ('irm_relevant'), " \
	"('irm_ambition'), ('irm_potential_impact'), ('irm_potential_results'), " \
	"('irm_promising'), ('irm_completion'), ('irm_diog'), ('irm_early_results'), " \
	"('irm_starred'), ('irm_open_gov_lens')) fields"
#define CFACT_VALUE \
	"CASE fields.column1 WHEN 'self_status' THEN c.self_status " \
	"WHEN 'self_percent' THEN c.self_percent " \
	"WHEN 'irm_verifiable' THEN c.irm_verifiable " \
	"WHEN 'irm_relevant' THEN c.irm_relevant " \
	"WHEN 'irm_ambition' THEN nullif(c.irm_ambition, 'no_data') " \
	"WHEN 'irm_potential_impact' THEN c.irm_potential_impact " \
	"WHEN 'irm_potential_results' THEN c.irm_potential_results " \
	"WHEN 'irm_promising' THEN c.irm_promising " \
	"WHEN 'irm_completion' THEN c.irm_completion " \
	"WHEN 'irm_diog' THEN c.irm_diog " \
	"WHEN 'irm_early_results' THEN c.irm_early_results " \
	"WHEN 'irm_starred' THEN c.irm_starred " \
	"WHEN 'irm_open_gov_lens' THEN c.irm_open_gov_lens END"
#define CFACTS(COND) \
	"SELECT 0, " AS_OF_DAY ", ogp_id, title_pt, title_en, NULL, NULL, NULL, col, " \
	"NULL, v, as_of, kind, conf, ev, id, 'commitment' FROM (" \
	"SELECT c.id, c.ogp_id, c.title_pt, c.title_en, fields.column1 col, " \
	CFACT_VALUE " v, " \
	"CASE WHEN fields.column1 GLOB 'self_*' THEN c.self_status_date " \
	"WHEN fields.column1 IN " IRM_RESULTS " THEN c.irm_results_date " \
	"ELSE c.irm_date END as_of, " \
	"CASE WHEN fields.column1 GLOB 'self_*' THEN c.self_as_of_kind END kind, " \
	"CASE WHEN fields.column1 GLOB 'self_*' THEN c.self_confidence " \
	"WHEN fields.column1 = 'irm_early_results' THEN " \
	"coalesce(c.irm_early_results_confidence, c.irm_confidence) " \
	"ELSE c.irm_confidence END conf, " \
	"CASE WHEN fields.column1 GLOB 'self_*' THEN " URL_ONLY("c.self_source") \
	" ELSE " OGP_PAGE " END ev " \
	"FROM commitment c, " CFACT_FIELDS " WHERE " COND ") " \
	"WHERE v IS NOT NULL AND length(as_of) IN (4, 7, 10) AND " \
	"coalesce(kind, '') <> 'unknown'" FACT_WINDOW ORDER(AS_OF_DAY) ", id, col LIMIT ?6"

/* Events on their day (year, month or day), up to until: the site's calendar. */
#define EVFACTS(COND) \
	"SELECT 0, d, NULL, title_pt, title_en, NULL, NULL, NULL, NULL, NULL, NULL, " \
	"start_date, NULL, date_confidence, " URL_ONLY("url") ", id, 'event' FROM (" \
	"SELECT e.id, e.title_pt, e.title_en, e.start_date, e.date_confidence, e.url, " \
	FIRST_DAY("e.start_date") " d FROM event e WHERE " \
	"e.start_date < date(?4, 'unixepoch', '+1 day') AND " COND ") " \
	"WHERE date(d) = d AND d > " DAY_SINCE " AND d <= " DAY_UNTIL \
	ORDER("d") ", id LIMIT ?6"

static const char *const sqls[CHS__MAX] = {
	[CHS_LOG_NEW]            = LOG_ALL("r.commitment_id IS NOT NULL", "DESC"),
	[CHS_LOG_OLD]            = LOG_ALL("r.commitment_id IS NOT NULL", "ASC"),
	[CHS_LOG_PLAN]           = LOG("r.plan_id = ?1"),
	[CHS_LOG_COMMITMENT]     = LOG(IN_COMMITMENT("r.commitment_id")),
	[CHS_LOG_ENTITY]         = LOG(IN_ENTITY("r.commitment_id")),
	[CHS_LOG_VALUE]          = LOG_ALL(IN_VALUE("+r.commitment_id"), "DESC"),
	[CHS_LOG_VALUE_OLD]      = LOG_ALL(IN_VALUE("+r.commitment_id"), "ASC"),
	[CHS_EVLOG_SITE]         = EVLOG("1"),
	[CHS_EVLOG_PLAN]         = EVLOG(EV_PLAN),
	[CHS_EVLOG_COMMITMENT]   = EVLOG(EV_COMMITMENT),
	[CHS_EVLOG_ENTITY]       = EVLOG(EV_ENTITY),
	[CHS_OVERDUE_SITE]       = OVERDUE("1"),
	[CHS_OVERDUE_PLAN]       = OVERDUE(IN_PLAN("m.commitment_id")),
	[CHS_OVERDUE_COMMITMENT] = OVERDUE(IN_COMMITMENT("m.commitment_id")),
	[CHS_OVERDUE_ENTITY]     = OVERDUE(IN_ENTITY("m.commitment_id")),
	[CHS_OVERDUE_VALUE]      = OVERDUE(IN_VALUE("m.commitment_id")),
	[CHS_CONSULT_SITE]       = CONSULT("1"),
	[CHS_CONSULT_PLAN]       = CONSULT(K_PLAN),
	[CHS_CONSULT_COMMITMENT] = CONSULT(IN_COMMITMENT("k.commitment_id")),
	[CHS_CONSULT_ENTITY]     = CONSULT(IN_ENTITY("k.commitment_id")),
	[CHS_FIGURES_SITE]       = FIGURES("1"),
	[CHS_FIGURES_PLAN]       = FIGURES(IN_PLAN("m.commitment_id")),
	[CHS_FIGURES_COMMITMENT] = FIGURES(IN_COMMITMENT("m.commitment_id")),
	[CHS_FIGURES_ENTITY]     = FIGURES(IN_ENTITY("m.commitment_id")),
	[CHS_FIGURES_VALUE]      = FIGURES(IN_VALUE("m.commitment_id")),
	[CHS_CFACTS_SITE]        = CFACTS("1"),
	[CHS_CFACTS_PLAN]        = CFACTS("c.plan_id = ?1"),
	[CHS_CFACTS_COMMITMENT]  = CFACTS(IN_COMMITMENT("c.id")),
	[CHS_CFACTS_ENTITY]      = CFACTS(IN_ENTITY("c.id")),
	[CHS_CFACTS_VALUE]       = CFACTS(IN_VALUE("c.id")),
	[CHS_EVFACTS_SITE]       = EVFACTS("1"),
	[CHS_EVFACTS_PLAN]       = EVFACTS(EV_PLAN),
	[CHS_EVFACTS_COMMITMENT] = EVFACTS(EV_COMMITMENT),
	[CHS_EVFACTS_ENTITY]     = EVFACTS(EV_ENTITY),
	[CHS_NEWEST_REV]         = "SELECT coalesce(max(id), 0) FROM revision",
};
/* clang-format on */

STORE_TABLE(store_changes, "changes", STORE_RO, CHS__MAX, sqls);

/* The sources of changes: the first statement of each (then one per scope it has, up to
 * nscopes), whether it is a fact (CHANGES_FACTS), and the kind of its items (-1: the log,
 * by the row). */
enum source { SRC_LOG, SRC_EVLOG, SRC_OVERDUE, SRC_CONSULT, SRC_FIGURES, SRC_CFACTS, SRC_EVFACTS };
static const struct {
	int first, nscopes, fact, kind;
} sources[] = {
	[SRC_LOG] = { CHS_LOG_OLD, SC__MAX, 0, -1 },
	[SRC_EVLOG] = { CHS_EVLOG_SITE, SC_VALUE, 0, CH_EVENT },
	[SRC_OVERDUE] = { CHS_OVERDUE_SITE, SC__MAX, 0, CH_MILESTONE_OVERDUE },
	[SRC_CONSULT] = { CHS_CONSULT_SITE, SC_VALUE, 0, CH_CONSULTATION },
	[SRC_FIGURES] = { CHS_FIGURES_SITE, SC__MAX, 1, CH_FIGURE },
	[SRC_CFACTS] = { CHS_CFACTS_SITE, SC__MAX, 1, CH_FIGURE },
	[SRC_EVFACTS] = { CHS_EVFACTS_SITE, SC_VALUE, 1, CH_EVENT },
};
#define NSOURCES (sizeof sources / sizeof sources[0])

/* What is asked of changes_list. */
struct query {
	enum scope  scope;
	long long   target;
	const char *value; /* SC_VALUE: the value's code */
	long long   after_rev, since, until;
	int         limit, newest;
};

/* One change read, with its own copies of the texts (struct change points at them; at
 * once the items are in their place). */
struct item {
	struct change ch;
	char          at[24];
	char         *own[12];
};

/* The items read so far. */
struct list {
	struct item *v;
	size_t       n, cap;
};

/* The text columns an item keeps, in the order of struct item's own[]. */
static const int kept[] = { CHC_OGP, CHC_TITLE_PT, CHC_TITLE_EN, CHC_MS_PT, CHC_MS_EN, CHC_FIELD,
	CHC_BEFORE, CHC_AFTER, CHC_AS_OF, CHC_AS_OF_KIND, CHC_CONF, CHC_EVIDENCE };

int
follow_kind_parse(const char *s, enum follow_kind *k)
{
	static const enum follow_kind all[] = { FOLLOW_SITE, FOLLOW_PLAN, FOLLOW_COMMITMENT,
		FOLLOW_ENTITY };
	size_t                        i;

	for (i = 0; s != NULL && i < sizeof all / sizeof all[0]; i++)
		if (strcmp(s, follow_kind_name(all[i])) == 0) {
			*k = all[i];
			return 0;
		}
	return -1;
}

const char *
follow_kind_name(enum follow_kind k)
{
	switch (k) {
	case FOLLOW_PLAN:
		return "plan";
	case FOLLOW_COMMITMENT:
		return "commitment";
	case FOLLOW_ENTITY:
		return "entity";
	case FOLLOW_SITE:
		break;
	}
	return "site";
}

/* The kind of a row of the log, from its table and field. */
static enum change_kind
log_kind(const char *tbl, const char *field)
{
	if (field == NULL)
		return CH_NEW_COMMITMENT;
	if (strcmp(tbl, "milestone") == 0)
		return strcmp(field, "progress") == 0 ? CH_PROGRESS : CH_MILESTONE_DONE;
	if (strcmp(field, "self_status") == 0)
		return CH_STATUS;
	return strcmp(field, "self_percent") == 0 ? CH_SELF_PERCENT : CH_IRM;
}

/* The moment day (YYYY-MM-DD) begins in Lisbon, as UTC text into out.  Returns 0, or
 * -1 when day is not a day. */
static int
lisbon_midnight(const char *day, char *out, size_t len)
{
	struct tm w = { 0 }, u;
	time_t    t;

	if (day == NULL || strptime(day, "%Y-%m-%d", &w) == NULL)
		return -1;
	if (tz_utc(NULL, &w, &t) != 0 || gmtime_r(&t, &u) == NULL)
		return -1;
	strftime(out, len, "%Y-%m-%dT%H:%M:%SZ", &u);
	return 0;
}

/* The day (YYYY-MM-DD) of Lisbon's calendar at t, plus add days, into out (11 bytes). */
static void
lisbon_day(long long t, int add, char *out)
{
	time_t    x = (time_t)t;
	struct tm w;

	if (tz_local(NULL, x, &w) != 0)
		gmtime_r(&x, &w);
	w = (struct tm){
		.tm_year = w.tm_year, .tm_mon = w.tm_mon, .tm_mday = w.tm_mday + add, .tm_hour = 12
	};
	x = timegm(&w);
	gmtime_r(&x, &w);
	strftime(out, 11, "%Y-%m-%d", &w);
}

/* Appends the row of s to l as a change of kind (-1: the log's, by the row) at time at.
 * Returns 0 or -1 (out of memory). */
static int
add(struct list *l, sqlite3_stmt *s, int kind, const char *at)
{
	struct item   *it;
	struct change *c;
	const char    *t;
	size_t         i;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		void  *p = realloc(l->v, cap * sizeof *l->v);
		if (p == NULL)
			return -1;
		l->v = p;
		l->cap = cap;
	}
	it = &l->v[l->n];
	memset(it, 0, sizeof *it);
	for (i = 0; i < sizeof kept / sizeof kept[0]; i++)
		if ((t = db_text(s, kept[i])) != NULL && (it->own[i] = strdup(t)) == NULL)
			goto fail;
	l->n++;
	snprintf(it->at, sizeof it->at, "%s", at);
	c = &it->ch;
	c->kind = kind >= 0 ? (enum change_kind)kind : log_kind(db_text(s, CHC_TBL), it->own[5]);
	c->rev = sqlite3_column_int64(s, CHC_REV);
	c->ogp_id = it->own[0];
	c->title_pt = it->own[1];
	c->title_en = it->own[2];
	c->milestone = sqlite3_column_int(s, CHC_MS);
	c->ms_title_pt = it->own[3];
	c->ms_title_en = it->own[4];
	c->field = it->own[5];
	c->before = it->own[6];
	c->after = it->own[7];
	c->as_of = it->own[8];
	c->as_of_kind = it->own[9];
	c->confidence = it->own[10];
	c->evidence = it->own[11];
	c->id = sqlite3_column_int64(s, CHC_ID);
	return 0;
fail:
	while (i-- > 0)
		free(it->own[i]);
	return -1;
}

/* The time of the row of s, a change of source src, into at: the log's and a
 * consultation's as they are, a fact's the first instant of its day (UTC), an overdue
 * milestone's the beginning of its day in Lisbon.  Returns 0, or -1 when its day is not
 * one. */
static int
row_time(sqlite3_stmt *s, enum source src, char *at, size_t len)
{
	const char *t = db_text(s, CHC_AT);

	if (src == SRC_OVERDUE)
		return lisbon_midnight(t, at, len);
	snprintf(at, len, "%.10s%s", t ? t : "", t && strlen(t) > 10 ? t + 10 : "T00:00:00Z");
	return 0;
}

/* Reads up to q->limit changes of source src into l.  Returns 0 or -1. */
static int
read_source(enum source src, const struct query *q, struct list *l)
{
	sqlite3_stmt *s;
	char          at[24], lo[11], hi[11];
	int           id, rc = 0, taken = 0;

	if (q->scope == SC_SITE && src == SRC_LOG)
		id = q->newest ? CHS_LOG_NEW : CHS_LOG_OLD;
	else if (q->scope == SC_VALUE && src == SRC_LOG)
		id = q->newest ? CHS_LOG_VALUE : CHS_LOG_VALUE_OLD;
	else if ((int)q->scope < sources[src].nscopes)
		id = sources[src].first + (int)q->scope;
	else
		return 0;
	s = store_stmt(&store_changes, id);
	if (q->scope == SC_VALUE)
		sqlite3_bind_text(s, 1, q->value, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(s, 1, q->target);
	sqlite3_bind_int64(s, 2, q->after_rev);
	sqlite3_bind_int64(s, 3, q->since);
	sqlite3_bind_int64(s, 4, q->until);
	sqlite3_bind_int(s, 5, q->newest);
	sqlite3_bind_int(s, 6, q->limit);
	lisbon_day(q->since, 1, lo);
	lisbon_day(q->until, 0, hi);
	sqlite3_bind_text(s, 7, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 8, hi, -1, SQLITE_TRANSIENT);
	while (taken < q->limit && (rc = db_row(s)) == 1) {
		if (row_time(s, src, at, sizeof at) != 0)
			continue;
		if ((rc = add(l, s, sources[src].kind, at)) != 0)
			break;
		taken++;
	}
	sqlite3_reset(s);
	return rc < 0 ? -1 : 0;
}

/* strcmp for texts that may be NULL (first). */
static int
textcmp(const char *a, const char *b)
{
	return a == NULL || b == NULL ? (a != NULL) - (b != NULL) : strcmp(a, b);
}

/* Order of time: the time, then the revision id, the milestone, the kind, the id, the
 * field and its value. */
static int
older(const void *a, const void *b)
{
	const struct item   *i = a, *j = b;
	const struct change *x = &i->ch, *y = &j->ch;
	int                  c = strcmp(i->at, j->at);

	if (c != 0)
		return c;
	if (x->rev != y->rev)
		return x->rev < y->rev ? -1 : 1;
	if (x->milestone != y->milestone)
		return x->milestone < y->milestone ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	if ((c = textcmp(x->field, y->field)) != 0)
		return c;
	return textcmp(x->after, y->after);
}

/* The reverse order, newest first. */
static int
newer(const void *a, const void *b)
{
	return older(b, a);
}

/* changes_list for q, the facts too with facts. */
static int
list(const struct query *q, int facts, change_fn fn, void *arg)
{
	struct list l = { 0 };
	size_t      i, j;
	int         rc = 0, given = 0;

	if (q->limit <= 0)
		return 0;
	for (i = 0; rc == 0 && i < NSOURCES; i++)
		if (facts || !sources[i].fact)
			rc = read_source((enum source)i, q, &l);
	if (rc == 0 && l.n > 1)
		qsort(l.v, l.n, sizeof *l.v, q->newest ? newer : older);
	for (i = 0; rc == 0 && i < l.n && given < q->limit; i++) {
		l.v[i].ch.at = l.v[i].at; /* the items have moved since they were read */
		given++;
		if (fn(&l.v[i].ch, arg) != 0)
			break;
	}
	for (i = 0; i < l.n; i++)
		for (j = 0; j < sizeof kept / sizeof kept[0]; j++)
			free(l.v[i].own[j]);
	free(l.v);
	return rc == 0 ? given : -1;
}

int
changes_list(enum follow_kind kind, long long target, long long after_rev, long long since,
    long long until, int limit, int flags, change_fn fn, void *arg)
{
	struct query q = { (enum scope)kind, kind == FOLLOW_SITE ? 0 : target, NULL, after_rev,
		since, until, limit, (flags & CHANGES_NEWEST_FIRST) != 0 };

	return list(&q, (flags & CHANGES_FACTS) != 0, fn, arg);
}

int
changes_list_value(const char *value, long long since, long long until, int limit, int flags,
    change_fn fn, void *arg)
{
	struct query q = { SC_VALUE, 0, value, 0, since, until, limit,
		(flags & CHANGES_NEWEST_FIRST) != 0 };

	return list(&q, (flags & CHANGES_FACTS) != 0, fn, arg);
}

int
changes_newest_rev(long long *rev)
{
	sqlite3_stmt *s = store_stmt(&store_changes, CHS_NEWEST_REV);
	int           rc = db_row(s);

	if (rc == 1)
		*rev = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == 1 ? 0 : -1;
}
