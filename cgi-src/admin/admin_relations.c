/* Who leads and supports a commitment, its OGP values and policy areas: the sets that
 * the one-row editing engine does not cover.  Each lead and support has the facts of
 * its role (how sure it is, a precision in each language), edited beside the sets and
 * kept when a body stays in its set; the partners and proposers are listed, read
 * only.  Saved in one transaction, each changed set (and the roles) recorded in the
 * revision log as before/after lists; a refused save shows the submitted choices. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/answer.h"
#include "http/req.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/editfields.h"
#include "store/relations.h"
#include "store/stmt.h"
#include "view/i18n.h"
#include "admin/admin.h"
#include "view/page.h"
#include "lib/valid.h"

#define SET_MAX  64  /* members of one set at most */
#define ROLE_MAX 512 /* bytes of a precision on a role */

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

/* The fields of a role, checked by the editing engine; in the form, each is named
 * "<col>-<role>-<body id>" (confidence-lead-12). */
static const struct field role_fields[] = {
	{ "confidence", "Confiança", F_ENUM, 1, 0, DOM_CONFIDENCE, REF_NONE },
	{ "role_pt", "Precisão sobre o papel (PT)", F_TEXT, 0, ROLE_MAX, DOM__MAX, REF_NONE },
	{ "role_en", "Precisão sobre o papel (EN)", F_TEXT, 0, ROLE_MAX, DOM__MAX, REF_NONE },
};
#define ROLE_FIELDS (sizeof role_fields / sizeof role_fields[0])

/* The stored facts of one lead's or support's role. */
struct body_role {
	long long entity;
	char      role[8];        /* lead or support */
	char     *v[ROLE_FIELDS]; /* by role_fields; NULL: empty */
};

