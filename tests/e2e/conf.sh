#!/bin/bash
# The nginx configurations (issue 16: findings 1 and 6), each item checked for real:
#   1. nginx -t on conf/nginx-dev.conf.in (as tests/lib-site.sh fills it in) and on
#      conf/nginx-aberta.conf (inside an http {} block of its own, with a throwaway
#      certificate and its paths moved into a temporary folder); the production HTTP
#      server redirects to its configured server name, whatever Host says;
#   2. body sizes on the dev site: 64 KB for the login, the citizens' forms and the rest,
#      256 KB for the other staff forms, 11 MB only where staff upload documents;
#   3. every /uploads/ answer has one Content-Security-Policy, a sandbox, also those
#      nginx makes itself (413, 414);
#   4. the flood zones of the public POST routes, keyed by network: a burst from
#      127.0.0.9 meets nginx's 429 while 127.0.0.10 is served; X-Forwarded-For and
#      X-Real-IP change nothing; a burst spread over one /24 meets the wide zone while
#      another /24 is served;
#   5. the maps that make those keys (an IPv4 address or /24, an IPv6 /64 or /48, however
#      the address is written), identical in both configurations, run on a small nginx
#      of this test's own that takes the client address from a header.
# A fresh database and site of its own (tests/lib-site.sh); only loopback.  TAP on
# stdout; the last line is "N passed, N failed".  CONF_PORT sets the dev site's port.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib-site.sh" # sets ROOT
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-conf.XXXXXX")
PASS=0 FAIL=0 N=0 NGINX_PIDS=()
# cleanup: stop the nginx servers this test started (by pid) and the site.
cleanup() {
	local p
	for p in "${NGINX_PIDS[@]}"; do
		kill -QUIT "$p" 2>/dev/null && wait_gone 50 "$p"
	done
	stop_site "$TMP/site"
	rm -rf "$TMP"
}
trap cleanup EXIT
tap() { N=$((N + 1)); if [ "$1" = 0 ]; then PASS=$((PASS + 1)); echo "ok $N - $2"; else FAIL=$((FAIL + 1)); echo "not ok $N - $2"; fi; }
diag() { printf '# %s\n' "$*"; }

