#!/usr/bin/env bash
# Installs what `make bench` needs on a fresh Debian machine: wrk (HTTP load),
# nginx (the HTTP ceiling), etcd (the durable key-value reference) and gcc (the
# atomic-replace ceiling is a small C program). Idempotent: a package is
# installed only when its command is missing.
#
# The benchmark starts its own nginx and etcd on loopback with temporary
# configurations; the packages' system services are not wanted. While this
# script installs them, a temporary /usr/sbin/policy-rc.d (the Debian
# mechanism for it) keeps the package scripts from starting those services,
# unless the machine already has a policy-rc.d, which is then left alone.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ]; then
  SUDO="sudo"
fi

need_apt=()
command -v wrk >/dev/null 2>&1 || need_apt+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)
command -v etcd >/dev/null 2>&1 || [ -x /usr/bin/etcd ] || need_apt+=(etcd-server)
command -v gcc >/dev/null 2>&1 || need_apt+=(gcc)

if [ "${#need_apt[@]}" -eq 0 ]; then
  echo "install-bench-deps: ok"
  exit 0
fi

echo "install-bench-deps: apt-get install ${need_apt[*]}"
policy=/usr/sbin/policy-rc.d
made_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# temporary, from bench/install-bench-deps.sh: do not start services\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod 755 "$policy"
  made_policy=1
fi
cleanup() {
  if [ "$made_policy" = 1 ]; then
    $SUDO rm -f "$policy"
  fi
}
trap cleanup EXIT

$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
echo "install-bench-deps: ok"
