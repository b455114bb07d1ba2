/* The commitment workspace: below a commitment's form (/admin/commitments/N), its
 * milestones in order, each with its status, figure, dates, overdue and stale marks,
 * evidence and pending drafts, the fields editable in place; the evidence for all the
 * milestones a save changes; the form that adds one at the end; the buttons that move
 * one up or down; after a refused save, every value entered with a message beside each
 * bad field and a summary at the top that links to each.  The saves are in
 * admin_workspace_save.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/answer.h"
#include "http/req.h"
#include "lib/progress.h"
#include "lib/valid.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/edit.h"
#include "store/stmt.h"
#include "store/workspace.h"
#include "admin/admin.h"
#include "admin/admin_edit.h"
#include "admin/admin_workspace.h"
#include "view/form.h"

const char *const ws_cols[WS_NCOLS] = { "status", "progress", "progress_as_of",
	"progress_as_of_kind", "progress_source", "progress_confidence", "completed_on",
	"planned_end" };
const char *const ws_add_cols[WS_ADD_NCOLS] = { "title_pt", "title_en", "planned_start",
	"planned_end" };

void
ws_fingerprint(const struct kind *k, const struct values *v, char out[17])
{
	unsigned long long h = 1469598103934665603ULL;
	const char        *p;
	size_t             i;

	for (i = 0; i < WS_NCOLS; i++) {
		p = v->v[edit_field(k, ws_cols[i])];
		h = (h ^ (p == NULL ? 1u : 2u)) * 1099511628211ULL;
		for (; p != NULL && *p != '\0'; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
		h = (h ^ 0x1fu) * 1099511628211ULL;
	}
	snprintf(out, 17, "%016llx", h);
}

int
ws_one_of(const char *const *cols, size_t n, const char *col)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(cols[i], col) == 0)
			return 1;
	return 0;
}

struct msrow *
ws_list(long long cid, size_t *n)
{
	sqlite3_stmt *s = ws_stmt(WS_MILESTONES);
	struct msrow *m = NULL, *t;
	size_t        cap = 0;

	*n = 0;
	db_bind_int64(s, 1, cid);
	while (db_step(s) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((t = realloc(m, cap * sizeof *m)) == NULL) {
				db_reset(s);
				free(m);
				return NULL;
			}
			m = t;
		}
		m[*n].id = db_int64(s, WSM_ID);
		m[*n].position = db_int64(s, WSM_POSITION);
		m[(*n)++].drafts = db_int(s, WSM_DRAFTS);
	}
	db_reset(s);
	if (db_failed()) {
		free(m);
		return NULL;
	}
	return m != NULL ? m : calloc(1, sizeof *m);
}

/* Renders the n fields cols of k with v (values and messages) into d, each named
 * prefix + its column: the engine's form (view/form.h) on a kind of those fields
 * alone, so that every milestone's fields keep their labels, choices, hints and
 * messages (linked by aria-describedby) under names of their own. */
static void
fields_into(struct ctx *c, const struct kind *k, const char *prefix, const char *const *cols,
    size_t n, const struct values *v, tpl_dict *d)
{
	struct field  f[WS_NCOLS];
	char          name[WS_NCOLS][48];
	struct kind   sub = *k;
	struct values sv;
	size_t        i;
	int           j;

	memset(&sv, 0, sizeof sv);
	for (i = 0; i < n && i < WS_NCOLS; i++) {
		j = edit_field(k, cols[i]);
		f[i] = k->fields[j];
		snprintf(name[i], sizeof name[i], "%s%s", prefix, cols[i]);
		f[i].col = name[i];
		sv.v[i] = v->v[j];
		sv.err[i] = v->err[j];
	}
	sub.fields = f;
	sub.nfields = i;
	sv.version = v->version;
	edit_form(c->rw, &sub, &sv, d);
}

/* The label of value of field col of k in its domain (the code itself without one). */
static const char *
label_of(const struct kind *k, const struct values *v, const char *col)
{
	int                 f = edit_field(k, col);
	const struct dcode *d;

	if (v->v[f] == NULL)
		return "ainda não registado";
	d = domain_code(domain(k->fields[f].dom), v->v[f]);
	return d != NULL && d->pt != NULL ? d->pt : v->v[f];
}

/* The stored facts of milestone cur as a line of text and marks: status, progress, the
 * date of the figure, confidence, planned dates, late or stale. */
