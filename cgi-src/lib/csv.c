/* csv: the fields of the CSV files (see csv.h). */
#include <string.h>

#include "lib/csv.h"

int
csv_guarded(const char *v, size_t len)
{
	size_t i = 0;

	while (i < len && v[i] == '\'')
		i++;
	return i < len && strchr(CSV_FORMULA, v[i]) != NULL && v[i] != '\0';
}

void
csv_field(struct buf *b, const char *v, size_t len)
{
	size_t i;

	if (strcspn(v, ",\"\r\n") >= len) {
		buf_put(b, v, len);
		return;
	}
	buf_put(b, "\"", 1);
	for (i = 0; i < len; i++) {
		if (v[i] == '"')
			buf_put(b, "\"", 1);
		buf_put(b, &v[i], 1);
	}
	buf_put(b, "\"", 1);
}
