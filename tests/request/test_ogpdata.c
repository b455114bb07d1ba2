/* The commitments in the shape of OGP's IRM data and the data pages for people: the file
 * /data/commitments-ogp.csv and .json (its columns are the dataset's list, one row per
 * commitment, each value the one of the bulk commitments file it maps, the OGP values as
 * Yes / No / null, the bodies by name), the short /{lang}/data page (three downloads,
 * the licence, the API, the way to the dictionary, the old anchors kept) and the
 * dictionary on its own page; the OGP file is not one import takes back.  The real
 * binaries against a temporary database with the seed content.  TAP output through
 * Check. */
#include <jansson.h>

#include "../lib/client.h"
#include "../lib/testlib.h"
#include "import/bulkread.h"
#include "view/datadict.h"

/* GET uri into r; asserts 200. */
static void
get(const char *uri, struct res *r)
{
	cgi_run(cgi_binary, cgi_db, "GET", uri, NULL, NULL, 0, r);
	ck_assert_msg(r->status == 200, "%s: %d", uri, r->status);
}

/* The "records" of the JSON at uri (a new reference). */
static json_t *
records(const char *uri)
{
	struct res   r;
	json_t      *doc, *recs;
	json_error_t e;

	get(uri, &r);
	doc = json_loadb(r.body.p, r.body.len, 0, &e);
	ck_assert_msg(doc != NULL, "%s: %s", uri, e.text);
	recs = json_incref(json_object_get(doc, "records"));
	ck_assert_msg(json_is_array(recs), "%s: no records", uri);
	json_decref(doc);
	res_free(&r);
	return recs;
}

/* The value of v as text for comparing ("null" for null). */
static char *
text(json_t *v)
{
	return json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
}

/* Asserts that a and b are the same JSON value, naming what. */
static void
same(json_t *a, json_t *b, const char *what, const char *id)
{
	char *x = text(a), *y = text(b);

	ck_assert_msg(json_equal(a, b) || (a == NULL && json_is_null(b)), "%s %s: %s, not %s", id,
	    what, x, y);
	free(x);
	free(y);
}

/* The CSV's header is the dataset's list of columns, in order; it has one row per
 * commitment, and the JSON as many records, in the same order. */
START_TEST(ogp_file_columns_and_rows)
{
	const struct xset *set = export_set("commitments-ogp");
	struct csv_rec    *recs;
	struct res         r;
	json_t            *ogp, *cm;
	char               name[96], err[128];
	size_t             n, i;

	ck_assert_ptr_nonnull(set);
	ck_assert_int_eq(set->where, XW_BULK);
	get("/data/commitments-ogp.csv", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "CaseNo,Country,Cluster,Commitment Title,"));
	ck_assert_int_eq(bulk_csv_parse(r.body.p, r.body.len, &recs, &n, err, sizeof err), 0);
	for (i = 0; export_set_field(set, i, name, sizeof name) == 0; i++) {
		ck_assert_msg(i < recs[0].n, "the header has %zu columns", recs[0].n);
		ck_assert_str_eq(recs[0].f[i], name);
		ck_assert_ptr_nonnull(export_field(name)); /* each one in the dictionary */
	}
	ck_assert_uint_eq(i, recs[0].n);
	ck_assert_uint_eq(i, 27);
	ogp = records("/data/commitments-ogp.json");
	cm = records("/data/commitments.json");
	ck_assert_uint_gt(json_array_size(cm), 20);
	ck_assert_uint_eq(json_array_size(ogp), json_array_size(cm));
	ck_assert_uint_eq(n - 1, json_array_size(cm));
	for (i = 1; i < n; i++)
		ck_assert_str_eq(recs[i].f[0],
		    json_string_value(json_object_get(json_array_get(cm, i - 1), "ogp_id")));
	bulk_csv_free(recs, n);
	json_decref(ogp);
	json_decref(cm);
	res_free(&r);
}
END_TEST

/* The body named by slug, as the OGP file names it: its English name, else its
 * Portuguese one. */
