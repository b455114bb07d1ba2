/* Co-creation in the open: public consultations, the proposals and comments citizens
 * send without an account, their confirmation by email and their withdrawal.  The
 * pages with forms are public and cached: the forms carry nothing per visitor (no
 * token); POSTs pass the dispatcher's origin checks, then a honeypot, the validation of
 * every field, and the rate limits per network and per email, with a proof of work
 * under pressure (pages/limits.h); what they write is in store/submit.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "lib/urlcode.h"
#include "http/answer.h"
#include "http/req.h"
#include "http/resp.h"
#include "lib/consult.h"
#include "store/db.h"
#include "lib/log.h"
#include "view/i18n.h"
#include "store/mail.h"
#include "store/stmt.h"
#include "store/submit.h"
#include "lib/domains.h"
#include "lib/token.h"
#include "pages/form.h"
#include "pages/limits.h"
#include "pages/pages.h"
#include "pages/records.h"
#include "view/page.h"
#include "lib/valid.h"

/* Sets key to a UTC time shown in the wall clock of zone (NULL: Lisbon; "3 December
 * 2018, 23:59"; the day only when dates_only) and key_ISO to the UTC value for <time
 * datetime>. */
static void
zone_time(
    struct ctx *c, tpl_dict *d, const char *key, const char *iso, int dates_only, const char *zone)
{
	char local[24], day[64], out[96], k[64];

	if (utc_to_local(zone, iso, local, sizeof local, NULL) != 0) {
		tpl_set(d, key, i18n("L_NOT_RECORDED", c->en));
		return;
	}
	local[10] = '\0';
	i18n_date(local, c->en, day, sizeof day);
	if (dates_only)
		snprintf(out, sizeof out, "%s", day);
	else
		snprintf(out, sizeof out, "%s, %s", day, local + 11);
	tpl_set(d, key, out);
	snprintf(k, sizeof k, "%s_ISO", key);
	tpl_set(d, k, dates_only ? local : iso);
}

/* Fills the phase of a consultation into d: UPCOMING (opens), OPEN (closes, countdown)
 * or CLOSED, with the dates in the wall clock of zone (NULL: Lisbon) and, when they
 * have a time, the zone's name.  Returns the phase. */
static enum phase
phase(struct ctx *c, tpl_dict *d, const char *opens, const char *closes, int dates_only,
    const char *zone)
{
	static const char *const zone_keys[] = { "L_LISBON_TIME", "L_MADEIRA_TIME",
		"L_AZORES_TIME" }; /* in the order of the timezone domain */
	const struct domain     *zones = domain(DOM_TIMEZONE);
	const struct dcode      *z = domain_code(zones, zone);
	static const char *const units[][2] = { { "L_DAY", "L_DAYS" }, { "L_HOUR", "L_HOURS" },
		{ "L_MINUTE", "L_MINUTES" } };
	enum phase               p = consultation_phase(c->now, opens, closes);
	tpl_dict                *s;
	time_t                   limit;
	long                     n;
	char                     unit;
	int                      u;

	zone_time(c, d, "OPENS", opens, dates_only, zone);
	zone_time(c, d, "CLOSES", closes, dates_only, zone);
	if (!dates_only)
		tpl_set(tpl_section(d, "ZONE"), "ZONE_TIME",
		    i18n(zone_keys[z != NULL ? z - zones->codes : 0], c->en));
	if (p == PHASE_CLOSED) {
		tpl_show(d, "CLOSED");
		return p;
	}
	s = tpl_section(d, p == PHASE_OPEN ? "OPEN" : "UPCOMING");
	if (utc_parse(p == PHASE_OPEN ? closes : opens, &limit) != 0)
		return p;
	countdown(c->now, limit, &n, &unit);
	u = unit == 'd' ? 0 : unit == 'h' ? 1 : 2;
	tpl_set_int(s, "N", n);
	tpl_set(s, "UNIT", i18n(units[u][n != 1], c->en));
	return p;
}

