/*
 * aberta-admin import: content, and exported files taken back.
 *
 *   import FILE.json                         load content (see import.h)
 *   import [--dry-run] --as LOGIN FILE       take back an exported milestones or
 *                                            commitments file, CSV or JSON (see
 *                                            bulkimport.h), as the staff account LOGIN;
 *                                            --dry-run prints every change and applies
 *                                            nothing
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/commands.h"
#include "import/bulkimport.h"
#include "import/import.h"
#include "lib/valid.h"
#include "store/accounts.h"
#include "store/auth.h"
#include "store/edit.h"

/* Reads the file at path (at most BULK_MAX bytes) into a malloc'd buffer; sets *len.
 * Returns the buffer, or NULL after saying why. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;

	if (f == NULL || (p = malloc(BULK_MAX + 2)) == NULL) {
		fprintf(stderr, "aberta-admin: cannot read %s\n", path);
		if (f != NULL)
			fclose(f);
		return NULL;
	}
	*len = fread(p, 1, BULK_MAX + 1, f);
	if (ferror(f) || *len > BULK_MAX) {
		fprintf(stderr, "aberta-admin: %s: %s\n", path,
		    ferror(f) ? "read error" : "larger than the import takes");
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
import_actor(const char *login, long long *id, char *name, size_t namelen)
{
	struct account a;

	if (accounts_find(login, &a) <= 0)
		fprintf(stderr, "aberta-admin: there is no account '%s'\n", login);
	else if (a.disabled)
		fprintf(stderr, "aberta-admin: the account '%s' is disabled\n", login);
	else if (strcmp(a.role, "member") == 0)
		fprintf(stderr,
		    "aberta-admin: '%s' is a member editor, whose changes wait for "
		    "review: import as a focal point or an administrator\n",
		    login);
	else {
		*id = a.id;
		snprintf(name, namelen, "%s", a.name);
		return 0;
	}
	return -1;
}

/* aberta-admin import [--dry-run] --as LOGIN FILE for an exported file (data, len).
 * Prints the refusals, and every change in a dry run.  Returns the exit status. */
static int
import_export(
    sqlite3 *db, const char *path, const char *data, size_t len, int dry, const char *login)
{
	struct bulk_report r;
	struct bulk_opts   o;
	char               name[256], err[512], today[16], detail[128];
	const char        *t = getenv("ABERTA_TODAY");
	time_t             now = time(NULL);
	struct tm          tm;
	int                rc;

	if (login == NULL) {
		fputs("aberta-admin: importing an exported file needs --as LOGIN (a focal "
		      "point or an administrator): every change is recorded as theirs\n",
		    stderr);
		return 2;
	}
	if (import_actor(login, &o.staff_id, name, sizeof name) != 0)
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

int
import_args(int argc, char *argv[])
{
	(void)argv;
	if (argc < 1) {
		cli_usage(stderr);
		return 2;
	}
	return 0;
}

int
cmd_import(const char *dbpath, sqlite3 *db, int argc, char *argv[])
{
	const char *login = NULL, *path;
	char        err[1024], *data;
	size_t      len;
	int         i, dry = 0, rc;

	(void)dbpath;
	for (i = 0; i < argc - 1; i++)
		if (strcmp(argv[i], "--dry-run") == 0)
			dry = 1;
		else if (strcmp(argv[i], "--as") == 0 && i + 2 < argc)
			login = argv[++i];
		else {
			cli_usage(stderr);
			return 2;
		}
	path = argv[argc - 1];
	if ((data = slurp(path, &len)) == NULL)
		return 1;
	if (bulk_is_export(data, len))
		rc = import_export(db, path, data, len, dry, login);
	else if (dry || login != NULL) {
		fputs("aberta-admin: --dry-run and --as are for exported milestones and "
		      "commitments files; this is a content file\n",
		    stderr);
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
