/*
 * tap: the Test Anything Protocol for the test programs that print their own results
 * (the end-to-end, reliability and link-checker helpers; the unit and request tests
 * print theirs through Check): numbered result lines and "# " diagnostics on stdout,
 * flushed at once so that they interleave with the output of the programs under test.
 */
#ifndef ABERTA_TEST_TAP_H
#define ABERTA_TEST_TAP_H

/* Prints "ok N - what" when ok, "not ok N - what" otherwise (what: fmt and its
 * arguments); N counts from 1. */
void tap(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints "# " and fmt with its arguments as one diagnostic line. */
void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The number of results printed so far that were not ok. */
int tap_failed(void);
/* Prints the plan "1..N" for the N results printed and returns the exit status of the
 * program: 0 when every result was ok, 1 otherwise. */
int tap_done(void);

#endif
