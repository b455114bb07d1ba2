#!/bin/bash
# Following by email from start to end, through nginx (issue 17): a site of its own (nginx
# + workers, tests/lib-site.sh, a fresh database with the real content) whose mail goes to
# an SMTP sink on loopback.  Two people follow PT0013 from its page, one in Portuguese
# and one in English; each confirms with the emailed link's button; an editor records a
# new reported status and a milestone figure with its evidence (a real save, `import
# --as`); `aberta-admin follow send` queues nothing inside the quiet window and one
# message each after it, whose contents, headers and links are checked, and the
# commitment's feed tells the same change; the one-click unsubscribe of the message's
# List-Unsubscribe header, posted with another site's Origin, stops everything.  TAP on
# stdout; the last line is "N passed, N failed".
set -uo pipefail
# shellcheck source=tests/lib-site.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib-site.sh"	# sets ROOT, BUILD
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aberta-follow.XXXXXX")
PASS=0 FAIL=0 N=0 SINK=''
cleanup() {
	stop_site "$TMP"
	[ -z "$SINK" ] || { kill "$SINK" 2>/dev/null; wait "$SINK" 2>/dev/null; }
	rm -rf "$TMP"
}
trap cleanup EXIT
tap() { N=$((N + 1)); if [ "$1" = 0 ]; then PASS=$((PASS + 1)); echo "ok $N - $2"; else FAIL=$((FAIL + 1)); echo "not ok $N - $2"; fi; }
bail() { echo "not ok $((N + 1)) - $1"; echo "$PASS passed, $((FAIL + 1)) failed"; exit 1; }
sql() { sqlite3 -cmd '.timeout 10000' "$ABERTA_DB" "$@"; }
ADMIN=$BUILD/aberta-admin

# The sink first: the workers inherit ABERTA_SMTP_URL and send each confirmation at once.
mkdir -p "$TMP/mail"
for (( i = 0; i < 8; i++ )); do
	sport=$(( 19000 + RANDOM % 900 ))
	"$BUILD/tests/cocreate/smtpsink" "$sport" "$TMP/mail" 300 2>>"$TMP/sink.log" &
	SINK=$!
	sleep 0.3
	kill -0 "$SINK" 2>/dev/null && break
	SINK=''
done
[ -n "$SINK" ] || bail "no port for the SMTP sink"
port=$(( 19000 + RANDOM % 900 ))
[ "$port" != "$sport" ] || port=$(( port + 1 ))
B=http://127.0.0.1:$port
export ABERTA_DB=$TMP/aberta.db ABERTA_SMTP_URL=smtp://127.0.0.1:$sport ABERTA_BASE_URL=$B
export ABERTA_TEMPLATES=${ABERTA_TEMPLATES:-$ROOT/templates}
unset ABERTA_CACHE ABERTA_SENDMAIL
{ prepare_db "$ABERTA_DB" >/dev/null 2>&1 && start_site "$port" "$TMP"; } || bail "site did not start"
"$ADMIN" --db "$ABERTA_DB" user add ana@ama.example.pt Ana focal >/dev/null 2>&1 ||
	bail "cannot add the editor"

