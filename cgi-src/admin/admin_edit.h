/* admin_edit: what the record forms (admin_edit.c) share with the commitment workspace
 * (admin_workspace.c): the evidence of a milestone change and its rule, a member
 * editor's draft and reach, and the commitment's page (its form with the workspace
 * below). */
#ifndef ABERTA_ADMIN_EDIT_H
#define ABERTA_ADMIN_EDIT_H

#include "admin/admin.h"
#include "store/edit.h"
#include "store/editfields.h"

struct mpart;

/* The message of the evidence rule: a milestone's status or progress changes only with
 * evidence. */
#define ADMIN_EVIDENCE_NEEDED \
	"Uma alteração do estado ou do progresso precisa de uma evidência: uma ligação ou " \
	"um documento."

/* The evidence that a milestone change brings, inserted with the save. */
struct evidence {
	const char         *url;     /* an outside address, or NULL */
	const char         *label;   /* its description, or NULL */
	const struct mpart *file;    /* an uploaded document, or NULL */
	char                sha[65]; /* its digest once stored, or "" */
};

/* Reads the evidence fields of the request named prefix + "evidence_url",
 * "evidence_label" and "evidence_file" (an empty one counts as none) into e.  Returns
 * NULL, or the message for an address that is not http:// or https://. */
const char *admin_evidence_read(struct ctx *c, const char *prefix, struct evidence *e);
/* Returns 1 when e holds a link or a document. */
int admin_evidence_given(const struct evidence *e);
/* Returns 1 when milestone values v change the status or the progress of old (NULL: a
 * new milestone), which needs evidence. */
int admin_evidence_needed(const struct kind *k, const struct values *old, const struct values *v);
/* Stores the uploaded document file (checked and kept once by its digest, the upload
 * audited) and writes its digest into sha.  Returns NULL, or the message for the
 * document's field. */
const char *admin_upload_store(struct ctx *c, const struct mpart *file, char sha[65]);
/* admin_upload_store of e's document, when there is one, into e->sha. */
const char *admin_evidence_store(struct ctx *c, struct evidence *e);
/* Adds to the conflict section d one DIFF row for field f of k when the stored values
 * theirs and the sent values yours differ there (an empty one shown as "(vazio)"). */
void admin_conflict_row(tpl_dict *d, const struct kind *k, int f, const struct values *theirs,
    const struct values *yours);
/* Inserts evidence arg (a struct evidence) as milestone id's, inside the caller's
 * transaction (the extra step of edit_save), its revision rows in change ch.  Returns 0
 * or -1. */
int admin_evidence_insert(sqlite3 *rw, long long id, struct edit_change *ch, void *arg);
/* Stores a member editor's change of row id of k (0: a new row) as a draft for review,
 * every field of v with the evidence e.  Returns 0 or -1. */
int admin_draft(struct ctx *c, const struct kind *k, long long id, const struct values *v,
    const struct evidence *e);
/* A member editor may reach commitment cid only when its body leads or supports it:
 * refuses (403, audited) otherwise, before the commitment is read (a missing one is
 * refused alike).  Returns 0 (anyone else, or a member of such a body) or 403. */
int admin_reach(struct ctx *c, long long cid);
/* Renders commitment cid's page: its form with the stored values and, below, the
 * workspace (echo: a refused save of the milestones, NULL: none) with status.  Returns
 * status, 404 or 503. */
int admin_commitment_page(struct ctx *c, long long cid, const struct ws_echo *echo, int status);

#endif
