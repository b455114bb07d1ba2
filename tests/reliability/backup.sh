#!/bin/bash
# Backups (issue 7, section 4).  A fresh site (nginx + the FastCGI workers, a fresh
# database with the real content, plus test tables that make it ~10 MB) on a free
# port.  Then:
#   - during BACKUP_WRITE_SECONDS (10) of writes, a staff member saving through the
#     admin form and a SQL writer whose every transaction keeps invariants (a log row,
#     a page-wide update stamped with the same number, a transfer between accounts),
#     `aberta-admin backup` runs three times: each copy passes `aberta-admin check`,
#     holds the invariants (one consistent snapshot, not pages of different moments),
#     and its append-only tables are a prefix of the live ones (the live database as
#     it was at one moment);
#   - writers stopped: a backup restored into a new file holds the same content as the
#     live database, table by table (.dump), and the restore's own marks (a higher
#     content version, no sessions, one audit line);
#   - backup refuses to overwrite a file without --force; restore refuses a truncated
#     copy, a file that is not a database, a database newer than the program, and a run
#     without confirmation (no terminal, no --yes), each with a clear message and the
#     live database unchanged; on a terminal, typing RESTORE restores and anything else
#     cancels;
#   - restore into the running site: the pages show the restored content at once with
#     new validators (ETag), the workers keep running, old sessions end, and a new
#     login saves again.
# Prints TAP; the last line is "N passed, N failed".  Builds nothing but its helper.
set -euo pipefail

# shellcheck source=tests/reliability/lib-faults.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib-faults.sh"
SECS=${BACKUP_WRITE_SECONDS:-10}

tmp_setup backup
build_staffbot
export ABERTA_DB=$TMP/aberta.db
prepare "$ABERTA_DB" >"$TMP/prepare.log" 2>&1 || { cat "$TMP/prepare.log" >&2; exit 1; }
# Test tables: ~10 MB of pages spread over the file, accounts whose total never
# changes, a log with one row per transaction.
sql "$ABERTA_DB" "
CREATE TABLE rel_pad (id INTEGER PRIMARY KEY, gen INTEGER NOT NULL, b BLOB NOT NULL);
CREATE TABLE rel_acct (id INTEGER PRIMARY KEY, bal INTEGER NOT NULL);
CREATE TABLE rel_log (id INTEGER PRIMARY KEY, v INTEGER NOT NULL);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
INSERT INTO rel_pad SELECT i, 0, randomblob(3500) FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT INTO rel_acct SELECT i, 100 FROM n;"
pages=$(sql "$ABERTA_DB" 'PRAGMA page_count')
diag "live database: $pages pages of 4 KB"
site_start "$(free_port)" "$TMP/var"
diag "site on $BASE"
CK=$(login backup@test.pt)
CID=$(sql "$ABERTA_DB" 'SELECT id FROM commitment ORDER BY id LIMIT 1')
OGP=$(sql "$ABERTA_DB" "SELECT ogp_id FROM commitment WHERE id = $CID")

