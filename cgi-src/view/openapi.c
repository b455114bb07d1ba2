/* openapi: the OpenAPI 3.1 description of the open data, made from the data dictionary
 * (see openapi.h). */
#include <stdio.h>
#include <string.h>

#include "view/datadict.h"
#include "view/export.h"
#include "view/openapi.h"
#include "view/xlsx.h"

#ifndef PACKAGE_VERSION /* configure defines it; the static checks compile without it */
#define PACKAGE_VERSION "unknown"
#endif

#define N(a)   (sizeof(a) / sizeof(a)[0])
#define SCHEMA "#/components/schemas/"

/* The formats of a data address: its suffix and its media type (http/format.c). */
static const struct {
	const char *suffix;
	const char *ctype;
	const char *id; /* in an operationId */
} formats[] = {
	{ ".json", "application/json", "json" },
	{ ".csv", "text/csv", "csv" },
	{ ".xlsx", XLSX_TYPE, "xlsx" },
};

/* Which dataset a list of records holds: field in set (NULL: any set). */
static const struct {
	const char *set;
	const char *field;
	const char *items;
} nested[] = {
	{ NULL, "links", "link" },
	{ "plan", "commitments", "commitment_list" },
	{ "entity", "commitments", "entity_commitment_list" },
	{ "plan_snapshot", "commitments", "snapshot_commitment" },
	{ "commitment", "milestones", "milestone_list" },
	{ "snapshot_commitment", "milestones", "snapshot_milestone" },
	{ "consultation", "submissions", "submission_list" },
};

/* Query parameters of the listings. */
enum {
	P_FACETS = 1, /* plan, status, lead, value, area, late and q (pages/facet.h) */
	P_SORT = 2,   /* sort= of the commitments listing */
	P_PAGE = 4,   /* page= of the search (checked; the data formats give every result) */
};

/* The pages that answer in JSON and CSV, after /{lang}: the path (its parameters named
 * after the catalogue's fields), the id of its operations, the dataset of its JSON
 * "record" (NULL: a listing, "records") and of its rows (the CSV; a listing's JSON). */
static const struct {
	const char *path;
	const char *id;
	const char *record;
	const char *rows;
	int         params;
	const char *summary;
} pages[] = {
	{ "/plans", "plans", NULL, "plan_list", 0, "The national action plans." },
	{ "/plans/{plan_number}", "plan", "plan", "commitment_list", 0,
	    "One plan with its sources and commitments; its CSV: the commitments." },
	{ "/plans/{plan_number}/as-of/{snapshot_as_of}", "plan_snapshot", "plan_snapshot",
	    "snapshot_rows", 0,
	    "A plan frozen on the day a reporting round closed; its CSV: a row a milestone." },
	{ "/commitments", "commitments", NULL, "commitment_list", P_FACETS | P_SORT,
	    "Every commitment, or those the filters and the words of q select." },
	{ "/commitments/{ogp_id}", "commitment", "commitment", "milestone_list", 0,
	    "One commitment with its sources and milestones; its CSV: the milestones." },
	{ "/network", "network", NULL, "entity_list", 0,
	    "The members of the network and the other bodies." },
	{ "/members/{slug}", "member", "entity", "entity_commitment_list", 0,
	    "One body with the commitments it leads or supports; its CSV: those commitments." },
	{ "/events", "events", NULL, "event_list", 0, "The events, upcoming ones first." },
	{ "/events/{event_id}", "event", "event", "event", 0,
	    "One event; its CSV: the event as one row." },
	{ "/consultations", "consultations", NULL, "consultation_list", 0,
	    "The public consultations." },
	{ "/consultations/{consultation_id}", "consultation", "consultation", "submission_list", 0,
	    "One consultation with its published submissions; its CSV: the submissions." },
	{ "/search", "search", NULL, "search_result", P_FACETS | P_PAGE,
	    "The results of a search of the site (the words of q), most relevant first." },
};

