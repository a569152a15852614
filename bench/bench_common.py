"""Shared pieces of `make bench` (bench/bench.py) and `make bench-scale`
(bench/bench_scale.py): the 1 KiB document, wrk runs driven by generated Lua
scripts, the servers under test and the reference servers (nginx, etcd), and a
description of the machine.

Python 3 standard library only. Every server binds a loopback address, every
load run is bounded in time (wrk -d) and killed if it overruns, and every
process started here is stopped by its owner's try/finally.
"""
import base64
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "System"))

from support.processes import LaunchError, Process  # noqa: E402  (the system tests' launcher; stdlib only)

RELEASE = os.path.join(ROOT, ".build", "release")
DELTADB_BIN = os.environ.get("DELTADB_BIN", os.path.join(RELEASE, "deltadb"))
MAIN_WORKER_BIN = os.environ.get("MAIN_WORKER_BIN", os.path.join(RELEASE, "main-worker"))
PROC_WORKER_BIN = os.environ.get("PROC_WORKER_BIN", os.path.join(RELEASE, "proc-worker"))
BENCH_BIN = os.environ.get("DELTADB_BENCH_BIN", os.path.join(RELEASE, "deltadb-bench"))
STARTUP_SECONDS = 60.0
DATABASE = "bench"


class BenchFailure(Exception):
    """A workload could not be measured correctly (wrong status, lost write, ...)."""


# ---------------------------------------------------------------------------
# The document


def chat_document(target_bytes=1024):
    """A chat.v1-shaped JSON document of exactly target_bytes bytes (compact)."""
    roles = ["system", "user", "assistant"]
    messages = []
    text = ""
    while True:
        index = len(messages)
        messages.append({"role": roles[index % 3],
                         "content": f"Message {index}: the quick brown fox jumps over the lazy dog."})
        text = json.dumps({"messages": messages}, separators=(",", ":"))
        if len(text) >= target_bytes:
            break
    # Trim the last message's content so the document is exactly target_bytes.
    excess = len(text) - target_bytes
    last = messages[-1]["content"]
    if excess and excess < len(last):
        messages[-1]["content"] = last[:len(last) - excess]
        text = json.dumps({"messages": messages}, separators=(",", ":"))
    return text


DOC = chat_document(1024)
DOC_BYTES = DOC.encode()


def key_name(index):
    return f"k{index:07d}"


def b64(text):
    return base64.b64encode(text.encode() if isinstance(text, str) else text).decode()


# ---------------------------------------------------------------------------
# Small helpers


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, timeout=STARTUP_SECONDS, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if process is not None and not process.alive:
                raise BenchFailure(f"{process.name} exited with {process.process.returncode}; "
                                   f"stderr tail:\n{process.stderr_tail()}")
            time.sleep(0.02)
    raise BenchFailure(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f}s")


class Client:
    """A keep-alive HTTP/1.1 client for one loopback server."""

    def __init__(self, port, token=None, timeout=30):
        self.port = port
        self.token = token
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        all_headers = dict(headers or {})
        if self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        if body is not None and not isinstance(body, (bytes, bytearray)):
            body = json.dumps(body, separators=(",", ":")).encode()
        if body is not None:
            all_headers.setdefault("Content-Type", "application/json")
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=all_headers)
                response = self.conn.getresponse()
                data = response.read()
                return response.status, {k.lower(): v for k, v in response.getheaders()}, data
            except (http.client.HTTPException, ConnectionError):
                self.close()
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def expect(status, body, what, ok=(200,)):
    if status not in ok:
        raise BenchFailure(f"{what}: HTTP {status}: {body[:300]!r}")


# ---------------------------------------------------------------------------
# wrk driven by a generated Lua script

