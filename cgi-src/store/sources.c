/* The sources and evidence of a record, added, corrected, removed and reordered (see
 * sources.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/valid.h"
#include "store/db.h"
#include "store/edit.h"
#include "store/editfields.h"
#include "store/sources.h"
#include "store/stmt.h"

static const char *const record_kinds[] = { "source", "document", "irm_report", "ogp_page", NULL };
static const char *const milestone_kinds[] = { "evidence", NULL };
static const char *const body_kinds[] = { "source", "document", NULL };

/* The owners, in the order of the owner index of S_LOAD. */
static const struct src_owner owners[] = {
	{ "plans", "plan_id", "plano", "Planos", record_kinds, 0 },
	{ "commitments", "commitment_id", "compromisso", "Compromissos", record_kinds, 0 },
	{ "milestones", "milestone_id", "marco", "Marcos", milestone_kinds, 1 },
	{ "entities", "entity_id", "entidade", "Entidades", body_kinds, 0 },
	{ "events", "event_id", "evento", "Eventos", body_kinds, 0 },
};
#define NOWNERS (sizeof owners / sizeof owners[0])

enum {
	S_LOAD,     /* link ?1: SLD_ columns */
	S_INSERT,   /* owner ?1..?5 (one set), kind ?6, url ?7, texts ?8 ?9, position ?10 */
	S_SET,      /* link ?1: kind ?2, url ?3, texts ?4 ?5 */
	S_DELETE,   /* link ?1 */
	S_POSITION, /* link ?1 to position ?2 */
	S__FIXED,
	/* then, for each owner, its OWNER_SQL statements */
};
/* The statements of each owner, from S__FIXED + owner index * O__MAX. */
enum {
	O_RECORD, /* record ?1: name, public page, commitment, plan */
	O_LIST,   /* its links in order (SRCL_ columns) */
	O_FIND,   /* its first link of kind ?2 to url ?3 */
	O_NEXT,   /* the position after its last link */
	O__MAX
};
/* The columns of S_LOAD. */
enum { SLD_ID, SLD_OWNER, SLD_OWNER_ID, SLD_KIND, SLD_URL, SLD_SHA, SLD_LABEL_PT, SLD_LABEL_EN };
/* The columns of O_RECORD. */
enum { SRR_NAME, SRR_PAGE, SRR_COMMITMENT, SRR_PLAN };

#define OWNER_SQL(col, record) \
	record, \
	    "SELECT l.id, l.kind, l.url, l.upload_sha, l.label_pt, l.label_en, l.position, " \
	    "k.result, k.http_status, k.final_url, k.error, k.checked_at, " \
	    "substr(k.broken_since, 1, 10), a.upload_sha, substr(a.fetched_at, 1, 10), u.name " \
	    "FROM link l LEFT JOIN link_check k ON k.url = l.url " \
	    "LEFT JOIN link_archive a ON a.url = l.url " \
	    "LEFT JOIN upload u ON u.sha256 = l.upload_sha WHERE l." col " = ?1 " \
	    "ORDER BY l.position, l.id", \
	    "SELECT min(id) FROM link WHERE " col " = ?1 AND kind = ?2 AND url = ?3", \
	    "SELECT coalesce(max(position) + 1, 0) FROM link WHERE " col " = ?1"

static const char *const sqls[S__FIXED + NOWNERS * O__MAX] = {
	/* S_LOAD */
	"SELECT id, CASE WHEN plan_id IS NOT NULL THEN 0 WHEN commitment_id IS NOT NULL "
	"THEN 1 WHEN milestone_id IS NOT NULL THEN 2 WHEN entity_id IS NOT NULL THEN 3 "
	"ELSE 4 END, coalesce(plan_id, commitment_id, milestone_id, entity_id, event_id), "
	"kind, url, upload_sha, label_pt, label_en FROM link WHERE id = ?1",
	/* S_INSERT */
	"INSERT INTO link (plan_id, commitment_id, milestone_id, entity_id, event_id, kind, "
	"url, label_pt, label_en, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	/* S_SET */
	"UPDATE link SET kind = ?2, url = ?3, label_pt = ?4, label_en = ?5 WHERE id = ?1",
	/* S_DELETE */
	"DELETE FROM link WHERE id = ?1",
	/* S_POSITION */
	"UPDATE link SET position = ?2 WHERE id = ?1",
	OWNER_SQL("plan_id",
	    "SELECT 'Plano ' || number, '/pt/plans/' || number, 0, id FROM action_plan "
	    "WHERE id = ?1"),
	OWNER_SQL("commitment_id",
	    "SELECT 'Compromisso ' || ogp_id, '/pt/commitments/' || ogp_id, id, plan_id "
	    "FROM commitment WHERE id = ?1"),
	OWNER_SQL("milestone_id",
	    "SELECT 'Marco ' || m.position || ' de ' || c.ogp_id, '/pt/commitments/' || "
	    "c.ogp_id, c.id, c.plan_id FROM milestone m JOIN commitment c ON c.id = "
	    "m.commitment_id WHERE m.id = ?1"),
	OWNER_SQL("entity_id",
	    "SELECT 'Entidade ' || coalesce(acronym, name_pt, name_en, slug), '/pt/members/' "
	    "|| slug, 0, 0 FROM entity WHERE id = ?1"),
	OWNER_SQL("event_id",
	    "SELECT 'Evento: ' || coalesce(title_pt, title_en, '(sem título)'), "
	    "'/pt/events/' || id, 0, 0 FROM event WHERE id = ?1"),
};

