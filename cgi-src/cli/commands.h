/* commands: aberta-admin's commands, one file a group around the table of commands in
 * commands.c, which drives the dispatch, the opening of the database and the usage
 * text.  A command's function gets the database's path, the connection (opened,
 * migrated and with every statement table prepared when the command needs the
 * database; else NULL) and the words after the command's name, and returns the exit
 * status: 0 done, 1 failed (nothing changed), 2 usage.  A command may also check its
 * words before the database is opened: that function returns 0, or the exit status
 * after saying why. */
#ifndef ABERTA_COMMANDS_H
#define ABERTA_COMMANDS_H
#include <stdio.h>

#include "store/db.h"

#define ACTOR "aberta-admin" /* the actor of the audit lines aberta-admin writes */

/* A command; see above. */
typedef int cli_fn(const char *path, sqlite3 *db, int argc, char *argv[]);
/* The check of a command's words before the database is opened; see above. */
typedef int cli_args(int argc, char *argv[]);

/* Prints the usage, made from the table of commands, to f. */
void cli_usage(FILE *f);

/* import FILE.json | import [--dry-run] --as LOGIN FILE (content.c) */
cli_args import_args;
cli_fn   cmd_import;
/* user SUBCOMMAND ... (users.c) */
cli_args user_args;
cli_fn   cmd_user;
/* backup [--force] FILE, restore [--yes] FILE, check (backups.c) */
cli_fn cmd_backup, cmd_restore, cmd_check;
/* links check|archive [OPTIONS] (linkcmd.c); links_help: the options, for the usage */
extern const char links_help[];
cli_args          links_args;
cli_fn            cmd_links;
/* mail flush [--id N] (mailcmd.c) */
cli_fn cmd_mail;
/* submissions erase EMAIL | submissions purge (submissions.c) */
cli_fn cmd_submissions;
/* rounds remind [--now TIME] (rounds.c) */
cli_fn cmd_rounds;
/* follow send [--now UNIX] (follow.c) */
cli_fn cmd_follow;
/* uploads withdraw SHA --why TEXT (uploads.c) */
cli_args uploads_args;
cli_fn   cmd_uploads;

#endif
