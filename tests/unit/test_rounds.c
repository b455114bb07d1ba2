/* Unit tests of store/rounds: the scope of a round covering plan 2 (its bodies, their
 * active member editors, their commitments and milestones), the opening email as queued
 * in the outbox (headers, both parts, the body's name, the deadline, the workspace links,
 * nothing that tracks), the schedule of the automatic reminders with the clock moved (8
 * days before: nothing; 7: the week reminder, once; 1: the day reminder; none for a body
 * already updated, none for a closed round), the reminders by hand and their double-click
 * gap, and closing with its snapshots.  On the real content.  TAP output through Check. */
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../lib/testlib.h"
#include "lib/consult.h"
#include "store/db.h"
#include "store/rounds.h"
#include "store/stmt.h"

#define BASE     "https://rnaa.example.pt"
#define DEADLINE "2026-04-30"
#define NAME     "Autoavaliação intercalar 2026"
#define WS       BASE "/admin/commitments/" /* a workspace's address, before its id */

static char      path[64];
static sqlite3  *db;
static long long plan2, ama, ti, cada, focal;

/* The integer answer of sql (?1 bound to i1 when sql has it), or -1. */
static long long
one(const char *sql, long long i1)
{
	sqlite3_stmt *s;
	long long     v = -1;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db));
	if (sqlite3_bind_parameter_count(s) > 0)
		sqlite3_bind_int64(s, 1, i1);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Runs sql of the test's own. */
static void
run(const char *sql)
{
	char *err = NULL;

	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK, "%s: %s", sql, err);
}

/* Adds a staff member; returns its id. */
static long long
staff(const char *login, const char *role, long long entity, int disabled)
{
	sqlite3_stmt *s;

	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "INSERT INTO staff (login, name, role, entity_id, pw_hash, disabled) "
			     "VALUES (?1, ?1, ?2, nullif(?3, 0), 'x', ?4)",
			     -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(s, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, role, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, entity);
	sqlite3_bind_int(s, 4, disabled);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	return sqlite3_last_insert_rowid(db);
}

/* A test database with the real content, the statements prepared, and staff: two
 * editors of AMA (one disabled), one of TI Portugal, one of CADA (a body with no
 * commitment in plan 2), a focal point. */
static void
setup(void)
{
	char err[256];

	ck_assert_int_eq(test_db_create(path, sizeof path, "aberta-rounds"), 0);
	ck_assert_ptr_nonnull(db = db_open(path, 1, err, sizeof err));
	ck_assert_msg(store_prepare(STORE_RW, db, err, sizeof err) == 0, "%s", err);
	plan2 = one("SELECT id FROM action_plan WHERE number = 2", 0);
	ama = one("SELECT id FROM entity WHERE slug = 'ama'", 0);
	ti = one("SELECT id FROM entity WHERE slug = 'ti-portugal'", 0);
	cada = one("SELECT id FROM entity WHERE slug = 'cada'", 0);
	ck_assert(plan2 > 0 && ama > 0 && ti > 0 && cada > 0);
	staff("ana@ama.example.pt", "member", ama, 0);
	staff("old@ama.example.pt", "member", ama, 1);
	staff("rui@ti.example.pt", "member", ti, 0);
	staff("eva@cada.example.pt", "member", cada, 0);
	focal = staff("ines@example.org", "focal", 0, 0);
}

/* Closes and removes the database. */
static void
teardown(void)
{
	store_finalize(STORE_RW);
	sqlite3_close(db);
	test_db_remove(path);
}

/* The time of iso (YYYY-MM-DDTHH:MM:SSZ). */
static time_t
at(const char *iso)
{
	time_t t;

	ck_assert_int_eq(utc_parse(iso, &t), 0);
	return t;
}

/* Opens a round on plan 2 at now with deadline; returns its id. */
static long long
open_round(const char *deadline, time_t now, struct round_sent *sent)
{
	long long plans[1] = { plan2 }, id;

	id = round_open(db, NAME, deadline, plans, 1, focal, BASE, now, sent);
	ck_assert_msg(id > 0, "round_open: %lld (%s)", id, db_last_error());
	return id;
}

