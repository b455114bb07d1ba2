/* bulkimport: the site's own milestones and commitments files, read back (see
 * bulkimport.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lib/buf.h"
#include "lib/valid.h"
#include "import/bulkimport.h"
#include "import/bulkread.h"
#include "store/bulk.h"
#include "store/db.h"
#include "store/edit.h"
#include "store/stmt.h"

enum ds { DS_MILESTONES, DS_COMMITMENTS, DS__MAX };

/* What the import does with a column. */
enum colkind {
	K_KEY,      /* identifies the record */
	K_EDIT,     /* written through the editing engine (same name as its field) */
	K_PLAN,     /* plan_number: written as the commitment's plan */
	K_APPEND,   /* evidence: new addresses are added */
	K_READONLY, /* must not change */
	K_IGNORED,  /* computed: not read */
};

struct colspec {
	const char  *name;
	enum colkind kind;
};

#define IGN(n) \
	{ \
		n, K_IGNORED \
	}
#define ED(n) \
	{ \
		n, K_EDIT \
	}

static const struct colspec ms_cols[] = { { "ogp_id", K_KEY }, { "position", K_KEY },
	ED("title_pt"), ED("title_en"), ED("planned_start"), ED("planned_end"), ED("completed_on"),
	ED("status"), ED("progress"), ED("progress_as_of"), ED("progress_source"),
	{ "evidence", K_APPEND }, IGN("updated_at"), IGN("url"), IGN("url_pt"), IGN("url_en"),
	IGN("title_pt_kind"), IGN("title_en_kind"), IGN("progress_as_of_kind"),
	IGN("progress_confidence"), { NULL, K_IGNORED } };

static const struct colspec cm_cols[] = { { "ogp_id", K_KEY }, { "plan_number", K_PLAN },
	ED("number"), ED("title_pt"), ED("title_en"), ED("summary_pt"), ED("summary_en"),
	ED("problem_pt"), ED("problem_en"), ED("start_date"), ED("end_date"), ED("self_status"),
	ED("self_status_date"), ED("irm_verifiable"), ED("irm_relevant"), ED("irm_ambition"),
	ED("irm_potential_impact"), ED("irm_potential_results"), ED("irm_completion"),
	ED("irm_diog"), ED("irm_early_results"), ED("irm_starred"), ED("cluster_pt"),
	ED("cluster_en"), ED("note_pt"), ED("note_en"), { "irm_promising", K_READONLY },
	{ "leads", K_READONLY }, { "supports", K_READONLY }, { "ogp_values", K_READONLY },
	{ "policy_areas", K_READONLY }, IGN("lead_names_pt"), IGN("lead_names_en"),
	IGN("support_names_pt"), IGN("support_names_en"), IGN("policy_area_names_pt"),
	IGN("policy_area_names_en"), IGN("progress_percent"), IGN("progress_known"),
	IGN("progress_total"), IGN("progress_as_of"), IGN("updated_at"), IGN("url"), IGN("url_pt"),
	IGN("url_en"), IGN("ogp_id_confidence"), IGN("title_pt_kind"), IGN("title_pt_confidence"),
	IGN("title_en_kind"), IGN("title_en_confidence"), IGN("values_confidence"),
	IGN("self_percent"), IGN("self_as_of"), IGN("self_as_of_kind"), IGN("self_source"),
	IGN("self_confidence"), IGN("irm_date"), IGN("irm_results_date"), IGN("irm_confidence"),
	IGN("leads_confidence"), IGN("supports_confidence"), IGN("irm_early_results_confidence"),
	IGN("irm_open_gov_lens"), { NULL, K_IGNORED } };

static const struct colspec *const specs[DS__MAX] = { ms_cols, cm_cols };
static const char *const           ds_names[DS__MAX] = { "milestones", "commitments" };

/* The state of one import. */
struct run {
	sqlite3                *rw;
	const struct bulk_opts *o;
	struct bulk_report     *r;
	struct table           *t;
	enum ds                 ds;
	const struct kind      *k;
	const struct colspec   *spec[COLS_MAX]; /* of each column of t */
	long long               change_id;
	char                  **keys; /* the keys seen, for duplicates */
	long                   *keylines;
};

