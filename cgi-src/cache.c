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

#include "cache.h"

const char *
cache_root(void)
{
	const char	*r = getenv("ABERTA_CACHE");

	if (r == NULL || *r == '\0')
		return "var/www";
	return strcmp(r, "off") == 0 ? NULL : r;
}

/* The generation current points at, or -1 when there is none. */
static long long
current_gen(const char *root)
{
	char		 p[PATH_MAX], t[64], *e;
	ssize_t		 n;
	long long	 v;

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

/* The stamp (seconds) of generation gen: the modification time its files get, so that
 * nginx's validators (mtime and size) never match across generations. */
static long long
read_stamp(const char *root, long long gen)
{
	char	 p[PATH_MAX], b[32];
	FILE	*f;
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
	(void)st; (void)ftw;
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

/* Removes every gen-<digits> directory of root below keep that has not changed for
 * PRUNE_GRACE seconds (best effort): nginx may have just chosen a file in an older
 * generation, and removing it under that request would turn it into a 404. */
#define PRUNE_GRACE	30
static void
prune(const char *root, long long keep)
{
	DIR		*d;
	struct dirent	*e;
	char		 p[PATH_MAX], *end;
	long long	 v;
	struct stat	 sb;

	if ((d = opendir(root)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "gen-", 4) != 0 || e->d_name[4] < '0' ||
		    e->d_name[4] > '9')
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

int
cache_invalidate(sqlite3 *rw)
{
	const char	*root = cache_root();
	char		 p[PATH_MAX], tmp[PATH_MAX], name[40];
	sqlite3_stmt	*s;
	long long	 ver = -1, cur, stamp, prev;
	FILE		*f;
	int		 lk, rc = -1;

	if (root == NULL)
		return 0;
	if (sqlite3_prepare_v2(rw, "SELECT content_version FROM site_state WHERE id = 1", -1,
	    &s, NULL) != SQLITE_OK)
		goto gone;
	if (sqlite3_step(s) == SQLITE_ROW)
		ver = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (ver < 0)
		goto gone;
	if (mkdir(root, 0755) != 0 && errno != EEXIST)
		return -1;
	chmod(root, 0755);
	/* One switch at a time: the version is read and compared under the lock, so that
	 * the link only ever moves forward. */
	snprintf(p, sizeof p, "%s/.lock", root);
	if ((lk = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
		goto gone;
	if (flock(lk, LOCK_EX) != 0) {
		close(lk);
		goto gone;
	}
	/* Re-read under the lock: a later commit may already have been published. */
	if (sqlite3_prepare_v2(rw, "SELECT content_version FROM site_state WHERE id = 1", -1,
	    &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		ver = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
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
cache_start(sqlite3 *rw, const char *fingerprint)
{
	const char	*root = cache_root();
	char		 p[PATH_MAX], tmp[PATH_MAX], old[512] = "";
	DIR		*d;
	struct dirent	*e;
	FILE		*f;
	int		 lk;
	size_t		 n;

	if (root == NULL)
		return 0;
	if (mkdir(root, 0755) != 0 && errno != EEXIST)
		return -1;
	snprintf(p, sizeof p, "%s/.lock", root);
	if ((lk = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
		return -1;
	if (flock(lk, LOCK_EX) != 0) {
		close(lk);
		return -1;
	}
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
	const char	*q;

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

int
cache_store(const char *path, int html, long long ver, const char *body, size_t len)
{
	static long long	 stamp_ver = -1, stamp;
	const char		*root = cache_root(), *base;
	char			 rel[600], p[PATH_MAX], tmp[700], *slash;
	struct timespec		 ts[2];
	size_t			 off;
	ssize_t			 w;
	int			 gd, fd, dd, nd, bad;

	if (root == NULL || !safe_path(path))
		return 0;
	if (html)
		snprintf(rel, sizeof rel, "%s%s", path + 1,
		    path[strlen(path) - 1] == '/' ? "index.html" : ".html");
	else {
		if (strrchr(path, '.') == NULL || strrchr(path, '.') < strrchr(path, '/'))
			return 0;	/* a data file keeps its own suffix */
		snprintf(rel, sizeof rel, "%s", path + 1);
	}
	if (current_gen(root) != ver)
		return 0;	/* rendered from data older (or newer) than what is published */
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
		fchmod(nd, 0755);	/* nginx reads it; the service's umask is 027 */
		dd = nd;
		*slash = '/';
	}
	close(gd);
	snprintf(tmp, sizeof tmp, ".tmp-%d-%s", (int)getpid(), base);
	if ((fd = openat(dd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
	    0644)) < 0) {
		close(dd);
		return -1;
	}
	fchmod(fd, 0644);
	for (off = 0; off < len; off += (size_t)w)
		if ((w = write(fd, body + off, len - off)) <= 0)
			break;
	ts[0].tv_sec = ts[1].tv_sec = (time_t)stamp;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	bad = off < len || futimens(fd, ts) != 0;
	if (close(fd) != 0)
		bad = 1;
	if (bad || renameat(dd, tmp, dd, base) != 0) {
		unlinkat(dd, tmp, 0);
		close(dd);
		return -1;
	}
	close(dd);
	return 1;
}
