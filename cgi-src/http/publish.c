/* publish: the page cache's side of a public request (see publish.h and cache.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/cache.h"
#include "http/format.h"
#include "http/publish.h"
#include "http/req.h"
#include "http/resp.h"
#include "lib/log.h"
#include "store/state.h"

#ifndef BUILD_ID
#define BUILD_ID PACKAGE_VERSION
#endif

/* The content version a worker last read with its time of change (HTTP date, "" when
 * not recorded): what the memo's fast path needs to answer without SQLite. */
static long long known_ver = -1;
static char      known_lm[64];

/* The content types an answer from the memo may have (the stored one must be one). */
static const char *const memo_types[] = { "text/html; charset=utf-8",
	"application/json; charset=utf-8", "text/csv; charset=utf-8; header=present",
	"application/atom+xml; charset=utf-8", "text/calendar; charset=utf-8" };

#define MEMO_TYPES (sizeof memo_types / sizeof memo_types[0])

void
pub_start(struct pub *p)
{
	p->version = 0;
	p->publish = 1;
	p->in_txn = 0;
	p->memo_key[0] = '\0';
	p->memo_head = 0;
}

/* Formats an ISO time "YYYY-MM-DDTHH:MM:SSZ" as an HTTP date; returns 0 or -1. */
static int
http_date(const char *iso, char *out, size_t outlen)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	if (iso == NULL || strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm) == NULL)
		return -1;
	return strftime(out, outlen, "%a, %d %b %Y %H:%M:%S GMT", &tm) > 0 ? 0 : -1;
}

/* Sets the validators of a public page at content version ver, last changed lm ("" when
 * not recorded); returns 1 when the client's copy is current (answer 304), else 0.
 * clock: the page also depends on the time (CACHE_CLOCK): the ETag carries the hour,
 * and no Last-Modified. */
static int
set_validators(struct ctx *c, long long ver, const char *lm, int clock)
{
	char        etag[96], hour[16] = "";
	struct tm   tm;
	const char *inm = c->req->if_none_match, *ims = c->req->if_modified_since;
	int         have_lm = !clock && *lm != '\0';

	if (clock) {
		gmtime_r(&c->now, &tm);
		strftime(hour, sizeof hour, "-%Y%m%d%H", &tm);
	}
	snprintf(etag, sizeof etag, "\"%lld-%s%s%s\"", ver, BUILD_ID, hour,
	    c->fmt == FMT_JSON       ? "-json"
		: c->fmt == FMT_CSV  ? "-csv"
		: c->fmt == FMT_XLSX ? "-xlsx"
				     : "");
	resp_header(c->resp, "ETag", etag);
	if (have_lm)
		resp_header(c->resp, "Last-Modified", lm);
	resp_header(c->resp, "Cache-Control", "no-cache");
	if (inm != NULL)
		return strstr(inm, etag) != NULL || strcmp(inm, "*") == 0;
	return ims != NULL && have_lm && strcmp(ims, lm) == 0;
}

/* Reads the content version into p->version and sets the validators (above); returns
 * what set_validators returns, or -1 when the database cannot be read. */
static int
validators(struct ctx *c, struct pub *p, int clock)
{
	char iso[64];

	if (store_state(&p->version, iso, sizeof iso) != 0)
		return -1;
	if (p->version != known_ver) {
		if (http_date(iso, known_lm, sizeof known_lm) != 0)
			known_lm[0] = '\0';
		known_ver = p->version;
	}
	return set_validators(c, p->version, known_lm, clock);
}

/* Sets p->memo_key for c: the date, the language, the format, the address and its raw
 * query, everything the answer depends on besides the content ("" when it does not fit:
 * no memo then). */
static void
memo_key_set(const struct ctx *c, struct pub *p)
{
	int n;

	n = snprintf(p->memo_key, sizeof p->memo_key, "%s|%s|%d|%s?%s", c->today, c->lang,
	    (int)c->fmt, c->req->path, c->req->query);
	if (n < 0 || (size_t)n >= sizeof p->memo_key)
		p->memo_key[0] = '\0';
}

/* The memo's answer to p->memo_key at content version ver: 1 when the memo holds it,
 * with *f pointing at it (*flen bytes):
 * "<content type>\n<length of the header lines>\n<header lines><body>". */
static int
memo_lookup(const struct pub *p, long long ver, const char **f, size_t *flen)
{
	return p->memo_key[0] != '\0' && cache_memo_get(p->memo_key, ver, f, flen) == 1;
}

/* Answers c from the memo's answer f (see memo_lookup; its body is sent from where it
 * is, not copied); returns 1, or 0 when f is not one (c->resp unchanged). */
static int
memo_serve(struct ctx *c, struct pub *p, const char *f, size_t flen)
{
	const char *sp, *nl, *body;
	size_t      i, hl;

	if ((nl = memchr(f, '\n', flen)) == NULL ||
	    (sp = memchr(nl + 1, '\n', flen - (size_t)(nl + 1 - f))) == NULL)
		return 0;
	hl = strtoul(nl + 1, NULL, 10);
	if (hl > flen - (size_t)(sp + 1 - f))
		return 0;
	for (i = 0; i < MEMO_TYPES; i++)
		if (strlen(memo_types[i]) == (size_t)(nl - f) &&
		    memcmp(memo_types[i], f, (size_t)(nl - f)) == 0)
			break;
	if (i == MEMO_TYPES)
		return 0;
	c->resp->ctype = memo_types[i];
	buf_put(&c->resp->head, sp + 1, hl);
	body = sp + 1 + hl;
	c->resp->ext = body;
	c->resp->extlen = flen - (size_t)(body - f);
	resp_header(c->resp, "X-Aberta-Cache", "memo");
	c->resp->status = 200;
	p->publish = 0;
	return 1;
}

