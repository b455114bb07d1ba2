/* The sources and evidence of a plan, a commitment, a milestone, a body or an event
 * (store/sources.h): /admin/<kind>/N/sources lists them in order with what the link
 * checker last found and the archived copy, adds one (a milestone's evidence may be an
 * uploaded document) and reorders them; /admin/sources/L corrects one, and
 * /admin/sources/L/delete removes one after a confirmation.  Each change is one
 * transaction with its revision rows, refused when another editor changed the link (or
 * the order) since the page was shown.  Member editors' proposals (drafts) carry the
 * fields of one record and a milestone's new evidence, not the links' corrections, so
 * these pages are the focal point's: a member editor is refused (403) with where to put
 * a milestone's evidence instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/answer.h"
#include "http/multipart.h"
#include "http/req.h"
#include "lib/domains.h"
#include "lib/valid.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/editfields.h"
#include "store/sources.h"
#include "store/upload.h"
#include "admin/admin.h"
#include "admin/admin_edit.h"
#include "view/page.h"

/* The fields of a link's forms, each checked by the editing engine's rule of its type;
 * the document of a milestone's evidence comes last (a file, checked by upload_store). */
enum { LF_KIND, LF_URL, LF_PT, LF_EN, LF_FILE, LF__MAX };
static const struct field fields[LF_FILE] = {
	{ "kind", "Tipo de ligação", F_ENUM, 1, 0, DOM_LINK_KIND, REF_NONE },
	{ "url", "Endereço", F_URL, 0, SRC_URL_MAX, DOM__MAX, REF_NONE },
	{ "label_pt", "Texto da ligação (PT)", F_TEXT, 0, SRC_LABEL_MAX, DOM__MAX, REF_NONE },
	{ "label_en", "Texto da ligação (EN)", F_TEXT, 0, SRC_LABEL_MAX, DOM__MAX, REF_NONE },
};

/* A submitted link form: its values (tidy, malloc'd; NULL: empty), the message of each
 * field, the document of a milestone's evidence and its digest once stored. */
struct lform {
	char               *v[LF_FILE];
	const char         *err[LF__MAX];
	int                 nerr;
	const struct mpart *file;
	char                sha[65];
};

/* What a correction or removal page shows besides the link. */
struct pageopts {
	const struct lform    *f;      /* the values sent, or NULL: the stored ones */
	const struct src_link *theirs; /* the link as another editor left it, or NULL */
	int                    gone;   /* 1: another editor removed it */
};

/* Refuses a member editor (403, audited) with a page that says where a milestone's
 * evidence goes instead.  Returns 1 when refused. */
static int
refused(struct ctx *c)
{
	if (c->me->role != ROLE_MEMBER)
		return 0;
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "forbidden", c->req->path,
	    "member editor: sources and evidence are the focal point's");
	tpl_show(page_admin_body(c, "admin_sources.tpl", "Fontes e evidências"), "DENIED");
	return 1;
}

/* Sets message msg on field i of f unless it has one. */
static void
lform_err(struct lform *f, int i, const char *msg)
{
	if (f->err[i] != NULL)
		return;
	f->err[i] = msg;
	f->nerr++;
}

/* Reads the link fields of the request into f, each checked by its type (the address
 * only when url is 1: an uploaded document keeps its own); kind must be one owner kind
 * o may have, or kept, the link's kind now (NULL for a new link). */
static void
lform_read(struct ctx *c, const struct src_owner *o, const char *kept, int url, struct lform *f)
{
	const char *m;
	int         i;

	memset(f, 0, sizeof *f);
	for (i = 0; i < LF_FILE; i++) {
		if (i == LF_URL && !url)
			continue;
		f->v[i] = edit_tidy(req_form(c->req, fields[i].col));
		if ((m = edit_check_value(&fields[i], &f->v[i])) != NULL)
			lform_err(f, i, m);
	}
	if (f->err[LF_KIND] == NULL && !sources_kind_ok(o, f->v[LF_KIND]) &&
	    (kept == NULL || strcmp(kept, f->v[LF_KIND]) != 0))
		lform_err(f, LF_KIND, "Este tipo de ligação não se usa aqui: escolha um da lista.");
}

