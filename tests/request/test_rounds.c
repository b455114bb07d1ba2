/* The reporting rounds' pages (/admin/rounds): member editors refused (403), a POST
 * without the anti-CSRF token refused; the opening form's errors (an empty name, a past
 * deadline, no plan) shown in the error summary and beside each field with nothing
 * written; a round opened for plan 2 queues one email per active editor with the
 * workspace links under ABERTA_BASE_URL; the board shows each body as updated (a staff
 * edit), proposed (a member's pending draft) or not yet; a reminder by hand and its
 * double click; closing after its confirmation page writes the snapshot, the board links
 * to it, and a second close is refused.  The real binary in CGI mode, logged in by
 * session rows of the test's own, on a test database with the real content.  TAP output
 * through Check. */
#include <time.h>

#include "../lib/client.h"
#include "../lib/testlib.h"
#include "store/rounds.h"

#define BASE "https://rnaa.example.pt"

/* What every request adds (see cgi_as).  The emails are left in the outbox
 * (ABERTA_ADMIN is a program that sends nothing). */
static const char *const env[] = { "ABERTA_ADMIN=/bin/true", "ABERTA_BASE_URL=" BASE "/", NULL };
static struct session    focal, member;

/* The day after today, in Lisbon, plus days. */
static void
day_from_now(int days, char *out)
{
	ck_assert_int_eq(round_day(time(NULL) + (time_t)days * 86400, out), 0);
}

START_TEST(member_editors_and_csrf_refused)
{
	struct res r;
	char       body[256], day[11];

	cgi_get(&member, "/admin/rounds", &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	cgi_get(&member, "/admin/rounds/1", &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	day_from_now(30, day);
	snprintf(body, sizeof body, "csrf=%s&name=X&deadline=%s&plan=2", member.csrf, day);
	cgi_as(&member, "POST", "/admin/rounds", body, &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	/* The focal point without the token, or with another session's. */
	snprintf(body, sizeof body, "name=X&deadline=%s&plan=2", day);
	cgi_as(&focal, "POST", "/admin/rounds", body, &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	snprintf(body, sizeof body, "csrf=%s&name=X&deadline=%s&plan=2", member.csrf, day);
	cgi_as(&focal, "POST", "/admin/rounds", body, &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM round"), 0);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM outbox"), 0);
}
END_TEST

START_TEST(opening_errors)
{
	static const struct {
		const char *body, *message; /* DAY: a date a month ahead */
	} bad[] = {
		{ "name=&deadline=DAY&plan=2", "Escreva o nome da ronda" },
		{ "name=%20%20&deadline=DAY&plan=2", "Escreva o nome da ronda" },
		{ "name=Ronda&deadline=2020-01-01&plan=2",
		    "O prazo não pode ser uma data passada" },
		{ "name=Ronda&deadline=2026-02-30&plan=2", "Indique o prazo como uma data" },
		{ "name=Ronda&deadline=DAY", "Escolha pelo menos um plano" },
		{ "name=Ronda&deadline=DAY&plan=x", "Escolha os planos da lista" },
		{ "name=Ronda&deadline=DAY&plan=77", "Um dos planos escolhidos já não existe" },
	};
	struct res  r;
	char        body[256], day[11];
	const char *at;
	size_t      i;

	day_from_now(30, day);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		at = strstr(bad[i].body, "DAY");
		snprintf(body, sizeof body, "%.*s%s%s",
		    at ? (int)(at - bad[i].body) : (int)strlen(bad[i].body), bad[i].body,
		    at ? day : "", at ? at + 3 : "");
		cgi_post_body(&focal, "/admin/rounds", body, &r);
		ck_assert_msg(r.status == 400, "%s: %d", body, r.status);
		ck_assert_msg(res_count(&r, bad[i].message) >= 1, "%s: no message", body);
		ck_assert_int_eq(res_count(&r, "<div class=\"error-box\" role=\"alert\""), 1);
		ck_assert_int_ge(res_count(&r, "aria-invalid=\"true\"") +
			res_count(&r, "aria-describedby=\"e-plans\""),
		    1);
		res_free(&r);
	}
	/* All three at once: each in the summary, linked to its field. */
	cgi_post_body(&focal, "/admin/rounds", "name=&deadline=2020-01-01", &r);
	ck_assert_int_eq(r.status, 400);
	ck_assert_int_eq(res_count(&r, "<li><a href=\"#f-name\">"), 1);
	ck_assert_int_eq(res_count(&r, "<li><a href=\"#f-deadline\">"), 1);
	ck_assert_int_eq(res_count(&r, "<li><a href=\"#f-plans\">"), 1);
	ck_assert_int_eq(res_count(&r, "value=\"2020-01-01\""), 1); /* what was sent stays */
	res_free(&r);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM round"), 0);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM outbox"), 0);
}
END_TEST

