/* Unit tests of lib/consult: Lisbon time, the phase and countdown of a consultation,
 * email addresses and the rate limits of a citizen's submissions.  TAP output through
 * Check. */
#include <string.h>
#include <time.h>

#include "../lib/testlib.h"
#include "lib/consult.h"
#include "lib/tztime.h"

/* Lisbon time (the default zone, from the tz database): both changes, and the way back. */
START_TEST(lisbon_time)
{
	char        out[32];
	const char *zone;
	time_t      t;

	/* 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC. */
	ck_assert_int_eq(utc_parse("2026-03-29T00:59:59Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 0);
	ck_assert_int_eq(utc_parse("2026-03-29T01:00:00Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 3600);
	ck_assert_int_eq(utc_parse("2026-10-25T00:59:59Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 3600);
	ck_assert_int_eq(utc_parse("2026-10-25T01:00:00Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 0);
	/* 2018 (the first plan's consultation): 25 March and 28 October. */
	ck_assert_int_eq(utc_parse("2018-10-28T00:30:00Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 3600);
	ck_assert_int_eq(utc_parse("2018-11-19T09:00:00Z", &t), 0);
	ck_assert_int_eq(tz_offset(NULL, t), 0);
	/* Typed in Lisbon, stored in UTC, shown again as typed. */
	ck_assert_int_eq(local_to_utc(NULL, "2026-07-01T10:00", out, sizeof out), 0);
	ck_assert_str_eq(out, "2026-07-01T09:00:00Z");
	ck_assert_int_eq(local_to_utc(NULL, "2026-12-03 23:59", out, sizeof out), 0);
	ck_assert_str_eq(out, "2026-12-03T23:59:00Z");
	ck_assert_int_eq(utc_to_local(NULL, "2026-07-01T09:00:00Z", out, sizeof out, &zone), 0);
	ck_assert_str_eq(out, "2026-07-01T10:00");
	ck_assert_str_eq(zone, "WEST");
	/* The hour that happens twice is taken in summer time; the missing one in winter. */
	ck_assert_int_eq(local_to_utc(NULL, "2026-10-25T01:30", out, sizeof out), 0);
	ck_assert_str_eq(out, "2026-10-25T00:30:00Z");
	ck_assert_int_eq(local_to_utc(NULL, "2026-03-29T01:30", out, sizeof out), 0);
	ck_assert_str_eq(out, "2026-03-29T01:30:00Z");
	/* Not times. */
	ck_assert_int_eq(local_to_utc(NULL, "2026-02-30T10:00", out, sizeof out), -1);
	ck_assert_int_eq(local_to_utc(NULL, "2026-02-10T24:00", out, sizeof out), -1);
	ck_assert_int_eq(local_to_utc(NULL, "2026-02-10", out, sizeof out), -1);
	ck_assert_int_eq(local_to_utc(NULL, "2026-02-10T10:00x", out, sizeof out), -1);
	ck_assert_int_eq(utc_parse("2026-02-10T10:00:00", &t), -1);
	ck_assert_int_eq(utc_parse("2026-02-10T10:00:60Z", &t), -1);
}
END_TEST

/* The phase of a consultation and the countdown shown while it is open. */
START_TEST(consultation_clock)
{
	time_t now, lim;
	long   n;
	char   unit;

	ck_assert_int_eq(utc_parse("2026-11-20T12:00:00Z", &now), 0);
	ck_assert_int_eq(consultation_phase(now, "2026-11-21T00:00:00Z", "2026-12-01T00:00:00Z"),
	    PHASE_UPCOMING);
	ck_assert_int_eq(
	    consultation_phase(now, "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"), PHASE_OPEN);
	ck_assert_int_eq(consultation_phase(now, "2026-11-01T00:00:00Z", "2026-11-20T12:00:00Z"),
	    PHASE_CLOSED); /* the closing second is closed */
	ck_assert_int_eq(consultation_phase(now, "bad", "2026-12-01T00:00:00Z"), PHASE_CLOSED);
	ck_assert_int_eq(utc_parse("2026-11-23T18:00:00Z", &lim), 0);
	countdown(now, lim, &n, &unit);
	ck_assert(n == 3 && unit == 'd');
	countdown(now, now + 5 * 3600 + 59, &n, &unit);
	ck_assert(n == 5 && unit == 'h');
	countdown(now, now + 10, &n, &unit);
	ck_assert(n == 1 && unit == 'm');
}
END_TEST

/* Email addresses and the rate limits of a citizen's submissions. */
START_TEST(emails_and_rates)
{
	char out[64];

	ck_assert(valid_email("ana.silva+ogp@labx.gov.pt"));
	ck_assert(valid_email("A@B.PT"));
	ck_assert(!valid_email("ana"));
	ck_assert(!valid_email("ana@localhost"));
	ck_assert(!valid_email("a b@x.pt"));
	ck_assert(!valid_email("a@b@x.pt"));
	ck_assert(!valid_email("<a@x.pt>"));
	ck_assert(!valid_email("a@x.pt\r\nBcc: b@y.pt"));
	ck_assert(!valid_email("a@-x.pt"));
	ck_assert(!valid_email("a..b@x.pt"));
	email_fold("Ana@LabX.gov.PT", out, sizeof out);
	ck_assert_str_eq(out, "ana@labx.gov.pt");
	ck_assert(rate_ok(0, RL_ADDR_HOUR - 1, 0));
	ck_assert(!rate_ok(0, RL_ADDR_HOUR, RL_ADDR_HOUR));
	ck_assert(!rate_ok(1, 0, RL_EMAIL_DAY));
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { lisbon_time, consultation_clock, emails_and_rates, NULL };

	return tests_main(tests_suite("consult", 0, tests));
}