/* The messages in the outbox. */
static long long
outbox(void)
{
	return one("SELECT count(*) FROM outbox", 0);
}

START_TEST(scope_of_plan_2)
{
	struct round_sent sent;
	sqlite3_stmt     *s;
	long long         id, n = 0, cmts = 0, ms = 0, cid = 0;
	int               seen_ama = 0, seen_ti = 0;

	setup();
	id = open_round(DEADLINE, at("2026-03-01T10:00:00Z"), &sent);
	/* The bodies: every body leading or supporting a commitment of plan 2, and no other. */
	s = round_stmt(RD_BODIES);
	sqlite3_bind_int64(s, 1, id);
	while (sqlite3_step(s) == SQLITE_ROW) {
		n++;
		ck_assert_int_eq(
		    one("SELECT count(*) FROM commitment_entity ce JOIN commitment c ON "
			"c.id = ce.commitment_id WHERE c.plan_id = 2 AND ce.entity_id = ?1",
			db_int64(s, RDB_ID)) > 0,
		    1);
		ck_assert_int_eq(round_body_state(s), ROUND_NOT_YET);
		if (db_int64(s, RDB_ID) == ama) {
			seen_ama = 1;
			ck_assert_int_eq(db_int(s, RDB_EDITORS), 1); /* the disabled one is not */
			ck_assert_int_eq(db_int(s, RDB_COMMITMENTS), 6);
		}
		if (db_int64(s, RDB_ID) == ti) {
			seen_ti = 1;
			ck_assert_int_eq(db_int(s, RDB_EDITORS), 1);
		}
		ck_assert_int_ne(db_int64(s, RDB_ID), cada);
	}
	sqlite3_reset(s);
	ck_assert(seen_ama && seen_ti);
	ck_assert_int_eq(n,
	    one("SELECT count(DISTINCT ce.entity_id) FROM commitment_entity ce "
		"JOIN commitment c ON c.id = ce.commitment_id WHERE c.plan_id = 2",
		0));
	/* The editors of AMA: the active member editor only. */
	s = round_stmt(RD_EDITORS);
	sqlite3_bind_int64(s, 1, ama);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq(db_text(s, RDE_LOGIN), "ana@ama.example.pt");
	ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
	/* AMA's commitments in scope, with every milestone of each, and its role. */
	s = round_stmt(RD_ITEMS);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, ama);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (db_int64(s, RDI_CID) != cid) {
			cid = db_int64(s, RDI_CID);
			cmts++;
			ck_assert_int_eq(db_int(s, RDI_LEAD),
			    strcmp(db_text(s, RDI_OGP_ID), "PT0011") == 0 ||
				strcmp(db_text(s, RDI_OGP_ID), "PT0013") == 0 ||
				strcmp(db_text(s, RDI_OGP_ID), "PT0016") == 0);
		}
		ms += !db_null(s, RDI_MID);
	}
	sqlite3_reset(s);
	ck_assert_int_eq(cmts, 6);
	ck_assert_int_eq(ms,
	    one("SELECT count(*) FROM milestone m JOIN commitment c ON c.id = "
		"m.commitment_id JOIN commitment_entity ce ON ce.commitment_id = "
		"c.id WHERE c.plan_id = 2 AND ce.entity_id = ?1",
		ama));
	/* The opening email: one to each active editor of a body in scope. */
	ck_assert_int_eq(sent.bodies, 2);
	ck_assert_int_eq(sent.messages, 2);
	ck_assert_int_eq(sent.skipped, n - 2);
	ck_assert_int_eq(outbox(), 2);
	ck_assert_int_eq(one("SELECT count(*) FROM outbox WHERE rcpt IN ('ana@ama.example.pt', "
			     "'rui@ti.example.pt') AND submission_id IS NULL",
			     0),
	    2);
	ck_assert_int_eq(one("SELECT count(*) FROM round_notice WHERE kind = 'open' AND "
			     "round_id = ?1 AND staff_id IS NOT NULL",
			     id),
	    2);
	teardown();
}
END_TEST

