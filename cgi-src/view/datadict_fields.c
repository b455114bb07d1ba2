/* datadict_fields: the catalogue of the open data's fields, every field of every
 * dataset once (see datadict.h; the datasets are in datadict.c). */
#include <stdio.h>
#include <string.h>

#include "view/datadict.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

/* The catalogue: every field of every dataset, once. */
static const struct xfield fields[] = {
	/* The envelope of a JSON answer. */
	{ "dataset", X_TEXT, NULL, "Nome do conjunto de dados (um dos desta página).",
	    "Name of the dataset (one of those on this page)." },
	{ "url", X_URL, NULL,
	    "Endereço da página do registo neste sítio, na língua do "
	    "endereço pedido (no envelope: a própria página, com os mesmos parâmetros).",
	    "Address of the record's page on this site, in the language of the address asked "
	    "for (in the envelope: the page itself, with the same parameters)." },
	{ "url_pt", X_URL, NULL, "Endereço da página do registo, em português.",
	    "Address of the record's page, in Portuguese." },
	{ "url_en", X_URL, NULL, "Endereço da página do registo, em inglês.",
	    "Address of the record's page, in English." },
	{ "license", X_URL, NULL,
	    "Licença dos dados: null enquanto quem os publica não declarar nenhuma.",
	    "Licence of the data: null while the publisher has not stated one." },
	{ "modified", X_TIME, NULL, "Hora da última alteração de qualquer conteúdo do sítio.",
	    "Time of the last change to any content of the site." },
	{ "records", X_OBJECTS, NULL, "Os registos de uma listagem (JSON).",
	    "The records of a listing (JSON)." },
	{ "record", X_OBJECTS, NULL,
	    "O registo de uma página de detalhe (JSON); é um "
	    "objeto, não uma lista.",
	    "The record of a detail page (JSON); an object, not a "
	    "list." },
	/* Plans. */
	{ "plan_number", X_INT, NULL,
	    "Número do plano de ação (1.º, 2.º…), também no "
	    "endereço /plans/N.",
	    "Number of the action plan (1st, 2nd...), also in its "
	    "address /plans/N." },
	{ "title_pt", X_TEXT, NULL, "Título, em português.", "Title, in Portuguese." },
	{ "title_en", X_TEXT, NULL, "Título, em inglês.", "Title, in English." },
	{ "period_start", X_DATE, NULL, "Início do período do plano.",
	    "Start of the plan's period." },
	{ "period_end", X_DATE, NULL, "Fim do período do plano.", "End of the plan's period." },
	{ "published", X_DATE, NULL, "Data de publicação do plano.",
	    "Date the plan was published." },
	{ "plan_status", X_CODE, "preparation implementation closed", "Fase do plano.",
	    "Stage of the plan." },
	{ "document_url", X_URL, NULL,
	    "O documento do plano; numa consulta, o documento em "
	    "consulta.",
	    "The plan document; in a consultation, the document consulted on." },
	{ "cocreation_pt", X_TEXT, NULL, "Como o plano foi co-criado, em português.",
	    "How the plan was co-created, in Portuguese." },
	{ "cocreation_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	{ "summary_pt", X_TEXT, NULL,
	    "Resumo, em português: num compromisso, o que se "
	    "propõe fazer; num plano, visão geral e avaliação independente.",
	    "Summary, in Portuguese: for a commitment, what it sets out to do; for a plan, "
	    "overview and independent assessment." },
	{ "summary_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	{ "commitment_count", X_INT, NULL, "Número de compromissos do plano.",
	    "Number of commitments in the plan." },
	{ "progress_percent", X_PERCENT, NULL,
	    "Progresso calculado com a fórmula desta "
	    "página, arredondado às unidades; null quando não há dados (nunca 0 por omissão).",
	    "Progress computed with the formula on this page, rounded to a whole number; null "
	    "when there is no data (never 0 by default)." },
	{ "progress_known", X_INT, NULL,
	    "Partes com dados: marcos com progresso registado "
	    "(num compromisso) ou compromissos com dados (num plano ou numa entidade).",
	    "Parts with data: milestones with recorded progress (for a commitment) or "
	    "commitments with data (for a plan or a body)." },
	{ "progress_total", X_INT, NULL,
	    "Partes ao todo: marcos (compromisso) ou "
	    "compromissos (plano, entidade).",
	    "Parts in all: milestones (commitment) or "
	    "commitments (plan, body)." },
	{ "progress_as_of", X_DATE, NULL,
	    "Data dos dados mais recentes em que o progresso "
	    "se baseia; num marco, a data a que o valor registado se refere.",
	    "Date of the latest data the progress rests on; for a milestone, the date its "
	    "recorded figure refers to." },
	{ "updated_at", X_TIME, NULL, "Última alteração do registo.",
	    "Last change to the record." },
	/* Commitments. */
	{ "ogp_id", X_TEXT, NULL,
	    "Identificador OGP do compromisso: duas letras e quatro "
	    "algarismos (PT0013); endereço permanente /commitments/ID.",
	    "OGP id of the commitment: two letters and four digits (PT0013); permanent "
	    "address /commitments/ID." },
	{ "number", X_INT, NULL, "Número do compromisso dentro do seu plano.",
	    "Number of the commitment within its plan." },
	{ "problem_pt", X_TEXT, NULL,
	    "O problema a que o compromisso responde, em "
	    "português.",
	    "The problem the commitment addresses, in Portuguese." },
	{ "problem_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	{ "start_date", X_DATE, NULL,
	    "Início (da execução de um compromisso; de um evento, "
	    "que pode trazer a hora).",
	    "Start (of a commitment's implementation; of an "
	    "event, which may carry the time)." },
	{ "end_date", X_DATE, NULL, "Fim (da execução de um compromisso; de um evento).",
	    "End (of a commitment's implementation; of an event)." },
	{ "self_status", X_CODE,
	    "no_evidence not_started limited substantial complete "
	    "withdrawn",
	    "Estado declarado pelo governo e pelas entidades responsáveis "
	    "(escala OGP).",
	    "Status reported by the government and the lead bodies (OGP "
	    "scale)." },
	{ "self_status_date", X_DATE, NULL, "Data desse estado declarado.",
	    "Date of that reported status." },
	{ "irm_verifiable", X_CODE, "yes no", "IRM: o compromisso é verificável.",
	    "IRM: the commitment is verifiable." },
	{ "irm_relevant", X_CODE, "yes no", "IRM: relevante para os valores OGP.",
	    "IRM: relevant to the OGP values." },
	{ "irm_ambition", X_CODE, "low high no_data",
	    "Ambição, como a página da OGP a "
	    "indica.",
	    "Ambition, as OGP's page gives it." },
	{ "irm_potential_impact", X_CODE, "none minor moderate transformative",
	    "IRM: "
	    "impacto potencial (planos até 2019).",
	    "IRM: potential impact (plans up to "
	    "2019)." },
	{ "irm_potential_results", X_CODE, "unclear modest substantial",
	    "IRM: potencial de "
	    "resultados (planos desde 2021).",
	    "IRM: potential for results (plans from "
	    "2021)." },
	{ "irm_promising", X_BOOL, NULL, "IRM: compromisso promissor.",
	    "IRM: promising commitment." },
	{ "irm_completion", X_CODE, "no_evidence not_started limited substantial complete",
	    "IRM: grau de conclusão.", "IRM: completion." },
	{ "irm_diog", X_CODE, "worsened did_not_change marginal major outstanding",
	    "IRM: "
	    "abriu o governo?",
	    "IRM: did it open government?" },
	{ "irm_early_results", X_CODE, "no_notable moderate significant",
	    "IRM: primeiros "
	    "resultados (planos desde 2021).",
	    "IRM: early results (plans from 2021)." },
	{ "irm_starred", X_CODE, "yes no pending", "IRM: compromisso estrela.",
	    "IRM: starred commitment." },
	{ "cluster_pt", X_TEXT, NULL,
	    "Agrupamento IRM de compromissos relacionados, em "
	    "português.",
	    "IRM cluster of related commitments, in Portuguese." },
	{ "cluster_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	{ "note_pt", X_TEXT, NULL,
	    "Nota sobre os dados (factos por confirmar), em "
	    "português.",
	    "Note on the data (facts not yet confirmed), in Portuguese." },
	{ "note_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	{ "leads", X_LIST, NULL,
	    "Entidades responsáveis (slug de cada uma, pela ordem do "
	    "plano).",
	    "Lead bodies (the slug of each, in the plan's order)." },
	{ "supports", X_LIST, NULL, "Entidades de apoio (slugs).",
	    "Supporting bodies "
	    "(slugs)." },
	{ "ogp_values", X_CODES,
	    "access_to_information civic_participation "
	    "public_accountability technology_innovation",
	    "Valores OGP do compromisso.", "OGP values of the commitment." },
	{ "policy_areas", X_LIST, NULL,
	    "Áreas temáticas do compromisso (slugs do conjunto "
	    "policy_areas).",
	    "Policy areas of the commitment (slugs of the policy_areas "
	    "dataset)." },
	/* Milestones. */
	{ "position", X_INT, NULL,
	    "Ordem: de um marco no seu compromisso (a partir de 1), "
	    "de uma ligação entre as do seu dono, de uma entidade entre as do compromisso.",
	    "Order: of a milestone within its commitment (from 1), of a link among its "
	    "owner's, of a body among the commitment's." },
	{ "planned_start", X_DATE, NULL, "Início previsto do marco.",
	    "Planned start of the milestone." },
	{ "planned_end", X_DATE, NULL, "Fim previsto do marco.",
	    "Planned end of the "
	    "milestone." },
	{ "completed_on", X_DATE, NULL, "Data de conclusão do marco.",
	    "Date the milestone was completed." },
	{ "status", X_CODE, "not_started in_progress complete withdrawn",
	    "Estado "
	    "declarado do marco.",
	    "Reported status of the milestone." },
	{ "progress", X_PERCENT, NULL,
	    "Progresso registado do marco, de 0 a 100; null: "
	    "sem dados.",
	    "Recorded progress of the milestone, 0 to 100; null: no data." },
	{ "progress_source", X_TEXT, NULL,
	    "Quem reportou o progresso (autodeclarado, "
	    "IRM…).",
	    "Who reported the progress (self-reported, IRM...)." },
	{ "evidence", X_LIST, NULL, "Endereços das evidências do marco.",
	    "Addresses of the milestone's evidence." },
	/* Bodies. */
	{ "slug", X_TEXT, NULL,
	    "Identificador estável usado nos endereços (entidades: "
	    "/members/SLUG; páginas; áreas temáticas).",
	    "Stable identifier used in "
	    "addresses (bodies: /members/SLUG; pages; policy areas)." },
	{ "acronym", X_TEXT, NULL, "Sigla da entidade (AMA, CADA).",
	    "Acronym of the body (AMA, CADA)." },
	{ "name_pt", X_TEXT, NULL, "Nome, em português.", "Name, in Portuguese." },
	{ "name_en", X_TEXT, NULL, "Nome, em inglês.", "Name, in English." },
	{ "entity_kind", X_CODE, "public civil_society academia private other",
	    "Setor da entidade.", "Sector of the body." },
	{ "website", X_URL, NULL, "Sítio oficial da entidade.",
	    "Official site of the "
	    "body." },
	{ "is_member", X_BOOL, NULL, "Membro da rede (segundo as fontes consultadas).",
	    "Member of the network (according to the sources consulted)." },
	{ "member_since", X_DATE, NULL, "Data de entrada na rede.",
	    "Date it joined the "
	    "network." },
	{ "member_until", X_DATE, NULL, "Data de saída da rede; null enquanto é membro.",
	    "Date it left the network; null while a member." },
	{ "description_pt", X_TEXT, NULL, "Descrição, em português.",
	    "Description, in Portuguese." },
	{ "description_en", X_TEXT, NULL, "Descrição, em inglês.",
	    "Description, in "
	    "English." },
	{ "source_url", X_URL, NULL,
	    "Fonte dos factos sobre a pertença à rede, ou sobre "
	    "uma consulta antiga.",
	    "Source of the membership facts, or of a past "
	    "consultation's facts." },
	{ "role", X_CODE, "lead support", "Papel da entidade no compromisso.",
	    "Role of the body in the commitment." },
	/* Events. */
	{ "event_id", X_INT, NULL,
	    "Identificador do evento, também no endereço "
	    "/events/ID.",
	    "Id of the event, also in its address /events/ID." },
	{ "event_kind", X_CODE, "open_gov_week network_meeting consultation other",
	    "Tipo de evento.", "Kind of event." },
	{ "date_note_pt", X_TEXT, NULL,
	    "Nota sobre a data quando só se conhece uma data "
	    "aproximada, em português.",
	    "Note on the date when only an approximate date is "
	    "known, in Portuguese." },
	{ "date_note_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	{ "place_pt", X_TEXT, NULL, "Local, em português.", "Place, in Portuguese." },
	{ "place_en", X_TEXT, NULL, "Local, em inglês.", "Place, in English." },
	{ "online", X_BOOL, NULL, "Evento em linha.", "Online event." },
	{ "organiser", X_TEXT, NULL, "Quem organizou, como a fonte o nomeia.",
	    "Who organised it, as the source names it." },
	{ "info_url", X_URL, NULL, "Página com mais informação sobre o evento.",
	    "Page with more information about the event." },
	{ "upcoming", X_BOOL, NULL,
	    "O evento ainda não terminou (a data de hoje é a do "
	    "servidor, UTC).",
	    "The event is not over yet (today is the server's date, "
	    "UTC)." },
	/* Links. */
	{ "owner_type", X_CODE, "plan commitment milestone entity event",
	    "A que pertence a "
	    "ligação; o dono vem nos campos plan_number, ogp_id (e milestone_position), "
	    "entity_slug ou event_id.",
	    "What the link belongs to; the owner is given by "
	    "plan_number, ogp_id (and milestone_position), entity_slug or event_id." },
	{ "milestone_position", X_INT, NULL, "Posição do marco dono da ligação.",
	    "Position of the milestone that owns the link." },
	{ "entity_slug", X_TEXT, NULL, "Slug da entidade.", "Slug of the body." },
	{ "link_kind", X_CODE, "source irm_report evidence ogp_page document", "O que a ligação é.",
	    "What the link is." },
	{ "href", X_URL, NULL,
	    "Endereço para onde a ligação aponta (documentos guardados "
	    "no sítio: /uploads/…).",
	    "Address the link points to (documents kept on the "
	    "site: /uploads/...)." },
	{ "label_pt", X_TEXT, NULL, "Texto da ligação, em português.",
	    "Link text, in Portuguese." },
	{ "label_en", X_TEXT, NULL, "Texto da ligação, em inglês.",
	    "Link text, in "
	    "English." },
	{ "links", X_OBJECTS, NULL, "Fontes e documentos do registo (conjunto link).",
	    "Sources and documents of the record (the link dataset)." },
	{ "commitments", X_OBJECTS, NULL,
	    "Os compromissos da página (plano: "
	    "commitment_list; entidade: entity_commitment_list).",
	    "The page's commitments "
	    "(plan: commitment_list; body: entity_commitment_list)." },
	{ "milestones", X_OBJECTS, NULL, "Os marcos do compromisso (milestone_list).",
	    "The milestones of the commitment (milestone_list)." },
	/* Policy areas and the relation tables. */
	{ "policy_area", X_TEXT, NULL, "Slug de uma área temática.", "Slug of a policy area." },
	{ "ogp_value", X_CODE,
	    "access_to_information civic_participation "
	    "public_accountability technology_innovation",
	    "Um valor OGP.", "One OGP value." },
	/* Revisions. */
	{ "change_id", X_INT, NULL,
	    "Alteração: as linhas de uma mesma gravação (ou de uma "
	    "importação) partilham-no.",
	    "Change: the rows of one save (or of one import) "
	    "share it." },
	{ "at", X_TIME, NULL, "Hora da alteração.", "Time of the change." },
	{ "actor_kind", X_CODE, "import focal_point member_body",
	    "Quem fez a alteração, "
	    "como as páginas de histórico o mostram: a carga de dados, o ponto focal, ou a "
	    "entidade de um editor membro (nunca o nome ou o endereço de quem a fez).",
	    "Who made the change, as the History pages show it: the data import, the focal "
	    "point, or the body of a member editor (never the name or address of the "
	    "person)." },
	{ "actor_entity", X_TEXT, NULL, "Slug da entidade de um editor membro.",
	    "Slug of a member editor's body." },
	{ "actor_pt", X_TEXT, NULL,
	    "Quem, como a página de histórico o mostra em "
	    "português.",
	    "Who, as the History page shows it in Portuguese." },
	{ "actor_en", X_TEXT, NULL, "Quem, como a página de histórico o mostra em inglês.",
	    "Who, as the History page shows it in English." },
	{ "reviewed", X_BOOL, NULL, "Proposta de um editor membro revista pelo ponto focal.",
	    "Proposal of a member editor reviewed by the focal point." },
	{ "record_type", X_CODE,
	    "plan commitment milestone entity event page consultation "
	    "submission",
	    "Tipo do registo alterado.", "Kind of record changed." },
	{ "record_key", X_TEXT, NULL,
	    "Chave do registo alterado: número do plano, ogp_id, "
	    "ogp_id/posição do marco, slug, id do evento; null se já não existe.",
	    "Key of the record changed: plan number, ogp_id, ogp_id/position of the "
	    "milestone, slug, event id; null when it no longer exists." },
	{ "op", X_CODE, "create update delete", "O que aconteceu.", "What happened." },
	{ "field", X_TEXT, NULL, "Campo alterado (null ao criar ou apagar).",
	    "Field changed (null for create and delete)." },
	{ "before", X_TEXT, NULL, "Valor antes (null: vazio).",
	    "Value before (null: "
	    "empty)." },
	{ "after", X_TEXT, NULL, "Valor depois (null: vazio).",
	    "Value after (null: "
	    "empty)." },
	/* Consultations and what citizens sent (never their email address). */
	{ "consultation_id", X_INT, NULL,
	    "Identificador da consulta, também no endereço "
	    "/consultations/ID.",
	    "Id of the consultation, also in its address "
	    "/consultations/ID." },
	{ "questions_pt", X_TEXT, NULL, "As perguntas, ou o texto em consulta, em português.",
	    "The questions, or the text consulted on, in Portuguese." },
	{ "questions_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	{ "opens_at", X_TIME, NULL,
	    "Quando a consulta abre (UTC; as páginas mostram a hora "
	    "do fuso da consulta: Lisboa, Madeira ou Açores).",
	    "When the consultation opens (UTC; the pages show the time of the "
	    "consultation's zone: Lisbon, Madeira or the Azores)." },
	{ "closes_at", X_TIME, NULL, "Quando fecha (UTC).", "When it closes (UTC)." },
	{ "dates_only", X_BOOL, NULL,
	    "Só se conhecem os dias (uma consulta antiga): as horas "
	    "não contam.",
	    "Only the days are known (a past consultation): the times do not "
	    "count." },
	{ "outcome_pt", X_TEXT, NULL,
	    "O relatório da rede sobre o que foi acolhido, em "
	    "português.",
	    "The network's report of what was taken up, in Portuguese." },
	{ "outcome_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	{ "outcome_url", X_URL, NULL, "O relatório publicado, quando é um documento.",
	    "The published report, when it is a document." },
	{ "submission_id", X_INT, NULL,
	    "Identificador do contributo (a âncora #sID na "
	    "página).",
	    "Id of the submission (the anchor #sID on the page)." },
	{ "submission_kind", X_CODE, "proposal comment",
	    "Proposta de compromisso ou "
	    "comentário.",
	    "Proposed commitment or comment." },
	{ "submission_lang", X_CODE, "pt en", "Língua da página de onde foi enviado.",
	    "Language of the page it was sent from." },
	{ "submission_status", X_CODE, "published rejected",
	    "Publicado, ou rejeitado (então "
	    "só o facto e o motivo são públicos).",
	    "Published, or rejected (then only the "
	    "fact and the reason are public)." },
	{ "author", X_TEXT, NULL,
	    "Nome ou pseudónimo escolhido por quem enviou (null se "
	    "rejeitado). O endereço de email nunca é publicado.",
	    "Name or pseudonym chosen "
	    "by the sender (null when rejected). The email address is never published." },
	{ "organisation", X_TEXT, NULL, "Organização que representa, se a indicou.",
	    "Organisation the sender speaks for, if given." },
	{ "proposal_title", X_TEXT, NULL, "Título da proposta.", "Title of the proposal." },
	{ "problem", X_TEXT, NULL, "O problema a que a proposta responde.",
	    "The problem the proposal addresses." },
	{ "text", X_TEXT, NULL, "O compromisso proposto, ou o comentário.",
	    "The proposed commitment, or the comment." },
	{ "reason_pt", X_TEXT, NULL, "Motivo público de uma rejeição, em português.",
	    "Public reason of a rejection, in Portuguese." },
	{ "reason_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	{ "outcome", X_CODE, "received analysis merged not_taken",
	    "O que aconteceu a uma "
	    "proposta publicada.",
	    "What became of a published proposal." },
	{ "merged_ogp_id", X_TEXT, NULL, "O compromisso em que a proposta foi integrada.",
	    "The commitment the proposal was merged into." },
	{ "answer_pt", X_TEXT, NULL, "A resposta oficial da rede, em português.",
	    "The network's official answer, in Portuguese." },
	{ "answer_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	{ "consultation_phase", X_CODE, "upcoming open closed",
	    "Se a consulta ainda não "
	    "abriu, está aberta ou já fechou, no momento da resposta.",
	    "Whether the "
	    "consultation has not opened yet, is open or has closed, at the time of the "
	    "answer." },
	{ "submission_count", X_INT, NULL, "Número de contributos publicados.",
	    "Number of published submissions." },
	{ "submissions", X_OBJECTS, NULL, "Os contributos da consulta (submission_list).",
	    "The submissions of the consultation (submission_list)." },
	{ "confirmed_at", X_TIME, NULL, "Quando quem enviou o confirmou por email.",
	    "When the sender confirmed it by email." },
	/* Pages. */
	{ "body_pt", X_TEXT, NULL,
	    "Texto da página, em português; linhas em branco "
	    "separam parágrafos.",
	    "Text of the page, in Portuguese; blank lines separate "
	    "paragraphs." },
	{ "body_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
};

size_t
export_field_count(void)
{
	return N(fields);
}

const struct xfield *
export_field_at(size_t i)
{
	return &fields[i];
}

const struct xfield *
export_field(const char *name)
{
	size_t i;

	for (i = 0; i < N(fields); i++)
		if (strcmp(fields[i].name, name) == 0)
			return &fields[i];
	return NULL;
}

const char *
export_type_name(enum xtype t, int en)
{
	static const char *const names[X__MAX][2] = {
		{ "texto", "text" },
		{ "número inteiro", "whole number" },
		{ "percentagem 0–100 ou null", "percentage 0–100 or null" },
		{ "booleano (true/false)", "boolean (true/false)" },
		{ "data ISO 8601", "ISO 8601 date" },
		{ "hora UTC ISO 8601", "ISO 8601 UTC time" },
		{ "endereço http(s)", "http(s) address" },
		{ "código", "code" },
		{ "lista de códigos", "list of codes" },
		{ "lista", "list" },
		{ "lista de registos (só JSON)", "list of records (JSON only)" },
	};

	return t < X__MAX ? names[t][en ? 1 : 0] : "";
}
