-- Migration 11: what the content file aberta-content/2 states about each fact (how sure
-- it is, where a title comes from, when a figure was true and how that date is known),
-- the records it keeps apart (a plan's documents, assessments and completion figures, a
-- commitment's partners, proposers and reported activities, a milestone's earlier
-- figures, consultations held elsewhere, the network itself) and the event kinds it uses.
--
-- Confidence codes (domain "confidence"): confirmed (a source read says so), unconfirmed
-- (the source is uncertain, indirect or not re-verified), inferred (deduced, e.g. an OGP
-- id guessed from the order of commitments).  NULL: does not apply (the fact is NULL).
-- Text kinds (domain "text_kind"): official, translation (of the official text in the
-- other language), paraphrase (a short wording of ours).
-- As-of kinds (domain "as_of_kind"): how the date of a figure was established: stated
-- (the source dates the figure), publication (the date of the report that holds it),
-- not_before (published on or after that date), approximate (dated by its context),
-- unknown (no date: as_of is NULL).  The date a row was imported or edited is never a
-- figure's date.
-- Migrations run with foreign keys off (db_migrate checks them before each commit), so
-- the event table is rebuilt below without its links following the old table away.

-- Bodies: membership as the sources state it.
ALTER TABLE entity ADD COLUMN member_status TEXT CHECK (member_status IS NULL OR member_status IN
  ('founding_member','member','likely_member','not_member','unknown'));
                                                       -- membership of the network; NULL: not recorded
ALTER TABLE entity ADD COLUMN member_confidence TEXT CHECK (member_confidence IS NULL OR
  member_confidence IN ('confirmed','unconfirmed','inferred')); -- how sure member_status is
ALTER TABLE entity ADD COLUMN parent_id INTEGER REFERENCES entity(id) ON DELETE SET NULL;
                                                       -- the body it belongs to, if any

-- Evidence of a body's part in the network (its presence at meetings...).
CREATE TABLE member_evidence (
  entity_id    INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE, -- the body
  position     INTEGER NOT NULL,                       -- order, from 1
  date         TEXT,                                   -- ISO date of the evidence
  source       TEXT CHECK (source IS NULL OR source GLOB 'http*://*'), -- where it is stated
  note_pt      TEXT,                                   -- what it shows, Portuguese
  note_en      TEXT,                                   -- the same in English
  PRIMARY KEY (entity_id, position)
) WITHOUT ROWID;

-- Plans: the OGP title and short name, the implementation period, how sure the
-- publication date is, the latest self-reported completion and a public note.
ALTER TABLE action_plan ADD COLUMN ogp_title TEXT;         -- the plan's title on OGP's site
ALTER TABLE action_plan ADD COLUMN short_pt TEXT;          -- short name, Portuguese (I PANAA)
ALTER TABLE action_plan ADD COLUMN implementation_start TEXT; -- ISO date implementation starts
ALTER TABLE action_plan ADD COLUMN implementation_end TEXT;   -- ISO date implementation ends
ALTER TABLE action_plan ADD COLUMN published_confidence TEXT CHECK (published_confidence IS NULL
  OR published_confidence IN ('confirmed','unconfirmed','inferred')); -- how sure published is
ALTER TABLE action_plan ADD COLUMN commitment_count INTEGER; -- commitments the plan states it has
ALTER TABLE action_plan ADD COLUMN milestone_count INTEGER;  -- milestones it states it has
ALTER TABLE action_plan ADD COLUMN note_pt TEXT;           -- public note about the data, Portuguese
ALTER TABLE action_plan ADD COLUMN note_en TEXT;           -- the same in English

-- Self-reported completion of a plan as a whole, every figure with its date and source;
-- the latest by as_of is the plan's current one.
CREATE TABLE plan_completion (
  plan_id      INTEGER NOT NULL REFERENCES action_plan(id) ON DELETE CASCADE, -- the plan
  position     INTEGER NOT NULL,                       -- order, from 1 (oldest first)
  percent      INTEGER CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
                                                       -- completion; NULL: the source gives a count
  as_of        TEXT,                                   -- ISO date the figure refers to
  as_of_kind   TEXT NOT NULL CHECK (as_of_kind IN
               ('stated','publication','not_before','approximate','unknown')), -- how as_of is known
  source       TEXT NOT NULL CHECK (source GLOB 'http*://*'), -- the page that reports it
  confidence   TEXT NOT NULL CHECK (confidence IN ('confirmed','unconfirmed','inferred')),
  note_pt      TEXT,                                   -- what the figure means, Portuguese
  note_en      TEXT,                                   -- the same in English
  PRIMARY KEY (plan_id, position)
) WITHOUT ROWID;

