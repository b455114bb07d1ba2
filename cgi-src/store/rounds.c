/* Reporting rounds: their scope and states, opening, the reminders, closing (see
 * rounds.h; the emails' text is in roundmail.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/consult.h"
#include "lib/progress.h"
#include "lib/tztime.h"
#include "lib/valid.h"
#include "store/db.h"
#include "store/mail.h"
#include "store/rounds.h"
#include "store/snapshot.h"
#include "store/stmt.h"

/* The statements behind the functions of rounds.h, after those of enum round_stmt. */
enum {
	RX_ADD = RD__MAX, /* a round: ?1 name, ?2 deadline, ?3 opened_at, ?4 staff (0: none) */
	RX_ADD_PLAN,      /* round ?1 covers plan ?2, when that plan exists */
	RX_NOTICE,        /* an email of round ?1 to body ?2: kind ?3, at ?4, staff ?5 (0: the
			   * timer), recipients ?6; nothing when that kind was sent already */
	RX_CLOSE,         /* closes round ?1 at ?2 (UTC), on ?3 (Lisbon), by ?4, if open */
	RX_OPEN_ROUNDS,   /* the open rounds: RXO_ */
	RD__ALL
};
enum { RXO_ID, RXO_NAME, RXO_DEADLINE, RXO_OPENED_AT }; /* the columns of RX_OPEN_ROUNDS */

/* A round's row as RD_LIST and RD_ROUND give it. */
#define ROUND_COLS \
	"SELECT r.id, r.name, r.deadline, r.opened_at, r.closed_at, r.closed_on, (SELECT " \
	"group_concat(number, ', ') FROM (SELECT p.number FROM round_plan rp JOIN " \
	"action_plan p ON p.id = rp.plan_id WHERE rp.round_id = r.id ORDER BY p.number)), " \
	"s.name FROM round r LEFT JOIN staff s ON s.id = r.opened_by "
/* The commitments in the scope of round ?1, and the bodies with their commitments. */
#define SCOPE \
	"scope(cid) AS (SELECT c.id FROM commitment c JOIN round_plan rp ON rp.plan_id = " \
	"c.plan_id WHERE rp.round_id = ?1), mine(eid, cid) AS (SELECT DISTINCT ce.entity_id, " \
	"ce.commitment_id FROM commitment_entity ce JOIN scope ON scope.cid = ce.commitment_id) "

