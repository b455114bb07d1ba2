/* The login throttle through the worker, and the administrators' page of it
 * (/admin/logins): an attacker's wrong passwords from another network do not keep a
 * login's owner out of his own (issue 16, finding 3); the page shows the logins and
 * networks under pressure to an administrator only, and its "lift" (POST, anti-CSRF,
 * audited) lets the refused network try again.  The real binary in CGI mode, with
 * REMOTE_ADDR set per request; the staff logged in by session rows of the test's own.
 * TAP output through Check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/client.h"
#include "../lib/testlib.h"

#define PRE   "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define OWNER "gus@example.org"

static struct session admin, focal, member;
static struct acct    gus;

/* POSTs the login form as a stranger from addr with login and pw; fills r. */
static void
login_from(const char *addr, const char *login, const char *pw, struct res *r)
{
	char        ra[64];
	const char *env[] = { "HTTP_COOKIE=aberta_pre=" PRE, ra, NULL };
	char       *body = body_of("csrf", PRE, "login", login, "password", pw, NULL);

	snprintf(ra, sizeof ra, "REMOTE_ADDR=%s", addr);
	cgi_env = env;
	cgi_as(NULL, "POST", "/admin/login", body, r);
	cgi_env = NULL;
	free(body);
}

/* The status of a login POST from addr (the answer freed). */
static int
login_status(const char *addr, const char *login, const char *pw)
{
	struct res r;
	int        st;

	login_from(addr, login, pw, &r);
	st = r.status;
	res_free(&r);
	return st;
}

/* Issue 16, finding 3: the owner signs in from his office; five wrong passwords for his
 * login come from another network; he still gets in from his office. */
START_TEST(owner_spared)
{
	struct res r;
	char       after[32];
	int        i;

	ck_assert_int_eq(login_status("192.0.2.10", OWNER, gus.pw), 303);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(login_status("198.51.100.7", OWNER, "wrong password"), 401);
	ck_assert_int_eq(login_status("192.0.2.11", OWNER, gus.pw), 303);
	/* From the attacker's network even the right password is refused, saying how long. */
	login_from("198.51.100.7", OWNER, gus.pw, &r);
	ck_assert_int_eq(r.status, 429);
	ck_assert_ptr_nonnull(res_header(&r, "Retry-After", after, sizeof after));
	ck_assert_int_gt(atoi(after), 800);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Tente de novo dentro de 15 minutos."));
	res_free(&r);
	/* One row for the pair refused and one for the delay begun; none per refusal. */
	ck_assert_int_eq(sql_one("SELECT count(*) FROM audit_log WHERE action = "
				 "'login_refused_pair' AND actor = '" OWNER "'"),
	    1);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM audit_log WHERE action = 'login_delay' "
				 "AND actor = '" OWNER "'"),
	    1);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM audit_log WHERE actor = '" OWNER
				 "' AND action NOT IN ('login_fail', 'login_refused_pair', "
				 "'login_delay', 'login_password_ok')"),
	    0);
}
END_TEST

/* The page: an administrator sees the pressure; the others are refused. */
START_TEST(page_shows_pressure)
{
	struct res r;

	cgi_get(&admin, "/admin/logins", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<th scope=\"row\">" OWNER "</th>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "198.51.100.7/32: 5 — <strong>recusada até"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "192.0.2.0/24 <span class=\"small\">"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "</th><td>5</td><td>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<th scope=\"row\">198.51.100.7/32</th>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "action=\"/admin/logins/lift\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<a href=\"/admin/logins\""));
	res_free(&r);
	cgi_get(&focal, "/admin/logins", &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	cgi_get(&member, "/admin/logins", &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	cgi_get(&focal, "/admin/", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_null(strstr(r.body.p, "/admin/logins"));
	res_free(&r);
}
END_TEST

/* The lift: refused without the anti-CSRF token or for a focal point; an
 * administrator's is audited and lets the refused network try again. */
START_TEST(lift)
{
	struct res r;

	cgi_as(&admin, "POST", "/admin/logins/lift", "login=" OWNER, &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	cgi_post(&focal, "/admin/logins/lift", &r, "login", OWNER, NULL);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	ck_assert_int_eq(login_status("198.51.100.7", OWNER, gus.pw), 429);
	cgi_post(&admin, "/admin/logins/lift", &r, "login", "", NULL);
	ck_assert_int_eq(r.status, 400);
	res_free(&r);
	cgi_post(&admin, "/admin/logins/lift", &r, "login", "GUS@example.org", NULL);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Falhas levantadas para GUS@example.org: 10."));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Nenhum utilizador tem falhas recentes."));
	res_free(&r);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM audit_log WHERE action = 'login_lift' AND "
				 "object = 'GUS@example.org' AND actor = 'admin@example.org'"),
	    1);
	ck_assert_int_eq(login_status("198.51.100.7", OWNER, gus.pw), 303);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { owner_spared, page_shows_pressure, lift, NULL };

	if (cgi_setup("aberta-logins-req", NULL) != 0)
		return 1;
	if (staff_session("admin@example.org", "Ana Admin", "admin", NULL, &admin) != 0 ||
	    staff_session("focal@example.org", "Filipe Focal", "focal", NULL, &focal) != 0 ||
	    staff_session("ana@ama.example.pt", "Ana Editora", "member", "ama", &member) != 0 ||
	    acct_add(&gus, OWNER, "Gus Focal", "focal", NULL) != 0) {
		printf("Bail out! cannot make the accounts or the sessions\n");
		return 1;
	}
	return cgi_tests_main(tests_suite("logins", 120, tests));
}
