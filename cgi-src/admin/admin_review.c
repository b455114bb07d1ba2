/* Review: focal-point editors approve or return the drafts of member editors.
 * Approving applies the draft through the editing engine, in one transaction with the
 * draft's new status, the revision rows and any evidence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "http/answer.h"
#include "http/req.h"
#include "store/adminlist.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/edit.h"
#include "store/review.h"
#include "admin/admin.h"
#include "view/page.h"

struct draft {
	long long          id;
	long long          staff_id;
	char               author[201];
	const struct kind *kind;
	long long          row_id;
	long long          base_version;
	json_t            *payload;
};

/* Draft fields come from its JSON payload. */
static const char *
json_get(const void *arg, const char *name)
{
	return json_string_value(json_object_get(arg, name));
}

/* Loads pending draft id.  Returns 1, 0 when there is none, -1 on error. */
static int
draft_load(long long id, struct draft *d)
{
	sqlite3_stmt *s = review_stmt(RV_DRAFT);
	int           rc;

	memset(d, 0, sizeof *d);
	db_bind_int64(s, 1, id);
	if ((rc = db_row(s)) == 1) {
		d->id = db_int64(s, RVD_ID);
		d->staff_id = db_int64(s, RVD_STAFF_ID);
		snprintf(d->author, sizeof d->author, "%s", db_text(s, RVD_AUTHOR));
		d->kind = edit_kind(db_text(s, RVD_KIND));
		d->row_id = db_int64(s, RVD_ROW_ID);
		d->base_version = db_int64(s, RVD_BASE_VERSION);
		d->payload = json_loads(db_text(s, RVD_PAYLOAD), 0, NULL);
	}
	db_reset(s);
	if (rc == 1 && (d->kind == NULL || !json_is_object(d->payload))) {
		json_decref(d->payload);
		return -1;
	}
	return rc;
}

/* Runs inside the approval's transaction: the evidence, then the draft's status. */
struct approval {
	const struct draft *d;
	long long           reviewer;
};

static int
approve_extra(sqlite3 *rw, long long row_id, struct edit_change *ch, void *arg)
{
	const struct approval *a = arg;
	const char            *url = json_get(a->d->payload, "evidence_url");
	const char            *sha = json_get(a->d->payload, "evidence_upload");
	const char            *label = json_get(a->d->payload, "evidence_label");

	if (strcmp(a->d->kind->slug, "milestones") == 0 &&
	    edit_add_evidence(rw, row_id, url, sha, label, ch) != 0)
		return -1;
	return review_draft_decide(a->d->id, "approved", a->reviewer, NULL);
}

/* Fills one draft's section: what it changes against the stored row. */
static void
draft_section(
    struct ctx *c, tpl_dict *b, const struct draft *d, const char *when, const char *entity)
{
	struct values cur;
	tpl_dict     *x = tpl_section(b, "DRAFT"), *r;
	const char   *nv;
	char          what[160];
	size_t        i;
	int           have = d->row_id ? edit_load(c->rw, d->kind, d->row_id, &cur) : 0;

	snprintf(what, sizeof what, "%s %s", d->kind->name, d->row_id ? "" : "(novo)");
	if (have == 1 && cur.v[0] != NULL)
		snprintf(what, sizeof what, "%s: %s", d->kind->name, cur.v[0]);
	tpl_set(x, "WHAT", what);
	tpl_set_int(x, "ID", d->id);
	tpl_set(x, "WHO", d->author);
	tpl_set(x, "AT", when);
	tpl_set(x, "CSRF", c->me->csrf);
	if (entity != NULL)
		tpl_set(tpl_section(x, "ENTITY"), "NAME", entity);
	if (have == 1 && cur.version != d->base_version)
		tpl_show(x, "STALE");
	for (i = 0; i < d->kind->nfields; i++) {
		nv = json_get(d->payload, d->kind->fields[i].col);
		if (have == 1 &&
		    ((nv == NULL && cur.v[i] == NULL) ||
			(nv != NULL && cur.v[i] != NULL && strcmp(nv, cur.v[i]) == 0)))
			continue;
		r = tpl_section(x, "DIFF");
		tpl_set(r, "LABEL", d->kind->fields[i].label);
		tpl_set(r, "NOW", have == 1 && cur.v[i] ? cur.v[i] : "(vazio)");
		tpl_set(r, "NEW", nv ? nv : "(vazio)");
	}
	if ((nv = json_get(d->payload, "evidence_url")) != NULL)
		tpl_set(tpl_section(x, "EVIDENCE"), "URL", nv);
	else if ((nv = json_get(d->payload, "evidence_upload")) != NULL) {
		char up[96];
		/* the staff's address: the file is not public before the approval */
		snprintf(up, sizeof up, "/admin/uploads/%.64s/file", nv);
		tpl_set(tpl_section(x, "EVIDENCE"), "URL", up);
	}
	if (have == 1)
		edit_values_free(&cur);
}

