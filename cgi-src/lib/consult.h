/* consult: the pure logic of public consultations and citizens' submissions: times
 * read and shown in a zone's wall clock (lib/tztime.h), the phase and countdown of a
 * consultation, email addresses and the limits of each field (the single-use tokens
 * sent by email: lib/token.h).  No database, no I/O (see pages/consultations.c for the
 * pages and store/mail.c for sending). */
#ifndef ABERTA_COCREATE_H
#define ABERTA_COCREATE_H
#include <stddef.h>
#include <time.h>

/* Parses "YYYY-MM-DDTHH:MM:SSZ" into *t.  Returns 0, or -1 when it is not that form. */
int utc_parse(const char *iso, time_t *t);
/* Writes t as "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes). */
void utc_format(time_t t, char *out, size_t outlen);
/* Reads a wall-clock time "YYYY-MM-DDTHH:MM" (or with a space, or with ":00") of zone
 * (a code of the timezone domain, lib/domains.h; NULL: Europe/Lisbon) and writes the
 * UTC time as "YYYY-MM-DDTHH:MM:SSZ" into out.  A time that happens twice (the hour
 * before the autumn change) is taken in summer time; one that does not exist (the
 * spring change) in winter time.  Returns 0, or -1 when it is not such a time or zone. */
int local_to_utc(const char *zone, const char *local, char *out, size_t outlen);
/* Writes the UTC time iso as the wall clock of zone (NULL: Europe/Lisbon),
 * "YYYY-MM-DDTHH:MM", into out, and its offset's abbreviation ("WET", "WEST", "-01",
 * "+00"...; it lasts the process) into abbr when not NULL.  Returns 0 or -1. */
int utc_to_local(const char *zone, const char *iso, char *out, size_t outlen, const char **abbr);

enum phase { PHASE_UPCOMING, PHASE_OPEN, PHASE_CLOSED };
/* The phase of a consultation open from opens to closes (UTC, as stored) at now. */
enum phase consultation_phase(time_t now, const char *opens, const char *closes);
/* The time left until the limit at now, rounded down: *n days (unit 'd') when at
 * least one day is left, else *n hours ('h') when at least one hour, else *n minutes
 * ('m', at least 1). */
void countdown(time_t now, time_t limit, long *n, char *unit);

/* 1 when s is an email address this site accepts: at most 254 bytes, one '@', a local
 * part of printable ASCII without spaces, quotes, angle brackets or the like, a domain
 * of letters, digits, hyphens and at least one dot. */
int valid_email(const char *s);
/* Copies an email address into out in lower case (the key of the rate limit and of the
 * erasure). */
void email_fold(const char *s, char *out, size_t outlen);

/* The limits of a submission's fields, in bytes. */
#define SUB_AUTHOR_MAX 80
#define SUB_ORG_MAX    200
#define SUB_TITLE_MAX  200
#define SUB_TEXT_MAX   5000
#define SUB_BODY_MIN   10

/* How long a confirmation link works, in seconds, and how long an unconfirmed
 * submission is kept. */
#define SUB_CONFIRM_TTL (7 * 24 * 3600)

/* Rate limits: submissions a client address, and an email address, may make in an
 * hour and in a day. */
#define RL_ADDR_HOUR  10
#define RL_ADDR_DAY   40
#define RL_EMAIL_HOUR 5
#define RL_EMAIL_DAY  20
/* The bound of the table of attempts: past it, every submission waits (a flood from
 * many addresses). */
#define RL_TOTAL_MAX 50000

/* 1 when n submissions in the last hour and d in the last day stay under the limits of
 * an address (email 0) or an email (email 1), counting the one about to be made. */
int rate_ok(int email, int n_hour, int n_day);

#endif
