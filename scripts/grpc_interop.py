#!/usr/bin/env python3
"""A standard grpcio client against the split deployment (main-worker + proc-worker).

Compiles spec/deltadb.proto into Python stubs (grpcio-tools, temporary
directory), starts $MAIN_WORKER_BIN (default .build/debug/main-worker) and one
$PROC_WORKER_BIN (default .build/debug/proc-worker) on loopback with a
temporary data directory, and checks:

* MainWorker.Subscribe without, or with a wrong, worker secret is
  UNAUTHENTICATED and the error carries no key material;
* Subscribe with `authorization: Bearer <worker secret>` and a fresh RSA-2048
  public key returns a session token, the main's -key-id, and the master key
  wrapped with RSA-OAEP (MGF1-SHA256, SHA-256, no label) in wrapped_key and in
  the keyring (active);
* MainWorker.Process with the admin key (metadata or the request's token field):
  PUT then GET round-trip with versions, NOT_FOUND for a missing key,
  UNAUTHENTICATED without or with a wrong credential, FAILED_PRECONDITION with a
  `deltadb-error` trailer for a stale expected_version (and nothing changes);
* an address-less subscriber (the Subscribe above) does not break routing;
* ProcessingWorker.Process on the worker's own address (from /admin/workers)
  is UNAUTHENTICATED without the session token the main issued to that worker;
* no log line of any process holds the master key, worker secret or admin key.

Prints one line per check and a summary; exits 1 if any check failed.
Needs grpcio, grpcio-tools, protobuf and cryptography (installed if missing).
"""
import json
import sys
import tempfile
import time
import traceback

from cluster_procs import Cluster, TestFailure, available, compile_grpc_stubs, ensure_modules

KEY_ID = "py-interop-key-3"
WORKER_ID = "pw-interop-1"
PROBE_ID = "py-test"
DB = "grpcdb"
RPC_TIMEOUT = 10


def expect(condition, message):
    if not condition:
        raise TestFailure(message)