/* The query parameters: name, which listings take them, description. */
static const struct {
	const char *name;
	int         flag;
	const char *desc;
} queries[] = {
	{ "q", P_FACETS,
	    "Words to search for (at most 200 characters and 12 words; the last one may be "
	    "the start of a word).  Without words: no results (search) or no filtering "
	    "(commitments)." },
	{ "plan", P_FACETS, "Only the commitments of this plan (its number)." },
	{ "status", P_FACETS,
	    "Only the commitments with this self-reported status (none: not "
	    "recorded)." },
	{ "lead", P_FACETS, "Only the commitments this body leads (its slug)." },
	{ "value", P_FACETS, "Only the commitments with this OGP value." },
	{ "area", P_FACETS, "Only the commitments of this policy area (its slug)." },
	{ "late", P_FACETS,
	    "overdue: only the commitments with a milestone past its planned end and not "
	    "complete." },
	{ "sort", P_SORT,
	    "The order: by plan and number (the default), by status (most advanced first), by "
	    "progress (highest first) or by end date (soonest first)." },
	{ "page", P_PAGE,
	    "The page of results of the HTML page (20 a page); checked, but the JSON and the "
	    "CSV hold every result." },
};

/* Sets o[key] to v (a new reference), unless v is NULL. */
static void
put(json_t *o, const char *key, json_t *v)
{
	if (v != NULL)
		json_object_set_new(o, key, v);
}

/* A new array of the space-separated words of list, with null at the end when null. */
static json_t *
words(const char *list, int null)
{
	json_t *a = json_array();
	size_t  n;

	while (list != NULL && *list != '\0') {
		n = strcspn(list, " ");
		if (n > 0)
			json_array_append_new(a, json_stringn(list, n));
		list += n + (list[n] == ' ');
	}
	if (null)
		json_array_append_new(a, json_null());
	return a;
}

/* The dataset a list of records field holds in set, or NULL. */
static const char *
items_of(const struct xset *set, const char *field)
{
	size_t i;

	for (i = 0; i < N(nested); i++)
		if (strcmp(nested[i].field, field) == 0 &&
		    (nested[i].set == NULL ||
			(set != NULL && strcmp(nested[i].set, set->name) == 0)))
			return nested[i].items;
	return NULL;
}

/* {"$ref": "#/components/schemas/name"}. */
static json_t *
ref(const char *name)
{
	char r[128];

	snprintf(r, sizeof r, SCHEMA "%s", name);
	return json_pack("{ss}", "$ref", r);
}

/* The schema of a value of type t with the allowed values of f, null allowed or not. */
static json_t *
typed(const struct xfield *f, int null)
{
	const char *json[X__MAX] = { [X_TEXT] = "string",
		[X_INT] = "integer",
		[X_PERCENT] = "integer",
		[X_BOOL] = "boolean",
		[X_DATE] = "string",
		[X_TIME] = "string",
		[X_URL] = "string",
		[X_CODE] = "string" };
	json_t     *s = json_object();

	if (f->type == X_CODE && f->values != NULL) {
		json_object_set_new(s, "enum", words(f->values, null));
		return s;
	}
	if (null)
		put(s, "type", json_pack("[ss]", json[f->type], "null"));
	else
		put(s, "type", json_string(json[f->type]));
	if (f->type == X_PERCENT)
		put(s, "minimum", json_integer(0)), put(s, "maximum", json_integer(100));
	if (f->type == X_DATE)
		put(s, "pattern", json_string("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"));
	if (f->type == X_TIME)
		put(s, "format", json_string("date-time")),
		    put(s, "pattern",
			json_string("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:"
				    "[0-9]{2}Z$"));
	if (f->type == X_URL)
		put(s, "format", json_string("uri")), put(s, "pattern", json_string("^https?://"));
	return s;
}

json_t *
openapi_field_schema(const struct xset *set, const struct xfield *f)
{
	json_t     *s, *item;
	const char *items;

	switch (f->type) {
	case X_CODES:
		item = json_pack("{so}", "enum", words(f->values, 0));
		s = json_pack("{ssso}", "type", "array", "items", item);
		break;
	case X_LIST:
		s = json_pack("{sss{ss}}", "type", "array", "items", "type", "string");
		break;
	case X_OBJECTS:
		items = items_of(set, f->name);
		s = items != NULL ? json_pack("{ssso}", "type", "array", "items", ref(items))
				  : json_pack("{ss}", "type", "array");
		break;
	default:
		s = typed(f, 1);
	}
	if (s != NULL)
		put(s, "description", json_string(f->en));
	return s;
}

