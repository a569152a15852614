#!/usr/bin/env bash
# Runs the Python and TypeScript client suites against a live server. They are
# part of the system tests (Tests/System/test_clients.py, which starts the
# server); this runs just them.
#
#   DELTADB_BIN=/path/to/deltadb clients/run-client-tests.sh [pytest arguments]
#
# DELTADB_BIN defaults to the repository's debug build; `make deps` installs
# what the suites need (pytest, tsc, ...). Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
exec "${PYTHON:-python3}" -m pytest Tests/System/test_clients.py "$@"