/* Frees the values of f. */
static void
lform_free(struct lform *f)
{
	int i;

	for (i = 0; i < LF_FILE; i++)
		free(f->v[i]);
}

/* The Portuguese name of a link kind. */
static const char *
kind_label(const char *kind)
{
	const char *l = domain_label("link_kind", kind, 0);

	return l != NULL ? l : kind;
}

/* One option of the kind list d: code v, selected when it is sel. */
static void
kind_option(tpl_dict *d, const char *v, const char *sel)
{
	tpl_dict *k = tpl_section(d, "KIND");

	tpl_set(k, "V", v);
	tpl_set(k, "L", kind_label(v));
	if (sel != NULL && strcmp(sel, v) == 0)
		tpl_show(k, "SEL");
}

/* Fills the fields (admin_sources_fields.tpl, ids prefixed by p) into include FIELDS of
 * b: the kinds o may have (and kept, the link's kind now), the values vals (an address
 * field when url is 1, a document field when upload is 1) and the messages errs (NULL:
 * none).  focus: the address field takes the focus. */
static void
fill_fields(tpl_dict *b, const struct src_owner *o, const char *kept, const char *const *vals,
    const char *const *errs, const char *p, int url, int upload, int focus)
{
	static const char *const keys[LF_FILE] = { NULL, "URL", "LABEL_PT", "LABEL_EN" };
	static const char *const secs[LF__MAX] = { "ERR_kind", "ERR_url", "ERR_label_pt",
		"ERR_label_en", "ERR_file" };
	tpl_dict                *d = tpl_include(b, "FIELDS", "admin_sources_fields.tpl"), *k;
	const char *const       *code;
	int                      i;

	tpl_set(d, "P", p);
	for (code = o->kinds; *code != NULL; code++)
		kind_option(d, *code, vals[LF_KIND]);
	if (kept != NULL && !sources_kind_ok(o, kept))
		kind_option(d, kept, vals[LF_KIND]);
	if (url) {
		k = tpl_section(d, "HAS_URL");
		tpl_set(k, "HINT",
		    upload ? "Uma página ou um documento na Internet; ou carregue um documento "
			     "abaixo."
			   : "A página ou o documento na Internet, como o navegador o mostra.");
		if (focus)
			tpl_show(k, "FOCUS");
	}
	if (upload)
		tpl_show(d, "UPLOAD");
	for (i = 1; i < LF_FILE; i++)
		tpl_set(d, keys[i], vals[i]);
	for (i = 0; errs != NULL && i < LF__MAX; i++)
		if (errs[i] != NULL)
			tpl_set(tpl_section(d, secs[i]), "TEXT", errs[i]);
}

/* The error summary of f in b, each message linked to its field (ids prefixed by p). */
static void
fill_errors(tpl_dict *b, const struct lform *f, const char *p)
{
	static const char *const labels[LF__MAX] = { "Tipo de ligação", "Endereço",
		"Texto da ligação (PT)", "Texto da ligação (EN)", "Documento" };
	static const char *const ids[LF__MAX] = { "kind", "url", "label_pt", "label_en", "file" };
	tpl_dict                *d = tpl_section(b, "ERRORS"), *e;
	char                     id[32];
	int                      i;

	tpl_set_int(d, "N", f->nerr);
	for (i = 0; i < LF__MAX; i++) {
		if (f->err[i] == NULL)
			continue;
		e = tpl_section(d, "ERR");
		snprintf(id, sizeof id, "%s%s", p, ids[i]);
		tpl_set(e, "FOR", id);
		tpl_set(e, "LABEL", labels[i]);
		tpl_set(e, "TEXT", f->err[i]);
	}
}

