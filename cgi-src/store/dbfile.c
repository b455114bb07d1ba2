/* The database as a file, for aberta-admin: closing, backup, check, restore (see
 * dbfile.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/auth.h"
#include "store/db.h"
#include "store/dbfile.h"
#include "store/state.h"
#include "store/stmt.h"
#include "store/upload.h"

#define ACTOR        "aberta-admin" /* the audit log's actor of a restore */
#define BACKUP_PAGES 64             /* pages copied per sqlite3_backup_step */
#define BUSY_WAIT_MS 30000          /* how long a step may keep meeting a lock */
#define COPY_MAX_S   600            /* how long a copy that keeps restarting may take */

/* The writes of a restore to the copy it restores (restore_mark). */
enum {
	DF_MARK,     /* a content version above the live one (?1) and its own */
	DF_SESSIONS, /* no sessions */
	DF__MAX
};

static const char *const sqls[DF__MAX] = {
	/* DF_MARK */
	"UPDATE site_state SET content_version = max(content_version, ?1) + 1, "
	"changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1",
	/* DF_SESSIONS */
	"DELETE FROM session",
};

STORE_TABLE(store_dbfile, "dbfile", STORE_RW, DF__MAX, sqls);

void
dbfile_close(sqlite3 *db)
{
	db_finalize_all();
	sqlite3_close(db);
}

/* Sleeps ms milliseconds. */
static void
nap(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Runs PRAGMA integrity_check and foreign_key_check on db; prints each problem (10 at
 * most of each) after "aberta-admin: what: ".  Returns 0 when both are clean, 1 when
 * they found problems, -1 when they could not run (the database cannot be read). */
static int
check_db(sqlite3 *db, const char *what)
{
	sqlite3_stmt *s;
	const char   *t;
	int           rc, n = 0, bad = 0;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(10)", -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "aberta-admin: %s: cannot be read as a database: %s\n", what,
		    sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		t = (const char *)sqlite3_column_text(s, 0);
		if (t == NULL || strcmp(t, "ok") != 0) {
			fprintf(
			    stderr, "aberta-admin: %s: integrity_check: %s\n", what, t ? t : "?");
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
		fprintf(
		    stderr, "aberta-admin: %s: foreign_key_check: %s\n", what, sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (n++ < 10)
			fprintf(stderr,
			    "aberta-admin: %s: foreign_key_check: row %lld of %s "
			    "refers to a missing row of %s\n",
			    what, (long long)sqlite3_column_int64(s, 1),
			    db_text(s, 0) ? db_text(s, 0) : "?",
			    db_text(s, 2) ? db_text(s, 2) : "?");
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		fprintf(
		    stderr, "aberta-admin: %s: foreign_key_check: %s\n", what, sqlite3_errmsg(db));
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
	sqlite3_backup *b;
	sqlite3_stmt   *s;
	time_t          start = time(NULL);
	int             rc, waited = 0, wal = 0, snap = 0;

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
			fprintf(stderr,
			    "aberta-admin: %s kept changing for %d s: the copy could not "
			    "finish\n",
			    what, COPY_MAX_S);
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
								       "locked for 30 s)"
								     : "");
		return -1;
	}
	return 0;
}

/* fsyncs the file path (O_RDONLY suffices on Linux).  Returns 0 or -1. */
static int
sync_path(const char *path, int dir)
{
	int fd, rc;

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
	const char *sl = strrchr(path, '/');

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
	char          tmp[PATH_MAX], dir[PATH_MAX];
	sqlite3      *dst = NULL;
	sqlite3_stmt *s;
	struct stat   st;
	int           pages = 0, rc = -1, ver;

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
	if (sqlite3_prepare_v2(dst, "PRAGMA journal_mode = DELETE", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW || db_text(s, 0) == NULL ||
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
		fprintf(stderr,
		    "aberta-admin: %s copied into %s: %d pages, %lld bytes, schema "
		    "version %d%s\n",
		    srcname, file, pages, (long long)st.st_size, ver,
		    check ? "; integrity_check and foreign_key_check ok" : "");
	rc = 0;
out:
	if (dst != NULL)
		sqlite3_close(dst);
	if (rc != 0)
		unlink(tmp);
	return rc;
}

int
dbfile_backup(const char *path, const char *file)
{
	char     err[512];
	sqlite3 *src;
	int      rc;

	if ((src = db_open(path, 0, err, sizeof err)) == NULL) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		return -1;
	}
	rc = backup_to(src, path, file, 1);
	sqlite3_close(src);
	if (rc != 0)
		fprintf(stderr, "aberta-admin: backup failed; %s was not written\n", file);
	return rc;
}

int
dbfile_check(const char *path)
{
	char     err[512];
	sqlite3 *db;
	int      rc;

	if ((db = db_open(path, 0, err, sizeof err)) == NULL) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		return -1;
	}
	rc = check_db(db, path);
	sqlite3_close(db);
	return rc;
}

/* Returns the integer that sql (one row, one column) gives on db, or def. */
static long long
one_int(sqlite3 *db, const char *sql, long long def)
{
	sqlite3_stmt *s;
	long long     v = def;

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
	char        err[512];
	struct stat st;
	sqlite3    *f = NULL, *mem = NULL;
	int         pages, v, n;

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
		fprintf(stderr,
		    "aberta-admin: %s is not an aberta database (an empty file, or "
		    "an SQLite database without aberta's schema_version and site_state)\n",
		    file);
		goto fail;
	}
	if (v > db_latest_version()) {
		fprintf(stderr,
		    "aberta-admin: %s has schema version %d, newer than this program "
		    "knows (%d): install the newer aberta first\n",
		    file, v, db_latest_version());
		goto fail;
	}
	if (sqlite3_open(":memory:", &mem) != SQLITE_OK || copy_db(mem, f, file, &pages, 0) != 0) {
		fprintf(stderr, "aberta-admin: cannot read %s into memory\n", file);
		goto fail;
	}
	sqlite3_close(f);
	f = NULL;
	sqlite3_exec(mem, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if ((n = db_migrate(mem, err, sizeof err)) < 0) {
		fprintf(stderr, "aberta-admin: cannot bring %s up to schema version %d: %s\n", file,
		    db_latest_version(), err);
		goto fail;
	}
	if (n > 0)
		fprintf(stderr,
		    "aberta-admin: the copy of %s was upgraded from schema version "
		    "%d to %d\n",
		    file, v, db_latest_version());
	return mem;
fail:
	sqlite3_close(f);
	sqlite3_close(mem);
	return NULL;
}

/* Counts the uploads the restored database names whose file is missing from the upload
 * folder, and says so. */
static void
restore_uploads(sqlite3 *db)
{
	sqlite3_stmt *s;
	char          p[PATH_MAX];
	int           n = 0, all = 0;

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
		fprintf(stderr,
		    "aberta-admin: warning: %d of the %d evidence documents the "
		    "database names are missing from %s: restore them from the uploads archive "
		    "saved with the backup\n",
		    n, all, upload_dir());
}

/* Keeps a copy of the live database ldb (LIVE.before-restore-TIME), or warns that it
 * could not. */
static void
restore_keep(sqlite3 *ldb, const char *live)
{
	char      keep[PATH_MAX], stamp[32];
	time_t    now = time(NULL);
	struct tm tmv;

	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", gmtime_r(&now, &tmv));
	snprintf(keep, sizeof keep, "%s.before-restore-%s", live, stamp);
	if (backup_to(ldb, live, keep, 0) != 0)
		fprintf(stderr,
		    "aberta-admin: warning: could not keep a copy of %s; "
		    "restoring anyway\n",
		    live);
}

/* Prepares the in-memory copy mem of file for the restore: a content version above
 * live_ver and its own, no sessions, the audit line.  The store's STORE_RW statements
 * are prepared on mem for these writes (auth_audit writes through its table too), then
 * finalized.  Returns 0, or -1 after saying why. */
static int
restore_mark(sqlite3 *mem, long long live_ver, const char *file)
{
	char          err[512];
	sqlite3_stmt *s;
	int           ok;

	if (store_prepare(STORE_RW, mem, err, sizeof err) != 0) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		store_finalize(STORE_RW);
		return -1;
	}
	s = store_stmt(&store_dbfile, DF_MARK);
	db_bind_int64(s, 1, live_ver);
	ok = store_run(s) == 0 && store_run(store_stmt(&store_dbfile, DF_SESSIONS)) == 0 &&
	    auth_audit(
		mem, 0, ACTOR, NULL, "db_restore", file, "database restored from a backup") == 0;
	if (!ok)
		fprintf(stderr, "aberta-admin: cannot prepare the copy: %s\n", db_last_error());
	store_finalize(STORE_RW);
	return ok ? 0 : -1;
}

