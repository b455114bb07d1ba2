#!/bin/bash
# libFuzzer targets for every parser that sees outside input (see tests/fuzz/README).
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
#
# Builds the targets with clang (-fsanitize=fuzzer,address,undefined) into
# tests/fuzz/build (FUZZ_BUILD overrides), then for each target: replays every file in
# tests/fuzz/regress/TARGET/ (any crash there fails the target without fuzzing), then
# fuzzes for SECONDS (default 60; 0: only run the corpora once) starting from
# tests/fuzz/corpus/TARGET/ plus the inputs earlier runs found (kept in the build dir).
# A crash, leak, timeout or out-of-memory input is saved in tests/fuzz/crashes/TARGET/.  The last line is
# "N passed, N failed": a target passes when its regressions replay cleanly and the
# fuzzer found nothing.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SECONDS_EACH=${1:-60}
shift || true
ALL_TARGETS="fuzz_query fuzz_form fuzz_multipart fuzz_router fuzz_import fuzz_template fuzz_bulk fuzz_image"
TARGETS=${*:-$ALL_TARGETS}
BUILD=${FUZZ_BUILD:-$HERE/build}
CRASHES=$HERE/crashes
CC=${FUZZ_CC:-clang}
CXX=${FUZZ_CXX:-clang++}
JOBS=${FUZZ_BUILD_JOBS:-2}

log() { printf '%s\n' "$*" >&2; }

[[ $SECONDS_EACH =~ ^[0-9]+$ ]] || { log "usage: $0 [SECONDS] [TARGET...]"; echo "0 passed, 1 failed"; exit 2; }

# Libraries: those of configure.ac that are installed (libmagic only once uploads need it).
PKGS=""
for p in sqlite3 libctemplate_nothreads jansson libsodium liboath libqrencode libmagic; do
	pkg-config --exists "$p" && PKGS="$PKGS $p"
done
# shellcheck disable=SC2086
PKG_CFLAGS=$(pkg-config --cflags $PKGS)
# shellcheck disable=SC2086
PKG_LIBS="$(pkg-config --libs $PKGS) -lfcgi -lstdc++ -lm"
SAN="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all"
# The quotes around BUILD_ID are for the compiler (a string literal).
# shellcheck disable=SC2089
CFLAGS="-std=c17 $SAN -fsanitize=fuzzer-no-link -D_GNU_SOURCE -DBUILD_ID=\"fuzz\"
	-I$ROOT/cgi-src -I$BUILD/gen $PKG_CFLAGS -Wall -Wextra"