/* The group of the board r for state key (NOT_YET, PROPOSED, UPDATED), copied into out. */
static const char *
group(const struct res *r, const char *key, char *out, size_t len)
{
	char        needle[64];
	const char *a, *b;

	snprintf(needle, sizeof needle, "aria-labelledby=\"g-%s\"", key);
	ck_assert_ptr_nonnull(a = strstr(r->body.p, needle));
	ck_assert_ptr_nonnull(b = strstr(a, "</section>"));
	snprintf(out, len, "%.*s", (int)(b - a), a);
	return out;
}

/* The message queued to rcpt, copied into out. */
static const char *
message_to(const char *rcpt, char *out, size_t len)
{
	return sql_text("SELECT message FROM outbox WHERE rcpt = ?1 ORDER BY id DESC LIMIT 1", rcpt,
	    0, out, len);
}

/* Opens a round on plan 2 a month ahead as the focal point: one email to each of the
 * two active editors, linking to the workspaces.  Returns its id; the board's address
 * with the flash of the opening goes into loc. */
static long long
open_round(char *loc, size_t len)
{
	static char msg[65536];
	struct res  r;
	char        body[256], day[11], want[128];
	long long   id;

	day_from_now(30, day);
	snprintf(body, sizeof body,
	    "name=Autoavalia%%C3%%A7%%C3%%A3o%%20intercalar%%202026&deadline=%s&plan=2", day);
	cgi_post_body(&focal, "/admin/rounds", body, &r);
	ck_assert_int_eq(r.status, 303);
	ck_assert_ptr_nonnull(res_header(&r, "Location", loc, len));
	res_free(&r);
	id = sql_one("SELECT max(id) FROM round");
	snprintf(want, sizeof want, "/admin/rounds/%lld?opened=1&sent=2&bodies=2&", id);
	ck_assert_msg(strstr(loc, want) != NULL, "Location %s", loc);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM round_plan WHERE plan_id = 2"), 1);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM outbox"), 2);
	message_to("ana@ama.example.pt", msg, sizeof msg);
	ck_assert_ptr_nonnull(strstr(msg, "\r\nTo: ana@ama.example.pt\r\n"));
	ck_assert_ptr_nonnull(strstr(msg, "Content-Type: multipart/alternative;"));
	ck_assert_ptr_nonnull(strstr(msg, "Content-Type: text/html; charset=UTF-8"));
	ck_assert_ptr_nonnull(strstr(msg, "<a href=\"" BASE "/admin/commitments/11\">"));
	ck_assert_ptr_nonnull(strstr(msg, "\r\n" BASE "/admin/commitments/11\r\n"));
	ck_assert_ptr_null(strstr(msg, "<img"));
	ck_assert_ptr_nonnull(message_to("rui@ti.example.pt", msg, sizeof msg));
	ck_assert_ptr_nonnull(strstr(msg, "Transparência e Integridade"));
	return id;
}

/* The board of round id at loc: every body "not yet"; then a staff edit of PT0011 (AMA
 * alone leads it) makes AMA "updated", a pending draft of TI Portugal's editor on PT0015
 * makes it "proposed" (a draft with a broken payload beside it changes nothing), the
 * others stay "not yet". */
