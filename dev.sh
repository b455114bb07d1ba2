#!/bin/bash
# Developer entry point (runs as root on Debian 12).
#   ./dev.sh run    install packages, build, prepare var/aberta.db, serve on
#                   http://127.0.0.1:${PORT:-8080}/ until Ctrl-C or SIGTERM
#   ./dev.sh test   same setup, then run every test layer; the last line is
#                   "P passed, F failed"
set -euo pipefail

PKGS="build-essential autoconf automake libtool pkg-config libctemplate-dev
libfcgi-dev libfcgi-bin libsqlite3-dev sqlite3 libcurl4-openssl-dev
libsodium-dev libjansson-dev check spawn-fcgi multiwatch nginx-light curl
liboath-dev libqrencode-dev libxml2-utils libmagic-dev tzdata libxlsxwriter-dev
zlib1g-dev"
# (zlib1g-dev: xlsxwriter.pc asks the linker for -lz, and libxlsxwriter-dev does not
# bring it)
TEST_PKGS="valgrind chromium default-jre-headless clang cppcheck clang-tidy clang-format wrk openssl python3-openpyxl
libclang-rt-14-dev llvm"

# shellcheck source=tests/lib-site.sh
. "$(dirname "${BASH_SOURCE[0]}")/tests/lib-site.sh"	# sets ROOT
cd "$ROOT"
export ABERTA_DB=${ABERTA_DB:-$ROOT/var/aberta.db}

