/* The changes of a run of follow send, read once a thing and marks (see followlist.h). */
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/followlist.h"
#include "lib/consult.h"
#include "store/changes.h"
#include "store/db.h"

#define BUCKETS 4096 /* of the table of lists (a power of two) */

/* The strings of a change, copied with it. */
static const size_t strs[] = { offsetof(struct change, at), offsetof(struct change, ogp_id),
	offsetof(struct change, title_pt), offsetof(struct change, title_en),
	offsetof(struct change, ms_title_pt), offsetof(struct change, ms_title_en),
	offsetof(struct change, field), offsetof(struct change, before),
	offsetof(struct change, after), offsetof(struct change, as_of),
	offsetof(struct change, as_of_kind), offsetof(struct change, confidence),
	offsetof(struct change, evidence) };
#define NSTRS (sizeof strs / sizeof strs[0])

/* The changes of one thing after one pair of marks. */
struct list {
	enum follow_kind kind;
	long long        target, after_rev, since;
	struct change   *ch;  /* n of them (cap allocated) */
	char           **mem; /* the block of each one's strings */
	size_t           n, cap;
	time_t           oldest, newest;
	struct list     *next; /* in its bucket */
};

struct follow_lists {
	long long    rev, until;
	struct list *bucket[BUCKETS];
};

/* String i of change c, as a pointer to the field. */
static const char **
str(struct change *c, size_t i)
{
	return (const char **)(void *)((char *)c + strs[i]);
}

struct follow_lists *
follow_lists_new(long long rev, long long until)
{
	struct follow_lists *l = calloc(1, sizeof *l);

	if (l != NULL) {
		l->rev = rev;
		l->until = until;
	}
	return l;
}

/* Frees list t with its changes. */
static void
list_free(struct list *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->mem[i]);
	free(t->mem);
	free(t->ch);
	free(t);
}

void
follow_lists_free(struct follow_lists *l)
{
	struct list *t, *next;
	size_t       b;

	if (l == NULL)
		return;
	for (b = 0; b < BUCKETS; b++)
		for (t = l->bucket[b]; t != NULL; t = next) {
			next = t->next;
			list_free(t);
		}
	free(l);
}

/* Copies ch to the end of t, its strings in one block.  Returns 0, or -1 when memory
 * ran out. */
static int
keep(struct list *t, const struct change *ch)
{
	struct change *nc, c = *ch;
	char         **nm, *p;
	size_t         len = 1, i, k;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		if ((nc = realloc(t->ch, t->cap * sizeof *nc)) == NULL)
			return -1;
		t->ch = nc;
		if ((nm = realloc(t->mem, t->cap * sizeof *nm)) == NULL)
			return -1;
		t->mem = nm;
	}
	for (i = 0; i < NSTRS; i++)
		len += *str(&c, i) != NULL ? strlen(*str(&c, i)) + 1 : 0;
	if ((p = t->mem[t->n] = malloc(len)) == NULL)
		return -1;
	for (i = 0; i < NSTRS; i++)
		if (*str(&c, i) != NULL) {
			k = strlen(*str(&c, i)) + 1;
			memcpy(p, *str(&c, i), k);
			*str(&c, i) = p;
			p += k;
		}
	t->ch[t->n++] = c;
	return 0;
}

/* What changes_list reads into a list: the list, and the run's newest revision. */
struct reading {
	struct list *t;
	long long    rev;
	int          oom;
};

/* changes_list's callback: keeps ch in the list, unless it was saved after the run's
 * start, with its time among the oldest and newest. */
static int
read_one(const struct change *ch, void *arg)
{
	struct reading *rd = arg;
	struct list    *t = rd->t;
	time_t          at = 0;

	if (ch->rev > rd->rev)
		return 0;
	if (ch->at == NULL || utc_parse(ch->at, &at) != 0)
		at = 0;
	if (t->n == 0 || at < t->oldest)
		t->oldest = at;
	if (t->n == 0 || at > t->newest)
		t->newest = at;
	if (keep(t, ch) != 0) {
		rd->oom = 1;
		return 1;
	}
	return 0;
}

/* The bucket of a thing and its marks. */
static size_t
bucket_of(enum follow_kind kind, long long target, long long after_rev, long long since)
{
	unsigned long long h = (unsigned long long)kind * 0x9e3779b97f4a7c15ULL;

	h = (h ^ (unsigned long long)target) * 0x100000001b3ULL;
	h = (h ^ (unsigned long long)after_rev) * 0x100000001b3ULL;
	h = (h ^ (unsigned long long)since) * 0x100000001b3ULL;
	return (size_t)(h >> 32) & (BUCKETS - 1);
}

int
follow_lists_get(struct follow_lists *l, enum follow_kind kind, long long target,
    long long after_rev, long long since, const struct change **ch, size_t *n, time_t *oldest,
    time_t *newest)
{
	size_t         b = bucket_of(kind, target, after_rev, since);
	struct list   *t;
	struct reading rd;

	for (t = l->bucket[b]; t != NULL; t = t->next)
		if (t->kind == kind && t->target == target && t->after_rev == after_rev &&
		    t->since == since)
			break;
	if (t == NULL) {
		if ((t = calloc(1, sizeof *t)) == NULL)
			return -1;
		t->kind = kind;
		t->target = target;
		t->after_rev = after_rev;
		t->since = since;
		rd = (struct reading){ t, l->rev, 0 };
		if (changes_list(
			kind, target, after_rev, since, l->until, INT_MAX, 0, read_one, &rd) < 0 ||
		    rd.oom) {
			list_free(t);
			return -1;
		}
		t->next = l->bucket[b];
		l->bucket[b] = t;
	}
	*ch = t->ch;
	*n = t->n;
	*oldest = t->oldest;
	*newest = t->newest;
	return 0;
}
