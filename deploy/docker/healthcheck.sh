#!/bin/bash
# deltadb-healthcheck: the image's HEALTHCHECK. $DELTADB_HEALTHCHECK is what to
# probe: an http:// URL (deltadb, main-worker: /health on the REST port) that
# must answer 2xx, or tcp://HOST:PORT (proc-worker, which serves only gRPC)
# that must accept a connection.
set -euo pipefail
target="${DELTADB_HEALTHCHECK:-http://127.0.0.1:8080/health}"
case "$target" in
  http://* | https://*) exec curl -fsS --max-time 2 -o /dev/null "$target" ;;
  tcp://*)
    hostport="${target#tcp://}"
    exec timeout 2 bash -c "exec 3<>/dev/tcp/${hostport%:*}/${hostport##*:}" ;;
  *) echo "DELTADB_HEALTHCHECK must be http://... or tcp://host:port, not '$target'" >&2; exit 2 ;;
esac
