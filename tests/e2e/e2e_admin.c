/*
 * End-to-end tests of the admin area: libcurl against nginx and the FastCGI workers,
 * started by tests/e2e/run.sh on a free port with a fresh database holding the real
 * content (after tests/e2e/e2e ran against the same site).  Each simulated person has
 * a cookie jar of its own (one curl handle with the cookie engine on).  Accounts are
 * made with aberta-admin in the same database; second-factor codes come from
 * totp_code().  Usage: e2e_admin BASE_URL DBPATH ADMIN_BIN.  Prints TAP.
 *
 * It needs a database it has not run against before (it creates fixed accounts, and
 * failed logins count towards the per-address limit for 15 minutes); run.sh makes a
 * fresh one.  With E2E_ADMIN_DUMP=DIR every exchange is written to DIR/NNNN.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "../lib/client.h"
#include "../lib/tap.h"
#include "lib/consult.h"

/* ------------------------------------------------------------------------------------
 * Security headers: every response under /admin is checked as it arrives; the results
 * are reported per status at the end.
 */

struct hstat {
	int  status;
	int  n, bad;
	char why[300];
};
static struct hstat hstats[32];
static int          nhstats;

/* Returns 1 if header name of r holds needle (case-sensitive), copying why otherwise. */
static int
hdr_has(const struct res *r, const char *name, const char *needle, char *why, size_t wlen)
{
	char v[1024];

	if (res_header(r, name, v, sizeof v) != NULL && strstr(v, needle) != NULL)
		return 1;
	if (why[0] == '\0')
		snprintf(why, wlen, "%s lacks \"%s\" (got \"%.120s\")", name, needle,
		    res_header(r, name, v, sizeof v) ? v : "(none)");
	return 0;
}

static void
admin_headers_note(const char *method, const char *path, const struct res *r)
{
	char why[300] = "";
	int  i, ok = 1;

	if (r->status == 0)
		return;
	ok &= hdr_has(r, "Cache-Control", "no-store", why, sizeof why);
	ok &= hdr_has(r, "Content-Security-Policy", "object-src 'none'", why, sizeof why);
	ok &= hdr_has(r, "Content-Security-Policy", "frame-ancestors 'none'", why, sizeof why);
	ok &= hdr_has(r, "X-Content-Type-Options", "nosniff", why, sizeof why);
	ok &= hdr_has(r, "Referrer-Policy", "-", why, sizeof why) ||
	    hdr_has(r, "Referrer-Policy", "no-referrer", why, sizeof why);
	ok &= hdr_has(r, "Content-Type", "charset=utf-8", why, sizeof why);
	for (i = 0; i < nhstats && hstats[i].status != r->status; i++)
		;
	if (i == nhstats) {
		if (nhstats == (int)(sizeof hstats / sizeof hstats[0]))
			return;
		memset(&hstats[nhstats], 0, sizeof hstats[0]);
		hstats[nhstats++].status = r->status;
	}
	hstats[i].n++;
	if (!ok) {
		if (hstats[i].bad++ == 0)
			snprintf(hstats[i].why, sizeof hstats[i].why, "%.8s %.100s: %.180s", method,
			    path, why);
	}
}

/* ------------------------------------------------------------------------------------
 * HTTP, through the shared client (tests/lib/client.h): a person is a curl handle with
 * its own cookie jar; NULL is a stranger without cookies.
 */

/* With E2E_ADMIN_DUMP=DIR, writes each exchange to DIR/NNNN (for diagnosis). */
static void
dump(const struct person *p, const char *method, const char *path, const char *body, size_t bodylen,
    const struct res *r)
{
	static int  seq;
	const char *dir = getenv("E2E_ADMIN_DUMP");
	char        fn[512];
	FILE       *f;

	if (dir == NULL || *dir == '\0')
		return;
	snprintf(fn, sizeof fn, "%s/%04d", dir, ++seq);
	if ((f = fopen(fn, "w")) == NULL)
		return;
	fprintf(f, "%s %s %.*s (as %s)\n%s\n\n%s%s", method, path, body ? (int)bodylen : 0,
	    body ? body : "", p ? p->who : "stranger", r->head.p ? r->head.p : "",
	    r->body.p ? r->body.p : "", "");
	fclose(f);
}

/* After every exchange (rc_after): says why one got no answer, checks the security
 * headers of the admin area's answers, and dumps it with E2E_ADMIN_DUMP. */
static void
exchanged(const struct person *p, const char *method, const char *path, const char *body,
    size_t bodylen, const struct res *r)
{
	if (r->cerr != CURLE_OK)
		diag("%s %s: %s", method, path, curl_easy_strerror((CURLcode)r->cerr));
	if (strncmp(path, "/admin", 6) == 0)
		admin_headers_note(method, path, r);
	dump(p, method, path, body, bodylen, r);
}

/* GET path with "Cookie: name=value" and no jar. */
static int
get_with_cookie(const char *path, const char *name, const char *value, struct res *r)
{
	char        ck[512];
	const char *h[] = { ck, NULL };

	snprintf(ck, sizeof ck, "Cookie: %s=%s", name, value);
	return rc_http(NULL, "GET", path, NULL, NULL, 0, h, r);
}

/* The Location of r (for messages). */
static const char *
loc(const struct res *r)
{
	static char v[1024];

	if (res_header(r, "Location", v, sizeof v) == NULL)
		snprintf(v, sizeof v, "(none)");
	return v;
}

/* Returns 1 if the Set-Cookie line has attribute attr (case-insensitive, exact). */
static int
cookie_attr(const char *line, const char *attr)
{
	const char *p = strchr(line, ';');
	size_t      n = strlen(attr);

	while (p != NULL) {
		p++;
		while (*p == ' ')
			p++;
		if (strncasecmp(p, attr, n) == 0 && (p[n] == ';' || p[n] == '\0'))
			return 1;
		p = strchr(p, ';');
	}
	return 0;
}

/* ------------------------------------------------------------------------------------
 * The database (read, and the clock moved by hand).
 */

/* Runs one statement with integers ?1 and ?2; returns the rows changed or -1. */
static int
db_run(const char *sql, long long i1, long long i2)
{
	sqlite3      *db = sql_open_rw();
	sqlite3_stmt *s;
	int           rc, n = -1;

	if (db == NULL)
		return -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(s, 1, i1);
		sqlite3_bind_int64(s, 2, i2);
		if ((rc = sqlite3_step(s)) == SQLITE_DONE)
			n = sqlite3_changes(db);
		else
			diag("SQL %s: %s", sql, sqlite3_errmsg(db));
		sqlite3_finalize(s);
	} else
		diag("SQL %s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
	return n;
}

/* Every column of the row that sql (one integer ?1) selects, as "col=value|..." into
 * a malloc'd string; NULL shown as \N. */
static char *
db_row(const char *sql, long long id)
{
	sqlite3      *db = sql_open_rw();
	sqlite3_stmt *s;
	struct buf    b = { 0 };
	char         *out;
	int           i;

	if (db == NULL)
		return strdup("");
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(s, 1, id);
		if (sqlite3_step(s) == SQLITE_ROW)
			for (i = 0; i < sqlite3_column_count(s); i++)
				buf_printf(&b, "%s=%s|", sqlite3_column_name(s, i),
				    sqlite3_column_type(s, i) == SQLITE_NULL
					? "\\N"
					: (const char *)sqlite3_column_text(s, i));
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	out = strdup(b.p ? b.p : "");
	buf_free(&b);
	return out;
}

