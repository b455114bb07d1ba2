/* The staff dashboard: pending reviews, stale commitments, missing translations and
 * late milestones. */
#include <stdio.h>
#include <string.h>

#include "store/auth.h"
#include "store/dashboard.h"
#include "store/db.h"
#include "admin/admin.h"
#include "view/page.h"

#define STALE_DAYS 90

/* Runs dashboard statement id (one optional text parameter ?1) and adds one repetition
 * of section per row, setting keys[i] (NULL-terminated) from column i; shows
 * HAS_<section> or NO_<section> and sets N_<section>. */
static void
listing(
    tpl_dict *b, const char *section, const char *const *keys, enum dash_stmt id, const char *p1)
{
	sqlite3_stmt *s = dash_stmt(id);
	tpl_dict     *h = NULL, *d;
	char          k[64];
	int           n = 0, i;

	if (p1 != NULL)
		db_bind_text(s, 1, p1);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL) {
			snprintf(k, sizeof k, "HAS_%s", section);
			h = tpl_section(b, k);
		}
		d = tpl_section(h, section);
		for (i = 0; keys[i] != NULL; i++)
			tpl_set(d, keys[i], db_text(s, i));
		n++;
	}
	snprintf(k, sizeof k, "%s_%s", h ? "HAS" : "NO", section);
	if (h == NULL)
		tpl_show(b, k);
	snprintf(k, sizeof k, "N_%s", section);
	tpl_set_int(b, k, n);
}

/* A member editor's own drafts, with their state and the reviewer's comment. */
static void
own_drafts(struct ctx *c, tpl_dict *b)
{
	sqlite3_stmt *s = dash_stmt(DS_OWN);
	tpl_dict     *m = tpl_section(b, "MINE"), *h = NULL, *d;
	const char   *st;

	db_bind_int64(s, 1, c->me->id);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(m, "HAS_OWN");
		d = tpl_section(h, "OWN");
		tpl_set(d, "WHAT", db_text(s, DSO_WHAT));
		tpl_set(d, "AT", db_text(s, DSO_AT));
		st = db_text(s, DSO_STATUS);
		tpl_set(d, "STATE",
		    strcmp(st, "pending") == 0        ? "à espera de revisão"
			: strcmp(st, "approved") == 0 ? "aprovada e publicada"
						      : "devolvida");
		if (db_text(s, DSO_COMMENT) != NULL)
			tpl_set(tpl_section(d, "COMMENT"), "TEXT", db_text(s, DSO_COMMENT));
	}
	if (h == NULL)
		tpl_show(m, "NO_OWN");
}

int
page_admin_home(struct ctx *c)
{
	/* The keys of each list's columns, in the order of the statement's. */
	static const char *const kpend[DSP__N + 1] = {
		[DSP_WHAT] = "WHAT", [DSP_WHO] = "WHO", [DSP_AT] = "AT"
	};
	static const char *const kstale[DSS__N + 1] = {
		[DSS_OGP_ID] = "OGP_ID", [DSS_TITLE] = "TITLE", [DSS_UPDATED] = "UPDATED"
	};
	static const char *const kmiss[DSM__N + 1] = { [DSM_WHAT] = "WHAT", [DSM_FIELD] = "FIELD" };
	static const char *const klate[DSL__N + 1] = {
		[DSL_OGP_ID] = "OGP_ID", [DSL_POS] = "POS", [DSL_TITLE] = "TITLE", [DSL_END] = "END"
	};
	static const char *const kbroken[DSB__N + 1] = { [DSB_URL] = "URL", [DSB_SINCE] = "SINCE" };
	tpl_dict                *b = page_admin_body(c, "admin_home.tpl", "Painel");
	char                     cutoff[32];
	time_t                   t = c->now - (time_t)STALE_DAYS * 86400;
	struct tm                tm;

	if (c->me->role == ROLE_MEMBER)
		own_drafts(c, b);
	gmtime_r(&t, &tm);
	strftime(cutoff, sizeof cutoff, "%Y-%m-%dT%H:%M:%SZ", &tm);
	listing(b, "PENDING", kpend, DS_PENDING, NULL);
	listing(b, "STALE", kstale, DS_STALE, cutoff);
	listing(b, "MISSING", kmiss, DS_MISSING, NULL);
	listing(b, "LATE", klate, DS_LATE, c->today);
	if (c->me->role != ROLE_MEMBER)
		listing(tpl_section(b, "LINKS"), "BROKEN", kbroken, DS_BROKEN, NULL);
	return 200;
}
