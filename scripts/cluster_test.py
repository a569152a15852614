#!/usr/bin/env python3
"""Multi-process test of the split deployment: 1 main-worker + 3 proc-workers.

Starts $MAIN_WORKER_BIN (default .build/debug/main-worker, with
-heartbeat-interval=200ms) and three $PROC_WORKER_BIN (default
.build/debug/proc-worker) on loopback, all on one temporary -shared-fs, and
checks through the main worker's REST API (admin Bearer key):

1. registry: GET /admin/workers lists the 3 workers "Available" with the main's
   key id and their announced tags.grpc_addr;
2. read-your-writes: 30 keys written and updated 3 times; after every update a
   GET returns the new body and ETag "<n>" (gRPC MainWorker.Process GETs of the
   same keys report which worker served them, and return the same versions);
3. failover: one worker is killed with SIGKILL while a reader (REST GETs of the
   30 keys) and a writer (updates of one key) keep running; the worker must
   leave /admin/workers within 10 s, and every read and write started after it
   left must succeed with the latest data (failures between the kill and its
   removal are counted and reported); every acknowledged write is readable;
4. rejoin: the same worker id started again shows up "Available" once (within
   15 s) and reads keep succeeding;
5. concurrency: 6 writer threads on distinct keys; every key reads back its
   last acknowledged document with ETag = number of writes;
6. stale caches: the worker that served most keys is paused (SIGSTOP) until
   it leaves /admin/workers, its keys are updated through the others, it is
   resumed (must rejoin "Available"), the other two are killed, and every key
   read through it alone must return the latest version, not its cached one;
7. no log of any process holds the master key, worker secret or admin key.

Prints a report (workers, reads, writes, failover time); exits 1 on failure.
Every wait is bounded; all processes are stopped at the end. Runtime < 60 s.
"""
import http.client
import json
import random
import sys
import tempfile
import threading
import time
from collections import Counter

from cluster_procs import Cluster, TestFailure, available, compile_grpc_stubs, ensure_modules, listed

DB = "clusterdb"
WORKER_IDS = ["cw-1", "cw-2", "cw-3"]
KEYS = [f"key-{i:02d}" for i in range(30)]
ROUNDS = 3
REMOVAL_LIMIT = 10.0
REJOIN_LIMIT = 15.0
WRITERS = 6
KEYS_PER_WRITER = 4
WRITES_PER_KEY = 6


def expect(condition, message):
    if not condition:
        raise TestFailure(message)


def document(key, round_, extra=None):
    doc = {"key": key, "round": round_, "items": list(range(round_)), "note": f"v{round_} of {key}"}
    if extra:
        doc.update(extra)
    return doc


class RestClient:
    """One keep-alive connection (per thread), reopened after any error."""

    def __init__(self, cluster, timeout=5):
        self.cluster = cluster
        self.timeout = timeout
        self.conn = None

    def call(self, method, path, body=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.cluster.rest_port, timeout=self.timeout)
        try:
            return self.cluster.rest(method, path, body=body, connection=self.conn)
        except (OSError, http.client.HTTPException):
            self.close()
            raise

    def put(self, key, doc):
        return self.call("PUT", f"/entity/{DB}", {key: doc})

    def get(self, key):
        return self.call("GET", f"/entity/{DB}?key={key}")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def check_read(response, key, doc, version):
    """None if the GET response has doc and ETag "version", else a description."""
    status, headers, body = response
    if status != 200:
        return f"GET {key}: {status} {body[:200]!r}"
    etag = headers.get("etag")
    if etag != f'"{version}"':
        return f"GET {key}: ETag {etag!r}, expected '\"{version}\"'"
    try:
        got = json.loads(body)
    except ValueError:
        return f"GET {key}: body is not JSON: {body[:200]!r}"
    if got != doc:
        return f"GET {key}: body {json.dumps(got)[:200]}, expected {json.dumps(doc)[:200]}"
    return None


