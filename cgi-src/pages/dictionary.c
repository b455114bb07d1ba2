/* The data dictionary, /{lang}/data/dictionary: the page that says what every dataset and
 * every field of the open data holds (view/datadict.h), with the conventions of the
 * files, the progress formula and what the marks of doubt and the dates of figures
 * mean.  The short page for people is /{lang}/data (data.c). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "lib/domains.h"
#include "pages/pages.h"
#include "view/datadict.h"
#include "view/i18n.h"
#include "view/page.h"

/* The i18n label domain of the coded fields, for the allowed values on the data page. */
static const struct {
	const char *field;
	const char *domain;
} domains[] = {
	{ "plan_status", "plan_status" },
	{ "self_status", "self_status" },
	{ "irm_verifiable", "yesno" },
	{ "irm_relevant", "yesno" },
	{ "irm_ambition", "ambition" },
	{ "irm_potential_impact", "potential_impact" },
	{ "irm_potential_results", "potential_results" },
	{ "irm_completion", "self_status" },
	{ "irm_diog", "diog" },
	{ "irm_early_results", "early_results" },
	{ "irm_starred", "starred" },
	{ "ogp_values", "ogp_value" },
	{ "ogp_value", "ogp_value" },
	{ "status", "ms_status" },
	{ "entity_kind", "entity_kind" },
	{ "event_kind", "event_kind" },
	{ "link_kind", "link_kind" },
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
	{ "confidence", "confidence" },
	{ "published_confidence", "confidence" },
	{ "document_kind", "doc_kind" },
	{ "assessor", "assessor" },
	{ "report_kind", "report_kind" },
	{ "as_of_kind", "as_of_kind" },
	{ "relation", "party_relation" },
	{ "held_status", "held_status" },
	{ "date_confidence", "confidence" },
	{ "dates_confidence", "confidence" },
};

/* The conventions listed on the data page, in order (i18n keys). */
static const char *const conventions[] = { "DATA_CONV_1", "DATA_CONV_2", "DATA_CONV_3",
	"DATA_CONV_4", "DATA_CONV_5", "DATA_CONV_6", "DATA_CONV_7", "DATA_CONV_8" };

/* Adds the allowed values of field f, with their labels, as sections V of d. */
static void
allowed(struct ctx *c, tpl_dict *d, const struct xfield *f)
{
	const char *dom = NULL, *p = f->values, *label;
	char        v[64];
	size_t      i, n;
	tpl_dict   *vd;

	for (i = 0; i < sizeof domains / sizeof domains[0]; i++)
		if (strcmp(domains[i].field, f->name) == 0)
			dom = domains[i].domain;
	while (p != NULL && *p != '\0') {
		n = strcspn(p, " ");
		snprintf(v, sizeof v, "%.*s", (int)n, p);
		p += n + (p[n] == ' ');
		vd = tpl_section(d, "V");
		tpl_set(vd, "CODE", v);
		label = dom != NULL ? i18n_enum(dom, v, c->en) : v;
		if (strcmp(label, v) != 0) {
			tpl_show(vd, "HAS_LABEL");
			tpl_set(vd, "LABEL", label);
		}
	}
}

/* The i18n key prefix, code and suffix into out, in capitals (DATA_ASOF_NOT_BEFORE). */
static void
code_key(char *out, size_t outlen, const char *prefix, const char *code, const char *suffix)
{
	size_t i;

	snprintf(out, outlen, "%s%s%s", prefix, code, suffix);
	for (i = 0; out[i] != '\0'; i++)
		out[i] = (char)toupper((unsigned char)out[i]);
}

/* The sections confidence and dates: each confidence code with the marker the pages
 * show for it (page_doubt) and its meaning; each as_of_kind code worded, with its
 * meaning. */
