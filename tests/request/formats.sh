#!/bin/sh
# Feeds, sitemap, badge and calendars: the real binary in CGI mode against a temporary
# database with the real content; XML checked well-formed with xmllint, iCalendar
# checked line by line against RFC 5545's rules.  Prints TAP.
set -u
bd=${ABERTA_BUILDDIR:-.}
sd=${ABERTA_SRCDIR:-.}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/a.db
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }

"$bd/aberta-admin" --db "$db" import "$ABERTA_CONTENT" 2>/dev/null &&
	"$bd/aberta-admin" --db "$db" import "$sd/content/pages.json" 2>/dev/null ||
	{ echo "Bail out! cannot create the test database"; exit 1; }

# get URI FILE: the body of a GET into FILE; prints the status.
get() {
	ABERTA_DB=$db ABERTA_TEMPLATES=$sd/templates REQUEST_METHOD=GET REQUEST_URI=$1 \
		GATEWAY_INTERFACE=CGI/1.1 "$bd/aberta" >"$tmp/raw"
	sed -n '1s/^Status: \([0-9]*\).*/\1/p' "$tmp/raw" | tr -d '\r'
	awk 'body { print; next } /^\r?$/ { body = 1 }' "$tmp/raw" >"$2"
}

for u in /sitemap.xml /pt/feed.atom /en/feed.atom /en/plans/2/feed.atom \
    /pt/commitments/PT0013/feed.atom /en/members/ama/feed.atom \
    /pt/values/access-to-information/feed.atom /badge/PT0013.svg /badge/PT0001.svg \
    /en/badge/PT0013.svg; do
	st=$(get "$u" "$tmp/out")
	if [ "$st" = 200 ] && xmllint --noout "$tmp/out" 2>"$tmp/err"; then
		ok "$u is 200 and well-formed XML"
	else
		notok "$u: status $st, $(head -c 300 "$tmp/err")"
	fi
done

st=$(get /pt/feed.atom "$tmp/feed")
if grep -q '<feed xmlns="http://www.w3.org/2005/Atom"' "$tmp/feed" &&
    grep -q '<entry>' "$tmp/feed" && grep -q '<link rel="self"' "$tmp/feed"; then
	ok "the site feed is Atom with a self link and entries"
else
	notok "the site feed lacks the Atom namespace, a self link or entries"
fi
st=$(get /sitemap.xml "$tmp/map")
c=$(grep -c '<url>' "$tmp/map")
if [ "$c" -ge 100 ] && grep -q 'hreflang="en"' "$tmp/map" && grep -q '/pt/commitments/PT0013<' "$tmp/map"; then
	ok "the sitemap lists every page in both languages ($c URLs)"
else
	notok "the sitemap has $c URLs or lacks the alternates"
fi

# ical FILE: checks RFC 5545 basics; prints a reason on failure.
ical() {
	awk 'BEGIN { RS = "\n" }
	{ if (substr($0, length($0), 1) != "\r") { print "line " NR " does not end in CRLF"; bad = 1; exit }
	  line = substr($0, 1, length($0) - 1)
	  if (length(line) > 75) { print "line " NR " longer than 75 octets"; bad = 1; exit }
	  if (line ~ /^BEGIN:/) depth++
	  if (line ~ /^END:/) depth--
	  if (line == "BEGIN:VEVENT") { ev++; uid = 0; dt = 0 }
	  if (line ~ /^UID:/) uid = 1
	  if (line ~ /^DTSTART/) dt = 1
	  if (line == "END:VEVENT" && (!uid || !dt)) { print "event " ev " lacks UID or DTSTART"; bad = 1; exit } }
	END { if (!bad && depth != 0) print "BEGIN/END do not balance"; else if (!bad && ev == 0) print "no event" }' "$1"
}
for u in /pt/events/calendar.ics /en/events/2/calendar.ics; do
	st=$(get "$u" "$tmp/cal")
	why=$(ical "$tmp/cal")
	if [ "$st" = 200 ] && [ -z "$why" ] && head -c 15 "$tmp/cal" | grep -q 'BEGIN:VCALENDAR'; then
		ok "$u is a valid iCalendar file"
	else
		notok "$u: status $st: $why"
	fi
done
st=$(get /robots.txt "$tmp/robots")
if [ "$st" = 200 ] && grep -q '^Disallow: /admin/' "$tmp/robots" && grep -q '^Sitemap: ' "$tmp/robots"; then
	ok "robots.txt keeps crawlers out of /admin/ and names the sitemap"
else
	notok "robots.txt: status $st"
fi
st=$(get /pt/commitments/PT0013 "$tmp/page")
if grep -q 'rel="canonical" href="http' "$tmp/page" && grep -q 'hreflang="en" href="http' "$tmp/page" &&
    grep -q 'type="application/atom+xml"' "$tmp/page" && grep -q 'property="og:title"' "$tmp/page"; then
	ok "a page has canonical, hreflang, Open Graph and feed autodiscovery links"
else
	notok "a page lacks canonical, hreflang, Open Graph or feed links"
fi
st=$(get /badge/PT9999.svg "$tmp/out")
[ "$st" = 404 ] && ok "an unknown commitment has no badge (404)" || notok "unknown badge: status $st"
echo "1..$n"
exit $fail
