#!/bin/bash
# Slow clients and floods (issue 7, section 6), against a fresh site whose nginx runs
# conf/nginx-dev.conf.in (the same limits as conf/nginx-aberta.conf):
#   1. slowloris: SLOW_CONNS (200) connections on loopback each sending its request
#      header one byte every 2 s, never finishing it, for SLOW_SECONDS (40); closed
#      connections are reopened.  Meanwhile ~200 normal requests (curl, one every
#      150 ms) must all answer 200 quickly: p50/p99 reported next to a baseline taken
#      before; nginx must close the slow connections by client_header_timeout (10 s).
#   2. slow bodies: 150 POSTs that send their header and 10 bytes of a 10,000-byte
#      body, then nothing: beyond 100 per address, nginx answers 429 at once
#      (limit_conn); while 100 are held, one more request from the address gets 429;
#      the held ones are closed by client_body_timeout (10 s).
#   3. a login flood: 60 POSTs to /admin/login (valid form, wrong passwords) from one
#      client in a few seconds: nginx answers 429 beyond the burst, before the app
#      (the app's audit log counts only the requests nginx let through); an admin POST
#      flood (150) gets 429 beyond its burst too; after the window (and the app's own
#      15-minute failure window, aged in the database) a normal login with both
#      factors works.
# Prints TAP; the last line is "N passed, N failed".  Builds nothing but its helper:
# run make first.
set -euo pipefail

# shellcheck source=tests/reliability/rel-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/rel-common.sh"
SLOW_CONNS=${SLOW_CONNS:-200}
SLOW_SECONDS=${SLOW_SECONDS:-40}
HEADER_TIMEOUT=10	# client_header_timeout and client_body_timeout in the config

rel_start
rel_build slowclient "$REL/slowclient.c"
diag "site on $BASE, database $ABERTA_DB"
workers0=$(worker_pids | tr '\n' ' ')
URLS=(/pt/ /en/ /pt/plans /en/network /pt/events /en/plans/1 /pt/ogp)

# probe N GAP OUT: N GETs (rotating over URLS), GAP seconds apart; "code seconds" lines.
probe() {
	local n=$1 gap=$2 out=$3 i
	: >"$out"
	for (( i = 0; i < n; i++ )); do
		curl -s -o /dev/null --max-time 10 -w '%{http_code} %{time_total}\n' \
			"$BASE${URLS[i % ${#URLS[@]}]}" >>"$out" || echo "000 10" >>"$out"
		[ "$gap" = 0 ] || sleep "$gap"
	done
}

# pct FILE P: the P-th percentile (0-100) of the second column, in ms.
pct() {
	awk '{ print $2 }' "$1" | sort -n | awk -v p="$2" '{ v[NR] = $1 }
		END { i = int((NR * p + 99) / 100); if (i < 1) i = 1; printf "%.0f", v[i] * 1000 }'
}

# ---- 1. slowloris ---------------------------------------------------------------------
probe 200 0 "$TMP/base.txt"
b50=$(pct "$TMP/base.txt" 50)
b99=$(pct "$TMP/base.txt" 99)
diag "baseline: 200 requests, p50 ${b50} ms, p99 ${b99} ms"

