-- Migration 15: what the security review of the running site asked for.
-- Times are UTC: ISO 8601 "YYYY-MM-DDTHH:MM:SSZ" in TEXT columns, unix seconds in
-- INTEGER ones (as login_failure.at).

-- An uploaded document can be withdrawn (`aberta-admin uploads withdraw`, or the
-- document's page in the admin area): its public address then answers 410 Gone and no
-- page links to it.  The file stays on disk and in the backups; the audit log says who
-- withdrew it and why.
ALTER TABLE upload ADD COLUMN withdrawn_at TEXT;       -- when it was withdrawn, UTC; NULL: not withdrawn
ALTER TABLE upload ADD COLUMN withdrawn_by INTEGER REFERENCES staff(id) ON DELETE SET NULL;
                                                       -- who withdrew it (NULL: the command line)
ALTER TABLE upload ADD COLUMN withdrawn_why TEXT CHECK (withdrawn_why IS NULL OR
  length(withdrawn_why) BETWEEN 1 AND 500);            -- why, as the person said it

-- The networks a staff login last signed in from: wrong passwords typed for that login
-- from elsewhere slow down only the others (an exponential delay per login), never its
-- owner on a network it used before (lib/netprefix.h: an IPv4 /24 or an IPv6 /48).
CREATE TABLE login_known (
  key          TEXT NOT NULL,                          -- 'login:<name>', as login_failure.key
  net          TEXT NOT NULL,                          -- the network, e.g. '192.0.2.0/24'
  last_ok      INTEGER NOT NULL,                       -- the last good password from it, unix time
  PRIMARY KEY (key, net)
) WITHOUT ROWID;

-- A document's public address asks whether a link cites it (store/uploadaccess.c).
CREATE INDEX link_upload ON link(upload_sha) WHERE upload_sha IS NOT NULL;
