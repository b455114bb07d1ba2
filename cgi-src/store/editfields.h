/*
 * editfields: the record kinds of the editing engine (store/edit.h) and their fields.
 * Each kind of record (plans, commitments, milestones, bodies, events, consultations,
 * submissions, pages) is a table of typed fields (editfields.c, with the lists a
 * reference field chooses from); a submitted form is read and validated against it
 * field by field (editcheck.c).  The form itself is filled in view/form.c, the row
 * saved in store/edit.c.
 *
 * Besides each field's own check, the facts of migration 11 are checked together:
 * a figure (a milestone's progress, a commitment's self-reported status or percent)
 * needs how its date is known (as_of_kind: "unknown" with no date, any other with
 * one), the address of the page that reports it and a confidence; a confidence, a
 * text kind, a date or a source stays empty when the fact it qualifies is.
 */
#ifndef ABERTA_EDITFIELDS_H
#define ABERTA_EDITFIELDS_H
#include <stddef.h>
#include <sqlite3.h>

#include "lib/domains.h"

#define EDIT_FIELDS_MAX 48 /* most fields of a kind */
#define EDIT_KINDS      8  /* the number of kinds (edit_kind_count) */

enum ftype {
	F_TEXT,     /* one line of text, up to max bytes */
	F_LONG,     /* paragraphs of text (blank lines separate them), up to max bytes */
	F_INT,      /* a whole number in [min, max] */
	F_PERCENT,  /* a whole number 0-100 */
	F_DATE,     /* ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD */
	F_URL,      /* an absolute http or https address */
	F_ENUM,     /* one of choices[] */
	F_BOOL,     /* yes / no (a checkbox) */
	F_REF,      /* the id of a row listed by ref (plans, commitments, bodies) */
	F_SLUG,     /* lower-case letters, digits and hyphens */
	F_OGPID,    /* an OGP commitment id such as PT0013 */
	F_DATETIME, /* a time entered and shown in the wall clock of the record's
			 * zone (Lisbon without one), stored in UTC
			 * ("YYYY-MM-DDTHH:MM:SSZ", see lib/consult.h) */
	F_YESNO,    /* yes (1), no (0) or not recorded (empty: NULL), a list of three */
	F__MAX
};

enum ref { REF_NONE, REF_PLAN, REF_COMMITMENT, REF_ENTITY, REF__MAX };

struct field {
	const char *col;   /* column, and the form field's name */
	const char *label; /* label shown in the form (Portuguese) */
	enum ftype  type;
	int         required; /* 1: may not be empty */
	long long   max;      /* F_TEXT/F_LONG: bytes; F_INT: largest value */
	enum dom    dom;      /* F_ENUM: the domain of the allowed values
						 * (lib/domains.h); else DOM__MAX */
	enum ref    ref;      /* F_REF: which rows */
};

struct kind {
	const char         *slug;   /* URL part: /admin/<slug> */
	const char         *table;  /* the table */
	const char         *key;    /* its integer key column (id, or rowid) */
	const char         *name;   /* "compromisso", for messages */
	const char         *plural; /* "Compromissos", for titles */
	const struct field *fields;
	size_t              nfields;
	int                 member;    /* 1: member editors may propose changes */
	int                 deletable; /* 1: may be deleted (when nothing refers to it) */
	int                 moderated; /* 1: rows come from citizens (submissions): staff
						 * only answer them; never created here */
};

/* One submitted or stored value per field; NULL means empty (stored as NULL). */
struct values {
	char       *v[EDIT_FIELDS_MAX];
	const char *err[EDIT_FIELDS_MAX]; /* message shown beside each field, or NULL */
	long long   version;              /* row version the form was opened on */
	int         nerr;
};

/* The columns of edit_choices' rows. */
enum choice_col {
	CHOICE_ID,   /* the row's key, as the form's value */
	CHOICE_LABEL /* what the list shows */
};

/* The kind for a URL slug, or NULL. */
const struct kind *edit_kind(const char *slug);
/* The number of kinds and kind i (for tests and the navigation). */
size_t             edit_kind_count(void);
const struct kind *edit_kind_at(size_t i);
/* The index of field col in k, or -1. */
int edit_field(const struct kind *k, const char *col);
/* The rows a reference field of kind ref (not REF_NONE) chooses from (enum choice_col),
 * ready to step (store_prepare(STORE_RW) done). */
sqlite3_stmt *edit_choices(enum ref ref);
/* Frees the strings of v. */
void edit_values_free(struct values *v);
/* Copies s (NULL: none) without leading and trailing white space, CRLF turned into LF,
 * as a form's values are read.  Returns the copy (malloc'd), or NULL for empty text or
 * when memory runs out. */
char *edit_tidy(const char *s);
/* The time zone of a record of kind k whose timezone field holds value: the zone when
 * k has such a field and value is one of the zones of lib/domains.h, else NULL (the
 * wall clock is Lisbon's). */
const char *edit_zone(const struct kind *k, const char *value);
/* Reads and validates a submitted form (get(name) returns a field or NULL) into v;
 * messages go to v->err.  Returns the number of invalid fields. */
int edit_parse(const struct kind *k, const char *(*get)(const void *, const char *),
    const void *arg, struct values *v);
/* Checks one tidy value (edit_tidy) against field f as edit_parse does (a F_DATETIME
 * in Lisbon's wall clock); *vp may be replaced.  Returns NULL or the message. */
const char *edit_check_value(const struct field *f, char **vp);
/* The rule that needs the stored row old (NULL for a new record): a fact that is set
 * needs its confidence, unless the stored row holds the fact with none recorded (the
 * content file leaves some unstated; saving other fields does not make the editor
 * invent one).  Messages go to v->err.  Returns the number of fields it refused. */
int edit_check_stored(const struct kind *k, const struct values *old, struct values *v);

#endif
