/*
 * seed.c: load a content file of format aberta-content/2 (content/rnaa-content.json,
 * described field by field by content/rnaa-content.schema.json) one to one: every fact
 * goes into the column or the row made for it (sql/migrations/0011-trust.sql), with its
 * confidence, the kind of its text and the date of its figure.  Nothing is guessed: a
 * null stays NULL (and never erases a value already stored), and research_note, which
 * is for the researchers, is never read.  The file was validated against the schema
 * before (import.c); what the schema cannot say (a body or plan that must exist) is
 * checked here.  The commitments are in seedcmt.c.
 */
#include <stdio.h>
#include <string.h>

#include "import/impl.h"
#include "lib/buf.h"
#include "lib/domains.h"

void
seed_area_slug(const char *label, char *out, size_t cap)
{
	size_t n = 0;
	int    dash = 0;

	for (; *label != '\0' && n + 2 < cap; label++) {
		unsigned char ch = (unsigned char)*label;

		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    (ch >= 'A' && ch <= 'Z')) {
			if (dash && n > 0)
				out[n++] = '-';
			out[n++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
			dash = 0;
		} else
			dash = 1;
	}
	out[n] = '\0';
}

/* Exact comparison for domain_alias. */
static int
same(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

const char *
seed_code(int d, const char *s)
{
	const struct domain *dom = domain((enum dom)d);

	if (s == NULL)
		return NULL;
	if (domain_code(dom, s) != NULL)
		return domain_code(dom, s)->code;
	return domain_alias(dom, s, same);
}

int
seed_entity(struct imp *im, const char *key, const char *slug, long long *id)
{
	struct binder b = load_bind(LD_ENTITY_ID);

	load_bind_text(&b, 1, slug);
	if (imp_run(im, &b, id) != 0)
		return -1;
	if (*id == 0)
		return imp_fail(im, key, "unknown body \"%s\" (not in bodies)", slug);
	return 0;
}

int
seed_link(struct imp *im, int col, long long id, const char *kind, const char *url,
    const char *title, int position)
{
	struct binder b = load_bind(LD_LINK_FIND);
	long long     found;
	int           i;

	if (url == NULL)
		return 0;
	load_bind_text(&b, 1, kind);
	load_bind_text(&b, 2, url);
	for (i = 0; i < 5; i++)
		load_bind_int(&b, 3 + i, i == col ? id : -1);
	if (imp_run(im, &b, &found) != 0)
		return -1;
	if (found != 0) {
		b = load_bind(LD_LINK_UPDATE);
		load_bind_int(&b, 1, found);
		load_bind_int(&b, 2, position);
		load_bind_text(&b, 3, title);
		load_bind_text(&b, 4, title);
		return imp_run(im, &b, NULL);
	}
	b = load_bind(LD_LINK_INSERT);
	load_bind_text(&b, 1, kind);
	load_bind_text(&b, 2, url);
	for (i = 0; i < 5; i++)
		load_bind_int(&b, 3 + i, i == col ? id : -1);
	load_bind_int(&b, 8, position);
	load_bind_text(&b, 9, title); /* a source's title is in its own language: both */
	load_bind_text(&b, 10, title);
	return imp_run(im, &b, NULL);
}

int
seed_sources(struct imp *im, json_t *obj, int col, long long id, int first)
{
	json_t *a = json_object_get(obj, "sources"), *s;
	size_t  i;

	json_array_foreach(a, i, s)
	{
		if (seed_link(
			im, col, id, "source", imp_str(s, "url"), imp_str(s, "title"), first) != 0)
			return -1;
		first += imp_str(s, "url") != NULL;
	}
	return first;
}

/* The sources of obj as "address<TAB>title" lines in out (a source without an address
 * keeps its title after an empty address). */
static void
sources_text(json_t *obj, const char *key, struct buf *out)
{
	json_t     *s;
	size_t      i;
	const char *url, *title;

	json_array_foreach(json_object_get(obj, key), i, s)
	{
		url = imp_str(s, "url");
		title = imp_str(s, "title");
		buf_printf(out, "%s%s\t%s", out->len > 0 ? "\n" : "", url != NULL ? url : "",
		    title != NULL ? title : "");
	}
}

int
seed_replace(struct imp *im, enum load_stmt clear, enum load_stmt add, long long id, json_t *items,
    seed_bind_fn bind)
{
	struct binder b = load_bind(clear);
	json_t       *item;
	size_t        i;

	load_bind_int(&b, 1, id);
	if (imp_run(im, &b, NULL) != 0)
		return -1;
	json_array_foreach(items, i, item)
	{
		b = load_bind(add);
		load_bind_int(&b, 1, id);
		load_bind_int(&b, 2, (long long)i + 1);
		if (bind(im, &b, item) != 0 || imp_run(im, &b, NULL) != 0)
			return -1;
	}
	return 0;
}

/* ------------------------------------------------------------- bodies */

/* Item callback for vocabularies.policy_areas[]: upserts one area. */
static int
load_area(struct imp *im, json_t *a, size_t idx, void *arg)
{
	char          slug[128];
	struct binder b = load_bind(LD_AREA_UPSERT);

	(void)idx, (void)arg;
	seed_area_slug(imp_str(a, "label_en"), slug, sizeof slug);
	load_bind_text(&b, 1, slug);
	load_bind_text(&b, 2, imp_str(a, "label_pt"));
	load_bind_text(&b, 3, imp_str(a, "label_en"));
	return imp_run(im, &b, NULL);
}

/* Item callback for bodies[] (first pass): upserts the body itself. */
static int
load_body(struct imp *im, json_t *e, size_t idx, void *arg)
{
	json_t       *m = json_object_get(e, "membership");
	const char   *status = imp_str(m, "status");
	struct binder b = load_bind(LD_ENTITY_UPSERT);

	(void)idx, (void)arg;
	load_bind_text(&b, 1, imp_str(e, "slug"));
	load_bind_text(&b, 2, imp_str(e, "acronym"));
	load_bind_text(&b, 3, imp_str(e, "name_pt"));
	load_bind_text(&b, 4, imp_str(e, "name_en"));
	load_bind_text(&b, 5, seed_code(DOM_ENTITY_KIND, imp_str(e, "kind")));
	load_bind_text(&b, 6, imp_str(e, "website"));
	load_bind_int(&b, 7,
	    status != NULL &&
		(strcmp(status, "founding_member") == 0 || strcmp(status, "member") == 0 ||
		    strcmp(status, "likely_member") == 0));
	load_bind_text(&b, 8, imp_str(m, "since"));
	load_bind_text(&b, 9, imp_str(m, "until"));
	load_bind_text(&b, 10, status);
	load_bind_text(&b, 11, imp_str(m, "confidence"));
	load_bind_text(&b, 12, imp_str(e, "note_pt"));
	load_bind_text(&b, 13, imp_str(e, "note_en"));
	return imp_run(im, &b, NULL);
}

/* Binds one piece of membership evidence (LD_EVIDENCE_ADD). */
static int
bind_evidence(struct imp *im, struct binder *b, json_t *ev)
{
	(void)im;
	load_bind_text(b, 3, imp_str(ev, "date"));
	load_bind_text(b, 4, imp_str(ev, "source"));
	load_bind_text(b, 5, imp_str(ev, "note_pt"));
	load_bind_text(b, 6, imp_str(ev, "note_en"));
	return 0;
}

/* Item callback for bodies[] (second pass): its parent, membership evidence, sources. */
static int
load_body_links(struct imp *im, json_t *e, size_t idx, void *arg)
{
	json_t       *m = json_object_get(e, "membership");
	long long     id, parent = 0;
	struct binder b;
	int           pos;

	(void)idx, (void)arg;
	if (seed_entity(im, "slug", imp_str(e, "slug"), &id) != 0 ||
	    (imp_str(e, "parent") != NULL &&
		seed_entity(im, "parent", imp_str(e, "parent"), &parent) != 0))
		return -1;
	b = load_bind(LD_ENTITY_PARENT);
	load_bind_int(&b, 1, id);
	load_bind_int(&b, 2, parent > 0 ? parent : -1);
	if (imp_run(im, &b, NULL) != 0)
		return -1;
	if (seed_replace(im, LD_EVIDENCE_CLEAR, LD_EVIDENCE_ADD, id, json_object_get(m, "evidence"),
		bind_evidence) != 0)
		return -1;
	pos = seed_sources(im, e, OWN_ENTITY, id, 0);
	return pos < 0 || seed_sources(im, m, OWN_ENTITY, id, pos) < 0 ? -1 : 0;
}

/* ------------------------------------------------------------ network */

/* Loads the object network into the network row. */
static int
load_network(struct imp *im, json_t *root)
{
	json_t       *n = json_object_get(root, "network"), *fp;
	long long     coord = 0, focal = 0;
	struct buf    src = { 0 };
	struct binder b;
	int           rc;

	if (n == NULL)
		return 0;
	fp = json_object_get(n, "focal_point");
	if ((imp_str(n, "coordinator") != NULL &&
		seed_entity(im, "network.coordinator", imp_str(n, "coordinator"), &coord) != 0) ||
	    (imp_str(fp, "body") != NULL &&
		seed_entity(im, "network.focal_point.body", imp_str(fp, "body"), &focal) != 0))
		return -1;
	sources_text(n, "sources", &src);
	b = load_bind(LD_NETWORK_UPSERT);
	load_bind_int(&b, 1, 1);
	load_bind_text(&b, 2, imp_str(n, "acronym"));
	load_bind_text(&b, 3, imp_str(n, "name_pt"));
	load_bind_text(&b, 4, imp_str(n, "name_en"));
	load_bind_text(&b, 5, imp_str(n, "created"));
	load_bind_text(&b, 6, imp_str(n, "description_pt"));
	load_bind_text(&b, 7, imp_str(n, "description_en"));
	load_bind_int(&b, 8, coord > 0 ? coord : -1);
	load_bind_int(&b, 9, focal > 0 ? focal : -1);
	load_bind_text(&b, 10, imp_str(fp, "since"));
	load_bind_text(&b, 11, imp_str(fp, "since_note_pt"));
	load_bind_text(&b, 12, imp_str(fp, "since_note_en"));
	load_bind_text(&b, 13, imp_str(n, "contact_email"));
	load_bind_text(&b, 14, imp_str(n, "ogp_member_since"));
	load_bind_text(&b, 15, imp_str(n, "note_pt"));
	load_bind_text(&b, 16, imp_str(n, "note_en"));
	load_bind_text(&b, 17, src.len > 0 ? src.p : NULL);
	rc = imp_run(im, &b, NULL);
	buf_free(&src);
	return rc;
}

/* -------------------------------------------------------------- plans */

/* The address of the plan's own text (a document of kind plan_text with an address), or
 * NULL: a news item or a copy is never taken for the plan document. */
static const char *
plan_text_url(json_t *p)
{
	json_t *d;
	size_t  i;

	json_array_foreach(json_object_get(p, "documents"), i,
	    d) if (strcmp(imp_str(d, "kind"), "plan_text") == 0 &&
	    imp_str(d, "url") != NULL) return imp_str(d, "url");
	return NULL;
}

/* Upserts the plan's own row; *id gets its id. */
static int
plan_row(struct imp *im, json_t *p, long long *id)
{
	static const char *const text[] = { "title_pt", "title_en", "ogp_title", "short_pt",
		"period_start", "period_end", "implementation_start", "implementation_end",
		"published", "published_confidence" };
	struct binder            b = load_bind(LD_PLAN_UPSERT);
	size_t                   i;

	load_bind_int(&b, 1, imp_int(p, "number"));
	for (i = 0; i < sizeof text / sizeof text[0]; i++)
		load_bind_text(&b, (int)i + 2, imp_str(p, text[i]));
	load_bind_text(&b, 12, seed_code(DOM_PLAN_STATUS, imp_str(p, "status")));
	load_bind_int(&b, 13, imp_int(p, "commitment_count"));
	load_bind_int(&b, 14, imp_int(p, "milestone_count"));
	load_bind_text(&b, 15, imp_str(p, "cocreation_pt"));
	load_bind_text(&b, 16, imp_str(p, "cocreation_en"));
	load_bind_text(&b, 17, imp_str(p, "note_pt"));
	load_bind_text(&b, 18, imp_str(p, "note_en"));
	load_bind_text(&b, 19, plan_text_url(p));
	if (imp_run(im, &b, NULL) != 0)
		return -1;
	b = load_bind(LD_PLAN_ID);
	load_bind_int(&b, 1, imp_int(p, "number"));
	return imp_run(im, &b, id);
}

/* Binds one document of a plan (LD_DOC_ADD); the pages listing it, one address a line. */
static int
bind_document(struct imp *im, struct binder *b, json_t *d)
{
	struct buf listed = { 0 };
	json_t    *u;
	size_t     j;

	(void)im;
	json_array_foreach(json_object_get(d, "listed_on"), j, u)
	    buf_printf(&listed, "%s%s", listed.len > 0 ? "\n" : "", json_string_value(u));
	load_bind_text(b, 3, imp_str(d, "kind"));
	load_bind_text(b, 4, imp_str(d, "url"));
	load_bind_text(b, 5, imp_str(d, "title_pt"));
	load_bind_text(b, 6, imp_str(d, "title_en"));
	load_bind_text(b, 7, imp_str(d, "date"));
	load_bind_text(b, 8, listed.len > 0 ? listed.p : NULL); /* copied by SQLite */
	load_bind_text(b, 9, imp_str(d, "note_pt"));
	load_bind_text(b, 10, imp_str(d, "note_en"));
	buf_free(&listed);
	return 0;
}

/* Adds one completion figure of the plan at position pos. */
static int
completion_add(struct imp *im, json_t *c, long long id, int pos)
{
	struct binder b = load_bind(LD_COMPLETION_ADD);

	load_bind_int(&b, 1, id);
	load_bind_int(&b, 2, pos);
	load_bind_int(&b, 3, imp_int(c, "percent"));
	load_bind_text(&b, 4, imp_str(c, "as_of"));
	load_bind_text(&b, 5, imp_str(c, "as_of_kind"));
	load_bind_text(&b, 6, imp_str(c, "source"));
	load_bind_text(&b, 7, imp_str(c, "confidence"));
	load_bind_text(&b, 8, imp_str(c, "note_pt"));
	load_bind_text(&b, 9, imp_str(c, "note_en"));
	return imp_run(im, &b, NULL);
}

/* 1 when the two completion figures are the same report (same date, source, percent). */
static int
same_figure(json_t *a, json_t *b)
{
	const char *da = imp_str(a, "as_of"), *db = imp_str(b, "as_of");

	return imp_int(a, "percent") == imp_int(b, "percent") &&
	    strcmp(imp_str(a, "source"), imp_str(b, "source")) == 0 &&
	    (da == NULL ? db == NULL : db != NULL && strcmp(da, db) == 0);
}

/* Replaces the plan's completion figures: its history, then the current figure unless
 * the history already holds it. */
static int
plan_completion(struct imp *im, json_t *p, long long id)
{
	json_t       *cur = json_object_get(p, "self_reported_completion"), *c;
	struct binder b = load_bind(LD_COMPLETION_CLEAR);
	size_t        i;
	int           pos = 0, seen = 0;

	load_bind_int(&b, 1, id);
	if (imp_run(im, &b, NULL) != 0)
		return -1;
	json_array_foreach(json_object_get(p, "self_reported_completion_history"), i, c)
	{
		if (completion_add(im, c, id, ++pos) != 0)
			return -1;
		seen |= json_is_object(cur) && same_figure(c, cur);
	}
	return json_is_object(cur) && !seen ? completion_add(im, cur, id, ++pos) : 0;
}

/* Binds one assessment of a plan (LD_ASSESS_ADD). */
static int
bind_assessment(struct imp *im, struct binder *b, json_t *a)
{
	(void)im;
	load_bind_text(b, 3, imp_str(a, "by"));
	load_bind_text(b, 4, imp_str(a, "report_kind"));
	load_bind_text(b, 5, imp_str(a, "date"));
	load_bind_text(b, 6, imp_str(a, "summary_pt"));
	load_bind_text(b, 7, imp_str(a, "summary_en"));
	load_bind_text(b, 8, imp_str(a, "source"));
	return 0;
}

/* Item callback for plans[]. */
static int
load_plan(struct imp *im, json_t *p, size_t idx, void *arg)
{
	long long id;

	(void)idx, (void)arg;
	if (plan_row(im, p, &id) != 0 ||
	    seed_replace(im, LD_DOC_CLEAR, LD_DOC_ADD, id, json_object_get(p, "documents"),
		bind_document) != 0 ||
	    plan_completion(im, p, id) != 0 ||
	    seed_replace(im, LD_ASSESS_CLEAR, LD_ASSESS_ADD, id, json_object_get(p, "assessments"),
		bind_assessment) != 0)
		return -1;
	return seed_sources(im, p, OWN_PLAN, id, 0) < 0 ? -1 : 0;
}

/* ------------------------------------------------- events, consultations */

/* The plan id of number (-1: null); writes an error for key when there is no such plan. */
static int
plan_of(struct imp *im, const char *key, long long number, long long *id)
{
	struct binder b;

	*id = -1;
	if (number < 0)
		return 0;
	b = load_bind(LD_PLAN_ID);
	load_bind_int(&b, 1, number);
	if (imp_run(im, &b, id) != 0)
		return -1;
	return *id == 0 ? imp_fail(im, key, "unknown plan %lld (not in plans)", number) : 0;
}

/* Replaces the co-organisers of event id (bodies; the source's own words for others,
 * co_organisers_text, go into the organiser column besides organiser_id). */
static int
co_organisers(struct imp *im, json_t *e, long long id)
{
	struct binder b = load_bind(LD_ORGANISER_CLEAR);
	json_t       *s;
	size_t        i;
	long long     eid;

	load_bind_int(&b, 1, id);
	if (imp_run(im, &b, NULL) != 0)
		return -1;
	json_array_foreach(json_object_get(e, "co_organisers"), i, s)
	{
		if (seed_entity(im, "co_organisers", json_string_value(s), &eid) != 0)
			return -1;
		b = load_bind(LD_ORGANISER_ADD);
		load_bind_int(&b, 1, id);
		load_bind_int(&b, 2, eid);
		load_bind_int(&b, 3, (long long)i + 1);
		if (imp_run(im, &b, NULL) != 0)
			return -1;
	}
	return 0;
}

/* Binds the event's columns (LD_EVENT_UPSERT) after its plan and organiser are known. */
static void
event_bind(struct binder *b, json_t *e, const char *org, long long org_id, long long plan)
{
	load_bind_text(b, 1, imp_str(e, "slug"));
	load_bind_text(b, 2, imp_str(e, "title_pt"));
	load_bind_text(b, 3, imp_str(e, "title_en"));
	load_bind_text(b, 4, imp_str(e, "title_pt_kind"));
	load_bind_text(b, 5, seed_code(DOM_EVENT_KIND, imp_str(e, "kind")));
	load_bind_text(b, 6, imp_str(e, "start"));
	load_bind_text(b, 7, imp_str(e, "end"));
	load_bind_text(b, 8, imp_str(e, "time_note")); /* times: the same in both languages */
	load_bind_text(b, 9, imp_str(e, "time_note"));
	load_bind_text(b, 10, imp_str(e, "date_confidence"));
	load_bind_text(b, 11, imp_str(e, "status"));
	load_bind_text(b, 12, imp_str(e, "place_pt"));
	load_bind_text(b, 13, imp_str(e, "place_en"));
	load_bind_int(b, 14, imp_bool(e, "online"));
	load_bind_text(b, 15, org);
	load_bind_int(b, 16, org_id > 0 ? org_id : -1);
	load_bind_text(b, 17, imp_str(e, "url"));
	load_bind_int(b, 18, plan);
	load_bind_text(b, 19, imp_str(e, "description_pt"));
	load_bind_text(b, 20, imp_str(e, "description_en"));
}

/* Replaces the commitments an event belongs to. */
static int
event_commitments(struct imp *im, json_t *e, long long id)
{
	struct binder b = load_bind(LD_EVENT_CMT_CLEAR);
	json_t       *s;
	size_t        i;
	long long     cid;

	load_bind_int(&b, 1, id);
	if (imp_run(im, &b, NULL) != 0)
		return -1;
	json_array_foreach(json_object_get(e, "related_commitments"), i, s)
	{
		b = load_bind(LD_COMMITMENT_ID);
		load_bind_text(&b, 1, json_string_value(s));
		if (imp_run(im, &b, &cid) != 0)
			return -1;
		if (cid == 0)
			return imp_fail(im, "related_commitments",
			    "unknown commitment \"%s\" (not in commitments)", json_string_value(s));
		b = load_bind(LD_EVENT_CMT_ADD);
		load_bind_int(&b, 1, id);
		load_bind_int(&b, 2, cid);
		if (imp_run(im, &b, NULL) != 0)
			return -1;
	}
	return 0;
}

/* Item callback for events[]. */
static int
load_event(struct imp *im, json_t *e, size_t idx, void *arg)
{
	long long     org_id = 0, plan, id;
	struct binder b;

	(void)idx, (void)arg;
	if ((imp_str(e, "organiser") != NULL &&
		seed_entity(im, "organiser", imp_str(e, "organiser"), &org_id) != 0) ||
	    plan_of(im, "related_plan", imp_int(e, "related_plan"), &plan) != 0)
		return -1;
	b = load_bind(LD_EVENT_UPSERT);
	event_bind(&b, e, imp_str(e, "co_organisers_text"), org_id, plan);
	if (imp_run(im, &b, NULL) != 0)
		return -1;
	b = load_bind(LD_EVENT_ID);
	load_bind_text(&b, 1, imp_str(e, "slug"));
	if (imp_run(im, &b, &id) != 0 || event_commitments(im, e, id) != 0 ||
	    co_organisers(im, e, id) != 0)
		return -1;
	return seed_sources(im, e, OWN_EVENT, id, 0) < 0 ? -1 : 0;
}

/* Item callback for consultations[]: a consultation held elsewhere, as a record. */
static int
load_record(struct imp *im, json_t *k, size_t idx, void *arg)
{
	struct buf    src = { 0 };
	long long     plan, org = 0;
	struct binder b;
	int           rc;

	(void)idx, (void)arg;
	if (plan_of(im, "about_plan", imp_int(k, "about_plan"), &plan) != 0 ||
	    (imp_str(k, "organiser") != NULL &&
		seed_entity(im, "organiser", imp_str(k, "organiser"), &org) != 0))
		return -1;
	sources_text(k, "sources", &src);
	b = load_bind(LD_RECORD_UPSERT);
	load_bind_text(&b, 1, imp_str(k, "slug"));
	load_bind_text(&b, 2, imp_str(k, "title_pt"));
	load_bind_text(&b, 3, imp_str(k, "title_en"));
	load_bind_int(&b, 4, plan);
	load_bind_text(&b, 5, imp_str(k, "opens"));
	load_bind_text(&b, 6, imp_str(k, "closes"));
	load_bind_text(&b, 7, imp_str(k, "dates_confidence"));
	load_bind_text(&b, 8, imp_str(k, "status"));
	load_bind_text(&b, 9, imp_str(k, "where_url"));
	load_bind_int(&b, 10, org > 0 ? org : -1);
	load_bind_text(&b, 11, imp_str(k, "description_pt"));
	load_bind_text(&b, 12, imp_str(k, "description_en"));
	load_bind_text(&b, 13, imp_str(k, "outcome_pt"));
	load_bind_text(&b, 14, imp_str(k, "outcome_en"));
	load_bind_int(&b, 15, imp_int(k, "comments_received"));
	load_bind_text(&b, 16, src.len > 0 ? src.p : NULL);
	rc = imp_run(im, &b, NULL);
	buf_free(&src);
	return rc;
}

int
seed_load(struct imp *im, json_t *root)
{
	json_t *voc = json_object_get(root, "vocabularies");

	/* the path of an area is then "policy_areas[i]": the only array of that name */
	if (imp_each(im, voc, "policy_areas", load_area, NULL) != 0 ||
	    imp_each(im, root, "bodies", load_body, NULL) != 0 ||
	    imp_each(im, root, "bodies", load_body_links, NULL) != 0 ||
	    load_network(im, root) != 0 || imp_each(im, root, "plans", load_plan, NULL) != 0 ||
	    seed_commitments(im, root) != 0 || imp_each(im, root, "events", load_event, NULL) != 0)
		return -1;
	return imp_each(im, root, "consultations", load_record, NULL);
}
