#!/usr/bin/env python3
"""Start-up conflicts, as real processes: a shared -shared-fs and a taken port.

1. While an all-in-one `deltadb` (one worker, no gRPC listener: its cache is not
   checked against storage) runs, a second `deltadb` on its directory, with one
   worker or with two, exits with status 1 and says why, instead of starting
   and serving stale documents (or crashing).
2. Once it stops, two `deltadb -workers 2` (which check every cache hit) share
   the directory, and a write through one is read through the other, also when
   the reader had the entity cached.
3. A `deltadb` whose -rest-addr is taken exits with status 1, naming the
   address and the flag.
"""
import json
import os
import socket
import subprocess
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from live_server import LiveServer, free_port  # noqa: E402


def check(condition, message):
    if not condition:
        print(f"FAIL: {message}")
        sys.exit(1)


def call(server, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(server.url + path, data=data, method=method)
    request.add_header("Authorization", f"Bearer {server.admin_key}")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read().decode()


def refused(server, extra_args, reason, port=None):
    """Starts a variant of `server` (on its directory); returns its output once it exits."""
    command = server.command(port=port or free_port(), extra_args=extra_args)
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    check(result.returncode == 1, f"{extra_args or 'deltadb'} exited {result.returncode}, not 1:\n{output[-3000:]}")
    check(reason in output, f"'{reason}' not said:\n{output[-3000:]}")
    check("crashed" not in output, f"it crashed:\n{output[-3000:]}")
    return output


def main():
    with LiveServer(log_level="info") as first:
        call(first, "PUT", "/entity/db", {"k": {"n": 1}})
        in_use = "is in use by another DeltaDatabase process"
        alone = refused(first, [], in_use)
        check("give this one its own -shared-fs" in alone, f"no advice for a second all-in-one:\n{alone[-2000:]}")
        shared = refused(first, ["-workers", "2"], in_use)
        check("restart it with -grpc-addr" in shared, f"no advice for a checking server:\n{shared[-2000:]}")
        print("a second server next to an all-in-one deltadb: refused with exit status 1 and the reason, twice")

    with LiveServer(extra_args=["-workers", "2"], log_level="info", share_with=first) as a, \
            LiveServer(extra_args=["-workers", "2"], log_level="info", share_with=first) as b:
        check(call(b, "GET", "/entity/db?key=k") == (200, '{"n":1}'), "the data written before was not read back")
        call(a, "PUT", "/entity/db", {"k": {"n": 2}})
        status, body = call(b, "GET", "/entity/db?key=k")
        check((status, body) == (200, '{"n":2}'), f"b served {status} {body} after a's write")
        print("two deltadb -workers 2 share the directory; a write through one is read through the other")

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        refused(LiveServer(), [], f"cannot listen on 127.0.0.1:{port} (-rest-addr): address already in use", port=port)
        print("a taken -rest-addr: exit status 1, naming the address and the flag")
    print("start-up conflicts: all checks passed")


if __name__ == "__main__":
    main()
