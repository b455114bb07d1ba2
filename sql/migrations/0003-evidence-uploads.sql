-- Migration 3: a link may point at an uploaded document (evidence stored on the site)
-- instead of an outside address.  SQLite cannot change a CHECK constraint in place, so the
-- table is rebuilt with the same rows, indexes and triggers.

CREATE TABLE link_new (
  id           INTEGER PRIMARY KEY,                    -- internal id
  plan_id      INTEGER REFERENCES action_plan(id) ON DELETE CASCADE, -- owner: a plan
  commitment_id INTEGER REFERENCES commitment(id) ON DELETE CASCADE, -- owner: a commitment
  milestone_id INTEGER REFERENCES milestone(id) ON DELETE CASCADE, -- owner: a milestone
  entity_id    INTEGER REFERENCES entity(id) ON DELETE CASCADE, -- owner: a body
  event_id     INTEGER REFERENCES event(id) ON DELETE CASCADE, -- owner: an event
  kind         TEXT NOT NULL CHECK (kind IN ('source','irm_report','evidence','ogp_page','document')),
                                                       -- what the link is
  url          TEXT CHECK (url IS NULL OR (url GLOB 'http*://*' AND length(url) <= 2048)),
                                                       -- outside http(s) address, or NULL for an upload
  upload_sha   TEXT REFERENCES upload(sha256),         -- an uploaded document, or NULL
  label_pt     TEXT,                                   -- link text, Portuguese
  label_en     TEXT,                                   -- link text, English
  position     INTEGER NOT NULL DEFAULT 0,             -- order among the owner's links
  CHECK ((plan_id IS NOT NULL) + (commitment_id IS NOT NULL) + (milestone_id IS NOT NULL)
         + (entity_id IS NOT NULL) + (event_id IS NOT NULL) = 1),
  CHECK ((url IS NOT NULL) + (upload_sha IS NOT NULL) = 1)
);
INSERT INTO link_new (id, plan_id, commitment_id, milestone_id, entity_id, event_id, kind,
  url, label_pt, label_en, position)
  SELECT id, plan_id, commitment_id, milestone_id, entity_id, event_id, kind, url,
  label_pt, label_en, position FROM link;
DROP TABLE link;
ALTER TABLE link_new RENAME TO link;
CREATE INDEX link_plan ON link(plan_id) WHERE plan_id IS NOT NULL;
CREATE INDEX link_commitment ON link(commitment_id) WHERE commitment_id IS NOT NULL;
CREATE INDEX link_milestone ON link(milestone_id) WHERE milestone_id IS NOT NULL;
CREATE INDEX link_entity ON link(entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX link_event ON link(event_id) WHERE event_id IS NOT NULL;
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
