/* The limits of the citizens' forms (issue 16, finding 1): they count per network, not
 * per address, so that one person cannot dodge them by changing address inside their
 * own network, and no limit refuses everyone because of someone else's traffic.  The
 * prefix lengths of the test are ABERTA_NET4_BITS "24,16": loopback 127.0.0.9 and
 * 127.0.0.10 are one narrow network (127.0.0.0/24), 127.0.1.x another narrow network of
 * the same wide one (127.0.0.0/16).  The real binary in CGI mode on a test database
 * with the real content; TAP output through Check. */
#include <sodium.h>

#include "../lib/client.h"
#include "../lib/testlib.h"
#include "lib/consult.h"
#include "lib/pow.h"

#define BITS "ABERTA_NET4_BITS=24,16"
#define PATH "/pt/commitments/PT0009/comments"

/* The environment of a request from addr ("REMOTE_ADDR=..."). */
static const char *env[3] = { BITS };

/* Posts a comment signed author from email to PATH, from address addr, with the fields
 * of the proof of work when challenge is not NULL; r gets the answer. */
static void
comment(const char *addr, const char *author, const char *email, const char *challenge,
    const char *nonce, struct res *r)
{
	char        ra[64];
	struct form f = { 0 };

	snprintf(ra, sizeof ra, "REMOTE_ADDR=%s", addr);
	env[1] = ra;
	cgi_env = env;
	form_add(&f, "author", author);
	form_add(&f, "email", email);
	form_add(&f, "body", "A comment long enough to be taken.");
	form_add(&f, "consent", "1");
	if (challenge != NULL)
		form_add(&f, "pow_challenge", challenge);
	if (nonce != NULL)
		form_add(&f, "pow_nonce", nonce);
	cgi_post_form(NULL, PATH, &f, r);
	form_free(&f);
}

/* The status of a comment from addr, each from an email of its own (n its number). */
static int
comment_status(const char *addr, int n)
{
	struct res r;
	char       email[64];
	int        st;

	snprintf(email, sizeof email, "person%d@example.org", n);
	comment(addr, "Ana", email, NULL, NULL, &r);
	st = r.status;
	res_free(&r);
	return st;
}

/* Empties the table of attempts and the outbox: each test starts from no traffic. */
static void
fresh(void)
{
	sql_do("DELETE FROM submit_attempt; DELETE FROM outbox");
}

/* Ten comments from 127.0.0.9 pass, the eleventh is refused, and so is the same POST
 * from 127.0.0.10, an address of the same narrow network. */
START_TEST(one_network_one_limit)
{
	int i;

	fresh();
	for (i = 0; i < 10; i++)
		ck_assert_int_eq(comment_status("127.0.0.9", i), 303);
	ck_assert_int_eq(comment_status("127.0.0.9", 10), 429);
	ck_assert_msg(comment_status("127.0.0.10", 11) == 429,
	    "127.0.0.10 is in the network of 127.0.0.9 and must be refused too");
}
END_TEST

/* On IPv6 one client holds a /64 (the default narrow length): a new address inside it
 * does not give ten more, a neighbouring /64 of the same /48 is another client. */
START_TEST(ipv6_prefix)
{
	int i;

	fresh();
	for (i = 0; i < 10; i++)
		ck_assert_int_eq(comment_status("2001:db8:0:1::9", 20 + i), 303);
	ck_assert_int_eq(comment_status("2001:db8:0:1:ffff:ffff:ffff:1", 30), 429);
	ck_assert_int_eq(comment_status("::ffff:127.0.0.9", 31), 303);
	ck_assert_int_eq(comment_status("2001:db8:0:2::9", 32), 303);
}
END_TEST

/* A table of attempts full of other networks' rows does not stop a citizen from a
 * network that has sent nothing. */
START_TEST(no_global_stop)
{
	fresh();
	sql_do("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999) "
	       "INSERT INTO submit_attempt (key, at) SELECT 'net:10.' || (i / 256) || '.' || "
	       "(i % 256) || '.0/24', CAST(strftime('%s', 'now') AS INTEGER) - 60 FROM n");
	ck_assert_msg(comment_status("127.3.0.1", 100) == 303,
	    "a fresh network is served while the table is full of others' rows");
}
END_TEST

/* A wide network has a cap of its own, higher than a narrow one's: full, it refuses its
 * fresh narrow networks, and no other wide network. */
START_TEST(wide_network_cap)
{
	char sql[300];

	fresh();
	snprintf(sql, sizeof sql,
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
	    "INSERT INTO submit_attempt (key, at) SELECT 'wide:127.0.0.0/16', "
	    "CAST(strftime('%%s', 'now') AS INTEGER) - 60 FROM n",
	    RL_WIDE_HOUR - 1);
	sql_do(sql);
	ck_assert_int_eq(comment_status("127.0.7.1", 0), 303);
	ck_assert_int_eq(comment_status("127.0.8.1", 1), 429);
	ck_assert_int_eq(comment_status("127.1.0.1", 2), 303);
}
END_TEST

/* Fills the table with RL_PRESSURE_HOUR submissions of other networks in the last
 * hour: the site is under pressure. */
static void
pressure(void)
{
	char sql[400];

	snprintf(sql, sizeof sql,
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
	    "INSERT INTO submit_attempt (key, at) SELECT 'net:10.0.' || (i / 256) || '.' || "
	    "(i %% 256) || '/32', CAST(strftime('%%s', 'now') AS INTEGER) - 60 FROM n",
	    RL_PRESSURE_HOUR);
	sql_do(sql);
}

/* The challenge in the form of page html, into out ("" when none). */
static void
challenge_of(const char *html, char *out, size_t outlen)
{
	struct form f = { 0 };
	const char *v;

	*out = '\0';
	if (form_parse(html, PATH, &f) == 0 && (v = form_val(&f, "pow_challenge")) != NULL)
		snprintf(out, outlen, "%s", v);
	form_free(&f);
}

