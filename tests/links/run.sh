#!/bin/bash
# The link checker and the document archive against a private nginx on loopback that
# serves fixtures: 200, 404, 410, a chain of 301s, a redirect loop, a location that
# answers HEAD with 405, a location whose answer never comes in time, a document that
# arrives too slowly, documents over the size cap (announced, and streamed without a
# length), a document whose content is not what its name says, an HTML page (kept, and
# served only as a download), and a port nobody listens on; --parallel and --per-host
# bound the transfers at once; a run on a terminal shows a progress line.  Every
# address in the test database is on 127.0.0.1: nothing else is contacted.  Then the
# site itself (tests/lib-site.sh) shows the broken marker, the archived copy and
# /admin/links through nginx.  TAP; the last line is "N passed, N failed".  Builds
# nothing: run `make check` first.  KEEP=1 keeps the temporary folder.
set -euo pipefail

# shellcheck source=tests/reliability/rel-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../reliability/rel-common.sh"	# tap, sql, rel_*
ADMIN=$BUILD/aberta-admin
CHECK_OPTS=(--connect-timeout 2 --timeout 3 --max-redirects 5 --parallel 4 --per-host 2
	--allow-private)

# fixtures DIR: the documents and pages the fixture server serves.
fixtures() {
	local d=$1 i
	mkdir -p "$d"
	printf '<!DOCTYPE html><html lang="en"><head><title>ok</title></head><body>ok</body></html>\n' >"$d/ok.html"
	printf '%%PDF-1.4\n%% the document a redirect chain leads to\n%%%%EOF\n' >"$d/ok.pdf"
	printf '%%PDF-1.4\n%% the 2nd plan, as published\n%%%%EOF\n' >"$d/plan2.pdf"
	cp "$d/plan2.pdf" "$d/copy.pdf"	# the same bytes at another address
	# Plain text that says it is a PDF.
	printf 'This is not a PDF, whatever its name and the server say.\n' >"$d/fake.pdf"
	{ printf '%%PDF-1.4\n'; head -c 30000 /dev/zero | tr '\0' 'x'; printf '\n%%%%EOF\n'; } >"$d/big.pdf"
	cp "$d/big.pdf" "$d/stream.pdf"
	{ printf '%%PDF-1.4\n'; head -c 8000 /dev/zero | tr '\0' 's'; printf '\n%%%%EOF\n'; } >"$d/slow.pdf"
	for i in 1 2 3 4 5 6; do	# 2 s each at 1 KB/s
		{ printf '%%PDF-1.4\n%% hold %s\n' "$i"; head -c 2000 /dev/zero | tr '\0' 'h'; } >"$d/hold$i.pdf"
	done
	for i in ok.html ok.pdf; do [ -s "$d/$i" ]; done
}

# fixture_server PORT DIR: nginx on 127.0.0.1:PORT serving DIR; its pid goes to STARTED.
fixture_server() {
	local port=$1 dir=$2 user_line=''
	[ "$(id -u)" -eq 0 ] && user_line='user root;'
	cat >"$TMP/fx.conf" <<EOF
$user_line
worker_processes 1;
pid $TMP/fx.pid;
error_log $TMP/fx-error.log;
events { worker_connections 64; }
http {
	log_format fx '\$request_method \$uri \$status "\$http_user_agent" \$msec \$request_time';
	access_log $TMP/fx-access.log fx;
	types { text/html html; application/pdf pdf; }
	default_type application/octet-stream;
	client_body_temp_path $TMP/fx-tmp;
	# One request a minute, the others queued: after the first, an answer never
	# comes within the checker's timeout.
	limit_req_zone \$binary_remote_addr zone=never:1m rate=1r/m;
	server {
		listen 127.0.0.1:$port;
		root $dir;
		location = /gone { return 410; }
		location = /r1 { return 301 /r2; }
		location = /r2 { return 301 /r3; }
		location = /r3 { return 301 /ok.pdf; }
		location = /loop-a { return 302 /loop-b; }
		location = /loop-b { return 302 /loop-a; }
		location = /nohead {
			if (\$request_method = HEAD) { return 405; }
			default_type text/html;
			alias $dir/ok.html;
		}
		location = /late { limit_req zone=never burst=1000; default_type text/html; alias $dir/ok.html; }
		location = /slow.pdf { limit_rate 1k; }
		location ~ ^/hold[0-9]\\.pdf\$ { limit_rate 1k; }
		# No Content-Length: the size cap must stop the transfer while it runs.
		location = /stream.pdf { sub_filter_types application/pdf; sub_filter 'NOT-THERE' 'x'; }
	}
}
EOF
	mkdir -p "$TMP/fx-tmp"
	nginx -c "$TMP/fx.conf" -p "$TMP" </dev/null
	STARTED+=("$(cat "$TMP/fx.pid")")
	curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$port/late"	# takes the one request
}

