/* admin_page: the frame every staff page shares: the admin layout with the staff
 * member, the menu their role sees, and a status message (see admin.h). */
#include <string.h>

#include "admin/admin.h"
#include "http/req.h"
#include "store/auth.h"

/* The admin navigation: path, label, and the lowest role that sees it. */
static const struct {
	const char *href;
	const char *label;
	enum role   role; /* ROLE_MEMBER: everyone; ROLE_FOCAL: focal and admin; ROLE_ADMIN */
} admin_nav[] = {
	{ "/admin/", "Painel", ROLE_MEMBER },
	{ "/admin/reviews", "Revisões", ROLE_FOCAL },
	{ "/admin/rounds", "Rondas de reporte", ROLE_FOCAL },
	{ "/admin/submissions", "Contributos", ROLE_FOCAL },
	{ "/admin/consultations", "Consultas", ROLE_FOCAL },
	{ "/admin/plans", "Planos", ROLE_FOCAL },
	{ "/admin/commitments", "Compromissos", ROLE_MEMBER },
	{ "/admin/milestones", "Marcos", ROLE_MEMBER },
	{ "/admin/entities", "Entidades", ROLE_FOCAL },
	{ "/admin/events", "Eventos", ROLE_FOCAL },
	{ "/admin/pages", "Páginas", ROLE_FOCAL },
	{ "/admin/import", "Importar", ROLE_FOCAL },
	{ "/admin/links", "Ligações", ROLE_FOCAL },
	{ "/admin/subscriptions", "Alertas por correio", ROLE_FOCAL },
	{ "/admin/users", "Utilizadores", ROLE_ADMIN },
	{ "/admin/audit", "Registos", ROLE_ADMIN },
	{ "/admin/logins", "Tentativas de entrada", ROLE_ADMIN },
};

tpl_dict *
page_admin_body(struct ctx *c, const char *tplfile, const char *title)
{
	tpl_dict *me, *nav, *it;
	size_t    i;

	c->layout = "admin_layout.tpl";
	page_title(c, "%s", title);
	if (c->me != NULL) {
		me = tpl_section(c->page, "ME");
		tpl_set(me, "NAME", c->me->name);
		tpl_set(me, "ROLE", auth_role_name(c->me->role));
		tpl_set(me, "CSRF", c->me->csrf);
	}
	if (c->me != NULL && c->me->full) {
		nav = tpl_section(c->page, "NAV");
		for (i = 0; i < sizeof admin_nav / sizeof admin_nav[0]; i++) {
			if (c->me->role > admin_nav[i].role)
				continue;
			it = tpl_section(nav, "ITEM");
			tpl_set(it, "HREF", admin_nav[i].href);
			tpl_set(it, "LABEL", admin_nav[i].label);
			tpl_set(it, "CURRENT",
			    strcmp(admin_nav[i].href, c->req->path) == 0 ? "page" : "false");
		}
	}
	return page_body(c, tplfile);
}

void
page_flash(struct ctx *c, const char *text)
{
	tpl_set(tpl_section(c->page, "FLASH"), "TEXT", text);
}
