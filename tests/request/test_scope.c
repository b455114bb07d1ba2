/* What a member editor reaches and sees outside its body's commitments (issue 16,
 * finding 4).  The dashboard shows it nothing of another body's commitment: not its
 * figures, not the drafts waiting for review, not a draft it wrote for a body it no
 * longer belongs to.  Every admin route that takes a record's id (or an upload's digest),
 * walked from the route table itself so that no new route escapes, answers a member
 * editor the same status and the same page for an existing record outside its reach as
 * for one that does not exist: the permission is checked before the record is read.
 * Administrators and focal points still get 404 for a missing record.  The real binary
 * in CGI mode, on a test database with the real content.  TAP output through Check. */
#include <stdlib.h>
#include <string.h>

#include "../lib/client.h"
#include "../lib/testlib.h"
#include "http/routes.h"
#include "store/editfields.h"

#define OUTSIDE "PT0970" /* led by body B alone */
#define INSIDE  "PT0971" /* led by body A */
#define MISSING "999998" /* no record of any kind has this id */
#define NO_SHA  "00000000000000000000000000000000000000000000000000000000000000ff"

static struct session admin, focal, member_a, member_b, mover;

/* An existing record outside body A's reach, by the literal segment before the id of a
 * route (a :slug's records are found by their kind instead): SQL giving one id, or a
 * digest.  A route whose id follows a segment not named here fails the walk, unless the
 * gate refuses member editors every page of it (there the id cannot matter). */
static const struct {
	const char *seg, *sql;
} outside[] = {
	{ "commitments", "SELECT id FROM commitment WHERE ogp_id = '" OUTSIDE "'" },
	{ "sources",
	    "SELECT min(id) FROM link WHERE commitment_id = (SELECT id FROM commitment WHERE "
	    "ogp_id = '" OUTSIDE "')" },
	{ "reviews",
	    "SELECT min(id) FROM draft WHERE status = 'pending' AND staff_id = (SELECT id FROM "
	    "staff WHERE login = 'bea@b.example.pt')" },
	{ "users", "SELECT id FROM staff WHERE login = 'admin@example.org'" },
	{ "rounds", "SELECT min(id) FROM round" },
	{ "uploads", /* not yet public: the evidence of a draft of body B's */
	    "SELECT sha256 FROM upload WHERE name = 'b.pdf'" },
};

/* Writes into out an existing record of kind k outside body A's reach. */
static void
outside_kind(const struct kind *k, char *out, size_t outlen)
{
	char sql[256];

	if (strcmp(k->slug, "commitments") == 0)
		snprintf(sql, sizeof sql, "%s", outside[0].sql);
	else if (strcmp(k->slug, "milestones") == 0)
		snprintf(sql, sizeof sql,
		    "SELECT min(m.id) FROM milestone m JOIN commitment c ON c.id = "
		    "m.commitment_id WHERE c.ogp_id = '" OUTSIDE "'");
	else
		snprintf(sql, sizeof sql, "SELECT min(%s) FROM %s", k->key, k->table);
	sql_text(sql, NULL, 0, out, outlen);
	ck_assert_msg(out[0] != '\0', "no %s in the test database", k->slug);
}

/* Writes into out an existing record outside body A's reach for the id after segment
 * seg of route rt; returns 0, or -1 when the table does not say how to find one. */
static int
outside_seg(const struct route *rt, const char *seg, char *out, size_t outlen)
{
	size_t i;

	for (i = 0; i < sizeof outside / sizeof outside[0]; i++)
		if (strcmp(outside[i].seg, seg) == 0) {
			sql_text(outside[i].sql, NULL, 0, out, outlen);
			ck_assert_msg(
			    out[0] != '\0', "%s: no record in the test database", rt->pattern);
			return 0;
		}
	return -1;
}

/* Writes into out rt's pattern with kind slug for its first :slug, id for its :int or
 * :sha and "x" for any later :slug.  Fails the test on another typed segment. */
