/* Following by email, without an account (store/follow.h says what is kept and which
 * addresses the messages carry): the form, a partial of the pages of what can be
 * followed, which are cached, so it carries nothing per visitor; its POST, with the
 * protections of the citizens' forms (the dispatcher's origin checks, a honeypot, the
 * rate limits per network and per email with a proof of work under pressure,
 * pages/limits.h); the confirmation page, the management page, the one-click
 * unsubscribe; and the site's privacy page, which says what is kept and how to leave. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "http/answer.h"
#include "http/req.h"
#include "http/resp.h"
#include "lib/consult.h"
#include "lib/domains.h"
#include "lib/log.h"
#include "lib/token.h"
#include "lib/urlcode.h"
#include "lib/valid.h"
#include "pages/form.h"
#include "pages/limits.h"
#include "pages/pages.h"
#include "store/changes.h"
#include "store/db.h"
#include "store/follow.h"
#include "store/mail.h"
#include "store/stmt.h"
#include "view/alert.h"
#include "view/i18n.h"
#include "view/page.h"

#define NAME_MAX_BYTES 640 /* a thing's name: an OGP id and a title of up to 500 bytes */
#define PATH_MAX_BYTES 160 /* a page's path, or a token link without the site's base */

/* The form: the thing (kind and its public key), what was typed, and the messages. */
struct fform {
	const char              *kind, *key;
	const char              *email, *lang, *frequency;
	int                      consent;
	const struct limits_ask *ask;    /* the proof of work asked, or NULL */
	const char              *err[4]; /* email, language, frequency, consent */
	int                      nerr;
};
static const char *const fkeys[] = { "EMAIL", "LANG", "FREQUENCY", "CONSENT" };
static const char *const fids[] = { "follow-email", "follow-lang-pt", "follow-freq-immediate",
	"follow-consent" };

/* The name of a language (a code of DOM_SUB_LANG) in that language. */
static const char *
lang_name(const char *code)
{
	return i18n("L_OTHER_LANG_NAME", strcmp(code, "pt") == 0);
}

/* Adds one repetition of section to d per code of domain dom: CODE, LABEL (the code's
 * label, or for languages their own names), CHECKED when it is chosen. */
static void
choices(struct ctx *c, tpl_dict *d, const char *section, enum dom dom, const char *chosen)
{
	const struct domain *dm = domain(dom);
	tpl_dict            *it;
	size_t               i;

	for (i = 0; i < dm->n; i++) {
		it = tpl_section(d, section);
		tpl_set(it, "CODE", dm->codes[i].code);
		tpl_set(it, "LABEL",
		    dom == DOM_SUB_LANG ? lang_name(dm->codes[i].code)
					: i18n_enum(dm->name, dm->codes[i].code, c->en));
		if (chosen != NULL && strcmp(chosen, dm->codes[i].code) == 0)
			tpl_show(it, "CHECKED");
	}
}

/* Fills the form's dictionary d (follow_form.tpl) from f. */
static void
form_fill(struct ctx *c, tpl_dict *d, const struct fform *f)
{
	static const char *const legends[] = { "L_FOLLOW_SITE", "L_FOLLOW_PLAN",
		"L_FOLLOW_COMMITMENT", "L_FOLLOW_ENTITY" }; /* in the order of DOM_FOLLOW_KIND */
	const struct domain     *kinds = domain(DOM_FOLLOW_KIND);
	const struct dcode      *k = domain_code(kinds, f->kind);
	tpl_dict                *sum = NULL, *e;
	char                     key[32];
	size_t                   i;

	tpl_set(d, "LEGEND", i18n(legends[k != NULL ? k - kinds->codes : 0], c->en));
	tpl_set(d, "KIND", k != NULL ? k->code : "site");
	tpl_set(d, "TARGET", f->key != NULL ? f->key : "");
	tpl_set(d, "V_EMAIL", f->email != NULL ? f->email : "");
	choices(c, d, "LANG_OPT", DOM_SUB_LANG, f->lang);
	choices(c, d, "FREQ_OPT", DOM_FOLLOW_FREQUENCY, f->frequency);
	if (f->consent)
		tpl_show(d, "CONSENT_CHECKED");
	if (f->ask != NULL)
		tpl_set(tpl_section(d, "POW"), "CHALLENGE", f->ask->challenge);
	for (i = 0; i < 4; i++) {
		if (f->err[i] == NULL)
			continue;
		snprintf(key, sizeof key, "E_%s", fkeys[i]);
		tpl_set(tpl_section(d, key), "TEXT", i18n(f->err[i], c->en));
		snprintf(key, sizeof key, "INV_%s", fkeys[i]);
		tpl_show(d, key);
		if (sum == NULL)
			sum = tpl_section(d, "ERRORS");
		e = tpl_section(sum, "ERR");
		tpl_set(e, "FIELD", fids[i]);
		tpl_set(e, "TEXT", i18n(f->err[i], c->en));
	}
}