int
page_consultations_list(struct ctx *c)
{
	tpl_dict     *b = page_body(c, "consultations.tpl"), *it;
	sqlite3_stmt *s = db_stmt(ST_CONSULTATIONS);
	const char   *t;
	int           n = 0;

	page_title(c, "%s", i18n("T_CONSULTATIONS", c->en));
	while (db_step(s) == SQLITE_ROW) {
		if (records_repeats(db_int64(s, KS_ID)))
			continue; /* listed below as the record it repeats */
		it = tpl_section(b, "ITEM");
		tpl_set_int(it, "ID", db_int64(s, KS_ID));
		t = page_text(c, it, "TITLE", db_text(s, KS_TITLE_PT), db_text(s, KS_TITLE_EN));
		if (t == NULL)
			tpl_set(it, "TITLE", i18n("L_TITLE_NOT_RECORDED", c->en));
		phase(c, it, db_text(s, KS_OPENS), db_text(s, KS_CLOSES), db_int(s, KS_DATES_ONLY),
		    db_text(s, KS_ZONE));
		if (!db_int(s, KS_DATES_ONLY))
			tpl_set_int(tpl_section(it, "COUNTED"), "COUNT", db_int(s, KS_COUNT));
		n++;
	}
	if (n == 0)
		tpl_show(b, "NONE");
	if (records_list(c, b) == 0)
		tpl_show(b, "NO_RECORDS");
	return 200;
}

/* Adds the submissions of statement s (SUB_COLS rows) to d: section has is shown when
 * there is one, and holds the SUBS include (subs.tpl) with one SUB per row.  Returns
 * how many were published (rejected ones show only the fact and the reason). */
static int
submissions(struct ctx *c, tpl_dict *d, const char *has, sqlite3_stmt *s)
{
	tpl_dict   *h = NULL, *it, *m;
	const char *kind, *outcome;
	char        day[64], iso[11];
	int         n = 0;

	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_include(tpl_section(d, has), "SUBS", "subs.tpl");
		it = tpl_section(h, "SUB");
		kind = db_text(s, SUB_KIND);
		tpl_set_int(it, "ID", db_int64(s, SUB_ID));
		tpl_set(it, "KIND",
		    i18n(strcmp(kind, "proposal") == 0 ? "L_PROPOSAL" : "L_COMMENT", c->en));
		if (db_text(s, SUB_CONFIRMED) != NULL) {
			snprintf(iso, sizeof iso, "%.10s", db_text(s, SUB_CONFIRMED));
			i18n_date(iso, c->en, day, sizeof day);
			tpl_set(it, "DAY", day);
			tpl_set(it, "DAY_ISO", iso);
		}
		if (strcmp(db_text(s, SUB_STATUS), "rejected") == 0) {
			m = tpl_section(it, "REJECTED");
			page_text(
			    c, m, "REASON", db_text(s, SUB_REASON_PT), db_text(s, SUB_REASON_EN));
			continue;
		}
		m = tpl_section(it, "PUBLISHED");
		tpl_set(m, "SUB_LANG", db_text(s, SUB_LANG));
		tpl_set(m, "AUTHOR", db_text(s, SUB_AUTHOR));
		if (db_text(s, SUB_ORG) != NULL)
			tpl_set(tpl_section(m, "ORG"), "ORGANISATION", db_text(s, SUB_ORG));
		if (db_text(s, SUB_TITLE) != NULL)
			tpl_set(tpl_section(m, "HAS_TITLE"), "SUB_TITLE", db_text(s, SUB_TITLE));
		if (db_text(s, SUB_PROBLEM) != NULL)
			page_paragraphs(
			    tpl_section(m, "HAS_PROBLEM"), "PROBLEM_P", db_text(s, SUB_PROBLEM));
		page_paragraphs(m, "BODY_P", db_text(s, SUB_BODY));
		if (strcmp(kind, "proposal") == 0) {
			outcome = db_text(s, SUB_OUTCOME);
			tpl_set(tpl_section(m, "OUTCOME"), "OUTCOME_LABEL",
			    i18n_enum("outcome", outcome, c->en));
			if (db_text(s, SUB_M_OGP) != NULL) {
				tpl_dict *mg = tpl_section(m, "MERGED");
				tpl_set(mg, "OGP_ID", db_text(s, SUB_M_OGP));
				page_text(
				    c, mg, "C_TITLE", db_text(s, SUB_M_PT), db_text(s, SUB_M_EN));
			}
		}
		if (db_text(s, SUB_ANSWER_PT) != NULL || db_text(s, SUB_ANSWER_EN) != NULL)
			page_paras(c, tpl_section(m, "ANSWER"), "ANS", db_text(s, SUB_ANSWER_PT),
			    db_text(s, SUB_ANSWER_EN));
		n++;
	}
	return n;
}

