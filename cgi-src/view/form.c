/* form: the admin forms of the editing engine filled from a record (see form.h). */
#include <stdio.h>
#include <string.h>

#include "lib/consult.h"
#include "store/db.h"
#include "view/form.h"

/* Adds the choices of a reference field as OPTION sections of d. */
static void
ref_options(const struct field *f, const char *value, tpl_dict *d)
{
	sqlite3_stmt *s = edit_choices(f->ref);
	tpl_dict     *o;
	const char   *id;

	while (db_step(s) == SQLITE_ROW) {
		o = tpl_section(d, "OPTION");
		id = db_text(s, CHOICE_ID);
		tpl_set(o, "V", id);
		tpl_set(o, "L", db_text(s, CHOICE_LABEL));
		if (value != NULL && strcmp(value, id) == 0)
			tpl_show(o, "SEL");
	}
}

/* Adds the codes of domain dom as OPTION sections of d, with their Portuguese labels. */
static void
enum_options(const struct domain *dom, const char *value, tpl_dict *d)
{
	tpl_dict *o;
	size_t    i;

	for (i = 0; i < dom->n; i++) {
		o = tpl_section(d, "OPTION");
		tpl_set(o, "V", dom->codes[i].code);
		tpl_set(o, "L", dom->codes[i].pt != NULL ? dom->codes[i].pt : dom->codes[i].code);
		if (value != NULL && strcmp(value, dom->codes[i].code) == 0)
			tpl_show(o, "SEL");
	}
}

/* Adds the choices of a yes / no field as OPTION sections of d: not recorded (empty),
 * yes (1), no (0). */
static void
yesno_options(const char *value, tpl_dict *d)
{
	static const char *const v[][2] = { { "", "— ainda não registado —" }, { "1", "Sim" },
		{ "0", "Não" } };
	tpl_dict                *o;
	size_t                   i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		o = tpl_section(d, "OPTION");
		tpl_set(o, "V", v[i][0]);
		tpl_set(o, "L", v[i][1]);
		if (i > 0 && value != NULL && strcmp(value, v[i][0]) == 0)
			tpl_show(o, "SEL");
	}
}

/* Fills one field's dictionary. */
static void
field_dict(const struct field *f, const char *value, const char *err, const char *zone, tpl_dict *d)
{
	static const char *const kind_section[F__MAX] = { "IS_TEXT", "IS_LONG", "IS_NUMBER",
		"IS_NUMBER", "IS_TEXT", "IS_URL", "IS_SELECT", "IS_CHECK", "IS_SELECT", "IS_TEXT",
		"IS_TEXT", "IS_DATETIME", "IS_SELECT" };
	char                     local[24];
	tpl_dict                *k;

	tpl_set(d, "NAME", f->col);
	tpl_set(d, "LABEL", f->label);
	if (f->type == F_DATETIME && value != NULL &&
	    utc_to_local(zone, value, local, sizeof local, NULL) == 0)
		value = local; /* shown as typed: the wall clock of the row's zone */
	tpl_set(d, "VALUE", value);
	if (f->required)
		tpl_show(d, "REQUIRED");
	char ids[128];
	int  hinted = f->type == F_DATE || f->type == F_DATETIME;

	if (f->type == F_DATE)
		tpl_show(d, "DATE_HINT");
	if (f->type == F_DATETIME)
		tpl_set(tpl_section(d, "DATETIME_HINT"), "ZONE_HINT",
		    zone == NULL ? "Hora de Lisboa" : "Hora do fuso escolhido");
	if (err != NULL) {
		tpl_set(tpl_section(d, "ERROR"), "TEXT", err);
		tpl_show(d, "INV");
	}
	snprintf(ids, sizeof ids, "%s%s%s%s%s", hinted ? "h-" : "", hinted ? f->col : "",
	    hinted && err ? " " : "", err ? "e-" : "", err ? f->col : "");
	if (ids[0] != '\0')
		tpl_set(tpl_section(d, "DESC"), "IDS", ids);
	k = tpl_section(d, kind_section[f->type]);
	if (f->type == F_INT || f->type == F_PERCENT)
		tpl_set_int(k, "MAX", f->max);
	if (f->type == F_TEXT || f->type == F_LONG || f->type == F_URL || f->type == F_SLUG ||
	    f->type == F_OGPID)
		tpl_set_int(k, "MAXLEN", f->max);
	if (f->type == F_DATE)
		tpl_set_int(k, "MAXLEN", 10);
	if (f->type == F_BOOL && value != NULL && strcmp(value, "1") == 0)
		tpl_show(k, "CHECKED");
	if (f->type == F_ENUM) {
		if (!f->required)
			tpl_set(tpl_section(k, "OPTION"), "L", "— ainda não registado —");
		enum_options(domain(f->dom), value, k);
	} else if (f->type == F_YESNO) {
		yesno_options(value, k);
	} else if (f->type == F_REF) {
		if (!f->required)
			tpl_set(tpl_section(k, "OPTION"), "L", "—");
		ref_options(f, value, k);
	}
}

/* Returns 1 if column en is column pt with its "_pt" (the last) turned into "_en":
 * title_pt and title_en, title_pt_kind and title_en_kind. */
static int
en_of(const char *pt, const char *en)
{
	const char *p = NULL, *q;
	size_t      n;

	for (q = pt; (q = strstr(q, "_pt")) != NULL; q++)
		if (q[3] == '\0' || q[3] == '_')
			p = q;
	if (p == NULL || strlen(en) != strlen(pt))
		return 0;
	n = (size_t)(p - pt);
	return strncmp(pt, en, n) == 0 && strncmp(en + n, "_en", 3) == 0 &&
	    strcmp(p + 3, en + n + 3) == 0;
}

void
edit_form(sqlite3 *rw, const struct kind *k, const struct values *v, tpl_dict *d)
{
	const char *zone;
	size_t      i;
	tpl_dict   *row, *pair;
	int         z = edit_field(k, "timezone");

	(void)rw;
	zone = edit_zone(k, z >= 0 ? v->v[z] : NULL);
	tpl_set_int(d, "VERSION", v->version);
	for (i = 0; i < k->nfields; i++) {
		if (i + 1 < k->nfields && en_of(k->fields[i].col, k->fields[i + 1].col)) {
			pair = tpl_section(tpl_section(d, "ROW"), "PAIR");
			field_dict(&k->fields[i], v->v[i], v->err[i], zone,
			    tpl_include(tpl_section(pair, "PT"), "FIELD", "admin_field.tpl"));
			field_dict(&k->fields[i + 1], v->v[i + 1], v->err[i + 1], zone,
			    tpl_include(tpl_section(pair, "EN"), "FIELD", "admin_field.tpl"));
			i++;
			continue;
		}
		row = tpl_section(d, "ROW");
		field_dict(&k->fields[i], v->v[i], v->err[i], zone,
		    tpl_include(tpl_section(row, "ONE"), "FIELD", "admin_field.tpl"));
	}
}
