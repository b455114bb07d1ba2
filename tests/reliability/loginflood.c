/*
 * loginflood: a flood of wrong passwords for the administrator's login from another
 * network, and the administrator signing in from its usual one (issue 16, finding 3).
 * Run by tests/reliability/limits.sh against a site whose IPv4 prefixes are
 * ABERTA_NET4_BITS=24,16:
 *
 *   loginflood BASE DB ADMIN_BIN COUNT SECONDS
 *
 * An administrator signs in with both factors from 127.9.0.1 (its usual network,
 * 127.9.0.0/16, then known); COUNT wrong passwords for its login are sent from 127.0.1.1,
 * 127.0.1.2... (one /24 of another /16), at most SECONDS long; halfway, the
 * administrator's password is taken from 127.9.0.2 (past it, to the second factor),
 * and afterwards it signs in with both factors from 127.9.0.3.  Prints TAP.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client.h"
#include "tap.h"

#define LOGIN "limite-admin@example.org"

/* One wrong password for LOGIN from address from; returns the status. */
static int
wrong_password(const char *from)
{
	struct person p;
	struct res    r;
	char          iface[64];
	int           st;

	person_init(&p, "flood");
	snprintf(iface, sizeof iface, "host!%s", from);
	curl_easy_setopt(p.h, CURLOPT_INTERFACE, iface);
	login_pw(&p, LOGIN, "not-the-password-flood", &r, NULL, 0);
	st = r.status;
	res_free(&r);
	person_free(&p);
	return st;
}

/* The administrator's password from address from: 1 when it gets past it (303 to the
 * second factor); else 0 with the status in *st. */
static int
owner_password(struct acct *a, const char *from, int *st)
{
	struct person p;
	struct res    r;
	char          iface[64];
	int           ok;

	person_init(&p, "owner");
	snprintf(iface, sizeof iface, "host!%s", from);
	curl_easy_setopt(p.h, CURLOPT_INTERFACE, iface);
	login_pw(&p, a->login, a->pw, &r, NULL, 0);
	*st = r.status;
	ok = r.status == 303 && location_is(&r, "/admin/2fa");
	res_free(&r);
	person_free(&p);
	return ok;
}

/* The administrator signs in with both factors from address from: 1 when /admin/
 * answers 200. */
static int
owner_signs_in(struct acct *a, const char *from)
{
	struct person p;
	char          iface[64];
	int           ok;

	person_init(&p, "owner");
	snprintf(iface, sizeof iface, "host!%s", from);
	curl_easy_setopt(p.h, CURLOPT_INTERFACE, iface);
	ok = login_full(&p, a);
	person_free(&p);
	return ok;
}

int
main(int argc, char *argv[])
{
	struct acct adm;
	char        from[32];
	long        count, secs, i, n401 = 0, n429 = 0, nother = 0, sent = 0;
	int         st, mid_ok = 0, mid_st = 0;
	time_t      t0;

	if (argc != 6) {
		fprintf(stderr, "usage: loginflood BASE DB ADMIN_BIN COUNT SECONDS\n");
		return 2;
	}
	rc_base = argv[1];
	rc_db = argv[2];
	rc_adminbin = argv[3];
	count = strtol(argv[4], NULL, 10);
	secs = strtol(argv[5], NULL, 10);
	signal(SIGPIPE, SIG_IGN);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (acct_add(&adm, LOGIN, "Admin Limite", "admin", NULL) != 0) {
		tap(0, "an administrator account is created");
		return tap_done();
	}
	tap(owner_signs_in(&adm, "127.9.0.1"),
	    "the administrator signs in with both factors from its usual network (127.9.0.1)");
	t0 = time(NULL);
	for (i = 0; i < count && time(NULL) - t0 < secs; i++) {
		snprintf(from, sizeof from, "127.0.1.%ld", 1 + i % 200);
		st = wrong_password(from);
		sent++;
		if (st == 401)
			n401++;
		else if (st == 429)
			n429++;
		else
			nother++;
		if (i == count / 2)
			mid_ok = owner_password(&adm, "127.9.0.2", &mid_st);
	}
	diag("%ld wrong passwords from 127.0.1.x in %ld s: %ld answered 401, %ld 429, %ld "
	     "otherwise",
	    sent, (long)(time(NULL) - t0), n401, n429, nother);
	tap(sent >= 20 && n429 > 0 && nother == 0 && n401 <= 5,
	    "the flood from 127.0.1.0/24 is refused: %ld wrong passwords, %ld answered 401, "
	    "then 429 (%ld), nothing else (%ld)",
	    sent, n401, n429, nother);
	tap(mid_ok,
	    "meanwhile, the administrator's password from 127.9.0.2 (its usual network) is "
	    "taken: %d to the second factor",
	    mid_st);
	tap(owner_signs_in(&adm, "127.9.0.3"),
	    "afterwards the administrator signs in with both factors from 127.9.0.3");
	curl_global_cleanup();
	return tap_done();
}
