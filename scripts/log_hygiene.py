#!/usr/bin/env python3
"""Drive a live deltadb through logins, API keys, sessions, entity writes and
failures at debug log level, then check its log holds none of the secrets or
plaintext the run used: admin key, master key, API key secrets, session tokens,
entity contents.
"""
import json
import os
import sys
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from live_server import LiveServer  # noqa: E402

MARKER = "PLAINTEXT-LOG-MARKER-5b1e"


def call(server, method, path, body=None, token=None):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(server.url + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def main() -> int:
    with LiveServer(log_level="trace") as server:
        admin = server.admin_key
        status, body = call(server, "POST", "/api/keys", {"name": "hygiene", "permissions": ["read", "write"]}, admin)
        assert status == 201, (status, body)
        secret = json.loads(body)["secret"]
        status, body = call(server, "POST", "/api/login", {"key": secret})
        assert status == 200, (status, body)
        session = json.loads(body)["token"]
        document = {"note": MARKER, "nested": {"also": MARKER + "-2"}}
        for token in (admin, secret, session):
            assert call(server, "PUT", "/entity/logdb", {"doc": document}, token)[0] == 200
            assert call(server, "GET", "/entity/logdb?key=doc", token=token)[0] == 200
        call(server, "PUT", "/entity/logdb", b'{"bad": ' + MARKER.encode() + b"}", admin)
        call(server, "PUT", "/schema/strict", {"type": "object", "required": ["x"]}, admin)
        call(server, "PUT", "/api/databases/logdb", {"schema_id": "strict"}, admin)
        call(server, "PUT", "/entity/logdb", {"doc": document}, admin)
        call(server, "GET", "/entity/logdb?key=doc", token=admin + "x")
        call(server, "POST", "/api/login", {"key": secret + "x"})
        call(server, "GET", "/api/me", token=session[:-1])
        log = server.log()
    forbidden = {
        "admin key": server.admin_key, "master key": server.master_key, "API key secret": secret,
        "session token": session, "entity plaintext": MARKER,
    }
    leaks = [name for name, value in forbidden.items() if value in log]
    lines = len(log.splitlines())
    if leaks:
        print(f"log hygiene: LEAKED {', '.join(leaks)} into the server log ({server.log_path})")
        return 1
    print(f"log hygiene: {lines} log lines at trace level, none contain the {len(forbidden)} secrets/markers checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
