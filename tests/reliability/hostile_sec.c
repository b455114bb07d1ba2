/*
 * hostile_sec: the routes and attacks of issue 16 for the walk of hostile.c.
 *   - /admin/logins and its lift (POST, a login): an empty, missing, too long or
 *     invalid login is refused;
 *   - /admin/uploads/<sha>, its file, and its withdrawal (POST, a reason): an empty,
 *     blank, missing or too long reason, control characters, invalid UTF-8 are refused,
 *     the document stays public;
 *   - a citizens' form under pressure (all networks together over the threshold, the
 *     sender, 127.0.0.1, past its free submissions): a forged challenge (even paid), one
 *     given to another network, a replayed one, one of too few or too many bits, a
 *     malformed or over-long one, a bad or over-long nonce for a live challenge: a 4xx
 *     with the form and a message, never a 2xx or a 5xx, nothing stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "hostile.h"
#include "lib/consult.h"

#define CITIZEN_EMAIL "hostil-cidada@example.org"
#define VICTIM_LOGIN  "hostil-vitima@example.org"
#define NARROW        "net:127.0.0.1/32" /* the walk's narrow network (default prefixes) */
#define PRESSURE      1000               /* lib/consult.h RL_PRESSURE_HOUR */
#define POW_FREE      3                  /* lib/consult.h RL_POW_FREE */

static char paid_ch[64], paid_nonce[24]; /* a challenge paid in the setup, to replay */

/* Makes r a citizen's comment on commitment ogp, its form on the commitment's page. */
static void
citizen_init(struct route *r, const char *ogp)
{
	r->flags |= R_CITIZEN;
	r->bk = B_FORM;
	snprintf(r->formpage, sizeof r->formpage, "/pt/commitments/%s", ogp);
	r->fill[0] = "author";
	r->fill[1] = "Cidadã Hostil";
	r->fill[2] = "email";
	r->fill[3] = CITIZEN_EMAIL;
	r->fill[4] = "body";
	r->fill[5] = "Um comentário hostil, longo o bastante para ser aceite.";
	r->fill[6] = "consent";
	r->fill[7] = "1";
}

/* Runs sql (literal) on the site's database; 0 when done. */
static int
exec_sql(const char *sql)
{
	sqlite3 *db = sql_open_rw();
	int      rc = db != NULL ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_ERROR;

	if (rc != SQLITE_OK)
		diag("%s: %s", sql, db != NULL ? sqlite3_errmsg(db) : "no database");
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

/* The first nonce (decimal) that proves ch: SHA-256(ch ":" nonce) starts with the bits
 * ch names (lib/pow.h). */
static void
solve(const char *ch, char *out, size_t outlen)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char          msg[160];
	long          bits = strtol(ch, NULL, 10), b, i;
	unsigned long n;

	for (n = 0;; n++) {
		snprintf(msg, sizeof msg, "%s:%lu", ch, n);
		crypto_hash_sha256(h, (const unsigned char *)msg, strlen(msg));
		for (b = bits, i = 0; b >= 8 && h[i] == 0; i++, b -= 8)
			;
		if (b <= 0 || (b < 8 && (h[i] >> (8 - b)) == 0))
			break;
	}
	snprintf(out, outlen, "%lu", n);
}

/* A new random challenge of bits ("D-" and 32 hex characters) into out. */
static void
random_challenge(int bits, char *out, size_t outlen)
{
	unsigned char r[16];
	char          hex[33];

	randombytes_buf(r, sizeof r);
	sodium_bin2hex(hex, sizeof hex, r, sizeof r);
	snprintf(out, outlen, "%d-%s", bits, hex);
}

/* Records challenge ch as given now to narrow network net ("net:A/N") under the key
 * pages/limits.c gives it: lib/consult.h's hashed_key of net '|' ch. */