void
page_follow_form(struct ctx *c, tpl_dict *b, const char *kind, const char *key)
{
	struct fform f = { .kind = kind, .key = key, .lang = c->lang, .frequency = "immediate" };

	form_fill(c, tpl_include(b, "FOLLOW", "follow_form.tpl"), &f);
}

/* Reads and checks the posted form into f.  Returns the number of invalid fields. */
static int
form_read(struct ctx *c, struct fform *f)
{
	memset(f, 0, sizeof *f);
	f->kind = form_field(c, "kind");
	f->key = form_field(c, "target");
	f->email = form_field(c, "email");
	f->lang = form_field(c, "lang");
	f->frequency = form_field(c, "frequency");
	f->consent =
	    req_form(c->req, "consent") != NULL && strcmp(req_form(c->req, "consent"), "1") == 0;
	f->err[0] = f->email == NULL ? "ERR_F_REQUIRED"
	    : !valid_email(f->email) ? "ERR_F_EMAIL"
				     : NULL;
	f->err[1] = f->lang == NULL                              ? "ERR_F_REQUIRED"
	    : domain_code(domain(DOM_SUB_LANG), f->lang) == NULL ? "ERR_F_CHOICE"
								 : NULL;
	f->err[2] = f->frequency == NULL                                      ? "ERR_F_REQUIRED"
	    : domain_code(domain(DOM_FOLLOW_FREQUENCY), f->frequency) == NULL ? "ERR_F_CHOICE"
									      : NULL;
	f->err[3] = f->consent ? NULL : "ERR_F_CONSENT";
	for (int i = 0; i < 4; i++)
		if (f->err[i] != NULL)
			f->nerr++;
	return f->nerr;
}

/* Writes the path of the page of the thing kind ("plan"...) with public key key (NULL:
 * gone) in language lang into out (follow_thing_path). */
static void
thing_path(const char *lang, const char *kind, const char *key, char *out, size_t len)
{
	enum follow_kind k = FOLLOW_SITE;

	follow_kind_parse(kind, &k);
	follow_thing_path(k, key, lang, out, len);
}

/* Writes the name of the thing of row s (FOL_ columns) in English (en) or Portuguese into
 * out (follow_thing_name), its title in the other language when the row has none in
 * this one. */
static void
thing_name(sqlite3_stmt *s, int en, char *out, size_t len)
{
	const char      *t = db_text(s, en ? FOL_NAME_EN : FOL_NAME_PT);
	enum follow_kind k = FOLLOW_SITE;

	if (t == NULL || *t == '\0')
		t = db_text(s, en ? FOL_NAME_PT : FOL_NAME_EN);
	follow_kind_parse(db_text(s, FOL_KIND), &k);
	follow_thing_name(k, db_text(s, FOL_KEY), t, db_text(s, FOL_ACRONYM), en, out, len);
}

/* The email about subscription row s (FOL_ columns), in the subscription's language:
 * the confirmation with the link of token tok, or (tok NULL) the notice that the address
 * already follows the thing, with the management link.  The text and an HTML part
 * (follow_mail.tpl) say the same. */