static void
facts_into(struct ctx *c, const struct kind *k, const struct values *cur, tpl_dict *d)
{
	const char *st = cur->v[edit_field(k, "status")], *pr = cur->v[edit_field(k, "progress")];
	const char *end = cur->v[edit_field(k, "planned_end")];
	const char *start = cur->v[edit_field(k, "planned_start")];
	const char *src = cur->v[edit_field(k, "progress_source")];
	long long   pct = -1;
	char        txt[16];

	if (pr != NULL && valid_int(pr, 0, 100, &pct) != 0)
		pct = -1;
	tpl_set(d, "STATUS_L", label_of(k, cur, "status"));
	snprintf(txt, sizeof txt, "%lld %%", pct);
	tpl_set(d, "PROGRESS", pct >= 0 ? txt : "ainda não registado");
	page_figure_date(c, d, "FIG", cur->v[edit_field(k, "progress_as_of")],
	    cur->v[edit_field(k, "progress_as_of_kind")]);
	tpl_set(d, "CONF_L", label_of(k, cur, "progress_confidence"));
	tpl_set(d, "START", start != NULL ? start : "ainda não registado");
	tpl_set(d, "END", end != NULL ? end : "ainda não registado");
	if (src != NULL)
		tpl_set(tpl_section(d, "SOURCE"), "URL", src);
	if (progress_overdue(end, (int)pct, st, c->today))
		tpl_show(d, "OVERDUE");
	if (progress_stale(st, (int)pct, cur->v[edit_field(k, "progress_as_of")], c->today))
		tpl_set_int(tpl_section(d, "STALE"), "DAYS", PROGRESS_STALE_DAYS);
}

/* The evidence links of milestone id into d (EV, or NO_EVIDENCE). */
static void
evidence_into(struct ctx *c, long long id, tpl_dict *d)
{
	sqlite3_stmt *s = ws_stmt(WS_EVIDENCE);
	tpl_dict     *it;
	int           n = 0;

	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		it = tpl_section(d, "EV");
		tpl_set(it, "URL", db_text(s, WSE_URL));
		page_url_label(c, it, "LABEL", db_text(s, WSE_URL), db_text(s, WSE_LABEL), NULL);
		n++;
	}
	db_reset(s);
	if (n == 0)
		tpl_show(d, "NO_EVIDENCE");
}

/* Adds one line to the summary of messages sum (NULL: none): where (a milestone, or
 * NULL), what (a field's label) and the message, linked to the field (href). */
static void
summary_add(tpl_dict *sum, const char *where, const char *what, const char *msg, const char *href)
{
	tpl_dict *it;
	char      line[600];

	if (sum == NULL)
		return;
	it = tpl_section(sum, "ERR");
	snprintf(
	    line, sizeof line, "%s%s%s: %s", where ? where : "", where ? " — " : "", what, msg);
	tpl_set(it, "TEXT", line);
	tpl_set(it, "HREF", href);
}

/* The messages of a refused milestone r into the summary (where: "Marco N"), each linked
 * to its field: those of the workspace's fields, its evidence, a conflict, and those of
 * fields only its own form shows. */
static void
row_summary(const struct kind *k, const struct ws_row *r, const char *where, tpl_dict *sum)
{
	char   href[96];
	size_t i;

	if (r->conflict) {
		snprintf(href, sizeof href, "#m%lld", r->id);
		summary_add(sum, where, "Conflito",
		    "outra pessoa gravou este marco enquanto o editava", href);
	}
	for (i = 0; i < k->nfields; i++) {
		if (r->v.err[i] == NULL)
			continue;
		if (ws_one_of(ws_cols, WS_NCOLS, k->fields[i].col))
			snprintf(href, sizeof href, "#f-m%lld-%s", r->id, k->fields[i].col);
		else
			snprintf(href, sizeof href, "/admin/milestones/%lld", r->id);
		summary_add(sum, where, k->fields[i].label, r->v.err[i], href);
	}
	if (r->ev_err != NULL) {
		snprintf(href, sizeof href, "#f-m%lld-evidence_url", r->id);
		summary_add(sum, where, "Evidência", r->ev_err, href);
	}
}

/* The conflict of r: each workspace field whose stored value (cur) differs from the one
 * sent. */
static void
conflict_into(const struct kind *k, const struct values *cur, const struct ws_row *r, tpl_dict *d)
{
	tpl_dict *x = tpl_section(d, "CONFLICT");
	size_t    i;

	for (i = 0; i < WS_NCOLS; i++)
		admin_conflict_row(x, k, edit_field(k, ws_cols[i]), cur, &r->v);
}

/* What one milestone's block shows. */
struct block {
	long long            id, position;
	int                  drafts;   /* its pending drafts */
	int                  editable; /* within the first WS_MAX */
	const struct ws_row *echo;     /* the refused save's row (sent and touched), or NULL */
	const struct values *cur;      /* the stored row */
};

/* The editable part of a block: the version and fingerprint, the fields (as sent after
 * a refusal, else stored) and its own evidence. */
