#!/bin/bash
# Browser tests: start the built site (nginx + FastCGI workers) on a free port with a
# fresh database in a temporary dir, create an administrator and a focal-point editor
# with aberta-admin, then run the node scripts of this folder against it with Debian's
# chromium (playwright-core), axe-core and the Nu Html Checker:
#   glance.js  the ten-second test: what each plan's headline tells at 1280 and 375 px,
#              with screenshots into artifacts/glance/after/ (first: on the seed as
#              imported, before flows.js edits a figure)
#   flows.js   a citizen's and a staff member's journeys, screenshots, 375 px overflow
#   a11y.js    axe-core (WCAG 2.0/2.1 A and AA) on every page; keyboard-only use
#   html.js    the Nu Html Checker over every page and the stylesheet
#   rounds.js  a reporting round, by keyboard only
#   follow.js  following PT0013 by email, by keyboard only: subscribe, confirm, manage,
#              the one-click page; axe and the Nu Html Checker on each of their pages
#   security.js  issue 16's protections: the citizens' proof of work under pressure
#              (with script, without a worker, without script), /admin/logins and
#              withdrawing an upload; last, as its wrong passwords and pressure rows
#              must not reach the other scripts
# Each check prints one TAP-like line ("ok N - ..." / "not ok N - ..."); the LAST line
# is "N passed, N failed", summed over the scripts (a script that crashed, i.e. did not
# print its closing "1..N" plan line, counts one more failure).
# Usage: tests/browser/run.sh [SCRIPT.js...]  (default: all seven, in that order).
# Builds nothing: run make first.  Screenshots and reports go to tests/browser/artifacts/.
set -euo pipefail

# shellcheck source=tests/lib-site.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib-site.sh"	# sets ROOT
HERE=$ROOT/tests/browser
ADMIN_BIN=$BUILD/aberta-admin
SCRIPT_TIMEOUT=${SCRIPT_TIMEOUT:-900}	# seconds per node script
TMP=''
DONE=0

# free_port: print a TCP port in 19000-19999 that nothing on 127.0.0.1 listens on.
free_port() {
	local i p
	for (( i = 0; i < 1000; i++ )); do
		p=$(( 19000 + (RANDOM + i) % 1000 ))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	log "no free port in 19000-19999"
	return 1
}

# finish PASS FAIL: print the summary line once and exit accordingly.
finish() {
	DONE=1
	echo "$1 passed, $2 failed"
	(( $2 == 0 )) && exit 0 || exit 1
}

