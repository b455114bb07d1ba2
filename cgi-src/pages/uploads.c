/* Uploaded documents, served by digest to everyone. */
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

int
page_upload_get(struct ctx *c)
{
	const struct upload_type *t;
	const char               *sha = c->arg[0], *inm = c->req->if_none_match;
	char                      mime[UPLOAD_MIME_MAX], name[UPLOAD_NAME_MAX + 1];
	char                      path[PATH_MAX], cd[UPLOAD_NAME_MAX * 4 + 64], etag[67];
	long long                 size;
	int                       rc, n, missing;

	c->error = "ERR_NOT_FOUND";
	if (!upload_valid_sha(sha))
		return 404;
	/* The public read-only connection, the one every public statement runs on. */
	rc = upload_find(db_public_conn(), sha, mime, sizeof mime, name, sizeof name, &size);
	if (rc < 0) {
		db_failed_set();
		return 500;
	}
	if (rc == 0 || (t = upload_type(mime)) == NULL)
		return 404;
	snprintf(etag, sizeof etag, "\"%s\"", sha);
	resp_header(c->resp, "ETag", etag);
	resp_header(c->resp, "Cache-Control", "public, max-age=31536000, immutable");
	if (inm != NULL && (strstr(inm, etag) != NULL || strcmp(inm, "*") == 0))
		return 304;
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
