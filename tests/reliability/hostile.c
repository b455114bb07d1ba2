/*
 * hostile: hostile and broken input against every route, public and admin (issue 7,
 * section 5).  Run by tests/reliability/hostile.sh against a fresh site:
 *
 *   hostile BASE DB ADMIN_BIN SPAWN_PID_FILE UPLOADS_DIR WORKDIR
 *
 * The routes are those of cgi-src/http/routes.c with real ids from the database; the admin
 * routes are sent with a valid staff session (an administrator, logged in with both
 * factors) and, for POSTs, a valid anti-CSRF token and a complete form as the page
 * offers it, so that each case differs from a correct request only by its hostile part.
 * Each attack of the table below applies to the routes it fits; every (attack, route)
 * pair is one case, and for every case:
 *   - the status is one the table allows: a 4xx for refused input (never 2xx, never
 *     5xx); "ignored" input (a broken cookie, an unknown query parameter) gets the
 *     route's normal answer;
 *   - the body says why in words (a sentence in the HTML, or a line of text);
 *   - no response header was injected (no "X-Injected", no "x=y" cookie);
 *   - no worker crashed: the workers' pids (children of multiwatch) are the same;
 *   - nothing was stored: a checksum of every content table (all but sessions, login
 *     failures and known networks, the citizens' attempts and challenges, and the audit
 *     log) and of the upload folder is the same;
 *   - the next normal requests are served (GET /pt/ 200, and GET /admin/ 200 with the
 *     session).
 * Then broken JSON files for `aberta-admin import`: a non-zero exit with a message, no
 * crash, the database unchanged.
 * The routes and attacks of issue 16 (a document's page and withdrawal, the lift of a
 * login's failures, the citizens' proof of work under pressure) are in hostile_sec.c.
 * Prints TAP; one line per case.  nginx's own 429 (the flood limits of the config) is
 * waited out and the case retried, so that the limits do not hide what the app does.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "hostile.h"

static const char   *spawnpid, *updir, *workdir;
static int           nretry;
static char          tok[128];  /* the administrator's session token */
static char          csrf[128]; /* its anti-CSRF token */
static char          pre[128];  /* a pre-session token (cookie and login form field) */
static struct acct   hal;
static struct person p_hal;

/* ----------------------------------------------------------------------------------
 * What must not change: the workers, the content, the uploads.
 */

/* The workers' pids, sorted, as text ("" when multiwatch is gone). */
static void
workers(char *out, size_t outlen)
{
	char           buf[512], *p;
	long           mw, pids[64];
	int            n = 0, i, j, fd;
	ssize_t        r;
	DIR           *d;
	struct dirent *e;
	FILE          *f;

	out[0] = '\0';
	if ((f = fopen(spawnpid, "r")) == NULL)
		return;
	if (fscanf(f, "%ld", &mw) != 1)
		mw = -1;
	fclose(f);
	if (mw <= 0 || (d = opendir("/proc")) == NULL)
		return;
	while ((e = readdir(d)) != NULL && n < 64) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		snprintf(buf, sizeof buf, "/proc/%s/stat", e->d_name);
		if ((fd = open(buf, O_RDONLY)) < 0)
			continue;
		r = read(fd, buf, sizeof buf - 1);
		close(fd);
		if (r <= 0)
			continue;
		buf[r] = '\0';
		/* pid (comm) state ppid: comm may hold spaces, so start after the last ')' */
		if ((p = strrchr(buf, ')')) == NULL || p[1] == '\0' || p[2] == '\0')
			continue;
		if (p[2] == 'Z')
			continue;
		if (strtol(p + 4, NULL, 10) == mw)
			pids[n++] = strtol(e->d_name, NULL, 10);
	}
	closedir(d);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && pids[j - 1] > pids[j]; j--) {
			long t = pids[j];
			pids[j] = pids[j - 1];
			pids[j - 1] = t;
		}
	for (i = 0; i < n; i++)
		snprintf(out + strlen(out), outlen - strlen(out), "%s%ld", i ? " " : "", pids[i]);
}

/* Per-table digests of the last checksum, to name what changed. */
#define MAXTABLES 64
struct tsum {
	char          name[64];
	unsigned char h[32];
};
static struct tsum tsums[MAXTABLES], tsums_prev[MAXTABLES];
static int         ntsums, ntsums_prev;

/* Names the tables whose digest differs from the previous checksum's. */
static void
changed_tables(char *out, size_t outlen)
{
	int i, j, found;

	out[0] = '\0';
	for (i = 0; i < ntsums; i++) {
		for (found = 0, j = 0; j < ntsums_prev; j++)
			if (strcmp(tsums[i].name, tsums_prev[j].name) == 0) {
				found = memcmp(tsums[i].h, tsums_prev[j].h, 32) == 0;
				break;
			}
		if (!found)
			snprintf(out + strlen(out), outlen - strlen(out), "%s%s",
			    out[0] ? ", " : "", tsums[i].name);
	}
	if (out[0] == '\0')
		snprintf(out, outlen, "the upload folder");
}

/* Adds the names and sizes of the files under dir (and one level of folders below it:
 * imports waiting for confirmation) to st. */
static void
upload_listing(crypto_hash_sha256_state *st, const char *dir, int depth)
{
	char           line[1200];
	DIR           *d;
	struct dirent *e;
	struct stat    sb;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		snprintf(line, sizeof line, "%s/%s", dir, e->d_name);
		if (e->d_name[0] == '.' || stat(line, &sb) != 0)
			continue;
		if (S_ISDIR(sb.st_mode)) {
			if (depth == 0)
				upload_listing(st, line, 1);
			continue;
		}
		snprintf(line, sizeof line, "%s/%s:%lld\n", dir, e->d_name, (long long)sb.st_size);
		crypto_hash_sha256_update(st, (const unsigned char *)line, strlen(line));
	}
	closedir(d);
}

/* SHA-256 (hex) of every content table and of the upload folder's listing. */
static void
checksum(char out[65])
{
	crypto_hash_sha256_state st, ts;
	unsigned char            h[32];
	sqlite3                 *db = sql_open_rw();
	sqlite3_stmt            *t, *s;
	char                     sql[160];
	int                      i, nc;

	crypto_hash_sha256_init(&st);
	memcpy(tsums_prev, tsums, sizeof tsums);
	ntsums_prev = ntsums;
	ntsums = 0;
	if (db != NULL &&
	    sqlite3_prepare_v2(db,
		"SELECT name FROM sqlite_master WHERE type = "
		"'table' AND name NOT IN ('session', 'login_failure', 'login_known', 'audit_log', "
		"'submit_attempt') "
		"AND name NOT LIKE 'sqlite_%' ORDER BY name",
		-1, &t, NULL) == SQLITE_OK) {
		while (sqlite3_step(t) == SQLITE_ROW) {
			snprintf(
			    sql, sizeof sql, "SELECT * FROM \"%s\"", sqlite3_column_text(t, 0));
			crypto_hash_sha256_update(&st, (const unsigned char *)sql, strlen(sql));
			if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
				continue;
			crypto_hash_sha256_init(&ts);
			nc = sqlite3_column_count(s);
			while (sqlite3_step(s) == SQLITE_ROW)
				for (i = 0; i < nc; i++) {
					const unsigned char *v = sqlite3_column_blob(s, i);
					int                  n = sqlite3_column_bytes(s, i);
					unsigned char        sep[2] = { 0x1f,
						       (unsigned char)sqlite3_column_type(s, i) };

					crypto_hash_sha256_update(&st, sep, 2);
					crypto_hash_sha256_update(&ts, sep, 2);
					if (v != NULL) {
						crypto_hash_sha256_update(
						    &st, v, (unsigned long long)n);
						crypto_hash_sha256_update(
						    &ts, v, (unsigned long long)n);
					}
				}
			sqlite3_finalize(s);
			if (ntsums < MAXTABLES) {
				snprintf(tsums[ntsums].name, sizeof tsums[0].name, "%s",
				    sqlite3_column_text(t, 0));
				crypto_hash_sha256_final(&ts, tsums[ntsums++].h);
			}
		}
		sqlite3_finalize(t);
	}
	sqlite3_close(db);
	upload_listing(&st, updir, 0);
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, 65, h, sizeof h);
}

/* ----------------------------------------------------------------------------------
 * The routes, with real ids.
 */

struct route routes[MAXROUTES];
int          nroutes;

struct route *
route_add(
    const char *method, int flags, enum bodykind bk, int segi, char segtype, const char *fmt, ...)
{
	struct route *r;
	va_list       ap;

	if (nroutes >= MAXROUTES) {
		fprintf(stderr, "hostile: more than %d routes\n", MAXROUTES);
		exit(2);
	}
	r = &routes[nroutes++];
	memset(r, 0, sizeof *r);
	r->method = method;
	r->flags = flags;
	r->bk = bk;
	r->segi = segi;
	r->segtype = segtype;
	va_start(ap, fmt);
	vsnprintf(r->path, sizeof r->path, fmt, ap);
	va_end(ap);
	memcpy(r->formpage, r->path, sizeof r->formpage);
	return r;
}

