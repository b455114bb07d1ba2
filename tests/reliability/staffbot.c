/*
 * staffbot: the staff member of the reliability tests (the scripts in tests/reliability).  It logs
 * in through the real admin area (password, then the TOTP second factor) and saves forms
 * exactly as a browser would: it opens the form, changes one field, posts every control
 * back.  The helpers are copied from tests/e2e/e2e_admin.c.
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

#include "buf.h"
#include "totp.h"

static const char	*base;
static const char	*cookie;	/* "aberta=..." for save and saveloop */
static long		 timeout_s = 30;

struct res {
	int		 status;
	struct buf	 head;
	struct buf	 body;
};

static void
res_free(struct res *r)
{
	buf_free(&r->head);
	buf_free(&r->body);
}

static const char *
res_header(const struct res *r, const char *name, char *out, size_t outlen)
{
	const char	*p = r->head.p, *v, *e;
	size_t		 n = strlen(name);

	while (p != NULL && *p != '\0') {
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			v = p + n + 1;
			while (*v == ' ')
				v++;
			e = strpbrk(v, "\r\n");
			snprintf(out, outlen, "%.*s", (int)(e ? e - v : (long)strlen(v)), v);
			return out;
		}
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return NULL;
}

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
	char		 url[4096];
	long		 code = 0;
	CURLcode	 rc;

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

/* ------------------------------------------------------------------------------------
 * HTML forms (from e2e_admin.c).
 */

#define FORM_MAX	200

struct form {
	int	 n;
	char	*name[FORM_MAX];
	char	*val[FORM_MAX];
};

static void
form_free(struct form *f)
{
	int	 i;

	for (i = 0; i < f->n; i++) {
		free(f->name[i]);
		free(f->val[i]);
	}
	f->n = 0;
}

static char *
unescape(const char *s, size_t len)
{
	char		*out = malloc(len + 1), *o = out;
	const char	*e = s + len;
	unsigned long	 cp;
	char		*end;

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
		else if (strncmp(s, "&#", 2) == 0 && (cp = strtoul(s + 2 + (s[2] == 'x'),
		    &end, s[2] == 'x' ? 16 : 10)) > 0 && cp < 0x80 && *end == ';') {
			*o++ = (char)cp;
			s = end + 1;
		} else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

static int
attr(const char *t, const char *e, const char *name, char *out, size_t outlen)
{
	size_t		 n = strlen(name);
	const char	*p, *q;
	char		*u;

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

static void
form_add(struct form *f, const char *name, const char *val)
{
	if (f->n >= FORM_MAX)
		return;
	f->name[f->n] = strdup(name);
	f->val[f->n] = strdup(val);
	f->n++;
}

static void
form_set(struct form *f, const char *name, const char *val)
{
	int	 i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->name[i], name) == 0) {
			free(f->val[i]);
			f->val[i] = strdup(val);
			return;
		}
	form_add(f, name, val);
}

