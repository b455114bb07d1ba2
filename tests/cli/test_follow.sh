#!/bin/sh
# `aberta-admin follow send` and `mail flush` on a temporary database with the real
# content and the SMTP sink (tests/cocreate/smtpsink, loopback), as TAP.  Followers are
# rows made here (the pages that make them are tested in tests/request/test_follow.c);
# the edits are real saves: `import --as` of a milestones file with evidence (the store's
# editing engine, a revision row a field).  Nothing when nothing changed; an edit inside
# the quiet window sends nothing, after it one message to each follower in their language
# with the change once, its links, the evidence, List-Unsubscribe (one click) and the
# management link; a second run nothing; a daily digest at the hour and not before, once,
# and the next day nothing (its marks move); a mass edit of 200 milestones one message a
# follower; the hourly cap (the rest wait, their marks unmoved, and go later); a relay's
# 550 to RCPT three times disables the address, a delivery resets the count, a 550 to
# MAIL FROM or a 554 greeting counts against no one, a 552 to the message one;
# sendmail's EX_NOUSER drops, EX_TEMPFAIL keeps; old follow_sent rows pruned; usage and
# settings errors.  (The schedule: test_follow.c; the message's parts: test_alert.c.)
# Needs the sqlite3 shell.
builddir=${ABERTA_BUILDDIR:-$(dirname "$0")/../../build}
srcdir=${ABERTA_SRCDIR:-$(dirname "$0")/../..}
content=${ABERTA_CONTENT:-$srcdir/content/rnaa-content.json}
tmp=$(mktemp -d /tmp/aberta-follow.XXXXXX) || exit 1
sink_pid=''
trap '[ -z "$sink_pid" ] || kill "$sink_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
export ABERTA_TEMPLATES="$srcdir/templates" ABERTA_BASE_URL=https://rnaa.example.pt
unset ABERTA_DIGEST_HOUR ABERTA_FOLLOW_CAP ABERTA_SENDMAIL
sink=$builddir/tests/cocreate/smtpsink
[ -x "$sink" ] || { echo "Bail out! $sink is not built"; exit 1; }
has() { printf '%s' "$1" | grep -qF -- "$2"; }
# send NOW [CAP]: follow send --now NOW (with ABERTA_FOLLOW_CAP=CAP); sets rc and out.
send() {
	ABERTA_FOLLOW_CAP=${2:-} "$admin" --db "$db" follow send --now "$1" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
}
queued() { sql "SELECT count(*) FROM outbox"; }
to() { sql "SELECT group_concat(rcpt, ' ') FROM (SELECT rcpt FROM outbox ORDER BY rcpt)"; }
rev() { sql "SELECT coalesce(max(id), 0) FROM revision"; }
# edit CSV: imports the milestones file CSV as Ana; E: the unix time of that save.
edit() {
	printf '%s\n' "$1" >"$tmp/ms.csv"
	"$admin" --db "$db" import --as ana@ama.example.pt "$tmp/ms.csv" >"$tmp/imp" 2>&1 ||
		{ echo "Bail out! the import failed: $(cat "$tmp/imp")"; exit 1; }
	E=$(sql "SELECT strftime('%s', max(at)) FROM revision")
}
# flush DIR [VAR=VALUE...]: mail flush through a new sink writing into DIR, started with
# the variables given (REFUSE, FAIL); sets rc and out.
flush() {
	d=$1
	shift
	mkdir -p "$d"
	for p in 8213 8223 8233 8243 8253 8263 8273 8283; do
		env "$@" "$sink" "$p" "$d" 60 2>>"$tmp/sink.log" &
		sink_pid=$!
		sleep 0.3
		kill -0 "$sink_pid" 2>/dev/null && break
		sink_pid=''
	done
	[ -n "$sink_pid" ] || { echo "Bail out! no port for the SMTP sink"; exit 1; }
	ABERTA_SMTP_URL=smtp://127.0.0.1:$p "$admin" --db "$db" mail flush >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	kill "$sink_pid" 2>/dev/null
	wait "$sink_pid" 2>/dev/null
	sink_pid=''
}
# mail_to DIR ADDR: the file of DIR's message to ADDR.
mail_to() { grep -l "^To: $2" "$1"/*.eml 2>/dev/null | head -n 1; }

"$admin" --db "$db" import "$content" >/dev/null 2>&1 &&
	"$admin" --db "$db" user add ana@ama.example.pt "Ana" focal >/dev/null 2>&1 ||
	{ echo "Bail out! cannot make the database"; exit 1; }

# ---- usage and settings
for a in "" "send --now" "send --now yesterday" "send --later 1" "sendall"; do
	# shellcheck disable=SC2086 # the words are the arguments
	run follow $a
	check "follow $a is a usage error (exit 2)" [ "$rc" -eq 2 ]
done
check "the usage names follow send" has "$err" "follow send [--now UNIX]"
ABERTA_DIGEST_HOUR=24 "$admin" --db "$db" follow send >/dev/null 2>"$tmp/err"
check "ABERTA_DIGEST_HOUR=24 is refused (exit 1)" [ "$?" -eq 1 ]
ABERTA_FOLLOW_CAP=-1 "$admin" --db "$db" follow send >/dev/null 2>"$tmp/err"
check "ABERTA_FOLLOW_CAP=-1 is refused (exit 1)" [ "$?" -eq 1 ]
ABERTA_TEMPLATES=$tmp/none "$admin" --db "$db" follow send >/dev/null 2>"$tmp/err"
check "missing templates are refused (exit 1)" [ "$?" -eq 1 ]

# ---- the followers: made before the edits, told from the newest revision and now on.
# The digests' hour: the first whole hour of Lisbon's clock at least an hour from now.
now0=$(date +%s)
slot=$(TZ=Europe/Lisbon date -d "$(TZ=Europe/Lisbon date -d "@$((now0 + 7200))" '+%Y-%m-%d %H:00')" +%s)
ABERTA_DIGEST_HOUR=$(TZ=Europe/Lisbon date -d "@$slot" +%H | sed 's/^0//')
export ABERTA_DIGEST_HOUR
r0=$(rev)
tok() { printf '%064d' "$1"; }
sql "INSERT INTO follower (id, email, token, failures) VALUES
	(1, 'pt@example.pt', '$(tok 1)', 2), (2, 'en@example.pt', '$(tok 2)', 0),
	(3, 'daily@example.pt', '$(tok 3)', 0), (4, 'bounce@example.pt', '$(tok 4)', 0),
	(6, 'waiting@example.pt', '$(tok 6)', 0);
     INSERT INTO follower (id, email, token, disabled_at, disabled_why) VALUES
	(5, 'gone@example.pt', '$(tok 5)', '2026-01-01T00:00:00Z', 'smtp: RCPT failed: 550');
     INSERT INTO subscription (follower_id, kind, target_id, lang, frequency, status, asked_at,
	sent_rev, sent_at) VALUES
	(1, 'commitment', 11, 'pt', 'immediate', 'active', $now0, $r0, $now0),
	(1, 'site', NULL, 'pt', 'immediate', 'active', $now0, $r0, $now0),
	(2, 'plan', 2, 'en', 'immediate', 'active', $now0, $r0, $now0),
	(3, 'commitment', 11, 'pt', 'daily', 'active', $now0, $r0, $now0),
	(4, 'commitment', 11, 'pt', 'immediate', 'active', $now0, $r0, $now0),
	(5, 'commitment', 11, 'pt', 'immediate', 'active', $now0, $r0, $now0);
     INSERT INTO subscription (follower_id, kind, target_id, lang, frequency, asked_at,
	confirm_hash, confirm_expires) VALUES
	(6, 'commitment', 11, 'pt', 'immediate', $now0, randomblob(32), $now0 + 86400)"

send $((now0 + 600))
check "nothing changed: nothing queued ($out)" [ "$rc-$(queued)-$(sql 'SELECT count(*) FROM follow_sent')" = 0-0-0 ]
check "and no mark moved" [ "$(sql "SELECT count(*) FROM subscription WHERE sent_at <> $now0 OR sent_rev <> $r0")" = 0 ]

# ---- one edit, with evidence
edit 'ogp_id,position,progress,evidence
PT0011,3,60,https://evidencia.example.pt/pt0011-3'
send $((E + 60))
check "a minute after the edit (the quiet window): nothing ($out)" [ "$rc-$(queued)" = 0-0 ]
send $((E + 400))
check "five minutes after: one message to each follower as it happens ($out)" \
	[ "$rc $(to)" = "0 bounce@example.pt en@example.pt pt@example.pt" ]
check "each recorded in follow_sent, telling one change" \
	[ "$(sql 'SELECT count(*), sum(items) FROM follow_sent')" = "3|3" ]
check "the marks moved to the newest revision and the run's time" \
	[ "$(sql "SELECT count(*) FROM subscription WHERE sent_rev = $(rev) AND sent_at = $((E + 400))")" = 4 ]
check "the outbox knows each message's follower" \
	[ "$(sql "SELECT count(*) FROM outbox o JOIN follower f ON f.id = o.follower_id AND f.email = o.rcpt")" = 3 ]
flush "$tmp/m1" REFUSE=bounce
check "mail flush sends two and the refused one fails ($out)" [ "$out" = "2 sent, 1 failed" ]
m=$(mail_to "$tmp/m1" pt@example.pt)
check "the Portuguese follower's message arrived" [ -n "$m" ]
check "in Portuguese, with the change and its link" \
	grep -q '^  \* PT0011, marco 3: progresso 50% → 60%' "$m"
check "the link to the milestone" grep -qF 'https://rnaa.example.pt/pt/commitments/PT0011#' "$m"
check "the evidence, once in each part although two followed things see it" \
	[ "$(grep -c 'https://evidencia.example.pt/pt0011-3' "$m")" = 2 ]
check "List-Unsubscribe: the one-click address with the token" \
	grep -q "^List-Unsubscribe: <https://rnaa.example.pt/follow/unsubscribe/$(tok 1)>" "$m"
check "List-Unsubscribe-Post: List-Unsubscribe=One-Click" \
	grep -q '^List-Unsubscribe-Post: List-Unsubscribe=One-Click' "$m"
check "Auto-Submitted: auto-generated" grep -q '^Auto-Submitted: auto-generated' "$m"
check "the management link" grep -qF "https://rnaa.example.pt/pt/follow/manage/$(tok 1)" "$m"
check "no image" [ "$(grep -ci '<img' "$m")" = 0 ]
m=$(mail_to "$tmp/m1" en@example.pt)
check "the English follower's message, in English" grep -q '^  \* PT0011, milestone 3: progress 50% → 60%' "$m"
check "its links in English" grep -qF 'https://rnaa.example.pt/en/commitments/PT0011#' "$m"
check "a delivery resets the address's refusals; a 550 to RCPT counts one" \
	[ "$(sql 'SELECT group_concat(failures) FROM (SELECT failures FROM follower WHERE id IN (1, 4) ORDER BY id)')" = "0,1" ]
check "and the refused message is dropped" [ "$(queued)" = 0 ]
send $((E + 500))
check "a second run: nothing new, nothing queued ($out)" [ "$rc-$(queued)" = 0-0 ]

# ---- the daily digest at the hour
send $((slot - 60))
check "a minute before the digests' hour: nothing ($out)" [ "$rc-$(queued)" = 0-0 ]
send "$slot"
check "at the hour: the daily digest ($out)" [ "$rc $(to)" = "0 daily@example.pt" ]
flush "$tmp/m2"
m=$(mail_to "$tmp/m2" daily@example.pt)
check "it tells the day's change" grep -qF 'https://evidencia.example.pt/pt0011-3' "$m"
check "and says it is a daily digest" grep -qF '(Resumo diário)' "$m"
send $((slot + 300))
check "five minutes later: no second digest ($out)" [ "$rc-$(queued)" = 0-0 ]
n0=$(sql 'SELECT count(*) FROM follow_sent')
send $((slot + 86400))
check "the next day, nothing changed: no digest, no follow_sent row ($out)" \
	[ "$rc-$(queued)-$(sql 'SELECT count(*) FROM follow_sent')" = "0-0-$n0" ]
check "but its marks moved to that hour" \
	[ "$(sql 'SELECT sent_at FROM subscription WHERE follower_id = 3')" = $((slot + 86400)) ]

# ---- a mass edit of 200 milestones (of plan 2's commitments, made for it)
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
     INSERT INTO milestone (commitment_id, position, title_pt, title_en, status, progress)
     SELECT 9 + i % 9, 100 + i, 'Marco de teste ' || i, 'Test milestone ' || i, 'in_progress', 10
     FROM n"
edit "ogp_id,position,progress,evidence
$(sql "SELECT c.ogp_id || ',' || m.position || ',30,https://evidencia.example.pt/massa/' ||
	c.ogp_id || '-' || m.position FROM milestone m JOIN commitment c ON c.id = m.commitment_id
	WHERE m.position > 100")"
check "the mass edit saved 200 progress figures" \
	[ "$(sql "SELECT count(*) FROM revision WHERE field = 'progress' AND after = '30'")" = 200 ]
t=$((slot + 86400 + 3600))
[ "$E" -lt $((t - 300)) ] || t=$((E + 400))
send "$t"
check "one message to each follower as it happens ($out)" \
	[ "$rc $(to)" = "0 bounce@example.pt en@example.pt pt@example.pt" ]
check "the site's follower is told the 200 changes" \
	[ "$(sql 'SELECT max(items) FROM follow_sent')" = 200 ]
check "the message lists 50 of a section and counts the rest, with the link" \
	[ "$(sql "SELECT count(*) FROM outbox WHERE rcpt = 'pt@example.pt' AND message LIKE
	    '%Outras alterações, não listadas aqui: %https://rnaa.example.pt/pt/%'")" = 1 ]
flush "$tmp/m3" REFUSE=bounce
check "the second refusal counts" [ "$(sql 'SELECT failures FROM follower WHERE id = 4')" = 2 ]

# ---- the hourly cap: one more message allowed in this hour; the rest wait
edit 'ogp_id,position,progress,evidence
PT0011,4,40,https://evidencia.example.pt/pt0011-4'
t=$((t + 600))
[ "$E" -lt $((t - 300)) ] || t=$((E + 400))
recent=$(sql "SELECT count(*) FROM follow_sent WHERE at > $t - 3600")
send "$t" $((recent + 1))
has "$out" "2 message(s) wait for the hourly cap" && w=2 || w=0
check "with the cap reached after one: one queued, two wait ($out)" \
	[ "$rc $(to) $w" = "0 pt@example.pt 2" ]
check "the waiting ones' marks did not move" \
	[ "$(sql "SELECT count(*) FROM subscription WHERE follower_id IN (2, 4) AND sent_at < $t")" = 2 ]
send $((t + 3700))
check "an hour later they go ($out)" [ "$rc $(to)" = "0 bounce@example.pt en@example.pt pt@example.pt" ]
flush "$tmp/m4" REFUSE=bounce
check "a 550 to RCPT the third time disables the address" \
	[ "$(sql "SELECT failures || ' ' || (disabled_at IS NOT NULL) || ' ' || disabled_why FROM follower WHERE id = 4")" = "3 1 smtp: RCPT failed: 550" ]
check "its message is dropped, the others sent ($out)" [ "$rc-$out-$(queued)" = "1-2 sent, 1 failed-0" ]

# ---- a disabled address gets nothing more; a relay refusing the sender counts against no one
edit 'ogp_id,position,progress,evidence
PT0011,5,20,https://evidencia.example.pt/pt0011-5'
t=$((t + 3700 + 600))
[ "$E" -lt $((t - 300)) ] || t=$((E + 400))
send "$t"
check "the disabled and the unconfirmed get nothing ($out)" [ "$rc $(to)" = "0 en@example.pt pt@example.pt" ]
flush "$tmp/m5" FAIL=550
check "a 550 to MAIL FROM: nothing sent, nothing dropped ($out)" [ "$out-$(queued)" = "0 sent, 2 failed-2" ]
check "and no address's count moved" [ "$(sql 'SELECT sum(failures) FROM follower WHERE id IN (1, 2)')" = 0 ]
flush "$tmp/m6" FAIL=554
check "a 554 greeting (the relay serves not this host): nothing dropped ($out)" \
	[ "$out-$(queued)" = "0 sent, 2 failed-2" ]
check "and no address's count moved by it" [ "$(sql 'SELECT sum(failures) FROM follower WHERE id IN (1, 2)')" = 0 ]
cat >"$tmp/sendmail" <<'EOF'
#!/bin/sh
cat >/dev/null
case $3 in en@*) exit "$EN_STATUS" ;; esac
EOF
chmod +x "$tmp/sendmail"
EN_STATUS=75 ABERTA_SENDMAIL=$tmp/sendmail "$admin" --db "$db" mail flush >"$tmp/out" 2>&1
check "sendmail's EX_TEMPFAIL keeps the message, counts nothing ($(head -n 1 "$tmp/out"))" \
	[ "$(queued)-$(sql 'SELECT failures FROM follower WHERE id = 2')" = 1-0 ]
EN_STATUS=67 ABERTA_SENDMAIL=$tmp/sendmail "$admin" --db "$db" mail flush >"$tmp/out" 2>&1
check "sendmail's EX_NOUSER drops it and counts one ($(head -n 1 "$tmp/out"))" \
	[ "$(queued)-$(sql 'SELECT failures FROM follower WHERE id = 2')" = 0-1 ]
sql "INSERT INTO outbox (rcpt, message, created_at, follower_id) VALUES
	('en@example.pt', 'Subject: x' || char(13, 10, 13, 10) || 'x', $t, 2)"
flush "$tmp/m7" FAIL=552 REFUSE=en@
check "a 552 to the message once received drops it and counts one ($out)" \
	[ "$out-$(queued)-$(sql 'SELECT failures FROM follower WHERE id = 2')" = "0 sent, 1 failed-0-2" ]

# ---- follow_sent keeps 8 days
sql "INSERT INTO follow_sent (at, items) VALUES ($t - 9 * 86400, 1), ($t - 7 * 86400, 1)"
send $((t + 60))
check "rows older than 8 days are pruned, younger kept" \
	[ "$(sql "SELECT count(*) FROM follow_sent WHERE at < $t - 6 * 86400")" = 1 ]

echo "1..$n"
exit $fail
