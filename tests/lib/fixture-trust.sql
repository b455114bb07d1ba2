-- The facts of migration 11 for the open data's tests (tests/request/test_data.c): a plan,
-- two commitments with milestones, two bodies, an event and a consultation held elsewhere,
-- each with every column of the migration set to a value of its own, so that each new
-- column of the exports can be checked against this file.  Its own plan (number 9) and
-- OGP ids (PT9901, PT9902), apart from the seed content.  Milestone PT9901/2 and
-- commitment PT9902 have figures without a date: their exports must say nothing of a
-- date, whatever the time the rows were written.  Every note column is set with a public
-- text ending in "(public note)": those are published; nothing else may be.
INSERT INTO entity (slug, acronym, name_pt, name_en, kind, is_member, member_status,
  member_confidence, note_pt, note_en)
  VALUES ('fx-body', 'FXB', 'Entidade de ensaio', 'Fixture body', 'public', 1, 'likely_member',
  'unconfirmed', 'Pertença indicada numa ata (public note)',
  'Membership stated in minutes (public note)');
INSERT INTO entity (slug, name_pt, name_en, kind, member_status, member_confidence)
  VALUES ('fx-partner', 'Parceira de ensaio', 'Fixture partner', 'civil_society', 'not_member',
  'confirmed');
INSERT INTO member_evidence (entity_id, position, date, source, note_pt, note_en)
  VALUES ((SELECT id FROM entity WHERE slug = 'fx-body'), 1, '2031-02-02',
  'https://fixture.example.org/minutes', 'Presente na reunião (public note)',
  'Present at the meeting (public note)');
INSERT INTO action_plan (number, title_pt, title_en, period_start, period_end, published, status,
  ogp_title, short_pt, implementation_start, implementation_end, published_confidence,
  commitment_count, milestone_count, note_pt, note_en)
  VALUES (9, 'Plano de ensaio', 'Fixture plan', '2030', '2032', '2030-09-01', 'implementation',
  'Portugal Action Plan 2030-2032 (fixture)', 'IX PANAA', '2030-10-01', '2032-09-30',
  'unconfirmed', 12, 40, 'Nota do plano (public note)', 'Note on the plan (public note)');
INSERT INTO plan_completion (plan_id, position, percent, as_of, as_of_kind, source, confidence,
  note_pt, note_en) VALUES
  ((SELECT id FROM action_plan WHERE number = 9), 1, 40, '2031-03-31', 'stated',
   'https://fixture.example.org/completion-1', 'confirmed', 'A meio (public note)',
   'Halfway (public note)'),
  ((SELECT id FROM action_plan WHERE number = 9), 2, 67, '2032-09-30', 'publication',
   'https://fixture.example.org/completion-2', 'unconfirmed', 'Ao fecho (public note)',
   'At close (public note)'),
  ((SELECT id FROM action_plan WHERE number = 9), 3, NULL, NULL, 'unknown',
   'https://fixture.example.org/completion-3', 'inferred', NULL, NULL);
INSERT INTO plan_assessment (plan_id, position, assessor, report_kind, date, summary_pt,
  summary_en, source) VALUES
  ((SELECT id FROM action_plan WHERE number = 9), 1, 'irm', 'results_report', '2033-01-15',
   'Sete de nove concluídos.', 'Seven of nine complete.', 'https://fixture.example.org/irm');
INSERT INTO plan_document (plan_id, position, kind, url, title_pt, title_en, date, listed_on,
  note_pt, note_en) VALUES
  ((SELECT id FROM action_plan WHERE number = 9), 1, 'plan_text',
   'https://fixture.example.org/plan.pdf', 'Texto do plano', 'Plan text', '2030-09-01',
   'https://fixture.example.org/list-1' || char(10) || 'https://fixture.example.org/list-2',
   'O texto oficial (public note)', 'The official text (public note)'),
  ((SELECT id FROM action_plan WHERE number = 9), 2, 'irm_results_report', NULL,
   'Relatório de resultados', 'Results report', '2033-01-15',
   'https://fixture.example.org/list-3', NULL, NULL);
INSERT INTO commitment (ogp_id, plan_id, number, title_pt, title_en, self_status,
  self_status_date, note_pt, note_en, ogp_id_confidence, title_pt_kind, title_pt_confidence,
  title_en_kind, title_en_confidence, title_en_long, values_confidence, self_percent,
  self_as_of_kind, self_source, self_confidence, irm_date, irm_results_date, irm_confidence,
  irm_early_results_confidence, irm_open_gov_lens)
  VALUES ('PT9901', (SELECT id FROM action_plan WHERE number = 9), 1, 'Compromisso de ensaio',
  'Fixture commitment', 'limited', '2031-06-30', 'Nota do compromisso (public note)',
  'Note on the commitment (public note)', 'inferred', 'official', 'confirmed', 'translation',
  'unconfirmed', 'The long title of the fixture commitment', 'unconfirmed', 35, 'not_before',
  'https://fixture.example.org/self', 'unconfirmed', '2031-02-01', '2033-01-15', 'confirmed',
  'inferred', 1);
