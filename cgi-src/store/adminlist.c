/* adminlist: the staff's lists, searched, filtered, sorted and paged (see adminlist.h).
 * The SQL texts of each list are in its struct spec below; the query of a request is
 * put together from them alone, and every value is bound by name. */
#include <stdio.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/progress.h"
#include "lib/valid.h"
#include "store/adminlist.h"
#include "store/auth.h"
#include "store/db.h"

/* The rules of lib/progress.h in SQL, on the milestone m (progress_overdue,
 * progress_stale; 180 is PROGRESS_STALE_DAYS). */
#define OVERDUE \
	"(m.planned_end IS NOT NULL AND length(m.planned_end) IN (4, 7, 10) " \
	"AND substr(:today, 1, length(m.planned_end)) > m.planned_end " \
	"AND coalesce(m.progress, -1) <> 100 AND coalesce(m.status, '') <> 'complete')"
#define STALE \
	"(coalesce(m.status, '') NOT IN ('complete', 'withdrawn') AND (m.progress IS NULL " \
	"OR coalesce(length(m.progress_as_of), 0) NOT IN (4, 7, 10) " \
	"OR m.progress_as_of < substr(date(:today, '-" PROGRESS_STALE_DAYS_TEXT \
	" days'), 1, length(m.progress_as_of))))"
/* A commitment c led by body :lead (a list of commitments the index
 * commitment_entity_entity gives). */
#define LED_BY \
	"c.id IN (SELECT commitment_id FROM commitment_entity WHERE entity_id = :lead AND " \
	"role = 'lead')"
/* A commitment c that body :body leads or supports (a member editor's scope, as
 * review_member_owns). */
#define MEMBER_SCOPE "c.id IN (SELECT commitment_id FROM commitment_entity WHERE entity_id = :body)"
/* Text a matches :q once folded (al_fold), its % and _ escaped by \ (pattern()). */
#define LIKE(a) "al_fold(" a ") LIKE :q ESCAPE '\\'"
/* The two languages of a text: one set and the other not. */
#define ONE(a) "(" a "_pt IS NULL) <> (" a "_en IS NULL)"
/* A fact unconfirmed or inferred. */
#define DOUBT(a) a " IN ('unconfirmed', 'inferred')"
#define TITLE(t) "coalesce(" t ".title_pt, " t ".title_en)"

/* One order of a list: its URL name, its label, the ORDER BY (ending in a unique key). */
struct sort {
	const char *name, *label, *order;
};

/* One list's SQL texts. */
struct spec {
	const char *from;  /* its rows, with fixed aliases */
	const char *all;   /* the same rows for their count without filters, when fewer
			    * tables will do (NULL: from) */
	const char *key;   /* the key of a row */
	const char *base;  /* what every row of the list meets, or NULL */
	const char *scope; /* the member editor's scope (:body); NULL: not for them */
	const char *search;
	const char *cond[ALF__MAX]; /* each filter's condition; NULL: not offered */
	enum dom    status, kind;   /* the codes of ALF_STATUS and ALF_KIND */
	struct sort sort[AL_SORTS];
	const char *cols; /* the columns of a row after its key, from the list's FROM */
};

