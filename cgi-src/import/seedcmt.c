/*
 * seedcmt.c: the commitments of a content file of format aberta-content/2 (see seed.c):
 * the commitment row with the confidence of its id, titles and values, its self-reported
 * figure and the IRM's assessment with their dates; its bodies by role (a lead and
 * co-leads, supporters; partners in an activity and proposers apart, never as
 * supporters); its values and policy areas; its milestones with each figure's date, kind
 * of date, source and confidence, and their earlier figures; its reported activities;
 * its sources and IRM pages.
 */
#include <stdio.h>
#include <string.h>

#include "import/impl.h"
#include "lib/domains.h"

/* The IRM's cluster is written "Portuguese / English": its part before (pt 1) or after
 * the one " / " into out, or the whole text when it has none or several. */
static const char *
cluster_part(const char *s, int pt, char *out, size_t cap)
{
	const char *sep;

	if (s == NULL || (sep = strstr(s, " / ")) == NULL || strstr(sep + 3, " / ") != NULL)
		return s;
	if (!pt)
		return sep + 3;
	snprintf(out, cap, "%.*s", (int)(sep - s), s);
	return out;
}

/* Binds the texts of c (parameters 2 to 17 of LD_COMMITMENT_UPSERT, plan id first). */
static void
bind_texts(struct binder *b, json_t *c, long long plan)
{
	static const char *const keys[] = { "title_pt", "title_en", "title_pt_kind",
		"title_en_kind", "title_confidence", "title_en_confidence", "title_en_long",
		"summary_pt", "summary_en", "problem_pt", "problem_en", "start", "end",
		"ogp_values_confidence" };
	size_t                   i;

	load_bind_int(b, 2, plan);
	load_bind_int(b, 3, imp_int(c, "number"));
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		load_bind_text(b, (int)i + 4, imp_str(c, keys[i]));
}

/* Binds the self-reported figure and the IRM's values (parameters 18 to 36). */
static void
bind_reports(struct binder *b, json_t *c, char *cluster, size_t cap)
{
	json_t     *s = json_object_get(c, "self_reported"), *irm = json_object_get(c, "irm");
	const char *cl = imp_str(irm, "cluster");

	load_bind_text(b, 18, imp_str(s, "status"));
	load_bind_int(b, 19, imp_int(s, "percent"));
	load_bind_text(b, 20, imp_str(s, "as_of"));
	load_bind_text(b, 21, imp_str(s, "as_of_kind"));
	load_bind_text(b, 22, imp_str(s, "source"));
	load_bind_text(b, 23, imp_str(s, "confidence"));
	load_bind_text(b, 24, imp_str(irm, "verifiable"));
	load_bind_text(b, 25, imp_str(irm, "relevant_to_ogp_values"));
	load_bind_text(b, 26, imp_str(irm, "ambition"));
	load_bind_text(b, 27, imp_str(irm, "potential_impact"));
	load_bind_text(b, 28, imp_str(irm, "potential_for_results"));
	load_bind_int(b, 29, imp_bool(irm, "promising"));
	load_bind_text(b, 30, imp_str(irm, "completion"));
	load_bind_text(b, 31, imp_str(irm, "early_results"));
	load_bind_text(b, 32, cluster_part(cl, 1, cluster, cap));
	load_bind_text(b, 33, cluster_part(cl, 0, cluster, cap));
	load_bind_text(b, 34, imp_str(irm, "date"));
	load_bind_text(b, 35, imp_str(irm, "results_report_date"));
	load_bind_text(
	    b, 36, irm != NULL && !json_is_null(irm) ? imp_str(irm, "confidence") : NULL);
}

/* Upserts the commitment's row; *id gets its id. */
static int
cmt_row(struct imp *im, json_t *c, long long *id)
{
	struct binder b;
	long long     plan;
	char          cluster[512];

	b = load_bind(LD_PLAN_ID);
	load_bind_int(&b, 1, imp_int(c, "plan"));
	if (imp_run(im, &b, &plan) != 0)
		return -1;
	if (plan == 0)
		return imp_fail(im, "plan", "unknown plan %lld (not in plans)", imp_int(c, "plan"));
	b = load_bind(LD_COMMITMENT_UPSERT);
	load_bind_text(&b, 1, imp_str(c, "ogp_id"));
	bind_texts(&b, c, plan);
	bind_reports(&b, c, cluster, sizeof cluster);
	load_bind_text(&b, 37, imp_str(c, "note_pt"));
	load_bind_text(&b, 38, imp_str(c, "note_en"));
	load_bind_text(&b, 39, imp_str(c, "ogp_id_confidence"));
	load_bind_text(&b, 40, imp_str(json_object_get(c, "irm"), "early_results_confidence"));
	load_bind_int(&b, 41, imp_bool(json_object_get(c, "irm"), "open_gov_lens"));
	if (imp_run(im, &b, NULL) != 0)
		return -1;
	b = load_bind(LD_COMMITMENT_ID);
	load_bind_text(&b, 1, imp_str(c, "ogp_id"));
	return imp_run(im, &b, id);
}