static int
compose(struct buf *out, const char *email, sqlite3_stmt *s, const char *tok, time_t now)
{
	const char *lang = db_text(s, FOL_LANG), *base = url_site_base();
	int         en = strcmp(lang, "en") == 0, rc;
	char        name[NAME_MAX_BYTES], path[PATH_MAX_BYTES], thing[512], act[512], how[256];
	struct buf  text = { 0 }, html = { 0 };
	tpl_dict   *d = tpl_dict_new();

	if (d == NULL)
		return -1;
	thing_name(s, en, name, sizeof name);
	thing_path(lang, db_text(s, FOL_KIND), db_text(s, FOL_KEY), path, sizeof path);
	snprintf(thing, sizeof thing, "%s%s", base, path);
	snprintf(act, sizeof act, "%s/%s/follow/%s/%s", base, lang, tok ? "confirm" : "manage",
	    tok ? tok : db_text(s, FOL_TOKEN));
	snprintf(how, sizeof how, "%s: %s · %s: %s", i18n("L_FOLLOW_FREQ", en),
	    i18n_enum("follow_frequency", db_text(s, FOL_FREQUENCY), en), i18n("L_FOLLOW_LANG", en),
	    lang_name(lang));
	buf_printf(&text, "%s\n\n%s\n\n    %s\n    %s\n\n%s\n\n%s\n\n    %s\n\n",
	    i18n("M_HELLO", en), i18n("M_FOLLOW_ASKED", en), name, thing, how,
	    i18n(tok ? "M_FOLLOW_CONFIRM" : "M_FOLLOW_ALREADY", en), act);
	if (tok != NULL)
		buf_printf(&text, "%s\n\n", i18n("M_FOLLOW_IGNORE", en));
	buf_printf(&text, "-- \n%s\n%s/%s/\n", i18n("L_SITE_NAME", en), base, lang);
	tpl_set(d, "MAIL_LANG", lang);
	tpl_set(d, "SUBJECT", i18n("M_FOLLOW_SUBJECT", en));
	tpl_set(d, "HELLO", i18n("M_HELLO", en));
	tpl_set(d, "ASKED", i18n("M_FOLLOW_ASKED", en));
	tpl_set(d, "THING", name);
	tpl_set(d, "THING_URL", thing);
	tpl_set(d, "HOW", how);
	tpl_set(d, "ACT", i18n(tok ? "M_FOLLOW_CONFIRM" : "M_FOLLOW_ALREADY", en));
	tpl_set(d, "ACT_URL", act);
	if (tok != NULL)
		tpl_set(tpl_section(d, "IGNORE"), "TEXT", i18n("M_FOLLOW_IGNORE", en));
	tpl_set(d, "SITE_NAME", i18n("L_SITE_NAME", en));
	tpl_set(d, "SITE_URL", base);
	rc = !text.oom && tpl_render("follow_mail.tpl", d, &html) == 0 && !html.oom
	    ? mail_compose_alt(
		  out, mail_from(), email, i18n("M_FOLLOW_SUBJECT", en), text.p, html.p, now)
	    : -1;
	tpl_dict_free(d);
	sodium_memzero(act, sizeof act);
	if (text.p != NULL)
		sodium_memzero(text.p, text.len);
	if (html.p != NULL)
		sodium_memzero(html.p, html.len);
	buf_free(&text);
	buf_free(&html);
	return rc;
}

/* Queues what a request's answer send asks for (follow_request) to email, about
 * subscription g->sub, with the confirmation token tok; *oid gets the outbox id (0:
 * nothing queued).  Returns 0 or -1. */
static int
queue(struct ctx *c, int send, const struct follow_got *g, const char *email, const char *tok,
    long long *oid)
{
	sqlite3_stmt *s;
	struct buf    msg = { 0 };
	int           rc;

	*oid = 0;
	if (send == FOLLOW_SEND_NONE)
		return 0;
	if (follow_sub(g->sub, &s) != 1)
		return -1;
	rc = compose(&msg, email, s, send == FOLLOW_SEND_CONFIRM ? tok : NULL, c->now);
	db_reset(s);
	if (rc == 0 && (*oid = mail_queue_to(0, g->follower, email, msg.p, msg.len, c->now)) < 0)
		rc = -1;
	if (msg.p != NULL)
		sodium_memzero(msg.p, msg.len);
	buf_free(&msg);
	return rc;
}

/* Records request f for the thing target and queues its email, in one transaction,
 * when the rate limits allow it (LIMITS_OK: *oid gets the outbox id, 0 when nothing was
 * due).  When they ask for a proof of work, only the challenge (*ask) is committed. */
static enum limits_verdict
store(
    struct ctx *c, const struct fform *f, long long target, struct limits_ask *ask, long long *oid)
{
	unsigned char       h[32];
	char                tok[65], email[256];
	struct follow_req   r = { .email = email,
		  .kind = f->kind,
		  .target = target,
		  .lang = f->lang,
		  .frequency = f->frequency,
		  .confirm_hash = h,
		  .now = (long long)c->now };
	struct follow_got   g;
	enum limits_verdict v;
	int                 send;