"$TMP/slowclient" header "$PORT" "$SLOW_CONNS" 2000 "$SLOW_SECONDS" >"$TMP/loris.out" 2>&1 &
loris=$!
STARTED+=("$loris")
sleep 3
# client-side TCP connections to nginx in state ESTABLISHED (from /proc/net/tcp)
held=$(awk -v p="$(printf '%04X' "$PORT")" 'NR > 1 && $4 == "01" && substr($3, length($3) - 3) == p { n++ } END { print n + 0 }' /proc/net/tcp)
diag "slowloris: $held client connections established to nginx after 3 s"
tap "$(( held >= SLOW_CONNS * 9 / 10 ))" "the slow client holds its ~$SLOW_CONNS connections open ($held)"
t0=$SECONDS
probe 200 0.15 "$TMP/during.txt"
diag "200 probes took $(( SECONDS - t0 )) s during the slowloris"
wait "$loris" || true
sed 's/^/# slowloris: /' "$TMP/loris.out"
d50=$(pct "$TMP/during.txt" 50)
d99=$(pct "$TMP/during.txt" 99)
dmax=$(pct "$TMP/during.txt" 100)
n200=$(grep -c '^200 ' "$TMP/during.txt" || true)
diag "during the slowloris: p50 ${d50} ms, p99 ${d99} ms, max ${dmax} ms (baseline p99 ${b99} ms)"
tap "$(( n200 == 200 ))" "every normal request during the slowloris answered 200 ($n200 of 200)"
tap "$(( d99 < 500 ))" "normal requests stay fast during the slowloris: p99 ${d99} ms < 500 ms (p50 ${d50} ms; baseline p99 ${b99} ms)"
read -r opened closed first answered failed open_end < <(sed -n 's/^RESULT opened=\([0-9]*\) closed_by_server=\([0-9]*\) first_wave_closed=\([0-9]*\) answered=\([0-9]*\) connect_failed=\([0-9]*\) open_at_end=\([0-9]*\)$/\1 \2 \3 \4 \5 \6/p' "$TMP/loris.out")
read -r lmin lmed lmax < <(sed -n 's/^LIFE min=\([0-9.-]*\) median=\([0-9.-]*\) max=\([0-9.-]*\)$/\1 \2 \3/p' "$TMP/loris.out")
opened=${opened:-0} closed=${closed:-0} first=${first:-0} failed=${failed:-0}
diag "slowloris: $opened connections opened, $closed closed by nginx (${answered:-0} with an answer first), ${open_end:-0} still open at the end"
lmin=${lmin:--1} lmax=${lmax:-999}
tap "$(( first >= SLOW_CONNS * 9 / 10 ))" "nginx closed the first wave of slow connections ($first of $SLOW_CONNS; $closed closed in all, $opened opened)"
tap "$(awk -v a="$lmin" -v b="$lmax" -v t="$HEADER_TIMEOUT" 'BEGIN { print (a >= t - 1 && b <= t + 4) ? 1 : 0 }')" \
	"... by client_header_timeout: each lived ${lmin}-${lmax} s (median ${lmed:-?} s; timeout ${HEADER_TIMEOUT} s)"
tap "$(( failed == 0 ))" "no slow connection was refused at connect time ($failed)"

# ---- 2. slow bodies and the connection limit -------------------------------------------
"$TMP/slowclient" body "$PORT" 150 /pt/ $(( HEADER_TIMEOUT + 5 )) >"$TMP/body.out" 2>&1 &
bodyc=$!
STARTED+=("$bodyc")
for (( i = 0; i < 50; i++ )); do
	grep -q '^OPENED' "$TMP/body.out" 2>/dev/null && break
	sleep 0.1
done
sleep 1
extra=$(curl -s -o "$TMP/extra.body" --max-time 5 -w '%{http_code}' "$BASE/pt/" || true)
wait "$bodyc" || true
sed 's/^/# slow bodies: /' "$TMP/body.out"
read -r bheld b429 bquick bother bopen bfail < <(sed -n 's/^RESULT held_then_closed=\([0-9]*\) answered_429=\([0-9]*\) closed_quickly=\([0-9]*\) answered_other=\([0-9]*\) open_at_end=\([0-9]*\) connect_failed=\([0-9]*\)$/\1 \2 \3 \4 \5 \6/p' "$TMP/body.out")
read -r bmin bmed bmax < <(sed -n 's/^LIFE min=\([0-9.-]*\) median=\([0-9.-]*\) max=\([0-9.-]*\)$/\1 \2 \3/p' "$TMP/body.out")
bheld=${bheld:-0} b429=${b429:-0} bopen=${bopen:-0}
diag "slow bodies: $bheld held until nginx closed them (median ${bmed:-?} s), $b429 answered 429, ${bfail:-0} refused at connect time"
tap "$(( b429 >= 45 && b429 <= 55 ))" "beyond 100 requests in progress per address nginx answers 429 at once (limit_conn): $b429 of 150"
tap "$([ "$extra" = 429 ] && grep -q '^429 Demasiados pedidos' "$TMP/extra.body" && echo 1 || echo 0)" \
	"while 100 slow bodies are held, one more request from the address gets nginx's 429 with a message (got $extra)"