static const char *const sqls[RD__ALL] = {
	/* RD_LIST */
	ROUND_COLS "ORDER BY r.closed_at IS NOT NULL, r.id DESC",
	/* RD_ROUND */
	ROUND_COLS "WHERE r.id = ?1",
	/* RD_PLANS */
	"SELECT id, number, coalesce(title_pt, title_en, number || '.º plano') FROM action_plan "
	"ORDER BY number",
	/* RD_ROUND_PLANS */
	"SELECT p.id, p.number, coalesce(p.title_pt, p.title_en, p.number || '.º plano') FROM "
	"round_plan rp JOIN action_plan p ON p.id = rp.plan_id WHERE rp.round_id = ?1 ORDER BY "
	"p.number",
	/* RD_BODIES: updated, by the revision log between the opening and the closing;
	 * proposed, by the pending drafts of its editors (SQL_DRAFT_COMMITMENT). */
	"WITH " SCOPE ", r AS (SELECT opened_at, coalesce(closed_at, '9999') AS until FROM "
	"round WHERE id = ?1) SELECT e.id, coalesce(e.name_pt, e.name_en, e.acronym, e.slug) "
	"AS name, e.acronym, EXISTS (SELECT 1 FROM mine m JOIN revision v ON v.commitment_id = "
	"m.cid, r WHERE m.eid = e.id AND v.staff_id IS NOT NULL AND v.at >= r.opened_at AND "
	"v.at <= r.until) AS updated, EXISTS (SELECT 1 FROM draft d JOIN staff s ON s.id = "
	"d.staff_id WHERE d.status = 'pending' AND s.entity_id = e.id AND (" SQL_DRAFT_COMMITMENT
	") IN (SELECT m.cid FROM mine m WHERE m.eid = e.id)) AS proposed, (SELECT count(*) FROM "
	"staff s WHERE s.role = 'member' AND "
	"s.disabled = 0 AND s.entity_id = e.id), (SELECT count(*) FROM mine m WHERE m.eid = "
	"e.id), (SELECT max(n.sent_at) FROM round_notice n WHERE n.round_id = ?1 AND "
	"n.entity_id = e.id AND n.kind = 'manual') FROM entity e WHERE e.id IN (SELECT eid "
	"FROM mine) ORDER BY updated, proposed, name COLLATE NOCASE, e.id",
	/* RD_EDITORS */
	"SELECT id, name, login FROM staff WHERE role = 'member' AND disabled = 0 AND "
	"entity_id = ?1 ORDER BY name COLLATE NOCASE, id",
	/* RD_ITEMS */
	"SELECT c.id, c.ogp_id, coalesce(c.title_pt, c.title_en), EXISTS (SELECT 1 FROM "
	"commitment_entity ce WHERE ce.commitment_id = c.id AND ce.entity_id = ?2 AND ce.role "
	"= 'lead'), m.id, m.position, coalesce(m.title_pt, m.title_en), m.status, m.progress, "
	"m.progress_as_of, m.planned_end FROM commitment c JOIN round_plan rp ON rp.plan_id = "
	"c.plan_id AND rp.round_id = ?1 JOIN action_plan p ON p.id = c.plan_id LEFT JOIN "
	"milestone m ON m.commitment_id = c.id WHERE c.id IN (SELECT commitment_id FROM "
	"commitment_entity WHERE entity_id = ?2) ORDER BY p.number, c.number, c.ogp_id, "
	"m.position",
	/* RD_NOTICES */
	"SELECT n.sent_at, coalesce(e.acronym, e.name_pt, e.name_en, e.slug), n.kind, "
	"n.recipients, s.name FROM round_notice n JOIN entity e ON e.id = n.entity_id LEFT "
	"JOIN staff s ON s.id = n.staff_id WHERE n.round_id = ?1 ORDER BY n.id DESC",
	/* RX_ADD */
	"INSERT INTO round (name, deadline, opened_at, opened_by) VALUES (?1, ?2, ?3, "
	"nullif(?4, 0))",
	/* RX_ADD_PLAN */
	"INSERT INTO round_plan (round_id, plan_id) SELECT ?1, id FROM action_plan WHERE id = "
	"?2",
	/* RX_NOTICE */
	"INSERT INTO round_notice (round_id, entity_id, kind, sent_at, staff_id, recipients) "
	"VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6) ON CONFLICT DO NOTHING",
	/* RX_CLOSE */
	"UPDATE round SET closed_at = ?2, closed_on = ?3, closed_by = nullif(?4, 0) WHERE id = "
	"?1 AND closed_at IS NULL",
	/* RX_OPEN_ROUNDS */
	"SELECT id, name, deadline, opened_at FROM round WHERE closed_at IS NULL ORDER BY id",
};

STORE_TABLE(store_rounds, "rounds", STORE_RW, RD__ALL, sqls);

sqlite3_stmt *
round_stmt(enum round_stmt id)
{
	return store_stmt(&store_rounds, id);
}

enum round_state
round_body_state(sqlite3_stmt *s)
{
	if (db_int(s, RDB_UPDATED))
		return ROUND_UPDATED;
	return db_int(s, RDB_PROPOSED) ? ROUND_PROPOSED : ROUND_NOT_YET;
}