LUA_TEMPLATE = r"""-- Generated by bench/bench_common.py for one wrk run; do not edit.
local DOC = [==[%(doc)s]==]
local HEADERS = %(headers)s
-- Each kind: weight (share of requests) and the file holding its requests, one a line:
-- METHOD <tab> PATH <tab> MODE <tab> A <tab> B, where MODE "-" is no body, "s" is body A
-- and "d" is A .. DOC .. B. (A file, not a table literal: Lua allows 65536 constants.)
local KINDS = %(kinds)s
local SEQUENTIAL = %(sequential)s

local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("tid", counter)
  thread:set("nthreads", %(threads)d)
end

local compiled = {}
local cursor = 0
init = function(args)
  math.randomseed((tid or 1) * 7919 + os.time())
  for k, kind in ipairs(KINDS) do
    local list = {}
    for line in io.lines(kind.file) do
      local method, path, mode, a, b = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)$")
      local body = nil
      if mode == "s" then body = a elseif mode == "d" then body = a .. DOC .. b end
      local h = {}
      for name, value in pairs(HEADERS) do h[name] = value end
      list[#list + 1] = wrk.format(method, path, h, body)
    end
    if #list == 0 then error("no requests in " .. kind.file) end
    compiled[k] = { weight = kind.weight, list = list, n = #list }
  end
  cursor = (tid or 1) - 1
end

request = function()
  local kind = compiled[1]
  if #compiled > 1 then
    local r = math.random()
    local acc = 0
    for _, k in ipairs(compiled) do
      acc = acc + k.weight
      if r <= acc then kind = k break end
    end
  end
  if SEQUENTIAL then
    -- Thread t walks t, t+T, t+2T, ...: no two requests share a line until the list wraps.
    local i = (cursor %% kind.n) + 1
    cursor = cursor + nthreads
    return kind.list[i]
  end
  return kind.list[math.random(kind.n)]
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT {\"requests\":%%d,\"duration_us\":%%d,\"bytes\":%%d,\"connect_errors\":%%d," ..
    "\"read_errors\":%%d,\"write_errors\":%%d,\"status_errors\":%%d,\"timeouts\":%%d," ..
    "\"p50_us\":%%.0f,\"p90_us\":%%.0f,\"p99_us\":%%.0f,\"max_us\":%%.0f,\"mean_us\":%%.1f}\n",
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
"""


