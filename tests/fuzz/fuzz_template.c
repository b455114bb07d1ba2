/* fuzz_template: the project's templates (ABERTA_TEMPLATES, else TEMPLATES_DIR set by
 * run.sh) loaded once with tpl_init, then, per input, one page rendered the way the
 * dispatcher does it: a layout (layout.tpl, admin_layout.tpl or none) with a page
 * template as its BODY, and the includes the handlers set (PROGRESS, WHEN, HOW, FIELD:
 * NAME -> name.tpl or admin_name.tpl); a template whose AUTOESCAPE context is not HTML
 * (feeds, sitemap, badge) is rendered alone.  Every variable of every template gets a value
 * cut from the input (tpl_set, tpl_set_n with any bytes), every section is shown 0-2
 * times.  Aborts when tpl_render fails, or when the output holds markup that can only
 * come from a value: a tag no template writes (<script, <iframe, <img, <object, <embed,
 * <svg outside the templates that draw one, ...) or, in HTML output, a href/src/action
 * starting with javascript:, vbscript: or data:. */
#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/buf.h"
#include "view/tpl.h"

#ifndef TEMPLATES_DIR
#define TEMPLATES_DIR "templates"
#endif
#define MAXFILES 64
#define MAXTOKS  2048
#define NAMELEN  64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

enum kind { T_VAR, T_OPEN, T_CLOSE, T_INC };

struct tok {
	enum kind kind;
	char      name[NAMELEN];
};

struct file {
	char        name[NAMELEN];
	int         html; /* AUTOESCAPE context="HTML" (not XML, JSON...) */
	char       *text;
	struct tok *toks;
	size_t      ntoks;
};

static struct file files[MAXFILES];
static size_t      nfiles;

/* Tags that no template writes (checked at start) and so may never be in the output. */
static const char *const tags[] = { "<script", "<iframe", "<img", "<object", "<embed", "<svg",
	"<math", "<style", "<link", "<meta", "<base", "<form", "<input", "<a ", NULL };
static int               tag_in_file[sizeof tags / sizeof tags[0]][MAXFILES];

/* The input, handed out as values (split at 0xff) and control bytes. */
struct src {
	const uint8_t *p;
	size_t         len;
	size_t         vpos; /* next value starts here */
	size_t         cpos; /* next control byte */
};

static const char *
memcasemem(const char *h, size_t hl, const char *n)
{
	size_t nl = strlen(n), i;

	for (i = 0; i + nl <= hl; i++)
		if (strncasecmp(h + i, n, nl) == 0)
			return h + i;
	return NULL;
}

static void
die(const char *fmt, const char *arg)
{
	fprintf(stderr, "fuzz_template: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	abort();
}

/* Splits a template into its markers. */
static void
tokenize(struct file *f)
{
	const char *p = f->text, *e;
	struct tok *t;
	size_t      n;

	f->toks = calloc(MAXTOKS, sizeof *f->toks);
	if (f->toks == NULL)
		die("%s", "out of memory");
	while ((p = strstr(p, "{{")) != NULL) {
		if ((e = strstr(p, "}}")) == NULL)
			break;
		p += 2;
		if (f->ntoks == MAXTOKS)
			die("too many markers in %s", f->name);
		t = &f->toks[f->ntoks];
		switch (*p) {
		case '#':
			t->kind = T_OPEN;
			p++;
			break;
		case '/':
			t->kind = T_CLOSE;
			p++;
			break;
		case '>':
			t->kind = T_INC;
			p++;
			break;
		case '!':
		case '%':
		case '=':
			p = e + 2;
			continue;
		default:
			t->kind = T_VAR;
			break;
		}
		for (n = 0; p < e && *p != ':' && n + 1 < NAMELEN; p++)
			t->name[n++] = *p;
		t->name[n] = '\0';
		if (n > 0 && strncmp(t->name, "BI_", 3) != 0)
			f->ntoks++;
		p = e + 2;
	}
}

static struct file *
find_file(const char *name)
{
	size_t i;

	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i].name, name) == 0)
			return &files[i];
	return NULL;
}

/* The files filled in as includes during the current render (which may then have
 * contributed markup to the output). */
static int inc_used[MAXFILES];

/* The file an include NAME is filled with: the one the pages use for that name (the
 * table), else name.tpl, else admin_name.tpl. */