void
round_item_flags(sqlite3_stmt *s, const char *today, int *overdue, int *stale)
{
	int pct = db_null(s, RDI_PROGRESS) ? -1 : db_int(s, RDI_PROGRESS);

	*overdue = *stale = 0;
	if (db_null(s, RDI_MID))
		return;
	*overdue = progress_overdue(db_text(s, RDI_END), pct, db_text(s, RDI_STATUS), today);
	*stale = progress_stale(db_text(s, RDI_STATUS), pct, db_text(s, RDI_AS_OF), today);
}

int
round_day(time_t t, char *day)
{
	struct tm tm;

	if (tz_local(NULL, t, &tm) != 0)
		return -1;
	strftime(day, 11, "%Y-%m-%d", &tm);
	return 0;
}

/* The days since 1970-01-01 of date ymd (YYYY-MM-DD), or -1 when it is not one. */
static long
day_number(const char *ymd)
{
	struct tm tm = { 0 };

	if (ymd == NULL || strlen(ymd) != 10 || !valid_date(ymd))
		return -1;
	tm.tm_year = valid_digits(ymd, 4) - 1900;
	tm.tm_mon = valid_digits(ymd + 5, 2) - 1;
	tm.tm_mday = valid_digits(ymd + 8, 2);
	return (long)(timegm(&tm) / 86400);
}

int
round_days_left(const char *today, const char *deadline, long *days)
{
	long from = day_number(today), to = day_number(deadline);

	if (from < 0 || to < 0)
		return -1;
	*days = to - from;
	return 0;
}

/* A round as the sending needs it; kind: the automatic reminder due (NULL: none). */
struct round_row {
	long long   id;
	char       *name;
	char        deadline[11];
	const char *kind;
};

/* A body of a round's scope, with what the sending needs to know of it. */
struct body_row {
	long long        id;
	char            *name; /* the name, with the acronym when the name lacks it */
	enum round_state state;
	long long        last_manual; /* unix time; 0: never */
};

/* Frees n bodies and the array. */
static void
bodies_free(struct body_row *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(b[i].name);
	free(b);
}

/* Reads the bodies of round id's scope into *out (*n of them), before any write: the
 * sending then writes round_notice, which the statement reads.  Returns 0 or -1. */
static int
bodies_load(long long id, struct body_row **out, size_t *n)
{
	sqlite3_stmt    *s = round_stmt(RD_BODIES);
	struct body_row *b = NULL, *nb;
	const char      *name, *acr;
	size_t           len;
	int              oom = 0;

	*n = 0;
	db_bind_int64(s, 1, id);
	while (!oom && db_step(s) == SQLITE_ROW) {
		name = db_text(s, RDB_NAME);
		acr = db_text(s, RDB_ACRONYM);
		len = strlen(name) + (acr ? strlen(acr) : 0) + 4;
		if ((nb = realloc(b, (*n + 1) * sizeof *b)) == NULL ||
		    ((b = nb)[*n].name = malloc(len)) == NULL) {
			oom = 1;
			break;
		}
		if (acr != NULL && strstr(name, acr) == NULL)
			snprintf(b[*n].name, len, "%s (%s)", name, acr);
		else
			snprintf(b[*n].name, len, "%s", name);
		b[*n].id = db_int64(s, RDB_ID);
		b[*n].state = round_body_state(s);
		b[*n].last_manual = db_null(s, RDB_LAST_MANUAL) ? 0 : db_int64(s, RDB_LAST_MANUAL);
		(*n)++;
	}
	db_reset(s);
	*out = b;
	if (oom || db_failed()) {
		bodies_free(b, *n);
		*out = NULL;
		return -1;
	}
	return 0;
}

/* Reads body b's active editors: "Name <address>" lines into rcpts, the addresses,
 * each ended by a NUL, into addrs.  Returns how many, or -1. */
