-- Migration 5: links that do not rot.  `aberta-admin links check` records what each
-- outside address the site shows answers (link_check); `aberta-admin links archive` keeps
-- a copy of the documents plans and milestone evidence cite, stored once in upload under
-- the SHA-256 of their bytes (link_archive).  Public pages mark a broken address with the
-- date it was found broken and offer the archived copy beside it.

-- Every outside address the site shows, with its owner: plan documents and links,
-- commitment sources, milestone evidence, bodies' websites, sources and links, event
-- pages and links.  The link checker visits the distinct urls; the admin page lists the
-- owners of the broken ones.
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
  UNION ALL SELECT url, 'event', id, 'url' FROM event WHERE url IS NOT NULL;

-- What each address answered at the latest check.  A row is written only when its
-- result changes; checked_at alone moves on every check.
CREATE TABLE link_check (
  url          TEXT PRIMARY KEY
               CHECK (url GLOB 'http*://*' AND length(url) <= 2048), -- the address as the database holds it
  result       TEXT NOT NULL CHECK (result IN ('ok','redirect','broken')),
                                                       -- ok: 2xx at the address; redirect: 2xx after
                                                       -- redirects; broken: anything else
  http_status  INTEGER,                                -- last HTTP status received; NULL when no answer came
  final_url    TEXT,                                   -- where the redirects led; NULL without redirects
  failure      TEXT CHECK (failure IS NULL OR failure IN ('http','timeout','refused','dns',
               'tls','redirects','scheme','network','other')), -- why it is broken; NULL when not
  error        TEXT,                                   -- the detail, in libcurl's English or "HTTP 404"
  checked_at   TEXT NOT NULL,                          -- UTC time of the latest check
  changed_at   TEXT NOT NULL,                          -- UTC time the result last changed
  broken_since TEXT,                                   -- UTC time it was first found broken, in the
                                                       -- current run of failures; NULL when not broken
  CHECK ((result = 'broken') = (broken_since IS NOT NULL))
);
CREATE INDEX link_check_bad ON link_check(result) WHERE result <> 'ok';

-- The archived copy of a cited document: its bytes are in upload (served at
-- /uploads/<sha256>), stored once however many addresses give them.
CREATE TABLE link_archive (
  url          TEXT PRIMARY KEY
               CHECK (url GLOB 'http*://*' AND length(url) <= 2048), -- the cited address
  upload_sha   TEXT NOT NULL REFERENCES upload(sha256), -- the copy
  fetched_at   TEXT NOT NULL                           -- UTC time these bytes were fetched
);
CREATE INDEX link_archive_upload ON link_archive(upload_sha);

-- Public pages show broken_since and the archived copy: a change of either bumps the
-- content version (pages, ETags and the page cache follow it); a check that changes
-- nothing a citizen sees leaves it alone.
CREATE TRIGGER link_check_insert_bump AFTER INSERT ON link_check
WHEN new.broken_since IS NOT NULL BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER link_check_update_bump AFTER UPDATE OF broken_since ON link_check
WHEN old.broken_since IS NOT new.broken_since BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER link_check_delete_bump AFTER DELETE ON link_check
WHEN old.broken_since IS NOT NULL BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER link_archive_insert_bump AFTER INSERT ON link_archive BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER link_archive_update_bump AFTER UPDATE ON link_archive BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER link_archive_delete_bump AFTER DELETE ON link_archive BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
