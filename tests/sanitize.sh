#!/bin/bash
# AddressSanitizer + UBSan run of the test layers.
#
#   tests/sanitize.sh
#
# Builds out of the tree, like every build, in build-san/ (SAN_BUILD overrides it) with
#   ../configure --enable-sanitizers --enable-werror
# then runs its `make check` and the end-to-end harness on its programs
# (ABERTA_BUILDDIR).  Later runs rebuild only what changed.
#
# Every sanitizer report of every process (tests, CGI children, FastCGI workers under
# multiwatch, aberta-admin) is written to build-san/reports/ (ASAN_OPTIONS and
# UBSAN_OPTIONS log_path); each report file counts as one failure and is printed.
# Reports that reach a log instead (a test's log, the worker's app.log) count too.
# The last line is "N passed, N failed".
set -uo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${SAN_BUILD:-$SRC/build-san}
REPORTS=$BUILD/reports
LOGS=$BUILD/logs
JOBS=${JOBS:-2}
PASS=0
FAIL=0

log() { printf '%s\n' "$*" >&2; }

# finish: print the reports and the summary line, exit 0 only when all passed.
finish() {
	local f n=0 extra
	if [ -d "$REPORTS" ]; then
		for f in "$REPORTS"/*; do
			[ -s "$f" ] || continue
			n=$((n + 1))
			log "---- sanitizer report $f"
			grep -vE '^ +#[0-9]+ 0x[0-9a-f]+ +\((/lib|/usr/lib)' "$f" | head -n 40 >&2
		done
	fi
	# Reports written to a log rather than to REPORTS (e.g. before the options were read).
	extra=$(grep -lE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error: ' \
		"$BUILD"/tests/*/*.log "$BUILD"/tests/*.log "$LOGS"/*.log 2>/dev/null |
		grep -v "$LOGS/build.log" | sort -u || true)
	for f in $extra; do
		log "---- sanitizer output in $f"
		grep -E -A 12 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error: ' "$f" | head -n 30 >&2
		n=$((n + 1))
	done
	(( n )) && log "sanitize: $n sanitizer report(s), each counted as a failure"
	FAIL=$((FAIL + n))
	echo "$PASS passed, $FAIL failed"
	(( FAIL == 0 && PASS > 0 ))
	exit
}

# build: autoreconf and configure when needed, then make (programs and check programs).
build() {
	(
		cd "$SRC" || exit 1
		if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt configure ]; then
			autoreconf -fi || exit 1
		fi
		cd "$BUILD" || exit 1
		if [ ! -f Makefile ] || [ "$SRC/configure" -nt config.status ] ||
			! grep -q -- '--enable-sanitizers' config.status; then
			"$SRC/configure" --enable-sanitizers --enable-werror || exit 1
		fi
		make -j"$JOBS" && make -j"$JOBS" check TESTS=
	) >"$LOGS/build.log" 2>&1
}

mkdir -p "$BUILD" "$LOGS"
rm -rf "$REPORTS"
mkdir -p "$REPORTS"
export ABERTA_CONTENT=${ABERTA_CONTENT:-$SRC/content/rnaa-content.json}
export CONTENT=${CONTENT:-$ABERTA_CONTENT}
export ABERTA_BUILDDIR=$BUILD	# the programs the layers run
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:log_path=$REPORTS/asan${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$REPORTS/ubsan${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export LSAN_OPTIONS=${LSAN_OPTIONS:-}

start=$(date +%s)
log "== sanitize: build with --enable-sanitizers --enable-werror (log: $LOGS/build.log)"
if ! build; then
	log "sanitize: the sanitizer build failed; last lines of $LOGS/build.log:"
	grep -E 'error|Error' "$LOGS/build.log" | head -n 30 >&2
	tail -n 15 "$LOGS/build.log" >&2
	FAIL=1
	finish
fi
log "   built in $(( $(date +%s) - start ))s"

# make check, summed as dev.sh does (FAIL, ERROR and XPASS are failures).
log "== sanitize: make check"
rc=0
(cd "$BUILD" && AM_COLOR_TESTS=no make -j"$JOBS" check </dev/null) >"$LOGS/make-check.log" 2>&1 || rc=$?
pass=$(awk '/^# PASS: /{n+=$3} END{print n+0}' "$LOGS/make-check.log")
fail=$(awk '/^# (FAIL|ERROR|XPASS): /{n+=$3} END{print n+0}' "$LOGS/make-check.log")
grep -E '^(PASS|FAIL|ERROR|XPASS|# [A-Z]+:)' "$LOGS/make-check.log" | grep -vE '^PASS|: +0$' >&2
if (( rc != 0 && fail == 0 )); then
	log "make check exited $rc without a failing test: counting 1 failure"
	tail -n 20 "$LOGS/make-check.log" >&2
	fail=1
fi
for f in "$BUILD"/tests/*/*.log "$BUILD"/tests/*.log; do
	[ -f "$f" ] && grep -q '^not ok' "$f" && { log "--- failures in $f:"; grep '^not ok' "$f" | head -n 20 >&2; }
done
log "   make check: $pass passed, $fail failed"
PASS=$((PASS + pass))
FAIL=$((FAIL + fail))

# The end-to-end harness: nginx + the sanitized workers.
log "== sanitize: end-to-end (tests/e2e/run.sh on $BUILD's programs)"
rc=0
"$SRC/tests/e2e/run.sh" </dev/null >"$LOGS/e2e.log" 2>&1 || rc=$?
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$LOGS/e2e.log" | tail -n 1)
if [ -z "$line" ]; then
	log "e2e printed no summary (exit $rc): counting 1 failure"
	tail -n 20 "$LOGS/e2e.log" >&2
	FAIL=$((FAIL + 1))
else
	grep -E '^not ok' "$LOGS/e2e.log" | head -n 20 >&2
	pass=${line%% passed*}
	fail=${line#*, }
	fail=${fail%% failed*}
	(( rc != 0 && fail == 0 )) && fail=1
	log "   e2e: $pass passed, $fail failed"
	PASS=$((PASS + pass))
	FAIL=$((FAIL + fail))
fi
log "   sanitize took $(( $(date +%s) - start ))s"
finish