# admin_check DB: aberta-admin check, quietly.
admin_check() { "$ADMIN" --db "$1" check >/dev/null; }
# invariants DB: prints "ok" when the test tables of DB are one consistent state.
invariants() {
	sql "$1" "SELECT CASE WHEN
		(SELECT count(*) FROM rel_log) = (SELECT coalesce(max(v), 0) FROM rel_log) AND
		(SELECT coalesce(max(v), 0) FROM rel_log) = (SELECT max(gen) FROM rel_pad) AND
		(SELECT sum(bal) FROM rel_acct) = 10000 AND
		(SELECT count(*) FROM rel_pad) = 2500
		THEN 'ok' ELSE 'log ' || (SELECT count(*) FROM rel_log) || '/' ||
		(SELECT max(v) FROM rel_log) || ', pad ' || (SELECT max(gen) FROM rel_pad) ||
		', sum ' || (SELECT sum(bal) FROM rel_acct) END"
}
# prefix COPY: prints the number of rows of COPY's append-only tables (revision,
# rel_log, audit_log) that the live database does not hold identically, or that come
# after a row the live database lacks (0 when COPY is the live database of a moment).
prefix() {
	sqlite3 -batch -noheader -cmd '.timeout 10000' "$ABERTA_DB" "
		ATTACH '$1' AS c;
		SELECT (SELECT count(*) FROM c.revision x WHERE NOT EXISTS (SELECT 1 FROM
			main.revision y WHERE y.id = x.id AND y.change_id = x.change_id AND
			y.after IS x.after AND y.before IS x.before)) +
		       (SELECT count(*) FROM c.rel_log x WHERE NOT EXISTS (SELECT 1 FROM
			main.rel_log y WHERE y.id = x.id AND y.v = x.v)) +
		       (SELECT count(*) FROM c.audit_log x WHERE NOT EXISTS (SELECT 1 FROM
			main.audit_log y WHERE y.id = x.id AND y.action = x.action));"
}
# saves_consistent COPY: "ok" when COPY's edited row holds the value of its last
# revision and its version moved once per change (no save half in the copy).
saves_consistent() {
	sql "$1" "SELECT CASE WHEN (SELECT note_pt FROM commitment WHERE id = $CID) IS
		(SELECT after FROM revision WHERE tbl = 'commitment' AND row_id = $CID AND
		 field = 'note_pt' ORDER BY id DESC LIMIT 1) AND
		(SELECT version FROM commitment WHERE id = $CID) - $V0 =
		(SELECT count(DISTINCT change_id) FROM revision WHERE tbl = 'commitment' AND
		 row_id = $CID) - $R0 THEN 'ok' ELSE 'row ' ||
		 (SELECT coalesce(note_pt, 'NULL') || ' v' || version FROM commitment WHERE id = $CID)
		 END"
}
V0=$(sql "$ABERTA_DB" "SELECT version FROM commitment WHERE id = $CID")
R0=$(sql "$ABERTA_DB" "SELECT count(DISTINCT change_id) FROM revision WHERE tbl = 'commitment' AND row_id = $CID")

# ---- backups during writes -----------------------------------------------------------
"$STAFFBOT" saveloop "$BASE" "$CK" "/admin/commitments/$CID" note_pt bk "$SECS" \
	"$TMP/saves.tsv" 2>>"$TMP/staffbot.log" &
BG+=($!)
(
	end=$(( SECONDS + SECS ))
	echo '.timeout 10000'
	for (( i = 1; SECONDS < end; i++ )); do
		printf 'BEGIN IMMEDIATE;\nINSERT INTO rel_log (v) VALUES (%d);\n' "$i"
		printf 'UPDATE rel_pad SET gen = %d, b = randomblob(3500) WHERE id = %d;\n' \
			"$i" $(( (i * 7919) % 2500 + 1 ))
		printf 'UPDATE rel_acct SET bal = bal - 1 WHERE id = %d;\n' $(( i % 100 + 1 ))
		printf 'UPDATE rel_acct SET bal = bal + 1 WHERE id = %d;\nCOMMIT;\n' \
			$(( (i * 31) % 100 + 1 ))
		sleep 0.005
	done
) | sqlite3 -batch "$ABERTA_DB" >"$TMP/writer.out" 2>&1 &
BG+=($!)
sleep 1.5
for k in 1 2 3; do
	n0=$(sql "$ABERTA_DB" 'SELECT count(*) FROM rel_log')
	t0=$(date +%s%N)
	rc=0
	"$ADMIN" --db "$ABERTA_DB" backup "$TMP/during$k.db" 2>"$TMP/backup$k.err" || rc=$?
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	n1=$(sql "$ABERTA_DB" 'SELECT count(*) FROM rel_log')
	diag "backup $k: ${ms} ms while the SQL writer committed $(( n1 - n0 )) transactions; $(tail -n 1 "$TMP/backup$k.err")"
	check "backup $k during writes exits 0 and writes the file" test "$rc" = 0 -a -s "$TMP/during$k.db"
	check "backup $k passes 'aberta-admin check' (integrity_check, foreign_key_check)" \
		admin_check "$TMP/during$k.db"
	inv=$(invariants "$TMP/during$k.db")
	check "backup $k is one consistent snapshot: every transaction whole or absent ($inv)" test "$inv" = ok
	sc=$(saves_consistent "$TMP/during$k.db")
	check "backup $k holds no half save: the edited row matches its last revision ($sc)" test "$sc" = ok
	sleep 2
done
for p in "${BG[@]}"; do wait "$p" || true; done
BG=()
writes=$(sql "$ABERTA_DB" 'SELECT count(*) FROM rel_log')
acked=$(awk -F '\t' '$2 == 303' "$TMP/saves.tsv" | wc -l)
diag "writers: $writes SQL transactions, $acked staff saves acknowledged; writer errors: $(grep -c . "$TMP/writer.out" || true)"
check "the writers kept writing during the backups ($writes transactions, $acked saves)" \
	test "$writes" -gt 100 -a "$acked" -gt 10
