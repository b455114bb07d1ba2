/* accounts: the staff accounts as aberta-admin manages them (user add, passwd, disable,
 * enable, reset-2fa, list; the account an import acts as).  Its writes are those of the
 * staff pages (store/staff.h) and of the second factor (store/auth.h), and record the
 * time of the change.  The statements are in the table store_accounts (STORE_RW): call
 * these on the connection that store_prepare prepared it on, the writes inside the
 * caller's transaction.  A failure is recorded (db_failed, db_last_error). */
#ifndef ABERTA_ACCOUNTS_H
#define ABERTA_ACCOUNTS_H
#include <sqlite3.h>

/* One account, as found by its login. */
struct account {
	long long id;
	char      name[256];
	char      role[16]; /* "admin", "focal" or "member" */
	int       disabled;
};

/* The columns of accounts_list. */
enum { AL_LOGIN, AL_NAME, AL_ROLE, AL_ENTITY, AL_2FA, AL_DISABLED, AL_SESSIONS };

/* Finds the account login (logins ignore case) into *a.  Returns 1, 0 when there is
 * none, -1 on a database error. */
int accounts_find(const char *login, struct account *a);
/* Returns the id of the entity with slug, 0 when there is none, -1 on a database
 * error. */
long long accounts_entity(const char *slug);
/* Inserts the account login with its display name, role, entity (0: none) and password
 * hash; *id gets its id.  Returns 0 or -1. */
int accounts_insert(const char *login, const char *name, const char *role, long long entity,
    const char *hash, long long *id);
/* Replaces the password hash of account id.  Returns 0 or -1. */
int accounts_set_password(long long id, const char *hash);
/* Disables (1) or enables (0) account id.  Returns 0 or -1. */
int accounts_set_disabled(long long id, int disabled);
/* Forgets the second factor of account id and deletes its recovery codes
 * (auth_totp_reset on rw).  Returns 0 or -1. */
int accounts_reset_2fa(sqlite3 *rw, long long id);
/* Returns the statement of every account in login order (columns AL_*: the entity's
 * slug or "-", 1 when a second factor is enrolled, the disabled flag, the sessions
 * still alive at now), ready to step with db_step. */
sqlite3_stmt *accounts_list(long long now);

#endif