# mail_to ADDR SECONDS: waits for the newest message to ADDR in the sink, prints its file.
mail_to() {
	local f i
	for (( i = 0; i < $2 * 10; i++ )); do
		f=$(grep -l "^To: $1" "$TMP"/mail/*.eml 2>/dev/null | tail -n 1)
		[ -n "$f" ] && { echo "$f"; return 0; }
		sleep 0.1
	done
	return 1
}
# follow LANG EMAIL: the form of PT0013's page in LANG, posted with this site's Origin;
# the status goes to stdout, the page to $TMP/b.
follow() {
	curl -s -o "$TMP/b" -w '%{http_code}' -H "Origin: $B" -L \
		-d kind=commitment -d target=PT0013 --data-urlencode "email=$2" -d "lang=$1" \
		-d frequency=immediate -d consent=1 -d website= "$B/$1/follow"
}

# 1. The form on the page, then two people follow.
curl -s "$B/pt/commitments/PT0013" >"$TMP/page"
grep -q 'action="/pt/follow"' "$TMP/page" && grep -q 'name="target" value="PT0013"' "$TMP/page"
tap $? "PT0013's page has the follow form"
grep -q 'rel="alternate" type="application/atom+xml"' "$TMP/page"
tap $? "and names its feed in its head"
st=$(follow pt ana.cidada@example.org)
[ "$st" = 200 ] && grep -q 'lang="pt"' "$TMP/b"
tap $? "a Portuguese follower's request is taken ($st)"
st=$(follow en bob.citizen@example.org)
[ "$st" = 200 ]
tap $? "an English follower's request is taken ($st)"
[ "$(sql "SELECT group_concat(lang || ':' || status, ' ') FROM (SELECT s.lang, s.status FROM subscription s ORDER BY s.lang)")" = "en:unconfirmed pt:unconfirmed" ]
tap $? "two subscriptions wait for confirmation"

# 2. Each confirms: the emailed link's GET changes nothing, its button's POST confirms.
for who in ana.cidada@example.org bob.citizen@example.org; do
	m=$(mail_to "$who" 20) || { tap 1 "the confirmation email reaches $who"; continue; }
	tap 0 "the confirmation email reaches $who"
	url=$(grep -o "$B/[a-z][a-z]/follow/confirm/[0-9a-f]*" "$m" | head -n 1)
	[ -n "$url" ]
	tap $? "it carries the confirmation link"
	curl -s -o "$TMP/c" "$url"
	grep -q '<form' "$TMP/c" &&
		[ "$(sql "SELECT s.status FROM subscription s JOIN follower f ON f.id = s.follower_id WHERE f.email = '$who'")" = unconfirmed ]
	tap $? "opening the link shows a button and confirms nothing"
	st=$(curl -s -o "$TMP/c" -w '%{http_code}' -H "Origin: $B" -X POST "$url")
	[ "$st" = 200 ] &&
		[ "$(sql "SELECT s.status FROM subscription s JOIN follower f ON f.id = s.follower_id WHERE f.email = '$who'")" = active ]
	tap $? "its button confirms ($st)"
done
rm -f "$TMP"/mail/*.eml

# 3. Nothing changed: nothing sent.
now=$(date +%s)
"$ADMIN" --db "$ABERTA_DB" follow send --now $((now + 600)) >/dev/null 2>&1
[ "$(sql 'SELECT count(*) FROM outbox')" = 0 ]
tap $? "with nothing changed, follow send queues nothing"

# 4. An editor's save: a new reported status and a milestone figure with its evidence.
printf 'ogp_id,self_status,self_status_date\nPT0013,substantial,2026-12-01\n' >"$TMP/c.csv"
printf '%s\n' 'ogp_id,position,title_pt,title_en,progress,progress_as_of,evidence' \
	'PT0013,1,Publicar o catálogo,Publish the catalogue,40,2026-12-01,https://evidencia.example.pt/pt0013-1' \
	>"$TMP/m.csv"
"$ADMIN" --db "$ABERTA_DB" import --as ana@ama.example.pt "$TMP/c.csv" >/dev/null 2>&1 &&
	"$ADMIN" --db "$ABERTA_DB" import --as ana@ama.example.pt "$TMP/m.csv" >/dev/null 2>&1
tap $? "the editor's two saves are made"
E=$(sql "SELECT strftime('%s', max(at)) FROM revision")
"$ADMIN" --db "$ABERTA_DB" follow send --now $((E + 60)) >/dev/null 2>&1
[ "$(sql 'SELECT count(*) FROM outbox')" = 0 ]
tap $? "inside the quiet window nothing is queued"
"$ADMIN" --db "$ABERTA_DB" follow send --now $((E + 400)) >/dev/null 2>&1
[ "$(sql 'SELECT count(*) FROM outbox WHERE follower_id IS NOT NULL')" = 2 ]
tap $? "after it, one message for each follower"
"$ADMIN" --db "$ABERTA_DB" mail flush >/dev/null 2>&1
tap $? "mail flush sends them"

# 5. The messages.
m=$(mail_to ana.cidada@example.org 10)
tap $? "the Portuguese follower's alert arrives"
grep -q 'PT0013' "$m" && grep -q 'Substancial' "$m" && grep -q '40%' "$m"
tap $? "in Portuguese, with the new status and the figure"
grep -qF 'https://evidencia.example.pt/pt0013-1' "$m"
tap $? "with the figure's evidence link"
grep -qF "$B/pt/commitments/PT0013" "$m"
tap $? "with the link to the commitment's page"
grep -q '^Auto-Submitted: auto-generated' "$m" && grep -q '^Message-ID: <' "$m" && grep -q '^Date: ' "$m"
tap $? "Auto-Submitted, Message-ID and Date"
grep -q '^List-Unsubscribe-Post: List-Unsubscribe=One-Click' "$m"
tap $? "List-Unsubscribe-Post: List-Unsubscribe=One-Click"
unsub=$(sed -n 's/^List-Unsubscribe: <\(.*\)>\r*$/\1/p' "$m" | head -n 1)
[[ "$unsub" == "$B/follow/unsubscribe/"* ]]
tap $? "List-Unsubscribe names the one-click address ($unsub)"
grep -q "$B/pt/follow/manage/[0-9a-f]\{64\}" "$m"
tap $? "and the body the management page"
grep -qi 'multipart/alternative' "$m" && grep -qi 'text/html' "$m"
tap $? "plain text with an HTML part"
! grep -qiE '<img|utm_|pixel' "$m"
tap $? "no image and no tracking"
e=$(mail_to bob.citizen@example.org 10)
tap $? "the English follower's alert arrives"
grep -q 'Substantial' "$e" && grep -q '40%' "$e" && grep -qF "$B/en/commitments/PT0013" "$e"
tap $? "in English, with the English links"

# 6. The feed tells the same change.
curl -s "$B/pt/commitments/PT0013/feed.atom" >"$TMP/feed"
grep -q 'Substancial' "$TMP/feed" && grep -q '40%' "$TMP/feed" && ! grep -q '1970-' "$TMP/feed"
tap $? "the commitment's feed lists the same changes, with real dates"

# 7. The mail program's one-click POST, from its own servers (another Origin).
st=$(curl -s -o "$TMP/u" -w '%{http_code}' -H 'Origin: https://mail.example.net' \
	-d 'List-Unsubscribe=One-Click' "$unsub")
[ "$st" = 200 ]
tap $? "the one-click POST is answered 200 ($st)"
[ "$(sql "SELECT count(*) FROM subscription s JOIN follower f ON f.id = s.follower_id WHERE f.email = 'ana.cidada@example.org'")" = 0 ]
tap $? "and the address follows nothing any more"
[ "$(sql "SELECT count(*) FROM subscription s JOIN follower f ON f.id = s.follower_id WHERE f.email = 'bob.citizen@example.org'")" = 1 ]
tap $? "the other address still follows PT0013"

echo "1..$N"
echo "$PASS passed, $FAIL failed"
