/* Moderation of what citizens send: one page lists the submissions waiting (confirmed by
 * email), by day, each with publish / reject with a public reason / spam; several are
 * decided at once, in one transaction, and every decision goes into the revision log.
 * Published proposals are answered through the editing engine (kind "submissions":
 * status, the commitment it became, the official answer in PT and EN). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/cache.h"
#include "store/db.h"
#include "store/edit.h"
#include "view/i18n.h"
#include "view/page.h"
#include "lib/valid.h"

#define MOD_MAX		500	/* submissions listed (and decided) on one page */
#define REASON_MAX	1000	/* bytes of a public reason, per language */

/* What the moderator chose for one submission. */
struct decision {
	long long	 id;
	long long	 version;
	const char	*action;	/* "publish", "reject", "spam", or NULL: not yet */
	const char	*reason_pt, *reason_en;
	const char	*err;
};

/* Reads form field name<id> (NULL when absent or empty). */
static const char *
per_row(struct ctx *c, const char *name, long long id)
{
	char		 k[48];
	const char	*v;

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
	const char	*p;

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
log_decision(struct ctx *c, long long *change, const struct decision *d,
    const char *status)
{
	if (edit_revision(c->rw, change, c->me->id, c->me->name, "submission", d->id,
	    "update", "status", "pending", status) != 0)
		return -1;
	if (strcmp(status, "rejected") != 0)
		return 0;
	if (d->reason_pt != NULL && edit_revision(c->rw, change, c->me->id, c->me->name,
	    "submission", d->id, "update", "reason_pt", NULL, d->reason_pt) != 0)
		return -1;
	if (d->reason_en != NULL && edit_revision(c->rw, change, c->me->id, c->me->name,
	    "submission", d->id, "update", "reason_en", NULL, d->reason_en) != 0)
		return -1;
	return 0;
}

/* Applies the decisions in one transaction, with one revision change.  Returns the
 * number applied, -1 on a database error, -2 when a row changed meanwhile. */
static int
apply(struct ctx *c, struct decision *d, size_t n)
{
	sqlite3_stmt	*s = NULL;
	long long	 change = 0;
	const char	*status;
	size_t		 i;
	int		 done = 0, rc = 0, rejected, ok;

	if (sqlite3_exec(c->rw, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(c->rw, "UPDATE submission SET status = ?2, reason_pt = ?3, "
	    "reason_en = ?4, moderated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
	    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), version = version + 1 "
	    "WHERE id = ?1 AND version = ?5 AND status = 'pending'", -1, &s, NULL) != SQLITE_OK)
		rc = -1;
	for (i = 0; rc == 0 && i < n; i++) {
		if (d[i].action == NULL)
			continue;
		status = status_of(d[i].action);
		rejected = strcmp(status, "rejected") == 0;
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, d[i].id);
		sqlite3_bind_text(s, 2, status, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, rejected ? d[i].reason_pt : NULL, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, rejected ? d[i].reason_en : NULL, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 5, d[i].version);
		ok = sqlite3_step(s) == SQLITE_DONE;
		if (ok && sqlite3_changes(c->rw) != 1)
			rc = -2;	/* moderated by someone else meanwhile */
		else if (!ok || log_decision(c, &change, &d[i], status) != 0)
			rc = -1;
		else
			done++;
	}
	sqlite3_finalize(s);
	if (rc == 0 && sqlite3_exec(c->rw, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
		cache_invalidate(c->rw);
		return done;
	}
	db_fault(c->rw);
	sqlite3_exec(c->rw, "ROLLBACK", NULL, NULL, NULL);
	return rc == -2 ? -2 : -1;
}

/* Fills what the citizen wrote into d from columns i.. of s: author, organisation,
 * title, problem, body. */
static void
citizen_text(tpl_dict *d, sqlite3_stmt *s, int i)
{
	tpl_set(d, "AUTHOR", db_text(s, i));
	if (db_text(s, i + 1) != NULL)
		tpl_set(tpl_section(d, "ORG"), "ORGANISATION", db_text(s, i + 1));
	if (db_text(s, i + 2) != NULL)
		tpl_set(tpl_section(d, "HAS_TITLE"), "TITLE", db_text(s, i + 2));
	if (db_text(s, i + 3) != NULL)
		page_paragraphs(tpl_section(d, "HAS_PROBLEM"), "PROBLEM_P", db_text(s, i + 3));
	page_paragraphs(d, "BODY_P", db_text(s, i + 4));
}

/* Fills one pending submission of the list (a row of the statement below). */
static void
item(struct ctx *c, tpl_dict *it, sqlite3_stmt *s, const struct decision *d)
{
	long long	 id = sqlite3_column_int64(s, 0);

	tpl_set_int(it, "ID", id);
	tpl_set_int(it, "VERSION", sqlite3_column_int64(s, 1));
	tpl_set(it, "WHAT", strcmp(db_text(s, 2), "proposal") == 0 ? "Proposta" : "Comentário");
	citizen_text(it, s, 3);
	tpl_set(it, "TARGET", db_text(s, 8));
	tpl_set(it, "AT", db_text(s, 9));
	tpl_set(it, "LANG_SUB", db_text(s, 10));
	if (d != NULL) {	/* the choices of a form that comes back */
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
	(void)c;
}

#define PENDING_SQL "SELECT s.id, s.version, s.kind, s.author, s.organisation, s.title, " \
	"s.problem, s.body, CASE WHEN s.consultation_id IS NOT NULL THEN 'consulta ' || " \
	"s.consultation_id || ' — ' || coalesce(k.title_pt, k.title_en, '') ELSE " \
	"'compromisso ' || c.ogp_id END, s.confirmed_at, s.lang FROM submission s " \
	"LEFT JOIN consultation k ON k.id = s.consultation_id LEFT JOIN commitment c ON " \
	"c.id = s.commitment_id WHERE s.status = 'pending' ORDER BY s.confirmed_at, s.id LIMIT 500"

int
page_admin_submissions(struct ctx *c)
{
	static struct decision	 d[MOD_MAX];
	sqlite3_stmt		*s;
	tpl_dict		*b, *day = NULL, *it, *pub = NULL;
	char			 cur[11] = "", flash[96];
	size_t			 n = 0, i;
	int			 bad = 0, rc = 0, post = c->req->method == METHOD_POST;

	if (post) {
		if (sqlite3_prepare_v2(c->rw, "SELECT id FROM submission WHERE status = "
		    "'pending' ORDER BY confirmed_at, id LIMIT 500", -1, &s, NULL) != SQLITE_OK)
			return db_failed_set(), 503;
		while (n < MOD_MAX && sqlite3_step(s) == SQLITE_ROW) {
			memset(&d[n], 0, sizeof d[n]);
			d[n].id = sqlite3_column_int64(s, 0);
			d[n].action = per_row(c, "a", d[n].id);
			d[n].reason_pt = per_row(c, "rp", d[n].id);
			d[n].reason_en = per_row(c, "re", d[n].id);
			if (per_row(c, "v", d[n].id) == NULL || valid_int(per_row(c, "v", d[n].id),
			    1, 1LL << 53, &d[n].version) != 0)
				d[n].action = NULL;	/* not on the page the moderator saw */
			if (d[n].action != NULL && strcmp(d[n].action, "keep") == 0)
				d[n].action = NULL;
			if (d[n].action != NULL && strcmp(d[n].action, "publish") != 0 &&
			    strcmp(d[n].action, "reject") != 0 && strcmp(d[n].action, "spam") != 0)
				d[n].err = "Decisão desconhecida.";
			else if (d[n].action != NULL && strcmp(d[n].action, "reject") == 0 &&
			    d[n].reason_pt == NULL && d[n].reason_en == NULL)
				d[n].err = "Uma rejeição precisa de um motivo público (PT ou EN).";
			else if (!reason_ok(d[n].reason_pt) || !reason_ok(d[n].reason_en))
				d[n].err = "O motivo é demasiado longo (1000 carateres) ou tem "
				    "carateres inválidos.";
			bad += d[n].err != NULL;
			n++;
		}
		sqlite3_finalize(s);
		if (bad == 0) {
			rc = apply(c, d, n);
			if (rc == -1)
				return db_failed_set(), 503;
			if (rc >= 0) {
				snprintf(flash, sizeof flash, "/admin/submissions?done=%d", rc);
				return page_redirect(c, flash);
			}
		}
	}
	b = page_admin_body(c, "admin_submissions.tpl", "Contributos dos cidadãos");
	tpl_set(b, "CSRF", c->me->csrf);
	if (bad > 0)
		page_flash(c, "Nada foi gravado: há decisões por corrigir (assinaladas abaixo).");
	else if (rc == -2)
		page_flash(c, "Nada foi gravado: outra pessoa moderou entretanto alguns destes "
		    "contributos. A lista foi atualizada; reveja e aplique de novo.");
	else if (req_param(c->req, "done") != NULL) {
		snprintf(flash, sizeof flash, "Decisões aplicadas: %.6s. Ficaram no histórico.",
		    req_param(c->req, "done"));
		page_flash(c, flash);
	}
	if (sqlite3_prepare_v2(c->rw, PENDING_SQL, -1, &s, NULL) != SQLITE_OK)
		return db_failed_set(), 503;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *at = db_text(s, 9);
		if (day == NULL || strncmp(cur, at ? at : "", 10) != 0) {
			snprintf(cur, sizeof cur, "%.10s", at ? at : "");
			day = tpl_section(b, "DAY");
			tpl_set(day, "DATE", cur);
		}
		it = tpl_section(day, "SUB");
		for (i = 0; i < n && d[i].id != sqlite3_column_int64(s, 0); i++)
			;
		item(c, it, s, post && rc != -2 && i < n ? &d[i] : NULL);
	}
	sqlite3_finalize(s);
	if (day == NULL)
		tpl_show(b, "NONE");
	else
		tpl_show(b, "APPLY");
	if (sqlite3_prepare_v2(c->rw, "SELECT s.id, s.kind, coalesce(s.title, substr(s.body, "
	    "1, 80)), s.outcome, s.answer_pt IS NOT NULL OR s.answer_en IS NOT NULL FROM "
	    "submission s WHERE s.status = 'published' ORDER BY s.id DESC LIMIT 200", -1, &s,
	    NULL) != SQLITE_OK)
		return db_failed_set(), 503;
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (pub == NULL)
			pub = tpl_section(b, "PUBLISHED");
		it = tpl_section(pub, "P");
		tpl_set_int(it, "ID", sqlite3_column_int64(s, 0));
		tpl_set(it, "WHAT", strcmp(db_text(s, 1), "proposal") == 0 ? "Proposta" :
		    "Comentário");
		tpl_set(it, "LABEL", db_text(s, 2));
		tpl_set(it, "OUTCOME", i18n_enum("outcome", db_text(s, 3), 0));
		tpl_set(it, "ANSWERED", sqlite3_column_int(s, 4) ? "respondida" : "sem resposta");
	}
	sqlite3_finalize(s);
	return bad > 0 || rc == -2 ? 409 : 200;
}

