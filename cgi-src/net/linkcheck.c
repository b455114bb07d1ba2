/* Visiting outside addresses with libcurl's multi interface (see linkcheck.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <curl/curl.h>

#include "net/linkcheck.h"
#include "lib/urlcode.h"

#define HOST_MAX     256 /* longest host name kept for the per-host count */
#define PARALLEL_MAX 64  /* most transfers at once */

/* Stored names of enum lc_failure. */
static const char *const failure_names[LF__MAX] = {
	"",          /* LF_NONE */
	"http",      /* LF_HTTP */
	"timeout",   /* LF_TIMEOUT */
	"refused",   /* LF_REFUSED */
	"dns",       /* LF_DNS */
	"tls",       /* LF_TLS */
	"redirects", /* LF_REDIRECTS */
	"scheme",    /* LF_SCHEME */
	"network",   /* LF_NETWORK */
	"other",     /* LF_OTHER */
};

/* One transfer in flight. */
struct xfer {
	CURL            *h; /* NULL: the slot is free */
	enum lc_mode     mode;
	size_t           index;         /* of the address in the caller's list */
	int              head;          /* 1 while the HEAD request of a check runs */
	int              stopped;       /* 1 when a check's GET was stopped at its first byte */
	size_t           cap;           /* LC_FETCH: largest body */
	int              allow_private; /* lc_opts.allow_private */
	const char      *blocked;       /* the special range of a connection refused, or NULL */
	char             host[HOST_MAX];
	struct lc_result r;
};

void
lc_opts_default(struct lc_opts *o)
{
	o->parallel = 8;
	o->per_host = 2;
	o->connect_s = 10;
	o->timeout_s = 30;
	o->max_redirs = 5;
	o->max_bytes = 10 * 1024 * 1024;
	o->progress = 0;
	o->user_agent = "aberta/" BUILD_ID " link checker";
	o->allow_private = 0;
}

/*
 * The addresses the checker never connects to (without allow_private), one row a range,
 * as "PREFIX/LENGTH name"; the first row that holds an address decides.  The rows follow
 * the IANA IPv4 Special-Purpose Address Registry and the IANA IPv6 Special-Purpose
 * Address Registry (RFC 6890 and its updates; the entries there as of 2024), every block
 * in them whatever its "Globally Reachable" column says: no document a plan cites is
 * served from an anycast relay, a benchmarking network or a documentation prefix.  Added
 * to them: IPv4 multicast (224/4, the IPv4 Multicast Address Space Registry), the
 * deprecated site-local fec0::/10 (RFC 3879), and every IPv6 address outside 2000::/3,
 * the one block the IANA IPv6 Address Space registry gives to global unicast (the rest
 * is reserved by the IETF, unique-local, link-local or multicast), so that a block the
 * registries add there later is refused too.
 */
static const char *const special4[] = {
	"0.0.0.0/8 \"this network\" (RFC 791)",
	"10.0.0.0/8 private (RFC 1918)",
	"100.64.0.0/10 shared address space (RFC 6598)",
	"127.0.0.0/8 loopback (RFC 1122)",
	"169.254.0.0/16 link-local (RFC 3927)",
	"172.16.0.0/12 private (RFC 1918)",
	"192.0.0.0/24 IETF protocol assignments (RFC 6890)",
	"192.0.2.0/24 documentation, TEST-NET-1 (RFC 5737)",
	"192.31.196.0/24 AS112-v4 (RFC 7535)",
	"192.52.193.0/24 AMT (RFC 7450)",
	"192.88.99.0/24 6to4 relay anycast, deprecated (RFC 7526)",
	"192.168.0.0/16 private (RFC 1918)",
	"192.175.48.0/24 direct delegation AS112 service (RFC 7534)",
	"198.18.0.0/15 benchmarking (RFC 2544)",
	"198.51.100.0/24 documentation, TEST-NET-2 (RFC 5737)",
	"203.0.113.0/24 documentation, TEST-NET-3 (RFC 5737)",
	"224.0.0.0/4 multicast (RFC 5771)",
	"255.255.255.255/32 limited broadcast (RFC 919)",
	"240.0.0.0/4 reserved (RFC 1112)",
};

/* What a row of special6 does with an address it holds. */
enum sp_rule {
	SP_REFUSE, /* never visited */
	SP_INNER4, /* judged by the IPv4 address in its last four bytes (special4) */
};

/* An IPv6 range (see special4). */
struct special6 {
	const char  *range;
	enum sp_rule rule;
};

