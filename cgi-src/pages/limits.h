/* limits: the rate limits of the citizens' forms (pages/consultations.c), counted per
 * network so that one person cannot dodge them by changing address inside their own
 * network (lib/netprefix.h), and never refusing every client because of one client's
 * traffic.  Each accepted submission records an attempt of its narrow network
 * ("net:192.0.2.1/32"), of its wide network ("wide:192.0.2.0/24") and of its email
 * ("email:<SHA-256 of the folded address>", the key that aberta-admin submissions erase
 * forgets); each is capped per hour and per day (lib/consult.h RL_*).  While all networks
 * together send RL_PRESSURE_HOUR or more in an hour, a network that has already sent
 * RL_POW_FREE today proves work for each further submission (lib/pow.h): it
 * receives a single-use challenge, kept as the attempt "pow:<SHA-256 of network '|'
 * challenge>" with its time of issue, so that it is bound to the network and needs no
 * secret; it is paid by a nonce, or by waiting pow_wait(bits) seconds without one. */
#ifndef ABERTA_LIMITS_H
#define ABERTA_LIMITS_H
#include "lib/pow.h"

/* What a submission is answered. */
enum limits_verdict {
	LIMITS_ERROR = -1, /* a database error (recorded, see db_failed) */
	LIMITS_REFUSED,    /* over a cap: come back later */
	LIMITS_OK,         /* allowed, its attempts recorded */
	LIMITS_PROOF       /* a proof of work is asked: see struct limits_ask */
};

/* The proof asked: the challenge to send back, its bits, the seconds to wait without a
 * nonce (counted from now). */
struct limits_ask {
	char challenge[POW_CHALLENGE_MAX];
	int  bits;
	int  wait;
};

/* Checks a submission from client address addr (NULL: unknown) with email (as typed)
 * at now, with the challenge and nonce the form sent back (NULL: none), inside the
 * caller's write transaction: forgets the attempts older than a day, then answers.  On
 * LIMITS_OK the attempts are recorded; on LIMITS_PROOF *ask is filled and the challenge
 * is recorded (the caller commits it without the submission); on LIMITS_REFUSED
 * nothing is written. */
enum limits_verdict limits_check(const char *addr, const char *email, const char *challenge,
    const char *nonce, long long now, struct limits_ask *ask);

#endif
