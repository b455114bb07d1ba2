#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "store/db.h"
#include "http/cache.h"
#include "lib/consult.h"
#include "store/edit.h"
#include "view/i18n.h"
#include "lib/valid.h"

#define T	F_TEXT
#define L	F_LONG
#define NONE	NULL, NULL, REF_NONE
#define TXT(c, l)	{ c, l, F_TEXT, 0, 500, NONE }
#define LONGT(c, l)	{ c, l, F_LONG, 0, 20000, NONE }
#define DATE(c, l)	{ c, l, F_DATE, 0, 0, NONE }
#define URL(c, l)	{ c, l, F_URL, 0, 2048, NONE }
#define ENUM(c, l, ch, dom)	{ c, l, F_ENUM, 0, 0, ch, dom, REF_NONE }

static const char *const plan_status[] = { "preparation", "implementation", "closed", NULL };
static const char *const self_status[] = { "no_evidence", "not_started", "limited",
	"substantial", "complete", "withdrawn", NULL };
static const char *const irm_completion[] = { "no_evidence", "not_started", "limited",
	"substantial", "complete", NULL };
static const char *const yesno[] = { "yes", "no", NULL };
static const char *const ambition[] = { "low", "high", "no_data", NULL };
static const char *const impact[] = { "none", "minor", "moderate", "transformative", NULL };
static const char *const results[] = { "unclear", "modest", "substantial", NULL };
static const char *const diog[] = { "worsened", "did_not_change", "marginal", "major",
	"outstanding", NULL };
static const char *const early[] = { "no_notable", "moderate", "significant", NULL };
static const char *const starred[] = { "yes", "no", "pending", NULL };
static const char *const ms_status[] = { "not_started", "in_progress", "complete",
	"withdrawn", NULL };
static const char *const ent_kind[] = { "public", "civil_society", "academia", "private",
	"other", NULL };
static const char *const ev_kind[] = { "open_gov_week", "network_meeting", "consultation",
	"other", NULL };

static const struct field plan_fields[] = {
	{ "number", "Número do plano", F_INT, 1, 999, NONE },
	TXT("title_pt", "Título (PT)"), TXT("title_en", "Título (EN)"),
	DATE("period_start", "Início"), DATE("period_end", "Fim"),
	DATE("published", "Publicado em"),
	ENUM("status", "Estado", plan_status, "plan_status"),
	URL("document_url", "Documento do plano"),
	LONGT("cocreation_pt", "Como foi feito (PT)"), LONGT("cocreation_en", "Como foi feito (EN)"),
	LONGT("summary_pt", "Resumo (PT)"), LONGT("summary_en", "Resumo (EN)"),
};

static const struct field commitment_fields[] = {
	{ "ogp_id", "Identificador OGP", F_OGPID, 1, 6, NONE },
	{ "plan_id", "Plano", F_REF, 1, 0, NULL, NULL, REF_PLAN },
	{ "number", "Número no plano", F_INT, 0, 999, NONE },
	TXT("title_pt", "Título (PT)"), TXT("title_en", "Título (EN)"),
	LONGT("summary_pt", "Resumo (PT)"), LONGT("summary_en", "Resumo (EN)"),
	LONGT("problem_pt", "Problema (PT)"), LONGT("problem_en", "Problema (EN)"),
	DATE("start_date", "Início"), DATE("end_date", "Fim"),
	ENUM("self_status", "Estado declarado", self_status, "self_status"),
	DATE("self_status_date", "Data do estado declarado"),
	ENUM("irm_verifiable", "IRM: verificável", yesno, "yesno"),
	ENUM("irm_relevant", "IRM: relevante", yesno, "yesno"),
	ENUM("irm_ambition", "IRM: ambição", ambition, "ambition"),
	ENUM("irm_potential_impact", "IRM: impacto potencial", impact, "potential_impact"),
	ENUM("irm_potential_results", "IRM: potencial de resultados", results,
	    "potential_results"),
	ENUM("irm_completion", "IRM: conclusão", irm_completion, "self_status"),
	ENUM("irm_diog", "IRM: abriu o governo?", diog, "diog"),
	ENUM("irm_early_results", "IRM: primeiros resultados", early, "early_results"),
	ENUM("irm_starred", "IRM: compromisso estrela", starred, "starred"),
	TXT("cluster_pt", "Agrupamento IRM (PT)"), TXT("cluster_en", "Agrupamento IRM (EN)"),
	LONGT("note_pt", "Nota sobre os dados (PT)"), LONGT("note_en", "Nota sobre os dados (EN)"),
};

static const struct field milestone_fields[] = {
	{ "commitment_id", "Compromisso", F_REF, 1, 0, NULL, NULL, REF_COMMITMENT },
	{ "position", "Ordem no compromisso", F_INT, 1, 999, NONE },
	TXT("title_pt", "Título (PT)"), TXT("title_en", "Título (EN)"),
	DATE("planned_start", "Início previsto"), DATE("planned_end", "Fim previsto"),
	DATE("completed_on", "Concluído em"),
	ENUM("status", "Estado", ms_status, "ms_status"),
	{ "progress", "Progresso (%)", F_PERCENT, 0, 100, NONE },
	DATE("progress_as_of", "Data do progresso"),
	TXT("progress_source", "Fonte do progresso"),
};

