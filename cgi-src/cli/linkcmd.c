/*
 * aberta-admin links: the outside addresses the site shows (net/links.h).
 *
 *   links check [OPTIONS]              visits every outside address the site shows and
 *                                      records what it answers; prints the broken ones
 *   links archive [--refresh] [OPTIONS]
 *                                      keeps a copy of the documents plans and
 *                                      milestone evidence cite (those without one;
 *                                      --refresh: all of them again)
 *
 * OPTIONS: links_help below.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "lib/valid.h"
#include "net/links.h"
#include "store/upload.h"

const char links_help[] =
    "  links check visits every outside address the site shows and records what it\n"
    "  answers; links archive keeps a copy of the documents plans and milestone\n"
    "  evidence cite (PDF, ODT, DOCX, PNG, JPEG, HTML; --refresh fetches those already\n"
    "  kept again).  OPTIONS, with their defaults:\n"
    "    --parallel N             transfers at once, in all (8; 1-64)\n"
    "    --per-host N             transfers at once to one host (2; 1-16)\n"
    "    --connect-timeout SECS   to establish a connection (10; 1-300)\n"
    "    --timeout SECS           for a whole transfer with its redirects (30; 1-3600)\n"
    "    --max-redirects N        redirects followed (5; 0-50)\n"
    "    --max-size BYTES         archive: largest document (10485760, also the most)\n"
    "    --allow-private          also visit loopback, private and link-local network\n"
    "                             addresses (refused by default, redirects included)\n";

/* One numeric option of the links command. */
static const struct {
	const char *name;
	long long   min, max;
} lopts[] = {
	{ "--parallel", 1, 64 },
	{ "--per-host", 1, 16 },
	{ "--connect-timeout", 1, 300 },
	{ "--timeout", 1, 3600 },
	{ "--max-redirects", 0, 50 },
	{ "--max-size", 1, UPLOAD_MAX },
};

/* Reads the options of links check / archive (argv: what follows the subcommand) into
 * o and *refresh.  Returns 0, or 2 after saying why. */
static int
links_opts(int argc, char *argv[], int archive, struct lc_opts *o, int *refresh)
{
	long long v;
	size_t    k;
	int       i;

	for (i = 0; i < argc; i++) {
		if (archive && strcmp(argv[i], "--refresh") == 0) {
			*refresh = 1;
			continue;
		}
		if (strcmp(argv[i], "--allow-private") == 0) {
			o->allow_private = 1;
			continue;
		}
		for (k = 0; k < sizeof lopts / sizeof lopts[0]; k++)
			if (strcmp(argv[i], lopts[k].name) == 0)
				break;
		if (k == sizeof lopts / sizeof lopts[0] || (k == 5 && !archive)) {
			fprintf(stderr, "aberta-admin: unknown option '%s'\n", argv[i]);
			return 2;
		}
		if (i + 1 >= argc || valid_int(argv[i + 1], lopts[k].min, lopts[k].max, &v) != 0) {
			fprintf(stderr, "aberta-admin: %s needs a whole number from %lld to %lld\n",
			    lopts[k].name, lopts[k].min, lopts[k].max);
			return 2;
		}
		i++;
		switch (k) {
		case 0:
			o->parallel = (int)v;
			break;
		case 1:
			o->per_host = (int)v;
			break;
		case 2:
			o->connect_s = (long)v;
			break;
		case 3:
			o->timeout_s = (long)v;
			break;
		case 4:
			o->max_redirs = (long)v;
			break;
		default:
			o->max_bytes = (size_t)v;
			break;
		}
	}
	return 0;
}

/* Reads the words of links (argv: what follows "links") into o, *archive and *refresh.
 * Returns 0, or 2 after saying why. */
static int
links_words(int argc, char *argv[], struct lc_opts *o, int *archive, int *refresh)
{
	if (argc < 1 || (strcmp(argv[0], "check") != 0 && strcmp(argv[0], "archive") != 0)) {
		cli_usage(stderr);
		return 2;
	}
	*archive = strcmp(argv[0], "archive") == 0;
	*refresh = 0;
	lc_opts_default(o);
	return links_opts(argc - 1, argv + 1, *archive, o, refresh);
}

int
links_args(int argc, char *argv[])
{
	struct lc_opts o;
	int            archive, refresh;

	return links_words(argc, argv, &o, &archive, &refresh);
}

int
cmd_links(const char *path, sqlite3 *db, int argc, char *argv[])
{
	struct links_report r;
	struct lc_opts      o;
	char                now[32], ua[256];
	const char         *base = getenv("ABERTA_BASE_URL");
	time_t              t = time(NULL);
	struct tm           tm;
	int                 archive, refresh, rc;

	(void)path;
	if ((rc = links_words(argc, argv, &o, &archive, &refresh)) != 0)
		return rc;
	snprintf(ua, sizeof ua, "aberta/%s link checker (+%s)", BUILD_ID,
	    base != NULL && *base != '\0' ? base : "http://127.0.0.1:8080");
	o.user_agent = ua;
	o.progress = isatty(STDERR_FILENO);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
	if (archive) {
		rc = links_archive(db, &o, upload_dir(), refresh, now, stdout, &r);
		fprintf(stderr,
		    "aberta-admin: %zu document(s): %zu archived, %zu unchanged, "
		    "%zu not archived\n",
		    r.total, r.changed, r.same, r.failed);
	} else {
		rc = links_check(db, &o, now, stdout, &r);
		fprintf(stderr,
		    "aberta-admin: %zu address(es) checked: %zu ok, %zu redirected, "
		    "%zu broken; %zu result(s) changed, %zu no longer used\n",
		    r.total, r.ok, r.redirect, r.broken, r.changed, r.removed);
	}
	return rc == 0 ? 0 : 1;
}
