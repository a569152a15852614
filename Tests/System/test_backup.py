"""`deltadb backup` and `deltadb restore` with real processes:

- an online backup taken while writers run holds every write acknowledged
  before it started, and one point in time (a writer that writes `a = n` then
  `b = n` is seen with b <= a <= b + 1); the restored directory serves it;
- a backup with one flipped byte is refused, naming the file, and nothing is
  restored;
- a backup taken before a key rotation restores with the old key as a previous
  key (and is refused, saying so, without it);
- an offline backup is refused while a server holds the directory.
"""
import json
import os
import secrets
import shutil
import subprocess
import threading
import types

from support.processes import DeltaServer

DB = "bk"
WRITERS = 4


def private_file(path, text):
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as handle:
        handle.write(text)
    return path


def run(argv):
    return subprocess.run(argv, capture_output=True, text=True, timeout=300)


class Writers:
    """WRITERS threads PUTting their own key with increasing n, plus one writing a = n then b = n."""

    def __init__(self, server):
        self.server = server
        self.stop = threading.Event()
        self.acked = {}            # key -> last n acknowledged
        self.lock = threading.Lock()
        self.errors = []
        self.threads = [threading.Thread(target=self.single, args=(f"w{i}",)) for i in range(WRITERS)]
        self.threads.append(threading.Thread(target=self.pair))

    def put(self, key, n):
        status, _, body = self.server.rest("PUT", f"/entity/{DB}", {key: {"n": n}}, timeout=30)
        if status != 200:
            self.errors.append(f"PUT {key}={n}: {status} {body[:200]!r}")
            self.stop.set()
            return False
        with self.lock:
            self.acked[key] = n
        return True

    def single(self, key):
        n = 0
        while not self.stop.is_set():
            n += 1
            if not self.put(key, n):
                return

    def pair(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            if not (self.put("a", n) and self.put("b", n)):
                return

    def snapshot(self):
        with self.lock:
            return dict(self.acked)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def wait_for_writes(writers, count):
    import time
    deadline = time.monotonic() + 60
    while sum(writers.snapshot().values()) < count and time.monotonic() < deadline and not writers.errors:
        time.sleep(0.02)


def serve_restored(deltadb_bin, tmp_path, data, original, master_key):
    keys = types.SimpleNamespace(data=data, admin_key=original.admin_key, master_key=master_key)
    return DeltaServer(deltadb_bin, str(tmp_path), share_with=keys).start()


def counters(server, keys):
    values = {}
    for key in keys:
        status, _, body = server.rest("GET", f"/entity/{DB}?key={key}")
        assert status == 200, f"GET {key} after restore: {status} {body[:200]!r}"
        values[key] = json.loads(body)["n"]
    return values


def test_online_backup_under_writes_restores_a_point_in_time(deltadb_bin, start_deltadb, tmp_path):
    backups = tmp_path / "backups"
    server = start_deltadb(extra_args=[f"-backup-dir={backups}"])
    admin_file = private_file(str(tmp_path / "admin-key"), server.admin_key)
    with Writers(server) as writers:
        wait_for_writes(writers, 200)
        before = writers.snapshot()
        result = run([deltadb_bin, "backup", f"-server={server.url}", f"-admin-key-file={admin_file}", "-name=nightly"])
        assert result.returncode == 0, f"backup failed:\n{result.stdout}\n{result.stderr[-2000:]}"
        wait_for_writes(writers, sum(before.values()) + 200)  # writes went on after the backup
    assert not writers.errors, writers.errors
    assert server.admin_key not in result.stdout + result.stderr
    manifest = json.loads((backups / "nightly" / "manifest.json").read_text())
    assert manifest["entities"] == WRITERS + 2 and all(len(f["sha256"]) == 64 for f in manifest["files"])

    restored = str(tmp_path / "restored")
    master_file = private_file(str(tmp_path / "master-key"), server.master_key)
    result = run([deltadb_bin, "restore", f"-from={backups / 'nightly'}", f"-shared-fs={restored}", f"-master-key-file={master_file}"])
    assert result.returncode == 0, f"restore failed:\n{result.stdout}\n{result.stderr[-2000:]}"
    assert f"restored {WRITERS + 2} entities" in result.stdout

    copy = serve_restored(deltadb_bin, tmp_path, restored, server, server.master_key)
    try:
        values = counters(copy, list(before) + ["a", "b"])
    finally:
        copy.stop()
    for key, n in before.items():
        assert values[key] >= n, f"{key}: the backup holds n={values[key]}, but n={n} was acknowledged before it"
    assert values["b"] <= values["a"] <= values["b"] + 1, f"not one point in time: {values}"


def test_corrupted_backup_is_refused(deltadb_bin, start_deltadb, tmp_path):
    server = start_deltadb()
    for index in range(10):
        assert server.rest("PUT", f"/entity/{DB}", {f"k{index}": {"n": index}})[0] == 200
    server.stop()  # offline backup: the directory must be free
    backup = tmp_path / "offline"
    result = run([deltadb_bin, "backup", f"-shared-fs={server.data}", f"-out={backup}"])
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = json.loads((backup / "manifest.json").read_text())
    victim = next(f["path"] for f in manifest["files"] if f.get("key") == "k3")
    data = bytearray((backup / victim).read_bytes())
    data[-1] ^= 0x01
    (backup / victim).write_bytes(bytes(data))

    master_file = private_file(str(tmp_path / "master-key"), server.master_key)
    target = tmp_path / "restored"
    result = run([deltadb_bin, "restore", f"-from={backup}", f"-shared-fs={target}", f"-master-key-file={master_file}"])
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert victim in output and "checksum" in output and "use another backup" in output, output
    assert not target.exists()


def test_backup_before_rotation_restores_with_previous_key(deltadb_bin, start_deltadb, tmp_path):
    server = start_deltadb()
    for index in range(5):
        assert server.rest("PUT", f"/entity/{DB}", {f"k{index}": {"n": index}})[0] == 200
    server.stop()
    backup = tmp_path / "before-rotation"
    assert run([deltadb_bin, "backup", f"-shared-fs={server.data}", f"-out={backup}"]).returncode == 0

    new_key = secrets.token_hex(32)
    new_file = private_file(str(tmp_path / "new-key"), new_key)
    refused = run([deltadb_bin, "restore", f"-from={backup}", f"-shared-fs={tmp_path / 'r1'}",
                   f"-master-key-file={new_file}", "-key-id=main-key-v2"])
    assert refused.returncode != 0
    assert "main-key-v1" in refused.stdout + refused.stderr and "-previous-keys-file" in refused.stdout + refused.stderr
    assert not (tmp_path / "r1").exists()

    previous = private_file(str(tmp_path / "previous-keys"), f"main-key-v1:{server.master_key}\n")
    result = run([deltadb_bin, "restore", f"-from={backup}", f"-shared-fs={tmp_path / 'r2'}",
                  f"-master-key-file={new_file}", "-key-id=main-key-v2", f"-previous-keys-file={previous}"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert new_key not in result.stdout + result.stderr and server.master_key not in result.stdout + result.stderr
    copy = DeltaServer(deltadb_bin, str(tmp_path), share_with=types.SimpleNamespace(
        data=str(tmp_path / "r2"), admin_key=server.admin_key, master_key=new_key),
        extra_args=["-key-id=main-key-v2", f"-previous-keys-file={previous}"]).start()
    try:
        assert counters(copy, ["k4"]) == {"k4": 4}
    finally:
        copy.stop()


def test_offline_backup_refused_while_a_server_runs(deltadb_bin, start_deltadb, tmp_path):
    server = start_deltadb()
    result = run([deltadb_bin, "backup", f"-shared-fs={server.data}", f"-out={tmp_path / 'x'}"])
    assert result.returncode != 0
    assert "-server" in result.stdout + result.stderr
    assert not (tmp_path / "x").exists()