static const struct spec specs[AL__MAX] = {
	[AL_PLANS] = {
	    .from = "action_plan p",
	    .key = "p.id",
	    .search = "(" LIKE(TITLE("p")) " OR " LIKE("p.short_pt") " OR " LIKE("p.ogp_title")
		" OR " LIKE("'plano ' || p.number") ")",
	    .cond = {
		[ALF_STATUS] = "coalesce(p.status, 'none') = :status",
		[ALF_MISSING] = "(" ONE("p.title") " OR " ONE("p.summary") " OR " ONE("p.cocreation")
		    " OR " ONE("p.note") ")",
		[ALF_UNCONFIRMED] = (DOUBT("p.published_confidence")),
		[ALF_YEAR] = (":year BETWEEN substr(p.period_start, 1, 4) AND "
			      "substr(coalesce(p.period_end, p.period_start), 1, 4)"),
	    },
	    .status = DOM_PLAN_STATUS,
	    .kind = DOM__MAX,
	    .sort = {
		{ "number", "Número", "p.number" },
		{ "title", "Título", "al_fold(" TITLE("p") "), p.number" },
		{ "start", "Início (mais recentes primeiro)", "p.period_start DESC, p.number" },
		{ "updated", "Última alteração", "p.updated_at DESC, p.number" },
	    },
	    .cols = "coalesce(" TITLE("p") ", 'Plano ' || p.number), p.number, p.status, "
		"p.period_start, p.period_end, (SELECT count(*) FROM commitment c WHERE "
		"c.plan_id = p.id), p.updated_at",
	},
	[AL_COMMITMENTS] = {
	    .from = "commitment c JOIN action_plan p ON p.id = c.plan_id "
		"LEFT JOIN commitment_progress cp ON cp.commitment_id = c.id",
	    .all = "commitment c",
	    .key = "c.id",
	    .scope = MEMBER_SCOPE,
	    .search = "(" LIKE("c.ogp_id") " OR " LIKE("c.title_pt") " OR " LIKE("c.title_en") ")",
	    .cond = {
		[ALF_PLAN] = "c.plan_id = :plan",
		[ALF_LEAD] = (LED_BY),
		[ALF_STATUS] = "coalesce(c.self_status, 'none') = :status",
		[ALF_OVERDUE] = "EXISTS (SELECT 1 FROM milestone m WHERE m.commitment_id = c.id AND "
		    OVERDUE ")",
		[ALF_STALE] = "EXISTS (SELECT 1 FROM milestone m WHERE m.commitment_id = c.id AND "
		    STALE ")",
		[ALF_MISSING] = "(" ONE("c.title") " OR " ONE("c.summary") ")",
		[ALF_UNCONFIRMED] = "(" DOUBT("c.ogp_id_confidence") " OR "
		    DOUBT("c.title_pt_confidence") " OR " DOUBT("c.title_en_confidence") " OR "
		    DOUBT("c.values_confidence") " OR " DOUBT("c.self_confidence") " OR "
		    DOUBT("c.irm_confidence") " OR " DOUBT("c.irm_early_results_confidence")
		    " OR EXISTS (SELECT 1 FROM commitment_entity ue WHERE ue.commitment_id = c.id "
		    "AND " DOUBT("ue.confidence") "))",
	    },
	    .status = DOM_SELF_STATUS,
	    .kind = DOM__MAX,
	    .sort = {
		{ "plan", "Plano e número", "p.number, c.number, c.ogp_id" },
		{ "ogp", "Identificador OGP", "c.ogp_id" },
		{ "title", "Título", "al_fold(" TITLE("c") "), c.ogp_id" },
		{ "end", "Fim previsto", "c.end_date IS NULL, c.end_date, c.ogp_id" },
		{ "updated", "Última alteração", "c.updated_at DESC, c.ogp_id" },
	    },
	    .cols = TITLE("c") ", c.ogp_id, p.number, (SELECT group_concat(n, ', ') "
		"FROM (SELECT coalesce(e.acronym, e.name_pt, e.name_en, e.slug) AS n FROM "
		"commitment_entity ce JOIN entity e ON e.id = ce.entity_id WHERE "
		"ce.commitment_id = c.id AND ce.role = 'lead' ORDER BY ce.position)), "
		"c.self_status, coalesce(cp.total, 0), CASE WHEN cp.known > 0 THEN "
		"round(cp.sum / cp.known) END, (SELECT count(*) FROM milestone m WHERE "
		"m.commitment_id = c.id AND " OVERDUE "), (SELECT count(*) FROM milestone m "
		"WHERE m.commitment_id = c.id AND " STALE "), c.updated_at",
	},
	[AL_MILESTONES] = {
	    .from = "milestone m JOIN commitment c ON c.id = m.commitment_id "
		"JOIN action_plan p ON p.id = c.plan_id",
	    .all = "milestone m JOIN commitment c ON c.id = m.commitment_id",
	    .key = "m.id",
	    .scope = MEMBER_SCOPE,
	    .search = "(" LIKE("m.title_pt") " OR " LIKE("m.title_en") " OR " LIKE("c.ogp_id")
		")",
	    .cond = {
		[ALF_PLAN] = "c.plan_id = :plan",
		[ALF_COMMITMENT] = "m.commitment_id = :commitment",
		[ALF_LEAD] = (LED_BY),
		[ALF_STATUS] = "coalesce(m.status, 'none') = :status",
		[ALF_OVERDUE] = (OVERDUE),
		[ALF_STALE] = (STALE),
		[ALF_MISSING] = (ONE("m.title")),
		[ALF_UNCONFIRMED] = (DOUBT("m.progress_confidence")),
	    },
	    .status = DOM_MS_STATUS,
	    .kind = DOM__MAX,
	    .sort = {
		{ "plan", "Plano, compromisso e ordem", "p.number, c.number, c.ogp_id, m.position" },
		{ "end", "Fim previsto", "m.planned_end IS NULL, m.planned_end, c.ogp_id, "
		    "m.position" },
		{ "progress", "Progresso (menor primeiro)", "m.progress IS NULL, m.progress, "
		    "c.ogp_id, m.position" },
		{ "title", "Título", "al_fold(" TITLE("m") "), c.ogp_id, m.position" },
		{ "updated", "Última alteração", "m.updated_at DESC, c.ogp_id, m.position" },
	    },
	    .cols = TITLE("m") ", c.id, c.ogp_id, m.position, p.number, m.status, "
		"m.progress, m.progress_as_of, m.planned_end, " OVERDUE ", " STALE,
	},
	[AL_ENTITIES] = {
	    .from = "entity e",
	    .key = "e.id",
	    .search = "(" LIKE("e.name_pt") " OR " LIKE("e.name_en") " OR " LIKE("e.acronym")
		" OR " LIKE("e.slug") ")",
	    .cond = {
		[ALF_MISSING] = "(" ONE("e.name") " OR " ONE("e.description") ")",
		[ALF_UNCONFIRMED] = (DOUBT("e.member_confidence")),
		[ALF_KIND] = "e.kind = :kind",
		[ALF_MEMBER] = "e.is_member = :member",
	    },
	    .status = DOM__MAX,
	    .kind = DOM_ENTITY_KIND,
	    .sort = {
		{ "name", "Nome", "al_fold(coalesce(e.name_pt, e.name_en, e.acronym, e.slug)), "
		    "e.id" },
		{ "acronym", "Sigla", "e.acronym IS NULL, al_fold(e.acronym), e.id" },
		{ "updated", "Última alteração", "e.updated_at DESC, e.id" },
	    },
	    .cols = "coalesce(e.name_pt, e.name_en, e.acronym, e.slug), e.acronym, e.kind, "
		"e.is_member, e.updated_at",
	},
	[AL_EVENTS] = {
	    .from = "event v",
	    .key = "v.id",
	    .search = "(" LIKE("v.title_pt") " OR " LIKE("v.title_en") " OR " LIKE("v.organiser")
		")",
	    .cond = {
		[ALF_STATUS] = "coalesce(v.status, 'none') = :status",
		[ALF_MISSING] = "(" ONE("v.title") " OR " ONE("v.description") ")",
		[ALF_UNCONFIRMED] = (DOUBT("v.date_confidence")),
		[ALF_KIND] = "v.kind = :kind",
		[ALF_YEAR] = "substr(v.start_date, 1, 4) = :year",
	    },
	    .status = DOM_HELD_STATUS,
	    .kind = DOM_EVENT_KIND,
	    .sort = {
		{ "date", "Data (mais recentes primeiro)", "v.start_date DESC, v.id DESC" },
		{ "title", "Título", "al_fold(" TITLE("v") "), v.id" },
		{ "updated", "Última alteração", "v.updated_at DESC, v.id" },
	    },
	    .cols = TITLE("v") ", v.kind, v.start_date, v.status",
	},
	[AL_CONSULTATIONS] = {
	    .from = "consultation k",
	    .key = "k.id",
	    .search = "(" LIKE("k.title_pt") " OR " LIKE("k.title_en") ")",
	    .cond = {
		[ALF_MISSING] = "(" ONE("k.title") " OR " ONE("k.description") " OR "
		    ONE("k.questions") ")",
		[ALF_YEAR] = "substr(k.opens_at, 1, 4) = :year",
	    },
	    .status = DOM__MAX,
	    .kind = DOM__MAX,
	    .sort = {
		{ "opens", "Abertura (mais recentes primeiro)", "k.opens_at DESC, k.id DESC" },
		{ "title", "Título", "al_fold(" TITLE("k") "), k.id" },
		{ "updated", "Última alteração", "k.updated_at DESC, k.id" },
	    },
	    .cols = TITLE("k") ", k.opens_at, k.closes_at",
	},
	[AL_PAGES] = {
	    .from = "page g",
	    .key = "g.rowid",
	    .search = "(" LIKE("g.slug") " OR " LIKE("g.title_pt") " OR " LIKE("g.title_en") ")",
	    .cond = {
		[ALF_MISSING] = "(" ONE("g.title") " OR " ONE("g.body") ")",
	    },
	    .status = DOM__MAX,
	    .kind = DOM__MAX,
	    .sort = {
		{ "slug", "Endereço", "g.slug" },
		{ "title", "Título", "al_fold(" TITLE("g") "), g.slug" },
		{ "updated", "Última alteração", "g.updated_at DESC, g.slug" },
	    },
	    .cols = "coalesce(" TITLE("g") ", g.slug), g.slug, g.updated_at",
	},
	[AL_REVIEWS] = {
	    .from = "draft d JOIN staff s ON s.id = d.staff_id LEFT JOIN entity e ON "
		"e.id = s.entity_id",
	    .key = "d.id",
	    .base = "d.status = 'pending'",
	    .search = "(" LIKE("s.name") " OR " LIKE("s.login") " OR " LIKE("e.acronym") " OR "
		LIKE("e.name_pt") ")",
	    .status = DOM__MAX,
	    .kind = DOM__MAX,
	    .sort = {
		{ "old", "Mais antigas primeiro", "d.id" },
		{ "new", "Mais recentes primeiro", "d.id DESC" },
	    },
	    .cols = "d.created_at, coalesce(e.acronym, e.name_pt, e.name_en)",
	},
	[AL_USERS] = {
	    .from = "staff s LEFT JOIN entity e ON e.id = s.entity_id",
	    .key = "s.id",
	    .search = "(" LIKE("s.login") " OR " LIKE("s.name") " OR " LIKE("e.acronym") " OR "
		LIKE("e.name_pt") ")",
	    .cond = { [ALF_ROLE] = "s.role = :role" },
	    .status = DOM__MAX,
	    .kind = DOM__MAX,
	    .sort = {
		{ "login", "Utilizador", "s.login" },
		{ "name", "Nome", "al_fold(s.name), s.login" },
		{ "role", "Papel", "s.role, s.login" },
	    },
	    .cols = "s.login, s.name, s.role, coalesce(e.acronym, e.name_pt, ''), s.totp_secret "
		"IS NOT NULL, s.disabled, (SELECT count(*) FROM session x WHERE x.staff_id = "
		"s.id AND x.last_seen > :seen AND x.created_at > :born), coalesce(s.entity_id, 0)",
	},
	[AL_SECURITY] = {
	    .from = "audit_log a",
	    .key = "a.id",
	    .search = LIKE("coalesce(a.object, '') || ' ' || a.action"),
	    .cond = {
		[ALF_USER] = "a.actor = :user COLLATE NOCASE",
		[ALF_FROM] = "a.at >= :from",
		[ALF_TO] = "a.at < :to || 'T24'",
	    },
	    .status = DOM__MAX,
	    .kind = DOM__MAX,
	    .sort = {
		{ "new", "Mais recentes primeiro", "a.id DESC" },
		{ "old", "Mais antigos primeiro", "a.id" },
	    },
	    .cols = "a.at, coalesce(a.actor, ''), a.action, coalesce(a.object, ''), "
		"coalesce(a.detail, '') || CASE WHEN a.addr IS NOT NULL THEN ' [' || a.addr || ']' "
		"ELSE '' END",
	},
	[AL_CHANGES] = {
	    .from = "revision r LEFT JOIN staff s ON s.id = r.staff_id",
	    .key = "r.id",
	    .search = LIKE("r.tbl || ':' || r.row_id || ' ' || coalesce(r.field, '')"),
	    .cond = {
		[ALF_USER] = "s.login = :user COLLATE NOCASE",
		[ALF_FROM] = "r.at >= :from",
		[ALF_TO] = "r.at < :to || 'T24'",
	    },
	    .status = DOM__MAX,
	    .kind = DOM__MAX,
	    .sort = {
		{ "new", "Mais recentes primeiro", "r.id DESC" },
		{ "old", "Mais antigos primeiro", "r.id" },
	    },
	    .cols = "r.at, r.actor || CASE WHEN r.approved_by IS NOT NULL THEN ' (aprovado por ' "
		"|| r.approved_by || ')' ELSE '' END, r.op || coalesce(' ' || r.field, ''), "
		"r.tbl || ':' || r.row_id, coalesce(r.before, '∅') || ' → ' || "
		"coalesce(r.after, '∅')",
	},
	[AL_PENDING] = {
	    .from = "submission s LEFT JOIN consultation k ON k.id = s.consultation_id "
		"LEFT JOIN commitment c ON c.id = s.commitment_id",
	    .key = "s.id",
	    .base = "s.status = 'pending'",
	    .search = "(" LIKE("s.author") " OR " LIKE("s.organisation") " OR " LIKE("s.title")
		")",
	    .status = DOM__MAX,
	    .kind = DOM__MAX,
	    .sort = {
		{ "old", "Confirmados há mais tempo primeiro", "s.confirmed_at, s.id" },
		{ "new", "Confirmados há menos tempo primeiro", "s.confirmed_at DESC, s.id DESC" },
	    },
	    .cols = "s.version, s.kind, s.author, s.organisation, s.title, s.problem, s.body, "
		"CASE WHEN s.consultation_id IS NOT NULL THEN 'consulta ' || s.consultation_id || "
		"' — ' || coalesce(k.title_pt, k.title_en, '') ELSE 'compromisso ' || c.ogp_id END, "
		"s.confirmed_at, s.lang",
	},
	[AL_LINKS] = {
	    .from = "link_check k",
	    .key = "k.url",
	    .base = "k.result <> 'ok'",
	    .search = LIKE("k.url"),
	    .cond = { [ALF_RESULT] = "k.result = :result" },
	    .status = DOM__MAX,
	    .kind = DOM__MAX,
	    .sort = {
		{ "broken", "Quebradas primeiro, há mais tempo primeiro",
		    "k.result = 'redirect', k.broken_since, k.url" },
		{ "url", "Endereço", "k.url" },
	    },
	    .cols = "k.result",
	},
};

