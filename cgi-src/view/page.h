/* page: what every handler receives, and the helpers handlers share. */
#ifndef ABERTA_PAGE_H
#define ABERTA_PAGE_H
#include <sqlite3.h>

#include "store/db.h"
#include "lib/progress.h"
#include "http/req.h"
#include "http/resp.h"
#include "view/tpl.h"
#include "store/auth.h"
#include <time.h>

#define ROUTE_ARGS_MAX 3

/* The format a public page answers in: a .json / .csv suffix on the path, or Accept. */
enum fmt {
	FMT_HTML,
	FMT_JSON,	/* application/json (see export.h) */
	FMT_CSV,	/* text/csv, RFC 4180 */
	FMT__MAX
};

struct ctx {
	const struct req *req;
	struct resp	*resp;
	const char	*lang;		/* "pt" or "en" */
	const char	*other;		/* the other language */
	int		 en;		/* 1 when lang is "en" */
	const char	*arg[ROUTE_ARGS_MAX];	/* path segments captured by the route */
	long long	 num;		/* the validated number of an :int segment */
	tpl_dict	*page;		/* the layout's dictionary */
	tpl_dict	*body;		/* the page's own dictionary (the layout's BODY) */
	char		 title[512];	/* the page title, raw text */
	const char	*error;		/* message key of an error page */
	char		 today[11];	/* YYYY-MM-DD, UTC (injectable: ABERTA_TODAY) */
	time_t		 now;		/* the request's clock */
	const char	*layout;	/* the layout template (layout.tpl, admin_layout.tpl) */
	struct staff	*me;		/* the logged-in staff member, or NULL */
	sqlite3		*rw;		/* the writable connection: admin routes only, after checks */
	int		 https;		/* served over TLS: __Host- cookies with Secure */
	enum fmt	 fmt;		/* HTML, or the data format asked for */
};

