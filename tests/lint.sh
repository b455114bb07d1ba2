#!/bin/sh
# Code checks, as TAP: every template starts with the AUTOESCAPE pragma; no SQL is
# built from strings; no atoi/sprintf/strcpy/strcat/gets in the C sources; the
# migrations are numbered without a gap; the worker does not link libcurl; the layers of
# cgi-src/README (what each folder may include, where sqlite3, FastCGI, libcurl,
# ctemplate and cache_invalidate may be used, who includes the page handlers, no include
# cycle), each finding as "# cgi-src/file:line: text".  ABERTA_SRCDIR names the tree.
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

# The seed content lives in the project (a clone alone must run); where the team's
# research files sit beside the checkout, the project's copies must not drift from them.
for f in rnaa-content.json rnaa-content.schema.json; do
	shared=$srcdir/../shared/content/$f
	if [ ! -s "$srcdir/content/$f" ]; then
		notok "content/$f, the seed content, is missing"
	elif [ -f "$shared" ] && ! cmp -s "$shared" "$srcdir/content/$f"; then
		notok "content/$f differs from $shared (copy it again)"
	else
		ok "content/$f is the seed content$([ -f "$shared" ] && printf ', the same as ../shared')"
	fi
done

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

# ---------------------------------------------------------------------------------------
# The layers of cgi-src/README.  Each line: a folder (or one file: its line adds to its
# folder's) and what its files may include: a folder's headers, folder/x.h for that
# header alone, !folder/x.h to take one away.
layers='lib	lib
store	lib store
import	lib store import
view	lib store view
http	lib store view http
http/routes.c	pages/pages.h admin/admin.h
pages	lib store view http pages
admin	lib store view http import admin
net	lib store net
cli	lib store import view net cli http/cache.h
main.c	lib store view http'

# The sources of the cgi-src tree $1, one path (from $1) a line.
sources() {
	(cd "$1" && find . \( -name '*.[ch]' -o -name '*.cc' \) | sed 's|^\./||' | sort)
}

# The code of the tree $1 as "file:line:text" with the comments taken out and the string
# literals emptied (line numbers kept), so that prose and messages are not taken for calls.
code_of() {
	sources "$1" | while read -r f; do
		awk -v f="$f" '{
			out = ""; s = $0; n = length(s); i = 1
			while (i <= n) {
				c = substr(s, i, 1); d = substr(s, i, 2)
				if (incom) {
					if (d == "*/") { incom = 0; i += 2 } else i++
				} else if (d == "/*") {
					incom = 1; i += 2
				} else if (d == "//")
					break
				else if (c == "\"" || c == "\047") {
					out = out c c
					for (i++; i <= n && substr(s, i, 1) != c; i++)
						if (substr(s, i, 1) == "\\")
							i++
					i++
				} else {
					out = out c; i++
				}
			}
			print f ":" FNR ":" out
		}' "$1/$f"
	done
}