/* The schema of dataset set: an object of its fields, in order, every one present and
 * no other. */
static json_t *
set_schema(const struct xset *set)
{
	json_t              *props = json_object(), *req = json_array();
	const struct xfield *f;
	char                 name[64];
	size_t               i;

	for (i = 0; export_set_field(set, i, name, sizeof name) == 0; i++) {
		if ((f = export_field(name)) == NULL)
			continue; /* tests/unit/test_export checks every name is there */
		put(props, name, openapi_field_schema(set, f));
		json_array_append_new(req, json_string(name));
	}
	return json_pack("{sssssososo}", "type", "object", "description", set->en, "properties",
	    props, "required", req, "additionalProperties", json_false());
}

/* Adds the schema of the JSON answer of dataset name to schemas (once) as name.record
 * (record: a detail page) or name.records, and returns a reference to it: the envelope's
 * fields with "dataset" the name and the record or the list of records. */
static json_t *
answer(json_t *schemas, const char *name, int record)
{
	const struct xset   *env = export_set("envelope");
	const struct xfield *f;
	json_t              *props, *req;
	char                 key[80], field[64];
	size_t               i;

	snprintf(key, sizeof key, "%s.%s", name, record ? "record" : "records");
	if (json_object_get(schemas, key) != NULL)
		return ref(key);
	props = json_object();
	req = json_array();
	for (i = 0; export_set_field(env, i, field, sizeof field) == 0; i++) {
		if ((f = export_field(field)) == NULL ||
		    strcmp(field, record ? "records" : "record") == 0)
			continue;
		if (strcmp(field, "dataset") == 0)
			put(props, field, json_pack("{ss}", "const", name));
		else if (strcmp(field, "record") == 0)
			put(props, field, ref(name));
		else if (strcmp(field, "records") == 0)
			put(props, field, json_pack("{ssso}", "type", "array", "items", ref(name)));
		else
			put(props, field, openapi_field_schema(env, f));
		if (strcmp(field, "dataset") == 0 || strcmp(field, "record") == 0 ||
		    strcmp(field, "records") == 0)
			put(json_object_get(props, field), "description", json_string(f->en));
		json_array_append_new(req, json_string(field));
	}
	json_object_set_new(schemas, key,
	    json_pack("{sssssososo}", "type", "object", "description", env->en, "properties", props,
		"required", req, "additionalProperties", json_false()));
	return ref(key);
}

/* The schema of a path or query parameter that is field name of the catalogue, or of
 * the words of values: never null; a whole number from 1, an OGP id, a slug or a day in
 * the shapes the addresses accept (lib/valid.c). */