/* ----------------------------------------------------------------------------------
 * Requests.
 */

void
hreq_free(struct hreq *q)
{
	int i;

	buf_free(&q->path);
	buf_free(&q->body);
	for (i = 0; i < q->nh; i++)
		free(q->hdrs[i]);
	q->nh = 0;
}

void
hdr_add(struct hreq *q, const char *fmt, ...)
{
	va_list ap;
	char   *s;

	if (q->nh >= MAXHDRS)
		return;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (s != NULL)
		q->hdrs[q->nh++] = s;
	q->hdrs[q->nh] = NULL;
}

/* The complete, correct form of a POST route (B_FORM), read from its page. */
static int
route_form(const struct route *rt, struct form *f)
{
	struct res  r;
	const char *h[] = { NULL, NULL };
	char        ck[200];

	memset(f, 0, sizeof *f);
	switch (rt->bk) {
	case B_FORM:
		snprintf(ck, sizeof ck, "Cookie: aberta=%s", tok);
		h[0] = ck;
		rc_http(NULL, "GET", rt->formpage, NULL, NULL, 0, h, &r);
		if (form_parse(r.body.p, rt->path, f) != 0) {
			diag("no form with action %s on %s (%d)", rt->path, rt->formpage, r.status);
			form_add(f, "csrf", csrf);
		}
		res_free(&r);
		for (int i = 0; i < 8 && rt->fill[i] != NULL; i += 2)
			form_set(f, rt->fill[i], rt->fill[i + 1]);
		break;
	case B_LOGIN:
		form_add(f, "csrf", pre);
		form_add(f, "login", "nobody-hostile@example.org");
		form_add(f, "password", "not-the-password-hostile");
		break;
	case B_CODE:
		form_add(f, "csrf", csrf);
		form_add(f, "code", "000000");
		break;
	case B_CSRF:
		form_add(f, "csrf", csrf);
		break;
	case B_NONE:
		break;
	}
	return 0;
}

void
base_req(const struct route *rt, struct hreq *q, struct form *f)
{
	char *b;

	memset(q, 0, sizeof *q);
	q->method = rt->method;
	buf_puts(&q->path, rt->path);
	if (strcmp(rt->method, "POST") == 0) {
		route_form(rt, f);
		b = form_encode(f);
		buf_puts(&q->body, b);
		free(b);
		q->has_body = 1;
		q->ctype = "application/x-www-form-urlencoded";
	} else
		memset(f, 0, sizeof *f);
}

void
set_body(struct hreq *q, const struct form *f)
{
	char *b = form_encode(f);

	buf_reset(&q->body);
	buf_puts(&q->body, b);
	free(b);
}

int
send_req(struct hreq *q, struct res *r)
{
	char ck[600];
	int  i, n = q->nh, tries;

	if (!q->stranger) {
		if (q->hdrs[0] != NULL && strncasecmp(q->hdrs[0], "Cookie:", 7) == 0)
			; /* the case sets its own cookies */
		else if (strcmp(q->method, "POST") == 0 && q->path.p != NULL &&
		    strncmp(q->path.p, "/admin/login", 12) == 0 &&
		    !isalpha((unsigned char)q->path.p[12])) { /* not /admin/logins */
			snprintf(ck, sizeof ck, "Cookie: aberta_pre=%s", pre);
			hdr_add(q, "%s", ck);
		} else {
			snprintf(ck, sizeof ck, "Cookie: aberta=%s", tok);
			hdr_add(q, "%s", ck);
		}
	}
	for (tries = 0; tries < 20; tries++) {
		rc_http(NULL, q->method, q->path.p, q->ctype,
		    q->has_body ? (q->body.p ? q->body.p : "") : NULL, q->body.len,
		    (const char *const *)q->hdrs, r);
		if (!(r->status == 429 && strncmp(r->body.p, "429 Demasiados pedidos", 22) == 0))
			break;
		res_free(r);
		nretry++;
		sleep(1);
	}
	for (i = n; i < q->nh; i++)
		free(q->hdrs[i]);
	q->nh = n;
	q->hdrs[n] = NULL;
	return r->status;
}

/* ----------------------------------------------------------------------------------
 * The checks of one answer.
 */

/* 1 when the body tells a person something: HTML with a run of text of four words or
 * more between two tags, or a plain-text line of two words or more. */
static int
has_sentence(const struct res *r)
{
	char        ct[200] = "";
	const char *p, *e;
	int         words, letters, inword;

	if (r->body.len == 0)
		return 0;
	res_header(r, "Content-Type", ct, sizeof ct);
	if (strstr(ct, "text/html") == NULL) {
		for (words = 0, inword = 0, p = r->body.p; *p; p++) {
			if (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80) {
				if (!inword)
					words++;
				inword = 1;
			} else if (*p == ' ' || *p == '\n')
				inword = 0;
		}
		return words >= 2;
	}
	p = strstr(r->body.p, "<main");
	if (p == NULL)
		p = r->body.p;
	for (; (p = strchr(p, '>')) != NULL; p = e) {
		p++;
		if ((e = strchr(p, '<')) == NULL)
			break;
		for (words = letters = inword = 0; p < e; p++) {
			if (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80) {
				letters++;
				if (!inword)
					words++;
				inword = 1;
			} else if (isspace((unsigned char)*p))
				inword = 0;
		}
		if (words >= 4 && letters >= 15)
			return 1;
	}
	return 0;
}

/* 1 when a header line of r was injected: X-Injected, or a cookie named x. */
static int
injected(const struct res *r)
{
	const char *p = r->head.p;

	for (; p != NULL && *p != '\0'; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (strncasecmp(p, "X-Injected", 10) == 0 || strncasecmp(p, "x=y", 3) == 0)
			return 1;
		if (strncasecmp(p, "Set-Cookie:", 11) == 0) {
			const char *v = p + 11;
			while (*v == ' ')
				v++;
			if (strncmp(v, "x=", 2) == 0)
				return 1;
		}
	}
	return 0;
}

/* The next normal requests: GET /pt/ as a stranger, GET /admin/ with the session. */
static int
next_ok(char *why, size_t wlen)
{
	struct res  r;
	char        ck[200];
	const char *h[] = { ck, NULL };
	int         st;

	rc_get(NULL, "/pt/", &r);
	st = r.status;
	res_free(&r);
	if (st != 200) {
		snprintf(why, wlen, "then GET /pt/ answered %d", st);
		return 0;
	}
	snprintf(ck, sizeof ck, "Cookie: aberta=%s", tok);
	rc_http(NULL, "GET", "/admin/", NULL, NULL, 0, h, &r);
	st = r.status;
	res_free(&r);
	if (st != 200) {
		snprintf(why, wlen, "then GET /admin/ with the session answered %d", st);
		return 0;
	}
	return 1;
}

/* ----------------------------------------------------------------------------------
 * The attacks.
 */

static char  *long_query_10k, *long_query_3k, *cookie_20k, *cookie_10k;
static char  *body_300k, *body_12m;
static size_t body_12m_len;

static int
b_plain(const struct route *rt, const struct attack *a, struct hreq *q)
{
	struct form f;

	(void)a;
	base_req(rt, q, &f);
	form_free(&f);
	return 0;
}

/* Headers: a 20 KB cookie; 100 headers of 400 bytes; 100 small ones. */
static int
b_headers(const struct route *rt, const struct attack *a, struct hreq *q)
{
	int i;

	b_plain(rt, a, q);
	if (strcmp(a->arg, "cookie20k") == 0)
		hdr_add(q, "Cookie: aberta=%s; pad=%s", tok, cookie_20k);
	else
		for (i = 0; i < 100; i++)
			hdr_add(q, "X-Filler-%d: %.*s", i, strcmp(a->arg, "big") == 0 ? 380 : 12,
			    cookie_20k);
	return 0;
}

static int
b_query(const struct route *rt, const struct attack *a, struct hreq *q)
{
	b_plain(rt, a, q);
	buf_puts(&q->path, "?");
	if (strcmp(a->arg, "LONG10K") == 0)
		buf_puts(&q->path, long_query_10k);
	else if (strcmp(a->arg, "LONG3K") == 0)
		buf_puts(&q->path, long_query_3k);
	else if (strcmp(a->arg, "MANY") == 0)
		for (int i = 0; i < 40; i++)
			buf_printf(&q->path, "%sp%d=%d", i ? "&" : "", i, i);
	else
		buf_puts(&q->path, a->arg);
	return 0;
}

static int
b_suffix(const struct route *rt, const struct attack *a, struct hreq *q)
{
	b_plain(rt, a, q);
	if (q->path.len > 1 && q->path.p[q->path.len - 1] == '/' && a->arg[0] == '/')
		q->path.p[--q->path.len] = '\0';
	buf_puts(&q->path, a->arg);
	return 0;
}