# Every #include of a cgi-src header in the tree $1 as "file<TAB>line<TAB>header<TAB>text",
# the header named from its folder ("x.h" without a folder: the includer's own folder's
# x.h, or "?x.h" when that folder has none; "?" also marks a path outside the folders).
includes() {
	(cd "$1" && sources . | xargs grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*["<]' \
	    /dev/null) | awk -v files="$(cd "$1" && find . -name '*.h' | sed 's|^\./||' |
	    tr '\n' ' ')" -v dirs=" $(cd "$1" && find . -mindepth 1 -maxdepth 1 -type d |
	    sed 's|^\./||' | tr '\n' ' ')" '
		BEGIN { n = split(files, a, " "); for (i = 1; i <= n; i++) have[a[i]] = 1 }
		{
			f = $0; sub(/:.*/, "", f); rest = substr($0, length(f) + 2)
			ln = rest; sub(/:.*/, "", ln); text = substr(rest, length(ln) + 2)
			sub(/^[[:space:]]*/, "", text)
			h = text; sub(/^[^"<]*["<]/, "", h); sub(/[">].*/, "", h)
			quoted = text ~ /include[[:space:]]*"/
			top = h; sub(/\/.*/, "", top)
			dir = f; if (dir !~ /\//) dir = ""; else sub(/\/[^\/]*$/, "", dir)
			if (h ~ /\//) {
				if (index(dirs, " " top " ") == 0 || h ~ /\.\./) {
					if (!quoted)
						next	# a system header
					h = "?" h
				}
			} else if (!quoted)
				next
			else if (dir != "" && ((dir "/" h) in have))
				h = dir "/" h
			else
				h = "?" h
			print f "\t" ln "\t" h "\t" text
		}'
}

# The includes of $1 (the output of includes) that the layer table does not allow, as
# "folder<TAB>file:line: text (why)".
layer_violations() {
	printf '%s\n' "$1" | awk -v layers="$layers" -F '\t' '
		BEGIN {
			n = split(layers, l, "\n")
			for (i = 1; i <= n; i++) {
				k = l[i]; sub(/\t.*/, "", k); v = l[i]; sub(/^[^\t]*\t/, "", v)
				rule[k] = v
			}
		}
		function allowed(list, h,    m, a, i, top, ok) {
			top = h; sub(/\/.*/, "", top); ok = 0
			m = split(list, a, " ")
			for (i = 1; i <= m; i++)
				if (a[i] == "!" h)
					return 0
				else if (a[i] == top || a[i] == h)
					ok = 1
			return ok
		}
		$1 != "" {
			f = $1; top = f; sub(/\/.*/, "", top)
			name = top (top == f ? "" : "/")
			if (!(top in rule))
				print top "\t" f ":" $2 ": " $4 " (" name " has no layer rule)"
			else if (substr($3, 1, 1) == "?")
				print top "\t" f ":" $2 ": " $4 " (not a header of " name ": name its folder)"
			else if (!allowed(list = rule[top] ((f in rule && f != top) ? " " rule[f] : ""), $3))
				print top "\t" f ":" $2 ": " $4 " (" name " may include " list ")"
		}'
}

# The include cycles in $1 (the output of includes): a source and its header are one node
# (http/dispatch), with an edge to each header it includes; tsort names every loop, and
# the includes that close it are printed as "file:line: text (loop: a b c)".
include_cycles() {
	printf '%s\n' "$1" | awk -F '\t' '$3 !~ /^\?/ { a = $1; b = $3; sub(/\.[a-z]*$/, "", a);
	    sub(/\.[a-z]*$/, "", b); print a, b }' | tsort 2>&1 >/dev/null |
	    awk '/input contains a loop/ { if (l != "") print l; l = ""; next }
		{ sub(/^tsort: /, ""); l = l (l == "" ? "" : " ") $0 }
		END { if (l != "") print l }' |
	while read -r loop; do
		printf '%s\n' "$1" | awk -F '\t' -v loop="$loop" '{ a = $1; b = $3
		    sub(/\.[a-z]*$/, "", a); sub(/\.[a-z]*$/, "", b)
		    if (a != b && index(" " loop " ", " " a " ") && index(" " loop " ", " " b " "))
			print $1 ":" $2 ": " $4 " (loop: " loop ")" }'
	done
}

# The lines of $1 (the output of code_of) that match the extended regex $2, in files whose
# path does not match the extended regex $3, as "file:line: code".
used_outside() {
	printf '%s\n' "$1" | grep -E "^[^:]*:[0-9]+:.*$2" | grep -Ev "^($3):" |
	    sed -E 's/^([^:]*:[0-9]+):[[:space:]]*/\1: /; s/[[:space:]]+$//'
}

# report OK-TEXT NOT-OK-TEXT FINDINGS: one TAP line; each finding (a line) as a diagnostic,
# the first 40 (LINT_ALL=1: all of them).
report() {
	if [ -z "$3" ]; then
		ok "$1"
		return
	fi
	k=$(printf '%s\n' "$3" | wc -l | tr -d ' ')
	notok "$2 ($k)"
	printf '%s\n' "$3" | head -n "$([ -n "$LINT_ALL" ] && echo "$k" || echo 40)" |
	    sed 's|^|# cgi-src/|'
	[ -n "$LINT_ALL" ] || [ "$k" -le 40 ] || echo "# ... and $((k - 40)) more (LINT_ALL=1 shows them)"
}

# lint_layers DIR: a TAP line for every layer rule on the cgi-src tree DIR.
lint_layers() {
	inc=$(includes "$1")
	code=$(code_of "$1")
	lv=$(layer_violations "$inc")
	for k in $(printf '%s\n' "$layers" | cut -f 1 | grep -v /); do
		name=$k
		case $k in *.c) ;; *) name=$k/ ;; esac
		report "$name includes only what it may: $(printf '%s\n' "$layers" |
		    awk -F '\t' -v k="$k" '$1 == k { print $2 }')" \
		    "$name includes headers it may not" \
		    "$(printf '%s\n' "$lv" | awk -F '\t' -v k="$k" '$1 == k { print $2 }')"
	done
	report "every folder of cgi-src has a layer rule" "folders without a layer rule" \
	    "$(printf '%s\n' "$lv" | grep 'has no layer rule)' | cut -f 2)"
	report "sqlite3 only in store/ (<sqlite3.h>, sqlite3_ calls)" \
	    "sqlite3 used outside store/" \
	    "$(used_outside "$code" '(#[[:space:]]*include[[:space:]]*<sqlite3\.h>|(^|[^A-Za-z0-9_])sqlite3_[A-Za-z0-9_]*[[:space:]]*\()' 'store/[^:]*')"
	report "FastCGI only in main.c (fcgiapp.h, FCGX_)" "FastCGI used outside main.c" \
	    "$(used_outside "$code" '(fcgiapp\.h|fcgi_stdio\.h|(^|[^A-Za-z0-9_])FCGX_)' 'main\.c')"
	report "libcurl only in net/ (<curl/, curl_)" "libcurl used outside net/" \
	    "$(used_outside "$code" '(<curl/|(^|[^A-Za-z0-9_])curl_)' 'net/[^:]*')"
	report "ctemplate only in view/tpl.cc" "ctemplate used outside view/tpl.cc" \
	    "$(used_outside "$code" 'ctemplate' 'view/tpl\.cc')"
	report "cache_invalidate() only in http/cache.c and the commit hooks of main.c and cli/" \
	    "cache_invalidate() called outside http/cache.c and the commit hooks" \
	    "$(used_outside "$code" '(^|[^A-Za-z0-9_])cache_invalidate[[:space:]]*\(' \
		'http/cache\.[ch]|main\.c|cli/[^:]*')"
	report "only http/routes.c includes pages/pages.h and admin/admin.h (beside pages/, admin/)" \
	    "pages/pages.h or admin/admin.h included outside http/routes.c" \
	    "$(printf '%s\n' "$inc" | awk -F '\t' '$1 != "http/routes.c" &&
		(($3 == "pages/pages.h" && $1 !~ /^pages\//) ||
		($3 == "admin/admin.h" && $1 !~ /^admin\//)) { print $1 ":" $2 ": " $4 }')"
	report "no include cycle in cgi-src (a source and its header one node; tsort)" \
	    "include cycles in cgi-src" "$(include_cycles "$inc")"
}

# plant DIR FILE TEXT...: writes the lines TEXT to DIR/FILE.
plant() {
	d=$1 f=$2
	shift 2
	mkdir -p "$(dirname "$d/$f")"
	printf '%s\n' "$@" >"$d/$f"
}

# The rules themselves: on a small tree that keeps them (comments and strings that name
# the libraries, a header of the same folder, routes.c and the handlers' own folders) all
# pass; on one that breaks each once, each fails.
tmp=$(mktemp -d)
for k in $(printf '%s\n' "$layers" | cut -f 1 | grep -v '[/.]'); do
	plant "$tmp/good" "$k/$k.h" '/* the header */'
done
plant "$tmp/good" lib/a.c '#include "lib/lib.h"' '#include "lib.h"' '#include <stdio.h>' \
    '/* not sqlite3_step(s), curl_easy_init(), FCGX_Accept(), ctemplate */' \
    'const char *m = "sqlite3_exec( curl_free( FCGX_ cache_invalidate(";' \
    "// cache_invalidate(db);"
plant "$tmp/good" store/a.c '#include <sqlite3.h>' '#include "lib/lib.h"' \
    'int f(void) { return sqlite3_step(s); }'
plant "$tmp/good" view/tpl.cc '#include <ctemplate/template.h>' '#include "store/db.h"'
plant "$tmp/good" store/db.h '/* rows */'
plant "$tmp/good" http/routes.c '#include "pages/pages.h"' '#include "admin/admin.h"'
plant "$tmp/good" http/cache.c 'void cache_invalidate(sqlite3 *db) { }'
plant "$tmp/good" pages/pages.h '#include "http/http.h"'
plant "$tmp/good" pages/a.c '#include "pages/pages.h"' '#include "view/view.h"'
plant "$tmp/good" admin/a.c '#include "admin/admin.h"' '#include "import/import.h"'
plant "$tmp/good" admin/admin.h '#include "http/http.h"'
plant "$tmp/good" net/a.c '#include <curl/curl.h>' 'void g(void) { curl_easy_init(); }'
plant "$tmp/good" cli/a.c '#include "http/cache.h"' 'void h(void) { cache_invalidate(db); }'
plant "$tmp/good" main.c '#include <fcgiapp.h>' '#include "http/http.h"' \
    'void m(void) { FCGX_Accept_r(&r); cache_invalidate(db); }'
cp -R "$tmp/good" "$tmp/bad"
plant "$tmp/bad" lib/b.c '#include "store/db.h"'
plant "$tmp/bad" store/b.c '#include "view/view.h"'
plant "$tmp/bad" import/b.c '#include "http/http.h"'
plant "$tmp/bad" view/b.c '#include "http/http.h"'
plant "$tmp/bad" http/b.c '#include "cli/cli.h"'
plant "$tmp/bad" pages/b.c '#include "admin/admin.h"' '#include "import/import.h"'
plant "$tmp/bad" admin/b.c '#include "net/net.h"'
plant "$tmp/bad" net/b.c '#include "lib.h"'
plant "$tmp/bad" cli/b.c '#include "http/dispatch.h"'
plant "$tmp/bad" main.c '#include "import/import.h"'
plant "$tmp/bad" extra/b.c '#include "lib/lib.h"'
plant "$tmp/bad" view/c.c 'int v(void) { return sqlite3_column_int(s, 0); }'
plant "$tmp/bad" http/c.c 'void w(void) { FCGX_FPrintF(out, "x"); }'
plant "$tmp/bad" store/c.c 'void s(void) { curl_easy_init(); }'
plant "$tmp/bad" http/d.cc '#include <ctemplate/template.h>'
plant "$tmp/bad" store/d.c 'void t(void) { cache_invalidate(db); }'
plant "$tmp/bad" lib/e.h '#include "lib/f.h"'
plant "$tmp/bad" lib/f.c '#include "lib/e.h"'
plant "$tmp/bad" lib/f.h '/* f */'
good=$(lint_layers "$tmp/good")
bad=$(lint_layers "$tmp/bad")
if printf '%s\n' "$good" | grep -q '^not ok'; then
	notok "a layer rule fails on a tree that keeps the rules"
	printf '%s\n' "$good" | grep -v '^ok' | sed 's/^/# /'
else
	ok "the layer rules pass on a tree that keeps them ($(printf '%s\n' "$good" | grep -c '^ok') rules)"
fi
if printf '%s\n' "$bad" | grep -q '^ok'; then
	notok "a layer rule passes a tree that breaks it"
	printf '%s\n' "$bad" | grep '^ok' | sed 's/^/# /'
else
	ok "every layer rule fails on a tree that breaks it once"
fi
rm -rf "$tmp"

lint_layers "$srcdir/cgi-src"

echo "1..$n"
exit $fail
