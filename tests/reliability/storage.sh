#!/bin/bash
# Storage faults (issue 7, section 3).  A fresh site whose workers run as an unprivileged
# user (nobody: root would ignore file permissions) with the database and the uploaded
# documents on a small file system of its own (a tmpfs of STORAGE_FS_MB, default 16);
# a staff member logged in with both factors.  Each fault, then its end:
#   (c) the database locked by a long writer (a sqlite3 shell holding BEGIN IMMEDIATE
#       longer than the busy timeout): a save answers 503 with a clear message after
#       the timeout, public pages answer at once; after the lock ends, saves work;
#   (a) the database file and its folder made read-only (chmod) and the workers
#       restarted (a running worker keeps the descriptors it opened, so only workers
#       that open the file while it is read-only can see the fault): they start and
#       serve reads; a save answers a clear Portuguese message (503); made writable
#       again, saves work with the same workers (no restart);
#   (b) the disk full (the tmpfs filled up): a save answers a clear message (503),
#       reads go on; space freed, saves work;
#   (d) the upload folder not writable: an evidence upload answers a clear message and
#       nothing is stored; writable again, the same upload is stored;
#   (e) a template missing at start: the worker refuses to start with a log line naming
#       it, and multiwatch gives up after its retries instead of spinning; the list of
#       templates the worker checks matches the names used in cgi-src.
# Each fault: nothing half-written (the row and its revisions as before), a log line
# (nginx's error log receives the workers' request log), no SQL or path in the page.
# Prints TAP; the last line is "N passed, N failed".  Needs root (mount, chmod for
# another user); builds nothing but its helper: run make first.
set -euo pipefail

# shellcheck source=tests/reliability/lib-faults.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib-faults.sh"
FS_MB=${STORAGE_FS_MB:-16}
LOCK_SECS=12	# longer than the busy timeout (5 s)

# want X: true when case X is to run (STORAGE_CASES="a b c d e" by default).
want() { [[ " ${STORAGE_CASES:-a b c d e} " == *" $1 "* ]]; }

tmp_setup storage
build_staffbot

# The small file system, owned by the workers' user.
USR=nobody
id "$USR" >/dev/null 2>&1 || USR=''
[ "$(id -u)" = 0 ] || USR=''
GRP=${USR:+$(id -gn "$USR")}
FS=$TMP/fs
mkdir -p "$FS"
MOUNTED=0
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o "size=${FS_MB}m,mode=0755" tmpfs "$FS" 2>"$TMP/mount.err"; then
	MOUNTS+=("$FS")
	MOUNTED=1
	diag "database and uploads on a ${FS_MB} MB tmpfs at $FS"
else
	diag "cannot mount a tmpfs here ($(cat "$TMP/mount.err" 2>/dev/null)): the disk-full case is skipped"
fi
mkdir -p "$FS/db" "$FS/uploads"
export ABERTA_DB=$FS/db/aberta.db ABERTA_UPLOADS=$FS/uploads
prepare "$ABERTA_DB" >"$TMP/prepare.log" 2>&1 || { cat "$TMP/prepare.log" >&2; exit 1; }
[ -z "$USR" ] || chown -R "$USR:$GRP" "$FS"
if [ -n "$USR" ]; then
	diag "workers run as $USR"
	AS=(setpriv --reuid="$USR" --regid="$GRP" --clear-groups)
else
	diag "workers run as $(id -un): file permissions do not apply, the read-only and unwritable-folder cases are skipped"
	AS=()
fi
# aberta-admin and sqlite3 run as the workers' user too, so that no file beside the
# database ever belongs to root.
printf '#!/bin/sh\nexec %s %q "$@"\n' "${AS[*]}" "$ADMIN" >"$TMP/admin"
chmod 755 "$TMP/admin"
ADMIN=$TMP/admin
dbsql() { "${AS[@]}" sqlite3 -batch -noheader -cmd '.timeout 10000' "$ABERTA_DB" "$1"; }

SITE_USER=$USR site_start "$(free_port)" "$TMP/var"
diag "site on $BASE"
CK=$(login storage@test.pt)
CID=$(dbsql 'SELECT id FROM commitment ORDER BY id LIMIT 1')
OGP=$(dbsql "SELECT ogp_id FROM commitment WHERE id = $CID")
EDIT=/admin/commitments/$CID

