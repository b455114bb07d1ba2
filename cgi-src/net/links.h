/*
 * links: the database side of aberta-admin links check and links archive (migration 5).
 *
 * links_check visits every distinct address of the url_use view and records each result
 * in link_check, all in one transaction at the end: a row whose result is the same as
 * before keeps every column but checked_at; rows of addresses no longer used are
 * removed.  links_archive fetches the documents plans (their document, document and IRM
 * report links) and milestone evidence cite, checks each by its content (the upload
 * allow-list: PDF, ODT, DOCX, PNG, JPEG; and HTML pages), stores it once under its SHA-256 in the upload
 * folder and records it in link_archive, one transaction per document.  Each commit
 * goes through store_commit, whose hook publishes a new page-cache generation when a
 * citizen-visible state changed (the triggers of migration 5 bump the content version).
 * db must be the connection the store's STORE_RW tables were prepared on
 * (store_prepare; store/linkstate.h).
 */
#ifndef ABERTA_LINKS_H
#define ABERTA_LINKS_H
#include <stdio.h>

#include "net/linkcheck.h"
#include "store/db.h"

/* What a run did. */
struct links_report {
	size_t total;                /* addresses visited */
	size_t ok, redirect, broken; /* check: results */
	size_t changed; /* check: rows whose result changed; archive: copies recorded */
	size_t removed; /* check: rows of addresses no longer used */
	size_t failed;  /* archive: documents not archived */
	size_t same;    /* archive: fetched again, the same bytes as the copy kept */
};

/* Checks every address; lines for the broken ones go to out.  now: the run's time,
 * "YYYY-MM-DDTHH:MM:SSZ".  Returns 0, or -1 after printing why on stderr (nothing
 * recorded). */
int links_check(
    sqlite3 *db, const struct lc_opts *o, const char *now, FILE *out, struct links_report *rep);
/* Archives the cited documents into dir (the upload folder): those without a copy, or
 * all of them when refresh.  A line per document not archived goes to out.  Returns 0,
 * or -1 after printing why. */
int links_archive(sqlite3 *db, const struct lc_opts *o, const char *dir, int refresh,
    const char *now, FILE *out, struct links_report *rep);

#endif