void
page_admin_submission_panel(struct ctx *c, tpl_dict *b, long long id)
{
	sqlite3_stmt	*s;
	tpl_dict	*p;

	if (sqlite3_prepare_v2(c->rw, "SELECT s.kind, s.status, s.author, s.organisation, "
	    "s.title, s.problem, s.body, CASE WHEN s.consultation_id IS NOT NULL THEN "
	    "'consulta ' || s.consultation_id || ' — ' || coalesce(k.title_pt, k.title_en, '') "
	    "ELSE 'compromisso ' || c.ogp_id END, coalesce(s.confirmed_at, '—') FROM "
	    "submission s LEFT JOIN consultation k ON k.id = s.consultation_id LEFT JOIN "
	    "commitment c ON c.id = s.commitment_id WHERE s.id = ?1", -1, &s, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		p = tpl_section(b, "CITIZEN");
		tpl_set(p, "WHAT", strcmp(db_text(s, 0), "proposal") == 0 ? "Proposta" :
		    "Comentário");
		tpl_set_int(p, "SID", id);
		tpl_set(p, "STATUS", i18n_enum("sub_status", db_text(s, 1), 0));
		citizen_text(p, s, 2);
		tpl_set(p, "TARGET", db_text(s, 7));
		tpl_set(p, "CONFIRMED", db_text(s, 8));
	}
	sqlite3_finalize(s);
}
