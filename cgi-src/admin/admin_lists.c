/* The lists of records (/admin/plans, /admin/commitments, /admin/milestones...): a search
 * box, the filters that fit each kind, a choice of orders, one page of AL_PER_PAGE rows
 * with previous and next, and the counts in the heading and the table's caption.  The
 * whole state is in the address (a GET form), so that a list can be shared.  A member
 * editor sees only the commitments and milestones of its body, and so do the counts
 * (the scope is in the query, store/adminlist.h).  A parameter that is not acceptable
 * (page=abc, sort=evil, plan=0x) answers 400 with what is wrong and the form to correct
 * it; a page past the last shows the last, with a note. */
#include <stdio.h>
#include <string.h>

#include "lib/progress.h"
#include "http/req.h"
#include "store/adminlist.h"
#include "store/auth.h"
#include "store/db.h"
#include "store/edit.h"
#include "admin/admin.h"
#include "view/page.h"
#include "lib/buf.h"
#include "lib/domains.h"

/* How a cell shows its column (struct column). */
enum cell {
	C_LINK,       /* the record's name, a link to its form */
	C_TEXT,       /* text, or "não registado" */
	C_CODE,       /* a code of domain dom, by its label */
	C_PERCENT,    /* a percentage, or "sem dados" */
	C_UPDATED,    /* the day of a time of change */
	C_YESNO,      /* 1 sim, 0 não */
	C_PERIOD,     /* the dates col and col + 1 */
	C_WORKSPACE,  /* a commitment's OGP id (col), a link to its workspace (id: ref) */
	C_MILESTONES, /* a count of milestones, a link to them (the commitment: ref) */
	C_LATE        /* overdue (col) and stale (ref): counts or 0/1 */
};

/* One column of a list's table. */
struct column {
	const char *head;
	enum cell   how;
	int         col, ref;
	const char *dom; /* C_CODE: the domain's name */
};

/* A list of records: its kind, its query, what its search looks in, its columns. */
struct listdef {
	const char          *slug;
	enum al_list         list;
	const char          *hint;
	const struct column *cols;
	size_t               ncols;
};

