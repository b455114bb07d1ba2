/* client: see client.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "client.h"

const char *rc_base;
const char *rc_db;
const char *rc_adminbin;
void (*rc_after)(
    const struct person *, const char *, const char *, const char *, size_t, const struct res *);

/* libcurl's write callback: appends to the buffer arg. */
static size_t
on_data(char *p, size_t sz, size_t n, void *arg)
{
	buf_put(arg, p, sz * n);
	return sz * n;
}

double
rc_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
person_init(struct person *p, const char *who)
{
	p->h = curl_easy_init();
	p->who = who;
	curl_easy_setopt(p->h, CURLOPT_COOKIEFILE, ""); /* the cookie engine, in memory */
}

void
person_free(struct person *p)
{
	if (p->h != NULL)
		curl_easy_cleanup(p->h);
	p->h = NULL;
}

/* Sends what c is set up for to rc_base + path; fills r (body and head "" rather than
 * NULL) and calls rc_after.  Returns 0, or -1 when no complete answer came. */
static int
perform(CURL *c, const struct person *p, const char *method, const char *path, const char *body,
    size_t bodylen, struct res *r)
{
	char  *url;
	long   code = 0;
	size_t ulen = strlen(rc_base) + strlen(path) + 1;

	if ((url = malloc(ulen)) == NULL)
		return -1;
	snprintf(url, ulen, "%s%s", rc_base, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http");
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->head);
	curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
	r->cerr = (int)curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(c, CURLINFO_TOTAL_TIME, &r->secs);
	r->status = (int)code;
	free(url);
	if (r->body.p == NULL) { /* an empty body: "" rather than NULL */
		buf_put(&r->body, "", 1);
		r->body.len = 0;
	}
	if (r->head.p == NULL) {
		buf_put(&r->head, "", 1);
		r->head.len = 0;
	}
	if (rc_after != NULL)
		rc_after(p, method, path, body, bodylen, r);
	return r->cerr == CURLE_OK ? 0 : -1;
}

int
rc_http(struct person *p, const char *method, const char *path, const char *ctype, const char *body,
    size_t bodylen, const char *const *hdrs, struct res *r)
{
	CURL              *c = p != NULL ? p->h : curl_easy_init();
	struct curl_slist *h = NULL;
	char               ct[300];
	size_t             i;
	int                rc;

	memset(r, 0, sizeof *r);
	if (c == NULL)
		return -1;
	curl_easy_setopt(c, CURLOPT_NOBODY, 0L);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, NULL);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, NULL);
	if (body != NULL) {
		curl_easy_setopt(c, CURLOPT_POST, 1L);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)bodylen);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		snprintf(ct, sizeof ct, "Content-Type: %s",
		    ctype ? ctype : "application/x-www-form-urlencoded");
		h = curl_slist_append(h, ct);
		h = curl_slist_append(h, "Expect:");
		if (strcmp(method, "POST") != 0)
			curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	} else {
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
		if (strcmp(method, "HEAD") == 0)
			curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
		else if (strcmp(method, "GET") != 0)
			curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	}
	for (i = 0; hdrs != NULL && hdrs[i] != NULL; i++)
		h = curl_slist_append(h, hdrs[i]);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	rc = perform(c, p, method, path, body, bodylen, r);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, NULL);
	curl_slist_free_all(h);
	if (p == NULL)
		curl_easy_cleanup(c);
	return rc;
}

int
rc_get(struct person *p, const char *path, struct res *r)
{
	return rc_http(p, "GET", path, NULL, NULL, 0, NULL, r);
}

int
rc_post(struct person *p, const char *path, const char *form, struct res *r)
{
	return rc_http(p, "POST", path, NULL, form ? form : "", form ? strlen(form) : 0, NULL, r);
}

int
rc_mime(struct person *p, const char *path, curl_mime *m, struct res *r)
{
	int rc;

	memset(r, 0, sizeof *r);
	curl_easy_setopt(p->h, CURLOPT_NOBODY, 0L);
	curl_easy_setopt(p->h, CURLOPT_CUSTOMREQUEST, NULL);
	curl_easy_setopt(p->h, CURLOPT_MIMEPOST, m);
	rc = perform(p->h, p, "POST", path, NULL, 0, r);
	curl_easy_setopt(p->h, CURLOPT_MIMEPOST, NULL);
	return rc;
}

