"""A standard grpcio client (stubs compiled from spec/deltadb.proto) against a
main-worker with one proc-worker:

* MainWorker.Subscribe without, or with a wrong, worker secret is
  UNAUTHENTICATED and the error carries no key material; with
  `authorization: Bearer <worker secret>` and a fresh RSA-2048 public key it
  returns a session token, the main's -key-id, and the master key wrapped with
  RSA-OAEP (MGF1-SHA256, SHA-256, no label) in wrapped_key and in the keyring;
* MainWorker.Process with the admin key (metadata or the request's token
  field): PUT/GET round-trip with versions, NOT_FOUND for a missing key,
  UNAUTHENTICATED without or with a wrong credential, FAILED_PRECONDITION with
  a `deltadb-error` trailer for a stale expected_version (nothing changes);
* an address-less subscriber does not break routing;
* ProcessingWorker.Process on the worker's own address is UNAUTHENTICATED
  without the session token the main issued to that worker;
* no log of any process holds the master key, worker secret or admin key.
"""
import json

import grpc
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from support.processes import available

KEY_ID = "py-interop-key-3"
WORKER_ID = "pw-interop-1"
PROBE_ID = "py-test"
DB = "grpcdb"
RPC_TIMEOUT = 10


@pytest.fixture(scope="module")
def cluster(start_cluster):
    cluster = start_cluster(key_id=KEY_ID)
    cluster.start_worker(WORKER_ID)
    cluster.wait_for_workers(lambda ws: available(ws, WORKER_ID), 15, f"{WORKER_ID} Available")
    return cluster


@pytest.fixture(scope="module")
def pb(grpc_stubs):
    return grpc_stubs[0]


@pytest.fixture(scope="module")
def main(cluster, grpc_stubs):
    with grpc.insecure_channel(cluster.grpc_addr) as channel:
        yield grpc_stubs[1].MainWorkerStub(channel)


def bearer(token):
    return (("authorization", f"Bearer {token}"),)


def process(main, pb, metadata, **fields):
    return main.Process(pb.ProcessRequest(database_name=DB, **fields), metadata=metadata, timeout=RPC_TIMEOUT)


def call_error(rpc, request, metadata=None):
    """Calls rpc expecting an error status; returns the grpc.RpcError."""
    try:
        response = rpc(request, metadata=metadata, timeout=RPC_TIMEOUT)
    except grpc.RpcError as error:
        return error
    pytest.fail(f"expected an error status, got a response: {str(response)[:300]!r}")


def expect_code(error, code, what):
    assert error.code() == code, f"{what}: expected {code.name}, got {error.code().name}: {error.details()!r}"


def deltadb_error(error):
    """The JSON body of the `deltadb-error` trailer."""
    for key, value in error.trailing_metadata() or ():
        if key == "deltadb-error":
            try:
                return json.loads(value)
            except ValueError:
                pytest.fail(f"deltadb-error trailer is not JSON: {value!r}")
    pytest.fail(f"no deltadb-error trailer; trailers: {error.trailing_metadata()!r}")


def assert_no_key_material(cluster, error, what):
    raw = bytes.fromhex(cluster.master_key)
    texts = [error.details() or ""]
    binaries = []
    for key, value in error.trailing_metadata() or ():
        (binaries if isinstance(value, bytes) else texts).append(value)
        texts.append(key)
    for text in texts:
        for secret, label in ((cluster.master_key, "master key"), (cluster.worker_secret, "worker secret")):
            assert secret.lower() not in text.lower(), f"{what}: the error carries the {label}: {text[:200]!r}"
    for blob in binaries:
        assert raw not in blob, f"{what}: binary trailing metadata carries the raw master key"
    assert raw.hex() not in repr(error).lower(), f"{what}: the error's repr carries the master key"


def rsa_pair():
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return private, pem


def unwrap(private, wrapped):
    return private.decrypt(wrapped, padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()),
                                                 algorithm=hashes.SHA256(), label=None))


@pytest.fixture(scope="module")
def probe(cluster, main, pb):
    """A Subscribe with the worker secret, as worker PROBE_ID: no grpc_addr tag, never heartbeats.
    Returns (the RSA private key, the SubscribeResponse)."""
    private, pem = rsa_pair()
    response = main.Subscribe(pb.SubscribeRequest(worker_id=PROBE_ID, pubkey=pem),
                              metadata=bearer(cluster.worker_secret), timeout=RPC_TIMEOUT)
    return private, response


# MainWorker.Process --------------------------------------------------------