static void
expand(const struct route *rt, const char *slug, const char *id, char *out, size_t outlen)
{
	const char *p = rt->pattern;
	size_t      o = 0, n;
	int         slugs = 0;

	out[0] = '\0';
	while (*p == '/') {
		n = strcspn(p + 1, "/");
		if (n == 4 && strncmp(p + 1, ":int", 4) == 0)
			o += (size_t)snprintf(out + o, outlen - o, "/%s", id);
		else if (n == 4 && strncmp(p + 1, ":sha", 4) == 0)
			o += (size_t)snprintf(out + o, outlen - o, "/%s", id);
		else if (n == 5 && strncmp(p + 1, ":slug", 5) == 0)
			o += (size_t)snprintf(out + o, outlen - o, "/%s", slugs++ ? "x" : slug);
		else {
			ck_assert_msg(
			    p[1] != ':', "%s: a segment the walk does not know", rt->pattern);
			o += (size_t)snprintf(out + o, outlen - o, "/%.*s", (int)n, p + 1);
		}
		ck_assert_uint_lt(o, outlen);
		p += n + 1;
	}
}

/* The page of r with every copy of path taken out (NUL-free HTML), malloc'd. */
static char *
page_without(const struct res *r, const char *path)
{
	const char *b = r->body.p ? r->body.p : "", *q;
	char       *out = malloc(strlen(b) + 1), *o = out;
	size_t      n = strlen(path);

	ck_assert_ptr_nonnull(out);
	while ((q = strstr(b, path)) != NULL) {
		memcpy(o, b, (size_t)(q - b));
		o += q - b;
		b = q + n;
	}
	strcpy(o, b);
	return out;
}

/* Asks path by method as s. */
static void
ask(const struct session *s, const char *method, const char *path, struct res *r)
{
	if (strcmp(method, "POST") == 0)
		cgi_post_body(s, path, "version=1", r);
	else
		cgi_get(s, path, r);
}

/* Member editor A asks rt by method with kind slug: the existing record outside its
 * reach (have) and the missing one (none) must get the same refusal, page for page.
 * Returns 0, or 1 after saying on stderr how they differ. */
static int
same_answer(const struct route *rt, const char *method, const char *slug, const char *have,
    const char *none)
{
	char       p1[256], p2[256], *a, *b;
	struct res r1, r2;
	int        bad = 0;

	expand(rt, slug, have, p1, sizeof p1);
	expand(rt, slug, none, p2, sizeof p2);
	ask(&member_a, method, p1, &r1);
	ask(&member_a, method, p2, &r2);
	a = page_without(&r1, p1);
	b = page_without(&r2, p2);
	if (r1.status != r2.status)
		bad = fprintf(stderr, "# %s %s: %d, but %d for %s\n", method, p1, r1.status,
			  r2.status, p2) > 0;
	else if (r1.status != 403 && r1.status != 404)
		bad = fprintf(stderr, "# %s %s: %d\n", method, p1, r1.status) > 0;
	else if (strcmp(a, b) != 0)
		bad = fprintf(stderr, "# %s %s: its page differs from %s's\n", method, p1, p2) > 0;
	free(a);
	free(b);
	res_free(&r1);
	res_free(&r2);
	return bad;
}

/* An administrator and a focal point (where the route is a focal point's) asking rt
 * by GET with kind slug for the missing record get 404.  Returns 0, or 1 after saying
 * on stderr what they got. */
static int
missing_found(const struct route *rt, const char *slug, const char *none)
{
	const struct session *staff[] = { &admin, &focal };
	char                  path[256];
	struct res            r;
	int                   i, bad = 0;

	expand(rt, slug, none, path, sizeof path);
	for (i = 0; i < (rt->cap == CAP_USERS ? 1 : 2); i++) {
		cgi_get(staff[i], path, &r);
		if (r.status != 404)
			bad = fprintf(stderr, "# GET %s as %s: %d\n", path, i ? "focal" : "admin",
				  r.status) > 0;
		res_free(&r);
	}
	return bad;
}

