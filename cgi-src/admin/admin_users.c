/* Accounts, for administrators: create (the password is shown once), change name, role
 * and body, disable (ending the sessions at once), enable, new password, reset the
 * second factor, end sessions.  Every change goes to the audit log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "http/req.h"
#include "store/adminlist.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/editfields.h"
#include "store/staff.h"
#include "store/stmt.h"
#include "admin/admin.h"
#include "view/page.h"
#include "lib/valid.h"

static const char *const role_labels[ROLE__MAX] = {
	"Administrador",         /* ROLE_ADMIN */
	"Editor do ponto focal", /* ROLE_FOCAL */
	"Editor de entidade",    /* ROLE_MEMBER */
};

/* Runs account statement id on account id with text ?2 (unless NULL).  Returns 0 or -1. */
static int
user_run(enum staff_stmt id, long long account, const char *text)
{
	sqlite3_stmt *s = staff_stmt(id);

	db_bind_int64(s, 1, account);
	if (text != NULL)
		db_bind_text(s, 2, text);
	return store_run(s);
}

/* Adds the role and body choices to d, with role and entity selected. */
static void
choices(tpl_dict *d, enum role role, long long entity)
{
	sqlite3_stmt *s;
	tpl_dict     *o;
	int           i;

	for (i = 0; i < ROLE__MAX; i++) {
		o = tpl_section(d, "ROLEOPT");
		tpl_set(o, "V", auth_role_name((enum role)i));
		tpl_set(o, "L", role_labels[i]);
		if ((int)role == i)
			tpl_show(o, "SEL");
	}
	tpl_set(tpl_section(d, "ENTOPT"), "L", "—");
	s = edit_choices(REF_ENTITY);
	while (db_step(s) == SQLITE_ROW) {
		o = tpl_section(d, "ENTOPT");
		tpl_set(o, "V", db_text(s, CHOICE_ID));
		tpl_set(o, "L", db_text(s, CHOICE_LABEL));
		if (db_int64(s, CHOICE_ID) == entity)
			tpl_show(o, "SEL");
	}
}

/* Adds the role filter of the account list to d, with role cur (NULL: any) selected. */
static void
role_filter(tpl_dict *d, const char *cur)
{
	tpl_dict *o;
	int       i;

	for (i = 0; i < ROLE__MAX; i++) {
		o = tpl_section(d, "FROLE");
		tpl_set(o, "V", auth_role_name((enum role)i));
		tpl_set(o, "L", role_labels[i]);
		if (cur != NULL && strcmp(cur, auth_role_name((enum role)i)) == 0)
			tpl_show(o, "SEL");
	}
}

/* Sets an account's columns in d from a row of SF_USER or of the list (AL_USERS). */
static void
user_row(sqlite3_stmt *s, tpl_dict *d)
{
	enum role r = auth_role(db_text(s, SFU_ROLE));

	tpl_set(d, "ID", db_text(s, SFU_ID));
	tpl_set(d, "LOGIN", db_text(s, SFU_LOGIN));
	tpl_set(d, "NAME", db_text(s, SFU_NAME));
	tpl_set(d, "ROLE", r < ROLE__MAX ? role_labels[r] : "?");
	tpl_set(d, "ENTITY", db_text(s, SFU_ENTITY_NAME));
	tpl_set(d, "TOTP", db_int(s, SFU_HAS_TOTP) ? "ativo" : "por ativar");
	tpl_set(d, "STATE", db_int(s, SFU_DISABLED) ? "desativada" : "ativa");
	tpl_set(d, "SESSIONS", db_text(s, SFU_SESSIONS));
}

/* Returns account statement SF_USER with the session limits bound. */
static sqlite3_stmt *
users_stmt(struct ctx *c, enum staff_stmt id)
{
	sqlite3_stmt *s = staff_stmt(id);

	db_bind_int64(s, 1, (long long)c->now - AUTH_IDLE_SECONDS);
	db_bind_int64(s, 2, (long long)c->now - AUTH_ABSOLUTE_SECONDS);
	return s;
}

/* Adds the account at s (SFU_ columns) to the page arg. */
static void
user_list_row(void *arg, sqlite3_stmt *s)
{
	user_row(s, tpl_section(arg, "U"));
}