# cleanup: stop the site, remove the temp dir; a run that died before its summary
# counts as one failure.
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [ -n "$TMP" ]; then
		stop_site "$TMP"
		rm -rf "$TMP"
	fi
	(( DONE )) || { log "browser harness aborted (exit $rc)"; echo "0 passed, 1 failed"; exit 1; }
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if (( $# > 0 )); then
	SCRIPTS=("$@")
else
	SCRIPTS=(glance.js flows.js a11y.js html.js rounds.js follow.js security.js)
fi

missing=()
command -v node >/dev/null || missing+=("node (apt-get install nodejs)")
[ -x /usr/bin/chromium ] || missing+=("/usr/bin/chromium (apt-get install chromium)")
command -v java >/dev/null || missing+=("java (apt-get install default-jre-headless)")
for m in playwright-core axe-core vnu-jar; do
	[ -d "$HERE/node_modules/$m" ] || missing+=("$m (cd tests/browser && npm ci --ignore-scripts)")
done
[ -x "$ADMIN_BIN" ] && [ -x "$BUILD/aberta" ] || missing+=("build/aberta and aberta-admin (run make)")
if (( ${#missing[@]} > 0 )); then
	log "browser tests: missing: ${missing[*]}"
	finish 0 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-browser.XXXXXX")
export ABERTA_DB=$TMP/aberta.db
prepare_db "$ABERTA_DB"
# What the link checker and the archive leave (without contacting anything): the 2nd
# plan's document found broken, with an archived copy, and its first source redirected,
# so that the markers and /admin/links are checked like every other page.
sqlite3 "$ABERTA_DB" "
INSERT INTO upload (sha256, size, mime, name) VALUES (printf('%.64c', 'a'), 10,
	'application/pdf', 'plano-2.pdf');
INSERT INTO link_check (url, result, http_status, failure, error, checked_at, changed_at,
	broken_since) SELECT document_url, 'broken', 404, 'http', 'HTTP 404',
	'2026-01-02T04:30:00Z', '2026-01-02T04:30:00Z', '2026-01-02T04:30:00Z'
	FROM action_plan WHERE number = 2 AND document_url IS NOT NULL;
INSERT INTO link_archive (url, upload_sha, fetched_at) SELECT document_url,
	printf('%.64c', 'a'), '2025-12-01T04:30:00Z' FROM action_plan
	WHERE number = 2 AND document_url IS NOT NULL;
INSERT OR IGNORE INTO link_check (url, result, http_status, final_url, checked_at, changed_at)
	SELECT url, 'redirect', 200, url || '?moved', '2026-01-02T04:30:00Z',
	'2026-01-02T04:30:00Z' FROM link WHERE plan_id = (SELECT id FROM action_plan
	WHERE number = 2) AND url IS NOT NULL ORDER BY position, id LIMIT 1;"
port=$(free_port)
# The confirmation emails of the co-creation flow: sendmail.sh keeps each in MAIL_DIR.
export MAIL_DIR=$TMP/mail ABERTA_SENDMAIL=$HERE/sendmail.sh
mkdir -p "$MAIL_DIR"
start_site "$port" "$TMP"

# add_user LOGIN NAME ROLE: aberta-admin user add; prints the generated password.
add_user() {
	local out pw
	out=$("$ADMIN_BIN" --db "$ABERTA_DB" user add "$1" "$2" "$3" 2>&1) ||
		{ log "aberta-admin user add $1 failed: $out"; return 1; }
	pw=$(printf '%s\n' "$out" | sed -n "s/^password for $1: \([^ ]*\).*/\1/p" | head -n 1)
	[ -n "$pw" ] || { log "aberta-admin user add $1 printed no password: $out"; return 1; }
	printf '%s\n' "$pw"
}

export BASE_URL=http://127.0.0.1:$port ADMIN_BIN
export ADMIN_LOGIN=admin.browser@labx.gov.pt ADMIN_NAME="Admin Navegador"
export FOCAL_LOGIN=focal.browser@labx.gov.pt FOCAL_NAME="Ponto Focal Navegador"
ADMIN_PASSWORD=$(add_user "$ADMIN_LOGIN" "$ADMIN_NAME" admin)
FOCAL_PASSWORD=$(add_user "$FOCAL_LOGIN" "$FOCAL_NAME" focal)
export ADMIN_PASSWORD FOCAL_PASSWORD
export STATE_DIR=$TMP/state ARTIFACTS=$HERE/artifacts
mkdir -p "$STATE_DIR" "$ARTIFACTS"

PASS=0
FAIL=0
# run_script NAME: run node NAME (in tests/browser), keep its output in $TMP/NAME.out
# and add its results to PASS and FAIL; no closing plan line (a crash, a timeout) or a
# failing exit without a failing check count one more failure.
run_script() {
	local name=$1 rc=0 pass fail
	if [ ! -f "$HERE/$name" ]; then
		log "$name: no such script in $HERE: counting 1 failure"
		FAIL=$(( FAIL + 1 ))
		return 0
	fi
	log "--- $name"
	(cd "$HERE" && timeout --kill-after=20 "$SCRIPT_TIMEOUT" node "$name") 2>&1 |
		tee "$TMP/$name.out" || rc=$?
	pass=$(grep -c '^ok ' "$TMP/$name.out" || true)
	fail=$(grep -c '^not ok ' "$TMP/$name.out" || true)
	if ! grep -q '^1\.\.[0-9][0-9]*$' "$TMP/$name.out"; then
		log "$name: did not run to its end (exit $rc): counting 1 more failure"
		fail=$(( fail + 1 ))
	elif (( rc != 0 && fail == 0 )); then
		log "$name: exited $rc without a failing check: counting 1 failure"
		fail=1
	fi
	log "$name: $pass passed, $fail failed"
	PASS=$(( PASS + pass ))
	FAIL=$(( FAIL + fail ))
}

for s in "${SCRIPTS[@]}"; do
	run_script "$s"
done
stop_site "$TMP"
finish "$PASS" "$FAIL"
