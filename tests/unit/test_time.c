/* Time from the tz database (lib/tztime.h and the zone-taking conversions of
 * lib/consult.h): both clock changes of 2026 (01:00 UTC on the last Sunday of March and
 * of October) in each zone of Portugal, with the hour that does not exist and the one
 * that happens twice, in both directions.  TAP output through Check. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../lib/testlib.h"
#include "lib/consult.h"
#include "lib/tztime.h"

/* One conversion each way: the UTC time, and the wall clock shown then. */
struct shown {
	const char *utc;  /* "YYYY-MM-DDTHH:MM:SSZ" */
	const char *wall; /* "YYYY-MM-DDTHH:MM" */
	const char *abbr; /* the offset's abbreviation */
	long        off;  /* seconds east of UTC */
};

/* Checks that utc is shown as wall in zone, with its abbreviation and offset. */
static void
check_shown(const char *zone, const struct shown *s)
{
	char        out[32];
	const char *abbr = NULL;
	time_t      t;

	ck_assert_int_eq(utc_to_local(zone, s->utc, out, sizeof out, &abbr), 0);
	ck_assert_msg(strcmp(out, s->wall) == 0, "%s: %s shown as %s, not %s",
	    zone ? zone : "default", s->utc, out, s->wall);
	ck_assert_ptr_nonnull(abbr);
	ck_assert_str_eq(abbr, s->abbr);
	ck_assert_int_eq(utc_parse(s->utc, &t), 0);
	ck_assert_int_eq(tz_offset(zone, t), s->off);
}

/* Checks that the wall clock wall of zone is read as the UTC time utc. */
static void
check_read(const char *zone, const char *wall, const char *utc)
{
	char out[32];

	ck_assert_int_eq(local_to_utc(zone, wall, out, sizeof out), 0);
	ck_assert_msg(strcmp(out, utc) == 0, "%s: %s read as %s, not %s", zone ? zone : "default",
	    wall, out, utc);
}

/* Every minute from three hours before to three hours after the change at utc: shown
 * and read back, the same time, but for the second pass of a repeated hour, read as
 * the first (an hour earlier). */
static void
check_round_trip(const char *zone, const char *change)
{
	char   iso[32], wall[32], back[32];
	time_t c, t, b;
	long   before;

	ck_assert_int_eq(utc_parse(change, &c), 0);
	before = tz_offset(zone, c - 1);
	for (t = c - 3 * 3600; t <= c + 3 * 3600; t += 60) {
		utc_format(t, iso, sizeof iso);
		ck_assert_int_eq(utc_to_local(zone, iso, wall, sizeof wall, NULL), 0);
		ck_assert_int_eq(local_to_utc(zone, wall, back, sizeof back), 0);
		ck_assert_int_eq(utc_parse(back, &b), 0);
		/* In autumn the hour after the change was shown once already. */
		if (before > tz_offset(zone, c) && t >= c && t < c + 3600)
			ck_assert_msg(b == t - 3600, "%s: %s -> %s -> %s", zone, iso, wall, back);
		else
			ck_assert_msg(b == t, "%s: %s -> %s -> %s", zone, iso, wall, back);
	}
}

/* Lisbon and Madeira: WET (UTC+0) in winter, WEST (UTC+1) in summer, the clock moving
 * at 01:00 UTC: 01:00 -> 02:00 in March, 02:00 -> 01:00 in October. */
static void
check_wet(const char *zone)
{
	static const struct shown s[] = {
		{ "2026-03-29T00:59:59Z", "2026-03-29T00:59", "WET", 0 },
		{ "2026-03-29T01:00:00Z", "2026-03-29T02:00", "WEST", 3600 },
		{ "2026-10-25T00:59:59Z", "2026-10-25T01:59", "WEST", 3600 },
		{ "2026-10-25T01:00:00Z", "2026-10-25T01:00", "WET", 0 },
		{ "2026-01-15T12:00:00Z", "2026-01-15T12:00", "WET", 0 },
		{ "2026-07-15T12:00:00Z", "2026-07-15T13:00", "WEST", 3600 },
	};
	size_t i;

	for (i = 0; i < sizeof s / sizeof s[0]; i++)
		check_shown(zone, &s[i]);
	/* Spring: 01:00-01:59 never shown, read in winter time (as if not yet changed). */
	check_read(zone, "2026-03-29T00:59", "2026-03-29T00:59:00Z");
	check_read(zone, "2026-03-29T01:00", "2026-03-29T01:00:00Z");
	check_read(zone, "2026-03-29T01:30", "2026-03-29T01:30:00Z");
	check_read(zone, "2026-03-29 02:00", "2026-03-29T01:00:00Z");
	check_read(zone, "2026-03-29T02:30:00", "2026-03-29T01:30:00Z");
	/* Autumn: 01:00-01:59 shown twice, read as the first (summer time). */
	check_read(zone, "2026-10-25T00:59", "2026-10-24T23:59:00Z");
	check_read(zone, "2026-10-25T01:00", "2026-10-25T00:00:00Z");
	check_read(zone, "2026-10-25T01:30", "2026-10-25T00:30:00Z");
	check_read(zone, "2026-10-25T01:59", "2026-10-25T00:59:00Z");
	check_read(zone, "2026-10-25T02:00", "2026-10-25T02:00:00Z");
	check_round_trip(zone, "2026-03-29T01:00:00Z");
	check_round_trip(zone, "2026-10-25T01:00:00Z");
}

