#include "store/relations.h"
#include "store/stmt.h"

static const char *const sqls[RL__MAX] = {
	/* RL_LEADS */
	"SELECT group_concat(n, '; ') FROM (SELECT coalesce(e.acronym, "
	"e.name_pt, e.name_en) n FROM commitment_entity ce JOIN entity e ON e.id = "
	"ce.entity_id WHERE ce.commitment_id = ?1 AND ce.role = 'lead' ORDER BY ce.position)",
	/* RL_LEADS_CLEAR */
	"DELETE FROM commitment_entity WHERE commitment_id = ?1 AND role = 'lead'",
	/* RL_LEAD_ADD */
	"INSERT INTO commitment_entity (commitment_id, entity_id, role, position, confidence, "
	"role_pt, role_en) VALUES (?1, ?2, 'lead', ?3, coalesce(?4, 'confirmed'), ?5, ?6)",
	/* RL_SUPPORTS */
	"SELECT group_concat(n, '; ') FROM (SELECT coalesce(e.acronym, "
	"e.name_pt, e.name_en) n FROM commitment_entity ce JOIN entity e ON e.id = "
	"ce.entity_id WHERE ce.commitment_id = ?1 AND ce.role = 'support' ORDER BY "
	"ce.position)",
	/* RL_SUPPORTS_CLEAR */
	"DELETE FROM commitment_entity WHERE commitment_id = ?1 AND role = 'support'",
	/* RL_SUPPORT_ADD */
	"INSERT INTO commitment_entity (commitment_id, entity_id, role, position, confidence, "
	"role_pt, role_en) VALUES (?1, ?2, 'support', ?3, coalesce(?4, 'confirmed'), ?5, ?6)",
	/* RL_VALUES */
	"SELECT group_concat(value, '; ') FROM (SELECT value FROM "
	"commitment_value WHERE commitment_id = ?1 ORDER BY value)",
	/* RL_VALUES_CLEAR */
	"DELETE FROM commitment_value WHERE commitment_id = ?1",
	/* RL_VALUE_ADD */
	"INSERT INTO commitment_value (commitment_id, value) SELECT ?1, ?2 WHERE ?3 >= 0",
	/* RL_AREAS */
	"SELECT group_concat(n, '; ') FROM (SELECT coalesce(pa.name_pt, "
	"pa.name_en) n FROM commitment_policy_area c JOIN policy_area pa ON pa.id = "
	"c.policy_area_id WHERE c.commitment_id = ?1 ORDER BY n)",
	/* RL_AREAS_CLEAR */
	"DELETE FROM commitment_policy_area WHERE commitment_id = ?1",
	/* RL_AREA_ADD */
	"INSERT INTO commitment_policy_area (commitment_id, policy_area_id) SELECT ?1, ?2 "
	"WHERE ?3 >= 0",
	/* RL_LEAD_OPTIONS */
	"SELECT e.id, coalesce(e.name_pt, e.name_en, e.acronym) || "
	"coalesce(' (' || e.acronym || ')', ''), EXISTS (SELECT 1 FROM commitment_entity "
	"WHERE commitment_id = ?1 AND entity_id = e.id AND role = 'lead') FROM entity e "
	"ORDER BY 2",
	/* RL_SUPPORT_OPTIONS */
	"SELECT e.id, coalesce(e.name_pt, e.name_en, e.acronym) || "
	"coalesce(' (' || e.acronym || ')', ''), EXISTS (SELECT 1 FROM commitment_entity "
	"WHERE commitment_id = ?1 AND entity_id = e.id AND role = 'support') FROM entity e "
	"ORDER BY 2",
	/* RL_AREA_OPTIONS */
	"SELECT p.id, coalesce(p.name_pt, p.name_en), EXISTS (SELECT 1 "
	"FROM commitment_policy_area WHERE commitment_id = ?1 AND policy_area_id = p.id) "
	"FROM policy_area p ORDER BY 2",
	/* RL_OGP_ID */
	"SELECT ogp_id FROM commitment WHERE id = ?1",
	/* RL_PLAN_ID */
	"SELECT plan_id FROM commitment WHERE id = ?1",
	/* RL_CHANGE_ID */
	"SELECT coalesce(max(change_id), 0) + 1 FROM revision",
	/* RL_REVISION */
	"INSERT INTO revision (change_id, staff_id, actor, tbl, "
	"row_id, commitment_id, plan_id, op, field, before, after) VALUES (?1, ?2, ?3, "
	"'commitment', ?4, ?4, ?5, 'update', ?6, nullif(?7, ''), nullif(?8, ''))",
	/* RL_TOUCH */
	"UPDATE commitment SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
	"'now') WHERE id = ?1",
	/* RL_ROLES */
	"SELECT group_concat(n, '; ') FROM (SELECT coalesce(e.acronym, e.name_pt, e.name_en) || "
	"' (' || ce.role || ', ' || ce.confidence || coalesce(', ' || ce.role_pt, '') || "
	"coalesce(' / ' || ce.role_en, '') || ')' n FROM commitment_entity ce JOIN entity e ON "
	"e.id = ce.entity_id WHERE ce.commitment_id = ?1 ORDER BY ce.role, ce.position)",
	/* RL_ROLE_ROWS */
	"SELECT ce.entity_id, ce.role, coalesce(e.name_pt, e.name_en, e.acronym) || "
	"coalesce(' (' || e.acronym || ')', ''), ce.confidence, ce.role_pt, ce.role_en FROM "
	"commitment_entity ce JOIN entity e ON e.id = ce.entity_id WHERE ce.commitment_id = ?1 "
	"ORDER BY ce.role, ce.position",
	/* RL_PARTIES */
	"SELECT coalesce(e.name_pt, e.name_en, e.acronym) || coalesce(' (' || e.acronym || ')', "
	"''), p.relation, p.note_pt, p.note_en, p.source FROM commitment_party p JOIN entity e "
	"ON e.id = p.entity_id WHERE p.commitment_id = ?1 ORDER BY p.relation, p.position",
};

STORE_TABLE(store_relations, "relations", STORE_RW, RL__MAX, sqls);

sqlite3_stmt *
relations_stmt(enum relations_stmt id)
{
	return store_stmt(&store_relations, id);
}
