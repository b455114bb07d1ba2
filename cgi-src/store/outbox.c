/* The claims of the senders of the confirmation emails (see outbox.h). */
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/outbox.h"
#include "store/stmt.h"

enum {
	OB_CLAIM,  /* claims one message, returning it (OC_* columns) */
	OB_SENT,   /* deletes a message sent */
	OB_FAILED, /* frees a message not sent */
	OB__MAX
};

/* The columns of OB_CLAIM. */
enum { OC_ID, OC_RCPT, OC_MESSAGE };

static const char *const sqls[OB__MAX] = {
	/* OB_CLAIM: ?1 only this id (0: any), ?2 after this id, ?3 now, ?4 token, ?5 how
	 * old a claim may be taken over */
	"UPDATE outbox SET claimed_at = ?3, claimed_by = ?4 "
	"WHERE id = (SELECT id FROM outbox WHERE id > ?2 AND (?1 = 0 OR id = ?1) AND "
	"(claimed_at IS NULL OR claimed_at < ?3 - ?5) ORDER BY id LIMIT 1) "
	"RETURNING id, rcpt, message",
	/* OB_SENT: ?1 id, ?2 token */
	"DELETE FROM outbox WHERE id = ?1 AND claimed_by = ?2",
	/* OB_FAILED: ?1 id, ?2 token, ?3 error */
	"UPDATE outbox SET attempts = attempts + 1, claimed_at = NULL, claimed_by = NULL, "
	"last_error = ?3 WHERE id = ?1 AND claimed_by = ?2",
};

STORE_TABLE(store_outbox, "outbox", STORE_RW, OB__MAX, sqls);

int
outbox_claim(long long id, long long last, const char *token, long long now, int stale,
    long long *got, char **rcpt, char **msg)
{
	sqlite3_stmt *s = store_stmt(&store_outbox, OB_CLAIM);
	int           found = 0;

	*rcpt = *msg = NULL;
	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, last);
	db_bind_int64(s, 3, now);
	db_bind_text(s, 4, token);
	db_bind_int(s, 5, stale);
	if (db_step(s) == SQLITE_ROW) {
		*got = db_int64(s, OC_ID);
		*rcpt = strdup(db_text(s, OC_RCPT));
		*msg = strdup(db_text(s, OC_MESSAGE));
		found = 1;
		db_step(s);
	}
	if (db_failed()) {
		free(*rcpt);
		free(*msg);
		*rcpt = *msg = NULL;
		return -1;
	}
	return found;
}

/* Runs write id of a claim: ?1 message id, ?2 token, ?3 text (NULL: none).  Returns the
 * number of rows changed, or -1. */
static int
claimed(int which, long long id, const char *token, const char *text)
{
	sqlite3_stmt *s = store_stmt(&store_outbox, which);

	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, token);
	if (text != NULL)
		db_bind_text(s, 3, text);
	return store_run(s) == 0 ? db_changes(s) : -1;
}

int
outbox_sent(long long id, const char *token)
{
	return claimed(OB_SENT, id, token, NULL);
}

int
outbox_failed(long long id, const char *token, const char *error)
{
	return claimed(OB_FAILED, id, token, error);
}
