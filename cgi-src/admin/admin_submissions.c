/* Moderation of what citizens send: one page lists the submissions waiting (confirmed by
 * email), by day, each with publish / reject with a public reason / spam; several are
 * decided at once, in one transaction, and every decision goes into the revision log.
 * Published proposals are answered through the editing engine (kind "submissions":
 * status, the commitment it became, the official answer in PT and EN). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/answer.h"
#include "http/req.h"
#include "store/adminlist.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/edit.h"
#include "store/moderation.h"
#include "store/stmt.h"
#include "view/i18n.h"
#include "admin/admin.h"
#include "view/page.h"
#include "lib/valid.h"

#define REASON_MAX 1000 /* bytes of a public reason, per language */

/* What the moderator chose for one submission. */
struct decision {
	long long   id;
	long long   version;
	const char *action; /* "publish", "reject", "spam", or NULL: not yet */
	const char *reason_pt, *reason_en;
	const char *err;
};

/* Reads form field name<id> (NULL when absent or empty). */
static const char *
per_row(struct ctx *c, const char *name, long long id)
{
	char        k[48];
	const char *v;

	snprintf(k, sizeof k, "%s%lld", name, id);
	v = req_form(c->req, k);
	while (v != NULL && (*v == ' ' || *v == '\r' || *v == '\n' || *v == '\t'))
		v++;
	return v != NULL && *v != '\0' ? v : NULL;
}

/* Checks a reason: valid UTF-8, no control characters but line breaks, short enough. */
static int
reason_ok(const char *r)
{
	const char *p;

	if (r == NULL)
		return 1;
	if (strlen(r) > REASON_MAX || !valid_utf8(r, strlen(r)))
		return 0;
	for (p = r; *p != '\0'; p++)
		if (((unsigned char)*p < 0x20 && *p != '\n' && *p != '\r') || *p == 0x7f)
			return 0;
	return 1;
}

/* The status a decision leads to. */
static const char *
status_of(const char *action)
{
	if (strcmp(action, "publish") == 0)
		return "published";
	return strcmp(action, "reject") == 0 ? "rejected" : "spam";
}

/* Writes the revision rows of one decision (status, and a rejection's reasons).
 * Returns 0 or -1. */
static int
log_decision(struct ctx *c, long long *change, const struct decision *d, const char *status)
{
	if (edit_revision(c->rw, change, c->me->id, c->me->name, "submission", d->id, "update",
		"status", "pending", status) != 0)
		return -1;
	if (strcmp(status, "rejected") != 0)
		return 0;
	if (d->reason_pt != NULL &&
	    edit_revision(c->rw, change, c->me->id, c->me->name, "submission", d->id, "update",
		"reason_pt", NULL, d->reason_pt) != 0)
		return -1;
	if (d->reason_en != NULL &&
	    edit_revision(c->rw, change, c->me->id, c->me->name, "submission", d->id, "update",
		"reason_en", NULL, d->reason_en) != 0)
		return -1;
	return 0;
}

/* Applies one decision inside apply's transaction: the submission's new status and its
 * revision rows.  Returns 0, -1 on a database error, -2 when the submission changed
 * meanwhile. */
static int
decide(struct ctx *c, const struct decision *d, long long *change)
{
	const char   *status = status_of(d->action);
	int           rejected = strcmp(status, "rejected") == 0;
	sqlite3_stmt *s = moderation_stmt(MD_DECIDE);

	db_bind_int64(s, 1, d->id);
	db_bind_text(s, 2, status);
	db_bind_text(s, 3, rejected ? d->reason_pt : NULL);
	db_bind_text(s, 4, rejected ? d->reason_en : NULL);
	db_bind_int64(s, 5, d->version);
	if (store_run(s) != 0)
		return -1;
	if (db_changes(s) != 1)
		return -2; /* moderated by someone else meanwhile */
	return log_decision(c, change, d, status);
}

/* Applies the decisions in one transaction, with one revision change.  Returns the
 * number applied, -1 on a database error, -2 when a row changed meanwhile. */
static int
apply(struct ctx *c, const struct decision *d, size_t n)
{
	long long change = 0;
	size_t    i;
	int       done = 0, rc = 0;

	if (store_begin(c->rw) != 0)
		return -1;
	for (i = 0; rc == 0 && i < n; i++)
		if (d[i].action != NULL && (rc = decide(c, &d[i], &change)) == 0)
			done++;
	if (rc == 0 && store_commit(c->rw) == 0)
		return done;
	db_fault(c->rw);
	store_rollback(c->rw);
	return rc == -2 ? -2 : -1;
}

/* Reads the moderator's choice for submission id from the form into d, with the reason
 * it cannot be applied (d->err) when there is one. */
