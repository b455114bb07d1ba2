/*
 * aberta-admin: the command-line tool for the people who run the site.
 *
 *   aberta-admin [--db PATH] migrate          create or upgrade the database
 *   aberta-admin [--db PATH] import FILE.json load content (see import.h)
 *   aberta-admin [--db PATH] count-plans      print the number of plans
 *   aberta-admin [--db PATH] version          print schema versions
 *   aberta-admin [--db PATH] user SUBCOMMAND  manage staff accounts:
 *     user add LOGIN NAME ROLE [ENTITY-SLUG]  new account (role admin, focal or member;
 *                                             a member needs the slug of its entity);
 *                                             prints a generated password, once
 *     user passwd LOGIN                       new generated password, printed once;
 *                                             ends the account's sessions
 *     user disable LOGIN | user enable LOGIN  disabling ends the account's sessions
 *     user list                               every account, tab-separated
 *     user sessions-kill LOGIN                ends the account's sessions
 *     user reset-2fa LOGIN                    forgets the second factor and the recovery
 *                                             codes; ends the account's sessions
 *
 * The database path comes from --db, else ABERTA_DB, else var/aberta.db.  Exit status:
 * 0 done, 1 failed (nothing changed), 2 usage.  Every account change is written to the
 * audit log with the actor "aberta-admin"; no password is ever logged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "auth.h"
#include "db.h"
#include "import.h"
#include "passwords.h"
#include "valid.h"

#define ACTOR		"aberta-admin"
#define GEN_PW_LEN	AUTH_GEN_PW_LEN

enum ucmd {
	U_ADD,			/* user add LOGIN NAME ROLE [ENTITY-SLUG] */
	U_PASSWD,		/* user passwd LOGIN */
	U_DISABLE,		/* user disable LOGIN */
	U_ENABLE,		/* user enable LOGIN */
	U_LIST,			/* user list */
	U_KILL,			/* user sessions-kill LOGIN */
	U_RESET2FA,		/* user reset-2fa LOGIN */
	U__MAX
};

/* Each user subcommand: its name and how many arguments follow it. */
static const struct {
	const char	*name;
	int		 min, max;
} ucmds[U__MAX] = {
	{ "add", 3, 4 },		/* U_ADD */
	{ "passwd", 1, 1 },		/* U_PASSWD */
	{ "disable", 1, 1 },		/* U_DISABLE */
	{ "enable", 1, 1 },		/* U_ENABLE */
	{ "list", 0, 0 },		/* U_LIST */
	{ "sessions-kill", 1, 1 },	/* U_KILL */
	{ "reset-2fa", 1, 1 },		/* U_RESET2FA */
};

/* Prints the usage to f. */
static void
usage(FILE *f)
{
	fputs("usage: aberta-admin [--db PATH] migrate | import FILE.json | count-plans | "
	    "version\n"
	    "       aberta-admin [--db PATH] user add LOGIN NAME admin|focal|member "
	    "[ENTITY-SLUG]\n"
	    "       aberta-admin [--db PATH] user passwd|disable|enable|sessions-kill|"
	    "reset-2fa LOGIN\n"
	    "       aberta-admin [--db PATH] user list\n", f);
}

/* Opens and migrates the database; returns it or NULL after printing why. */
static sqlite3 *
open_migrated(const char *path)
{
	char	 err[512];
	sqlite3	*db;
	int	 n;

	if ((db = db_open(path, 1, err, sizeof err)) == NULL) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		return NULL;
	}
	if ((n = db_migrate(db, err, sizeof err)) < 0) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		sqlite3_close(db);
		return NULL;
	}
	if (n > 0)
		fprintf(stderr, "aberta-admin: applied %d migration(s); schema version %d\n",
		    n, db_version(db));
	return db;
}

