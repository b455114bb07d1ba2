/* The staff login throttle: failures per login and network, the delay, the known
 * networks (see throttle.h). */
#include <stdio.h>
#include <string.h>

#include "lib/consult.h"
#include "store/db.h"
#include "store/stmt.h"
#include "store/throttle.h"

/* clang-format off */
/* The key range of a kind: every key of kind k is >= "k:" and < "k;". */
#define KIND(k)    "key >= '" k ":' AND key < '" k ";'"
#define PAIRS      KIND("pair")
#define PAIR_LOGIN "substr(key, instr(key, ' ') + 1)"
/* In a view's GROUP BY key over THR_WINDOW (f: the table), the time at which the key
 * has fewer than lim failures left in the window, 0 while fewer count (THR_STATE's
 * third column, plus the window). */
#define UNTIL(lim) \
	"CASE WHEN count(*) >= " lim " THEN ?4 + (SELECT g.at FROM login_failure g WHERE " \
	"g.key = f.key AND g.at > ?2 - ?4 ORDER BY g.at DESC LIMIT 1 OFFSET " lim " - 1) " \
	"ELSE 0 END"
/* THR_V_NETS' rows of the networks of kind k (its network from byte from of the key),
 * named tier, refused at lim failures. */
#define NETS(k, from, tier, lim) \
	"SELECT substr(key, " from "), '" tier "', count(*), " UNTIL(lim) " FROM " \
	"login_failure f WHERE " KIND(k) " AND at > ?2 - ?4 GROUP BY key"
/* clang-format on */

enum {
	THR_STATE = THR_V__MAX, /* key ?1 after ?2: count, last, the (?3 + 1)-th newest */
	THR_ADD,                /* a failure of key ?1 at ?2 */
	THR_PURGE,              /* forgets failures before ?1 */
	THR_IS_KNOWN,           /* 1 when login key ?1 signed in from ?2 after ?3 */
	THR_KNOW,               /* login key ?1 signed in from ?2 at ?3 */
	THR_FORGET,             /* forgets the known networks last used before ?1 */
	THR_CLEAR,              /* forgets the failures of key ?1 */
	THR_LIFT,               /* forgets the failures of login ?1 (its pairs and delay) */
	THR__MAX
};

/* The view's statements take ?1 login, ?2 now, ?3 at most, and the figures of
 * throttle.h: ?4 THR_WINDOW, ?5 THR_DELAY_WINDOW, ?6 THR_PER_PAIR, ?7 THR_PER_NET, ?8
 * THR_PER_WIDE, ?9 THR_KNOWN_DAYS (throttle_view binds those a statement has). */
/* clang-format off */
static const char *const sqls[THR__MAX] = {
	/* THR_V_LOGINS */
	"WITH f(login, unknown, at) AS (SELECT substr(key, 7), 1, at FROM login_failure "
	"WHERE " KIND("login") " AND at > ?2 - ?5 UNION ALL "
	"SELECT " PAIR_LOGIN ", 0, at FROM login_failure WHERE " PAIRS " AND at > ?2 - ?4) "
	"SELECT login, sum(unknown), coalesce(max(CASE WHEN unknown THEN at END), 0), "
	"sum(1 - unknown) FROM f GROUP BY login ORDER BY max(at) DESC, login LIMIT ?3",
	/* THR_V_PAIRS */
	"SELECT substr(key, 6, instr(key, ' ') - 6), count(*), " UNTIL("?6") " FROM "
	"login_failure f WHERE " PAIRS " AND " PAIR_LOGIN " = ?1 AND at > ?2 - ?4 "
	"GROUP BY key ORDER BY 2 DESC, 1",
	/* THR_V_KNOWN */
	"SELECT net, last_ok FROM login_known WHERE key = 'login:' || ?1 AND "
	"last_ok > ?2 - 86400 * ?9 ORDER BY last_ok DESC, net",
	/* THR_V_NETS */
	NETS("net", "5", "narrow", "?7") " UNION ALL " NETS("wide", "6", "wide", "?8")
	" ORDER BY 3 DESC, 1 LIMIT ?3",
	/* THR_STATE */
	"SELECT count(*), coalesce(max(at), 0), coalesce((SELECT at FROM login_failure WHERE "
	"key = ?1 AND at > ?2 ORDER BY at DESC LIMIT 1 OFFSET ?3), 0) FROM login_failure "
	"WHERE key = ?1 AND at > ?2",
	/* THR_ADD */
	"INSERT INTO login_failure (key, at) VALUES (?1, ?2)",
	/* THR_PURGE */
	"DELETE FROM login_failure WHERE at < ?1",
	/* THR_IS_KNOWN */
	"SELECT count(*) FROM login_known WHERE key = ?1 AND net = ?2 AND last_ok > ?3",
	/* THR_KNOW */
	"INSERT INTO login_known (key, net, last_ok) VALUES (?1, ?2, ?3) ON CONFLICT (key, net) "
	"DO UPDATE SET last_ok = max(last_ok, excluded.last_ok)",
	/* THR_FORGET */
	"DELETE FROM login_known WHERE last_ok < ?1",
	/* THR_CLEAR */
	"DELETE FROM login_failure WHERE key = ?1",
	/* THR_LIFT */
	"DELETE FROM login_failure WHERE key = 'login:' || ?1 OR (" PAIRS " AND " PAIR_LOGIN
	" = ?1)",
};

