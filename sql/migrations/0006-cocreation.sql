-- Migration 6: co-creation in the open.  Public consultations opened by staff, the
-- proposals and comments citizens send without an account (confirmed by email,
-- moderated, answered), the mail waiting to be sent, and the counters that limit floods.
-- Times are UTC, ISO 8601 "YYYY-MM-DDTHH:MM:SSZ"; pages show them in Lisbon time.
-- Email addresses are personal data: they are never shown on a page, in a feed or in
-- the open data, and `aberta-admin submissions erase` removes them with the person's
-- submissions.

CREATE TABLE consultation (
  id           INTEGER PRIMARY KEY,                    -- internal id; URL part
  title_pt     TEXT,                                   -- title, Portuguese
  title_en     TEXT,                                   -- title, English
  description_pt TEXT,                                 -- what is asked and why, Portuguese
  description_en TEXT,                                 -- the same in English
  questions_pt TEXT,                                   -- the questions, or the text under consultation, Portuguese
  questions_en TEXT,                                   -- the same in English
  plan_id      INTEGER REFERENCES action_plan(id) ON DELETE RESTRICT, -- the plan in preparation, if any
  commitment_id INTEGER REFERENCES commitment(id) ON DELETE RESTRICT, -- the draft commitment, if any
  document_url TEXT CHECK (document_url IS NULL OR document_url GLOB 'http*://*'),
                                                       -- the document under consultation (a report...)
  opens_at     TEXT NOT NULL CHECK (opens_at GLOB
               '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
                                                       -- when submissions open, UTC
  closes_at    TEXT NOT NULL CHECK (closes_at GLOB
               '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
                                                       -- when they close, UTC
  dates_only   INTEGER NOT NULL DEFAULT 0 CHECK (dates_only IN (0,1)),
                                                       -- 1: only the days are known (a past consultation)
  outcome_pt   TEXT,                                   -- the network's report of what was taken up, Portuguese
  outcome_en   TEXT,                                   -- the same in English
  outcome_url  TEXT CHECK (outcome_url IS NULL OR outcome_url GLOB 'http*://*'),
                                                       -- the published report, if it is a document
  source_url   TEXT CHECK (source_url IS NULL OR source_url GLOB 'http*://*'),
                                                       -- where the facts of a past consultation come from
  version      INTEGER NOT NULL DEFAULT 1,             -- bumped on every save
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- last change, UTC
  CHECK (closes_at > opens_at)
);
CREATE INDEX consultation_closes ON consultation(closes_at);

-- Proposals (on a consultation) and comments (on a consultation or a commitment) sent by
-- citizens.  A row is public only while status is 'published'; a rejected one shows only
-- the fact and the public reason.
CREATE TABLE submission (
  id           INTEGER PRIMARY KEY,                    -- internal id; URL anchor
  kind         TEXT NOT NULL CHECK (kind IN ('proposal','comment')), -- what it is
  consultation_id INTEGER REFERENCES consultation(id) ON DELETE RESTRICT, -- on a consultation
  commitment_id INTEGER REFERENCES commitment(id) ON DELETE RESTRICT, -- or on a commitment (comments)
  lang         TEXT NOT NULL CHECK (lang IN ('pt','en')), -- the language of the page it was sent from
  author       TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 80), -- name or pseudonym: public
  organisation TEXT CHECK (organisation IS NULL OR length(organisation) <= 200),
                                                       -- organisation the author speaks for: public
  email        TEXT NOT NULL CHECK (length(email) <= 254), -- lower case; for confirmation and
                                                       -- erasure only: never public
  title        TEXT CHECK (title IS NULL OR length(title) <= 200), -- proposal: its title
  problem      TEXT CHECK (problem IS NULL OR length(problem) <= 5000), -- proposal: the problem
  body         TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
                                                       -- proposal: the proposed commitment; comment: the text
  status       TEXT NOT NULL DEFAULT 'unconfirmed' CHECK (status IN
               ('unconfirmed','pending','published','rejected','spam')),
                                                       -- unconfirmed: email not confirmed; pending: awaits
                                                       -- moderation (a withdrawn one is deleted)
  reason_pt    TEXT,                                   -- why it was rejected (public), Portuguese
  reason_en    TEXT,                                   -- the same in English
  outcome      TEXT NOT NULL DEFAULT 'received' CHECK (outcome IN
               ('received','analysis','merged','not_taken')), -- what became of a published proposal
  merged_commitment_id INTEGER REFERENCES commitment(id) ON DELETE SET NULL,
                                                       -- the commitment a proposal became
  answer_pt    TEXT,                                   -- the network's official answer, Portuguese
  answer_en    TEXT,                                   -- the same in English
  confirm_hash BLOB UNIQUE,                            -- SHA-256 of the confirmation token; NULL once used
  confirm_expires INTEGER,                             -- unix time the confirmation token expires
  withdraw_hash BLOB UNIQUE,                           -- SHA-256 of the withdrawal token; NULL once used
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- sent, UTC
  confirmed_at TEXT,                                   -- email confirmed, UTC
  moderated_at TEXT,                                   -- published, rejected or marked as spam, UTC
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
                                                       -- last change (sent, confirmed, moderated, answered), UTC
  version      INTEGER NOT NULL DEFAULT 1,             -- bumped on every moderation save
  CHECK ((consultation_id IS NOT NULL) + (commitment_id IS NOT NULL) = 1),
  CHECK (kind = 'comment' OR consultation_id IS NOT NULL),
  CHECK (kind = 'proposal' OR (title IS NULL AND problem IS NULL)),
  CHECK (outcome <> 'merged' OR merged_commitment_id IS NOT NULL)
);
CREATE INDEX submission_consultation ON submission(consultation_id, status);
CREATE INDEX submission_commitment ON submission(commitment_id, status);
CREATE INDEX submission_merged ON submission(merged_commitment_id)
  WHERE merged_commitment_id IS NOT NULL;
CREATE INDEX submission_status ON submission(status, created_at);
CREATE INDEX submission_email ON submission(email);

-- Mail waiting to be sent: written in the same transaction as the submission, sent right
-- after the commit, kept here until the relay accepts it (aberta-admin mail flush).
CREATE TABLE outbox (
  id           INTEGER PRIMARY KEY,                    -- order of sending
  submission_id INTEGER REFERENCES submission(id) ON DELETE CASCADE, -- what it is about
  rcpt         TEXT NOT NULL,                          -- the address it goes to
  message      TEXT NOT NULL,                          -- the whole message, headers and body (RFC 5322)
  created_at   INTEGER NOT NULL,                       -- unix time it was queued
  attempts     INTEGER NOT NULL DEFAULT 0,             -- failed sending attempts so far
  last_error   TEXT,                                   -- why the last attempt failed
  claimed_at   INTEGER                                 -- unix time a sender took it (others wait)
);

-- Recent submissions per client address and per email (hashed), for the rate limits.
-- Rows older than a day are removed on every insert, so the table stays small.
CREATE TABLE submit_attempt (
  key          TEXT NOT NULL,                          -- 'addr:<ip>' or 'email:<sha256 hex>'
  at           INTEGER NOT NULL                        -- unix time
);
CREATE INDEX submit_attempt_key ON submit_attempt(key, at);

-- The public pages change when a consultation changes, and when a submission becomes,
-- or stops being, visible (published or rejected).
CREATE TRIGGER consultation_insert_bump AFTER INSERT ON consultation BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER consultation_update_bump AFTER UPDATE ON consultation BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER consultation_delete_bump AFTER DELETE ON consultation BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER submission_update_bump AFTER UPDATE ON submission
WHEN old.status IN ('published','rejected') OR new.status IN ('published','rejected') BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;
CREATE TRIGGER submission_delete_bump AFTER DELETE ON submission
WHEN old.status IN ('published','rejected') BEGIN
  UPDATE site_state SET content_version = content_version + 1,
    changed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = 1;
END;

-- Search (migration 4): consultations (kind 6) and published submissions (kind 7).  A
-- submission is indexed only while published, and only its public text: never the email.
CREATE TRIGGER consultation_search_insert AFTER INSERT ON consultation BEGIN
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 12, 'consultation', new.id, 'pt', new.title_pt,
     coalesce(new.description_pt, '') || char(10) || coalesce(new.questions_pt, '') ||
     char(10) || coalesce(new.outcome_pt, '')),
    (new.id * 16 + 13, 'consultation', new.id, 'en', new.title_en,
     coalesce(new.description_en, '') || char(10) || coalesce(new.questions_en, '') ||
     char(10) || coalesce(new.outcome_en, ''));