/* The URL parameters of the filters, in the order of enum al_filter. */
static const char *const names[ALF__MAX] = { "plan", "commitment", "lead", "status", "overdue",
	"stale", "missing", "unconfirmed", "kind", "member", "year", "role", "user", "from", "to",
	"result" };

const char *
adminlist_filter_name(enum al_filter f)
{
	return names[f];
}

int
adminlist_has(enum al_list l, enum al_filter f)
{
	return specs[l].cond[f] != NULL;
}

enum dom
adminlist_domain(enum al_list l, enum al_filter f)
{
	if (!adminlist_has(l, f))
		return DOM__MAX;
	if (f == ALF_ROLE)
		return DOM_STAFF_ROLE;
	return f == ALF_STATUS ? specs[l].status : f == ALF_KIND ? specs[l].kind : DOM__MAX;
}

int
adminlist_searchable(enum al_list l)
{
	return specs[l].search != NULL;
}

const char *
adminlist_sort(enum al_list l, int i, const char **label)
{
	if (i < 0 || i >= AL_SORTS || specs[l].sort[i].name == NULL)
		return NULL;
	if (label != NULL)
		*label = specs[l].sort[i].label;
	return specs[l].sort[i].name;
}

/* 1 when v is a code of domain d, or "none" when none is allowed. */
static int
is_code(enum dom d, const char *v, int none)
{
	return d < DOM__MAX &&
	    ((none && strcmp(v, "none") == 0) || domain_code(domain(d), v) != NULL);
}

