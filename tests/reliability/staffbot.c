/*
 * staffbot: the staff member of the reliability tests (the scripts in tests/reliability).  It logs
 * in through the real admin area (password, then the TOTP second factor) and saves forms
 * exactly as a browser would: it opens the form, changes one field, posts every control
 * back.  Forms, accounts and the login come from the shared client (tests/lib/client.c).
 *
 *   staffbot login BASE DB ADMIN_BIN LOGIN
 *       creates a focal-point account LOGIN with aberta-admin, logs in with both factors
 *       and prints the session cookie ("aberta=...") on stdout.
 *   staffbot save BASE COOKIE PATH FIELD VALUE [FILE]
 *       opens the form at PATH, sets FIELD to VALUE and posts it (multipart/form-data
 *       with FILE as evidence_file when FILE is given).  Prints "STATUS<TAB>LOCATION";
 *       with REL_BODY=F the answer's body is written to F.  Exit 0 when an answer came.
 *   staffbot saveloop BASE COOKIE PATH FIELD TAG SECONDS OUT
 *       for SECONDS, saves FIELD = TAG-<n> (n = 1, 2, ...) again and again; appends one
 *       line per attempt to OUT, flushed at once: "n<TAB>STATUS<TAB>VALUE", STATUS being
 *       the answer to the POST (303: acknowledged), 0 when none came, or "G<status>"
 *       when the form itself could not be opened (nothing was posted).
 */
#include <curl/curl.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/buf.h"
#include "client.h"

static const char *base;
static const char *cookie; /* "aberta=..." for save and saveloop */
static long        timeout_s = 30;

static size_t
on_data(char *p, size_t sz, size_t n, void *arg)
{
	buf_put(arg, p, sz * n);
	return sz * n;
}

/* Sends method path (body: url-encoded, or NULL) on handle c; fills r.  0 or -1. */
static int
http(CURL *c, const char *method, const char *path, const char *body, struct res *r)
{
	char     url[4096];
	long     code = 0;
	CURLcode rc;

	memset(r, 0, sizeof *r);
	snprintf(url, sizeof url, "%s%s", base, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->head);
	if (cookie != NULL)
		curl_easy_setopt(c, CURLOPT_COOKIE, cookie);
	if (strcmp(method, "POST") == 0) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body != NULL ? body : "");
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)(body ? strlen(body) : 0));
	} else
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	r->status = rc == CURLE_OK ? (int)code : 0;
	if (r->body.p == NULL)
		buf_puts(&r->body, "");
	if (r->head.p == NULL)
		buf_puts(&r->head, "");
	if (rc != CURLE_OK)
		fprintf(stderr, "staffbot: %s %s: %s\n", method, path, curl_easy_strerror(rc));
	return rc == CURLE_OK ? 0 : -1;
}

static int
cmd_login(const char *db, const char *adminbin, const char *login)
{
	struct person p;
	struct acct   a;
	char          tok[200] = "";
	int           ok;

	rc_base = base;
	rc_db = db;
	rc_adminbin = adminbin;
	if (acct_add(&a, login, "Reliability test", "focal", NULL) != 0)
		return 1;
	person_init(&p, login);
	if ((ok = login_full(&p, &a)))
		jar_value(&p, "aberta", tok, sizeof tok);
	person_free(&p);
	if (!ok || tok[0] == '\0') {
		fprintf(stderr, "staffbot: %s could not log in with both factors\n", login);
		return 1;
	}
	printf("aberta=%s\n", tok);
	return 0;
}

/* ------------------------------------------------------------------------------------
 * Saves.
 */

/* Opens the form at path, sets field to value and posts it (multipart with file when
 * not NULL); fills r with the answer to the POST.  Returns 0, or the status of the GET
 * (or 1 when the form was not on the page) when nothing was posted. */
static int
save(CURL *c, const char *path, const char *field, const char *value, const char *file,
    struct res *r)
{
	struct res     g;
	struct form    f;
	curl_mime     *m;
	curl_mimepart *part;
	char          *b, url[4096];
	long           code = 0;
	int            i, gst;
	CURLcode       rc;

