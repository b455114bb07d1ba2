/* Following by email without an account (issue 17, pages/follow.c, store/follow.h): the
 * form on the pages of what can be followed, its POST and its refusals, the
 * confirmation by POST only, a second request that changes nothing and mails at most
 * once a day, the management page, the one-click unsubscribe of RFC 8058 from any
 * origin, expired links, the purge of requests never confirmed, the privacy page.  The
 * real binary in CGI mode on a test database with the real content; the mail it queues
 * is read from the outbox (ABERTA_ADMIN=/bin/true: nothing sends it).  TAP output
 * through Check. */
#include <sodium.h>

#include "../lib/client.h"
#include "../lib/testlib.h"
#include "lib/consult.h"
#include "lib/pow.h"

#define NO_SENDER "ABERTA_ADMIN=/bin/true"
#define SENT      "/pt/follow/sent"

/* The environment of every request: no mail sent, and the client's address. */
static const char *env[4] = { NO_SENDER, "REMOTE_ADDR=127.0.0.1" };

/* A request of the form: where from (REMOTE_ADDR), then its fields (NULL: absent). */
struct ask {
	const char *addr, *kind, *target, *email, *lang, *frequency, *consent, *website;
};

/* A request of email for commitment PT0013, daily, in Portuguese, from 127.0.0.1. */
static struct ask
ask_of(const char *email)
{
	return (struct ask){ "127.0.0.1", "commitment", "PT0013", email, "pt", "daily", "1", "" };
}

/* Posts a to /LANG/follow (lang "pt" or "en"); r gets the answer. */
static void
post_ask(const char *lang, const struct ask *a, struct res *r)
{
	const char *names[] = { "kind", "target", "email", "lang", "frequency", "consent",
		"website" };
	const char *vals[] = { a->kind, a->target, a->email, a->lang, a->frequency, a->consent,
		a->website };
	char        ra[64], uri[32];
	struct form f = { 0 };
	size_t      i;

	snprintf(ra, sizeof ra, "REMOTE_ADDR=%s", a->addr);
	env[1] = ra;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (vals[i] != NULL)
			form_add(&f, names[i], vals[i]);
	snprintf(uri, sizeof uri, "/%s/follow", lang);
	cgi_post_form(NULL, uri, &f, r);
	form_free(&f);
	env[1] = "REMOTE_ADDR=127.0.0.1";
}

/* The status of posting a in Portuguese; the answer is freed. */
static int
ask_status(const struct ask *a)
{
	struct res r;
	int        st;

	post_ask("pt", a, &r);
	st = r.status;
	res_free(&r);
	return st;
}

/* Empties what the tests write: each starts from no follower, no mail, no traffic (the
 * test's own connection does not enforce the foreign keys: the subscriptions first). */
static void
fresh(void)
{
	sql_do("DELETE FROM subscription; DELETE FROM follower; DELETE FROM outbox; DELETE FROM "
	       "submit_attempt");
}

/* The number of messages waiting for email. */
static long long
mails(const char *email)
{
	return sql_int("SELECT count(*) FROM outbox WHERE rcpt = ?1", email, 0, 0, -1);
}

/* Copies the token after what ("/follow/confirm/", "/follow/manage/") in the newest
 * message to email into tok (65 bytes).  Returns 0, or -1 when there is none. */
static int
mail_token(const char *email, const char *what, char *tok)
{
	char        msg[32768];
	const char *p;

	sql_text("SELECT message FROM outbox WHERE rcpt = ?1 ORDER BY id DESC LIMIT 1", email, 0,
	    msg, sizeof msg);
	if ((p = strstr(msg, what)) == NULL || strspn(p + strlen(what), "0123456789abcdef") < 64)
		return -1;
	snprintf(tok, 65, "%.64s", p + strlen(what));
	return 0;
}

/* GETs (post 0) or POSTs (1, with body, NULL: empty) uri; returns the status; the body,
 * when out is not NULL, stays in *out (the caller frees it). */