/* The values a citizen typed, kept when the form comes back with a message. */
struct form {
	const char              *author, *org, *email, *title, *problem, *body;
	int                      consent;
	const struct limits_ask *ask;    /* the proof of work asked, or NULL */
	const char              *err[7]; /* per field, in the order above, then consent */
	int                      nerr;
};
static const char *const form_keys[] = { "AUTHOR", "ORG", "EMAIL", "TITLE", "PROBLEM", "BODY",
	"CONSENT" };
static const char *const form_names[] = { "author", "organisation", "email", "title", "problem",
	"body", "consent" };

/* Includes the submission form into d as FORM: action, kind (proposal: 1), values and
 * messages.  closed: the form is shown without its button (the citizen keeps the text). */
static void
form_fill(
    struct ctx *c, tpl_dict *d, const char *action, int proposal, const struct form *f, int closed)
{
	tpl_dict   *fd = tpl_include(d, "FORM", "submit_form.tpl"), *e, *sum = NULL;
	const char *vals[6];
	char        k[32];
	size_t      i;

	tpl_set(fd, "ACTION", action);
	tpl_set(fd, "ID_SUFFIX", proposal ? "p" : "c"); /* two forms on one page */
	tpl_set(fd, "LEGEND", i18n(proposal ? "L_SEND_PROPOSAL" : "L_SEND_COMMENT", c->en));
	tpl_set(fd, "BODY_LABEL", i18n(proposal ? "L_F_PROPOSAL" : "L_F_COMMENT", c->en));
	if (proposal)
		tpl_show(fd, "PROPOSAL");
	tpl_show(fd, closed ? "NO_SUBMIT" : "SUBMIT");
	if (f == NULL)
		return;
	vals[0] = f->author;
	vals[1] = f->org;
	vals[2] = f->email;
	vals[3] = f->title;
	vals[4] = f->problem;
	vals[5] = f->body;
	for (i = 0; i < 6; i++) {
		snprintf(k, sizeof k, "V_%s", form_keys[i]);
		tpl_set(fd, k, vals[i] ? vals[i] : "");
	}
	if (f->consent)
		tpl_show(fd, "CONSENT_CHECKED");
	if (f->ask != NULL)
		tpl_set(tpl_section(fd, "POW"), "CHALLENGE", f->ask->challenge);
	for (i = 0; i < 7; i++) {
		if (f->err[i] == NULL)
			continue;
		snprintf(k, sizeof k, "E_%s", form_keys[i]);
		tpl_set(tpl_section(fd, k), "TEXT", i18n(f->err[i], c->en));
		snprintf(k, sizeof k, "INV_%s", form_keys[i]);
		tpl_show(fd, k);
		if (sum == NULL)
			sum = tpl_section(fd, "ERRORS");
		e = tpl_section(sum, "ERR");
		tpl_set(e, "FIELD", form_names[i]);
		tpl_set(e, "TEXT", i18n(f->err[i], c->en));
	}
}