static int
form_parse(const char *html, const char *action, struct form *f)
{
	static char	 val[64 * 1024];
	char		 needle[300], name[200], type[32];
	const char	*p, *end, *t, *te, *o, *oe, *se, *first;
	char		*u;
	int		 sel;

	memset(f, 0, sizeof *f);
	snprintf(needle, sizeof needle, "action=\"%s\"", action);
	if ((p = strstr(html, needle)) == NULL || (end = strstr(p, "</form>")) == NULL)
		return -1;
	for (t = p; (t = strchr(t, '<')) != NULL && t < end; t++) {
		if ((te = strchr(t, '>')) == NULL)
			break;
		if (strncmp(t, "<input", 6) == 0) {
			if (attr(t, te, "name", name, sizeof name) != 1)
				continue;
			attr(t, te, "type", type, sizeof type);
			attr(t, te, "value", val, sizeof val);
			if (strcmp(type, "checkbox") == 0 || strcmp(type, "radio") == 0) {
				if (attr(t, te, "checked", type, sizeof type) == 0)
					continue;
				if (val[0] == '\0')
					snprintf(val, sizeof val, "on");
			}
			if (strcmp(type, "submit") == 0 || strcmp(type, "button") == 0 ||
			    strcmp(type, "file") == 0)
				continue;
			form_add(f, name, val);
		} else if (strncmp(t, "<textarea", 9) == 0) {
			if (attr(t, te, "name", name, sizeof name) != 1 ||
			    (oe = strstr(te, "</textarea>")) == NULL)
				continue;
			u = unescape(te + 1, (size_t)(oe - (te + 1)));
			form_add(f, name, u ? u : "");
			free(u);
		} else if (strncmp(t, "<select", 7) == 0) {
			if (attr(t, te, "name", name, sizeof name) != 1 ||
			    (se = strstr(te, "</select>")) == NULL)
				continue;
			first = NULL;
			sel = 0;
			for (o = te; (o = strstr(o, "<option")) != NULL && o < se; o++) {
				oe = strchr(o, '>');
				if (first == NULL)
					first = o;
				if (attr(o, oe, "selected", val, sizeof val) != 0) {
					attr(o, oe, "value", val, sizeof val);
					form_add(f, name, val);
					sel = 1;
					break;
				}
			}
			if (!sel && first != NULL) {
				attr(first, strchr(first, '>'), "value", val, sizeof val);
				form_add(f, name, val);
			}
		}
	}
	return 0;
}