static const struct special6 special6[] = {
	{ "::/128 unspecified (RFC 4291)", SP_REFUSE },
	{ "::1/128 loopback (RFC 4291)", SP_REFUSE },
	{ "::ffff:0:0/96 IPv4-mapped (RFC 4291)", SP_INNER4 },
	{ "::/96 IPv4-compatible, deprecated (RFC 4291)", SP_INNER4 },
	{ "64:ff9b::/96 IPv4-IPv6 translation, NAT64 (RFC 6052)", SP_INNER4 },
	{ "64:ff9b:1::/48 local-use IPv4-IPv6 translation (RFC 8215)", SP_REFUSE },
	{ "100::/64 discard-only (RFC 6666)", SP_REFUSE },
	{ "2001::/32 Teredo (RFC 4380)", SP_REFUSE },
	{ "2001::/23 IETF protocol assignments (RFC 2928)", SP_REFUSE },
	{ "2001:db8::/32 documentation (RFC 3849)", SP_REFUSE },
	{ "2002::/16 6to4 (RFC 3056)", SP_REFUSE },
	{ "2620:4f:8000::/48 direct delegation AS112 service (RFC 7534)", SP_REFUSE },
	{ "3fff::/20 documentation (RFC 9637)", SP_REFUSE },
	{ "5f00::/16 segment routing SIDs (RFC 9602)", SP_REFUSE },
	{ "fc00::/7 unique-local (RFC 4193)", SP_REFUSE },
	{ "fe80::/10 link-local (RFC 4291)", SP_REFUSE },
	{ "fec0::/10 site-local, deprecated (RFC 3879)", SP_REFUSE },
	{ "ff00::/8 multicast (RFC 4291)", SP_REFUSE },
	{ "::/3 outside global unicast 2000::/3 (RFC 4291)", SP_REFUSE },
	{ "4000::/2 outside global unicast 2000::/3 (RFC 4291)", SP_REFUSE },
	{ "8000::/1 outside global unicast 2000::/3 (RFC 4291)", SP_REFUSE },
};

/* 1 when the address a (4 or 16 bytes of family af) is in the range of row ("PREFIX/LEN
 * name").  A row that does not parse holds every address: the filter fails closed. */
static int
in_range(const char *row, int af, const unsigned char *a)
{
	unsigned char net[16];
	char          text[48], *end = NULL;
	size_t        n = strcspn(row, "/");
	long          bits = row[n] == '/' ? strtol(row + n + 1, &end, 10) : -1;
	int           i;

	snprintf(text, sizeof text, "%.*s", (int)n, row);
	if (inet_pton(af, text, net) != 1 || end == row + n + 1 || bits < 0 ||
	    bits > (af == AF_INET ? 32 : 128))
		return 1;
	for (i = 0; i < bits / 8; i++)
		if (a[i] != net[i])
			return 0;
	return bits % 8 == 0 || ((a[i] ^ net[i]) & (0xFF00 >> (bits % 8))) == 0;
}

/* The row of special4 that holds the IPv4 address b[0..3], or NULL. */
static const char *
special_v4(const unsigned char *b)
{
	size_t i;

	for (i = 0; i < sizeof special4 / sizeof special4[0]; i++)
		if (in_range(special4[i], AF_INET, b))
			return special4[i];
	return NULL;
}

const char *
lc_special_range(const struct sockaddr *a, size_t len)
{
	const struct sockaddr_in  *v4 = (const struct sockaddr_in *)(const void *)a;
	const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)(const void *)a;
	const unsigned char       *b;
	size_t                     i;

	if (a->sa_family == AF_INET && len >= sizeof *v4)
		return special_v4((const unsigned char *)&v4->sin_addr);
	if (a->sa_family != AF_INET6 || len < sizeof *v6)
		return "not an internet address";
	b = v6->sin6_addr.s6_addr;
	for (i = 0; i < sizeof special6 / sizeof special6[0]; i++)
		if (in_range(special6[i].range, AF_INET6, b))
			return special6[i].rule == SP_REFUSE ? special6[i].range
							     : special_v4(b + 12);
	return NULL;
}

int
lc_no_proxy(CURL *h)
{
	return curl_easy_setopt(h, CURLOPT_PROXY, "") == CURLE_OK &&
		curl_easy_setopt(h, CURLOPT_NOPROXY, "*") == CURLE_OK
	    ? 0
	    : -1;
}

