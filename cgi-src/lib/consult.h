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
/* Copies an email address into out in lower case (the key of the rate limit, of the
 * erasure and of the login throttle, store/throttle.h). */
void email_fold(const char *s, char *out, size_t outlen);
/* Writes into out the rate limits' key "kind:" and the SHA-256 of text in hex (room:
 * the kind's length plus 66 bytes), so that the table of attempts keeps no text. */
void hashed_key(const char *kind, const char *text, char *out, size_t outlen);
/* Writes the rate limits' key of an email address into out (at least 71 bytes):
 * "email:" and the SHA-256 of the folded address in hex, so that the table of attempts
 * keeps no address (pages/limits.c counts it, aberta-admin submissions erase forgets
 * it). */
void email_key(const char *email, char *out, size_t outlen);

/* The limits of a submission's fields, in bytes. */
#define SUB_AUTHOR_MAX 80
#define SUB_ORG_MAX    200
#define SUB_TITLE_MAX  200
#define SUB_TEXT_MAX   5000
#define SUB_BODY_MIN   10

/* How long a confirmation link works, in seconds, and how long an unconfirmed
 * submission is kept. */
#define SUB_CONFIRM_TTL (7 * 24 * 3600)

/* The rate limits (pages/limits.h): the submissions that a narrow network (IPv4 /32,
 * IPv6 /64: one client, lib/netprefix.h), a wide network (IPv4 /24, IPv6 /48: one site
 * or one provider's block) and an email address (the confirmation emails it receives)
 * may make in an hour and in a day.  A wide network may send what four narrow ones
 * send: an office or a shared NAT passes, and one person holding a /48 (65,536 /64s)
 * gets 40 an hour, not 10 per /64. */
enum rate_tier { RL_NET, RL_WIDE, RL_EMAIL };
#define RL_NET_HOUR   10
#define RL_NET_DAY    40
#define RL_WIDE_HOUR  40
#define RL_WIDE_DAY   160
#define RL_EMAIL_HOUR 5
#define RL_EMAIL_DAY  20
/* Pressure: at RL_PRESSURE_HOUR submissions or more in the last hour from all networks
 * together, a network that has already sent RL_POW_FREE today (its wide network
 * counted as one narrow network per RL_WIDE_DAY / RL_NET_DAY) proves work (lib/pow.h)
 * for each further one; at most RL_POW_OPEN challenges a narrow network in an hour. */
#define RL_PRESSURE_HOUR 1000
#define RL_POW_FREE      3
#define RL_POW_OPEN      10

/* 1 when n submissions in the last hour and d in the last day stay under the limits of
 * tier, counting the one about to be made. */
int rate_ok(enum rate_tier tier, int n_hour, int n_day);

/* Writes into out (outlen bytes, at least 4) the first max characters of the UTF-8 text
 * s, followed by "…" when s is longer; the cut is at a character boundary (earlier when
 * out is too small), and an ill-formed byte ends the text. */
void text_excerpt(const char *s, size_t max, char *out, size_t outlen);
/* The characters of a citizen's text that the confirmation email quotes. */
#define SUB_QUOTE_MAX 60

#endif
