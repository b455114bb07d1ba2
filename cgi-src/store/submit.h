/* submit: what a citizen's submission writes (pages/consultations.c): the attempts the
 * rate limits count, the submission itself, its confirmation and its withdrawal by the
 * token sent by email.  The statements are in the table store_submit (STORE_RW): call
 * these on the connection that store_prepare prepared it on, inside the caller's
 * transaction (store_begin ... store_commit).  A failure is recorded (db_failed). */
#ifndef ABERTA_SUBMIT_H
#define ABERTA_SUBMIT_H
#include <stddef.h>

/* A new submission, unconfirmed: what the form gave (NULL: not given), the record it is
 * about (a consultation or a commitment; 0: not that one), the page language, the hashes
 * of its two tokens and the end of its confirmation. */
struct submit_new {
	const char          *kind; /* "proposal" or "comment" */
	long long            consultation_id;
	long long            commitment_id;
	const char          *lang;
	const char          *author, *org, *email, *title, *problem, *body;
	const unsigned char *confirm_hash; /* 32 bytes */
	long long            confirm_expires;
	const unsigned char *withdraw_hash; /* 32 bytes */
};

/* Forgets the attempts made before before.  Returns 0 or -1. */
int submit_attempts_forget(long long before);
/* Counts the attempts of key since since.  Returns the count, or -1. */
int submit_attempts(const char *key, long long since);
/* Records an attempt of key at at.  Returns 0 or -1. */
int submit_attempt_add(const char *key, long long at);
/* Counts the attempts since since whose key begins with "net:" (one a submission,
 * pages/limits.c): the traffic of all networks together.  Returns the count, or -1. */
int submit_pressure(long long since);
/* The time of the newest attempt of key, into *at.  Returns 1, 0 when key has none, or
 * -1 on error. */
int submit_attempt_at(const char *key, long long *at);
/* Forgets every attempt of key (a challenge used).  Returns 0 or -1. */
int submit_attempt_take(const char *key);
/* Inserts submission n.  Returns its id, or -1. */
long long submit_add(const struct submit_new *n);
/* Finds the submission whose confirmation (withdraw 0) or withdrawal (1) token has the
 * SHA-256 h: its id, its status (into status, slen bytes) and the end of its
 * confirmation (0 for a withdrawal).  Returns 1 found, 0 not found, -1 on error. */
int submit_by_token(int withdraw, const unsigned char h[32], long long *id, char *status,
    size_t slen, long long *expires);
/* Confirms unconfirmed submission id: it waits for moderation, its confirmation token
 * is forgotten.  Returns 0 (also when it was not unconfirmed) or -1. */
int submit_confirm(long long id);
/* Deletes submission id (withdrawn by its author).  Returns 0 or -1. */
int submit_withdraw(long long id);

#endif
