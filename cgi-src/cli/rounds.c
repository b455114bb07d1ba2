/*
 * aberta-admin rounds remind [--now TIME]: the automatic reminders of the reporting
 * rounds (store/rounds.h round_remind_due): a week and a day before each open round's
 * deadline, to the editors of the bodies that have not updated, each reminder once a
 * body however often it runs (conf/aberta-rounds.timer runs it daily, then `mail flush`
 * sends what it queued).  --now: the time to take as now (YYYY-MM-DDTHH:MM:SSZ or unix
 * seconds), for tests.  The links of the emails start with ABERTA_BASE_URL, as the site's.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/urlcode.h"
#include "cli/commands.h"
#include "lib/consult.h"
#include "lib/valid.h"
#include "store/rounds.h"

/* Reads --now's value t (YYYY-MM-DDTHH:MM:SSZ or unix seconds) into *now.  Returns 0 or
 * -1. */
static int
read_now(const char *t, time_t *now)
{
	long long n;

	if (valid_int(t, 0, LLONG_MAX, &n) == 0) {
		*now = (time_t)n;
		return 0;
	}
	return utc_parse(t, now);
}

/* rounds remind [--now TIME]: queues the reminders due.  Exit 1 on a database error
 * (nothing queued). */
int
cmd_rounds(const char *path, sqlite3 *db, int argc, char *argv[])
{
	struct round_sent sent;
	time_t            now = time(NULL);

	(void)path;
	if (argc < 1 || strcmp(argv[0], "remind") != 0 ||
	    !(argc == 1 ||
		(argc == 3 && strcmp(argv[1], "--now") == 0 && read_now(argv[2], &now) == 0))) {
		cli_usage(stderr);
		return 2;
	}
	if (round_remind_due(db, url_site_base(), now, &sent) != 0) {
		fprintf(
		    stderr, "aberta-admin: rounds remind: %s (nothing queued)\n", db_last_error());
		return 1;
	}
	printf("%d reminder(s) queued for %d body(ies); %d body(ies) without an active editor\n",
	    sent.messages, sent.bodies, sent.skipped);
	return 0;
}
