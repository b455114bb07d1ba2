/* xlsx: the open data as spreadsheets (see xlsx.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "view/export.h"
#include "view/i18n.h"
#include "view/xlsx.h"

#define TABLES_MAX 64    /* tables of one workbook (the bulk tables are fewer) */
#define COLS_MAX   128   /* fields of one table */
#define TEXT_MAX   32767 /* the most characters of a cell */
#define WIDTH_MIN  6     /* column widths, in characters */
#define WIDTH_MAX  60
#define WIDTH_ROWS 500 /* rows read to size the columns */
#define WIDTH_DATE 11
#define WIDTH_TIME 20

struct xlsx {
	lxw_workbook *wb;
	lxw_format   *head, *pct, *date, *time, *wrap;
	int           en, failed;
	char          dir[PATH_MAX - 16], file[PATH_MAX];
	struct {
		char               sheet[LXW_SHEETNAME_MAX + 1];
		const struct xset *set;
	} done[TABLES_MAX];
	size_t     ndone;
	struct buf t; /* the text of a cell */
};

/* One column of a table: its field and type. */
struct col {
	char       name[64];
	enum xtype type;
	double     width;
};

struct xlsx *
xlsx_open(int en)
{
	const char          *tmp = getenv("TMPDIR");
	lxw_workbook_options o = { .constant_memory = LXW_TRUE };
	struct xlsx         *x = calloc(1, sizeof *x);

	if (x == NULL)
		return NULL;
	x->en = en;
	snprintf(x->dir, sizeof x->dir, "%s/aberta-xlsx.XXXXXX",
	    tmp != NULL && *tmp == '/' ? tmp : "/tmp");
	if (mkdtemp(x->dir) == NULL) {
		free(x);
		return NULL;
	}
	snprintf(x->file, sizeof x->file, "%s/book.xlsx", x->dir);
	o.tmpdir = x->dir;
	if ((x->wb = workbook_new_opt(x->file, &o)) == NULL) {
		rmdir(x->dir);
		free(x);
		return NULL;
	}
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	x->pct = workbook_add_format(x->wb);
	format_set_num_format(x->pct, "0%");
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	x->time = workbook_add_format(x->wb);
	format_set_num_format(x->time, "yyyy-mm-dd hh:mm:ss");
	x->wrap = workbook_add_format(x->wb);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	return x;
}

/* The n digits at s as a number, or -1 when one is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0;

	for (; n > 0; n--, s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* Reads a complete ISO date (YYYY-MM-DD) or, when time, a UTC time
 * (YYYY-MM-DDTHH:MM:SSZ) into d; returns 1, or 0 when s is neither (a year or a month
 * alone, or a date before 1900, which Excel cannot hold). */
static int
iso_datetime(const char *s, int time, lxw_datetime *d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	size_t           n = strlen(s);

	memset(d, 0, sizeof *d);
	if (n != (time ? 20u : 10u) || s[4] != '-' || s[7] != '-')
		return 0;
	d->year = digits(s, 4);
	d->month = (uint8_t)digits(s + 5, 2);
	d->day = (uint8_t)digits(s + 8, 2);
	if (d->year < 1900 || d->month < 1 || d->month > 12 || d->day < 1 ||
	    d->day > mdays[d->month - 1] ||
	    (d->month == 2 && d->day == 29 &&
		(d->year % 4 != 0 || (d->year % 100 == 0 && d->year % 400 != 0))))
		return 0;
	if (!time)
		return 1;
	if (s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' || digits(s + 11, 2) < 0 ||
	    digits(s + 11, 2) > 23 || digits(s + 14, 2) < 0 || digits(s + 14, 2) > 59 ||
	    digits(s + 17, 2) < 0 || digits(s + 17, 2) > 59)
		return 0;
	d->hour = (uint8_t)digits(s + 11, 2);
	d->min = (uint8_t)digits(s + 14, 2);
	d->sec = digits(s + 17, 2);
	return 1;
}

/* The characters of the len bytes of UTF-8 at s. */
static size_t
chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* Makes x->t the text of v (as in the CSV, unquoted) cut to a cell's most characters
 * at a character's start, NUL-terminated. */
static void
cell_text(struct xlsx *x, json_t *v)
{
	size_t n;

	buf_reset(&x->t);
	export_value_text(&x->t, v);
	if (x->t.len > TEXT_MAX) {
		for (n = TEXT_MAX; n > 0 && ((unsigned char)x->t.p[n] & 0xC0) == 0x80; n--)
			;
		x->t.len = n;
	}
	buf_put(&x->t, "", 1);
}

