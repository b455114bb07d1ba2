#!/bin/bash
# bench/xlsx.sh: the size and the memory of the spreadsheets of the open data beside the
# CSV of the same address (README, "Open data").  For each data set of bench/gen asked
# for, on a database of its own, each address is answered by the worker run as CGI (no
# nginx, so no read timeout), one at a time, under /usr/bin/time: the bytes of the
# answer, the worker's peak RSS and the seconds.  Each run is bounded: TIMEOUT seconds
# (600) and an address space of MEM_KB (12 GiB); a run cut by either is reported so.
#
#   bench/xlsx.sh [--scale LIST] [--db PATH]   LIST: comma list of 1..100 (default 1);
#                                              --db: measure an existing database
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../tests/lib-site.sh"	# sets ROOT, BUILD
SCALES=1 DB='' TIMEOUT=${TIMEOUT:-600} MEM_KB=${MEM_KB:-12582912}
while (( $# )); do
	case $1 in
	--scale) SCALES=$2; shift 2 ;;
	--db) DB=$2; shift 2 ;;
	*) log "usage: bench/xlsx.sh [--scale 1,100] [--db PATH]"; exit 2 ;;
	esac
done
[ -x "$BUILD/aberta" ] && [ -x "$BUILD/bench/gen" ] || { log "build aberta and bench/gen first"; exit 1; }
URIS=(/pt/plans.csv /pt/plans.xlsx /pt/commitments.csv /pt/commitments.xlsx
	/data/commitments.csv /data/commitments.xlsx /data/milestones.csv /data/milestones.xlsx
	/data/all.xlsx)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-xlsx-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Answers uri from database db; prints a Markdown row.
measure() {
	local db=$1 uri=$2 rc=0 st
	( ulimit -v "$MEM_KB"; env -i PATH=/usr/bin:/bin REQUEST_METHOD=GET REQUEST_URI="$uri" \
		QUERY_STRING= GATEWAY_INTERFACE=CGI/1.1 ABERTA_DB="$db" \
		ABERTA_TEMPLATES="$ROOT/templates" TMPDIR="$TMP" \
		/usr/bin/time -f "%M %e" -o "$TMP/time" timeout "$TIMEOUT" "$BUILD/aberta" \
		>"$TMP/out" 2>"$TMP/err" ) || rc=$?
	st=$(head -n 1 "$TMP/out" | tr -d '\r')
	read -r kb secs < <(tail -n 1 "$TMP/time")
	if (( rc != 0 )) || [[ $st != "Status: 200 OK" ]]; then
		st="${st:-no answer} (exit $rc$( (( rc == 124 )) && echo ": ${TIMEOUT}s timeout"))"
		echo "| $uri | - | $((kb / 1024)) | $secs | $st |"
		return
	fi
	echo "| $uri | $(stat -c %s "$TMP/out") | $((kb / 1024)) | $secs | |"
}

run_set() {
	local name=$1 db=$2 u
	echo
	echo "### $name ($(stat -c %s "$db") bytes of database)"
	echo
	echo "| address | bytes | peak RSS (MiB) | seconds | note |"
	echo "| --- | ---: | ---: | ---: | --- |"
	for u in "${URIS[@]}"; do measure "$db" "$u"; done
}

if [ -n "$DB" ]; then
	run_set "$DB" "$DB"
	exit 0
fi
for s in ${SCALES//,/ }; do
	[[ $s =~ ^[0-9]+$ && $s -ge 1 && $s -le 100 ]] || { log "--scale: $s is not 1..100"; exit 2; }
	"$BUILD/bench/gen" --db "$TMP/s$s.db" --scale "$s" >&2
	run_set "scale $s" "$TMP/s$s.db"
	rm -f "$TMP/s$s.db"
done