const char *
adminlist_check(enum al_list l, enum al_filter f, const char *v)
{
	long long n;

	if (!adminlist_has(l, f))
		return "esta lista não tem este filtro";
	switch (f) {
	case ALF_PLAN:
	case ALF_COMMITMENT:
	case ALF_LEAD:
		return valid_int(v, 1, 1LL << 53, &n) == 0 ? NULL : "não é um número de registo";
	case ALF_STATUS:
		return is_code(adminlist_domain(l, f), v, 1) ? NULL : "estado desconhecido";
	case ALF_KIND:
		return is_code(adminlist_domain(l, f), v, 0) ? NULL : "tipo desconhecido";
	case ALF_MEMBER:
		return strcmp(v, "1") == 0 || strcmp(v, "0") == 0 ? NULL : "use 1 ou 0";
	case ALF_YEAR:
		return strlen(v) == 4 && valid_int(v, 1900, 2100, &n) == 0 ? NULL
									   : "não é um ano (AAAA)";
	case ALF_ROLE:
		return is_code(adminlist_domain(l, f), v, 0) ? NULL : "papel desconhecido";
	case ALF_USER:
		return strlen(v) <= 254 && valid_utf8(v, strlen(v)) ? NULL : "texto inválido";
	case ALF_FROM:
	case ALF_TO:
		return strlen(v) == 10 && valid_date(v) ? NULL : "não é uma data (AAAA-MM-DD)";
	case ALF_RESULT:
		return strcmp(v, "broken") == 0 || strcmp(v, "redirect") == 0
		    ? NULL
		    : "resultado desconhecido";
	default:
		return strcmp(v, "1") == 0 ? NULL : "use 1";
	}
}