/* Replaces the typed segment with a->arg (only when the type fits). */
static int
b_seg(const struct route *rt, const struct attack *a, struct hreq *q)
{
	const char *p = rt->path, *s, *e;
	int         i;

	if (rt->segi == 0 || a->arg[0] != rt->segtype)
		return -1;
	b_plain(rt, a, q);
	for (s = p, i = 0; i < rt->segi && s != NULL; i++)
		s = strchr(s + (i ? 1 : 0), '/');
	if (s == NULL)
		return -1;
	e = strchr(s + 1, '/');
	buf_reset(&q->path);
	buf_put(&q->path, p, (size_t)(s + 1 - p));
	buf_puts(&q->path, a->arg + 1);
	if (e != NULL)
		buf_puts(&q->path, e);
	return 0;
}

/* Appends raw text to the url-encoded body. */
static int
b_field_raw(const struct route *rt, const struct attack *a, struct hreq *q)
{
	b_plain(rt, a, q);
	if (strcmp(a->arg, "NUL") == 0) {
		buf_puts(&q->body, "&title_pt=a");
		buf_put(&q->body, "\0b", 2);
	} else {
		buf_puts(&q->body, "&");
		buf_puts(&q->body, a->arg);
	}
	return 0;
}

/* Replaces the body with a large url-encoded one (as POST, on every route). */
static int
b_bigbody(const struct route *rt, const struct attack *a, struct hreq *q)
{
	b_plain(rt, a, q);
	q->method = "POST";
	buf_reset(&q->body);
	q->has_body = 1;
	q->ctype = "application/x-www-form-urlencoded";
	if (strcmp(a->arg, "300k") == 0)
		buf_puts(&q->body, body_300k);
	else
		buf_put(&q->body, body_12m, body_12m_len);
	return 0;
}

/* A multipart body from form f, with one file part when fname is not NULL. */
static void
multipart(struct buf *b, const struct form *f, const char *bnd, const char *fname, const char *data,
    size_t dlen)
{
	int i;

	for (i = 0; i < f->n; i++)
		buf_printf(b, "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n",
		    bnd, f->name[i], f->val[i]);
	if (fname != NULL) {
		buf_printf(b,
		    "--%s\r\nContent-Disposition: form-data; name=\"evidence_file\"; "
		    "filename=\"%s\"\r\nContent-Type: application/pdf\r\n\r\n",
		    bnd, fname);
		buf_put(b, data, dlen);
		buf_puts(b, "\r\n");
	}
	buf_printf(b, "--%s--\r\n", bnd);
}

static char ctype_buf[200];

static int
b_multipart(const struct route *rt, const struct attack *a, struct hreq *q)
{
	struct form f;
	const char *bnd = "hostileBoundary7MA4YWxkTrZu0gW";

	base_req(rt, q, &f);
	buf_reset(&q->body);
	q->has_body = 1;
	multipart(&q->body, &f, bnd, NULL, NULL, 0);
	if (strcmp(a->arg, "noboundary") == 0)
		q->ctype = "multipart/form-data";
	else if (strcmp(a->arg, "wrongboundary") == 0)
		q->ctype = "multipart/form-data; boundary=somethingElseEntirely";
	else {
		snprintf(ctype_buf, sizeof ctype_buf, "multipart/form-data; boundary=%s", bnd);
		q->ctype = ctype_buf;
		if (strcmp(a->arg, "truncated") == 0) {
			q->body.len = q->body.len * 2 / 3;
			q->body.p[q->body.len] = '\0';
		} else if (strcmp(a->arg, "nodisposition") == 0) {
			buf_reset(&q->body);
			buf_printf(&q->body,
			    "--%s\r\nContent-Type: text/plain\r\n\r\ncsrf\r\n--%s--\r\n", bnd, bnd);
		} else if (strcmp(a->arg, "badheader") == 0) {
			buf_reset(&q->body);
			buf_printf(&q->body,
			    "--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n"
			    "this is not a header\r\n\r\n%s\r\n--%s--\r\n",
			    bnd, csrf, bnd);
		}
	}
	form_free(&f);
	return 0;
}

static int
b_cookie(const struct route *rt, const struct attack *a, struct hreq *q)
{
	b_plain(rt, a, q);
	q->stranger = 1;
	if (strcmp(a->arg, "10k") == 0)
		hdr_add(q, "Cookie: aberta=%s", cookie_10k);
	else
		hdr_add(q, "Cookie: %s", a->arg);
	return 0;
}

/* The form with field name changed: "dup-right-wrong", "dup-wrong-right", "missing". */
static int
b_param(const struct route *rt, const struct attack *a, struct hreq *q)
{
	struct form f, g = { 0 };
	const char *name = strchr(a->arg, ':') + 1, *v;
	char        wrong[80];
	int         i;

	base_req(rt, q, &f);
	if ((v = form_val(&f, name)) == NULL ||
	    (strcmp(a->arg, "missing:version") == 0 &&
		strstr(rt->path, "/new") != NULL)) { /* a new record has no version yet */
		form_free(&f);
		return -1;
	}
	if (strcmp(name, "version") == 0)
		snprintf(wrong, sizeof wrong, "%lld", strtoll(v, NULL, 10) + 1);
	else
		snprintf(wrong, sizeof wrong, "%064d", 7);
	for (i = 0; i < f.n; i++) {
		if (strcmp(f.name[i], name) != 0) {
			form_add(&g, f.name[i], f.val[i]);
			continue;
		}
		if (strncmp(a->arg, "dup-right-wrong", 15) == 0) {
			form_add(&g, name, f.val[i]);
			form_add(&g, name, wrong);
		} else if (strncmp(a->arg, "dup-wrong-right", 15) == 0) {
			form_add(&g, name, wrong);
			form_add(&g, name, f.val[i]);
		} /* missing: left out */
	}
	set_body(q, &g);
	form_free(&f);
	form_free(&g);
	return 0;
}

/* A numeric field set to a->arg ("field=value"; field "*" = each numeric field is a
 * case of its own, chosen by the caller through numf_pick). */
static const char *numf_pick;

static int
b_numfield(const struct route *rt, const struct attack *a, struct hreq *q)
{
	struct form f;

	if (numf_pick == NULL)
		return -1;
	base_req(rt, q, &f);
	if (form_val(&f, numf_pick) == NULL) {
		form_free(&f);
		return -1;
	}
	form_set(&f, numf_pick, a->arg);
	set_body(q, &f);
	form_free(&f);
	return 0;
}

static int
b_login_crlf(const struct route *rt, const struct attack *a, struct hreq *q)
{
	struct form f;

	base_req(rt, q, &f);
	form_set(&f, "login", a->arg);
	set_body(q, &f);
	form_free(&f);
	return 0;
}

static int upload_seq;

/* The milestone form in multipart with a real PDF named a->arg (distinct bytes each
 * time, so each is a new document). */
static int
b_upload(const struct route *rt, const struct attack *a, struct hreq *q)
{
	struct form f;
	const char *bnd = "hostileBoundary9x8y7z";
	char        pdf[400];
	int         n;

	base_req(rt, q, &f);
	n = snprintf(pdf, sizeof pdf,
	    "%%PDF-1.4\n%% hostile upload %d %ld\n1 0 obj<</Type/"
	    "Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
	    "trailer<</Root 1 0 R>>\n%%%%EOF\n",
	    ++upload_seq, (long)time(NULL));
	buf_reset(&q->body);
	q->has_body = 1;
	multipart(&q->body, &f, bnd, a->arg, pdf, (size_t)n);
	snprintf(ctype_buf, sizeof ctype_buf, "multipart/form-data; boundary=%s", bnd);
	q->ctype = ctype_buf;
	form_free(&f);
	return 0;
}

/* The name of the first file input of the form at rt->formpage ("" when none). */
static void
file_field(const struct route *rt, char *out, size_t outlen)
{
	struct res  r;
	char        ck[200];
	const char *h[] = { ck, NULL }, *p, *t, *e, *n;

	out[0] = '\0';
	snprintf(ck, sizeof ck, "Cookie: aberta=%s", tok);
	rc_http(NULL, "GET", rt->formpage, NULL, NULL, 0, h, &r);
	for (p = r.body.p; (p = strstr(p, "type=\"file\"")) != NULL; p++) {
		for (t = p; t > r.body.p && *t != '<'; t--)
			;
		if ((e = strchr(p, '>')) == NULL)
			break;
		for (n = t; (n = strstr(n, " name=\"")) != NULL && n < e; n++) {
			snprintf(out, outlen, "%.*s", (int)strcspn(n + 7, "\""), n + 7);
			break;
		}
		if (out[0] != '\0')
			break;
	}
	res_free(&r);
}

/* The import form in multipart with a broken file (a->arg: "name|content"). */
static int
b_import(const struct route *rt, const struct attack *a, struct hreq *q)
{
	struct form f;
	const char *bnd = "hostileImportBoundary", *bar = strchr(a->arg, '|');
	char        field[64];
	int         i;

	file_field(rt, field, sizeof field);
	if (field[0] == '\0' || bar == NULL)
		return -1;
	base_req(rt, q, &f);
	buf_reset(&q->body);
	q->has_body = 1;
	for (i = 0; i < f.n; i++)
		buf_printf(&q->body,
		    "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n"
		    "%s\r\n",
		    bnd, f.name[i], f.val[i]);
	buf_printf(&q->body,
	    "--%s\r\nContent-Disposition: form-data; name=\"%s\"; "
	    "filename=\"%.*s\"\r\nContent-Type: application/octet-stream\r\n\r\n",
	    bnd, field, (int)(bar - a->arg), a->arg);
	buf_puts(&q->body, bar + 1);
	buf_printf(&q->body, "\r\n--%s--\r\n", bnd);
	snprintf(ctype_buf, sizeof ctype_buf, "multipart/form-data; boundary=%s", bnd);
	q->ctype = ctype_buf;
	form_free(&f);
	return 0;
}

