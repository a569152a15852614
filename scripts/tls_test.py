#!/usr/bin/env python3
"""Mutual TLS between Main and Processing Workers, and for gRPC clients.

Makes a throw-away CA and certificates with the openssl CLI, starts a
main-worker and a proc-worker with -tls-cert/-tls-key/-tls-ca, and checks:
- REST writes and reads work (the Main Worker reaches the worker over mTLS);
- a grpcio client presenting a CA-signed certificate can call Process;
- a grpcio client without a client certificate, or over plaintext, cannot;
- a proc-worker without TLS flags cannot subscribe (and is never listed).
Every wait is bounded; all processes are stopped at the end.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cluster_procs import Cluster, Process, TestFailure, available, compile_grpc_stubs, ensure_modules  # noqa: E402


def check(condition, message):
    if not condition:
        raise TestFailure(message)


def openssl(*args, cwd):
    result = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise TestFailure(f"openssl {' '.join(args[:2])} failed: {result.stderr[-500:]}")


def make_certificates(directory):
    """A CA and three leaf certificates (main, worker, client) valid for 127.0.0.1."""
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-days", "2", "-subj", "/CN=deltadb-test-ca", cwd=directory)
    with open(os.path.join(directory, "leaf.ext"), "w") as handle:
        handle.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n")
    for name in ("main", "worker", "client"):
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.csr",
                "-subj", f"/CN=deltadb-{name}", cwd=directory)
        openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", f"{name}.pem", "-days", "2", "-extfile", "leaf.ext", cwd=directory)
    return {name: (os.path.join(directory, f"{name}.pem"), os.path.join(directory, f"{name}.key"))
            for name in ("main", "worker", "client")}, os.path.join(directory, "ca.pem")


def tls_flags(cert, key, ca):
    return [f"-tls-cert={cert}", f"-tls-key={key}", f"-tls-ca={ca}"]


def main():
    ensure_modules()
    import grpc

    started = time.monotonic()
    failed = True
    certs_dir = tempfile.mkdtemp(prefix="deltadb-tls-")
    leaves, ca = make_certificates(certs_dir)
    cluster = Cluster(main_args=tls_flags(*leaves["main"], ca) + ["-heartbeat-interval=200ms"])
    try:
        cluster.start_main()
        cluster.start_worker("tls-1", tls_flags(*leaves["worker"], ca))
        cluster.wait_for_workers(lambda ws: available(ws, "tls-1"), 10, "the TLS worker")

        status, _, body = cluster.rest("PUT", "/entity/tlsdb", body={"doc": {"over": "mTLS"}})
        check(status == 200, f"PUT through an mTLS worker answered {status}: {body[:200]!r}")
        status, headers, body = cluster.rest("GET", "/entity/tlsdb?key=doc")
        check(status == 200 and json.loads(body) == {"over": "mTLS"}, f"GET answered {status}: {body[:200]!r}")

        with tempfile.TemporaryDirectory(prefix="deltadb-stubs-") as stubs:
            pb, pb_grpc = compile_grpc_stubs(stubs)
            request = pb.ProcessRequest(database_name="tlsdb", entity_key="doc", operation="GET", token=cluster.admin_key)
            with open(ca, "rb") as handle:
                root = handle.read()
            with open(leaves["client"][0], "rb") as c, open(leaves["client"][1], "rb") as k:
                good = grpc.ssl_channel_credentials(root_certificates=root, private_key=k.read(), certificate_chain=c.read())
            with grpc.secure_channel(cluster.grpc_addr, good) as channel:
                response = pb_grpc.MainWorkerStub(channel).Process(request, timeout=10)
                check(json.loads(response.result) == {"over": "mTLS"}, f"Process over mTLS returned {response.result!r}")
            for label, channel in [
                ("no client certificate", grpc.secure_channel(cluster.grpc_addr, grpc.ssl_channel_credentials(root_certificates=root))),
                ("plaintext", grpc.insecure_channel(cluster.grpc_addr)),
            ]:
                with channel:
                    try:
                        pb_grpc.MainWorkerStub(channel).Process(request, timeout=5)
                    except grpc.RpcError as error:
                        check(error.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED),
                              f"{label}: expected a failed handshake, got {error.code()}")
                    else:
                        raise TestFailure(f"{label}: Process succeeded without mutual TLS")

        # A worker without TLS cannot subscribe: it never announces itself and is never listed.
        plain = Process("proc-worker-plain", [cluster.proc_bin, f"-main-addr={cluster.grpc_addr}", "-worker-id=plain",
                                              f"-shared-fs={cluster.data}", f"-worker-secret={cluster.worker_secret}"],
                        cluster.directory, env=cluster.env)
        cluster.retired.append(plain)
        time.sleep(2)
        check(not any("serving gRPC" in line for line in plain.lines), "a plaintext worker subscribed to an mTLS main worker")
        check(not any(w.get("worker_id") == "plain" for w in cluster.admin_workers()), "a plaintext worker is listed")
        plain.stop()
        leaks = cluster.secrets_in_logs()
        check(not leaks, f"secrets in logs: {leaks}")
        failed = False
        print(f"tls_test: passed in {time.monotonic() - started:.1f}s — REST through an mTLS worker, grpcio Process "
              f"with a client certificate; refused without one, over plaintext, and for a plaintext worker")
    except TestFailure as failure:
        print(f"tls_test: FAILED: {failure}", file=sys.stderr)
    finally:
        cluster.shutdown()
        cluster.cleanup(failed)
        subprocess.run(["rm", "-rf", certs_dir])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
