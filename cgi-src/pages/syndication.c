/* For machines and other sites: robots.txt, the sitemap, Atom feeds (the changes of
 * store/changes.h about the whole site, with the citizens' published proposals and
 * comments, a plan, a commitment, a body, an OGP value), iCalendar files of the events,
 * and the embeddable status badge of a commitment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/urlcode.h"
#include "http/resp.h"
#include "store/changes.h"
#include "store/db.h"
#include "store/trust.h"
#include "view/changes.h"
#include "view/i18n.h"
#include "pages/pages.h"
#include "view/page.h"
#include "lib/valid.h"

#define FEED_ENTRIES 50 /* changes in a feed at most (the newest) */

/* A feed: the thing whose changes it lists (store/changes.h), or an OGP value's code. */
struct feedq {
	enum follow_kind kind;
	long long        target;    /* the plan's, commitment's or body's id */
	const char      *value;     /* an OGP value (its commitments), or NULL */
	const char      *title;     /* the feed's title */
	char             page[256]; /* the page it belongs to, a path */
	char             self[256]; /* the feed's own path */
};

/* What the entries of one feed are written into. */
struct feedfill {
	struct ctx *c;
	tpl_dict   *b;
	char        newest[32]; /* the newest entry's time */
};

/* Writes the absolute URL of path into out. */
static void
absolute(const char *path, char *out, size_t len)
{
	snprintf(out, len, "%s%s", url_site_base(), path);
}

/* The Atom id of a change, the same in both languages' feeds: a change of the log by its
 * revision, any other by what it is about and its time, a figure also by its value (a
 * milestone's earlier figure and its current one may share a day). */
static void
entry_id(const struct change *ch, char *out, size_t len)
{
	int fig = ch->kind == CH_FIGURE && ch->after != NULL;

	if (ch->rev != 0)
		snprintf(out, len, "%s/revision/%lld", url_site_base(), ch->rev);
	else
		snprintf(out, len, "%s/change/%d/%s/%lld/%d/%s/%s%s%s", url_site_base(),
		    (int)ch->kind, ch->ogp_id ? ch->ogp_id : "-", ch->id, ch->milestone,
		    ch->field ? ch->field : "-", ch->at, fig ? "/" : "", fig ? ch->after : "");
}

/* One entry per change (changes_list's callback): its words, its time, its id. */
static int
feed_entry(const struct change *ch, void *arg)
{
	struct feedfill *f = arg;
	tpl_dict        *e = tpl_section(f->b, "ENTRY");
	char             id[512];

	change_dict(ch, f->c->en, e);
	tpl_set(e, "UPDATED", ch->at);
	entry_id(ch, id, sizeof id);
	tpl_set(e, "ID", id);
	if (strcmp(ch->at, f->newest) > 0)
		snprintf(f->newest, sizeof f->newest, "%s", ch->at);
	return 0;
}

/* The published proposals and comments, with their status and the network's answer (the
 * site feed).  Never the email address: it is not even read. */
static void
feed_submissions(struct ctx *c, tpl_dict *b, char *newest, size_t nlen)
{
	sqlite3_stmt *s = db_stmt(ST_FEED_SUBMISSIONS);
	tpl_dict     *e;
	char          href[512], title[800];
	const char   *ans, *kind, *id, *ogp;

	db_bind_int(s, 1, 20);
	while (db_step(s) == SQLITE_ROW) {
		e = tpl_section(b, "ENTRY");
		kind = db_text(s, FSUB_KIND);
		id = db_text(s, FSUB_ID);
		ogp = db_text(s, FSUB_OGP_ID);
		if (db_text(s, FSUB_CONSULTATION) != NULL)
			snprintf(href, sizeof href, "%s/%s/consultations/%s#s%s", url_site_base(),
			    c->lang, db_text(s, FSUB_CONSULTATION), id);
		else
			snprintf(href, sizeof href, "%s/%s/commitments/%s#s%s", url_site_base(),
			    c->lang, ogp, id);
		snprintf(title, sizeof title, "%s %s: %s (%s %s)%s%s",
		    i18n(strcmp(kind, "proposal") == 0 ? "L_PROPOSAL" : "L_COMMENT", c->en), id,
		    db_text(s, FSUB_TITLE) ? db_text(s, FSUB_TITLE)
			: ogp              ? ogp
					   : "",
		    i18n("L_BY", c->en), db_text(s, FSUB_AUTHOR),
		    strcmp(kind, "proposal") == 0 ? " — " : "",
		    strcmp(kind, "proposal") == 0
			? i18n_enum("outcome", db_text(s, FSUB_OUTCOME), c->en)
			: "");
		ans = c->en ? (db_text(s, FSUB_ANSWER_EN) ? db_text(s, FSUB_ANSWER_EN)
							  : db_text(s, FSUB_ANSWER_PT))
			    : (db_text(s, FSUB_ANSWER_PT) ? db_text(s, FSUB_ANSWER_PT)
							  : db_text(s, FSUB_ANSWER_EN));
		tpl_set(e, "TITLE", title);
		tpl_set(e, "SUMMARY", ans ? ans : title);
		tpl_set(e, "UPDATED", db_text(s, FSUB_UPDATED));
		tpl_set(e, "HREF", href);
		tpl_set(e, "ID", href);
		if (strcmp(db_text(s, FSUB_UPDATED), newest) > 0)
			snprintf(newest, nlen, "%s", db_text(s, FSUB_UPDATED));
	}
}