static const struct field entity_fields[] = {
	{ "slug", "Identificador no endereço", F_SLUG, 1, 80, NONE },
	{ "acronym", "Sigla", F_TEXT, 0, 40, NONE },
	TXT("name_pt", "Nome (PT)"), TXT("name_en", "Nome (EN)"),
	{ "kind", "Setor", F_ENUM, 1, 0, ent_kind, "entity_kind", REF_NONE },
	URL("website", "Sítio na Internet"),
	{ "is_member", "Membro da rede", F_BOOL, 0, 1, NONE },
	DATE("member_since", "Membro desde"), DATE("member_until", "Membro até"),
	LONGT("description_pt", "Descrição (PT)"), LONGT("description_en", "Descrição (EN)"),
	LONGT("note_pt", "Nota sobre os dados (PT)"), LONGT("note_en", "Nota sobre os dados (EN)"),
	URL("source_url", "Fonte"),
};

static const struct field event_fields[] = {
	TXT("title_pt", "Título (PT)"), TXT("title_en", "Título (EN)"),
	{ "kind", "Tipo", F_ENUM, 1, 0, ev_kind, "event_kind", REF_NONE },
	DATE("start_date", "Início"), DATE("end_date", "Fim"),
	TXT("date_note_pt", "Nota sobre a data (PT)"), TXT("date_note_en", "Nota sobre a data (EN)"),
	TXT("place_pt", "Local (PT)"), TXT("place_en", "Local (EN)"),
	{ "online", "Em linha", F_BOOL, 0, 1, NONE },
	TXT("organiser", "Organização"),
	URL("url", "Página do evento"),
	LONGT("description_pt", "Descrição (PT)"), LONGT("description_en", "Descrição (EN)"),
};

static const struct field consultation_fields[] = {
	TXT("title_pt", "Título (PT)"), TXT("title_en", "Título (EN)"),
	LONGT("description_pt", "O que se pergunta e porquê (PT)"),
	LONGT("description_en", "O que se pergunta e porquê (EN)"),
	LONGT("questions_pt", "Perguntas ou texto em consulta (PT)"),
	LONGT("questions_en", "Perguntas ou texto em consulta (EN)"),
	{ "plan_id", "Plano em preparação", F_REF, 0, 0, NULL, NULL, REF_PLAN },
	{ "commitment_id", "Compromisso em projeto", F_REF, 0, 0, NULL, NULL, REF_COMMITMENT },
	URL("document_url", "Documento em consulta (um relatório...)"),
	{ "opens_at", "Abre em", F_DATETIME, 1, 0, NONE },
	{ "closes_at", "Fecha em", F_DATETIME, 1, 0, NONE },
	{ "dates_only", "Só se conhecem os dias (consulta antiga)", F_BOOL, 0, 1, NONE },
	LONGT("outcome_pt", "Relatório: o que foi acolhido (PT)"),
	LONGT("outcome_en", "Relatório: o que foi acolhido (EN)"),
	URL("outcome_url", "Relatório publicado (documento)"),
	URL("source_url", "Fonte (consulta antiga)"),
};

static const char *const outcome[] = { "received", "analysis", "merged", "not_taken", NULL };

static const struct field submission_fields[] = {
	{ "outcome", "Estado da proposta", F_ENUM, 1, 0, outcome, "outcome", REF_NONE },
	{ "merged_commitment_id", "Integrada no compromisso", F_REF, 0, 0, NULL, NULL,
	  REF_COMMITMENT },
	LONGT("answer_pt", "Resposta oficial (PT)"), LONGT("answer_en", "Resposta oficial (EN)"),
};

static const struct field page_fields[] = {
	{ "slug", "Identificador no endereço", F_SLUG, 1, 80, NONE },
	TXT("title_pt", "Título (PT)"), TXT("title_en", "Título (EN)"),
	LONGT("body_pt", "Texto (PT)"), LONGT("body_en", "Texto (EN)"),
};

#define N(a) (sizeof (a) / sizeof (a)[0])