/* What the Latin-1 letters U+00C0-U+00FF fold to: the letter without its accent, in
 * lower case; '-' keeps the letter (its lower case, for U+00C0-U+00DE). */
static const char latin1[64] = "aaaaaa-ceeeeiiii-nooooo--uuuuy--aaaaaa-ceeeeiiii-nooooo--uuuuy-y";

/* Folds the n bytes of s into out (at least n + 1 bytes): ASCII letters in lower case,
 * the Latin-1 letters as latin1 says; the rest as it is.  Returns the length. */
static size_t
fold(const unsigned char *s, size_t n, char *out)
{
	size_t i, o = 0;
	char   base;

	for (i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			out[o++] = (char)(s[i] + 32);
		else if (s[i] == 0xC3 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF) {
			base = latin1[s[i + 1] - 0x80];
			if (base != '-')
				out[o++] = base;
			else {
				out[o++] = (char)0xC3;
				out[o++] =
				    (char)(s[i + 1] < 0x9F && s[i + 1] != 0x97 ? s[i + 1] + 0x20
									       : s[i + 1]);
			}
			i++;
		} else
			out[o++] = (char)s[i];
	}
	out[o] = '\0';
	return o;
}

/* The SQL function al_fold(text): fold() of its text; NULL for NULL. */
static void
fold_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	int                  n = sqlite3_value_bytes(argv[0]);
	char                 small[512], *out = small;

	(void)argc;
	if (s == NULL)
		return;
	if ((size_t)n >= sizeof small && (out = sqlite3_malloc(n + 1)) == NULL) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	sqlite3_result_text(cx, out, (int)fold(s, (size_t)n, out), SQLITE_TRANSIENT);
	if (out != small)
		sqlite3_free(out);
}

