#!/usr/bin/env bash
# Starts moto's S3-compatible server on 127.0.0.1 (loopback only) for the S3 storage
# tests and prints its endpoint (http://127.0.0.1:PORT) on stdout.
#
#   eval "$(scripts/start_moto.sh --env)"   # exports DELTADB_S3_ENDPOINT and MOTO_PID
#   scripts/start_moto.sh --stop PID        # stops a server this script started
#
# moto comes from Tests/System/requirements.txt (`make deps`); $PYTHON selects the
# interpreter that has it (default python3). The server keeps everything in
# memory; logs go to ${MOTO_LOG:-/tmp/deltadb-moto.log}.
set -euo pipefail
PYTHON="${PYTHON:-python3}"

if [ "${1:-}" = "--stop" ]; then
  pid="${2:?usage: start_moto.sh --stop PID}"
  kill "$pid" 2>/dev/null || exit 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  exit 0
fi

if ! "$PYTHON" -c 'import moto.server, flask, werkzeug' >/dev/null 2>&1; then
  echo "moto[server] is not installed for $PYTHON; run make deps (scripts/install-deps.sh)" >&2
  exit 1
fi

port="$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="${MOTO_LOG:-/tmp/deltadb-moto.log}"
"$PYTHON" -m moto.server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
pid=$!
endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  if "$PYTHON" - "$endpoint" >/dev/null 2>&1 <<'PY'
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(sys.argv[1] + "/", timeout=1)
except urllib.error.HTTPError:
    pass  # any HTTP answer means the server is up
PY
  then
    if [ "${1:-}" = "--env" ]; then
      echo "export DELTADB_S3_ENDPOINT=$endpoint MOTO_PID=$pid"
    else
      echo "$endpoint"
    fi
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "moto server exited; see $log" >&2
    exit 1
  fi
  sleep 0.2
done
kill "$pid" 2>/dev/null || true
echo "moto server did not answer on $endpoint within 20 s; see $log" >&2
exit 1
