/*
 * aberta-admin submissions: the citizen's right to erasure, and the limits the consent
 * text promises (store/retention.h).
 *
 *   submissions erase EMAIL   deletes every submission of that address, its mail, its
 *                             rate-limit counters and its email alerts (what it follows)
 *   submissions purge         deletes unconfirmed submissions older than 7 days, spam
 *                             older than 30, and requests to follow not confirmed in
 *                             time (7 days)
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/commands.h"
#include "lib/consult.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/retention.h"
#include "store/stmt.h"

/* Erases every trace of address, with its audit line, inside the caller's
 * transaction; *n gets the number of submissions deleted, *subs the number of
 * subscriptions.  Returns 0 or -1. */
static int
erase(sqlite3 *db, const char *address, int *n, int *subs)
{
	char email[256], key[80];

	email_fold(address, email, sizeof email);
	email_key(address, key, sizeof key);
	return retention_erase(email, key, n, subs) == 0 &&
		auth_audit(db, 0, ACTOR, NULL, "erase", "submission",
		    *n == 1 ? "1 submission" : "submissions of one person") == 0
	    ? 0
	    : -1;
}

/* submissions erase EMAIL | purge, in one transaction; the pages are unpublished by the
 * commit's switch of the page cache. */
int
cmd_submissions(const char *path, sqlite3 *db, int argc, char *argv[])
{
	int n = 0, subs = 0, rc;

	(void)path;
	if (argc == 2 && strcmp(argv[0], "erase") == 0) {
		if (!valid_email(argv[1])) {
			fprintf(stderr, "aberta-admin: '%s' is not an email address\n", argv[1]);
			return 2;
		}
		rc = store_begin(db) == 0 && erase(db, argv[1], &n, &subs) == 0 &&
		    store_commit(db) == 0;
	} else if (argc == 1 && strcmp(argv[0], "purge") == 0)
		rc = store_begin(db) == 0 &&
		    retention_purge((long long)time(NULL), &n, &subs) == 0 && store_commit(db) == 0;
	else {
		cli_usage(stderr);
		return 2;
	}
	if (!rc) {
		fprintf(stderr, "aberta-admin: %s\n", db_last_error());
		store_rollback(db);
		return 1;
	}
	printf("%d submission(s) deleted\n%d subscription(s) to email alerts deleted\n", n, subs);
	return 0;
}