static json_t *
param_schema(const char *name, const char *values)
{
	const struct xfield *f = export_field(name);
	json_t              *s;

	if (values != NULL)
		return json_pack("{so}", "enum", words(values, 0));
	s = f != NULL ? typed(f, 0) : json_pack("{ss}", "type", "string");
	if (f != NULL && f->type == X_INT)
		put(s, "minimum", json_integer(1)), put(s, "maximum", json_integer(999999));
	else if (strcmp(name, "ogp_id") == 0)
		put(s, "pattern", json_string("^[A-Z]{2}[0-9]{4}$"));
	else if (strcmp(name, "slug") == 0)
		put(s, "pattern", json_string("^[a-z0-9-]{1,80}$"));
	else if (strcmp(name, "snapshot_as_of") == 0)
		put(s, "pattern", json_string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
	return s;
}

/* A parameter object: name in where ("path", "query"), described by desc or else by
 * the catalogue's field of that name, its schema from param_schema. */
static json_t *
param(const char *name, const char *in, const char *desc, const char *field, const char *values)
{
	const struct xfield *f = export_field(field);

	return json_pack("{sssssbssso}", "name", name, "in", in, "required", in[0] == 'p',
	    "description",
	    desc != NULL    ? desc
		: f != NULL ? f->en
			    : "",
	    "schema", param_schema(field, values));
}

/* The words of the allowed values of field name, then extra. */
static void
values_plus(const char *name, const char *extra, char *out, size_t outlen)
{
	const struct xfield *f = export_field(name);

	snprintf(out, outlen, "%s %s", f != NULL && f->values ? f->values : "", extra);
}

/* components.parameters: the language, the path parameters (fields of the catalogue)
 * and the query parameters of the listings. */
static json_t *
parameters(void)
{
	static const char *const path[] = { "plan_number", "snapshot_as_of", "ogp_id", "slug",
		"event_id", "consultation_id" };
	json_t                  *p = json_object();
	char                     v[300];
	size_t                   i;

	put(p, "lang",
	    param("lang", "path",
		"The language of the page: pt or en.  The data is the same in both; only the "
		"url fields link to the pages in that language.",
		"", "pt en"));
	for (i = 0; i < N(path); i++)
		put(p, path[i], param(path[i], "path", NULL, path[i], NULL));
	put(p, "q",
	    json_pack("{sssssbsss{sssi}}", "name", "q", "in", "query", "required", 0, "description",
		queries[0].desc, "schema", "type", "string", "maxLength", 200));
	put(p, "plan", param("plan", "query", queries[1].desc, "plan_number", NULL));
	values_plus("self_status", "none", v, sizeof v);
	put(p, "status", param("status", "query", queries[2].desc, "status", v));
	put(p, "lead", param("lead", "query", queries[3].desc, "slug", NULL));
	values_plus("ogp_value", "", v, sizeof v);
	put(p, "value", param("value", "query", queries[4].desc, "value", v));
	put(p, "area", param("area", "query", queries[5].desc, "slug", NULL));
	put(p, "late", param("late", "query", queries[6].desc, "late", "overdue"));
	put(p, "sort", param("sort", "query", queries[7].desc, "sort", "plan status progress end"));
	put(p, "page",
	    json_pack("{sssssbsss{sssisi}}", "name", "page", "in", "query", "required", 0,
		"description", queries[8].desc, "schema", "type", "integer", "minimum", 1,
		"maximum", 500));
	return p;
}

/* The references to the parameters of path (its {names}, lang first) and of the query
 * parameters of flags, as a new array. */
static json_t *
param_refs(const char *path, int flags)
{
	json_t     *a = json_array();
	const char *p = path, *e;
	char        r[128];
	size_t      i;

	while ((p = strchr(p, '{')) != NULL && (e = strchr(p, '}')) != NULL) {
		snprintf(r, sizeof r, "#/components/parameters/%.*s", (int)(e - p - 1), p + 1);
		json_array_append_new(a, json_pack("{ss}", "$ref", r));
		p = e;
	}
	for (i = 0; i < N(queries); i++)
		if (queries[i].flag & flags) {
			snprintf(r, sizeof r, "#/components/parameters/%s", queries[i].name);
			json_array_append_new(a, json_pack("{ss}", "$ref", r));
		}
	return a;
}

/* The content of format i (-1: the plain address, every format by Accept, and HTML)
 * for the JSON of dataset json (record: a detail page's) and the CSV rows of set rows. */
static json_t *
content(json_t *schemas, int i, const char *json, int record, const char *rows)
{
	json_t *c = json_object(), *m;
	size_t  f;

	for (f = 0; f < N(formats); f++) {
		if (i >= 0 && (size_t)i != f)
			continue;
		if (strcmp(formats[f].id, "json") == 0)
			m = json_pack("{so}", "schema", answer(schemas, json, record));
		else
			m = json_pack("{s{ssss}so}", "schema", "type", "string", "contentMediaType",
			    formats[f].ctype, "x-row-schema", ref(rows));
		put(c, formats[f].ctype, m);
	}
	if (i < 0)
		put(c, "text/html", json_pack("{s{ss}}", "schema", "type", "string"));
	return c;
}

/* An operation GET: its id, tag, summary, parameters (taken) and 200's content (taken);
 * with 400 when it has parameters, and 404. */
static json_t *
operation(const char *id, const char *tag, const char *summary, json_t *params, json_t *c, int i)
{
	json_t *resp;

	resp = json_pack("{s{ssso}}", "200", "description",
	    i >= 0 ? "The data." : "The page, or its data in the format Accept prefers.", "content",
	    c);
	if (json_array_size(params) > 0)
		put(resp, "400", json_pack("{ss}", "description", "A parameter is not valid."));
	put(resp, "404", json_pack("{ss}", "description", "There is no such record."));
	return json_pack("{s{sssss[s]soso}}", "get", "operationId", id, "summary", summary, "tags",
	    tag, "parameters", params, "responses", resp);
}

/* Adds to paths the addresses of one thing in every format: base + suffix, and base by
 * Accept; record names the dataset of a detail page's JSON (NULL: a listing of rows). */
static void
variants(json_t *paths, json_t *schemas, const char *base, const char *id, const char *tag,
    const char *summary, int flags, const char *record, const char *rows)
{
	char   path[200], opid[100];
	size_t f;

	for (f = 0; f < N(formats); f++) {
		snprintf(path, sizeof path, "%s%s", base, formats[f].suffix);
		snprintf(opid, sizeof opid, "%s_%s", id, formats[f].id);
		put(paths, path,
		    operation(opid, tag, summary, param_refs(base, flags),
			content(schemas, (int)f, record ? record : rows, record != NULL, rows),
			(int)f));
	}
	put(paths, base,
	    operation(id, tag, summary, param_refs(base, flags),
		content(schemas, -1, record ? record : rows, record != NULL, rows), -1));
}

/* The two documents about the data: the DCAT-AP catalogue and this one. */
static void
documents(json_t *paths)
{
	json_t *s;

	s = json_pack("{sss[s]s{s{ss}}}", "type", "object", "required", "@context", "properties",
	    "@context", "type", "object");
	put(paths, "/data/catalog.jsonld",
	    operation("catalog", "documents",
		"The DCAT-AP catalogue of the bulk tables, in JSON-LD.", json_array(),
		json_pack("{s{so}}", "application/ld+json", "schema", s), 0));
	put(paths, "/data/all.xlsx",
	    operation("bulk_all_xlsx", "bulk",
		"Every bulk table in one workbook: a sheet a table (its rows as in its CSV), and "
		"a sheet of the columns from the data dictionary.",
		json_array(),
		json_pack("{s{s{ssss}}}", XLSX_TYPE, "schema", "type", "string", "contentMediaType",
		    XLSX_TYPE),
		0));
	s = json_pack("{sss[sss]s{s{ss}}}", "type", "object", "required", "openapi", "info",
	    "paths", "properties", "openapi", "const", "3.1.0");
	put(paths, "/data/openapi.json",
	    operation("openapi", "documents", "This description of the open data (OpenAPI 3.1).",
		json_array(), json_pack("{s{so}}", "application/json", "schema", s), 0));
}

json_t *
openapi_document(void)
{
	json_t            *doc, *paths = json_object(), *schemas = json_object();
	const struct xset *set;
	char               base[200], id[100];
	size_t             i;

	for (i = 0; i < export_set_count(); i++)
		if ((set = export_set_at(i))->where != XW_ENVELOPE)
			put(schemas, set->name, set_schema(set));
	for (i = 0; i < N(pages); i++) {
		snprintf(base, sizeof base, "/{lang}%s", pages[i].path);
		variants(paths, schemas, base, pages[i].id, "pages", pages[i].summary,
		    pages[i].params, pages[i].record, pages[i].rows);
	}
	for (i = 0; i < export_set_count(); i++)
		if ((set = export_set_at(i))->where == XW_BULK) {
			snprintf(base, sizeof base, "/data/%s", set->name);
			snprintf(id, sizeof id, "bulk_%s", set->name);
			variants(paths, schemas, base, id, "bulk", set->en, 0, NULL, set->name);
		}
	documents(paths);
	doc = json_pack("{sssss{ssssss}s[{ss}]s[{ssss}{ssss}{ssss}]soso}", "openapi", "3.1.0",
	    "jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema", "info", "title",
	    "Open data of the National Network for Open Administration", "version", PACKAGE_VERSION,
	    "description",
	    "Every listing and record of the site as JSON and CSV, the whole tables, and the "
	    "search.  The fields are those of the data dictionary (the page /en/data), from "
	    "which the schemas here are made.",
	    "servers", "url", export_base(), "tags", "name", "pages", "description",
	    "The data of the site's pages: a listing's records, or a page's record.", "name",
	    "bulk", "description", "Whole tables, with url_pt and url_en.", "name", "documents",
	    "description", "Documents about the data.", "paths", paths, "components",
	    json_pack("{soso}", "schemas", schemas, "parameters", parameters()));
	return doc;
}
