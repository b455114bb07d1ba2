#include <string.h>

#include "lib/domains.h"

/* A NULL-ended list of aliases. */
#define AL(...) ((const char *const[]){ __VA_ARGS__, NULL })
/* A domain over the whole of a code array. */
#define DOM(name, cols, codes) \
	{ \
		name, cols, codes, sizeof(codes) / sizeof(codes)[0] \
	}

static const struct dcode entity_kind[] = {
	{ "public", "Administração pública", "Public administration",
	    AL("public", "public_administration") },
	{ "civil_society", "Sociedade civil", "Civil society", AL("civil society") },
	{ "academia", "Academia", "Academia", AL("academia") },
	{ "private", "Setor privado", "Private sector", AL("private") },
	{ "other", "Outras", "Other", AL("other") },
};

static const struct dcode plan_status[] = {
	{ "preparation", "Em preparação", "In preparation", AL("in_preparation") },
	{ "implementation", "Em execução", "In implementation", AL("in_implementation") },
	{ "closed", "Encerrado", "Closed", NULL },
};

/* The IRM's completion is this scale without its last code (withdrawn). */
static const struct dcode self_status[] = {
	{ "no_evidence", "Sem evidências disponíveis", "No evidence available",
	    AL("No Evidence Available", "No evidence") },
	{ "not_started", "Não iniciado", "Not started", AL("Not Started") },
	{ "limited", "Limitado", "Limited", AL("Limited") },
	{ "substantial", "Substancial", "Substantial", AL("Substantial") },
	{ "complete", "Concluído", "Complete", AL("Complete") },
	{ "withdrawn", "Retirado", "Withdrawn", NULL },
};

static const struct dcode ambition[] = {
	{ "low", "Baixa", "Low", AL("Low") },
	{ "high", "Alta", "High", AL("High") },
	{ "no_data", "Sem dados (OGP)", "No data (OGP)", AL("No Data") },
};

static const struct dcode potential_impact[] = {
	{ "none", "Nenhum", "None", AL("None") },
	{ "minor", "Menor", "Minor", AL("Minor") },
	{ "moderate", "Moderado", "Moderate", AL("Moderate") },
	{ "transformative", "Transformador", "Transformative", AL("Transformative") },
};

static const struct dcode potential_results[] = {
	{ "unclear", "Pouco claro", "Unclear", AL("Unclear") },
	{ "modest", "Modesto", "Modest", AL("Modest") },
	{ "substantial", "Substancial", "Substantial", AL("Substantial") },
};

static const struct dcode diog[] = {
	{ "worsened", "Piorou", "Worsened", AL("Worsened") },
	{ "did_not_change", "Não mudou", "Did not change", AL("Did not change") },
	{ "marginal", "Marginalmente", "Marginal", AL("Marginal") },
	{ "major", "Significativamente", "Major", AL("Major") },
	{ "outstanding", "Excecionalmente", "Outstanding", AL("Outstanding") },
};

static const struct dcode early_results[] = {
	{ "no_notable", "Sem resultados notáveis", "No notable results",
	    AL("No notable results", "No notable") },
	{ "moderate", "Resultados moderados", "Moderate results",
	    AL("Moderate results", "Moderate") },
	{ "significant", "Resultados significativos", "Significant results",
	    AL("Significant results", "Significant") },
};

/* Yes and no are this scale without its last code (pending). */
static const struct dcode starred[] = {
	{ "yes", "Sim", "Yes", AL("Yes") },
	{ "no", "Não", "No", AL("No") },
	{ "pending", "Pendente", "Pending", AL("Pending") },
};

static const struct dcode entity_role[] = {
	{ "lead", NULL, NULL, NULL },
	{ "support", NULL, NULL, NULL },
};

static const struct dcode ogp_value[] = {
	{ "access_to_information", "Acesso à informação", "Access to information",
	    AL("Access to Information") },
	{ "civic_participation", "Participação cívica", "Civic participation",
	    AL("Civic Participation") },
	{ "public_accountability", "Responsabilização pública", "Public accountability",
	    AL("Public Accountability") },
	{ "technology_innovation", "Tecnologia e inovação", "Technology and innovation",
	    AL("Technology & Innovation for Transparency & Accountability",
		"Technology and Innovation for Transparency and Accountability",
		"Technology & Innovation") },
};

static const struct dcode ms_status[] = {
	{ "not_started", "Não iniciado", "Not started", AL("Not started") },
	{ "in_progress", "Em curso", "In progress", AL("In progress") },
	{ "complete", "Concluído", "Complete", AL("Complete") },
	{ "withdrawn", "Retirado", "Withdrawn", AL("Withdrawn") },
};

