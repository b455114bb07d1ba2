# shellcheck shell=bash
# Shared by tests/reliability/backup.sh, crash.sh and storage.sh: TAP output ending
# with "N passed, N failed", a site of their own (nginx + spawn-fcgi + multiwatch +
# build/aberta) with the options those tests need, the staffbot helper, SQLite
# helpers, and cleanup of everything the script started (by pid) or mounted.
# Set KEEP=1 to keep the temporary folder.

# shellcheck source=tests/lib-site.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib-site.sh"	# sets ROOT
# shellcheck source=tests/lib/tap.sh
. "$ROOT/tests/lib/tap.sh"				# tap, diag; NT, NPASS, NFAIL
REL=$ROOT/tests/reliability
ADMIN=$BUILD/aberta-admin
WORKER=$BUILD/aberta
TMP=''
BASE=''
VAR=''
DONE=0
BG=()		# pids of background jobs this script started
MOUNTS=()	# mount points this script mounted
T0=$SECONDS

# check DESC CMD...: a test that passes when CMD succeeds.
check() {
	local d=$1
	shift
	if "$@"; then tap 1 "$d"; else tap 0 "$d"; fi
}

# finish: the plan and the summary line; exits 0 when nothing failed.
finish() {
	DONE=1
	printf '1..%d\n' "$NT"
	diag "$(basename "$0"): $(( SECONDS - T0 )) s"
	printf '%d passed, %d failed\n' "$NPASS" "$NFAIL"
	(( NFAIL == 0 ))
}

# bg_stop: stops the background jobs this script started.
bg_stop() {
	local p
	for p in "${BG[@]}"; do
		kill_tree "$p"
	done
	BG=()
}

# kill_tree PID: kills PID and every process below it (all started by this script).
kill_tree() {
	local p kids=()
	mapfile -t kids < <(pgrep -P "$1" || true)
	kill "$1" 2>/dev/null || true
	for p in "${kids[@]}"; do kill_tree "$p"; done
	wait "$1" 2>/dev/null || true
}

