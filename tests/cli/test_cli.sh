#!/bin/sh
# aberta-admin's staff commands on a temporary database, as TAP: no account on a fresh
# install, generated passwords shown once and never stored or logged, refusals with their
# exit status (1: failed, 2: usage), sessions ended by disable, passwd and reset-2fa,
# and what `user list` shows; the links commands' refusals; mail flush with several
# senders at once (each message sent once), --id, claims, failures.  Needs the sqlite3
# command-line shell.
# shellcheck disable=SC2016 # sh -c scripts and SQL text are single-quoted on purpose
builddir=${ABERTA_BUILDDIR:-$(dirname "$0")/../../build}
tmp=$(mktemp -d /tmp/aberta-cli.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# session_add LOGIN: inserts a live session for LOGIN, as a login would.
session_add() {
	sql "INSERT INTO session (token_hash, staff_id, csrf, stage, created_at, last_seen)
	     SELECT randomblob(32), id, lower(hex(randomblob(32))), 'full',
	            CAST(strftime('%s','now') AS INTEGER), CAST(strftime('%s','now') AS INTEGER)
	     FROM staff WHERE login = '$1'"
}
sessions() { sql "SELECT count(*) FROM session x JOIN staff s ON s.id = x.staff_id WHERE s.login = '$1'"; }
# field LOGIN COLUMN: a column of LOGIN's line in `user list` (1 login ... 7 sessions).
field() { printf '%s\n' "$out" | awk -F '\t' -v l="$1" -v c="$2" '$1 == l { print $c }'; }
# password: the generated password in the output of add or passwd.
password() { printf '%s\n' "$out" | sed -n 's/^password for [^:]*: //p'; }

# A fresh install has no account at all.
run migrate
check "migrate creates the database" [ "$rc" -eq 0 ]
check "a fresh install has no staff rows" [ "$(sql 'SELECT count(*) FROM staff')" = 0 ]
run user list
check "user list on a fresh install succeeds" [ "$rc" -eq 0 ]
check "user list on a fresh install prints no account" [ -z "$out" ]

# Adding an administrator: a generated password, shown once.
run user add ana@example.pt "Ana Silva" admin
check "user add admin exits 0" [ "$rc" -eq 0 ]
pw=$(password)
check "user add prints a 20-character generated password" \
	sh -c 'printf %s "$1" | grep -Eqx "[2-9a-hjkmnp-zA-HJ-NP-Z]{20}"' - "$pw"
check "the password appears exactly once in the output" \
	[ "$(printf '%s\n' "$out$err" | grep -cF -- "$pw")" = 1 ]
check "the output says it is shown only once" \
	sh -c 'printf %s "$1" | grep -qi "shown only once"' - "$out"
check "the stored hash is argon2id" \
	[ "$(sql "SELECT substr(pw_hash, 1, 26) FROM staff WHERE login = 'ana@example.pt'")" = '$argon2id$v=19$m=65536,t=2' ]
check "the password is nowhere in the database files" \
	sh -c '! cat "$1"* | grep -qaF -- "$2"' - "$db" "$pw"
check "user add is in the audit log, by aberta-admin" \
	[ "$(sql "SELECT actor || ' ' || action || ' ' || object FROM audit_log ORDER BY id DESC LIMIT 1")" = 'aberta-admin user_add staff:ana@example.pt' ]

# Refusals.
run user add ANA@Example.pt "Ana again" focal
check "a duplicate login (any case) exits 1" [ "$rc" -eq 1 ]
check "the duplicate is explained" sh -c 'printf %s "$1" | grep -q "already exists"' - "$err"
check "the duplicate printed no password" [ -z "$out" ]
run user add bea@example.pt "Bea Costa" member
check "a member without an entity exits 2" [ "$rc" -eq 2 ]
check "the missing entity is explained" sh -c 'printf %s "$1" | grep -q "entity"' - "$err"
run user add bea@example.pt "Bea Costa" member no-such-body
check "a member with an unknown entity exits 1" [ "$rc" -eq 1 ]
check "the unknown entity is named" sh -c 'printf %s "$1" | grep -q "no-such-body"' - "$err"
run user add bea@example.pt "Bea Costa" editor
check "an unknown role exits 2" [ "$rc" -eq 2 ]
run user add not-an-email "Bea Costa" focal
check "a login that is not email-like exits 2" [ "$rc" -eq 2 ]
run user add bea@example.pt "" focal
check "an empty name exits 2" [ "$rc" -eq 2 ]
run user add bea@example.pt "Bea Costa" focal some-body
check "an entity for a focal point exits 2" [ "$rc" -eq 2 ]
check "no refused add created an account" [ "$(sql 'SELECT count(*) FROM staff')" = 1 ]
run user frobnicate
check "an unknown user command exits 2" [ "$rc" -eq 2 ]
run user passwd
check "a missing login exits 2" [ "$rc" -eq 2 ]
run user disable nobody@example.pt
check "disabling an unknown account exits 1" [ "$rc" -eq 1 ]

# A member editor with its entity.
sql "INSERT INTO entity (slug, name_pt) VALUES ('ti-portugal', 'Transparência e Integridade')"
run user add bea@example.pt "Bea Costa" member ti-portugal
check "a member with an existing entity is added" [ "$rc" -eq 0 ]
run user list
check "user list shows the member's entity" [ "$(field bea@example.pt 4)" = ti-portugal ]
check "user list shows the roles" \
	[ "$(field ana@example.pt 3) $(field bea@example.pt 3)" = "admin member" ]

# Disabling ends every session at once.
session_add ana@example.pt
session_add ana@example.pt
session_add bea@example.pt
run user list
check "user list counts active sessions" [ "$(field ana@example.pt 7)" = 2 ]
check "user list shows enabled accounts" [ "$(field ana@example.pt 6)" = no ]
run user disable ana@example.pt
check "user disable exits 0" [ "$rc" -eq 0 ]
check "disable ended all of that account's sessions" [ "$(sessions ana@example.pt)" = 0 ]
check "disable left other accounts' sessions" [ "$(sessions bea@example.pt)" = 1 ]
run user list
check "user list shows the account disabled" [ "$(field ana@example.pt 6)" = yes ]
check "user list shows no session for it" [ "$(field ana@example.pt 7)" = 0 ]
run user enable ana@example.pt
check "user enable exits 0" [ "$rc" -eq 0 ]
run user list
check "user enable clears the flag" [ "$(field ana@example.pt 6)" = no ]

# A new password: different, printed once, sessions ended.
session_add ana@example.pt
run user passwd ana@example.pt
pw2=$(password)
check "user passwd exits 0" [ "$rc" -eq 0 ]
check "user passwd prints a new, different password" [ "${pw2:-$pw}" != "$pw" ]
check "user passwd ended the sessions" [ "$(sessions ana@example.pt)" = 0 ]

# The second factor: list shows it; reset-2fa removes it with the codes and sessions.
sql "UPDATE staff SET totp_secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', totp_last_step = 5
     WHERE login = 'bea@example.pt';
     INSERT INTO recovery_code (staff_id, code_hash)
     SELECT id, 'x' FROM staff WHERE login = 'bea@example.pt'"
run user list
check "user list shows 2FA enrolled" [ "$(field bea@example.pt 5)" = yes ]
run user reset-2fa bea@example.pt
check "user reset-2fa exits 0" [ "$rc" -eq 0 ]
check "reset-2fa cleared the secret" \
	[ "$(sql "SELECT coalesce(totp_secret, '-') || coalesce(totp_last_step, '-') FROM staff WHERE login = 'bea@example.pt'")" = -- ]
check "reset-2fa removed the recovery codes" [ "$(sql 'SELECT count(*) FROM recovery_code')" = 0 ]
check "reset-2fa ended the sessions" [ "$(sessions bea@example.pt)" = 0 ]
run user list
check "user list shows 2FA not enrolled" [ "$(field bea@example.pt 5)" = no ]

session_add bea@example.pt
run user sessions-kill bea@example.pt
check "user sessions-kill exits 0" [ "$rc" -eq 0 ]
check "user sessions-kill ends the sessions" [ "$(sessions bea@example.pt)" = 0 ]

# The audit log: one line per change, by aberta-admin, never a password.
check "every change is audited" [ "$(sql "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log ORDER BY id)")" = \
	"user_add user_add user_disable user_enable user_passwd user_reset_2fa user_sessions_kill" ]
