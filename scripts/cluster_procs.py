"""Start a throw-away split deployment (main-worker + proc-workers) on loopback.

Shared by scripts/grpc_interop.py and scripts/cluster_test.py. Binaries come
from $MAIN_WORKER_BIN (default .build/debug/main-worker) and $PROC_WORKER_BIN
(default .build/debug/proc-worker). Each process's stdout and stderr go to log
files in a temporary directory; the ports the processes chose are read from
their announcement lines on stdout:

  main-worker  DeltaDatabase listening on http://127.0.0.1:<port>
               gRPC listening on 127.0.0.1:<port>
  proc-worker  Processing worker <id> serving gRPC on 127.0.0.1:<port>

Also compiles spec/deltadb.proto into Python gRPC stubs (grpcio-tools) and
offers a small REST client. Python 3 standard library plus grpcio,
grpcio-tools, protobuf and cryptography (installed on demand).
"""
import http.client
import importlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STARTUP_SECONDS = 30.0

# Module to import -> pip requirement (added to requirements-test.txt by the build owner).
REQUIRED_MODULES = {
    "grpc": "grpcio>=1.60",
    "grpc_tools": "grpcio-tools>=1.60",
    "google.protobuf": "protobuf>=5",
    "cryptography": "cryptography>=41",
}


class TestFailure(Exception):
    """A check failed; the message says what was expected and what happened."""


def ensure_modules(names=REQUIRED_MODULES):
    """Imports each module, installing the missing ones with pip."""
    missing = []
    for module, requirement in names.items():
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(requirement)
    if not missing:
        return
    print(f"installing missing test packages: {' '.join(missing)}", file=sys.stderr)
    base = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if subprocess.call(base + missing) != 0:
        subprocess.check_call(base + ["--break-system-packages"] + missing)
    importlib.invalidate_caches()
    for module in names:
        importlib.import_module(module)


def compile_grpc_stubs(out_dir):
    """Compiles spec/deltadb.proto into out_dir; returns (deltadb_pb2, deltadb_pb2_grpc)."""
    from grpc_tools import protoc
    import grpc_tools

    include = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    spec = os.path.join(ROOT, "spec")
    args = ["protoc", f"-I{spec}", f"-I{include}", f"--python_out={out_dir}",
            f"--grpc_python_out={out_dir}", os.path.join(spec, "deltadb.proto")]
    if protoc.main(args) != 0:
        raise TestFailure("protoc (grpcio-tools) failed to compile spec/deltadb.proto")
    sys.path.insert(0, out_dir)
    return importlib.import_module("deltadb_pb2"), importlib.import_module("deltadb_pb2_grpc")


