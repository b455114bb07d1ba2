/* cache: the generation-based page cache (see cache.h and the README). */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "lib/buf.h"
#include "http/cache.h"
#include "store/state.h"

const char *
cache_root(void)
{
	const char *r = getenv("ABERTA_CACHE");

	if (r == NULL || *r == '\0')
		return "var/www";
	return strcmp(r, "off") == 0 ? NULL : r;
}

/* The generation current points at, or -1 when there is none. */
static long long
current_gen(const char *root)
{
	char      p[PATH_MAX], t[64], *e;
	ssize_t   n;
	long long v;

	snprintf(p, sizeof p, "%s/current", root);
	if ((n = readlink(p, t, sizeof t - 1)) <= 4)
		return -1;
	t[n] = '\0';
	if (strncmp(t, "gen-", 4) != 0)
		return -1;
	errno = 0;
	v = strtoll(t + 4, &e, 10);
	return *e != '\0' || errno != 0 || v < 0 ? -1 : v;
}

long long
cache_current(void)
{
	const char *root = cache_root();

	return root == NULL ? -1 : current_gen(root);
}

/* The stamp (seconds) of generation gen: the modification time its files get, so that
 * nginx's validators (mtime and size) never match across generations. */
static long long
read_stamp(const char *root, long long gen)
{
	char      p[PATH_MAX], b[32];
	FILE     *f;
	long long v = -1;

	snprintf(p, sizeof p, "%s/gen-%lld/.stamp", root, gen);
	if ((f = fopen(p, "r")) == NULL)
		return -1;
	if (fgets(b, sizeof b, f) != NULL)
		v = strtoll(b, NULL, 10);
	fclose(f);
	return v;
}

static int
rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

/* Removes every gen-<digits> directory of root below keep that has not changed for
 * PRUNE_GRACE seconds (best effort): nginx may have just chosen a file in an older
 * generation, and removing it under that request would turn it into a 404. */
#define PRUNE_GRACE 30
static void
prune(const char *root, long long keep)
{
	DIR           *d;
	struct dirent *e;
	char           p[PATH_MAX], *end;
	long long      v;
	struct stat    sb;

	if ((d = opendir(root)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "gen-", 4) != 0 || e->d_name[4] < '0' || e->d_name[4] > '9')
			continue;
		v = strtoll(e->d_name + 4, &end, 10);
		if (*end != '\0' || v >= keep)
			continue;
		snprintf(p, sizeof p, "%s/%s", root, e->d_name);
		if (stat(p, &sb) != 0 || time(NULL) - sb.st_mtime < PRUNE_GRACE)
			continue;
		nftw(p, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	}
	closedir(d);
}