int
submit_mime(struct person *p, const char *action, const struct form *f, const char *file_field,
    const char *file, const char *data, size_t len, struct res *r)
{
	curl_mime     *m = curl_mime_init(p->h);
	curl_mimepart *part;
	int            i, rc;

	for (i = 0; i < f->n; i++) {
		if (file != NULL && strcmp(f->name[i], file_field) == 0)
			continue;
		part = curl_mime_addpart(m);
		curl_mime_name(part, f->name[i]);
		curl_mime_data(part, f->val[i], CURL_ZERO_TERMINATED);
	}
	if (file != NULL) {
		part = curl_mime_addpart(m);
		curl_mime_name(part, file_field);
		curl_mime_filename(part, file);
		curl_mime_data(part, data, len);
	}
	rc = rc_mime(p, action, m, r);
	curl_mime_free(m);
	return rc;
}

int
location_is(const struct res *r, const char *path)
{
	char v[1024], full[1024];

	if (res_header(r, "Location", v, sizeof v) == NULL)
		return 0;
	snprintf(full, sizeof full, "%s%s", rc_base, path);
	return strcmp(v, path) == 0 || strcmp(v, full) == 0;
}

const char *
set_cookie_line(const struct res *r, const char *name, char *out, size_t outlen)
{
	char prefix[200];

	snprintf(prefix, sizeof prefix, "%s=", name);
	return res_header_with(r, "Set-Cookie", prefix, out, outlen);
}

const char *
set_cookie_value(const struct res *r, const char *name, char *out, size_t outlen)
{
	char line[1024], *semi;

	out[0] = '\0';
	if (set_cookie_line(r, name, line, sizeof line) == NULL)
		return out;
	if ((semi = strchr(line, ';')) != NULL)
		*semi = '\0';
	snprintf(out, outlen, "%s", line + strlen(name) + 1);
	return out;
}

const char *
jar_value(struct person *p, const char *name, char *out, size_t outlen)
{
	struct curl_slist *l = NULL, *it;
	char              *f[7], *s, *tmp;
	int                i;

	out[0] = '\0';
	if (curl_easy_getinfo(p->h, CURLINFO_COOKIELIST, &l) != CURLE_OK)
		return out;
	for (it = l; it != NULL; it = it->next) {
		if ((tmp = strdup(it->data)) == NULL)
			break;
		for (i = 0, s = tmp; i < 7; i++) {
			f[i] = s;
			if (s != NULL && (s = strchr(s, '\t')) != NULL)
				*s++ = '\0';
		}
		if (f[5] != NULL && f[6] != NULL && strcmp(f[5], name) == 0)
			snprintf(out, outlen, "%s", f[6]);
		free(tmp);
	}
	curl_slist_free_all(l);
	return out;
}

/* ---------------------------------------------------------------------------------- */

void
form_free(struct form *f)
{
	int i;

	for (i = 0; i < f->n; i++) {
		free(f->name[i]);
		free(f->val[i]);
	}
	f->n = 0;
}

