/* fuzz_bulk: the readers of the exported files that aberta-admin import and /admin/import
 * take back: bulk_csv_parse (RFC 4180), bulk_read (CSV or JSON into a table) and
 * bulk_is_export.  Aborts when an invariant of bulkread.h / bulkimport.h does not hold:
 * every record has at least one field, every value is a string, a failure leaves a
 * message, a table never has more than COLS_MAX columns. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/bulkimport.h"
#include "import/bulkread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_rec    *recs;
	struct bulk_report r;
	struct table       t;
	char               err[256];
	size_t             n, i, j;

	if (bulk_csv_parse((const char *)data, size, &recs, &n, err, sizeof err) == 0) {
		for (i = 0; i < n; i++) {
			if (recs[i].n == 0 || recs[i].line < 1)
				abort();
			for (j = 0; j < recs[i].n; j++)
				if (recs[i].f[j] == NULL || strlen(recs[i].f[j]) > size)
					abort();
		}
		bulk_csv_free(recs, n);
	} else if (err[0] == '\0' || recs != NULL || n != 0)
		abort();
	memset(&r, 0, sizeof r);
	memset(&t, 0, sizeof t);
	if (bulk_read((const char *)data, size, &t, &r) != 0 && r.error[0] == '\0')
		abort();
	if (t.ncols > COLS_MAX)
		abort();
	for (i = 0; i < t.nrows; i++)
		for (j = 0; j < t.ncols; j++)
			if (t.rows[i].v[j] != NULL && !t.rows[i].has[j])
				abort();
	bulk_table_free(&t);
	(void)bulk_is_export((const char *)data, size);
	return 0;
}
