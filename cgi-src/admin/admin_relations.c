/* Who leads and supports a commitment, its OGP values and policy areas: the sets that
 * the one-row editing engine does not cover.  Saved in one transaction, each changed
 * set recorded in the revision log as before/after lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "http/cache.h"
#include "store/db.h"
#include "view/i18n.h"
#include "view/page.h"
#include "lib/valid.h"

#define SET_MAX	64	/* members of one set at most */

static const char *const values[] = { "access_to_information", "civic_participation",
	"public_accountability", "technology_innovation", NULL };

/* One set: how to read it as labels, clear it and add to it. */
static const struct set {
	const char	*form;		/* form field */
	const char	*field;		/* name in the revision log */
	const char	*labels;	/* ?1 commitment: the current members' labels, sorted */
	const char	*clear;		/* ?1 commitment */
	const char	*add;		/* ?1 commitment, ?2 member, ?3 position */
	int		 text;		/* members are text codes (values), not ids */
} sets[] = {
	{ "lead", "leads", "SELECT group_concat(n, '; ') FROM (SELECT coalesce(e.acronym, "
	  "e.name_pt, e.name_en) n FROM commitment_entity ce JOIN entity e ON e.id = "
	  "ce.entity_id WHERE ce.commitment_id = ?1 AND ce.role = 'lead' ORDER BY ce.position)",
	  "DELETE FROM commitment_entity WHERE commitment_id = ?1 AND role = 'lead'",
	  "INSERT INTO commitment_entity (commitment_id, entity_id, role, position) VALUES "
	  "(?1, ?2, 'lead', ?3)", 0 },
	{ "support", "supports", "SELECT group_concat(n, '; ') FROM (SELECT coalesce(e.acronym, "
	  "e.name_pt, e.name_en) n FROM commitment_entity ce JOIN entity e ON e.id = "
	  "ce.entity_id WHERE ce.commitment_id = ?1 AND ce.role = 'support' ORDER BY "
	  "ce.position)", "DELETE FROM commitment_entity WHERE commitment_id = ?1 AND role = "
	  "'support'", "INSERT INTO commitment_entity (commitment_id, entity_id, role, position) "
	  "VALUES (?1, ?2, 'support', ?3)", 0 },
	{ "value", "ogp_values", "SELECT group_concat(value, '; ') FROM (SELECT value FROM "
	  "commitment_value WHERE commitment_id = ?1 ORDER BY value)", "DELETE FROM "
	  "commitment_value WHERE commitment_id = ?1", "INSERT INTO commitment_value "
	  "(commitment_id, value) SELECT ?1, ?2 WHERE ?3 >= 0", 1 },
	{ "area", "policy_areas", "SELECT group_concat(n, '; ') FROM (SELECT coalesce(pa.name_pt, "
	  "pa.name_en) n FROM commitment_policy_area c JOIN policy_area pa ON pa.id = "
	  "c.policy_area_id WHERE c.commitment_id = ?1 ORDER BY n)", "DELETE FROM "
	  "commitment_policy_area WHERE commitment_id = ?1", "INSERT INTO commitment_policy_area "
	  "(commitment_id, policy_area_id) SELECT ?1, ?2 WHERE ?3 >= 0", 0 },
};

/* Runs sql with ?1 id (and ?2 member, ?3 position when given); for a SELECT copies the
 * first column into out.  Returns 0 or -1. */
