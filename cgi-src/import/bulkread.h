/* bulkread: an exported file as a table, for bulkimport.c, and the report that reading
 * starts and the import fills (bulkimport.h). */
#ifndef ABERTA_BULKREAD_H
#define ABERTA_BULKREAD_H
#include <stddef.h>

#define COLS_MAX 64 /* most columns in a file */

/* One line of the report: a change (field, before, after) or a refusal (error). */
struct bulk_item {
	long  line;       /* CSV line where the record starts, or JSON index */
	char  record[24]; /* PT0013, or PT0013/2 for a milestone */
	char *field;      /* the field, or NULL */
	char *before;     /* NULL: empty */
	char *after;      /* NULL: empty */
	char *error;      /* the reason a row is refused, or NULL */
	int   create;     /* 1: the record is new */
};

/* The report of an import: what reading the file found, then each change and refusal. */
struct bulk_report {
	int               json;    /* 1: item lines are JSON indexes (records[N]) */
	const char       *dataset; /* "milestones" or "commitments", once known */
	size_t            rows;    /* records read */
	size_t            changed; /* records that change (or would) */
	size_t            refused; /* records refused */
	size_t            fields;  /* field changes */
	struct bulk_item *items;
	size_t            nitems, cap;
	char              error[512]; /* a problem with the whole file, or "" */
};

/* Returns 1 when data is one of the exported files (CSV, or JSON with "records" or a
 * top-level array), 0 when it is the content format of import.h. */
int bulk_is_export(const char *data, size_t len);

/* One record of the file. */
struct trow {
	long          line;          /* CSV line where it starts, or JSON index */
	char         *v[COLS_MAX];   /* NULL: empty (CSV) or null (JSON) */
	unsigned char has[COLS_MAX]; /* 0: the JSON record lacks the key */
};

/* The file: column names (CSV header, or the JSON keys in order of appearance) and the
 * records. */
struct table {
	char        *cols[COLS_MAX];
	size_t       ncols;
	struct trow *rows;
	size_t       nrows;
	const char  *dataset; /* "milestones", "commitments", "" (another dataset) or
					 * NULL (not said), from the JSON "dataset" */
};

/* Reads data (JSON when it starts with '{' or '[', else CSV) into t (zeroed by the
 * caller; free with bulk_table_free, also after a failure).  Returns 0, or -1 with
 * r->error set; sets r->json for JSON. */
int  bulk_read(const char *data, size_t len, struct table *t, struct bulk_report *r);
void bulk_table_free(struct table *t);

/* An RFC 4180 reader, also for tests: splits data into records of fields.  Each
 * record's fields are NUL-terminated strings; quoted fields are unquoted.  Returns 0,
 * or -1 with a message naming the line in err. */
struct csv_rec {
	long   line; /* line where the record starts (1-based) */
	size_t n;    /* number of fields */
	char **f;
};
int bulk_csv_parse(
    const char *data, size_t len, struct csv_rec **recs, size_t *n, char *err, size_t errlen);
void bulk_csv_free(struct csv_rec *recs, size_t n);

#endif