static int
give_challenge(const char *net, const char *ch)
{
	char text[200], key[80], sql[200];

	snprintf(text, sizeof text, "%s|%s", net, ch);
	hashed_key("pow", text, key, sizeof key);
	snprintf(sql, sizeof sql, "INSERT INTO submit_attempt (key, at) VALUES ('%s', %lld)", key,
	    (long long)time(NULL));
	return exec_sql(sql);
}

/* Sends the complete form of rt with the proof fields ch and nonce (NULL: left out);
 * fills r.  The challenge the answer asks, if any, goes to ask. */
static int
post_proof(const struct route *rt, const char *ch, const char *nonce, struct res *r, char *ask,
    size_t asklen)
{
	struct hreq q;
	struct form f;
	const char *p;

	base_req(rt, &q, &f);
	form_set(&f, "pow_challenge", ch);
	form_set(&f, "pow_nonce", nonce);
	set_body(&q, &f);
	form_free(&f);
	send_req(&q, r);
	hreq_free(&q);
	if (ask != NULL) {
		ask[0] = '\0';
		if ((p = strstr(r->body.p ? r->body.p : "", "name=\"pow_challenge\" value=\"")) !=
		    NULL)
			snprintf(ask, asklen, "%.*s", (int)strcspn(p + 28, "\""), p + 28);
	}
	return r->status;
}

/* A challenge the program gives now to the walk's network, into out ("" when none):
 * the count of the challenges it was given this hour is forgotten first, so that one
 * is given whatever the cases before asked. */
static void
live_challenge(const struct route *rt, char *out, size_t outlen)
{
	struct res r;

	out[0] = '\0';
	if (exec_sql("DELETE FROM submit_attempt WHERE key LIKE 'powq:%'") != 0)
		return;
	post_proof(rt, NULL, NULL, &r, out, outlen);
	res_free(&r);
}

int
sec_setup(const char *ogp)
{
	struct person p;
	struct res    r;
	struct route  cr;
	char          sql[300], ch[64] = "";
	int           st, i, ok;

	/* A failure of a staff login, so that /admin/logins has a lift form. */
	person_init(&p, "sec");
	login_pw(&p, VICTIM_LOGIN, "not-the-password-sec", &r, NULL, 0);
	tap(r.status == 401 || r.status == 403 || r.status == 200,
	    "setup: a wrong password for %s (for /admin/logins): %d", VICTIM_LOGIN, r.status);
	res_free(&r);
	person_free(&p);
	/* Pressure: the networks of others over the threshold this hour, and the walk's
	 * own network past its free submissions today. */
	snprintf(sql, sizeof sql,
	    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
	    "INSERT INTO submit_attempt (key, at) SELECT 'net:10.' || (i / 256) || '.' || "
	    "(i %% 256) || '.1/32', unixepoch() - 60 FROM n",
	    PRESSURE);
	ok = exec_sql(sql) == 0;
	for (i = 0; ok && i < POW_FREE; i++)
		ok = exec_sql("INSERT INTO submit_attempt (key, at) VALUES ('" NARROW
			      "', unixepoch() - 60)") == 0;
	/* One proof paid, its challenge kept to be replayed. */
	memset(&cr, 0, sizeof cr);
	cr.method = "POST";
	snprintf(cr.path, sizeof cr.path, "/pt/commitments/%s/comments", ogp);
	citizen_init(&cr, ogp);
	if (ok)
		live_challenge(&cr, ch, sizeof ch);
	if (ch[0] != '\0') {
		snprintf(paid_ch, sizeof paid_ch, "%s", ch);
		solve(paid_ch, paid_nonce, sizeof paid_nonce);
		st = post_proof(&cr, paid_ch, paid_nonce, &r, NULL, 0);
		res_free(&r);
	} else
		st = 0;
	tap(st == 303,
	    "setup: under pressure the walk's network is asked a proof (\"%s\"), and the "
	    "comment with its nonce %s is taken: %d",
	    paid_ch, paid_nonce, st);
	return st == 303 ? 0 : -1;
}

