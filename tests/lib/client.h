/*
 * client: the HTTP side shared by the C test helpers (tests/reliability: hostile.c,
 * loadedit.c, slowclient.c, staffbot.c; tests/links/links_admin.c), built with them by
 * rel_build (tests/reliability/rel-common.sh) and build_staffbot (lib-faults.sh):
 * libcurl "persons" with their own cookie jars, HTML form parsing and encoding, staff
 * accounts made with aberta-admin and logged in with both factors (TOTP from totp.c),
 * and small SQLite helpers.  Adapted from tests/e2e/e2e_admin.c.
 */
#ifndef ABERTA_TEST_CLIENT_H
#define ABERTA_TEST_CLIENT_H
#include <curl/curl.h>
#include <sqlite3.h>
#include <stddef.h>

#include "lib/buf.h"

extern const char	*rc_base;	/* http://127.0.0.1:PORT */
extern const char	*rc_db;		/* the site's database */
extern const char	*rc_adminbin;	/* build/aberta-admin */

struct rres {
	int		 status;	/* 0 when no answer came */
	struct buf	 head;		/* header lines as received */
	struct buf	 body;
	double		 secs;		/* total time of the exchange */
	CURLcode	 cerr;
};

struct person {
	CURL		*h;
	const char	*who;
};

void		 person_init(struct person *p, const char *who);
void		 person_free(struct person *p);
void		 rres_free(struct rres *r);
/* One exchange as p (NULL: a stranger without cookies).  method "GET", "HEAD", "POST" or
 * any other; body of bodylen bytes with Content-Type ctype (NULL: none, or the form
 * type when body is set); hdrs NULL-terminated extra header lines; path is sent as is.
 * Returns 0, or -1 when no complete answer came (r->cerr says why). */
int		 rc_http(struct person *p, const char *method, const char *path,
		    const char *ctype, const char *body, size_t bodylen,
		    const char *const *hdrs, struct rres *r);
int		 rc_get(struct person *p, const char *path, struct rres *r);
int		 rc_post(struct person *p, const char *path, const char *form, struct rres *r);
/* The value of header name (case-insensitive) in r copied into out, or NULL. */
const char	*rres_header(const struct rres *r, const char *name, char *out, size_t outlen);

#define FORM_MAX	200
struct form {
	int	 n;
	char	*name[FORM_MAX];
	char	*val[FORM_MAX];
};
void		 form_free(struct form *f);
void		 form_add(struct form *f, const char *name, const char *val);
const char	*form_val(const struct form *f, const char *name);
void		 form_set(struct form *f, const char *name, const char *val);
/* The controls of <form action="action"> in html, as a browser submits them.  0 or -1. */
int		 form_parse(const char *html, const char *action, struct form *f);
/* The url-encoded body of f (malloc'd). */
char		*form_encode(const struct form *f);
/* The first csrf hidden field of html (after action="action" when action is not NULL). */
const char	*form_csrf(const char *html, const char *action, char *out, size_t outlen);
/* Opens the form at path as p into f (action = path).  Returns the status. */
int		 open_form(struct person *p, const char *path, struct form *f);

struct acct {
	char		 login[96];
	char		 pw[64];
	char		 secret[64];
	long long	 last_step;
	long long	 id;
};
/* aberta-admin user add LOGIN NAME ROLE; reads the printed password.  0 or -1. */
int		 acct_add(struct acct *a, const char *login, const char *name, const char *role);
/* Password, then second factor (enrolling at the first login).  1 when /admin/ then
 * answers 200. */
int		 login_full(struct person *p, struct acct *a);
/* The csrf token of p's session (from the dashboard). */
const char	*session_csrf(struct person *p, char *out, size_t outlen);

/* SQLite on rc_db, read-write with a 10 s busy timeout; NULL after printing why. */
sqlite3		*db_open_rw(void);
/* First column of the first row of sql (text ?1 = t1, integer ?2 = i2), or def. */
long long	 db_int(const char *sql, const char *t1, long long i2, long long def);
/* The same as text into out ("" when none). */
const char	*db_text(const char *sql, const char *t1, long long i2, char *out, size_t outlen);

#endif
