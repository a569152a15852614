#!/usr/bin/env bash
# `make test-deploy`: the container tests. Installs podman and friends and makes
# the local base image (deploy/scripts/setup-podman.sh, cached), builds the
# runtime image from the binaries `make test` built (.build/release if it has
# all three, else .build/debug: no extra Swift build), then runs Tests/Deploy:
# the image (metadata, non-root, health check, clean SIGTERM stop, data in the
# volume, no baked-in secret) and the compose split scenario (a Processing
# Worker container killed, reads keep working).
#
#   scripts/test-deploy.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHON="${PYTHON:-python3}"
export DELTADB_IMAGE="${DELTADB_IMAGE:-localhost/deltadatabase:test}"
export PROMETHEUS_IMAGE="${PROMETHEUS_IMAGE:-localhost/deltadb-prometheus:test}"
stage() { printf '\n==> %s (%ss)\n' "$*" "$SECONDS"; }

stage "test dependencies (scripts/install-deps.sh: pytest, boto3 through moto)"
scripts/install-deps.sh

stage "podman, buildah, runc, debootstrap, podman-compose and the base image"
deploy/scripts/setup-podman.sh

for product in deltadb main-worker proc-worker; do
  if [ ! -x ".build/release/$product" ] && [ ! -x ".build/debug/$product" ]; then
    stage "build $product (debug)"
    swift build --product "$product"
  fi
done

stage "image $DELTADB_IMAGE"
deploy/scripts/build-image.sh "$DELTADB_IMAGE"

stage "image $PROMETHEUS_IMAGE (Debian's prometheus, for compose.monitoring.yml)"
deploy/scripts/build-prometheus-image.sh "$PROMETHEUS_IMAGE"

stage "container tests (pytest Tests/Deploy)"
"$PYTHON" -m pytest -c Tests/Deploy/pytest.ini --rootdir Tests/Deploy Tests/Deploy "$@"

stage "container tests passed"