/* The account list (searched, by role, paged) and the new-account form. */
static int
users_page(struct ctx *c, int status, const char *error, const char *newlogin, const char *newpw)
{
	tpl_dict         *b = page_admin_body(c, "admin_users.tpl", "Utilizadores"), *d;
	struct admin_list a;

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
	choices(b, auth_role(req_form(c->req, "role")),
	    strtoll(req_form(c->req, "entity") ? req_form(c->req, "entity") : "0", NULL, 10));
	page_admin_list_read(c, b, &a, AL_USERS, "/admin/users", "q");
	role_filter(b, a.q.filter[ALF_ROLE]);
	tpl_set(b, "Q", a.q.q);
	if (a.bad > 0)
		return 400;
	if (page_admin_list_run(c, b, &a, user_list_row, b) < 0)
		return 503;
	page_admin_headcount(b, &a, "");
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
	const char *ent = req_form(c->req, "entity");

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
	const char   *login = req_form(c->req, "login"), *name = req_form(c->req, "name");
	const char   *why;
	char          pw[AUTH_GEN_PW_LEN + 1], hash[crypto_pwhash_STRBYTES];
	sqlite3_stmt *s;
	long long     entity;
	enum role     r;
	int           st;

	if (login == NULL || strlen(login) < 3 || strlen(login) > 254 ||
	    strchr(login, '@') == NULL || !valid_utf8(login, strlen(login)) ||
	    strpbrk(login, " \t\r\n") != NULL)
		return users_page(c, 400, "Indique um endereço de correio válido.", NULL, NULL);
	if (name == NULL || *name == '\0' || strlen(name) > 200 || !valid_utf8(name, strlen(name)))
		return users_page(c, 400, "Indique o nome (até 200 carateres).", NULL, NULL);
	if ((why = role_entity(c, &r, &entity)) != NULL)
		return users_page(c, 400, why, NULL, NULL);
	if (auth_password_new(pw, hash) != 0)
		return db_failed_set(), 503;
	s = staff_stmt(SF_USER_ADD);
	db_bind_text(s, 1, login);
	db_bind_text(s, 2, name);
	db_bind_text(s, 3, auth_role_name(r));
	db_bind_int64(s, 4, entity);
	db_bind_text(s, 5, hash);
	if ((st = db_run_refusable(s)) != 0) {
		sodium_memzero(pw, sizeof pw);
		return st < 0 ? 503
			      : users_page(c, 400,
				    "Já existe uma conta com esse "
				    "utilizador.",
				    NULL, NULL);
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
	sqlite3_stmt *s = users_stmt(c, SF_USER);
	int           rc;

	db_bind_int64(s, 3, id);
	if ((rc = db_row(s)) == 1) {
		if (d != NULL)
			user_row(s, d);
		snprintf(login, len, "%s", db_text(s, SFU_LOGIN));
		*ent = db_int64(s, SFU_ENTITY_ID);
		*role = auth_role(db_text(s, SFU_ROLE));
	}
	db_reset(s);
	return rc;
}

/* The actions offered on an account page. */
static const struct {
	const char *path;
	const char *label;
	const char *help;
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
	tpl_dict *b = page_admin_body(c, "admin_user.tpl", "Conta"), *a;
	char      login[256];
	long long ent;
	enum role role;
	size_t    i;
	int       rc;

	if ((rc = user_load(c, c->num, b, login, sizeof login, &ent, &role)) <= 0) {
		c->body = NULL;
		c->error = "ERR_NOT_FOUND";
		return rc == 0 ? 404 : 503;
	}
	tpl_set(b, "CSRF", c->me->csrf);
	choices(b, role, ent);
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
	const char   *name = req_form(c->req, "name"), *why;
	char          login[256];
	long long     entity, oldent;
	enum role     r, oldrole;
	sqlite3_stmt *s;
	int           rc;

	if (c->req->method != METHOD_POST)
		return user_page(c, 200, NULL, NULL);
	if ((rc = user_load(c, c->num, NULL, login, sizeof login, &oldent, &oldrole)) <= 0)
		return rc == 0 ? (c->error = "ERR_NOT_FOUND", 404) : 503;
	if (name == NULL || *name == '\0' || strlen(name) > 200 || !valid_utf8(name, strlen(name)))
		return user_page(c, 400, "Indique o nome (até 200 carateres).", NULL);
	if ((why = role_entity(c, &r, &entity)) != NULL)
		return user_page(c, 400, why, NULL);
	if (c->num == c->me->id && r != ROLE_ADMIN)
		return user_page(
		    c, 400, "Não pode retirar a si mesmo o papel de administrador.", NULL);
	s = staff_stmt(SF_USER_CHANGE);
	db_bind_int64(s, 1, c->num);
	db_bind_text(s, 2, name);
	db_bind_text(s, 3, auth_role_name(r));
	db_bind_int64(s, 4, entity);
	if (store_run(s) != 0)
		return 503;
	if (r != oldrole || entity != oldent)
		auth_sessions_kill(c->rw, c->num); /* new rights take effect at once */
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "user_change", login,
	    auth_role_name(r));
	return user_page(c, 200, NULL, NULL);
}

int
page_admin_user_action(struct ctx *c)
{
	const char *act = c->arg[1];
	char        login[256], pw[AUTH_GEN_PW_LEN + 1], hash[crypto_pwhash_STRBYTES];
	long long   ent;
	enum role   role;
	int         rc = 0, st;

	if ((rc = user_load(c, c->num, NULL, login, sizeof login, &ent, &role)) <= 0)
		return rc == 0 ? (c->error = "ERR_NOT_FOUND", 404) : 503;
	if (c->num == c->me->id && strcmp(act, "enable") != 0 && strcmp(act, "password") != 0)
		return user_page(c, 400, "Não pode aplicar esta ação à sua própria conta.", NULL);
	rc = 0; /* user_load's 1; sessions-kill runs nothing before the kill below */
	if (strcmp(act, "disable") == 0)
		rc = user_run(SF_DISABLE, c->num, NULL);
	else if (strcmp(act, "enable") == 0)
		rc = user_run(SF_ENABLE, c->num, NULL);
	else if (strcmp(act, "reset-2fa") == 0)
		rc = auth_totp_reset(c->rw, c->num);
	else if (strcmp(act, "password") == 0)
		rc = auth_password_new(pw, hash) || user_run(SF_PASSWORD, c->num, hash);
	else if (strcmp(act, "sessions-kill") != 0)
		return c->error = "ERR_NOT_FOUND", 404;
	if (rc != 0 ||
	    (strcmp(act, "enable") != 0 && c->num != c->me->id &&
		auth_sessions_kill(c->rw, c->num) < 0))
		return db_failed_set(), 503;
	auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, act, login, NULL);
	st = user_page(c, 200, NULL, strcmp(act, "password") == 0 ? pw : NULL);
	sodium_memzero(pw, sizeof pw);
	return st;
}