/* The time of a feed without entries: its record's own last change on this site
 * (ST_FEED_UPDATED: the plan's, commitment's or body's updated_at, the latest of an OGP
 * value's commitments, the site's last change), which may be the day it was imported. */
static void
record_updated(const struct feedq *q, char *out, size_t len)
{
	sqlite3_stmt *s = db_stmt(ST_FEED_UPDATED);

	if (q->value != NULL)
		db_bind_text(s, 4, q->value);
	else if (q->kind != FOLLOW_SITE)
		db_bind_int64(s,
		    q->kind == FOLLOW_PLAN             ? 1
			: q->kind == FOLLOW_COMMITMENT ? 2
						       : 3,
		    q->target);
	if (db_step(s) == SQLITE_ROW && db_text(s, FU_AT) != NULL)
		snprintf(out, len, "%s", db_text(s, FU_AT));
	db_reset(s);
}

/* Renders an Atom feed for q into the response: its changes, newest first, with the
 * content's dated facts (the site's feed also the citizens' published submissions);
 * updated at its newest entry or, without entries, at its record's last change, which
 * the feed then says in a comment. */
static int
feed(struct ctx *c, const struct feedq *q)
{
	struct feedfill f = { c, tpl_dict_new(), "" };
	const int       flags = CHANGES_FACTS | CHANGES_NEWEST_FIRST;
	char            url[512];
	int             rc;

	if (f.b == NULL)
		return 500;
	tpl_set(f.b, "LANG", c->lang);
	tpl_set(f.b, "FEED_TITLE", q->title);
	tpl_set(f.b, "SUBTITLE", i18n("FEED_SUBTITLE", c->en));
	tpl_set(f.b, "AUTHOR", i18n("L_SITE_NAME", c->en));
	absolute(q->self, url, sizeof url);
	tpl_set(f.b, "SELF", url);
	tpl_set(f.b, "FEED_ID", url);
	absolute(q->page, url, sizeof url);
	tpl_set(f.b, "ALT", url);
	rc = q->value != NULL
	    ? changes_list_value(q->value, 0, c->now, FEED_ENTRIES, flags, feed_entry, &f)
	    : changes_list(q->kind, q->target, 0, 0, c->now, FEED_ENTRIES, flags, feed_entry, &f);
	if (rc >= 0 && q->kind == FOLLOW_SITE && q->value == NULL)
		feed_submissions(c, f.b, f.newest, sizeof f.newest);
	if (f.newest[0] == '\0') {
		record_updated(q, f.newest, sizeof f.newest);
		tpl_set(tpl_section(f.b, "EMPTY"), "NOTE", i18n("FEED_EMPTY", c->en));
	}
	if (rc < 0 || db_failed()) { /* no body: the dispatcher answers with its error page */
		tpl_dict_free(f.b);
		return 503;
	}
	tpl_set(f.b, "UPDATED", f.newest);
	rc = tpl_render("atom.tpl", f.b, &c->resp->body);
	tpl_dict_free(f.b);
	c->resp->ctype = "application/atom+xml; charset=utf-8";
	return rc == 0 ? 200 : 500;
}

int
page_feed_site(struct ctx *c)
{
	struct feedq q = { FOLLOW_SITE, 0, NULL, i18n("L_SITE_NAME", c->en), "", "" };

	snprintf(q.page, sizeof q.page, "/%s/", c->lang);
	snprintf(q.self, sizeof q.self, "/%s/feed.atom", c->lang);
	return feed(c, &q);
}

