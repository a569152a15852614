"""Helpers of the container tests: podman and podman-compose commands, HTTP on
loopback, bounded waits. The image under test is $DELTADB_IMAGE, built by
scripts/test-deploy.sh (deploy/scripts/build-image.sh) before pytest starts.
"""
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# podman-compose from this interpreter's packages (deploy/scripts/setup-podman.sh installs it there).
PODMAN_COMPOSE = [sys.executable, "-m", "podman_compose"]


def run(*argv, timeout=120, check=True):
    """Runs a command; returns CompletedProcess (text). Fails the test with its output on error."""
    result = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if check and result.returncode != 0:
        pytest.fail(f"{' '.join(argv)} exited {result.returncode}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return result


def compose_runner(project, file, env):
    """podman-compose for one project and file: call it with compose arguments; it
    returns the CompletedProcess and fails the test on an error unless check=False."""
    def command(*args, timeout=180, check=True):
        result = subprocess.run([*PODMAN_COMPOSE, "-p", project, "-f", str(file), *args], capture_output=True,
                                text=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)
        assert not check or result.returncode == 0, f"{args}: {result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        return result
    return command


def worker_statuses(port, token):
    """{worker id: status} from the Main Worker's GET /admin/workers on 127.0.0.1:port."""
    status, body = http(port, "GET", "/admin/workers", token=token)
    assert status == 200, body
    return {w["worker_id"]: w["status"] for w in json.loads(body)}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(port, method, path, body=None, token=None, timeout=5):
    """(status, body bytes) of one request to 127.0.0.1:port; OSError if nothing answers."""
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_for(what, predicate, timeout, diagnostics=lambda: ""):
    """Polls predicate() (exceptions count as false) until true, at most timeout seconds."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except (OSError, ValueError) as error:
            last = error
        time.sleep(0.5)
    pytest.fail(f"timed out after {timeout}s waiting for {what} (last error: {last})\n{diagnostics()}")


@pytest.fixture(scope="session")
def image():
    name = os.environ.get("DELTADB_IMAGE", "localhost/deltadatabase:dev")
    if run("podman", "image", "exists", name, check=False).returncode != 0:
        pytest.fail(f"image {name} does not exist: run scripts/test-deploy.sh (it builds it)")
    return name


@pytest.fixture
def secrets_dir(tmp_path):
    """Fresh keys and a throw-away CA from deploy/compose/make-secrets.sh."""
    directory = tmp_path / "secrets"
    run(os.path.join(ROOT, "deploy", "compose", "make-secrets.sh"), str(directory))
    return directory


@pytest.fixture
def unique():
    return "deltadb-test-" + secrets.token_hex(3)