static const char *
body_name(json_t *entities, const char *slug)
{
	json_t *e;
	size_t  i;

	json_array_foreach(
	    entities, i, e) if (strcmp(json_string_value(json_object_get(e, "slug")), slug) ==
	    0) return json_string_value(json_object_get(e,
	    json_is_string(json_object_get(e, "name_en")) ? "name_en" : "name_pt"));
	return NULL;
}

/* Asserts that the names in names are those of the bodies of slugs, in order. */
static void
names_of(json_t *names, json_t *slugs, json_t *entities, const char *id)
{
	json_t *v;
	size_t  i;

	ck_assert_msg(json_array_size(names) == json_array_size(slugs), "%s", id);
	json_array_foreach(slugs, i, v) ck_assert_str_eq(
	    json_string_value(json_array_get(names, i)), body_name(entities, json_string_value(v)));
}

/* "Yes" when codes holds code, "No" when it holds others, null when empty. */
static json_t *
yes_no(json_t *codes, const char *code)
{
	json_t *v;
	size_t  i;

	if (json_array_size(codes) == 0)
		return json_null();
	json_array_foreach(
	    codes, i, v) if (strcmp(json_string_value(v), code) == 0) return json_string("Yes");
	return json_string("No");
}

/* Every row holds the facts of its commitment: CaseNo the OGP id, Country Portugal,
 * Cluster and Commitment Title the English ones, the institutions by name in the plan's
 * order, each OGP value as Yes/No (null: none recorded), aberta's own columns unchanged;
 * the seed's values and names show in it. */
START_TEST(ogp_file_values)
{
	static const char *const values[][2] = { { "Access to Information",
						     "access_to_information" },
		{ "Civic Participation", "civic_participation" },
		{ "Public Accountability", "public_accountability" },
		{ "Technology & Innovation for Transparency & Accountability",
		    "technology_innovation" } };
	const struct xset       *set = export_set("commitments-ogp");
	json_t                  *ogp = records("/data/commitments-ogp.json"),
	       *cm = records("/data/commitments.json"), *ent = records("/data/entities.json"), *o,
	       *c, *want;
	const char *id;
	char        name[96];
	size_t      i, j, yes = 0, nulls = 0;

	json_array_foreach(cm, i, c)
	{
		o = json_array_get(ogp, i);
		id = json_string_value(json_object_get(c, "ogp_id"));
		same(json_object_get(o, "CaseNo"), json_object_get(c, "ogp_id"), "CaseNo", id);
		ck_assert_str_eq(json_string_value(json_object_get(o, "Country")), "Portugal");
		same(
		    json_object_get(o, "Cluster"), json_object_get(c, "cluster_en"), "Cluster", id);
		same(json_object_get(o, "Commitment Title"), json_object_get(c, "title_en"),
		    "Commitment Title", id);
		names_of(json_object_get(o, "Responsible Institution"), json_object_get(c, "leads"),
		    ent, id);
		names_of(json_object_get(o, "Supporting Institution"),
		    json_object_get(c, "supports"), ent, id);
		for (j = 0; j < sizeof values / sizeof values[0]; j++) {
			want = yes_no(json_object_get(c, "ogp_values"), values[j][1]);
			same(json_object_get(o, values[j][0]), want, values[j][0], id);
			yes += json_is_string(want) && strcmp(json_string_value(want), "Yes") == 0;
			nulls += json_is_null(want);
			json_decref(want);
		}
		for (j = 10; export_set_field(set, j, name, sizeof name) == 0; j++)
			same(json_object_get(o, name), json_object_get(c, name), name, id);
		ck_assert_uint_eq(json_object_size(o), j);
	}
	ck_assert_uint_gt(yes, 0);   /* the seed has values */
	ck_assert_uint_gt(nulls, 0); /* and commitments without any */
	o = json_array_get(ogp, 2);  /* PT0003, as the seed has it */
	ck_assert_str_eq(json_string_value(json_object_get(o, "CaseNo")), "PT0003");
	ck_assert_str_eq(
	    json_string_value(json_array_get(json_object_get(o, "Responsible Institution"), 0)),
	    "Tax and Customs Authority");
	json_decref(ogp);
	json_decref(cm);
	json_decref(ent);
}
END_TEST