/* The pattern of the search text q for LIKE ... ESCAPE '\': folded, its %, _ and \
 * escaped, between two %; into out (2 * AL_Q_MAX + 3 bytes). */
static void
pattern(const char *q, char out[2 * AL_Q_MAX + 3])
{
	char   f[AL_Q_MAX + 1];
	size_t i, n = fold((const unsigned char *)q, strnlen(q, AL_Q_MAX), f), o = 0;

	out[o++] = '%';
	for (i = 0; i < n; i++) {
		if (f[i] == '%' || f[i] == '_' || f[i] == '\\')
			out[o++] = '\\';
		out[o++] = f[i];
	}
	out[o++] = '%';
	out[o] = '\0';
}

/* Appends to b the conditions of q on the list sp: the member editor's scope, and
 * when filtered the search and the filters. */
static void
where(struct buf *b, const struct spec *sp, const struct al_query *q, int filtered)
{
	int f;

	buf_puts(b, " WHERE 1");
	if (sp->base != NULL) {
		buf_puts(b, " AND ");
		buf_puts(b, sp->base);
	}
	if (q->body != 0) {
		buf_puts(b, " AND ");
		buf_puts(b, sp->scope != NULL ? sp->scope : "0"); /* not for members: nothing */
	}
	if (!filtered)
		return;
	if (q->q != NULL && sp->search != NULL) {
		buf_puts(b, " AND ");
		buf_puts(b, sp->search);
	}
	for (f = 0; f < ALF__MAX; f++)
		if (q->filter[f] != NULL && sp->cond[f] != NULL) {
			buf_puts(b, " AND ");
			buf_puts(b, sp->cond[f]);
		}
}