/* libcurl's socket opener: refuses a connection to a private address unless allowed. */
static curl_socket_t
open_socket(void *arg, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct xfer *x = arg;

	if (purpose == CURLSOCKTYPE_IPCXN && !x->allow_private &&
	    (x->blocked = lc_special_range(&a->addr, a->addrlen)) != NULL)
		return CURL_SOCKET_BAD;
	return socket(a->family, a->socktype, a->protocol);
}

int
lc_get_fallback(CURLcode rc, long status)
{
	switch (rc) {
	case CURLE_OK:
		return status == 400 || status == 403 || status == 404 || status == 405 ||
		    status == 406 || status == 500 || status == 501;
	case CURLE_GOT_NOTHING:
	case CURLE_RECV_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_WEIRD_SERVER_REPLY:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return 1;
	default:
		return 0;
	}
}

enum lc_failure
lc_failure_of(CURLcode rc, long status)
{
	switch (rc) {
	case CURLE_OK:
		return status >= 200 && status <= 299 ? LF_NONE : LF_HTTP;
	case CURLE_OPERATION_TIMEDOUT:
		return LF_TIMEOUT;
	case CURLE_COULDNT_CONNECT:
		return LF_REFUSED;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return LF_DNS;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_USE_SSL_FAILED:
		return LF_TLS;
	case CURLE_TOO_MANY_REDIRECTS:
		return LF_REDIRECTS;
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
		return LF_SCHEME;
	case CURLE_GOT_NOTHING:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_WEIRD_SERVER_REPLY:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return LF_NETWORK;
	default:
		return LF_OTHER;
	}
}

const char *
lc_failure_name(enum lc_failure f)
{
	return f < LF__MAX ? failure_names[f] : "other";
}

const char *
lc_result_name(const struct lc_result *r)
{
	if (r->failure != LF_NONE)
		return "broken";
	return r->final_url != NULL ? "redirect" : "ok";
}

void
lc_url_name(const char *url, char *out, size_t outlen)
{
	const char *p = strstr(url, "://"), *end, *seg;

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (p == NULL || (p = strchr(p + 3, '/')) == NULL)
		return;
	end = p + strcspn(p, "?#");
	for (seg = p; p < end; p++)
		if (*p == '/')
			seg = p + 1;
	/* Not decodable (a stray '%', a NUL, too long): the segment as it is, cut to fit. */
	if (url_decode(out, outlen, seg, (size_t)(end - seg), 0) < 0)
		snprintf(out, outlen, "%.*s", (int)(end - seg), seg);
}

/* libcurl's body callback: a check stops at the first byte (the status is known); a
 * fetch keeps the bytes up to its cap and aborts the transfer beyond it. */
static size_t
on_body(char *p, size_t sz, size_t n, void *arg)
{
	struct xfer *x = arg;
	size_t       len = sz * n;

	if (x->mode == LC_CHECK) {
		x->stopped = 1;
		return 0;
	}
	if (len > x->cap - x->r.body.len) {
		x->r.too_large = 1;
		return 0;
	}
	buf_put(&x->r.body, p, len);
	return x->r.body.oom ? 0 : len;
}

/* Copies the host of url into host (lower case).  Returns 0, or -1 when url is not an
 * http or https address libcurl can parse (r's failure and error are then set). */
static int
url_host(const char *url, char *host, size_t hostlen, struct lc_result *r)
{
	CURLU *u = curl_url();
	char  *scheme = NULL, *h = NULL;
	int    rc = -1;

	if (u == NULL || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &h, 0) != CURLUE_OK)
		snprintf(r->error, sizeof r->error, "not a valid address");
	else if (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0)
		snprintf(r->error, sizeof r->error,
		    "only http and https addresses are "
		    "visited");
	else {
		snprintf(host, hostlen, "%s", h);
		for (; *host != '\0'; host++)
			if (*host >= 'A' && *host <= 'Z')
				*host = (char)(*host + 32);
		rc = 0;
	}
	if (rc != 0)
		r->failure = LF_SCHEME;
	curl_free(scheme);
	curl_free(h);
	curl_url_cleanup(u);
	return rc;
}

/* Sets the options of a new transfer of x->r.url.  Returns 0, or -1. */
static int
xfer_setup(struct xfer *x, const struct lc_opts *o)
{
	CURL *h = x->h;

	return curl_easy_setopt(h, CURLOPT_URL, x->r.url) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_MAXREDIRS, o->max_redirs) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, o->connect_s) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_TIMEOUT, o->timeout_s) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_USERAGENT, o->user_agent) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_WRITEDATA, x) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_PRIVATE, x) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, open_socket) != CURLE_OK ||
		curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, x) != CURLE_OK || lc_no_proxy(h) != 0 ||
		curl_easy_setopt(h, CURLOPT_NOBODY, x->head ? 1L : 0L) != CURLE_OK ||
		(x->mode == LC_FETCH &&
		    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)x->cap) != CURLE_OK)
	    ? -1
	    : 0;
}

