/*
 * bulkimport: takes back the files the site exports, so that staff can update many
 * records from a spreadsheet.  Accepted: the milestones and commitments files, in CSV
 * (RFC 4180, UTF-8; a BOM and bare LF line ends are tolerated) or JSON (the exported
 * object with "records", or a bare array of records): the bulk /data/milestones.* and
 * /data/commitments.*, a commitment page's CSV (its milestones), a plan page's or the
 * commitments listing's files.  Any subset of the exported columns will do, as long as
 * the key columns are there:
 *
 *   milestones   key ogp_id + position (a new position creates the milestone);
 *                title_pt, title_en, planned_start, planned_end, completed_on, status,
 *                progress, progress_as_of, progress_source are written; evidence only
 *                adds addresses (a change of status or progress needs a new one, as in
 *                the admin forms; a changed progress without a new date is dated today).
 *   commitments  key ogp_id (the commitment must exist); plan_number and every text,
 *                date and IRM field the admin form edits are written; irm_promising,
 *                leads, supports, ogp_values and policy_areas are read-only here (a row
 *                that changes them is refused).
 *
 * In both, the computed columns (progress_percent, progress_known, progress_total,
 * commitments' progress_as_of, updated_at, url, url_pt, url_en) are ignored; a column
 * the file should not have is refused; nothing is ever deleted.  Every row is checked
 * with the admin forms' validators (edit.h); a value that did not change is never
 * checked or rewritten, so an unchanged export imports as nothing at all: no revision,
 * no new content version.  The whole file is one IMMEDIATE transaction: one invalid row
 * and nothing is applied.  Every change is a revision row by the importing staff member,
 * one change id for the whole import.  A dry run does all of it and rolls back.
 */
#ifndef ABERTA_BULKIMPORT_H
#define ABERTA_BULKIMPORT_H
#include <stddef.h>
#include <stdio.h>

#include <sqlite3.h>

#define BULK_MAX	(10 * 1024 * 1024)	/* largest file, in bytes */

struct bulk_opts {
	int		 dry_run;	/* 1: check and report, change nothing */
	long long	 staff_id;	/* the importing staff account */
	const char	*actor;		/* its name, as revision rows keep it */
	const char	*today;		/* YYYY-MM-DD, for a progress changed without a date */
};

/* One line of the report: a change (field, before, after) or a refusal (error). */
struct bulk_item {
	long		 line;		/* CSV line where the record starts, or JSON index */
	char		 record[24];	/* PT0013, or PT0013/2 for a milestone */
	char		*field;		/* the field, or NULL */
	char		*before;	/* NULL: empty */
	char		*after;		/* NULL: empty */
	char		*error;		/* the reason a row is refused, or NULL */
	int		 create;	/* 1: the record is new */
};

struct bulk_report {
	int		 json;		/* 1: item lines are JSON indexes (records[N]) */
	const char	*dataset;	/* "milestones" or "commitments", once known */
	size_t		 rows;		/* records read */
	size_t		 changed;	/* records that change (or would) */
	size_t		 refused;	/* records refused */
	size_t		 fields;	/* field changes */
	struct bulk_item *items;
	size_t		 nitems, cap;
	char		 error[512];	/* a problem with the whole file, or "" */
};

/* Returns 1 when data is one of the exported files (CSV, or JSON with "records" or a
 * top-level array), 0 when it is the content format of import.h. */
int	bulk_is_export(const char *data, size_t len);
/* Checks and applies the file in data (len bytes) on rw, which must not be inside a
 * transaction and must have edit_init() done.  Fills r (free it with bulk_report_free).
 * Returns 0 applied (a dry run: would apply), 1 refused (r->error, or items with an
 * error; nothing changed), -1 database failure (nothing changed; r->error says). */
int	bulk_import(sqlite3 *rw, const char *data, size_t len, const struct bulk_opts *o,
	    struct bulk_report *r);
void	bulk_report_free(struct bulk_report *r);
/* Writes the report as text: refusals ("line 7: PT0013/2: progress: ..."), then the
 * changes (all of them when verbose), then a summary line. */
void	bulk_report_print(const struct bulk_report *r, FILE *f, int verbose);

/* An RFC 4180 reader, also for tests: splits data into records of fields.  Each
 * record's fields are NUL-terminated strings; quoted fields are unquoted.  Returns 0,
 * or -1 with a message naming the line in err. */
struct csv_rec {
	long	 line;		/* line where the record starts (1-based) */
	size_t	 n;		/* number of fields */
	char	**f;
};
int	bulk_csv_parse(const char *data, size_t len, struct csv_rec **recs, size_t *n,
	    char *err, size_t errlen);
void	bulk_csv_free(struct csv_rec *recs, size_t n);

#endif
