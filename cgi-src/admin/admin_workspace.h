/* admin_workspace: what the commitment workspace's page (admin_workspace.c) and its saves
 * (admin_workspace_save.c) share: the fields a milestone's block edits, the fingerprint
 * of what the block showed, the list of a commitment's milestones, and a save as the page
 * shows it back after a refusal. */
#ifndef ABERTA_ADMIN_WORKSPACE_H
#define ABERTA_ADMIN_WORKSPACE_H
#include <stddef.h>

#include "admin/admin_edit.h"
#include "store/workspace.h"

#define WS_NCOLS      8      /* the fields of a milestone's block */
#define WS_ADD_NCOLS  4      /* the fields of a new milestone */
#define WS_ADD_PREFIX "new-" /* the prefix of a new milestone's field names */

/* The fields a milestone's block edits, in the order shown (each named m<id>-<column>). */
extern const char *const ws_cols[WS_NCOLS];
/* The fields of a new milestone (each named WS_ADD_PREFIX <column>). */
extern const char *const ws_add_cols[WS_ADD_NCOLS];

/* One milestone of a save of the workspace. */
struct ws_row {
	long long       id;
	long long       position;
	struct values   cur;      /* the stored row */
	struct values   v;        /* as sent: the workspace's fields, the others stored */
	const char     *was;      /* the fingerprint of what the form showed, or NULL */
	int             sent;     /* its fields came with the form */
	int             touched;  /* the editor changed one of them */
	int             changed;  /* a field differs from the stored row */
	int             conflict; /* changed on a version that moved since */
	struct evidence ev;       /* its own evidence */
	const char     *ev_err;   /* the message of its evidence */
};

/* A save of the workspace: its milestones, the evidence for all, a new milestone. */
struct ws_echo {
	size_t          n;
	struct ws_row   row[WS_MAX];
	struct evidence ev; /* the evidence for every changed milestone without its own */
	const char     *ev_err;
	const char     *dberr; /* what the database refused */
	int             nerr;  /* messages in all, conflicts included */
	int             nconflict;
	struct values   add; /* a refused new milestone (add_sent) */
	int             add_sent;
};

/* One milestone of the list of a commitment. */
struct msrow {
	long long id, position;
	int       drafts; /* its pending drafts */
};

/* The milestones of commitment cid in order (malloc'd, *n of them), or NULL on error. */
struct msrow *ws_list(long long cid, size_t *n);
/* A fingerprint of the workspace's fields of milestone values v (FNV-1a, 64 bits, in
 * hex): the form carries the one of the values it showed, so that a milestone the editor
 * left alone is told from one changed, even when someone else saved it meanwhile. */
void ws_fingerprint(const struct kind *k, const struct values *v, char out[17]);
/* Returns 1 when col is one of the n columns cols. */
int ws_one_of(const char *const *cols, size_t n, const char *col);

#endif