# results: the stored results but the time checked, one line per address.
results() {
	sql "SELECT url, result, http_status, final_url, failure, error, changed_at,
		broken_since FROM link_check ORDER BY url"
}

# row URL: "result|status|final|failure|error" of URL.
row() {
	sql "SELECT result || '|' || coalesce(http_status, '') || '|' || coalesce(final_url, '')
		|| '|' || coalesce(failure, '') || '|' || coalesce(error, '') FROM link_check
		WHERE url = '$1'"
}

# body PATH: the body of PATH on the site, into $TMP/page; prints the status.
body() {
	curl -sS -o "$TMP/page" -w '%{http_code}' "$BASE$1"
}

rel_start
FPORT=$(rel_free_port)
DEAD=$(rel_free_port)
while [ "$DEAD" = "$FPORT" ]; do DEAD=$(rel_free_port); done
F=http://127.0.0.1:$FPORT
fixtures "$TMP/fx"
fixture_server "$FPORT" "$TMP/fx"

# Every address of the real content points at the fixture server; then one record of
# each kind gets an address of its own.
PLAN2=$(sql "SELECT id FROM action_plan WHERE number = 2")
MS=$(sql "SELECT m.id FROM milestone m ORDER BY m.commitment_id, m.position LIMIT 1")
MS_OGP=$(sql "SELECT c.ogp_id FROM milestone m JOIN commitment c ON c.id = m.commitment_id
	WHERE m.id = $MS")
CM=$(sql "SELECT id FROM commitment ORDER BY id LIMIT 1 OFFSET 1")
ENT=$(sql "SELECT slug FROM entity WHERE is_member = 1 ORDER BY id LIMIT 1")
EV=$(sql "SELECT id FROM event ORDER BY id LIMIT 1")
sql "UPDATE link SET url = '$F/ok.html' WHERE url IS NOT NULL;
UPDATE plan_document SET url = '$F/ok.html' WHERE url IS NOT NULL;
UPDATE plan_assessment SET source = '$F/ok.html' WHERE source IS NOT NULL;
UPDATE plan_completion SET source = '$F/ok.html' WHERE source IS NOT NULL;
UPDATE commitment SET self_source = '$F/ok.html' WHERE self_source IS NOT NULL;
UPDATE activity SET source = '$F/ok.html' WHERE source IS NOT NULL;
UPDATE milestone SET progress_source = '$F/ok.html' WHERE progress_source IS NOT NULL;
UPDATE action_plan SET document_url = NULL;
UPDATE entity SET website = NULL, source_url = NULL;
UPDATE event SET url = NULL;
UPDATE action_plan SET document_url = '$F/plan2.pdf' WHERE id = $PLAN2;
UPDATE action_plan SET document_url = '$F/r1' WHERE number = 1;
INSERT INTO link (plan_id, kind, url, position) VALUES ($PLAN2, 'document', '$F/copy.pdf', 10),
	($PLAN2, 'document', '$F/big.pdf', 11), ($PLAN2, 'document', '$F/stream.pdf', 12),
	($PLAN2, 'document', '$F/fake.pdf', 13), ($PLAN2, 'irm_report', '$F/slow.pdf', 14);
INSERT INTO link (milestone_id, kind, url, label_pt, label_en) VALUES ($MS, 'evidence',
	'$F/missing.pdf', 'Relatório', 'Report');
INSERT INTO link (commitment_id, kind, url, position) VALUES ($CM, 'source', '$F/gone', 10),
	($CM, 'source', 'http://127.0.0.1:$DEAD/refused', 11);
UPDATE entity SET website = '$F/loop-a' WHERE slug = '$ENT';
INSERT INTO link (entity_id, kind, url) VALUES ((SELECT id FROM entity WHERE slug = '$ENT'),
	'source', '$F/late');
UPDATE event SET url = '$F/nohead' WHERE id = $EV;"
outside=$(sql "SELECT count(*) FROM url_use WHERE url NOT LIKE 'http://127.0.0.1:%'")
tap "$([ "$outside" = 0 ] && echo 1 || echo 0)" "every address in the test database is on loopback"
[ "$outside" = 0 ] || rel_finish

# --- checking ------------------------------------------------------------------------
rc=0
"$ADMIN" --db "$ABERTA_DB" links check "${CHECK_OPTS[@]}" >"$TMP/check1.out" 2>"$TMP/check1.err" || rc=$?
tap "$([ $rc = 0 ] && echo 1 || echo 0)" "links check runs (exit $rc)"
ver1=$(sql "SELECT content_version FROM site_state")
t() { tap "$([ "$(row "$1")" = "$2" ] && echo 1 || echo 0)" "$3 ($(row "$1"))"; }
t "$F/ok.html" 'ok|200|||' "200: ok"
t "$F/missing.pdf" 'broken|404||http|HTTP 404' "404: broken, HTTP 404"
t "$F/gone" 'broken|410||http|HTTP 410' "410: broken, HTTP 410"
t "$F/r1" "redirect|200|$F/ok.pdf||" "a chain of 301s: followed, the final address kept"
t "$F/loop-a" "broken|302|$F/loop-b|redirects|Number of redirects hit maximum amount" \
	"a redirect loop: broken after --max-redirects, where it stopped kept"
t "$F/nohead" 'ok|200|||' "a server that refuses HEAD: asked again with GET, ok"
t "$F/late" 'broken|||timeout|Timeout was reached' "an answer that never comes: timed out"
t "http://127.0.0.1:$DEAD/refused" "broken|||refused|Couldn't connect to server" \
	"a port nobody listens on: connection refused"
n=$(grep -c '^HEAD /nohead 405' "$TMP/fx-access.log" || true)
g=$(grep -c '^GET /nohead 200' "$TMP/fx-access.log" || true)
tap "$([ "$n" = 1 ] && [ "$g" = 1 ] && echo 1 || echo 0)" "HEAD first, then GET for /nohead ($n, $g)"
ua=$(grep -c '"aberta/[0-9.]* link checker (+http' "$TMP/fx-access.log" || true)
all=$(grep -vc '"curl/' "$TMP/fx-access.log" || true)
tap "$([ "$ua" = "$all" ] && [ "$ua" -gt 0 ] && echo 1 || echo 0)" \
	"every request says it is aberta's link checker ($ua of $all)"
nb=$(grep -c '^broken' "$TMP/check1.out" || true)
tap "$([ "$nb" = 5 ] && echo 1 || echo 0)" "the broken addresses are printed ($nb)"
results >"$TMP/results1"
sleep 1.1	# a second check in another second: only checked_at may move
rc=0
"$ADMIN" --db "$ABERTA_DB" links check "${CHECK_OPTS[@]}" >"$TMP/check2.out" 2>"$TMP/check2.err" || rc=$?
results >"$TMP/results2"
tap "$([ $rc = 0 ] && cmp -s "$TMP/results1" "$TMP/results2" && echo 1 || echo 0)" \
	"checking twice gives the same stored results"
tap "$(grep -q ' 0 result(s) changed' "$TMP/check2.err" && echo 1 || echo 0)" \
	"the second check changes no result: $(tail -n 1 "$TMP/check2.err")"
ver2=$(sql "SELECT content_version FROM site_state")
tap "$([ "$ver1" = "$ver2" ] && echo 1 || echo 0)" \
	"nor the content version: pages and the page cache stay ($ver1, $ver2)"
moved=$(sql "SELECT count(*) FROM link_check WHERE checked_at > changed_at")
tap "$([ "$moved" -gt 0 ] && echo 1 || echo 0)" "only the time checked moved ($moved rows)"
# By hand on a terminal: a progress line (script(1) gives the command a terminal).
if command -v script >/dev/null; then
	script -qec "$(printf '%q ' "$ADMIN" --db "$ABERTA_DB" links check "${CHECK_OPTS[@]}")" \
		/dev/null </dev/null >"$TMP/tty.out" 2>&1 || true
	tap "$(tr '\r' '\n' <"$TMP/tty.out" | grep -q '^14 of 14 addresses done, 5 with a problem' &&
		echo 1 || echo 0)" "on a terminal it shows a progress line"
	tap "$(grep -q 'addresses done' "$TMP/check2.err" && echo 0 || echo 1)" \
		"and none when its output is not a terminal"
