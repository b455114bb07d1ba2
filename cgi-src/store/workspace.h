/*
 * workspace: what the commitment workspace (/admin/commitments/N, admin/admin_workspace.c)
 * reads and writes besides the editing engine (store/edit.h): a commitment's milestones in
 * order with their pending drafts, a milestone's evidence links, the position a new
 * milestone takes, and the move of a milestone up or down.  Every milestone field is
 * saved through the engine; only the order is written here, since swapping two positions
 * under UNIQUE (commitment_id, position) needs one of them parked first, which a save of
 * the engine would log as a change of its own (the moves are logged with
 * edit_revision_of instead, from the position before to the one after).
 */
#ifndef ABERTA_WORKSPACE_H
#define ABERTA_WORKSPACE_H
#include <sqlite3.h>

/* The most milestones one save of the workspace edits: each brings 13 form fields (its
 * version, the fingerprint of its values, 8 fields and 3 of its own evidence), and the
 * request reader takes REQ_PARTS_MAX parts (http/req.h).  Further milestones are listed
 * with a link to their own form. */
#define WS_MAX 36

enum ws_stmt {
	WS_MILESTONES, /* ?1 commitment: its milestones in order (WSM_ columns) */
	WS_EVIDENCE,   /* ?1 milestone: its evidence links in order (WSE_ columns) */
	WS_NEW_DRAFTS, /* ?1 commitment: pending drafts of new milestones in it (one column) */
	WS__MAX
};

/* The columns of WS_MILESTONES. */
enum { WSM_ID, WSM_POSITION, WSM_DRAFTS };
/* The columns of WS_EVIDENCE: the address (an outside one, or the staff's page of an
 * uploaded document, /admin/uploads/SHA, which a withdrawal leaves working) and the label. */
enum { WSE_URL, WSE_LABEL };

/* Statement id of the writable connection, reset and with its bindings cleared. */
sqlite3_stmt *ws_stmt(enum ws_stmt id);
/* The position a new milestone of commitment cid takes: one past the last (1 for the
 * first).  Inside the caller's transaction.  Returns it, or -1. */
long long ws_next_position(long long cid);
/* Moves milestone mid of commitment cid one place up (dir < 0) or down (dir > 0): it and
 * its neighbour swap positions, each version bumped and each position change logged
 * under *change_id (0: a new one, written back) by staff_id and actor, with the
 * milestone's commitment and plan, inside the caller's transaction.  version is the one
 * the page showed.  Returns 0 moved, 1 the milestone moved since (another version, or
 * not in cid), 2 nothing to swap with (first or last already), -1 error. */
int ws_move(long long cid, long long mid, int dir, long long version, long long staff_id,
    const char *actor, long long *change_id);

#endif
