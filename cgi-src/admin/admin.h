/* admin: the handlers of the staff pages (/admin/), one file a family, and the frame
 * they share.  Only the route table (http/routes.c) and the admin pages include this
 * header.  The route table says who may reach each one; the dispatcher checks the
 * session, the second factor, the role and (for a POST) the anti-CSRF token before the
 * handler runs, and hands it the writable connection (c->rw). */
#ifndef ABERTA_ADMIN_H
#define ABERTA_ADMIN_H

#include "lib/buf.h"
#include "store/adminlist.h"
#include "view/page.h"

/* admin_auth.c: logging in and out, the second factor */
int page_admin_login(struct ctx *c);
int page_admin_logout(struct ctx *c);
int page_admin_2fa(struct ctx *c);
int page_admin_2fa_enrol(struct ctx *c);
/* admin_home.c */
int page_admin_home(struct ctx *c);
/* admin_lists.c: the records of a kind, searched, filtered, sorted and paged */
int page_admin_list(struct ctx *c);
/* admin_listrun.c: what every staff list shares.  A list's request: its address (with
 * what chooses the list, "/admin/audit?log=changes"), its query (store/adminlist.h) read
 * from the address, the search's parameter, the note {{>LISTNOTE}} that says what the
 * address got wrong (bad: how many values) or that the page asked is past the last, and
 * after page_admin_list_run the rows kept (matched) of all. */
struct admin_list {
	const char     *path;
	const char     *qname;
	struct al_query q;
	char            qbuf[AL_Q_MAX + 1];
	tpl_dict       *note, *err;
	int             bad;
	long long       matched, all;
};
/* Reads list l's search (parameter qname), filters, order and page from the address
 * into a, at path; fills {{>LISTNOTE}} of b with what it refuses (a->bad; b NULL: only
 * counted, for a form's POST read before its page). */
void page_admin_list_read(struct ctx *c, tpl_dict *b, struct admin_list *a, enum al_list l,
    const char *path, const char *qname);
/* Runs a: row(arg, s) for each row of its page (the last page, with a note, when a asks
 * past it), the counts into a, the pager of b.  Returns the rows of the page, or -1 when
 * the database failed (answer 503: never a part of a list). */
int page_admin_list_run(struct ctx *c, tpl_dict *b, struct admin_list *a,
    void (*row)(void *arg, sqlite3_stmt *s), void *arg);
/* Appends to u the address of a's state, without filter skip (ALF__MAX: every one) and
 * without the page. */
void page_admin_list_url(struct buf *u, const struct admin_list *a, int skip);
/* Writes n with a no-break space between thousands ("20 000") into out; returns out. */
const char *page_admin_count(long long n, char out[32]);
/* Sets HEADCOUNT of b, the counts after a list's heading, from the list a has run:
 * ": N noun" (noun "" for none), with " (de ALL)" when a search or a filter is on. */
void page_admin_headcount(tpl_dict *b, const struct admin_list *a, const char *noun);
/* Sets CAPTION of t, the rows of the page of a shown (n of them, from the list a has
 * run): "what FIRST a LAST de N", with " (entre ALL)" when a search or a filter is on. */
void page_admin_caption(tpl_dict *t, const struct admin_list *a, const char *what, int n);
/* The scope of the lists for the staff member of c (struct al_query's body): a member
 * editor's body, -1 (nothing) for a member editor without one, 0 (everything) for the
 * others. */
long long page_admin_scope(const struct ctx *c);
/* Fills {{>PAGER}} of the staff list b: page of pages, a nav labelled label whose links
 * are url (the list's address with its state, without page) with page=N. */
void page_admin_pager(
    tpl_dict *b, const char *label, const char *url, long long page, long long pages);
/* admin_edit.c: the records created, edited and deleted */
int page_admin_new(struct ctx *c);
int page_admin_edit(struct ctx *c);
int page_admin_delete(struct ctx *c);
/* admin_workspace.c: the workspace of a commitment, below its form: its milestones in
 * order, saved several at once with one evidence or one each, added and reordered */