fi

# --- archiving -----------------------------------------------------------------------
rc=0
"$ADMIN" --db "$ABERTA_DB" links archive "${CHECK_OPTS[@]}" --max-size 20000 \
	>"$TMP/arch1.out" 2>"$TMP/arch1.err" || rc=$?
tap "$([ $rc = 0 ] && echo 1 || echo 0)" "links archive runs (exit $rc)"
a() { sql "SELECT upload_sha FROM link_archive WHERE url = '$1'"; }
SHA=$(a "$F/plan2.pdf")
want=$(sha256sum "$TMP/fx/plan2.pdf" | cut -d' ' -f1)
tap "$([ "$SHA" = "$want" ] && [ -f "$ABERTA_UPLOADS/$SHA" ] && echo 1 || echo 0)" \
	"the 2nd plan's document is stored under the SHA-256 of its bytes"
tap "$([ "$(a "$F/copy.pdf")" = "$SHA" ] && echo 1 || echo 0)" \
	"the same bytes at another address are the same copy"
tap "$([ "$(a "$F/r1")" = "$(sha256sum "$TMP/fx/ok.pdf" | cut -d' ' -f1)" ] && echo 1 || echo 0)" \
	"a document behind redirects is archived for the address cited"
HSHA=$(a "$F/ok.html")
tap "$([ "$HSHA" = "$(sha256sum "$TMP/fx/ok.html" | cut -d' ' -f1)" ] &&
	[ "$(sql "SELECT mime FROM upload WHERE sha256 = '$HSHA'")" = text/html ] && echo 1 || echo 0)" \
	"an HTML page cited as evidence is archived as HTML"
