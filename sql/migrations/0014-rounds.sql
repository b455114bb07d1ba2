-- Migration 14: reporting rounds.  Before each OGP report the focal point asks every
-- member body with commitments in the plans it covers to update them, with evidence, by
-- a deadline (/admin/rounds).  Opening a round emails each member editor of those bodies
-- (through the outbox); `aberta-admin rounds remind` (a daily timer) reminds the bodies
-- that have not updated a week and a day before the deadline; closing it freezes a
-- dated snapshot of each plan (migration 13, snapshot.round_id).
-- Times are UTC, ISO 8601 "YYYY-MM-DDTHH:MM:SSZ"; dates are Lisbon dates (Europe/Lisbon).

CREATE TABLE round (
  id           INTEGER PRIMARY KEY,                    -- internal id; URL part
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                                                       -- e.g. "Autoavaliação intercalar 2026"
  deadline     TEXT NOT NULL CHECK (deadline GLOB
               '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'), -- the last day to update, Lisbon
  opened_at    TEXT NOT NULL,                          -- when it opened, UTC: changes from then count
  opened_by    INTEGER REFERENCES staff(id) ON DELETE SET NULL, -- who opened it
  closed_at    TEXT,                                   -- when it closed, UTC; NULL while open
  closed_on    TEXT,                                   -- the Lisbon date it closed: its snapshots' date
  closed_by    INTEGER REFERENCES staff(id) ON DELETE SET NULL, -- who closed it
  CHECK ((closed_at IS NULL) = (closed_on IS NULL))
);
CREATE INDEX round_open ON round(closed_at, deadline);

-- The plans a round covers: their commitments, the bodies that lead or support them.
CREATE TABLE round_plan (
  round_id     INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE, -- the round
  plan_id      INTEGER NOT NULL REFERENCES action_plan(id) ON DELETE RESTRICT, -- a plan it covers
  PRIMARY KEY (round_id, plan_id)
) WITHOUT ROWID;
CREATE INDEX round_plan_plan ON round_plan(plan_id);

-- Every email a round sent to a body's editors: the opening one, the automatic reminders
-- (a week and a day before the deadline) and those sent by hand from the round's board.
-- A body gets each automatic kind once: the unique index makes a second run of the
-- timer, or two at once, find the row and send nothing.
CREATE TABLE round_notice (
  id           INTEGER PRIMARY KEY,                    -- order of sending
  round_id     INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE, -- the round
  entity_id    INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE, -- the body
  kind         TEXT NOT NULL CHECK (kind IN ('open','week','day','manual')), -- which email
  sent_at      INTEGER NOT NULL,                       -- unix time it was queued in the outbox
  staff_id     INTEGER REFERENCES staff(id) ON DELETE SET NULL, -- who opened the round or sent
                                                       -- it by hand; NULL: the timer
  recipients   TEXT NOT NULL                           -- "Name <address>", one a line
);
CREATE UNIQUE INDEX round_notice_once ON round_notice(round_id, entity_id, kind)
  WHERE kind <> 'manual';
CREATE INDEX round_notice_body ON round_notice(round_id, entity_id, sent_at);
