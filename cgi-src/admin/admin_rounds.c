/* Reporting rounds (store/rounds.h): the list and the form that opens one
 * (/admin/rounds), a round's board (/admin/rounds/N: each body updated, proposed or not
 * yet, its commitments, the emails sent), its reminders by hand and its closing, which
 * publishes the snapshots of its plans.  Focal points and administrators (CAP_CONTENT).
 * The emails wait in the outbox; after each commit the worker starts `aberta-admin mail
 * flush` (store/mail.h), and what it cannot send waits for the mail timer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/urlcode.h"
#include "admin/admin.h"
#include "http/answer.h"
#include "http/req.h"
#include "lib/consult.h"
#include "lib/log.h"
#include "lib/valid.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/mail.h"
#include "store/rounds.h"
#include "view/page.h"

/* The opening form as sent, and what is wrong with it. */
struct open_form {
	char        name[ROUND_NAME_MAX + 1];
	const char *deadline;
	long long   plans[ROUND_PLANS_MAX];
	int         nplans;
	const char *err_name, *err_deadline, *err_plans; /* NULL: nothing wrong */
	int         nerr;
};

/* The words of a body's state, as the board shows it. */
static const char *const state_word[] = {
	[ROUND_NOT_YET] = "ainda não",
	[ROUND_PROPOSED] = "proposto, à espera de revisão",
	[ROUND_UPDATED] = "atualizado",
};

/* Writes the UTC time iso as Lisbon's wall clock, "YYYY-MM-DD HH:MM", into out. */
static const char *
lisbon_time(const char *iso, char *out, size_t len)
{
	char *t;

	if (iso == NULL || utc_to_local(NULL, iso, out, len, NULL) != 0)
		snprintf(out, len, "%s", iso ? iso : "");
	else if ((t = strchr(out, 'T')) != NULL)
		*t = ' ';
	return out;
}

/* The same for a unix time. */
static const char *
lisbon_unix(long long t, char *out, size_t len)
{
	char iso[32];

	utc_format((time_t)t, iso, sizeof iso);
	return lisbon_time(iso, out, len);
}

/* 1 when plan id is checked in f. */
static int
checked(const struct open_form *f, long long id)
{
	int i;

	for (i = 0; i < f->nplans; i++)
		if (f->plans[i] == id)
			return 1;
	return 0;
}

/* Reads and checks the opening form of c into f, on today (Lisbon). */
static void
form_read(struct ctx *c, struct open_form *f, const char *today)
{
	const char *name = req_form(c->req, "name");
	size_t      i, n;
	long long   id;

	memset(f, 0, sizeof *f);
	name = name ? name + strspn(name, " \t") : "";
	n = strlen(name);
	while (n > 0 && strchr(" \t", name[n - 1]) != NULL)
		n--;
	if (n == 0)
		f->err_name =
		    "Escreva o nome da ronda (por exemplo, «Autoavaliação intercalar 2026»).";
	else if (n > ROUND_NAME_MAX || strpbrk(name, "\r\n") != NULL)
		f->err_name = "O nome tem de caber numa linha, até 200 carateres.";
	snprintf(
	    f->name, sizeof f->name, "%.*s", (int)(n > ROUND_NAME_MAX ? ROUND_NAME_MAX : n), name);
	f->deadline = req_form(c->req, "deadline") ? req_form(c->req, "deadline") : "";
	if (strlen(f->deadline) != 10 || !valid_date(f->deadline))
		f->err_deadline = "Indique o prazo como uma data (AAAA-MM-DD).";
	else if (strcmp(f->deadline, today) < 0)
		f->err_deadline = "O prazo não pode ser uma data passada.";
	for (i = 0; i < c->req->nform; i++) {
		if (strcmp(c->req->form[i].key, "plan") != 0)
			continue;
		if (valid_int(c->req->form[i].val, 1, 999999, &id) != 0 ||
		    f->nplans == ROUND_PLANS_MAX)
			f->err_plans = "Escolha os planos da lista.";
		else if (!checked(f, id))
			f->plans[f->nplans++] = id;
	}
	if (f->nplans == 0 && f->err_plans == NULL)
		f->err_plans = "Escolha pelo menos um plano.";
	f->nerr = (f->err_name != NULL) + (f->err_deadline != NULL) + (f->err_plans != NULL);
}

