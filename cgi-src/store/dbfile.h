/* dbfile: the database as a file, for aberta-admin: closing the connection a command
 * opened, copying the database into a backup file, checking it, and replacing it with a
 * backup.  Backup and restore copy with SQLite's online backup API, which takes the
 * database's locks like any writer: running workers see the old content, then the new,
 * never a mix.  These open connections of their own (the database read-only, a backup
 * file, an in-memory copy), so their reads are prepared where they run; the writes of a
 * restore to its in-memory copy are the table store_dbfile (STORE_RW), prepared on the
 * copy with the rest of the store for them and the audit line.  Messages go to stderr,
 * each line starting "aberta-admin: ". */
#ifndef ABERTA_DBFILE_H
#define ABERTA_DBFILE_H
#include <sqlite3.h>

/* What a backup file holds, for the confirmation of a restore (-1: unknown). */
struct dbfile_summary {
	long long plans, commitments, staff;
	long long version; /* its content version */
};

/* Asks whether a restore of file into live may go on: copy is what file holds,
 * live_version the live database's content version.  Returns 1 to go on. */
typedef int (*dbfile_confirm)(
    const char *file, const char *live, const struct dbfile_summary *copy, long long live_version);

/* Finalizes the statements of every table (prepared on db) and closes db. */
void dbfile_close(sqlite3 *db);
/* Copies the database path (which exists) into file: into file.tmp first, switched to
 * rollback-journal mode (one self-contained file), checked (integrity_check,
 * foreign_key_check), fsynced and renamed to file; the folder is fsynced.  Says what
 * it copied.  Returns 0, or -1 after saying why, with nothing left behind. */
int dbfile_backup(const char *path, const char *file);
/* Runs integrity_check and foreign_key_check on the database path (which exists),
 * printing each problem (10 at most of each).  Returns 0 when both are clean, 1 when
 * they found problems, -1 when they could not run. */
int dbfile_check(const char *path);
/* Restores file into the database live: checks file (readable, integrity_check and
 * foreign_key_check clean, an aberta database whose schema version this program knows,
 * upgraded in memory when older), asks confirm (NULL: go on), keeps a copy of live
 * (LIVE.before-restore-TIME), then copies file into live.  The copy gets a content
 * version above both (so that no cached page or ETag of before survives), no sessions
 * (everyone logs in again) and an audit line; the page cache is switched
 * (store_changed).  Warns of the uploads it names that are missing.  Returns 0, or -1
 * after saying why (nothing changed unless it says so). */
int dbfile_restore(const char *live, const char *file, dbfile_confirm confirm);

#endif
