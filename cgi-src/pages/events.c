/* Events: upcoming first, then past ones by year (the Open Gov Week archive). */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "view/i18n.h"
#include "pages/pages.h"
#include "view/page.h"

/* Fills an event list item from a row of ST_EVENTS / ST_EVENTS_UPCOMING. */
static void
item(struct ctx *c, tpl_dict *d, sqlite3_stmt *s)
{
	tpl_set_int(d, "ID", db_int64(s, EV_ID));
	page_text(c, d, "TITLE", db_text(s, EV_TITLE_PT), db_text(s, EV_TITLE_EN));
	tpl_set(d, "KIND", i18n_enum("event_kind", db_text(s, EV_KIND), c->en));
	page_when(c, d, db_text(s, EV_START), db_text(s, EV_END), db_text(s, EV_NOTE_PT),
	    db_text(s, EV_NOTE_EN));
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

int
page_events_show(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_EVENT);
	tpl_dict     *b;
	const char   *t;
	int           where = 0;

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
	if (db_text(s, EV_ORGANISER) != NULL)
		tpl_set(b, "ORGANISER", db_text(s, EV_ORGANISER));
	else
		tpl_show(b, "ORGANISER_MISSING");
	if (db_text(s, EV_INFO_URL) != NULL) {
		tpl_show(b, "URL");
		tpl_set(b, "URL_HREF", db_text(s, EV_INFO_URL));
		page_url_state(c, b, "URL_STATE", db_text(s, EV_INFO_URL));
	} else
		tpl_show(b, "NO_URL");
	page_paras(c, b, "DESC", db_text(s, EV_DESC_PT), db_text(s, EV_DESC_EN));
	db_reset(s);
	s = db_stmt(ST_EVENT_LINKS);
	db_bind_int64(s, 1, c->num);
	page_links(c, b, "HAS_LINKS", "LINK", s);
	return 200;
}