/* The segment before the id in rt's pattern ("sources" in
 * /admin/sources/:int), into seg; returns 1 when the pattern has an id, else 0. */
static int
id_segment(const struct route *rt, char *seg, size_t seglen)
{
	const char *id = strstr(rt->pattern, "/:int"), *s;

	if (id == NULL)
		id = strstr(rt->pattern, "/:sha");
	if (id == NULL)
		return 0;
	for (s = id; s > rt->pattern && s[-1] != '/'; s--)
		;
	snprintf(seg, seglen, "%.*s", (int)(id - s), s);
	return 1;
}

START_TEST(every_id_route_same_for_missing_and_outside)
{
	const struct route *rt;
	const char         *none;
	char                seg[64], have[80];
	size_t              i, k, walked = 0;
	int                 m, bad = 0;
	static const char  *methods[] = { "GET", "POST" };
	static const int    bits[] = { METHOD_GET, METHOD_POST };

	for (i = 0; i < route_count(); i++) {
		rt = route_at(i);
		if (strncmp(rt->pattern, "/admin/", 7) != 0 || !id_segment(rt, seg, sizeof seg))
			continue;
		none = strstr(rt->pattern, ":sha") ? NO_SHA : MISSING;
		for (m = 0; m < 2; m++) {
			if (!(rt->methods & bits[m]))
				continue;
			if (strcmp(seg, ":slug") == 0) {
				for (k = 0; k < edit_kind_count(); k++) {
					outside_kind(edit_kind_at(k), have, sizeof have);
					bad += same_answer(
					    rt, methods[m], edit_kind_at(k)->slug, have, none);
					if (m == 0)
						bad +=
						    missing_found(rt, edit_kind_at(k)->slug, none);
					walked++;
				}
			} else if (outside_seg(rt, seg, have, sizeof have) == 0) {
				bad += same_answer(rt, methods[m], "x", have, none);
				if (m == 0)
					bad += missing_found(rt, "x", none);
				walked++;
			} else {
				ck_assert_msg(rt->cap > CAP_STAFF,
				    "%s: the walk does not know how to find a record there (add "
				    "its segment to outside[])",
				    rt->pattern);
				bad += same_answer(rt, methods[m], "x", "1", none);
				walked++;
			}
		}
	}
	ck_assert_msg(
	    bad == 0, "%d wrong answers of %zu routes and kinds (see above)", bad, walked);
	ck_assert_uint_ge(walked, 20);
}
END_TEST

/* A member editor still reaches its own body's commitment and milestone; an
 * administrator and a focal point every record, and a missing one is 404 for them. */
START_TEST(reach_kept)
{
	const struct session *staff[] = { &admin, &focal };
	char                  path[96], have[80];
	struct res            r;
	size_t                i, k;
	long long cid = sql_int("SELECT id FROM commitment WHERE ogp_id = ?1", INSIDE, 0, 0, -1);

	snprintf(path, sizeof path, "/admin/commitments/%lld", cid);
	cgi_get(&member_a, path, &r);
	ck_assert_int_eq(r.status, 200);
	res_free(&r);
	snprintf(path, sizeof path, "/admin/milestones/%lld",
	    sql_int("SELECT min(id) FROM milestone WHERE commitment_id = ?2", NULL, cid, 0, -1));
	cgi_get(&member_a, path, &r);
	ck_assert_int_eq(r.status, 200);
	res_free(&r);
	for (i = 0; i < 2; i++)
		for (k = 0; k < edit_kind_count(); k++) {
			outside_kind(edit_kind_at(k), have, sizeof have);
			snprintf(path, sizeof path, "/admin/%s/%s", edit_kind_at(k)->slug, have);
			cgi_get(staff[i], path, &r);
			ck_assert_msg(r.status == 200, "%s: %d", path, r.status);
			res_free(&r);
			snprintf(path, sizeof path, "/admin/%s/" MISSING, edit_kind_at(k)->slug);
			cgi_get(staff[i], path, &r);
			ck_assert_msg(r.status == 404, "%s: %d", path, r.status);
			res_free(&r);
		}
}
END_TEST