struct ws_echo; /* a refused save of the milestones, shown back */
/* Fills the workspace of commitment cid into its form page b (admin_form.tpl's WS_TOP
 * and WORKSPACE): the link to its public page by its stored OGP id ogp_id (NULL: none),
 * the stored milestones, or those of echo (NULL: none) with their messages. */
void page_admin_workspace(
    struct ctx *c, tpl_dict *b, long long cid, const char *ogp_id, const struct ws_echo *echo);
int page_admin_ws_save(struct ctx *c);
int page_admin_ws_add(struct ctx *c);
int page_admin_ws_move(struct ctx *c);
/* admin_relations.c: a commitment's bodies, values and areas */
int page_admin_relations(struct ctx *c);
/* admin_review.c: member editors' drafts, approved or returned */
int page_admin_reviews(struct ctx *c);
int page_admin_review_approve(struct ctx *c);
int page_admin_review_return(struct ctx *c);
/* admin_rounds.c: reporting rounds: the list and the opening form, a round's board, its
 * reminders by hand and its closing */
int page_admin_rounds(struct ctx *c);
int page_admin_round(struct ctx *c);
int page_admin_round_remind(struct ctx *c);
int page_admin_round_close(struct ctx *c);
/* admin_users.c: staff accounts */
int page_admin_users(struct ctx *c);
int page_admin_user_new(struct ctx *c);
int page_admin_user(struct ctx *c);
int page_admin_user_action(struct ctx *c);
/* admin_audit.c */
int page_admin_audit(struct ctx *c);
/* admin_throttle.c: the pressure on the staff's logins, and its lifting */
int page_admin_logins(struct ctx *c);
int page_admin_logins_lift(struct ctx *c);
/* admin_import.c: the bulk import */
int page_admin_import(struct ctx *c);
/* admin_links.c: the link checker's findings */
int page_admin_links(struct ctx *c);
/* admin_subscriptions.c: the email alerts counted (focal points and administrators; never
 * an address), and one address looked up by an administrator (a POST, audited) */
int page_admin_subscriptions(struct ctx *c);
int page_admin_subscriptions_lookup(struct ctx *c);
/* admin_sources.c: the sources and evidence of plans, commitments, milestones, bodies and
 * events: listed, added, reordered (/admin/<kind>/N/sources), corrected
 * (/admin/sources/L) and removed (/admin/sources/L/delete) */
int page_admin_sources(struct ctx *c);
int page_admin_sources_order(struct ctx *c);
int page_admin_source(struct ctx *c);
int page_admin_source_delete(struct ctx *c);
/* Shows section SOURCES of a record's form b (admin_form.tpl: HREF, the record's sources
 * and evidence, and N, how many) for record id of kind slug, when the staff member may
 * edit them there (not a member editor; a commitment's workspace has its own link). */
void page_admin_sources_link(struct ctx *c, tpl_dict *b, const char *slug, long long id);
/* admin_uploads.c: a stored document's page (/admin/uploads/<sha>): its facts, who
 * cites it, the link to the file, and its withdrawal (POST, a reason required, for
 * administrators and focal points) */
int page_admin_upload(struct ctx *c);
/* admin_submissions.c: moderation of what citizens sent */
int page_admin_submissions(struct ctx *c);
/* The citizen's text above the answer form of submission id (admin_form.tpl CITIZEN). */
void page_admin_submission_panel(struct ctx *c, tpl_dict *b, long long id);
/* admin_page.c: starts a staff page: the admin layout, the staff member and the menu
 * their role sees, body template tplfile and title; returns the body's dictionary. */
tpl_dict *page_admin_body(struct ctx *c, const char *tplfile, const char *title);
/* Shows a status message at the top of a staff page. */
void page_flash(struct ctx *c, const char *text);

#endif
