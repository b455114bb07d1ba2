/*
 * aberta-admin: the command-line tool for the people who run the site.
 *
 *   aberta-admin [--db PATH] COMMAND [WORDS...]     (aberta-admin --help lists them)
 *
 * The commands are the table below: each names its function (in the file of its group,
 * commands.h), whether it needs the database (then it is opened, migrated and every
 * statement table prepared before the function runs) and its lines of the usage text.
 * The database path comes from --db, else ABERTA_DB, else var/aberta.db.  Exit status:
 * 0 done, 1 failed (nothing changed), 2 usage.  Every committed write switches the page
 * cache (store_commit's hook).  Every account change is written to the audit log with
 * the actor "aberta-admin"; no password is ever logged.  backup, restore and check
 * never migrate the live database.  Run aberta-admin as the user the site runs as
 * (aberta): files SQLite creates beside the database (-wal, -shm) belong to whoever
 * creates them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cli/commands.h"
#include "http/cache.h"
#include "store/db.h"
#include "store/dbfile.h"
#include "store/stmt.h"

/* One command of aberta-admin. */
struct command {
	const char *name;
	int         needs_db; /* opened, migrated and prepared before fn */
	cli_args   *args;     /* checks the words before the database is opened */
	cli_fn     *fn;
	const char *usage;   /* its forms, one a line, after "aberta-admin [--db
					 * PATH] " */
	const char *summary; /* what it does, one line */
	const char *help;    /* more lines for the usage text, or NULL */
};

/* migrate: nothing more than opening the database does. */
static int
cmd_migrate(const char *path, sqlite3 *db, int argc, char *argv[])
{
	(void)path;
	(void)db;
	(void)argc;
	(void)argv;
	return 0;
}

/* count-plans: prints the number of plans. */
static int
cmd_count_plans(const char *path, sqlite3 *db, int argc, char *argv[])
{
	sqlite3_stmt *s = db_stmt(ST_COUNTS);

	(void)path;
	(void)db;
	(void)argc;
	(void)argv;
	if (db_step(s) != SQLITE_ROW) {
		fprintf(stderr, "aberta-admin: %s\n", db_last_error());
		return 1;
	}
	printf("%d\n", db_int(s, COUNT_PLANS));
	return 0;
}

/* cache-invalidate: publishes the page-cache generation of the content version, after
 * a change made with SQL (which no commit hook saw). */
static int
cmd_cache_invalidate(const char *path, sqlite3 *db, int argc, char *argv[])
{
	(void)path;
	(void)argc;
	(void)argv;
	return cache_invalidate(db) == 0 ? 0 : 1;
}

/* version: prints the schema version of the database and of the program. */
static int
cmd_version(const char *path, sqlite3 *db, int argc, char *argv[])
{
	(void)path;
	(void)argc;
	(void)argv;
	printf("schema %d (program %d)\n", db_version(db), db_latest_version());
	return 0;
}