/* Decodes the HTML character references ctemplate writes into a malloc'd string. */
static char *
unescape(const char *s, size_t len)
{
	char         *out = malloc(len + 1), *o = out;
	const char   *e = s + len;
	unsigned long cp;
	char         *end;

	if (out == NULL)
		return NULL;
	while (s < e) {
		if (*s != '&') {
			*o++ = *s++;
			continue;
		}
		if (strncmp(s, "&amp;", 5) == 0)
			*o++ = '&', s += 5;
		else if (strncmp(s, "&lt;", 4) == 0)
			*o++ = '<', s += 4;
		else if (strncmp(s, "&gt;", 4) == 0)
			*o++ = '>', s += 4;
		else if (strncmp(s, "&quot;", 6) == 0)
			*o++ = '"', s += 6;
		else if (strncmp(s, "&#", 2) == 0 &&
		    (cp = strtoul(s + 2 + (s[2] == 'x'), &end, s[2] == 'x' ? 16 : 10)) > 0 &&
		    cp < 0x80 && *end == ';') {
			*o++ = (char)cp;
			s = end + 1;
		} else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

/* Finds attribute name in the tag [t, e) (t at '<'); copies its unescaped value into
 * out.  Returns 1 with a value, 2 bare, 0 absent. */
static int
attr(const char *t, const char *e, const char *name, char *out, size_t outlen)
{
	size_t      n = strlen(name);
	const char *p, *q;
	char       *u;

	out[0] = '\0';
	for (p = t + 1; p + n <= e; p++) {
		if ((p[-1] != ' ' && p[-1] != '\n') || strncmp(p, name, n) != 0)
			continue;
		if (p[n] == '=' && p[n + 1] == '"') {
			q = memchr(p + n + 2, '"', (size_t)(e - (p + n + 2)));
			if (q == NULL)
				return 0;
			u = unescape(p + n + 2, (size_t)(q - (p + n + 2)));
			snprintf(out, outlen, "%s", u ? u : "");
			free(u);
			return 1;
		}
		if (p[n] == ' ' || p[n] == '>' || p[n] == '/')
			return 2;
	}
	return 0;
}

void
form_add(struct form *f, const char *name, const char *val)
{
	if (f->n >= FORM_MAX)
		return;
	f->name[f->n] = strdup(name);
	f->val[f->n] = strdup(val);
	f->n++;
}

const char *
form_val(const struct form *f, const char *name)
{
	int i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->name[i], name) == 0)
			return f->val[i];
	return NULL;
}

void
form_set(struct form *f, const char *name, const char *val)
{
	int i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->name[i], name) == 0) {
			free(f->val[i]);
			if (val == NULL) {
				free(f->name[i]);
				f->name[i] = f->name[f->n - 1];
				f->val[i] = f->val[f->n - 1];
				f->n--;
			} else
				f->val[i] = strdup(val);
			return;
		}
	if (val != NULL)
		form_add(f, name, val);
}

/* Adds the <input> [t, te) of a form to f as a browser submits it. */
static void
form_input(const char *t, const char *te, struct form *f)
{
	static char val[64 * 1024];
	char        name[200], type[32];

	if (attr(t, te, "name", name, sizeof name) != 1)
		return;
	attr(t, te, "type", type, sizeof type);
	attr(t, te, "value", val, sizeof val);
	if (strcmp(type, "checkbox") == 0 || strcmp(type, "radio") == 0) {
		if (attr(t, te, "checked", type, sizeof type) == 0)
			return;
		if (val[0] == '\0')
			snprintf(val, sizeof val, "on");
	}
	if (strcmp(type, "submit") == 0 || strcmp(type, "button") == 0 || strcmp(type, "file") == 0)
		return;
	form_add(f, name, val);
}

/* Adds the <select> [t, te) of a form to f: its selected option, or the first. */
static void
form_select(const char *t, const char *te, struct form *f)
{
	static char val[64 * 1024];
	char        name[200];
	const char *o, *oe, *se, *first = NULL;

	if (attr(t, te, "name", name, sizeof name) != 1 || (se = strstr(te, "</select>")) == NULL)
		return;
	for (o = te; (o = strstr(o, "<option")) != NULL && o < se; o++) {
		oe = strchr(o, '>');
		if (first == NULL)
			first = o;
		if (attr(o, oe, "selected", val, sizeof val) != 0) {
			attr(o, oe, "value", val, sizeof val);
			form_add(f, name, val);
			return;
		}
	}
	if (first != NULL) {
		attr(first, strchr(first, '>'), "value", val, sizeof val);
		form_add(f, name, val);
	}
}

int
form_parse(const char *html, const char *action, struct form *f)
{
	char        needle[300], name[200];
	const char *p, *end, *t, *te, *oe;
	char       *u;

	memset(f, 0, sizeof *f);
	snprintf(needle, sizeof needle, "action=\"%s\"", action);
	if ((p = strstr(html, needle)) == NULL || (end = strstr(p, "</form>")) == NULL)
		return -1;
	for (t = p; (t = strchr(t, '<')) != NULL && t < end; t++) {
		if ((te = strchr(t, '>')) == NULL)
			break;
		if (strncmp(t, "<input", 6) == 0)
			form_input(t, te, f);
		else if (strncmp(t, "<textarea", 9) == 0) {
			if (attr(t, te, "name", name, sizeof name) != 1 ||
			    (oe = strstr(te, "</textarea>")) == NULL)
				continue;
			u = unescape(te + 1, (size_t)(oe - (te + 1)));
			form_add(f, name, u ? u : "");
			free(u);
		} else if (strncmp(t, "<select", 7) == 0)
			form_select(t, te, f);
	}
	return 0;
}

