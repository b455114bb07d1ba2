/*
 * page: what every handler receives (struct ctx: the request, the response being built,
 * the language, the route's arguments, the page's dictionaries, the staff member and the
 * writable connection the dispatcher hands over), and the helpers the pages share to
 * fill the layout and their templates.  The handlers themselves are declared in
 * pages/pages.h and admin/admin.h, for the route table; what a handler does to the
 * response besides its page (a redirect, the session cookie, the open data's answer) in
 * http/answer.h.
 */
#ifndef ABERTA_PAGE_H
#define ABERTA_PAGE_H
#include <time.h>

#include "lib/progress.h"
#include "store/db.h"
#include "view/tpl.h"

/* The request (http/req.h), the response (http/resp.h) and the staff member
 * (store/auth.h): a handler that reads them includes their header; the helpers here
 * never do. */
struct req;
struct resp;
struct staff;

#define ROUTE_ARGS_MAX 3

/* The format a public page answers in: a .json / .csv / .xlsx suffix on the path, or
 * Accept. */
enum fmt {
	FMT_HTML,
	FMT_JSON, /* application/json (see export.h) */
	FMT_CSV,  /* text/csv, RFC 4180 */
	FMT_XLSX, /* a spreadsheet (see xlsx.h) */
	FMT__MAX
};

/* What a handler receives, filled by the dispatcher (http/dispatch.c). */
struct ctx {
	const struct req *req;
	struct resp      *resp;
	const char       *lang;                /* "pt" or "en" */
	const char       *other;               /* the other language */
	int               en;                  /* 1 when lang is "en" */
	const char       *arg[ROUTE_ARGS_MAX]; /* path segments captured by the route */
	long long         num;                 /* the validated number of an :int segment */
	tpl_dict         *page;                /* the layout's dictionary */
	tpl_dict         *body;                /* the page's own dictionary (the layout's BODY) */
	char              title[512];          /* the page title, raw text */
	const char       *error;               /* message key of an error page */
	char              today[11];           /* YYYY-MM-DD, UTC (injectable: ABERTA_TODAY) */
	time_t            now;                 /* the request's clock */
	const char       *layout; /* the layout template (layout.tpl, admin_layout.tpl) */
	struct staff     *me;     /* the logged-in staff member, or NULL */
	sqlite3          *rw;     /* the writable connection: admin routes only, after checks */
	int               https;  /* served over TLS: __Host- cookies with Secure */
	enum fmt          fmt;    /* HTML, or the data format asked for */
};

