/* strings: the message table of the interface (see strings.h). */
#include "view/strings.h"

const struct i18n_msg i18n_msgs[] = {
	{ "L_SITE_NAME", "Rede Nacional de Administração Aberta",
	    "National Network for Open Administration" },
	{ "L_SITE_SHORT", "Administração Aberta", "Open Administration Portugal" },
	{ "L_SITE_DESCRIPTION",
	    "Os planos de ação nacionais de Portugal para a administração "
	    "aberta, os seus compromissos e o progresso real, com fontes.",
	    "Portugal's national action plans for open administration, their commitments and "
	    "real progress, with sources." },
	{ "L_SKIP", "Saltar para o conteúdo", "Skip to content" },
	{ "L_OTHER_LANG_NAME", "English", "Português" },
	{ "L_NAV_MAIN", "Navegação principal", "Main navigation" },
	{ "L_NAV_HOME", "Início", "Home" },
	{ "L_NAV_NETWORK", "A rede", "The network" },
	{ "L_NAV_PLANS", "Planos de ação", "Action plans" },
	{ "L_NAV_EVENTS", "Eventos", "Events" },
	{ "L_NAV_OGP", "Sobre a OGP", "About OGP" },
	{ "L_NAV_ACCESSIBILITY", "Acessibilidade", "Accessibility" },
	{ "L_BREADCRUMB", "Localização", "You are here" },
	{ "L_FOOTER_ABOUT",
	    "Rede Nacional de Administração Aberta (RNAA), coordenada pela "
	    "AMA; ponto focal da Parceria para o Governo Aberto (OGP): LabX.",
	    "National Network for Open Administration (RNAA), coordinated by AMA; Open "
	    "Government Partnership (OGP) focal point: LabX." },
	{ "L_FOOTER_SOURCES",
	    "Cada facto indica a sua fonte. O que não foi confirmado aparece "
	    "como «ainda não registado».",
	    "Every fact cites its source. What has not been "
	    "confirmed is shown as \"not yet recorded\"." },
	{ "L_HOME_HEADING", "Administração aberta em Portugal, compromisso a compromisso",
	    "Open administration in Portugal, commitment by commitment" },
	{ "L_HOME_INTRO",
	    "A Rede Nacional de Administração Aberta junta organismos "
	    "públicos e organizações da sociedade civil para co-criar, executar e acompanhar os "
	    "planos de ação nacionais de Portugal na Parceria para o Governo Aberto.",
	    "The National Network for Open Administration brings public bodies and civil "
	    "society organisations together to co-create, carry out and monitor Portugal's "
	    "national action plans in the Open Government Partnership." },
	{ "L_HOME_ABOUT_LINK", "Conhecer a rede", "About the network" },
	{ "L_FIG_LIKELY", "e prováveis:", "and likely:" },
	{ "L_FIG_MEMBERS", "Membros da rede", "Network members" },
	{ "L_FIG_PLANS", "Planos de ação", "Action plans" },
	{ "L_FIG_COMMITMENTS", "Compromissos", "Commitments" },
	{ "L_CURRENT_PLAN", "O plano em curso", "The current plan" },
	{ "L_ALL_PLANS", "Todos os planos", "All plans" },
	{ "L_COMMITMENTS_LC", "compromissos", "commitments" },
	{ "L_PLAN_PROGRESS", "Progresso do plano", "Plan progress" },
	{ "L_PLAN_PROGRESS_LEAD", "Progresso dos compromissos que lidera",
	    "Progress of the commitments it leads" },
	{ "L_HOW_CALCULATED", "Como é calculado o progresso", "How progress is calculated" },
	{ "L_UPCOMING_EVENTS", "Próximos eventos", "Upcoming events" },
	{ "L_NO_UPCOMING", "Não há eventos anunciados.", "No events have been announced." },
	{ "L_SEE_PAST_EVENTS", "Ver eventos anteriores", "See past events" },
	{ "L_PLANS_HEADING", "Planos de ação nacionais", "National action plans" },
	{ "L_PLANS_INTRO",
	    "Cada plano reúne compromissos co-criados pela administração e pela "
	    "sociedade civil, com marcos verificáveis.",
	    "Each plan brings together commitments "
	    "co-created by government and civil society, with verifiable milestones." },
	{ "L_PERIOD", "Período", "Period" },
	{ "L_PUBLISHED", "Publicado", "Published" },
	{ "L_STATUS", "Estado", "Status" },
	{ "L_PLAN_DOCUMENT", "Documento do plano", "Plan document" },
	{ "L_PLAN_TEXT_NOT_FOUND", "endereço do texto do plano não encontrado",
	    "the plan text's address was not found" },
	{ "L_PLAN_DOCUMENTS", "Documentos do plano", "The plan's documents" },
	{ "L_ADDRESS_NOT_FOUND", "endereço não encontrado", "address not found" },
	{ "L_LISTED_ON", "indicado em:", "listed on:" },
	{ "L_ASSESSMENTS", "Avaliações do plano", "Assessments of the plan" },
	{ "L_SELF_OVER_TIME", "Conclusão declarada ao longo do tempo",
	    "Self-reported completion over time" },
	{ "L_LINK_BROKEN", "ligação quebrada", "broken link" },
	{ "L_LINK_BROKEN_ON", "detetada em", "found on" },
	{ "L_ARCHIVED_COPY", "cópia arquivada", "archived copy" },
	{ "L_WITHDRAWN_ON", "retirado em", "withdrawn on" },
	{ "L_HOW_MADE", "Como foi feito", "How it was made" },
	{ "L_PLAN_SUMMARY", "Resumo e avaliação independente",
	    "Summary and independent assessment" },
	{ "L_SOURCES", "Fontes", "Sources" },
	{ "L_COMMITMENTS", "Compromissos", "Commitments" },
	{ "L_COMMITMENT", "Compromisso", "Commitment" },
	{ "L_PLAN_TABLE_CAPTION",
	    "Compromissos do plano, com a entidade responsável, o estado "
	    "declarado e o progresso calculado a partir dos marcos.",
	    "The plan's commitments, "
	    "with the lead body, the self-reported status and the progress computed from the "
	    "milestones." },
	{ "L_NUMBER_SHORT", "N.º", "No." },
	{ "L_LEAD", "Responsável", "Lead" },
	{ "L_SUPPORT", "Apoio", "Supported by" },
	{ "L_SELF_STATUS", "Estado declarado", "Self-reported status" },
	{ "L_PROGRESS", "Progresso", "Progress" },
	{ "L_NOT_RECORDED", "ainda não registado", "not yet recorded" },
	{ "L_TITLE_NOT_RECORDED", "Título ainda não registado", "Title not yet recorded" },
	{ "L_STATUS_NOT_RECORDED", "estado ainda não registado", "status not yet recorded" },
	{ "L_DOUBT_UNCONFIRMED", "por confirmar", "unconfirmed" },
	{ "L_BADGE_DOUBT", " (por confirmar)", " (unconfirmed)" },
	{ "L_DOUBT_UNCONFIRMED_TITLE",
	    "A fonte é incerta ou indireta, ou não foi verificada de novo: o que significa",
	    "The source is uncertain or indirect, or was not checked again: what this means" },
	{ "L_DOUBT_INFERRED", "deduzido, por confirmar", "inferred, unconfirmed" },
	{ "L_DOUBT_INFERRED_TITLE",
	    "Deduzido de outros factos (por exemplo, da ordem dos compromissos): o que significa",
	    "Deduced from other facts (for example, from the order of the commitments): what this "
	    "means" },
	{ "L_DOCUMENT_COPY", "cópia guardada neste sítio", "copy kept by this site" },
	{ "L_OVERDUE_SINCE", "em atraso desde", "overdue since" },
	{ "L_PARTNERS", "Parceiros", "Partners" },
	{ "L_PARTNERS_HELP",
	    "Entidades que participaram numa atividade do compromisso, sem o liderar nem apoiar.",
	    "Bodies that took part in one of the commitment's activities, without leading or "
	    "supporting it." },
	{ "L_PROPOSERS", "Proposto por", "Proposed by" },
	{ "L_ACTIVITIES", "Atividades", "Activities" },
	{ "L_EARLIER_FIGURES", "Valores anteriores", "Earlier figures" },
	{ "L_IRM_RESULTS_DATE", "Relatório de resultados do IRM", "IRM results report" },
	{ "L_IRM_DESIGN_DATE", "Relatório de conceção do IRM", "IRM design report" },
	{ "L_FIG_ON", "em", "on" },
	{ "L_FIG_IN", "em", "in" },
	{ "L_FIG_REPORT", "num relatório de", "in a report of" },
	{ "L_FIG_NOT_BEFORE", "publicado em", "published on or after" },
	{ "L_FIG_NOT_BEFORE_END", "ou depois", "" },
	{ "L_FIG_ABOUT", "cerca de", "about" },
	{ "L_FIG_UNDATED", "data não registada", "date not recorded" },
	{ "L_DATE_NOT_RECORDED", "data ainda não registada", "date not yet recorded" },
	{ "L_SOURCE_NOT_RECORDED", "fonte não registada", "source not recorded" },
	{ "L_NO_DATA", "sem dados", "no data" },
	{ "L_AS_OF", "dados registados em", "data recorded on" },
	{ "L_ONLY_OTHER_LANG", "Este texto só está disponível em inglês.",
	    "This text is only available in Portuguese." },
	{ "L_ONLY_OTHER_LANG_SHORT", "(em inglês)", "(in Portuguese)" },
	{ "L_MATCH_OTHER_LANG", "encontrado no texto em inglês",
	    "found in the text in Portuguese" },
	{ "L_PLAN", "Plano", "Plan" },
	{ "L_DATES", "Datas", "Dates" },
	{ "L_OGP_VALUES", "Valores OGP", "OGP values" },
	{ "L_POLICY_AREAS", "Áreas temáticas", "Policy areas" },
	{ "L_WHAT_IT_DOES", "O que se propõe fazer", "What it sets out to do" },
	{ "L_PROBLEM", "O problema a que responde", "The problem it addresses" },
	{ "L_STATUS_AND_ASSESSMENT", "Estado declarado e avaliação independente",
	    "Self-reported status and independent assessment" },
	{ "L_SELF_REPORTED", "Segundo os responsáveis", "As reported by those responsible" },
	{ "L_SELF_REPORTED_HELP", "O que o governo e as entidades responsáveis declaram.",
	    "What the government and the lead bodies report." },
	{ "L_IRM", "Segundo o Mecanismo de Avaliação Independente (IRM)",
	    "According to the Independent Reporting Mechanism (IRM)" },
	{ "L_IRM_HELP", "Avaliação independente da OGP, ao lado do que é declarado.",
	    "OGP's independent assessment, shown beside what is reported." },
	{ "L_MILESTONES", "Marcos", "Milestones" },
	{ "L_NO_MILESTONES", "Os marcos deste compromisso ainda não foram registados.",
	    "The milestones of this commitment have not been recorded yet." },
	{ "L_PLANNED", "Previsto", "Planned" },
	{ "L_COMPLETED_ON", "concluído em", "completed on" },
	{ "L_EVIDENCE", "Evidências", "Evidence" },
	{ "L_NO_EVIDENCE_YET", "nenhuma evidência registada", "no evidence recorded" },
	{ "L_LAST_UPDATED", "Última atualização:", "Last updated:" },
	{ "L_FORMULA_1",
	    "O progresso de um compromisso é a média simples do progresso (0 a "
	    "100%) dos seus marcos com progresso registado; cada marco pesa o mesmo.",
	    "A commitment's progress is the plain average of the progress (0 to 100%) of its "
	    "milestones whose progress is recorded; each milestone weighs the same." },
	{ "L_FORMULA_2",
	    "Marcos sem progresso registado ficam de fora e são contados à parte "
	    "(por exemplo, 3/5 marcos); sem nenhum, o compromisso mostra «sem dados», nunca 0%.",
	    "Milestones with no recorded progress are left out and counted separately (for "
	    "example, 3/5 milestones); with none, the commitment shows \"no data\", never 0%." },
	{ "L_FORMULA_3",
	    "O progresso de um plano ou de uma entidade é a média simples do "
	    "progresso dos seus compromissos com dados.",
	    "The progress of a plan or a body is the plain "
	    "average of the progress of its commitments that have data." },
	{ "L_FORMULA_4",
	    "Cada percentagem traz as datas dos valores em que assenta: uma data, ou o "
	    "intervalo da mais antiga à mais recente (por exemplo, «valores de 2020 a 2025»); "
	    "um valor sem data diz «data não registada». A data em que um registo foi "
	    "importado ou editado nunca é mostrada como a data de um valor.",
	    "Every percentage shows the dates of the figures it rests on: one date, or the "
	    "span from the earliest to the latest (for example, \"figures from 2020 to "
	    "2025\"); a figure without a date says \"date not recorded\". The date a record "
	    "was imported or edited is never shown as the date of a figure." },
	{ "L_NETWORK_HEADING", "A Rede Nacional de Administração Aberta",
	    "The National Network for Open Administration" },
	{ "L_BODIES", "Entidades por pertença à rede", "Bodies by membership of the network" },
	{ "L_GROUP_founding_member", "Membros fundadores", "Founding members" },
	{ "L_GROUP_founding_member_INTRO",
	    "Entidades que as fontes dão como membros da rede desde a sua criação, em 2018.",
	    "Bodies the sources name as members of the network since it was set up in 2018." },
	{ "L_GROUP_member", "Membros", "Members" },
	{ "L_GROUP_member_INTRO", "Entidades que as fontes dão como membros da rede.",
	    "Bodies the sources name as members of the network." },
	{ "L_GROUP_likely_member", "Prováveis membros (por confirmar)",
	    "Likely members (unconfirmed)" },
	{ "L_GROUP_likely_member_INTRO",
	    "Entidades que as fontes indicam como membros de forma indireta (por exemplo, "
	    "nas atas de uma reunião), sem o confirmar.",
	    "Bodies the sources point to as members only indirectly (for example, in the "
	    "minutes of a meeting), without confirming it." },
	{ "L_GROUP_unknown", "Pertença à rede não registada", "Membership not recorded" },
	{ "L_GROUP_unknown_INTRO",
	    "Entidades referidas neste sítio cuja pertença à rede não está registada nas "
	    "fontes consultadas.",
	    "Bodies named on this site whose membership of the network is not recorded in the "
	    "sources consulted." },
	{ "L_GROUP_not_member", "Não são membros da rede", "Not members of the network" },
	{ "L_GROUP_not_member_INTRO",
	    "Entidades referidas neste sítio que as fontes dizem não serem membros da rede.",
	    "Bodies named on this site that the sources say are not members of the network." },
	{ "L_NETWORK_ABOUT", "Sobre a rede", "About the network" },
	{ "L_COORDINATOR", "Coordenação", "Coordinator" },
	{ "L_FOCAL_POINT", "Ponto focal nacional da OGP", "OGP national focal point" },
	{ "L_FOCAL_SINCE", "Ponto focal desde", "Focal point since" },
	{ "L_CONTACT", "Contacto", "Contact" },
	{ "L_OGP_MEMBER_SINCE", "Portugal na OGP desde", "Portugal in OGP since" },
	{ "L_OGP_FULL", "Parceria para o Governo Aberto", "Open Government Partnership" },
	{ "L_KIND", "Setor", "Sector" },
	{ "L_MEMBERSHIP", "Pertença à rede", "Network membership" },
	{ "L_MEMBER_SINCE", "Membro desde", "Member since" },
	{ "L_MEMBER_UNTIL", "Membro até", "Member until" },
	{ "L_OVERDUE_LED", "Marcos em atraso nos compromissos que lidera",
	    "Overdue milestones in the commitments it leads" },
	{ "L_PARTIES", "Parceira ou proponente", "Partner or proposer" },
	{ "L_PARTIES_INTRO",
	    "Compromissos em que as fontes indicam esta entidade como parceira numa das suas "
	    "atividades ou como proponente: não é liderar nem apoiar o compromisso.",
	    "Commitments for which the sources name this body as a partner in one of their "
	    "activities or as the proposer: that is not leading or supporting the commitment." },
	{ "L_PARTNER_IN", "parceira numa atividade", "partner in an activity" },
	{ "L_PROPOSED", "propôs o compromisso", "proposed the commitment" },
	{ "L_MEMBER_EVIDENCE", "Indícios da pertença à rede", "Evidence of membership" },
	{ "L_WEBSITE", "Sítio na Internet", "Website" },
	{ "L_LEADS", "Compromissos que lidera", "Commitments it leads" },
	{ "L_SUPPORTS", "Compromissos que apoia", "Commitments it supports" },
	{ "L_NONE_RECORDED", "Nenhum registado.", "None recorded." },
	{ "L_EVENTS_HEADING", "Eventos", "Events" },
	{ "L_EVENTS_INTRO",
	    "A Semana da Administração Aberta (Open Gov Week), as reuniões da "
	    "rede, consultas públicas e outros eventos.",
	    "Open Gov Week, network meetings, "
	    "public consultations and other events." },
	{ "L_PAST_EVENTS", "Eventos anteriores, por ano", "Past events, by year" },
	{ "L_WHEN", "Quando", "When" },
	{ "L_WHERE", "Onde", "Where" },
	{ "L_ONLINE", "Em linha", "Online" },
	{ "L_ORGANISER", "Organização", "Organiser" },
	{ "L_MORE_INFO", "Mais informação", "More information" },
	{ "L_ERR_ALLOWED", "Métodos aceites:", "Allowed methods:" },
	{ "L_HISTORY", "Histórico", "History" },
	{ "L_TABLE", "Tabela (pode deslocar-se na horizontal)", "Table (scrolls sideways)" },
	{ "L_CHARTS", "Em gráfico", "In charts" },
	{ "L_CHART_TIMELINE", "Progresso ao longo do tempo", "Progress over time" },
	{ "L_CHART_TIMELINE_CAP",
	    "O progresso do compromisso depois de cada alteração registada "
	    "do progresso de um marco (mesma fórmula).",
	    "The commitment's progress after each "
	    "recorded change of a milestone's progress (same formula)." },
	{ "L_CHART_PROGRESS", "Progresso de cada compromisso", "Progress of each commitment" },
	{ "L_CHART_PROGRESS_ALT", "Os mesmos números estão na tabela de compromissos acima.",
	    "The same figures are in the commitments table above." },
	{ "L_CHART_STATUS", "Compromissos por estado declarado",
	    "Commitments by self-reported status" },
	{ "L_CHART_DATA", "Os dados do gráfico", "The chart's data" },
	{ "L_SUBSCRIBE", "Acompanhar as alterações (Atom)", "Follow the changes (Atom)" },
	{ "L_SUBSCRIBE_SITE", "Acompanhar o sítio (Atom)", "Follow the site (Atom)" },
	{ "L_CALENDAR_ALL", "Todos os eventos no seu calendário (.ics)",
	    "All events in your calendar (.ics)" },
	{ "L_CALENDAR_ONE", "Adicionar ao calendário (.ics)", "Add to calendar (.ics)" },
	{ "L_BADGE", "Emblema do estado para outros sítios", "Status badge for other sites" },
	{ "L_BADGE_HELP", "Copie este código para mostrar o estado atual noutra página:",
	    "Copy this code to show the current status on another page:" },
	{ "L_SEE_HISTORY", "Ver o histórico de alterações", "See the history of changes" },
	/* A plan's dated snapshots (pages/asof.c). */
	{ "L_ASOF_STATE_ON", "Estado em", "State on" },
	{ "L_ASOF_FROZEN_H", "Retrato fixo", "Frozen snapshot" },
	{ "L_ASOF_FROZEN", "Estado do plano a", "State of the plan at" },
	{ "L_ASOF_LISBON", "hora de Lisboa", "Lisbon time" },
	{ "L_ASOF_BY_ROUND", "fixado pela ronda de acompanhamento",
	    "frozen by the reporting round" },
	{ "L_ASOF_NEVER_CHANGES",
	    "É um retrato fixo: as alterações feitas depois desse instante não aparecem aqui.",
	    "It is a frozen snapshot: changes made after that moment do not appear here." },
	{ "L_ASOF_SEE_LIVE", "Ver o plano como está agora", "See the plan as it stands now" },
	{ "L_ASOF_TAKEN", "Fixado em", "Frozen on" },
	{ "L_ASOF_REBUILT",
	    "Os valores desse instante foram reconstituídos a partir do histórico público de "
	    "alterações do plano; um registo apagado depois não pode ser reconstituído e não "
	    "aparece.",
	    "The values of that moment were rebuilt from the plan's public history of changes; "
	    "a record deleted since cannot be rebuilt and does not appear." },
	{ "L_ASOF_SELF_PCT", "declarado", "reported" },
	{ "L_SNAPSHOTS", "Estados fixados", "Frozen states" },
	{ "L_SNAPSHOTS_NONE", "Nenhum ainda: o fecho de cada ronda de acompanhamento fixa um.",
	    "None yet: the closing of each reporting round freezes one." },
	{ "L_HISTORY_INTRO",
	    "Todas as alterações registadas, da mais recente para a mais "
	    "antiga, com a data (UTC) e quem as fez. Nada é apagado deste registo.",
	    "Every recorded change, newest first, with its date (UTC) and who made it. Nothing "
	    "is ever removed from this record." },
	{ "L_HISTORY_NONE",
	    "Ainda não há alterações registadas depois da carga inicial dos "
	    "dados.",
	    "No changes have been recorded since the data were first loaded." },
	{ "L_REVIEWED", "revisto pelo ponto focal", "reviewed by the focal point" },
	/* Search and the commitments listing (pages/search.c, pages/listing.c). */
	{ "L_SEARCH", "Pesquisar", "Search" },
	{ "L_SEARCH_LABEL", "Pesquisar no sítio", "Search the site" },
	{ "L_SEARCH_HEADING", "Pesquisa", "Search" },
	{ "L_SEARCH_WORDS", "Palavras a procurar", "Words to look for" },
	{ "L_SEARCH_HELP",
	    "Sem distinguir acentos nem maiúsculas; a última palavra pode estar "
	    "incompleta. No máximo 200 carateres e 12 palavras.",
	    "Accents and capitals do not "
	    "matter; the last word may be unfinished. At most 200 characters and 12 words." },
	{ "L_SEARCH_GUIDE",
	    "Escreva uma ou mais palavras, em português ou em inglês: a "
	    "pesquisa percorre planos, compromissos, marcos, entidades, eventos e páginas, e "
	    "mostra primeiro os resultados mais relevantes. Depois pode filtrar por plano, "
	    "estado, entidade responsável, valor OGP e área temática.",
	    "Type one or more words, "
	    "in English or Portuguese: the search covers plans, commitments, milestones, bodies, "
	    "events and pages, most relevant first. You can then filter by plan, status, lead "
	    "body, OGP value and policy area." },
	{ "L_SEARCH_ALL_COMMITMENTS", "Ver todos os compromissos, com filtros",
	    "See every commitment, with filters" },
	{ "L_NO_RESULTS", "Nenhum resultado. Experimente outras palavras ou retire filtros.",
	    "No results. Try other words or remove filters." },
	{ "L_FILTERS", "Filtrar", "Filter" },
	{ "L_FACETS_NOTE",
	    "Os filtros aplicam-se aos compromissos e aos seus marcos; o número "
	    "é o que cada escolha daria.",
	    "Filters apply to commitments and their milestones; "
	    "the number is what each choice would give." },
	{ "L_ACTIVE_FILTERS", "Filtros ativos", "Active filters" },
	{ "L_REMOVE_FILTER", "retirar", "remove" },
	{ "L_CLEAR_FILTERS", "Retirar todos os filtros", "Clear all filters" },
	{ "L_IN_COMMITMENT", "do compromisso", "of commitment" },
	{ "L_RESULT_PAGES", "Páginas de resultados", "Result pages" },
	{ "L_PAGE", "Página", "Page" },
	{ "L_PREV", "Anterior", "Previous" },
	{ "L_NEXT", "Seguinte", "Next" },
	{ "L_ALL_COMMITMENTS", "Todos os compromissos", "All commitments" },
	{ "L_ALL_COMMITMENTS_INTRO",
	    "Os compromissos de todos os planos de ação, com a entidade "
	    "responsável, o estado declarado e o progresso calculado a partir dos marcos. Filtre "
	    "e ordene à vontade: cada escolha tem o seu próprio endereço, que pode partilhar.",
	    "The commitments of every action plan, with the lead body, the self-reported status "
	    "and the progress computed from the milestones. Filter and sort as you like: every "
	    "choice has its own address, which you can share." },
	{ "L_ALL_COMMITMENTS_CAPTION",
	    "Compromissos, com o plano, a entidade responsável, o "
	    "estado declarado, o progresso e a data de fim.",
	    "Commitments, with the plan, the "
	    "lead body, the self-reported status, the progress and the end date." },
	{ "L_SEARCH_COMMITMENTS", "Procurar nos compromissos e nos seus marcos",
	    "Search the commitments and their milestones" },
	{ "L_SORT_BY", "Ordenar por", "Sort by" },
	{ "L_END_DATE", "Fim", "End" },
	{ "L_NO_COMMITMENTS", "Nenhum compromisso corresponde a estes filtros.",
	    "No commitment matches these filters." },
	/* Open data (templates/data.tpl, the layout's data links). */
	{ "L_NAV_DATA", "Dados abertos", "Open data" },
	/* Used from C. */
	{ "T_SEARCH", "Pesquisa", "Search" },
	{ "T_COMMITMENTS", "Todos os compromissos", "All commitments" },
	{ "RESULTS_ONE", "resultado", "result" },
	{ "RESULTS_MANY", "resultados", "results" },
	{ "COMMITMENTS_ONE", "compromisso", "commitment" },
	{ "COMMITMENTS_MANY", "compromissos", "commitments" },
	{ "FACET_PLAN", "Plano", "Plan" },
	{ "FACET_STATUS", "Estado declarado", "Self-reported status" },
	{ "FACET_LEAD", "Entidade responsável", "Lead body" },
	{ "FACET_VALUE", "Valor OGP", "OGP value" },
	{ "FACET_AREA", "Área temática", "Policy area" },
	{ "FACET_LATE", "Prazos", "Deadlines" },
	{ "FACET_OVERDUE", "Em atraso", "Overdue" },
	{ "FACET_NONE", "Ainda não registado", "Not yet recorded" },
	{ "SORT_plan", "plano", "plan" },
	{ "SORT_status", "estado declarado", "self-reported status" },
	{ "SORT_progress", "progresso", "progress" },
	{ "SORT_end", "data de fim", "end date" },
	{ "FEED_SUBTITLE",
	    "Novos compromissos, mudanças de estado e de progresso com a sua data e evidência, "
	    "avaliações do IRM, marcos concluídos ou em atraso, eventos e consultas públicas.",
	    "New commitments, changes of status and progress with their date and evidence, IRM "
	    "assessments, milestones completed or overdue, events and public consultations." },
	{ "FEED_EMPTY",
	    "Ainda não há mudanças registadas: a data é a da última escrita deste registo no "
	    "sítio.",
	    "No change recorded yet: the date is when this record was last written on the "
	    "site." },
	{ "CHG_MILESTONE", "marco", "milestone" },
	{ "CHG_NEW_COMMITMENT", "novo compromisso", "new commitment" },
	{ "CHG_STATUS", "estado declarado", "self-reported status" },
	{ "CHG_SELF_PERCENT", "progresso declarado", "self-reported progress" },
	{ "CHG_PROGRESS", "progresso", "progress" },
	{ "CHG_DONE", "concluído", "completed" },
	{ "CHG_OVERDUE", "prazo ultrapassado, fim previsto:", "overdue, planned end:" },
	{ "CHG_NEW_EVENT", "Novo evento", "New event" },
	{ "CHG_EVENT", "Evento", "Event" },
	{ "CHG_CONSULTATION", "Consulta pública aberta", "Public consultation opened" },
	{ "CHG_UNTIL", "até", "until" },
	{ "CHG_UNCONFIRMED", "não confirmado", "unconfirmed" },
	{ "CHG_INFERRED", "deduzido, não confirmado", "inferred, unconfirmed" },
	{ "CHG_EVIDENCE", "Evidência", "Evidence" },
	{ "CHG_SOURCE", "Fonte", "Source" },
	{ "CHG_LISBON", "hora de Lisboa", "Lisbon time" },

	{ "UNIT_ONE_MS", "marco", "milestone" },
	{ "UNIT_MANY_MS", "marcos", "milestones" },
	{ "UNIT_ONE_C", "compromisso", "commitment" },
	{ "UNIT_MANY_C", "compromissos", "commitments" },
	{ "L_SELF_COMPLETION", "Conclusão declarada pelo governo", "Self-reported completion" },
	{ "L_IRM_FULL", "Mecanismo de Avaliação Independente da OGP",
	    "OGP's Independent Reporting Mechanism" },
	{ "L_NO_IRM", "ainda não há avaliação independente registada",
	    "no independent assessment recorded yet" },
	{ "L_OVERDUE_MS", "marcos em atraso (prazo passado sem conclusão)",
	    "overdue milestones (planned end passed without completion)" },
	{ "L_OVERDUE_MS_ONE", "marco em atraso (prazo passado sem conclusão)",
	    "overdue milestone (planned end passed without completion)" },
	{ "L_NO_OVERDUE_MS", "nenhum marco em atraso registado", "no overdue milestone recorded" },
	{ "L_KNOWN_FOR", "progresso conhecido para", "progress known for" },
	{ "L_KNOWN_OF", "de", "of" },
	{ "L_AVG_OF_KNOWN", "média dos que têm dados", "average of those with data" },
	{ "L_FIGURES_FROM", "valores de", "figures from" },
	{ "L_FIGURES_TO", "a", "to" },
	{ "L_UNDATED", "com data não registada", "with date not recorded" },
	{ "T_HOME", "Início", "Home" },
	{ "T_PLANS", "Planos de ação nacionais", "National action plans" },
	{ "T_NETWORK", "A rede", "The network" },
	{ "T_EVENTS", "Eventos", "Events" },
	{ "T_PLAN", "Plano", "Plan" },
	{ "UNDATED", "Data ainda não registada", "Date not yet recorded" },
	{ "IRM_VERIFIABLE", "Verificável", "Verifiable" },
	{ "IRM_RELEVANT", "Relevante para os valores OGP", "Relevant to OGP values" },
	{ "IRM_AMBITION", "Ambição", "Ambition" },
	{ "IRM_POTENTIAL_IMPACT", "Impacto potencial", "Potential impact" },
	{ "IRM_POTENTIAL_RESULTS", "Potencial de resultados", "Potential for results" },
	{ "IRM_PROMISING", "Promissor", "Promising" },
	{ "IRM_COMPLETION", "Conclusão (IRM)", "Completion (IRM)" },
	{ "IRM_DIOG", "Abriu o governo?", "Did it open government?" },
	{ "IRM_EARLY_RESULTS", "Primeiros resultados", "Early results" },
	{ "IRM_STARRED", "Compromisso estrela", "Starred commitment" },
	{ "IRM_CLUSTER", "Agrupado com", "Clustered as" },
	{ "H_400", "Pedido inválido", "Bad request" },
	{ "H_403", "Acesso recusado", "Access refused" },
	{ "H_404", "Página não encontrada", "Page not found" },
	{ "H_410", "Já não disponível", "No longer available" },
	{ "UPLOAD_WITHDRAWN", "Este documento foi retirado deste sítio em",
	    "This document was withdrawn from this site on" },
	{ "H_413", "Pedido demasiado grande", "Request too large" },
	{ "H_429", "Demasiados pedidos", "Too many requests" },
	{ "H_405", "Método não permitido", "Method not allowed" },
	{ "H_414", "Endereço demasiado longo", "Address too long" },
	{ "H_500", "Erro interno", "Internal error" },
	{ "H_503", "Serviço temporariamente indisponível", "Service temporarily unavailable" },
	{ "L_NAV_CONSULT", "Consultas", "Consultations" },
	{ "L_CONSULTATION_KICKER", "Consulta pública", "Public consultation" },
	{ "T_CONSULTATIONS", "Consultas públicas", "Public consultations" },
	{ "L_CONSULT_INTRO",
	    "Os planos de ação são co-criados: aqui a rede pergunta, e qualquer "
	    "pessoa pode propor compromissos e comentar, sem conta. Tudo o que é publicado fica "
	    "registado, com a resposta da rede.",
	    "Action plans are co-created: here the network "
	    "asks, and anyone can propose commitments and comment, without an account. "
	    "Everything published stays on record, with the network's answer." },
	{ "L_NO_CONSULTATIONS", "Ainda não há consultas registadas.",
	    "No consultations have been recorded yet." },
	{ "L_OPENS", "Abre", "Opens" },
	{ "L_CLOSES", "Fecha", "Closes" },
	{ "L_OPENS_IN", "Abre dentro de", "Opens in" },
	{ "L_CLOSES_IN", "Aberta: fecha dentro de", "Open: closes in" },
	{ "L_CLOSED", "Encerrada", "Closed" },
	{ "L_LISBON_TIME", "Horas de Lisboa.", "Lisbon time." },
	{ "L_MADEIRA_TIME", "Horas da Madeira.", "Madeira time." },
	{ "L_AZORES_TIME", "Horas dos Açores.", "Azores time." },
	{ "L_DAY", "dia", "day" },
	{ "L_DAYS", "dias", "days" },
	{ "L_HOUR", "hora", "hour" },
	{ "L_HOURS", "horas", "hours" },
	{ "L_MINUTE", "minuto", "minute" },
	{ "L_MINUTES", "minutos", "minutes" },
	{ "L_PUBLISHED_SUBS", "contributos publicados", "published submissions" },
	{ "L_PROPOSAL", "Proposta", "Proposal" },
	{ "L_COMMENT", "Comentário", "Comment" },
	{ "L_SEND_PROPOSAL", "Propor um compromisso", "Propose a commitment" },
	{ "L_SEND_COMMENT", "Deixar um comentário", "Leave a comment" },
	{ "L_F_PROPOSAL", "O compromisso que propõe", "The commitment you propose" },
	{ "L_F_COMMENT", "O seu comentário", "Your comment" },
	{ "L_F_AUTHOR", "Nome ou pseudónimo (publicado)", "Name or pseudonym (published)" },
	{ "L_F_ORG", "Organização que representa (opcional, publicada)",
	    "Organisation you speak for (optional, published)" },
	{ "L_F_EMAIL", "Endereço de email (nunca publicado)", "Email address (never published)" },
	{ "L_F_EMAIL_HINT", "Enviamos-lhe um endereço para confirmar o envio.",
	    "We send you a link to confirm what you sent." },
	{ "L_F_TITLE", "Título da proposta", "Title of the proposal" },
	{ "L_F_PROBLEM", "O problema a que responde", "The problem it addresses" },
	{ "L_F_LIMIT", "Até 5000 carateres.", "Up to 5000 characters." },
	{ "L_F_HONEYPOT", "Deixe este campo vazio", "Leave this field empty" },
	{ "L_CONSENT",
	    "Aceito que o nome ou pseudónimo, a organização (se a indicar) e o texto "
	    "que envio sejam publicados neste sítio e nos seus dados abertos (licença CC BY 4.0) "
	    "depois de moderados, com a resposta da rede. O endereço de email serve só para "
	    "confirmar o envio e para o poder retirar: nunca é publicado nem partilhado, e é "
	    "apagado com o contributo. Um envio não confirmado é apagado ao fim de 7 dias; um "
	    "contributo confirmado é guardado como registo público da consulta até o retirar (pela "
	    "ligação no email de confirmação) ou pedir que seja apagado (ogp@ama.pt).",
	    "I agree that the name or pseudonym, the organisation (if I give one) and the text I "
	    "send are published on this site and in its open data (CC BY 4.0 licence) once "
	    "moderated, with the network's answer. The email address only serves to confirm "
	    "what I send and to let me withdraw it: it is never published or shared, and it is "
	    "deleted with the submission. An unconfirmed submission is deleted after 7 days; a "
	    "confirmed one is kept as the public record of the consultation until I withdraw it "
	    "(through the link in the confirmation email) or ask for it to be deleted "
	    "(ogp@ama.pt)." },
	{ "L_SEND", "Enviar", "Send" },
	{ "L_NAV_PRIVACY", "Privacidade", "Privacy" },
	{ "L_FOLLOW_HEADING", "Seguir por email", "Follow by email" },
	{ "L_FOLLOW_SITE", "Receber por email o que muda em todo o sítio",
	    "Get what changes on the whole site by email" },
	{ "L_FOLLOW_PLAN", "Receber por email o que muda neste plano",
	    "Get what changes in this plan by email" },
	{ "L_FOLLOW_COMMITMENT", "Receber por email o que muda neste compromisso",
	    "Get what changes in this commitment by email" },
	{ "L_FOLLOW_ENTITY",
	    "Receber por email o que muda nos compromissos e eventos desta entidade",
	    "Get what changes in this body's commitments and events by email" },
	{ "L_FOLLOW_HINT",
	    "Sem conta. Um email quando algo muda: estado e progresso (com a data e a evidência), "
	    "marcos concluídos ou em atraso, novos compromissos, avaliações do IRM, novos eventos "
	    "e consultas. Nada é enviado quando nada muda.",
	    "No account. An email when something changes: status and progress (with its date and "
	    "evidence), milestones completed or overdue, new commitments, IRM assessments, new "
	    "events and consultations. Nothing is sent when nothing changes." },
	{ "L_FOLLOW_LANG", "Língua dos emails", "Language of the emails" },
	{ "L_FOLLOW_FREQ", "Frequência", "How often" },
	{ "L_FOLLOW_CONSENT",
	    "Aceito que este sítio guarde o meu endereço de email, o que sigo, e a língua e a "
	    "frequência que escolhi, só para me enviar estes emails: nunca são publicados nem "
	    "partilhados. Ficam guardados até eu deixar de seguir; um pedido não confirmado é "
	    "apagado ao fim de 7 dias. Para sair basta um clique na ligação que vem em cada "
	    "mensagem.",
	    "I agree that this site keeps my email address, what I follow, and the language and "
	    "frequency I chose, only to send me these emails: they are never published or shared. "
	    "They are kept until I stop following; a request that is not confirmed is deleted "
	    "after 7 days. To leave, one click on the link in every message is enough." },
	{ "L_FOLLOW_BUTTON", "Seguir", "Follow" },
	{ "L_FOLLOW_SENT_TEXT",
	    "Se este endereço recebe email, vai receber uma mensagem: para começar a seguir, abra "
	    "a ligação que ela traz e carregue em «Confirmar». Se já segue o que pediu, a mensagem "
	    "di-lo. Sobre a mesma coisa, enviamos no máximo uma mensagem por dia.",
	    "If this address receives email, a message is on its way: to start following, open "
	    "the link in it and press \"Confirm\". If you already follow what you asked for, the "
	    "message says so. We send at most one message a day about the same thing." },
	{ "T_FOLLOW_NOT_SENT", "O pedido não foi enviado", "Your request was not sent" },
	{ "T_FOLLOW_CONFIRM", "Confirmar: seguir por email", "Confirm: follow by email" },
	{ "L_FOLLOW_CONFIRM_ASK",
	    "Carregue no botão para começar a receber por email o que muda em:",
	    "Press the button to start receiving by email what changes in:" },
	{ "T_FOLLOW_CONFIRMED", "Já segue por email", "You now follow by email" },
	{ "L_FOLLOW_CONFIRMED_TEXT",
	    "Pedido confirmado. Vai receber um email quando algo mudar em:",
	    "Request confirmed. You will receive an email when something changes in:" },
	{ "L_FOLLOW_MANAGE_LINK", "Gerir os seus alertas (frequência, língua, deixar de seguir)",
	    "Manage your alerts (frequency, language, stop)" },
	{ "L_FOLLOW_MANAGE_H", "Os seus alertas por email", "Your email alerts" },
	{ "L_FOLLOW_MANAGE_INTRO",
	    "O que este endereço segue. Cada alteração é feita ao carregar no seu botão. Sem conta "
	    "nem palavra-passe: quem tem esta ligação pode gerir estes alertas, por isso não a "
	    "partilhe.",
	    "What this address follows. Each change is made when you press its button. No account "
	    "and no password: whoever holds this link can manage these alerts, so do not share "
	    "it." },
	{ "L_FOLLOW_SAVE", "Guardar", "Save" },
	{ "L_FOLLOW_STOP", "Deixar de seguir", "Stop following" },
	{ "L_FOLLOW_STOP_ALL", "Deixar de seguir tudo e apagar o meu endereço",
	    "Stop everything and delete my address" },
	{ "L_FOLLOW_CHANGED", "Alteração guardada.", "Change saved." },
	{ "L_FOLLOW_STOPPED", "Deixou de seguir: não lhe enviamos mais nada sobre isso.",
	    "Stopped: nothing more about it will be sent to you." },
	{ "T_FOLLOW_LEFT", "Deixou de seguir", "You no longer follow anything" },
	{ "L_FOLLOW_LEFT_TEXT",
	    "Não lhe enviamos mais alertas, e o seu endereço foi apagado dos alertas deste sítio.",
	    "No more alerts will be sent to you, and your address has been deleted from this "
	    "site's alerts." },
	{ "L_FOLLOW_UNSUBSCRIBE_ASK",
	    "Carregue no botão para deixar de seguir tudo o que este endereço segue; o endereço é "
	    "apagado dos alertas.",
	    "Press the button to stop everything this address follows; the address is deleted "
	    "from the alerts." },
	{ "L_FOLLOW_UNSUBSCRIBE_BUTTON", "Deixar de seguir tudo", "Stop everything" },
	{ "M_FOLLOW_SUBJECT", "Os seus alertas por email — Administração Aberta",
	    "Your email alerts — Open Administration Portugal" },
	{ "M_FOLLOW_ASKED",
	    "Foi pedido neste sítio que este endereço receba por email o que muda em:",
	    "Someone asked on this site for this address to receive by email what changes in:" },
	{ "M_FOLLOW_CONFIRM",
	    "Para começar, abra este endereço e carregue no botão «Confirmar» (válido durante 7 "
	    "dias):",
	    "To start, open this link and press the \"Confirm\" button (valid for 7 days):" },
	{ "M_FOLLOW_IGNORE",
	    "Se não foi você, ignore esta mensagem: sem confirmação nada lhe é enviado, e o pedido "
	    "é apagado ao fim de 7 dias.",
	    "If this was not you, ignore this message: without confirmation nothing is sent to "
	    "you, and the request is deleted after 7 days." },
	{ "M_FOLLOW_ALREADY",
	    "Este endereço já os recebe: nada mudou. Para mudar a frequência ou a língua, ou "
	    "deixar de seguir:",
	    "This address already receives them: nothing was changed. To change how often or in "
	    "which language, or to stop:" },
	{ "PRIV_INTRO",
	    "O que este sítio guarda sobre quem segue alertas ou envia contributos, por quanto "
	    "tempo, e como o apagar.",
	    "What this site keeps about the people who follow alerts or send submissions, for how "
	    "long, and how to have it deleted." },
	{ "PRIV_FOLLOW",
	    "Para enviar os alertas por email guardamos o endereço de email, o que segue (todo o "
	    "sítio, um plano, um compromisso ou uma entidade), a língua e a frequência escolhidas, "
	    "quando pediu e confirmou, e as mensagens à espera de envio. O endereço nunca é "
	    "publicado nem partilhado, e só serve para estes alertas.\n\n"
	    "Fica guardado até deixar de seguir. Um pedido não confirmado é apagado 7 dias depois "
	    "do último email de confirmação. Se as mensagens para um endereço forem recusadas "
	    "três vezes seguidas, deixamos de lhe escrever.\n\n"
	    "Para sair, cada mensagem traz uma ligação que deixa de seguir tudo num clique, e "
	    "outra para a página onde pode mudar a frequência ou a língua, ou deixar de seguir uma "
	    "coisa só. Ao deixar de seguir tudo, o endereço é apagado.",
	    "To send the email alerts we keep the email address, what it follows (the whole site, "
	    "a plan, a commitment or a body), the language and frequency chosen, when it asked and "
	    "confirmed, and the messages waiting to be sent. The address is never published or "
	    "shared, and serves these alerts only.\n\n"
	    "It is kept until you stop following. A request that is not confirmed is deleted 7 "
	    "days after the last confirmation email. If the messages to an address are refused "
	    "three times in a row, we stop writing to it.\n\n"
	    "To leave, every message carries a link that stops everything in one click, and "
	    "another to the page where you can change the frequency or the language, or stop one "
	    "thing only. When you stop everything, the address is deleted." },
	{ "L_PRIV_SUBS_H", "Propostas e comentários", "Proposals and comments" },
	{ "PRIV_SUBS",
	    "Quem envia uma proposta ou um comentário dá um nome ou pseudónimo e, se quiser, uma "
	    "organização, que são publicados com o texto depois de moderados. O endereço de email "
	    "serve só para confirmar o envio e para o poder retirar, e nunca é publicado nem "
	    "partilhado.\n\n"
	    "Um envio não confirmado é apagado ao fim de 7 dias, o que foi marcado como spam ao "
	    "fim de 30; um contributo confirmado fica como registo público da consulta até ser "
	    "retirado pela ligação do email de confirmação.",
	    "Whoever sends a proposal or a comment gives a name or pseudonym and, if they wish, an "
	    "organisation, which are published with the text once moderated. The email address "
	    "only serves to confirm the submission and to let it be withdrawn, and is never "
	    "published or shared.\n\n"
	    "An unconfirmed submission is deleted after 7 days, one marked as spam after 30; a "
	    "confirmed submission stays as the public record of the consultation until it is "
	    "withdrawn through the link in the confirmation email." },
	{ "L_PRIV_ASK_H", "Pedir que seja apagado", "Asking for deletion" },
	{ "PRIV_ASK",
	    "Para que apaguemos tudo o que está associado a um endereço de email (contributos, "
	    "alertas, mensagens à espera), escreva para",
	    "To have everything linked to an email address deleted (submissions, alerts, messages "
	    "waiting), write to" },
	{ "L_ERRORS_HEADING", "Corrija o seguinte:", "Please correct the following:" },
	{ "L_POW_WAIT_BEFORE", "Aguarde", "Wait" },
	{ "L_POW_WAIT_AFTER",
	    "segundos e carregue de novo em «Enviar». O seu texto está guardado abaixo.",
	    "seconds and press Send again. Your text is kept below." },
	{ "L_POW_WORKING",
	    "O seu navegador está a fazer um cálculo curto; o contributo é enviado sozinho "
	    "quando terminar, dentro de alguns segundos.",
	    "Your browser is doing a short calculation; the submission is sent by itself "
	    "when it ends, in a few seconds." },
	{ "L_POW_DONE", "Cálculo concluído: a enviar o contributo.",
	    "Calculation done: sending the submission." },
	{ "L_QUESTIONS", "Perguntas e texto em consulta", "Questions and text under consultation" },
	{ "L_ABOUT", "Sobre", "About" },
	{ "L_DOC_UNDER", "Documento em consulta", "Document under consultation" },
	{ "L_SUBMISSIONS", "Contributos recebidos", "Submissions received" },
	{ "L_NO_SUBS",
	    "Ainda não há contributos publicados. Os contributos aparecem depois de "
	    "confirmados por email e moderados.",
	    "No submissions have been published yet. "
	    "Submissions appear once confirmed by email and moderated." },
	{ "L_NOT_COLLECTED", "Os contributos desta consulta não foram recolhidos neste sítio.",
	    "The submissions to this consultation were not collected on this site." },
	{ "L_REPORT", "Relatório da rede: o que foi acolhido",
	    "The network's report: what was taken up" },
	{ "L_NO_OUTCOME", "O relatório desta consulta ainda não foi publicado.",
	    "The report of this consultation has not been published yet." },
	{ "L_OUTCOME_DOC", "Relatório (documento)", "Report (document)" },
	{ "L_REJECTED", "Contributo não publicado. Motivo:", "Submission not published. Reason:" },
	{ "L_OUTCOME", "Estado", "Status" },
	{ "L_BECAME", "Deu origem ao compromisso", "Became the commitment" },
	{ "L_ANSWER", "Resposta da rede", "The network's answer" },
	{ "L_BY", "por", "by" },
	{ "L_ORIGINS", "Propostas que deram origem a este compromisso",
	    "Proposals this commitment came from" },
	{ "L_IN_CONSULTATION", "na consulta", "in the consultation" },
	{ "L_COMMENTS", "Comentários", "Comments" },
	{ "L_SOURCE", "Fonte", "Source" },
	{ "L_SEE_CONSULTATIONS", "Ver as consultas", "See the consultations" },
	/* Consultations held elsewhere (pages/records.c) and an event's facts (events.c). */
	{ "L_ONSITE_HEADING", "Consultas abertas neste sítio",
	    "Consultations opened on this site" },
	{ "L_NO_ONSITE", "Ainda nenhuma consulta foi aberta neste sítio.",
	    "No consultation has been opened on this site yet." },
	{ "L_RECORDS_HEADING", "Consultas realizadas noutros sítios",
	    "Consultations held elsewhere" },
	{ "L_RECORDS_INTRO",
	    "Consultas realizadas no Participa.gov.pt, no sítio da OGP ou no portal nacional, "
	    "registadas com as suas datas, o endereço onde decorreram e o que delas resultou. "
	    "Não recebem propostas nem comentários neste sítio.",
	    "Consultations held on Participa.gov.pt, on OGP's site or on the national portal, "
	    "recorded with their dates, the address where they were held and what came of "
	    "them. They take no proposals or comments on this site." },
	{ "L_REC_OPENED", "Data de abertura", "Opening date" },
	{ "L_REC_CLOSED", "Data de encerramento", "Closing date" },
	{ "L_HELD_AT", "Onde decorreu", "Where it was held" },
	{ "L_REC_OUTCOME", "Resultado", "Outcome" },
	{ "L_COMMENTS_RECEIVED", "Comentários recebidos", "Comments received" },
	{ "L_ANNOUNCED_PAST", "Anunciado; sem registo de que se tenha realizado",
	    "Announced; no record that it took place" },
	{ "L_ALSO_NAMED", "também nomeados pela fonte:", "also named by the source:" },
	{ "L_EVENT_PLAN", "Plano de ação", "Action plan" },
	{ "L_BACK", "Voltar", "Back" },
	{ "L_MODERATION_NOTE",
	    "Os contributos são publicados depois de confirmados por email e "
	    "moderados pelo ponto focal (LabX).",
	    "Submissions are published once confirmed by "
	    "email and moderated by the focal point (LabX)." },
	{ "T_SENT", "Confirme no seu email", "Check your email" },
	{ "L_SENT_TEXT",
	    "Obrigado. Enviámos-lhe um email com um endereço para confirmar o "
	    "contributo (válido durante 7 dias). Só depois de confirmado ele segue para moderação; "
	    "sem confirmação é apagado.",
	    "Thank you. We have sent you an email with a link to "
	    "confirm your submission (valid for 7 days). Only once confirmed does it go to "
	    "moderation; without confirmation it is deleted." },
	{ "T_NOT_SENT", "O contributo não foi enviado", "Your submission was not sent" },
	{ "T_CONFIRM", "Confirmar o contributo", "Confirm your submission" },
	{ "L_CONFIRM_ASK",
	    "Carregue no botão para confirmar o contributo. Depois de confirmado, "
	    "segue para moderação.",
	    "Press the button to confirm your submission. Once confirmed, "
	    "it goes to moderation." },
	{ "L_CONFIRM_BUTTON", "Confirmar", "Confirm" },
	{ "T_CONFIRMED", "Contributo confirmado", "Submission confirmed" },
	{ "L_CONFIRMED_TEXT",
	    "Obrigado: o contributo está confirmado e aguarda moderação. "
	    "Quando for publicado, aparece na página da consulta com a resposta da rede.",
	    "Thank you: your submission is confirmed and awaits moderation. Once published, it "
	    "appears on the consultation's page with the network's answer." },
	{ "T_WITHDRAW", "Retirar o contributo", "Withdraw your submission" },
	{ "L_WITHDRAW_ASK",
	    "Carregue no botão para retirar o contributo: é apagado deste sítio, "
	    "com o seu nome e o seu email.",
	    "Press the button to withdraw your submission: it "
	    "is deleted from this site, with your name and your email." },
	{ "L_WITHDRAW_BUTTON", "Retirar e apagar", "Withdraw and delete" },
	{ "T_WITHDRAWN", "Contributo retirado", "Submission withdrawn" },
	{ "L_WITHDRAWN_TEXT", "O contributo foi apagado, com o seu nome e o seu email.",
	    "Your submission has been deleted, with your name and your email." },
	{ "T_LINK_USED", "Endereço já usado ou expirado", "Link already used or expired" },
	{ "M_SUBJECT", "Confirme o seu contributo — Administração Aberta",
	    "Confirm your submission — Open Administration Portugal" },
	{ "M_HELLO", "Olá,", "Hello," },
	{ "M_RECEIVED", "Este sítio recebeu um contributo, com este endereço de email, sobre:",
	    "This site has received a submission, giving this email address, on:" },
	{ "M_SENT_AS", "Foi enviado com este nome (escrito por quem o enviou, não verificado):",
	    "It was sent under this name (as typed by the sender, not checked):" },
	{ "M_CONFIRM",
	    "Para o confirmar, abra este endereço e carregue no botão «Confirmar» "
	    "(válido durante 7 dias):",
	    "To confirm it, open this link and press the \"Confirm\" "
	    "button (valid for 7 days):" },
	{ "M_IGNORE",
	    "Se não foi você, ignore esta mensagem: sem confirmação, o contributo é "
	    "apagado ao fim de 7 dias.",
	    "If this was not you, ignore this message: without "
	    "confirmation, the submission is deleted after 7 days." },
	{ "M_WITHDRAW", "Para retirar o contributo em qualquer altura (é apagado deste sítio):",
	    "To withdraw your submission at any time (it is deleted from this site):" },
	{ "L_ALERT_HEADING", "O que mudou — Administração Aberta",
	    "What changed — Open Administration Portugal" },
	{ "L_ALERT_SUBJECT_NOW", "Novidades", "What changed" },
	{ "L_ALERT_MORE",
	    "Outras alterações, não listadas aqui:", "Other changes, not listed here:" },
	{ "L_ALERT_WHY", "Recebe esta mensagem porque pediu para acompanhar por email:",
	    "You receive this message because you asked to follow by email:" },
	{ "L_ALERT_MANAGE", "Mudar a frequência ou a língua, ou deixar de acompanhar:",
	    "Change the frequency or the language, or stop following:" },
	{ "L_ALERT_STOP", "Parar todos os alertas deste endereço, com um clique:",
	    "Stop every alert to this address, with one click:" },
	{ "L_ALERT_NO_TRACKING",
	    "Esta mensagem não tem imagens nem endereços que sigam a sua leitura.",
	    "This message has no images and no addresses that track your reading." },
};

const size_t i18n_nmsgs = sizeof i18n_msgs / sizeof i18n_msgs[0];

_Static_assert(sizeof i18n_msgs / sizeof i18n_msgs[0] <= I18N_MSGS_MAX * 3 / 8,
    "three eighths of I18N_MSGS_MAX hold the interface's messages");