# save VALUE: saves the note of commitment CID as VALUE; sets ST (the status, G<n> when
# the form could not be opened), SECS (time taken); the page is in $TMP/body.html.
save() {
	local t0=$SECONDS out
	out=$(REL_BODY=$TMP/body.html "$STAFFBOT" save "$BASE" "$CK" "$EDIT" note_pt "$1" || true)
	ST=${out%%$'\t'*}
	SECS=$(( SECONDS - t0 ))
}
# unchanged VALUE: true when no save of VALUE reached the row or the revisions.
unchanged() {
	[ "$(dbsql "SELECT count(*) FROM commitment WHERE id = $CID AND note_pt = '$1'")" = 0 ] &&
		[ "$(dbsql "SELECT count(*) FROM revision WHERE after = '$1'")" = 0 ]
}
# saved VALUE: true when the row holds VALUE with exactly one revision.
saved() {
	[ "$(dbsql "SELECT count(*) FROM commitment WHERE id = $CID AND note_pt = '$1'")" = 1 ] &&
		[ "$(dbsql "SELECT count(*) FROM revision WHERE tbl = 'commitment' AND
			row_id = $CID AND field = 'note_pt' AND after = '$1'")" = 1 ]
}
# page_says TEXT: the last page holds TEXT and no technical detail (SQL, SQLite's
# messages, paths); otherwise shows its text.
page_says() {
	if grep -qF "$1" "$TMP/body.html" &&
		! grep -qE 'SELECT .* FROM|UPDATE [a-z_]+ SET|INSERT INTO|[Ss][Qq][Ll]ite|/tmp/|attempt to write|disk image|is locked|No such file|Permission denied' \
			"$TMP/body.html"; then
		return 0
	fi
	diag "the page says: $(sed -e 's/<[^>]*>/ /g' "$TMP/body.html" | tr -s ' \n\t' ' ' |
		grep -oE '.{0,100}(Não|nada|erro|Erro).{0,200}' | head -n 3)"
	return 1
}
# log_mark: remembers the size of nginx's error log; log_since TEXT: true when a line
# with TEXT was written after the mark.
log_mark() { LOGMARK=$(wc -c <"$VAR/nginx-error.log"); }
log_since() { tail -c +"$(( LOGMARK + 1 ))" "$VAR/nginx-error.log" | grep -qF "$1"; }
# public: true when the home page and the commitment's page answer 200 within 3 s.
public() {
	[ "$(status "$BASE/pt/" --max-time 3)" = 200 ] &&
		[ "$(status "$BASE/en/commitments/$OGP" --max-time 3)" = 200 ]
}

save "before-faults"
check "a save works before any fault (got $ST)" test "$ST" = 303

# ---- (c) the database locked by a long writer ---------------------------------------
if want c; then
	( { printf '.timeout 5000\nBEGIN IMMEDIATE;\nUPDATE site_state SET content_version = content_version WHERE id = 1;\n'
	    sleep "$LOCK_SECS"; printf 'ROLLBACK;\n'; } | "${AS[@]}" sqlite3 -batch "$ABERTA_DB" ) &
	LOCKER=$!
	BG+=("$LOCKER")
	for (( i = 0; i < 50; i++ )); do
		"${AS[@]}" sqlite3 -batch -cmd '.timeout 0' "$ABERTA_DB" 'BEGIN IMMEDIATE; ROLLBACK;' \
			>/dev/null 2>&1 || break
		sleep 0.1
	done
	check "(c) a sqlite3 shell holds the write lock (BEGIN IMMEDIATE)" test "$i" -lt 50
	log_mark
	t0=$(date +%s%N)
	pub=$(public && echo yes || echo no)
	pubms=$(( ($(date +%s%N) - t0) / 1000000 ))
	check "(c) public pages answer while the database is locked (${pubms} ms)" test "$pub" = yes
	save "while-locked"
	check "(c) a save answers 503 after the busy timeout (got $ST after ${SECS} s)" \
		test "$ST" = 503 -a "$SECS" -ge 5 -a "$SECS" -lt "$LOCK_SECS"
	check "(c) the page says the database is busy and nothing was changed" \
		page_says "está ocupada com outra operação demorada e nada foi alterado"
	check "(c) a log line names the lock" log_since "database is locked"
	check "(c) nothing of that save was written" unchanged "while-locked"
	kill_tree "$LOCKER"
	BG=()
	save "after-lock"
	check "(c) the lock released, a save works (got $ST)" test "$ST" = 303
	check "(c) and it is in the database with its revision" saved "after-lock"
fi

# ---- (a) the database read-only -----------------------------------------------------
if ! want a; then
	:
