-- Migration 2: the admin area.  Staff accounts, sessions, login throttling, the audit log,
-- the append-only revision log, drafts awaiting review, uploaded documents, and a version
-- number on every editable row (two people saving the same row: the second is refused).

ALTER TABLE entity ADD COLUMN version INTEGER NOT NULL DEFAULT 1;      -- bumped on every save
ALTER TABLE action_plan ADD COLUMN version INTEGER NOT NULL DEFAULT 1; -- bumped on every save
ALTER TABLE commitment ADD COLUMN version INTEGER NOT NULL DEFAULT 1;  -- bumped on every save
ALTER TABLE milestone ADD COLUMN version INTEGER NOT NULL DEFAULT 1;   -- bumped on every save
ALTER TABLE event ADD COLUMN version INTEGER NOT NULL DEFAULT 1;       -- bumped on every save
ALTER TABLE page ADD COLUMN version INTEGER NOT NULL DEFAULT 1;        -- bumped on every save

-- Staff accounts.  There is no default account: the first is made with aberta-admin.
CREATE TABLE staff (
  id           INTEGER PRIMARY KEY,                    -- internal id
  login        TEXT NOT NULL UNIQUE COLLATE NOCASE
               CHECK (length(login) BETWEEN 3 AND 254), -- what the person types to log in (email)
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200), -- shown in logs and history
  role         TEXT NOT NULL CHECK (role IN ('admin','focal','member')),
                                                       -- admin: everything; focal: content and review;
                                                       -- member: its entity's commitments, reviewed
  entity_id    INTEGER REFERENCES entity(id) ON DELETE RESTRICT, -- the body of a member editor
  pw_hash      TEXT NOT NULL,                          -- argon2id, libsodium crypto_pwhash_str format
  totp_secret  TEXT,                                   -- base32 TOTP secret; NULL until enrolled
  totp_pending TEXT,                                   -- secret shown during enrolment, not yet confirmed
  totp_last_step INTEGER,                              -- last TOTP time step accepted (no replay)
  disabled     INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)), -- 1: cannot log in
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- UTC
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- UTC
  CHECK (role <> 'member' OR entity_id IS NOT NULL)
);

-- One-time recovery codes for the second factor, stored hashed.
CREATE TABLE recovery_code (
  id           INTEGER PRIMARY KEY,                    -- internal id
  staff_id     INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE, -- whose
  code_hash    TEXT NOT NULL,                          -- argon2id hash of the code
  used_at      TEXT                                    -- UTC time it was used; NULL while unused
);

-- Sessions.  The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE session (
  id           INTEGER PRIMARY KEY,                    -- internal id
  token_hash   BLOB NOT NULL UNIQUE,                   -- SHA-256 of the cookie token
  staff_id     INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE, -- who
  csrf         TEXT NOT NULL,                          -- per-session anti-CSRF token (hex)
  stage        TEXT NOT NULL CHECK (stage IN ('password','full')), -- 'password': second factor pending
  created_at   INTEGER NOT NULL,                       -- unix time of login (absolute limit)
  last_seen    INTEGER NOT NULL                        -- unix time of last request (idle limit)
);
CREATE INDEX session_staff ON session(staff_id);

-- Failed logins, counted per account and per client address before any hash is computed.
CREATE TABLE login_failure (
  key          TEXT NOT NULL,                          -- 'login:<name>' or 'addr:<ip>'
  at           INTEGER NOT NULL                        -- unix time
);
CREATE INDEX login_failure_key ON login_failure(key, at);

-- Security and audit log: logins, failures, lockouts, refusals, account changes.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,                    -- order of events
  at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- UTC
  staff_id     INTEGER,                                -- who, when known (no FK: logs outlive accounts)
  actor        TEXT,                                   -- login name as typed or known
  addr         TEXT,                                   -- client address
  action       TEXT NOT NULL,                          -- login_ok, login_fail, lockout, csrf, forbidden...
  object       TEXT,                                   -- the record concerned, e.g. commitment:PT0013
  detail       TEXT                                    -- free text; never a secret
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Every change to content, field by field: the public History views read it.
CREATE TABLE revision (
  id           INTEGER PRIMARY KEY,                    -- order of changes
  change_id    INTEGER NOT NULL,                       -- rows of one save share it
  at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- UTC
  staff_id     INTEGER,                                -- who made the change (NULL: import)
  actor        TEXT NOT NULL,                          -- the name shown publicly
  approved_by  TEXT,                                   -- reviewer, for reviewed changes
  tbl          TEXT NOT NULL,                          -- table changed
  row_id       INTEGER NOT NULL,                       -- row changed
  commitment_id INTEGER,                               -- the commitment it belongs to, if any
  plan_id      INTEGER,                                -- the plan it belongs to, if any
  op           TEXT NOT NULL CHECK (op IN ('create','update','delete')), -- what happened
  field        TEXT,                                   -- column changed (NULL for create/delete)
  before       TEXT,                                   -- value before (NULL: empty)
  after        TEXT                                    -- value after (NULL: empty)
);
CREATE INDEX revision_row ON revision(tbl, row_id);
CREATE INDEX revision_commitment ON revision(commitment_id) WHERE commitment_id IS NOT NULL;
CREATE INDEX revision_plan ON revision(plan_id) WHERE plan_id IS NOT NULL;
CREATE TRIGGER revision_no_update BEFORE UPDATE ON revision
BEGIN SELECT RAISE(ABORT, 'the revision log is append-only'); END;
CREATE TRIGGER revision_no_delete BEFORE DELETE ON revision
BEGIN SELECT RAISE(ABORT, 'the revision log is append-only'); END;

-- Changes by member editors waiting for a focal-point editor.
CREATE TABLE draft (
  id           INTEGER PRIMARY KEY,                    -- internal id
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- UTC
  staff_id     INTEGER NOT NULL REFERENCES staff(id),  -- who proposed it
  tbl          TEXT NOT NULL,                          -- kind of record, as in /admin/<kind>
  row_id       INTEGER,                                -- row to change; NULL to create one
  base_version INTEGER,                                -- version of the row the change was made on
  payload      TEXT NOT NULL,                          -- field values as JSON (checked by the program)
  status       TEXT NOT NULL DEFAULT 'pending'
               CHECK (status IN ('pending','approved','returned')), -- review state
  reviewer_id  INTEGER REFERENCES staff(id),           -- who decided
  comment      TEXT,                                   -- reviewer's comment when returned
  decided_at   TEXT                                    -- UTC time of the decision
);
CREATE INDEX draft_status ON draft(status);

-- Uploaded evidence documents, stored outside the web root under their SHA-256.
CREATE TABLE upload (
  sha256       TEXT PRIMARY KEY CHECK (length(sha256) = 64), -- hex digest; also the file name
  size         INTEGER NOT NULL,                       -- bytes
  mime         TEXT NOT NULL,                          -- type found from the content
  name         TEXT NOT NULL,                          -- original name, cleaned, for Content-Disposition
  staff_id     INTEGER REFERENCES staff(id),           -- who uploaded it
  at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) -- UTC
);
