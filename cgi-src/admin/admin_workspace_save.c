/* The saves of the commitment workspace (see admin_workspace.c): several milestones at
 * once (POST /admin/commitments/N/milestones), each changed one written through the
 * editing engine in one transaction under one change id with its evidence, or a member
 * editor's draft of each; a new milestone at the end (.../milestones/new); a move up or
 * down (.../milestones/move). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/answer.h"
#include "http/req.h"
#include "lib/valid.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/edit.h"
#include "store/stmt.h"
#include "admin/admin.h"
#include "admin/admin_edit.h"
#include "admin/admin_workspace.h"

#define EV_NEEDED_HERE \
	ADMIN_EVIDENCE_NEEDED " Dê-a aqui, só para este marco, ou no fim do formulário, " \
			      "para todos os marcos alterados."

/* Returns 1 when the milestone of r is written by the save: the editor changed it and it
 * differs from the stored row. */
static int
row_writes(const struct ws_row *r)
{
	return r->sent && r->touched && r->changed;
}

/* Frees e with its rows' values. */
static void
echo_free(struct ws_echo *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		edit_values_free(&e->row[i].cur);
		edit_values_free(&e->row[i].v);
	}
	edit_values_free(&e->add);
	free(e);
}

/* What the form sent for a milestone: the workspace's fields and the version under its
 * prefix, every other field as stored. */
struct rowget {
	struct ctx          *c;
	const struct kind   *k;
	const struct values *cur;
	char                 prefix[32];
};

/* The value of field name of a milestone's block (edit_parse's reader). */
static const char *
row_get(const void *arg, const char *name)
{
	const struct rowget *g = arg;
	char                 key[96];
	int                  f;

	if (strcmp(name, "version") == 0 || ws_one_of(ws_cols, WS_NCOLS, name)) {
		snprintf(key, sizeof key, "%s%s", g->prefix, name);
		return req_form(g->c->req, key);
	}
	return (f = edit_field(g->k, name)) >= 0 ? g->cur->v[f] : NULL;
}

/* Returns 1 when a field of v differs from the stored row cur. */
static int
differs(const struct kind *k, const struct values *cur, const struct values *v)
{
	size_t i;

	for (i = 0; i < k->nfields; i++)
		if (edit_differ(cur->v[i], v->v[i]))
			return 1;
	return 0;
}

/* Reads what the form sent for milestone r (nothing when its block was not in the form)
 * with the engine's checks: changed, touched, in conflict, its own evidence. */
static void
row_parse(struct ctx *c, const struct kind *k, struct ws_row *r)
{
	struct rowget g = { c, k, &r->cur, "" };
	char          name[64], now[17];

	snprintf(g.prefix, sizeof g.prefix, "m%lld-", r->id);
	snprintf(name, sizeof name, "%sversion", g.prefix);
	if (req_form(c->req, name) == NULL)
		return;
	r->sent = 1;
	edit_parse(k, row_get, &g, &r->v);
	edit_check_stored(k, &r->cur, &r->v);
	r->changed = differs(k, &r->cur, &r->v);
	snprintf(name, sizeof name, "%swas", g.prefix);
	r->was = req_form(c->req, name);
	ws_fingerprint(k, &r->v, now);
	r->touched = r->was == NULL ? r->changed : strcmp(r->was, now) != 0;
	r->conflict = r->touched && r->changed && r->v.version != r->cur.version;
	r->ev_err = admin_evidence_read(c, g.prefix, &r->ev);
}

/* Loads the first WS_MAX milestones of commitment cid into e with what the form sent for
 * each.  Returns 0 or -1. */
static int
echo_load(struct ctx *c, const struct kind *k, long long cid, struct ws_echo *e)
{
	struct msrow  *m;
	struct ws_row *r;
	size_t         n, i;
	int            rc = 0;

	if ((m = ws_list(cid, &n)) == NULL)
		return -1;
	for (i = 0; i < n && i < WS_MAX && rc == 0; i++) {
		r = &e->row[e->n];
		r->id = m[i].id;
		r->position = m[i].position;
		if (edit_load(c->rw, k, r->id, &r->cur) != 1)
			rc = -1;
		else {
			e->n++;
			row_parse(c, k, r);
		}
	}
	free(m);
	return rc;
}

/* The evidence milestone r takes: its own, else (when it is written) the one for all;
 * NULL when none. */
