/* datadict_fields: the catalogue of the open data's fields, every field of every
 * dataset once (see datadict.h; the datasets are in datadict.c). */
#include <stdio.h>
#include <string.h>

#include "view/datadict.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

/* The code lists of migration 11 (lib/domains.c: confidence, text_kind, as_of_kind). */
#define CONF "confirmed unconfirmed inferred"
#define TK   "official translation paraphrase"
#define ASOF "stated publication not_before approximate unknown"

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
	    "propõe fazer; num plano, visão geral e avaliação independente; numa avaliação, o "
	    "que concluiu.",
	    "Summary, in Portuguese: for a commitment, what it sets out to do; for a plan, "
	    "overview and independent assessment; for an assessment, what it found." },
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
	    "se baseia; num marco, a data a que o valor registado se refere. Null quando "
	    "nenhum valor tem data registada: nunca a data em que o registo foi importado ou "
	    "editado.",
	    "Date of the latest data the progress rests on; for a milestone, the date its "
	    "recorded figure refers to. Null when no figure has a recorded date: never the "
	    "date the record was imported or edited." },
	{ "updated_at", X_TIME, NULL,
	    "Última alteração do registo neste sítio (não é a data "
	    "de nenhum valor).",
	    "Last change to the record on this site (not the date of any figure)." },
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
	{ "end_date", X_DATE, NULL,
	    "Fim (da execução de um compromisso; de um evento; de uma "
	    "atividade que dura vários dias).",
	    "End (of a commitment's implementation; of an event; of an activity that spans "
	    "days)." },
	{ "self_status", X_CODE,
	    "no_evidence not_started limited substantial complete "
	    "withdrawn",
	    "Estado declarado pelo governo e pelas entidades responsáveis "
	    "(escala OGP).",
	    "Status reported by the government and the lead bodies (OGP "
	    "scale)." },
	{ "self_status_date", X_DATE, NULL, "Data desse estado declarado (também em self_as_of).",
	    "Date of that reported status (also in self_as_of)." },
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
	    "Nota pública sobre os dados (factos por confirmar, o "
	    "que um valor ou um documento é), em português.",
	    "Public note on the data (facts not yet confirmed, what a figure or a document "
	    "is), in Portuguese." },
	{ "note_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	{ "leads", X_LIST, NULL,
	    "Entidades responsáveis (slug de cada uma, pela ordem do "
	    "plano).",
	    "Lead bodies (the slug of each, in the plan's order)." },
	{ "lead_names_pt", X_LIST, NULL,
	    "Os nomes das entidades responsáveis em português, pela ordem de leads (sem nome "
	    "registado em português, o inglês, ou a sigla, ou o slug).",
	    "The names of the lead bodies in Portuguese, in the order of leads (without a "
	    "Portuguese name recorded, the English one, or the acronym, or the slug)." },
	{ "lead_names_en", X_LIST, NULL,
	    "O mesmo, em inglês (sem nome registado em inglês, o português, ou a sigla, ou o "
	    "slug).",
	    "The same, in English (without an English name recorded, the Portuguese one, or "
	    "the acronym, or the slug)." },
	{ "supports", X_LIST, NULL, "Entidades de apoio (slugs).",
	    "Supporting bodies "
	    "(slugs)." },
	{ "support_names_pt", X_LIST, NULL,
	    "Os nomes das entidades de apoio em português, pela ordem de supports (como "
	    "lead_names_pt).",
	    "The names of the supporting bodies in Portuguese, in the order of supports (as "
	    "lead_names_pt)." },
	{ "support_names_en", X_LIST, NULL, "O mesmo, em inglês (como lead_names_en).",
	    "The same, in English (as lead_names_en)." },
	{ "ogp_values", X_CODES,
	    "access_to_information civic_participation "
	    "public_accountability technology_innovation",
	    "Valores OGP do compromisso.", "OGP values of the commitment." },
	{ "policy_areas", X_LIST, NULL,
	    "Áreas temáticas do compromisso (slugs do conjunto "
	    "policy_areas).",
	    "Policy areas of the commitment (slugs of the policy_areas "
	    "dataset)." },
	{ "policy_area_names_pt", X_LIST, NULL,
	    "Os nomes das áreas temáticas em português, pela ordem de policy_areas (sem nome "
	    "em português, o inglês, ou o slug).",
	    "The names of the policy areas in Portuguese, in the order of policy_areas "
	    "(without a Portuguese name, the English one, or the slug)." },
	{ "policy_area_names_en", X_LIST, NULL,
	    "O mesmo, em inglês (sem nome em inglês, o português, ou o slug).",
	    "The same, in English (without an English name, the Portuguese one, or the "
	    "slug)." },
	/* Milestones. */
	{ "position", X_INT, NULL,
	    "Ordem: de um marco no seu compromisso (a partir de 1), "
	    "de uma ligação entre as do seu dono, de uma entidade entre as do compromisso, de "
	    "um documento, avaliação, valor ou atividade entre os do seu plano, marco ou "
	    "compromisso (a partir de 1, o mais antigo primeiro nos valores).",
	    "Order: of a milestone within its commitment (from 1), of a link among its "
	    "owner's, of a body among the commitment's, of a document, assessment, figure or "
	    "activity among those of its plan, milestone or commitment (from 1, oldest first "
	    "for figures)." },
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
	    "O endereço da página que publica o valor do marco "
	    "(em registos antigos, quem o reportou: autodeclarado, IRM…).",
	    "The address of the page that publishes the milestone's figure (in older records, "
	    "who reported it: self-reported, IRM...)." },
	{ "evidence", X_LIST, NULL, "Endereços das evidências do marco.",
	    "Addresses of the milestone's evidence." },
	/* Bodies. */
	{ "slug", X_TEXT, NULL,
	    "Identificador estável usado nos endereços (entidades: "
	    "/members/SLUG; páginas; áreas temáticas); de um evento ou de uma consulta feita "
	    "noutro sítio, a sua chave no ficheiro de conteúdos.",
	    "Stable identifier used in "
	    "addresses (bodies: /members/SLUG; pages; policy areas); of an event or a "
	    "consultation held elsewhere, its key in the content file." },
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
	{ "event_kind", X_CODE, "open_gov_week network_meeting consultation summit webinar other",
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
	{ "milestone_position", X_INT, NULL, "Posição do marco dono da ligação ou do valor.",
	    "Position of the milestone that owns the link or the figure." },
	{ "entity_slug", X_TEXT, NULL, "Slug da entidade.", "Slug of the body." },
	{ "link_kind", X_CODE, "source irm_report evidence ogp_page document", "O que a ligação é.",
	    "What the link is." },
	{ "href", X_URL, NULL,
	    "Endereço para onde a ligação aponta (documentos guardados "
	    "no sítio: /uploads/…); de um documento de um plano, null quando só se conhecem "
	    "as páginas que o listam (listed_on).",
	    "Address the link points to (documents kept on the "
	    "site: /uploads/...); of a plan's document, null when only the pages that list it "
	    "are known (listed_on)." },
	{ "label_pt", X_TEXT, NULL, "Texto da ligação, em português.",
	    "Link text, in Portuguese." },
	{ "label_en", X_TEXT, NULL, "Texto da ligação, em inglês.",
	    "Link text, in "
	    "English." },
	{ "links", X_OBJECTS, NULL, "Fontes e documentos do registo (conjunto link).",
	    "Sources and documents of the record (the link dataset)." },
	{ "commitments", X_OBJECTS, NULL,
	    "Os compromissos da página (plano: "
	    "commitment_list; entidade: entity_commitment_list; estado fixado: "
	    "snapshot_commitment).",
	    "The page's commitments "
	    "(plan: commitment_list; body: entity_commitment_list; frozen state: "
	    "snapshot_commitment)." },
	{ "milestones", X_OBJECTS, NULL,
	    "Os marcos do compromisso (milestone_list; num estado fixado, snapshot_milestone).",
	    "The milestones of the commitment (milestone_list; in a frozen state, "
	    "snapshot_milestone)." },
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
	    "submission link",
	    "Tipo do registo alterado.", "Kind of record changed." },
	{ "record_key", X_TEXT, NULL,
	    "Chave do registo alterado: número do plano, ogp_id, "
	    "ogp_id/posição do marco, slug, id do evento; null se já não existe. De uma "
	    "fonte ou evidência (link), o seu id, mesmo depois de removida.",
	    "Key of the record changed: plan number, ogp_id, ogp_id/position of the "
	    "milestone, slug, event id; null when it no longer exists. For a source or "
	    "evidence (link), its id, even once removed." },
	{ "op", X_CODE, "create update delete", "O que aconteceu.", "What happened." },
	{ "field", X_TEXT, NULL,
	    "Campo alterado (null na linha que diz que o registo foi criado ou apagado; as "
	    "linhas seguintes da mesma alteração dão os seus valores).",
	    "Field changed (null on the row that says the record was created or deleted; the "
	    "next rows of the same change give its values)." },
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
	/* How sure a fact is, where a text comes from, how a figure's date is known
	 * (migration 11; explained in the sections confidence and dates of this page). */
	{ "ogp_id_confidence", X_CODE, CONF,
	    "Quão certo é o identificador OGP (inferred: deduzido da ordem dos compromissos).",
	    "How sure the OGP id is (inferred: deduced from the order of the commitments)." },
	{ "title_pt_kind", X_CODE, TK,
	    "De onde vem title_pt: o texto oficial, uma tradução nossa ou um resumo nosso; "
	    "null: não registado.",
	    "Where title_pt comes from: the official text, our translation or our paraphrase; "
	    "null: not recorded." },
	{ "title_pt_confidence", X_CODE, CONF, "Quão certo é title_pt.", "How sure title_pt is." },
	{ "title_en_kind", X_CODE, TK, "De onde vem title_en (como title_pt_kind).",
	    "Where title_en comes from (as title_pt_kind)." },
	{ "title_en_confidence", X_CODE, CONF, "Quão certo é title_en.", "How sure title_en is." },
	{ "values_confidence", X_CODE, CONF, "Quão certos são os valores OGP (ogp_values).",
	    "How sure the OGP values (ogp_values) are." },
	{ "self_percent", X_PERCENT, NULL,
	    "Progresso declarado pelo governo e pelas entidades responsáveis, em percentagem: "
	    "de um compromisso, ou de um plano no seu todo (o valor em percentagem mais recente "
	    "de plan_completion, o que a página do plano mostra); null: não registado.",
	    "Progress reported by the government and the lead bodies, in percent: of a "
	    "commitment, or of a plan as a whole (the latest figure of plan_completion given as "
	    "a percentage, the one the plan's page shows); null: not recorded." },
	{ "self_as_of", X_DATE, NULL,
	    "A data a que o estado ou o valor declarado se refere; null: sem data registada.",
	    "The date the reported status or figure refers to; null: no date recorded." },
	{ "self_as_of_kind", X_CODE, ASOF,
	    "Como se sabe a data self_as_of (ver «As datas dos valores» nesta página).",
	    "How the date self_as_of is known (see \"The dates of the figures\" on this "
	    "page)." },
	{ "self_source", X_URL, NULL, "A página que publica o estado ou o valor declarado.",
	    "The page that publishes the reported status or figure." },
	{ "self_confidence", X_CODE, CONF, "Quão certo é o estado ou o valor declarado.",
	    "How sure the reported status or figure is." },
	{ "irm_date", X_DATE, NULL,
	    "Data do relatório do IRM que avaliou a conceção do compromisso.",
	    "Date of the IRM report that assessed the commitment's design." },
	{ "irm_results_date", X_DATE, NULL,
	    "Data do relatório de resultados do IRM (grau de conclusão, primeiros resultados).",
	    "Date of the IRM results report (completion, early results)." },
	{ "irm_confidence", X_CODE, CONF, "Quão certos são os valores do IRM.",
	    "How sure the IRM's values are." },
	{ "irm_early_results_confidence", X_CODE, CONF,
	    "Quão certos são os primeiros resultados do IRM (irm_early_results).",
	    "How sure the IRM's early results (irm_early_results) are." },
	{ "irm_open_gov_lens", X_BOOL, NULL,
	    "A lente de governo aberto da OGP aplica-se ao compromisso; null: não registado.",
	    "OGP's open government lens applies to the commitment; null: not recorded." },
	{ "leads_confidence", X_CODES, CONF,
	    "Quão certo é o papel de cada entidade responsável, pela ordem de leads.",
	    "How sure the role of each lead body is, in the order of leads." },
	{ "supports_confidence", X_CODES, CONF,
	    "Quão certo é o papel de cada entidade de apoio, pela ordem de supports.",
	    "How sure the role of each supporting body is, in the order of supports." },
	{ "progress_as_of_kind", X_CODE, ASOF,
	    "Como se sabe a data progress_as_of do valor do marco (unknown: sem data).",
	    "How the date progress_as_of of the milestone's figure is known (unknown: no "
	    "date)." },
	{ "progress_confidence", X_CODE, CONF, "Quão certo é o valor de progresso do marco.",
	    "How sure the milestone's progress figure is." },
	{ "member_status", X_CODE, "founding_member member likely_member not_member unknown",
	    "Pertença à rede, como as fontes a indicam; null: não registada.",
	    "Membership of the network, as the sources state it; null: not recorded." },
	{ "member_confidence", X_CODE, CONF, "Quão certa é essa pertença.",
	    "How sure that membership is." },
	{ "confidence", X_CODE, CONF,
	    "Quão certo é o facto da linha: o papel da entidade, o valor.",
	    "How sure the row's fact is: the body's role, the figure." },
	{ "role_pt", X_TEXT, NULL, "Precisão sobre o papel da entidade, em português.",
	    "Precision on the body's role, in Portuguese." },
	{ "role_en", X_TEXT, NULL, "O mesmo, em inglês.", "The same, in English." },
	/* A plan's facts and its records. */
	{ "ogp_title", X_TEXT, NULL, "O título do plano no sítio da OGP.",
	    "The plan's title on OGP's site." },
	{ "short_pt", X_TEXT, NULL, "Nome abreviado do plano, em português (I PANAA).",
	    "Short name of the plan, in Portuguese (I PANAA)." },
	{ "implementation_start", X_DATE, NULL, "Início da execução do plano.",
	    "Start of the plan's implementation." },
	{ "implementation_end", X_DATE, NULL, "Fim da execução do plano.",
	    "End of the plan's implementation." },
	{ "published_confidence", X_CODE, CONF, "Quão certa é a data de publicação (published).",
	    "How sure the publication date (published) is." },
	{ "stated_commitment_count", X_INT, NULL,
	    "Número de compromissos que o plano diz ter (commitment_count conta os registados "
	    "neste sítio).",
	    "Number of commitments the plan states it has (commitment_count counts those "
	    "recorded on this site)." },
	{ "stated_milestone_count", X_INT, NULL, "Número de marcos que o plano diz ter.",
	    "Number of milestones the plan states it has." },
	{ "document_kind", X_CODE,
	    "plan_text plan_copy news self_assessment irm_design_report "
	    "irm_action_plan_review irm_results_report irm_transitional_results_report other",
	    "O que o documento é.", "What the document is." },
	{ "date", X_DATE, NULL,
	    "Data do documento, do relatório ou da atividade (ou o seu início).",
	    "Date of the document, the report or the activity (or its start)." },
	{ "listed_on", X_LIST, NULL, "Páginas que apontam para o documento.",
	    "Pages that link to the document." },
	{ "assessor", X_CODE, "irm government other", "Quem avaliou o plano.",
	    "Who assessed the plan." },
	{ "report_kind", X_CODE,
	    "design_report action_plan_review results_report "
	    "transitional_results_report self_assessment co_creation_brief other",
	    "Tipo de relatório.", "Kind of report." },
	{ "source", X_URL, NULL,
	    "A página que publica o registo (o relatório, o valor, a atividade).",
	    "The page that publishes the record (the report, the figure, the activity)." },
	{ "percent", X_PERCENT, NULL,
	    "O valor, de 0 a 100; null: a fonte não o dá em percentagem (ver a nota).",
	    "The figure, 0 to 100; null: the source does not give it as a percentage (see the "
	    "note)." },
	{ "as_of", X_DATE, NULL,
	    "A data a que o valor se refere; null: sem data (as_of_kind unknown). Nunca a data "
	    "em que foi importado.",
	    "The date the figure refers to; null: no date (as_of_kind unknown). Never the date "
	    "it was imported." },
	{ "as_of_kind", X_CODE, ASOF, "Como se sabe a data as_of.",
	    "How the date as_of is known." },
	/* Commitments' other records, events and consultations held elsewhere. */
	{ "relation", X_CODE, "partner proposer",
	    "Como a entidade se liga ao compromisso sem o liderar nem apoiar: parceira numa "
	    "atividade, ou proponente.",
	    "How the body is related to the commitment without leading or supporting it: a "
	    "partner in an activity, or a proposer." },
	{ "held_status", X_CODE, "held announced", "Realizado, ou apenas anunciado.",
	    "Held, or only announced." },
	{ "date_confidence", X_CODE, CONF, "Quão certas são as datas do evento.",
	    "How sure the event's dates are." },
	{ "organiser_entity", X_TEXT, NULL, "Slug da entidade que o organizou.",
	    "Slug of the body that organised it." },
	{ "organiser_name_pt", X_TEXT, NULL,
	    "O nome em português da entidade de organiser_entity (como lead_names_pt).",
	    "The Portuguese name of the body of organiser_entity (as lead_names_pt)." },
	{ "organiser_name_en", X_TEXT, NULL, "O mesmo, em inglês (como lead_names_en).",
	    "The same, in English (as lead_names_en)." },
	{ "ogp_ids", X_LIST, NULL, "Os compromissos a que o evento pertence (identificadores OGP).",
	    "The commitments the event belongs to (OGP ids)." },
	{ "co_organisers", X_LIST, NULL,
	    "As entidades que o coorganizaram, além de organiser_entity (slugs, pela ordem da "
	    "fonte).",
	    "The bodies that co-organised it besides organiser_entity (slugs, in the source's "
	    "order)." },
	{ "co_organiser_names_pt", X_LIST, NULL,
	    "Os nomes em português das entidades de co_organisers, pela mesma ordem (como "
	    "lead_names_pt).",
	    "The Portuguese names of the bodies of co_organisers, in the same order (as "
	    "lead_names_pt)." },
	{ "co_organiser_names_en", X_LIST, NULL, "O mesmo, em inglês (como lead_names_en).",
	    "The same, in English (as lead_names_en)." },
	{ "opened_on", X_DATE, NULL, "Dia em que a consulta abriu; null: não registado.",
	    "Day the consultation opened; null: not recorded." },
	{ "closed_on", X_DATE, NULL, "Dia em que a consulta fechou; null: não registado.",
	    "Day the consultation closed; null: not recorded." },
	{ "dates_confidence", X_CODE, CONF, "Quão certas são as datas da consulta.",
	    "How sure the consultation's dates are." },
	{ "where_url", X_URL, NULL, "Onde a consulta decorreu (Participa.gov.pt, o sítio da OGP…).",
	    "Where the consultation was held (Participa.gov.pt, OGP's site...)." },
	{ "comments_received", X_INT, NULL, "Comentários recebidos, quando a fonte o diz.",
	    "Comments received, when the source says." },
	{ "sources", X_LIST, NULL, "Os endereços das fontes do registo.",
	    "The addresses of the record's sources." },
	/* The commitments in the shape of the IRM's data (commitments-ogp): the names of the
	 * IRM Commitments Data Guide 1.0 (variables 1-6) and of the OGP values (8-10). */
	{ "CaseNo", X_TEXT, NULL,
	    "IRM Data Guide, variável 1 (o identificador único de cada compromisso): o "
	    "ogp_id.",
	    "IRM Data Guide, variable 1 (the unique identifier of each commitment): the "
	    "ogp_id." },
	{ "Country", X_TEXT, NULL, "IRM Data Guide, variável 2: sempre Portugal.",
	    "IRM Data Guide, variable 2: always Portugal." },
	{ "Cluster", X_TEXT, NULL,
	    "IRM Data Guide, variável 3 (o agrupamento de compromissos relacionados): "
	    "cluster_en.",
	    "IRM Data Guide, variable 3 (the grouping of related commitments): cluster_en." },
	{ "Commitment Title", X_TEXT, NULL,
	    "IRM Data Guide, variável 4: title_en, o título do compromisso em inglês (null "
	    "quando não está registado; o português está em title_pt).",
	    "IRM Data Guide, variable 4: title_en, the commitment's English title (null when "
	    "not recorded; the Portuguese one is in title_pt)." },
	{ "Responsible Institution", X_LIST, NULL,
	    "IRM Data Guide, variável 5: as entidades de leads, pelo nome em inglês (ou em "
	    "português quando não há), pela ordem do plano: lead_names_en.",
	    "IRM Data Guide, variable 5: the bodies of leads, by their English name (or the "
	    "Portuguese one when there is none), in the plan's order: lead_names_en." },
	{ "Supporting Institution", X_LIST, NULL,
	    "IRM Data Guide, variável 6: as entidades de supports, nomeadas da mesma maneira: "
	    "support_names_en.",
	    "IRM Data Guide, variable 6: the bodies of supports, named the same way: "
	    "support_names_en." },
	{ "Access to Information", X_CODE, "Yes No",
	    "Valor OGP (IRM Data Guide, variáveis 8-10): Yes quando ogp_values tem "
	    "access_to_information, No quando tem outros valores e não este; null quando "
	    "nenhum valor está registado.",
	    "OGP value (IRM Data Guide, variables 8-10): Yes when ogp_values holds "
	    "access_to_information, No when it holds other values but not this one; null "
	    "when no value is recorded." },
	{ "Civic Participation", X_CODE, "Yes No", "Valor OGP, o mesmo para civic_participation.",
	    "OGP value, the same for civic_participation." },
	{ "Public Accountability", X_CODE, "Yes No",
	    "Valor OGP, o mesmo para public_accountability.",
	    "OGP value, the same for public_accountability." },
	{ "Technology & Innovation for Transparency & Accountability", X_CODE, "Yes No",
	    "Valor OGP, o mesmo para technology_innovation.",
	    "OGP value, the same for technology_innovation." },
	/* The dated snapshots of a plan (migration 13, store/snapshot.h). */
	{ "snapshot_as_of", X_DATE, NULL,
	    "O dia (em Lisboa) a que o estado fixado se refere: o do fecho da ronda de "
	    "acompanhamento.",
	    "The day (in Lisbon) the frozen state refers to: that of the closing of the "
	    "reporting round." },
	{ "snapshot_moment", X_TIME, NULL,
	    "O instante cujo estado foi fixado: o último segundo desse dia em Lisboa, ou a hora "
	    "do fecho quando foi nesse mesmo dia.",
	    "The instant whose state was frozen: the last second of that day in Lisbon, or the "
	    "time of closing when it was on that same day." },
	{ "snapshot_taken_at", X_TIME, NULL, "Quando o estado foi fixado.",
	    "When the state was frozen." },
	{ "round_name", X_TEXT, NULL, "O nome da ronda de acompanhamento cujo fecho o fixou.",
	    "The name of the reporting round whose closing froze it." },
	{ "snapshot_source", X_URL, NULL,
	    "A fonte do estado fixado: o histórico público de alterações do plano, a partir do "
	    "qual os valores desse instante foram reconstituídos (um registo apagado depois "
	    "não pode ser reconstituído e falta).",
	    "The source of the frozen state: the plan's public history of changes, from which "
	    "the values of that instant were rebuilt (a record deleted since cannot be rebuilt "
	    "and is missing)." },
	{ "plan_url", X_URL, NULL, "A página do plano tal como está agora.",
	    "The page of the plan as it stands now." },
	{ "lead_names", X_LIST, NULL,
	    "As entidades responsáveis pelo compromisso, pela sigla ou, sem ela, pelo nome, "
	    "pela ordem do plano.",
	    "The lead bodies of the commitment, by acronym or, without one, by name, in the "
	    "plan's order." },
	/* The results of a search (search_result). */
	{ "rank", X_INT, NULL, "Ordem do resultado, a partir de 1 (o mais relevante primeiro).",
	    "Order of the result, from 1 (the most relevant first)." },
	{ "result_kind", X_CODE,
	    "plan commitment milestone entity event page consultation submission",
	    "O que foi encontrado: um plano, compromisso, marco, entidade, evento, texto do "
	    "sítio, consulta ou contributo.",
	    "What was found: a plan, commitment, milestone, body, event, text of the site, "
	    "consultation or submission." },
	{ "result_key", X_TEXT, NULL,
	    "A chave da página do resultado: número do plano, identificador OGP (de um marco: "
	    "o do seu compromisso), slug, número do evento ou da consulta, slug do texto; de "
	    "um contributo, o caminho da sua página (consultations/N#sM).",
	    "The key of the result's page: plan number, OGP id (of a milestone: its "
	    "commitment's), slug, event or consultation number, the text's slug; of a "
	    "submission, the path of its page (consultations/N#sM)." },
	{ "result_position", X_INT, NULL, "De um marco: a sua posição no compromisso.",
	    "Of a milestone: its position within the commitment." },
	{ "result_lang", X_CODE, "pt en",
	    "A língua do texto encontrado (a do endereço, ou a outra quando o registo só "
	    "tem texto nela).",
	    "The language of the text found (the address's, or the other one when the record "
	    "only has text in it)." },
	{ "result_title", X_TEXT, NULL, "O título do resultado nessa língua.",
	    "The title of the result in that language." },
	{ "result_snippet", X_TEXT, NULL,
	    "O excerto do texto onde as palavras foram encontradas (… onde foi cortado); "
	    "null quando só o título as tem.",
	    "The passage of the text where the words were found (… where it was cut); null "
	    "when only the title has them." },
	{ "result_title_confidence", X_CODE, CONF,
	    "De um compromisso: quão certo é o título nessa língua.",
	    "Of a commitment: how sure its title in that language is." },
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
