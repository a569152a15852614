#!/usr/bin/env bash
# Builds the web console (`make console`):
#   1. console/src/generated/operations.ts   from spec/openapi.yaml (the Explorer's list)
#   2. console/build/app.js                  tsc: console/src + clients/typescript/src, one AMD file
#   3. Sources/ConsoleAssets/Generated/ConsoleAssets.swift
#                                            every asset embedded, with content-hashed names
# Both generated files are committed, so `make run` needs no TypeScript compiler.
#
# console/build.sh --check   rebuilds into a temporary folder and fails if either
#                            committed file differs (the drift check of `make test`).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT_OUT=Sources/ConsoleAssets/Generated/ConsoleAssets.swift
OPS_OUT=console/src/generated/operations.ts

if ! command -v tsc >/dev/null 2>&1; then
  echo "console/build.sh: tsc not found; install it with: apt-get install -y node-typescript" >&2
  exit 1
fi

check=0
[ "${1:-}" = "--check" ] && check=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 console/generate.py operations spec/openapi.yaml "$work/operations.ts"
if [ "$check" = 1 ]; then
  if ! cmp -s "$work/operations.ts" "$OPS_OUT"; then
    echo "console/build.sh --check: $OPS_OUT is out of date with spec/openapi.yaml; run make console" >&2
    diff -u "$OPS_OUT" "$work/operations.ts" | head -40 >&2 || true
    exit 1
  fi
else
  cp "$work/operations.ts" "$OPS_OUT"
fi

tsc -p console/tsconfig.json --outFile "$work/app.js"
python3 console/generate.py assets "$work/app.js" "$work/ConsoleAssets.swift"

if [ "$check" = 1 ]; then
  if ! cmp -s "$work/ConsoleAssets.swift" "$SWIFT_OUT"; then
    echo "console/build.sh --check: $SWIFT_OUT differs from a fresh build of console/; run make console and commit" >&2
    diff -u "$SWIFT_OUT" "$work/ConsoleAssets.swift" | grep -E '^[-+]' | cut -c1-160 | head -20 >&2 || true
    exit 1
  fi
  echo "console: generated files are up to date"
else
  mkdir -p console/build "$(dirname "$SWIFT_OUT")"
  cp "$work/app.js" console/build/app.js
  cp "$work/ConsoleAssets.swift" "$SWIFT_OUT"
  echo "console: wrote $OPS_OUT, console/build/app.js and $SWIFT_OUT ($(wc -c < "$SWIFT_OUT") bytes)"
fi
