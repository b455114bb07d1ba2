/*
 * aberta-admin: the command-line tool for the people who run the site.
 *
 *   aberta-admin [--db PATH] migrate          create or upgrade the database
 *   aberta-admin [--db PATH] import FILE.json load content (see import.h)
 *   aberta-admin [--db PATH] count-plans      print the number of plans
 *   aberta-admin [--db PATH] version          print schema versions
 *
 * The database path comes from --db, else ABERTA_DB, else var/aberta.db.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "import.h"

/* Prints the usage to f. */
static void
usage(FILE *f)
{
	fputs("usage: aberta-admin [--db PATH] migrate | import FILE.json | count-plans | "
	    "version\n", f);
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

int
main(int argc, char *argv[])
{
	const char	*path = getenv("ABERTA_DB"), *cmd;
	char		 err[1024];
	sqlite3		*db;
	int		 i = 1, rc = 0;

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
	    strcmp(cmd, "count-plans") != 0 && strcmp(cmd, "version") != 0) {
		fprintf(stderr, "aberta-admin: unknown command '%s'\n", cmd);
		usage(stderr);
		return 2;
	}
	if (strcmp(cmd, "import") == 0 && i + 2 != argc) {
		usage(stderr);
		return 2;
	}
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
	sqlite3_close(db);
	return rc;
}
