/* Accounts, for administrators: create (the password is shown once), change name, role
 * and body, disable (ending the sessions at once), enable, new password, reset the
 * second factor, end sessions.  Every change goes to the audit log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "store/db.h"
#include "view/page.h"
#include "lib/valid.h"

static const char *const role_labels[ROLE__MAX] = {
	"Administrador",		/* ROLE_ADMIN */
	"Editor do ponto focal",	/* ROLE_FOCAL */
	"Editor de entidade",		/* ROLE_MEMBER */
};

/* Runs sql with ?1 id and ?2 text (may be NULL); returns 0 or -1. */
static int
exec2(sqlite3 *db, const char *sql, long long id, const char *text)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_bind_parameter_count(s) >= 2)
		sqlite3_bind_text(s, 2, text, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Adds the role and body choices to d, with role and entity selected. */
static void
choices(struct ctx *c, tpl_dict *d, enum role role, long long entity)
{
	sqlite3_stmt	*s;
	tpl_dict	*o;
	int		 i;

	for (i = 0; i < ROLE__MAX; i++) {
		o = tpl_section(d, "ROLEOPT");
		tpl_set(o, "V", auth_role_name((enum role)i));
		tpl_set(o, "L", role_labels[i]);
		if ((int)role == i)
			tpl_show(o, "SEL");
	}
	tpl_set(tpl_section(d, "ENTOPT"), "L", "—");
	if (sqlite3_prepare_v2(c->rw, "SELECT id, coalesce(name_pt, name_en, acronym, slug) "
	    "FROM entity ORDER BY 2", -1, &s, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(s) == SQLITE_ROW) {
		o = tpl_section(d, "ENTOPT");
		tpl_set(o, "V", db_text(s, 0));
		tpl_set(o, "L", db_text(s, 1));
		if (sqlite3_column_int64(s, 0) == entity)
			tpl_show(o, "SEL");
	}
	sqlite3_finalize(s);
}

/* Columns of the account listing and page. */
#define USER_COLS "s.id, s.login, s.name, s.role, coalesce(e.acronym, e.name_pt, ''), " \
	"s.totp_secret IS NOT NULL, s.disabled, (SELECT count(*) FROM session x WHERE " \
	"x.staff_id = s.id AND x.last_seen > ?1 AND x.created_at > ?2), coalesce(s.entity_id, 0) " \
	"FROM staff s LEFT JOIN entity e ON e.id = s.entity_id"

/* Sets an account's columns in d from a USER_COLS row. */
static void
user_row(sqlite3_stmt *s, tpl_dict *d)
{
	enum role r = auth_role(db_text(s, 3));

	tpl_set(d, "ID", db_text(s, 0));
	tpl_set(d, "LOGIN", db_text(s, 1));
	tpl_set(d, "NAME", db_text(s, 2));
	tpl_set(d, "ROLE", r < ROLE__MAX ? role_labels[r] : "?");
	tpl_set(d, "ENTITY", db_text(s, 4));
	tpl_set(d, "TOTP", sqlite3_column_int(s, 5) ? "ativo" : "por ativar");
	tpl_set(d, "STATE", sqlite3_column_int(s, 6) ? "desativada" : "ativa");
	tpl_set(d, "SESSIONS", db_text(s, 7));
}

/* Binds the session limits of USER_COLS. */
static void
bind_limits(struct ctx *c, sqlite3_stmt *s)
{
	sqlite3_bind_int64(s, 1, (long long)c->now - AUTH_IDLE_SECONDS);
	sqlite3_bind_int64(s, 2, (long long)c->now - AUTH_ABSOLUTE_SECONDS);
}

/* The account list and the new-account form. */
static int
users_page(struct ctx *c, int status, const char *error, const char *newlogin,
    const char *newpw)
{
	tpl_dict	*b = page_admin_body(c, "admin_users.tpl", "Utilizadores"), *d;
	sqlite3_stmt	*s;

	tpl_set(b, "CSRF", c->me->csrf);
	if (newpw != NULL) {
		d = tpl_section(b, "NEWPW");
		tpl_set(d, "LOGIN", newlogin);
		tpl_set(d, "PW", newpw);
	}
	if (error != NULL) {
		tpl_set(tpl_section(b, "ERROR"), "TEXT", error);
		tpl_set(b, "F_LOGIN", req_form(c->req, "login"));
		tpl_set(b, "F_NAME", req_form(c->req, "name"));
	}
	choices(c, b, auth_role(req_form(c->req, "role")), strtoll(req_form(c->req,
	    "entity") ? req_form(c->req, "entity") : "0", NULL, 10));
	if (sqlite3_prepare_v2(c->rw, "SELECT " USER_COLS " ORDER BY s.login", -1, &s, NULL) !=
	    SQLITE_OK)
		return db_failed_set(), 503;
	bind_limits(c, s);
	while (sqlite3_step(s) == SQLITE_ROW)
		user_row(s, tpl_section(b, "U"));
	sqlite3_finalize(s);
	return status;
}

int
page_admin_users(struct ctx *c)
{
	return users_page(c, 200, NULL, NULL, NULL);
}

/* Checks the role and body of a form; returns NULL or the message, and the values. */
static const char *
role_entity(struct ctx *c, enum role *r, long long *entity)
{
	const char	*ent = req_form(c->req, "entity");

	*r = auth_role(req_form(c->req, "role"));
	*entity = 0;
	if (*r == ROLE__MAX)
		return "Escolha um papel.";
	if (ent != NULL && *ent != '\0' && valid_int(ent, 1, 1LL << 53, entity) != 0)
		return "Escolha uma entidade da lista.";
	if (*r == ROLE_MEMBER && *entity == 0)
		return "Um editor de entidade precisa de uma entidade.";
	if (*r != ROLE_MEMBER)
		*entity = 0;
	return NULL;
}

int
page_admin_user_new(struct ctx *c)
{
	const char	*login = req_form(c->req, "login"), *name = req_form(c->req, "name");
	const char	*why;
	char		 pw[AUTH_GEN_PW_LEN + 1], hash[crypto_pwhash_STRBYTES];
	sqlite3_stmt	*s;
	long long	 entity;
	enum role	 r;
	int		 rc, st;

	if (login == NULL || strlen(login) < 3 || strlen(login) > 254 || strchr(login, '@') ==
	    NULL || !valid_utf8(login, strlen(login)) || strpbrk(login, " \t\r\n") != NULL)
		return users_page(c, 400, "Indique um endereço de correio válido.", NULL, NULL);
	if (name == NULL || *name == '\0' || strlen(name) > 200 || !valid_utf8(name,
	    strlen(name)))
		return users_page(c, 400, "Indique o nome (até 200 carateres).", NULL, NULL);
	if ((why = role_entity(c, &r, &entity)) != NULL)
		return users_page(c, 400, why, NULL, NULL);
	if (auth_password_new(pw, hash) != 0 || sqlite3_prepare_v2(c->rw, "INSERT INTO staff "
	    "(login, name, role, entity_id, pw_hash) VALUES (?1, ?2, ?3, nullif(?4, 0), ?5)",
	    -1, &s, NULL) != SQLITE_OK)
		return db_failed_set(), 503;
	sqlite3_bind_text(s, 1, login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, auth_role_name(r), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, entity);
	sqlite3_bind_text(s, 5, hash, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		sodium_memzero(pw, sizeof pw);
		return users_page(c, 400, "Já existe uma conta com esse utilizador.", NULL, NULL);
	}
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "user_add", login,
	    auth_role_name(r));
	st = users_page(c, 200, NULL, login, pw);
	sodium_memzero(pw, sizeof pw);
	return st;
}

/* Loads account id into d (or only checks it exists when d is NULL).  Returns 1 found,
 * 0 not, -1 error; *login gets a copy of its login. */
static int
user_load(struct ctx *c, long long id, tpl_dict *d, char *login, size_t len, long long *ent,
    enum role *role)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(c->rw, "SELECT " USER_COLS " WHERE s.id = ?3", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	bind_limits(c, s);
	sqlite3_bind_int64(s, 3, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (d != NULL)
			user_row(s, d);
		snprintf(login, len, "%s", db_text(s, 1));
		*ent = sqlite3_column_int64(s, 8);
		*role = auth_role(db_text(s, 3));
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The actions offered on an account page. */
static const struct {
	const char	*path;
	const char	*label;
	const char	*help;
} actions[] = {
	{ "disable", "Desativar", "termina já todas as sessões da conta" },
	{ "enable", "Reativar", "a conta volta a poder entrar" },
	{ "password", "Nova palavra-passe", "gera uma e termina as sessões" },
	{ "reset-2fa", "Repor o segundo fator", "a pessoa volta a ativá-lo ao entrar" },
	{ "sessions-kill", "Terminar sessões", "obriga a entrar de novo" },
};

/* One account's page. */
static int
user_page(struct ctx *c, int status, const char *error, const char *newpw)
{
	tpl_dict	*b = page_admin_body(c, "admin_user.tpl", "Conta"), *a;
	char		 login[256];
	long long	 ent;
	enum role	 role;
	size_t		 i;
	int		 rc;

	if ((rc = user_load(c, c->num, b, login, sizeof login, &ent, &role)) <= 0) {
		c->body = NULL;
		c->error = "ERR_NOT_FOUND";
		return rc == 0 ? 404 : (db_failed_set(), 503);
	}
	tpl_set(b, "CSRF", c->me->csrf);
	choices(c, b, role, ent);
	if (error != NULL)
		tpl_set(tpl_section(b, "ERROR"), "TEXT", error);
	if (newpw != NULL)
		tpl_set(tpl_section(b, "NEWPW"), "PW", newpw);
	for (i = 0; i < sizeof actions / sizeof actions[0]; i++) {
		a = tpl_section(b, "ACTION");
		tpl_set(a, "DO", actions[i].path);
		tpl_set(a, "LABEL", actions[i].label);
		tpl_set(a, "HELP", actions[i].help);
	}
	return status;
}

int
page_admin_user(struct ctx *c)
{
	const char	*name = req_form(c->req, "name"), *why;
	char		 login[256];
	long long	 entity, oldent;
	enum role	 r, oldrole;
	sqlite3_stmt	*s;
	int		 rc;

	if (c->req->method != METHOD_POST)
		return user_page(c, 200, NULL, NULL);
	if ((rc = user_load(c, c->num, NULL, login, sizeof login, &oldent, &oldrole)) <= 0)
		return rc == 0 ? (c->error = "ERR_NOT_FOUND", 404) : (db_failed_set(), 503);
	if (name == NULL || *name == '\0' || strlen(name) > 200 || !valid_utf8(name,
	    strlen(name)))
		return user_page(c, 400, "Indique o nome (até 200 carateres).", NULL);
	if ((why = role_entity(c, &r, &entity)) != NULL)
		return user_page(c, 400, why, NULL);
	if (c->num == c->me->id && r != ROLE_ADMIN)
		return user_page(c, 400, "Não pode retirar a si mesmo o papel de administrador.",
		    NULL);
	if (sqlite3_prepare_v2(c->rw, "UPDATE staff SET name = ?2, role = ?3, entity_id = "
	    "nullif(?4, 0), updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
	    -1, &s, NULL) != SQLITE_OK)
		return db_failed_set(), 503;
	sqlite3_bind_int64(s, 1, c->num);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, auth_role_name(r), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, entity);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_failed_set(), 503;
	if (r != oldrole || entity != oldent)
		auth_sessions_kill(c->rw, c->num);	/* new rights take effect at once */
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "user_change", login,
	    auth_role_name(r));
	return user_page(c, 200, NULL, NULL);
}

int
page_admin_user_action(struct ctx *c)
{
	const char	*act = c->arg[1];
	char		 login[256], pw[AUTH_GEN_PW_LEN + 1], hash[crypto_pwhash_STRBYTES];
	long long	 ent;
	enum role	 role;
	int		 rc = 0, st;

	if ((rc = user_load(c, c->num, NULL, login, sizeof login, &ent, &role)) <= 0)
		return rc == 0 ? (c->error = "ERR_NOT_FOUND", 404) : (db_failed_set(), 503);
	if (c->num == c->me->id && strcmp(act, "enable") != 0 && strcmp(act, "password") != 0)
		return user_page(c, 400, "Não pode aplicar esta ação à sua própria conta.", NULL);
	if (strcmp(act, "disable") == 0)
		rc = exec2(c->rw, "UPDATE staff SET disabled = 1 WHERE id = ?1", c->num, NULL);
	else if (strcmp(act, "enable") == 0)
		rc = exec2(c->rw, "UPDATE staff SET disabled = 0 WHERE id = ?1", c->num, NULL);
	else if (strcmp(act, "reset-2fa") == 0)
		rc = exec2(c->rw, "UPDATE staff SET totp_secret = NULL, totp_pending = NULL, "
		    "totp_last_step = NULL WHERE id = ?1", c->num, NULL) ||
		    exec2(c->rw, "DELETE FROM recovery_code WHERE staff_id = ?1", c->num, NULL);
	else if (strcmp(act, "password") == 0)
		rc = auth_password_new(pw, hash) || exec2(c->rw, "UPDATE staff SET pw_hash = ?2 "
		    "WHERE id = ?1", c->num, hash);
	else if (strcmp(act, "sessions-kill") != 0)
		return c->error = "ERR_NOT_FOUND", 404;
	if (rc != 0 || (strcmp(act, "enable") != 0 && c->num != c->me->id &&
	    auth_sessions_kill(c->rw, c->num) < 0))
		return db_failed_set(), 503;
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, act, login, NULL);
	st = user_page(c, 200, NULL, strcmp(act, "password") == 0 ? pw : NULL);
	sodium_memzero(pw, sizeof pw);
	return st;
}