/* clang-format on */

STORE_TABLE(store_throttle, "throttle", STORE_RW, THR__MAX, sqls);

/* Statement id of the table, ready to bind. */
static sqlite3_stmt *
thr(int id)
{
	return store_stmt(&store_throttle, id);
}

/* The failures of key in the window before now: their count into *n, the last one's
 * time into *last, and the time at which fewer than limit are left in the window into
 * *until (0 while fewer than limit count).  Returns 0 or -1. */
static int
state(const char *key, long long window, int limit, time_t now, int *n, long long *last,
    long long *until)
{
	sqlite3_stmt *s = thr(THR_STATE);
	int           rc;

	db_bind_text(s, 1, key);
	db_bind_int64(s, 2, (long long)now - window);
	db_bind_int64(s, 3, limit - 1);
	if ((rc = db_row(s)) == 1) {
		*n = db_int(s, 0);
		*last = db_int64(s, 1);
		*until = *n >= limit ? db_int64(s, 2) + window : 0;
	}
	db_reset(s);
	return rc == 1 ? 0 : -1;
}

/* Writes "kind:a" or, when b is not NULL, "kind:a b" into key (THR_KEY_MAX bytes). */
static void
key_of(char *key, const char *kind, const char *a, const char *b)
{
	snprintf(key, THR_KEY_MAX, "%s:%s%s%s", kind, a, b ? " " : "", b ? b : "");
}

/* 1 when the wide network of t is known for its login at now, 0 when not, -1. */
static int
is_known(const struct throttle *t, time_t now)
{
	sqlite3_stmt *s = thr(THR_IS_KNOWN);
	char          key[THR_KEY_MAX];
	int           rc, n = 0;

	key_of(key, "login", t->login, NULL);
	db_bind_text(s, 1, key);
	db_bind_text(s, 2, t->wide);
	db_bind_int64(s, 3, (long long)now - 86400LL * THR_KNOWN_DAYS);
	if ((rc = db_row(s)) == 1)
		n = db_int(s, 0);
	db_reset(s);
	return rc < 0 ? -1 : n > 0;
}

long long
throttle_delay(int n)
{
	if (n < THR_DELAY_FREE)
		return 0;
	if (n - THR_DELAY_FREE >= 20)
		return THR_DELAY_MAX;
	return (1LL << (n - THR_DELAY_FREE)) < THR_DELAY_MAX ? 1LL << (n - THR_DELAY_FREE)
							     : THR_DELAY_MAX;
}

/* The keys an attempt t counts under, in the order of struct throttle's limits. */
enum { K_PAIR, K_NET, K_WIDE, K_LOGIN, K__MAX };

/* Writes the keys of t into keys. */
static void
keys_of(const struct throttle *t, char keys[K__MAX][THR_KEY_MAX])
{
	key_of(keys[K_PAIR], "pair", t->narrow, t->login);
	key_of(keys[K_NET], "net", t->narrow, NULL);
	key_of(keys[K_WIDE], "wide", t->wide, NULL);
	key_of(keys[K_LOGIN], "login", t->login, NULL);
}

/* The limit of each key of keys_of over THR_WINDOW (K_LOGIN: the delay's, over
 * THR_DELAY_WINDOW). */
static const int limits[K__MAX] = { THR_PER_PAIR, THR_PER_NET, THR_PER_WIDE, 0 };

/* Replaces the spaces of the network net with '_': a key's network ends at its first
 * space, and what is not an address (net_prefix's "?...") may hold one. */
static void
unspace(char *net)
{
	for (; *net != '\0'; net++)
		if (*net == ' ')
			*net = '_';
}

