/* A stored document's page (/admin/uploads/<sha>): what it is (name, type, size, who
 * stored it and when), whether the public sees it, who cites it (live links, archived
 * copies, drafts), the file at /admin/uploads/<sha>/file, and the withdrawal: a focal
 * point or an administrator gives a reason, and in one transaction the document is
 * withdrawn and audited (store/uploadaccess.h); its public address then answers 410 and
 * the pages citing it say when it was withdrawn.  A member editor sees the page of a
 * document it may see (its own, its body's drafts', a public one), without the form. */
#include <stdio.h>
#include <string.h>

#include "http/answer.h"
#include "http/req.h"
#include "store/db.h"
#include "store/uploadaccess.h"
#include "admin/admin.h"
#include "view/page.h"

/* What the public address of sha answers, in words. */
static const char *
public_state(const char *sha)
{
	struct upload_row u;

	switch (upload_public(sha, &u)) {
	case UPS_PUBLIC:
		return "Público: um registo publicado cita-o.";
	case UPS_WITHDRAWN:
		return "Retirado: o endereço público responde 410 (já não disponível).";
	case UPS_MISSING:
		return "Não público: nenhum registo publicado o cita (o endereço público responde "
		       "404).";
	default:
		return "Não foi possível saber.";
	}
}

/* Adds who cites sha to b (CITE, or NO_CITE). */
static void
citations(tpl_dict *b, const char *sha)
{
	sqlite3_stmt *s = upload_admin_stmt(UPA_CITES);
	tpl_dict     *d;
	const char   *what, *text;
	char          buf[600], href[96];
	int           n = 0;

	db_bind_text(s, 1, sha);
	while (db_step(s) == SQLITE_ROW) {
		what = db_text(s, UPC_WHAT);
		text = db_text(s, UPC_TEXT) ? db_text(s, UPC_TEXT) : "sem título";
		d = tpl_section(b, "CITE");
		if (strcmp(what, "link") == 0) {
			snprintf(buf, sizeof buf, "Ligação «%s» de %s %lld", text,
			    db_text(s, UPC_KIND), db_int64(s, UPC_ID));
			snprintf(href, sizeof href, "/admin/%s/%lld/sources", db_text(s, UPC_KIND),
			    db_int64(s, UPC_ID));
			tpl_set(tpl_section(d, "HREF"), "URL", href);
		} else if (strcmp(what, "archive") == 0)
			snprintf(buf, sizeof buf, "Cópia arquivada de %s", text);
		else
			snprintf(buf, sizeof buf, "Proposta %lld de %s (%s)", db_int64(s, UPC_ID),
			    text, db_text(s, UPC_KIND));
		tpl_set(d, "TEXT", buf);
		n++;
	}
	if (n == 0)
		tpl_show(b, "NO_CITE");
}

/* Fills b with the facts of sha at s (UPF_ columns); form: 1 to offer the withdrawal.
 * Returns the form's section, or NULL when there is none. */
static tpl_dict *
facts(struct ctx *c, tpl_dict *b, sqlite3_stmt *s, const char *sha, int form)
{
	tpl_dict *w = NULL;

	tpl_set(b, "SHA", sha);
	tpl_set(b, "NAME", db_text(s, UPF_NAME));
	tpl_set(b, "MIME", db_text(s, UPF_MIME));
	tpl_set_int(b, "SIZE", db_int64(s, UPF_SIZE));
	tpl_set(b, "AT", db_text(s, UPF_AT));
	tpl_set(b, "BY", db_text(s, UPF_BY) ? db_text(s, UPF_BY) : "cópia arquivada ou importação");
	tpl_set(b, "STATE", public_state(sha));
	if (!db_null(s, UPF_WITHDRAWN_AT)) {
		w = tpl_section(b, "WITHDRAWN");
		tpl_set(w, "AT", db_text(s, UPF_WITHDRAWN_AT));
		tpl_set(w, "BY",
		    db_text(s, UPF_WITHDRAWN_BY) ? db_text(s, UPF_WITHDRAWN_BY)
						 : "aberta-admin (linha de comandos)");
		tpl_set(w, "WHY", db_text(s, UPF_WITHDRAWN_WHY));
		return NULL;
	}
	if (form) {
		w = tpl_section(b, "FORM");
		tpl_set(w, "CSRF", c->me->csrf);
	}
	return w;
}

/* The page of sha with status st; err: a message on the reason field (NULL: none);
 * why: the reason typed. */
static int
show(struct ctx *c, const char *sha, const char *err, const char *why, int st)
{
	sqlite3_stmt *s = upload_admin_stmt(UPA_FACTS);
	tpl_dict     *b, *f;

	db_bind_text(s, 1, sha);
	if (db_step(s) != SQLITE_ROW) {
		c->error = "ERR_NOT_FOUND";
		return db_failed() ? 503 : 404;
	}
	b = page_body(c, "admin_upload.tpl");
	page_title(c, "Documento %s", db_text(s, UPF_NAME));
	f = facts(c, b, s, sha, c->me->role != ROLE_MEMBER);
	citations(b, sha);
	if (err != NULL)
		tpl_set(tpl_section(b, "ERROR"), "TEXT", err);
	if (f != NULL && err != NULL)
		tpl_show(f, "ERR_WHY");
	if (f != NULL)
		tpl_set(f, "WHY", why ? why : "");
	return st;
}

/* The withdrawal the form sent. */
static int
withdraw(struct ctx *c, const char *sha)
{
	const char *why = req_form(c->req, "why");
	char        loc[128];
	int         rc;

	if (c->me->role == ROLE_MEMBER) {
		c->error = "ERR_FORBIDDEN";
		return 403;
	}
	if (!upload_why_ok(why) || req_form_count(c->req, "why") != 1)
		return show(c, sha,
		    "Diga porque retira o documento, numa só razão (de 1 a 500 carateres, sem "
		    "carateres de controlo). A razão fica no registo de auditoria.",
		    why, 400);
	rc = upload_withdraw(c->rw, sha, c->me->id, c->me->login, c->req->remote_addr, why);
	if (rc == 1)
		return show(
		    c, sha, "Este documento já tinha sido retirado; nada mudou.", NULL, 409);
	if (rc == 2) {
		c->error = "ERR_NOT_FOUND";
		return 404;
	}
	if (rc != 0)
		return db_failed_set(), 503;
	snprintf(loc, sizeof loc, "/admin/uploads/%s?withdrawn=1", sha);
	return page_redirect(c, loc);
}

int
page_admin_upload(struct ctx *c)
{
	const char *sha = c->arg[0];
	int         rc, st;

	/* Who may see it, before anything of it is read. */
	if ((rc = upload_staff_may(sha, c->me)) <= 0) {
		c->error = "ERR_FORBIDDEN";
		return rc < 0 ? (db_failed_set(), 503) : 403;
	}
	if (c->req->method == METHOD_POST)
		return withdraw(c, sha);
	st = show(c, sha, NULL, NULL, 200);
	if (st == 200 && req_param(c->req, "withdrawn") != NULL)
		page_flash(c,
		    "Documento retirado. O endereço público responde agora 410 e as "
		    "páginas que o citam dizem quando foi retirado; o ficheiro fica "
		    "guardado, e nas cópias de segurança.");
	return st;
}
