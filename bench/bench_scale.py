#!/usr/bin/env python3
"""`make bench-scale`: DeltaDatabase with many entities on disk.

Loads N entities (1 KiB each) through the all-in-one server with large PUT
batches over several connections, then measures:

  - loading: seconds and entities/s;
  - listing: every page of GET /api/databases/{db}/entities?limit=1000;
  - start-up: process start -> GET /health 200, on an empty directory and
    with the N entities on disk;
  - cold-cache GET p50/p99: the server is restarted (its cache is empty) and
    wrk requests distinct random keys (each thread walks its own part of a
    shuffled key list), at c=1 and, after another restart, at c=32;
  - RSS: VmRSS/VmHWM from /proc/<pid>/status after GETting 100,000 distinct
    documents (or N if fewer) with -cache-size=100000.

Prints one table, writes bench/results/scale.json. Targets (issue 7): cold
GET p99 <= 2 ms, RSS <= 250 MB, start-up <= 200 ms; reported, never asserted.
"Cold" means the server's cache is empty: the operating system's page cache
still holds the recently written files unless BENCH_SCALE_DROP_CACHES=1 (root
only; drops the page cache of the whole machine before each cold run).

Environment:
  BENCH_SCALE_N              entities to load (default 1000000)
  BENCH_SCALE_BATCH          entities per PUT request (default 500)
  BENCH_SCALE_CONNECTIONS    loading connections (default 4)
  BENCH_SCALE_LOAD_SECONDS   loading time limit (default 7200); past it the
                             rest runs on what was loaded, and says so
  BENCH_SCALE_LIST_SECONDS   listing time limit (default 120)
  BENCH_SCALE_SECONDS        seconds per wrk run (default 5)
  BENCH_SCALE_DROP_CACHES    1: drop the OS page cache before cold runs (root)
  BENCH_SCALE_RESULTS        where the JSON goes (default bench/results/scale.json)
  BENCH_TMPDIR, DELTADB_BIN  as for bench/bench.py
"""
import json
import os
import random
import shutil
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_common as bc  # noqa: E402
from bench_common import BenchFailure, DATABASE, key_name  # noqa: E402

N = int(os.environ.get("BENCH_SCALE_N", "1000000"))
BATCH = int(os.environ.get("BENCH_SCALE_BATCH", "500"))
CONNECTIONS = int(os.environ.get("BENCH_SCALE_CONNECTIONS", "4"))
LOAD_SECONDS = float(os.environ.get("BENCH_SCALE_LOAD_SECONDS", "7200"))
LIST_SECONDS = float(os.environ.get("BENCH_SCALE_LIST_SECONDS", "120"))
SECONDS = int(os.environ.get("BENCH_SCALE_SECONDS", "5"))
DROP_CACHES = os.environ.get("BENCH_SCALE_DROP_CACHES") == "1"
RSS_DOCS = 100_000
COLD_KEYS = 200_000           # at most this many distinct keys per cold wrk run
RESULTS = os.environ.get("BENCH_SCALE_RESULTS", os.path.join(bc.ROOT, "bench", "results", "scale.json"))
SERVER_ARGS = ["-workers", "1", "-cache-size=100000", f"-cache-max-bytes={1 << 30}"]


