/* The staff accounts as aberta-admin manages them (see accounts.h). */
#include <stdio.h>

#include "store/accounts.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/staff.h"
#include "store/stmt.h"

enum {
	ACC_FIND,   /* one account by login */
	ACC_ENTITY, /* the id of an entity by slug */
	ACC_TOUCH,  /* the time of an account's last change */
	ACC_LIST,   /* every account (AL_* columns) */
	ACC__MAX
};

/* The columns of ACC_FIND. */
enum { AF_ID, AF_NAME, AF_ROLE, AF_DISABLED };

static const char *const sqls[ACC__MAX] = {
	/* ACC_FIND: ?1 login */
	"SELECT id, name, role, disabled FROM staff WHERE login = ?1",
	/* ACC_ENTITY: ?1 slug */
	"SELECT id FROM entity WHERE slug = ?1",
	/* ACC_TOUCH: ?1 id */
	"UPDATE staff SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1",
	/* ACC_LIST: ?1 now, ?2 idle limit, ?3 absolute limit (seconds) */
	"SELECT s.login, s.name, s.role, coalesce(e.slug, '-'), s.totp_secret IS NOT NULL, "
	"s.disabled, (SELECT count(*) FROM session x WHERE x.staff_id = s.id AND "
	"x.last_seen >= ?1 - ?2 AND x.created_at >= ?1 - ?3) "
	"FROM staff s LEFT JOIN entity e ON e.id = s.entity_id ORDER BY s.login",
};

STORE_TABLE(store_accounts, "accounts", STORE_RW, ACC__MAX, sqls);

int
accounts_find(const char *login, struct account *a)
{
	sqlite3_stmt *s = store_stmt(&store_accounts, ACC_FIND);

	db_bind_text(s, 1, login);
	if (db_step(s) != SQLITE_ROW)
		return db_failed() ? -1 : 0;
	a->id = db_int64(s, AF_ID);
	snprintf(a->name, sizeof a->name, "%s", db_text(s, AF_NAME));
	snprintf(a->role, sizeof a->role, "%s", db_text(s, AF_ROLE));
	a->disabled = db_int(s, AF_DISABLED);
	sqlite3_reset(s);
	return 1;
}

long long
accounts_entity(const char *slug)
{
	sqlite3_stmt *s = store_stmt(&store_accounts, ACC_ENTITY);
	long long     id;

	db_bind_text(s, 1, slug);
	if (db_step(s) != SQLITE_ROW)
		return db_failed() ? -1 : 0;
	id = db_int64(s, 0);
	sqlite3_reset(s);
	return id;
}

int
accounts_insert(const char *login, const char *name, const char *role, long long entity,
    const char *hash, long long *id)
{
	sqlite3_stmt *s = staff_stmt(SF_USER_ADD);

	db_bind_text(s, 1, login);
	db_bind_text(s, 2, name);
	db_bind_text(s, 3, role);
	db_bind_int64(s, 4, entity);
	db_bind_text(s, 5, hash);
	if (store_run(s) != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(sqlite3_db_handle(s));
	return 0;
}

/* Runs s, a write of account id (the staff pages' own), then records the time of the
 * change.  Returns 0 or -1. */
static int
changed(sqlite3_stmt *s, long long id)
{
	if (s != NULL && store_run(s) != 0)
		return -1;
	s = store_stmt(&store_accounts, ACC_TOUCH);
	db_bind_int64(s, 1, id);
	return store_run(s);
}

int
accounts_set_password(long long id, const char *hash)
{
	sqlite3_stmt *s = staff_stmt(SF_PASSWORD);

	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, hash);
	return changed(s, id);
}

int
accounts_set_disabled(long long id, int disabled)
{
	sqlite3_stmt *s = staff_stmt(disabled ? SF_DISABLE : SF_ENABLE);

	db_bind_int64(s, 1, id);
	return changed(s, id);
}

int
accounts_reset_2fa(sqlite3 *rw, long long id)
{
	if (auth_totp_reset(rw, id) != 0)
		return -1;
	return changed(NULL, id);
}

sqlite3_stmt *
accounts_list(long long now)
{
	sqlite3_stmt *s = store_stmt(&store_accounts, ACC_LIST);

	db_bind_int64(s, 1, now);
	db_bind_int64(s, 2, AUTH_IDLE_SECONDS);
	db_bind_int64(s, 3, AUTH_ABSOLUTE_SECONDS);
	return s;
}
