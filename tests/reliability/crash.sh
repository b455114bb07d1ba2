#!/bin/bash
# Crashes (issue 7, section 2).  A fresh site (nginx + spawn-fcgi + multiwatch with the
# retry options of conf/aberta.service + 2 workers, a fresh database with the real
# content) on a free port; then, at the same time:
#   - wrk: public pages in both languages (8 connections);
#   - two staff members (staffbot saveloop), each saving the note of its own commitment
#     again and again through the admin form; every answer is recorded with the value
#     it carried (303 = acknowledged);
#   - phase 1: kill -9 of a random worker every CRASH_KILL_EVERY seconds (0.5) for
#     CRASH_SECONDS (20);
#   - phase 2: kill -9 of nginx (master and workers) and a restart, 3 times, 2 s apart.
# Afterwards: multiwatch restarted the workers and the site answers; the failed requests
# of phase 1 are no more than the kills (only the request in flight on the killed worker
# may fail); every acknowledged save is in the database with exactly one revision row;
# the revisions of each edited field form one unbroken chain ending in the row's value,
# and the row's version moved once per change (nothing half-written); PRAGMA
# integrity_check is ok and foreign_key_check empty.  Prints TAP; the last line is
# "N passed, N failed".  Builds nothing but its helper: run make first.
set -euo pipefail

# shellcheck source=tests/reliability/lib-faults.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib-faults.sh"
SECS=${CRASH_SECONDS:-20}
EVERY=${CRASH_KILL_EVERY:-0.5}
NGINX_KILLS=3

# supervisor_diag: what the supervisor and the workers look like (after a failure).
supervisor_diag() {
	diag "multiwatch: $(multiwatch_pid || true); workers: $(worker_pids | tr '\n' ' ');" \
		"/healthz: $(status "$BASE/healthz" --max-time 5); load: $(cut -d ' ' -f 1-3 /proc/loadavg)"
	diag "app.log: $(grep -v '^Spawning\|died, respawn' "$VAR/app.log" | sort | uniq -c |
		sort -rn | head -n 5 | tr -s ' \n' ' ')"
	diag "quick deaths (counted by multiwatch): $(grep -c '^Spawning' "$VAR/app.log" || true)"
	return 1
}
# workers_back: waits (15 s at most) for the workers and /healthz; says why not.
workers_back() { wait_workers "${WORKERS:-2}" 150 || supervisor_diag; }

command -v wrk >/dev/null || { log "wrk is not installed (apt-get install wrk)"; exit 1; }
tmp_setup crash
build_staffbot
export ABERTA_DB=$TMP/aberta.db
prepare "$ABERTA_DB" >"$TMP/prepare.log" 2>&1 || { cat "$TMP/prepare.log" >&2; exit 1; }
site_start "$(free_port)" "$TMP/var"
diag "site on $BASE; multiwatch options from conf/aberta.service: '$(mw_flags)'"

