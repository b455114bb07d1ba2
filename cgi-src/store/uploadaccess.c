#include <stdio.h>
#include <string.h>

#include "lib/utf8.h"
#include "lib/valid.h"
#include "store/db.h"
#include "store/stmt.h"
#include "store/uploadaccess.h"

/* A live record cites document u: a link of a record, or the archived copy of an
 * outside address the site still shows. */
#define CITED \
	"(EXISTS (SELECT 1 FROM link l WHERE l.upload_sha = u.sha256) OR EXISTS (SELECT 1 " \
	"FROM link_archive a WHERE a.upload_sha = u.sha256 AND EXISTS (SELECT 1 FROM url_use " \
	"w WHERE w.url = a.url)))"
/* A draft d cites document ?1. */
#define DRAFT_CITES "json_valid(d.payload) AND json_extract(d.payload, '$.evidence_upload') = ?1"

/* The statements of the public connection. */
enum { UPP_STATE, UPP_WITHDRAWN, UPP__MAX };
static const char *const public_sqls[UPP__MAX] = {
	/* UPP_STATE: ?1 sha: type, name, size, day withdrawn, cited */
	"SELECT u.mime, u.name, u.size, substr(u.withdrawn_at, 1, 10), " CITED
	" FROM upload u WHERE u.sha256 = ?1",
	/* UPP_WITHDRAWN: ?1 sha: the day it was withdrawn */
	"SELECT substr(withdrawn_at, 1, 10) FROM upload WHERE sha256 = ?1 AND withdrawn_at IS "
	"NOT NULL",
};
STORE_TABLE(store_upload_public, "upload_public", STORE_RO, UPP__MAX, public_sqls);

/* The statements of the writable connection: the staff's page (UPA_), then these. */
enum { UPW_MEMBER_MAY = UPA__MAX, UPW_EXISTS, UPW_WITHDRAW, UPW_BUMP, UPW__MAX };
static const char *const rw_sqls[UPW__MAX] = {
	/* UPA_FACTS */
	"SELECT u.size, u.mime, u.name, u.at, s.name, u.withdrawn_at, w.name, u.withdrawn_why "
	"FROM upload u LEFT JOIN staff s ON s.id = u.staff_id LEFT JOIN staff w ON w.id = "
	"u.withdrawn_by WHERE u.sha256 = ?1",
	/* UPA_CITES */
	"SELECT 'link', CASE WHEN plan_id IS NOT NULL THEN 'plans' WHEN commitment_id IS NOT "
	"NULL THEN 'commitments' WHEN milestone_id IS NOT NULL THEN 'milestones' WHEN "
	"entity_id IS NOT NULL THEN 'entities' ELSE 'events' END, coalesce(plan_id, "
	"commitment_id, milestone_id, entity_id, event_id), coalesce(label_pt, label_en) FROM "
	"link WHERE upload_sha = ?1 UNION ALL SELECT 'archive', NULL, NULL, url FROM "
	"link_archive WHERE upload_sha = ?1 UNION ALL SELECT 'draft', d.status, d.id, s.name "
	"FROM draft d JOIN staff s ON s.id = d.staff_id WHERE " DRAFT_CITES,
	/* UPW_MEMBER_MAY: ?1 sha, not withdrawn, uploaded by ?2 or cited by a draft of body ?3 */
	"SELECT EXISTS (SELECT 1 FROM upload WHERE sha256 = ?1 AND withdrawn_at IS NULL AND "
	"(staff_id = ?2 OR EXISTS (SELECT 1 FROM draft d JOIN staff s ON s.id = d.staff_id "
	"WHERE s.entity_id = ?3 AND " DRAFT_CITES ")))",
	/* UPW_EXISTS: ?1 sha: 1 when withdrawn, 0 when not; no row: no such document */
	"SELECT withdrawn_at IS NOT NULL FROM upload WHERE sha256 = ?1",
	/* UPW_WITHDRAW: ?1 sha, ?2 by (0: the command line), ?3 why */
	"UPDATE upload SET withdrawn_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), withdrawn_by "
	"= nullif(?2, 0), withdrawn_why = ?3 WHERE sha256 = ?1 AND withdrawn_at IS NULL",
	/* UPW_BUMP: the upload table has no trigger of its own: the pages citing it change */
	"UPDATE site_state SET content_version = content_version + 1, changed_at = "
	"strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1",
};
STORE_TABLE(store_upload, "upload", STORE_RW, UPW__MAX, rw_sqls);