void
sec_routes(const char *sha, const char *ogp)
{
	struct route *r;

	route_add("GET", R_ADMIN, B_NONE, 0, 0, "/admin/logins");
	r = route_add("POST", R_ADMIN | R_LIFT, B_FORM, 0, 0, "/admin/logins/lift");
	snprintf(r->formpage, sizeof r->formpage, "/admin/logins");
	route_add("GET", R_ADMIN, B_NONE, 3, 'h', "/admin/uploads/%s", sha);
	route_add("GET", R_ADMIN, B_NONE, 3, 'h', "/admin/uploads/%s/file", sha);
	r = route_add("POST", R_ADMIN | R_WITHDRAW, B_FORM, 3, 'h', "/admin/uploads/%s", sha);
	r->fill[0] = "why";
	r->fill[1] = "Uma razão válida para retirar o documento.";
	r = route_add("POST", 0, B_FORM, 3, 'o', "/pt/commitments/%s/comments", ogp);
	citizen_init(r, ogp);
}

void
sec_controls(void)
{
	struct res r;
	char       ch[64];
	int        i;

	for (i = 0; i < nroutes; i++) {
		if (!(routes[i].flags & R_CITIZEN))
			continue;
		routes[i].normal = post_proof(&routes[i], NULL, NULL, &r, ch, sizeof ch);
		tap(r.status == 429 && (ch[0] != '\0' || strstr(r.body.p, "name=\"author\"")),
		    "control: POST %s, the complete form under pressure -> %d (challenge \"%s\")",
		    routes[i].path, r.status, ch);
		res_free(&r);
	}
}

/* The complete form of route rt with its field name set to a->arg, or absent when a->arg
 * is "MISSING", or set to long_value when it is "LONG". */
static int
field_attack(const struct route *rt, const struct attack *a, struct hreq *q, const char *name,
    const char *long_value)
{
	struct form f;

	base_req(rt, q, &f);
	form_set(&f, name,
	    strcmp(a->arg, "MISSING") == 0    ? NULL
		: strcmp(a->arg, "LONG") == 0 ? long_value
					      : a->arg);
	set_body(q, &f);
	form_free(&f);
	return 0;
}

/* The withdrawal with the reason a->arg ("MISSING": none; "LONG": 501 characters). */
static int
b_why(const struct route *rt, const struct attack *a, struct hreq *q)
{
	char why[1100] = "";
	int  i;

	for (i = 0; i < 501; i++)
		memcpy(why + 2 * i, "é", 3);
	return field_attack(rt, a, q, "why", why);
}

/* The lift of login a->arg ("MISSING": none; "LONG": 300 characters). */
static int
b_lift(const struct route *rt, const struct attack *a, struct hreq *q)
{
	char login[301];

	memset(login, 'l', 300);
	login[300] = '\0';
	return field_attack(rt, a, q, "login", login);
}

/* The complete citizen's form with the proof a->arg: "forged", "othernet",
 * "replayed", "replayed-bare", "bits:N", "raw:CH" (a challenge as given), "long", "dup",
 * or "n:NONCE" (a nonce for a live challenge; "n:LONG" 5,000 digits). */