# The two records being edited, and their state before.
mapfile -t CIDS < <(sql "$ABERTA_DB" 'SELECT id FROM commitment ORDER BY id LIMIT 2')
declare -A V0 R0 OGP
for c in "${CIDS[@]}"; do
	V0[$c]=$(sql "$ABERTA_DB" "SELECT version FROM commitment WHERE id = $c")
	R0[$c]=$(sql "$ABERTA_DB" "SELECT count(DISTINCT change_id) FROM revision
		WHERE tbl = 'commitment' AND row_id = $c")
	OGP[$c]=$(sql "$ABERTA_DB" "SELECT ogp_id FROM commitment WHERE id = $c")
done

# Public pages for wrk; each must answer 200 before the crashes start.
PATHS=(/pt/ /en/ /pt/network /pt/plans /en/plans/2 /pt/events /en/events/1
	"/pt/commitments/${OGP[${CIDS[0]}]}" "/en/commitments/${OGP[${CIDS[1]}]}"
	/pt/commitments/PT0013/history /en/members/ama /pt/ogp)
bad=''
for p in "${PATHS[@]}"; do
	[ "$(status "$BASE$p")" = 200 ] || bad="$bad $p"
done
check "every page of the load answers 200 before the crashes${bad:+ (not:$bad)}" test -z "$bad"
{
	echo 'local paths = {'
	printf '  "%s",\n' "${PATHS[@]}"
	echo '}'
	echo 'local i = 0'
	echo 'request = function()'
	echo '  i = i % #paths + 1'
	echo '  return wrk.format("GET", paths[i])'
	echo 'end'
} >"$TMP/paths.lua"

COOKIES=()
for i in 1 2; do
	COOKIES+=("$(login "crash$i@test.pt")")
done
check "two staff members logged in with both factors" \
	test "${COOKIES[0]#aberta=}" != "${COOKIES[0]}" -a "${COOKIES[1]#aberta=}" != "${COOKIES[1]}"

TOTAL=$(( SECS + NGINX_KILLS * 2 + 6 ))
wrk -t1 -c8 -d"${TOTAL}s" --timeout 4s -s "$TMP/paths.lua" "$BASE" >"$TMP/wrk.out" 2>&1 &
BG+=($!)
for i in 0 1; do
	"$STAFFBOT" saveloop "$BASE" "${COOKIES[$i]}" "/admin/commitments/${CIDS[$i]}" note_pt \
		"crash$i" "$TOTAL" "$TMP/saves$i.tsv" 2>>"$TMP/staffbot.log" &
	BG+=($!)
done
sleep 2

# Phase 1: kill -9 a random worker every $EVERY s.
before=$(wc -l <"$VAR/access.log")
kills=0
killed=()
end=$(( SECONDS + SECS ))
while (( SECONDS < end )); do
	mapfile -t w < <(worker_pids)
	if (( ${#w[@]} > 0 )); then
		p=${w[RANDOM % ${#w[@]}]}
		if kill -KILL "$p" 2>/dev/null; then
			kills=$(( kills + 1 ))
			killed+=("$p")
		fi
	fi
	sleep "$EVERY"
done
check "multiwatch restarted the workers after $kills kills: ${WORKERS:-2} run again and /healthz answers" \
	workers_back
now=$(wait_gone 20 "${killed[@]}" && echo gone || echo left)
check "every killed worker is gone (no zombie kept alive)" test "$now" = gone
sleep 1
after=$(wc -l <"$VAR/access.log")
sed -n "$(( before + 1 )),${after}p" "$VAR/access.log" | awk '{ print $9 }' |
	sort | uniq -c | sort -rn >"$TMP/phase1.status"
f5=$(sed -n "$(( before + 1 )),${after}p" "$VAR/access.log" | awk '$9 ~ /^5/' | wc -l)
diag "phase 1: $kills workers killed; $(( after - before )) requests logged by nginx;" \
	"statuses: $(awk '{ printf "%s×%s ", $2, $1 }' "$TMP/phase1.status")"
check "phase 1: failed requests ($f5 5xx) are no more than the kills ($kills): only the request in flight on a killed worker failed" \
	test "$f5" -le "$kills"
bad5=$(sed -n "$(( before + 1 )),${after}p" "$VAR/access.log" | awk '$9 ~ /^5/ && $9 != 502' | wc -l)
check "phase 1: every failure is a 502 from nginx (the worker died), none from the program ($bad5 others)" \
	test "$bad5" = 0

# Phase 2: kill -9 nginx (master and workers) under load, and start it again.
nk=0
for (( i = 0; i < NGINX_KILLS; i++ )); do
	m=$(read_pid "$VAR/nginx.pid" nginx || true)
	[ -n "$m" ] || continue
	mapfile -t kids < <(pgrep -P "$m" || true)
	kill -KILL "$m" "${kids[@]}" 2>/dev/null || true
	wait_gone 30 "$m" "${kids[@]}" || log "nginx $m did not die"
	nk=$(( nk + 1 ))
	sleep 0.3
	nginx_start
	sleep 2
done
check "nginx killed with -9 and started again $nk times: the site answers" \
	test "$(status "$BASE/pt/")" = 200

for p in "${BG[@]}"; do wait "$p" || true; done
BG=()
diag "wrk: $(grep -E 'requests in|Non-2xx|Socket errors' "$TMP/wrk.out" | tr -s ' \n' ' ')"
check "the workers are still running after the load" workers_back

# Every save: acknowledged ones in the database with their revision, no half-written
# change.  One query per edited record, over its answers file.
for i in 0 1; do
	c=${CIDS[$i]}
	read -r acked missing lost_acks unacked_in foreign breaks lastok vmoved changes < <(
	sqlite3 -batch -noheader -separator ' ' :memory: <<EOF
.timeout 10000
ATTACH '$ABERTA_DB' AS d;
CREATE TABLE a (n INTEGER, st TEXT, v TEXT);
.mode tabs
.import '$TMP/saves$i.tsv' a
.mode list
.separator ' '
CREATE TEMP VIEW r AS SELECT id, change_id, before, after FROM d.revision
  WHERE tbl = 'commitment' AND row_id = $c AND field = 'note_pt';
SELECT
  (SELECT count(*) FROM a WHERE st = '303'),
  (SELECT count(*) FROM a WHERE st = '303' AND
     (SELECT count(*) FROM r WHERE r.after = a.v) <> 1),
  (SELECT count(*) FROM a WHERE st = '303' AND NOT EXISTS
     (SELECT 1 FROM r WHERE r.after = a.v)),
  (SELECT count(*) FROM a WHERE st <> '303' AND EXISTS (SELECT 1 FROM r WHERE r.after = a.v)),
  (SELECT count(*) FROM r WHERE r.after NOT IN (SELECT v FROM a)),
  (SELECT count(*) FROM (SELECT before, lag(after) OVER (ORDER BY id) AS prev,
     row_number() OVER (ORDER BY id) AS k FROM r) WHERE k > 1 AND before IS NOT prev),
  (SELECT (SELECT after FROM r ORDER BY id DESC LIMIT 1) IS
     (SELECT note_pt FROM d.commitment WHERE id = $c)),
  (SELECT version FROM d.commitment WHERE id = $c) - ${V0[$c]},
  (SELECT count(DISTINCT change_id) FROM d.revision WHERE tbl = 'commitment' AND row_id = $c)
    - ${R0[$c]};
EOF
	)
	diag "staff member $((i + 1)) (commitment $c): $(wc -l <"$TMP/saves$i.tsv") saves tried," \
		"$acked acknowledged (303), $unacked_in committed without an answer (the answer was lost" \
		"in a crash); answers: $(cut -f2 "$TMP/saves$i.tsv" | sort | uniq -c | awk '{ printf "%s×%s ", $2, $1 }')"
	check "staff member $((i + 1)): a fair number of saves were acknowledged ($acked >= 20)" \
		test "${acked:-0}" -ge 20
	check "staff member $((i + 1)): every acknowledged save has exactly one revision row ($missing wrong, $lost_acks lost)" \
		test "${missing:-1}" = 0
	check "staff member $((i + 1)): no revision holds a value that was never sent ($foreign)" \
		test "${foreign:-1}" = 0
	check "staff member $((i + 1)): the revisions form one unbroken chain (each 'before' is the previous 'after'; $breaks breaks)" \
		test "${breaks:-1}" = 0
	check "staff member $((i + 1)): the row holds the value of the last revision" test "${lastok:-0}" = 1
	check "staff member $((i + 1)): the row's version moved once per change ($vmoved moves, $changes changes)" \
		test "${vmoved:-x}" = "${changes:-y}"
done

check "PRAGMA integrity_check is ok and foreign_key_check is empty" \
	test "$(integrity "$ABERTA_DB")" = ok
crashes=$(grep -c 'cannot start' "$VAR/app.log" || true)
check "no worker failed to start during the crashes ($crashes 'cannot start' lines)" test "$crashes" = 0
finish
