/* edit: the saves of the editing engine (see edit.h): a row loaded, written with its
 * version checked, deleted, and the revision rows of each change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/valid.h"
#include "store/db.h"
#include "store/edit.h"
#include "store/stmt.h"

/* Statements per kind, assembled at start from the constant names of the field tables
 * (editfields.c): the SELECT reads the fields in their order, then the version. */
enum kst { K_SELECT, K_INSERT, K_UPDATE, K_DELETE, K__MAX };
static sqlite3_stmt *kst[EDIT_KINDS][K__MAX];

enum { X_REVISION, X_CHANGE_ID, X_PLAN_OF, X_EVIDENCE, X_EVIDENCE_REV, X_PARENT_LOOP, X__MAX };
static const char *const xsql[X__MAX] = {
	/* X_REVISION */
	"INSERT INTO revision (change_id, staff_id, actor, approved_by, tbl, row_id, "
	"commitment_id, plan_id, op, field, before, after) VALUES (?1, nullif(?2, 0), ?3, ?4, "
	"?5, ?6, nullif(?7, 0), nullif(?8, 0), ?9, ?10, ?11, ?12)",
	/* X_CHANGE_ID: the next change id (one column) */
	"SELECT coalesce(max(change_id), 0) + 1 FROM revision",
	/* X_PLAN_OF: the plan of commitment ?1 (one column) */
	"SELECT plan_id FROM commitment WHERE id = ?1",
	/* X_EVIDENCE: one evidence link of milestone ?1, to the outside address ?2 or the
	 * upload ?4, labelled ?3 or else with the upload's name */
	"INSERT INTO link (milestone_id, kind, url, upload_sha, label_pt, label_en, "
	"position) VALUES (?1, 'evidence', ?2, ?4, coalesce(?3, (SELECT name FROM upload "
	"WHERE sha256 = ?4)), coalesce(?3, (SELECT name FROM upload WHERE sha256 = ?4)), "
	"(SELECT count(*) FROM link WHERE milestone_id = ?1))",
	/* X_EVIDENCE_REV: the revision row of evidence ?5 added to milestone ?6 by change ?1
	 * (staff ?2, actor ?3, approver ?4), with the milestone's commitment and plan */
	"INSERT INTO revision (change_id, staff_id, actor, approved_by, tbl, row_id, "
	"commitment_id, plan_id, op, field, before, after) SELECT ?1, nullif(?2, 0), ?3, ?4, "
	"'milestone', m.id, m.commitment_id, c.plan_id, 'update', 'evidence', NULL, ?5 FROM "
	"milestone m JOIN commitment c ON c.id = m.commitment_id WHERE m.id = ?6",
	/* X_PARENT_LOOP: 1 when body ?1 is body ?2 or one of the bodies ?2 belongs to,
	 * however far up (one column) */
	"WITH RECURSIVE up(id) AS (SELECT ?2 UNION SELECT e.parent_id FROM entity e JOIN up "
	"ON e.id = up.id WHERE e.parent_id IS NOT NULL) SELECT EXISTS (SELECT 1 FROM up "
	"WHERE id = ?1)",
};

/* The one column of X_CHANGE_ID, X_PLAN_OF and X_PARENT_LOOP. */
enum { X_VALUE };

STORE_TABLE(store_edit, "edit", STORE_RW, X__MAX, xsql);

/* Builds the statements of kind ki and prepares them.  Returns 0 or -1. */
static int
prepare_kind(sqlite3 *rw, size_t ki, char *err, size_t errlen)
{
	const struct kind *k = edit_kind_at(ki);
	struct buf         b[K__MAX] = { { 0 } };
	size_t             i;
	int                j, rc = 0;

	buf_puts(&b[K_SELECT], "SELECT ");
	buf_printf(&b[K_INSERT], "INSERT INTO %s (", k->table);
	buf_printf(&b[K_UPDATE], "UPDATE %s SET ", k->table);
	for (i = 0; i < k->nfields; i++) {
		buf_printf(&b[K_SELECT], "%s, ", k->fields[i].col);
		buf_printf(&b[K_INSERT], "%s%s", i ? ", " : "", k->fields[i].col);
		buf_printf(&b[K_UPDATE], "%s = ?%zu, ", k->fields[i].col, i + 1);
	}
	buf_printf(&b[K_SELECT], "version FROM %s WHERE %s = ?1", k->table, k->key);
	buf_puts(&b[K_INSERT], ") VALUES (");
	for (i = 0; i < k->nfields; i++)
		buf_printf(&b[K_INSERT], "%s?%zu", i ? ", " : "", i + 1);
	buf_puts(&b[K_INSERT], ")");
	buf_printf(&b[K_UPDATE],
	    "version = version + 1, updated_at = strftime('%%Y-%%m-%%dT"
	    "%%H:%%M:%%SZ', 'now') WHERE %s = ?%zu AND version = ?%zu",
	    k->key, k->nfields + 1, k->nfields + 2);
	buf_printf(&b[K_DELETE], "DELETE FROM %s WHERE %s = ?1 AND version = ?2", k->table, k->key);
	for (j = 0; j < K__MAX; j++) {
		if (rc == 0 &&
		    (b[j].oom ||
			sqlite3_prepare_v3(rw, b[j].p, -1, SQLITE_PREPARE_PERSISTENT, &kst[ki][j],
			    NULL) != SQLITE_OK)) {
			snprintf(err, errlen, "edit %s: %s", k->slug, sqlite3_errmsg(rw));
			rc = -1;
		}
		buf_free(&b[j]);
	}
	return rc;
}

