-- Migration 16: following by email, without an account.  A person gives an address, a
-- language and a frequency on the page of a commitment, a plan or a body, or on the home
-- page (the whole site); a confirmation email (double opt-in) makes the subscription
-- active; `aberta-admin follow send` (a timer) then writes what changed since the last
-- message, from the revision log (store/changes.h), into the outbox.  Times are UTC:
-- ISO 8601 "YYYY-MM-DDTHH:MM:SSZ" in TEXT columns, unix seconds in INTEGER ones.

-- One row per email address that follows something (or asked to).  The token is written
-- into every message (the management link and List-Unsubscribe), so it is kept as it
-- is, not hashed: it lets its holder see and stop this address's alerts, nothing else.
-- `aberta-admin submissions erase EMAIL` deletes the row and everything below it.
CREATE TABLE follower (
  id           INTEGER PRIMARY KEY,                    -- internal id
  email        TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
                                                       -- the address, lower case; never public
  token        TEXT NOT NULL UNIQUE CHECK (length(token) = 64 AND token NOT GLOB '*[^0-9a-f]*'),
                                                       -- the management link's token (hex)
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- first asked, UTC
  failures     INTEGER NOT NULL DEFAULT 0,             -- permanent refusals in a row (a success resets it)
  disabled_at  TEXT,                                   -- no more mail after too many failures; NULL: active
  disabled_why TEXT                                    -- the last refusal, as the relay gave it
);

-- What an address follows: the whole site, or one plan, commitment or body.
CREATE TABLE subscription (
  id           INTEGER PRIMARY KEY,                    -- internal id
  follower_id  INTEGER NOT NULL REFERENCES follower(id) ON DELETE CASCADE, -- who
  kind         TEXT NOT NULL CHECK (kind IN ('site','plan','commitment','entity')), -- what
  target_id    INTEGER,                                -- the plan, commitment or body id; NULL: the site
                                                       -- (no foreign key: the triggers below follow deletions)
  lang         TEXT NOT NULL CHECK (lang IN ('pt','en')), -- the language of the messages
  frequency    TEXT NOT NULL CHECK (frequency IN ('immediate','daily','weekly')),
                                                       -- immediate: batched over a few minutes
  status       TEXT NOT NULL DEFAULT 'unconfirmed' CHECK (status IN ('unconfirmed','active')),
  confirm_hash BLOB UNIQUE,                            -- SHA-256 of the confirmation token; NULL once confirmed
  confirm_expires INTEGER,                             -- unix time the confirmation link expires
  asked_at     INTEGER NOT NULL,                       -- unix time of the last confirmation (or "already
                                                       -- following") email queued: at most one a day
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- asked, UTC
  confirmed_at TEXT,                                   -- confirmed, UTC
  sent_rev     INTEGER NOT NULL DEFAULT 0,             -- the newest revision id already told (or, at
                                                       -- confirmation, the newest of the log)
  sent_at      INTEGER,                                -- unix time of the last message (or of the
                                                       -- confirmation): time-based changes start here
  CHECK ((kind = 'site') = (target_id IS NULL)),
  CHECK (status = 'active' OR confirm_hash IS NOT NULL)
);
CREATE UNIQUE INDEX subscription_thing ON subscription(follower_id, kind, coalesce(target_id, 0));
CREATE INDEX subscription_target ON subscription(kind, target_id);
CREATE INDEX subscription_status ON subscription(status, frequency);

-- A followed record that is deleted takes its subscriptions with it.
CREATE TRIGGER subscription_plan_gone AFTER DELETE ON action_plan BEGIN
  DELETE FROM subscription WHERE kind = 'plan' AND target_id = old.id;
END;
CREATE TRIGGER subscription_commitment_gone AFTER DELETE ON commitment BEGIN
  DELETE FROM subscription WHERE kind = 'commitment' AND target_id = old.id;
END;
CREATE TRIGGER subscription_entity_gone AFTER DELETE ON entity BEGIN
  DELETE FROM subscription WHERE kind = 'entity' AND target_id = old.id;
END;

-- The outbox knows the follower a message goes to: erasing the address removes what
-- waits for it, and a permanent refusal counts against it (follower.failures).
ALTER TABLE outbox ADD COLUMN follower_id INTEGER REFERENCES follower(id) ON DELETE CASCADE;
CREATE INDEX outbox_follower ON outbox(follower_id) WHERE follower_id IS NOT NULL;

-- The alerts queued, one row a message (no address), for the cap per hour on what
-- `aberta-admin follow send` queues and for the staff's counts; rows older than 8 days
-- are removed by each run.
CREATE TABLE follow_sent (
  at           INTEGER NOT NULL,                       -- unix time it was queued
  items        INTEGER NOT NULL                        -- changes it told
);
CREATE INDEX follow_sent_at ON follow_sent(at);