class Process:
    """One child process whose stdout lines are watched for announcements."""

    def __init__(self, name, argv, log_dir, env=None):
        self.name = name
        self.argv = argv
        self.stdout_path = os.path.join(log_dir, f"{name}.stdout.log")
        self.stderr_path = os.path.join(log_dir, f"{name}.stderr.log")
        self.lines = []
        self.condition = threading.Condition()
        self.stdout_log = open(self.stdout_path, "ab")
        self.stderr_log = open(self.stderr_path, "ab")
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=self.stderr_log,
                                        stdin=subprocess.DEVNULL, env=env, cwd=ROOT)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in iter(self.process.stdout.readline, b""):
            self.stdout_log.write(raw)
            self.stdout_log.flush()
            with self.condition:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self.condition.notify_all()
        with self.condition:
            self.condition.notify_all()

    def wait_for_line(self, pattern, timeout=STARTUP_SECONDS):
        """Returns the first regex match among stdout lines, waiting up to timeout."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        seen = 0
        with self.condition:
            while True:
                for line in self.lines[seen:]:
                    match = regex.search(line)
                    if match:
                        return match
                seen = len(self.lines)
                if self.process.poll() is not None and not self.reader.is_alive():
                    raise TestFailure(f"{self.name} exited with {self.process.returncode} before printing "
                                      f"/{pattern}/; stderr tail:\n{self.stderr_tail()}")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TestFailure(f"{self.name} did not print /{pattern}/ within {timeout:.0f}s; "
                                      f"stderr tail:\n{self.stderr_tail()}")
                self.condition.wait(min(remaining, 0.2))

    @property
    def alive(self):
        return self.process.poll() is None

    def kill(self):
        """SIGKILL (the crash case)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self._reap()

    def pause(self):
        """SIGSTOP: the process keeps its sockets but answers nothing (a hung worker)."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        """SIGTERM, then SIGKILL after 10 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a paused process could not act on SIGTERM
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self._reap()

    def _reap(self):
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        self.reader.join(timeout=2)
        for handle in (self.stdout_log, self.stderr_log):
            if not handle.closed:
                handle.close()

    def stderr_tail(self, lines=25):
        try:
            with open(self.stderr_path, "rb") as handle:
                text = handle.read().decode("utf-8", "replace")
        except OSError:
            return "(no stderr log)"
        return "\n".join(text.splitlines()[-lines:]) or "(empty)"

    def logs(self):
        text = ""
        for path in (self.stdout_path, self.stderr_path):
            try:
                with open(path, "rb") as handle:
                    text += handle.read().decode("utf-8", "replace")
            except OSError:
                pass
        return text


