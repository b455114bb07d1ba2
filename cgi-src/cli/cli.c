/*
 * aberta-admin: the command-line tool for the people who run the site.
 *
 *   aberta-admin [--db PATH] migrate          create or upgrade the database
 *   aberta-admin [--db PATH] import FILE.json load content (see import.h)
 *   aberta-admin [--db PATH] import [--dry-run] --as LOGIN FILE
 *                                             take back an exported milestones or
 *                                             commitments file, CSV or JSON (see
 *                                             bulkimport.h), as the staff account LOGIN;
 *                                             --dry-run prints every change and applies
 *                                             nothing
 *   aberta-admin [--db PATH] count-plans      print the number of plans
 *   aberta-admin [--db PATH] cache-invalidate publish a new page-cache generation
 *                                             (ABERTA_CACHE; after a change by SQL)
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
 *   aberta-admin [--db PATH] backup [--force] FILE
 *                                             copies the live database into FILE with
 *                                             SQLite's online backup API, then checks
 *                                             the copy (see cmd_backup)
 *   aberta-admin [--db PATH] restore [--yes] FILE
 *                                             checks FILE, asks for confirmation, and
 *                                             copies it into the live database (see
 *                                             cmd_restore)
 *   aberta-admin [--db PATH] check            integrity_check and foreign_key_check
 *   aberta-admin [--db PATH] links check [OPTIONS]
 *                                             visits every outside address the site
 *                                             shows and records what it answers (see
 *                                             links.h); prints the broken ones
 *   aberta-admin [--db PATH] links archive [--refresh] [OPTIONS]
 *                                             keeps a copy of the documents plans and
 *                                             milestone evidence cite (those without
 *                                             one; --refresh: all of them again)
 *     OPTIONS: --parallel N (8) --per-host N (2) --connect-timeout SECONDS (10)
 *              --timeout SECONDS (30) --max-redirects N (5) --max-size BYTES (10485760)
 *   aberta-admin [--db PATH] mail flush [--id N]
 *                                             sends the confirmation emails still in the
 *                                             outbox (ABERTA_SMTP_URL or ABERTA_SENDMAIL);
 *                                             --id: only message N (what the worker
 *                                             starts after each submission)
 *   aberta-admin [--db PATH] submissions erase EMAIL
 *                                             deletes every submission of that address,
 *                                             its mail and its rate-limit counters
 *   aberta-admin [--db PATH] submissions purge
 *                                             deletes unconfirmed submissions older than
 *                                             7 days and spam older than 30
 *
 * The database path comes from --db, else ABERTA_DB, else var/aberta.db.  Exit status:
 * 0 done, 1 failed (nothing changed), 2 usage.  Every account change is written to the
 * audit log with the actor "aberta-admin"; no password is ever logged.  backup, restore
 * and check never migrate the live database.  Run aberta-admin as the user the site
 * runs as (aberta): files SQLite creates beside the database (-wal, -shm) belong to
 * whoever creates them.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "store/auth.h"
#include "import/bulkimport.h"
#include "http/cache.h"
#include "lib/consult.h"
#include "store/db.h"
#include "store/stmt.h"
#include "store/edit.h"
#include "import/import.h"
#include "net/links.h"
#include "net/mailsend.h"
#include "lib/passwords.h"
#include "store/upload.h"
#include "lib/valid.h"

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
	    "       aberta-admin [--db PATH] import [--dry-run] --as LOGIN FILE.csv|FILE.json\n"
	    "       aberta-admin [--db PATH] user add LOGIN NAME admin|focal|member "
	    "[ENTITY-SLUG]\n"
	    "       aberta-admin [--db PATH] user passwd|disable|enable|sessions-kill|"
	    "reset-2fa LOGIN\n"
	    "       aberta-admin [--db PATH] user list\n"
	    "       aberta-admin [--db PATH] backup [--force] FILE | restore [--yes] FILE | "
	    "check\n"
	    "       aberta-admin [--db PATH] links check [OPTIONS]\n"
	    "       aberta-admin [--db PATH] links archive [--refresh] [OPTIONS]\n"
	    "  links check visits every outside address the site shows and records what it\n"
	    "  answers; links archive keeps a copy of the documents plans and milestone\n"
	    "  evidence cite (PDF, ODT, DOCX, PNG, JPEG, HTML; --refresh fetches those already\n"
	    "  kept again).  OPTIONS, with their defaults:\n"
	    "    --parallel N             transfers at once, in all (8; 1-64)\n"
	    "    --per-host N             transfers at once to one host (2; 1-16)\n"
	    "    --connect-timeout SECS   to establish a connection (10; 1-300)\n"
	    "    --timeout SECS           for a whole transfer with its redirects (30; 1-3600)\n"
	    "    --max-redirects N        redirects followed (5; 0-50)\n"
	    "    --max-size BYTES         archive: largest document (10485760, also the most)\n"
	    "    --allow-private          also visit loopback, private and link-local network\n"
	    "                             addresses (refused by default, redirects included)\n"
	    "       aberta-admin [--db PATH] mail flush [--id N]\n"
	    "       aberta-admin [--db PATH] submissions erase EMAIL | submissions purge\n", f);
}

/* aberta-admin submissions erase EMAIL | purge: the citizen's right to erasure, and the
 * limits the consent text promises.  One transaction; the pages are unpublished after.
 * Returns the exit status. */