check "every audit line names aberta-admin" \
	[ "$(sql "SELECT count(*) FROM audit_log WHERE actor <> 'aberta-admin'")" = 0 ]
check "no password is in the audit log" \
	sh -c '! sqlite3 "$1" "SELECT * FROM audit_log" | grep -qF -e "$2" -e "$3"' - "$db" "$pw" "$pw2"

# links: refusals before anything is visited (nothing here reaches the network: the
# database has no outside address).
run links
check "links without a subcommand exits 2" [ "$rc" -eq 2 ]
run links check --parallel 0
check "links check --parallel 0 exits 2" [ "$rc" -eq 2 ]
check "the range is explained" sh -c 'printf %s "$1" | grep -q "from 1 to 64"' - "$err"
run links check --max-size 100
check "--max-size is for links archive only (exit 2)" [ "$rc" -eq 2 ]
run links archive --max-size 20000000
check "--max-size above the upload limit exits 2" [ "$rc" -eq 2 ]
run links check --timeout
check "an option without its value exits 2" [ "$rc" -eq 2 ]
run --help
check "--help documents the links options" sh -c 'printf %s "$1" | grep -q -- "--per-host N"' - "$out"
ABERTA_CACHE=off run links check
check "links check with no address exits 0" [ "$rc" -eq 0 ]
check "and says so" sh -c 'printf %s "$1" | grep -q "0 address(es) checked"' - "$err"
ABERTA_CACHE=off run links archive --allow-private --refresh
check "links archive takes --allow-private" [ "$rc" -eq 0 ]