/* The roles of a commitment as stored before a save. */
struct body_roles {
	struct body_role r[2 * SET_MAX];
	size_t           n;
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

/* The form field of role field f for body entity in role ("confidence-lead-12"). */
static const char *
role_name(size_t f, const char *role, const char *entity, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s-%s-%s", role_fields[f].col, role, entity);
	return out;
}

/* Loads the stored roles of commitment cid into rs.  Returns 0 or -1. */
static int
roles_load(long long cid, struct body_roles *rs)
{
	sqlite3_stmt     *s = relations_stmt(RL_ROLE_ROWS);
	struct body_role *r;
	size_t            f;
	int               rc = 0;

	memset(rs, 0, sizeof *rs);
	db_bind_int64(s, 1, cid);
	while (rc == 0 && rs->n < sizeof rs->r / sizeof rs->r[0] && db_step(s) == SQLITE_ROW) {
		r = &rs->r[rs->n++];
		r->entity = db_int64(s, RLR_ENTITY);
		snprintf(r->role, sizeof r->role, "%s", db_text(s, RLR_ROLE));
		for (f = 0; f < ROLE_FIELDS; f++)
			if (db_text(s, RLR_CONFIDENCE + (int)f) != NULL &&
			    (r->v[f] = strdup(db_text(s, RLR_CONFIDENCE + (int)f))) == NULL)
				rc = -1;
	}
	db_reset(s);
	return rc == 0 && !db_failed() ? 0 : -1;
}

/* Frees the values of rs. */
static void
roles_free(struct body_roles *rs)
{
	size_t i, f;

	for (i = 0; i < rs->n; i++)
		for (f = 0; f < ROLE_FIELDS; f++)
			free(rs->r[i].v[f]);
	rs->n = 0;
}

/* The facts of body member in role as saved: a field the form gives (checked by
 * check_roles), else the stored one, else none (the schema's default confidence).
 * out[] is malloc'd (NULL: none), for the caller to free even when it fails.  Returns
 * 0 or -1. */
static int
role_facts(struct ctx *c, const struct body_roles *rs, const char *role, const char *member,
    char *out[ROLE_FIELDS])
{
	char        name[96];
	const char *given;
	size_t      f, i;
	long long   id = strtoll(member, NULL, 10);

	for (f = 0; f < ROLE_FIELDS; f++)
		out[f] = NULL;
	for (f = 0; f < ROLE_FIELDS; f++) {
		if ((given = req_form(c->req, role_name(f, role, member, name, sizeof name))) !=
		    NULL) {
			out[f] = edit_tidy(given);
			continue;
		}
		for (i = 0; i < rs->n; i++)
			if (rs->r[i].entity == id && strcmp(rs->r[i].role, role) == 0) {
				if (rs->r[i].v[f] != NULL &&
				    (out[f] = strdup(rs->r[i].v[f])) == NULL)
					return -1;
				break;
			}
	}
	return 0;
}

/* Runs write id on commitment cid, with the member ?2 (a text code when text, else an
 * id) and its position ?3 when member is not NULL, and the facts ?4.. of its role when
 * facts is not NULL.  Returns 0, or -1 when it failed or a constraint refused it. */
static int
change(enum relations_stmt id, long long cid, const char *member, int text, int pos,
    char *const *facts)
{
	sqlite3_stmt *s = relations_stmt(id);
	size_t        f;

	db_bind_int64(s, 1, cid);
	if (member != NULL) {
		if (text)
			db_bind_text(s, 2, member);
		else
			db_bind_int64(s, 2, strtoll(member, NULL, 10));
		db_bind_int(s, 3, pos);
	}
	for (f = 0; facts != NULL && f < ROLE_FIELDS; f++)
		db_bind_text(s, 4 + (int)f, facts[f]);
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

/* Checks the submitted facts of the roles with the engine's checks; returns NULL or the
 * message. */
static const char *
check_roles(struct ctx *c)
{
	const char *key, *why;
	char       *v;
	size_t      i, f, n;

	for (i = 0; i < c->req->nform; i++) {
		key = c->req->form[i].key;
		for (f = 0; f < ROLE_FIELDS; f++) {
			n = strlen(role_fields[f].col);
			if (strncmp(key, role_fields[f].col, n) != 0 || key[n] != '-')
				continue;
			v = edit_tidy(c->req->form[i].val);
			why = edit_check_value(&role_fields[f], &v);
			free(v);
			if (why != NULL)
				return f == 0
				    ? "Escolha a confiança de cada papel: confirmado, por "
				      "confirmar ou deduzido."
				    : "A precisão sobre um papel (PT ou EN) tem de ser "
				      "texto de uma linha, até 512 bytes.";
		}
	}
	return NULL;
}

/* Appends the revision row of field (before, after) when they differ.  Returns 0 or
 * -1. */
static int
revise(struct ctx *c, long long id, long long plan, long long chg, const char *field,
    const char *before, const char *after)
{
	sqlite3_stmt *s;

	if (strcmp(before, after) == 0)
		return 0;
	s = relations_stmt(RL_REVISION);
	db_bind_int64(s, 1, chg);
	db_bind_int64(s, 2, c->me->id);
	db_bind_text(s, 3, c->me->name);
	db_bind_int64(s, 4, id);
	db_bind_int64(s, 5, plan);
	db_bind_text(s, 6, field);
	db_bind_text(s, 7, before);
	db_bind_text(s, 8, after);
	return store_run(s);
}

/* Saves one set and its revision row; inside the transaction.  Returns 0 or -1. */
static int
save_set(struct ctx *c, const struct set *st, const struct body_roles *rs, long long id,
    long long plan, long long chg)
{
	char   before[4096], after[4096], *facts[ROLE_FIELDS] = { NULL };
	size_t i, f;
	int    pos = 0, rc = 0, bodies = st->add == RL_LEAD_ADD || st->add == RL_SUPPORT_ADD;

	if (value(st->labels, id, before, sizeof before) != 0 ||
	    change(st->clear, id, NULL, 0, 0, NULL) != 0)
		return -1;
	for (i = 0; rc == 0 && i < c->req->nform; i++) {
		if (strcmp(c->req->form[i].key, st->form) != 0)
			continue;
		if (bodies && role_facts(c, rs, st->form, c->req->form[i].val, facts) != 0)
			rc = -1;
		else
			rc = change(st->add, id, c->req->form[i].val, st->text, pos++,
			    bodies ? facts : NULL);
		for (f = 0; bodies && f < ROLE_FIELDS; f++) {
			free(facts[f]);
			facts[f] = NULL;
		}
	}
	if (rc != 0 || value(st->labels, id, after, sizeof after) != 0)
		return -1;
	return revise(c, id, plan, chg, st->field, before, after);
}

/* Saves every set in one transaction.  Returns 0, or -1 (nothing saved). */
static int
save_all(struct ctx *c, long long id, long long plan)
{
	static struct body_roles rs;
	sqlite3_stmt            *s;
	char                     before[8192], after[8192];
	long long                chg = 0;
	size_t                   i;
	int                      rc = 0;

	if (store_begin(c->rw) != 0)
		return -1;
	s = relations_stmt(RL_CHANGE_ID);
	if (db_row(s) != 1)
		rc = -1;
	else
		chg = db_int64(s, RLV_VALUE);
	db_reset(s);
	if (rc == 0 &&
	    (value(RL_ROLES, id, before, sizeof before) != 0 || roles_load(id, &rs) != 0))
		rc = -1;
	for (i = 0; rc == 0 && i < sizeof sets / sizeof sets[0]; i++)
		rc = save_set(c, &sets[i], &rs, id, plan, chg);
	roles_free(&rs);
	if (rc == 0 && value(RL_ROLES, id, after, sizeof after) != 0)
		rc = -1;
	if (rc == 0)
		rc = revise(c, id, plan, chg, "roles", before, after);
	if (rc == 0)
		rc = change(RL_TOUCH, id, NULL, 0, 0, NULL);
	if (rc == 0 && store_commit(c->rw) == 0)
		return 0;
	store_rollback(c->rw);
	return -1;
}

/* Returns 1 if the submitted form has name = val. */
static int
posted(struct ctx *c, const char *name, const char *val)
{
	size_t i;

	for (i = 0; i < c->req->nform; i++)
		if (strcmp(c->req->form[i].key, name) == 0 && strcmp(c->req->form[i].val, val) == 0)
			return 1;
	return 0;
}

/* Adds the options of a set: every candidate, the current members (or, after a refused
 * save, the submitted ones) selected. */
static void
options(struct ctx *c, tpl_dict *b, const char *section, const char *name, enum relations_stmt id,
    long long cid)
{
	sqlite3_stmt *s = relations_stmt(id);
	tpl_dict     *o;
	int           post = c->req->method == METHOD_POST;

	db_bind_int64(s, 1, cid);
	while (db_step(s) == SQLITE_ROW) {
		o = tpl_section(b, section);
		tpl_set(o, "V", db_text(s, RLO_ID));
		tpl_set(o, "L", db_text(s, RLO_LABEL));
		if (post ? posted(c, name, db_text(s, RLO_ID)) : db_int(s, RLO_SEL))
			tpl_show(o, "SEL");
	}
}

/* Adds the stored roles as ROLE rows, each with its facts (after a refused save, as
 * submitted) and the choices of its confidence. */
static void
role_rows(struct ctx *c, tpl_dict *b, long long cid)
{
	sqlite3_stmt        *s = relations_stmt(RL_ROLE_ROWS);
	const struct domain *d = domain(DOM_CONFIDENCE);
	const char          *v, *ent, *role;
	char                 name[96];
	tpl_dict            *h = NULL, *r, *o;
	size_t               f, i;

	db_bind_int64(s, 1, cid);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "ROLES");
		r = tpl_section(h, "ROLE");
		ent = db_text(s, RLR_ENTITY);
		role = db_text(s, RLR_ROLE);
		tpl_set(r, "ID", ent);
		tpl_set(r, "ROLE", role);
		tpl_set(r, "WHO", db_text(s, RLR_LABEL));
		tpl_set(r, "ROLE_L", strcmp(role, "lead") == 0 ? "Responsável" : "Apoio");
		for (f = 0; f < ROLE_FIELDS; f++) {
			v = req_form(c->req, role_name(f, role, ent, name, sizeof name));
			if (v == NULL)
				v = db_text(s, RLR_CONFIDENCE + (int)f);
			if (f > 0) {
				tpl_set(r, f == 1 ? "PT" : "EN", v);
				continue;
			}
			for (i = 0; i < d->n; i++) {
				o = tpl_section(r, "CONF");
				tpl_set(o, "V", d->codes[i].code);
				tpl_set(o, "L", d->codes[i].pt);
				if (v != NULL && strcmp(v, d->codes[i].code) == 0)
					tpl_show(o, "SEL");
			}
		}
	}
	if (h == NULL)
		tpl_show(b, "NO_ROLES");
}

