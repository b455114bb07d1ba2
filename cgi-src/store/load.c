/* load: the SQL of the content loader (see load.h).  Upserts compare old and new values
 * first (the WHERE of DO UPDATE), so a row that would not change is not written and the
 * content_version triggers do not fire. */
#include <stdio.h>

#include "store/load.h"
#include "store/stmt.h"

/* clang-format off */
static const char *const load_sql[LD__MAX] = {
	[LD_ENTITY_UPSERT] =
	    "INSERT INTO entity (slug, acronym, name_pt, name_en, kind, website, is_member, "
	    "member_since, member_until, member_status, member_confidence, note_pt, note_en) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT (slug) "
	    "DO UPDATE SET (acronym, name_pt, name_en, kind, website, is_member, member_since, "
	    "member_until, member_status, member_confidence, note_pt, note_en) = "
	    "(coalesce(excluded.acronym, acronym), coalesce(excluded.name_pt, name_pt), "
	    "coalesce(excluded.name_en, name_en), coalesce(excluded.kind, kind), "
	    "coalesce(excluded.website, website), coalesce(excluded.is_member, is_member), "
	    "coalesce(excluded.member_since, member_since), coalesce(excluded.member_until, "
	    "member_until), coalesce(excluded.member_status, member_status), "
	    "coalesce(excluded.member_confidence, member_confidence), coalesce(excluded.note_pt, "
	    "note_pt), coalesce(excluded.note_en, note_en)), updated_at = "
	    "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE (coalesce(excluded.acronym, acronym), "
	    "coalesce(excluded.name_pt, name_pt), coalesce(excluded.name_en, name_en), "
	    "coalesce(excluded.kind, kind), coalesce(excluded.website, website), "
	    "coalesce(excluded.is_member, is_member), coalesce(excluded.member_since, "
	    "member_since), coalesce(excluded.member_until, member_until), "
	    "coalesce(excluded.member_status, member_status), "
	    "coalesce(excluded.member_confidence, member_confidence), coalesce(excluded.note_pt, "
	    "note_pt), coalesce(excluded.note_en, note_en)) IS NOT (acronym, name_pt, name_en, "
	    "kind, website, is_member, member_since, member_until, member_status, "
	    "member_confidence, note_pt, note_en)",
	[LD_ENTITY_ID] =
	    "SELECT id FROM entity WHERE slug = ?1",
	[LD_ENTITY_PARENT] =
	    "UPDATE entity SET parent_id = ?2 WHERE id = ?1 AND parent_id IS NOT ?2",
	[LD_EVIDENCE_CLEAR] =
	    "DELETE FROM member_evidence WHERE entity_id = ?1",
	[LD_EVIDENCE_ADD] =
	    "INSERT INTO member_evidence (entity_id, position, date, source, note_pt, note_en) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[LD_AREA_UPSERT] =
	    "INSERT INTO policy_area (slug, name_pt, name_en) VALUES (?1, ?2, ?3) ON CONFLICT "
	    "(slug) DO UPDATE SET (name_pt, name_en) = (coalesce(excluded.name_pt, name_pt), "
	    "coalesce(excluded.name_en, name_en)) WHERE (coalesce(excluded.name_pt, name_pt), "
	    "coalesce(excluded.name_en, name_en)) IS NOT (name_pt, name_en)",
	[LD_AREA_ID] =
	    "SELECT id FROM policy_area WHERE slug = ?1",
	[LD_NETWORK_UPSERT] =
	    "INSERT INTO network (id, acronym, name_pt, name_en, created, description_pt, "
	    "description_en, coordinator_id, focal_point_id, focal_since, focal_since_pt, "
	    "focal_since_en, contact_email, ogp_member_since, note_pt, note_en, sources) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) ON "
	    "CONFLICT (id) DO UPDATE SET (acronym, name_pt, name_en, created, description_pt, "
	    "description_en, coordinator_id, focal_point_id, focal_since, focal_since_pt, "
	    "focal_since_en, contact_email, ogp_member_since, note_pt, note_en, sources) = "
	    "(coalesce(excluded.acronym, acronym), coalesce(excluded.name_pt, name_pt), "
	    "coalesce(excluded.name_en, name_en), coalesce(excluded.created, created), "
	    "coalesce(excluded.description_pt, description_pt), coalesce(excluded.description_en,"
	    " description_en), coalesce(excluded.coordinator_id, coordinator_id), "
	    "coalesce(excluded.focal_point_id, focal_point_id), coalesce(excluded.focal_since, "
	    "focal_since), coalesce(excluded.focal_since_pt, focal_since_pt), "
	    "coalesce(excluded.focal_since_en, focal_since_en), coalesce(excluded.contact_email, "
	    "contact_email), coalesce(excluded.ogp_member_since, ogp_member_since), "
	    "coalesce(excluded.note_pt, note_pt), coalesce(excluded.note_en, note_en), "
	    "coalesce(excluded.sources, sources)), updated_at = "
	    "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE (coalesce(excluded.acronym, acronym), "
	    "coalesce(excluded.name_pt, name_pt), coalesce(excluded.name_en, name_en), "
	    "coalesce(excluded.created, created), coalesce(excluded.description_pt, "
	    "description_pt), coalesce(excluded.description_en, description_en), "
	    "coalesce(excluded.coordinator_id, coordinator_id), coalesce(excluded.focal_point_id,"
	    " focal_point_id), coalesce(excluded.focal_since, focal_since), "
	    "coalesce(excluded.focal_since_pt, focal_since_pt), coalesce(excluded.focal_since_en,"
	    " focal_since_en), coalesce(excluded.contact_email, contact_email), "
	    "coalesce(excluded.ogp_member_since, ogp_member_since), coalesce(excluded.note_pt, "
	    "note_pt), coalesce(excluded.note_en, note_en), coalesce(excluded.sources, sources)) "
	    "IS NOT (acronym, name_pt, name_en, created, description_pt, description_en, "
	    "coordinator_id, focal_point_id, focal_since, focal_since_pt, focal_since_en, "
	    "contact_email, ogp_member_since, note_pt, note_en, sources)",
	[LD_PLAN_UPSERT] =
	    "INSERT INTO action_plan (number, title_pt, title_en, ogp_title, short_pt, "
	    "period_start, period_end, implementation_start, implementation_end, published, "
	    "published_confidence, status, commitment_count, milestone_count, cocreation_pt, "
	    "cocreation_en, note_pt, note_en, document_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) ON CONFLICT (number) DO "
	    "UPDATE SET (title_pt, title_en, ogp_title, short_pt, period_start, period_end, "
	    "implementation_start, implementation_end, published, published_confidence, status, "
	    "commitment_count, milestone_count, cocreation_pt, cocreation_en, note_pt, note_en, "
	    "document_url) = (coalesce(excluded.title_pt, title_pt), coalesce(excluded.title_en, "
	    "title_en), coalesce(excluded.ogp_title, ogp_title), coalesce(excluded.short_pt, "
	    "short_pt), coalesce(excluded.period_start, period_start), "
	    "coalesce(excluded.period_end, period_end), coalesce(excluded.implementation_start, "
	    "implementation_start), coalesce(excluded.implementation_end, implementation_end), "
	    "coalesce(excluded.published, published), coalesce(excluded.published_confidence, "
	    "published_confidence), coalesce(excluded.status, status), "
	    "coalesce(excluded.commitment_count, commitment_count), "
	    "coalesce(excluded.milestone_count, milestone_count), "
	    "coalesce(excluded.cocreation_pt, cocreation_pt), coalesce(excluded.cocreation_en, "
	    "cocreation_en), coalesce(excluded.note_pt, note_pt), coalesce(excluded.note_en, "
	    "note_en), coalesce(excluded.document_url, document_url)), updated_at = "
	    "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE (coalesce(excluded.title_pt, title_pt), "
	    "coalesce(excluded.title_en, title_en), coalesce(excluded.ogp_title, ogp_title), "
	    "coalesce(excluded.short_pt, short_pt), coalesce(excluded.period_start, "
	    "period_start), coalesce(excluded.period_end, period_end), "
	    "coalesce(excluded.implementation_start, implementation_start), "
	    "coalesce(excluded.implementation_end, implementation_end), "
	    "coalesce(excluded.published, published), coalesce(excluded.published_confidence, "
	    "published_confidence), coalesce(excluded.status, status), "
	    "coalesce(excluded.commitment_count, commitment_count), "
	    "coalesce(excluded.milestone_count, milestone_count), "
	    "coalesce(excluded.cocreation_pt, cocreation_pt), coalesce(excluded.cocreation_en, "
	    "cocreation_en), coalesce(excluded.note_pt, note_pt), coalesce(excluded.note_en, "
	    "note_en), coalesce(excluded.document_url, document_url)) IS NOT (title_pt, title_en,"
	    " ogp_title, short_pt, period_start, period_end, implementation_start, "
	    "implementation_end, published, published_confidence, status, commitment_count, "
	    "milestone_count, cocreation_pt, cocreation_en, note_pt, note_en, document_url)",
	[LD_PLAN_ID] =
	    "SELECT id FROM action_plan WHERE number = ?1",
	[LD_DOC_CLEAR] =
	    "DELETE FROM plan_document WHERE plan_id = ?1",
	[LD_DOC_ADD] =
	    "INSERT INTO plan_document (plan_id, position, kind, url, title_pt, title_en, date, "
	    "listed_on, note_pt, note_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[LD_COMPLETION_CLEAR] =
	    "DELETE FROM plan_completion WHERE plan_id = ?1",
	[LD_COMPLETION_ADD] =
	    "INSERT INTO plan_completion (plan_id, position, percent, as_of, as_of_kind, source, "
	    "confidence, note_pt, note_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[LD_ASSESS_CLEAR] =
	    "DELETE FROM plan_assessment WHERE plan_id = ?1",
	[LD_ASSESS_ADD] =
	    "INSERT INTO plan_assessment (plan_id, position, assessor, report_kind, date, "
	    "summary_pt, summary_en, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[LD_COMMITMENT_UPSERT] =
	    "INSERT INTO commitment (ogp_id, plan_id, number, title_pt, title_en, title_pt_kind, "
	    "title_en_kind, title_pt_confidence, title_en_confidence, title_en_long, summary_pt, "
	    "summary_en, problem_pt, problem_en, start_date, end_date, values_confidence, "
	    "self_status, self_percent, self_status_date, self_as_of_kind, self_source, "
	    "self_confidence, irm_verifiable, irm_relevant, irm_ambition, irm_potential_impact, "
	    "irm_potential_results, irm_promising, irm_completion, irm_early_results, cluster_pt,"
	    " cluster_en, irm_date, irm_results_date, irm_confidence, note_pt, note_en, "
	    "ogp_id_confidence, irm_early_results_confidence, irm_open_gov_lens) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
	    "?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37,"
	    " ?38, ?39, ?40, ?41) ON CONFLICT (ogp_id) DO UPDATE SET (plan_id, number, title_pt, "
	    "title_en, title_pt_kind, title_en_kind, title_pt_confidence, title_en_confidence, "
	    "title_en_long, summary_pt, summary_en, problem_pt, problem_en, start_date, end_date,"
	    " values_confidence, self_status, self_percent, self_status_date, self_as_of_kind, "
	    "self_source, self_confidence, irm_verifiable, irm_relevant, irm_ambition, "
	    "irm_potential_impact, irm_potential_results, irm_promising, irm_completion, "
	    "irm_early_results, cluster_pt, cluster_en, irm_date, irm_results_date, "
	    "irm_confidence, note_pt, note_en, ogp_id_confidence, irm_early_results_confidence, "
	    "irm_open_gov_lens) = (coalesce(excluded.plan_id, plan_id), coalesce(excluded.number,"
	    " number), coalesce(excluded.title_pt, title_pt), coalesce(excluded.title_en, "
	    "title_en), coalesce(excluded.title_pt_kind, title_pt_kind), "
	    "coalesce(excluded.title_en_kind, title_en_kind), "
	    "coalesce(excluded.title_pt_confidence, title_pt_confidence), "
	    "coalesce(excluded.title_en_confidence, title_en_confidence), "
	    "coalesce(excluded.title_en_long, title_en_long), coalesce(excluded.summary_pt, "
	    "summary_pt), coalesce(excluded.summary_en, summary_en), "
	    "coalesce(excluded.problem_pt, problem_pt), coalesce(excluded.problem_en, "
	    "problem_en), coalesce(excluded.start_date, start_date), coalesce(excluded.end_date, "
	    "end_date), coalesce(excluded.values_confidence, values_confidence), "
	    "coalesce(excluded.self_status, self_status), coalesce(excluded.self_percent, "
	    "self_percent), coalesce(excluded.self_status_date, self_status_date), "
	    "coalesce(excluded.self_as_of_kind, self_as_of_kind), coalesce(excluded.self_source, "
	    "self_source), coalesce(excluded.self_confidence, self_confidence), "
	    "coalesce(excluded.irm_verifiable, irm_verifiable), coalesce(excluded.irm_relevant, "
	    "irm_relevant), coalesce(excluded.irm_ambition, irm_ambition), "
	    "coalesce(excluded.irm_potential_impact, irm_potential_impact), "
	    "coalesce(excluded.irm_potential_results, irm_potential_results), "
	    "coalesce(excluded.irm_promising, irm_promising), coalesce(excluded.irm_completion, "
	    "irm_completion), coalesce(excluded.irm_early_results, irm_early_results), "
	    "coalesce(excluded.cluster_pt, cluster_pt), coalesce(excluded.cluster_en, "
	    "cluster_en), coalesce(excluded.irm_date, irm_date), "
	    "coalesce(excluded.irm_results_date, irm_results_date), "
	    "coalesce(excluded.irm_confidence, irm_confidence), coalesce(excluded.note_pt, "
	    "note_pt), coalesce(excluded.note_en, note_en), coalesce(excluded.ogp_id_confidence, "
	    "ogp_id_confidence), coalesce(excluded.irm_early_results_confidence, "
	    "irm_early_results_confidence), coalesce(excluded.irm_open_gov_lens, "
	    "irm_open_gov_lens)), updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE "
	    "(coalesce(excluded.plan_id, plan_id), coalesce(excluded.number, number), "
	    "coalesce(excluded.title_pt, title_pt), coalesce(excluded.title_en, title_en), "
	    "coalesce(excluded.title_pt_kind, title_pt_kind), coalesce(excluded.title_en_kind, "
	    "title_en_kind), coalesce(excluded.title_pt_confidence, title_pt_confidence), "
	    "coalesce(excluded.title_en_confidence, title_en_confidence), "
	    "coalesce(excluded.title_en_long, title_en_long), coalesce(excluded.summary_pt, "
	    "summary_pt), coalesce(excluded.summary_en, summary_en), "
	    "coalesce(excluded.problem_pt, problem_pt), coalesce(excluded.problem_en, "
	    "problem_en), coalesce(excluded.start_date, start_date), coalesce(excluded.end_date, "
	    "end_date), coalesce(excluded.values_confidence, values_confidence), "
	    "coalesce(excluded.self_status, self_status), coalesce(excluded.self_percent, "
	    "self_percent), coalesce(excluded.self_status_date, self_status_date), "
	    "coalesce(excluded.self_as_of_kind, self_as_of_kind), coalesce(excluded.self_source, "
	    "self_source), coalesce(excluded.self_confidence, self_confidence), "
	    "coalesce(excluded.irm_verifiable, irm_verifiable), coalesce(excluded.irm_relevant, "
	    "irm_relevant), coalesce(excluded.irm_ambition, irm_ambition), "
	    "coalesce(excluded.irm_potential_impact, irm_potential_impact), "
	    "coalesce(excluded.irm_potential_results, irm_potential_results), "
	    "coalesce(excluded.irm_promising, irm_promising), coalesce(excluded.irm_completion, "
	    "irm_completion), coalesce(excluded.irm_early_results, irm_early_results), "
	    "coalesce(excluded.cluster_pt, cluster_pt), coalesce(excluded.cluster_en, "
	    "cluster_en), coalesce(excluded.irm_date, irm_date), "
	    "coalesce(excluded.irm_results_date, irm_results_date), "
	    "coalesce(excluded.irm_confidence, irm_confidence), coalesce(excluded.note_pt, "
	    "note_pt), coalesce(excluded.note_en, note_en), coalesce(excluded.ogp_id_confidence, "
	    "ogp_id_confidence), coalesce(excluded.irm_early_results_confidence, "
	    "irm_early_results_confidence), coalesce(excluded.irm_open_gov_lens, "
	    "irm_open_gov_lens)) IS NOT (plan_id, number, title_pt, title_en, title_pt_kind, "
	    "title_en_kind, title_pt_confidence, title_en_confidence, title_en_long, summary_pt, "
	    "summary_en, problem_pt, problem_en, start_date, end_date, values_confidence, "
	    "self_status, self_percent, self_status_date, self_as_of_kind, self_source, "
	    "self_confidence, irm_verifiable, irm_relevant, irm_ambition, irm_potential_impact, "
	    "irm_potential_results, irm_promising, irm_completion, irm_early_results, cluster_pt,"
	    " cluster_en, irm_date, irm_results_date, irm_confidence, note_pt, note_en, "
	    "ogp_id_confidence, irm_early_results_confidence, irm_open_gov_lens)",
	[LD_COMMITMENT_ID] =
	    "SELECT id FROM commitment WHERE ogp_id = ?1",
	[LD_ROLE_UPSERT] =
	    "INSERT INTO commitment_entity (commitment_id, entity_id, role, position, confidence,"
	    " role_pt, role_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (commitment_id, "
	    "entity_id, role) DO UPDATE SET (position, confidence, role_pt, role_en) = "
	    "(coalesce(excluded.position, position), coalesce(excluded.confidence, confidence), "
	    "coalesce(excluded.role_pt, role_pt), coalesce(excluded.role_en, role_en)) WHERE "
	    "(coalesce(excluded.position, position), coalesce(excluded.confidence, confidence), "
	    "coalesce(excluded.role_pt, role_pt), coalesce(excluded.role_en, role_en)) IS NOT "
	    "(position, confidence, role_pt, role_en)",
	[LD_PARTY_CLEAR] =
	    "DELETE FROM commitment_party WHERE commitment_id = ?1",
	[LD_PARTY_ADD] =
	    "INSERT INTO commitment_party (commitment_id, entity_id, relation, position, note_pt,"
	    " note_en, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[LD_VALUE_ADD] =
	    "INSERT INTO commitment_value (commitment_id, value) VALUES (?1, ?2) ON CONFLICT DO "
	    "NOTHING",
	[LD_AREA_ADD] =
	    "INSERT INTO commitment_policy_area (commitment_id, policy_area_id) VALUES (?1, ?2) "
	    "ON CONFLICT DO NOTHING",
	[LD_MILESTONE_UPSERT] =
	    "INSERT INTO milestone (commitment_id, position, title_pt, title_en, title_pt_kind, "
	    "title_en_kind, planned_start, planned_end, progress, progress_as_of, "
	    "progress_as_of_kind, progress_source, progress_confidence) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT (commitment_id, position) DO "
	    "UPDATE SET (title_pt, title_en, title_pt_kind, title_en_kind, planned_start, "
	    "planned_end, progress, progress_as_of, progress_as_of_kind, progress_source, "
	    "progress_confidence) = (coalesce(excluded.title_pt, title_pt), "
	    "coalesce(excluded.title_en, title_en), coalesce(excluded.title_pt_kind, "
	    "title_pt_kind), coalesce(excluded.title_en_kind, title_en_kind), "
	    "coalesce(excluded.planned_start, planned_start), coalesce(excluded.planned_end, "
	    "planned_end), coalesce(excluded.progress, progress), "
	    "coalesce(excluded.progress_as_of, progress_as_of), "
	    "coalesce(excluded.progress_as_of_kind, progress_as_of_kind), "
	    "coalesce(excluded.progress_source, progress_source), "
	    "coalesce(excluded.progress_confidence, progress_confidence)), updated_at = "
	    "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE (coalesce(excluded.title_pt, title_pt), "
	    "coalesce(excluded.title_en, title_en), coalesce(excluded.title_pt_kind, "
	    "title_pt_kind), coalesce(excluded.title_en_kind, title_en_kind), "
	    "coalesce(excluded.planned_start, planned_start), coalesce(excluded.planned_end, "
	    "planned_end), coalesce(excluded.progress, progress), "
	    "coalesce(excluded.progress_as_of, progress_as_of), "
	    "coalesce(excluded.progress_as_of_kind, progress_as_of_kind), "
	    "coalesce(excluded.progress_source, progress_source), "
	    "coalesce(excluded.progress_confidence, progress_confidence)) IS NOT (title_pt, "
	    "title_en, title_pt_kind, title_en_kind, planned_start, planned_end, progress, "
	    "progress_as_of, progress_as_of_kind, progress_source, progress_confidence)",
	[LD_MILESTONE_ID] =
	    "SELECT id FROM milestone WHERE commitment_id = ?1 AND position = ?2",
	[LD_FIGURE_CLEAR] =
	    "DELETE FROM milestone_figure WHERE milestone_id = ?1",
	[LD_FIGURE_ADD] =
	    "INSERT INTO milestone_figure (milestone_id, position, percent, as_of, as_of_kind, "
	    "source, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[LD_ACTIVITY_CLEAR] =
	    "DELETE FROM activity WHERE commitment_id = ?1",
	[LD_ACTIVITY_ADD] =
	    "INSERT INTO activity (commitment_id, position, date, end_date, title_pt, "
	    "title_pt_kind, title_en, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[LD_LINK_FIND] =
	    "SELECT id FROM link WHERE kind = ?1 AND url = ?2 AND plan_id IS ?3 AND commitment_id"
	    " IS ?4 AND milestone_id IS ?5 AND entity_id IS ?6 AND event_id IS ?7 ORDER BY id "
	    "LIMIT 1",
	[LD_LINK_INSERT] =
	    "INSERT INTO link (kind, url, plan_id, commitment_id, milestone_id, entity_id, "
	    "event_id, position, label_pt, label_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	    "?10)",
	[LD_LINK_UPDATE] =
	    "UPDATE link SET (position, label_pt, label_en) = (min(position, ?2), coalesce(?3, "
	    "label_pt), coalesce(?4, label_en)) WHERE id = ?1 AND (min(position, ?2), "
	    "coalesce(?3, label_pt), coalesce(?4, label_en)) IS NOT (position, label_pt, "
	    "label_en)",
	[LD_EVENT_UPSERT] =
	    "INSERT INTO event (slug, title_pt, title_en, title_pt_kind, kind, start_date, "
	    "end_date, date_note_pt, date_note_en, date_confidence, status, place_pt, place_en, "
	    "online, organiser, organiser_id, url, plan_id, description_pt, description_en) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
	    "?18, ?19, ?20) ON CONFLICT (slug) DO UPDATE SET (title_pt, title_en, title_pt_kind, "
	    "kind, start_date, end_date, date_note_pt, date_note_en, date_confidence, status, "
	    "place_pt, place_en, online, organiser, organiser_id, url, plan_id, description_pt, "
	    "description_en) = (coalesce(excluded.title_pt, title_pt), "
	    "coalesce(excluded.title_en, title_en), coalesce(excluded.title_pt_kind, "
	    "title_pt_kind), coalesce(excluded.kind, kind), coalesce(excluded.start_date, "
	    "start_date), coalesce(excluded.end_date, end_date), coalesce(excluded.date_note_pt, "
	    "date_note_pt), coalesce(excluded.date_note_en, date_note_en), "
	    "coalesce(excluded.date_confidence, date_confidence), coalesce(excluded.status, "
	    "status), coalesce(excluded.place_pt, place_pt), coalesce(excluded.place_en, "
	    "place_en), coalesce(excluded.online, online), coalesce(excluded.organiser, "
	    "organiser), coalesce(excluded.organiser_id, organiser_id), coalesce(excluded.url, "
	    "url), coalesce(excluded.plan_id, plan_id), coalesce(excluded.description_pt, "
	    "description_pt), coalesce(excluded.description_en, description_en)), updated_at = "
	    "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE (coalesce(excluded.title_pt, title_pt), "
	    "coalesce(excluded.title_en, title_en), coalesce(excluded.title_pt_kind, "
	    "title_pt_kind), coalesce(excluded.kind, kind), coalesce(excluded.start_date, "
	    "start_date), coalesce(excluded.end_date, end_date), coalesce(excluded.date_note_pt, "
	    "date_note_pt), coalesce(excluded.date_note_en, date_note_en), "
	    "coalesce(excluded.date_confidence, date_confidence), coalesce(excluded.status, "
	    "status), coalesce(excluded.place_pt, place_pt), coalesce(excluded.place_en, "
	    "place_en), coalesce(excluded.online, online), coalesce(excluded.organiser, "
	    "organiser), coalesce(excluded.organiser_id, organiser_id), coalesce(excluded.url, "
	    "url), coalesce(excluded.plan_id, plan_id), coalesce(excluded.description_pt, "
	    "description_pt), coalesce(excluded.description_en, description_en)) IS NOT "
	    "(title_pt, title_en, title_pt_kind, kind, start_date, end_date, date_note_pt, "
	    "date_note_en, date_confidence, status, place_pt, place_en, online, organiser, "
	    "organiser_id, url, plan_id, description_pt, description_en)",
	[LD_EVENT_ID] =
	    "SELECT id FROM event WHERE slug = ?1",
	[LD_EVENT_CMT_CLEAR] =
	    "DELETE FROM event_commitment WHERE event_id = ?1",
	[LD_EVENT_CMT_ADD] =
	    "INSERT INTO event_commitment (event_id, commitment_id) VALUES (?1, ?2) ON CONFLICT "
	    "DO NOTHING",
	[LD_ORGANISER_CLEAR] =
	    "DELETE FROM event_organiser WHERE event_id = ?1",
	[LD_ORGANISER_ADD] =
	    "INSERT INTO event_organiser (event_id, entity_id, position) VALUES (?1, ?2, ?3) ON "
	    "CONFLICT DO NOTHING",
	[LD_RECORD_UPSERT] =
	    "INSERT INTO consultation_record (slug, title_pt, title_en, plan_id, opens, closes, "
	    "dates_confidence, status, where_url, organiser_id, description_pt, description_en, "
	    "outcome_pt, outcome_en, comments_received, sources) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) ON CONFLICT (slug) DO UPDATE SET "
	    "(title_pt, title_en, plan_id, opens, closes, dates_confidence, status, where_url, "
	    "organiser_id, description_pt, description_en, outcome_pt, outcome_en, "
	    "comments_received, sources) = (coalesce(excluded.title_pt, title_pt), "
	    "coalesce(excluded.title_en, title_en), coalesce(excluded.plan_id, plan_id), "
	    "coalesce(excluded.opens, opens), coalesce(excluded.closes, closes), "
	    "coalesce(excluded.dates_confidence, dates_confidence), coalesce(excluded.status, "
	    "status), coalesce(excluded.where_url, where_url), coalesce(excluded.organiser_id, "
	    "organiser_id), coalesce(excluded.description_pt, description_pt), "
	    "coalesce(excluded.description_en, description_en), coalesce(excluded.outcome_pt, "
	    "outcome_pt), coalesce(excluded.outcome_en, outcome_en), "
	    "coalesce(excluded.comments_received, comments_received), coalesce(excluded.sources, "
	    "sources)), updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE "
	    "(coalesce(excluded.title_pt, title_pt), coalesce(excluded.title_en, title_en), "
	    "coalesce(excluded.plan_id, plan_id), coalesce(excluded.opens, opens), "
	    "coalesce(excluded.closes, closes), coalesce(excluded.dates_confidence, "
	    "dates_confidence), coalesce(excluded.status, status), coalesce(excluded.where_url, "
	    "where_url), coalesce(excluded.organiser_id, organiser_id), "
	    "coalesce(excluded.description_pt, description_pt), coalesce(excluded.description_en,"
	    " description_en), coalesce(excluded.outcome_pt, outcome_pt), "
	    "coalesce(excluded.outcome_en, outcome_en), coalesce(excluded.comments_received, "
	    "comments_received), coalesce(excluded.sources, sources)) IS NOT (title_pt, title_en,"
	    " plan_id, opens, closes, dates_confidence, status, where_url, organiser_id, "
	    "description_pt, description_en, outcome_pt, outcome_en, comments_received, sources)",
	[LD_PAGE_UPSERT] =
	    "INSERT INTO page (slug, title_pt, title_en, body_pt, body_en) VALUES (?1, ?2, ?3, "
	    "?4, ?5) ON CONFLICT (slug) DO UPDATE SET (title_pt, title_en, body_pt, body_en) = "
	    "(coalesce(excluded.title_pt, title_pt), coalesce(excluded.title_en, title_en), "
	    "coalesce(excluded.body_pt, body_pt), coalesce(excluded.body_en, body_en)), "
	    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE (coalesce(excluded.title_pt,"
	    " title_pt), coalesce(excluded.title_en, title_en), coalesce(excluded.body_pt, "
	    "body_pt), coalesce(excluded.body_en, body_en)) IS NOT (title_pt, title_en, body_pt, "
	    "body_en)",
};
/* clang-format on */

STORE_TABLE(store_load, "load", STORE_RW, LD__MAX, load_sql);

sqlite3_stmt *
load_stmt(enum load_stmt id)
{
	return store_stmt(&store_load, id);
}

struct binder
load_bind(enum load_stmt id)
{
	struct binder b = { load_stmt(id), SQLITE_OK };

	return b;
}

void
load_bind_text(struct binder *b, int i, const char *s)
{
	int rc = s == NULL ? sqlite3_bind_null(b->st, i)
			   : sqlite3_bind_text(b->st, i, s, -1, SQLITE_TRANSIENT);

	if (b->rc == SQLITE_OK)
		b->rc = rc;
}

void
load_bind_int(struct binder *b, int i, long long v)
{
	int rc = v < 0 ? sqlite3_bind_null(b->st, i) : sqlite3_bind_int64(b->st, i, v);

	if (b->rc == SQLITE_OK)
		b->rc = rc;
}

int
load_run(struct binder *b, long long *id, char *err, size_t errlen)
{
	int rc = b->rc;

	*id = 0;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(b->st);
		if (rc == SQLITE_ROW)
			*id = sqlite3_column_int64(b->st, 0);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		snprintf(err, errlen, "%s", sqlite3_errmsg(sqlite3_db_handle(b->st)));
	sqlite3_reset(b->st);
	sqlite3_clear_bindings(b->st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}
