/* Open data: every format of every listing and detail page in both languages, the JSON
 * checked against the documented shape (export.h's catalogue, shown on /data), the CSV
 * parsed back with a reader of this file's own, the bulk tables and the DCAT-AP
 * catalogue; then the import of the exported files with aberta-admin and through
 * /admin/import: exporting then importing changes nothing, a bad row is refused with its
 * line number and nothing is applied, twenty milestones updated in one import with a
 * revision row each as the importing person.  The real binaries against a temporary
 * database with the real content.  TAP output through Check. */
#include <fcntl.h>
#include <regex.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <jansson.h>
#include <sodium.h>

#include "../lib/testlib.h"
#include "lib/domains.h"
#include "view/export.h"
#include "http/routes.h"

#define BASE "https://dados.example.pt" /* ABERTA_BASE_URL of the tests */

static char dbpath[128];
static char binary[512];
static char admin[512];
static char tmpdir[64];

/* Runs the binary as CGI (see cgi_run). */
static void
cgi(const char *method, const char *uri, const char *const *env, const char *body, size_t len,
    struct res *r)
{
	cgi_run(binary, dbpath, method, uri, env, body, len, r);
}

/* GET uri with an optional Accept header. */
static void
get(const char *uri, const char *accept, struct res *r)
{
	char        h[256];
	const char *env[] = { h, NULL };

	snprintf(h, sizeof h, "HTTP_ACCEPT=%s", accept ? accept : "");
	cgi("GET", uri, accept ? env : NULL, NULL, 0, r);
}

/* The pages that have data formats (after the language). */
static const char *const pages[] = { "/plans", "/plans/1", "/plans/2", "/plans/3", "/commitments",
	"/commitments/PT0013", "/commitments/PT0001", "/commitments/PT0018", "/network",
	"/members/ama", "/members/cada", "/events", "/events/1" };

static long long sql_int(const char *sql);

/* ---- An RFC 4180 reader of the test's own ---- */

#define CSV_ROWS 400
#define CSV_COLS 96

struct csv {
	size_t nrows;
	size_t ncols[CSV_ROWS];
	char  *f[CSV_ROWS][CSV_COLS];
	int    crlf; /* 1 when every record ended in CRLF */
};

/* Parses s (len bytes) strictly: fields quoted or not, "" inside quotes, CRLF records.
 * Returns 0, or -1 (malformed). */
static int
csv_read(const char *s, size_t len, struct csv *c)
{
	size_t     i = 0, n;
	struct buf f = { 0 };

	memset(c, 0, sizeof *c);
	c->crlf = 1;
	while (i < len && c->nrows < CSV_ROWS) {
		n = 0;
		for (;;) {
			buf_reset(&f);
			buf_puts(&f, "");
			if (s[i] == '"') {
				for (i++;; i++) {
					if (i >= len)
						return -1;
					if (s[i] == '"' && i + 1 < len && s[i + 1] == '"')
						i++;
					else if (s[i] == '"')
						break;
					buf_put(&f, s + i, 1);
				}
				i++;
			} else
				for (; i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n';
				     i++) {
					if (s[i] == '"')
						return -1;
					buf_put(&f, s + i, 1);
				}
			if (n == CSV_COLS)
				return -1;
			c->f[c->nrows][n++] = strdup(f.p ? f.p : "");
			if (i < len && s[i] == ',') {
				i++;
				continue;
			}
			if (i + 1 < len && s[i] == '\r' && s[i + 1] == '\n')
				i += 2;
			else if (i < len) {
				c->crlf = 0;
				i++;
			} else
				c->crlf = 0; /* no line end after the last record */
			break;
		}
		c->ncols[c->nrows++] = n;
	}
	buf_free(&f);
	return i == len ? 0 : -1;
}

static void
csv_free(struct csv *c)
{
	size_t r, i;

	for (r = 0; r < c->nrows; r++)
		for (i = 0; i < c->ncols[r]; i++)
			free(c->f[r][i]);
}

/* The header of set as a comma-joined line (JSON-only fields left out). */
static void
header_of(const char *setname, char *out, size_t outlen)
{
	const struct xset   *set = export_set(setname);
	const struct xfield *f;
	char                 name[64];
	size_t               i;

	ck_assert_ptr_nonnull(set);
	out[0] = '\0';
	for (i = 0; export_set_field(set, i, name, sizeof name) == 0; i++) {
		if ((f = export_field(name)) != NULL && f->type == X_OBJECTS)
			continue;
		snprintf(out + strlen(out), outlen - strlen(out), "%s%s", out[0] ? "," : "", name);
	}
}

/* ---- The documented shape ---- */

/* 1 when s matches the regular expression re. */
static int
matches(const char *s, const char *re)
{
	regex_t r;
	int     ok;

	ck_assert_int_eq(regcomp(&r, re, REG_EXTENDED | REG_NOSUB), 0);
	ok = regexec(&r, s, 0, NULL, 0) == 0;
	regfree(&r);
	return ok;
}