int
throttle_check(struct throttle *t, const char *login, const char *addr, time_t now)
{
	char      keys[K__MAX][THR_KEY_MAX];
	long long last, until;
	int       i, n;

	memset(t, 0, sizeof *t);
	/* Logins ignore ASCII case (COLLATE NOCASE), so the keys must too, or each spelling
	 * would get its own tries: a login is an email address, folded as the citizens' are. */
	email_fold(login, t->login, sizeof t->login);
	net_prefix(addr, NET_NARROW, t->narrow, sizeof t->narrow);
	net_prefix(addr, NET_WIDE, t->wide, sizeof t->wide);
	unspace(t->narrow);
	unspace(t->wide);
	if ((t->known = is_known(t, now)) < 0)
		return -1;
	keys_of(t, keys);
	for (i = 0; i < K_LOGIN; i++) {
		if (state(keys[i], THR_WINDOW, limits[i], now, &n, &last, &until) != 0)
			return -1;
		if (until - now > t->wait)
			t->wait = until - now;
	}
	if (!t->known) {
		if (state(keys[K_LOGIN], THR_DELAY_WINDOW, 1, now, &n, &last, &until) != 0)
			return -1;
		until = last + throttle_delay(n);
		if (until - now > t->wait)
			t->wait = until - now;
	}
	return t->wait > 0;
}

/* Records a failure of key at now.  Returns 0 or -1. */
static int
add(const char *key, time_t now)
{
	sqlite3_stmt *s = thr(THR_ADD);

	db_bind_text(s, 1, key);
	db_bind_int64(s, 2, (long long)now);
	return store_run(s);
}

/* Forgets the failures older than THR_DELAY_WINDOW, the longest that any key counts
 * them.  Returns 0 or -1. */
static int
purge(time_t now)
{
	sqlite3_stmt *s = thr(THR_PURGE);

	db_bind_int64(s, 1, (long long)now - THR_DELAY_WINDOW);
	return store_run(s);
}

int
throttle_fail(struct throttle *t, time_t now)
{
	static const int began[K__MAX] = { THR_BEGAN_PAIR, THR_BEGAN_NET, THR_BEGAN_WIDE,
		THR_BEGAN_DELAY };
	char             keys[K__MAX][THR_KEY_MAX];
	long long        last, until;
	int              i, n, nk = t->known ? K_LOGIN : K__MAX;

	keys_of(t, keys);
	t->began = 0;
	t->delay = 0;
	for (i = 0; i < nk; i++) {
		if (add(keys[i], now) != 0 ||
		    state(keys[i], i == K_LOGIN ? THR_DELAY_WINDOW : THR_WINDOW,
			i == K_LOGIN ? 1 : limits[i], now, &n, &last, &until) != 0)
			return -1;
		if (n == (i == K_LOGIN ? THR_DELAY_FREE : limits[i]))
			t->began |= began[i];
		if (i == K_LOGIN)
			t->delay = throttle_delay(n);
	}
	return purge(now);
}

int
throttle_ok(const struct throttle *t, time_t now)
{
	char          key[THR_KEY_MAX];
	sqlite3_stmt *s = thr(THR_KNOW);

	key_of(key, "login", t->login, NULL);
	db_bind_text(s, 1, key);
	db_bind_text(s, 2, t->wide);
	db_bind_int64(s, 3, (long long)now);
	if (store_run(s) != 0)
		return -1;
	s = thr(THR_CLEAR);
	key_of(key, "pair", t->narrow, t->login);
	db_bind_text(s, 1, key);
	if (store_run(s) != 0)
		return -1;
	s = thr(THR_FORGET);
	db_bind_int64(s, 1, (long long)now - 86400LL * THR_KNOWN_DAYS);
	return store_run(s);
}

int
throttle_count(const char *key, time_t now)
{
	long long last, until;
	int       n;

	return state(key, THR_WINDOW, 1, now, &n, &last, &until) == 0 ? n : -1;
}

int
throttle_add(const char *key, time_t now)
{
	return add(key, now) == 0 ? purge(now) : -1;
}

sqlite3_stmt *
throttle_view(enum thr_view id, const char *login, time_t now, long long n)
{
	const long long figures[] = { (long long)now, n, THR_WINDOW, THR_DELAY_WINDOW, THR_PER_PAIR,
		THR_PER_NET, THR_PER_WIDE, THR_KNOWN_DAYS };
	sqlite3_stmt   *s = thr(id);
	int             i, np = sqlite3_bind_parameter_count(s);

	if (login != NULL)
		db_bind_text(s, 1, login);
	for (i = 2; i <= np && i - 2 < (int)(sizeof figures / sizeof figures[0]); i++)
		db_bind_int64(s, i, figures[i - 2]);
	return s;
}

int
throttle_lift(const char *login)
{
	sqlite3_stmt *s = thr(THR_LIFT);
	char          l[THR_LOGIN_MAX];

	email_fold(login, l, sizeof l);
	db_bind_text(s, 1, l);
	return store_run(s) == 0 ? db_changes(s) : -1;
}