/* Copies the prepared copy mem of file into the database live, checks it and switches
 * the page cache (the published pages are of the old content).  Returns 0, or -1 after
 * saying why. */
static int
restore_into(const char *live, const char *file, sqlite3 *mem)
{
	char      err[512];
	sqlite3  *ldb;
	long long ver = store_content_version(mem);
	int       pages, rc = -1;

	if ((ldb = db_open(live, 1, err, sizeof err)) == NULL) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		return -1;
	}
	if (copy_db(ldb, mem, live, &pages, 0) != 0)
		fprintf(
		    stderr, "aberta-admin: the restore did not happen; %s is as it was\n", live);
	else if (check_db(ldb, live) != 0)
		fprintf(stderr, "aberta-admin: %s failed its checks after the restore\n", live);
	else {
		restore_uploads(ldb);
		store_changed(ldb);
		fprintf(stderr,
		    "aberta-admin: %s restored from %s (%d pages; content version "
		    "%lld; integrity_check ok); all staff sessions ended\n",
		    live, file, pages, ver);
		rc = 0;
	}
	sqlite3_close(ldb);
	return rc;
}

int
dbfile_restore(const char *live, const char *file, dbfile_confirm confirm)
{
	struct dbfile_summary sum;
	char                  err[512];
	sqlite3              *mem, *ldb = NULL;
	long long             live_ver = 0;
	int                   rc = -1;

	if ((mem = restore_load(file)) == NULL) {
		fputs("aberta-admin: restore refused; nothing was changed\n", stderr);
		return -1;
	}
	if (access(live, F_OK) == 0) {
		if ((ldb = db_open(live, 1, err, sizeof err)) == NULL) {
			fprintf(stderr, "aberta-admin: %s\n", err);
			goto out;
		}
		if ((live_ver = store_content_version(ldb)) < 0)
			live_ver = 0;
	}
	if (confirm != NULL) {
		sum.plans = one_int(mem, "SELECT count(*) FROM action_plan", -1);
		sum.commitments = one_int(mem, "SELECT count(*) FROM commitment", -1);
		sum.staff = one_int(mem, "SELECT count(*) FROM staff", -1);
		sum.version = store_content_version(mem);
		if (!confirm(file, live, &sum, live_ver)) {
			fputs("aberta-admin: restore cancelled; nothing was changed\n", stderr);
			goto out;
		}
	}
	if (ldb != NULL) {
		restore_keep(ldb, live);
		sqlite3_close(ldb);
		ldb = NULL;
	}
	if (restore_mark(mem, live_ver, file) == 0)
		rc = restore_into(live, file, mem);
out:
	sqlite3_close(ldb);
	sqlite3_close(mem);
	return rc;
}