static int
hit(int post, const char *uri, const char *body, struct res *out)
{
	struct res r;
	int        st;

	cgi_as(NULL, post ? "POST" : "GET", uri, post ? (body ? body : "") : NULL, &r);
	st = r.status;
	if (out != NULL)
		*out = r;
	else
		res_free(&r);
	return st;
}

/* Each page of what can be followed carries the form: its action, the thing, the
 * page's language chosen, the honeypot, the consent line, labels for every field and
 * fieldsets with legends; and nothing of the visitor (the pages are cached). */
START_TEST(form_on_pages)
{
	static const char *const pages[][3] = {
		{ "/pt/commitments/PT0013", "commitment", "PT0013" },
		{ "/en/plans/1", "plan", "1" },
		{ "/pt/", "site", "" },
	};
	char        slug[80], path[128];
	struct res  r;
	struct form f = { 0 };
	size_t      i;

	for (i = 0; i < 4; i++) {
		const char *p = pages[i < 3 ? i : 0][0], *kind = pages[i < 3 ? i : 0][1];
		const char *key = pages[i < 3 ? i : 0][2];

		if (i == 3) {
			sql_text("SELECT slug FROM entity ORDER BY id LIMIT 1", NULL, 0, slug,
			    sizeof slug);
			snprintf(path, sizeof path, "/pt/members/%s", slug);
			p = path, kind = "entity", key = slug;
		}
		cgi_get(NULL, p, &r);
		ck_assert_int_eq(r.status, 200);
		ck_assert_msg(
		    form_parse(r.body.p, p[1] == 'e' ? "/en/follow" : "/pt/follow", &f) == 0,
		    "%s has no follow form", p);
		ck_assert_str_eq(form_val(&f, "kind"), kind);
		ck_assert_str_eq(form_val(&f, "target"), key);
		ck_assert_str_eq(form_val(&f, "lang"), p[1] == 'e' ? "en" : "pt");
		ck_assert_str_eq(form_val(&f, "frequency"), "immediate");
		ck_assert_str_eq(form_val(&f, "email"), "");
		ck_assert_str_eq(form_val(&f, "website"), "");
		ck_assert_ptr_null(form_val(&f, "consent"));
		form_free(&f);
		ck_assert_ptr_nonnull(strstr(r.body.p, "<label for=\"follow-email\">"));
		ck_assert_ptr_nonnull(strstr(r.body.p, "<label for=\"follow-consent\">"));
		ck_assert_ptr_nonnull(strstr(r.body.p, "<label for=\"follow-freq-weekly\">"));
		ck_assert_int_ge(res_count(&r, "<legend>"), 3);
		ck_assert_ptr_nonnull(strstr(r.body.p, "7 d"));
		ck_assert_ptr_null(strstr(r.head.p, "Set-Cookie"));
		res_free(&r);
	}
}
END_TEST

/* A request is answered 303 to the page "check your mailbox" and leaves an unconfirmed
 * subscription and one confirmation email (text and HTML, in the language chosen, with
 * the link); the link's GET only shows a button, its POST confirms once, then 410. */
