/* Events: upcoming first, then past ones by year (the Open Gov Week archive). */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/records.h"
#include "view/i18n.h"
#include "pages/pages.h"
#include "view/page.h"

/* Steps f (RC_EVENT) on event id whose dates are start and end, and sets STATUS of d
 * (held, announced, or announced and over without a record that it took place) and the
 * marker of how sure the dates are (DATE_DOUBT); STATUS is in section HELD, or
 * STATUS_MISSING is shown.  Returns 1 when f is on its row. */
static int
facts(struct ctx *c, tpl_dict *d, sqlite3_stmt *f, long long id, const char *start, const char *end)
{
	db_bind_int64(f, 1, id);
	if (db_step(f) != SQLITE_ROW)
		return 0;
	if (db_text(f, RE_STATUS) != NULL)
		page_held_status(
		    c, tpl_section(d, "HELD"), "STATUS", db_text(f, RE_STATUS), end ? end : start);
	else
		tpl_show(d, "STATUS_MISSING");
	page_doubt(c, d, "DATE_DOUBT", db_text(f, RE_DATE_CONF));
	return 1;
}

/* Fills an event list item from a row of ST_EVENTS / ST_EVENTS_UPCOMING: its title in
 * the page language (else the other, marked), kind, status and dates. */
static void
item(struct ctx *c, tpl_dict *d, sqlite3_stmt *s)
{
	sqlite3_stmt *f;

	tpl_set_int(d, "ID", db_int64(s, EV_ID));
	if (page_text(c, d, "TITLE", db_text(s, EV_TITLE_PT), db_text(s, EV_TITLE_EN)) == NULL)
		tpl_set(d, "TITLE", i18n("L_TITLE_NOT_RECORDED", c->en));
	tpl_set(d, "KIND", i18n_enum("event_kind", db_text(s, EV_KIND), c->en));
	page_when(c, d, db_text(s, EV_START), db_text(s, EV_END), db_text(s, EV_NOTE_PT),
	    db_text(s, EV_NOTE_EN));
	f = rc_stmt(RC_EVENT);
	facts(c, d, f, db_int64(s, EV_ID), db_text(s, EV_START), db_text(s, EV_END));
	db_reset(f);
}

int
page_events_list(struct ctx *c)
{
	tpl_dict     *b = page_body(c, "events.tpl"), *y = NULL, *h = NULL;
	sqlite3_stmt *s;
	char          year[8] = "", key[8];
	const char   *start, *end;

	page_title(c, "%s", i18n("T_EVENTS", c->en));
	s = db_stmt(ST_EVENTS_UPCOMING);
	db_bind_text(s, 1, c->today);
	db_bind_int(s, 2, 1000);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "HAS_UPCOMING");
		item(c, tpl_section(h, "UP"), s);
	}
	if (h == NULL)
		tpl_show(b, "NO_UPCOMING");
	s = db_stmt(ST_EVENTS);
	while (db_step(s) == SQLITE_ROW) {
		start = db_text(s, EV_START);
		end = db_text(s, EV_END) ? db_text(s, EV_END) : start;
		if (end != NULL && strcmp(end, c->today) >= 0)
			continue; /* listed as upcoming */
		/* One group a year, and one for the undated (listed last). */
		snprintf(key, sizeof key, "%.4s", start ? start : "-");
		if (y == NULL || strcmp(year, key) != 0) {
			y = tpl_section(b, "YEAR");
			snprintf(year, sizeof year, "%s", key);
			tpl_set(y, "YEAR_LABEL", start ? year : i18n("UNDATED", c->en));
		}
		item(c, tpl_section(y, "EV"), s);
	}
	return 200;
}

/* Adds the co-organising bodies of event id as further ORG sections of b, each linking
 * its member page.  Returns how many. */
static int
co_organisers(struct ctx *c, tpl_dict *b, long long id)
{
	sqlite3_stmt *s = rc_stmt(RC_EVENT_ORGS);
	tpl_dict     *o;
	int           n = 0;

	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		o = tpl_section(b, "ORG");
		tpl_show(o, "ORG_SEP");
		tpl_set(o, "ORG_SLUG", db_text(s, RO_SLUG));
		page_entity_name(c, o, "ORG_NAME", db_text(s, RO_ACRONYM), db_text(s, RO_NAME_PT),
		    db_text(s, RO_NAME_EN));
		n++;
	}
	db_reset(s);
	return n;
}

/* Fills who organised event row s: the body of organiser_id (f, RC_EVENT, on its row
 * when has), linking its member page, its co-organising bodies, then the others the
 * source names (EV_ORGANISER); the source's words alone without a body; "not yet
 * recorded" without either. */