static int
b_method(const struct route *rt, const struct attack *a, struct hreq *q)
{
	b_plain(rt, a, q);
	q->method = a->arg;
	q->has_body = 0;
	buf_reset(&q->body);
	return 0;
}

static const struct attack attacks[] = {
	/* Oversized headers. */
	{ "a 20 KB cookie", A_ALL, b_headers, "cookie20k", K_REFUSED, R4(400, 0, 0, 0) },
	{ "100 headers of 400 bytes", A_ALL, b_headers, "big", K_REFUSED, R4(400, 0, 0, 0) },
	{ "100 small headers (accepted)", A_GET, b_headers, "small", K_IGNORED, R4(0, 0, 0, 0) },
	/* Oversized query strings. */
	{ "a query of 10,000 characters", A_ALL, b_query, "LONG10K", K_REFUSED, R4(414, 0, 0, 0) },
	{ "a query of 3,000 characters", A_ALL, b_query, "LONG3K", K_REFUSED, R4(414, 0, 0, 0) },
	{ "a query with 40 parameters", A_ALL, b_query, "MANY", K_REFUSED, R4(400, 0, 0, 0) },
	/* Invalid UTF-8, NUL, malformed percent-encoding: path. */
	{ "path + %00", A_ALL, b_suffix, "%00", K_REFUSED, R4(400, 0, 0, 0) },
	{ "path + %C0%AF (overlong '/')", A_ALL, b_suffix, "%C0%AF", K_REFUSED, R4(400, 0, 0, 0) },
	{ "path + raw 0xFF", A_ALL, b_suffix, "\xff", K_REFUSED, R4(400, 0, 0, 0) },
	{ "path + %ED%A0%80 (a surrogate)", A_ALL, b_suffix, "%ED%A0%80", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "path + a lone %", A_ALL, b_suffix, "%", K_REFUSED, R4(400, 0, 0, 0) },
	{ "path + %G1", A_ALL, b_suffix, "%G1", K_REFUSED, R4(400, 0, 0, 0) },
	{ "path + %0D%0ASet-Cookie: x=y", A_ALL, b_suffix, "%0D%0ASet-Cookie:%20x=y", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "path + %0D%0AX-Injected: 1", A_ALL, b_suffix, "/%0D%0AX-Injected:%201", K_REFUSED,
	    R4(400, 0, 0, 0) },
	/* ... query. */
	{ "query x=%00", A_ALL, b_query, "x=%00", K_REFUSED, R4(400, 0, 0, 0) },
	{ "query x=%C0%AF", A_ALL, b_query, "x=%C0%AF", K_REFUSED, R4(400, 0, 0, 0) },
	{ "query with raw 0xFF", A_ALL, b_query, "x=\xff\xfe", K_REFUSED, R4(400, 0, 0, 0) },
	{ "query x=%ZZ", A_ALL, b_query, "x=%ZZ", K_REFUSED, R4(400, 0, 0, 0) },
	{ "query x=% (truncated escape)", A_ALL, b_query, "x=%", K_REFUSED, R4(400, 0, 0, 0) },
	{ "query page=99999999999999999999 (ignored or refused)", A_GET, b_query,
	    "page=99999999999999999999&n=-1&limit=abc", K_REFUSED, R4(-1, 400, 0, 0) },
	{ "query page=-1 (ignored or refused)", A_GET, b_query, "page=-1&offset=-5&year=0x10",
	    K_REFUSED, R4(-1, 400, 0, 0) },
	{ "query with %0D%0AX-Injected (ignored)", A_GET, b_query,
	    "x=%0D%0AX-Injected:%201&lang=%0D%0ASet-Cookie:%20x=y", K_IGNORED, R4(0, 0, 0, 0) },
	/* Path traversal. */
	{ "path traversal /../../../etc/passwd", A_ALL, b_suffix, "/../../../etc/passwd", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "path traversal %2e%2e%2f", A_ALL, b_suffix, "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
	    K_REFUSED, R4(400, 0, 0, 0) },
	{ "path traversal ..%5c", A_ALL, b_suffix, "/..%5c..%5c..%5cetc%5cpasswd", K_REFUSED,
	    R4(400, 404, 405, 0) },
	/* nginx removes dot segments (RFC 3986, 5.2.4) before it serves a cached page: the
	 * same page, harmless; the program refuses them when it sees them. */
	{ "path with /./", A_ALL, b_suffix, "/./", K_REFUSED, R4(400, 200, 0, 0) },
	/* Form fields. */
	{ "form field with %00", A_POST, b_field_raw, "title_pt=a%00b", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "form field with a raw NUL byte", A_POST, b_field_raw, "NUL", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "form field with %C0%AF", A_POST, b_field_raw, "title_pt=%C0%AF", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "form field with raw 0xFF", A_POST, b_field_raw, "title_pt=\xff", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "form field with %G1", A_POST, b_field_raw, "title_pt=%G1", K_REFUSED, R4(400, 0, 0, 0) },
	{ "form field name with %FF", A_POST, b_field_raw, "%FF=1", K_REFUSED, R4(400, 0, 0, 0) },
	/* Oversized bodies (every route, as POST). */
	{ "a url-encoded body of 300 KiB", A_ASPOST, b_bigbody, "300k", K_REFUSED,
	    R4(413, 0, 0, 0) },
	{ "a body of 12 MB", A_ASPOST, b_bigbody, "12m", K_REFUSED, R4(413, 0, 0, 0) },
	/* Malformed multipart bodies. */
	{ "multipart without a boundary", A_POST, b_multipart, "noboundary", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "multipart with the wrong boundary", A_POST, b_multipart, "wrongboundary", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "multipart truncated", A_POST, b_multipart, "truncated", K_REFUSED, R4(400, 0, 0, 0) },
	{ "multipart part without Content-Disposition", A_POST, b_multipart, "nodisposition",
	    K_REFUSED, R4(400, 0, 0, 0) },
	{ "multipart part with a broken header", A_POST, b_multipart, "badheader", K_REFUSED,
	    R4(400, 0, 0, 0) },
	/* Malformed cookies: ignored (no session), or too large. */
	{ "cookie aberta=;;;", A_ALL, b_cookie, "aberta=;;;", K_IGNORED, R4(0, 0, 0, 0) },
	{ "cookie aberta=\"quoted\"", A_ALL, b_cookie, "aberta=\"0123456789abcdef\"", K_IGNORED,
	    R4(0, 0, 0, 0) },
	{ "cookie with %00, raw 0xFF and no '='", A_ALL, b_cookie,
	    "aberta=%00; aberta_pre=\xff\xfe; lonely; =; ;", K_IGNORED, R4(0, 0, 0, 0) },
	{ "a cookie of 10 KB", A_ALL, b_cookie, "10k", K_REFUSED, R4(400, 0, 0, 0) },
	/* Duplicated and missing parameters. */
	{ "two csrf fields (right, wrong)", A_ADMINPOST, b_param, "dup-right-wrong:csrf", K_REFUSED,
	    R4(403, 0, 0, 0) },
	{ "two csrf fields (wrong, right)", A_ADMINPOST, b_param, "dup-wrong-right:csrf", K_REFUSED,
	    R4(403, 0, 0, 0) },
	{ "no csrf field", A_ADMINPOST, b_param, "missing:csrf", K_REFUSED, R4(403, 0, 0, 0) },
	{ "two version fields (right, wrong)", A_EDIT, b_param, "dup-right-wrong:version",
	    K_REFUSED, R4(400, 409, 0, 0) },
	{ "two version fields (wrong, right)", A_EDIT, b_param, "dup-wrong-right:version",
	    K_REFUSED, R4(400, 409, 0, 0) },
	{ "no version field", A_EDIT, b_param, "missing:version", K_REFUSED, R4(400, 409, 0, 0) },
	{ "two login fields", A_LOGIN | A_LIFT, b_param, "dup-right-wrong:login", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "no password field", A_LOGIN, b_param, "missing:password", K_REFUSED, R4(400, 0, 0, 0) },
	/* Numbers in the typed segments of the path. */
	{ "segment 99999999999999999999", A_SEG, b_seg, "i99999999999999999999", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "segment -1", A_SEG, b_seg, "i-1", K_REFUSED, R4(400, 0, 0, 0) },
	{ "segment 0", A_SEG, b_seg, "i0", K_REFUSED, R4(400, 0, 0, 0) },
	{ "segment 1000000", A_SEG, b_seg, "i1000000", K_REFUSED, R4(400, 0, 0, 0) },
	{ "segment abc", A_SEG, b_seg, "iabc", K_REFUSED, R4(400, 0, 0, 0) },
	{ "segment 1e3", A_SEG, b_seg, "i1e3", K_REFUSED, R4(400, 0, 0, 0) },
	{ "segment 0x1F", A_SEG, b_seg, "i0x1F", K_REFUSED, R4(400, 0, 0, 0) },
	{ "segment 1.5", A_SEG, b_seg, "i1.5", K_REFUSED, R4(400, 0, 0, 0) },
	{ "segment +1", A_SEG, b_seg, "i+1", K_REFUSED, R4(400, 0, 0, 0) },
	{ "segment %201", A_SEG, b_seg, "i%201", K_REFUSED, R4(400, 0, 0, 0) },
	{ "segment 999999 (no such row)", A_SEG, b_seg, "i999999", K_REFUSED, R4(404, 0, 0, 0) },
	{ "OGP id PT00011", A_SEG, b_seg, "oPT00011", K_REFUSED, R4(400, 0, 0, 0) },
	{ "OGP id PT-001", A_SEG, b_seg, "oPT-001", K_REFUSED, R4(400, 0, 0, 0) },
	{ "OGP id 999999", A_SEG, b_seg, "o999999", K_REFUSED, R4(400, 0, 0, 0) },
	{ "OGP id PT9999 (no such commitment)", A_SEG, b_seg, "oPT9999", K_REFUSED,
	    R4(404, 0, 0, 0) },
	{ "slug Not_A-Slug", A_SEG, b_seg, "sNot_A-Slug", K_REFUSED, R4(400, 0, 0, 0) },
	{ "slug of 200 characters", A_SEG, b_seg,
	    "saaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    K_REFUSED, R4(400, 404, 0, 0) },
	{ "document digest abc", A_SEG, b_seg, "habc", K_REFUSED, R4(400, 404, 0, 0) },
	{ "document digest of 64 zeros (never stored)", A_SEG, b_seg,
	    "h0000000000000000000000000000000000000000000000000000000000000000", K_REFUSED,
	    R4(404, 0, 0, 0) },
	{ "document digest of 64 'g'", A_SEG, b_seg,
	    "hgggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg", K_REFUSED,
	    R4(400, 404, 0, 0) },
	/* Numbers in form fields (each numeric field, then the version). */
	{ "= 99999999999999999999", A_NUMF, b_numfield, "99999999999999999999", K_REFUSED,
	    R4(400, 409, 0, 0) },
	{ "= -1", A_NUMF, b_numfield, "-1", K_REFUSED, R4(400, 409, 0, 0) },
	{ "= abc", A_NUMF, b_numfield, "abc", K_REFUSED, R4(400, 409, 0, 0) },
	{ "= 1e2", A_NUMF, b_numfield, "1e2", K_REFUSED, R4(400, 409, 0, 0) },
	{ "= 0x10", A_NUMF, b_numfield, "0x10", K_REFUSED, R4(400, 409, 0, 0) },
	{ "= 1.5", A_NUMF, b_numfield, "1.5", K_REFUSED, R4(400, 409, 0, 0) },
	/* CR/LF in values that might reach a header. */
	{ "login with CR/LF and a header", A_LOGIN, b_login_crlf,
	    "x@example.org\r\nSet-Cookie: x=y\r\nX-Injected: 1", K_REFUSED, R4(400, 401, 429, 0) },
	{ "upload named \"a\\r\\nSet-Cookie: x=y.pdf\" (raw CR/LF)", A_UPLOAD, b_upload,
	    "a\r\nSet-Cookie: x=y.pdf", K_ACCEPTED, R4(303, 400, 0, 0) },
	{ "upload named \"a%0D%0ASet-Cookie: x=y.pdf\"", A_UPLOAD, b_upload,
	    "a%0D%0ASet-Cookie: x=y.pdf", K_ACCEPTED, R4(303, 400, 0, 0) },
	{ "upload named with a quote and a semicolon", A_UPLOAD, b_upload,
	    "a\\\"; filename=x.html; x=y.pdf", K_ACCEPTED, R4(303, 400, 0, 0) },
	{ "upload named with a raw CR only", A_UPLOAD, b_upload, "a\rX-Injected: 1.pdf", K_ACCEPTED,
	    R4(303, 400, 0, 0) },
	/* Broken files for the admin import form (when the build has one). */
	{ "import: an empty JSON file", A_IMPORT, b_import, "empty.json|", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "import: truncated JSON", A_IMPORT, b_import, "cut.json|{\"plans\": [{\"number\": 1,",
	    K_REFUSED, R4(400, 0, 0, 0) },
	{ "import: JSON with invalid UTF-8", A_IMPORT, b_import,
	    "bad.json|{\"pages\": [{\"slug\": \"about\", \"title_pt\": \"\xc0\xaf\"}]}", K_REFUSED,
	    R4(400, 0, 0, 0) },
	{ "import: JSON with a plan number of 1e999", A_IMPORT, b_import,
	    "big.json|{\"plans\": [{\"number\": 1e999}]}", K_REFUSED, R4(400, 0, 0, 0) },
	{ "import: CSV with a broken quote", A_IMPORT, b_import,
	    "bad.csv|number,title_pt\n1,\"Plano\n", K_REFUSED, R4(400, 0, 0, 0) },
	{ "import: CSV with invalid UTF-8 and a NUL", A_IMPORT, b_import,
	    "bad2.csv|number,title_pt\n1,\xff\xfe%00\n", K_REFUSED, R4(400, 0, 0, 0) },
	{ "import: a file that is neither JSON nor CSV", A_IMPORT, b_import,
	    "x.pdf|%PDF-1.4 not data", K_REFUSED, R4(400, 0, 0, 0) },
	/* Methods nobody offers. */
	{ "method PUT", A_ALL, b_method, "PUT", K_REFUSED, R4(405, 0, 0, 0) },
	{ "method DELETE", A_ALL, b_method, "DELETE", K_REFUSED, R4(405, 0, 0, 0) },
	{ "method TRACE", A_ALL, b_method, "TRACE", K_REFUSED, R4(405, 0, 0, 0) },
};

/* 1 when attack a fits route rt. */
static int
fits(const struct attack *a, const struct route *rt)
{
	int post = strcmp(rt->method, "POST") == 0;

	if (a->fits & (A_ALL | A_ASPOST))
		return 1;
	if ((a->fits & A_GET) && !post)
		return 1;
	if ((a->fits & A_POST) && post)
		return 1;
	if ((a->fits & A_ADMINPOST) && post && (rt->flags & R_ADMIN || rt->bk == B_LOGIN))
		return 1;
	if ((a->fits & A_EDIT) && post && (rt->flags & R_EDIT))
		return 1;
	if ((a->fits & A_SEG) && rt->segi != 0 && a->arg[0] == rt->segtype)
		return 1;
	if ((a->fits & A_NUMF) && post && (rt->numf[0] != NULL || (rt->flags & R_EDIT)))
		return 1;
	if ((a->fits & A_LOGIN) && rt->bk == B_LOGIN)
		return 1;
	if ((a->fits & A_UPLOAD) && (rt->flags & R_UPLOAD))
		return 1;
	if ((a->fits & A_IMPORT) && post && (rt->flags & R_IMPORT))
		return 1;
	if ((a->fits & A_WITHDRAW) && post && (rt->flags & R_WITHDRAW))
		return 1;
	if ((a->fits & A_LIFT) && post && (rt->flags & R_LIFT))
		return 1;
	if ((a->fits & A_POW) && post && (rt->flags & R_CITIZEN))
		return 1;
	return 0;
}

/* The newest upload's digest, or "". */
static void
newest_upload(char *out, size_t outlen)
{
	sql_text(
	    "SELECT sha256 FROM upload ORDER BY at DESC, rowid DESC LIMIT 1", NULL, 0, out, outlen);
}

static char sum0[65], pids0[512];
static int  ncases, nrestarts;

/* Runs one case and prints its TAP line. */
static void
run_case(const struct route *rt, const struct attack *a, const char *label)
{
	struct hreq q;
	struct res  r, u;
	char        why[600] = "", sum1[65], pids1[512], loc[300] = "", cd[600] = "";
	char        sha[80] = "", sha0[80] = "", upath[120];
	int         ok = 1, st, i, allowed = 0;

	if (a->build(rt, a, &q) != 0) {
		hreq_free(&q);
		return;
	}
	if (a->kind == K_ACCEPTED)
		newest_upload(sha0, sizeof sha0);
	send_req(&q, &r);
	st = r.status;
	ncases++;
	res_header(&r, "Location", loc, sizeof loc);
	if (st == 0) {
		ok = 0;
		snprintf(why, sizeof why, "no answer (%s)", curl_easy_strerror((CURLcode)r.cerr));
	} else if (st >= 500) {
		ok = 0;
		snprintf(why, sizeof why, "answered %d", st);
	} else if (a->kind == K_IGNORED) {
		int want = rt->normal;

		if (strncmp(a->name, "cookie", 6) == 0 && (rt->flags & R_ADMIN))
			/* no valid session: to the login page; its form itself stays 200;
			 * the login POST loses its pre-session token: 403 */
			allowed = (st == 303 && strstr(loc, "/admin/login") != NULL) ||
			    (rt->bk == B_LOGIN && st == 403) ||
			    (strcmp(rt->path, "/admin/login") == 0 && st == 200);
		else if (strncmp(a->name, "cookie", 6) == 0 && rt->bk == B_LOGIN)
			allowed = st == 403;
		else
			allowed = st == want;
		if (!allowed) {
			ok = 0;
			snprintf(why, sizeof why, "answered %d%s%s, not the route's normal %d", st,
			    loc[0] ? " to " : "", loc, want);
		}
	} else {
		for (i = 0; i < 4 && a->allowed[i] != 0; i++) /* -1: the route's normal */
			if (st == a->allowed[i] || (a->allowed[i] == -1 && st == rt->normal))
				allowed = 1;
		if (!allowed) {
			ok = 0;
			snprintf(why, sizeof why, "answered %d%s%s, allowed:", st,
			    loc[0] ? " to " : "", loc);
			for (i = 0; i < 4 && a->allowed[i] != 0; i++)
				snprintf(why + strlen(why), sizeof why - strlen(why), " %d",
				    a->allowed[i]);
		}
	}
	if (ok && st >= 400 && !has_sentence(&r)) {
		ok = 0;
		snprintf(why, sizeof why, "%d without a message in words (%zu bytes: %.80s)", st,
		    r.body.len, r.body.p);
	}
	if (ok && strstr(r.body.p, "root:x:0:") != NULL) {
		ok = 0;
		snprintf(why, sizeof why, "the body holds /etc/passwd");
	}
	if (injected(&r)) {
		ok = 0;
		snprintf(why + strlen(why), sizeof why - strlen(why), "%san injected header",
		    why[0] ? "; " : "");
	}
	/* An accepted upload: its document must come back with safe headers. */
	if (a->kind == K_ACCEPTED && st == 303) {
		newest_upload(sha, sizeof sha);
		if (strcmp(sha, sha0) == 0 || strlen(sha) != 64) {
			ok = 0;
			snprintf(why + strlen(why), sizeof why - strlen(why),
			    "%s303 but no new upload row", why[0] ? "; " : "");
		} else {
			snprintf(upath, sizeof upath, "/uploads/%s", sha);
			rc_get(NULL, upath, &u);
			res_header(&u, "Content-Disposition", cd, sizeof cd);
			diag("%s: stored; GET %s -> %d, Content-Disposition: %s", a->name, upath,
			    u.status, cd);
			if (u.status != 200 || injected(&u) || cd[0] == '\0' ||
			    strpbrk(cd, "\r\n") != NULL) {
				ok = 0;
				snprintf(why + strlen(why), sizeof why - strlen(why),
				    "%sthe document answered %d with Content-Disposition \"%s\"%s",
				    why[0] ? "; " : "", u.status, cd,
				    injected(&u) ? " and an injected header" : "");
			}
			res_free(&u);
		}
	}
	workers(pids1, sizeof pids1);
	if (strcmp(pids0, pids1) != 0) {
		ok = 0;
		nrestarts++;
		snprintf(why + strlen(why), sizeof why - strlen(why),
		    "%sworkers %.200s became %.200s", why[0] ? "; " : "", pids0, pids1);
		snprintf(pids0, sizeof pids0, "%s", pids1);
	}
	checksum(sum1);
	if (strcmp(sum0, sum1) != 0) {
		if (a->kind != K_ACCEPTED || st != 303) {
			char tables[300];

			changed_tables(tables, sizeof tables);
			ok = 0;
			snprintf(why + strlen(why), sizeof why - strlen(why),
			    "%sthe content changed (%s)", why[0] ? "; " : "", tables);
		}
		memcpy(sum0, sum1, sizeof sum0);
	}
	if (!next_ok(why + strlen(why) + (why[0] ? 2 : 0), sizeof why - strlen(why) - 2)) {
		if (why[0] != '\0' && strlen(why) + 2 < sizeof why)
			memcpy(why + strlen(why), "; ", 2);
		ok = 0;
	}
	tap(ok, "%s %.60s%s [%s%s]: %d%s%s", q.method, q.path.p, q.path.len > 60 ? "..." : "",
	    a->name, label ? label : "", st, ok ? "" : " -- ", why);
	res_free(&r);
	hreq_free(&q);
}

/* ----------------------------------------------------------------------------------
 * Broken import files.
 */

/* The opening of a content file in the seed's format (content/rnaa-content.json). */
#define FMT "{\"format\": \"aberta-content/2\", "

static void
import_cases(void)
{
	static const struct {
		const char *name;
		const char *text; /* NULL: built below */
	} files[] = {
		{ "an empty file", "" },
		{ "a lone {", "{" },
		{ "a truncated object", FMT "\"plans\": [{\"number\": 1, \"title_pt\": \"Pla" },
		{ "a top-level array", "[1, 2, 3]" },
		{ "a number", "42" },
		{ "an unknown format", "{\"format\": \"aberta-content/1\", \"plans\": []}" },
		{ "the retired format (plans, no format)", "{\"plans\": [{\"number\": 1}]}" },
		{ "plans is a string", FMT "\"plans\": \"none\"}" },
		{ "a plan number that is text", FMT "\"plans\": [{\"number\": \"um\"}]}" },
		{ "a plan number of 1e999", FMT "\"plans\": [{\"number\": 1e999}]}" },
		{ "a negative plan number", FMT "\"plans\": [{\"number\": -5}]}" },
		{ "a plan number of 2^63", FMT "\"plans\": [{\"number\": 9223372036854775808}]}" },
		{ "duplicate keys", FMT "\"plans\": [], \"plans\": []}" },
		{ "invalid UTF-8 in a string",
		    "{\"pages\": [{\"slug\": \"about\", \"title_pt\": "
		    "\"\xc0\xaf\"}]}" },
		{ "an escaped NUL in a string",
		    "{\"pages\": [{\"slug\": \"about\", \"title_pt\": "
		    "\"a\\u0000b\"}]}" },
		{ "a lone surrogate escape",
		    "{\"pages\": [{\"slug\": \"about\", \"title_pt\": "
		    "\"\\ud800\"}]}" },
		{ "a page slug with a path",
		    "{\"pages\": [{\"slug\": \"../../etc\", \"title_pt\": "
		    "\"x\"}]}" },
		{ "a commitment without its plan's number",
		    FMT "\"commitments\": [{\"ogp_id\": \"PT0001\"}]}" },
		{ "CSV instead of JSON", "number,title_pt\n1,Plano\n" },
		{ "nesting 100000 levels deep", NULL },
		{ "a raw NUL byte", NULL },
		{ "a valid file, then garbage", NULL },
	};
	char    fn[600], out[8192], sum1[65], sumb[65], pids1[512];
	size_t  i;
	int     st, fd[2], ok;
	ssize_t n;
	size_t  got;
	pid_t   pid;
	FILE   *f;

	checksum(sumb);
	for (i = 0; i < sizeof files / sizeof files[0] + 2; i++) {
		const char *name = i < sizeof files / sizeof files[0] ? files[i].name
		    : i == sizeof files / sizeof files[0]             ? "a missing file"
								      : "a directory";

		snprintf(fn, sizeof fn, "%s/import-%zu.json", workdir, i);
		if (i < sizeof files / sizeof files[0]) {
			if ((f = fopen(fn, "wb")) == NULL)
				continue;
			if (files[i].text != NULL)
				fputs(files[i].text, f);
			else if (strstr(name, "deep") != NULL) {
				for (int k = 0; k < 100000; k++)
					fputc('[', f);
				for (int k = 0; k < 100000; k++)
					fputc(']', f);
			} else if (strstr(name, "NUL") != NULL)
				fwrite("{\"pages\": [{\"slug\": \"a\0b\"}]}", 1, 29, f);
			else
				fputs("{\"pages\": []}\n}}}garbage", f);
			fclose(f);
		} else if (i == sizeof files / sizeof files[0])
			snprintf(fn, sizeof fn, "%s/no-such-file.json", workdir);
		else
			snprintf(fn, sizeof fn, "%s", workdir);
		if (pipe(fd) != 0)
			continue;
		if ((pid = fork()) == 0) {
			close(fd[0]);
			dup2(fd[1], 1);
			dup2(fd[1], 2);
			execl(rc_adminbin, rc_adminbin, "--db", rc_db, "import", fn, (char *)NULL);
			_exit(127);
		}
		close(fd[1]);
		got = 0;
		while (got + 1 < sizeof out &&
		    ((n = read(fd[0], out + got, sizeof out - got - 1)) > 0 ||
			(n < 0 && errno == EINTR)))
			if (n > 0)
				got += (size_t)n;
		out[got] = '\0';
		close(fd[0]);
		if (waitpid(pid, &st, 0) < 0)
			st = -1;
		out[strcspn(out, "\n")] = '\0';
		checksum(sum1);
		workers(pids1, sizeof pids1);
		ok = WIFEXITED(st) && WEXITSTATUS(st) != 0 && WEXITSTATUS(st) != 127 &&
		    strlen(out) > 10 && strcmp(sum1, sumb) == 0 && strcmp(pids1, pids0) == 0;
		tap(ok, "aberta-admin import, %s: %s %d, \"%.150s\"%s%s", name,
		    WIFEXITED(st) ? "exit" : "killed by signal",
		    WIFEXITED(st)         ? WEXITSTATUS(st)
			: WIFSIGNALED(st) ? WTERMSIG(st)
					  : -1,
		    out, strcmp(sum1, sumb) ? "; the database changed" : "",
		    strcmp(pids1, pids0) ? "; workers restarted" : "");
		if (strcmp(sum1, sumb) != 0)
			memcpy(sumb, sum1, sizeof sumb);
	}
	memcpy(sum0, sumb, sizeof sum0);
}

/* ----------------------------------------------------------------------------------
 * Setup: accounts, ids, one upload, one draft.
 */

static long long id_plan, n_plan, id_c, id_ms, id_ev, id_ent, id_victim, id_draft;
static char      ogp[16], slug[96], sha_up[80];

static int
setup(void)
{
	struct acct   victim;
	struct res    r;
	struct route  up;
	struct attack a = { "setup upload", 0, b_upload, "setup.pdf", K_ACCEPTED,
		R4(303, 0, 0, 0) };
	struct hreq   q;
	sqlite3      *db;
	char          sql[400], ck[200];
	const char   *h[] = { ck, NULL };

	if (acct_add(&hal, "hostil-admin@example.org", "Hal Hostil", "admin", NULL) != 0 ||
	    acct_add(&victim, "hostil-vitima@example.org", "Vitima", "focal", NULL) != 0)
		return -1;
	id_victim = victim.id;
	person_init(&p_hal, "hal");
	if (!login_full(&p_hal, &hal))
		return -1;
	{
		struct curl_slist *l = NULL, *it;

		curl_easy_getinfo(p_hal.h, CURLINFO_COOKIELIST, &l);
		for (it = l; it != NULL; it = it->next) {
			const char *t = strrchr(it->data, '\t');
			if (t != NULL && strstr(it->data, "\taberta\t") != NULL)
				snprintf(tok, sizeof tok, "%s", t + 1);
		}
		curl_slist_free_all(l);
	}
	session_csrf(&p_hal, csrf, sizeof csrf);
	rc_get(NULL, "/admin/login", &r);
	form_csrf(r.body.p, "/admin/login", pre, sizeof pre);
	res_free(&r);
	if (strlen(tok) != 64 || strlen(csrf) != 64 || strlen(pre) != 64) {
		diag("tokens: session %zu, csrf %zu, pre %zu characters", strlen(tok), strlen(csrf),
		    strlen(pre));
		return -1;
	}
	id_plan = sql_int("SELECT id FROM action_plan ORDER BY number LIMIT 1", NULL, 0, 0, 0);
	n_plan = sql_int("SELECT number FROM action_plan ORDER BY number LIMIT 1", NULL, 0, 0, 0);
	id_c = sql_int(
	    "SELECT c.id FROM commitment c WHERE ogp_id IS NOT NULL AND EXISTS "
	    "(SELECT 1 FROM milestone m WHERE m.commitment_id = c.id) ORDER BY c.id LIMIT 1",
	    NULL, 0, 0, 0);
	sql_text("SELECT ogp_id FROM commitment WHERE id = ?2", NULL, id_c, ogp, sizeof ogp);
	id_ms = sql_int("SELECT id FROM milestone WHERE commitment_id = ?2 ORDER BY position "
			"LIMIT 1",
	    NULL, id_c, 0, 0);
	id_ev = sql_int("SELECT id FROM event ORDER BY id LIMIT 1", NULL, 0, 0, 0);
	id_ent =
	    sql_int("SELECT id FROM entity WHERE is_member = 1 ORDER BY id LIMIT 1", NULL, 0, 0, 0);
	sql_text("SELECT slug FROM entity WHERE id = ?2", NULL, id_ent, slug, sizeof slug);
	/* One document, uploaded the normal way, for /uploads/:sha. */
	memset(&up, 0, sizeof up);
	up.method = "POST";
	snprintf(up.path, sizeof up.path, "/admin/milestones/%lld", id_ms);
	snprintf(up.formpage, sizeof up.formpage, "%s", up.path);
	up.bk = B_FORM;
	b_upload(&up, &a, &q);
	send_req(&q, &r);
	hreq_free(&q);
	if (r.status != 303)
		diag("setup upload answered %d", r.status);
	res_free(&r);
	newest_upload(sha_up, sizeof sha_up);
	/* One draft waiting for review (as if a member editor had proposed it). */
	if ((db = sql_open_rw()) != NULL) {
		snprintf(sql, sizeof sql,
		    "INSERT INTO draft (staff_id, tbl, row_id, base_version, "
		    "payload) SELECT %lld, 'milestones', id, version, json_object('title_pt', "
		    "'Proposta') FROM milestone WHERE id = %lld",
		    id_victim, id_ms);
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
			id_draft = sqlite3_last_insert_rowid(db);
		sqlite3_close(db);
	}
	snprintf(ck, sizeof ck, "Cookie: aberta=%s", tok);
	rc_http(NULL, "GET", "/admin/", NULL, NULL, 0, h, &r);
	diag("setup: plan %lld (id %lld), commitment %s (id %lld), milestone %lld, event %lld, "
	     "member %s, upload %.12s..., draft %lld, victim %lld; /admin/ -> %d",
	    n_plan, id_plan, ogp, id_c, id_ms, id_ev, slug, sha_up, id_draft, id_victim, r.status);
	res_free(&r);
	return id_c && id_ms && id_ev && id_ent && strlen(sha_up) == 64 && id_draft ? 0 : -1;
}

static void
make_routes(void)
{
	struct route *r;

	/* Public: every route of cgi-src/http/routes.c. */
	route_add("GET", 0, B_NONE, 0, 0, "/");
	route_add("GET", 0, B_NONE, 0, 0, "/healthz");
	route_add("GET", 0, B_NONE, 2, 'h', "/uploads/%s", sha_up);
	route_add("GET", 0, B_NONE, 0, 0, "/pt/");
	route_add("GET", 0, B_NONE, 0, 0, "/en/network");
	route_add("GET", 0, B_NONE, 3, 's', "/pt/members/%s", slug);
	route_add("GET", 0, B_NONE, 0, 0, "/en/plans");
	route_add("GET", 0, B_NONE, 3, 'i', "/pt/plans/%lld", n_plan);
	route_add("GET", 0, B_NONE, 3, 'o', "/en/commitments/%s", ogp);
	route_add("GET", 0, B_NONE, 3, 'o', "/pt/commitments/%s/history", ogp);
	route_add("GET", 0, B_NONE, 3, 'i', "/en/plans/%lld/history", n_plan);
	route_add("GET", 0, B_NONE, 0, 0, "/pt/events");
	route_add("GET", 0, B_NONE, 3, 'i', "/en/events/%lld", id_ev);
	route_add("GET", 0, B_NONE, 0, 0, "/pt/ogp");
	route_add("GET", 0, B_NONE, 0, 0, "/en/accessibility");
	/* Routes being added (the commitments list, search, JSON and CSV): tested once
	 * they answer. */
	route_add("GET", R_OPTIONAL, B_NONE, 0, 0, "/pt/commitments");
	route_add("GET", R_OPTIONAL, B_NONE, 0, 0, "/en/search");
	route_add("GET", R_OPTIONAL, B_NONE, 0, 0, "/en/plans.json");
	route_add("GET", R_OPTIONAL, B_NONE, 0, 0, "/pt/commitments.csv");
	route_add("GET", R_OPTIONAL, B_NONE, 0, 0, "/pt/data");
	route_add("GET", R_OPTIONAL, B_NONE, 0, 0, "/data/catalog.jsonld");
	route_add("GET", R_OPTIONAL | R_ADMIN, B_NONE, 0, 0, "/admin/import");
	/* Admin pages (GET), with the session. */
	route_add("GET", R_ADMIN, B_NONE, 0, 0, "/admin/login");
	route_add("GET", R_ADMIN, B_NONE, 0, 0, "/admin/2fa");
	route_add("GET", R_ADMIN, B_NONE, 0, 0, "/admin/2fa/enrol");
	route_add("GET", R_ADMIN, B_NONE, 0, 0, "/admin/");
	route_add("GET", R_ADMIN, B_NONE, 0, 0, "/admin/reviews");
	route_add("GET", R_ADMIN, B_NONE, 0, 0, "/admin/users");
	route_add("GET", R_ADMIN, B_NONE, 3, 'i', "/admin/users/%lld", id_victim);
	route_add("GET", R_ADMIN, B_NONE, 0, 0, "/admin/audit");
	route_add("GET", R_ADMIN, B_NONE, 0, 0, "/admin/commitments");
	route_add("GET", R_ADMIN, B_NONE, 0, 0, "/admin/events/new");
	route_add("GET", R_ADMIN, B_NONE, 3, 'i', "/admin/plans/%lld", id_plan);
	route_add("GET", R_ADMIN, B_NONE, 3, 'i', "/admin/commitments/%lld/relations", id_c);
	route_add("GET", R_ADMIN, B_NONE, 3, 'i', "/admin/events/%lld/delete", id_ev);
	/* Admin POSTs, each with its complete form. */
	route_add("POST", 0, B_LOGIN, 0, 0, "/admin/login");
	route_add("POST", R_ADMIN, B_CODE, 0, 0, "/admin/2fa");
	route_add("POST", R_ADMIN, B_CODE, 0, 0, "/admin/2fa/enrol");
	route_add("POST", R_ADMIN, B_CSRF, 3, 'i', "/admin/reviews/%lld/approve", id_draft);
	route_add("POST", R_ADMIN, B_CSRF, 3, 'i', "/admin/reviews/%lld/return", id_draft);
	r = route_add("POST", R_ADMIN, B_FORM, 0, 0, "/admin/users/new");
	snprintf(r->formpage, sizeof r->formpage, "/admin/users");
	r->fill[0] = "login";
	r->fill[1] = "novo-hostil@example.org";
	r->fill[2] = "name";
	r->fill[3] = "Novo Hostil";
	route_add("POST", R_ADMIN, B_FORM, 3, 'i', "/admin/users/%lld", id_victim);
	r = route_add("POST", R_ADMIN, B_FORM, 3, 'i', "/admin/users/%lld/disable", id_victim);
	snprintf(r->formpage, sizeof r->formpage, "/admin/users/%lld", id_victim);
	r = route_add("POST", R_ADMIN | R_EDIT, B_FORM, 0, 0, "/admin/plans/new");
	r->numf[0] = "number";
	r->fill[0] = "number";
	r->fill[1] = "77";
	r->fill[2] = "title_pt";
	r->fill[3] = "Plano hostil";
	r = route_add("POST", R_ADMIN | R_EDIT, B_FORM, 3, 'i', "/admin/plans/%lld", id_plan);
	r->numf[0] = "number";
	r = route_add("POST", R_ADMIN | R_EDIT, B_FORM, 3, 'i', "/admin/commitments/%lld", id_c);
	r->numf[0] = "number";
	r->numf[1] = "plan_id";
	r = route_add(
	    "POST", R_ADMIN | R_EDIT | R_UPLOAD, B_FORM, 3, 'i', "/admin/milestones/%lld", id_ms);
	r->numf[0] = "position";
	r->numf[1] = "progress";
	r->numf[2] = "commitment_id";
	route_add("POST", R_ADMIN | R_EDIT, B_FORM, 3, 'i', "/admin/events/%lld", id_ev);
	route_add("POST", R_ADMIN | R_EDIT, B_FORM, 3, 'i', "/admin/entities/%lld", id_ent);
	route_add("POST", R_ADMIN, B_FORM, 3, 'i', "/admin/commitments/%lld/relations", id_c);
	route_add("POST", R_ADMIN | R_EDIT, B_FORM, 3, 'i', "/admin/events/%lld/delete", id_ev);
	route_add("POST", R_ADMIN | R_OPTIONAL | R_IMPORT, B_FORM, 0, 0, "/admin/import");
	route_add("POST", R_ADMIN | R_LAST, B_CSRF, 0, 0, "/admin/logout");
}

static void
setup_payloads(void)
{
	size_t i;

	long_query_10k = malloc(10001);
	long_query_3k = malloc(3001);
	cookie_20k = malloc(20001);
	cookie_10k = malloc(10001);
	body_300k = malloc(300 * 1024 + 1);
	body_12m_len = 12 * 1000 * 1000;
	body_12m = malloc(body_12m_len + 1);
	if (!long_query_10k || !long_query_3k || !cookie_20k || !cookie_10k || !body_300k ||
	    !body_12m)
		exit(2);
	memcpy(long_query_10k, "q=", 2);
	memset(long_query_10k + 2, 'a', 9998);
	long_query_10k[10000] = '\0';
	memcpy(long_query_3k, "q=", 2);
	memset(long_query_3k + 2, 'b', 2998);
	long_query_3k[3000] = '\0';
	memset(cookie_20k, 'c', 20000);
	cookie_20k[20000] = '\0';
	memset(cookie_10k, 'd', 10000);
	cookie_10k[10000] = '\0';
	memcpy(body_300k, "title_pt=", 9);
	for (i = 9; i < 300 * 1024; i++)
		body_300k[i] = 'e';
	body_300k[300 * 1024] = '\0';
	memcpy(body_12m, "title_pt=", 9);
	memset(body_12m + 9, 'f', body_12m_len - 9);
	body_12m[body_12m_len] = '\0';
}

int
main(int argc, char *argv[])
{
	struct res  r;
	char        ck[200], loc[300];
	const char *h[] = { ck, NULL };
	size_t      a, i, nattacks = sizeof attacks / sizeof attacks[0];
	int         pass, last;
	time_t      t0 = time(NULL);

	if (argc != 7) {
		fprintf(stderr,
		    "usage: hostile BASE DB ADMIN_BIN SPAWN_PID_FILE UPLOADS_DIR "
		    "WORKDIR\n");
		return 2;
	}
	rc_base = argv[1];
	rc_db = argv[2];
	rc_adminbin = argv[3];
	spawnpid = argv[4];
	updir = argv[5];
	workdir = argv[6];
	signal(SIGPIPE, SIG_IGN);
	if (sodium_init() < 0)
		return 2;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	setup_payloads();
	if (setup() != 0) {
		tap(0,
		    "setup: an administrator logged in with both factors, ids, a document, a "
		    "draft");
		return tap_done();
	}
	tap(1, "setup: an administrator logged in with both factors, ids, a document, a draft");
	if (sec_setup(ogp) != 0)
		return tap_done();
	make_routes();
	sec_routes(sha_up, ogp);
	workers(pids0, sizeof pids0);
	diag("workers: %s; %d routes, %zu attacks", pids0, nroutes, nattacks + nsec_attacks);
	tap(pids0[0] != '\0', "the workers' pids are known (%s)", pids0);

	/* The controls: each GET route's normal answer. */
	snprintf(ck, sizeof ck, "Cookie: aberta=%s", tok);
	for (i = 0; i < (size_t)nroutes; i++) {
		struct route *rt = &routes[i];

		if (strcmp(rt->method, "GET") != 0) {
			if (rt->flags & R_OPTIONAL) { /* its form page must exist */
				rc_http(NULL, "GET", rt->formpage, NULL, NULL, 0, h, &r);
				if (r.status == 404) {
					diag("GET %s answers 404: POST %s left out", rt->formpage,
					    rt->path);
					rt->flags |= R_SKIP;
				}
				res_free(&r);
			}
			continue;
		}
		rc_http(NULL, "GET", rt->path, NULL, NULL, 0, rt->flags & R_ADMIN ? h : NULL, &r);
		rt->normal = r.status;
		if ((rt->flags & R_OPTIONAL) && r.status == 404) {
			diag("GET %s answers 404: not in this build, left out", rt->path);
			rt->flags |= R_SKIP;
			res_free(&r);
			continue;
		}
		loc[0] = '\0';
		res_header(&r, "Location", loc, sizeof loc);
		snprintf(rt->normal_loc, sizeof rt->normal_loc, "%s", loc);
		tap(r.status == 200 ||
			(r.status == 303 &&
			    (strcmp(rt->path, "/admin/login") == 0 ||
				strncmp(rt->path, "/admin/2fa", 10) == 0)) ||
			(r.status == 301 && strcmp(rt->path, "/") == 0) ||
			(r.status == 302 && strcmp(rt->path, "/") == 0),
		    "control: GET %s -> %d%s%s", rt->path, r.status, loc[0] ? " to " : "", loc);
		res_free(&r);
	}
	sec_controls();
	checksum(sum0);

	for (last = 0; last < 2; last++)
		for (i = 0; i < (size_t)nroutes; i++) {
			const struct route *rt = &routes[i];

			if (!!(rt->flags & R_LAST) != last || (rt->flags & R_SKIP))
				continue;
			for (a = 0; a < nattacks + nsec_attacks; a++) {
				const struct attack *at =
				    a < nattacks ? &attacks[a] : &sec_attacks[a - nattacks];
				char label[64];

				if (!fits(at, rt))
					continue;
				if (at->build == b_numfield) {
					for (pass = 0; pass < 5; pass++) {
						/* a new record has no version to spoil */
						numf_pick = pass < 4 ? rt->numf[pass]
						    : (rt->flags & R_EDIT) &&
							strstr(rt->path, "/new") == NULL
						    ? "version"
						    : NULL;
						if (numf_pick == NULL)
							continue;
						snprintf(
						    label, sizeof label, " (field %s)", numf_pick);
						run_case(rt, at, label);
					}
					numf_pick = NULL;
					continue;
				}
				run_case(rt, at, NULL);
			}
		}
	import_cases();
	diag("%d HTTP cases in %ld s; %d worker restarts; %d retries after nginx's 429", ncases,
	    (long)(time(NULL) - t0), nrestarts, nretry);
	tap(nrestarts == 0, "no worker crashed or restarted during the whole run (%d restarts)",
	    nrestarts);
	person_free(&p_hal);
	curl_global_cleanup();
	return tap_done();
}
