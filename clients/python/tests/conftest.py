"""One live DeltaDatabase server for the whole test session.

``make test`` runs this suite from the system tests (Tests/System/test_clients.py),
whose launcher starts the server and passes it in ``DELTADB_TEST_URL`` and
``DELTADB_TEST_ADMIN_KEY``. Without them the suite starts its own: the binary
comes from ``DELTADB_BIN`` (default: the debug build in the repository), on a
free loopback port, with data in a fresh temporary directory, stopped when the
session ends. That small launcher stays here so the client package's tests run
on their own (``python3 -m pytest clients/python/tests``), without the system
suite's fixtures or requirements.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_BIN = REPO_ROOT / ".build" / "debug" / "deltadb"
STARTUP_SECONDS = 30.0


@dataclass(frozen=True)
class LiveServer:
    base_url: str
    admin_key: str


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_healthy(base_url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"deltadb exited with status {process.returncode} before answering /health:\n"
                + log_path.read_text(errors="replace")[-4000:]
            )
        try:
            with urllib.request.urlopen(base_url + "/health", timeout=1.0) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"deltadb did not answer /health within {STARTUP_SECONDS:.0f}s")


@pytest.fixture(scope="session")
def server() -> Iterator[LiveServer]:
    if os.environ.get("DELTADB_TEST_URL"):
        yield LiveServer(os.environ["DELTADB_TEST_URL"].rstrip("/"), os.environ["DELTADB_TEST_ADMIN_KEY"])
        return
    binary = os.environ.get("DELTADB_BIN", str(DEFAULT_BIN))
    if not os.access(binary, os.X_OK):
        pytest.fail(f"server binary {binary!r} not found; build it or set DELTADB_BIN")
    data_dir = Path(tempfile.mkdtemp(prefix="deltadb-pytest-"))
    log_path = data_dir.parent / (data_dir.name + ".log")
    port = _free_port()
    admin_key = secrets.token_urlsafe(24)
    args = [
        binary,
        f"-rest-addr=127.0.0.1:{port}",
        f"-shared-fs={data_dir}",
        f"-admin-key={admin_key}",
        f"-master-key={secrets.token_hex(32)}",
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(base_url, process, log_path)
        yield LiveServer(base_url, admin_key)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(data_dir, ignore_errors=True)
        log_path.unlink(missing_ok=True)


@pytest.fixture()
def client(server: LiveServer):
    from deltadb import Client

    return Client(server.base_url, token=server.admin_key, timeout=10.0)


@pytest.fixture()
def database() -> str:
    """A database name no other test uses, so tests stay independent."""
    return "pytest_" + secrets.token_hex(4)