static int
editors_load(long long entity, struct buf *rcpts, struct buf *addrs)
{
	sqlite3_stmt *s = round_stmt(RD_EDITORS);
	int           n = 0;

	db_bind_int64(s, 1, entity);
	while (db_step(s) == SQLITE_ROW) {
		buf_printf(
		    rcpts, "%s%s <%s>", n ? "\n" : "", db_text(s, RDE_NAME), db_text(s, RDE_LOGIN));
		buf_put(addrs, db_text(s, RDE_LOGIN), strlen(db_text(s, RDE_LOGIN)) + 1);
		n++;
	}
	db_reset(s);
	return db_failed() || rcpts->oom || addrs->oom ? -1 : n;
}

/* Queues the message of m to each of the n addresses of addrs at now.  Returns 0 or -1. */
static int
queue_all(const struct round_msg *m, const char *addrs, int n, time_t now)
{
	struct buf  subj = { 0 }, text = { 0 }, html = { 0 }, msg = { 0 };
	const char *a = addrs;
	int         rc = round_mail_write(m, &subj, &text, &html), i;

	for (i = 0; rc == 0 && i < n; i++, a += strlen(a) + 1) {
		buf_reset(&msg);
		if (mail_compose_alt(&msg, mail_from(), a, subj.p, text.p, html.p, now) != 0 ||
		    mail_queue(0, a, msg.p, msg.len, (long long)now) < 0)
			rc = -1;
	}
	buf_free(&subj);
	buf_free(&text);
	buf_free(&html);
	buf_free(&msg);
	return rc;
}

/* Sends email kind of round r to the editors of body b at now (staff_id 0: the timer),
 * recording it in round_notice; nothing when b has no active editor (counted skipped)
 * or had that kind already.  Returns 0 or -1. */
static int
notify(const struct round_row *r, const struct body_row *b, const char *kind, long long staff_id,
    const char *base, time_t now, struct round_sent *sent)
{
	struct buf       rcpts = { 0 }, addrs = { 0 };
	char             today[11];
	struct round_msg m = { r->id, r->name, r->deadline, b->id, b->name, kind, today, base };
	sqlite3_stmt    *s;
	int              n = editors_load(b->id, &rcpts, &addrs), rc = n < 0 ? -1 : 0;

	if (n == 0)
		sent->skipped++;
	if (n > 0 && (rc = round_day(now, today)) == 0) {
		s = store_stmt(&store_rounds, RX_NOTICE);
		db_bind_int64(s, 1, r->id);
		db_bind_int64(s, 2, b->id);
		db_bind_text(s, 3, kind);
		db_bind_int64(s, 4, (long long)now);
		db_bind_int64(s, 5, staff_id);
		db_bind_text(s, 6, rcpts.p);
		if ((rc = store_run(s)) == 0 && db_changes(s) == 1 &&
		    (rc = queue_all(&m, addrs.p, n, now)) == 0) {
			sent->bodies++;
			sent->messages += n;
		}
	}
	buf_free(&rcpts);
	buf_free(&addrs);
	return rc;
}

/* Ends the transaction of rw: commits when rc is 0, else rolls back.  Returns rc, or
 * -1 when the commit failed. */
static int
finish(sqlite3 *rw, int rc)
{
	if (rc == 0 && store_commit(rw) == 0)
		return 0;
	store_rollback(rw);
	return rc == 0 ? -1 : rc;
}

/* Which bodies of a round's scope a sending is for: entity alone (0: any), only those
 * "not yet", only those not reminded by hand since gap_from (0: no such limit). */
struct want {
	long long entity;
	int       not_yet;
	long long gap_from;
};

/* Sends kind of round r at now to each body of its scope that w wants (the body w names
 * when it is not "not yet", and one reminded by hand too recently, are counted
 * skipped).  Returns 0, 2 when w names a body outside the
 * scope, or -1. */