int
page_feed_plan(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_PLAN_BY_NUMBER);
	struct feedq  q = { FOLLOW_PLAN, 0, NULL, NULL, "", "" };
	char          title[600];

	db_bind_int64(s, 1, c->num);
	if (db_step(s) != SQLITE_ROW)
		return c->error = "ERR_NO_PLAN", 404;
	q.target = db_int64(s, PLAN_ID);
	snprintf(title, sizeof title, "%s %lld", i18n("T_PLAN", c->en), c->num);
	q.title = title;
	snprintf(q.page, sizeof q.page, "/%s/plans/%lld", c->lang, c->num);
	snprintf(q.self, sizeof q.self, "/%s/plans/%lld/feed.atom", c->lang, c->num);
	db_reset(s);
	return feed(c, &q);
}

int
page_feed_commitment(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_COMMITMENT);
	struct feedq  q = { FOLLOW_COMMITMENT, 0, NULL, c->arg[0], "", "" };

	db_bind_text(s, 1, c->arg[0]);
	if (db_step(s) != SQLITE_ROW)
		return c->error = "ERR_NO_COMMITMENT", 404;
	q.target = db_int64(s, CM_ID);
	db_reset(s);
	snprintf(q.page, sizeof q.page, "/%s/commitments/%s", c->lang, c->arg[0]);
	snprintf(q.self, sizeof q.self, "/%s/commitments/%s/feed.atom", c->lang, c->arg[0]);
	return feed(c, &q);
}

int
page_feed_member(struct ctx *c)
{
	sqlite3_stmt *s = db_stmt(ST_ENTITY);
	struct feedq  q = { FOLLOW_ENTITY, 0, NULL, c->arg[0], "", "" };

	db_bind_text(s, 1, c->arg[0]);
	if (db_step(s) != SQLITE_ROW)
		return c->error = "ERR_NO_MEMBER", 404;
	q.target = db_int64(s, MEMBER_ID);
	db_reset(s);
	snprintf(q.page, sizeof q.page, "/%s/members/%s", c->lang, c->arg[0]);
	snprintf(q.self, sizeof q.self, "/%s/members/%s/feed.atom", c->lang, c->arg[0]);
	return feed(c, &q);
}

int
page_feed_value(struct ctx *c)
{
	static const char *const values[] = { "access-to-information", "civic-participation",
		"public-accountability", "technology-innovation", NULL };
	static const char *const codes[] = { "access_to_information", "civic_participation",
		"public_accountability", "technology_innovation" };
	struct feedq             q = { FOLLOW_SITE, 0, NULL, NULL, "", "" };
	int                      i;

	for (i = 0; values[i] != NULL && strcmp(values[i], c->arg[0]) != 0; i++)
		;
	if (values[i] == NULL)
		return c->error = "ERR_NOT_FOUND", 404;
	q.value = codes[i];
	q.title = i18n_enum("ogp_value", codes[i], c->en);
	snprintf(q.page, sizeof q.page, "/%s/plans", c->lang);
	snprintf(q.self, sizeof q.self, "/%s/values/%s/feed.atom", c->lang, c->arg[0]);
	return feed(c, &q);
}

int
page_robots(struct ctx *c)
{
	c->resp->ctype = "text/plain; charset=utf-8";
	buf_printf(&c->resp->body,
	    "User-agent: *\nDisallow: /admin/\nDisallow: /uploads/\n"
	    "Sitemap: %s/sitemap.xml\n",
	    url_site_base());
	return 200;
}

/* Adds one page of the sitemap in both languages: path is what follows /pt or /en. */
static void
sitemap_url(tpl_dict *b, const char *path, const char *lastmod)
{
	char pt[512], en[512];
	int  l;

	snprintf(pt, sizeof pt, "%s/pt%s", url_site_base(), path);
	snprintf(en, sizeof en, "%s/en%s", url_site_base(), path);
	for (l = 0; l < 2; l++) {
		tpl_dict *u = tpl_section(b, "URL");
		tpl_set(u, "LOC", l ? en : pt);
		tpl_set(u, "PT", pt);
		tpl_set(u, "EN", en);
		if (lastmod != NULL)
			tpl_set(tpl_section(u, "LASTMOD"), "DATE", lastmod);
	}
}

int
page_sitemap(struct ctx *c)
{
	static const char *const fixed[] = { "/", "/network", "/plans", "/events", "/ogp",
		"/accessibility", NULL };
	tpl_dict                *b = tpl_dict_new();
	sqlite3_stmt            *s = db_stmt(ST_SITEMAP);
	char                     path[256];
	int                      i, rc;

	if (b == NULL)
		return 500;
	for (i = 0; fixed[i] != NULL; i++)
		sitemap_url(b, fixed[i], NULL);
	while (db_step(s) == SQLITE_ROW) {
		snprintf(path, sizeof path, "/%s/%s", db_text(s, SM_KIND), db_text(s, SM_KEY));
		sitemap_url(b, path, db_text(s, SM_UPDATED));
	}
	if (db_failed()) { /* no body: the dispatcher answers with its error page */
		tpl_dict_free(b);
		return 503;
	}
	rc = tpl_render("sitemap.tpl", b, &c->resp->body);
	tpl_dict_free(b);
	c->resp->ctype = "application/xml; charset=utf-8";
	return rc == 0 ? 200 : 500;
}

