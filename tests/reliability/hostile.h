/* hostile.h: what tests/reliability/hostile.c (the walk, the checks of each case) and
 * hostile_sec.c (the routes and attacks of issue 16: withdrawing documents, lifting
 * login failures, the citizens' proof of work) share. */
#ifndef ABERTA_HOSTILE_H
#define ABERTA_HOSTILE_H
#include <stddef.h>

#include "client.h"
#include "tap.h"

/* ----------------------------------------------------------------------------------
 * The routes, with real ids.
 */

enum bodykind { B_NONE, B_CSRF, B_FORM, B_LOGIN, B_CODE };

#define R_ADMIN    0x01  /* sent with the session */
#define R_EDIT     0x02  /* an edit form with a version field */
#define R_UPLOAD   0x04  /* the milestone form: evidence documents */
#define R_LAST     0x08  /* run last (logout) */
#define R_OPTIONAL 0x10  /* a route of a later version: skipped when its control is 404 */
#define R_SKIP     0x20  /* not in this build */
#define R_IMPORT   0x40  /* the admin import form: a file of JSON or CSV */
#define R_WITHDRAW 0x80  /* the withdrawal of a document (a reason) */
#define R_LIFT     0x100 /* the lift of a login's failures (a login) */
#define R_CITIZEN  0x200 /* a citizens' form (proof of work under pressure) */

struct route {
	const char   *method;
	char          path[200];
	int           flags;
	enum bodykind bk;
	char          formpage[200]; /* B_FORM: the page that holds the form */
	int           segi;          /* the typed segment to vary (1-based), or 0 */
	char          segtype;       /* 'i' :int, 'o' :ogpid, 's' :slug, 'h' :sha */
	const char   *numf[4];       /* numeric fields of the form */
	const char   *fill[8];       /* name, value pairs set in the form (a complete one) */
	int           normal;        /* status of the plain GET (the control) */
	char          normal_loc[200];
};

#define MAXROUTES 96
/* The routes of the walk (hostile.c make_routes, hostile_sec.c sec_routes). */
extern struct route routes[MAXROUTES];
extern int          nroutes;

/* Adds a route of method with flags, body kind bk, typed segment segi of segtype, at
 * the path fmt...; its form page is the path itself until the caller changes it. */
struct route *route_add(const char *method, int flags, enum bodykind bk, int segi, char segtype,
    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* ----------------------------------------------------------------------------------
 * Requests.
 */

#define MAXHDRS 120
struct hreq {
	const char *method;
	struct buf  path; /* path and query, sent as is */
	const char *ctype;
	struct buf  body;
	int         has_body;
	char       *hdrs[MAXHDRS + 1];
	int         nh;
	int         stranger; /* no session cookie */
};

/* Adds the header line fmt... to q. */
void hdr_add(struct hreq *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The correct request of rt into q: method, path, its complete form into f (for a
 * POST, url-encoded into q's body; the caller frees f). */
void base_req(const struct route *rt, struct hreq *q, struct form *f);
/* Replaces q's body with f url-encoded. */
void set_body(struct hreq *q, const struct form *f);
/* Sends q (with the staff session unless q->stranger or q sets its cookies) into r;
 * nginx's own 429 is waited out and the request sent again.  Returns the status. */
int send_req(struct hreq *q, struct res *r);
/* Frees what q holds. */
void hreq_free(struct hreq *q);

/* ----------------------------------------------------------------------------------
 * The attacks.
 */

/* Which routes an attack fits. */
#define A_ALL       0x001  /* every route, with its method */
#define A_GET       0x002  /* GET routes */
#define A_POST      0x004  /* POST routes */
#define A_ADMINPOST 0x008  /* admin POST routes (anti-CSRF token) */
#define A_EDIT      0x010  /* edit forms (version field) */
#define A_SEG       0x020  /* routes with a typed segment */
#define A_NUMF      0x040  /* forms with numeric fields */
#define A_LOGIN     0x080  /* POST /admin/login */
#define A_UPLOAD    0x100  /* the milestone form */
#define A_ASPOST    0x200  /* every route, sent as POST (bodies) */
#define A_IMPORT    0x400  /* the admin import form */
#define A_WITHDRAW  0x800  /* the withdrawal of a document (R_WITHDRAW) */
#define A_LIFT      0x1000 /* the lift of a login's failures (R_LIFT) */
#define A_POW       0x2000 /* the citizens' forms (R_CITIZEN) */

enum kind {
	K_REFUSED,  /* a 4xx from the allowed list; nothing stored */
	K_IGNORED,  /* the route's normal answer (or the login redirect); nothing stored */
	K_ACCEPTED, /* an upload that may be stored; its headers are checked */
};

struct attack;
typedef int (*builder)(const struct route *, const struct attack *, struct hreq *);

struct attack {
	const char *name;
	int         fits;
	builder     build;
	const char *arg;
	enum kind   kind;
	int         allowed[4]; /* K_REFUSED: allowed statuses (0 ends; -1 the
					 * route's normal answer) */
};

#define R4(a, b, c, d) \
	{ \
		a, b, c, d \
	}

/* The attacks of issue 16 (hostile_sec.c), after hostile.c's own. */
extern const struct attack sec_attacks[];
extern const size_t        nsec_attacks;

/* Prepares the cases of issue 16 against the site, before the walk's checksum: a
 * login with a failure (for /admin/logins), the citizens' forms under pressure (a heavy
 * sender, 127.0.0.1, while all networks send over the threshold) and one proof paid,
 * its challenge kept to be replayed.  ogp: a commitment's OGP id.  Prints TAP lines;
 * 0 when ready. */
int sec_setup(const char *ogp);
/* Adds the routes of issue 16 to the walk: sha, a stored document; ogp, a commitment. */
void sec_routes(const char *sha, const char *ogp);
/* The controls of the citizens' forms: the complete form under pressure answers 429
 * with a challenge (each such route's normal answer).  Prints TAP lines. */
void sec_controls(void);

#endif