/* Adds one problem of the form to the error summary es and beside its field. */
static void
form_error(tpl_dict *b, tpl_dict *es, const char *key, const char *anchor, const char *text)
{
	tpl_dict *e = tpl_section(es, "ITEM");

	tpl_set(e, "ANCHOR", anchor);
	tpl_set(e, "TEXT", text);
	tpl_set(tpl_section(b, key), "TEXT", text);
}

/* Fills the opening form of b: the values of f (NULL: an empty form) and its problems. */
static void
form_fill(struct ctx *c, tpl_dict *b, const struct open_form *f, const char *today)
{
	sqlite3_stmt *s = round_stmt(RD_PLANS);
	tpl_dict     *p, *es;

	tpl_set(b, "CSRF", c->me->csrf);
	tpl_set(b, "TODAY", today);
	tpl_set(b, "F_NAME", f ? f->name : "");
	tpl_set(b, "F_DEADLINE", f ? f->deadline : "");
	if (f != NULL && f->nerr > 0) {
		es = tpl_section(b, "ERRORS");
		tpl_set_int(es, "N", f->nerr);
		if (f->err_name)
			form_error(b, es, "E_NAME", "f-name", f->err_name);
		if (f->err_deadline)
			form_error(b, es, "E_DEADLINE", "f-deadline", f->err_deadline);
		if (f->err_plans)
			form_error(b, es, "E_PLANS", "f-plans", f->err_plans);
	}
	while (db_step(s) == SQLITE_ROW) {
		p = tpl_section(b, "PLAN");
		tpl_set_int(p, "ID", db_int64(s, RDP_ID));
		tpl_set_int(p, "NUMBER", db_int64(s, RDP_NUMBER));
		tpl_set(p, "TITLE", db_text(s, RDP_TITLE));
		if (f != NULL && checked(f, db_int64(s, RDP_ID)))
			tpl_show(p, "CHECKED");
	}
}

/* Adds the rounds to b, open ones and closed ones in their own sections (OPEN,
 * CLOSED: N, and HAS with the rounds or NONE). */
static void
rounds_list(struct ctx *c, tpl_dict *b)
{
	sqlite3_stmt *s = round_stmt(RD_LIST);
	tpl_dict     *g[2] = { tpl_section(b, "OPEN"), tpl_section(b, "CLOSED") }, *has[2] = { 0 };
	tpl_dict     *r;
	char          when[32];
	int           n[2] = { 0, 0 }, k;

	while (db_step(s) == SQLITE_ROW) {
		k = !db_null(s, RDL_CLOSED_AT);
		if (has[k] == NULL)
			has[k] = tpl_section(g[k], "HAS");
		n[k]++;
		r = tpl_section(has[k], "ROUND");
		tpl_set_int(r, "ID", db_int64(s, RDL_ID));
		tpl_set(r, "NAME", db_text(s, RDL_NAME));
		tpl_set(r, "PLANS", db_text(s, RDL_PLANS) ? db_text(s, RDL_PLANS) : "");
		page_date(c, r, "DEADLINE", db_text(s, RDL_DEADLINE));
		tpl_set(r, "OPENED", lisbon_time(db_text(s, RDL_OPENED_AT), when, sizeof when));
		if (k)
			page_date(c, r, "CLOSED", db_text(s, RDL_CLOSED_ON));
	}
	for (k = 0; k < 2; k++) {
		tpl_set_int(g[k], "N", n[k]);
		if (n[k] == 0)
			tpl_show(g[k], "NONE");
	}
}

/* The list of rounds with the opening form (f: what was sent, NULL: empty). */
static int
rounds_page(struct ctx *c, const struct open_form *f, const char *today, int status)
{
	tpl_dict *b = page_admin_body(c, "admin_rounds.tpl", "Rondas de reporte");

	rounds_list(c, b);
	form_fill(c, b, f, today);
	if (db_failed())
		return db_failed_set(), 503;
	return status;
}

/* Starts the sending of what was just queued; 0, or -1 (it then waits for the timer,
 * and the reason is logged). */
static int
flush_now(struct ctx *c)
{
	char err[256];

	if (mail_flush_start(c->rw, 0, err, sizeof err) == 0)
		return 0;
	log_error("the round's mail waits in the outbox for the timer: %s", err);
	return -1;
}

