#!/usr/bin/env bash
# Installs what the console's browser tests (test_console.py) need on a fresh
# Debian machine: Debian's chromium + chromium-driver (run headless) and a font,
# and the Selenium and axe packages of requirements.txt. Idempotent and quick
# when everything is there; test_console.py calls it before starting the browser.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
# Text in screenshots needs a font; Debian's chromium does not pull one in.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "install-browser: apt-get install ${need_apt[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if ! "$PYTHON" -c 'import selenium, selenium_axe_python' 2>/dev/null; then
  echo "install-browser: pip install selenium selenium-axe-python (from requirements.txt)"
  grep -E '^selenium' requirements.txt | sed 's/ *#.*//' > "${TMPDIR:-/tmp}/console-browser-requirements.txt"
  pip_install() { PIP_ROOT_USER_ACTION=ignore "$PYTHON" -m pip install --quiet --disable-pip-version-check "$@"; }
  pip_install -r "${TMPDIR:-/tmp}/console-browser-requirements.txt" 2>/dev/null \
    || pip_install --break-system-packages -r "${TMPDIR:-/tmp}/console-browser-requirements.txt"
fi
echo "install-browser: ok"