def test_process_put_then_get(cluster, main, pb):
    put = process(main, pb, bearer(cluster.admin_key), operation="PUT", entity_key="doc1", payload=b'{"a":1}')
    assert put.status == "OK", f"PUT status {put.status!r}, expected 'OK' (error field {put.error!r})"
    assert put.version == 1, f"PUT version {put.version}, expected 1"
    assert put.error == "", f"PUT error field {put.error!r}, expected empty"
    get = process(main, pb, bearer(cluster.admin_key), operation="GET", entity_key="doc1")
    assert get.status == "OK", f"GET status {get.status!r}, expected 'OK'"
    assert get.version == 1, f"GET version {get.version}, expected 1"
    assert json.loads(get.result) == {"a": 1}, f"GET result {get.result[:200]!r}, expected {{'a': 1}}"
    assert get.worker_id == WORKER_ID, f"GET worker_id {get.worker_id!r}, expected {WORKER_ID!r}"
    status, headers, body = cluster.rest("GET", f"/entity/{DB}?key=doc1")
    assert status == 200 and json.loads(body) == {"a": 1} and headers.get("etag") == '"1"', \
        f"REST GET of the gRPC-written doc1: {status} etag={headers.get('etag')!r} body={body[:200]!r}"


def test_process_missing_key_is_not_found(cluster, main, pb):
    error = call_error(main.Process, pb.ProcessRequest(database_name=DB, entity_key="missing-key", operation="GET"),
                       bearer(cluster.admin_key))
    expect_code(error, grpc.StatusCode.NOT_FOUND, "GET of a missing key")
    body = deltadb_error(error)
    assert body.get("code") == "not_found", f"deltadb-error code {body.get('code')!r}, expected 'not_found'"


def test_process_without_valid_credentials_is_unauthenticated(cluster, main, pb):
    process(main, pb, bearer(cluster.admin_key), operation="PUT", entity_key="guarded", payload=b'{"a":1}')
    request = pb.ProcessRequest(database_name=DB, entity_key="guarded", operation="GET")
    error = call_error(main.Process, request)
    expect_code(error, grpc.StatusCode.UNAUTHENTICATED, "Process without credentials")
    assert b'"a"' not in (error.details() or "").encode(), "unauthenticated error carries the document"
    error = call_error(main.Process, request, bearer("adm-wrong-" + "0" * 24))
    expect_code(error, grpc.StatusCode.UNAUTHENTICATED, "Process with a wrong admin key")
    error = call_error(main.Process, request, bearer(cluster.worker_secret))
    expect_code(error, grpc.StatusCode.UNAUTHENTICATED, "Process with the worker secret as credential")


def test_process_stale_expected_version_is_failed_precondition(cluster, main, pb):
    admin = bearer(cluster.admin_key)
    process(main, pb, admin, operation="PUT", entity_key="versioned", payload=b'{"a":1}')
    error = call_error(main.Process, pb.ProcessRequest(
        database_name=DB, entity_key="versioned", operation="PUT", payload=b'{"a":2}', expected_version=5), admin)
    expect_code(error, grpc.StatusCode.FAILED_PRECONDITION, "PUT with expected_version=5")
    body = deltadb_error(error)
    assert body.get("code") == "precondition_failed", \
        f"deltadb-error code {body.get('code')!r}, expected 'precondition_failed' (body {body!r})"
    assert body.get("current_version") == 1, f"deltadb-error current_version {body.get('current_version')!r}, expected 1"
    get = process(main, pb, admin, operation="GET", entity_key="versioned")
    assert get.version == 1 and json.loads(get.result) == {"a": 1}, \
        f"the rejected PUT changed the document: version {get.version}, result {get.result[:200]!r}"
    put = process(main, pb, admin, operation="PUT", entity_key="versioned", payload=b'{"a":2}', expected_version=1)
    assert put.version == 2, f"PUT with expected_version=1 gave version {put.version}, expected 2"


def test_process_accepts_the_admin_key_in_the_token_field(cluster, main, pb):
    process(main, pb, bearer(cluster.admin_key), operation="PUT", entity_key="by-token", payload=b'{"a":1}')
    get = process(main, pb, None, operation="GET", entity_key="by-token", token=cluster.admin_key)
    assert get.status == "OK" and get.version >= 1 and json.loads(get.result).get("a") == 1, \
        f"GET with the admin key in ProcessRequest.token: {get!r}"


# MainWorker.Subscribe ------------------------------------------------------


@pytest.mark.parametrize("label, credential", [
    ("no worker secret", None),
    ("a wrong worker secret", "ws-wrong-" + "f" * 32),
    ("the admin key instead of the worker secret", "admin key"),
], ids=["no-secret", "wrong-secret", "admin-key"])
def test_subscribe_without_the_worker_secret_gets_nothing(cluster, main, pb, label, credential):
    _, pem = rsa_pair()
    metadata = None if credential is None else bearer(cluster.admin_key if credential == "admin key" else credential)
    error = call_error(main.Subscribe, pb.SubscribeRequest(worker_id=PROBE_ID, pubkey=pem), metadata)
    expect_code(error, grpc.StatusCode.UNAUTHENTICATED, f"Subscribe with {label}")
    assert_no_key_material(cluster, error, f"Subscribe with {label}")


