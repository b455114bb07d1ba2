#!/bin/sh
# Daily backup of the aberta website, run by aberta-backup.service (as the aberta user)
# from aberta-backup.timer; installed as /usr/local/bin/aberta-backup.sh.
#
#   BACKUP_DIR/aberta-YYYY-MM-DD.db              the database, copied by `aberta-admin
#                                                backup` (SQLite's online backup API while
#                                                the site serves and edits go on, then
#                                                integrity_check and foreign_key_check)
#   BACKUP_DIR/aberta-uploads-YYYY-MM-DD.tar.gz  the uploaded evidence documents
#
# The newest BACKUP_KEEP (14) of each are kept.  A second run on the same day replaces
# that day's files.  The database is copied first: a document uploaded in between is in
# the archive without being named by the copy, which does no harm; the other way round
# would lose it.  To restore: `aberta-admin restore FILE` (it asks for confirmation),
# and unpack the archive of the same day into ABERTA_UPLOADS.  These copies sit on the
# server's own disk: copy BACKUP_DIR elsewhere too.
#
# Environment: ABERTA_DB (/var/lib/aberta/aberta.db), ABERTA_UPLOADS
# (/var/lib/aberta/uploads), BACKUP_DIR (/var/lib/aberta/backups), BACKUP_KEEP (14),
# ABERTA_ADMIN (aberta-admin beside this script, else on PATH), BACKUP_DATE (the date in
# the file names; default today, UTC).  Exit status 0, or 1 after a message.
set -eu

here=$(dirname "$0")
if [ -n "${ABERTA_ADMIN:-}" ]; then
	admin=$ABERTA_ADMIN
elif [ -x "$here/aberta-admin" ]; then
	admin=$here/aberta-admin
else
	admin=aberta-admin
fi
db=${ABERTA_DB:-/var/lib/aberta/aberta.db}
uploads=${ABERTA_UPLOADS:-/var/lib/aberta/uploads}
dir=${BACKUP_DIR:-/var/lib/aberta/backups}
keep=${BACKUP_KEEP:-14}
day=${BACKUP_DATE:-$(date -u +%Y-%m-%d)}

say() { printf 'aberta-backup: %s\n' "$*" >&2; }
case $keep in
'' | *[!0-9]* | 0) say "BACKUP_KEEP must be a whole number of at least 1, not '$keep'"; exit 1 ;;
esac
case $day in
[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]) ;;
*) say "BACKUP_DATE must look like YYYY-MM-DD, not '$day'"; exit 1 ;;
esac
mkdir -p "$dir"

# The database.
if ! "$admin" --db "$db" backup --force "$dir/aberta-$day.db"; then
	say "the database backup failed; the copies of earlier days are kept"
	exit 1
fi

# The documents: stored once each under their SHA-256 and never changed, so an archive
# made while the site runs is consistent; files being written are hidden (.*.tmp).
tarball=$dir/aberta-uploads-$day.tar.gz
if [ -d "$uploads" ]; then
	rc=0
	tar -C "$uploads" --exclude='.*.tmp' -czf "$tarball.tmp" . || rc=$?
	if [ "$rc" -gt 1 ]; then
		rm -f "$tarball.tmp"
		say "the archive of $uploads failed (tar exit $rc)"
		exit 1
	fi
	[ "$rc" = 0 ] || say "warning: files of $uploads changed while they were archived"
else
	say "warning: there is no $uploads: the archive is empty"
	tar -czf "$tarball.tmp" -T /dev/null
fi
sync "$tarball.tmp" 2>/dev/null || sync
mv -f "$tarball.tmp" "$tarball"
say "$tarball: $(tar -tzf "$tarball" | grep -c '[^/]$' || true) documents"

# Keep the newest $keep of each: the glob lists them oldest first (the dates in the
# names sort in time order).
prune() {
	set -- "$dir/$1"-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]."$2"
	[ -e "$1" ] || return 0
	extra=$(($# - keep))
	for f; do
		[ "$extra" -gt 0 ] || break
		rm -f "$f" && say "removed $(basename "$f") (keeping $keep)"
		extra=$((extra - 1))
	done
}
prune aberta db
prune aberta-uploads tar.gz
