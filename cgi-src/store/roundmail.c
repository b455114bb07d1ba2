/* The emails of a reporting round (rounds.h): subject, plain text and a short HTML
 * version, in Portuguese.  Nothing in them tracks the reader: no image, no address that
 * names the recipient or the message; each link is the commitment's workspace as it is. */
#include <stdio.h>
#include <string.h>

#include "lib/progress.h"
#include "lib/domains.h"
#include "lib/tztime.h"
#include "lib/utf8.h"
#include "store/db.h"
#include "store/rounds.h"

#define WRAP 76 /* characters of a line of the plain text */

/* Appends s to b as lines of at most WRAP characters, the first after first, the others
 * after rest (their indents), words longer than a line whole; then a line end. */
static void
wrap(struct buf *b, const char *first, const char *rest, const char *s)
{
	size_t col = utf8_chars(first, strlen(first)), n, w;
	int    start = 1;

	buf_puts(b, first);
	for (;;) {
		s += strspn(s, " \n\r\t");
		if (*s == '\0')
			break;
		n = strcspn(s, " \n\r\t");
		w = utf8_chars(s, n);
		if (!start && col + 1 + w > WRAP) {
			buf_printf(b, "\n%s", rest);
			col = utf8_chars(rest, strlen(rest));
			start = 1;
		}
		if (!start) {
			buf_puts(b, " ");
			col++;
		}
		buf_put(b, s, n);
		col += w;
		start = 0;
		s += n;
	}
	buf_puts(b, "\n");
}

/* Appends s to b escaped for HTML text and attribute values. */
static void
html_put(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\'':
			buf_puts(b, "&#39;");
			break;
		default:
			buf_put(b, s, 1);
		}
}

/* What the list of a body's commitments holds, for the summary. */
struct tally {
	int commitments, milestones, overdue, stale;
};

/* Appends one milestone of the current RD_ITEMS row s (on today) to the text t and the
 * HTML h, counting it in n. */
static void
milestone_line(sqlite3_stmt *s, const char *today, struct buf *t, struct buf *h, struct tally *n)
{
	struct buf  facts = { 0 }, line = { 0 };
	const char *st = domain_label("ms_status", db_text(s, RDI_STATUS), 0), *as_of;
	char        d[48], first[16];
	int         overdue, stale;

	round_item_flags(s, today, &overdue, &stale);
	n->milestones++;
	n->overdue += overdue;
	n->stale += stale;
	if (st != NULL)
		buf_printf(&facts, "%s; ", st);
	if (db_null(s, RDI_PROGRESS))
		buf_puts(&facts, "progresso não registado");
	else
		buf_printf(&facts, "%d %%", db_int(s, RDI_PROGRESS));
	if (!db_null(s, RDI_PROGRESS) && (as_of = db_text(s, RDI_AS_OF)) != NULL) {
		tz_date_words(as_of, 0, d, sizeof d);
		buf_printf(&facts, ", em %s", d);
	}
	if (overdue) {
		tz_date_words(db_text(s, RDI_END), 0, d, sizeof d);
		buf_printf(&facts, "; em atraso (fim previsto: %s)", d);
	}
	if (stale)
		buf_puts(&facts, "; desatualizado");
	snprintf(first, sizeof first, "  %d. ", db_int(s, RDI_POSITION));
	buf_printf(&line, "%s", db_text(s, RDI_MTITLE) ? db_text(s, RDI_MTITLE) : "(sem título)");
	wrap(t, first, "     ", line.p);
	wrap(t, "     ", "     ", facts.p);
	buf_printf(h, "<li>%d. ", db_int(s, RDI_POSITION));
	html_put(h, line.p);
	buf_puts(h, "<br>\n");
	if (overdue || stale)
		buf_puts(h, "<strong>");
	html_put(h, facts.p);
	buf_puts(h, overdue || stale ? "</strong></li>\n" : "</li>\n");
	buf_free(&facts);
	buf_free(&line);
}

/* Appends the heading of the commitment of the current RD_ITEMS row s to t and h, with
 * the address of its workspace. */
static void
commitment_head(sqlite3_stmt *s, const char *base, struct buf *t, struct buf *h)
{
	struct buf  head = { 0 }, url = { 0 };
	const char *title = db_text(s, RDI_CTITLE);

	buf_printf(&head, "%s — %s (%s)", db_text(s, RDI_OGP_ID), title ? title : "(sem título)",
	    db_int(s, RDI_LEAD) ? "lidera" : "apoia");
	buf_printf(&url, "%s/admin/commitments/%lld", base, db_int64(s, RDI_CID));
	wrap(t, "", "", head.p);
	buf_printf(t, "%s\n", url.p);
	buf_puts(h, "<li><p><a href=\"");
	html_put(h, url.p);
	buf_puts(h, "\">");
	html_put(h, head.p);
	buf_puts(h, "</a></p>\n<ul>\n");
	buf_free(&head);
	buf_free(&url);
}

/* Appends the list of m's commitments and milestones to t and h, counting them in n.
 * Returns 0 or -1. */