/* The memo's fast path, before any SQLite: when the generation nginx serves (current)
 * is the content version this worker last read, the memo holds the answer for it, and
 * that version is what a read transaction would see (every committed write switches
 * current before it returns, as for the page cache).  Returns 1 when c is answered
 * (200 from the memo, or 304); else 0, with *tried the version it looked at (-1 when
 * none), which the read transaction need not look at again. */
static int
memo_fast(struct ctx *c, struct pub *p, long long *tried)
{
	const char *f;
	size_t      flen, h0 = c->resp->head.len;
	long long   v;

	if (known_ver < 0 || (v = cache_current()) != known_ver)
		return 0;
	*tried = v;
	if (!memo_lookup(p, v, &f, &flen))
		return 0;
	p->version = v;
	if (set_validators(c, v, known_lm, 0) == 1) {
		c->resp->status = 304;
		p->publish = 0;
		return 1;
	}
	if (memo_serve(c, p, f, flen))
		return 1;
	c->resp->head.len = h0; /* take the validators back: the slow path */
	c->resp->head.p[h0] = '\0';
	return 0;
}

enum pub_read
pub_read(struct ctx *c, struct pub *p, int clock)
{
	long long   tried = -1; /* the version the memo's fast path looked at */
	const char *f;
	size_t      flen;
	int         st;

	if (clock)
		p->publish = 0;
	/* A GET of a plain public address is read in one transaction, so that the version
	 * it is published under is the version of its data. */
	if (p->publish && c->req->method == METHOD_GET && *c->req->query != '\0') {
		memo_key_set(c, p);
		if (memo_fast(c, p, &tried))
			return PUB_DONE;
	}
	if (p->publish && c->req->method == METHOD_GET && store_read_begin() == 0)
		p->in_txn = 1;
	else
		p->publish = 0;
	if ((st = validators(c, p, clock)) < 0)
		return PUB_BUSY;
	if (st == 1) {
		c->resp->status = 304;
		return PUB_DONE;
	}
	if (p->publish && *c->req->query != '\0') {
		p->memo_head = c->resp->head.len;
		if (p->version != tried && memo_lookup(p, p->version, &f, &flen) &&
		    memo_serve(c, p, f, flen))
			return PUB_DONE;
	}
	return PUB_GO;
}

/* Keeps a rendered answer to an address with a query in the memo (see memo_lookup). */
static void
memo_store(const struct ctx *c, const struct pub *p)
{
	static struct buf  m;
	const struct resp *r = c->resp;
	char               meta[160];
	size_t             i, hl;
	int                n;

	for (i = 0; i < MEMO_TYPES; i++)
		if (strcmp(r->ctype, memo_types[i]) == 0)
			break;
	if (p->memo_key[0] == '\0' || i == MEMO_TYPES || r->head.len < p->memo_head ||
	    r->body.oom || r->head.oom)
		return;
	hl = r->head.len - p->memo_head;
	n = snprintf(meta, sizeof meta, "%s\n%zu\n", memo_types[i], hl);
	if (n < 0 || (size_t)n >= sizeof meta)
		return;
	/* The header lines the handler added follow the meta line. */
	buf_reset(&m);
	buf_put(&m, meta, (size_t)n);
	buf_put(&m, r->head.p + p->memo_head, hl);
	if (m.oom ||
	    cache_memo_put(p->memo_key, p->version, m.p, m.len, r->body.p, r->body.len) < 0)
		log_error("page cache: cannot keep the answer to %s?%s (generation %lld)",
		    c->req->path, c->req->query, p->version);
}

/* Publishes the public answer in c->resp into the page cache when its type is one nginx
 * serves from there (HTML, JSON, CSV, Atom, iCalendar, XML, robots.txt). */
static void
publish(const struct ctx *c, const struct pub *p)
{
	static const char *const types[] = { "text/html;", "application/json;", "text/csv;",
		"application/atom+xml;", "text/calendar;", "application/xml;", "text/plain;",
		"application/ld+json;" };
	char                     path[REQ_PATH_MAX + 8];
	size_t                   i;

	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strncmp(c->resp->ctype, types[i], strlen(types[i])) == 0)
			break;
	if (i == sizeof types / sizeof types[0] ||
	    (i == 6 && strcmp(c->req->path, "/robots.txt") != 0))
		return;
	snprintf(path, sizeof path, "%s%s", c->req->path, fmt_suffix(c->fmt));
	if (cache_store(path, i == 0, p->version, c->resp->body.p, c->resp->body.len) < 0)
		log_error("page cache: cannot write %s (generation %lld)", path, p->version);
}

void
pub_end(struct ctx *c, struct pub *p)
{
	if (!p->in_txn)
		return;
	store_read_end();
	if (p->publish && c->resp->status == 200) {
		if (*c->req->query == '\0')
			publish(c, p);
		else
			memo_store(c, p);
	}
}