char *
form_encode(const struct form *f)
{
	struct buf b = { 0 };
	char      *k, *v, *out;
	int        i;

	for (i = 0; i < f->n; i++) {
		k = curl_easy_escape(NULL, f->name[i], 0);
		v = curl_easy_escape(NULL, f->val[i], 0);
		buf_printf(&b, "%s%s=%s", i ? "&" : "", k, v);
		curl_free(k);
		curl_free(v);
	}
	out = strdup(b.p ? b.p : "");
	buf_free(&b);
	return out;
}

char *
body_of(const char *first, ...)
{
	struct form f = { 0 };
	const char *k, *v;
	char       *out;
	va_list     ap;

	va_start(ap, first);
	for (k = first; k != NULL; k = va_arg(ap, const char *)) {
		v = va_arg(ap, const char *);
		form_add(&f, k, v);
	}
	va_end(ap);
	out = form_encode(&f);
	form_free(&f);
	return out;
}

const char *
form_csrf(const char *html, const char *action, char *out, size_t outlen)
{
	char        needle[300];
	const char *p = html, *e;

	out[0] = '\0';
	if (action != NULL) {
		snprintf(needle, sizeof needle, "action=\"%s\"", action);
		if ((p = strstr(html, needle)) == NULL)
			return out;
	}
	if ((p = strstr(p, "name=\"csrf\" value=\"")) == NULL)
		return out;
	p += 19;
	if ((e = strchr(p, '"')) != NULL)
		snprintf(out, outlen, "%.*s", (int)(e - p), p);
	return out;
}

int
open_form(struct person *p, const char *path, struct form *f)
{
	struct res r;
	int        st;

	rc_get(p, path, &r);
	st = r.status;
	if (form_parse(r.body.p, path, f) != 0)
		memset(f, 0, sizeof *f);
	res_free(&r);
	return st;
}

int
submit_form(struct person *p, const char *action, const struct form *f, struct res *r)
{
	char *b = form_encode(f);
	int   rc = rc_post(p, action, b, r);

	free(b);
	return rc;
}

const char *
session_csrf(struct person *p, char *out, size_t outlen)
{
	struct res r;

	rc_get(p, "/admin/", &r);
	form_csrf(r.body.p, NULL, out, outlen);
	res_free(&r);
	return out;
}

/* ---------------------------------------------------------------------------------- */