class Interop:
    def __init__(self, cluster, pb, pb_grpc):
        import grpc
        self.grpc = grpc
        self.cluster = cluster
        self.pb = pb
        self.channel = grpc.insecure_channel(cluster.grpc_addr)
        self.main = pb_grpc.MainWorkerStub(self.channel)
        self.pb_grpc = pb_grpc
        self.results = []
        self.probe_token = None

    # helpers ----------------------------------------------------------------

    def admin_md(self, key=None):
        return (("authorization", f"Bearer {key or self.cluster.admin_key}"),)

    def call_error(self, rpc, request, metadata=None):
        """Calls rpc expecting an error; returns the grpc.RpcError."""
        try:
            response = rpc(request, metadata=metadata, timeout=RPC_TIMEOUT)
        except self.grpc.RpcError as error:
            return error
        raise TestFailure(f"expected an error status, got a response: {str(response)[:300]!r}")

    def expect_code(self, error, code, what):
        expect(error.code() == code, f"{what}: expected {code.name}, got {error.code().name}: {error.details()!r}")

    def no_key_material(self, error, what):
        raw = bytes.fromhex(self.cluster.master_key)
        texts = [error.details() or ""]
        binaries = []
        for key, value in error.trailing_metadata() or ():
            (binaries if isinstance(value, bytes) else texts).append(value)
            texts.append(key)
        for text in texts:
            for secret, label in ((self.cluster.master_key, "master key"), (self.cluster.worker_secret, "worker secret")):
                expect(secret.lower() not in text.lower(), f"{what}: the error carries the {label}: {text[:200]!r}")
        for blob in binaries:
            expect(raw not in blob, f"{what}: binary trailing metadata carries the raw master key")
        expect(raw.hex() not in repr(error).lower(), f"{what}: the error's repr carries the master key")

    def deltadb_error(self, error):
        for key, value in error.trailing_metadata() or ():
            if key == "deltadb-error":
                try:
                    return json.loads(value)
                except ValueError:
                    raise TestFailure(f"deltadb-error trailer is not JSON: {value!r}")
        raise TestFailure(f"no deltadb-error trailer; trailers: {error.trailing_metadata()!r}")

    def subscribe_request(self, public_pem, worker_id=PROBE_ID):
        return self.pb.SubscribeRequest(worker_id=worker_id, pubkey=public_pem)

    @staticmethod
    def rsa_pair():
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                                serialization.PublicFormat.SubjectPublicKeyInfo)
        return private, pem

    @staticmethod
    def unwrap(private, wrapped):
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding
        return private.decrypt(wrapped, padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()),
                                                     algorithm=hashes.SHA256(), label=None))

    def process(self, metadata=None, **fields):
        return self.main.Process(self.pb.ProcessRequest(database_name=DB, **fields), metadata=metadata,
                                 timeout=RPC_TIMEOUT)

    # checks -----------------------------------------------------------------

    def check_process_put_get(self):
        put = self.process(self.admin_md(), operation="PUT", entity_key="doc1", payload=b'{"a":1}')
        expect(put.status == "OK", f"PUT status {put.status!r}, expected 'OK' (error field {put.error!r})")
        expect(put.version == 1, f"PUT version {put.version}, expected 1")
        expect(put.error == "", f"PUT error field {put.error!r}, expected empty")
        get = self.process(self.admin_md(), operation="GET", entity_key="doc1")
        expect(get.status == "OK", f"GET status {get.status!r}, expected 'OK'")
        expect(get.version == 1, f"GET version {get.version}, expected 1")
        try:
            document = json.loads(get.result)
        except ValueError:
            raise TestFailure(f"GET result is not JSON: {get.result[:200]!r}")
        expect(document == {"a": 1}, f"GET result {document!r}, expected {{'a': 1}}")
        expect(get.worker_id == WORKER_ID, f"GET worker_id {get.worker_id!r}, expected {WORKER_ID!r}")
        status, headers, body = self.cluster.rest("GET", f"/entity/{DB}?key=doc1")
        expect(status == 200 and json.loads(body) == {"a": 1} and headers.get("etag") == '"1"',
               f"REST GET of the gRPC-written doc1: {status} etag={headers.get('etag')!r} body={body[:200]!r}")
        return "PUT v1 then GET v1 returns {\"a\":1} (also via REST, ETag \"1\")"

    def check_process_not_found(self):
        error = self.call_error(self.main.Process, self.pb.ProcessRequest(
            database_name=DB, entity_key="missing-key", operation="GET"), self.admin_md())
        self.expect_code(error, self.grpc.StatusCode.NOT_FOUND, "GET of a missing key")
        body = self.deltadb_error(error)
        expect(body.get("code") == "not_found", f"deltadb-error code {body.get('code')!r}, expected 'not_found'")
        return "GET missing key -> NOT_FOUND, deltadb-error code not_found"

    def check_process_unauthenticated(self):
        request = self.pb.ProcessRequest(database_name=DB, entity_key="doc1", operation="GET")
        error = self.call_error(self.main.Process, request)
        self.expect_code(error, self.grpc.StatusCode.UNAUTHENTICATED, "Process without credentials")
        expect(b'"a"' not in (error.details() or "").encode(), "unauthenticated error carries the document")
        error = self.call_error(self.main.Process, request, self.admin_md("adm-wrong-" + "0" * 24))
        self.expect_code(error, self.grpc.StatusCode.UNAUTHENTICATED, "Process with a wrong admin key")
        error = self.call_error(self.main.Process, request, (("authorization", f"Bearer {self.cluster.worker_secret}"),))
        self.expect_code(error, self.grpc.StatusCode.UNAUTHENTICATED, "Process with the worker secret as credential")
        return "no credential / wrong key / worker secret -> UNAUTHENTICATED"

    def check_process_precondition(self):
        error = self.call_error(self.main.Process, self.pb.ProcessRequest(
            database_name=DB, entity_key="doc1", operation="PUT", payload=b'{"a":2}', expected_version=5),
            self.admin_md())
        self.expect_code(error, self.grpc.StatusCode.FAILED_PRECONDITION, "PUT with expected_version=5")
        body = self.deltadb_error(error)
        expect(body.get("code") == "precondition_failed",
               f"deltadb-error code {body.get('code')!r}, expected 'precondition_failed' (body {body!r})")
        expect(body.get("current_version") == 1, f"deltadb-error current_version {body.get('current_version')!r}, expected 1")
        get = self.process(self.admin_md(), operation="GET", entity_key="doc1")
        expect(get.version == 1 and json.loads(get.result) == {"a": 1},
               f"the rejected PUT changed doc1: version {get.version}, result {get.result[:200]!r}")
        put = self.process(self.admin_md(), operation="PUT", entity_key="doc1", payload=b'{"a":2}', expected_version=1)
        expect(put.version == 2, f"PUT with expected_version=1 gave version {put.version}, expected 2")
        return "expected_version=5 -> FAILED_PRECONDITION, deltadb-error precondition_failed current_version 1, doc unchanged; expected_version=1 -> v2"

    def check_token_field(self):
        get = self.process(None, operation="GET", entity_key="doc1", token=self.cluster.admin_key)
        expect(get.status == "OK" and get.version >= 1 and json.loads(get.result).get("a") in (1, 2),
               f"GET with the admin key in ProcessRequest.token: {get!r}")
        return f"admin key in ProcessRequest.token accepted (GET version {get.version})"

    def check_subscribe_without_secret(self):
        private, pem = self.rsa_pair()
        error = self.call_error(self.main.Subscribe, self.subscribe_request(pem))
        self.expect_code(error, self.grpc.StatusCode.UNAUTHENTICATED, "Subscribe without the worker secret")
        self.no_key_material(error, "Subscribe without the worker secret")
        return "no secret -> UNAUTHENTICATED, no key material in details/trailers"

    def check_subscribe_wrong_secret(self):
        private, pem = self.rsa_pair()
        error = self.call_error(self.main.Subscribe, self.subscribe_request(pem),
                                (("authorization", "Bearer ws-wrong-" + "f" * 32),))
        self.expect_code(error, self.grpc.StatusCode.UNAUTHENTICATED, "Subscribe with a wrong worker secret")
        self.no_key_material(error, "Subscribe with a wrong worker secret")
        error = self.call_error(self.main.Subscribe, self.subscribe_request(pem), self.admin_md())
        self.expect_code(error, self.grpc.StatusCode.UNAUTHENTICATED, "Subscribe with the admin key instead of the worker secret")
        self.no_key_material(error, "Subscribe with the admin key")
        return "wrong secret / admin key -> UNAUTHENTICATED, no key material"

    def check_subscribe(self):
        private, pem = self.rsa_pair()
        response = self.main.Subscribe(self.subscribe_request(pem),
                                       metadata=(("authorization", f"Bearer {self.cluster.worker_secret}"),),
                                       timeout=RPC_TIMEOUT)
        expected = bytes.fromhex(self.cluster.master_key)
        expect(response.token, "Subscribe returned an empty token")
        expect(response.key_id == KEY_ID, f"key_id {response.key_id!r}, expected {KEY_ID!r}")
        try:
            key = self.unwrap(private, response.wrapped_key)
        except ValueError as error:
            raise TestFailure(f"wrapped_key does not unwrap with RSA-OAEP-SHA256 (MGF1-SHA256, no label): {error}")
        expect(len(key) == 32, f"unwrapped key is {len(key)} bytes, expected 32")
        expect(key == expected, "unwrapped key differs from -master-key")
        entries = [entry for entry in response.keyring if entry.key_id == KEY_ID]
        expect(len(entries) == 1, f"keyring holds {len(entries)} entries for {KEY_ID!r}: {[e.key_id for e in response.keyring]}")
        expect(entries[0].active, f"keyring entry {KEY_ID!r} is not active")
        expect(sum(1 for e in response.keyring if e.active) == 1, "keyring has more or fewer than one active key")
        expect(self.unwrap(private, entries[0].wrapped_key) == expected, "keyring entry unwraps to a different key")
        expect(expected.hex() not in response.token.lower(), "the session token contains the master key")
        self.probe_token = response.token
        return (f"token ({len(response.token)} chars), key_id {response.key_id}, wrapped_key unwraps to the 32-byte "
                f"master key, keyring {[(e.key_id, e.active) for e in response.keyring]}, "
                f"heartbeat {response.heartbeat_interval_ms} ms")

    def check_routing_after_tagless_subscribe(self):
        # The probe subscribed without a grpc_addr tag and never heartbeats; the
        # main must keep routing to the real worker.
        served = set()
        for _ in range(6):
            get = self.process(self.admin_md(), operation="GET", entity_key="doc1")
            served.add(get.worker_id)
        expect(served == {WORKER_ID}, f"GETs after the tagless Subscribe were served by {sorted(served)}")
        put = self.process(self.admin_md(), operation="PUT", entity_key="doc2", payload=b'{"b":true}')
        expect(put.status == "OK" and put.version == 1, f"PUT doc2 after the tagless Subscribe: {put!r}")
        return f"6 GETs + 1 PUT still served by {WORKER_ID}"

    def check_processing_worker_direct(self):
        workers = self.cluster.admin_workers()
        entry = next((w for w in workers if w.get("worker_id") == WORKER_ID), None)
        expect(entry is not None, f"{WORKER_ID} missing from /admin/workers: {workers!r}")
        address = (entry.get("tags") or {}).get("grpc_addr")
        expect(address, f"/admin/workers entry for {WORKER_ID} has no tags.grpc_addr: {entry!r}")
        expect(address == self.cluster.worker_addrs[WORKER_ID],
               f"tags.grpc_addr {address!r} differs from the announced {self.cluster.worker_addrs[WORKER_ID]!r}")
        channel = self.grpc.insecure_channel(address)
        try:
            stub = self.pb_grpc.ProcessingWorkerStub(channel)
            request = self.pb.ProcessRequest(database_name=DB, entity_key="doc1", operation="GET")
            attempts = [("no metadata", None),
                        ("a made-up token", (("authorization", "Bearer not-a-session-token"),)),
                        ("the admin key", self.admin_md()),
                        ("the worker secret", (("authorization", f"Bearer {self.cluster.worker_secret}"),))]
            if self.probe_token:
                attempts.append((f"the session token issued to {PROBE_ID}", (("authorization", f"Bearer {self.probe_token}"),)))
            for label, metadata in attempts:
                error = self.call_error(stub.Process, request, metadata)
                self.expect_code(error, self.grpc.StatusCode.UNAUTHENTICATED, f"ProcessingWorker.Process with {label}")
                expect('"a"' not in (error.details() or ""), f"ProcessingWorker error with {label} carries the document")
            put = self.pb.ProcessRequest(database_name=DB, entity_key="doc1", operation="PUT", payload=b'{"a":99}',
                                         token=self.cluster.admin_key)
            error = self.call_error(stub.Process, put)
            self.expect_code(error, self.grpc.StatusCode.UNAUTHENTICATED, "ProcessingWorker.Process PUT with the admin key in token")
        finally:
            channel.close()
        get = self.process(self.admin_md(), operation="GET", entity_key="doc1")
        expect(json.loads(get.result).get("a") != 99, "a rejected direct PUT to the Processing Worker changed doc1")
        return f"{address}: {', '.join(label for label, _ in attempts)}, admin key in token field -> UNAUTHENTICATED"

    def run(self):
        checks = [
            ("Process PUT/GET via main", self.check_process_put_get),
            ("Process missing key", self.check_process_not_found),
            ("Process unauthenticated", self.check_process_unauthenticated),
            ("Process expected_version", self.check_process_precondition),
            ("Process token field", self.check_token_field),
            ("Subscribe without secret", self.check_subscribe_without_secret),
            ("Subscribe wrong secret", self.check_subscribe_wrong_secret),
            ("Subscribe with secret", self.check_subscribe),
            ("routing after tagless Subscribe", self.check_routing_after_tagless_subscribe),
            ("ProcessingWorker direct", self.check_processing_worker_direct),
        ]
        for name, check in checks:
            started = time.monotonic()
            try:
                detail = check()
                self.results.append((name, True, detail))
            except TestFailure as error:
                self.results.append((name, False, str(error)))
            except self.grpc.RpcError as error:
                self.results.append((name, False, f"unexpected {error.code().name}: {error.details()!r} "
                                                  f"trailers {error.trailing_metadata()!r}"))
            except Exception:
                self.results.append((name, False, traceback.format_exc(limit=3).strip()))
            mark = "ok  " if self.results[-1][1] else "FAIL"
            print(f"  {mark} {name} ({time.monotonic() - started:.1f}s): {self.results[-1][2]}", flush=True)
        self.channel.close()
        return all(ok for _, ok, _ in self.results)


