/* The network: what it is, its bodies by membership, and one body's page. */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/glance.h"
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

/* Sets key (and key_LANG, key_HAS_ACRONYM...) of a section named key of d to a body of
 * the network's row as a link to its page, or shows NO_key when it is not recorded. */
static void
network_body(struct ctx *c, tpl_dict *d, const char *key, sqlite3_stmt *s, int col)
{
	tpl_dict *b;
	char      none[32];

	if (db_text(s, col) == NULL) { /* the slug */
		snprintf(none, sizeof none, "NO_%s", key);
		tpl_show(d, none);
		return;
	}
	b = tpl_section(d, key);
	tpl_set(b, "SLUG", db_text(s, col));
	page_entity_name(
	    c, b, "NAME", db_text(s, col + 1), db_text(s, col + 2), db_text(s, col + 3));
}

/* The network's own row (GL_NETWORK): description, coordinator, focal point and since
 * when, contact, OGP membership, note and sources. */
static void
network_row(struct ctx *c, tpl_dict *b)
{
	sqlite3_stmt *s = gl_stmt(GL_NETWORK);
	const char   *since;

	if (db_step(s) != SQLITE_ROW) {
		tpl_show(b, "NO_NETWORK");
		return;
	}
	b = tpl_section(b, "NETWORK");
	page_paras(c, b, "DESC", db_text(s, GLN_DESC_PT), db_text(s, GLN_DESC_EN));
	network_body(c, b, "COORD", s, GLN_COORD_SLUG);
	network_body(c, b, "FOCAL", s, GLN_FOCAL_SLUG);
	since = page_text(
	    c, b, "SINCE", db_text(s, GLN_FOCAL_SINCE_PT), db_text(s, GLN_FOCAL_SINCE_EN));
	if (since == NULL)
		page_date(c, b, "SINCE_DATE", db_text(s, GLN_FOCAL_SINCE));
	if (db_text(s, GLN_CONTACT) != NULL) {
		tpl_show(b, "HAS_CONTACT");
		tpl_set(b, "CONTACT", db_text(s, GLN_CONTACT));
	} else
		tpl_show(b, "NO_CONTACT");
	page_date(c, b, "OGP_SINCE", db_text(s, GLN_OGP_SINCE));
	if (page_text(c, b, "NOTE", db_text(s, GLN_NOTE_PT), db_text(s, GLN_NOTE_EN)) != NULL)
		tpl_show(b, "HAS_NOTE");
	page_url_lines(c, b, "HAS_SOURCES", "SOURCE", db_text(s, GLN_SOURCES));
	db_reset(s);
}

/* The bodies by membership (GL_MEMBERS) as GROUP sections of b: founding members,
 * members, likely members (each marked by its doubt), those whose membership is not
 * recorded, and those that are not members (the network itself, OGP). */
static void
member_groups(struct ctx *c, tpl_dict *b)
{
	sqlite3_stmt *s = gl_stmt(GL_MEMBERS);
	tpl_dict     *g = NULL, *d;
	char          group[32] = "", key[48];
	const char   *st;

	while (db_step(s) == SQLITE_ROW) {
		st = db_text(s, GLB_STATUS) ? db_text(s, GLB_STATUS) : "unknown";
		if (g == NULL || strcmp(group, st) != 0) {
			g = tpl_section(b, "GROUP");
			snprintf(group, sizeof group, "%s", st);
			tpl_set(g, "CODE", st);
			snprintf(key, sizeof key, "L_GROUP_%s", st);
			tpl_set(g, "LABEL", i18n(key, c->en));
			snprintf(key, sizeof key, "L_GROUP_%s_INTRO", st);
			tpl_set(g, "INTRO", i18n(key, c->en));
		}
		d = tpl_section(g, "ENTITY");
		tpl_set(d, "SLUG", db_text(s, GLB_SLUG));
		page_entity_name(c, d, "NAME", db_text(s, GLB_ACRONYM), db_text(s, GLB_NAME_PT),
		    db_text(s, GLB_NAME_EN));
		if (strcmp(st, "unknown") != 0 && strcmp(st, "not_member") != 0)
			page_doubt(c, d, "DOUBT", db_text(s, GLB_CONF));
		if (page_text(c, d, "NOTE", db_text(s, GLB_NOTE_PT), db_text(s, GLB_NOTE_EN)) !=
		    NULL)
			tpl_show(d, "HAS_NOTE");
	}
}