/* Copies text into out with its "LANG" (at most one) replaced by lang. */
static void
with_lang(char *out, size_t outlen, const char *text, const char *lang)
{
	const char *p = strstr(text, "LANG");

	if (p == NULL)
		snprintf(out, outlen, "%s", text);
	else
		snprintf(out, outlen, "%.*s%s%s", (int)(p - text), text, lang, p + 4);
}

/* /{lang}/data is short: three download buttons, every table, the licence, the API's
 * description, the way to the dictionary, and the old anchors of the parts that moved
 * (each a link to its part, which data.js follows); no field rows. */
START_TEST(data_page_is_short)
{
	static const char *const want[] = {
		"<a class=\"button\" href=\"/data/commitments.csv\"",
		"<a class=\"button\" href=\"/data/milestones.csv\"",
		"<a class=\"button\" href=\"/data/commitments-ogp.csv\"",
		"id=\"licence\"",
		"id=\"bulk\"",
		"id=\"pages\"",
		"href=\"/data/openapi.json\"",
		"href=\"/data/catalog.jsonld\"",
		"<li id=\"confidence\" data-moved><a href=\"/LANG/data/dictionary#confidence\">",
		"<li id=\"conventions\" data-moved><a href=\"/LANG/data/dictionary#conventions\">",
		"<li id=\"how\" data-moved>",
		"<li id=\"dates\" data-moved>",
		"<a href=\"/LANG/data/dictionary\">",
		"<script src=\"/static/data.js\" defer></script>",
	};
	static const char *const lang[] = { "pt", "en" };
	struct res               r, d;
	char                     uri[64], needle[160];
	const char              *p;
	size_t                   i, l, buttons;

	for (l = 0; l < 2; l++) {
		snprintf(uri, sizeof uri, "/%s/data", lang[l]);
		get(uri, &r);
		for (i = 0; i < sizeof want / sizeof want[0]; i++) {
			with_lang(needle, sizeof needle, want[i], lang[l]);
			ck_assert_msg(strstr(r.body.p, needle) != NULL, "%s lacks %s", uri, needle);
		}
		for (buttons = 0, p = r.body.p; (p = strstr(p, "class=\"button\"")) != NULL; p++)
			buttons++;
		ck_assert_uint_eq(buttons, 3);
		ck_assert_ptr_null(strstr(r.body.p, "id=\"field-"));
		ck_assert_ptr_null(strstr(r.body.p, "id=\"set-"));
		snprintf(uri, sizeof uri, "/%s/data/dictionary", lang[l]);
		get(uri, &d);
		ck_assert_msg(r.body.len * 4 < d.body.len, "/data %zu bytes, the dictionary %zu",
		    r.body.len, d.body.len);
		res_free(&d);
		res_free(&r);
	}
}
END_TEST

/* The licence the data page and the files' envelope state is the deployment's setting:
 * while ABERTA_DATA_LICENSE is unset, that none is stated; set to an address, that
 * address as the licence. */
START_TEST(data_page_licence_is_the_setting)
{
	static const char *const set[] = { "ABERTA_DATA_LICENSE=http://publications.europa.eu/"
					   "resource/authority/licence/CC_BY_4_0",
		NULL };
	struct res               r;

	get("/en/data", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Licence not yet stated."));
	ck_assert_ptr_null(strstr(r.body.p, "rel=\"license\""));
	res_free(&r);
	cgi_run(cgi_binary, cgi_db, "GET", "/pt/data", set, NULL, 0, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "nos termos desta licença: <a rel=\"license\" "
	    "href=\"http://publications.europa.eu/resource/authority/licence/CC_BY_4_0\">"));
	ck_assert_ptr_null(strstr(r.body.p, "ainda não declarada"));
	res_free(&r);
	/* the files' envelope says the same: null while unset, the setting when set */
	get("/data/commitments.json", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "\"license\": null"));
	res_free(&r);
	cgi_run(cgi_binary, cgi_db, "GET", "/en/plans.json", set, NULL, 0, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "\"license\": \"http://publications.europa.eu/resource/authority/licence/CC_BY_4_0\""));
	res_free(&r);
}
END_TEST

/* The dictionary's page has every old anchor of the data page and the mapping of the OGP
 * file in words, in both languages; the script sends the old anchors there. */
