/*
 * review: the drafts of member editors and what they may reach.  A member editor's
 * change to a commitment (or one of its milestones) that its body leads or supports is
 * stored as a draft; a focal-point editor approves it (the editing engine applies it) or
 * returns it with a comment.
 */
#ifndef ABERTA_REVIEW_H
#define ABERTA_REVIEW_H
#include <sqlite3.h>

enum review_stmt {
	RV_DRAFT, /* pending draft ?1 with its author's name: RVD_ columns */
	RV__MAX
};

/* The columns of RV_DRAFT. */
enum { RVD_ID, RVD_STAFF_ID, RVD_AUTHOR, RVD_KIND, RVD_ROW_ID, RVD_BASE_VERSION, RVD_PAYLOAD };

/* Statement id of the writable connection, reset and with its bindings cleared. */
sqlite3_stmt *review_stmt(enum review_stmt id);
/* Returns 1 when body entity leads or supports commitment cid (0 for none), else 0. */
int review_member_owns(long long cid, long long entity);
/* A member editor's scope before any record is read: returns 1 when body entity leads
 * or supports the commitment of record id of the kind with URL slug kind (a commitment,
 * or a milestone's commitment), else 0: a missing record, one outside the body's
 * commitments and a record of any other kind answer the same, in one query. */
int review_member_reaches(const char *kind, long long id, long long entity);
/* Stores a member editor's draft: the change of row row_id (0: a new row) of the kind
 * with URL slug kind, opened at version, as payload (a JSON object of the form's
 * fields).  Returns 0 or -1. */
int review_draft_add(
    long long staff_id, const char *kind, long long row_id, long long version, const char *payload);
/* Marks pending draft id decided (status "approved" or "returned") by reviewer with
 * comment (may be NULL), alone or inside the caller's transaction.  Returns 0, or -1
 * when it failed or the draft was no longer pending. */
int review_draft_decide(long long id, const char *status, long long reviewer, const char *comment);

#endif
