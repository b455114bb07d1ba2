/* The admin forms for every kind of record, on top of the editing engine (edit.h):
 * list, create, edit (with the conflict page), delete with a confirmation step.
 * Member editors reach only the commitments (and their milestones) that their body
 * leads or supports, and their saves become drafts that wait for review. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "http/answer.h"
#include "http/req.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/edit.h"
#include "store/review.h"
#include "http/multipart.h"
#include "store/upload.h"
#include "admin/admin.h"
#include "admin/admin_edit.h"
#include "view/form.h"
#include "view/page.h"
#include "lib/valid.h"

/* Form values come from the request's url-encoded body. */
static const char *
form_get(const void *arg, const char *name)
{
	return req_form(arg, name);
}

/* The commitment a record belongs to (commitments and milestones), or 0. */
static long long
commitment_of(const struct kind *k, long long id, const struct values *v)
{
	int f;

	if (strcmp(k->slug, "commitments") == 0)
		return id;
	if (v != NULL && strcmp(k->slug, "milestones") == 0 &&
	    (f = edit_field(k, "commitment_id")) >= 0 && v->v[f] != NULL)
		return strtoll(v->v[f], NULL, 10);
	return 0;
}

/* Refuses (403, logged) a member editor outside its body's records: record id of k
 * itself (v NULL: checked before it is read, by one query that answers alike for a
 * missing record and one of another body), or the commitment that the values v it sends
 * name (a new or moved milestone's).  Returns 0 or 403.
 *
 * One status for both: 403.  The gate already answers a member editor 403 on every
 * page it may never reach whatever the id (reviews, relations, deletion), and a
 * member's scope is the only thing decided here: a 404 for a missing record beside a 403
 * for another body's would tell it which ids exist.  Administrators and focal points,
 * who may see every record, are not refused here and still get 404 for a missing one. */
static int
object_check(struct ctx *c, const struct kind *k, long long id, const struct values *v)
{
	long long body = c->me->entity_id;

	if (c->me->role != ROLE_MEMBER)
		return 0;
	if (k->member &&
	    (v != NULL ? review_member_owns(commitment_of(k, id, v), body)
		       : review_member_reaches(k->slug, id, body)))
		return 0;
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "forbidden", c->req->path,
	    "member editor outside its body");
	c->error = "ERR_FORBIDDEN";
	return 403;
}

int
admin_reach(struct ctx *c, long long cid)
{
	return object_check(c, edit_kind("commitments"), cid, NULL);
}

/* Finds the kind named in the path; sets c->error when there is none. */
static const struct kind *
kind_of(struct ctx *c)
{
	const struct kind *k = edit_kind(c->arg[0]);

	if (k == NULL)
		c->error = "ERR_NOT_FOUND";
	return k;
}

/* What a form page shows besides the fields. */
struct formpage {
	long long             id;       /* 0 for a new record */
	const struct values  *conflict; /* the stored values, after a conflict */
	const char           *dberr;    /* what the database refused */
	const char           *ev_err;   /* the evidence message */
	const struct ws_echo *ws;       /* a commitment's refused save of its milestones */
	const struct values  *stored;   /* the stored row (NULL: new, or deleted since) */
};

/* The public page of a record, when it has one. */
static void
public_link(const struct kind *k, const struct values *v, tpl_dict *b, int relations)
{
	char href[128] = "";
	int  f;

	if (strcmp(k->slug, "commitments") == 0 && v->v[f = edit_field(k, "ogp_id")] != NULL)
		snprintf(href, sizeof href, "/pt/commitments/%s", v->v[f]);
	else if (strcmp(k->slug, "plans") == 0 && v->v[f = edit_field(k, "number")] != NULL)
		snprintf(href, sizeof href, "/pt/plans/%s", v->v[f]);
	else if (strcmp(k->slug, "entities") == 0 && v->v[f = edit_field(k, "slug")] != NULL)
		snprintf(href, sizeof href, "/pt/members/%s", v->v[f]);
	if (href[0] != '\0') {
		tpl_dict *p = tpl_section(b, "PUBLIC");
		tpl_set(p, "HREF", href);
		if (relations && strcmp(k->slug, "commitments") == 0)
			tpl_show(p, "RELATIONS");
	}
}

