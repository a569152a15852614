#!/usr/bin/env python3
"""`make bench`: DeltaDatabase's throughput and latency against this machine's ceilings.

Runs time-bounded workloads against release binaries, prints one table and
writes bench/results/latest.json. See docs/performance.md for what each row
means. Nothing here asserts a speed: a missed target is reported, not fatal.
A workload that cannot be measured correctly (a non-2xx response, a socket
error, an acknowledged write that was not stored) fails its row loudly and
makes the script exit non-zero after the table is printed.

Environment:
  BENCH_SECONDS   seconds per load run (default 6; wrk -d)
  BENCH_REPEAT    runs per row (default 3); a row reports its median run
  BENCH_KEYS      preloaded keys (default 1000)
  BENCH_ONLY      comma-separated row ids to run (default: all; ceilings that
                  a chosen row compares with still run)
  BENCH_TMPDIR    where the temporary data directories go (default: $TMPDIR or /tmp)
  BENCH_RESULTS   where the JSON goes (default bench/results/latest.json)
  DELTADB_BIN, MAIN_WORKER_BIN, PROC_WORKER_BIN, DELTADB_BENCH_BIN   binaries
                  (default .build/release/...)
"""
import json
import os
import shutil
import subprocess
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_common as bc  # noqa: E402
from bench_common import BenchFailure, DATABASE, DOC, key_name  # noqa: E402
from support.processes import Cluster, LaunchError  # noqa: E402  (Tests/System/support, stdlib only)

SECONDS = int(os.environ.get("BENCH_SECONDS", "6"))
REPEAT = max(1, int(os.environ.get("BENCH_REPEAT", "3")))
KEYS = int(os.environ.get("BENCH_KEYS", "1000"))
RESULTS = os.environ.get("BENCH_RESULTS", os.path.join(bc.ROOT, "bench", "results", "latest.json"))
CACHE_ARGS = ["-cache-size=100000", f"-cache-max-bytes={1 << 30}"]