/* Writes v, a value of a field of type t, as the cell (row, c) of ws. */
static lxw_error
cell(struct xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t c, enum xtype t, json_t *v)
{
	lxw_datetime d;

	switch (v == NULL ? JSON_NULL : json_typeof(v)) {
	case JSON_NULL:
		return LXW_NO_ERROR;
	case JSON_TRUE:
	case JSON_FALSE:
		return worksheet_write_boolean(ws, row, c, json_is_true(v), NULL);
	case JSON_INTEGER:
	case JSON_REAL:
		if (t == X_PERCENT)
			return worksheet_write_number(
			    ws, row, c, json_number_value(v) / 100, x->pct);
		return worksheet_write_number(ws, row, c, json_number_value(v), NULL);
	case JSON_STRING:
		if ((t == X_DATE || t == X_TIME) &&
		    iso_datetime(json_string_value(v), t == X_TIME, &d))
			return worksheet_write_datetime(
			    ws, row, c, &d, t == X_TIME ? x->time : x->date);
		/* FALLTHROUGH */
	default:
		cell_text(x, v);
		return x->t.len > 1 ? worksheet_write_string(ws, row, c, x->t.p, NULL)
				    : LXW_NO_ERROR;
	}
}

/* The columns of set (its fields but the lists of records, as the CSV) into cols, sized
 * by the header and the first rows; returns how many. */
static size_t
columns(struct xlsx *x, const struct xset *set, json_t *rows, struct col *cols)
{
	const struct xfield *f;
	size_t               i, n = 0, r;
	json_t              *v;
	double               w;

	for (i = 0;
	     n < COLS_MAX && export_set_field(set, i, cols[n].name, sizeof cols[n].name) == 0;
	     i++) {
		f = export_field(cols[n].name);
		if (f != NULL && f->type == X_OBJECTS)
			continue;
		cols[n].type = f != NULL ? f->type : X_TEXT;
		cols[n].width = (double)strlen(cols[n].name) + 2;
		for (r = 0; r < json_array_size(rows) && r < WIDTH_ROWS; r++) {
			v = json_object_get(json_array_get(rows, r), cols[n].name);
			if (v == NULL || json_is_null(v))
				continue;
			cell_text(x, v);
			w = cols[n].type == X_TIME   ? WIDTH_TIME
			    : cols[n].type == X_DATE ? WIDTH_DATE
						     : (double)chars(x->t.p, x->t.len - 1) + 1;
			if (w > cols[n].width)
				cols[n].width = w;
		}
		if (cols[n].width < WIDTH_MIN)
			cols[n].width = WIDTH_MIN;
		if (cols[n].width > WIDTH_MAX)
			cols[n].width = WIDTH_MAX;
		n++;
	}
	return n;
}

/* Adds the sheet part (from 1) of table name: name itself for the first, else
 * "name (part)", cut to a sheet name's length, the characters Excel refuses as '-'. */
static lxw_worksheet *
add_sheet(struct xlsx *x, const char *name, int part, char *out)
{
	char   suffix[16] = "";
	size_t i;

	if (part > 1)
		snprintf(suffix, sizeof suffix, " (%d)", part);
	snprintf(out, LXW_SHEETNAME_MAX + 1, "%.*s%s", (int)(LXW_SHEETNAME_MAX - strlen(suffix)),
	    name, suffix);
	for (i = 0; out[i] != '\0'; i++)
		if (strchr("[]:*?/\\", out[i]) != NULL)
			out[i] = '-';
	return workbook_add_worksheet(x->wb, out);
}

/* Starts a sheet of the n columns cols: widths, the header in bold, frozen. */
static lxw_error
header(struct xlsx *x, lxw_worksheet *ws, const struct col *cols, size_t n)
{
	lxw_error e = LXW_NO_ERROR;
	size_t    i;

	for (i = 0; i < n && e == LXW_NO_ERROR; i++)
		e = worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, cols[i].width, NULL);
	for (i = 0; i < n && e == LXW_NO_ERROR; i++)
		e = worksheet_write_string(ws, 0, (lxw_col_t)i, cols[i].name, x->head);
	worksheet_freeze_panes(ws, 1, 0);
	return e;
}

