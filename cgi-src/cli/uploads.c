/*
 * aberta-admin uploads: the stored documents.
 *
 *   uploads withdraw SHA --why "TEXT"   withdraws the document: its public address
 *                                       answers 410 Gone and the pages citing it say
 *                                       when; the file stays on disk and in the
 *                                       backups; the audit log keeps the reason
 *
 * store/uploadaccess.h says when a document is public.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "store/db.h"
#include "store/upload.h"
#include "store/uploadaccess.h"

/* Finds SHA and the text of --why in the words after "withdraw" (argv[1..argc)) into
 * *sha and *why.  Returns 0, or 2 after saying what is wrong. */
static int
withdraw_words(int argc, char *argv[], const char **sha, const char **why)
{
	int i;

	*sha = *why = NULL;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--why") == 0 && i + 1 < argc && *why == NULL)
			*why = argv[++i];
		else if (argv[i][0] != '-' && *sha == NULL)
			*sha = argv[i];
		else {
			fprintf(
			    stderr, "aberta-admin: uploads withdraw: unexpected '%s'\n", argv[i]);
			return 2;
		}
	}
	if (*sha == NULL || *why == NULL) {
		fprintf(stderr, "aberta-admin: uploads withdraw needs %s\n",
		    *sha == NULL ? "the document's SHA-256" : "--why \"the reason\"");
		return 2;
	}
	if (!upload_valid_sha(*sha)) {
		fprintf(stderr,
		    "aberta-admin: '%s' is not a SHA-256 digest (64 characters 0-9, a-f; the "
		    "last part of /uploads/...)\n",
		    *sha);
		return 2;
	}
	if (!upload_why_ok(*why)) {
		fprintf(stderr,
		    "aberta-admin: --why needs a reason of 1 to %d characters (UTF-8, no control "
		    "characters)\n",
		    UPLOAD_WHY_MAX);
		return 2;
	}
	return 0;
}

int
uploads_args(int argc, char *argv[])
{
	const char *sha, *why;

	if (argc >= 1 && strcmp(argv[0], "withdraw") == 0)
		return withdraw_words(argc, argv, &sha, &why);
	cli_usage(stderr);
	return 2;
}

/* uploads withdraw SHA --why TEXT, in one transaction; the pages citing the document
 * change with the commit's switch of the page cache. */
int
cmd_uploads(const char *path, sqlite3 *db, int argc, char *argv[])
{
	const char *sha, *why;
	int         rc;

	(void)path;
	/* uploads_args has checked the words: read them once more for their values. */
	if ((rc = withdraw_words(argc, argv, &sha, &why)) != 0)
		return rc;
	switch (upload_withdraw(db, sha, 0, ACTOR, NULL, why)) {
	case 0:
		printf("withdrawn: /uploads/%s now answers 410 Gone (the file is kept)\n", sha);
		return 0;
	case 1:
		fprintf(stderr,
		    "aberta-admin: document %s was already withdrawn; nothing changed\n", sha);
		return 1;
	case 2:
		fprintf(stderr, "aberta-admin: no document %s is stored\n", sha);
		return 1;
	default:
		fprintf(stderr, "aberta-admin: %s\n", db_last_error());
		return 1;
	}
}
