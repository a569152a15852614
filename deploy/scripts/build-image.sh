#!/usr/bin/env bash
# build-image.sh [TAG] [BINDIR]: builds the DeltaDatabase runtime image TAG
# (default localhost/deltadatabase:dev) with podman from the binaries in BINDIR
# (default: .build/release if it has all three, else .build/debug), on the base
# image setup-podman.sh makes. No network is needed during the build.
set -euo pipefail
cd "$(dirname "$0")/../.."
tag="${1:-localhost/deltadatabase:dev}"
context=$(mktemp -d /var/tmp/deltadb-context.XXXXXX)
trap 'rm -rf "$context"' EXIT
deploy/docker/stage.sh "$context" ${2:+"$2"}
# --format docker keeps HEALTHCHECK and STOPSIGNAL (OCI images have no health check).
podman build --quiet --format docker --pull=never \
  --build-arg BASE_IMAGE="${BASE_IMAGE:-localhost/deltadb-base:bookworm}" \
  -t "$tag" -f "$context/Containerfile" "$context" >/dev/null
echo "build-image: $tag ($(podman image inspect --format '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}'))"
