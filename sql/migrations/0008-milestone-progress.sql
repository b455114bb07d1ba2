-- Migration 8: the milestone aggregates of the progress formula, kept per commitment.
--
-- Every page that shows progress (a plan's commitments, the roll-up of the home page and
-- of the plans list, the listing, a body's commitments, the open data) needs, for each
-- commitment, the count of its milestones, the count with a figure, the sum of the
-- figures and the latest date they rest on.  Computed from the milestones on every
-- render, this was most of the database time of the plan of 2,000 commitments (20,000
-- milestones: about 80 M of its 210 M instructions under callgrind) and of the home
-- page (every milestone of the site).  Milestones change far less often than pages are
-- rendered: the triggers below recompute one commitment's row whenever one of its
-- milestones is added, changed or removed (from scratch, over its few milestones), and
-- pages read one row per commitment.
--
-- The formula, once: what commitment_progress must hold (tests/request/test_plans.c
-- compares the two on the generated data set after edits).
CREATE VIEW commitment_progress_now AS
  SELECT c.id AS commitment_id, count(m.id) AS total, count(m.progress) AS known,
    total(m.progress) AS sum,
    max(CASE WHEN m.progress IS NOT NULL
        THEN coalesce(m.progress_as_of, substr(m.updated_at, 1, 10)) END) AS as_of
  FROM commitment c LEFT JOIN milestone m ON m.commitment_id = c.id GROUP BY c.id;

-- A commitment without a row here has no milestones (the statements read a missing row
-- as 0 milestones, 0 with a figure, sum 0 and no date, as the aggregates of no rows).
CREATE TABLE commitment_progress (
  commitment_id INTEGER PRIMARY KEY,  -- the commitment (no foreign key: the triggers keep it)
  total         INTEGER NOT NULL,     -- count of its milestones
  known         INTEGER NOT NULL,     -- count of those with a progress figure
  sum           REAL NOT NULL,        -- sum of those figures (total(): 0.0 for none)
  as_of         TEXT                  -- latest date of the figures: progress_as_of, else
                                      -- the day the milestone was last changed; NULL: none
);
INSERT INTO commitment_progress SELECT * FROM commitment_progress_now WHERE total > 0;

-- Each recomputes the commitment concerned (the view's WHERE reaches its GROUP BY: one
-- commitment's milestones are read); nothing when the commitment itself is gone (its
-- milestones removed by the cascade of its own deletion).
CREATE TRIGGER milestone_progress_insert AFTER INSERT ON milestone BEGIN
  INSERT OR REPLACE INTO commitment_progress
    SELECT * FROM commitment_progress_now WHERE commitment_id = new.commitment_id;
END;
CREATE TRIGGER milestone_progress_update
  AFTER UPDATE OF commitment_id, progress, progress_as_of, updated_at ON milestone BEGIN
  INSERT OR REPLACE INTO commitment_progress SELECT * FROM commitment_progress_now
    WHERE commitment_id IN (new.commitment_id, old.commitment_id);
END;
CREATE TRIGGER milestone_progress_delete AFTER DELETE ON milestone BEGIN
  INSERT OR REPLACE INTO commitment_progress
    SELECT * FROM commitment_progress_now WHERE commitment_id = old.commitment_id;
END;
CREATE TRIGGER commitment_progress_delete AFTER DELETE ON commitment BEGIN
  DELETE FROM commitment_progress WHERE commitment_id = old.id;
END;
