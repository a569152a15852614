#!/usr/bin/env bash
# Installs what `make test` needs on a fresh Debian machine. Idempotent: each
# step is skipped when its tool is already there.
set -euo pipefail

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

need_apt=()
pkg-config --exists openssl 2>/dev/null || need_apt+=(libssl-dev pkg-config)
command -v tsc >/dev/null 2>&1 || need_apt+=(node-typescript)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)  # the TLS test makes a throw-away CA
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "install-deps: apt-get install ${need_apt[*]}"
  apt_install "${need_apt[@]}"
fi

python3 - <<'PY' || { echo "install-deps: pip install test packages"; python3 -m pip install -q --disable-pip-version-check -r scripts/requirements-test.txt; }
import importlib, sys
missing = []
for mod in ("pytest", "jsonschema", "pydantic", "schemathesis", "google.protobuf", "grpc_tools", "grpc", "cryptography", "moto.server", "flask", "werkzeug"):
    try:
        importlib.import_module(mod)
    except ImportError:
        missing.append(mod)
sys.exit(1 if missing else 0)
PY
echo "install-deps: ok"
