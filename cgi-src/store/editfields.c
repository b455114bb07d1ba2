/* editfields: the record kinds, their fields and the choices of reference fields (see
 * editfields.h). */
#include <string.h>

#include "store/editfields.h"
#include "store/stmt.h"

#define NONE DOM__MAX, REF_NONE
#define TXT(c, l) \
	{ \
		c, l, F_TEXT, 0, 500, NONE \
	}
#define LONGT(c, l) \
	{ \
		c, l, F_LONG, 0, 20000, NONE \
	}
#define DATE(c, l) \
	{ \
		c, l, F_DATE, 0, 0, NONE \
	}
#define URL(c, l) \
	{ \
		c, l, F_URL, 0, 2048, NONE \
	}
#define ENUM(c, l, dom) \
	{ \
		c, l, F_ENUM, 0, 0, dom, REF_NONE \
	}

static const struct field plan_fields[] = {
	{ "number", "Número do plano", F_INT, 1, 999, NONE },
	TXT("title_pt", "Título (PT)"),
	TXT("title_en", "Título (EN)"),
	TXT("ogp_title", "Título no sítio da OGP"),
	TXT("short_pt", "Nome abreviado (PT), como «I PANAA»"),
	DATE("period_start", "Início"),
	DATE("period_end", "Fim"),
	DATE("implementation_start", "Início da execução"),
	DATE("implementation_end", "Fim da execução"),
	DATE("published", "Publicado em"),
	ENUM("published_confidence", "Confiança na data de publicação", DOM_CONFIDENCE),
	ENUM("status", "Estado", DOM_PLAN_STATUS),
	{ "commitment_count", "Compromissos (quantos o plano diz ter)", F_INT, 0, 999, NONE },
	{ "milestone_count", "Marcos (quantos o plano diz ter)", F_INT, 0, 9999, NONE },
	URL("document_url", "Documento do plano"),
	LONGT("cocreation_pt", "Como foi feito (PT)"),
	LONGT("cocreation_en", "Como foi feito (EN)"),
	LONGT("summary_pt", "Resumo (PT)"),
	LONGT("summary_en", "Resumo (EN)"),
	LONGT("note_pt", "Nota pública sobre os dados (PT)"),
	LONGT("note_en", "Nota pública sobre os dados (EN)"),
};

static const struct field commitment_fields[] = {
	{ "ogp_id", "Identificador OGP", F_OGPID, 1, 6, NONE },
	{ "ogp_id_confidence", "Confiança no identificador OGP", F_ENUM, 1, 0, DOM_CONFIDENCE,
	    REF_NONE },
	{ "plan_id", "Plano", F_REF, 1, 0, DOM__MAX, REF_PLAN },
	{ "number", "Número no plano", F_INT, 0, 999, NONE },
	TXT("title_pt", "Título (PT)"),
	TXT("title_en", "Título (EN)"),
	ENUM("title_pt_kind", "Origem do título (PT)", DOM_TEXT_KIND),
	ENUM("title_en_kind", "Origem do título (EN)", DOM_TEXT_KIND),
	ENUM("title_pt_confidence", "Confiança no título (PT)", DOM_CONFIDENCE),
	ENUM("title_en_confidence", "Confiança no título (EN)", DOM_CONFIDENCE),
	TXT("title_en_long", "Título longo (EN), se existir"),
	LONGT("summary_pt", "Resumo (PT)"),
	LONGT("summary_en", "Resumo (EN)"),
	LONGT("problem_pt", "Problema (PT)"),
	LONGT("problem_en", "Problema (EN)"),
	DATE("start_date", "Início"),
	DATE("end_date", "Fim"),
	ENUM("self_status", "Estado declarado", DOM_SELF_STATUS),
	{ "self_percent", "Progresso declarado (%)", F_PERCENT, 0, 100, NONE },
	DATE("self_status_date", "Data do estado declarado"),
	ENUM("self_as_of_kind", "Como se sabe a data do estado declarado", DOM_AS_OF_KIND),
	URL("self_source", "Fonte do estado declarado (endereço da página)"),
	ENUM("self_confidence", "Confiança no estado declarado", DOM_CONFIDENCE),
	ENUM("irm_verifiable", "IRM: verificável", DOM_YESNO),
	ENUM("irm_relevant", "IRM: relevante", DOM_YESNO),
	ENUM("irm_ambition", "IRM: ambição", DOM_AMBITION),
	ENUM("irm_potential_impact", "IRM: impacto potencial", DOM_POTENTIAL_IMPACT),
	ENUM("irm_potential_results", "IRM: potencial de resultados", DOM_POTENTIAL_RESULTS),
	ENUM("irm_completion", "IRM: conclusão", DOM_IRM_COMPLETION),
	ENUM("irm_diog", "IRM: abriu o governo?", DOM_DIOG),
	ENUM("irm_early_results", "IRM: primeiros resultados", DOM_EARLY_RESULTS),
	ENUM("irm_starred", "IRM: compromisso estrela", DOM_STARRED),
	DATE("irm_date", "IRM: data da avaliação de conceção"),
	DATE("irm_results_date", "IRM: data do relatório de resultados"),
	ENUM("irm_confidence", "IRM: confiança nestes valores", DOM_CONFIDENCE),
	TXT("cluster_pt", "Agrupamento IRM (PT)"),
	TXT("cluster_en", "Agrupamento IRM (EN)"),
	ENUM("values_confidence",
	    "Confiança nos valores OGP (escolhidos em «Entidades, valores e áreas»)",
	    DOM_CONFIDENCE),
	LONGT("note_pt", "Nota sobre os dados (PT)"),
	LONGT("note_en", "Nota sobre os dados (EN)"),
};

