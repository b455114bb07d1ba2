/* load: the statements of the content loader (import/import.h), on the writable
 * connection: the store's table "load" (store_prepare(STORE_RW)).  Each SELECT has one
 * column, the id it looks up. */
#ifndef ABERTA_LOAD_H
#define ABERTA_LOAD_H
#include <stddef.h>
#include <sqlite3.h>

enum load_stmt {
	LD_ENTITY_BY_SLUG,
	LD_ENTITY_BY_ACRONYM,
	LD_ENTITY_BY_NAME,
	LD_ENTITY_INSERT,
	LD_ENTITY_UPDATE,
	LD_ENTITY_FILL_PT,
	LD_ENTITY_FILL_EN,
	LD_PLAN_UPSERT,
	LD_PLAN_ID,
	LD_COMMITMENT_UPSERT,
	LD_COMMITMENT_ID,
	LD_COMMITMENT_ENTITY,
	LD_COMMITMENT_VALUE,
	LD_AREA_UPSERT,
	LD_AREA_ID,
	LD_COMMITMENT_AREA,
	LD_MILESTONE_UPSERT,
	LD_LINK_FIND,
	LD_LINK_INSERT,
	LD_LINK_POSITION,
	LD_EVENT_FIND,
	LD_EVENT_INSERT,
	LD_EVENT_UPDATE,
	LD_PAGE_UPSERT,
	LD__MAX
};

/* Returns statement id, reset and with its bindings cleared. */
sqlite3_stmt *load_stmt(enum load_stmt id);

/* Parameters being bound to one statement; rc keeps the first binding error. */
struct binder {
	sqlite3_stmt *st;
	int           rc;
};
/* Starts binding parameters to statement id. */
struct binder load_bind(enum load_stmt id);
/* Binds text s (NULL: SQL NULL) to parameter i. */
void load_bind_text(struct binder *b, int i, const char *s);
/* Binds v to parameter i; a negative v (the loader's "absent") binds SQL NULL. */
void load_bind_int(struct binder *b, int i, long long v);
/* Runs the bound statement once: *id gets column 0 of the first row (0 when none).  The
 * statement is reset and unbound.  Returns 0, or -1 with SQLite's message in err. */
int load_run(struct binder *b, long long *id, char *err, size_t errlen);
/* The row id of the last row inserted through the loader's connection. */
long long load_last_id(void);

#endif