# Row id -> (label, ceiling row id or a special, comparisons [(other row id, target ratio)]).
# "ratio" is always this row's ops/s divided by the other row's ops/s.
ROWS = [
    ("get_c1", "REST GET warm, c=1", "nginx_c1", [("nginx_c1", 0.5)]),
    ("get_c32", "REST GET warm, c=32", "nginx_c32", [("nginx_c32", 0.5), ("etcd_range_c32", 3.0)]),
    ("put_c1", "REST PUT durable, c=1", "atomic_1", [("etcd_put_c1", 1.0)]),
    ("put_c32", "REST PUT durable, c=32", "atomic_32", [("etcd_put_c32", 1.0)]),
    ("mix_c32", "REST 90% GET / 10% PUT, c=32", "mix_ceiling", [("mix_ceiling", 0.5)]),
    # The default server with -metrics-addr: metrics may cost at most 3 % of GET throughput.
    ("get_c32_metrics", "REST GET warm, c=32, -metrics-addr", "get_c32", [("get_c32", 0.97)]),
    # -workers 1: an embedded Processing Worker over gRPC's in-process transport (the
    # default until issue 15), for what that hop costs.
    ("hop_get_c32", "REST GET warm, c=32, -workers 1 (in-process gRPC hop)", "get_c32", []),
    ("hop_put_c32", "REST PUT durable, c=32, -workers 1 (in-process gRPC hop)", "put_c32", []),
    ("split_get_c32", "split GET warm, c=32 (1 main + 2 proc)", "etcd_range_c32", [("etcd_range_c32", 1.0)]),
    ("split_put_c32", "split PUT durable, c=32 (1 main + 2 proc)", "atomic_32", [("atomic_32", 0.8)]),
    ("grpc_get_c32", "gRPC Process GET, c=32 (split, Swift client)", "etcd_range_c32", [(3500, 1.0)]),
    ("grpc_put_c32", "gRPC Process PUT, c=32 (split, Swift client)", "etcd_put_c32", []),
    ("schema", "schema: parse + validate 1 KiB, 1 thread", None, []),
    ("nginx_c1", "ceiling: nginx static 1 KiB, c=1", "ceiling", []),
    ("nginx_c32", "ceiling: nginx static 1 KiB, c=32", "ceiling", []),
    ("etcd_range_c32", "ceiling: etcd range 1 KiB, c=32", "ceiling", []),
    ("etcd_put_c1", "ceiling: etcd put 1 KiB, c=1", "ceiling", []),
    ("etcd_put_c32", "ceiling: etcd put 1 KiB, c=32", "ceiling", []),
    ("atomic_1", "ceiling: atomic replace 1 KiB, 1 thread", "ceiling", []),
    ("atomic_32", "ceiling: atomic replace 1 KiB, 32 threads", "ceiling", []),
]
# A comparison against a number (not a row id) is an absolute target in ops/s:
# its "ratio" is ops/s divided by that number.
LABELS = {row_id: label for row_id, label, _, _ in ROWS}


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Bench:
    def __init__(self, temp):
        self.temp = temp
        self.results = {}     # row id -> dict (ops_per_s, p50_ms, p99_ms, ...)
        self.failures = {}    # row id -> message
        only = os.environ.get("BENCH_ONLY", "").strip()
        self.only = set(filter(None, (s.strip() for s in only.split(",")))) if only else None
        self.keys = [key_name(i) for i in range(KEYS)]

    def wanted(self, *row_ids):
        if self.only is None:
            return True
        needed = set(self.only)
        for row_id, _, ceiling, comparisons in ROWS:
            if row_id in self.only:
                needed.add(ceiling)
                needed.update(other for other, _ in comparisons if isinstance(other, str))
                if ceiling == "mix_ceiling":
                    needed.update({"nginx_c32", "atomic_32"})
        return any(row_id in needed for row_id in row_ids)

    def record(self, row_id, measure):
        """Runs measure() -> result dict REPEAT times for one row and keeps the run with the
        median ops/s (its latencies too; every run's ops/s goes into the JSON's details).
        A failure is kept, not raised."""
        if not self.wanted(row_id):
            return
        log(f"{LABELS[row_id]} ...")
        try:
            runs = []
            for _ in range(REPEAT):
                runs.append(measure())
                log(f"  {runs[-1]['ops_per_s']:.0f} ops/s, p50 {fmt_ms(runs[-1].get('p50_ms'))} ms, "
                    f"p99 {fmt_ms(runs[-1].get('p99_ms'))} ms")
            result = dict(sorted(runs, key=lambda run: run["ops_per_s"])[(len(runs) - 1) // 2])
            result["runs_ops_per_s"] = [round(run["ops_per_s"], 1) for run in runs]
            self.results[row_id] = result
            if len(runs) > 1:
                log(f"  median {result['ops_per_s']:.0f} ops/s")
        except BenchFailure as error:
            self.failures[row_id] = str(error)
            log(f"  FAILED: {error}")

    # -- Lua scripts --------------------------------------------------------

    def fail_rows(self, row_ids, reason):
        """Marks the wanted rows of a server that could not be set up (a row's own failure wins)."""
        for row_id in filter(self.wanted, row_ids):
            self.failures.setdefault(row_id, reason)

    def lua(self, name, kinds, headers, connections):
        path = os.path.join(self.temp, f"{name}.lua")
        return bc.write_lua(path, kinds, headers, threads=min(2, connections))

    def delta_get_specs(self):
        return [("GET", f"/entity/{DATABASE}?key={k}", None) for k in self.keys]

    def delta_put_specs(self):
        return [("PUT", f"/entity/{DATABASE}", ('{"' + k + '":', "}")) for k in self.keys]

    # -- DeltaDatabase --------------------------------------------------------

    def preload(self, port, token):
        stored = bc.put_batches(port, token, self.keys, batch=100, connections=4,
                                deadline=time.monotonic() + 300)
        if stored != len(self.keys):
            raise BenchFailure(f"preload stored {stored} of {len(self.keys)} keys")

    def warm(self, port, token):
        """GETs every key once (fills the cache) and checks the document round-trips."""
        client = bc.Client(port, token)
        try:
            for key in self.keys:
                status, _, body = client.request("GET", f"/entity/{DATABASE}?key={key}")
                bc.expect(status, body, f"GET {key}")
                if json.loads(body) != json.loads(DOC):
                    raise BenchFailure(f"GET {key} returned a different document")
        finally:
            client.close()

    def delta_runs(self, port, token, prefix, plan):
        """plan: [(row id, kind: get|put|mix, connections)]."""
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        for row_id, kind, connections in plan:
            if not self.wanted(row_id):
                continue

            def measure(kind=kind, connections=connections, row_id=row_id):
                if kind == "get":
                    kinds = [(1.0, self.delta_get_specs())]
                elif kind == "put":
                    kinds = [(1.0, self.delta_put_specs())]
                else:
                    kinds = [(0.9, self.delta_get_specs()), (0.1, self.delta_put_specs())]
                script = self.lua(f"{prefix}-{row_id}", kinds, headers, connections)
                before = bc.versions_sum(port, token, self.keys) if kind != "get" else None
                result = bc.run_wrk(port, script, connections, SECONDS)
                if kind != "get":
                    # Every acknowledged PUT must have produced a version. wrk counts
                    # completed responses only; requests in flight at the end may add more.
                    after = bc.versions_sum(port, token, self.keys)
                    share = 1.0 if kind == "put" else 0.1
                    result["versions_written"] = after - before
                    if kind == "put" and after - before < result["requests"]:
                        raise BenchFailure(f"{result['requests']} PUTs acknowledged but only {after - before} "
                                           f"new versions stored")
                    result["put_share"] = share
                return result

            self.record(row_id, measure)

    def all_in_one(self):
        """The all-in-one server as `make run` starts it: the direct path (no -workers flag)."""
        self.deltadb("deltadb", None, "aio", [
            ("get_c1", "get", 1), ("get_c32", "get", 32),
            ("put_c1", "put", 1), ("put_c32", "put", 32),
            ("mix_c32", "mix", 32),
        ])

    def all_in_one_hop(self):
        """`-workers 1`: REST → gRPC's in-process transport → one embedded Processing Worker."""
        self.deltadb("deltadb-hop", "1", "hop", [
            ("hop_get_c32", "get", 32), ("hop_put_c32", "put", 32),
        ])

    def all_in_one_metrics(self):
        """The default server with -metrics-addr: the cost of recording metrics on every request."""
        self.deltadb("deltadb-metrics", None, "metrics", [("get_c32_metrics", "get", 32)],
                     extra_args=[f"-metrics-addr=127.0.0.1:{bc.free_port()}"])

    def deltadb(self, name, workers, prefix, plan, extra_args=()):
        rows = [row_id for row_id, _, _ in plan]
        if not self.wanted(*rows):
            return
        directory = os.path.join(self.temp, name)
        os.makedirs(directory)
        flags = ["-workers", workers] if workers is not None else []
        server = bc.DeltaServer(directory, os.path.join(directory, "data"), [*flags, *CACHE_ARGS, *extra_args])
        try:
            startup = server.start()
            log(f"deltadb (release, -workers {workers or 'default'}) up in {startup * 1000:.0f} ms on port {server.port}")
            self.preload(server.port, server.admin_key)
            self.warm(server.port, server.admin_key)
            self.delta_runs(server.port, server.admin_key, prefix, plan)
        except BenchFailure as error:
            self.fail_rows(rows, f"server setup failed: {error}")
        finally:
            code = server.stop()
            if code not in (0, None, -15):
                log(f"deltadb exited with {code} on SIGTERM")

    def split(self):
        rows = ["split_get_c32", "split_put_c32", "grpc_get_c32", "grpc_put_c32"]
        if not self.wanted(*rows):
            return
        bc.check_binaries(bc.MAIN_WORKER_BIN, bc.PROC_WORKER_BIN)
        directory = os.path.join(self.temp, "split")
        os.makedirs(directory)
        cluster = Cluster(bc.MAIN_WORKER_BIN, bc.PROC_WORKER_BIN, directory, main_args=CACHE_ARGS)
        try:
            cluster.start_main()
            for worker_id in ("bench-proc-1", "bench-proc-2"):
                cluster.start_worker(worker_id, CACHE_ARGS)
            cluster.wait_for_workers(
                lambda ws: sum(1 for w in ws if w.get("status") == "Available") >= 2, 30,
                "two Available workers")
            log(f"split mode up: main-worker REST port {cluster.rest_port}, workers {cluster.worker_addrs}")
            self.preload(cluster.rest_port, cluster.admin_key)
            self.warm(cluster.rest_port, cluster.admin_key)
            self.delta_runs(cluster.rest_port, cluster.admin_key, "split", [
                ("split_get_c32", "get", 32), ("split_put_c32", "put", 32),
            ])
            for row_id, op in (("grpc_get_c32", "GET"), ("grpc_put_c32", "PUT")):
                self.record(row_id, lambda op=op: self.grpc_load(cluster, op, 32))
        except (BenchFailure, LaunchError) as error:
            self.fail_rows(rows, f"cluster setup failed: {error}")
        finally:
            cluster.shutdown()
            shutil.rmtree(directory, ignore_errors=True)

    def grpc_load(self, cluster, op, concurrency):
        """MainWorker.Process through the Main Worker with the in-repo grpc-swift-2 client."""
        bc.check_binaries(bc.BENCH_BIN)
        path = os.path.join(self.temp, f"grpc-{op.lower()}.json")
        done = subprocess.run(
            [bc.BENCH_BIN, "grpc", "--addr", cluster.grpc_addr, "--key", cluster.admin_key, "--op", op,
             "--concurrency", str(concurrency), "--seconds", str(SECONDS), "--keys", str(KEYS), "--json", path],
            capture_output=True, text=True, timeout=SECONDS + 120, cwd=bc.ROOT)
        if done.returncode != 0:
            raise BenchFailure(f"deltadb-bench grpc {op} failed: {(done.stdout + done.stderr).strip()[-500:]}")
        with open(path) as handle:
            data = json.load(handle)
        if data.get("errors"):
            raise BenchFailure(f"deltadb-bench grpc {op}: {data['errors']} failed calls")
        return {"ops_per_s": float(data["ops_per_s"]), "p50_ms": data["p50_ms"], "p99_ms": data["p99_ms"],
                "requests": data.get("requests")}

    # -- Ceilings -------------------------------------------------------------

    def nginx(self):
        if not self.wanted("nginx_c1", "nginx_c32"):
            return
        server = bc.Nginx(self.temp)
        try:
            server.start()
            # Same request shape as the GET rows: one pre-formatted request per key,
            # chosen at random per request (nginx ignores the query string).
            specs = [("GET", f"/doc.json?key={k}", None) for k in self.keys]
            for row_id, connections in (("nginx_c1", 1), ("nginx_c32", 32)):
                script = self.lua(f"nginx-{connections}", [(1.0, specs)], {"Authorization": "Bearer x"}, connections)
                self.record(row_id, lambda s=script, c=connections: bc.run_wrk(server.port, s, c, SECONDS))
        except BenchFailure as error:
            self.fail_rows(("nginx_c1", "nginx_c32"), f"nginx failed: {error}")
        finally:
            server.stop()

    def etcd(self):
        if not self.wanted("etcd_put_c1", "etcd_put_c32", "etcd_range_c32"):
            return
        server = bc.Etcd(self.temp)
        try:
            server.start()
            value = bc.b64(DOC)
            client = bc.Client(server.port)
            for key in self.keys:
                status, _, body = client.request("POST", "/v3/kv/put",
                                                 {"key": bc.b64(f"{DATABASE}/{key}"), "value": value})
                bc.expect(status, body, "etcd put")
            status, _, body = client.request("POST", "/v3/kv/range", {"key": bc.b64(f"{DATABASE}/{self.keys[0]}")})
            bc.expect(status, body, "etcd range")
            kvs = json.loads(body).get("kvs", [])
            if len(kvs) != 1 or kvs[0].get("value") != value:
                raise BenchFailure(f"etcd range did not return the stored value: {body[:200]!r}")
            client.close()
            headers = {"Content-Type": "application/json"}
            range_specs = [("POST", "/v3/kv/range", '{"key":"' + bc.b64(f"{DATABASE}/{k}") + '"}') for k in self.keys]
            put_specs = [("POST", "/v3/kv/put", '{"key":"' + bc.b64(f"{DATABASE}/{k}") + '","value":"' + value + '"}')
                         for k in self.keys]
            range_script = self.lua("etcd-range", [(1.0, range_specs)], headers, 32)
            put_script = self.lua("etcd-put", [(1.0, put_specs)], headers, 32)
            self.record("etcd_range_c32", lambda: bc.run_wrk(server.port, range_script, 32, SECONDS))
            self.record("etcd_put_c32", lambda: bc.run_wrk(server.port, put_script, 32, SECONDS))
            put_script_c1 = self.lua("etcd-put-c1", [(1.0, put_specs)], headers, 1)
            self.record("etcd_put_c1", lambda: bc.run_wrk(server.port, put_script_c1, 1, SECONDS))
        except BenchFailure as error:
            self.fail_rows(("etcd_put_c1", "etcd_put_c32", "etcd_range_c32"), f"etcd failed: {error}")
        finally:
            server.stop()

    def atomic_replace(self):
        if not self.wanted("atomic_1", "atomic_32"):
            return
        source = os.path.join(bc.ROOT, "bench", "bench_atomic_replace.c")
        binary = os.path.join(self.temp, "bench_atomic_replace")
        compiler = shutil.which("gcc") or shutil.which("cc")
        if not compiler:
            for row_id in ("atomic_1", "atomic_32"):
                self.failures[row_id] = "no C compiler (gcc); run bench/install-bench-deps.sh"
            return
        subprocess.run([compiler, "-O2", "-pthread", "-o", binary, source], check=True, timeout=120)
        for row_id, threads in (("atomic_1", 1), ("atomic_32", 32)):
            def measure(threads=threads):
                directory = os.path.join(self.temp, f"atomic-{threads}")
                os.makedirs(directory)
                try:
                    done = subprocess.run([binary, directory, str(threads), str(SECONDS), "1024"],
                                          capture_output=True, text=True, timeout=SECONDS + 60)
                finally:
                    shutil.rmtree(directory, ignore_errors=True)
                if done.returncode != 0:
                    raise BenchFailure(f"atomic replace failed: {done.stderr.strip()}")
                return json.loads(done.stdout)
            self.record(row_id, measure)

    def schema(self):
        if not self.wanted("schema"):
            return

        def measure():
            bc.check_binaries(bc.BENCH_BIN)
            path = os.path.join(bc.ROOT, "bench", "results", "schema.json")
            seconds = str(max(1, min(SECONDS, 3)))
            done = subprocess.run([bc.BENCH_BIN, "schema", "--seconds", seconds, "--json", path],
                                  capture_output=True, text=True, timeout=120, cwd=bc.ROOT)
            if done.returncode != 0:
                raise BenchFailure(f"deltadb-bench schema failed: {done.stderr.strip()[-500:]}")
            with open(path) as handle:
                data = json.load(handle)
            rows = {w["name"]: w["ops_per_s"] for w in data["workloads"]}
            ops = rows.get("parse + validate")
            if ops is None:
                raise BenchFailure(f"no 'parse + validate' workload in {path}: {sorted(rows)}")
            return {"ops_per_s": float(ops), "p50_ms": None, "p99_ms": None,
                    "mean_ms": 1000.0 / ops if ops else None, "all_workloads": rows,
                    "document_bytes": data.get("document_bytes")}

        self.record("schema", measure)

    # -- Report ---------------------------------------------------------------

    def ceiling_ops(self, ceiling):
        if ceiling == "mix_ceiling":
            # 90% requests at nginx's rate and 10% at the atomic-replace rate: the time
            # per request is the weighted mean of the two ceilings' times.
            nginx, atomic = self.results.get("nginx_c32"), self.results.get("atomic_32")
            if nginx and atomic and nginx["ops_per_s"] and atomic["ops_per_s"]:
                return 1.0 / (0.9 / nginx["ops_per_s"] + 0.1 / atomic["ops_per_s"])
            return None
        result = self.results.get(ceiling)
        return result["ops_per_s"] if result else None

    def rows(self):
        """Table rows as dicts (the JSON shape)."""
        out = []
        for row_id, label, ceiling, comparisons in ROWS:
            if row_id not in self.results and row_id not in self.failures:
                continue
            result = self.results.get(row_id)
            row = {"id": row_id, "name": label, "ceiling": ceiling}
            if result is None:
                row["error"] = self.failures[row_id]
                out.append(row)
                continue
            row.update({k: result.get(k) for k in ("ops_per_s", "p50_ms", "p99_ms")})
            row["details"] = {k: v for k, v in result.items() if k not in ("ops_per_s", "p50_ms", "p99_ms")}
            if ceiling not in (None, "ceiling"):
                ceiling_ops = self.ceiling_ops(ceiling)
                row["ceiling_ops_per_s"] = ceiling_ops
                row["ratio_to_ceiling"] = result["ops_per_s"] / ceiling_ops if ceiling_ops else None
            else:
                row["ratio_to_ceiling"] = 1.0 if ceiling == "ceiling" else None
            row["targets"] = []
            for other, target in comparisons:
                absolute = isinstance(other, (int, float))
                other_ops = other if absolute else self.ceiling_ops(other)
                ratio = result["ops_per_s"] / other_ops if other_ops else None
                row["targets"].append({"vs": f"{other} ops/s" if absolute else other, "target_ratio": target, "ratio": ratio,
                                       "met": None if ratio is None else ratio >= target})
            out.append(row)
        return out

    def table(self, rows):
        header = f"{'workload':<44} {'ops/s':>9} {'p50 ms':>8} {'p99 ms':>8}  {'vs':<22} {'ratio':>6} {'target':>7} {'met':>4}"
        lines = [header, "-" * len(header)]
        for row in rows:
            if "error" in row:
                lines.append(f"{row['name']:<44} FAILED: {row['error'][:200]}")
                continue
            ceiling = row["ceiling"]
            if ceiling == "ceiling":
                vs, ratio = "(ceiling)", ""
            elif ceiling is None:
                vs, ratio = "-", ""
            else:
                vs = ceiling
                ratio = fmt_ratio(row.get("ratio_to_ceiling"))
            targets = list(row["targets"])
            first_target = next((t for t in targets if t["vs"] == ceiling), None)
            target_text, met_text = "", ""
            if first_target:
                targets.remove(first_target)
                target_text = f">={first_target['target_ratio']:.0%}"
                met_text = fmt_met(first_target["met"])
            lines.append(f"{row['name']:<44} {row['ops_per_s']:>9.0f} {fmt_ms(row['p50_ms']):>8} "
                         f"{fmt_ms(row['p99_ms']):>8}  {vs:<22} {ratio:>6} {target_text:>7} {met_text:>4}")
            for extra in targets:
                lines.append(f"{'':<44} {'':>9} {'':>8} {'':>8}  {extra['vs']:<22} {fmt_ratio(extra['ratio']):>6} "
                             f"{'>=' + format(extra['target_ratio'], '.0%'):>7} {fmt_met(extra['met']):>4}")
        return "\n".join(lines)


def fmt_ms(value):
    if value is None:
        return "-"
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def fmt_ratio(value):
    return "-" if value is None else f"{value:.0%}"


def fmt_met(value):
    return "-" if value is None else ("yes" if value else "NO")


def main():
    bc.install_signal_handlers()
    if shutil.which("wrk") is None:
        print("wrk is not installed; run bench/install-bench-deps.sh", file=sys.stderr)
        return 2
    bc.check_binaries(bc.DELTADB_BIN)
    temp = bc.make_temp_dir("deltadb-bench-")
    started = time.time()
    bench = Bench(temp)
    machine = bc.machine_info(temp)
    log(f"temp dir {temp} on {machine['temp_fs']['type']} ({machine['temp_fs']['device']}); "
        f"{SECONDS}s per run, median of {REPEAT}, {KEYS} keys, {len(DOC)}-byte documents")
    try:
        bench.nginx()
        bench.etcd()
        bench.atomic_replace()
        bench.all_in_one()
        bench.all_in_one_metrics()
        bench.all_in_one_hop()
        bench.split()
        bench.schema()
    except KeyboardInterrupt:
        log("interrupted; stopping servers")
        raise
    except Exception:
        traceback.print_exc()
        bench.failures.setdefault("_harness", "unexpected error (see traceback)")
    finally:
        shutil.rmtree(temp, ignore_errors=True)

    rows = bench.rows()
    table = bench.table(rows)
    print()
    print(f"DeltaDatabase bench: {machine['nproc']} cores ({machine['cpu_model']}), {machine['mem_total_gib']} GiB, "
          f"temp dir on {machine['temp_fs']['type']}; {SECONDS}s per run, median of {REPEAT} runs, "
          f"{KEYS} keys x {len(DOC)} B, wrk -t 2 (-t 1 at c=1)")
    print(table)
    result = {
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "elapsed_s": round(time.time() - started, 1),
        "machine": machine,
        "settings": {"seconds_per_run": SECONDS, "runs_per_row": REPEAT, "keys": KEYS, "document_bytes": len(DOC),
                     "deltadb_args": ["-workers", "1", *CACHE_ARGS], "wrk_threads": "2 (1 at c=1)"},
        "workloads": rows,
        "table": table.splitlines(),
    }
    if "_harness" in bench.failures:
        result["harness_error"] = bench.failures["_harness"]
    bc.write_json_atomically(RESULTS, result)
    print(f"\nwrote {bc.display_path(RESULTS)} ({result['elapsed_s']:.0f} s)")
    if bench.failures:
        print(f"FAILED rows: {', '.join(sorted(bench.failures))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
