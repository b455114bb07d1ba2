-- aberta database schema, version 1 (also migration 0001).
-- Every text a citizen reads is stored twice, as <name>_pt and <name>_en; either may be
-- NULL, and the pages then show the other language with a visible note.
-- Dates are ISO 8601 text at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.
-- NULL always means "not yet recorded", never zero or "no".

-- Members of the network and other bodies that lead or support commitments.
CREATE TABLE entity (
  id           INTEGER PRIMARY KEY,                    -- internal id
  slug         TEXT NOT NULL UNIQUE
               CHECK (length(slug) BETWEEN 1 AND 80
                      AND slug NOT GLOB '*[^a-z0-9-]*'), -- stable URL part: /members/{slug}
  acronym      TEXT,                                   -- short name as used in plans (AMA, CADA)
  name_pt      TEXT,                                   -- full name in Portuguese
  name_en      TEXT,                                   -- full name in English
  kind         TEXT NOT NULL DEFAULT 'other'
               CHECK (kind IN ('public','civil_society','academia','private','other')), -- sector
  website      TEXT CHECK (website IS NULL OR website GLOB 'http*://*'), -- official site
  is_member    INTEGER NOT NULL DEFAULT 0 CHECK (is_member IN (0,1)), -- 1: member of the network
  member_since TEXT,                                   -- ISO date it joined the network
  member_until TEXT,                                   -- ISO date it left, NULL while a member
  description_pt TEXT,                                 -- what the body is and does, Portuguese
  description_en TEXT,                                 -- the same in English
  note_pt      TEXT,                                   -- caveat about the data (unconfirmed facts)
  note_en      TEXT,                                   -- the same in English
  source_url   TEXT,                                   -- where the membership facts come from
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) -- last change, UTC
);

-- National action plans.
CREATE TABLE action_plan (
  id           INTEGER PRIMARY KEY,                    -- internal id
  number       INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 999), -- 1st, 2nd... plan; URL part
  title_pt     TEXT,                                   -- official title, Portuguese
  title_en     TEXT,                                   -- title, English
  period_start TEXT,                                   -- ISO date the plan starts (YYYY allowed)
  period_end   TEXT,                                   -- ISO date the plan ends
  published    TEXT,                                   -- ISO date of publication
  cocreation_pt TEXT,                                  -- how it was co-created, Portuguese
  cocreation_en TEXT,                                  -- the same in English
  summary_pt   TEXT,                                   -- overview and independent findings, Portuguese
  summary_en   TEXT,                                   -- the same in English
  document_url TEXT CHECK (document_url IS NULL OR document_url GLOB 'http*://*'), -- the plan document
  status       TEXT CHECK (status IS NULL OR status IN ('preparation','implementation','closed')), -- stage
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) -- last change, UTC
);

-- Commitments, shaped on OGP's commitment data.
CREATE TABLE commitment (
  id           INTEGER PRIMARY KEY,                    -- internal id
  ogp_id       TEXT NOT NULL UNIQUE
               CHECK (ogp_id GLOB '[A-Z][A-Z][0-9][0-9][0-9][0-9]'), -- OGP id, e.g. PT0013; permalink
  plan_id      INTEGER NOT NULL REFERENCES action_plan(id) ON DELETE RESTRICT, -- its plan
  number       INTEGER CHECK (number IS NULL OR number BETWEEN 1 AND 999), -- number inside the plan
  title_pt     TEXT,                                   -- title, Portuguese
  title_en     TEXT,                                   -- title, English
  summary_pt   TEXT,                                   -- what it will do, Portuguese
  summary_en   TEXT,                                   -- the same in English
  problem_pt   TEXT,                                   -- the problem it addresses, Portuguese
  problem_en   TEXT,                                   -- the same in English
  start_date   TEXT,                                   -- ISO date implementation starts
  end_date     TEXT,                                   -- ISO date implementation ends
  self_status  TEXT CHECK (self_status IS NULL OR self_status IN
               ('no_evidence','not_started','limited','substantial','complete','withdrawn')),
                                                       -- status reported by the government, OGP scale
  self_status_date TEXT,                               -- ISO date of that report
  irm_verifiable TEXT CHECK (irm_verifiable IS NULL OR irm_verifiable IN ('yes','no')), -- IRM: verifiable
  irm_relevant TEXT CHECK (irm_relevant IS NULL OR irm_relevant IN ('yes','no')), -- IRM: relevant to OGP values
  irm_ambition TEXT CHECK (irm_ambition IS NULL OR irm_ambition IN ('low','high','no_data')), -- OGP page label
  irm_potential_impact TEXT CHECK (irm_potential_impact IS NULL OR irm_potential_impact IN
               ('none','minor','moderate','transformative')), -- IRM design indicator (plans to 2019)
  irm_potential_results TEXT CHECK (irm_potential_results IS NULL OR irm_potential_results IN
               ('unclear','modest','substantial')),   -- IRM Action Plan Review (plans from 2021)
  irm_promising INTEGER CHECK (irm_promising IS NULL OR irm_promising IN (0,1)), -- IRM: promising
  irm_completion TEXT CHECK (irm_completion IS NULL OR irm_completion IN
               ('no_evidence','not_started','limited','substantial','complete')), -- IRM completion
  irm_diog     TEXT CHECK (irm_diog IS NULL OR irm_diog IN
               ('worsened','did_not_change','marginal','major','outstanding')), -- did it open government
  irm_early_results TEXT CHECK (irm_early_results IS NULL OR irm_early_results IN
               ('no_notable','moderate','significant')), -- IRM early results (plans from 2021)
  irm_starred  TEXT CHECK (irm_starred IS NULL OR irm_starred IN ('yes','no','pending')), -- starred
  cluster_pt   TEXT,                                   -- IRM cluster of related commitments, Portuguese
  cluster_en   TEXT,                                   -- the same in English
  note_pt      TEXT,                                   -- caveat about the data, Portuguese
  note_en      TEXT,                                   -- the same in English
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- last change, UTC
  UNIQUE (plan_id, number)
);
CREATE INDEX commitment_plan ON commitment(plan_id, number);