/* Starts the page: includes tplfile as the layout's BODY and returns its dictionary. */
tpl_dict	*page_body(struct ctx *c, const char *tplfile);
/* Sets the page title (printf-style); it must be unique per page. */
void		 page_title(struct ctx *c, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* Sets key to the text in the page language, falling back to the other language
 * (then sets key_LANG and shows key_FALLBACK) or, when both are NULL or empty, shows
 * key_MISSING.  key_LANG always holds the language of the text shown.  Returns the
 * text shown, or NULL. */
const char	*page_text(struct ctx *c, tpl_dict *d, const char *key, const char *pt,
		    const char *en);
/* Sets key to the display name of a body: name in the page language, else the other,
 * else its acronym; key_ACRONYM to the acronym (section key_HAS_ACRONYM when it differs). */
void		 page_entity_name(struct ctx *c, tpl_dict *d, const char *key,
		    const char *acronym, const char *pt, const char *en);
/* Sets key to a human date ("12 March 2019") and key_ISO to the ISO value, or shows
 * key_MISSING when iso is NULL or empty. */
void		 page_date(struct ctx *c, tpl_dict *d, const char *key, const char *iso);
/* Sets key to the translated label of an enum value (domain "self_status"...), and
 * key_CODE to the value itself; shows key_MISSING when value is NULL. */
void		 page_enum(struct ctx *c, tpl_dict *d, const char *key, const char *domain,
		    const char *value);
/* Includes progress.tpl as d's PROGRESS: percentage, date, parts with data, or "no data".
 * rollup: 1 when the parts are commitments (a plan, a body), 0 for milestones. */
void		 page_progress(struct ctx *c, tpl_dict *d, const struct progress *p, int rollup);
/* Splits text on blank lines into repetitions of section (variable TEXT). */
void		 page_paragraphs(tpl_dict *d, const char *section, const char *text);
/* An id and what belongs to it: to find, for each row of a second statement, the row
 * of the first that it belongs to (a plan's commitments and their lead bodies) in
 * O(log n) instead of a walk through every row. */
struct page_idref {
	long long	 id;
	void		*p;
};
/* Sorts v by id. */
void		 page_idrefs_sort(struct page_idref *v, size_t n);
/* Returns the p of id in v (sorted by page_idrefs_sort), or NULL. */
void		*page_idref_find(const struct page_idref *v, size_t n, long long id);
/* Reads the milestone aggregate columns starting at column i (see MS_AGG in db.c). */
void		 page_ms_agg(sqlite3_stmt *s, int i, struct progress *p);
/* Adds the links of the statement's rows (kind, url, label_pt, label_en) as repetitions
 * of section inside section has of d (shown only when there is a link).  Returns how many. */
int		 page_links(struct ctx *c, tpl_dict *d, const char *has, const char *section,
		    sqlite3_stmt *s);
/* What the site knows of the outside address url (NULL or a path on the site: nothing):
 * fills the include inc of d (linkstate.tpl) with the date it was found broken and its
 * archived copy with the date it was fetched, when there are.  Put {{>inc}} right after
 * the link in the template (page_links uses LINKSTATE). */
void		 page_url_state(struct ctx *c, tpl_dict *d, const char *inc, const char *url);
/* page_text, then the chosen text split into paragraphs as section key_P. */
void		 page_paras(struct ctx *c, tpl_dict *d, const char *key, const char *pt,
		    const char *en);

/* Handlers: each returns an HTTP status (200, or 4xx/5xx for the error page). */
int	page_home(struct ctx *c);
int	page_network(struct ctx *c);
int	page_member(struct ctx *c);
int	page_plans_list(struct ctx *c);
int	page_plans_show(struct ctx *c);
int	page_commitments_show(struct ctx *c);
int	page_commitments_list(struct ctx *c);	/* pages/listing.c */
int	page_search(struct ctx *c);		/* pages/search.c */
int	page_commitments_history(struct ctx *c);
int	page_plans_history(struct ctx *c);
int	page_events_list(struct ctx *c);
int	page_events_show(struct ctx *c);
int	page_text_ogp(struct ctx *c);
int	page_text_accessibility(struct ctx *c);
int	page_health(struct ctx *c);
int	page_upload_get(struct ctx *c);
int	page_root(struct ctx *c);
int	page_admin_login(struct ctx *c);
int	page_admin_logout(struct ctx *c);
int	page_admin_2fa(struct ctx *c);
int	page_admin_2fa_enrol(struct ctx *c);
int	page_admin_home(struct ctx *c);
int	page_admin_list(struct ctx *c);
int	page_admin_reviews(struct ctx *c);
int	page_admin_relations(struct ctx *c);
int	page_admin_users(struct ctx *c);
int	page_admin_user_new(struct ctx *c);
int	page_admin_user(struct ctx *c);
int	page_admin_user_action(struct ctx *c);
int	page_admin_audit(struct ctx *c);
int	page_admin_review_approve(struct ctx *c);
int	page_admin_review_return(struct ctx *c);
int	page_admin_new(struct ctx *c);
int	page_admin_edit(struct ctx *c);
int	page_admin_delete(struct ctx *c);

/* Co-creation (pages/cocreate.c). */
int	page_consultations_list(struct ctx *c);
int	page_consultations_show(struct ctx *c);
int	page_submit_proposal(struct ctx *c);
int	page_submit_consultation_comment(struct ctx *c);
int	page_submit_commitment_comment(struct ctx *c);
int	page_submissions_sent(struct ctx *c);
int	page_submission_confirm(struct ctx *c);
int	page_submission_withdraw(struct ctx *c);
int	page_admin_submissions(struct ctx *c);
/* The citizen's text above the answer form of submission id (admin_form.tpl CITIZEN). */
void	page_admin_submission_panel(struct ctx *c, tpl_dict *b, long long id);
/* Fills the co-creation part of commitment id's page into b: the proposals it came
 * from (ORIGINS), the published comments (HAS_SUBS) and the comment form (FORM). */
void	page_commitment_cocreation(struct ctx *c, tpl_dict *b, long long id,
	    const char *ogp_id);

/* The session cookie's name: "__Host-aberta" over HTTPS, "aberta" on plain http. */
const char	*page_cookie_name(const struct ctx *c);
/* Sets (token non-NULL) or clears the session cookie. */
void		 page_set_session_cookie(struct ctx *c, const char *token);
/* Starts an admin page: admin layout, body template, title; returns the body dict. */
tpl_dict	*page_admin_body(struct ctx *c, const char *tplfile, const char *title);
/* The site's public base URL without a trailing slash (ABERTA_BASE_URL, default
 * http://127.0.0.1:8080), for absolute links in feeds, sitemaps and metadata. */
const char	*page_base_url(void);
/* The host part of the base URL (for iCalendar UIDs). */
const char	*page_base_host(void);
/* A history value as readers see it: enum codes translated, progress with %. */
void		 page_history_value(struct ctx *c, const char *tbl, const char *col,
		    const char *v, char *out, size_t len);
/* Adds an Atom autodiscovery link to the page's head. */
void		 page_feed_link(struct ctx *c, const char *path, const char *title);
int	page_robots(struct ctx *c);
int	page_sitemap(struct ctx *c);
int	page_feed_site(struct ctx *c);
int	page_feed_plan(struct ctx *c);
int	page_feed_commitment(struct ctx *c);
int	page_feed_member(struct ctx *c);
int	page_feed_value(struct ctx *c);
int	page_ics_all(struct ctx *c);
int	page_ics_event(struct ctx *c);
int	page_badge(struct ctx *c);
/* Open data (pages/data.c). */
int	page_data(struct ctx *c);
int	page_data_file(struct ctx *c);
int	page_data_catalog(struct ctx *c);
int	page_admin_import(struct ctx *c);
int	page_admin_links(struct ctx *c);	/* pages/admin_links.c */
/* Answers c in c->fmt (JSON or CSV) for the page whose HTML handler is html: through its
 * data handler, or html itself when it has none (it then reads c->fmt, see
 * export_commitment_list).  Returns the status. */
int	page_data_answer(struct ctx *c, int (*html)(struct ctx *));
/* 1 when the page of handler html has a data handler in pages/data.c. */
int	page_data_has(int (*html)(struct ctx *));
/* Adds <link rel="alternate" type=type href=href> to the page's head. */
void	page_alternate(struct ctx *c, const char *type, const char *href);

/* Shows a status message at the top of an admin page. */
void		 page_flash(struct ctx *c, const char *text);
/* Answers 303 See Other to path (an admin redirect after a POST). */
int		 page_redirect(struct ctx *c, const char *path);


/* Reads the plan ids of statement st (column 0; at most max rows) into ids and computes
 * the progress roll-up of each plan ids[i] into roll[i] (see progress.h).  Returns how
 * many plans were read; the caller steps st again, in the same order, for the rest. */
size_t	page_plan_rollups(enum stmt st, long long *ids, struct progress *roll, size_t max);
/* Sets key to a period "2018–2020" (or with human dates) from two ISO dates. */
void	page_period(struct ctx *c, tpl_dict *d, const char *key, const char *from,
	    const char *to);
/* Fills the WHEN include of d (when.tpl) from an event's dates and date notes. */
void	page_when(struct ctx *c, tpl_dict *d, const char *start, const char *end,
	    const char *note_pt, const char *note_en);

#endif
