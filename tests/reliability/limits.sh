#!/bin/bash
# What a flood from one network does to the others (issue 16, findings 1 and 3).  A
# fresh site (rel-common.sh) whose IPv4 prefixes are ABERTA_NET4_BITS=24,16, so that on
# loopback a /24 stands for one client and a /16 for one site; curl and the C helper
# send from chosen addresses (--interface), nginx passes them on as REMOTE_ADDR.
#   - Citizens' comments: one /24 (127.0.3.1, 127.0.3.2...) sends FLOOD comments (at
#     most FLOOD_SECONDS long) and is refused (the program's 429, or nginx's) once past
#     its cap, and stays refused; meanwhile and afterwards a citizen of another /16
#     (127.5.0.1, 127.5.0.2) is served, and the flooding network can still read.
#   - Staff login: tests/reliability/loginflood.c, a flood of wrong passwords for the
#     administrator's login from 127.0.1.x, and the administrator signing in from its
#     usual network (127.9.0.x) meanwhile and afterwards.
# Loopback only; prints TAP; the last line is "N passed, N failed".  Builds nothing but
# its helper: run make first.
set -euo pipefail

# shellcheck source=tests/reliability/rel-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/rel-common.sh"

FLOOD=${FLOOD:-60}
FLOOD_SECONDS=${FLOOD_SECONDS:-30}
export ABERTA_NET4_BITS=24,16	# reaches the workers through start_site's environment
unset ABERTA_SMTP_URL		# the confirmation emails stay in the outbox
rel_start
rel_build loginflood "$REL/loginflood.c"
ogp=$(sql "SELECT ogp_id FROM commitment WHERE ogp_id IS NOT NULL ORDER BY id LIMIT 1")
FORM=/pt/commitments/$ogp/comments
diag "site on $BASE, ABERTA_NET4_BITS=$ABERTA_NET4_BITS, comments to $FORM"

# post FROM N: comment number N to $FORM from address FROM, from an email of its own;
# the body goes to $TMP/b.FROM; prints the status (000: no answer).
post() {
	curl -s --max-time 10 --interface "$1" -o "$TMP/b.$1" -w '%{http_code}' \
		--data-urlencode author=Ana --data-urlencode "email=flood$2@example.org" \
		--data-urlencode 'body=A comment long enough to be taken.' -d consent=1 \
		"$BASE$FORM" || true
}

# get FROM PATH: the status of GET PATH from address FROM.
get() {
	curl -s --max-time 10 --interface "$1" -o /dev/null -w '%{http_code}' "$BASE$2" || true
}

# 1. The flood, in the background: one status a line into $TMP/flood.st.
(
	t0=$SECONDS
	for (( i = 1; i <= FLOOD && SECONDS - t0 < FLOOD_SECONDS; i++ )); do
		post "127.0.3.$(( 1 + i % 250 ))" "$i" >>"$TMP/flood.st"
		echo >>"$TMP/flood.st"
	done
) &
flood=$!
STARTED+=("$flood")

# 2. Meanwhile, a citizen of another /16 reads and comments.
sleep 0.5
served=1
during=0
for i in 1 2 3; do
	st_get=$(get 127.5.0.1 "/pt/commitments/$ogp")
	st_post=$(post 127.5.0.1 "other$i")
	alive "$flood" && during=$(( during + 1 ))
	if [ "$st_get" != 200 ] || [ "$st_post" != 303 ]; then
		served=0
		diag "127.5.0.1, round $i: GET $st_get, POST $st_post"
	fi
done
tap "$served" "meanwhile 127.5.0.1 (another /16) reads the commitment and comments: 200 and 303, three times ($during of them while the flood ran)"
wait "$flood" || true

# 3. What the flood got.
mapfile -t sts < <(grep -v '^$' "$TMP/flood.st")
n=${#sts[@]}
acc=0
first=0
late=0
bad=0
for (( i = 0; i < n; i++ )); do
	case ${sts[i]} in
	303) acc=$(( acc + 1 )); (( first )) && late=$(( late + 1 )) ;;
	429) (( first )) || first=$(( i + 1 )) ;;
	*) bad=$(( bad + 1 )) ;;
	esac
done
diag "the flood: $n comments from 127.0.3.x, $acc accepted, first refused at $first, statuses: $(printf '%s\n' "${sts[@]}" | sort | uniq -c | tr '\n' ' ')"
tap "$(( n >= 20 && first > 0 && first <= 11 ))" "the flood from 127.0.3.0/24 is refused once past its cap: $n sent, the first 429 at number $first"
tap "$(( late == 0 && bad == 0 ))" "after its first refusal the flood stays refused, nothing answers otherwise ($late accepted later, $bad neither 303 nor 429)"
back=0
grep -q 'A comment long enough' "$TMP/b.127.0.3.$(( 1 + n % 250 ))" 2>/dev/null && back=1
tap "$back" "the last refused comment got its text back in the answer"
k=$(sql "SELECT count(*) FROM submit_attempt WHERE key = 'net:127.0.3.0/24'")
tap "$(( k == acc && acc <= 10 ))" "the program counted the flood as one network (net:127.0.3.0/24): $k attempts, $acc accepted"

# 4. Afterwards: the other /16 is still served, the flooder still refused but can read.
st=$(post 127.5.0.2 other4)
tap "$([ "$st" = 303 ] && echo 1 || echo 0)" "afterwards 127.5.0.2 (another /16) comments: $st"
st=$(post 127.0.3.77 again)
tap "$([ "$st" = 429 ] && echo 1 || echo 0)" "afterwards 127.0.3.77 (the flooding /24) is still refused: $st"
st=$(get 127.0.3.77 /pt/)
tap "$([ "$st" = 200 ] && echo 1 || echo 0)" "the flooding /24 can still read the site: GET /pt/ $st"

# 5. The staff login under a flood of wrong passwords.
"$TMP/loginflood" "$BASE" "$ABERTA_DB" "$ADMIN_BIN" 60 40 >"$TMP/loginflood.out" \
	2>"$TMP/loginflood.err" || true
tap_lines "$TMP/loginflood.out"
[ -s "$TMP/loginflood.err" ] && sed 's/^/# stderr: /' "$TMP/loginflood.err" | head -n 20
grep -q '^1\.\.[0-9]' "$TMP/loginflood.out" || tap 0 "tests/reliability/loginflood ran to its end"
rows=$(sql "SELECT count(*) FROM audit_log WHERE action LIKE 'login_refused%' OR action = 'login_delay'")
diag "the audit log has $rows rows of refusals and delays"
rel_finish