static void
decision_read(struct ctx *c, long long id, struct decision *d)
{
	const char *v = per_row(c, "v", id);

	memset(d, 0, sizeof *d);
	d->id = id;
	d->action = per_row(c, "a", id);
	d->reason_pt = per_row(c, "rp", id);
	d->reason_en = per_row(c, "re", id);
	if (v == NULL || valid_int(v, 1, 1LL << 53, &d->version) != 0)
		d->action = NULL; /* not on the page the moderator saw */
	if (d->action != NULL && strcmp(d->action, "keep") == 0)
		d->action = NULL;
	if (d->action != NULL && strcmp(d->action, "publish") != 0 &&
	    strcmp(d->action, "reject") != 0 && strcmp(d->action, "spam") != 0)
		d->err = "Decisão desconhecida.";
	else if (d->action != NULL && strcmp(d->action, "reject") == 0 && d->reason_pt == NULL &&
	    d->reason_en == NULL)
		d->err = "Uma rejeição precisa de um motivo público (PT ou EN).";
	else if (!reason_ok(d->reason_pt) || !reason_ok(d->reason_en))
		d->err = "O motivo é demasiado longo (1000 carateres) ou tem carateres "
			 "inválidos.";
}

/* Reads the choices for the waiting submissions of the page of a (the one the moderator
 * saw: the form's address carries it) into d (AL_PER_PAGE at most).  Returns how many,
 * or -1 when the list could not be read; *bad gets how many cannot be applied. */
static int
decisions_read(struct ctx *c, const struct admin_list *a, struct decision *d, int *bad)
{
	sqlite3_stmt *s = adminlist_rows(c->rw, &a->q);
	int           n = 0;

	*bad = 0;
	if (s == NULL)
		return -1;
	while (n < AL_PER_PAGE && db_step(s) == SQLITE_ROW) {
		decision_read(c, db_int64(s, AL_KEY), &d[n]);
		*bad += d[n].err != NULL;
		n++;
	}
	adminlist_close(s);
	return db_failed() ? -1 : n;
}

/* Fills what the citizen wrote into d from the CIT_ columns of s from column i on. */
static void
citizen_text(tpl_dict *d, sqlite3_stmt *s, int i)
{
	tpl_set(d, "AUTHOR", db_text(s, i + CIT_AUTHOR));
	if (db_text(s, i + CIT_ORG) != NULL)
		tpl_set(tpl_section(d, "ORG"), "ORGANISATION", db_text(s, i + CIT_ORG));
	if (db_text(s, i + CIT_TITLE) != NULL)
		tpl_set(tpl_section(d, "HAS_TITLE"), "TITLE", db_text(s, i + CIT_TITLE));
	if (db_text(s, i + CIT_PROBLEM) != NULL)
		page_paragraphs(
		    tpl_section(d, "HAS_PROBLEM"), "PROBLEM_P", db_text(s, i + CIT_PROBLEM));
	page_paragraphs(d, "BODY_P", db_text(s, i + CIT_BODY));
}

/* Fills one waiting submission of the list from a row of MD_PENDING; d: the choices of a
 * form that comes back, or NULL. */
static void
item(tpl_dict *it, sqlite3_stmt *s, const struct decision *d)
{
	tpl_set_int(it, "ID", db_int64(s, MDP_ID));
	tpl_set_int(it, "VERSION", db_int64(s, MDP_VERSION));
	tpl_set(
	    it, "WHAT", strcmp(db_text(s, MDP_KIND), "proposal") == 0 ? "Proposta" : "Comentário");
	citizen_text(it, s, MDP_CITIZEN);
	tpl_set(it, "TARGET", db_text(s, MDP_TARGET));
	tpl_set(it, "AT", db_text(s, MDP_AT));
	tpl_set(it, "LANG_SUB", db_text(s, MDP_LANG));
	if (d != NULL) {
		tpl_set(it, "RP", d->reason_pt);
		tpl_set(it, "RE", d->reason_en);
		if (d->action != NULL) {
			char k[16];
			snprintf(k, sizeof k, "SEL_%s", d->action);
			tpl_show(it, k);
		}
		if (d->err != NULL)
			tpl_set(tpl_section(it, "ERR"), "TEXT", d->err);
	}
	if (d == NULL || d->action == NULL)
		tpl_show(it, "SEL_keep");
}

/* The waiting submissions being listed by day of confirmation: the page, the day's
 * section, the choices of a form that comes back (d, n of them; NULL: none). */
struct pending {
	tpl_dict              *b, *day;
	char                   cur[11];
	const struct decision *d;
	int                    n;
};

/* Adds the waiting submission at s (MDP_ columns) to the list arg (struct pending). */
static void
pending_row(void *arg, sqlite3_stmt *s)
{
	struct pending *p = arg;
	const char     *at = db_text(s, MDP_AT);
	int             i;

	if (p->day == NULL || strncmp(p->cur, at ? at : "", 10) != 0) {
		snprintf(p->cur, sizeof p->cur, "%.10s", at ? at : "");
		p->day = tpl_section(p->b, "DAY");
		tpl_set(p->day, "DATE", p->cur);
	}
	for (i = 0; p->d != NULL && i < p->n && p->d[i].id != db_int64(s, MDP_ID); i++)
		;
	item(tpl_section(p->day, "SUB"), s, p->d != NULL && i < p->n ? &p->d[i] : NULL);
}