int
page_consultations_show(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_CONSULTATION);
	tpl_dict     *b, *d;
	const char   *t;
	char          action[64];
	enum phase    p;
	int           dates_only;

	db_bind_int64(s, 1, c->num);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_CONSULTATION";
		return 404;
	}
	b = page_body(c, "consultation.tpl");
	tpl_set_int(b, "ID", c->num);
	t = page_text(c, b, "TITLE", db_text(s, KN_TITLE_PT), db_text(s, KN_TITLE_EN));
	page_title(c, "%s", t ? t : i18n("T_CONSULTATIONS", c->en));
	tpl_set(b, "SHORT", t ? t : i18n("T_CONSULTATIONS", c->en));
	dates_only = db_int(s, KN_DATES_ONLY);
	p = phase(
	    c, b, db_text(s, KN_OPENS), db_text(s, KN_CLOSES), dates_only, db_text(s, KN_ZONE));
	page_paras(c, b, "DESC", db_text(s, KN_DESC_PT), db_text(s, KN_DESC_EN));
	if (db_text(s, KN_Q_PT) != NULL || db_text(s, KN_Q_EN) != NULL)
		page_paras(
		    c, tpl_section(b, "QUESTIONS"), "Q", db_text(s, KN_Q_PT), db_text(s, KN_Q_EN));
	if (db_text(s, KN_PLAN_NUMBER) != NULL) {
		d = tpl_section(b, "PLAN");
		tpl_set(d, "PLAN_NUMBER", db_text(s, KN_PLAN_NUMBER));
		page_text(c, d, "PLAN_TITLE", db_text(s, KN_PLAN_PT), db_text(s, KN_PLAN_EN));
	}
	if (db_text(s, KN_OGP_ID) != NULL) {
		d = tpl_section(b, "COMMITMENT");
		tpl_set(d, "OGP_ID", db_text(s, KN_OGP_ID));
		page_text(c, d, "C_TITLE", db_text(s, KN_C_PT), db_text(s, KN_C_EN));
	}
	if (db_text(s, KN_DOC) != NULL)
		tpl_set(tpl_section(b, "DOCUMENT"), "DOC_URL", db_text(s, KN_DOC));
	if (db_text(s, KN_SOURCE) != NULL)
		tpl_set(tpl_section(b, "SOURCE"), "SOURCE_URL", db_text(s, KN_SOURCE));
	if (p == PHASE_CLOSED) {
		d = tpl_section(b, "REPORT");
		if (db_text(s, KN_OUT_PT) != NULL || db_text(s, KN_OUT_EN) != NULL)
			page_paras(c, tpl_section(d, "HAS_OUTCOME"), "OUT", db_text(s, KN_OUT_PT),
			    db_text(s, KN_OUT_EN));
		else
			tpl_show(d, "NO_OUTCOME");
		if (db_text(s, KN_OUT_URL) != NULL)
			tpl_set(tpl_section(d, "OUTCOME_DOC"), "OUT_URL", db_text(s, KN_OUT_URL));
	}
	db_reset(s);
	if (p == PHASE_OPEN) {
		d = tpl_section(b, "FORMS");
		snprintf(
		    action, sizeof action, "/%s/consultations/%lld/proposals", c->lang, c->num);
		form_fill(c, tpl_section(d, "PROPOSAL_FORM"), action, 1, NULL, 0);
		snprintf(action, sizeof action, "/%s/consultations/%lld/comments", c->lang, c->num);
		form_fill(c, tpl_section(d, "COMMENT_FORM"), action, 0, NULL, 0);
	}
	s = db_stmt(ST_CONSULTATION_SUBS);
	db_bind_int64(s, 1, c->num);
	if (submissions(c, b, "HAS_SUBS", s) == 0 && !dates_only)
		tpl_show(b, "NO_SUBS");
	if (dates_only)
		tpl_show(b, "NOT_COLLECTED");
	return 200;
}

void
page_commitment_cocreation(struct ctx *c, tpl_dict *b, long long id, const char *ogp_id)
{
	sqlite3_stmt *s = db_stmt(ST_COMMITMENT_ORIGINS);
	tpl_dict     *h = NULL, *it;
	char          action[64];

	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "ORIGINS");
		it = tpl_section(h, "ORIGIN");
		tpl_set_int(it, "SUB_ID", db_int64(s, ORIG_ID));
		tpl_set(it, "SUB_TITLE", db_text(s, ORIG_TITLE) ? db_text(s, ORIG_TITLE) : "");
		tpl_set(it, "AUTHOR", db_text(s, ORIG_AUTHOR));
		tpl_set_int(it, "K_ID", db_int64(s, ORIG_K_ID));
		page_text(
		    c, it, "K_TITLE", db_text(s, ORIG_K_TITLE_PT), db_text(s, ORIG_K_TITLE_EN));
	}
	s = db_stmt(ST_COMMITMENT_SUBS);
	db_bind_int64(s, 1, id);
	submissions(c, b, "HAS_SUBS", s);
	snprintf(action, sizeof action, "/%s/commitments/%s/comments", c->lang, ogp_id);
	form_fill(c, b, action, 0, NULL, 0);
}

