/* Who leads and supports a commitment, its OGP values and policy areas: the sets that
 * the one-row editing engine does not cover.  Saved in one transaction, each changed
 * set recorded in the revision log as before/after lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/answer.h"
#include "http/req.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/relations.h"
#include "store/stmt.h"
#include "view/i18n.h"
#include "admin/admin.h"
#include "view/page.h"
#include "lib/valid.h"

#define SET_MAX 64 /* members of one set at most */

static const char *const values[] = { "access_to_information", "civic_participation",
	"public_accountability", "technology_innovation", NULL };

/* One set: how to read it as labels, clear it and add to it (store/relations.h). */
static const struct set {
	const char         *form;   /* form field */
	const char         *field;  /* name in the revision log */
	enum relations_stmt labels; /* the current members' labels, sorted */
	enum relations_stmt clear;
	enum relations_stmt add;
	int                 text; /* members are text codes (values), not ids */
} sets[] = {
	{ "lead", "leads", RL_LEADS, RL_LEADS_CLEAR, RL_LEAD_ADD, 0 },
	{ "support", "supports", RL_SUPPORTS, RL_SUPPORTS_CLEAR, RL_SUPPORT_ADD, 0 },
	{ "value", "ogp_values", RL_VALUES, RL_VALUES_CLEAR, RL_VALUE_ADD, 1 },
	{ "area", "policy_areas", RL_AREAS, RL_AREAS_CLEAR, RL_AREA_ADD, 0 },
};

/* Reads the one value of statement id for commitment cid into out ("" when it has
 * none).  Returns 0 or -1. */
static int
value(enum relations_stmt id, long long cid, char *out, size_t outlen)
{
	sqlite3_stmt *s = relations_stmt(id);
	int           rc;

	db_bind_int64(s, 1, cid);
	rc = db_row(s);
	snprintf(out, outlen, "%s", rc == 1 && db_text(s, RLV_VALUE) ? db_text(s, RLV_VALUE) : "");
	db_reset(s);
	return rc < 0 ? -1 : 0;
}

/* Runs write id on commitment cid, with the member ?2 (a text code when text, else an
 * id) and its position ?3 when member is not NULL.  Returns 0, or -1 when it failed or
 * a constraint refused it. */
static int
change(enum relations_stmt id, long long cid, const char *member, int text, int pos)
{
	sqlite3_stmt *s = relations_stmt(id);

	db_bind_int64(s, 1, cid);
	if (member != NULL) {
		if (text)
			db_bind_text(s, 2, member);
		else
			db_bind_int64(s, 2, strtoll(member, NULL, 10));
		db_bind_int(s, 3, pos);
	}
	return db_run_refusable(s) == 0 ? 0 : -1;
}

/* Checks the submitted members of a set; returns NULL or the message. */
static const char *
check_set(struct ctx *c, const struct set *st)
{
	long long n;
	size_t    i, k, count = 0;

	for (i = 0; i < c->req->nform; i++) {
		if (strcmp(c->req->form[i].key, st->form) != 0)
			continue;
		if (++count > SET_MAX)
			return "Demasiados valores escolhidos.";
		if (st->text) {
			for (k = 0;
			     values[k] != NULL && strcmp(values[k], c->req->form[i].val) != 0; k++)
				;
			if (values[k] == NULL)
				return "Valor OGP desconhecido.";
		} else if (valid_int(c->req->form[i].val, 1, 1LL << 53, &n) != 0)
			return "Escolha valores da lista.";
	}
	return NULL;
}

/* Saves one set and its revision row; inside the transaction.  Returns 0 or -1. */
static int
save_set(struct ctx *c, const struct set *st, long long id, long long plan, long long chg)
{
	char          before[4096], after[4096];
	sqlite3_stmt *s;
	size_t        i;
	int           pos = 0;

	if (value(st->labels, id, before, sizeof before) != 0 ||
	    change(st->clear, id, NULL, 0, 0) != 0)
		return -1;
	for (i = 0; i < c->req->nform; i++)
		if (strcmp(c->req->form[i].key, st->form) == 0 &&
		    change(st->add, id, c->req->form[i].val, st->text, pos++) != 0)
			return -1;
	if (value(st->labels, id, after, sizeof after) != 0)
		return -1;
	if (strcmp(before, after) == 0)
		return 0;
	s = relations_stmt(RL_REVISION);
	db_bind_int64(s, 1, chg);
	db_bind_int64(s, 2, c->me->id);
	db_bind_text(s, 3, c->me->name);
	db_bind_int64(s, 4, id);
	db_bind_int64(s, 5, plan);
	db_bind_text(s, 6, st->field);
	db_bind_text(s, 7, before);
	db_bind_text(s, 8, after);
	return store_run(s);
}