static const struct column plan_cols[] = {
	{ "Plano", C_LINK, ALP_TITLE, 0, NULL },
	{ "N.º", C_TEXT, ALP_NUMBER, 0, NULL },
	{ "Estado", C_CODE, ALP_STATUS, 0, "plan_status" },
	{ "Período", C_PERIOD, ALP_START, 0, NULL },
	{ "Compromissos", C_TEXT, ALP_COUNT, 0, NULL },
	{ "Alterado em", C_UPDATED, ALP_UPDATED, 0, NULL },
};
static const struct column commitment_cols[] = {
	{ "Compromisso", C_LINK, ALC_TITLE, 0, NULL },
	{ "Identificador", C_TEXT, ALC_OGP_ID, 0, NULL },
	{ "Plano", C_TEXT, ALC_PLAN, 0, NULL },
	{ "Entidades responsáveis", C_TEXT, ALC_LEADS, 0, NULL },
	{ "Estado declarado", C_CODE, ALC_STATUS, 0, "self_status" },
	{ "Marcos", C_MILESTONES, ALC_MILESTONES, AL_KEY, NULL },
	{ "Progresso", C_PERCENT, ALC_PROGRESS, 0, NULL },
	{ "Alertas", C_LATE, ALC_OVERDUE, ALC_STALE, NULL },
	{ "Alterado em", C_UPDATED, ALC_UPDATED, 0, NULL },
};
static const struct column milestone_cols[] = {
	{ "Marco", C_LINK, ALM_TITLE, 0, NULL },
	{ "Compromisso", C_WORKSPACE, ALM_OGP_ID, ALM_CID, NULL },
	{ "Ordem", C_TEXT, ALM_POSITION, 0, NULL },
	{ "Plano", C_TEXT, ALM_PLAN, 0, NULL },
	{ "Estado", C_CODE, ALM_STATUS, 0, "ms_status" },
	{ "Progresso", C_PERCENT, ALM_PROGRESS, 0, NULL },
	{ "Data do progresso", C_TEXT, ALM_AS_OF, 0, NULL },
	{ "Fim previsto", C_TEXT, ALM_END, 0, NULL },
	{ "Alertas", C_LATE, ALM_OVERDUE, ALM_STALE, NULL },
};
static const struct column entity_cols[] = {
	{ "Entidade", C_LINK, ALE_NAME, 0, NULL },
	{ "Sigla", C_TEXT, ALE_ACRONYM, 0, NULL },
	{ "Setor", C_CODE, ALE_KIND, 0, "entity_kind" },
	{ "Membro da rede", C_YESNO, ALE_MEMBER, 0, NULL },
	{ "Alterado em", C_UPDATED, ALE_UPDATED, 0, NULL },
};
static const struct column event_cols[] = {
	{ "Evento", C_LINK, ALV_TITLE, 0, NULL },
	{ "Tipo", C_CODE, ALV_KIND, 0, "event_kind" },
	{ "Início", C_TEXT, ALV_START, 0, NULL },
	{ "Realizado ou anunciado", C_CODE, ALV_STATUS, 0, "held_status" },
};
static const struct column consultation_cols[] = {
	{ "Consulta", C_LINK, ALK_TITLE, 0, NULL },
	{ "Período (UTC)", C_PERIOD, ALK_OPENS, 0, NULL },
};
static const struct column page_cols[] = {
	{ "Página", C_LINK, ALG_TITLE, 0, NULL },
	{ "Endereço", C_TEXT, ALG_SLUG, 0, NULL },
	{ "Alterado em", C_UPDATED, ALG_UPDATED, 0, NULL },
};

#define COLS(a) a, sizeof(a) / sizeof(a)[0]
static const struct listdef listdefs[] = {
	{ "plans", AL_PLANS, "No título (PT ou EN), no nome abreviado e em «plano N».",
	    COLS(plan_cols) },
	{ "commitments", AL_COMMITMENTS, "No identificador OGP e no título (PT ou EN).",
	    COLS(commitment_cols) },
	{ "milestones", AL_MILESTONES,
	    "No título do marco (PT ou EN) e no identificador OGP do compromisso.",
	    COLS(milestone_cols) },
	{ "entities", AL_ENTITIES, "No nome (PT ou EN), na sigla e no identificador.",
	    COLS(entity_cols) },
	{ "events", AL_EVENTS, "No título (PT ou EN) e na organização.", COLS(event_cols) },
	{ "consultations", AL_CONSULTATIONS, "No título (PT ou EN).", COLS(consultation_cols) },
	{ "pages", AL_PAGES, "No endereço e no título (PT ou EN).", COLS(page_cols) },
};

/* The label of filter f on list l. */
static const char *
filter_label(enum al_list l, enum al_filter f)
{
	int cm = l == AL_COMMITMENTS;

	switch (f) {
	case ALF_PLAN:
		return "Plano";
	case ALF_COMMITMENT:
		return "Só os marcos do compromisso";
	case ALF_LEAD:
		return "Entidade responsável";
	case ALF_STATUS:
		return cm ? "Estado declarado" : "Estado";
	case ALF_OVERDUE:
		return cm ? "Com marcos atrasados" : "Atrasados";
	case ALF_STALE:
		return cm
		    ? "Com marcos desatualizados (progresso sem data ou com mais "
		      "de " PROGRESS_STALE_DAYS_TEXT " "
		      "dias)"
		    : "Desatualizados (progresso sem data ou com mais de " PROGRESS_STALE_DAYS_TEXT
		      " dias)";
	case ALF_MISSING:
		return "Tradução em falta (texto numa só língua)";
	case ALF_UNCONFIRMED:
		return l == AL_MILESTONES ? "Progresso por confirmar ou inferido"
		    : cm                  ? "Factos por confirmar ou inferidos"
					  : "Por confirmar ou inferido";
	case ALF_KIND:
		return l == AL_ENTITIES ? "Setor" : "Tipo";
	case ALF_MEMBER:
		return "Membro da rede";
	case ALF_YEAR:
		return "Ano";
	default:
		return adminlist_filter_name(f);
	}
}

