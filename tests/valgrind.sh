#!/bin/bash
# Valgrind memcheck over the request tests' scenario: the real worker binary
# (build/aberta, or ABERTA_BIN) in CGI mode, one process per request, against a fresh
# temporary database holding the real content (tests/lib-site.sh prepare_db), for every
# public page in both languages, the error cases, and admin pages with a session made
# for the run (an administrator created with aberta-admin, a session row inserted
# with the SHA-256 of a token we choose).  Each request passes when valgrind reports
# no error and no definitely lost block (--error-exitcode=99 --leak-check=full
# --errors-for-leak-kinds=definite) and the status is the expected one.  Builds
# nothing: run make first.  The last line is "N passed, N failed".
#
#   tests/valgrind.sh            JOBS=N runs N valgrinds at once (default 2)
set -uo pipefail

# shellcheck source=tests/lib-site.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib-site.sh"	# sets ROOT, CONTENT, log, prepare_db
BIN=${ABERTA_BIN:-$BUILD/aberta}
ADMIN=$BUILD/aberta-admin
JOBS=${JOBS:-2}
TMP=''

cleanup() {
	[ -n "$TMP" ] && [ -z "${KEEP:-}" ] && rm -rf "$TMP"
}
trap cleanup EXIT

for p in valgrind sqlite3 sha256sum; do
	command -v "$p" >/dev/null || { log "valgrind.sh: $p is missing"; echo "0 passed, 1 failed"; exit 1; }
