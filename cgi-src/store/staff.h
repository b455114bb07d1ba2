/*
 * staff: the statements of the administrators' pages about the staff themselves: the
 * accounts (list, one account, create, change, disable, enable, new password) and the
 * two logs (security and access events, content changes).  The sessions, the second
 * factor and the audit line each change writes are store/auth.h's; the bodies a member
 * editor may belong to, edit_choices(REF_ENTITY)'s.
 */
#ifndef ABERTA_STAFF_H
#define ABERTA_STAFF_H
#include <sqlite3.h>

enum staff_stmt {
	SF_USERS,        /* every account: SFU_ columns, by login; ?1 last_seen and
				 * ?2 created_at after which a session counts as open */
	SF_USER,         /* account ?3: SFU_ columns; ?1, ?2 as SF_USERS */
	SF_USER_ADD,     /* login ?1, name ?2, role ?3, body ?4 (0: none), hash ?5 */
	SF_USER_CHANGE,  /* account ?1: name ?2, role ?3, body ?4 (0: none) */
	SF_DISABLE,      /* account ?1 disabled */
	SF_ENABLE,       /* account ?1 enabled */
	SF_PASSWORD,     /* account ?1: password hash ?2 */
	SF_LOG_SECURITY, /* security events: SFL_ columns, newest first; ?1 user, ?2
				 * record or action (a substring), ?3 from, ?4 to (each NULL:
				 * any) */
	SF_LOG_CHANGES,  /* content changes with the same filters, SFL_ columns */
	SF__MAX
};

/* The columns of SF_USERS and SF_USER. */
enum {
	SFU_ID,
	SFU_LOGIN,
	SFU_NAME,
	SFU_ROLE,
	SFU_ENTITY_NAME,
	SFU_HAS_TOTP,
	SFU_DISABLED,
	SFU_SESSIONS,
	SFU_ENTITY_ID
};
/* The columns of SF_LOG_SECURITY and SF_LOG_CHANGES. */
enum { SFL_AT, SFL_WHO, SFL_WHAT, SFL_OBJECT, SFL_DETAIL };

/* Statement id of the writable connection, reset and with its bindings cleared. */
sqlite3_stmt *staff_stmt(enum staff_stmt id);

#endif
