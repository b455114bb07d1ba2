/* render: what the dispatcher puts around a handler's page: the layout (language links,
 * canonical addresses, navigation, the links to the data formats) and the error pages. */
#ifndef ABERTA_RENDER_H
#define ABERTA_RENDER_H

#include "http/routes.h"

/* Renders the layout with the page in c->body into c->resp->body, nav being the current
 * navigation entry.  Returns 0, or -1 (the body is then empty). */
int render_page(struct ctx *c, enum nav nav);
/* Replaces whatever was built with the error page for status; key is the message (an
 * i18n key), allow the Allow header of a 405 (else NULL).  Falls back to a plain text
 * answer when the page cannot be rendered. */
void render_error(struct ctx *c, int status, const char *key, const char *allow);
/* The answer when the database failed a request: 503 with a message that names the
 * storage fault when one is known (another writer holds the lock, the database is
 * read-only, the disk is full, an I/O error: nothing was changed), else 500; and a log
 * line with SQLite's own message, saying where (e.g. "on"). */
void render_db_error(struct ctx *c, const char *where);
/* The links to the data formats of an HTML page: <link rel="alternate"> in the head,
 * and the DATA_LINKS of the layout. */
void render_data_links(struct ctx *c);

#endif