static struct evidence *
row_evidence(struct ws_echo *e, struct ws_row *r)
{
	if (admin_evidence_given(&r->ev))
		return &r->ev;
	if (row_writes(r) && admin_evidence_given(&e->ev))
		return &e->ev;
	return NULL;
}

/* The rules of a save of the workspace: the engine's checks of each changed milestone,
 * its conflict, the evidence rule (its own evidence or the one for all), and an
 * evidence for all that no milestone takes.  Counts the messages in e->nerr; returns the
 * number of milestones the save writes or adds an evidence to. */
static int
ws_check(struct ctx *c, const struct kind *k, struct ws_echo *e)
{
	struct ws_row *r;
	size_t         i;
	int            acts = 0, shared = 0;

	e->ev_err = admin_evidence_read(c, "", &e->ev);
	for (i = 0; i < e->n; i++) {
		r = &e->row[i];
		if (!row_writes(r)) {
			memset(r->v.err, 0, sizeof r->v.err); /* not written: not checked */
			r->v.nerr = r->conflict = 0;
		} else {
			e->nerr += r->v.nerr + r->conflict;
			e->nconflict += r->conflict;
			if (r->ev_err == NULL && !admin_evidence_given(&r->ev)) {
				if (admin_evidence_given(&e->ev))
					shared = 1;
				else if (admin_evidence_needed(k, &r->cur, &r->v))
					r->ev_err = EV_NEEDED_HERE;
			}
		}
		acts += row_writes(r) || admin_evidence_given(&r->ev);
		e->nerr += r->ev_err != NULL;
	}
	if (e->ev_err == NULL && admin_evidence_given(&e->ev) && !shared)
		e->ev_err = "Esta evidência junta-se aos marcos alterados que não têm a sua, e "
			    "não há nenhum.";
	e->nerr += e->ev_err != NULL;
	return acts;
}

/* Stores the documents the save takes (the one for all once, each milestone's own),
 * counting a refused one in e->nerr. */
static void
ws_uploads(struct ctx *c, struct ws_echo *e)
{
	struct ws_row *r;
	size_t         i;

	if (e->ev.file != NULL && (e->ev_err = admin_evidence_store(c, &e->ev)) != NULL)
		e->nerr++;
	for (i = 0; i < e->n; i++) {
		r = &e->row[i];
		if (r->ev.file != NULL && (r->ev_err = admin_evidence_store(c, &r->ev)) != NULL)
			e->nerr++;
	}
}

/* Writes the save of e in one transaction: each changed milestone through the engine
 * under one change id, then its evidence (an evidence alone where only that was given).
 * Returns 0, 1 a conflict (the milestone marked), 2 refused by the database, -1. */
static int
ws_write(struct ctx *c, const struct kind *k, struct ws_echo *e)
{
	struct evidence   *ev;
	struct ws_row     *r;
	const char        *dberr;
	long long          id;
	struct edit_change ch = { 0, c->me->id, c->me->name, NULL }; /* the whole save's */
	size_t             i;
	int                rc = 0;

	if (store_begin(c->rw) != 0)
		return -1;
	for (i = 0; rc == 0 && i < e->n; i++) {
		r = &e->row[i];
		ev = row_evidence(e, r);
		id = r->id;
		if (row_writes(r) &&
		    (rc = edit_save_in(c->rw, k, &id, &r->v, c->me->id, c->me->name, &ch.change_id,
			 &dberr)) == 1) {
			r->conflict = 1;
			e->nconflict++;
			e->nerr++;
		}
		if (rc == 0 && ev != NULL && admin_evidence_insert(c->rw, id, &ch, ev) != 0)
			rc = -1;
	}
	if (rc == 0 && store_commit(c->rw) == 0)
		return 0;
	db_fault(c->rw); /* why it failed, before ROLLBACK forgets it */
	store_rollback(c->rw);
	return rc == 0 ? -1 : rc;
}

/* A member editor's save: one draft per milestone it acts on, each with its evidence,
 * in one transaction.  Returns 0 or -1. */