static int
run(sqlite3 *db, const char *sql, long long id, const char *member, int text, int pos,
    char *out, size_t outlen)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (member != NULL) {
		if (text)
			sqlite3_bind_text(s, 2, member, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(s, 2, strtoll(member, NULL, 10));
		sqlite3_bind_int(s, 3, pos);
	}
	rc = sqlite3_step(s);
	if (out != NULL)
		snprintf(out, outlen, "%s", rc == SQLITE_ROW && sqlite3_column_text(s, 0) ?
		    (const char *)sqlite3_column_text(s, 0) : "");
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* Checks the submitted members of a set; returns NULL or the message. */
static const char *
check_set(struct ctx *c, const struct set *st)
{
	long long	 n;
	size_t		 i, k, count = 0;

	for (i = 0; i < c->req->nform; i++) {
		if (strcmp(c->req->form[i].key, st->form) != 0)
			continue;
		if (++count > SET_MAX)
			return "Demasiados valores escolhidos.";
		if (st->text) {
			for (k = 0; values[k] != NULL && strcmp(values[k], c->req->form[i].val) != 0; k++)
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
save_set(struct ctx *c, const struct set *st, long long id, long long plan, long long change)
{
	char		 before[4096], after[4096];
	sqlite3_stmt	*s;
	size_t		 i;
	int		 pos = 0, rc;

	if (run(c->rw, st->labels, id, NULL, 0, 0, before, sizeof before) != 0 ||
	    run(c->rw, st->clear, id, NULL, 0, 0, NULL, 0) != 0)
		return -1;
	for (i = 0; i < c->req->nform; i++)
		if (strcmp(c->req->form[i].key, st->form) == 0 && run(c->rw, st->add, id,
		    c->req->form[i].val, st->text, pos++, NULL, 0) != 0)
			return -1;
	if (run(c->rw, st->labels, id, NULL, 0, 0, after, sizeof after) != 0)
		return -1;
	if (strcmp(before, after) == 0)
		return 0;
	if (sqlite3_prepare_v2(c->rw, "INSERT INTO revision (change_id, staff_id, actor, tbl, "
	    "row_id, commitment_id, plan_id, op, field, before, after) VALUES (?1, ?2, ?3, "
	    "'commitment', ?4, ?4, ?5, 'update', ?6, nullif(?7, ''), nullif(?8, ''))", -1, &s,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, change);
	sqlite3_bind_int64(s, 2, c->me->id);
	sqlite3_bind_text(s, 3, c->me->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 4, id);
	sqlite3_bind_int64(s, 5, plan);
	sqlite3_bind_text(s, 6, st->field, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, before, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 8, after, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Saves every set in one transaction.  Returns 0, or -1 (nothing saved). */
static int
save_all(struct ctx *c, long long id, long long plan)
{
	sqlite3_stmt	*s;
	long long	 change = 0;
	size_t		 i;
	int		 rc = 0;

	if (sqlite3_exec(c->rw, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(c->rw, "SELECT coalesce(max(change_id), 0) + 1 FROM revision",
	    -1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW)
		rc = -1;
	else
		change = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	for (i = 0; rc == 0 && i < sizeof sets / sizeof sets[0]; i++)
		rc = save_set(c, &sets[i], id, plan, change);
	if (rc == 0)
		rc = run(c->rw, "UPDATE commitment SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
		    "'now') WHERE id = ?1", id, NULL, 0, 0, NULL, 0);
	if (rc == 0 && sqlite3_exec(c->rw, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
		cache_invalidate(c->rw);
		return 0;
	}
	sqlite3_exec(c->rw, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Adds the options of a set: every candidate, the current members selected. */
static void
options(struct ctx *c, tpl_dict *b, const char *section, const char *sql, long long id)
{
	sqlite3_stmt	*s;
	tpl_dict	*o;

	if (sqlite3_prepare_v2(c->rw, sql, -1, &s, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(s, 1, id);
	while (sqlite3_step(s) == SQLITE_ROW) {
		o = tpl_section(b, section);
		tpl_set(o, "V", db_text(s, 0));
		tpl_set(o, "L", db_text(s, 1));
		if (sqlite3_column_int(s, 2))
			tpl_show(o, "SEL");
	}
	sqlite3_finalize(s);
}

/* The form. */
static int
form(struct ctx *c, long long id, const char *ogp, int status, const char *error)
{
	tpl_dict	*b = page_admin_body(c, "admin_relations.tpl", "Entidades e áreas"), *o;
	size_t		 i;

	tpl_set_int(b, "ID", id);
	tpl_set(b, "OGP_ID", ogp);
	tpl_set(b, "CSRF", c->me->csrf);
	if (error != NULL)
		tpl_set(tpl_section(b, "ERROR"), "TEXT", error);
	options(c, b, "LEAD", "SELECT e.id, coalesce(e.name_pt, e.name_en, e.acronym) || "
	    "coalesce(' (' || e.acronym || ')', ''), EXISTS (SELECT 1 FROM commitment_entity "
	    "WHERE commitment_id = ?1 AND entity_id = e.id AND role = 'lead') FROM entity e "
	    "ORDER BY 2", id);
	options(c, b, "SUPPORT", "SELECT e.id, coalesce(e.name_pt, e.name_en, e.acronym) || "
	    "coalesce(' (' || e.acronym || ')', ''), EXISTS (SELECT 1 FROM commitment_entity "
	    "WHERE commitment_id = ?1 AND entity_id = e.id AND role = 'support') FROM entity e "
	    "ORDER BY 2", id);
	options(c, b, "AREA", "SELECT p.id, coalesce(p.name_pt, p.name_en), EXISTS (SELECT 1 "
	    "FROM commitment_policy_area WHERE commitment_id = ?1 AND policy_area_id = p.id) "
	    "FROM policy_area p ORDER BY 2", id);
	for (i = 0; values[i] != NULL; i++) {
		char cur[512];
		o = tpl_section(b, "VALUE");
		tpl_set(o, "V", values[i]);
		tpl_set(o, "L", i18n_enum("ogp_value", values[i], 0));
		if (run(c->rw, sets[2].labels, id, NULL, 0, 0, cur, sizeof cur) == 0 &&
		    strstr(cur, values[i]) != NULL)
			tpl_show(o, "SEL");
	}
	return status;
}

int
page_admin_relations(struct ctx *c)
{
	char		 ogp[16], plan[32], loc[96];
	const char	*why = NULL;
	size_t		 i;

	if (run(c->rw, "SELECT ogp_id FROM commitment WHERE id = ?1", c->num, NULL, 0, 0, ogp,
	    sizeof ogp) != 0 || ogp[0] == '\0')
		return c->error = "ERR_NOT_FOUND", 404;
	if (c->req->method != METHOD_POST)
		return form(c, c->num, ogp, 200, NULL);
	for (i = 0; why == NULL && i < sizeof sets / sizeof sets[0]; i++)
		why = check_set(c, &sets[i]);
	if (why != NULL)
		return form(c, c->num, ogp, 400, why);
	run(c->rw, "SELECT plan_id FROM commitment WHERE id = ?1", c->num, NULL, 0, 0, plan,
	    sizeof plan);
	if (save_all(c, c->num, strtoll(plan, NULL, 10)) != 0)
		return form(c, c->num, ogp, 400, "A base de dados recusou a gravação (uma entidade "
		    "repetida ou inexistente); nada foi gravado.");
	snprintf(loc, sizeof loc, "/admin/commitments/%lld?saved=1", c->num);
	return page_redirect(c, loc);
}
