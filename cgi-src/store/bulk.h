/* bulk: the rows the bulk import (import/bulkimport.h) reads besides the records
 * themselves, and its evidence revisions: the store's table "bulk" on the writable
 * connection (store_prepare(STORE_RW)).  The records are read and written through the
 * editing engine (store/edit.h). */
#ifndef ABERTA_BULK_H
#define ABERTA_BULK_H
#include <stddef.h>

/* The commitment with OGP id ogp.  Returns its id, 0 when there is none, -1 on error. */
long long bulk_commitment_id(const char *ogp);
/* The milestone of commitment cid at position pos (as written in the file).  Returns its
 * id, 0 when there is none, -1 on error. */
long long bulk_milestone_id(long long cid, const char *pos);
/* The plan numbered number.  Returns its id, 0 when there is none, -1 on error. */
long long bulk_plan_id(long long number);
/* The number of plan id.  Returns it, 0 when there is none, -1 on error. */
long long bulk_plan_number(long long id);
/* The IRM's "promising" of commitment cid.  Returns 0 or 1, -2 when unknown (NULL),
 * 0 when there is no such commitment, -1 on error. */
long long bulk_promising(long long cid);

/* The lists a row of the file is compared with. */
enum bulk_list {
	BULK_ENTITIES, /* slugs of the bodies of commitment id in role (lead, support) */
	BULK_VALUES,   /* OGP values of commitment id */
	BULK_AREAS,    /* slugs of the policy areas of commitment id */
	BULK_EVIDENCE  /* evidence of milestone id: addresses, "upload:<sha256>" */
};
/* Reads list which of row id (role: for BULK_ENTITIES, else NULL) into v: at most max
 * values, malloc'd, unsorted; *n gets their number.  Returns 0 or -1. */
int bulk_list(
    enum bulk_list which, long long id, const char *role, char **v, size_t max, size_t *n);

#endif
