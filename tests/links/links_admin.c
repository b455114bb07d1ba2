/*
 * The admin side of the link checker, through nginx: a stranger is sent to the login
 * page, a focal-point editor sees /admin/links listing a broken address with the public
 * page that uses it and the form where it is corrected, and the dashboard counts it and
 * links to the list of broken ones.
 * Uses the libcurl client of tests/lib/client.c.  TAP on stdout.
 *
 *   links_admin BASE_URL DB ADMIN_BIN BROKEN_URL PAGE EDIT
 */
#include <stdio.h>
#include <string.h>

#include "client.h"
#include "tap.h"

/* 1 when the body of r holds s. */
static int
has(const struct res *r, const char *s)
{
	return r->body.p != NULL && strstr(r->body.p, s) != NULL;
}

int
main(int argc, char *argv[])
{
	struct person stranger, ana;
	struct acct   a;
	struct res    r;
	char          loc[512], href[600];

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
	tap(r.status == 303 && res_header(&r, "Location", loc, sizeof loc) != NULL &&
		strstr(loc, "/admin/login") != NULL,
	    "a stranger asking for /admin/links is sent "
	    "to the login page");
	tap(!has(&r, argv[4]), "and sees no address");
	res_free(&r);
	person_free(&stranger);

	person_init(&ana, "ana");
	tap(acct_add(&a, "ana.links@labx.gov.pt", "Ana Links", "focal", NULL) == 0 &&
		login_full(&ana, &a),
	    "a focal-point editor logs in with both factors");
	rc_get(&ana, "/admin/links", &r);
	tap(r.status == 200 && has(&r, argv[4]), "/admin/links lists the broken address");
	snprintf(href, sizeof href, "href=\"%s\"", argv[5]);
	tap(has(&r, href), "with the public page that uses it");
	snprintf(href, sizeof href, "href=\"%s\"", argv[6]);
	tap(has(&r, href), "and the edit form of its record");
	tap(has(&r, "Quebrada desde"), "with the date it was found broken");
	res_free(&r);
	rc_get(&ana, "/admin/", &r);
	tap(r.status == 200 && has(&r, "href=\"/admin/links?result=broken\"") &&
		has(&r, "Endereços quebrados na última verificação: ") &&
		!has(&r, "Endereços quebrados na última verificação: 0<"),
	    "the dashboard counts it and links to /admin/links?result=broken");
	res_free(&r);
	person_free(&ana);
	curl_global_cleanup();
	return tap_failed() ? 1 : 0;
}
