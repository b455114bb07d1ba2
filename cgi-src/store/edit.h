/*
 * edit: the one editing engine behind every admin form.  Each kind of record (plans,
 * commitments, milestones, bodies, events, pages) is a table of typed fields; from it
 * the engine validates a submitted form field by field, renders the form, and saves:
 * in one IMMEDIATE transaction it reads the row, refuses the save if the row's version
 * moved since the form was opened (the conflict page then shows both versions), writes
 * the row, and appends one revision row per changed field.  Its SQL is assembled once
 * at start from the constant column names of the tables below and prepared once.
 */
#ifndef ABERTA_EDIT_H
#define ABERTA_EDIT_H
#include <stddef.h>
#include <sqlite3.h>

#include "view/tpl.h"

#define EDIT_FIELDS_MAX	40

enum ftype {
	F_TEXT,		/* one line of text, up to max bytes */
	F_LONG,		/* paragraphs of text (blank lines separate them), up to max bytes */
	F_INT,		/* a whole number in [min, max] */
	F_PERCENT,	/* a whole number 0-100 */
	F_DATE,		/* ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD */
	F_URL,		/* an absolute http or https address */
	F_ENUM,		/* one of choices[] */
	F_BOOL,		/* yes / no (a checkbox) */
	F_REF,		/* the id of a row listed by ref (plans, commitments, bodies) */
	F_SLUG,		/* lower-case letters, digits and hyphens */
	F_OGPID,	/* an OGP commitment id such as PT0013 */
	F_DATETIME,	/* a time entered and shown in Lisbon time, stored in UTC
			 * ("YYYY-MM-DDTHH:MM:SSZ", see cocreate.h) */
	F__MAX
};

enum ref { REF_NONE, REF_PLAN, REF_COMMITMENT, REF_ENTITY, REF__MAX };

struct field {
	const char		*col;		/* column, and the form field's name */
	const char		*label;		/* label shown in the form (Portuguese) */
	enum ftype		 type;
	int			 required;	/* 1: may not be empty */
	long long		 max;		/* F_TEXT/F_LONG: bytes; F_INT: largest value */
	const char *const	*choices;	/* F_ENUM: allowed values, NULL-terminated */
	const char		*domain;	/* F_ENUM: i18n_enum domain of the choices' labels */
	enum ref		 ref;		/* F_REF: which rows */
};

struct kind {
	const char		*slug;		/* URL part: /admin/<slug> */
	const char		*table;		/* the table */
	const char		*key;		/* its integer key column (id, or rowid) */
	const char		*name;		/* "compromisso", for messages */
	const char		*plural;	/* "Compromissos", for titles */
	const struct field	*fields;
	size_t			 nfields;
	const char		*label_sql;	/* SELECT key, label, detail FROM ... ORDER BY ... */
	int			 member;	/* 1: member editors may propose changes */
	int			 deletable;	/* 1: may be deleted (when nothing refers to it) */
	int			 moderated;	/* 1: rows come from citizens (submissions): staff
						 * only answer them; never created here */
};

/* One submitted or stored value per field; NULL means empty (stored as NULL). */
struct values {
	char		*v[EDIT_FIELDS_MAX];
	const char	*err[EDIT_FIELDS_MAX];	/* message shown beside each field, or NULL */
	long long	 version;		/* row version the form was opened on */
	int		 nerr;
};

/* Prepares the engine's statements on the writable connection.  Returns 0 or -1. */
int			 edit_init(sqlite3 *rw, char *err, size_t errlen);
/* Releases the statements. */
void			 edit_finish(void);
/* The kind for a URL slug, or NULL. */
const struct kind	*edit_kind(const char *slug);
/* The number of kinds and kind i (for tests and the navigation). */
size_t			 edit_kind_count(void);
const struct kind	*edit_kind_at(size_t i);
/* Frees the strings of v. */
void			 edit_values_free(struct values *v);
/* Loads row id of k into v (with its version).  Returns 1 found, 0 not found, -1 error. */
int			 edit_load(sqlite3 *rw, const struct kind *k, long long id, struct values *v);
/* Reads and validates a submitted form (get(name) returns a field or NULL) into v;
 * messages go to v->err.  Returns the number of invalid fields. */
int			 edit_parse(const struct kind *k, const char *(*get)(const void *, const char *),
			    const void *arg, struct values *v);
/* Fills the form of k into d: every field with its value and message (section FIELD,
 * or PAIR for Portuguese/English pairs), the choices of enums and references. */
void			 edit_form(sqlite3 *rw, const struct kind *k, const struct values *v,
			    tpl_dict *d);
/* Saves v into row id (0: creates a row; the new id goes to *id) in one transaction,
 * with one revision row per changed field, by actor (staff_id, name; approver may be
 * NULL).  extra, when not NULL, runs inside the same transaction after the row is
 * written (the evidence of a milestone) and returns 0 or -1.  Returns 0 saved,
 * 1 conflict (the row's version moved, or it was deleted), 2 refused by the database
 * (a duplicate or a broken reference; *dberr holds its message), -1 error. */
int			 edit_save(sqlite3 *rw, const struct kind *k, long long *id,
			    const struct values *v, long long staff_id, const char *actor,
			    const char *approver, int (*extra)(sqlite3 *, long long, void *),
			    void *extra_arg, const char **dberr);
/* edit_save for a bulk import: the same checks and revision rows, but inside a
 * transaction the caller opened (and commits or rolls back: on any failure it must roll
 * back, the row may be half written), and every row of one import shares one change id:
 * *change_id 0 takes a new one and writes it back.  Returns as edit_save. */
int			 edit_save_in(sqlite3 *rw, const struct kind *k, long long *id,
			    const struct values *v, long long staff_id, const char *actor,
			    long long *change_id, const char **dberr);
/* Deletes row id at version, recording the deletion.  Returns 0, 1 conflict, 2 refused
 * (something refers to it), -1 error. */
int			 edit_delete(sqlite3 *rw, const struct kind *k, long long id,
			    long long version, long long staff_id, const char *actor,
			    const char **dberr);
/* Adds evidence to milestone id inside the caller's transaction: a link to url and a
 * link to the uploaded document sha, each when given (NULL or "" for none); label, or
 * else the upload's name, is the link text.  Returns 0 or -1. */
int			 edit_add_evidence(sqlite3 *rw, long long id, const char *url,
			    const char *sha, const char *label);
/* Appends one revision row (op "update", or "create"/"delete" with field NULL) to the
 * log, inside the caller's transaction: change_id groups the rows of one action (0 takes
 * a new one and writes it back).  Returns 0 or -1. */
int			 edit_revision(sqlite3 *rw, long long *change_id, long long staff_id,
			    const char *actor, const char *tbl, long long row_id, const char *op,
			    const char *field, const char *before, const char *after);
/* The index of field col in k, or -1. */
int			 edit_field(const struct kind *k, const char *col);

#endif