START_TEST(subscribe_and_confirm)
{
	struct ask a = ask_of("Ana.Follow@Example.org");
	char       tok[65], uri[128], loc[128], msg[32768];
	struct res r;

	fresh();
	a.lang = "en";
	post_ask("pt", &a, &r);
	ck_assert_int_eq(r.status, 303);
	ck_assert_str_eq(res_header(&r, "Location", loc, sizeof loc), SENT);
	res_free(&r);
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM follower f JOIN subscription s ON "
		    "s.follower_id = f.id WHERE f.email = 'ana.follow@example.org' AND "
		    "s.status = 'unconfirmed' AND s.kind = 'commitment' AND s.lang = 'en' "
		    "AND s.frequency = 'daily' AND s.target_id = (SELECT id FROM "
		    "commitment WHERE ogp_id = 'PT0013')",
		NULL, 0, 0, -1),
	    1);
	ck_assert_int_eq(mails("ana.follow@example.org"), 1);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM outbox o JOIN follower f ON f.id = "
				 "o.follower_id WHERE f.email = 'ana.follow@example.org'",
			     NULL, 0, 0, -1),
	    1);
	sql_text("SELECT message FROM outbox", NULL, 0, msg, sizeof msg);
	ck_assert_ptr_nonnull(strstr(msg, "multipart/alternative"));
	ck_assert_ptr_nonnull(strstr(msg, "text/html"));
	ck_assert_ptr_nonnull(strstr(msg, "To start, open this link"));
	ck_assert_ptr_nonnull(strstr(msg, "PT0013"));
	ck_assert_ptr_nonnull(strstr(msg, "/en/follow/confirm/"));
	ck_assert_ptr_nonnull(strstr(msg, "Daily digest"));
	ck_assert_int_eq(mail_token("ana.follow@example.org", "/en/follow/confirm/", tok), 0);
	snprintf(uri, sizeof uri, "/en/follow/confirm/%s", tok);
	ck_assert_int_eq(hit(0, uri, NULL, &r), 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<form method=\"post\""));
	ck_assert_ptr_nonnull(strstr(r.head.p, "Cache-Control: no-store"));
	res_free(&r);
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM subscription WHERE status = 'active'", NULL, 0, 0, -1),
	    0);
	ck_assert_int_eq(hit(1, uri, NULL, &r), 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "/en/follow/manage/"));
	res_free(&r);
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM subscription WHERE status = 'active' AND "
		    "confirm_hash IS NULL AND confirm_expires IS NULL AND "
		    "confirmed_at IS NOT NULL AND sent_rev = (SELECT coalesce(max(id), "
		    "0) FROM revision) AND sent_at > CAST(strftime('%s', 'now') AS "
		    "INTEGER) - 60",
		NULL, 0, 0, -1),
	    1);
	ck_assert_int_eq(hit(1, uri, NULL, NULL), 410);
	ck_assert_int_eq(hit(0, uri, NULL, NULL), 410);
}
END_TEST

/* Refused requests: each gives the form back (or the error page) and writes nothing. */
START_TEST(refusals)
{
	struct ask  a;
	struct res  r;
	struct form f = { 0 };
	char        loc[64];

	fresh();
	a = ask_of("not-an-address");
	post_ask("pt", &a, &r);
	ck_assert_int_eq(r.status, 400);
	ck_assert(form_shows(r.body.p, "email", "not-an-address"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "aria-invalid=\"true\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, "href=\"/pt/commitments/PT0013\""));
	res_free(&r);
	a = ask_of("no.consent@example.org");
	a.consent = NULL;
	post_ask("pt", &a, &r);
	ck_assert_int_eq(r.status, 400);
	ck_assert_int_eq(form_parse(r.body.p, "/pt/follow", &f), 0);
	ck_assert_str_eq(form_val(&f, "email"), "no.consent@example.org");
	ck_assert_str_eq(form_val(&f, "frequency"), "daily");
	ck_assert_str_eq(form_val(&f, "target"), "PT0013");
	form_free(&f);
	ck_assert_ptr_nonnull(strstr(r.body.p, "e-follow-consent"));
	res_free(&r);
	a = ask_of("bad.choice@example.org");
	a.frequency = "hourly";
	ck_assert_int_eq(ask_status(&a), 400);
	a = ask_of("unknown@example.org");
	a.target = "PT9999";
	ck_assert_int_eq(ask_status(&a), 404);
	a.kind = "milestone";
	ck_assert_int_eq(ask_status(&a), 404);
	a = ask_of("plan@example.org");
	a.kind = "plan";
	a.target = "01";
	ck_assert_int_eq(ask_status(&a), 404);
	/* The honeypot: the robot is told it worked. */
	a = ask_of("robot@example.org");
	a.website = "https://spam.example";
	post_ask("pt", &a, &r);
	ck_assert_int_eq(r.status, 303);
	ck_assert_str_eq(res_header(&r, "Location", loc, sizeof loc), SENT);
	res_free(&r);
	ck_assert_int_eq(sql_int("SELECT (SELECT count(*) FROM follower) + (SELECT count(*) FROM "
				 "outbox) + (SELECT count(*) FROM submit_attempt)",
			     NULL, 0, 0, -1),
	    0);
}
END_TEST