static int
submissions_cmd(sqlite3 *db, int argc, char *argv[])
{
	char		 email[256], key[80], hex[65];
	unsigned char	 h[32];
	long long	 now = (long long)time(NULL);
	int		 n = 0, other = 0, rc;

	if (argc == 2 && strcmp(argv[0], "erase") == 0) {
		if (!valid_email(argv[1])) {
			fprintf(stderr, "aberta-admin: '%s' is not an email address\n", argv[1]);
			return 2;
		}
		email_fold(argv[1], email, sizeof email);
		crypto_hash_sha256(h, (const unsigned char *)email, strlen(email));
		sodium_bin2hex(hex, sizeof hex, h, sizeof h);
		snprintf(key, sizeof key, "email:%s", hex);
		rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK &&
		    db_exec_tn(db, "DELETE FROM outbox WHERE rcpt = ?1", email, 0, &other) == 0 &&
		    db_exec_tn(db, "DELETE FROM submission WHERE email = ?1", email, 0, &n) == 0 &&
		    db_exec_tn(db, "DELETE FROM submit_attempt WHERE key = ?1", key, 0,
		    &other) == 0 && auth_audit(db, 0, "aberta-admin", NULL, "erase",
		    "submission", n == 1 ? "1 submission" : "submissions of one person") == 0 &&
		    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
	} else if (argc == 1 && strcmp(argv[0], "purge") == 0) {
		rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK &&
		    db_exec_tn(db, "DELETE FROM submission WHERE (status = 'unconfirmed' AND "
		    "created_at < strftime('%Y-%m-%dT%H:%M:%SZ', ?2, 'unixepoch', '-7 days')) OR "
		    "(status = 'spam' AND updated_at < strftime('%Y-%m-%dT%H:%M:%SZ', ?2, "
		    "'unixepoch', '-30 days'))", NULL, now, &n) == 0 &&
		    db_exec_tn(db, "DELETE FROM submit_attempt WHERE at < ?2 - 86400", NULL, now,
		    &other) == 0 && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
	} else {
		usage(stderr);
		return 2;
	}
	if (!rc) {
		fprintf(stderr, "aberta-admin: %s\n", sqlite3_errmsg(db));
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return 1;
	}
	cache_invalidate(db);
	printf("%d submission(s) deleted\n", n);
	return 0;
}

/* aberta-admin mail flush [--id N]: sends what waits in the outbox (only message N
 * with --id; one that another sender is sending is left to it).  Exit 1 when a message
 * could not be sent (it stays for the next run). */
static int
mail_cmd(sqlite3 *db, int argc, char *argv[])
{
	long long	 id = 0;
	int		 sent = 0, failed = 0;

	if (!(argc == 1 || (argc == 3 && strcmp(argv[1], "--id") == 0 &&
	    valid_int(argv[2], 1, LLONG_MAX, &id) == 0)) || strcmp(argv[0], "flush") != 0) {
		usage(stderr);
		return 2;
	}
	if (mail_flush(db, id, &sent, &failed) != 0) {
		fprintf(stderr, "aberta-admin: mail flush stopped on a database error\n");
		return 1;
	}
	printf("%d sent, %d failed\n", sent, failed);
	return failed > 0;
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
	/* Every statement of the store, on the one connection a command has. */
	if (store_prepare(STORE_RO, db, err, sizeof err) != 0 ||
	    store_prepare(STORE_RW, db, err, sizeof err) != 0) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		sqlite3_close(db);
		return NULL;
	}
	store_on_commit(cache_switch);
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

/* Reads the file at path (at most BULK_MAX bytes) into a malloc'd buffer; sets *len.
 * Returns the buffer, or NULL after saying why. */
static char *
slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*p = NULL;

	if (f == NULL || (p = malloc(BULK_MAX + 2)) == NULL) {
		fprintf(stderr, "aberta-admin: cannot read %s\n", path);
		if (f != NULL)
			fclose(f);
		return NULL;
	}
	*len = fread(p, 1, BULK_MAX + 1, f);
	if (ferror(f) || *len > BULK_MAX) {
		fprintf(stderr, "aberta-admin: %s: %s\n", path, ferror(f) ? "read error" :
		    "larger than the import takes");
		free(p);
		p = NULL;
	} else
		p[*len] = '\0';
	fclose(f);
	return p;
}

/* Finds the staff account an import acts as: it must exist, be enabled and may edit
 * content directly (focal point or administrator).  Sets *id and name.  Returns 0, or -1
 * after saying why. */
