"""The server processes the system tests (and `make bench`) start: one `deltadb`,
or a split deployment of one main-worker and any number of proc-workers.

Every process listens on a port it chooses itself (`127.0.0.1:0`) and announces
it on stdout, where a reader thread watches for it:

  deltadb, main-worker  DeltaDatabase listening on http://127.0.0.1:<port>
  main-worker           gRPC listening on 127.0.0.1:<port>
  proc-worker           Processing worker <id> serving gRPC on 127.0.0.1:<port>

Each process's stdout and stderr go to log files in the directory it is given.
Nothing here picks binaries, ports or directories: tests get those from the
fixtures in ../conftest.py, the benchmark from bench/bench_common.py. Python 3
standard library only, so the benchmark can import it without the test
requirements.
"""
import http.client
import json
import os
import re
import secrets
import signal
import subprocess
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
STARTUP_SECONDS = 30.0
REST_ANNOUNCEMENT = r"DeltaDatabase listening on http://127\.0\.0\.1:(\d+)"
GRPC_ANNOUNCEMENT = r"gRPC listening on (127\.0\.0\.1:\d+)"
SECRET_VARIABLES = ("WORKER_SECRET", "MASTER_KEY", "ADMIN_KEY")


class LaunchError(Exception):
    """A process did not start, or did not reach the state a caller waited for."""


def server_environment(**extra):
    """The caller's environment without inherited secrets (tests pass them as flags)."""
    environment = {k: v for k, v in os.environ.items() if k not in SECRET_VARIABLES}
    environment.update(extra)
    return environment


def request(port, method, path, body=None, token=None, timeout=5, headers=None, connection=None):
    """One HTTP request to 127.0.0.1:port; returns (status, lower-cased headers, body bytes).

    A `body` that is not bytes is sent as JSON. `connection` reuses a keep-alive
    http.client connection (left open); otherwise one is opened and closed.
    """
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    all_headers = dict(headers or {})
    if token is not None:
        all_headers["Authorization"] = f"Bearer {token}"
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