/* The rate limits of the citizens' forms: RL_EMAIL_HOUR requests for one address from
 * anywhere, RL_NET_HOUR from one network; the next is refused with the form back. */
START_TEST(rate_limits)
{
	struct ask a = ask_of("limited@example.org");
	char       email[64], addr[32];
	struct res r;
	int        i;

	fresh();
	for (i = 0; i < RL_EMAIL_HOUR; i++) {
		snprintf(addr, sizeof addr, "10.%d.0.1", i + 1);
		a.addr = addr;
		ck_assert_int_eq(ask_status(&a), 303);
	}
	a.addr = "10.99.0.1";
	post_ask("pt", &a, &r);
	ck_assert_int_eq(r.status, 429);
	ck_assert(form_shows(r.body.p, "email", "limited@example.org"));
	ck_assert_ptr_nonnull(strstr(r.head.p, "Retry-After: 3600"));
	res_free(&r);
	ck_assert_int_eq(mails("limited@example.org"), 1);
	fresh();
	for (i = 0; i < RL_NET_HOUR; i++) {
		snprintf(email, sizeof email, "net%d@example.org", i);
		a = ask_of(email);
		a.addr = "10.200.0.1";
		ck_assert_int_eq(ask_status(&a), 303);
	}
	a = ask_of("one.more@example.org");
	a.addr = "10.200.0.1";
	ck_assert_int_eq(ask_status(&a), 429);
	ck_assert_int_eq(mails("one.more@example.org"), 0);
}
END_TEST

/* Moves the requests and the rate limits' attempts a day back. */
static void
a_day_later(void)
{
	sql_do("UPDATE subscription SET asked_at = asked_at - 86401; UPDATE submit_attempt SET "
	       "at = at - 86401");
}

/* Under pressure (RL_PRESSURE_HOUR requests of other networks in the hour), a network
 * past RL_POW_FREE today gets the form back with a challenge, what was typed, the wait
 * and the script; the request proved is then taken. */
START_TEST(proof_of_work)
{
	struct ask  a = ask_of("proof@example.org");
	struct form f = { 0 };
	struct res  r;
	char        ch[POW_CHALLENGE_MAX], nonce[32], sql[400];
	int         i;

	fresh();
	snprintf(sql, sizeof sql,
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
	    "INSERT INTO submit_attempt (key, at) SELECT 'net:10.0.' || (i / 256) || '.' || "
	    "(i %% 256) || '/32', CAST(strftime('%%s', 'now') AS INTEGER) - 60 FROM n",
	    RL_PRESSURE_HOUR);
	sql_do(sql);
	a.addr = "10.77.0.1";
	for (i = 0; i < RL_POW_FREE; i++) {
		snprintf(sql, sizeof sql, "free%d@example.org", i);
		a.email = sql;
		ck_assert_int_eq(ask_status(&a), 303);
	}
	a.email = "proof@example.org";
	post_ask("pt", &a, &r);
	ck_assert_int_eq(r.status, 429);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<script src=\"/static/pow.js\""));
	ck_assert_ptr_nonnull(strstr(r.head.p, "Retry-After: "));
	ck_assert_int_eq(form_parse(r.body.p, "/pt/follow", &f), 0);
	ck_assert_str_eq(form_val(&f, "email"), "proof@example.org");
	ck_assert_ptr_nonnull(form_val(&f, "pow_challenge"));
	snprintf(ch, sizeof ch, "%s", form_val(&f, "pow_challenge"));
	form_free(&f);
	res_free(&r);
	ck_assert_int_eq(mails("proof@example.org"), 0);
	test_pow_solve(ch, nonce, sizeof nonce);
	form_add(&f, "kind", "commitment");
	form_add(&f, "target", "PT0013");
	form_add(&f, "email", "proof@example.org");
	form_add(&f, "lang", "pt");
	form_add(&f, "frequency", "daily");
	form_add(&f, "consent", "1");
	form_add(&f, "pow_challenge", ch);
	form_add(&f, "pow_nonce", nonce);
	env[1] = "REMOTE_ADDR=10.77.0.1";
	cgi_post_form(NULL, "/pt/follow", &f, &r);
	env[1] = "REMOTE_ADDR=127.0.0.1";
	form_free(&f);
	ck_assert_int_eq(r.status, 303);
	res_free(&r);
	ck_assert_int_eq(mails("proof@example.org"), 1);
}
END_TEST