int
rc_admin(char *out, size_t outlen, ...)
{
	char   *argv[16];
	int     argc = 0, fd[2], st;
	size_t  got = 0;
	ssize_t n;
	pid_t   pid;
	va_list ap;

	argv[argc++] = (char *)rc_adminbin;
	argv[argc++] = (char *)"--db";
	argv[argc++] = (char *)rc_db;
	va_start(ap, outlen);
	while (argc < 15 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	out[0] = '\0';
	if (pipe(fd) != 0)
		return -1;
	if ((pid = fork()) == 0) {
		close(fd[0]);
		dup2(fd[1], 1);
		dup2(fd[1], 2);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	while (pid > 0 && got + 1 < outlen &&
	    ((n = read(fd[0], out + got, outlen - got - 1)) > 0 || (n < 0 && errno == EINTR)))
		if (n > 0)
			got += (size_t)n;
	out[got] = '\0';
	close(fd[0]);
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

void
admin_output(const char *out)
{
	const char *p = out, *e;

	for (; *p != '\0'; p = *e ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		if (strncmp(p, "password for ", 13) != 0 && e > p)
			fprintf(stderr, "aberta-admin: %.*s\n", (int)(e - p), p);
	}
}

int
acct_add(struct acct *a, const char *login, const char *name, const char *role, const char *slug)
{
	char        out[4096], pfx[160];
	const char *p;
	int         rc;

	memset(a, 0, sizeof *a);
	snprintf(a->login, sizeof a->login, "%s", login);
	rc = rc_admin(out, sizeof out, "user", "add", login, name, role, slug, NULL);
	snprintf(pfx, sizeof pfx, "password for %s: ", login);
	if (rc != 0 || (p = strstr(out, pfx)) == NULL) {
		fprintf(stderr, "aberta-admin user add %s exited %d\n", login, rc);
		admin_output(out);
		return -1;
	}
	p += strlen(pfx);
	snprintf(a->pw, sizeof a->pw, "%.*s", (int)strcspn(p, "\r\n "), p);
	a->id = sql_int("SELECT id FROM staff WHERE login = ?1", login, 0, 0, 0);
	return a->pw[0] != '\0' && a->id > 0 ? 0 : -1;
}

int
login_pw(
    struct person *p, const char *login, const char *pw, struct res *r, char *pre, size_t prelen)
{
	struct res g;
	char       csrf[128], *b;
	int        rc;

	rc_get(p, "/admin/login", &g);
	form_csrf(g.body.p, "/admin/login", csrf, sizeof csrf);
	if (pre != NULL)
		set_cookie_value(&g, "aberta_pre", pre, prelen);
	res_free(&g);
	b = body_of("csrf", csrf, "login", login, "password", pw, NULL);
	rc = rc_post(p, "/admin/login", b, r);
	free(b);
	return rc;
}

/* Copies the text between open and close in html into out ("" when absent). */
static void
between(const char *html, const char *open, const char *close, char *out, size_t outlen)
{
	const char *p = strstr(html, open), *e;

	out[0] = '\0';
	if (p == NULL)
		return;
	p += strlen(open);
	if ((e = strstr(p, close)) != NULL)
		snprintf(out, outlen, "%.*s", (int)(e - p), p);
}

/* The recovery codes of the enrolment's answer html into a. */
static void
recovery_codes(const char *html, struct acct *a)
{
	const char *s = strstr(html, "<ul class=\"codes\">"), *e;

	a->nrec = 0;
	while (s != NULL && a->nrec < RECOVERY_CODES && (s = strstr(s, "<li><code>")) != NULL) {
		s += 10;
		if ((e = strstr(s, "</code>")) == NULL)
			break;
		snprintf(a->rec[a->nrec++], sizeof a->rec[0], "%.*s", (int)(e - s), s);
	}
}

int
enrol(struct person *p, struct acct *a, struct res *r)
{
	struct res g;
	char       csrf[128], code[7] = "", *b;
	time_t     now = time(NULL);
	int        rc;

	rc_get(p, "/admin/2fa/enrol", &g);
	between(g.body.p, "<code class=\"secret\">", "</code>", a->secret, sizeof a->secret);
	form_csrf(g.body.p, "/admin/2fa/enrol", csrf, sizeof csrf);
	res_free(&g);
	if (a->secret[0] == '\0' || totp_code(a->secret, now, code) != 0)
		fprintf(stderr, "enrol %s: no secret on the page or totp_code failed\n", a->login);
	b = body_of("csrf", csrf, "code", code, NULL);
	rc = rc_post(p, "/admin/2fa/enrol", b, r);
	free(b);
	if (r->status == 200) {
		a->last_step = (long long)now / TOTP_STEP;
		recovery_codes(r->body.p, a);
	}
	return rc;
}

void
next_code(struct acct *a, char code[7], long long *step)
{
	long long now = (long long)time(NULL) / TOTP_STEP, s;

	s = a->last_step + 1 > now ? a->last_step + 1 : now;
	while (s > (long long)time(NULL) / TOTP_STEP + 1) {
		fprintf(stderr, "waiting for the next TOTP step of %s\n", a->login);
		sleep(1);
	}
	*step = s;
	totp_code(a->secret, (time_t)(s * TOTP_STEP), code);
}

int
post_2fa(struct person *p, const char *code, struct res *r)
{
	struct res g;
	char       csrf[128], *b;
	int        rc;

	rc_get(p, "/admin/2fa", &g);
	form_csrf(g.body.p, "/admin/2fa", csrf, sizeof csrf);
	res_free(&g);
	b = body_of("csrf", csrf, "code", code, NULL);
	rc = rc_post(p, "/admin/2fa", b, r);
	free(b);
	return rc;
}

int
login_full(struct person *p, struct acct *a)
{
	struct res r;
	char       code[7], where[512];
	long long  step;
	int        ok = 0;

	login_pw(p, a->login, a->pw, &r, NULL, 0);
	if (r.status == 303 && location_is(&r, "/admin/2fa/enrol")) {
		res_free(&r);
		enrol(p, a, &r);
		ok = r.status == 200;
	} else if (r.status == 303 && location_is(&r, "/admin/2fa")) {
		res_free(&r);
		next_code(a, code, &step);
		post_2fa(p, code, &r);
		if ((ok = r.status == 303))
			a->last_step = step;
	} else
		fprintf(stderr, "login of %s: %d %s\n", a->login, r.status,
		    res_header(&r, "Location", where, sizeof where) ? where : "(no Location)");
	res_free(&r);
	if (!ok)
		return 0;
	rc_get(p, "/admin/", &r);
	ok = r.status == 200;
	res_free(&r);
	return ok;
}

/* ---------------------------------------------------------------------------------- */

sqlite3 *
sql_open_rw(void)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(rc_db, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fprintf(stderr, "cannot open %s: %s\n", rc_db, db ? sqlite3_errmsg(db) : "?");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 10000);
	return db;
}

/* Prepares sql with ?1 = t1, ?2 = i2, ?3 = i3 (as far as the statement has them). */
static sqlite3_stmt *
prep(sqlite3 *db, const char *sql, const char *t1, long long i2, long long i3)
{
	sqlite3_stmt *s;
	int           np;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "SQL %s: %s\n", sql, sqlite3_errmsg(db));
		return NULL;
	}
	np = sqlite3_bind_parameter_count(s);
	if (np >= 1)
		sqlite3_bind_text(s, 1, t1, -1, SQLITE_TRANSIENT);
	if (np >= 2)
		sqlite3_bind_int64(s, 2, i2);
	if (np >= 3)
		sqlite3_bind_int64(s, 3, i3);
	return s;
}

