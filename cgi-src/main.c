/*
 * aberta: the FastCGI worker.  One process answers one request at a time; nginx talks
 * to several of them through one unix socket (spawn-fcgi + multiwatch).  Run without a
 * FastCGI socket (FCGX_IsCGI) it answers the single CGI request in its environment,
 * which the request tests use.
 *
 * Environment: ABERTA_DB (database path, default var/aberta.db), ABERTA_TEMPLATES
 * (template folder, default templates).
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "http/cache.h"
#include "store/db.h"
#include "store/stmt.h"
#include "http/dispatch.h"
#include "store/edit.h"
#include "lib/log.h"
#include "store/upload.h"
#include "view/tpl.h"

static volatile sig_atomic_t stopping;

/* SIGTERM/SIGINT: finish the current request, then leave.  No SA_RESTART, so a
 * blocked accept() returns at once. */
static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

/* Request variables from the FastCGI parameters. */
static const char *
fcgi_get(const char *name, void *arg)
{
	return FCGX_GetParam(name, ((FCGX_Request *)arg)->envp);
}

/* Request variables from the process environment (CGI mode). */
static const char *
env_get(const char *name, void *arg)
{
	(void)arg;
	return getenv(name);
}

/* Reads the body of a FastCGI request. */
static long
fcgi_read(char *p, size_t len, void *arg)
{
	FCGX_Request *rq = arg;

	return FCGX_GetStr(p, len > 1u << 30 ? 1 << 30 : (int)len, rq->in);
}

/* Reads the body of a CGI request from standard input. */
static long
stdin_read(char *p, size_t len, void *arg)
{
	size_t n;

	(void)arg;
	n = fread(p, 1, len, stdin);
	return n == 0 && ferror(stdin) ? -1 : (long)n;
}

/* Log lines during a FastCGI request go to nginx's error log. */
static void
fcgi_log(const char *line, void *arg)
{
	FCGX_Request *rq = arg;

	FCGX_PutS("aberta: ", rq->err);
	FCGX_PutS(line, rq->err);
	FCGX_PutS("\n", rq->err);
}

/* Every template the program names.  A worker that misses one refuses to start, with a
 * log line naming it, rather than fail on the pages that need it.  When a page gets a
 * new template, add it here: tests/reliability/storage.sh compares this list with the
 * template names in cgi-src. */
static const char *const templates[] = {
	"admin_2fa.tpl",
	"admin_audit.tpl",
	"admin_delete.tpl",
	"admin_enrol.tpl",
	"admin_field.tpl",
	"admin_form.tpl",
	"admin_home.tpl",
	"admin_import.tpl",
	"admin_layout.tpl",
	"admin_links.tpl",
	"admin_list.tpl",
	"admin_listnote.tpl",
	"admin_pager.tpl",
	"admin_login.tpl",
	"admin_logins.tpl",
	"admin_relations.tpl",
	"admin_sources.tpl",
	"admin_sources_delete.tpl",
	"admin_sources_edit.tpl",
	"admin_sources_fields.tpl",
	"admin_subscriptions.tpl",
	"admin_reviews.tpl",
	"admin_round.tpl",
	"admin_round_close.tpl",
	"admin_rounds.tpl",
	"admin_submissions.tpl",
	"admin_upload.tpl",
	"admin_user.tpl",
	"admin_users.tpl",
	"admin_workspace.tpl",
	"admin_workspace_top.tpl",
	"alert.tpl", /* aberta-admin's email alerts, from the same folder */
	"alert_item.tpl",
	"asof.tpl",
	"atom.tpl",
	"badge.tpl",
	"commitment.tpl",
	"commitments.tpl",
	"consultation.tpl",
	"consultations.tpl",
	"data.tpl",
	"data_dictionary.tpl",
	"doubt.tpl",
	"error.tpl",
	"event.tpl",
	"events.tpl",
	"facets.tpl",
	"follow_form.tpl",
	"follow_mail.tpl",
	"follow_manage.tpl",
	"follow_token.tpl",
	"headline.tpl",
	"history.tpl",
	"home.tpl",
	"how.tpl",
	"layout.tpl",
	"linkstate.tpl",
	"member.tpl",
	"network.tpl",
	"plan.tpl",
	"plans.tpl",
	"privacy.tpl",
	"progress.tpl",
	"search.tpl",
	"sitemap.tpl",
	"submit.tpl",
	"submit_form.tpl",
	"submitted.tpl",
	"subs.tpl",
	"text.tpl",
	"token.tpl",
	"when.tpl",
};

static const char *dbpath; /* ABERTA_DB */
static sqlite3    *rwdb;   /* the writable connection */

/* Checks that every template of templates[] is in dir.  Returns 0, or -1 with a message
 * naming the first one missing. */