int
page_network(struct ctx *c)
{
	tpl_dict *b = page_body(c, "network.tpl");

	page_title(c, "%s", i18n("L_NETWORK_HEADING", c->en));
	network_row(c, b);
	about_text(c, b);
	member_groups(c, b);
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
		page_commitment_doubts(c, d,
		    page_text(c, d, "TITLE", db_text(s, EC_TITLE_PT), db_text(s, EC_TITLE_EN)),
		    db_text(s, EC_TITLE_PT), db_text(s, EC_TITLE_PT_CONF),
		    db_text(s, EC_TITLE_EN_CONF), db_text(s, EC_OGP_CONF));
		page_doubt(c, d, "DOUBT", db_text(s, EC_CONF));
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

/* The commitments a body is partner in or proposed (GL_ENTITY_PARTIES), apart from
 * those it leads or supports: PARTY in HAS_PARTIES of b, each PARTNER (with its note) or
 * PROPOSER, with its source. */
static void
entity_parties(struct ctx *c, tpl_dict *b, long long id)
{
	sqlite3_stmt *s = gl_stmt(GL_ENTITY_PARTIES);
	tpl_dict     *h = NULL, *d, *r;
	char          ord[64];

	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "HAS_PARTIES");
		d = tpl_section(h, "PARTY");
		tpl_set(d, "OGP_ID", db_text(s, GLY_OGP_ID));
		page_text(c, d, "TITLE", db_text(s, GLY_TITLE_PT), db_text(s, GLY_TITLE_EN));
		snprintf(ord, sizeof ord, "%s %d", i18n("T_PLAN", c->en), db_int(s, GLY_PLAN));
		tpl_set(d, "PLAN_ORDINAL", ord);
		if (strcmp(db_text(s, GLY_RELATION), "partner") == 0) {
			r = tpl_section(d, "PARTNER");
			if (page_text(
				c, r, "P_NOTE", db_text(s, GLY_NOTE_PT), db_text(s, GLY_NOTE_EN)))
				tpl_show(r, "HAS_P_NOTE");
		} else
			tpl_show(d, "PROPOSER");
		if (db_text(s, GLY_SOURCE) != NULL) {
			r = tpl_section(d, "SRC");
			tpl_set(r, "URL", db_text(s, GLY_SOURCE));
			page_url_label(c, r, "LABEL", db_text(s, GLY_SOURCE),
			    db_text(s, GLY_SRC_PT), db_text(s, GLY_SRC_EN));
		}
	}
}

/* The evidence of a body's membership (GL_EVIDENCE): EVIDENCE in HAS_EVIDENCE of b,
 * each with its date, note and source. */
static void
entity_evidence(struct ctx *c, tpl_dict *b, long long id)
{
	sqlite3_stmt *s = gl_stmt(GL_EVIDENCE);
	tpl_dict     *h = NULL, *d;

	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "HAS_EVIDENCE");
		d = tpl_section(h, "EVIDENCE");
		page_date(c, d, "DATE", db_text(s, GLE_DATE));
		page_text(c, d, "E_NOTE", db_text(s, GLE_NOTE_PT), db_text(s, GLE_NOTE_EN));
		if (db_text(s, GLE_SOURCE) != NULL) {
			tpl_show(d, "HAS_SOURCE");
			tpl_set(d, "URL", db_text(s, GLE_SOURCE));
			page_url_label(c, d, "LABEL", db_text(s, GLE_SOURCE),
			    db_text(s, GLE_SRC_PT), db_text(s, GLE_SRC_EN));
		}
	}
}

/* The overdue milestones of the commitments a body leads (GL_ENTITY_OVERDUE) on
 * c->today: OVERDUE in HAS_OVERDUE, or NO_OVERDUE. */
static void
entity_overdue(struct ctx *c, tpl_dict *b, long long id)
{
	sqlite3_stmt *s = gl_stmt(GL_ENTITY_OVERDUE);
	int           n = 0;

	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, c->today);
	if (db_step(s) == SQLITE_ROW)
		n = db_int(s, GLO_COUNT);
	db_reset(s);
	tpl_set_int(b, "OVERDUE", n);
	tpl_show(b, n > 0 ? "HAS_OVERDUE" : "NO_OVERDUE");
}

/* A body's membership: its status (domain "member_status") and, for a member, its doubt,
 * since and until (a body not a member, or whose membership is not recorded, shows
 * them only when they are recorded). */
static void
membership(struct ctx *c, tpl_dict *b, sqlite3_stmt *s)
{
	const char *st = db_text(s, MEMBER_STATUS);
	int member = st != NULL && strcmp(st, "not_member") != 0 && strcmp(st, "unknown") != 0;

	page_enum(c, b, "MSTATUS", "member_status", st);
	if (member)
		page_doubt(c, b, "MDOUBT", db_text(s, MEMBER_CONF));
	if (member || db_text(s, MEMBER_SINCE) != NULL)
		page_date(c, tpl_section(b, "HAS_SINCE"), "SINCE", db_text(s, MEMBER_SINCE));
	if (db_text(s, MEMBER_UNTIL) != NULL)
		page_date(c, tpl_section(b, "HAS_UNTIL"), "UNTIL", db_text(s, MEMBER_UNTIL));
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
	tpl_show(b, db_text(s, MEMBER_ACRONYM) && (pt || en) ? "SHORT_ABBR" : "SHORT_PLAIN");
	tpl_set(b, "KIND", i18n_enum("entity_kind", db_text(s, MEMBER_KIND), c->en));
	if (db_text(s, MEMBER_WEBSITE) != NULL) {
		tpl_show(b, "SITE");
		tpl_set(b, "SITE_URL", db_text(s, MEMBER_WEBSITE));
		page_url_state(c, b, "SITE_STATE", db_text(s, MEMBER_WEBSITE));
	} else
		tpl_show(b, "NO_SITE");
	membership(c, b, s);
	page_paras(c, b, "DESC", db_text(s, MEMBER_DESC_PT), db_text(s, MEMBER_DESC_EN));
	if (page_text(c, b, "NOTE", db_text(s, MEMBER_NOTE_PT), db_text(s, MEMBER_NOTE_EN)) != NULL)
		tpl_show(b, "HAS_NOTE");
	db_reset(s);
	entity_commitments(c, b, id);
	entity_parties(c, b, id);
	entity_overdue(c, b, id);
	entity_evidence(c, b, id);
	s = db_stmt(ST_ENTITY_LINKS);
	db_bind_int64(s, 1, id);
	page_links(c, b, "HAS_LINKS", "LINK", s);
	page_follow_form(c, b, "entity", c->arg[0]);
	return 200;
}