STORE_TABLE(store_sources, "sources", STORE_RW, S__FIXED + NOWNERS * O__MAX, sqls);

/* Statement which of owner kind o. */
static sqlite3_stmt *
ostmt(const struct src_owner *o, int which)
{
	return store_stmt(&store_sources, S__FIXED + (int)(o - owners) * O__MAX + which);
}

const struct src_owner *
sources_owner(const char *slug)
{
	size_t i;

	for (i = 0; slug != NULL && i < NOWNERS; i++)
		if (strcmp(owners[i].slug, slug) == 0)
			return &owners[i];
	return NULL;
}

int
sources_kind_ok(const struct src_owner *o, const char *kind)
{
	const char *const *k;

	for (k = o->kinds; kind != NULL && *k != NULL; k++)
		if (strcmp(*k, kind) == 0)
			return 1;
	return 0;
}

int
sources_record(const struct src_owner *o, long long id, struct src_record *r)
{
	sqlite3_stmt *s = ostmt(o, O_RECORD);
	int           rc;

	memset(r, 0, sizeof *r);
	r->o = o;
	r->id = id;
	db_bind_int64(s, 1, id);
	if ((rc = db_row(s)) == 1) {
		snprintf(r->name, sizeof r->name, "%s", db_text(s, SRR_NAME));
		snprintf(r->page, sizeof r->page, "%s",
		    db_text(s, SRR_PAGE) ? db_text(s, SRR_PAGE) : "");
		r->commitment_id = db_int64(s, SRR_COMMITMENT);
		r->plan_id = db_int64(s, SRR_PLAN);
	}
	db_reset(s);
	return rc;
}

sqlite3_stmt *
sources_list(const struct src_record *r)
{
	sqlite3_stmt *s = ostmt(r->o, O_LIST);

	db_bind_int64(s, 1, r->id);
	return s;
}

/* The ids and positions of r's links in their order.  Returns how many, or -1. */
static int
read_order(const struct src_record *r, long long ids[SRC_LINKS_MAX], long long pos[SRC_LINKS_MAX])
{
	sqlite3_stmt *s = sources_list(r);
	int           n = 0;

	while (db_step(s) == SQLITE_ROW) {
		if (n == SRC_LINKS_MAX) {
			n = -1;
			break;
		}
		ids[n] = db_int64(s, SRCL_ID);
		pos[n++] = db_int64(s, SRCL_POSITION);
	}
	db_reset(s);
	return db_failed() ? -1 : n;
}

int
sources_order_text(const long long *ids, int n, char *out, size_t outlen)
{
	size_t used = 0;
	int    i, k;

	if (outlen == 0)
		return -1;
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		k = snprintf(out + used, outlen - used, "%s%lld", i ? "," : "", ids[i]);
		if (k < 0 || (size_t)k >= outlen - used)
			return -1;
		used += (size_t)k;
	}
	return 0;
}

int
sources_order(const struct src_record *r, char *out, size_t outlen)
{
	long long ids[SRC_LINKS_MAX], pos[SRC_LINKS_MAX];
	int       n = read_order(r, ids, pos);

	return n < 0 || sources_order_text(ids, n, out, outlen) != 0 ? -1 : n;
}

/* A copy of column i of s, or NULL when it is NULL or empty; *oom set when out of
 * memory. */
static char *
col_dup(sqlite3_stmt *s, int i, int *oom)
{
	const char *t = db_text(s, i);
	char       *p;

	if (t == NULL || *t == '\0')
		return NULL;
	if ((p = strdup(t)) == NULL)
		*oom = 1;
	return p;
}

