/* datadict: the data dictionary of the open data (export.h): a catalogue of fields
 * (name, type, allowed values, description in Portuguese and English) and the datasets,
 * each an ordered list of field names.  The data page shows it, the JSON and CSV follow
 * it, and the tests check every answer against it. */
#ifndef ABERTA_DATADICT_H
#define ABERTA_DATADICT_H
#include <stddef.h>

/* The type of a field, as the data dictionary states it. */
enum xtype {
	X_TEXT,    /* text (UTF-8); paragraphs separated by blank lines */
	X_INT,     /* a whole number */
	X_PERCENT, /* a whole number 0-100, or null when there is no data */
	X_BOOL,    /* true or false */
	X_DATE,    /* ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD */
	X_TIME,    /* ISO 8601 UTC time: YYYY-MM-DDTHH:MM:SSZ */
	X_URL,     /* an absolute http(s) address */
	X_CODE,    /* one of the allowed values */
	X_CODES,   /* a list of allowed values */
	X_LIST,    /* a list of text values (slugs, addresses) */
	X_OBJECTS, /* a list of records (JSON only) */
	X__MAX
};

/* One field of the catalogue. */
struct xfield {
	const char *name;
	enum xtype  type;
	const char *values; /* X_CODE, X_CODES: allowed values, space-separated */
	const char *pt;     /* what it holds, in Portuguese */
	const char *en;     /* the same in English */
};

/* Where a dataset is published. */
enum xwhere {
	XW_ENVELOPE, /* the object around every JSON answer */
	XW_BULK,     /* a whole table: /data/NAME.csv and /data/NAME.json */
	XW_ROWS,     /* the rows of pages (their CSV, and the JSON "records") */
	XW_RECORD,   /* the JSON "record" of a detail page */
	XW_NESTED,   /* a list inside a JSON record */
	XW__MAX
};

/* One dataset: its name and its fields, in order. */
struct xset {
	const char *name; /* the JSON "dataset", the bulk file name */
	enum xwhere where;
	const char *fields; /* field names, space-separated, in order; a list that begins
			     * with '|' separates them by '|' (names holding spaces) */
	const char *pages;  /* XW_ROWS, XW_RECORD: the pages that give it */
	const char *pt;     /* what it holds, in Portuguese */
	const char *en;     /* the same in English */
};

/* The catalogue and the datasets, for the data page and the tests. */
size_t               export_field_count(void);
const struct xfield *export_field_at(size_t i);
/* The field named name, or NULL. */
const struct xfield *export_field(const char *name);
size_t               export_set_count(void);
const struct xset   *export_set_at(size_t i);
/* The dataset named name, or NULL. */
const struct xset *export_set(const char *name);
/* Copies field number i (from 0) of set's list into out; returns 0, or -1 past the end. */
int export_set_field(const struct xset *set, size_t i, char *out, size_t outlen);
/* The id of field name's row on the dictionary page, without "field-", into out: each
 * run of characters other than letters, digits and '_' becomes one '-' (the IRM's names
 * hold spaces and '&'). */
void export_field_anchor(const char *name, char *out, size_t outlen);
/* What the DCAT catalogue (view/dcat.c) says of a bulk dataset beside its description:
 * its title in both languages, and the schema version (migration) that made the tables
 * it is read from, whose time of application is the dataset's dct:issued. */
struct xtitle {
	const char *name;  /* the dataset's name (struct xset) */
	const char *pt;    /* its title, in Portuguese */
	const char *en;    /* the same in English */
	int         since; /* the schema version of its tables */
};
/* The title of bulk dataset name, or NULL when it has none. */
const struct xtitle *export_set_title(const char *name);
/* The label of a field type ("texto", "text"). */
const char *export_type_name(enum xtype t, int en);

#endif
