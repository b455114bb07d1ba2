/* linkstate: what the link checker and the document archive record (migration 5): one
 * link_check row per outside address the site shows, one link_archive row per document
 * kept.  The statements are in the table store_linkstate (STORE_RW): call these on the
 * connection that store_prepare prepared it on, the writes inside the caller's
 * transaction.  A failure is recorded (db_failed, db_last_error). */
#ifndef ABERTA_LINKSTATE_H
#define ABERTA_LINKSTATE_H
#include <stddef.h>
#include <sqlite3.h>

/* Which addresses a run visits. */
enum linkstate_urls {
	LS_CHECK,   /* every outside address the site shows */
	LS_ARCHIVE, /* the documents plans and milestone evidence cite, without a copy */
	LS_REFRESH  /* the same documents, all of them */
};

/* The result of one check, as recorded. */
struct link_result {
	const char *url;
	const char *result;    /* "ok", "redirect" or "broken" */
	long        status;    /* HTTP status, 0: none */
	const char *final_url; /* after the redirects; NULL or "": none */
	const char *failure;   /* the failure's name; NULL or "": none */
	const char *error;     /* its message; NULL or "": none */
};

/* Reads the addresses which (at most 2048 bytes each, in order) into *v, n strings
 * (malloc'd, like the array; free with linkstate_urls_free).  Returns 0, -1 on a
 * database error, -2 when memory ran out (*v and *n are then empty). */
int linkstate_urls(enum linkstate_urls which, char ***v, size_t *n);
/* Frees what linkstate_urls gave. */
void linkstate_urls_free(char **v, size_t n);
/* Returns 1 when the recorded result of r->url is r, else 0 (none recorded, or a
 * database error). */
int linkstate_same(const struct link_result *r);
/* Records r, checked at now: a changed result moves changed_at; broken_since is kept
 * while the address stays broken.  Returns 0 or -1. */
int linkstate_save(const struct link_result *r, const char *now);
/* Deletes the results of the addresses no longer used.  Returns the number deleted, or
 * -1. */
int linkstate_prune(void);
/* Records the copy sha of url, fetched at now.  Returns 1 when the row changed, 0 when
 * it already held that copy, -1 on a database error. */
int linkstate_archived(const char *url, const char *sha, const char *now);

#endif
