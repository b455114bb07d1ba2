/* fuzz_import: import_json_file on the input, written to a file, into an in-memory
 * database migrated once per process (db_open + db_migrate).  A failed import must roll
 * back: no transaction left open, content_version unchanged, a message written.  After
 * an import that changed rows, the database is put back to the freshly migrated image
 * (sqlite3_deserialize of a copy), so every input sees the same empty database. */
#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/stmt.h"
#include "import/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static sqlite3       *db;
static unsigned char *image; /* the migrated, empty database */
static sqlite3_int64  imagelen;
static char           dir[256], file[300];

static void
die(const char *what, const char *err)
{
	fprintf(stderr, "fuzz_import: %s: %s\n", what, err);
	abort();
}

/* Opens a fresh connection holding a copy of image. */
static void
reopen(void)
{
	char           err[512];
	unsigned char *copy;

	if (db != NULL) {
		store_finalize(STORE_RW);
		sqlite3_close(db);
	}
	if ((db = db_open(":memory:", 1, err, sizeof err)) == NULL)
		die("db_open", err);
	if ((copy = sqlite3_malloc64((sqlite3_uint64)imagelen)) == NULL)
		die("sqlite3_malloc64", "out of memory");
	memcpy(copy, image, (size_t)imagelen);
	if (sqlite3_deserialize(db, "main", copy, imagelen, imagelen,
		SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
		die("sqlite3_deserialize", sqlite3_errmsg(db));
	/* The loader's statements (store/load.h) live on the connection it writes. */
	if (store_prepare(STORE_RW, db, err, sizeof err) != 0)
		die("store_prepare", err);
}

static void
cleanup(void)
{
	if (db != NULL) {
		store_finalize(STORE_RW);
		sqlite3_close(db);
	}
	unlink(file);
	rmdir(dir);
	free(image);
}

/* Returns site_state.content_version, or -1. */
static long long
content_version(void)
{
	sqlite3_stmt *s;
	long long     v = -1;

	if (sqlite3_prepare_v2(db, "SELECT content_version FROM site_state WHERE id = 1", -1, &s,
		NULL) != SQLITE_OK)
		die("content_version", sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char    *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	char           err[512];
	unsigned char *p;

	(void)argc, (void)argv;
	snprintf(dir, sizeof dir, "%s/fuzz_import.XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		die("mkdtemp", dir);
	snprintf(file, sizeof file, "%s/input.json", dir);
	atexit(cleanup);
	if ((db = db_open(":memory:", 1, err, sizeof err)) == NULL)
		die("db_open", err);
	if (db_migrate(db, err, sizeof err) < 0)
		die("db_migrate", err);
	if ((p = sqlite3_serialize(db, "main", &imagelen, 0)) == NULL)
		die("sqlite3_serialize", sqlite3_errmsg(db));
	if ((image = malloc((size_t)imagelen)) == NULL)
		die("malloc", "out of memory");
	memcpy(image, p, (size_t)imagelen);
	sqlite3_free(p);
	reopen();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char          err[1024];
	FILE         *f;
	long long     before, after;
	sqlite3_int64 changes;
	int           rc;

	if ((f = fopen(file, "wb")) == NULL)
		die("fopen", file);
	if (fwrite(data, 1, size, f) != size || fclose(f) != 0)
		die("fwrite", file);
	before = content_version();
	changes = sqlite3_total_changes64(db);
	memset(err, 0x5a, sizeof err);
	rc = import_json_file(db, file, err, sizeof err);
	if (!sqlite3_get_autocommit(db))
		die("import_json_file", "returned inside a transaction");
	if (memchr(err, '\0', sizeof err) == NULL)
		die("import_json_file", "message not NUL-terminated");
	if (rc != 0) {
		if (rc != -1 || err[0] == '\0')
			die("import_json_file", "failure without -1 and a message");
		if ((after = content_version()) != before)
			die("import_json_file", "a failed import changed content_version");
	} else if (sqlite3_total_changes64(db) != changes)
		reopen();
	return 0;
}