-- Who leads and who supports a commitment (several leads are possible).
CREATE TABLE commitment_entity (
  commitment_id INTEGER NOT NULL REFERENCES commitment(id) ON DELETE CASCADE, -- the commitment
  entity_id    INTEGER NOT NULL REFERENCES entity(id) ON DELETE RESTRICT, -- the body
  role         TEXT NOT NULL CHECK (role IN ('lead','support')), -- its role
  position     INTEGER NOT NULL DEFAULT 0,             -- order as given in the plan
  PRIMARY KEY (commitment_id, entity_id, role)
) WITHOUT ROWID;
CREATE INDEX commitment_entity_entity ON commitment_entity(entity_id, role);

-- OGP values a commitment is relevant to.
CREATE TABLE commitment_value (
  commitment_id INTEGER NOT NULL REFERENCES commitment(id) ON DELETE CASCADE, -- the commitment
  value        TEXT NOT NULL CHECK (value IN ('access_to_information','civic_participation',
               'public_accountability','technology_innovation')), -- one OGP value
  PRIMARY KEY (commitment_id, value)
) WITHOUT ROWID;

-- Thematic policy areas (OGP's open list).
CREATE TABLE policy_area (
  id           INTEGER PRIMARY KEY,                    -- internal id
  slug         TEXT NOT NULL UNIQUE,                   -- stable key, e.g. open-data
  name_pt      TEXT,                                   -- name, Portuguese
  name_en      TEXT                                    -- name, English (OGP's wording)
);

CREATE TABLE commitment_policy_area (
  commitment_id INTEGER NOT NULL REFERENCES commitment(id) ON DELETE CASCADE, -- the commitment
  policy_area_id INTEGER NOT NULL REFERENCES policy_area(id) ON DELETE RESTRICT, -- the area
  PRIMARY KEY (commitment_id, policy_area_id)
) WITHOUT ROWID;
CREATE INDEX commitment_policy_area_area ON commitment_policy_area(policy_area_id);

-- Milestones: the verifiable steps of a commitment; progress is computed from them.
CREATE TABLE milestone (
  id           INTEGER PRIMARY KEY,                    -- internal id
  commitment_id INTEGER NOT NULL REFERENCES commitment(id) ON DELETE CASCADE, -- its commitment
  position     INTEGER NOT NULL,                       -- order inside the commitment, from 1
  title_pt     TEXT,                                   -- title, Portuguese
  title_en     TEXT,                                   -- title, English
  planned_start TEXT,                                  -- ISO date planned to start
  planned_end  TEXT,                                   -- ISO date planned to end
  completed_on TEXT,                                   -- ISO date it was completed
  status       TEXT CHECK (status IS NULL OR status IN
               ('not_started','in_progress','complete','withdrawn')), -- reported status
  progress     INTEGER CHECK (progress IS NULL OR progress BETWEEN 0 AND 100), -- percent; NULL = no data
  progress_as_of TEXT,                                 -- ISO date the progress figure refers to
  progress_source TEXT,                                -- who reported it (self-reported, IRM...)
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- last change, UTC
  UNIQUE (commitment_id, position)
);

-- Links that back a fact: sources, IRM reports, evidence. Exactly one owner per row.
CREATE TABLE link (
  id           INTEGER PRIMARY KEY,                    -- internal id
  plan_id      INTEGER REFERENCES action_plan(id) ON DELETE CASCADE, -- owner: a plan
  commitment_id INTEGER REFERENCES commitment(id) ON DELETE CASCADE, -- owner: a commitment
  milestone_id INTEGER REFERENCES milestone(id) ON DELETE CASCADE, -- owner: a milestone
  entity_id    INTEGER REFERENCES entity(id) ON DELETE CASCADE, -- owner: a body
  event_id     INTEGER REFERENCES event(id) ON DELETE CASCADE, -- owner: an event
  kind         TEXT NOT NULL CHECK (kind IN ('source','irm_report','evidence','ogp_page','document')),
                                                       -- what the link is
  url          TEXT NOT NULL CHECK (url GLOB 'http*://*' AND length(url) <= 2048), -- http(s) address
  label_pt     TEXT,                                   -- link text, Portuguese
  label_en     TEXT,                                   -- link text, English
  position     INTEGER NOT NULL DEFAULT 0,             -- order among the owner's links
  CHECK ((plan_id IS NOT NULL) + (commitment_id IS NOT NULL) + (milestone_id IS NOT NULL)
         + (entity_id IS NOT NULL) + (event_id IS NOT NULL) = 1)
);
CREATE INDEX link_plan ON link(plan_id) WHERE plan_id IS NOT NULL;
CREATE INDEX link_commitment ON link(commitment_id) WHERE commitment_id IS NOT NULL;
CREATE INDEX link_milestone ON link(milestone_id) WHERE milestone_id IS NOT NULL;
CREATE INDEX link_entity ON link(entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX link_event ON link(event_id) WHERE event_id IS NOT NULL;

-- Events: Open Gov Week, network meetings, consultations.
CREATE TABLE event (
  id           INTEGER PRIMARY KEY,                    -- internal id; URL part
  title_pt     TEXT,                                   -- title, Portuguese
  title_en     TEXT,                                   -- title, English
  kind         TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
               ('open_gov_week','network_meeting','consultation','other')), -- what it is
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
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) -- last change, UTC
);
CREATE INDEX event_start ON event(start_date);

-- Editable text pages (about the network, about OGP, accessibility statement).
CREATE TABLE page (
  slug         TEXT PRIMARY KEY CHECK (slug NOT GLOB '*[^a-z0-9-]*'), -- URL part
  title_pt     TEXT,                                   -- title, Portuguese
  title_en     TEXT,                                   -- title, English
  body_pt      TEXT,                                   -- text, Portuguese; blank lines separate paragraphs
  body_en      TEXT,                                   -- text, English
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) -- last change, UTC
);

