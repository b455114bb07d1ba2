/* The change list (store/changes.h) and the Atom feeds built on it: real saves through
 * the admin area (a new commitment, its reported status and progress, an IRM assessment,
 * a milestone's figure with its evidence, a milestone completed, a new event) listed
 * between two moments for the commitment, its plan, its body and the site, in both
 * languages, with limits and order; milestones becoming overdue and consultations
 * opening inside a window of time; the seed's dated facts; and the feeds (real dates,
 * never 1970, the pages' autodiscovery links).  The real binary in CGI mode, logged in
 * by a session row of the test's own, on a test database with the real content, and
 * the store read in this process.  TAP output through Check. */
#include <sqlite3.h>
#include <stdarg.h>
#include <time.h>

#include "../lib/client.h"
#include "../lib/testlib.h"
#include "store/changes.h"
#include "store/db.h"
#include "view/changes.h"

static struct session focal; /* a focal point */

#define GOT_MAX 256

/* One change as the test keeps it, with its titles in both languages. */
struct got {
	int       kind, ms;
	long long rev, id;
	char      at[24], ogp[8], field[40], before[40], after[40], as_of[16], as_of_kind[16];
	char      conf[16], evidence[200], pt[600], en[600];
};

/* The changes one call gave. */
struct gots {
	struct got v[GOT_MAX];
	int        n;
};

/* Copies t (NULL: "") into out. */
#define KEEP(out, t) snprintf(out, sizeof out, "%s", (t) ? (t) : "")

/* changes_list's callback: keeps the change. */
static int
keep(const struct change *ch, void *arg)
{
	struct gots *g = arg;
	struct got  *x = &g->v[g->n++];

	ck_assert_int_le(g->n, GOT_MAX);
	x->kind = (int)ch->kind;
	x->ms = ch->milestone;
	x->rev = ch->rev;
	x->id = ch->id;
	KEEP(x->at, ch->at);
	KEEP(x->ogp, ch->ogp_id);
	KEEP(x->field, ch->field);
	KEEP(x->before, ch->before);
	KEEP(x->after, ch->after);
	KEEP(x->as_of, ch->as_of);
	KEEP(x->as_of_kind, ch->as_of_kind);
	KEEP(x->conf, ch->confidence);
	KEEP(x->evidence, ch->evidence);
	change_title(ch, 0, x->pt, sizeof x->pt);
	change_title(ch, 1, x->en, sizeof x->en);
	return 0;
}

/* Runs changes_list on the test database (a fresh read connection) into g. */
static void
list(struct gots *g, enum follow_kind k, long long target, long long after, long long since,
    long long until, int limit, int flags)
{
	char     err[256];
	sqlite3 *db = db_open(cgi_db, 0, err, sizeof err);

	ck_assert_msg(db != NULL, "%s", err);
	ck_assert_msg(db_prepare_all(db, err, sizeof err) == 0, "%s", err);
	g->n = 0;
	ck_assert_int_eq(changes_list(k, target, after, since, until, limit, flags, keep, g), g->n);
	db_finalize_all();
	db_close(db);
}

