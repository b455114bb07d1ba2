/*
 * The admin side of the link checker, through nginx: a stranger is sent to the login
 * page, a focal-point editor sees /admin/links listing a broken address with the public
 * page that uses it and the edit form of its record, and the dashboard links to it.
 * Uses the libcurl client of tests/lib/client.c.  TAP on stdout.
 *
 *   links_admin BASE_URL DB ADMIN_BIN BROKEN_URL PAGE EDIT
 */
#include <stdio.h>
#include <string.h>

#include "client.h"

static int	 n, failed;

/* One TAP line. */
static void
tap(int ok, const char *what)
{
	printf("%s %d - %s\n", ok ? "ok" : "not ok", ++n, what);
	failed += !ok;
}

/* 1 when the body of r holds s. */
static int
has(const struct rres *r, const char *s)
{
	return r->body.p != NULL && strstr(r->body.p, s) != NULL;
}

int
main(int argc, char *argv[])
{
	struct person	 stranger, ana;
	struct acct	 a;
	struct rres	 r;
	char		 loc[512], href[600];

	if (argc != 7) {
		fprintf(stderr, "usage: links_admin BASE_URL DB ADMIN_BIN BROKEN_URL PAGE EDIT\n");
		return 2;
	}
	rc_base = argv[1];
	rc_db = argv[2];
	rc_adminbin = argv[3];
	curl_global_init(CURL_GLOBAL_DEFAULT);
	printf("1..8\n");

	person_init(&stranger, "stranger");
	rc_get(&stranger, "/admin/links", &r);
	tap(r.status == 303 && rres_header(&r, "Location", loc, sizeof loc) != NULL &&
	    strstr(loc, "/admin/login") != NULL, "a stranger asking for /admin/links is sent "
	    "to the login page");
	tap(!has(&r, argv[4]), "and sees no address");
	rres_free(&r);
	person_free(&stranger);

	person_init(&ana, "ana");
	tap(acct_add(&a, "ana.links@labx.gov.pt", "Ana Links", "focal") == 0 &&
	    login_full(&ana, &a), "a focal-point editor logs in with both factors");
	rc_get(&ana, "/admin/links", &r);
	tap(r.status == 200 && has(&r, argv[4]), "/admin/links lists the broken address");
	snprintf(href, sizeof href, "href=\"%s\"", argv[5]);
	tap(has(&r, href), "with the public page that uses it");
	snprintf(href, sizeof href, "href=\"%s\"", argv[6]);
	tap(has(&r, href), "and the edit form of its record");
	tap(has(&r, "Quebrada desde"), "with the date it was found broken");
	rres_free(&r);
	rc_get(&ana, "/admin/", &r);
	tap(r.status == 200 && has(&r, "href=\"/admin/links\"") && has(&r, argv[4]),
	    "the dashboard lists it and links to /admin/links");
	rres_free(&r);
	person_free(&ana);
	curl_global_cleanup();
	return failed == 0 ? 0 : 1;
}