/* Fills x->r from the ended transfer (rc). */
static void
xfer_result(struct xfer *x, CURLcode rc)
{
	struct lc_result *r = &x->r;
	const char       *eff = NULL, *ct = NULL;
	long              nredir = 0;

	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_getinfo(x->h, CURLINFO_REDIRECT_COUNT, &nredir);
	if (rc == CURLE_FILESIZE_EXCEEDED)
		r->too_large = 1;
	if (nredir > 0 && curl_easy_getinfo(x->h, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK &&
	    eff != NULL && strcmp(eff, r->url) != 0)
		r->final_url = strdup(eff);
	if (x->mode == LC_FETCH &&
	    curl_easy_getinfo(x->h, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct != NULL)
		snprintf(r->ctype, sizeof r->ctype, "%s", ct);
	if (r->too_large) {
		r->failure = LF_OTHER;
		snprintf(r->error, sizeof r->error, "larger than the limit of %zu bytes", x->cap);
		return;
	}
	if (x->blocked != NULL && rc != CURLE_OK) {
		r->failure = LF_SCHEME;
		snprintf(r->error, sizeof r->error, "a special-purpose address, not visited: %s",
		    x->blocked);
		return;
	}
	r->failure = lc_failure_of(rc, r->status);
	/* libcurl's fixed message, not its error buffer: that one carries timings, and a
	 * second check of an unchanged address must store the same text. */
	if (rc != CURLE_OK)
		snprintf(r->error, sizeof r->error, "%s", curl_easy_strerror(rc));
	else if (r->failure != LF_NONE)
		snprintf(r->error, sizeof r->error, "HTTP %ld%s", r->status,
		    r->status >= 300 && r->status <= 399 ? " without a usable Location" : "");
}

/* The transfers in flight to host among xs[0..n). */
static int
host_count(const struct xfer *xs, int n, const char *host)
{
	int i, k = 0;

	for (i = 0; i < n; i++)
		if (xs[i].h != NULL && strcmp(xs[i].host, host) == 0)
			k++;
	return k;
}

/* A run's state. */
struct run {
	enum lc_mode          mode;
	const char *const    *urls;
	size_t                n;
	char                 *started; /* started[i]: 1 once urls[i] was taken */
	size_t                first;   /* no url before it is left to start */
	size_t                done, broken;
	const struct lc_opts *o;
	lc_done_fn            cb;
	void                 *arg;
	CURLM                *m;
	struct xfer           xs[PARALLEL_MAX];
};

/* Hands x's result to the callback and frees it and its slot. */
static void
xfer_end(struct run *u, struct xfer *x)
{
	if (x->h != NULL) {
		curl_multi_remove_handle(u->m, x->h);
		curl_easy_cleanup(x->h);
		x->h = NULL;
	}
	if (x->r.failure != LF_NONE)
		u->broken++;
	u->done++;
	u->cb(&x->r, x->index, u->arg);
	free(x->r.final_url);
	buf_free(&x->r.body);
	memset(&x->r, 0, sizeof x->r);
	x->host[0] = '\0';
	if (u->o->progress) {
		fprintf(stderr, "\r%zu of %zu addresses done, %zu with a problem ", u->done, u->n,
		    u->broken);
		fflush(stderr);
	}
}

/* Starts the transfer of urls[i] in the free slot x.  Returns 0, or -1 when libcurl
 * failed (x then holds a result to hand over). */
static int
xfer_start(struct run *u, struct xfer *x, size_t i, const char *host)
{
	memset(x, 0, sizeof *x);
	x->mode = u->mode;
	x->index = i;
	x->head = u->mode == LC_CHECK;
	x->cap = u->o->max_bytes;
	x->allow_private = u->o->allow_private;
	x->r.url = u->urls[i];
	snprintf(x->host, sizeof x->host, "%s", host);
	if ((x->h = curl_easy_init()) == NULL || xfer_setup(x, u->o) != 0 ||
	    curl_multi_add_handle(u->m, x->h) != CURLM_OK) {
		if (x->h != NULL)
			curl_easy_cleanup(x->h);
		x->h = NULL;
		x->r.failure = LF_OTHER;
		snprintf(x->r.error, sizeof x->r.error, "libcurl could not start the transfer");
		return -1;
	}
	return 0;
}

/* Starts transfers while slots are free, taking the first address whose host has room.
 * Addresses that cannot be visited at all end at once. */
static void
fill(struct run *u)
{
	char   host[HOST_MAX];
	size_t i;
	int    s, busy;

	for (i = u->first; i < u->n; i++) {
		for (s = 0, busy = 0; s < u->o->parallel; s++)
			busy += u->xs[s].h != NULL;
		if (busy >= u->o->parallel)
			return;
		if (u->started[i])
			continue;
		for (s = 0; u->xs[s].h != NULL; s++)
			;
		memset(&u->xs[s], 0, sizeof u->xs[s]);
		u->xs[s].r.url = u->urls[i];
		if (url_host(u->urls[i], host, sizeof host, &u->xs[s].r) != 0) {
			u->started[i] = 1;
			u->xs[s].index = i;
			xfer_end(u, &u->xs[s]);
			continue;
		}
		if (host_count(u->xs, u->o->parallel, host) >= u->o->per_host)
			continue;
		u->started[i] = 1;
		if (xfer_start(u, &u->xs[s], i, host) != 0)
			xfer_end(u, &u->xs[s]);
	}
	while (u->first < u->n && u->started[u->first])
		u->first++;
}

/* Handles the end of the transfer x (rc): a check's HEAD may go again as GET. */
static void
finished(struct run *u, struct xfer *x, CURLcode rc)
{
	long status = 0;

	if (x->stopped && rc == CURLE_WRITE_ERROR)
		rc = CURLE_OK; /* a check's GET, stopped at its first byte on purpose */
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &status);
	if (x->head && lc_get_fallback(rc, status)) {
		x->head = 0;
		curl_multi_remove_handle(u->m, x->h);
		if (curl_easy_setopt(x->h, CURLOPT_NOBODY, 0L) == CURLE_OK &&
		    curl_easy_setopt(x->h, CURLOPT_HTTPGET, 1L) == CURLE_OK &&
		    curl_multi_add_handle(u->m, x->h) == CURLM_OK)
			return;
	}
	xfer_result(x, rc);
	xfer_end(u, x);
}

int
lc_run(enum lc_mode mode, const char *const *urls, size_t n, const struct lc_opts *o,
    lc_done_fn done, void *arg)
{
	struct run    *u;
	struct lc_opts oo = *o;
	CURLMsg       *msg;
	int            running, q, s, rc = -1;

	if (oo.parallel < 1)
		oo.parallel = 1;
	if (oo.parallel > PARALLEL_MAX)
		oo.parallel = PARALLEL_MAX;
	if (oo.per_host < 1)
		oo.per_host = 1;
	if ((u = calloc(1, sizeof *u)) == NULL || (u->started = calloc(n + 1, 1)) == NULL ||
	    (u->m = curl_multi_init()) == NULL)
		goto out;
	u->mode = mode;
	u->urls = urls;
	u->n = n;
	u->o = &oo;
	u->cb = done;
	u->arg = arg;
	curl_multi_setopt(u->m, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)oo.parallel);
	curl_multi_setopt(u->m, CURLMOPT_MAX_HOST_CONNECTIONS, (long)oo.per_host);
	for (;;) {
		fill(u);
		if (u->done == u->n)
			break;
		if (curl_multi_perform(u->m, &running) != CURLM_OK)
			break;
		while ((msg = curl_multi_info_read(u->m, &q)) != NULL) {
			char *x = NULL;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &x);
			if (x != NULL)
				finished(u, (struct xfer *)(void *)x, msg->data.result);
		}
		if (u->done < u->n && curl_multi_poll(u->m, NULL, 0, 200, NULL) != CURLM_OK)
			break;
	}
	if (u->done == u->n)
		rc = 0;
	if (oo.progress)
		fputc('\n', stderr);
out:
	if (u != NULL) {
		for (s = 0; s < PARALLEL_MAX; s++)
			if (u->xs[s].h != NULL) {
				curl_multi_remove_handle(u->m, u->xs[s].h);
				curl_easy_cleanup(u->xs[s].h);
				free(u->xs[s].r.final_url);
				buf_free(&u->xs[s].r.body);
			}
		if (u->m != NULL)
			curl_multi_cleanup(u->m);
		free(u->started);
	}
	free(u);
	return rc;
}