int
sources_load(long long id, struct src_link *l)
{
	sqlite3_stmt *s = store_stmt(&store_sources, S_LOAD);
	int           rc, oom = 0, own;

	memset(l, 0, sizeof *l);
	db_bind_int64(s, 1, id);
	if ((rc = db_row(s)) == 1) {
		l->id = db_int64(s, SLD_ID);
		own = db_int(s, SLD_OWNER);
		l->o = own >= 0 && (size_t)own < NOWNERS ? &owners[own] : NULL;
		l->owner_id = db_int64(s, SLD_OWNER_ID);
		l->kind = col_dup(s, SLD_KIND, &oom);
		l->url = col_dup(s, SLD_URL, &oom);
		l->sha = col_dup(s, SLD_SHA, &oom);
		l->label_pt = col_dup(s, SLD_LABEL_PT, &oom);
		l->label_en = col_dup(s, SLD_LABEL_EN, &oom);
	}
	db_reset(s);
	if (rc == 1 && (oom || l->o == NULL || l->kind == NULL)) {
		sources_link_free(l);
		return -1;
	}
	return rc;
}

void
sources_link_free(struct src_link *l)
{
	free(l->kind);
	free(l->url);
	free(l->sha);
	free(l->label_pt);
	free(l->label_en);
	memset(l, 0, sizeof *l);
}

/* t, or NULL when t is NULL or empty. */
static const char *
opt(const char *t)
{
	return t != NULL && *t != '\0' ? t : NULL;
}

/* 1 when two optional texts differ (NULL and "" are the same). */
static int
differ(const char *a, const char *b)
{
	return edit_differ(opt(a), opt(b));
}

/* 1 when stored link l holds the values was. */
static int
holds(const struct src_link *l, const struct src_values *was)
{
	return !differ(l->kind, was->kind) && !differ(l->url, was->url) &&
	    !differ(l->label_pt, was->label_pt) && !differ(l->label_en, was->label_en);
}

/* One change's revision rows: the change id they share, who, and the History of the
 * commitment and plan they go to. */
struct rev {
	sqlite3                *rw;
	long long               change_id;
	const struct src_actor *a;
	long long               commitment_id;
	long long               plan_id;
};

/* Appends one revision row of link id.  Returns 0 or -1. */
static int
rev_row(struct rev *v, long long id, const char *op, const char *field, const char *before,
    const char *after)
{
	return edit_revision_of(v->rw, &v->change_id, v->a->staff_id, v->a->name, "link", id,
	    v->commitment_id, v->plan_id, op, field, opt(before), opt(after));
}

/* The revision rows of link l created (created 1: each value as after) or removed (0:
 * each value as before), after the row of the operation.  Returns 0 or -1. */
static int
rev_whole(struct rev *v, const struct src_link *l, int created)
{
	const char *const cols[] = { "kind", "url", "upload_sha", "label_pt", "label_en" };
	const char *const vals[] = { l->kind, l->url, l->sha, l->label_pt, l->label_en };
	const char       *op = created ? "create" : "delete";
	size_t            i;

	if (rev_row(v, l->id, op, NULL, NULL, NULL) != 0)
		return -1;
	for (i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (vals[i] != NULL &&
		    rev_row(v, l->id, op, cols[i], created ? NULL : vals[i],
			created ? vals[i] : NULL) != 0)
			return -1;
	return 0;
}

/* Sets link id's kind, url and texts.  Returns 0 or -1. */
static int
set_link(long long id, const char *kind, const char *url, const char *pt, const char *en)
{
	sqlite3_stmt *s = store_stmt(&store_sources, S_SET);

	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, kind);
	db_bind_text(s, 3, opt(url));
	db_bind_text(s, 4, opt(pt));
	db_bind_text(s, 5, opt(en));
	return store_run(s) == 0 && db_changes(s) == 1 ? 0 : -1;
}

/* Inserts the link v of r at the end of its links; its id goes to *id.  Returns 0 or
 * -1. */
