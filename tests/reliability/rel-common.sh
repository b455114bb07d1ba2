# shellcheck shell=bash
# Shared by tests/reliability/load.sh, hostile.sh, slow.sh and limits.sh: a fresh site
# (nginx and the FastCGI workers, tests/lib-site.sh) on a free port with a fresh
# database in a temporary folder, TAP output ending with "N passed, N failed", the C helpers compiled
# with the project's warning flags against build/libaberta.a, and cleanup of every
# process the script started (by pid).  Set KEEP=1 to keep the temporary folder.

# shellcheck source=tests/lib-site.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib-site.sh"	# sets ROOT
# shellcheck source=tests/lib/tap.sh
. "$ROOT/tests/lib/tap.sh"				# tap, diag; NT, NPASS, NFAIL
REL=$ROOT/tests/reliability
# shellcheck disable=SC2034
ADMIN_BIN=$BUILD/aberta-admin
TMP=''
PORT=''
BASE=''
DONE=0
STARTED=()	# pids of background jobs this script started

# tap_lines FILE: re-emits the "ok"/"not ok" lines of a helper's output with this
# script's numbering, and its "#" lines as they are.
tap_lines() {
	local line desc
	while IFS= read -r line; do
		case $line in
		'ok '*|'not ok '*)
			desc=${line#*- }
			if [[ $line == 'ok '* ]]; then tap 1 "$desc"; else tap 0 "$desc"; fi ;;
		'#'*) printf '%s\n' "$line" ;;
		esac
	done <"$1"
}

# rel_finish: the plan and the summary line; exits 0 when nothing failed.
rel_finish() {
	DONE=1
	echo "1..$NT"
	echo "$NPASS passed, $NFAIL failed"
	(( NFAIL == 0 && NPASS > 0 )) && exit 0 || exit 1
}

# rel_cleanup: stops what this script started; a run that died before its summary
# counts one failure.
rel_cleanup() {
	local rc=$? p
	trap - EXIT INT TERM
	for p in "${STARTED[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	if [ -n "$TMP" ]; then
		stop_site "$TMP"
		if [ "${KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
	fi
	if (( ! DONE )); then
		log "harness aborted (exit $rc)"
		echo "$NPASS passed, $(( NFAIL + 1 )) failed"
		exit 1
	fi
}
trap rel_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# rel_free_port: a TCP port in 17000-17999 that nothing on 127.0.0.1 listens on.
rel_free_port() {
	local i p
	for (( i = 0; i < 1000; i++ )); do
		p=$(( 17000 + (RANDOM + i) % 1000 ))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	log "no free port in 17000-17999"
	return 1
}

# rel_build NAME SRC...: compiles the C helper SRC... (with tests/lib's client.c, res.c
# and tap.c and the project's buf.c and totp.c) into $TMP/NAME.
rel_build() {
	local name=$1 pkgs='libcurl sqlite3 liboath libqrencode libsodium'
	shift
	# shellcheck disable=SC2046,SC2086 # pkg-config takes and prints word lists
	${CC:-cc} -std=c17 -O2 -g -D_GNU_SOURCE -Wall -Wextra -Wformat=2 -Wshadow \
		-Wstrict-prototypes -Wmissing-prototypes -Werror \
		-I"$ROOT/cgi-src" -I"$ROOT/tests/lib" $(pkg-config --cflags $pkgs) \
		-o "$TMP/$name" "$@" \
		"$ROOT/tests/lib/client.c" "$ROOT/tests/lib/res.c" "$ROOT/tests/lib/tap.c" \
		"$ROOT/cgi-src/lib/buf.c" "$ROOT/cgi-src/lib/totp.c" \
		$(pkg-config --libs $pkgs) -lm
}

# rel_start: temporary folder, fresh database with the real content, the site on a
# free port.  Sets TMP, ABERTA_DB, PORT, BASE.
rel_start() {
	TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-rel.XXXXXX")
	export ABERTA_DB=$TMP/aberta.db ABERTA_UPLOADS=$TMP/uploads
	mkdir -p "$ABERTA_UPLOADS"
	prepare_db "$ABERTA_DB" >"$TMP/prepare.log" 2>&1 ||
		{ cat "$TMP/prepare.log" >&2; return 1; }
	PORT=$(rel_free_port)
	# shellcheck disable=SC2034 # used by the scripts that source this file
	BASE=http://127.0.0.1:$PORT
	start_site "$PORT" "$TMP"
}

# worker_pids: the pids of the FastCGI workers (children of multiwatch), one a line.
worker_pids() {
	local mw
	mw=$(read_pid "$TMP/spawn.pid" "$SPAWNED") || return 0
	pgrep -P "$mw" | sort -n
}

# sql QUERY: runs QUERY on the site's database (10 s busy timeout) and prints the result.
sql() {
	sqlite3 -cmd '.timeout 10000' "$ABERTA_DB" "$1"
}