/* Copies text column i of s into out (size len); "" for NULL or a value too long. */
static void
copy_col(sqlite3_stmt *s, int i, char *out, size_t len)
{
	const char *t = db_text(s, i);

	if (t == NULL || snprintf(out, len, "%s", t) >= (int)len)
		*out = '\0';
}

int
upload_public(const char *sha, struct upload_row *u)
{
	sqlite3_stmt *s = store_stmt(&store_upload_public, UPP_STATE);
	int           rc;

	db_bind_text(s, 1, sha);
	if ((rc = db_step(s)) == SQLITE_DONE)
		return UPS_MISSING;
	if (rc != SQLITE_ROW)
		return -1;
	copy_col(s, 0, u->mime, sizeof u->mime);
	copy_col(s, 1, u->name, sizeof u->name);
	u->size = db_int64(s, 2);
	copy_col(s, 3, u->withdrawn_on, sizeof u->withdrawn_on);
	if (db_int(s, 4) == 0)
		return UPS_MISSING;
	return u->withdrawn_on[0] != '\0' ? UPS_WITHDRAWN : UPS_PUBLIC;
}

int
upload_withdrawn_on(const char *sha, char on[11])
{
	sqlite3_stmt *s = store_stmt(&store_upload_public, UPP_WITHDRAWN);
	int           rc;

	*on = '\0';
	db_bind_text(s, 1, sha);
	if ((rc = db_step(s)) == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return -1;
	copy_col(s, 0, on, 11);
	return *on != '\0';
}

int
upload_staff_may(const char *sha, const struct staff *me)
{
	struct upload_row u;
	sqlite3_stmt     *s;
	int               rc;

	if (me->role != ROLE_MEMBER)
		return 1;
	if ((rc = upload_public(sha, &u)) != UPS_MISSING)
		return rc < 0 ? -1 : rc == UPS_PUBLIC;
	s = store_stmt(&store_upload, UPW_MEMBER_MAY);
	db_bind_text(s, 1, sha);
	db_bind_int64(s, 2, me->id);
	db_bind_int64(s, 3, me->entity_id);
	return db_step(s) == SQLITE_ROW ? db_int(s, 0) : -1;
}

int
upload_why_ok(const char *why)
{
	const unsigned char *p;
	size_t               len, i;
	int                  ink = 0;

	if (why == NULL || (len = strlen(why)) == 0 || !valid_utf8(why, len))
		return 0;
	for (i = 0; i < len; i++) {
		p = (const unsigned char *)why + i;
		if ((*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') || *p == 0x7f)
			return 0;
		if (*p > 0x20)
			ink = 1;
	}
	return ink && utf8_chars(why, len) <= UPLOAD_WHY_MAX;
}

/* Withdraws sha inside the caller's transaction (see upload_withdraw).  Returns as it
 * does. */
static int
withdraw_in(
    const char *sha, long long staff_id, const char *actor, const char *addr, const char *why)
{
	sqlite3_stmt *s = store_stmt(&store_upload, UPW_EXISTS);
	char          object[80];
	int           rc;

	db_bind_text(s, 1, sha);
	if ((rc = db_step(s)) == SQLITE_DONE)
		return 2;
	if (rc != SQLITE_ROW)
		return -1;
	if (db_int(s, 0) != 0)
		return 1;
	s = store_stmt(&store_upload, UPW_WITHDRAW);
	db_bind_text(s, 1, sha);
	db_bind_int64(s, 2, staff_id);
	db_bind_text(s, 3, why);
	snprintf(object, sizeof object, "upload:%s", sha);
	if (store_run(s) != 0 || store_run(store_stmt(&store_upload, UPW_BUMP)) != 0 ||
	    auth_audit(NULL, staff_id, actor, addr, "upload_withdraw", object, why) != 0)
		return -1;
	return 0;
}

int
upload_withdraw(sqlite3 *rw, const char *sha, long long staff_id, const char *actor,
    const char *addr, const char *why)
{
	int rc;

	if (!upload_valid_sha(sha))
		return 2;
	if (store_begin(rw) != 0)
		return -1;
	rc = withdraw_in(sha, staff_id, actor, addr, why);
	if (rc == 0 && store_commit(rw) == 0)
		return 0;
	store_rollback(rw);
	return rc == 0 ? -1 : rc;
}

sqlite3_stmt *
upload_admin_stmt(enum upload_admin_stmt id)
{
	return store_stmt(&store_upload, (int)id);
}