static int
import_actor(sqlite3 *db, const char *login, long long *id, char *name, size_t namelen)
{
	sqlite3_stmt	*s;
	int		 rc = -1;

	if (sqlite3_prepare_v2(db, "SELECT id, name, role, disabled FROM staff WHERE login = "
	    "?1", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_ROW)
		fprintf(stderr, "aberta-admin: there is no account '%s'\n", login);
	else if (sqlite3_column_int(s, 3))
		fprintf(stderr, "aberta-admin: the account '%s' is disabled\n", login);
	else if (strcmp(db_text(s, 2), "member") == 0)
		fprintf(stderr, "aberta-admin: '%s' is a member editor, whose changes wait for "
		    "review: import as a focal point or an administrator\n", login);
	else {
		*id = sqlite3_column_int64(s, 0);
		snprintf(name, namelen, "%s", db_text(s, 1));
		rc = 0;
	}
	sqlite3_finalize(s);
	return rc;
}

/* aberta-admin import [--dry-run] --as LOGIN FILE for an exported file (data, len).
 * Prints the refusals, and every change in a dry run.  Returns the exit status. */
static int
import_export(sqlite3 *db, const char *path, const char *data, size_t len, int dry,
    const char *login)
{
	struct bulk_report	 r;
	struct bulk_opts	 o;
	char			 name[256], err[512], today[16], detail[128];
	const char		*t = getenv("ABERTA_TODAY");
	time_t			 now = time(NULL);
	struct tm		 tm;
	int			 rc;

	if (login == NULL) {
		fputs("aberta-admin: importing an exported file needs --as LOGIN (a focal "
		    "point or an administrator): every change is recorded as theirs\n", stderr);
		return 2;
	}
	if (import_actor(db, login, &o.staff_id, name, sizeof name) != 0)
		return 1;
	if (edit_init(db, err, sizeof err) != 0) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		return 1;
	}
	gmtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	if (t != NULL && strlen(t) == 10 && valid_date(t))
		snprintf(today, sizeof today, "%s", t);
	o.dry_run = dry;
	o.actor = name;
	o.today = today;
	rc = bulk_import(db, data, len, &o, &r);
	bulk_report_print(&r, rc == 0 ? stdout : stderr, dry || rc != 0);
	if (r.error[0] != '\0')
		fprintf(stderr, "aberta-admin: %s: %s\n", path, r.error);
	if (rc != 0)
		fputs("aberta-admin: import refused, nothing was changed\n", stderr);
	else if (dry)
		fputs("aberta-admin: dry run, nothing was changed\n", stderr);
	else {
		snprintf(detail, sizeof detail, "%s: %zu record(s), %zu field(s) changed",
		    r.dataset, r.changed, r.fields);
		auth_audit(db, o.staff_id, login, NULL, "import", path, detail);
		fprintf(stderr, "aberta-admin: imported %s\n", path);
	}
	edit_finish();
	bulk_report_free(&r);
	return rc == 0 ? 0 : 1;
}

/* aberta-admin import [--dry-run] [--as LOGIN] FILE (argv: what follows "import").
 * Returns the exit status. */