/* Renders the form of k with v; returns status. */
static int
form_page(struct ctx *c, const struct kind *k, const struct values *v, const struct formpage *fp,
    int status)
{
	tpl_dict *b, *d;
	char      heading[160], action[96];
	size_t    i;

	snprintf(heading, sizeof heading, "%s %s", fp->id ? "Editar" : "Novo registo:", k->name);
	b = page_admin_body(c, "admin_form.tpl", heading);
	tpl_set(b, "HEADING", heading);
	tpl_set(b, "KIND", k->slug);
	tpl_set(b, "PLURAL", k->plural);
	tpl_set(b, "CSRF", c->me->csrf);
	tpl_set_int(b, "ID", fp->id);
	if (fp->id)
		snprintf(action, sizeof action, "/admin/%s/%lld", k->slug, fp->id);
	else
		snprintf(action, sizeof action, "/admin/%s/new", k->slug);
	tpl_set(b, "ACTION", action);
	tpl_set(b, "ENCTYPE",
	    strcmp(k->slug, "milestones") == 0 ? "multipart/form-data"
					       : "application/x-www-form-urlencoded");
	tpl_set(b, "SUBMIT", c->me->role == ROLE_MEMBER ? "Enviar para revisão" : "Gravar");
	if (c->me->role == ROLE_MEMBER)
		tpl_show(b, "DRAFT_NOTE");
	else if (fp->id && k->deletable)
		tpl_show(b, "CAN_DELETE");
	public_link(k, v, b, c->me->role != ROLE_MEMBER && fp->id != 0);
	page_admin_sources_link(c, b, k->slug, fp->id);
	if (k->moderated)
		page_admin_submission_panel(c, b, fp->id);
	edit_form(c->rw, k, v, b);
	if (strcmp(k->slug, "milestones") == 0) {
		d = tpl_section(b, "EVIDENCE");
		tpl_set(d, "EV_URL", req_form(c->req, "evidence_url"));
		tpl_set(d, "EV_LABEL", req_form(c->req, "evidence_label"));
		if (fp->ev_err != NULL)
			tpl_set(tpl_section(d, "EV_ERROR"), "TEXT", fp->ev_err);
	}
	if (v->nerr > 0 || fp->dberr != NULL || fp->ev_err != NULL) {
		d = tpl_section(b, "ERRORS");
		tpl_set_int(d, "N", v->nerr + (fp->ev_err != NULL));
		if (fp->dberr != NULL)
			tpl_set(tpl_section(d, "DBERR"), "TEXT", fp->dberr);
	}
	if (strcmp(k->slug, "commitments") == 0 && fp->id != 0)
		page_admin_workspace(c, b, fp->id,
		    fp->stored != NULL ? fp->stored->v[edit_field(k, "ogp_id")] : NULL, fp->ws);
	if (fp->conflict != NULL) {
		d = tpl_section(b, "CONFLICT");
		for (i = 0; i < k->nfields; i++)
			admin_conflict_row(d, k, (int)i, fp->conflict, v);
	}
	return status;
}

void
admin_conflict_row(tpl_dict *d, const struct kind *k, int f, const struct values *theirs,
    const struct values *yours)
{
	const char *a = theirs->v[f], *y = yours->v[f];
	tpl_dict   *r;

	if (!edit_differ(a, y))
		return;
	r = tpl_section(d, "DIFF");
	tpl_set(r, "LABEL", k->fields[f].label);
	tpl_set(r, "THEIRS", a ? a : "(vazio)");
	tpl_set(r, "YOURS", y ? y : "(vazio)");
}