def log(message):
    print(f"[bench-scale {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def check_disk(directory, n):
    """Each entity is a sidecar, a blob and a lock file: about 10 KiB and 3 inodes on ext4."""
    stats = os.statvfs(directory)
    free_bytes = stats.f_bavail * stats.f_frsize
    need_bytes = n * 10 * 1024 + (1 << 30)
    if free_bytes < need_bytes:
        raise BenchFailure(f"{n} entities need about {need_bytes >> 30} GiB free in {directory}; "
                           f"{free_bytes >> 30} GiB are (lower BENCH_SCALE_N)")
    if stats.f_files and stats.f_favail < 3 * n + 10000:
        raise BenchFailure(f"{n} entities need about {3 * n} inodes in {directory}; {stats.f_favail} are free")


def drop_page_cache():
    if not DROP_CACHES:
        return False
    if os.geteuid() != 0:
        log("BENCH_SCALE_DROP_CACHES=1 needs root; page cache kept")
        return False
    os.sync()
    with open("/proc/sys/vm/drop_caches", "w") as handle:
        handle.write("3\n")
    return True


def load(server, n):
    keys = [key_name(i) for i in range(n)]
    began = time.monotonic()
    marks = {"next": max(1, n // 10)}

    def progress(stored):
        if stored >= marks["next"]:
            marks["next"] += max(1, n // 10)
            elapsed = time.monotonic() - began
            rate = stored / elapsed
            log(f"  loaded {stored}/{n} ({stored * 100 // n}%, {rate:.0f}/s, about {(n - stored) / rate:.0f} s left)")

    stored = bc.put_batches(server.port, server.admin_key, keys, BATCH, CONNECTIONS,
                            deadline=began + LOAD_SECONDS, progress=progress)
    elapsed = time.monotonic() - began
    return {"entities": stored, "requested": n, "seconds": elapsed, "entities_per_s": stored / elapsed,
            "batch": BATCH, "connections": CONNECTIONS, "complete": stored == n,
            "mib_per_s": stored * len(bc.DOC_BYTES) / elapsed / (1 << 20)}


def listing(server, expected):
    client = server.client(timeout=120)
    latencies = []
    count = 0
    cursor = None
    previous = None
    began = time.monotonic()
    complete = False
    try:
        while time.monotonic() - began < LIST_SECONDS:
            path = f"/api/databases/{DATABASE}/entities?limit=1000"
            if cursor is not None:
                path += "&after=" + urllib.parse.quote(cursor, safe="")
            start = time.monotonic()
            status, _, body = client.request("GET", path)
            latencies.append(time.monotonic() - start)
            bc.expect(status, body, f"GET {path}")
            page = json.loads(body)
            keys = [entity["key"] for entity in page.get("entities", [])]
            if keys and previous is not None and keys[0] <= previous:
                raise BenchFailure(f"listing went backwards: {keys[0]!r} after {previous!r}")
            if keys != sorted(keys):
                raise BenchFailure("a listing page is not sorted")
            count += len(keys)
            previous = keys[-1] if keys else previous
            cursor = page.get("next_cursor")
            if not cursor:
                complete = True
                break
    finally:
        client.close()
    elapsed = time.monotonic() - began
    if complete and count != expected:
        raise BenchFailure(f"listing returned {count} entities, {expected} are stored")
    return {"pages": len(latencies), "entities": count, "complete": complete, "seconds": elapsed,
            "entities_per_s": count / elapsed if elapsed else None,
            "page_p50_ms": percentile(latencies, 50) * 1000 if latencies else None,
            "page_p99_ms": percentile(latencies, 99) * 1000 if latencies else None,
            "time_limit_s": LIST_SECONDS}


def cold_get(server, keys, connections, temp):
    headers = {"Authorization": f"Bearer {server.admin_key}"}
    specs = [("GET", f"/entity/{DATABASE}?key={k}", None) for k in keys]
    threads = min(2, connections)
    script = bc.write_lua(os.path.join(temp, f"cold-{connections}.lua"), [(1.0, specs)], headers,
                          threads=threads, sequential=True)
    result = bc.run_wrk(server.port, script, connections, SECONDS, threads=threads)
    result["distinct_keys"] = len(keys)
    # Each thread walks its own stride of the list: repeats (warm hits) only once it wraps.
    result["repeated_requests"] = max(0, result["requests"] - len(keys))
    return result


def cache_entries(stats):
    """Finds the cache's "entries" and "bytes" wherever /api/stats puts them."""
    if isinstance(stats, dict):
        if "entries" in stats and "bytes" in stats:
            return stats["entries"], stats["bytes"]
        for value in stats.values():
            found = cache_entries(value)
            if found:
                return found
    return None


def rss_after_gets(server, keys):
    import threading
    lock = threading.Lock()
    state = {"next": 0, "error": None}
    deadline = time.monotonic() + 600

    def worker():
        client = server.client()
        try:
            while True:
                with lock:
                    if state["error"] or state["next"] >= len(keys) or time.monotonic() > deadline:
                        return
                    key = keys[state["next"]]
                    state["next"] += 1
                status, _, body = client.request("GET", f"/entity/{DATABASE}?key={key}")
                if status != 200:
                    with lock:
                        state["error"] = f"GET {key}: HTTP {status}: {body[:200]!r}"
                    return
        except Exception as error:
            with lock:
                state["error"] = repr(error)
        finally:
            client.close()

    idle_rss, _ = bc.rss_kib(server.pid)
    began = time.monotonic()
    bc.run_threads(worker, 4, state)
    elapsed = time.monotonic() - began
    rss, hwm = bc.rss_kib(server.pid)
    client = server.client()
    try:
        status, _, body = client.request("GET", "/api/stats")
        bc.expect(status, body, "GET /api/stats")
        stats = json.loads(body)
    finally:
        client.close()
    entries = cache_entries(stats)
    return {"documents": min(state["next"], len(keys)), "seconds": elapsed, "idle_rss_mib": idle_rss / 1024,
            "rss_mib": rss / 1024, "hwm_mib": hwm / 1024, "cache_entries": entries[0] if entries else None,
            "cache_bytes": entries[1] if entries else None, "stats": stats}


def main():
    bc.install_signal_handlers()
    bc.check_binaries(bc.DELTADB_BIN)
    if shutil.which("wrk") is None:
        print("wrk is not installed; run bench/install-bench-deps.sh", file=sys.stderr)
        return 2
    temp = bc.make_temp_dir("deltadb-bench-scale-")
    machine = bc.machine_info(temp)
    started = time.time()
    results = {"n": N}
    server = None
    error = None
    try:
        check_disk(temp, N)
        data = os.path.join(temp, "data")
        server = bc.DeltaServer(temp, data, SERVER_ARGS)
        results["startup_empty_ms"] = server.start() * 1000
        log(f"deltadb (release) up in {results['startup_empty_ms']:.0f} ms on an empty directory; "
            f"loading {N} entities, {BATCH} per PUT over {CONNECTIONS} connections")
        results["load"] = load(server, N)
        loaded = results["load"]["entities"]
        log(f"loaded {loaded} entities in {results['load']['seconds']:.1f} s "
            f"({results['load']['entities_per_s']:.0f}/s)")
        if loaded == 0:
            raise BenchFailure("nothing was loaded")

        log("listing every page (limit=1000) ...")
        results["listing"] = listing(server, loaded)
        log(f"  {results['listing']['pages']} pages, {results['listing']['entities']} entities in "
            f"{results['listing']['seconds']:.1f} s")

        rng = random.Random(7)
        shuffled = [key_name(i) for i in range(loaded)]
        rng.shuffle(shuffled)
        for connections in (1, 32):
            server.stop()
            dropped = drop_page_cache()
            startup = server.start() * 1000
            results.setdefault("startup_loaded_ms", []).append(startup)
            log(f"restarted with {loaded} entities on disk in {startup:.0f} ms; cold GET c={connections} ...")
            keys = shuffled[:COLD_KEYS] if connections == 1 else shuffled[::-1][:COLD_KEYS]
            result = cold_get(server, keys, connections, temp)
            result["page_cache_dropped"] = dropped
            results[f"cold_get_c{connections}"] = result
            log(f"  {result['ops_per_s']:.0f}/s, p50 {result['p50_ms']:.2f} ms, p99 {result['p99_ms']:.2f} ms"
                + (f" ({result['repeated_requests']} repeated keys)" if result["repeated_requests"] else ""))

        server.stop()
        startup = server.start() * 1000
        results["startup_loaded_ms"].append(startup)
        count = min(RSS_DOCS, loaded)
        log(f"restarted in {startup:.0f} ms; GET {count} distinct documents for RSS ...")
        results["rss"] = rss_after_gets(server, shuffled[:count])
        log(f"  RSS {results['rss']['rss_mib']:.0f} MiB (idle {results['rss']['idle_rss_mib']:.0f} MiB), "
            f"cache entries {results['rss']['cache_entries']}")
    except BenchFailure as failure:
        error = str(failure)
        log(f"FAILED: {error}")
    finally:
        if server is not None:
            server.stop()
        log(f"removing {temp} ...")
        shutil.rmtree(temp, ignore_errors=True)

    results["elapsed_s"] = round(time.time() - started, 1)
    table = render(results, machine)
    print()
    print(table)
    output = {"started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)), "machine": machine,
              "settings": {"n": N, "batch": BATCH, "connections": CONNECTIONS, "wrk_seconds": SECONDS,
                           "server_args": SERVER_ARGS, "drop_caches": DROP_CACHES},
              "results": results, "table": table.splitlines()}
    if error:
        output["error"] = error
    bc.write_json_atomically(RESULTS, output)
    print(f"\nwrote {bc.display_path(RESULTS)} ({results['elapsed_s']:.0f} s)")
    return 1 if error else 0


def render(results, machine):
    rows = []

    def row(name, value, target=None, met=None):
        rows.append((name, value, target or "", "" if met is None else ("yes" if met else "NO")))

    load = results.get("load")
    if load:
        note = "" if load["complete"] else f" (time limit: {load['entities']} of {load['requested']})"
        row("load: entities", f"{load['entities']}{note}")
        row("load: time", f"{load['seconds']:.1f} s ({load['entities_per_s']:.0f} entities/s, "
            f"{load['batch']}/PUT, {load['connections']} conns)")
    if "startup_empty_ms" in results:
        row("start-up, empty directory", f"{results['startup_empty_ms']:.0f} ms")
    if results.get("startup_loaded_ms"):
        worst = max(results["startup_loaded_ms"])
        values = ", ".join(f"{v:.0f}" for v in results["startup_loaded_ms"])
        row("start-up with the entities on disk", f"{worst:.0f} ms (max of {values})", "<= 200 ms", worst <= 200)
    listing_result = results.get("listing")
    if listing_result:
        state = "all" if listing_result["complete"] else f"time limit {listing_result['time_limit_s']:.0f} s:"
        row("listing (limit=1000 pages)", f"{state} {listing_result['entities']} entities, {listing_result['pages']} "
            f"pages in {listing_result['seconds']:.1f} s ({listing_result['entities_per_s']:.0f}/s)")
        row("listing: page p50 / p99", f"{listing_result['page_p50_ms']:.1f} / {listing_result['page_p99_ms']:.1f} ms")
    for connections in (1, 32):
        result = results.get(f"cold_get_c{connections}")
        if result:
            extra = f", {result['repeated_requests']} repeats" if result["repeated_requests"] else ""
            target = "p99 <= 2 ms" if connections == 1 else None
            met = result["p99_ms"] <= 2.0 if connections == 1 else None
            row(f"cold GET c={connections}: p50 / p99",
                f"{result['p50_ms']:.2f} / {result['p99_ms']:.2f} ms ({result['ops_per_s']:.0f}/s{extra})", target, met)
    rss = results.get("rss")
    if rss:
        row(f"RSS after GET of {rss['documents']} distinct docs",
            f"{rss['rss_mib']:.0f} MiB (peak {rss['hwm_mib']:.0f}, idle {rss['idle_rss_mib']:.0f}; "
            f"cache {rss['cache_entries']} entries, {(rss['cache_bytes'] or 0) / (1 << 20):.0f} MiB)",
            "<= 250 MB", rss["rss_mib"] * (1 << 20) <= 250e6)
    title = (f"DeltaDatabase bench-scale: N={results['n']}, {machine['nproc']} cores ({machine['cpu_model']}), "
             f"{machine['mem_total_gib']} GiB, temp dir on {machine['temp_fs']['type']}")
    width = max([len(r[0]) for r in rows] + [10])
    vwidth = max([len(r[1]) for r in rows] + [10])
    lines = [title, f"{'metric':<{width}}  {'value':<{vwidth}}  {'target':<11} met",
             "-" * (width + vwidth + 20)]
    for name, value, target, met in rows:
        lines.append(f"{name:<{width}}  {value:<{vwidth}}  {target:<11} {met}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
