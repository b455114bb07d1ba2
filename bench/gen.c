/*
 * bench/gen: the generated data set of the benchmark (bench/run).
 *
 *   bench/gen --db PATH [--scale N]   write a new database of obviously generated
 *                                     content ("Compromisso de teste 1234"), N = 1..100
 *   bench/gen --db PATH --session     add a focal-point account and a logged-in
 *                                     session to PATH; print "TOKEN CSRF"
 *
 * At scale N: 50N plans (at most 998: plan numbers stop at 999), 2,000N commitments
 * (40 per plan, spread over the 998 plans beyond scale 19: 201 or 200 each at 100),
 * 10 milestones each, 500N events, 200N bodies, 10 policy areas, in
 * Portuguese and English; plus, at every scale, plan 999, a plan of 2,000 commitments
 * (with their milestones) for the plan-page target of the benchmark.  One transaction,
 * prepared statements; the search index fills through its own triggers (migration 4),
 * exactly as for real content.  PATH must not exist: this program never writes into a
 * database that holds anything else.
 *
 * --session makes the account and the session the way a login does (auth_session_new),
 * without the password and second-factor steps, so that bench/run can measure the
 * admin save through nginx.  Use it only on a benchmark's copy of a database.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "store/auth.h"
#include "store/db.h"
#include "store/stmt.h"

#define PLANS_PER_SCALE    50
#define PLAN_MAX           998 /* regular plans; 999 is the large one */
#define BIG_PLAN           999
#define PER_PLAN           40 /* commitments of a regular plan (while plans last) */
#define BIG_COMMITMENTS    2000
#define MS_PER_COMMITMENT  10
#define EVENTS_PER_SCALE   500
#define ENTITIES_PER_SCALE 200
#define AREAS              10

/* Words that the generated texts take in turn, so that a search finds a known share. */
static const char *const words_pt[] = { "transparência", "participação", "dados abertos",
	"prestação de contas", "inovação", "acesso à informação", "integridade" };
static const char *const words_en[] = { "transparency", "participation", "open data",
	"accountability", "innovation", "access to information", "integrity" };
#define NWORDS (sizeof words_pt / sizeof words_pt[0])

static const char *const self_status[] = { "not_started", "limited", "substantial", "complete",
	"no_evidence" };
static const char *const ms_status[] = { "not_started", "in_progress", "complete" };
static const char *const values[] = { "access_to_information", "civic_participation",
	"public_accountability", "technology_innovation" };
static const char *const ent_kind[] = { "public", "civil_society", "academia", "private" };
static const char *const ev_kind[] = { "open_gov_week", "network_meeting", "consultation",
	"other" };

enum ins {
	I_PLAN,
	I_COMMITMENT,
	I_MILESTONE,
	I_ENTITY,
	I_CE,
	I_VALUE,
	I_AREA,
	I_CAREA,
	I_LINK_C,
	I_LINK_M,
	I_EVENT,
	I__MAX
};

static const char *const ins_sql[I__MAX] = {
	"INSERT INTO action_plan (id, number, title_pt, title_en, period_start, period_end, "
	"published, summary_pt, summary_en, status) VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?4, ?6, ?7, "
	"?8)",
	"INSERT INTO commitment (id, ogp_id, plan_id, number, title_pt, title_en, summary_pt, "
	"summary_en, problem_pt, problem_en, start_date, end_date, self_status, "
	"self_status_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?12)",
	"INSERT INTO milestone (id, commitment_id, position, title_pt, title_en, planned_start, "
	"planned_end, completed_on, status, progress, progress_as_of, progress_source) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'dados gerados')",
	"INSERT INTO entity (id, slug, acronym, name_pt, name_en, kind, is_member, "
	"member_since, description_pt, description_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	"?9, ?10)",
	"INSERT INTO commitment_entity (commitment_id, entity_id, role, position) "
	"VALUES (?1, ?2, ?3, 0)",
	"INSERT INTO commitment_value (commitment_id, value) VALUES (?1, ?2)",
	"INSERT INTO policy_area (id, slug, name_pt, name_en) VALUES (?1, ?2, ?3, ?4)",
	"INSERT INTO commitment_policy_area (commitment_id, policy_area_id) VALUES (?1, ?2)",
	"INSERT INTO link (commitment_id, kind, url, label_pt, label_en) VALUES "
	"(?1, 'source', ?2, 'Fonte de teste', 'Test source')",
	"INSERT INTO link (milestone_id, kind, url, label_pt, label_en) VALUES "
	"(?1, 'evidence', ?2, 'Evidência de teste', 'Test evidence')",
	"INSERT INTO event (id, title_pt, title_en, kind, start_date, end_date, place_pt, "
	"place_en, online, organiser, description_pt, description_en) VALUES (?1, ?2, ?3, ?4, "
	"?5, ?5, 'Local de teste', 'Test venue', ?6, 'Organização de teste', ?7, ?8)",
};