static int
b_pow(const struct route *rt, const struct attack *a, struct hreq *q)
{
	struct form f;
	char        ch[64] = "", nonce[24] = "", *big = NULL;
	const char *c = ch, *n = nonce;

	if (strcmp(a->arg, "forged") == 0 || strcmp(a->arg, "othernet") == 0) {
		random_challenge(18, ch, sizeof ch);
		if (strcmp(a->arg, "othernet") == 0 && give_challenge("net:127.0.0.2/32", ch) != 0)
			return -1;
		solve(ch, nonce, sizeof nonce);
	} else if (strncmp(a->arg, "replayed", 8) == 0) {
		c = paid_ch;
		n = strcmp(a->arg, "replayed") == 0 ? paid_nonce : NULL;
	} else if (strncmp(a->arg, "bits:", 5) == 0) {
		random_challenge((int)strtol(a->arg + 5, NULL, 10), ch, sizeof ch);
		if (give_challenge(NARROW, ch) != 0)
			return -1;
		if (strtol(a->arg + 5, NULL, 10) < 18)
			solve(ch, nonce, sizeof nonce);
		else
			n = "1";
	} else if (strncmp(a->arg, "raw:", 4) == 0) {
		c = a->arg + 4;
		n = "1";
	} else if (strcmp(a->arg, "long") == 0) {
		if ((big = malloc(10001)) == NULL)
			return -1;
		memset(big, 'a', 10000);
		memcpy(big, "18-", 3);
		big[10000] = '\0';
		c = big;
		n = "1";
	} else if (strncmp(a->arg, "n:", 2) == 0) {
		live_challenge(rt, ch, sizeof ch);
		if (ch[0] == '\0')
			diag("%s: no live challenge was given", a->name);
		if (strcmp(a->arg, "n:LONG") == 0) {
			if ((big = malloc(5001)) == NULL)
				return -1;
			memset(big, '7', 5000);
			big[5000] = '\0';
			n = big;
		} else
			n = a->arg[2] != '\0' ? a->arg + 2 : NULL;
	}
	base_req(rt, q, &f);
	form_set(&f, "pow_challenge", c[0] != '\0' ? c : NULL);
	form_set(&f, "pow_nonce", n);
	if (strcmp(a->arg, "dup") == 0) { /* the replayed one, then a forged one */
		form_set(&f, "pow_challenge", paid_ch);
		random_challenge(18, ch, sizeof ch);
		form_add(&f, "pow_challenge", ch);
	}
	set_body(q, &f);
	form_free(&f);
	free(big);
	return 0;
}

