"""Switching from the Go original: `deltadb import-original` on a data directory
and key store written exactly as the original writes them
(support/original_fixture.py), then our server on the result.

One story in steps (marked incremental):

1. a dry run reports what it would import and writes nothing;
2. a wrong original master key stops on the first entity, before anything is written;
3. the import is SIGKILLed mid-run (resident memory stays bounded meanwhile) and
   run again: it resumes, skipping what is already there, and reports the tampered
   blob and the guessed split; a third run imports nothing new;
4. `deltadb` serves the result: every document reads back identical through REST
   with the original's API keys; the expired and disabled keys are refused, the
   admin key can read and write, the imported schema binding validates writes.
"""
import json
import os
import secrets
import subprocess
import time

import pytest

from support.original_fixture import build
from support.processes import DeltaServer, request, server_environment

pytestmark = pytest.mark.incremental

BULK = 20000
RSS_LIMIT_MB = 400


@pytest.fixture(scope="module")
def world(tmp_path_factory, deltadb_bin):
    """The original's directory, our target, keys, and a helper running the import."""
    base = tmp_path_factory.mktemp("import-original")
    original, expected, keys, tampered = build(str(base / "original"), bulk=BULK)
    key_file = base / "original-master-key"
    key_file.write_text(original.master_key_hex + "\n")
    key_file.chmod(0o600)
    ours = secrets.token_hex(32)
    target = str(base / "target")

    def command(*extra, original_key_file=str(key_file), report=None):
        argv = [deltadb_bin, "import-original", f"--from={original.root}", f"--original-master-key-file={original_key_file}",
                f"-shared-fs={target}", f"-master-key={ours}", "-key-id=ours-v1", *extra]
        if report:
            argv.append(f"--report={report}")
        return argv

    return {"base": base, "original": original, "expected": expected, "keys": keys, "tampered": tampered,
            "master_key": ours, "target": target, "command": command, "state": {}}


def run(argv, timeout=900):
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=server_environment())


def load(path):
    with open(path) as handle:
        return json.load(handle)


def test_dry_run_writes_nothing(world):
    report_path = world["base"] / "dry.json"
    result = run(world["command"]("--dry-run", report=str(report_path)))
    assert result.returncode == 2, f"dry run: {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    assert not os.path.exists(world["target"]), "a dry run created the target directory"
    report = load(report_path)
    assert report["dry_run"] is True
    assert report["entities"]["imported"] == len(world["expected"]), report["entities"]
    assert report["keys"]["imported"] == 5 and report["schemas"]["imported"] == 2
    assert world["master_key"] not in result.stdout + result.stderr
    assert world["original"].master_key_hex not in result.stdout + result.stderr


def test_wrong_original_key_stops_before_writing(world):
    wrong = world["base"] / "wrong-key"
    wrong.write_text(secrets.token_hex(32))
    result = run(world["command"](original_key_file=str(wrong)))
    assert result.returncode == 1, f"wrong key: {result.returncode}\n{result.stdout[-1000:]}\n{result.stderr[-1000:]}"
    assert "not the key the original ran with" in result.stderr + result.stdout
    assert not os.path.exists(world["target"]), "a wrong original key created the target"


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def test_import_killed_mid_run_then_resumed(world):
    log_path = world["base"] / "killed.stdout"
    with open(log_path, "w") as log:
        process = subprocess.Popen(world["command"](), stdout=log, stderr=subprocess.STDOUT, env=server_environment())
        peak, deadline = 0.0, time.monotonic() + 600
        while time.monotonic() < deadline and process.poll() is None:
            peak = max(peak, rss_mb(process.pid))
            with open(log_path) as handle:
                if "import: " in handle.read():
                    break
            time.sleep(0.1)
        time.sleep(3)  # well inside the 20,000 entities
        assert process.poll() is None, f"the import ended before it could be killed:\n{open(log_path).read()[-2000:]}"
        peak = max(peak, rss_mb(process.pid))
        process.kill()
        process.wait(timeout=30)

    report_path = world["base"] / "resumed.json"
    log_path = world["base"] / "resumed.stdout"
    with open(log_path, "w") as log:
        process = subprocess.Popen(world["command"](report=str(report_path)), stdout=log, stderr=subprocess.STDOUT,
                                   env=server_environment())
        while process.poll() is None:
            peak = max(peak, rss_mb(process.pid))
            time.sleep(0.2)
    output = open(log_path).read()
    assert process.returncode == 2, f"resumed import: {process.returncode}\n{output[-3000:]}"
    assert peak < RSS_LIMIT_MB, f"the import's resident memory reached {peak:.0f} MB for {BULK} entities"
    assert "import: " in output and "/s ETA" in output, f"no progress line:\n{output[-2000:]}"

    report = load(report_path)
    entities = report["entities"]
    already = [item for item in report["skipped"] if item["kind"] == "entity" and item["reason"].startswith("already imported")]
    assert entities["imported"] > 0 and len(already) > 0, f"the kill did not land mid-run: {entities}"
    assert entities["imported"] + len(already) == len(world["expected"]), entities
    assert entities["failed"] == 1 and report["failed"][0]["name"] == world["tampered"], report["failed"]
    assert "decryption failed" in report["failed"][0]["reason"]
    assert [item["name"] for item in report["guessed_splits"]] == ["legacy_a_b_c"], report["guessed_splits"]
    assert report["bindings"]["imported"] + report["bindings"]["skipped"] == 1
    assert world["original"].master_key_hex not in output and world["master_key"] not in output
    for secret, _ in world["keys"].values():
        assert secret not in output

    again = run(world["command"]())
    assert again.returncode == 2, again.stdout[-2000:]
    assert "imported 0 entities, 0 schemas, 0 bindings, 0 keys" in again.stdout, again.stdout[-2000:]