int
edit_init(sqlite3 *rw, char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < EDIT_KINDS; i++)
		if (prepare_kind(rw, i, err, errlen) != 0)
			return -1;
	return 0;
}

void
edit_finish(void)
{
	size_t i, j;

	for (i = 0; i < EDIT_KINDS; i++)
		for (j = 0; j < K__MAX; j++) {
			sqlite3_finalize(kst[i][j]);
			kst[i][j] = NULL;
		}
}

/* The statement which of kind k, reset and with its bindings cleared. */
static sqlite3_stmt *
kstmt(const struct kind *k, enum kst which)
{
	sqlite3_stmt *s = kst[k - edit_kind_at(0)][which];

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

int
edit_load(sqlite3 *rw, const struct kind *k, long long id, struct values *v)
{
	sqlite3_stmt *s = kstmt(k, K_SELECT);
	const char   *t;
	size_t        i;
	int           rc;

	(void)rw;
	memset(v, 0, sizeof *v);
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		sqlite3_reset(s);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	for (i = 0; i < k->nfields; i++)
		if ((t = (const char *)sqlite3_column_text(s, (int)i)) != NULL &&
		    (v->v[i] = strdup(t)) == NULL)
			rc = -1;
	v->version = sqlite3_column_int64(s, (int)k->nfields);
	sqlite3_reset(s);
	if (rc == -1) {
		edit_values_free(v);
		return -1;
	}
	return 1;
}

/* Copies the connection's last error message, which a ROLLBACK would replace. */
static const char *
keep_err(sqlite3 *rw)
{
	static char msg[256];

	snprintf(msg, sizeof msg, "%s", sqlite3_errmsg(rw));
	return msg;
}

/* Binds v's values as ?1..?n of s (numbers as integers, empty as NULL). */
static void
bind_values(sqlite3_stmt *s, const struct kind *k, const struct values *v)
{
	long long n;
	size_t    i;
	int       ty;

	for (i = 0; i < k->nfields; i++) {
		ty = k->fields[i].type;
		if (v->v[i] == NULL)
			sqlite3_bind_null(s, (int)i + 1);
		else if ((ty == F_INT || ty == F_PERCENT || ty == F_REF || ty == F_BOOL ||
			     ty == F_YESNO) &&
		    valid_int(v->v[i], 0, 1LL << 53, &n) == 0)
			sqlite3_bind_int64(s, (int)i + 1, n);
		else
			sqlite3_bind_text(s, (int)i + 1, v->v[i], -1, SQLITE_TRANSIENT);
	}
}

/* What a revision row needs besides the change itself. */
struct revctx {
	long long          change_id;
	long long          staff_id;
	const char        *actor;
	const char        *approver;
	const struct kind *k;
	long long          row_id;
	long long          commitment_id;
	long long          plan_id;
};

/* Appends one revision row.  Returns 0 or -1. */
static int
revision(const struct revctx *r, const char *op, const char *field, const char *before,
    const char *after)
{
	sqlite3_stmt *s = store_stmt(&store_edit, X_REVISION);

	sqlite3_bind_int64(s, 1, r->change_id);
	sqlite3_bind_int64(s, 2, r->staff_id);
	sqlite3_bind_text(s, 3, r->actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, r->approver, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, r->k->table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, r->row_id);
	sqlite3_bind_int64(s, 7, r->commitment_id);
	sqlite3_bind_int64(s, 8, r->plan_id);
	sqlite3_bind_text(s, 9, op, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 11, before, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 12, after, -1, SQLITE_TRANSIENT);
	return store_run(s);
}

long long
edit_change_id(void)
{
	sqlite3_stmt *s = store_stmt(&store_edit, X_CHANGE_ID);
	long long     id = db_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, X_VALUE) : -1;

	sqlite3_reset(s); /* no read left open inside the write transaction */
	return id;
}