/* What the link checker found for a listed link and its archived copy, into row d. */
static void
fill_check(tpl_dict *d, sqlite3_stmt *s)
{
	const char *res = db_text(s, SRCL_RESULT);
	char        t[SRC_URL_MAX + 128];

	if (db_text(s, SRCL_SHA) != NULL) {
		tpl_set(d, "STATE", "doc");
		tpl_set(d, "CHECK", "Documento guardado no sítio: não se verifica.");
		tpl_set(tpl_section(d, "NO_ARCH"), "TEXT", "não se aplica");
		return;
	}
	if (res == NULL)
		snprintf(t, sizeof t, "Por verificar: entra na próxima verificação.");
	else if (strcmp(res, "broken") == 0)
		snprintf(t, sizeof t, "Quebrada desde %s (%s).", db_text(s, SRCL_SINCE),
		    db_text(s, SRCL_ERROR) ? db_text(s, SRCL_ERROR) : "sem resposta");
	else if (strcmp(res, "redirect") == 0)
		snprintf(t, sizeof t, "Redirecionada para %s (verificada em %s).",
		    db_text(s, SRCL_FINAL), db_text(s, SRCL_CHECKED));
	else
		snprintf(t, sizeof t, "A funcionar (verificada em %s).", db_text(s, SRCL_CHECKED));
	tpl_set(d, "STATE", res != NULL ? res : "pending");
	tpl_set(d, "CHECK", t);
	if (db_text(s, SRCL_ARCHIVE_SHA) != NULL) {
		d = tpl_section(d, "ARCH");
		tpl_set(d, "SHA", db_text(s, SRCL_ARCHIVE_SHA));
		tpl_set(d, "AT", db_text(s, SRCL_ARCHIVED));
	} else
		tpl_set(tpl_section(d, "NO_ARCH"), "TEXT", "nenhuma");
}

/* A text of a listed link into row d: section key with TEXT, or NO_key. */
static void
fill_text(tpl_dict *d, const char *key, const char *t)
{
	char no[16];

	snprintf(no, sizeof no, "NO_%s", key);
	if (t != NULL && *t != '\0')
		tpl_set(tpl_section(d, key), "TEXT", t);
	else
		tpl_show(d, no);
}

/* The links of r as rows of b, in order, each with the buttons that move it, in one
 * pass of sources_list; their ids go to order (sources_order_text).  Returns how many,
 * or -1 (an error, more than SRC_LINKS_MAX, or order too small). */
static int
fill_rows(tpl_dict *b, const struct src_record *r, char *order, size_t orderlen)
{
	sqlite3_stmt *s = sources_list(r);
	tpl_dict     *h = NULL, *d = NULL, *m = NULL;
	long long     ids[SRC_LINKS_MAX];
	char          href[96];
	int           i = 0;

	while (db_step(s) == SQLITE_ROW) {
		if (i == SRC_LINKS_MAX) {
			i = -1;
			break;
		}
		if (h == NULL)
			h = tpl_section(b, "HAS");
		if (d != NULL) { /* a row after d: d moves down, this one up */
			tpl_show(m != NULL ? m : tpl_section(d, "MOVE"), "DOWN");
			d = tpl_section(h, "LINK");
			tpl_show(m = tpl_section(d, "MOVE"), "UP");
		} else
			d = tpl_section(h, "LINK");
		ids[i] = db_int64(s, SRCL_ID);
		tpl_set_int(d, "ID", ids[i]);
		tpl_set_int(d, "N", ++i);
		if (db_text(s, SRCL_URL) != NULL) {
			tpl_set(d, "HREF", db_text(s, SRCL_URL));
			tpl_set(d, "SHOWN", db_text(s, SRCL_URL));
		} else {
			snprintf(href, sizeof href, "/admin/uploads/%s", db_text(s, SRCL_SHA));
			tpl_set(d, "HREF", href);
			tpl_set(d, "SHOWN",
			    db_text(s, SRCL_UPLOAD_NAME) ? db_text(s, SRCL_UPLOAD_NAME)
							 : "documento carregado");
		}
		tpl_set(d, "KIND_L", kind_label(db_text(s, SRCL_KIND)));
		fill_text(d, "PT", db_text(s, SRCL_LABEL_PT));
		fill_text(d, "EN", db_text(s, SRCL_LABEL_EN));
		fill_check(d, s);
	}
	db_reset(s);
	if (h == NULL)
		tpl_show(b, "NONE");
	return i < 0 || db_failed() || sources_order_text(ids, i, order, orderlen) != 0 ? -1 : i;
}

/* The page of r's links and the form that adds one (f: the values sent, NULL: an empty
 * form; conflict: a message above the list).  Returns status. */
