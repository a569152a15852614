#!/usr/bin/env bash
# `make test`: installs what it needs, builds, runs every suite. Exits non-zero on
# the first failing stage and says which.
#
#   scripts/test.sh                 # everything
#   scripts/test.sh -k cluster      # pytest arguments select system tests (the Swift stages still run)
#
# The system tests alone, on binaries already built:
#   python3 -m pytest Tests/System -k cluster
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHON="${PYTHON:-python3}"  # the interpreter for deps, moto and pytest
stage() { printf '\n==> %s\n' "$*"; }

stage "dependencies"
scripts/install-deps.sh

stage "build (debug, with tests)"
swift build --build-tests

stage "generated code is in sync with spec/ and console/"
.build/debug/deltadb-codegen check --root .
console/build.sh --check

stage "Swift tests (S3 cases against a local moto server)"
# The S3 store runs the same conformance suite as the file and memory stores; it
# needs an S3 API, so a moto server is started on 127.0.0.1 and stopped on exit.
moto_env="$(scripts/start_moto.sh --env)"  # a failed start stops here (set -e)
eval "$moto_env"
trap 'scripts/start_moto.sh --stop "$MOTO_PID"' EXIT
export DELTADB_S3_ENDPOINT
MOTO_ENDPOINT="$DELTADB_S3_ENDPOINT"
# The full log goes to .build/swift-test.log; the terminal gets the failures and
# the summary. `swift test`'s exit status decides; a run that exits 0 without
# swift-testing's "passed" summary fails too.
set +e
swift test --skip-build --parallel --num-workers 2 2>&1 | tee .build/swift-test.log \
  | grep -E '^(✘|✔ Suite|􀢄|.*error|.*Test run|.*[0-9]+ tests)'
swift_status=${PIPESTATUS[0]}
set -e
if [ "$swift_status" -ne 0 ] \
  || ! grep -qE 'Test run with [0-9]+ tests? (in [0-9]+ suites? )?passed' .build/swift-test.log; then
  echo "Swift tests failed (swift test exited with $swift_status):"
  grep -E '✘|error|failed' .build/swift-test.log | head -50
  exit 1
fi

stage "Swift S3 tests again, against SeaweedFS (a distributed store: master, volume server, filer, S3 gateway)"
# moto is a model of S3; SeaweedFS is what a deployment may really run on. Every
# suite that talks to a bucket runs against both: the entity store's conformance
# suite, the shared documents (keys, schemas, bindings), backups and the importer.
seaweedfs_env="$(scripts/start_seaweedfs.sh --env)"  # a failed start stops here (set -e)
eval "$seaweedfs_env"  # sets DELTADB_S3_ENDPOINT: keep moto's for later stages
SEAWEEDFS_ENDPOINT="$DELTADB_S3_ENDPOINT"
DELTADB_S3_ENDPOINT="$MOTO_ENDPOINT"
trap 'scripts/start_moto.sh --stop "$MOTO_PID"; scripts/start_seaweedfs.sh --stop "${SEAWEEDFS_PID:-}"' EXIT
[ "$SEAWEEDFS_ENDPOINT" != "$MOTO_ENDPOINT" ] || { echo "SeaweedFS did not start its own endpoint" >&2; exit 1; }
s3_suites='EntityStoreConformance|S3EntityStore|S3ConformanceSetup|S3StorageServer|S3Backup|S3OriginalSource|SharedDocuments|S3Documents'
set +e
DELTADB_S3_ENDPOINT="$SEAWEEDFS_ENDPOINT" swift test --skip-build --filter "$s3_suites" 2>&1 \
  | tee .build/swift-test-seaweedfs.log | grep -E '^(✘|✔ Suite|.*Test run)'
seaweed_status=${PIPESTATUS[0]}
set -e
if [ "$seaweed_status" -ne 0 ] \
  || ! grep -qE 'Test run with [0-9]+ tests? (in [0-9]+ suites? )?passed' .build/swift-test-seaweedfs.log; then
  echo "Swift S3 tests against SeaweedFS failed (exit $seaweed_status); see .build/swift-test-seaweedfs.log"
  exit 1
fi

stage "fuzz targets (libFuzzer, 10 s each: JSON, JSON Schema, regex, JSON Patch, proto parser)"
# Each target replays its seed corpus and then explores for a bounded time; a
# crash, hang or out-of-memory input fails the stage (scripts/fuzz.sh says where
# the input was saved). `make fuzz` runs them longer.
scripts/fuzz.sh --seconds "${DELTADB_FUZZ_SECONDS:-10}"

stage "system tests (pytest Tests/System: crash, cluster, gRPC, TLS, rotation, start-up, logs, fuzz, schemas, clients)"
# pytest exits non-zero on any failure and when no test was collected or selected.
DELTADB_SWIFT_TEST_CMD="${DELTADB_SWIFT_TEST_CMD:-swift test --skip-build --filter SchemaDifferentialTests}" \
  "$PYTHON" -m pytest Tests/System "$@"

stage "all stages passed"