/* The review page being filled: the request and the page. */
struct reviews {
	struct ctx *c;
	tpl_dict   *b;
	int         n; /* drafts shown */
};

/* Adds the pending draft at s (ALR_ columns) to the page arg (struct reviews). */
static void
review_row(void *arg, sqlite3_stmt *s)
{
	struct reviews *r = arg;
	struct draft    d;

	if (draft_load(db_int64(s, AL_KEY), &d) != 1)
		return; /* decided meanwhile, or a failure (recorded: the page fails) */
	draft_section(r->c, r->b, &d, db_text(s, ALR_AT), db_text(s, ALR_ENTITY));
	json_decref(d.payload);
	r->n++;
}

int
page_admin_reviews(struct ctx *c)
{
	tpl_dict         *b = page_admin_body(c, "admin_reviews.tpl", "Revisões pendentes");
	struct reviews    r = { c, b, 0 };
	struct admin_list a;

	page_admin_list_read(c, b, &a, AL_REVIEWS, "/admin/reviews", "q");
	tpl_set(b, "Q", a.q.q);
	if (a.bad > 0)
		return 400;
	if (page_admin_list_run(c, b, &a, review_row, &r) < 0)
		return 503;
	page_admin_headcount(b, &a, "");
	if (r.n == 0)
		tpl_show(b, adminlist_filtered(&a.q) ? "NONE_FOUND" : "NONE");
	if (req_param(c->req, "done") != NULL)
		page_flash(c, "Feito.");
	return 200;
}

int
page_admin_review_approve(struct ctx *c)
{
	struct draft    d;
	struct values   v;
	struct approval a = { &d, c->me->id };
	const char     *dberr;
	long long       id;
	int             rc;

	if ((rc = draft_load(c->num, &d)) <= 0)
		return rc == 0 ? (c->error = "ERR_NOT_FOUND", 404) : (db_failed_set(), 503);
	edit_parse(d.kind, json_get, d.payload, &v);
	v.version = d.base_version;
	id = d.row_id;
	rc = v.nerr > 0 ? 2
			: edit_save(c->rw, d.kind, &id, &v, d.staff_id, d.author, c->me->name,
			      approve_extra, &a, &dberr);
	edit_values_free(&v);
	json_decref(d.payload);
	if (rc == 0) {
		auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "draft_approved",
		    d.kind->table, NULL);
		return page_redirect(c, "/admin/reviews?done=1");
	}
	if (rc < 0)
		return db_failed_set(), 503;
	page_admin_reviews(c);
	page_flash(c,
	    rc == 1 ? "Não aprovado: o registo mudou depois da proposta. Devolva-a "
		      "ao editor para que a refaça sobre a versão atual."
		    : "Não aprovado: a proposta "
		      "tem valores que já não são válidos. Devolva-a com um comentário.");
	return 409;
}

int
page_admin_review_return(struct ctx *c)
{
	const char  *comment = req_form(c->req, "comment");
	struct draft d;
	int          rc;

	if ((rc = draft_load(c->num, &d)) <= 0)
		return rc == 0 ? (c->error = "ERR_NOT_FOUND", 404) : (db_failed_set(), 503);
	json_decref(d.payload);
	if (comment == NULL || *comment == '\0' || strlen(comment) > 2000) {
		page_admin_reviews(c);
		page_flash(c, "Para devolver, escreva um comentário (até 2000 carateres).");
		return 400;
	}
	if (review_draft_decide(d.id, "returned", c->me->id, comment) != 0)
		return db_failed_set(), 503;
	auth_audit(
	    c->rw, c->me->id, c->me->login, c->req->remote_addr, "draft_returned", NULL, NULL);
	return page_redirect(c, "/admin/reviews?done=1");
}