# free_port: a TCP port in 19000-19899 that nothing on 127.0.0.1 listens on.
free_port() {
	local i p
	for (( i = 0; i < 200; i++ )); do
		p=$(( 19000 + (RANDOM + i) % 900 ))
		(exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
	done
	return 1
}

# start_nginx CONF PREFIX: runs nginx on CONF (its pid file PREFIX/nginx.pid) and
# remembers its pid for cleanup.
start_nginx() {
	local i
	nginx -c "$1" -p "$2" </dev/null 2>>"$2/start.log" || return 1
	for (( i = 0; i < 50; i++ )); do
		[ -s "$2/nginx.pid" ] && { NGINX_PIDS+=("$(<"$2/nginx.pid")"); return 0; }
		sleep 0.1
	done
	return 1
}

USER_LINE=''
[ "$(id -u)" -eq 0 ] && USER_LINE='user root;'

# ---- 1. nginx -t on both configurations; the production redirect ---------------------
port=${CONF_PORT:-$(free_port)}
export ABERTA_DB=$TMP/aberta.db ABERTA_UPLOADS=$TMP/uploads
unset ABERTA_CACHE
prepare_db "$ABERTA_DB" >/dev/null 2>&1 && start_site "$port" "$TMP/site" >/dev/null 2>&1 ||
	{ echo "not ok 1 - site did not start"; echo "0 passed, 1 failed"; exit 1; }
nginx -t -q -c "$TMP/site/nginx.conf" -p "$TMP/site" 2>"$TMP/t-dev.log"
tap $? "nginx -t accepts conf/nginx-dev.conf.in $(head -c 300 "$TMP/t-dev.log" | tr '\n' ' ')"

P=$TMP/prod
mkdir -p "$P"
p80=$(free_port) p443=$(free_port)
while [ "$p443" = "$p80" ] || [ "$p443" = "$port" ]; do p443=$(free_port); done
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=aberta.example \
	-keyout "$P/key.pem" -out "$P/cert.pem" >/dev/null 2>&1
sed -e "s|/etc/ssl/certs/aberta.pem|$P/cert.pem|" -e "s|/etc/ssl/private/aberta.key|$P/key.pem|" \
	-e "s|/var/log/nginx/|$P/|g" -e "s|/run/aberta/aberta.sock|$TMP/site/aberta.sock|g" \
	-e "s|/var/cache/aberta/current|$TMP/site/www/current|" \
	-e "s|/usr/local/share/aberta/public/|$ROOT/public/|" \
	-e "s|^\( *\)listen 80;|\1listen 127.0.0.1:$p80;|" \
	-e "s|^\( *\)listen 443 ssl http2;|\1listen 127.0.0.1:$p443 ssl http2;|" \
	-e '/listen \[::\]/d' "$ROOT/conf/nginx-aberta.conf" >"$P/site.conf"
cat >"$P/nginx.conf" <<EOF
$USER_LINE
pid $P/nginx.pid;
error_log $P/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $P/tmp-body;
    fastcgi_temp_path $P/tmp-fastcgi;
    proxy_temp_path $P/tmp-proxy;
    uwsgi_temp_path $P/tmp-uwsgi;
    scgi_temp_path $P/tmp-scgi;
    access_log off;
    include $P/site.conf;
}
EOF
left=$(grep -nE '/etc/ssl|/var/log|/run/aberta|/var/cache|/usr/local|listen (80|443)' "$P/site.conf")
[ -z "$left" ] || diag "paths this test did not move: $left"
[ -z "$left" ] && nginx -t -q -c "$P/nginx.conf" -p "$P" 2>"$TMP/t-prod.log"
tap $? "nginx -t accepts conf/nginx-aberta.conf (with a test certificate) $(head -c 300 "$TMP/t-prod.log" 2>/dev/null | tr '\n' ' ')"
name=$(sed -n 's/^ *server_name \([^ ;]*\);.*/\1/p' "$P/site.conf" | head -n 1)
loc=''
if start_nginx "$P/nginx.conf" "$P"; then
	loc=$(curl -s -o /dev/null -w '%{redirect_url}' -H 'Host: evil.example' \
		"http://127.0.0.1:$p80/pt/plans?x=1")
fi
[ -n "$name" ] && [ "$name" != _ ] && [ "$loc" = "https://$name/pt/plans?x=1" ]
tap $? "the production redirect to HTTPS goes to the configured name ($name), not the Host header (Location: $loc)"
# The production server's own answers, over TLS, from the dev site's workers.
# sget ARGS...: one HTTPS request to the production server; prints the status.
sget() {
	curl -sk -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' --resolve "$name:$p443:127.0.0.1" "$@"
}
zeros=0000000000000000000000000000000000000000000000000000000000000000
st=$(sget "https://$name:$p443/uploads/$zeros")
pcsp=$(sed -n 's/^content-security-policy: *//Ip' "$TMP/h" | tr -d '\r')
[ "$(wc -l <<<"$pcsp")" = 1 ] && [[ $pcsp == sandbox* ]] && grep -qi '^strict-transport-security:' "$TMP/h"
tap $? "production: an /uploads/ answer ($st) has one policy, a sandbox, and HSTS ($pcsp)"
head -c $((100 * 1024)) /dev/zero | tr '\0' a >"$TMP/100k"
st=$(sget --http1.1 --data-binary "@$TMP/100k" "https://$name:$p443/pt/consultations/1/comments")
[ "$st" = 413 ] && grep -q "^413 Pedido demasiado grande" "$TMP/b" || { diag "$(head -c 300 "$TMP/b")"; false; }
tap $? "production, HTTP/1.1: a 100 KB POST to a citizen form gets nginx's 413 (got $st)"
# Over HTTP/2 nginx 1.22 answers a body over the limit with its built-in page, not the
# error_page: under /uploads/ it has the sandbox all the same.
st=$(sget --http2 --data-binary "@$TMP/100k" "https://$name:$p443/uploads/$zeros")
pcsp=$(sed -n 's/^content-security-policy: *//Ip' "$TMP/h" | tr -d '\r')
[ "$st" = 413 ] && [ "$(wc -l <<<"$pcsp")" = 1 ] && [[ $pcsp == sandbox* ]]
tap $? "production, HTTP/2: nginx's 413 under /uploads/ has one policy, a sandbox ($st: $pcsp)"