START_TEST(dictionary_page_and_old_anchors)
{
	static const char *const ids[] = { "id=\"conventions\"", "id=\"how\"", "id=\"confidence\"",
		"id=\"dates\"", "id=\"dictionary\"", "id=\"set-links\"",
		"id=\"set-commitments-ogp\"", "id=\"field-ogp_id\"", "id=\"field-CaseNo\"",
		"<tr id=\"field-Commitment-Title\"><th scope=\"row\"><code>Commitment "
		"Title</code>",
		"id=\"field-Technology-Innovation-for-Transparency-Accountability\"",
		"href=\"#field-Responsible-Institution\"" };
	struct res               r;
	char                     anchor[96];
	size_t                   i;
	FILE                    *f;
	char                     js[2048], path[512];
	size_t                   n;

	get("/en/data/dictionary", &r);
	for (i = 0; i < sizeof ids / sizeof ids[0]; i++)
		ck_assert_msg(strstr(r.body.p, ids[i]) != NULL, "lacks %s", ids[i]);
	ck_assert_ptr_nonnull(strstr(r.body.p, "PoC Specified (variable 7) is not recorded"));
	res_free(&r);
	get("/pt/data/dictionary", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "PoC Specified (variável 7) não é registado"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<h1>Dicionário de dados</h1>"));
	res_free(&r);
	export_field_anchor("Technology & Innovation", anchor, sizeof anchor);
	ck_assert_str_eq(anchor, "Technology-Innovation");
	export_field_anchor("irm_diog", anchor, sizeof anchor);
	ck_assert_str_eq(anchor, "irm_diog");
	snprintf(path, sizeof path, "%s/public/data.js",
	    getenv("ABERTA_SRCDIR") ? getenv("ABERTA_SRCDIR") : ".");
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(js, 1, sizeof js - 1, f);
	js[n] = '\0';
	fclose(f);
	ck_assert_ptr_nonnull(strstr(js, "'/dictionary'"));
	ck_assert_ptr_nonnull(strstr(js, "data-moved"));
}
END_TEST

/* The OGP file is for reading: import refuses it (its columns are not the commitments'),
 * and changes nothing; the bulk files it comes from go back in with no change. */
START_TEST(ogp_file_is_not_imported)
{
	static const char *const files[][2] = { { "/data/commitments-ogp.csv", "ogp.csv" },
		{ "/data/commitments.csv", "c.csv" }, { "/data/milestones.csv", "m.csv" },
		{ "/data/commitments.json", "c.json" }, { "/data/milestones.json", "m.json" } };
	struct acct              a;
	struct res               r;
	char                     path[256], out[8192];
	FILE                    *f;
	size_t                   i;
	int                      rc;

	ck_assert_int_eq(acct_add(&a, "ana@labx.gov.pt", "Ana Silva", "focal", NULL), 0);
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		get(files[i][0], &r);
		snprintf(path, sizeof path, "%s.%s", cgi_db, files[i][1]);
		ck_assert_ptr_nonnull(f = fopen(path, "w"));
		ck_assert_uint_eq(fwrite(r.body.p, 1, r.body.len, f), r.body.len);
		fclose(f);
		res_free(&r);
		rc = rc_admin(out, sizeof out, "import", "--as", "ana@labx.gov.pt", path, NULL);
		remove(path);
		if (i == 0) {
			ck_assert_msg(rc != 0, "%s", out);
			ck_assert_msg(strstr(out, "nothing was changed") != NULL, "%s", out);
		} else {
			ck_assert_msg(rc == 0, "%s: %s", files[i][0], out);
			ck_assert_msg(
			    strstr(out, " 0 with changes (0 field(s)), 0 refused") != NULL,
			    "%s: %s", files[i][0], out);
		}
	}
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { ogp_file_columns_and_rows, ogp_file_values,
		data_page_is_short, data_page_licence_is_the_setting,
		dictionary_page_and_old_anchors, ogp_file_is_not_imported, NULL };

	if (cgi_setup("aberta-ogpdata", NULL) != 0)
		return 1;
	return cgi_tests_main(tests_suite("ogpdata", 120, tests));
}