/* The newest revision id now. */
static long long
newest_rev(void)
{
	char      err[256];
	sqlite3  *db = db_open(cgi_db, 0, err, sizeof err);
	long long rev = -1;

	ck_assert_msg(db != NULL && db_prepare_all(db, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(changes_newest_rev(&rev), 0);
	db_finalize_all();
	db_close(db);
	return rev;
}

/* The number of changes of g of kind k. */
static int
count(const struct gots *g, int k)
{
	int i, n = 0;

	for (i = 0; i < g->n; i++)
		n += g->v[i].kind == k;
	return n;
}

/* The first change of g of kind k (field f when not NULL); fails when there is none. */
static const struct got *
find(const struct gots *g, int k, const char *f)
{
	int i;

	for (i = 0; i < g->n; i++)
		if (g->v[i].kind == k && (f == NULL || strcmp(g->v[i].field, f) == 0))
			return &g->v[i];
	ck_abort_msg("no change of kind %d (%s) among %d", k, f ? f : "any", g->n);
	return NULL;
}

/* Opens the form of path (action: path), sets the NULL-ended name, value pairs and
 * posts it as focal; the save must redirect (303). */
static void
save(const char *path, ...)
{
	struct form f;
	struct res  r;
	const char *n, *v;
	va_list     ap;

	cgi_open_form(&focal, path, NULL, &f, NULL);
	va_start(ap, path);
	while ((n = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		form_set(&f, n, v);
	}
	va_end(ap);
	cgi_post_form(&focal, path, &f, &r);
	ck_assert_msg(r.status == 303, "POST %s: %d %.300s", path, r.status,
	    strstr(r.body.p, "field-error") ? strstr(r.body.p, "field-error") : r.body.p);
	res_free(&r);
	form_free(&f);
}

/* GETs uri as a stranger into r; it must answer 200. */
static void
get(const char *uri, struct res *r)
{
	cgi_get(NULL, uri, r);
	ck_assert_msg(r->status == 200, "%s: %d", uri, r->status);
}

/* The fixture: plan 91, the body chg-corpo leading the commitment PT0971 (made by a
 * real save in the first test), with two milestones; ids() reads their ids for each
 * test (each runs in a process of its own). */
static long long plan91, body, cid, ms1, ms2;

static void
ids(void)
{
	plan91 = sql_int("SELECT id FROM action_plan WHERE number = 91", NULL, 0, 0, -1);
	body = sql_int("SELECT id FROM entity WHERE slug = 'chg-corpo'", NULL, 0, 0, -1);
	cid = sql_int("SELECT id FROM commitment WHERE ogp_id = 'PT0971'", NULL, 0, 0, -1);
	ms1 = sql_int(
	    "SELECT id FROM milestone WHERE commitment_id = ?2 AND position = 1", NULL, cid, 0, -1);
	ms2 = sql_int(
	    "SELECT id FROM milestone WHERE commitment_id = ?2 AND position = 2", NULL, cid, 0, -1);
	ck_assert_msg(plan91 > 0 && body > 0 && cid > 0 && ms1 > 0 && ms2 > 0, "no fixture");
}

static void
fixture(void)
{
	char path[256];

	sql_do("INSERT INTO action_plan (number, title_pt) VALUES (91, 'Plano das mudanças');"
	       "INSERT INTO entity (slug, name_pt, kind) VALUES ('chg-corpo', 'Corpo das "
	       "mudanças', 'public')");
	snprintf(path, sizeof path, "%lld",
	    sql_int("SELECT id FROM action_plan WHERE number = 91", NULL, 0, 0, -1));
	save("/admin/commitments/new", "ogp_id", "PT0971", "plan_id", path, "number", "1",
	    "title_pt", "Compromisso das mudanças", "title_pt_confidence", "confirmed", "title_en",
	    "The changes' commitment", "title_en_confidence", "confirmed", NULL);
	sql_do("INSERT INTO commitment_entity (commitment_id, entity_id, role) SELECT c.id, e.id, "
	       "'lead' FROM commitment c, entity e WHERE c.ogp_id = 'PT0971' AND e.slug = "
	       "'chg-corpo';"
	       "INSERT INTO milestone (commitment_id, position, title_pt, title_en, progress, "
	       "status) SELECT id, 1, 'Primeiro', 'First', 20, 'in_progress' FROM commitment "
	       "WHERE ogp_id = 'PT0971';"
	       "INSERT INTO milestone (commitment_id, position, title_pt, title_en, progress, "
	       "status) SELECT id, 2, 'Segundo', 'Second', 50, 'in_progress' FROM commitment "
	       "WHERE ogp_id = 'PT0971'");
	ids();
}

/* Real saves, then the list between two moments for each thing that follows them, in
 * both languages, with their dates, evidence, limits and order. */
START_TEST(saves_between_two_moments)
{
	struct gots      *g = calloc(1, sizeof *g), *h = calloc(1, sizeof *h);
	const struct got *x;
	long long         rev0 = newest_rev(), rev1, rev2;
	time_t            since = time(NULL) - 1, until = since + 3600;
	char              path[64];
	int               i;

	fixture();
	snprintf(path, sizeof path, "/admin/commitments/%lld", cid);
	save(path, "self_status", "limited", "self_status_date", "2026-11-30", "self_as_of_kind",
	    "publication", "self_confidence", "unconfirmed", "self_source",
	    "https://example.org/autoavaliacao", "self_percent", "30", "irm_ambition", "high",
	    "irm_date", "2026-10", "irm_confidence", "confirmed", NULL);
	rev1 = newest_rev();
	snprintf(path, sizeof path, "/admin/milestones/%lld", ms1);
	save(path, "progress", "60", "progress_as_of", "2026-12-01", "progress_as_of_kind",
	    "not_before", "progress_confidence", "confirmed", "progress_source",
	    "https://example.org/relatorio", "evidence_url", "https://example.org/evidencia.pdf",
	    NULL);
	snprintf(path, sizeof path, "/admin/milestones/%lld", ms2);
	save(path, "status", "complete", "completed_on", "2026-12-02", "progress", "100",
	    "progress_as_of", "2026-12-02", "progress_as_of_kind", "stated", "progress_confidence",
	    "confirmed", "progress_source", "https://example.org/fim", "evidence_url",
	    "https://example.org/fim.pdf", NULL);
	rev2 = newest_rev();
	ck_assert_int_gt(rev1, rev0);
	ck_assert_int_gt(rev2, rev1);

	/* The commitment, from before its creation: every change, oldest first. */
	list(g, FOLLOW_COMMITMENT, cid, rev0, since, until, 100, 0);
	ck_assert_int_eq(count(g, CH_NEW_COMMITMENT), 1);
	ck_assert_int_eq(count(g, CH_STATUS), 1);
	ck_assert_int_eq(count(g, CH_SELF_PERCENT), 1);
	ck_assert_int_eq(count(g, CH_IRM), 1);
	ck_assert_int_eq(count(g, CH_PROGRESS), 2);
	ck_assert_int_eq(count(g, CH_MILESTONE_DONE), 1);
	ck_assert_int_eq(g->n, 7);
	for (i = 1; i < g->n; i++)
		ck_assert_msg(g->v[i - 1].rev < g->v[i].rev, "oldest first");
	for (i = 0; i < g->n; i++) {
		ck_assert_int_gt(g->v[i].rev, rev0);
		ck_assert_msg(strncmp(g->v[i].at, "20", 2) == 0 && strlen(g->v[i].at) == 20, "%s",
		    g->v[i].at);
	}
	x = find(g, CH_NEW_COMMITMENT, NULL);
	ck_assert_str_eq(x->pt, "PT0971: novo compromisso — Compromisso das mudanças");
	ck_assert_str_eq(x->en, "PT0971: new commitment — The changes' commitment");
	x = find(g, CH_STATUS, NULL);
	ck_assert_str_eq(x->pt, "PT0971: estado declarado ainda não registado → Limitado");
	ck_assert_str_eq(x->en, "PT0971: self-reported status not yet recorded → Limited");
	ck_assert_str_eq(x->as_of, "2026-11-30");
	ck_assert_str_eq(x->as_of_kind, "publication");
	ck_assert_str_eq(x->conf, "unconfirmed");
	ck_assert_str_eq(x->evidence, "https://example.org/autoavaliacao");
	x = find(g, CH_SELF_PERCENT, NULL);
	ck_assert_str_eq(x->en, "PT0971: self-reported progress not yet recorded → 30%");
	x = find(g, CH_IRM, NULL);
	ck_assert_str_eq(x->pt, "PT0971: IRM: ambição: ainda não registado → Alta");
	ck_assert_str_eq(x->as_of, "2026-10");
	x = find(g, CH_PROGRESS, NULL);
	ck_assert_int_eq(x->ms, 1);
	ck_assert_str_eq(x->pt, "PT0971, marco 1: progresso 20% → 60%");
	ck_assert_str_eq(x->en, "PT0971, milestone 1: progress 20% → 60%");
	ck_assert_str_eq(x->as_of, "2026-12-01");
	ck_assert_str_eq(x->as_of_kind, "not_before");
	ck_assert_str_eq(x->conf, "confirmed");
	ck_assert_str_eq(x->evidence, "https://example.org/evidencia.pdf");
	x = find(g, CH_MILESTONE_DONE, NULL);
	ck_assert_int_eq(x->ms, 2);
	ck_assert_str_eq(x->pt, "PT0971, marco 2: concluído");
	ck_assert_str_eq(x->en, "PT0971, milestone 2: completed");
	ck_assert_str_eq(x->as_of, "2026-12-02");
	ck_assert_str_eq(x->evidence, "https://example.org/fim.pdf");

	/* Between the two moments: only the milestones' save. */
	list(h, FOLLOW_COMMITMENT, cid, rev1, since, until, 100, 0);
	ck_assert_int_eq(h->n, 3);
	ck_assert_int_eq(count(h, CH_PROGRESS), 2);
	ck_assert_int_eq(count(h, CH_MILESTONE_DONE), 1);
	for (i = 0; i < h->n; i++)
		ck_assert_int_gt(h->v[i].rev, rev1);
	/* Its plan and its body see the same changes; the site too. */
	list(h, FOLLOW_PLAN, plan91, rev0, since, until, 100, 0);
	ck_assert_int_eq(h->n, 7);
	list(h, FOLLOW_ENTITY, body, rev0, since, until, 100, 0);
	ck_assert_int_eq(h->n, 7);
	list(h, FOLLOW_SITE, 0, rev0, since, until, 100, 0);
	ck_assert_int_eq(h->n, 7);
	list(h, FOLLOW_SITE, 0, rev1, since, until, 100, 0);
	ck_assert_int_eq(h->n, 3);
	/* Another plan and another body see none of them. */
	list(h, FOLLOW_PLAN, sql_int("SELECT id FROM action_plan WHERE number = 2", NULL, 0, 0, -1),
	    rev0, since, until, 100, 0);
	ck_assert_int_eq(h->n, 0);
	list(h, FOLLOW_ENTITY, sql_int("SELECT id FROM entity WHERE slug = 'ama'", NULL, 0, 0, -1),
	    rev0, since, until, 100, 0);
	ck_assert_int_eq(h->n, 0);

	/* The limit keeps the oldest (oldest first) or the newest (newest first). */
	list(h, FOLLOW_COMMITMENT, cid, rev0, since, until, 2, 0);
	ck_assert_int_eq(h->n, 2);
	ck_assert_int_eq(h->v[0].rev, g->v[0].rev);
	ck_assert_int_eq(h->v[1].rev, g->v[1].rev);
	list(h, FOLLOW_COMMITMENT, cid, rev0, since, until, 2, CHANGES_NEWEST_FIRST);
	ck_assert_int_eq(h->n, 2);
	ck_assert_int_eq(h->v[0].rev, g->v[6].rev);
	ck_assert_int_eq(h->v[1].rev, g->v[5].rev);
	list(h, FOLLOW_COMMITMENT, cid, rev0, since, until, 0, 0);
	ck_assert_int_eq(h->n, 0);
	free(g);
	free(h);
}
END_TEST

/* A new event saved in the admin area: the site's; a commitment's, a plan's and a
 * body's once it is theirs (linked, organised); never another's. */
START_TEST(new_events)
{
	struct gots *g = calloc(1, sizeof *g);
	long long    rev0 = newest_rev(), ev, other;
	time_t       since = time(NULL) - 1, until = since + 3600;
	char         sql[256];

	ids();
	save("/admin/events/new", "title_pt", "Sessão das mudanças", "title_en", "Changes' session",
	    "kind", "network_meeting", "start_date", "2027-01-15", "date_confidence", "confirmed",
	    NULL);
	ev = sql_int("SELECT max(id) FROM event", NULL, 0, 0, -1);
	list(g, FOLLOW_SITE, 0, rev0, since, until, 100, 0);
	ck_assert_int_eq(g->n, 1);
	ck_assert_int_eq(g->v[0].kind, CH_EVENT);
	ck_assert_int_eq(g->v[0].id, ev);
	ck_assert_str_eq(g->v[0].pt, "Novo evento: Sessão das mudanças");
	ck_assert_str_eq(g->v[0].en, "New event: Changes' session");
	ck_assert_str_eq(g->v[0].as_of, "2027-01-15");
	list(g, FOLLOW_COMMITMENT, cid, rev0, since, until, 100, 0);
	ck_assert_int_eq(g->n, 0);
	list(g, FOLLOW_ENTITY, body, rev0, since, until, 100, 0);
	ck_assert_int_eq(g->n, 0);
	snprintf(sql, sizeof sql,
	    "INSERT INTO event_commitment (event_id, commitment_id) VALUES (%lld, %lld);"
	    "UPDATE event SET organiser_id = %lld WHERE id = %lld",
	    ev, cid, body, ev);
	sql_do(sql);
	list(g, FOLLOW_COMMITMENT, cid, rev0, since, until, 100, 0);
	ck_assert_int_eq(count(g, CH_EVENT), 1);
	list(g, FOLLOW_PLAN, plan91, rev0, since, until, 100, 0);
	ck_assert_int_eq(count(g, CH_EVENT), 1);
	list(g, FOLLOW_ENTITY, body, rev0, since, until, 100, 0);
	ck_assert_int_eq(count(g, CH_EVENT), 1);
	/* A co-organiser's too; a body that neither organises it nor co-organises it not. */
	other = sql_int("SELECT id FROM entity WHERE slug = 'ama'", NULL, 0, 0, -1);
	list(g, FOLLOW_ENTITY, other, rev0, since, until, 100, 0);
	ck_assert_int_eq(count(g, CH_EVENT), 0);
	snprintf(sql, sizeof sql,
	    "INSERT INTO event_organiser (event_id, entity_id, position) VALUES (%lld, %lld, 1)",
	    ev, other);
	sql_do(sql);
	list(g, FOLLOW_ENTITY, other, rev0, since, until, 100, 0);
	ck_assert_int_eq(count(g, CH_EVENT), 1);
	free(g);
}
END_TEST

/* The unix time of UTC time iso (YYYY-MM-DDTHH:MM:SSZ). */
static long long
unix_of(const char *iso)
{
	struct tm tm = { 0 };

	ck_assert_ptr_nonnull(strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm));
	return (long long)timegm(&tm);
}

/* A milestone is overdue from the start, in Lisbon, of the day after its planned end (a
 * year or a month at its last day): inside since (excluded) .. until (included) only;
 * never when complete, withdrawn or at 100%. */
START_TEST(overdue_in_its_window)
{
	struct gots *g = calloc(1, sizeof *g);
	long long    summer = unix_of("2026-06-30T23:00:00Z"); /* 1 July, 00:00 in Lisbon */
	long long    winter = unix_of("2028-01-01T00:00:00Z"); /* 1 January, 00:00 in Lisbon */
	char         sql[512];

	ids();

	snprintf(sql, sizeof sql,
	    "INSERT INTO milestone (commitment_id, position, title_pt, planned_end, status, "
	    "progress) VALUES (%lld, 11, 'Dia', '2026-06-30', 'in_progress', 40), (%lld, 12, "
	    "'Mês', '2026-06', NULL, NULL), (%lld, 13, 'Feito', '2026-06-30', 'complete', 100), "
	    "(%lld, 14, 'Retirado', '2026-06-30', 'withdrawn', NULL), (%lld, 15, 'Cheio', "
	    "'2026-06-30', 'in_progress', 100), (%lld, 16, 'Ano', '2027', NULL, NULL)",
	    cid, cid, cid, cid, cid, cid);
	sql_do(sql);
	list(g, FOLLOW_COMMITMENT, cid, newest_rev(), summer - 1, summer, 100, 0);
	ck_assert_int_eq(g->n, 2);
	ck_assert_int_eq(g->v[0].kind, CH_MILESTONE_OVERDUE);
	ck_assert_int_eq(g->v[0].rev, 0);
	ck_assert_str_eq(g->v[0].at, "2026-06-30T23:00:00Z");
	ck_assert_int_eq(g->v[0].ms, 11);
	ck_assert_int_eq(g->v[1].ms, 12);
	ck_assert_str_eq(g->v[0].pt,
	    "PT0971, marco 11: prazo ultrapassado, fim previsto: 30 de "
	    "junho de 2026");
	ck_assert_str_eq(g->v[1].en, "PT0971, milestone 12: overdue, planned end: June 2026");
	/* One second early, or since at that moment: not inside. */
	list(g, FOLLOW_COMMITMENT, cid, newest_rev(), summer - 86400, summer - 1, 100, 0);
	ck_assert_int_eq(g->n, 0);
	list(g, FOLLOW_COMMITMENT, cid, newest_rev(), summer, summer + 86400, 100, 0);
	ck_assert_int_eq(g->n, 0);
	/* A year ends on 31 December: overdue from 1 January (Lisbon is on UTC then). */
	list(g, FOLLOW_COMMITMENT, cid, newest_rev(), winter - 1, winter, 100, 0);
	ck_assert_int_eq(g->n, 1);
	ck_assert_int_eq(g->v[0].ms, 16);
	ck_assert_str_eq(g->v[0].at, "2028-01-01T00:00:00Z");
	/* The plan, the body and the site see them; another plan does not. */
	list(g, FOLLOW_PLAN, plan91, newest_rev(), summer - 1, summer, 100, 0);
	ck_assert_int_eq(g->n, 2);
	list(g, FOLLOW_ENTITY, body, newest_rev(), summer - 1, summer, 100, 0);
	ck_assert_int_eq(g->n, 2);
	list(g, FOLLOW_SITE, 0, newest_rev(), summer - 1, summer, 100, 0);
	ck_assert_int_ge(g->n, 2);
	list(g, FOLLOW_PLAN, sql_int("SELECT id FROM action_plan WHERE number = 2", NULL, 0, 0, -1),
	    newest_rev(), summer - 1, summer, 100, 0);
	ck_assert_int_eq(g->n, 0);
	free(g);
}
END_TEST

/* A consultation is told when it opens, inside the window, to the site and to the plan
 * or the commitment it is about. */
START_TEST(consultation_opens_in_its_window)
{
	struct gots *g = calloc(1, sizeof *g);
	long long    opens = unix_of("2027-03-01T10:00:00Z"), rev = newest_rev();
	char         sql[512];

	ids();

	snprintf(sql, sizeof sql,
	    "INSERT INTO consultation (title_pt, title_en, plan_id, opens_at, closes_at) VALUES "
	    "('Consulta do plano 91', 'Plan 91 consultation', %lld, '2027-03-01T10:00:00Z', "
	    "'2027-03-31T22:59:59Z'), ('Consulta do compromisso', 'Commitment consultation', "
	    "NULL, '2027-03-01T11:00:00Z', '2027-03-31T22:59:59Z')",
	    plan91);
	sql_do(sql);
	snprintf(sql, sizeof sql,
	    "UPDATE consultation SET commitment_id = %lld WHERE title_pt = 'Consulta do "
	    "compromisso'",
	    cid);
	sql_do(sql);
	list(g, FOLLOW_PLAN, plan91, rev, opens - 1, opens, 100, 0);
	ck_assert_int_eq(g->n, 1);
	ck_assert_int_eq(g->v[0].kind, CH_CONSULTATION);
	ck_assert_str_eq(g->v[0].at, "2027-03-01T10:00:00Z");
	ck_assert_str_eq(g->v[0].pt,
	    "Consulta pública aberta: Consulta do plano 91 (até 31 de "
	    "março de 2027)");
	ck_assert_str_eq(g->v[0].en,
	    "Public consultation opened: Plan 91 consultation (until 31 "
	    "March 2027)");
	list(g, FOLLOW_PLAN, plan91, rev, opens - 3600, opens - 1, 100, 0);
	ck_assert_int_eq(g->n, 0);
	list(g, FOLLOW_PLAN, plan91, rev, opens, opens + 3600, 100, 0);
	ck_assert_int_eq(g->n, 1); /* the commitment's, at 11:00: it is one of the plan's */
	ck_assert_str_eq(g->v[0].at, "2027-03-01T11:00:00Z");
	list(g, FOLLOW_COMMITMENT, cid, rev, opens - 1, opens + 3600, 100, 0);
	ck_assert_int_eq(g->n, 1);
	ck_assert_str_eq(g->v[0].en,
	    "Public consultation opened: Commitment consultation (until "
	    "31 March 2027)");
	list(g, FOLLOW_SITE, 0, rev, opens - 1, opens + 3600, 100, CHANGES_NEWEST_FIRST);
	ck_assert_int_eq(g->n, 2);
	ck_assert_str_eq(g->v[0].at, "2027-03-01T11:00:00Z");
	list(g, FOLLOW_SITE, 0, rev, opens - 1, opens + 3600, 1, 0);
	ck_assert_int_eq(g->n, 1);
	ck_assert_str_eq(g->v[0].at, "2027-03-01T10:00:00Z");
	free(g);
}
END_TEST

/* The seed's dated facts: a commitment whose content has no milestone (PT0013) lists
 * the IRM's assessments at the year of their reports; the earlier and current figures
 * of PT0018 and PT0007's reported progress at their own dates; nothing at the import's
 * date, nothing without CHANGES_FACTS. */
START_TEST(facts_of_the_seed)
{
	struct gots      *g = calloc(1, sizeof *g);
	const struct got *x;
	long long id = sql_int("SELECT id FROM commitment WHERE ogp_id = 'PT0013'", NULL, 0, 0, -1);
	time_t    now = time(NULL);
	char      imported[16];
	int       i;

	sql_text("SELECT substr(updated_at, 1, 10) FROM commitment WHERE ogp_id = 'PT0013'", NULL,
	    0, imported, sizeof imported);
	list(g, FOLLOW_COMMITMENT, id, 0, 0, now, 50, 0);
	ck_assert_int_eq(g->n, 0);
	list(g, FOLLOW_COMMITMENT, id, 0, 0, now, 50, CHANGES_FACTS | CHANGES_NEWEST_FIRST);
	ck_assert_int_eq(g->n, 4);
	for (i = 0; i < g->n; i++) {
		ck_assert_int_eq(g->v[i].kind, CH_FIGURE);
		ck_assert_int_eq(g->v[i].rev, 0);
		ck_assert_msg(strncmp(g->v[i].at, imported, 10) != 0, "the import's date");
		ck_assert_msg(strncmp(g->v[i].at, "1970", 4) != 0, "1970");
	}
	ck_assert_str_eq(g->v[0].at, "2024-01-01T00:00:00Z");
	ck_assert_str_eq(g->v[0].field, "irm_early_results");
	ck_assert_str_eq(g->v[0].as_of, "2024");
	ck_assert_str_eq(g->v[0].pt, "PT0013: IRM: primeiros resultados: Resultados moderados");
	ck_assert_str_eq(g->v[0].en, "PT0013: IRM: early results: Moderate results");
	ck_assert_str_eq(g->v[3].at, "2022-01-01T00:00:00Z");
	x = find(g, CH_FIGURE, "irm_ambition");
	ck_assert_str_eq(x->en, "PT0013: IRM: ambition: Low");
	ck_assert_str_eq(
	    x->evidence, "https://opengovpartnership.org/members/portugal/commitments/PT0013");
	/* PT0018: five earlier figures (milestone_figure) and five current ones. */
	id = sql_int("SELECT id FROM commitment WHERE ogp_id = 'PT0018'", NULL, 0, 0, -1);
	list(g, FOLLOW_COMMITMENT, id, 0, 0, now, 50, CHANGES_FACTS);
	ck_assert_int_ge(count(g, CH_FIGURE), 10);
	x = find(g, CH_FIGURE, "progress"); /* the oldest, milestone 1's first */
	ck_assert_str_eq(x->at, "2024-02-27T00:00:00Z");
	ck_assert_str_eq(x->as_of_kind, "not_before");
	ck_assert_str_eq(x->pt, "PT0018, marco 1: progresso 75%");
	ck_assert_str_eq(x->evidence, "https://ogp.digital.gov.pt/en/compromisso3-1");
	/* PT0007's reported progress, at a month known approximately. */
	id = sql_int("SELECT id FROM commitment WHERE ogp_id = 'PT0007'", NULL, 0, 0, -1);
	list(g, FOLLOW_COMMITMENT, id, 0, 0, now, 50, CHANGES_FACTS);
	x = find(g, CH_FIGURE, "self_percent");
	ck_assert_str_eq(x->at, "2020-09-01T00:00:00Z");
	ck_assert_str_eq(x->as_of, "2020-09");
	ck_assert_str_eq(x->as_of_kind, "approximate");
	ck_assert_str_eq(x->en, "PT0007: self-reported progress 19%");
	/* Facts after until are not told yet. */
	list(g, FOLLOW_COMMITMENT, id, 0, 0, unix_of("2019-01-01T00:00:00Z"), 50, CHANGES_FACTS);
	ck_assert_int_eq(count(g, CH_FIGURE), 0);
	free(g);
}
END_TEST

/* The feeds: PT0013's has entries with real dates (never 1970, never the import's), its
 * page and the plan's, the body's and the home page name their feed in the head; the
 * saves are their commitment's entries, dated by the save, with the figure's date in
 * words, its confidence and its evidence; a feed without changes says what its date is. */
START_TEST(feeds_list_the_changes)
{
	struct res  r;
	char        imported[16], at[32], want[256];
	const char *p;
	int         n = 0;

	sql_text("SELECT substr(updated_at, 1, 10) FROM commitment WHERE ogp_id = 'PT0013'", NULL,
	    0, imported, sizeof imported);
	get("/pt/commitments/PT0013/feed.atom", &r);
	ck_assert_ptr_null(strstr(r.body.p, "1970"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<updated>2024-01-01T00:00:00Z</updated>\n<link"));
	for (p = r.body.p; (p = strstr(p, "<entry>")) != NULL; p++, n++) {
		ck_assert_ptr_nonnull(p = strstr(p, "<updated>"));
		ck_assert_msg(strncmp(p + 9, imported, 10) != 0, "an entry at the import's date");
	}
	ck_assert_int_eq(n, 4);
	ck_assert_ptr_nonnull(strstr(
	    r.body.p, "<title>PT0013: IRM: primeiros resultados: Resultados moderados</title>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "(em 2024)"));
	res_free(&r);
	/* The pages name their feed in the head. */
	get("/pt/commitments/PT0013", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "<link rel=\"alternate\" type=\"application/atom+xml\" "
	    "title=\"PT0013\" href=\"/pt/commitments/PT0013/feed.atom\">"));
	ck_assert_msg(strstr(r.body.p, "application/atom+xml") < strstr(r.body.p, "</head>"),
	    "the feed's link is in the head");
	res_free(&r);
	get("/en/plans/2", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "type=\"application/atom+xml\" title=\"Plan 2\" "
	    "href=\"/en/plans/2/feed.atom\">"));
	res_free(&r);
	get("/pt/members/ama", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "type=\"application/atom+xml\" title=\"Agência "));
	ck_assert_ptr_nonnull(strstr(r.body.p, "href=\"/pt/members/ama/feed.atom\">"));
	res_free(&r);
	get("/en/", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "type=\"application/atom+xml\" title=\"National "
	    "Network for Open Administration\" href=\"/en/feed.atom\">"));
	res_free(&r);

	/* The saves of the first test are PT0971's entries, dated by the save. */
	sql_text("SELECT at FROM revision WHERE tbl = 'milestone' AND field = 'progress' AND "
		 "after = '60' AND commitment_id = (SELECT id FROM commitment WHERE ogp_id = "
		 "'PT0971')",
	    NULL, 0, at, sizeof at);
	ck_assert_int_eq(strlen(at), 20);
	get("/en/commitments/PT0971/feed.atom", &r);
	snprintf(want, sizeof want,
	    "<title>PT0971, milestone 1: progress 20%% → 60%%</title>\n<id>http");
	ck_assert_msg(strstr(r.body.p, want) != NULL, "%s", r.body.p);
	p = strstr(r.body.p, want);
	snprintf(want, sizeof want, "<updated>%s</updated>", at);
	ck_assert_msg(strstr(p, want) != NULL, "%s", p);
	ck_assert_ptr_nonnull(strstr(p, "(published on or after 1 December 2026)"));
	ck_assert_ptr_nonnull(strstr(p, "Evidence: https://example.org/evidencia.pdf"));
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "PT0971: self-reported status not yet recorded → "
	    "Limited (in a report of 30 November 2026, "
	    "unconfirmed). Source: https://example.org/autoavaliacao"));
	ck_assert_ptr_null(strstr(r.body.p, "1970"));
	res_free(&r);
	get("/pt/commitments/PT0971/feed.atom", &r);
	ck_assert_ptr_nonnull(
	    strstr(r.body.p, "<title>PT0971, marco 1: progresso 20% → 60%</title>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "(publicado em 1 de dezembro de 2026 ou depois)"));
	ck_assert_ptr_nonnull(strstr(r.body.p,
	    "(num relatório de 30 de novembro de 2026, não "
	    "confirmado)"));
	res_free(&r);

	/* An event known only to its month: its entry says so in words, beside the first
	 * instant of the month its <updated> must give. */
	get("/en/members/labx/feed.atom", &r);
	ck_assert_msg(strstr(r.body.p,
			  "<summary>Event: Civic participation in turbulent times "
			  "(in May 2020, unconfirmed)</summary>") != NULL,
	    "%s", r.body.p);
	res_free(&r);
	get("/pt/plans/1/feed.atom", &r);
	ck_assert_msg(
	    strstr(r.body.p, "Administração Aberta (em 2020, não confirmado)</summary>") != NULL,
	    "%s", r.body.p);
	res_free(&r);

	/* An OGP value's feed: its commitments' changes, newest first. */
	sql_do("INSERT INTO commitment_value (commitment_id, value) SELECT id, "
	       "'technology_innovation' FROM commitment WHERE ogp_id = 'PT0971'");
	get("/en/values/technology-innovation/feed.atom", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<title>PT0971, milestone 1: progress 20% → 60%"));
	ck_assert_ptr_null(strstr(r.body.p, "1970"));
	res_free(&r);

	/* A commitment without any change or fact: no entry, its record's date, said so. */
	sql_do("INSERT INTO commitment (ogp_id, plan_id, number, updated_at) SELECT 'PT0972', id, "
	       "2, '2026-11-02T09:00:00Z' FROM action_plan WHERE number = 91");
	get("/pt/commitments/PT0972/feed.atom", &r);
	ck_assert_ptr_null(strstr(r.body.p, "<entry>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<updated>2026-11-02T09:00:00Z</updated>"));
	ck_assert_ptr_nonnull(strstr(r.body.p, "<!-- Ainda não há mudanças registadas"));
	res_free(&r);
}
END_TEST

/* The <id>s of feed f, one a line, into out; fails when one is there twice. */
static void
feed_ids(const char *f, struct buf *out)
{
	const char *p, *e;
	char        id[512];

	for (p = f; (p = strstr(p, "<entry>\n<title>")) != NULL; p = e) {
		ck_assert_ptr_nonnull(p = strstr(p, "<id>"));
		ck_assert_ptr_nonnull(e = strstr(p, "</id>"));
		snprintf(id, sizeof id, "%.*s\n", (int)(e - p), p);
		ck_assert_msg(
		    out->p == NULL || strstr(out->p, id) == NULL, "the feed has %s twice", id);
		buf_printf(out, "%s", id);
	}
}

/* A feed's entries have ids of their own, the same at every render: two figures of one
 * milestone dated the same day (an earlier one kept beside the current) are two. */
START_TEST(feed_ids_are_unique_and_stable)
{
	struct res r;
	struct buf a = { 0 }, b = { 0 };

	sql_do("INSERT INTO milestone_figure (milestone_id, position, percent, as_of, as_of_kind, "
	       "source, confidence) SELECT m.id, 2, 90, m.progress_as_of, 'stated', "
	       "'https://example.org/relatorio', 'confirmed' FROM milestone m JOIN commitment c ON "
	       "c.id = m.commitment_id WHERE c.ogp_id = 'PT0018' AND m.position = 1");
	get("/en/commitments/PT0018/feed.atom", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "<title>PT0018, milestone 1: progress 90%</title>"));
	ck_assert_ptr_nonnull(
	    strstr(r.body.p, "<title>PT0018, milestone 1: progress 100%</title>"));
	feed_ids(r.body.p, &a);
	res_free(&r);
	get("/en/commitments/PT0018/feed.atom", &r);
	feed_ids(r.body.p, &b);
	res_free(&r);
	ck_assert_str_eq(a.p, b.p);
	buf_free(&a);
	buf_free(&b);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { saves_between_two_moments, new_events, overdue_in_its_window,
		consultation_opens_in_its_window, facts_of_the_seed, feeds_list_the_changes,
		feed_ids_are_unique_and_stable, NULL };

	if (cgi_setup("aberta-changes", NULL) != 0)
		return 1;
	setenv("ABERTA_BASE_URL", "https://aberta.example.pt", 1);
	if (staff_session("rita@example.org", "Rita Focal", "focal", NULL, &focal) != 0) {
		printf("Bail out! cannot make the account or its session\n");
		return 1;
	}
	return cgi_tests_main(tests_suite("changes", 300, tests));
}