INSERT INTO commitment (ogp_id, plan_id, number, title_pt, title_en)
  VALUES ('PT9902', (SELECT id FROM action_plan WHERE number = 9), 2, 'Segundo compromisso',
  'Second commitment');
INSERT INTO commitment_entity (commitment_id, entity_id, role, position, confidence, role_pt,
  role_en) VALUES
  ((SELECT id FROM commitment WHERE ogp_id = 'PT9901'),
   (SELECT id FROM entity WHERE slug = 'fx-body'), 'lead', 1, 'unconfirmed',
   'coordenação técnica', 'technical coordination'),
  ((SELECT id FROM commitment WHERE ogp_id = 'PT9901'),
   (SELECT id FROM entity WHERE slug = 'fx-partner'), 'support', 1, 'inferred', NULL, NULL);
INSERT INTO commitment_party (commitment_id, entity_id, relation, position, note_pt, note_en,
  source) VALUES
  ((SELECT id FROM commitment WHERE ogp_id = 'PT9901'),
   (SELECT id FROM entity WHERE slug = 'fx-partner'), 'partner', 1,
   'Parceira num webinar (public note)', 'Partner in a webinar (public note)',
   'https://fixture.example.org/webinar');
INSERT INTO activity (commitment_id, position, date, end_date, title_pt, title_pt_kind,
  title_en, source) VALUES
  ((SELECT id FROM commitment WHERE ogp_id = 'PT9901'), 1, '2031-03-15', '2031-03-16',
   'Webinar de ensaio', 'paraphrase', 'Fixture webinar', 'https://fixture.example.org/activity');
INSERT INTO milestone (commitment_id, position, title_pt, title_en, status, progress,
  progress_as_of, progress_source, title_pt_kind, title_en_kind, progress_as_of_kind,
  progress_confidence) VALUES
  ((SELECT id FROM commitment WHERE ogp_id = 'PT9901'), 1, 'Marco datado', 'Dated milestone',
   'in_progress', 50, '2031-06-30', 'https://fixture.example.org/m1', 'official', 'translation',
   'stated', 'confirmed'),
  ((SELECT id FROM commitment WHERE ogp_id = 'PT9901'), 2, 'Marco sem data',
   'Undated milestone', 'in_progress', 20, NULL, 'https://fixture.example.org/m2', 'official',
   'paraphrase', 'unknown', 'unconfirmed'),
  ((SELECT id FROM commitment WHERE ogp_id = 'PT9901'), 3, 'Marco sem valor',
   'Milestone without a figure', 'not_started', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  ((SELECT id FROM commitment WHERE ogp_id = 'PT9902'), 1, 'Só sem data', 'Undated only',
   'in_progress', 10, NULL, 'https://fixture.example.org/m4', NULL, NULL, 'unknown',
   'inferred');
INSERT INTO milestone_figure (milestone_id, position, percent, as_of, as_of_kind, source,
  confidence) VALUES
  ((SELECT m.id FROM milestone m JOIN commitment c ON c.id = m.commitment_id
    WHERE c.ogp_id = 'PT9901' AND m.position = 1), 1, 30, '2030-12-31', 'approximate',
   'https://fixture.example.org/figure-1', 'unconfirmed');
INSERT INTO event (title_pt, title_en, kind, start_date, slug, status, date_confidence,
  title_pt_kind, plan_id, organiser_id)
  VALUES ('Evento de ensaio', 'Fixture event', 'webinar', '2031-05-05', 'fx-event', 'held',
  'unconfirmed', 'translation', (SELECT id FROM action_plan WHERE number = 9),
  (SELECT id FROM entity WHERE slug = 'fx-body'));
INSERT INTO event_commitment (event_id, commitment_id) VALUES
  ((SELECT id FROM event WHERE slug = 'fx-event'),
   (SELECT id FROM commitment WHERE ogp_id = 'PT9901'));
INSERT INTO event_organiser (event_id, entity_id, position) VALUES
  ((SELECT id FROM event WHERE slug = 'fx-event'),
   (SELECT id FROM entity WHERE slug = 'fx-partner'), 1);
INSERT INTO consultation_record (slug, title_pt, title_en, plan_id, opens, closes,
  dates_confidence, status, where_url, organiser_id, description_pt, description_en,
  outcome_pt, outcome_en, comments_received, sources)
  VALUES ('fx-consulta', 'Consulta de ensaio', 'Fixture consultation',
  (SELECT id FROM action_plan WHERE number = 9), '2030-05-01', '2030-05-31', 'unconfirmed',
  'held', 'https://participa.fixture.example.org/x', (SELECT id FROM entity WHERE slug = 'fx-body'),
  'O que se perguntou.', 'What was asked.', 'O que resultou.', 'What came of it.', 12,
  'https://fixture.example.org/s1' || char(9) || 'Fonte um' || char(10) ||
  'https://fixture.example.org/s2' || char(9) || 'Fonte dois');
