"""Key rotation end to end, in split mode (main-worker + 2 proc-workers):

1. data written under key A;
2. the Main Worker restarts with key B active and A in -previous-keys-file: the
   running Processing Workers subscribe again by themselves, receive the new
   keyring, and every entity is still readable; new writes use B;
3. `deltadb rewrap` re-encrypts everything under B (a second run finds nothing
   left: resumable), and prints no key;
4. the Main Worker restarts with B alone: everything is still readable;
5. no log holds either key, the worker secret or the admin key.
"""
import json
import os
import secrets
import subprocess

from support.processes import available

ENTITIES = 40
DB = "rot"


def wait_for_both_workers(cluster, key_id):
    # The workers notice a restart on their next heartbeat and subscribe again.
    cluster.wait_for_workers(
        lambda ws: all(available(ws, w) for w in cluster.workers) and all(w["key_id"] == key_id for w in ws),
        timeout=15, what=f"both workers back with key {key_id}")


def read_all(cluster, expected, phase):
    for key, value in expected.items():
        status, _, body = cluster.rest("GET", f"/entity/{DB}?key={key}")
        assert status == 200, f"{phase}: GET {key} answered {status}: {body[:200]!r}"
        assert json.loads(body) == value, f"{phase}: {key} read {body[:100]!r}, expected {value}"


def sidecar_key_ids(cluster):
    directory = os.path.join(cluster.data, "files", f"{DB}.db")
    ids = set()
    for name in os.listdir(directory):
        if name.endswith(".entity"):  # "DDE1", little-endian u32 header length, metadata JSON, ciphertext
            with open(os.path.join(directory, name), "rb") as handle:
                data = handle.read()
            assert data[:4] == b"DDE1", f"{name} is not an entity file"
            length = int.from_bytes(data[4:8], "little")
            ids.add(json.loads(data[8:8 + length])["key_id"])
    return ids


def rewrap(deltadb_bin, cluster, key_b, previous_file):
    """Runs `deltadb rewrap` to key B; returns its last line."""
    result = subprocess.run(
        [deltadb_bin, "rewrap", f"-shared-fs={cluster.data}", f"-master-key={key_b}", "-key-id=key-b",
         f"-previous-keys-file={previous_file}"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"deltadb rewrap failed ({result.returncode}):\n{result.stdout}\n{result.stderr[-2000:]}"
    assert key_b not in result.stdout + result.stderr, "deltadb rewrap printed the key"
    return result.stdout.strip().splitlines()[-1]


def test_rotation_from_key_a_to_key_b(start_cluster, deltadb_bin, free_port):
    # The workers find a restarted main worker again on the same gRPC port.
    fixed_args = [f"-grpc-addr=127.0.0.1:{free_port()}", "-heartbeat-interval=200ms"]
    cluster = start_cluster(main_args=fixed_args, key_id="key-a")
    key_a, key_b = cluster.master_key, secrets.token_hex(32)
    for worker in ("rot-1", "rot-2"):
        cluster.start_worker(worker)
    cluster.wait_for_workers(lambda ws: available(ws, "rot-1") and available(ws, "rot-2"), 10, "two workers")

    expected = {f"k{i:02d}": {"n": i, "text": f"entity {i}"} for i in range(ENTITIES)}
    status, _, body = cluster.rest("PUT", f"/entity/{DB}", body=expected)
    assert status == 200, f"PUT under key A answered {status}: {body[:200]!r}"
    read_all(cluster, expected, "under A")
    assert sidecar_key_ids(cluster) == {"key-a"}, "entities were not written under key-a"

    previous = os.path.join(cluster.directory, "previous-keys")
    with open(previous, "w") as handle:
        handle.write(f"# retired\nkey-a:{key_a}\n")
    os.chmod(previous, 0o600)
    cluster.restart_main(key_b, "key-b", fixed_args + [f"-previous-keys-file={previous}"])
    wait_for_both_workers(cluster, "key-b")
    read_all(cluster, expected, "B active, A previous")
    expected["new"] = {"written": "under B"}
    status, _, body = cluster.rest("PUT", f"/entity/{DB}", body={"new": expected["new"]})
    assert status == 200, f"PUT under key B answered {status}: {body[:200]!r}"
    assert sidecar_key_ids(cluster) == {"key-a", "key-b"}, "the new write did not use key-b"

    first = rewrap(deltadb_bin, cluster, key_b, previous)
    assert f"rewrapped {ENTITIES}," in first, f"first rewrap: {first}"
    second = rewrap(deltadb_bin, cluster, key_b, previous)
    assert "rewrapped 0," in second, f"second rewrap should find nothing left: {second}"
    assert sidecar_key_ids(cluster) == {"key-b"}, "after the rewrap some entity is not under key-b"

    cluster.restart_main(key_b, "key-b", fixed_args)
    wait_for_both_workers(cluster, "key-b")
    read_all(cluster, expected, "B alone after rewrap")
    leaks = cluster.secrets_in_logs()
    assert not leaks and key_a not in "".join(p.logs() for p in cluster.processes()), f"secrets in logs: {leaks}"
