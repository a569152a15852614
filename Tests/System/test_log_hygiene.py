"""A live `deltadb` at trace level, driven through logins, API keys, sessions,
entity writes and failures: its log holds none of the secrets or plaintext the
run used (admin key, master key, API key secret, session token, entity contents).
Once with entities on the file system, once in S3 (moto), where the S3 secret
key must not reach the log either. Then the access lines: their fields in
-log-format=json, and one request id followed from the Main Worker to the
Processing Worker it was routed to.
"""
import json
import os
import secrets
import time

import pytest

MARKER = "PLAINTEXT-LOG-MARKER-5b1e"
S3_SECRET_KEY = "s3-secret-" + secrets.token_hex(12)


@pytest.mark.parametrize("storage", ["files", "s3"])
def test_no_secret_or_plaintext_reaches_the_log(start_deltadb, request, storage):
    extra_args = []
    if storage == "s3":
        endpoint = request.getfixturevalue("moto_endpoint")
        extra_args = [f"-s3-endpoint={endpoint}", "-s3-access-key=test", f"-s3-secret-key={S3_SECRET_KEY}",
                      f"-s3-bucket=log-hygiene-{secrets.token_hex(4)}"]
    server = start_deltadb(extra_args=extra_args, log_level="trace")
    admin = server.admin_key

    def call(method, path, body=None, token=None):
        status, _, answer = server.rest(method, path, body, token=token, auth=token is not None, timeout=10)
        return status, answer

    status, body = call("POST", "/api/keys", {"name": "hygiene", "permissions": ["read", "write"]}, admin)
    assert status == 201, (status, body)
    secret = json.loads(body)["secret"]
    status, body = call("POST", "/api/login", {"key": secret})
    assert status == 200, (status, body)
    session = json.loads(body)["token"]
    document = {"note": MARKER, "nested": {"also": MARKER + "-2"}}
    for token in (admin, secret, session):
        assert call("PUT", "/entity/logdb", {"doc": document}, token)[0] == 200
        assert call("GET", "/entity/logdb?key=doc", token=token)[0] == 200
    # Failures, whose answers do not matter here: only what they log.
    call("PUT", "/entity/logdb", b'{"bad": ' + MARKER.encode() + b"}", admin)
    call("PUT", "/schema/strict", {"type": "object", "required": ["x"]}, admin)
    call("PUT", "/api/databases/logdb", {"schema_id": "strict"}, admin)
    call("PUT", "/entity/logdb", {"doc": document}, admin)
    call("GET", "/entity/logdb?key=doc", token=admin + "x")
    call("POST", "/api/login", {"key": secret + "x"})
    call("GET", "/api/me", token=session[:-1])
    server.stop()

    log = server.log()
    forbidden = {
        "admin key": server.admin_key, "master key": server.master_key, "API key secret": secret,
        "session token": session, "entity plaintext": MARKER, "S3 secret key": S3_SECRET_KEY,
    }
    assert log.strip(), "the server logged nothing at trace level"
    leaks = [name for name, value in forbidden.items() if value in log]
    assert not leaks, f"leaked {', '.join(leaks)} into the server log ({server.directory})"
    on_disk = os.path.exists(os.path.join(server.data, "files", "logdb.db"))
    assert on_disk == (storage == "files"), f"with {storage} storage, entity files on disk: {on_disk}"


ACCESS_FIELDS = ("request_id", "transport", "operation", "status", "duration_ms", "bytes_in", "bytes_out")


def test_json_access_lines_carry_the_agreed_fields_and_no_secrets(start_deltadb):
    """-log-format=json: every stderr line is one JSON object; each request has one
    access line with the agreed fields (its id is the X-Request-Id answered); none
    holds a body, an entity key, a database name or a credential."""
    server = start_deltadb(extra_args=["-log-format=json"], log_level="info")
    document = {"note": MARKER}
    status, headers, _ = server.rest("PUT", "/entity/jsonlogdb", {"secret-key-name": document},
                                     headers={"X-Request-Id": "client-req-1"})
    assert status == 200
    assert headers["x-request-id"] == "client-req-1", "a sane incoming request id is kept"
    status, headers, _ = server.rest("GET", "/entity/jsonlogdb?key=secret-key-name")
    assert status == 200
    generated = headers["x-request-id"]
    assert generated and generated != "client-req-1"
    status, headers, _ = server.rest("GET", "/health", auth=False, headers={"X-Request-Id": 'bad id "level"=x'})
    assert status == 200 and " " not in headers["x-request-id"], "an unsafe incoming id is replaced"
    server.rest("GET", "/entity/jsonlogdb?key=secret-key-name", token=server.admin_key + "x")
    server.stop()

    lines = [line for line in open(server.process.stderr_path).read().splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is JSON
    access = [r for r in records if r.get("msg") == "access"]
    assert len([r for r in access if r["operation"] != "getHealth"]) == 3, access
    for record in access:
        assert all(field in record for field in ACCESS_FIELDS), record
        assert record["transport"] == "rest"
    by_id = {r["request_id"]: r for r in access}
    assert by_id["client-req-1"]["operation"] == "putEntities" and by_id["client-req-1"]["status"] == "200"
    assert by_id["client-req-1"]["principal"] == "admin"
    assert by_id[generated]["operation"] == "getEntity"
    assert any(r["status"] == "401" and "principal" not in r for r in access)
    assert all("hb.request.id" not in r for r in access), "one request id per line, ours"
    access_text = json.dumps(access)
    for needle in ("secret-key-name", "jsonlogdb"):
        assert needle not in access_text, f"{needle!r} reached an access line"
    text = "\n".join(lines)
    for needle in (MARKER, server.admin_key, server.master_key):
        assert needle not in text, f"{needle!r} reached the log"
    # The limiter's warning about the failed authentication is tied to the same request.
    failed = next(r for r in access if r["status"] == "401")
    assert any(r.get("msg") == "authentication failed" and r.get("request_id") == failed["request_id"] for r in records)


def test_request_id_follows_a_request_to_the_processing_worker(start_cluster):
    """The Main Worker sends the request id on the gRPC hop: the proc-worker's access
    line for the routed operation carries the same id as the REST access line."""
    cluster = start_cluster()
    worker = cluster.start_worker("trace-w1")
    status, headers, _ = cluster.rest("PUT", "/entity/tracedb", {"k": {"note": MARKER}},
                                      headers={"X-Request-Id": "trace-0042"})
    assert status == 200 and headers["x-request-id"] == "trace-0042"
    deadline = time.monotonic() + 10
    while "trace-0042" not in worker.logs() and time.monotonic() < deadline:
        time.sleep(0.1)
    worker_lines = [line for line in worker.logs().splitlines() if "trace-0042" in line]
    assert worker_lines, "the proc-worker logged no line with the request id"
    assert any("access" in line and "transport=grpc" in line and "operation=put_batch" in line for line in worker_lines)
    assert any("trace-0042" in line and "transport=rest" in line for line in cluster.main.logs().splitlines())
    for process in cluster.processes():
        assert MARKER not in process.logs()
