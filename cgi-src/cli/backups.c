/*
 * aberta-admin backup, restore and check: the database as a whole (store/dbfile.h).
 *
 *   backup [--force] FILE   copies the live database into FILE with SQLite's online
 *                           backup API, then checks the copy; an existing FILE only
 *                           with --force
 *   restore [--yes] FILE    checks FILE, asks for confirmation (unless --yes), keeps a
 *                           copy of the live database and copies FILE into it
 *   check                   integrity_check and foreign_key_check
 *
 * None of them migrates the live database.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "store/dbfile.h"

/* Reads the words of backup, restore or check (cmd): FILE, and --force for a backup or
 * --yes for a restore.  Returns 0, or 2 after the usage. */
static int
backup_words(const char *cmd, int argc, char *argv[], const char **file, int *flag)
{
	const char *opt = strcmp(cmd, "backup") == 0 ? "--force"
	    : strcmp(cmd, "restore") == 0            ? "--yes"
						     : NULL;
	int         i;

	*file = NULL;
	*flag = 0;
	for (i = 0; i < argc; i++) {
		if (opt != NULL && strcmp(argv[i], opt) == 0)
			*flag = 1;
		else if (argv[i][0] != '-' && *file == NULL)
			*file = argv[i];
		else {
			cli_usage(stderr);
			return 2;
		}
	}
	if (strcmp(cmd, "check") == 0 ? *file != NULL : *file == NULL || **file == '\0') {
		cli_usage(stderr);
		return 2;
	}
	return 0;
}

/* Says that there is no database path, unless there is.  Returns 0 when there is. */
static int
no_database(const char *path)
{
	if (access(path, F_OK) == 0)
		return 0;
	fprintf(stderr, "aberta-admin: there is no database %s\n", path);
	return 1;
}

int
cmd_backup(const char *path, sqlite3 *db, int argc, char *argv[])
{
	const char *file;
	struct stat st;
	int         force, rc;

	(void)db;
	if ((rc = backup_words("backup", argc, argv, &file, &force)) != 0)
		return rc;
	if (!force && lstat(file, &st) == 0) {
		fprintf(stderr,
		    "aberta-admin: %s already exists: not overwriting it (add --force "
		    "to replace it)\n",
		    file);
		return 1;
	}
	if (no_database(path))
		return 1;
	return dbfile_backup(path, file) == 0 ? 0 : 1;
}

int
cmd_check(const char *path, sqlite3 *db, int argc, char *argv[])
{
	const char *file;
	int         flag, rc;

	(void)db;
	if ((rc = backup_words("check", argc, argv, &file, &flag)) != 0)
		return rc;
	if (no_database(path) || dbfile_check(path) != 0)
		return 1;
	printf("ok\n");
	return 0;
}

/* Asks for the confirmation of a restore on the terminal (see dbfile_confirm).  Returns
 * 1 when the person typed RESTORE. */
static int
restore_confirm(
    const char *file, const char *live, const struct dbfile_summary *copy, long long live_ver)
{
	char line[64];

	if (!isatty(STDIN_FILENO)) {
		fputs("aberta-admin: restore needs a confirmation: run it on a terminal, or add "
		      "--yes\n",
		    stderr);
		return 0;
	}
	fprintf(stderr,
	    "Restore %s (%lld plans, %lld commitments, %lld staff accounts, "
	    "content version %lld)\ninto %s (now at content version %lld)?\n"
	    "Every change made to %s since that backup is lost: edits, accounts, the audit "
	    "log.\nAll staff sessions end. A copy of the current database is kept first.\n"
	    "Type RESTORE to go on: ",
	    file, copy->plans, copy->commitments, copy->staff, copy->version, live, live_ver, live);
	fflush(stderr);
	if (fgets(line, sizeof line, stdin) == NULL)
		return 0;
	line[strcspn(line, "\r\n")] = '\0';
	return strcmp(line, "RESTORE") == 0;
}

int
cmd_restore(const char *path, sqlite3 *db, int argc, char *argv[])
{
	const char *file;
	int         yes, rc;

	(void)db;
	if ((rc = backup_words("restore", argc, argv, &file, &yes)) != 0)
		return rc;
	return dbfile_restore(path, file, yes ? NULL : restore_confirm) == 0 ? 0 : 1;
}