/* 1 when code is one of the space-separated values. */
static int
allowed(const char *values, const char *code)
{
	const char *p = values;
	size_t      n = strlen(code);

	while ((p = strstr(p, code)) != NULL) {
		if ((p == values || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
		p++;
	}
	return 0;
}

static void check_record(json_t *o, const char *setname, const char *lang, const char *where);

/* Checks one value against the catalogue type of field name. */
static void
check_value(json_t *v, const char *name, const char *lang, const char *where)
{
	const struct xfield *f = export_field(name);
	char                 pre[64];
	size_t               i;
	json_t              *e;

	ck_assert_msg(f != NULL, "%s: field %s is not documented", where, name);
	if (json_is_null(v)) {
		ck_assert_msg(f->type != X_CODES && f->type != X_LIST && f->type != X_OBJECTS,
		    "%s.%s: a list is never null", where, name);
		return;
	}
	switch (f->type) {
	case X_TEXT:
		ck_assert_msg(json_is_string(v), "%s.%s: not a string", where, name);
		break;
	case X_INT:
		ck_assert_msg(json_is_integer(v), "%s.%s: not an integer", where, name);
		break;
	case X_PERCENT:
		ck_assert_msg(json_is_integer(v) && json_integer_value(v) >= 0 &&
			json_integer_value(v) <= 100,
		    "%s.%s: not a percentage", where, name);
		break;
	case X_BOOL:
		ck_assert_msg(json_is_boolean(v), "%s.%s: not a boolean", where, name);
		break;
	case X_DATE:
		ck_assert_msg(json_is_string(v) &&
			matches(json_string_value(v),
			    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2}([T ][0-9:]+Z?)?)?)?$"),
		    "%s.%s: not an ISO 8601 date: %s", where, name, json_string_value(v));
		break;
	case X_TIME:
		ck_assert_msg(json_is_string(v) &&
			matches(json_string_value(v),
			    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"),
		    "%s.%s: not a UTC time", where, name);
		break;
	case X_URL:
		ck_assert_msg(json_is_string(v) && matches(json_string_value(v), "^https?://"),
		    "%s.%s: not an absolute address", where, name);
		if (strcmp(name, "url") == 0 && lang != NULL) {
			snprintf(pre, sizeof pre, BASE "/%s/", lang);
			ck_assert_msg(strncmp(json_string_value(v), pre, strlen(pre)) == 0,
			    "%s.url is not in the language of the address: %s", where,
			    json_string_value(v));
		}
		break;
	case X_CODE:
		ck_assert_msg(json_is_string(v) && allowed(f->values, json_string_value(v)),
		    "%s.%s: %s is not an allowed value", where, name, json_string_value(v));
		break;
	case X_CODES:
	case X_LIST:
		ck_assert_msg(json_is_array(v), "%s.%s: not a list", where, name);
		json_array_foreach(v, i, e) ck_assert_msg(json_is_string(e) &&
			(f->type == X_LIST || allowed(f->values, json_string_value(e))),
		    "%s.%s[%zu]: bad value", where, name, i);
		break;
	case X_OBJECTS:
		ck_assert_msg(json_is_array(v), "%s.%s: not a list of records", where, name);
		json_array_foreach(v, i, e) check_record(e,
		    strcmp(name, "links") == 0            ? "link"
			: strcmp(name, "milestones") == 0 ? "milestone_list"
							  : NULL,
		    lang, where);
		break;
	default:
		break;
	}
}

/* Checks that o has exactly the fields of set, in order, each of its documented type.
 * setname NULL: the nested commitments, whose set depends on the record. */
static void
check_record(json_t *o, const char *setname, const char *lang, const char *where)
{
	static const char *parent;
	const struct xset *set;
	const char        *key;
	char               name[64];
	size_t             i = 0;
	json_t            *v;

	if (setname == NULL)
		setname =
		    strcmp(parent, "plan") == 0 ? "commitment_list" : "entity_commitment_list";
	else if (export_set(setname)->where == XW_RECORD)
		parent = setname;
	set = export_set(setname);
	ck_assert_msg(json_is_object(o), "%s: a %s record is not an object", where, setname);
	json_object_foreach(o, key, v)
	{
		ck_assert_msg(export_set_field(set, i, name, sizeof name) == 0,
		    "%s: %s has "
		    "an undocumented field %s",
		    where, setname, key);
		ck_assert_msg(strcmp(key, name) == 0, "%s: %s field %zu is %s, documented %s",
		    where, setname, i, key, name);
		check_value(v, key, lang, where);
		i++;
	}
	ck_assert_msg(export_set_field(set, i, name, sizeof name) != 0, "%s: %s lacks %s", where,
	    setname, name);
}

/* GETs uri as JSON, checks the envelope and returns the document (caller frees). */
static json_t *
get_json(const char *uri, const char *dataset)
{
	struct res               r;
	json_error_t             e;
	json_t                  *doc, *v;
	char                     ct[128], want[300];
	const char              *k;
	size_t                   i = 0;
	static const char *const env[] = { "dataset", "url", "license", "modified" };

	get(uri, NULL, &r);
	ck_assert_msg(r.status == 200, "%s: %d", uri, r.status);
	ck_assert_str_eq(
	    res_header(&r, "Content-Type", ct, sizeof ct), "application/json; charset=utf-8");
	doc = json_loadb(r.body.p, r.body.len, JSON_REJECT_DUPLICATES, &e);
	ck_assert_msg(doc != NULL, "%s: not JSON: %s", uri, e.text);
	res_free(&r);
	json_object_foreach(doc, k, v)
	{
		if (i < 4)
			ck_assert_str_eq(k, env[i]);
		else
			ck_assert_msg(
			    i == 4 && (strcmp(k, "records") == 0 || strcmp(k, "record") == 0),
			    "%s: envelope key %s", uri, k);
		i++;
	}
	ck_assert_uint_eq(i, 5);
	ck_assert_str_eq(json_string_value(json_object_get(doc, "dataset")), dataset);
	ck_assert_msg(json_is_null(json_object_get(doc, "license")), "%s: a licence", uri);
	check_value(json_object_get(doc, "modified"), "modified", NULL, uri);
	/* The page itself, with its query: the address without ".json". */
	k = strstr(uri, ".json");
	snprintf(want, sizeof want, BASE "%.*s%s", (int)(k - uri), uri, k + 5);
	if (strncmp(uri, "/data/", 6) == 0)
		snprintf(want, sizeof want, BASE "%s", uri);
	ck_assert_str_eq(json_string_value(json_object_get(doc, "url")), want);
	return doc;
}

START_TEST(every_format_of_every_page)
{
	static const char *const accept[] = { "application/json", "text/csv" };
	static const char *const ctype[] = { "application/json; charset=utf-8",
		"text/csv; charset=utf-8; header=present" };
	static const char *const suffix[] = { ".json", ".csv" };
	char                     uri[128], v[128];
	struct res               r;
	size_t                   i;
	int                      l, f;

	for (l = 0; l < 2; l++)
		for (i = 0; i < sizeof pages / sizeof pages[0]; i++)
			for (f = 0; f < 2; f++) {
				snprintf(uri, sizeof uri, "/%s%s%s", l ? "en" : "pt", pages[i],
				    suffix[f]);
				get(uri, NULL, &r);
				ck_assert_msg(r.status == 200, "%s: %d", uri, r.status);
				ck_assert_str_eq(
				    res_header(&r, "Content-Type", v, sizeof v), ctype[f]);
				ck_assert_ptr_null(res_header(&r, "Vary", v, sizeof v));
				res_free(&r);
				/* The plain address with Accept gives the same bytes. */
				snprintf(uri, sizeof uri, "/%s%s", l ? "en" : "pt", pages[i]);
				get(uri, accept[f], &r);
				ck_assert_msg(r.status == 200, "%s (Accept %s): %d", uri, accept[f],
				    r.status);
				ck_assert_str_eq(
				    res_header(&r, "Content-Type", v, sizeof v), ctype[f]);
				ck_assert_str_eq(res_header(&r, "Vary", v, sizeof v), "Accept");
				res_free(&r);
			}
}
END_TEST

/* The listing's data is its query: filters and order kept. */
START_TEST(listing_keeps_its_query)
{
	struct res r;
	struct csv c;
	json_t    *doc, *recs, *o;
	size_t     i;
	long long  want;

	get("/en/commitments.csv?plan=2&sort=progress", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(csv_read(r.body.p, r.body.len, &c), 0);
	ck_assert_uint_eq(c.nrows - 1, 9);
	for (i = 1; i < c.nrows; i++)
		ck_assert_str_eq(c.f[i][1], "2");
	csv_free(&c);
	res_free(&r);
	want = sql_int("SELECT count(*) FROM commitment_value WHERE value = "
		       "'access_to_information'");
	doc = get_json("/pt/commitments.json?value=access_to_information", "commitment_list");
	ck_assert_str_eq(json_string_value(json_object_get(doc, "url")),
	    BASE "/pt/commitments?value=access_to_information");
	recs = json_object_get(doc, "records");
	ck_assert_int_eq((long long)json_array_size(recs), want);
	json_array_foreach(recs, i, o) check_record(o, "commitment_list", "pt", "listing");
	json_decref(doc);
}
END_TEST

/* Every route that answers in JSON and CSV has its data handler in the route table
 * (pages/data.c, or the commitments listing, which reads c->fmt itself), and is a
 * public page. */
START_TEST(flagged_routes_have_data)
{
	const struct route *rt;
	size_t              i, n = 0;

	for (i = 0; i < route_count(); i++) {
		rt = route_at(i);
		if (rt->data == NULL)
			continue;
		n++;
		ck_assert_msg(rt->cap == CAP_PUBLIC &&
			(rt->cache == CACHE_PUBLIC || rt->cache == CACHE_CLOCK),
		    "%s: data formats are for public pages", rt->pattern);
	}
	/* with the consultations, one consultation, a plan's snapshot, the search and
	 * /data/openapi */
	ck_assert_uint_eq(n, 14);
}
END_TEST

START_TEST(bulk_tables_and_catalog)
{
	const struct xset *set;
	char               uri[128], v[128];
	struct res         r;
	size_t             i, n = 0;

	for (i = 0; i < export_set_count(); i++) {
		set = export_set_at(i);
		if (set->where != XW_BULK)
			continue;
		n++;
		snprintf(uri, sizeof uri, "/data/%s.csv", set->name);
		get(uri, NULL, &r);
		ck_assert_msg(r.status == 200, "%s: %d", uri, r.status);
		snprintf(uri, sizeof uri, "inline; filename=\"%s.csv\"", set->name);
		ck_assert_ptr_nonnull(res_header(&r, "Content-Disposition", v, sizeof v));
		ck_assert_str_eq(v, uri);
		res_free(&r);
		snprintf(uri, sizeof uri, "/data/%s.json", set->name);
		json_decref(get_json(uri, set->name));
	}
	ck_assert_uint_eq(n, 22); /* with the records of migration 11, commitments-ogp */
	get("/data/catalog.jsonld", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(
	    res_header(&r, "Content-Type", v, sizeof v), "application/ld+json; charset=utf-8");
	res_free(&r);
	get("/data/nothing.csv", NULL, &r);
	ck_assert_int_eq(r.status, 404);
	res_free(&r);
	get("/data/plans", NULL, &r); /* a table has no HTML page */
	ck_assert_int_eq(r.status, 404);
	res_free(&r);
}
END_TEST

START_TEST(json_has_the_documented_shape)
{
	static const struct {
		const char *path, *dataset;
	} p[] = {
		{ "/plans", "plan_list" },
		{ "/plans/2", "plan" },
		{ "/plans/1", "plan" },
		{ "/commitments/PT0013", "commitment" },
		{ "/commitments/PT0018", "commitment" },
		{ "/network", "entity_list" },
		{ "/members/ama", "entity" },
		{ "/events", "event_list" },
		{ "/events/1", "event" },
		{ "/commitments", "commitment_list" },
		{ "/consultations", "consultation_list" },
		{ "/consultations/2", "consultation" },
	};
	char    uri[128];
	json_t *doc, *x, *rec;
	size_t  i, j;
	int     l;

	for (l = 0; l < 2; l++)
		for (i = 0; i < sizeof p / sizeof p[0]; i++) {
			snprintf(uri, sizeof uri, "/%s%s.json", l ? "en" : "pt", p[i].path);
			doc = get_json(uri, p[i].dataset);
			if ((x = json_object_get(doc, "records")) != NULL) {
				ck_assert_msg(json_array_size(x) > 0, "%s: no records", uri);
				json_array_foreach(x, j, rec)
				    check_record(rec, p[i].dataset, l ? "en" : "pt", uri);
			} else
				check_record(json_object_get(doc, "record"), p[i].dataset,
				    l ? "en" : "pt", uri);
			json_decref(doc);
		}
	for (i = 0; i < export_set_count(); i++)
		if (export_set_at(i)->where == XW_BULK) {
			snprintf(uri, sizeof uri, "/data/%s.json", export_set_at(i)->name);
			doc = get_json(uri, export_set_at(i)->name);
			json_array_foreach(json_object_get(doc, "records"), j, rec)
			    check_record(rec, export_set_at(i)->name, NULL, uri);
			json_decref(doc);
		}
	/* The facts of plan 2 as the page states them. */
	doc = get_json("/en/plans/2.json", "plan");
	rec = json_object_get(doc, "record");
	ck_assert_int_eq(json_integer_value(json_object_get(rec, "plan_number")), 2);
	ck_assert_uint_eq(json_array_size(json_object_get(rec, "commitments")), 9);
	ck_assert_int_eq(json_integer_value(json_object_get(rec, "commitment_count")), 9);
	json_decref(doc);
	/* Unknown progress is null with its parts counted, never 0. */
	doc = get_json("/en/commitments/PT0013.json", "commitment");
	rec = json_object_get(doc, "record");
	ck_assert(json_is_null(json_object_get(rec, "progress_percent")));
	ck_assert_int_eq(json_integer_value(json_object_get(rec, "progress_known")), 0);
	ck_assert_str_eq(
	    json_string_value(json_array_get(json_object_get(rec, "leads"), 0)), "ama");
	json_decref(doc);
}
END_TEST

/* The progress of PT0018 computed by the test from its milestones, as progress.h says. */
START_TEST(progress_as_the_pages_compute_it)
{
	json_t *doc, *rec, *ms, *m;
	size_t  i;
	double  sum = 0;
	int     known = 0;

	doc = get_json("/pt/commitments/PT0018.json", "commitment");
	rec = json_object_get(doc, "record");
	ms = json_object_get(rec, "milestones");
	json_array_foreach(ms, i, m) if (json_is_integer(json_object_get(m, "progress")))
	{
		sum += (double)json_integer_value(json_object_get(m, "progress"));
		known++;
	}
	ck_assert_int_gt(known, 0);
	ck_assert_int_eq(json_integer_value(json_object_get(rec, "progress_percent")),
	    (long long)(sum / known + 0.5));
	ck_assert_int_eq(json_integer_value(json_object_get(rec, "progress_known")), known);
	ck_assert_int_eq(json_integer_value(json_object_get(rec, "progress_total")),
	    (long long)json_array_size(ms));
	json_decref(doc);
}
END_TEST

START_TEST(same_facts_in_both_languages_and_formats)
{
	json_t     *a, *b, *ra, *rb, *x, *y, *v, *e;
	struct res  r;
	struct csv  c;
	const char *k;
	char        h[2048];
	size_t      i, j;

	a = get_json("/pt/plans/2.json", "plan");
	b = get_json("/en/plans/2.json", "plan");
	ra = json_object_get(json_object_get(a, "record"), "commitments");
	rb = json_object_get(json_object_get(b, "record"), "commitments");
	ck_assert_uint_eq(json_array_size(ra), json_array_size(rb));
	json_array_foreach(ra, i, x)
	{
		y = json_array_get(rb, i);
		json_object_foreach(x, k, v) if (strcmp(k, "url") != 0)
		    ck_assert_msg(json_equal(v, json_object_get(y, k)),
			"plan 2 "
			"commitment %zu: %s differs between languages",
			i, k);
	}
	/* The CSV holds the same values as the JSON, row by row. */
	get("/en/plans/2.csv", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(csv_read(r.body.p, r.body.len, &c), 0);
	header_of("commitment_list", h, sizeof h);
	ck_assert_uint_eq(c.nrows, 10);
	for (i = 1; i < c.nrows; i++) {
		x = json_array_get(rb, i - 1);
		ck_assert_uint_eq(c.ncols[i], c.ncols[0]);
		for (j = 0; j < c.ncols[0]; j++) {
			char   want[512] = "";
			size_t m;
			v = json_object_get(x, c.f[0][j]);
			if (json_is_string(v))
				snprintf(want, sizeof want, "%s", json_string_value(v));
			else if (json_is_integer(v))
				snprintf(
				    want, sizeof want, "%lld", (long long)json_integer_value(v));
			else if (json_is_array(v))
				json_array_foreach(v, m, e)
				    snprintf(want + strlen(want), sizeof want - strlen(want),
					"%s%s", m ? "; " : "", json_string_value(e));
			ck_assert_msg(strcmp(c.f[i][j], want) == 0, "row %zu %s: CSV %s, JSON %s",
			    i, c.f[0][j], c.f[i][j], want);
		}
	}
	csv_free(&c);
	res_free(&r);
	json_decref(a);
	json_decref(b);
}
END_TEST

START_TEST(csv_parsed_back)
{
	static const struct {
		const char *uri, *set;
		int         rows;
	} p[] = {
		{ "/en/plans/2.csv", "commitment_list", 9 },
		{ "/pt/plans/3.csv", "commitment_list", 7 },
		{ "/en/plans.csv", "plan_list", -1 },
		{ "/en/commitments/PT0018.csv", "milestone_list", -1 },
		{ "/pt/network.csv", "entity_list", -1 },
		{ "/en/members/ama.csv", "entity_commitment_list", -1 },
		{ "/en/events.csv", "event_list", -1 },
		{ "/en/events/1.csv", "event", 1 },
		{ "/data/milestones.csv", "milestones", -2 },
		{ "/data/commitments.csv", "commitments", -3 },
	};
	sqlite3      *db;
	sqlite3_stmt *s;
	struct res    r;
	struct csv    c;
	char          h[4096], got[4096];
	size_t        i, j, k;
	int           want;

	for (i = 0; i < sizeof p / sizeof p[0]; i++) {
		get(p[i].uri, NULL, &r);
		ck_assert_msg(r.status == 200, "%s: %d", p[i].uri, r.status);
		ck_assert_msg(r.body.len < 3 || memcmp(r.body.p, "\xEF\xBB\xBF", 3) != 0,
		    "%s starts with a BOM", p[i].uri);
		ck_assert_msg(
		    csv_read(r.body.p, r.body.len, &c) == 0, "%s: not RFC 4180", p[i].uri);
		ck_assert_msg(c.crlf, "%s: records must end in CRLF", p[i].uri);
		header_of(p[i].set, h, sizeof h);
		got[0] = '\0';
		for (j = 0; j < c.ncols[0]; j++)
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", j ? "," : "",
			    c.f[0][j]);
		ck_assert_str_eq(got, h);
		for (j = 1; j < c.nrows; j++)
			ck_assert_msg(c.ncols[j] == c.ncols[0], "%s row %zu: %zu fields", p[i].uri,
			    j, c.ncols[j]);
		want = p[i].rows;
		if (want < -1) {
			ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
			ck_assert_int_eq(sqlite3_prepare_v2(db,
					     want == -2 ? "SELECT count(*) "
							  "FROM milestone"
							: "SELECT count(*) FROM commitment",
					     -1, &s, NULL),
			    SQLITE_OK);
			ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
			want = sqlite3_column_int(s, 0);
			sqlite3_finalize(s);
			sqlite3_close(db);
		}
		if (want >= 0)
			ck_assert_msg((int)c.nrows - 1 == want, "%s: %zu rows, expected %d",
			    p[i].uri, c.nrows - 1, want);
		else
			ck_assert_uint_gt(c.nrows, 1);
		/* Enum codes and dates are codes, never labels. */
		for (j = 0; j < c.ncols[0]; j++)
			if (strcmp(c.f[0][j], "self_status") == 0 ||
			    strcmp(c.f[0][j], "status") == 0)
				for (k = 1; k < c.nrows; k++)
					ck_assert_msg(matches(c.f[k][j], "^[a-z_]*$"), "%s: %s",
					    p[i].uri, c.f[k][j]);
		csv_free(&c);
		res_free(&r);
	}
}
END_TEST

START_TEST(csv_quotes_what_needs_quoting)
{
	static const char *const nasty = "Vírgula, \"aspas\"\nlinha nova";
	sqlite3                 *db;
	sqlite3_stmt            *s;
	struct res               r;
	struct csv               c;
	size_t                   j;
	int                      found = 0;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "UPDATE commitment SET title_pt = ?1 WHERE "
			     "ogp_id = 'PT0012'",
			     -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(s, 1, nasty, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(db);
	get("/en/plans/2.csv", NULL, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "\"Vírgula, \"\"aspas\"\"\nlinha nova\""));
	ck_assert_int_eq(csv_read(r.body.p, r.body.len, &c), 0);
	for (j = 1; j < c.nrows; j++)
		if (strcmp(c.f[j][0], "PT0012") == 0) {
			ck_assert_str_eq(c.f[j][3], nasty);
			found = 1;
		}
	ck_assert(found);
	csv_free(&c);
	res_free(&r);
}
END_TEST

START_TEST(not_every_page_has_data)
{
	static const char *const no[] = { "/en/ogp.json", "/pt/accessibility.csv",
		"/en/plans/2/history.csv", "/en/commitments/PT0013/history.json",
		"/en/plans/99.json", "/en/commitments/PT9999.csv", "/en/members/nobody.json",
		"/admin/users.json", "/admin/import.csv", "/pt/.json", "/en/data.json",
		"/sitemap.xml.json" };
	struct res               r;
	char                     v[128];
	size_t                   i;

	for (i = 0; i < sizeof no / sizeof no[0]; i++) {
		get(no[i], NULL, &r);
		ck_assert_msg(r.status == 404, "%s: %d", no[i], r.status);
		res_free(&r);
	}
	get("/en/plans/abc.json", NULL, &r);
	ck_assert_int_eq(r.status, 400);
	res_free(&r);
	/* A lower-case OGP id is redirected to its canonical form, format kept. */
	get("/en/commitments/pt0013.csv", NULL, &r);
	ck_assert_int_eq(r.status, 301);
	ck_assert_str_eq(res_header(&r, "Location", v, sizeof v), "/en/commitments/PT0013.csv");
	res_free(&r);
}
END_TEST

START_TEST(accept_is_negotiated)
{
	static const struct {
		const char *accept, *ctype;
	} a[] = {
		{ "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html" },
		{ "*/*", "text/html" },
		{ "application/json", "application/json" },
		{ "text/csv", "text/csv" },
		{ "text/csv;q=0.5, application/json;q=0.9", "application/json" },
		{ "text/*", "text/html" },
		{ "application/json;q=0, text/csv", "text/csv" },
		{ "image/png", "text/html" },
	};
	struct res r;
	char       v[128];
	size_t     i;

	for (i = 0; i < sizeof a / sizeof a[0]; i++) {
		get("/en/plans", a[i].accept, &r);
		ck_assert_int_eq(r.status, 200);
		ck_assert_msg(strncmp(res_header(&r, "Content-Type", v, sizeof v), a[i].ctype,
				  strlen(a[i].ctype)) == 0,
		    "Accept %s gave %s", a[i].accept, v);
		ck_assert_str_eq(res_header(&r, "Vary", v, sizeof v), "Accept");
		res_free(&r);
	}
	/* The HTML page points at its data. */
	get("/en/plans/2?x=1", NULL, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "<link rel=\"alternate\" type=\"application/json\" href=\"/en/plans/2.json?x=1\">"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "href=\"/en/plans/2.csv?x=1\""));
	res_free(&r);
}
END_TEST

START_TEST(etag_per_format)
{
	static const char *const u[] = { "/en/plans/2", "/en/plans/2.json", "/en/plans/2.csv" };
	char                     etag[3][96], env[160];
	const char              *e[] = { env, NULL };
	struct res               r;
	int                      i, j;

	for (i = 0; i < 3; i++) {
		get(u[i], NULL, &r);
		ck_assert_ptr_nonnull(res_header(&r, "ETag", etag[i], sizeof etag[i]));
		res_free(&r);
		for (j = 0; j < i; j++)
			ck_assert_str_ne(etag[i], etag[j]);
	}
	snprintf(env, sizeof env, "HTTP_IF_NONE_MATCH=%s", etag[1]);
	cgi("GET", "/en/plans/2.json", e, NULL, 0, &r);
	ck_assert_int_eq(r.status, 304);
	res_free(&r);
	cgi("GET", "/en/plans/2.csv", e, NULL, 0, &r);
	ck_assert_int_eq(r.status, 200);
	res_free(&r);
	cgi("GET", "/en/plans/2", e, NULL, 0, &r);
	ck_assert_int_eq(r.status, 200);
	res_free(&r);
}
END_TEST

START_TEST(data_page_documents_every_field)
{
	struct res r;
	char       id[128], anchor[96];
	size_t     i, j;
	int        l;

	for (l = 0; l < 2; l++) {
		get(l ? "/en/data/dictionary" : "/pt/data/dictionary", NULL, &r);
		ck_assert_int_eq(r.status, 200);
		ck_assert_ptr_nonnull(strstr(r.body.p,
		    "<link rel=\"alternate\" "
		    "type=\"application/ld+json\" href=\"/data/catalog.jsonld\">"));
		ck_assert_ptr_nonnull(strstr(r.body.p, "id=\"how\""));
		for (i = 0; i < export_field_count(); i++) {
			export_field_anchor(export_field_at(i)->name, anchor, sizeof anchor);
			snprintf(id, sizeof id, "id=\"field-%s\"", anchor);
			ck_assert_msg(strstr(r.body.p, id) != NULL, "no %s", id);
		}
		for (i = 0; i < export_set_count(); i++) {
			snprintf(id, sizeof id, "id=\"set-%s\"", export_set_at(i)->name);
			ck_assert_msg(strstr(r.body.p, id) != NULL, "no %s", id);
			/* Every field a dataset lists is in the catalogue. */
			for (j = 0; export_set_field(export_set_at(i), j, id, sizeof id) == 0; j++)
				ck_assert_msg(export_field(id) != NULL, "%s: %s undocumented",
				    export_set_at(i)->name, id);
		}
		/* Allowed values come with their labels in the page's language. */
		ck_assert_ptr_nonnull(strstr(r.body.p,
		    l ? "<code>substantial</code> "
			"(Substantial)"
		      : "<code>substantial</code> (Substancial)"));
		res_free(&r);
	}
}
END_TEST

/* The catalogue of the answer to GET /data/catalog.jsonld with env (NULL-ended, or NULL). */
static json_t *
catalog(const char *const *env)
{
	struct res   r;
	json_t      *cat;
	json_error_t e;

	cgi("GET", "/data/catalog.jsonld", env, NULL, 0, &r);
	ck_assert_int_eq(r.status, 200);
	cat = json_loadb(r.body.p, r.body.len, 0, &e);
	ck_assert_msg(cat != NULL, "the catalogue is not JSON: %s", e.text);
	res_free(&r);
	return cat;
}

/* The @value of o[key]'s element lang (a language-tagged pair), or NULL. */
static const char *
ld_lang(json_t *o, const char *key, const char *lang)
{
	size_t  i;
	json_t *x;

	json_array_foreach(json_object_get(o, key), i,
	    x) if (strcmp(json_string_value(json_object_get(x, "@language")), lang) ==
	    0) return json_string_value(json_object_get(x, "@value"));
	return NULL;
}

/* The "@id" of o[key] (an object), or NULL. */
static const char *
ld_id_of(json_t *o, const char *key)
{
	return json_string_value(json_object_get(json_object_get(o, key), "@id"));
}

/* The catalogue (tests/opendata/shacl.js runs SEMIC's DCAT-AP 3.0.0 shapes on it): one
 * dataset a bulk table, titled and described in both languages, with dates, its
 * distributions typed as the shapes' range checks want and answering, a data service
 * described by /data/openapi.json; no licence while ABERTA_DATA_LICENSE is unset. */
START_TEST(catalog_is_dcat_ap)
{
	struct res         d;
	json_t            *cat, *ds, *dist, *x, *y, *svc;
	size_t             i, j, bulk = 0;
	const char        *u, *id;
	const struct xset *set;

	cat = catalog(NULL);
	ck_assert_str_eq(json_string_value(json_object_get(cat, "@type")), "dcat:Catalog");
	ck_assert_str_eq(
	    json_string_value(json_object_get(json_object_get(cat, "@context"), "dcat")),
	    "http://www.w3.org/ns/dcat#");
	ck_assert_ptr_null(json_object_get(cat, "dct:license"));
	ck_assert_str_eq(
	    json_string_value(json_object_get(json_object_get(cat, "dct:rights"), "@type")),
	    "dct:RightsStatement");
	ck_assert_ptr_nonnull(json_object_get(json_object_get(cat, "dct:publisher"), "foaf:name"));
	ck_assert_uint_eq(json_array_size(json_object_get(cat, "dct:language")), 2);
	json_array_foreach(json_object_get(cat, "dct:language"), i, x) ck_assert_str_eq(
	    json_string_value(json_object_get(x, "@type")), "dct:LinguisticSystem");
	x = json_object_get(json_object_get(cat, "dct:modified"), "@value");
	check_value(x, "modified", NULL, "catalog");
	for (i = 0; i < export_set_count(); i++)
		bulk += export_set_at(i)->where == XW_BULK;
	ds = json_object_get(cat, "dcat:dataset");
	ck_assert_uint_eq(json_array_size(ds), bulk);
	svc = json_array_get(json_object_get(cat, "dcat:service"), 0);
	ck_assert_str_eq(ld_id_of(svc, "dcat:endpointDescription"), BASE "/data/openapi.json");
	ck_assert_uint_eq(json_array_size(json_object_get(svc, "dcat:servesDataset")), bulk);
	json_array_foreach(ds, i, x)
	{
		ck_assert_str_eq(json_string_value(json_object_get(x, "@type")), "dcat:Dataset");
		id = json_string_value(json_object_get(x, "dct:identifier"));
		set = export_set(id);
		ck_assert_msg(set != NULL && set->where == XW_BULK, "%s is not a bulk table", id);
		ck_assert_str_eq(ld_lang(x, "dct:title", "pt"), export_set_title(id)->pt);
		ck_assert_str_eq(ld_lang(x, "dct:title", "en"), export_set_title(id)->en);
		ck_assert_str_ne(ld_lang(x, "dct:title", "en"), id);
		ck_assert_str_eq(ld_lang(x, "dct:description", "pt"), set->pt);
		ck_assert_str_eq(ld_lang(x, "dct:description", "en"), set->en);
		ck_assert_str_eq(ld_id_of(x, "dcat:theme"),
		    "http://publications.europa.eu/resource/authority/data-theme/GOVE");
		ck_assert_ptr_null(json_object_get(x, "dct:license"));
		ck_assert_ptr_null(json_object_get(x, "dcatap:applicableLegislation"));
		ck_assert_ptr_nonnull(json_object_get(x, "dct:issued"));
		ck_assert_ptr_nonnull(json_object_get(x, "dct:modified"));
		ck_assert_str_eq(
		    json_string_value(json_object_get(
			json_array_get(json_object_get(svc, "dcat:servesDataset"), i), "@id")),
		    json_string_value(json_object_get(x, "@id")));
		dist = json_object_get(x, "dcat:distribution");
		ck_assert_uint_ge(json_array_size(dist), 2);
		json_array_foreach(dist, j, y)
		{
			ck_assert_str_eq(json_string_value(json_object_get(
					     json_object_get(y, "dcat:downloadURL"), "@type")),
			    "rdfs:Resource");
			ck_assert_str_eq(json_string_value(json_object_get(
					     json_object_get(y, "dcat:mediaType"), "@type")),
			    "dct:MediaType");
			u = ld_id_of(y, "dcat:downloadURL");
			ck_assert_ptr_nonnull(u);
			ck_assert_msg(strncmp(u, BASE "/data/", strlen(BASE) + 6) == 0,
			    "%s is not under ABERTA_BASE_URL", u);
			get(u + strlen(BASE), NULL, &d);
			ck_assert_msg(d.status == 200, "%s: %d", u, d.status);
			res_free(&d);
		}
	}
	json_decref(cat);
}
END_TEST

/* ABERTA_DATA_LICENSE, an address, is the licence of the catalogue, every distribution
 * and the service (and the statement that none is stated goes); a value that is not an
 * address states none. */
START_TEST(catalog_licence_is_the_setting)
{
	static const char *const set[] = { "ABERTA_DATA_LICENSE=http://publications.europa.eu/"
					   "resource/authority/licence/CC_BY_4_0",
		NULL };
	static const char *const bad[] = { "ABERTA_DATA_LICENSE=CC BY 4.0", NULL };
	const char              *lic = set[0] + strlen("ABERTA_DATA_LICENSE=");
	json_t                  *cat, *x, *y;
	size_t                   i, j, n = 0;

	cat = catalog(set);
	ck_assert_str_eq(ld_id_of(cat, "dct:license"), lic);
	ck_assert_ptr_null(json_object_get(cat, "dct:rights"));
	ck_assert_str_eq(
	    ld_id_of(json_array_get(json_object_get(cat, "dcat:service"), 0), "dct:license"), lic);
	json_array_foreach(json_object_get(cat, "dcat:dataset"), i, x)
	    json_array_foreach(json_object_get(x, "dcat:distribution"), j, y)
	{
		ck_assert_str_eq(ld_id_of(y, "dct:license"), lic);
		ck_assert_str_eq(
		    json_string_value(json_object_get(json_object_get(y, "dct:license"), "@type")),
		    "dct:LicenseDocument");
		n++;
	}
	ck_assert_uint_gt(n, 0);
	json_decref(cat);
	cat = catalog(bad);
	ck_assert_ptr_null(json_object_get(cat, "dct:license"));
	ck_assert_ptr_nonnull(json_object_get(cat, "dct:rights"));
	json_decref(cat);
}
END_TEST

/* ---- What migration 11 adds (the facts of tests/lib/fixture-trust.sql) ---- */

/* The text of a JSON value as the CSV writes it: a list joined by "; ", null "". */
static void
text_of(json_t *v, char *out, size_t outlen)
{
	size_t  i;
	json_t *e;

	out[0] = '\0';
	if (json_is_string(v))
		snprintf(out, outlen, "%s", json_string_value(v));
	else if (json_is_integer(v))
		snprintf(out, outlen, "%lld", (long long)json_integer_value(v));
	else if (json_is_boolean(v))
		snprintf(out, outlen, "%s", json_is_true(v) ? "true" : "false");
	else if (json_is_array(v))
		json_array_foreach(v, i, e) snprintf(out + strlen(out), outlen - strlen(out),
		    "%s%s", i ? "; " : "", json_string_value(e));
}

/* 1 when record o matches every "key=value" of the space-separated match. */
static int
matches_all(json_t *o, const char *match)
{
	char        want[256], got[512], *eq, *tok, *save;
	const char *key;

	snprintf(want, sizeof want, "%s", match);
	for (tok = strtok_r(want, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save)) {
		if ((eq = strchr(tok, '=')) == NULL)
			return 0;
		*eq = '\0';
		key = tok;
		text_of(json_object_get(o, key), got, sizeof got);
		if (strcmp(got, eq + 1) != 0)
			return 0;
	}
	return 1;
}

/* The record of rows (a JSON array) that matches match; fails the test when none. */
static json_t *
record_where(json_t *rows, const char *match, const char *where)
{
	size_t  i;
	json_t *o;

	json_array_foreach(rows, i, o) if (matches_all(o, match)) return o;
	ck_abort_msg("%s: no record with %s", where, match);
	return NULL;
}

/* The expected facts: in the file uri (its JSON records, or the list field list of its
 * record), the record that matches match has field equal to want (NULL: JSON null and
 * an empty CSV field; a list: its values joined by "; "). */
static const struct fact {
	const char *uri, *list, *match, *field, *want;
} facts[] = {
	{ "/data/plans.json", NULL, "plan_number=9", "ogp_title",
	    "Portugal Action Plan 2030-2032 (fixture)" },
	{ "/data/plans.json", NULL, "plan_number=9", "short_pt", "IX PANAA" },
	{ "/data/plans.json", NULL, "plan_number=9", "implementation_start", "2030-10-01" },
	{ "/data/plans.json", NULL, "plan_number=9", "implementation_end", "2032-09-30" },
	{ "/data/plans.json", NULL, "plan_number=9", "published_confidence", "unconfirmed" },
	{ "/data/plans.json", NULL, "plan_number=9", "stated_commitment_count", "12" },
	{ "/data/plans.json", NULL, "plan_number=9", "stated_milestone_count", "40" },
	{ "/data/plans.json", NULL, "plan_number=9", "note_pt", "Nota do plano (public note)" },
	{ "/data/plans.json", NULL, "plan_number=9", "note_en", "Note on the plan (public note)" },
	/* The latest completion figure by its date; the undated one is not the latest. */
	{ "/data/plans.json", NULL, "plan_number=9", "self_percent", "67" },
	{ "/data/plans.json", NULL, "plan_number=9", "self_as_of", "2032-09-30" },
	{ "/data/plans.json", NULL, "plan_number=9", "self_as_of_kind", "publication" },
	{ "/data/plans.json", NULL, "plan_number=9", "self_source",
	    "https://fixture.example.org/completion-2" },
	{ "/data/plans.json", NULL, "plan_number=9", "self_confidence", "unconfirmed" },
	{ "/en/plans/9.json", "", "plan_number=9", "self_percent", "67" },
	{ "/en/plans/9.json", "", "plan_number=9", "ogp_title",
	    "Portugal Action Plan 2030-2032 (fixture)" },
	{ "/pt/plans.json", NULL, "plan_number=9", "self_as_of", "2032-09-30" },
	{ "/pt/plans.json", NULL, "plan_number=9", "self_source",
	    "https://fixture.example.org/completion-2" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "ogp_id_confidence", "inferred" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "title_pt_kind", "official" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "title_pt_confidence", "confirmed" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "title_en_kind", "translation" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "title_en_confidence", "unconfirmed" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "values_confidence", "unconfirmed" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "self_percent", "35" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "self_as_of", "2031-06-30" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "self_as_of_kind", "not_before" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "self_source",
	    "https://fixture.example.org/self" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "self_confidence", "unconfirmed" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "irm_date", "2031-02-01" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "irm_results_date", "2033-01-15" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "irm_confidence", "confirmed" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "leads_confidence", "unconfirmed" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "supports_confidence", "inferred" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "irm_early_results_confidence",
	    "inferred" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "irm_open_gov_lens", "true" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9902", "irm_open_gov_lens", NULL },
	{ "/data/commitments.json", NULL, "ogp_id=PT9901", "progress_as_of", "2031-06-30" },
	{ "/data/commitments.json", NULL, "ogp_id=PT9902", "ogp_id_confidence", "confirmed" },
	{ "/en/commitments/PT9901.json", "", "ogp_id=PT9901", "irm_results_date", "2033-01-15" },
	{ "/en/commitments/PT9901.json", "", "ogp_id=PT9901", "progress_percent", "35" },
	{ "/en/commitments/PT9901.json", "", "ogp_id=PT9901", "progress_as_of", "2031-06-30" },
	{ "/en/commitments/PT9902.json", "", "ogp_id=PT9902", "progress_percent", "10" },
	{ "/en/plans/9.json", "commitments", "ogp_id=PT9901", "ogp_id_confidence", "inferred" },
	{ "/en/plans/9.json", "commitments", "ogp_id=PT9901", "title_en_confidence",
	    "unconfirmed" },
	{ "/pt/commitments.json?plan=9", NULL, "ogp_id=PT9901", "title_pt_confidence",
	    "confirmed" },
	{ "/data/milestones.json", NULL, "ogp_id=PT9901 position=1", "title_pt_kind", "official" },
	{ "/data/milestones.json", NULL, "ogp_id=PT9901 position=1", "title_en_kind",
	    "translation" },
	{ "/data/milestones.json", NULL, "ogp_id=PT9901 position=1", "progress_as_of",
	    "2031-06-30" },
	{ "/data/milestones.json", NULL, "ogp_id=PT9901 position=1", "progress_as_of_kind",
	    "stated" },
	{ "/data/milestones.json", NULL, "ogp_id=PT9901 position=1", "progress_source",
	    "https://fixture.example.org/m1" },
	{ "/data/milestones.json", NULL, "ogp_id=PT9901 position=1", "progress_confidence",
	    "confirmed" },
	{ "/data/milestones.json", NULL, "ogp_id=PT9901 position=2", "progress_as_of_kind",
	    "unknown" },
	{ "/data/milestones.json", NULL, "ogp_id=PT9901 position=2", "progress_confidence",
	    "unconfirmed" },
	{ "/en/commitments/PT9901.json", "milestones", "position=2", "title_en_kind",
	    "paraphrase" },
	{ "/pt/commitments/PT9901.json", "milestones", "position=1", "progress_as_of_kind",
	    "stated" },
	{ "/data/entities.json", NULL, "slug=fx-body", "member_status", "likely_member" },
	{ "/data/entities.json", NULL, "slug=fx-body", "member_confidence", "unconfirmed" },
	{ "/data/entities.json", NULL, "slug=fx-body", "note_en",
	    "Membership stated in minutes (public note)" },
	{ "/pt/network.json", NULL, "slug=fx-partner", "member_status", "not_member" },
	{ "/en/members/fx-body.json", "", "slug=fx-body", "member_confidence", "unconfirmed" },
	{ "/data/events.json", NULL, "slug=fx-event", "held_status", "held" },
	{ "/data/events.json", NULL, "slug=fx-event", "date_confidence", "unconfirmed" },
	{ "/data/events.json", NULL, "slug=fx-event", "title_pt_kind", "translation" },
	{ "/data/events.json", NULL, "slug=fx-event", "plan_number", "9" },
	{ "/data/events.json", NULL, "slug=fx-event", "organiser_entity", "fx-body" },
	{ "/data/events.json", NULL, "slug=fx-event", "ogp_ids", "PT9901" },
	{ "/data/events.json", NULL, "slug=fx-event", "co_organisers", "fx-partner" },
	{ "/en/events.json", NULL, "slug=fx-event", "held_status", "held" },
	{ "/data/commitment_entities.json", NULL, "ogp_id=PT9901 entity_slug=fx-body", "confidence",
	    "unconfirmed" },
	{ "/data/commitment_entities.json", NULL, "ogp_id=PT9901 entity_slug=fx-body", "role_pt",
	    "coordenação técnica" },
	{ "/data/commitment_entities.json", NULL, "ogp_id=PT9901 entity_slug=fx-body", "role_en",
	    "technical coordination" },
	{ "/data/plan_documents.json", NULL, "plan_number=9 position=1", "document_kind",
	    "plan_text" },
	{ "/data/plan_documents.json", NULL, "plan_number=9 position=1", "href",
	    "https://fixture.example.org/plan.pdf" },
	{ "/data/plan_documents.json", NULL, "plan_number=9 position=1", "date", "2030-09-01" },
	{ "/data/plan_documents.json", NULL, "plan_number=9 position=1", "listed_on",
	    "https://fixture.example.org/list-1; https://fixture.example.org/list-2" },
	{ "/data/plan_documents.json", NULL, "plan_number=9 position=1", "note_en",
	    "The official text (public note)" },
	{ "/data/plan_documents.json", NULL, "plan_number=9 position=2", "href", NULL },
	{ "/data/plan_documents.json", NULL, "plan_number=9 position=2", "url_en",
	    BASE "/en/plans/9" },
	{ "/data/plan_assessments.json", NULL, "plan_number=9 position=1", "assessor", "irm" },
	{ "/data/plan_assessments.json", NULL, "plan_number=9 position=1", "report_kind",
	    "results_report" },
	{ "/data/plan_assessments.json", NULL, "plan_number=9 position=1", "date", "2033-01-15" },
	{ "/data/plan_assessments.json", NULL, "plan_number=9 position=1", "summary_en",
	    "Seven of nine complete." },
	{ "/data/plan_assessments.json", NULL, "plan_number=9 position=1", "source",
	    "https://fixture.example.org/irm" },
	{ "/data/plan_completion.json", NULL, "plan_number=9 position=1", "percent", "40" },
	{ "/data/plan_completion.json", NULL, "plan_number=9 position=1", "as_of", "2031-03-31" },
	{ "/data/plan_completion.json", NULL, "plan_number=9 position=1", "as_of_kind", "stated" },
	{ "/data/plan_completion.json", NULL, "plan_number=9 position=2", "note_pt",
	    "Ao fecho (public note)" },
	{ "/data/plan_completion.json", NULL, "plan_number=9 position=3", "percent", NULL },
	{ "/data/plan_completion.json", NULL, "plan_number=9 position=3", "as_of", NULL },
	{ "/data/plan_completion.json", NULL, "plan_number=9 position=3", "as_of_kind", "unknown" },
	{ "/data/plan_completion.json", NULL, "plan_number=9 position=3", "confidence",
	    "inferred" },
	{ "/data/milestone_figures.json", NULL, "ogp_id=PT9901 milestone_position=1", "percent",
	    "30" },
	{ "/data/milestone_figures.json", NULL, "ogp_id=PT9901 milestone_position=1", "as_of",
	    "2030-12-31" },
	{ "/data/milestone_figures.json", NULL, "ogp_id=PT9901 milestone_position=1", "as_of_kind",
	    "approximate" },
	{ "/data/milestone_figures.json", NULL, "ogp_id=PT9901 milestone_position=1", "source",
	    "https://fixture.example.org/figure-1" },
	{ "/data/milestone_figures.json", NULL, "ogp_id=PT9901 milestone_position=1", "confidence",
	    "unconfirmed" },
	{ "/data/activities.json", NULL, "ogp_id=PT9901 position=1", "date", "2031-03-15" },
	{ "/data/activities.json", NULL, "ogp_id=PT9901 position=1", "end_date", "2031-03-16" },
	{ "/data/activities.json", NULL, "ogp_id=PT9901 position=1", "title_pt_kind",
	    "paraphrase" },
	{ "/data/activities.json", NULL, "ogp_id=PT9901 position=1", "title_en",
	    "Fixture webinar" },
	{ "/data/activities.json", NULL, "ogp_id=PT9901 position=1", "source",
	    "https://fixture.example.org/activity" },
	{ "/data/commitment_parties.json", NULL, "ogp_id=PT9901", "entity_slug", "fx-partner" },
	{ "/data/commitment_parties.json", NULL, "ogp_id=PT9901", "relation", "partner" },
	{ "/data/commitment_parties.json", NULL, "ogp_id=PT9901", "note_en",
	    "Partner in a webinar (public note)" },
	{ "/data/commitment_parties.json", NULL, "ogp_id=PT9901", "source",
	    "https://fixture.example.org/webinar" },
	{ "/data/consultation_records.json", NULL, "slug=fx-consulta", "opened_on", "2030-05-01" },
	{ "/data/consultation_records.json", NULL, "slug=fx-consulta", "closed_on", "2030-05-31" },
	{ "/data/consultation_records.json", NULL, "slug=fx-consulta", "dates_confidence",
	    "unconfirmed" },
	{ "/data/consultation_records.json", NULL, "slug=fx-consulta", "held_status", "held" },
	{ "/data/consultation_records.json", NULL, "slug=fx-consulta", "where_url",
	    "https://participa.fixture.example.org/x" },
	{ "/data/consultation_records.json", NULL, "slug=fx-consulta", "organiser_entity",
	    "fx-body" },
	{ "/data/consultation_records.json", NULL, "slug=fx-consulta", "plan_number", "9" },
	{ "/data/consultation_records.json", NULL, "slug=fx-consulta", "comments_received", "12" },
	{ "/data/consultation_records.json", NULL, "slug=fx-consulta", "sources",
	    "https://fixture.example.org/s1; https://fixture.example.org/s2" },
};

/* The records of the JSON document of uri: its "records", the "record" itself (list ""),
 * or the list field list of its record.  Sets *doc (the caller frees it). */
static json_t *
records_of(const char *uri, const char *list, json_t **doc)
{
	struct res   r;
	json_error_t e;
	json_t      *rec, *one;

	get(uri, NULL, &r);
	ck_assert_msg(r.status == 200, "%s: %d", uri, r.status);
	*doc = json_loadb(r.body.p, r.body.len, 0, &e);
	ck_assert_msg(*doc != NULL, "%s: not JSON: %s", uri, e.text);
	res_free(&r);
	if (list == NULL)
		return json_object_get(*doc, "records");
	rec = json_object_get(*doc, "record");
	if (list[0] != '\0')
		return json_object_get(rec, list);
	one = json_pack("[O]", rec);
	json_object_set_new(*doc, "one", one);
	return one;
}

/* Checks fact f: the JSON value, and the text of the CSV of the same address when its
 * rows are those records (the records of a listing or a bulk file; the list of a
 * detail page: a plan's commitments, a commitment's milestones). */
static void
check_fact(const struct fact *f)
{
	json_t     *doc, *rows, *o, *v, *row;
	struct res  r;
	struct csv  c;
	char        got[1024], csvuri[160];
	size_t      j, k, m;
	const char *dot;
	int         hit = 0;

	rows = records_of(f->uri, f->list, &doc);
	o = record_where(rows, f->match, f->uri);
	v = json_object_get(o, f->field);
	ck_assert_msg(v != NULL, "%s %s: no field %s", f->uri, f->match, f->field);
	text_of(v, got, sizeof got);
	if (f->want == NULL)
		ck_assert_msg(
		    json_is_null(v), "%s %s: %s is %s, not null", f->uri, f->match, f->field, got);
	else
		ck_assert_msg(strcmp(got, f->want) == 0, "%s %s: %s is \"%s\", not \"%s\"", f->uri,
		    f->match, f->field, got, f->want);
	json_decref(doc);
	if (f->list != NULL && f->list[0] == '\0')
		return;
	dot = strstr(f->uri, ".json");
	snprintf(csvuri, sizeof csvuri, "%.*s.csv%s", (int)(dot - f->uri), f->uri, dot + 5);
	get(csvuri, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_msg(csv_read(r.body.p, r.body.len, &c) == 0, "%s: not RFC 4180", csvuri);
	for (k = 0; k < c.ncols[0] && strcmp(c.f[0][k], f->field) != 0; k++)
		;
	ck_assert_msg(k < c.ncols[0], "%s: no column %s", csvuri, f->field);
	for (j = 1; j < c.nrows && !hit; j++) {
		row = json_object();
		for (m = 0; m < c.ncols[0]; m++)
			json_object_set_new(row, c.f[0][m], json_string(c.f[j][m]));
		hit = matches_all(row, f->match);
		json_decref(row);
	}
	ck_assert_msg(hit, "%s: no row with %s", csvuri, f->match);
	ck_assert_msg(strcmp(c.f[j - 1][k], f->want != NULL ? f->want : "") == 0,
	    "%s %s: %s is \"%s\" in the CSV", csvuri, f->match, f->field, c.f[j - 1][k]);
	csv_free(&c);
	res_free(&r);
}

/* Each new column carries its fixture value, in the JSON and in the CSV. */
START_TEST(new_columns_carry_the_fixture)
{
	size_t i;

	for (i = 0; i < sizeof facts / sizeof facts[0]; i++)
		check_fact(&facts[i]);
}
END_TEST

/* The bodies and areas given by slug have their names beside them, in both languages and
 * in the order of the slugs, in the JSON and the CSV of every commitment and event
 * dataset; the OGP file's institutions are the English names. */
START_TEST(names_beside_slugs)
{
	static const struct fact named[] = {
		{ "/data/commitments.json", NULL, "ogp_id=PT0003", "leads", "at" },
		{ "/data/commitments.json", NULL, "ogp_id=PT0003", "lead_names_pt",
		    "Autoridade Tributária e Aduaneira" },
		{ "/data/commitments.json", NULL, "ogp_id=PT0003", "lead_names_en",
		    "Tax and Customs Authority" },
		{ "/data/commitments.json", NULL, "ogp_id=PT0003", "support_names_en",
		    "National Network for Open Administration" },
		{ "/data/commitments.json", NULL, "ogp_id=PT9901", "lead_names_pt",
		    "Entidade de ensaio" },
		{ "/data/commitments.json", NULL, "ogp_id=PT9901", "support_names_pt",
		    "Parceira de ensaio" },
		{ "/data/commitments.json", NULL, "ogp_id=PT9901", "support_names_en",
		    "Fixture partner" },
		{ "/data/commitments.json", NULL, "ogp_id=PT0003", "policy_areas",
		    "citizenship-immigration; fiscal-openness; public-participation; "
		    "public-service-delivery; tax" },
		{ "/data/commitments.json", NULL, "ogp_id=PT0003", "policy_area_names_en",
		    "Citizenship & Immigration; Fiscal Openness; Public Participation; "
		    "Public Service Delivery; Tax" },
		{ "/data/commitments.json", NULL, "ogp_id=PT0001", "lead_names_en", "" },
		{ "/en/commitments/PT0003.json", "", "ogp_id=PT0003", "lead_names_pt",
		    "Autoridade Tributária e Aduaneira" },
		{ "/pt/commitments/PT0003.json", "", "ogp_id=PT0003", "policy_area_names_pt",
		    "Cidadania e imigração; Abertura orçamental e fiscal; Participação pública; "
		    "Prestação de serviços públicos; Fiscalidade" },
		{ "/en/plans/1.json", "commitments", "ogp_id=PT0002", "lead_names_pt",
		    "PASC – Plataforma de Associações da Sociedade Civil – Casa da Cidadania" },
		{ "/en/plans/1.json", "commitments", "ogp_id=PT0002", "lead_names_en",
		    "Platform of Civil Society Associations – House of Citizenship" },
		{ "/en/plans/9.json", "commitments", "ogp_id=PT9901", "lead_names_en",
		    "Fixture body" },
		{ "/pt/commitments.json?plan=9", NULL, "ogp_id=PT9901", "lead_names_pt",
		    "Entidade de ensaio" },
		{ "/en/commitments.json?plan=1", NULL, "ogp_id=PT0003", "lead_names_en",
		    "Tax and Customs Authority" },
		{ "/data/commitments-ogp.json", NULL, "CaseNo=PT0003", "Responsible Institution",
		    "Tax and Customs Authority" },
		{ "/data/commitments-ogp.json", NULL, "CaseNo=PT9901", "Supporting Institution",
		    "Fixture partner" },
		{ "/data/events.json", NULL, "slug=fx-event", "organiser_name_pt",
		    "Entidade de ensaio" },
		{ "/en/events.json", NULL, "slug=fx-event", "organiser_name_en", "Fixture body" },
		{ "/data/events.json", NULL, "slug=fx-event", "co_organiser_names_en",
		    "Fixture partner" },
		{ "/pt/events.json", NULL, "slug=fx-event", "co_organiser_names_pt",
		    "Parceira de ensaio" },
	};
	size_t i;

	for (i = 0; i < sizeof named / sizeof named[0]; i++)
		check_fact(&named[i]);
}
END_TEST

/* A figure without a date has no date in any export (JSON null, an empty CSV field),
 * though its row was written at a time of its own (updated_at): the commitment took
 * its milestones' updated_at for the date of their figures before migration 11, and
 * the commitment's JSON did until it was fixed. */
START_TEST(undated_figures_have_no_date)
{
	static const struct fact undated[] = {
		{ "/data/milestones.json", NULL, "ogp_id=PT9901 position=2", "progress_as_of",
		    NULL },
		{ "/data/milestones.json", NULL, "ogp_id=PT9902 position=1", "progress_as_of",
		    NULL },
		{ "/en/commitments/PT9901.json", "milestones", "position=2", "progress_as_of",
		    NULL },
		{ "/pt/commitments/PT9902.json", "milestones", "position=1", "progress_as_of",
		    NULL },
		{ "/data/commitments.json", NULL, "ogp_id=PT9902", "progress_as_of", NULL },
		{ "/en/commitments/PT9902.json", "", "ogp_id=PT9902", "progress_as_of", NULL },
		{ "/en/plans/9.json", "commitments", "ogp_id=PT9902", "progress_as_of", NULL },
		{ "/pt/commitments.json?plan=9", NULL, "ogp_id=PT9902", "progress_as_of", NULL },
		{ "/en/commitments/PT9902.json", "", "ogp_id=PT9902", "progress_known", "1" },
	};
	size_t i;

	ck_assert_int_eq(sql_int("SELECT count(*) FROM milestone m JOIN commitment c ON c.id = "
				 "m.commitment_id WHERE c.ogp_id IN ('PT9901', 'PT9902') AND "
				 "m.progress IS NOT NULL AND m.progress_as_of IS NULL AND "
				 "m.updated_at GLOB '[0-9][0-9][0-9][0-9]-*'"),
	    2);
	for (i = 0; i < sizeof undated / sizeof undated[0]; i++)
		check_fact(&undated[i]);
}
END_TEST

/* Every address of the open data, for the tests that read them all: each bulk file in
 * both formats, then the pages' data in both languages (the seed's and the fixture's).
 * Returns the number written to out (at most max), each a static string or out_buf's. */
static size_t
every_export(char out[][96], size_t max)
{
	static const char *const more[] = { "/plans/9", "/commitments/PT9901",
		"/commitments/PT9902", "/members/fx-body", "/consultations", "/consultations/2" };
	size_t                   n = 0, i;
	int                      l, f;

	for (i = 0; i < export_set_count() && n + 2 <= max; i++)
		if (export_set_at(i)->where == XW_BULK)
			for (f = 0; f < 2; f++)
				snprintf(out[n++], 96, "/data/%s.%s", export_set_at(i)->name,
				    f ? "csv" : "json");
	for (l = 0; l < 2; l++)
		for (f = 0; f < 2; f++) {
			for (i = 0; i < sizeof pages / sizeof pages[0] && n < max; i++)
				snprintf(out[n++], 96, "/%s%s.%s", l ? "en" : "pt", pages[i],
				    f ? "csv" : "json");
			for (i = 0; i < sizeof more / sizeof more[0] && n < max; i++)
				snprintf(out[n++], 96, "/%s%s.%s", l ? "en" : "pt", more[i],
				    f ? "csv" : "json");
		}
	return n;
}

/* Adds the text of every "research_note" of JSON value v to the array notes. */
static void
research_notes(json_t *v, json_t *notes) /* NOLINT(misc-no-recursion): the file's depth */
{
	const char *k;
	json_t     *e;
	size_t      i;

	if (json_is_object(v))
		json_object_foreach(v, k, e)
		{
			if (strcmp(k, "research_note") == 0 && json_is_string(e) &&
			    json_string_length(e) >= 8)
				json_array_append(notes, e);
			else
				research_notes(e, notes);
		}
	else if (json_is_array(v))
		json_array_foreach(v, i, e) research_notes(e, notes);
}

/* No export holds the text of a research note (the content file's research_note, which
 * the loader never stores, nor the ones the issue found published), and no field is one;
 * the public notes of the fixture are published where they belong. */
START_TEST(no_research_note_in_any_export)
{
	static const char *const known[] = { "do not fill in without the plan PDF",
		"by elimination", "UNCERTAIN" };
	static const struct {
		const char *uri, *text;
	} public[] = {
		{ "/data/plans.json", "Nota do plano (public note)" },
		{ "/data/commitments.csv", "Note on the commitment (public note)" },
		{ "/data/entities.csv", "Pertença indicada numa ata (public note)" },
		{ "/data/plan_completion.csv", "Halfway (public note)" },
		{ "/data/plan_documents.json", "O texto oficial (public note)" },
		{ "/data/commitment_parties.csv", "Parceira num webinar (public note)" },
		{ "/en/commitments/PT9901.json", "Nota do compromisso (public note)" },
	};
	static char  uris[200][96];
	json_t      *notes = json_array(), *content, *e;
	json_error_t err;
	struct res   r;
	char         path[512], name[64];
	const char  *src = getenv("ABERTA_SRCDIR"), *cf = getenv("ABERTA_CONTENT");
	size_t       n, i, j, k;

	snprintf(path, sizeof path, "%s/content/rnaa-content.json", src ? src : ".");
	for (k = 0; k < 2; k++)
		if ((content = json_load_file(k ? path : (cf ? cf : path), 0, &err)) != NULL) {
			research_notes(content, notes);
			json_decref(content);
		}
	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		json_array_append_new(notes, json_string(known[i]));
	n = every_export(uris, 200);
	for (i = 0; i < n; i++) {
		get(uris[i], NULL, &r);
		ck_assert_msg(r.status == 200, "%s: %d", uris[i], r.status);
		json_array_foreach(notes, j, e)
		    ck_assert_msg(strstr(r.body.p, json_string_value(e)) == NULL,
			"%s publishes a research note: %.60s", uris[i], json_string_value(e));
		res_free(&r);
	}
	json_decref(notes);
	for (i = 0; i < sizeof public / sizeof public[0]; i++) {
		get(public[i].uri, NULL, &r);
		ck_assert_msg(strstr(r.body.p, public[i].text) != NULL, "%s lacks \"%s\"",
		    public[i].uri, public[i].text);
		res_free(&r);
	}
	for (i = 0; i < export_set_count(); i++)
		for (j = 0; export_set_field(export_set_at(i), j, name, sizeof name) == 0; j++)
			ck_assert_msg(strstr(name, "research") == NULL, "%s has a field %s",
			    export_set_at(i)->name, name);
}
END_TEST

/* Adds every key of the records of JSON value v (objects in arrays, nested) to keys. */
static void
keys_of(json_t *v, json_t *keys) /* NOLINT(misc-no-recursion): the answer's depth */
{
	const char *k;
	json_t     *e;
	size_t      i;

	if (json_is_object(v))
		json_object_foreach(v, k, e)
		{
			json_object_set_new(keys, k, json_true());
			keys_of(e, keys);
		}
	else if (json_is_array(v))
		json_array_foreach(v, i, e) keys_of(e, keys);
}

/* The code lists of the dictionary that come from the schema's domains (lib/domains.c):
 * the same codes, in the same order. */
static const struct {
	const char *field, *domain;
} coded[] = {
	{ "ogp_id_confidence", "confidence" },
	{ "title_pt_kind", "text_kind" },
	{ "title_pt_confidence", "confidence" },
	{ "title_en_kind", "text_kind" },
	{ "title_en_confidence", "confidence" },
	{ "values_confidence", "confidence" },
	{ "self_as_of_kind", "as_of_kind" },
	{ "self_confidence", "confidence" },
	{ "irm_confidence", "confidence" },
	{ "irm_early_results_confidence", "confidence" },
	{ "leads_confidence", "confidence" },
	{ "supports_confidence", "confidence" },
	{ "progress_as_of_kind", "as_of_kind" },
	{ "progress_confidence", "confidence" },
	{ "member_status", "member_status" },
	{ "member_confidence", "confidence" },
	{ "published_confidence", "confidence" },
	{ "confidence", "confidence" },
	{ "document_kind", "doc_kind" },
	{ "assessor", "assessor" },
	{ "report_kind", "report_kind" },
	{ "as_of_kind", "as_of_kind" },
	{ "relation", "party_relation" },
	{ "held_status", "held_status" },
	{ "date_confidence", "confidence" },
	{ "dates_confidence", "confidence" },
	{ "event_kind", "event_kind" },
	{ "self_status", "self_status" },
	{ "status", "ms_status" },
	{ "entity_kind", "entity_kind" },
	{ "link_kind", "link_kind" },
};

/* Every column of every exported file (the CSV headers and the JSON keys, nested ones
 * too, as the files are served) is in the data dictionary, described in both languages
 * and shown on /pt/data/dictionary and /en/data/dictionary; every code list is listed there, and those of the
 * schema's domains hold exactly the domain's codes. */
START_TEST(every_exported_column_is_documented)
{
	static char          uris[200][96];
	json_t              *keys = json_object(), *doc, *t;
	json_error_t         e;
	struct res           r, page[2];
	struct csv           c;
	const struct xfield *f;
	const struct domain *d;
	const char          *k, *label;
	char                 id[320], codes[512], anchor[96];
	size_t               n, i, j;
	int                  l;

	n = every_export(uris, 200);
	for (i = 0; i < n; i++) {
		get(uris[i], NULL, &r);
		ck_assert_msg(r.status == 200, "%s: %d", uris[i], r.status);
		if (strstr(uris[i], ".csv") != NULL) {
			ck_assert_msg(csv_read(r.body.p, r.body.len, &c) == 0, "%s", uris[i]);
			for (j = 0; j < c.ncols[0]; j++)
				json_object_set_new(keys, c.f[0][j], json_true());
			csv_free(&c);
		} else {
			ck_assert_ptr_nonnull(doc = json_loadb(r.body.p, r.body.len, 0, &e));
			keys_of(doc, keys);
			json_decref(doc);
		}
		res_free(&r);
	}
	for (l = 0; l < 2; l++)
		get(l ? "/en/data/dictionary" : "/pt/data/dictionary", NULL, &page[l]);
	json_object_foreach(keys, k, t)
	{
		f = export_field(k);
		ck_assert_msg(f != NULL, "the column %s is exported but not documented", k);
		ck_assert_msg(
		    f->pt != NULL && f->pt[0] != '\0' && f->en != NULL && f->en[0] != '\0',
		    "%s: described in one language only", k);
		for (l = 0; l < 2; l++) {
			export_field_anchor(k, anchor, sizeof anchor);
			snprintf(
			    id, sizeof id, "<tr id=\"field-%s\"><th scope=\"row\"><code>", anchor);
			for (j = 0; k[j] != '\0'; j++) /* the name, '&' escaped as HTML */
				snprintf(id + strlen(id), sizeof id - strlen(id), "%s",
				    k[j] == '&' ? "&amp;" : (char[]){ k[j], '\0' });
			snprintf(id + strlen(id), sizeof id - strlen(id), "</code>");
			ck_assert_msg(strstr(page[l].body.p, id) != NULL, "%s: no row for %s",
			    l ? "/en/data/dictionary" : "/pt/data/dictionary", k);
		}
		if (f->type == X_CODE || f->type == X_CODES)
			ck_assert_msg(f->values != NULL && f->values[0] != '\0', "%s: no codes", k);
	}
	for (i = 0; i < sizeof coded / sizeof coded[0]; i++) {
		ck_assert_ptr_nonnull(f = export_field(coded[i].field));
		ck_assert_ptr_nonnull(d = domain_named(coded[i].domain));
		codes[0] = '\0';
		for (j = 0; j < d->n; j++)
			snprintf(codes + strlen(codes), sizeof codes - strlen(codes), "%s%s",
			    j ? " " : "", d->codes[j].code);
		ck_assert_msg(strcmp(f->values, codes) == 0,
		    "%s: the dictionary lists \"%s\", "
		    "the schema allows \"%s\"",
		    coded[i].field, f->values, codes);
		/* Each code with its label (when it differs from the code), in both
		 * languages. */
		for (l = 0; l < 2; l++)
			for (j = 0; j < d->n; j++) {
				label = l ? d->codes[j].en : d->codes[j].pt;
				if (label == NULL || strcmp(label, d->codes[j].code) == 0)
					snprintf(
					    id, sizeof id, "<code>%s</code>", d->codes[j].code);
				else
					snprintf(id, sizeof id, "<code>%s</code> (%s)",
					    d->codes[j].code, label);
				ck_assert_msg(strstr(page[l].body.p, id) != NULL, "%s: no %s",
				    l ? "/en/data/dictionary" : "/pt/data/dictionary", id);
			}
	}
	res_free(&page[0]);
	res_free(&page[1]);
	json_decref(keys);
}
END_TEST

/* The data page explains the marker of doubt (the target of page_doubt's link,
 * /{lang}/data#confidence) and how each figure's date is known, in both languages; the
 * formula box says what a roll-up's date is and what an undated figure says. */
START_TEST(data_page_explains_confidence_and_dates)
{
	static const char *const want[2][12] = {
		{ "<section id=\"confidence\"", "<a href=\"#confidence\">", "<a href=\"#dates\">",
		    "<section id=\"dates\"", "por confirmar", "deduzido, por confirmar",
		    "Numa data indicada", "Num relatório de uma data",
		    "Publicado nessa data ou depois", "Por volta de uma data", "Data não registada",
		    "nunca é mostrada como a data de um valor" },
		{ "<section id=\"confidence\"", "<a href=\"#confidence\">", "<a href=\"#dates\">",
		    "<section id=\"dates\"", "unconfirmed", "inferred, unconfirmed",
		    "On a stated date", "In a report of a date", "Published on or after a date",
		    "About a date", "Date not recorded", "is never shown as the date of a figure" },
	};
	static const char *const formula[2][3] = {
		{ "o intervalo da mais antiga à mais recente",
		    "um valor sem data diz «data não "
		    "registada»",
		    "mostra o intervalo das datas" },
		{ "the span from the earliest to the latest",
		    "a figure without a date says &quot;date not recorded&quot;",
		    "shows the span of the dates it rests on" },
	};
	static const char *const codes[] = { "confirmed", "unconfirmed", "inferred", "stated",
		"publication", "not_before", "approximate", "unknown" };
	struct res               r;
	size_t                   i;
	int                      l;

	for (l = 0; l < 2; l++) {
		get(l ? "/en/data/dictionary" : "/pt/data/dictionary", NULL, &r);
		ck_assert_int_eq(r.status, 200);
		for (i = 0; i < 12; i++)
			ck_assert_msg(strstr(r.body.p, want[l][i]) != NULL, "%s: no \"%s\"",
			    l ? "/en/data/dictionary" : "/pt/data/dictionary", want[l][i]);
		for (i = 0; i < 3; i++)
			ck_assert_msg(strstr(r.body.p, formula[l][i]) != NULL, "%s: no \"%s\"",
			    l ? "/en/data/dictionary" : "/pt/data/dictionary", formula[l][i]);
		for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
			char code[64];
			snprintf(code, sizeof code, "(<code>%s</code>)</span></dt>", codes[i]);
			ck_assert_msg(strstr(r.body.p, code) != NULL, "no %s", code);
		}
		/* The sentence that was false: a roll-up is not dated by its latest figure. */
		ck_assert_ptr_null(
		    strstr(r.body.p, "the date of the latest figure it is based on"));
		ck_assert_ptr_null(
		    strstr(r.body.p, "a data dos dados mais recentes em que se baseia"));
		res_free(&r);
	}
}
END_TEST

/* ---- Import ---- */

/* Runs aberta-admin with args (NULL-ended, after --db) on db; captures stdout and
 * stderr into out and err (may be NULL).  Returns the exit status. */
static int
admin_run(const char *db, const char *const *args, struct buf *out, struct buf *err)
{
	char  *argv[16], ofile[128], efile[128], chunk[4096];
	size_t i = 0, n;
	pid_t  pid;
	int    st, fo, fe;
	FILE  *f;

	snprintf(ofile, sizeof ofile, "%s/out", tmpdir);
	snprintf(efile, sizeof efile, "%s/err", tmpdir);
	argv[i++] = admin;
	argv[i++] = (char *)"--db";
	argv[i++] = (char *)db;
	for (; *args != NULL && i < 15; args++)
		argv[i++] = (char *)*args;
	argv[i] = NULL;
	if ((pid = fork()) == 0) {
		fo = open(ofile, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		fe = open(efile, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		dup2(fo, 1);
		dup2(fe, 2);
		execv(admin, argv);
		_exit(127);
	}
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	for (i = 0; i < 2; i++) {
		struct buf *b = i == 0 ? out : err;
		if (b == NULL)
			continue;
		buf_reset(b);
		buf_puts(b, "");
		ck_assert_ptr_nonnull(f = fopen(i == 0 ? ofile : efile, "r"));
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_put(b, chunk, n);
		fclose(f);
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* An integer from one SQL query on the test database. */
static long long
sql_int(const char *sql)
{
	sqlite3      *db;
	sqlite3_stmt *s;
	long long     v;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* Saves the body of GET uri into tmpdir/name; returns the path (static). */
static const char *
save(const char *uri, const char *name)
{
	static char path[160];
	struct res  r;
	FILE       *f;

	get(uri, NULL, &r);
	ck_assert_msg(r.status == 200, "%s: %d", uri, r.status);
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	ck_assert_uint_eq(fwrite(r.body.p, 1, r.body.len, f), r.body.len);
	fclose(f);
	res_free(&r);
	return path;
}

/* Writes text to tmpdir/name; returns the path (static). */
static const char *
write_file(const char *name, const char *text, size_t len)
{
	static char path[160];
	FILE       *f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	fclose(f);
	return path;
}

#define VERSION_SQL   "SELECT content_version FROM site_state"
#define REVISIONS_SQL "SELECT count(*) FROM revision"

START_TEST(export_then_import_changes_nothing)
{
	static const char *const uris[] = { "/data/milestones.csv", "/data/milestones.json",
		"/data/commitments.csv", "/data/commitments.json", "/en/plans/2.csv",
		"/pt/commitments/PT0018.csv", "/en/commitments/PT0007.csv", "/en/commitments.csv",
		"/pt/commitments.json" };
	struct buf               out = { 0 }, err = { 0 };
	long long                v0 = sql_int(VERSION_SQL), r0 = sql_int(REVISIONS_SQL);
	char                     name[32];
	const char              *p;
	size_t                   i;
	int                      dry;

	for (i = 0; i < sizeof uris / sizeof uris[0]; i++)
		for (dry = 1; dry >= 0; dry--) {
			snprintf(name, sizeof name, "x%zu%s", i, strrchr(uris[i], '.'));
			p = save(uris[i], name);
			const char *dr[] = { "import", "--dry-run", "--as", "ana@labx.gov.pt", p,
				NULL };
			const char *re[] = { "import", "--as", "ana@labx.gov.pt", p, NULL };
			const char *const *a = dry ? dr : re;
			ck_assert_msg(
			    admin_run(dbpath, a, &out, &err) == 0, "%s: %s", uris[i], err.p);
			ck_assert_msg(
			    strstr(out.p, " 0 with changes (0 field(s)), 0 refused") != NULL,
			    "%s: %s", uris[i], out.p);
		}
	ck_assert_int_eq(sql_int(VERSION_SQL), v0);
	ck_assert_int_eq(sql_int(REVISIONS_SQL), r0);
	buf_free(&out);
	buf_free(&err);
}
END_TEST

/* A text cell that a spreadsheet would run as a formula is written with a leading
 * apostrophe, and the importer reads the text back unchanged. */
START_TEST(csv_formulas_are_inert)
{
	static const char *const t[][2] = {
		{ "PT0013", "=HYPERLINK(\"http://127.0.0.1/\";\"x\")" },
		{ "PT0014", "'@SUM(A1)" },
		{ "PT0015", "'plain apostrophe" },
	};
	static const char *const want[] = { "\"'=HYPERLINK(\"\"http://127.0.0.1/\"\";\"\"x\"\")\"",
		"''@SUM(A1)", "'plain apostrophe" };
	struct buf               out = { 0 }, err = { 0 };
	sqlite3                 *db;
	sqlite3_stmt            *s;
	struct res               r;
	struct csv               c;
	const char              *p;
	size_t                   i, j, k;
	int                      found = 0;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "UPDATE commitment SET title_en = ?2 WHERE "
			     "ogp_id = ?1",
			     -1, &s, NULL),
	    SQLITE_OK);
	for (i = 0; i < 3; i++) {
		sqlite3_bind_text(s, 1, t[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, t[i][1], -1, SQLITE_STATIC);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	get("/en/plans/2.csv", NULL, &r);
	for (i = 0; i < 3; i++)
		ck_assert_msg(strstr(r.body.p, want[i]) != NULL, "%s not in %s", want[i], r.body.p);
	ck_assert_int_eq(csv_read(r.body.p, r.body.len, &c), 0);
	for (j = 1; j < c.nrows; j++)
		for (k = 0; k < c.ncols[j]; k++)
			found += !strcmp(c.f[j][k], "''@SUM(A1)");
	ck_assert_int_eq(found, 1);
	csv_free(&c);
	res_free(&r);
	/* Negative numbers are not text: no apostrophe. */
	get("/data/commitments.csv", NULL, &r);
	ck_assert_ptr_null(strstr(r.body.p, ",'-"));
	res_free(&r);
	p = save("/data/commitments.csv", "formulas.csv");
	const char *dr[] = { "import", "--dry-run", "--as", "ana@labx.gov.pt", p, NULL };
	ck_assert_msg(admin_run(dbpath, dr, &out, &err) == 0, "%s", err.p);
	ck_assert_msg(
	    strstr(out.p, " 0 with changes (0 field(s)), 0 refused") != NULL, "%s", out.p);
	buf_free(&out);
	buf_free(&err);
}
END_TEST

/* Replaces column col of every data row of the CSV text with fn(row, old) (NULL:
 * keep); returns the new text (malloc'd).  Uses the test's reader and writes RFC 4180. */
static char *
csv_edit(const char *text, size_t len, const char *col,
    const char *(*fn)(size_t, const char *, char *), const char *col2,
    const char *(*fn2)(size_t, const char *, char *))
{
	struct csv  c;
	struct buf  b = { 0 };
	char        tmp[512];
	const char *v;
	size_t      r, j, k;
	int         ci = -1, ci2 = -1;

	ck_assert_int_eq(csv_read(text, len, &c), 0);
	for (j = 0; j < c.ncols[0]; j++) {
		if (strcmp(c.f[0][j], col) == 0)
			ci = (int)j;
		if (col2 != NULL && strcmp(c.f[0][j], col2) == 0)
			ci2 = (int)j;
	}
	ck_assert_int_ge(ci, 0);
	for (r = 0; r < c.nrows; r++) {
		for (j = 0; j < c.ncols[r]; j++) {
			v = c.f[r][j];
			if (r > 0 && (int)j == ci && fn(r, v, tmp) != NULL)
				v = tmp;
			else if (r > 0 && (int)j == ci2 && fn2(r, v, tmp) != NULL)
				v = tmp;
			if (j > 0)
				buf_puts(&b, ",");
			if (strpbrk(v, ",\"\r\n") == NULL)
				buf_puts(&b, v);
			else {
				buf_puts(&b, "\"");
				for (k = 0; v[k]; k++)
					buf_put(
					    &b, v[k] == '"' ? "\"\"" : v + k, v[k] == '"' ? 2 : 1);
				buf_puts(&b, "\"");
			}
		}
		buf_puts(&b, "\r\n");
	}
	csv_free(&c);
	return b.p;
}

static const char *
new_progress(size_t row, const char *old, char *out)
{
	(void)old;
	snprintf(out, 512, "%zu", (row * 7) % 101);
	return out;
}

static const char *
add_evidence(size_t row, const char *old, char *out)
{
	snprintf(
	    out, 512, "%s%shttps://evidencia.example.pt/marco-%zu.pdf", old, *old ? "; " : "", row);
	return out;
}

START_TEST(twenty_milestones_in_one_import)
{
	struct buf    out = { 0 }, err = { 0 };
	struct res    r;
	char         *edited, before[400][8];
	const char   *p, *q;
	long long     v0, r0, n, staff, ids[400];
	sqlite3      *db;
	sqlite3_stmt *s;
	size_t        lines = 0, i, changed = 0;

	/* The progress of every milestone before. */
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "SELECT id, coalesce(progress, '') FROM "
			     "milestone ORDER BY id",
			     -1, &s, NULL),
	    SQLITE_OK);
	for (n = 0; sqlite3_step(s) == SQLITE_ROW && n < 400; n++) {
		ids[n] = sqlite3_column_int64(s, 0);
		snprintf(before[n], sizeof before[n], "%s", sqlite3_column_text(s, 1));
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	ck_assert_int_ge(n, 20);
	get("/data/milestones.csv", NULL, &r);
	edited = csv_edit(r.body.p, r.body.len, "progress", new_progress, "evidence", add_evidence);
	res_free(&r);
	p = write_file("ms20.csv", edited, strlen(edited));
	free(edited);
	v0 = sql_int(VERSION_SQL);
	r0 = sql_int(REVISIONS_SQL);
	/* The dry run shows every change, row by row, and changes nothing. */
	const char *dry[] = { "import", "--dry-run", "--as", "ana@labx.gov.pt", p, NULL };
	ck_assert_int_eq(admin_run(dbpath, dry, &out, &err), 0);
	for (q = out.p; (q = strstr(q, ": evidence: (empty) -> \"https://evidencia.")) != NULL; q++)
		lines++;
	ck_assert_msg(
	    (long long)lines == n, "%zu evidence lines in the dry run:\n%s", lines, out.p);
	ck_assert_msg(strstr(out.p, "line 2: ") != NULL && strstr(out.p, ": progress: ") != NULL,
	    "%s", out.p);
	ck_assert_int_eq(sql_int(VERSION_SQL), v0);
	ck_assert_int_eq(sql_int(REVISIONS_SQL), r0);
	/* The real one. */
	const char *real[] = { "import", "--as", "ana@labx.gov.pt", p, NULL };
	ck_assert_msg(admin_run(dbpath, real, &out, &err) == 0, "%s", err.p);
	ck_assert_int_gt(sql_int(VERSION_SQL), v0);
	staff = sql_int("SELECT id FROM staff WHERE login = 'ana@labx.gov.pt'");
	/* One change id covers the import; every row is Ana's, by her account. */
	ck_assert_int_eq(sql_int("SELECT count(DISTINCT change_id) FROM revision WHERE "
				 "staff_id IS NOT NULL"),
	    1);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM revision WHERE staff_id IS NOT NULL "
				 "AND actor <> 'Ana Silva'"),
	    0);
	ck_assert_int_eq(sql_int("SELECT count(DISTINCT row_id) FROM revision WHERE tbl = "
				 "'milestone' AND field = 'evidence'"),
	    n);
	/* Each milestone whose progress changed has one revision row, before and after. */
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_prepare_v2(db,
		"SELECT coalesce(m.progress, ''), (SELECT "
		"count(*) FROM revision r WHERE r.tbl = 'milestone' AND r.row_id = m.id AND "
		"r.field = 'progress' AND coalesce(r.before, '') = ?2 AND r.after = "
		"CAST(m.progress AS TEXT) AND r.staff_id = ?3 AND r.op = 'update'), "
		"m.progress_as_of FROM milestone m WHERE m.id = ?1",
		-1, &s, NULL),
	    SQLITE_OK);
	for (i = 0; i < (size_t)n; i++) {
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, ids[i]);
		sqlite3_bind_text(s, 2, before[i], -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, staff);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
		if (strcmp((const char *)sqlite3_column_text(s, 0), before[i]) != 0) {
			changed++;
			ck_assert_msg(sqlite3_column_int(s, 1) == 1,
			    "milestone %lld: no "
			    "revision of its progress",
			    ids[i]);
			/* A changed progress without a date is dated today. */
			ck_assert_str_eq((const char *)sqlite3_column_text(s, 2), "2026-11-27");
		}
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	ck_assert_uint_ge(changed, 18);
	/* The History page shows who, as the public sees it; the revisions file too. */
	get("/en/commitments/PT0018/history", NULL, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Focal point (LabX)"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "https://evidencia.example.pt/marco-"));
	res_free(&r);
	get("/data/revisions.csv", NULL, &r);
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    ",focal_point,,Ponto focal (LabX),Focal point "
	    "(LabX),false,milestone,PT0018/"));
	ck_assert_ptr_null(strstr(r.body.p, "ana@labx.gov.pt"));
	ck_assert_ptr_null(strstr(r.body.p, "Ana Silva"));
	res_free(&r);
	/* And the new export imports as nothing. */
	p = save("/data/milestones.json", "after.json");
	const char *again[] = { "import", "--as", "ana@labx.gov.pt", p, NULL };
	v0 = sql_int(VERSION_SQL);
	r0 = sql_int(REVISIONS_SQL);
	ck_assert_int_eq(admin_run(dbpath, again, &out, &err), 0);
	ck_assert_int_eq(sql_int(VERSION_SQL), v0);
	ck_assert_int_eq(sql_int(REVISIONS_SQL), r0);
	buf_free(&out);
	buf_free(&err);
}
END_TEST

static const char *
bad_date(size_t row, const char *old, char *out)
{
	(void)old;
	return row == 2 ? (snprintf(out, 512, "2019-13-40"), out) : NULL;
}

static const char *
bad_ogp(size_t row, const char *old, char *out)
{
	(void)old;
	return row == 3 ? (snprintf(out, 512, "PT9999"), out) : NULL;
}

static const char *
bad_progress(size_t row, const char *old, char *out)
{
	(void)old;
	return row == 5 ? (snprintf(out, 512, "150"), out)
	    : row == 1  ? (snprintf(out, 512, "33"), out)
			: NULL;
}

static const char *
ev_first(size_t row, const char *old, char *out)
{
	return row == 1 || row == 5 ? add_evidence(row, old, out) : NULL;
}

START_TEST(bad_rows_are_refused_with_their_line)
{
	struct buf  out = { 0 }, err = { 0 };
	struct res  r;
	char       *a, *b, jbuf[256];
	const char *p;
	long long   v0 = sql_int(VERSION_SQL), r0 = sql_int(REVISIONS_SQL);

	get("/data/milestones.csv", NULL, &r);
	a = csv_edit(r.body.p, r.body.len, "planned_end", bad_date, "ogp_id", bad_ogp);
	res_free(&r);
	b = csv_edit(a, strlen(a), "progress", bad_progress, "evidence", ev_first);
	p = write_file("bad.csv", b, strlen(b));
	/* write_file keeps its path in one buffer: args always names the latest file. */
	const char *args[] = { "import", "--as", "ana@labx.gov.pt", p, NULL };
	ck_assert_int_eq(admin_run(dbpath, args, &out, &err), 1);
	ck_assert_msg(
	    strstr(err.p, "line 3: ") && strstr(err.p, ": planned_end: refused: "), "%s", err.p);
	ck_assert_msg(
	    strstr(err.p, "line 4: PT9999") && strstr(err.p, "unknown OGP id"), "%s", err.p);
	ck_assert_msg(
	    strstr(err.p, "line 6: ") && strstr(err.p, ": progress: refused: "), "%s", err.p);
	ck_assert_ptr_nonnull(strstr(err.p, "nothing was changed"));
	/* The valid change of line 2 was not applied either. */
	ck_assert_int_eq(sql_int(VERSION_SQL), v0);
	ck_assert_int_eq(sql_int(REVISIONS_SQL), r0);
	/* A status or progress change without evidence is refused, as in the forms. */
	free(a);
	free(b);
	get("/data/milestones.csv", NULL, &r);
	a = csv_edit(r.body.p, r.body.len, "progress", new_progress, NULL, NULL);
	res_free(&r);
	write_file("noev.csv", a, strlen(a));
	ck_assert_int_eq(admin_run(dbpath, args, &out, &err), 1);
	ck_assert_ptr_nonnull(strstr(err.p, "needs evidence"));
	free(a);
	/* JSON: the record's index. */
	snprintf(jbuf, sizeof jbuf,
	    "{\"dataset\": \"milestones\", \"records\": [{\"ogp_id\": "
	    "\"PT0018\", \"position\": 1}, {\"ogp_id\": \"PT0018\", \"position\": 2, "
	    "\"progress\": 150}]}");
	write_file("bad.json", jbuf, strlen(jbuf));
	ck_assert_int_eq(admin_run(dbpath, args, &out, &err), 1);
	ck_assert_msg(strstr(err.p, "records[1]: PT0018/2: progress: refused"), "%s", err.p);
	/* Files the import does not take, and a broken CSV. */
#define W(n, t) write_file(n, t, strlen(t))
	W("links.csv", "owner_type,ogp_id,position\r\ncommitment,PT0013,1\r\n");
	ck_assert_int_eq(admin_run(dbpath, args, &out, &err), 1);
	ck_assert_ptr_nonnull(strstr(err.p, "owner_type"));
	W("broken.csv", "ogp_id,title_en\r\nPT0013,\"never closed\r\n");
	ck_assert_int_eq(admin_run(dbpath, args, &out, &err), 1);
	ck_assert_ptr_nonnull(strstr(err.p, "line 2: a quoted field is never closed"));
	W("twice.csv", "ogp_id,title_en\r\nPT0013,A\r\nPT0013,B\r\n");
	ck_assert_int_eq(admin_run(dbpath, args, &out, &err), 1);
	ck_assert_ptr_nonnull(strstr(err.p, "line 3: PT0013: refused: the same record as line 2"));
	W("ro.csv", "ogp_id,leads\r\nPT0013,cada\r\n");
	ck_assert_int_eq(admin_run(dbpath, args, &out, &err), 1);
	ck_assert_ptr_nonnull(strstr(err.p, "leads: refused: read-only"));
	ck_assert_int_eq(sql_int(VERSION_SQL), v0);
	ck_assert_int_eq(sql_int(REVISIONS_SQL), r0);
	buf_free(&out);
	buf_free(&err);
}
END_TEST

START_TEST(import_needs_an_editor)
{
	struct buf  out = { 0 }, err = { 0 };
	const char *p = save("/data/milestones.csv", "who.csv");
	const char *none[] = { "import", p, NULL };
	const char *stranger[] = { "import", "--as", "nobody@example.pt", p, NULL };
	const char *member[] = { "import", "--as", "rui@cada.pt", p, NULL };

	ck_assert_int_eq(admin_run(dbpath, none, &out, &err), 2);
	ck_assert_ptr_nonnull(strstr(err.p, "--as LOGIN"));
	ck_assert_int_eq(admin_run(dbpath, stranger, &out, &err), 1);
	ck_assert_int_eq(admin_run(dbpath, member, &out, &err), 1);
	ck_assert_ptr_nonnull(strstr(err.p, "member editor"));
	buf_free(&out);
	buf_free(&err);
}
END_TEST

START_TEST(admin_upload_page)
{
	static const char *const ct = "CONTENT_TYPE=multipart/form-data; boundary=XyZ";
	struct session           ana;
	char                     uploads[128], sha[65];
	struct res               r;
	struct buf               body = { 0 }, csv = { 0 };
	long long                v0;
	const char              *q;

	snprintf(uploads, sizeof uploads, "ABERTA_UPLOADS=%s/uploads", tmpdir);
	ck_assert_int_eq(session_open(dbpath, "ana@labx.gov.pt", &ana), 0);
	const char *env[] = { ana.cookie, uploads, ct, NULL };
	cgi("GET", "/admin/import", env, NULL, 0, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p, "enctype=\"multipart/form-data\""));
	res_free(&r);
	/* Upload: a dry run, with a confirmation form. */
	buf_puts(&csv,
	    "ogp_id,position,title_en\r\nPT0018,1,Dissemination and training "
	    "(checked)\r\n");
	buf_printf(&body,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n"
	    "Content-Type: text/csv\r\n\r\n%s\r\n--XyZ--\r\n",
	    ana.csrf, csv.p);
	v0 = sql_int(VERSION_SQL);
	cgi("POST", "/admin/import", env, body.p, body.len, &r);
	ck_assert_msg(r.status == 200, "%d %s", r.status, r.body.p);
	ck_assert_ptr_nonnull(strstr(r.body.p, "title_en"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "(checked)"));
	ck_assert_ptr_nonnull(q = strstr(r.body.p, "name=\"sha\" value=\""));
	snprintf(sha, sizeof sha, "%.64s", q + strlen("name=\"sha\" value=\""));
	ck_assert_int_eq(sql_int(VERSION_SQL), v0);
	res_free(&r);
	/* Without the token: refused. */
	buf_reset(&body);
	buf_printf(&body, "sha=%s", sha);
	const char *form[] = { ana.cookie, uploads,
		"CONTENT_TYPE=application/x-www-form-urlencoded", NULL };
	cgi("POST", "/admin/import", form, body.p, body.len, &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	/* Confirmed: applied. */
	buf_reset(&body);
	buf_printf(&body, "csrf=%s&sha=%s", ana.csrf, sha);
	cgi("POST", "/admin/import", form, body.p, body.len, &r);
	ck_assert_msg(r.status == 200, "%d %s", r.status, r.body.p);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Importação aplicada"));
	res_free(&r);
	ck_assert_int_gt(sql_int(VERSION_SQL), v0);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM milestone WHERE title_en = "
				 "'Dissemination and training (checked)'"),
	    1);
	/* The file is gone: a second confirmation cannot apply it again. */
	cgi("POST", "/admin/import", form, body.p, body.len, &r);
	ck_assert_int_eq(r.status, 400);
	res_free(&r);
	buf_free(&body);
	buf_free(&csv);
}
END_TEST

/* Adds the facts of tests/lib/fixture-trust.sql to the database at path.  Returns 0 or
 * -1 (with the reason on stderr). */
static int
fixture(const char *path)
{
	const char *src = getenv("ABERTA_SRCDIR");
	char        file[512], *sql = NULL, *msg = NULL;
	sqlite3    *db;
	FILE       *f;
	long        n;
	int         rc = -1;

	snprintf(file, sizeof file, "%s/tests/lib/fixture-trust.sql", src ? src : ".");
	if ((f = fopen(file, "r")) == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (sql = calloc(1, (size_t)n + 1)) == NULL ||
	    fread(sql, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "%s: cannot read it\n", file);
	} else if (sqlite3_open(path, &db) == SQLITE_OK) {
		if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
			rc = 0;
		else
			fprintf(stderr, "%s: %s\n", file, msg);
		sqlite3_free(msg);
		sqlite3_close(db);
	}
	if (f != NULL)
		fclose(f);
	free(sql);
	return rc;
}

int
main(void)
{
	const TTest *const tests[] = { every_format_of_every_page, flagged_routes_have_data,
		listing_keeps_its_query, bulk_tables_and_catalog, json_has_the_documented_shape,
		progress_as_the_pages_compute_it, same_facts_in_both_languages_and_formats,
		csv_parsed_back, not_every_page_has_data, accept_is_negotiated, etag_per_format,
		data_page_documents_every_field, catalog_is_dcat_ap, catalog_licence_is_the_setting,
		new_columns_carry_the_fixture, names_beside_slugs, undated_figures_have_no_date,
		no_research_note_in_any_export, every_exported_column_is_documented,
		data_page_explains_confidence_and_dates, export_then_import_changes_nothing,
		import_needs_an_editor, bad_rows_are_refused_with_their_line,
		twenty_milestones_in_one_import, admin_upload_page, csv_quotes_what_needs_quoting,
		csv_formulas_are_inert, NULL };
	int                failed;
	const char        *bd = getenv("ABERTA_BUILDDIR");
	char               cmd[256];

	if (sodium_init() < 0)
		return 1;
	snprintf(binary, sizeof binary, "%s/aberta", bd ? bd : ".");
	snprintf(admin, sizeof admin, "%s/aberta-admin", bd ? bd : ".");
	snprintf(tmpdir, sizeof tmpdir, "/tmp/aberta-dataXXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	snprintf(dbpath, sizeof dbpath, "%s/a.db", tmpdir);
	if (make_test_db(dbpath) != 0 || fixture(dbpath) != 0) {
		printf("Bail out! cannot create the test database\n");
		return 1;
	}
	setenv("ABERTA_TODAY", "2026-11-27", 1);
	setenv("ABERTA_BASE_URL", BASE "/", 1);
	{
		char *const a1[] = { admin, "--db", dbpath, "user", "add", "ana@labx.gov.pt",
			"Ana Silva", "focal", NULL };
		char *const a2[] = { admin, "--db", dbpath, "user", "add", "rui@cada.pt",
			"Rui Costa", "member", "cada", NULL };
		if (run_cmd(a1) != 0 || run_cmd(a2) != 0) {
			printf("Bail out! cannot create the staff accounts\n");
			return 1;
		}
	}
	failed = tests_main(tests_suite("data", 300, tests));
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		failed++;
	return failed == 0 ? 0 : 1;
}