int
admin_evidence_insert(sqlite3 *rw, long long id, struct edit_change *ch, void *arg)
{
	const struct evidence *e = arg;

	return edit_add_evidence(rw, id, e->url, e->sha, e->label, ch);
}

const char *
admin_evidence_read(struct ctx *c, const char *prefix, struct evidence *e)
{
	char        name[96];
	const char *lbl;

	snprintf(name, sizeof name, "%sevidence_url", prefix);
	e->url = req_form(c->req, name);
	if (e->url != NULL && *e->url == '\0')
		e->url = NULL;
	e->sha[0] = '\0';
	snprintf(name, sizeof name, "%sevidence_file", prefix);
	e->file = multipart_get(c->req->parts, c->req->nparts, name);
	if (e->file != NULL && (!e->file->has_filename || e->file->len == 0))
		e->file = NULL;
	snprintf(name, sizeof name, "%sevidence_label", prefix);
	lbl = req_form(c->req, name);
	e->label = lbl != NULL && *lbl != '\0' && strlen(lbl) <= 300 && valid_utf8(lbl, strlen(lbl))
	    ? lbl
	    : NULL;
	if (e->url != NULL && !valid_http_url(e->url))
		return "Endereço da evidência inválido: só http:// ou https://.";
	return NULL;
}

int
admin_evidence_given(const struct evidence *e)
{
	return e->url != NULL || e->file != NULL;
}

int
admin_evidence_needed(const struct kind *k, const struct values *old, const struct values *v)
{
	int st = edit_field(k, "status"), pr = edit_field(k, "progress");

	return edit_differ(old ? old->v[st] : NULL, v->v[st]) ||
	    edit_differ(old ? old->v[pr] : NULL, v->v[pr]);
}

const char *
admin_upload_store(struct ctx *c, const struct mpart *file, char sha[65])
{
	const char *why = NULL;

	if (upload_store(c->rw, upload_dir(), file->data, file->len, file->filename, c->me->id, sha,
		&why) != 0)
		return why != NULL ? why : "Não foi possível guardar o documento.";
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "upload", sha, NULL);
	return NULL;
}

const char *
admin_evidence_store(struct ctx *c, struct evidence *e)
{
	return e->file != NULL ? admin_upload_store(c, e->file, e->sha) : NULL;
}

/* The evidence rule: a milestone's status or progress changes only with evidence.  The
 * date of a figure is the one the editor gives with how it is known (editcheck.c), never
 * the day of the edit.  Returns NULL or the message for the evidence field. */
static const char *
evidence_rule(struct ctx *c, const struct kind *k, const struct values *old, struct values *v,
    struct evidence *e)
{
	const char *bad = admin_evidence_read(c, "", e);

	if (strcmp(k->slug, "milestones") != 0)
		return NULL;
	if (bad != NULL)
		return bad;
	if (admin_evidence_needed(k, old, v) && !admin_evidence_given(e))
		return ADMIN_EVIDENCE_NEEDED;
	return NULL;
}

/* A body cannot belong to itself, nor to a body that belongs to it. */
static void
parent_rule(const struct kind *k, long long id, struct values *v)
{
	int       f = edit_field(k, "parent_id");
	long long parent;

	if (f < 0 || id == 0 || v->v[f] == NULL || v->err[f] != NULL ||
	    valid_int(v->v[f], 1, 1LL << 53, &parent) != 0 || edit_parent_loop(id, parent) != 1)
		return;
	v->err[f] = "Uma entidade não pode pertencer a si própria nem a uma entidade que "
		    "dela faz parte.";
	v->nerr++;
}

