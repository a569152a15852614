#!/usr/bin/env bash
# make-secrets.sh [DIR]: creates the secrets the compose scenarios mount, in DIR
# (default deploy/compose/secrets, which git ignores). Never overwrites a file
# that exists, so running it again keeps the keys your data is sealed with.
#
#   DIR/deltadb/    admin-key, master-key              (all-in-one, S3)
#   DIR/main/       admin-key, master-key, worker-secret, tls.crt, tls.key, ca.crt
#   DIR/proc-N/     worker-secret, tls.crt, tls.key, ca.crt   (N = 1..3)
#   DIR/ca/         ca.crt, ca.key: a throw-away CA for gRPC mutual TLS between
#                   the workers. In production, issue the certificates from your
#                   own CA (docs/deploy.md, "TLS between workers").
#
# Files are mode 0600 and owned by uid 10001, the image's user (the entrypoint
# copies them to a private directory; the binaries refuse key files others can read).
set -euo pipefail
dir="${1:-$(dirname "$0")/secrets}"
umask 077
mkdir -p "$dir/ca" "$dir/deltadb" "$dir/main" "$dir/proc-1" "$dir/proc-2" "$dir/proc-3"

new() { [ -s "$1" ] || "${@:2}" >"$1"; }
random_secret() { openssl rand -base64 33 | tr '+/' '-_'; }
new "$dir/main/admin-key" random_secret
new "$dir/main/master-key" openssl rand -hex 32
new "$dir/main/worker-secret" random_secret
new "$dir/deltadb/admin-key" random_secret
new "$dir/deltadb/master-key" openssl rand -hex 32

if [ ! -s "$dir/ca/ca.key" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=DeltaDatabase workers CA" \
    -keyout "$dir/ca/ca.key" -out "$dir/ca/ca.crt" 2>/dev/null
fi
for node in main proc-1 proc-2 proc-3; do
  cp "$dir/ca/ca.crt" "$dir/$node/ca.crt"
  [ "$node" = main ] || cp "$dir/main/worker-secret" "$dir/$node/worker-secret"
  [ -s "$dir/$node/tls.crt" ] && continue
  openssl req -newkey rsa:2048 -nodes -subj "/CN=deltadb-$node" -keyout "$dir/$node/tls.key" -out "$dir/$node/tls.csr" 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:%s\n' "$node" >"$dir/$node/ext"
  openssl x509 -req -in "$dir/$node/tls.csr" -CA "$dir/ca/ca.crt" -CAkey "$dir/ca/ca.key" -CAcreateserial \
    -days 825 -extfile "$dir/$node/ext" -out "$dir/$node/tls.crt" 2>/dev/null
  rm -f "$dir/$node/tls.csr" "$dir/$node/ext"
done
chmod 0600 "$dir"/*/*
# Rootful podman keeps host ownership in bind mounts; as another user (rootless
# podman maps ids differently) leave the files yours and see docs/deploy.md.
if [ "$(id -u)" = 0 ]; then
  chown -R 10001:10001 "$dir/deltadb" "$dir/main" "$dir"/proc-*
fi
echo "make-secrets: $dir"
