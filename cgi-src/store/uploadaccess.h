/*
 * uploadaccess: who may see an uploaded document, and its withdrawal.  A document is
 * public (/uploads/<sha>) only while a live record cites it and it is not withdrawn: a
 * link row of a plan, commitment, milestone, body or event with its upload_sha, or the
 * archived copy (link_archive) of an outside address the site still shows (url_use).
 * A member editor's draft is no citation: its file waits for the approval that makes
 * the link.  Dated snapshots hold no links (migration 13), so they cite nothing.  Staff
 * see files at /admin/uploads/<sha>/file: administrators and focal points every one, a
 * member editor those it uploaded and those its body's drafts cite.  A withdrawn
 * document stays on disk and in the backups; its public address answers 410.
 */
#ifndef ABERTA_UPLOADACCESS_H
#define ABERTA_UPLOADACCESS_H
#include <sqlite3.h>

#include "store/auth.h"
#include "store/upload.h"

#define UPLOAD_WHY_MAX 500 /* longest reason for a withdrawal, in characters */

/* What the public address of a document answers. */
enum upload_state {
	UPS_MISSING,  /* no such document, or none a live record cites: 404 */
	UPS_PUBLIC,   /* cited and not withdrawn: 200 */
	UPS_WITHDRAWN /* cited, withdrawn: 410 */
};

/* A stored document as its addresses need it. */
struct upload_row {
	char      mime[UPLOAD_MIME_MAX];
	char      name[UPLOAD_NAME_MAX + 1];
	long long size;
	char      withdrawn_on[11]; /* YYYY-MM-DD (UTC), or "" when not withdrawn */
};

/* The public state of document sha, read on the worker's read-only connection, with its
 * row in *u (filled unless UPS_MISSING).  Returns the state, or -1 on a database error
 * (recorded). */
int upload_public(const char *sha, struct upload_row *u);
/* Copies into on (size 11) the UTC day document sha was withdrawn, from the public
 * connection.  Returns 1 when it is withdrawn, 0 when not (or unknown), -1 on an
 * error. */
int upload_withdrawn_on(const char *sha, char on[11]);
/* Whether staff member me may see document sha at its staff addresses: an
 * administrator or a focal point, every document (1 even for an unknown digest, whose
 * address then answers 404); a member editor, a public one, and one not withdrawn that
 * it uploaded or that a draft of a member editor of its body cites (0 for any other
 * digest, known or not).
 * Returns 1, 0, or -1 on a database error (recorded). */
int upload_staff_may(const char *sha, const struct staff *me);
/* Returns 1 when why is an acceptable reason for a withdrawal: valid UTF-8 of 1 to
 * UPLOAD_WHY_MAX characters, not only white space, without control characters other
 * than line breaks and tabs; else 0. */
int upload_why_ok(const char *why);
/* Withdraws document sha in one transaction of its own on rw: its withdrawal (now, by
 * staff_id: 0 for the command line, and why, which must pass upload_why_ok), a new
 * content version (so cached pages citing it go at once) and the audit line (actor,
 * addr: the client's address or NULL).  Returns 0 when withdrawn, 1 when it already
 * was (nothing written), 2 when there is no such document, -1 on a database error
 * (recorded, rolled back). */
int upload_withdraw(sqlite3 *rw, const char *sha, long long staff_id, const char *actor,
    const char *addr, const char *why);

/* The statements of the staff's page of a document (admin/admin_uploads.c), on the
 * writable connection. */
enum upload_admin_stmt {
	UPA_FACTS, /* ?1 sha: its facts (UPF_ columns) */
	UPA_CITES, /* ?1 sha: who cites it (UPC_ columns) */
	UPA__MAX
};
/* The columns of UPA_FACTS: size, type, name, when stored (UTC), who stored it (NULL:
 * the link archive or an import), when withdrawn, by whom (NULL: the command line), why. */
enum {
	UPF_SIZE,
	UPF_MIME,
	UPF_NAME,
	UPF_AT,
	UPF_BY,
	UPF_WITHDRAWN_AT,
	UPF_WITHDRAWN_BY,
	UPF_WITHDRAWN_WHY
};
/* The columns of UPA_CITES, one a citation: what ('link': a live link; 'archive': the
 * copy of an outside address; 'draft': a member editor's draft), the owner's admin slug
 * of a link ("milestones") or the draft's status, the owner's or the draft's id, and the
 * link's label, the archived address or the draft's author. */
enum { UPC_WHAT, UPC_KIND, UPC_ID, UPC_TEXT };
/* Statement id, reset and with its bindings cleared. */
sqlite3_stmt *upload_admin_stmt(enum upload_admin_stmt id);

#endif
