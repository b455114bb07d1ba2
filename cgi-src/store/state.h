/* state: the content's version, as the page cache and the validators of the public pages
 * read it, and the read transaction a public page is read in (so that the version it is
 * published under is the version of its data). */
#ifndef ABERTA_STATE_H
#define ABERTA_STATE_H
#include <stddef.h>

struct sqlite3;

/* The content version and the time of its last change (ISO 8601 UTC into changed, ""
 * when not recorded), through the read-only connection.  Returns 0, or -1 when it cannot
 * be read (a failure is recorded, db_failed). */
int store_state(long long *version, char *changed, size_t len);
/* The content version read through db (any connection: it is prepared for this one
 * read), or -1 when it cannot be read. */
long long store_content_version(struct sqlite3 *db);
/* Begins the read transaction of a public page on the read-only connection.  Returns 0,
 * or -1 when it could not begin (nothing recorded: the page is then read without it). */
int store_read_begin(void);
/* Ends that read transaction. */
void store_read_end(void);

#endif
