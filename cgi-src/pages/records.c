/* records: the consultations held elsewhere, as records (see records.h). */
#include "store/db.h"
#include "store/records.h"
#include "view/i18n.h"
#include "pages/records.h"

/* Fills where the record of row s was held, its organiser and the plan it was about. */
static void
record_links(struct ctx *c, tpl_dict *d, sqlite3_stmt *s)
{
	tpl_dict *x;

	if (db_text(s, RR_WHERE) != NULL) {
		x = tpl_section(d, "WHERE");
		tpl_set(x, "WHERE_URL", db_text(s, RR_WHERE));
		page_url_label(c, x, "WHERE_HOST", db_text(s, RR_WHERE), NULL, NULL);
		page_url_state(c, x, "LINKSTATE", db_text(s, RR_WHERE));
	} else
		tpl_show(d, "NO_WHERE");
	if (db_text(s, RR_ORG_SLUG) != NULL) {
		x = tpl_section(d, "ORG");
		tpl_set(x, "ORG_SLUG", db_text(s, RR_ORG_SLUG));
		page_entity_name(c, x, "ORG_NAME", db_text(s, RR_ORG_ACRONYM),
		    db_text(s, RR_ORG_NAME_PT), db_text(s, RR_ORG_NAME_EN));
	} else
		tpl_show(d, "NO_ORG");
	if (!db_null(s, RR_PLAN_NUMBER)) {
		x = tpl_section(d, "PLAN");
		tpl_set_int(x, "PLAN_NUMBER", db_int(s, RR_PLAN_NUMBER));
		page_text(c, x, "PLAN_TITLE", db_text(s, RR_PLAN_PT), db_text(s, RR_PLAN_EN));
	}
}

/* Fills one record from row s of RC_RECORDS. */
static void
record(struct ctx *c, tpl_dict *d, sqlite3_stmt *s)
{
	tpl_set(d, "SLUG", db_text(s, RR_SLUG));
	if (page_text(c, d, "TITLE", db_text(s, RR_TITLE_PT), db_text(s, RR_TITLE_EN)) == NULL)
		tpl_set(d, "TITLE", i18n("L_TITLE_NOT_RECORDED", c->en));
	page_held_status(c, d, "STATUS", db_text(s, RR_STATUS),
	    db_text(s, RR_CLOSES) ? db_text(s, RR_CLOSES) : db_text(s, RR_OPENS));
	page_date(c, d, "OPENS", db_text(s, RR_OPENS));
	page_date(c, d, "CLOSES", db_text(s, RR_CLOSES));
	page_doubt(c, d, "DATES_DOUBT", db_text(s, RR_DATES_CONF));
	record_links(c, d, s);
	page_paras(c, d, "DESC", db_text(s, RR_DESC_PT), db_text(s, RR_DESC_EN));
	page_paras(c, d, "OUT", db_text(s, RR_OUT_PT), db_text(s, RR_OUT_EN));
	if (!db_null(s, RR_COMMENTS))
		tpl_set_int(tpl_section(d, "COMMENTS"), "N_COMMENTS", db_int(s, RR_COMMENTS));
	if (page_url_lines(c, d, "HAS_SOURCES", "SOURCE", db_text(s, RR_SOURCES)) == 0)
		tpl_show(d, "NO_SOURCES");
}

int
records_list(struct ctx *c, tpl_dict *d)
{
	sqlite3_stmt *s = rc_stmt(RC_RECORDS);
	tpl_dict     *h = NULL;
	int           n = 0;

	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(d, "RECORDS");
		record(c, tpl_section(h, "RECORD"), s);
		n++;
	}
	return n;
}

int
records_repeats(long long id)
{
	sqlite3_stmt *s = rc_stmt(RC_DUPLICATE);
	int           r;

	db_bind_int64(s, 1, id);
	r = db_step(s) == SQLITE_ROW && db_int(s, RD_DUPLICATE) == 1;
	db_reset(s);
	return r;
}
