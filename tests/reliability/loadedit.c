/*
 * loadedit: the editing half of tests/reliability/load.sh.
 *
 *   loadedit run BASE DB ADMIN_BIN SECONDS OUTDIR
 *	picks three commitments (with a milestone each), makes three focal-point accounts
 *	with aberta-admin and logs each in with both factors, prints "READY", then runs
 *	three staff sessions (one process each) that for SECONDS save edits in a loop:
 *	a commitment's titles (PT and EN), or a milestone's progress (always a new figure)
 *	and titles with an evidence URL.  Each session works on all six records, so saves
 *	collide at times (a 409 conflict is a correct answer).  Every attempt is written
 *	to OUTDIR/saver-N.tsv; the records and their versions to OUTDIR/records.tsv.
 *   loadedit verify BASE DB OUTDIR
 *	after the load: every acknowledged save (303) is in the database with its
 *	revision rows (and for milestones its evidence link); each record's version moved
 *	exactly by its acknowledged saves; the rows hold the last acknowledged values and
 *	the public pages show them in both languages; PRAGMA integrity_check is ok.
 *	Prints TAP lines ("ok - ..." / "not ok - ..." and "# ..." diagnostics).
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"

#define NSAVERS   3
#define NREC      6   /* 3 commitments, then 3 milestones */
#define PERIOD_MS 400 /* one save per session at most every PERIOD_MS */
#define MAXATT    4096

struct rec {
	char      kind[16]; /* "commitments" or "milestones" */
	long long id;
	long long version0; /* before the load */
	char      ogp[8];   /* the commitment's OGP id (its public page) */
};

static struct rec recs[NREC];

