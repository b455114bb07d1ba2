/* publish: the page cache's side of a public request (cache.h): the validators of the
 * page (ETag, Last-Modified, 304), the read transaction its data is read in, the memo of
 * an address with a query, and the publication of the answer into the cache. */
#ifndef ABERTA_PUBLISH_H
#define ABERTA_PUBLISH_H
#include <stddef.h>

#include "http/req.h"
#include "view/page.h"

/* What the page cache knows of one request, from its start (pub_start) to its end
 * (pub_end). */
struct pub {
	long long version; /* the content version the page was read at */
	int       publish; /* 1: the answer may go into the cache or the memo */
	int       in_txn;  /* 1: read in one read transaction (store_read_begin) */
	char      memo_key[REQ_QUERY_MAX + REQ_PATH_MAX + 64]; /* "" when none */
	size_t    memo_head; /* where the handler's header lines begin */
};

/* What pub_read did. */
enum pub_read {
	PUB_GO,   /* nothing: the handler answers */
	PUB_DONE, /* c answered: 304, or 200 from the memo */
	PUB_BUSY  /* the database cannot be read: the caller answers 503 */
};

/* Starts p for a request: it may be published until something says otherwise. */
void pub_start(struct pub *p);
/* Before the handler of a public page whose route is cached (clock: CACHE_CLOCK, never
 * published, validators by the hour): the memo's fast path, the read transaction of a
 * GET, the validators and the memo.  Returns what it did. */
enum pub_read pub_read(struct ctx *c, struct pub *p, int clock);
/* After the request (its statements reset): ends the read transaction and, when the
 * answer may be published and is a 200, writes it into the cache (an address without a
 * query) or the memo. */
void pub_end(struct ctx *c, struct pub *p);

#endif
