/* pages: the handlers of the public site, one file a family.  Only the route table
 * (http/routes.c) and the files that define them include this header.  Each handler
 * answers one route of the table: it returns an HTTP status (200, or 4xx/5xx for the
 * error page) and leaves its page in c->body, or writes c->resp itself. */
#ifndef ABERTA_PAGES_H
#define ABERTA_PAGES_H
#include <stddef.h>

#include "view/page.h"

/* home.c */
int page_home(struct ctx *c);
/* text.c: "/" (to the visitor's language), the health check and the text pages */
int page_root(struct ctx *c);
int page_health(struct ctx *c);
int page_text_ogp(struct ctx *c);
int page_text_accessibility(struct ctx *c);
/* members.c */
int page_network(struct ctx *c);
int page_member(struct ctx *c);
/* plans.c */
int page_plans_list(struct ctx *c);
int page_plans_show(struct ctx *c);
/* commitments.c */
int page_commitments_show(struct ctx *c);
/* listing.c: the commitments listing, which answers in JSON and CSV itself (c->fmt) */
int page_commitments_list(struct ctx *c);
/* search.c: the search page, and its results as JSON and CSV (the route's data
 * column; the dataset search_result) */
int page_search(struct ctx *c);
int page_data_search(struct ctx *c);
/* openapi.c: /data/openapi.json, the OpenAPI 3.1 description of the open data
 * (view/openapi.h); 404 in any other format */
int page_data_openapi(struct ctx *c);
/* asof.c: a plan's dated snapshot (/plans/N/as-of/YYYY-MM-DD), its JSON and CSV, and
 * the list of a plan's snapshots on its page (HAS_SNAPSHOTS with SNAPSHOT, or
 * NO_SNAPSHOTS, in b; plan number c->num) */
int  page_plans_asof(struct ctx *c);
int  page_data_plans_asof(struct ctx *c);
void page_plan_snapshots(struct ctx *c, tpl_dict *b);
/* history.c */
int page_commitments_history(struct ctx *c);
int page_plans_history(struct ctx *c);
/* A history value as readers see it: enum codes translated, progress with %. */
void page_history_value(
    struct ctx *c, const char *tbl, const char *col, const char *v, char *out, size_t len);
/* events.c */
int page_events_list(struct ctx *c);
int page_events_show(struct ctx *c);
/* uploads.c: a stored document, by its SHA-256: to everyone (/uploads/<sha>), to the
 * staff (/admin/uploads/<sha>/file, an admin route) */
int page_upload_get(struct ctx *c);
int page_upload_staff(struct ctx *c);
/* syndication.c: robots.txt, the sitemap, the Atom feeds, iCalendar and the badge */
int page_robots(struct ctx *c);
int page_sitemap(struct ctx *c);
int page_feed_site(struct ctx *c);
int page_feed_plan(struct ctx *c);
int page_feed_commitment(struct ctx *c);
int page_feed_member(struct ctx *c);
int page_feed_value(struct ctx *c);
int page_ics_all(struct ctx *c);
int page_ics_event(struct ctx *c);
/* 1 when an event starting on start (NULL: undated) can be an iCalendar entry: only a
 * full date (YYYY-MM-DD) gives the day an all-day entry needs, a year or a month does not. */
int page_ics_has_day(const char *start);
int page_badge(struct ctx *c);
/* consultations.c: co-creation */
int page_consultations_list(struct ctx *c);
int page_consultations_show(struct ctx *c);
int page_submit_proposal(struct ctx *c);
int page_submit_consultation_comment(struct ctx *c);
int page_submit_commitment_comment(struct ctx *c);
int page_submissions_sent(struct ctx *c);
int page_submission_confirm(struct ctx *c);
int page_submission_withdraw(struct ctx *c);
/* Fills the co-creation part of commitment id's page into b: the proposals it came
 * from (ORIGINS), the published comments (HAS_SUBS) and the comment form (FORM). */
void page_commitment_cocreation(struct ctx *c, tpl_dict *b, long long id, const char *ogp_id);
/* follow.c: following by email, without an account (store/follow.h), and the privacy
 * page: the POST of the form, the page that follows it, the confirmation, the
 * management page, the one-click unsubscribe (RFC 8058) */
int page_follow(struct ctx *c);
int page_follow_sent(struct ctx *c);
int page_follow_confirm(struct ctx *c);
int page_follow_manage(struct ctx *c);
int page_follow_unsubscribe(struct ctx *c);
int page_privacy(struct ctx *c);
/* Includes the form to follow a thing by email into b as FOLLOW (follow_form.tpl): kind
 * site, plan, commitment or entity, and its public key (the plan's number, the OGP id,
 * the body's slug; NULL for the site).  The language chosen is the page's. */
void page_follow_form(struct ctx *c, tpl_dict *b, const char *kind, const char *key);
/* data.c: open data.  The /{lang}/data page, the bulk tables under /data/ (HTML
 * handler and data handler at once) and the DCAT-AP catalogue; */
int page_data(struct ctx *c);
int page_data_file(struct ctx *c);
int page_data_catalog(struct ctx *c);
/* dictionary.c: the data dictionary, /{lang}/data/dictionary (the parts of /{lang}/data
 * that say what each dataset and field holds) */
int page_data_dictionary(struct ctx *c);
/* and the data handlers of the pages that also answer in JSON and CSV (the route's
 * data column): each answers c in c->fmt with the same statements as its page. */
int page_data_plans_list(struct ctx *c);
int page_data_plans_show(struct ctx *c);
int page_data_commitment(struct ctx *c);
int page_data_network(struct ctx *c);
int page_data_member(struct ctx *c);
int page_data_events_list(struct ctx *c);
int page_data_event(struct ctx *c);
int page_data_consultations_list(struct ctx *c);
int page_data_consultation(struct ctx *c);

#endif