/* Appends an iCalendar content line "name:value" to out, with value escaped (RFC 5545
 * 3.3.11) and the line folded at 75 octets without splitting a UTF-8 character. */
static void
ics_line(struct buf *out, const char *name, const char *value)
{
	struct buf l = { 0 };
	size_t     i, col = 0, n;

	buf_puts(&l, name);
	buf_put(&l, ":", 1);
	for (; value != NULL && *value != '\0'; value++) {
		if (*value == '\\' || *value == ';' || *value == ',')
			buf_put(&l, "\\", 1);
		if (*value == '\n') {
			buf_put(&l, "\\n", 2);
			continue;
		}
		if ((unsigned char)*value < 0x20)
			continue;
		buf_put(&l, value, 1);
	}
	for (i = 0; l.p != NULL && i < l.len; i += n) {
		for (n = 0; i + n < l.len && col + n < 74;) {
			size_t        ch = 1;
			unsigned char b = (unsigned char)l.p[i + n];
			if (b >= 0xf0)
				ch = 4;
			else if (b >= 0xe0)
				ch = 3;
			else if (b >= 0xc0)
				ch = 2;
			if (col + n + ch > 74)
				break;
			n += ch;
		}
		if (col > 0)
			buf_put(out, "\r\n ", 3);
		buf_put(out, l.p + i, n);
		col = 1;
	}
	buf_put(out, "\r\n", 2);
	buf_free(&l);
}

int
page_ics_has_day(const char *start)
{
	return start != NULL && strlen(start) == 10 && valid_date(start);
}

/* Writes one VEVENT from a row of ST_EVENT or ST_EVENTS (EV_* up to EV_ORGANISER);
 * events without a full start date are left out (page_ics_has_day).  Returns 1 if
 * written. */
static int
ics_event(struct ctx *c, struct buf *out, sqlite3_stmt *s, const char *stamp)
{
	const char *start = db_text(s, EV_START), *end = db_text(s, EV_END), *t;
	char        v[600], d[16];
	struct tm   tm;
	time_t      x;

	if (!page_ics_has_day(start))
		return 0;
	buf_puts(out, "BEGIN:VEVENT\r\n");
	snprintf(v, sizeof v, "event-%s@%s", db_text(s, EV_ID), page_base_host());
	ics_line(out, "UID", v);
	ics_line(out, "DTSTAMP", stamp);
	snprintf(d, sizeof d, "%.4s%.2s%.2s", start, start + 5, start + 8);
	ics_line(out, "DTSTART;VALUE=DATE", d);
	if (end == NULL || strlen(end) != 10 || !valid_date(end) || strcmp(end, start) < 0)
		end = start;
	memset(&tm, 0, sizeof tm);
	strptime(end, "%Y-%m-%d", &tm);
	x = timegm(&tm) + 86400; /* DTEND is exclusive */
	gmtime_r(&x, &tm);
	strftime(d, sizeof d, "%Y%m%d", &tm);
	ics_line(out, "DTEND;VALUE=DATE", d);
	t = c->en ? (db_text(s, EV_TITLE_EN) ? db_text(s, EV_TITLE_EN) : db_text(s, EV_TITLE_PT))
		  : (db_text(s, EV_TITLE_PT) ? db_text(s, EV_TITLE_PT) : db_text(s, EV_TITLE_EN));
	ics_line(out, "SUMMARY", t);
	t = c->en ? (db_text(s, EV_PLACE_EN) ? db_text(s, EV_PLACE_EN) : db_text(s, EV_PLACE_PT))
		  : (db_text(s, EV_PLACE_PT) ? db_text(s, EV_PLACE_PT) : db_text(s, EV_PLACE_EN));
	if (t != NULL)
		ics_line(out, "LOCATION", t);
	snprintf(v, sizeof v, "%s/%s/events/%s", url_site_base(), c->lang, db_text(s, EV_ID));
	ics_line(out, "URL", v);
	if (db_text(s, EV_ORGANISER) != NULL) {
		snprintf(
		    v, sizeof v, "%s: %s", i18n("L_ORGANISER", c->en), db_text(s, EV_ORGANISER));
		ics_line(out, "DESCRIPTION", v);
	}
	buf_puts(out, "END:VEVENT\r\n");
	return 1;
}