static char *
form_encode(const struct form *f)
{
	struct buf	 b = { 0 };
	char		*k, *v, *out;
	int		 i;

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

static const char *
form_csrf(const char *html, const char *action, char *out, size_t outlen)
{
	char		 needle[300];
	const char	*p, *e;

	snprintf(needle, sizeof needle, "action=\"%s\"", action);
	out[0] = '\0';
	if ((p = strstr(html, needle)) == NULL ||
	    (p = strstr(p, "name=\"csrf\" value=\"")) == NULL)
		return out;
	p += 19;
	if ((e = strchr(p, '"')) != NULL)
		snprintf(out, outlen, "%.*s", (int)(e - p), p);
	return out;
}

static const char *
between(const char *html, const char *open, const char *close, char *out, size_t outlen)
{
	const char	*p = strstr(html, open), *e;

	out[0] = '\0';
	if (p == NULL)
		return out;
	p += strlen(open);
	if ((e = strstr(p, close)) != NULL)
		snprintf(out, outlen, "%.*s", (int)(e - p), p);
	return out;
}

/* ------------------------------------------------------------------------------------
 * Login.
 */

/* Runs argv (NULL-terminated) with stdout and stderr into out.  Returns the status. */
static int
run_capture(char *const argv[], char *out, size_t outlen)
{
	int	 fd[2], st;
	size_t	 got = 0;
	ssize_t	 n;
	pid_t	 pid;

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

/* The value of cookie name in the jar of c, or "". */
static const char *
jar_value(CURL *c, const char *name, char *out, size_t outlen)
{
	struct curl_slist	*l = NULL, *it;
	const char		*v;

	out[0] = '\0';
	if (curl_easy_getinfo(c, CURLINFO_COOKIELIST, &l) != CURLE_OK)
		return out;
	for (it = l; it != NULL; it = it->next) {
		/* domain, tailmatch, path, secure, expires, name, value */
		const char *p = it->data;
		int i;
		for (i = 0; i < 5 && p != NULL; i++)
			if ((p = strchr(p, '\t')) != NULL)
				p++;
		if (p == NULL || strncmp(p, name, strlen(name)) != 0 || p[strlen(name)] != '\t')
			continue;
		v = p + strlen(name) + 1;
		snprintf(out, outlen, "%s", v);
	}
	curl_slist_free_all(l);
	return out;
}

static int
cmd_login(const char *db, const char *adminbin, const char *login)
{
	char		 out[4096], pfx[160], pw[128], csrf[128], secret[64], code[7], tok[200];
	char		*b, *argv[] = { (char *)adminbin, (char *)"--db", (char *)db,
	    (char *)"user", (char *)"add", (char *)login, (char *)"Reliability test",
	    (char *)"focal", NULL };
	const char	*p;
	struct res	 r;
	struct form	 f = { 0 };
	CURL		*c = curl_easy_init();
	int		 rc;

	rc = run_capture(argv, out, sizeof out);
	snprintf(pfx, sizeof pfx, "password for %s: ", login);
	if (rc != 0 || (p = strstr(out, pfx)) == NULL) {
		fprintf(stderr, "staffbot: aberta-admin user add exited %d: %s\n", rc, out);
		return 1;
	}
	p += strlen(pfx);
	snprintf(pw, sizeof pw, "%.*s", (int)strcspn(p, "\r\n "), p);
	curl_easy_setopt(c, CURLOPT_COOKIEFILE, "");
	http(c, "GET", "/admin/login", NULL, &r);
	form_csrf(r.body.p, "/admin/login", csrf, sizeof csrf);
	res_free(&r);
	form_add(&f, "csrf", csrf);
	form_add(&f, "login", login);
	form_add(&f, "password", pw);
	b = form_encode(&f);
	form_free(&f);
	http(c, "POST", "/admin/login", b, &r);
	free(b);
	if (r.status != 303) {
		fprintf(stderr, "staffbot: login answered %d\n", r.status);
		return 1;
	}
	res_free(&r);
	http(c, "GET", "/admin/2fa/enrol", NULL, &r);
	between(r.body.p, "<code class=\"secret\">", "</code>", secret, sizeof secret);
	form_csrf(r.body.p, "/admin/2fa/enrol", csrf, sizeof csrf);
	res_free(&r);
	if (secret[0] == '\0' || totp_code(secret, time(NULL), code) != 0) {
		fprintf(stderr, "staffbot: no TOTP secret on the enrolment page\n");
		return 1;
	}
	form_add(&f, "csrf", csrf);
	form_add(&f, "code", code);
	b = form_encode(&f);
	form_free(&f);
	http(c, "POST", "/admin/2fa/enrol", b, &r);
	free(b);
	if (r.status != 200) {
		fprintf(stderr, "staffbot: enrolment answered %d\n", r.status);
		return 1;
	}
	res_free(&r);
	http(c, "GET", "/admin/", NULL, &r);
	if (r.status != 200) {
		fprintf(stderr, "staffbot: the dashboard answered %d\n", r.status);
		return 1;
	}
	res_free(&r);
	jar_value(c, "aberta", tok, sizeof tok);
	curl_easy_cleanup(c);
	if (tok[0] == '\0')
		return 1;
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
	struct res	 g;
	struct form	 f;
	curl_mime	*m;
	curl_mimepart	*part;
	char		*b, url[4096];
	long		 code = 0;
	int		 i, gst;
	CURLcode	 rc;

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
	CURL		*c = curl_easy_init();
	struct res	 r;
	const char	*bf = getenv("REL_BODY");
	char		 loc[1024] = "-";
	FILE		*f;
	int		 rc;

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
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
cmd_saveloop(const char *path, const char *field, const char *tag, double secs,
    const char *outpath)
{
	CURL		*c = curl_easy_init();
	FILE		*out = fopen(outpath, "a");
	struct res	 r;
	double		 end = now_s() + secs;
	char		 value[128];
	long		 n = 0;
	int		 rc;

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
			usleep(50 * 1000);	/* the site is restarting: do not spin */
	}
	fclose(out);
	curl_easy_cleanup(c);
	return 0;
}

int
main(int argc, char *argv[])
{
	int	 rc = 2;

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
		    "       staffbot saveloop BASE COOKIE PATH FIELD TAG SECONDS OUT\n", stderr);
	curl_global_cleanup();
	return rc;
}
