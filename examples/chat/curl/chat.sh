#!/usr/bin/env bash
# Appends messages to a chat session entity with curl and jq, safely next to other
# appenders: read the session and its ETag, append, write back with If-Match; on
# 412 (someone else wrote in between) read again and retry, so no message is lost.
#
#   DELTADB_TOKEN=<key> examples/chat/curl/chat.sh http://127.0.0.1:8080 chatdb session_001 alice 10
set -euo pipefail
if [ $# -ne 5 ]; then
  echo "usage: chat.sh <url> <database> <session> <author> <count>" >&2
  exit 2
fi
url=$1 database=$2 session=$3 author=$4 count=$5
# The token goes to curl through a header file, never on its command line.
auth=$(mktemp)
body=$(mktemp)
headers=$(mktemp)
trap 'rm -f "$auth" "$body" "$headers"' EXIT
printf 'Authorization: Bearer %s\n' "${DELTADB_TOKEN:-}" >"$auth"
key=$(jq -rn --arg k "$session" '$k|@uri')

append() {  # $1: the message content; prints how many retries it took
  local message=$1 attempt status etag condition
  for attempt in $(seq 0 999); do
    status=$(curl -sS -o "$body" -D "$headers" -w '%{http_code}' -H @"$auth" "$url/entity/$database?key=$key")
    if [ "$status" = 200 ]; then
      etag=$(tr -d '\r' <"$headers" | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p')
      condition="If-Match: $etag"
    elif [ "$status" = 404 ]; then
      echo '{"messages":[]}' >"$body"
      condition="If-None-Match: *"   # a new session: create it only if it still does not exist
    else
      echo "GET answered $status: $(cat "$body")" >&2
      return 1
    fi
    jq -c --arg s "$session" --arg c "$message" '{($s): (.messages += [{role: "user", content: $c}])}' "$body" >"$body.put"
    status=$(curl -sS -o "$body" -w '%{http_code}' -X PUT -H @"$auth" -H 'Content-Type: application/json' \
      -H "$condition" --data-binary @"$body.put" "$url/entity/$database")
    rm -f "$body.put"
    if [ "$status" = 200 ]; then
      echo "$attempt"
      return 0
    elif [ "$status" != 412 ]; then   # anything but "another appender won" is a real error
      echo "PUT answered $status: $(cat "$body")" >&2
      return 1
    fi
  done
  echo "gave up after 1000 conflicts" >&2
  return 1
}

retries=0
for index in $(seq 1 "$count"); do
  retries=$((retries + $(append "$author-$index")))
done
echo "$author: appended $count messages ($retries retries after 412)"