def test_no_plaintext_on_disk(world):
    marker = b"no names in the sidecar"
    for directory, _, names in os.walk(world["target"]):
        for name in names:
            with open(os.path.join(directory, name), "rb") as handle:
                assert marker not in handle.read(), f"plaintext found in {name}"


@pytest.fixture(scope="module")
def server(world, deltadb_bin, tmp_path_factory):
    process_dir = tmp_path_factory.mktemp("import-server")
    server = DeltaServer(deltadb_bin, str(process_dir), log_level="info")
    server.data = world["target"]
    server.master_key = world["master_key"]
    server.extra_args = ["-key-id=ours-v1"]
    server.start()
    yield server
    server.stop()


def test_every_document_reads_back_with_the_original_keys(world, server):
    import http.client
    reader = world["keys"]["reader"][0]
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        for (database, key), document in world["expected"].items():
            path = f"/entity/{database}?key={key}" if key.isascii() else \
                "/entity/" + urlquote(database) + "?key=" + urlquote(key)
            status, _, body = request(server.port, "GET", path, token=reader, connection=connection)
            assert status == 200, f"GET {database}/{key}: {status} {body[:200]!r}"
            assert json.loads(body) == document, f"{database}/{key} differs"
    finally:
        connection.close()
    status, _, _ = request(server.port, "GET", "/entity/chatdb?key=session_bad", token=reader)
    assert status == 404, "the tampered entity was imported"


def urlquote(text):
    from urllib.parse import quote
    return quote(text, safe="")


def test_keys_keep_their_state_and_permissions(world, server):
    keys = world["keys"]
    for role in ("expired", "disabled"):
        status, _, _ = request(server.port, "GET", "/entity/chatdb?key=session_001", token=keys[role][0])
        assert status == 401, f"the {role} key was accepted ({status})"
    status, _, _ = request(server.port, "PUT", "/entity/users", body={"bob": {"n": 1}}, token=keys["reader"][0])
    assert status == 403, f"a read-only key could write ({status})"
    status, _, body = request(server.port, "PUT", "/entity/users", body={"bob": {"n": 1}}, token=keys["writer"][0])
    assert status == 200, f"the writer key could not write: {status} {body[:200]!r}"
    admin = keys["admin"][0]
    status, _, body = request(server.port, "GET", "/entity/users?key=bob", token=admin)
    assert status == 200 and json.loads(body) == {"n": 1}, f"the admin key could not read: {status}"
    status, _, body = request(server.port, "GET", "/api/keys", token=admin)
    assert status == 200, f"GET /api/keys with the original admin key: {status} {body[:200]!r}"
    listed = {record["name"]: record for record in json.loads(body)}
    assert listed["disabled"]["enabled"] is False and listed["reader"]["enabled"] is True
    # The imported binding of chatdb to chat.v1 validates writes.
    status, _, body = request(server.port, "PUT", "/entity/chatdb", body={"s9": {"no": "messages"}}, token=admin)
    assert status == 400 and json.loads(body)["code"] == "schema_violation", f"{status} {body[:200]!r}"
    status, _, body = request(server.port, "GET", "/schema/anything", token=admin)
    assert status == 200 and json.loads(body) is True, f"the boolean schema: {status} {body[:100]!r}"


def test_fields_and_schemas_the_originals_clients_read(world, server):
    admin = world["keys"]["admin"][0]
    status, _, body = request(server.port, "GET", "/admin/workers", token=admin)
    assert status == 200, f"GET /admin/workers: {status} {body[:200]!r}"
    workers = json.loads(body)
    assert workers and all(worker["active_requests"] == 0 for worker in workers), workers
    status, _, body = request(server.port, "GET", "/schema/anything/export?format=pydantic", token=admin)
    assert status == 200 and b"Anything = Any" in body, f"exporting the boolean schema: {status} {body[:300]!r}"
    status, _, body = request(server.port, "PUT", "/schema/never", body=False, token=admin)
    assert status == 200, f"PUT /schema/never with false: {status} {body[:200]!r}"
    status, _, body = request(server.port, "POST", "/schema/never/validate", body={"a": 1}, token=admin)
    assert status == 200 and json.loads(body)["valid"] is False, body[:200]
