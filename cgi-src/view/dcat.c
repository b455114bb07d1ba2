/* dcat: the DCAT-AP 3.0.0 catalogue of the bulk tables (see dcat.h). */
#include <stdio.h>
#include <string.h>

#include "lib/log.h"
#include "store/db.h"
#include "store/opendata.h"
#include "view/dcat.h"
#include "view/export.h"

#define EU   "http://publications.europa.eu/resource/authority/"
#define IANA "http://www.iana.org/assignments/media-types/"

/* The file formats of every bulk table: the suffix, the distribution's title, the IANA
 * media type and the EU file type. */
static const struct {
	const char *ext, *title, *media, *type;
} formats[] = {
	{ "csv", "CSV (RFC 4180, UTF-8)", IANA "text/csv", EU "file-type/CSV" },
	{ "json", "JSON (UTF-8)", IANA "application/json", EU "file-type/JSON" },
	{ "xlsx", "Office Open XML spreadsheet (XLSX)",
	    IANA "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    EU "file-type/XLSX" },
};

/* A JSON-LD language-tagged pair: [{@value pt, @language pt}, {@value en, ...}]. */
static json_t *
ld_text(const char *pt, const char *en)
{
	return json_pack("[{s:s, s:s}, {s:s, s:s}]", "@value", pt, "@language", "pt", "@value", en,
	    "@language", "en");
}

/* {"@id": iri, "@type": type}. */
static json_t *
ld_node(const char *iri, const char *type)
{
	return json_pack("{s:s, s:s}", "@id", iri, "@type", type);
}

/* The node of the page at path (after the base), a foaf:Document. */
static json_t *
ld_page(const char *path)
{
	char url[512];

	export_abs(path, url, sizeof url);
	return ld_node(url, "foaf:Document");
}

/* Sets o[key] to the UTC time t as an xsd:dateTime, unless t is empty. */
static void
ld_time(json_t *o, const char *key, const char *t)
{
	if (t[0] != '\0')
		json_object_set_new(
		    o, key, json_pack("{s:s, s:s}", "@value", t, "@type", "xsd:dateTime"));
}

/* Adds what every dataset, distribution and service shares to o: the languages (EU
 * language vocabulary) and the licence when the deployment states one. */
static void
ld_common(json_t *o)
{
	const char *lic = export_license();

	json_object_set_new(o, "dct:language",
	    json_pack("[o, o]", ld_node(EU "language/POR", "dct:LinguisticSystem"),
		ld_node(EU "language/ENG", "dct:LinguisticSystem")));
	if (lic != NULL)
		json_object_set_new(o, "dct:license", ld_node(lic, "dct:LicenseDocument"));
}

/* The publisher, a foaf:Agent. */
static json_t *
ld_publisher(void)
{
	return json_pack("{s:s, s:s, s:o}", "@id", "https://www.ama.gov.pt/", "@type", "foaf:Agent",
	    "foaf:name",
	    ld_text("Agência para a Modernização Administrativa, I.P. (AMA)",
		"Agency for Administrative Modernisation (AMA)"));
}

/* The EU data theme "Government and public sector", a skos:Concept. */
static json_t *
ld_theme(void)
{
	return json_pack("{s:s, s:s, s:o, s:{s:s}}", "@id", EU "data-theme/GOVE", "@type",
	    "skos:Concept", "skos:prefLabel",
	    ld_text("Governo e setor público", "Government and public sector"), "skos:inScheme",
	    "@id", EU "data-theme");
}

/* Writes into out (size 32) when schema version v was applied; "" when unknown. */
static void
since(int v, char *out)
{
	sqlite3_stmt *s = od_stmt(OD_SINCE);

	out[0] = '\0';
	db_bind_int64(s, 1, v);
	if (db_step(s) == SQLITE_ROW && db_text(s, 0) != NULL)
		snprintf(out, 32, "%s", db_text(s, 0));
	db_reset(s);
}

/* The dcat:Distribution of a bulk table in format f, issued and modified as its dataset. */
static json_t *
ld_distribution(const struct xset *set, size_t f, const char *issued, const char *modified)
{
	char    path[128], url[512];
	json_t *d;

	snprintf(path, sizeof path, "/data/%s.%s", set->name, formats[f].ext);
	export_abs(path, url, sizeof url);
	d = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o}", "@id", url, "@type",
	    "dcat:Distribution", "dct:title", ld_text(formats[f].title, formats[f].title),
	    "dcat:accessURL", ld_node(url, "rdfs:Resource"), "dcat:downloadURL",
	    ld_node(url, "rdfs:Resource"), "dcat:mediaType",
	    ld_node(formats[f].media, "dct:MediaType"), "dct:format",
	    ld_node(formats[f].type, "dct:MediaTypeOrExtent"));
	if (d == NULL)
		return NULL;
	ld_common(d);
	ld_time(d, "dct:issued", issued);
	ld_time(d, "dct:modified", modified);
	return d;
}

