/*
 * client: the HTTP side of the C test programs that talk to the site through nginx
 * (tests/e2e/e2e.c and e2e_admin.c; tests/reliability: hostile.c, loadedit.c,
 * slowclient.c, staffbot.c; tests/links/links_admin.c): libcurl "persons" with their own
 * cookie jars, the cookies a response sets, HTML form parsing and encoding, staff
 * accounts made with aberta-admin and logged in with both factors (TOTP from totp.c),
 * and small SQLite helpers on the site's database.  The tests of make check link it
 * from libtestlib.a; the reliability layer compiles it with rel_build
 * (tests/reliability/rel-common.sh) and build_staffbot (lib-faults.sh).
 */
#ifndef ABERTA_TEST_CLIENT_H
#define ABERTA_TEST_CLIENT_H
#include <curl/curl.h>
#include <sqlite3.h>
#include <stddef.h>

#include "lib/totp.h"
#include "res.h"

extern const char *rc_base;     /* http://127.0.0.1:PORT */
extern const char *rc_db;       /* the site's database */
extern const char *rc_adminbin; /* build/aberta-admin */

struct person {
	CURL       *h;
	const char *who;
};

/* Called after every exchange (rc_http, rc_mime) when set: p (NULL: a stranger), the
 * method and path, the body sent (NULL: none) and the answer. */
extern void (*rc_after)(const struct person *p, const char *method, const char *path,
    const char *body, size_t bodylen, const struct res *r);

/* Seconds on the monotonic clock (for timing exchanges). */
double rc_now(void);
/* A person called who (for messages) with a cookie jar of its own, in memory. */
void person_init(struct person *p, const char *who);
/* Frees p's handle and cookies. */
void person_free(struct person *p);
/* One exchange as p (NULL: a stranger without cookies).  method "GET", "HEAD", "POST" or
 * any other; body of bodylen bytes with Content-Type ctype (NULL: none, or the form
 * type when body is set); hdrs NULL-terminated extra header lines; path is sent as is.
 * Fills r (body and head "" rather than NULL).  Returns 0, or -1 when no complete answer
 * came (r->cerr says why). */
int rc_http(struct person *p, const char *method, const char *path, const char *ctype,
    const char *body, size_t bodylen, const char *const *hdrs, struct res *r);
/* GET path as p; as rc_http. */
int rc_get(struct person *p, const char *path, struct res *r);
/* POST the url-encoded form (NULL: an empty body) to path as p; as rc_http. */
int rc_post(struct person *p, const char *path, const char *form, struct res *r);
/* POST the multipart body m to path as p (who must not be NULL); as rc_http. */
int rc_mime(struct person *p, const char *path, curl_mime *m, struct res *r);
/* 1 when r's Location is path, relative or on rc_base. */
int location_is(const struct res *r, const char *path);
/* The whole Set-Cookie line of r for cookie name (after "Set-Cookie: ") copied into out,
 * or NULL. */
const char *set_cookie_line(const struct res *r, const char *name, char *out, size_t outlen);
/* The value of cookie name in a Set-Cookie line of r copied into out ("" when none). */
const char *set_cookie_value(const struct res *r, const char *name, char *out, size_t outlen);
/* The value of cookie name in p's jar copied into out ("" when none). */
const char *jar_value(struct person *p, const char *name, char *out, size_t outlen);

#define FORM_MAX 200
struct form {
	int   n;
	char *name[FORM_MAX];
	char *val[FORM_MAX];
};
/* Frees the fields of f and empties it. */
void form_free(struct form *f);
/* Adds the field name=val to f (ignored when f is full). */
void form_add(struct form *f, const char *name, const char *val);
/* The value of the first field name of f, or NULL. */
const char *form_val(const struct form *f, const char *name);
/* Sets name to val (adds it when absent; val NULL removes it). */
void form_set(struct form *f, const char *name, const char *val);
/* The controls of <form action="action"> in html, as a browser submits them (no file
 * inputs, no buttons).  0, or -1 when html has no such form. */
