/* changes (view): the items of store/changes.h in words (see changes.h). */
#include <stdio.h>
#include <string.h>

#include "lib/consult.h"
#include "lib/urlcode.h"
#include "view/changes.h"
#include "view/i18n.h"

/* The text in the language asked for, else the other one (NULL: neither). */
static const char *
pick(const char *pt, const char *en_text, int en)
{
	const char *a = en ? en_text : pt, *b = en ? pt : en_text;

	return a != NULL && *a != '\0' ? a : b != NULL && *b != '\0' ? b : NULL;
}

/* 1 when the change is about a milestone. */
static int
of_milestone(const struct change *ch)
{
	return ch->milestone > 0;
}

/* A value v of ch's field in words (i18n_value), or "not yet recorded" for none. */
static void
value(const struct change *ch, const char *v, int en, char *out, size_t len)
{
	if (v == NULL || *v == '\0')
		snprintf(out, len, "%s", i18n("L_NOT_RECORDED", en));
	else
		i18n_value(of_milestone(ch) ? "milestone" : "commitment",
		    ch->field != NULL ? ch->field : "", v, en, out, len);
}

/* What the change is about: "PT0013", or "PT0013, marco 2". */
static void
subject(const struct change *ch, int en, char *out, size_t len)
{
	if (of_milestone(ch))
		snprintf(out, len, "%s, %s %d", ch->ogp_id ? ch->ogp_id : "",
		    i18n("CHG_MILESTONE", en), ch->milestone);
	else
		snprintf(out, len, "%s", ch->ogp_id ? ch->ogp_id : "");
}

/* The name of a figure's field: the self-reported status or progress, a milestone's
 * progress, an IRM assessment. */
static const char *
field_name(const struct change *ch, int en)
{
	static char col[64];
	const char *f = ch->field != NULL ? ch->field : "";

	if (strcmp(f, "self_status") == 0)
		return i18n("CHG_STATUS", en);
	if (strcmp(f, "self_percent") == 0)
		return i18n("CHG_SELF_PERCENT", en);
	if (strcmp(f, "progress") == 0)
		return i18n("CHG_PROGRESS", en);
	snprintf(col, sizeof col, "COL_%s", f);
	return i18n(col, en);
}

/* The title of an event or a consultation; a consultation's says until when it is open
 * (Lisbon's day). */
static void
title_of_record(const struct change *ch, int en, char *out, size_t len)
{
	const char *t = pick(ch->title_pt, ch->title_en, en);
	char        local[24], day[64];

	if (t == NULL)
		t = i18n("L_TITLE_NOT_RECORDED", en);
	if (ch->kind == CH_EVENT) {
		snprintf(out, len, "%s: %s", i18n(ch->rev ? "CHG_NEW_EVENT" : "CHG_EVENT", en), t);
		return;
	}
	if (ch->after == NULL || utc_to_local(NULL, ch->after, local, sizeof local, NULL) != 0) {
		snprintf(out, len, "%s: %s", i18n("CHG_CONSULTATION", en), t);
		return;
	}
	local[10] = '\0';
	i18n_date(local, en, day, sizeof day);
	snprintf(out, len, "%s: %s (%s %s)", i18n("CHG_CONSULTATION", en), t, i18n("CHG_UNTIL", en),
	    day);
}

void
change_title(const struct change *ch, int en, char *out, size_t len)
{
	const char *t;
	char        who[64], before[160], after[160], day[64];

	subject(ch, en, who, sizeof who);
	value(ch, ch->before, en, before, sizeof before);
	value(ch, ch->after, en, after, sizeof after);
	switch (ch->kind) {
	case CH_NEW_COMMITMENT:
		t = pick(ch->title_pt, ch->title_en, en);
		snprintf(out, len, "%s: %s — %s", who, i18n("CHG_NEW_COMMITMENT", en),
		    t ? t : i18n("L_TITLE_NOT_RECORDED", en));
		break;
	case CH_STATUS:
	case CH_SELF_PERCENT:
	case CH_PROGRESS:
		snprintf(out, len, "%s: %s %s → %s", who, field_name(ch, en), before, after);
		break;
	case CH_IRM:
		snprintf(out, len, "%s: %s: %s → %s", who, field_name(ch, en), before, after);
		break;
	case CH_MILESTONE_DONE:
		snprintf(out, len, "%s: %s", who, i18n("CHG_DONE", en));
		break;
	case CH_MILESTONE_OVERDUE:
		i18n_date(ch->as_of ? ch->as_of : "", en, day, sizeof day);
		snprintf(out, len, "%s: %s %s", who, i18n("CHG_OVERDUE", en), day);
		break;
	case CH_EVENT:
	case CH_CONSULTATION:
		title_of_record(ch, en, out, len);
		break;
	case CH_FIGURE:
		snprintf(out, len, "%s: %s%s %s", who, field_name(ch, en),
		    strncmp(ch->field ? ch->field : "", "irm_", 4) == 0 ? ":" : "", after);
		break;
	}
}

