"""Start-up conflicts, as real processes: a shared -shared-fs and a taken port.

1. While an all-in-one `deltadb` (one worker, no gRPC listener: its cache is not
   checked against storage) runs, a second `deltadb` on its directory, with one
   worker or with two, exits with status 1 and says why, instead of starting
   and serving stale documents (or crashing).
2. Two `deltadb -workers 2` (which check every cache hit) share a directory
   after an all-in-one server on it stopped or was killed: they read what it
   wrote, and a write through one is read through the other, also when the
   reader had the entity cached.
3. A `deltadb` whose -rest-addr is taken exits with status 1, naming the
   address and the flag.
"""
import glob
import os
import socket
import subprocess

import pytest

from support.processes import DeltaServer, server_environment

IN_USE = "is in use by another DeltaDatabase process"


def refused(server, extra_args, reason, rest_addr="127.0.0.1:0"):
    """Runs a variant of `server` (on its directory) that must exit 1 saying `reason`; returns its output."""
    result = subprocess.run(server.command(rest_addr, extra_args), capture_output=True, text=True, timeout=60,
                            env=server_environment())
    output = result.stdout + result.stderr
    assert result.returncode == 1, f"{extra_args or 'deltadb'} exited {result.returncode}, not 1:\n{output[-3000:]}"
    assert reason in output, f"'{reason}' not said:\n{output[-3000:]}"
    assert "crashed" not in output, f"it crashed:\n{output[-3000:]}"
    return output


@pytest.fixture(scope="module")
def all_in_one(start_deltadb):
    server = start_deltadb(log_level="info")
    status, _, _ = server.rest("PUT", "/entity/db", {"k": {"n": 1}})
    assert status == 200
    return server


@pytest.mark.parametrize("extra_args, advice", [
    ([], "give this one its own -shared-fs"),
    (["-workers", "2"], "restart it with -grpc-addr"),
], ids=["all-in-one", "workers-2"])
def test_second_server_next_to_an_all_in_one_is_refused(all_in_one, extra_args, advice):
    output = refused(all_in_one, extra_args, IN_USE)
    assert advice in output, f"no advice for {extra_args or 'a second all-in-one'}:\n{output[-2000:]}"


@pytest.mark.parametrize("how", ["stopped", "killed"])
def test_checking_servers_share_a_directory(start_deltadb, how):
    first = start_deltadb(log_level="info")
    assert first.rest("PUT", "/entity/db", {"k": {"n": 1}})[0] == 200
    # The all-in-one server acknowledged the write from its write-ahead log: a clean
    # stop writes the log out, and after a kill the next server on the directory does.
    if how == "stopped":
        first.stop()
        segments = glob.glob(os.path.join(first.data, "_wal", "*.log"))
        assert not segments, f"a clean stop left its write-ahead log behind: {segments}"
    else:
        first.kill()
    a = start_deltadb(extra_args=["-workers", "2"], log_level="info", share_with=first)
    b = start_deltadb(extra_args=["-workers", "2"], log_level="info", share_with=first)
    status, _, body = b.rest("GET", "/entity/db?key=k")
    assert (status, body) == (200, b'{"n":1}'), "the data written before was not read back"
    assert a.rest("PUT", "/entity/db", {"k": {"n": 2}})[0] == 200
    status, _, body = b.rest("GET", "/entity/db?key=k")
    assert (status, body) == (200, b'{"n":2}'), f"b served {status} {body!r} after a's write"


def test_taken_rest_addr_is_refused(deltadb_bin, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        refused(DeltaServer(deltadb_bin, str(tmp_path)), [],
                f"cannot listen on 127.0.0.1:{port} (-rest-addr): address already in use", rest_addr=f"127.0.0.1:{port}")