static int
list_page(struct ctx *c, const struct src_record *r, const struct lform *f, const char *conflict,
    int status)
{
	static const char *const none[LF_FILE] = { NULL };
	tpl_dict                *b;
	char                     order[SRC_LINKS_MAX * 21], href[128], title[300];
	int                      n;

	snprintf(title, sizeof title, "Fontes e evidências: %s", r->name);
	b = tpl_section(page_admin_body(c, "admin_sources.tpl", title), "SOURCES");
	tpl_set(b, "SLUG", r->o->slug);
	tpl_set(b, "PLURAL", r->o->plural);
	tpl_set_int(b, "OID", r->id);
	tpl_set(b, "NAME", r->name);
	tpl_set(b, "CSRF", c->me->csrf);
	tpl_set(b, "ENCTYPE",
	    r->o->uploads ? "multipart/form-data" : "application/x-www-form-urlencoded");
	if (r->page[0] != '\0') {
		tpl_dict *p = tpl_section(b, "PUBLIC");
		tpl_set(p, "HREF", r->page);
		snprintf(href, sizeof href, "%s/history", r->page);
		if (r->plan_id != 0)
			tpl_set(tpl_section(p, "HISTORY"), "HREF", href);
	}
	if (conflict != NULL)
		tpl_set(tpl_section(b, "CONFLICT"), "TEXT", conflict);
	if ((n = fill_rows(b, r, order, sizeof order)) < 0)
		return db_failed_set(), 503;
	tpl_set(b, "ORDER", order);
	tpl_set_int(b, "COUNT", n);
	fill_fields(b, r->o, NULL, f ? (const char *const *)f->v : none, f ? f->err : NULL, "f-", 1,
	    r->o->uploads, 0);
	if (f != NULL && f->nerr > 0)
		fill_errors(b, f, "f-");
	return status;
}

/* Loads the record of kind arg[0] and id num into r; sets the error when there is none.
 * Returns 0, or the status to answer. */
static int
record_of(struct ctx *c, struct src_record *r)
{
	const struct src_owner *o = sources_owner(c->arg[0]);
	int                     rc = o != NULL ? sources_record(o, c->num, r) : 0;

	if (rc == 1)
		return 0;
	c->error = "ERR_NOT_FOUND";
	return rc == 0 ? 404 : (db_failed_set(), 503);
}

/* Stores the document of a milestone's evidence in f.  Returns 0, or -1 with the
 * message on the document field. */
static int
store_file(struct ctx *c, struct lform *f)
{
	const char *why = admin_upload_store(c, f->file, f->sha);

	if (why != NULL)
		lform_err(f, LF_FILE, why);
	return why != NULL ? -1 : 0;
}

/* Adds the link the form of r's page sent. */
static int
add(struct ctx *c, const struct src_record *r)
{
	struct src_actor  a = { c->me->id, c->me->name };
	struct lform      f;
	struct src_values v;
	long long         id;
	char              loc[128];
	int               rc;

	lform_read(c, r->o, NULL, 1, &f);
	f.file = r->o->uploads ? multipart_get(c->req->parts, c->req->nparts, "file") : NULL;
	if (f.file != NULL && (!f.file->has_filename || f.file->len == 0))
		f.file = NULL;
	if (f.v[LF_URL] != NULL && f.file != NULL)
		lform_err(&f, LF_URL, "Dê um endereço ou um documento, não os dois.");
	else if (f.v[LF_URL] == NULL && f.file == NULL)
		lform_err(&f, LF_URL,
		    r->o->uploads ? "Dê o endereço da evidência ou carregue um documento."
				  : "Campo obrigatório.");
	if (f.nerr > 0 || (f.file != NULL && store_file(c, &f) != 0)) {
		rc = list_page(c, r, &f, NULL, 400);
		lform_free(&f);
		return rc;
	}
	v = (struct src_values){ f.v[LF_KIND], f.v[LF_URL], f.v[LF_PT], f.v[LF_EN] };
	rc = sources_add(c->rw, r, &v, f.sha, &a, &id);
	lform_free(&f);
	if (rc != 0)
		return db_failed_set(), 503;
	snprintf(loc, sizeof loc, "/admin/%s/%lld/sources?added=1#src-%lld", r->o->slug, r->id, id);
	return page_redirect(c, loc);
}

