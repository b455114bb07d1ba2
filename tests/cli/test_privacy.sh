#!/bin/sh
# aberta-admin submissions erase and purge on the email alerts (issue 17), on a temporary
# database, as TAP: erasing an address deletes its follower row, its subscriptions and
# the mail queued for it (outbox.follower_id), and nothing of another address; the purge
# deletes the requests to follow whose confirmation expired and the addresses left
# following nothing, and keeps a request still in time and a confirmed subscription.
# Needs the sqlite3 command-line shell.
builddir=${ABERTA_BUILDDIR:-$(dirname "$0")/../../build}
tmp=$(mktemp -d /tmp/aberta-cli-privacy.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
has() { printf '%s\n' "$1" | grep -qF -- "$2"; }
# follower EMAIL STATUS EXPIRES: an address following the whole site, its subscription
# in STATUS (its confirmation ending at unix time EXPIRES when unconfirmed), and one
# message queued for it.
follower() {
	sql "INSERT INTO follower (email, token) VALUES ('$1', lower(hex(randomblob(32))));
	     INSERT INTO subscription (follower_id, kind, lang, frequency, status, confirm_hash,
	         confirm_expires, asked_at)
	     SELECT id, 'site', 'pt', 'daily', '$2', CASE '$2' WHEN 'active' THEN NULL ELSE
	         randomblob(32) END, CASE '$2' WHEN 'active' THEN NULL ELSE $3 END, 0
	     FROM follower WHERE email = '$1';
	     INSERT INTO outbox (rcpt, message, created_at, follower_id)
	     SELECT '$1', 'Subject: x', 0, id FROM follower WHERE email = '$1'"
}
count() { sql "SELECT count(*) FROM $1"; }
now=$(date +%s)

run migrate
check "migrate creates the database" [ "$rc" -eq 0 ]
follower ana@example.org active 0
follower rui@example.org active 0
run submissions erase Ana@Example.org
check "erase exits 0" [ "$rc" -eq 0 ]
check "erase counts the subscription" has "$out" "1 subscription(s) to email alerts deleted"
check "the address is no longer a follower" \
	[ "$(sql "SELECT count(*) FROM follower WHERE email = 'ana@example.org'")" = 0 ]
check "its subscription is deleted" [ "$(count subscription)" = 1 ]
check "its queued mail is deleted" \
	[ "$(sql "SELECT count(*) FROM outbox WHERE rcpt = 'ana@example.org'")" = 0 ]
check "another address keeps its subscription and its mail" \
	[ "$(sql "SELECT count(*) FROM follower f JOIN subscription s ON s.follower_id = f.id
	          JOIN outbox o ON o.follower_id = f.id WHERE f.email = 'rui@example.org'")" = 1 ]
check "the erasure is audited without the address" \
	[ "$(sql "SELECT count(*) FROM audit_log WHERE action = 'erase' AND detail NOT LIKE '%@%'")" = 1 ]

follower late@example.org unconfirmed $((now - 60))
follower fresh@example.org unconfirmed $((now + 6 * 86400))
run submissions purge
check "purge exits 0" [ "$rc" -eq 0 ]
check "purge counts the expired request" has "$out" "1 subscription(s) to email alerts deleted"
check "the expired request's address is deleted, with its mail" \
	[ "$(sql "SELECT count(*) FROM follower WHERE email = 'late@example.org'") $(sql "SELECT count(*) FROM outbox WHERE rcpt = 'late@example.org'")" = "0 0" ]
check "a request still in time stays" \
	[ "$(sql "SELECT count(*) FROM subscription s JOIN follower f ON f.id = s.follower_id WHERE f.email = 'fresh@example.org'")" = 1 ]
check "a confirmed subscription stays" \
	[ "$(sql "SELECT count(*) FROM subscription s JOIN follower f ON f.id = s.follower_id WHERE f.email = 'rui@example.org'")" = 1 ]
echo "1..$n"
exit $fail