static const struct kind kinds[] = {
	{ "plans", "action_plan", "id", "plano", "Planos", plan_fields, N(plan_fields),
	  "SELECT id, coalesce(title_pt, title_en, 'Plano ' || number), "
	  "'Plano ' || number FROM action_plan ORDER BY number", 0, 1, 0 },
	{ "commitments", "commitment", "id", "compromisso", "Compromissos", commitment_fields,
	  N(commitment_fields), "SELECT c.id, c.ogp_id || ' — ' || coalesce(c.title_pt, "
	  "c.title_en, '(sem título)'), 'Plano ' || p.number FROM commitment c JOIN action_plan "
	  "p ON p.id = c.plan_id ORDER BY p.number, c.number, c.ogp_id", 1, 1, 0 },
	{ "milestones", "milestone", "id", "marco", "Marcos", milestone_fields,
	  N(milestone_fields), "SELECT m.id, coalesce(m.title_pt, m.title_en, '(sem título)'), "
	  "c.ogp_id || ', marco ' || m.position FROM milestone m JOIN commitment c ON c.id = "
	  "m.commitment_id ORDER BY c.ogp_id, m.position", 1, 1, 0 },
	{ "entities", "entity", "id", "entidade", "Entidades", entity_fields, N(entity_fields),
	  "SELECT id, coalesce(name_pt, name_en, acronym, slug), coalesce(acronym, '') FROM "
	  "entity ORDER BY coalesce(name_pt, name_en, acronym, slug)", 0, 1, 0 },
	{ "events", "event", "id", "evento", "Eventos", event_fields, N(event_fields),
	  "SELECT id, coalesce(title_pt, title_en, '(sem título)'), coalesce(start_date, "
	  "'data por registar') FROM event ORDER BY start_date DESC", 0, 1, 0 },
	{ "consultations", "consultation", "id", "consulta", "Consultas públicas",
	  consultation_fields, N(consultation_fields), "SELECT id, coalesce(title_pt, "
	  "title_en, '(sem título)'), substr(opens_at, 1, 10) || ' a ' || "
	  "substr(closes_at, 1, 10) FROM consultation ORDER BY opens_at DESC", 0, 1, 0 },
	{ "submissions", "submission", "id", "contributo", "Contributos", submission_fields,
	  N(submission_fields), "SELECT id, coalesce(title, substr(body, 1, 80)), status "
	  "FROM submission WHERE status = 'published' ORDER BY id DESC", 0, 0, 1 },
	{ "pages", "page", "rowid", "página", "Páginas", page_fields, N(page_fields),
	  "SELECT rowid, coalesce(title_pt, title_en, slug), slug FROM page ORDER BY slug", 0, 0, 0 },
};

/* Statements per kind, assembled at start from the constant names above. */
enum kst { K_SELECT, K_INSERT, K_UPDATE, K_DELETE, K__MAX };
static sqlite3_stmt	*kst[N(kinds)][K__MAX];

enum { X_REVISION, X_CHANGE_ID, X_PLAN_OF, X_REF_PLAN, X_REF_COMMITMENT, X_REF_ENTITY,
	X__MAX };
static const char *const xsql[X__MAX] = {
	/* X_REVISION */
	"INSERT INTO revision (change_id, staff_id, actor, approved_by, tbl, row_id, "
	"commitment_id, plan_id, op, field, before, after) VALUES (?1, nullif(?2, 0), ?3, ?4, "
	"?5, ?6, nullif(?7, 0), nullif(?8, 0), ?9, ?10, ?11, ?12)",
	/* X_CHANGE_ID */
	"SELECT coalesce(max(change_id), 0) + 1 FROM revision",
	/* X_PLAN_OF */
	"SELECT plan_id FROM commitment WHERE id = ?1",
	/* X_REF_PLAN */
	"SELECT id, 'Plano ' || number || ' — ' || coalesce(title_pt, title_en, '') FROM "
	"action_plan ORDER BY number",
	/* X_REF_COMMITMENT */
	"SELECT id, ogp_id || ' — ' || coalesce(title_pt, title_en, '(sem título)') FROM "
	"commitment ORDER BY ogp_id",
	/* X_REF_ENTITY */
	"SELECT id, coalesce(name_pt, name_en, acronym, slug) FROM entity ORDER BY 2",
};
static sqlite3_stmt	*xst[X__MAX];

/* Builds the four statements of kind k into b and prepares them.  Returns 0 or -1. */
static int
prepare_kind(sqlite3 *rw, size_t ki, char *err, size_t errlen)
{
	const struct kind	*k = &kinds[ki];
	struct buf		 b[K__MAX] = { { 0 } };
	size_t			 i;
	int			 j, rc = 0;

	buf_puts(&b[K_SELECT], "SELECT ");
	buf_printf(&b[K_INSERT], "INSERT INTO %s (", k->table);
	buf_printf(&b[K_UPDATE], "UPDATE %s SET ", k->table);
	for (i = 0; i < k->nfields; i++) {
		buf_printf(&b[K_SELECT], "%s, ", k->fields[i].col);
		buf_printf(&b[K_INSERT], "%s%s", i ? ", " : "", k->fields[i].col);
		buf_printf(&b[K_UPDATE], "%s = ?%zu, ", k->fields[i].col, i + 1);
	}
	buf_printf(&b[K_SELECT], "version FROM %s WHERE %s = ?1", k->table, k->key);
	buf_puts(&b[K_INSERT], ") VALUES (");
	for (i = 0; i < k->nfields; i++)
		buf_printf(&b[K_INSERT], "%s?%zu", i ? ", " : "", i + 1);
	buf_puts(&b[K_INSERT], ")");
	buf_printf(&b[K_UPDATE], "version = version + 1, updated_at = strftime('%%Y-%%m-%%dT"
	    "%%H:%%M:%%SZ', 'now') WHERE %s = ?%zu AND version = ?%zu", k->key,
	    k->nfields + 1, k->nfields + 2);
	buf_printf(&b[K_DELETE], "DELETE FROM %s WHERE %s = ?1 AND version = ?2", k->table,
	    k->key);
	for (j = 0; j < K__MAX; j++) {
		if (rc == 0 && (b[j].oom || sqlite3_prepare_v3(rw, b[j].p, -1,
		    SQLITE_PREPARE_PERSISTENT, &kst[ki][j], NULL) != SQLITE_OK)) {
			snprintf(err, errlen, "edit %s: %s", k->slug, sqlite3_errmsg(rw));
			rc = -1;
		}
		buf_free(&b[j]);
	}
	return rc;
}