int
edit_revision(sqlite3 *rw, long long *change_id, long long staff_id, const char *actor,
    const char *tbl, long long row_id, const char *op, const char *field, const char *before,
    const char *after)
{
	return edit_revision_of(
	    rw, change_id, staff_id, actor, tbl, row_id, 0, 0, op, field, before, after);
}

int
edit_revision_of(sqlite3 *rw, long long *change_id, long long staff_id, const char *actor,
    const char *tbl, long long row_id, long long commitment_id, long long plan_id, const char *op,
    const char *field, const char *before, const char *after)
{
	struct kind   k = { 0 };
	struct revctx r = { *change_id, staff_id, actor, NULL, &k, row_id, commitment_id, plan_id };

	(void)rw;
	k.table = tbl;
	if (r.change_id == 0) {
		if ((r.change_id = edit_change_id()) < 0)
			return -1;
		*change_id = r.change_id;
	}
	return revision(&r, op, field, before, after);
}

/* Fills the change id and the commitment and plan a row belongs to. */
static int
revctx_owners(struct revctx *r, const struct values *v)
{
	sqlite3_stmt *s;
	int           f;

	/* A bulk import shares one change id; any other action takes a new one. */
	if (r->change_id == 0 && (r->change_id = edit_change_id()) < 0)
		return -1;
	r->commitment_id = r->plan_id = 0;
	if (strcmp(r->k->table, "action_plan") == 0)
		r->plan_id = r->row_id;
	if (strcmp(r->k->table, "commitment") == 0) {
		r->commitment_id = r->row_id;
		f = edit_field(r->k, "plan_id");
		r->plan_id = v->v[f] ? strtoll(v->v[f], NULL, 10) : 0;
	}
	if (strcmp(r->k->table, "milestone") == 0) {
		f = edit_field(r->k, "commitment_id");
		r->commitment_id = v->v[f] ? strtoll(v->v[f], NULL, 10) : 0;
		s = store_stmt(&store_edit, X_PLAN_OF);
		sqlite3_bind_int64(s, 1, r->commitment_id);
		if (db_step(s) == SQLITE_ROW)
			r->plan_id = sqlite3_column_int64(s, X_VALUE);
		sqlite3_reset(s);
	}
	return 0;
}

int
edit_differ(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

/* Writes the row (insert or versioned update) and its revisions.  Inside a transaction.
 * Returns 0, 1 conflict, 2 refused by a constraint, -1 error. */
static int
write_row(sqlite3 *rw, const struct kind *k, long long *id, const struct values *v,
    struct revctx *r, const char **dberr)
{
	struct values old;
	sqlite3_stmt *s;
	size_t        i;
	int           rc, found = 0;

	if (*id != 0 && (found = edit_load(rw, k, *id, &old)) <= 0)
		return found == 0 ? 1 : -1;
	if (*id != 0 && old.version != v->version) {
		edit_values_free(&old);
		return 1;
	}
	s = kstmt(k, *id ? K_UPDATE : K_INSERT);
	bind_values(s, k, v);
	if (*id != 0) {
		sqlite3_bind_int64(s, (int)k->nfields + 1, *id);
		sqlite3_bind_int64(s, (int)k->nfields + 2, v->version);
	}
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE || sqlite3_changes(rw) != 1) {
		*dberr = keep_err(rw);
		if (found)
			edit_values_free(&old);
		return (rc & 0xff) == SQLITE_CONSTRAINT ? 2 : rc == SQLITE_DONE ? 1 : -1;
	}
	if (*id == 0)
		*id = sqlite3_last_insert_rowid(rw);
	r->row_id = *id;
	rc = revctx_owners(r, v);
	if (rc == 0 && !found)
		rc = revision(r, "create", NULL, NULL, NULL);
	for (i = 0; rc == 0 && i < k->nfields; i++)
		if (edit_differ(found ? old.v[i] : NULL, v->v[i]))
			rc = revision(r, found ? "update" : "create", k->fields[i].col,
			    found ? old.v[i] : NULL, v->v[i]);
	if (found)
		edit_values_free(&old);
	return rc;
}

