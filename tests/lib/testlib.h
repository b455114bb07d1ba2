/*
 * testlib: what the unit and request tests share: a test database made with the real
 * programs and the real content, the worker run as CGI, and the main() of a Check
 * program (TAP on stdout).
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

#endif
