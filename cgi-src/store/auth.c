#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "store/auth.h"
#include "store/db.h"
#include "lib/passwords.h"
#include "lib/valid.h"

static const char *const role_names[ROLE__MAX] = {
	"admin",	/* ROLE_ADMIN */
	"focal",	/* ROLE_FOCAL */
	"member",	/* ROLE_MEMBER */
};

enum role
auth_role(const char *name)
{
	int	 i;

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
	size_t	 len = strlen(pw);

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
	static const char alphabet[] =
	    "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
	size_t	 i;

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
	unsigned char	 raw[AUTH_TOKEN_HEX / 2];

	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, AUTH_TOKEN_HEX + 1, raw, sizeof raw);
}

/* SHA-256 of a token, for lookups. */
static void
token_hash(const char *token, unsigned char out[crypto_hash_sha256_BYTES])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

/* Prepares sql on db and runs it with text parameters ?1..?3 and integers ?4, ?5 (those
 * above the statement's highest parameter are skipped; NULL text binds NULL).  Returns
 * the statement after its first step, whose result is in *rc; the caller finalizes.
 * Staff statements are few and rare, so they are prepared on use. */
static sqlite3_stmt *
q(sqlite3 *db, const char *sql, const char *t1, const char *t2, const char *t3,
    long long i4, long long i5, int *rc)
{
	sqlite3_stmt	*s = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		*rc = SQLITE_ERROR;
		return NULL;
	}
	int	 np = sqlite3_bind_parameter_count(s);

	if (np >= 1)
		sqlite3_bind_text(s, 1, t1, -1, SQLITE_TRANSIENT);
	if (np >= 2)
		sqlite3_bind_text(s, 2, t2, -1, SQLITE_TRANSIENT);
	if (np >= 3)
		sqlite3_bind_text(s, 3, t3, -1, SQLITE_TRANSIENT);
	if (np >= 4)
		sqlite3_bind_int64(s, 4, i4);
	if (np >= 5)
		sqlite3_bind_int64(s, 5, i5);
	*rc = sqlite3_step(s);
	return s;
}

