/*
 * aberta-admin follow send [--now UNIX]: the email alerts of the people who follow a
 * commitment, a plan, a body or the whole site (migration 16), queued in the outbox;
 * `aberta-admin mail flush` sends them (conf/aberta-follow.service runs both every 5
 * minutes, and what cannot be sent waits for aberta-mail.timer).
 *
 * A subscription is due (lib/followtime.h): "as it happens" when it has changes waiting
 * (store/changes.h changes_list: of the revision log after its sent_rev, of time after
 * its sent_at, until now) and the newest is FOLLOW_QUIET seconds old or the oldest
 * FOLLOW_MAXWAIT; a digest when the latest daily (or Monday's) hour of Lisbon's clock,
 * ABERTA_DIGEST_HOUR (default 8), has passed since its sent_at.  All the due
 * subscriptions of one address in one language make one message (view/alert.h: a
 * section a thing, each change once), queued with a follow_sent row and the marks of
 * those subscriptions moved to the newest revision and now, in one transaction per
 * message.  A due subscription with nothing to tell gets no message: only its marks
 * move (a digest must not be looked at again until its next hour; as the window up to
 * now was empty, nothing can be told twice or lost).  At most ABERTA_FOLLOW_CAP
 * (default 500) messages are queued in any hour (follow_sent): the rest wait, their
 * marks unmoved, for the next run.  follow_sent rows older than 8 days are pruned.
 * --now: the time to take as now, in unix seconds (tests).  The links start with
 * ABERTA_BASE_URL; the HTML part comes from ABERTA_TEMPLATES (default templates).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/commands.h"
#include "cli/followlist.h"
#include "lib/buf.h"
#include "lib/followtime.h"
#include "lib/valid.h"
#include "store/changes.h"
#include "store/followsend.h"
#include "store/mail.h"
#include "store/stmt.h"
#include "view/alert.h"
#include "view/tpl.h"

#define FOLLOW_CAP     500     /* messages an hour when ABERTA_FOLLOW_CAP is not set */
#define FOLLOW_CAP_MAX 1000000 /* the most it may be set to */

/* One run of follow send. */
struct run {
	sqlite3             *db;
	time_t               now;
	int                  hour;     /* the digests' hour */
	long long            budget;   /* messages still allowed in this hour */
	struct follow_lists *lists;    /* the changes it tells, up to its newest revision */
	long long            rev;      /* that revision: the marks of what it tells */
	int                  messages; /* queued */
	int                  items;    /* changes they tell */
	int                  marked;   /* subscriptions due with nothing to tell */
	int                  waiting;  /* messages left for a later run by the cap */
};

/* Whether subscription s is due in run r; *pending: it has changes waiting.  Returns 1
 * or 0, or -1 on a database error. */
static int
due(const struct run *r, const struct follow_sub *s, int *pending)
{
	const struct change *ch;
	size_t               n;
	time_t               oldest, newest;

	*pending = 0;
	if (s->freq != FOLLOW_IMMEDIATE &&
	    !follow_digest_due(s->freq, r->hour, (time_t)s->sent_at, r->now))
		return 0;
	if (follow_lists_get(r->lists, s->kind, s->target, s->sent_rev, s->sent_at, &ch, &n,
		&oldest, &newest) != 0)
		return -1;
	*pending = n > 0;
	if (s->freq != FOLLOW_IMMEDIATE)
		return 1;
	return n > 0 && follow_batch_due(oldest, newest, r->now);
}

/* Writes what changed for the n due subscriptions subs[pick[0..n)] into alert a, a
 * section each in their order, and moves their marks to the run's revision and now; a subscription
 * that another run told meanwhile, or that was changed or stopped, is left out.
 * Returns the number written, or -1. */
static int
fill(struct run *r, struct alert *a, const struct follow_sub *subs, const size_t *pick, size_t n)
{
	const struct change *ch;
	size_t               i, j, k;
	time_t               oldest, newest;
	int                  still, told = 0;

	for (i = 0; i < n; i++) {
		const struct follow_sub *s = &subs[pick[i]];

		if ((still = followsend_still(s)) < 0)
			return -1;
		if (!still)
			continue;
		if (alert_section(a, s->kind, s->ref, s->en ? s->name_en : s->name_pt, s->freq) !=
			0 ||
		    follow_lists_get(r->lists, s->kind, s->target, s->sent_rev, s->sent_at, &ch, &k,
			&oldest, &newest) != 0)
			return -1;
		for (j = 0; j < k; j++)
			if (alert_change(a, &ch[j]) < 0)
				return -1;
		if (followsend_mark(s->id, r->rev > s->sent_rev ? r->rev : s->sent_rev,
			(long long)r->now > s->sent_at ? (long long)r->now : s->sent_at) != 0)
			return -1;
		told++;
	}
	return told;
}

/* In one transaction: the message telling what changed for the n due subscriptions
 * subs[pick[0..n)] (one language) of who, queued with its follow_sent row, and their marks moved;
 * only the marks when nothing is to be told; nothing when every one of them was told or
 * changed meanwhile.  The caller keeps to the hour's cap: past it, it calls this only
 * when none of them has changes waiting.  Returns 0, or -1 after printing the database
 * error (rolled back). */
