/*
 * export: the site's open data.  Every listing and detail page also answers as JSON and
 * CSV (pages/data.c), and every table can be downloaded whole from /data/ (bulk).  The
 * shapes are described once, in datadict.h: a catalogue of fields (name, type, allowed
 * values, description in Portuguese and English) and the datasets, each an ordered list
 * of field names.  A record is built once as a jansson object whose keys follow the
 * dataset's order; the JSON and the CSV of a dataset are both written from those
 * objects, so the two formats always hold the same values.
 *
 * Conventions (also shown on /{lang}/data):
 *  - JSON: an object {dataset, url, license, modified, records | record}, indented by 2,
 *    keys in the dataset's documented order (not sorted); UTF-8.
 *  - CSV: RFC 4180, UTF-8 without BOM, CRLF line ends, a header row of the field names,
 *    one row per record; fields holding a comma, a double quote, CR or LF are quoted
 *    and their double quotes doubled.
 *  - Text in two languages comes in paired fields <name>_pt and <name>_en.
 *  - Many-valued fields are JSON arrays, and in CSV their values joined with "; ".
 *  - Absent values are JSON null and empty CSV fields; booleans are true / false.
 *  - A fact that can be doubted has a field <name>_confidence beside it (confirmed,
 *    unconfirmed, inferred), a figure's date the way it is known (<name>_as_of_kind);
 *    the time a record was imported or edited (updated_at) is never a figure's date.
 *  - OGP ids, ISO 8601 dates and enum codes are the same in every language and format;
 *    labels exist only in the HTML pages.  The language of the address only changes the
 *    url fields (links back to the pages in that language); bulk files carry url_pt and
 *    url_en.
 */
#ifndef ABERTA_EXPORT_H
#define ABERTA_EXPORT_H
#include <stddef.h>

#include <jansson.h>

#include "lib/buf.h"
#include "lib/progress.h"
#include "store/db.h"
#include "view/datadict.h"
#include "view/page.h"

#define EXPORT_LIST_SEP "; " /* joins the values of a many-valued CSV field */

/* The site's absolute base address (url_site_base: $ABERTA_BASE_URL without a trailing
 * slash, default http://127.0.0.1:8080). */
const char *export_base(void);
/* The licence of the open data: $ABERTA_DATA_LICENSE when it is an absolute http(s)
 * address (an IRI of the EU licence vocabulary, or a licence's own address), else NULL
 * (unset, or not an address: the publisher has not stated one).  The files' envelope,
 * the DCAT catalogue and the data page all state this one. */
const char *export_license(void);
/* Writes base + path into out (size outlen). */
void export_abs(const char *path, char *out, size_t outlen);
/* Sets o[key] to the absolute address of the page /lang/<fmt...> (printf-style path
 * after the language, e.g. "plans/%d"). */
