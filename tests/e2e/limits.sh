#!/bin/bash
# The limits of the citizens' forms through nginx (issue 16, finding 1): a site of its
# own (nginx + workers, tests/lib-site.sh, a fresh database) whose IPv4 prefix lengths
# are ABERTA_NET4_BITS="24,16", so that loopback 127.0.0.9 and 127.0.0.10 are one
# person's network (127.0.0.0/24) and 127.0.1.x another network of the same wide one;
# curl sends from those addresses (--interface), and nginx passes them on as
# REMOTE_ADDR.  TAP on stdout; the last line is "N passed, N failed".
set -uo pipefail
# shellcheck source=tests/lib-site.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib-site.sh"	# sets ROOT
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-limits.XXXXXX")
PASS=0 FAIL=0 N=0
cleanup() { stop_site "$TMP"; rm -rf "$TMP"; }
trap cleanup EXIT
tap() { N=$((N + 1)); if [ "$1" = 0 ]; then PASS=$((PASS + 1)); echo "ok $N - $2"; else FAIL=$((FAIL + 1)); echo "not ok $N - $2"; fi; }
port=$(( 19000 + RANDOM % 900 ))
export ABERTA_DB=$TMP/aberta.db ABERTA_NET4_BITS=24,16
unset ABERTA_CACHE ABERTA_SMTP_URL
prepare_db "$ABERTA_DB" >/dev/null 2>&1 && start_site "$port" "$TMP" ||
	{ echo "not ok 1 - site did not start"; echo "0 passed, 1 failed"; exit 1; }
B=http://127.0.0.1:$port
FORM=/pt/commitments/PT0009/comments

# post FROM [FIELDS...]: a comment to $FORM from address FROM (curl --interface), from
# an email of its own, with the extra url-encoded FIELDS; the body goes to $TMP/b, the
# headers to $TMP/h; prints the status.  A 429 of nginx's own limits (no form in it)
# is waited out and tried again, so that only the program's answers count.
post() {
	local from=$1 st i n
	shift
	n=$(( $(cat "$TMP/nsent" 2>/dev/null || echo 0) + 1 ))	# post runs in $(...)
	echo "$n" >"$TMP/nsent"
	for (( i = 0; i < 20; i++ )); do
		st=$(curl -s --interface "$from" -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' \
			--data-urlencode author=Ana --data-urlencode "email=person$n@example.org" \
			--data-urlencode 'body=A comment long enough to be taken.' -d consent=1 \
			"$@" "$B$FORM")
		if [ "$st" != 429 ] || grep -q 'name="author"' "$TMP/b"; then
			break
		fi
		sleep 1
	done
	echo "$st"
}
sql() { sqlite3 -cmd '.timeout 10000' "$ABERTA_DB" "$@"; }

# 1. One person's network: ten from 127.0.0.9, then neither it nor 127.0.0.10.
bad=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	[ "$(post 127.0.0.9)" = 303 ] || { bad=1; echo "# comment $i from 127.0.0.9 refused"; }
done
tap $bad "ten comments from 127.0.0.9 are accepted"
[ "$(post 127.0.0.9)" = 429 ] && grep -q 'A comment long enough' "$TMP/b"
tap $? "the eleventh from 127.0.0.9 is refused, its text given back"
[ "$(post 127.0.0.10)" = 429 ]
tap $? "the same POST from 127.0.0.10, in the same network, is refused too"
[ "$(post 127.0.1.9)" = 303 ]
tap $? "127.0.1.9, another network of the same wide network, is served"
[ "$(sql "SELECT count(*) FROM submit_attempt WHERE key = 'net:127.0.0.0/24'")" = 10 ]
tap $? "the attempts are counted per network (net:127.0.0.0/24), not per address"

# 2. No global stop: 50,000 rows of other networks, and a fresh network is served.
now=$(date +%s)
sql "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999)
	INSERT INTO submit_attempt (key, at) SELECT 'net:10.' || (i / 256) || '.' ||
	(i % 256) || '.0/24', $now - 60 FROM n"
[ "$(post 127.5.0.1)" = 303 ]
tap $? "with 50,000 attempts of other networks in the table, a fresh network is served"

# 3. Under that pressure, a network past its free submissions proves work.
post 127.0.1.9 >/dev/null
post 127.0.1.9 >/dev/null
st=$(post 127.0.1.10)
ch=$(sed -n 's/.*name="pow_challenge" value="\([0-9a-f-]*\)".*/\1/p' "$TMP/b" | head -n 1)
[ "$st" = 429 ] && [ -n "$ch" ] && grep -qi '^Cache-Control: no-store' "$TMP/h" &&
	grep -q '<script src="/static/pow.js"' "$TMP/b" && grep -q 'Aguarde 5 segundos' "$TMP/b"
tap $? "the fourth from 127.0.1.x under pressure gets the form back with a challenge ($ch)"
st=$(curl -s -o "$TMP/js" -D "$TMP/jh" -w '%{http_code}' "$B/static/pow.js")
[ "$st" = 200 ] && grep -qi '^Content-Type: application/javascript' "$TMP/jh" &&
	grep -qi "^Content-Security-Policy: default-src 'self'" "$TMP/jh" && grep -q 'crypto.subtle' "$TMP/js"
tap $? "/static/pow.js is served from the site itself"
[ "$(post 127.0.1.10 --data-urlencode "pow_challenge=$ch")" = 429 ]
tap $? "the challenge sent back at once without a nonce is not yet paid"
sql "UPDATE submit_attempt SET at = at - 600 WHERE key LIKE 'pow:%'"
[ "$(post 127.0.1.10 --data-urlencode "pow_challenge=$ch")" = 303 ]
tap $? "once its wait has passed, the challenge without a nonce is accepted (no script)"
[ "$(post 127.0.1.10 --data-urlencode "pow_challenge=$ch")" = 429 ]
tap $? "the same challenge is not accepted twice"

echo "1..$N"
echo "$PASS passed, $FAIL failed"
(( FAIL == 0 ))
