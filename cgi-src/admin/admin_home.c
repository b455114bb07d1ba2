/* The staff dashboard: a member editor's own drafts of its body's commitments, the open
 * reporting rounds and the drafts waiting for review (both for focal points and
 * administrators only), and what needs attention (late and stale milestones, texts in
 * one language only, unconfirmed facts, broken links), each counted as its list counts
 * it (store/adminlist.h: a member editor's, its body's) and linked to that list
 * filtered.  A member editor sees nothing here of another body's commitments. */
#include <stdio.h>
#include <string.h>

#include "lib/progress.h"
#include "store/adminlist.h"
#include "store/auth.h"
#include "store/dashboard.h"
#include "store/db.h"
#include "store/rounds.h"
#include "admin/admin.h"
#include "view/page.h"

/* One figure of what needs attention: list l with filter f set to "1" (or "broken"),
 * its label and the list's address with that filter; staff: not for member editors. */
static const struct figure {
	const char    *label;
	enum al_list   list;
	enum al_filter f;
	const char    *href;
	int            staff;
} figures[] = {
	{ "Marcos atrasados: o fim previsto passou e não estão concluídos", AL_MILESTONES,
	    ALF_OVERDUE, "/admin/milestones?overdue=1", 0 },
	{ "Marcos desatualizados: progresso por registar, sem data ou com mais "
	  "de " PROGRESS_STALE_DAYS_TEXT " dias",
	    AL_MILESTONES, ALF_STALE, "/admin/milestones?stale=1", 0 },
	{ "Compromissos com marcos atrasados", AL_COMMITMENTS, ALF_OVERDUE,
	    "/admin/commitments?overdue=1", 0 },
	{ "Compromissos com textos numa só língua", AL_COMMITMENTS, ALF_MISSING,
	    "/admin/commitments?missing=1", 0 },
	{ "Marcos com textos numa só língua", AL_MILESTONES, ALF_MISSING,
	    "/admin/milestones?missing=1", 0 },
	{ "Compromissos com factos por confirmar ou inferidos", AL_COMMITMENTS, ALF_UNCONFIRMED,
	    "/admin/commitments?unconfirmed=1", 0 },
	{ "Endereços quebrados na última verificação", AL_LINKS, ALF_RESULT,
	    "/admin/links?result=broken", 1 },
};

/* Adds the figures the staff member sees to b.  Returns 0, or -1 when the database
 * failed. */
static int
attention(struct ctx *c, tpl_dict *b)
{
	struct al_query q;
	tpl_dict       *d;
	long long       n;
	size_t          i;

	for (i = 0; i < sizeof figures / sizeof figures[0]; i++) {
		if (figures[i].staff && c->me->role == ROLE_MEMBER)
			continue;
		memset(&q, 0, sizeof q);
		q.list = figures[i].list;
		q.today = c->today;
		q.now = c->now;
		q.page = 1;
		q.body = page_admin_scope(c);
		q.filter[figures[i].f] = figures[i].f == ALF_RESULT ? "broken" : "1";
		if (adminlist_count(c->rw, &q, 1, &n) != 0)
			return -1;
		d = tpl_section(b, "FIGURE");
		tpl_set(d, "LABEL", figures[i].label);
		tpl_set(d, "HREF", figures[i].href);
		tpl_set_int(d, "N", n);
	}
	return 0;
}

/* The open reporting rounds, with their deadlines and the days left on Lisbon's
 * calendar (as the round's own page counts them).  Returns 0 or -1. */
static int
open_rounds(struct ctx *c, tpl_dict *b)
{
	sqlite3_stmt *s = round_stmt(RD_LIST);
	tpl_dict     *h = tpl_section(b, "ROUNDS"), *has = NULL, *d;
	char          today[11];
	long          days;
	int           n = 0;

	if (round_day(c->now, today) != 0)
		return -1;

	while (db_step(s) == SQLITE_ROW && db_text(s, RDL_CLOSED_AT) == NULL) {
		if (has == NULL)
			has = tpl_section(h, "HAS_ROUNDS");
		d = tpl_section(has, "ROUND");
		tpl_set_int(d, "ID", db_int64(s, RDL_ID));
		tpl_set(d, "NAME", db_text(s, RDL_NAME));
		tpl_set(d, "DEADLINE", db_text(s, RDL_DEADLINE));
		tpl_set(d, "PLANS", db_text(s, RDL_PLANS));
		if (round_days_left(today, db_text(s, RDL_DEADLINE), &days) != 0)
			tpl_set(d, "LEFT", "prazo por ler");
		else if (days > 1)
			tpl_set_int(tpl_section(d, "DAYS"), "N", days);
		else
			tpl_set(d, "LEFT",
			    days < 0        ? "prazo ultrapassado"
				: days == 0 ? "termina hoje"
					    : "falta 1 dia");
		n++;
	}
	db_reset(s);
	tpl_set_int(h, "N", n);
	if (has == NULL)
		tpl_show(h, "NO_ROUNDS");
	return 0;
}

/* A member editor's own drafts, with their state and the reviewer's comment: those
 * of its body's commitments (an editor moved to another body no longer sees the drafts
 * it wrote for the first one's). */
static void
own_drafts(struct ctx *c, tpl_dict *b)
{
	sqlite3_stmt *s = dash_stmt(DS_OWN);
	tpl_dict     *m = tpl_section(b, "MINE"), *h = NULL, *d;
	const char   *st;

	db_bind_int64(s, 1, c->me->id);
	db_bind_int64(s, 2, c->me->entity_id);
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
	tpl_dict       *b = page_admin_body(c, "admin_home.tpl", "Painel");
	struct al_query q;
	sqlite3_stmt   *s;
	tpl_dict       *p, *h = NULL, *d;
	long long       n = 0;

	if (c->me->role == ROLE_MEMBER)
		own_drafts(c, b);
	else {
		if (open_rounds(c, b) != 0)
			return db_failed_set(), 503;
		memset(&q, 0, sizeof q);
		q.list = AL_REVIEWS;
		q.page = 1;
		if (adminlist_count(c->rw, &q, 0, &n) != 0)
			return 503;
		p = tpl_section(b, "PENDING");
		tpl_set_int(p, "N", n);
		s = dash_stmt(DS_PENDING);
		while (db_step(s) == SQLITE_ROW) {
			if (h == NULL)
				h = tpl_section(p, "HAS_PENDING");
			d = tpl_section(h, "DRAFT");
			tpl_set(d, "WHAT", db_text(s, DSP_WHAT));
			tpl_set(d, "WHO", db_text(s, DSP_WHO));
			tpl_set(d, "AT", db_text(s, DSP_AT));
		}
		db_reset(s);
		if (h == NULL)
			tpl_show(p, "NO_PENDING");
		else if (n > DASH_FIRST)
			tpl_set_int(tpl_section(p, "MORE"), "N", n);
	}
	if (attention(c, b) != 0 || db_failed())
		return 503;
	return 200;
}