static sqlite3_stmt *ins[I__MAX];
static sqlite3      *db;

/* Binds the arguments (format: i integer, t text, n NULL) and runs statement id once. */
static int
run(enum ins id, const char *fmt, ...)
{
	sqlite3_stmt *s = ins[id];
	va_list       ap;
	int           i, rc;

	sqlite3_reset(s);
	va_start(ap, fmt);
	for (i = 0; fmt[i] != '\0'; i++) {
		if (fmt[i] == 'i')
			sqlite3_bind_int64(s, i + 1, va_arg(ap, long long));
		else if (fmt[i] == 't')
			sqlite3_bind_text(s, i + 1, va_arg(ap, const char *), -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(s, i + 1);
	}
	va_end(ap);
	if ((rc = sqlite3_step(s)) != SQLITE_DONE) {
		fprintf(stderr, "bench/gen: insert %d: %s\n", (int)id, sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* A date in 2014..2033 that depends on n (n >= 0; year_off 0-2). */
static void
date_of(long long n, int year_off, char out[11])
{
	unsigned long long u = (unsigned long long)n;

	snprintf(out, 11, "%04llu-%02llu-%02llu", 2014 + (u + (unsigned)year_off) % 20, 1 + u % 12,
	    1 + u % 28);
}

/* Writes commitment c (its milestones, bodies, values, area, links) into plan p. */
static int
commitment(long long c, long long p, long long number, long long nent, long long *ms)
{
	char        ogp[8], t_pt[96], t_en[96], s_pt[512], s_en[512], pr_pt[256], pr_en[256];
	char        d1[11], d2[11], d3[11], url[96];
	long long   m, j, prog;
	const char *w_pt = words_pt[c % NWORDS], *w_en = words_en[c % NWORDS];

	/* ZA0000 ... ZZ9999: never an OGP country code in use. */
	snprintf(ogp, sizeof ogp, "Z%c%04lld", 'A' + (int)(c / 10000 % 26), c % 10000);
	snprintf(t_pt, sizeof t_pt, "Compromisso de teste %lld", c);
	snprintf(t_en, sizeof t_en, "Test commitment %lld", c);
	snprintf(s_pt, sizeof s_pt,
	    "Texto gerado para medir o desempenho, sem valor real: o "
	    "compromisso de teste %lld trata de %s e de %s.",
	    c, w_pt, words_pt[(c / NWORDS) % NWORDS]);
	snprintf(s_en, sizeof s_en,
	    "Generated text to measure performance, of no real value: "
	    "test commitment %lld is about %s and %s.",
	    c, w_en, words_en[(c / NWORDS) % NWORDS]);
	snprintf(pr_pt, sizeof pr_pt, "Problema de teste %lld (gerado).", c);
	snprintf(pr_en, sizeof pr_en, "Test problem %lld (generated).", c);
	date_of(c, 0, d1);
	date_of(c, 2, d2);
	/* Past 999 (the large plan) a commitment has no number inside its plan. */
	if ((number <= 999 ? run(I_COMMITMENT, "itiittttttttt", c, ogp, p, number, t_pt, t_en, s_pt,
				 s_en, pr_pt, pr_en, d1, d2, self_status[c % 5])
			   : run(I_COMMITMENT, "itintttttttt", c, ogp, p, t_pt, t_en, s_pt, s_en,
				 pr_pt, pr_en, d1, d2, self_status[c % 5])) != 0 ||
	    run(I_CE, "iit", c, 1 + c % nent, "lead") != 0 ||
	    run(I_CE, "iit", c, 1 + (c * 7 + 3) % nent, "support") != 0 ||
	    run(I_VALUE, "it", c, values[c % 4]) != 0 ||
	    (c % 3 == 0 && run(I_VALUE, "it", c, values[(c + 1) % 4]) != 0) ||
	    run(I_CAREA, "ii", c, 1 + c % AREAS) != 0)
		return -1;
	snprintf(url, sizeof url, "https://example.invalid/teste/compromisso/%lld", c);
	if (run(I_LINK_C, "it", c, url) != 0)
		return -1;
	for (j = 1; j <= MS_PER_COMMITMENT; j++) {
		m = ++*ms;
		snprintf(t_pt, sizeof t_pt, "Marco de teste %lld do compromisso %lld (%s)", j, c,
		    words_pt[m % NWORDS]);
		snprintf(t_en, sizeof t_en, "Test milestone %lld of commitment %lld (%s)", j, c,
		    words_en[m % NWORDS]);
		date_of(m, 0, d1);
		date_of(m, 1, d2);
		date_of(m, 2, d3);
		prog = (m * 37) % 101;
		if (m % 4 == 0) { /* no data: progress, status and dates unknown */
			if (run(I_MILESTONE, "iiittttnnnn", m, c, j, t_pt, t_en, d1, d2) != 0)
				return -1;
			continue;
		}
		if ((prog == 100 ? run(I_MILESTONE, "iiittttttit", m, c, j, t_pt, t_en, d1, d2, d3,
				       ms_status[2], prog, d3)
				 : run(I_MILESTONE, "iiittttntit", m, c, j, t_pt, t_en, d1, d2,
				       ms_status[prog > 0], prog, d3)) != 0)
			return -1;
		snprintf(url, sizeof url, "https://example.invalid/teste/marco/%lld", m);
		if (run(I_LINK_M, "it", m, url) != 0)
			return -1;
	}
	return 0;
}

static int
generate(int scale)
{
	long long plans = (long long)PLANS_PER_SCALE * scale,
		  nent = (long long)ENTITIES_PER_SCALE * scale, p, c = 0, ms = 0, i, k;
	char a[96], b[96], d1[24], d2[11], s_pt[256], s_en[256];

	if (plans > PLAN_MAX)
		plans = PLAN_MAX;
	for (i = 1; i <= AREAS; i++) {
		snprintf(a, sizeof a, "Área de teste %lld", i);
		snprintf(b, sizeof b, "Test area %lld", i);
		snprintf(s_pt, sizeof s_pt, "area-teste-%lld", i);
		if (run(I_AREA, "ittt", i, s_pt, a, b) != 0)
			return -1;
	}
	for (i = 1; i <= nent; i++) {
		snprintf(s_pt, sizeof s_pt, "entidade-teste-%lld", i);
		snprintf(d1, sizeof d1, "ET%lld", i);
		snprintf(a, sizeof a, "Entidade de teste %lld", i);
		snprintf(b, sizeof b, "Test body %lld", i);
		date_of(i, 0, d2);
		if (run(I_ENTITY, "itttttittt", i, s_pt, d1, a, b, ent_kind[i % 4], i % 2, d2,
			"Entidade gerada para medir o desempenho; não existe.",
			"Body generated to measure performance; it does not exist.") != 0)
			return -1;
	}
	for (p = 1; p <= plans + 1; p++) {
		/* 2,000N regular commitments in all: 40 a plan, more once the plans stop */
		long long id = p <= plans ? p : BIG_PLAN,
			  n = p <= plans ? (long long)PER_PLAN * PLANS_PER_SCALE * scale / plans +
			(p <= (long long)PER_PLAN * PLANS_PER_SCALE * scale % plans)
					 : BIG_COMMITMENTS;

		snprintf(a, sizeof a, "Plano de teste %lld%s", id,
		    p <= plans ? "" : " (2000 compromissos)");
		snprintf(
		    b, sizeof b, "Test plan %lld%s", id, p <= plans ? "" : " (2000 commitments)");
		snprintf(d1, sizeof d1, "%04lld-01-01", 2010 + id % 20);
		snprintf(d2, sizeof d2, "%04lld-12-31", 2011 + id % 20);
		snprintf(s_pt, sizeof s_pt,
		    "Plano gerado para medir o desempenho; não existe. "
		    "Trata de %s.",
		    words_pt[id % NWORDS]);
		snprintf(s_en, sizeof s_en,
		    "Plan generated to measure performance; it does not "
		    "exist. It is about %s.",
		    words_en[id % NWORDS]);
		if (run(I_PLAN, "ittttttt", id, a, b, d1, d2, s_pt, s_en,
			id % 3 == 0 ? "closed" : "implementation") != 0)
			return -1;
		for (k = 1; k <= n; k++)
			if (commitment(++c, id, k, nent, &ms) != 0)
				return -1;
	}
	for (i = 1; i <= (long long)EVENTS_PER_SCALE * scale; i++) {
		snprintf(a, sizeof a, "Evento de teste %lld", i);
		snprintf(b, sizeof b, "Test event %lld", i);
		snprintf(s_pt, sizeof s_pt, "Evento gerado para medir o desempenho, sobre %s.",
		    words_pt[i % NWORDS]);
		snprintf(s_en, sizeof s_en, "Event generated to measure performance, about %s.",
		    words_en[i % NWORDS]);
		date_of(i, 0, d1);
		if (run(I_EVENT, "ittttitt", i, a, b, ev_kind[i % 4], d1, i % 2, s_pt, s_en) != 0)
			return -1;
	}
	fprintf(stderr,
	    "bench/gen: %lld plans, %lld commitments, %lld milestones, %lld "
	    "events, %lld bodies\n",
	    plans + 1, c, ms, (long long)EVENTS_PER_SCALE * scale, nent);
	return 0;
}

/* Adds the account bench@bench.invalid (focal point, random password never shown, no
 * second factor needed) and a full session; prints the cookie token and CSRF token. */
static int
session(void)
{
	struct staff st;
	char         pw[AUTH_GEN_PW_LEN + 1], hash[crypto_pwhash_STRBYTES], tok[AUTH_TOKEN_HEX + 1];
	sqlite3_stmt *s;

	memset(&st, 0, sizeof st);
	if (auth_password_new(pw, hash) != 0 ||
	    sqlite3_prepare_v2(db,
		"INSERT INTO staff "
		"(login, name, role, pw_hash) VALUES ('bench@bench.invalid', 'Conta de teste do "
		"benchmark', 'focal', ?1) ON CONFLICT (login) DO UPDATE SET disabled = 0 "
		"RETURNING id",
		-1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		st.id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (st.id == 0)
		return -1;
	st.role = ROLE_FOCAL;
	if (auth_session_new(db, &st, 1, time(NULL), tok) != 0)
		return -1;
	printf("%s %s\n", tok, st.csrf);
	return 0;
}

static int
usage(void)
{
	fputs("usage: bench/gen --db PATH [--scale N]   (N = 1..100; PATH must not exist)\n"
	      "       bench/gen --db PATH --session\n",
	    stderr);
	return 2;
}

int
main(int argc, char *argv[])
{
	const char *path = NULL;
	char        err[256], *end;
	long        scale = 1;
	int         i, sess = 0, rc = 1;
	struct stat sb;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			path = argv[++i];
		else if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc) {
			errno = 0;
			scale = strtol(argv[++i], &end, 10);
			if (errno != 0 || *end != '\0' || scale < 1 || scale > 100)
				return usage();
		} else if (strcmp(argv[i], "--session") == 0)
			sess = 1;
		else
			return usage();
	}
	if (path == NULL)
		return usage();
	if (!sess && stat(path, &sb) == 0) {
		fprintf(stderr,
		    "bench/gen: %s exists; the generated data set is written only "
		    "into a new file\n",
		    path);
		return 1;
	}
	if (sess && stat(path, &sb) != 0) {
		fprintf(stderr, "bench/gen: %s: no such database\n", path);
		return 1;
	}
	if (sodium_init() < 0 || (db = db_open(path, 1, err, sizeof err)) == NULL) {
		fprintf(stderr, "bench/gen: %s\n", sodium_init() < 0 ? "libsodium" : err);
		return 1;
	}
	if (sess) {
		/* auth_session_new runs the store's statements (store/stmt.h). */
		rc = store_prepare(STORE_RW, db, err, sizeof err) == 0 && session() == 0
		    ? 0
		    : (fprintf(stderr, "bench/gen: session: %s\n", sqlite3_errmsg(db)), 1);
		store_finalize(STORE_RW);
		sqlite3_close(db);
		return rc;
	}
	if (db_migrate(db, err, sizeof err) < 0) {
		fprintf(stderr, "bench/gen: %s\n", err);
		sqlite3_close(db);
		return 1;
	}
	sqlite3_exec(db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	for (i = 0; i < I__MAX; i++)
		if (sqlite3_prepare_v2(db, ins_sql[i], -1, &ins[i], NULL) != SQLITE_OK) {
			fprintf(stderr, "bench/gen: prepare %d: %s\n", i, sqlite3_errmsg(db));
			goto out;
		}
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	if (generate((int)scale) != 0) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		goto out;
	}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench/gen: %s\n", sqlite3_errmsg(db));
		goto out;
	}
	rc = 0;
out:
	for (i = 0; i < I__MAX; i++)
		sqlite3_finalize(ins[i]);
	sqlite3_close(db);
	if (rc != 0)
		unlink(path);
	return rc;
}