static const struct dcode link_kind[] = {
	{ "source", "fonte", "source", NULL },
	{ "irm_report", "relatório do IRM", "IRM report", NULL },
	{ "evidence", "evidência", "evidence", NULL },
	{ "ogp_page", "página na OGP", "OGP page", NULL },
	{ "document", "documento", "document", NULL },
};

static const struct dcode event_kind[] = {
	{ "open_gov_week", "Semana da Administração Aberta", "Open Gov Week", NULL },
	{ "network_meeting", "Reunião da rede", "Network meeting", NULL },
	{ "consultation", "Consulta pública", "Public consultation", AL("public_consultation") },
	{ "summit", "Cimeira", "Summit", NULL },
	{ "webinar", "Webinar", "Webinar", NULL },
	{ "other", "Outro", "Other", NULL },
};

static const struct dcode staff_role[] = {
	{ "admin", NULL, NULL, NULL },
	{ "focal", NULL, NULL, NULL },
	{ "member", NULL, NULL, NULL },
};

static const struct dcode session_stage[] = {
	{ "password", NULL, NULL, NULL },
	{ "full", NULL, NULL, NULL },
};

static const struct dcode revision_op[] = {
	{ "create", NULL, NULL, NULL },
	{ "update", NULL, NULL, NULL },
	{ "delete", NULL, NULL, NULL },
};

static const struct dcode draft_status[] = {
	{ "pending", NULL, NULL, NULL },
	{ "approved", NULL, NULL, NULL },
	{ "returned", NULL, NULL, NULL },
};

static const struct dcode link_result[] = {
	{ "ok", NULL, NULL, NULL },
	{ "redirect", NULL, NULL, NULL },
	{ "broken", NULL, NULL, NULL },
};

static const struct dcode link_failure[] = {
	{ "http", NULL, NULL, NULL },
	{ "timeout", NULL, NULL, NULL },
	{ "refused", NULL, NULL, NULL },
	{ "dns", NULL, NULL, NULL },
	{ "tls", NULL, NULL, NULL },
	{ "redirects", NULL, NULL, NULL },
	{ "scheme", NULL, NULL, NULL },
	{ "network", NULL, NULL, NULL },
	{ "other", NULL, NULL, NULL },
};

static const struct dcode sub_kind[] = {
	{ "proposal", "Proposta", "Proposal", NULL },
	{ "comment", "Comentário", "Comment", NULL },
};

static const struct dcode sub_lang[] = {
	{ "pt", NULL, NULL, NULL },
	{ "en", NULL, NULL, NULL },
};

static const struct dcode sub_status[] = {
	{ "unconfirmed", "Por confirmar", "Unconfirmed", NULL },
	{ "pending", "A aguardar moderação", "Awaiting moderation", NULL },
	{ "published", "Publicado", "Published", NULL },
	{ "rejected", "Rejeitado", "Rejected", NULL },
	{ "spam", "Spam", "Spam", NULL },
};

static const struct dcode outcome[] = {
	{ "received", "Recebida", "Received", NULL },
	{ "analysis", "Em análise", "Under analysis", NULL },
	{ "merged", "Integrada num compromisso", "Merged into a commitment", NULL },
	{ "not_taken", "Não acolhida", "Not taken up", NULL },
};

/* The zones of Portugal in the tz database: the mainland, Madeira, the Azores. */
static const struct dcode zones[] = {
	{ "Europe/Lisbon", "Lisboa", "Lisbon", NULL },
	{ "Atlantic/Madeira", "Madeira", "Madeira", NULL },
	{ "Atlantic/Azores", "Açores", "Azores", NULL },
};

/* How sure a fact is (content file aberta-content/2). */
static const struct dcode confidence[] = {
	{ "confirmed", "Confirmado", "Confirmed", NULL },
	{ "unconfirmed", "Por confirmar", "Unconfirmed", NULL },
	{ "inferred", "Deduzido", "Inferred", NULL },
};

/* Where a title comes from. */
static const struct dcode text_kind[] = {
	{ "official", "Texto oficial", "Official wording", NULL },
	{ "translation", "Tradução nossa", "Our translation", NULL },
	{ "paraphrase", "Resumo nosso", "Our paraphrase", NULL },
};

/* How the date of a figure is known. */
static const struct dcode as_of_kind[] = {
	{ "stated", "Data indicada pela fonte", "Date stated by the source", NULL },
	{ "publication", "Data de publicação do relatório", "Date the report was published", NULL },
	{ "not_before", "Publicado nesta data ou depois", "Published on or after this date", NULL },
	{ "approximate", "Data aproximada", "Approximate date", NULL },
	{ "unknown", "Data não registada", "Date not recorded", NULL },
};