/* Adds the partners and proposers, read only. */
static void
parties(tpl_dict *b, long long cid)
{
	sqlite3_stmt *s = relations_stmt(RL_PARTIES);
	tpl_dict     *h = NULL, *r;

	db_bind_int64(s, 1, cid);
	while (db_step(s) == SQLITE_ROW) {
		if (h == NULL)
			h = tpl_section(b, "PARTIES");
		r = tpl_section(h, "PARTY");
		tpl_set(r, "WHO", db_text(s, RLP_LABEL));
		tpl_set(r, "RELATION", domain_label("party_relation", db_text(s, RLP_RELATION), 0));
		tpl_set(r, "NOTE",
		    db_text(s, RLP_NOTE_PT) ? db_text(s, RLP_NOTE_PT) : db_text(s, RLP_NOTE_EN));
		if (db_text(s, RLP_SOURCE) != NULL)
			tpl_set(tpl_section(r, "SOURCE"), "URL", db_text(s, RLP_SOURCE));
	}
	if (h == NULL)
		tpl_show(b, "NO_PARTIES");
}

/* The form. */
static int
form(struct ctx *c, long long id, const char *ogp, int status, const char *error)
{
	tpl_dict *b = page_admin_body(c, "admin_relations.tpl", "Entidades e áreas"), *o;
	size_t    i;
	char      cur[512];
	int       post = c->req->method == METHOD_POST;

	tpl_set_int(b, "ID", id);
	tpl_set(b, "OGP_ID", ogp);
	tpl_set(b, "CSRF", c->me->csrf);
	if (error != NULL)
		tpl_set(tpl_section(b, "ERROR"), "TEXT", error);
	options(c, b, "LEAD", "lead", RL_LEAD_OPTIONS, id);
	options(c, b, "SUPPORT", "support", RL_SUPPORT_OPTIONS, id);
	options(c, b, "AREA", "area", RL_AREA_OPTIONS, id);
	if (value(sets[2].labels, id, cur, sizeof cur) != 0)
		cur[0] = '\0';
	for (i = 0; values[i] != NULL; i++) {
		o = tpl_section(b, "VALUE");
		tpl_set(o, "V", values[i]);
		tpl_set(o, "L", i18n_enum("ogp_value", values[i], 0));
		if (post ? posted(c, "value", values[i]) : strstr(cur, values[i]) != NULL)
			tpl_show(o, "SEL");
	}
	role_rows(c, b, id);
	parties(b, id);
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
	if (why == NULL)
		why = check_roles(c);
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