static int
import_cmd(sqlite3 *db, int argc, char *argv[])
{
	const char	*login = NULL, *path;
	char		 err[1024], *data;
	size_t		 len;
	int		 i, dry = 0, rc;

	for (i = 0; i < argc - 1; i++)
		if (strcmp(argv[i], "--dry-run") == 0)
			dry = 1;
		else if (strcmp(argv[i], "--as") == 0 && i + 2 < argc)
			login = argv[++i];
		else {
			usage(stderr);
			return 2;
		}
	path = argv[argc - 1];
	if ((data = slurp(path, &len)) == NULL)
		return 1;
	if (bulk_is_export(data, len))
		rc = import_export(db, path, data, len, dry, login);
	else if (dry || login != NULL) {
		fputs("aberta-admin: --dry-run and --as are for exported milestones and "
		    "commitments files; this is a content file\n", stderr);
		rc = 2;
	} else if (import_json_file(db, path, err, sizeof err) != 0) {
		fprintf(stderr, "aberta-admin: import refused, nothing was changed: %s\n", err);
		rc = 1;
	} else {
		fprintf(stderr, "aberta-admin: imported %s\n", path);
		rc = 0;
	}
	free(data);
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

	if (u == U_LIST)	/* NOLINT(bugprone-branch-clone): distinct commands */
		rc = user_list(db);
	else if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		rc = -1;	/* NOLINT(bugprone-branch-clone): a failure, like others below */
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

/* ------------------------------------------------------------------------------------
 * Backups: backup, restore, check.
 */

#define BACKUP_PAGES	64	/* pages copied per sqlite3_backup_step */
#define BUSY_WAIT_MS	30000	/* how long a step may keep meeting a lock */
#define COPY_MAX_S	600	/* how long a copy that keeps restarting may take */

/* Sleeps ms milliseconds. */
static void
nap(int ms)
{
	struct timespec	 ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Runs PRAGMA integrity_check and foreign_key_check on db; prints each problem (10 at
 * most of each) after "aberta-admin: what: ".  Returns 0 when both are clean, 1 when
 * they found problems, -1 when they could not run (the database cannot be read). */
static int
check_db(sqlite3 *db, const char *what)
{
	sqlite3_stmt	*s;
	const char	*t;
	int		 rc, n = 0, bad = 0;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(10)", -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "aberta-admin: %s: cannot be read as a database: %s\n", what,
		    sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		t = (const char *)sqlite3_column_text(s, 0);
		if (t == NULL || strcmp(t, "ok") != 0) {
			fprintf(stderr, "aberta-admin: %s: integrity_check: %s\n", what,
			    t ? t : "?");
			bad = 1;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "aberta-admin: %s: cannot be read as a database: %s\n", what,
		    sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "aberta-admin: %s: foreign_key_check: %s\n", what,
		    sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (n++ < 10)
			fprintf(stderr, "aberta-admin: %s: foreign_key_check: row %lld of %s "
			    "refers to a missing row of %s\n", what,
			    (long long)sqlite3_column_int64(s, 1), db_text(s, 0) ? db_text(s, 0) :
			    "?", db_text(s, 2) ? db_text(s, 2) : "?");
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "aberta-admin: %s: foreign_key_check: %s\n", what,
		    sqlite3_errmsg(db));
		return -1;
	}
	if (n > 10)
		fprintf(stderr, "aberta-admin: %s: foreign_key_check: %d more\n", what, n - 10);
	return bad || n > 0 ? 1 : 0;
}

/* Copies the database src into dst with the online backup API, BACKUP_PAGES pages per
 * step.  With a source in WAL mode, one read transaction is held on src from the first
 * step to the last: the copy is the snapshot of that moment, writers are never blocked
 * (WAL readers do not block writers) and the copy never restarts.  Otherwise, when
 * shared is set (other processes write src), the lock is let go for a moment between
 * steps, so that writers wait little; a write then restarts the copy.  A step that
 * meets a lock is retried for BUSY_WAIT_MS.  Sets *pages.  Returns 0, or -1 after
 * printing why. */
static int
copy_db(sqlite3 *dst, sqlite3 *src, const char *what, int *pages, int shared)
{
	sqlite3_backup	*b;
	sqlite3_stmt	*s;
	time_t		 start = time(NULL);
	int		 rc, waited = 0, wal = 0, snap = 0;

	if (sqlite3_prepare_v2(src, "PRAGMA journal_mode", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW && db_text(s, 0) != NULL)
		wal = strcmp(db_text(s, 0), "wal") == 0;
	sqlite3_finalize(s);
	if (wal) {
		if (sqlite3_exec(src, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(src, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) !=
		    SQLITE_OK) {
			fprintf(stderr, "aberta-admin: %s: cannot read the database: %s\n", what,
			    sqlite3_errmsg(src));
			if (!sqlite3_get_autocommit(src))
				sqlite3_exec(src, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		snap = 1;
	}
	if ((b = sqlite3_backup_init(dst, "main", src, "main")) == NULL) {
		fprintf(stderr, "aberta-admin: %s: %s\n", what, sqlite3_errmsg(dst));
		if (snap)
			sqlite3_exec(src, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	for (;;) {
		rc = sqlite3_backup_step(b, BACKUP_PAGES);
		if (rc == SQLITE_DONE)
			break;
		if (rc == SQLITE_OK && time(NULL) - start > COPY_MAX_S) {
			fprintf(stderr, "aberta-admin: %s kept changing for %d s: the copy could not "
			    "finish\n", what, COPY_MAX_S);
			rc = -1;
			break;
		}
		if (rc == SQLITE_OK) {
			if (shared && !wal)
				nap(5);
			continue;
		}
		if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < BUSY_WAIT_MS) {
			nap(50);
			waited += 50;
			continue;
		}
		break;
	}
	*pages = sqlite3_backup_pagecount(b);
	sqlite3_backup_finish(b);
	if (snap)
		sqlite3_exec(src, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_DONE) {
		if (rc != -1)
			fprintf(stderr, "aberta-admin: %s: %s%s\n", what, sqlite3_errstr(rc),
			    rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? " (the database stayed "
			    "locked for 30 s)" : "");
		return -1;
	}
	return 0;
}

/* fsyncs the file path (O_RDONLY suffices on Linux).  Returns 0 or -1. */
static int
sync_path(const char *path, int dir)
{
	int	 fd, rc;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | (dir ? O_DIRECTORY : 0))) < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* The folder of path, into out. */
static void
dir_of(const char *path, char *out, size_t outlen)
{
	const char	*sl = strrchr(path, '/');

	if (sl == NULL)
		snprintf(out, outlen, ".");
	else if (sl == path)
		snprintf(out, outlen, "/");
	else
		snprintf(out, outlen, "%.*s", (int)(sl - path), path);
}

/* Copies the open database src into a new file, then renames it to file: src is copied
 * into file.tmp, which is switched to rollback-journal mode (one self-contained file),
 * checked (integrity_check, foreign_key_check) when check is set, closed, fsynced and
 * renamed to file; the folder is fsynced.  Prints the result.  Returns 0, or -1 after
 * printing why, with nothing left behind. */
static int
backup_to(sqlite3 *src, const char *srcname, const char *file, int check)
{
	char		 tmp[PATH_MAX], dir[PATH_MAX];
	sqlite3		*dst = NULL;
	sqlite3_stmt	*s;
	struct stat	 st;
	int		 pages = 0, rc = -1, ver;

	if (snprintf(tmp, sizeof tmp, "%s.tmp", file) >= (int)sizeof tmp) {
		fprintf(stderr, "aberta-admin: %s: name too long\n", file);
		return -1;
	}
	if (unlink(tmp) == 0)
		fprintf(stderr, "aberta-admin: removed %s, left by an interrupted backup\n", tmp);
	else if (errno != ENOENT) {
		fprintf(stderr, "aberta-admin: cannot remove %s: %s\n", tmp, strerror(errno));
		return -1;
	}
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "aberta-admin: cannot create %s: %s\n", tmp,
		    dst ? sqlite3_errmsg(dst) : "out of memory");
		goto out;
	}
	if (copy_db(dst, src, srcname, &pages, 1) != 0)
		goto out;
	if (sqlite3_prepare_v2(dst, "PRAGMA journal_mode = DELETE", -1, &s, NULL) !=
	    SQLITE_OK || sqlite3_step(s) != SQLITE_ROW || db_text(s, 0) == NULL ||
	    strcmp(db_text(s, 0), "delete") != 0) {
		fprintf(stderr, "aberta-admin: %s: cannot leave WAL mode: %s\n", tmp,
		    sqlite3_errmsg(dst));
		sqlite3_finalize(s);
		goto out;
	}
	sqlite3_finalize(s);
	if (check && check_db(dst, tmp) != 0) {
		fprintf(stderr, "aberta-admin: the copy failed its checks\n");
		goto out;
	}
	ver = db_version(dst);
	if (sqlite3_close(dst) != SQLITE_OK) {
		fprintf(stderr, "aberta-admin: %s: %s\n", tmp, sqlite3_errmsg(dst));
		goto out;
	}
	dst = NULL;
	dir_of(file, dir, sizeof dir);
	if (sync_path(tmp, 0) != 0 || rename(tmp, file) != 0 || sync_path(dir, 1) != 0) {
		fprintf(stderr, "aberta-admin: cannot write %s: %s\n", file, strerror(errno));
		goto out;
	}
	if (stat(file, &st) == 0)
		fprintf(stderr, "aberta-admin: %s copied into %s: %d pages, %lld bytes, schema "
		    "version %d%s\n", srcname, file, pages, (long long)st.st_size, ver,
		    check ? "; integrity_check and foreign_key_check ok" : "");
	rc = 0;
out:
	if (dst != NULL)
		sqlite3_close(dst);
	if (rc != 0)
		unlink(tmp);
	return rc;
}

/* backup [--force] FILE: refuses an existing FILE unless force.  Returns the status. */
static int
cmd_backup(const char *path, const char *file, int force)
{
	char		 err[512];
	struct stat	 st;
	sqlite3		*src;
	int		 rc;

	if (!force && lstat(file, &st) == 0) {
		fprintf(stderr, "aberta-admin: %s already exists: not overwriting it (add --force "
		    "to replace it)\n", file);
		return 1;
	}
	if (access(path, F_OK) != 0) {
		fprintf(stderr, "aberta-admin: there is no database %s\n", path);
		return 1;
	}
	if ((src = db_open(path, 0, err, sizeof err)) == NULL) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		return 1;
	}
	rc = backup_to(src, path, file, 1);
	sqlite3_close(src);
	if (rc != 0)
		fprintf(stderr, "aberta-admin: backup failed; %s was not written\n", file);
	return rc == 0 ? 0 : 1;
}

/* check: integrity_check and foreign_key_check of the database.  Returns the status. */
static int
cmd_check(const char *path)
{
	char	 err[512];
	sqlite3	*db;
	int	 rc;

	if (access(path, F_OK) != 0) {
		fprintf(stderr, "aberta-admin: there is no database %s\n", path);
		return 1;
	}
	if ((db = db_open(path, 0, err, sizeof err)) == NULL) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		return 1;
	}
	rc = check_db(db, path);
	sqlite3_close(db);
	if (rc == 0)
		printf("ok\n");
	return rc == 0 ? 0 : 1;
}

/* Returns the integer that sql (one row, one column) gives on db, or def. */
static long long
one_int(sqlite3 *db, const char *sql, long long def)
{
	sqlite3_stmt	*s;
	long long	 v = def;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Checks the backup file and loads it into a new in-memory database, upgraded to this
 * program's schema.  Returns it, or NULL after printing why. */
static sqlite3 *
restore_load(const char *file)
{
	char		 err[512];
	struct stat	 st;
	sqlite3		*f = NULL, *mem = NULL;
	int		 pages, v, n;

	if (stat(file, &st) != 0) {
		fprintf(stderr, "aberta-admin: %s: %s\n", file, strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		fprintf(stderr, "aberta-admin: %s is not a regular file\n", file);
		return NULL;
	}
	if (sqlite3_open_v2(file, &f, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "aberta-admin: cannot open %s: %s\n", file,
		    f ? sqlite3_errmsg(f) : "out of memory");
		goto fail;
	}
	if (check_db(f, file) != 0) {
		fprintf(stderr, "aberta-admin: %s is damaged or not a database\n", file);
		goto fail;
	}
	v = db_version(f);
	n = (int)one_int(f, "SELECT count(*) FROM sqlite_schema WHERE name = 'site_state'", 0);
	if (v <= 0 || n != 1) {
		fprintf(stderr, "aberta-admin: %s is not an aberta database (an empty file, or "
		    "an SQLite database without aberta's schema_version and site_state)\n", file);
		goto fail;
	}
	if (v > db_latest_version()) {
		fprintf(stderr, "aberta-admin: %s has schema version %d, newer than this program "
		    "knows (%d): install the newer aberta first\n", file, v, db_latest_version());
		goto fail;
	}
	if (sqlite3_open(":memory:", &mem) != SQLITE_OK ||
	    copy_db(mem, f, file, &pages, 0) != 0) {
		fprintf(stderr, "aberta-admin: cannot read %s into memory\n", file);
		goto fail;
	}
	sqlite3_close(f);
	f = NULL;
	sqlite3_exec(mem, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if ((n = db_migrate(mem, err, sizeof err)) < 0) {
		fprintf(stderr, "aberta-admin: cannot bring %s up to schema version %d: %s\n",
		    file, db_latest_version(), err);
		goto fail;
	}
	if (n > 0)
		fprintf(stderr, "aberta-admin: the copy of %s was upgraded from schema version "
		    "%d to %d\n", file, v, db_latest_version());
	return mem;
fail:
	sqlite3_close(f);
	sqlite3_close(mem);
	return NULL;
}

/* Asks for the confirmation of a restore on the terminal.  Returns 1 when the person
 * typed RESTORE. */
static int
restore_confirm(const char *file, const char *live, sqlite3 *mem, long long live_ver)
{
	char	 line[64];

	if (!isatty(STDIN_FILENO)) {
		fputs("aberta-admin: restore needs a confirmation: run it on a terminal, or add "
		    "--yes\n", stderr);
		return 0;
	}
	fprintf(stderr, "Restore %s (%lld plans, %lld commitments, %lld staff accounts, "
	    "content version %lld)\ninto %s (now at content version %lld)?\n"
	    "Every change made to %s since that backup is lost: edits, accounts, the audit "
	    "log.\nAll staff sessions end. A copy of the current database is kept first.\n"
	    "Type RESTORE to go on: ", file,
	    one_int(mem, "SELECT count(*) FROM action_plan", -1),
	    one_int(mem, "SELECT count(*) FROM commitment", -1),
	    one_int(mem, "SELECT count(*) FROM staff", -1),
	    one_int(mem, "SELECT content_version FROM site_state WHERE id = 1", -1), live,
	    live_ver, live);
	fflush(stderr);
	if (fgets(line, sizeof line, stdin) == NULL)
		return 0;
	line[strcspn(line, "\r\n")] = '\0';
	return strcmp(line, "RESTORE") == 0;
}

/* Counts the uploads the restored database names whose file is missing from the upload
 * folder, and says so. */
static void
restore_uploads(sqlite3 *db)
{
	sqlite3_stmt	*s;
	char		 p[PATH_MAX];
	int		 n = 0, all = 0;

	if (sqlite3_prepare_v2(db, "SELECT sha256 FROM upload", -1, &s, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(s) == SQLITE_ROW) {
		all++;
		snprintf(p, sizeof p, "%s/%s", upload_dir(), db_text(s, 0));
		if (access(p, F_OK) != 0)
			n++;
	}
	sqlite3_finalize(s);
	if (n > 0)
		fprintf(stderr, "aberta-admin: warning: %d of the %d evidence documents the "
		    "database names are missing from %s: restore them from the uploads archive "
		    "saved with the backup\n", n, all, upload_dir());
}

/* restore [--yes] FILE: checks FILE (readable, integrity_check and foreign_key_check
 * clean, an aberta database whose schema version this program knows), asks for
 * confirmation unless yes, keeps a copy of the live database (LIVE.before-restore-TIME),
 * then copies FILE into the live database through SQLite (the backup API, which takes
 * the database's locks like any writer: running workers see the old content, then the
 * new, never a mix).  The copy gets a content version above both (so that no cached
 * page or ETag of before survives), no sessions (everyone logs in again) and an audit
 * line.  Returns the status. */
static int
cmd_restore(const char *live, const char *file, int yes)
{
	char		 err[512], keep[PATH_MAX], stamp[32];
	sqlite3		*mem, *ldb = NULL;
	sqlite3_stmt	*s;
	long long	 live_ver = 0, ver;
	time_t		 now = time(NULL);
	int		 pages, rc = 1, st;

	if ((mem = restore_load(file)) == NULL) {
		fputs("aberta-admin: restore refused; nothing was changed\n", stderr);
		return 1;
	}
	if (access(live, F_OK) == 0) {
		if ((ldb = db_open(live, 1, err, sizeof err)) == NULL) {
			fprintf(stderr, "aberta-admin: %s\n", err);
			goto out;
		}
		live_ver = one_int(ldb, "SELECT content_version FROM site_state WHERE id = 1", 0);
	}
	if (!yes && !restore_confirm(file, live, mem, live_ver)) {
		fputs("aberta-admin: restore cancelled; nothing was changed\n", stderr);
		goto out;
	}
	if (ldb != NULL) {
		struct tm	 tmv;

		strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", gmtime_r(&now, &tmv));
		snprintf(keep, sizeof keep, "%s.before-restore-%s", live, stamp);
		if (backup_to(ldb, live, keep, 0) != 0)
			fprintf(stderr, "aberta-admin: warning: could not keep a copy of %s; "
			    "restoring anyway\n", live);
		sqlite3_close(ldb);
		ldb = NULL;
	}
	if (sqlite3_prepare_v2(mem, "UPDATE site_state SET content_version = "
	    "max(content_version, ?1) + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
	    "WHERE id = 1", -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "aberta-admin: %s\n", sqlite3_errmsg(mem));
		goto out;
	}
	sqlite3_bind_int64(s, 1, live_ver);
	st = sqlite3_step(s);
	sqlite3_finalize(s);
	if (st != SQLITE_DONE || sqlite3_exec(mem, "DELETE FROM session", NULL, NULL,
	    NULL) != SQLITE_OK || auth_audit(mem, 0, ACTOR, NULL, "db_restore", file,
	    "database restored from a backup") != 0) {
		fprintf(stderr, "aberta-admin: cannot prepare the copy: %s\n",
		    sqlite3_errmsg(mem));
		goto out;
	}
	ver = one_int(mem, "SELECT content_version FROM site_state WHERE id = 1", -1);
	if ((ldb = db_open(live, 1, err, sizeof err)) == NULL) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		goto out;
	}
	if (copy_db(ldb, mem, live, &pages, 0) != 0) {
		fprintf(stderr, "aberta-admin: the restore did not happen; %s is as it was\n",
		    live);
		goto out;
	}
	if (check_db(ldb, live) != 0) {
		fprintf(stderr, "aberta-admin: %s failed its checks after the restore\n", live);
		goto out;
	}
	restore_uploads(ldb);
	cache_invalidate(ldb);	/* the published pages are of the old content */
	fprintf(stderr, "aberta-admin: %s restored from %s (%d pages; content version %lld; "
	    "integrity_check ok); all staff sessions ended\n", live, file, pages, ver);
	rc = 0;
out:
	sqlite3_close(ldb);
	sqlite3_close(mem);
	return rc;
}

/* Runs backup, restore or check (argv: the words after the command).  Returns the
 * exit status, or 2 after the usage. */
static int
backups_run(const char *path, const char *cmd, int argc, char *argv[])
{
	const char	*file = NULL;
	int		 i, force = 0, yes = 0;

	for (i = 0; i < argc; i++) {
		if (strcmp(cmd, "backup") == 0 && strcmp(argv[i], "--force") == 0)
			force = 1;
		else if (strcmp(cmd, "restore") == 0 && strcmp(argv[i], "--yes") == 0)
			yes = 1;
		else if (argv[i][0] != '-' && file == NULL)
			file = argv[i];
		else {
			usage(stderr);
			return 2;
		}
	}
	if (strcmp(cmd, "check") == 0) {
		if (file != NULL) {
			usage(stderr);
			return 2;
		}
		return cmd_check(path);
	}
	if (file == NULL || *file == '\0') {
		usage(stderr);
		return 2;
	}
	return strcmp(cmd, "backup") == 0 ? cmd_backup(path, file, force) :
	    cmd_restore(path, file, yes);
}

/* One numeric option of the links command. */
static const struct {
	const char	*name;
	long long	 min, max;
} lopts[] = {
	{ "--parallel", 1, 64 },
	{ "--per-host", 1, 16 },
	{ "--connect-timeout", 1, 300 },
	{ "--timeout", 1, 3600 },
	{ "--max-redirects", 0, 50 },
	{ "--max-size", 1, UPLOAD_MAX },
};

/* Reads the options of links check / archive (argv: what follows the subcommand) into
 * o and *refresh.  Returns 0, or 2 after saying why. */
static int
links_opts(int argc, char *argv[], int archive, struct lc_opts *o, int *refresh)
{
	long long	 v;
	size_t		 k;
	int		 i;

	for (i = 0; i < argc; i++) {
		if (archive && strcmp(argv[i], "--refresh") == 0) {
			*refresh = 1;
			continue;
		}
		if (strcmp(argv[i], "--allow-private") == 0) {
			o->allow_private = 1;
			continue;
		}
		for (k = 0; k < sizeof lopts / sizeof lopts[0]; k++)
			if (strcmp(argv[i], lopts[k].name) == 0)
				break;
		if (k == sizeof lopts / sizeof lopts[0] || (k == 5 && !archive)) {
			fprintf(stderr, "aberta-admin: unknown option '%s'\n", argv[i]);
			return 2;
		}
		if (i + 1 >= argc || valid_int(argv[i + 1], lopts[k].min, lopts[k].max, &v) != 0) {
			fprintf(stderr, "aberta-admin: %s needs a whole number from %lld to %lld\n",
			    lopts[k].name, lopts[k].min, lopts[k].max);
			return 2;
		}
		i++;
		switch (k) {
		case 0: o->parallel = (int)v; break;
		case 1: o->per_host = (int)v; break;
		case 2: o->connect_s = (long)v; break;
		case 3: o->timeout_s = (long)v; break;
		case 4: o->max_redirs = (long)v; break;
		default: o->max_bytes = (size_t)v; break;
		}
	}
	return 0;
}

/* links check|archive [OPTIONS] (argv: what follows "links").  Returns the status. */
static int
links_cmd(const char *path, int argc, char *argv[])
{
	struct links_report	 r;
	struct lc_opts		 o;
	char			 now[32], ua[256];
	const char		*base = getenv("ABERTA_BASE_URL");
	time_t			 t = time(NULL);
	struct tm		 tm;
	sqlite3			*db;
	int			 archive, refresh = 0, rc;

	if (argc < 1 || (strcmp(argv[0], "check") != 0 && strcmp(argv[0], "archive") != 0)) {
		usage(stderr);
		return 2;
	}
	archive = strcmp(argv[0], "archive") == 0;
	lc_opts_default(&o);
	if (links_opts(argc - 1, argv + 1, archive, &o, &refresh) != 0)
		return 2;
	snprintf(ua, sizeof ua, "aberta/%s link checker (+%s)", BUILD_ID,
	    base != NULL && *base != '\0' ? base : "http://127.0.0.1:8080");
	o.user_agent = ua;
	o.progress = isatty(STDERR_FILENO);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
	if ((db = open_migrated(path)) == NULL)
		return 1;
	if (archive) {
		rc = links_archive(db, &o, upload_dir(), refresh, now, stdout, &r);
		fprintf(stderr, "aberta-admin: %zu document(s): %zu archived, %zu unchanged, "
		    "%zu not archived\n", r.total, r.changed, r.same, r.failed);
	} else {
		rc = links_check(db, &o, now, stdout, &r);
		fprintf(stderr, "aberta-admin: %zu address(es) checked: %zu ok, %zu redirected, "
		    "%zu broken; %zu result(s) changed, %zu no longer used\n", r.total, r.ok,
		    r.redirect, r.broken, r.changed, r.removed);
	}
	sqlite3_close(db);
	return rc == 0 ? 0 : 1;
}

int
main(int argc, char *argv[])
{
	const char	*path = getenv("ABERTA_DB"), *cmd;
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
	if (strcmp(cmd, "backup") == 0 || strcmp(cmd, "restore") == 0 ||
	    strcmp(cmd, "check") == 0)
		return backups_run(path, cmd, argc - i - 1, argv + i + 1);
	if (strcmp(cmd, "links") == 0)
		return links_cmd(path, argc - i - 1, argv + i + 1);
	if (strcmp(cmd, "migrate") != 0 && strcmp(cmd, "import") != 0 &&
	    strcmp(cmd, "count-plans") != 0 && strcmp(cmd, "version") != 0 &&
	    strcmp(cmd, "user") != 0 && strcmp(cmd, "cache-invalidate") != 0 &&
	    strcmp(cmd, "mail") != 0 && strcmp(cmd, "submissions") != 0) {
		fprintf(stderr, "aberta-admin: unknown command '%s'\n", cmd);
		usage(stderr);
		return 2;
	}
	if (strcmp(cmd, "import") == 0 && i + 2 > argc) {
		usage(stderr);
		return 2;
	}
	if (strcmp(cmd, "user") == 0 &&
	    (u = user_parse(argc - i - 1, argv + i + 1)) == U__MAX)
		return 2;
	if ((db = open_migrated(path)) == NULL)
		return 1;
	if (strcmp(cmd, "import") == 0)
		rc = import_cmd(db, argc - i - 1, argv + i + 1);
	else if (strcmp(cmd, "count-plans") == 0)
		rc = count_plans(db);
	else if (strcmp(cmd, "cache-invalidate") == 0)	/* after a change made with SQL */
		rc = cache_invalidate(db) == 0 ? 0 : 1;
	else if (strcmp(cmd, "version") == 0)
		printf("schema %d (program %d)\n", db_version(db), db_latest_version());
	else if (strcmp(cmd, "user") == 0)
		rc = user_run(db, u, argc - i - 2, argv + i + 2);
	else if (strcmp(cmd, "mail") == 0)
		rc = mail_cmd(db, argc - i - 1, argv + i + 1);
	else if (strcmp(cmd, "submissions") == 0)
		rc = submissions_cmd(db, argc - i - 1, argv + i + 1);
	sqlite3_close(db);
	return rc;
}