END;
CREATE TRIGGER consultation_search_update AFTER UPDATE ON consultation BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 12 AND old.id * 16 + 13;
  INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES
    (new.id * 16 + 12, 'consultation', new.id, 'pt', new.title_pt,
     coalesce(new.description_pt, '') || char(10) || coalesce(new.questions_pt, '') ||
     char(10) || coalesce(new.outcome_pt, '')),
    (new.id * 16 + 13, 'consultation', new.id, 'en', new.title_en,
     coalesce(new.description_en, '') || char(10) || coalesce(new.questions_en, '') ||
     char(10) || coalesce(new.outcome_en, ''));
END;
CREATE TRIGGER consultation_search_delete AFTER DELETE ON consultation BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 12 AND old.id * 16 + 13;
END;
CREATE TRIGGER submission_search_update AFTER UPDATE ON submission BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 14 AND old.id * 16 + 15;
  INSERT INTO search (rowid, kind, ref, lang, title, body)
    SELECT new.id * 16 + 14, 'submission', new.id, 'pt', new.title,
      coalesce(new.problem, '') || char(10) || new.body || char(10) || new.author ||
      char(10) || coalesce(new.answer_pt, '')
    WHERE new.status = 'published'
    UNION ALL SELECT new.id * 16 + 15, 'submission', new.id, 'en', new.title,
      coalesce(new.problem, '') || char(10) || new.body || char(10) || new.author ||
      char(10) || coalesce(new.answer_en, '')
    WHERE new.status = 'published';
