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

    restore_holds_one_point_in_time(deltadb_bin, tmp_path, server, str(backups / "nightly"), before)


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


# --- backups in a bucket (moto) -------------------------------------------------

def bucket_flags(moto_endpoint, tmp_path, secret):
    secret_file = private_file(str(tmp_path / "s3-secret"), secret)
    return [f"-s3-endpoint={moto_endpoint}", "-s3-access-key=test", f"-s3-secret-key-file={secret_file}"]


def new_bucket(moto_endpoint):
    import boto3
    s3 = boto3.client("s3", endpoint_url=moto_endpoint, aws_access_key_id="test", aws_secret_access_key="test",
                      region_name="us-east-1")
    bucket = "backups-" + secrets.token_hex(4)
    s3.create_bucket(Bucket=bucket)
    return s3, bucket


def stopped_server_with(start_deltadb, count):
    server = start_deltadb()
    for index in range(count):
        assert server.rest("PUT", f"/entity/{DB}", {f"k{index}": {"n": index}})[0] == 200
    server.stop()
    return server


def leftovers(directory):
    return [name for name in os.listdir(directory) if ".download-" in name or ".restoring-" in name]


def test_offline_backup_to_a_bucket_restores_every_entity(deltadb_bin, start_deltadb, moto_endpoint, tmp_path):
    server = stopped_server_with(start_deltadb, 25)
    s3, bucket = new_bucket(moto_endpoint)
    secret = "s3secret-" + secrets.token_hex(8)
    flags = bucket_flags(moto_endpoint, tmp_path, secret)
    url = f"s3://{bucket}/nightly/b1"
    result = run([deltadb_bin, "backup", f"-shared-fs={server.data}", f"-out={url}", *flags])
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"backup written to {url}: 25 entities" in result.stdout
    assert secret not in result.stdout + result.stderr
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=bucket)["Contents"]}
    manifest = json.loads(s3.get_object(Bucket=bucket, Key="nightly/b1/manifest.json")["Body"].read())
    assert manifest["entities"] == 25
    assert keys == {"nightly/b1/manifest.json"} | {"nightly/b1/" + f["path"] for f in manifest["files"]}

    again = run([deltadb_bin, "backup", f"-shared-fs={server.data}", f"-out={url}", *flags])
    assert again.returncode != 0 and "holds a backup already" in again.stdout + again.stderr

    master_file = private_file(str(tmp_path / "master-key"), server.master_key)
    verified = run([deltadb_bin, "restore", f"-from={url}", f"-shared-fs={tmp_path / 'restored'}",
                    f"-master-key-file={master_file}", "-verify-only", *flags])
    assert verified.returncode == 0 and "is intact: 25 entities decrypt" in verified.stdout, verified.stdout + verified.stderr
    assert not (tmp_path / "restored").exists() and leftovers(tmp_path) == []

    result = run([deltadb_bin, "restore", f"-from={url}", f"-shared-fs={tmp_path / 'restored'}",
                  f"-master-key-file={master_file}", *flags])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "restored 25 entities" in result.stdout and secret not in result.stdout + result.stderr
    assert leftovers(tmp_path) == []
    copy = serve_restored(deltadb_bin, tmp_path, str(tmp_path / "restored"), server, server.master_key)
    try:
        assert counters(copy, [f"k{index}" for index in range(25)]) == {f"k{index}": index for index in range(25)}
    finally:
        copy.stop()