/* Asking again for the same thing changes nothing and looks the same to the visitor;
 * the address gets at most one email a day about it: a new confirmation while it waits
 * (the earlier link then stops working), "you already follow it" once active. */
START_TEST(same_thing_twice)
{
	struct ask a = ask_of("twice@example.org");
	char       first[65], second[65], uri[128], manage[65], loc[64];
	struct res r;

	fresh();
	ck_assert_int_eq(ask_status(&a), 303);
	ck_assert_int_eq(mail_token("twice@example.org", "/pt/follow/confirm/", first), 0);
	a.frequency = "weekly";
	a.lang = "en";
	post_ask("pt", &a, &r);
	ck_assert_int_eq(r.status, 303);
	ck_assert_str_eq(res_header(&r, "Location", loc, sizeof loc), SENT);
	res_free(&r);
	ck_assert_int_eq(mails("twice@example.org"), 1);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM subscription WHERE frequency = 'daily' AND "
				 "lang = 'pt'",
			     NULL, 0, 0, -1),
	    1);
	/* A day later: the confirmation again, with a new link. */
	a_day_later();
	ck_assert_int_eq(ask_status(&a), 303);
	ck_assert_int_eq(mails("twice@example.org"), 2);
	ck_assert_int_eq(mail_token("twice@example.org", "/pt/follow/confirm/", second), 0);
	ck_assert_str_ne(first, second);
	snprintf(uri, sizeof uri, "/pt/follow/confirm/%s", first);
	ck_assert_int_eq(hit(1, uri, NULL, NULL), 410);
	snprintf(uri, sizeof uri, "/pt/follow/confirm/%s", second);
	ck_assert_int_eq(hit(1, uri, NULL, NULL), 200);
	/* Active: the same day nothing; a day later the notice with the management link. */
	ck_assert_int_eq(ask_status(&a), 303);
	ck_assert_int_eq(mails("twice@example.org"), 2);
	a_day_later();
	post_ask("pt", &a, &r);
	ck_assert_str_eq(res_header(&r, "Location", loc, sizeof loc), SENT);
	res_free(&r);
	ck_assert_int_eq(mails("twice@example.org"), 3);
	ck_assert_int_eq(mail_token("twice@example.org", "/pt/follow/manage/", manage), 0);
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM follower WHERE token = ?1", manage, 0, 0, -1), 1);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM subscription WHERE status = 'active' AND "
				 "frequency = 'daily' AND lang = 'pt'",
			     NULL, 0, 0, -1),
	    1);
	ck_assert_int_eq(ask_status(&a), 303);
	ck_assert_int_eq(mails("twice@example.org"), 3);
}
END_TEST

/* Subscribes email to the plan 1, the site and PT0013 and confirms the first; copies its
 * token into tok (65 bytes). */
static void
three_things(const char *email, char *tok)
{
	struct ask a = ask_of(email);
	char       ctok[65], uri[128];

	a.kind = "plan";
	a.target = "1";
	ck_assert_int_eq(ask_status(&a), 303);
	ck_assert_int_eq(mail_token(email, "/pt/follow/confirm/", ctok), 0);
	snprintf(uri, sizeof uri, "/pt/follow/confirm/%s", ctok);
	ck_assert_int_eq(hit(1, uri, NULL, NULL), 200);
	a.kind = "site";
	a.target = "";
	ck_assert_int_eq(ask_status(&a), 303);
	a = ask_of(email);
	ck_assert_int_eq(ask_status(&a), 303);
	sql_text("SELECT token FROM follower WHERE email = ?1", email, 0, tok, 65);
	ck_assert_uint_eq(strlen(tok), 64);
}