/* A list of records being shown: its kind's list, name and request, and its table. */
struct state {
	const struct listdef *def;
	const char           *plural; /* the kind's name, "Marcos" */
	struct admin_list     a;
	tpl_dict             *b, *h; /* the page; its table (HAS_ROWS), once it has a row */
	int                   n;     /* rows shown */
};

/* Adds an option value/text to select d, selected when value is cur. */
static void
option(tpl_dict *d, const char *value, const char *text, const char *cur)
{
	tpl_dict *o = tpl_section(d, "OPT");

	tpl_set(o, "VALUE", value);
	tpl_set(o, "TEXT", text);
	if (cur != NULL && strcmp(cur, value) == 0)
		tpl_show(o, "SEL");
}

/* Fills select d with the rows of edit_choices(ref). */
static void
choices(tpl_dict *d, enum ref ref, const char *cur)
{
	sqlite3_stmt *s = edit_choices(ref);
	char          id[24];

	while (db_step(s) == SQLITE_ROW) {
		snprintf(id, sizeof id, "%lld", db_int64(s, CHOICE_ID));
		option(d, id, db_text(s, CHOICE_LABEL), cur);
	}
}

/* Fills select d with the codes of domain dm ("none" first when allowed). */
static void
codes(tpl_dict *d, enum dom dm, int none, const char *cur)
{
	const struct domain *dd = domain(dm);
	size_t               i;

	if (none)
		option(d, "none", "(não registado)", cur);
	for (i = 0; i < dd->n; i++)
		option(d, dd->codes[i].code, dd->codes[i].pt ? dd->codes[i].pt : dd->codes[i].code,
		    cur);
}

/* Adds the control of filter f to the form b. */
static void
control(struct state *st, tpl_dict *b, enum al_filter f)
{
	enum al_list l = st->def->list;
	const char  *cur = st->a.q.filter[f], *name = adminlist_filter_name(f);
	tpl_dict    *d = tpl_section(b, "FILTER"), *x;
	struct buf   u = { 0 };

	if (f == ALF_COMMITMENT) {
		if (cur == NULL)
			return;
		x = tpl_section(d, "HIDDEN");
		page_admin_list_url(&u, &st->a, f);
		tpl_set(x, "WITHOUT", u.p);
		buf_free(&u);
	} else if (f == ALF_YEAR)
		x = tpl_section(d, "YEAR");
	else if (adminlist_domain(l, f) == DOM__MAX && f != ALF_PLAN && f != ALF_LEAD &&
	    f != ALF_MEMBER)
		x = tpl_section(d, "CHECK");
	else
		x = tpl_section(d, "SELECT");
	tpl_set(x, "NAME", name);
	tpl_set(x, "LABEL", filter_label(l, f));
	tpl_set(x, "VALUE", cur);
	if (cur != NULL)
		tpl_show(x, "ON");
	if (f == ALF_PLAN || f == ALF_LEAD)
		choices(x, f == ALF_PLAN ? REF_PLAN : REF_ENTITY, cur);
	else if (f == ALF_MEMBER) {
		option(x, "1", "Membros", cur);
		option(x, "0", "Não membros", cur);
	} else if (adminlist_domain(l, f) != DOM__MAX)
		codes(x, adminlist_domain(l, f), f == ALF_STATUS, cur);
}

