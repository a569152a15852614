"""Start a throw-away deltadb on a free loopback port for script-driven tests.

Used by scripts/fuzz_api.py and scripts/log_hygiene.py. The server's stdout and
stderr go to a log file the caller can inspect afterwards.
"""
import os
import secrets
import socket
import subprocess
import tempfile
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, extra_args=(), log_level="debug", share_with=None):
        """`share_with`: another LiveServer whose data directory and keys this one uses."""
        self.binary = os.environ.get("DELTADB_BIN", ".build/debug/deltadb")
        self.directory = tempfile.mkdtemp(prefix="deltadb-live-")
        self.data = share_with.data if share_with else os.path.join(self.directory, "data")
        self.log_path = os.path.join(self.directory, "server.log")
        self.admin_key = share_with.admin_key if share_with else "adm-" + secrets.token_hex(16)
        self.master_key = share_with.master_key if share_with else secrets.token_hex(32)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.extra_args = list(extra_args)
        self.log_level = log_level
        self.process = None

    def command(self, port=None, extra_args=None):
        """The command line that starts this server (or, given `port` and `extra_args`, a variant)."""
        return [self.binary, f"-rest-addr=127.0.0.1:{port or self.port}", f"-shared-fs={self.data}",
                f"-admin-key={self.admin_key}", f"-master-key={self.master_key}",
                *(self.extra_args if extra_args is None else extra_args)]

    def __enter__(self):
        log = open(self.log_path, "ab")
        env = dict(os.environ, LOG_LEVEL=self.log_level)
        self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        self.__exit__(None, None, None)
        raise RuntimeError(f"deltadb did not start; see {self.log_path}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def log(self) -> str:
        with open(self.log_path, "rb") as handle:
            return handle.read().decode("utf-8", "replace")
