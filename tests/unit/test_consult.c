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
	char out[80], key[80];

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
	ck_assert(rate_ok(RL_NET, RL_NET_HOUR - 1, 0));
	ck_assert(!rate_ok(RL_NET, RL_NET_HOUR, RL_NET_HOUR));
	ck_assert(!rate_ok(RL_NET, 0, RL_NET_DAY));
	ck_assert(rate_ok(RL_WIDE, RL_NET_HOUR, RL_NET_DAY));
	ck_assert(!rate_ok(RL_WIDE, RL_WIDE_HOUR, RL_WIDE_HOUR));
	ck_assert(!rate_ok(RL_EMAIL, 0, RL_EMAIL_DAY));
	ck_assert_int_gt(RL_WIDE_HOUR, RL_NET_HOUR);
	/* The key of an email: its folded address, hashed (what the erasure forgets). */
	email_key("Ana@LabX.gov.PT", out, sizeof out);
	ck_assert_int_eq(strlen(out), 6 + 64);
	ck_assert(strncmp(out, "email:", 6) == 0);
	email_key("ana@labx.gov.pt", key, sizeof key);
	ck_assert_str_eq(out, key);
	ck_assert(strstr(out, "labx") == NULL);
}
END_TEST

/* The sender's text that the confirmation email quotes: at most SUB_QUOTE_MAX
 * characters, cut between characters, with an ellipsis when cut. */
START_TEST(excerpts)
{
	char out[4 * SUB_QUOTE_MAX + 4], in[400];
	int  i;

	text_excerpt("Ana Silva", SUB_QUOTE_MAX, out, sizeof out);
	ck_assert_str_eq(out, "Ana Silva");
	text_excerpt("", SUB_QUOTE_MAX, out, sizeof out);
	ck_assert_str_eq(out, "");
	text_excerpt("abcdef", 3, out, sizeof out);
	ck_assert_str_eq(out, "abc…");
	/* 80 two-byte characters: 60 kept whole, then the ellipsis. */
	for (in[0] = '\0', i = 0; i < 80; i++)
		strcat(in, "ç");
	text_excerpt(in, SUB_QUOTE_MAX, out, sizeof out);
	ck_assert_int_eq(strlen(out), 60 * 2 + 3);
	ck_assert(strncmp(out + 118, "ç…", 5) == 0);
	/* A four-byte character is never cut, even where out is short. */
	text_excerpt("a😀b", 2, out, sizeof out);
	ck_assert_str_eq(out, "a😀…");
	text_excerpt("a😀b", 10, out, 7);
	ck_assert_str_eq(out, "a…");
	/* An ill-formed byte ends the text. */
	text_excerpt("ab\xff cd", 10, out, sizeof out);
	ck_assert_str_eq(out, "ab…");
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { lisbon_time, consultation_clock, emails_and_rates, excerpts,
		NULL };

	return tests_main(tests_suite("consult", 0, tests));
}
