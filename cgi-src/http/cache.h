/* cache: publish-on-write as a lazy, generation-based page cache.
 *
 * The cache root (ABERTA_CACHE, default var/www) holds one directory per content
 * version, gen-<N>, and a symlink current -> gen-<N> that nginx serves from
 * (try_files, falling back to the program).  A worker that renders a public page at
 * content version N writes it into gen-<N> only while current points there; every
 * committed write calls cache_invalidate(), which makes gen-<new version> current
 * (atomically) and removes the older generations.  See README, "The page cache". */
#ifndef ABERTA_CACHE_H
#define ABERTA_CACHE_H
#include <stddef.h>

struct sqlite3;

/* cache_invalidate for the store's commit hook (store_on_commit): every committed write
 * switches the cache; a failure is reported by cache_invalidate itself. */
void cache_switch(struct sqlite3 *rw);
/* The cache root: ABERTA_CACHE, or "var/www".  ABERTA_CACHE=off disables the cache
 * (cache_root() returns NULL). */
const char *cache_root(void);

/* After a COMMIT that may have changed content: reads the content version through rw
 * and, if current does not point at gen-<that version>, creates it and switches
 * current to it, then removes older generations (best effort).  Idempotent and cheap
 * when nothing changed.  On failure removes current (every request then goes to the
 * program) and returns -1; else 0. */
int cache_invalidate(struct sqlite3 *rw);

/* At a worker's start: when the cache was filled by another build (fingerprint: a
 * text that changes with the program and its templates; stored in <root>/.build),
 * removes current and every generation, so that no page rendered by the old code or
 * templates is served, then calls cache_invalidate.  Workers of the same build that
 * start later (or are restarted after a crash) find the same fingerprint and keep the
 * cache.  Returns cache_invalidate's result, or -1. */
int cache_start(struct sqlite3 *rw, const char *fingerprint);

/* Writes body as the file of the public address path (without query) rendered at
 * content version ver, with the suffix of its format already in path ("/pt/plans/2",
 * "/pt/plans/2.json", "/pt/feed.atom").  html says whether the body is an HTML page
 * (".html" is added; "/" ends become "index.html").  Does nothing unless current
 * points at gen-<ver>.  Returns 1 when written, 0 when skipped, -1 on error. */
int cache_store(const char *path, int html, long long ver, const char *body, size_t len);

/* The memo: answers to public addresses with a query (a search, a filtered listing),
 * which nginx cannot look up by file name.  A worker that rendered one at content
 * version ver keeps it as <root>/gen-<ver>/.q/<hash of key>, so it goes with its
 * generation when the content changes; the next request for the same key at the same
 * version is answered from it instead of being rendered again.  The file is meta (the
 * caller's own header) followed by body.  Each worker stores at most 4,096 answers and
 * 32 MB per generation, and none over 4 MB; it also keeps the ones it used last in
 * memory (2 MB at most).
 * cache_memo_get: points *p at the whole file (*len bytes; valid until the next call
 * of cache_memo_*); 1 when found, else 0.
 * cache_memo_put: writes it (only while current points at gen-<ver>, like cache_store);
 * 1 written, 0 skipped, -1 on error. */
/* The content version of the generation current points at, or -1 (no cache, none). */
long long cache_current(void);
int       cache_memo_get(const char *key, long long ver, const char **p, size_t *len);
int       cache_memo_put(
	  const char *key, long long ver, const char *meta, size_t metalen, const char *body, size_t len);

#endif
