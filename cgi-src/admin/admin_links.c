/* The links page, for focal points and administrators: every outside address the latest
 * `aberta-admin links check` found broken or redirected, with the records that use it,
 * their public pages and their edit forms.  Nothing here writes. */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "view/page.h"

#define LINKS_ROWS	2000	/* most uses listed */

/* The broken and redirected addresses, one row per use: url, result, status, final url,
 * failure, detail, checked at, broken since, archived at, where it sits, the public
 * page, the record's name, its edit form.  Broken first, the longest broken first. */
static const char sql_links[] =
	"SELECT k.url, k.result, k.http_status, k.final_url, k.failure, k.error, "
	"k.checked_at, substr(k.broken_since, 1, 10), "
	"(SELECT substr(a.fetched_at, 1, 10) FROM link_archive a WHERE a.url = k.url), "
	"u.field, "
	"CASE u.owner WHEN 'plan' THEN '/pt/plans/' || p.number "
	"WHEN 'commitment' THEN '/pt/commitments/' || c.ogp_id "
	"WHEN 'milestone' THEN '/pt/commitments/' || mc.ogp_id "
	"WHEN 'entity' THEN '/pt/members/' || e.slug "
	"WHEN 'event' THEN '/pt/events/' || u.owner_id END, "
	"CASE u.owner WHEN 'plan' THEN 'Plano ' || p.number "
	"WHEN 'commitment' THEN 'Compromisso ' || c.ogp_id "
	"WHEN 'milestone' THEN 'Marco ' || m.position || ' de ' || mc.ogp_id "
	"WHEN 'entity' THEN 'Entidade ' || coalesce(e.acronym, e.name_pt, e.name_en, e.slug) "
	"WHEN 'event' THEN 'Evento: ' || coalesce(ev.title_pt, ev.title_en, '(sem título)') "
	"END, "
	"'/admin/' || CASE u.owner WHEN 'plan' THEN 'plans' WHEN 'commitment' THEN "
	"'commitments' WHEN 'milestone' THEN 'milestones' WHEN 'entity' THEN 'entities' "
	"ELSE 'events' END || '/' || u.owner_id "
	"FROM link_check k JOIN url_use u ON u.url = k.url "
	"LEFT JOIN action_plan p ON u.owner = 'plan' AND p.id = u.owner_id "
	"LEFT JOIN commitment c ON u.owner = 'commitment' AND c.id = u.owner_id "
	"LEFT JOIN milestone m ON u.owner = 'milestone' AND m.id = u.owner_id "
	"LEFT JOIN commitment mc ON mc.id = m.commitment_id "
	"LEFT JOIN entity e ON u.owner = 'entity' AND e.id = u.owner_id "
	"LEFT JOIN event ev ON u.owner = 'event' AND ev.id = u.owner_id "
	"WHERE k.result <> 'ok' "
	"ORDER BY k.result = 'redirect', k.broken_since, k.url, u.owner, u.owner_id";

/* The latest check and the counts by result. */
static const char sql_summary[] =
	"SELECT max(checked_at), count(*), total(result = 'broken'), "
	"total(result = 'redirect') FROM link_check";

/* A code and its Portuguese label. */
struct label {
	const char	*code;
	const char	*text;
};

/* Why an address is broken, for each link_check.failure. */
static const struct label failures[] = {
	{ "http", "O servidor respondeu com um erro" },
	{ "timeout", "Sem resposta a tempo" },
	{ "refused", "Ligação recusada pelo servidor" },
	{ "dns", "O nome do servidor não existe" },
	{ "tls", "Falhou a ligação segura (certificado ou TLS)" },
	{ "redirects", "Redirecionamentos a mais (um ciclo?)" },
	{ "scheme", "Endereço inválido ou que não é http(s)" },
	{ "network", "A ligação foi interrompida" },
	{ NULL, "Outro erro" },
};

