#!/bin/bash
# The reliability tests of issue 7, one after the other: backup.sh (backups), crash.sh
# (kill -9 of workers and nginx), storage.sh (storage faults), and, when present,
# load.sh (load with edits), hostile.sh (hostile input), slow.sh (slow clients and
# floods) and limits.sh (a flood from one network against the others' comments and
# logins).  Each prints TAP and ends with "N passed, N failed"; its output is shown and
# kept in $RELIABILITY_LOGS (default var/test-logs/reliability).  A script that prints no
# summary, exits non-zero without a failure, or runs longer than RELIABILITY_TIMEOUT
# seconds (300) counts as one failure.  The last line is the sum: "N passed, N failed".
# Needs root (mounts, kill of its own processes, workers run as nobody).  Builds
# nothing: run make first.  RELIABILITY_ONLY="crash storage" runs only those.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
logs=${RELIABILITY_LOGS:-$root/var/test-logs/reliability}
limit=${RELIABILITY_TIMEOUT:-300}
mkdir -p "$logs"
pass=0
fail=0
t0=$SECONDS
for name in backup crash storage load hostile slow limits; do
	script=$here/$name.sh
	[ -f "$script" ] || continue
	if [ -n "${RELIABILITY_ONLY:-}" ] && [[ " $RELIABILITY_ONLY " != *" $name "* ]]; then
		continue
	fi
	echo "# == $name.sh"
	s0=$SECONDS
	rc=0
	timeout --kill-after=15 "$limit" bash "$script" </dev/null 2>&1 | tee "$logs/$name.log" ||
		rc=${PIPESTATUS[0]}
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/$name.log" | tail -n 1 || true)
	if [ -z "$line" ]; then
		p=0
		f=1
		echo "# $name.sh printed no summary (exit $rc): counting 1 failure"
	else
		p=${line%% passed*}
		f=${line##*, }
		f=${f%% failed}
		if (( rc != 0 && f == 0 )); then
			f=1
			echo "# $name.sh exited $rc without a failing test: counting 1 failure"
		fi
	fi
	(( rc == 124 )) && echo "# $name.sh ran out of time (${limit} s)"
	echo "# == $name.sh: $p passed, $f failed in $(( SECONDS - s0 )) s"
	pass=$(( pass + p ))
	fail=$(( fail + f ))
done
echo "# reliability: $(( SECONDS - t0 )) s; logs in $logs"
echo "$pass passed, $fail failed"
(( fail == 0 && pass > 0 ))