int
edit_save(sqlite3 *rw, const struct kind *k, long long *id, const struct values *v,
    long long staff_id, const char *actor, const char *approver,
    int (*extra)(sqlite3 *, long long, struct edit_change *, void *), void *extra_arg,
    const char **dberr)
{
	struct revctx      r = { 0, staff_id, actor, approver, k, 0, 0, 0 };
	struct edit_change ch = { 0, staff_id, actor, approver };
	long long          orig = *id;
	int                rc;

	*dberr = NULL;
	if (store_begin(rw) != 0) {
		*dberr = keep_err(rw);
		return -1;
	}
	rc = write_row(rw, k, id, v, &r, dberr);
	ch.change_id = r.change_id;
	if (rc == 0 && extra != NULL)
		rc = extra(rw, *id, &ch, extra_arg);
	/* store_commit returns after the commit hook unpublished the pages */
	if (rc == 0 && store_commit(rw) == 0)
		return 0;
	db_fault(rw); /* why it failed (a full disk...), before ROLLBACK forgets it */
	store_rollback(rw);
	*id = orig;
	return rc == 0 ? -1 : rc;
}

int
edit_save_in(sqlite3 *rw, const struct kind *k, long long *id, const struct values *v,
    long long staff_id, const char *actor, long long *change_id, const char **dberr)
{
	struct revctx r = { *change_id, staff_id, actor, NULL, k, 0, 0, 0 };
	int           rc;

	*dberr = NULL;
	if ((rc = write_row(rw, k, id, v, &r, dberr)) == 0)
		*change_id = r.change_id;
	return rc;
}

int
edit_delete(sqlite3 *rw, const struct kind *k, long long id, long long version, long long staff_id,
    const char *actor, const char **dberr)
{
	struct revctx r = { 0, staff_id, actor, NULL, k, id, 0, 0 };
	struct values old;
	sqlite3_stmt *s;
	int           rc, found;

	*dberr = NULL;
	if (store_begin(rw) != 0)
		return -1;
	if ((found = edit_load(rw, k, id, &old)) <= 0 || old.version != version) {
		rc = found < 0 ? -1 : 1;
		goto fail;
	}
	rc = revctx_owners(&r, &old);
	s = kstmt(k, K_DELETE);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, version);
	if (rc == 0 && (rc = sqlite3_step(s)) != SQLITE_DONE) {
		*dberr = keep_err(rw);
		rc = (rc & 0xff) == SQLITE_CONSTRAINT ? 2 : -1;
	} else if (rc == SQLITE_DONE)
		rc = revision(&r, "delete", NULL, NULL, NULL);
	sqlite3_reset(s);
	if (rc == 0 && store_commit(rw) == 0) {
		edit_values_free(&old);
		return 0;
	}
fail:
	if (found > 0)
		edit_values_free(&old);
	db_fault(rw);
	store_rollback(rw);
	return rc == 0 ? -1 : rc;
}

/* Inserts one evidence link of milestone id: an outside url, or (url NULL) the upload
 * sha; with its revision row in ch unless ch is NULL. */
static int
evidence_link(
    long long id, const char *url, const char *sha, const char *label, struct edit_change *ch)
{
	sqlite3_stmt *s = store_stmt(&store_edit, X_EVIDENCE);
	char          doc[80];

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, url, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, label, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, url == NULL ? sha : NULL, -1, SQLITE_TRANSIENT);
	if (store_run(s) != 0)
		return -1;
	if (ch == NULL)
		return 0;
	if (ch->change_id == 0 && (ch->change_id = edit_change_id()) < 0)
		return -1;
	snprintf(doc, sizeof doc, "/uploads/%s", sha != NULL ? sha : "");
	s = store_stmt(&store_edit, X_EVIDENCE_REV);
	sqlite3_bind_int64(s, 1, ch->change_id);
	sqlite3_bind_int64(s, 2, ch->staff_id);
	sqlite3_bind_text(s, 3, ch->actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, ch->approver, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, url != NULL ? url : doc, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 6, id);
	return store_run(s);
}

int
edit_add_evidence(sqlite3 *rw, long long id, const char *url, const char *sha, const char *label,
    struct edit_change *ch)
{
	(void)rw;
	if (url != NULL && *url != '\0' && evidence_link(id, url, NULL, label, ch) != 0)
		return -1;
	if (sha != NULL && *sha != '\0' && evidence_link(id, NULL, sha, label, ch) != 0)
		return -1;
	return 0;
}

int
edit_parent_loop(long long id, long long parent)
{
	sqlite3_stmt *s = store_stmt(&store_edit, X_PARENT_LOOP);
	int           rc;

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, parent);
	rc = db_step(s) == SQLITE_ROW ? sqlite3_column_int(s, X_VALUE) != 0 : -1;
	sqlite3_reset(s);
	return rc;
}