/* A body's membership of the network as the sources state it. */
static const struct dcode member_status[] = {
	{ "founding_member", "Membro fundador", "Founding member", NULL },
	{ "member", "Membro", "Member", NULL },
	{ "likely_member", "Provável membro", "Likely member", NULL },
	{ "not_member", "Não é membro", "Not a member", NULL },
	{ "unknown", "Participação na rede não registada", "Membership not recorded", NULL },
};

/* What a plan's document is. */
static const struct dcode doc_kind[] = {
	{ "plan_text", "Texto do plano", "Plan text", NULL },
	{ "plan_copy", "Cópia do plano (de terceiros)", "Copy of the plan (third party)", NULL },
	{ "news", "Notícia", "News item", NULL },
	{ "self_assessment", "Relatório de autoavaliação", "Self-assessment report", NULL },
	{ "irm_design_report", "Relatório de conceção (IRM)", "Design report (IRM)", NULL },
	{ "irm_action_plan_review", "Análise do plano de ação (IRM)", "Action plan review (IRM)",
	    NULL },
	{ "irm_results_report", "Relatório de resultados (IRM)", "Results report (IRM)", NULL },
	{ "irm_transitional_results_report", "Relatório transitório de resultados (IRM)",
	    "Transitional results report (IRM)", NULL },
	{ "other", "Outro documento", "Other document", NULL },
};

/* Who assessed a plan. */
static const struct dcode assessor[] = {
	{ "irm", "Mecanismo de Avaliação Independente (IRM)",
	    "Independent Reporting Mechanism (IRM)", NULL },
	{ "government", "Governo (autoavaliação)", "Government (self-assessment)", NULL },
	{ "other", "Outro", "Other", NULL },
};

/* The kind of an assessment report. */
static const struct dcode report_kind[] = {
	{ "design_report", "Relatório de conceção", "Design report", NULL },
	{ "action_plan_review", "Análise do plano de ação", "Action plan review", NULL },
	{ "results_report", "Relatório de resultados", "Results report", NULL },
	{ "transitional_results_report", "Relatório transitório de resultados",
	    "Transitional results report", NULL },
	{ "self_assessment", "Relatório de autoavaliação", "Self-assessment report", NULL },
	{ "co_creation_brief", "Nota sobre a cocriação", "Co-creation brief", NULL },
	{ "other", "Outro relatório", "Other report", NULL },
};

/* How a body is related to a commitment it neither leads nor supports. */
static const struct dcode party_relation[] = {
	{ "partner", "Parceiro numa atividade", "Partner in an activity", NULL },
	{ "proposer", "Propôs o compromisso", "Proposed the commitment", NULL },
};

/* Whether an event or a consultation held elsewhere took place. */
static const struct dcode held_status[] = {
	{ "held", "Realizado", "Held", NULL },
	{ "announced", "Anunciado", "Announced", NULL },
};

/* Which email of a reporting round a body's editors got (store/rounds.h). */
static const struct dcode round_notice[] = {
	{ "open", NULL, NULL, NULL },
	{ "week", NULL, NULL, NULL },
	{ "day", NULL, NULL, NULL },
	{ "manual", NULL, NULL, NULL },
};

/* What a subscription follows, how often it is told, whether it is confirmed
 * (migration 16, subscription). */
static const struct dcode follow_kind[] = {
	{ "site", "Todo o sítio", "The whole site", NULL },
	{ "plan", "Plano", "Plan", NULL },
	{ "commitment", "Compromisso", "Commitment", NULL },
	{ "entity", "Entidade", "Body", NULL },
};

static const struct dcode follow_frequency[] = {
	{ "immediate", "Quando acontece", "As it happens", NULL },
	{ "daily", "Resumo diário", "Daily digest", NULL },
	{ "weekly", "Resumo semanal", "Weekly digest", NULL },
};

static const struct dcode follow_status[] = {
	{ "unconfirmed", "À espera de confirmação", "Waiting for confirmation", NULL },
	{ "active", "Confirmada", "Confirmed", NULL },
};

