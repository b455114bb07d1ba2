/* openapi: the OpenAPI 3.1 description of the open data, served as /data/openapi.json:
 * every address that answers JSON (each listing with its filters, the search, each
 * record, the bulk tables, the DCAT catalogue and this document), each in its formats
 * (the .json, .csv and .xlsx suffixes, and the plain address by Accept), and the JSON Schema
 * (2020-12) of every answer.  The schemas are made from the data dictionary (datadict.h)
 * and nothing else: a dataset is an object schema of its fields in their order, a field's
 * schema comes from its type, allowed values and English description, so the document
 * and the dictionary cannot disagree.  A CSV (or xlsx) answer is described as text whose rows are
 * the dataset named by the media type's x-row-schema (its fields but the JSON-only
 * lists of records, in the same order). */
#ifndef ABERTA_OPENAPI_H
#define ABERTA_OPENAPI_H

#include <jansson.h>

#include "view/datadict.h"

/* The JSON Schema of field f as it appears in dataset set (set names which dataset a
 * list of records holds; NULL: any): its type and its allowed values, null allowed
 * except in lists, and its English description.  Returns a new object, or NULL when
 * memory runs out. */
json_t *openapi_field_schema(const struct xset *set, const struct xfield *f);
/* The whole document, with the site's base address (export_base) as its server.
 * Returns a new object, or NULL when memory runs out. */
json_t *openapi_document(void);

#endif