/* The commands, in the order of the usage text. */
static const struct command commands[] = {
	{ "migrate", 1, NULL, cmd_migrate, "migrate", "create or upgrade the database", NULL },
	{ "import", 1, import_args, cmd_import,
	    "import FILE.json\nimport [--dry-run] --as LOGIN FILE.csv|FILE.json",
	    "load content; take back an exported milestones or commitments file", NULL },
	{ "count-plans", 1, NULL, cmd_count_plans, "count-plans", "print the number of plans",
	    NULL },
	{ "cache-invalidate", 1, NULL, cmd_cache_invalidate, "cache-invalidate",
	    "publish a new page-cache generation (after a change made with SQL)", NULL },
	{ "version", 1, NULL, cmd_version, "version", "print the schema versions", NULL },
	{ "user", 1, user_args, cmd_user,
	    "user add LOGIN NAME admin|focal|member [ENTITY-SLUG]\n"
	    "user passwd|disable|enable|sessions-kill|reset-2fa LOGIN\nuser list",
	    "manage the staff accounts (a generated password is shown once)", NULL },
	{ "backup", 0, NULL, cmd_backup, "backup [--force] FILE",
	    "copy the live database into FILE, then check the copy", NULL },
	{ "restore", 0, NULL, cmd_restore, "restore [--yes] FILE",
	    "check FILE, ask, and copy it into the live database", NULL },
	{ "check", 0, NULL, cmd_check, "check",
	    "integrity_check and foreign_key_check of the database", NULL },
	{ "links", 1, links_args, cmd_links,
	    "links check [OPTIONS]\nlinks archive [--refresh] [OPTIONS]",
	    "check the outside addresses; archive the documents they cite", links_help },
	{ "mail", 1, NULL, cmd_mail, "mail flush [--id N]",
	    "send the confirmation emails in the outbox (--id: only message N)", NULL },
	{ "submissions", 1, NULL, cmd_submissions, "submissions erase EMAIL\nsubmissions purge",
	    "delete the submissions of an address; delete old unconfirmed ones and spam", NULL },
	{ "rounds", 1, NULL, cmd_rounds, "rounds remind [--now TIME]",
	    "queue the reporting rounds' reminders due (a week and a day before the deadline)",
	    NULL },
	{ "follow", 1, NULL, cmd_follow, "follow send [--now UNIX]",
	    "queue the email alerts due to the people who follow things (then: mail flush)",
	    "  ABERTA_DIGEST_HOUR: the digests' hour of Lisbon's clock (0-23; 8), daily and on\n"
	    "  Mondays; ABERTA_FOLLOW_CAP: messages queued in any hour at most (500)\n" },
	{ "uploads", 1, uploads_args, cmd_uploads, "uploads withdraw SHA --why \"TEXT\"",
	    "withdraw a stored document: its address answers 410, the file is kept", NULL },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

void
cli_usage(FILE *f)
{
	const char *p, *nl;
	size_t      i;
	int         first = 1;

	for (i = 0; i < NCOMMANDS; i++) {
		for (p = commands[i].usage; *p != '\0'; p = *nl ? nl + 1 : nl) {
			nl = p + strcspn(p, "\n");
			fprintf(f, "%saberta-admin [--db PATH] %.*s\n",
			    first ? "usage: " : "       ", (int)(nl - p), p);
			first = 0;
		}
		fprintf(f, "           %s\n", commands[i].summary);
		if (commands[i].help != NULL)
			fputs(commands[i].help, f);
	}
}

/* Opens and migrates the database and prepares every statement table on it; returns
 * it or NULL after printing why. */
static sqlite3 *
open_migrated(const char *path)
{
	char     err[512];
	sqlite3 *db;
	int      n;

	if ((db = db_open(path, 1, err, sizeof err)) == NULL) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		return NULL;
	}
	if ((n = db_migrate(db, err, sizeof err)) < 0) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		dbfile_close(db);
		return NULL;
	}
	if (n > 0)
		fprintf(stderr, "aberta-admin: applied %d migration(s); schema version %d\n", n,
		    db_version(db));
	/* Every statement of the store, on the one connection a command has. */
	if (store_prepare(STORE_RO, db, err, sizeof err) != 0 ||
	    store_prepare(STORE_RW, db, err, sizeof err) != 0) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		dbfile_close(db);
		return NULL;
	}
	return db;
}

/* Returns the command called name, or NULL. */
static const struct command *
command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

int
main(int argc, char *argv[])
{
	const struct command *c;
	const char           *path = getenv("ABERTA_DB");
	sqlite3              *db = NULL;
	int                   i = 1, rc;

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
		cli_usage(stderr);
		return 2;
	}
	if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
		cli_usage(stdout);
		return 0;
	}
	if ((c = command(argv[i])) == NULL) {
		fprintf(stderr, "aberta-admin: unknown command '%s'\n", argv[i]);
		cli_usage(stderr);
		return 2;
	}
	argc -= i + 1;
	argv += i + 1;
	if (c->args != NULL && (rc = c->args(argc, argv)) != 0)
		return rc;
	store_on_commit(cache_switch);
	if (c->needs_db && (db = open_migrated(path)) == NULL)
		return 1;
	rc = c->fn(path, db, argc, argv);
	if (db != NULL)
		dbfile_close(db);
	return rc;
}