/* Picks the records: three commitments that have milestones, and one milestone of each. */
static int
pick(void)
{
	sqlite3      *db = sql_open_rw();
	sqlite3_stmt *s;
	int           n = 0;

	if (db == NULL ||
	    sqlite3_prepare_v2(db,
		"SELECT c.id, c.ogp_id, c.version, "
		"(SELECT m.id FROM milestone m WHERE m.commitment_id = c.id ORDER BY m.position "
		"LIMIT 1), (SELECT m.version FROM milestone m WHERE m.commitment_id = c.id ORDER "
		"BY m.position LIMIT 1) FROM commitment c WHERE c.ogp_id IS NOT NULL AND EXISTS "
		"(SELECT 1 FROM milestone m WHERE m.commitment_id = c.id) ORDER BY c.id LIMIT 3",
		-1, &s, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return -1;
	}
	while (sqlite3_step(s) == SQLITE_ROW && n < 3) {
		snprintf(recs[n].kind, sizeof recs[n].kind, "commitments");
		recs[n].id = sqlite3_column_int64(s, 0);
		snprintf(recs[n].ogp, sizeof recs[n].ogp, "%s", sqlite3_column_text(s, 1));
		recs[n].version0 = sqlite3_column_int64(s, 2);
		snprintf(recs[n + 3].kind, sizeof recs[n + 3].kind, "milestones");
		recs[n + 3].id = sqlite3_column_int64(s, 3);
		snprintf(recs[n + 3].ogp, sizeof recs[n + 3].ogp, "%s", recs[n].ogp);
		recs[n + 3].version0 = sqlite3_column_int64(s, 4);
		n++;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n == 3 ? 0 : -1;
}

/* One session's loop: saves until deadline, one line per attempt into f. */
static void
saver(int who, struct person *p, double deadline, FILE *f)
{
	struct form fm;
	struct res  r;
	char        path[96], tpt[160], ten[160], url[160], lbl[96], prog[8], before[8];
	char        ver[32], *b;
	const char *cur;
	double      t0;
	int         i, k, q, st;

	srand((unsigned)(getpid() ^ time(NULL)));
	for (i = 0; rc_now() < deadline; i++) {
		t0 = rc_now();
		k = rand() % NREC;
		snprintf(path, sizeof path, "/admin/%s/%lld", recs[k].kind, recs[k].id);
		if ((st = open_form(p, path, &fm)) != 200 || form_val(&fm, "version") == NULL) {
			fprintf(f, "form\t%s\t%lld\t-\t%d\t0\t-\t-\t-\t-\n", recs[k].kind,
			    recs[k].id, st);
			form_free(&fm);
			goto pace;
		}
		snprintf(ver, sizeof ver, "%s", form_val(&fm, "version"));
		prog[0] = url[0] = before[0] = '\0';
		if (k < 3) {
			snprintf(tpt, sizeof tpt, "Compromisso em carga s%d n%d", who, i);
			snprintf(ten, sizeof ten, "Commitment under load s%d n%d", who, i);
		} else {
			snprintf(tpt, sizeof tpt, "Marco em carga s%d n%d", who, i);
			snprintf(ten, sizeof ten, "Milestone under load s%d n%d", who, i);
			cur = form_val(&fm, "progress");
			snprintf(before, sizeof before, "%s", cur != NULL ? cur : "");
			q = before[0] != '\0' ? atoi(before) : -1;
			q = (q + 1 + rand() % 99) % 101; /* never the current figure */
			snprintf(prog, sizeof prog, "%d", q);
			snprintf(
			    url, sizeof url, "https://example.org/evidencia/s%d-n%d.pdf", who, i);
			snprintf(lbl, sizeof lbl, "Evidencia s%d n%d", who, i);
			/* a new figure with its date, how that date is known, its source and
			 * how sure it is: the editor never dates a figure by the day of the edit */
			form_set(&fm, "progress", prog);
			form_set(&fm, "progress_as_of", "2026-11-30");
			form_set(&fm, "progress_as_of_kind", "stated");
			form_set(&fm, "progress_source", url);
			form_set(&fm, "progress_confidence", "confirmed");
			form_set(&fm, "evidence_url", url);
			form_set(&fm, "evidence_label", lbl);
		}
		form_set(&fm, "title_pt", tpt);
		form_set(&fm, "title_en", ten);
		b = form_encode(&fm);
		rc_post(p, path, b, &r);
		free(b);
		/* kind id version status secs title_pt title_en before>progress url */
		fprintf(f, "save\t%s\t%lld\t%s\t%d\t%.3f\t%s\t%s\t%s%s%s\t%s\n", recs[k].kind,
		    recs[k].id, ver, r.status, r.secs, tpt, ten, before, k < 3 ? "" : ">", prog,
		    url[0] ? url : "-");
		fflush(f);
		res_free(&r);
		form_free(&fm);
	pace:
		t0 = PERIOD_MS / 1000.0 - (rc_now() - t0);
		if (t0 > 0)
			usleep((useconds_t)(t0 * 1e6));
	}
}

static int
cmd_run(char **av)
{
	struct acct   a[NSAVERS];
	struct person p[NSAVERS];
	char          fn[512], login[64];
	FILE         *f;
	double        deadline;
	pid_t         pid[NSAVERS];
	int           i, st, bad = 0, secs = atoi(av[3]);

	rc_base = av[0];
	rc_db = av[1];
	rc_adminbin = av[2];
	if (pick() != 0) {
		fprintf(stderr, "loadedit: no three commitments with milestones\n");
		return 1;
	}
	snprintf(fn, sizeof fn, "%s/records.tsv", av[4]);
	if ((f = fopen(fn, "w")) == NULL)
		return 1;
	for (i = 0; i < NREC; i++)
		fprintf(f, "%s\t%lld\t%lld\t%s\n", recs[i].kind, recs[i].id, recs[i].version0,
		    recs[i].ogp);
	fclose(f);
	for (i = 0; i < NSAVERS; i++) {
		snprintf(login, sizeof login, "carga%d@example.org", i);
		person_init(&p[i], login);
		if (acct_add(&a[i], login, "Editora de carga", "focal", NULL) != 0 ||
		    !login_full(&p[i], &a[i])) {
			fprintf(stderr, "loadedit: %s cannot log in\n", login);
			return 1;
		}
	}
	printf("READY\n");
	fflush(stdout);
	deadline = rc_now() + secs;
	for (i = 0; i < NSAVERS; i++) {
		if ((pid[i] = fork()) == 0) {
			snprintf(fn, sizeof fn, "%s/saver-%d.tsv", av[4], i);
			if ((f = fopen(fn, "w")) == NULL)
				_exit(1);
			saver(i, &p[i], deadline, f);
			fclose(f);
			_exit(0);
		}
	}
	for (i = 0; i < NSAVERS; i++)
		if (pid[i] < 0 || waitpid(pid[i], &st, 0) < 0 || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != 0)
			bad++;
	for (i = 0; i < NSAVERS; i++)
		person_free(&p[i]);
	printf("DONE %d\n", bad);
	return bad ? 1 : 0;
}

/* ---------------------------------------------------------------------------------- */

struct att {
	int       rec;     /* index in recs */
	long long version; /* the version the form was opened on */
	int       status;
	double    secs;
	char      tpt[160], ten[160], before[8], prog[8], url[160];
};

static struct att atts[NSAVERS * MAXATT];
static int        natt;

/* Splits line at tabs into at most n fields (in place); returns the count. */
static int
split(char *line, char **fld, int n)
{
	int   i = 0;
	char *p = line;

	line[strcspn(line, "\n")] = '\0';
	while (i < n) {
		fld[i++] = p;
		if ((p = strchr(p, '\t')) == NULL)
			break;
		*p++ = '\0';
	}
	return i;
}

static int
rec_index(const char *kind, long long id)
{
	int i;

	for (i = 0; i < NREC; i++)
		if (strcmp(recs[i].kind, kind) == 0 && recs[i].id == id)
			return i;
	return -1;
}

static int
load_files(const char *dir, int *forms_bad)
{
	char  fn[512], line[2048], *fld[12], *gt;
	FILE *f;
	int   i, n;

	snprintf(fn, sizeof fn, "%s/records.tsv", dir);
	if ((f = fopen(fn, "r")) == NULL)
		return -1;
	for (i = 0; i < NREC && fgets(line, sizeof line, f) != NULL; i++) {
		if (split(line, fld, 4) != 4)
			break;
		snprintf(recs[i].kind, sizeof recs[i].kind, "%s", fld[0]);
		recs[i].id = strtoll(fld[1], NULL, 10);
		recs[i].version0 = strtoll(fld[2], NULL, 10);
		snprintf(recs[i].ogp, sizeof recs[i].ogp, "%s", fld[3]);
	}
	fclose(f);
	if (i != NREC)
		return -1;
	for (i = 0; i < NSAVERS; i++) {
		snprintf(fn, sizeof fn, "%s/saver-%d.tsv", dir, i);
		if ((f = fopen(fn, "r")) == NULL)
			return -1;
		while (fgets(line, sizeof line, f) != NULL &&
		    natt < (int)(sizeof atts / sizeof atts[0])) {
			n = split(line, fld, 10);
			if (n >= 5 && strcmp(fld[0], "form") == 0) {
				(*forms_bad)++;
				printf("# session %d: form %s %s answered %s\n", i, fld[1], fld[2],
				    fld[4]);
				continue;
			}
			if (n != 10 || strcmp(fld[0], "save") != 0)
				continue;
			struct att *a = &atts[natt];
			memset(a, 0, sizeof *a);
			if ((a->rec = rec_index(fld[1], strtoll(fld[2], NULL, 10))) < 0)
				continue;
			a->version = strtoll(fld[3], NULL, 10);
			a->status = atoi(fld[4]);
			a->secs = strtod(fld[5], NULL);
			snprintf(a->tpt, sizeof a->tpt, "%s", fld[6]);
			snprintf(a->ten, sizeof a->ten, "%s", fld[7]);
			if ((gt = strchr(fld[8], '>')) != NULL) {
				*gt = '\0';
				snprintf(a->before, sizeof a->before, "%s", fld[8]);
				snprintf(a->prog, sizeof a->prog, "%s", gt + 1);
			}
			snprintf(a->url, sizeof a->url, "%s", strcmp(fld[9], "-") ? fld[9] : "");
			natt++;
		}
		fclose(f);
	}
	return 0;
}

/* Counts rows of sql with ?1 = text a, ?2 = id, ?3 = text b, ?4 = text c. */
static long long
count4(sqlite3 *db, const char *sql, const char *a, long long id, const char *b, const char *c)
{
	sqlite3_stmt *s;
	long long     n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		printf("# SQL %s: %s\n", sql, sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_text(s, 1, a, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, id);
	if (sqlite3_bind_parameter_count(s) >= 3)
		sqlite3_bind_text(s, 3, b, -1, SQLITE_TRANSIENT);
	if (sqlite3_bind_parameter_count(s) >= 4)
		sqlite3_bind_text(s, 4, c, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* The milestone's <li> on a commitment page: from its title to the next "</li>". */
static int
ms_block_ok(
    const char *html, const char *title, const char *pct, const char *url, char *why, size_t wlen)
{
	char        want[200];
	const char *p = strstr(html, title), *e;
	size_t      n;

	if (p == NULL)
		return snprintf(why, wlen, "title \"%s\" not on the page", title), 0;
	if ((e = strstr(p, "</li>")) == NULL)
		e = p + strlen(p);
	n = (size_t)(e - p);
	snprintf(want, sizeof want, "<strong>%s%%</strong>", pct);
	if (memmem(p, n, want, strlen(want)) == NULL)
		return snprintf(why, wlen, "%s not beside \"%s\"", want, title), 0;
	snprintf(want, sizeof want, "href=\"%s\"", url);
	if (memmem(p, n, want, strlen(want)) == NULL)
		return snprintf(why, wlen, "%s not beside \"%s\"", want, title), 0;
	return 1;
}

static int
cmd_verify(char **av)
{
	sqlite3          *db;
	sqlite3_stmt     *s;
	struct res        r;
	const struct att *last[NREC] = { 0 };
	long long         acks[NREC] = { 0 }, unknown[NREC] = { 0 }, v;
	char              path[96], why[600] = "", ic[64] = "";
	const char       *lang;
	int               i, k, st[6] = { 0 }, forms_bad = 0, missing = 0, moved = 0, vals = 0;
	int               pages = 0, npages = 0, l;
	double            maxs = 0, sum = 0;

	rc_base = av[0];
	rc_db = av[1];
	if (load_files(av[2], &forms_bad) != 0) {
		tap(0, "read the records and the sessions' logs in %s", av[2]);
		return 1;
	}
	for (i = 0; i < natt; i++) {
		const struct att *a = &atts[i];
		k = a->status == 303   ? 0
		    : a->status == 409 ? 1
		    : a->status == 429 ? 2
		    : a->status >= 500 ? 3
		    : a->status == 0   ? 4
				       : 5;
		st[k]++;
		if (a->status >= 500 || a->status == 0 || (a->status != 303 && a->status != 409))
			printf("# save of %s %lld (version %lld) answered %d\n", recs[a->rec].kind,
			    recs[a->rec].id, a->version, a->status);
		if (a->status == 303) {
			acks[a->rec]++;
			if (last[a->rec] == NULL || a->version > last[a->rec]->version)
				last[a->rec] = a;
		} else if (a->status == 0 || a->status >= 500)
			unknown[a->rec]++;
		sum += a->secs;
		if (a->secs > maxs)
			maxs = a->secs;
	}
	printf("# %d saves tried: %d acknowledged (303), %d conflicts (409), %d limited (429), "
	       "%d 5xx, %d without an answer, %d other; mean %.0f ms, max %.0f ms\n",
	    natt, st[0], st[1], st[2], st[3], st[4], st[5], natt ? sum * 1000 / natt : 0.0,
	    maxs * 1000);
	tap(st[0] >= 30, "the three sessions had saves acknowledged under load (%d)", st[0]);
	tap(st[3] == 0 && st[4] == 0 && st[5] == 0 && forms_bad == 0,
	    "no save and no form answered 5xx, nothing unanswered, nothing but 303 or 409 "
	    "(%d 5xx, %d unanswered, %d other, %d forms)",
	    st[3], st[4], st[5], forms_bad);

	if ((db = sql_open_rw()) == NULL) {
		tap(0, "open the database");
		return 1;
	}
	for (i = 0; i < natt; i++) {
		const struct att *a = &atts[i];
		const struct rec *rc = &recs[a->rec];
		const char *tbl = strcmp(rc->kind, "commitments") == 0 ? "commitment" : "milestone";
		int         ok;

		if (a->status != 303)
			continue;
		ok = count4(db,
			 "SELECT count(*) FROM revision WHERE tbl = ?1 AND row_id = ?2 AND "
			 "op = 'update' AND field = 'title_pt' AND after = ?3",
			 tbl, rc->id, a->tpt, NULL) == 1 &&
		    count4(db,
			"SELECT count(*) FROM revision WHERE tbl = ?1 AND "
			"row_id = ?2 AND op = 'update' AND field = 'title_en' AND after = ?3",
			tbl, rc->id, a->ten, NULL) == 1;
		if (ok && a->prog[0] != '\0')
			ok = count4(db,
				 "SELECT count(*) FROM revision WHERE tbl = ?1 AND row_id = "
				 "?2 AND op = 'update' AND field = 'progress' AND after = ?3 AND "
				 "coalesce(before, '') = ?4",
				 tbl, rc->id, a->prog, a->before) >= 1 &&
			    count4(db,
				"SELECT count(*) FROM link WHERE ?1 = 'evidence' AND "
				"milestone_id = ?2 AND kind = 'evidence' AND url = ?3",
				"evidence", rc->id, a->url, NULL) == 1;
		if (!ok && missing++ < 5)
			printf("# acknowledged save of %s %lld at version %lld (\"%s\") has no "
			       "matching revision rows or evidence link\n",
			    rc->kind, rc->id, a->version, a->tpt);
	}
	tap(missing == 0,
	    "every acknowledged save (%d) is in the revision log with its fields "
	    "(titles; progress before and after) and, for milestones, its evidence link "
	    "(%d missing)",
	    st[0], missing);

	for (k = 0; k < NREC; k++) {
		char sql[160];

		snprintf(sql, sizeof sql, "SELECT version FROM %s WHERE id = ?2",
		    strcmp(recs[k].kind, "commitments") == 0 ? "commitment" : "milestone");
		v = sql_int(sql, NULL, recs[k].id, 0, -1);
		if (v < recs[k].version0 + acks[k] || v > recs[k].version0 + acks[k] + unknown[k]) {
			moved++;
			printf(
			    "# %s %lld: version %lld before, %lld acknowledged saves, now %lld\n",
			    recs[k].kind, recs[k].id, recs[k].version0, acks[k], v);
		}
		if (last[k] == NULL)
			continue;
		{
			char tpt[200], ten[200], pr[16];

			snprintf(sql, sizeof sql, "SELECT title_pt FROM %s WHERE id = ?2",
			    strcmp(recs[k].kind, "commitments") == 0 ? "commitment" : "milestone");
			sql_text(sql, NULL, recs[k].id, tpt, sizeof tpt);
			snprintf(sql, sizeof sql, "SELECT title_en FROM %s WHERE id = ?2",
			    strcmp(recs[k].kind, "commitments") == 0 ? "commitment" : "milestone");
			sql_text(sql, NULL, recs[k].id, ten, sizeof ten);
			pr[0] = '\0';
			if (k >= 3)
				sql_text("SELECT progress FROM milestone WHERE id = ?2", NULL,
				    recs[k].id, pr, sizeof pr);
			if (strcmp(tpt, last[k]->tpt) != 0 || strcmp(ten, last[k]->ten) != 0 ||
			    (k >= 3 && strcmp(pr, last[k]->prog) != 0)) {
				vals++;
				printf(
				    "# %s %lld holds \"%s\" / \"%s\" / %s, the last acknowledged "
				    "save wrote \"%s\" / \"%s\" / %s\n",
				    recs[k].kind, recs[k].id, tpt, ten, pr, last[k]->tpt,
				    last[k]->ten, last[k]->prog);
			}
		}
	}
	tap(moved == 0,
	    "each record's version moved by exactly its acknowledged saves "
	    "(no lost and no phantom write; %d records off)",
	    moved);
	tap(vals == 0, "each record holds the values of its last acknowledged save (%d off)", vals);

	for (l = 0; l < 2; l++) {
		lang = l ? "en" : "pt";
		for (k = 0; k < NREC; k++) {
			if (last[k] == NULL)
				continue;
			snprintf(path, sizeof path, "/%s/commitments/%s", lang, recs[k].ogp);
			rc_get(NULL, path, &r);
			npages++;
			why[0] = '\0';
			if (r.status != 200)
				snprintf(why, sizeof why, "answered %d", r.status);
			else if (k < 3 && strstr(r.body.p, l ? last[k]->ten : last[k]->tpt) == NULL)
				snprintf(why, sizeof why, "lacks the title \"%s\"",
				    l ? last[k]->ten : last[k]->tpt);
			else if (k >= 3)
				ms_block_ok(r.body.p, l ? last[k]->ten : last[k]->tpt,
				    last[k]->prog, last[k]->url, why, sizeof why);
			if (why[0] == '\0')
				pages++;
			else
				printf("# %s: %s\n", path, why);
			res_free(&r);
		}
	}
	tap(pages == npages && npages > 0,
	    "the public commitment pages in PT and EN show the "
	    "last acknowledged titles, progress figures and evidence links (%d of %d checks)",
	    pages, npages);

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			snprintf(ic, sizeof ic, "%s", sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	tap(strcmp(ic, "ok") == 0, "PRAGMA integrity_check is ok (got \"%s\")", ic);
	sqlite3_close(db);
	return tap_failed() ? 1 : 0;
}

int
main(int argc, char *argv[])
{
	int rc;

	signal(SIGPIPE, SIG_IGN);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (argc == 7 && strcmp(argv[1], "run") == 0)
		rc = cmd_run(argv + 2);
	else if (argc == 5 && strcmp(argv[1], "verify") == 0)
		rc = cmd_verify(argv + 2);
	else {
		fprintf(stderr,
		    "usage: loadedit run BASE DB ADMIN_BIN SECONDS OUTDIR\n"
		    "       loadedit verify BASE DB OUTDIR\n");
		rc = 2;
	}
	curl_global_cleanup();
	return rc;
}