int
page_admin_rounds(struct ctx *c)
{
	struct open_form  f;
	struct round_sent sent;
	char              today[11], to[160], detail[64];
	long long         id;

	if (round_day(c->now, today) != 0)
		return db_failed_set(), 503;
	if (c->req->method != METHOD_POST)
		return rounds_page(c, NULL, today, 200);
	form_read(c, &f, today);
	if (f.nerr > 0)
		return rounds_page(c, &f, today, 400);
	id = round_open(c->rw, f.name, f.deadline, f.plans, f.nplans, c->me->id, url_site_base(),
	    c->now, &sent);
	if (id == 0) {
		f.err_plans = "Um dos planos escolhidos já não existe.";
		f.nerr = 1;
		return rounds_page(c, &f, today, 400);
	}
	if (id < 0)
		return db_failed_set(), 503;
	snprintf(
	    detail, sizeof detail, "%d message(s) to %d body(ies)", sent.messages, sent.bodies);
	snprintf(to, sizeof to, "round:%lld", id);
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "round_open", to, detail);
	snprintf(to, sizeof to, "/admin/rounds/%lld?opened=1&sent=%d&bodies=%d&skipped=%d%s", id,
	    sent.messages, sent.bodies, sent.skipped,
	    sent.messages > 0 && flush_now(c) != 0 ? "&later=1" : "");
	return page_redirect(c, to);
}

/* Sets the counts of the commitment cm: its milestones, how many are overdue, stale. */
static void
commitment_counts(tpl_dict *cm, int ms, int overdue, int stale)
{
	char t[160];

	if (ms == 0)
		snprintf(t, sizeof t, "sem marcos registados");
	else
		snprintf(t, sizeof t, "%d marco%s: %d em atraso, %d desatualizado%s", ms,
		    ms == 1 ? "" : "s", overdue, stale, stale == 1 ? "" : "s");
	tpl_set(cm, "MS", t);
	if (overdue + stale > 0)
		tpl_show(cm, "ATTENTION");
}

/* Adds to the card d the commitments of body entity in round id, each with the link to
 * its workspace and the counts of its milestones on today. */
static void
body_commitments(tpl_dict *d, long long id, long long entity, const char *today)
{
	sqlite3_stmt *s = round_stmt(RD_ITEMS);
	tpl_dict     *cm = NULL;
	long long     cid = 0;
	int           ms = 0, ov = 0, st = 0, o, t;

	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, entity);
	while (db_step(s) == SQLITE_ROW) {
		if (db_int64(s, RDI_CID) != cid) {
			if (cm != NULL)
				commitment_counts(cm, ms, ov, st);
			ms = ov = st = 0;
			cid = db_int64(s, RDI_CID);
			cm = tpl_section(d, "CMT");
			tpl_set_int(cm, "ID", cid);
			tpl_set(cm, "OGP_ID", db_text(s, RDI_OGP_ID));
			tpl_set(cm, "TITLE",
			    db_text(s, RDI_CTITLE) ? db_text(s, RDI_CTITLE)
						   : "ainda não registado");
			tpl_set(cm, "ROLE", db_int(s, RDI_LEAD) ? "lidera" : "apoia");
		}
		if (db_null(s, RDI_MID))
			continue;
		round_item_flags(s, today, &o, &t);
		ms++;
		ov += o;
		st += t;
	}
	if (cm != NULL)
		commitment_counts(cm, ms, ov, st);
}

/* The board's groups, one a state, in the order of enum round_state (the order they are
 * shown in): the key of their anchor and count, and their heading. */
static const char *const group_key[] = { "NOT_YET", "PROPOSED", "UPDATED" };
static const char *const group_title[] = { "Ainda não", "Proposto, à espera de revisão",
	"Atualizado" };

/* Adds the bodies of round id to b, in one group a state with its count; open: the round
 * is open (a reminder may be sent).  Returns how many are "not yet" with an editor. */