# mail flush: several senders at once (the worker starts one per submission, the timer
# another) send each message once.  A stand-in sendmail logs "SENDER RCPT" per message.
cat >"$tmp/sendmail" <<'EOF'
#!/bin/sh
cat >/dev/null
sleep 0.05
echo "$PPID $3" >>"$MAILLOG"
EOF
cat >"$tmp/sendmail-down" <<'EOF'
#!/bin/sh
cat >/dev/null
exit 75
EOF
chmod +x "$tmp/sendmail" "$tmp/sendmail-down"
MAILLOG="$tmp/mail.log"
export MAILLOG
: >"$MAILLOG"
# queue N FIRST: N messages to mFIRST@example.net, m(FIRST+1)@...
queue() {
	sql "WITH RECURSIVE k(i) AS (SELECT $2 UNION ALL SELECT i + 1 FROM k WHERE i < $2 + $1 - 1)
	     INSERT INTO outbox (rcpt, message, created_at)
	     SELECT 'm' || i || '@example.net', 'To: m' || i || '@example.net' || char(13, 10) ||
	            'Subject: t' || char(13, 10, 13, 10) || 'body' || char(13, 10),
	            CAST(strftime('%s', 'now') AS INTEGER) FROM k"
}
# flush ARGS...: mail flush through the stand-in, output in $out, status in $rc.
flush() {
	env -u ABERTA_SMTP_URL ABERTA_SENDMAIL="$tmp/sendmail" "$admin" --db "$db" mail flush "$@" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
}
queue 40 1
pids=''
for i in 1 2 3 4; do
	env -u ABERTA_SMTP_URL ABERTA_SENDMAIL="$tmp/sendmail" "$admin" --db "$db" mail flush \
		>"$tmp/flush$i.out" 2>"$tmp/flush$i.err" &
	pids="$pids $!"