-- One row: a counter bumped by triggers on every content change; validators (ETag) use it.
CREATE TABLE site_state (
  id           INTEGER PRIMARY KEY CHECK (id = 1),     -- always 1
  content_version INTEGER NOT NULL DEFAULT 0,          -- bumped on every change
  changed_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) -- time of last change, UTC
);
INSERT INTO site_state (id) VALUES (1);

-- Every content change bumps site_state (one statement per table and operation).
CREATE TRIGGER entity_insert_bump AFTER INSERT ON entity BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER entity_update_bump AFTER UPDATE ON entity BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER entity_delete_bump AFTER DELETE ON entity BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER action_plan_insert_bump AFTER INSERT ON action_plan BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER action_plan_update_bump AFTER UPDATE ON action_plan BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER action_plan_delete_bump AFTER DELETE ON action_plan BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_insert_bump AFTER INSERT ON commitment BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_update_bump AFTER UPDATE ON commitment BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_delete_bump AFTER DELETE ON commitment BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_entity_insert_bump AFTER INSERT ON commitment_entity BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_entity_update_bump AFTER UPDATE ON commitment_entity BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_entity_delete_bump AFTER DELETE ON commitment_entity BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_value_insert_bump AFTER INSERT ON commitment_value BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_value_update_bump AFTER UPDATE ON commitment_value BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_value_delete_bump AFTER DELETE ON commitment_value BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER policy_area_insert_bump AFTER INSERT ON policy_area BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER policy_area_update_bump AFTER UPDATE ON policy_area BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER policy_area_delete_bump AFTER DELETE ON policy_area BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_policy_area_insert_bump AFTER INSERT ON commitment_policy_area BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_policy_area_update_bump AFTER UPDATE ON commitment_policy_area BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER commitment_policy_area_delete_bump AFTER DELETE ON commitment_policy_area BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER milestone_insert_bump AFTER INSERT ON milestone BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER milestone_update_bump AFTER UPDATE ON milestone BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER milestone_delete_bump AFTER DELETE ON milestone BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER link_insert_bump AFTER INSERT ON link BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER link_update_bump AFTER UPDATE ON link BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER link_delete_bump AFTER DELETE ON link BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
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
CREATE TRIGGER page_insert_bump AFTER INSERT ON page BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER page_update_bump AFTER UPDATE ON page BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER page_delete_bump AFTER DELETE ON page BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