static int
board_bodies(struct ctx *c, tpl_dict *b, long long id, int open, const char *today)
{
	sqlite3_stmt    *s = round_stmt(RD_BODIES);
	tpl_dict        *g[3], *has[3] = { 0 }, *d;
	int              n[3] = { 0 }, total = 0, remindable = 0;
	size_t           i;
	enum round_state st;
	char             key[32];

	for (i = 0; i < 3; i++) {
		g[i] = tpl_section(b, "GROUP");
		tpl_set(g[i], "KEY", group_key[i]);
		tpl_set(g[i], "TITLE", group_title[i]);
	}
	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		st = round_body_state(s);
		if (has[st] == NULL)
			has[st] = tpl_section(g[st], "HAS");
		d = tpl_section(has[st], "BODY");
		n[st]++;
		total++;
		tpl_set_int(d, "ID", db_int64(s, RDB_ID));
		tpl_set_int(d, "RID", id);
		tpl_set(d, "NAME", db_text(s, RDB_NAME));
		tpl_set(d, "STATE", state_word[st]);
		tpl_set(d, "CSRF", c->me->csrf);
		if (db_int(s, RDB_EDITORS) > 0) {
			tpl_set_int(tpl_section(d, "EDITORS"), "N", db_int(s, RDB_EDITORS));
			if (open && st == ROUND_NOT_YET)
				tpl_show(d, "REMIND");
			remindable += st == ROUND_NOT_YET;
		} else
			tpl_show(d, "NO_EDITOR");
		body_commitments(d, id, db_int64(s, RDB_ID), today);
	}
	for (i = 0; i < 3; i++) {
		snprintf(key, sizeof key, "N_%s", group_key[i]);
		tpl_set_int(g[i], "N", n[i]);
		tpl_set_int(b, key, n[i]);
		if (n[i] == 0)
			tpl_show(g[i], "NONE");
	}
	tpl_set_int(b, "N_BODIES", total);
	return remindable;
}

/* The words of each kind of email of a round. */
static const char *
notice_word(const char *kind)
{
	if (strcmp(kind, "open") == 0)
		return "abertura da ronda";
	if (strcmp(kind, "week") == 0)
		return "lembrete automático, uma semana antes do prazo";
	if (strcmp(kind, "day") == 0)
		return "lembrete automático, na véspera do prazo";
	return "lembrete enviado à mão";
}

/* Adds each line of text as a repetition of section (variable TEXT) of d. */
static void
lines(tpl_dict *d, const char *section, const char *text)
{
	size_t n;

	for (; text != NULL && *text != '\0'; text += n + (text[n] == '\n')) {
		n = strcspn(text, "\n");
		tpl_set_n(tpl_section(d, section), "TEXT", text, n);
	}
}

/* Adds the emails of round id to b (NOTICES: N, and HAS with the rows, or NONE). */
static void
board_notices(tpl_dict *b, long long id)
{
	sqlite3_stmt *s = round_stmt(RD_NOTICES);
	tpl_dict     *g = tpl_section(b, "NOTICES"), *has = NULL, *r;
	char          when[32];
	int           n = 0;

	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		if (has == NULL)
			has = tpl_section(g, "HAS");
		r = tpl_section(has, "NOTICE");
		tpl_set(r, "AT", lisbon_unix(db_int64(s, RDN_AT), when, sizeof when));
		tpl_set(r, "BODY", db_text(s, RDN_ENTITY));
		tpl_set(r, "KIND", notice_word(db_text(s, RDN_KIND)));
		lines(r, "TO", db_text(s, RDN_RECIPIENTS));
		tpl_set(r, "BY", db_text(s, RDN_STAFF) ? db_text(s, RDN_STAFF) : "o sistema");
		n++;
	}
	tpl_set_int(g, "N", n);
	if (n == 0)
		tpl_show(g, "NONE");
}

/* Adds round id's plans to b, each with the address of its snapshot when the round
 * closed on closed_on (NULL: open). */
static void
board_plans(struct ctx *c, tpl_dict *b, long long id, const char *closed_on)
{
	sqlite3_stmt *s = round_stmt(RD_ROUND_PLANS);
	tpl_dict     *p;

	db_bind_int64(s, 1, id);
	while (db_step(s) == SQLITE_ROW) {
		p = tpl_section(b, "PLAN");
		tpl_set_int(p, "NUMBER", db_int64(s, RDP_NUMBER));
		tpl_set(p, "TITLE", db_text(s, RDP_TITLE));
		if (closed_on != NULL) {
			p = tpl_section(tpl_section(b, "SNAPSHOTS"), "SNAPSHOT");
			tpl_set_int(p, "NUMBER", db_int64(s, RDP_NUMBER));
			tpl_set(p, "TITLE", db_text(s, RDP_TITLE));
			page_date(c, p, "DATE", closed_on);
		}
	}
}

