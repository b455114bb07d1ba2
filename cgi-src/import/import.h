/*
 * import.h: load a JSON content file into the aberta database.
 *
 * Two formats are accepted, and one file may mix them:
 *  - the research format of ogp-portugal.json: top-level "members", "plans" (with
 *    "commitments" and "milestones") and "events";
 *  - the project's page format: top-level "pages" (slug, title_pt/_en, body_pt/_en).
 * Unknown top-level keys are ignored. Rows are upserted by their natural key (entity
 * slug or acronym, plan number, commitment ogp_id, milestone position, event title and
 * start date, page slug, link owner/url/kind); nothing is ever deleted, and a null or
 * absent value never erases a value already stored. Loading the same file twice changes
 * nothing, so site_state.content_version stays the same.
 */
#ifndef ABERTA_IMPORT_H
#define ABERTA_IMPORT_H

#include <stddef.h>

#include "store/db.h"

/*
 * Loads the JSON file at path into db in one transaction (BEGIN IMMEDIATE ...
 * store_commit, whose hook switches the page cache; ROLLBACK on any error). db must not
 * be inside a transaction, and the store's statements of the writable connection must
 * be prepared on it (store_prepare(STORE_RW, db, ...)).
 * Returns 0 on success. Returns -1 on error and writes a message naming the file, the
 * JSON path (e.g. plans[1].commitments[4].ogp_id) and the reason into errbuf (errlen
 * bytes, always NUL-terminated when errlen > 0); the database is then unchanged.
 */
int import_json_file(sqlite3 *db, const char *path, char *errbuf, size_t errlen);

#endif /* ABERTA_IMPORT_H */
