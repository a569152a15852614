#!/usr/bin/env python3
"""SIGKILL crash harness for deltadb (Python 3 standard library only).

Starts ``$DELTADB_BIN`` (default ``.build/debug/deltadb``) on a free loopback
port with a temporary data directory and fixed keys, runs concurrent writer
threads doing PUTs, SIGKILLs the server at a random moment, restarts it on the
same directory and checks that:

* every acknowledged write is readable at that version or later (the stored
  ``seq`` is at least the acknowledged one and the ETag version at least the
  number of acknowledged writes to that key);
* no entity is unreadable (a GET never answers 5xx, an acknowledged key never 404);
* no ``.tmp-`` file is left after a restart (start-up runs storage recovery).

Usage:  python3 scripts/crash_harness.py [--rounds 5] [--writers 8] [--seed N]
Prints one report line and exits non-zero on any failure. Bounded: < 45 s.
"""
import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ADMIN_KEY = "crash-harness-admin-key-0123456789"
MASTER_KEY = "cd" * 32
DB = "crashdb"
KEYS_PER_WRITER = 3
STARTUP_SECONDS = 15.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One deltadb process on the shared data directory."""

    def __init__(self, binary, data_dir, log_path):
        self.port = free_port()
        self.log = open(log_path, "ab")
        self.process = subprocess.Popen(
            [binary, f"-rest-addr=127.0.0.1:{self.port}", f"-shared-fs={data_dir}",
             f"-admin-key={ADMIN_KEY}", f"-master-key={MASTER_KEY}"],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"deltadb exited with {self.process.returncode} at start-up; see {log_path}")
            try:
                if request(self.port, "GET", "/health", timeout=1)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"deltadb did not answer /health within {STARTUP_SECONDS:.0f}s; see {log_path}")

    def kill(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.log.close()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def request(port, method, path, body=None, timeout=5, connection=None):
    """Returns (status, headers dict, body bytes)."""
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        if connection is None:
            conn.close()


class Ledger:
    """What each key was sent and what was acknowledged, shared by the writers."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked_seq = {}      # key -> highest acknowledged seq
        self.acked_count = {}    # key -> acknowledged writes
        self.attempted = {}      # key -> writes sent (acknowledged or not)
        self.max_sent_seq = {}   # key -> highest seq sent
        self.owner = {}          # key -> writer
        self.acknowledged = 0


def writer(index, port, ledger, stop, seqs, rng):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    keys = [f"k{index}-{j}" for j in range(KEYS_PER_WRITER)]
    try:
        while not stop.is_set():
            key = rng.choice(keys)
            seqs[index] += 1
            seq = seqs[index]
            body = json.dumps({key: {"w": index, "seq": seq, "pad": "x" * rng.randint(16, 4096)}})
            with ledger.lock:
                ledger.owner[key] = index
                ledger.attempted[key] = ledger.attempted.get(key, 0) + 1
                ledger.max_sent_seq[key] = seq
            status, _, _ = request(port, "PUT", f"/entity/{DB}", body.encode(), connection=conn)
            if status != 200:
                raise RuntimeError(f"PUT {key} answered {status}")
            with ledger.lock:
                ledger.acked_seq[key] = seq
                ledger.acked_count[key] = ledger.acked_count.get(key, 0) + 1
                ledger.acknowledged += 1
    except (OSError, http.client.HTTPException):
        pass  # the server was killed: this write is unacknowledged
    finally:
        conn.close()


def temp_files(data_dir):
    return [os.path.join(root, name) for root, _, names in os.walk(os.path.join(data_dir, "files"))
            for name in names if name.startswith(".tmp-")]


def verify(port, ledger, data_dir, problems):
    """Checks every key written so far; returns (lost, unreadable, leftover temp files)."""
    lost = unreadable = 0
    for key, attempted in sorted(ledger.attempted.items()):
        status, headers, body = request(port, "GET", f"/entity/{DB}?key={key}")
        acked = ledger.acked_count.get(key, 0)
        if status == 404 and acked == 0:
            continue  # the only writes to it were never acknowledged
        if status != 200:
            unreadable += 1
            problems.append(f"{key}: GET answered {status}: {body[:200]!r}")
            continue
        value = json.loads(body)
        version = int(headers.get("etag", '"0"').strip('"'))
        seq = value.get("seq", -1)
        if value.get("w") != ledger.owner[key] or seq < ledger.acked_seq.get(key, 0) or version < acked:
            lost += 1
            problems.append(f"{key}: has seq {seq} version {version}, acknowledged seq "
                            f"{ledger.acked_seq.get(key)} after {acked} writes")
        elif seq > ledger.max_sent_seq[key] or version > attempted:
            problems.append(f"{key}: seq {seq} / version {version} was never sent")
    leftovers = temp_files(data_dir)
    problems += [f"leftover temp file after restart: {path}" for path in leftovers]
    return lost, unreadable, len(leftovers)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = os.environ.get("DELTADB_BIN", os.path.join(root, ".build", "debug", "deltadb"))
    if not os.access(binary, os.X_OK):
        print(f"crash harness: no server binary at {binary}; build it (swift build) or set DELTADB_BIN", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="deltadb-crash-")
    data_dir, log_path = os.path.join(work, "data"), os.path.join(work, "server.log")
    ledger, problems, seqs = Ledger(), [], [0] * args.writers
    lost = unreadable = leftovers = crashed_temps = 0
    started = time.monotonic()
    try:
        for _ in range(args.rounds):
            server = Server(binary, data_dir, log_path)
            counts = verify(server.port, ledger, data_dir, problems)
            lost, unreadable, leftovers = lost + counts[0], unreadable + counts[1], leftovers + counts[2]
            stop = threading.Event()
            threads = [threading.Thread(target=writer, args=(i, server.port, ledger, stop, seqs,
                                                             random.Random(rng.random())))
                       for i in range(args.writers)]
            for thread in threads:
                thread.start()
            time.sleep(rng.uniform(0.4, 2.0))
            server.kill()  # SIGKILL while the writers are mid-request
            stop.set()
            for thread in threads:
                thread.join(timeout=10)
            crashed_temps += len(temp_files(data_dir))  # what the next start-up must clean
        server = Server(binary, data_dir, log_path)
        counts = verify(server.port, ledger, data_dir, problems)
        lost, unreadable, leftovers = lost + counts[0], unreadable + counts[1], leftovers + counts[2]
        server.stop()
    except Exception as error:  # a failure to start or an unexpected answer is a failure too
        problems.append(f"harness error: {error}")
    elapsed = time.monotonic() - started
    print(f"crash harness: {args.rounds} rounds, {ledger.acknowledged} acknowledged writes checked "
          f"({len(ledger.attempted)} keys), {lost} lost, {unreadable} unreadable, "
          f"{leftovers} leftover temp files (of {crashed_temps} left by kills), {elapsed:.1f}s (seed {seed})")
    for problem in problems[:20]:
        print(f"  FAIL {problem}", file=sys.stderr)
    if problems:
        print(f"crash harness: FAILED; server log kept at {log_path}", file=sys.stderr)
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