# ---- 2. body sizes ---------------------------------------------------------------------
B=http://127.0.0.1:$port
head -c $((300 * 1024)) /dev/zero | tr '\0' a >"$TMP/300k"
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' a >"$TMP/2m"
# post PATH FILE [CURL ARGS]: POSTs FILE as a form field; prints the status; the body
# goes to $TMP/b, the headers to $TMP/h.
post() {
	local p=$1 f=$2
	shift 2
	curl -s -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' "$@" --data-binary "@$f" \
		-H 'Content-Type: application/x-www-form-urlencoded' "$B$p"
}
# upload PATH FILE: POSTs FILE as a multipart file; prints the status.
upload() {
	curl -s -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' -F "csrf=x" -F "file=@$2;filename=a.pdf" \
		"$B$1"
}
nginx413() { grep -q '^413 Pedido demasiado grande' "$TMP/b"; }
bad=0
for p in /pt/consultations/1/comments /pt/consultations/1/proposals \
	/en/commitments/PT0013/comments /pt/submissions/confirm/abc /admin/login /pt/; do
	st=$(post "$p" "$TMP/100k")
	[ "$st" = 413 ] && nginx413 || { bad=1; diag "100 KB to $p: $st"; }
done
tap $bad "a 100 KB POST to a citizen form, the login or a page is refused by nginx with 413"
st=$(post /admin/commitments/1 "$TMP/300k")
[ "$st" = 413 ] && nginx413
tap $? "a 300 KB POST to a staff form that takes no file is refused by nginx with 413 (got $st)"
bad=0
for p in /admin/milestones/1 /admin/milestones/new /admin/commitments/1/milestones \
	/admin/milestones/1/sources /admin/sources/1 /admin/import; do
	st=$(upload "$p" "$TMP/2m")
	[ "$st" != 413 ] && [ "$st" != 000 ] || { bad=1; diag "2 MB upload to $p: $st"; }
done
tap $bad "a 2 MB upload to each upload route reaches the program (not 413)"