/* Member editor A's dashboard is the same page before and after body B's commitment
 * gets late, stale, one-language and unconfirmed milestones and B's editor a draft
 * waiting for review, which the administrator's dashboard shows. */
START_TEST(dashboard_hides_other_bodies)
{
	struct res r;
	char      *before, *after;

	cgi_get(&member_a, "/admin/", &r);
	ck_assert_int_eq(r.status, 200);
	before = strdup(r.body.p);
	res_free(&r);
	sql_do("INSERT INTO milestone (commitment_id, position, title_pt, planned_end, status, "
	       "progress) SELECT id, 9, 'Marco tardio de B', '2021-01', 'in_progress', 10 FROM "
	       "commitment WHERE ogp_id = '" OUTSIDE "';"
	       "UPDATE commitment SET self_confidence = 'inferred', title_en = NULL WHERE ogp_id "
	       "= '" OUTSIDE "';"
	       "INSERT INTO draft (staff_id, tbl, row_id, base_version, payload, created_at) "
	       "SELECT s.id, 'commitments', c.id, c.version, '{}', '2001-01-01T00:00:00Z' FROM "
	       "staff s, commitment c WHERE s.login = 'bea@b.example.pt' AND c.ogp_id = "
	       "'" OUTSIDE "'");
	cgi_get(&member_a, "/admin/", &r);
	ck_assert_int_eq(r.status, 200);
	after = strdup(r.body.p);
	res_free(&r);
	ck_assert_str_eq(before, after);
	ck_assert_ptr_null(strstr(after, "Bea de B"));
	cgi_get(&admin, "/admin/", &r);
	ck_assert_ptr_nonnull(strstr(r.body.p, "Bea de B"));
	res_free(&r);
	free(before);
	free(after);
}
END_TEST

/* An editor moved from body B to body A no longer sees on its dashboard the draft it
 * wrote for B's commitment (B's focal point still reviews it); a draft of A's
 * commitment, and of a new milestone of it, it does see. */