/* The management page lists every subscription of the address, confirmed or waiting,
 * each with its link; its POST forms change one's frequency and language, stop one, and
 * stop everything (the address deleted); another address's subscription cannot be
 * touched. */
START_TEST(manage_page)
{
	char       tok[65], uri[128], body[160];
	long long  plan, other;
	struct res r;

	fresh();
	three_things("manage@example.org", tok);
	three_things("other@example.org", uri);
	snprintf(uri, sizeof uri, "/pt/follow/manage/%s", tok);
	ck_assert_int_eq(hit(0, uri, NULL, &r), 200);
	ck_assert_ptr_nonnull(strstr(r.head.p, "Cache-Control: no-store"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "href=\"/pt/plans/1\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, "href=\"/pt/commitments/PT0013\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Todo o sítio"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Confirmada"));
	ck_assert_int_eq(res_count(&r, "À espera de confirmação"), 2);
	ck_assert_int_eq(res_count(&r, "name=\"action\" value=\"stop\""), 3);
	res_free(&r);
	plan = sql_int("SELECT s.id FROM subscription s JOIN follower f ON f.id = s.follower_id "
		       "WHERE f.email = ?1 AND s.kind = 'plan'",
	    "manage@example.org", 0, 0, -1);
	other = sql_int("SELECT s.id FROM subscription s JOIN follower f ON f.id = "
			"s.follower_id WHERE f.email = ?1 AND s.kind = 'plan'",
	    "other@example.org", 0, 0, -1);
	snprintf(body, sizeof body, "action=change&sub=%lld&frequency=weekly&lang=en", plan);
	ck_assert_int_eq(hit(1, uri, body, NULL), 200);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM subscription WHERE id = ?2 AND frequency = "
				 "'weekly' AND lang = 'en'",
			     NULL, plan, 0, -1),
	    1);
	snprintf(body, sizeof body, "action=change&sub=%lld&frequency=weekly&lang=en", other);
	ck_assert_int_eq(hit(1, uri, body, NULL), 400);
	snprintf(body, sizeof body, "action=stop&sub=%lld", other);
	ck_assert_int_eq(hit(1, uri, body, NULL), 400);
	snprintf(body, sizeof body, "action=change&sub=%lld&frequency=hourly&lang=en", plan);
	ck_assert_int_eq(hit(1, uri, body, NULL), 400);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM subscription WHERE id = ?2 AND frequency = "
				 "'daily' AND lang = 'pt'",
			     NULL, other, 0, -1),
	    1);
	snprintf(body, sizeof body, "action=stop&sub=%lld", plan);
	ck_assert_int_eq(hit(1, uri, body, &r), 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "role=\"status\""));
	res_free(&r);
	ck_assert_int_eq(
	    sql_int("SELECT count(*) FROM subscription WHERE id = ?2", NULL, plan, 0, -1), 0);
	ck_assert_int_eq(hit(1, uri, "action=stop_all", NULL), 200);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM follower WHERE email = ?1",
			     "manage@example.org", 0, 0, -1),
	    0);
	ck_assert_int_eq(mails("manage@example.org"), 0);
	ck_assert_int_eq(hit(0, uri, NULL, NULL), 410);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM subscription s JOIN follower f ON f.id = "
				 "s.follower_id WHERE f.email = ?1",
			     "other@example.org", 0, 0, -1),
	    3);
}
END_TEST

/* The one-click unsubscribe (RFC 8058): a POST of List-Unsubscribe=One-Click stops every
 * subscription, with no Origin and with another site's (a mail provider's server), and
 * answers 200; a GET shows a button; a POST without that body changes nothing.  The
 * exemption is that route's alone: the form's POST from another site is refused. */