static int
send_round(const struct round_row *r, const char *kind, const struct want *w, long long staff_id,
    const char *base, time_t now, struct round_sent *sent)
{
	struct body_row *b;
	size_t           n, i;
	int              rc = 0, found = 0;

	if (bodies_load(r->id, &b, &n) != 0)
		return -1;
	for (i = 0; rc == 0 && i < n; i++) {
		if (w->entity != 0 && b[i].id != w->entity)
			continue;
		found = 1;
		if (w->not_yet && b[i].state != ROUND_NOT_YET)
			sent->skipped += w->entity != 0;
		else if (w->gap_from != 0 && b[i].last_manual > w->gap_from)
			sent->skipped++;
		else
			rc = notify(r, &b[i], kind, staff_id, base, now, sent);
	}
	bodies_free(b, n);
	return rc == 0 && w->entity != 0 && !found ? 2 : rc;
}

long long
round_open(sqlite3 *rw, const char *name, const char *deadline, const long long *plans, int nplans,
    long long staff_id, const char *base, time_t now, struct round_sent *sent)
{
	char             at[32];
	struct round_row r = { 0, (char *)name, "", NULL };
	sqlite3_stmt    *s;
	int              i, rc;

	memset(sent, 0, sizeof *sent);
	snprintf(r.deadline, sizeof r.deadline, "%s", deadline);
	utc_format(now, at, sizeof at);
	if (store_begin(rw) != 0)
		return -1;
	s = store_stmt(&store_rounds, RX_ADD);
	db_bind_text(s, 1, name);
	db_bind_text(s, 2, deadline);
	db_bind_text(s, 3, at);
	db_bind_int64(s, 4, staff_id);
	rc = store_run(s);
	r.id = sqlite3_last_insert_rowid(rw);
	for (i = 0; rc == 0 && i < nplans; i++) {
		s = store_stmt(&store_rounds, RX_ADD_PLAN);
		db_bind_int64(s, 1, r.id);
		db_bind_int64(s, 2, plans[i]);
		if ((rc = store_run(s)) == 0 && db_changes(s) != 1)
			rc = 1; /* no such plan */
	}
	if (rc == 0)
		rc = send_round(&r, "open", &(struct want){ 0, 0, 0 }, staff_id, base, now, sent);
	rc = finish(rw, rc);
	return rc == 0 ? r.id : rc == 1 ? 0 : -1;
}

/* Reads open round id into *r (its name malloc'd).  Returns 1, 0 when there is no such
 * open round, -1. */
static int
round_load_open(long long id, struct round_row *r)
{
	sqlite3_stmt *s = round_stmt(RD_ROUND);
	int           rc;

	db_bind_int64(s, 1, id);
	if ((rc = db_row(s)) == 1 && db_null(s, RDL_CLOSED_AT)) {
		r->id = id;
		snprintf(r->deadline, sizeof r->deadline, "%s", db_text(s, RDL_DEADLINE));
		if ((r->name = strdup(db_text(s, RDL_NAME))) == NULL)
			rc = -1;
	} else if (rc == 1)
		rc = 0;
	db_reset(s);
	return rc;
}

int
round_close(sqlite3 *rw, long long id, long long staff_id, time_t now, char *as_of)
{
	struct round_row r = { 0 };
	sqlite3_stmt    *s;
	char             at[32];
	long long       *plans = NULL, *np;
	size_t           n = 0, i;
	int              rc;

	utc_format(now, at, sizeof at);
	if (round_day(now, as_of) != 0 || store_begin(rw) != 0)
		return -1;
	if ((rc = round_load_open(id, &r)) == 1) {
		s = store_stmt(&store_rounds, RX_CLOSE);
		db_bind_int64(s, 1, id);
		db_bind_text(s, 2, at);
		db_bind_text(s, 3, as_of);
		db_bind_int64(s, 4, staff_id);
		rc = store_run(s) == 0 && db_changes(s) == 1 ? 0 : -1;
	} else if (rc == 0)
		rc = 1;
	/* The plans first: snapshot_take runs statements of its own. */
	s = round_stmt(RD_ROUND_PLANS);
	db_bind_int64(s, 1, id);
	while (rc == 0 && db_step(s) == SQLITE_ROW) {
		if ((np = realloc(plans, (n + 1) * sizeof *plans)) == NULL) {
			rc = -1;
			break;
		}
		plans = np;
		plans[n++] = db_int64(s, RDP_ID);
	}
	db_reset(s);
	if (rc == 0 && db_failed())
		rc = -1;
	for (i = 0; rc == 0 && i < n; i++)
		if (snapshot_take(rw, plans[i], as_of, id, r.name) < 0)
			rc = db_failed() ? -1 : 2;
	free(plans);
	free(r.name);
	return finish(rw, rc);
}

