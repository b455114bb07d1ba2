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
 * commitments' progress_as_of, updated_at, url, url_pt, url_en) are ignored, and so are
 * the columns of migration 11 (how sure a fact is, where a title comes from, how a
 * figure's date is known, the self-reported figure, the IRM's dates: set them in the
 * admin forms); a column the file should not have is refused; nothing is ever deleted.
 * Every row is checked with the admin forms' validators (edit.h); a value that did not
 * change is never checked or rewritten, so an unchanged export imports as nothing at
 * all: no revision, no new content version.  The whole file is one IMMEDIATE
 * transaction: one invalid row and nothing is applied.  Every change is a revision row by
 * the importing staff member, one change id for the whole import.  A dry run does all of
 * it and rolls back.
 */
#ifndef ABERTA_BULKIMPORT_H
#define ABERTA_BULKIMPORT_H
#include <stddef.h>
#include <stdio.h>

#include "import/bulkread.h"
#include "store/db.h"

#define BULK_MAX (10 * 1024 * 1024) /* largest file, in bytes */

struct bulk_opts {
	int         dry_run;  /* 1: check and report, change nothing */
	long long   staff_id; /* the importing staff account */
	const char *actor;    /* its name, as revision rows keep it */
	const char *today;    /* YYYY-MM-DD, for a progress changed without a date */
};

/* Checks and applies the file in data (len bytes) on rw, which must not be inside a
 * transaction and must have edit_init() and store_prepare(STORE_RW) done; the
 * transaction ends in store_commit (its hook switches the page cache).  Fills r (free
 * it with bulk_report_free).  Returns 0 applied (a dry run: would apply), 1 refused
 * (r->error, or items with an error; nothing changed), -1 database failure (nothing
 * changed; r->error says). */
int bulk_import(
    sqlite3 *rw, const char *data, size_t len, const struct bulk_opts *o, struct bulk_report *r);
void bulk_report_free(struct bulk_report *r);
/* Writes the report as text: refusals ("line 7: PT0013/2: progress: ..."), then the
 * changes (all of them when verbose), then a summary line. */
void bulk_report_print(const struct bulk_report *r, FILE *f, int verbose);

#endif