static const struct field milestone_fields[] = {
	{ "commitment_id", "Compromisso", F_REF, 1, 0, DOM__MAX, REF_COMMITMENT },
	{ "position", "Ordem no compromisso", F_INT, 1, 999, NONE },
	TXT("title_pt", "Título (PT)"),
	TXT("title_en", "Título (EN)"),
	ENUM("title_pt_kind", "Origem do título (PT)", DOM_TEXT_KIND),
	ENUM("title_en_kind", "Origem do título (EN)", DOM_TEXT_KIND),
	DATE("planned_start", "Início previsto"),
	DATE("planned_end", "Fim previsto"),
	DATE("completed_on", "Concluído em"),
	ENUM("status", "Estado", DOM_MS_STATUS),
	{ "progress", "Progresso (%)", F_PERCENT, 0, 100, NONE },
	DATE("progress_as_of", "Data do progresso"),
	ENUM("progress_as_of_kind", "Como se sabe a data do progresso", DOM_AS_OF_KIND),
	URL("progress_source", "Fonte do progresso (endereço da página que o indica)"),
	ENUM("progress_confidence", "Confiança no progresso", DOM_CONFIDENCE),
};

static const struct field entity_fields[] = {
	{ "slug", "Identificador no endereço", F_SLUG, 1, 80, NONE },
	{ "acronym", "Sigla", F_TEXT, 0, 40, NONE },
	TXT("name_pt", "Nome (PT)"),
	TXT("name_en", "Nome (EN)"),
	{ "kind", "Setor", F_ENUM, 1, 0, DOM_ENTITY_KIND, REF_NONE },
	{ "parent_id", "Pertence a (entidade de que faz parte)", F_REF, 0, 0, DOM__MAX,
	    REF_ENTITY },
	URL("website", "Sítio na Internet"),
	{ "is_member", "Membro da rede", F_BOOL, 0, 1, NONE },
	ENUM("member_status", "Participação na rede, segundo as fontes", DOM_MEMBER_STATUS),
	ENUM("member_confidence", "Confiança na participação na rede", DOM_CONFIDENCE),
	DATE("member_since", "Membro desde"),
	DATE("member_until", "Membro até"),
	LONGT("description_pt", "Descrição (PT)"),
	LONGT("description_en", "Descrição (EN)"),
	LONGT("note_pt", "Nota sobre os dados (PT)"),
	LONGT("note_en", "Nota sobre os dados (EN)"),
	URL("source_url", "Fonte"),
};

static const struct field event_fields[] = {
	TXT("title_pt", "Título (PT)"),
	TXT("title_en", "Título (EN)"),
	ENUM("title_pt_kind", "Origem do título (PT)", DOM_TEXT_KIND),
	{ "kind", "Tipo", F_ENUM, 1, 0, DOM_EVENT_KIND, REF_NONE },
	ENUM("status", "Realizado ou anunciado", DOM_HELD_STATUS),
	DATE("start_date", "Início"),
	DATE("end_date", "Fim"),
	ENUM("date_confidence", "Confiança nas datas", DOM_CONFIDENCE),
	TXT("date_note_pt", "Nota sobre a data (PT)"),
	TXT("date_note_en", "Nota sobre a data (EN)"),
	TXT("place_pt", "Local (PT)"),
	TXT("place_en", "Local (EN)"),
	{ "online", "Em linha", F_YESNO, 0, 1, NONE },
	TXT("organiser", "Organização"),
	URL("url", "Página do evento"),
	LONGT("description_pt", "Descrição (PT)"),
	LONGT("description_en", "Descrição (EN)"),
};