static void
block_fields(struct ctx *c, const struct kind *k, const struct block *bl, tpl_dict *d)
{
	const struct ws_row *r = bl->echo;
	tpl_dict            *e = tpl_section(d, "EDIT");
	struct values        shown = r != NULL ? r->v : *bl->cur;
	char                 prefix[32], was[17], name[64];

	snprintf(prefix, sizeof prefix, "m%lld-", bl->id);
	if (r != NULL && !r->conflict && r->was != NULL)
		snprintf(was, sizeof was, "%s", r->was);
	else
		ws_fingerprint(k, bl->cur, was);
	shown.version = bl->cur->version;
	if (r != NULL && !r->conflict)
		shown.version = r->v.version;
	tpl_set(e, "WAS", was);
	fields_into(c, k, prefix, ws_cols, WS_NCOLS, &shown, e);
	if (r == NULL)
		return;
	snprintf(name, sizeof name, "%sevidence_url", prefix);
	tpl_set(e, "EV_URL", req_form(c->req, name));
	snprintf(name, sizeof name, "%sevidence_label", prefix);
	tpl_set(e, "EV_LABEL", req_form(c->req, name));
	if (r->ev_err != NULL)
		tpl_set(tpl_section(e, "EV_ERROR"), "TEXT", r->ev_err);
	if (r->ev.file != NULL)
		tpl_show(e, "FILE_AGAIN");
	if (r->conflict)
		conflict_into(k, bl->cur, r, d);
}

/* One milestone's block in the workspace w, its messages in the summary sum (NULL:
 * none); first and last: it cannot move up, or down. */
static void
block_into(struct ctx *c, const struct kind *k, const struct block *bl, tpl_dict *w, tpl_dict *sum,
    int first, int last)
{
	const char *t = bl->cur->v[edit_field(k, "title_pt")];
	tpl_dict   *d = tpl_section(w, "MS"), *mv;
	char        where[32];
	int         up;

	if (t == NULL)
		t = bl->cur->v[edit_field(k, "title_en")];
	tpl_set_int(d, "ID", bl->id);
	tpl_set_int(d, "POS", bl->position);
	tpl_set(d, "TITLE", t != NULL ? t : "(sem título)");
	facts_into(c, k, bl->cur, d);
	evidence_into(c, bl->id, d);
	if (bl->drafts > 0)
		tpl_set_int(tpl_section(d, "DRAFTS"), "N", bl->drafts);
	if (!bl->editable) {
		tpl_set_int(tpl_section(d, "READONLY"), "MAX", WS_MAX);
		return;
	}
	block_fields(c, k, bl, d);
	snprintf(where, sizeof where, "Marco %lld", bl->position);
	if (bl->echo != NULL)
		row_summary(k, bl->echo, where, sum);
	for (up = 1; c->me->role != ROLE_MEMBER && up >= 0; up--) {
		if (up ? first : last)
			continue;
		tpl_show(d, up ? "UP" : "DOWN");
		mv = tpl_section(w, "MOVE");
		tpl_set_int(mv, "ID", bl->id);
		tpl_set(mv, "DIR", up ? "up" : "down");
		tpl_set_int(mv, "VERSION", bl->cur->version);
	}
}

/* The row of echo for milestone id when the editor changed it, or NULL. */
static const struct ws_row *
echo_row(const struct ws_echo *e, long long id)
{
	size_t i;

	for (i = 0; e != NULL && i < e->n; i++)
		if (e->row[i].id == id)
			return e->row[i].sent && e->row[i].touched ? &e->row[i] : NULL;
	return NULL;
}

/* The status messages of a redirect after a save, a draft, an addition or a move. */
static void
ws_flash(struct ctx *c)
{
	const char *p;
	char        msg[200];

	if ((p = req_param(c->req, "ws_saved")) != NULL) {
		snprintf(msg, sizeof msg,
		    "Gravado: %.6s marco(s). As alterações já estão na página pública e no "
		    "histórico.",
		    p);
		page_flash(c, msg);
	} else if ((p = req_param(c->req, "ws_sent")) != NULL) {
		snprintf(msg, sizeof msg,
		    "Enviado para revisão: %.6s proposta(s). O ponto focal vai analisá-las.", p);
		page_flash(c, msg);
	} else if (req_param(c->req, "ws_added") != NULL)
		page_flash(c, "Marco acrescentado no fim da lista.");
	else if (req_param(c->req, "ws_moved") != NULL)
		page_flash(c, "Ordem dos marcos gravada.");
	else if (req_param(c->req, "ws_same") != NULL)
		page_flash(c, "Nenhum marco foi alterado; nada foi gravado.");
}

/* The head of the workspace w of commitment cid (its stored OGP id ogp_id, NULL: none):
 * its links, the notes, the buttons. */