tap "$(awk -v n="$bheld" -v q="${bquick:-0}" -v a="${bmin:--1}" -v b="${bmax:-999}" -v t="$HEADER_TIMEOUT" 'BEGIN { print (n + 0 >= 95 && q == 0 && a >= t - 1 && b <= t + 4) ? 1 : 0 }')" \
	"nginx closed the held slow bodies by client_body_timeout: $bheld closed after ${bmin:-?}-${bmax:-?} s (${bother:-0} of them with an answer first, ${bopen} still open)"
after=$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$BASE/pt/" || true)
tap "$([ "$after" = 200 ] && echo 1 || echo 0)" "after the slow bodies are gone, the address is served again (got $after)"

# ---- 3. floods -------------------------------------------------------------------------
mkdir -p "$TMP/flood"
curl -s -c "$TMP/flood/jar" -o "$TMP/flood/login.html" "$BASE/admin/login"
pre=$(awk '$6 == "aberta_pre" { print $7 }' "$TMP/flood/jar")
csrf=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$TMP/flood/login.html" | head -n 1)
tap "$([ -n "$pre" ] && [ "$pre" = "$csrf" ] && echo 1 || echo 0)" "the login form gives a pre-session token for the flood"
audit0=$(sql "SELECT count(*) FROM audit_log WHERE action = 'login_fail'")
t0=$(date +%s.%N)
# One curl, 60 transfers at once: a client that does not wait for the answers.
for i in $(seq 60); do
	printf 'url = "%s/admin/login"\noutput = "%s/flood/%d.body"\n' "$BASE" "$TMP" "$i"
done >"$TMP/flood/login.cfg"
curl -s --no-progress-meter -Z --parallel-max 60 --max-time 30 -K "$TMP/flood/login.cfg" \
	-b "aberta_pre=$pre" --data "csrf=$pre&login=flood%40example.org&password=wrong" \
	-w '%{http_code} %{filename_effective}\n' 2>/dev/null >"$TMP/flood/codes.raw" &
floodc=$!
STARTED+=("$floodc")
# Half a second in, the burst is spent: one more POST must meet nginx's 429 too.
sleep 0.5
again=$(curl -s -o "$TMP/flood/again.body" -w '%{http_code}' -b "aberta_pre=$pre" \
	--data "csrf=$pre&login=flood%40example.org&password=again" "$BASE/admin/login" || true)
wait "$floodc" || true
t1=$(date +%s.%N)
again_nginx=0
grep -q '^429 Demasiados pedidos' "$TMP/flood/again.body" && again_nginx=1
sed 's|^\([0-9]*\) .*/\([0-9]*\)\.body$|\1 \2|' "$TMP/flood/codes.raw" >"$TMP/flood/codes"
ng429=0 app=0 other=0
while read -r code n; do
	if [ "$code" = 429 ] && grep -q '^429 Demasiados pedidos' "$TMP/flood/$n.body"; then
		ng429=$(( ng429 + 1 ))
	elif [ "$code" = 401 ] || { [ "$code" = 429 ] && grep -q 'Demasiadas tentativas' "$TMP/flood/$n.body"; }; then
		app=$(( app + 1 ))
	else
		other=$(( other + 1 ))
		diag "flood request $n answered $code"
	fi
