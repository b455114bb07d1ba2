/* An email alert in words (see alert.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/urlcode.h"
#include "store/follow.h"
#include "store/mail.h"
#include "view/alert.h"
#include "view/changes.h"
#include "view/i18n.h"
#include "view/tpl.h"

#define SUBJECT_NAME_MAX 120 /* bytes of a thing's name in the subject */

struct alert {
	int              en;
	char             token[65];
	struct buf       text;   /* the sections, as plain text */
	struct buf       footer; /* the things followed, as plain text lines */
	tpl_dict        *dict;   /* the HTML part's */
	tpl_dict        *sec;    /* the current section's; NULL until its first change */
	char             name[512], href[512];        /* the current thing's */
	enum follow_freq freq;                        /* the most frequent of the message */
	int              shown, more;                 /* the current section's changes */
	int              items, sections;             /* changes told, sections with one */
	char             first[SUBJECT_NAME_MAX + 4]; /* the first section's name */
	char           **keys;                        /* the changes told: a hash set */
	size_t           nkeys, capkeys;              /* capkeys: 0 or a power of two */
};

/* The labels the template and the text use. */
static const char *const labels[] = { "L_ALERT_HEADING", "L_ALERT_MORE", "L_ALERT_WHY",
	"L_ALERT_MANAGE", "L_ALERT_STOP", "L_ALERT_NO_TRACKING" };

/* The words of frequency f (lib/domains.h). */
static const char *
freq_words(enum follow_freq f, int en)
{
	return i18n_enum("follow_frequency", follow_freq_name(f), en);
}

struct alert *
alert_new(int en, const char *token)
{
	struct alert *a = calloc(1, sizeof *a);
	size_t        i;

	if (a == NULL || (a->dict = tpl_dict_new()) == NULL) {
		free(a);
		return NULL;
	}
	a->en = en;
	a->freq = FOLLOW_WEEKLY;
	snprintf(a->token, sizeof a->token, "%s", token);
	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		tpl_set_tglobal_static(a->dict, labels[i], i18n(labels[i], en));
	tpl_set(a->dict, "LANG", en ? "en" : "pt");
	return a;
}

void
alert_free(struct alert *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->capkeys; i++)
		free(a->keys[i]);
	free(a->keys);
	buf_free(&a->text);
	buf_free(&a->footer);
	tpl_dict_free(a->dict);
	free(a);
}

/* Ends the current section: the count of its changes not listed, with the thing's
 * link. */
static void
section_end(struct alert *a)
{
	if (a->sec != NULL && a->more > 0) {
		buf_printf(
		    &a->text, "\n  %s %d: %s\n", i18n("L_ALERT_MORE", a->en), a->more, a->href);
		tpl_set_int(tpl_section(a->sec, "MORE"), "MORE_N", a->more);
	}
	a->sec = NULL;
	a->shown = a->more = 0;
}

void
follow_thing_name(enum follow_kind kind, const char *key, const char *title, const char *acronym,
    int en, char *out, size_t len)
{
	if (title != NULL && *title == '\0')
		title = NULL;
	if (kind == FOLLOW_SITE)
		snprintf(out, len, "%s", i18n_enum("follow_kind", follow_kind_name(kind), en));
	else if (key == NULL)
		snprintf(out, len, "%s", i18n("L_NOT_RECORDED", en));
	else if (kind == FOLLOW_PLAN)
		snprintf(out, len, "%s %s%s%s", i18n("T_PLAN", en), key, title ? ": " : "",
		    title ? title : "");
	else if (kind == FOLLOW_COMMITMENT)
		snprintf(out, len, "%s%s%s", key, title ? " — " : "", title ? title : "");
	else if (title != NULL && acronym != NULL && strstr(title, acronym) == NULL)
		snprintf(out, len, "%s (%s)", title, acronym);
	else if (title != NULL || acronym != NULL)
		snprintf(out, len, "%s", title ? title : acronym);
	else /* a body without a name recorded: "Entidade ama" */
		snprintf(
		    out, len, "%s %s", i18n_enum("follow_kind", follow_kind_name(kind), en), key);
}

