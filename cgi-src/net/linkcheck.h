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
 * beyond it.
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
			 * allow_private) one on a loopback, private or link-local network */
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
	int         allow_private; /* 1: also connect to loopback, private and link-local
					 * addresses (tests, intranets); 0: such a connection,
					 * also one a redirect or a host name leads to, is
					 * refused before it is made */
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
/* 1 when the socket address a (len bytes) is one the checker does not visit without
 * allow_private: IPv4 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16,
 * 224/3 and above; IPv6 ::, ::1, fc00::/7, fe80::/10, ff00::/8, and an IPv4-mapped
 * address of those.  0 for the rest. */
int lc_private_addr(const struct sockaddr *a, size_t len);
/* The last path segment of url, percent-decoded, without query or fragment, into out
 * (size outlen, cut to fit); "" when there is none. */
void lc_url_name(const char *url, char *out, size_t outlen);

#endif
