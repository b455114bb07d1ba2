-- Migration 4: full-text search over plans, commitments, milestones, bodies, events and
-- text pages, in both languages, accent- and case-insensitive (unicode61 with
-- remove_diacritics 2: "participação" and "PARTICIPACAO" are the same word).
--
-- One FTS5 table holds one row per record and language.  It keeps its own copy of the
-- text it indexes (snippet() and highlight() need it, and the indexed text is composed
-- from several columns, so neither a contentless nor an external-content table over one
-- content table fits).  Triggers on the content tables keep it in step with every
-- insert, update and delete, in the same transaction as the change: it is never rebuilt
-- by hand.  FTS5 is not an "innocuous" virtual table, so writing it from a trigger needs
-- trusted_schema ON on the connection that writes (see db_open); readers keep it OFF.
--
-- Rowids are deterministic, so a trigger finds the rows of a record without a scan:
--   id * 16 + kind * 2 + (lang = 'en'), kind: 1 plan, 2 commitment, 3 milestone,
--   4 entity, 5 event;
--   text pages (keyed by slug, with no stable integer id) take rowids from 2^60 up and
--   are found by that range and their ref.

CREATE VIRTUAL TABLE search USING fts5(
  kind UNINDEXED,   -- what the record is: plan, commitment, milestone, entity, event, page
  ref UNINDEXED,    -- the record's key: its id (integer), or the slug of a page
  lang UNINDEXED,   -- the language of title and body: pt or en
  title,            -- its title (a body's name) in that language
  body,             -- its other texts in that language (summary, problem, description...)
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

-- Plans: title; summary and how the plan was made.
CREATE TRIGGER action_plan_search_insert AFTER INSERT ON action_plan BEGIN
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 2, 'plan', new.id, 'pt', new.title_pt,
     coalesce(new.summary_pt, '') || char(10) || coalesce(new.cocreation_pt, '')),
    (new.id * 16 + 3, 'plan', new.id, 'en', new.title_en,
     coalesce(new.summary_en, '') || char(10) || coalesce(new.cocreation_en, ''));
END;
CREATE TRIGGER action_plan_search_update AFTER UPDATE ON action_plan BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 2 AND old.id * 16 + 3;
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 2, 'plan', new.id, 'pt', new.title_pt,
     coalesce(new.summary_pt, '') || char(10) || coalesce(new.cocreation_pt, '')),
    (new.id * 16 + 3, 'plan', new.id, 'en', new.title_en,
     coalesce(new.summary_en, '') || char(10) || coalesce(new.cocreation_en, ''));
END;
CREATE TRIGGER action_plan_search_delete AFTER DELETE ON action_plan BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 2 AND old.id * 16 + 3;
END;

-- Commitments: title; summary, problem, IRM cluster and the OGP id.
CREATE TRIGGER commitment_search_insert AFTER INSERT ON commitment BEGIN
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 4, 'commitment', new.id, 'pt', new.title_pt,
     coalesce(new.summary_pt, '') || char(10) || coalesce(new.problem_pt, '') || char(10) ||
     coalesce(new.cluster_pt, '') || char(10) || new.ogp_id),
    (new.id * 16 + 5, 'commitment', new.id, 'en', new.title_en,
     coalesce(new.summary_en, '') || char(10) || coalesce(new.problem_en, '') || char(10) ||
     coalesce(new.cluster_en, '') || char(10) || new.ogp_id);
END;
CREATE TRIGGER commitment_search_update AFTER UPDATE ON commitment BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 4 AND old.id * 16 + 5;
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 4, 'commitment', new.id, 'pt', new.title_pt,
     coalesce(new.summary_pt, '') || char(10) || coalesce(new.problem_pt, '') || char(10) ||
     coalesce(new.cluster_pt, '') || char(10) || new.ogp_id),
    (new.id * 16 + 5, 'commitment', new.id, 'en', new.title_en,
     coalesce(new.summary_en, '') || char(10) || coalesce(new.problem_en, '') || char(10) ||
     coalesce(new.cluster_en, '') || char(10) || new.ogp_id);
END;
CREATE TRIGGER commitment_search_delete AFTER DELETE ON commitment BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 4 AND old.id * 16 + 5;
END;

-- Milestones: title only.
CREATE TRIGGER milestone_search_insert AFTER INSERT ON milestone BEGIN
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 6, 'milestone', new.id, 'pt', new.title_pt, ''),
    (new.id * 16 + 7, 'milestone', new.id, 'en', new.title_en, '');
END;
CREATE TRIGGER milestone_search_update AFTER UPDATE ON milestone BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 6 AND old.id * 16 + 7;
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 6, 'milestone', new.id, 'pt', new.title_pt, ''),
    (new.id * 16 + 7, 'milestone', new.id, 'en', new.title_en, '');
END;
CREATE TRIGGER milestone_search_delete AFTER DELETE ON milestone BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 6 AND old.id * 16 + 7;
END;

-- Bodies: name (else the acronym); the acronym and the description.
CREATE TRIGGER entity_search_insert AFTER INSERT ON entity BEGIN
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 8, 'entity', new.id, 'pt', coalesce(new.name_pt, new.name_en, new.acronym),
     coalesce(new.acronym, '') || char(10) || coalesce(new.description_pt, '')),
    (new.id * 16 + 9, 'entity', new.id, 'en', coalesce(new.name_en, new.name_pt, new.acronym),
     coalesce(new.acronym, '') || char(10) || coalesce(new.description_en, ''));
END;
CREATE TRIGGER entity_search_update AFTER UPDATE ON entity BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 8 AND old.id * 16 + 9;
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 8, 'entity', new.id, 'pt', coalesce(new.name_pt, new.name_en, new.acronym),
     coalesce(new.acronym, '') || char(10) || coalesce(new.description_pt, '')),
    (new.id * 16 + 9, 'entity', new.id, 'en', coalesce(new.name_en, new.name_pt, new.acronym),
     coalesce(new.acronym, '') || char(10) || coalesce(new.description_en, ''));
