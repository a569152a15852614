#!/usr/bin/env bash
# `make test`: installs what it needs, builds, runs every suite. Exits non-zero on
# the first failing stage and says which.
set -euo pipefail
cd "$(dirname "$0")/.."
stage() { printf '\n==> %s\n' "$*"; }

stage "dependencies"
scripts/install-deps.sh

stage "build (debug, with tests)"
swift build --build-tests

stage "generated code is in sync with spec/"
.build/debug/deltadb-codegen check --root .

stage "Swift tests (S3 cases against a local moto server)"
# The S3 store runs the same conformance suite as the file and memory stores; it
# needs an S3 API, so a moto server is started on 127.0.0.1 and stopped on exit.
eval "$(scripts/start_moto.sh --env)"
trap 'scripts/start_moto.sh --stop "$MOTO_PID"' EXIT
export DELTADB_S3_ENDPOINT
swift test --skip-build --parallel --num-workers 2 2>&1 | tee .build/swift-test.log | grep -E '^(✘|✔ Suite|􀢄|.*error|.*Test run|.*[0-9]+ tests)' || true
if ! grep -qE 'Test run with [0-9]+ tests? (in [0-9]+ suites? )?passed' .build/swift-test.log; then
  echo "Swift tests failed:"; grep -E '✘|error|failed' .build/swift-test.log | head -50
  exit 1
fi

if [ -f scripts/schema_differential.py ]; then
  stage "JSON Schema validator vs Python jsonschema (differential)"
  python3 scripts/schema_differential.py
fi

stage "schema export: generated Pydantic and TypeScript agree with the validator"
DELTADB_CODEGEN="$PWD/.build/debug/deltadb-codegen" python3 scripts/schema_export_check.py

stage "SIGKILL crash harness (acknowledged writes survive, nothing torn)"
DELTADB_BIN="$PWD/.build/debug/deltadb" python3 scripts/crash_harness.py

stage "gRPC: a standard grpcio client against main-worker + proc-worker (Subscribe, key vending, Process)"
MAIN_WORKER_BIN="$PWD/.build/debug/main-worker" PROC_WORKER_BIN="$PWD/.build/debug/proc-worker" python3 scripts/grpc_interop.py

stage "split mode: 1 main-worker + 3 proc-workers, failover after kill -9, restart, coherence"
MAIN_WORKER_BIN="$PWD/.build/debug/main-worker" PROC_WORKER_BIN="$PWD/.build/debug/proc-worker" python3 scripts/cluster_test.py

stage "mutual TLS between workers and for gRPC clients (-tls-cert/-tls-key/-tls-ca)"
# GRPC_VERBOSITY: grpcio's C core would log the refused handshakes the test provokes.
GRPC_VERBOSITY=NONE MAIN_WORKER_BIN="$PWD/.build/debug/main-worker" PROC_WORKER_BIN="$PWD/.build/debug/proc-worker" \
  python3 scripts/tls_test.py

stage "key rotation: A → B with A previous → deltadb rewrap → B alone, in split mode"
MAIN_WORKER_BIN="$PWD/.build/debug/main-worker" PROC_WORKER_BIN="$PWD/.build/debug/proc-worker" \
  DELTADB_BIN="$PWD/.build/debug/deltadb" python3 scripts/rotation_test.py

stage "start-up conflicts: a second server next to an all-in-one is refused, checking servers share; a taken port"
DELTADB_BIN="$PWD/.build/debug/deltadb" python3 scripts/startup_conflicts_test.py

stage "secrets and plaintext never reach the server log"
DELTADB_BIN="$PWD/.build/debug/deltadb" python3 scripts/log_hygiene.py

stage "schemathesis against spec/openapi.yaml (bounded): no 5xx, no response outside the spec"
DELTADB_BIN="$PWD/.build/debug/deltadb" python3 scripts/fuzz_api.py

stage "Python and TypeScript clients against a live server"
DELTADB_BIN="$PWD/.build/debug/deltadb" clients/run-client-tests.sh

stage "all stages passed"