def test_subscribe_vends_the_wrapped_keyring(cluster, probe):
    private, response = probe
    expected = bytes.fromhex(cluster.master_key)
    assert response.token, "Subscribe returned an empty token"
    assert response.key_id == KEY_ID, f"key_id {response.key_id!r}, expected {KEY_ID!r}"
    try:
        key = unwrap(private, response.wrapped_key)
    except ValueError as error:
        pytest.fail(f"wrapped_key does not unwrap with RSA-OAEP-SHA256 (MGF1-SHA256, no label): {error}")
    assert len(key) == 32, f"unwrapped key is {len(key)} bytes, expected 32"
    assert key == expected, "unwrapped key differs from -master-key"
    entries = [entry for entry in response.keyring if entry.key_id == KEY_ID]
    assert len(entries) == 1, f"keyring holds {len(entries)} entries for {KEY_ID!r}: {[e.key_id for e in response.keyring]}"
    assert entries[0].active, f"keyring entry {KEY_ID!r} is not active"
    assert sum(1 for e in response.keyring if e.active) == 1, "keyring has more or fewer than one active key"
    assert unwrap(private, entries[0].wrapped_key) == expected, "keyring entry unwraps to a different key"
    assert expected.hex() not in response.token.lower(), "the session token contains the master key"


def test_routing_survives_a_subscriber_without_an_address(cluster, main, pb, probe):
    # The probe subscribed without a grpc_addr tag and never heartbeats; the
    # main must keep routing to the real worker.
    admin = bearer(cluster.admin_key)
    process(main, pb, admin, operation="PUT", entity_key="routed", payload=b'{"a":1}')
    served = {process(main, pb, admin, operation="GET", entity_key="routed").worker_id for _ in range(6)}
    assert served == {WORKER_ID}, f"GETs after the tagless Subscribe were served by {sorted(served)}"
    put = process(main, pb, admin, operation="PUT", entity_key="doc2", payload=b'{"b":true}')
    assert put.status == "OK" and put.version == 1, f"PUT doc2 after the tagless Subscribe: {put!r}"


# ProcessingWorker.Process --------------------------------------------------


def test_processing_worker_refuses_everything_but_its_session_token(cluster, main, pb, grpc_stubs, probe):
    admin = bearer(cluster.admin_key)
    process(main, pb, admin, operation="PUT", entity_key="direct", payload=b'{"a":1}')
    entry = next((w for w in cluster.admin_workers() if w.get("worker_id") == WORKER_ID), None)
    assert entry is not None, f"{WORKER_ID} missing from /admin/workers"
    address = (entry.get("tags") or {}).get("grpc_addr")
    assert address, f"/admin/workers entry for {WORKER_ID} has no tags.grpc_addr: {entry!r}"
    assert address == cluster.worker_addrs[WORKER_ID], \
        f"tags.grpc_addr {address!r} differs from the announced {cluster.worker_addrs[WORKER_ID]!r}"
    attempts = [("no metadata", None),
                ("a made-up token", bearer("not-a-session-token")),
                ("the admin key", admin),
                ("the worker secret", bearer(cluster.worker_secret)),
                (f"the session token issued to {PROBE_ID}", bearer(probe[1].token))]
    with grpc.insecure_channel(address) as channel:
        stub = grpc_stubs[1].ProcessingWorkerStub(channel)
        request = pb.ProcessRequest(database_name=DB, entity_key="direct", operation="GET")
        for label, metadata in attempts:
            error = call_error(stub.Process, request, metadata)
            expect_code(error, grpc.StatusCode.UNAUTHENTICATED, f"ProcessingWorker.Process with {label}")
            assert '"a"' not in (error.details() or ""), f"ProcessingWorker error with {label} carries the document"
        put = pb.ProcessRequest(database_name=DB, entity_key="direct", operation="PUT", payload=b'{"a":99}',
                                token=cluster.admin_key)
        error = call_error(stub.Process, put)
        expect_code(error, grpc.StatusCode.UNAUTHENTICATED, "ProcessingWorker.Process PUT with the admin key in token")
    get = process(main, pb, admin, operation="GET", entity_key="direct")
    assert json.loads(get.result).get("a") != 99, "a rejected direct PUT to the Processing Worker changed the document"


def test_no_secret_reaches_a_log(cluster):
    cluster.shutdown()  # the last test of the module: the logs are complete
    leaks = cluster.secrets_in_logs()
    assert not leaks, f"secrets in logs: {', '.join(leaks)}"
