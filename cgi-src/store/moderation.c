#include "store/moderation.h"
#include "store/stmt.h"

static const char *const sqls[MD__MAX] = {
	/* MD_PUBLISHED */
	"SELECT s.id, s.kind, coalesce(s.title, substr(s.body, "
	"1, 80)), s.outcome, s.answer_pt IS NOT NULL OR s.answer_en IS NOT NULL FROM "
	"submission s WHERE s.status = 'published' ORDER BY s.id DESC LIMIT 200",
	/* MD_PANEL */
	"SELECT s.kind, s.status, s.author, s.organisation, "
	"s.title, s.problem, s.body, CASE WHEN s.consultation_id IS NOT NULL THEN "
	"'consulta ' || s.consultation_id || ' — ' || coalesce(k.title_pt, k.title_en, '') "
	"ELSE 'compromisso ' || c.ogp_id END, coalesce(s.confirmed_at, '—') FROM "
	"submission s LEFT JOIN consultation k ON k.id = s.consultation_id LEFT JOIN "
	"commitment c ON c.id = s.commitment_id WHERE s.id = ?1",
	/* MD_DECIDE */
	"UPDATE submission SET status = ?2, reason_pt = ?3, "
	"reason_en = ?4, moderated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
	"updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), version = version + 1 "
	"WHERE id = ?1 AND version = ?5 AND status = 'pending'",
};

STORE_TABLE(store_moderation, "moderation", STORE_RW, MD__MAX, sqls);

sqlite3_stmt *
moderation_stmt(enum moderation_stmt id)
{
	return store_stmt(&store_moderation, id);
}
