/* datadict: the datasets of the open data, each an ordered list of fields (see
 * datadict.h, and export.h for the conventions; the catalogue of the fields is in
 * datadict_fields.c). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "view/datadict.h"

#define PCT "progress_percent progress_known progress_total progress_as_of"
/* What migration 11 adds at the end of records (export_trust.c): a self-reported figure
 * with its date, the kind of that date, its source and how sure it is; a plan's facts; a
 * commitment's; a milestone's; a body's membership; an event's. */
#define SELF "self_percent self_as_of self_as_of_kind self_source self_confidence"
#define PLAN_TRUST \
	"ogp_title short_pt implementation_start implementation_end published_confidence " \
	"stated_commitment_count stated_milestone_count note_pt note_en " SELF
#define CM_TRUST \
	"ogp_id_confidence title_pt_kind title_pt_confidence title_en_kind " \
	"title_en_confidence values_confidence " SELF " irm_date " \
	"irm_results_date irm_confidence leads_confidence supports_confidence " \
	"irm_early_results_confidence irm_open_gov_lens"
#define MS_TRUST  "title_pt_kind title_en_kind progress_as_of_kind progress_confidence"
#define ENT_TRUST "member_status member_confidence"
#define EV_TRUST \
	"slug held_status date_confidence title_pt_kind plan_number organiser_entity " \
	"organiser_name_pt organiser_name_en ogp_ids co_organisers co_organiser_names_pt " \
	"co_organiser_names_en"

#define N(a) (sizeof(a) / sizeof(a)[0])