static int
insert_url(sqlite3 *rw, const struct src_record *r, const struct src_values *v, long long *id)
{
	sqlite3_stmt *s = ostmt(r->o, O_NEXT);
	long long     next;

	db_bind_int64(s, 1, r->id);
	if (db_row(s) != 1) {
		db_reset(s);
		return -1;
	}
	next = db_int64(s, 0);
	db_reset(s);
	s = store_stmt(&store_sources, S_INSERT);
	db_bind_int64(s, 1 + (int)(r->o - owners), r->id);
	db_bind_text(s, 6, v->kind);
	db_bind_text(s, 7, opt(v->url));
	db_bind_text(s, 8, opt(v->label_pt));
	db_bind_text(s, 9, opt(v->label_en));
	db_bind_int64(s, 10, next);
	if (store_run(s) != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(rw);
	return 0;
}

/* Adds the uploaded document sha to milestone r as the milestone form does, then gives
 * it the texts of v that are not empty.  Returns 0 or -1. */
static int
insert_upload(sqlite3 *rw, const struct src_record *r, const struct src_values *v, const char *sha,
    long long *id)
{
	struct src_link l;
	int             rc;

	if (edit_add_evidence(rw, r->id, NULL, sha, NULL, NULL) != 0) /* rows: rev_whole */
		return -1;
	*id = sqlite3_last_insert_rowid(rw);
	if (opt(v->label_pt) == NULL && opt(v->label_en) == NULL)
		return 0;
	if (sources_load(*id, &l) != 1)
		return -1;
	rc = set_link(*id, l.kind, NULL, opt(v->label_pt) ? v->label_pt : l.label_pt,
	    opt(v->label_en) ? v->label_en : l.label_en);
	sources_link_free(&l);
	return rc;
}

/* Ends the transaction of a change: commits when rc is 0, else rolls back.  Returns rc,
 * or -1 when the commit failed. */
static int
finish(sqlite3 *rw, int rc)
{
	if (rc == 0 && store_commit(rw) == 0)
		return 0;
	db_fault(rw); /* why it failed (a full disk...), before ROLLBACK forgets it */
	store_rollback(rw);
	return rc == 0 ? -1 : rc;
}

int
sources_add(sqlite3 *rw, const struct src_record *r, const struct src_values *v, const char *sha,
    const struct src_actor *a, long long *id)
{
	struct rev      rv = { rw, 0, a, r->commitment_id, r->plan_id };
	struct src_link l;
	int             rc;

	*id = 0;
	if (store_begin(rw) != 0)
		return -1;
	if (opt(v->url) == NULL && (!r->o->uploads || opt(sha) == NULL))
		rc = -1;
	else
		rc = opt(v->url) != NULL ? insert_url(rw, r, v, id)
					 : insert_upload(rw, r, v, sha, id);
	if (rc == 0 && (rc = sources_load(*id, &l) == 1 ? 0 : -1) == 0) {
		rc = rev_whole(&rv, &l, 1);
		sources_link_free(&l);
	}
	if ((rc = finish(rw, rc)) != 0)
		*id = 0;
	return rc;
}

/* Loads link id inside a change's transaction and checks that it holds was; fills the
 * revision context with its owner's commitment and plan.  Returns 0, 1 when it changed
 * or is gone, -1 on error. */
static int
load_held(long long id, const struct src_values *was, struct src_link *l, struct rev *v)
{
	struct src_record r;
	int               rc = sources_load(id, l);

	if (rc <= 0)
		return rc == 0 ? 1 : -1;
	if (!holds(l, was))
		return 1;
	if (sources_record(l->o, l->owner_id, &r) != 1)
		return -1;
	v->commitment_id = r.commitment_id;
	v->plan_id = r.plan_id;
	return 0;
}

int
sources_correct(sqlite3 *rw, long long id, const struct src_values *was, const struct src_values *v,
    const struct src_actor *a)
{
	struct rev        rv = { rw, 0, a, 0, 0 };
	struct src_link   l;
	const char *const cols[] = { "kind", "url", "label_pt", "label_en" };
	const char       *olds[4], *news[4];
	size_t            i;
	int               rc;

	if (store_begin(rw) != 0)
		return -1;
	if ((rc = load_held(id, was, &l, &rv)) != 0) {
		sources_link_free(&l);
		return finish(rw, rc);
	}
	olds[0] = l.kind, olds[1] = l.url, olds[2] = l.label_pt, olds[3] = l.label_en;
	news[0] = v->kind, news[1] = l.sha ? NULL : v->url, news[2] = v->label_pt;
	news[3] = v->label_en;
	rc = set_link(id, news[0], news[1], news[2], news[3]);
	for (i = 0; rc == 0 && i < 4; i++)
		if (differ(olds[i], news[i]))
			rc = rev_row(&rv, id, "update", cols[i], olds[i], news[i]);
	sources_link_free(&l);
	return finish(rw, rc);
}

int
sources_remove(sqlite3 *rw, long long id, const struct src_values *was, const struct src_actor *a)
{
	struct rev      rv = { rw, 0, a, 0, 0 };
	struct src_link l;
	sqlite3_stmt   *s;
	int             rc;

	if (store_begin(rw) != 0)
		return -1;
	if ((rc = load_held(id, was, &l, &rv)) == 0) {
		s = store_stmt(&store_sources, S_DELETE);
		db_bind_int64(s, 1, id);
		rc = store_run(s) == 0 && db_changes(s) == 1 ? rev_whole(&rv, &l, 0) : -1;
	}
	sources_link_free(&l);
	return finish(rw, rc);
}

/* Gives the links ids[0..n) (in their new order) the positions slots[0..n) (the old
 * positions, ascending; renumbered from 0 when two are the same), each change with its
 * revision row.  old[i] is the position ids[i] had.  Returns 0 or -1. */
static int
renumber(struct rev *v, const long long *ids, const long long *old, long long *slots, int n)
{
	sqlite3_stmt *s;
	char          b[24], a[24];
	int           i, tie = 0;

	for (i = 1; i < n; i++)
		tie |= slots[i] == slots[i - 1];
	for (i = 0; i < n; i++) {
		if (tie)
			slots[i] = i;
		if (old[i] == slots[i])
			continue;
		s = store_stmt(&store_sources, S_POSITION);
		db_bind_int64(s, 1, ids[i]);
		db_bind_int64(s, 2, slots[i]);
		snprintf(b, sizeof b, "%lld", old[i]);
		snprintf(a, sizeof a, "%lld", slots[i]);
		if (store_run(s) != 0 || rev_row(v, ids[i], "update", "position", b, a) != 0)
			return -1;
	}
	return 0;
}

int
sources_move(sqlite3 *rw, const struct src_record *r, long long id, int up, const char *seen,
    const struct src_actor *a)
{
	struct rev rv = { rw, 0, a, r->commitment_id, r->plan_id };
	long long  ids[SRC_LINKS_MAX], pos[SRC_LINKS_MAX], old[SRC_LINKS_MAX], t;
	char       now[SRC_LINKS_MAX * 21];
	int        n, i, j, rc;

	if (store_begin(rw) != 0)
		return -1;
	if ((n = read_order(r, ids, pos)) < 0 || sources_order_text(ids, n, now, sizeof now) != 0)
		return finish(rw, -1);
	if (seen == NULL || strcmp(now, seen) != 0)
		return finish(rw, 1);
	for (i = 0; i < n && ids[i] != id; i++)
		;
	j = up ? i - 1 : i + 1;
	if (i == n || j < 0 || j >= n)
		return finish(rw, 2);
	memcpy(old, pos, sizeof pos[0] * (size_t)n);
	t = ids[i], ids[i] = ids[j], ids[j] = t;
	t = old[i], old[i] = old[j], old[j] = t;
	rc = renumber(&rv, ids, old, pos, n);
	return finish(rw, rc);
}

/* Reads the kind and id of a record's form "/admin/<slug>/<id>" into slug and *id.
 * Returns 0, or -1 when form is not one. */
static int
form_of(const char *form, char *slug, size_t slen, long long *id)
{
	const char *p, *e;

	if (form == NULL || strncmp(form, "/admin/", 7) != 0)
		return -1;
	p = form + 7;
	if ((e = strchr(p, '/')) == NULL || e == p || (size_t)(e - p) >= slen)
		return -1;
	memcpy(slug, p, (size_t)(e - p));
	slug[e - p] = '\0';
	return valid_int(e + 1, 1, 1LL << 53, id);
}

void
sources_edit_href(const char *form, const char *field, const char *url, char *out, size_t outlen)
{
	const struct src_owner *o;
	const struct kind      *k;
	sqlite3_stmt           *s;
	char                    slug[32];
	long long               id = 0, link = 0;

	snprintf(out, outlen, "%s", form != NULL ? form : "/admin/");
	if (field == NULL || form_of(form, slug, sizeof slug, &id) != 0)
		return;
	if (strncmp(field, "link:", 5) != 0) {
		if ((k = edit_kind(slug)) != NULL && edit_field(k, field) >= 0)
			snprintf(out, outlen, "%s#f-%s", form, field);
		return;
	}
	if ((o = sources_owner(slug)) == NULL)
		return;
	s = ostmt(o, O_FIND);
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, field + 5);
	db_bind_text(s, 3, url);
	if (db_step(s) == SQLITE_ROW)
		link = db_int64(s, 0);
	db_reset(s);
	if (link > 0)
		snprintf(out, outlen, "/admin/sources/%lld#url", link);
	else
		snprintf(out, outlen, "%s/sources", form);
}