void export_url(json_t *o, const char *key, const char *lang, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Sets url_pt and url_en of o to the page path (after the language) in both. */
void export_urls(json_t *o, const char *path);

/* Record builders: each sets o[key] from column i of s (NULL stays null). */
void x_text(json_t *o, const char *key, sqlite3_stmt *s, int i);
void x_int(json_t *o, const char *key, sqlite3_stmt *s, int i);
void x_bool(json_t *o, const char *key, sqlite3_stmt *s, int i);
/* Sets o[key] to an absolute address from column i (a path like /uploads/... is made
 * absolute with the base). */
void x_href(json_t *o, const char *key, sqlite3_stmt *s, int i);
/* Sets o[key] to the string v, or null. */
void x_str(json_t *o, const char *key, const char *v);
/* A field of a record read from a column of a statement's layout: the key, the column
 * in that layout, the type: 'i' an integer, 'b' a boolean, 'h' an address (x_href), 'l'
 * a list of the text's lines, 's' a list of the addresses of "address<TAB>title" lines,
 * anything else text. */
struct xcol {
	const char *key;
	int         col;
	char        type;
};
/* Sets the n fields f of o from the row of s, where the layout of f, whose first column
 * is base, starts at column first of s. */
void x_cols(json_t *o, sqlite3_stmt *s, const struct xcol *f, size_t n, int base, int first);
/* Sets the n fields f of o to null (a list: empty), for a record whose row is missing. */
void x_nulls(json_t *o, const struct xcol *f, size_t n);
/* Sets progress_percent, progress_known, progress_total and progress_as_of from p. */
void x_progress(json_t *o, const struct progress *p);
/* Sets o[key] to an empty list and o[names "_pt"], o[names "_en"] to empty lists beside
 * it (a list of slugs with the names of what they name: x_named adds to them). */
void x_named_lists(json_t *o, const char *key, const char *names);
/* Appends slug to the list o[key] and the name of what it names to o[names "_pt"] and
 * o[names "_en"]: pt and en, each, where not recorded, the other language's, else the
 * acronym (may be NULL), else the slug.  The lists must exist (x_named_lists). */
void x_named(json_t *o, const char *key, const char *names, const char *slug, const char *acronym,
    const char *pt, const char *en);
/* Sets o[names "_pt"] and o[names "_en"] to the name of a single body as x_named gives
 * it (null when slug is NULL). */
void x_name_pair(json_t *o, const char *names, const char *slug, const char *acronym,
    const char *pt, const char *en);
/* Appends the text of column i of every row of s to a new JSON array, returned. */
json_t *x_column_list(sqlite3_stmt *s, int i);

/* Appends the text of the value v as a CSV field holds it before quoting into t (a
 * number as written, true / false, a list's values joined with EXPORT_LIST_SEP; null:
 * nothing). */
void export_value_text(struct buf *t, json_t *v);
/* Writes the rows (a JSON array of objects) as CSV with the header of set (RFC 4180
 * fields, csv.h; a text a spreadsheet would run as a formula gets an apostrophe). */
void export_csv(struct buf *b, const struct xset *set, json_t *rows);
/* Writes the JSON answer of dataset set into b: the object {dataset, url, license,
 * modified, record} with record when it is not NULL (a detail page), else {..., records}
 * with rows (a listing), indented by 2.  Takes the references of record and rows.
 * Returns 0, or -1 when it cannot be made (the answer to a request: http/answer.h). */
int export_json(
    struct buf *b, const struct xset *set, const char *url, json_t *record, json_t *rows);
/* The content's last change (UTC, ISO 8601) into out; "" when unknown. */
void export_modified(char *out, size_t outlen);

/* Builds the rows of bulk table name into a new array; *set gets its dataset.  Returns
 * NULL for an unknown name. */
json_t *export_bulk(const char *name, const struct xset **set);
/* The rows of the bulk table commitments-ogp (export_ogp.c): the commitments in the shape
 * of OGP's IRM data, made from the rows of the bulk commitments (a new array; NULL when
 * they cannot be made). */
json_t *export_bulk_ogp(void);
/* (The DCAT-AP catalogue of the bulk tables is view/dcat.h's.) */
/* Shared by the bulk tables and the pages' records (s: a statement's row): */
/* summary_pt ... note_en of a commitment from the columns first.. of s (in the order of
 * ST_X_COMMITMENTS from column 6); */
void export_commitment_fields(json_t *o, sqlite3_stmt *s, int first);
/* position ... progress_source of a milestone from the columns first.. of s (in the
 * order of ST_MILESTONES from column 1); */
void export_milestone_fields(json_t *o, sqlite3_stmt *s, int first);
/* leads, supports, ogp_values and policy_areas of commitment id (lists of slugs and
 * codes, in the order of the page), each list of slugs followed by the names in both
 * languages (lead_names_pt ..., x_named); */
void export_commitment_relations(json_t *o, long long id);
/* the evidence addresses of a milestone (a new array); */
json_t *export_evidence(long long milestone_id);
/* a row of the set commitment_list from s (columns 1-6 as in ST_PLAN_COMMITMENTS), the
 * plan number and the progress, its leads and their names empty lists (x_named adds to
 * them). */
json_t *export_commitment_row(
    struct ctx *c, sqlite3_stmt *s, long long plan_number, const struct progress *p);

/* A consultation from a row of ST_X_CONSULTATIONS (the fields of the bulk file but
 * url_pt and url_en). */
json_t *export_consultation_row(sqlite3_stmt *s);
/* A submission from a row of ST_X_SUBMISSIONS (or ST_X_CONSULTATION_SUBS): with url in
 * language lang, or url_pt and url_en when lang is NULL (the bulk file). */
json_t *export_submission_row(sqlite3_stmt *s, const char *lang);

/* What migration 11 adds at the end of a record (export_trust.c), null where the store
 * holds nothing: */
/* of plan plan_id: its OGP title, short name, implementation period, how sure its
 * publication date is, the counts it states, its public note and its latest
 * self-reported completion (self_*); list: the self-reported completion only
 * (plan_list); */
void export_plan_trust(json_t *o, long long plan_id, int list);
/* of commitment id: how sure its OGP id, titles, values, self-reported figure and IRM
 * assessment are, where its titles come from, its self-reported figure with its date,
 * the kind of that date and its source, the IRM's dates, the confidence of each lead and
 * supporter (in the order of leads and supports), how sure the IRM's early results are
 * and whether OGP's open government lens applies (migration 12); list: how sure its id and titles
 * are only (commitment_list); */
void export_commitment_trust(json_t *o, long long id, int list);
/* of milestone milestone_id: where its titles come from, how the date of its figure is
 * known and how sure the figure is; */
void export_milestone_trust(json_t *o, long long milestone_id);
/* of body slug: its membership of the network as the sources state it and how sure; */
void export_entity_trust(json_t *o, const char *slug);
/* of event event_id: its key, whether it was held, how sure its dates are, where its
 * Portuguese title comes from, its plan, the body that organised it, the commitments it
 * belongs to and the bodies that co-organised it. */
void export_event_trust(json_t *o, long long event_id);
/* The rows of the bulk table name of migration 11's records (plan_documents,
 * plan_assessments, plan_completion, milestone_figures, activities, commitment_parties,
 * consultation_records) as a new array; NULL when name is not one of them. */
json_t *export_bulk_trust(const char *name);

/* The rows of a commitments listing (the set "commitment_list"), for the commitments
 * given by OGP id in the listing's order: the same fields as a plan's commitments.
 * Returns a new array. */
json_t *export_commitment_rows(struct ctx *c, const char *const *ogp_ids, size_t n);

#endif