/* Under pressure, a network past RL_POW_FREE today gets the form back with a challenge
 * (its text kept, not stored by caches, the wait and the script named); a nonce that
 * proves it is accepted once, and the challenge is then used up. */
START_TEST(proof_of_work_under_pressure)
{
	struct res r;
	char       ch[POW_CHALLENGE_MAX], ch2[POW_CHALLENGE_MAX], nonce[32];
	int        i;

	fresh();
	pressure();
	for (i = 0; i < RL_POW_FREE; i++)
		ck_assert_int_eq(comment_status("127.0.2.1", i), 303);
	comment("127.0.2.2", "Ana Proof", "proof@example.org", NULL, NULL, &r);
	ck_assert_int_eq(r.status, 429);
	ck_assert_ptr_nonnull(strstr(r.head.p, "Cache-Control: no-store"));
	ck_assert(form_shows(r.body.p, "author", "Ana Proof"));
	ck_assert(form_shows(r.body.p, "body", "A comment long enough to be taken."));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<script src=\"/static/pow.js\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, "role=\"status\""));
	ck_assert_ptr_nonnull(strstr(r.body.p, "Aguarde 5 segundos"));
	challenge_of(r.body.p, ch, sizeof ch);
	res_free(&r);
	ck_assert_int_eq(pow_challenge_bits(ch), POW_BITS_MIN);
	test_pow_solve(ch, nonce, sizeof nonce);
	comment("127.0.2.3", "Ana Proof", "proof@example.org", ch, nonce, &r);
	ck_assert_int_eq(r.status, 303);
	res_free(&r);
	/* Used up: the same proof again gets a new challenge, one bit harder. */
	comment("127.0.2.3", "Ana Proof", "proof2@example.org", ch, nonce, &r);
	ck_assert_int_eq(r.status, 429);
	challenge_of(r.body.p, ch2, sizeof ch2);
	res_free(&r);
	ck_assert_str_ne(ch, ch2);
	ck_assert_int_eq(pow_challenge_bits(ch2), POW_BITS_MIN + 1);
}
END_TEST

/* Without script: the challenge sent back without a nonce is accepted once its wait has
 * passed, and not before (the same challenge comes back); a challenge given to another
 * network is worth nothing. */
START_TEST(wait_without_script)
{
	struct res r;
	char       ch[POW_CHALLENGE_MAX], again[POW_CHALLENGE_MAX], nonce[32];

	fresh();
	pressure();
	sql_do("INSERT INTO submit_attempt (key, at) SELECT 'net:127.0.4.0/24', "
	       "CAST(strftime('%s', 'now') AS INTEGER) - 7200 FROM "
	       "(SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4)");
	comment("127.0.4.1", "Rui", "rui@example.org", NULL, NULL, &r);
	ck_assert_int_eq(r.status, 429);
	challenge_of(r.body.p, ch, sizeof ch);
	res_free(&r);
	ck_assert_int_gt(pow_challenge_bits(ch), 0);
	comment("127.0.4.1", "Rui", "rui@example.org", ch, NULL, &r);
	ck_assert_int_eq(r.status, 429);
	challenge_of(r.body.p, again, sizeof again);
	res_free(&r);
	ck_assert_str_eq(again, ch);
	/* Another heavy network cannot spend it, even proved. */
	sql_do("INSERT INTO submit_attempt (key, at) SELECT 'net:127.0.5.0/24', "
	       "CAST(strftime('%s', 'now') AS INTEGER) - 7200 FROM "
	       "(SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4)");
	test_pow_solve(ch, nonce, sizeof nonce);
	comment("127.0.5.1", "Rui", "rui@example.org", ch, nonce, &r);
	ck_assert_int_eq(r.status, 429);
	res_free(&r);
	sql_do("UPDATE submit_attempt SET at = at - 600 WHERE key LIKE 'pow:%'");
	comment("127.0.4.1", "Rui", "rui@example.org", ch, NULL, &r);
	ck_assert_int_eq(r.status, 303);
	res_free(&r);
}
END_TEST

/* The confirmation email quotes the sender's name, cut to SUB_QUOTE_MAX characters, on
 * a line of its own after the words that say what it is: the full text the sender
 * chose is not in the site's email. */
START_TEST(email_quotes_the_sender)
{
	const char *name = "Your account is suspended: pay the fine at https://evil.example/x now";
	char        quoted[200], msg[8192];
	struct res  r;

	fresh();
	comment("127.0.6.1", name, "quoted@example.org", NULL, NULL, &r);
	ck_assert_int_eq(r.status, 303);
	res_free(&r);
	sql_text(
	    "SELECT message FROM outbox WHERE rcpt = ?1", "quoted@example.org", 0, msg, sizeof msg);
	snprintf(quoted, sizeof quoted, "\n    \u201c%.60s\u2026\u201d\r\n", name);
	ck_assert_msg(strstr(msg, quoted) != NULL, "no quoted line in: %s", msg);
	ck_assert_ptr_null(strstr(msg, name));
	ck_assert_ptr_null(strstr(msg, "x now"));
	ck_assert_ptr_nonnull(strstr(msg, "Foi enviado com este nome"));
	ck_assert_ptr_nonnull(strstr(msg, "Olá,\r\n"));
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { one_network_one_limit, ipv6_prefix, no_global_stop,
		wide_network_cap, proof_of_work_under_pressure, wait_without_script,
		email_quotes_the_sender, NULL };

	if (cgi_setup("aberta-limits", NULL) != 0)
		return 1;
	return cgi_tests_main(tests_suite("limits", 300, tests));
}
