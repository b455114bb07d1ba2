-- Migration 9: who is sending an outbox message.  The worker no longer sends the
-- confirmation email itself: it starts `aberta-admin mail flush --id N`, and the timer
-- runs `aberta-admin mail flush` too, so several senders can meet on one row.  A sender
-- claims a row (claimed_at and its own random claimed_by, in one write transaction)
-- before sending, and deletes or releases it only while the claim is still its own; a
-- claim older than 5 minutes is taken to be a sender that died (cgi-src/mailsend.h).
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;         -- the claiming sender's random token (NULL: free)