for u in big.pdf stream.pdf fake.pdf slow.pdf missing.pdf; do
	why=$(grep -F "$F/$u" "$TMP/arch1.out" | cut -f3)
	case $u in
	big.pdf | stream.pdf) exp='larger than the limit' ;;
	fake.pdf) exp='Tipo de ficheiro não aceite' ;;
	slow.pdf) exp='Timeout was reached' ;;
	missing.pdf) exp='HTTP 404' ;;
	esac
	tap "$([ -z "$(a "$F/$u")" ] && [[ $why == *"$exp"* ]] && echo 1 || echo 0)" \
		"$u is not archived: $why"
done
sg=$(grep -c '^GET /stream.pdf 200' "$TMP/fx-access.log" || true)
tap "$([ "$sg" -ge 1 ] && echo 1 || echo 0)" "the streamed document was asked for, then cut off"
nfiles() { find "$ABERTA_UPLOADS" -maxdepth 1 -type f ! -name '.*' | wc -l; }
n1=$(nfiles)
sql "SELECT url, upload_sha, fetched_at FROM link_archive ORDER BY url" >"$TMP/arch1"
ver1=$(sql "SELECT content_version FROM site_state")
rc=0
"$ADMIN" --db "$ABERTA_DB" links archive "${CHECK_OPTS[@]}" --max-size 20000 --refresh \
	>"$TMP/arch2.out" 2>"$TMP/arch2.err" || rc=$?
