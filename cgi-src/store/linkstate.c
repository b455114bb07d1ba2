/* What the link checker and the document archive record (see linkstate.h). */
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/linkstate.h"
#include "store/stmt.h"

enum {
	LS_CHECK_URLS,   /* the addresses a check visits */
	LS_ARCHIVE_URLS, /* the documents an archive run fetches */
	LS_SAME,         /* 1 when the recorded result is the same */
	LS_SAVE,         /* one result */
	LS_PRUNE,        /* the results of addresses no longer used */
	LS_ARCHIVED,     /* one archived copy */
	LS__MAX
};

static const char *const sqls[LS__MAX] = {
	/* LS_CHECK_URLS: every outside address the site shows (the few columns without a
	 * length limit could hold one longer than link_check takes: left out). */
	"SELECT DISTINCT url FROM url_use WHERE length(url) <= 2048 ORDER BY url",
	/* LS_ARCHIVE_URLS: plan documents, document and IRM report links of plans,
	 * milestone evidence; ?1 = 0 leaves out those with a copy already. */
	"SELECT DISTINCT url FROM url_use WHERE (owner = 'milestone' "
	"OR (owner = 'plan' AND field IN ('document_url', 'link:document', "
	"'link:irm_report'))) AND length(url) <= 2048 AND (?1 OR url NOT IN (SELECT url "
	"FROM link_archive)) ORDER BY url",
	/* LS_SAME: the stored result of ?1 compared with a new one (?2 result, ?3 status,
	 * ?4 final url, ?5 failure, ?6 error): one row, 1 when they are the same. */
	"SELECT result IS ?2 AND http_status IS ?3 AND final_url IS ?4 "
	"AND failure IS ?5 AND error IS ?6 FROM link_check WHERE url = ?1",
	/* LS_SAVE: one result (parameters as above, ?7 the run's time) */
	"INSERT INTO link_check (url, result, http_status, final_url, "
	"failure, error, checked_at, changed_at, broken_since) VALUES (?1, ?2, ?3, ?4, ?5, "
	"?6, ?7, ?7, CASE WHEN ?2 = 'broken' THEN ?7 END) ON CONFLICT (url) DO UPDATE SET "
	"checked_at = excluded.checked_at, "
	"changed_at = CASE WHEN result IS NOT excluded.result OR http_status IS NOT "
	"excluded.http_status OR final_url IS NOT excluded.final_url OR failure IS NOT "
	"excluded.failure OR error IS NOT excluded.error THEN excluded.checked_at ELSE "
	"changed_at END, "
	"broken_since = CASE WHEN excluded.result <> 'broken' THEN NULL "
	"ELSE coalesce(broken_since, excluded.checked_at) END, "
	"result = excluded.result, http_status = excluded.http_status, final_url = "
	"excluded.final_url, failure = excluded.failure, error = excluded.error",
	/* LS_PRUNE */
	"DELETE FROM link_check WHERE url NOT IN (SELECT url FROM url_use)",
	/* LS_ARCHIVED: ?1 url, ?2 the copy's SHA-256, ?3 when */
	"INSERT INTO link_archive (url, upload_sha, fetched_at) "
	"VALUES (?1, ?2, ?3) ON CONFLICT (url) DO UPDATE SET upload_sha = "
	"excluded.upload_sha, fetched_at = excluded.fetched_at WHERE upload_sha IS NOT "
	"excluded.upload_sha",
};

STORE_TABLE(store_linkstate, "linkstate", STORE_RW, LS__MAX, sqls);

void
linkstate_urls_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
linkstate_urls(enum linkstate_urls which, char ***v, size_t *n)
{
	sqlite3_stmt *s;
	char        **nv;
	size_t        cap = 0;
	int           oom = 0;

	*v = NULL;
	*n = 0;
	if (which == LS_CHECK)
		s = store_stmt(&store_linkstate, LS_CHECK_URLS);
	else {
		s = store_stmt(&store_linkstate, LS_ARCHIVE_URLS);
		db_bind_int(s, 1, which == LS_REFRESH);
	}
	while (!oom && db_step(s) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nv = realloc(*v, cap * sizeof *nv)) == NULL) {
				oom = 1;
				break;
			}
			*v = nv;
		}
		if (((*v)[*n] = strdup(db_text(s, 0))) == NULL)
			oom = 1;
		else
			(*n)++;
	}
	sqlite3_reset(s);
	if (oom || db_failed()) {
		linkstate_urls_free(*v, *n);
		*v = NULL;
		*n = 0;
		return oom ? -2 : -1;
	}
	return 0;
}

/* Binds r to parameters 1 to 6 of s (an empty text as NULL). */
static void
bind_result(sqlite3_stmt *s, const struct link_result *r)
{
	db_bind_text(s, 1, r->url);
	db_bind_text(s, 2, r->result);
	if (r->status > 0)
		db_bind_int64(s, 3, r->status);
	db_bind_text(s, 4, r->final_url != NULL && *r->final_url ? r->final_url : NULL);
	db_bind_text(s, 5, r->failure != NULL && *r->failure ? r->failure : NULL);
	db_bind_text(s, 6, r->error != NULL && *r->error ? r->error : NULL);
}

int
linkstate_same(const struct link_result *r)
{
	sqlite3_stmt *s = store_stmt(&store_linkstate, LS_SAME);
	int           same;

	bind_result(s, r);
	same = db_step(s) == SQLITE_ROW && db_int(s, 0) != 0;
	sqlite3_reset(s);
	return same;
}

int
linkstate_save(const struct link_result *r, const char *now)
{
	sqlite3_stmt *s = store_stmt(&store_linkstate, LS_SAVE);

	bind_result(s, r);
	db_bind_text(s, 7, now);
	return store_run(s);
}

int
linkstate_prune(void)
{
	sqlite3_stmt *s = store_stmt(&store_linkstate, LS_PRUNE);

	return store_run(s) == 0 ? db_changes(s) : -1;
}

int
linkstate_archived(const char *url, const char *sha, const char *now)
{
	sqlite3_stmt *s = store_stmt(&store_linkstate, LS_ARCHIVED);

	db_bind_text(s, 1, url);
	db_bind_text(s, 2, sha);
	db_bind_text(s, 3, now);
	if (store_run(s) != 0)
		return -1;
	return db_changes(s) > 0;
}
