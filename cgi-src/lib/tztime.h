/* tztime: wall-clock time in the zones of Portugal, from the tz database (tzdata):
 * localtime_r and mktime under TZ set to the zone, which is restored afterwards.  The
 * zones are the timezone domain of lib/domains.h: Europe/Lisbon (the default),
 * Atlantic/Madeira and Atlantic/Azores.  Not for threads: TZ is process-wide.  And the
 * calendar's dates in words, in Portuguese and English, for the pages and the emails. */
#ifndef ABERTA_TZTIME_H
#define ABERTA_TZTIME_H
#include <stddef.h>
#include <time.h>

/* The zone used where a row names none. */
#define TZ_DEFAULT "Europe/Lisbon"

/* 1 when zone is NULL (TZ_DEFAULT) or one of the zones of the timezone domain. */
int tz_known(const char *zone);
/* Breaks utc down into the wall clock of zone (NULL: TZ_DEFAULT) in *tm, with
 * tm_isdst, tm_gmtoff and tm_zone (the abbreviation, "WET", "WEST", "-01"..., kept by
 * the C library for the life of the process) as the tz database gives them.  Returns 0,
 * or -1 when the zone is unknown or the tz database does not have it. */
int tz_local(const char *zone, time_t utc, struct tm *tm);
/* The offset of zone (NULL: TZ_DEFAULT) from UTC at utc, in seconds (3600 for WEST);
 * 0 when the zone is unknown. */
long tz_offset(const char *zone, time_t utc);
/* Sets *utc to the time at which the wall clock of zone (NULL: TZ_DEFAULT) shows
 * wall's year, month, day, hour, minute and second (the other fields are ignored).  A
 * time shown twice (the hour before the autumn change) is taken in summer time, the
 * first; one never shown (the hour skipped in spring) in winter time, as if the clock
 * had not yet changed.  Returns 0, or -1 when the zone is unknown or the tz database
 * does not have it. */
int tz_utc(const char *zone, const struct tm *wall, time_t *utc);
/* Writes the ISO date iso (year, month or day precision: 2026, 2026-06, 2026-06-30) in
 * words into out, cut and NUL-terminated like snprintf: in Portuguese (en 0: "30 de
 * junho de 2026", "junho de 2026", "2026") or English (1: "30 June 2026").  A day
 * outside 1..31 is left out; with no month of 1..12, the first 10 bytes of iso as they
 * are.  The calendar's date, not a time: no zone is involved. */
void tz_date_words(const char *iso, int en, char *out, size_t outlen);

#endif
