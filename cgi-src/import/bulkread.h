/* bulkread: an exported file as a table, for bulkimport.c. */
#ifndef ABERTA_BULKREAD_H
#define ABERTA_BULKREAD_H
#include <stddef.h>

#define COLS_MAX	64	/* most columns in a file */

struct bulk_report;

/* One record of the file. */
struct trow {
	long		 line;		/* CSV line where it starts, or JSON index */
	char		*v[COLS_MAX];	/* NULL: empty (CSV) or null (JSON) */
	unsigned char	 has[COLS_MAX];	/* 0: the JSON record lacks the key */
};

/* The file: column names (CSV header, or the JSON keys in order of appearance) and the
 * records. */
struct table {
	char		*cols[COLS_MAX];
	size_t		 ncols;
	struct trow	*rows;
	size_t		 nrows;
	const char	*dataset;	/* "milestones", "commitments", "" (another dataset) or
					 * NULL (not said), from the JSON "dataset" */
};

/* Reads data (JSON when it starts with '{' or '[', else CSV) into t (zeroed by the
 * caller; free with bulk_table_free, also after a failure).  Returns 0, or -1 with
 * r->error set; sets r->json for JSON. */
int	bulk_read(const char *data, size_t len, struct table *t, struct bulk_report *r);
void	bulk_table_free(struct table *t);

#endif
