"""Fixtures of the system tests: the binaries, free ports, temporary directories,
the one launcher for `deltadb`, the one for the split deployment (main-worker +
proc-workers), moto's S3 server and the gRPC stubs.

Binaries come from $DELTADB_BIN, $MAIN_WORKER_BIN, $PROC_WORKER_BIN and
$DELTADB_CODEGEN, each defaulting to .build/debug/<name> in the repository.
`make test` runs this suite after the Swift tests; on its own:

    python3 -m pytest Tests/System [-k cluster]

Every process a fixture starts is stopped when its module ends. Temporary
directories (data and process logs) are removed unless a test failed
(pytest.ini), so a failure leaves the logs to read.
"""
import os
import socket
import subprocess
import sys
import time

import pytest

# Before grpc is imported: its C core would log the refused handshakes test_tls provokes.
os.environ.setdefault("GRPC_VERBOSITY", "NONE")

from support.grpc_stubs import compile_stubs  # noqa: E402
from support.processes import ROOT, Cluster, DeltaServer, request  # noqa: E402

STARTUP_SECONDS = 30.0


def free_port():
    """A loopback port nothing listens on right now (for a port that must stay the same across restarts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def executable(variable, name):
    path = os.path.abspath(os.environ.get(variable) or os.path.join(ROOT, ".build", "debug", name))
    if not os.access(path, os.X_OK):
        pytest.fail(f"{path} is not an executable; build it (swift build) or set ${variable}", pytrace=False)
    return path


@pytest.fixture(scope="session")
def deltadb_bin():
    return executable("DELTADB_BIN", "deltadb")


@pytest.fixture(scope="session")
def main_worker_bin():
    return executable("MAIN_WORKER_BIN", "main-worker")


@pytest.fixture(scope="session")
def proc_worker_bin():
    return executable("PROC_WORKER_BIN", "proc-worker")


@pytest.fixture(scope="session")
def codegen_bin():
    return executable("DELTADB_CODEGEN", "deltadb-codegen")


@pytest.fixture(scope="session")
def chat_example_bin():
    """The Swift chat example (examples/chat/swift)."""
    return executable("DELTADB_CHAT_EXAMPLE", "deltadb-chat-example")


@pytest.fixture(name="free_port", scope="session")
def free_port_fixture():
    """`free_port` itself: call it for each port needed."""
    return free_port


@pytest.fixture(scope="module")
def start_deltadb(deltadb_bin, tmp_path_factory):
    """Starts a `deltadb` (support.processes.DeltaServer) in a fresh directory and
    returns it once it answers /health. Arguments: extra_args, log_level, share_with."""
    servers = []

    def start(extra_args=(), log_level="debug", share_with=None):
        server = DeltaServer(deltadb_bin, str(tmp_path_factory.mktemp("deltadb")), extra_args, log_level, share_with)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def start_cluster(main_worker_bin, proc_worker_bin, tmp_path_factory):
    """Starts a main-worker (support.processes.Cluster) in a fresh directory and
    returns the cluster once it answers /health; add workers with start_worker."""
    clusters = []

    def start(main_args=(), key_id="main-key-v1"):
        cluster = Cluster(main_worker_bin, proc_worker_bin, str(tmp_path_factory.mktemp("cluster")), main_args, key_id)
        clusters.append(cluster)
        return cluster.start_main()

    yield start
    for cluster in clusters:
        cluster.shutdown()


@pytest.fixture(scope="session")
def moto_endpoint(tmp_path_factory):
    """moto's S3-compatible server on loopback (in memory), as http://127.0.0.1:PORT."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("moto") / "moto.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                                   stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                request(port, "GET", "/", timeout=1)
                break  # any HTTP answer means the server is up
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"moto did not answer on {endpoint}; see {log_path}", pytrace=False)
                time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def grpc_stubs(tmp_path_factory):
    """(deltadb_pb2, deltadb_pb2_grpc), compiled from spec/deltadb.proto once per session."""
    return compile_stubs(tmp_path_factory.mktemp("grpc-stubs"))


# Modules marked `incremental` are one story told in steps: once a step fails,
# the later ones are reported as xfailed instead of failing for the same reason.

def pytest_runtest_makereport(item, call):
    if call.excinfo is not None and item.get_closest_marker("incremental"):
        item.parent._failed_step = item.name


def pytest_runtest_setup(item):
    failed = getattr(item.parent, "_failed_step", None)
    if failed and item.get_closest_marker("incremental"):
        pytest.xfail(f"an earlier step failed: {failed}")