class Process:
    """One child process whose stdout lines are watched for announcements."""

    def __init__(self, name, argv, log_dir, env=None, cwd=None):
        self.name = name
        self.argv = argv
        self.stdout_path = os.path.join(log_dir, f"{name}.stdout.log")
        self.stderr_path = os.path.join(log_dir, f"{name}.stderr.log")
        self.lines = []
        self.condition = threading.Condition()
        self.stdout_log = open(self.stdout_path, "ab")
        self.stderr_log = open(self.stderr_path, "ab")
        # Run in the process's own directory (its log directory unless `cwd` says
        # otherwise): a secret the server generates for want of one
        # (./deltadb-admin-key, ...) lands there, never in the repository.
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=self.stderr_log,
                                        stdin=subprocess.DEVNULL, env=env, cwd=cwd or log_dir)
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
                    raise LaunchError(f"{self.name} exited with {self.process.returncode} before printing "
                                      f"/{pattern}/; stderr tail:\n{self.stderr_tail()}")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise LaunchError(f"{self.name} did not print /{pattern}/ within {timeout:.0f}s; "
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
        """stdout and stderr so far, as text."""
        text = ""
        for path in (self.stdout_path, self.stderr_path):
            try:
                with open(path, "rb") as handle:
                    text += handle.read().decode("utf-8", "replace")
            except OSError:
                pass
        return text


def wait_until_healthy(port, process, timeout=STARTUP_SECONDS):
    """Polls GET /health on the port until it answers 200 (the announcement can come first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if request(port, "GET", "/health", timeout=1)[0] == 200:
                return
        except OSError:
            pass
        if not process.alive:
            break
        time.sleep(0.05)
    raise LaunchError(f"{process.name} did not answer GET /health; stderr tail:\n{process.stderr_tail()}")


class DeltaServer:
    """An all-in-one `deltadb` on a fresh data directory, or on another server's
    (`share_with`: same data directory and keys). `start()` may be called again
    after `stop()` or `kill()`: the next process uses the same directory and keys.
    `log_level` sets $LOG_LEVEL (None: the server's default)."""

    def __init__(self, binary, directory, extra_args=(), log_level="debug", share_with=None):
        self.binary = binary
        self.directory = directory
        self.data = share_with.data if share_with else os.path.join(directory, "data")
        self.admin_key = share_with.admin_key if share_with else "adm-" + secrets.token_hex(16)
        self.master_key = share_with.master_key if share_with else secrets.token_hex(32)
        self.extra_args = list(extra_args)
        self.log_level = log_level
        self.process = None
        self.port = None
        self.started = []          # every process this server ran, for its log

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def command(self, rest_addr="127.0.0.1:0", extra_args=None):
        """The command line of this server (or, given `rest_addr` and `extra_args`, of a variant)."""
        return [self.binary, f"-rest-addr={rest_addr}", f"-shared-fs={self.data}",
                f"-admin-key={self.admin_key}", f"-master-key={self.master_key}",
                *(self.extra_args if extra_args is None else extra_args)]

    def start(self):
        name = f"deltadb-{len(self.started) + 1}"
        environment = server_environment(**({"LOG_LEVEL": self.log_level} if self.log_level else {}))
        self.process = Process(name, self.command(), self.directory, env=environment)
        self.started.append(self.process)
        self.port = int(self.process.wait_for_line(REST_ANNOUNCEMENT).group(1))
        wait_until_healthy(self.port, self.process)
        return self

    def stop(self):
        if self.process:
            self.process.stop()

    def kill(self):
        self.process.kill()

    def rest(self, method, path, body=None, token=None, auth=True, **options):
        """`request` to this server with the admin key (or `token`; none if not `auth`)."""
        token = (token or self.admin_key) if auth else None
        return request(self.port, method, path, body, token=token, **options)

    def log(self):
        return "".join(process.logs() for process in self.started)


def available(workers, worker_id):
    return any(w.get("worker_id") == worker_id and w.get("status") == "Available" for w in workers)


def listed(workers, worker_id):
    return any(w.get("worker_id") == worker_id for w in workers)


class Cluster:
    """A main-worker and any number of proc-workers sharing one -shared-fs in `directory`."""

    def __init__(self, main_bin, proc_bin, directory, main_args=(), key_id="main-key-v1"):
        self.main_bin = main_bin
        self.proc_bin = proc_bin
        self.directory = directory
        self.data = os.path.join(directory, "data")
        self.admin_key = "adm-" + secrets.token_hex(16)
        self.master_key = secrets.token_hex(32)
        self.worker_secret = "ws-" + secrets.token_hex(16)
        self.key_id = key_id
        self.main_args = list(main_args)
        self.main = None
        self.rest_port = None
        self.grpc_addr = None
        self.workers = {}          # worker id -> Process
        self.worker_addrs = {}     # worker id -> announced gRPC address
        self.retired = []          # stopped or killed processes (their logs are still checked)
        self.env = server_environment()

    def start_main(self):
        argv = [self.main_bin, "-grpc-addr=127.0.0.1:0", "-rest-addr=127.0.0.1:0", f"-shared-fs={self.data}",
                f"-master-key={self.master_key}", f"-key-id={self.key_id}", f"-admin-key={self.admin_key}",
                f"-worker-secret={self.worker_secret}", *self.main_args]
        self.main = Process(f"main-worker-{len(self.retired)}", argv, self.directory, env=self.env)
        self.rest_port = int(self.main.wait_for_line(REST_ANNOUNCEMENT).group(1))
        self.grpc_addr = self.main.wait_for_line(GRPC_ANNOUNCEMENT).group(1)
        wait_until_healthy(self.rest_port, self.main)
        return self

    def restart_main(self, master_key, key_id, main_args):
        """Stops the main worker and starts it again with another key and flags."""
        self.main.stop()
        self.retired.append(self.main)
        self.master_key, self.key_id, self.main_args = master_key, key_id, list(main_args)
        return self.start_main()

    def worker_command(self, worker_id, extra_args=()):
        return [self.proc_bin, f"-main-addr={self.grpc_addr}", f"-worker-id={worker_id}", "-grpc-addr=127.0.0.1:0",
                f"-shared-fs={self.data}", f"-worker-secret={self.worker_secret}", *extra_args]

    def spawn(self, name, argv):
        """Starts a process that is stopped with the cluster but not counted as a worker."""
        process = Process(name, argv, self.directory, env=self.env)
        self.retired.append(process)
        return process

    def start_worker(self, worker_id, extra_args=()):
        """Starts a proc-worker and waits until it serves gRPC (it has subscribed)."""
        name = f"proc-worker-{worker_id}-{len(self.retired) + len(self.workers)}"
        process = Process(name, self.worker_command(worker_id, extra_args), self.directory, env=self.env)
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

    def rest(self, method, path, body=None, auth=True, **options):
        """`request` to the main worker's REST port with the admin key (none if not `auth`)."""
        return request(self.rest_port, method, path, body, token=self.admin_key if auth else None, **options)

    def admin_workers(self):
        """GET /admin/workers as a list of dicts (LaunchError on any other answer)."""
        status, _, body = self.rest("GET", "/admin/workers")
        if status != 200:
            raise LaunchError(f"GET /admin/workers answered {status}: {body[:300]!r}")
        try:
            workers = json.loads(body)
        except ValueError:
            raise LaunchError(f"GET /admin/workers is not JSON: {body[:300]!r}") from None
        if not isinstance(workers, list) or not all(isinstance(w, dict) for w in workers):
            raise LaunchError(f"GET /admin/workers is not a JSON list of objects: {body[:300]!r}")
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
        raise LaunchError(f"timed out after {timeout:.0f}s waiting for {what}; /admin/workers: {json.dumps(last)}")

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
