/* The email alerts, for focal points and administrators (/admin/subscriptions): how many
 * addresses follow the whole site and each plan, commitment and body, at which
 * frequency, confirmed or waiting for confirmation; the addresses disabled after refused
 * mail; the alerts queued in the last day and week and the messages waiting to go.
 * Counts only: no address is shown, except to an administrator who looks one up
 * (/admin/subscriptions/lookup, a POST so that the address stays out of the logs and
 * the history) to answer a data request; each lookup is audited, without the address.
 * Member editors do not see the page (http/routes.c): who follows their body's
 * commitments is not part of their editing.  See store/followstats.h. */
#include <string.h>

#include "http/req.h"
#include "lib/consult.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/followstats.h"
#include "admin/admin.h"
#include "view/i18n.h"
#include "view/page.h"

#define THINGS_SHOWN 100 /* followed things listed, most confirmed first */

/* Sets key of d to n with its thousands spaced (page_admin_count). */
static void
count(tpl_dict *d, const char *key, long long n)
{
	char t[32];

	tpl_set(d, key, page_admin_count(n, t));
}

/* Fills the summary of b (section TOTALS) at the request's time; *active and *waiting
 * get the confirmed and the waiting subscriptions.  Returns 0 or -1. */
static int
totals(struct ctx *c, tpl_dict *b, long long *active, long long *waiting)
{
	sqlite3_stmt *s = followstats_stmt(FS_TOTALS);
	tpl_dict     *t = tpl_section(b, "TOTALS");

	db_bind_int64(s, 1, (long long)c->now);
	if (db_row(s) != 1)
		return db_reset(s), -1;
	count(t, "ADDRS", db_int64(s, FST_ADDRS));
	count(t, "DISABLED", db_int64(s, FST_DISABLED));
	count(t, "FAILING", db_int64(s, FST_FAILING));
	count(t, "ACTIVE", *active = db_int64(s, FST_ACTIVE));
	count(t, "WAITING", *waiting = db_int64(s, FST_WAITING));
	count(t, "DAY", db_int64(s, FST_DAY));
	count(t, "DAY_ITEMS", db_int64(s, FST_DAY_ITEMS));
	count(t, "WEEK", db_int64(s, FST_WEEK));
	count(t, "WEEK_ITEMS", db_int64(s, FST_WEEK_ITEMS));
	count(t, "OUTBOX", db_int64(s, FST_OUTBOX));
	count(t, "RETRY", db_int64(s, FST_OUTBOX_RETRY));
	if (!db_null(s, FST_OUTBOX_OLDEST))
		tpl_set(tpl_section(t, "OLDEST"), "AT", db_text(s, FST_OUTBOX_OLDEST));
	db_reset(s);
	return 0;
}

/* Fills the rows of the table by frequency (section FREQ of b).  Returns 0 or -1. */
static int
by_frequency(tpl_dict *b)
{
	sqlite3_stmt *s = followstats_stmt(FS_FREQ);
	tpl_dict     *d;
	int           rc;

	while ((rc = db_row(s)) == 1) {
		d = tpl_section(b, "FREQ");
		tpl_set(d, "LABEL", i18n_enum("follow_frequency", db_text(s, FSQ_FREQ), 0));
		count(d, "ACTIVE", db_int64(s, FSQ_ACTIVE));
		count(d, "WAITING", db_int64(s, FSQ_WAITING));
		count(d, "DISABLED", db_int64(s, FSQ_DISABLED));
	}
	db_reset(s);
	return rc < 0 ? -1 : 0;
}

/* Sets the name of a followed thing in d, a link to its public page path, or section
 * GONE when name is NULL (the record no longer exists). */
static void
thing_name(tpl_dict *d, const char *name, const char *path)
{
	tpl_dict *l;

	if (name == NULL) {
		tpl_show(d, "GONE");
		return;
	}
	l = tpl_section(d, "LINK");
	tpl_set(l, "NAME", name);
	tpl_set(l, "HREF", path);
}

/* Fills one followed thing's row d from s; adds its confirmed and waiting
 * subscriptions to *a and *w. */
static void
thing(tpl_dict *d, sqlite3_stmt *s, long long *a, long long *w)
{
	thing_name(d, db_text(s, FSG_NAME), db_text(s, FSG_PATH));
	tpl_set(d, "KIND", i18n_enum("follow_kind", db_text(s, FSG_KIND), 0));
	count(d, "ACTIVE", db_int64(s, FSG_ACTIVE));
	count(d, "WAITING", db_int64(s, FSG_WAITING));
	count(d, "IMMEDIATE", db_int64(s, FSG_IMMEDIATE));
	count(d, "DAILY", db_int64(s, FSG_DAILY));
	count(d, "WEEKLY", db_int64(s, FSG_WEEKLY));
	count(d, "DISABLED", db_int64(s, FSG_DISABLED));
	*a += db_int64(s, FSG_ACTIVE);
	*w += db_int64(s, FSG_WAITING);
}

/* Fills the table of the followed things (section THINGS of b, or NOTHINGS), the first
 * THINGS_SHOWN of them, and what the rest add up to (section MORE) from the totals
 * active and waiting.  Returns 0 or -1. */