done <"$TMP/flood/codes"
audit1=$(sql "SELECT count(*) FROM audit_log WHERE action = 'login_fail'")
fsecs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
diag "login flood: 60 POSTs in $fsecs s: $ng429 x 429 from nginx, $app answered by the app (401 or its own lockout 429), $other other"
# burst 30 (+1), then one more every 2 s of the flood
maxpass=$(awk -v d="$fsecs" 'BEGIN { printf "%d", 31 + int(d / 2) + 1 }')
tap "$(( ng429 + app == 60 && app <= maxpass && ng429 >= 10 && other == 0 ))" \
	"a login flood (60 POSTs in $fsecs s) gets 429 from nginx beyond the burst ($ng429 of 60; the app answered $app, at most $maxpass allowed)"
# The app hashes a password only when its throttle hears the attempt (401), and logs
# each of those; its own refusals (429 after 5 failures of the pair) log no row each.
heard=$(( $(grep -c '^401 ' "$TMP/flood/codes" || true) + ($([ "$again" = 401 ] && echo 1 || echo 0)) ))
tap "$(( audit1 - audit0 == heard ))" "... the audit log has one login_fail row per attempt the app heard ($heard) and none for those nginx or the app's throttle refused (grew by $(( audit1 - audit0 )))"
limited=$(grep -c 'limiting requests' "$TMP/nginx-error.log" || true)
diag "nginx-error.log: $limited 'limiting requests' lines"
tap "$([ "$again" = 429 ] && echo "$again_nginx" || echo 0)" \
	"inside the window (0.5 s into the flood) one more login POST also gets nginx's 429 (got $again)"

t0=$(date +%s.%N)
for i in $(seq 150); do
	printf 'url = "%s/admin/logout"\noutput = "/dev/null"\n' "$BASE"
done >"$TMP/flood/admin.cfg"
curl -s --no-progress-meter -Z --parallel-max 20 --max-time 30 -K "$TMP/flood/admin.cfg" \
	--data "csrf=x" -w '%{http_code}\n' 2>/dev/null >"$TMP/flood/admin-codes" || true
t1=$(date +%s.%N)
asecs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
a429=$(grep -c '^429$' "$TMP/flood/admin-codes" || true)
a5xx=$(grep -c '^5' "$TMP/flood/admin-codes" || true)
# burst 100 (+1), then 10 a second of the flood
min429=$(awk -v d="$asecs" 'BEGIN { m = 150 - 101 - int(10 * d + 1) - 2; printf "%d", m < 1 ? 1 : m }')
diag "admin POST flood: 150 POSTs in $asecs s: $a429 x 429; the rest: $(grep -v '^429$' "$TMP/flood/admin-codes" | sort | uniq -c | tr '\n' ' ')"
tap "$(( a429 >= min429 && a5xx == 0 ))" "an admin POST flood (150 in $asecs s) gets 429 beyond its burst of 100 ($a429, at least $min429 expected), no 5xx"

# After the window: nginx's login slot refills every 2 s; the app's own failure counters
# (5 per login and network, 20 per network in 15 minutes) are aged by 16 minutes.
sleep 3
sql "UPDATE login_failure SET at = at - 960" >/dev/null
lrc=0
"$TMP/slowclient" login "$BASE" "$ABERTA_DB" "$ADMIN_BIN" "depois@example.org" \
	>"$TMP/login.out" 2>&1 || lrc=$?
[ -s "$TMP/login.out" ] && sed 's/^/# login: /' "$TMP/login.out"
tap "$(( lrc == 0 ))" "after the window a normal login (password, then the second factor) works"

workers1=$(worker_pids | tr '\n' ' ')
tap "$([ "$workers0" = "$workers1" ] && echo 1 || echo 0)" \
	"no worker crashed or was restarted (pids before: $workers0; after: $workers1)"
n5=$(awk '$9 ~ /^5[0-9][0-9]$/ { n++ } END { print n + 0 }' "$TMP/access.log")
tap "$(( n5 == 0 ))" "nginx's access log has no 5xx for the whole run ($n5)"
rel_finish
