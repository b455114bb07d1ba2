/* export_ogp: the commitments in the shape of OGP's IRM data (/data/commitments-ogp.csv
 * and .json).  Each row is made from the row of the bulk commitments file (export_bulk),
 * so the two files always hold the same facts; the dataset "commitments-ogp" of
 * datadict.c says which column comes from which field. */
#include <stdio.h>
#include <string.h>

#include "lib/domains.h"
#include "view/export.h"

/* The columns that keep aberta's name and value: from "plan_number" to the end of the
 * dataset's list. */
#define OWN_FIRST "plan_number"

/* Sets one column per OGP value (its name as OGP spells it, the domain's first alias):
 * "Yes" when the commitment's ogp_values holds it, "No" when it holds others, null when
 * it holds none (not recorded). */
static void
ogp_values(json_t *o, json_t *codes)
{
	const struct domain *d = domain(DOM_OGP_VALUE);
	json_t              *v;
	size_t               i, j;
	int                  has;

	for (i = 0; i < d->n; i++) {
		has = 0;
		json_array_foreach(codes, j, v) has |=
		    strcmp(json_string_value(v), d->codes[i].code) == 0;
		json_object_set_new(o, d->codes[i].aliases[0],
		    json_array_size(codes) == 0 ? json_null() : json_string(has ? "Yes" : "No"));
	}
}

/* The OGP-shaped row of commitment row c; own is the dataset's columns from OWN_FIRST. */
static json_t *
ogp_row(json_t *c, const struct xset *set, size_t own)
{
	json_t *o = json_object();
	char    name[96];

	json_object_set(o, "CaseNo", json_object_get(c, "ogp_id"));
	json_object_set_new(o, "Country", json_string("Portugal"));
	json_object_set(o, "Cluster", json_object_get(c, "cluster_en"));
	json_object_set(o, "Commitment Title", json_object_get(c, "title_en"));
	json_object_set(o, "Responsible Institution", json_object_get(c, "lead_names_en"));
	json_object_set(o, "Supporting Institution", json_object_get(c, "support_names_en"));
	ogp_values(o, json_object_get(c, "ogp_values"));
	for (; export_set_field(set, own, name, sizeof name) == 0; own++)
		json_object_set(o, name, json_object_get(c, name));
	return o;
}

json_t *
export_bulk_ogp(void)
{
	const struct xset *from, *set = export_set("commitments-ogp");
	json_t            *rows, *out, *c;
	char               name[96];
	size_t             i, own = 0;

	if ((rows = export_bulk("commitments", &from)) == NULL)
		return NULL;
	while (export_set_field(set, own, name, sizeof name) == 0 && strcmp(name, OWN_FIRST) != 0)
		own++;
	out = json_array();
	json_array_foreach(rows, i, c) json_array_append_new(out, ogp_row(c, set, own));
	json_decref(rows);
	return out;
}