sql "SELECT url, upload_sha, fetched_at FROM link_archive ORDER BY url" >"$TMP/arch2"
n2=$(nfiles)
tap "$([ $rc = 0 ] && [ "$n1" = 3 ] && [ "$n2" = 3 ] && echo 1 || echo 0)" \
	"archiving the same documents again stores each once ($n1, then $n2 files)"
tap "$(cmp -s "$TMP/arch1" "$TMP/arch2" && grep -q ', 4 unchanged,' "$TMP/arch2.err" &&
	echo 1 || echo 0)" "and records nothing new: $(tail -n 1 "$TMP/arch2.err")"
tap "$([ "$ver1" = "$(sql "SELECT content_version FROM site_state")" ] && echo 1 || echo 0)" \
	"nor moves the content version"

# --- showing -------------------------------------------------------------------------
st=$(body /pt/plans/2)
cp "$TMP/page" "$TMP/plan-before"
tap "$([ "$st" = 200 ] && grep -q "href=\"/uploads/$SHA\">cópia arquivada" "$TMP/page" &&
	! grep -q 'ligação quebrada' "$TMP/page" && echo 1 || echo 0)" \
	"the 2nd plan's page offers the archived copy of its document"
body /pt/plans/2 >/dev/null
hit=$(curl -sS -D - -o /dev/null "$BASE/pt/plans/2" | tr -d '\r' | grep -ci '^x-aberta-cache: hit' || true)
tap "$([ "$hit" = 1 ] && echo 1 || echo 0)" "and the page is now served from the page cache"
# The original disappears; the daily check finds it.
rm "$TMP/fx/plan2.pdf"
"$ADMIN" --db "$ABERTA_DB" links check "${CHECK_OPTS[@]}" >"$TMP/check3.out" 2>"$TMP/check3.err" || true
today=$(date -u +%F)
t "$F/plan2.pdf" 'broken|404||http|HTTP 404' "the 2nd plan's document, now gone: broken"
st=$(body /pt/plans/2)
tap "$([ "$st" = 200 ] && grep -q "ligação quebrada, detetada em <time datetime=\"$today\">" "$TMP/page" &&
	echo 1 || echo 0)" "its page, from a new cache generation, marks it broken with the date"
tap "$(grep -q "href=\"/uploads/$SHA\">cópia arquivada (<time datetime=\"$today\">" "$TMP/page" &&
	echo 1 || echo 0)" "and still offers the archived copy with its date"
st=$(body /en/plans/2)
tap "$([ "$st" = 200 ] && grep -q "broken link, found on <time" "$TMP/page" &&
	grep -q ">archived copy (<time" "$TMP/page" && echo 1 || echo 0)" "in English too"
curl -sS -D "$TMP/h" -o "$TMP/doc" "$BASE/uploads/$SHA"
h() { tr -d '\r' <"$TMP/h" | grep -i "^$1:" | cut -d' ' -f2-; }
tap "$([ "$(sha256sum <"$TMP/doc" | cut -d' ' -f1)" = "$SHA" ] &&
	[ "$(h content-type)" = application/pdf ] && echo 1 || echo 0)" \
	"a citizen opens the archived copy: the same bytes, as a PDF"
tap "$([ "$(h x-content-type-options)" = nosniff ] &&
	[[ $(h content-disposition) == 'attachment; filename="'*'.pdf"; filename*='* ]] && echo 1 || echo 0)" \
	"served with nosniff and Content-Disposition: $(h content-disposition)"