END;
CREATE TRIGGER submission_search_delete AFTER DELETE ON submission BEGIN
  DELETE FROM search WHERE rowid BETWEEN old.id * 16 + 14 AND old.id * 16 + 15;
END;

-- Past consultations, with only the facts the public sources give (times are not known:
-- whole days in Lisbon, which is UTC+0 in November and UTC+1 in October).
INSERT INTO consultation (title_pt, title_en, description_pt, description_en, opens_at,
  closes_at, dates_only, source_url) VALUES
  ('Consulta pública do 1.º Plano de Ação Nacional de Administração Aberta',
   'Public consultation on the first National Action Plan for Open Administration',
   'Consulta pública em linha sobre o projeto do primeiro plano de ação nacional (2018–2020).',
   'Online public consultation on the draft of the first national action plan (2018–2020).',
   '2018-11-19T00:00:00Z', '2018-12-03T23:59:59Z', 1,
   'https://ogp.eportugal.gov.pt/en/noticia5'),
  ('Consulta pública do relatório de autoavaliação do 1.º plano',
   'Public consultation on the self-assessment report of the first plan',
   'O projeto de relatório de autoavaliação do primeiro plano de ação nacional esteve em consulta pública.',
   'The draft self-assessment report of the first national action plan was open for public comment.',
   '2020-10-14T23:00:00Z', '2020-11-06T23:59:59Z', 1,
   'https://ogp.eportugal.gov.pt/en/noticia24');
UPDATE consultation SET outcome_pt = 'A consulta recebeu 41 comentários.',
  outcome_en = 'The consultation drew 41 comments.'
  WHERE source_url = 'https://ogp.eportugal.gov.pt/en/noticia24';
