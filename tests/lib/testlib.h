/*
 * testlib: what the unit and request tests share: a test database made with the real
 * programs and the real content, the worker run as CGI (as a stranger, or as a staff
 * member logged in by a session row of the test's own), forms posted to it, and the
 * main() of a Check program (TAP on stdout).
 */
#ifndef ABERTA_TESTLIB_H
#define ABERTA_TESTLIB_H
#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "res.h"

/* Runs a command (argv) and returns its exit status, or -1; its output goes to
 * stderr. */
int run_cmd(char *const argv[]);
/* Creates a database at path with aberta-admin: migrate, the real content, the pages,
 * the plans' co-creation texts.  Returns 0 or -1. */
int make_test_db(const char *path);
/* Makes a fresh path /tmp/<prefix>XXXXXX (size len) where no file is yet.  Returns 0,
 * or -1 when no temporary file can be made. */
int test_db_path(char *path, size_t len, const char *prefix);
/* Makes a fresh path with test_db_path and a test database there with make_test_db.
 * Returns 0, or -1 after printing a TAP "Bail out!". */
int test_db_create(char *path, size_t len, const char *prefix);
/* Removes the database at path with its -wal and -shm files. */
void test_db_remove(const char *path);
/* Runs the aberta binary as CGI against the database dbpath: method, uri, extra
 * environment entries ("K=V", a NULL-ended list, or NULL) and a body (NULL: none) of len
 * bytes; parses its output into r.  Fails the test when the worker exits abnormally or
 * its output has no header block and Status line. */
void cgi_run(const char *binary, const char *dbpath, const char *method, const char *uri,
    const char *const *env, const char *body, size_t len, struct res *r);
/* A suite called name with one case, "all", of the tests (a NULL-ended list), each
 * allowed timeout seconds (0: Check's default, CK_DEFAULT_TIMEOUT). */
Suite *tests_suite(const char *name, int timeout, const TTest *const tests[]);
/* Runs su with TAP on stdout and frees it.  Returns the exit status of the program: 0
 * when every test passed, 1 otherwise. */
int tests_main(Suite *su);
/* Writes into out the first nonce, in decimal, that proves the citizens' proof-of-work
 * challenge ch (lib/pow.h), searched from 0 up as public/pow.js searches. */
void test_pow_solve(const char *ch, char *out, size_t outlen);

/* ---- The admin's request tests: the worker run as CGI as a staff member ---- */

struct form; /* client.h */

/* The worker and the test database of a request test that began with cgi_setup, and
 * the environment entries every request of cgi_as adds (a NULL-ended list; NULL:
 * none). */
extern char               cgi_binary[512];
extern char               cgi_db[128];
extern const char *const *cgi_env;

/* The start of a request test's main(): libsodium, cgi_binary (ABERTA_BUILDDIR/aberta,
 * else ./aberta), aberta-admin beside it as client.h's rc_adminbin, a test database
 * made by test_db_create with prefix in cgi_db and client.h's rc_db, and env as
 * cgi_env.  Returns 0, or -1 after printing a TAP "Bail out!". */
int cgi_setup(const char *prefix, const char *const *env);

/* The end of a request test's main(): runs su as tests_main does, then removes cgi_db.
 * Returns tests_main's exit status. */
int cgi_tests_main(Suite *su);

/* A staff member logged in by a session row of the test's own. */
struct session {
	char cookie[160]; /* "HTTP_COOKIE=aberta=<token>": an environment entry of cgi_run */
	char csrf[80];    /* the session's anti-CSRF token */
};

/* Logs staff member login in on the database dbpath by a session row of the test's own
 * (stage full, begun now, a random token and anti-CSRF token) into s.  Returns 0, or -1
 * when there is no such staff member or the row cannot be written. */
int session_open(const char *dbpath, const char *login, struct session *s);
/* Adds staff member login to cgi_db (aberta-admin user add LOGIN NAME ROLE [SLUG]; slug
 * NULL: none) and, when s is not NULL, logs it in into s with session_open.  Returns 0,
 * or -1 after printing why on stderr. */
int staff_session(
    const char *login, const char *name, const char *role, const char *slug, struct session *s);

/* Runs cgi_binary as CGI on cgi_db as s (NULL: a stranger, with an empty cookie): method,
 * uri and a url-encoded body (NULL: none), with the form's Content-Type and cgi_env's
 * entries; r as cgi_run fills it. */
void cgi_as(
    const struct session *s, const char *method, const char *uri, const char *body, struct res *r);
/* GETs uri as s (cgi_as without a body). */
void cgi_get(const struct session *s, const char *uri, struct res *r);
/* Posts to uri as s the field csrf with s's token, then the url-encoded body (may be
 * ""). */
void cgi_post_body(const struct session *s, const char *uri, const char *body, struct res *r);
/* Posts to uri as s the field csrf with s's token, then the name, value pairs that
 * follow r (a NULL-ended list), url-encoded. */
void cgi_post(const struct session *s, const char *uri, struct res *r, ...);
/* Posts the fields of f (its csrf, if any, as it is), url-encoded, to uri as s. */
void cgi_post_form(const struct session *s, const char *uri, const struct form *f, struct res *r);
/* GETs path as s and parses the form whose action is action (NULL: path) into f; fails
 * the test unless the page answers 200 and holds that form.  The page goes into r when r
 * is not NULL (the caller frees it). */
void cgi_open_form(
    const struct session *s, const char *path, const char *action, struct form *f, struct res *r);

/* The boundary of the multipart bodies below. */
#define CGI_BOUNDARY "B0undary"
/* Adds to the multipart body b the part of field name holding val. */
void multipart_field(struct buf *b, const char *name, const char *val);
/* Adds to the multipart body b the file part of field name: a file called filename ("":
 * none chosen) of type ctype holding data. */
void multipart_file(
    struct buf *b, const char *name, const char *filename, const char *ctype, const char *data);
/* Ends the multipart body b, posts it to uri as s (multipart/form-data, then cgi_env's
 * entries) and frees it. */
void cgi_post_multipart(const struct session *s, const char *uri, struct buf *b, struct res *r);

/* 1 when the form field name of html shows val: the value of its input, the selected
 * option of its select, or the text of its textarea; else 0. */
int form_shows(const char *html, const char *name, const char *val);
/* Runs sql (statements without parameters) on client.h's rc_db.  Returns 0, or -1 after
 * printing why on stderr. */
int sql_exec(const char *sql);
/* sql_exec, failing the test when sql fails. */
void sql_do(const char *sql);
/* The integer sql (no parameters) gives on client.h's rc_db, or -1. */
long long sql_one(const char *sql);

#endif
