/* bulkreport: the report of a bulk import (see bulkimport.h): what each record would
 * change or why it was refused, as aberta-admin prints it. */
#include <stdio.h>
#include <stdlib.h>

#include "import/bulkimport.h"

void
bulk_report_free(struct bulk_report *r)
{
	size_t i;

	for (i = 0; i < r->nitems; i++) {
		free(r->items[i].field);
		free(r->items[i].before);
		free(r->items[i].after);
		free(r->items[i].error);
	}
	free(r->items);
	r->items = NULL;
	r->nitems = r->cap = 0;
}

/* Prints a value on one line: line breaks shown as "\n", cut after 160 bytes (at a
 * character boundary). */
static void
print_value(FILE *f, const char *v)
{
	size_t n = 0;

	if (v == NULL) {
		fputs("(empty)", f);
		return;
	}
	fputc('"', f);
	for (; *v != '\0'; v++, n++) {
		if (n >= 160 && ((unsigned char)*v & 0xc0) != 0x80) {
			fputs("...", f);
			break;
		}
		if (*v == '\n')
			fputs("\\n", f);
		else if (*v != '\r')
			fputc(*v, f);
	}
	fputc('"', f);
}

void
bulk_report_print(const struct bulk_report *r, FILE *f, int verbose)
{
	const struct bulk_item *it;
	size_t                  i;
	int                     pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < r->nitems; i++) {
			it = &r->items[i];
			if ((it->error != NULL) != (pass == 0) || (pass == 1 && !verbose))
				continue;
			if (r->json)
				fprintf(f, "records[%ld]: %s", it->line, it->record);
			else
				fprintf(f, "line %ld: %s", it->line, it->record);
			if (it->create)
				fputs(" (new)", f);
			if (it->field != NULL)
				fprintf(f, ": %s", it->field);
			if (it->error != NULL)
				fprintf(f, ": refused: %s\n", it->error);
			else {
				fputs(": ", f);
				print_value(f, it->before);
				fputs(" -> ", f);
				print_value(f, it->after);
				fputc('\n', f);
			}
		}
	fprintf(f,
	    "%s file: %zu record(s) read, %zu with changes (%zu field(s)), %zu "
	    "refused\n",
	    r->dataset ? r->dataset : "the", r->rows, r->changed, r->fields, r->refused);
}
