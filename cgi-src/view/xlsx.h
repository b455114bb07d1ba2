/* xlsx: the open data as spreadsheets (Office Open XML, .xlsx), written with
 * libxlsxwriter from the same jansson records as the JSON and the CSV (export.h) and
 * typed by the data dictionary (datadict.h): a whole number is a number, a percentage a
 * number shown as a percentage (45 is the cell 0.45 shown "45%"), a boolean a boolean, a
 * complete ISO date (YYYY-MM-DD) a date and a UTC time (YYYY-MM-DDTHH:MM:SSZ) a date and
 * time; a date known only to its year or month stays ISO text, and so does everything
 * else, lists joined with "; " as in the CSV (a formula is never written: text is text,
 * without the CSV's apostrophe).  Each table is a sheet whose first row, frozen, holds
 * the field names of the CSV header; columns are as wide as their contents (within
 * bounds).  A table of more rows than a sheet holds (1,048,575 below the header) goes on
 * in sheets named "NAME (2)", "NAME (3)"...  The last sheet explains the columns of every
 * table, from the data dictionary, in the language asked for.
 *
 * libxlsxwriter's constant_memory mode writes every row to a temporary file as soon as
 * it is complete, so the writer's memory does not grow with the rows; the workbook is
 * written in a private folder (mode 0700 under $TMPDIR, else /tmp), read into the answer
 * and removed with its folder, also on failure. */
#ifndef ABERTA_XLSX_H
#define ABERTA_XLSX_H

#include <jansson.h>

#include "lib/buf.h"
#include "view/datadict.h"

/* The media type of a workbook. */
#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
/* The most rows below the header of one sheet (Excel's 1,048,576 rows less one). */
#define XLSX_ROWS_MAX 1048575

/* A workbook being written. */
struct xlsx;

/* Starts a workbook whose sheet of columns speaks Portuguese (en 0) or English (en 1).
 * Returns NULL when its folder or file cannot be made. */
struct xlsx *xlsx_open(int en);
/* Adds the table rows (a JSON array of objects, as export_csv takes) of dataset set as
 * the sheet name (at most 31 characters are kept, and []:*?/\ become '-'), with its
 * fields in the sheet of columns.  Returns 0, or -1 when the workbook cannot take it
 * (then only xlsx_close, which fails). */
int xlsx_table(struct xlsx *x, const char *name, const struct xset *set, json_t *rows);
/* Adds the sheet of columns, writes the workbook, appends its bytes to b and removes
 * the file and its folder; frees x.  Returns 0, or -1 when any step failed (nothing
 * is appended then). */
int xlsx_close(struct xlsx *x, struct buf *b);

#endif
