#!/bin/bash
# Load with edits (issue 7, section 1).  A fresh site (nginx + the FastCGI workers, a
# fresh database with the real content) on a free port; then, at the same time:
#   - wrk: public pages, both languages, 64 connections for LOAD_SECONDS (default 30),
#     rotating over the home pages, network, plans, commitments (the ones being
#     edited too), histories, events, members and the text pages (wrk.lua);
#   - tests/reliability/loadedit: three staff sessions saving edits in a loop
#     (commitment titles; milestone progress with an evidence URL).
# Afterwards: no 5xx in wrk's results (and no 4xx: every URL exists); socket errors
# reported apart; every acknowledged save in the database with its revision rows;
# versions moved by exactly the acknowledged saves; PRAGMA integrity_check ok; the
# public pages show the last acknowledged values in PT and EN; no worker restarted.
# Prints TAP; the last line is "N passed, N failed".  Builds nothing but its helper:
# run make first.
set -euo pipefail

# shellcheck source=tests/reliability/rel-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/rel-common.sh"
SECS=${LOAD_SECONDS:-30}
CONNS=${LOAD_CONNECTIONS:-64}

command -v wrk >/dev/null || { log "wrk is not installed (apt-get install wrk)"; exit 1; }
rel_start
rel_build loadedit "$REL/loadedit.c"
diag "site on $BASE, database $ABERTA_DB"
workers0=$(worker_pids | tr '\n' ' ')

# The public URLs wrk rotates over: every page family, both languages.
{
	for l in pt en; do
		printf '/%s/\n/%s/network\n/%s/plans\n/%s/events\n/%s/ogp\n/%s/accessibility\n' \
			"$l" "$l" "$l" "$l" "$l" "$l"
		sql "SELECT number FROM action_plan ORDER BY number LIMIT 4" |
			sed "s|^|/$l/plans/|"
		sql "SELECT number FROM action_plan ORDER BY number LIMIT 2" |
			sed "s|^\(.*\)$|/$l/plans/\1/history|"
		sql "SELECT ogp_id FROM commitment WHERE ogp_id IS NOT NULL ORDER BY id LIMIT 8" |
			sed "s|^|/$l/commitments/|"
		sql "SELECT ogp_id FROM commitment WHERE ogp_id IS NOT NULL ORDER BY id LIMIT 3" |
			sed "s|^\(.*\)$|/$l/commitments/\1/history|"
		sql "SELECT id FROM event ORDER BY id LIMIT 3" | sed "s|^|/$l/events/|"
		sql "SELECT slug FROM entity WHERE is_member = 1 ORDER BY id LIMIT 3" |
			sed "s|^|/$l/members/|"
	done
} >"$TMP/urls.txt"
nurls=$(wc -l <"$TMP/urls.txt")
bad_urls=0
while IFS= read -r u; do
	c=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE$u")
	[ "$c" = 200 ] || { diag "$u answered $c before the load"; bad_urls=$(( bad_urls + 1 )); }
done <"$TMP/urls.txt"
tap "$(( bad_urls == 0 ))" "the $nurls public URLs of the rotation answer 200 before the load"

{
	echo 'local paths = {'
	sed 's|.*|  "&",|' "$TMP/urls.txt"
	cat <<'EOF'
}
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
function init(args)
  c2, c3, c4, c5 = 0, 0, 0, 0
  i = tid * 7
end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
function response(status, headers, body)
  if status >= 500 then c5 = c5 + 1
  elseif status >= 400 then c4 = c4 + 1
  elseif status >= 300 then c3 = c3 + 1
  else c2 = c2 + 1 end