	email_fold(f->email, email, sizeof email);
	if ((v = form_limits(c, email, ask)) != LIMITS_OK)
		return v;
	if (token_new(tok, sizeof tok, h) != 0 || (send = follow_request(&r, &g)) < 0 ||
	    queue(c, send, &g, email, tok, oid) != 0 || store_commit(c->rw) != 0) {
		db_fault(c->rw); /* why it failed, before ROLLBACK forgets it */
		store_rollback(c->rw);
		v = LIMITS_ERROR;
	}
	sodium_memzero(tok, sizeof tok);
	return v;
}

/* The page that gives the form back with message msg (status, form_again): what was
 * typed, the proof of work f asks, a link back to the thing's page. */
static int
again(struct ctx *c, int status, const char *msg, const struct fform *f, const char *back)
{
	form_fill(c,
	    tpl_include(
		form_again(c, "T_FOLLOW_NOT_SENT", msg, back, f->ask), "FORM", "follow_form.tpl"),
	    f);
	return status;
}

int
page_follow(struct ctx *c)
{
	struct fform        f;
	struct limits_ask   ask;
	char                sent[32], back[PATH_MAX_BYTES], err[300];
	long long           target = 0, oid = 0;
	enum limits_verdict v;
	int                 rc;

	form_read(c, &f);
	snprintf(sent, sizeof sent, "/%s/follow/sent", c->lang);
	if ((rc = form_honeypot(c, "follow request", sent)) != 0)
		return rc;
	if (f.kind == NULL || (rc = follow_target(f.kind, f.key ? f.key : "", &target)) == 0)
		return c->error = "ERR_FOLLOW_NOTHING", 404;
	if (rc < 0)
		return db_failed_set(), 503;
	thing_path(c->lang, f.kind, f.key, back, sizeof back);
	if (f.nerr > 0)
		return again(c, 400, "ERR_FORM", &f, back);
	if ((v = store(c, &f, target, &ask, &oid)) == LIMITS_REFUSED) {
		resp_header(c->resp, "Retry-After", "3600");
		return again(c, 429, "ERR_FOLLOW_RATE", &f, back);
	}
	if (v == LIMITS_PROOF) {
		f.ask = &ask;
		return again(c, 429, "ERR_FOLLOW_POW", &f, back);
	}
	if (v == LIMITS_ERROR)
		return db_failed_set(), 503;
	/* Privacy: the answer is the same whether the address follows nothing, waits for a
	 * confirmation or already follows the thing, and whether an email was due or not
	 * (at most one a day about one thing): a visitor learns nothing of what another
	 * person follows.  The owner of the address learns it from the email. */
	if (oid > 0 && mail_flush_start(c->rw, oid, err, sizeof err) != 0)
		log_error("mail %lld waits in the outbox for the timer: %s", oid, err);
	return page_redirect(c, sent);
}

int
page_follow_sent(struct ctx *c)
{
	form_message(c, "submitted.tpl", "T_SENT", "L_FOLLOW_SENT_TEXT");
	return 200;
}

/* Shows the thing name at path in b, and the management link of follower token ftok
 * when not NULL. */
static void
token_links(struct ctx *c, tpl_dict *b, const char *name, const char *path, const char *ftok)
{
	char      href[PATH_MAX_BYTES];
	tpl_dict *d;

	if (name != NULL) {
		d = tpl_section(b, "THING");
		tpl_set(d, "NAME", name);
		tpl_set(d, "PATH", path);
	}
	if (ftok != NULL) {
		snprintf(href, sizeof href, "/%s/follow/manage/%s", c->lang, ftok);
		tpl_set(tpl_section(b, "MANAGE"), "HREF", href);
	}
}

/* Confirms subscription id at c->now, inside the open transaction.  Returns 2, or -1. */
static int
confirm(struct ctx *c, long long id)
{
	long long rev = 0;

	return changes_newest_rev(&rev) == 0 && follow_confirm(id, rev, (long long)c->now) == 1
	    ? 2
	    : -1;
}