/* The role being read by role_item, and the position of its first body. */
struct role_arg {
	long long   cid;
	const char *role;
	int         first;
};

/* Upserts one body's role (a bodyRole object r) on commitment cid at position pos. */
static int
role_add(struct imp *im, const char *key, json_t *r, long long cid, const char *role, int pos)
{
	struct binder b;
	long long     eid;

	if (seed_entity(im, key, imp_str(r, "body"), &eid) != 0)
		return -1;
	b = load_bind(LD_ROLE_UPSERT);
	load_bind_int(&b, 1, cid);
	load_bind_int(&b, 2, eid);
	load_bind_text(&b, 3, role);
	load_bind_int(&b, 4, pos);
	load_bind_text(&b, 5, imp_str(r, "confidence"));
	load_bind_text(&b, 6, imp_str(r, "role_pt"));
	load_bind_text(&b, 7, imp_str(r, "role_en"));
	return imp_run(im, &b, NULL);
}

/* Adds one partner or proposer of commitment cid. */
static int
party_add(struct imp *im, const char *key, const char *slug, json_t *p, long long cid,
    const char *relation, int pos)
{
	struct binder b;
	long long     eid;

	if (seed_entity(im, key, slug, &eid) != 0)
		return -1;
	b = load_bind(LD_PARTY_ADD);
	load_bind_int(&b, 1, cid);
	load_bind_int(&b, 2, eid);
	load_bind_text(&b, 3, relation);
	load_bind_int(&b, 4, pos);
	load_bind_text(&b, 5, imp_str(p, "role_pt"));
	load_bind_text(&b, 6, imp_str(p, "role_en"));
	load_bind_text(&b, 7, imp_str(p, "source"));
	return imp_run(im, &b, NULL);
}

/* Item callback for co_leads[] and supporting[] (arg: the commitment id, then the role,
 * then the first position). */
static int
role_item(struct imp *im, json_t *r, size_t idx, void *arg)
{
	const struct role_arg *ra = arg;

	return role_add(im, "body", r, ra->cid, ra->role, ra->first + (int)idx);
}

/* The bodies of commitment cid: lead and co-leads, supporters; partners and proposers
 * apart (never as supporters). */
static int
cmt_bodies(struct imp *im, json_t *c, long long cid)
{
	json_t         *lead = json_object_get(c, "lead"), *r;
	struct role_arg leads = { cid, "lead", 1 }, support = { cid, "support", 0 };
	struct binder   b = load_bind(LD_PARTY_CLEAR);
	size_t          i;

	if ((json_is_object(lead) && role_add(im, "lead.body", lead, cid, "lead", 0) != 0) ||
	    imp_each(im, c, "co_leads", role_item, &leads) != 0 ||
	    imp_each(im, c, "supporting", role_item, &support) != 0)
		return -1;
	load_bind_int(&b, 1, cid);
	if (imp_run(im, &b, NULL) != 0)
		return -1;
	json_array_foreach(json_object_get(c, "related_partners"), i,
	    r) if (party_add(im, "related_partners", imp_str(r, "body"), r, cid, "partner",
		       (int)i) != 0) return -1;
	json_array_foreach(json_object_get(c, "proposed_by"), i,
	    r) if (party_add(im, "proposed_by", json_string_value(r), NULL, cid, "proposer",
		       (int)i) != 0) return -1;
	return 0;
}

/* The values and policy areas of commitment cid. */
static int
cmt_tags(struct imp *im, json_t *c, long long cid)
{
	json_t       *v;
	size_t        i;
	struct binder b;
	long long     area;
	char          slug[128];

	json_array_foreach(json_object_get(c, "ogp_values"), i, v)
	{
		b = load_bind(LD_VALUE_ADD);
		load_bind_int(&b, 1, cid);
		load_bind_text(&b, 2, json_string_value(v));
		if (imp_run(im, &b, NULL) != 0)
			return -1;
	}
	json_array_foreach(json_object_get(c, "policy_areas"), i, v)
	{
		seed_area_slug(json_string_value(v), slug, sizeof slug);
		b = load_bind(LD_AREA_ID);
		load_bind_text(&b, 1, slug);
		if (imp_run(im, &b, &area) != 0)
			return -1;
		if (area == 0)
			return imp_fail(im, "policy_areas",
			    "unknown policy area \"%s\" (not in vocabularies.policy_areas)",
			    json_string_value(v));
		b = load_bind(LD_AREA_ADD);
		load_bind_int(&b, 1, cid);
		load_bind_int(&b, 2, area);
		if (imp_run(im, &b, NULL) != 0)
			return -1;
	}
	return 0;
}