int
edit_init(sqlite3 *rw, char *err, size_t errlen)
{
	size_t	 i;

	for (i = 0; i < N(kinds); i++)
		if (prepare_kind(rw, i, err, errlen) != 0)
			return -1;
	for (i = 0; i < X__MAX; i++)
		if (sqlite3_prepare_v3(rw, xsql[i], -1, SQLITE_PREPARE_PERSISTENT, &xst[i],
		    NULL) != SQLITE_OK) {
			snprintf(err, errlen, "edit statement %zu: %s", i, sqlite3_errmsg(rw));
			return -1;
		}
	return 0;
}

void
edit_finish(void)
{
	size_t	 i, j;

	for (i = 0; i < N(kinds); i++)
		for (j = 0; j < K__MAX; j++) {
			sqlite3_finalize(kst[i][j]);
			kst[i][j] = NULL;
		}
	for (i = 0; i < X__MAX; i++) {
		sqlite3_finalize(xst[i]);
		xst[i] = NULL;
	}
}

const struct kind *
edit_kind(const char *slug)
{
	size_t	 i;

	for (i = 0; i < N(kinds); i++)
		if (strcmp(kinds[i].slug, slug) == 0)
			return &kinds[i];
	return NULL;
}

size_t
edit_kind_count(void)
{
	return N(kinds);
}

const struct kind *
edit_kind_at(size_t i)
{
	return &kinds[i];
}

int
edit_field(const struct kind *k, const char *col)
{
	size_t	 i;

	for (i = 0; i < k->nfields; i++)
		if (strcmp(k->fields[i].col, col) == 0)
			return (int)i;
	return -1;
}