CXXFLAGS="-std=c++17 $SAN -fsanitize=fuzzer-no-link -I$ROOT/cgi-src $PKG_CFLAGS"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=0:symbolize=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# compile SRC OBJ COMPILER FLAGS: compile when OBJ is older than SRC or any header of
# cgi-src (or the flags changed); log the compiler's complaint on failure.
compile() {
	local src=$1 obj=$2 cc=$3 flags=$4 h
	if [ -f "$obj" ] && [ "$obj" -nt "$src" ] && [ "$obj" -nt "$BUILD/flags" ]; then
		for h in "$ROOT"/cgi-src/*/*.h; do
			[ "$h" -nt "$obj" ] && break
		done
		[ "$h" -nt "$obj" ] || return 0
	fi
	# shellcheck disable=SC2086
	$cc $flags -c "$src" -o "$obj.tmp" 2>"$obj.err" && mv "$obj.tmp" "$obj" && return 0
	rm -f "$obj" "$obj.tmp"
	return 1
}
export -f compile

# build: every cgi-src source but the two main()s into one archive (the linker takes
# from it only what a target needs), then the targets.  A source that does not compile
# (someone is editing it) only matters to the targets that need it.
build() {
	local src obj base flagsnow t gen libobjs=() failed=()
	mkdir -p "$BUILD/obj" "$BUILD/gen" "$BUILD/bin" "$BUILD/logs"
	flagsnow="$CC $CXX $CFLAGS $CXXFLAGS"
	[ -f "$BUILD/flags" ] && [ "$(cat "$BUILD/flags")" = "$flagsnow" ] ||
		printf '%s' "$flagsnow" >"$BUILD/flags"
	# Generated sources, as the Makefile makes them (the migrations, the common
	# passwords, the content file's schema).
	for gen in sql/embed.sh:sql_embed.c content/embed-passwords.sh:passwords_embed.c \
		content/embed-schema.sh:schema_embed.c; do
		sh "$ROOT/${gen%%:*}" "$ROOT" >"$BUILD/gen/${gen#*:}.tmp" &&
			{ cmp -s "$BUILD/gen/${gen#*:}.tmp" "$BUILD/gen/${gen#*:}" ||
			  mv "$BUILD/gen/${gen#*:}.tmp" "$BUILD/gen/${gen#*:}"; }
	done
	rm -f "$BUILD"/gen/*.tmp
	# The job list: "SRC OBJ COMPILER".
	{
		# Every folder but cli/ (aberta-admin's main) and net/ (libcurl); not main.c.
		for src in "$ROOT"/cgi-src/*/*.c "$BUILD"/gen/*.c; do
			case $src in "$ROOT"/cgi-src/cli/* | "$ROOT"/cgi-src/net/*) continue ;; esac
			obj=$BUILD/obj/$(basename "$(dirname "$src")")_$(basename "$src" .c).o
			printf '%s %s c\n' "$src" "$obj"
		done
		for src in "$ROOT"/cgi-src/*/*.cc; do
			printf '%s %s cxx\n' "$src" "$BUILD/obj/$(basename "$src" .cc).o"
		done
	} >"$BUILD/jobs"
	# shellcheck disable=SC2090
	export BUILD CC CXX CFLAGS CXXFLAGS ROOT
	# shellcheck disable=SC2016
	xargs -P "$JOBS" -L 1 bash -c '
		if [ "$2" = cxx ]; then compile "$0" "$1" "$CXX" "$CXXFLAGS"
		else compile "$0" "$1" "$CC" "$CFLAGS"; fi || echo "$0" >>"$BUILD/compile-failed"' \
		<"$BUILD/jobs"
	if [ -s "$BUILD/compile-failed" ]; then
		mapfile -t failed <"$BUILD/compile-failed"
		rm -f "$BUILD/compile-failed"
		log "fuzz: these sources do not compile now (targets that need them will fail):"
		for src in "${failed[@]}"; do
			log "  $src:"
			head -n 5 "$BUILD/obj/$(basename "$(dirname "$src")")_$(basename "${src%.*}").o.err" \
				"$BUILD/obj/$(basename "${src%.*}").o.err" 2>/dev/null | sed 's/^/    /' >&2
		done
	fi
	# Objects whose source is gone are dropped.
	while read -r src obj _; do
		[ -f "$obj" ] && libobjs+=("$obj")
	done <"$BUILD/jobs"
	rm -f "$BUILD/libaberta-fuzz.a"
	ar rcs "$BUILD/libaberta-fuzz.a" "${libobjs[@]}"

	for t in $TARGETS; do
		build_target "$t" || log "fuzz: $t does not build (see $BUILD/logs/$t.build.log)"
	done
}

# build_target NAME: compile tests/fuzz/NAME.c and link it against the archive.
build_target() {
	local t=$1 extra=() sym
	rm -f "$BUILD/bin/$t"
	{
		# shellcheck disable=SC2086,SC2090
		$CC $CFLAGS -DTEMPLATES_DIR="\"$ROOT/templates\"" -c "$HERE/$t.c" \
			-o "$BUILD/obj/$t.o" || return 1
		if [ "$t" = fuzz_router ]; then
			# The handlers never run: stubs, so the router does not pull in every page.
			{
				echo '/* Generated by tests/fuzz/run.sh: the handlers routes.c names. */'
				echo 'struct ctx;'
				for sym in $(nm -u "$BUILD/obj/http_routes.o" | awk '$2 ~ /^page_/ {print $2}'); do
					# weak: when an object the router needs defines it, that one wins
					printf 'int %s(struct ctx *);\n__attribute__((weak)) int %s(struct ctx *c) { (void)c; return 200; }\n' \
						"$sym" "$sym"
				done
			} >"$BUILD/gen/router_stubs.c.in"
			# shellcheck disable=SC2086,SC2090
			$CC $CFLAGS -c -x c "$BUILD/gen/router_stubs.c.in" -o "$BUILD/obj/router_stubs.o" ||
				return 1
			extra=("$BUILD/obj/router_stubs.o")
		fi
		# shellcheck disable=SC2086
		$CXX $SAN -fsanitize=fuzzer "$BUILD/obj/$t.o" "${extra[@]}" \
			"$BUILD/libaberta-fuzz.a" $PKG_LIBS -o "$BUILD/bin/$t"
	} >"$BUILD/logs/$t.build.log" 2>&1
}

