#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "store/auth.h"
#include "store/db.h"
#include "store/stmt.h"
#include "lib/passwords.h"
#include "lib/token.h"
#include "lib/totp.h"
#include "lib/valid.h"

static const char *const role_names[ROLE__MAX] = {
	"admin",  /* ROLE_ADMIN */
	"focal",  /* ROLE_FOCAL */
	"member", /* ROLE_MEMBER */
};

enum role
auth_role(const char *name)
{
	int i;

	for (i = 0; i < ROLE__MAX; i++)
		if (name != NULL && strcmp(name, role_names[i]) == 0)
			return (enum role)i;
	return ROLE__MAX;
}

const char *
auth_role_name(enum role r)
{
	return r < ROLE__MAX ? role_names[r] : "?";
}

const char *
auth_password_problem(const char *pw)
{
	size_t len = strlen(pw);

	if (len < AUTH_PW_MIN)
		return "ERR_PW_SHORT";
	if (len > AUTH_PW_MAX)
		return "ERR_PW_LONG";
	if (!valid_utf8(pw, len))
		return "ERR_BAD_ENCODING";
	if (password_is_common(pw))
		return "ERR_PW_COMMON";
	return NULL;
}

int
auth_hash(const char *pw, char *out, size_t outlen)
{
	if (outlen < crypto_pwhash_STRBYTES)
		return -1;
	return crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

int
auth_password_new(char *pw, char *hash)
{
	/* Letters and digits that cannot be mistaken for one another (no 0/O/o, 1/l/I/i);
	 * 20 of 55 characters are about 115 bits. */
	static const char alphabet[] = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
	size_t            i;

	do {
		for (i = 0; i < AUTH_GEN_PW_LEN; i++)
			pw[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
		pw[AUTH_GEN_PW_LEN] = '\0';
	} while (auth_password_problem(pw) != NULL);
	return auth_hash(pw, hash, crypto_pwhash_STRBYTES);
}

void
auth_token(char *out)
{
	token_hex(out, AUTH_TOKEN_HEX + 1);
}

/* SHA-256 of a session's token, for lookups. */
static void
session_hash(const char *token, unsigned char out[crypto_hash_sha256_BYTES])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

/* The statements of the staff's accounts, sessions and second factor. */
enum {
	AU_LOGIN,            /* an enabled account by login ?1: STAFF_COLS, pw_hash */
	AU_REHASH,           /* new hash ?1 of account ?2 */
	AU_SESSION_NEW,      /* hash ?1, account ?2, csrf ?3, stage ?4, at ?5 */
	AU_SESSION_GET,      /* the session of hash ?1 and its account: STAFF_COLS, ... */
	AU_SESSION_TOUCH,    /* last_seen ?1 of session ?2 */
	AU_SESSION_UPGRADE,  /* hash ?1, csrf ?2, last_seen ?3 of session ?4: both factors */
	AU_SESSION_END,      /* ends session ?1 */
	AU_SESSIONS_KILL,    /* ends every session of account ?1 */
	AU_AUDIT,            /* one line of the audit log */
	AU_TOTP,             /* the secret and last step of account ?1 */
	AU_TOTP_PENDING,     /* the secret being enrolled by account ?1 (last step 0) */
	AU_TOTP_SET_PENDING, /* secret ?2 being enrolled by account ?1 */
	AU_TOTP_ENROL,       /* secret ?2 and last step ?3 of account ?1, enrolled */
	AU_TOTP_STEP,        /* last step ?2 of account ?1 */
	AU_TOTP_RESET,       /* forgets the second factor of account ?1 */
	AU_RC_CLEAR,         /* forgets the recovery codes of account ?1 */
	AU_RC_ADD,           /* recovery code hash ?2 of account ?1 */
	AU_RC_UNUSED,        /* the unused recovery codes of account ?1: id, hash */
	AU_RC_MARK,          /* marks recovery code ?1 used, unless it already is */
	AU__MAX
};

/* The columns of an account (AU_LOGIN, AU_SESSION_GET), then the statement's own. */
#define STAFF_COLS \
	"s.id, s.login, s.name, s.role, coalesce(s.entity_id, 0), " \
	"s.totp_secret IS NOT NULL"
enum { AUC_ID, AUC_LOGIN, AUC_NAME, AUC_ROLE, AUC_ENTITY, AUC_HAS_TOTP, AUC__STAFF };
enum { AUC_PW_HASH = AUC__STAFF }; /* AU_LOGIN */
/* AU_SESSION_GET */
enum { AUC_SID = AUC__STAFF, AUC_CSRF, AUC_STAGE, AUC_CREATED, AUC_SEEN };
enum { AUC_SECRET, AUC_LAST };   /* AU_TOTP, AU_TOTP_PENDING */
enum { AUC_RC_ID, AUC_RC_HASH }; /* AU_RC_UNUSED */

static const char *const sqls[AU__MAX] = {
	/* AU_LOGIN */
	"SELECT " STAFF_COLS ", s.pw_hash FROM staff s WHERE s.login = ?1 AND s.disabled = 0",
	/* AU_REHASH */
	"UPDATE staff SET pw_hash = ?1 WHERE id = ?2",
	/* AU_SESSION_NEW */
	"INSERT INTO session (token_hash, staff_id, csrf, stage, created_at, last_seen) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
	/* AU_SESSION_GET */
	"SELECT " STAFF_COLS ", x.id, x.csrf, x.stage, x.created_at, x.last_seen FROM "
	"session x JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = ?1 AND "
	"s.disabled = 0",
	/* AU_SESSION_TOUCH */
	"UPDATE session SET last_seen = ?1 WHERE id = ?2",
	/* AU_SESSION_UPGRADE */
	"UPDATE session SET token_hash = ?1, csrf = ?2, stage = 'full', last_seen = ?3 "
	"WHERE id = ?4",
	/* AU_SESSION_END */
	"DELETE FROM session WHERE id = ?1",
	/* AU_SESSIONS_KILL */
	"DELETE FROM session WHERE staff_id = ?1",
	/* AU_AUDIT */
	"INSERT INTO audit_log (staff_id, actor, addr, action, object, detail) VALUES "
	"(nullif(?1, 0), ?2, ?3, ?4, ?5, ?6)",
	/* AU_TOTP */
	"SELECT totp_secret, coalesce(totp_last_step, 0) FROM staff WHERE id = ?1",
	/* AU_TOTP_PENDING */
	"SELECT totp_pending, 0 FROM staff WHERE id = ?1",
	/* AU_TOTP_SET_PENDING */
	"UPDATE staff SET totp_pending = ?2 WHERE id = ?1",
	/* AU_TOTP_ENROL */
	"UPDATE staff SET totp_secret = ?2, totp_pending = NULL, totp_last_step = ?3 "
	"WHERE id = ?1",
	/* AU_TOTP_STEP */
	"UPDATE staff SET totp_last_step = ?2 WHERE id = ?1",
	/* AU_TOTP_RESET */
	"UPDATE staff SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL "
	"WHERE id = ?1",
	/* AU_RC_CLEAR */
	"DELETE FROM recovery_code WHERE staff_id = ?1",
	/* AU_RC_ADD */
	"INSERT INTO recovery_code (staff_id, code_hash) VALUES (?1, ?2)",
	/* AU_RC_UNUSED */
	"SELECT id, code_hash FROM recovery_code WHERE staff_id = ?1 AND used_at IS NULL",
	/* AU_RC_MARK: "AND used_at IS NULL": of two requests racing with one code, one wins. */
	"UPDATE recovery_code SET used_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
	"WHERE id = ?1 AND used_at IS NULL",
};

STORE_TABLE(store_auth, "auth", STORE_RW, AU__MAX, sqls);

/* Statement id of the table, ready to bind. */
static sqlite3_stmt *
au(int id)
{
	return store_stmt(&store_auth, id);
}

/* Fills st from the STAFF_COLS of the row of s. */
static void
staff_row(sqlite3_stmt *s, struct staff *st)
{
	memset(st, 0, sizeof *st);
	st->id = db_int64(s, AUC_ID);
	snprintf(st->login, sizeof st->login, "%s", db_text(s, AUC_LOGIN));
	snprintf(st->name, sizeof st->name, "%s", db_text(s, AUC_NAME));
	st->role = auth_role(db_text(s, AUC_ROLE));
	st->entity_id = db_int64(s, AUC_ENTITY);
	st->has_totp = db_int(s, AUC_HAS_TOTP);
}

/* Rehashes the password when libsodium's limits changed since it was stored. */
static void
maybe_rehash(long long id, const char *stored, const char *pw)
{
	char          h[crypto_pwhash_STRBYTES];
	sqlite3_stmt *s;

	if (crypto_pwhash_str_needs_rehash(stored, crypto_pwhash_OPSLIMIT_INTERACTIVE,
		crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ||
	    auth_hash(pw, h, sizeof h) != 0)
		return;
	s = au(AU_REHASH);
	db_bind_text(s, 1, h);
	db_bind_int64(s, 2, id);
	store_run(s);
}

/* Reads the enabled account login into *st and its hash into stored.  Returns 1, 0 when
 * there is none, -1 on a database error. */
static int
login_row(const char *login, struct staff *st, char *stored, size_t len)
{
	sqlite3_stmt *s = au(AU_LOGIN);
	int           rc;

	db_bind_text(s, 1, login);
	if ((rc = db_row(s)) == 1) {
		staff_row(s, st);
		snprintf(stored, len, "%s", db_text(s, AUC_PW_HASH));
	}
	db_reset(s);
	return rc;
}

int
auth_login(sqlite3 *db, const char *login, const char *pw, const char *addr, time_t now,
    struct staff *st, struct throttle *t)
{
	static char dummy[crypto_pwhash_STRBYTES];
	char        stored[crypto_pwhash_STRBYTES] = "";
	int         rc, ok, found;

	(void)db;
	if ((rc = throttle_check(t, login, addr, now)) != 0)
		return rc < 0 ? -1 : 2;
	if (dummy[0] == '\0' && auth_hash("not a password: timing only", dummy, sizeof dummy) != 0)
		return -1;
	if ((found = login_row(login, st, stored, sizeof stored)) < 0)
		return -1;
	ok = crypto_pwhash_str_verify(found ? stored : dummy, pw, strlen(pw)) == 0 && found;
	if (!ok)
		return throttle_fail(t, now) == 0 ? 1 : -1;
	maybe_rehash(st->id, stored, pw);
	return throttle_ok(t, now) == 0 ? 0 : -1;
}

int
auth_session_new(sqlite3 *db, struct staff *st, int full, time_t now, char *token)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	sqlite3_stmt *s = au(AU_SESSION_NEW);
	int           rc;

	auth_token(token);
	auth_token(st->csrf);
	session_hash(token, h);
	sqlite3_bind_blob(s, 1, h, sizeof h, SQLITE_TRANSIENT);
	db_bind_int64(s, 2, st->id);
	db_bind_text(s, 3, st->csrf);
	db_bind_text(s, 4, full ? "full" : "password");
	db_bind_int64(s, 5, (long long)now);
	rc = store_run(s);
	st->session_id = sqlite3_last_insert_rowid(db);
	st->full = full;
	return rc;
}

/* Moves session sid's last_seen to now, best effort and without waiting for a lock: a
 * database that cannot be written now (locked by a long writer, read-only, disk full)
 * does not end a valid session; last_seen stays older, which only brings the idle limit
 * sooner.  The request goes on and meets the fault where it really writes, with a clear
 * message: so this one step is not store_run's, whose failure would fail the request. */
static void
session_touch(sqlite3 *db, long long sid, time_t now)
{
	sqlite3_stmt *s = au(AU_SESSION_TOUCH);

	db_bind_int64(s, 1, (long long)now);
	db_bind_int64(s, 2, sid);
	sqlite3_busy_timeout(db, 0);
	(void)sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_busy_timeout(db, DB_BUSY_MS);
}

int
auth_session_get(sqlite3 *db, const char *token, time_t now, struct staff *st)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	sqlite3_stmt *s;
	long long     created, seen, sid;
	int           rc, full;

	if (token == NULL || strlen(token) != AUTH_TOKEN_HEX)
		return 1;
	session_hash(token, h);
	s = au(AU_SESSION_GET);
	sqlite3_bind_blob(s, 1, h, sizeof h, SQLITE_TRANSIENT);
	if ((rc = db_row(s)) != 1) {
		db_reset(s);
		return rc == 0 ? 1 : -1;
	}
	staff_row(s, st);
	sid = db_int64(s, AUC_SID);
	snprintf(st->csrf, sizeof st->csrf, "%s", db_text(s, AUC_CSRF));
	full = strcmp(db_text(s, AUC_STAGE), "full") == 0;
	created = db_int64(s, AUC_CREATED);
	seen = db_int64(s, AUC_SEEN);
	db_reset(s);
	if (now - seen > AUTH_IDLE_SECONDS || now - created > AUTH_ABSOLUTE_SECONDS ||
	    now < created) {
		auth_session_end(db, sid);
		return 1;
	}
	st->session_id = sid;
	st->full = full;
	session_touch(db, sid, now);
	return 0;
}

int
auth_session_upgrade(sqlite3 *db, struct staff *st, time_t now, char *token)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	sqlite3_stmt *s = au(AU_SESSION_UPGRADE);
	int           rc;

	(void)db;
	auth_token(token);
	auth_token(st->csrf);
	session_hash(token, h);
	sqlite3_bind_blob(s, 1, h, sizeof h, SQLITE_TRANSIENT);
	db_bind_text(s, 2, st->csrf);
	db_bind_int64(s, 3, (long long)now);
	db_bind_int64(s, 4, st->session_id);
	rc = store_run(s);
	st->full = 1;
	return rc == 0 && db_changes(s) == 1 ? 0 : -1;
}

