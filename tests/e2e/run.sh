#!/bin/bash
# End-to-end tests: start the built site (nginx + FastCGI workers) on a free
# port with a fresh database in a temporary dir, run tests/e2e/e2e BASE_URL DB
# and then tests/e2e/e2e_admin BASE_URL DB ADMIN_BIN (both TAP) against the
# same site and database, and print "N passed, N failed" (both counts added)
# as the last line.  Builds nothing: run `make check` (or ./dev.sh test) first.
set -euo pipefail

# shellcheck source=tests/lib-site.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib-site.sh"	# sets ROOT
E2E=$BUILD/tests/e2e/e2e
E2E_ADMIN=$BUILD/tests/e2e/e2e_admin
ADMIN_BIN=$BUILD/aberta-admin
SMTPSINK=$BUILD/tests/cocreate/smtpsink
TMP=''
DONE=0
SINK_PID=''

# free_port: print a TCP port in 18000-18999 that nothing on 127.0.0.1 listens on.
free_port() {
	local i p
	for (( i = 0; i < 1000; i++ )); do
		p=$(( 18000 + (RANDOM + i) % 1000 ))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	log "no free port in 18000-18999"
	return 1
}

# finish PASS FAIL: print the summary line once and exit accordingly.
finish() {
	DONE=1
	echo "$1 passed, $2 failed"
	(( $2 == 0 )) && exit 0 || exit 1
}

# cleanup: stop the site, remove the temp dir; a run that died before its
# summary counts as one failure.
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	[ -z "$SINK_PID" ] || kill "$SINK_PID" 2>/dev/null || true
	if [ -n "$TMP" ]; then
		stop_site "$TMP"
		rm -rf "$TMP"
	fi
	(( DONE )) || { log "e2e harness aborted (exit $rc)"; echo "0 passed, 1 failed"; exit 1; }
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ ! -x "$E2E" ] && [ ! -x "$E2E_ADMIN" ]; then
	log "e2e: $E2E and $E2E_ADMIN are missing (build them with make check)"
	finish 0 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-e2e.XXXXXX")
export ABERTA_DB=$TMP/aberta.db ABERTA_UPLOADS=$TMP/uploads	# not the tree's var/
prepare_db "$ABERTA_DB"
port=$(free_port)
# The confirmation emails of the co-creation tests go to an SMTP sink on loopback, which
# writes each message to $TMP/mail and stops by itself after 15 minutes.
if [ -x "$SMTPSINK" ]; then
	mkdir -p "$TMP/mail"
	smtp_port=$(free_port)
	while [ "$smtp_port" = "$port" ]; do smtp_port=$(free_port); done
	"$SMTPSINK" "$smtp_port" "$TMP/mail" 900 2>>"$TMP/smtpsink.log" &
	SINK_PID=$!
	export ABERTA_SMTP_URL="smtp://127.0.0.1:$smtp_port" E2E_MAILDIR=$TMP/mail
	export E2E_SMTP_URL=$ABERTA_SMTP_URL
else
	log "e2e: $SMTPSINK is missing (make check builds it): the co-creation tests will fail"
fi
start_site "$port" "$TMP"

PASS=0
FAIL=0
# run_tap NAME CMD...: run one TAP program, keep its output in $TMP/NAME.tap and
# add its results to PASS and FAIL (a short run counts the missing tests as
# failed; a failing exit without a failing test counts one failure; a missing
# program counts one failure).
run_tap() {
	local name=$1 rc=0 pass fail plan
	shift
	if [ ! -x "$1" ]; then
		log "$name: $1 is missing or not executable (build it with make check): counting 1 failure"
		FAIL=$(( FAIL + 1 ))
		return 0
	fi
	"$@" 2>&1 | tee "$TMP/$name.tap" || rc=$?
	pass=$(grep -c '^ok ' "$TMP/$name.tap" || true)
	fail=$(grep -c '^not ok ' "$TMP/$name.tap" || true)
	plan=$(sed -n 's/^1\.\.\([0-9][0-9]*\).*/\1/p' "$TMP/$name.tap" | head -n 1)
	if [ -n "$plan" ] && (( pass + fail < plan )); then
		log "$name: plan was $plan tests, $((pass + fail)) ran: counting the missing ones as failed"
		fail=$(( plan - pass ))
	fi
	if (( rc != 0 && fail == 0 )); then
		log "$name: $1 exited $rc without a failing test: counting 1 failure"
		fail=1
	fi
	if (( pass + fail == 0 )); then
		log "$name: $1 printed no TAP results"
		fail=1
	fi
	log "$name: $pass passed, $fail failed"
	PASS=$(( PASS + pass ))
	FAIL=$(( FAIL + fail ))
}

run_tap e2e "$E2E" "http://127.0.0.1:$port" "$ABERTA_DB"
run_tap e2e_admin "$E2E_ADMIN" "http://127.0.0.1:$port" "$ABERTA_DB" "$ADMIN_BIN"
# A reporting round from opening to the public snapshot, on the same site and sink.
run_tap e2e_rounds "$BUILD/tests/e2e/e2e_rounds" "http://127.0.0.1:$port" "$ABERTA_DB" "$ADMIN_BIN"
run_tap cache "$ROOT/tests/e2e/cache.sh"	# the page cache, on a site of its own
run_tap conf "$ROOT/tests/e2e/conf.sh"	# the nginx configurations, on a site of their own
run_tap limits "$ROOT/tests/e2e/limits.sh"	# the citizens' forms' limits, on a site of their own
run_tap follow "$ROOT/tests/e2e/follow.sh"	# following by email, start to end, on a site of its own
stop_site "$TMP"
finish "$PASS" "$FAIL"