done
[ -x "$BIN" ] && [ -x "$ADMIN" ] ||
	{ log "valgrind.sh: $BIN or $ADMIN missing (run make)"; echo "0 passed, 1 failed"; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-vg.XXXXXX")
DB=$TMP/aberta.db
mkdir -p "$TMP/www" "$TMP/uploads"
# aberta-admin and the worker write their page cache and uploads here, not in var/.
export ABERTA_CACHE=$TMP/www ABERTA_UPLOADS=$TMP/uploads
start=$(date +%s)
if ! prepare_db "$DB" >"$TMP/prepare.log" 2>&1; then
	log "valgrind.sh: could not prepare the database:"
	cat "$TMP/prepare.log" >&2
	echo "0 passed, 1 failed"
	exit 1
fi

# An administrator and a full (two-factor) session for it: the cookie token is ours, the
# database keeps its SHA-256 as auth.c does.
"$ADMIN" --db "$DB" user add valgrind@example.org "Valgrind" admin >/dev/null 2>"$TMP/user.log" ||
	{ log "valgrind.sh: aberta-admin user add failed:"; cat "$TMP/user.log" >&2; }
TOKEN=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
CSRF=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
HASH=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
NOW=$(date +%s)
sqlite3 "$DB" "INSERT INTO session (token_hash, staff_id, csrf, stage, created_at, last_seen)
	SELECT X'$HASH', id, '$CSRF', 'full', $NOW, $NOW FROM staff
	WHERE login = 'valgrind@example.org'" 2>"$TMP/session.log" ||
	{ log "valgrind.sh: could not create the session:"; cat "$TMP/session.log" >&2; }
COOKIE="aberta=$TOKEN"
# Ids that exist in the real content, for the admin edit forms.
CID=$(sqlite3 "$DB" "SELECT id FROM commitment WHERE ogp_id = 'PT0013'")
PID=$(sqlite3 "$DB" "SELECT id FROM action_plan ORDER BY number LIMIT 1")
EID=$(sqlite3 "$DB" "SELECT id FROM event ORDER BY id LIMIT 1")
MID=$(sqlite3 "$DB" "SELECT id FROM milestone ORDER BY id LIMIT 1")

# The requests: "STATUS METHOD URI [cookie] [BODY]" ("-" for no cookie or body).
CASES=$TMP/cases
{
	for lang in pt en; do
		for p in / /network /plans /plans/1 /plans/2 /plans/3 /plans/2/history \
			/commitments/PT0013 /commitments/PT0001 /commitments/PT0018 \
			/commitments/PT0013/history /events /events/1 /ogp /accessibility \
			/members/ama /feed.atom /plans/2/feed.atom /commitments/PT0013/feed.atom \
			/members/ama/feed.atom /values/access-to-information/feed.atom \
			/events/calendar.ics /events/1/calendar.ics /commitments /search?q=dados \
			/data; do
			echo "200 GET /$lang$p - -"
		done
	done
	echo "302 GET / - -"
	echo "200 GET /healthz - -"
	echo "200 GET /robots.txt - -"
	echo "200 GET /sitemap.xml - -"
	echo "200 GET /badge/PT0013.svg - -"
	echo "200 GET /data/catalog.jsonld - -"
	echo "200 GET /data/plans.json - -"
	echo "200 GET /data/events.csv - -"
	echo "404 GET /data/nothing.csv - -"
	echo "404 GET /badge/PT9999.svg - -"
	echo "404 GET /uploads/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef - -"
	echo "200 HEAD /en/plans - -"
	echo "200 GET /pt/plans?x=1&y=%C3%A9 - -"
	# Error cases
	echo "404 GET /pt/nothing-here - -"
	echo "404 GET /en/plans/999 - -"
	echo "404 GET /pt/members/no-such-body - -"
	echo "400 GET /pt/plans/abc - -"
	echo "400 GET /en/commitments/XX12 - -"
	echo "301 GET /pt/commitments/pt0013 - -"
	echo "301 GET /pt - -"
	echo "301 GET /en/plans/ - -"
	echo "405 POST /pt/plans - -"
	echo "405 DELETE /pt/ - -"
	echo "400 GET /pt/%ZZ - -"
	echo "400 GET /pt/plans?q=%FF - -"
	echo "400 GET /pt/../etc/passwd - -"
	echo "414 GET /pt/$(printf 'a%.0s' $(seq 1 3100)) - -"
	echo "303 GET /admin/ - -"
	echo "403 POST /admin/login - login=a&password=b"
	echo "200 GET /admin/login - -"
	# Admin pages with the session
	echo "200 GET /admin/ cookie -"
	echo "200 GET /admin/commitments cookie -"
	echo "200 GET /admin/commitments/$CID cookie -"
	echo "200 GET /admin/commitments/$CID/relations cookie -"
	echo "200 GET /admin/plans/$PID cookie -"
	echo "200 GET /admin/events/$EID cookie -"
	echo "200 GET /admin/milestones/$MID cookie -"
	echo "200 GET /admin/events/new cookie -"
	echo "200 GET /admin/reviews cookie -"
	echo "200 GET /admin/users cookie -"
	echo "200 GET /admin/audit cookie -"
	echo "200 GET /admin/audit?log=changes cookie -"
	echo "404 GET /admin/plans/999999 cookie -"
	echo "403 POST /admin/users/new cookie login=x"
} >"$CASES"

# Public routes of cgi-src/http/routes.c that no case above reaches (a note, not a failure:
# add a case when a page is added).
cut -d' ' -f3 "$CASES" | sed 's/?.*//' >"$TMP/paths"
while read -r pat; do
	re=$(sed -e 's/:lang/(pt|en)/g' -e 's/:int/[0-9]+/g' -e 's/:ogpid/[A-Z]{2}[0-9]{4}/g' \
		-e 's/:[a-z]*/[^\/]+/g' <<<"$pat")
	grep -qE "^$re\$" "$TMP/paths" ||
		log "valgrind.sh: note: no case for the public route $pat"
done < <(grep -oE '^[[:space:]]*\{ "/[^"]*"' "$ROOT/cgi-src/http/routes.c" |
	sed -E 's/^[[:space:]]*\{ "([^"]*)"/\1/' | grep -v '^/admin')

# run_case N STATUS METHOD URI COOKIE BODY: one request under valgrind; prints
# "ok|not ok N - ..." and keeps the valgrind log on failure.
run_case() {
	local n=$1 want=$2 method=$3 uri=$4 ck=$5 body=$6 vlog=$TMP/vg.$1.log out=$TMP/out.$1
	local rc=0 got errs env=() why='' q='' label
	[ "$body" = - ] && body=''
	[ "$ck" = cookie ] && env+=("HTTP_COOKIE=$COOKIE")
	[[ $uri == *\?* ]] && q=${uri#*\?}
	label="$method ${uri:0:80}$([ "$ck" = cookie ] && echo ' (session)')"
	printf '%s' "$body" >"$TMP/body.$n"
	env -i PATH="$PATH" ABERTA_DB="$DB" ABERTA_TEMPLATES="$ROOT/templates" \
		ABERTA_UPLOADS="$TMP/uploads" ABERTA_CACHE="$TMP/www" \
		GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD="$method" REQUEST_URI="$uri" \
		QUERY_STRING="$q" SCRIPT_NAME="${uri%%\?*}" HTTP_HOST=127.0.0.1 \
		REMOTE_ADDR=127.0.0.1 CONTENT_TYPE=application/x-www-form-urlencoded \
		CONTENT_LENGTH="${#body}" "${env[@]}" \
		valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--show-leak-kinds=definite --track-origins=yes --num-callers=30 \
		--log-file="$vlog" "$BIN" <"$TMP/body.$n" >"$out" 2>"$TMP/err.$n" || rc=$?
	got=$(sed -n '1s/^Status: \([0-9]*\).*/\1/p' "$out" | tr -d '\r')
	# With -q valgrind writes only errors; these are the memcheck error kinds.
	errs=$(grep -cE '^==[0-9]+== (Invalid|Conditional jump|Use of uninitialised|Syscall param|Mismatched|Source and destination overlap|Argument .* of function|.* definitely lost in)' \
		"$vlog" 2>/dev/null || true)
	if (( rc == 99 )) || (( errs > 0 )); then
		why="valgrind: exit $rc, $errs error(s)"
	elif (( rc != 0 )); then
		why="the worker exited $rc"
	elif [ "$got" != "$want" ]; then
		why="status ${got:-none}, expected $want"
	fi
	if [ -z "$why" ]; then
		echo "ok $n - $label"
		rm -f "$vlog" "$out" "$TMP/err.$n" "$TMP/body.$n"
	else
		echo "not ok $n - $label: $why"
		sed 's/^/# /' "$vlog" | head -n 60
		[ -s "$TMP/err.$n" ] && sed 's/^/# stderr: /' "$TMP/err.$n" | head -n 5
	fi
}
export -f run_case
export TMP DB ROOT BIN COOKIE

n=$(wc -l <"$CASES")
i=0
while read -r want method uri ck body; do
	i=$((i + 1))
	printf '%s\0%s\0%s\0%s\0%s\0%s\0' "$i" "$want" "$method" "$uri" "$ck" "$body"
done <"$CASES" | xargs -0 -n 6 -P "$JOBS" bash -c 'run_case "$@"' _ | tee "$TMP/results"

PASS=$(grep -c '^ok ' "$TMP/results" || true)
FAIL=$(grep -c '^not ok ' "$TMP/results" || true)
(( PASS + FAIL == n )) || { log "valgrind.sh: $n cases, $((PASS + FAIL)) results"; FAIL=$((n - PASS)); }
log "valgrind.sh: $n requests in $(( $(date +%s) - start ))s"
echo "$PASS passed, $FAIL failed"
(( FAIL == 0 && PASS > 0 ))