	http(c, "GET", path, NULL, &g);
	gst = g.status;
	if (gst != 200 || form_parse(g.body.p, path, &f) != 0) {
		memset(r, 0, sizeof *r);
		r->body = g.body;
		r->head = g.head;
		return gst == 200 ? 1 : gst == 0 ? -1 : gst;
	}
	res_free(&g);
	form_set(&f, field, value);
	if (file == NULL) {
		b = form_encode(&f);
		http(c, "POST", path, b, r);
		free(b);
		form_free(&f);
		return 0;
	}
	memset(r, 0, sizeof *r);
	m = curl_mime_init(c);
	for (i = 0; i < f.n; i++) {
		part = curl_mime_addpart(m);
		curl_mime_name(part, f.name[i]);
		curl_mime_data(part, f.val[i], CURL_ZERO_TERMINATED);
	}
	part = curl_mime_addpart(m);
	curl_mime_name(part, "evidence_file");
	curl_mime_filedata(part, file);
	snprintf(url, sizeof url, "%s%s", base, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_MIMEPOST, m);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->head);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	r->status = rc == CURLE_OK ? (int)code : 0;
	curl_easy_setopt(c, CURLOPT_MIMEPOST, NULL);
	curl_mime_free(m);
	if (r->body.p == NULL)
		buf_puts(&r->body, "");
	if (r->head.p == NULL)
		buf_puts(&r->head, "");
	form_free(&f);
	return 0;
}

static int
cmd_save(const char *path, const char *field, const char *value, const char *file)
{
	CURL       *c = curl_easy_init();
	struct res  r;
	const char *bf = getenv("REL_BODY");
	char        loc[1024] = "-";
	FILE       *f;
	int         rc;

	rc = save(c, path, field, value, file, &r);
	if (bf != NULL && *bf != '\0' && (f = fopen(bf, "w")) != NULL) {
		fputs(r.body.p ? r.body.p : "", f);
		fclose(f);
	}
	res_header(&r, "Location", loc, sizeof loc);
	if (rc != 0)
		printf("G%d\t%s\n", rc, loc);
	else
		printf("%d\t%s\n", r.status, loc);
	res_free(&r);
	curl_easy_cleanup(c);
	return rc == 0 && r.status != 0 ? 0 : 1;
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
cmd_saveloop(const char *path, const char *field, const char *tag, double secs, const char *outpath)
{
	CURL      *c = curl_easy_init();
	FILE      *out = fopen(outpath, "a");
	struct res r;
	double     end = now_s() + secs;
	char       value[128];
	long       n = 0;
	int        rc;

	if (out == NULL) {
		perror(outpath);
		return 1;
	}
	setvbuf(out, NULL, _IOLBF, 0);
	timeout_s = 20;
	while (now_s() < end) {
		snprintf(value, sizeof value, "%s-%ld", tag, ++n);
		rc = save(c, path, field, value, NULL, &r);
		if (rc != 0)
			fprintf(out, "%ld\tG%d\t%s\n", n, rc < 0 ? 0 : rc, value);
		else
			fprintf(out, "%ld\t%d\t%s\n", n, r.status, value);
		fflush(out);
		res_free(&r);
		if (rc != 0 || r.status == 0 || r.status >= 500 || r.status == 429)
			usleep(50 * 1000); /* the site is restarting: do not spin */
	}
	fclose(out);
	curl_easy_cleanup(c);
	return 0;
}

int
main(int argc, char *argv[])
{
	int rc = 2;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (argc == 6 && strcmp(argv[1], "login") == 0) {
		base = argv[2];
		rc = cmd_login(argv[3], argv[4], argv[5]);
	} else if ((argc == 7 || argc == 8) && strcmp(argv[1], "save") == 0) {
		base = argv[2];
		cookie = argv[3];
		rc = cmd_save(argv[4], argv[5], argv[6], argc == 8 ? argv[7] : NULL);
	} else if (argc == 9 && strcmp(argv[1], "saveloop") == 0) {
		base = argv[2];
		cookie = argv[3];
		rc = cmd_saveloop(argv[4], argv[5], argv[6], atof(argv[7]), argv[8]);
	} else
		fputs("usage: staffbot login BASE DB ADMIN_BIN LOGIN\n"
		      "       staffbot save BASE COOKIE PATH FIELD VALUE [FILE]\n"
		      "       staffbot saveloop BASE COOKIE PATH FIELD TAG SECONDS OUT\n",
		    stderr);
	curl_global_cleanup();
	return rc;
}
