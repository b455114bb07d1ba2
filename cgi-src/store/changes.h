/*
 * changes: what changed about a followed thing, the one list that the Atom feeds
 * (pages/syndication.c) and the email alerts (`aberta-admin follow send`) are made of
 * (view/changes.h writes its items in either language).
 *
 * A followed thing is the whole site, a plan, a commitment or a body (a body: the
 * commitments it leads or supports, and the events it organises or co-organises).  Its
 * changes come from three places:
 *   - the revision log (every save of the admin area and every approved draft):
 *     commitments added; a commitment's reported status (self_status, with its date) or
 *     reported progress (self_percent); a milestone's progress figure (with the figure's
 *     date and its evidence link), a milestone completed; an IRM assessment (any irm_*
 *     assessment field of a commitment changed); a new event.  An item from the log has
 *     rev = the revision id and at = the time of the save; its as_of, as_of_kind,
 *     confidence and evidence are those the record had at that save.  The fields saved
 *     with a commitment's creation are told by the new commitment alone (a new
 *     milestone's figure or completion is told); a deleted record's changes are not;
 *   - time (between since and until, unix seconds): a milestone becoming overdue (its
 *     planned end passed, a year or a month at its last day, and it is neither complete
 *     nor withdrawn nor at 100%: at = the start, in Lisbon, of the day after its planned
 *     end) and a consultation opening (at = its opening time).  rev = 0;
 *   - with CHANGES_FACTS only (the feeds): the content's own dated facts, so that a feed
 *     of imported content shows its real history with real dates, never the day of the
 *     import: the progress figures reported over time (CH_FIGURE of a milestone: field
 *     "progress", the earlier ones of milestone_figure and the current one) with their
 *     date, how it is known, source and confidence; a commitment's reported status and
 *     progress (CH_FIGURE, field self_status or self_percent, at self_status_date) and
 *     the IRM's assessments (CH_FIGURE, field irm_*, at the date of the report that
 *     holds it); the events on their day (CH_EVENT with rev 0).  Only facts with a date
 *     (not "unknown") after since and up to until are told: at = the first instant
 *     (UTC) of that date, a year or a month at its first day; as_of keeps the date as
 *     the content gives it.
 * The things: the site (everything); a plan (its commitments, the events of the plan or
 * of its commitments, the consultations on it or on its commitments); a commitment
 * (itself, its milestones, its events and consultations); a body (the commitments it
 * leads or supports and their consultations, the events it organises or co-organises).
 *
 * The statements are in the table store_changes (STORE_RO: they only read), usable on
 * either connection's tables as store/stmt.h prepares them.  A failure is recorded
 * (db_failed) and the call returns -1.
 */
#ifndef ABERTA_CHANGES_H
#define ABERTA_CHANGES_H

/* What is followed (subscription.kind). */
enum follow_kind { FOLLOW_SITE, FOLLOW_PLAN, FOLLOW_COMMITMENT, FOLLOW_ENTITY };

/* Parses "site", "plan", "commitment", "entity" into *k.  Returns 0 or -1. */
int follow_kind_parse(const char *s, enum follow_kind *k);
/* The name of k as subscription.kind stores it. */
const char *follow_kind_name(enum follow_kind k);

/* What changed.  The feeds' Atom ids of the changes not from the log hold these numbers
 * (pages/syndication.c): a new kind goes at the end, so that no entry's id changes. */
enum change_kind {
	CH_NEW_COMMITMENT,    /* a commitment was added */
	CH_STATUS,            /* a commitment's reported status changed (after: the new code) */
	CH_SELF_PERCENT,      /* a commitment's reported progress changed (after: percent) */
	CH_PROGRESS,          /* a milestone's progress figure changed (after: percent) */
	CH_MILESTONE_DONE,    /* a milestone's status became complete */
	CH_MILESTONE_OVERDUE, /* a milestone's planned end passed without completion */
	CH_IRM,               /* an IRM assessment field was set or changed (field, after) */
	CH_EVENT,             /* a new event, or (rev 0) an event on its day (id, title) */
	CH_CONSULTATION,      /* a consultation opened (id, title; after: when it closes) */
	CH_FIGURE             /* a dated figure or assessment the content reports (field) */
};

/* One change.  Every pointer lasts until the callback returns; NULL: not recorded. */
struct change {
	enum change_kind kind;
	long long        rev;       /* revision id; 0 when not from the log */
	const char      *at;        /* when, UTC: "YYYY-MM-DDTHH:MM:SSZ" */
	const char      *ogp_id;    /* the commitment (NULL for events and consultations) */
	const char      *title_pt;  /* the commitment's, event's or consultation's title */
	const char      *title_en;  /* the same in English */
	int              milestone; /* the milestone's position in its commitment; 0: none */
	const char      *ms_title_pt, *ms_title_en; /* the milestone's title */
	const char      *field;      /* the column changed (CH_IRM: which assessment) */
	const char      *before;     /* the value before (a code, a percent, a date) */
	const char      *after;      /* the value after */
	const char      *as_of;      /* the date the figure or status refers to (an event's
				     * day; an overdue milestone's planned end) */
	const char      *as_of_kind; /* how as_of is known (stated, publication, ...) */
	const char      *confidence; /* confirmed, unconfirmed, inferred */
	const char      *evidence;   /* the address of its evidence or source */
	long long        id;         /* the event's or consultation's id (else the commitment's) */
};

typedef int (*change_fn)(const struct change *ch, void *arg); /* nonzero: stop */

/* Flags of changes_list. */
#define CHANGES_FACTS        1 /* add the content's dated facts (the feeds) */
#define CHANGES_NEWEST_FIRST 2 /* newest first (the feeds); else oldest first (emails) */

/* Calls fn for each change about the thing (kind, target: the plan's, commitment's or
 * body's id; 0 for the site): those of the revision log with an id above after_rev,
 * those of time between since (excluded) and until (included), the facts with flags &
 * CHANGES_FACTS; at most limit of them (the newest when newest first, else the oldest),
 * in order of time (ties: revision id, then milestone position).  Returns the number
 * of changes given, or -1. */
int changes_list(enum follow_kind kind, long long target, long long after_rev, long long since,
    long long until, int limit, int flags, change_fn fn, void *arg);

/* changes_list for the commitments of an OGP value (value: its code, e.g.
 * "civic_participation"; the value's feed): their log from the start, overdue
 * milestones and, with CHANGES_FACTS, their facts.  Returns as changes_list. */
int changes_list_value(const char *value, long long since, long long until, int limit, int flags,
    change_fn fn, void *arg);

/* The newest revision id of the log (0: none), into *rev.  Returns 0 or -1. */
int changes_newest_rev(long long *rev);

#endif
