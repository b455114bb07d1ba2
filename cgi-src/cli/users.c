/*
 * aberta-admin user SUBCOMMAND: the staff accounts.
 *
 *   user add LOGIN NAME ROLE [ENTITY-SLUG]  new account (role admin, focal or member; a
 *                                           member needs the slug of its entity);
 *                                           prints a generated password, once
 *   user passwd LOGIN                       new generated password, printed once; ends
 *                                           the account's sessions
 *   user disable LOGIN | user enable LOGIN  disabling ends the account's sessions
 *   user list                               every account, tab-separated
 *   user sessions-kill LOGIN                ends the account's sessions
 *   user reset-2fa LOGIN                    forgets the second factor and the recovery
 *                                           codes; ends the account's sessions
 *
 * Each change is one IMMEDIATE transaction with its audit line (actor aberta-admin;
 * never a password).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "cli/commands.h"
#include "lib/valid.h"
#include "store/accounts.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/stmt.h"

#define GEN_PW_LEN AUTH_GEN_PW_LEN

enum ucmd {
	U_ADD,      /* user add LOGIN NAME ROLE [ENTITY-SLUG] */
	U_PASSWD,   /* user passwd LOGIN */
	U_DISABLE,  /* user disable LOGIN */
	U_ENABLE,   /* user enable LOGIN */
	U_LIST,     /* user list */
	U_KILL,     /* user sessions-kill LOGIN */
	U_RESET2FA, /* user reset-2fa LOGIN */
	U__MAX
};

/* Each user subcommand: its name and how many arguments follow it. */
static const struct {
	const char *name;
	int         min, max;
} ucmds[U__MAX] = {
	{ "add", 3, 4 },           /* U_ADD */
	{ "passwd", 1, 1 },        /* U_PASSWD */
	{ "disable", 1, 1 },       /* U_DISABLE */
	{ "enable", 1, 1 },        /* U_ENABLE */
	{ "list", 0, 0 },          /* U_LIST */
	{ "sessions-kill", 1, 1 }, /* U_KILL */
	{ "reset-2fa", 1, 1 },     /* U_RESET2FA */
};

/* Returns 1 for an email-like login: 3 to 254 printable ASCII characters without spaces,
 * one '@' with something before it and a dotted domain after it. */
static int
login_ok(const char *s)
{
	size_t      n = strlen(s);
	const char *at = strchr(s, '@'), *p;

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
	size_t n = strlen(s), i;

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
	enum role r = auth_role(argv[2]);

	if (!login_ok(argv[0]))
		fprintf(stderr,
		    "aberta-admin: the login must look like an email address "
		    "(3 to 254 characters, no spaces): '%s'\n",
		    argv[0]);
	else if (!name_ok(argv[1]))
		fputs("aberta-admin: the name must be 1 to 200 characters of UTF-8 text\n", stderr);
	else if (r == ROLE__MAX)
		fprintf(
		    stderr, "aberta-admin: unknown role '%s' (admin, focal or member)\n", argv[2]);
	else if (r == ROLE_MEMBER && argc < 4)
		fputs("aberta-admin: a member editor needs the slug of their entity: "
		      "user add LOGIN NAME member ENTITY-SLUG\n",
		    stderr);
	else if (r != ROLE_MEMBER && argc > 3)
		fputs("aberta-admin: only member editors belong to an entity; "
		      "leave out the slug for admin and focal\n",
		    stderr);
	else if (argc > 3 && !valid_slug(argv[3]))
		fprintf(stderr, "aberta-admin: not a slug: '%s'\n", argv[3]);
	else
		return 0;
	return 2;
}

/* Returns the subcommand called name, or U__MAX. */
static enum ucmd
ucmd_find(const char *name)
{
	int u;

	for (u = 0; u < U__MAX; u++)
		if (strcmp(name, ucmds[u].name) == 0)
			break;
	return (enum ucmd)u;
}

int
user_args(int argc, char *argv[])
{
	enum ucmd u;
	int       n = argc - 1;

	if (argc == 0 || (u = ucmd_find(argv[0])) == U__MAX) {
		if (argc > 0)
			fprintf(stderr, "aberta-admin: unknown user command '%s'\n", argv[0]);
		cli_usage(stderr);
		return 2;
	}
	if (n < ucmds[u].min || n > ucmds[u].max) {
		cli_usage(stderr);
		return 2;
	}
	if (u == U_ADD && add_args_ok(n, argv + 1) != 0)
		return 2;
	return 0;
}

/* Returns the id of the account login, 0 if there is none (after saying so when say is
 * set), -1 on a database error. */