elif [ -n "$USR" ]; then
	chmod 0444 "$ABERTA_DB"
	chmod 0555 "$FS/db"
	save "ro-running"
	diag "(a) with the file read-only, a worker that opened it before still writes (permissions are checked at open): the save answered $ST"
	mapfile -t old < <(worker_pids)
	kill -TERM "${old[@]}"
	wait_gone 50 "${old[@]}" || true
	wait_workers "${WORKERS:-2}" 100 || true
	mapfile -t ro < <(worker_pids)
	check "(a) workers restarted while the database is read-only run and answer (${#ro[@]} workers)" \
		test "${#ro[@]}" -ge 1 -a "$(status "$BASE/healthz")" = 200
	check "(a) they logged that they serve reads only" \
		grep -q "cannot be written (read-only): serving reads" "$VAR/app.log"
	check "(a) public pages keep serving reads" public
	log_mark
	save "while-readonly"
	check "(a) a save answers 503 (got $ST)" test "$ST" = 503
	check "(a) the page says, in Portuguese, that the database is read-only and nothing was changed" \
		page_says "está, neste momento, só de leitura"
	check "(a) a log line names the fault" log_since "readonly database"
	check "(a) nothing of that save was written" unchanged "while-readonly"
	chmod 0755 "$FS/db"
	chmod 0644 "$ABERTA_DB"
	save "after-readonly-1"
	st1=$ST
	save "after-readonly-2"
	mapfile -t now < <(worker_pids)
	check "(a) writable again, saves work ($st1, $ST) with the same workers (no restart)" \
		test "$st1" = 303 -a "$ST" = 303 -a "${now[*]}" = "${ro[*]}"
	check "(a) and they are in the database with their revisions" \
		saved "after-readonly-2"
	check "(a) the workers logged that the database can be written again" \
		grep -q "can be written again" "$VAR/app.log"
else
	tap 1 "(a) the database read-only # SKIP the workers cannot run as another user"
fi

# ---- (b) the disk full --------------------------------------------------------------
if ! want b; then
	:
elif (( MOUNTED )); then
	ck=$(dbsql 'PRAGMA wal_checkpoint(TRUNCATE)')
	diag "(b) WAL checkpointed and truncated ($ck), so that the next write must grow it"
	dd if=/dev/zero of="$FS/fill" bs=64k >/dev/null 2>&1 || true
	avail=$(df -k --output=avail "$FS" | tail -n 1 | tr -d ' ')
	check "(b) the file system is full (${avail} KB free)" test "$avail" -lt 64
	log_mark
	check "(b) public pages keep serving reads" public
	save "while-full"
	check "(b) a save answers 503 (got $ST)" test "$ST" = 503
	check "(b) the page says the disk is full and nothing was changed" \
		page_says "O disco do servidor está cheio"
	check "(b) a log line names the fault" log_since "disk is full"
	check "(b) nothing of that save was written" unchanged "while-full"
	rm -f "$FS/fill"
	save "after-full"
	check "(b) space freed, a save works (got $ST)" test "$ST" = 303
	check "(b) and it is in the database with its revision" saved "after-full"
else
	tap 1 "(b) the disk full # SKIP no file system of its own could be mounted"
fi

# ---- (d) the upload folder not writable ---------------------------------------------
if ! want d; then
	:
