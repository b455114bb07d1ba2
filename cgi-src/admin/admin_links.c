/* The links page, for focal points and administrators: every outside address the latest
 * `aberta-admin links check` found broken or redirected, with the records that use it,
 * their public pages and their edit forms.  Nothing here writes. */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/links_report.h"
#include "store/sources.h"
#include "admin/admin.h"
#include "view/page.h"

#define LINKS_ROWS 2000 /* most uses listed */

/* A code and its Portuguese label. */
struct label {
	const char *code;
	const char *text;
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
	int  broken = strcmp(db_text(s, LRU_RESULT), "broken") == 0;
	char st[32];

	tpl_set(d, "URL", db_text(s, LRU_URL));
	tpl_set(d, "RESULT", broken ? "Quebrada" : "Redirecionada");
	tpl_set(d, "CLASS", broken ? "broken" : "redirect");
	if (broken) {
		tpl_set(tpl_section(d, "BROKEN"), "WHY", label(failures, db_text(s, LRU_FAILURE)));
		tpl_set(d, "SINCE", db_text(s, LRU_SINCE));
	} else
		tpl_set(tpl_section(d, "MOVED"), "FINAL", db_text(s, LRU_FINAL));
	if (!db_null(s, LRU_STATUS)) {
		snprintf(st, sizeof st, "HTTP %d", db_int(s, LRU_STATUS));
		tpl_set(d, "STATUS", st);
	}
	if (db_text(s, LRU_DETAIL) != NULL)
		tpl_set(tpl_section(d, "DETAIL"), "TEXT", db_text(s, LRU_DETAIL));
	if (db_text(s, LRU_ARCHIVED) != NULL)
		tpl_set(tpl_section(d, "ARCHIVED"), "AT", db_text(s, LRU_ARCHIVED));
	else
		tpl_show(d, "NOT_ARCHIVED");
	tpl_set(d, "CHECKED", db_text(s, LRU_CHECKED));
}

int
page_admin_links(struct ctx *c)
{
	tpl_dict     *b = page_admin_body(c, "admin_links.tpl", "Ligações"), *d = NULL, *h;
	sqlite3_stmt *s = links_report_stmt(LR_SUMMARY);
	char          last[2100] = "", edit[160];
	int           n = 0;

	if (db_step(s) == SQLITE_ROW && db_text(s, LRS_AT) != NULL) {
		h = tpl_section(b, "CHECKED");
		tpl_set(h, "AT", db_text(s, LRS_AT));
		tpl_set_int(h, "N", db_int64(s, LRS_COUNT));
		tpl_set_int(h, "BROKEN", db_int64(s, LRS_BROKEN));
		tpl_set_int(h, "REDIRECT", db_int64(s, LRS_REDIRECT));
	} else
		tpl_show(b, "NEVER");
	s = links_report_stmt(LR_USES);
	while (db_step(s) == SQLITE_ROW && n++ < LINKS_ROWS) {
		if (d == NULL || strcmp(last, db_text(s, LRU_URL)) != 0) {
			d = tpl_section(b, "ADDR");
			address(d, s);
			snprintf(last, sizeof last, "%s", db_text(s, LRU_URL));
		}
		h = tpl_section(d, "USE");
		tpl_set(h, "WHAT", db_text(s, LRU_WHAT));
		tpl_set(h, "FIELD", label(fields, db_text(s, LRU_FIELD)));
		tpl_set(h, "PAGE", db_text(s, LRU_PAGE));
		sources_edit_href(db_text(s, LRU_EDIT), db_text(s, LRU_FIELD), db_text(s, LRU_URL),
		    edit, sizeof edit);
		tpl_set(h, "EDIT", edit);
	}
	if (d == NULL)
		tpl_show(b, "NONE");
	return 200;
}