def lua_string(text):
    """A Lua string literal for text (no long brackets needed: JSON-ish ASCII)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def spec_line(method, request_path, body):
    """One line of a request file (see LUA_TEMPLATE). body: None, a string, or
    (prefix, suffix) meaning prefix + the 1 KiB document + suffix."""
    if body is None:
        fields = [method, request_path, "-", "", ""]
    elif isinstance(body, tuple):
        fields = [method, request_path, "d", body[0], body[1]]
    else:
        fields = [method, request_path, "s", body, ""]
    for field in fields:
        if "\t" in field or "\n" in field:
            raise ValueError(f"tab or newline in a request field: {field!r}")
    return "\t".join(fields) + "\n"


def write_lua(path, kinds, headers, threads, sequential=False):
    """kinds: [(weight, [(method, path, body), ...]), ...]; writes path and path.<n>.requests."""
    kind_text = ["{"]
    for number, (weight, specs) in enumerate(kinds):
        data_path = f"{path}.{number}.requests"
        with open(data_path, "w") as handle:
            handle.writelines(spec_line(*spec) for spec in specs)
        kind_text.append(f"  {{ weight = {weight!r}, file = {lua_string(data_path)} }},")
    kind_text.append("}")
    header_text = "{ " + ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items()) + " }"
    with open(path, "w") as handle:
        handle.write(LUA_TEMPLATE % {
            "doc": DOC, "headers": header_text, "kinds": "\n".join(kind_text),
            "sequential": "true" if sequential else "false", "threads": threads,
        })
    return path


def run_wrk(port, lua_path, connections, seconds, threads=None, timeout_s=10):
    """Runs wrk against 127.0.0.1:port for `seconds`; returns the parsed WRK_RESULT dict.

    Raises BenchFailure when wrk fails, when any response had status >= 400
    (wrk's own counter) or when any socket error or timeout happened.
    """
    threads = threads or min(2, connections)
    argv = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
            "--timeout", f"{timeout_s}s", "-s", lua_path, f"http://127.0.0.1:{port}/"]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 60)
    except subprocess.TimeoutExpired:
        raise BenchFailure(f"wrk did not stop within {seconds + 60}s: {' '.join(argv)}")
    match = re.search(r"^WRK_RESULT (\{.*\})$", done.stdout, re.M)
    if done.returncode != 0 or not match:
        raise BenchFailure(f"wrk failed (exit {done.returncode}): {done.stdout[-800:]} {done.stderr[-800:]}")
    result = json.loads(match.group(1))
    seconds_run = result["duration_us"] / 1e6
    result["ops_per_s"] = result["requests"] / seconds_run if seconds_run > 0 else 0.0
    result["p50_ms"] = result["p50_us"] / 1000.0
    result["p99_ms"] = result["p99_us"] / 1000.0
    result["connections"] = connections
    result["threads"] = threads
    result["seconds"] = seconds
    problems = []
    if result["status_errors"]:
        problems.append(f"{result['status_errors']} responses with status >= 400")
    socket_errors = result["connect_errors"] + result["read_errors"] + result["write_errors"] + result["timeouts"]
    if socket_errors:
        problems.append(f"socket errors: connect {result['connect_errors']}, read {result['read_errors']}, "
                        f"write {result['write_errors']}, timeout {result['timeouts']}")
    if result["requests"] == 0:
        problems.append("no request completed")
    if problems:
        raise BenchFailure("; ".join(problems) + f" (of {result['requests']} requests)")
    return result


# ---------------------------------------------------------------------------
# DeltaDatabase processes


def check_binaries(*paths):
    for path in paths:
        if not os.access(path, os.X_OK):
            raise BenchFailure(f"{path} is not an executable; run `swift build -c release` first (make bench does)")


def clean_env():
    """The environment for a server: no secrets inherited (they are passed as flags)."""
    return {k: v for k, v in os.environ.items() if k not in ("WORKER_SECRET", "MASTER_KEY", "ADMIN_KEY")}


class DeltaServer:
    """An all-in-one deltadb on 127.0.0.1 with a fresh admin and master key.

    Call start() (returns seconds from exec to GET /health 200) and stop().
    """

    def __init__(self, directory, data, extra_args=(), name="deltadb", binary=None,
                 admin_key=None, master_key=None):
        self.binary = binary or DELTADB_BIN
        self.directory = directory
        self.data = data
        self.extra_args = list(extra_args)
        self.name = name
        self.admin_key = admin_key or "adm-" + secrets.token_hex(16)
        self.master_key = master_key or secrets.token_hex(32)
        self.process = None
        self.port = None
        self.starts = 0

    def start(self):
        argv = [self.binary, "-rest-addr=127.0.0.1:0", f"-shared-fs={self.data}", f"-admin-key={self.admin_key}",
                f"-master-key={self.master_key}", *self.extra_args]
        self.starts += 1
        began = time.monotonic()
        self.process = Process(f"{self.name}-{self.starts}", argv, self.directory, env=clean_env())
        try:
            match = self.process.wait_for_line(r"DeltaDatabase listening on http://127\.0\.0\.1:(\d+)",
                                               timeout=STARTUP_SECONDS)
        except LaunchError as error:
            raise BenchFailure(str(error)) from None
        self.port = int(match.group(1))
        health = Client(self.port, timeout=2)
        try:
            while time.monotonic() - began < STARTUP_SECONDS:
                try:
                    status, _, _ = health.request("GET", "/health")
                    if status == 200:
                        return time.monotonic() - began
                except OSError:
                    health.close()
                if not self.process.alive:
                    break
                time.sleep(0.002)
        finally:
            health.close()
        raise BenchFailure(f"{self.name} did not answer GET /health; stderr tail:\n{self.process.stderr_tail()}")

    @property
    def pid(self):
        return self.process.process.pid

    def client(self, timeout=30):
        return Client(self.port, self.admin_key, timeout)

    def stop(self):
        if self.process is not None:
            self.process.stop()
            code = self.process.process.returncode
            self.process = None
            return code
        return None


def rss_kib(pid):
    """(VmRSS, VmHWM) of a process in KiB, from /proc/<pid>/status."""
    values = {}
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith(("VmRSS:", "VmHWM:")):
                name, value = line.split(":", 1)
                values[name] = int(value.split()[0])
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


def put_batches(port, token, keys, batch, connections, deadline, progress=None):
    """PUTs DOC under every key, `batch` keys per request, over `connections` threads.

    Returns the number of keys stored before `deadline` (time.monotonic()).
    """
    chunks = [keys[i:i + batch] for i in range(0, len(keys), batch)]
    lock = threading.Lock()
    state = {"next": 0, "stored": 0, "error": None}

    def worker():
        client = Client(port, token, timeout=120)
        try:
            while True:
                with lock:
                    if state["error"] or state["next"] >= len(chunks) or time.monotonic() >= deadline:
                        return
                    chunk = chunks[state["next"]]
                    state["next"] += 1
                body = b"{" + b",".join(b'"' + k.encode() + b'":' + DOC_BYTES for k in chunk) + b"}"
                status, _, data = client.request("PUT", f"/entity/{DATABASE}", body)
                if status != 200:
                    with lock:
                        state["error"] = f"PUT batch of {len(chunk)}: HTTP {status}: {data[:300]!r}"
                    return
                with lock:
                    state["stored"] += len(chunk)
                    if progress:
                        progress(state["stored"])
        except Exception as error:  # report, never hang the others
            with lock:
                state["error"] = f"PUT batch failed: {error!r}"
        finally:
            client.close()

    run_threads(worker, connections, state)
    return state["stored"]


def run_threads(worker, count, state):
    """Runs `count` threads of `worker` to the end; raises the first error a worker
    put in state["error"] (workers catch their own exceptions so none hangs the others)."""
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if state["error"]:
        raise BenchFailure(state["error"])


def versions_sum(port, token, keys):
    """Sum of the ETag versions of keys (one keep-alive connection)."""
    client = Client(port, token)
    total = 0
    try:
        for key in keys:
            status, headers, body = client.request("GET", f"/entity/{DATABASE}?key={key}")
            expect(status, body, f"GET {key}")
            total += int(headers.get("etag", '"0"').strip('W/"'))
    finally:
        client.close()
    return total


# ---------------------------------------------------------------------------
# Reference servers


def find_tool(name):
    for candidate in (shutil.which(name), f"/usr/sbin/{name}", f"/usr/bin/{name}"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise BenchFailure(f"{name} is not installed; run bench/install-bench-deps.sh")


class Nginx:
    """nginx serving one static file, doc.json (the 1 KiB document), on loopback."""

    def __init__(self, directory):
        self.directory = os.path.join(directory, "nginx")
        self.process = None
        self.port = free_port()

    def start(self):
        binary = find_tool("nginx")
        os.makedirs(os.path.join(self.directory, "www"), exist_ok=True)
        os.makedirs(os.path.join(self.directory, "logs"), exist_ok=True)
        doc_path = os.path.join(self.directory, "www", "doc.json")
        with open(doc_path, "w") as handle:
            handle.write(DOC)
        temp = os.path.join(self.directory, "temp")
        os.makedirs(temp, exist_ok=True)
        conf = os.path.join(self.directory, "nginx.conf")
        # Started as root, nginx's workers would switch to "nobody", who cannot enter a
        # private temp dir; keep them as root (loopback only, one static file).
        user = "user root;\n" if os.geteuid() == 0 else ""
        with open(conf, "w") as handle:
            handle.write(f"""daemon off;
{user}worker_processes auto;
pid {self.directory}/nginx.pid;
error_log {self.directory}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{self.port};
        root {self.directory}/www;
        location / {{ default_type application/json; }}
    }}
}}
""")
        argv = [binary, "-p", self.directory, "-e", os.path.join(self.directory, "logs", "error.log"), "-c", conf]
        self.process = Process("nginx", argv, self.directory, env=dict(os.environ))
        wait_for_port(self.port, process=self.process)
        status, _, body = Client(self.port).request("GET", "/doc.json")
        expect(status, body, "nginx GET /doc.json")
        if body != DOC_BYTES:
            raise BenchFailure("nginx served something other than the document")

    def stop(self):
        if self.process is not None:
            self.process.stop()
            self.process = None


class Etcd:
    """A single-node etcd on loopback with a temporary data dir (default fsync)."""

    def __init__(self, directory):
        self.directory = os.path.join(directory, "etcd")
        self.process = None
        self.port = free_port()
        self.peer_port = free_port()

    def start(self):
        binary = find_tool("etcd")
        os.makedirs(self.directory, exist_ok=True)
        client_url = f"http://127.0.0.1:{self.port}"
        peer_url = f"http://127.0.0.1:{self.peer_port}"
        argv = [binary, "--name", "bench", "--data-dir", os.path.join(self.directory, "data"),
                "--listen-client-urls", client_url, "--advertise-client-urls", client_url,
                "--listen-peer-urls", peer_url, "--initial-advertise-peer-urls", peer_url,
                "--initial-cluster", f"bench={peer_url}", "--initial-cluster-state", "new",
                "--logger", "zap", "--log-level", "warn"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("ETCD")}
        self.process = Process("etcd", argv, self.directory, env=env)
        wait_for_port(self.port, process=self.process)
        client = Client(self.port, timeout=5)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                status, _, body = client.request("GET", "/health")
                if status == 200 and b"true" in body:
                    return
            except OSError:
                client.close()
            time.sleep(0.05)
        raise BenchFailure(f"etcd not healthy; stderr tail:\n{self.process.stderr_tail()}")

    def stop(self):
        if self.process is not None:
            self.process.stop()
            self.process = None


# ---------------------------------------------------------------------------
# The machine


def filesystem_of(path):
    """(mount point, fs type, device) of the filesystem holding path, from /proc/mounts."""
    path = os.path.realpath(path)
    best = ("/", "?", "?")
    try:
        with open("/proc/mounts") as handle:
            for line in handle:
                device, mount, fstype = line.split()[:3]
                mount = mount.replace("\\040", " ")
                if (path == mount or path.startswith(mount.rstrip("/") + "/")) and len(mount) >= len(best[0]):
                    best = (mount, fstype, device)
    except OSError:
        pass
    return best


def machine_info(temp_dir):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_kib = 0
    try:
        with open("/proc/meminfo") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    mem_kib = int(line.split()[1])
    except OSError:
        pass
    mount, fstype, device = filesystem_of(temp_dir)

    def version(argv):
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=10)
            return (done.stdout + done.stderr).strip().splitlines()[0]
        except (OSError, subprocess.TimeoutExpired, IndexError):
            return "?"

    try:
        commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        if dirty:
            commit += " (with uncommitted changes)"
    except (OSError, subprocess.TimeoutExpired):
        commit = "?"
    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu,
        "mem_total_gib": round(mem_kib / 1024 / 1024, 1),
        "kernel": platform.release(),
        "temp_dir": temp_dir,
        "temp_fs": {"mount": mount, "type": fstype, "device": device},
        "git_commit": commit,
        "wrk": version(["wrk", "-v"]),
        "python": platform.python_version(),
    }


def make_temp_dir(prefix):
    base = os.environ.get("BENCH_TMPDIR") or None
    return tempfile.mkdtemp(prefix=prefix, dir=base)


def install_signal_handlers():
    """Turn SIGTERM/SIGHUP into KeyboardInterrupt so try/finally cleanup runs."""
    def handler(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, handler)


def display_path(path):
    """path relative to the repository when it is inside it."""
    path = os.path.abspath(path)
    return os.path.relpath(path, ROOT) if path.startswith(ROOT + os.sep) else path


def write_json_atomically(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temp = path + ".tmp"
    with open(temp, "w") as handle:
        json.dump(obj, handle, indent=2, sort_keys=True)
        handle.write("\n")
    os.replace(temp, path)