curl -sS -D "$TMP/h" -o /dev/null "$BASE/uploads/$HSHA"
tap "$([ "$(h content-type)" = text/html ] && [ "$(h x-content-type-options)" = nosniff ] &&
	[[ $(h content-disposition) == 'attachment; filename="'* ]] && echo 1 || echo 0)" \
	"an archived HTML page is only ever downloaded: $(h content-type); $(h content-disposition)"
st=$(body "/pt/commitments/$MS_OGP")
tap "$([ "$st" = 200 ] && grep -q "missing.pdf\" rel=\"external\">Relatório</a> <span class=\"link-broken\">" "$TMP/page" &&
	echo 1 || echo 0)" "milestone evidence that is gone is marked on its commitment's page"
st=$(body "/pt/members/$ENT")
tap "$([ "$st" = 200 ] && grep -q 'loop-a</a> <span class="link-broken">' "$TMP/page" &&
	echo 1 || echo 0)" "a member's website that loops is marked on its page"
st=$(body "/en/events/$EV")
tap "$([ "$st" = 200 ] && grep -q "href=\"$F/nohead\"" "$TMP/page" && ! grep -q 'link-broken' "$TMP/page" &&
	echo 1 || echo 0)" "an event page whose address works is not marked"

# --- bounded concurrency ---------------------------------------------------------------
# most_at_once: the most /holdN.pdf transfers the fixture server had at the same time
# (each log line ends with the time it ended and how long it took).
most_at_once() {
	awk '$2 ~ /^\/hold/ { n = NF; printf "%.3f 1\n%.3f -1\n", $(n-1) - $n, $(n-1) }' \
		"$TMP/fx-access.log" | sort -k1,1n -k2,2n |
		awk '{ c += $2; if (c > m) m = c } END { print m + 0 }'
}
for i in 1 2 3 4 5 6; do
	sql "INSERT INTO link (plan_id, kind, url, position) VALUES ($PLAN2, 'document',
		'$F/hold$i.pdf', 2$i)"
done
: >"$TMP/fx-access.log"
"$ADMIN" --db "$ABERTA_DB" links archive --allow-private --parallel 8 --per-host 2 --timeout 20 \
	>"$TMP/arch3.out" 2>"$TMP/arch3.err" || true
m=$(most_at_once)
na=$(grep -c '^archived.*hold' "$TMP/arch3.out" || true)
tap "$([ "$m" = 2 ] && [ "$na" = 6 ] && echo 1 || echo 0)" \
	"--per-host 2: six slow documents of one host, never more than 2 at once ($m; $na archived)"
: >"$TMP/fx-access.log"
"$ADMIN" --db "$ABERTA_DB" links archive --allow-private --refresh --parallel 3 --per-host 16 --timeout 20 \
	>"$TMP/arch4.out" 2>"$TMP/arch4.err" || true
m=$(most_at_once)
tap "$([ "$m" -ge 2 ] && [ "$m" -le 3 ] && echo 1 || echo 0)" \
	"--parallel 3: never more than 3 transfers at once ($m)"

# --- the admin page ------------------------------------------------------------------
rel_build links_admin "$ROOT/tests/links/links_admin.c"
# The evidence link's correction form, at its address field, is where /admin/links sends.
LK=$(sql "SELECT id FROM link WHERE milestone_id = $MS AND url = '$F/missing.pdf'")
"$TMP/links_admin" "$BASE" "$ABERTA_DB" "$ADMIN" "$F/missing.pdf" "/pt/commitments/$MS_OGP" \
	"/admin/sources/$LK#url" >"$TMP/admin.tap" 2>"$TMP/admin.err" || true
tap_lines "$TMP/admin.tap"
[ -s "$TMP/admin.err" ] && diag "$(cat "$TMP/admin.err")"
rel_finish