/* Which automatic reminder of round r is due on today (Lisbon), opened on day opened:
 * "day" within ROUND_DAY_DAYS of the deadline, else "week" within ROUND_WEEK_DAYS, each
 * only when the round opened before that reminder's day; NULL when none. */
static const char *
due_kind(const struct round_row *r, const char *today, const char *opened)
{
	long end = day_number(r->deadline), now = day_number(today), from = day_number(opened);

	if (end < 0 || now < 0 || from < 0 || now > end)
		return NULL;
	if (end - now <= ROUND_DAY_DAYS)
		return end - from > ROUND_DAY_DAYS ? "day" : NULL;
	if (end - now <= ROUND_WEEK_DAYS)
		return end - from > ROUND_WEEK_DAYS ? "week" : NULL;
	return NULL;
}

/* The open rounds with the reminder due for each on today: *out (n of them; names
 * malloc'd).  Returns 0 or -1. */
static int
due_load(const char *today, struct round_row **out, size_t *n)
{
	sqlite3_stmt     *s = store_stmt(&store_rounds, RX_OPEN_ROUNDS);
	struct round_row *r = NULL, *nr;
	char              opened[11];
	time_t            t;
	int               rc = 0;

	*n = 0;
	while (rc == 0 && db_step(s) == SQLITE_ROW) {
		if ((nr = realloc(r, (*n + 1) * sizeof *r)) == NULL ||
		    ((r = nr)[*n].name = strdup(db_text(s, RXO_NAME))) == NULL) {
			rc = -1;
			break;
		}
		r[*n].id = db_int64(s, RXO_ID);
		snprintf(r[*n].deadline, sizeof r[*n].deadline, "%s", db_text(s, RXO_DEADLINE));
		r[*n].kind = NULL;
		if (utc_parse(db_text(s, RXO_OPENED_AT), &t) == 0 && round_day(t, opened) == 0)
			r[*n].kind = due_kind(&r[*n], today, opened);
		(*n)++;
	}
	db_reset(s);
	*out = r;
	return rc == 0 && !db_failed() ? 0 : -1;
}

int
round_remind_due(sqlite3 *rw, const char *base, time_t now, struct round_sent *sent)
{
	struct round_row *r = NULL;
	char              today[11];
	size_t            n = 0, i;
	int               rc;

	memset(sent, 0, sizeof *sent);
	if (round_day(now, today) != 0 || store_begin(rw) != 0)
		return -1;
	rc = due_load(today, &r, &n);
	for (i = 0; rc == 0 && i < n; i++)
		if (r[i].kind != NULL)
			rc = send_round(
			    &r[i], r[i].kind, &(struct want){ 0, 1, 0 }, 0, base, now, sent);
	for (i = 0; i < n; i++)
		free(r[i].name);
	free(r);
	return finish(rw, rc);
}

int
round_remind_now(sqlite3 *rw, long long id, long long entity, long long staff_id, const char *base,
    time_t now, struct round_sent *sent)
{
	struct round_row r = { 0 };
	struct want      w = { entity, 1, (long long)now - ROUND_MANUAL_GAP };
	int              rc;

	memset(sent, 0, sizeof *sent);
	if (store_begin(rw) != 0)
		return -1;
	if ((rc = round_load_open(id, &r)) == 1)
		rc = send_round(&r, "manual", &w, staff_id, base, now, sent);
	else if (rc == 0)
		rc = 1;
	free(r.name);
	return finish(rw, rc);
}
