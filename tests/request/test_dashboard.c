/* The staff dashboard (/admin/): each figure of what needs attention is the count of the
 * list it links to, filtered (an administrator's the whole site's, a member editor's its
 * body's, and never the links a member editor cannot open); the open reporting rounds
 * with their deadlines, a closed one gone; the drafts waiting for review, the first
 * DASH_FIRST of them with the whole count.  The real binary in CGI mode, logged in by
 * session rows of the test's own, on a test database with the real content.  TAP output
 * through Check. */
#include <stdlib.h>
#include <string.h>

#include "../lib/client.h"
#include "../lib/testlib.h"
#include "store/dashboard.h"

static struct session admin, member;

/* The lists the dashboard counts, by the address it links to. */
static const char *const lists[] = { "/admin/milestones?overdue=1", "/admin/milestones?stale=1",
	"/admin/commitments?overdue=1", "/admin/commitments?missing=1",
	"/admin/milestones?missing=1", "/admin/commitments?unconfirmed=1" };

/* The figure the dashboard page shows for href: the number after the label of its link,
 * or -1 when it has no such link. */
static long long
figure(const char *page, const char *href)
{
	char        want[128];
	const char *p, *end;

	snprintf(want, sizeof want, "<a href=\"%s\">", href);
	if ((p = strstr(page, want)) == NULL || (end = strstr(p, "</a>")) == NULL)
		return -1;
	while (end > p && end[-1] >= '0' && end[-1] <= '9')
		end--;
	return strtoll(end, NULL, 10);
}

/* The count the list at href gives in its heading ("Marcos: N (de M)"), or -1. */
static long long
list_count(const struct session *s, const char *href)
{
	struct res  r;
	const char *h;
	long long   n = -1;

	cgi_get(s, href, &r);
	ck_assert_msg(r.status == 200, "%s: %d", href, r.status);
	if ((h = strstr(r.body.p, "<h1>")) != NULL && (h = strstr(h, ": ")) != NULL)
		n = strtoll(h + 2, NULL, 10);
	res_free(&r);
	return n;
}

START_TEST(figures_are_the_lists_counts)
{
	struct res r;
	long long  mine, all;
	size_t     i;
	int        differ = 0;

	cgi_get(&admin, "/admin/", &r);
	ck_assert_int_eq(r.status, 200);
	for (i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		all = figure(r.body.p, lists[i]);
		ck_assert_msg(all >= 0, "the dashboard has no figure linked to %s", lists[i]);
		ck_assert_int_eq(all, list_count(&admin, lists[i]));
	}
	ck_assert_int_ge(figure(r.body.p, "/admin/milestones?stale=1"), 1); /* the seed has some */
	ck_assert_int_ge(figure(r.body.p, "/admin/links?result=broken"), 0);
	res_free(&r);

	/* A member editor's figures are its body's, and its page has no links figure. */
	cgi_get(&member, "/admin/", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(figure(r.body.p, "/admin/links?result=broken"), -1);
	for (i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		mine = figure(r.body.p, lists[i]);
		ck_assert_int_eq(mine, list_count(&member, lists[i]));
		differ |= mine != list_count(&admin, lists[i]);
	}
	ck_assert_msg(differ, "a member editor's figures are the whole site's");
	ck_assert_ptr_null(strstr(r.body.p, "Rondas de reporte abertas"));
	res_free(&r);
}
END_TEST

START_TEST(open_rounds_listed)
{
	struct res r;
	char       href[64];
	long long  id;

	cgi_get(&admin, "/admin/", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Rondas de reporte abertas (0)"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "href=\"/admin/rounds\">Abrir uma ronda"));
	res_free(&r);
	sql_do("INSERT INTO round (name, deadline, opened_at) VALUES ('Ronda do painel', "
	       "date('now', '+9 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ('Ronda fechada', "
	       "date('now'), '2026-01-01T00:00:00Z')");
	sql_do("UPDATE round SET closed_at = '2026-02-01T00:00:00Z', closed_on = '2026-02-01' "
	       "WHERE name = 'Ronda fechada'");
	sql_do("INSERT INTO round_plan SELECT r.id, p.id FROM round r, action_plan p WHERE "
	       "r.name = 'Ronda do painel' AND p.number = 2");
	id = sql_one("SELECT id FROM round WHERE name = 'Ronda do painel'");
	snprintf(href, sizeof href, "<a href=\"/admin/rounds/%lld\">Ronda do painel</a>", id);
	cgi_get(&admin, "/admin/", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Rondas de reporte abertas (1)"));
	ck_assert_ptr_nonnull(strstr(r.body.p, href));
	ck_assert_ptr_nonnull(strstr(r.body.p, "faltam 9 dias"));
	ck_assert_ptr_null(strstr(r.body.p, "Ronda fechada"));
	res_free(&r);
	sql_do("DELETE FROM round");
}
END_TEST

START_TEST(pending_drafts_first_and_count)
{
	struct res  r;
	const char *sec, *end;
	char        head[64], more[64];
	int         i, n = 0;

	for (i = 0; i < DASH_FIRST + 2; i++)
		sql_do(
		    "INSERT INTO draft (staff_id, tbl, row_id, base_version, payload) SELECT id, "
		    "'commitments', 1, 1, '{}' FROM staff WHERE role = 'member'");
	cgi_get(&admin, "/admin/", &r);
	ck_assert_int_eq(r.status, 200);
	snprintf(head, sizeof head, "Alterações à espera de revisão (%d)", DASH_FIRST + 2);
	snprintf(more, sizeof more, "(as %d alterações)", DASH_FIRST + 2);
	sec = strstr(r.body.p, head);
	ck_assert_ptr_nonnull(sec);
	end = strstr(sec, "</section>");
	for (const char *p = sec; (p = strstr(p, "<li>")) != NULL && p < end; p++)
		n++;
	ck_assert_int_eq(n, DASH_FIRST);
	ck_assert_ptr_nonnull(strstr(sec, more));
	res_free(&r);
	sql_do("DELETE FROM draft");
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { figures_are_the_lists_counts, open_rounds_listed,
		pending_drafts_first_and_count, NULL };

	if (cgi_setup("aberta-dashboard-req", NULL) != 0)
		return 1;
	if (staff_session("admin@example.org", "Ana Admin", "admin", NULL, &admin) != 0 ||
	    staff_session("ana@ama.example.pt", "Ana Editora", "member", "ama", &member) != 0) {
		printf("Bail out! cannot make the accounts or the sessions\n");
		return 1;
	}
	return cgi_tests_main(tests_suite("dashboard", 120, tests));
}