int
auth_failures(sqlite3 *db, const char *key, time_t now)
{
	sqlite3_stmt	*s;
	int		 rc, n = -1;

	s = q(db, "SELECT count(*) FROM login_failure WHERE key = ?1 AND at > ?4 - ?5", key, NULL, NULL, (long long)now,
	    AUTH_FAIL_WINDOW, &rc);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

void
auth_fail(sqlite3 *db, const char *key, time_t now)
{
	sqlite3_stmt	*s;
	int		 rc;

	s = q(db, "INSERT INTO login_failure (key, at) VALUES (?1, ?4)", key, NULL, NULL, (long long)now, 0, &rc);
	sqlite3_finalize(s);
	s = q(db, "DELETE FROM login_failure WHERE at < ?4 - ?5", NULL, NULL, NULL, (long long)now, 2 * AUTH_FAIL_WINDOW, &rc);
	sqlite3_finalize(s);
}

/* Fills st from a row of: id, login, name, role, entity_id, totp_secret IS NOT NULL. */
static void
staff_row(sqlite3_stmt *s, struct staff *st)
{
	memset(st, 0, sizeof *st);
	st->id = sqlite3_column_int64(s, 0);
	snprintf(st->login, sizeof st->login, "%s", (const char *)sqlite3_column_text(s, 1));
	snprintf(st->name, sizeof st->name, "%s", (const char *)sqlite3_column_text(s, 2));
	st->role = auth_role((const char *)sqlite3_column_text(s, 3));
	st->entity_id = sqlite3_column_int64(s, 4);
	st->has_totp = sqlite3_column_int(s, 5);
}

#define STAFF_COLS "s.id, s.login, s.name, s.role, coalesce(s.entity_id, 0), " \
	"s.totp_secret IS NOT NULL"

/* Rehashes the password when libsodium's limits changed since it was stored. */
static void
maybe_rehash(sqlite3 *db, long long id, const char *stored, const char *pw)
{
	char		 h[crypto_pwhash_STRBYTES];
	sqlite3_stmt	*s;
	int		 rc;

	if (crypto_pwhash_str_needs_rehash(stored, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 || auth_hash(pw, h, sizeof h) != 0)
		return;
	s = q(db, "UPDATE staff SET pw_hash = ?1 WHERE id = ?4", h, NULL, NULL, id, 0, &rc);
	sqlite3_finalize(s);
}

int
auth_login(sqlite3 *db, const char *login, const char *pw, const char *addr, time_t now,
    struct staff *st)
{
	static char	 dummy[crypto_pwhash_STRBYTES];
	char		 kl[300], ka[80], stored[crypto_pwhash_STRBYTES] = "", *p;
	sqlite3_stmt	*s;
	int		 rc, nl, na, ok, found = 0;

	snprintf(kl, sizeof kl, "login:%s", login);
	/* Logins ignore ASCII case (COLLATE NOCASE), so the throttle key must too, or each
	 * spelling of a login would get its own AUTH_FAIL_PER_LOGIN tries. */
	for (p = kl; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	snprintf(ka, sizeof ka, "addr:%s", addr ? addr : "-");
	if ((nl = auth_failures(db, kl, now)) < 0 || (na = auth_failures(db, ka, now)) < 0)
		return -1;
	if (nl >= AUTH_FAIL_PER_LOGIN || na >= AUTH_FAIL_PER_ADDR)
		return 2;
	if (dummy[0] == '\0' && auth_hash("not a password: timing only", dummy,
	    sizeof dummy) != 0)
		return -1;
	s = q(db, "SELECT " STAFF_COLS ", s.pw_hash FROM staff s WHERE s.login = ?1 "
	    "AND s.disabled = 0",
	    login, NULL, NULL, 0, 0, &rc);
	if (rc == SQLITE_ROW) {
		staff_row(s, st);
		snprintf(stored, sizeof stored, "%s", (const char *)sqlite3_column_text(s, 6));
		found = 1;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	ok = crypto_pwhash_str_verify(found ? stored : dummy, pw, strlen(pw)) == 0 && found;
	if (!ok) {
		auth_fail(db, kl, now);
		auth_fail(db, ka, now);
		return 1;
	}
	maybe_rehash(db, st->id, stored, pw);
	return 0;
}

int
auth_session_new(sqlite3 *db, struct staff *st, int full, time_t now, char *token)
{
	unsigned char	 h[crypto_hash_sha256_BYTES];
	sqlite3_stmt	*s;
	int		 rc;

	auth_token(token);
	auth_token(st->csrf);
	token_hash(token, h);
	if (sqlite3_prepare_v2(db, "INSERT INTO session (token_hash, staff_id, csrf, stage, "
	    "created_at, last_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?5)", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_blob(s, 1, h, sizeof h, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, st->id);
	sqlite3_bind_text(s, 3, st->csrf, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, full ? "full" : "password", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, (long long)now);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	st->session_id = sqlite3_last_insert_rowid(db);
	st->full = full;
	return rc == SQLITE_DONE ? 0 : -1;
}

int
auth_session_get(sqlite3 *db, const char *token, time_t now, struct staff *st)
{
	unsigned char	 h[crypto_hash_sha256_BYTES];
	sqlite3_stmt	*s;
	long long	 created, seen, sid;
	int		 rc, full;

	if (token == NULL || strlen(token) != AUTH_TOKEN_HEX)
		return 1;
	token_hash(token, h);
	if (sqlite3_prepare_v2(db, "SELECT " STAFF_COLS ", x.id, x.csrf, x.stage, "
	    "x.created_at, x.last_seen FROM session x JOIN staff s ON s.id = x.staff_id "
	    "WHERE x.token_hash = ?1 AND s.disabled = 0", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_blob(s, 1, h, sizeof h, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return rc == SQLITE_DONE ? 1 : -1;
	}
	staff_row(s, st);
	sid = sqlite3_column_int64(s, 6);
	snprintf(st->csrf, sizeof st->csrf, "%s", (const char *)sqlite3_column_text(s, 7));
	full = strcmp((const char *)sqlite3_column_text(s, 8), "full") == 0;
	created = sqlite3_column_int64(s, 9);
	seen = sqlite3_column_int64(s, 10);
	sqlite3_finalize(s);
	if (now - seen > AUTH_IDLE_SECONDS || now - created > AUTH_ABSOLUTE_SECONDS ||
	    now < created) {
		auth_session_end(db, sid);
		return 1;
	}
	st->session_id = sid;
	st->full = full;
	/* Best effort, without waiting for a lock: a database that cannot be written now
	 * (locked by a long writer, read-only, disk full) does not end a valid session;
	 * last_seen stays older, which only brings the idle limit sooner.  The request goes
	 * on and meets the fault where it really writes, with a clear message. */
	sqlite3_busy_timeout(db, 0);
	s = q(db, "UPDATE session SET last_seen = ?4 WHERE id = ?5", NULL, NULL, NULL, (long long)now, sid, &rc);
	sqlite3_finalize(s);
	sqlite3_busy_timeout(db, DB_BUSY_MS);
	return 0;
}

int
auth_session_upgrade(sqlite3 *db, struct staff *st, time_t now, char *token)
{
	unsigned char	 h[crypto_hash_sha256_BYTES];
	sqlite3_stmt	*s;
	int		 rc;

	auth_token(token);
	auth_token(st->csrf);
	token_hash(token, h);
	if (sqlite3_prepare_v2(db, "UPDATE session SET token_hash = ?1, csrf = ?2, "
	    "stage = 'full', last_seen = ?3 WHERE id = ?4", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_blob(s, 1, h, sizeof h, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, st->csrf, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, (long long)now);
	sqlite3_bind_int64(s, 4, st->session_id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	st->full = 1;
	return rc == SQLITE_DONE && sqlite3_changes(db) == 1 ? 0 : -1;
}

int
auth_session_end(sqlite3 *db, long long session_id)
{
	sqlite3_stmt	*s;
	int		 rc;

	s = q(db, "DELETE FROM session WHERE id = ?4", NULL, NULL, NULL, session_id, 0, &rc);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
auth_sessions_kill(sqlite3 *db, long long staff_id)
{
	sqlite3_stmt	*s;
	int		 rc;

	s = q(db, "DELETE FROM session WHERE staff_id = ?4", NULL, NULL, NULL, staff_id, 0, &rc);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? sqlite3_changes(db) : -1;
}

int
auth_csrf_ok(const char *expected, const char *given)
{
	size_t	 n = strlen(expected);

	if (given == NULL || n == 0 || strlen(given) != n)
		return 0;
	return sodium_memcmp(expected, given, n) == 0;
}

int
auth_audit(sqlite3 *db, long long staff_id, const char *actor, const char *addr,
    const char *action, const char *object, const char *detail)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(db, "INSERT INTO audit_log (staff_id, actor, addr, action, "
	    "object, detail) VALUES (nullif(?1, 0), ?2, ?3, ?4, ?5, ?6)", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, staff_id);
	sqlite3_bind_text(s, 2, actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, addr, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, object, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 6, detail, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}