int
auth_session_end(sqlite3 *db, long long session_id)
{
	sqlite3_stmt *s = au(AU_SESSION_END);

	(void)db;
	db_bind_int64(s, 1, session_id);
	return store_run(s);
}

int
auth_sessions_kill(sqlite3 *db, long long staff_id)
{
	sqlite3_stmt *s = au(AU_SESSIONS_KILL);

	(void)db;
	db_bind_int64(s, 1, staff_id);
	return store_run(s) == 0 ? db_changes(s) : -1;
}

int
auth_csrf_ok(const char *expected, const char *given)
{
	size_t n = strlen(expected);

	if (given == NULL || n == 0 || strlen(given) != n)
		return 0;
	return sodium_memcmp(expected, given, n) == 0;
}

int
auth_audit(sqlite3 *db, long long staff_id, const char *actor, const char *addr, const char *action,
    const char *object, const char *detail)
{
	sqlite3_stmt *s = au(AU_AUDIT);

	(void)db;
	db_bind_int64(s, 1, staff_id);
	db_bind_text(s, 2, actor);
	db_bind_text(s, 3, addr);
	db_bind_text(s, 4, action);
	db_bind_text(s, 5, object);
	db_bind_text(s, 6, detail);
	return store_run(s);
}

int
auth_totp_get(
    sqlite3 *db, long long staff_id, int pending, char *secret, size_t len, long long *last)
{
	sqlite3_stmt *s = au(pending ? AU_TOTP_PENDING : AU_TOTP);
	int           rc = -1;

	(void)db;
	db_bind_int64(s, 1, staff_id);
	if (db_step(s) == SQLITE_ROW) {
		rc = db_null(s, AUC_SECRET) ? 1 : 0;
		snprintf(secret, len, "%s", rc == 0 ? db_text(s, AUC_SECRET) : "");
		*last = db_int64(s, AUC_LAST);
	}
	db_reset(s);
	return rc;
}

