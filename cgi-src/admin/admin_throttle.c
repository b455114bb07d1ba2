/* The pressure on the staff's logins, for administrators (/admin/logins): the logins
 * with failed attempts now (their failures from unknown networks and the delay they
 * impose, the networks they failed from and which of those are refused, the networks
 * the login is known from) and the networks refused over all logins; a login's
 * failures lifted by hand (/admin/logins/lift), audited.  See store/throttle.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "http/req.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/throttle.h"
#include "admin/admin.h"
#include "view/page.h"
#include "lib/tztime.h"
#include "lib/valid.h"

#define LOGINS_SHOWN 100 /* logins listed, latest failure first */
#define NETS_SHOWN   50  /* networks listed, most failures first */

/* Writes the Lisbon wall-clock time of unix time t into out ("2024-05-01 14:03:09"). */
static const char *
when(long long t, char out[32])
{
	struct tm tm;

	if (tz_local(NULL, (time_t)t, &tm) != 0 || strftime(out, 32, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		snprintf(out, 32, "%lld", t);
	return out;
}

/* Sets DELAY of d: the delay a login with n failures from unknown networks, the last
 * at last, imposes at now on the next attempt from an unknown network. */
static void
delay_text(struct ctx *c, tpl_dict *d, int n, long long last)
{
	long long dl = throttle_delay(n);
	char      msg[120], t[32];

	if (dl > 0 && last + dl > (long long)c->now)
		snprintf(msg, sizeof msg, "%lld s, até %s", dl, when(last + dl, t));
	else if (dl > 0 || throttle_delay(n + 1) > 0)
		snprintf(msg, sizeof msg, "nenhuma agora; %lld s após a próxima falha",
		    throttle_delay(n + 1));
	else
		snprintf(msg, sizeof msg, "nenhuma");
	tpl_set(d, "DELAY", msg);
}

/* Adds to the login row d its networks with failures (section P) and its known
 * networks (section K).  Returns 0 or -1. */
static int
login_nets(struct ctx *c, tpl_dict *d, const char *login)
{
	sqlite3_stmt *s = throttle_view(THR_V_PAIRS, login, c->now, 0);
	tpl_dict     *p;
	char          t[32];
	int           rc, n = 0;

	while ((rc = db_row(s)) == 1) {
		p = tpl_section(d, "P");
		tpl_set(p, "NET", db_text(s, THR_P_NET));
		tpl_set_int(p, "N", db_int(s, THR_P_N));
		if (db_int64(s, THR_P_UNTIL) > (long long)c->now)
			tpl_set(tpl_section(p, "UNTIL"), "T", when(db_int64(s, THR_P_UNTIL), t));
	}
	db_reset(s);
	if (rc < 0)
		return -1;
	s = throttle_view(THR_V_KNOWN, login, c->now, 0);
	while ((rc = db_row(s)) == 1) {
		p = tpl_section(d, "K");
		tpl_set(p, "NET", db_text(s, THR_K_NET));
		tpl_set(p, "T", when(db_int64(s, THR_K_LAST), t));
		n++;
	}
	db_reset(s);
	if (n == 0)
		tpl_show(d, "NOK");
	return rc < 0 ? -1 : 0;
}

/* Fills section LOGINS of b, each login with its networks (or NOLOGINS).  Returns 0 or
 * -1. */
static int
logins(struct ctx *c, tpl_dict *b)
{
	sqlite3_stmt *s = throttle_view(THR_V_LOGINS, NULL, c->now, LOGINS_SHOWN);
	tpl_dict     *d, *t = NULL;
	int           rc;

	while ((rc = db_row(s)) == 1) {
		if (t == NULL)
			t = tpl_section(b, "LOGINS");
		d = tpl_section(t, "L");
		tpl_set(d, "LOGIN", db_text(s, THR_L_LOGIN));
		tpl_set_int(d, "UNKNOWN", db_int(s, THR_L_UNKNOWN));
		tpl_set_int(d, "RECENT", db_int(s, THR_L_RECENT));
		delay_text(c, d, db_int(s, THR_L_UNKNOWN), db_int64(s, THR_L_LAST));
		if (login_nets(c, d, db_text(s, THR_L_LOGIN)) != 0) {
			rc = -1;
			break;
		}
	}
	db_reset(s);
	if (rc < 0)
		return -1;
	if (t == NULL)
		tpl_show(b, "NOLOGINS");
	return 0;
}

/* Fills section NETS of b (or NONETS).  Returns 0 or -1. */
static int
nets(struct ctx *c, tpl_dict *b)
{
	sqlite3_stmt *s = throttle_view(THR_V_NETS, NULL, c->now, NETS_SHOWN);
	tpl_dict     *d, *t = NULL;
	char          w[32];
	int           rc, wide;

	while ((rc = db_row(s)) == 1) {
		if (t == NULL)
			t = tpl_section(b, "NETS");
		d = tpl_section(t, "N");
		wide = strcmp(db_text(s, THR_N_TIER), "wide") == 0;
		tpl_set(d, "NET", db_text(s, THR_N_NET));
		tpl_set(d, "TIER", wide ? "larga" : "estreita");
		tpl_set_int(d, "N", db_int(s, THR_N_N));
		tpl_set_int(d, "MAX", wide ? THR_PER_WIDE : THR_PER_NET);
		if (db_int64(s, THR_N_UNTIL) > (long long)c->now)
			tpl_set(tpl_section(d, "UNTIL"), "T", when(db_int64(s, THR_N_UNTIL), w));
		else
			tpl_show(d, "OPEN");
	}
	db_reset(s);
	if (t == NULL)
		tpl_show(b, "NONETS");
	return rc < 0 ? -1 : 0;
}

/* The page, with a status message (NULL: none) or an error (NULL: none). */
static int
logins_page(struct ctx *c, int status, const char *flash, const char *error)
{
	tpl_dict *b = page_admin_body(c, "admin_logins.tpl", "Tentativas de entrada");

	tpl_set(b, "CSRF", c->me->csrf);
	tpl_set_int(b, "PER_PAIR", THR_PER_PAIR);
	tpl_set_int(b, "WINDOW_MIN", THR_WINDOW / 60);
	tpl_set_int(b, "DELAY_FREE", THR_DELAY_FREE);
	tpl_set_int(b, "DELAY_H", THR_DELAY_WINDOW / 3600);
	tpl_set_int(b, "DELAY_MAX_MIN", THR_DELAY_MAX / 60);
	tpl_set_int(b, "KNOWN_DAYS", THR_KNOWN_DAYS);
	tpl_set_int(b, "PER_NET", THR_PER_NET);
	tpl_set_int(b, "PER_WIDE", THR_PER_WIDE);
	if (flash != NULL)
		page_flash(c, flash);
	if (error != NULL)
		tpl_set(tpl_section(b, "ERROR"), "TEXT", error);
	if (logins(c, b) != 0 || nets(c, b) != 0)
		return db_failed_set(), 503;
	return status;
}

int
page_admin_logins(struct ctx *c)
{
	return logins_page(c, 200, NULL, NULL);
}

int
page_admin_logins_lift(struct ctx *c)
{
	const char *login = req_form(c->req, "login");
	char        msg[THR_LOGIN_MAX + 80], detail[64];
	int         n;

	if (login == NULL || *login == '\0' || strlen(login) >= THR_LOGIN_MAX ||
	    !valid_utf8(login, strlen(login)) || req_form_count(c->req, "login") != 1)
		return logins_page(c, 400, NULL, "Indique um utilizador da lista.");
	if ((n = throttle_lift(login)) < 0)
		return db_failed_set(), 503;
	snprintf(detail, sizeof detail, "%d falhas esquecidas", n);
	auth_audit(
	    c->rw, c->me->id, c->me->login, c->req->remote_addr, "login_lift", login, detail);
	snprintf(msg, sizeof msg, "Falhas levantadas para %s: %d.", login, n);
	return logins_page(c, 200, msg, NULL);
}