/* Reads and checks the submitted form into f.  Returns the number of invalid fields. */
static int
form_read(struct ctx *c, struct form *f, int proposal)
{
	memset(f, 0, sizeof *f);
	f->author = form_field(c, "author");
	f->org = form_field(c, "organisation");
	f->email = form_field(c, "email");
	f->title = proposal ? form_field(c, "title") : NULL;
	f->problem = proposal ? form_field(c, "problem") : NULL;
	f->body = form_field(c, "body");
	f->consent =
	    req_form(c->req, "consent") != NULL && strcmp(req_form(c->req, "consent"), "1") == 0;
	f->err[0] = form_check_text(f->author, 1, SUB_AUTHOR_MAX, 0);
	f->err[1] = form_check_text(f->org, 0, SUB_ORG_MAX, 0);
	f->err[2] = f->email == NULL ? "ERR_F_REQUIRED"
	    : !valid_email(f->email) ? "ERR_F_EMAIL"
				     : NULL;
	if (proposal) {
		f->err[3] = form_check_text(f->title, 1, SUB_TITLE_MAX, 0);
		f->err[4] = form_check_text(f->problem, 1, SUB_TEXT_MAX, 1);
	}
	f->err[5] = form_check_text(f->body, 1, SUB_TEXT_MAX, 1);
	if (f->err[5] == NULL && strlen(f->body) < SUB_BODY_MIN)
		f->err[5] = "ERR_F_TOO_SHORT";
	f->err[6] = f->consent ? NULL : "ERR_F_CONSENT";
	for (int i = 0; i < 7; i++)
		if (f->err[i] != NULL)
			f->nerr++;
	return f->nerr;
}

/* The page that gives a submission back with a message (form_again): the form with
 * what was typed (without its button when closed) and the proof of work that f asks. */
static int
again(struct ctx *c, int status, const char *msg, const char *action, int proposal,
    const struct form *f, const char *back, int closed)
{
	form_fill(c, form_again(c, "T_NOT_SENT", msg, back, f->ask), action, proposal, f, closed);
	return status;
}

/* Writes the confirmation email of a submission into out.  The one text of the sender's
 * own in it, the name they signed with, is cut to SUB_QUOTE_MAX characters and quoted
 * on a line of its own, introduced as what was sent: the site's email carries no
 * message of the sender's choosing. */
static int
compose(struct ctx *c, struct buf *out, const char *email, const char *author, const char *what,
    const char *ctok, const char *wtok)
{
	struct buf body = { 0 };
	char       name[4 * SUB_QUOTE_MAX + 4];
	int        rc;

	text_excerpt(author, SUB_QUOTE_MAX, name, sizeof name);
	buf_printf(&body,
	    "%s\n\n%s\n\n    %s\n\n%s\n\n    “%s”\n\n%s\n\n"
	    "    %s/%s/submissions/confirm/%s\n\n%s\n\n%s\n\n    %s/%s/submissions/withdraw/%s"
	    "\n\n-- \n%s\n%s/%s/\n",
	    i18n("M_HELLO", c->en), i18n("M_RECEIVED", c->en), what, i18n("M_SENT_AS", c->en), name,
	    i18n("M_CONFIRM", c->en), url_site_base(), c->lang, ctok, i18n("M_IGNORE", c->en),
	    i18n("M_WITHDRAW", c->en), url_site_base(), c->lang, wtok, i18n("L_SITE_NAME", c->en),
	    url_site_base(), c->lang);
	rc = body.oom
	    ? -1
	    : mail_compose(out, mail_from(), email, i18n("M_SUBJECT", c->en), body.p, c->now);
	buf_free(&body);
	return rc;
}

/* Inserts the submission, its attempt rows and its email in one transaction, when the
 * rate limits allow it (LIMITS_OK: *oid gets the outbox id).  When they ask for a proof
 * of work, only the challenge (*ask) is committed. */