/* Starts the page: includes tplfile as the layout's BODY and returns its dictionary. */
tpl_dict *page_body(struct ctx *c, const char *tplfile);
/* Sets the page title (printf-style); it must be unique per page. */
void page_title(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Sets key to the text in the page language, falling back to the other language
 * (then sets key_LANG and shows key_FALLBACK) or, when both are NULL or empty, shows
 * key_MISSING.  key_LANG always holds the language of the text shown.  Returns the
 * text shown, or NULL. */
const char *page_text(struct ctx *c, tpl_dict *d, const char *key, const char *pt, const char *en);
/* Sets key to the display name of a body: name in the page language, else the other,
 * else its acronym; key_ACRONYM to the acronym (section key_HAS_ACRONYM when the name
 * does not already hold it). */
void page_entity_name(struct ctx *c, tpl_dict *d, const char *key, const char *acronym,
    const char *pt, const char *en);
/* Sets key to a human date ("12 March 2019") and key_ISO to the ISO value, or shows
 * key_MISSING when iso is NULL or empty. */
void page_date(struct ctx *c, tpl_dict *d, const char *key, const char *iso);
/* The date of a progress figure as its as_of_kind says it is known, the one wording of
 * every page: kind "stated" (or NULL) "on 3 March 2024" / "em 3 de março de 2024" ("in" /
 * "em" for a year or a month), "publication" "in a report of <date>" / "num relatório de
 * <data>", "not_before" "published on or after <date>" / "publicado em <data> ou
 * depois", "approximate" "about <date>" / "cerca de <data>".  Sets key to that text and
 * key_ISO to as_of, and shows key_HAS; when as_of is NULL or empty or kind is "unknown",
 * sets key to "date not recorded" / "data não registada" and shows key_MISSING.  Never
 * give it an import or edit time.  Returns 1 when the figure is dated. */
int page_figure_date(
    struct ctx *c, tpl_dict *d, const char *key, const char *as_of, const char *kind);
/* Sets key to the translated label of an enum value (domain "self_status"...), and
 * key_CODE to the value itself; shows key_MISSING when value is NULL. */
void page_enum(struct ctx *c, tpl_dict *d, const char *key, const char *domain, const char *value);
/* Sets key to the label of whether an event or a consultation held elsewhere took place
 * (domain "held_status": held, announced) and key_CODE to status; an announced one whose
 * last date (YYYY, YYYY-MM or YYYY-MM-DD) is over on c->today (the rule of
 * progress_overdue) says "announced; no record that it took place".  Shows key_MISSING
 * when status is NULL. */
void page_held_status(
    struct ctx *c, tpl_dict *d, const char *key, const char *status, const char *last);
/* When confidence is "unconfirmed" or "inferred", includes doubt.tpl as d's inc: a
 * visible marker ("por confirmar" / "unconfirmed", "deduzido" / "inferred") that links to
 * the explanation on the data page (/{lang}/data#confidence).  Nothing for "confirmed"
 * or NULL.  Put {{>inc}} right after the fact it qualifies.  Returns 1 when shown. */
int page_doubt(struct ctx *c, tpl_dict *d, const char *inc, const char *confidence);
/* The markers of a commitment named in a list: TITLE_DOUBT after its title, with the
 * confidence of the title shown (shown: what page_text returned for title_pt and its
 * English title), and OGP_DOUBT after its OGP id (page_doubt for each). */
void page_commitment_doubts(struct ctx *c, tpl_dict *d, const char *shown, const char *title_pt,
    const char *pt_conf, const char *en_conf, const char *ogp_conf);
/* Includes progress.tpl as d's PROGRESS: first how much is known ("progress known for 1
 * of 8 commitments"), then the average "of those with data" (a bar only when at least
 * half of the parts have data, else the number alone, small) and the years of the
 * figures it rests on, or "no data".  rollup: 1 when the parts are commitments (a plan,
 * a body), 0 for milestones. */
void page_progress(struct ctx *c, tpl_dict *d, const struct progress *p, int rollup);
/* Splits text on blank lines into repetitions of section (variable TEXT). */
void page_paragraphs(tpl_dict *d, const char *section, const char *text);
/* Adds the links of the statement's rows (kind, url, label_pt, label_en) as repetitions
 * of section inside section has of d (shown only when there is a link).  Returns how many. */
int page_links(struct ctx *c, tpl_dict *d, const char *has, const char *section, sqlite3_stmt *s);
/* Names the link to url as key: by its title in the page language (page_text: the other
 * language marked as such), else by the host name of url ("dre.pt"), else, for a path on
 * the site, "copy kept by this site": never the raw address.  Returns the title shown,
 * or NULL when the name is not a title. */
const char *page_url_label(
    struct ctx *c, tpl_dict *d, const char *key, const char *url, const char *pt, const char *en);
/* What the site knows of the outside address url (NULL or a path on the site: nothing):
 * fills the include inc of d (linkstate.tpl) with the date it was found broken and its
 * archived copy with the date it was fetched, when there are.  Put {{>inc}} right after
 * the link in the template (page_links uses LINKSTATE). */
void page_url_state(struct ctx *c, tpl_dict *d, const char *inc, const char *url);
/* The link to url in d: URL, and its section A (the link) shown, or, for a document of
 * the site that was withdrawn (/uploads/SHA), its section WITHDRAWN with ON (the day,
 * page_date) instead; then the state of the address in LINKSTATE (page_url_state).  The
 * template wraps the anchor in A and puts the label with the day in WITHDRAWN. */
void page_doc_link(struct ctx *c, tpl_dict *d, const char *url);
/* Adds the addresses of lines ("address" or "address<TAB>title", one a line: a plan
 * document's listing pages, the network's sources) as repetitions of section inside
 * section has of d (shown only when there is one): URL, LABEL (the title, else the host
 * as page_url_label names it) and LINKSTATE (page_url_state).  Returns how many. */
int page_url_lines(
    struct ctx *c, tpl_dict *d, const char *has, const char *section, const char *lines);
/* page_text, then the chosen text split into paragraphs as section key_P. */
void page_paras(struct ctx *c, tpl_dict *d, const char *key, const char *pt, const char *en);

/* The host part of the base URL (for iCalendar UIDs). */
const char *page_base_host(void);
/* Adds an Atom autodiscovery link to the page's head. */
void page_feed_link(struct ctx *c, const char *path, const char *title);
/* Adds <link rel="alternate" type=type href=href> to the page's head. */
void page_alternate(struct ctx *c, const char *type, const char *href);
/* Sets key to a period "2018–2020" (or with human dates) from two ISO dates. */
void page_period(struct ctx *c, tpl_dict *d, const char *key, const char *from, const char *to);
/* Fills the WHEN include of d (when.tpl) from an event's dates and date notes. */
void page_when(struct ctx *c, tpl_dict *d, const char *start, const char *end, const char *note_pt,
    const char *note_en);

#endif