-- Reports that assess a plan: the IRM's and the government's own.
CREATE TABLE plan_assessment (
  plan_id      INTEGER NOT NULL REFERENCES action_plan(id) ON DELETE CASCADE, -- the plan
  position     INTEGER NOT NULL,                       -- order, from 1
  assessor     TEXT NOT NULL CHECK (assessor IN ('irm','government','other')), -- who assessed
  report_kind  TEXT NOT NULL CHECK (report_kind IN ('design_report','action_plan_review',
               'results_report','transitional_results_report','self_assessment',
               'co_creation_brief','other')),     -- what kind of report
  date         TEXT,                                   -- ISO date of the report
  summary_pt   TEXT,                                   -- what it found, Portuguese
  summary_en   TEXT,                                   -- the same in English
  source       TEXT CHECK (source IS NULL OR source GLOB 'http*://*'), -- the report
  PRIMARY KEY (plan_id, position)
) WITHOUT ROWID;

-- A plan's documents, each of its kind; url NULL when only pages listing it are known.
CREATE TABLE plan_document (
  plan_id      INTEGER NOT NULL REFERENCES action_plan(id) ON DELETE CASCADE, -- the plan
  position     INTEGER NOT NULL,                       -- order, from 1
  kind         TEXT NOT NULL CHECK (kind IN ('plan_text','plan_copy','news','self_assessment',
               'irm_design_report','irm_action_plan_review','irm_results_report',
               'irm_transitional_results_report','other')), -- what the document is
  url          TEXT CHECK (url IS NULL OR url GLOB 'http*://*'), -- its address; NULL: not found
  title_pt     TEXT,                                   -- title, Portuguese
  title_en     TEXT,                                   -- title, English
  date         TEXT,                                   -- ISO date of the document
  listed_on    TEXT,                                   -- pages that link to it, one address a line
  note_pt      TEXT,                                   -- note, Portuguese
  note_en      TEXT,                                   -- note, English
  PRIMARY KEY (plan_id, position)
) WITHOUT ROWID;

-- Commitments: how sure the OGP id, the titles and the values are; where the titles come
-- from; the commitment-level self-reported figure; the dates and confidence of the IRM's
-- assessment.
ALTER TABLE commitment ADD COLUMN ogp_id_confidence TEXT NOT NULL DEFAULT 'confirmed'
  CHECK (ogp_id_confidence IN ('confirmed','unconfirmed','inferred')); -- how sure ogp_id is
ALTER TABLE commitment ADD COLUMN title_pt_kind TEXT CHECK (title_pt_kind IS NULL OR
  title_pt_kind IN ('official','translation','paraphrase')); -- where title_pt comes from
ALTER TABLE commitment ADD COLUMN title_pt_confidence TEXT CHECK (title_pt_confidence IS NULL OR
  title_pt_confidence IN ('confirmed','unconfirmed','inferred')); -- how sure title_pt is
ALTER TABLE commitment ADD COLUMN title_en_kind TEXT CHECK (title_en_kind IS NULL OR
  title_en_kind IN ('official','translation','paraphrase')); -- where title_en comes from
ALTER TABLE commitment ADD COLUMN title_en_confidence TEXT CHECK (title_en_confidence IS NULL OR
  title_en_confidence IN ('confirmed','unconfirmed','inferred')); -- how sure title_en is
ALTER TABLE commitment ADD COLUMN title_en_long TEXT;  -- the long English title, if any
ALTER TABLE commitment ADD COLUMN values_confidence TEXT CHECK (values_confidence IS NULL OR
  values_confidence IN ('confirmed','unconfirmed','inferred')); -- how sure the OGP values are
ALTER TABLE commitment ADD COLUMN self_percent INTEGER CHECK (self_percent IS NULL OR
  self_percent BETWEEN 0 AND 100);                    -- self-reported progress, percent
ALTER TABLE commitment ADD COLUMN self_as_of_kind TEXT CHECK (self_as_of_kind IS NULL OR
  self_as_of_kind IN ('stated','publication','not_before','approximate','unknown'));
                                                       -- how self_status_date is known
