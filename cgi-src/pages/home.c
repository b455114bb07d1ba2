/* The home page: what the network does, the current plan and its progress, events. */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "view/i18n.h"
#include "pages/headline.h"
#include "pages/pages.h"
#include "store/rollup.h"
#include "view/page.h"

#define HOME_PLANS_MAX 64 /* plans shown on the home page */
#define HOME_EVENTS    4  /* upcoming events shown */

/* Fills one plan card (CURRENT or PLAN section) from a row of ST_PLANS. */
static void
plan_card(struct ctx *c, tpl_dict *d, sqlite3_stmt *s, const struct progress *roll)
{
	tpl_set_int(d, "NUMBER", db_int(s, PLANS_NUMBER));
	page_text(c, d, "PLAN_TITLE", db_text(s, PLANS_TITLE_PT), db_text(s, PLANS_TITLE_EN));
	page_period(c, d, "PERIOD", db_text(s, PLANS_START), db_text(s, PLANS_END));
	page_enum(c, d, "STATUS", "plan_status", db_text(s, PLANS_STATUS));
	tpl_set_int(d, "N", db_int(s, PLANS_COUNT));
	page_progress(c, d, roll, 1);
	headline_plan(c, d, db_int64(s, PLANS_ID));
}

/* The plans, the current one (the latest in implementation, else the latest) first. */
static void
plans(struct ctx *c, tpl_dict *b)
{
	long long       ids[HOME_PLANS_MAX];
	struct progress roll[HOME_PLANS_MAX];
	sqlite3_stmt   *s;
	size_t          n = 0, i, cur = 0;
	int             found = 0;

	n = rollup_plans(ST_PLANS, ids, roll, HOME_PLANS_MAX);
	s = db_stmt(ST_PLANS);
	for (i = 0; db_step(s) == SQLITE_ROW && i < n; i++) {
		const char *st = db_text(s, PLANS_STATUS);
		if (st != NULL && strcmp(st, "implementation") == 0) {
			cur = i;
			found = 1;
		} else if (!found)
			cur = i;
	}
	s = db_stmt(ST_PLANS);
	for (i = 0; db_step(s) == SQLITE_ROW && i < n; i++) {
		if (i == cur)
			plan_card(c, tpl_section(b, "CURRENT"), s, &roll[i]);
		plan_card(c, tpl_section(b, "PLAN"), s, &roll[i]);
	}
}

int
page_home(struct ctx *c)
{
	tpl_dict     *b = page_body(c, "home.tpl"), *e;
	sqlite3_stmt *s;
	char          feed[32];
	int           n = 0;

	page_title(c, "%s", i18n("L_SITE_NAME", c->en));
	snprintf(feed, sizeof feed, "/%s/feed.atom", c->lang);
	page_feed_link(c, feed, i18n("L_SITE_NAME", c->en));
	tpl_set(b, "FEED", feed);
	s = db_stmt(ST_COUNTS);
	if (db_step(s) == SQLITE_ROW) {
		tpl_set_int(b, "N_MEMBERS", db_int(s, COUNT_MEMBERS));
		if (db_int(s, COUNT_LIKELY) > 0) {
			tpl_set_int(tpl_section(b, "LIKELY"), "N_LIKELY", db_int(s, COUNT_LIKELY));
			page_doubt(c, b, "LIKELY_DOUBT", "unconfirmed");
		}
		tpl_set_int(b, "N_PLANS", db_int(s, COUNT_PLANS));
		tpl_set_int(b, "N_COMMITMENTS", db_int(s, COUNT_COMMITMENTS));
	}
	plans(c, b);
	s = db_stmt(ST_EVENTS_UPCOMING);
	db_bind_text(s, 1, c->today);
	db_bind_int(s, 2, HOME_EVENTS);
	while (db_step(s) == SQLITE_ROW) {
		e = tpl_section(b, "EVENT");
		tpl_set_int(e, "ID", db_int64(s, EV_ID));
		page_text(c, e, "TITLE", db_text(s, EV_TITLE_PT), db_text(s, EV_TITLE_EN));
		page_when(c, e, db_text(s, EV_START), db_text(s, EV_END), db_text(s, EV_NOTE_PT),
		    db_text(s, EV_NOTE_EN));
		n++;
	}
	tpl_show(b, n > 0 ? "HAS_UPCOMING" : "NO_UPCOMING");
	page_follow_form(c, b, "site", NULL);
	return 200;
}