/* The dcat:Dataset of bulk table set, whose content last changed at modified. */
static json_t *
ld_dataset(const struct xset *set, const struct xtitle *t, const char *modified)
{
	char    path[128], url[512], issued[32], mod[32];
	json_t *ds, *dist;
	size_t  f;

	snprintf(path, sizeof path, "/data/%s", set->name);
	export_abs(path, url, sizeof url);
	since(t->since, issued);
	/* A table made after the content's last change was not modified before it existed. */
	snprintf(mod, sizeof mod, "%s", strcmp(issued, modified) > 0 ? issued : modified);
	dist = json_array();
	for (f = 0; f < sizeof formats / sizeof formats[0]; f++)
		json_array_append_new(dist, ld_distribution(set, f, issued, mod));
	snprintf(path, sizeof path, "/pt/data/dictionary#set-%s", set->name);
	ds = json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "@id", url, "@type",
	    "dcat:Dataset", "dct:identifier", set->name, "dct:title", ld_text(t->pt, t->en),
	    "dct:description", ld_text(set->pt, set->en), "dct:publisher", ld_publisher(),
	    "dcat:theme", ld_theme(), "dct:accrualPeriodicity",
	    ld_node(EU "frequency/IRREG", "dct:Frequency"), "dcat:landingPage",
	    json_pack("[o]", ld_page(path)));
	if (ds == NULL) {
		json_decref(dist);
		return NULL;
	}
	snprintf(path, sizeof path, "/en/data/dictionary#set-%s", set->name);
	json_array_append_new(json_object_get(ds, "dcat:landingPage"), ld_page(path));
	ld_common(ds);
	ld_time(ds, "dct:issued", issued);
	ld_time(ds, "dct:modified", mod);
	json_object_set_new(ds, "dcat:distribution", dist);
	return ds;
}

/* The JSON API, a dcat:DataService serving the datasets listed in served (taken). */
static json_t *
ld_service(json_t *served)
{
	char    id[512], root[512], doc[512];
	json_t *s;

	export_abs("/data/catalog.jsonld#api", id, sizeof id);
	export_abs("/", root, sizeof root);
	export_abs("/data/openapi.json", doc, sizeof doc);
	s = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "@id", id, "@type",
	    "dcat:DataService", "dct:title",
	    ld_text("Administração Aberta: API de dados abertos",
		"Open Administration Portugal: open data API"),
	    "dct:description",
	    ld_text("Cada listagem e cada página do sítio também em JSON e CSV (o sufixo .json "
		    "ou .csv do endereço, ou o cabeçalho Accept), e as tabelas completas em "
		    "/data/; a descrição OpenAPI 3.1 diz os endereços, os filtros e os campos.",
		"Every listing and page of the site also as JSON and CSV (the address's suffix "
		".json or .csv, or the Accept header), and the whole tables under /data/; the "
		"OpenAPI 3.1 description gives the addresses, the filters and the fields."),
	    "dcat:endpointURL", ld_node(root, "rdfs:Resource"), "dcat:endpointDescription",
	    ld_node(doc, "rdfs:Resource"), "dcat:landingPage",
	    json_pack("[o, o]", ld_page("/pt/data"), ld_page("/en/data")), "dct:publisher",
	    ld_publisher(), "dcat:theme", ld_theme(), "dcat:servesDataset", served);
	if (s != NULL)
		ld_common(s);
	return s;
}

