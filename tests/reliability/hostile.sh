#!/bin/bash
# Hostile and broken input (issue 7, section 5).  A fresh site (nginx + the FastCGI
# workers, a fresh database with the real content) on a free port, then
# tests/reliability/hostile.c: a table of attacks against every route, public and
# admin (with a valid staff session), each case checked for a 4xx with a message, no
# crash (the workers' pids), nothing stored (a checksum of the content tables and the
# uploads), no injected header, and the next request served; then broken import files.
# Prints TAP; the last line is "N passed, N failed".  Builds nothing but its helper:
# run make first.
set -euo pipefail

# shellcheck source=tests/reliability/rel-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/rel-common.sh"

rel_start
# lib/consult.c (and what it uses): the key a challenge is stored under, hashed_key.
rel_build hostile "$REL/hostile.c" "$REL/hostile_sec.c" "$ROOT/cgi-src/lib/consult.c" \
	"$ROOT/cgi-src/lib/tztime.c" "$ROOT/cgi-src/lib/domains.c" "$ROOT/cgi-src/lib/utf8.c" \
	"$ROOT/cgi-src/lib/valid.c"
# The corpus sends some 700 admin POSTs within a minute: for this run only, the flood
# limits' bursts are raised (tests/reliability/slow.sh tests the real ones), so that
# nginx's 429 does not stand in for the app's answers.  hostile.c still waits out and
# retries any 429 that nginx gives.
sed -i -e 's/burst=[0-9]* nodelay/burst=100000 nodelay/' "$TMP/nginx.conf"
nginx -c "$TMP/nginx.conf" -p "$TMP" -s reload
sleep 1
diag "site on $BASE, database $ABERTA_DB"
mkdir -p "$TMP/work"
"$TMP/hostile" "$BASE" "$ABERTA_DB" "$ADMIN_BIN" "$TMP/spawn.pid" "$ABERTA_UPLOADS" \
	"$TMP/work" >"$TMP/hostile.out" 2>"$TMP/hostile.err" || true
tap_lines "$TMP/hostile.out"
[ -s "$TMP/hostile.err" ] && sed 's/^/# stderr: /' "$TMP/hostile.err" | head -n 40
grep -q '^1\.\.[0-9]' "$TMP/hostile.out" || tap 0 "tests/reliability/hostile ran to its end"
ic=$(sql 'PRAGMA integrity_check')
tap "$([ "$ic" = ok ] && echo 1 || echo 0)" "PRAGMA integrity_check after the run: $ic"
n=$(grep -c 'aberta: ' "$TMP/nginx-error.log" || true)
diag "nginx-error.log has $n lines from the app; app.log:"
sed 's/^/#   /' "$TMP/app.log" | tail -n 10
rel_finish
