#!/bin/bash
# The content-truth test (issue 20): the seed site, loaded from content/rnaa-content.json
# on a fresh database in a folder of its own under the build folder, served through nginx
# (tests/lib-site.sh) on a free port of its own (16000-16999); then tests/truth/truth.js
# (Node and its own fetch; lib.js and scan.js beside it) reads the content file and
# checks every commitment, plan, body, event and consultation in both languages: its
# facts, its confidence markers and its dates, no research note in any page, feed,
# calendar or export, and the import day nowhere but where the site states when
# something last changed.  TAP; the last line is "N passed, N failed".  Builds nothing:
# run make first.  KEEP=1 keeps the folder.
set -euo pipefail

# shellcheck source=tests/lib-site.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib-site.sh"	# sets ROOT, BUILD, CONTENT
TMP=''
DONE=0

# free_port: print a TCP port in 16000-16999 that nothing on 127.0.0.1 listens on.
free_port() {
	local i p
	for (( i = 0; i < 1000; i++ )); do
		p=$(( 16000 + (RANDOM + i) % 1000 ))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	log "no free port in 16000-16999"
	return 1
}

# finish PASS FAIL: print the summary line once and exit accordingly.
finish() {
	DONE=1
	echo "$1 passed, $2 failed"
	(( $2 == 0 && $1 > 0 )) && exit 0 || exit 1
}

# cleanup: stop the site (by the pids in its folder), remove the folder; a run that died
# before its summary counts as one failure.
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [ -n "$TMP" ]; then
		stop_site "$TMP"
		if [ "${KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
	fi
	(( DONE )) || { log "truth harness aborted (exit $rc)"; echo "0 passed, 1 failed"; exit 1; }
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! command -v node >/dev/null 2>&1; then
	log "truth: node is missing (./dev.sh test installs it)"
	finish 0 1
fi
mkdir -p "$BUILD/tests/truth"
TMP=$(mktemp -d "$BUILD/tests/truth/run.XXXXXX")
export ABERTA_DB=$TMP/aberta.db ABERTA_UPLOADS=$TMP/uploads
mkdir -p "$ABERTA_UPLOADS"
prepare_db "$ABERTA_DB" >"$TMP/prepare.log" 2>&1 || { cat "$TMP/prepare.log" >&2; finish 0 1; }
# The day the content was imported: no figure may be dated by it.
IMPORT_DAY=$(sqlite3 "$ABERTA_DB" "SELECT substr(changed_at, 1, 10) FROM site_state")
[[ $IMPORT_DAY =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || IMPORT_DAY=$(date -u +%F)
port=$(free_port)
start_site "$port" "$TMP"

rc=0
node "$ROOT/tests/truth/truth.js" "http://127.0.0.1:$port" "$CONTENT" "$IMPORT_DAY" \
	>"$TMP/truth.tap" 2>&1 || rc=$?
grep -v -E '^[0-9]+ passed, [0-9]+ failed$' "$TMP/truth.tap" || true
stop_site "$TMP"
pass=$(grep -c '^ok ' "$TMP/truth.tap" || true)
fail=$(grep -c '^not ok ' "$TMP/truth.tap" || true)
if ! grep -q -E '^1\.\.[0-9]+$' "$TMP/truth.tap"; then
	log "truth.js ended before its plan line (exit $rc): counting 1 failure"
	fail=$(( fail + 1 ))
elif (( rc != 0 && fail == 0 )); then
	log "truth.js exited $rc without a failing check: counting 1 failure"
	fail=1
fi
finish "$pass" "$fail"