done
bad=0
for p in $pids; do wait "$p" || bad=$((bad + 1)); done
check "four mail flush at once all succeed" [ "$bad" = 0 ]
check "together they send the 40 messages" [ "$(wc -l <"$MAILLOG")" = 40 ]
check "each of the 40 once: none twice, none missing" [ "$(awk '{ print $2 }' "$MAILLOG" |
	sort | uniq -d | wc -l) $(awk '{ print $2 }' "$MAILLOG" | sort -u | wc -l)" = "0 40" ]
check "their counts add up to 40 sent" \
	[ "$(cat "$tmp"/flush?.out | awk '{ n += $1 } END { print n }')" = 40 ]
check "more than one of them sent (they did run at the same time)" \
	[ "$(awk '{ print $1 }' "$MAILLOG" | sort -u | wc -l)" -ge 2 ]
check "the outbox is empty after" [ "$(sql 'SELECT count(*) FROM outbox')" = 0 ]

: >"$MAILLOG"
queue 2 101
first=$(sql "SELECT min(id) FROM outbox")
sql "UPDATE outbox SET claimed_at = CAST(strftime('%s', 'now') AS INTEGER), claimed_by = 'another' WHERE id = $first"
flush
check "a message another sender claimed a moment ago is left to it" \
	[ "$rc $out $(sql "SELECT claimed_by FROM outbox")" = "0 1 sent, 0 failed another" ]
sql "UPDATE outbox SET claimed_at = claimed_at - 301"
flush
check "a claim older than 5 minutes is taken over (its sender died)" \
	[ "$rc $out $(sql 'SELECT count(*) FROM outbox')" = "0 1 sent, 0 failed 0" ]
# A sender whose claim was taken over while it was sending (it had gone stale) leaves
# the row to the new owner: it neither deletes it nor frees it.
cat >"$tmp/sendmail-slow" <<'EOF'
#!/bin/sh
cat >/dev/null
sqlite3 "$DB" "UPDATE outbox SET claimed_by = 'newer'"
EOF
chmod +x "$tmp/sendmail-slow"
queue 1 151
env -u ABERTA_SMTP_URL ABERTA_SENDMAIL="$tmp/sendmail-slow" DB="$db" "$admin" --db "$db" mail flush \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
check "a row claimed by another sender meanwhile is left to it" \
	[ "$rc $(sql "SELECT count(*) || ' ' || claimed_by FROM outbox")" = "0 1 newer" ]
check "and the log says so" grep -q 'another sender had taken it over' "$tmp/err"
sql "DELETE FROM outbox"
queue 2 201
first=$(sql "SELECT min(id) FROM outbox")
flush --id "$first"
check "mail flush --id N sends message N only" [ "$rc $out $(sql "SELECT count(*) FROM outbox WHERE id <> $first") $(awk '{ print $2 }' "$MAILLOG" | tail -n 1)" = \
	"0 1 sent, 0 failed 1 m201@example.net" ]
flush --id "$first"
check "again, it finds nothing to send" [ "$rc $out" = "0 0 sent, 0 failed" ]
for a in "--id 0" "--id x" "--id" "--all"; do
	# shellcheck disable=SC2086 # the words are the arguments
	flush $a
	check "mail flush $a is a usage error (exit 2)" [ "$rc" -eq 2 ]
done
env -u ABERTA_SMTP_URL ABERTA_SENDMAIL="$tmp/sendmail-down" "$admin" --db "$db" mail flush \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
check "a message that cannot be sent: exit 1, it stays, counted and freed for the next run" \
	[ "$rc $(sql "SELECT attempts || ' ' || (claimed_at IS NULL) || ' ' || (claimed_by IS NULL) FROM outbox")" = "1 1 1 1" ]
check "the reason is kept and printed" grep -q 'sendmail.*failed (status 75)' "$tmp/err"
flush
check "the next run sends it" [ "$rc $(sql 'SELECT count(*) FROM outbox')" = "0 0" ]

echo "1..$n"
exit $fail