/* Prints the number of plans; returns the exit status. */
static int
count_plans(sqlite3 *db)
{
	sqlite3_stmt	*s;
	int		 rc = 1;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM action_plan", -1, &s, NULL) ==
	    SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
		printf("%d\n", sqlite3_column_int(s, 0));
		rc = 0;
	} else
		fprintf(stderr, "aberta-admin: %s\n", sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return rc;
}

/* Returns 1 for an email-like login: 3 to 254 printable ASCII characters without spaces,
 * one '@' with something before it and a dotted domain after it. */
static int
login_ok(const char *s)
{
	size_t		 n = strlen(s);
	const char	*at = strchr(s, '@'), *p;

	if (n < 3 || n > 254 || at == NULL || at == s || strchr(at + 1, '@') != NULL)
		return 0;
	for (p = s; *p != '\0'; p++)
		if (*p <= ' ' || *p > '~')
			return 0;
	p = strchr(at + 1, '.');
	return p != NULL && p != at + 1 && p[1] != '\0' && s[n - 1] != '.';
}

/* Returns 1 for a display name: 1 to 200 bytes of UTF-8 without control characters. */
static int
name_ok(const char *s)
{
	size_t	 n = strlen(s), i;

	if (n < 1 || n > 200 || !valid_utf8(s, n))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return 1;
}

/* Checks the arguments of user add (argv: LOGIN NAME ROLE [SLUG]); prints why they are
 * wrong.  Returns 0 or 2. */
static int
add_args_ok(int argc, char *argv[])
{
	enum role	 r = auth_role(argv[2]);

	if (!login_ok(argv[0]))
		fprintf(stderr, "aberta-admin: the login must look like an email address "
		    "(3 to 254 characters, no spaces): '%s'\n", argv[0]);
	else if (!name_ok(argv[1]))
		fputs("aberta-admin: the name must be 1 to 200 characters of UTF-8 text\n",
		    stderr);
	else if (r == ROLE__MAX)
		fprintf(stderr, "aberta-admin: unknown role '%s' (admin, focal or member)\n",
		    argv[2]);
	else if (r == ROLE_MEMBER && argc < 4)
		fputs("aberta-admin: a member editor needs the slug of their entity: "
		    "user add LOGIN NAME member ENTITY-SLUG\n", stderr);
	else if (r != ROLE_MEMBER && argc > 3)
		fputs("aberta-admin: only member editors belong to an entity; "
		    "leave out the slug for admin and focal\n", stderr);
	else if (argc > 3 && !valid_slug(argv[3]))
		fprintf(stderr, "aberta-admin: not a slug: '%s'\n", argv[3]);
	else
		return 0;
	return 2;
}

/* Checks the arguments of "user ..." (argv[0] is the subcommand) before the database is
 * opened.  Returns the subcommand, or U__MAX after printing why. */
static enum ucmd
user_parse(int argc, char *argv[])
{
	int	 u, n = argc - 1;

	for (u = 0; argc > 0 && u < U__MAX; u++)
		if (strcmp(argv[0], ucmds[u].name) == 0)
			break;
	if (argc == 0 || u == U__MAX) {
		if (argc > 0)
			fprintf(stderr, "aberta-admin: unknown user command '%s'\n", argv[0]);
		usage(stderr);
		return U__MAX;
	}
	if (n < ucmds[u].min || n > ucmds[u].max) {
		usage(stderr);
		return U__MAX;
	}
	if (u == U_ADD && add_args_ok(n, argv + 1) != 0)
		return U__MAX;
	return (enum ucmd)u;
}

/* Returns the id of the account login, 0 if there is none (after saying so when say is
 * set), -1 on a database error. */
