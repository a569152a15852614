#!/usr/bin/env python3
"""Key rotation end to end, in split mode (main-worker + 2 proc-workers):

1. data written under key A;
2. the Main Worker restarts with key B active and A in -previous-keys-file: the
   running Processing Workers subscribe again by themselves, receive the new
   keyring, and every entity is still readable; new writes use B;
3. `deltadb rewrap` re-encrypts everything under B (a second run finds nothing
   left: resumable);
4. the Main Worker restarts with B alone: everything is still readable.

Every wait is bounded; all processes are stopped at the end.
"""
import json
import os
import secrets
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import socket  # noqa: E402

from cluster_procs import ROOT, Cluster, TestFailure, available  # noqa: E402

ENTITIES = 40


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check(condition, message):
    if not condition:
        raise TestFailure(message)


def restart_main(cluster, master_key, key_id, extra):
    cluster.main.stop()
    cluster.retired.append(cluster.main)
    cluster.master_key, cluster.key_id = master_key, key_id
    cluster.main_args = cluster.fixed_args + extra
    cluster.start_main()
    # The workers notice the restart on their next heartbeat and subscribe again.
    cluster.wait_for_workers(
        lambda ws: all(available(ws, w) for w in cluster.workers) and all(w["key_id"] == key_id for w in ws),
        timeout=15, what=f"both workers back with key {key_id}")


def read_all(cluster, expected, phase):
    for key, value in expected.items():
        status, headers, body = cluster.rest("GET", f"/entity/rot?key={key}")
        check(status == 200, f"{phase}: GET {key} answered {status}: {body[:200]!r}")
        check(json.loads(body) == value, f"{phase}: {key} read {body[:100]!r}, expected {value}")


def sidecar_key_ids(cluster):
    directory = os.path.join(cluster.data, "files", "rot.db")
    ids = set()
    for name in os.listdir(directory):
        if name.endswith(".meta.json"):
            with open(os.path.join(directory, name)) as handle:
                ids.add(json.load(handle)["key_id"])
    return ids


def rewrap(cluster, key_b, previous_file):
    binary = os.path.abspath(os.environ.get("DELTADB_BIN", os.path.join(ROOT, ".build/debug/deltadb")))
    result = subprocess.run(
        [binary, "rewrap", f"-shared-fs={cluster.data}", f"-master-key={key_b}", "-key-id=key-b",
         f"-previous-keys-file={previous_file}"],
        capture_output=True, text=True, timeout=120)
    check(result.returncode == 0, f"deltadb rewrap failed ({result.returncode}):\n{result.stdout}\n{result.stderr[-2000:]}")
    check(key_b not in result.stdout + result.stderr, "deltadb rewrap printed the key")
    return result.stdout.strip().splitlines()[-1]


def main():
    started = time.monotonic()
    grpc_port = free_port()
    cluster = Cluster(key_id="key-a")
    cluster.fixed_args = [f"-grpc-addr=127.0.0.1:{grpc_port}", "-heartbeat-interval=200ms"]
    cluster.main_args = list(cluster.fixed_args)
    key_a = cluster.master_key
    key_b = secrets.token_hex(32)
    failed = True
    try:
        cluster.start_main()
        for worker in ("rot-1", "rot-2"):
            cluster.start_worker(worker)
        cluster.wait_for_workers(lambda ws: available(ws, "rot-1") and available(ws, "rot-2"), 10, "two workers")

        expected = {f"k{i:02d}": {"n": i, "text": f"entity {i}"} for i in range(ENTITIES)}
        status, _, body = cluster.rest("PUT", "/entity/rot", body=expected)
        check(status == 200, f"PUT under key A answered {status}: {body[:200]!r}")
        read_all(cluster, expected, "under A")
        check(sidecar_key_ids(cluster) == {"key-a"}, "entities were not written under key-a")

        previous = os.path.join(cluster.directory, "previous-keys")
        with open(previous, "w") as handle:
            handle.write(f"# retired\nkey-a:{key_a}\n")
        os.chmod(previous, 0o600)
        restart_main(cluster, key_b, "key-b", [f"-previous-keys-file={previous}"])
        read_all(cluster, expected, "B active, A previous")
        expected["new"] = {"written": "under B"}
        status, _, body = cluster.rest("PUT", "/entity/rot", body={"new": expected["new"]})
        check(status == 200, f"PUT under key B answered {status}: {body[:200]!r}")
        check(sidecar_key_ids(cluster) == {"key-a", "key-b"}, "the new write did not use key-b")

        first = rewrap(cluster, key_b, previous)
        check(f"rewrapped {ENTITIES}," in first, f"first rewrap: {first}")
        second = rewrap(cluster, key_b, previous)
        check("rewrapped 0," in second, f"second rewrap should find nothing left: {second}")
        check(sidecar_key_ids(cluster) == {"key-b"}, "after the rewrap some entity is not under key-b")

        restart_main(cluster, key_b, "key-b", [])
        read_all(cluster, expected, "B alone after rewrap")
        leaks = cluster.secrets_in_logs()
        check(not leaks and key_a not in "".join(p.logs() for p in cluster.processes()), f"secrets in logs: {leaks}")
        failed = False
        print(f"rotation_test: passed in {time.monotonic() - started:.1f}s — {ENTITIES} entities written under A, "
              f"readable with A as previous key, '{first}', readable with B alone")
    except TestFailure as failure:
        print(f"rotation_test: FAILED: {failure}", file=sys.stderr)
    finally:
        cluster.shutdown()
        cluster.cleanup(failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
