# The helpers of the aberta-admin command tests (tests/cli/test_*.sh), sourced after
# each script has set builddir and made its temporary folder tmp (removed on exit):
# admin is the program, db the test database, n and fail the TAP counters.  It bails
# out when aberta-admin is not built or the sqlite3 shell is missing.
# shellcheck shell=sh
admin=$builddir/aberta-admin
db=$tmp/aberta.db
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
# check DESCRIPTION COMMAND...: a test that passes when COMMAND succeeds.
check() {
	d=$1
	shift
	if "$@"; then ok "$d"; else notok "$d"; fi
}
# run ARGS...: runs aberta-admin on the test database; sets rc, out and err.
run() {
	"$admin" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}
# sql TEXT: runs TEXT on the test database and prints the rows.
sql() { sqlite3 -batch -noheader "$db" "$1"; }

if [ ! -x "$admin" ]; then
	echo "Bail out! $admin is not built"
	exit 1
fi
if ! command -v sqlite3 >/dev/null; then
	echo "Bail out! the sqlite3 shell is needed"
	exit 1
fi
