/* The links page, for focal points and administrators: every outside address the latest
 * `aberta-admin links check` found broken or redirected, with the records that use it,
 * their public pages and their edit forms.  Nothing here writes. */
#include <stdio.h>
#include <string.h>

#include "store/adminlist.h"
#include "store/db.h"
#include "store/links_report.h"
#include "store/sources.h"
#include "admin/admin.h"
#include "view/page.h"

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

/* Adds the address at row (AL_LINKS) with every record that uses it to the page arg. */
static void
link_row(void *arg, sqlite3_stmt *row)
{
	sqlite3_stmt *s = links_report_stmt(LR_USES);
	tpl_dict     *d = NULL, *h;
	char          edit[160];

	db_bind_text(s, 1, db_text(row, AL_KEY));
	while (db_step(s) == SQLITE_ROW) {
		if (d == NULL) {
			d = tpl_section(arg, "ADDR");
			address(d, s);
		}
		h = tpl_section(d, "USE");
		tpl_set(h, "WHAT", db_text(s, LRU_WHAT));
		tpl_set(h, "FIELD", label(fields, db_text(s, LRU_FIELD)));
		tpl_set(h, "PAGE", db_text(s, LRU_PAGE));
		sources_edit_href(db_text(s, LRU_EDIT), db_text(s, LRU_FIELD), db_text(s, LRU_URL),
		    edit, sizeof edit);
		tpl_set(h, "EDIT", edit);
	}
}

int
page_admin_links(struct ctx *c)
{
	tpl_dict         *b = page_admin_body(c, "admin_links.tpl", "Ligações"), *h;
	sqlite3_stmt     *s = links_report_stmt(LR_SUMMARY);
	struct admin_list a;
	int               n;

	if (db_step(s) == SQLITE_ROW && db_text(s, LRS_AT) != NULL) {
		h = tpl_section(b, "CHECKED");
		tpl_set(h, "AT", db_text(s, LRS_AT));
		tpl_set_int(h, "N", db_int64(s, LRS_COUNT));
		tpl_set_int(h, "BROKEN", db_int64(s, LRS_BROKEN));
		tpl_set_int(h, "REDIRECT", db_int64(s, LRS_REDIRECT));
	} else
		tpl_show(b, "NEVER");
	page_admin_list_read(c, b, &a, AL_LINKS, "/admin/links", "q");
	tpl_set(b, "Q", a.q.q);
	if (a.q.filter[ALF_RESULT] != NULL)
		tpl_show(
		    b, strcmp(a.q.filter[ALF_RESULT], "broken") == 0 ? "F_BROKEN" : "F_REDIRECT");
	if (a.bad > 0)
		return 400;
	if ((n = page_admin_list_run(c, b, &a, link_row, b)) < 0)
		return 503;
	page_admin_headcount(b, &a, " endereços");
	if (n == 0)
		tpl_show(b, adminlist_filtered(&a.q) ? "NONE_FOUND" : "NONE");
	return 200;
}
