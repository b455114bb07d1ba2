#!/bin/sh
# `aberta-admin rounds remind` on a temporary database with the real content, as TAP:
# its usage errors (exit 2); --now as ISO time and as unix seconds; eight days before a
# round's deadline nothing, seven days before the week reminder to the editor of each
# body not yet updated, with the links under ABERTA_BASE_URL, then nothing on a second
# run nor on two runs at once; a day before the day reminder; and `mail flush` sends what
# it queued.  (The schedule itself: tests/unit/test_rounds.c.)  Needs the sqlite3
# command-line shell.
builddir=${ABERTA_BUILDDIR:-$(dirname "$0")/../../build}
content=${ABERTA_CONTENT:-$(dirname "$0")/../../content/rnaa-content.json}
tmp=$(mktemp -d /tmp/aberta-rounds.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# remind ARGS...: rounds remind on the test database; sets rc and out.
remind() {
	ABERTA_BASE_URL=https://rnaa.example.pt/ "$admin" --db "$db" rounds remind "$@" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
}

"$admin" --db "$db" import "$content" >/dev/null 2>&1 &&
	"$admin" --db "$db" user add ana@ama.example.pt "Ana" member ama >/dev/null 2>&1 &&
	"$admin" --db "$db" user add rui@ti.example.pt "Rui" member ti-portugal >/dev/null 2>&1 ||
	{ echo "Bail out! cannot make the database"; exit 1; }
# A round on plan 2 opened on 1 March 2026, deadline 30 April.
sql "INSERT INTO round (name, deadline, opened_at) VALUES ('Autoavaliação intercalar 2026',
     '2026-04-30', '2026-03-01T10:00:00Z');
     INSERT INTO round_plan (round_id, plan_id) SELECT max(id), 2 FROM round"

for a in "" "--now" "--now yesterday" "--now 2026-04-23" "now" "--later 1"; do
	# shellcheck disable=SC2086 # the words are the arguments
	remind $a
	[ -z "$a" ] && continue
	check "rounds remind $a is a usage error (exit 2)" [ "$rc" -eq 2 ]
done
"$admin" --db "$db" rounds >/dev/null 2>&1
check "rounds without remind is a usage error" [ "$?" -eq 2 ]
remind --now 2026-04-22T12:00:00Z
check "eight days before the deadline: nothing ($out)" \
	[ "$rc $(sql 'SELECT count(*) FROM outbox')" = "0 0" ]
remind --now "$(date -u -d 2026-04-23T12:00:00Z +%s)"
check "seven days before (--now in unix seconds): the week reminder to each editor ($out)" \
	[ "$rc $(sql "SELECT group_concat(rcpt, ' ') FROM (SELECT rcpt FROM outbox ORDER BY rcpt)")" = \
	"0 ana@ama.example.pt rui@ti.example.pt" ]
check "it says so" [ "$(printf '%s' "$out" | cut -d ' ' -f 1-5)" = "2 reminder(s) queued for 2" ]
check "its links are under ABERTA_BASE_URL, without its trailing slash" \
	[ "$(sql "SELECT count(*) FROM outbox WHERE message LIKE '%https://rnaa.example.pt/admin/commitments/11%'")" = 1 ]
remind --now 2026-04-23T18:00:00Z
check "a second run the same week queues nothing" \
	[ "$rc $(sql 'SELECT count(*) FROM outbox')" = "0 2" ]
sql "DELETE FROM round_notice WHERE kind = 'week'; DELETE FROM outbox"
pids=''
for i in 1 2 3 4; do
	ABERTA_BASE_URL=https://rnaa.example.pt "$admin" --db "$db" rounds remind \
		--now 2026-04-24T08:00:00Z >"$tmp/r$i.out" 2>&1 &
	pids="$pids $!"
done
bad=0
for p in $pids; do wait "$p" || bad=$((bad + 1)); done
check "four runs at once all succeed" [ "$bad" = 0 ]
check "and together they queue the week reminder once a body" \
	[ "$(sql "SELECT count(*) || ' ' || count(DISTINCT rcpt) FROM outbox")" = "2 2" ]
remind --now 2026-04-29T08:00:00Z
check "a day before: the day reminder" \
	[ "$rc $(sql "SELECT count(*) FROM round_notice WHERE kind = 'day'")" = "0 2" ]
cat >"$tmp/sendmail" <<'EOF'
#!/bin/sh
cat >/dev/null
EOF
chmod +x "$tmp/sendmail"
env -u ABERTA_SMTP_URL ABERTA_SENDMAIL="$tmp/sendmail" "$admin" --db "$db" mail flush \
	>"$tmp/out" 2>&1
check "mail flush sends them ($(cat "$tmp/out"))" \
	[ "$?-$(sql 'SELECT count(*) FROM outbox')" = "0-0" ]

echo "1..$n"
exit $fail