# ---- 3. /uploads/ ------------------------------------------------------------------------
# csp: the Content-Security-Policy headers of the last answer, one a line.
csp() { sed -n 's/^content-security-policy: *//Ip' "$TMP/h" | tr -d '\r'; }
sandboxed() { [ "$(csp | wc -l)" = 1 ] && csp | grep -q '^sandbox'; }
st=$(curl -s -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' "$B/uploads/$zeros")
sandboxed
tap $? "the program's /uploads/ answer ($st) has one Content-Security-Policy, a sandbox ($(csp | tr '\n' '|'))"
st=$(post "/uploads/$zeros" "$TMP/100k")
[ "$st" = 413 ] && sandboxed
tap $? "nginx's own 413 under /uploads/ has one Content-Security-Policy, a sandbox ($st: $(csp | tr '\n' '|'))"
st=$(curl -s -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' "$B/uploads/$(head -c 9000 /dev/zero | tr '\0' a)")
[ "$st" = 414 ] && sandboxed
tap $? "nginx's own 414 under /uploads/ has one Content-Security-Policy, a sandbox ($st: $(csp | tr '\n' '|'))"
st=$(curl -s -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' "$B/pt/")
[ "$(csp | wc -l)" = 1 ] && ! csp | grep -q sandbox
tap $? "a public page keeps its own policy, not the sandbox ($st)"

# ---- 4. flood zones on the public POST routes ----------------------------------------
FORM=/pt/consultations/999999/comments
# burst FROM N [CURL ARGS]: N POSTs from the loopback address FROM on one connection;
# prints how many nginx refused with its own 429 (text/plain with its message).
burst() {
	local from=$1 n=$2 i args=()
	shift 2
	for (( i = 0; i < n; i++ )); do args+=(-o /dev/null "$B$FORM"); done
	curl -s --interface "$from" -w '%{http_code} %{content_type}\n' -d 'text=x' "$@" "${args[@]}" |
		grep -c '^429 text/plain'
}
n9=$(burst 127.0.0.9 80)
n10=$(burst 127.0.0.10 1)
[ "$n9" -ge 10 ] && [ "$n10" = 0 ]
tap $? "80 POSTs from 127.0.0.9 meet nginx's 429 ($n9 times) while 127.0.0.10 is served ($n10)"
nx=$(burst 127.0.0.9 1 -H 'X-Forwarded-For: 127.0.0.77' -H 'X-Real-IP: 127.0.0.78')
tap $(( nx != 1 )) "X-Forwarded-For and X-Real-IP do not change the address nginx counts (429: $nx)"
wide=0
for a in 11 12 13 14 15 16; do wide=$(( wide + $(burst "127.0.0.$a" 55) )); done
n17=$(burst 127.0.0.17 1)
n19=$(burst 127.0.1.9 1)
[ "$n17" = 1 ] && [ "$n19" = 0 ]
tap $? "a flood spread over 127.0.0.0/24 meets the wide zone (a fresh 127.0.0.17 gets 429: $n17; $wide in all) while 127.0.1.9 is served ($n19)"

# ---- 5. the network keys, IPv4 and IPv6 ------------------------------------------------
# The maps between the two marker lines, the same text in both configurations.
block() { sed -n '/# netprefix maps: begin/,/# netprefix maps: end/p' "$1" | sed 's/^[ \t]*//'; }
block "$ROOT/conf/nginx-dev.conf.in" >"$TMP/maps.dev"
block "$ROOT/conf/nginx-aberta.conf" >"$TMP/maps.prod"
[ -s "$TMP/maps.dev" ] && cmp -s "$TMP/maps.dev" "$TMP/maps.prod"
tap $? "the maps of the network keys are the same in both configurations"
K=$TMP/keys
mkdir -p "$K"
kport=$(free_port)
while [ "$kport" = "$port" ] || [ "$kport" = "$p80" ] || [ "$kport" = "$p443" ]; do kport=$(free_port); done
cat >"$K/nginx.conf" <<EOF
$USER_LINE
pid $K/nginx.pid;
error_log $K/error.log;
events { worker_connections 64; }
http {
    client_body_temp_path $K/tmp-body;
    access_log off;
$(cat "$TMP/maps.dev")
    limit_req_zone \$aberta_net zone=narrow:1m rate=1r/m;
    limit_req_zone \$aberta_net_wide zone=wide:1m rate=1r/m;
    limit_req_status 429;
    server {
        listen 127.0.0.1:$kport;
        # This test's nginx alone: the client address from a header.
        set_real_ip_from 127.0.0.1;
        real_ip_header X-Test-Client;
        # try_files, not return: return would answer before limit_req runs.
        location /narrow { limit_req zone=narrow burst=1 nodelay; try_files /none =204; }
        location /wide { limit_req zone=wide burst=1 nodelay; try_files /none =204; }
    }
}
EOF
# as ADDR WHERE: the status of one request from ADDR to /WHERE.
as() { curl -s -o /dev/null -w '%{http_code}' -H "X-Test-Client: $1" "http://127.0.0.1:$kport/$2"; }
keys=''
if start_nginx "$K/nginx.conf" "$K"; then
	# Two requests fill a key (burst 1); a third from the same network is refused.
	keys="$(as 2001:db8::1 narrow)$(as 2001:db8:0:0:ffff::2 narrow)$(as 2001:0db8:0000:0000:1:2:3:4 narrow)"
	keys="$keys $(as 2001:db8:0:1::1 narrow)"
	keys="$keys $(as 192.0.2.1 narrow)$(as ::ffff:192.0.2.1 narrow)$(as 192.0.2.1 narrow) $(as 192.0.2.2 narrow)"
	keys="$keys $(as 2001:db8:5:1::1 wide)$(as 2001:db8:5:ffff::9 wide)$(as 2001:db8:5:: wide) $(as 2001:db8:6::1 wide)"
	keys="$keys $(as 198.51.100.1 wide)$(as 198.51.100.200 wide)$(as 198.51.100.7 wide) $(as 198.51.101.1 wide)"
else
	diag "the key test's nginx did not start: $(head -c 300 "$K/start.log" "$K/error.log" 2>/dev/null | tr '\n' ' ')"
fi
[ "$keys" = "204204429 204 204204429 204 204204429 204 204204429 204" ]
tap $? "keys: one IPv6 /64 however written, one IPv4 address (mapped too), one /48, one /24 ($keys)"

echo "1..$N"
echo "$PASS passed, $FAIL failed"
(( FAIL == 0 ))