elif [ -n "$USR" ]; then
	MID=$(dbsql "SELECT id FROM milestone ORDER BY id LIMIT 1")
	# the figure's date, how it is known, its source and confidence, which a progress
	# change keeps (the editor refuses a figure without them)
	dbsql "UPDATE milestone SET progress_as_of = '2025-06-05', progress_as_of_kind = 'stated',
		progress_source = 'https://example.org/relatorio', progress_confidence = 'confirmed'
		WHERE id = $MID" >/dev/null
	printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n%s\n' \
		"$RANDOM$RANDOM" >"$TMP/evidencia.pdf"
	p0=$(dbsql "SELECT coalesce(progress, -1) FROM milestone WHERE id = $MID")
	pnew=$(( p0 >= 50 ? 17 : 83 ))
	n0=$(dbsql 'SELECT (SELECT count(*) FROM upload), (SELECT count(*) FROM link)')
	chmod 0555 "$FS/uploads"
	log_mark
	out=$(REL_BODY=$TMP/body.html "$STAFFBOT" save "$BASE" "$CK" "/admin/milestones/$MID" \
		progress "$pnew" "$TMP/evidencia.pdf" || true)
	ST=${out%%$'\t'*}
	check "(d) an upload into an unwritable folder answers the form again (got $ST)" \
		test "$ST" = 400
	check "(d) with a clear message" page_says "Não foi possível guardar o ficheiro no servidor, e nada foi gravado"
	check "(d) a log line names the folder" log_since "cannot store an uploaded document in $FS/uploads"
	n1=$(dbsql 'SELECT (SELECT count(*) FROM upload), (SELECT count(*) FROM link)')
	p1=$(dbsql "SELECT coalesce(progress, -1) FROM milestone WHERE id = $MID")
	files=$(find "$FS/uploads" -type f | wc -l)
	check "(d) nothing was stored: no upload or link row ($n0 -> $n1), progress unchanged ($p0 -> $p1), no file ($files)" \
		test "$n0" = "$n1" -a "$p0" = "$p1" -a "$files" = 0
	chmod 0755 "$FS/uploads"
	out=$(REL_BODY=$TMP/body.html "$STAFFBOT" save "$BASE" "$CK" "/admin/milestones/$MID" \
		progress "$pnew" "$TMP/evidencia.pdf" || true)
	ST=${out%%$'\t'*}
	files=$(find "$FS/uploads" -type f | wc -l)
	check "(d) writable again, the same upload is stored (got $ST, $files file)" \
		test "$ST" = 303 -a "$files" = 1
else
	tap 1 "(d) the upload folder not writable # SKIP the workers cannot run as another user"
fi

check "the database passes integrity_check and foreign_key_check after the faults" \
	test "$(integrity "$ABERTA_DB")" = ok
stop_site "$VAR"

# ---- (e) a template missing at start ------------------------------------------------
if want e; then
	mkdir -p "$TMP/tpl"
	cp "$ROOT"/templates/*.tpl "$TMP/tpl/"
	GONE=event.tpl
	rm "$TMP/tpl/$GONE"
	t0=$SECONDS
	SITE_USER=$USR SITE_TEMPLATES=$TMP/tpl SITE_WAIT=0 site_start "$(free_port)" "$TMP/var-e"
	for (( i = 0; i < 100; i++ )); do
		[ -n "$(multiwatch_pid)" ] || break
		sleep 0.1
	done
	gave=$(( SECONDS - t0 ))
	tries=$(grep -c "cannot start: template $GONE is missing from $TMP/tpl" "$VAR/app.log" || true)
	check "(e) the worker refuses to start with a log line naming the template ($tries times)" \
		test "$tries" -ge 1
	check "(e) multiwatch gives up after its retries instead of spinning (gone after ~${gave} s, $tries start attempts; options '$(mw_flags)')" \
		test -z "$(multiwatch_pid)" -a "$tries" -le 100
	check "(e) nginx answers 502 for the program's pages meanwhile" test "$(status "$BASE/pt/")" = 502
	diag "(e) multiwatch exits with status 0 when it gives up: conf/aberta.service restarts it (Restart=always, every 5 s) until the template is back"
	cp "$ROOT/templates/$GONE" "$TMP/tpl/"
	stop_site "$VAR"
	SITE_USER=$USR SITE_TEMPLATES=$TMP/tpl site_start "$(free_port)" "$TMP/var-e2"
	check "(e) with the template back, the workers start and answer" \
		test "$(status "$BASE/pt/events")" = 200
	# The list the worker checks against the names in the code.
	sed -n '/^static const char \*const templates\[\] = {/,/^};/p' "$ROOT/cgi-src/main.c" |
		grep -oE '"[a-z0-9_]+\.tpl"' | sort -u >"$TMP/listed"
	grep -rhoE '"[a-z0-9_]+\.tpl"' "$ROOT/cgi-src" --include='*.c' --include='*.cc' |
		sort -u | comm -23 - "$TMP/listed" >"$TMP/unlisted"
	check "(e) every template named in cgi-src is in the list the worker checks at start$( [ -s "$TMP/unlisted" ] && printf ' (missing: %s)' "$(tr '\n' ' ' <"$TMP/unlisted")")" \
		test ! -s "$TMP/unlisted"
	for f in $(tr -d '"' <"$TMP/listed"); do
		[ -f "$ROOT/templates/$f" ] || echo "$f"
	done >"$TMP/nofile"
	check "(e) every template in that list is in templates/$( [ -s "$TMP/nofile" ] && printf ' (not: %s)' "$(tr '\n' ' ' <"$TMP/nofile")")" \
		test ! -s "$TMP/nofile"
fi
finish
