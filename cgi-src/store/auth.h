/*
 * auth: staff accounts, passwords, sessions and the anti-CSRF token.
 *
 * Passwords are argon2id hashes made by libsodium (crypto_pwhash_str, INTERACTIVE
 * limits), rehashed at login when the limits change.  A session is a 256-bit random
 * token in a cookie; the database keeps only its SHA-256.  Sessions end after 30 minutes
 * without a request or 12 hours after login, whichever comes first; every function that
 * depends on time takes "now" so that tests can move the clock.
 *
 * The statements are the store's table "auth" (STORE_RW): db is the connection they were
 * prepared on (store_prepare(STORE_RW, db, ...)); every step records its failure
 * (db_failed), except the best-effort touch of a session's last_seen.
 */
#ifndef ABERTA_AUTH_H
#define ABERTA_AUTH_H
#include <stddef.h>
#include <sqlite3.h>
#include <time.h>

#include "store/throttle.h"
#include "lib/totp.h"

#define AUTH_IDLE_SECONDS     (30 * 60)
#define AUTH_ABSOLUTE_SECONDS (12 * 60 * 60)
#define AUTH_TOKEN_HEX        64 /* cookie token: 32 random bytes in hex */
#define AUTH_FAIL_2FA         5  /* second-factor failures of a login in THR_WINDOW */
#define AUTH_PW_MIN           8
#define AUTH_PW_MAX           1024

enum role { ROLE_ADMIN, ROLE_FOCAL, ROLE_MEMBER, ROLE__MAX };

struct staff {
	long long id;
	char      login[256];
	char      name[201];
	enum role role;
	long long entity_id; /* 0 unless a member editor */
	int       has_totp;  /* second factor enrolled */
	long long session_id;
	char      csrf[AUTH_TOKEN_HEX + 1];
	int       full; /* 1: both factors passed; 0: second factor pending */
};

/* Returns the role for its name ("admin", "focal", "member"), or ROLE__MAX. */
enum role auth_role(const char *name);
/* The name of a role. */
const char *auth_role_name(enum role r);
/* Checks a new password against the policy: 8 to 1024 bytes of valid UTF-8, not on the
 * list of common passwords.  Returns NULL when acceptable, else a message key. */
const char *auth_password_problem(const char *pw);
#define AUTH_GEN_PW_LEN 20 /* generated passwords: 20 characters */

/* Writes a new random password that the policy accepts into pw (AUTH_GEN_PW_LEN + 1
 * bytes) and its hash into hash (crypto_pwhash_STRBYTES).  Returns 0 or -1. */
int auth_password_new(char *pw, char *hash);
/* Hashes pw into out (crypto_pwhash_STRBYTES); returns 0 or -1. */
int auth_hash(const char *pw, char *out, size_t outlen);
/* Fills out with a random hex token of AUTH_TOKEN_HEX characters plus NUL. */
void auth_token(char *out);
/* Verifies login and password tried from the client address addr.  Asks the throttle
 * first (store/throttle.h: no hash is computed for a refused attempt), then checks the
 * hash (a dummy one for unknown logins, so both cases take the same time) and tells the
 * throttle the outcome.  Returns 0 and fills *st; 1 for wrong credentials (t->began says
 * what the failure set off); 2 when the throttle refused the attempt (t->wait says for
 * how long); -1 on a database error.  t holds the attempt's login and networks. */
int auth_login(sqlite3 *db, const char *login, const char *pw, const char *addr, time_t now,
    struct staff *st, struct throttle *t);
/* Creates a session for st (full: 1 when no second factor is pending) and writes the
 * new cookie token into token.  Returns 0 or -1. */
int auth_session_new(sqlite3 *db, struct staff *st, int full, time_t now, char *token);
/* Looks up the session of a cookie token, enforcing the idle and absolute limits (an
 * expired session is deleted) and touching last_seen.  Returns 0 and fills *st, 1 when
 * there is no valid session, -1 on a database error. */
int auth_session_get(sqlite3 *db, const char *token, time_t now, struct staff *st);
/* Marks the session as having passed the second factor, with a new token (the old one
 * stops working).  Returns 0 or -1. */
int auth_session_upgrade(sqlite3 *db, struct staff *st, time_t now, char *token);
/* Ends one session (logout).  Returns 0 or -1. */
int auth_session_end(sqlite3 *db, long long session_id);
/* Ends every session of a staff member.  Returns the number ended, or -1. */
int auth_sessions_kill(sqlite3 *db, long long staff_id);
/* Compares a submitted anti-CSRF token with the session's in constant time: 1 if equal. */
int auth_csrf_ok(const char *expected, const char *given);
/* Appends a line to the audit log (never pass a secret).  Returns 0 or -1. */
int auth_audit(sqlite3 *db, long long staff_id, const char *actor, const char *addr,
    const char *action, const char *object, const char *detail);
/* Reads staff_id's second-factor secret (pending: the one being enrolled) into secret
 * and the step of the last code accepted into *last.  Returns 0, 1 when there is none,
 * -1 when there is no such account or on a database error. */
int auth_totp_get(
    sqlite3 *db, long long staff_id, int pending, char *secret, size_t len, long long *last);
/* Stores secret as the one staff_id is enrolling.  Returns 0 or -1. */
int auth_totp_pending(sqlite3 *db, long long staff_id, const char *secret);
/* Enrols staff_id with secret, its code of step step accepted.  Returns 0 or -1. */
int auth_totp_enrol(sqlite3 *db, long long staff_id, const char *secret, long long step);
/* Records that staff_id's code of step step was accepted (no code works twice).
 * Returns 0 or -1. */
int auth_totp_step(sqlite3 *db, long long staff_id, long long step);
/* Forgets staff_id's second factor and recovery codes: it is enrolled again at the next
 * login.  Returns 0 or -1. */
int auth_totp_reset(sqlite3 *db, long long staff_id);
/* Replaces the recovery codes of a staff member in one transaction (a savepoint, so it
 * may run inside the caller's): deletes the old ones and stores RECOVERY_CODES new ones,
 * hashed.  Writes the codes, formatted like "k7q2-m9xp-4tzn", into codes to be shown
 * once.  Returns 0, or -1 with nothing changed and codes zeroed. */
int recovery_codes_new(sqlite3 *db, long long staff_id, char codes[RECOVERY_CODES][20]);
/* Uses a recovery code of staff_id: case, dashes and spaces are ignored.  Returns 1 when
 * an unused code matched (it is now marked used), 0 when none did, -1 on a database error. */
int recovery_code_use(sqlite3 *db, long long staff_id, const char *code);

#endif
