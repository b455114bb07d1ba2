/* The database side of the link checker and the document archive (see links.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/cache.h"
#include "store/db.h"
#include "net/links.h"
#include "store/upload.h"

/* The addresses a check visits: every outside address the site shows (the few columns
 * without a length limit could hold one longer than link_check takes: left out). */
#define SQL_CHECK_URLS	"SELECT DISTINCT url FROM url_use WHERE length(url) <= 2048 " \
	"ORDER BY url"
/* The documents an archive run fetches: plan documents, document and IRM report links of
 * plans, milestone evidence; ?1 = 0 leaves out those with a copy already. */
#define SQL_ARCHIVE_URLS "SELECT DISTINCT url FROM url_use WHERE (owner = 'milestone' " \
	"OR (owner = 'plan' AND field IN ('document_url', 'link:document', " \
	"'link:irm_report'))) AND length(url) <= 2048 AND (?1 OR url NOT IN (SELECT url " \
	"FROM link_archive)) " \
	"ORDER BY url"
/* The stored result of ?1, compared with a new one (?2 result, ?3 status, ?4 final url,
 * ?5 failure, ?6 error): one row, 1 when they are the same. */
#define SQL_CHECK_SAME "SELECT result IS ?2 AND http_status IS ?3 AND final_url IS ?4 " \
	"AND failure IS ?5 AND error IS ?6 FROM link_check WHERE url = ?1"
/* One result (parameters as above, ?7 the run's time): a changed result moves
 * changed_at; broken_since is kept while the address stays broken. */
#define SQL_CHECK_SAVE "INSERT INTO link_check (url, result, http_status, final_url, " \
	"failure, error, checked_at, changed_at, broken_since) VALUES (?1, ?2, ?3, ?4, ?5, " \
	"?6, ?7, ?7, CASE WHEN ?2 = 'broken' THEN ?7 END) ON CONFLICT (url) DO UPDATE SET " \
	"checked_at = excluded.checked_at, " \
	"changed_at = CASE WHEN result IS NOT excluded.result OR http_status IS NOT " \
	"excluded.http_status OR final_url IS NOT excluded.final_url OR failure IS NOT " \
	"excluded.failure OR error IS NOT excluded.error THEN excluded.checked_at ELSE " \
	"changed_at END, " \
	"broken_since = CASE WHEN excluded.result <> 'broken' THEN NULL " \
	"ELSE coalesce(broken_since, excluded.checked_at) END, " \
	"result = excluded.result, http_status = excluded.http_status, final_url = " \
	"excluded.final_url, failure = excluded.failure, error = excluded.error"
#define SQL_ARCHIVE_SAVE "INSERT INTO link_archive (url, upload_sha, fetched_at) " \
	"VALUES (?1, ?2, ?3) ON CONFLICT (url) DO UPDATE SET upload_sha = " \
	"excluded.upload_sha, fetched_at = excluded.fetched_at WHERE upload_sha IS NOT " \
	"excluded.upload_sha"

/* A list of addresses. */
struct urls {
	char	**v;
	size_t	  n;
};

static void
urls_free(struct urls *u)
{
	size_t	 i;

	for (i = 0; i < u->n; i++)
		free(u->v[i]);
	free(u->v);
	u->v = NULL;
	u->n = 0;
}

/* Reads the first column of sql (?1 = p1) into u.  Returns 0, or -1 after saying why. */
static int
urls_load(sqlite3 *db, const char *sql, int p1, struct urls *u)
{
	sqlite3_stmt	*s;
	char		**nv;
	size_t		  cap = 0;
	int		  rc;

	u->v = NULL;
	u->n = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "aberta-admin: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_bind_parameter_count(s) > 0)
		sqlite3_bind_int(s, 1, p1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (u->n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nv = realloc(u->v, cap * sizeof *nv)) == NULL)
				break;
			u->v = nv;
		}
		if ((u->v[u->n] = strdup(db_text(s, 0))) == NULL)
			break;
		u->n++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "aberta-admin: cannot read the addresses: %s\n",
		    rc == SQLITE_ROW ? "out of memory" : sqlite3_errmsg(db));
		urls_free(u);
		return -1;
	}
	return 0;
}

/* One finished check, kept until the run ends. */
struct checked {
	char		 result[10];
	long		 status;
	char		*final_url;
	char		 failure[12];
	char		 error[128];
	int		 have;
};

/* lc_run's callback of a check: keeps the result. */
static void
check_done(struct lc_result *r, size_t i, void *arg)
{
	struct checked	*c = (struct checked *)arg + i;

	snprintf(c->result, sizeof c->result, "%s", lc_result_name(r));
	c->status = r->status;
	c->final_url = r->final_url != NULL ? strdup(r->final_url) : NULL;
	snprintf(c->failure, sizeof c->failure, "%s", lc_failure_name(r->failure));
	snprintf(c->error, sizeof c->error, "%s", r->error);
	c->have = 1;
}

/* Binds text v to parameter i of s, or NULL when v is NULL or empty. */
static void
bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (v != NULL && *v != '\0')
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* Binds the result c of url to parameters 1 to 6 of s (reset first). */
static void
bind_result(sqlite3_stmt *s, const char *url, const struct checked *c)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, c->result, -1, SQLITE_STATIC);
	if (c->status > 0)
		sqlite3_bind_int64(s, 3, c->status);
	bind_opt(s, 4, c->final_url);
	bind_opt(s, 5, c->failure);
	bind_opt(s, 6, c->error);
}

/* Writes the results cs of the addresses u in one transaction, counting in rep those
 * that changed; prunes the rows of addresses no longer used when the run was complete.
 * Returns 0, or -1. */
