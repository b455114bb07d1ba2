#!/bin/sh
# A stand-in for sendmail in the browser tests (ABERTA_SENDMAIL): keeps each message the
# site sends as a file in $MAIL_DIR, for flows.js to read the confirmation link.
set -eu
f=$MAIL_DIR/$(date +%s%N)-$$.eml
cat >"$f.tmp"
mv "$f.tmp" "$f"
