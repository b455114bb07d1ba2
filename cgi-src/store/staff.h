/*
 * staff: the statements of the administrators' pages about the staff themselves: the
 * accounts (one account, create, change, disable, enable, new password; the list and
 * the two logs are store/adminlist.h's).  The sessions, the second
 * factor and the audit line each change writes are store/auth.h's; the bodies a member
 * editor may belong to, edit_choices(REF_ENTITY)'s.
 */
#ifndef ABERTA_STAFF_H
#define ABERTA_STAFF_H
#include <sqlite3.h>

enum staff_stmt {
	SF_USER,        /* account ?3: SFU_ columns; ?1 last_seen and ?2 created_at after
			 * which a session counts as open */
	SF_USER_ADD,    /* login ?1, name ?2, role ?3, body ?4 (0: none), hash ?5 */
	SF_USER_CHANGE, /* account ?1: name ?2, role ?3, body ?4 (0: none) */
	SF_DISABLE,     /* account ?1 disabled */
	SF_ENABLE,      /* account ?1 enabled */
	SF_PASSWORD,    /* account ?1: password hash ?2 */
	SF__MAX
};

/* The columns of SF_USER (and of the account list, store/adminlist.h's AL_USERS). */
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

/* Statement id of the writable connection, reset and with its bindings cleared. */
sqlite3_stmt *staff_stmt(enum staff_stmt id);

#endif
