/* bulk: the reads and the evidence revisions of the bulk import (see bulk.h). */
#include <stdlib.h>
#include <string.h>

#include "store/bulk.h"
#include "store/db.h"
#include "store/stmt.h"

enum {
	B_COMMITMENT,
	B_MILESTONE,
	B_PLAN,
	B_PLAN_NUMBER,
	B_PROMISING,
	B_ENTITIES,
	B_VALUES,
	B_AREAS,
	B_EVIDENCE,
	B__MAX
};

/* Every SELECT below has one column. */
enum { B_VALUE };

static const char *const bsql[B__MAX] = {
	/* B_COMMITMENT: ?1 OGP id */
	"SELECT id FROM commitment WHERE ogp_id = ?1",
	/* B_MILESTONE: ?1 commitment, ?2 position */
	"SELECT id FROM milestone WHERE commitment_id = ?1 AND position = ?2",
	/* B_PLAN: ?1 number */
	"SELECT id FROM action_plan WHERE number = ?1",
	/* B_PLAN_NUMBER: ?1 plan */
	"SELECT number FROM action_plan WHERE id = ?1",
	/* B_PROMISING: ?1 commitment */
	"SELECT irm_promising FROM commitment WHERE id = ?1",
	/* B_ENTITIES: ?1 commitment, ?2 role */
	"SELECT e.slug FROM commitment_entity ce JOIN entity e ON e.id = ce.entity_id "
	"WHERE ce.commitment_id = ?1 AND ce.role = ?2",
	/* B_VALUES: ?1 commitment */
	"SELECT value FROM commitment_value WHERE commitment_id = ?1",
	/* B_AREAS: ?1 commitment */
	"SELECT pa.slug FROM commitment_policy_area cpa JOIN policy_area pa "
	"ON pa.id = cpa.policy_area_id WHERE cpa.commitment_id = ?1",
	/* B_EVIDENCE: ?1 milestone */
	"SELECT coalesce(url, 'upload:' || upload_sha) FROM link WHERE milestone_id = ?1",
};

STORE_TABLE(store_bulk, "bulk", STORE_RW, B__MAX, bsql);

/* Steps s, bound by the caller, once.  Returns the integer of its first row: 0 when
 * there is none, -2 for NULL, -1 on error. */
static long long
first_int(sqlite3_stmt *s)
{
	long long v = 0;
	int       rc;

	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		v = db_null(s, B_VALUE) ? -2 : db_int64(s, B_VALUE);
	else if (rc != SQLITE_DONE)
		v = -1;
	sqlite3_reset(s);
	return v;
}

/* Runs statement id with the integer a as ?1. */
static long long
int_of(int id, long long a)
{
	sqlite3_stmt *s = store_stmt(&store_bulk, id);

	db_bind_int64(s, 1, a);
	return first_int(s);
}

long long
bulk_commitment_id(const char *ogp)
{
	sqlite3_stmt *s = store_stmt(&store_bulk, B_COMMITMENT);

	db_bind_text(s, 1, ogp);
	return first_int(s);
}

long long
bulk_milestone_id(long long cid, const char *pos)
{
	sqlite3_stmt *s = store_stmt(&store_bulk, B_MILESTONE);

	db_bind_int64(s, 1, cid);
	db_bind_text(s, 2, pos);
	return first_int(s);
}

long long
bulk_plan_id(long long number)
{
	return int_of(B_PLAN, number);
}

long long
bulk_plan_number(long long id)
{
	return int_of(B_PLAN_NUMBER, id);
}

long long
bulk_promising(long long cid)
{
	return int_of(B_PROMISING, cid);
}

int
bulk_list(enum bulk_list which, long long id, const char *role, char **v, size_t max, size_t *n)
{
	static const int ids[] = { B_ENTITIES, B_VALUES, B_AREAS, B_EVIDENCE };
	sqlite3_stmt    *s = store_stmt(&store_bulk, ids[which]);
	const char      *t;
	int              rc;

	*n = 0;
	db_bind_int64(s, 1, id);
	if (role != NULL)
		db_bind_text(s, 2, role);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max)
		if ((t = db_text(s, B_VALUE)) != NULL)
			v[(*n)++] = strdup(t);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}