/* Copies up to 20 bytes of s into out with line breaks shown as \n. */
static const char *
visible(const char *s, char *out, size_t outlen)
{
	size_t i, o = 0;

	for (i = 0; s[i] != '\0' && i < 20 && o + 3 < outlen; i++) {
		if (s[i] == '\n' || s[i] == '\r') {
			out[o++] = '\\';
			out[o++] = s[i] == '\n' ? 'n' : 'r';
		} else
			out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

/* Compares the stored row (sql with ?1 = id) with the form's values: every column that
 * is a form field must equal it (NULL = "").  Writes the first difference into why.
 * Returns the number of fields compared, or -1 on a difference. */
static int
form_matches_row(const struct form *f, const char *sql, long long id, char *why, size_t wlen)
{
	sqlite3      *db = sql_open_rw();
	sqlite3_stmt *s;
	const char   *fv, *dv;
	int           i, n = 0;

	why[0] = '\0';
	if (db == NULL || sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		snprintf(why, wlen, "cannot read the row");
		return -1;
	}
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		for (i = 0; i < sqlite3_column_count(s); i++) {
			if ((fv = form_val(f, sqlite3_column_name(s, i))) == NULL)
				continue;
			dv = (const char *)sqlite3_column_text(s, i);
			n++;
			if (strcmp(fv, dv ? dv : "") != 0) {
				char   a[64], b[64];
				size_t at = 0;

				if (dv == NULL)
					dv = "";
				while (dv[at] != '\0' && dv[at] == fv[at])
					at++;
				snprintf(why, wlen,
				    "field %s differs at byte %zu: stored \"%s\", "
				    "form \"%s\"",
				    sqlite3_column_name(s, i), at,
				    visible(dv + (at > 8 ? at - 8 : 0), a, sizeof a),
				    visible(fv + (at > 8 ? at - 8 : 0), b, sizeof b));
				n = -1;
				break;
			}
		}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* ------------------------------------------------------------------------------------
 * Accounts, made with aberta-admin (client.h logs them in with both factors).
 */

/* Every password this run typed or was given, to look for in the audit log. */
static char pwseen[64][80];
static int  npwseen;

static void
pw_note(const char *pw)
{
	if (npwseen < (int)(sizeof pwseen / sizeof pwseen[0]))
		snprintf(pwseen[npwseen++], sizeof pwseen[0], "%s", pw);
}

/* acct_add, noting the password it prints. */
static int
staff_add(struct acct *a, const char *login, const char *name, const char *role, const char *slug)
{
	int rc = acct_add(a, login, name, role, slug);

	if (a->pw[0] != '\0')
		pw_note(a->pw);
	return rc;
}

/* ------------------------------------------------------------------------------------
 * The tests.
 */

static void
anonymous(void)
{
	struct res r;
	char       line[512], csrf[128], pre[128];

	rc_get(NULL, "/admin/", &r);
	tap(r.status == 303 && location_is(&r, "/admin/login"),
	    "anonymous GET /admin/ -> 303 to /admin/login (got %d, Location %s)", r.status,
	    loc(&r));
	res_free(&r);
	rc_get(NULL, "/admin/login", &r);
	form_csrf(r.body.p, "/admin/login", csrf, sizeof csrf);
	set_cookie_value(&r, "aberta_pre", pre, sizeof pre);
	tap(r.status == 200 && strlen(csrf) == 64,
	    "GET /admin/login -> 200 with a csrf field of 64 hex digits (got %d, csrf '%s')",
	    r.status, csrf);
	tap(set_cookie_line(&r, "aberta_pre", line, sizeof line) != NULL && pre[0] != '\0',
	    "GET /admin/login sets the aberta_pre cookie");
	tap(cookie_attr(line, "HttpOnly") && cookie_attr(line, "SameSite=Strict") &&
		cookie_attr(line, "Path=/") && !cookie_attr(line, "Secure"),
	    "aberta_pre is HttpOnly; SameSite=Strict; Path=/; not Secure over http (%s)", line);
	res_free(&r);
}

/* The account of the login and second-factor tests. */
static struct acct ana;

static void
login_and_enrol(void)
{
	struct person p;
	struct res    r;
	char          pre[128], tok1[128], tok2[128], line[512];
	int           i, ok;

	tap(staff_add(&ana, "ana@example.org", "Ana Admin", "admin", NULL) == 0,
	    "aberta-admin user add prints the password of a new admin account");
	person_init(&p, "ana");
	login_pw(&p, ana.login, ana.pw, &r, pre, sizeof pre);
	tap(r.status == 303 && location_is(&r, "/admin/2fa/enrol"),
	    "a new account's password login -> 303 to /admin/2fa/enrol (got %d, %s)", r.status,
	    loc(&r));
	set_cookie_value(&r, "aberta", tok1, sizeof tok1);
	tap(tok1[0] != '\0' && strcmp(tok1, pre) != 0 && strlen(tok1) == 64,
	    "the login sets a new session cookie, unlike the pre-login cookie");
	set_cookie_line(&r, "aberta", line, sizeof line);
	tap(cookie_attr(line, "HttpOnly") && cookie_attr(line, "SameSite=Strict") &&
		!cookie_attr(line, "Secure"),
	    "session cookie is HttpOnly; SameSite=Strict; not Secure over http (%s)", line);
	res_free(&r);

	rc_get(&p, "/admin/", &r);
	tap(r.status == 303 && location_is(&r, "/admin/2fa/enrol"),
	    "with only the password, /admin/ -> 303 to the enrolment (got %d, %s)", r.status,
	    loc(&r));
	res_free(&r);

	enrol(&p, &ana, &r);
	tap(strlen(ana.secret) == TOTP_SECRET_B32,
	    "the enrolment page shows a %d-character secret in <code class=\"secret\">",
	    TOTP_SECRET_B32);
	tap(r.status == 200 && ana.nrec == RECOVERY_CODES,
	    "posting the code from totp_code() -> 200 with %d recovery codes (got %d, %d codes)",
	    RECOVERY_CODES, r.status, ana.nrec);
	for (ok = 1, i = 0; i < ana.nrec; i++)
		ok &= strlen(ana.rec[i]) == RECOVERY_CODE_LEN;
	tap(ok && ana.nrec > 0, "recovery codes look like k7q2-m9xp-4tzn");
	set_cookie_value(&r, "aberta", tok2, sizeof tok2);
	tap(tok2[0] != '\0' && strcmp(tok2, tok1) != 0,
	    "passing the second factor issues another new session token");
	res_free(&r);

	rc_get(&p, "/admin/", &r);
	tap(r.status == 200 && strstr(r.body.p, "<h1>Painel</h1>") != NULL,
	    "then /admin/ -> 200 \"Painel\" (got %d)", r.status);
	res_free(&r);

	get_with_cookie("/admin/", "aberta", tok1, &r);
	tap(r.status == 303 && location_is(&r, "/admin/login"),
	    "the password-stage token stops working after the second factor (got %d, %s)", r.status,
	    loc(&r));
	res_free(&r);
	get_with_cookie("/admin/", "aberta", tok2, &r);
	tap(r.status == 200, "the new token works alone (got %d)", r.status);
	res_free(&r);
	person_free(&p);
}

static void
second_login(void)
{
	struct person p2, p3, p4, p5;
	struct res    r;
	char          code[7], wrong[16], c[3][7];
	long long     step, now = (long long)time(NULL) / TOTP_STEP;
	int           i, n;

	person_init(&p2, "ana-2");
	login_pw(&p2, ana.login, ana.pw, &r, NULL, 0);
	tap(r.status == 303 && location_is(&r, "/admin/2fa"),
	    "second login of the same account -> 303 to /admin/2fa (got %d, %s)", r.status,
	    loc(&r));
	res_free(&r);

	for (i = 0; i < 3; i++)
		totp_code(ana.secret, (time_t)((now - 1 + i) * TOTP_STEP), c[i]);
	for (n = 0; n < 1000000; n++) {
		snprintf(wrong, sizeof wrong, "%06d", n);
		if (strcmp(wrong, c[0]) && strcmp(wrong, c[1]) && strcmp(wrong, c[2]))
			break;
	}
	post_2fa(&p2, wrong, &r);
	tap(r.status == 401 && strstr(r.body.p, "Código errado") != NULL,
	    "a wrong code -> 401 \"Código errado\" (got %d)", r.status);
	res_free(&r);

	next_code(&ana, code, &step);
	post_2fa(&p2, code, &r);
	tap(r.status == 303 && location_is(&r, "/admin/"),
	    "the right code -> 303 to /admin/ (got %d, %s)", r.status, loc(&r));
	if (r.status == 303)
		ana.last_step = step;
	res_free(&r);
	rc_get(&p2, "/admin/", &r);
	tap(r.status == 200, "and the dashboard answers 200 (got %d)", r.status);
	res_free(&r);

	person_init(&p3, "ana-3");
	login_pw(&p3, ana.login, ana.pw, &r, NULL, 0);
	res_free(&r);
	post_2fa(&p3, code, &r);
	tap(r.status == 401, "the same code again (replay) is refused: 401 (got %d)", r.status);
	res_free(&r);
	rc_get(&p3, "/admin/", &r);
	tap(r.status == 303 && location_is(&r, "/admin/2fa"),
	    "after the refused replay the session is still waiting for the second factor "
	    "(got %d, %s)",
	    r.status, loc(&r));
	res_free(&r);
	/* Beyond the list: the same browser, still waiting for the second factor, goes
	 * back to the login page and logs in again. */
	login_pw(&p3, ana.login, ana.pw, &r, NULL, 0);
	tap(r.status == 303 && location_is(&r, "/admin/2fa"),
	    "logging in again from a browser left at the second-factor step -> 303 to "
	    "/admin/2fa (got %d, %s)",
	    r.status, loc(&r));
	res_free(&r);

	person_init(&p4, "ana-4");
	login_pw(&p4, ana.login, ana.pw, &r, NULL, 0);
	res_free(&r);
	post_2fa(&p4, ana.nrec > 0 ? ana.rec[0] : "none", &r);
	tap(r.status == 303 && location_is(&r, "/admin/"),
	    "a recovery code passes the second factor (got %d, %s)", r.status, loc(&r));
	res_free(&r);
	person_init(&p5, "ana-5");
	login_pw(&p5, ana.login, ana.pw, &r, NULL, 0);
	res_free(&r);
	post_2fa(&p5, ana.nrec > 0 ? ana.rec[0] : "none", &r);
	tap(r.status == 401, "the same recovery code a second time is refused: 401 (got %d)",
	    r.status);
	res_free(&r);
	tap(sql_int("SELECT count(*) FROM recovery_code WHERE staff_id = ?2 AND used_at IS "
		    "NOT NULL",
		NULL, ana.id, 0, -1) == 1,
	    "exactly one recovery code is marked used");
	person_free(&p2);
	person_free(&p3);
	person_free(&p4);
	person_free(&p5);
}

/* Replaces every occurrence of what in s (in place; with is not longer than what). */
static void
replace_all(char *s, const char *what, const char *with)
{
	size_t wl = strlen(what), nl = strlen(with);
	char  *p;

	if (wl == 0 || nl > wl)
		return;
	while ((p = strstr(s, what)) != NULL) {
		memcpy(p, with, nl);
		memmove(p + nl, p + wl, strlen(p + wl) + 1);
	}
}

static void
login_failures(void)
{
	struct acct   bea, cid;
	struct person p;
	struct res    r1, r2, r;
	char          pre1[128], pre2[128], *b1, *b2, pw[64];
	const char   *unknown = "nobody-here@example.org";
	int           i, st[5], ok;

	staff_add(&bea, "bea@example.org", "Bea Focal", "focal", NULL);
	person_init(&p, "stranger");
	pw_note("wrong-password-Xq7-e2e");
	login_pw(&p, bea.login, "wrong-password-Xq7-e2e", &r1, pre1, sizeof pre1);
	login_pw(&p, unknown, "wrong-password-Xq7-e2e", &r2, pre2, sizeof pre2);
	tap(r1.status == 401 && r2.status == 401,
	    "wrong password and unknown user both -> 401 (got %d and %d)", r1.status, r2.status);
	b1 = strdup(r1.body.p);
	b2 = strdup(r2.body.p);
	/* Each answer carries a fresh pre-login token (cookie and field). */
	replace_all(b1, form_csrf(r1.body.p, "/admin/login", pre1, sizeof pre1), "CSRF");
	replace_all(b2, form_csrf(r2.body.p, "/admin/login", pre2, sizeof pre2), "CSRF");
	replace_all(b1, bea.login, "LOGIN");
	replace_all(b2, unknown, "LOGIN");
	tap(strcmp(b1, b2) == 0 && strstr(b1, "Utilizador ou palavra-passe errados") != NULL,
	    "their bodies are the same apart from the echoed login and the csrf token");
	free(b1);
	free(b2);
	res_free(&r1);
	res_free(&r2);

	staff_add(&cid, "cid@example.org", "Cid Member", "member", "ama");
	for (i = 0; i < 5; i++) {
		snprintf(pw, sizeof pw, "not-the-password-%d", i);
		pw_note(pw);
		login_pw(&p, cid.login, pw, &r, NULL, 0);
		st[i] = r.status;
		res_free(&r);
	}
	tap(st[0] == 401 && st[1] == 401 && st[2] == 401 && st[3] == 401 && st[4] == 401,
	    "five failed logins each -> 401 (got %d %d %d %d %d)", st[0], st[1], st[2], st[3],
	    st[4]);
	login_pw(&p, cid.login, cid.pw, &r, NULL, 0);
	tap(r.status == 429 && strstr(r.head.p, "Retry-After: ") != NULL,
	    "the sixth attempt from the same network, with the right password -> 429 with "
	    "Retry-After (got %d)",
	    r.status);
	tap(strstr(r.body.p, "Demasiadas tentativas") != NULL, "429 page says why");
	res_free(&r);
	tap(sql_int("SELECT count(*) FROM audit_log WHERE action = 'login_fail' AND actor = ?1",
		cid.login, 0, 0, 0) == 5 &&
		sql_int("SELECT count(*) FROM audit_log WHERE action "
			"= 'login_fail' AND actor = ?1",
		    unknown, 0, 0, 0) == 1,
	    "audit_log has a login_fail row per failure (the unknown login too)");
	tap(sql_int("SELECT count(*) FROM audit_log WHERE action = 'login_refused_pair' AND "
		    "actor = ?1",
		cid.login, 0, 0, 0) == 1 &&
		sql_int("SELECT count(*) FROM audit_log WHERE action = 'lockout' AND actor = ?1",
		    cid.login, 0, 0, 0) == 0,
	    "audit_log has one login_refused_pair row, and none for the refused attempt");
	for (ok = 1, i = 0; i < npwseen; i++)
		if (sql_int(
			"SELECT count(*) FROM audit_log WHERE instr(coalesce(actor, '') || "
			"coalesce(addr, '') || action || coalesce(object, '') || coalesce(detail, "
			"''), ?1) > 0",
			pwseen[i], 0, 0, -1) != 0) {
			diag("password '%s' found in audit_log", pwseen[i]);
			ok = 0;
		}
	tap(ok && npwseen > 3, "no password text anywhere in audit_log (%d passwords checked)",
	    npwseen);
	person_free(&p);
}

/* Issue 16, finding 3: an attacker's wrong passwords from another network do not keep
 * the owner out of his own.  Loopback stands for the networks: 127.0.0.9 and 127.0.0.10
 * are one /24 (the owner's office), 127.0.1.9 another. */
static void
owner_spared(void)
{
	struct acct   gus;
	struct person owner, attacker, again;
	struct res    r;
	char          pw[64];
	int           i, st[5];

	staff_add(&gus, "gus@example.org", "Gus Focal", "focal", NULL);
	person_init(&owner, "gus at his office");
	person_init(&attacker, "attacker");
	person_init(&again, "gus back at his office");
	curl_easy_setopt(owner.h, CURLOPT_INTERFACE, "host!127.0.0.9");
	curl_easy_setopt(again.h, CURLOPT_INTERFACE, "host!127.0.0.10");
	curl_easy_setopt(attacker.h, CURLOPT_INTERFACE, "host!127.0.1.9");
	tap(login_full(&owner, &gus), "gus signs in from his office (127.0.0.9)");
	for (i = 0; i < 5; i++) {
		snprintf(pw, sizeof pw, "attacker-guess-%d", i);
		pw_note(pw);
		login_pw(&attacker, gus.login, pw, &r, NULL, 0);
		st[i] = r.status;
		res_free(&r);
	}
	tap(st[0] == 401 && st[1] == 401 && st[2] == 401 && st[3] == 401 && st[4] == 401,
	    "five wrong passwords for gus from 127.0.1.9 -> 401 each (got %d %d %d %d %d)", st[0],
	    st[1], st[2], st[3], st[4]);
	login_pw(&attacker, gus.login, gus.pw, &r, NULL, 0);
	tap(r.status == 429 && strstr(r.head.p, "Retry-After: ") != NULL &&
		strstr(r.body.p, "Tente de novo dentro de") != NULL,
	    "from there even the right password -> 429, Retry-After, how long to wait (got %d)",
	    r.status);
	res_free(&r);
	login_pw(&again, gus.login, gus.pw, &r, NULL, 0);
	tap(r.status == 303 && location_is(&r, "/admin/2fa"),
	    "gus, back at his office (127.0.0.10), gets past the password (got %d, %s)", r.status,
	    loc(&r));
	res_free(&r);
	tap(sql_int("SELECT count(*) FROM audit_log WHERE action = 'login_refused_pair' AND "
		    "actor = ?1 AND addr = '127.0.1.9'",
		gus.login, 0, 0, 0) == 1 &&
		sql_int(
		    "SELECT count(*) FROM audit_log WHERE action = 'login_delay' AND actor = ?1",
		    gus.login, 0, 0, 0) == 1,
	    "the audit log shows the pressure: one row for the refused pair, one for the delay");
	person_free(&owner);
	person_free(&attacker);
	person_free(&again);
}

static void
expiry(void)
{
	struct acct   dan;
	struct person p;
	struct res    r;
	long long     now;

	staff_add(&dan, "dan@example.org", "Dan Focal", "focal", NULL);
	person_init(&p, "dan");
	tap(login_full(&p, &dan), "dan logs in with both factors");
	now = (long long)time(NULL);
	db_run("UPDATE session SET last_seen = ?1 WHERE staff_id = ?2", now - 29 * 60, dan.id);
	rc_get(&p, "/admin/", &r);
	tap(r.status == 200, "29 minutes idle: still logged in (got %d)", r.status);
	res_free(&r);
	now = (long long)time(NULL);
	db_run("UPDATE session SET last_seen = ?1 WHERE staff_id = ?2", now - 31 * 60, dan.id);
	rc_get(&p, "/admin/", &r);
	tap(r.status == 303 && location_is(&r, "/admin/login"),
	    "31 minutes idle: next request -> 303 to /admin/login (got %d, %s)", r.status, loc(&r));
	res_free(&r);
	tap(sql_int("SELECT count(*) FROM session WHERE staff_id = ?2", NULL, dan.id, 0, -1) == 0,
	    "the expired session row is deleted");

	tap(login_full(&p, &dan), "dan logs in again");
	now = (long long)time(NULL);
	db_run(
	    "UPDATE session SET created_at = ?1 WHERE staff_id = ?2", now - 12 * 3600 + 60, dan.id);
	rc_get(&p, "/admin/", &r);
	tap(r.status == 200, "logged in 11 h 59 min ago, active: still in (got %d)", r.status);
	res_free(&r);
	now = (long long)time(NULL);
	db_run(
	    "UPDATE session SET created_at = ?1 WHERE staff_id = ?2", now - 12 * 3600 - 1, dan.id);
	rc_get(&p, "/admin/", &r);
	tap(r.status == 303 && location_is(&r, "/admin/login"),
	    "logged in 12 h + 1 s ago, though active: -> 303 to /admin/login (got %d, %s)",
	    r.status, loc(&r));
	res_free(&r);
	person_free(&p);
}

static void
logout(void)
{
	struct acct   eva;
	struct person p;
	struct res    r;
	char          tok[128], csrf[128], line[512], *b;

	staff_add(&eva, "eva@example.org", "Eva Focal", "focal", NULL);
	person_init(&p, "eva");
	tap(login_full(&p, &eva), "eva logs in with both factors");
	jar_value(&p, "aberta", tok, sizeof tok);
	session_csrf(&p, csrf, sizeof csrf);
	tap(strlen(csrf) == 64 && strstr(csrf, tok) == NULL,
	    "every admin page carries the session's csrf token in the logout form");
	b = body_of("csrf", csrf, NULL);
	rc_post(&p, "/admin/logout", b, &r);
	free(b);
	tap(r.status == 303 && location_is(&r, "/admin/login"),
	    "POST /admin/logout with the csrf token -> 303 to /admin/login (got %d, %s)", r.status,
	    loc(&r));
	tap(set_cookie_line(&r, "aberta", line, sizeof line) != NULL &&
		cookie_attr(line, "Max-Age=0"),
	    "logout clears the cookie (%s)", line);
	res_free(&r);
	get_with_cookie("/admin/", "aberta", tok, &r);
	tap(tok[0] != '\0' && r.status == 303 && location_is(&r, "/admin/login"),
	    "the old session cookie no longer works: /admin/ -> 303 to login (got %d, %s)",
	    r.status, loc(&r));
	res_free(&r);
	tap(sql_int("SELECT count(*) FROM session WHERE staff_id = ?2", NULL, eva.id, 0, -1) == 0,
	    "the session row is gone");
	rc_get(&p, "/admin/logout", &r);
	tap(r.status == 405 && res_header(&r, "Allow", line, sizeof line) &&
		strcmp(line, "POST") == 0,
	    "GET /admin/logout -> 405 with Allow: POST (got %d)", r.status);
	res_free(&r);
	person_free(&p);
}

static void
disable(void)
{
	struct acct   fia;
	struct person p;
	struct res    r;
	char          out[2048];
	int           rc;

	staff_add(&fia, "fia@example.org", "Fia Focal", "focal", NULL);
	person_init(&p, "fia");
	tap(login_full(&p, &fia), "fia logs in with both factors");
	rc = rc_admin(out, sizeof out, "user", "disable", fia.login, NULL);
	admin_output(out);
	tap(rc == 0, "aberta-admin user disable exits 0 (got %d)", rc);
	rc_get(&p, "/admin/", &r);
	tap(r.status == 303 && location_is(&r, "/admin/login"),
	    "the disabled user's session ends at once: /admin/ -> 303 to login (got %d, %s)",
	    r.status, loc(&r));
	res_free(&r);
	login_pw(&p, fia.login, fia.pw, &r, NULL, 0);
	tap(r.status == 401, "a disabled account cannot log in: 401 (got %d)", r.status);
	res_free(&r);
	person_free(&p);
}

/* An administrator ends another account's sessions from its page
 * (/admin/users/N/sessions-kill): 200, the account's session ends at once, and the
 * audit log has the action. */
static void
sessions_kill(struct person *admin)
{
	struct acct   lia;
	struct person p;
	struct res    r;
	char          tok[128], path[96];
	char         *b;

	staff_add(&lia, "lia@example.org", "Lia Focal", "focal", NULL);
	person_init(&p, "lia");
	tap(login_full(&p, &lia), "lia logs in with both factors");
	session_csrf(admin, tok, sizeof tok);
	b = body_of("csrf", tok, NULL);
	snprintf(path, sizeof path, "/admin/users/%lld/sessions-kill", lia.id);
	rc_post(admin, path, b, &r);
	free(b);
	tap(r.status == 200, "an administrator ends lia's sessions from her page: 200 (got %d)",
	    r.status);
	res_free(&r);
	rc_get(&p, "/admin/", &r);
	tap(r.status == 303 && location_is(&r, "/admin/login"),
	    "lia's session has ended: /admin/ -> 303 to login (got %d, %s)", r.status, loc(&r));
	res_free(&r);
	tap(sql_int("SELECT count(*) FROM audit_log WHERE action = 'sessions-kill' AND "
		    "object = ?1",
		lia.login, 0, 0, 0) == 1,
	    "the audit log has the action");
	person_free(&p);
}

static void
csrf(void)
{
	struct acct   gil;
	struct person p;
	struct res    r;
	char          tok[128], wrong[65], evil[] = "Origin: http://evil.example", own[256];
	char         *b;
	const char   *h_evil[] = { evil, NULL };
	const char   *h_cross[] = { "Sec-Fetch-Site: cross-site", NULL };
	const char   *h_own[] = { own, "Sec-Fetch-Site: same-origin", NULL };
	long long     events;
	int           st[4];

	staff_add(&gil, "gil@example.org", "Gil Focal", "focal", NULL);
	person_init(&p, "gil");
	tap(login_full(&p, &gil), "gil logs in with both factors");
	session_csrf(&p, tok, sizeof tok);
	memset(wrong, 'a', 64);
	wrong[64] = '\0';
	snprintf(own, sizeof own, "Origin: %s", rc_base);

	rc_post(&p, "/admin/logout", "", &r);
	st[0] = r.status;
	res_free(&r);
	b = body_of("csrf", wrong, NULL);
	rc_post(&p, "/admin/logout", b, &r);
	st[1] = r.status;
	res_free(&r);
	free(b);
	b = body_of("csrf", tok, NULL);
	rc_http(&p, "POST", "/admin/logout", NULL, b, strlen(b), h_evil, &r);
	st[2] = r.status;
	res_free(&r);
	rc_http(&p, "POST", "/admin/logout", NULL, b, strlen(b), h_cross, &r);
	st[3] = r.status;
	res_free(&r);
	free(b);
	tap(st[0] == 403, "POST /admin/logout without csrf -> 403 (got %d)", st[0]);
	tap(st[1] == 403, "POST /admin/logout with a wrong csrf -> 403 (got %d)", st[1]);
	tap(st[2] == 403,
	    "POST /admin/logout with the right csrf but Origin: "
	    "http://evil.example -> 403 (got %d)",
	    st[2]);
	tap(st[3] == 403,
	    "POST /admin/logout with the right csrf but Sec-Fetch-Site: "
	    "cross-site -> 403 (got %d)",
	    st[3]);
	rc_get(&p, "/admin/", &r);
	tap(r.status == 200, "the refused logouts did not end the session (got %d)", r.status);
	res_free(&r);

	events = sql_int("SELECT count(*) FROM event", NULL, 0, 0, -1);
	b = body_of("title_pt", "Evento CSRF", "kind", "other", NULL);
	rc_post(&p, "/admin/events/new", b, &r);
	st[0] = r.status;
	res_free(&r);
	free(b);
	b = body_of("title_pt", "Evento CSRF", "kind", "other", "csrf", wrong, NULL);
	rc_post(&p, "/admin/events/new", b, &r);
	st[1] = r.status;
	res_free(&r);
	free(b);
	b = body_of("title_pt", "Evento CSRF", "kind", "other", "csrf", tok, NULL);
	rc_http(&p, "POST", "/admin/events/new", NULL, b, strlen(b), h_evil, &r);
	st[2] = r.status;
	res_free(&r);
	rc_http(&p, "POST", "/admin/events/new", NULL, b, strlen(b), h_cross, &r);
	st[3] = r.status;
	res_free(&r);
	tap(st[0] == 403, "POST /admin/events/new without csrf -> 403 (got %d)", st[0]);
	tap(st[1] == 403, "POST /admin/events/new with a wrong csrf -> 403 (got %d)", st[1]);
	tap(st[2] == 403,
	    "POST /admin/events/new with Origin: http://evil.example -> 403 "
	    "(got %d)",
	    st[2]);
	tap(st[3] == 403,
	    "POST /admin/events/new with Sec-Fetch-Site: cross-site -> 403 "
	    "(got %d)",
	    st[3]);
	tap(sql_int("SELECT count(*) FROM event", NULL, 0, 0, -1) == events,
	    "no event was created by the refused posts");
	rc_http(&p, "POST", "/admin/events/new", NULL, b, strlen(b), h_own, &r);
	free(b);
	tap(r.status == 303 && sql_int("SELECT count(*) FROM event", NULL, 0, 0, -1) == events + 1,
	    "control: the same post with the right csrf, our own Origin and "
	    "Sec-Fetch-Site: same-origin -> 303, event created (got %d)",
	    r.status);
	res_free(&r);
	tap(sql_int("SELECT count(*) FROM audit_log WHERE action = 'csrf' AND actor = ?1",
		gil.login, 0, 0, 0) == 8,
	    "each refused post is in audit_log as csrf");

	b = body_of("login", gil.login, "password", gil.pw, NULL);
	rc_post(NULL, "/admin/login", b, &r);
	tap(r.status == 403,
	    "POST /admin/login without the pre-login cookie and csrf -> 403 "
	    "(got %d)",
	    r.status);
	res_free(&r);
	free(b);
	rc_get(NULL, "/admin/logout", &r);
	tap(r.status == 405, "GET /admin/logout -> 405 (got %d)", r.status);
	res_free(&r);
	person_free(&p);
}

/* The ids of the records the editing tests use. */
static long long id_plan2, id_c13, id_ms, id_ama, id_event, id_page, id_c24, id_c11;

/* Accounts of the role matrix and the editing tests. */
static struct acct   hal, ines, joao, kim;
static struct person p_hal, p_ines, p_joao, p_kim;

static void
find_ids(void)
{
	id_plan2 = sql_int("SELECT id FROM action_plan WHERE number = 2", NULL, 0, 0, 0);
	id_c13 = sql_int("SELECT id FROM commitment WHERE ogp_id = 'PT0013'", NULL, 0, 0, 0);
	id_c11 = sql_int("SELECT id FROM commitment WHERE ogp_id = 'PT0011'", NULL, 0, 0, 0);
	id_c24 = sql_int("SELECT id FROM commitment WHERE ogp_id = 'PT0024'", NULL, 0, 0, 0);
	/* A milestone of a commitment AMA takes part in (PT0013 has none). */
	id_ms = sql_int("SELECT m.id FROM milestone m JOIN commitment c ON c.id = "
			"m.commitment_id WHERE c.ogp_id = 'PT0011' AND m.progress = 0 ORDER BY "
			"m.position LIMIT 1",
	    NULL, 0, 0, 0);
	id_ama = sql_int("SELECT id FROM entity WHERE slug = 'ama'", NULL, 0, 0, 0);
	id_event = sql_int("SELECT min(id) FROM event", NULL, 0, 0, 0);
	id_page = sql_int("SELECT rowid FROM page WHERE slug = 'about'", NULL, 0, 0, 0);
	tap(id_plan2 && id_c13 && id_c11 && id_c24 && id_ms && id_ama && id_event && id_page,
	    "the test records exist (plan 2, PT0013, PT0011 milestone %lld, entity ama, event "
	    "%lld, page about)",
	    id_ms, id_event);
	tap(sql_int("SELECT count(*) FROM commitment_entity WHERE commitment_id = ?2 AND "
		    "entity_id = ?3 AND role = 'lead'",
		NULL, id_c13, id_ama, 0) == 1 &&
		sql_int("SELECT count(*) FROM commitment_entity ce JOIN entity e ON e.id = "
			"ce.entity_id WHERE e.slug = 'cada' AND ce.commitment_id IN (?2, ?3)",
		    NULL, id_c13, id_c11, -1) == 0,
	    "AMA leads PT0013; CADA has no part in PT0013 or PT0011");
}

/* GETs path as each of the five people and checks the statuses exp (anonymous: also
 * the Location of the login page). */
static void
matrix_row(struct person *const who[5], const char *path, const int exp[5])
{
	struct res r;
	char       got[200];
	int        w, st, ok = 1, lok = 1;
	size_t     n;

	got[0] = '\0';
	for (w = 0; w < 5; w++) {
		rc_get(who[w], path, &r);
		st = r.status;
		if (w == 0 && !location_is(&r, "/admin/login"))
			lok = 0;
		ok &= st == exp[w];
		n = strlen(got);
		snprintf(got + n, sizeof got - n, "%s%d", w ? " " : "", st);
		res_free(&r);
	}
	tap(ok && lok,
	    "GET %s: anonymous 303 to login, admin %d, focal %d, member(ama) %d, "
	    "member(cada) %d (got %s)",
	    path, exp[1], exp[2], exp[3], exp[4], got);
}

static void
roles(void)
{
	static const char *const kinds[] = { "plans", "commitments", "milestones", "entities",
		"events", "pages" };
	struct person *const     who[5] = { NULL, &p_hal, &p_ines, &p_joao, &p_kim };
	long long                ids[6];
	char                     path[128];
	int                      k, a, exp[5];
	struct res               r;

	ids[0] = id_plan2;
	ids[1] = id_c13;
	ids[2] = id_ms;
	ids[3] = id_ama;
	ids[4] = id_event;
	ids[5] = id_page;
	staff_add(&hal, "hal@example.org", "Hal Admin", "admin", NULL);
	staff_add(&ines, "ines@example.org", "Inês Focal", "focal", NULL);
	staff_add(&joao, "joao@example.org", "João AMA", "member", "ama");
	staff_add(&kim, "kim@example.org", "Kim CADA", "member", "cada");
	person_init(&p_hal, "hal");
	person_init(&p_ines, "ines");
	person_init(&p_joao, "joao");
	person_init(&p_kim, "kim");
	tap(login_full(&p_hal, &hal), "admin hal logs in with both factors");
	tap(login_full(&p_ines, &ines), "focal ines logs in with both factors");
	tap(login_full(&p_joao, &joao), "member joao (ama) logs in with both factors");
	tap(login_full(&p_kim, &kim), "member kim (cada) logs in with both factors");

	/* Route kinds: a = 0 dashboard, 1 list, 2 new, 3 edit, 4 delete. */
	for (a = 0; a < 5; a++)
		for (k = 0; k < (a == 0 ? 1 : 6); k++) {
			int member_kind = k == 1 || k == 2; /* commitments, milestones */

			if (a == 0)
				snprintf(path, sizeof path, "/admin/");
			else if (a == 1)
				snprintf(path, sizeof path, "/admin/%s", kinds[k]);
			else if (a == 2)
				snprintf(path, sizeof path, "/admin/%s/new", kinds[k]);
			else if (a == 3)
				snprintf(path, sizeof path, "/admin/%s/%lld", kinds[k], ids[k]);
			else
				snprintf(
				    path, sizeof path, "/admin/%s/%lld/delete", kinds[k], ids[k]);
			exp[0] = 303;
			exp[1] = exp[2] = 200;
			if (a == 4 && k == 5) /* pages cannot be deleted (edit.c) */
				exp[1] = exp[2] = 404;
			switch (a) {
			case 0:
				exp[3] = exp[4] = 200;
				break;
			case 1:
				exp[3] = exp[4] = member_kind ? 200 : 403;
				break;
			case 2: /* members may propose new milestones only */
				exp[3] = exp[4] = k == 2 ? 200 : 403;
				break;
			case 3: /* their body's commitments and milestones */
				exp[3] = member_kind ? 200 : 403;
				exp[4] = 403;
				break;
			default:
				exp[3] = exp[4] = 403;
			}
			matrix_row(who, path, exp);
		}

	/* The pages added with the review and account screens. */
	{
		static const int content[5] = { 303, 200, 200, 403, 403 };
		static const int users[5] = { 303, 200, 403, 403, 403 };

		matrix_row(who, "/admin/reviews", content);
		snprintf(path, sizeof path, "/admin/commitments/%lld/relations", id_c13);
		matrix_row(who, path, content);
		matrix_row(who, "/admin/users", users);
		snprintf(path, sizeof path, "/admin/users/%lld", kim.id);
		matrix_row(who, path, users);
		matrix_row(who, "/admin/audit", users);
	}

	rc_get(&p_joao, "/admin/commitments", &r);
	snprintf(path, sizeof path, "href=\"/admin/commitments/%lld\"", id_c13);
	tap(strstr(r.body.p, path) != NULL && strstr(r.body.p, "PT0019") == NULL,
	    "the ama member's list shows PT0013 and not CADA's PT0019");
	res_free(&r);
	rc_get(&p_kim, "/admin/commitments", &r);
	tap(strstr(r.body.p, path) == NULL && strstr(r.body.p, "PT0019") != NULL,
	    "the cada member's list shows PT0019 and not PT0013");
	res_free(&r);
}

/* Opens the edit form of path as p, checks it round-trips the stored row (sql), and
 * returns its status; f holds the form. */
static int
load_form(
    struct person *p, const char *path, const char *sql, long long id, struct form *f, int report)
{
	char why[300];
	int  st = open_form(p, path, f), n;

	if (report) {
		n = form_matches_row(f, sql, id, why, sizeof why);
		tap(st == 200 && n > 5 && form_val(f, "csrf") && form_val(f, "version"),
		    "the edit form %s shows every stored value as it is (%d fields%s%s)", path, n,
		    why[0] ? "; " : "", why);
	}
	return st;
}

#define SQL_C "SELECT * FROM commitment WHERE id = ?1"
#define SQL_M "SELECT * FROM milestone WHERE id = ?1"
#define SQL_P "SELECT * FROM action_plan WHERE id = ?1"
#define SQL_E "SELECT * FROM event WHERE id = ?1"

#define SQL_PG "SELECT * FROM page WHERE rowid = ?1"

/* Beyond the list: text with paragraphs (blank lines) must survive the edit form. */
static void
paragraphs(void)
{
	struct form f;
	struct res  r;
	char        pp[96], pg[96], *before, *after, changed[300];
	long long   maxrev;

	snprintf(pp, sizeof pp, "/admin/plans/%lld", id_plan2);
	snprintf(pg, sizeof pg, "/admin/pages/%lld", id_page);
	/* The seed's plan texts are single paragraphs: plan 2's co-creation text gets a
	 * second one, as an editor would write it. */
	db_run("UPDATE action_plan SET cocreation_pt = cocreation_pt || char(10, 10) || "
	       "'Segundo parágrafo (e2e).' WHERE id = ?1",
	    id_plan2, 0);
	tap(sql_int("SELECT count(*) FROM action_plan WHERE id = ?2 AND instr(cocreation_pt, "
		    "char(10)) > 0",
		NULL, id_plan2, 0, 0) == 1 &&
		sql_int("SELECT count(*) FROM page "
			"WHERE rowid = ?2 AND instr(body_pt, char(10)) > 0",
		    NULL, id_page, 0, 0) == 1,
	    "plan 2's co-creation text and the about page's body have paragraphs");
	load_form(&p_ines, pp, SQL_P, id_plan2, &f, 1);
	form_free(&f);
	load_form(&p_ines, pg, SQL_PG, id_page, &f, 1);
	before = db_row("SELECT body_pt, body_en FROM page WHERE rowid = ?1", id_page);
	maxrev = sql_int("SELECT coalesce(max(id), 0) FROM revision", NULL, 0, 0, 0);
	form_set(&f, "title_en", "About (e2e)");
	submit_form(&p_ines, pg, &f, &r);
	res_free(&r);
	form_free(&f);
	after = db_row("SELECT body_pt, body_en FROM page WHERE rowid = ?1", id_page);
	sql_text("SELECT group_concat(field, ', ') FROM revision WHERE id > ?2 AND "
		 "field <> 'title_en'",
	    NULL, maxrev, changed, sizeof changed);
	tap(strcmp(before, after) == 0 && changed[0] == '\0',
	    "saving the about page with only title_en changed keeps the body's paragraphs "
	    "(other fields changed: %s)",
	    changed[0] ? changed : "none");
	free(before);
	free(after);
}

static void
editing(void)
{
	struct form f;
	struct res  r;
	char        path[96], old[600], now[600], en[600], want[160];
	const char *title = "Evoluir o portal dados.gov — edição e2e";
	long long   ver, maxrev, other;

	snprintf(path, sizeof path, "/admin/commitments/%lld", id_c13);
	sql_text("SELECT title_pt FROM commitment WHERE id = ?2", NULL, id_c13, old, sizeof old);
	sql_text("SELECT title_en FROM commitment WHERE id = ?2", NULL, id_c13, en, sizeof en);
	ver = sql_int("SELECT version FROM commitment WHERE id = ?2", NULL, id_c13, 0, -1);
	maxrev = sql_int("SELECT coalesce(max(id), 0) FROM revision", NULL, 0, 0, 0);
	load_form(&p_ines, path, SQL_C, id_c13, &f, 1);
	form_set(&f, "title_pt", title);
	submit_form(&p_ines, path, &f, &r);
	snprintf(want, sizeof want, "%s?saved=1", path);
	tap(r.status == 303 && location_is(&r, want),
	    "the focal editor saves PT0013's title_pt -> 303 to %s (got %d, %s)", want, r.status,
	    loc(&r));
	res_free(&r);
	form_free(&f);
	sql_text("SELECT title_pt FROM commitment WHERE id = ?2", NULL, id_c13, now, sizeof now);
	tap(strcmp(now, title) == 0 &&
		sql_int("SELECT version FROM commitment WHERE id = ?2", NULL, id_c13, 0, -1) ==
		    ver + 1,
	    "the row holds the new title, version %lld -> %lld", ver, ver + 1);
	rc_get(NULL, "/pt/commitments/PT0013", &r);
	tap(r.status == 200 && strstr(r.body.p, title) != NULL && strstr(r.body.p, old) == NULL,
	    "/pt/commitments/PT0013 shows the new title at once");
	res_free(&r);
	rc_get(NULL, "/en/commitments/PT0013", &r);
	tap(r.status == 200 && en[0] != '\0' && strstr(r.body.p, en) != NULL &&
		strstr(r.body.p, title) == NULL,
	    "/en/commitments/PT0013 still shows the English title \"%s\"", en);
	res_free(&r);
	{
		sqlite3      *db = sql_open_rw();
		sqlite3_stmt *s = NULL;
		int           found = 0;

		if (db != NULL &&
		    sqlite3_prepare_v2(db,
			"SELECT count(*) FROM revision WHERE "
			"id > ?1 AND tbl = 'commitment' AND row_id = ?2 AND op = 'update' AND "
			"field = 'title_pt' AND before = ?3 AND after = ?4 AND staff_id = ?5",
			-1, &s, NULL) == SQLITE_OK) {
			sqlite3_bind_int64(s, 1, maxrev);
			sqlite3_bind_int64(s, 2, id_c13);
			sqlite3_bind_text(s, 3, old, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 4, title, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(s, 5, ines.id);
			if (sqlite3_step(s) == SQLITE_ROW)
				found = sqlite3_column_int(s, 0);
		}
		sqlite3_finalize(s);
		sqlite3_close(db);
		tap(found == 1,
		    "the revision table has a row for title_pt with before and after, "
		    "by the focal editor");
	}
	other = sql_int("SELECT count(*) FROM revision WHERE id > ?2 AND (field IS NULL OR "
			"field <> 'title_pt')",
	    NULL, maxrev, 0, -1);
	sql_text("SELECT group_concat(field, ', ') FROM revision WHERE id > ?2 AND (field IS "
		 "NULL OR field <> 'title_pt')",
	    NULL, maxrev, now, sizeof now);
	tap(other == 0,
	    "saving the unchanged rest of the form changed no other field "
	    "(other fields changed: %s)",
	    now[0] ? now : "none");
	paragraphs();
}

static void
conflict(void)
{
	struct form f1, f2;
	struct res  r;
	char        path[96], now[600];
	const char *first = "Título gravado primeiro (conflito e2e)";
	const char *second = "Título gravado depois (conflito e2e)";

	snprintf(path, sizeof path, "/admin/commitments/%lld", id_c13);
	open_form(&p_hal, path, &f1);
	open_form(&p_ines, path, &f2);
	tap(form_val(&f1, "version") && form_val(&f2, "version") &&
		strcmp(form_val(&f1, "version"), form_val(&f2, "version")) == 0,
	    "two editors open the same form at the same version (%s)",
	    form_val(&f1, "version") ? form_val(&f1, "version") : "?");
	form_set(&f1, "title_pt", first);
	form_set(&f2, "title_pt", second);
	submit_form(&p_hal, path, &f1, &r);
	tap(r.status == 303, "the first save succeeds (got %d)", r.status);
	res_free(&r);
	submit_form(&p_ines, path, &f2, &r);
	tap(r.status == 409 && strstr(r.body.p, "Outra pessoa gravou") != NULL,
	    "the second save -> 409 \"Outra pessoa gravou\" (got %d)", r.status);
	tap(strstr(r.body.p, first) != NULL && strstr(r.body.p, second) != NULL,
	    "the conflict page shows both versions of the title");
	res_free(&r);
	sql_text("SELECT title_pt FROM commitment WHERE id = ?2", NULL, id_c13, now, sizeof now);
	tap(strcmp(now, first) == 0, "the database keeps the first value (has \"%s\")", now);
	form_free(&f1);
	form_free(&f2);
}

static void
evidence(void)
{
	struct form f;
	struct res  r;
	char        path[96], *before, *after, asof[32];
	const char *url = "https://example.org/report.pdf";
	long long   links;

	snprintf(path, sizeof path, "/admin/milestones/%lld", id_ms);
	links = sql_int("SELECT count(*) FROM link WHERE milestone_id = ?2", NULL, id_ms, 0, -1);
	before = db_row(SQL_M, id_ms);
	load_form(&p_ines, path, SQL_M, id_ms, &f, 1);
	form_set(&f, "progress", "40");
	submit_form(&p_ines, path, &f, &r);
	tap(r.status == 400 &&
		strstr(r.body.p,
		    "id=\"e-evidence\">Uma alteração do estado ou "
		    "do progresso precisa de uma evidência") != NULL,
	    "changing a milestone's progress without evidence_url -> 400 with the evidence "
	    "message (got %d)",
	    r.status);
	res_free(&r);
	after = db_row(SQL_M, id_ms);
	tap(strcmp(before, after) == 0 &&
		sql_int("SELECT count(*) FROM link WHERE "
			"milestone_id = ?2",
		    NULL, id_ms, 0, -1) == links,
	    "nothing was stored");
	free(after);

	form_set(&f, "evidence_url", url);
	form_set(&f, "evidence_label", "Relatório de execução");
	/* The editor dates the figure (the day of the edit is never its date). */
	form_set(&f, "progress_as_of", "2026-11-30");
	form_set(&f, "progress_as_of_kind", "stated");
	submit_form(&p_ines, path, &f, &r);
	tap(r.status == 303, "with evidence_url %s -> 303 (got %d)", url, r.status);
	res_free(&r);
	form_free(&f);
	{
		sqlite3      *db = sql_open_rw();
		sqlite3_stmt *s = NULL;
		int           found = 0;

		if (db != NULL &&
		    sqlite3_prepare_v2(db,
			"SELECT count(*) FROM link WHERE "
			"milestone_id = ?1 AND kind = 'evidence' AND url = ?2",
			-1, &s, NULL) == SQLITE_OK) {
			sqlite3_bind_int64(s, 1, id_ms);
			sqlite3_bind_text(s, 2, url, -1, SQLITE_STATIC);
			if (sqlite3_step(s) == SQLITE_ROW)
				found = sqlite3_column_int(s, 0);
		}
		sqlite3_finalize(s);
		sqlite3_close(db);
		tap(found == 1, "the link table has an 'evidence' row for the milestone");
	}
	sql_text(
	    "SELECT progress_as_of FROM milestone WHERE id = ?2", NULL, id_ms, asof, sizeof asof);
	tap(sql_int("SELECT progress FROM milestone WHERE id = ?2", NULL, id_ms, 0, -1) == 40 &&
		strcmp(asof, "2026-11-30") == 0,
	    "the milestone holds progress 40, dated as the editor gave it, 2026-11-30 (%s)", asof);
	rc_get(NULL, "/pt/commitments/PT0011", &r);
	tap(r.status == 200 && strstr(r.body.p, "href=\"https://example.org/report.pdf\"") != NULL,
	    "the public commitment page (PT0011) shows the evidence link");
	res_free(&r);
	free(before);
}

/* Uploaded evidence: refused when the content is not what the name says, when too
 * big; a real PDF is stored once under its digest and served safely. */
static void
uploads(void)
{
	static const char pdf[] =
	    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
	    "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
	static const char html[] = "<!DOCTYPE html><html><body><script>alert(1)</script>"
				   "</body></html>\n";
	struct form       f;
	struct res        r;
	char              path[96], sha[80] = "", served[160], v[256];
	char             *big;
	long long         n0;

	snprintf(path, sizeof path, "/admin/milestones/%lld", id_ms);
	n0 = sql_int("SELECT count(*) FROM upload", NULL, 0, 0, -1);
	load_form(&p_ines, path, SQL_M, id_ms, &f, 1);
	form_set(&f, "progress", "55");
	submit_mime(&p_ines, path, &f, "evidence_file", "relatorio.pdf", html, sizeof html - 1, &r);
	tap(r.status == 400 && strstr(r.body.p, "Tipo de ficheiro não aceite") != NULL,
	    "an HTML file renamed .pdf is refused with a message (got %d)", r.status);
	res_free(&r);
	tap(sql_int("SELECT count(*) FROM upload", NULL, 0, 0, -1) == n0 &&
		sql_int("SELECT progress FROM milestone WHERE id = ?2", NULL, id_ms, 0, -1) != 55,
	    "nothing was stored for the refused upload");
	big = calloc(1, 12 * 1024 * 1024);
	if (big != NULL) {
		memcpy(big, pdf, sizeof pdf - 1);
		submit_mime(
		    &p_ines, path, &f, "evidence_file", "grande.pdf", big, 12 * 1024 * 1024, &r);
		tap(r.status == 413, "a 12 MB upload is refused with 413 (got %d)", r.status);
		res_free(&r);
		free(big);
	}
	form_free(&f);
	load_form(&p_ines, path, SQL_M, id_ms, &f, 1);
	form_set(&f, "progress", "55");
	submit_mime(&p_ines, path, &f, "evidence_file", "../../etc/passwd\r\nx.pdf", pdf,
	    sizeof pdf - 1, &r);
	tap(r.status == 303, "a real PDF with a hostile name is accepted (got %d)", r.status);
	res_free(&r);
	sql_text("SELECT sha256 FROM upload ORDER BY at DESC, rowid DESC LIMIT 1", NULL, 0, sha,
	    sizeof sha);
	sql_text("SELECT name FROM upload WHERE sha256 = ?1", sha, 0, v, sizeof v);
	tap(strlen(sha) == 64 && strchr(v, '/') == NULL && strstr(v, "..") == NULL &&
		strpbrk(v, "\r\n") == NULL,
	    "stored under its SHA-256 with a harmless name (%s)", v);
	tap(sql_int("SELECT count(*) FROM link WHERE milestone_id = ?2 AND upload_sha IS NOT "
		    "NULL",
		NULL, id_ms, 0, -1) >= 1,
	    "the milestone has the document as evidence");
	snprintf(served, sizeof served, "/uploads/%s", sha);
	rc_get(NULL, served, &r);
	tap(r.status == 200 && r.body.len == sizeof pdf - 1 &&
		hdr_has(&r, "Content-Type", "application/pdf", v, sizeof v) &&
		hdr_has(&r, "X-Content-Type-Options", "nosniff", v, sizeof v) &&
		hdr_has(&r, "Content-Disposition", "attachment", v, sizeof v),
	    "the document is served as a PDF attachment with nosniff (got %d)", r.status);
	res_free(&r);
	form_free(&f);
	/* The same document again is stored once. */
	load_form(&p_ines, path, SQL_M, id_ms, &f, 1);
	form_set(&f, "progress", "60");
	submit_mime(&p_ines, path, &f, "evidence_file", "outra.pdf", pdf, sizeof pdf - 1, &r);
	tap(r.status == 303 &&
		sql_int("SELECT count(*) FROM upload WHERE sha256 = ?1", sha, 0, 0, -1) == 1,
	    "uploading the same document again stores it once");
	res_free(&r);
	form_free(&f);
	rc_get(
	    NULL, "/uploads/0000000000000000000000000000000000000000000000000000000000000000", &r);
	tap(r.status == 404, "an unknown document gives 404 (got %d)", r.status);
	res_free(&r);
}

/* A public document is cached for minutes with its digest as validator, in a sandbox;
 * the focal point withdraws it on its staff page, and through nginx its address
 * answers 410 Gone at once. */
static void
upload_withdraw(void)
{
	struct form f;
	struct res  r;
	char        sha[80] = "", path[120], served[120], v[256];

	sql_text("SELECT upload_sha FROM link WHERE milestone_id = ?2 AND upload_sha IS NOT NULL "
		 "ORDER BY id DESC LIMIT 1",
	    NULL, id_ms, sha, sizeof sha);
	snprintf(served, sizeof served, "/uploads/%s", sha);
	rc_get(NULL, served, &r);
	tap(r.status == 200 && hdr_has(&r, "Cache-Control", "max-age=300", v, sizeof v) &&
		hdr_has(&r, "ETag", sha, v, sizeof v) &&
		hdr_has(&r, "Content-Security-Policy", "sandbox", v, sizeof v),
	    "a public document: cached 5 minutes, its digest as ETag, sandboxed (got %d)",
	    r.status);
	res_free(&r);
	snprintf(path, sizeof path, "/admin/uploads/%s", sha);
	tap(open_form(&p_ines, path, &f) == 200 && form_val(&f, "why") != NULL,
	    "the focal point opens the document's page with the withdraw form");
	form_set(&f, "why", "e2e: contém dados pessoais");
	submit_form(&p_ines, path, &f, &r);
	tap(r.status == 303, "the withdrawal is accepted (got %d)", r.status);
	res_free(&r);
	form_free(&f);
	rc_get(NULL, served, &r);
	tap(r.status == 410, "through nginx the withdrawn document answers 410 (got %d)", r.status);
	res_free(&r);
}

static void
drafts(void)
{
	struct form f;
	struct res  r;
	char        path[96], cur[600], tbl[64];
	const char *proposal = "Proposta do membro AMA (rascunho e2e)";
	char       *before, *after;
	long long   maxdraft;

	snprintf(path, sizeof path, "/admin/commitments/%lld", id_c13);
	sql_text("SELECT title_pt FROM commitment WHERE id = ?2", NULL, id_c13, cur, sizeof cur);
	before = db_row(SQL_C, id_c13);
	maxdraft = sql_int("SELECT coalesce(max(id), 0) FROM draft", NULL, 0, 0, 0);
	tap(load_form(&p_joao, path, SQL_C, id_c13, &f, 0) == 200,
	    "the ama member opens PT0013's form");
	form_set(&f, "title_pt", proposal);
	submit_form(&p_joao, path, &f, &r);
	tap(r.status == 303 && location_is(&r, "/admin/commitments?sent=1"),
	    "the member's save -> 303 to /admin/commitments?sent=1 (got %d, %s)", r.status,
	    loc(&r));
	res_free(&r);
	form_free(&f);
	rc_get(NULL, "/pt/commitments/PT0013", &r);
	tap(r.status == 200 && strstr(r.body.p, proposal) == NULL && strstr(r.body.p, cur) != NULL,
	    "the public page does not change");
	res_free(&r);
	after = db_row(SQL_C, id_c13);
	tap(strcmp(before, after) == 0, "the commitment row is unchanged");
	free(before);
	free(after);
	sql_text("SELECT tbl FROM draft WHERE id > ?2", NULL, maxdraft, tbl, sizeof tbl);
	tap(sql_int("SELECT count(*) FROM draft WHERE id > ?2 AND row_id = ?3 AND status = "
		    "'pending' AND instr(payload, 'rascunho e2e') > 0",
		NULL, maxdraft, id_c13, 0) == 1 &&
		sql_int("SELECT staff_id FROM draft WHERE id > ?2", NULL, maxdraft, 0, 0) ==
		    joao.id,
	    "the draft table has a pending row by the member for PT0013 (tbl '%s')", tbl);
	rc_get(&p_hal, "/admin/", &r);
	tap(strstr(r.body.p, "João AMA") != NULL, "the dashboard lists the pending change");
	res_free(&r);

	/* The cada member cannot post to PT0013 either. */
	load_form(&p_joao, path, SQL_C, id_c13, &f, 0);
	form_set(&f, "title_pt", "Proposta de fora");
	form_set(&f, "csrf", session_csrf(&p_kim, cur, sizeof cur));
	maxdraft = sql_int("SELECT coalesce(max(id), 0) FROM draft", NULL, 0, 0, 0);
	submit_form(&p_kim, path, &f, &r);
	tap(r.status == 403 &&
		sql_int("SELECT count(*) FROM draft WHERE id > ?2", NULL, maxdraft, 0, -1) == 0,
	    "a POST by the cada member to PT0013 -> 403, no draft (got %d)", r.status);
	res_free(&r);
	form_free(&f);
}

/* Submits form f (from path) with field col set to val (and col2 to val2 when not
 * NULL) as p; checks 400, the message beside field errcol, and the row unchanged. */
static void
invalid(struct person *p, const char *path, const char *sql, long long id, const char *col,
    const char *val, const char *col2, const char *val2, const char *errcol, const char *msg,
    const char *what)
{
	struct form f;
	struct res  r;
	char       *before, *after, needle[300];
	long long   maxrev;

	before = db_row(sql, id);
	maxrev = sql_int("SELECT coalesce(max(id), 0) FROM revision", NULL, 0, 0, 0);
	open_form(p, path, &f);
	form_set(&f, col, val);
	if (col2 != NULL)
		form_set(&f, col2, val2);
	submit_form(p, path, &f, &r);
	snprintf(needle, sizeof needle, "<span class=\"field-error\" id=\"e-%s\">%s</span>", errcol,
	    msg);
	tap(r.status == 400 && strstr(r.body.p, needle) != NULL,
	    "%s -> 400 with \"%s\" beside %s (got %d)", what, msg, errcol, r.status);
	res_free(&r);
	after = db_row(sql, id);
	tap(strcmp(before, after) == 0 &&
		sql_int("SELECT coalesce(max(id), 0) FROM revision", NULL, 0, 0, 0) == maxrev,
	    "%s: nothing stored", what);
	free(before);
	free(after);
	form_free(&f);
}

static void
validation(void)
{
	char pc[96], pp[96];

	snprintf(pc, sizeof pc, "/admin/commitments/%lld", id_c13);
	snprintf(pp, sizeof pp, "/admin/plans/%lld", id_plan2);
	invalid(&p_ines, pc, SQL_C, id_c13, "start_date", "2020-13-01", NULL, NULL, "start_date",
	    "Data inválida: use AAAA, AAAA-MM ou AAAA-MM-DD.", "a bad date 2020-13-01");
	invalid(&p_ines, pc, SQL_C, id_c13, "start_date", "2021-06-01", "end_date", "2021-01-31",
	    "end_date", "O fim não pode ser anterior ao início.", "an end before the start");
	invalid(&p_ines, pp, SQL_P, id_plan2, "document_url", "javascript:alert(1)", NULL, NULL,
	    "document_url", "Endereço inválido: só http:// ou https://.",
	    "a javascript: URL in document_url");
	invalid(&p_ines, pc, SQL_C, id_c13, "ogp_id", "XX1", NULL, NULL, "ogp_id",
	    "Use duas letras e quatro algarismos (PT0013).", "an OGP id XX1");
}

static void
markup(void)
{
	struct form f;
	struct res  r;
	char        pc[96], pe[96], pm[96], title[200];
	const char *s1 = "<script>alert(1)</script>", *s2 = "\"><svg onload=alert(1)>";
	const char *e1 = "&lt;script&gt;alert(1)&lt;/script&gt;";
	const char *e2 = "&quot;&gt;&lt;svg onload=alert(1)&gt;";
	char       *before, *after;
	int         i;

	snprintf(title, sizeof title, "%s %s", s1, s2);
	snprintf(pc, sizeof pc, "/admin/commitments/%lld", id_c24);
	open_form(&p_ines, pc, &f);
	form_set(&f, "title_pt", title);
	submit_form(&p_ines, pc, &f, &r);
	tap(r.status == 303,
	    "a title with <script> and \"><svg onload> is saved as text "
	    "(got %d)",
	    r.status);
	res_free(&r);
	form_free(&f);
	for (i = 0; i < 3; i++) {
		const char *path = i == 0 ? "/pt/commitments/PT0024"
		    : i == 1              ? pc
					  : "/admin/commitments";
		rc_get(i == 0 ? NULL : &p_ines, path, &r);
		tap(r.status == 200 && strstr(r.body.p, "<script>alert") == NULL &&
			strstr(r.body.p, "<svg onload") == NULL && strstr(r.body.p, e1) != NULL &&
			strstr(r.body.p, e2) != NULL,
		    "%s: the title comes out escaped, no raw <script> or <svg onload (got %d)",
		    path, r.status);
		res_free(&r);
	}
	rc_get(NULL, "/pt/plans/3", &r);
	tap(strstr(r.body.p, "<script>alert") == NULL && strstr(r.body.p, "<svg onload") == NULL,
	    "the plan page that lists PT0024 has no raw markup either");
	res_free(&r);

	snprintf(pe, sizeof pe, "/admin/events/%lld", id_event);
	invalid(&p_ines, pe, SQL_E, id_event, "url", "javascript:alert(1)", NULL, NULL, "url",
	    "Endereço inválido: só http:// ou https://.", "javascript:alert(1) as an event URL");
	snprintf(pm, sizeof pm, "/admin/milestones/%lld", id_ms);
	before = db_row(SQL_M, id_ms);
	open_form(&p_ines, pm, &f);
	form_set(&f, "progress", "60");
	form_set(&f, "evidence_url", "javascript:alert(1)");
	submit_form(&p_ines, pm, &f, &r);
	after = db_row(SQL_M, id_ms);
	tap(r.status == 400 && strstr(r.body.p, "Endereço da evidência inválido") != NULL &&
		strcmp(before, after) == 0 && strstr(r.body.p, "value=\"javascript:") != NULL,
	    "javascript:alert(1) as evidence_url -> 400, nothing stored (got %d)", r.status);
	res_free(&r);
	form_free(&f);
	free(before);
	free(after);
}

/* The pages that only error paths reach. */
/* Markup stored in every free-text column of every content table comes out inert on
 * every public page (both languages) and every admin page that shows it.  Runs last:
 * it overwrites the content. */
static void
markup_everywhere(void)
{
	static const char *const cols[] = { "action_plan",
		"title_pt, title_en, cocreation_pt, cocreation_en, summary_pt, summary_en",
		"commitment",
		"title_pt, title_en, summary_pt, summary_en, problem_pt, problem_en, "
		"cluster_pt, cluster_en, note_pt, note_en",
		"milestone", "title_pt, title_en, progress_source", "entity",
		"acronym, name_pt, name_en, description_pt, description_en, note_pt, note_en",
		"event",
		"title_pt, title_en, date_note_pt, date_note_en, place_pt, place_en, "
		"organiser, description_pt, description_en",
		"page", "title_pt, title_en, body_pt, body_en", "link", "label_pt, label_en",
		"policy_area", "name_pt, name_en", NULL };
	static const char *const pub[] = { "/", "/network", "/members/ama", "/members/cada",
		"/plans", "/plans/1", "/plans/2", "/plans/3", "/plans/2/history", "/events",
		"/events/1", "/events/5", "/ogp", "/accessibility", "/commitments/PT0001",
		"/commitments/PT0002", "/commitments/PT0011", "/commitments/PT0013",
		"/commitments/PT0018", "/commitments/PT0013/history", NULL };
	static const char *const adm[] = { "/admin/", "/admin/plans", "/admin/commitments",
		"/admin/milestones", "/admin/entities", "/admin/events", "/admin/pages",
		"/admin/plans/2", "/admin/commitments/13", "/admin/milestones/1",
		"/admin/entities/1", "/admin/events/1", "/admin/pages/1", "/admin/reviews",
		"/admin/commitments/13/relations", "/admin/audit", "/admin/audit?log=changes",
		NULL };
	const char              *pay = "<script>alert(1)</script>\"><svg onload=alert(1)>`${x}`'";
	sqlite3                 *db = sql_open_rw();
	char                     sql[1024], path[128], set[700], *c, *t;
	struct res               r;
	int                      i, l, bad = 0, n = 0;

	for (i = 0; db != NULL && cols[i] != NULL; i += 2) {
		set[0] = '\0';
		snprintf(sql, sizeof sql, "%s", cols[i + 1]);
		for (c = strtok_r(sql, ", ", &t); c != NULL; c = strtok_r(NULL, ", ", &t))
			snprintf(set + strlen(set), sizeof set - strlen(set), "%s%s = ?1",
			    set[0] ? ", " : "", c);
		snprintf(sql, sizeof sql, "UPDATE %s SET %s", cols[i], set);
		sqlite3_stmt *s = NULL;
		if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
			diag("%s: %s", sql, sqlite3_errmsg(db));
			bad++;
		} else {
			sqlite3_bind_text(s, 1, pay, -1, SQLITE_STATIC);
			if (sqlite3_step(s) != SQLITE_DONE) {
				diag("%s: %s", sql, sqlite3_errmsg(db));
				bad++;
			}
		}
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	{
		/* The edit was made with SQL: tell the page cache, as the README says. */
		char out[256];
		rc_admin(out, sizeof out, "cache-invalidate", (char *)NULL);
	}
	tap(db != NULL && bad == 0, "markup stored in every free-text column of every table");
	for (l = 0; l < 2; l++)
		for (i = 0; pub[i] != NULL; i++) {
			snprintf(path, sizeof path, "/%s%s", l ? "en" : "pt",
			    strcmp(pub[i], "/") == 0 ? "/" : pub[i]);
			rc_get(NULL, path, &r);
			if (r.status != 200 || strstr(r.body.p, "<script>alert") != NULL ||
			    strstr(r.body.p, "<svg onload") != NULL) {
				diag("%s: status %d or raw markup", path, r.status);
				bad++;
			}
			n++;
			res_free(&r);
		}
	tap(bad == 0, "%d public pages show the stored markup only escaped", n);
	for (i = 0, n = 0, bad = 0; adm[i] != NULL; i++, n++) {
		rc_get(&p_hal, adm[i], &r);
		if (r.status != 200 || strstr(r.body.p, "<script>alert") != NULL ||
		    strstr(r.body.p, "<svg onload") != NULL) {
			diag("%s: status %d or raw markup", adm[i], r.status);
			bad++;
		}
		res_free(&r);
	}
	tap(bad == 0, "%d admin pages show the stored markup only escaped", n);
}

static void
error_pages(void)
{
	struct res r;

	rc_get(&p_joao, "/admin/plans", &r);
	tap(r.status == 403, "member on /admin/plans -> 403 (got %d)", r.status);
	res_free(&r);
	rc_get(&p_hal, "/admin/nothing-here", &r);
	tap(r.status == 404, "/admin/nothing-here -> 404 (got %d)", r.status);
	res_free(&r);
	rc_get(&p_hal, "/admin/plans/999999", &r);
	tap(r.status == 404, "/admin/plans/999999 -> 404 (got %d)", r.status);
	res_free(&r);
	rc_get(NULL, "/admin/a/b/c/d", &r);
	tap(r.status == 404, "/admin/a/b/c/d (no route) -> 404 (got %d)", r.status);
	res_free(&r);
}

static void
headers(void)
{
	static const int must[] = { 200, 303, 400, 401, 403, 404, 405, 409, 429 };
	size_t           m;
	int              i, total = 0;

	for (m = 0; m < sizeof must / sizeof must[0]; m++) {
		for (i = 0; i < nhstats && hstats[i].status != must[m]; i++)
			;
		if (i == nhstats)
			tap(0, "some admin response had status %d", must[m]);
	}
	for (i = 0; i < nhstats; i++) {
		total += hstats[i].n;
		tap(hstats[i].bad == 0,
		    "every admin %d response (%d) has Cache-Control: no-store, "
		    "CSP with object-src 'none' and frame-ancestors 'none', nosniff, "
		    "Referrer-Policy, charset=utf-8%s%s",
		    hstats[i].status, hstats[i].n, hstats[i].bad ? "; first bad: " : "",
		    hstats[i].why);
	}
	diag("%d admin responses checked", total);
}

static void
audit_at_end(void)
{
	int i, ok = 1;

	for (i = 0; i < npwseen; i++)
		if (sql_int(
			"SELECT count(*) FROM audit_log WHERE instr(coalesce(actor, '') || "
			"coalesce(addr, '') || action || coalesce(object, '') || coalesce(detail, "
			"''), ?1) > 0",
			pwseen[i], 0, 0, -1) != 0)
			ok = 0;
	tap(ok, "after the whole run, no password is in audit_log (%d checked)", npwseen);
}

/* ------------------------------------------------------------------------------------
 * Co-creation: a citizen proposes during an open consultation, confirms by following
 * the emailed link (the SMTP sink of tests/e2e/run.sh keeps the mail in E2E_MAILDIR),
 * a focal-point editor moderates and answers, and the answer and the commitment it
 * became are public in both languages.  Around it: what must never be public.
 */

/* The citizens' email addresses: none may ever appear on a public page. */
static const char *const citizen_mails[] = { "maria.cidada@example.net", "markup.test@example.net",
	"unconfirmed.test@example.net", "rejected.test@example.net", "withdraw.test@example.net",
	"flood.test@example.net" };

/* The path of the confirm or withdraw link (what) in a message: "/pt/submissions/...". */
static const char *
mail_link(const char *msg, const char *what, char *out, size_t outlen)
{
	char        needle[64];
	const char *p;

	out[0] = '\0';
	snprintf(needle, sizeof needle, "/submissions/%s/", what);
	if (msg == NULL || (p = strstr(msg, needle)) == NULL || p - msg < 3)
		return out;
	snprintf(out, outlen, "%.*s", (int)(strlen(needle) + 3 + 64), p - 3);
	return out;
}

/* The url-encoded form of a submission. */
static char *
sub_body(const char *author, const char *org, const char *email, const char *title,
    const char *problem, const char *body, int consent, const char *honeypot)
{
	CURL       *h = curl_easy_init();
	struct buf  b = { 0 };
	const char *names[] = { "author", "organisation", "email", "title", "problem", "body",
		"website" };
	const char *vals[] = { author, org, email, title, problem, body, honeypot };
	char       *e, *out;
	size_t      i;

	for (i = 0; i < 7; i++) {
		if (vals[i] == NULL)
			continue;
		e = curl_easy_escape(h, vals[i], 0);
		buf_printf(&b, "%s%s=%s", b.len ? "&" : "", names[i], e);
		curl_free(e);
	}
	if (consent)
		buf_puts(&b, "&consent=1");
	curl_easy_cleanup(h);
	out = strdup(b.p ? b.p : "");
	buf_free(&b);
	return out;
}

/* POSTs a citizen's form as a browser would (same-origin); returns the status. */
static int
citizen_post(const char *path, char *body, struct res *r)
{
	char        origin[300];
	const char *h[] = { origin, "Sec-Fetch-Site: same-origin", NULL };
	int         st;

	snprintf(origin, sizeof origin, "Origin: %s", rc_base);
	rc_http(NULL, "POST", path, NULL, body, strlen(body), h, r);
	st = r->status;
	free(body);
	return st;
}

/* GETs path and says whether any citizen's email address shows in it. */
static int
leaks_mail(const char *path, char *which, size_t wlen)
{
	struct res r;
	size_t     i;
	int        found = 0;

	rc_get(NULL, path, &r);
	for (i = 0; i < sizeof citizen_mails / sizeof citizen_mails[0]; i++)
		if (strstr(r.body.p, citizen_mails[i]) != NULL) {
			snprintf(which, wlen, "%s in %s", citizen_mails[i], path);
			found = 1;
		}
	if (r.status != 200) {
		snprintf(which, wlen, "%s answered %d", path, r.status);
		found = 1;
	}
	res_free(&r);
	return found;
}

/* Lisbon wall-clock time at now + delta seconds, as a datetime-local field wants. */
static void
lisbon_field(long delta, char *out, size_t outlen)
{
	char utc[32];

	utc_format(time(NULL) + delta, utc, sizeof utc);
	utc_to_local(NULL, utc, out, outlen, NULL);
}

/* Creates a consultation through the admin form; returns its id (0 on failure). */
static long long
new_consultation(const char *title, long opens, long closes)
{
	struct form f;
	struct res  r;
	char        o[32], c[32];
	const char *l;
	long long   id = 0;

	open_form(&p_ines, "/admin/consultations/new", &f);
	lisbon_field(opens, o, sizeof o);
	lisbon_field(closes, c, sizeof c);
	form_set(&f, "title_pt", title);
	form_set(&f, "title_en", title);
	form_set(&f, "description_pt", "O que deve constar do próximo plano?");
	form_set(&f, "description_en", "What should the next plan hold?");
	form_set(&f, "opens_at", o);
	form_set(&f, "closes_at", c);
	submit_form(&p_ines, "/admin/consultations/new", &f, &r);
	form_free(&f);
	l = loc(&r);
	if (r.status == 303 && (l = strstr(l, "/admin/consultations/")) != NULL)
		id = strtoll(l + 21, NULL, 10);
	else
		diag("new consultation: %d %s", r.status, l);
	res_free(&r);
	return id;
}

static void
cocreation(void)
{
	struct res      r;
	char            path[256], link[256], link2[256], wlink[256], buf[4096], which[300];
	char           *msg, *msg2;
	long long       k_open, k_closed, s_prop, s_markup, s_unconf, s_rej, n0, t_utc;
	int             st, i, got429, leaks;
	struct form     f;
	struct timespec t0, t1;
	char            o[32], stored[32];
	const char     *pages[40], *post;
	size_t          np = 0, pi;

	if (getenv("E2E_MAILDIR") == NULL) {
		tap(0, "co-creation: E2E_MAILDIR is not set (tests/e2e/run.sh starts the sink)");
		return;
	}
	/* Staff open two consultations through the editing engine, in Lisbon time. */
	k_open = new_consultation("Consulta aberta de teste", -86400, 10 * 86400 + 3600);
	k_closed = new_consultation("Consulta fechada de teste", -10 * 86400, -86400);
	tap(k_open > 0 && k_closed > 0,
	    "a focal-point editor opens consultations %lld and %lld "
	    "through the admin form",
	    k_open, k_closed);
	lisbon_field(-86400, o, sizeof o);
	t_utc = sql_int("SELECT count(*) FROM consultation WHERE id = ?2 AND opens_at = ?1",
	    local_to_utc(NULL, o, stored, sizeof stored) == 0 ? stored : "", k_open, 0, 0);
	tap(t_utc == 1, "the opening time typed in Lisbon time (%s) is stored in UTC (%s)", o,
	    stored);
	tap(sql_int("SELECT count(*) FROM revision WHERE tbl = 'consultation' AND row_id = ?2",
		NULL, k_open, 0, 0) > 0,
	    "creating a consultation is in the revision log");
	snprintf(path, sizeof path, "/pt/consultations/%lld", k_open);
	rc_get(NULL, path, &r);
	tap(r.status == 200 && strstr(r.body.p, "fecha dentro de 10 dias") != NULL &&
		strstr(r.body.p, "/proposals\"") != NULL &&
		strstr(r.body.p, "name=\"csrf\"") == NULL,
	    "the open consultation shows its countdown and the forms, with no per-visitor token");
	res_free(&r);

	/* The citizen proposes, in Portuguese. */
	snprintf(path, sizeof path, "/pt/consultations/%lld/proposals", k_open);
	st = citizen_post(path,
	    sub_body("Maria Cidadã", "Associação Exemplo", "Maria.Cidada@example.net",
		"Orçamentos abertos por município", "Ninguém sabe como se gasta o dinheiro local.",
		"Publicar os orçamentos municipais em dados abertos, todos os meses.", 1, NULL),
	    &r);
	tap(st == 303 && strstr(loc(&r), "/pt/submissions/sent") != NULL,
	    "a proposal without an account is accepted and sends the citizen to check the email");
	res_free(&r);
	s_prop = sql_int(
	    "SELECT max(id) FROM submission WHERE email = ?1", "maria.cidada@example.net", 0, 0, 0);
	/* The worker starts `aberta-admin mail flush --id N` itself: nothing here runs mail
	 * flush before this point, and the message must reach the sink within seconds. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	msg = mail_newest("maria.cidada@example.net");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	mail_link(msg, "confirm", link, sizeof link);
	mail_link(msg, "withdraw", wlink, sizeof wlink);
	tap(msg != NULL && strncmp(link, "/pt/submissions/confirm/", 24) == 0 &&
		strncmp(wlink, "/pt/submissions/withdraw/", 25) == 0,
	    "the SMTP sink received the confirmation email with both links, %.2f s after the "
	    "answer, with no mail flush run by the test (%s)",
	    (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, link);
	for (i = 0; i < 100 &&
	     sql_int("SELECT count(*) FROM outbox WHERE rcpt = ?1", "maria.cidada@example.net", 0,
		 0, -1) != 0;
	     i++)
		usleep(100000);
	tap(i < 100, "the sent message has left the outbox");
	/* Following the link only shows a button: a mail scanner changes nothing. */
	rc_get(NULL, link, &r);
	tap(r.status == 200 && strstr(r.body.p, "method=\"post\"") != NULL &&
		sql_int("SELECT count(*) FROM submission WHERE id = ?2 AND status = 'unconfirmed'",
		    NULL, s_prop, 0, 0) == 1,
	    "opening the link shows a button and confirms nothing yet");
	res_free(&r);
	st = citizen_post(link, strdup(""), &r);
	tap(st == 200 &&
		sql_int("SELECT count(*) FROM submission WHERE id = ?2 AND status = "
			"'pending'",
		    NULL, s_prop, 0, 0) == 1,
	    "the button confirms it (now awaiting "
	    "moderation)");
	res_free(&r);
	st = citizen_post(link, strdup(""), &r);
	tap(st == 410, "the confirmation link works once: again it answers 410 (got %d)", st);
	res_free(&r);
	free(msg);

	/* A comment on a commitment with markup in every field, in English. */
	st = citizen_post("/en/commitments/PT0013/comments",
	    sub_body("<script>alert(1)</script>Mark", "<img src=x onerror=alert(2)>",
		"markup.test@example.net", NULL, NULL,
		"<a href=\"javascript:alert(4)\">click</a> and \"><svg onload=alert(3)>", 1, NULL),
	    &r);
	res_free(&r);
	msg = mail_newest("markup.test@example.net");
	st = citizen_post(mail_link(msg, "confirm", link, sizeof link), strdup(""), &r);
	res_free(&r);
	free(msg);
	s_markup = sql_int(
	    "SELECT max(id) FROM submission WHERE email = ?1", "markup.test@example.net", 0, 0, 0);
	tap(st == 200 && s_markup > 0,
	    "a comment on PT0013 with markup in every field is "
	    "confirmed");

	/* One never confirmed, one to be rejected. */
	snprintf(path, sizeof path, "/pt/consultations/%lld/comments", k_open);
	st = citizen_post(path,
	    sub_body("Ninguém", NULL, "unconfirmed.test@example.net", NULL, NULL,
		"TEXTO-NAO-CONFIRMADO que nunca deve aparecer", 1, NULL),
	    &r);
	res_free(&r);
	s_unconf = sql_int("SELECT max(id) FROM submission WHERE email = ?1",
	    "unconfirmed.test@example.net", 0, 0, 0);
	st = citizen_post(path,
	    sub_body("Outro", NULL, "rejected.test@example.net", NULL, NULL,
		"TEXTO-REJEITADO que nunca deve aparecer", 1, NULL),
	    &r);
	res_free(&r);
	msg = mail_newest("rejected.test@example.net");
	st = citizen_post(mail_link(msg, "confirm", link, sizeof link), strdup(""), &r);
	res_free(&r);
	free(msg);
	s_rej = sql_int("SELECT max(id) FROM submission WHERE email = ?1",
	    "rejected.test@example.net", 0, 0, 0);
	tap(s_unconf > 0 && s_rej > 0 && st == 200,
	    "an unconfirmed comment and a confirmed one "
	    "to reject");
	/* An expired confirmation link refuses. */
	msg = mail_newest("unconfirmed.test@example.net");
	mail_link(msg, "confirm", link2, sizeof link2);
	free(msg);
	db_run("UPDATE submission SET confirm_expires = 1 WHERE id = ?1", s_unconf, 0);
	st = citizen_post(link2, strdup(""), &r);
	tap(st == 410 &&
		sql_int("SELECT count(*) FROM submission WHERE id = ?2 AND status = "
			"'unconfirmed'",
		    NULL, s_unconf, 0, 0) == 1,
	    "an expired confirmation link is "
	    "refused (410) and confirms nothing");
	res_free(&r);

	/* What is refused, and how. */
	snprintf(path, sizeof path, "/en/consultations/%lld/proposals", k_closed);
	st = citizen_post(path,
	    sub_body("Late", NULL, "maria.cidada@example.net", "Late idea", "A problem",
		"KEEP-THIS-TEXT proposed too late", 1, NULL),
	    &r);
	tap(st == 409 && strstr(r.body.p, "This consultation has closed") != NULL &&
		strstr(r.body.p, "KEEP-THIS-TEXT proposed too late") != NULL,
	    "a closed consultation refuses with a clear message and gives the text back (%d)", st);
	res_free(&r);
	snprintf(path, sizeof path, "/pt/consultations/%lld/proposals", k_open);
	n0 = sql_int("SELECT count(*) FROM submission", NULL, 0, 0, -1);
	st = citizen_post(path,
	    sub_body("Bot", NULL, "bot@example.net", "Buy", "Buy",
		"Buy now "
		"buy now buy now",
		1, "http://spam.example"),
	    &r);
	tap(st == 303 && sql_int("SELECT count(*) FROM submission", NULL, 0, 0, -1) == n0,
	    "a filled honeypot is told it worked and nothing is stored");
	res_free(&r);
	st = citizen_post(path,
	    sub_body("Rui", NULL, "not-an-address", "Título", "Problema",
		"TEXTO-GUARDADO mesmo com erros", 0, NULL),
	    &r);
	tap(st == 400 && strstr(r.body.p, "Endereço de email inválido") != NULL &&
		strstr(r.body.p, "É preciso aceitar") != NULL &&
		strstr(r.body.p, "TEXTO-GUARDADO mesmo com erros") != NULL &&
		strstr(r.body.p, "value=\"not-an-address\"") != NULL,
	    "invalid fields get messages beside them and the form keeps what was typed");
	res_free(&r);
	st = citizen_post(path,
	    sub_body("Rui", NULL, "rui@example.net", "T", "P", "long enough text here", 1, NULL),
	    &r);
	res_free(&r);
	{
		const char *h[] = { "Origin: http://evil.example", NULL };
		const char *b = "author=x&email=a%40b.pt&body=xxxxxxxxxxxx&consent=1";

		rc_http(NULL, "POST", path, NULL, b, strlen(b), h, &r);
		tap(r.status == 403, "a POST from another origin is refused (403, got %d)",
		    r.status);
		res_free(&r);
	}

	/* Nothing is public before moderation. */
	snprintf(path, sizeof path, "/pt/consultations/%lld", k_open);
	rc_get(NULL, path, &r);
	tap(strstr(r.body.p, "Orçamentos abertos por município") == NULL,
	    "a confirmed proposal is not public before moderation");
	res_free(&r);

	/* The focal-point editor moderates the day's submissions from one page, at once. */
	rc_get(&p_ines, "/admin/submissions", &r);
	tap(r.status == 200 && strstr(r.body.p, "Orçamentos abertos por município") != NULL &&
		strstr(r.body.p, "TEXTO-NAO-CONFIRMADO") == NULL &&
		strstr(r.body.p, "maria.cidada@example.net") == NULL,
	    "the moderation page lists the confirmed "
	    "submissions, not the unconfirmed, and never an email address");
	/* the decisions' form, a POST (the search form before it has the same action) */
	post = strstr(r.body.p, "<form method=\"post\"");
	form_parse(post != NULL ? post : "", "/admin/submissions", &f);
	res_free(&r);
	snprintf(buf, sizeof buf, "a%lld", s_rej);
	form_set(&f, buf, "reject");
	submit_form(&p_ines, "/admin/submissions", &f, &r);
	tap(r.status == 409 && strstr(r.body.p, "precisa de um motivo") != NULL &&
		sql_int(
		    "SELECT count(*) FROM submission WHERE status = 'pending'", NULL, 0, 0, 0) >= 3,
	    "a rejection without a public reason is refused and nothing is applied");
	res_free(&r);
	snprintf(buf, sizeof buf, "a%lld", s_prop);
	form_set(&f, buf, "publish");
	snprintf(buf, sizeof buf, "a%lld", s_markup);
	form_set(&f, buf, "publish");
	snprintf(buf, sizeof buf, "rp%lld", s_rej);
	form_set(&f, buf, "Fora do âmbito da consulta.");
	snprintf(buf, sizeof buf, "re%lld", s_rej);
	form_set(&f, buf, "Outside the scope of the consultation.");
	submit_form(&p_ines, "/admin/submissions", &f, &r);
	form_free(&f);
	tap(r.status == 303 &&
		sql_int("SELECT count(*) FROM submission WHERE id IN (?2, ?3) AND "
			"status = 'published'",
		    NULL, s_prop, s_markup, 0) == 2 &&
		sql_int("SELECT count(*) "
			"FROM submission WHERE id = ?2 AND status = 'rejected'",
		    NULL, s_rej, 0, 0) == 1,
	    "one POST publishes two submissions and rejects one with its reason");
	res_free(&r);
	tap(sql_int("SELECT count(*) FROM revision WHERE tbl = 'submission' AND field = 'status' "
		    "AND row_id IN (?2, ?3)",
		NULL, s_prop, s_rej, 0) == 2 &&
		sql_int("SELECT count(*) "
			"FROM revision WHERE tbl = 'submission' AND row_id = ?2 AND field = "
			"'reason_en'",
		    NULL, s_rej, 0, 0) == 1,
	    "every moderation action is in the revision log");

	/* The official answer: taken up into PT0013, answered in both languages. */
	snprintf(path, sizeof path, "/admin/submissions/%lld", s_prop);
	open_form(&p_ines, path, &f);
	form_set(&f, "outcome", "merged");
	submit_form(&p_ines, path, &f, &r);
	tap(r.status == 400 && strstr(r.body.p, "Escolha o compromisso") != NULL,
	    "\"merged\" without the commitment it became is refused with a message");
	res_free(&r);
	snprintf(buf, sizeof buf, "%lld", id_c13);
	form_set(&f, "merged_commitment_id", buf);
	form_set(&f, "answer_pt", "Obrigado: a proposta foi integrada no compromisso PT0013.");
	form_set(&f, "answer_en", "Thank you: the proposal was merged into commitment PT0013.");
	submit_form(&p_ines, path, &f, &r);
	form_free(&f);
	tap(r.status == 303 &&
		sql_int("SELECT count(*) FROM revision WHERE tbl = 'submission' "
			"AND row_id = ?2 AND field = 'answer_en'",
		    NULL, s_prop, 0, 0) == 1,
	    "the status and the answer are saved through the editing engine, with revisions");
	res_free(&r);

	/* Public, in both languages. */
	snprintf(path, sizeof path, "/pt/consultations/%lld", k_open);
	rc_get(NULL, path, &r);
	tap(strstr(r.body.p, "Orçamentos abertos por município") != NULL &&
		strstr(r.body.p, "Maria Cidadã") != NULL &&
		strstr(r.body.p,
		    "a proposta foi "
		    "integrada") != NULL &&
		strstr(r.body.p, "/pt/commitments/PT0013") != NULL &&
		strstr(r.body.p, "Integrada num compromisso") != NULL,
	    "in Portuguese: the proposal, its status, the answer and the commitment it became");
	tap(strstr(r.body.p, "TEXTO-REJEITADO") == NULL &&
		strstr(r.body.p, "Fora do âmbito") != NULL &&
		strstr(r.body.p, "TEXTO-NAO-CONFIRMADO") == NULL,
	    "a rejected one shows only the fact and the reason; an unconfirmed one never shows");
	res_free(&r);
	snprintf(path, sizeof path, "/en/consultations/%lld", k_open);
	rc_get(NULL, path, &r);
	tap(strstr(r.body.p, "the proposal was merged") != NULL &&
		strstr(r.body.p, "Merged into a commitment") != NULL &&
		strstr(r.body.p, "Outside the scope") != NULL,
	    "in English: the status, the answer and the reason");
	res_free(&r);
	rc_get(NULL, "/en/commitments/PT0013", &r);
	tap(r.status == 200 && strstr(r.body.p, "Proposals this commitment came from") != NULL &&
		strstr(r.body.p, "Orçamentos abertos por município") != NULL,
	    "the commitment shows the proposal it came from");
	tap(strstr(r.body.p, "<script>alert(1)") == NULL &&
		strstr(r.body.p, "<img src=x") == NULL && strstr(r.body.p, "<svg onload") == NULL &&
		strstr(r.body.p, "href=\"javascript:") == NULL &&
		strstr(r.body.p, "&lt;script&gt;alert(1)") != NULL &&
		strstr(r.body.p, "&lt;img src=x") != NULL,
	    "markup in every field of the comment "
	    "comes out inert on the commitment page");
	res_free(&r);

	/* Withdrawal through the link in the email. */
	msg2 = mail_newest("maria.cidada@example.net");
	mail_link(msg2, "withdraw", wlink, sizeof wlink);
	free(msg2);

	/* No email address in any page, feed or export. */
	snprintf(buf, sizeof buf, "/pt/consultations/%lld", k_open);
	pages[np++] = strdup(buf);
	snprintf(buf, sizeof buf, "/en/consultations/%lld", k_open);
	pages[np++] = strdup(buf);
	pages[np++] = strdup("/pt/consultations");
	pages[np++] = strdup("/en/consultations");
	pages[np++] = strdup("/pt/commitments/PT0013");
	pages[np++] = strdup("/en/commitments/PT0013");
	pages[np++] = strdup("/pt/feed.atom");
	pages[np++] = strdup("/en/feed.atom");
	pages[np++] = strdup("/pt/commitments/PT0013/feed.atom");
	pages[np++] = strdup("/pt/commitments/PT0013.json");
	pages[np++] = strdup("/pt/commitments/PT0013.csv");
	pages[np++] = strdup("/pt/search?q=municipio");
	pages[np++] = strdup("/en/search?q=Mark");
	pages[np++] = strdup("/data/consultations.json");
	pages[np++] = strdup("/data/consultations.csv");
	pages[np++] = strdup("/data/submissions.json");
	pages[np++] = strdup("/data/submissions.csv");
	pages[np++] = strdup("/data/revisions.csv");
	pages[np++] = strdup("/pt/consultations.json");
	snprintf(buf, sizeof buf, "/en/consultations/%lld.json", k_open);
	pages[np++] = strdup(buf);
	snprintf(buf, sizeof buf, "/pt/consultations/%lld.csv", k_open);
	pages[np++] = strdup(buf);
	for (leaks = 0, pi = 0; pi < np; pi++) {
		which[0] = '\0';
		if (leaks_mail(pages[pi], which, sizeof which)) {
			diag("%s", which);
			leaks++;
		}
		free((void *)pages[pi]);
	}
	tap(leaks == 0,
	    "no citizen's email address in %zu public pages, feeds and exports "
	    "(and each answers 200)",
	    np);
	rc_get(NULL, "/pt/search?q=municipio", &r);
	tap(strstr(r.body.p, "/pt/consultations/") != NULL && strstr(r.body.p, "#s") != NULL,
	    "search finds the published proposal");
	res_free(&r);
	rc_get(NULL, "/pt/search?q=REJEITADO", &r);
	tap(strstr(r.body.p, "TEXTO-REJEITADO") == NULL &&
		strstr(r.body.p, "TEXTO-NAO-CONFIRMADO") == NULL,
	    "search never finds rejected or unconfirmed text");
	res_free(&r);

	/* The citizen withdraws: the proposal is gone from the public pages. */
	rc_get(NULL, wlink, &r);
	tap(r.status == 200 && strstr(r.body.p, "method=\"post\"") != NULL,
	    "the withdrawal link from the email shows a button");
	res_free(&r);

	/* The outbox: a relay that is down loses nothing; `mail flush` sends it later. */
	db_run("INSERT INTO outbox (rcpt, message, created_at) VALUES ('flush.test@example.net', "
	       "'To: flush.test@example.net' || char(13, 10) || 'Subject: t' || char(13, 10, 13, "
	       "10) || 'body' || char(13, 10), ?1)",
	    (long long)time(NULL), 0);
	setenv("ABERTA_SMTP_URL", "smtp://127.0.0.1:1", 1); /* nothing listens there */
	st = rc_admin(buf, sizeof buf, "mail", "flush", NULL);
	buf[strcspn(buf, "\n")] = '\0';
	tap(st == 1 &&
		sql_int("SELECT attempts FROM outbox WHERE rcpt = ?1", "flush.test@example.net", 0,
		    0, 0) == 1,
	    "with the relay down, mail flush fails and "
	    "keeps the message (%s)",
	    buf);
	setenv("ABERTA_SMTP_URL", getenv("E2E_SMTP_URL") ? getenv("E2E_SMTP_URL") : "", 1);
	st = rc_admin(buf, sizeof buf, "mail", "flush", NULL);
	buf[strcspn(buf, "\n")] = '\0';
	msg = mail_newest("flush.test@example.net");
	tap(st == 0 && msg != NULL && sql_int("SELECT count(*) FROM outbox", NULL, 0, 0, -1) == 0,
	    "once the relay is back, mail flush sends it and empties the outbox (%s)", buf);
	free(msg);

	/* Privacy commands: purge and erase. */
	db_run(
	    "UPDATE submission SET created_at = '2000-01-01T00:00:00Z' WHERE id = ?1", s_unconf, 0);
	st = rc_admin(buf, sizeof buf, "submissions", "purge", NULL);
	tap(st == 0 &&
		sql_int("SELECT count(*) FROM submission WHERE id = ?2", NULL, s_unconf, 0, -1) ==
		    0,
	    "submissions purge deletes an unconfirmed submission older than 7 days");
	st = rc_admin(buf, sizeof buf, "submissions", "erase", "Markup.Test@example.net", NULL);
	buf[strcspn(buf, "\n")] = '\0';
	tap(st == 0 &&
		sql_int("SELECT count(*) FROM submission WHERE email = ?1",
		    "markup.test@example.net", 0, 0, -1) == 0 &&
		strstr(buf, "1 submission") != NULL,
	    "submissions erase deletes one person's data (%s)", buf);
	rc_get(NULL, "/en/commitments/PT0013", &r);
	tap(strstr(r.body.p, "&lt;script&gt;alert(1)") == NULL,
	    "the erased comment is gone "
	    "from the public page");
	res_free(&r);
	st = citizen_post(wlink, strdup(""), &r);
	res_free(&r);
	snprintf(path, sizeof path, "/pt/consultations/%lld", k_open);
	rc_get(NULL, path, &r);
	tap(st == 200 && strstr(r.body.p, "Orçamentos abertos por município") == NULL &&
		sql_int("SELECT count(*) FROM submission WHERE id = ?2", NULL, s_prop, 0, -1) == 0,
	    "withdrawing deletes the proposal; it is no longer public");
	res_free(&r);

	/* A flood: the per-email limit, then the per-network limit, answer 429. */
	snprintf(path, sizeof path, "/pt/consultations/%lld/comments", k_open);
	for (got429 = 0, i = 0; i < 8 && !got429; i++) {
		st = citizen_post(path,
		    sub_body("Flood", NULL, "flood.test@example.net", NULL, NULL,
			"the same text again and again", 1, NULL),
		    &r);
		got429 = st == 429 && strstr(r.body.p, "the same text again") != NULL;
		res_free(&r);
	}
	tap(got429 && i <= 6,
	    "the same email is stopped by the rate limit after 5 in an hour, "
	    "with its text given back (%d tries)",
	    i);
	for (got429 = 0, i = 0; i < 15 && !got429; i++) {
		snprintf(buf, sizeof buf, "flood%d@example.org", i);
		st = citizen_post(path,
		    sub_body("Flood", NULL, buf, NULL, NULL, "another text from the same address",
			1, NULL),
		    &r);
		got429 = st == 429;
		res_free(&r);
	}
	i = (int)sql_int(
	    "SELECT count(*) FROM submit_attempt WHERE key = 'net:127.0.0.1/32'", NULL, 0, 0, 0);
	tap(got429 && i >= 1 && i <= 10,
	    "the same client network is stopped after 10 in an hour (%d counted)", i);
}

int
main(int argc, char *argv[])
{
	if (argc != 4) {
		fprintf(stderr, "usage: e2e_admin BASE_URL DBPATH ADMIN_BIN\n");
		return 2;
	}
	rc_base = argv[1];
	rc_db = argv[2];
	rc_adminbin = argv[3];
	rc_after = exchanged;
	if (access(rc_adminbin, X_OK) != 0) {
		fprintf(stderr, "e2e_admin: %s is not executable\n", rc_adminbin);
		return 2;
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	anonymous();
	login_and_enrol();
	second_login();
	login_failures();
	owner_spared();
	expiry();
	logout();
	disable();
	csrf();
	find_ids();
	roles();
	sessions_kill(&p_hal);
	editing();
	conflict();
	evidence();
	uploads();
	upload_withdraw();
	drafts();
	validation();
	markup();
	error_pages();
	headers();
	audit_at_end();
	cocreation();
	markup_everywhere();
	person_free(&p_hal);
	person_free(&p_ines);
	person_free(&p_joao);
	person_free(&p_kim);
	curl_global_cleanup();
	return tap_done();
}
