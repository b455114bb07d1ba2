#include "store/db.h"
#include "store/review.h"
#include "store/stmt.h"

/* The statements behind the functions of review.h, after those of enum review_stmt. */
enum {
	RV_REACH = RV__MAX, /* 1 when body ?3 leads or supports record ?2 of kind ?1 */
	RV_DRAFT_ADD,       /* staff ?1, kind ?2, row ?3 (0: new), version ?4, payload ?5 */
	RV_DECIDE,          /* draft ?1: status ?2, reviewer ?3, comment ?4 */
	RV__ALL
};

static const char *const sqls[RV__ALL] = {
	/* RV_DRAFT */
	"SELECT d.id, d.staff_id, s.name, d.tbl, coalesce(d.row_id, 0), "
	"coalesce(d.base_version, 0), d.payload FROM draft d JOIN staff s ON s.id = "
	"d.staff_id WHERE d.id = ?1 AND d.status = 'pending'",
	/* RV_REACH: a commitment's own id, a milestone's commitment; another kind, none */
	"SELECT 1 FROM commitment_entity WHERE entity_id = ?3 AND commitment_id = CASE ?1 "
	"WHEN 'commitments' THEN ?2 WHEN 'milestones' THEN (SELECT commitment_id FROM "
	"milestone WHERE id = ?2) END",
	/* RV_DRAFT_ADD */
	"INSERT INTO draft (staff_id, tbl, row_id, base_version, payload) VALUES (?1, ?2, "
	"nullif(?3, 0), ?4, ?5)",
	/* RV_DECIDE */
	"UPDATE draft SET status = ?2, reviewer_id = ?3, comment = ?4, decided_at = "
	"strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1 AND status = 'pending'",
};

STORE_TABLE(store_review, "review", STORE_RW, RV__ALL, sqls);

sqlite3_stmt *
review_stmt(enum review_stmt id)
{
	return store_stmt(&store_review, id);
}

int
review_member_owns(long long cid, long long entity)
{
	return review_member_reaches("commitments", cid, entity);
}

int
review_member_reaches(const char *kind, long long id, long long entity)
{
	sqlite3_stmt *s = store_stmt(&store_review, RV_REACH);
	int           ok;

	db_bind_text(s, 1, kind);
	db_bind_int64(s, 2, id);
	db_bind_int64(s, 3, entity);
	ok = db_step(s) == SQLITE_ROW;
	db_reset(s);
	return ok;
}

int
review_draft_add(
    long long staff_id, const char *kind, long long row_id, long long version, const char *payload)
{
	sqlite3_stmt *s = store_stmt(&store_review, RV_DRAFT_ADD);

	db_bind_int64(s, 1, staff_id);
	db_bind_text(s, 2, kind);
	db_bind_int64(s, 3, row_id);
	db_bind_int64(s, 4, version);
	db_bind_text(s, 5, payload);
	return store_run(s);
}

int
review_draft_decide(long long id, const char *status, long long reviewer, const char *comment)
{
	sqlite3_stmt *s = store_stmt(&store_review, RV_DECIDE);

	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, status);
	db_bind_int64(s, 3, reviewer);
	db_bind_text(s, 4, comment);
	return store_run(s) == 0 && db_changes(s) == 1 ? 0 : -1;
}
