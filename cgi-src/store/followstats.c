#include "store/followstats.h"
#include "store/stmt.h"

/* clang-format off */
/* The followed thing of subscription s (its rows joined by FS_JOINS): its name in
 * Portuguese and its public page, NULL when the record is gone. */
#define FS_JOINS \
	"LEFT JOIN action_plan p ON s.kind = 'plan' AND p.id = s.target_id " \
	"LEFT JOIN commitment c ON s.kind = 'commitment' AND c.id = s.target_id " \
	"LEFT JOIN entity e ON s.kind = 'entity' AND e.id = s.target_id "
#define FS_NAME \
	"CASE s.kind WHEN 'site' THEN 'Todo o sítio' " \
	"WHEN 'plan' THEN 'Plano ' || p.number || coalesce(': ' || p.title_pt, '') " \
	"WHEN 'commitment' THEN c.ogp_id || coalesce(' — ' || c.title_pt, '') " \
	"WHEN 'entity' THEN coalesce(e.name_pt, e.name_en, e.slug) || " \
	"coalesce(' (' || e.acronym || ')', '') END"
#define FS_PATH \
	"CASE s.kind WHEN 'site' THEN '/pt/' WHEN 'plan' THEN '/pt/plans/' || p.number " \
	"WHEN 'commitment' THEN '/pt/commitments/' || c.ogp_id " \
	"WHEN 'entity' THEN '/pt/members/' || e.slug END"
/* The words of a language x (the kinds, frequencies and states are named by their
 * domains, lib/domains.h, where the pages read them). */
#define FS_LANG_PT(x) "CASE " x " WHEN 'en' THEN 'inglês' ELSE 'português' END"
/* The order of the kinds x: the site, plans, commitments, bodies. */
#define FS_KIND_ORDER(x) \
	"CASE " x " WHEN 'site' THEN 0 WHEN 'plan' THEN 1 WHEN 'commitment' THEN 2 ELSE 3 END"
/* Unix seconds x as ISO 8601 UTC. */
#define FS_ISO(x) "strftime('%Y-%m-%dT%H:%M:%SZ', " x ", 'unixepoch')"

static const char *const sqls[FS__MAX] = {
	/* FS_TOTALS */
	"SELECT (SELECT count(*) FROM follower), "
	"(SELECT count(*) FROM follower WHERE disabled_at IS NOT NULL), "
	"(SELECT count(*) FROM follower WHERE disabled_at IS NULL AND failures > 0), "
	"(SELECT count(*) FROM subscription WHERE status = 'active'), "
	"(SELECT count(*) FROM subscription WHERE status = 'unconfirmed'), "
	"d.n, d.items, w.n, w.items, "
	"(SELECT count(*) FROM outbox WHERE follower_id IS NOT NULL), "
	"(SELECT count(*) FROM outbox WHERE follower_id IS NOT NULL AND attempts > 0), "
	"(SELECT " FS_ISO("min(created_at)") " FROM outbox WHERE follower_id IS NOT NULL) "
	"FROM (SELECT count(*) n, coalesce(sum(items), 0) items FROM follow_sent "
	"WHERE at > ?1 - 86400) d, "
	"(SELECT count(*) n, coalesce(sum(items), 0) items FROM follow_sent "
	"WHERE at > ?1 - 7 * 86400) w",
	/* FS_FREQ */
	"SELECT v.column1, coalesce(sum(s.status = 'active'), 0), "
	"coalesce(sum(s.status = 'unconfirmed'), 0), "
	"coalesce(sum(s.status = 'active' AND f.disabled_at IS NOT NULL), 0) "
	"FROM (VALUES ('immediate', 1), ('daily', 2), ('weekly', 3)) v "
	"LEFT JOIN subscription s ON s.frequency = v.column1 "
	"LEFT JOIN follower f ON f.id = s.follower_id "
	"GROUP BY v.column1 ORDER BY v.column2",
	/* FS_THINGS: grouped first (one pass over the subscriptions), then the rows kept
	 * named */
	"SELECT s.kind, s.target_id, " FS_NAME ", " FS_PATH ", "
	"s.a, s.u, s.i, s.d, s.w, s.x, s.n "
	"FROM (SELECT t.kind, t.target_id, sum(t.status = 'active') a, "
	"sum(t.status = 'unconfirmed') u, "
	"sum(t.status = 'active' AND t.frequency = 'immediate') i, "
	"sum(t.status = 'active' AND t.frequency = 'daily') d, "
	"sum(t.status = 'active' AND t.frequency = 'weekly') w, "
	"sum(t.status = 'active' AND f.disabled_at IS NOT NULL) x, count(*) OVER () n "
	"FROM subscription t JOIN follower f ON f.id = t.follower_id "
	"GROUP BY t.kind, t.target_id "
	"ORDER BY a DESC, u DESC, " FS_KIND_ORDER("t.kind") ", t.target_id LIMIT ?1) s "
	FS_JOINS
	"ORDER BY s.a DESC, s.u DESC, " FS_KIND_ORDER("s.kind") ", s.target_id",
	/* FS_FOLLOWER */
	"SELECT f.id, f.created_at, f.failures, f.disabled_at, f.disabled_why, "
	"(SELECT count(*) FROM outbox o WHERE o.follower_id = f.id) "
	"FROM follower f WHERE f.email = ?1",
	/* FS_SUBS */
	"SELECT s.kind, " FS_NAME ", " FS_PATH ", " FS_LANG_PT("s.lang") ", s.frequency, "
	"s.status, s.created_at, "
	"s.confirmed_at, " FS_ISO("s.sent_at") " "
	"FROM subscription s " FS_JOINS "WHERE s.follower_id = ?1 ORDER BY s.id",
};
/* clang-format on */

STORE_TABLE(store_followstats, "followstats", STORE_RW, FS__MAX, sqls);

sqlite3_stmt *
followstats_stmt(enum followstats_stmt id)
{
	return store_stmt(&store_followstats, id);
}
