-- Migration 12: two facts of aberta-content/2 that migration 11 left out: how sure the
-- IRM's early results of a commitment are and whether OGP's open government lens applies
-- to it, and the bodies that co-organised an event.

ALTER TABLE commitment ADD COLUMN irm_early_results_confidence TEXT CHECK
  (irm_early_results_confidence IS NULL OR irm_early_results_confidence IN
  ('confirmed','unconfirmed','inferred'));              -- how sure irm_early_results is
ALTER TABLE commitment ADD COLUMN irm_open_gov_lens INTEGER CHECK (irm_open_gov_lens IS NULL OR
  irm_open_gov_lens IN (0,1));                          -- 1: OGP's open government lens applies

-- The bodies that co-organised an event (the organiser is event.organiser_id; others the
-- source names without a body of their own are in event.organiser).
CREATE TABLE event_organiser (
  event_id     INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE, -- the event
  entity_id    INTEGER NOT NULL REFERENCES entity(id) ON DELETE RESTRICT, -- a co-organiser
  position     INTEGER NOT NULL,                       -- order as given in the source, from 1
  PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX event_organiser_entity ON event_organiser(entity_id);