def test_incomplete_or_altered_bucket_backup_is_refused(deltadb_bin, start_deltadb, moto_endpoint, tmp_path):
    server = stopped_server_with(start_deltadb, 10)
    s3, bucket = new_bucket(moto_endpoint)
    flags = bucket_flags(moto_endpoint, tmp_path, "test")
    result = run([deltadb_bin, "backup", f"-shared-fs={server.data}", f"-out=s3://{bucket}/b", *flags])
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = json.loads(s3.get_object(Bucket=bucket, Key="b/manifest.json")["Body"].read())
    # The same objects without their manifest: a backup whose writing did not finish.
    for item in s3.list_objects_v2(Bucket=bucket, Prefix="b/")["Contents"]:
        if not item["Key"].endswith("manifest.json"):
            s3.copy_object(Bucket=bucket, Key="unfinished/" + item["Key"][2:], CopySource={"Bucket": bucket, "Key": item["Key"]})
    # An existing target, with -force: it must stay as it is when the restore is refused.
    target = tmp_path / "live"
    target.mkdir()
    (target / "marker").write_text("untouched")
    master_file = private_file(str(tmp_path / "master-key"), server.master_key)
    restore = [deltadb_bin, "restore", f"-shared-fs={target}", f"-master-key-file={master_file}", "-force", *flags]

    refused = run(restore + [f"-from=s3://{bucket}/unfinished"])
    assert refused.returncode != 0
    assert "incomplete" in refused.stdout + refused.stderr and "manifest.json" in refused.stdout + refused.stderr

    victim = next(f["path"] for f in manifest["files"] if f.get("key") == "k3")
    body = bytearray(s3.get_object(Bucket=bucket, Key="b/" + victim)["Body"].read())
    body[-1] ^= 0x01
    s3.put_object(Bucket=bucket, Key="b/" + victim, Body=bytes(body))
    refused = run(restore + [f"-from=s3://{bucket}/b"])
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert victim in output and "checksum" in output and "use another backup" in output, output

    # (deltadb.lock is the claim restore takes on a target it would replace.)
    assert set(os.listdir(target)) - {"deltadb.lock"} == {"marker"} and (target / "marker").read_text() == "untouched"
    assert leftovers(tmp_path) == []


def test_online_backup_into_a_bucket_under_writes(deltadb_bin, start_deltadb, moto_endpoint, tmp_path):
    s3, bucket = new_bucket(moto_endpoint)
    secret = "s3secret-" + secrets.token_hex(8)
    secret_file = private_file(str(tmp_path / "backup-s3-secret"), secret)
    server = start_deltadb(extra_args=[
        f"-backup-dir=s3://{bucket}/online", f"-backup-s3-endpoint={moto_endpoint}", "-backup-s3-access-key=test",
        f"-backup-s3-secret-key-file={secret_file}"])
    admin_file = private_file(str(tmp_path / "admin-key"), server.admin_key)
    with Writers(server) as writers:
        wait_for_writes(writers, 200)
        before = writers.snapshot()
        result = run([deltadb_bin, "backup", f"-server={server.url}", f"-admin-key-file={admin_file}", "-name=nightly"])
        assert result.returncode == 0, f"backup failed:\n{result.stdout}\n{result.stderr[-2000:]}"
        assert f"written by the server to s3://{bucket}/online/nightly" in result.stdout
        again = run([deltadb_bin, "backup", f"-server={server.url}", f"-admin-key-file={admin_file}", "-name=nightly"])
        assert again.returncode != 0 and "holds a backup already" in again.stdout + again.stderr
        wait_for_writes(writers, sum(before.values()) + 200)
    assert not writers.errors, writers.errors
    assert secret not in server.process.logs() and secret not in result.stdout + result.stderr
    manifest = json.loads(s3.get_object(Bucket=bucket, Key="online/nightly/manifest.json")["Body"].read())
    assert manifest["entities"] == WRITERS + 2

    restore_holds_one_point_in_time(deltadb_bin, tmp_path, server, f"s3://{bucket}/online/nightly", before,
                                    bucket_flags(moto_endpoint, tmp_path, secret))


def restore_holds_one_point_in_time(deltadb_bin, tmp_path, server, source, before, flags=()):
    """Restores the online backup at `source` and serves it: every counter holds at least
    what was acknowledged before the backup began (`before`), and the two counters that
    the writers bump in order ("a" after "b") show one point in time."""
    restored = str(tmp_path / "restored")
    master_file = private_file(str(tmp_path / "master-key"), server.master_key)
    result = run([deltadb_bin, "restore", f"-from={source}", f"-shared-fs={restored}", f"-master-key-file={master_file}",
                  *flags])
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
