#!/usr/bin/env python3
"""Interop fixtures for spec/deltadb.proto, encoded by Python's protobuf runtime.

Compiles spec/deltadb.proto with grpcio-tools (protoc bundled as a library) into
a temporary directory, builds the same fixture messages as
Tests/WorkerProtocolTests/InteropTests.swift, and either

  encode  prints {"Name": "<hex of the serialized message>", ...} as JSON, or
  verify  reads that JSON on stdin (bytes produced by the Swift types), parses
          each with Python's protobuf and exits 1 naming every message that
          does not equal its fixture.

Used by the Swift test target WorkerProtocolTests; needs `protobuf` and
`grpcio-tools` (Tests/System/requirements.txt).
"""
import importlib
import json
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[3]  # Tests/System/support/ -> the repository


def compile_proto(out_dir):
    from grpc_tools import protoc
    import grpc_tools

    include = pathlib.Path(grpc_tools.__file__).parent / "_proto"
    args = ["protoc", f"-I{ROOT / 'spec'}", f"-I{include}", f"--python_out={out_dir}", str(ROOT / "spec" / "deltadb.proto")]
    if protoc.main(args) != 0:
        sys.exit("protoc (grpcio-tools) failed to compile spec/deltadb.proto")
    sys.path.insert(0, str(out_dir))
    return importlib.import_module("deltadb_pb2")


def fixtures(pb):
    subscribe = pb.SubscribeRequest(worker_id="worker-1", pubkey=b"\x00\x01\xfe\xff")
    subscribe.tags["grpc_addr"] = "127.0.0.1:50052"
    subscribe.tags["zone"] = "eu"
    response = pb.SubscribeResponse(token="tok", wrapped_key=b"\x10\x20", key_id="main-key-v2",
                                    token_expires_at_unix_ms=42, heartbeat_interval_ms=5000)
    response.keyring.add(key_id="main-key-v1", wrapped_key=b"\x01", active=False)
    response.keyring.add(key_id="main-key-v2", wrapped_key=b"\x02", active=True)
    process = pb.ProcessRequest(database_name="chatdb", entity_key="Chat_id", schema_id="chat.v1",
                                operation="PUT", payload='{"msg":"héllo"}'.encode(), token="t", expected_version=0,
                                content_type="application/json-patch+json", if_match='"3"', if_none_match="*")
    result = pb.ProcessResponse(status="OK", result=b'{"a":1}', version=-5, error="kept for the seed", worker_id="proc-1")
    heartbeat = pb.HeartbeatRequest(worker_id="worker-1", status=pb.WORKER_STATUS_DRAINING, in_flight=300,
                                    cache_entries=2**40, key_id="main-key-v2", cache_hits=7, cache_bytes=2**33)
    return {
        "SubscribeRequest": subscribe,
        "SubscribeResponse": response,
        "ProcessRequest": process,
        "ProcessResponse": result,
        "HeartbeatRequest": heartbeat,
        "RenewTokenResponse": pb.RenewTokenResponse(token="new", expires_at_unix_ms=2**62),
    }


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ("encode", "verify"):
        sys.exit("usage: proto_interop.py encode|verify")
    with tempfile.TemporaryDirectory() as out:
        pb = compile_proto(out)
        expected = fixtures(pb)
        if sys.argv[1] == "encode":
            print(json.dumps({name: m.SerializeToString(deterministic=True).hex() for name, m in expected.items()}, sort_keys=True))
            return
        received = json.load(sys.stdin)
        failures = []
        for name, message in expected.items():
            if name not in received:
                failures.append(f"{name}: not sent")
                continue
            parsed = type(message)()
            parsed.ParseFromString(bytes.fromhex(received[name]))
            if parsed != message:
                failures.append(f"{name}: decoded {parsed!r}, expected {message!r}")
        for failure in failures:
            print(failure, file=sys.stderr)
        sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