/* Where an address sits in its record, for each url_use.field. */
static const struct label fields[] = {
	{ "document_url", "documento do plano" },
	{ "website", "sítio web" },
	{ "source_url", "fonte dos dados de membro" },
	{ "url", "página do evento" },
	{ "link:evidence", "evidência" },
	{ "link:document", "ligação: documento" },
	{ "link:irm_report", "ligação: relatório do IRM" },
	{ "link:ogp_page", "ligação: página na OGP" },
	{ NULL, "ligação: fonte" },
};

/* The label of code in t (ended by a NULL code, whose text is the default). */
static const char *
label(const struct label *t, const char *code)
{
	for (; t->code != NULL; t++)
		if (code != NULL && strcmp(code, t->code) == 0)
			break;
	return t->text;
}

/* Fills one address's row d from s (its first use). */
static void
address(tpl_dict *d, sqlite3_stmt *s)
{
	int	 broken = strcmp(db_text(s, 1), "broken") == 0;
	char	 st[32];

	tpl_set(d, "URL", db_text(s, 0));
	tpl_set(d, "RESULT", broken ? "Quebrada" : "Redirecionada");
	tpl_set(d, "CLASS", broken ? "broken" : "redirect");
	if (broken) {
		tpl_set(tpl_section(d, "BROKEN"), "WHY", label(failures, db_text(s, 4)));
		tpl_set(d, "SINCE", db_text(s, 7));
	} else
		tpl_set(tpl_section(d, "MOVED"), "FINAL", db_text(s, 3));
	if (sqlite3_column_type(s, 2) != SQLITE_NULL) {
		snprintf(st, sizeof st, "HTTP %d", sqlite3_column_int(s, 2));
		tpl_set(d, "STATUS", st);
	}
	if (db_text(s, 5) != NULL)
		tpl_set(tpl_section(d, "DETAIL"), "TEXT", db_text(s, 5));
	if (db_text(s, 8) != NULL)
		tpl_set(tpl_section(d, "ARCHIVED"), "AT", db_text(s, 8));
	else
		tpl_show(d, "NOT_ARCHIVED");
	tpl_set(d, "CHECKED", db_text(s, 6));
}

int
page_admin_links(struct ctx *c)
{
	tpl_dict	*b = page_admin_body(c, "admin_links.tpl", "Ligações"), *d = NULL, *h;
	sqlite3_stmt	*s;
	char		 last[2100] = "";
	int		 n = 0, rc;

	if (sqlite3_prepare_v2(c->rw, sql_summary, -1, &s, NULL) != SQLITE_OK)
		return db_failed_set(), 503;
	if (sqlite3_step(s) == SQLITE_ROW && db_text(s, 0) != NULL) {
		h = tpl_section(b, "CHECKED");
		tpl_set(h, "AT", db_text(s, 0));
		tpl_set_int(h, "N", sqlite3_column_int64(s, 1));
		tpl_set_int(h, "BROKEN", sqlite3_column_int64(s, 2));
		tpl_set_int(h, "REDIRECT", sqlite3_column_int64(s, 3));
	} else
		tpl_show(b, "NEVER");
	sqlite3_finalize(s);
	if (sqlite3_prepare_v2(c->rw, sql_links, -1, &s, NULL) != SQLITE_OK)
		return db_failed_set(), 503;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n++ < LINKS_ROWS) {
		if (d == NULL || strcmp(last, db_text(s, 0)) != 0) {
			d = tpl_section(b, "ADDR");
			address(d, s);
			snprintf(last, sizeof last, "%s", db_text(s, 0));
		}
		h = tpl_section(d, "USE");
		tpl_set(h, "WHAT", db_text(s, 11));
		tpl_set(h, "FIELD", label(fields, db_text(s, 9)));
		tpl_set(h, "PAGE", db_text(s, 10));
		tpl_set(h, "EDIT", db_text(s, 12));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_failed_set(), 503;
	if (d == NULL)
		tpl_show(b, "NONE");
	return 200;
}