static const struct domain domains[DOM__MAX] = {
	DOM("entity_kind", "entity.kind", entity_kind),
	DOM("plan_status", "action_plan.status", plan_status),
	DOM("self_status", "commitment.self_status", self_status),
	{ "yesno", "commitment.irm_verifiable commitment.irm_relevant", starred, 2 },
	DOM("ambition", "commitment.irm_ambition", ambition),
	DOM("potential_impact", "commitment.irm_potential_impact", potential_impact),
	DOM("potential_results", "commitment.irm_potential_results", potential_results),
	{ "irm_completion", "commitment.irm_completion", self_status, 5 },
	DOM("diog", "commitment.irm_diog", diog),
	DOM("early_results", "commitment.irm_early_results", early_results),
	DOM("starred", "commitment.irm_starred", starred),
	DOM("entity_role", "commitment_entity.role", entity_role),
	DOM("ogp_value", "commitment_value.value", ogp_value),
	DOM("ms_status", "milestone.status", ms_status),
	DOM("link_kind", "link.kind", link_kind),
	DOM("event_kind", "event.kind", event_kind),
	DOM("staff_role", "staff.role", staff_role),
	DOM("session_stage", "session.stage", session_stage),
	DOM("revision_op", "revision.op", revision_op),
	DOM("draft_status", "draft.status", draft_status),
	DOM("link_result", "link_check.result", link_result),
	DOM("link_failure", "link_check.failure", link_failure),
	DOM("sub_kind", "submission.kind", sub_kind),
	DOM("sub_lang", "submission.lang subscription.lang", sub_lang),
	DOM("sub_status", "submission.status", sub_status),
	DOM("outcome", "submission.outcome", outcome),
	DOM("timezone", "event.timezone consultation.timezone", zones),
	DOM("member_status", "entity.member_status", member_status),
	DOM("confidence",
	    "entity.member_confidence action_plan.published_confidence plan_completion.confidence "
	    "commitment.ogp_id_confidence commitment.title_pt_confidence "
	    "commitment.title_en_confidence commitment.values_confidence "
	    "commitment.self_confidence "
	    "commitment.irm_confidence commitment_entity.confidence milestone.progress_confidence "
	    "milestone_figure.confidence consultation_record.dates_confidence "
	    "event.date_confidence commitment.irm_early_results_confidence",
	    confidence),
	DOM("text_kind",
	    "commitment.title_pt_kind commitment.title_en_kind activity.title_pt_kind "
	    "milestone.title_pt_kind milestone.title_en_kind event.title_pt_kind",
	    text_kind),
	DOM("as_of_kind",
	    "plan_completion.as_of_kind commitment.self_as_of_kind milestone.progress_as_of_kind "
	    "milestone_figure.as_of_kind",
	    as_of_kind),
	DOM("doc_kind", "plan_document.kind", doc_kind),
	DOM("assessor", "plan_assessment.assessor", assessor),
	DOM("report_kind", "plan_assessment.report_kind", report_kind),
	DOM("party_relation", "commitment_party.relation", party_relation),
	DOM("held_status", "consultation_record.status event.status", held_status),
	DOM("round_notice", "round_notice.kind", round_notice),
	DOM("follow_kind", "subscription.kind", follow_kind),
	DOM("follow_frequency", "subscription.frequency", follow_frequency),
	DOM("follow_status", "subscription.status", follow_status),
};

const struct domain *
domain(enum dom d)
{
	return &domains[d];
}

const struct domain *
domain_named(const char *name)
{
	size_t i;

	for (i = 0; i < DOM__MAX; i++)
		if (strcmp(domains[i].name, name) == 0)
			return &domains[i];
	return NULL;
}

const struct domain *
domain_column(const char *table, const char *column)
{
	const char *p;
	size_t      nt = strlen(table), nc = strlen(column), i;

	for (i = 0; i < DOM__MAX; i++)
		for (p = domains[i].cols; *p != '\0'; p += strcspn(p, " "), p += *p == ' ')
			if (strncmp(p, table, nt) == 0 && p[nt] == '.' &&
			    strncmp(p + nt + 1, column, nc) == 0 &&
			    (p[nt + 1 + nc] == ' ' || p[nt + 1 + nc] == '\0'))
				return &domains[i];
	return NULL;
}

const struct dcode *
domain_code(const struct domain *d, const char *code)
{
	size_t i;

	if (code == NULL)
		return NULL;
	for (i = 0; i < d->n; i++)
		if (strcmp(d->codes[i].code, code) == 0)
			return &d->codes[i];
	return NULL;
}

const char *
domain_label(const char *name, const char *code, int en)
{
	const struct domain *d = domain_named(name);
	const struct dcode  *c = d != NULL ? domain_code(d, code) : NULL;

	if (c == NULL)
		return NULL;
	return en ? c->en : c->pt;
}

const char *
domain_alias(const struct domain *d, const char *s, int (*eq)(const char *, const char *))
{
	const char *const *a;
	size_t             i;

	for (i = 0; i < d->n; i++)
		for (a = d->codes[i].aliases; a != NULL && *a != NULL; a++)
			if (eq(s, *a))
				return d->codes[i].code;
	return NULL;
}