long long
sql_int(const char *sql, const char *t1, long long i2, long long i3, long long def)
{
	sqlite3      *db = sql_open_rw();
	sqlite3_stmt *s;
	long long     v = def;

	if (db == NULL)
		return def;
	if ((s = prep(db, sql, t1, i2, i3)) != NULL) {
		if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return v;
}

const char *
sql_text(const char *sql, const char *t1, long long i2, char *out, size_t outlen)
{
	sqlite3      *db = sql_open_rw();
	sqlite3_stmt *s;

	out[0] = '\0';
	if (db == NULL)
		return out;
	if ((s = prep(db, sql, t1, i2, 0)) != NULL) {
		if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
			snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return out;
}

/* The whole of file fn (malloc'd, NUL-terminated), or NULL. */
static char *
slurp(const char *fn)
{
	FILE  *f = fopen(fn, "r");
	char  *p = NULL;
	long   n;
	size_t got;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (p = malloc((size_t)n + 1)) != NULL) {
		got = fread(p, 1, (size_t)n, f);
		p[got] = '\0';
	}
	fclose(f);
	return p;
}

/* 1 when the To: header of message m (before its blank line) holds rcpt. */
static int
to_holds(const char *m, const char *rcpt)
{
	const char *p = m, *eol, *end = strstr(m, "\r\n\r\n");

	while (p != NULL && *p != '\0' && (end == NULL || p < end)) {
		eol = strchr(p, '\n');
		if (strncasecmp(p, "To:", 3) == 0) {
			const char *hit = strstr(p, rcpt);
			return hit != NULL && (eol == NULL || hit < eol);
		}
		p = eol != NULL ? eol + 1 : NULL;
	}
	return 0;
}

char *
mail_newest(const char *rcpt)
{
	const char *dir = getenv("E2E_MAILDIR");
	char        fn[600], *m, *best = NULL;
	int         i, tries;

	if (dir == NULL)
		return NULL;
	for (tries = 0; tries < 100 && best == NULL; tries++) {
		for (i = 1; i < 10000; i++) {
			snprintf(fn, sizeof fn, "%s/%04d.eml", dir, i);
			if ((m = slurp(fn)) == NULL)
				break;
			if (to_holds(m, rcpt)) {
				free(best);
				best = m;
			} else
				free(m);
		}
		if (best == NULL)
			usleep(100000);
	}
	return best;
}
