/* Uploaded documents, served by digest: to everyone while a live record cites them
 * (store/uploadaccess.h), with 410 Gone once withdrawn; to the staff at
 * /admin/uploads/<sha>/file, drafts' files included.  Either answer runs in a sandbox
 * of its own (Content-Security-Policy), never as a page of the site. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http/req.h"
#include "http/resp.h"
#include "store/db.h"
#include "lib/log.h"
#include "pages/pages.h"
#include "view/page.h"
#include "store/upload.h"
#include "store/uploadaccess.h"
#include "view/i18n.h"

/* Writes the Content-Disposition value for name into out (size outlen): an ASCII
 * fallback (letters, digits, ". _-()", anything else as '_') in filename= and the
 * UTF-8 name percent-encoded (RFC 8187 attr-char kept) in filename*=. */
static void
disposition(const char *kind, const char *name, char *out, size_t outlen)
{
	static const char    hex[] = "0123456789ABCDEF";
	char                 ascii[UPLOAD_NAME_MAX + 1], pct[UPLOAD_NAME_MAX * 3 + 1];
	const unsigned char *p;
	size_t               a = 0, q = 0;

	for (p = (const unsigned char *)name; *p != '\0' && a < UPLOAD_NAME_MAX; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(". _-()", *p) != NULL)
			ascii[a++] = (char)*p;
		else if ((*p & 0xc0) != 0x80) /* one '_' per character */
			ascii[a++] = '_';
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("!#$&+-.^_`|~", *p) != NULL)
			pct[q++] = (char)*p;
		else {
			pct[q++] = '%';
			pct[q++] = hex[*p >> 4];
			pct[q++] = hex[*p & 15];
		}
	}
	ascii[a] = pct[q] = '\0';
	snprintf(out, outlen, "%s; filename=\"%s\"; filename*=UTF-8''%s", kind, ascii, pct);
}

/* Reads the regular file path (at most UPLOAD_MAX bytes) into b.  Returns 0, or -1 with
 * errno set (ENOENT: no such file). */
static int
read_file(const char *path, struct buf *b)
{
	char        chunk[65536];
	struct stat st;
	ssize_t     n;
	int         fd, ret = -1;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > UPLOAD_MAX) {
		errno = EINVAL;
		goto out;
	}
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || b->len + (size_t)n > UPLOAD_MAX)
			goto out;
		buf_put(b, chunk, (size_t)n);
	}
	ret = b->oom ? -1 : 0;
out:
	close(fd);
	return ret;
}

/* The Content-Security-Policy of a document: no script, no form, no fetch, its own
 * origin. */
#define UPLOAD_CSP "sandbox; default-src 'none'"
/* How long a public document may be kept without asking again: a withdrawal reaches
 * every browser and proxy within this time (then 410), while a reader's reloads cost a
 * 304 answer against the digest. */
#define UPLOAD_CACHE "public, max-age=300"

/* Answers c with the stored file of document sha (type t, display name name, size
 * bytes).  Returns 200, or 404 when the file is missing, 500 when it cannot be read. */
static int
serve(struct ctx *c, const char *sha, const struct upload_type *t, const char *name, long long size)
{
	char path[PATH_MAX], cd[UPLOAD_NAME_MAX * 4 + 64];
	int  n, missing;

	n = snprintf(path, sizeof path, "%s/%s", upload_dir(), sha);
	errno = 0;
	if (n < 0 || (size_t)n >= sizeof path || read_file(path, &c->resp->body) != 0 ||
	    (long long)c->resp->body.len != size) {
		missing = errno == ENOENT;
		log_error("upload %s: %s", sha,
		    missing ? "recorded but its file is missing"
			    : "its file cannot be read or has the wrong size");
		buf_reset(&c->resp->body);
		if (missing)
			return 404;
		c->error = "ERR_INTERNAL";
		return 500;
	}
	c->resp->ctype = t->mime; /* static, from the allow-list */
	disposition(t->inline_ok ? "inline" : "attachment", name, cd, sizeof cd);
	resp_header(c->resp, "Content-Disposition", cd);
	return 200;
}

/* The page of a withdrawn document u, in the visitor's language: 410 Gone. */
static int
gone(struct ctx *c, const struct upload_row *u)
{
	tpl_dict *b = page_body(c, "error.tpl");
	char      day[64], msg[256];

	i18n_date(u->withdrawn_on, c->en, day, sizeof day);
	snprintf(msg, sizeof msg, "%s %s.", i18n("UPLOAD_WITHDRAWN", c->en), day);
	tpl_set(b, "HEADING", i18n("H_410", c->en));
	tpl_set(b, "MESSAGE", msg);
	page_title(c, "%s (410)", i18n("H_410", c->en));
	resp_header(c->resp, "Cache-Control", "no-store");
	return 410;
}

int
page_upload_get(struct ctx *c)
{
	const struct upload_type *t;
	const char               *sha = c->arg[0], *inm = c->req->if_none_match;
	struct upload_row         u;
	char                      etag[67];
	int                       rc;

	c->error = "ERR_NOT_FOUND";
	if (!upload_valid_sha(sha))
		return 404;
	/* The public read-only connection, the one every public statement runs on. */
	if ((rc = upload_public(sha, &u)) < 0) {
		db_failed_set();
		return 500;
	}
	/* Not cited (a draft's file, a deleted record's): as if it did not exist. */
	if (rc == UPS_MISSING || (t = upload_type(u.mime)) == NULL)
		return 404;
	if (rc == UPS_WITHDRAWN)
		return gone(c, &u);
	snprintf(etag, sizeof etag, "\"%s\"", sha);
	resp_header(c->resp, "ETag", etag);
	resp_header(c->resp, "Cache-Control", UPLOAD_CACHE);
	c->resp->csp = UPLOAD_CSP;
	if (inm != NULL && (strstr(inm, etag) != NULL || strcmp(inm, "*") == 0))
		return 304;
	return serve(c, sha, t, u.name, u.size);
}

int
page_upload_staff(struct ctx *c)
{
	const struct upload_type *t;
	const char               *sha = c->arg[0];
	char                      mime[UPLOAD_MIME_MAX], name[UPLOAD_NAME_MAX + 1];
	long long                 size;
	int                       rc;

	/* Who may see it, before anything of it is read. */
	if ((rc = upload_staff_may(sha, c->me)) <= 0) {
		c->error = "ERR_FORBIDDEN";
		return rc < 0 ? (db_failed_set(), 503) : 403;
	}
	c->error = "ERR_NOT_FOUND";
	if ((rc = upload_find(c->rw, sha, mime, sizeof mime, name, sizeof name, &size)) < 0)
		return db_failed_set(), 503;
	if (rc == 0 || (t = upload_type(mime)) == NULL)
		return 404;
	c->resp->csp = UPLOAD_CSP;
	return serve(c, sha, t, name, size);
}