static int
things(tpl_dict *b, long long active, long long waiting)
{
	sqlite3_stmt *s = followstats_stmt(FS_THINGS);
	tpl_dict     *t = NULL, *m;
	long long     all = 0, a = 0, w = 0;
	int           rc, n = 0;

	db_bind_int(s, 1, THINGS_SHOWN);
	while ((rc = db_row(s)) == 1) {
		if (t == NULL)
			t = tpl_section(b, "THINGS");
		thing(tpl_section(t, "T"), s, &a, &w);
		all = db_int64(s, FSG_ALL);
		n++;
	}
	db_reset(s);
	if (rc < 0)
		return -1;
	if (t == NULL)
		tpl_show(b, "NOTHINGS");
	else {
		count(t, "SHOWN", n);
		count(t, "ALL", all);
	}
	if (all > n) {
		m = tpl_section(b, "MORE");
		count(m, "N", all - n);
		count(m, "ACTIVE", active - a);
		count(m, "WAITING", waiting - w);
	}
	return 0;
}

/* Sets section key of d, with AT the time at (ISO 8601), or section none when at is
 * NULL. */
static void
moment(tpl_dict *d, const char *key, const char *none, const char *at)
{
	if (at == NULL)
		tpl_show(d, none);
	else
		tpl_set(tpl_section(d, key), "AT", at);
}

/* Fills f, the lookup's result, with follower id's subscriptions (section SUBS, or
 * NOSUBS).  Returns how many, or -1. */
static int
subscriptions(tpl_dict *f, long long id)
{
	sqlite3_stmt *s = followstats_stmt(FS_SUBS);
	tpl_dict     *t = NULL, *d;
	int           rc, n = 0;

	db_bind_int64(s, 1, id);
	while ((rc = db_row(s)) == 1) {
		if (t == NULL)
			t = tpl_section(f, "SUBS");
		d = tpl_section(t, "SUB");
		tpl_set(d, "KIND", i18n_enum("follow_kind", db_text(s, FSS_KIND), 0));
		thing_name(d, db_text(s, FSS_NAME), db_text(s, FSS_PATH));
		tpl_set(d, "LANG", db_text(s, FSS_LANG));
		tpl_set(d, "FREQ", i18n_enum("follow_frequency", db_text(s, FSS_FREQ), 0));
		tpl_set(d, "STATUS", i18n_enum("follow_status", db_text(s, FSS_STATUS), 0));
		tpl_set(d, "CREATED", db_text(s, FSS_CREATED));
		moment(d, "CONFIRMED", "NOT_CONFIRMED", db_text(s, FSS_CONFIRMED));
		moment(d, "SENT", "NOT_SENT", db_text(s, FSS_SENT));
		n++;
	}
	db_reset(s);
	if (n == 0)
		tpl_show(f, "NOSUBS");
	return rc < 0 ? -1 : n;
}

/* Fills f, the lookup's result, with the follower at s; returns its id. */
static long long
follower(tpl_dict *f, sqlite3_stmt *s)
{
	tpl_set(f, "CREATED", db_text(s, FSF_CREATED));
	count(f, "FAILURES", db_int64(s, FSF_FAILURES));
	count(f, "OUTBOX", db_int64(s, FSF_OUTBOX));
	moment(f, "DISABLED", "ENABLED", db_text(s, FSF_DISABLED));
	if (!db_null(s, FSF_WHY))
		tpl_set(tpl_section(f, "WHY"), "TEXT", db_text(s, FSF_WHY));
	return db_int64(s, FSF_ID);
}

/* Looks address email up for an administrator: fills section RESULT of b with the
 * follower and its subscriptions, and writes the audit line (without the address); a
 * failed audit fails the page, so nothing is shown unaudited.  Returns 0 or -1. */
static int
lookup(struct ctx *c, tpl_dict *b, const char *email)
{
	sqlite3_stmt *s = followstats_stmt(FS_FOLLOWER);
	tpl_dict     *r = tpl_section(b, "RESULT"), *f = NULL;
	long long     id = 0;
	int           rc;

	tpl_set(r, "EMAIL", email);
	db_bind_text(s, 1, email);
	if ((rc = db_row(s)) == 1)
		id = follower(f = tpl_section(r, "FOUND"), s);
	db_reset(s); /* the read ends before the audit line is written */
	if (rc < 0 ||
	    auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "follower_lookup",
		"follower", rc == 1 ? "endereço encontrado" : "endereço não encontrado") != 0)
		return -1;
	if (rc == 0) {
		tpl_show(r, "NOTFOUND");
		return 0;
	}
	return subscriptions(f, id) < 0 ? -1 : 0;
}

/* The page with status status: the counts, and for an administrator the lookup form
 * with the result for email (NULL: none) or an error (NULL: none). */
static int
subs_page(struct ctx *c, int status, const char *email, const char *error)
{
	tpl_dict *b = page_admin_body(c, "admin_subscriptions.tpl", "Alertas por correio"), *l;
	long long active = 0, waiting = 0;

	if (totals(c, b, &active, &waiting) != 0 || by_frequency(b) != 0 ||
	    things(b, active, waiting) != 0)
		return db_failed_set(), 503;
	if (c->me->role != ROLE_ADMIN)
		return status;
	l = tpl_section(b, "LOOKUP");
	tpl_set(l, "CSRF", c->me->csrf);
	if (error != NULL)
		tpl_set(tpl_section(l, "ERROR"), "TEXT", error);
	if (email != NULL && lookup(c, l, email) != 0)
		return db_failed_set(), 503;
	return status;
}

int
page_admin_subscriptions(struct ctx *c)
{
	return subs_page(c, 200, NULL, NULL);
}

int
page_admin_subscriptions_lookup(struct ctx *c)
{
	const char *given = req_form(c->req, "email");
	char        email[256];

	if (given == NULL || req_form_count(c->req, "email") != 1 || !valid_email(given))
		return subs_page(
		    c, 400, NULL, "Escreva um endereço de correio completo, como nome@exemplo.pt.");
	email_fold(given, email, sizeof email);
	return subs_page(c, 200, email, NULL);
}
