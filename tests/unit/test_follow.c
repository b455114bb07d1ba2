/* The sending of the email alerts, without a database: when a digest is due
 * (lib/followtime.h) with the clock given, through both changes of the clock of 2026
 * (01:00 UTC on 29 March and 25 October in Lisbon) and at an hour that is skipped or
 * shown twice; a timer every 5 minutes for two weeks sends each digest once a day (or a
 * week), at the first run at or after its hour; the batching of changes "as it
 * happens"; the settings; and the headers of a message with extra headers
 * (store/mail.h mail_compose_alt_h).  TAP output through Check. */
#include <string.h>
#include <time.h>

#include "../lib/testlib.h"
#include "lib/buf.h"
#include "lib/consult.h"
#include "lib/followtime.h"
#include "lib/tztime.h"
#include "store/mail.h"

/* The unix time of the UTC time iso. */
static time_t
at(const char *iso)
{
	time_t t;

	ck_assert_msg(utc_parse(iso, &t) == 0, "%s is not a UTC time", iso);
	return t;
}

/* Checks that the latest slot of f at hour at or before now is the UTC time want. */
static void
check_slot(enum follow_freq f, int hour, const char *now, const char *want)
{
	time_t slot;
	char   got[32];

	ck_assert_int_eq(follow_digest_slot(f, hour, at(now), &slot), 0);
	utc_format(slot, got, sizeof got);
	ck_assert_msg(strcmp(got, want) == 0, "%s digest at %d, now %s: slot %s, not %s",
	    f == FOLLOW_DAILY ? "daily" : "weekly", hour, now, got, want);
}

/* The daily slot at 8 in winter (08:00 UTC) and in summer (07:00 UTC), on both sides of
 * each change, and before the hour: the day before. */
START_TEST(daily_at_eight)
{
	check_slot(FOLLOW_DAILY, 8, "2026-03-28T12:00:00Z", "2026-03-28T08:00:00Z");
	check_slot(FOLLOW_DAILY, 8, "2026-03-28T07:59:59Z", "2026-03-27T08:00:00Z");
	check_slot(FOLLOW_DAILY, 8, "2026-03-29T07:00:00Z", "2026-03-29T07:00:00Z");
	check_slot(FOLLOW_DAILY, 8, "2026-03-29T06:59:59Z", "2026-03-28T08:00:00Z");
	check_slot(FOLLOW_DAILY, 8, "2026-03-30T00:30:00Z", "2026-03-29T07:00:00Z");
	check_slot(FOLLOW_DAILY, 8, "2026-10-24T07:00:00Z", "2026-10-24T07:00:00Z");
	check_slot(FOLLOW_DAILY, 8, "2026-10-25T07:59:59Z", "2026-10-24T07:00:00Z");
	check_slot(FOLLOW_DAILY, 8, "2026-10-25T08:00:00Z", "2026-10-25T08:00:00Z");
	/* The first of a month and of a year. */
	check_slot(FOLLOW_DAILY, 8, "2026-01-01T05:00:00Z", "2025-12-31T08:00:00Z");
	check_slot(FOLLOW_DAILY, 0, "2026-07-01T00:30:00Z", "2026-06-30T23:00:00Z");
	check_slot(FOLLOW_DAILY, 23, "2026-07-01T22:00:00Z", "2026-07-01T22:00:00Z");
}
END_TEST

/* At 1 o'clock: on 29 March the clock jumps from 01:00 to 02:00, and 01:00 is taken as
 * the moment it jumps; on 25 October 01:00 to 02:00 is shown twice, and the slot is the
 * first showing only. */
START_TEST(hour_skipped_or_twice)
{
	check_slot(FOLLOW_DAILY, 1, "2026-03-28T23:00:00Z", "2026-03-28T01:00:00Z");
	check_slot(FOLLOW_DAILY, 1, "2026-03-29T01:00:00Z", "2026-03-29T01:00:00Z");
	check_slot(FOLLOW_DAILY, 1, "2026-03-30T00:00:00Z", "2026-03-30T00:00:00Z");
	check_slot(FOLLOW_DAILY, 1, "2026-10-25T00:00:00Z", "2026-10-25T00:00:00Z");
	check_slot(FOLLOW_DAILY, 1, "2026-10-25T01:30:00Z", "2026-10-25T00:00:00Z");
	ck_assert_int_eq(follow_digest_due(FOLLOW_DAILY, 1, at("2026-10-25T00:05:00Z"),
			     at("2026-10-25T01:05:00Z")),
	    0);
	check_slot(FOLLOW_DAILY, 1, "2026-10-26T01:00:00Z", "2026-10-26T01:00:00Z");
}
END_TEST