class ClusterTest:
    def __init__(self, cluster, pb, pb_grpc):
        self.cluster = cluster
        self.pb = pb
        self.pb_grpc = pb_grpc
        self.report = []
        self.served_by = Counter()
        self.current = {}       # key -> (doc, version) last acknowledged
        self.last_server = {}   # key -> worker id that served its last gRPC read

    def log(self, line):
        self.report.append(line)
        print(f"  {line}", flush=True)

    # phase 1 ------------------------------------------------------------------

    def registry(self):
        workers, waited = self.cluster.wait_for_workers(
            lambda ws: all(available(ws, w) for w in WORKER_IDS), 15, "3 workers Available")
        for worker_id in WORKER_IDS:
            entries = [w for w in workers if w.get("worker_id") == worker_id]
            expect(len(entries) == 1, f"{worker_id} is listed {len(entries)} times: {workers!r}")
            entry = entries[0]
            expect(entry.get("key_id") == self.cluster.key_id,
                   f"{worker_id} key_id {entry.get('key_id')!r}, expected {self.cluster.key_id!r}")
            address = (entry.get("tags") or {}).get("grpc_addr")
            expect(address == self.cluster.worker_addrs[worker_id],
                   f"{worker_id} tags.grpc_addr {address!r}, announced {self.cluster.worker_addrs[worker_id]!r}")
            expect("last_seen" in entry, f"{worker_id} has no last_seen: {entry!r}")
        status, _, body = self.cluster.rest("GET", "/admin/workers", auth=False)
        expect(status == 401, f"GET /admin/workers without credentials answered {status}, expected 401")
        self.log(f"registry: {len(workers)} workers listed, {', '.join(WORKER_IDS)} Available "
                 f"(after {waited:.1f}s), key_id {self.cluster.key_id}, grpc_addr tags match")

    # phase 2 ------------------------------------------------------------------

    def read_your_writes(self):
        client = RestClient(self.cluster)
        writes = reads = 0
        for round_ in range(1, ROUNDS + 1):
            for key in KEYS:
                doc = document(key, round_)
                status, _, body = client.put(key, doc)
                expect(status == 200, f"PUT {key} round {round_}: {status} {body[:200]!r}")
                writes += 1
                problem = check_read(client.get(key), key, doc, round_)
                expect(problem is None, f"read after write (round {round_}): {problem}")
                reads += 1
                self.current[key] = (doc, round_)
        client.close()
        self.log(f"read-your-writes: {writes} PUTs, {reads} GETs, every GET returned the new body and ETag")
        self.grpc_reads("after the writes")

    def grpc_reads(self, label):
        """GETs every key through MainWorker.Process; returns the worker ids that served them."""
        import grpc
        served = Counter()
        with grpc.insecure_channel(self.cluster.grpc_addr) as channel:
            stub = self.pb_grpc.MainWorkerStub(channel)
            metadata = (("authorization", f"Bearer {self.cluster.admin_key}"),)
            for key in KEYS:
                doc, version = self.current[key]
                try:
                    response = stub.Process(self.pb.ProcessRequest(database_name=DB, entity_key=key, operation="GET"),
                                            metadata=metadata, timeout=10)
                except grpc.RpcError as error:
                    raise TestFailure(f"gRPC GET {key} {label}: {error.code().name} {error.details()!r}")
                expect(response.version == version and json.loads(response.result) == doc,
                       f"gRPC GET {key} {label}: version {response.version} (expected {version}), "
                       f"result {response.result[:200]!r}")
                served[response.worker_id] += 1
                self.last_server[key] = response.worker_id
        self.served_by.update(served)
        self.log(f"gRPC reads {label}: {len(KEYS)} GETs at the latest version, served by "
                 f"{dict(sorted(served.items()))}")
        unknown = set(served) - set(WORKER_IDS)
        expect(not unknown, f"ProcessResponse.worker_id names unknown workers: {sorted(unknown)}")
        return served

    # phase 3 ------------------------------------------------------------------

    def failover(self):
        victim = self.served_by.most_common(1)[0][0] if self.served_by else WORKER_IDS[1]
        stop = threading.Event()
        reads = []     # (started, finished, problem or None)
        writes = []    # (started, finished, ok, version or detail)
        writer_key = "failover-writer"
        sent = {}      # version candidates: sequence -> doc

        def reader():
            client = RestClient(self.cluster)
            rng = random.Random(7)
            while not stop.is_set():
                key = rng.choice(KEYS)
                doc, version = self.current[key]
                started = time.monotonic()
                try:
                    problem = check_read(client.get(key), key, doc, version)
                except (OSError, http.client.HTTPException) as error:
                    problem = f"GET {key}: {type(error).__name__}: {error}"
                reads.append((started, time.monotonic(), problem))
            client.close()

        def writer():
            client = RestClient(self.cluster)
            sequence = 0
            while not stop.is_set():
                sequence += 1
                doc = {"seq": sequence}
                sent[sequence] = doc
                started = time.monotonic()
                try:
                    status, _, body = client.put(writer_key, doc)
                    writes.append((started, time.monotonic(), status == 200,
                                   sequence if status == 200 else f"{status} {body[:200]!r}"))
                except (OSError, http.client.HTTPException) as error:
                    writes.append((started, time.monotonic(), False, f"{type(error).__name__}: {error}"))
                time.sleep(0.02)
            client.close()

        threads = [threading.Thread(target=reader, daemon=True), threading.Thread(target=reader, daemon=True),
                   threading.Thread(target=writer, daemon=True)]
        for thread in threads:
            thread.start()
        try:
            time.sleep(0.5)
            killed_at = time.monotonic()
            self.cluster.kill_worker(victim)
            _, removal = self.cluster.wait_for_workers(lambda ws: not listed(ws, victim), REMOVAL_LIMIT,
                                                       f"{victim} to leave /admin/workers after SIGKILL")
            gone_at = killed_at + removal
            time.sleep(1.5)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=10)
        expect(not any(t.is_alive() for t in threads), "a reader or writer thread is stuck (>10 s)")

        # A read counts as "before" only if it finished before the kill, and as
        # "after" only if it started once the worker had left the registry.
        before = [r for r in reads if r[1] < killed_at]
        window = [r for r in reads if r[1] >= killed_at and r[0] < gone_at]
        after = [r for r in reads if r[0] >= gone_at]
        window_failures = [r[2] for r in window if r[2]]
        after_failures = [r[2] for r in after if r[2]]
        before_failures = [r[2] for r in before if r[2]]
        self.log(f"failover: SIGKILL {victim}; left /admin/workers after {removal:.2f}s; reads before/during/after "
                 f"removal: {len(before)}/{len(window)}/{len(after)}, failed {len(before_failures)}/"
                 f"{len(window_failures)}/{len(after_failures)}")
        if window_failures:
            self.log(f"  note: {len(window_failures)} reads failed between the kill and the removal "
                     f"(DESIGN.md §6 says reads are retried elsewhere), first: {window_failures[0]}")
        expect(not before_failures, f"reads failed before the kill: {before_failures[:3]}")
        expect(len(after) >= 5, f"only {len(after)} reads ran after the removal")
        expect(not after_failures, f"{len(after_failures)} reads failed after {victim} left the registry, "
                                   f"first: {after_failures[:3]}")

        acked = [w for w in writes if w[2]]
        failed_writes = [w for w in writes if not w[2]]
        failed_after = [w for w in failed_writes if w[0] >= gone_at]
        self.log(f"failover writer: {len(writes)} PUTs, {len(acked)} acknowledged, {len(failed_writes)} failed "
                 f"({len(failed_after)} after the removal)")
        if failed_writes:
            self.log(f"  note: first failed write: {failed_writes[0][3]}")
        expect(not failed_after, f"writes failed after the removal: {[w[3] for w in failed_after[:3]]}")
        expect(acked, "no write was acknowledged during the failover")
        last_acked = acked[-1][3]
        status, headers, body = self.cluster.rest("GET", f"/entity/{DB}?key={writer_key}")
        expect(status == 200, f"GET {writer_key} after the failover: {status} {body[:200]!r}")
        stored = json.loads(body)
        version = int(headers.get("etag", '"0"').strip('"'))
        # An unacknowledged write may still have committed; nothing acknowledged may be lost.
        expect(stored.get("seq", 0) >= last_acked,
               f"acknowledged write lost: last acknowledged seq {last_acked}, stored {stored!r}")
        expect(version >= len(acked), f"{writer_key} is at version {version}, but {len(acked)} writes were acknowledged")
        self.failover_seconds = removal
        self.victim = victim
        self.read_counts = (len(reads), sum(1 for r in reads if r[2]))

    # phase 4 ------------------------------------------------------------------

    def rejoin(self):
        victim = self.victim
        started = time.monotonic()
        self.cluster.start_worker(victim)
        workers, waited = self.cluster.wait_for_workers(lambda ws: available(ws, victim), REJOIN_LIMIT,
                                                        f"restarted {victim} to be Available")
        took = time.monotonic() - started
        expect(sum(1 for w in workers if w.get("worker_id") == victim) == 1, f"{victim} is listed twice: {workers!r}")
        expect(all(available(workers, w) for w in WORKER_IDS), f"not all 3 workers Available after rejoin: {workers!r}")
        entry = next(w for w in workers if w.get("worker_id") == victim)
        expect((entry.get("tags") or {}).get("grpc_addr") == self.cluster.worker_addrs[victim],
               f"rejoined {victim} lists grpc_addr {entry.get('tags')!r}, announced {self.cluster.worker_addrs[victim]!r}")
        client = RestClient(self.cluster)
        for key in KEYS:
            doc, version = self.current[key]
            problem = check_read(client.get(key), key, doc, version)
            expect(problem is None, f"read after {victim} rejoined: {problem}")
        client.close()
        served = self.grpc_reads(f"after {victim} rejoined")
        self.log(f"rejoin: {victim} Available again {took:.2f}s after restart; {len(KEYS)} REST reads passed; "
                 f"{victim} served {served.get(victim, 0)} of the gRPC reads")

    # phase 5 ------------------------------------------------------------------

    def concurrent_writers(self):
        acked = {}                   # key -> (doc, writes acknowledged)
        errors = []
        lock = threading.Lock()

        def run(index):
            client = RestClient(self.cluster, timeout=10)
            keys = [f"cw{index}-{j}" for j in range(KEYS_PER_WRITER)]
            rng = random.Random(index)
            counts = dict.fromkeys(keys, 0)
            try:
                for step in range(KEYS_PER_WRITER * WRITES_PER_KEY):
                    key = keys[step % KEYS_PER_WRITER]
                    doc = {"writer": index, "step": step, "pad": "x" * rng.randint(1, 2048)}
                    status, _, body = client.put(key, doc)
                    if status != 200:
                        raise TestFailure(f"PUT {key}: {status} {body[:200]!r}")
                    counts[key] += 1
                    with lock:
                        acked[key] = (doc, counts[key])
            except (TestFailure, OSError, http.client.HTTPException) as error:
                with lock:
                    errors.append(f"writer {index}: {error}")
            finally:
                client.close()

        threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(WRITERS)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        expect(not any(t.is_alive() for t in threads), "a concurrent writer is stuck (>30 s)")
        took = time.monotonic() - started
        expect(not errors, f"concurrent writes failed: {errors[:3]}")
        client = RestClient(self.cluster)
        problems = [p for p in (check_read(client.get(key), key, doc, version)
                                for key, (doc, version) in sorted(acked.items())) if p]
        client.close()
        total = sum(version for _, version in acked.values())
        expect(len(acked) == WRITERS * KEYS_PER_WRITER, f"only {len(acked)} keys were written")
        expect(not problems, f"{len(problems)} keys do not read back their last acknowledged write: {problems[:3]}")
        self.log(f"concurrent writers: {WRITERS} threads, {total} PUTs to {len(acked)} keys in {took:.1f}s; "
                 f"every key reads back its last acknowledged document and ETag")
        self.concurrent_writes = total


    # phase 6 ------------------------------------------------------------------

    def stale_cache(self):
        """A worker that was paused (and dropped) while its cached keys changed
        elsewhere must not serve the old versions once it is back."""
        self.grpc_reads("before the pause")          # the serving workers cache these keys now
        served = Counter(self.last_server[key] for key in KEYS)
        paused, _ = served.most_common(1)[0]
        cached = [key for key in KEYS if self.last_server[key] == paused]
        process = self.cluster.workers[paused]
        process.pause()
        hung_read = {}

        def read_while_hung():
            # Routed (cache-aware) to the paused worker before the registry drops
            # it: reported, not asserted — how long a hung worker stalls a client.
            key = cached[0]
            started = time.monotonic()
            try:
                status, headers, _ = RestClient(self.cluster, timeout=12).get(key)
                hung_read["result"] = f"{status} ETag {headers.get('etag')}"
            except (OSError, http.client.HTTPException) as error:
                hung_read["result"] = f"{type(error).__name__}"
            hung_read["seconds"] = time.monotonic() - started

        probe = threading.Thread(target=read_while_hung, daemon=True)
        probe.start()
        try:
            _, dropped = self.cluster.wait_for_workers(lambda ws: not listed(ws, paused), REMOVAL_LIMIT,
                                                       f"SIGSTOPped {paused} to leave /admin/workers")
            client = RestClient(self.cluster)
            for key in cached:
                doc, version = self.current[key]
                new_doc = document(key, version + 1, {"after_pause": True})
                status, _, body = client.put(key, new_doc)
                expect(status == 200, f"PUT {key} while {paused} is paused: {status} {body[:200]!r}")
                self.current[key] = (new_doc, version + 1)
            client.close()
        finally:
            process.resume()
        probe.join(timeout=15)
        _, back = self.cluster.wait_for_workers(lambda ws: available(ws, paused), REJOIN_LIMIT,
                                                f"resumed {paused} to be Available again (resubscribe)")
        others = [w for w in list(self.cluster.workers) if w != paused]
        for worker_id in others:
            self.cluster.kill_worker(worker_id)
        self.cluster.wait_for_workers(lambda ws: all(not listed(ws, w) for w in others) and available(ws, paused),
                                      REMOVAL_LIMIT, f"only {paused} to be left after killing {others}")
        served = self.grpc_reads(f"with only {paused} left")
        expect(set(served) == {paused}, f"reads with only {paused} left were served by {dict(served)}")
        client = RestClient(self.cluster)
        for key in KEYS:
            doc, version = self.current[key]
            problem = check_read(client.get(key), key, doc, version)
            expect(problem is None, f"REST read with only {paused} left: {problem}")
        client.close()
        self.log(f"stale cache: SIGSTOP {paused} (it had served {len(cached)} keys), dropped after {dropped:.2f}s; "
                 f"{len(cached)} keys updated elsewhere; SIGCONT, Available again after {back:.2f}s; with only "
                 f"{paused} left every key reads at its latest version")
        self.log(f"  note: a GET of {cached[0]} sent right after the SIGSTOP answered "
                 f"{hung_read.get('result', 'nothing (still waiting)')} after {hung_read.get('seconds', 15):.2f}s")