end
function done(summary, latency, requests)
  local t = { 0, 0, 0, 0 }
  for _, th in ipairs(threads) do
    t[1] = t[1] + th:get("c2"); t[2] = t[2] + th:get("c3")
    t[3] = t[3] + th:get("c4"); t[4] = t[4] + th:get("c5")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d 2xx=%d 3xx=%d 4xx=%d 5xx=%d\n",
    summary.requests, t[1], t[2], t[3], t[4]))
  io.write(string.format("ERRORS connect=%d read=%d write=%d status=%d timeout=%d\n",
    e.connect, e.read, e.write, e.status, e.timeout))
  io.write(string.format("LATENCY p50=%.1f p90=%.1f p99=%.1f max=%.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
EOF
} >"$TMP/wrk.lua"

# The editors log in first (READY), then save for SECS while wrk runs.
mkdir -p "$TMP/edits"
"$TMP/loadedit" run "$BASE" "$ABERTA_DB" "$ADMIN_BIN" "$SECS" "$TMP/edits" \
	>"$TMP/loadedit.out" 2>"$TMP/loadedit.err" &
editor=$!
STARTED+=("$editor")
for (( i = 0; i < 300; i++ )); do
	grep -q '^READY' "$TMP/loadedit.out" 2>/dev/null && break
	kill -0 "$editor" 2>/dev/null || break
	sleep 0.1
done
ready=0
grep -q '^READY' "$TMP/loadedit.out" && ready=1
tap "$ready" "three focal-point editors log in with both factors"
(( ready )) || { cat "$TMP/loadedit.err" >&2; rel_finish; }

t0=$(date +%s.%N)
wrc=0
wrk -t2 -c"$CONNS" -d"${SECS}s" --timeout 5s --latency -s "$TMP/wrk.lua" "$BASE" \
	>"$TMP/wrk.out" 2>&1 || wrc=$?
erc=0
wait "$editor" || erc=$?
t1=$(date +%s.%N)
sed 's/^/# wrk: /' "$TMP/wrk.out"
diag "load phase took $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"
tap "$(( wrc == 0 ))" "wrk ran $CONNS connections for ${SECS} s (exit $wrc)"
tap "$(( erc == 0 ))" "the three editing sessions ran to the end (exit $erc)"
[ -s "$TMP/loadedit.err" ] && sed 's/^/# loadedit: /' "$TMP/loadedit.err"

# wrk's own summary: requests, "Non-2xx or 3xx responses", socket errors.
read -r req s2 s3 s4 s5 < <(sed -n 's/^RESULT requests=\([0-9]*\) 2xx=\([0-9]*\) 3xx=\([0-9]*\) 4xx=\([0-9]*\) 5xx=\([0-9]*\)$/\1 \2 \3 \4 \5/p' "$TMP/wrk.out")
read -r ec er ew es et < <(sed -n 's/^ERRORS connect=\([0-9]*\) read=\([0-9]*\) write=\([0-9]*\) status=\([0-9]*\) timeout=\([0-9]*\)$/\1 \2 \3 \4 \5/p' "$TMP/wrk.out")
non23=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$TMP/wrk.out")
non23=${non23:-0}
rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$TMP/wrk.out")
if [ -z "${req:-}" ] || [ -z "${ec:-}" ]; then
	tap 0 "wrk printed its results (see the wrk lines above)"
	req=0 s2=0 s3=0 s4=0 s5=0 ec=0 er=0 ew=0 es=0 et=0
fi
diag "wrk: $req requests ($rps/s): 2xx $s2, 3xx $s3, 4xx $s4, 5xx $s5; Non-2xx or 3xx: $non23"
diag "wrk socket errors: connect $ec, read $er, write $ew, timeout $et; wrk status errors: $es"
tap "$(( req > 1000 ))" "wrk completed a real load ($req requests, $rps/s)"
tap "$(( s5 == 0 ))" "no 5xx among wrk's $req responses ($s5)"
tap "$(( s4 == 0 ))" "no 4xx among wrk's responses either: every rotated URL exists ($s4)"
tap "$(( non23 == s4 + s5 ))" "wrk's \"Non-2xx or 3xx responses\" ($non23) is the 4xx + 5xx counted by status"
tap "$(( ec + er + ew + et == 0 ))" "no socket errors and no timeouts in wrk (connect $ec, read $er, write $ew, timeout $et)"
awk '$9 ~ /^5[0-9][0-9]$/ { n++ } END { print n + 0 }' "$TMP/access.log" >"$TMP/n5xx"
tap "$(( $(<"$TMP/n5xx") == 0 ))" "nginx's access log has no 5xx for the whole run ($(<"$TMP/n5xx"))"

"$TMP/loadedit" verify "$BASE" "$ABERTA_DB" "$TMP/edits" >"$TMP/verify.out" 2>&1 || true
tap_lines "$TMP/verify.out"
ic=$(sql 'PRAGMA integrity_check')
tap "$([ "$ic" = ok ] && echo 1 || echo 0)" "sqlite3 PRAGMA integrity_check after the run: $ic"

workers1=$(worker_pids | tr '\n' ' ')
tap "$([ "$workers0" = "$workers1" ] && echo 1 || echo 0)" \
	"no worker crashed or was restarted (pids before: $workers0; after: $workers1)"
rel_finish
