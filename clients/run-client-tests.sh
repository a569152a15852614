#!/usr/bin/env bash
# Runs the Python and TypeScript client suites against a live server.
#
#   DELTADB_BIN=/path/to/deltadb clients/run-client-tests.sh
#
# DELTADB_BIN defaults to the repository's debug build. Installs what it needs
# idempotently: the Python package (and pytest) into the current python3, and
# Debian's node-typescript when `tsc` is missing. Each suite starts its own
# server on a free loopback port. Exits non-zero if anything fails.
set -euo pipefail
clients="$(cd "$(dirname "$0")" && pwd)"
export DELTADB_BIN="${DELTADB_BIN:-$clients/../.build/debug/deltadb}"
stage() { printf '\n==> %s\n' "$*"; }

if [ ! -x "$DELTADB_BIN" ]; then
  echo "run-client-tests: no server binary at $DELTADB_BIN (build it, or set DELTADB_BIN)" >&2
  exit 1
fi

stage "install the Python client"
PIP_ROOT_USER_ACTION=ignore python3 -m pip install -q --disable-pip-version-check "$clients/python" pytest

if ! command -v tsc >/dev/null 2>&1; then
  stage "install tsc (node-typescript)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq node-typescript >/dev/null \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq node-typescript >/dev/null; }
fi

status=0

stage "Python client tests (pytest)"
# Run outside clients/python so the installed package, not the source tree, is imported.
(cd "$clients" && python3 -m pytest -q -p no:cacheprovider python/tests) || status=1

stage "compile the TypeScript client ($(tsc --version))"
rm -rf "$clients/typescript/dist"
(cd "$clients/typescript" && tsc -p .) || { echo "tsc failed" >&2; exit 1; }

stage "TypeScript client tests (node --test)"
(cd "$clients/typescript" && node --test test/*.test.mjs) || status=1

if [ "$status" -ne 0 ]; then
  echo "run-client-tests: FAILED" >&2
fi
exit "$status"