int
page_admin_sources(struct ctx *c)
{
	struct src_record r;
	int               st;

	if (refused(c))
		return 403;
	if ((st = record_of(c, &r)) != 0)
		return st;
	if (c->req->method == METHOD_POST)
		return add(c, &r);
	st = list_page(c, &r, NULL, NULL, 200);
	if (req_param(c->req, "added") != NULL)
		page_flash(c,
		    "Ligação acrescentada. Já está na página pública e no histórico; "
		    "o endereço é verificado na próxima passagem do verificador.");
	else if (req_param(c->req, "saved") != NULL)
		page_flash(c, "Correção gravada. Já está na página pública e no histórico.");
	else if (req_param(c->req, "removed") != NULL)
		page_flash(c, "Ligação removida. A remoção ficou no histórico.");
	else if (req_param(c->req, "moved") != NULL)
		page_flash(c, "Ordem gravada.");
	return st;
}

int
page_admin_sources_order(struct ctx *c)
{
	struct src_actor  a = { c->me->id, c->me->name };
	struct src_record r;
	const char       *move = req_form(c->req, "move"), *link = req_form(c->req, "link");
	long long         id;
	char              loc[128];
	int               st;

	if (refused(c))
		return 403;
	if ((st = record_of(c, &r)) != 0)
		return st;
	if (move == NULL || (strcmp(move, "up") != 0 && strcmp(move, "down") != 0) ||
	    link == NULL || valid_int(link, 1, 1LL << 53, &id) != 0)
		return c->error = "ERR_BAD_BODY", 400;
	st = sources_move(c->rw, &r, id, strcmp(move, "up") == 0, req_form(c->req, "order"), &a);
	if (st == 0) {
		snprintf(loc, sizeof loc, "/admin/%s/%lld/sources?moved=1#src-%lld", r.o->slug,
		    r.id, id);
		return page_redirect(c, loc);
	}
	if (st == 1)
		return list_page(c, &r, NULL,
		    "A ordem mudou entretanto (outra pessoa alterou estas ligações); nada foi "
		    "gravado. Veja a ordem atual e tente de novo.",
		    409);
	if (st == 2)
		return list_page(c, &r, NULL,
		    "Esta ligação não pode ir nesse sentido: já é a primeira ou a última.", 400);
	return db_failed_set(), 503;
}

/* The place of link id among r's links, from 1 (0: not found). */
static int
number_of(const struct src_record *r, long long id)
{
	sqlite3_stmt *s = sources_list(r);
	int           n = 0, found = 0;

	while (!found && db_step(s) == SQLITE_ROW) {
		n++;
		found = db_int64(s, SRCL_ID) == id;
	}
	db_reset(s);
	return found ? n : 0;
}

/* Starts the page of link l of record r (template tpl, title what: "Corrigir") with its
 * head: the record, the link's place and the values it holds now, which a save must
 * still find.  Returns the page's dictionary. */
static tpl_dict *
link_page(struct ctx *c, const char *tpl, const char *what, const struct src_record *r,
    const struct src_link *l)
{
	tpl_dict *b;
	char      title[300];
	int       n = number_of(r, l->id);

	snprintf(title, sizeof title, "%s a ligação %d de %s", what, n, r->name);
	b = page_admin_body(c, tpl, title);
	tpl_set(b, "SLUG", r->o->slug);
	tpl_set_int(b, "OID", r->id);
	tpl_set(b, "NAME", r->name);
	tpl_set_int(b, "ID", l->id);
	tpl_set_int(b, "N", n);
	tpl_set(b, "CSRF", c->me->csrf);
	tpl_set(b, "WAS_KIND", l->kind);
	tpl_set(b, "WAS_URL", l->url);
	tpl_set(b, "WAS_LABEL_PT", l->label_pt);
	tpl_set(b, "WAS_LABEL_EN", l->label_en);
	return b;
}

