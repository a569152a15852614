"""A live `deltadb` at trace level, driven through logins, API keys, sessions,
entity writes and failures: its log holds none of the secrets or plaintext the
run used (admin key, master key, API key secret, session token, entity contents).
Once with entities on the file system, once in S3 (moto), where the S3 secret
key must not reach the log either.
"""
import json
import os
import secrets

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