static void
trust_sections(struct ctx *c, tpl_dict *b)
{
	const struct domain *d = domain(DOM_CONFIDENCE);
	const char          *code;
	char                 key[64];
	tpl_dict            *t;
	size_t               i;

	for (i = 0; i < d->n; i++) {
		code = d->codes[i].code;
		t = tpl_section(b, "CONF");
		tpl_set(t, "CODE", code);
		tpl_set(t, "WORD",
		    strcmp(code, "unconfirmed") == 0    ? i18n("L_DOUBT_UNCONFIRMED", c->en)
			: strcmp(code, "inferred") == 0 ? i18n("L_DOUBT_INFERRED", c->en)
							: i18n_enum("confidence", code, c->en));
		code_key(key, sizeof key, "DATA_CONF_", code, "");
		tpl_set(t, "TEXT", i18n(key, c->en));
	}
	d = domain(DOM_AS_OF_KIND);
	for (i = 0; i < d->n; i++) {
		code = d->codes[i].code;
		t = tpl_section(b, "ASOF");
		tpl_set(t, "CODE", code);
		code_key(key, sizeof key, "DATA_ASOF_", code, "");
		tpl_set(t, "TERM", i18n(key, c->en));
		code_key(key, sizeof key, "DATA_ASOF_", code, "_TEXT");
		tpl_set(t, "TEXT", i18n(key, c->en));
	}
}

/* /{lang}/data/dictionary: the conventions, the progress formula, what "unconfirmed" and
 * the dates of figures mean, every dataset with its fields, and every field (the old
 * anchors of /{lang}/data: conventions, how, confidence, dates, dictionary, set-NAME,
 * field-NAME). */
int
page_data_dictionary(struct ctx *c)
{
	tpl_dict            *b = page_body(c, "data_dictionary.tpl"), *d, *fd;
	const struct xset   *set;
	const struct xfield *f;
	char                 href[600], name[96], anchor[96];
	size_t               i, j;

	page_title(c, "%s", i18n("L_DATA_DICTIONARY", c->en));
	for (i = 0; i < sizeof conventions / sizeof conventions[0]; i++)
		tpl_set(tpl_section(b, "CONV"), "TEXT", i18n(conventions[i], c->en));
	for (i = 0; i < export_set_count(); i++) {
		set = export_set_at(i);
		d = tpl_section(b, "SET");
		tpl_set(d, "NAME", set->name);
		tpl_set(d, "DESC", c->en ? set->en : set->pt);
		if (set->where == XW_BULK)
			snprintf(href, sizeof href, "%s /data/%s.csv, /data/%s.json",
			    i18n("DATA_WHERE_BULK", c->en), set->name, set->name);
		else if (set->pages != NULL)
			snprintf(href, sizeof href, "%s %s", i18n("DATA_WHERE_PAGES", c->en),
			    set->pages);
		else
			href[0] = '\0';
		tpl_set(d, "WHERE", href);
		if (strcmp(set->name, "commitments-ogp") == 0) /* the mapping, in words */
			tpl_set(tpl_section(d, "NOTE"), "TEXT", i18n("DATA_OGP_MAPPING", c->en));
		for (j = 0; export_set_field(set, j, name, sizeof name) == 0; j++) {
			fd = tpl_section(d, "F");
			tpl_set(fd, "FIELD", name);
			export_field_anchor(name, anchor, sizeof anchor);
			tpl_set(fd, "ANCHOR", anchor);
		}
	}
	for (i = 0; i < export_field_count(); i++) {
		f = export_field_at(i);
		d = tpl_section(b, "FIELD");
		tpl_set(d, "NAME", f->name);
		export_field_anchor(f->name, anchor, sizeof anchor);
		tpl_set(d, "ANCHOR", anchor);
		tpl_set(d, "TYPE", export_type_name(f->type, c->en));
		tpl_set(d, "DESC", c->en ? f->en : f->pt);
		allowed(c, d, f);
	}
	tpl_include(b, "HOW", "how.tpl");
	trust_sections(c, b);
	page_alternate(c, "application/ld+json", "/data/catalog.jsonld");
	return 200;
}
