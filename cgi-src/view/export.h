/*
 * export: the site's open data.  Every listing and detail page also answers as JSON and
 * CSV (pages/data.c), and every table can be downloaded whole from /data/ (bulk).  The
 * shapes are described once, here: a catalogue of fields (name, type, allowed values,
 * description in Portuguese and English) and the datasets, each an ordered list of
 * field names.  A record is built once as a jansson object whose keys follow the
 * dataset's order; the JSON and the CSV of a dataset are both written from those
 * objects, so the two formats always hold the same values.
 *
 * Conventions (also shown on /{lang}/data):
 *  - JSON: an object {dataset, url, license, modified, records | record}, indented by 2,
 *    keys in the dataset's documented order (not sorted); UTF-8.
 *  - CSV: RFC 4180, UTF-8 without BOM, CRLF line ends, a header row of the field names,
 *    one row per record; fields holding a comma, a double quote, CR or LF are quoted
 *    and their double quotes doubled.
 *  - Text in two languages comes in paired fields <name>_pt and <name>_en.
 *  - Many-valued fields are JSON arrays, and in CSV their values joined with "; ".
 *  - Absent values are JSON null and empty CSV fields; booleans are true / false.
 *  - OGP ids, ISO 8601 dates and enum codes are the same in every language and format;
 *    labels exist only in the HTML pages.  The language of the address only changes the
 *    url fields (links back to the pages in that language); bulk files carry url_pt and
 *    url_en.
 */
#ifndef ABERTA_EXPORT_H
#define ABERTA_EXPORT_H
#include <stddef.h>

#include <jansson.h>
#include <sqlite3.h>

#include "view/page.h"
#include "lib/progress.h"

#define EXPORT_LICENSE		"https://creativecommons.org/licenses/by/4.0/"
#define EXPORT_LIST_SEP		"; "	/* joins the values of a many-valued CSV field */

/* The type of a field, as the data dictionary states it. */
enum xtype {
	X_TEXT,		/* text (UTF-8); paragraphs separated by blank lines */
	X_INT,		/* a whole number */
	X_PERCENT,	/* a whole number 0-100, or null when there is no data */
	X_BOOL,		/* true or false */
	X_DATE,		/* ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD */
	X_TIME,		/* ISO 8601 UTC time: YYYY-MM-DDTHH:MM:SSZ */
	X_URL,		/* an absolute http(s) address */
	X_CODE,		/* one of the allowed values */
	X_CODES,	/* a list of allowed values */
	X_LIST,		/* a list of text values (slugs, addresses) */
	X_OBJECTS,	/* a list of records (JSON only) */
	X__MAX
};

/* One field of the catalogue. */
struct xfield {
	const char	*name;
	enum xtype	 type;
	const char	*values;	/* X_CODE, X_CODES: allowed values, space-separated */
	const char	*pt;		/* what it holds, in Portuguese */
	const char	*en;		/* the same in English */
};

/* Where a dataset is published. */
enum xwhere {
	XW_ENVELOPE,	/* the object around every JSON answer */
	XW_BULK,	/* a whole table: /data/NAME.csv and /data/NAME.json */
	XW_ROWS,	/* the rows of pages (their CSV, and the JSON "records") */
	XW_RECORD,	/* the JSON "record" of a detail page */
	XW_NESTED,	/* a list inside a JSON record */
	XW__MAX
};

/* One dataset: its name and its fields, in order. */
struct xset {
	const char	*name;		/* the JSON "dataset", the bulk file name */
	enum xwhere	 where;
	const char	*fields;	/* field names, space-separated, in order */
	const char	*pages;		/* XW_ROWS, XW_RECORD: the pages that give it */
	const char	*pt;		/* what it holds, in Portuguese */
	const char	*en;		/* the same in English */
};

/* The catalogue and the datasets, for the data page and the tests. */
size_t			 export_field_count(void);
const struct xfield	*export_field_at(size_t i);
/* The field named name, or NULL. */
const struct xfield	*export_field(const char *name);
size_t			 export_set_count(void);
const struct xset	*export_set_at(size_t i);
/* The dataset named name, or NULL. */
const struct xset	*export_set(const char *name);
/* Copies field number i (from 0) of set's list into out; returns 0, or -1 past the end. */
int			 export_set_field(const struct xset *set, size_t i, char *out,
			    size_t outlen);
/* The label of a field type ("texto", "text"). */
const char		*export_type_name(enum xtype t, int en);

/* The site's absolute base address (page_base_url: $ABERTA_BASE_URL without a trailing
 * slash, default http://127.0.0.1:8080). */
const char		*export_base(void);
/* Writes base + path into out (size outlen). */
void			 export_abs(const char *path, char *out, size_t outlen);
/* Sets o[key] to the absolute address of the page /lang/<fmt...> (printf-style path
 * after the language, e.g. "plans/%d"). */
