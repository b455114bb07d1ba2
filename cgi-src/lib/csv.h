/* csv: the fields of the CSV files the site writes (RFC 4180) and reads back (the bulk
 * import): quoting, and the guard that keeps a spreadsheet from running a cell as a
 * formula. */
#ifndef ABERTA_CSV_H
#define ABERTA_CSV_H
#include <stddef.h>

#include "lib/buf.h"

/* The characters that make a spreadsheet read a cell as a formula. */
#define CSV_FORMULA "=+-@\t\r"

/* Writes the len bytes of v as one CSV field into b: quoted, with its double quotes
 * doubled, when it holds a comma, a double quote, CR or LF; else as it is. */
void csv_field(struct buf *b, const char *v, size_t len);
/* 1 if the text v (len bytes), after any leading apostrophes, starts with one of
 * CSV_FORMULA: the writer then adds one apostrophe, the reader drops one. */
int csv_guarded(const char *v, size_t len);

#endif
