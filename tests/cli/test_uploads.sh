#!/bin/sh
# aberta-admin uploads withdraw on a temporary database, as TAP: a bad digest, a
# missing or empty --why and a missing digest are usage errors (2) that write nothing;
# an unknown digest fails (1); a withdrawal records when, by the command line and why,
# writes one audit line and a new content version, and a second one fails and changes
# nothing.  Needs the sqlite3 command-line shell.
builddir=${ABERTA_BUILDDIR:-$(dirname "$0")/../../build}
tmp=$(mktemp -d /tmp/aberta-cli-uploads.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
sha=5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8
none=0000000000000000000000000000000000000000000000000000000000000000
has() { printf '%s' "$1" | grep -qF -- "$2"; }
withdrawn() { sql "SELECT count(*) FROM upload WHERE withdrawn_at IS NOT NULL"; }

run migrate
check "migrate creates the database" [ "$rc" -eq 0 ]
sql "INSERT INTO upload (sha256, size, mime, name) VALUES ('$sha', 4, 'application/pdf', 'a.pdf')"

run uploads withdraw NOT-A-SHA --why "Dados pessoais."
check "a bad digest is a usage error (2)" [ "$rc" -eq 2 ]
check "a bad digest is named as such" has "$err" "'NOT-A-SHA' is not a SHA-256 digest"
run uploads withdraw "$(printf %s "$sha" | tr a-f A-F)" --why "Dados pessoais."
check "an upper-case digest is refused (2)" [ "$rc" -eq 2 ]
run uploads withdraw "$sha"
check "a missing --why is a usage error (2)" [ "$rc" -eq 2 ]
check "a missing --why is named" has "$err" "needs --why"
run uploads withdraw "$sha" --why ""
check "an empty --why is a usage error (2)" [ "$rc" -eq 2 ]
check "an empty --why says what a reason is" has "$err" "--why needs a reason of 1 to 500 characters"
run uploads withdraw "$sha" --why "$(printf '%501s' x)"
check "a reason above 500 characters is refused (2)" [ "$rc" -eq 2 ]
run uploads withdraw --why "Dados pessoais."
check "a missing digest is a usage error (2)" [ "$rc" -eq 2 ]
check "a missing digest is named" has "$err" "needs the document's SHA-256"
run uploads
check "uploads alone prints the usage (2)" [ "$rc" -eq 2 ]
check "the usage names uploads withdraw" has "$err" 'uploads withdraw SHA --why "TEXT"'
run uploads withdraw "$none" --why "Dados pessoais."
check "an unknown digest fails (1)" [ "$rc" -eq 1 ]
check "an unknown digest is named" has "$err" "no document $none is stored"
check "nothing was withdrawn by the refusals" [ "$(withdrawn)" = 0 ]
check "nothing was audited by the refusals" \
	[ "$(sql "SELECT count(*) FROM audit_log WHERE action = 'upload_withdraw'")" = 0 ]

ver=$(sql "SELECT content_version FROM site_state")
run uploads withdraw "$sha" --why "Contém dados pessoais."
check "a withdrawal exits 0" [ "$rc" -eq 0 ]
check "a withdrawal says the address answers 410" has "$out" "/uploads/$sha now answers 410"
check "the row says why, by the command line" \
	[ "$(sql "SELECT withdrawn_why || '|' || coalesce(withdrawn_by, 'cli') || '|' || (withdrawn_at IS NOT NULL) FROM upload")" = "Contém dados pessoais.|cli|1" ]
check "one audit line, by aberta-admin, with the reason" \
	[ "$(sql "SELECT actor || '|' || object || '|' || detail FROM audit_log WHERE action = 'upload_withdraw'")" = "aberta-admin|upload:$sha|Contém dados pessoais." ]
check "the content version moved (the pages citing it change)" \
	[ "$(sql "SELECT content_version FROM site_state")" -gt "$ver" ]
at=$(sql "SELECT withdrawn_at FROM upload")
run uploads withdraw "$sha" --why "De novo."
check "a second withdrawal fails (1)" [ "$rc" -eq 1 ]
check "a second withdrawal says it already was" has "$err" "was already withdrawn"
check "a second withdrawal changes nothing" \
	[ "$(sql "SELECT withdrawn_at || '|' || withdrawn_why FROM upload")" = "$at|Contém dados pessoais." ]
check "a second withdrawal is not audited" \
	[ "$(sql "SELECT count(*) FROM audit_log WHERE action = 'upload_withdraw'")" = 1 ]

echo "1..$n"
exit $fail