void			 export_url(json_t *o, const char *key, const char *lang,
			    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Record builders: each sets o[key] from column i of s (NULL stays null). */
void	x_text(json_t *o, const char *key, sqlite3_stmt *s, int i);
void	x_int(json_t *o, const char *key, sqlite3_stmt *s, int i);
void	x_bool(json_t *o, const char *key, sqlite3_stmt *s, int i);
/* Sets o[key] to an absolute address from column i (a path like /uploads/... is made
 * absolute with the base). */
void	x_href(json_t *o, const char *key, sqlite3_stmt *s, int i);
/* Sets o[key] to the string v, or null. */
void	x_str(json_t *o, const char *key, const char *v);
/* Sets progress_percent, progress_known, progress_total and progress_as_of from p. */
void	x_progress(json_t *o, const struct progress *p);
/* Appends the text of column i of every row of s to a new JSON array, returned. */
json_t	*x_column_list(sqlite3_stmt *s, int i);

/* Writes one CSV field (RFC 4180 quoting when needed). */
void	export_csv_field(struct buf *b, const char *v, size_t len);
/* The characters that make a spreadsheet read a cell as a formula. */
#define EXPORT_CSV_FORMULA "=+-@\t\r"
/* 1 if the text v (len bytes), after any leading apostrophes, starts with one of
 * EXPORT_CSV_FORMULA: the CSV writer then adds one apostrophe, the reader drops one. */
int	export_csv_guarded(const char *v, size_t len);
/* Writes the rows (a JSON array of objects) as CSV with the header of set. */
void	export_csv(struct buf *b, const struct xset *set, json_t *rows);
/* Answers the request with rows (listing: JSON "records") or record (detail: JSON
 * "record"; its CSV is rows, the page's main table, whose set is rowset).  Takes the
 * references of record and rows.  name is the CSV file name without ".csv".  Sets the
 * body, Content-Type and Content-Disposition; returns 200, or 500 when memory runs out. */
int	export_send(struct ctx *c, const struct xset *set, json_t *record,
	    const struct xset *rowset, json_t *rows, const char *name);
/* The content's last change (UTC, ISO 8601) into out; "" when unknown. */
void	export_modified(char *out, size_t outlen);

/* Builds the rows of bulk table name into a new array; *set gets its dataset.  Returns
 * NULL for an unknown name. */
json_t	*export_bulk(const char *name, const struct xset **set);
/* The DCAT-AP catalogue of the bulk tables, in JSON-LD (a new object). */
json_t	*export_catalog(void);
/* Shared by the bulk tables and the pages' records (s: a statement's row): */
/* summary_pt ... note_en of a commitment from the columns first.. of s (in the order of
 * ST_X_COMMITMENTS from column 6); */
void	export_commitment_fields(json_t *o, sqlite3_stmt *s, int first);
/* position ... progress_source of a milestone from the columns first.. of s (in the
 * order of ST_MILESTONES from column 1); */
void	export_milestone_fields(json_t *o, sqlite3_stmt *s, int first);
/* leads, supports, ogp_values and policy_areas of commitment id (lists of slugs and
 * codes, in the order of the page); */
void	export_commitment_relations(json_t *o, long long id);
/* the evidence addresses of a milestone (a new array); */
json_t	*export_evidence(long long milestone_id);
/* a row of the set commitment_list from s (columns 1-6 as in ST_PLAN_COMMITMENTS), the
 * plan number, the lead slugs (reference taken; NULL: none) and the progress. */
json_t	*export_commitment_row(struct ctx *c, sqlite3_stmt *s, long long plan_number,
	    json_t *leads, const struct progress *p);

/* A consultation from a row of ST_X_CONSULTATIONS (the fields of the bulk file but
 * url_pt and url_en). */
json_t	*export_consultation_row(sqlite3_stmt *s);
/* A submission from a row of ST_X_SUBMISSIONS (or ST_X_CONSULTATION_SUBS): with url in
 * language lang, or url_pt and url_en when lang is NULL (the bulk file). */
json_t	*export_submission_row(sqlite3_stmt *s, const char *lang);

/* The rows of a commitments listing (the set "commitment_list"), for the commitments
 * given by OGP id in the listing's order: the same fields as a plan's commitments.
 * Returns a new array. */
json_t	*export_commitment_rows(struct ctx *c, const char *const *ogp_ids, size_t n);
/* Answers a commitments listing as JSON or CSV (c->fmt) with the rows of
 * export_commitment_rows; name is the CSV file name without ".csv". Returns 200. */
int	export_commitment_list(struct ctx *c, const char *const *ogp_ids, size_t n,
	    const char *name);

#endif