void
follow_thing_path(enum follow_kind kind, const char *key, const char *lang, char *out, size_t len)
{
	static const char *const paths[] = { "", "plans/", "commitments/", "members/" };

	if (kind == FOLLOW_SITE || key == NULL)
		snprintf(out, len, "/%s/", lang);
	else
		snprintf(out, len, "/%s/%s%s", lang, paths[kind], key);
}

int
alert_section(
    struct alert *a, enum follow_kind kind, const char *ref, const char *name, enum follow_freq f)
{
	char      path[256];
	tpl_dict *why;

	section_end(a);
	follow_thing_name(kind, ref, name, NULL, a->en, a->name, sizeof a->name);
	follow_thing_path(kind, ref, a->en ? "en" : "pt", path, sizeof path);
	snprintf(a->href, sizeof a->href, "%s%s", url_site_base(), path);
	if (f < a->freq)
		a->freq = f;
	buf_printf(&a->footer, "  - %s (%s)\n", a->name, freq_words(f, a->en));
	why = tpl_section(a->dict, "WHY");
	tpl_set(why, "WHY_NAME", a->name);
	tpl_set(why, "WHY_FREQ", freq_words(f, a->en));
	return a->footer.oom ? -1 : 0;
}

/* Writes into out the key that tells change ch from every other. */
static void
change_key(const struct change *ch, char *out, size_t len)
{
	snprintf(out, len, "%d|%lld|%s|%s|%d|%s|%lld", (int)ch->kind, ch->rev, ch->at ? ch->at : "",
	    ch->ogp_id ? ch->ogp_id : "", ch->milestone, ch->field ? ch->field : "", ch->id);
}

/* The slot of key in the set keys of cap slots (a power of two): where it is, or the
 * empty one where it goes (FNV-1a, then the next slots in turn). */
static size_t
slot(char *const *keys, size_t cap, const char *key)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	const char        *p;
	size_t             i;

	for (p = key; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	for (i = (size_t)h & (cap - 1); keys[i] != NULL && strcmp(keys[i], key) != 0;
	     i = (i + 1) & (cap - 1))
		;
	return i;
}

/* Remembers key as told, unless it was (a set kept at most half full).  Returns 1 when
 * new, 0 when told, -1 when memory ran out. */
static int
told_once(struct alert *a, const char *key)
{
	char **nk;
	size_t i, cap;

	if (a->capkeys > 0 && a->keys[slot(a->keys, a->capkeys, key)] != NULL)
		return 0;
	if (2 * (a->nkeys + 1) > a->capkeys) {
		cap = a->capkeys ? a->capkeys * 2 : 64;
		if ((nk = calloc(cap, sizeof *nk)) == NULL)
			return -1;
		for (i = 0; i < a->capkeys; i++)
			if (a->keys[i] != NULL)
				nk[slot(nk, cap, a->keys[i])] = a->keys[i];
		free(a->keys);
		a->keys = nk;
		a->capkeys = cap;
	}
	if ((a->keys[slot(a->keys, a->capkeys, key)] = strdup(key)) == NULL)
		return -1;
	a->nkeys++;
	return 1;
}

/* Opens the current section in the text and the HTML, at its first change. */
static void
section_open(struct alert *a)
{
	size_t n = strlen(a->name);

	buf_printf(&a->text, "\n%s\n%s\n", a->name, a->href);
	a->sec = tpl_section(a->dict, "SECTION");
	tpl_set(a->sec, "THING", a->name);
	tpl_set(a->sec, "THING_HREF", a->href);

	if (a->sections++ == 0) {
		/* cut before a character, not in it */
		if (n > SUBJECT_NAME_MAX)
			for (n = SUBJECT_NAME_MAX;
			     n > 0 && ((unsigned char)a->name[n] & 0xc0) == 0x80; n--)
				;
		snprintf(a->first, sizeof a->first, "%.*s", (int)n, a->name);
	}
}

/* Appends the first n bytes of html, text as ctemplate escaped it, to the plain text:
 * the five entities it writes back into their characters. */
