/*
 * edit: the one editing engine behind every admin form.  Each kind of record (plans,
 * commitments, milestones, bodies, events, pages...) is a table of typed fields
 * (editfields.h); from it the engine validates a submitted form field by field
 * (editcheck.c), renders the form (view/form.h), and saves (edit.c): in one IMMEDIATE
 * transaction it reads the row, refuses the save if the row's version moved since the
 * form was opened (the conflict page then shows both versions), writes the row, and
 * appends one revision row per changed field.  The SQL of each kind is assembled once
 * at start from the constant column names of its table (edit_init); the rest is the
 * store's table "edit" (store/stmt.h).
 */
#ifndef ABERTA_EDIT_H
#define ABERTA_EDIT_H
#include <stddef.h>
#include <sqlite3.h>

#include "store/editfields.h"

/* Who makes one change, and the change id its revision rows share (0 until the first
 * row takes one). */
struct edit_change {
	long long   change_id;
	long long   staff_id; /* 0: an import without an account */
	const char *actor;    /* the name shown publicly */
	const char *approver; /* the reviewer of an approved proposal, or NULL */
};

/* Prepares the statements of every kind on the writable connection (the table "edit"
 * comes with store_prepare(STORE_RW)).  Returns 0 or -1. */
int edit_init(sqlite3 *rw, char *err, size_t errlen);
/* Releases the statements of the kinds. */
void edit_finish(void);
/* Returns 1 when two optional values (NULL: empty) differ, else 0. */
int edit_differ(const char *a, const char *b);
/* Loads row id of k into v (with its version).  Returns 1 found, 0 not found, -1 error. */
int edit_load(sqlite3 *rw, const struct kind *k, long long id, struct values *v);
/* Saves v into row id (0: creates a row; the new id goes to *id) in one transaction,
 * with one revision row per changed field, by actor (staff_id, name; approver may be
 * NULL).  extra, when not NULL, runs inside the same transaction after the row is
 * written (the evidence of a milestone), given the save's change (its revision rows join
 * it), and returns 0 or -1.  The transaction ends in
 * store_commit (its hook switches the page cache).  Returns 0 saved, 1 conflict (the
 * row's version moved, or it was deleted), 2 refused by the database (a duplicate or a
 * broken reference; *dberr holds its message), -1 error. */
int edit_save(sqlite3 *rw, const struct kind *k, long long *id, const struct values *v,
    long long staff_id, const char *actor, const char *approver,
    int (*extra)(sqlite3 *, long long, struct edit_change *, void *), void *extra_arg,
    const char **dberr);
/* edit_save for a bulk import: the same checks and revision rows, but inside a
 * transaction the caller opened (and commits or rolls back: on any failure it must roll
 * back, the row may be half written), and every row of one import shares one change id:
 * *change_id 0 takes a new one and writes it back.  Returns as edit_save. */
int edit_save_in(sqlite3 *rw, const struct kind *k, long long *id, const struct values *v,
    long long staff_id, const char *actor, long long *change_id, const char **dberr);
/* Deletes row id at version, recording the deletion.  Returns 0, 1 conflict, 2 refused
 * (something refers to it), -1 error. */
int edit_delete(sqlite3 *rw, const struct kind *k, long long id, long long version,
    long long staff_id, const char *actor, const char **dberr);
/* Adds evidence to milestone id inside the caller's transaction: a link to url and a
 * link to the uploaded document sha, each when given (NULL or "" for none); label, or
 * else the upload's name, is the link text.  Each link writes a revision row of the
 * milestone (field "evidence", after: the address, or /uploads/SHA) into change ch,
 * whose History then shows it; ch NULL writes none (the caller logs the link itself).
 * Returns 0 or -1. */
int edit_add_evidence(sqlite3 *rw, long long id, const char *url, const char *sha,
    const char *label, struct edit_change *ch);
/* Returns 1 if body id is body parent or one of the bodies parent belongs to (so that
 * parent cannot be id's parent), 0 if not, -1 on error. */
int edit_parent_loop(long long id, long long parent);
/* A new change id (one past the highest in the revision log), for the revision rows of
 * one action, inside the caller's transaction.  Returns it, or -1. */
long long edit_change_id(void);
/* Appends one revision row (op "update", or "create"/"delete" with field NULL) to the
 * log, inside the caller's transaction: change_id groups the rows of one action (0 takes
 * a new one and writes it back).  Returns 0 or -1. */
int edit_revision(sqlite3 *rw, long long *change_id, long long staff_id, const char *actor,
    const char *tbl, long long row_id, const char *op, const char *field, const char *before,
    const char *after);
/* edit_revision for a row that belongs to commitment commitment_id and plan plan_id (0:
 * none; a link of a milestone belongs to the milestone's commitment and plan), so that
 * the History pages of that commitment and plan show it.  Returns 0 or -1. */
int edit_revision_of(sqlite3 *rw, long long *change_id, long long staff_id, const char *actor,
    const char *tbl, long long row_id, long long commitment_id, long long plan_id, const char *op,
    const char *field, const char *before, const char *after);

#endif