static enum limits_verdict
store(struct ctx *c, const struct form *f, int proposal, long long kid, long long cid,
    const char *what, struct limits_ask *ask, long long *oid)
{
	unsigned char       ch[32], wh[32];
	char                ctok[65], wtok[65], email[256];
	struct submit_new   n = { .kind = proposal ? "proposal" : "comment",
		  .consultation_id = kid,
		  .commitment_id = cid,
		  .lang = c->lang,
		  .author = f->author,
		  .org = f->org,
		  .email = email,
		  .title = f->title,
		  .problem = f->problem,
		  .body = f->body,
		  .confirm_hash = ch,
		  .confirm_expires = (long long)c->now + SUB_CONFIRM_TTL,
		  .withdraw_hash = wh };
	struct buf          msg = { 0 };
	long long           sid;
	enum limits_verdict v;

	email_fold(f->email, email, sizeof email);
	if (token_new(ctok, sizeof ctok, ch) != 0 || token_new(wtok, sizeof wtok, wh) != 0)
		return LIMITS_ERROR;
	if ((v = form_limits(c, email, ask)) != LIMITS_OK)
		return v;
	if ((sid = submit_add(&n)) >= 0 &&
	    compose(c, &msg, email, f->author, what, ctok, wtok) == 0 &&
	    (*oid = mail_queue(sid, email, msg.p, msg.len, (long long)c->now)) >= 0 &&
	    store_commit(c->rw) == 0)
		v = LIMITS_OK;
	else {
		db_fault(c->rw); /* why it failed (a full disk...), before ROLLBACK forgets it */
		store_rollback(c->rw);
		v = LIMITS_ERROR;
	}
	if (msg.p != NULL)
		sodium_memzero(msg.p, msg.len);
	buf_free(&msg);
	return v;
}

/* The POST of a form: what it is about (a consultation kid, or a commitment cid), the
 * action and the page to go back to. */
static int
submit(struct ctx *c, int proposal, long long kid, long long cid, const char *action,
    const char *back, const char *what, const char *opens, const char *closes)
{
	struct form         f;
	struct limits_ask   ask;
	char                loc[64], err[300];
	long long           oid = 0;
	enum limits_verdict v;
	int                 rc;

	form_read(c, &f, proposal);
	snprintf(loc, sizeof loc, "/%s/submissions/sent", c->lang);
	if ((rc = form_honeypot(c, "submission", loc)) != 0)
		return rc;
	if (kid != 0 && consultation_phase(c->now, opens, closes) != PHASE_OPEN)
		return again(c, 409,
		    consultation_phase(c->now, opens, closes) == PHASE_UPCOMING ? "ERR_NOT_OPEN_YET"
										: "ERR_CLOSED",
		    action, proposal, &f, back, 1);
	if (f.nerr > 0)
		return again(c, 400, "ERR_FORM", action, proposal, &f, back, 0);
	if ((v = store(c, &f, proposal, kid, cid, what, &ask, &oid)) == LIMITS_REFUSED) {
		resp_header(c->resp, "Retry-After", "3600");
		return again(c, 429, "ERR_RATE", action, proposal, &f, back, 0);
	}
	if (v == LIMITS_PROOF) {
		f.ask = &ask;
		return again(c, 429, "ERR_POW", action, proposal, &f, back, 0);
	}
	if (v == LIMITS_ERROR) {
		db_failed_set();
		return 503;
	}
	/* The mail goes out from aberta-admin, in the background: the answer does not
	 * wait for it, and the worker does not load libcurl. */
	if (mail_flush_start(c->rw, oid, err, sizeof err) != 0)
		log_error("mail %lld waits in the outbox for the timer: %s", oid, err);
	snprintf(loc, sizeof loc, "/%s/submissions/sent", c->lang);
	return page_redirect(c, loc);
}

/* The POST of a form on consultation c->num. */
static int
submit_consultation(struct ctx *c, int proposal)
{
	sqlite3_stmt *s = db_stmt(ST_CONSULTATION);
	char          opens[24], closes[24], what[600], action[64], back[48];
	const char   *t;

	db_bind_int64(s, 1, c->num);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_CONSULTATION";
		return 404;
	}
	snprintf(opens, sizeof opens, "%s", db_text(s, KN_OPENS));
	snprintf(closes, sizeof closes, "%s", db_text(s, KN_CLOSES));
	t = c->en ? db_text(s, KN_TITLE_EN) : db_text(s, KN_TITLE_PT);
	if (t == NULL)
		t = c->en ? db_text(s, KN_TITLE_PT) : db_text(s, KN_TITLE_EN);
	snprintf(what, sizeof what, "%s", t ? t : "");
	db_reset(s);
	snprintf(action, sizeof action, "/%s/consultations/%lld/%s", c->lang, c->num,
	    proposal ? "proposals" : "comments");
	snprintf(back, sizeof back, "/%s/consultations/%lld", c->lang, c->num);
	return submit(c, proposal, c->num, 0, action, back, what, opens, closes);
}