static int
tell(struct run *r, const struct follow_who *who, const struct follow_sub *subs, const size_t *pick,
    size_t n)
{
	struct alert *a = NULL;
	struct buf    msg = { 0 };
	int           items = 0, told, rc = -1;

	if (store_begin(r->db) != 0)
		goto out;
	if ((a = alert_new(subs[pick[0]].en, who->token)) == NULL ||
	    (told = fill(r, a, subs, pick, n)) < 0)
		goto undo;
	if (told == 0) {
		store_rollback(r->db);
		rc = 0;
		goto out;
	}
	items = alert_items(a);
	if (items > 0 &&
	    (alert_compose(a, mail_from(), who->email, r->now, &msg) != 0 ||
		mail_queue_to(0, who->id, who->email, msg.p, msg.len, (long long)r->now) < 0 ||
		followsend_sent((long long)r->now, items) != 0))
		goto undo;
	if (store_commit(r->db) != 0)
		goto undo;
	if (items > 0) {
		r->budget--;
		r->messages++;
		r->items += items;
	} else
		r->marked += told;
	rc = 0;
	goto out;
undo:
	fprintf(stderr, "aberta-admin: follow send: follower %lld: %s\n", who->id,
	    db_failed() ? db_last_error() : "the message could not be written");
	store_rollback(r->db);
out:
	alert_free(a);
	buf_free(&msg);
	return rc;
}

/* Tells follower id what is due, one message a language.  Returns 0 or -1. */
static int
follower(struct run *r, long long id)
{
	struct follow_who  who;
	struct follow_sub *subs = NULL;
	size_t            *pick = NULL;
	size_t             n = 0, i, k;
	int                en, d, pending, any, rc = -1;

	if (followsend_subs(id, (long long)r->now, &who, &subs, &n) != 0) {
		fprintf(stderr, "aberta-admin: follow send: %s\n", db_last_error());
		return -1;
	}
	if (n == 0)
		return 0;
	if ((pick = calloc(n, sizeof *pick)) == NULL) {
		fprintf(stderr, "aberta-admin: follow send: out of memory\n");
		goto out;
	}
	for (en = 0; en <= 1; en++) {
		for (i = k = 0, any = 0; i < n; i++) {
			if (subs[i].en != en)
				continue;
			if ((d = due(r, &subs[i], &pending)) < 0) {
				fprintf(stderr, "aberta-admin: follow send: %s\n", db_last_error());
				goto out;
			}
			if (d)
				pick[k++] = i;
			any |= d && pending;
		}
		/* Past the cap, what has changes waits without even being looked at again. */
		if (k > 0 && any && r->budget <= 0)
			r->waiting++;
		else if (k > 0 && tell(r, &who, subs, pick, k) != 0)
			goto out;
	}
	rc = 0;
out:
	free(pick);
	followsend_subs_free(subs, n);
	return rc;
}

/* Reads the settings of the environment into r.  Returns 0, or -1 after saying why. */
static int
settings(struct run *r)
{
	const char *cap = getenv("ABERTA_FOLLOW_CAP"), *tdir = getenv("ABERTA_TEMPLATES");
	long long   c = FOLLOW_CAP;
	char        err[512];

	if (follow_hour_parse(getenv("ABERTA_DIGEST_HOUR"), &r->hour) != 0) {
		fprintf(stderr, "aberta-admin: ABERTA_DIGEST_HOUR is an hour, 0 to 23\n");
		return -1;
	}
	if (cap != NULL && *cap != '\0' && valid_int(cap, 0, FOLLOW_CAP_MAX, &c) != 0) {
		fprintf(stderr,
		    "aberta-admin: ABERTA_FOLLOW_CAP is a number of messages, 0 to %d\n",
		    FOLLOW_CAP_MAX);
		return -1;
	}
	r->budget = c;
	if (tpl_init(tdir != NULL && *tdir != '\0' ? tdir : "templates", err, sizeof err) != 0) {
		fprintf(stderr, "aberta-admin: %s (set ABERTA_TEMPLATES)\n", err);
		return -1;
	}
	return 0;
}

/* follow send [--now UNIX]: queues the alerts due.  Exit 1 on a database error (what
 * was queued before it stays queued, with its marks). */
int
cmd_follow(const char *path, sqlite3 *db, int argc, char *argv[])
{
	struct run r = { .db = db, .now = time(NULL) };
	long long  t, recent, *ids = NULL;
	size_t     n = 0, i;
	int        rc = 0;

	(void)path;
	if (argc < 1 || strcmp(argv[0], "send") != 0 ||
	    !(argc == 1 ||
		(argc == 3 && strcmp(argv[1], "--now") == 0 &&
		    valid_int(argv[2], 0, LLONG_MAX, &t) == 0))) {
		cli_usage(stderr);
		return 2;
	}
	if (argc == 3)
		r.now = (time_t)t;
	if (settings(&r) != 0)
		return 1;
	if (followsend_prune((long long)r.now) < 0 ||
	    followsend_recent((long long)r.now, &recent) != 0 || changes_newest_rev(&r.rev) != 0 ||
	    followsend_followers(&ids, &n) != 0) {
		fprintf(stderr, "aberta-admin: follow send: %s\n", db_last_error());
		return 1;
	}
	if ((r.lists = follow_lists_new(r.rev, (long long)r.now)) == NULL) {
		fprintf(stderr, "aberta-admin: follow send: out of memory\n");
		free(ids);
		return 1;
	}
	r.budget -= recent;
	for (i = 0; i < n && rc == 0; i++)
		rc = follower(&r, ids[i]);
	free(ids);
	follow_lists_free(r.lists);
	printf("%d message(s) queued telling %d change(s); %d subscription(s) due with "
	       "nothing new; %d message(s) wait for the hourly cap\n",
	    r.messages, r.items, r.marked, r.waiting);
	return rc == 0 ? 0 : 1;
}
