/* The admin area's doors: login, the second factor (and its enrolment), logout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/answer.h"
#include "http/req.h"
#include "http/resp.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/throttle.h"
#include "admin/admin.h"
#include "view/page.h"
#include "lib/totp.h"
#include "lib/valid.h"

#define LOGIN_MAX 254

/* The pre-session cookie that carries the login form's anti-CSRF token. */
static const char *
pre_cookie(const struct ctx *c)
{
	return c->https ? "__Host-aberta_pre" : "aberta_pre";
}

/* Renders the login form with an optional error message and the typed login. */
static int
login_form(struct ctx *c, int status, const char *error, const char *login)
{
	char      tok[AUTH_TOKEN_HEX + 1], cookie[160];
	tpl_dict *b = page_admin_body(c, "admin_login.tpl", "Entrar");

	auth_token(tok);
	snprintf(cookie, sizeof cookie, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s", pre_cookie(c),
	    tok, c->https ? "; Secure" : "");
	resp_header(c->resp, "Set-Cookie", cookie);
	tpl_set(b, "CSRF", tok);
	tpl_set(b, "LOGIN", login);
	if (error != NULL)
		tpl_set(tpl_section(b, "ERROR"), "TEXT", error);
	return status;
}

/* Copies a typed login for the audit log: at most 64 bytes of valid text. */
static void
loggable(const char *in, char *out, size_t outlen)
{
	size_t n = in ? strlen(in) : 0;

	if (n > 64)
		n = 64;
	while (n > 0 && !valid_utf8(in, n))
		n--;
	snprintf(out, outlen, "%.*s", (int)n, in ? in : "");
}

/* The login form refusing an attempt the throttle did not hear: 429 with Retry-After
 * and how long to wait. */
static int
login_refused(struct ctx *c, const struct throttle *t, const char *who)
{
	char      msg[160], after[32];
	long long w = t->wait;

	snprintf(after, sizeof after, "%lld", w);
	resp_header(c->resp, "Retry-After", after);
	if (w < 120)
		snprintf(msg, sizeof msg,
		    "Demasiadas tentativas falhadas. Tente de novo dentro de %lld segundo%s.", w,
		    w == 1 ? "" : "s");
	else
		snprintf(msg, sizeof msg,
		    "Demasiadas tentativas falhadas. Tente de novo dentro de %lld minutos.",
		    (w + 59) / 60);
	return login_form(c, 429, msg, who);
}

/* Writes to the audit log what the failure t set off: one line when a pair or a
 * network starts being refused, or a login's delay begins (never one per refusal). */
static void
audit_pressure(struct ctx *c, const struct throttle *t, const char *who)
{
	char d[200];

	if (t->began & THR_BEGAN_PAIR) {
		snprintf(d, sizeof d,
		    "%d falhas em %d min da rede %s: recusada para este utilizador", THR_PER_PAIR,
		    THR_WINDOW / 60, t->narrow);
		auth_audit(c->rw, 0, who, c->req->remote_addr, "login_refused_pair", NULL, d);
	}
	if (t->began & THR_BEGAN_DELAY) {
		snprintf(d, sizeof d,
		    "%d falhas em %d h de redes desconhecidas: espera de %lld s, a dobrar",
		    THR_DELAY_FREE, THR_DELAY_WINDOW / 3600, t->delay);
		auth_audit(c->rw, 0, who, c->req->remote_addr, "login_delay", NULL, d);
	}
	if (t->began & (THR_BEGAN_NET | THR_BEGAN_WIDE)) {
		snprintf(d, sizeof d,
		    "%d falhas em %d min da rede %s, todos os utilizadores: recusada",
		    t->began & THR_BEGAN_WIDE ? THR_PER_WIDE : THR_PER_NET, THR_WINDOW / 60,
		    t->began & THR_BEGAN_WIDE ? t->wide : t->narrow);
		auth_audit(c->rw, 0, who, c->req->remote_addr, "login_refused_net", NULL, d);
	}
}

int
page_admin_login(struct ctx *c)
{
	const char     *login = req_form(c->req, "login"), *pw = req_form(c->req, "password");
	char            token[AUTH_TOKEN_HEX + 1], who[80];
	struct staff    st;
	struct throttle t;
	int             rc;

	if (c->req->method != METHOD_POST) {
		if (c->me != NULL && c->me->full)
			return page_redirect(c, "/admin/");
		return login_form(c, 200, NULL, "");
	}
	loggable(login, who, sizeof who);
	if (login == NULL || pw == NULL || strlen(login) > LOGIN_MAX || strlen(pw) > AUTH_PW_MAX ||
	    req_form_count(c->req, "login") != 1)
		return login_form(c, 400, "Preencha o utilizador e a palavra-passe.", "");
	rc = auth_login(c->rw, login, pw, c->req->remote_addr, c->now, &st, &t);
	if (rc < 0)
		return db_failed_set(), 503;
	if (rc == 2)
		return login_refused(c, &t, who);
	if (rc == 1) {
		auth_audit(c->rw, 0, who, c->req->remote_addr, "login_fail", NULL, NULL);
		audit_pressure(c, &t, who);
		return login_form(c, 401, "Utilizador ou palavra-passe errados.", who);
	}
	if (c->me != NULL)
		auth_session_end(c->rw, c->me->session_id);
	if (auth_session_new(c->rw, &st, 0, c->now, token) != 0)
		return db_failed_set(), 503;
	page_set_session_cookie(c, token);
	auth_audit(c->rw, st.id, st.login, c->req->remote_addr, "login_password_ok", NULL, NULL);
	return page_redirect(c, st.has_totp ? "/admin/2fa" : "/admin/2fa/enrol");
}