static int
ws_drafts(struct ctx *c, const struct kind *k, struct ws_echo *e)
{
	static const struct evidence none;
	struct evidence             *ev;
	struct ws_row               *r;
	size_t                       i;
	int                          rc = 0;

	if (store_begin(c->rw) != 0)
		return -1;
	for (i = 0; rc == 0 && i < e->n; i++) {
		r = &e->row[i];
		ev = row_evidence(e, r);
		if (row_writes(r) || ev != NULL)
			rc = admin_draft(
			    c, k, r->id, row_writes(r) ? &r->v : &r->cur, ev != NULL ? ev : &none);
	}
	if (rc == 0 && store_commit(c->rw) == 0)
		return 0;
	db_fault(c->rw);
	store_rollback(c->rw);
	return -1;
}

#define DB_REFUSED \
	"A base de dados recusou a gravação: um valor repete outro registo ou a referência " \
	"não existe."

/* Commits a checked save of commitment cid's milestones (acts of them): drafts for a
 * member editor, else the writes; redirects, or shows the form back.  Returns the
 * status. */
static int
ws_commit(struct ctx *c, const struct kind *k, long long cid, struct ws_echo *e, int acts)
{
	char loc[96];
	int  rc;

	if (c->me->role == ROLE_MEMBER) {
		if (ws_drafts(c, k, e) != 0)
			return db_failed_set(), 503;
		auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "draft",
		    c->req->path, NULL);
		snprintf(loc, sizeof loc, "/admin/commitments/%lld?ws_sent=%d#marcos", cid, acts);
		return page_redirect(c, loc);
	}
	if ((rc = ws_write(c, k, e)) == 0) {
		snprintf(loc, sizeof loc, "/admin/commitments/%lld?ws_saved=%d#marcos", cid, acts);
		return page_redirect(c, loc);
	}
	if (rc < 0)
		return db_failed_set(), 503;
	if (rc == 2)
		e->dberr = DB_REFUSED;
	return admin_commitment_page(c, cid, e, rc == 1 ? 409 : 400);
}

/* 404 unless commitment cid exists; 0 when it does, 503 on error. */
static int
commitment_exists(struct ctx *c, long long cid)
{
	struct values v;
	int           rc = edit_load(c->rw, edit_kind("commitments"), cid, &v);

	if (rc == 1)
		edit_values_free(&v);
	if (rc == 0)
		c->error = "ERR_NOT_FOUND";
	return rc == 1 ? 0 : rc == 0 ? 404 : (db_failed_set(), 503);
}

int
page_admin_ws_save(struct ctx *c)
{
	const struct kind *k = edit_kind("milestones");
	struct ws_echo    *e;
	long long          cid = c->num;
	char               loc[96];
	int                st, acts;

	if ((st = admin_reach(c, cid)) != 0 || (st = commitment_exists(c, cid)) != 0)
		return st;
	if ((e = calloc(1, sizeof *e)) == NULL)
		return db_failed_set(), 503;
	if (echo_load(c, k, cid, e) != 0)
		st = (db_failed_set(), 503);
	else if ((acts = ws_check(c, k, e)), e->nerr == 0 && (ws_uploads(c, e), e->nerr) == 0) {
		snprintf(loc, sizeof loc, "/admin/commitments/%lld?ws_same=1#marcos", cid);
		st = acts == 0 ? page_redirect(c, loc) : ws_commit(c, k, cid, e, acts);
	} else
		st = admin_commitment_page(c, cid, e, e->nconflict > 0 ? 409 : 400);
	echo_free(e);
	return st;
}

/* What the add form sent: its fields, the commitment and the position. */
struct addget {
	struct ctx *c;
	char        cid[24], pos[24];
};

/* The value of field name of a new milestone (edit_parse's reader). */
static const char *
add_get(const void *arg, const char *name)
{
	const struct addget *g = arg;
	char                 key[64];

	if (strcmp(name, "commitment_id") == 0)
		return g->cid;
	if (strcmp(name, "position") == 0)
		return g->pos;
	if (!ws_one_of(ws_add_cols, WS_ADD_NCOLS, name))
		return NULL;
	snprintf(key, sizeof key, WS_ADD_PREFIX "%s", name);
	return req_form(g->c->req, key);
}

/* Creates the checked new milestone of e at the end of commitment cid, or a member
 * editor's draft of it.  Returns the status. */
