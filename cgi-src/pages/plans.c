/* Action plans: the list, and one plan with its commitments. */
#include <stdio.h>
#include <stdlib.h>

#include "../db.h"
#include "../i18n.h"
#include "../page.h"

#define PLANS_MAX	999	/* plan numbers are 1-999 */

int
page_plans_list(struct ctx *c)
{
	tpl_dict	*b = page_body(c, "plans.tpl"), *d;
	static long long ids[PLANS_MAX];
	static struct progress roll[PLANS_MAX];
	sqlite3_stmt	*s;
	size_t		 n = 0, i;

	page_title(c, "%s", i18n("T_PLANS", c->en));
	s = db_stmt(ST_PLANS);
	while (db_step(s) == SQLITE_ROW && n < PLANS_MAX)
		ids[n++] = sqlite3_column_int64(s, 0);
	page_plan_rollups(ids, roll, n);
	s = db_stmt(ST_PLANS);
	for (i = 0; db_step(s) == SQLITE_ROW && i < n; i++) {
		d = tpl_section(b, "PLAN");
		tpl_set_int(d, "NUMBER", sqlite3_column_int(s, 1));
		page_text(c, d, "PLAN_TITLE", db_text(s, 2), db_text(s, 3));
		page_period(c, d, "PERIOD", db_text(s, 4), db_text(s, 5));
		page_enum(c, d, "STATUS", "plan_status", db_text(s, 6));
		tpl_set_int(d, "N", sqlite3_column_int(s, 7));
		page_progress(c, d, &roll[i], 1);
	}
	return 200;
}

/* One commitment's row dictionary, found by id among the n rows (ids ascending by
 * position of creation, so a linear scan from the last hit is fast). */
struct row {
	long long	 id;
	tpl_dict	*d;
	int		 leads;
};

/* Returns the row of commitment id, or NULL. */
static struct row *
find_row(struct row *rows, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (rows[i].id == id)
			return &rows[i];
	return NULL;
}

/* Fills the commitments table; returns the number of commitments and their roll-up. */
static size_t
commitments(struct ctx *c, tpl_dict *b, long long plan_id, struct progress *roll)
{
	sqlite3_stmt	*s = db_stmt(ST_PLAN_COMMITMENTS);
	struct row	*rows = NULL, *r, *nr;
	struct progress	 p;
	size_t		 n = 0, cap = 0, i;
	tpl_dict	*d, *l;

	progress_init(roll);
	sqlite3_bind_int64(s, 1, plan_id);
	while (db_step(s) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nr = realloc(rows, cap * sizeof *rows)) == NULL)
				break;
			rows = nr;
		}
		d = tpl_section(b, "COMMITMENT");
		rows[n].id = sqlite3_column_int64(s, 0);
		rows[n].d = d;
		rows[n++].leads = 0;
		tpl_set(d, "OGP_ID", db_text(s, 1));
		tpl_set(d, "NUMBER", db_text(s, 2));
		page_text(c, d, "TITLE", db_text(s, 3), db_text(s, 4));
		page_enum(c, d, "STATUS", "self_status", db_text(s, 5));
		page_ms_agg(s, 7, &p);
		page_progress(c, d, &p, 0);
		progress_add_rollup(roll, &p);
	}
	s = db_stmt(ST_PLAN_LEADS);
	sqlite3_bind_int64(s, 1, plan_id);
	while (db_step(s) == SQLITE_ROW) {
		if ((r = find_row(rows, n, sqlite3_column_int64(s, 0))) == NULL)
			continue;
		l = tpl_section(r->d, "LEAD");
		r->leads++;
		tpl_set(l, "SLUG", db_text(s, 1));
		if (db_text(s, 2) != NULL) {
			tpl_set(l, "NAME", db_text(s, 2));
			tpl_set(l, "NAME_LANG", c->lang);
		} else
			page_text(c, l, "NAME", db_text(s, 3), db_text(s, 4));
	}
	for (i = 0; i < n; i++)
		if (rows[i].leads == 0)
			tpl_show(rows[i].d, "NO_LEAD");
	free(rows);
	return n;
}

int
page_plans_show(struct ctx *c)
{
	tpl_dict	*b;
	const char	*title;
	sqlite3_stmt	*s = db_stmt(ST_PLAN_BY_NUMBER);
	struct progress	 roll;
	long long	 id;
	size_t		 n;
	char		 ord[64], feed[64];

	sqlite3_bind_int64(s, 1, c->num);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_PLAN";
		return 404;
	}
	b = page_body(c, "plan.tpl");
	id = sqlite3_column_int64(s, 0);
	snprintf(ord, sizeof ord, "%s %lld", i18n("T_PLAN", c->en), c->num);
	tpl_set(b, "ORDINAL", ord);
	tpl_set_int(b, "PLAN_NUMBER", c->num);
	snprintf(feed, sizeof feed, "/%s/plans/%lld/feed.atom", c->lang, c->num);
	page_feed_link(c, feed, ord);
	title = page_text(c, b, "PLAN_TITLE", db_text(s, 2), db_text(s, 3));
	page_title(c, "%s", title ? title : ord);
	page_period(c, b, "PERIOD", db_text(s, 4), db_text(s, 5));
	page_date(c, b, "PUBLISHED", db_text(s, 6));
	page_paras(c, b, "COCREATION", db_text(s, 7), db_text(s, 8));
	page_paras(c, b, "SUMMARY", db_text(s, 9), db_text(s, 10));
	if (db_text(s, 11) != NULL) {
		tpl_show(b, "DOC");
		tpl_set(b, "DOC_URL", db_text(s, 11));
	} else
		tpl_show(b, "NO_DOC");
	page_enum(c, b, "STATUS", "plan_status", db_text(s, 12));
	sqlite3_reset(s);
	n = commitments(c, b, id, &roll);
	tpl_set_int(b, "N", (long long)n);
	page_progress(c, b, &roll, 1);
	s = db_stmt(ST_PLAN_LINKS);
	sqlite3_bind_int64(s, 1, id);
	page_links(c, b, "HAS_LINKS", "LINK", s);
	tpl_include(b, "HOW", "how.tpl");
	return 200;
}