/* The calendar of one event (id > 0) or of all. */
static int
calendar(struct ctx *c, long long id)
{
	sqlite3_stmt *s = db_stmt(id ? ST_EVENT : ST_EVENTS);
	struct buf   *out = &c->resp->body;
	char          stamp[32], name[64];
	time_t        now = c->now;
	struct tm     tm;
	int           n = 0;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	if (id)
		db_bind_int64(s, 1, id);
	buf_puts(out,
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RNAA//aberta//PT\r\n"
	    "CALSCALE:GREGORIAN\r\n");
	ics_line(out, "X-WR-CALNAME", i18n("L_SITE_NAME", c->en));
	while (db_step(s) == SQLITE_ROW)
		n += ics_event(c, out, s, stamp);
	buf_puts(out, "END:VCALENDAR\r\n");
	if (db_failed()) { /* never half a calendar: the dispatcher's error page */
		buf_reset(out);
		return 503;
	}
	if (id && n == 0) {
		buf_reset(out);
		return c->error = "ERR_NO_EVENT", 404;
	}
	c->resp->ctype = "text/calendar; charset=utf-8";
	snprintf(name, sizeof name, "attachment; filename=\"%s.ics\"", id ? "evento" : "eventos");
	resp_header(c->resp, "Content-Disposition", name);
	return 200;
}

int
page_ics_all(struct ctx *c)
{
	return calendar(c, 0);
}

int
page_ics_event(struct ctx *c)
{
	return calendar(c, c->num);
}

/* 1 when the self-reported status of commitment id is unconfirmed or inferred: the
 * badge then says so, as the page's marker does. */
static int
badge_doubt(long long id)
{
	sqlite3_stmt *t = trust_stmt(TR_COMMITMENT);
	const char   *conf;
	int           doubt = 0;

	db_bind_int64(t, 1, id);
	if (db_step(t) == SQLITE_ROW && (conf = db_text(t, TC_SELF_CONF)) != NULL)
		doubt = strcmp(conf, "unconfirmed") == 0 || strcmp(conf, "inferred") == 0;
	db_reset(t);
	return doubt;
}

int
page_badge(struct ctx *c)
{
	sqlite3_stmt *s;
	tpl_dict     *b;
	char          ogp[8], right[96], label[160];
	const char   *st, *color = "#4a5360";
	int           lw = 60, rw, rc;

	if (strlen(c->arg[0]) != 10 || strcmp(c->arg[0] + 6, ".svg") != 0)
		return c->error = "ERR_BAD_OGP_ID", 404;
	snprintf(ogp, sizeof ogp, "%.6s", c->arg[0]);
	if (!valid_ogp_id(ogp))
		return c->error = "ERR_BAD_OGP_ID", 404;
	s = db_stmt(ST_COMMITMENT);
	db_bind_text(s, 1, ogp);
	if (db_step(s) != SQLITE_ROW)
		return c->error = "ERR_NO_COMMITMENT", 404;
	st = db_text(s, CM_SELF_STATUS);
	snprintf(right, sizeof right, "%s%s",
	    st ? i18n_enum("self_status", st, c->en) : i18n("L_NOT_RECORDED", c->en),
	    st != NULL && badge_doubt(db_int64(s, CM_ID)) ? i18n("L_BADGE_DOUBT", c->en) : "");
	if (st != NULL)
		color = strcmp(st, "complete") == 0  ? "#00704a"
		    : strcmp(st, "substantial") == 0 ? "#1d6b3a"
		    : strcmp(st, "withdrawn") == 0   ? "#b3261e"
						     : "#8a5a00";
	db_reset(s);
	rw = (int)strlen(right) * 7 + 12;
	snprintf(label, sizeof label, "%s %s: %s", ogp, i18n("L_SELF_STATUS", c->en), right);
	if ((b = tpl_dict_new()) == NULL)
		return 500;
	tpl_set(b, "LABEL", label);
	tpl_set(b, "LEFT", ogp);
	tpl_set(b, "RIGHT", right);
	tpl_set(b, "COLOR", color);
	tpl_set_int(b, "LW", lw);
	tpl_set_int(b, "RW", rw);
	tpl_set_int(b, "W", lw + rw);
	tpl_set_int(b, "RX", lw + 6);
	rc = tpl_render("badge.tpl", b, &c->resp->body);
	tpl_dict_free(b);
	c->resp->ctype = "image/svg+xml; charset=utf-8";
	return rc == 0 ? 200 : 500;
}