int
page_follow_confirm(struct ctx *c)
{
	unsigned char h[32];
	sqlite3_stmt *s;
	char          name[NAME_MAX_BYTES], path[PATH_MAX_BYTES], ftok[65];
	long long     id = 0, expires = 0;
	tpl_dict     *b;
	int           rc, post = c->req->method == METHOD_POST;

	/* No stricter Referrer-Policy here: see token_page (pages/consultations.c). */
	if (token_hash(c->arg[0], h) != 0 || c->rw == NULL)
		return c->error = "ERR_TOKEN", 404;
	if (post && store_begin(c->rw) != 0)
		return db_failed_set(), 503;
	if ((rc = follow_by_confirm(h, &s)) == 1) {
		id = db_int64(s, FOL_ID);
		expires = db_int64(s, FOL_EXPIRES);
		thing_name(s, c->en, name, sizeof name);
		thing_path(c->lang, db_text(s, FOL_KIND), db_text(s, FOL_KEY), path, sizeof path);
		snprintf(ftok, sizeof ftok, "%s", db_text(s, FOL_TOKEN));
		db_reset(s);
	}
	if (post) {
		if (rc == 1 && expires >= (long long)c->now)
			rc = confirm(c, id);
		if (rc < 0 || store_commit(c->rw) != 0) {
			db_fault(c->rw);
			store_rollback(c->rw);
			return db_failed_set(), 503;
		}
	} else if (rc < 0)
		return db_failed_set(), 503;
	if (rc == 2) {
		b = form_message(
		    c, "follow_token.tpl", "T_FOLLOW_CONFIRMED", "L_FOLLOW_CONFIRMED_TEXT");
		token_links(c, b, name, path, ftok);
		return 200;
	}
	if (rc == 0 || expires < (long long)c->now) {
		form_message(c, "follow_token.tpl", "T_LINK_USED", "ERR_FOLLOW_USED");
		return 410;
	}
	b = form_message(c, "follow_token.tpl", "T_FOLLOW_CONFIRM", "L_FOLLOW_CONFIRM_ASK");
	token_links(c, b, name, path, NULL);
	tpl_set(b, "ACTION", c->req->path);
	tpl_set(tpl_section(b, "BUTTON"), "LABEL", i18n("L_CONFIRM_BUTTON", c->en));
	return 200;
}

/* The page of a token that names no address (it left, or never confirmed in time). */
static int
gone(struct ctx *c)
{
	form_message(c, "follow_token.tpl", "T_LINK_USED", "ERR_FOLLOW_GONE");
	return 410;
}

/* Does what the management form posted for follower: action "change" (subscription sub's
 * language and frequency), "stop" (sub) or "stop_all", in one transaction.  *msg gets
 * what to say; *left is set when the address is gone.  Returns 200, 400 (a form that is
 * none of those: nothing done), or 503. */
static int
manage_post(struct ctx *c, long long follower, const char **msg, int *left)
{
	const char *act = form_field(c, "action"), *lang = form_field(c, "lang");
	const char *freq = form_field(c, "frequency");
	long long   id = 0;
	int         rc, all = act != NULL && strcmp(act, "stop_all") == 0;
	int         change = act != NULL && strcmp(act, "change") == 0;

	*msg = "ERR_FOLLOW_FORM";
	if ((!all && !change && (act == NULL || strcmp(act, "stop") != 0)) ||
	    (!all && valid_int(form_field(c, "sub"), 1, 1LL << 53, &id) != 0) ||
	    (change &&
		(domain_code(domain(DOM_SUB_LANG), lang) == NULL ||
		    domain_code(domain(DOM_FOLLOW_FREQUENCY), freq) == NULL)))
		return 400;
	if (store_begin(c->rw) != 0)
		return 503;
	rc = all     ? follow_stop_all(follower)
	    : change ? follow_change(follower, id, lang, freq)
		     : follow_stop(follower, id);
	if (rc < 0 || store_commit(c->rw) != 0) {
		db_fault(c->rw);
		store_rollback(c->rw);
		return 503;
	}
	*left = all || rc == 2;
	if (rc == 0 && !all)
		return 400; /* not one of this address's subscriptions */
	*msg = all || rc == 2 ? "L_FOLLOW_LEFT_TEXT"
	    : change          ? "L_FOLLOW_CHANGED"
			      : "L_FOLLOW_STOPPED";
	return 200;
}

/* Adds follower's subscriptions to b (SUB, in HAS_SUBS): each thing with its link,
 * state, and the form to change or stop it. */
static void
manage_list(struct ctx *c, tpl_dict *b, long long follower)
{
	sqlite3_stmt *s = follow_subs(follower);
	char          name[NAME_MAX_BYTES], path[PATH_MAX_BYTES];
	tpl_dict     *it;
	int           n = 0;

	while (db_step(s) == SQLITE_ROW) {
		it = tpl_section(b, "SUB");
		tpl_set_int(it, "ID", db_int64(s, FOL_ID));
		thing_name(s, c->en, name, sizeof name);
		thing_path(c->lang, db_text(s, FOL_KIND), db_text(s, FOL_KEY), path, sizeof path);
		tpl_set(it, "NAME", name);
		tpl_set(it, "PATH", path);
		tpl_set(it, "STATE", i18n_enum("follow_status", db_text(s, FOL_STATUS), c->en));
		choices(c, it, "LANG_OPT", DOM_SUB_LANG, db_text(s, FOL_LANG));
		choices(c, it, "FREQ_OPT", DOM_FOLLOW_FREQUENCY, db_text(s, FOL_FREQUENCY));
		n++;
	}
	if (n > 0)
		tpl_show(b, "HAS_SUBS");
}

