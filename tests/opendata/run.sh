#!/bin/bash
# Open-data checks with the tools its reusers would use (issue 19): start the built site
# (nginx + FastCGI workers) on a free port with a fresh database of the seed content in a
# temporary dir, then run the scripts of this folder against it, each given the site's
# address and the database:
#   *.js  with Node (the packages of package-lock.json: rdf-validate-shacl with
#         @zazuko/env-node for the DCAT-AP 3.0.0 SHACL shapes, dcat-ap-3.0.0-SHACL.ttl,
#         a copy of SEMIC's release, CC BY 4.0; ajv for the OpenAPI description's schemas)
#   *.py  with Python 3 (python3-openpyxl reads the spreadsheets back)
# Each check prints one TAP line ("ok N - ..." / "not ok N - ..."); the LAST line is
# "N passed, N failed", summed over the scripts (a script that did not print its closing
# "1..N" plan line counts one more failure).
# Usage: tests/opendata/run.sh [SCRIPT...]  (default: every *.js and *.py here, by name).
# Builds nothing: run make first.
set -uo pipefail

# shellcheck source=tests/lib-site.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib-site.sh"	# sets ROOT, BUILD
HERE=$ROOT/tests/opendata
SCRIPT_TIMEOUT=${SCRIPT_TIMEOUT:-600}	# seconds per script
TMP=''
DONE=0
PASS=0
FAIL=0

finish() {
	DONE=1
	echo "$1 passed, $2 failed"
	(( $2 == 0 )) && exit 0 || exit 1
}
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [ -n "$TMP" ]; then
		stop_site "$TMP"
		rm -rf "$TMP"
	fi
	(( DONE )) || { log "opendata harness aborted (exit $rc)"; echo "0 passed, 1 failed"; exit 1; }
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if (( $# > 0 )); then
	SCRIPTS=("$@")
else
	mapfile -t SCRIPTS < <(find "$HERE" -maxdepth 1 \( -name "*.js" -o -name "*.py" \) -printf "%f\n" | sort)
fi
(( ${#SCRIPTS[@]} > 0 )) || { log "no script in $HERE"; finish 0 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-opendata.XXXXXX")
port=0
for (( i = 0; i < 1000; i++ )); do
	p=$(( 19000 + (RANDOM + i) % 1000 ))
	if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
(( port > 0 )) || { log "no free port in 19000-19999"; finish 0 1; }
export ABERTA_DB=$TMP/aberta.db ABERTA_BASE_URL=http://127.0.0.1:$port
unset ABERTA_CACHE
{ prepare_db "$ABERTA_DB" >"$TMP/prepare.log" 2>&1 && start_site "$port" "$TMP"; } ||
	{ log "the site did not start (see $TMP)"; finish 0 1; }

for s in "${SCRIPTS[@]}"; do
	case $s in
	*.js) cmd=(node "$HERE/$s") ;;
	*.py) cmd=(/usr/bin/python3 "$HERE/$s") ;;	# Debian's, with python3-openpyxl
	*) log "$s: neither .js nor .py"; FAIL=$((FAIL + 1)); continue ;;
	esac
	log "== $s"
	timeout "$SCRIPT_TIMEOUT" "${cmd[@]}" "http://127.0.0.1:$port" "$ABERTA_DB" "$BUILD" \
		>"$TMP/out.tap" 2>"$TMP/err.log"
	rc=$?
	cat "$TMP/out.tap"
	[ -s "$TMP/err.log" ] && sed 's/^/# /' "$TMP/err.log" | head -n 40
	p=$(grep -c '^ok ' "$TMP/out.tap")
	f=$(grep -c '^not ok ' "$TMP/out.tap")
	if ! grep -qE '^1\.\.[0-9]+' "$TMP/out.tap"; then
		log "$s: no closing plan line (exit $rc): counting 1 failure"
		f=$((f + 1))
	elif (( rc != 0 && f == 0 )); then
		log "$s: exited $rc without a failing check: counting 1 failure"
		f=$((f + 1))
	fi
	log "$s: $p passed, $f failed"
	PASS=$((PASS + p))
	FAIL=$((FAIL + f))
done
finish "$PASS" "$FAIL"
