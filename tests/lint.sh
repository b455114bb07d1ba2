#!/bin/sh
# Code checks, as TAP: every template starts with the AUTOESCAPE pragma; no SQL is
# built from strings; no atoi/sprintf/strcpy/strcat/gets in the C sources; the
# migrations are numbered without a gap.
srcdir=${ABERTA_SRCDIR:-$(dirname "$0")/..}
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }

for t in "$srcdir"/templates/*.tpl; do
	if head -n 1 "$t" | grep -q '^{{%AUTOESCAPE context="[A-Z]*"'; then
		ok "$(basename "$t") starts with the AUTOESCAPE pragma"
	else
		notok "$(basename "$t") does not start with the AUTOESCAPE pragma"
	fi
done

# Raw output (:none) is allowed nowhere yet.
if grep -n ':none' "$srcdir"/templates/*.tpl; then
	notok "templates use :none (unescaped output)"
else
	ok "no template turns escaping off"
fi

csrc=$(find "$srcdir/cgi-src" -name '*.c' -o -name '*.cc' -o -name '*.h' | grep -v sql_embed | grep -v passwords_embed)
if grep -nE '\b(atoi|atol|sprintf|vsprintf|strcpy|strcat|gets)\s*\(' $csrc; then
	notok "banned string functions in cgi-src"
else
	ok "no atoi/sprintf/strcpy/strcat/gets in cgi-src"
fi

if grep -nE 'sqlite3_(mprintf|vmprintf|snprintf)' $csrc; then
	notok "SQL built with sqlite3_mprintf"
else
	ok "no SQL built with sqlite3_mprintf"
fi

# sqlite3_exec only with literal SQL (migrations are compiled-in text).
if grep -nE 'sqlite3_exec\(db, [^"]' $csrc | grep -v 'sql_migrations\['; then
	notok "sqlite3_exec with non-literal SQL"
else
	ok "sqlite3_exec only runs literal SQL or the compiled-in migrations"
fi

# Migrations are numbered without a gap: sql/embed.sh refuses a tree where one is missing.
tmp=$(mktemp -d)
mkdir -p "$tmp/sql/migrations"
cp "$srcdir/sql/schema.sql" "$tmp/sql/"
cp "$srcdir"/sql/migrations/0002-*.sql "$tmp/sql/migrations/"
if sh "$srcdir/sql/embed.sh" "$srcdir" >/dev/null; then
	ok "the migrations are numbered 0002, 0003... without a gap"
else
	notok "sql/embed.sh refuses the migrations' numbering"
fi
cp "$srcdir"/sql/migrations/0004-*.sql "$tmp/sql/migrations/"
if sh "$srcdir/sql/embed.sh" "$tmp" >/dev/null 2>&1; then
	notok "sql/embed.sh accepts a gap in the numbering (0002, 0004)"
else
	ok "sql/embed.sh refuses a gap in the numbering"
fi
rm -rf "$tmp"

# The worker loads no library that only aberta-admin needs: libcurl (the link checker,
# the confirmation mail) would cost every worker some 25 shared libraries and about 7 MB
# of RSS.  The worker starts `aberta-admin mail flush --id N` instead (cgi-src/store/mail.h).
worker=${ABERTA_BUILDDIR:-$srcdir/build}/aberta
if [ ! -x "$worker" ]; then
	notok "the worker $worker is not built"
elif ! needed=$(LC_ALL=C readelf -d "$worker" 2>&1); then
	notok "readelf cannot read $worker: $needed"
elif printf '%s\n' "$needed" | grep -q 'NEEDED.*libcurl'; then
	notok "cgi-src/aberta links libcurl (readelf -d: $(printf '%s\n' "$needed" |
		grep -o 'lib[a-z0-9_.-]*curl[a-z0-9_.-]*' | head -n 1))"
elif ldd "$worker" 2>/dev/null | grep -q libcurl; then
	notok "cgi-src/aberta loads libcurl through another library (ldd)"
else
	ok "cgi-src/aberta does not link libcurl ($(printf '%s\n' "$needed" | grep -c NEEDED) libraries needed)"
fi
# Nor the code that uses it: the sending of mail and the link checker stay in aberta-admin.
if [ -x "$worker" ]; then
	found=$(nm "$worker" 2>/dev/null | awk '$NF ~ /^(mail_send|mail_flush|links_check|links_archive|lc_.*|curl_.*)$/ { print $NF }' | sort -u | tr '\n' ' ')
	if [ -n "$found" ]; then
		notok "cgi-src/aberta carries code that belongs to aberta-admin: $found"
	else
		ok "cgi-src/aberta carries neither the mail sending nor the link checker"
	fi
fi

echo "1..$n"
exit $fail