static void
unescape(struct buf *out, const char *html, size_t n)
{
	static const struct {
		const char *ent;
		char        ch;
	} ents[] = { { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
		{ "&#39;", '\'' } };
	const char *end = html + n, *amp;
	size_t      i, k;

	while (html < end) {
		if ((amp = memchr(html, '&', (size_t)(end - html))) == NULL)
			amp = end;
		buf_put(out, html, (size_t)(amp - html));
		if ((html = amp) == end)
			break;
		for (i = 0; i < sizeof ents / sizeof ents[0]; i++)
			if ((size_t)(end - html) >= (k = strlen(ents[i].ent)) &&
			    memcmp(html, ents[i].ent, k) == 0)
				break;
		buf_put(out, i < sizeof ents / sizeof ents[0] ? &ents[i].ch : html, 1);
		html += i < sizeof ents / sizeof ents[0] ? k : 1;
	}
}

int
alert_change(struct alert *a, const struct change *ch)
{
	char       key[1024];
	struct buf line = { 0 };
	tpl_dict  *item;
	int        n;

	change_key(ch, key, sizeof key);
	if ((n = told_once(a, key)) <= 0)
		return n;
	if (a->sec == NULL)
		section_open(a);
	a->items++;
	if (a->shown >= ALERT_SECTION_MAX) {
		a->more++;
		return 1;
	}
	a->shown++;
	item = tpl_section(a->sec, "ITEM");
	change_dict(ch, a->en, item);
	/* The plain text in the same words, from the same dictionary. */
	if (tpl_render("alert_item.tpl", item, &line) != 0) {
		buf_free(&line);
		return -1;
	}
	buf_puts(&a->text, "\n");
	unescape(&a->text, line.p, line.len);
	buf_free(&line);
	return a->text.oom ? -1 : 1;
}

int
alert_items(const struct alert *a)
{
	return a->items;
}

/* Writes the subject into out: what the message is (news or a digest) and the first
 * thing it tells about, "(+N)" for the others. */
static void
subject(const struct alert *a, char *out, size_t len)
{
	/* Digests are named by their frequency; the others say what they are. */
	const char *what = a->freq == FOLLOW_IMMEDIATE
	    ? i18n("L_ALERT_SUBJECT_NOW", a->en)
	    : i18n_enum("follow_frequency", follow_freq_name(a->freq), a->en);

	snprintf(out, len, "%s: %s", what, a->first);
	if (a->sections > 1)
		snprintf(out + strlen(out), len - strlen(out), " (+%d)", a->sections - 1);
}

int
alert_compose(struct alert *a, const char *from, const char *rcpt, time_t now, struct buf *out)
{
	struct buf  text = { 0 }, html = { 0 };
	char        subj[400], manage[300], stop[300], list[320];
	const char *extra[] = { list, "List-Unsubscribe-Post: List-Unsubscribe=One-Click", NULL };
	int         rc;

	section_end(a);
	subject(a, subj, sizeof subj);
	snprintf(manage, sizeof manage, "%s/%s/follow/manage/%s", url_site_base(),
	    a->en ? "en" : "pt", a->token);
	snprintf(stop, sizeof stop, "%s%s%s", url_site_base(), FOLLOW_UNSUBSCRIBE_PATH, a->token);
	snprintf(list, sizeof list, "List-Unsubscribe: <%s>", stop);
	buf_printf(&text, "%s\n%s", i18n("L_ALERT_HEADING", a->en), a->text.p ? a->text.p : "");
	buf_printf(&text, "\n-- \n%s\n%s%s\n%s\n%s\n%s\n\n%s\n", i18n("L_ALERT_WHY", a->en),
	    a->footer.p ? a->footer.p : "", i18n("L_ALERT_MANAGE", a->en), manage,
	    i18n("L_ALERT_STOP", a->en), stop, i18n("L_ALERT_NO_TRACKING", a->en));
	tpl_set(a->dict, "SUBJECT", subj);
	tpl_set(a->dict, "MANAGE_HREF", manage);
	tpl_set(a->dict, "STOP_HREF", stop);
	rc = text.oom || tpl_render("alert.tpl", a->dict, &html) != 0 || html.oom ||
		mail_compose_alt_h(out, from, rcpt, subj, extra, text.p, html.p, now) != 0
	    ? -1
	    : 0;
	buf_free(&text);
	buf_free(&html);
	return rc;
}