ALTER TABLE commitment ADD COLUMN self_source TEXT CHECK (self_source IS NULL OR
  self_source GLOB 'http*://*');                      -- the page that reports the self status
ALTER TABLE commitment ADD COLUMN self_confidence TEXT CHECK (self_confidence IS NULL OR
  self_confidence IN ('confirmed','unconfirmed','inferred')); -- how sure that report is
ALTER TABLE commitment ADD COLUMN irm_date TEXT;       -- ISO date of the IRM design assessment
ALTER TABLE commitment ADD COLUMN irm_results_date TEXT; -- ISO date of the IRM results report
ALTER TABLE commitment ADD COLUMN irm_confidence TEXT CHECK (irm_confidence IS NULL OR
  irm_confidence IN ('confirmed','unconfirmed','inferred')); -- how sure the IRM values are

-- Leads and supporters: how sure each role is, and a public precision on it.
ALTER TABLE commitment_entity ADD COLUMN confidence TEXT NOT NULL DEFAULT 'confirmed'
  CHECK (confidence IN ('confirmed','unconfirmed','inferred')); -- how sure the role is
ALTER TABLE commitment_entity ADD COLUMN role_pt TEXT; -- precision on the role, Portuguese
ALTER TABLE commitment_entity ADD COLUMN role_en TEXT; -- the same in English

-- Bodies related to a commitment without leading or supporting it: partners in one of
-- its activities, and those who proposed it.
CREATE TABLE commitment_party (
  commitment_id INTEGER NOT NULL REFERENCES commitment(id) ON DELETE CASCADE, -- the commitment
  entity_id    INTEGER NOT NULL REFERENCES entity(id) ON DELETE RESTRICT, -- the body
  relation     TEXT NOT NULL CHECK (relation IN ('partner','proposer')), -- how it is related
  position     INTEGER NOT NULL DEFAULT 0,             -- order as given in the source
  note_pt      TEXT,                                   -- what it did, Portuguese
  note_en      TEXT,                                   -- the same in English
  source       TEXT CHECK (source IS NULL OR source GLOB 'http*://*'), -- where it is stated
  PRIMARY KEY (commitment_id, entity_id, relation)
) WITHOUT ROWID;
CREATE INDEX commitment_party_entity ON commitment_party(entity_id);

-- Dated actions reported under a commitment.
CREATE TABLE activity (
  commitment_id INTEGER NOT NULL REFERENCES commitment(id) ON DELETE CASCADE, -- the commitment
  position     INTEGER NOT NULL,                       -- order, from 1
  date         TEXT NOT NULL,                          -- ISO date (or start date)
  end_date     TEXT,                                   -- ISO end date when it spans days
  title_pt     TEXT,                                   -- what was done, Portuguese
  title_pt_kind TEXT CHECK (title_pt_kind IS NULL OR title_pt_kind IN
               ('official','translation','paraphrase')), -- where title_pt comes from
  title_en     TEXT,                                   -- the same in English
  source       TEXT CHECK (source IS NULL OR source GLOB 'http*://*'), -- where it is reported
  PRIMARY KEY (commitment_id, position)
) WITHOUT ROWID;

-- Milestones: where the titles come from; how the figure's date is known and how sure
-- the figure is (progress_source is the address of the page that reports it).
ALTER TABLE milestone ADD COLUMN title_pt_kind TEXT CHECK (title_pt_kind IS NULL OR
  title_pt_kind IN ('official','translation','paraphrase')); -- where title_pt comes from
ALTER TABLE milestone ADD COLUMN title_en_kind TEXT CHECK (title_en_kind IS NULL OR
  title_en_kind IN ('official','translation','paraphrase')); -- where title_en comes from
ALTER TABLE milestone ADD COLUMN progress_as_of_kind TEXT CHECK (progress_as_of_kind IS NULL OR
  progress_as_of_kind IN ('stated','publication','not_before','approximate','unknown'));
                                                       -- how progress_as_of is known
ALTER TABLE milestone ADD COLUMN progress_confidence TEXT CHECK (progress_confidence IS NULL OR
  progress_confidence IN ('confirmed','unconfirmed','inferred')); -- how sure the figure is