/* 1 when s starts with prefix. */
static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Joins the lines of s: each line end becomes one space. */
static void
unwrap(char *s)
{
	char *w = s;

	for (; *s != '\0'; s++)
		if (*s == '\r')
			continue;
		else
			*w++ = *s == '\n' ? ' ' : *s;
	*w = '\0';
}

/* The message queued to rcpt (malloc'd). */
static char *
message_to(const char *rcpt)
{
	sqlite3_stmt *s;
	char         *m = NULL;

	ck_assert_int_eq(
	    sqlite3_prepare_v2(
		db, "SELECT message FROM outbox WHERE rcpt = ?1 ORDER BY id DESC", -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(s, 1, rcpt, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_ptr_nonnull(m = strdup((const char *)sqlite3_column_text(s, 0)));
	sqlite3_finalize(s);
	return m;
}

/* The Subject of message m, its encoded words decoded, into out. */
static void
subject_of(const char *m, char *out, size_t len)
{
	const char *p = strstr(m, "\r\nSubject:"), *e;
	char        b64[128];
	size_t      n, got;

	ck_assert_ptr_nonnull(p);
	out[0] = '\0';
	for (p += 10; strncmp(p, " =?UTF-8?B?", 11) == 0; p = e + 4) {
		p += 11;
		ck_assert_ptr_nonnull(e = strstr(p, "?=\r\n"));
		snprintf(b64, sizeof b64, "%.*s", (int)(e - p), p);
		n = strlen(out);
		ck_assert_int_eq(sodium_base642bin((unsigned char *)out + n, len - n - 1, b64,
				     strlen(b64), NULL, &got, NULL, sodium_base64_VARIANT_ORIGINAL),
		    0);
		out[n + got] = '\0';
	}
	ck_assert_msg(strncmp(p, "MIME-Version", 12) == 0, "after the subject: %.40s", p);
}

/* Checks every address in the message m: each http(s) address is BASE/admin/ or a
 * workspace BASE/admin/commitments/N of a commitment AMA leads or supports in plan 2,
 * with no query, fragment or anything else that could name the reader.  Returns how
 * many workspace links there are. */
static int
links_of(const char *m)
{
	const char *p = m;
	char        url[300];
	size_t      n;
	long long   cid;
	int         count = 0;

	while ((p = strstr(p, "http")) != NULL) {
		n = strcspn(p, " \r\n\"<>()");
		snprintf(url, sizeof url, "%.*s", (int)n, p);
		p += n;
		if (strcmp(url, BASE "/admin/") == 0)
			continue;
		ck_assert_msg(starts(url, WS), "link %s", url);
		ck_assert_msg(strspn(url + strlen(WS), "0123456789") == strlen(url + strlen(WS)),
		    "link %s", url);
		cid = strtoll(url + strlen(WS), NULL, 10);
		ck_assert_int_eq(
		    one("SELECT count(*) FROM commitment_entity ce JOIN commitment c ON "
			"c.id = ce.commitment_id WHERE c.plan_id = 2 AND ce.entity_id = "
			"(SELECT id FROM entity WHERE slug = 'ama') AND c.id = ?1",
			cid) > 0,
		    1);
		count++;
	}
	return count;
}

START_TEST(the_opening_email)
{
	struct round_sent sent;
	char             *m, *text, *html, subj[400], boundary[80];
	const char       *p, *e;

	setup();
	open_round(DEADLINE, at("2026-03-01T10:00:00Z"), &sent);
	m = message_to("ana@ama.example.pt");
	/* Lines of CRLF, none over SMTP's 998 bytes. */
	for (p = m; *p != '\0'; p = e + 2) {
		ck_assert_ptr_nonnull(e = strstr(p, "\r\n"));
		ck_assert_int_le(e - p, 998);
	}
	/* Headers: each line under 78 characters, the subject encoded word by word. */
	for (p = m; p < strstr(m, "\r\n\r\n"); p = e + 2) {
		e = strstr(p, "\r\n");
		ck_assert_msg(
		    e - p <= 78, "header line of %d: %.*s", (int)(e - p), (int)(e - p), p);
	}
	ck_assert_ptr_nonnull(strstr(m, "\r\nTo: ana@ama.example.pt\r\n"));
	ck_assert_ptr_nonnull(strstr(m, "\r\nFrom: "));
	ck_assert_ptr_nonnull(strstr(m, "\r\nMessage-ID: <"));
	ck_assert_ptr_nonnull(strstr(m, "\r\nAuto-Submitted: auto-generated\r\n"));
	subject_of(m, subj, sizeof subj);
	ck_assert_str_eq(subj, "Ronda de reporte «" NAME "»: atualização até 30 de abril de 2026");
	ck_assert_ptr_nonnull(strstr(m, "\r\nMIME-Version: 1.0\r\n"));
	ck_assert_ptr_nonnull(
	    p = strstr(m, "Content-Type: multipart/alternative;\r\n boundary=\""));
	p += strlen("Content-Type: multipart/alternative;\r\n boundary=\"");
	snprintf(boundary, sizeof boundary, "--%.*s", (int)strcspn(p, "\""), p);
	/* Two parts, plain text first, then HTML, then the closing boundary. */
	ck_assert_ptr_nonnull(text = strstr(m, boundary));
	ck_assert_ptr_nonnull(html = strstr(text + 1, boundary));
	ck_assert_ptr_nonnull(e = strstr(html + 1, boundary));
	ck_assert_str_eq(e + strlen(boundary), "--\r\n");
	ck_assert_int_eq(starts(text + strlen(boundary),
			     "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
			     "Content-Transfer-Encoding: 8bit\r\n\r\n"),
	    1);
	ck_assert_int_eq(starts(html + strlen(boundary),
			     "\r\nContent-Type: text/html; charset=UTF-8\r\n"
			     "Content-Transfer-Encoding: 8bit\r\n\r\n<!DOCTYPE html>"),
	    1);
	/* What each part says: the body, the round, the deadline, the links (the text's
	 * lines joined). */
	html[-1] = '\0';
	unwrap(text);
	ck_assert_ptr_nonnull(
	    strstr(text, "Agência para a Modernização Administrativa, I.P. (AMA)"));
	ck_assert_ptr_nonnull(
	    strstr(html, "Agência para a Modernização Administrativa, I.P. (AMA)"));
	ck_assert_ptr_nonnull(strstr(text, "«" NAME "»"));
	ck_assert_ptr_nonnull(strstr(text, "até 30 de abril de 2026"));
	ck_assert_ptr_nonnull(strstr(html, "até 30 de abril de 2026"));
	ck_assert_ptr_nonnull(strstr(text, "6 compromissos"));
	ck_assert_ptr_nonnull(strstr(text, "PT0011 — "));
	ck_assert_int_eq(links_of(text), 6);
	ck_assert_int_eq(links_of(html), 6);
	ck_assert_ptr_nonnull(strstr(html, "<a href=\"" BASE "/admin/commitments/"));
	/* Nothing that tracks: no image, no style sheet or script, no other address. */
	ck_assert_ptr_null(strstr(html, "<img"));
	ck_assert_ptr_null(strstr(html, "<link"));
	ck_assert_ptr_null(strstr(html, "<script"));
	ck_assert_ptr_null(strstr(html, "url("));
	free(m);
	teardown();
}
END_TEST

/* Runs the automatic reminders at iso; returns the messages they queued. */
static int
remind_at(const char *iso)
{
	struct round_sent sent;

	ck_assert_msg(round_remind_due(db, BASE, at(iso), &sent) == 0, "%s", db_last_error());
	return sent.messages;
}

/* The notices of kind of round id. */
static long long
notices(long long id, const char *kind)
{
	sqlite3_stmt *s;
	long long     n;

	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "SELECT count(*) FROM round_notice WHERE round_id = ?1 AND kind = ?2",
			     -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

START_TEST(reminder_schedule)
{
	struct round_sent sent;
	long long         id, closed, late, before;
	char              sql[600];

	setup();
	id = open_round(DEADLINE, at("2026-03-01T10:00:00Z"), &sent);
	closed = open_round(DEADLINE, at("2026-03-01T10:00:00Z"), &sent);
	run("UPDATE round SET closed_at = '2026-03-02T10:00:00Z', closed_on = '2026-03-02' "
	    "WHERE id = (SELECT max(id) FROM round)");
	before = outbox();
	/* Eight days before the deadline (Lisbon): nothing yet. */
	ck_assert_int_eq(remind_at("2026-04-22T08:00:00Z"), 0);
	ck_assert_int_eq(remind_at("2026-04-22T22:59:59Z"), 0);
	/* Seven days before (23:00 UTC is midnight in Lisbon, summer time): the week
	 * reminder to the two bodies with an editor, once however often it runs. */
	ck_assert_int_eq(remind_at("2026-04-22T23:00:00Z"), 2);
	ck_assert_int_eq(remind_at("2026-04-23T09:00:00Z"), 0);
	ck_assert_int_eq(remind_at("2026-04-26T09:00:00Z"), 0);
	ck_assert_int_eq(notices(id, "week"), 2);
	ck_assert_int_eq(outbox(), before + 2);
	/* A change to PT0011, which AMA alone leads, is saved (a staff edit in the revision
	 * log): AMA has updated. */
	snprintf(sql, sizeof sql,
	    "INSERT INTO revision (change_id, at, staff_id, actor, tbl, row_id, commitment_id, "
	    "plan_id, op, field, before, after) SELECT 9999, '2026-04-27T09:00:00Z', %lld, 'Inês', "
	    "'commitment', c.id, c.id, c.plan_id, 'update', 'self_percent', NULL, '50' FROM "
	    "commitment c WHERE c.ogp_id = 'PT0011'",
	    focal);
	run(sql);
	ck_assert_int_eq(sqlite3_changes(db), 1);
	/* A day before: the day reminder, to TI Portugal only; again, nothing. */
	ck_assert_int_eq(remind_at("2026-04-29T08:00:00Z"), 1);
	ck_assert_int_eq(notices(id, "day"), 1);
	ck_assert_int_eq(one("SELECT count(*) FROM round_notice WHERE kind = 'day' AND entity_id = "
			     "(SELECT id FROM entity WHERE slug = 'ti-portugal')",
			     0),
	    1);
	ck_assert_int_eq(remind_at("2026-04-29T20:00:00Z"), 0);
	ck_assert_int_eq(remind_at("2026-04-30T09:00:00Z"), 0);
	ck_assert_int_eq(remind_at("2026-05-01T09:00:00Z"), 0);
	/* The closed round sent nothing but its opening. */
	ck_assert_int_eq(notices(closed, "week") + notices(closed, "day"), 0);
	/* A round opened five days before its deadline has no week reminder; its day one
	 * comes. */
	late = open_round("2026-05-20", at("2026-05-15T10:00:00Z"), &sent);
	ck_assert_int_eq(remind_at("2026-05-16T10:00:00Z"), 0);
	ck_assert_int_eq(remind_at("2026-05-19T10:00:00Z"), 2);
	ck_assert_int_eq(notices(late, "week"), 0);
	ck_assert_int_eq(notices(late, "day"), 2);
	teardown();
}
END_TEST

START_TEST(reminders_by_hand)
{
	struct round_sent sent;
	long long         id, t = at("2026-04-10T09:00:00Z");

	setup();
	id = open_round(DEADLINE, at("2026-03-01T10:00:00Z"), &sent);
	/* One body: its editors get one; a double click a few seconds later sends nothing. */
	ck_assert_int_eq(round_remind_now(db, id, ama, focal, BASE, t, &sent), 0);
	ck_assert_int_eq(sent.messages, 1);
	ck_assert_int_eq(round_remind_now(db, id, ama, focal, BASE, t + 3, &sent), 0);
	ck_assert_int_eq(sent.messages, 0);
	ck_assert_int_eq(sent.skipped, 1);
	ck_assert_int_eq(notices(id, "manual"), 1);
	/* Five minutes later it may be sent again. */
	ck_assert_int_eq(
	    round_remind_now(db, id, ama, focal, BASE, t + ROUND_MANUAL_GAP + 1, &sent), 0);
	ck_assert_int_eq(sent.messages, 1);
	/* To all "not yet": TI Portugal (AMA was just reminded). */
	ck_assert_int_eq(round_remind_now(db, id, 0, focal, BASE, t + 400, &sent), 0);
	ck_assert_int_eq(sent.messages, 1);
	ck_assert_int_eq(sent.bodies, 1);
	ck_assert_int_eq(notices(id, "manual"), 3);
	/* A body that has updated is not reminded, even when named. */
	run("INSERT INTO revision (change_id, staff_id, actor, tbl, row_id, commitment_id, "
	    "plan_id, "
	    "op, field, before, after) SELECT 9998, NULL, 'x', 'commitment', c.id, c.id, "
	    "c.plan_id, "
	    "'update', 'note_pt', NULL, 'y' FROM commitment c WHERE c.ogp_id = 'PT0011'");
	ck_assert_int_eq(
	    round_remind_now(db, id, ama, focal, BASE, t + 3 * ROUND_MANUAL_GAP, &sent), 0);
	ck_assert_int_eq(sent.messages, 1); /* an import (no staff id) is no update */
	run("INSERT INTO revision (change_id, staff_id, actor, tbl, row_id, commitment_id, "
	    "plan_id, "
	    "op, field, before, after) SELECT 9999, 1, 'x', 'commitment', c.id, c.id, c.plan_id, "
	    "'update', 'note_pt', 'y', 'z' FROM commitment c WHERE c.ogp_id = 'PT0011'");
	ck_assert_int_eq(
	    round_remind_now(db, id, ama, focal, BASE, t + 5 * ROUND_MANUAL_GAP, &sent), 0);
	ck_assert_int_eq(sent.messages, 0);
	ck_assert_int_eq(sent.skipped, 1);
	ck_assert_int_eq(notices(id, "manual"), 4);
	/* A body outside the scope, a closed round: refused, nothing sent. */
	ck_assert_int_eq(round_remind_now(db, id, cada, focal, BASE, t + 900, &sent), 2);
	run("UPDATE round SET closed_at = '2026-04-11T09:00:00Z', closed_on = '2026-04-11'");
	ck_assert_int_eq(round_remind_now(db, id, ti, focal, BASE, t + 2000, &sent), 1);
	ck_assert_int_eq(notices(id, "manual"), 4);
	teardown();
}
END_TEST

START_TEST(closing)
{
	struct round_sent sent;
	long long         id;
	time_t            now = time(NULL);
	char              as_of[11], today[11];

	setup();
	id = open_round("2099-12-31", now, &sent);
	ck_assert_int_eq(round_day(now, today), 0);
	ck_assert_int_eq(round_close(db, id, focal, now, as_of), 0);
	ck_assert_str_eq(as_of, today);
	ck_assert_int_eq(one("SELECT count(*) FROM round WHERE closed_at IS NOT NULL AND "
			     "closed_by IS NOT NULL AND id = ?1",
			     id),
	    1);
	ck_assert_int_eq(
	    one("SELECT count(*) FROM snapshot WHERE round_id = ?1 AND plan_id = 2", id), 1);
	ck_assert_int_eq(
	    one("SELECT count(*) FROM snapshot_commitment WHERE snapshot_id = (SELECT id FROM "
		"snapshot WHERE round_id = ?1)",
		id),
	    9);
	/* A second close is refused and changes nothing. */
	ck_assert_int_eq(round_close(db, id, focal, now, as_of), 1);
	ck_assert_int_eq(one("SELECT count(*) FROM snapshot", 0), 1);
	/* Another round on plan 2 closed the same day: the snapshot of that day exists, so
	 * nothing is written and the round stays open. */
	id = open_round("2099-12-31", now, &sent);
	ck_assert_int_eq(round_close(db, id, focal, now, as_of), 2);
	ck_assert_int_eq(
	    one("SELECT count(*) FROM round WHERE closed_at IS NULL AND id = ?1", id), 1);
	ck_assert_int_eq(round_close(db, 999, focal, now, as_of), 1);
	teardown();
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { scope_of_plan_2, the_opening_email, reminder_schedule,
		reminders_by_hand, closing, NULL };

	if (sodium_init() < 0)
		return 1;
	return tests_main(tests_suite("rounds", 120, tests));
}