static int
items(const struct round_msg *m, struct buf *t, struct buf *h, struct tally *n)
{
	sqlite3_stmt *s = round_stmt(RD_ITEMS);
	long long     cid = 0;

	db_bind_int64(s, 1, m->round_id);
	db_bind_int64(s, 2, m->entity_id);
	buf_puts(h, "<ul>\n");
	while (db_step(s) == SQLITE_ROW) {
		if (db_int64(s, RDI_CID) != cid) {
			if (cid != 0) {
				buf_puts(t, "\n");
				buf_puts(h, "</ul></li>\n");
			}
			cid = db_int64(s, RDI_CID);
			commitment_head(s, m->base, t, h);
			n->commitments++;
		}
		if (!db_null(s, RDI_MID))
			milestone_line(s, m->today, t, h, n);
		else {
			buf_puts(t, "  (sem marcos registados)\n");
			buf_puts(h, "<li>(sem marcos registados)</li>\n");
		}
	}
	db_reset(s);
	buf_puts(t, cid != 0 ? "\n" : "");
	buf_puts(h, cid != 0 ? "</ul></li>\n</ul>\n" : "</ul>\n");
	return db_failed() ? -1 : 0;
}

/* Writes into out how the deadline stands on today for a reminder. */
static void
deadline_phrase(char *out, size_t len, const struct round_msg *m, const char *date)
{
	long left = 0;

	round_days_left(m->today, m->deadline, &left);
	if (left > 1)
		snprintf(out, len, "o prazo termina a %s (faltam %ld dias)", date, left);
	else if (left == 1)
		snprintf(out, len, "o prazo termina amanhã, %s", date);
	else if (left == 0)
		snprintf(out, len, "o prazo termina hoje, %s", date);
	else
		snprintf(out, len, "o prazo terminou a %s", date);
}

/* Writes the subject and the opening paragraph of m (deadline date) into subj and p. */
static void
opening(const struct round_msg *m, const char *date, struct buf *subj, struct buf *p)
{
	char when[160];

	if (strcmp(m->kind, "open") == 0) {
		buf_printf(subj, "Ronda de reporte «%s»: atualização até %s", m->round_name, date);
		buf_printf(p,
		    "A Rede Nacional de Administração Aberta abriu a ronda de reporte «%s». "
		    "Pedimos à entidade %s que atualize, até %s, o estado e o progresso dos "
		    "seus compromissos e marcos listados abaixo, com a evidência de cada "
		    "alteração (a ligação para um documento ou página que a comprove).",
		    m->round_name, m->body_name, date);
		return;
	}
	deadline_phrase(when, sizeof when, m, date);
	buf_printf(subj, "Lembrete: ronda de reporte «%s», prazo %s", m->round_name, date);
	buf_printf(p,
	    "Lembrete da ronda de reporte «%s»: %s, e ainda não recebemos a atualização "
	    "da entidade %s. Pedimos que atualize o estado e o progresso dos compromissos e "
	    "marcos listados abaixo, com a evidência de cada alteração.",
	    m->round_name, when, m->body_name);
}

/* Writes the summary line of n into p. */
static void
summary(const struct tally *n, struct buf *p)
{
	buf_printf(p, "%d compromisso%s, %d marco%s: %d em atraso, %d desatualizado%s.",
	    n->commitments, n->commitments == 1 ? "" : "s", n->milestones,
	    n->milestones == 1 ? "" : "s", n->overdue, n->stale, n->stale == 1 ? "" : "s");
}

/* Appends paragraph p to the text t (wrapped, then a blank line) and to h. */
static void
para(struct buf *t, struct buf *h, const char *p)
{
	wrap(t, "", "", p);
	buf_puts(t, "\n");
	buf_puts(h, "<p>");
	html_put(h, p);
	buf_puts(h, "</p>\n");
}

int
round_mail_write(const struct round_msg *m, struct buf *subject, struct buf *text, struct buf *html)
{
	static const char *const after[] = {
		"Em atraso: o fim previsto já passou e o marco não está concluído. "
		"Desatualizado: o progresso não está registado, não tem data, ou é de há mais "
		"de " PROGRESS_STALE_DAYS_TEXT " dias.",
		"Cada ligação abre o espaço de trabalho do compromisso na área de administração "
		"do sítio (entre com a sua conta de editor). O que gravar fica à espera da "
		"revisão do ponto focal antes de ser publicado.",
	};
	struct buf   intro = { 0 }, sum = { 0 }, lt = { 0 }, lh = { 0 }, foot = { 0 };
	struct tally n = { 0 };
	char         date[48];
	size_t       i;
	int          rc;

	tz_date_words(m->deadline, 0, date, sizeof date);
	opening(m, date, subject, &intro);
	rc = items(m, &lt, &lh, &n);
	summary(&n, &sum);
	buf_printf(&foot,
	    "Recebe esta mensagem por ser editor(a) da entidade %s no sítio da Rede Nacional "
	    "de Administração Aberta: %s/admin/",
	    m->body_name, m->base);
	buf_puts(
	    html, "<!DOCTYPE html>\n<html lang=\"pt\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	html_put(html, subject->p);
	buf_puts(html, "</title>\n</head>\n<body>\n");
	para(text, html, "Olá,");
	para(text, html, intro.p);
	para(text, html, sum.p);
	buf_put(text, lt.p, lt.len);
	buf_put(html, lh.p, lh.len);
	for (i = 0; i < sizeof after / sizeof after[0]; i++)
		para(text, html, after[i]);
	buf_puts(text, "-- \nRede Nacional de Administração Aberta\n");
	wrap(text, "", "", foot.p);
	buf_puts(html, "<hr>\n<p>Rede Nacional de Administração Aberta<br>\n");
	html_put(html, foot.p);
	buf_puts(html, "</p>\n</body>\n</html>\n");
	buf_free(&intro);
	buf_free(&sum);
	buf_free(&lt);
	buf_free(&lh);
	buf_free(&foot);
	return rc == 0 && !subject->oom && !text->oom && !html->oom ? 0 : -1;
}
