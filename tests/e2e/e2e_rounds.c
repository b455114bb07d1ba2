/*
 * End-to-end test of a reporting round, through nginx and the FastCGI workers with the
 * SMTP sink of tests/e2e/run.sh: a focal-point editor opens a round for plan 2; the
 * editor of a body leading one of its commitments receives the email, follows its link to
 * the commitment's workspace and updates three milestones with one evidence in one save;
 * the focal point approves the three proposals; the round's board shows the body as
 * updated; the round closes; the public snapshot page and its JSON show the new figures
 * with their dates; a later edit changes the live page and not the snapshot.
 * Usage: e2e_rounds BASE_URL DBPATH ADMIN_BIN.  Prints TAP.  Run after e2e_admin on the
 * same database (its accounts are its own).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "../lib/client.h"
#include "../lib/tap.h"

/* The three milestones the member updates, and the figures it gives them. */
#define NMS 3
static long long ms_id[NMS];
static int       ms_new[NMS];

static struct acct   focal, member;
static struct person p_focal, p_member;
static long long     plan_id, plan_no, cid, body_id, round_id;
static char          ogp[16], today[11], snapdate[11];

/* Today's date in UTC plus days, as YYYY-MM-DD, into out. */
static void
day_after(int days, char out[11])
{
	time_t    t = time(NULL) + (time_t)days * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Finds plan 2, its first commitment with three milestones or more and a lead body, and
 * that body.  Returns 1 when all were found. */
static int
find_scope(void)
{
	plan_id = sql_int("SELECT id FROM action_plan WHERE number = 2", NULL, 0, 0, 0);
	plan_no = 2;
	cid = sql_int("SELECT c.id FROM commitment c JOIN commitment_entity ce ON "
		      "ce.commitment_id = c.id AND ce.role = 'lead' WHERE c.plan_id = ?2 AND "
		      "(SELECT count(*) FROM milestone m WHERE m.commitment_id = c.id) >= 3 "
		      "ORDER BY c.number, c.id LIMIT 1",
	    NULL, plan_id, 0, 0);
	body_id = sql_int("SELECT entity_id FROM commitment_entity WHERE commitment_id = ?2 AND "
			  "role = 'lead' ORDER BY position LIMIT 1",
	    NULL, cid, 0, 0);
	sql_text("SELECT ogp_id FROM commitment WHERE id = ?2", NULL, cid, ogp, sizeof ogp);
	for (int i = 0; i < NMS; i++) {
		ms_id[i] = sql_int("SELECT id FROM milestone WHERE commitment_id = ?2 ORDER BY "
				   "position LIMIT 1 OFFSET ?3",
		    NULL, cid, i, 0);
		/* a figure it does not have yet: 11, 22, 33 (one more when it has it) */
		ms_new[i] = 11 * (i + 1);
		if (sql_int("SELECT progress FROM milestone WHERE id = ?2", NULL, ms_id[i], 0,
			-1) == ms_new[i])
			ms_new[i]++;
	}
	return plan_id > 0 && cid > 0 && body_id > 0 && ms_id[NMS - 1] > 0;
}

/* Makes the two accounts and logs both in.  Returns 1 when both are in. */
static int
people(void)
{
	char slug[96];
	int  ok;

	sql_text("SELECT slug FROM entity WHERE id = ?2", NULL, body_id, slug, sizeof slug);
	ok = acct_add(&focal, "rondas.focal@example.org", "Rita Ponto Focal", "focal", NULL) == 0;
	ok = ok &&
	    acct_add(&member, "rondas.membro@example.org", "Mário Editor", "member", slug) == 0;
	person_init(&p_focal, "focal");
	person_init(&p_member, "member");
	ok = ok && login_full(&p_focal, &focal) == 1;
	tap(ok, "a focal-point editor and the editor of the lead body (%s) log in", slug);
	return ok;
}

/* The focal point opens a round for plan 2 through the form of /admin/rounds. */
static void
open_round(void)
{
	struct form f = { 0 };
	struct res  r;
	char        plan[24], deadline[11], want[64];

	day_after(14, deadline);
	snprintf(plan, sizeof plan, "%lld", plan_id);
	tap(open_form(&p_focal, "/admin/rounds", &f) == 200, "the focal point opens /admin/rounds");
	form_set(&f, "name", "Autoavaliação intercalar e2e");
	form_set(&f, "deadline", deadline);
	form_add(&f, "plan", plan);
	submit_form(&p_focal, "/admin/rounds", &f, &r);
	round_id = sql_int(
	    "SELECT max(id) FROM round WHERE name = ?1", "Autoavaliação intercalar e2e", 0, 0, 0);
	snprintf(want, sizeof want, "/admin/rounds/%lld", round_id);
	tap(r.status == 303 && round_id > 0 && strstr(r.head.p, want) != NULL,
	    "opening the round -> 303 to its board (got %d)", r.status);
	tap(sql_int("SELECT count(*) FROM round_plan WHERE round_id = ?2 AND plan_id = ?3", NULL,
		round_id, plan_id, 0) == 1,
	    "the round covers plan 2");
	res_free(&r);
	form_free(&f);
}

/* The member's email: its body, the deadline and the link to the workspace; returns the
 * workspace's path into path ("" when the link is missing). */
static void
the_email(char *path, size_t pathlen)
{
	char  name[300], link[64], deadline[11];
	char *m = mail_newest("rondas.membro@example.org");

	path[0] = '\0';
	tap(m != NULL, "the member editor receives the round's email");
	if (m == NULL)
		return;
	day_after(14, deadline);
	sql_text("SELECT coalesce(name_pt, name_en) FROM entity WHERE id = ?2", NULL, body_id, name,
	    sizeof name);
	snprintf(link, sizeof link, "/admin/commitments/%lld", cid);
	tap(strstr(m, "multipart/alternative") != NULL && strstr(m, "text/plain") != NULL &&
		strstr(m, "text/html") != NULL,
	    "the email is plain text with an HTML part");
	tap(strstr(m, "Autoavalia") != NULL && strstr(m, link) != NULL,
	    "the email names the round and links to the workspace %s", link);
	tap(strcasestr(m, "<img") == NULL, "the email has no image (no tracking pixel)");
	snprintf(path, pathlen, "%s", link);
	free(m);
}

/* Sets milestone i's figure in the workspace form f. */
static void
set_figure(struct form *f, int i, int pct)
{
	char name[64], val[16];

	snprintf(val, sizeof val, "%d", pct);
#define SETM(col, v) (snprintf(name, sizeof name, "m%lld-%s", ms_id[i], col), form_set(f, name, v))
	SETM("status", pct == 100 ? "complete" : "in_progress");
	SETM("progress", val);
	SETM("progress_as_of", today);
	SETM("progress_as_of_kind", "stated");
	SETM("progress_source", "https://example.org/rnaa/autoavaliacao-e2e");
	SETM("progress_confidence", "confirmed");
#undef SETM
}

/* The member follows the link and updates three milestones with one evidence. */
static void
member_updates(const char *path)
{
	struct form f = { 0 };
	struct res  r;
	char        action[96], want[96];
	long long   d0 = sql_int("SELECT coalesce(max(id), 0) FROM draft", NULL, 0, 0, 0);
	int         st, i;

	tap(login_full(&p_member, &member) == 1, "the member editor logs in");
	st = rc_get(&p_member, path[0] ? path : "/admin/", &r);
	snprintf(action, sizeof action, "/admin/commitments/%lld/milestones", cid);
	tap(st == 0 && r.status == 200 && form_parse(r.body.p, action, &f) == 0 && f.n > 0,
	    "the email's link opens the workspace with its milestones' form (got %d)", r.status);
	res_free(&r);
	for (i = 0; i < NMS; i++)
		set_figure(&f, i, ms_new[i]);
	form_set(&f, "evidence_url", "https://example.org/rnaa/evidencia-e2e.pdf");
	form_set(&f, "evidence_label", "Relatório de autoavaliação (e2e)");
	submit_mime(&p_member, action, &f, NULL, NULL, NULL, 0, &r);
	snprintf(want, sizeof want, "/admin/commitments/%lld", cid);
	tap(r.status == 303 && strstr(r.head.p, want) != NULL,
	    "one save of three milestones -> 303 back to the workspace (got %d)", r.status);
	res_free(&r);
	form_free(&f);
	tap(sql_int("SELECT count(*) FROM draft WHERE id > ?2 AND status = 'pending' AND "
		    "instr(payload, 'evidencia-e2e') > 0",
		NULL, d0, 0, -1) == NMS,
	    "three proposals wait for review, each with the shared evidence");
}

/* The state group (NOT_YET, PROPOSED, UPDATED) in which the round's board shows the
 * body: 1 when it is key. */
static int
board_says(const char *key)
{
	struct res  r;
	char        path[64], id[32], sec[64];
	const char *card, *p, *last = NULL;
	int         ok = 0;

	snprintf(path, sizeof path, "/admin/rounds/%lld", round_id);
	snprintf(id, sizeof id, "id=\"b%lld\"", body_id);
	if (rc_get(&p_focal, path, &r) == 0 && r.status == 200 &&
	    (card = strstr(r.body.p, id)) != NULL) {
		for (p = r.body.p; (p = strstr(p, "aria-labelledby=\"g-")) != NULL && p < card; p++)
			last = p;
		snprintf(sec, sizeof sec, "aria-labelledby=\"g-%s\"", key);
		ok = last != NULL && strncmp(last, sec, strlen(sec)) == 0;
	}
	res_free(&r);
	return ok;
}

/* The focal point approves the three proposals from /admin/reviews. */
static void
approve(void)
{
	struct res r;
	char       path[64], csrf[128], *body;
	long long  d;
	int        ok = 1, n = 0;

	tap(board_says("PROPOSED"), "the board shows the body as proposed, waiting for review");
	session_csrf(&p_focal, csrf, sizeof csrf);
	while ((d = sql_int("SELECT min(id) FROM draft WHERE status = 'pending' AND "
			    "instr(payload, 'evidencia-e2e') > 0",
		    NULL, 0, 0, 0)) > 0 &&
	    n++ < NMS) {
		snprintf(path, sizeof path, "/admin/reviews/%lld/approve", d);
		body = body_of("csrf", csrf, NULL);
		rc_post(&p_focal, path, body, &r);
		ok = ok && r.status == 303;
		free(body);
		res_free(&r);
	}
	tap(ok && n == NMS, "the focal point approves the three proposals (%d)", n);
	for (int i = 0; i < NMS; i++)
		tap(sql_int("SELECT progress FROM milestone WHERE id = ?2", NULL, ms_id[i], 0,
			-1) == ms_new[i] &&
			sql_int("SELECT count(*) FROM link WHERE milestone_id = ?2 AND kind = "
				"'evidence' AND url LIKE '%evidencia-e2e%'",
			    NULL, ms_id[i], 0, 0) == 1,
		    "milestone %d has its new figure (%d%%) and the evidence", i + 1, ms_new[i]);
	tap(board_says("UPDATED"), "the board shows the body as updated");
}

/* Closes the round through its confirmation page. */
static void
close_round(void)
{
	struct form f = { 0 };
	struct res  r;
	char        path[64];

	snprintf(path, sizeof path, "/admin/rounds/%lld/close", round_id);
	tap(open_form(&p_focal, path, &f) == 200, "the close page asks for confirmation");
	submit_form(&p_focal, path, &f, &r);
	tap(r.status == 303, "closing -> 303 (got %d)", r.status);
	res_free(&r);
	form_free(&f);
	sql_text(
	    "SELECT closed_on FROM round WHERE id = ?2", NULL, round_id, snapdate, sizeof snapdate);
	tap(snapdate[0] != '\0', "the round is closed on %s", snapdate);
}

/* Milestone i's object in a JSON answer (a commitment's record, or a snapshot's with its
 * commitments), from the decoded root; NULL when absent. */
static json_t *
ms_obj(json_t *root, int i)
{
	json_t   *rec = json_object_get(root, "record"), *cs, *c, *ms, *m;
	long long pos =
	    sql_int("SELECT position FROM milestone WHERE id = ?2", NULL, ms_id[i], 0, 0);
	size_t k, n;

	if ((cs = json_object_get(rec, "commitments")) != NULL) {
		rec = NULL;
		json_array_foreach(cs, k, c)
		{
			if (json_is_string(json_object_get(c, "ogp_id")) &&
			    strcmp(json_string_value(json_object_get(c, "ogp_id")), ogp) == 0)
				rec = c;
		}
	}
	ms = json_object_get(rec, "milestones");
	json_array_foreach(ms, n, m)
	{
		if (json_integer_value(json_object_get(m, "position")) == pos)
			return m;
	}
	return NULL;
}

/* 1 when the JSON text holds milestone i with figure pct dated day (NULL: any date). */
static int
json_has(const char *text, int i, int pct, const char *day)
{
	json_t     *root = text ? json_loads(text, 0, NULL) : NULL, *m = ms_obj(root, i);
	const char *d = json_string_value(json_object_get(m, "progress_as_of"));
	int         ok = m != NULL && json_integer_value(json_object_get(m, "progress")) == pct &&
	    (day == NULL || (d != NULL && strcmp(d, day) == 0));

	json_decref(root);
	return ok;
}

/* 1 when the JSON texts a and b hold equal records (the document's "modified" is the
 * site's last change, which a later edit moves). */
static int
same_record(const char *a, const char *b)
{
	json_t *x = json_loads(a, 0, NULL), *y = json_loads(b, 0, NULL);
	int     eq = x != NULL && y != NULL &&
	    json_equal(json_object_get(x, "record"), json_object_get(y, "record"));

	json_decref(x);
	json_decref(y);
	return eq;
}

/* The public snapshot page and its JSON; then a later edit changes the live page only. */
static void
snapshot(void)
{
	struct res r, j;
	char       path[96], jpath[112], live[64];
	int        ok = 1, i;

	snprintf(path, sizeof path, "/pt/plans/%lld/as-of/%s", plan_no, snapdate);
	snprintf(jpath, sizeof jpath, "%s.json", path);
	rc_get(NULL, path, &r);
	tap(r.status == 200 && strstr(r.body.p, ogp) != NULL &&
		strstr(r.body.p, "Autoavaliação intercalar e2e") != NULL,
	    "%s -> 200 with %s and the round's name (got %d)", path, ogp, r.status);
	res_free(&r);
	rc_get(NULL, jpath, &j);
	for (i = 0; i < NMS; i++)
		ok = ok && json_has(j.body.p, i, ms_new[i], today);
	tap(j.status == 200 && ok && strstr(j.body.p, today) != NULL,
	    "its JSON has the three new figures and their date %s", today);

	/* A later edit: the focal point sets milestone 1 to 77 % in the workspace. */
	struct form f = { 0 };
	char        action[96];
	snprintf(action, sizeof action, "/admin/commitments/%lld/milestones", cid);
	snprintf(live, sizeof live, "/admin/commitments/%lld", cid);
	rc_get(&p_focal, live, &r);
	form_parse(r.body.p, action, &f);
	res_free(&r);
	set_figure(&f, 0, 77);
	form_set(&f, "evidence_url", "https://example.org/rnaa/evidencia-posterior.pdf");
	submit_mime(&p_focal, action, &f, NULL, NULL, NULL, 0, &r);
	tap(r.status == 303 &&
		sql_int("SELECT progress FROM milestone WHERE id = ?2", NULL, ms_id[0], 0, -1) ==
		    77,
	    "a later edit in the workspace saves 77%% (got %d)", r.status);
	res_free(&r);
	form_free(&f);
	snprintf(live, sizeof live, "/pt/commitments/%s.json", ogp);
	rc_get(NULL, live, &r);
	tap(r.status == 200 && json_has(r.body.p, 0, 77, today),
	    "the live commitment's JSON shows 77");
	res_free(&r);
	rc_get(NULL, jpath, &r);
	tap(r.status == 200 && json_has(r.body.p, 0, ms_new[0], today) &&
		same_record(r.body.p, j.body.p),
	    "the snapshot's JSON is unchanged by the later edit");
	res_free(&r);
	res_free(&j);
}

int
main(int argc, char **argv)
{
	char path[96];

	if (argc != 4) {
		fprintf(stderr, "usage: e2e_rounds BASE_URL DBPATH ADMIN_BIN\n");
		return 2;
	}
	rc_base = argv[1];
	rc_db = argv[2];
	rc_adminbin = argv[3];
	curl_global_init(CURL_GLOBAL_ALL);
	day_after(0, today);
	if (!find_scope()) {
		tap(0, "plan 2 has a commitment with three milestones and a lead body");
		return tap_done();
	}
	if (getenv("E2E_MAILDIR") == NULL)
		tap(0, "E2E_MAILDIR is set (tests/e2e/run.sh starts the SMTP sink)");
	else if (people()) {
		open_round();
		the_email(path, sizeof path);
		member_updates(path);
		approve();
		close_round();
		snapshot();
	}
	person_free(&p_focal);
	person_free(&p_member);
	curl_global_cleanup();
	return tap_done();
}