-- Earlier progress figures of a milestone, kept as published.
CREATE TABLE milestone_figure (
  milestone_id INTEGER NOT NULL REFERENCES milestone(id) ON DELETE CASCADE, -- the milestone
  position     INTEGER NOT NULL,                       -- order, from 1 (oldest first)
  percent      INTEGER CHECK (percent IS NULL OR percent BETWEEN 0 AND 100), -- the figure
  as_of        TEXT,                                   -- ISO date it refers to
  as_of_kind   TEXT NOT NULL CHECK (as_of_kind IN
               ('stated','publication','not_before','approximate','unknown')), -- how as_of is known
  source       TEXT NOT NULL CHECK (source GLOB 'http*://*'), -- the page that reported it
  confidence   TEXT NOT NULL CHECK (confidence IN ('confirmed','unconfirmed','inferred')),
  PRIMARY KEY (milestone_id, position)
) WITHOUT ROWID;

-- The progress aggregates per commitment (migration 8) now keep the span of the dates
-- the figures rest on, and count the figures without a date; the day a milestone was
-- last changed is no longer taken for the date of its figure.
DROP TRIGGER milestone_progress_insert;
DROP TRIGGER milestone_progress_update;
DROP TRIGGER milestone_progress_delete;
DROP VIEW commitment_progress_now;
DROP TABLE commitment_progress;
CREATE VIEW commitment_progress_now AS
  SELECT c.id AS commitment_id, count(m.id) AS total, count(m.progress) AS known,
    total(m.progress) AS sum,
    max(CASE WHEN m.progress IS NOT NULL THEN m.progress_as_of END) AS as_of,
    min(CASE WHEN m.progress IS NOT NULL THEN m.progress_as_of END) AS as_of_min,
    count(CASE WHEN m.progress IS NOT NULL AND m.progress_as_of IS NULL THEN 1 END) AS undated
  FROM commitment c LEFT JOIN milestone m ON m.commitment_id = c.id GROUP BY c.id;
CREATE TABLE commitment_progress (
  commitment_id INTEGER PRIMARY KEY,  -- the commitment (no foreign key: the triggers keep it)
  total         INTEGER NOT NULL,     -- count of its milestones
  known         INTEGER NOT NULL,     -- count of those with a progress figure
  sum           REAL NOT NULL,        -- sum of those figures (total(): 0.0 for none)
  as_of         TEXT,                 -- latest date of the figures (progress_as_of); NULL: none dated
  as_of_min     TEXT,                 -- earliest date of the figures; NULL: none dated
  undated       INTEGER NOT NULL      -- count of figures without a date
);
INSERT INTO commitment_progress SELECT * FROM commitment_progress_now WHERE total > 0;
CREATE TRIGGER milestone_progress_insert AFTER INSERT ON milestone BEGIN
  INSERT OR REPLACE INTO commitment_progress
    SELECT * FROM commitment_progress_now WHERE commitment_id = new.commitment_id;
END;
CREATE TRIGGER milestone_progress_update
  AFTER UPDATE OF commitment_id, progress, progress_as_of ON milestone BEGIN
  INSERT OR REPLACE INTO commitment_progress SELECT * FROM commitment_progress_now
    WHERE commitment_id IN (new.commitment_id, old.commitment_id);
END;
CREATE TRIGGER milestone_progress_delete AFTER DELETE ON milestone BEGIN
  INSERT OR REPLACE INTO commitment_progress
    SELECT * FROM commitment_progress_now WHERE commitment_id = old.commitment_id;
END;