int form_parse(const char *html, const char *action, struct form *f);
/* The url-encoded body of f (malloc'd). */
char *form_encode(const struct form *f);
/* The url-encoded body of name, value pairs (a NULL-ended list; malloc'd). */
char *body_of(const char *first, ...);
/* The first csrf hidden field of html (after action="action" when action is not NULL)
 * copied into out ("" when none). */
const char *form_csrf(const char *html, const char *action, char *out, size_t outlen);
/* Opens the form at path as p into f (action = path; empty when absent).  Returns the
 * status of the page. */
int open_form(struct person *p, const char *path, struct form *f);
/* Submits f to action as p, url-encoded; as rc_http. */
int submit_form(struct person *p, const char *action, const struct form *f, struct res *r);
/* Submits f to action as p (who must not be NULL) in multipart/form-data, every field a
 * part, with one file part named file_field (file NULL: none) holding the len bytes of
 * data under the file name file; as rc_http. */
int submit_mime(struct person *p, const char *action, const struct form *f, const char *file_field,
    const char *file, const char *data, size_t len, struct res *r);
/* The csrf token of p's session (from the dashboard) copied into out. */
const char *session_csrf(struct person *p, char *out, size_t outlen);

struct acct {
	char      login[96];
	char      pw[64];
	char      secret[64];
	char      rec[RECOVERY_CODES][24]; /* the recovery codes of the enrolment */
	int       nrec;
	long long last_step; /* TOTP step last used; 0 before enrolment */
	long long id;
};
/* Runs rc_adminbin --db rc_db and the arguments (a NULL-ended list of at most 12); its
 * standard output and error go into out.  Returns the exit status, or -1. */
int rc_admin(char *out, size_t outlen, ...);
/* Prints the lines of aberta-admin's output out on stderr, leaving out the password. */
void admin_output(const char *out);
/* aberta-admin user add LOGIN NAME ROLE [SLUG] (slug NULL: none) into a, with the
 * password it prints and the account's id.  0, or -1 after printing why on stderr. */
int acct_add(
    struct acct *a, const char *login, const char *name, const char *role, const char *slug);
/* GET /admin/login, then POST the login form as p with login and pw; fills r with the
 * answer to the POST.  pre gets the aberta_pre cookie of the GET (may be NULL). */
int login_pw(
    struct person *p, const char *login, const char *pw, struct res *r, char *pre, size_t prelen);
/* Enrols the second factor of a as p (past the password): reads the secret, posts the
 * current code; fills r with the answer and a with the recovery codes it shows. */
int enrol(struct person *p, struct acct *a, struct res *r);
/* A TOTP code of a the server accepts once: a step later than the last one used,
 * within one step of now (waits for the clock when needed); its step into *step. */
void next_code(struct acct *a, char code[7], long long *step);
/* POSTs code to /admin/2fa as p; fills r. */
int post_2fa(struct person *p, const char *code, struct res *r);
/* Logs a in with both factors as p (enrolling when needed).  1 when /admin/ then
 * answers 200; 0 after printing why on stderr. */
int login_full(struct person *p, struct acct *a);

/* SQLite on rc_db, read-write with a 10 s busy timeout; NULL after printing why. */
sqlite3 *sql_open_rw(void);
/* The first column of the first row of sql (text ?1 = t1, integers ?2 = i2, ?3 = i3,
 * as far as sql has them) as an integer, or def. */
long long sql_int(const char *sql, const char *t1, long long i2, long long i3, long long def);
/* The same with ?1 and ?2, as text into out ("" when NULL or no row). */
const char *sql_text(const char *sql, const char *t1, long long i2, char *out, size_t outlen);

/* The newest message whose To: header names rcpt among those the SMTP sink wrote to the
 * directory $E2E_MAILDIR (NNNN.eml, from 0001), waiting up to 10 s for one; malloc'd, or
 * NULL when there is none (or E2E_MAILDIR is not set). */
char *mail_newest(const char *rcpt);

#endif