/* Binds text v to the named parameter name of s, when s has it. */
static void
bind_named(sqlite3_stmt *s, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(s, name);

	if (i > 0)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

/* Binds every value of q that s names: the search pattern, today, the body, the
 * filters (numbers as integers), the page. */
static void
bind_all(sqlite3_stmt *s, const struct al_query *q)
{
	char      pat[2 * AL_Q_MAX + 3], name[16];
	long long n;
	int       f, i;

	if (q->q != NULL) {
		pattern(q->q, pat);
		bind_named(s, ":q", pat);
	}
	bind_named(s, ":today", q->today);
	if ((i = sqlite3_bind_parameter_index(s, ":seen")) > 0)
		sqlite3_bind_int64(s, i, q->now - AUTH_IDLE_SECONDS);
	if ((i = sqlite3_bind_parameter_index(s, ":born")) > 0)
		sqlite3_bind_int64(s, i, q->now - AUTH_ABSOLUTE_SECONDS);
	if ((i = sqlite3_bind_parameter_index(s, ":body")) > 0)
		sqlite3_bind_int64(s, i, q->body);
	for (f = 0; f < ALF__MAX; f++) {
		if (q->filter[f] == NULL)
			continue;
		snprintf(name, sizeof name, ":%s", names[f]);
		if ((i = sqlite3_bind_parameter_index(s, name)) <= 0)
			continue;
		if (valid_int(q->filter[f], 0, 1LL << 53, &n) == 0 && f != ALF_YEAR)
			sqlite3_bind_int64(s, i, n);
		else
			sqlite3_bind_text(s, i, q->filter[f], -1, SQLITE_TRANSIENT);
	}
	if ((i = sqlite3_bind_parameter_index(s, ":limit")) > 0)
		sqlite3_bind_int(s, i, AL_PER_PAGE);
	if ((i = sqlite3_bind_parameter_index(s, ":offset")) > 0)
		sqlite3_bind_int64(s, i, (q->page > 1 ? q->page - 1 : 0) * AL_PER_PAGE);
}

/* Prepares the text of b on rw (with al_fold) and binds q.  Returns the statement, or
 * NULL with the failure recorded. */
static sqlite3_stmt *
prepare(sqlite3 *rw, struct buf *b, const struct al_query *q)
{
	static sqlite3 *folding; /* the connection al_fold was made on */
	sqlite3_stmt   *s = NULL;
	int             rc;

	if (folding != rw &&
	    sqlite3_create_function_v2(rw, "al_fold", 1,
		SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, fold_fn, NULL, NULL,
		NULL) == SQLITE_OK)
		folding = rw;
	if (b->oom)
		db_failed_note(SQLITE_NOMEM, "out of memory");
	else if ((rc = sqlite3_prepare_v3(rw, b->p, (int)b->len, 0, &s, NULL)) != SQLITE_OK)
		db_failed_note(rc, sqlite3_errmsg(rw));
	else
		bind_all(s, q);
	buf_free(b);
	return s;
}

int
adminlist_filtered(const struct al_query *q)
{
	int f;

	for (f = 0; f < ALF__MAX; f++)
		if (q->filter[f] != NULL)
			return 1;
	return q->q != NULL;
}

int
adminlist_count(sqlite3 *rw, const struct al_query *q, int filtered, long long *n)
{
	const struct spec *sp = &specs[q->list];
	struct buf         b = { 0 };
	sqlite3_stmt      *s;
	int                rc;

	buf_puts(&b, "SELECT count(*) FROM ");
	buf_puts(&b, filtered || sp->all == NULL ? sp->from : sp->all);
	where(&b, sp, q, filtered);
	if ((s = prepare(rw, &b, q)) == NULL)
		return -1;
	if ((rc = db_row(s)) == 1)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == 1 ? 0 : -1; /* count(*) always has its row */
}

sqlite3_stmt *
adminlist_rows(sqlite3 *rw, const struct al_query *q)
{
	const struct spec *sp = &specs[q->list];
	int i = q->sort >= 0 && q->sort < AL_SORTS && sp->sort[q->sort].name != NULL ? q->sort : 0;
	struct buf b = { 0 };

	/* The page's keys first, with the count of the rows kept in the same pass (a
	 * window over them), then the columns of those rows alone: the counts and lists
	 * of a row's columns are computed for one page, not for every row. */
	buf_printf(&b, "SELECT %s, %s, pg.n FROM (SELECT %s AS k, %s AS n FROM %s", sp->key,
	    sp->cols, sp->key, adminlist_filtered(q) ? "count(*) OVER ()" : "NULL", sp->from);
	where(&b, sp, q, 1);
	buf_printf(&b,
	    " ORDER BY %s LIMIT :limit OFFSET :offset) pg, %s WHERE %s = pg.k ORDER BY %s",
	    sp->sort[i].order, sp->from, sp->key, sp->sort[i].order);
	return prepare(rw, &b, q);
}

long long
adminlist_matched(sqlite3_stmt *s)
{
	int i = sqlite3_column_count(s) - 1;

	return sqlite3_column_type(s, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, i);
}

void
adminlist_close(sqlite3_stmt *s)
{
	sqlite3_finalize(s);
}