/* Weekly: the Monday of the week (30 March 2026 is one), or of the week before. */
START_TEST(weekly_on_monday)
{
	check_slot(FOLLOW_WEEKLY, 8, "2026-04-01T12:00:00Z", "2026-03-30T07:00:00Z");
	check_slot(FOLLOW_WEEKLY, 8, "2026-03-30T06:59:00Z", "2026-03-23T08:00:00Z");
	check_slot(FOLLOW_WEEKLY, 8, "2026-03-29T23:00:00Z", "2026-03-23T08:00:00Z");
	check_slot(FOLLOW_WEEKLY, 8, "2026-03-30T07:00:00Z", "2026-03-30T07:00:00Z");
	check_slot(FOLLOW_WEEKLY, 8, "2026-01-01T12:00:00Z", "2025-12-29T08:00:00Z");
	check_slot(FOLLOW_WEEKLY, 8, "2026-10-26T08:00:00Z", "2026-10-26T08:00:00Z");
	ck_assert_int_eq(
	    follow_digest_slot(FOLLOW_IMMEDIATE, 8, at("2026-04-01T12:00:00Z"), &(time_t){ 0 }),
	    -1);
	ck_assert_int_eq(
	    follow_digest_slot(FOLLOW_DAILY, 24, at("2026-04-01T12:00:00Z"), &(time_t){ 0 }), -1);
}
END_TEST

/* A timer every 5 minutes from from to to (UTC): each digest of f at hour is due once a
 * period, at the first run at or after its slot; the sends are counted into *n, the
 * first's and last's times written into first and last. */
static void
simulate(
    enum follow_freq f, int hour, const char *from, const char *to, int *n, char *first, char *last)
{
	time_t t, sent = at(from), slot;

	*n = 0;
	for (t = at(from); t <= at(to); t += 300) {
		if (!follow_digest_due(f, hour, sent, t))
			continue;
		ck_assert_int_eq(follow_digest_slot(f, hour, t, &slot), 0);
		ck_assert_msg(
		    t - slot < 300, "a digest sent %ld s after its hour", (long)(t - slot));
		sent = t;
		utc_format(t, *n == 0 ? first : last, 32);
		(*n)++;
	}
}

/* Two weeks around each change: one daily digest a day, one weekly a week. */
START_TEST(once_a_period)
{
	char first[32], last[32];
	int  n;

	simulate(FOLLOW_DAILY, 8, "2026-03-22T09:00:00Z", "2026-04-05T09:00:00Z", &n, first, last);
	ck_assert_int_eq(n, 14);
	ck_assert_str_eq(first, "2026-03-23T08:00:00Z");
	ck_assert_str_eq(last, "2026-04-05T07:00:00Z");
	simulate(FOLLOW_DAILY, 1, "2026-10-18T09:00:00Z", "2026-11-01T09:00:00Z", &n, first, last);
	ck_assert_int_eq(n, 14);
	ck_assert_str_eq(first, "2026-10-19T00:00:00Z");
	ck_assert_str_eq(last, "2026-11-01T01:00:00Z");
	simulate(FOLLOW_WEEKLY, 8, "2026-03-22T09:00:00Z", "2026-04-12T09:00:00Z", &n, first, last);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(first, "2026-03-23T08:00:00Z");
	ck_assert_str_eq(last, "2026-04-06T07:00:00Z");
}
END_TEST

/* As it happens: a batch waits until its newest change is FOLLOW_QUIET old, or its
 * oldest FOLLOW_MAXWAIT. */
