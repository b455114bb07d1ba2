/* The rate limits of the citizens' forms (see limits.h). */
#include <stdio.h>

#include "lib/consult.h"
#include "lib/netprefix.h"
#include "lib/pow.h"
#include "pages/limits.h"
#include "store/submit.h"

#define KEY_MAX 96 /* bytes of an attempt's key */
#define HOUR    3600
#define DAY     86400

/* The keys of one submission's attempts. */
struct keys {
	char net[KEY_MAX];   /* its narrow network */
	char wide[KEY_MAX];  /* its wide network */
	char email[KEY_MAX]; /* its email */
	char open[KEY_MAX];  /* the challenges its narrow network was given */
};

/* Fills k for a submission from addr (NULL: unknown) with email. */
static void
keys_make(const char *addr, const char *email, struct keys *k)
{
	char net[NET_PREFIX_MAX];

	net_prefix(addr ? addr : "-", NET_NARROW, net, sizeof net);
	snprintf(k->net, sizeof k->net, "net:%s", net);
	snprintf(k->open, sizeof k->open, "powq:%s", net);
	net_prefix(addr ? addr : "-", NET_WIDE, net, sizeof net);
	snprintf(k->wide, sizeof k->wide, "wide:%s", net);
	email_key(email, k->email, sizeof k->email);
}

/* Writes the key of challenge ch given to the narrow network whose key is net. */
static void
challenge_key(const char *net, const char *ch, char *out, size_t outlen)
{
	char text[KEY_MAX + POW_CHALLENGE_MAX + 1];

	snprintf(text, sizeof text, "%s|%s", net, ch);
	hashed_key("pow", text, out, outlen);
}

/* Gives the narrow network of k a new challenge for its extra-th submission past the
 * free ones, into *ask; none past RL_POW_OPEN in the last hour. */
static enum limits_verdict
challenge(const struct keys *k, int extra, long long now, struct limits_ask *ask)
{
	char key[KEY_MAX];
	int  open = submit_attempts(k->open, now - HOUR);

	if (open < 0)
		return LIMITS_ERROR;
	if (open >= RL_POW_OPEN)
		return LIMITS_REFUSED;
	ask->bits = pow_bits(extra);
	ask->wait = pow_wait(ask->bits);
	pow_challenge_new(ask->bits, ask->challenge, sizeof ask->challenge);
	challenge_key(k->net, ask->challenge, key, sizeof key);
	return submit_attempt_add(key, now) == 0 && submit_attempt_add(k->open, now) == 0
	    ? LIMITS_PROOF
	    : LIMITS_ERROR;
}

/* The proof of the network of k, under pressure: challenge ch (NULL: none), given to
 * this network and not yet used, paid by nonce or by its wait; it is then used up.  A
 * challenge not yet paid is asked again with the time left; else a new one. */
static enum limits_verdict
proof(const struct keys *k, const char *ch, const char *nonce, int extra, long long now,
    struct limits_ask *ask)
{
	char      key[KEY_MAX];
	long long at;
	int       bits = pow_challenge_bits(ch), rc;

	if (bits < 0)
		return challenge(k, extra, now, ask);
	challenge_key(k->net, ch, key, sizeof key);
	if ((rc = submit_attempt_at(key, &at)) != 1)
		return rc < 0 ? LIMITS_ERROR : challenge(k, extra, now, ask);
	if (pow_ok(ch, nonce) || now - at >= pow_wait(bits))
		return submit_attempt_take(key) == 0 ? LIMITS_OK : LIMITS_ERROR;
	snprintf(ask->challenge, sizeof ask->challenge, "%s", ch);
	ask->bits = bits;
	ask->wait = pow_wait(bits) - (int)(now - at);
	return LIMITS_PROOF;
}

enum limits_verdict
limits_check(const char *addr, const char *email, const char *challenge, const char *nonce,
    long long now, struct limits_ask *ask)
{
	struct keys         k;
	int                 nh, nd, wh, wd, eh, ed, heavy, busy = 0;
	enum limits_verdict v = LIMITS_OK;

	if (submit_attempts_forget(now - DAY) != 0)
		return LIMITS_ERROR;
	keys_make(addr, email, &k);
	nh = submit_attempts(k.net, now - HOUR);
	nd = submit_attempts(k.net, now - DAY);
	wh = submit_attempts(k.wide, now - HOUR);
	wd = submit_attempts(k.wide, now - DAY);
	eh = submit_attempts(k.email, now - HOUR);
	ed = submit_attempts(k.email, now - DAY);
	if (nh < 0 || nd < 0 || wh < 0 || wd < 0 || eh < 0 || ed < 0)
		return LIMITS_ERROR;
	if (!rate_ok(RL_NET, nh, nd) || !rate_ok(RL_WIDE, wh, wd) || !rate_ok(RL_EMAIL, eh, ed))
		return LIMITS_REFUSED;
	/* How heavy a sender it is: its narrow network, or its wide one counted as one
	 * narrow network per RL_WIDE_DAY / RL_NET_DAY. */
	heavy = nd > wd / (RL_WIDE_DAY / RL_NET_DAY) ? nd : wd / (RL_WIDE_DAY / RL_NET_DAY);
	if (heavy >= RL_POW_FREE && (busy = submit_pressure(now - HOUR)) < 0)
		return LIMITS_ERROR;
	if (busy >= RL_PRESSURE_HOUR)
		v = proof(&k, challenge, nonce, heavy - RL_POW_FREE + 1, now, ask);
	if (v != LIMITS_OK)
		return v;
	return submit_attempt_add(k.net, now) == 0 && submit_attempt_add(k.wide, now) == 0 &&
		submit_attempt_add(k.email, now) == 0
	    ? LIMITS_OK
	    : LIMITS_ERROR;
}