static const struct field consultation_fields[] = {
	TXT("title_pt", "Título (PT)"),
	TXT("title_en", "Título (EN)"),
	LONGT("description_pt", "O que se pergunta e porquê (PT)"),
	LONGT("description_en", "O que se pergunta e porquê (EN)"),
	LONGT("questions_pt", "Perguntas ou texto em consulta (PT)"),
	LONGT("questions_en", "Perguntas ou texto em consulta (EN)"),
	{ "plan_id", "Plano em preparação", F_REF, 0, 0, DOM__MAX, REF_PLAN },
	{ "commitment_id", "Compromisso em projeto", F_REF, 0, 0, DOM__MAX, REF_COMMITMENT },
	URL("document_url", "Documento em consulta (um relatório...)"),
	ENUM("timezone", "Fuso horário (vazio: Lisboa)", DOM_TIMEZONE),
	{ "opens_at", "Abre em", F_DATETIME, 1, 0, NONE },
	{ "closes_at", "Fecha em", F_DATETIME, 1, 0, NONE },
	{ "dates_only", "Só se conhecem os dias (consulta antiga)", F_BOOL, 0, 1, NONE },
	LONGT("outcome_pt", "Relatório: o que foi acolhido (PT)"),
	LONGT("outcome_en", "Relatório: o que foi acolhido (EN)"),
	URL("outcome_url", "Relatório publicado (documento)"),
	URL("source_url", "Fonte (consulta antiga)"),
};

static const struct field submission_fields[] = {
	{ "outcome", "Estado da proposta", F_ENUM, 1, 0, DOM_OUTCOME, REF_NONE },
	{ "merged_commitment_id", "Integrada no compromisso", F_REF, 0, 0, DOM__MAX,
	    REF_COMMITMENT },
	LONGT("answer_pt", "Resposta oficial (PT)"),
	LONGT("answer_en", "Resposta oficial (EN)"),
};

static const struct field page_fields[] = {
	{ "slug", "Identificador no endereço", F_SLUG, 1, 80, NONE },
	TXT("title_pt", "Título (PT)"),
	TXT("title_en", "Título (EN)"),
	LONGT("body_pt", "Texto (PT)"),
	LONGT("body_en", "Texto (EN)"),
};

#define N(a) (sizeof(a) / sizeof(a)[0])

static const struct kind kinds[] = {
	{ "plans", "action_plan", "id", "plano", "Planos", plan_fields, N(plan_fields), 0, 1, 0 },
	{ "commitments", "commitment", "id", "compromisso", "Compromissos", commitment_fields,
	    N(commitment_fields), 1, 1, 0 },
	{ "milestones", "milestone", "id", "marco", "Marcos", milestone_fields, N(milestone_fields),
	    1, 1, 0 },
	{ "entities", "entity", "id", "entidade", "Entidades", entity_fields, N(entity_fields), 0,
	    1, 0 },
	{ "events", "event", "id", "evento", "Eventos", event_fields, N(event_fields), 0, 1, 0 },
	{ "consultations", "consultation", "id", "consulta", "Consultas públicas",
	    consultation_fields, N(consultation_fields), 0, 1, 0 },
	{ "submissions", "submission", "id", "contributo", "Contributos", submission_fields,
	    N(submission_fields), 0, 0, 1 },
	{ "pages", "page", "rowid", "página", "Páginas", page_fields, N(page_fields), 0, 0, 0 },
};

_Static_assert(N(kinds) == EDIT_KINDS, "EDIT_KINDS is the number of kinds");

/* The rows a reference field chooses from (enum choice_col), from REF_PLAN on. */
static const char *const choices_sql[REF__MAX - REF_PLAN] = {
	/* REF_PLAN */
	"SELECT id, 'Plano ' || number || ' — ' || coalesce(title_pt, title_en, '') FROM "
	"action_plan ORDER BY number",
	/* REF_COMMITMENT */
	"SELECT id, ogp_id || ' — ' || coalesce(title_pt, title_en, '(sem título)') FROM "
	"commitment ORDER BY ogp_id",
	/* REF_ENTITY */
	"SELECT id, coalesce(name_pt, name_en, acronym, slug) FROM entity ORDER BY 2",
};

STORE_TABLE(store_edit_choices, "edit_choices", STORE_RW, REF__MAX - REF_PLAN, choices_sql);

const struct kind *
edit_kind(const char *slug)
{
	size_t i;

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
	size_t i;

	for (i = 0; i < k->nfields; i++)
		if (strcmp(k->fields[i].col, col) == 0)
			return (int)i;
	return -1;
}

sqlite3_stmt *
edit_choices(enum ref ref)
{
	return store_stmt(&store_edit_choices, (int)ref - REF_PLAN);
}