START_TEST(batching)
{
	time_t t = at("2026-04-15T10:00:00Z");

	ck_assert_int_eq(follow_batch_due(t, t, t + FOLLOW_QUIET - 1), 0);
	ck_assert_int_eq(follow_batch_due(t, t, t + FOLLOW_QUIET), 1);
	/* An editing session: a change every minute keeps the batch waiting... */
	ck_assert_int_eq(follow_batch_due(t, t + 1200, t + 1260), 0);
	/* ...until its first change has waited FOLLOW_MAXWAIT. */
	ck_assert_int_eq(follow_batch_due(t, t + FOLLOW_MAXWAIT - 60, t + FOLLOW_MAXWAIT), 1);
	/* A change dated after now (a clock behind) waits. */
	ck_assert_int_eq(follow_batch_due(t, t + 60, t), 0);
}
END_TEST

/* The settings: frequencies and the digests' hour. */
START_TEST(settings)
{
	enum follow_freq f;
	int              h;

	ck_assert_int_eq(follow_freq_parse("weekly", &f), 0);
	ck_assert_int_eq(f, FOLLOW_WEEKLY);
	ck_assert_str_eq(follow_freq_name(f), "weekly");
	ck_assert_int_eq(follow_freq_parse("hourly", &f), -1);
	ck_assert_int_eq(follow_freq_parse(NULL, &f), -1);
	ck_assert_int_eq(follow_hour_parse(NULL, &h), 0);
	ck_assert_int_eq(h, FOLLOW_HOUR);
	ck_assert_int_eq(follow_hour_parse("", &h), 0);
	ck_assert_int_eq(h, 8);
	ck_assert_int_eq(follow_hour_parse("0", &h), 0);
	ck_assert_int_eq(h, 0);
	ck_assert_int_eq(follow_hour_parse("23", &h), 0);
	ck_assert_int_eq(h, 23);
	ck_assert_int_eq(follow_hour_parse("24", &h), -1);
	ck_assert_int_eq(follow_hour_parse("8h", &h), -1);
	ck_assert_int_eq(follow_hour_parse("-1", &h), -1);
}
END_TEST

/* The headers of a message with extra ones: each after the usual, in the header block;
 * a line break or a line without a name refused. */
START_TEST(extra_headers)
{
	const char *extra[] = { "List-Unsubscribe: <https://x.pt/follow/unsubscribe/ab>",
		"List-Unsubscribe-Post: List-Unsubscribe=One-Click", NULL };
	const char *bad1[] = { "X-A: 1\r\nBcc: b@y.pt", NULL }, *bad2[] = { "no name", NULL };
	struct buf  m = { 0 };
	char       *end;

	ck_assert_int_eq(mail_compose_alt_h(&m, "ogp@ama.pt", "a@x.pt", "Novidades", extra, "t",
			     "<p>t</p>", at("2026-04-15T10:00:00Z")),
	    0);
	ck_assert_ptr_nonnull(end = strstr(m.p, "\r\n\r\n"));
	end[2] = '\0'; /* the headers alone */
	ck_assert_ptr_nonnull(
	    strstr(m.p, "\r\nList-Unsubscribe: <https://x.pt/follow/unsubscribe/ab>\r\n"));
	ck_assert_ptr_nonnull(
	    strstr(m.p, "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
	ck_assert_ptr_nonnull(strstr(m.p, "Date: Wed, 15 Apr 2026 10:00:00 +0000\r\n"));
	ck_assert_ptr_nonnull(strstr(m.p, "\r\nAuto-Submitted: auto-generated\r\n"));
	ck_assert_ptr_nonnull(strstr(m.p, "\r\nMessage-ID: <"));
	ck_assert_ptr_nonnull(strstr(m.p, "@ama.pt>\r\n"));
	buf_free(&m);
	ck_assert_int_eq(
	    mail_compose_alt_h(&m, "ogp@ama.pt", "a@x.pt", "S", bad1, "t", "h", 0), -1);
	buf_free(&m);
	ck_assert_int_eq(
	    mail_compose_alt_h(&m, "ogp@ama.pt", "a@x.pt", "S", bad2, "t", "h", 0), -1);
	buf_free(&m);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { daily_at_eight, hour_skipped_or_twice, weekly_on_monday,
		once_a_period, batching, settings, extra_headers, NULL };

	return tests_main(tests_suite("follow", 0, tests));
}
