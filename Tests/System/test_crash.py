"""SIGKILL crash harness: writer threads PUT to a `deltadb`, which is killed at a
random moment and restarted on the same directory, five times. After every
restart:

* every acknowledged write is readable at that version or later (the stored
  `seq` is at least the acknowledged one, the ETag version at least the number
  of acknowledged writes to that key), and nothing was read that was never sent;
* no entity is unreadable (no 5xx, and no 404 for an acknowledged key);
* no `.tmp-` file is left (start-up runs storage recovery).

$DELTADB_CRASH_SEED repeats a run; the seed is in every failure message.
"""
import http.client
import json
import os
import random
import threading
import time

DB = "crashdb"
ROUNDS = 5
WRITERS = 8
KEYS_PER_WRITER = 3


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
        self.refused = []        # PUTs the live server answered with something other than 200


def writer(index, server, ledger, stop, seqs, rng):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    keys = [f"k{index}-{j}" for j in range(KEYS_PER_WRITER)]
    try:
        while not stop.is_set():
            key = rng.choice(keys)
            seqs[index] += 1
            seq = seqs[index]
            body = {key: {"w": index, "seq": seq, "pad": "x" * rng.randint(16, 4096)}}
            with ledger.lock:
                ledger.owner[key] = index
                ledger.attempted[key] = ledger.attempted.get(key, 0) + 1
                ledger.max_sent_seq[key] = seq
            status, _, answer = server.rest("PUT", f"/entity/{DB}", body, connection=conn)
            if status != 200:
                ledger.refused.append(f"PUT {key} answered {status}: {answer[:200]!r}")
                return
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


def problems_after_restart(server, ledger):
    """Every key written so far, read back from the restarted server; returns what is wrong."""
    problems = []
    for key, attempted in sorted(ledger.attempted.items()):
        status, headers, body = server.rest("GET", f"/entity/{DB}?key={key}")
        acked = ledger.acked_count.get(key, 0)
        if status == 404 and acked == 0:
            continue  # the only writes to it were never acknowledged
        if status != 200:
            problems.append(f"unreadable: {key}: GET answered {status}: {body[:200]!r}")
            continue
        value = json.loads(body)
        version = int(headers.get("etag", '"0"').strip('"'))
        seq = value.get("seq", -1)
        if value.get("w") != ledger.owner[key] or seq < ledger.acked_seq.get(key, 0) or version < acked:
            problems.append(f"lost: {key}: has seq {seq} version {version}, acknowledged seq "
                            f"{ledger.acked_seq.get(key)} after {acked} writes")
        elif seq > ledger.max_sent_seq[key] or version > attempted:
            problems.append(f"invented: {key}: seq {seq} / version {version} was never sent")
    problems += [f"leftover temp file after restart: {path}" for path in temp_files(server.data)]
    return problems


def test_acknowledged_writes_survive_sigkill(start_deltadb):
    seed = int(os.environ.get("DELTADB_CRASH_SEED") or random.randrange(1 << 30))
    rng = random.Random(seed)
    ledger, seqs, problems, crashed_temps = Ledger(), [0] * WRITERS, [], 0
    server = start_deltadb(log_level=None)
    for _ in range(ROUNDS):
        stop = threading.Event()
        threads = [threading.Thread(target=writer, args=(i, server, ledger, stop, seqs, random.Random(rng.random())))
                   for i in range(WRITERS)]
        for thread in threads:
            thread.start()
        time.sleep(rng.uniform(0.4, 2.0))  # not a wait for readiness: the crash comes at a random moment
        server.kill()  # SIGKILL while the writers are mid-request
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
        crashed_temps += len(temp_files(server.data))  # what the next start-up must clean
        server.start()
        problems += problems_after_restart(server, ledger)

    print(f"crash harness: {ROUNDS} rounds, {ledger.acknowledged} acknowledged writes checked "
          f"({len(ledger.attempted)} keys), {crashed_temps} temp files left by kills (seed {seed})")
    assert ledger.acknowledged > 0, f"no write was acknowledged (seed {seed}); see the logs in {server.directory}"
    assert not ledger.refused, f"the live server refused writes (seed {seed}): {ledger.refused[:5]}"
    assert not problems, f"{len(problems)} problems (seed {seed}):\n" + "\n".join(problems[:20])
