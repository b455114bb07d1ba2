/* The public History of a commitment or a plan: every dated change, from the
 * append-only revision log.  Progress is never silently overwritten. */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "view/i18n.h"
#include "pages/pages.h"
#include "view/page.h"

#define HISTORY_MAX 1000 /* changes shown at most */

void
page_history_value(
    struct ctx *c, const char *tbl, const char *col, const char *v, char *out, size_t len)
{
	if (v == NULL || *v == '\0')
		snprintf(out, len, "%s", i18n("HIST_EMPTY", c->en));
	else
		i18n_value(tbl, col, v, c->en, out, len);
}

/* What was changed: "Commitment PT0013", "Milestone 2", "Source or evidence". */
static void
what(struct ctx *c, sqlite3_stmt *s, char *out, size_t len)
{
	const char *tbl = db_text(s, HIST_TBL);

	if (strcmp(tbl, "milestone") == 0)
		snprintf(
		    out, len, "%s %d", i18n("HIST_MILESTONE", c->en), db_int(s, HIST_POSITION));
	else if (strcmp(tbl, "link") == 0)
		snprintf(out, len, "%s", i18n("HIST_LINK", c->en));
	else if (strcmp(tbl, "commitment") == 0)
		snprintf(out, len, "%s %s", i18n("HIST_COMMITMENT", c->en),
		    db_text(s, HIST_OGP_ID) ? db_text(s, HIST_OGP_ID) : "");
	else
		snprintf(out, len, "%s", i18n("HIST_PLAN", c->en));
}

/* Who made a change, as the public sees it: the body of a member editor, the focal
 * point for its staff, or the data import. */
static const char *
who(struct ctx *c, sqlite3_stmt *s)
{
	if (db_null(s, HIST_STAFF))
		return i18n("HIST_IMPORT", c->en);
	if (db_text(s, HIST_BODY) != NULL)
		return db_text(s, HIST_BODY);
	return i18n("HIST_FOCAL", c->en);
}

/* Lists the changes of statement s (see ST_HISTORY_*) into b. */
static void
changes(struct ctx *c, tpl_dict *b, sqlite3_stmt *s)
{
	tpl_dict *h = NULL, *ch = NULL, *it, *f;
	long long cid = -1;
	char      w[96], before[512], after[512], key[64], at[64];
	int       n = 0;

	while (db_step(s) == SQLITE_ROW && n < HISTORY_MAX) {
		if (h == NULL)
			h = tpl_section(b, "HAS");
		if (db_int64(s, HIST_CHANGE) != cid) {
			cid = db_int64(s, HIST_CHANGE);
			ch = tpl_section(h, "CHANGE");
			tpl_set(ch, "AT", db_text(s, HIST_AT));
			i18n_date(db_text(s, HIST_AT), c->en, at, sizeof at);
			tpl_set(ch, "AT_TEXT", at);
			tpl_set(ch, "WHO", who(c, s));
			if (db_text(s, HIST_APPROVED) != NULL)
				tpl_show(ch, "REVIEWED");
			n++;
		}
		it = tpl_section(ch, "ITEM");
		what(c, s, w, sizeof w);
		tpl_set(it, "WHAT", w);
		if (db_text(s, HIST_FIELD) != NULL) {
			f = tpl_section(it, "FIELD");
			snprintf(key, sizeof key, "COL_%s", db_text(s, HIST_FIELD));
			tpl_set(f, "LABEL", i18n(key, c->en));
			page_history_value(c, db_text(s, HIST_TBL), db_text(s, HIST_FIELD),
			    db_text(s, HIST_BEFORE), before, sizeof before);
			page_history_value(c, db_text(s, HIST_TBL), db_text(s, HIST_FIELD),
			    db_text(s, HIST_AFTER), after, sizeof after);
			tpl_set(f, "BEFORE", before);
			tpl_set(f, "AFTER", after);
		} else {
			/* a link is a source or evidence: "added", "removed" agree with it */
			snprintf(key, sizeof key, "HIST_OP_%s%s",
			    strcmp(db_text(s, HIST_TBL), "link") == 0 ? "link_" : "",
			    db_text(s, HIST_OP));
			tpl_set(tpl_section(it, "OP"), "TEXT", i18n(key, c->en));
		}
	}
	if (h == NULL)
		tpl_show(b, "NONE");
}

int
page_commitments_history(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_COMMITMENT);
	tpl_dict     *b;
	long long     id;
	char          back[64];
	const char   *t;

	db_bind_text(s, 1, c->arg[0]);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_COMMITMENT";
		return 404;
	}
	b = page_body(c, "history.tpl");
	id = db_int64(s, CM_ID);
	t = page_text(c, b, "NAME", db_text(s, CM_TITLE_PT), db_text(s, CM_TITLE_EN));
	if (t == NULL)
		tpl_set(b, "NAME", c->arg[0]);
	page_title(c, "%s – %s", i18n("L_HISTORY", c->en), c->arg[0]);
	snprintf(back, sizeof back, "/%s/commitments/%s", c->lang, c->arg[0]);
	tpl_set(b, "BACK", back);
	tpl_set(b, "BACK_LABEL", c->arg[0]);
	db_reset(s);
	s = db_stmt(ST_HISTORY_COMMITMENT);
	db_bind_int64(s, 1, id);
	changes(c, b, s);
	return 200;
}

int
page_plans_history(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_PLAN_BY_NUMBER);
	tpl_dict     *b;
	long long     id;
	char          back[64], ord[64];

	db_bind_int64(s, 1, c->num);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_PLAN";
		return 404;
	}
	b = page_body(c, "history.tpl");
	id = db_int64(s, PLAN_ID);
	snprintf(ord, sizeof ord, "%s %lld", i18n("T_PLAN", c->en), c->num);
	if (page_text(c, b, "NAME", db_text(s, PLAN_TITLE_PT), db_text(s, PLAN_TITLE_EN)) == NULL)
		tpl_set(b, "NAME", ord);
	page_title(c, "%s – %s", i18n("L_HISTORY", c->en), ord);
	snprintf(back, sizeof back, "/%s/plans/%lld", c->lang, c->num);
	tpl_set(b, "BACK", back);
	tpl_set(b, "BACK_LABEL", ord);
	db_reset(s);
	s = db_stmt(ST_HISTORY_PLAN);
	db_bind_int64(s, 1, id);
	changes(c, b, s);
	return 200;
}