# run_target NAME: replay the regressions, then fuzz.  Returns 0 when nothing was found.
run_target() {
	local t=$1 bin=$BUILD/bin/$1 reg=() dict=() rc=0 before after f
	if [ ! -x "$bin" ]; then
		log "== $t: not built"
		sed 's/^/  /' "$BUILD/logs/$t.build.log" >&2 2>/dev/null | tail -n 20
		return 1
	fi
	mkdir -p "$BUILD/corpus/$t" "$CRASHES/$t" "$HERE/corpus/$t"
	mapfile -t reg < <(find "$HERE/regress/$t" -type f ! -name '.*' ! -name README 2>/dev/null | sort)
	if (( ${#reg[@]} )); then
		log "== $t: replaying ${#reg[@]} regression input(s)"
		if ! "$bin" -runs=1 "${reg[@]}" >"$BUILD/logs/$t.regress.log" 2>&1; then
			log "== $t: a regression input fails again:"
			grep -E 'ERROR|SUMMARY|Running:|runtime error|fuzz_' "$BUILD/logs/$t.regress.log" |
				grep -v '^ *#[0-9]' | head -n 20 >&2
			return 1
		fi
	fi
	[ -f "$HERE/dict/$t.dict" ] && dict=(-dict="$HERE/dict/$t.dict")
	before=$(find "$CRASHES/$t" -type f | wc -l)
	if (( SECONDS_EACH == 0 )); then
		# No fuzzing: run every input of the corpora once (libFuzzer's -runs=0).
		log "== $t: replaying the corpora"
		set -- -runs=0
	else
		log "== $t: fuzzing for ${SECONDS_EACH}s"
		set -- -max_total_time="$SECONDS_EACH"
	fi
	"$bin" "$@" -timeout=10 -rss_limit_mb=2048 \
		-max_len="${FUZZ_MAX_LEN:-8192}" -print_final_stats=1 \
		-artifact_prefix="$CRASHES/$t/" "${dict[@]}" \
		"$BUILD/corpus/$t" "$HERE/corpus/$t" >"$BUILD/logs/$t.log" 2>&1 || rc=$?
	after=$(find "$CRASHES/$t" -type f | wc -l)
	grep -E '^(stat::number_of_executed_units|stat::new_units_added|Done )' "$BUILD/logs/$t.log" |
		tr '\n' ' ' | sed "s/^/   /" >&2
	echo >&2
	if (( rc != 0 || after > before )); then
		log "== $t: FAILED (exit $rc); log: $BUILD/logs/$t.log"
		grep -aE 'ERROR: |SUMMARY: |runtime error|fuzz_[a-z]+: |Test unit written to|^ *#[0-9]+ .* in [a-z_]+ /' \
			"$BUILD/logs/$t.log" | grep -av 'in fuzzer::\|in LLVMFuzzer\|in main ' | head -n 20 >&2
		while IFS= read -r f; do
			log "   saved: $f"
			log "   reproduce: $bin $f"
		done < <(find "$CRASHES/$t" -type f -newer "$BUILD/bin/$t")
		return 1
	fi
	log "== $t: ok"
	return 0
}

PASS=0
FAIL=0
build
for t in $TARGETS; do
	case " $ALL_TARGETS " in
	*" $t "*) ;;
	*) log "unknown target $t (known: $ALL_TARGETS)"; FAIL=$((FAIL + 1)); continue ;;
	esac
	if run_target "$t"; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); fi
done
echo "$PASS passed, $FAIL failed"
(( FAIL == 0 ))
