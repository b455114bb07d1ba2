/* workspace: the reads of the commitment workspace and the move of a milestone (see
 * workspace.h). */
#include <stdio.h>

#include "store/db.h"
#include "store/edit.h"
#include "store/stmt.h"
#include "store/workspace.h"

/* The statements behind the functions of workspace.h, after those of enum ws_stmt. */
enum {
	WS_NEXT = WS__MAX, /* ?1 commitment: the position a new milestone takes */
	WS_ROW,            /* ?1 milestone, ?2 commitment: its position, version and plan */
	WS_NEIGHBOUR,      /* ?1 commitment, ?2 position, ?3 direction: the milestone next to it */
	WS_PARK,           /* ?1 milestone: its position set aside (negative, so free) */
	WS_PLACE,          /* ?1 milestone, ?2 position: set, version bumped */
	WS__ALL
};
enum { WSR_POSITION, WSR_VERSION, WSR_PLAN }; /* the columns of WS_ROW */
enum { WSN_ID, WSN_POSITION };                /* the columns of WS_NEIGHBOUR */

static const char *const sqls[WS__ALL] = {
	/* WS_MILESTONES */
	"SELECT m.id, m.position, (SELECT count(*) FROM draft d WHERE d.status = 'pending' "
	"AND d.tbl = 'milestones' AND d.row_id = m.id) FROM milestone m WHERE "
	"m.commitment_id = ?1 ORDER BY m.position",
	/* WS_EVIDENCE */
	"SELECT coalesce(url, '/admin/uploads/' || upload_sha), coalesce(label_pt, label_en) FROM "
	"link WHERE milestone_id = ?1 AND kind = 'evidence' ORDER BY position, id",
	/* WS_NEW_DRAFTS */
	"SELECT count(*) FROM draft WHERE status = 'pending' AND tbl = 'milestones' AND "
	"row_id IS NULL AND json_valid(payload) AND "
	"CAST(json_extract(payload, '$.commitment_id') AS INTEGER) = ?1",
	/* WS_NEXT */
	"SELECT coalesce(max(position), 0) + 1 FROM milestone WHERE commitment_id = ?1",
	/* WS_ROW */
	"SELECT m.position, m.version, c.plan_id FROM milestone m JOIN commitment c ON c.id = "
	"m.commitment_id WHERE m.id = ?1 AND m.commitment_id = ?2",
	/* WS_NEIGHBOUR */
	"SELECT id, position FROM milestone WHERE commitment_id = ?1 AND CASE WHEN ?3 < 0 "
	"THEN position < ?2 ELSE position > ?2 END ORDER BY CASE WHEN ?3 < 0 THEN -position "
	"ELSE position END LIMIT 1",
	/* WS_PARK */
	"UPDATE milestone SET position = -position WHERE id = ?1",
	/* WS_PLACE */
	"UPDATE milestone SET position = ?2, version = version + 1, updated_at = "
	"strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
};

STORE_TABLE(store_workspace, "workspace", STORE_RW, WS__ALL, sqls);

sqlite3_stmt *
ws_stmt(enum ws_stmt id)
{
	return store_stmt(&store_workspace, id);
}

long long
ws_next_position(long long cid)
{
	sqlite3_stmt *s = store_stmt(&store_workspace, WS_NEXT);
	long long     pos;

	db_bind_int64(s, 1, cid);
	pos = db_row(s) == 1 ? db_int64(s, 0) : -1;
	db_reset(s);
	return pos;
}

/* Sets milestone mid's position to pos (WS_PLACE), or sets it aside (pos 0: WS_PARK).
 * Returns 0 or -1. */
static int
place(long long mid, long long pos)
{
	sqlite3_stmt *s = store_stmt(&store_workspace, pos != 0 ? WS_PLACE : WS_PARK);

	db_bind_int64(s, 1, mid);
	if (pos != 0)
		db_bind_int64(s, 2, pos);
	return store_run(s) == 0 && db_changes(s) == 1 ? 0 : -1;
}

/* What the revision rows of one move carry. */
struct mover {
	long long   cid, plan, staff_id;
	const char *actor;
	long long  *change_id;
};

/* Logs milestone mid's position change, from before to after, with its commitment and
 * plan (the History pages select by them).  Returns 0 or -1. */
static int
log_move(const struct mover *m, long long mid, long long before, long long after)
{
	char b[24], a[24];

	snprintf(b, sizeof b, "%lld", before);
	snprintf(a, sizeof a, "%lld", after);
	return edit_revision_of(NULL, m->change_id, m->staff_id, m->actor, "milestone", mid, m->cid,
	    m->plan, "update", "position", b, a);
}

int
ws_move(long long cid, long long mid, int dir, long long version, long long staff_id,
    const char *actor, long long *change_id)
{
	sqlite3_stmt *s = store_stmt(&store_workspace, WS_ROW);
	struct mover  m = { cid, 0, staff_id, actor, change_id };
	long long     pos, other, opos;
	int           rc;

	db_bind_int64(s, 1, mid);
	db_bind_int64(s, 2, cid);
	if ((rc = db_row(s)) != 1 || db_int64(s, WSR_VERSION) != version) {
		db_reset(s);
		return rc < 0 ? -1 : 1;
	}
	pos = db_int64(s, WSR_POSITION);
	m.plan = db_int64(s, WSR_PLAN);
	db_reset(s);
	s = store_stmt(&store_workspace, WS_NEIGHBOUR);
	db_bind_int64(s, 1, cid);
	db_bind_int64(s, 2, pos);
	db_bind_int(s, 3, dir);
	if ((rc = db_row(s)) != 1) {
		db_reset(s);
		return rc < 0 ? -1 : 2;
	}
	other = db_int64(s, WSN_ID);
	opos = db_int64(s, WSN_POSITION);
	db_reset(s);
	if (place(mid, 0) != 0 || place(other, pos) != 0 || place(mid, opos) != 0 ||
	    log_move(&m, mid, pos, opos) != 0 || log_move(&m, other, opos, pos) != 0)
		return -1;
	return 0;
}