# install_pkgs PKG...: apt-get install the packages that are not installed.
install_pkgs() {
	local p st missing=()
	for p in "$@"; do
		st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
		[ "$st" = 'install ok installed' ] || missing+=("$p")
	done
	(( ${#missing[@]} )) || return 0
	log "installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# build: autoreconf / configure only when needed, then make, in build/ (out of the
# source tree, so the source folders hold only sources).
build() {
	if [ ! -x configure ] || [ configure.ac -nt configure ]; then
		autoreconf -fi
	fi
	mkdir -p "$BUILD"
	if [ ! -f "$BUILD/Makefile" ] || [ configure -nt "$BUILD/Makefile" ]; then
		(cd "$BUILD" && "$ROOT/configure" --enable-werror)
	fi
	make -C "$BUILD" -j2
}

# setup [EXTRA_PKGS...]: steps shared by run and test.
setup() {
	# shellcheck disable=SC2086 # the package lists are word lists
	install_pkgs $PKGS "$@"
	build
	prepare_db "$ABERTA_DB"
}

RUN_VAR=$ROOT/var/run
SLEEPER=''

# cleanup: stop the site once, whatever ends `run`.
cleanup() {
	trap - INT TERM EXIT
	[ -z "$SLEEPER" ] || kill "$SLEEPER" 2>/dev/null || true
	stop_site "$RUN_VAR"
}

# cmd_run: serve the site in the foreground until INT or TERM.
cmd_run() {
	local port=${PORT:-8080}
	setup
	trap cleanup EXIT
	trap 'cleanup; exit 130' INT
	trap 'cleanup; exit 143' TERM
	start_site "$port" "$RUN_VAR"
	log "aberta is on http://127.0.0.1:$port/ (logs in $RUN_VAR); Ctrl-C stops it"
	# What the timers do in production, here every 5 minutes: the email alerts due
	# (conf/aberta-follow.timer), and every hour the reporting rounds' reminders that are
	# due (conf/aberta-rounds.timer, daily there), each sent once however often it runs.
	# They wait in the outbox unless a transport is set (ABERTA_SMTP_URL or
	# ABERTA_SENDMAIL), which `mail flush` then uses, as conf/aberta-follow.service does.
	local tick=0
	while :; do
		if (( tick++ % 12 == 0 )); then
			"$BUILD/aberta-admin" --db "$ABERTA_DB" rounds remind >>"$RUN_VAR/rounds.log" 2>&1 ||
				log "aberta-admin rounds remind failed (see $RUN_VAR/rounds.log)"
		fi
		ABERTA_BASE_URL=${ABERTA_BASE_URL:-http://127.0.0.1:$port} \
			"$BUILD/aberta-admin" --db "$ABERTA_DB" follow send >>"$RUN_VAR/follow.log" 2>&1 ||
			log "aberta-admin follow send failed (see $RUN_VAR/follow.log)"
		if [ -n "${ABERTA_SMTP_URL:-}${ABERTA_SENDMAIL:-}" ]; then
			"$BUILD/aberta-admin" --db "$ABERTA_DB" mail flush >>"$RUN_VAR/follow.log" 2>&1 ||
				log "aberta-admin mail flush left mail in the outbox (see $RUN_VAR/follow.log)"
		fi
		sleep 300 &
		SLEEPER=$!
		wait "$SLEEPER" || true
	done
}

PASSED=0
FAILED=0

# count NAME PASS FAIL: add a layer's result to the totals and report it.
count() {
	PASSED=$((PASSED + $2))
	FAILED=$((FAILED + $3))
	log "-- layer $1: $2 passed, $3 failed"
}

# layer_make_check: run `make check` and sum automake's test-suite summaries
# (FAIL, ERROR and XPASS count as failures).
layer_make_check() {
	local log=$ROOT/var/test-logs/make-check.log rc=0 pass fail
	log "== make check"
	AM_COLOR_TESTS=no make -C "$BUILD" -j2 check </dev/null 2>&1 | tee "$log" || rc=$?
	pass=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '/^# PASS: /{n+=$3} END{print n+0}')
	fail=$(sed 's/\x1b\[[0-9;]*m//g' "$log" |
		awk '/^# (FAIL|ERROR|XPASS): /{n+=$3} END{print n+0}')
	if (( rc != 0 && fail == 0 )); then
		log "make check exited $rc without a failing test in its summary: counting 1 failure"
		fail=1
	fi
	count make-check "$pass" "$fail"
}

# run_layer NAME CMD...: run a layer whose output ends with
# "N passed, N failed"; its log goes to var/test-logs/NAME.log.
run_layer() {
	local name=$1 log=$ROOT/var/test-logs/$1.log rc=0 line pass fail
	shift
	log "== $name: $*"
	"$@" </dev/null 2>&1 | tee "$log" || rc=$?
	line=$(grep -E '^([[:alnum:]_-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 || true)
	if [ -z "$line" ]; then
		log "$name printed no 'N passed, N failed' line (exit $rc): counting 1 failure"
		count "$name" 0 1
		return
	fi
	pass=$(sed -E 's/^([^ ]+: )?([0-9]+) passed.*/\2/' <<<"$line")
	fail=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
	if (( rc != 0 && fail == 0 )); then
		log "$name exited $rc but reported no failure: counting 1 failure"
		fail=1
	fi
	count "$name" "$pass" "$fail"
}

# browser_tools: Node.js and the browser-test packages (playwright-core, axe-core,
# vnu-jar) from the npm registry, pinned by tests/browser/package-lock.json.  Node
# comes from Debian when the machine has none; no browser is ever downloaded: the
# tests drive Debian's chromium.
browser_tools() {
	if ! command -v npm >/dev/null 2>&1; then
		install_pkgs nodejs npm
	fi
	if [ ! -d tests/browser/node_modules/playwright-core ] ||
	    [ tests/browser/package-lock.json -nt tests/browser/node_modules ]; then
		(cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund)
	fi
}

# opendata_tools: the open-data checks' packages (rdf-validate-shacl with @zazuko/env-node,
# ajv) from the npm registry, pinned by tests/opendata/package-lock.json, on Debian's
# Node; their spreadsheet read-back uses python3-openpyxl (TEST_PKGS).
opendata_tools() {
	if ! command -v npm >/dev/null 2>&1; then
		install_pkgs nodejs npm
	fi
	if [ ! -d tests/opendata/node_modules/rdf-validate-shacl ] ||
	    [ tests/opendata/package-lock.json -nt tests/opendata/node_modules ]; then
		(cd tests/opendata && npm ci --ignore-scripts --no-audit --no-fund)
	fi
}

# cmd_test: set up, run the layers, print the totals as the last line.
cmd_test() {
	# shellcheck disable=SC2086
	setup $TEST_PKGS
	mkdir -p var/test-logs
	layer_make_check
	if [ -x tests/e2e/run.sh ]; then
		run_layer e2e tests/e2e/run.sh
	fi
	run_layer links tests/links/run.sh
	if browser_tools; then
		run_layer browser tests/browser/run.sh
	else
		log "browser tools could not be installed: counting 1 failure"
		count browser 0 1
	fi
	if opendata_tools; then
		run_layer opendata tests/opendata/run.sh
	else
		log "open-data tools could not be installed: counting 1 failure"
		count opendata 0 1
	fi
	# The content-truth layer runs on Node alone (Debian's; no npm package).
	command -v node >/dev/null 2>&1 || install_pkgs nodejs || true
	run_layer truth tests/truth/run.sh
	for layer in sanitize valgrind fuzz reliability; do
		case $layer in
		sanitize) script=tests/sanitize.sh ;;
		valgrind) script=tests/valgrind.sh ;;
		static) script=tests/static.sh ;;
		fuzz) script=tests/fuzz/run.sh ;;
		reliability) script=tests/reliability/run.sh ;;
		esac
		if [ -x "$script" ]; then
			run_layer "$layer" "$script"
		fi
	done
	echo "$PASSED passed, $FAILED failed"
	(( FAILED == 0 && PASSED > 0 ))
}

case ${1:-} in
run) cmd_run ;;
test) cmd_test ;;
*)
	echo "usage: $0 run|test" >&2
	exit 2
	;;
esac