/* The statement slot of kind k. */
static sqlite3_stmt *
kstmt(const struct kind *k, enum kst which)
{
	sqlite3_stmt	*s = kst[k - kinds][which];

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

void
edit_values_free(struct values *v)
{
	size_t	 i;

	for (i = 0; i < EDIT_FIELDS_MAX; i++) {
		free(v->v[i]);
		v->v[i] = NULL;
		v->err[i] = NULL;
	}
	v->nerr = 0;
	v->version = 0;
}

int
edit_load(sqlite3 *rw, const struct kind *k, long long id, struct values *v)
{
	sqlite3_stmt	*s = kstmt(k, K_SELECT);
	const char	*t;
	size_t		 i;
	int		 rc;

	(void)rw;
	memset(v, 0, sizeof *v);
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		sqlite3_reset(s);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	for (i = 0; i < k->nfields; i++)
		if ((t = (const char *)sqlite3_column_text(s, (int)i)) != NULL &&
		    (v->v[i] = strdup(t)) == NULL)
			rc = -1;
	v->version = sqlite3_column_int64(s, (int)k->nfields);
	sqlite3_reset(s);
	if (rc == -1) {
		edit_values_free(v);
		return -1;
	}
	return 1;
}

/* Copies s without leading and trailing white space; turns CRLF into LF.  Returns the
 * copy (malloc'd), or NULL for empty text or when memory runs out. */
static char *
tidy(const char *s)
{
	const char	*e;
	char		*out, *o;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		e--;
	if (e == s || (out = malloc((size_t)(e - s) + 1)) == NULL)
		return NULL;
	for (o = out; s < e; s++)
		if (!(*s == '\r' && s + 1 < e && s[1] == '\n'))
			*o++ = *s;
	*o = '\0';
	return out;
}

/* Returns 1 if s holds a control character other than those a long text may hold. */
static int
has_control(const char *s, int lines)
{
	for (; *s != '\0'; s++)
		if (((unsigned char)*s < 0x20 && !(lines && (*s == '\n' || *s == '\t'))) ||
		    *s == 0x7f)
			return 1;
	return 0;
}

/* Checks one value against its field; returns NULL or the message. */
static const char *
check(const struct field *f, char **vp)
{
	char		*v = *vp, utc[24];
	long long	 n;
	size_t		 i;
	time_t		 t;

	if (v == NULL)
		return f->required ? "Campo obrigatório." : NULL;
	if (!valid_utf8(v, strlen(v)))
		return "Texto com codificação inválida (UTF-8).";
	if (has_control(v, f->type == F_LONG))
		return "O texto tem carateres de controlo.";
	switch (f->type) {
	case F_TEXT:
	case F_LONG:
		return (long long)strlen(v) > f->max ? "Texto demasiado longo." : NULL;
	case F_INT:
		return valid_int(v, 1, f->max, &n) ? "Número inteiro inválido "
		    "ou fora dos limites." : NULL;
	case F_PERCENT:
		return valid_int(v, 0, 100, &n) ? "Percentagem inteira de 0 a 100." : NULL;
	case F_REF:
		return valid_int(v, 1, 1LL << 53, &n) ? "Escolha um valor da lista." : NULL;
	case F_DATE:
		return valid_date(v) ? NULL : "Data inválida: use AAAA, AAAA-MM ou AAAA-MM-DD.";
	case F_URL:
		return valid_http_url(v) ? NULL : "Endereço inválido: só http:// ou https://.";
	case F_SLUG:
		return valid_slug(v) ? NULL : "Só letras minúsculas, algarismos e hífenes.";
	case F_OGPID:
		for (i = 0; v[i] != '\0'; i++)
			if (v[i] >= 'a' && v[i] <= 'z')
				v[i] = (char)(v[i] - 'a' + 'A');
		return valid_ogp_id(v) ? NULL : "Use duas letras e quatro algarismos (PT0013).";
	case F_DATETIME:
		/* Already UTC (a value loaded back into a form), or Lisbon time typed in. */
		if (utc_parse(v, &t) == 0)
			return NULL;
		if (lisbon_to_utc(v, utc, sizeof utc) != 0)
			return "Data e hora inválidas: use AAAA-MM-DD HH:MM (hora de Lisboa).";
		free(*vp);
		return (*vp = strdup(utc)) == NULL ? "Sem memória." : NULL;
	case F_BOOL:
		return strcmp(v, "0") == 0 || strcmp(v, "1") == 0 ? NULL : "Valor inválido.";
	case F_ENUM:
		for (i = 0; f->choices[i] != NULL; i++)
			if (strcmp(v, f->choices[i]) == 0)
				return NULL;
		return "Escolha um valor da lista.";
	default:
		return "Campo desconhecido.";
	}
}

/* Start and end columns that must be in order. */
static const char *const date_pairs[][2] = {
	{ "period_start", "period_end" }, { "start_date", "end_date" },
	{ "planned_start", "planned_end" }, { "member_since", "member_until" },
	{ "opens_at", "closes_at" },
};

/* A field that another field's value makes required: col is needed when when_col
 * equals when_value (a proposal merged into a commitment names it), and must be empty
 * otherwise. */
static const struct {
	const char	*when_col, *when_value, *col, *msg;
} needs[] = {
	{ "outcome", "merged", "merged_commitment_id",
	  "Escolha o compromisso em que a proposta foi integrada." },
};

/* Refuses an end before its start (compared at the shorter of the two precisions), and
 * a value missing where another field needs it (needs[]). */
static void
check_order(const struct kind *k, struct values *v)
{
	size_t	 i, n;
	int	 a, b;

	for (i = 0; i < N(needs); i++) {
		a = edit_field(k, needs[i].when_col);
		b = edit_field(k, needs[i].col);
		if (a < 0 || b < 0 || v->err[a] || v->err[b])
			continue;
		if (v->v[a] != NULL && strcmp(v->v[a], needs[i].when_value) == 0 &&
		    v->v[b] == NULL) {
			v->err[b] = needs[i].msg;
			v->nerr++;
		} else if ((v->v[a] == NULL || strcmp(v->v[a], needs[i].when_value) != 0) &&
		    v->v[b] != NULL) {
			free(v->v[b]);	/* not merged: no commitment */
			v->v[b] = NULL;
		}
	}

	for (i = 0; i < N(date_pairs); i++) {
		a = edit_field(k, date_pairs[i][0]);
		b = edit_field(k, date_pairs[i][1]);
		if (a < 0 || b < 0 || v->v[a] == NULL || v->v[b] == NULL || v->err[a] ||
		    v->err[b])
			continue;
		n = strlen(v->v[a]) < strlen(v->v[b]) ? strlen(v->v[a]) : strlen(v->v[b]);
		if (strncmp(v->v[a], v->v[b], n) > 0) {
			v->err[b] = "O fim não pode ser anterior ao início.";
			v->nerr++;
		}
	}
}

int
edit_parse(const struct kind *k, const char *(*get)(const void *, const char *),
    const void *arg, struct values *v)
{
	const char	*raw, *ver;
	long long	 n;
	size_t		 i;

	memset(v, 0, sizeof *v);
	for (i = 0; i < k->nfields; i++) {
		raw = get(arg, k->fields[i].col);
		if (k->fields[i].type == F_BOOL)
			raw = raw != NULL && strcmp(raw, "1") == 0 ? "1" : "0";
		v->v[i] = raw != NULL ? tidy(raw) : NULL;
		if ((v->err[i] = check(&k->fields[i], &v->v[i])) != NULL)
			v->nerr++;
	}
	if ((ver = get(arg, "version")) != NULL && valid_int(ver, 0, 1LL << 53, &n) == 0)
		v->version = n;
	check_order(k, v);
	return v->nerr;
}

/* Adds the choices of a reference field as OPTION sections of d. */
static void
ref_options(const struct field *f, const char *value, tpl_dict *d)
{
	sqlite3_stmt	*s = xst[f->ref == REF_PLAN ? X_REF_PLAN : f->ref == REF_COMMITMENT ?
	    X_REF_COMMITMENT : X_REF_ENTITY];
	tpl_dict	*o;
	const char	*id;

	sqlite3_reset(s);
	while (sqlite3_step(s) == SQLITE_ROW) {
		o = tpl_section(d, "OPTION");
		id = (const char *)sqlite3_column_text(s, 0);
		tpl_set(o, "V", id);
		tpl_set(o, "L", (const char *)sqlite3_column_text(s, 1));
		if (value != NULL && strcmp(value, id) == 0)
			tpl_show(o, "SEL");
	}
	sqlite3_reset(s);
}

/* Fills one field's dictionary. */
static void
field_dict(const struct field *f, const char *value, const char *err, tpl_dict *d)
{
	static const char *const kind_section[F__MAX] = {
		"IS_TEXT", "IS_LONG", "IS_NUMBER", "IS_NUMBER", "IS_TEXT", "IS_URL",
		"IS_SELECT", "IS_CHECK", "IS_SELECT", "IS_TEXT", "IS_TEXT", "IS_DATETIME" };
	char		 local[24];
	tpl_dict	*k, *o;
	size_t		 i;
	tpl_set(d, "NAME", f->col);
	tpl_set(d, "LABEL", f->label);
	if (f->type == F_DATETIME && value != NULL &&
	    utc_to_lisbon(value, local, sizeof local, NULL) == 0)
		value = local;	/* shown as typed: Lisbon time */
	tpl_set(d, "VALUE", value);
	if (f->required)
		tpl_show(d, "REQUIRED");
	char		 ids[128];
	int		 hinted = f->type == F_DATE || f->type == F_DATETIME;

	if (f->type == F_DATE)
		tpl_show(d, "DATE_HINT");
	if (f->type == F_DATETIME)
		tpl_show(d, "DATETIME_HINT");
	if (err != NULL) {
		tpl_set(tpl_section(d, "ERROR"), "TEXT", err);
		tpl_show(d, "INV");
	}
	snprintf(ids, sizeof ids, "%s%s%s%s%s", hinted ? "h-" : "",
	    hinted ? f->col : "", hinted && err ? " " : "",
	    err ? "e-" : "", err ? f->col : "");
	if (ids[0] != '\0')
		tpl_set(tpl_section(d, "DESC"), "IDS", ids);
	k = tpl_section(d, kind_section[f->type]);
	if (f->type == F_INT || f->type == F_PERCENT)
		tpl_set_int(k, "MAX", f->max);
	if (f->type == F_TEXT || f->type == F_LONG || f->type == F_URL || f->type == F_SLUG ||
	    f->type == F_OGPID)
		tpl_set_int(k, "MAXLEN", f->max);
	if (f->type == F_DATE)
		tpl_set_int(k, "MAXLEN", 10);
	if (f->type == F_BOOL && value != NULL && strcmp(value, "1") == 0)
		tpl_show(k, "CHECKED");
	if (f->type == F_ENUM) {
		if (!f->required)
			tpl_set(tpl_section(k, "OPTION"), "L", "— ainda não registado —");
		for (i = 0; f->choices[i] != NULL; i++) {
			o = tpl_section(k, "OPTION");
			tpl_set(o, "V", f->choices[i]);
			tpl_set(o, "L", i18n_enum(f->domain, f->choices[i], 0));
			if (value != NULL && strcmp(value, f->choices[i]) == 0)
				tpl_show(o, "SEL");
		}
	} else if (f->type == F_REF) {
		if (!f->required)
			tpl_set(tpl_section(k, "OPTION"), "L", "—");
		ref_options(f, value, k);
	}
}

void
edit_form(sqlite3 *rw, const struct kind *k, const struct values *v, tpl_dict *d)
{
	size_t		 i, n;
	tpl_dict	*row, *pair;

	(void)rw;
	tpl_set_int(d, "VERSION", v->version);
	for (i = 0; i < k->nfields; i++) {
		n = strlen(k->fields[i].col);
		if (n > 3 && strcmp(k->fields[i].col + n - 3, "_pt") == 0 && i + 1 < k->nfields &&
		    strncmp(k->fields[i].col, k->fields[i + 1].col, n - 3) == 0) {
			pair = tpl_section(tpl_section(d, "ROW"), "PAIR");
			field_dict(&k->fields[i], v->v[i], v->err[i],
			    tpl_include(tpl_section(pair, "PT"), "FIELD", "admin_field.tpl"));
			field_dict(&k->fields[i + 1], v->v[i + 1], v->err[i + 1],
			    tpl_include(tpl_section(pair, "EN"), "FIELD", "admin_field.tpl"));
			i++;
			continue;
		}
		row = tpl_section(d, "ROW");
		field_dict(&k->fields[i], v->v[i], v->err[i],
		    tpl_include(tpl_section(row, "ONE"), "FIELD", "admin_field.tpl"));
	}
}

/* Copies the connection's last error message, which a ROLLBACK would replace. */
static const char *
keep_err(sqlite3 *rw)
{
	static char	 msg[256];

	snprintf(msg, sizeof msg, "%s", sqlite3_errmsg(rw));
	return msg;
}

/* Binds v's values as ?1..?n of s (numbers as integers, empty as NULL). */
static void
bind_values(sqlite3_stmt *s, const struct kind *k, const struct values *v)
{
	long long	 n;
	size_t		 i;
	int		 ty;

	for (i = 0; i < k->nfields; i++) {
		ty = k->fields[i].type;
		if (v->v[i] == NULL)
			sqlite3_bind_null(s, (int)i + 1);
		else if ((ty == F_INT || ty == F_PERCENT || ty == F_REF || ty == F_BOOL) &&
		    valid_int(v->v[i], 0, 1LL << 53, &n) == 0)
			sqlite3_bind_int64(s, (int)i + 1, n);
		else
			sqlite3_bind_text(s, (int)i + 1, v->v[i], -1, SQLITE_TRANSIENT);
	}
}

/* What a revision row needs besides the change itself. */
struct revctx {
	long long	 change_id;
	long long	 staff_id;
	const char	*actor;
	const char	*approver;
	const struct kind *k;
	long long	 row_id;
	long long	 commitment_id;
	long long	 plan_id;
};

/* Appends one revision row.  Returns 0 or -1. */
static int
revision(const struct revctx *r, const char *op, const char *field, const char *before,
    const char *after)
{
	sqlite3_stmt	*s = xst[X_REVISION];
	int		 rc;

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	sqlite3_bind_int64(s, 1, r->change_id);
	sqlite3_bind_int64(s, 2, r->staff_id);
	sqlite3_bind_text(s, 3, r->actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, r->approver, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, r->k->table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, r->row_id);
	sqlite3_bind_int64(s, 7, r->commitment_id);
	sqlite3_bind_int64(s, 8, r->plan_id);
	sqlite3_bind_text(s, 9, op, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 11, before, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 12, after, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
edit_revision(sqlite3 *rw, long long *change_id, long long staff_id, const char *actor,
    const char *tbl, long long row_id, const char *op, const char *field,
    const char *before, const char *after)
{
	struct kind	 k = { 0 };
	struct revctx	 r = { *change_id, staff_id, actor, NULL, &k, row_id, 0, 0 };
	sqlite3_stmt	*s = xst[X_CHANGE_ID];

	(void)rw;
	k.table = tbl;
	if (r.change_id == 0) {
		sqlite3_reset(s);
		if (sqlite3_step(s) != SQLITE_ROW)
			return -1;
		r.change_id = *change_id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	return revision(&r, op, field, before, after);
}

/* Fills the change id and the commitment and plan a row belongs to. */
static int
revctx_owners(struct revctx *r, const struct values *v)
{
	sqlite3_stmt	*s;
	int		 f;

	s = xst[X_CHANGE_ID];
	sqlite3_reset(s);
	if (r->change_id == 0) {	/* else: a bulk import shares one change id */
		if (sqlite3_step(s) != SQLITE_ROW)
			return -1;
		r->change_id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	r->commitment_id = r->plan_id = 0;
	if (strcmp(r->k->table, "action_plan") == 0)
		r->plan_id = r->row_id;
	if (strcmp(r->k->table, "commitment") == 0) {
		r->commitment_id = r->row_id;
		f = edit_field(r->k, "plan_id");
		r->plan_id = v->v[f] ? strtoll(v->v[f], NULL, 10) : 0;
	}
	if (strcmp(r->k->table, "milestone") == 0) {
		f = edit_field(r->k, "commitment_id");
		r->commitment_id = v->v[f] ? strtoll(v->v[f], NULL, 10) : 0;
		s = xst[X_PLAN_OF];
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, r->commitment_id);
		if (sqlite3_step(s) == SQLITE_ROW)
			r->plan_id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	return 0;
}

/* Returns 1 if two optional values differ. */
static int
differ(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

/* Writes the row (insert or versioned update) and its revisions.  Inside a transaction.
 * Returns 0, 1 conflict, 2 refused by a constraint, -1 error. */
static int
write_row(sqlite3 *rw, const struct kind *k, long long *id, const struct values *v,
    struct revctx *r, const char **dberr)
{
	struct values	 old;
	sqlite3_stmt	*s;
	size_t		 i;
	int		 rc, found = 0;

	if (*id != 0 && (found = edit_load(rw, k, *id, &old)) <= 0)
		return found == 0 ? 1 : -1;
	if (*id != 0 && old.version != v->version) {
		edit_values_free(&old);
		return 1;
	}
	s = kstmt(k, *id ? K_UPDATE : K_INSERT);
	bind_values(s, k, v);
	if (*id != 0) {
		sqlite3_bind_int64(s, (int)k->nfields + 1, *id);
		sqlite3_bind_int64(s, (int)k->nfields + 2, v->version);
	}
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE || sqlite3_changes(rw) != 1) {
		*dberr = keep_err(rw);
		if (found)
			edit_values_free(&old);
		return (rc & 0xff) == SQLITE_CONSTRAINT ? 2 : rc == SQLITE_DONE ? 1 : -1;
	}
	if (*id == 0)
		*id = sqlite3_last_insert_rowid(rw);
	r->row_id = *id;
	rc = revctx_owners(r, v);
	if (rc == 0 && !found)
		rc = revision(r, "create", NULL, NULL, NULL);
	for (i = 0; rc == 0 && i < k->nfields; i++)
		if (differ(found ? old.v[i] : NULL, v->v[i]))
			rc = revision(r, found ? "update" : "create", k->fields[i].col,
			    found ? old.v[i] : NULL, v->v[i]);
	if (found)
		edit_values_free(&old);
	return rc;
}

int
edit_save(sqlite3 *rw, const struct kind *k, long long *id, const struct values *v,
    long long staff_id, const char *actor, const char *approver,
    int (*extra)(sqlite3 *, long long, void *), void *extra_arg, const char **dberr)
{
	struct revctx	 r = { 0, staff_id, actor, approver, k, 0, 0, 0 };
	long long	 orig = *id;
	int		 rc;

	*dberr = NULL;
	if (sqlite3_exec(rw, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		*dberr = keep_err(rw);
		return -1;
	}
	rc = write_row(rw, k, id, v, &r, dberr);
	if (rc == 0 && extra != NULL)
		rc = extra(rw, *id, extra_arg);
	if (rc == 0 && sqlite3_exec(rw, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
		cache_invalidate(rw);	/* the save returns after the pages are unpublished */
		return 0;
	}
	db_fault(rw);	/* why it failed (a full disk...), before ROLLBACK forgets it */
	sqlite3_exec(rw, "ROLLBACK", NULL, NULL, NULL);
	*id = orig;
	return rc == 0 ? -1 : rc;
}

int
edit_save_in(sqlite3 *rw, const struct kind *k, long long *id, const struct values *v,
    long long staff_id, const char *actor, long long *change_id, const char **dberr)
{
	struct revctx	 r = { *change_id, staff_id, actor, NULL, k, 0, 0, 0 };
	int		 rc;

	*dberr = NULL;
	if ((rc = write_row(rw, k, id, v, &r, dberr)) == 0)
		*change_id = r.change_id;
	return rc;
}

int
edit_delete(sqlite3 *rw, const struct kind *k, long long id, long long version,
    long long staff_id, const char *actor, const char **dberr)
{
	struct revctx	 r = { 0, staff_id, actor, NULL, k, id, 0, 0 };
	struct values	 old;
	sqlite3_stmt	*s;
	int		 rc, found;

	*dberr = NULL;
	if (sqlite3_exec(rw, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	if ((found = edit_load(rw, k, id, &old)) <= 0 || old.version != version) {
		rc = found < 0 ? -1 : 1;
		goto fail;
	}
	rc = revctx_owners(&r, &old);
	s = kstmt(k, K_DELETE);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, version);
	if (rc == 0 && (rc = sqlite3_step(s)) != SQLITE_DONE) {
		*dberr = keep_err(rw);
		rc = (rc & 0xff) == SQLITE_CONSTRAINT ? 2 : -1;
	} else if (rc == SQLITE_DONE)
		rc = revision(&r, "delete", NULL, NULL, NULL);
	sqlite3_reset(s);
	if (rc == 0 && sqlite3_exec(rw, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
		edit_values_free(&old);
		cache_invalidate(rw);
		return 0;
	}
fail:
	if (found > 0)
		edit_values_free(&old);
	db_fault(rw);
	sqlite3_exec(rw, "ROLLBACK", NULL, NULL, NULL);
	return rc == 0 ? -1 : rc;
}

/* Inserts one evidence link: an outside url, or (url NULL) the upload sha. */
static int
evidence_link(sqlite3 *rw, long long id, const char *url, const char *sha,
    const char *label)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(rw, "INSERT INTO link (milestone_id, kind, url, upload_sha, "
	    "label_pt, label_en, position) VALUES (?1, 'evidence', ?2, ?4, coalesce(?3, "
	    "(SELECT name FROM upload WHERE sha256 = ?4)), coalesce(?3, (SELECT name FROM "
	    "upload WHERE sha256 = ?4)), (SELECT count(*) FROM link WHERE milestone_id = ?1))",
	    -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, url, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, label, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, url == NULL ? sha : NULL, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
edit_add_evidence(sqlite3 *rw, long long id, const char *url, const char *sha,
    const char *label)
{
	if (url != NULL && *url != '\0' && evidence_link(rw, id, url, NULL, label) != 0)
		return -1;
	if (sha != NULL && *sha != '\0' && evidence_link(rw, id, NULL, sha, label) != 0)
		return -1;
	return 0;
}
