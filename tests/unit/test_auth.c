/* Unit tests of the staff side: the password policy and hash, logins and their throttles,
 * sessions and their time limits, the anti-CSRF comparison, TOTP, the enrolment QR code
 * and recovery codes.  Every function that depends on time is given its "now".  TAP
 * output through Check. */
#include <check.h>
#include <ctype.h>
#include <oath.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../lib/testlib.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/stmt.h"
#include "store/throttle.h"
#include "lib/passwords.h"
#include "lib/totp.h"

#define PW "correct horse battery staple"
#define T0 1700000000 /* an arbitrary "now" */
/* RFC 6238 appendix B: the SHA-1 key "12345678901234567890" in base32. */
#define RFC_B32 "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

static char dbpath[64];

/* Creates and migrates a temporary database; returns it. */
static sqlite3 *
db_new(void)
{
	char     err[256];
	sqlite3 *db;
	int      fd;

	snprintf(dbpath, sizeof dbpath, "/tmp/aberta-authXXXXXX");
	ck_assert_int_ge(fd = mkstemp(dbpath), 0);
	close(fd);
	unlink(dbpath);
	ck_assert_ptr_nonnull(db = db_open(dbpath, 1, err, sizeof err));
	ck_assert_int_eq(db_migrate(db, err, sizeof err), db_latest_version());
	ck_assert_msg(store_prepare(STORE_RW, db, err, sizeof err) == 0, "%s", err);
	return db;
}

