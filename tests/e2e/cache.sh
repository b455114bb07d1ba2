#!/bin/bash
# The page cache (README, "The page cache"), end to end: a fresh database and site of
# its own (nginx + workers, tests/lib-site.sh), writes through aberta-admin import (the
# same cache_invalidate as every staff save), and curl.  TAP on stdout; the last line
# is "N passed, N failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib-site.sh"	# sets ROOT
ADMIN=$BUILD/aberta-admin
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-cache.XXXXXX")
PASS=0 FAIL=0 N=0 PIDS=()
cleanup() { local p; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; stop_site "$TMP"; rm -rf "$TMP"; }
trap cleanup EXIT
tap() { N=$((N + 1)); if [ "$1" = 0 ]; then PASS=$((PASS + 1)); echo "ok $N - $2"; else FAIL=$((FAIL + 1)); echo "not ok $N - $2"; fi; }
port=$(( 19000 + RANDOM % 900 ))
export ABERTA_DB=$TMP/aberta.db
unset ABERTA_CACHE
prepare_db "$ABERTA_DB" >/dev/null 2>&1 && start_site "$port" "$TMP" || { echo "not ok 1 - site did not start"; echo "0 passed, 1 failed"; exit 1; }
B=http://127.0.0.1:$port
# get URL [CURL ARGS]: headers into $TMP/h, body into $TMP/b; prints the status.
get() { local u=$1; shift; curl -s -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' "$@" "$B$u"; }
hit() { grep -qi '^X-Aberta-Cache: hit' "$TMP/h"; }
hdr() { sed -n "s/^$1: *//Ip" "$TMP/h" | tr -d '\r' | head -n 1; }

# The pages that show commitment PT0009: both languages, every format.
PAGES=()
for l in pt en; do
	for p in /$l/commitments/PT0009 /$l/plans/2 /$l/commitments; do
		PAGES+=("$p" "$p.json" "$p.csv")
	done
done

# 1. Published on the first GET, then served by nginx.
bad=0; for p in "${PAGES[@]}" /pt/ /en/ /pt/feed.atom /sitemap.xml; do
	[ "$(get "$p")" = 200 ] || bad=1
	[ "$(get "$p")" = 200 ] && hit || { bad=1; echo "# not from the cache: $p"; }
done
tap $bad "every public page and format is served from the cache on its second GET"
[ -f "$ABERTA_CACHE/current/pt/plans/2.html" ] && [ -f "$ABERTA_CACHE/current/en/plans/2.json" ] &&
	[ -f "$ABERTA_CACHE/current/pt/index.html" ]
tap $? "files are named after their address (pt/plans/2.html, en/plans/2.json, pt/index.html)"
get /pt/plans/2.csv >/dev/null
[[ $(hdr Content-Type) == text/csv* ]] && hit && [[ $(hdr Content-Security-Policy) == *"default-src 'self'"* ]] &&
	[ "$(hdr X-Content-Type-Options)" = nosniff ] && [ "$(hdr Cache-Control)" = no-cache ]
tap $? "a cached CSV has its type, the security headers and Cache-Control: no-cache"

# 2. Conditional GET and gzip on a cached page.
get /en/plans/2 >/dev/null; etag=$(hdr ETag); lm=$(hdr Last-Modified)
[ "$(get /en/plans/2 -H "If-None-Match: $etag")" = 304 ] && hit
tap $? "If-None-Match on a cached page gives 304"
[ "$(get /en/plans/2 -H "If-Modified-Since: $lm")" = 304 ]
tap $? "If-Modified-Since on a cached page gives 304"
[ "$(get /en/plans/2 -H 'Accept-Encoding: gzip')" = 200 ] && [ "$(hdr Content-Encoding)" = gzip ] && hit &&
	gzip -dc <"$TMP/b" | grep -q '</html>'
tap $? "Accept-Encoding: gzip gives Content-Encoding: gzip (cached HTML)"
[ "$(get /en/plans/2.json -H 'Accept-Encoding: gzip')" = 200 ] && [ "$(hdr Content-Encoding)" = gzip ]
tap $? "Accept-Encoding: gzip gives Content-Encoding: gzip (cached JSON)"

# 3. Never from the cache: admin, a query string, Accept for data, .html aliases.
bad=0
for i in 1 2; do
	get /admin/login >/dev/null; hit && bad=1
	get '/pt/search?q=portal' >/dev/null; hit && bad=1
	get '/pt/commitments?plan=2' >/dev/null; hit && bad=1
	get /pt/plans/2 -H 'Accept: application/json' >/dev/null; { hit || [[ $(hdr Content-Type) != application/json* ]]; } && bad=1
	[ "$(get /pt/plans/2.html)" != 200 ] && ! hit || bad=1
	[ "$(get /.lock)" = 404 ] || bad=1
done
[ -e "$ABERTA_CACHE/current/admin" ] && bad=1
ls "$ABERTA_CACHE"/current/pt/search* >/dev/null 2>&1 && bad=1
tap $bad "admin, queries, Accept: application/json, .html and dot files never come from the cache"

# 3b. Answers to addresses with a query (search, filtered listings) are kept by the
# workers for the generation (the memo, cache.c): the same bytes and headers again.
memo() { grep -qi '^X-Aberta-Cache: memo' "$TMP/h"; }
same_answer() {	# same_answer URL [CURL ARGS]: a first and a second GET agree, the second from the memo
	local u=$1; shift
	[ "$(get "$u" "$@")" = 200 ] || return 1
	cp "$TMP/b" "$TMP/b1"; grep -iv '^\(date\|x-aberta-cache\):' "$TMP/h" >"$TMP/h1"
	[ "$(get "$u" "$@")" = 200 ] && memo && cmp -s "$TMP/b" "$TMP/b1" &&
		diff <(grep -iv '^\(date\|x-aberta-cache\):' "$TMP/h") "$TMP/h1" >/dev/null
}
bad=0
for u in '/pt/search?q=portal' '/en/search?q=portal' '/pt/commitments?plan=2' \
	'/en/commitments.json?plan=2' '/pt/commitments.csv?plan=2'; do
	same_answer "$u" || { bad=1; echo "# no memo, or another answer: $u"; }
done
tap $bad "a query address answers again from the memo, with the same bytes and headers (HTML, JSON, CSV)"
n=$(find "$ABERTA_CACHE/current/.q" -type f 2>/dev/null | wc -l)
f=$(find "$ABERTA_CACHE/current/.q" -type f 2>/dev/null | head -n 1)
[ "$n" -ge 5 ] && [ "$(get "/.q/${f##*/}")" = 404 ] && [ "$(get /pt/search -G --data-urlencode "x=/../.q/${f##*/}")" != 500 ]
tap $? "memo files live in the generation's .q folder ($n) and nginx never serves them"
get '/pt/search?q=portal' >/dev/null; cp "$TMP/b" "$TMP/b1"
get '/pt/search?q=plano' >/dev/null; get '/pt/search?q=plano' >/dev/null
! cmp -s "$TMP/b" "$TMP/b1" && grep -q 'plano' "$TMP/b"
tap $? "another query gets its own answer"
[ "$(get '/pt/commitments?plan=2' -H 'Accept: application/json')" = 200 ] &&
	[[ $(hdr Content-Type) == application/json* ]] && ! memo &&
	[ "$(get '/pt/commitments?plan=2')" = 200 ] && [[ $(hdr Content-Type) == text/html* ]]
tap $? "a format chosen by Accept is neither kept nor served from the memo"
get '/pt/commitments?plan=2' >/dev/null; etag=$(hdr ETag)
[ "$(get '/pt/commitments?plan=2' -H "If-None-Match: $etag")" = 304 ]
tap $? "If-None-Match on a query address gives 304"

# 4. A write shows at once, everywhere.  edit TITLE: imports the seed content with
# PT0009's titles set to "TITLE pt" and "TITLE en".
edit() {
	sqlite3 :memory: "SELECT json_set(f, '\$.commitments[' || c.key || '].title_pt', '$1 pt',
		'\$.commitments[' || c.key || '].title_en', '$1 en') FROM (SELECT readfile('$CONTENT')
		AS f), json_each(f, '\$.commitments') AS c WHERE c.value ->> 'ogp_id' = 'PT0009'" \
		>"$TMP/edit.json" && "$ADMIN" --db "$ABERTA_DB" import "$TMP/edit.json" >/dev/null 2>&1
}
# ... and the addresses with a query that show it (from the memo once asked twice).
QPAGES=()
for l in pt en; do
	QPAGES+=("/$l/search?q=PT0009" "/$l/commitments?plan=2" "/$l/commitments.json?plan=2"
		"/$l/commitments.csv?plan=2")
done
for p in "${QPAGES[@]}"; do get "$p" >/dev/null; done
shows() {	# shows WORD: every page has "WORD pt" or "WORD en" (as its language)
	local p bad=0 w
	for p in "${PAGES[@]}" "${QPAGES[@]}"; do
		[[ $p = */PT0009.csv ]] && continue	# its milestones, not its title
		w="$1 ${p:1:2}"
		[ "$(get "$p")" = 200 ] && grep -q "$w" "$TMP/b" || { bad=1; echo "# $p lacks '$w'"; }
	done
	return $bad
}
get /pt/plans/2 >/dev/null; old_etag=$(hdr ETag)
edit "Alfa$$"; tap $? "aberta-admin import changed the title"
shows "Alfa$$"; tap $? "after the write returns, every page shows it (pt, en; HTML, JSON, CSV; queries)"
shows "Alfa$$"; tap $? "... and so do the cached copies (files and memo)"
get /pt/plans/2 >/dev/null; mid_etag=$(hdr ETag); hit; tap $? "the new page is cached again"
[ "$(get /pt/plans/2 -H "If-None-Match: $old_etag")" = 200 ] && grep -q "Alfa$$ pt" "$TMP/b"
tap $? "the ETag from before the write gives the new page, not 304"
edit "Beta$$"	# within the same second as the last page write
[ "$(get /pt/plans/2 -H "If-None-Match: $mid_etag")" = 200 ] && grep -q "Beta$$ pt" "$TMP/b"
tap $? "two writes in one second: the older ETag still does not match"
# Older generations stay for a grace period (requests in flight may still read them),
# then go: age them and write once more.
cur=$(sqlite3 "$ABERTA_DB" 'SELECT content_version FROM site_state' 2>/dev/null || echo x)
for g in "$ABERTA_CACHE"/gen-*; do
	[ "$g" = "$ABERTA_CACHE/gen-$cur" ] || touch -d '2 minutes ago' "$g"
done
edit "Gama$$"
cur=$(sqlite3 "$ABERTA_DB" 'SELECT content_version FROM site_state' 2>/dev/null || echo x)
n=$(find "$ABERTA_CACHE" -maxdepth 1 -name 'gen-*' | wc -l)
[ "$n" -le 2 ] && [ "$(readlink "$ABERTA_CACHE/current")" = "gen-$cur" ]
tap $? "old generations are removed after their grace period, and current names the content version ($n left)"

# 5. Under load: readers keep publishing while writes happen; after every write
# returns, no page shows the older value.
for i in 1 2 3 4; do
	( while :; do for p in "${PAGES[@]}" "${QPAGES[@]}"; do curl -s -o /dev/null "$B$p"; done; done ) &
	PIDS+=($!)
done
bad=0
for k in 1 2 3 4 5 6; do
	edit "Gama$k$$" || bad=1
	shows "Gama$k$$" || bad=1
done
tap $bad "six writes under concurrent readers: each shows at once on every page"
for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
PIDS=()

# 7. Workers of the same build that start again keep the cache; new templates (or a new
# program) empty it, so no page rendered by the old ones is served.
get /pt/plans/2 >/dev/null; get /pt/plans/2 >/dev/null
stop_site "$TMP"
start_site "$port" "$TMP" >/dev/null 2>&1 && [ "$(get /pt/plans/2)" = 200 ] && hit
tap $? "restarted with the same build, the workers keep the cache (a page is served from it)"
stop_site "$TMP"
mkdir -p "$TMP/tpl" && cp "$ROOT"/templates/*.tpl "$TMP/tpl/" &&
	printf '<!-- nova-versao-%s -->\n' "$$" >>"$TMP/tpl/layout.tpl"
ABERTA_TEMPLATES=$TMP/tpl start_site "$port" "$TMP" >/dev/null 2>&1 &&
	[ "$(get /pt/plans/2)" = 200 ] && grep -q "nova-versao-$$" "$TMP/b"
tap $? "restarted with new templates, the first answer already shows them"

echo "1..$N"
echo "$PASS passed, $FAIL failed"
(( FAIL == 0 ))