const struct attack sec_attacks[] = {
	/* The withdrawal of a document: the reason. */
	{ "withdraw: an empty reason", A_WITHDRAW, b_why, "", K_REFUSED, R4(400, 0, 0, 0) },
	{ "withdraw: no reason field", A_WITHDRAW, b_why, "MISSING", K_REFUSED, R4(400, 0, 0, 0) },
	{ "withdraw: a reason of blanks only", A_WITHDRAW, b_why, " \t\r\n ", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "withdraw: a reason of 501 characters", A_WITHDRAW, b_why, "LONG", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "withdraw: a reason with \\x01", A_WITHDRAW, b_why, "uma\x01razão", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "withdraw: a reason with ESC [31m", A_WITHDRAW, b_why, "razão \x1b[31mvermelha",
	    K_REFUSED, R4(400, 0, 0, 0) },
	{ "withdraw: a reason with DEL", A_WITHDRAW, b_why, "razão\x7f", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "withdraw: a reason with invalid UTF-8 (C3 28)", A_WITHDRAW, b_why, "raz\xc3\x28o",
	    K_REFUSED, R4(400, 0, 0, 0) },
	{ "withdraw: a reason with a surrogate (ED A0 80)", A_WITHDRAW, b_why, "a\xed\xa0\x80",
	    K_REFUSED, R4(400, 0, 0, 0) },
	{ "withdraw: a reason with an overlong '/' (C0 AF)", A_WITHDRAW, b_why, "a\xc0\xaf",
	    K_REFUSED, R4(400, 0, 0, 0) },
	/* The lift of a login's failures: the login. */
	{ "lift: an empty login", A_LIFT, b_lift, "", K_REFUSED, R4(400, 0, 0, 0) },
	{ "lift: no login field", A_LIFT, b_lift, "MISSING", K_REFUSED, R4(400, 0, 0, 0) },
	{ "lift: a login of 300 characters", A_LIFT, b_lift, "LONG", K_REFUSED, R4(400, 0, 0, 0) },
	{ "lift: a login with invalid UTF-8", A_LIFT, b_lift, "x\xff@example.org", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "lift: a login with CR/LF and a header (nothing to lift)", A_LIFT, b_lift,
	    "x@example.org\r\nX-Injected: 1", K_REFUSED, R4(400, 200, 0, 0) },
	/* The proof of work of the citizens' forms, under pressure. */
	{ "proof: a forged challenge, paid", A_POW, b_pow, "forged", K_REFUSED, R4(429, 0, 0, 0) },
	{ "proof: another network's challenge, paid", A_POW, b_pow, "othernet", K_REFUSED,
	    R4(429, 0, 0, 0) },
	{ "proof: a paid challenge replayed", A_POW, b_pow, "replayed", K_REFUSED,
	    R4(429, 0, 0, 0) },
	{ "proof: a paid challenge replayed without its nonce", A_POW, b_pow, "replayed-bare",
	    K_REFUSED, R4(429, 0, 0, 0) },
	{ "proof: two challenges (a used one, a forged one)", A_POW, b_pow, "dup", K_REFUSED,
	    R4(400, 429, 0, 0) },
	{ "proof: a given challenge of 17 bits, paid", A_POW, b_pow, "bits:17", K_REFUSED,
	    R4(429, 0, 0, 0) },
	{ "proof: a given challenge of 99 bits", A_POW, b_pow, "bits:99", K_REFUSED,
	    R4(429, 0, 0, 0) },
	{ "proof: challenge 18-XYZ", A_POW, b_pow, "raw:18-XYZ", K_REFUSED, R4(429, 0, 0, 0) },
	{ "proof: a challenge of 31 hex digits", A_POW, b_pow,
	    "raw:18-0123456789abcdef0123456789abcde", K_REFUSED, R4(429, 0, 0, 0) },
	{ "proof: a challenge in upper case", A_POW, b_pow,
	    "raw:18-0123456789ABCDEF0123456789ABCDEF", K_REFUSED, R4(429, 0, 0, 0) },
	{ "proof: a challenge -18-...", A_POW, b_pow, "raw:-18-0123456789abcdef0123456789abcdef",
	    K_REFUSED, R4(429, 0, 0, 0) },
	{ "proof: a challenge with CR/LF and a header", A_POW, b_pow,
	    "raw:18-0123456789abcdef\r\nX-Injected: 1", K_REFUSED, R4(400, 429, 0, 0) },
	{ "proof: a challenge with invalid UTF-8", A_POW, b_pow,
	    "raw:18-\xc3\x28\xff"
	    "0123456789abcdef0123456789abcd",
	    K_REFUSED, R4(400, 429, 0, 0) },
	{ "proof: a challenge of 10,000 characters", A_POW, b_pow, "long", K_REFUSED,
	    R4(400, 429, 0, 0) },
	{ "proof: a live challenge without a nonce, at once", A_POW, b_pow, "n:", K_REFUSED,
	    R4(429, 0, 0, 0) },
	{ "proof: a live challenge, a wrong nonce", A_POW, b_pow, "n:1", K_REFUSED,
	    R4(429, 0, 0, 0) },
	{ "proof: a live challenge, nonce 12a", A_POW, b_pow, "n:12a", K_REFUSED,
	    R4(429, 0, 0, 0) },
	{ "proof: a live challenge, nonce -1", A_POW, b_pow, "n:-1", K_REFUSED, R4(429, 0, 0, 0) },
	{ "proof: a live challenge, nonce 1e5", A_POW, b_pow, "n:1e5", K_REFUSED,
	    R4(429, 0, 0, 0) },
	{ "proof: a live challenge, a nonce of 17 digits", A_POW, b_pow, "n:12345678901234567",
	    K_REFUSED, R4(429, 0, 0, 0) },
	{ "proof: a live challenge, a nonce of 5,000 digits", A_POW, b_pow, "n:LONG", K_REFUSED,
	    R4(429, 0, 0, 0) },
	{ "proof: a live challenge, a nonce with CR/LF", A_POW, b_pow, "n:1\r\nX-Injected: 1",
	    K_REFUSED, R4(400, 429, 0, 0) },
	{ "proof: a live challenge, a nonce with 0xFF", A_POW, b_pow, "n:1\xff", K_REFUSED,
	    R4(400, 429, 0, 0) },
};
const size_t nsec_attacks = sizeof sec_attacks / sizeof sec_attacks[0];