/* Closes the database and removes its files. */
static void
db_done(sqlite3 *db)
{
	char p[80];

	store_finalize(STORE_RW);
	sqlite3_close(db);
	unlink(dbpath);
	snprintf(p, sizeof p, "%s-wal", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", dbpath);
	unlink(p);
}

/* Adds a focal-point account with password pw; returns its id. */
static long long
staff_add(sqlite3 *db, const char *login, const char *pw)
{
	char          h[crypto_pwhash_STRBYTES];
	sqlite3_stmt *s;

	ck_assert_int_eq(auth_hash(pw, h, sizeof h), 0);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "INSERT INTO staff (login, name, role, "
			     "pw_hash) VALUES (?1, 'Test', 'focal', ?2)",
			     -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(s, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, h, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	return sqlite3_last_insert_rowid(db);
}

/* Returns the integer result of literal sql with ?1 bound to id. */
static long long
scalar(sqlite3 *db, const char *sql, long long id)
{
	sqlite3_stmt *s;
	long long     v;

	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_bind_parameter_count(s) > 0)
		sqlite3_bind_int64(s, 1, id);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

START_TEST(policy_length_and_encoding)
{
	char pw[AUTH_PW_MAX + 2];
	int  i;

	ck_assert_str_eq(auth_password_problem("Xq7#vb2"), "ERR_PW_SHORT"); /* 7 bytes */
	ck_assert_str_eq(auth_password_problem(""), "ERR_PW_SHORT");
	ck_assert_ptr_null(auth_password_problem("Xq7#vb2k")); /* 8 bytes */
	/* 64 characters with accents, a euro sign and spaces: accepted as they are. */
	pw[0] = '\0';
	for (i = 0; i < 16; i++)
		strcat(pw, "ção€");
	ck_assert_int_eq(strlen(pw), 128);
	ck_assert_ptr_null(auth_password_problem(pw));
	ck_assert_ptr_null(auth_password_problem("uma frase longa com espaços e acentuação 🌊"));
	memset(pw, 'k', AUTH_PW_MAX);
	pw[AUTH_PW_MAX] = '\0';
	ck_assert_ptr_null(auth_password_problem(pw));
	pw[AUTH_PW_MAX] = 'k';
	pw[AUTH_PW_MAX + 1] = '\0';
	ck_assert_str_eq(auth_password_problem(pw), "ERR_PW_LONG");
	ck_assert_str_eq(auth_password_problem("abcdefgh\xff"), "ERR_BAD_ENCODING");
	ck_assert_str_eq(auth_password_problem("abcdefgh\xc3"), "ERR_BAD_ENCODING");
	ck_assert_str_eq(auth_password_problem("abcdefgh\xc0\xaf"), "ERR_BAD_ENCODING");
	ck_assert_str_eq(auth_password_problem("abcdefgh\xed\xa0\x80"), "ERR_BAD_ENCODING");
}
END_TEST

START_TEST(policy_common_list)
{
	size_t i, long_ones = 0;

	ck_assert_str_eq(auth_password_problem("password1"), "ERR_PW_COMMON");
	ck_assert_str_eq(auth_password_problem("PassWord1"), "ERR_PW_COMMON");
	ck_assert_str_eq(auth_password_problem("12345678"), "ERR_PW_COMMON");
	ck_assert_str_eq(auth_password_problem("qwerty123"), "ERR_PW_COMMON");
	ck_assert_str_eq(auth_password_problem("Benfica1904"), "ERR_PW_COMMON");
	ck_assert_str_eq(auth_password_problem("SPORTING1906"), "ERR_PW_COMMON");
	ck_assert_str_eq(auth_password_problem("portugal123"), "ERR_PW_COMMON");
	ck_assert_str_eq(auth_password_problem("iloveyou"), "ERR_PW_COMMON");
	ck_assert(password_is_common("123456"));
	ck_assert(password_is_common("saudade"));
	ck_assert(password_is_common("QWERTY"));
	ck_assert(!password_is_common("password1 ")); /* no trimming either */
	ck_assert(!password_is_common("k7Qx9fPzLm2wR4tN"));
	ck_assert(!password_is_common(""));
	ck_assert(!password_is_common(NULL));
	/* The table is what bsearch needs: sorted as strcasecmp orders it, no duplicates,
	 * and it is the full list, not a stub. */
	ck_assert_uint_ge(password_list_count, 3000);
	for (i = 0; i < password_list_count; i++) {
		if (i > 0)
			ck_assert_msg(strcasecmp(password_list[i - 1], password_list[i]) < 0,
			    "%s before %s", password_list[i - 1], password_list[i]);
		ck_assert(password_is_common(password_list[i]));
		long_ones += strlen(password_list[i]) >= AUTH_PW_MIN;
	}
	ck_assert_uint_ge(long_ones, 500);
}
END_TEST

START_TEST(hash_format)
{
	char h1[crypto_pwhash_STRBYTES], h2[crypto_pwhash_STRBYTES], small[16];
	char a[200], b[200];
	int  m = 0, t = 0, p = 0;

	ck_assert_int_eq(auth_hash(PW, h1, sizeof h1), 0);
	ck_assert_int_eq(strncmp(h1, "$argon2id$v=19$m=65536,t=2", 26), 0);
	ck_assert_int_eq(sscanf(h1, "$argon2id$v=19$m=%d,t=%d,p=%d$", &m, &t, &p), 3);
	ck_assert_int_ge(m, 19456);
	ck_assert_int_ge(t, 2);
	ck_assert_int_eq(p, 1);
	ck_assert_int_eq(crypto_pwhash_str_verify(h1, PW, strlen(PW)), 0);
	/* A unique salt: the same password never gives the same string. */
	ck_assert_int_eq(auth_hash(PW, h2, sizeof h2), 0);
	ck_assert_str_ne(h1, h2);
	ck_assert_int_eq(auth_hash(PW, small, sizeof small), -1);
	/* No truncation: a difference at byte 150 still matters; and no case folding. */
	memset(a, 'x', sizeof a - 1);
	a[sizeof a - 1] = '\0';
	memcpy(b, a, sizeof a);
	b[150] = 'y';
	ck_assert_int_eq(auth_hash(a, h1, sizeof h1), 0);
	ck_assert_int_ne(crypto_pwhash_str_verify(h1, b, strlen(b)), 0);
	ck_assert_int_eq(auth_hash("Xq7#vb2kZ", h1, sizeof h1), 0);
	ck_assert_int_ne(crypto_pwhash_str_verify(h1, "xq7#vb2kz", 9), 0);
}
END_TEST

/* The throttle's verdict on the last try_login. */
static struct throttle last;

/* auth_login at now from addr, its throttle's verdict into last. */
static int
try_login(sqlite3 *db, const char *login, const char *pw, const char *addr, time_t now)
{
	struct staff st;

	return auth_login(db, login, pw, addr, now, &st, &last);
}

START_TEST(login_basic)
{
	struct staff st;
	sqlite3     *db = db_new();
	long long    id = staff_add(db, "ana@example.pt", PW);

	ck_assert_int_eq(auth_login(db, "ana@example.pt", PW, "192.0.2.1", T0, &st, &last), 0);
	ck_assert_int_eq(st.id, id);
	ck_assert_str_eq(st.login, "ana@example.pt");
	ck_assert_int_eq(st.role, ROLE_FOCAL);
	ck_assert_int_eq(st.has_totp, 0);
	/* Logins ignore case, as the column does. */
	ck_assert_int_eq(auth_login(db, "ANA@Example.PT", PW, "192.0.2.1", T0, &st, &last), 0);
	/* Wrong password and unknown login give the same answer. */
	ck_assert_int_eq(try_login(db, "ana@example.pt", PW "!", "192.0.2.1", T0), 1);
	ck_assert_int_eq(try_login(db, "ana@example.pt", "", "192.0.2.1", T0), 1);
	ck_assert_int_eq(try_login(db, "nobody@example.pt", PW, "192.0.2.1", T0), 1);
	/* A disabled account cannot log in, and looks like an unknown one. */
	ck_assert_int_eq(
	    sqlite3_exec(db, "UPDATE staff SET disabled = 1", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(try_login(db, "ana@example.pt", PW, "192.0.2.1", T0), 1);
	/* Each failure was counted under its pair and its networks; ana's network is known
	 * for her (she signed in from it), so hers do not count towards her delay. */
	ck_assert_int_eq(throttle_count("net:192.0.2.1/32", T0), 4);
	ck_assert_int_eq(throttle_count("wide:192.0.2.0/24", T0), 4);
	ck_assert_int_eq(throttle_count("pair:192.0.2.1/32 ana@example.pt", T0), 3);
	ck_assert_int_eq(throttle_count("login:ana@example.pt", T0), 0);
	ck_assert_int_eq(throttle_count("login:nobody@example.pt", T0), 1);
	ck_assert_int_eq(scalar(db,
			     "SELECT count(*) FROM login_known WHERE key = 'login:ana@example.pt' "
			     "AND net = '192.0.2.0/24'",
			     0),
	    1);
	db_done(db);
}
END_TEST

/* Issue 16, finding 3: five wrong passwords from elsewhere kept the owner out. */
START_TEST(login_owner_spared)
{
	sqlite3 *db = db_new();
	int      i;

	staff_add(db, "bea@example.pt", PW);
	/* The owner signs in once from her usual network... */
	ck_assert_int_eq(try_login(db, "bea@example.pt", PW, "192.0.2.2", T0), 0);
	/* ...then someone elsewhere tries five wrong passwords for her login... */
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(
		    try_login(db, "bea@example.pt", "wrong password", "198.51.100.7", T0 + 1 + i),
		    1);
	/* ...and she still gets in from her network, at any of its addresses. */
	ck_assert_int_eq(try_login(db, "bea@example.pt", PW, "192.0.2.2", T0 + 10), 0);
	ck_assert_int_eq(try_login(db, "BEA@example.pt", PW, "192.0.2.200", T0 + 10), 0);
	db_done(db);
}
END_TEST

/* What the other side meets meanwhile: its pair refused, its other networks delayed. */
START_TEST(login_owner_spared_stranger)
{
	sqlite3 *db = db_new();
	int      i;

	staff_add(db, "bea@example.pt", PW);
	ck_assert_int_eq(try_login(db, "bea@example.pt", PW, "192.0.2.2", T0), 0);
	for (i = 0; i < THR_PER_PAIR; i++) {
		ck_assert_int_eq(
		    try_login(db, "bea@example.pt", "wrong password", "198.51.100.7", T0 + 1 + i),
		    1);
		ck_assert_int_eq(
		    last.began & THR_BEGAN_PAIR, i == THR_PER_PAIR - 1 ? THR_BEGAN_PAIR : 0);
	}
	ck_assert_int_eq(last.began & THR_BEGAN_DELAY, THR_BEGAN_DELAY);
	ck_assert_int_eq(last.delay, 1);
	/* The pair is refused, the right password too, until its oldest failure ages out. */
	ck_assert_int_eq(try_login(db, "bea@example.pt", PW, "198.51.100.7", T0 + 10), 2);
	ck_assert_int_eq(last.wait, T0 + 1 + THR_WINDOW - (T0 + 10));
	/* Another unknown network waits 1 s after the fifth failure, then 2 s... */
	ck_assert_int_eq(try_login(db, "bea@example.pt", "wrong", "203.0.113.5", T0 + 5), 2);
	ck_assert_int_eq(last.wait, 1);
	ck_assert_int_eq(try_login(db, "bea@example.pt", "wrong", "203.0.113.5", T0 + 6), 1);
	ck_assert_int_eq(try_login(db, "bea@example.pt", PW, "203.0.113.5", T0 + 7), 2);
	ck_assert_int_eq(last.wait, 1);
	/* ...and a refused attempt is no failure: it does not lengthen anything. */
	ck_assert_int_eq(throttle_count("login:bea@example.pt", T0 + 7), 6);
	ck_assert_int_eq(try_login(db, "bea@example.pt", PW, "203.0.113.5", T0 + 8), 0);
	/* The pair's own limit still holds after the window: its failures aged out. */
	ck_assert_int_eq(
	    try_login(db, "bea@example.pt", PW, "198.51.100.7", T0 + 1 + THR_WINDOW), 0);
	db_done(db);
}
END_TEST

/* The delay of a login tried from unknown networks doubles with each failure, whatever
 * the address, up to THR_DELAY_MAX; a known network is not delayed. */
START_TEST(login_delay_doubles)
{
	char     addr[32];
	sqlite3 *db = db_new();
	time_t   now = T0 + 100;
	int      k;

	staff_add(db, "cam@example.pt", PW);
	ck_assert_int_eq(try_login(db, "cam@example.pt", PW, "192.0.2.3", T0), 0);
	ck_assert_int_eq(throttle_delay(THR_DELAY_FREE - 1), 0);
	ck_assert_int_eq(throttle_delay(THR_DELAY_FREE), 1);
	ck_assert_int_eq(throttle_delay(THR_DELAY_FREE + 9), 512);
	ck_assert_int_eq(throttle_delay(THR_DELAY_FREE + 10), THR_DELAY_MAX);
	ck_assert_int_eq(throttle_delay(1000), THR_DELAY_MAX);
	for (k = 1; k <= THR_DELAY_FREE + 11; k++) {
		/* A new network each time: a botnet's addresses do not share any limit. */
		snprintf(addr, sizeof addr, "198.51.%d.1", k);
		ck_assert_int_eq(try_login(db, "cam@example.pt", "wrong password", addr, now), 1);
		ck_assert_int_eq(last.delay, throttle_delay(k));
		if (k < THR_DELAY_FREE)
			continue;
		/* Refused at once, from anywhere unknown, without a hash. */
		ck_assert_int_eq(try_login(db, "cam@example.pt", PW, "203.0.113.1", now), 2);
		ck_assert_int_eq(last.wait, throttle_delay(k));
		ck_assert_int_eq(
		    try_login(db, "cam@example.pt", PW, "203.0.113.1", now + last.wait - 1), 2);
		/* The owner's network is not delayed. */
		ck_assert_int_eq(try_login(db, "cam@example.pt", PW, "192.0.2.3", now), 0);
		now += throttle_delay(k);
	}
	ck_assert_int_eq(last.delay, 0); /* the owner's good login: no delay of its own */
	/* The failures count over THR_DELAY_WINDOW, then the delay ends. */
	ck_assert_int_eq(try_login(db, "cam@example.pt", PW, "203.0.113.1", now - 1), 2);
	ck_assert_int_eq(
	    try_login(db, "cam@example.pt", PW, "203.0.113.1", now + THR_DELAY_WINDOW), 0);
	db_done(db);
}
END_TEST

/* A pair of login and narrow network is refused after THR_PER_PAIR failures, however the
 * login is spelled; the rest of the network is not. */
START_TEST(login_pair_limit)
{
	const char *spell[] = { "dan@example.pt", "Dan@example.pt", "dAn@example.pt",
		"daN@example.pt", "DAN@example.pt" };
	sqlite3    *db = db_new();
	int         i;

	staff_add(db, "dan@example.pt", PW);
	ck_assert_int_eq(try_login(db, "dan@example.pt", PW, "192.0.2.4", T0), 0);
	for (i = 0; i < THR_PER_PAIR; i++)
		ck_assert_int_eq(try_login(db, spell[i], "wrong password", "192.0.2.4", T0 + i), 1);
	ck_assert_int_eq(try_login(db, "dan@example.pt", PW, "192.0.2.4", T0 + 10), 2);
	ck_assert_int_eq(try_login(db, "DAN@EXAMPLE.PT", PW, "192.0.2.4", T0 + 10), 2);
	/* Failures from a known network do not delay the login elsewhere. */
	ck_assert_int_eq(throttle_count("login:dan@example.pt", T0 + 10), 0);
	ck_assert_int_eq(try_login(db, "dan@example.pt", PW, "192.0.2.5", T0 + 10), 0);
	ck_assert_int_eq(try_login(db, "dan@example.pt", PW, "203.0.113.8", T0 + 10), 0);
	/* The window over, the pair is heard again, and its good login forgets its
	 * failures. */
	ck_assert_int_eq(try_login(db, "dan@example.pt", PW, "192.0.2.4", T0 + THR_WINDOW), 0);
	ck_assert_int_eq(throttle_count("pair:192.0.2.4/32 dan@example.pt", T0), 0);
	db_done(db);
}
END_TEST

/* One network tries many logins (password spraying): refused past THR_PER_NET failures
 * (narrow) or THR_PER_WIDE (wide); the logins themselves are not. */
START_TEST(login_network_caps)
{
	struct staff st;
	char         login[64];
	sqlite3     *db = db_new();
	int          i;

	staff_add(db, "eva@example.pt", PW);
	for (i = 0; i < THR_PER_NET; i++) {
		snprintf(login, sizeof login, "guess%d@example.pt", i);
		ck_assert_int_eq(try_login(db, login, "wrong password", "203.0.113.9", T0), 1);
	}
	ck_assert_int_eq(last.began & THR_BEGAN_NET, THR_BEGAN_NET);
	ck_assert_int_eq(try_login(db, "eva@example.pt", PW, "203.0.113.9", T0 + 1), 2);
	ck_assert_int_eq(last.wait, THR_WINDOW - 1);
	/* Its neighbours and the account are not refused. */
	ck_assert_int_eq(try_login(db, "eva@example.pt", PW, "203.0.113.10", T0 + 1), 0);
	ck_assert_int_eq(try_login(db, "eva@example.pt", PW, "192.0.2.4", T0 + 1), 0);
	ck_assert_int_eq(try_login(db, "eva@example.pt", PW, "203.0.113.9", T0 + THR_WINDOW), 0);
	/* The wide tier: THR_PER_WIDE failures from one /24 over all its addresses. */
	for (i = 0; i < THR_PER_WIDE - 1; i++)
		ck_assert_int_eq(sqlite3_exec(db,
				     "INSERT INTO login_failure (key, at) VALUES "
				     "('wide:198.51.100.0/24', 1700000000)",
				     NULL, NULL, NULL),
		    SQLITE_OK);
	ck_assert_int_eq(
	    auth_login(db, "x@example.pt", "wrong", "198.51.100.1", T0, &st, &last), 1);
	ck_assert_int_eq(last.began, THR_BEGAN_WIDE);
	ck_assert_int_eq(try_login(db, "eva@example.pt", PW, "198.51.100.250", T0 + 1), 2);
	db_done(db);
}
END_TEST

/* Issue 16, finding 1 (logins): one person changing address inside one network.  With
 * ABERTA_NET4_BITS "24,16", 127.0.0.9 and 127.0.0.10 are one narrow network, as two
 * addresses of one IPv6 /64 are.  The limits are read once a process: a child of its
 * own.  Its exit status is the number of the first check that failed (0: none). */
START_TEST(login_network_dodge)
{
	char  login[64];
	pid_t pid;
	int   status, i;

	if ((pid = fork()) == 0) {
		sqlite3 *db;

		setenv("ABERTA_NET4_BITS", "24,16", 1);
		db = db_new();
		staff_add(db, "fil@example.pt", PW);
		for (i = 0; i < THR_PER_NET; i++) {
			snprintf(login, sizeof login, "guess%d@example.pt", i);
			if (try_login(db, login, "wrong password", "127.0.0.9", T0) != 1)
				_exit(1);
		}
		/* The next address of the same network is refused too. */
		if (try_login(db, "guess@example.pt", "wrong password", "127.0.0.10", T0 + 1) != 2)
			_exit(2);
		if (try_login(db, "fil@example.pt", PW, "127.0.0.10", T0 + 1) != 2)
			_exit(3);
		db_done(db);
		_exit(0);
	}
	ck_assert_int_gt(pid, 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "check %d failed",
	    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}
END_TEST

/* IPv6: one client holds a /64 (its pair and its network), one site a /48 (known). */
START_TEST(login_ipv6)
{
	sqlite3 *db = db_new();
	int      i;

	staff_add(db, "ivo@example.pt", PW);
	ck_assert_int_eq(try_login(db, "ivo@example.pt", PW, "2001:db8:1:2::5", T0), 0);
	/* Five wrong passwords, each from a new address of one /64: the pair is refused at
	 * every address of it, and the login delayed elsewhere... */
	for (i = 0; i < THR_PER_PAIR; i++) {
		char addr[64];

		snprintf(addr, sizeof addr, "2001:db8:aa:1::%x", i + 1);
		ck_assert_int_eq(try_login(db, "ivo@example.pt", "wrong", addr, T0 + i), 1);
	}
	ck_assert_int_eq(try_login(db, "ivo@example.pt", PW, "2001:db8:aa:1:ffff::1", T0 + 9), 2);
	ck_assert_int_eq(throttle_count("pair:2001:db8:aa:1::/64 ivo@example.pt", T0 + 9), 5);
	/* ...but he gets in from another /64 of his own /48, and from elsewhere once the
	 * 1 s after the fifth failure is over (an IPv4-mapped address counts as IPv4). */
	ck_assert_int_eq(try_login(db, "ivo@example.pt", PW, "2001:db8:1:ff::9", T0 + 9), 0);
	ck_assert_int_eq(try_login(db, "ivo@example.pt", PW, "::ffff:198.51.100.4", T0 + 9), 0);
	db_done(db);
}
END_TEST

/* A network stays known THR_KNOWN_DAYS after a good login from it; older rows go. */
START_TEST(login_known_expires)
{
	sqlite3 *db = db_new();
	time_t   t1 = T0 + 86400LL * (THR_KNOWN_DAYS + 1);
	int      i;

	staff_add(db, "gil@example.pt", PW);
	ck_assert_int_eq(try_login(db, "gil@example.pt", PW, "192.0.2.6", T0), 0);
	ck_assert_int_eq(try_login(db, "gil@example.pt", PW, "203.0.113.50", T0), 0);
	for (i = 0; i < THR_DELAY_FREE; i++)
		ck_assert_int_eq(
		    try_login(db, "gil@example.pt", "wrong", "198.51.100.9", t1 + i), 1);
	/* Ninety-one days later her network is a stranger's: she waits too. */
	ck_assert_int_eq(try_login(db, "gil@example.pt", PW, "192.0.2.6", t1 + i - 1), 2);
	ck_assert_int_eq(try_login(db, "gil@example.pt", PW, "192.0.2.6", t1 + i), 0);
	ck_assert_int_eq(scalar(db, "SELECT count(*) FROM login_known", 0), 1);
	ck_assert_int_eq(scalar(db, "SELECT last_ok FROM login_known", 0), t1 + i);
	/* Failures older than THR_DELAY_WINDOW are forgotten at the next failure. */
	ck_assert_int_eq(
	    try_login(db, "gil@example.pt", "wrong", "192.0.2.6", t1 + THR_DELAY_WINDOW + 10), 1);
	ck_assert_int_eq(
	    scalar(db, "SELECT count(*) FROM login_failure WHERE at < ?1", t1 + 10), 0);
	db_done(db);
}
END_TEST

/* An administrator lifts a login's failures: its pairs and its delay, not the
 * networks'. */
START_TEST(login_lift)
{
	sqlite3 *db = db_new();
	int      i;

	staff_add(db, "hugo@example.pt", PW);
	for (i = 0; i < THR_PER_PAIR; i++)
		ck_assert_int_eq(try_login(db, "hugo@example.pt", "wrong", "198.51.100.3", T0), 1);
	ck_assert_int_eq(try_login(db, "other@example.pt", "wrong", "198.51.100.3", T0), 1);
	ck_assert_int_eq(try_login(db, "hugo@example.pt", PW, "198.51.100.3", T0 + 1), 2);
	ck_assert_int_eq(throttle_lift("hugo@example.pt"), 2 * THR_PER_PAIR);
	ck_assert_int_eq(throttle_count("net:198.51.100.3/32", T0 + 1), THR_PER_PAIR + 1);
	ck_assert_int_eq(throttle_count("login:other@example.pt", T0 + 1), 1);
	ck_assert_int_eq(try_login(db, "hugo@example.pt", PW, "198.51.100.3", T0 + 1), 0);
	db_done(db);
}
END_TEST

START_TEST(session_idle)
{
	struct staff st, got;
	char         tok[AUTH_TOKEN_HEX + 1], tok2[AUTH_TOKEN_HEX + 1];
	sqlite3     *db = db_new();

	memset(&st, 0, sizeof st);
	st.id = staff_add(db, "eva@example.pt", PW);
	/* Not used for 30 minutes and 1 second: over. */
	ck_assert_int_eq(auth_session_new(db, &st, 1, T0, tok2), 0);
	ck_assert_int_eq(auth_session_get(db, tok2, T0 + AUTH_IDLE_SECONDS + 1, &got), 1);
	ck_assert_int_eq(scalar(db, "SELECT count(*) FROM session", 0), 0);
	/* Used at exactly 30 minutes: still alive. */
	ck_assert_int_eq(auth_session_new(db, &st, 1, T0, tok), 0);
	ck_assert_uint_eq(strlen(tok), AUTH_TOKEN_HEX);
	ck_assert_uint_eq(strspn(tok, "0123456789abcdef"), AUTH_TOKEN_HEX);
	ck_assert_int_eq(auth_session_get(db, tok, T0 + AUTH_IDLE_SECONDS, &got), 0);
	ck_assert_int_eq(got.id, st.id);
	ck_assert_int_eq(got.full, 1);
	ck_assert_str_eq(got.csrf, st.csrf);
	/* Touched at 30:00, so idle again from there: 30 min + 1 s later it is over... */
	ck_assert_int_eq(auth_session_get(db, tok, T0 + 2 * AUTH_IDLE_SECONDS + 1, &got), 1);
	/* ...and deleted, not merely refused. */
	ck_assert_int_eq(scalar(db, "SELECT count(*) FROM session", 0), 0);
	ck_assert_int_eq(auth_session_get(db, tok, T0 + 2 * AUTH_IDLE_SECONDS, &got), 1);
	/* Malformed tokens. */
	ck_assert_int_eq(auth_session_get(db, NULL, T0, &got), 1);
	ck_assert_int_eq(auth_session_get(db, "abc", T0, &got), 1);
	db_done(db);
}
END_TEST

START_TEST(session_absolute)
{
	struct staff st, got;
	char         tok[AUTH_TOKEN_HEX + 1];
	sqlite3     *db = db_new();
	time_t       t;

	memset(&st, 0, sizeof st);
	st.id = staff_add(db, "fil@example.pt", PW);
	ck_assert_int_eq(auth_session_new(db, &st, 1, T0, tok), 0);
	/* Busy all day, a request every 20 minutes: alive up to 12 hours... */
	for (t = T0; t <= T0 + AUTH_ABSOLUTE_SECONDS; t += 20 * 60)
		ck_assert_int_eq(auth_session_get(db, tok, t, &got), 0);
	/* ...and over at 12 h + 1 s, one second after the last request. */
	ck_assert_int_eq(auth_session_get(db, tok, T0 + AUTH_ABSOLUTE_SECONDS + 1, &got), 1);
	/* A clock that went backwards before the login is refused too. */
	ck_assert_int_eq(auth_session_new(db, &st, 1, T0, tok), 0);
	ck_assert_int_eq(auth_session_get(db, tok, T0 - 1, &got), 1);
	db_done(db);
}
END_TEST

START_TEST(session_upgrade_and_kill)
{
	struct staff st, got, other;
	char         tok[AUTH_TOKEN_HEX + 1], tok2[AUTH_TOKEN_HEX + 1], csrf[AUTH_TOKEN_HEX + 1];
	char         many[3][AUTH_TOKEN_HEX + 1], ot[AUTH_TOKEN_HEX + 1];
	sqlite3     *db = db_new();
	int          i;

	memset(&st, 0, sizeof st);
	memset(&other, 0, sizeof other);
	st.id = staff_add(db, "gil@example.pt", PW);
	other.id = staff_add(db, "hugo@example.pt", PW);
	ck_assert_int_eq(auth_session_new(db, &st, 0, T0, tok), 0);
	ck_assert_int_eq(auth_session_get(db, tok, T0 + 5, &got), 0);
	ck_assert_int_eq(got.full, 0);
	memcpy(csrf, got.csrf, sizeof csrf);
	ck_assert_int_eq(auth_session_upgrade(db, &got, T0 + 10, tok2), 0);
	ck_assert_str_ne(tok, tok2);
	ck_assert_str_ne(csrf, got.csrf);
	/* The old token stops working; the new one is a full session. */
	ck_assert_int_eq(auth_session_get(db, tok, T0 + 11, &st), 1);
	ck_assert_int_eq(auth_session_get(db, tok2, T0 + 11, &st), 0);
	ck_assert_int_eq(st.full, 1);
	ck_assert_int_eq(auth_session_end(db, st.session_id), 0);
	ck_assert_int_eq(auth_session_get(db, tok2, T0 + 12, &st), 1);
	/* Killing all of one person's sessions leaves the others'. */
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(auth_session_new(db, &got, 1, T0, many[i]), 0);
	ck_assert_int_eq(auth_session_new(db, &other, 1, T0, ot), 0);
	ck_assert_int_eq(auth_sessions_kill(db, got.id), 3);
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(auth_session_get(db, many[i], T0 + 1, &st), 1);
	ck_assert_int_eq(auth_session_get(db, ot, T0 + 1, &st), 0);
	ck_assert_int_eq(auth_sessions_kill(db, got.id), 0);
	/* A disabled account's session stops at once. */
	ck_assert_int_eq(sqlite3_exec(db,
			     "UPDATE staff SET disabled = 1 WHERE login = "
			     "'hugo@example.pt'",
			     NULL, NULL, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(auth_session_get(db, ot, T0 + 2, &st), 1);
	db_done(db);
}
END_TEST

START_TEST(csrf_compare)
{
	char a[AUTH_TOKEN_HEX + 1], b[AUTH_TOKEN_HEX + 1];

	auth_token(a);
	auth_token(b);
	ck_assert_str_ne(a, b);
	ck_assert(auth_csrf_ok(a, a));
	memcpy(b, a, sizeof b);
	ck_assert(auth_csrf_ok(a, b));
	b[AUTH_TOKEN_HEX - 1] = b[AUTH_TOKEN_HEX - 1] == '0' ? '1' : '0';
	ck_assert(!auth_csrf_ok(a, b));
	b[AUTH_TOKEN_HEX - 1] = '\0';
	ck_assert(!auth_csrf_ok(a, b)); /* a prefix */
	ck_assert(!auth_csrf_ok(a, ""));
	ck_assert(!auth_csrf_ok(a, NULL));
	ck_assert(!auth_csrf_ok("", "")); /* no session token: never equal */
}
END_TEST

START_TEST(totp_rfc6238)
{
	static const struct {
		time_t      t;
		const char *code8;
	} v[] = {
		/* RFC 6238 appendix B, SHA-1 */
		{ 59, "94287082" },
		{ 1111111109, "07081804" },
		{ 1111111111, "14050471" },
		{ 1234567890, "89005924" },
		{ 2000000000, "69279037" },
	};
	char   out[7], out8[9];
	size_t i;

	ck_assert_int_eq(oath_init(), OATH_OK);
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		/* liboath itself, 8 digits, with the raw key. */
		ck_assert_int_eq(
		    oath_totp_generate("12345678901234567890", 20, v[i].t, 30, 0, 8, out8),
		    OATH_OK);
		ck_assert_str_eq(out8, v[i].code8);
		/* Ours, 6 digits from the base32 secret: the last six. */
		ck_assert_int_eq(totp_code(RFC_B32, v[i].t, out), 0);
		ck_assert_str_eq(out, v[i].code8 + 2);
	}
	ck_assert_int_eq(totp_code("", 59, out), -1);
}
END_TEST

START_TEST(totp_window_and_replay)
{
	const time_t now = 1000 * 30 + 15; /* in step 1000 */
	char         c[7];
	long long    step = 0;

	/* The RFC vector through totp_check, spaces ignored. */
	ck_assert_int_eq(totp_check(RFC_B32, "287082", 59, -1, &step), 1);
	ck_assert_int_eq(step, 1);
	ck_assert_int_eq(totp_check(RFC_B32, "287 082", 59, -1, &step), 1);
	ck_assert_int_eq(totp_check(RFC_B32, " 287082 ", 59, -1, &step), 1);
	/* Replay: the same code once its step was used. */
	step = 0;
	ck_assert_int_eq(totp_check(RFC_B32, "287082", 59, 1, &step), 0);
	ck_assert_int_eq(step, 0);
	/* One step either side is accepted, two are not. */
	ck_assert_int_eq(totp_code(RFC_B32, 999 * 30, c), 0);
	ck_assert_int_eq(totp_check(RFC_B32, c, now, -1, &step), 1);
	ck_assert_int_eq(step, 999);
	ck_assert_int_eq(totp_code(RFC_B32, 1001 * 30, c), 0);
	ck_assert_int_eq(totp_check(RFC_B32, c, now, -1, &step), 1);
	ck_assert_int_eq(step, 1001);
	ck_assert_int_eq(totp_code(RFC_B32, 998 * 30, c), 0);
	ck_assert_int_eq(totp_check(RFC_B32, c, now, -1, &step), 0);
	ck_assert_int_eq(totp_code(RFC_B32, 1002 * 30, c), 0);
	ck_assert_int_eq(totp_check(RFC_B32, c, now, -1, &step), 0);
	/* After step 1001 was used, the current step's code is refused too: older. */
	ck_assert_int_eq(totp_code(RFC_B32, now, c), 0);
	ck_assert_int_eq(totp_check(RFC_B32, c, now, 1000, &step), 0);
	ck_assert_int_eq(totp_check(RFC_B32, c, now, 999, &step), 1);
	ck_assert_int_eq(step, 1000);
	/* Malformed codes are wrong codes; an undecodable secret is an error. */
	ck_assert_int_eq(totp_check(RFC_B32, "28708", 59, -1, &step), 0);
	ck_assert_int_eq(totp_check(RFC_B32, "2870822", 59, -1, &step), 0);
	ck_assert_int_eq(totp_check(RFC_B32, "28708a", 59, -1, &step), 0);
	ck_assert_int_eq(totp_check(RFC_B32, "", 59, -1, &step), 0);
	ck_assert_int_eq(totp_check(RFC_B32, NULL, 59, -1, &step), 0);
	ck_assert_int_eq(totp_check("!!!!", "287082", 59, -1, &step), -1);
	ck_assert_int_eq(totp_check(NULL, "287082", 59, -1, &step), -1);
}
END_TEST

START_TEST(totp_secret_uri_qr)
{
	char           a[TOTP_SECRET_B32 + 1], b[TOTP_SECRET_B32 + 1], c[7], uri[256];
	struct totp_qr q;
	long long      step;
	int            i, n, dark = 0;

	ck_assert_int_eq(totp_secret_new(a, sizeof a), 0);
	ck_assert_int_eq(totp_secret_new(b, sizeof b), 0);
	ck_assert_uint_eq(strlen(a), TOTP_SECRET_B32);
	ck_assert_uint_eq(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), TOTP_SECRET_B32);
	ck_assert_str_ne(a, b);
	ck_assert_int_eq(totp_secret_new(b, TOTP_SECRET_B32), -1);
	ck_assert_int_eq(totp_code(a, T0, c), 0);
	ck_assert_int_eq(totp_check(a, c, T0, -1, &step), 1);
	ck_assert_int_eq(step, T0 / 30);

	totp_uri(RFC_B32, "ana@example.pt", uri, sizeof uri);
	ck_assert_str_eq(
	    uri, "otpauth://totp/aberta:ana%40example.pt?secret=" RFC_B32 "&issuer=aberta");
	totp_uri(RFC_B32, "a b&c=d?/é", uri, sizeof uri);
	ck_assert_str_eq(uri,
	    "otpauth://totp/aberta:a%20b%26c%3Dd%3F%2F%C3%A9?secret=" RFC_B32 "&issuer=aberta");
	totp_uri(RFC_B32, "ana@example.pt", uri, 40);
	ck_assert_str_eq(uri, "");

	totp_uri(a, "ana@example.pt", uri, sizeof uri);
	ck_assert_int_eq(totp_qr(uri, &q), 0);
	ck_assert_int_gt(q.width, 0);
	ck_assert_int_ge(q.width, 21);
	ck_assert_int_eq((q.width - 17) % 4, 0); /* 17 + 4 * version */
	ck_assert_ptr_nonnull(q.dark);
	n = q.width * q.width;
	for (i = 0; i < n; i++) {
		ck_assert_uint_le(q.dark[i], 1);
		dark += q.dark[i];
	}
	ck_assert_int_gt(dark, n / 4);
	ck_assert_int_lt(dark, 3 * n / 4);
	/* The finder pattern: the top-left 7 x 7 square has a dark border. */
	for (i = 0; i < 7; i++) {
		ck_assert_uint_eq(q.dark[i], 1);
		ck_assert_uint_eq(q.dark[i * q.width], 1);
	}
	totp_qr_free(&q);
	ck_assert_ptr_null(q.dark);
	totp_qr_free(&q); /* twice is harmless */
	ck_assert_int_eq(totp_qr("", &q), -1);
	ck_assert_ptr_null(q.dark);
}
END_TEST

START_TEST(recovery_codes)
{
	char      codes[RECOVERY_CODES][20], old[20], code[40];
	sqlite3  *db = db_new();
	long long id = staff_add(db, "ines@example.pt", PW);
	long long other = staff_add(db, "joao@example.pt", PW);
	int       i, j;

	ck_assert_int_eq(recovery_codes_new(db, id, codes), 0);
	for (i = 0; i < RECOVERY_CODES; i++) {
		ck_assert_uint_eq(strlen(codes[i]), RECOVERY_CODE_LEN);
		ck_assert(codes[i][4] == '-' && codes[i][9] == '-');
		for (j = 0; j < RECOVERY_CODE_LEN; j++)
			if (j != 4 && j != 9)
				ck_assert_ptr_nonnull(
				    strchr("23456789abcdefghjkmnpqrstuvwxyz", codes[i][j]));
		for (j = 0; j < i; j++)
			ck_assert_str_ne(codes[i], codes[j]);
	}
	ck_assert_int_eq(scalar(db,
			     "SELECT count(*) FROM recovery_code WHERE staff_id = ?1 "
			     "AND code_hash LIKE '$argon2id$%' AND used_at IS NULL",
			     id),
	    RECOVERY_CODES);

	/* Single use. */
	ck_assert_int_eq(recovery_code_use(db, id, codes[3]), 1);
	ck_assert_int_eq(recovery_code_use(db, id, codes[3]), 0);
	ck_assert_int_eq(scalar(db,
			     "SELECT count(*) FROM recovery_code WHERE used_at IS NOT "
			     "NULL",
			     0),
	    1);
	/* Case, dashes and spaces do not matter. */
	for (i = 0; codes[4][i] != '\0'; i++)
		code[i] = codes[4][i] == '-' ? ' ' : (char)toupper((unsigned char)codes[4][i]);
	code[i] = '\0';
	ck_assert_int_eq(recovery_code_use(db, id, code), 1);
	/* Wrong, malformed, or someone else's. */
	ck_assert_int_eq(recovery_code_use(db, id, "2222-2222-2222"), 0);
	ck_assert_int_eq(recovery_code_use(db, id, "0000-0000-0000"), 0);
	ck_assert_int_eq(recovery_code_use(db, id, ""), 0);
	ck_assert_int_eq(recovery_code_use(db, id, NULL), 0);
	ck_assert_int_eq(recovery_code_use(db, other, codes[5]), 0);
	/* New codes replace the old ones, used or not. */
	memcpy(old, codes[5], sizeof old);
	ck_assert_int_eq(recovery_codes_new(db, id, codes), 0);
	ck_assert_int_eq(recovery_code_use(db, id, old), 0);
	ck_assert_int_eq(scalar(db, "SELECT count(*) FROM recovery_code WHERE staff_id = ?1", id),
	    RECOVERY_CODES);
	ck_assert_int_eq(recovery_code_use(db, id, codes[0]), 1);
	/* All or nothing: a failure leaves the old codes in place. */
	ck_assert_int_eq(sqlite3_exec(db,
			     "CREATE TRIGGER no_more BEFORE INSERT ON "
			     "recovery_code BEGIN SELECT RAISE(ABORT, 'no'); END",
			     NULL, NULL, NULL),
	    SQLITE_OK);
	memcpy(old, codes[1], sizeof old);
	ck_assert_int_eq(recovery_codes_new(db, id, codes), -1);
	ck_assert_str_eq(codes[0], "");
	ck_assert_int_eq(recovery_code_use(db, id, old), 1);
	db_done(db);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { policy_length_and_encoding, policy_common_list, hash_format,
		login_basic, login_owner_spared, login_owner_spared_stranger, login_delay_doubles,
		login_pair_limit, login_network_caps, login_network_dodge, login_ipv6,
		login_known_expires, login_lift, session_idle, session_absolute,
		session_upgrade_and_kill, csrf_compare, totp_rfc6238, totp_window_and_replay,
		totp_secret_uri_qr, recovery_codes, NULL };

	if (sodium_init() < 0)
		return 1;
	return tests_main(tests_suite("auth", 60, tests));
}