static long long
staff_find(sqlite3 *db, const char *login, int say)
{
	sqlite3_stmt	*s;
	long long	 id = -1;
	int		 rc;

	if (sqlite3_prepare_v2(db, "SELECT id FROM staff WHERE login = ?1", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, login, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	else if (rc == SQLITE_DONE) {
		id = 0;
		if (say)
			fprintf(stderr, "aberta-admin: there is no account '%s'\n", login);
	}
	sqlite3_finalize(s);
	return id;
}

/* Runs sql, literal text with at most one parameter, bound to id.  Returns 0 or -1. */
static int
run_id(sqlite3 *db, const char *sql, long long id)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_bind_parameter_count(s) > 0)
		sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Prints a generated password for login, the only time it is ever shown, and wipes it. */
static void
password_show(const char *login, char *pw)
{
	printf("password for %s: %s\n", login, pw);
	printf("This password is shown only once: give it to its owner now, by a safe "
	    "channel.\n");
	fflush(stdout);
	sodium_memzero(pw, GEN_PW_LEN + 1);
}

/* Returns the id of the entity with slug, 0 if there is none (after saying so), -1 on a
 * database error. */
static long long
entity_find(sqlite3 *db, const char *slug)
{
	sqlite3_stmt	*s;
	long long	 id = -1;
	int		 rc;

	if (sqlite3_prepare_v2(db, "SELECT id FROM entity WHERE slug = ?1", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, slug, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	else if (rc == SQLITE_DONE) {
		id = 0;
		fprintf(stderr, "aberta-admin: there is no entity with the slug '%s'\n", slug);
	}
	sqlite3_finalize(s);
	return id;
}

/* Writes the audit line of an account change: the object is "staff:LOGIN", the actor
 * aberta-admin.  Returns 0 or -1. */
static int
audit(sqlite3 *db, long long id, const char *action, const char *login, const char *detail)
{
	char	 obj[300];

	snprintf(obj, sizeof obj, "staff:%s", login);
	return auth_audit(db, id, ACTOR, NULL, action, obj, detail);
}

/* Inserts the account of user add (argv: LOGIN NAME ROLE [SLUG]) with the password hash;
 * sets *id.  Inside the caller's transaction.  Returns 0, or -1 after saying why. */
static int
user_insert(sqlite3 *db, int argc, char *argv[], const char *hash, long long *id)
{
	sqlite3_stmt	*s;
	long long	 ent = 0;
	int		 rc;

	if (argc > 3 && (ent = entity_find(db, argv[3])) <= 0)
		return -1;
	if (sqlite3_prepare_v2(db, "INSERT INTO staff (login, name, role, entity_id, pw_hash) "
	    "VALUES (?1, ?2, ?3, nullif(?4, 0), ?5)", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, argv[0], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, argv[1], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, argv[2], -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 4, ent);
	sqlite3_bind_text(s, 5, hash, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	*id = sqlite3_last_insert_rowid(db);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* user add; argv: LOGIN NAME ROLE [SLUG], already checked.  Runs in the transaction
 * that user_run opened and commits it before the password is shown.  Returns 0 or -1. */
static int
user_add(sqlite3 *db, int argc, char *argv[])
{
	char		 pw[GEN_PW_LEN + 1], hash[crypto_pwhash_STRBYTES], detail[128];
	long long	 id;

	if ((id = staff_find(db, argv[0], 0)) != 0) {
		if (id > 0)
			fprintf(stderr, "aberta-admin: an account '%s' already exists (logins "
			    "ignore case)\n", argv[0]);
		return -1;
	}
	if (auth_password_new(pw, hash) != 0 || user_insert(db, argc, argv, hash, &id) != 0) {
		sodium_memzero(pw, sizeof pw);
		return -1;
	}
	snprintf(detail, sizeof detail, "role %s%s%s", argv[2], argc > 3 ? ", entity " : "",
	    argc > 3 ? argv[3] : "");
	if (audit(db, id, "user_add", argv[0], detail) != 0 ||
	    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sodium_memzero(pw, sizeof pw);
		return -1;
	}
	fprintf(stderr, "aberta-admin: added %s (%s)\n", argv[0], detail);
	password_show(argv[0], pw);
	return 0;
}

/* Ends the sessions of id and writes the audit line action for login, with detail and
 * the number of sessions ended.  Inside the caller's transaction.  Returns 0 or -1. */
static int
end_and_audit(sqlite3 *db, long long id, const char *login, const char *action,
    const char *detail)
{
	char	 line[160];
	int	 n;

	if ((n = auth_sessions_kill(db, id)) < 0)
		return -1;
	snprintf(line, sizeof line, "%s%s%d session(s) ended", detail, *detail ? "; " : "", n);
	if (audit(db, id, action, login, line) != 0)
		return -1;
	fprintf(stderr, "aberta-admin: %s: %s\n", login, line);
	return 0;
}

/* user passwd LOGIN: a new generated password; the sessions end.  Runs in the
 * transaction that user_run opened and commits it before the password is shown.
 * Returns 0 or -1. */
static int
user_passwd(sqlite3 *db, const char *login, long long id)
{
	char		 pw[GEN_PW_LEN + 1], hash[crypto_pwhash_STRBYTES];
	sqlite3_stmt	*s;
	int		 rc;

	if (auth_password_new(pw, hash) != 0 ||
	    sqlite3_prepare_v2(db, "UPDATE staff SET pw_hash = ?1, updated_at = "
	    "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?2", -1, &s, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(s, 1, hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE ||
	    end_and_audit(db, id, login, "user_passwd", "new password generated") != 0 ||
	    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	password_show(login, pw);
	return 0;
fail:
	sodium_memzero(pw, sizeof pw);
	return -1;
}

/* The account changes that need no password: disable, enable, sessions-kill and
 * reset-2fa of the account id.  Runs in the transaction that user_run opened and commits
 * it.  Returns 0 or -1. */
static int
user_change(sqlite3 *db, enum ucmd u, const char *login, long long id)
{
	int	 rc = -1;

	switch (u) {
	case U_DISABLE:
		if (run_id(db, "UPDATE staff SET disabled = 1, updated_at = "
		    "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1", id) == 0)
			rc = end_and_audit(db, id, login, "user_disable", "disabled");
		break;
	case U_ENABLE:
		if (run_id(db, "UPDATE staff SET disabled = 0, updated_at = "
		    "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1", id) == 0 &&
		    (rc = audit(db, id, "user_enable", login, "enabled")) == 0)
			fprintf(stderr, "aberta-admin: %s: enabled\n", login);
		break;
	case U_KILL:
		rc = end_and_audit(db, id, login, "user_sessions_kill", "");
		break;
	case U_RESET2FA:
		if (run_id(db, "UPDATE staff SET totp_secret = NULL, totp_pending = NULL, "
		    "totp_last_step = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
		    "WHERE id = ?1", id) == 0 &&
		    run_id(db, "DELETE FROM recovery_code WHERE staff_id = ?1", id) == 0)
			rc = end_and_audit(db, id, login, "user_reset_2fa",
			    "second factor and recovery codes removed");
		break;
	default:
		break;
	}
	if (rc == 0 && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = -1;
	return rc;
}

/* user list: one tab-separated line per account, after a header line; nothing on
 * stdout when there is none.  Returns 0 or -1. */
static int
user_list(sqlite3 *db)
{
	sqlite3_stmt	*s;
	int		 rc, n = 0;

	if (sqlite3_prepare_v2(db, "SELECT s.login, s.name, s.role, coalesce(e.slug, '-'), "
	    "s.totp_secret IS NOT NULL, s.disabled, (SELECT count(*) FROM session x "
	    "WHERE x.staff_id = s.id AND x.last_seen >= ?1 - ?2 AND x.created_at >= ?1 - ?3) "
	    "FROM staff s LEFT JOIN entity e ON e.id = s.entity_id ORDER BY s.login", -1, &s,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, (long long)time(NULL));
	sqlite3_bind_int64(s, 2, AUTH_IDLE_SECONDS);
	sqlite3_bind_int64(s, 3, AUTH_ABSOLUTE_SECONDS);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n++ == 0)
			puts("LOGIN\tNAME\tROLE\tENTITY\t2FA\tDISABLED\tSESSIONS");
		printf("%s\t%s\t%s\t%s\t%s\t%s\t%d\n", db_text(s, 0), db_text(s, 1),
		    db_text(s, 2), db_text(s, 3), sqlite3_column_int(s, 4) ? "yes" : "no",
		    sqlite3_column_int(s, 5) ? "yes" : "no", sqlite3_column_int(s, 6));
	}
	sqlite3_finalize(s);
	if (n == 0 && rc == SQLITE_DONE)
		fputs("aberta-admin: there are no staff accounts\n", stderr);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs user subcommand u (argv: its arguments, already checked).  Each change is one
 * IMMEDIATE transaction, committed by the subcommand.  Returns the exit status. */
static int
user_run(sqlite3 *db, enum ucmd u, int argc, char *argv[])
{
	long long	 id;
	int		 rc, e;

	if (u == U_LIST)
		rc = user_list(db);
	else if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		rc = -1;
	else if (u == U_ADD)
		rc = user_add(db, argc, argv);
	else if ((id = staff_find(db, argv[0], 1)) <= 0)
		rc = -1;
	else if (u == U_PASSWD)
		rc = user_passwd(db, argv[0], id);
	else
		rc = user_change(db, u, argv[0], id);
	if (rc != 0) {
		e = sqlite3_errcode(db);
		if (e != SQLITE_OK && e != SQLITE_ROW && e != SQLITE_DONE)
			fprintf(stderr, "aberta-admin: database: %s\n", sqlite3_errmsg(db));
		if (!sqlite3_get_autocommit(db))
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		fputs("aberta-admin: nothing was changed\n", stderr);
	}
	return rc == 0 ? 0 : 1;
}

int
main(int argc, char *argv[])
{
	const char	*path = getenv("ABERTA_DB"), *cmd;
	char		 err[1024];
	sqlite3		*db;
	enum ucmd	 u = U__MAX;
	int		 i = 1, rc = 0;

	if (sodium_init() < 0) {
		fputs("aberta-admin: libsodium could not be initialised\n", stderr);
		return 1;
	}
	if (argc > 2 && strcmp(argv[1], "--db") == 0) {
		path = argv[2];
		i = 3;
	}
	if (path == NULL || *path == '\0')
		path = "var/aberta.db";
	if (i >= argc) {
		usage(stderr);
		return 2;
	}
	cmd = argv[i];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "migrate") != 0 && strcmp(cmd, "import") != 0 &&
	    strcmp(cmd, "count-plans") != 0 && strcmp(cmd, "version") != 0 &&
	    strcmp(cmd, "user") != 0) {
		fprintf(stderr, "aberta-admin: unknown command '%s'\n", cmd);
		usage(stderr);
		return 2;
	}
	if (strcmp(cmd, "import") == 0 && i + 2 != argc) {
		usage(stderr);
		return 2;
	}
	if (strcmp(cmd, "user") == 0 &&
	    (u = user_parse(argc - i - 1, argv + i + 1)) == U__MAX)
		return 2;
	if ((db = open_migrated(path)) == NULL)
		return 1;
	if (strcmp(cmd, "import") == 0) {
		if (import_json_file(db, argv[i + 1], err, sizeof err) != 0) {
			fprintf(stderr, "aberta-admin: import refused, nothing was changed: %s\n",
			    err);
			rc = 1;
		} else
			fprintf(stderr, "aberta-admin: imported %s\n", argv[i + 1]);
	} else if (strcmp(cmd, "count-plans") == 0)
		rc = count_plans(db);
	else if (strcmp(cmd, "version") == 0)
		printf("schema %d (program %d)\n", db_version(db), db_latest_version());
	else if (strcmp(cmd, "user") == 0)
		rc = user_run(db, u, argc - i - 2, argv + i + 2);
	sqlite3_close(db);
	return rc;
}
