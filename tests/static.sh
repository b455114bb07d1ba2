#!/bin/bash
# Static analysis of the C sources: cppcheck and clang-tidy (checks in /.clang-tidy) on
# every C source under cgi-src/ (generated files live in the build folder); and one
# check that every C and C++ source of the tree keeps the format of /.clang-format.
# One check per tool per file: it passes when the tool reports nothing in that file
# (a finding in a project header counts once, as a check of that header).  Every
# finding is printed as FILE:LINE: message [id].  The last line is "N passed, N failed".
#
#   tests/static.sh            JOBS=N runs N clang-tidy processes at once (default 2)
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=${JOBS:-2}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-static.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cd "$ROOT" || exit 1

log() { printf '%s\n' "$*" >&2; }

for t in cppcheck clang-tidy clang-format pkg-config; do
	if ! command -v "$t" >/dev/null; then
		# Under `make check` on a machine without the tools (./dev.sh test installs
		# them), say so as a TAP skip; run by hand, a missing tool is a failure.
		if [ -n "${ABERTA_BUILDDIR:-}" ]; then
			echo "1..0 # SKIP $t is not installed"
			exit 0
		fi
		log "static.sh: $t is missing"
		echo "0 passed, 1 failed"
		exit 1
	fi
done
FILES=()
while IFS= read -r f; do
	FILES+=("$f")
done < <(find cgi-src -name '*.c' | sort)
PKGS=""
for p in sqlite3 libctemplate_nothreads jansson libsodium liboath libqrencode libcurl libmagic; do
	pkg-config --exists "$p" && PKGS="$PKGS $p"
done
# The quotes around BUILD_ID are for the compiler (a string literal).
# shellcheck disable=SC2086,SC2089,SC2090
CFLAGS="-std=c17 -D_GNU_SOURCE -DBUILD_ID=\"static\" -Icgi-src $(pkg-config --cflags $PKGS)"
start=$(date +%s)

# cppcheck, once over all files; its findings are then sorted by file.  C17 is C11 with
# defect fixes, and c11 is the newest C standard Debian 12's cppcheck 2.10 knows.
# readdirCalled is suppressed: it asks for readdir_r, which glibc deprecates (readdir is
# the right call; with -Werror the "fix" would not even build).
log "== cppcheck $(cppcheck --version | cut -d' ' -f2)"
cppcheck --enable=warning,performance,portability --error-exitcode=1 --inline-suppr \
	-I cgi-src --std=c11 -D_GNU_SOURCE --library=posix --library=gnu --library=sqlite3 \
	--library=tests/static/jansson.cfg --suppress=readdirCalled --quiet -j"$JOBS" \
	--template='{file}:{line}: {severity}: {message} [{id}]' "${FILES[@]}" \
	>"$TMP/cppcheck.out" 2>&1
cpp_rc=$?
t_cpp=$(( $(date +%s) - start ))

# clang-tidy, one process per file (JOBS at once).
log "== clang-tidy $(clang-tidy --version | sed -n 's/.*version \([0-9.]*\).*/\1/p' | head -n 1)"
# shellcheck disable=SC2090
export CFLAGS TMP
# shellcheck disable=SC2016
printf '%s\n' "${FILES[@]}" | xargs -P "$JOBS" -I{} bash -c '
	out=$TMP/tidy.$(echo "$1" | tr / _)
	echo "$1" >"$out.src"
	# shellcheck disable=SC2086
	clang-tidy --quiet "$1" -- $CFLAGS >"$out" 2>"$out.err"
	echo $? >"$out.rc"' _ {}
t_tidy=$(( $(date +%s) - start - t_cpp ))

# Findings as "FILE:LINE: text", paths relative to the tree, deduplicated (a header's
# findings come once per file that includes it).
norm() { sed -E -e "s|^$ROOT/||"; }
grep -E '^[^ :]+:[0-9]+: ' "$TMP/cppcheck.out" | norm | sort -u >"$TMP/cppcheck.findings"
cat "$TMP"/tidy.*.c 2>/dev/null | grep -E '^[^ :]+:[0-9]+:[0-9]+: (warning|error): ' | norm |
	sed -E 's/^([^:]+:[0-9]+):[0-9]+: /\1: /' | sort -u >"$TMP/tidy.findings"
# A clang-tidy that failed without a finding (it could not run) counts against its file.
for rc in "$TMP"/tidy.*.rc; do
	[ -f "$rc" ] || continue
	out=${rc%.rc}
	if [ "$(cat "$rc")" != 0 ] && [ ! -s "$out" ]; then
		f=$(cat "$out.src")
		echo "$f:0: error: clang-tidy exited $(cat "$rc"): $(head -c 200 "$out.err" | tr '\n' ' ') [clang-tidy]" \
			>>"$TMP/tidy.findings"
	fi
done
if [ "$cpp_rc" != 0 ] && [ ! -s "$TMP/cppcheck.findings" ]; then
	log "cppcheck exited $cpp_rc without a finding:"
	head -n 20 "$TMP/cppcheck.out" >&2
	echo "cppcheck:0: error: cppcheck exited $cpp_rc [cppcheck]" >"$TMP/cppcheck.findings"
fi

PASS=0
FAIL=0
n=0
# check TOOL FINDINGS: one TAP line per file (and per header with findings).
check() {
	local tool=$1 findings=$2 f hits
	{
		printf '%s\n' "${FILES[@]}"
		cut -d: -f1 "$findings"
	} | awk '!seen[$0]++' >"$TMP/$tool.files"
	while IFS= read -r f; do
		n=$((n + 1))
		hits=$(awk -v f="$f:" 'index($0, f) == 1' "$findings")
		if [ -z "$hits" ]; then
			echo "ok $n - $tool $f"
			PASS=$((PASS + 1))
		else
			echo "not ok $n - $tool $f ($(wc -l <<<"$hits") finding(s))"
			sed 's/^/#   /' <<<"$hits"
			FAIL=$((FAIL + 1))
		fi
	done <"$TMP/$tool.files"
}
check cppcheck "$TMP/cppcheck.findings"
check clang-tidy "$TMP/tidy.findings"

# The format of /.clang-format: one check over every C and C++ source of the tree
# (cgi-src/, tests/, bench/); a file it would change is named with its first difference.
n=$((n + 1))
mapfile -t SOURCES < <(find cgi-src tests bench \( -name '*.c' -o -name '*.h' -o -name '*.cc' \) \
	-not -path '*/node_modules/*' -not -path 'tests/fuzz/build/*' | sort)
unformatted=$(clang-format --dry-run "${SOURCES[@]}" 2>&1 | grep -E '^[^ :]+:[0-9]+:[0-9]+: ' |
	cut -d: -f1-2 | awk -F: '!seen[$1]++')
if [ -z "$unformatted" ]; then
	echo "ok $n - clang-format: the ${#SOURCES[@]} C and C++ sources keep the format of .clang-format"
	PASS=$((PASS + 1))
else
	echo "not ok $n - clang-format: $(wc -l <<<"$unformatted") file(s) not in the format of .clang-format (clang-format -i FILE)"
	sed 's/^/#   /' <<<"$unformatted"
	FAIL=$((FAIL + 1))
fi
echo "1..$n"
log "static.sh: cppcheck ${t_cpp}s, clang-tidy ${t_tidy}s; $(wc -l <"$TMP/cppcheck.findings") cppcheck and $(wc -l <"$TMP/tidy.findings") clang-tidy finding(s)"
echo "$PASS passed, $FAIL failed"
(( FAIL == 0 && PASS > 0 ))