void
change_href(const struct change *ch, int en, char *out, size_t len)
{
	const char *lang = en ? "en" : "pt";

	if (ch->kind == CH_EVENT)
		snprintf(out, len, "%s/%s/events/%lld", url_site_base(), lang, ch->id);
	else if (ch->kind == CH_CONSULTATION)
		snprintf(out, len, "%s/%s/consultations/%lld", url_site_base(), lang, ch->id);
	else if (ch->ogp_id != NULL)
		snprintf(out, len, "%s/%s/commitments/%s%s", url_site_base(), lang, ch->ogp_id,
		    of_milestone(ch) ? "#ms-h" : "");
	else
		snprintf(out, len, "%s/%s/", url_site_base(), lang);
}

/* When the change happened, in words: a fact's date as the content gives it; the day
 * (in Lisbon) a milestone became overdue; a save's or an opening's time in Lisbon. */
static void
when(const struct change *ch, int en, char *out, size_t len)
{
	char local[24], day[64];

	if (ch->rev == 0 && ch->as_of != NULL && ch->kind != CH_CONSULTATION &&
	    ch->kind != CH_MILESTONE_OVERDUE) {
		i18n_date(ch->as_of, en, out, len);
		return;
	}
	if (utc_to_local(NULL, ch->at, local, sizeof local, NULL) != 0) {
		snprintf(local, sizeof local, "%.10s", ch->at);
		i18n_date(local, en, out, len);
		return;
	}
	local[10] = '\0';
	i18n_date(local, en, day, sizeof day);
	if (ch->kind == CH_MILESTONE_OVERDUE)
		snprintf(out, len, "%s", day);
	else
		snprintf(out, len, "%s, %s (%s)", day, local + 11, i18n("CHG_LISBON", en));
}

/* The date the change's figure, status or assessment refers to, with how it is known,
 * into out; "" when the change has none to tell (its title or its time says it). */
static void
as_of(const struct change *ch, int en, char *out, size_t len)
{
	out[0] = '\0';
	switch (ch->kind) {
	case CH_STATUS:
	case CH_SELF_PERCENT:
	case CH_PROGRESS:
	case CH_IRM:
	case CH_FIGURE:
	case CH_EVENT: /* its day, even on its day: a year or a month is not its first day */
		i18n_figure_date(ch->as_of, ch->as_of_kind, en, out, len);
		break;
	case CH_MILESTONE_DONE:
		if (ch->as_of != NULL)
			i18n_figure_date(ch->as_of, NULL, en, out, len);
		break;
	default:
		break;
	}
}

/* Sets key to val in item and shows its section HAS_<key>, when val is not empty. */
static void
put(tpl_dict *item, const char *key, const char *val)
{
	char has[32];

	if (val == NULL || *val == '\0')
		return;
	tpl_set(item, key, val);
	snprintf(has, sizeof has, "HAS_%s", key);
	tpl_show(item, has);
}

void
change_dict(const struct change *ch, int en, tpl_dict *item)
{
	char        title[1024], buf[512], date[160], summary[2048];
	const char *conf = NULL, *t;
	size_t      n;

	change_title(ch, en, title, sizeof title);
	tpl_set(item, "TITLE", title);
	change_href(ch, en, buf, sizeof buf);
	tpl_set(item, "HREF", buf);
	when(ch, en, buf, sizeof buf);
	tpl_set(item, "WHEN", buf);
	n = (size_t)snprintf(summary, sizeof summary, "%s", title);
	as_of(ch, en, date, sizeof date);
	put(item, "AS_OF", date);
	if (ch->confidence != NULL && strcmp(ch->confidence, "unconfirmed") == 0)
		conf = i18n("CHG_UNCONFIRMED", en);
	else if (ch->confidence != NULL && strcmp(ch->confidence, "inferred") == 0)
		conf = i18n("CHG_INFERRED", en);
	put(item, "CONFIDENCE", conf);
	if (*date && n < sizeof summary)
		n += (size_t)snprintf(summary + n, sizeof summary - n, " (%s%s%s)", date,
		    conf ? ", " : "", conf ? conf : "");
	if (ch->evidence != NULL && *ch->evidence != '\0') {
		snprintf(buf, sizeof buf, "%s%s", ch->evidence[0] == '/' ? url_site_base() : "",
		    ch->evidence);
		put(item, "EVIDENCE", buf);
		t = i18n(ch->kind == CH_PROGRESS || ch->kind == CH_MILESTONE_DONE ? "CHG_EVIDENCE"
										  : "CHG_SOURCE",
		    en);
		tpl_set(item, "EVIDENCE_LABEL", t);
		if (n < sizeof summary)
			n += (size_t)snprintf(summary + n, sizeof summary - n, ". %s: %s", t, buf);
	}
	if (ch->ogp_id != NULL && ch->kind != CH_NEW_COMMITMENT &&
	    (t = pick(ch->title_pt, ch->title_en, en)) != NULL && n < sizeof summary)
		snprintf(summary + n, sizeof summary - n, ". %s", t);
	tpl_set(item, "SUMMARY", summary);
}