/* The differences between the link another editor left (t) and the values sent (f). */
static void
fill_conflict(tpl_dict *b, const struct src_link *t, const struct lform *f)
{
	const char *const theirs[LF_FILE] = { t->kind, t->url, t->label_pt, t->label_en };
	tpl_dict         *d = tpl_section(b, "CONFLICT"), *r;
	int               i;

	for (i = 0; i < LF_FILE; i++) {
		const char *a = theirs[i], *y = f->v[i];
		if (i == LF_URL && t->sha != NULL)
			continue;
		if ((a == NULL) == (y == NULL) && (a == NULL || strcmp(a, y) == 0))
			continue;
		r = tpl_section(d, "DIFF");
		tpl_set(r, "LABEL", fields[i].label);
		tpl_set(r, "THEIRS", a == NULL ? "(vazio)" : i == LF_KIND ? kind_label(a) : a);
		tpl_set(r, "YOURS", y == NULL ? "(vazio)" : i == LF_KIND ? kind_label(y) : y);
	}
}

/* The correction form of link l of record r (o: what else it shows).  Returns status. */
static int
edit_page(struct ctx *c, const struct src_record *r, const struct src_link *l,
    const struct pageopts *o, int status)
{
	const char *const stored[LF_FILE] = { l->kind, l->url, l->label_pt, l->label_en };
	tpl_dict         *b = link_page(c, "admin_sources_edit.tpl", "Corrigir", r, l), *d;
	char              name[UPLOAD_NAME_MAX + 1], mime[UPLOAD_MIME_MAX];
	long long         size;

	if (o->gone) {
		tpl_show(b, "GONE");
		return status;
	}
	d = tpl_section(b, "FORM");
	if (l->sha != NULL) {
		tpl_set(tpl_section(d, "DOC"), "SHA", l->sha);
		if (upload_find(c->rw, l->sha, mime, sizeof mime, name, sizeof name, &size) != 1)
			snprintf(name, sizeof name, "documento carregado");
		tpl_set(d, "DOC_NAME", name);
	}
	if (o->theirs != NULL)
		fill_conflict(b, o->theirs, o->f);
	fill_fields(d, r->o, l->kind, o->f ? (const char *const *)o->f->v : stored,
	    o->f ? o->f->err : NULL, "", l->sha == NULL, 0, o->f == NULL || o->f->nerr == 0);
	if (o->f != NULL && o->f->nerr > 0)
		fill_errors(b, o->f, "");
	return status;
}

/* The values a link's page was opened on (its hidden fields) into was.  Returns 0, or
 * -1 when the request does not carry them. */
static int
was_of(struct ctx *c, struct src_values *was)
{
	was->kind = req_form(c->req, "was_kind");
	was->url = req_form(c->req, "was_url");
	was->label_pt = req_form(c->req, "was_label_pt");
	was->label_en = req_form(c->req, "was_label_en");
	return was->kind != NULL && was->url != NULL && was->label_pt != NULL &&
		was->label_en != NULL
	    ? 0
	    : -1;
}

/* Saves the correction of link l of record r that its form sent. */
static int
correct(struct ctx *c, const struct src_record *r, const struct src_link *l)
{
	struct src_actor  a = { c->me->id, c->me->name };
	struct src_values was, v;
	struct src_link   now;
	struct lform      f;
	struct pageopts   o = { &f, NULL, 0 };
	char              loc[128];
	int               rc;

	if (was_of(c, &was) != 0)
		return c->error = "ERR_BAD_BODY", 400;
	lform_read(c, r->o, l->kind, l->sha == NULL, &f);
	if (l->sha == NULL && f.v[LF_URL] == NULL)
		lform_err(&f, LF_URL, "Campo obrigatório.");
	if (f.nerr > 0) {
		rc = edit_page(c, r, l, &o, 400);
		lform_free(&f);
		return rc;
	}
	v = (struct src_values){ f.v[LF_KIND], f.v[LF_URL], f.v[LF_PT], f.v[LF_EN] };
	rc = sources_correct(c->rw, l->id, &was, &v, &a);
	if (rc == 0) {
		lform_free(&f);
		snprintf(loc, sizeof loc, "/admin/%s/%lld/sources?saved=1#src-%lld", r->o->slug,
		    r->id, l->id);
		return page_redirect(c, loc);
	}
	if (rc == 1 && (rc = sources_load(l->id, &now)) >= 0) {
		o.gone = rc == 0;
		o.theirs = rc == 1 ? &now : NULL;
		rc = edit_page(c, r, rc == 1 ? &now : l, &o, 409);
		if (o.theirs != NULL)
			sources_link_free(&now);
	} else
		rc = (db_failed_set(), 503);
	lform_free(&f);
	return rc;
}

