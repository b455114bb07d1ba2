/*
 * linkcheck: visiting the outside addresses the site shows, with libcurl's multi
 * interface (aberta-admin links check and links archive).
 *
 * Many transfers run at once, with at most lc_opts.parallel in all and lc_opts.per_host
 * per host; each has a connect and a total timeout.  Only http and https are spoken,
 * also after a redirect; TLS certificates and host names are verified; redirects are
 * followed up to max_redirs (a loop ends there, as a failure).  A check asks with HEAD
 * and asks again with GET when the HEAD answer is one that servers commonly give to HEAD
 * alone (lc_get_fallback); a GET made by a check stops at the first byte of the body.
 * A fetch asks with GET and keeps the body up to max_bytes, aborting the transfer
 * beyond it.  No proxy is ever used, whatever the environment says (lc_no_proxy): every
 * connection is made, and judged, by the checker itself.
 */
#ifndef ABERTA_LINKCHECK_H
#define ABERTA_LINKCHECK_H
#include <stddef.h>

#include <sys/socket.h>

#include <curl/curl.h>

#include "lib/buf.h"

/* Why an address counts as broken (stored in link_check.failure by lc_failure_name). */
enum lc_failure {
	LF_NONE,      /* not broken: a 2xx answer */
	LF_HTTP,      /* an answer other than 2xx (also a 3xx without a usable Location) */
	LF_TIMEOUT,   /* no connection in time, or no complete answer in time */
	LF_REFUSED,   /* the connection was refused */
	LF_DNS,       /* the host name does not resolve */
	LF_TLS,       /* the TLS handshake or the certificate check failed */
	LF_REDIRECTS, /* more redirects than allowed: a loop, or a very long chain */
	LF_SCHEME,    /* not an http or https address, not an address at all, or (without
			 * allow_private) one in a special-purpose range (lc_special_range) */
	LF_NETWORK,   /* the connection broke, or the answer was not HTTP */
	LF_OTHER,     /* anything else libcurl reports */
	LF__MAX
};

/* What a run does with each address. */
enum lc_mode {
	LC_CHECK, /* HEAD (GET when needed); the body is not read */
	LC_FETCH, /* GET; the body is kept, up to max_bytes */
	LC__MAX
};

struct lc_opts {
	int         parallel;      /* transfers at once, in all (1-64) */
	int         per_host;      /* transfers at once to one host (1-16) */
	long        connect_s;     /* seconds to establish a connection (1-300) */
	long        timeout_s;     /* seconds for a whole transfer, redirects included (1-3600) */
	long        max_redirs;    /* redirects followed (0-50) */
	size_t      max_bytes;     /* LC_FETCH: largest body kept */
	int         progress;      /* 1: a progress line on stderr */
	const char *user_agent;    /* the User-Agent header */
	int         allow_private; /* 1: also connect to loopback, private and other
					 * special-purpose addresses (tests, intranets); 0: such
					 * a connection, also one a redirect or a host name
					 * leads to, is refused before it is made */
};

/* The outcome for one address. */
struct lc_result {
	const char     *url;        /* the address asked for (the caller's string) */
	long            status;     /* the last HTTP status received, 0 when none */
	enum lc_failure failure;    /* LF_NONE when a 2xx answer came */
	char            error[128]; /* the detail of a failure, else "" */
	char           *final_url;  /* where redirects led (malloc'd), NULL without */
	int             too_large;  /* LC_FETCH: the body went over max_bytes */
	char            ctype[128]; /* LC_FETCH: the Content-Type the server sent, or "" */
	struct buf      body;       /* LC_FETCH: the body (the caller may keep it: see
					 * lc_run) */
};

/* Called once per address as its transfer ends; r and everything in it is freed after
 * the call returns, unless the callback takes r->body (it then sets r->body to {0}). */
typedef void (*lc_done_fn)(struct lc_result *r, size_t index, void *arg);

/* The defaults: 8 in all, 2 per host, 10 s to connect, 30 s per transfer, 5 redirects,
 * 10 MB per body, no progress line, the User-Agent "aberta/VERSION link checker". */
void lc_opts_default(struct lc_opts *o);
/* Visits urls[0..n) in mode with o, calling done for each.  Returns 0, or -1 when
 * libcurl cannot start (nothing was visited). */
int lc_run(enum lc_mode mode, const char *const *urls, size_t n, const struct lc_opts *o,
    lc_done_fn done, void *arg);

/* Pure parts, for the unit tests. */
/* 1 when a HEAD request that ended with rc and status should be asked again with GET:
 * servers that do not implement HEAD answer 405 or 501, and many answer 400, 403, 404,
 * 406, 500 or drop the connection where a GET would have worked; 410 (gone) and 429
 * (asked to slow down) are final, and so are timeouts, refusals and name or TLS
 * failures (GET would meet them too). */
int lc_get_fallback(CURLcode rc, long status);
/* The failure that rc and the final status stand for. */
enum lc_failure lc_failure_of(CURLcode rc, long status);
/* Its stored name ("http", "timeout"...); "" for LF_NONE. */
const char *lc_failure_name(enum lc_failure f);
/* "ok", "redirect" or "broken" for a result (link_check.result). */
const char *lc_result_name(const struct lc_result *r);
/* The special-purpose range that holds the socket address a (len bytes), as "PREFIX/LEN
 * name (RFC)", or NULL for an ordinary public address: every block of the IANA IPv4 and
 * IPv6 Special-Purpose Address Registries, IPv4 multicast and reserved space, the
 * deprecated site-local fec0::/10, and any IPv6 address outside global unicast
 * 2000::/3.  An IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96) or NAT64
 * (64:ff9b::/96) address is judged by the IPv4 address in it; the local-use NAT64
 * prefix, Teredo and 6to4 are refused whole.  Not an internet address: "not an internet
 * address". */
const char *lc_special_range(const struct sockaddr *a, size_t len);
/* Tells the handle h to use no proxy, whatever http_proxy, https_proxy, all_proxy and
 * the like say in the environment (CURLOPT_PROXY "" and CURLOPT_NOPROXY "*"): a proxy
 * would make the connections the address filter judges.  Returns 0, or -1. */
int lc_no_proxy(CURL *h);
/* The last path segment of url, percent-decoded, without query or fragment, into out
 * (size outlen, cut to fit); "" when there is none. */
void lc_url_name(const char *url, char *out, size_t outlen);

#endif
