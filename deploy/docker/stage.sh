#!/usr/bin/env bash
# stage.sh CONTEXT [BINDIR]: makes the build context of deploy/docker/Containerfile
# in CONTEXT from binaries built on this host: bin/ (deltadb, main-worker,
# proc-worker from BINDIR, default .build/release if it has all three, else
# .build/debug; debug info stripped), lib/ (the Swift runtime libraries they
# link, found with ldd) and the entrypoint and health-check scripts.
set -euo pipefail
cd "$(dirname "$0")/../.."
context="${1:?usage: stage.sh CONTEXT [BINDIR]}"
binaries=(deltadb main-worker proc-worker)
bindir="${2:-}"
if [ -z "$bindir" ]; then
  bindir=.build/debug
  [ -x .build/release/deltadb ] && [ -x .build/release/main-worker ] && [ -x .build/release/proc-worker ] && bindir=.build/release
fi
for binary in "${binaries[@]}"; do
  [ -x "$bindir/$binary" ] || { echo "stage.sh: $bindir/$binary is missing: swift build --product $binary" >&2; exit 1; }
done
rm -rf "$context"
mkdir -p "$context/bin" "$context/lib"
for binary in "${binaries[@]}"; do
  strip --strip-debug -o "$context/bin/$binary" "$bindir/$binary"
  # Libraries outside the Debian base: the Swift runtime (everything ldd finds
  # outside /lib and /usr/lib; the base image has libssl3, libxml2, libicu, zlib).
  ldd "$bindir/$binary" | awk '$3 ~ /^\// && $3 !~ /^\/(usr\/)?lib\// {print $3}' |
    while read -r lib; do cp -u "$lib" "$context/lib/"; done
done
if ldd "$bindir/deltadb" | grep -q 'not found'; then
  ldd "$bindir/deltadb" | grep 'not found' >&2; exit 1
fi
cp deploy/docker/entrypoint.sh deploy/docker/healthcheck.sh deploy/docker/Containerfile "$context/"
echo "stage.sh: $context from $bindir ($(du -sh "$context" | cut -f1))"