/* One row being imported. */
struct rowstate {
	const struct kind *k;
	const struct trow *row;
	char               rec[24];
	long long          cid; /* the commitment */
	long long          id;  /* the row written (0: new) */
	int                found;
	struct values      old;
	struct values      v;
	int                changed[EDIT_FIELDS_MAX];
	char              *merged[EDIT_FIELDS_MAX];
	char              *evnew[64]; /* evidence addresses to add */
	size_t             nevnew;
	int                bad;
};

/* Adds a report item; returns it (NULL when memory runs out). */
static struct bulk_item *
item(struct bulk_report *r, long line, const char *rec)
{
	struct bulk_item *it;
	size_t            cap;

	if (r->nitems == r->cap) {
		cap = r->cap ? r->cap * 2 : 32;
		if ((it = realloc(r->items, cap * sizeof *it)) == NULL)
			return NULL;
		r->items = it;
		r->cap = cap;
	}
	it = &r->items[r->nitems++];
	memset(it, 0, sizeof *it);
	it->line = line;
	snprintf(it->record, sizeof it->record, "%s", rec);
	return it;
}

/* The text of b: "" when nothing was ever put in it. */
static const char *
bstr(const struct buf *b)
{
	return b->p != NULL ? b->p : "";
}

/* strdup that keeps NULL. */
static char *
dup(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

/* Refuses the row: adds an error item (field may be NULL), printf-style reason. */
static void refuse(struct run *u, struct rowstate *st, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void
refuse(struct run *u, struct rowstate *st, const char *field, const char *fmt, ...)
{
	struct bulk_item *it = item(u->r, st->row->line, st->rec);
	char              msg[600];
	va_list           ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	st->bad = 1;
	if (it != NULL) {
		it->field = dup(field);
		it->error = strdup(msg);
	}
}

/* Chooses the dataset from the JSON "dataset" or the columns, and checks every column.
 * Returns 0, or -1 with r->error set. */
static int
check_columns(struct run *u)
{
	struct table *t = u->t;
	int           has_ogp = 0, has_pos = 0;
	size_t        i, j;

	for (i = 0; i < t->ncols; i++) {
		has_ogp |= strcmp(t->cols[i], "ogp_id") == 0;
		has_pos |= strcmp(t->cols[i], "position") == 0;
	}
	if (t->dataset != NULL && t->dataset[0] == '\0') {
		snprintf(u->r->error, sizeof u->r->error,
		    "this file is not a milestones or "
		    "commitments file: the import takes those only");
		return -1;
	}
	if (!has_ogp) {
		snprintf(u->r->error, sizeof u->r->error,
		    "no ogp_id column: the import takes "
		    "milestones files (ogp_id, position, ...) and commitments files (ogp_id, "
		    "...)");
		return -1;
	}
	u->ds = (t->dataset != NULL ? strcmp(t->dataset, "milestones") == 0 : has_pos)
	    ? DS_MILESTONES
	    : DS_COMMITMENTS;
	u->r->dataset = ds_names[u->ds];
	u->k = edit_kind(ds_names[u->ds]);
	if (u->ds == DS_MILESTONES && !has_pos) {
		snprintf(u->r->error, sizeof u->r->error,
		    "a milestones file needs the column "
		    "position");
		return -1;
	}
	for (i = 0; i < t->ncols; i++) {
		for (j = 0; specs[u->ds][j].name != NULL; j++)
			if (strcmp(specs[u->ds][j].name, t->cols[i]) == 0)
				break;
		if (specs[u->ds][j].name == NULL) {
			snprintf(u->r->error, sizeof u->r->error,
			    "the column \"%s\" is not one "
			    "of a %s file",
			    t->cols[i], ds_names[u->ds]);
			return -1;
		}
		u->spec[i] = &specs[u->ds][j];
		if (u->spec[i]->kind == K_EDIT && edit_field(u->k, t->cols[i]) < 0)
			return -1;
	}
	return 0;
}

/* ---- One row ---- */

/* The column index of name in the file, or -1. */
static int
col(const struct run *u, const char *name)
{
	size_t i;

	for (i = 0; i < u->t->ncols; i++)
		if (strcmp(u->t->cols[i], name) == 0)
			return (int)i;
	return -1;
}

/* Returns 1 when the stored value a and the imported value b (already tidy) differ. */
static int
differs(const char *a, const char *b)
{
	char *ta = edit_tidy(a);
	int   d = edit_differ(ta, b);

	free(ta);
	return d;
}

static int strp_cmp(const void *a, const void *b);

/* Splits a "; "-joined list (a ';' followed by a space or the end separates values)
 * into sorted values (at most max), each trimmed.  Returns the count; values are
 * malloc'd. */
static size_t
split_list(const char *s, char **out, size_t max)
{
	const char *p = s, *e;
	size_t      n = 0, len;

	while (p != NULL && *p != '\0' && n < max) {
		for (e = strchr(p, ';'); e != NULL && e[1] != ' ' && e[1] != '\t' && e[1] != '\0';
		     e = strchr(e + 1, ';'))
			;
		len = e ? (size_t)(e - p) : strlen(p);
		while (len > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len > 0 && (out[n] = strndup(p, len)) != NULL)
			n++;
		p = e ? e + 1 : NULL;
	}
	qsort(out, n, sizeof *out, strp_cmp);
	return n;
}

static int
strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* List which of row id (role: see bulk_list) as a sorted "; "-joined list in b.
 * Returns 0 or -1. */
static int
list(enum bulk_list which, long long id, const char *role, struct buf *b)
{
	char  *v[256];
	size_t n, i;
	int    rc;

	rc = bulk_list(which, id, role, v, 256, &n);
	if (n > 1)
		qsort(v, n, sizeof *v, strp_cmp);
	buf_reset(b);
	for (i = 0; i < n; i++) {
		buf_printf(b, "%s%s", i ? "; " : "", v[i] ? v[i] : "");
		free(v[i]);
	}
	return rc;
}

/* The getter edit_parse reads the merged values through. */
static const char *
merged_get(const void *arg, const char *name)
{
	const struct rowstate *st = arg;
	int                    i = edit_field(st->k, name);

	return i >= 0 ? st->merged[i] : NULL;
}

/* Finds the record of the row: its commitment, its milestone (or 0: new), and refuses
 * a row whose key is missing, malformed, unknown or repeated.  Returns 0, 1 refused,
 * -1 error. */
static int
find_record(struct run *u, struct rowstate *st, size_t rowi)
{
	int         co = col(u, "ogp_id"), cp = col(u, "position");
	const char *ogp = st->row->v[co], *pos = cp >= 0 ? st->row->v[cp] : NULL;
	long long   n;
	size_t      i;

	snprintf(st->rec, sizeof st->rec, "%.6s%s%.4s", ogp ? ogp : "?",
	    u->ds == DS_MILESTONES ? "/" : "", u->ds == DS_MILESTONES ? (pos ? pos : "?") : "");
	if (ogp == NULL || !valid_ogp_id(ogp))
		return refuse(u, st, "ogp_id",
			   "not an OGP id (two capital letters and four "
			   "digits, such as PT0013): \"%s\"",
			   ogp ? ogp : ""),
		       1;
	if ((st->cid = bulk_commitment_id(ogp)) <= 0)
		return st->cid < 0 ? -1
				   : (refuse(u, st, "ogp_id",
					  "unknown OGP id %s: there "
					  "is no such commitment",
					  ogp),
					 1);
	st->id = st->cid;
	if (u->ds == DS_MILESTONES) {
		if (pos == NULL || valid_int(pos, 1, 999, &n) != 0)
			return refuse(u, st, "position",
				   "the position must be a whole number "
				   "from 1 to 999: \"%s\"",
				   pos ? pos : ""),
			       1;
		if ((st->id = bulk_milestone_id(st->cid, pos)) < 0)
			return -1;
	}
	for (i = 0; i < rowi; i++)
		if (u->keys[i] != NULL && strcmp(u->keys[i], st->rec) == 0)
			return refuse(u, st, NULL, "the same record as %s %ld",
				   u->r->json ? "records index" : "line", u->keylines[i]),
			       1;
	u->keys[rowi] = strdup(st->rec);
	u->keylines[rowi] = st->row->line;
	return 0;
}

/* Fills st->merged: every field of the kind, from the file where it has the column,
 * else the stored value.  Returns 0, 1 refused, -1 error. */
static int
merge(struct run *u, struct rowstate *st)
{
	const struct kind *k = u->k;
	const char        *name, *v;
	char               num[32];
	long long          n, pid;
	size_t             i;
	int                c;

	for (i = 0; i < k->nfields; i++) {
		name = k->fields[i].col;
		v = st->found ? st->old.v[i] : NULL;
		if (strcmp(name, "commitment_id") == 0 || strcmp(name, "plan_id") == 0) {
			if (strcmp(name, "commitment_id") == 0)
				snprintf(num, sizeof num, "%lld", st->cid);
			else if ((c = col(u, "plan_number")) >= 0 && st->row->has[c]) {
				if (st->row->v[c] == NULL ||
				    valid_int(st->row->v[c], 1, 999, &n) != 0)
					return refuse(u, st, "plan_number",
						   "the plan number must "
						   "be a whole number from 1 to 999"),
					       1;
				if ((pid = bulk_plan_id(n)) <= 0)
					return pid < 0 ? -1
						       : (refuse(u, st, "plan_number",
							      "there is no plan %lld", n),
							     1);
				snprintf(num, sizeof num, "%lld", pid);
			} else
				snprintf(num, sizeof num, "%s", v ? v : "");
			v = num;
		} else if ((c = col(u, name)) >= 0 &&
		    st->row->has[c] && /* NOLINT(bugprone-branch-clone) */
		    u->spec[c]->kind != K_KEY)
			v = st->row->v[c]; /* NOLINT(bugprone-branch-clone) */
		else if ((c = col(u, name)) >= 0 && u->spec[c]->kind == K_KEY)
			v = st->row->v[c];
		st->merged[i] = dup(v);
	}
	return 0;
}

/* Checks the read-only columns of a commitments row.  Returns 0 or -1 (error). */
static int
read_only(struct run *u, struct rowstate *st)
{
	static const struct {
		const char    *col;
		enum bulk_list l;
		const char    *role;
	} ro[] = { { "leads", BULK_ENTITIES, "lead" }, { "supports", BULK_ENTITIES, "support" },
		{ "ogp_values", BULK_VALUES, NULL }, { "policy_areas", BULK_AREAS, NULL } };
	struct buf  b = { 0 }, f = { 0 };
	char       *vals[256];
	size_t      i, n, j;
	long long   pr;
	int         c, rc = 0;
	const char *v;

	if ((c = col(u, "irm_promising")) >= 0 && st->row->has[c]) {
		v = st->row->v[c];
		pr = bulk_promising(st->cid);
		if (pr == -1)
			return -1;
		if (!(v == NULL
			    ? pr == -2
			    : ((strcmp(v, "true") == 0 || strcmp(v, "1") == 0)           ? pr == 1
				      : (strcmp(v, "false") == 0 || strcmp(v, "0") == 0) ? pr == 0
											 : 0)))
			refuse(u, st, "irm_promising",
			    "read-only in an import: change it in "
			    "the admin area");
	}
	for (i = 0; i < sizeof ro / sizeof ro[0] && rc == 0; i++) {
		if ((c = col(u, ro[i].col)) < 0 || !st->row->has[c])
			continue;
		if ((rc = list(ro[i].l, st->cid, ro[i].role, &b)) != 0)
			break;
		n = split_list(st->row->v[c], vals, 256);
		buf_reset(&f);
		for (j = 0; j < n; j++) {
			buf_printf(&f, "%s%s", j ? "; " : "", vals[j]);
			free(vals[j]);
		}
		if (strcmp(bstr(&b), bstr(&f)) != 0)
			refuse(u, st, ro[i].col,
			    "read-only in an import: change the bodies, "
			    "values and areas in the admin area (stored: \"%s\")",
			    bstr(&b));
	}
	buf_free(&b);
	buf_free(&f);
	return rc;
}

/* The comparable form of an evidence address: the site's own copy of a document
 * (.../uploads/<sha256>) is "upload:<sha256>" whatever the host. */
static void
ev_norm(const char *u, char *out, size_t outlen)
{
	const char *p = strstr(u, "/uploads/");

	if (p != NULL && strlen(p + 9) == 64 && strspn(p + 9, "0123456789abcdef") == 64)
		snprintf(out, outlen, "upload:%s", p + 9);
	else
		snprintf(out, outlen, "%s", u);
}

/* Reads the evidence column of a milestones row: the addresses to add go to
 * st->evnew; removing one is refused.  Returns 0 or -1 (error). */
static int
evidence(struct run *u, struct rowstate *st)
{
	struct buf b = { 0 };
	char      *vals[64], norm[2100], *stored[256], *p;
	size_t     n, ns = 0, i, j;
	int        c;

	if ((c = col(u, "evidence")) < 0 || !st->row->has[c])
		return 0;
	if (st->id != 0) {
		if (list(BULK_EVIDENCE, st->id, NULL, &b) != 0)
			return buf_free(&b), -1;
		ns = split_list(bstr(&b), stored, 256);
	}
	n = split_list(st->row->v[c], vals, 64);
	for (i = 0; i < n; i++) {
		ev_norm(vals[i], norm, sizeof norm);
		for (j = 0; j < ns && (stored[j] == NULL || strcmp(stored[j], norm) != 0); j++)
			;
		if (j < ns) {
			free(stored[j]);
			stored[j] = NULL;
			free(vals[i]);
		} else if (strncmp(norm, "upload:", 7) == 0 || !valid_http_url(vals[i]) ||
		    strlen(vals[i]) > 2048) {
			refuse(u, st, "evidence",
			    "not an http(s) address, or a document this "
			    "milestone does not have: \"%s\"",
			    vals[i]);
			free(vals[i]);
		} else
			st->evnew[st->nevnew++] = vals[i];
	}
	for (j = 0; j < ns; j++)
		if ((p = stored[j]) != NULL) {
			if (!st->bad)
				refuse(u, st, "evidence",
				    "an import only adds evidence: \"%s\" "
				    "is missing from the file (remove evidence in the admin "
				    "area)",
				    p);
			free(p);
		}
	buf_free(&b);
	return 0;
}

/* Start and end columns that must be in order (as in the admin forms). */
static const char *const pairs[][2] = { { "planned_start", "planned_end" },
	{ "start_date", "end_date" } };

/* Validates the merged row with the forms' validators, keeping the stored value of
 * every field that did not change (never checked again, never rewritten).  Applies the
 * evidence rule and dates a changed progress.  Returns the number of changed fields. */
static int
validate(struct run *u, struct rowstate *st)
{
	const struct kind *k = u->k;
	size_t             i, p, len;
	int                a, b, n = 0, asof, pr, ms = u->ds == DS_MILESTONES;

	edit_parse(k, merged_get, st, &st->v);
	for (i = 0; i < k->nfields; i++) {
		st->changed[i] = differs(st->found ? st->old.v[i] : NULL, st->v.v[i]);
		if (!st->changed[i]) {
			free(st->v.v[i]);
			st->v.v[i] = st->found ? dup(st->old.v[i]) : NULL;
			st->v.err[i] = NULL;
		}
	}
	for (p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
		a = edit_field(k, pairs[p][0]);
		b = edit_field(k, pairs[p][1]);
		if (a < 0 || b < 0 || (!st->changed[a] && !st->changed[b]) || st->v.v[a] == NULL ||
		    st->v.v[b] == NULL || st->v.err[a] || st->v.err[b])
			continue;
		len = strlen(st->v.v[a]) < strlen(st->v.v[b]) ? strlen(st->v.v[a])
							      : strlen(st->v.v[b]);
		if (strncmp(st->v.v[a], st->v.v[b], len) > 0)
			st->v.err[b] = "O fim não pode ser anterior ao início.";
	}
	for (i = 0; i < k->nfields; i++)
		if (st->v.err[i] != NULL)
			refuse(u, st,
			    strcmp(k->fields[i].col, "plan_id") == 0 ? "plan_number"
								     : k->fields[i].col,
			    "%s (\"%s\")", st->v.err[i], st->merged[i] ? st->merged[i] : "");
	if (ms) {
		pr = edit_field(k, "progress");
		asof = edit_field(k, "progress_as_of");
		if ((st->changed[edit_field(k, "status")] || st->changed[pr]) && st->nevnew == 0)
			refuse(u, st, "evidence",
			    "a change of status or progress needs "
			    "evidence: add its address to the evidence column (\"; \" between "
			    "addresses)");
		if (st->changed[pr] && st->v.v[pr] != NULL && !st->changed[asof] &&
		    u->o->today != NULL) {
			free(st->v.v[asof]);
			st->v.v[asof] = strdup(u->o->today);
			st->changed[asof] =
			    differs(st->found ? st->old.v[asof] : NULL, st->v.v[asof]);
		}
	}
	for (i = 0; i < k->nfields; i++)
		n += st->changed[i];
	return n;
}

/* The plan number of plan id (for the report), as text into out. */
static void
plan_number(const char *id, char *out, size_t outlen)
{
	long long n = id ? bulk_plan_number(strtoll(id, NULL, 10)) : 0;

	if (n > 0)
		snprintf(out, outlen, "%lld", n);
	else
		out[0] = '\0';
}

/* Reports the changes of a valid row. */
static void
report_changes(struct run *u, struct rowstate *st)
{
	struct bulk_item *it;
	char              a[24], b[24];
	size_t            i;

	for (i = 0; i < u->k->nfields; i++) {
		if (!st->changed[i] || (it = item(u->r, st->row->line, st->rec)) == NULL)
			continue;
		it->create = !st->found;
		if (strcmp(u->k->fields[i].col, "plan_id") == 0) {
			plan_number(st->found ? st->old.v[i] : NULL, a, sizeof a);
			plan_number(st->v.v[i], b, sizeof b);
			it->field = strdup("plan_number");
			it->before = a[0] ? strdup(a) : NULL;
			it->after = b[0] ? strdup(b) : NULL;
		} else {
			it->field = strdup(u->k->fields[i].col);
			it->before = st->found ? dup(st->old.v[i]) : NULL;
			it->after = dup(st->v.v[i]);
		}
		u->r->fields++;
	}
	for (i = 0; i < st->nevnew; i++)
		if ((it = item(u->r, st->row->line, st->rec)) != NULL) {
			it->create = !st->found;
			it->field = strdup("evidence");
			it->after = strdup(st->evnew[i]);
			u->r->fields++;
		}
}

/* Writes a valid, changed row: the record through the editing engine, then the new
 * evidence with a revision row each.  Returns 0, 1 refused by the database, -1 error. */
static int
apply(struct run *u, struct rowstate *st)
{
	struct edit_change ch = { 0, u->o->staff_id, u->o->actor, NULL };
	const char        *dberr;
	size_t             i;
	int                rc;

	st->v.version = st->found ? st->old.version : 0;
	if (u->change_id == 0 && (u->change_id = edit_change_id()) <= 0)
		return -1;
	rc = 0;
	for (i = 0; i < u->k->nfields && !st->changed[i]; i++)
		;
	if (i < u->k->nfields)
		rc = edit_save_in(u->rw, u->k, &st->id, &st->v, u->o->staff_id, u->o->actor,
		    &u->change_id, &dberr);
	if (rc == 1 || rc == 2) {
		refuse(u, st, NULL, "the database refused the row: %s",
		    dberr ? dberr : "the record changed meanwhile");
		return 1;
	}
	ch.change_id = u->change_id; /* taken above: the import's one change */
	for (i = 0; rc == 0 && i < st->nevnew; i++)
		if (edit_add_evidence(u->rw, st->id, st->evnew[i], NULL, NULL, &ch) != 0)
			rc = -1;
	return rc;
}

static void
rowstate_free(struct rowstate *st)
{
	size_t i;

	if (st->found)
		edit_values_free(&st->old);
	edit_values_free(&st->v);
	for (i = 0; i < EDIT_FIELDS_MAX; i++)
		free(st->merged[i]);
	for (i = 0; i < st->nevnew; i++)
		free(st->evnew[i]);
}

/* Imports row i of the file.  Returns 0 (done, or unchanged, or refused: see st.bad),
 * -1 on a database error. */
static int
one_row(struct run *u, size_t rowi)
{
	struct rowstate st;
	int             rc, n;

	memset(&st, 0, sizeof st);
	st.k = u->k;
	st.row = &u->t->rows[rowi];
	u->r->rows++;
	if ((rc = find_record(u, &st, rowi)) != 0)
		goto out;
	if (st.id != 0 && (st.found = edit_load(u->rw, u->k, st.id, &st.old)) < 0) {
		st.found = 0;
		rc = -1;
		goto out;
	}
	if ((rc = merge(u, &st)) != 0)
		goto out;
	if (u->ds == DS_COMMITMENTS && (rc = read_only(u, &st)) != 0)
		goto out;
	if (u->ds == DS_MILESTONES && (rc = evidence(u, &st)) != 0)
		goto out;
	n = validate(u, &st);
	if (st.bad || (n == 0 && st.nevnew == 0))
		goto out;
	report_changes(u, &st);
	if ((rc = apply(u, &st)) == 0)
		u->r->changed++;
out:
	if (st.bad)
		u->r->refused++;
	rowstate_free(&st);
	return rc < 0 ? -1 : 0;
}

int
bulk_import(
    sqlite3 *rw, const char *data, size_t len, const struct bulk_opts *o, struct bulk_report *r)
{
	struct table t;
	struct run   u;
	size_t       i;
	int          rc = 1;

	memset(r, 0, sizeof *r);
	memset(&t, 0, sizeof t);
	memset(&u, 0, sizeof u);
	u.rw = rw;
	u.o = o;
	u.r = r;
	u.t = &t;
	if (len > BULK_MAX) {
		snprintf(r->error, sizeof r->error, "the file is larger than %d MB",
		    BULK_MAX / (1024 * 1024));
		return 1;
	}
	if (!valid_utf8(data, len)) {
		snprintf(r->error, sizeof r->error,
		    "the file is not UTF-8 text (save it as "
		    "\"CSV UTF-8\")");
		return 1;
	}
	if (bulk_read(data, len, &t, r) != 0 || check_columns(&u) != 0)
		goto out;
	if ((u.keys = calloc(t.nrows + 1, sizeof *u.keys)) == NULL ||
	    (u.keylines = calloc(t.nrows + 1, sizeof *u.keylines)) == NULL)
		goto fail;
	if (store_begin(rw) != 0)
		goto fail;
	for (i = 0; i < t.nrows; i++)
		if (one_row(&u, i) != 0)
			break;
	if (i < t.nrows) { /* NOLINT(bugprone-branch-clone): different messages */
		snprintf(r->error, sizeof r->error, "database error: %s", db_errmsg(rw));
		store_rollback(rw);
		rc = -1;
	} else if (r->refused > 0 || o->dry_run) {
		store_rollback(rw);
		rc = r->refused > 0;
	} else if (store_commit(rw) != 0) { /* its hook switches the page cache */
		snprintf(r->error, sizeof r->error, "database error: %s", db_errmsg(rw));
		store_rollback(rw);
		rc = -1;
	} else
		rc = 0;
	goto out;
fail:
	snprintf(r->error, sizeof r->error, "database error: %s", db_errmsg(rw));
	rc = -1;
out:
	for (i = 0; u.keys != NULL && i < t.nrows; i++)
		free(u.keys[i]);
	free(u.keys);
	free(u.keylines);
	bulk_table_free(&t);
	return rc;
}