def main():
    ensure_modules()
    started = time.monotonic()
    cluster = None
    failed = True
    with tempfile.TemporaryDirectory(prefix="deltadb-stubs-") as stubs:
        try:
            pb, pb_grpc = compile_grpc_stubs(stubs)
            cluster = Cluster(key_id=KEY_ID)
            cluster.start_main()
            cluster.start_worker(WORKER_ID)
            cluster.wait_for_workers(lambda ws: available(ws, WORKER_ID), 15, f"{WORKER_ID} Available")
            print(f"grpc_interop: main REST :{cluster.rest_port}, gRPC {cluster.grpc_addr}, "
                  f"worker {WORKER_ID} on {cluster.worker_addrs[WORKER_ID]}", flush=True)
            ok = Interop(cluster, pb, pb_grpc).run()
            cluster.shutdown()
            leaks = cluster.secrets_in_logs()
            print(f"  {'ok  ' if not leaks else 'FAIL'} log hygiene: "
                  f"{'no master key, worker secret or admin key in any log' if not leaks else ', '.join(leaks)}")
            failed = not ok or bool(leaks)
            if failed:
                for process in cluster.processes():
                    print(f"--- {process.name} stderr tail:\n{process.stderr_tail(12)}", flush=True)
        except TestFailure as error:
            print(f"grpc_interop: FAIL: {error}", flush=True)
        finally:
            if cluster:
                cluster.shutdown()
                cluster.cleanup(failed)
    print(f"grpc_interop: {'FAILED' if failed else 'passed'} in {time.monotonic() - started:.1f}s")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