/* Loads link num and its record; sets the error when there is none.  Returns 0, or the
 * status to answer (l then holds nothing). */
static int
link_of(struct ctx *c, struct src_link *l, struct src_record *r)
{
	int rc = sources_load(c->num, l);

	if (rc == 1 && (rc = sources_record(l->o, l->owner_id, r)) != 1)
		sources_link_free(l);
	if (rc == 1)
		return 0;
	c->error = "ERR_NOT_FOUND";
	return rc == 0 ? 404 : (db_failed_set(), 503);
}

int
page_admin_source(struct ctx *c)
{
	struct src_record r;
	struct src_link   l;
	struct pageopts   o = { NULL, NULL, 0 };
	int               st;

	if (refused(c))
		return 403;
	if ((st = link_of(c, &l, &r)) != 0)
		return st;
	st = c->req->method == METHOD_POST ? correct(c, &r, &l) : edit_page(c, &r, &l, &o, 200);
	sources_link_free(&l);
	return st;
}

/* The confirmation page of the removal of link l of record r (changed: it changed since
 * the page the editor confirmed on; gone: it was removed).  Returns status. */
static int
delete_page(struct ctx *c, const struct src_record *r, const struct src_link *l, int changed,
    int gone, int status)
{
	tpl_dict *b = link_page(c, "admin_sources_delete.tpl", "Remover", r, l), *d;
	char      href[96];

	if (gone) {
		tpl_show(b, "GONE");
		return status;
	}
	d = tpl_section(b, "CONFIRM");
	if (changed)
		tpl_show(d, "CHANGED");
	tpl_set(d, "KIND_L", kind_label(l->kind));
	tpl_show(d, l->url != NULL ? "IS_URL" : "IS_DOC");
	snprintf(href, sizeof href, "/admin/uploads/%s", l->sha ? l->sha : "");
	tpl_set(d, "HREF", l->url != NULL ? l->url : href);
	tpl_set(d, "SHOWN", l->url != NULL ? l->url : href);
	fill_text(d, "PT", l->label_pt);
	fill_text(d, "EN", l->label_en);
	return status;
}

int
page_admin_source_delete(struct ctx *c)
{
	struct src_actor  a = { c->me->id, c->me->name };
	struct src_record r;
	struct src_link   l, now;
	struct src_values was;
	char              loc[128];
	int               st;

	if (refused(c))
		return 403;
	if ((st = link_of(c, &l, &r)) != 0)
		return st;
	if (c->req->method != METHOD_POST)
		st = delete_page(c, &r, &l, 0, 0, 200);
	else if (was_of(c, &was) != 0)
		st = (c->error = "ERR_BAD_BODY", 400);
	else if ((st = sources_remove(c->rw, l.id, &was, &a)) == 0) {
		snprintf(loc, sizeof loc, "/admin/%s/%lld/sources?removed=1", r.o->slug, r.id);
		st = page_redirect(c, loc);
	} else if (st == 1 && (st = sources_load(l.id, &now)) >= 0) {
		/* changed since the editor confirmed (st 1), or removed by another (0) */
		st = delete_page(c, &r, st == 1 ? &now : &l, st == 1, st == 0, 409);
		sources_link_free(&now);
	} else
		st = (db_failed_set(), 503);
	sources_link_free(&l);
	return st;
}

void
page_admin_sources_link(struct ctx *c, tpl_dict *b, const char *slug, long long id)
{
	struct src_record       r;
	const struct src_owner *o = sources_owner(slug);
	tpl_dict               *d;
	char                    href[96], order[SRC_LINKS_MAX * 21];
	int                     n;

	/* A commitment's workspace links to its own sources. */
	if (c->me->role == ROLE_MEMBER || id == 0 || o == NULL ||
	    strcmp(slug, "commitments") == 0 || sources_record(o, id, &r) != 1 ||
	    (n = sources_order(&r, order, sizeof order)) < 0)
		return;
	d = tpl_section(b, "SOURCES");
	snprintf(href, sizeof href, "/admin/%s/%lld/sources", slug, id);
	tpl_set(d, "HREF", href);
	tpl_set_int(d, "N", n);
}