/* The datasets.  The order of fields is the order of the JSON keys and CSV columns. */
static const struct xset sets[] = {
	{ "envelope", XW_ENVELOPE, "dataset url license modified records record", NULL,
	    "O objeto de cada resposta JSON.", "The object of every JSON answer." },
	/* Bulk tables: /data/NAME.csv and /data/NAME.json. */
	{ "plans", XW_BULK,
	    "plan_number title_pt title_en period_start period_end "
	    "published plan_status document_url cocreation_pt cocreation_en summary_pt "
	    "summary_en commitment_count " PCT " updated_at url_pt url_en " PLAN_TRUST,
	    NULL, "Os planos de ação nacionais.", "The national action plans." },
	{ "commitments", XW_BULK,
	    "ogp_id plan_number number title_pt title_en summary_pt "
	    "summary_en problem_pt problem_en start_date end_date self_status "
	    "self_status_date irm_verifiable irm_relevant irm_ambition irm_potential_impact "
	    "irm_potential_results irm_promising irm_completion irm_diog irm_early_results "
	    "irm_starred cluster_pt cluster_en note_pt note_en leads lead_names_pt lead_names_en "
	    "supports support_names_pt support_names_en ogp_values policy_areas "
	    "policy_area_names_pt policy_area_names_en " PCT " updated_at url_pt url_en " CM_TRUST,
	    NULL, "Os compromissos, com a avaliação independente (IRM).",
	    "The commitments, with the independent assessment (IRM)." },
	/* The commitments in the shape of the IRM's data (export_ogp.c): the names of the
	 * IRM Commitments Data Guide 1.0 where it is sure of them, aberta's own after. */
	{ "commitments-ogp", XW_BULK,
	    "|CaseNo|Country|Cluster|Commitment Title|Responsible Institution|"
	    "Supporting Institution|Access to Information|Civic Participation|"
	    "Public Accountability|Technology & Innovation for Transparency & Accountability|"
	    "plan_number|title_pt|start_date|end_date|self_status|irm_verifiable|irm_relevant|"
	    "irm_ambition|irm_potential_impact|irm_potential_results|irm_promising|"
	    "irm_completion|irm_diog|irm_early_results|irm_starred|irm_open_gov_lens|url_en",
	    NULL,
	    "Os compromissos com os nomes de colunas dos dados do IRM da OGP, para as "
	    "ferramentas e os investigadores da OGP.",
	    "The commitments with the column names of OGP's IRM data, for OGP's tools and "
	    "researchers." },
	{ "milestones", XW_BULK,
	    "ogp_id position title_pt title_en planned_start "
	    "planned_end completed_on status progress progress_as_of progress_source "
	    "evidence updated_at url_pt url_en " MS_TRUST,
	    NULL, "Os marcos dos compromissos e o seu progresso registado.",
	    "The milestones of the commitments and their recorded progress." },
	{ "entities", XW_BULK,
	    "slug acronym name_pt name_en entity_kind website is_member "
	    "member_since member_until description_pt description_en note_pt note_en "
	    "source_url updated_at url_pt url_en " ENT_TRUST,
	    NULL, "Os membros da rede e as outras entidades dos planos.",
	    "The members of the network and the other bodies in the plans." },
	{ "events", XW_BULK,
	    "event_id title_pt title_en event_kind start_date end_date "
	    "date_note_pt date_note_en place_pt place_en online organiser info_url "
	    "description_pt description_en updated_at url_pt url_en " EV_TRUST,
	    NULL, "Os eventos.", "The events." },
	{ "links", XW_BULK,
	    "owner_type plan_number ogp_id milestone_position entity_slug "
	    "event_id link_kind href label_pt label_en position",
	    NULL, "As fontes, relatórios, documentos e evidências de cada registo.",
	    "The sources, reports, documents and evidence of each record." },
	{ "policy_areas", XW_BULK, "slug name_pt name_en", NULL,
	    "As áreas temáticas (lista aberta da OGP).",
	    "The policy areas (OGP's open "
	    "list)." },
	{ "commitment_entities", XW_BULK,
	    "ogp_id entity_slug role position confidence role_pt role_en", NULL,
	    "Quem lidera e quem apoia cada compromisso.",
	    "Who leads and who supports each "
	    "commitment." },
	{ "commitment_values", XW_BULK, "ogp_id ogp_value", NULL,
	    "Os valores OGP de cada compromisso.", "The OGP values of each commitment." },
	{ "commitment_policy_areas", XW_BULK, "ogp_id policy_area", NULL,
	    "As áreas temáticas de cada compromisso.",
	    "The policy areas of each "
	    "commitment." },
	{ "revisions", XW_BULK,
	    "change_id at actor_kind actor_entity actor_pt actor_en "
	    "reviewed record_type record_key plan_number ogp_id op field before after",
	    NULL, "O registo público de alterações, campo a campo (o das páginas de histórico).",
	    "The public log of changes, field by field (that of the History pages)." },
	{ "consultations", XW_BULK,
	    "consultation_id title_pt title_en description_pt "
	    "description_en questions_pt questions_en plan_number ogp_id document_url opens_at "
	    "closes_at dates_only outcome_pt outcome_en outcome_url source_url updated_at "
	    "url_pt url_en",
	    NULL, "As consultas públicas.", "The public consultations." },
	{ "submissions", XW_BULK,
	    "submission_id submission_kind consultation_id ogp_id "
	    "submission_lang submission_status author organisation proposal_title problem text "
	    "reason_pt reason_en outcome merged_ogp_id answer_pt answer_en confirmed_at "
	    "updated_at url_pt url_en",
	    NULL,
	    "As propostas e os comentários publicados (e o "
	    "facto e o motivo dos rejeitados), com o estado e a resposta da rede; nunca o "
	    "endereço de email.",
	    "The published proposals and comments (and the fact and "
	    "reason of rejected ones), with their status and the network's answer; never the "
	    "email address." },
	{ "pages", XW_BULK,
	    "slug title_pt title_en body_pt body_en updated_at url_pt "
	    "url_en",
	    NULL, "Os textos do sítio (a rede, a OGP, a acessibilidade).",
	    "The site's own texts (the network, OGP, accessibility)." },
	{ "plan_documents", XW_BULK,
	    "plan_number position document_kind href title_pt title_en date "
	    "listed_on note_pt note_en url_pt url_en",
	    NULL, "Os documentos de cada plano, cada um do seu tipo.",
	    "The documents of each plan, each of its kind." },
	{ "plan_assessments", XW_BULK,
	    "plan_number position assessor report_kind date summary_pt "
	    "summary_en source url_pt url_en",
	    NULL, "Os relatórios que avaliam cada plano: os do IRM e os do governo.",
	    "The reports that assess each plan: the IRM's and the government's." },
	{ "plan_completion", XW_BULK,
	    "plan_number position percent as_of as_of_kind source confidence "
	    "note_pt note_en url_pt url_en",
	    NULL,
	    "A conclusão de cada plano no seu todo, como o governo a declarou, cada valor com "
	    "a sua data e a sua fonte.",
	    "The completion of each plan as a whole as the government reported it, every "
	    "figure with its date and its source." },
	{ "milestone_figures", XW_BULK,
	    "ogp_id milestone_position position percent as_of as_of_kind "
	    "source confidence url_pt url_en",
	    NULL, "Os valores anteriores do progresso de cada marco, como foram publicados.",
	    "The earlier progress figures of each milestone, as they were published." },
	{ "activities", XW_BULK,
	    "ogp_id position date end_date title_pt title_pt_kind title_en "
	    "source url_pt url_en",
	    NULL, "As ações datadas reportadas em cada compromisso.",
	    "The dated actions reported under each commitment." },
	{ "commitment_parties", XW_BULK,
	    "ogp_id entity_slug relation position note_pt note_en source "
	    "url_pt url_en",
	    NULL,
	    "As entidades ligadas a um compromisso sem o liderar nem apoiar: parceiras numa "
	    "atividade e proponentes.",
	    "The bodies related to a commitment without leading or supporting it: partners in "
	    "an activity, and proposers." },
	{ "consultation_records", XW_BULK,
	    "slug title_pt title_en plan_number opened_on closed_on "
	    "dates_confidence held_status where_url organiser_entity description_pt "
	    "description_en outcome_pt outcome_en comments_received sources updated_at",
	    NULL,
	    "As consultas feitas noutros sítios (Participa.gov.pt, o sítio da OGP, o portal "
	    "nacional), com as datas, o endereço e o resultado.",
	    "The consultations held elsewhere (Participa.gov.pt, OGP's site, the national "
	    "portal), with their dates, address and outcome." },
	/* The rows of pages. */
	{ "plan_list", XW_ROWS,
	    "plan_number title_pt title_en period_start period_end "
	    "plan_status commitment_count " PCT " url " SELF,
	    "/plans", "Os planos, como na página dos planos.", "The plans, as on the plans page." },
	{ "commitment_list", XW_ROWS,
	    "ogp_id plan_number number title_pt title_en "
	    "self_status end_date leads lead_names_pt lead_names_en " PCT
	    " url ogp_id_confidence title_pt_confidence "
	    "title_en_confidence",
	    "/plans/N.csv, /commitments",
	    "Compromissos numa listagem: os de um plano, ou os de uma pesquisa.",
	    "Commitments in a listing: those of a plan, or those of a search." },
	{ "milestone_list", XW_ROWS,
	    "ogp_id position title_pt title_en planned_start "
	    "planned_end completed_on status progress progress_as_of progress_source "
	    "evidence url " MS_TRUST,
	    "/commitments/ID.csv",
	    "Os marcos de um compromisso (as mesmas colunas que milestones, com url).",
	    "The milestones of a commitment (the same columns as milestones, with url)." },
	{ "entity_list", XW_ROWS,
	    "slug acronym name_pt name_en entity_kind is_member "
	    "member_since member_until note_pt note_en url " ENT_TRUST,
	    "/network", "As entidades, como na página da rede.",
	    "The bodies, as on the network page." },
	{ "entity_commitment_list", XW_ROWS,
	    "role ogp_id plan_number title_pt title_en "
	    "self_status " PCT " url",
	    "/members/SLUG.csv", "Os compromissos que uma entidade lidera ou apoia.",
	    "The commitments a body leads or supports." },
	{ "event_list", XW_ROWS,
	    "event_id title_pt title_en event_kind start_date end_date "
	    "date_note_pt date_note_en place_pt place_en online organiser upcoming url " EV_TRUST,
	    "/events", "Os eventos: os próximos primeiro, depois os anteriores.",
	    "The events: upcoming ones first, then past ones." },
	{ "consultation_list", XW_ROWS,
	    "consultation_id title_pt title_en opens_at closes_at "
	    "dates_only consultation_phase submission_count url",
	    "/consultations", "As consultas, como na página das consultas.",
	    "The consultations, as on the "
	    "consultations page." },
	{ "submission_list", XW_ROWS,
	    "submission_id submission_kind consultation_id ogp_id "
	    "submission_lang submission_status author organisation proposal_title problem text "
	    "reason_pt reason_en outcome merged_ogp_id answer_pt answer_en confirmed_at "
	    "updated_at url",
	    "/consultations/N.csv",
	    "Os contributos de uma consulta (as mesmas "
	    "colunas que submissions, com url).",
	    "The submissions of a consultation (the same "
	    "columns as submissions, with url)." },
	{ "search_result", XW_ROWS,
	    "rank result_kind result_key result_position result_lang result_title "
	    "result_snippet result_title_confidence ogp_id_confidence url",
	    "/search?q=...",
	    "Os resultados de uma pesquisa no sítio, do mais relevante ao menos (todos, não "
	    "só os de uma página).",
	    "The results of a search of the site, most relevant first (all of them, not only "
	    "one page's)." },
	/* The records of detail pages (JSON "record"). */
	{ "plan", XW_RECORD,
	    "plan_number title_pt title_en period_start period_end "
	    "published plan_status document_url cocreation_pt cocreation_en summary_pt "
	    "summary_en commitment_count " PCT " url links commitments " PLAN_TRUST,
	    "/plans/N.json", "Um plano, com as suas fontes e os seus compromissos.",
	    "One plan, with its sources and its commitments." },
	{ "commitment", XW_RECORD,
	    "ogp_id plan_number number title_pt title_en summary_pt "
	    "summary_en problem_pt problem_en start_date end_date self_status "
	    "self_status_date irm_verifiable irm_relevant irm_ambition irm_potential_impact "
	    "irm_potential_results irm_promising irm_completion irm_diog irm_early_results "
	    "irm_starred cluster_pt cluster_en note_pt note_en leads lead_names_pt lead_names_en "
	    "supports support_names_pt support_names_en ogp_values policy_areas "
	    "policy_area_names_pt policy_area_names_en " PCT " url links milestones " CM_TRUST,
	    "/commitments/ID.json", "Um compromisso, com as fontes e os marcos.",
	    "One commitment, with its sources and milestones." },
	{ "entity", XW_RECORD,
	    "slug acronym name_pt name_en entity_kind website is_member "
	    "member_since member_until description_pt description_en note_pt note_en "
	    "source_url " PCT " url links commitments " ENT_TRUST,
	    "/members/SLUG.json", "Uma entidade, com o progresso dos compromissos que lidera.",
	    "One body, with the progress of the commitments it leads." },
	{ "event", XW_RECORD,
	    "event_id title_pt title_en event_kind start_date end_date "
	    "date_note_pt date_note_en place_pt place_en online organiser info_url "
	    "description_pt description_en url links " EV_TRUST,
	    "/events/ID (JSON; CSV: one row)", "Um evento.", "One event." },
	{ "consultation", XW_RECORD,
	    "consultation_id title_pt title_en description_pt "
	    "description_en questions_pt questions_en plan_number ogp_id document_url opens_at "
	    "closes_at dates_only outcome_pt outcome_en outcome_url source_url updated_at "
	    "consultation_phase url submissions",
	    "/consultations/N.json",
	    "Uma consulta, com os "
	    "contributos publicados (e o facto e o motivo dos rejeitados).",
	    "One "
	    "consultation, with its published submissions (and the fact and reason of "
	    "rejected ones)." },
	/* A plan's dated snapshot (store/snapshot.h): the record, its commitments and their
	 * milestones, and the rows of its CSV (one a milestone; a commitment without any,
	 * one row with the milestone's fields empty). */
	{ "plan_snapshot", XW_RECORD,
	    "plan_number title_pt title_en snapshot_as_of snapshot_moment snapshot_taken_at "
	    "round_name snapshot_source url plan_url commitments",
	    "/plans/N/as-of/YYYY-MM-DD.json",
	    "O estado de um plano fixado num dia, ao fechar uma ronda de acompanhamento: cada "
	    "compromisso e cada marco como estavam; não muda depois.",
	    "The state of a plan frozen on a day, when a reporting round closed: each "
	    "commitment and each milestone as they stood; it never changes afterwards." },
	{ "snapshot_commitment", XW_NESTED,
	    "ogp_id number title_pt title_en self_status self_as_of self_as_of_kind "
	    "self_percent self_source self_confidence lead_names " PCT " url milestones "
	    "ogp_id_confidence title_pt_kind title_pt_confidence title_en_kind "
	    "title_en_confidence",
	    NULL, "Um compromisso num estado fixado (commitments).",
	    "A commitment in a frozen state (commitments)." },
	{ "snapshot_milestone", XW_NESTED,
	    "position title_pt title_en status progress progress_as_of progress_as_of_kind "
	    "progress_source progress_confidence planned_start planned_end completed_on "
	    "title_pt_kind title_en_kind",
	    NULL, "Um marco num estado fixado (milestones).",
	    "A milestone in a frozen state (milestones)." },
	{ "snapshot_rows", XW_ROWS,
	    "snapshot_as_of snapshot_moment round_name snapshot_source plan_number ogp_id "
	    "number self_status self_as_of self_as_of_kind self_percent self_confidence "
	    "lead_names position title_pt title_en status progress progress_as_of "
	    "progress_as_of_kind progress_source progress_confidence planned_start planned_end "
	    "completed_on url",
	    "/plans/N/as-of/YYYY-MM-DD.csv",
	    "Um estado fixado numa tabela: uma linha por marco, com o seu compromisso (um "
	    "compromisso sem marcos tem uma linha, sem os campos do marco); title_pt e "
	    "title_en são os do marco.",
	    "A frozen state as one table: a row a milestone, with its commitment (a commitment "
	    "without milestones has one row, without the milestone's fields); title_pt and "
	    "title_en are the milestone's." },
	{ "link", XW_NESTED, "link_kind href label_pt label_en", NULL,
	    "Uma ligação dentro de um registo (links).", "A link inside a record (links)." },
};