# cleanup: background jobs, the site, mounts, the temporary folder.  A run that died
# before its summary counts as one more failure.
cleanup() {
	local rc=$? m
	trap - EXIT INT TERM
	bg_stop
	if [ -n "$VAR" ]; then
		chmod -R u+rwX "$VAR" 2>/dev/null || true
		stop_site "$VAR"
	fi
	for m in "${MOUNTS[@]}"; do
		chmod -R u+rwX "$m" 2>/dev/null || true
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || log "could not unmount $m"
	done
	if [ -n "$TMP" ]; then
		if [ "${KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
	fi
	if (( ! DONE )); then
		log "$(basename "$0") aborted (exit $rc)"
		printf '%d passed, %d failed\n' "$NPASS" $(( NFAIL + 1 ))
		exit 1
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# free_port: a TCP port in 20000-29999 that nothing on 127.0.0.1 listens on.
free_port() {
	local i p
	for (( i = 0; i < 200; i++ )); do
		p=$(( 20000 + (RANDOM * 7 + i) % 10000 ))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	log "no free port"
	return 1
}

# tmp_setup NAME: the temporary folder (world-traversable, for workers run as nobody),
# with a copy of the programs in $TMP/bin, so that a rebuild during the test (make in
# the same tree) cannot pull the binary from under multiwatch; sets ADMIN and WORKER.
tmp_setup() {
	TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-$1.XXXXXX")
	chmod 755 "$TMP"
	mkdir -p "$TMP/bin"
	cp "$BUILD/aberta" "$BUILD/aberta-admin" "$TMP/bin/" ||
		{ log "missing $BUILD/aberta or aberta-admin (run make)"; return 1; }
	chmod 755 "$TMP/bin" "$TMP/bin/aberta" "$TMP/bin/aberta-admin"
	# The checkout may sit in a folder others cannot enter (/root is 0700): the
	# templates go with the programs.
	mkdir -p "$TMP/templates" && cp "$ROOT"/templates/*.tpl "$TMP/templates/" &&
		chmod -R a+rX "$TMP/templates" || { log "cannot copy the templates"; return 1; }
	ADMIN=$TMP/bin/aberta-admin
	WORKER=$TMP/bin/aberta
}

# prepare DB: like prepare_db (tests/lib-site.sh) with the copied aberta-admin: the
# schema, then the content (content/rnaa-content.json) and the pages.
prepare() {
	local f
	"$ADMIN" --db "$1" migrate || return 1
	for f in "$CONTENT" "$PAGES"; do
		"$ADMIN" --db "$1" import "$f" || return 1
	done
}

# build_staffbot: compiles tests/reliability/staffbot.c into $TMP with the shared test
# client (tests/lib/client.c and res.c) and buf.c and totp.c of the program; sets
# STAFFBOT.
build_staffbot() {
	local pkgs='libcurl sqlite3 liboath libqrencode libsodium'
	STAFFBOT=$TMP/staffbot
	# shellcheck disable=SC2046,SC2086 # pkg-config prints word lists
	${CC:-cc} -std=c17 -O1 -D_GNU_SOURCE -Wall -Wextra -Wformat=2 -Wshadow \
		-Wstrict-prototypes -Wmissing-prototypes -Werror -I"$ROOT/cgi-src" \
		-I"$ROOT/tests/lib" $(pkg-config --cflags $pkgs) -o "$STAFFBOT" \
		"$REL/staffbot.c" "$ROOT/tests/lib/client.c" "$ROOT/tests/lib/res.c" \
		"$ROOT/cgi-src/lib/buf.c" "$ROOT/cgi-src/lib/totp.c" $(pkg-config --libs $pkgs) -lm
}

# mw_flags: multiwatch's retry options as conf/aberta.service sets them (so that the
# tests exercise the supervisor as it is shipped), e.g. "-r 20 -t 1000".
mw_flags() {
	sed -n 's/^ExecStart=.*multiwatch\(.*\) -- .*/\1/p' "$ROOT/conf/aberta.service" |
		sed -e 's/-f *[0-9]*//' -e 's/^ *//' -e 's/ *$//'
}

# site_start PORT VARDIR: like start_site (tests/lib-site.sh) with these options:
#   ABERTA_DB (required), ABERTA_UPLOADS, WORKERS (default 2)
#   SITE_USER       run the workers as this user (spawn-fcgi -u), e.g. nobody
#   SITE_TEMPLATES  the template folder (default $ROOT/templates)
#   SITE_WAIT=0     do not wait for /healthz (a start that is meant to fail)
# Sets VAR and BASE.
site_start() {
	local port=$1 sock user_line='' i ug=() grp
	mkdir -p "$2" && VAR=$(cd "$2" && pwd)
	BASE=http://127.0.0.1:$port
	sock=$VAR/aberta.sock
	stop_site "$VAR"
	[ "$(id -u)" -eq 0 ] && user_line='user root;'
	sed -e "s|@PORT@|$port|g" -e "s|@ROOT@|$(sed_escape "$ROOT")|g" \
		-e "s|@VAR@|$(sed_escape "$VAR")|g" -e "s|@SOCK@|$(sed_escape "$sock")|g" \
		-e "s|@USER@|$user_line|g" "$ROOT/conf/nginx-dev.conf.in" >"$VAR/nginx.conf"
	touch "$VAR/app.log"
	if [ -n "${SITE_USER:-}" ]; then
		grp=$(id -gn "$SITE_USER")
		ug=(-u "$SITE_USER" -g "$grp")
		chown "$SITE_USER:$grp" "$VAR/app.log"
	fi
	# shellcheck disable=SC2016,SC2094,SC2046 # $0/$@ are the inner shell's
	ABERTA_TEMPLATES=${SITE_TEMPLATES:-$TMP/templates} \
		spawn-fcgi -s "$sock" -M 0600 -P "$VAR/spawn.pid" "${ug[@]}" -- \
		/bin/sh -c 'exec "$@" >>"$0" 2>&1' "$VAR/app.log" \
		/usr/bin/multiwatch -f "${WORKERS:-2}" $(mw_flags) -- "$WORKER" \
		>>"$VAR/app.log" 2>&1 </dev/null || { log "spawn-fcgi failed"; return 1; }
	nginx_start || return 1
	[ "${SITE_WAIT:-1}" = 1 ] || return 0
	for (( i = 0; i < 150; i++ )); do
		curl -fsS -o /dev/null --max-time 2 "$BASE/healthz" 2>/dev/null && return 0
		read_pid "$VAR/spawn.pid" "$SPAWNED" >/dev/null || break
		sleep 0.1
	done
	log "site on $BASE did not answer /healthz; app.log:"
	tail -n 20 "$VAR/app.log" >&2
	return 1
}

# nginx_start: starts nginx with $VAR/nginx.conf.
nginx_start() {
	nginx -c "$VAR/nginx.conf" -p "$VAR" </dev/null || { log "nginx failed to start"; return 1; }
}

# multiwatch_pid: the pid of multiwatch, or nothing.
multiwatch_pid() { read_pid "$VAR/spawn.pid" "$SPAWNED" || true; }

# worker_pids: the pids of the FastCGI workers (children of multiwatch), one a line.
worker_pids() {
	local mw
	mw=$(multiwatch_pid)
	[ -n "$mw" ] || return 0
	pgrep -P "$mw" || true
}

# wait_workers N TENTHS: waits until N workers run and /healthz answers 200.
wait_workers() {
	local n=$1 t=$2
	while (( t-- > 0 )); do
		if (( $(worker_pids | wc -l) >= n )) &&
			curl -fsS -o /dev/null --max-time 2 "$BASE/healthz" 2>/dev/null; then
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# status URL [CURL-ARGS...]: the HTTP status of a GET (000 when none came).
status() {
	local u=$1
	shift
	curl -s -o /dev/null -w '%{http_code}' --max-time 15 "$@" "$u" || true
}

# sql DB SQL: runs SQL with the sqlite3 shell (busy timeout 10 s); prints the rows.
sql() {
	sqlite3 -batch -noheader -cmd '.timeout 10000' "$1" "$2"
}

# login LOGIN: a focal-point account LOGIN logged in with both factors; prints the
# session cookie ("aberta=...").
login() {
	"$STAFFBOT" login "$BASE" "$ABERTA_DB" "$ADMIN" "$1"
}

# integrity DB: prints "ok" when integrity_check is ok and foreign_key_check is empty.
integrity() {
	local ic fk
	ic=$(sql "$1" 'PRAGMA integrity_check' | tr '\n' ' ')
	fk=$(sql "$1" 'PRAGMA foreign_key_check' | wc -l)
	if [ "$ic" = 'ok ' ] && [ "$fk" = 0 ]; then echo ok; else echo "integrity: $ic; fk rows: $fk"; fi
}