class Cluster:
    """A main-worker and any number of proc-workers sharing one temporary -shared-fs."""

    def __init__(self, main_args=(), key_id="main-key-v1", keep_dir=False):
        self.main_bin = os.path.abspath(os.environ.get("MAIN_WORKER_BIN", os.path.join(ROOT, ".build/debug/main-worker")))
        self.proc_bin = os.path.abspath(os.environ.get("PROC_WORKER_BIN", os.path.join(ROOT, ".build/debug/proc-worker")))
        for binary in (self.main_bin, self.proc_bin):
            if not os.access(binary, os.X_OK):
                raise TestFailure(f"{binary} is not an executable; build it first (swift build)")
        self.directory = tempfile.mkdtemp(prefix="deltadb-cluster-")
        self.data = os.path.join(self.directory, "data")
        self.admin_key = "adm-" + secrets.token_hex(16)
        self.master_key = secrets.token_hex(32)
        self.worker_secret = "ws-" + secrets.token_hex(16)
        self.key_id = key_id
        self.main_args = list(main_args)
        self.keep_dir = keep_dir
        self.main = None
        self.rest_port = None
        self.grpc_addr = None
        self.workers = {}          # worker id -> Process
        self.worker_addrs = {}     # worker id -> announced gRPC address
        self.retired = []          # killed processes (their logs are still checked)
        self.env = {k: v for k, v in os.environ.items() if k not in ("WORKER_SECRET", "MASTER_KEY", "ADMIN_KEY")}

    def start_main(self):
        argv = [self.main_bin, "-grpc-addr=127.0.0.1:0", "-rest-addr=127.0.0.1:0", f"-shared-fs={self.data}",
                f"-master-key={self.master_key}", f"-key-id={self.key_id}", f"-admin-key={self.admin_key}",
                f"-worker-secret={self.worker_secret}", *self.main_args]
        self.main = Process("main-worker", argv, self.directory, env=self.env)
        rest = self.main.wait_for_line(r"DeltaDatabase listening on http://127\.0\.0\.1:(\d+)")
        grpc_line = self.main.wait_for_line(r"gRPC listening on (127\.0\.0\.1:\d+)")
        self.rest_port = int(rest.group(1))
        self.grpc_addr = grpc_line.group(1)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                if self.rest("GET", "/health", auth=False, timeout=1)[0] == 200:
                    return self
            except OSError:
                pass
            if not self.main.alive:
                break
            time.sleep(0.05)
        raise TestFailure(f"main-worker did not answer GET /health; stderr tail:\n{self.main.stderr_tail()}")

    def start_worker(self, worker_id, extra_args=()):
        argv = [self.proc_bin, f"-main-addr={self.grpc_addr}", f"-worker-id={worker_id}", "-grpc-addr=127.0.0.1:0",
                f"-shared-fs={self.data}", f"-worker-secret={self.worker_secret}", *extra_args]
        name = f"proc-worker-{worker_id}-{len(self.retired) + len(self.workers)}"
        process = Process(name, argv, self.directory, env=self.env)
        self.workers[worker_id] = process
        match = process.wait_for_line(rf"Processing worker {re.escape(worker_id)} serving gRPC on (127\.0\.0\.1:\d+)")
        self.worker_addrs[worker_id] = match.group(1)
        return process

    def kill_worker(self, worker_id):
        process = self.workers.pop(worker_id)
        process.kill()
        self.retired.append(process)

    def processes(self):
        return ([self.main] if self.main else []) + list(self.workers.values()) + self.retired

    def shutdown(self):
        for process in self.processes():
            try:
                process.stop()
            except Exception:  # keep stopping the others
                pass

    def cleanup(self, failed):
        if failed or self.keep_dir:
            print(f"logs kept in {self.directory}", file=sys.stderr)
        else:
            shutil.rmtree(self.directory, ignore_errors=True)

    # REST -----------------------------------------------------------------

    def rest(self, method, path, body=None, auth=True, timeout=5, headers=None, connection=None):
        """Returns (status, lower-cased headers, body bytes)."""
        conn = connection or http.client.HTTPConnection("127.0.0.1", self.rest_port, timeout=timeout)
        all_headers = dict(headers or {})
        if auth:
            all_headers["Authorization"] = f"Bearer {self.admin_key}"
        if body is not None:
            all_headers.setdefault("Content-Type", "application/json")
            if not isinstance(body, (bytes, bytearray)):
                body = json.dumps(body).encode()
        try:
            conn.request(method, path, body=body, headers=all_headers)
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            if connection is None:
                conn.close()

    def admin_workers(self):
        """GET /admin/workers as a list of dicts (raises TestFailure on any other shape)."""
        status, _, body = self.rest("GET", "/admin/workers")
        if status != 200:
            raise TestFailure(f"GET /admin/workers answered {status}: {body[:300]!r}")
        try:
            workers = json.loads(body)
        except ValueError:
            raise TestFailure(f"GET /admin/workers is not JSON: {body[:300]!r}")
        if not isinstance(workers, list) or not all(isinstance(w, dict) for w in workers):
            raise TestFailure(f"GET /admin/workers is not a JSON list of objects: {body[:300]!r}")
        return workers

    def wait_for_workers(self, predicate, timeout, what):
        """Polls /admin/workers until predicate(list) is true; returns (list, seconds waited)."""
        start = time.monotonic()
        last = None
        while time.monotonic() - start < timeout:
            last = self.admin_workers()
            if predicate(last):
                return last, time.monotonic() - start
            time.sleep(0.05)
        raise TestFailure(f"timed out after {timeout:.0f}s waiting for {what}; /admin/workers: {json.dumps(last)}")

    # Hygiene --------------------------------------------------------------

    def secrets_in_logs(self):
        """Names each (process, secret) where key material or a credential reached a log."""
        needles = {
            "master key (hex)": [self.master_key, self.master_key.upper()],
            "worker secret": [self.worker_secret],
            "admin key": [self.admin_key],
        }
        leaks = []
        for process in self.processes():
            text = process.logs()
            for label, values in needles.items():
                if any(value in text for value in values):
                    leaks.append(f"{process.name}: {label}")
        return leaks


def available(workers, worker_id):
    return any(w.get("worker_id") == worker_id and w.get("status") == "Available" for w in workers)


def listed(workers, worker_id):
    return any(w.get("worker_id") == worker_id for w in workers)