/* Lists the page of a of the waiting submissions into b, the form's address with it;
 * d (n of them): the choices of a form that comes back, or NULL.  Returns 0, or -1 when
 * the database failed. */
static int
pending_list(struct ctx *c, tpl_dict *b, struct admin_list *a, const struct decision *d, int n)
{
	struct pending p = { b, NULL, "", d, n };
	struct buf     u = { 0 };

	if (page_admin_list_run(c, b, a, pending_row, &p) < 0)
		return -1;
	tpl_show(b, p.day == NULL ? "NONE" : "APPLY");
	page_admin_list_url(&u, a, ALF__MAX);
	if (a->q.page > 1)
		buf_printf(&u, "%cpage=%lld", strchr(u.p, '?') != NULL ? '&' : '?', a->q.page);
	tpl_set(b, "ACTION", u.p);
	buf_free(&u);
	page_admin_headcount(b, a, "");
	tpl_set(b, "Q", a->q.q);
	return 0;
}

/* Lists the latest published submissions into b. */
static void
published_list(tpl_dict *b)
{
	sqlite3_stmt *s = moderation_stmt(MD_PUBLISHED);
	tpl_dict     *pub = NULL, *it;

	while (db_step(s) == SQLITE_ROW) {
		if (pub == NULL)
			pub = tpl_section(b, "PUBLISHED");
		it = tpl_section(pub, "P");
		tpl_set_int(it, "ID", db_int64(s, MDU_ID));
		tpl_set(it, "WHAT",
		    strcmp(db_text(s, MDU_KIND), "proposal") == 0 ? "Proposta" : "Comentário");
		tpl_set(it, "LABEL", db_text(s, MDU_LABEL));
		tpl_set(it, "OUTCOME", i18n_enum("outcome", db_text(s, MDU_OUTCOME), 0));
		tpl_set(it, "ANSWERED", db_int(s, MDU_ANSWERED) ? "respondida" : "sem resposta");
	}
}

/* Says why nothing was saved (bad decisions; rc -2: a submission changed meanwhile), or
 * what the last POST applied (?done=N). */
static void
outcome_flash(struct ctx *c, int bad, int rc)
{
	char msg[96];

	if (bad > 0)
		page_flash(c, "Nada foi gravado: há decisões por corrigir (assinaladas abaixo).");
	else if (rc == -2)
		page_flash(c,
		    "Nada foi gravado: outra pessoa moderou entretanto alguns destes "
		    "contributos. A lista foi atualizada; reveja e aplique de novo.");
	else if (req_param(c->req, "done") != NULL) {
		snprintf(msg, sizeof msg, "Decisões aplicadas: %.6s. Ficaram no histórico.",
		    req_param(c->req, "done"));
		page_flash(c, msg);
	}
}

int
page_admin_submissions(struct ctx *c)
{
	static struct decision d[AL_PER_PAGE];
	struct admin_list      a;
	tpl_dict              *b;
	char                   loc[96];
	int                    n = 0, bad = 0, rc = 0, post = c->req->method == METHOD_POST;

	if (post) {
		page_admin_list_read(c, NULL, &a, AL_PENDING, "/admin/submissions", "q");
		if (a.bad == 0 && (n = decisions_read(c, &a, d, &bad)) < 0)
			return 503;
		if (a.bad == 0 && bad == 0) {
			if ((rc = apply(c, d, (size_t)n)) == -1)
				return db_failed_set(), 503;
			if (rc >= 0) {
				snprintf(loc, sizeof loc, "/admin/submissions?done=%d", rc);
				return page_redirect(c, loc);
			}
		}
	}
	b = page_admin_body(c, "admin_submissions.tpl", "Contributos dos cidadãos");
	tpl_set(b, "CSRF", c->me->csrf);
	outcome_flash(c, bad, rc);
	page_admin_list_read(c, b, &a, AL_PENDING, "/admin/submissions", "q");
	if (a.bad > 0)
		return 400;
	if (pending_list(c, b, &a, post && rc != -2 ? d : NULL, n) < 0)
		return 503;
	published_list(b);
	return bad > 0 || rc == -2 ? 409 : 200;
}

void
page_admin_submission_panel(struct ctx *c, tpl_dict *b, long long id)
{
	sqlite3_stmt *s = moderation_stmt(MD_PANEL);
	tpl_dict     *p;

	(void)c;
	db_bind_int64(s, 1, id);
	if (db_step(s) == SQLITE_ROW) {
		p = tpl_section(b, "CITIZEN");
		tpl_set(p, "WHAT",
		    strcmp(db_text(s, MDA_KIND), "proposal") == 0 ? "Proposta" : "Comentário");
		tpl_set_int(p, "SID", id);
		tpl_set(p, "STATUS", i18n_enum("sub_status", db_text(s, MDA_STATUS), 0));
		citizen_text(p, s, MDA_CITIZEN);
		tpl_set(p, "TARGET", db_text(s, MDA_TARGET));
		tpl_set(p, "CONFIRMED", db_text(s, MDA_CONFIRMED));
	}
	db_reset(s);
}