int
page_admin_logout(struct ctx *c)
{
	auth_session_end(c->rw, c->me->session_id);
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "logout", NULL, NULL);
	page_set_session_cookie(c, NULL);
	return page_redirect(c, "/admin/login");
}

/* Passes the second factor: new session token, and on to the dashboard. */
static int
second_factor_ok(struct ctx *c, const char *how)
{
	char token[AUTH_TOKEN_HEX + 1];

	if (auth_session_upgrade(c->rw, c->me, c->now, token) != 0)
		return db_failed_set(), 503;
	page_set_session_cookie(c, token);
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "login_ok", NULL, how);
	return 0;
}

/* The 2FA form with an error. */
static int
twofa_form(struct ctx *c, int status, const char *error)
{
	tpl_dict *b = page_admin_body(c, "admin_2fa.tpl", "Segundo fator");

	tpl_set(b, "CSRF", c->me->csrf);
	if (error != NULL)
		tpl_set(tpl_section(b, "ERROR"), "TEXT", error);
	return status;
}

int
page_admin_2fa(struct ctx *c)
{
	const char *code = req_form(c->req, "code");
	char        secret[64], key[300];
	long long   last, step;
	int         n;

	if (c->me->full)
		return page_redirect(c, "/admin/");
	if (!c->me->has_totp)
		return page_redirect(c, "/admin/2fa/enrol");
	if (c->req->method != METHOD_POST)
		return twofa_form(c, 200, NULL);
	snprintf(key, sizeof key, "2fa:%s", c->me->login);
	if ((n = throttle_count(key, c->now)) < 0)
		return db_failed_set(), 503;
	if (n >= AUTH_FAIL_2FA) {
		auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "lockout", NULL,
		    "too many second-factor failures");
		return twofa_form(c, 429, "Demasiadas tentativas falhadas. Aguarde 15 minutos.");
	}
	if (code != NULL && strlen(code) <= 32 &&
	    auth_totp_get(c->rw, c->me->id, 0, secret, sizeof secret, &last) == 0 &&
	    totp_check(secret, code, c->now, last, &step) == 1) {
		if (auth_totp_step(c->rw, c->me->id, step) != 0)
			return 503;
		return second_factor_ok(c, "totp") ? 503 : page_redirect(c, "/admin/");
	}
	if (code != NULL && strlen(code) <= 32 && recovery_code_use(c->rw, c->me->id, code) == 1)
		return second_factor_ok(c, "recovery code") ? 503 : page_redirect(c, "/admin/");
	throttle_add(key, c->now);
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "2fa_fail", NULL, NULL);
	return twofa_form(c, 401, "Código errado ou já usado.");
}

/* The enrolment form: the pending secret as text and as a QR code. */
static int
enrol_form(struct ctx *c, int status, const char *secret, const char *error)
{
	tpl_dict      *b = page_admin_body(c, "admin_enrol.tpl", "Ativar o segundo fator");
	tpl_dict      *f = tpl_section(b, "FORM"), *m;
	struct totp_qr qr;
	char           uri[512];
	int            x, y;

	tpl_set(f, "CSRF", c->me->csrf);
	tpl_set(f, "SECRET", secret);
	if (error != NULL)
		tpl_set(tpl_section(f, "ERROR"), "TEXT", error);
	totp_uri(secret, c->me->login, uri, sizeof uri);
	if (totp_qr(uri, &qr) != 0)
		return 500;
	tpl_set_int(f, "SIZE", qr.width + 8);
	for (y = 0; y < qr.width; y++)
		for (x = 0; x < qr.width; x++)
			if (qr.dark[y * qr.width + x]) {
				m = tpl_section(f, "M");
				tpl_set_int(m, "X", x + 4);
				tpl_set_int(m, "Y", y + 4);
			}
	totp_qr_free(&qr);
	return status;
}

/* Confirms enrolment: stores the secret, makes recovery codes, shows them once. */
static int
enrol_done(struct ctx *c, const char *secret, long long step)
{
	char      codes[10][20];
	tpl_dict *b, *d;
	int       i;

	if (auth_totp_enrol(c->rw, c->me->id, secret, step) != 0 ||
	    recovery_codes_new(c->rw, c->me->id, codes) != 0)
		return db_failed_set(), 503;
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "2fa_enrolled", NULL, NULL);
	if (second_factor_ok(c, "totp enrolment") != 0)
		return 503;
	b = page_admin_body(c, "admin_enrol.tpl", "Segundo fator ativado");
	d = tpl_section(b, "DONE");
	for (i = 0; i < 10; i++)
		tpl_set(tpl_section(d, "CODE"), "C", codes[i]);
	return 200;
}

int
page_admin_2fa_enrol(struct ctx *c)
{
	const char *code = req_form(c->req, "code");
	char        secret[64];
	long long   last, step;
	int         have;

	if (c->me->has_totp)
		return page_redirect(c, c->me->full ? "/admin/" : "/admin/2fa");
	if ((have = auth_totp_get(c->rw, c->me->id, 1, secret, sizeof secret, &last)) < 0)
		return db_failed_set(), 503;
	if (have != 0) {
		if (totp_secret_new(secret, sizeof secret) != 0 ||
		    auth_totp_pending(c->rw, c->me->id, secret) != 0)
			return db_failed_set(), 503;
	}
	if (c->req->method != METHOD_POST)
		return enrol_form(c, 200, secret, NULL);
	if (code != NULL && strlen(code) <= 12 && totp_check(secret, code, c->now, 0, &step) == 1)
		return enrol_done(c, secret, step);
	auth_audit(
	    c->rw, c->me->id, c->me->login, c->req->remote_addr, "2fa_enrol_fail", NULL, NULL);
	return enrol_form(c, 401, secret,
	    "O código não corresponde. Verifique a hora do "
	    "telemóvel e tente de novo.");
}