size_t
export_set_count(void)
{
	return N(sets);
}

const struct xset *
export_set_at(size_t i)
{
	return &sets[i];
}

const struct xset *
export_set(const char *name)
{
	size_t i;

	for (i = 0; i < N(sets); i++)
		if (strcmp(sets[i].name, name) == 0)
			return &sets[i];
	return NULL;
}

int
export_set_field(const struct xset *set, size_t i, char *out, size_t outlen)
{
	const char *p = set->fields, *sep = *p == '|' ? "|" : " ";
	size_t      n;

	for (;;) {
		while (*p == *sep)
			p++;
		if (*p == '\0')
			return -1;
		n = strcspn(p, sep);
		if (i-- == 0) {
			snprintf(out, outlen, "%.*s", (int)n, p);
			return 0;
		}
		p += n;
	}
}

void
export_field_anchor(const char *name, char *out, size_t outlen)
{
	size_t n = 0;

	if (outlen == 0)
		return;
	for (; *name != '\0' && n + 1 < outlen; name++)
		if (isalnum((unsigned char)*name) || *name == '_')
			out[n++] = *name;
		else if (n > 0 && out[n - 1] != '-')
			out[n++] = '-';
	out[n] = '\0';
}

/* The bulk datasets' titles (export_set_title), in the order of sets[]. */
static const struct xtitle titles[] = {
	{ "plans", "Planos de ação nacionais", "National action plans", 1 },
	{ "commitments", "Compromissos dos planos de ação", "Commitments of the action plans", 1 },
	{ "commitments-ogp", "Compromissos no modelo de dados da OGP",
	    "Commitments in the OGP data model", 1 },
	{ "milestones", "Marcos dos compromissos e o seu progresso",
	    "Milestones of the commitments and their progress", 1 },
	{ "entities", "Entidades da rede e dos planos", "Bodies of the network and the plans", 1 },
	{ "events", "Eventos", "Events", 1 },
	{ "links", "Fontes, documentos e evidências", "Sources, documents and evidence", 1 },
	{ "policy_areas", "Áreas temáticas", "Policy areas", 1 },
	{ "commitment_entities", "Entidades responsáveis e de apoio dos compromissos",
	    "Lead and supporting bodies of the commitments", 1 },
	{ "commitment_values", "Valores OGP dos compromissos", "OGP values of the commitments", 1 },
	{ "commitment_policy_areas", "Áreas temáticas dos compromissos",
	    "Policy areas of the commitments", 1 },
	{ "revisions", "Registo público de alterações", "Public log of changes", 2 },
	{ "consultations", "Consultas públicas", "Public consultations", 6 },
	{ "submissions", "Propostas e comentários das consultas",
	    "Proposals and comments of the consultations", 6 },
	{ "pages", "Textos do sítio", "Texts of the site", 1 },
	{ "plan_documents", "Documentos dos planos", "Documents of the plans", 11 },
	{ "plan_assessments", "Avaliações dos planos", "Assessments of the plans", 11 },
	{ "plan_completion", "Execução declarada dos planos",
	    "Self-reported completion of the plans", 11 },
	{ "milestone_figures", "Valores anteriores do progresso dos marcos",
	    "Earlier progress figures of the milestones", 11 },
	{ "activities", "Atividades dos compromissos", "Activities of the commitments", 11 },
	{ "commitment_parties", "Parceiros e proponentes dos compromissos",
	    "Partners and proposers of the commitments", 11 },
	{ "consultation_records", "Consultas realizadas noutros sítios",
	    "Consultations held elsewhere", 11 },
};

const struct xtitle *
export_set_title(const char *name)
{
	size_t i;

	for (i = 0; i < N(titles); i++)
		if (strcmp(titles[i].name, name) == 0)
			return &titles[i];
	return NULL;
}