static void
organiser(struct ctx *c, tpl_dict *b, sqlite3_stmt *s, sqlite3_stmt *f, int has, long long id)
{
	const char *text = db_text(s, EV_ORGANISER);
	tpl_dict   *o;

	if (has && db_text(f, RE_ORG_SLUG) != NULL) {
		o = tpl_section(b, "ORG");
		tpl_set(o, "ORG_SLUG", db_text(f, RE_ORG_SLUG));
		page_entity_name(c, o, "ORG_NAME", db_text(f, RE_ORG_ACRONYM),
		    db_text(f, RE_ORG_NAME_PT), db_text(f, RE_ORG_NAME_EN));
		co_organisers(c, b, id);
		if (text != NULL)
			tpl_set(tpl_section(b, "ALSO"), "OTHERS", text);
	} else if (text != NULL)
		tpl_set(b, "ORGANISER", text);
	else
		tpl_show(b, "ORGANISER_MISSING");
}

/* Fills the plan (f, RC_EVENT, on its row when has) and the commitments event id
 * belongs to, each a link with its title. */
static void
belongs(struct ctx *c, tpl_dict *b, sqlite3_stmt *f, int has, long long id)
{
	sqlite3_stmt *s;
	tpl_dict     *d, *h = NULL;

	if (has && !db_null(f, RE_PLAN_NUMBER)) {
		d = tpl_section(b, "PLAN");
		tpl_set_int(d, "PLAN_NUMBER", db_int(f, RE_PLAN_NUMBER));
		page_text(c, d, "PLAN_TITLE", db_text(f, RE_PLAN_PT), db_text(f, RE_PLAN_EN));
	}
	s = rc_stmt(RC_EVENT_CMTS);
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "CMTS");
		d = tpl_section(h, "CMT");
		tpl_set(d, "OGP_ID", db_text(s, RM_OGP_ID));
		if (page_text(c, d, "C_TITLE", db_text(s, RM_TITLE_PT), db_text(s, RM_TITLE_EN)) ==
		    NULL)
			tpl_set(d, "C_TITLE", i18n("L_TITLE_NOT_RECORDED", c->en));
	}
}

/* Fills where event row s takes place and its page elsewhere, named by its host. */
static void
place(struct ctx *c, tpl_dict *b, sqlite3_stmt *s)
{
	int where = 0;

	if (db_text(s, EV_PLACE_PT) != NULL || db_text(s, EV_PLACE_EN) != NULL) {
		page_text(c, tpl_section(b, "PLACE"), "PLACE_TEXT", db_text(s, EV_PLACE_PT),
		    db_text(s, EV_PLACE_EN));
		where = 1;
	}
	if (db_int(s, EV_ONLINE) == 1 && !db_null(s, EV_ONLINE)) {
		tpl_show(b, "ONLINE");
		where = 1;
	}
	if (!where)
		tpl_show(b, "NO_PLACE");
	if (db_text(s, EV_INFO_URL) != NULL) {
		tpl_show(b, "URL");
		tpl_set(b, "URL_HREF", db_text(s, EV_INFO_URL));
		page_url_label(c, b, "URL_LABEL", db_text(s, EV_INFO_URL), NULL, NULL);
		page_url_state(c, b, "URL_STATE", db_text(s, EV_INFO_URL));
	} else
		tpl_show(b, "NO_URL");
}

int
page_events_show(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_EVENT), *f;
	tpl_dict     *b;
	const char   *t;
	int           has;

	db_bind_int64(s, 1, c->num);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_EVENT";
		return 404;
	}
	b = page_body(c, "event.tpl");
	tpl_set_int(b, "ID", c->num);
	t = page_text(c, b, "TITLE", db_text(s, EV_TITLE_PT), db_text(s, EV_TITLE_EN));
	page_title(c, "%s", t ? t : i18n("T_EVENTS", c->en));
	tpl_set(b, "SHORT", t ? t : "");
	tpl_set(b, "KIND", i18n_enum("event_kind", db_text(s, EV_KIND), c->en));
	page_when(c, b, db_text(s, EV_START), db_text(s, EV_END), db_text(s, EV_NOTE_PT),
	    db_text(s, EV_NOTE_EN));
	if (page_ics_has_day(db_text(s, EV_START)))
		tpl_show(b, "CALENDAR");
	f = rc_stmt(RC_EVENT);
	has = facts(c, b, f, c->num, db_text(s, EV_START), db_text(s, EV_END));
	place(c, b, s);
	organiser(c, b, s, f, has, c->num);
	belongs(c, b, f, has, c->num);
	db_reset(f);
	page_paras(c, b, "DESC", db_text(s, EV_DESC_PT), db_text(s, EV_DESC_EN));
	db_reset(s);
	s = db_stmt(ST_EVENT_LINKS);
	db_bind_int64(s, 1, c->num);
	page_links(c, b, "HAS_LINKS", "LINK", s);
	return 200;
}
