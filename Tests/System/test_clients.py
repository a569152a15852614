"""The clients' own suites against one live `deltadb` from this suite's launcher
(passed in $DELTADB_TEST_URL and $DELTADB_TEST_ADMIN_KEY):

* clients/python/tests under pytest, with the package built and installed from
  clients/python into a temporary directory, so the packaged client is tested;
* clients/typescript compiled with tsc, then test/*.test.mjs under node --test.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

import pytest

from support.processes import ROOT

CLIENTS = os.path.join(ROOT, "clients")
TYPESCRIPT = os.path.join(CLIENTS, "typescript")


def output(result):
    return (result.stdout + result.stderr)[-20000:]


@pytest.fixture(scope="module")
def client_environment(start_deltadb):
    server = start_deltadb(log_level="info")
    return dict(os.environ, DELTADB_TEST_URL=server.url, DELTADB_TEST_ADMIN_KEY=server.admin_key)


@pytest.fixture(scope="module")
def typescript_dist():
    """Compiles the TypeScript client into clients/typescript/dist."""
    if not shutil.which("tsc"):
        pytest.fail("tsc not found (Debian: apt-get install node-typescript; make deps)", pytrace=False)
    shutil.rmtree(os.path.join(TYPESCRIPT, "dist"), ignore_errors=True)
    result = subprocess.run(["tsc", "-p", "."], cwd=TYPESCRIPT, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        pytest.fail(f"tsc -p clients/typescript failed:\n{output(result)}", pytrace=False)


def test_python_client_suite(client_environment, tmp_path):
    site = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                              "--no-deps", "--no-build-isolation", "--target", str(site), os.path.join(CLIENTS, "python")],
                             capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, f"pip install clients/python failed:\n{output(install)}"
    # From clients/, so that the installed package, not the source tree, is imported.
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "python/tests"],
                            cwd=CLIENTS, env=dict(client_environment, PYTHONPATH=str(site)),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"the Python client suite failed:\n{output(result)}"
    assert re.search(r"\b[1-9]\d* passed", result.stdout), f"no Python client test passed:\n{output(result)}"


def test_typescript_client_suite(client_environment, typescript_dist):
    tests = sorted(glob.glob(os.path.join(TYPESCRIPT, "test", "*.test.mjs")))
    assert tests, "no TypeScript test files in clients/typescript/test"
    result = subprocess.run(["node", "--test", *tests], cwd=TYPESCRIPT, env=client_environment,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"the TypeScript client suite failed:\n{output(result)}"
    assert re.search(r"^# pass [1-9]", result.stdout, re.M), f"no TypeScript client test passed:\n{output(result)}"
