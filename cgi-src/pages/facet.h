/*
 * facet: what the search page and the commitments listing share.  The request's query
 * parameters, validated (q, the five facets, sort, page); the safe FTS5 query made from
 * the user's text; shareable URLs for every state; and the facet panel with its counts.
 * No SQL is built here: the statements (store/public.c) take the values as bound parameters
 * ?1 FTS5 query, ?2 page language, ?3 plan number, ?4 status, ?5 lead slug, ?6 OGP
 * value, ?7 policy area slug, ?8 "overdue", ?9 today.
 */
#ifndef ABERTA_FACET_H
#define ABERTA_FACET_H
#include "store/db.h"
#include "view/page.h"

#define FACET_Q_CHARS  200 /* longest search text, in characters */
#define FACET_Q_TERMS  12  /* most words in a search */
#define FACET_FTS_MAX  (FACET_Q_CHARS * 8 + FACET_Q_TERMS * 8 + 8) /* built query */
#define FACET_PER_PAGE 20                                          /* search results per page */
#define FACET_PAGE_MAX 500 /* highest page number accepted */

/* The facets, in the order of their parameters (?3-?8) and of the panel. */
enum facet {
	FACET_PLAN,   /* plan=2: a plan number */
	FACET_STATUS, /* status=complete: a self-reported status, or "none" */
	FACET_LEAD,   /* lead=ama: the slug of a lead body */
	FACET_VALUE,  /* value=access_to_information: an OGP value */
	FACET_AREA,   /* area=open-data: the slug of a policy area */
	FACET_LATE,   /* late=overdue: with a milestone past its planned end, not complete */
	FACET__MAX
};

/* Orders of the commitments listing (sort=). */
enum facet_sort {
	SORT_PLAN,     /* plan, then the commitment's number (the default) */
	SORT_STATUS,   /* self-reported status, most advanced first */
	SORT_PROGRESS, /* progress, highest first; no data last */
	SORT_END,      /* end date, soonest first; unknown last */
	SORT__MAX
};

/* What facet_parse found wrong, beside the error keys of invalid parameters. */
enum facet_q {
	FACET_Q_NONE,    /* no q, or only spaces: show the form and guidance */
	FACET_Q_OK,      /* q gave at least one word: fts holds the query */
	FACET_Q_NOWORDS, /* q has only punctuation: nothing to search for */
	FACET_Q_TOOLONG, /* q is over FACET_Q_CHARS characters or FACET_Q_TERMS words */
};

struct facet_params {
	const char     *q;                  /* the text as typed (valid UTF-8), or NULL */
	enum facet_q    qstate;             /* what q gave */
	char            fts[FACET_FTS_MAX]; /* the FTS5 query when qstate is FACET_Q_OK */
	const char     *val[FACET__MAX];    /* validated values; NULL when not filtered */
	long long       plan;               /* the plan number when val[FACET_PLAN] is set */
	enum facet_sort sort;               /* listing only */
	long long       page;               /* 1..FACET_PAGE_MAX; search only */
	const char     *base;               /* the page's own path, "/pt/search" */
	char            basebuf[32];
};

/* Builds a safe FTS5 query from the user's text: words are split at spaces and
 * punctuation, each quoted as an FTS5 string (embedded quotes doubled), joined with
 * AND, the last one a prefix.  Returns the number of words (0 when there is none), or
 * -1 when text has more than FACET_Q_CHARS characters or FACET_Q_TERMS words or out
 * is too small.  text must be valid UTF-8; out always ends with a NUL. */
int facet_fts_query(const char *text, char *out, size_t outlen);
/* Reads q, the facets, page and (when with_sort) sort from c's query string into p;
 * unknown parameters are ignored, empty ones count as absent.  Returns 0, or 400 with
 * c->error set to the message key when a value is invalid or repeated.  A q that is too
 * long is not an error here: p->qstate says so and the page shows its form. */
int facet_parse(struct ctx *c, struct facet_params *p, const char *page, int with_sort);
/* 1 when any facet is set. */
int facet_any(const struct facet_params *p);
/* Binds ?1 (the FTS5 query, NULL without one), ?2 (the page language), the facets
 * (?3-?8, NULL when not set) and ?9 (c's today) to s. */
void facet_bind(struct ctx *c, const struct facet_params *p, sqlite3_stmt *s);
/* Writes into out the URL of p's state with facet f set to v (f == FACET__MAX changes
 * no facet; v NULL removes f), the order sort and the page number page (1: none). */
void facet_url(const struct facet_params *p, int f, const char *v, int sort, long long page,
    char *out, size_t outlen);
/* Adds to b the hidden inputs (section HIDDEN: NAME, VALUE) that keep the facets and
 * the order of p in a form that changes q. */
void facet_hidden(tpl_dict *b, const struct facet_params *p);
/* Fills the FACETS include of b (facets.tpl) from the rows of the bound facet statement
 * s (the FC_* columns of db.h; the group-5 row is the total): each value with its count and the URL that selects it, and the active
 * filters with the URLs that remove them; with neither, no panel but section
 * NO_FACETS of b.  Returns the total. */
long long facet_panel(struct ctx *c, tpl_dict *b, const struct facet_params *p, sqlite3_stmt *s);

#endif