static struct file *
include_file(const char *name)
{
	static const char *const alias[][2] = { { "FORM", "submit_form.tpl" },
		{ "SUBS", "subs.tpl" }, { "LINKSTATE", "linkstate.tpl" },
		{ "URL_STATE", "linkstate.tpl" }, { "DOC_STATE", "linkstate.tpl" },
		{ "SITE_STATE", "linkstate.tpl" } };
	char                     low[NAMELEN], fn[NAMELEN + 16];
	size_t                   i;
	struct file             *f;

	for (i = 0; i < sizeof alias / sizeof alias[0]; i++)
		if (strcmp(name, alias[i][0]) == 0 && (f = find_file(alias[i][1])) != NULL)
			return f;

	for (i = 0; name[i] != '\0' && i + 1 < sizeof low; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	low[i] = '\0';
	snprintf(fn, sizeof fn, "%s.tpl", low);
	if ((f = find_file(fn)) != NULL)
		return f;
	snprintf(fn, sizeof fn, "admin_%s.tpl", low);
	return find_file(fn);
}

static unsigned
ctl(struct src *s)
{
	if (s->len == 0)
		return 0;
	return s->p[s->cpos++ % s->len];
}

/* Sets key in d to the next value of the input (wrapping around). */
static void
set_value(struct src *s, tpl_dict *d, const char *key)
{
	const uint8_t *v, *e;
	size_t         n;
	char           tmp[4096];

	if (s->len == 0) {
		tpl_set(d, key, "");
		return;
	}
	if (s->vpos >= s->len)
		s->vpos = 0;
	v = s->p + s->vpos;
	e = memchr(v, 0xff, s->len - s->vpos);
	n = e ? (size_t)(e - v) : s->len - s->vpos;
	s->vpos += n + 1;
	if (n < sizeof tmp && (n & 1)) {
		memcpy(tmp, v, n); /* tpl_set: stops at a NUL, as C strings do */
		tmp[n] = '\0';
		tpl_set(d, key, tmp);
	} else
		tpl_set_n(d, key, (const char *)v, n);
}

static void fill_file(struct src *, tpl_dict *, const struct file *, int);

/* Fills d from the markers of f starting at *i, up to the close of the current section. */
static void
fill_seq(struct src *s, tpl_dict *d, const struct file *f, size_t *i, int depth)
{
	const struct tok *t;
	size_t            start, k, end, lvl;
	unsigned          reps, r;
	struct file      *inc;

	while (*i < f->ntoks) {
		t = &f->toks[(*i)++];
		switch (t->kind) {
		case T_VAR:
			set_value(s, d, t->name);
			break;
		case T_CLOSE:
			return;
		case T_INC:
			if ((inc = include_file(t->name)) != NULL && depth < 4) {
				inc_used[inc - files] = 1;
				fill_file(s, tpl_include(d, t->name, inc->name), inc, depth + 1);
			}
			break;
		case T_OPEN:
			start = *i;
			/* the end of this section: its matching close */
			for (end = start, lvl = 1; end < f->ntoks; end++) {
				if (f->toks[end].kind == T_OPEN)
					lvl++;
				else if (f->toks[end].kind == T_CLOSE && --lvl == 0)
					break;
			}
			k = strlen(t->name);
			if (k > 10 && strcmp(t->name + k - 10, "_separator") == 0) {
				fill_seq(s, d, f, i, depth); /* ctemplate shows it itself */
				break;
			}
			reps = ctl(s) % 4;
			if (reps == 3) { /* shown with the enclosing values */
				tpl_show(d, t->name);
				fill_seq(s, d, f, i, depth);
			}
			for (r = 0; r < reps && reps < 3; r++) {
				*i = start;
				fill_seq(s, tpl_section(d, t->name), f, i, depth);
			}
			*i = end < f->ntoks ? end + 1 : end;
			break;
		}
	}
}

static void
fill_file(struct src *s, tpl_dict *d, const struct file *f, int depth)
{
	size_t i = 0;

	while (i < f->ntoks)
		fill_seq(s, d, f, &i, depth);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char    *dir = getenv("ABERTA_TEMPLATES");
	char           err[512], path[1024];
	DIR           *dp;
	struct dirent *de;
	FILE          *fp;
	long           len;
	size_t         i, t;

	(void)argc, (void)argv;
	if (dir == NULL || *dir == '\0')
		dir = TEMPLATES_DIR;
	if (tpl_init(dir, err, sizeof err) != 0)
		die("tpl_init: %s", err);
	if ((dp = opendir(dir)) == NULL)
		die("cannot open %s", dir);
	while ((de = readdir(dp)) != NULL && nfiles < MAXFILES) {
		size_t n = strlen(de->d_name);
		if (n < 5 || n >= NAMELEN || strcmp(de->d_name + n - 4, ".tpl") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if ((fp = fopen(path, "rb")) == NULL || fseek(fp, 0, SEEK_END) != 0 ||
		    (len = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0)
			die("cannot read %s", path);
		snprintf(files[nfiles].name, NAMELEN, "%s", de->d_name);
		if ((files[nfiles].text = calloc(1, (size_t)len + 1)) == NULL ||
		    fread(files[nfiles].text, 1, (size_t)len, fp) != (size_t)len)
			die("cannot read %s", path);
		fclose(fp);
		files[nfiles].html =
		    strncmp(files[nfiles].text, "{{%AUTOESCAPE context=\"HTML\"", 29) == 0;
		tokenize(&files[nfiles]);
		for (t = 0; tags[t] != NULL; t++)
			tag_in_file[t][nfiles] =
			    memcasemem(files[nfiles].text, (size_t)len, tags[t]) != NULL;
		nfiles++;
	}
	closedir(dp);
	if (nfiles == 0)
		die("no templates in %s", dir);
	/* Sorted, so that a control byte picks the same file on every machine. */
	for (i = 1; i < nfiles; i++)
		for (t = i; t > 0 && strcmp(files[t - 1].name, files[t].name) > 0; t--) {
			struct file tmp = files[t];
			int         k;
			files[t] = files[t - 1];
			files[t - 1] = tmp;
			for (k = 0; tags[k] != NULL; k++) {
				int x = tag_in_file[k][t];
				tag_in_file[k][t] = tag_in_file[k][t - 1];
				tag_in_file[k][t - 1] = x;
			}
		}
	return 0;
}

/* Prints the markup around at, for the report. */
static void
show(const struct buf *out, const char *at, const char *what)
{
	const char *from = at - out->p > 200 ? at - 200 : out->p;
	size_t      n = (size_t)(out->p + out->len - from);

	fprintf(stderr, "fuzz_template: rendering %s; the output around the problem:\n%.*s\n", what,
	    (int)(n > 400 ? 400 : n), from);
}

/* Aborts when out holds a URL attribute that starts with a script scheme. */
static void
check_urls(const struct buf *out, const char *what)
{
	static const char *const attrs[] = { "href=\"", "src=\"", "action=\"", "formaction=\"",
		NULL };
	static const char *const bad[] = { "javascript:", "vbscript:", "data:", NULL };
	const char              *p, *v;
	size_t                   a, b;

	for (a = 0; attrs[a] != NULL; a++)
		for (p = out->p;
		     (p = memcasemem(p, out->len - (size_t)(p - out->p), attrs[a])) != NULL; p++) {
			for (v = p + strlen(attrs[a]);
			     *v == ' ' || *v == '\t' || *v == '\n' || *v == '\r'; v++)
				;
			for (b = 0; bad[b] != NULL; b++)
				if (strncasecmp(v, bad[b], strlen(bad[b])) == 0) {
					show(out, p, what);
					die("a %s URL in the output", bad[b]);
				}
		}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const layouts[] = { "layout.tpl", "admin_layout.tpl", NULL };
	struct src               s = { data, size, 1, 0 };
	struct buf               out = { 0 };
	const struct file       *layout, *page;
	tpl_dict                *d;
	unsigned                 c0 = size > 0 ? data[0] : 0;
	size_t                   t, i;
	int                      used[MAXFILES] = { 0 };
	char                     what[2 * NAMELEN + 16];
	const char              *at;

	s.cpos = 0;
	page = &files[(c0 >> 2) % nfiles];
	/* As the handlers do: an HTML page inside a layout (or alone), anything else
	 * (XML feeds, sitemap, SVG badge) alone. */
	layout = (c0 & 3) < 2 && page->html ? find_file(layouts[c0 & 3]) : NULL;
	if ((d = tpl_dict_new()) == NULL)
		return 0;
	s.cpos = 1;
	memset(inc_used, 0, sizeof inc_used);
	set_value(&s, d, "LANG"); /* as dispatch.c's tpl_set_tglobal */
	if (layout != NULL) {
		fill_file(&s, d, layout, 0);
		fill_file(&s, tpl_include(d, "BODY", page->name), page, 1);
	} else
		fill_file(&s, d, page, 0);
	snprintf(what, sizeof what, "%s%s%s", layout != NULL ? layout->name : "",
	    layout != NULL ? " with BODY " : "", page->name);
	if (tpl_render(layout != NULL ? layout->name : page->name, d, &out) != 0)
		die("tpl_render failed on %s", page->name);
	tpl_dict_free(d);
	/* Which files may have contributed markup: the layout, the page, the includes. */
	for (i = 0; i < nfiles; i++)
		used[i] = &files[i] == layout || &files[i] == page || inc_used[i];
	if (out.p != NULL) {
		for (t = 0; tags[t] != NULL; t++) {
			int allowed = 0;
			for (i = 0; i < nfiles; i++)
				allowed |= used[i] && tag_in_file[t][i];
			if (!allowed && (at = memcasemem(out.p, out.len, tags[t])) != NULL) {
				show(&out, at, what);
				die("the output holds %s, which no template writes", tags[t]);
			}
		}
		/* In an XML context ctemplate only escapes; it does not vet URL schemes,
		 * so the check is for HTML output. */
		if (page->html)
			check_urls(&out, what);
	}
	buf_free(&out);
	return 0;
}