END;
CREATE TRIGGER entity_search_delete AFTER DELETE ON entity BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 8 AND old.id * 16 + 9;
END;

-- Events: title; description, place and organiser.
CREATE TRIGGER event_search_insert AFTER INSERT ON event BEGIN
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 10, 'event', new.id, 'pt', new.title_pt,
     coalesce(new.description_pt, '') || char(10) || coalesce(new.place_pt, '') || char(10) ||
     coalesce(new.organiser, '')),
    (new.id * 16 + 11, 'event', new.id, 'en', new.title_en,
     coalesce(new.description_en, '') || char(10) || coalesce(new.place_en, '') || char(10) ||
     coalesce(new.organiser, ''));
END;
CREATE TRIGGER event_search_update AFTER UPDATE ON event BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 10 AND old.id * 16 + 11;
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 10, 'event', new.id, 'pt', new.title_pt,
     coalesce(new.description_pt, '') || char(10) || coalesce(new.place_pt, '') || char(10) ||
     coalesce(new.organiser, '')),
    (new.id * 16 + 11, 'event', new.id, 'en', new.title_en,
     coalesce(new.description_en, '') || char(10) || coalesce(new.place_en, '') || char(10) ||
     coalesce(new.organiser, ''));
END;
CREATE TRIGGER event_search_delete AFTER DELETE ON event BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 10 AND old.id * 16 + 11;
END;

-- Text pages: title; body.  Rowids from 2^60 = 1152921504606846976, the next free ones.
CREATE TRIGGER page_search_insert AFTER INSERT ON page BEGIN
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (coalesce((SELECT max(rowid) FROM search WHERE rowid >= 1152921504606846976),
     1152921504606846975) + 1, 'page', new.slug, 'pt', new.title_pt, new.body_pt);
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    ((SELECT max(rowid) FROM search WHERE rowid >= 1152921504606846976) + 1, 'page',
     new.slug, 'en', new.title_en, new.body_en);
END;
CREATE TRIGGER page_search_update AFTER UPDATE ON page BEGIN
  DELETE FROM search WHERE rowid >= 1152921504606846976 AND ref = old.slug;
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (coalesce((SELECT max(rowid) FROM search WHERE rowid >= 1152921504606846976),
     1152921504606846975) + 1, 'page', new.slug, 'pt', new.title_pt, new.body_pt);
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    ((SELECT max(rowid) FROM search WHERE rowid >= 1152921504606846976) + 1, 'page',
     new.slug, 'en', new.title_en, new.body_en);
END;
CREATE TRIGGER page_search_delete AFTER DELETE ON page BEGIN
  DELETE FROM search WHERE rowid >= 1152921504606846976 AND ref = old.slug;
END;

-- The rows that exist now, through the same expressions.
INSERT INTO search (rowid, kind, ref, lang, title, body)
  SELECT id * 16 + 2, 'plan', id, 'pt', title_pt,
    coalesce(summary_pt, '') || char(10) || coalesce(cocreation_pt, '') FROM action_plan
  UNION ALL SELECT id * 16 + 3, 'plan', id, 'en', title_en,
    coalesce(summary_en, '') || char(10) || coalesce(cocreation_en, '') FROM action_plan;
INSERT INTO search (rowid, kind, ref, lang, title, body)
  SELECT id * 16 + 4, 'commitment', id, 'pt', title_pt,
    coalesce(summary_pt, '') || char(10) || coalesce(problem_pt, '') || char(10) ||
    coalesce(cluster_pt, '') || char(10) || ogp_id FROM commitment
  UNION ALL SELECT id * 16 + 5, 'commitment', id, 'en', title_en,
    coalesce(summary_en, '') || char(10) || coalesce(problem_en, '') || char(10) ||
    coalesce(cluster_en, '') || char(10) || ogp_id FROM commitment;
INSERT INTO search (rowid, kind, ref, lang, title, body)
  SELECT id * 16 + 6, 'milestone', id, 'pt', title_pt, '' FROM milestone
  UNION ALL SELECT id * 16 + 7, 'milestone', id, 'en', title_en, '' FROM milestone;
INSERT INTO search (rowid, kind, ref, lang, title, body)
  SELECT id * 16 + 8, 'entity', id, 'pt', coalesce(name_pt, name_en, acronym),
    coalesce(acronym, '') || char(10) || coalesce(description_pt, '') FROM entity
  UNION ALL SELECT id * 16 + 9, 'entity', id, 'en', coalesce(name_en, name_pt, acronym),
    coalesce(acronym, '') || char(10) || coalesce(description_en, '') FROM entity;
INSERT INTO search (rowid, kind, ref, lang, title, body)
  SELECT id * 16 + 10, 'event', id, 'pt', title_pt,
    coalesce(description_pt, '') || char(10) || coalesce(place_pt, '') || char(10) ||
    coalesce(organiser, '') FROM event
  UNION ALL SELECT id * 16 + 11, 'event', id, 'en', title_en,
    coalesce(description_en, '') || char(10) || coalesce(place_en, '') || char(10) ||
    coalesce(organiser, '') FROM event;
INSERT INTO search (rowid, kind, ref, lang, title, body)
  SELECT 1152921504606846976 + 2 * (row_number() OVER (ORDER BY slug) - 1), 'page', slug,
    'pt', title_pt, body_pt FROM page
  UNION ALL SELECT 1152921504606846977 + 2 * (row_number() OVER (ORDER BY slug) - 1), 'page',
    slug, 'en', title_en, body_en FROM page;