/* The catalogue's own node, without its datasets and service. */
static json_t *
ld_catalog(const char *issued, const char *modified)
{
	char    url[512];
	json_t *cat;

	export_abs("/data/catalog.jsonld", url, sizeof url);
	cat = json_pack(
	    "{s:{s:s, s:s, s:s, s:s, s:s, s:s}, s:s, s:s, s:o, s:o, s:o, s:o, s:{s:s, s:s, s:o}}",
	    "@context", "dcat", "http://www.w3.org/ns/dcat#", "dct", "http://purl.org/dc/terms/",
	    "foaf", "http://xmlns.com/foaf/0.1/", "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
	    "skos", "http://www.w3.org/2004/02/skos/core#", "xsd",
	    "http://www.w3.org/2001/XMLSchema#", "@id", url, "@type", "dcat:Catalog", "dct:title",
	    ld_text(
		"Administração Aberta: dados abertos", "Open Administration Portugal: open data"),
	    "dct:description",
	    ld_text("Os planos de ação nacionais de Portugal na Parceria para o Governo Aberto, "
		    "os seus compromissos e marcos com o progresso real, as entidades da Rede "
		    "Nacional de Administração Aberta e os eventos.",
		"Portugal's national action plans in the Open Government Partnership, their "
		"commitments and milestones with real progress, the bodies of the National "
		"Network for Open Administration, and the events."),
	    "dct:publisher", ld_publisher(), "foaf:homepage", ld_page("/pt/data"),
	    "dcat:themeTaxonomy", "@id", EU "data-theme", "@type", "skos:ConceptScheme",
	    "dct:title", json_pack("[{s:s, s:s}]", "@value", "Data theme", "@language", "en"));
	if (cat == NULL)
		return NULL;
	ld_common(cat);
	if (export_license() == NULL)
		json_object_set_new(cat, "dct:rights",
		    json_pack("{s:s, s:o}", "@type", "dct:RightsStatement", "rdfs:label",
			ld_text("A licença destes dados ainda não foi declarada pelo publicador.",
			    "The publisher has not yet stated a licence for this data.")));
	ld_time(cat, "dct:issued", issued);
	ld_time(cat, "dct:modified", modified);
	return cat;
}

json_t *
dcat_catalog(void)
{
	char                 issued[32], modified[32];
	json_t              *cat, *list, *served, *ds;
	const struct xset   *set;
	const struct xtitle *t;
	size_t               i;

	since(1, issued);
	export_modified(modified, sizeof modified);
	if ((cat = ld_catalog(issued, modified)) == NULL)
		return NULL;
	list = json_array();
	served = json_array();
	for (i = 0; i < export_set_count(); i++) {
		set = export_set_at(i);
		if (set->where != XW_BULK)
			continue;
		if ((t = export_set_title(set->name)) == NULL) {
			log_error("dcat: the bulk dataset %s has no title (datadict.c)", set->name);
			continue;
		}
		if ((ds = ld_dataset(set, t, modified)) == NULL)
			continue;
		json_array_append_new(
		    served, json_pack("{s:O}", "@id", json_object_get(ds, "@id")));
		json_array_append_new(list, ds);
	}
	json_object_set_new(cat, "dcat:dataset", list);
	json_object_set_new(cat, "dcat:service", json_pack("[o]", ld_service(served)));
	return cat;
}
