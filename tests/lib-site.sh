# shellcheck shell=bash
# Shared helpers to run the site locally: nginx in front of spawn-fcgi +
# multiwatch + build/aberta. Sourced by dev.sh and tests/e2e/run.sh so that
# there is one implementation. Sets ROOT to the source tree (the build dir).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The build folder (configure and make run there, out of the source tree): the two
# programs are $BUILD/aberta and $BUILD/aberta-admin.
BUILD=${ABERTA_BUILDDIR:-$ROOT/build}
CONTENT=${CONTENT:-$ROOT/content/rnaa-content.json}
PAGES=$ROOT/content/pages.json
SPAWNED='multiwatch|sh'	# sh until the wrapper in start_site execs multiwatch

# log MSG...: print a message on stderr.
log() { printf '%s\n' "$*" >&2; }

# prepare_db DB: create or migrate the database; if it holds no plan yet,
# import the content (content/rnaa-content.json), then the project's own page texts.
prepare_db() {
	local db=$1 admin=$BUILD/aberta-admin n f
	[ -x "$admin" ] || { log "missing $admin (run make)"; return 1; }
	mkdir -p "$(dirname "$db")"
	"$admin" --db "$db" migrate || { log "aberta-admin migrate failed"; return 1; }
	n=$("$admin" --db "$db" count-plans) || { log "aberta-admin count-plans failed"; return 1; }
	n=${n//[[:space:]]/}
	[[ $n =~ ^[0-9]+$ ]] || { log "count-plans printed '$n', not an integer"; return 1; }
	(( n == 0 )) || return 0
	for f in "$CONTENT" "$PAGES"; do
		[ -r "$f" ] || { log "missing content file $f"; return 1; }
		"$admin" --db "$db" import "$f" || { log "aberta-admin import $f failed"; return 1; }
	done
}

# sed_escape STR: escape STR for the right-hand side of a sed s|||.
sed_escape() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }

# alive PID: true if PID is a running process (zombies count as gone).
alive() {
	local st
	st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
	[[ $st != Z* ]]
}

