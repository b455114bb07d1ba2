/* impl: what the parts of the content loader share (import.c reads the file and keeps the
 * JSON path and the first error; seed.c and seedcmt.c load the format aberta-content/2).
 * Not for use outside cgi-src/import/. */
#ifndef ABERTA_IMPL_H
#define ABERTA_IMPL_H
#include <stddef.h>

#include <jansson.h>

#include "store/db.h"
#include "store/load.h"

#define IMP_PATH_MAX 256 /* bytes of a JSON path in messages */

/* The import in progress. */
struct imp {
	const char *file;               /* file name, for messages */
	const char *text;               /* the file's bytes, for the line of an error */
	size_t      len;                /* their count */
	char       *err;                /* caller's error buffer */
	size_t      errlen;             /* its size */
	int         failed;             /* a message was written */
	char        path[IMP_PATH_MAX]; /* JSON path of the item being read */
	size_t      plen;               /* its length */
};

/* The owner columns of a link, in LD_LINK_FIND's order (parameters 3 to 7). */
enum { OWN_PLAN, OWN_COMMITMENT, OWN_MILESTONE, OWN_ENTITY, OWN_EVENT };

/* An item callback of imp_each: item idx of the array. 0, or -1 (message written). */
typedef int (*imp_item_fn)(struct imp *im, json_t *item, size_t idx, void *arg);

/* Writes "FILE:LINE:COL: PATH[.key]: message" (the first message only) and returns -1.
 * key may be NULL (the current path itself). */
int imp_fail(struct imp *im, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Calls fn for each item of the array obj[key] (absent or null: none), with the path
 * extended by key[i].  Returns 0, or the first -1. */
int imp_each(struct imp *im, json_t *obj, const char *key, imp_item_fn fn, void *arg);
/* Runs the bound statement (load_run); *id (may be NULL) gets column 0 of its row, 0 when
 * none.  Returns 0, or -1 with the database's message. */
int imp_run(struct imp *im, struct binder *b, long long *id);

/* The string obj[key], or NULL when it is null or absent (the schema checked the types). */
const char *imp_str(json_t *obj, const char *key);
/* The integer obj[key], or -1 when it is null or absent. */
long long imp_int(json_t *obj, const char *key);
/* obj[key] as 1 (true), 0 (false) or -1 (null or absent). */
long long imp_bool(json_t *obj, const char *key);

/* Loads a file of format aberta-content/2 (root, already validated against its schema)
 * inside the caller's transaction.  Returns 0, or -1 (message written). */
int seed_load(struct imp *im, json_t *root);
/* Loads root["commitments"] (bodies and plans are loaded).  Returns 0, or -1. */
int seed_commitments(struct imp *im, json_t *root);
/* The id of the body with this slug; writes "unknown body" for key and returns -1 when
 * there is none. */
int seed_entity(struct imp *im, const char *key, const char *slug, long long *id);
/* Adds (or updates the label and position of) the link of kind at url owned by the row
 * id of owner column col (OWN_PLAN ... OWN_EVENT), labelled title.
 * Returns 0, or -1. */
int seed_link(struct imp *im, int col, long long id, const char *kind, const char *url,
    const char *title, int position);
/* Binds one item's own columns to the insert b, from parameter 3 on (the owner's id and
 * the item's position are 1 and 2).  0, or -1 (message written). */
typedef int (*seed_bind_fn)(struct imp *im, struct binder *b, json_t *item);
/* Replaces the child rows of the row id: runs clear (?1 id), then add once per item of
 * the array items (NULL or absent: none) with ?1 id, ?2 its position from 1, and the rest
 * from bind.  Returns 0, or -1. */
int seed_replace(struct imp *im, enum load_stmt clear, enum load_stmt add, long long id,
    json_t *items, seed_bind_fn bind);
/* Adds the sources array obj["sources"] ({url, title}) as links of kind "source" of the
 * owner, from position first on.  Returns the next position, or -1. */
int seed_sources(struct imp *im, json_t *obj, int col, long long id, int first);
/* A slug for a policy area from its English label into out: lower case, runs of
 * anything but letters and digits as one '-'. */
void seed_area_slug(const char *label, char *out, size_t cap);
/* The stored code of s in domain d (a code, or one of its aliases), or NULL. */
const char *seed_code(int d, const char *s);

#endif