int
auth_totp_pending(sqlite3 *db, long long staff_id, const char *secret)
{
	sqlite3_stmt *s = au(AU_TOTP_SET_PENDING);

	(void)db;
	db_bind_int64(s, 1, staff_id);
	db_bind_text(s, 2, secret);
	return store_run(s);
}

int
auth_totp_enrol(sqlite3 *db, long long staff_id, const char *secret, long long step)
{
	sqlite3_stmt *s = au(AU_TOTP_ENROL);

	(void)db;
	db_bind_int64(s, 1, staff_id);
	db_bind_text(s, 2, secret);
	db_bind_int64(s, 3, step);
	return store_run(s);
}

int
auth_totp_step(sqlite3 *db, long long staff_id, long long step)
{
	sqlite3_stmt *s = au(AU_TOTP_STEP);

	(void)db;
	db_bind_int64(s, 1, staff_id);
	db_bind_int64(s, 2, step);
	return store_run(s);
}

int
auth_totp_reset(sqlite3 *db, long long staff_id)
{
	sqlite3_stmt *s = au(AU_TOTP_RESET);

	(void)db;
	db_bind_int64(s, 1, staff_id);
	if (store_run(s) != 0)
		return -1;
	s = au(AU_RC_CLEAR);
	db_bind_int64(s, 1, staff_id);
	return store_run(s);
}

