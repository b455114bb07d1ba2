/* headline: a plan's self-reported completion, IRM verdict and overdue count (see
 * headline.h). */
#include "pages/headline.h"
#include "store/db.h"
#include "store/glance.h"
#include "view/i18n.h"

/* The latest self-reported completion figure with a percent, into SELF (or NO_SELF). */
static void
self_completion(struct ctx *c, tpl_dict *h, long long plan_id)
{
	sqlite3_stmt *s = gl_stmt(GL_PLAN_SELF);
	tpl_dict     *d;

	db_bind_int64(s, 1, plan_id);
	if (db_step(s) != SQLITE_ROW) {
		tpl_show(h, "NO_SELF");
		return;
	}
	d = tpl_section(h, "SELF");
	tpl_set_int(d, "SELF_PCT", db_int(s, GLS_PCT));
	page_figure_date(c, d, "SELF_DATE", db_text(s, GLS_AS_OF), db_text(s, GLS_KIND));
	tpl_set(d, "SELF_SOURCE", db_text(s, GLS_SOURCE));
	page_doubt(c, d, "SELF_DOUBT", db_text(s, GLS_CONF));
	if (page_text(c, d, "SELF_NOTE", db_text(s, GLS_NOTE_PT), db_text(s, GLS_NOTE_EN)))
		tpl_show(d, "HAS_SELF_NOTE");
	db_reset(s);
}

/* The latest IRM verdict, into IRM (or NO_IRM). */
static void
irm_verdict(struct ctx *c, tpl_dict *h, long long plan_id)
{
	sqlite3_stmt *s = gl_stmt(GL_PLAN_IRM);
	tpl_dict     *d;

	db_bind_int64(s, 1, plan_id);
	if (db_step(s) != SQLITE_ROW) {
		tpl_show(h, "NO_IRM");
		return;
	}
	d = tpl_section(h, "IRM");
	page_enum(c, d, "IRM_KIND", "report_kind", db_text(s, GLI_KIND));
	page_date(c, d, "IRM_DATE", db_text(s, GLI_DATE));
	page_text(c, d, "IRM_SUMMARY", db_text(s, GLI_SUMMARY_PT), db_text(s, GLI_SUMMARY_EN));
	if (db_text(s, GLI_SOURCE) != NULL) {
		tpl_show(d, "IRM_HAS_SOURCE");
		tpl_set(d, "IRM_SOURCE", db_text(s, GLI_SOURCE));
	}
	db_reset(s);
}

void
headline_plan(struct ctx *c, tpl_dict *d, long long plan_id)
{
	tpl_dict     *h = tpl_include(d, "HEADLINE", "headline.tpl");
	sqlite3_stmt *s;
	int           n = 0;

	self_completion(c, h, plan_id);
	irm_verdict(c, h, plan_id);
	s = gl_stmt(GL_PLAN_OVERDUE);
	db_bind_int64(s, 1, plan_id);
	db_bind_text(s, 2, c->today);
	if (db_step(s) == SQLITE_ROW)
		n = db_int(s, GLO_COUNT);
	db_reset(s);
	tpl_set_int(h, "OVERDUE", n);
	tpl_set(h, "OVERDUE_UNIT", i18n(n == 1 ? "L_OVERDUE_MS_ONE" : "L_OVERDUE_MS", c->en));
	tpl_show(h, n > 0 ? "HAS_OVERDUE" : "NO_OVERDUE");
}
