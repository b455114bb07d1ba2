#!/bin/bash
# bench/follow.sh: the cost of the email alerts (README, "Following by email"), on a
# generated data set (bench/gen) in a temporary folder, loopback only:
#   - the batch: SUBS followers (default 10,000; one subscription each: 60% a commitment,
#     20% a plan, 10% a body, 10% the whole site; 3 in 7 as it happens, 3 daily, 1
#     weekly; 70% in Portuguese), told from a day ago, after a day of edits: SESSIONS
#     saves (default 40, `import --as`, the store's editing engine) of PER milestones each
#     (default 25: a progress figure with its evidence, three revision rows); then
#     `follow send` at the digests' hour (every follower due but the weekly ones, unless it
#     is a Monday), the time it takes, the messages and changes it queues; then the run
#     five minutes later, with nothing new (the cost of every run of the timer);
#   - the sending: `mail flush` through the SMTP sink (tests/cocreate/smtpsink) for at
#     most FLUSH seconds (default 60), the messages it accepted per minute.
# Prints a Markdown table and writes it to bench/results/follow-DATE.md (not committed).
#
#   bench/follow.sh [--scale N] [--subs N] [--sessions N] [--per N] [--flush SECS]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../tests/lib-site.sh" # sets ROOT and BUILD
SCALE=1 SUBS=10000 SESSIONS=40 PER=25 FLUSH=60 PORT=${PORT:-8213}
while (($#)); do
	case $1 in
	--scale) SCALE=$2; shift 2 ;;
	--subs) SUBS=$2; shift 2 ;;
	--sessions) SESSIONS=$2; shift 2 ;;
	--per) PER=$2; shift 2 ;;
	--flush) FLUSH=$2; shift 2 ;;
	*) log "usage: bench/follow.sh [--scale N] [--subs N] [--sessions N] [--per N] [--flush SECS]"; exit 2 ;;
	esac
done
for v in "$SCALE" "$SUBS" "$SESSIONS" "$PER" "$FLUSH"; do
	[[ $v =~ ^[1-9][0-9]*$ ]] || { log "the options take whole numbers above 0"; exit 2; }
done
((SCALE <= 100 && SUBS <= 1000000 && FLUSH <= 600)) ||
	{ log "--scale is 1..100, --subs at most 1000000, --flush at most 600"; exit 2; }
for t in sqlite3 bc timeout /usr/bin/time; do
	command -v "$t" >/dev/null || { log "$t is missing"; exit 1; }
done
if [ ! -x "$BUILD/aberta-admin" ] || [ ! -x "$BUILD/bench/gen" ] ||
	[ ! -x "$BUILD/tests/cocreate/smtpsink" ]; then
	log "building"
	(cd "$ROOT" && { [ -x configure ] || autoreconf -fi; } && mkdir -p "$BUILD" && cd "$BUILD" &&
		{ [ -f Makefile ] || "$ROOT/configure" --enable-werror; } &&
		make -j2 all bench/gen tests/cocreate/smtpsink) >&2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-follow-bench.XXXXXX")
SINK=''
cleanup() {
	[ -z "$SINK" ] || { kill "$SINK" 2>/dev/null || true; wait "$SINK" 2>/dev/null || true; }
	rm -rf "$TMP"
}
trap cleanup EXIT
DB=$TMP/bench.db
ADMIN=("$BUILD/aberta-admin" --db "$DB")
export ABERTA_TEMPLATES=$ROOT/templates ABERTA_BASE_URL=https://rnaa.example.pt
export ABERTA_FOLLOW_CAP=1000000
unset ABERTA_SMTP_URL ABERTA_SENDMAIL
sql() { sqlite3 -batch -noheader "$DB" "$1"; }
# secs CMD...: runs CMD, its output to $TMP/out; prints the seconds it took, and the
# processor's seconds (user and system): the rest is waiting, for the disk (a commit a
# message) or for a processor other programs hold.
secs() {
	/usr/bin/time -f '%e %U %S' -o "$TMP/time" "$@" >"$TMP/out" 2>"$TMP/err" ||
		{ log "$* failed: $(cat "$TMP/err")"; exit 1; }
	awk '{ printf "%.2f s (processor %.2f s)", $1, $2 + $3 }' "$TMP/time"
}