for k in 1 2 3; do
	pf=$(prefix "$TMP/during$k.db")
	check "backup $k is the live database of one moment: its append-only rows are all in the live database ($pf differ)" \
		test "$pf" = 0
done
check "the live database still passes its checks" test "$(integrity "$ABERTA_DB")" = ok

# ---- writers stopped: restore into a new file and compare ----------------------------
"$ADMIN" --db "$ABERTA_DB" backup "$TMP/quiet.db" 2>"$TMP/quiet.err"
check "backup with the writers stopped" test -s "$TMP/quiet.db"
rc=0
"$ADMIN" --db "$TMP/copy.db" restore --yes "$TMP/quiet.db" 2>"$TMP/restore-copy.err" || rc=$?
check "restore --yes into a new file exits 0 ($(tail -n 1 "$TMP/restore-copy.err"))" test "$rc" = 0
tables=$(sql "$ABERTA_DB" "SELECT name FROM sqlite_schema WHERE type = 'table' AND
	name NOT IN ('site_state', 'session', 'audit_log') AND name NOT LIKE 'sqlite_%'
	ORDER BY name")
tables=$(tr '\n' ' ' <<<"$tables")
dumpdiff=$(diff <(sqlite3 "$ABERTA_DB" ".dump $tables") \
	<(sqlite3 "$TMP/copy.db" ".dump $tables") | head -n 5 || true)
check "the restored copy holds the same content as the live database, table by table ($(wc -w <<<"$tables") tables)" \
	test -z "$dumpdiff"
[ -z "$dumpdiff" ] || diag "first differences: $dumpdiff"
v_live=$(sql "$ABERTA_DB" 'SELECT content_version FROM site_state')
v_copy=$(sql "$TMP/copy.db" 'SELECT content_version FROM site_state')
check "the copy's content version moved on ($v_live -> $v_copy), so no cached page survives" \
	test "$v_copy" -gt "$v_live"
a_live=$(sql "$ABERTA_DB" 'SELECT count(*) FROM audit_log')
a_copy=$(sql "$TMP/copy.db" 'SELECT count(*) FROM audit_log')
last=$(sql "$TMP/copy.db" 'SELECT action FROM audit_log ORDER BY id DESC LIMIT 1')
check "the copy's audit log is the live one plus one 'db_restore' line ($a_live -> $a_copy, $last)" \
	test "$a_copy" = $(( a_live + 1 )) -a "$last" = db_restore
check "the copy has no sessions (everyone logs in again)" \
	test "$(sql "$TMP/copy.db" 'SELECT count(*) FROM session')" = 0
check "the copy is in WAL mode, like a live database" \
	test "$(sql "$TMP/copy.db" 'PRAGMA journal_mode')" = wal

# ---- refusals ------------------------------------------------------------------------
sum_before=$(md5sum <"$TMP/quiet.db")
rc=0
"$ADMIN" --db "$ABERTA_DB" backup "$TMP/quiet.db" 2>"$TMP/err" || rc=$?
check "backup onto an existing file is refused (exit $rc): $(head -n 1 "$TMP/err")" \
	test "$rc" = 1 -a "$(md5sum <"$TMP/quiet.db")" = "$sum_before"
rc=0
"$ADMIN" --db "$ABERTA_DB" backup --force "$TMP/quiet.db" 2>"$TMP/err" || rc=$?
check "backup --force replaces it (exit $rc)" test "$rc" = 0
rc=0
"$ADMIN" --db "$TMP/nothing.db" backup "$TMP/x.db" 2>"$TMP/err" || rc=$?
check "backup of a missing database fails clearly and writes nothing ($(head -n 1 "$TMP/err"))" \
	test "$rc" = 1 -a ! -e "$TMP/x.db" -a ! -e "$TMP/x.db.tmp" -a ! -e "$TMP/nothing.db"

live_state() {
	printf '%s %s\n' "$(sql "$ABERTA_DB" 'SELECT content_version FROM site_state')" \
		"$(sqlite3 "$ABERTA_DB" '.dump' | md5sum)"
}
head -c $(( $(stat -c %s "$TMP/quiet.db") / 3 )) "$TMP/quiet.db" >"$TMP/truncated.db"
printf 'This is not a database.\n%.0s' {1..200} >"$TMP/text.db"
cp "$TMP/quiet.db" "$TMP/newer.db"
sql "$TMP/newer.db" "INSERT INTO schema_version (version) SELECT max(version) + 1 FROM schema_version"
s0=$(live_state)
for f in truncated:'damaged or not a database' text:'damaged or not a database' \
	newer:'newer than this program'; do
	name=${f%%:*}
	msg=${f#*:}
	rc=0
	"$ADMIN" --db "$ABERTA_DB" restore --yes "$TMP/$name.db" 2>"$TMP/err" || rc=$?
	ok=0
	[ "$rc" = 1 ] && grep -qF "$msg" "$TMP/err" && grep -qF 'nothing was changed' "$TMP/err" && ok=1
	check "restore of a $name file is refused (exit $rc) with a clear message: $(grep -F "$msg" "$TMP/err" | head -n 1)" \
		test "$ok" = 1
done
check "'aberta-admin check' finds the truncated file damaged (exit 1)" \
	bash -c "! '$ADMIN' --db '$TMP/truncated.db' check 2>/dev/null"
rc=0
"$ADMIN" --db "$ABERTA_DB" restore "$TMP/quiet.db" </dev/null 2>"$TMP/err" || rc=$?
check "restore without --yes and without a terminal is refused (exit $rc): $(head -n 1 "$TMP/err")" \
	test "$rc" = 1
check "after the refusals the live database is exactly as it was" test "$(live_state)" = "$s0"
if command -v script >/dev/null; then
	cp "$TMP/copy.db" "$TMP/tty.db"
	t0=$(sql "$TMP/tty.db" 'SELECT content_version FROM site_state')
	printf 'no\n' | script -qec "'$ADMIN' --db '$TMP/tty.db' restore '$TMP/quiet.db'" /dev/null \
		>"$TMP/tty1.out" 2>&1 || true
	t1=$(sql "$TMP/tty.db" 'SELECT content_version FROM site_state')
	ok=0
	[ "$t1" = "$t0" ] && grep -q 'Type RESTORE to go on' "$TMP/tty1.out" && ok=1
	check "on a terminal, the restore asks to type RESTORE, and anything else cancels" test "$ok" = 1
	printf 'RESTORE\n' | script -qec "'$ADMIN' --db '$TMP/tty.db' restore '$TMP/quiet.db'" /dev/null \
		>"$TMP/tty2.out" 2>&1 || true
	t2=$(sql "$TMP/tty.db" 'SELECT content_version FROM site_state')
	check "on a terminal, typing RESTORE restores ($t0 -> $t2)" test "$t2" -gt "$t0"
fi

# ---- restore into the running site ---------------------------------------------------
REL_BODY=/dev/null "$STAFFBOT" save "$BASE" "$CK" "/admin/commitments/$CID" note_pt \
	"before-the-backup" >/dev/null
"$ADMIN" --db "$ABERTA_DB" backup "$TMP/point.db" 2>/dev/null
out=$(REL_BODY=/dev/null "$STAFFBOT" save "$BASE" "$CK" "/admin/commitments/$CID" note_pt \
	"after-the-backup" || true)
page=$(curl -s -D "$TMP/h1" "$BASE/pt/commitments/$OGP")
etag1=$(sed -n 's/^[Ee][Tt]ag: *//p' "$TMP/h1" | tr -d '\r')
check "a save after the backup shows on the public page (${out%%$'\t'*})" \
	grep -q 'after-the-backup' <<<"$page"
mapfile -t w0 < <(worker_pids)
rc=0
"$ADMIN" --db "$ABERTA_DB" restore --yes "$TMP/point.db" 2>"$TMP/restore-live.err" || rc=$?
check "restore --yes into the running site exits 0 ($(tail -n 1 "$TMP/restore-live.err"))" test "$rc" = 0
page=$(curl -s -D "$TMP/h2" "$BASE/pt/commitments/$OGP")
etag2=$(sed -n 's/^[Ee][Tt]ag: *//p' "$TMP/h2" | tr -d '\r')
check "the public page shows the restored content at once" \
	bash -c "grep -q 'before-the-backup' <<<\"\$1\" && ! grep -q 'after-the-backup' <<<\"\$1\"" _ "$page"
check "with a new ETag ($etag1 -> $etag2)" test -n "$etag2" -a "$etag1" != "$etag2"
st=$(status "$BASE/pt/commitments/$OGP" -H "If-None-Match: $etag1")
check "a client's copy from before the restore is not confirmed (If-None-Match of before -> $st)" test "$st" = 200
mapfile -t w1 < <(worker_pids)
check "the workers kept running through the restore (${w0[*]} / ${w1[*]})" test "${w0[*]}" = "${w1[*]}"
st=$(status "$BASE/admin/" -H "Cookie: $CK")
check "the session of before the restore has ended (GET /admin/ -> $st)" test "$st" = 303
backups=$(find "$TMP" -maxdepth 1 -name 'aberta.db.before-restore-*' | wc -l)
check "restore kept a copy of the database it replaced ($backups)" test "$backups" -ge 1
CK2=$(login backup2@test.pt)
out=$(REL_BODY=/dev/null "$STAFFBOT" save "$BASE" "$CK2" "/admin/commitments/$CID" note_pt \
	"after-the-restore" || true)
check "a new login saves again after the restore (${out%%$'\t'*})" test "${out%%$'\t'*}" = 303
check "the live database passes its checks after the restore" test "$(integrity "$ABERTA_DB")" = ok

# ---- the daily backup: conf/aberta-backup.sh and its systemd units -------------------
mkdir -p "$TMP/up" "$TMP/backups"
printf 'one\n' >"$TMP/up/$(printf 'a%.0s' {1..64})"
printf 'two\n' >"$TMP/up/$(printf 'b%.0s' {1..64})"
printf 'half\n' >"$TMP/up/.$(printf 'c%.0s' {1..64}).0123456789abcdef.tmp"
runs=''
for d in 01 02 03 04 05; do
	rc=0
	ABERTA_ADMIN=$ADMIN ABERTA_UPLOADS=$TMP/up BACKUP_DIR=$TMP/backups BACKUP_KEEP=3 \
		BACKUP_DATE=2026-01-$d "$ROOT/conf/aberta-backup.sh" 2>>"$TMP/daily.err" || rc=$?
	runs="$runs$rc"
done
dbs=$(cd "$TMP/backups" && echo aberta-2026-*.db)
tars=$(cd "$TMP/backups" && echo aberta-uploads-2026-*.tar.gz)
check "aberta-backup.sh ran 5 days in a row (exit statuses $runs)" test "$runs" = 00000
check "it keeps the newest 3 database copies ($dbs)" \
	test "$dbs" = 'aberta-2026-01-03.db aberta-2026-01-04.db aberta-2026-01-05.db'
check "and the newest 3 document archives ($tars)" test "$tars" = \
	'aberta-uploads-2026-01-03.tar.gz aberta-uploads-2026-01-04.tar.gz aberta-uploads-2026-01-05.tar.gz'
check "the day's copy passes 'aberta-admin check'" \
	admin_check "$TMP/backups/aberta-2026-01-05.db"
n=$(tar -tzf "$TMP/backups/aberta-uploads-2026-01-05.tar.gz" | grep -c '[^/]$' || true)
check "the day's archive holds the 2 documents, not the file being written ($n entries)" test "$n" = 2
rc=0
ABERTA_ADMIN=$ADMIN ABERTA_DB=$TMP/none.db ABERTA_UPLOADS=$TMP/up BACKUP_DIR=$TMP/backups \
	BACKUP_KEEP=1 BACKUP_DATE=2026-01-06 "$ROOT/conf/aberta-backup.sh" 2>"$TMP/err" || rc=$?
left=$(cd "$TMP/backups" && echo aberta-2026-*.db)
check "a failed backup exits 1 and removes none of the earlier copies ($(tail -n 1 "$TMP/err"))" \
	test "$rc" = 1 -a "$left" = 'aberta-2026-01-03.db aberta-2026-01-04.db aberta-2026-01-05.db'
if command -v systemd-analyze >/dev/null; then
	mkdir -p "$TMP/units"
	for u in aberta.service aberta-migrate.service aberta-backup.service aberta-backup.timer \
	    aberta-links.service aberta-links.timer aberta-mail.service aberta-mail.timer \
	    aberta-purge.service aberta-purge.timer; do
		sed -e "s|/usr/local/bin/aberta-backup.sh|$ROOT/conf/aberta-backup.sh|" \
			-e "s|/usr/local/bin/aberta|$BUILD/aberta|g" \
			"$ROOT/conf/$u" >"$TMP/units/$u"
	done
	rc=0
	systemd-analyze verify "$TMP"/units/* >"$TMP/verify.out" 2>&1 || rc=$?
	check "systemd-analyze verify accepts the units of conf/ (exit $rc$( [ -s "$TMP/verify.out" ] && printf ': %s' "$(head -n 2 "$TMP/verify.out" | tr '\n' ' ')"))" \
		test "$rc" = 0 -a ! -s "$TMP/verify.out"
fi
finish
