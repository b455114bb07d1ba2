#!/bin/bash
# tests/snapshot.sh URL DIR: fetch the public addresses of a running site into DIR
# (one file per address, body only, with its status and content type in DIR/index),
# so that two builds can be compared byte for byte: every address of the sitemap in
# both languages, with their JSON, CSV, Atom and iCalendar forms, the open-data files,
# and a set of searches and filtered listings.  Compare two runs with `diff -r`.
set -euo pipefail
base=${1:?usage: snapshot.sh URL DIR}
out=${2:?usage: snapshot.sh URL DIR}
mkdir -p "$out"
: >"$out/index"

# fetch PATH: save PATH's body; record status and type.
fetch() {
	local name meta
	name=$(printf '%s' "$1" | sed -e 's|[/?&=:]|_|g')
	meta=$(curl -sS --max-time 20 -o "$out/$name" -w '%{http_code} %{content_type}' \
		-H 'Accept-Encoding: identity' "$base$1") || meta='curl-failed'
	printf '%s %s\n' "$1" "$meta" >>"$out/index"
}

addrs=$(curl -fsS --max-time 20 "$base/sitemap.xml" |
	grep -o '<loc>[^<]*</loc>' | sed -e 's|<loc>https\?://[^/]*||' -e 's|</loc>||')
{
	printf '%s\n' /robots.txt /sitemap.xml /data/catalog.jsonld
	for a in $addrs; do
		printf '%s\n' "$a"
		case $a in
		*/plans/[0-9]* | */commitments/*) printf '%s\n' "$a.json" "$a.csv" ;;
		esac
		case $a in
		*/plans/[0-9]* | */commitments/* | */members/?*) printf '%s\n' "$a/feed.atom" ;;
		esac
		case $a in */events/[0-9]*) printf '%s\n' "$a/calendar.ics" ;; esac
	done
	for l in pt en; do
		printf '%s\n' "/$l/feed.atom" "/$l/events/calendar.ics" "/$l/data" \
			"/$l/search?q=dados" "/$l/search?q=transpar%C3%AAncia" "/$l/search?q=abertos&page=2" \
			"/$l/commitments?status=completed" "/$l/commitments?plan=3" \
			"/$l/commitments.json?plan=2" "/$l/commitments.csv?status=ongoing" \
			"/$l/commitments?value=transparency" "/$l/plans.json" "/$l/plans.csv" \
			"/$l/network.json" "/$l/events.json" "/$l/consultations.json"
	done
	curl -fsS --max-time 20 "$base/data/catalog.jsonld" | grep -o '"[^"]*/data/[a-z0-9_.-]*"' |
		sed -e 's|"[a-z]*://[^/]*||' -e 's|"||g' | sort -u
} | sort -u | while read -r p; do fetch "$p"; done
echo "$(wc -l <"$out/index") addresses in $out"