int
admin_draft(struct ctx *c, const struct kind *k, long long id, const struct values *v,
    const struct evidence *e)
{
	json_t *o = json_object();
	char   *payload = NULL;
	size_t  i;
	int     rc = -1;

	if (o == NULL)
		return -1;
	for (i = 0; i < k->nfields; i++)
		json_object_set_new(
		    o, k->fields[i].col, v->v[i] ? json_string(v->v[i]) : json_null());
	if (e->url != NULL)
		json_object_set_new(o, "evidence_url", json_string(e->url));
	if (e->sha[0] != '\0')
		json_object_set_new(o, "evidence_upload", json_string(e->sha));
	if (e->label != NULL)
		json_object_set_new(o, "evidence_label", json_string(e->label));
	if ((payload = json_dumps(o, JSON_COMPACT)) != NULL)
		rc = review_draft_add(c->me->id, k->slug, id, v->version, payload);
	free(payload);
	json_decref(o);
	return rc;
}

/* Handles a submitted form for row id (0: new).  old is the stored row or NULL. */
static int
submit(struct ctx *c, const struct kind *k, long long id, const struct values *old)
{
	struct values   v, cur;
	struct formpage fp = { id, NULL, NULL, NULL, NULL, old };
	struct evidence e;
	const char     *dberr;
	char            loc[96];
	int             rc, st;

	if (id != 0 && req_form(c->req, "version") == NULL) {
		c->error = "ERR_BAD_BODY"; /* a form always carries the version it was opened on */
		return 400;
	}
	edit_parse(k, form_get, c->req, &v);
	edit_check_stored(k, old, &v);
	parent_rule(k, id, &v);
	fp.ev_err = evidence_rule(c, k, old, &v, &e);
	if (c->me->role == ROLE_MEMBER && object_check(c, k, id, &v) != 0) {
		edit_values_free(&v);
		return 403;
	}
	if (v.nerr == 0 && fp.ev_err == NULL)
		fp.ev_err = admin_evidence_store(c, &e);
	if (v.nerr > 0 || fp.ev_err != NULL) {
		st = form_page(c, k, &v, &fp, 400);
		edit_values_free(&v);
		return st;
	}
	if (c->me->role == ROLE_MEMBER) {
		rc = admin_draft(c, k, id, &v, &e);
		edit_values_free(&v);
		if (rc != 0)
			return db_failed_set(), 503;
		auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "draft",
		    c->req->path, NULL);
		snprintf(loc, sizeof loc, "/admin/%s?sent=1", k->slug);
		return page_redirect(c, loc);
	}
	rc = edit_save(c->rw, k, &id, &v, c->me->id, c->me->name, NULL,
	    strcmp(k->slug, "milestones") == 0 ? admin_evidence_insert : NULL, &e, &dberr);
	if (rc == 0) {
		edit_values_free(&v);
		snprintf(loc, sizeof loc, "/admin/%s/%lld?saved=1", k->slug, id);
		return page_redirect(c, loc);
	}
	if (rc == 1 && edit_load(c->rw, k, id, &cur) == 1) {
		fp.conflict = fp.stored = &cur;
		v.version = cur.version; /* saving again applies the merge */
		st = form_page(c, k, &v, &fp, 409);
		edit_values_free(&cur);
	} else if (rc == 1 || rc == 2) {
		if (rc == 1)
			fp.stored = NULL; /* deleted by another */
		fp.dberr = rc == 1
		    ? "O registo foi apagado por outra pessoa."
		    : "A base de dados recusou a gravação: um valor repete outro registo "
		      "(por exemplo, o identificador) ou a referência não existe.";
		st = form_page(c, k, &v, &fp, rc == 1 ? 409 : 400);
	} else
		st = (db_failed_set(), 503);
	edit_values_free(&v);
	return st;
}

int
page_admin_new(struct ctx *c)
{
	const struct kind *k = kind_of(c);
	struct values      v;
	struct formpage    fp = { 0, NULL, NULL, NULL, NULL, NULL };
	int                st;

	if (k == NULL || k->moderated)
		return c->error = "ERR_NOT_FOUND", 404; /* citizens' rows come from them */
	if (c->me->role == ROLE_MEMBER && strcmp(k->slug, "milestones") != 0)
		return object_check(c, k, 0, NULL);
	if (c->req->method == METHOD_POST)
		return submit(c, k, 0, NULL);
	memset(&v, 0, sizeof v);
	st = form_page(c, k, &v, &fp, 200);
	return st;
}

