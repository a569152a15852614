"""Mutual TLS between Main and Processing Workers, and for gRPC clients.

A throw-away CA and certificates (openssl CLI); a main-worker and a proc-worker
with -tls-cert/-tls-key/-tls-ca:
- REST writes and reads work (the Main Worker reaches the worker over mTLS);
- a grpcio client presenting a CA-signed certificate can call Process;
- a grpcio client without a client certificate, or over plaintext, cannot;
- a proc-worker without TLS flags cannot subscribe (and is never listed);
- no log holds the master key, worker secret or admin key.
"""
import json
import subprocess

import grpc
import pytest

from support.processes import LaunchError, available

DB = "tlsdb"


def openssl(*args, cwd):
    result = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"openssl {' '.join(args[:2])} failed: {result.stderr[-500:]}"


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A CA and three leaf certificates valid for 127.0.0.1: {name: (cert, key)} for
    main, worker and client, and "ca": the CA certificate."""
    directory = tmp_path_factory.mktemp("tls")
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-days", "2", "-subj", "/CN=deltadb-test-ca", cwd=directory)
    (directory / "leaf.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                        "extendedKeyUsage=serverAuth,clientAuth\n")
    for name in ("main", "worker", "client"):
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.csr",
                "-subj", f"/CN=deltadb-{name}", cwd=directory)
        openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", f"{name}.pem", "-days", "2", "-extfile", "leaf.ext", cwd=directory)
    paths = {name: (str(directory / f"{name}.pem"), str(directory / f"{name}.key")) for name in ("main", "worker", "client")}
    paths["ca"] = str(directory / "ca.pem")
    return paths


def tls_flags(certificates, name):
    cert, key = certificates[name]
    return [f"-tls-cert={cert}", f"-tls-key={key}", f"-tls-ca={certificates['ca']}"]


@pytest.fixture(scope="module")
def cluster(start_cluster, certificates):
    cluster = start_cluster(main_args=tls_flags(certificates, "main") + ["-heartbeat-interval=200ms"])
    cluster.start_worker("tls-1", tls_flags(certificates, "worker"))
    cluster.wait_for_workers(lambda ws: available(ws, "tls-1"), 10, "the TLS worker")
    status, _, body = cluster.rest("PUT", f"/entity/{DB}", body={"doc": {"over": "mTLS"}})
    assert status == 200, f"PUT through an mTLS worker answered {status}: {body[:200]!r}"
    return cluster


@pytest.fixture(scope="module")
def request_doc(cluster, grpc_stubs):
    return grpc_stubs[0].ProcessRequest(database_name=DB, entity_key="doc", operation="GET", token=cluster.admin_key)


def read_file(path):
    with open(path, "rb") as handle:
        return handle.read()


def test_rest_through_an_mtls_worker(cluster):
    status, _, body = cluster.rest("GET", f"/entity/{DB}?key=doc")
    assert status == 200 and json.loads(body) == {"over": "mTLS"}, f"GET answered {status}: {body[:200]!r}"


def test_grpc_client_with_a_certificate(cluster, certificates, grpc_stubs, request_doc):
    cert, key = certificates["client"]
    credentials = grpc.ssl_channel_credentials(root_certificates=read_file(certificates["ca"]),
                                               private_key=read_file(key), certificate_chain=read_file(cert))
    with grpc.secure_channel(cluster.grpc_addr, credentials) as channel:
        response = grpc_stubs[1].MainWorkerStub(channel).Process(request_doc, timeout=10)
    assert json.loads(response.result) == {"over": "mTLS"}, f"Process over mTLS returned {response.result!r}"


@pytest.mark.parametrize("label", ["no client certificate", "plaintext"])
def test_grpc_client_without_mutual_tls_is_refused(cluster, certificates, grpc_stubs, request_doc, label):
    if label == "plaintext":
        channel = grpc.insecure_channel(cluster.grpc_addr)
    else:
        root = read_file(certificates["ca"])
        channel = grpc.secure_channel(cluster.grpc_addr, grpc.ssl_channel_credentials(root_certificates=root))
    with channel, pytest.raises(grpc.RpcError) as refused:
        grpc_stubs[1].MainWorkerStub(channel).Process(request_doc, timeout=5)
    assert refused.value.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED), \
        f"{label}: expected a failed handshake, got {refused.value.code()}"


def test_plaintext_worker_cannot_subscribe(cluster):
    plain = cluster.spawn("proc-worker-plain", [cluster.proc_bin, f"-main-addr={cluster.grpc_addr}", "-worker-id=plain",
                                                f"-shared-fs={cluster.data}", f"-worker-secret={cluster.worker_secret}"])
    # Nothing to poll for: the test waits for an announcement that must not come.
    with pytest.raises(LaunchError):
        plain.wait_for_line(r"serving gRPC", timeout=2)
    assert not any("serving gRPC" in line for line in plain.lines), "a plaintext worker subscribed to an mTLS main worker"
    assert not any(w.get("worker_id") == "plain" for w in cluster.admin_workers()), "a plaintext worker is listed"
    plain.stop()


def test_no_secret_reaches_a_log(cluster):
    cluster.shutdown()  # the last test of the module: the logs are complete
    leaks = cluster.secrets_in_logs()
    assert not leaks, f"secrets in logs: {leaks}"
