/*
 * sources: the sources and evidence of a record as the staff add, correct, remove and
 * reorder them (the link table: sql/schema.sql, migrations 3 and 5).  A link has one
 * owner (a plan, a commitment, a milestone, a body or an event), a kind among those its
 * owner may have, an outside http(s) address or (a milestone's evidence) an uploaded
 * document, and a text in each language.  Every change is one IMMEDIATE transaction that
 * ends in store_commit: the row, then its revision rows (table "link", with the
 * commitment and plan the owner belongs to, so that their public History pages show
 * them).  A correction or a removal is refused, nothing written, when the link no
 * longer holds the values its form was opened on (another editor changed it); a reorder
 * when the order moved since the page was shown.
 *
 * The link checker needs nothing more: `aberta-admin links check` visits every address
 * of the url_use view (migrations 5 and 11), the link table's among them, so a new or
 * corrected address is checked on its next run, and `links archive` copies the
 * documents of plans and milestone evidence that have no copy yet.  What they record
 * (link_check, link_archive) is keyed by the address: an old address's result and copy
 * are never shown for the new one, which stays "not yet checked" until that run.
 */
#ifndef ABERTA_SOURCES_H
#define ABERTA_SOURCES_H
#include <stddef.h>
#include <sqlite3.h>

#define SRC_LABEL_MAX 500  /* bytes of a link's text in one language */
#define SRC_URL_MAX   2048 /* bytes of an address (the link table's limit) */
#define SRC_LINKS_MAX 200  /* links of one record that a reorder handles */

/* A kind of record that has links. */
struct src_owner {
	const char        *slug;    /* /admin/<slug>: "plans" */
	const char        *col;     /* its column in link: "plan_id" */
	const char        *name;    /* "plano", for messages */
	const char        *plural;  /* "Planos", for the crumbs */
	const char *const *kinds;   /* the kinds of link it may have, NULL-ended */
	int                uploads; /* 1: a link may be an uploaded document */
};

/* The owner kind of the admin address /admin/<slug>/N, or NULL. */
const struct src_owner *sources_owner(const char *slug);
/* 1 when owner kind o may have links of kind kind, else 0. */
int sources_kind_ok(const struct src_owner *o, const char *kind);

/* One record with links: its kind and id, a name for headings ("Compromisso PT0013",
 * "Marco 2 de PT0013"), its public page ("" when it has none), and the commitment and
 * plan whose History shows the changes of its links (0: none). */
struct src_record {
	const struct src_owner *o;
	long long               id;
	char                    name[240];
	char                    page[96];
	long long               commitment_id;
	long long               plan_id;
};

/* Loads record id of kind o into r.  Returns 1, 0 when there is none, -1 on error. */
int sources_record(const struct src_owner *o, long long id, struct src_record *r);

/* The columns of sources_list: the link, its kind, address (NULL for an upload), upload
 * (NULL for an address), texts, position; what the link checker found (NULL: not yet
 * checked): result, HTTP status, final address, the failure's detail, when, broken
 * since (a day);
 * the archived copy (NULL: none) and the day it was fetched; an upload's name. */
enum {
	SRCL_ID,
	SRCL_KIND,
	SRCL_URL,
	SRCL_SHA,
	SRCL_LABEL_PT,
	SRCL_LABEL_EN,
	SRCL_POSITION,
	SRCL_RESULT,
	SRCL_STATUS,
	SRCL_FINAL,
	SRCL_ERROR,
	SRCL_CHECKED,
	SRCL_SINCE,
	SRCL_ARCHIVE_SHA,
	SRCL_ARCHIVED,
	SRCL_UPLOAD_NAME
};
/* The links of r in their order (position, then id), bound and ready to step. */
sqlite3_stmt *sources_list(const struct src_record *r);
/* Writes the ids of r's links in their order, comma-separated, into out (what a page
 * shows, for sources_move).  Returns the number of links, or -1 on error or when out
 * is too small. */
int sources_order(const struct src_record *r, char *out, size_t outlen);
/* Writes the link ids ids[0..n) comma-separated into out, as sources_order does (for a
 * page that steps sources_list itself).  Returns 0, or -1 when they do not fit. */
int sources_order_text(const long long *ids, int n, char *out, size_t outlen);

/* A link as stored; the strings are malloc'd, NULL when empty. */
struct src_link {
	long long               id;
	const struct src_owner *o;
	long long               owner_id;
	char                   *kind;
	char                   *url;
	char                   *sha;
	char                   *label_pt;
	char                   *label_en;
};

/* Loads link id into l.  Returns 1, 0 when there is none, -1 on error. */
int sources_load(long long id, struct src_link *l);
/* Frees the strings of l. */
void sources_link_free(struct src_link *l);

/* A link's editable values as a form gives them (NULL or "": empty). */
struct src_values {
	const char *kind;
	const char *url;
	const char *label_pt;
	const char *label_en;
};

/* Who changes links: the staff member and the name the revision log keeps. */
struct src_actor {
	long long   staff_id;
	const char *name;
};

/* Adds a link to r after its others: kind, address and texts v, or (v->url empty) the
 * uploaded document sha (a milestone's evidence, added through edit_add_evidence).
 * The new id goes to *id.  Returns 0, or -1 (nothing written). */
int sources_add(sqlite3 *rw, const struct src_record *r, const struct src_values *v,
    const char *sha, const struct src_actor *a, long long *id);
/* Sets link id to v (kind, texts, and its address unless it is an upload), provided
 * it still holds was.  Returns 0, 1 when it changed since or is gone (nothing
 * written), -1 on error. */
int sources_correct(sqlite3 *rw, long long id, const struct src_values *was,
    const struct src_values *v, const struct src_actor *a);
/* Removes link id, provided it still holds was; the revision rows keep what it held.
 * Returns 0, 1 when it changed since or is gone, -1 on error. */
int sources_remove(
    sqlite3 *rw, long long id, const struct src_values *was, const struct src_actor *a);
/* Moves link id of r one place up (up 1) or down (0), provided r's links are still in
 * the order seen (as sources_order wrote it).  Only the positions that change are
 * written, each with its revision row.  Returns 0, 1 when the order changed since, 2
 * when the link is not r's or cannot move that way, -1 on error. */
int sources_move(sqlite3 *rw, const struct src_record *r, long long id, int up, const char *seen,
    const struct src_actor *a);

/* The address of the form where the use of url at field of a record is corrected, as
 * the staff's links page lists the uses (store/links_report.h: LRU_EDIT is the record's
 * form "/admin/<slug>/<id>", LRU_FIELD "link:<kind>" or a column): for a link, its
 * correction form at the address field (/admin/sources/L#url); for a column of the
 * record's form, that form at the field (#f-<column>); else the record's form.
 * Written into out. */
void sources_edit_href(
    const char *form, const char *field, const char *url, char *out, size_t outlen);

#endif