-- Consultations held elsewhere (on Participa.gov.pt, OGP's site, the national portal),
-- kept as records: their dates, address and outcome.  Only a row of consultation (migration
-- 6) takes proposals and comments on this site.
CREATE TABLE consultation_record (
  id           INTEGER PRIMARY KEY,                    -- internal id
  slug         TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80
               AND slug NOT GLOB '*[^a-z0-9-]*'),      -- stable key
  title_pt     TEXT,                                   -- title, Portuguese
  title_en     TEXT,                                   -- title, English
  plan_id      INTEGER REFERENCES action_plan(id) ON DELETE SET NULL, -- the plan it was about
  opens        TEXT,                                   -- ISO date it opened; NULL: not recorded
  closes       TEXT,                                   -- ISO date it closed; NULL: not recorded
  dates_confidence TEXT NOT NULL DEFAULT 'confirmed' CHECK (dates_confidence IN
               ('confirmed','unconfirmed','inferred')), -- how sure the dates are
  status       TEXT NOT NULL CHECK (status IN ('held','announced')), -- held, or announced
  where_url    TEXT CHECK (where_url IS NULL OR where_url GLOB 'http*://*'), -- where it was held
  organiser_id INTEGER REFERENCES entity(id) ON DELETE SET NULL, -- who held it
  description_pt TEXT,                                 -- what was asked, Portuguese
  description_en TEXT,                                 -- the same in English
  outcome_pt   TEXT,                                   -- what came of it, Portuguese
  outcome_en   TEXT,                                   -- the same in English
  comments_received INTEGER CHECK (comments_received IS NULL OR comments_received >= 0),
                                                       -- comments it received, if stated
  sources      TEXT,                                   -- its sources: "address<TAB>title" lines
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) -- last change, UTC
);
CREATE TRIGGER consultation_record_insert_bump AFTER INSERT ON consultation_record BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER consultation_record_update_bump AFTER UPDATE ON consultation_record BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER consultation_record_delete_bump AFTER DELETE ON consultation_record BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;

-- The network itself: one row.
CREATE TABLE network (
  id           INTEGER PRIMARY KEY CHECK (id = 1),     -- always 1
  acronym      TEXT,                                   -- RNAA
  name_pt      TEXT,                                   -- its name, Portuguese
  name_en      TEXT,                                   -- its name, English
  created      TEXT,                                   -- ISO date it was set up
  description_pt TEXT,                                 -- what it is, Portuguese
  description_en TEXT,                                 -- the same in English
  coordinator_id INTEGER REFERENCES entity(id) ON DELETE SET NULL, -- the body that coordinates it
  focal_point_id INTEGER REFERENCES entity(id) ON DELETE SET NULL, -- OGP focal point
  focal_since  TEXT,                                   -- ISO date the focal point took the role
  focal_since_pt TEXT,                                 -- that date as the source words it, Portuguese
  focal_since_en TEXT,                                 -- the same in English
  contact_email TEXT,                                  -- the network's public contact address
  ogp_member_since TEXT,                               -- ISO date Portugal joined OGP
  note_pt      TEXT,                                   -- public note about the data, Portuguese
  note_en      TEXT,                                   -- the same in English
  sources      TEXT,                                   -- its sources: "address<TAB>title" lines
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) -- last change, UTC
);
CREATE TRIGGER network_update_bump AFTER UPDATE ON network BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER network_insert_bump AFTER INSERT ON network BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;

-- Events: the kinds of the content file, its status and the confidence of the dates,
-- the plan and the commitments it belongs to, and who organised it.
CREATE TABLE event_new (
  id           INTEGER PRIMARY KEY,                    -- internal id; URL part
  title_pt     TEXT,                                   -- title, Portuguese
  title_en     TEXT,                                   -- title, English
  kind         TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
               ('open_gov_week','network_meeting','consultation','summit','webinar','other')),
                                                       -- what it is
  start_date   TEXT,                                   -- ISO date (or date-time) it starts
  end_date     TEXT,                                   -- ISO date it ends
  date_note_pt TEXT,                                   -- when only an approximate date is known
  date_note_en TEXT,                                   -- the same in English
  place_pt     TEXT,                                   -- where, Portuguese
  place_en     TEXT,                                   -- where, English
  online       INTEGER CHECK (online IS NULL OR online IN (0,1)), -- 1: online
  organiser    TEXT,                                   -- who organised it, as named by the source
  url          TEXT CHECK (url IS NULL OR url GLOB 'http*://*'), -- page about the event
  description_pt TEXT,                                 -- description, Portuguese
  description_en TEXT,                                 -- description, English
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- last change, UTC
  version      INTEGER NOT NULL DEFAULT 1,             -- bumped on every save
  timezone     TEXT CHECK (timezone IS NULL OR timezone IN
               ('Europe/Lisbon','Atlantic/Madeira','Atlantic/Azores')), -- the wall clock of its times
  slug         TEXT UNIQUE CHECK (slug IS NULL OR (length(slug) BETWEEN 1 AND 80
               AND slug NOT GLOB '*[^a-z0-9-]*')),     -- stable key in the content file
  status       TEXT CHECK (status IS NULL OR status IN ('held','announced')), -- held, or announced
  date_confidence TEXT CHECK (date_confidence IS NULL OR date_confidence IN
               ('confirmed','unconfirmed','inferred')), -- how sure the dates are
  title_pt_kind TEXT CHECK (title_pt_kind IS NULL OR title_pt_kind IN
               ('official','translation','paraphrase')), -- where title_pt comes from
  plan_id      INTEGER REFERENCES action_plan(id) ON DELETE SET NULL, -- the plan it belongs to
  organiser_id INTEGER REFERENCES entity(id) ON DELETE SET NULL -- the body that organised it
);
INSERT INTO event_new (id, title_pt, title_en, kind, start_date, end_date, date_note_pt,
  date_note_en, place_pt, place_en, online, organiser, url, description_pt, description_en,
  updated_at, version, timezone)
  SELECT id, title_pt, title_en, kind, start_date, end_date, date_note_pt, date_note_en,
  place_pt, place_en, online, organiser, url, description_pt, description_en, updated_at,
  version, timezone FROM event;