/* Sets the facts of the round of the current RD_ROUND row s in b: name, deadline and how
 * far it is on today, opening, closing. */
static void
board_facts(struct ctx *c, tpl_dict *b, sqlite3_stmt *s, const char *today)
{
	char when[32], left[64];
	long days = 0;

	tpl_set_int(b, "ID", db_int64(s, RDL_ID));
	tpl_set(b, "NAME", db_text(s, RDL_NAME));
	page_date(c, b, "DEADLINE", db_text(s, RDL_DEADLINE));
	tpl_set(b, "OPENED", lisbon_time(db_text(s, RDL_OPENED_AT), when, sizeof when));
	if (!db_null(s, RDL_OPENED_BY))
		tpl_set(tpl_section(b, "BY"), "NAME", db_text(s, RDL_OPENED_BY));
	tpl_set(b, "CSRF", c->me->csrf);
	if (!db_null(s, RDL_CLOSED_AT)) {
		page_date(c, tpl_section(b, "CLOSED"), "ON", db_text(s, RDL_CLOSED_ON));
		return;
	}
	round_days_left(today, db_text(s, RDL_DEADLINE), &days);
	if (days > 1)
		snprintf(left, sizeof left, "faltam %ld dias", days);
	else
		snprintf(left, sizeof left, "%s",
		    days == 1       ? "termina amanhã"
			: days == 0 ? "termina hoje"
				    : "o prazo já passou");
	tpl_set(tpl_section(b, "OPEN"), "LEFT", left);
}

/* The flash message of a redirect to the board (after opening, a reminder, closing):
 * the counts of the sending from its query. */
static void
board_flash(struct ctx *c)
{
	const char *q[3] = { req_param(c->req, "sent"), req_param(c->req, "bodies"),
		req_param(c->req, "skipped") };
	long long   n[3] = { 0, 0, 0 };
	struct buf  t = { 0 };
	int         i;

	if (req_param(c->req, "closed") != NULL) {
		page_flash(c,
		    "Ronda fechada. O estado dos seus planos com a data de hoje está publicado.");
		return;
	}
	for (i = 0; i < 3; i++)
		if (q[i] == NULL || valid_int(q[i], 0, 1000000, &n[i]) != 0)
			return;
	if (n[0] > 0)
		buf_printf(&t,
		    "%s: %lld mensage%s para os editores de %lld entidade%s, na fila de envio.",
		    req_param(c->req, "opened") ? "Ronda aberta" : "Lembrete enviado", n[0],
		    n[0] == 1 ? "m" : "ns", n[1], n[1] == 1 ? "" : "s");
	else
		buf_printf(&t, "%s: nenhuma mensagem enviada.",
		    req_param(c->req, "opened") ? "Ronda aberta" : "Lembrete");
	if (n[2] > 0 && req_param(c->req, "opened"))
		buf_printf(&t, " %lld entidade%s sem editor ativo: sem email.", n[2],
		    n[2] == 1 ? "" : "s");
	else if (n[2] > 0)
		buf_printf(&t,
		    " %lld entidade%s sem envio: sem editor ativo, já atualizada%s ou com "
		    "proposta%s, ou lembrada%s há menos de 5 minutos.",
		    n[2], n[2] == 1 ? "" : "s", n[2] == 1 ? "" : "s", n[2] == 1 ? "" : "s",
		    n[2] == 1 ? "" : "s");
	if (req_param(c->req, "later") != NULL)
		buf_puts(&t, " O envio começa com o próximo envio automático (até 5 minutos).");
	page_flash(c, t.p ? t.p : "");
	buf_free(&t);
}