START_TEST(one_click)
{
	const char *foreign[] = { NO_SENDER, "REMOTE_ADDR=127.0.0.1",
		"HTTP_ORIGIN=https://mail.example.net", "HTTP_SEC_FETCH_SITE=cross-site", NULL };
	char        tok[65], uri[160];
	struct ask  a = ask_of("foreign@example.org");
	struct res  r;

	fresh();
	three_things("oneclick@example.org", tok);
	snprintf(uri, sizeof uri, "/follow/unsubscribe/%s", tok);
	ck_assert_int_eq(hit(0, uri, NULL, &r), 200);
	ck_assert_ptr_nonnull(strstr(
	    r.body.p, "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "/follow/manage/"));
	res_free(&r);
	ck_assert_int_eq(hit(1, uri, "", NULL), 400);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM follower", NULL, 0, 0, -1), 1);
	ck_assert_int_eq(hit(1, uri, "List-Unsubscribe=One-Click", NULL), 200);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM follower", NULL, 0, 0, -1), 0);
	ck_assert_int_eq(hit(0, uri, NULL, NULL), 410);
	ck_assert_int_eq(hit(1, uri, "List-Unsubscribe=One-Click", NULL), 200);
	/* From a mail provider's server: another origin. */
	three_things("oneclick2@example.org", tok);
	snprintf(uri, sizeof uri, "/en/follow/unsubscribe/%s", tok);
	cgi_env = foreign;
	ck_assert_int_eq(hit(1, uri, "List-Unsubscribe=One-Click", NULL), 200);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM follower", NULL, 0, 0, -1), 0);
	post_ask("pt", &a, &r);
	cgi_env = env;
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM follower", NULL, 0, 0, -1), 0);
}
END_TEST

/* A confirmation link past its 7 days says so (410), by GET and POST, and confirms
 * nothing; `submissions purge` deletes such requests and the address left with none,
 * and keeps a fresh request and an active subscription. */
START_TEST(expired_and_purged)
{
	struct ask a = ask_of("late@example.org");
	char       tok[65], keep[65], uri[128], out[512];
	struct res r;

	fresh();
	ck_assert_int_eq(ask_status(&a), 303);
	ck_assert_int_eq(mail_token("late@example.org", "/pt/follow/confirm/", tok), 0);
	sql_do("UPDATE subscription SET confirm_expires = CAST(strftime('%s', 'now') AS INTEGER) "
	       "- 1, asked_at = asked_at - 8 * 86400");
	snprintf(uri, sizeof uri, "/pt/follow/confirm/%s", tok);
	ck_assert_int_eq(hit(0, uri, NULL, &r), 410);
	ck_assert_ptr_null(strstr(r.body.p, "<form method=\"post\""));
	res_free(&r);
	ck_assert_int_eq(hit(1, uri, NULL, NULL), 410);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM subscription WHERE status = 'unconfirmed'",
			     NULL, 0, 0, -1),
	    1);
	three_things("kept@example.org", keep);
	ck_assert_int_eq(rc_admin(out, sizeof out, "submissions", "purge", NULL), 0);
	ck_assert_ptr_nonnull(strstr(out, "1 subscription(s)"));
	ck_assert_int_eq(sql_int("SELECT count(*) FROM follower WHERE email = 'late@example.org'",
			     NULL, 0, 0, -1),
	    0);
	ck_assert_int_eq(mails("late@example.org"), 0);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM subscription s JOIN follower f ON f.id = "
				 "s.follower_id WHERE f.email = 'kept@example.org'",
			     NULL, 0, 0, -1),
	    3);
}
END_TEST

/* The privacy page says what is kept for following, for how long and how to leave, in
 * both languages, and every page's footer links to it. */
START_TEST(privacy_page)
{
	struct res r;

	ck_assert_int_eq(hit(0, "/pt/privacy", NULL, &r), 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Seguir por email"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "7 dias"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "um clique"));
	res_free(&r);
	ck_assert_int_eq(hit(0, "/en/privacy", NULL, &r), 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "until you stop following"));
	res_free(&r);
	ck_assert_int_eq(hit(0, "/en/", NULL, &r), 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<a href=\"/en/privacy\">Privacy</a>"));
	res_free(&r);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { form_on_pages, subscribe_and_confirm, refusals, rate_limits,
		proof_of_work, same_thing_twice, manage_page, one_click, expired_and_purged,
		privacy_page, NULL };

	if (cgi_setup("aberta-follow", env) != 0)
		return 1;
	return cgi_tests_main(tests_suite("follow", 300, tests));
}