int
xlsx_table(struct xlsx *x, const char *name, const struct xset *set, json_t *rows)
{
	static struct col cols[COLS_MAX];
	lxw_worksheet    *ws = NULL;
	lxw_error         e = LXW_NO_ERROR;
	char              sheet[LXW_SHEETNAME_MAX + 1];
	size_t            n, r, i, row = 0;
	json_t           *o;

	if (x->failed || x->ndone == TABLES_MAX)
		return x->failed = -1;
	n = columns(x, set, rows, cols);
	for (r = 0; e == LXW_NO_ERROR && (r == 0 || r < json_array_size(rows)); r++) {
		if (r % XLSX_ROWS_MAX == 0) {
			if ((ws = add_sheet(x, name, (int)(r / XLSX_ROWS_MAX) + 1, sheet)) == NULL)
				return x->failed = -1;
			if (r == 0) {
				snprintf(
				    x->done[x->ndone].sheet, sizeof x->done[0].sheet, "%s", sheet);
				x->done[x->ndone++].set = set;
			}
			e = header(x, ws, cols, n);
			row = 0;
		}
		if ((o = json_array_get(rows, r)) == NULL)
			break; /* no rows: the header alone */
		row++;
		for (i = 0; i < n && e == LXW_NO_ERROR; i++)
			e = cell(x, ws, (lxw_row_t)row, (lxw_col_t)i, cols[i].type,
			    json_object_get(o, cols[i].name));
	}
	if (e != LXW_NO_ERROR || x->t.oom)
		x->failed = -1;
	return x->failed;
}

/* The sheet of columns: for each table, its sheet, and each field with its type, its
 * meaning and its allowed values, in x->en's language. */
static lxw_error
fields_sheet(struct xlsx *x)
{
	static const double  widths[] = { 18, 28, 12, 60, 40 };
	const char *const    texts[] = { i18n("XLSX_SHEET", x->en), i18n("L_DATA_FIELD", x->en),
		   i18n("L_DATA_TYPE", x->en), i18n("L_DATA_MEANING", x->en),
		   i18n("L_DATA_VALUES", x->en) };
	const struct xfield *f;
	lxw_worksheet       *ws;
	lxw_error            e = LXW_NO_ERROR;
	lxw_row_t            row = 0;
	char                 name[64];
	size_t               t, i, c;

	if ((ws = workbook_add_worksheet(x->wb, i18n("XLSX_FIELDS_SHEET", x->en))) == NULL)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	for (c = 0; c < 5 && e == LXW_NO_ERROR; c++) {
		e = worksheet_set_column(
		    ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], c == 3 ? x->wrap : NULL);
		if (e == LXW_NO_ERROR)
			e = worksheet_write_string(ws, 0, (lxw_col_t)c, texts[c], x->head);
	}
	worksheet_freeze_panes(ws, 1, 0);
	for (t = 0; t < x->ndone && e == LXW_NO_ERROR; t++)
		for (i = 0; export_set_field(x->done[t].set, i, name, sizeof name) == 0; i++) {
			if ((f = export_field(name)) == NULL || f->type == X_OBJECTS)
				continue;
			row++;
			e = worksheet_write_string(ws, row, 0, x->done[t].sheet, NULL);
			if (e == LXW_NO_ERROR)
				e = worksheet_write_string(ws, row, 1, f->name, NULL);
			if (e == LXW_NO_ERROR)
				e = worksheet_write_string(
				    ws, row, 2, export_type_name(f->type, x->en), NULL);
			if (e == LXW_NO_ERROR)
				e = worksheet_write_string(ws, row, 3, x->en ? f->en : f->pt, NULL);
			if (e == LXW_NO_ERROR && f->values != NULL)
				e = worksheet_write_string(ws, row, 4, f->values, NULL);
			if (e != LXW_NO_ERROR)
				break;
		}
	if (e == LXW_NO_ERROR)
		e = worksheet_write_string(ws, row + 2, 0, i18n("XLSX_NOTE", x->en), NULL);
	return e;
}

/* Appends the file path to b; returns 0, or -1. */
static int
slurp(const char *path, struct buf *b)
{
	char    chunk[65536];
	ssize_t n;
	int     fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		buf_put(b, chunk, (size_t)n);
	}
	close(fd);
	return n == 0 && !b->oom ? 0 : -1;
}

int
xlsx_close(struct xlsx *x, struct buf *b)
{
	size_t len = b->len;
	int    rc = x->failed;

	if (rc == 0 && fields_sheet(x) != LXW_NO_ERROR)
		rc = -1;
	if (workbook_close(x->wb) != LXW_NO_ERROR)
		rc = -1;
	if (rc == 0 && slurp(x->file, b) != 0) {
		b->len = len;
		rc = -1;
	}
	unlink(x->file);
	rmdir(x->dir);
	buf_free(&x->t);
	free(x);
	return rc;
}