/* Saves every set in one transaction.  Returns 0, or -1 (nothing saved). */
static int
save_all(struct ctx *c, long long id, long long plan)
{
	sqlite3_stmt *s;
	long long     chg = 0;
	size_t        i;
	int           rc = 0;

	if (store_begin(c->rw) != 0)
		return -1;
	s = relations_stmt(RL_CHANGE_ID);
	if (db_row(s) != 1)
		rc = -1;
	else
		chg = db_int64(s, RLV_VALUE);
	db_reset(s);
	for (i = 0; rc == 0 && i < sizeof sets / sizeof sets[0]; i++)
		rc = save_set(c, &sets[i], id, plan, chg);
	if (rc == 0)
		rc = change(RL_TOUCH, id, NULL, 0, 0);
	if (rc == 0 && store_commit(c->rw) == 0)
		return 0;
	store_rollback(c->rw);
	return -1;
}

/* Adds the options of a set: every candidate, the current members selected. */
static void
options(tpl_dict *b, const char *section, enum relations_stmt id, long long cid)
{
	sqlite3_stmt *s = relations_stmt(id);
	tpl_dict     *o;

	db_bind_int64(s, 1, cid);
	while (db_step(s) == SQLITE_ROW) {
		o = tpl_section(b, section);
		tpl_set(o, "V", db_text(s, RLO_ID));
		tpl_set(o, "L", db_text(s, RLO_LABEL));
		if (db_int(s, RLO_SEL))
			tpl_show(o, "SEL");
	}
}

/* The form. */
static int
form(struct ctx *c, long long id, const char *ogp, int status, const char *error)
{
	tpl_dict *b = page_admin_body(c, "admin_relations.tpl", "Entidades e áreas"), *o;
	size_t    i;

	tpl_set_int(b, "ID", id);
	tpl_set(b, "OGP_ID", ogp);
	tpl_set(b, "CSRF", c->me->csrf);
	if (error != NULL)
		tpl_set(tpl_section(b, "ERROR"), "TEXT", error);
	options(b, "LEAD", RL_LEAD_OPTIONS, id);
	options(b, "SUPPORT", RL_SUPPORT_OPTIONS, id);
	options(b, "AREA", RL_AREA_OPTIONS, id);
	for (i = 0; values[i] != NULL; i++) {
		char cur[512];
		o = tpl_section(b, "VALUE");
		tpl_set(o, "V", values[i]);
		tpl_set(o, "L", i18n_enum("ogp_value", values[i], 0));
		if (value(sets[2].labels, id, cur, sizeof cur) == 0 &&
		    strstr(cur, values[i]) != NULL)
			tpl_show(o, "SEL");
	}
	return status;
}

int
page_admin_relations(struct ctx *c)
{
	char        ogp[16], plan[32], loc[96];
	const char *why = NULL;
	size_t      i;

	if (value(RL_OGP_ID, c->num, ogp, sizeof ogp) != 0 || ogp[0] == '\0')
		return c->error = "ERR_NOT_FOUND", 404;
	if (c->req->method != METHOD_POST)
		return form(c, c->num, ogp, 200, NULL);
	for (i = 0; why == NULL && i < sizeof sets / sizeof sets[0]; i++)
		why = check_set(c, &sets[i]);
	if (why != NULL)
		return form(c, c->num, ogp, 400, why);
	value(RL_PLAN_ID, c->num, plan, sizeof plan);
	if (save_all(c, c->num, strtoll(plan, NULL, 10)) != 0)
		return form(c, c->num, ogp, 400,
		    "A base de dados recusou a gravação (uma entidade "
		    "repetida ou inexistente); nada foi gravado.");
	snprintf(loc, sizeof loc, "/admin/commitments/%lld?saved=1", c->num);
	return page_redirect(c, loc);
}