/* Fills the form of b: the search box, the filters, the orders. */
static void
form(struct state *st, tpl_dict *b)
{
	const char *name, *label;
	tpl_dict   *d;
	int         f, i;

	if (adminlist_searchable(st->def->list)) {
		d = tpl_section(b, "SEARCH");
		tpl_set(d, "Q", st->a.q.q);
		tpl_set(d, "HINT", st->def->hint);
	}
	for (f = 0; f < ALF__MAX; f++)
		if (adminlist_has(st->def->list, f))
			control(st, b, f);
	for (i = 0; (name = adminlist_sort(st->def->list, i, &label)) != NULL; i++) {
		d = tpl_section(b, "SORT");
		tpl_set(d, "VALUE", name);
		tpl_set(d, "TEXT", label);
		if (i == st->a.q.sort)
			tpl_show(d, "SEL");
	}
}

/* Shows text t in cell d: as a link to href (NULL: plain), or as missing when t is
 * NULL (missing: what to say then). */
static void
show(tpl_dict *d, const char *href, const char *t, const char *missing)
{
	tpl_dict *x;

	if (t == NULL) {
		tpl_set(tpl_section(d, "MISSING"), "TEXT", missing);
		return;
	}
	x = tpl_section(d, href != NULL ? "LINK" : "PLAIN");
	tpl_set(x, "TEXT", t);
	if (href != NULL)
		tpl_set(x, "HREF", href);
}

/* What the alerts of a row say: overdue o and stale n, counts of milestones (a
 * commitment) or 0/1 (a milestone); into out, NULL when none. */
static const char *
alerts(int counts, long long o, long long n, char *out, size_t len)
{
	if (o == 0 && n == 0)
		return NULL;
	if (!counts)
		snprintf(out, len, "%s%s%s", o ? "atrasado" : "", o && n ? " · " : "",
		    n ? "desatualizado" : "");
	else
		snprintf(out, len, "%lld %s%s%lld %s", o, o == 1 ? "atrasado" : "atrasados", " · ",
		    n, n == 1 ? "desatualizado" : "desatualizados");
	return out;
}

/* Fills cell d of the row at s with column col of list st. */
static void
cell(const struct state *st, tpl_dict *d, const struct column *col, sqlite3_stmt *s)
{
	const char *t = db_text(s, col->col), *e;
	char        href[64], txt[96];

	tpl_show(d, col->how == C_LINK ? "TH" : "TD");
	switch (col->how) {
	case C_LINK:
		snprintf(href, sizeof href, "/admin/%s/%lld", st->def->slug, db_int64(s, AL_KEY));
		show(d, href, t != NULL ? t : "(sem título)", NULL);
		break;
	case C_WORKSPACE:
		snprintf(href, sizeof href, "/admin/commitments/%lld", db_int64(s, col->ref));
		show(d, href, t, "não registado");
		break;
	case C_MILESTONES:
		show(d, NULL, t, "0");
		if (db_int64(s, col->col) > 0) {
			snprintf(href, sizeof href, "/admin/milestones?commitment=%lld",
			    db_int64(s, col->ref));
			d = tpl_section(d, "EXTRA");
			tpl_set(d, "HREF", href);
			tpl_set(d, "TEXT", "ver os marcos");
		}
		break;
	case C_CODE:
		e = t != NULL ? domain_label(col->dom, t, 0) : NULL;
		show(d, NULL, e != NULL ? e : t, "não registado");
		break;
	case C_PERCENT:
		snprintf(txt, sizeof txt, "%d %%", db_int(s, col->col));
		show(d, NULL, t != NULL ? txt : NULL, "sem dados");
		break;
	case C_UPDATED:
		snprintf(txt, sizeof txt, "%.10s", t != NULL ? t : "");
		show(d, NULL, t != NULL ? txt : NULL, "não registado");
		break;
	case C_YESNO:
		show(d, NULL, db_int(s, col->col) ? "sim" : "não", NULL);
		break;
	case C_PERIOD:
		e = db_text(s, col->col + 1);
		snprintf(txt, sizeof txt, "%.30s a %.30s", t ? t : "?", e ? e : "?");
		show(d, NULL, t != NULL || e != NULL ? txt : NULL, "não registado");
		break;
	case C_LATE:
		show(d, NULL,
		    alerts(st->def->list == AL_COMMITMENTS, db_int64(s, col->col),
			db_int64(s, col->ref), txt, sizeof txt),
		    "—");
		break;
	default:
		show(d, NULL, t, "não registado");
	}
}

