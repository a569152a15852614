#!/usr/bin/env bash
# Installs what the console's browser tests need on a fresh Debian machine:
# Debian's chromium + chromium-driver (headless) and, from PyPI, pytest, Selenium
# and selenium-axe-python (which bundles axe-core). Idempotent: each step is
# skipped when its tool is already there. Called by Tests/System/test_console.py.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
# Fonts so screenshots show text the way a user's machine would.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "install-browser: apt-get install ${need_apt[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

python3 - <<'PY' || { echo "install-browser: pip install -r requirements-console.txt"; python3 -m pip install -q --disable-pip-version-check -r requirements-console.txt; }
import importlib, sys
missing = [m for m in ("pytest", "selenium", "selenium_axe_python") if importlib.util.find_spec(m) is None]
sys.exit(1 if missing else 0)
PY
echo "install-browser: ok"