/* The board of round c->num. */
static int
board_page(struct ctx *c, int status)
{
	sqlite3_stmt *s = round_stmt(RD_ROUND);
	tpl_dict     *b;
	char          today[11], closed_on[11] = "", title[300];
	int           rc, open, remindable;

	db_bind_int64(s, 1, c->num);
	if ((rc = db_row(s)) <= 0) {
		db_reset(s);
		return rc == 0 ? (c->error = "ERR_NOT_FOUND", 404) : (db_failed_set(), 503);
	}
	if (round_day(c->now, today) != 0)
		return db_reset(s), db_failed_set(), 503;
	snprintf(title, sizeof title, "Ronda de reporte: %s", db_text(s, RDL_NAME));
	b = page_admin_body(c, "admin_round.tpl", title);
	open = db_null(s, RDL_CLOSED_AT);
	if (!open)
		snprintf(closed_on, sizeof closed_on, "%s", db_text(s, RDL_CLOSED_ON));
	board_facts(c, b, s, today);
	db_reset(s);
	board_plans(c, b, c->num, open ? NULL : closed_on);
	remindable = board_bodies(c, b, c->num, open, today);
	if (open && remindable > 0)
		tpl_set_int(tpl_section(b, "REMIND_ALL"), "N", remindable);
	board_notices(b, c->num);
	board_flash(c);
	return db_failed() ? (db_failed_set(), 503) : status;
}

int
page_admin_round(struct ctx *c)
{
	return board_page(c, 200);
}

int
page_admin_round_remind(struct ctx *c)
{
	struct round_sent sent;
	const char       *e = req_form(c->req, "entity"), *msg;
	long long         entity = 0;
	char              to[200], obj[48];
	int               rc;

	if (e != NULL && strcmp(e, "all") != 0 && valid_int(e, 1, 1LL << 53, &entity) != 0)
		return c->error = "ERR_BAD_BODY", 400;
	rc = round_remind_now(c->rw, c->num, entity, c->me->id, url_site_base(), c->now, &sent);
	if (rc < 0)
		return db_failed_set(), 503;
	if (rc > 0) {
		msg = rc == 1 ? "Nada foi enviado: a ronda está fechada."
			      : "Nada foi enviado: essa entidade não está nesta ronda.";
		if ((rc = board_page(c, rc == 1 ? 409 : 400)) != 404)
			page_flash(c, msg);
		return rc;
	}
	snprintf(obj, sizeof obj, "round:%lld", c->num);
	snprintf(to, sizeof to, "%d message(s) to %d body(ies)", sent.messages, sent.bodies);
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "round_remind", obj, to);
	snprintf(to, sizeof to, "/admin/rounds/%lld?sent=%d&bodies=%d&skipped=%d%s", c->num,
	    sent.messages, sent.bodies, sent.skipped,
	    sent.messages > 0 && flush_now(c) != 0 ? "&later=1" : "");
	return page_redirect(c, to);
}

int
page_admin_round_close(struct ctx *c)
{
	sqlite3_stmt *s = round_stmt(RD_ROUND);
	tpl_dict     *b;
	const char   *msg;
	char          as_of[11], to[64];
	int           rc;

	if (c->req->method == METHOD_POST) {
		rc = round_close(c->rw, c->num, c->me->id, c->now, as_of);
		if (rc < 0)
			return db_failed_set(), 503;
		if (rc == 0) {
			snprintf(to, sizeof to, "round:%lld", c->num);
			auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr,
			    "round_close", to, as_of);
			snprintf(to, sizeof to, "/admin/rounds/%lld?closed=1", c->num);
			return page_redirect(c, to);
		}
		msg = rc == 1 ? "Esta ronda já está fechada: nada mudou."
			      : "Não foi possível fechar a ronda: um dos seus planos já tem um "
				"instantâneo com a data de hoje (de outra ronda). Nada mudou.";
		if ((rc = board_page(c, 409)) == 409)
			page_flash(c, msg);
		return rc;
	}
	db_bind_int64(s, 1, c->num);
	if ((rc = db_row(s)) <= 0 || !db_null(s, RDL_CLOSED_AT)) {
		db_reset(s);
		if (rc <= 0)
			return rc < 0 ? (db_failed_set(), 503) : (c->error = "ERR_NOT_FOUND", 404);
		if ((rc = board_page(c, 200)) == 200)
			page_flash(c, "Esta ronda já está fechada.");
		return rc;
	}
	b = page_admin_body(c, "admin_round_close.tpl", "Fechar a ronda de reporte");
	tpl_set_int(b, "ID", c->num);
	tpl_set(b, "NAME", db_text(s, RDL_NAME));
	tpl_set(b, "CSRF", c->me->csrf);
	db_reset(s);
	if (round_day(c->now, as_of) != 0)
		return db_failed_set(), 503;
	page_date(c, b, "TODAY", as_of);
	board_plans(c, b, c->num, NULL);
	return db_failed() ? (db_failed_set(), 503) : 200;
}