# read_pid FILE NAMES: print the pid in FILE if that process is alive and its
# name matches the regex NAMES (guards against stale files, recycled pids).
read_pid() {
	local pid
	[ -s "$1" ] || return 1
	pid=$(<"$1")
	[[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
	[[ $(ps -o comm= -p "$pid") =~ ^($2)$ ]] || return 1
	printf '%s\n' "$pid"
}

# wait_gone TENTHS PID...: wait up to TENTHS tenths of a second until all
# PIDs are gone; false if some are still alive.
wait_gone() {
	local n=$1 p left
	shift
	while :; do
		left=0
		for p in "$@"; do alive "$p" && left=1; done
		(( left )) || return 0
		(( n-- > 0 )) || return 1
		sleep 0.1
	done
}

# start_site PORT VARDIR: generate VARDIR/nginx.conf from
# conf/nginx-dev.conf.in, start the FastCGI workers on VARDIR/aberta.sock and
# nginx on 127.0.0.1:PORT, and wait until /healthz answers.
# Uses ABERTA_DB (required) and WORKERS (default 2); the page cache goes to
# ABERTA_CACHE (default VARDIR/www, exported so that aberta-admin uses it too).
start_site() {
	local port=$1 var sock db=${ABERTA_DB:?ABERTA_DB must be set} user_line='' i
	mkdir -p "$2" && var=$(cd "$2" && pwd)
	export ABERTA_CACHE=${ABERTA_CACHE:-$var/www}
	mkdir -p "$ABERTA_CACHE"
	ABERTA_CACHE=$(cd "$ABERTA_CACHE" && pwd)
	sock=$var/aberta.sock
	[[ $db = /* ]] || db=$PWD/$db
	(( ${#sock} < 100 )) || { log "socket path too long for AF_UNIX: $sock"; return 1; }
	[ -x "$BUILD/aberta" ] || { log "missing $BUILD/aberta (run make)"; return 1; }
	stop_site "$var"	# leftovers of an earlier run in the same dir
	[ "$(id -u)" -eq 0 ] && user_line='user root;'
	sed -e "s|@PORT@|$port|g" -e "s|@ROOT@|$(sed_escape "$ROOT")|g" \
		-e "s|@VAR@|$(sed_escape "$var")|g" -e "s|@SOCK@|$(sed_escape "$sock")|g" \
		-e "s|@CACHE@|$(sed_escape "$ABERTA_CACHE")|g" \
		-e "s|@USER@|$user_line|g" "$ROOT/conf/nginx-dev.conf.in" >"$var/nginx.conf"

	# spawn-fcgi forks, writes multiwatch's pid to spawn.pid and points the
	# child's stdout and stderr at /dev/null; the sh wrapper (which execs
	# multiwatch, keeping the pid) sends them to app.log instead.
	# shellcheck disable=SC2016,SC2094 # $0/$@ are the inner shell's
	ABERTA_DB=$db ABERTA_TEMPLATES=${ABERTA_TEMPLATES:-$ROOT/templates} \
		spawn-fcgi -s "$sock" -M 0600 -P "$var/spawn.pid" -- \
		/bin/sh -c 'exec "$@" >>"$0" 2>&1' "$var/app.log" \
		/usr/bin/multiwatch -f "${WORKERS:-2}" -r 20 -t 1000 -- "$BUILD/aberta" \
		>>"$var/app.log" 2>&1 </dev/null ||
		{ log "spawn-fcgi failed:"; tail -n 20 "$var/app.log" >&2; return 1; }
	nginx -c "$var/nginx.conf" -p "$var" </dev/null ||
		{ log "nginx failed to start"; stop_site "$var"; return 1; }

	for (( i = 0; i < 100; i++ )); do
		curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/healthz" 2>/dev/null && return 0
		read_pid "$var/spawn.pid" "$SPAWNED" >/dev/null || break	# workers gave up
		sleep 0.1
	done
	log "site on port $port did not answer /healthz"
	log "--- $var/nginx-error.log (last 5 lines)"
	tail -n 5 "$var/nginx-error.log" >&2 2>/dev/null || true
	log "--- $var/app.log (last 30 lines)"
	tail -n 30 "$var/app.log" >&2 2>/dev/null || true
	stop_site "$var"
	return 1
}

# stop_site VARDIR: stop nginx (QUIT, graceful) and multiwatch (TERM, which it
# forwards to the workers), escalating to KILL by pid; remove the socket.
stop_site() {
	local var=$1 pid kids
	if pid=$(read_pid "$var/nginx.pid" nginx); then
		kill -QUIT "$pid" 2>/dev/null || true
		wait_gone 50 "$pid" || { kill -TERM "$pid" 2>/dev/null; wait_gone 20 "$pid"; } ||
			{ log "nginx $pid ignored QUIT and TERM: KILL"; kill -KILL "$pid" 2>/dev/null || true; }
	fi
	rm -f "$var/nginx.pid"
	if pid=$(read_pid "$var/spawn.pid" "$SPAWNED"); then
		kids=$(pgrep -P "$pid" || true)
		kill -TERM "$pid" 2>/dev/null || true
		# libfcgi workers take ~1.4s to notice a graceful signal.
		# shellcheck disable=SC2086 # $kids is a list of pids
		if ! wait_gone 40 "$pid" $kids; then
			# shellcheck disable=SC2046,SC2086
			kids=$(printf '%s\n' $kids $(pgrep -P "$pid") | sort -un)
			log "workers still running 4s after TERM: KILL $pid" $kids
			# shellcheck disable=SC2086
			kill -KILL "$pid" $kids 2>/dev/null || true
			# shellcheck disable=SC2086
			wait_gone 20 "$pid" $kids || log "could not kill $pid" $kids
		fi
	fi
	rm -f "$var/spawn.pid" "$var/aberta.sock"
}
