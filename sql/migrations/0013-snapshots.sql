-- Migration 13: dated snapshots of a plan.  Closing a reporting round freezes the state
-- of each plan it covers: its commitments and their milestones as they stood at one
-- moment, rebuilt from the revision log (cgi-src/store/snapshot.h says how, and what the
-- log cannot give back).  A snapshot is published at /{lang}/plans/N/as-of/YYYY-MM-DD
-- and never changes afterwards: no statement of the programs updates these tables.
--
-- Moments: as_of is the day the snapshot stands for, a date in Lisbon (Europe/Lisbon,
-- the wall clock of the network); moment is the instant in UTC whose state was frozen:
-- the end of that day in Lisbon (the first second of the next Lisbon day, the state
-- before it), or taken_at when the snapshot is taken during that same day.  A plan has at
-- most one snapshot a day (the address names the day).

CREATE TABLE snapshot (
  id           INTEGER PRIMARY KEY,                    -- internal id
  plan_id      INTEGER NOT NULL REFERENCES action_plan(id) ON DELETE RESTRICT, -- the plan
  as_of        TEXT NOT NULL CHECK (as_of GLOB
               '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'), -- the Lisbon date it stands for
  moment       TEXT NOT NULL,                          -- UTC instant frozen (YYYY-MM-DDTHH:MM:SSZ):
                                                       -- revisions after it are undone
  taken_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- when taken, UTC
  round_id     INTEGER,                                -- the reporting round that closed
                                                       -- (table round, migration 14; no foreign
                                                       -- key: that table comes later; NULL: none)
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200), -- the round's name then
  UNIQUE (plan_id, as_of)
);

-- The commitments of the plan at the moment, with the aggregates of their milestones at
-- that moment (the formula of commitment_progress, migration 11).  No foreign key to the
-- commitment: a snapshot outlives the removal of a row.
CREATE TABLE snapshot_commitment (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE RESTRICT, -- the snapshot
  commitment_id INTEGER NOT NULL,                      -- the commitment (commitment.id)
  ogp_id       TEXT NOT NULL,                          -- OGP id, e.g. PT0013
  ogp_id_confidence TEXT,                              -- how sure the OGP id was
  number       INTEGER,                                -- number inside the plan
  title_pt     TEXT,                                   -- title, Portuguese
  title_pt_kind TEXT,                                  -- where title_pt came from
  title_pt_confidence TEXT,                            -- how sure title_pt was
  title_en     TEXT,                                   -- title, English
  title_en_kind TEXT,                                  -- where title_en came from
  title_en_confidence TEXT,                            -- how sure title_en was
  self_status  TEXT,                                   -- status reported by the government
  self_status_date TEXT,                               -- ISO date of that report
  self_as_of_kind TEXT,                                -- how that date is known
  self_percent INTEGER,                                -- self-reported progress, percent
  self_source  TEXT,                                   -- the page that reports it
  self_confidence TEXT,                                -- how sure that report was
  leads        TEXT,                                   -- lead bodies (acronym or name, '; ')
  total        INTEGER NOT NULL,                       -- its milestones
  known        INTEGER NOT NULL,                       -- those with a progress figure
  sum          REAL NOT NULL,                          -- sum of those figures
  as_of        TEXT,                                   -- latest date of the figures
  as_of_min    TEXT,                                   -- earliest date of the figures
  undated      INTEGER NOT NULL,                       -- figures without a date
  PRIMARY KEY (snapshot_id, commitment_id)
) WITHOUT ROWID;

-- The milestones of those commitments at the moment.
CREATE TABLE snapshot_milestone (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE RESTRICT, -- the snapshot
  milestone_id INTEGER NOT NULL,                       -- the milestone (milestone.id)
  commitment_id INTEGER NOT NULL,                      -- its commitment then
  position     INTEGER NOT NULL,                       -- order inside the commitment
  title_pt     TEXT,                                   -- title, Portuguese
  title_pt_kind TEXT,                                  -- where title_pt came from
  title_en     TEXT,                                   -- title, English
  title_en_kind TEXT,                                  -- where title_en came from
  status       TEXT,                                   -- reported status
  progress     INTEGER,                                -- percent; NULL: no figure
  progress_as_of TEXT,                                 -- date the figure refers to
  progress_as_of_kind TEXT,                            -- how that date is known
  progress_source TEXT,                                -- the page that reports the figure
  progress_confidence TEXT,                            -- how sure the figure was
  planned_start TEXT,                                  -- ISO date planned to start
  planned_end  TEXT,                                   -- ISO date planned to end
  completed_on TEXT,                                   -- ISO date it was completed
  PRIMARY KEY (snapshot_id, milestone_id)
) WITHOUT ROWID;
CREATE INDEX snapshot_milestone_commitment ON snapshot_milestone(snapshot_id, commitment_id,
  position);

CREATE TRIGGER snapshot_no_update BEFORE UPDATE ON snapshot
BEGIN SELECT RAISE(ABORT, 'a snapshot never changes'); END;
CREATE TRIGGER snapshot_commitment_no_update BEFORE UPDATE ON snapshot_commitment
BEGIN SELECT RAISE(ABORT, 'a snapshot never changes'); END;
CREATE TRIGGER snapshot_milestone_no_update BEFORE UPDATE ON snapshot_milestone
BEGIN SELECT RAISE(ABORT, 'a snapshot never changes'); END;
CREATE TRIGGER snapshot_insert_bump AFTER INSERT ON snapshot BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
