/* The staff dashboard: pending reviews, stale commitments, missing translations and
 * late milestones. */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "view/page.h"

#define STALE_DAYS	90
#define LIST_MAX	200

/* Runs sql (one optional text parameter ?1) on the writable connection and adds one
 * repetition of section per row, setting the keys from the columns in order; shows
 * HAS_<section> or NO_<section> and sets N_<section>.  Returns the row count or -1. */
static int
listing(struct ctx *c, tpl_dict *b, const char *section, const char *const *keys,
    const char *sql, const char *p1)
{
	sqlite3_stmt	*s;
	tpl_dict	*h = NULL, *d;
	char		 k[64];
	int		 n = 0, i, rc;

	if (sqlite3_prepare_v2(c->rw, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (p1 != NULL)
		sqlite3_bind_text(s, 1, p1, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (h == NULL) {
			snprintf(k, sizeof k, "HAS_%s", section);
			h = tpl_section(b, k);
		}
		d = tpl_section(h, section);
		for (i = 0; keys[i] != NULL; i++)
			tpl_set(d, keys[i], (const char *)sqlite3_column_text(s, i));
		n++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return -1;
	snprintf(k, sizeof k, "%s_%s", h ? "HAS" : "NO", section);
	if (h == NULL)
		tpl_show(b, k);
	snprintf(k, sizeof k, "N_%s", section);
	tpl_set_int(b, k, n);
	return n;
}

/* A member editor's own drafts, with their state and the reviewer's comment. */
static int
own_drafts(struct ctx *c, tpl_dict *b)
{
	sqlite3_stmt	*s;
	tpl_dict	*m = tpl_section(b, "MINE"), *h = NULL, *d;
	const char	*st;

	if (sqlite3_prepare_v2(c->rw, "SELECT tbl || ' ' || coalesce(row_id, '(novo)'), "
	    "created_at, status, comment FROM draft WHERE staff_id = ?1 ORDER BY id DESC "
	    "LIMIT 50", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, c->me->id);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(m, "HAS_OWN");
		d = tpl_section(h, "OWN");
		tpl_set(d, "WHAT", db_text(s, 0));
		tpl_set(d, "AT", db_text(s, 1));
		st = db_text(s, 2);
		tpl_set(d, "STATE", strcmp(st, "pending") == 0 ? "à espera de revisão" :
		    strcmp(st, "approved") == 0 ? "aprovada e publicada" : "devolvida");
		if (db_text(s, 3) != NULL)
			tpl_set(tpl_section(d, "COMMENT"), "TEXT", db_text(s, 3));
	}
	sqlite3_finalize(s);
	if (h == NULL)
		tpl_show(m, "NO_OWN");
	return 0;
}

int
page_admin_home(struct ctx *c)
{
	static const char *const kpend[] = { "WHAT", "WHO", "AT", NULL };
	static const char *const kstale[] = { "OGP_ID", "TITLE", "UPDATED", NULL };
	static const char *const kmiss[] = { "WHAT", "FIELD", NULL };
	static const char *const klate[] = { "OGP_ID", "POS", "TITLE", "END", NULL };
	static const char *const kbroken[] = { "URL", "SINCE", NULL };
	tpl_dict	*b = page_admin_body(c, "admin_home.tpl", "Painel");
	char		 cutoff[32];
	time_t		 t = c->now - (time_t)STALE_DAYS * 86400;
	struct tm	 tm;

	if (c->me->role == ROLE_MEMBER && own_drafts(c, b) != 0)
		return db_failed_set(), 503;
	gmtime_r(&t, &tm);
	strftime(cutoff, sizeof cutoff, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (listing(c, b, "PENDING", kpend, "SELECT d.tbl || ' ' || coalesce(d.row_id, "
	    "'(novo)'), s.name, d.created_at FROM draft d JOIN staff s ON s.id = d.staff_id "
	    "WHERE d.status = 'pending' ORDER BY d.created_at LIMIT 200", NULL) < 0 ||
	    listing(c, b, "STALE", kstale, "SELECT c.ogp_id, coalesce(c.title_pt, c.title_en, "
	    "''), substr(max(c.updated_at, coalesce((SELECT max(m.updated_at) FROM milestone m "
	    "WHERE m.commitment_id = c.id), '')), 1, 10) AS u FROM commitment c "
	    "JOIN action_plan p ON p.id = c.plan_id WHERE coalesce(p.status, '') <> 'closed' "
	    "AND u < ?1 ORDER BY u LIMIT 200", cutoff) < 0 ||
	    listing(c, b, "MISSING", kmiss, "SELECT 'compromisso ' || ogp_id, CASE WHEN "
	    "title_pt IS NULL THEN 'título em português' ELSE 'título em inglês' END FROM "
	    "commitment WHERE (title_pt IS NULL) <> (title_en IS NULL) UNION ALL SELECT "
	    "'compromisso ' || ogp_id, CASE WHEN summary_pt IS NULL THEN 'resumo em "
	    "português' ELSE 'resumo em inglês' END FROM commitment WHERE (summary_pt IS "
	    "NULL) <> (summary_en IS NULL) LIMIT 200", NULL) < 0 ||
	    listing(c, b, "LATE", klate, "SELECT c.ogp_id, m.position, coalesce(m.title_pt, "
	    "m.title_en, ''), m.planned_end FROM milestone m JOIN commitment c ON c.id = "
	    "m.commitment_id WHERE m.planned_end IS NOT NULL AND m.planned_end < ?1 AND "
	    "coalesce(m.status, '') NOT IN ('complete', 'withdrawn') AND coalesce(m.progress, "
	    "0) < 100 ORDER BY m.planned_end LIMIT 200", c->today) < 0 ||
	    (c->me->role != ROLE_MEMBER && listing(c, tpl_section(b, "LINKS"), "BROKEN",
	    kbroken, "SELECT url, substr(broken_since, 1, 10) FROM link_check WHERE "
	    "result = 'broken' ORDER BY broken_since, url LIMIT 200", NULL) < 0))
		return db_failed_set(), 503;
	return 200;
}