/* Hashes the codes and stores them for staff_id, replacing the old ones, inside the
 * savepoint that the caller opened.  Returns 0 or -1. */
static int
rc_store(long long staff_id, char codes[RECOVERY_CODES][20])
{
	char          norm[RECOVERY_NORM_LEN + 1], h[RECOVERY_HASH_MAX];
	sqlite3_stmt *s = au(AU_RC_CLEAR);
	int           i, rc = -1;

	db_bind_int64(s, 1, staff_id);
	if (store_run(s) != 0)
		goto out;
	for (i = 0; i < RECOVERY_CODES; i++) {
		if (recovery_code_normalise(codes[i], norm) != 0 ||
		    recovery_code_hash(norm, h) != 0)
			goto out;
		s = au(AU_RC_ADD);
		db_bind_int64(s, 1, staff_id);
		db_bind_text(s, 2, h);
		if (store_run(s) != 0)
			goto out;
	}
	rc = 0;
out:
	sodium_memzero(norm, sizeof norm);
	return rc;
}

int
recovery_codes_new(sqlite3 *db, long long staff_id, char codes[RECOVERY_CODES][20])
{
	recovery_codes_make(codes);
	if (store_savepoint(db) != 0)
		goto fail;
	if (rc_store(staff_id, codes) == 0 && store_release(db) == 0)
		return 0;
	store_rollback_to(db);
fail:
	sodium_memzero(codes, sizeof(char[RECOVERY_CODES][20]));
	return -1;
}

int
recovery_code_use(sqlite3 *db, long long staff_id, const char *code)
{
	char          norm[RECOVERY_NORM_LEN + 1];
	sqlite3_stmt *s;
	long long     id = 0;
	int           rc;

	(void)db;
	if (recovery_code_normalise(code, norm) != 0)
		return 0;
	s = au(AU_RC_UNUSED);
	db_bind_int64(s, 1, staff_id);
	while ((rc = db_row(s)) == 1)
		if (recovery_code_matches(db_text(s, AUC_RC_HASH), norm)) {
			id = db_int64(s, AUC_RC_ID);
			break;
		}
	db_reset(s);
	sodium_memzero(norm, sizeof norm);
	if (rc < 0)
		return -1;
	if (id == 0)
		return 0;
	s = au(AU_RC_MARK);
	db_bind_int64(s, 1, id);
	if (store_run(s) != 0)
		return -1;
	return db_changes(s) == 1;
}