/* Takes the lock of root (<root>/.lock, exclusive); returns its descriptor, or -1. */
static int
lock_root(const char *root)
{
	char p[PATH_MAX];
	int  lk;

	snprintf(p, sizeof p, "%s/.lock", root);
	if ((lk = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
		return -1;
	if (flock(lk, LOCK_EX) != 0) {
		close(lk);
		return -1;
	}
	return lk;
}

void
cache_switch(struct sqlite3 *rw)
{
	(void)cache_invalidate(rw);
}

int
cache_invalidate(struct sqlite3 *rw)
{
	const char *root = cache_root();
	char        p[PATH_MAX], tmp[PATH_MAX], name[40];
	long long   ver, again, cur, stamp, prev;
	FILE       *f;
	int         lk, rc = -1;

	if (root == NULL)
		return 0;
	if ((ver = store_content_version(rw)) < 0)
		goto gone;
	if (mkdir(root, 0755) != 0 && errno != EEXIST)
		return -1;
	chmod(root, 0755);
	/* One switch at a time: the version is read and compared under the lock, so that
	 * the link only ever moves forward. */
	if ((lk = lock_root(root)) < 0)
		goto gone;
	/* Re-read under the lock: a later commit may already have been published. */
	if ((again = store_content_version(rw)) >= 0)
		ver = again;
	cur = current_gen(root);
	if (cur >= ver) {
		rc = 0;
		goto out;
	}
	snprintf(p, sizeof p, "%s/gen-%lld", root, ver);
	if (mkdir(p, 0755) != 0 && errno != EEXIST)
		goto out;
	chmod(p, 0755);
	stamp = (long long)time(NULL);
	if (cur >= 0 && (prev = read_stamp(root, cur)) >= stamp)
		stamp = prev + 1;
	snprintf(tmp, sizeof tmp, "%s/gen-%lld/.stamp", root, ver);
	if ((f = fopen(tmp, "w")) == NULL)
		goto out;
	fprintf(f, "%lld\n", stamp);
	if (fclose(f) != 0)
		goto out;
	snprintf(name, sizeof name, "gen-%lld", ver);
	snprintf(tmp, sizeof tmp, "%s/.current-%d", root, (int)getpid());
	unlink(tmp);
	snprintf(p, sizeof p, "%s/current", root);
	if (symlink(name, tmp) != 0)
		goto out;
	if (rename(tmp, p) != 0) {
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	if (rc != 0) {
		snprintf(p, sizeof p, "%s/current", root);
		unlink(p);
	}
	flock(lk, LOCK_UN);
	close(lk);
	if (rc == 0)
		prune(root, ver);
	return rc;
gone:
	snprintf(p, sizeof p, "%s/current", root);
	unlink(p);
	return -1;
}

int
cache_start(struct sqlite3 *rw, const char *fingerprint)
{
	const char    *root = cache_root();
	char           p[PATH_MAX], tmp[PATH_MAX], old[512] = "";
	DIR           *d;
	struct dirent *e;
	FILE          *f;
	int            lk;
	size_t         n;

	if (root == NULL)
		return 0;
	if (mkdir(root, 0755) != 0 && errno != EEXIST)
		return -1;
	if ((lk = lock_root(root)) < 0)
		return -1;
	snprintf(p, sizeof p, "%s/.build", root);
	if ((f = fopen(p, "r")) != NULL) {
		n = fread(old, 1, sizeof old - 1, f);
		old[n] = '\0';
		fclose(f);
	}
	if (strcmp(old, fingerprint) != 0) {
		/* Another build filled it: nothing of it may be served any more. */
		snprintf(p, sizeof p, "%s/current", root);
		unlink(p);
		if ((d = opendir(root)) != NULL) {
			while ((e = readdir(d)) != NULL)
				if (strncmp(e->d_name, "gen-", 4) == 0) {
					snprintf(p, sizeof p, "%s/%s", root, e->d_name);
					nftw(p, rm_one, 16, FTW_DEPTH | FTW_PHYS);
				}
			closedir(d);
		}
		snprintf(tmp, sizeof tmp, "%s/.build-%d", root, (int)getpid());
		snprintf(p, sizeof p, "%s/.build", root);
		if ((f = fopen(tmp, "w")) != NULL) {
			fputs(fingerprint, f);
			if (fclose(f) != 0 || rename(tmp, p) != 0)
				unlink(tmp);
		}
	}
	flock(lk, LOCK_UN);
	close(lk);
	return cache_invalidate(rw);
}

/* Whether path is a safe address to become a file name: starts with '/', only
 * letters, digits, '-', '_', '.' and '/', no segment that starts with '.'. */
static int
safe_path(const char *path)
{
	const char *q;

	if (path[0] != '/' || strlen(path) > 512)
		return 0;
	for (q = path; *q != '\0'; q++) {
		if (*q == '/') {
			if (q[1] == '.' || (q[1] == '/'))
				return 0;
			continue;
		}
		if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
			(*q >= '0' && *q <= '9') || *q == '-' || *q == '_' || *q == '.'))
			return 0;
	}
	return 1;
}

/* Closes fd, the temporary file tmp in the folder dd, and renames it to name; removes
 * it instead when bad is set or a step fails.  Closes dd.  Returns 0, or -1. */
static int
tmp_done(int dd, int fd, const char *tmp, const char *name, int bad)
{
	if (close(fd) != 0)
		bad = 1;
	if (bad || renameat(dd, tmp, dd, name) != 0) {
		unlinkat(dd, tmp, 0);
		close(dd);
		return -1;
	}
	close(dd);
	return 0;
}

/* Whether the last segment of path ends in '.' and lowercase letters ("x.json"): the
 * addresses nginx's map takes for data files (conf/nginx-dev.conf.in, $aberta_file). */
static int
has_suffix(const char *path)
{
	const char *dot = strrchr(path, '.'), *q;

	if (dot == NULL || dot < strrchr(path, '/') || dot[1] == '\0')
		return 0;
	for (q = dot + 1; *q != '\0'; q++)
		if (*q < 'a' || *q > 'z')
			return 0;
	return 1;
}

int
cache_store(const char *path, int html, long long ver, const char *body, size_t len)
{
	static long long stamp_ver = -1, stamp;
	const char      *root = cache_root(), *base;
	char             rel[600], p[PATH_MAX], tmp[700], *slash;
	struct timespec  ts[2];
	int              gd, fd, dd, nd, bad;

	if (root == NULL || !safe_path(path))
		return 0;
	if (html && has_suffix(path))
		return 0; /* nginx would look for it under its own name (a data file) */
	if (html)
		snprintf(rel, sizeof rel, "%s%s", path + 1,
		    path[strlen(path) - 1] == '/' ? "index.html" : ".html");
	else {
		if (!has_suffix(path))
			return 0; /* a data file keeps its own suffix */
		snprintf(rel, sizeof rel, "%s", path + 1);
	}
	if (current_gen(root) != ver)
		return 0; /* rendered from data older (or newer) than what is published */
	snprintf(p, sizeof p, "%s/gen-%lld", root, ver);
	if ((gd = open(p, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	if (stamp_ver != ver) {
		if ((stamp = read_stamp(root, ver)) < 0) {
			close(gd);
			return -1;
		}
		stamp_ver = ver;
	}
	/* The folders of rel, made inside the generation (never the generation itself:
	 * one removed meanwhile stays removed). */
	dd = dup(gd);
	for (base = rel; (slash = strchr(base, '/')) != NULL; base = slash + 1) {
		*slash = '\0';
		if (mkdirat(dd, base, 0755) != 0 && errno != EEXIST) {
			close(dd);
			close(gd);
			return -1;
		}
		nd = openat(dd, base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(dd);
		if (nd < 0) {
			close(gd);
			return -1;
		}
		fchmod(nd, 0755); /* nginx reads it; the service's umask is 027 */
		dd = nd;
		*slash = '/';
	}
	close(gd);
	snprintf(tmp, sizeof tmp, ".tmp-%d-%s", (int)getpid(), base);
	if ((fd = openat(dd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644)) <
	    0) {
		close(dd);
		return -1;
	}
	fchmod(fd, 0644);
	bad = buf_write_all(fd, body, len) != 0;
	ts[0].tv_sec = ts[1].tv_sec = (time_t)stamp;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	if (futimens(fd, ts) != 0)
		bad = 1;
	return tmp_done(dd, fd, tmp, base, bad) == 0 ? 1 : -1;
}

/* The file name of a memo key: the hex of its 128-bit BLAKE2b hash. */
static void
memo_name(const char *key, char hex[33])
{
	unsigned char h[16];

	crypto_generichash(h, sizeof h, (const unsigned char *)key, strlen(key), NULL, 0);
	sodium_bin2hex(hex, 33, h, sizeof h);
}

/* The worker's own copies of the answers it used last (the file costs four system
 * calls a request): MEMO_SLOTS answers of at most MEMO_MEM_ONE bytes, MEMO_MEM_MAX in
 * all, of one generation; the least recently used goes first. */
#define MEMO_SLOTS   32
#define MEMO_MEM_ONE ((size_t)256 << 10)
#define MEMO_MEM_MAX ((size_t)2 << 20)
static struct {
	char          hex[33];
	char         *p;
	size_t        len;
	unsigned long used;
} mem[MEMO_SLOTS];
static long long     mem_ver = -1;
static size_t        mem_bytes;
static unsigned long mem_tick;

static void
mem_drop(int i)
{
	mem_bytes -= mem[i].len;
	free(mem[i].p);
	mem[i].p = NULL;
	mem[i].len = 0;
	mem[i].hex[0] = '\0';
}

/* The slot of hex at ver, or -1. */
static int
mem_find(long long ver, const char *hex)
{
	int i;

	if (ver != mem_ver)
		return -1;
	for (i = 0; i < MEMO_SLOTS; i++)
		if (mem[i].p != NULL && strcmp(mem[i].hex, hex) == 0) {
			mem[i].used = ++mem_tick;
			return i;
		}
	return -1;
}

/* Keeps a copy of meta + body as hex at ver (best effort). */
static void
mem_keep(
    long long ver, const char *hex, const char *meta, size_t metalen, const char *body, size_t len)
{
	int i, v;

	if (metalen + len > MEMO_MEM_ONE)
		return;
	if (ver != mem_ver) {
		for (i = 0; i < MEMO_SLOTS; i++)
			if (mem[i].p != NULL)
				mem_drop(i);
		mem_ver = ver;
	}
	if (mem_find(ver, hex) >= 0)
		return;
	for (;;) { /* a free slot and room for the bytes, dropping the oldest */
		int oldest = -1;

		for (v = -1, i = 0; i < MEMO_SLOTS; i++)
			if (mem[i].p == NULL) {
				if (v < 0)
					v = i;
			} else if (oldest < 0 || mem[i].used < mem[oldest].used)
				oldest = i;
		if (v >= 0 && mem_bytes + metalen + len <= MEMO_MEM_MAX)
			break;
		if (oldest < 0)
			return;
		mem_drop(oldest);
	}
	if ((mem[v].p = malloc(metalen + len)) == NULL)
		return;
	memcpy(mem[v].p, meta, metalen);
	memcpy(mem[v].p + metalen, body, len);
	mem[v].len = metalen + len;
	memcpy(mem[v].hex, hex, sizeof mem[v].hex);
	mem[v].used = ++mem_tick;
	mem_bytes += mem[v].len;
}

#define MEMO_MAX_FILES 4096
#define MEMO_MAX_BYTES ((size_t)32 << 20)
#define MEMO_MAX_ONE   ((size_t)4 << 20)

int
cache_memo_get(const char *key, long long ver, const char **p, size_t *len)
{
	static struct buf f;
	const char       *root = cache_root();
	char              path[PATH_MAX], hex[33], chunk[16384];
	struct stat       sb;
	ssize_t           n;
	int               fd, i;

	if (root == NULL)
		return 0;
	memo_name(key, hex);
	if ((i = mem_find(ver, hex)) >= 0) {
		*p = mem[i].p;
		*len = mem[i].len;
		return 1;
	}
	snprintf(path, sizeof path, "%s/gen-%lld/.q/%s", root, ver, hex);
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return 0;
	buf_reset(&f);
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (size_t)sb.st_size > MEMO_MAX_ONE + 65536) {
		close(fd);
		return 0;
	}
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		buf_put(&f, chunk, (size_t)n);
	}
	close(fd);
	if (n != 0 || f.oom || f.len != (size_t)sb.st_size)
		return 0;
	mem_keep(ver, hex, f.p, f.len, "", 0);
	*p = f.p;
	*len = f.len;
	return 1;
}

int
cache_memo_put(
    const char *key, long long ver, const char *meta, size_t metalen, const char *body, size_t len)
{
	static long long gen = -1;
	static size_t    files, bytes;
	const char      *root = cache_root();
	char             p[PATH_MAX], hex[33], tmp[64];
	int              dd, fd, bad;

	if (root == NULL || len > MEMO_MAX_ONE)
		return 0;
	if (gen != ver) {
		gen = ver;
		files = bytes = 0;
	}
	if (files >= MEMO_MAX_FILES || bytes + metalen + len > MEMO_MAX_BYTES)
		return 0;
	if (current_gen(root) != ver)
		return 0; /* rendered from data older (or newer) than what is published */
	snprintf(p, sizeof p, "%s/gen-%lld", root, ver);
	if ((fd = open(p, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	if (mkdirat(fd, ".q", 0700) != 0 && errno != EEXIST) {
		close(fd);
		return -1;
	}
	dd = openat(fd, ".q", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	close(fd);
	if (dd < 0)
		return -1;
	memo_name(key, hex);
	snprintf(tmp, sizeof tmp, ".tmp-%d", (int)getpid());
	if ((fd = openat(dd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600)) <
	    0) {
		close(dd);
		return -1;
	}
	bad = buf_write_all(fd, meta, metalen) != 0 || buf_write_all(fd, body, len) != 0;
	if (tmp_done(dd, fd, tmp, hex, bad) != 0)
		return -1;
	files++;
	bytes += metalen + len;
	mem_keep(ver, hex, meta, metalen, body, len);
	return 1;
}