static int
add_commit(struct ctx *c, const struct kind *k, long long cid, struct ws_echo *e)
{
	static const struct evidence none;
	const char                  *dberr;
	char                         loc[96];
	long long                    id = 0, change = 0, pos;
	int                          rc = -1, f = edit_field(k, "position");

	if (c->me->role == ROLE_MEMBER) {
		if (admin_draft(c, k, 0, &e->add, &none) != 0)
			return db_failed_set(), 503;
		auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "draft",
		    c->req->path, NULL);
		snprintf(loc, sizeof loc, "/admin/commitments/%lld?ws_sent=1#marcos", cid);
		return page_redirect(c, loc);
	}
	if (store_begin(c->rw) != 0)
		return db_failed_set(), 503;
	if ((pos = ws_next_position(cid)) > 0) { /* the last one, inside the transaction */
		snprintf(loc, sizeof loc, "%lld", pos);
		free(e->add.v[f]);
		if ((e->add.v[f] = strdup(loc)) != NULL)
			rc = edit_save_in(
			    c->rw, k, &id, &e->add, c->me->id, c->me->name, &change, &dberr);
	}
	if (rc == 0 && store_commit(c->rw) == 0) {
		snprintf(loc, sizeof loc, "/admin/commitments/%lld?ws_added=1#m%lld", cid, id);
		return page_redirect(c, loc);
	}
	db_fault(c->rw);
	store_rollback(c->rw);
	if (rc != 2)
		return db_failed_set(), 503;
	e->dberr = DB_REFUSED;
	return admin_commitment_page(c, cid, e, 400);
}

int
page_admin_ws_add(struct ctx *c)
{
	const struct kind *k = edit_kind("milestones");
	struct addget      g = { c, "", "" };
	struct ws_echo    *e;
	long long          cid = c->num, pos;
	int                st, pt = edit_field(k, "title_pt"), en = edit_field(k, "title_en");

	if ((st = admin_reach(c, cid)) != 0 || (st = commitment_exists(c, cid)) != 0)
		return st;
	if ((pos = ws_next_position(cid)) < 0 || (e = calloc(1, sizeof *e)) == NULL)
		return db_failed_set(), 503;
	snprintf(g.cid, sizeof g.cid, "%lld", cid);
	snprintf(g.pos, sizeof g.pos, "%lld", pos);
	e->add_sent = 1;
	edit_parse(k, add_get, &g, &e->add);
	edit_check_stored(k, NULL, &e->add);
	if (e->add.v[pt] == NULL && e->add.v[en] == NULL && e->add.err[pt] == NULL) {
		e->add.err[pt] = "Dê um título ao marco, em português ou em inglês.";
		e->add.nerr++;
	}
	if ((e->nerr = e->add.nerr) > 0)
		st = admin_commitment_page(c, cid, e, 400);
	else
		st = add_commit(c, k, cid, e);
	echo_free(e);
	return st;
}

int
page_admin_ws_move(struct ctx *c)
{
	const char *mid_s = req_form(c->req, "milestone"), *dir = req_form(c->req, "dir");
	const char *ver = req_form(c->req, "version");
	long long   cid = c->num, mid, version, change = 0;
	char        loc[96];
	int         st, d, rc;

	if ((st = admin_reach(c, cid)) != 0)
		return st;
	if (c->me->role == ROLE_MEMBER) /* the order is the focal point's to change */
		return c->error = "ERR_FORBIDDEN", 403;
	d = dir == NULL ? 0 : strcmp(dir, "up") == 0 ? -1 : strcmp(dir, "down") == 0 ? 1 : 0;
	if (d == 0 || mid_s == NULL || ver == NULL || valid_int(mid_s, 1, 1LL << 53, &mid) != 0 ||
	    valid_int(ver, 0, 1LL << 53, &version) != 0)
		return c->error = "ERR_BAD_BODY", 400;
	if (store_begin(c->rw) != 0)
		return db_failed_set(), 503;
	rc = ws_move(cid, mid, d, version, c->me->id, c->me->name, &change);
	if (rc == 0 && store_commit(c->rw) == 0) {
		snprintf(loc, sizeof loc, "/admin/commitments/%lld?ws_moved=1#m%lld", cid, mid);
		return page_redirect(c, loc);
	}
	db_fault(c->rw);
	store_rollback(c->rw);
	if (rc <= 0)
		return db_failed_set(), 503;
	if ((st = admin_commitment_page(c, cid, NULL, 409)) == 409)
		page_flash(c,
		    rc == 1 ? "Não foi movido: o marco mudou entretanto (outra pessoa "
			      "gravou-o ou moveu-o). Veja a ordem atual e tente de novo."
			    : "Não foi movido: já é o primeiro ou o último.");
	return st;
}