static void
ws_head(struct ctx *c, tpl_dict *w, long long cid, const char *ogp_id)
{
	sqlite3_stmt *s = ws_stmt(WS_NEW_DRAFTS);
	char          href[64];
	int           member = c->me->role == ROLE_MEMBER;

	tpl_set_int(w, "CID", cid);
	tpl_set(w, "CSRF", c->me->csrf);
	tpl_set(w, "SUBMIT",
	    member ? "Enviar as alterações para revisão" : "Gravar os marcos alterados");
	tpl_set(w, "ADD_SUBMIT", member ? "Propor o marco" : "Acrescentar o marco");
	tpl_show(w, member ? "DRAFT_NOTE" : "RELATIONS");
	if (ogp_id != NULL) {
		snprintf(href, sizeof href, "/pt/commitments/%s", ogp_id);
		tpl_set(tpl_section(w, "PUBLIC"), "HREF", href);
	}
	db_bind_int64(s, 1, cid);
	if (db_step(s) == SQLITE_ROW && db_int(s, 0) > 0)
		tpl_set_int(tpl_section(w, "NEW_DRAFTS"), "N", db_int(s, 0));
	db_reset(s);
	ws_flash(c);
}

/* The messages of the refused addition of e (NULL: none) into the summary sum, each
 * linked to its field of the add form. */
static void
add_echo(const struct kind *k, const struct ws_echo *e, tpl_dict *sum)
{
	char   href[64];
	size_t i;

	for (i = 0; e != NULL && e->add_sent && i < k->nfields; i++) {
		if (e->add.err[i] == NULL)
			continue;
		if (ws_one_of(ws_add_cols, WS_ADD_NCOLS, k->fields[i].col))
			snprintf(href, sizeof href, "#f-" WS_ADD_PREFIX "%s", k->fields[i].col);
		else
			snprintf(href, sizeof href, "#ws-add");
		summary_add(sum, "Novo marco", k->fields[i].label, e->add.err[i], href);
	}
}

/* The summary of the messages of a refused save at the top of the page (top), with
 * those that concern no milestone; returns it, or NULL when nothing was refused. */
static tpl_dict *
summary_of(const struct kind *k, const struct ws_echo *e, tpl_dict *top)
{
	tpl_dict *sum;

	if (e == NULL || (e->nerr == 0 && e->dberr == NULL))
		return NULL;
	sum = tpl_section(top, "SUMMARY");
	tpl_set_int(sum, "N", e->nerr + (e->dberr != NULL));
	if (e->nconflict > 0)
		tpl_show(sum, "CONFLICTS");
	if (e->dberr != NULL)
		tpl_set(tpl_section(sum, "DBERR"), "TEXT", e->dberr);
	if (e->ev_err != NULL)
		summary_add(sum, NULL, "Evidência para todos os marcos alterados", e->ev_err,
		    "#f-evidence_url");
	add_echo(k, e, sum);
	return sum;
}

void
page_admin_workspace(
    struct ctx *c, tpl_dict *b, long long cid, const char *ogp_id, const struct ws_echo *echo)
{
	const struct kind *k = edit_kind("milestones");
	tpl_dict          *w = tpl_include(b, "WORKSPACE", "admin_workspace.tpl");
	tpl_dict          *top = tpl_include(b, "WS_TOP", "admin_workspace_top.tpl");
	tpl_dict          *sum = summary_of(k, echo, top), *d;
	struct values      cur, none;
	struct block       bl;
	struct msrow      *m;
	size_t             n, i;
	int                en = c->en;

	ws_head(c, w, cid, ogp_id);
	if ((m = ws_list(cid, &n)) == NULL)
		return;
	c->en = 0; /* the dates and link names in the staff's language, whatever the browser's */
	tpl_set_int(top, "N", (long long)n);
	tpl_set_int(w, "N", (long long)n);
	tpl_show(w, n > 0 ? "HAS" : "NONE");
	for (i = 0; i < n; i++) {
		if (edit_load(c->rw, k, m[i].id, &cur) != 1)
			continue;
		bl = (struct block){ m[i].id, m[i].position, m[i].drafts, i < WS_MAX,
			echo_row(echo, m[i].id), &cur };
		block_into(c, k, &bl, w, sum, i == 0, i + 1 == n || i + 1 == WS_MAX);
		edit_values_free(&cur);
	}
	free(m);
	c->en = en;
	if (echo != NULL) {
		d = w;
		tpl_set(d, "ALL_EV_URL", req_form(c->req, "evidence_url"));
		tpl_set(d, "ALL_EV_LABEL", req_form(c->req, "evidence_label"));
		if (echo->ev_err != NULL)
			tpl_set(tpl_section(d, "ALL_EV_ERROR"), "TEXT", echo->ev_err);
		if (echo->ev.file != NULL)
			tpl_show(d, "ALL_FILE_AGAIN");
	}
	memset(&none, 0, sizeof none);
	fields_into(c, k, WS_ADD_PREFIX, ws_add_cols, WS_ADD_NCOLS,
	    echo != NULL && echo->add_sent ? &echo->add : &none, tpl_section(w, "ADD"));
}