int
page_submit_proposal(struct ctx *c)
{
	return submit_consultation(c, 1);
}

int
page_submit_consultation_comment(struct ctx *c)
{
	return submit_consultation(c, 0);
}

int
page_submit_commitment_comment(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_COMMITMENT);
	char          what[600], action[64], back[48];
	const char   *t;
	long long     cid;

	db_bind_text(s, 1, c->arg[0]);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_COMMITMENT";
		return 404;
	}
	cid = db_int64(s, CM_ID);
	t = c->en ? db_text(s, CM_TITLE_EN) : db_text(s, CM_TITLE_PT);
	if (t == NULL)
		t = c->en ? db_text(s, CM_TITLE_PT) : db_text(s, CM_TITLE_EN);
	snprintf(what, sizeof what, "%s%s%s", c->arg[0], t ? " — " : "", t ? t : "");
	db_reset(s);
	snprintf(action, sizeof action, "/%s/commitments/%s/comments", c->lang, c->arg[0]);
	snprintf(back, sizeof back, "/%s/commitments/%s", c->lang, c->arg[0]);
	return submit(c, 0, 0, cid, action, back, what, NULL, NULL);
}

int
page_submissions_sent(struct ctx *c)
{
	tpl_show(form_message(c, "submitted.tpl", "T_SENT", "L_SENT_TEXT"), "CONSULTATIONS");
	return 200;
}

/* The confirmation (withdraw 0) or withdrawal (1) page: a GET shows a button (a mail
 * scanner that opens links changes nothing), its POST acts once. */
static int
token_page(struct ctx *c, int withdraw)
{
	unsigned char h[32];
	char          status[16] = "";
	long long     id = 0, expires = 0;
	tpl_dict     *b;
	int           rc, done = 0;

	resp_header(c->resp, "Cache-Control", "no-store");
	/* The token is in the address: the site-wide strict-origin-when-cross-origin never
	 * sends a path to another site.  (A stricter "no-referrer" here would make the
	 * browser send "Origin: null" with the button's POST, which is refused.) */
	if (token_hash(c->arg[0], h) != 0 || c->rw == NULL)
		return c->error = "ERR_TOKEN", 404;
	if (c->req->method == METHOD_POST) {
		if (store_begin(c->rw) != 0)
			return db_failed_set(), 503;
		rc = submit_by_token(withdraw, h, &id, status, sizeof status, &expires);
		if (rc == 1 && !withdraw && expires >= (long long)c->now)
			rc = submit_confirm(id) == 0 ? 2 : -1;
		else if (rc == 1 && withdraw)
			rc = submit_withdraw(id) == 0 ? 2 : -1;
		/* The commit's hook switches the page cache: a withdrawn submission may
		 * have been public. */
		if (rc < 0 || store_commit(c->rw) != 0) {
			db_fault(c->rw);
			store_rollback(c->rw);
			return db_failed_set(), 503;
		}
		done = rc == 2;
	} else {
		rc = submit_by_token(withdraw, h, &id, status, sizeof status, &expires);
		if (rc < 0)
			return db_failed_set(), 503;
	}
	if (done) {
		form_message(c, "token.tpl", withdraw ? "T_WITHDRAWN" : "T_CONFIRMED",
		    withdraw ? "L_WITHDRAWN_TEXT" : "L_CONFIRMED_TEXT");
		return 200;
	}
	if (rc == 0 || (!withdraw && expires < (long long)c->now)) {
		form_message(c, "token.tpl", "T_LINK_USED",
		    withdraw ? "ERR_WITHDRAW_USED" : "ERR_TOKEN_USED");
		return 410;
	}
	b = form_message(c, "token.tpl", withdraw ? "T_WITHDRAW" : "T_CONFIRM",
	    withdraw ? "L_WITHDRAW_ASK" : "L_CONFIRM_ASK");
	tpl_set(tpl_section(b, "BUTTON"), "LABEL",
	    i18n(withdraw ? "L_WITHDRAW_BUTTON" : "L_CONFIRM_BUTTON", c->en));
	tpl_set(b, "ACTION", c->req->path);
	return 200;
}

int
page_submission_confirm(struct ctx *c)
{
	return token_page(c, 0);
}

int
page_submission_withdraw(struct ctx *c)
{
	return token_page(c, 1);
}