static int
check_save(sqlite3 *db, const struct urls *u, const struct checked *cs, int complete,
    const char *now, struct links_report *rep)
{
	sqlite3_stmt	*s = NULL, *same = NULL;
	size_t		 i;

	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, SQL_CHECK_SAVE, -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, SQL_CHECK_SAME, -1, &same, NULL) != SQLITE_OK)
		goto fail;
	for (i = 0; i < u->n; i++) {
		if (!cs[i].have)
			continue;
		bind_result(same, u->v[i], &cs[i]);
		if (sqlite3_step(same) != SQLITE_ROW || sqlite3_column_int(same, 0) == 0)
			rep->changed++;
		bind_result(s, u->v[i], &cs[i]);
		sqlite3_bind_text(s, 7, now, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			goto fail;
	}
	sqlite3_finalize(same);
	same = NULL;
	if (complete) {
		if (sqlite3_exec(db, "DELETE FROM link_check WHERE url NOT IN (SELECT url "
		    "FROM url_use)", NULL, NULL, NULL) != SQLITE_OK)
			goto fail;
		rep->removed = (size_t)sqlite3_changes(db);
	}
	sqlite3_finalize(s);
	s = NULL;
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "aberta-admin: cannot record the results, nothing was recorded: %s\n",
	    sqlite3_errmsg(db));
	sqlite3_finalize(s);
	sqlite3_finalize(same);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int
links_check(sqlite3 *db, const struct lc_opts *o, const char *now, FILE *out,
    struct links_report *rep)
{
	struct urls	 u;
	struct checked	*cs;
	size_t		 i;
	int		 rc, complete;

	memset(rep, 0, sizeof *rep);
	if (urls_load(db, SQL_CHECK_URLS, 0, &u) != 0)
		return -1;
	if ((cs = calloc(u.n + 1, sizeof *cs)) == NULL) {
		fputs("aberta-admin: out of memory\n", stderr);
		urls_free(&u);
		return -1;
	}
	complete = lc_run(LC_CHECK, (const char *const *)u.v, u.n, o, check_done, cs) == 0;
	if (!complete)
		fputs("aberta-admin: the check stopped early (libcurl failed); the results "
		    "so far are recorded\n", stderr);
	rep->total = u.n;
	for (i = 0; i < u.n; i++) {
		if (!cs[i].have)
			continue;
		if (strcmp(cs[i].result, "broken") == 0) {
			rep->broken++;
			fprintf(out, "broken\t%s\t%s\n", u.v[i], cs[i].error);
		} else if (strcmp(cs[i].result, "redirect") == 0)
			rep->redirect++;
		else
			rep->ok++;
	}
	rc = check_save(db, &u, cs, complete, now, rep);
	if (rc == 0)
		cache_invalidate(db);
	for (i = 0; i < u.n; i++)
		free(cs[i].final_url);
	free(cs);
	urls_free(&u);
	return rc == 0 && complete ? 0 : -1;
}

/* An archive run's state, for its callback. */
struct arun {
	sqlite3			*db;
	const char		*dir, *now;
	FILE			*out;
	struct links_report	*rep;
};

/* Records the copy sha of url in link_archive.  Returns 1 when the row changed, 0 when
 * it already held that copy, -1 on error. */
static int
archive_record(sqlite3 *db, const char *url, const char *sha, const char *now)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(db, SQL_ARCHIVE_SAVE, -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, sha, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc != SQLITE_DONE ? -1 : sqlite3_changes(db) > 0;
}

/* lc_run's callback of an archive run: checks the body by its content, stores it and
 * records it, in one transaction. */
static void
archive_done(struct lc_result *r, size_t i, void *arg)
{
	struct arun	*a = arg;
	const char	*why = NULL, *mime;
	char		 name[256], sha[65];
	int		 ch = 0;

	(void)i;
	if (r->failure != LF_NONE) {
		fprintf(a->out, "not archived\t%s\t%s\n", r->url, r->error);
		a->rep->failed++;
		return;
	}
	lc_url_name(r->final_url != NULL ? r->final_url : r->url, name, sizeof name);
	if (sqlite3_exec(a->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		why = sqlite3_errmsg(a->db);
	else if (upload_archive(a->db, a->dir, r->body.p, r->body.len, name, sha, &mime,
	    &why) != 0 || (ch = archive_record(a->db, r->url, sha, a->now)) < 0 ||
	    sqlite3_exec(a->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		if (why == NULL)
			why = sqlite3_errmsg(a->db);
		sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
	} else {
		fprintf(a->out, "%s\t%s\t%s %s\n", ch ? "archived" : "unchanged", r->url,
		    mime, sha);
		if (ch)
			a->rep->changed++;
		else
			a->rep->same++;
		return;
	}
	fprintf(a->out, "not archived\t%s\t%s (the server said %s)\n", r->url, why,
	    r->ctype[0] != '\0' ? r->ctype : "no type");
	a->rep->failed++;
}

int
links_archive(sqlite3 *db, const struct lc_opts *o, const char *dir, int refresh,
    const char *now, FILE *out, struct links_report *rep)
{
	struct urls	 u;
	struct arun	 a = { db, dir, now, out, rep };
	char		 err[256];
	int		 rc;

	memset(rep, 0, sizeof *rep);
	if (upload_init(err, sizeof err) != 0) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		return -1;
	}
	if (urls_load(db, SQL_ARCHIVE_URLS, refresh, &u) != 0)
		return -1;
	rep->total = u.n;
	rc = lc_run(LC_FETCH, (const char *const *)u.v, u.n, o, archive_done, &a);
	if (rc != 0)
		fputs("aberta-admin: the archive run stopped early (libcurl failed)\n", stderr);
	cache_invalidate(db);
	urls_free(&u);
	return rc;
}