/* Binds one earlier figure of a milestone (LD_FIGURE_ADD). */
static int
bind_figure(struct imp *im, struct binder *b, json_t *f)
{
	(void)im;
	load_bind_int(b, 3, imp_int(f, "percent"));
	load_bind_text(b, 4, imp_str(f, "as_of"));
	load_bind_text(b, 5, imp_str(f, "as_of_kind"));
	load_bind_text(b, 6, imp_str(f, "source"));
	load_bind_text(b, 7, imp_str(f, "confidence"));
	return 0;
}

/* Item callback for a commitment's milestones[] (arg: the commitment id). */
static int
load_milestone(struct imp *im, json_t *m, size_t idx, void *arg)
{
	static const char *const keys[] = { "title_pt", "title_en", "title_pt_kind",
		"title_en_kind", "start", "end" };
	json_t                  *p = json_object_get(m, "progress");
	long long                cid = *(long long *)arg, mid;
	struct binder            b = load_bind(LD_MILESTONE_UPSERT);
	size_t                   i;

	(void)idx;
	load_bind_int(&b, 1, cid);
	load_bind_int(&b, 2, imp_int(m, "number"));
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		load_bind_text(&b, (int)i + 3, imp_str(m, keys[i]));
	load_bind_int(&b, 9, imp_int(p, "percent"));
	load_bind_text(&b, 10, imp_str(p, "as_of"));
	load_bind_text(&b, 11, json_is_object(p) ? imp_str(p, "as_of_kind") : NULL);
	load_bind_text(&b, 12, imp_str(p, "source"));
	load_bind_text(&b, 13, imp_str(p, "confidence"));
	if (imp_run(im, &b, NULL) != 0)
		return -1;
	b = load_bind(LD_MILESTONE_ID);
	load_bind_int(&b, 1, cid);
	load_bind_int(&b, 2, imp_int(m, "number"));
	if (imp_run(im, &b, &mid) != 0)
		return -1;
	return seed_replace(im, LD_FIGURE_CLEAR, LD_FIGURE_ADD, mid,
	    json_object_get(m, "progress_history"), bind_figure);
}

/* Binds one reported activity of a commitment (LD_ACTIVITY_ADD). */
static int
bind_activity(struct imp *im, struct binder *b, json_t *a)
{
	(void)im;
	load_bind_text(b, 3, imp_str(a, "date"));
	load_bind_text(b, 4, imp_str(a, "end"));
	load_bind_text(b, 5, imp_str(a, "title_pt"));
	load_bind_text(b, 6, imp_str(a, "title_pt_kind"));
	load_bind_text(b, 7, imp_str(a, "title_en"));
	load_bind_text(b, 8, imp_str(a, "source"));
	return 0;
}

/* The commitment's links: its sources, then the IRM's pages about it. */
static int
cmt_links(struct imp *im, json_t *c, long long cid)
{
	json_t *irm = json_object_get(c, "irm");
	int     pos = seed_sources(im, c, OWN_COMMITMENT, cid, 0);

	if (pos < 0 || !json_is_object(irm))
		return pos < 0 ? -1 : 0;
	if (seed_link(im, OWN_COMMITMENT, cid, "ogp_page", imp_str(irm, "data_page"), NULL, pos) !=
		0 ||
	    seed_link(im, OWN_COMMITMENT, cid, "irm_report", imp_str(irm, "report"),
		imp_str(irm, "report_title"), pos + 1) != 0)
		return -1;
	return seed_link(
	    im, OWN_COMMITMENT, cid, "irm_report", imp_str(irm, "results_report"), NULL, pos + 2);
}

/* Item callback for commitments[]. */
static int
load_commitment(struct imp *im, json_t *c, size_t idx, void *arg)
{
	long long cid = 0;

	(void)idx, (void)arg;
	if (cmt_row(im, c, &cid) != 0 || cmt_bodies(im, c, cid) != 0 || cmt_tags(im, c, cid) != 0 ||
	    imp_each(im, c, "milestones", load_milestone, &cid) != 0 ||
	    seed_replace(im, LD_ACTIVITY_CLEAR, LD_ACTIVITY_ADD, cid,
		json_object_get(c, "activities"), bind_activity) != 0)
		return -1;
	return cmt_links(im, c, cid);
}

int
seed_commitments(struct imp *im, json_t *root)
{
	return imp_each(im, root, "commitments", load_commitment, NULL);
}
