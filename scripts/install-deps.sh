#!/usr/bin/env bash
# Installs what `make test` needs on a fresh Debian machine, and brings a machine
# that has some of it up to date. Idempotent and quick when nothing is missing.
#
#   System packages (apt): OpenSSL headers, pkg-config, tsc, node, openssl CLI,
#     curl and jq (the curl chat example), iproute2 (ip netns: test_multihost),
#     Prometheus (prometheus, promtool);
#     each only when its tool is missing.
#   Python packages: every one in Tests/System/requirements.txt, through
#     `pip install -r`, which installs what is missing, upgrades what is older than
#     the file allows and leaves the rest alone. $PYTHON selects the interpreter
#     (default python3; e.g. a virtual environment's).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
REQUIREMENTS=Tests/System/requirements.txt

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
command -v curl >/dev/null 2>&1 || need_apt+=(curl)  # examples/chat/curl
command -v jq >/dev/null 2>&1 || need_apt+=(jq)      # examples/chat/curl
command -v ip >/dev/null 2>&1 || need_apt+=(iproute2)  # test_multihost: network namespaces as hosts
"$PYTHON" -m pip --version >/dev/null 2>&1 || need_apt+=(python3-pip)
# test_monitoring runs a real Prometheus and promtool against deploy/monitoring/.
{ command -v prometheus && command -v promtool; } >/dev/null 2>&1 || need_apt+=(prometheus)
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "install-deps: apt-get install ${need_apt[*]}"
  apt_install "${need_apt[@]}"
fi

pip_install() {
  PIP_ROOT_USER_ACTION=ignore "$PYTHON" -m pip install --quiet --disable-pip-version-check "$@"
}
# A Debian python3 refuses to install outside a virtual environment (PEP 668)
# unless told to; the tests need the packages in the interpreter that runs them.
pip_install -r "$REQUIREMENTS" 2>/dev/null || pip_install --break-system-packages -r "$REQUIREMENTS"
echo "install-deps: ok"
