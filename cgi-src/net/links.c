/* The database side of the link checker and the document archive (see links.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/links.h"
#include "store/db.h"
#include "store/linkstate.h"
#include "store/stmt.h"
#include "store/upload.h"

/* A list of addresses. */
struct urls {
	char **v;
	size_t n;
};

/* Reads the addresses which into u.  Returns 0, or -1 after saying why. */
static int
urls_load(enum linkstate_urls which, struct urls *u)
{
	int rc = linkstate_urls(which, &u->v, &u->n);

	if (rc != 0)
		fprintf(stderr, "aberta-admin: cannot read the addresses: %s\n",
		    rc == -2 ? "out of memory" : db_last_error());
	return rc == 0 ? 0 : -1;
}

/* One finished check, kept until the run ends. */
struct checked {
	char  result[10];
	long  status;
	char *final_url;
	char  failure[12];
	char  error[128];
	int   have;
};

/* lc_run's callback of a check: keeps the result. */
static void
check_done(struct lc_result *r, size_t i, void *arg)
{
	struct checked *c = (struct checked *)arg + i;

	snprintf(c->result, sizeof c->result, "%s", lc_result_name(r));
	c->status = r->status;
	c->final_url = r->final_url != NULL ? strdup(r->final_url) : NULL;
	snprintf(c->failure, sizeof c->failure, "%s", lc_failure_name(r->failure));
	snprintf(c->error, sizeof c->error, "%s", r->error);
	c->have = 1;
}

/* The result c of url, as recorded. */
static struct link_result
as_result(const char *url, const struct checked *c)
{
	struct link_result r = { url, c->result, c->status, c->final_url, c->failure, c->error };

	return r;
}

/* Writes the results cs of the addresses u in one transaction, counting in rep those
 * that changed; prunes the rows of addresses no longer used when the run was complete.
 * Returns 0, or -1. */
static int
check_save(sqlite3 *db, const struct urls *u, const struct checked *cs, int complete,
    const char *now, struct links_report *rep)
{
	struct link_result r;
	size_t             i;
	int                n = 0;

	if (store_begin(db) != 0)
		goto fail;
	for (i = 0; i < u->n; i++) {
		if (!cs[i].have)
			continue;
		r = as_result(u->v[i], &cs[i]);
		if (!linkstate_same(&r))
			rep->changed++;
		if (linkstate_save(&r, now) != 0)
			goto fail;
	}
	if (complete && (n = linkstate_prune()) < 0)
		goto fail;
	rep->removed = (size_t)n;
	if (store_commit(db) != 0)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "aberta-admin: cannot record the results, nothing was recorded: %s\n",
	    db_last_error());
	store_rollback(db);
	return -1;
}

int
links_check(
    sqlite3 *db, const struct lc_opts *o, const char *now, FILE *out, struct links_report *rep)
{
	struct urls     u;
	struct checked *cs;
	size_t          i;
	int             rc, complete;

	memset(rep, 0, sizeof *rep);
	if (urls_load(LS_CHECK, &u) != 0)
		return -1;
	if ((cs = calloc(u.n + 1, sizeof *cs)) == NULL) {
		fputs("aberta-admin: out of memory\n", stderr);
		linkstate_urls_free(u.v, u.n);
		return -1;
	}
	complete = lc_run(LC_CHECK, (const char *const *)u.v, u.n, o, check_done, cs) == 0;
	if (!complete)
		fputs("aberta-admin: the check stopped early (libcurl failed); the results "
		      "so far are recorded\n",
		    stderr);
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
	for (i = 0; i < u.n; i++)
		free(cs[i].final_url);
	free(cs);
	linkstate_urls_free(u.v, u.n);
	return rc == 0 && complete ? 0 : -1;
}

/* An archive run's state, for its callback. */
struct arun {
	sqlite3             *db;
	const char          *dir, *now;
	FILE                *out;
	struct links_report *rep;
};

/* lc_run's callback of an archive run: checks the body by its content, stores it and
 * records it, in one transaction. */
static void
archive_done(struct lc_result *r, size_t i, void *arg)
{
	struct arun *a = arg;
	const char  *why = NULL, *mime;
	char         name[256], sha[65];
	int          ch = 0;

	(void)i;
	if (r->failure != LF_NONE) {
		fprintf(a->out, "not archived\t%s\t%s\n", r->url, r->error);
		a->rep->failed++;
		return;
	}
	lc_url_name(r->final_url != NULL ? r->final_url : r->url, name, sizeof name);
	if (store_begin(a->db) != 0)
		why = db_last_error();
	else if (upload_archive(a->db, a->dir, r->body.p, r->body.len, name, sha, &mime, &why) !=
		0 ||
	    (ch = linkstate_archived(r->url, sha, a->now)) < 0 || store_commit(a->db) != 0) {
		if (why == NULL)
			why = db_last_error();
		store_rollback(a->db);
	} else {
		fprintf(
		    a->out, "%s\t%s\t%s %s\n", ch ? "archived" : "unchanged", r->url, mime, sha);
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
links_archive(sqlite3 *db, const struct lc_opts *o, const char *dir, int refresh, const char *now,
    FILE *out, struct links_report *rep)
{
	struct urls u;
	struct arun a = { db, dir, now, out, rep };
	char        err[256];
	int         rc;

	memset(rep, 0, sizeof *rep);
	if (upload_init(err, sizeof err) != 0) {
		fprintf(stderr, "aberta-admin: %s\n", err);
		return -1;
	}
	if (urls_load(refresh ? LS_REFRESH : LS_ARCHIVE, &u) != 0)
		return -1;
	rep->total = u.n;
	rc = lc_run(LC_FETCH, (const char *const *)u.v, u.n, o, archive_done, &a);
	if (rc != 0)
		fputs("aberta-admin: the archive run stopped early (libcurl failed)\n", stderr);
	linkstate_urls_free(u.v, u.n);
	return rc;
}