static void
board_states(long long id, const char *loc)
{
	static char g[65536];
	struct res  r;
	char        path[64];

	cgi_get(&focal, loc, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(res_count(&r, "Ronda aberta: 2 mensagens"), 1);
	ck_assert_int_eq(res_count(&r, "aria-labelledby=\"g-"), 3);
	ck_assert_ptr_nonnull(
	    strstr(group(&r, "NOT_YET", g, sizeof g), "Agência para a Moderniza"));
	res_free(&r);
	sql_do(
	    "INSERT INTO revision (change_id, staff_id, actor, tbl, row_id, commitment_id, "
	    "plan_id, op, field, before, after) SELECT 9001, id, name, 'commitment', 11, 11, 2, "
	    "'update', 'note_pt', NULL, 'Atualizado' FROM staff WHERE login = 'ines@example.org'");
	sql_do("INSERT INTO draft (staff_id, tbl, row_id, base_version, payload) SELECT id, "
	       "'commitments', (SELECT id FROM commitment WHERE ogp_id = 'PT0015'), 1, '{}' FROM "
	       "staff WHERE login = 'rui@ti.example.pt'");
	/* A new milestone's draft whose payload is not JSON (the column has no check): it
	 * is about no commitment, and the board still answers. */
	sql_do("INSERT INTO draft (staff_id, tbl, row_id, base_version, payload) SELECT id, "
	       "'milestones', NULL, 0, 'not json' FROM staff WHERE login = 'rui@ti.example.pt'");
	snprintf(path, sizeof path, "/admin/rounds/%lld", id);
	cgi_get(&focal, path, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(
	    strstr(group(&r, "UPDATED", g, sizeof g), "Agência para a Moderniza"));
	ck_assert_ptr_nonnull(strstr(group(&r, "PROPOSED", g, sizeof g), "(TI Portugal)"));
	ck_assert_ptr_nonnull(strstr(group(&r, "NOT_YET", g, sizeof g), "Autoridade Tributária"));
	ck_assert_ptr_null(strstr(g, "Agência para a Moderniza"));
	ck_assert_int_eq(
	    res_count(&r, ": 1 atualizada(s), 1 com propostas à espera de revisão"), 1);
	ck_assert_int_eq(res_count(&r, "<a href=\"/admin/commitments/11\">PT0011</a>"), 1);
	/* Nobody "not yet" has an editor: no button to remind them all, nor one. */
	ck_assert_int_eq(res_count(&r, "name=\"entity\" value=\"all\""), 0);
	ck_assert_int_eq(res_count(&r, "/remind\""), 0);
	res_free(&r);
}

/* A reminder by hand to TI Portugal in round id (not yet updated), and a double click
 * that sends nothing. */
static void
remind_by_hand(long long id)
{
	struct res r;
	char       path[64], body[64], loc[256];

	snprintf(path, sizeof path, "/admin/rounds/%lld/remind", id);
	snprintf(body, sizeof body, "entity=%lld",
	    sql_one("SELECT id FROM entity WHERE slug = 'ti-portugal'"));
	cgi_post_body(&focal, path, body, &r);
	ck_assert_int_eq(r.status, 303);
	ck_assert_ptr_nonnull(res_header(&r, "Location", loc, sizeof loc));
	ck_assert_ptr_nonnull(strstr(loc, "sent=1&bodies=1&skipped=0"));
	res_free(&r);
	cgi_post_body(&focal, path, body, &r);
	ck_assert_ptr_nonnull(res_header(&r, "Location", loc, sizeof loc));
	ck_assert_ptr_nonnull(strstr(loc, "sent=0&bodies=0&skipped=1"));
	res_free(&r);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM round_notice WHERE kind = 'manual'"), 1);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM outbox"), 3);
}

/* Closes round id: the confirmation page, the close and its snapshot dated today, the
 * board's link to it; a second close and a reminder after it are refused. */
static void
close_round(long long id)
{
	struct res r;
	char       path[64], today[11], want[160];

	day_from_now(0, today);
	snprintf(path, sizeof path, "/admin/rounds/%lld/close", id);
	cgi_get(&focal, path, &r);
	ck_assert_int_eq(r.status, 200);
	snprintf(want, sizeof want, "<form method=\"post\" action=\"%s\"", path);
	ck_assert_int_eq(res_count(&r, want), 1);
	snprintf(want, sizeof want, "/pt/plans/2/as-of/%s", today);
	ck_assert_int_ge(res_count(&r, want), 1);
	res_free(&r);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM snapshot"), 0);
	cgi_post_body(&focal, path, "", &r);
	ck_assert_int_eq(r.status, 303);
	res_free(&r);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM round WHERE closed_at IS NOT NULL"), 1);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM snapshot WHERE plan_id = 2 AND as_of = ?1 "
				 "AND round_id = ?2",
			     today, id, 0, -1),
	    1);
	snprintf(want, sizeof want, "/admin/rounds/%lld", id);
	cgi_get(&focal, want, &r);
	snprintf(want, sizeof want, "<a href=\"/pt/plans/2/as-of/%s\">", today);
	ck_assert_int_eq(res_count(&r, want), 1);
	ck_assert_int_eq(res_count(&r, "/remind\""), 0); /* no reminder once closed */
	res_free(&r);
	cgi_post_body(&focal, path, "", &r);
	ck_assert_int_eq(r.status, 409);
	ck_assert_int_eq(res_count(&r, "Esta ronda já está fechada"), 1);
	res_free(&r);
	snprintf(path, sizeof path, "/admin/rounds/%lld/remind", id);
	cgi_post_body(&focal, path, "entity=all", &r);
	ck_assert_int_eq(r.status, 409);
	res_free(&r);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM snapshot"), 1);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM outbox"), 3);
}

START_TEST(open_board_remind_close)
{
	struct res r;
	char       loc[256];
	long long  id = open_round(loc, sizeof loc);

	remind_by_hand(id);
	board_states(id, loc);
	close_round(id);
	cgi_get(&focal, "/admin/rounds/999", &r);
	ck_assert_int_eq(r.status, 404);
	res_free(&r);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { member_editors_and_csrf_refused, opening_errors,
		open_board_remind_close, NULL };

	if (cgi_setup("aberta-rounds-req", env) != 0)
		return 1;
	if (staff_session("ines@example.org", "Inês Focal", "focal", NULL, &focal) != 0 ||
	    staff_session("ana@ama.example.pt", "Ana Editora", "member", "ama", &member) != 0 ||
	    staff_session("rui@ti.example.pt", "Rui Editor", "member", "ti-portugal", NULL) != 0) {
		printf("Bail out! cannot make the accounts or the sessions\n");
		return 1;
	}
	return cgi_tests_main(tests_suite("rounds_pages", 300, tests));
}