int
page_admin_edit(struct ctx *c)
{
	const struct kind *k = kind_of(c);
	struct values      old;
	struct formpage    fp = { c->num, NULL, NULL, NULL, NULL, &old };
	int                st;

	if (k == NULL)
		return 404;
	if (object_check(c, k, c->num, NULL) != 0) /* before the record is read */
		return 403;
	if ((st = edit_load(c->rw, k, c->num, &old)) <= 0) {
		c->error = "ERR_NOT_FOUND";
		return st == 0 ? 404 : (db_failed_set(), 503);
	}
	if (c->req->method == METHOD_POST)
		st = submit(c, k, c->num, &old);
	else {
		st = form_page(c, k, &old, &fp, 200);
		if (req_param(c->req, "saved") != NULL)
			page_flash(
			    c, "Gravado. A alteração já está na página pública e no histórico.");
	}
	edit_values_free(&old);
	return st;
}

int
admin_commitment_page(struct ctx *c, long long cid, const struct ws_echo *echo, int status)
{
	const struct kind *k = edit_kind("commitments");
	struct values      old;
	struct formpage    fp = { cid, NULL, NULL, NULL, echo, &old };
	int                st;

	if ((st = edit_load(c->rw, k, cid, &old)) <= 0) {
		c->error = "ERR_NOT_FOUND";
		return st == 0 ? 404 : (db_failed_set(), 503);
	}
	st = form_page(c, k, &old, &fp, status);
	edit_values_free(&old);
	return st;
}

int
page_admin_delete(struct ctx *c)
{
	const struct kind *k = kind_of(c);
	struct values      old;
	const char        *dberr, *ver = req_form(c->req, "version");
	long long          version = -1;
	tpl_dict          *b;
	char               loc[64];
	int                st, rc = 0;

	if (k == NULL || !k->deletable)
		return c->error = "ERR_NOT_FOUND", 404;
	if ((st = edit_load(c->rw, k, c->num, &old)) <= 0)
		return c->error = "ERR_NOT_FOUND", st == 0 ? 404 : (db_failed_set(), 503);
	if (c->req->method == METHOD_POST) {
		if (ver == NULL || valid_int(ver, 0, 1LL << 53, &version) != 0)
			version = -1;
		rc = edit_delete(c->rw, k, c->num, version, c->me->id, c->me->name, &dberr);
		if (rc == 0) {
			edit_values_free(&old);
			snprintf(loc, sizeof loc, "/admin/%s?deleted=1", k->slug);
			return page_redirect(c, loc);
		}
		if (rc < 0) {
			edit_values_free(&old);
			return db_failed_set(), 503;
		}
	}
	b = page_admin_body(c, "admin_delete.tpl", "Apagar");
	tpl_set(b, "KIND", k->slug);
	tpl_set(b, "PLURAL", k->plural);
	tpl_set(b, "NAME", k->name);
	tpl_set_int(b, "ID", c->num);
	tpl_set_int(b, "VERSION", old.version);
	tpl_set(b, "CSRF", c->me->csrf);
	tpl_set(b, "LABEL", old.v[0] ? old.v[0] : "");
	if (rc == 1)
		tpl_set(tpl_section(b, "ERROR"), "TEXT",
		    "O registo mudou entretanto; "
		    "confirme de novo.");
	else if (rc == 2)
		tpl_set(tpl_section(b, "ERROR"), "TEXT",
		    "Não é possível apagar: há registos "
		    "que dependem deste (por exemplo, os compromissos de um plano).");
	edit_values_free(&old);
	return rc == 0 ? 200 : 409;
}
