/*
 * aberta-admin mail flush [--id N]: sends the confirmation emails still in the outbox
 * (ABERTA_SMTP_URL or ABERTA_SENDMAIL; net/mailsend.h); --id: only message N (what the
 * worker starts after each submission).
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "lib/valid.h"
#include "net/mailsend.h"

/* mail flush [--id N]: sends what waits in the outbox (only message N with --id; one
 * that another sender is sending is left to it).  Exit 1 when a message could not be
 * sent (it stays for the next run). */
int
cmd_mail(const char *path, sqlite3 *db, int argc, char *argv[])
{
	long long id = 0;
	int       sent = 0, failed = 0;

	(void)path;
	if (!(argc == 1 ||
		(argc == 3 && strcmp(argv[1], "--id") == 0 &&
		    valid_int(argv[2], 1, LLONG_MAX, &id) == 0)) ||
	    strcmp(argv[0], "flush") != 0) {
		cli_usage(stderr);
		return 2;
	}
	if (mail_flush(db, id, &sent, &failed) != 0) {
		fprintf(stderr, "aberta-admin: mail flush stopped on a database error\n");
		return 1;
	}
	printf("%d sent, %d failed\n", sent, failed);
	return failed > 0;
}