static long long
staff_find(const char *login, int say)
{
	struct account a;
	int            rc = accounts_find(login, &a);

	if (rc == 0 && say)
		fprintf(stderr, "aberta-admin: there is no account '%s'\n", login);
	return rc > 0 ? a.id : rc;
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

/* Writes the audit line of an account change: the object is "staff:LOGIN", the actor
 * aberta-admin.  Returns 0 or -1. */
static int
audit(sqlite3 *db, long long id, const char *action, const char *login, const char *detail)
{
	char obj[300];

	snprintf(obj, sizeof obj, "staff:%s", login);
	return auth_audit(db, id, ACTOR, NULL, action, obj, detail);
}

/* Inserts the account of user add (argv: LOGIN NAME ROLE [SLUG]) with the password hash;
 * sets *id.  Inside the caller's transaction.  Returns 0, or -1 after saying why. */
static int
user_insert(int argc, char *argv[], const char *hash, long long *id)
{
	long long ent = 0;

	if (argc > 3 && (ent = accounts_entity(argv[3])) <= 0) {
		if (ent == 0)
			fprintf(stderr, "aberta-admin: there is no entity with the slug '%s'\n",
			    argv[3]);
		return -1;
	}
	return accounts_insert(argv[0], argv[1], argv[2], ent, hash, id);
}

/* user add; argv: LOGIN NAME ROLE [SLUG], already checked.  Runs in the transaction
 * that user_run opened and commits it before the password is shown.  Returns 0 or -1. */
static int
user_add(sqlite3 *db, int argc, char *argv[])
{
	char      pw[GEN_PW_LEN + 1], hash[crypto_pwhash_STRBYTES], detail[128];
	long long id;

	if ((id = staff_find(argv[0], 0)) != 0) {
		if (id > 0)
			fprintf(stderr,
			    "aberta-admin: an account '%s' already exists (logins "
			    "ignore case)\n",
			    argv[0]);
		return -1;
	}
	if (auth_password_new(pw, hash) != 0 || user_insert(argc, argv, hash, &id) != 0) {
		sodium_memzero(pw, sizeof pw);
		return -1;
	}
	snprintf(detail, sizeof detail, "role %s%s%s", argv[2], argc > 3 ? ", entity " : "",
	    argc > 3 ? argv[3] : "");
	if (audit(db, id, "user_add", argv[0], detail) != 0 || store_commit(db) != 0) {
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
end_and_audit(sqlite3 *db, long long id, const char *login, const char *action, const char *detail)
{
	char line[160];
	int  n;

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
	char pw[GEN_PW_LEN + 1], hash[crypto_pwhash_STRBYTES];

	if (auth_password_new(pw, hash) != 0 || accounts_set_password(id, hash) != 0 ||
	    end_and_audit(db, id, login, "user_passwd", "new password generated") != 0 ||
	    store_commit(db) != 0) {
		sodium_memzero(pw, sizeof pw);
		return -1;
	}
	password_show(login, pw);
	return 0;
}

/* The account changes that need no password: disable, enable, sessions-kill and
 * reset-2fa of the account id.  Runs in the transaction that user_run opened and commits
 * it.  Returns 0 or -1. */
static int
user_change(sqlite3 *db, enum ucmd u, const char *login, long long id)
{
	int rc = -1;

	switch (u) {
	case U_DISABLE:
		if (accounts_set_disabled(id, 1) == 0)
			rc = end_and_audit(db, id, login, "user_disable", "disabled");
		break;
	case U_ENABLE:
		if (accounts_set_disabled(id, 0) == 0 &&
		    (rc = audit(db, id, "user_enable", login, "enabled")) == 0)
			fprintf(stderr, "aberta-admin: %s: enabled\n", login);
		break;
	case U_KILL:
		rc = end_and_audit(db, id, login, "user_sessions_kill", "");
		break;
	case U_RESET2FA:
		if (accounts_reset_2fa(db, id) == 0)
			rc = end_and_audit(db, id, login, "user_reset_2fa",
			    "second factor and recovery codes removed");
		break;
	default:
		break;
	}
	if (rc == 0 && store_commit(db) != 0)
		rc = -1;
	return rc;
}

/* user list: one tab-separated line per account, after a header line; nothing on
 * stdout when there is none.  Returns 0 or -1. */
static int
user_list(void)
{
	sqlite3_stmt *s = accounts_list((long long)time(NULL));
	int           n = 0;

	while (db_step(s) == SQLITE_ROW) {
		if (n++ == 0)
			puts("LOGIN\tNAME\tROLE\tENTITY\t2FA\tDISABLED\tSESSIONS");
		printf("%s\t%s\t%s\t%s\t%s\t%s\t%d\n", db_text(s, AL_LOGIN), db_text(s, AL_NAME),
		    db_text(s, AL_ROLE), db_text(s, AL_ENTITY), db_int(s, AL_2FA) ? "yes" : "no",
		    db_int(s, AL_DISABLED) ? "yes" : "no", db_int(s, AL_SESSIONS));
	}
	if (db_failed())
		return -1;
	if (n == 0)
		fputs("aberta-admin: there are no staff accounts\n", stderr);
	return 0;
}

/* Runs user subcommand u (argv: its arguments, already checked).  Each change is one
 * IMMEDIATE transaction, committed by the subcommand.  Returns the exit status. */
static int
user_run(sqlite3 *db, enum ucmd u, int argc, char *argv[])
{
	long long id;
	int       rc;

	if (u == U_LIST) /* NOLINT(bugprone-branch-clone): distinct commands */
		rc = user_list();
	else if (store_begin(db) != 0)
		rc = -1; /* NOLINT(bugprone-branch-clone): a failure, like others below */
	else if (u == U_ADD)
		rc = user_add(db, argc, argv);
	else if ((id = staff_find(argv[0], 1)) <= 0)
		rc = -1;
	else if (u == U_PASSWD)
		rc = user_passwd(db, argv[0], id);
	else
		rc = user_change(db, u, argv[0], id);
	if (rc != 0) {
		if (db_failed())
			fprintf(stderr, "aberta-admin: database: %s\n", db_last_error());
		store_rollback(db);
		fputs("aberta-admin: nothing was changed\n", stderr);
	}
	return rc == 0 ? 0 : 1;
}

int
cmd_user(const char *path, sqlite3 *db, int argc, char *argv[])
{
	(void)path;
	return user_run(db, ucmd_find(argv[0]), argc - 1, argv + 1);
}