DROP VIEW url_use;
DROP TABLE event;
ALTER TABLE event_new RENAME TO event;
CREATE INDEX event_start ON event(start_date);
CREATE INDEX event_until ON event(coalesce(end_date, start_date));
CREATE TRIGGER event_insert_bump AFTER INSERT ON event BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER event_update_bump AFTER UPDATE ON event BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER event_delete_bump AFTER DELETE ON event BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
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

-- The commitments an event belongs to.
CREATE TABLE event_commitment (
  event_id     INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE, -- the event
  commitment_id INTEGER NOT NULL REFERENCES commitment(id) ON DELETE CASCADE, -- the commitment
  PRIMARY KEY (event_id, commitment_id)
) WITHOUT ROWID;
CREATE INDEX event_commitment_commitment ON event_commitment(commitment_id);

-- Every outside address the site shows (migration 5), now with the addresses of the
-- records above: plan documents and assessments, figures' sources, activities, partners.
CREATE VIEW url_use AS
  SELECT url,                                          -- the outside address
    'plan' AS owner,                                   -- kind of owner: plan, commitment, milestone, entity, event
    plan_id AS owner_id,                               -- the owner's id in its table
    'link:' || kind AS field                           -- where it sits: link:<kind>, or the column
  FROM link WHERE plan_id IS NOT NULL AND url IS NOT NULL
  UNION ALL SELECT url, 'commitment', commitment_id, 'link:' || kind FROM link
    WHERE commitment_id IS NOT NULL AND url IS NOT NULL
  UNION ALL SELECT url, 'milestone', milestone_id, 'link:' || kind FROM link
    WHERE milestone_id IS NOT NULL AND url IS NOT NULL
  UNION ALL SELECT url, 'entity', entity_id, 'link:' || kind FROM link
    WHERE entity_id IS NOT NULL AND url IS NOT NULL
  UNION ALL SELECT url, 'event', event_id, 'link:' || kind FROM link
    WHERE event_id IS NOT NULL AND url IS NOT NULL
  UNION ALL SELECT document_url, 'plan', id, 'document_url' FROM action_plan
    WHERE document_url IS NOT NULL
  UNION ALL SELECT website, 'entity', id, 'website' FROM entity WHERE website IS NOT NULL
  UNION ALL SELECT source_url, 'entity', id, 'source_url' FROM entity
    WHERE source_url GLOB 'http*://*'
  UNION ALL SELECT url, 'event', id, 'url' FROM event WHERE url IS NOT NULL
  UNION ALL SELECT url, 'plan', plan_id, 'document' FROM plan_document WHERE url IS NOT NULL
  UNION ALL SELECT source, 'plan', plan_id, 'assessment' FROM plan_assessment
    WHERE source IS NOT NULL
  UNION ALL SELECT source, 'plan', plan_id, 'completion' FROM plan_completion
  UNION ALL SELECT self_source, 'commitment', id, 'self_source' FROM commitment
    WHERE self_source IS NOT NULL
  UNION ALL SELECT source, 'commitment', commitment_id, 'activity' FROM activity
    WHERE source IS NOT NULL
  UNION ALL SELECT progress_source, 'milestone', id, 'progress_source' FROM milestone
    WHERE progress_source GLOB 'http*://*';