START_TEST(dashboard_mover_sees_own_body_only)
{
	struct res r;
	char       what[64];

	sql_do("INSERT INTO draft (staff_id, tbl, row_id, base_version, payload) SELECT s.id, "
	       "'commitments', c.id, c.version, '{}' FROM staff s, commitment c WHERE s.login = "
	       "'mo@b.example.pt' AND c.ogp_id = '" OUTSIDE "';"
	       "INSERT INTO draft (staff_id, tbl, row_id, base_version, payload) SELECT s.id, "
	       "'milestones', NULL, 0, json_object('commitment_id', CAST(c.id AS TEXT)) FROM "
	       "staff s, commitment c WHERE s.login = 'mo@b.example.pt' AND c.ogp_id = "
	       "'" INSIDE "';"
	       "INSERT INTO draft (staff_id, tbl, row_id, base_version, payload) SELECT s.id, "
	       "'commitments', c.id, c.version, '{}' FROM staff s, commitment c WHERE s.login = "
	       "'mo@b.example.pt' AND c.ogp_id = '" INSIDE "';"
	       "UPDATE staff SET entity_id = (SELECT id FROM entity WHERE slug = 'sc-a') WHERE "
	       "login = 'mo@b.example.pt'");
	cgi_get(&mover, "/admin/", &r);
	ck_assert_int_eq(r.status, 200);
	snprintf(what, sizeof what, "commitments %lld —",
	    sql_int("SELECT id FROM commitment WHERE ogp_id = ?1", OUTSIDE, 0, 0, -1));
	ck_assert_int_eq(res_count(&r, what), 0);
	snprintf(what, sizeof what, "commitments %lld —",
	    sql_int("SELECT id FROM commitment WHERE ogp_id = ?1", INSIDE, 0, 0, -1));
	ck_assert_int_eq(res_count(&r, what), 1);
	ck_assert_int_eq(res_count(&r, "milestones (novo)"), 1);
	res_free(&r);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { dashboard_hides_other_bodies,
		dashboard_mover_sees_own_body_only, every_id_route_same_for_missing_and_outside,
		reach_kept, NULL };

	if (cgi_setup("aberta-scope", NULL) != 0)
		return 1;
	if (sql_exec(
		"INSERT INTO action_plan (number, title_pt, published, published_confidence) "
		"VALUES (93, 'Plano do âmbito', '2020-01', 'confirmed');"
		"INSERT INTO entity (slug, name_pt, kind) VALUES ('sc-a', 'Corpo A', 'public'), "
		"('sc-b', 'Corpo B', 'public');"
		"INSERT INTO commitment (ogp_id, plan_id, title_pt, title_en, title_pt_confidence) "
		"SELECT v.column1, p.id, v.column2, v.column2, 'confirmed' FROM action_plan p, "
		"(VALUES ('" OUTSIDE "', 'Compromisso só de B'), ('" INSIDE "', 'Compromisso de "
		"A')) v WHERE p.number = 93;"
		"INSERT INTO commitment_entity (commitment_id, entity_id, role) SELECT c.id, e.id, "
		"'lead' FROM commitment c JOIN entity e ON e.slug = CASE c.ogp_id WHEN "
		"'" OUTSIDE "' THEN 'sc-b' ELSE 'sc-a' END WHERE c.ogp_id IN ('" OUTSIDE "', "
		"'" INSIDE "');"
		"INSERT INTO milestone (commitment_id, position, title_pt) SELECT id, 1, 'Marco' "
		"FROM commitment WHERE ogp_id IN ('" OUTSIDE "', '" INSIDE "');"
		"INSERT INTO link (commitment_id, kind, url) SELECT id, 'source', "
		"'https://example.org/b' FROM commitment WHERE ogp_id = '" OUTSIDE "';"
		"INSERT INTO round (name, deadline, opened_at) VALUES ('Ronda', '2030-01-01', "
		"'2026-01-01T00:00:00Z');"
		"INSERT INTO submission (kind, commitment_id, lang, author, email, body) SELECT "
		"'comment', id, 'pt', 'Cidadã', 'c@example.org', 'Um comentário' FROM commitment "
		"WHERE ogp_id = '" OUTSIDE "';") != 0 ||
	    staff_session("admin@example.org", "Ana Admin", "admin", NULL, &admin) != 0 ||
	    staff_session("ines@example.org", "Inês Focal", "focal", NULL, &focal) != 0 ||
	    staff_session("alda@a.example.pt", "Alda de A", "member", "sc-a", &member_a) != 0 ||
	    staff_session("bea@b.example.pt", "Bea de B", "member", "sc-b", &member_b) != 0 ||
	    staff_session("mo@b.example.pt", "Mo Movido", "member", "sc-b", &mover) != 0 ||
	    sql_exec(
		"INSERT INTO draft (staff_id, tbl, row_id, base_version, payload) SELECT "
		"s.id, 'commitments', c.id, c.version, '{}' FROM staff s, commitment c WHERE "
		"s.login = 'bea@b.example.pt' AND c.ogp_id = '" OUTSIDE "';"
		"INSERT INTO upload (sha256, size, mime, name, staff_id) SELECT "
		"printf('%064d', 7), 1, 'application/pdf', 'b.pdf', id FROM staff WHERE "
		"login = 'bea@b.example.pt';"
		"INSERT INTO draft (staff_id, tbl, row_id, base_version, payload) SELECT s.id, "
		"'milestones', m.id, m.version, json_object('evidence_upload', printf('%064d', 7)) "
		"FROM staff s, milestone m JOIN commitment c ON c.id = m.commitment_id WHERE "
		"s.login = 'bea@b.example.pt' AND c.ogp_id = '" OUTSIDE "'") != 0) {
		printf("Bail out! cannot make the accounts, the sessions or the records\n");
		return 1;
	}
	return cgi_tests_main(tests_suite("scope", 600, tests));
}