START_TEST(lisbon)
{
	check_wet("Europe/Lisbon");
}
END_TEST

START_TEST(lisbon_by_default)
{
	check_wet(NULL);
}
END_TEST

START_TEST(madeira)
{
	check_wet("Atlantic/Madeira");
}
END_TEST

/* The Azores: UTC-1 in winter, UTC+0 in summer, the clock moving at the same instant
 * (01:00 UTC): 00:00 -> 01:00 in March, 01:00 -> 00:00 in October. */
START_TEST(azores)
{
	static const char *const  z = "Atlantic/Azores";
	static const struct shown s[] = {
		{ "2026-03-29T00:59:59Z", "2026-03-28T23:59", "-01", -3600 },
		{ "2026-03-29T01:00:00Z", "2026-03-29T01:00", "+00", 0 },
		{ "2026-10-25T00:59:59Z", "2026-10-25T00:59", "+00", 0 },
		{ "2026-10-25T01:00:00Z", "2026-10-25T00:00", "-01", -3600 },
		{ "2026-01-15T12:00:00Z", "2026-01-15T11:00", "-01", -3600 },
		{ "2026-07-15T12:00:00Z", "2026-07-15T12:00", "+00", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof s / sizeof s[0]; i++)
		check_shown(z, &s[i]);
	/* Spring: 00:00-00:59 never shown, read in winter time (UTC-1). */
	check_read(z, "2026-03-28T23:59", "2026-03-29T00:59:00Z");
	check_read(z, "2026-03-29T00:00", "2026-03-29T01:00:00Z");
	check_read(z, "2026-03-29T00:30", "2026-03-29T01:30:00Z");
	check_read(z, "2026-03-29T01:00", "2026-03-29T01:00:00Z");
	/* Autumn: 00:00-00:59 shown twice, read as the first (summer time, UTC+0). */
	check_read(z, "2026-10-24T23:59", "2026-10-24T23:59:00Z");
	check_read(z, "2026-10-25T00:00", "2026-10-25T00:00:00Z");
	check_read(z, "2026-10-25T00:30", "2026-10-25T00:30:00Z");
	check_read(z, "2026-10-25T01:00", "2026-10-25T02:00:00Z");
	check_round_trip(z, "2026-03-29T01:00:00Z");
	check_round_trip(z, "2026-10-25T01:00:00Z");
}
END_TEST

/* What the EU rule alone did not know: Lisbon kept Central European Time from 1992 to
 * 1996. */
START_TEST(history)
{
	static const struct shown s = { "1995-01-15T12:00:00Z", "1995-01-15T13:00", "CET", 3600 };

	check_shown(NULL, &s);
	check_read(NULL, "1995-01-15T13:00", "1995-01-15T12:00:00Z");
}
END_TEST

/* Only the zones of the timezone domain; bad wall clocks; TZ left as it was. */
START_TEST(zones_and_tz)
{
	char      out[32];
	time_t    t = 1800000000; /* 2027-01-15, winter */
	struct tm tm;

	ck_assert(tz_known(NULL));
	ck_assert(tz_known("Atlantic/Azores"));
	ck_assert(!tz_known("Europe/Paris"));
	ck_assert(!tz_known("UTC"));
	ck_assert(!tz_known(""));
	ck_assert_int_eq(tz_local("Europe/Paris", t, &tm), -1);
	ck_assert_int_eq(tz_offset("Europe/Paris", t), 0);
	ck_assert_int_eq(local_to_utc("Europe/Paris", "2026-07-01T10:00", out, sizeof out), -1);
	ck_assert_int_eq(
	    utc_to_local("Europe/Paris", "2026-07-01T10:00:00Z", out, sizeof out, NULL), -1);
	ck_assert_int_eq(local_to_utc("Atlantic/Azores", "2026-02-30T10:00", out, sizeof out), -1);
	ck_assert_int_eq(local_to_utc("Atlantic/Azores", "2026-02-10T24:00", out, sizeof out), -1);
	ck_assert_int_eq(
	    local_to_utc("Atlantic/Azores", "2026-02-10T10:00:30", out, sizeof out), -1);
	ck_assert_int_eq(
	    utc_to_local("Atlantic/Azores", "2026-02-10T10:00", out, sizeof out, NULL), -1);

	/* TZ set before: set to the same after, and localtime follows it again. */
	ck_assert_int_eq(setenv("TZ", "Asia/Tokyo", 1), 0);
	tzset();
	ck_assert_int_eq(tz_offset("Atlantic/Azores", t), -3600);
	ck_assert_str_eq(getenv("TZ"), "Asia/Tokyo");
	ck_assert_ptr_nonnull(localtime_r(&t, &tm));
	ck_assert_int_eq(tm.tm_gmtoff, 9 * 3600);
	/* TZ unset before: unset after. */
	ck_assert_int_eq(unsetenv("TZ"), 0);
	tzset();
	ck_assert_int_eq(local_to_utc("Europe/Lisbon", "2026-07-01T10:00", out, sizeof out), 0);
	ck_assert_str_eq(out, "2026-07-01T09:00:00Z");
	ck_assert_ptr_null(getenv("TZ"));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("time");
	TCase *tc = tcase_create("all");

	tcase_add_test(tc, lisbon);
	tcase_add_test(tc, lisbon_by_default);
	tcase_add_test(tc, madeira);
	tcase_add_test(tc, azores);
	tcase_add_test(tc, history);
	tcase_add_test(tc, zones_and_tz);
	suite_add_tcase(s, tc);
	return tests_main(s);
}