log "data set ${SCALE}x"
"$BUILD/bench/gen" --db "$DB" --scale "$SCALE" 2>/dev/null
"${ADMIN[@]}" migrate >/dev/null 2>&1
"${ADMIN[@]}" user add bench-editor@bench.invalid "Editor" focal >/dev/null
now0=$(date +%s)
ncommit=$(sql "SELECT count(*) FROM commitment")
nplan=$(sql "SELECT count(*) FROM action_plan")
nbody=$(sql "SELECT count(*) FROM entity")
log "$SUBS followers"
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $SUBS)
     INSERT INTO follower (id, email, token) SELECT i, 'f' || i || '@bench.invalid',
	printf('%064x', i) FROM n;
     INSERT INTO subscription (follower_id, kind, target_id, lang, frequency, status,
	asked_at, sent_rev, sent_at)
     SELECT f.id, f.k, CASE f.k WHEN 'commitment' THEN 1 + f.id * 7919 % $ncommit
	WHEN 'plan' THEN (SELECT p.id FROM action_plan p WHERE (SELECT count(*) FROM action_plan q
	    WHERE q.id < p.id) = f.id % $nplan)
	WHEN 'entity' THEN 1 + f.id * 31 % $nbody END,
	CASE WHEN f.id % 10 < 7 THEN 'pt' ELSE 'en' END,
	CASE WHEN f.id % 7 < 3 THEN 'immediate' WHEN f.id % 7 < 6 THEN 'daily' ELSE 'weekly' END,
	'active', $now0, (SELECT coalesce(max(id), 0) FROM revision), $now0 - 86400
     FROM (SELECT id, CASE WHEN id % 10 < 6 THEN 'commitment' WHEN id % 10 < 8 THEN 'plan'
	WHEN id % 10 < 9 THEN 'entity' ELSE 'site' END AS k FROM follower) f"

log "$SESSIONS saves of $PER milestones each"
for ((s = 0; s < SESSIONS; s++)); do
	{
		echo 'ogp_id,position,progress,evidence'
		sql "SELECT c.ogp_id || ',' || m.position || ',' ||
			(CASE WHEN coalesce(m.progress, 0) >= 90 THEN 40 ELSE coalesce(m.progress, 0) + 7 END)
			|| ',' || coalesce((SELECT group_concat(l.url, '; ') FROM link l WHERE
			    l.milestone_id = m.id AND l.kind = 'evidence') || '; ', '') ||
			'https://evidencia.bench.invalid/' || m.id || '-' || $s
		     FROM milestone m JOIN commitment c ON c.id = m.commitment_id
		     WHERE m.status IS NOT 'complete' AND m.id % $SESSIONS = $s
		     ORDER BY m.id * 2654435761 % 1000003 LIMIT $PER"
	} >"$TMP/s.csv"
	"${ADMIN[@]}" import --as bench-editor@bench.invalid "$TMP/s.csv" >/dev/null 2>"$TMP/err" ||
		{ log "save $s refused: $(head -n 3 "$TMP/err")"; exit 1; }
done
revs=$(sql "SELECT count(*) FROM revision WHERE staff_id IS NOT NULL")
last=$(sql "SELECT strftime('%s', max(at)) FROM revision")
# The digests' hour: the first whole hour of Lisbon's clock at least 400 s after the last save.
at=$(TZ=Europe/Lisbon date -d "$(TZ=Europe/Lisbon date -d "@$((last + 400 + 3599))" '+%Y-%m-%d %H:00')" +%s)
ABERTA_DIGEST_HOUR=$(TZ=Europe/Lisbon date -d "@$at" +%-H)
export ABERTA_DIGEST_HOUR
log "follow send (the batch)"
t_batch=$(secs "${ADMIN[@]}" follow send --now "$at")
batch=$(cat "$TMP/out")
msgs=$(sql "SELECT count(*) FROM outbox")
items=$(sql "SELECT coalesce(sum(items), 0) FROM follow_sent")
bytes=$(sql "SELECT coalesce(sum(length(message)), 0) FROM outbox")
log "follow send (five minutes later, nothing new)"
t_idle=$(secs "${ADMIN[@]}" follow send --now $((at + 300)))

log "mail flush through the sink for at most $FLUSH s"
mkdir -p "$TMP/mail"
"$BUILD/tests/cocreate/smtpsink" "$PORT" "$TMP/mail" $((FLUSH + 30)) 2>>"$TMP/sink.log" &
SINK=$!
sleep 0.3
kill -0 "$SINK" 2>/dev/null || { log "the sink could not listen on 127.0.0.1:$PORT (PORT=...)"; exit 1; }
t0=$(date +%s.%N)
ABERTA_SMTP_URL=smtp://127.0.0.1:$PORT timeout "$FLUSH" "${ADMIN[@]}" mail flush \
	>/dev/null 2>&1 || true
t1=$(date +%s.%N)
sent=$(find "$TMP/mail" -name '*.eml' | wc -l)
rate=$(echo "$sent * 60 / ($t1 - $t0)" | bc -l | xargs printf '%.0f')

mkdir -p "$ROOT/bench/results"
out=$ROOT/bench/results/follow-$(date -u +%Y%m%dT%H%M%SZ).md
{
	echo "### Email alerts: ${SCALE}x data set ($ncommit commitments), $SUBS followers, $(nproc) cores (load $(cut -d ' ' -f 1 /proc/loadavg))"
	echo
	echo "| what | figure |"
	echo "| --- | --- |"
	echo "| a day of edits | $SESSIONS saves of $PER milestones, $revs revision rows |"
	echo "| follow send at the digests' hour | $t_batch: $msgs messages telling $items changes ($((bytes / 1024)) KiB) |"
	echo "| its own words | $batch |"
	echo "| follow send 5 minutes later, nothing new | $t_idle |"
	echo "| mail flush through the SMTP sink (loopback) | $sent messages in $(echo "$t1 - $t0" | bc -l | xargs printf '%.1f') s: $rate a minute |"
} | tee "$out"
log "written to $out"