int
page_follow_manage(struct ctx *c)
{
	const char *msg = NULL;
	long long   follower = 0;
	tpl_dict   *b;
	int         rc, st = 200, left = 0;

	/* No login: the token is the key.  Cache-Control: no-store is the dispatcher's (a
	 * CACHE_NONE route); the site's Referrer-Policy stays, as on token_page
	 * (pages/consultations.c): a stricter one would send "Origin: null" with these
	 * forms' POSTs, which the origin check refuses. */
	if (c->rw == NULL)
		return c->error = "ERR_TOKEN", 404;
	if ((rc = follow_by_token(c->arg[0], &follower)) < 0)
		return db_failed_set(), 503;
	if (rc == 0)
		return gone(c);
	if (c->req->method == METHOD_POST && (st = manage_post(c, follower, &msg, &left)) == 503)
		return db_failed_set(), 503;
	if (left) {
		form_message(c, "follow_token.tpl", "T_FOLLOW_LEFT", msg);
		return 200;
	}
	b = page_body(c, "follow_manage.tpl");
	page_title(c, "%s", i18n("L_FOLLOW_MANAGE_H", c->en));
	tpl_set(b, "ACTION", c->req->path);
	if (msg != NULL)
		tpl_set(tpl_section(b, st == 200 ? "NOTICE" : "PROBLEM"), "TEXT", i18n(msg, c->en));
	manage_list(c, b, follower);
	return st;
}

int
page_follow_unsubscribe(struct ctx *c)
{
	const char *one = req_form(c->req, "List-Unsubscribe");
	long long   follower = 0;
	tpl_dict   *b;
	int         rc;

	if (c->rw == NULL)
		return c->error = "ERR_TOKEN", 404;
	if (c->req->method == METHOD_POST) {
		/* RFC 8058: the body names the one-click unsubscribe; the token is the
		 * authority.  An unknown token is answered the same: it follows nothing. */
		if (one == NULL || strcmp(one, "One-Click") != 0)
			return c->error = "ERR_FOLLOW_ONE_CLICK", 400;
		if (store_begin(c->rw) != 0)
			return db_failed_set(), 503;
		if ((rc = follow_by_token(c->arg[0], &follower)) == 1)
			rc = follow_stop_all(follower);
		if (rc < 0 || store_commit(c->rw) != 0) {
			db_fault(c->rw);
			store_rollback(c->rw);
			return db_failed_set(), 503;
		}
		form_message(c, "follow_token.tpl", "T_FOLLOW_LEFT", "L_FOLLOW_LEFT_TEXT");
		return 200;
	}
	if ((rc = follow_by_token(c->arg[0], &follower)) < 0)
		return db_failed_set(), 503;
	if (rc == 0)
		return gone(c);
	b = form_message(
	    c, "follow_token.tpl", "L_FOLLOW_UNSUBSCRIBE_BUTTON", "L_FOLLOW_UNSUBSCRIBE_ASK");
	token_links(c, b, NULL, NULL, c->arg[0]);
	tpl_set(b, "ACTION", c->req->path);
	b = tpl_section(b, "BUTTON");
	tpl_set(b, "LABEL", i18n("L_FOLLOW_UNSUBSCRIBE_BUTTON", c->en));
	tpl_show(b, "ONE_CLICK");
	return 200;
}

int
page_privacy(struct ctx *c)
{
	tpl_dict *b = page_body(c, "privacy.tpl");

	page_title(c, "%s", i18n("L_NAV_PRIVACY", c->en));
	tpl_set(b, "INTRO", i18n("PRIV_INTRO", c->en));
	page_paragraphs(b, "FOLLOW_P", i18n("PRIV_FOLLOW", c->en));
	page_paragraphs(b, "SUBS_P", i18n("PRIV_SUBS", c->en));
	tpl_set(b, "ASK", i18n("PRIV_ASK", c->en));
	return 200;
}
