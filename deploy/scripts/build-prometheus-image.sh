#!/usr/bin/env bash
# build-prometheus-image.sh [TAG]: a Prometheus image (default
# localhost/deltadb-prometheus:dev) from this machine's Debian `prometheus`
# binary on the base image setup-podman.sh makes (deploy/monitoring/
# Containerfile.prometheus). For machines that cannot pull docker.io/prom/prometheus;
# use it with PROMETHEUS_IMAGE=<tag> podman-compose -f deploy/compose/compose.monitoring.yml up -d
set -euo pipefail
cd "$(dirname "$0")/../.."
tag="${1:-localhost/deltadb-prometheus:dev}"
binary=$(command -v prometheus || true)
if [ -z "$binary" ]; then
  echo "build-prometheus-image: no prometheus binary; apt-get install prometheus (scripts/install-deps.sh does)" >&2
  exit 1
fi
context=$(mktemp -d /var/tmp/deltadb-prometheus.XXXXXX)
trap 'rm -rf "$context"' EXIT
cp "$binary" "$context/prometheus"
podman build --quiet --format docker --pull=never \
  --build-arg BASE_IMAGE="${BASE_IMAGE:-localhost/deltadb-base:bookworm}" \
  -t "$tag" -f deploy/monitoring/Containerfile.prometheus "$context" >/dev/null
echo "build-prometheus-image: $tag"