static int
templates_present(const char *dir, char *err, size_t errlen)
{
	char   p[4096];
	size_t i;

	for (i = 0; i < sizeof templates / sizeof templates[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, templates[i]);
		if (access(p, R_OK) != 0) {
			snprintf(err, errlen, "template %s %s %s (%s)", templates[i],
			    errno == ENOENT ? "is missing from" : "cannot be read in", dir,
			    strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* Writes into out (size len) what identifies this program and its templates: the
 * build, the program file's size and time, and the count, newest time and total size
 * of the .tpl files of dir.  It changes when either is replaced (cache_start). */
static void
fingerprint(const char *dir, char *out, size_t len)
{
	char           p[4096];
	struct stat    st;
	long long      t, tmax = 0, total = 0, exe_t = 0, exe_n = 0, count = 0;
	DIR           *d;
	struct dirent *e;
	size_t         n;

	if (stat("/proc/self/exe", &st) == 0) {
		exe_t = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
		exe_n = (long long)st.st_size;
	}
	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			n = strlen(e->d_name);
			if (n < 5 || strcmp(e->d_name + n - 4, ".tpl") != 0)
				continue;
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			if (stat(p, &st) != 0)
				continue;
			t = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
			if (t > tmax)
				tmax = t;
			total += (long long)st.st_size;
			count++;
		}
		closedir(d);
	}
	snprintf(
	    out, len, "%s %lld %lld %lld %lld %lld", BUILD_ID, exe_n, exe_t, count, tmax, total);
}

/* Loads the templates, migrates the database and prepares the statements.  A database
 * that cannot be written (but holds the current schema) still serves reads: saves then
 * answer a clear message (see rw_retry).  Returns 0, or -1 after printing why the
 * worker cannot start. */
static int
start(sqlite3 **dbp)
{
	const char *tdir = getenv("ABERTA_TEMPLATES");
	char        err[512], fp[256];
	sqlite3    *rw;

	dbpath = getenv("ABERTA_DB");
	if (dbpath == NULL || *dbpath == '\0')
		dbpath = "var/aberta.db";
	if (tdir == NULL || *tdir == '\0')
		tdir = "templates";
	if (templates_present(tdir, err, sizeof err) != 0 || tpl_init(tdir, err, sizeof err) != 0)
		goto fail;
	if ((rw = db_open(dbpath, 1, err, sizeof err)) == NULL)
		goto fail;
	if (db_migrate(rw, err, sizeof err) < 0 &&
	    (!db_readonly(rw) || db_version(rw) != db_latest_version())) {
		db_close(rw);
		goto fail;
	}
	if (db_readonly(rw))
		fprintf(stderr,
		    "aberta[%d]: the database %s cannot be written (read-only): "
		    "serving reads; saves are refused until it can be written\n",
		    (int)getpid(), dbpath);
	rwdb = rw;
	if ((*dbp = db_open(dbpath, 0, err, sizeof err)) == NULL) {
		db_close(rw);
		goto fail;
	}
	if (db_prepare_all(*dbp, err, sizeof err) != 0) {
		db_close(*dbp);
		db_close(rw);
		goto fail;
	}
	if (edit_init(rw, err, sizeof err) != 0 || upload_init(err, sizeof err) != 0 ||
	    store_prepare(STORE_RW, rw, err, sizeof err) != 0) {
		db_close(*dbp);
		db_close(rw);
		goto fail;
	}
	dispatch_set_rw(rw);
	store_on_commit(cache_switch);
	/* A generation for the content as it is now; a new build or new templates first
	 * empty the cache. */
	fingerprint(tdir, fp, sizeof fp);
	cache_start(rw, fp);
	return 0;
fail:
	fprintf(stderr, "aberta: cannot start: %s\n", err);
	return -1;
}

/* A writable connection opened while the database file could not be written stays
 * read-only for good.  Before each request, while that lasts, a new one is tried, so
 * that saves work again, without a restart, as soon as the file can be written. */
static void
rw_retry(void)
{
	char     err[512];
	sqlite3 *n;

	if (!db_readonly(rwdb) || (n = db_open(dbpath, 1, err, sizeof err)) == NULL)
		return;
	if (db_readonly(n)) {
		db_close(n);
		return;
	}
	edit_finish();
	if (edit_init(n, err, sizeof err) != 0 ||
	    store_prepare(STORE_RW, n, err, sizeof err) != 0) {
		edit_finish();
		db_close(n);
		if (edit_init(rwdb, err, sizeof err) != 0 ||
		    store_prepare(STORE_RW, rwdb, err, sizeof err) != 0)
			fprintf(stderr, "aberta[%d]: %s\n", (int)getpid(), err);
		return;
	}
	db_close(rwdb);
	rwdb = n;
	dispatch_set_rw(n);
	fprintf(
	    stderr, "aberta[%d]: the database %s can be written again\n", (int)getpid(), dbpath);
}

/* The FastCGI loop: accept, dispatch, send the whole response, finish. */
static void
serve(void)
{
	FCGX_Request     rq;
	struct sigaction sa;
	struct buf       out = { 0 };

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	FCGX_Init();
	FCGX_InitRequest(&rq, 0, 0);
	while (!stopping && FCGX_Accept_r(&rq) >= 0) {
		rw_retry();
		log_set_sink(fcgi_log, &rq);
		dispatch(fcgi_get, fcgi_read, &rq, &out);
		if (out.oom)
			FCGX_PutS("Status: 500 Internal Server Error\r\n"
				  "Content-Type: text/plain; charset=utf-8\r\n\r\n"
				  "500 Internal Server Error\n",
			    rq.out);
		else
			FCGX_PutStr(out.p, (int)out.len, rq.out);
		log_set_sink(NULL, NULL);
		FCGX_Finish_r(&rq);
		if (out.cap > (1u << 22))
			buf_free(&out);
	}
	buf_free(&out);
}

int
main(void)
{
	sqlite3   *db = NULL;
	struct buf out = { 0 };
	int        rc = 0;

	db_log_init();
	if (sodium_init() < 0 || start(&db) != 0)
		return 1;
	if (FCGX_IsCGI()) {
		dispatch(env_get, stdin_read, NULL, &out);
		if (fwrite(out.p, 1, out.len, stdout) != out.len)
			rc = 1;
		buf_free(&out);
	} else
		serve();
	db_finalize_all();
	edit_finish();
	upload_done();
	db_close(db);
	db_close(rwdb);
	return rc;
}