def main():
    ensure_modules()
    started = time.monotonic()
    cluster = None
    failed = True
    with tempfile.TemporaryDirectory(prefix="deltadb-stubs-") as stubs:
        try:
            pb, pb_grpc = compile_grpc_stubs(stubs)
            cluster = Cluster(main_args=["-heartbeat-interval=200ms"])
            cluster.start_main()
            for worker_id in WORKER_IDS:
                cluster.start_worker(worker_id)
            print(f"cluster_test: main REST :{cluster.rest_port}, gRPC {cluster.grpc_addr}; workers "
                  + ", ".join(f"{w}@{cluster.worker_addrs[w]}" for w in WORKER_IDS), flush=True)
            test = ClusterTest(cluster, pb, pb_grpc)
            test.registry()
            test.read_your_writes()
            test.failover()
            test.rejoin()
            test.concurrent_writers()
            test.stale_cache()
            cluster.shutdown()
            leaks = cluster.secrets_in_logs()
            expect(not leaks, f"secrets in logs: {', '.join(leaks)}")
            test.log("log hygiene: no master key, worker secret or admin key in any process's log")
            reads, read_failures = test.read_counts
            print(f"cluster_test: passed in {time.monotonic() - started:.1f}s — workers {len(WORKER_IDS)} "
                  f"(killed and restarted {test.victim}), failover {test.failover_seconds:.2f}s, failover reads "
                  f"{reads} ({read_failures} failed before removal), writes {len(KEYS) * ROUNDS} + "
                  f"{test.concurrent_writes} concurrent; gRPC reads served per worker "
                  f"{dict(sorted(test.served_by.items()))}")
            failed = False
        except TestFailure as error:
            print(f"cluster_test: FAIL: {error}", flush=True)
            if cluster:
                for process in cluster.processes():
                    print(f"--- {process.name} stderr tail:\n{process.stderr_tail(12)}", flush=True)
        finally:
            if cluster:
                cluster.shutdown()
                cluster.cleanup(failed)
    if failed:
        print(f"cluster_test: FAILED after {time.monotonic() - started:.1f}s")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
