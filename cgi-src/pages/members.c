/* The network: what it is, its members by sector, and one body's page. */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "view/i18n.h"
#include "pages/pages.h"
#include "store/rollup.h"
#include "view/page.h"

/* Fills text of the "about" page into BODY / BODY_P of b. */
static void
about_text(struct ctx *c, tpl_dict *b)
{
	sqlite3_stmt *s = db_stmt(ST_PAGE);

	db_bind_text(s, 1, "about");
	if (db_step(s) == SQLITE_ROW)
		page_paras(c, b, "BODY", db_text(s, PAGE_BODY_PT), db_text(s, PAGE_BODY_EN));
	else
		tpl_show(b, "BODY_MISSING");
}

int
page_network(struct ctx *c)
{
	tpl_dict     *b = page_body(c, "network.tpl"), *g = NULL, *d;
	sqlite3_stmt *s;
	char          kind[32] = "";
	const char   *k;

	page_title(c, "%s", i18n("L_NETWORK_HEADING", c->en));
	about_text(c, b);
	s = db_stmt(ST_ENTITIES);
	while (db_step(s) == SQLITE_ROW) {
		k = db_text(s, MEMBERS_KIND);
		if (db_int(s, MEMBERS_IS_MEMBER)) {
			if (g == NULL || strcmp(kind, k) != 0) {
				g = tpl_section(b, "GROUP");
				tpl_set(g, "KIND", i18n_enum("entity_kind", k, c->en));
				snprintf(kind, sizeof kind, "%s", k);
			}
			d = tpl_section(g, "ENTITY");
			if (page_text(c, d, "NOTE", db_text(s, MEMBERS_NOTE_PT),
				db_text(s, MEMBERS_NOTE_EN)) != NULL)
				tpl_show(d, "HAS_NOTE");
		} else
			d = tpl_section(b, "OTHER");
		tpl_set(d, "SLUG", db_text(s, MEMBERS_SLUG));
		page_entity_name(c, d, "NAME", db_text(s, MEMBERS_ACRONYM),
		    db_text(s, MEMBERS_NAME_PT), db_text(s, MEMBERS_NAME_EN));
	}
	return 200;
}

/* The commitments a body leads or supports, with the roll-up of those it leads. */
static void
entity_commitments(struct ctx *c, tpl_dict *b, long long id)
{
	sqlite3_stmt   *s = db_stmt(ST_ENTITY_COMMITMENTS);
	struct progress roll, p;
	tpl_dict       *d, *hl = NULL, *hs = NULL;
	char            ord[64];
	int             lead;

	progress_init(&roll);
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		lead = strcmp(db_text(s, EC_ROLE), "lead") == 0;
		if (lead && hl == NULL)
			hl = tpl_section(b, "HAS_LEADS");
		if (!lead && hs == NULL)
			hs = tpl_section(b, "HAS_SUPPORTS");
		d = tpl_section(lead ? hl : hs, lead ? "LEADS" : "SUPPORTS");
		tpl_set(d, "OGP_ID", db_text(s, EC_OGP_ID));
		page_text(c, d, "TITLE", db_text(s, EC_TITLE_PT), db_text(s, EC_TITLE_EN));
		page_enum(c, d, "STATUS", "self_status", db_text(s, EC_STATUS));
		snprintf(ord, sizeof ord, "%s %d", i18n("T_PLAN", c->en), db_int(s, EC_PLAN));
		tpl_set(d, "PLAN_ORDINAL", ord);
		rollup_ms_agg(s, EC_AGG, &p);
		page_progress(c, d, &p, 0);
		if (lead)
			progress_add_rollup(&roll, &p);
	}
	if (hl == NULL)
		tpl_show(b, "NO_LEADS");
	if (hs == NULL)
		tpl_show(b, "NO_SUPPORTS");
	page_progress(c, b, &roll, 1);
}

int
page_member(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_ENTITY);
	tpl_dict     *b;
	long long     id;
	const char   *name, *pt, *en;
	char          feed[128];

	db_bind_text(s, 1, c->arg[0]);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NO_MEMBER";
		return 404;
	}
	b = page_body(c, "member.tpl");
	id = db_int64(s, MEMBER_ID);
	page_entity_name(c, b, "NAME", db_text(s, MEMBER_ACRONYM), db_text(s, MEMBER_NAME_PT),
	    db_text(s, MEMBER_NAME_EN));
	pt = db_text(s, MEMBER_NAME_PT);
	en = db_text(s, MEMBER_NAME_EN);
	name = c->en ? (en ? en : pt) : (pt ? pt : en);
	if (name == NULL)
		name = db_text(s, MEMBER_ACRONYM) ? db_text(s, MEMBER_ACRONYM)
						  : db_text(s, MEMBER_SLUG);
	page_title(c, "%s", name);
	snprintf(feed, sizeof feed, "/%s/members/%s/feed.atom", c->lang, c->arg[0]);
	page_feed_link(c, feed, name);
	tpl_set(b, "FEED", feed);
	tpl_set(b, "SHORT", db_text(s, MEMBER_ACRONYM) ? db_text(s, MEMBER_ACRONYM) : name);
	tpl_set(b, "KIND", i18n_enum("entity_kind", db_text(s, MEMBER_KIND), c->en));
	if (db_text(s, MEMBER_WEBSITE) != NULL) {
		tpl_show(b, "SITE");
		tpl_set(b, "SITE_URL", db_text(s, MEMBER_WEBSITE));
		page_url_state(c, b, "SITE_STATE", db_text(s, MEMBER_WEBSITE));
	} else
		tpl_show(b, "NO_SITE");
	tpl_show(b, db_int(s, MEMBER_IS_MEMBER) ? "MEMBER" : "NOT_MEMBER");
	page_date(c, b, "SINCE", db_text(s, MEMBER_SINCE));
	page_paras(c, b, "DESC", db_text(s, MEMBER_DESC_PT), db_text(s, MEMBER_DESC_EN));
	if (page_text(c, b, "NOTE", db_text(s, MEMBER_NOTE_PT), db_text(s, MEMBER_NOTE_EN)) != NULL)
		tpl_show(b, "HAS_NOTE");
	db_reset(s);
	entity_commitments(c, b, id);
	s = db_stmt(ST_ENTITY_LINKS);
	db_bind_int64(s, 1, id);
	page_links(c, b, "HAS_LINKS", "LINK", s);
	return 200;
}
