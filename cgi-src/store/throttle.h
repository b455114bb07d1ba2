/*
 * throttle: how often the staff's login form hears a password, and from where.  Each
 * heard attempt costs an argon2 hash, and logins are email addresses anyone may know:
 * so the limits must stop guessing without letting a stranger keep a login's owner out.
 *
 * A network is the client address's prefix (lib/netprefix.h): narrow (IPv4 /32, IPv6
 * /64: one client) and wide (IPv4 /24, IPv6 /48: one site).  Logins ignore ASCII case.
 * The rules, checked before any hash is computed (a refused attempt computes none and
 * counts as no failure):
 *  - a pair (login, narrow network) with THR_PER_PAIR failures in THR_WINDOW is refused,
 *    from that network only;
 *  - a narrow network with THR_PER_NET failures in THR_WINDOW, over all logins, is
 *    refused, and a wide one with THR_PER_WIDE (password spraying);
 *  - a login's failures from wide networks where it has not signed in lately (over
 *    THR_DELAY_WINDOW) delay further attempts from such networks: from the
 *    THR_DELAY_FREE-th on, each one waits 1 s after the last failure, then 2, 4... up
 *    to THR_DELAY_MAX;
 *  - a wide network where the login signed in in the last THR_KNOWN_DAYS days (table
 *    login_known, written at each good login) is not delayed by the others' failures:
 *    its owner there meets only the pair and network limits.
 * A good login also forgets its pair's failures.
 *
 * The table login_failure holds one row per failure under each key it counts for:
 * "pair:<narrow> <login>", "net:<narrow>", "wide:<wide>", and "login:<login>" when the
 * wide network is not known for the login; "2fa:<login>" is the second factor's.  Rows
 * older than THR_DELAY_WINDOW go at each failure, login_known's older than
 * THR_KNOWN_DAYS at each good login.  The statements are the store's table "throttle"
 * (STORE_RW).
 */
#ifndef ABERTA_THROTTLE_H
#define ABERTA_THROTTLE_H
#include <sqlite3.h>
#include <time.h>

#include "lib/netprefix.h"

#define THR_WINDOW       (15 * 60)      /* failures of a pair or a network counted over this */
#define THR_PER_PAIR     5              /* failures of one login from one narrow network */
#define THR_PER_NET      20             /* failures from one narrow network, all logins */
#define THR_PER_WIDE     100            /* failures from one wide network, all logins */
#define THR_DELAY_FREE   5              /* failures from unknown networks before a delay */
#define THR_DELAY_WINDOW (24 * 60 * 60) /* those failures counted over this */
#define THR_DELAY_MAX    (15 * 60)      /* the longest delay, seconds */
#define THR_KNOWN_DAYS   90             /* a network stays known this long after a login */
#define THR_LOGIN_MAX    256            /* room for a login, NUL included (longer: cut) */
#define THR_KEY_MAX      400            /* room for any key, NUL included */

/* What a failure set off (struct throttle's began, bits). */
enum {
	THR_BEGAN_PAIR = 1,  /* the pair is now refused */
	THR_BEGAN_DELAY = 2, /* the login's delay began (its THR_DELAY_FREE-th failure) */
	THR_BEGAN_NET = 4,   /* the narrow network is now refused */
	THR_BEGAN_WIDE = 8   /* the wide network is now refused */
};

/* One attempt: the login and its networks, and what the throttle decided. */
struct throttle {
	char      login[THR_LOGIN_MAX]; /* as typed, in lower case */
	char      narrow[NET_PREFIX_MAX], wide[NET_PREFIX_MAX];
	int       known; /* the wide network is known for the login */
	long long wait;  /* refused: seconds before the next attempt is heard */
	int       began; /* after throttle_fail: THR_BEGAN_ bits */
	long long delay; /* after throttle_fail: the login's delay now, seconds (0: none) */
};

/* Fills t for login tried from the client address addr (NULL: none) at now and decides
 * whether the attempt is heard.  Returns 0 when it is (compute the hash), 1 when it is
 * refused (t->wait says for how long), -1 on a database error. */
int throttle_check(struct throttle *t, const char *login, const char *addr, time_t now);
/* Records the failure of the attempt t (after throttle_check returned 0) and sets
 * t->began and t->delay.  Returns 0 or -1. */
int throttle_fail(struct throttle *t, time_t now);
/* Records the good login t: its wide network is known from now, its pair's failures are
 * forgotten, old known networks go.  Returns 0 or -1. */
int throttle_ok(const struct throttle *t, time_t now);
/* The delay of a login with n failures from unknown networks, in seconds (0: none). */
long long throttle_delay(int n);
/* Counts the failures of key since now - THR_WINDOW; -1 on a database error. */
int throttle_count(const char *key, time_t now);
/* Records a failure of key at now (the second factor's "2fa:<login>").  Returns 0 or
 * -1. */
int throttle_add(const char *key, time_t now);

/* ---- The administrators' view (/admin/logins) ---- */

/* The statements of the view; each returns a row per item, columns below. */
enum thr_view {
	THR_V_LOGINS, /* logins with failures now, latest first (at most n) */
	THR_V_PAIRS,  /* the narrow networks login failed from in THR_WINDOW, most first */
	THR_V_KNOWN,  /* the known networks of login, latest first */
	THR_V_NETS,   /* networks with failures in THR_WINDOW, most first (at most n) */
	THR_V__MAX
};
/* THR_V_LOGINS: the login, its failures from unknown networks in THR_DELAY_WINDOW, the
 * last of them (unix time, 0: none), its failures in THR_WINDOW (all networks). */
enum { THR_L_LOGIN, THR_L_UNKNOWN, THR_L_LAST, THR_L_RECENT };
/* THR_V_PAIRS: the narrow network, the failures, the time the pair is heard again (0:
 * it is heard now). */
enum { THR_P_NET, THR_P_N, THR_P_UNTIL };
/* THR_V_KNOWN: the wide network, the last good login from it (unix time). */
enum { THR_K_NET, THR_K_LAST };
/* THR_V_NETS: the network, "narrow" or "wide", the failures, the time it is heard again
 * (0: it is heard now). */
enum { THR_N_NET, THR_N_TIER, THR_N_N, THR_N_UNTIL };

/* Statement id of the view, reset, with login (in lower case; NULL for the lists of all),
 * now and n bound where it takes them. */
sqlite3_stmt *throttle_view(enum thr_view id, const char *login, time_t now, long long n);
/* Forgets the failures of login (any case) that the throttle counts: its pairs'
 * and its delay's, not the networks'.  Returns the rows deleted, or -1. */
int throttle_lift(const char *login);

#endif