/* Adds the row at s to the table of the list arg (struct state). */
static void
table_row(void *arg, sqlite3_stmt *s)
{
	struct state *st = arg;
	tpl_dict     *r;
	size_t        i;

	if (st->h == NULL) {
		st->h = tpl_section(st->b, "HAS_ROWS");
		for (i = 0; i < st->def->ncols; i++)
			tpl_set(tpl_section(st->h, "HEAD"), "TEXT", st->def->cols[i].head);
	}
	r = tpl_section(st->h, "ROW");
	for (i = 0; i < st->def->ncols; i++)
		cell(st, tpl_section(r, "CELL"), &st->def->cols[i], s);
	st->n++;
}

/* The counts of the heading and of the caption of the list st: the rows kept of all,
 * "(de N)" when a search or a filter is on; the rows shown. */
static void
counts(const struct state *st)
{
	page_admin_headcount(st->b, &st->a, "");
	if (st->h != NULL)
		page_admin_caption(st->h, &st->a, st->plural, st->n);
	if (st->n == 0)
		tpl_set(tpl_section(st->b, "EMPTY"), "EMPTY_TEXT",
		    adminlist_filtered(&st->a.q)
			? "Nenhum registo corresponde à pesquisa e aos filtros."
			: "Não há registos que possa editar.");
}

int
page_admin_list(struct ctx *c)
{
	const struct kind *k = edit_kind(c->arg[0]);
	struct state       st;
	char               path[64], lc[64];
	size_t             i;

	memset(&st, 0, sizeof st);
	for (i = 0; k != NULL && i < sizeof listdefs / sizeof listdefs[0]; i++)
		if (strcmp(listdefs[i].slug, k->slug) == 0)
			st.def = &listdefs[i];
	if (st.def == NULL)
		return c->error = "ERR_NOT_FOUND", 404;
	if (c->me->role == ROLE_MEMBER && !k->member) {
		auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "forbidden",
		    c->req->path, "member editor outside its body");
		return c->error = "ERR_FORBIDDEN", 403;
	}
	st.plural = k->plural;
	st.b = page_admin_body(c, "admin_list.tpl", k->plural);
	tpl_set(st.b, "KIND", k->slug);
	tpl_set(st.b, "PLURAL", k->plural);
	for (i = 0; k->plural[i] != '\0' && i + 1 < sizeof lc; i++)
		lc[i] = (char)(k->plural[i] >= 'A' && k->plural[i] <= 'Z' ? k->plural[i] + 32
									  : k->plural[i]);
	lc[i] = '\0';
	tpl_set(st.b, "PLURAL_LC", lc);
	if (c->me->role != ROLE_MEMBER || strcmp(k->slug, "milestones") == 0)
		tpl_show(st.b, "NEW");
	if (req_param(c->req, "sent") != NULL)
		page_flash(c, "Enviado para revisão. O ponto focal vai analisar a alteração.");
	if (req_param(c->req, "deleted") != NULL)
		page_flash(c, "Apagado. A remoção ficou registada no histórico.");
	snprintf(path, sizeof path, "/admin/%s", k->slug);
	page_admin_list_read(c, st.b, &st.a, st.def->list, path, "q");
	st.a.q.body = page_admin_scope(c);
	form(&st, st.b);
	if (st.a.bad > 0)
		return 400;
	if (page_admin_list_run(c, st.b, &st.a, table_row, &st) < 0)
		return 503;
	counts(&st);
	return 200;
}
