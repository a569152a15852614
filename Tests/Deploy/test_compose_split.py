"""deploy/compose/compose.split.yml under podman-compose: one Main Worker and
three Processing Workers in separate containers over one volume, gRPC between
them with mutual TLS (certificates from a throw-away CA). Writes and reads go
through the Main Worker; a Processing Worker container is killed and every
document stays readable; once the worker is marked unavailable, writes succeed
on the others.
"""
import json
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor

from conftest import ROOT, compose_runner, free_port, http, run, wait_for, worker_statuses

COMPOSE = os.path.join(ROOT, "deploy", "compose", "compose.split.yml")
WORKERS = ["proc-1", "proc-2", "proc-3"]


def test_split_scenario_survives_a_worker_kill(image, secrets_dir, unique, tmp_path):
    # The compose file is used as shipped, from a copy beside the test's secrets
    # (it mounts ./secrets/<service>).
    compose = tmp_path / "compose.split.yml"
    shutil.copy(COMPOSE, compose)
    port = free_port()
    env = {**os.environ, "DELTADB_IMAGE": image, "DELTADB_PORT": str(port)}

    compose_cmd = compose_runner(unique, compose, env)

    def logs():
        out = ""
        for service in ["main"] + WORKERS:
            out += f"--- {service}\n" + run("podman", "logs", "--tail", "20", f"{unique}_{service}_1",
                                             check=False).stderr[-1500:]
        return out

    token = (secrets_dir / "main" / "admin-key").read_text().strip()

    def workers():
        return worker_statuses(port, token)

    try:
        compose_cmd("up", "-d")
        wait_for("the Main Worker's /health", lambda: http(port, "GET", "/health")[0] == 200, 90, logs)
        wait_for("three available Processing Workers",
                 lambda: all(workers().get(w) == "Available" for w in WORKERS), 90, logs)
        # The image's health check: /health on the Main Worker, a TCP connect to each worker's gRPC port.
        for service in ["main"] + WORKERS:
            assert run("podman", "healthcheck", "run", f"{unique}_{service}_1", check=False).returncode == 0, service
        documents = {f"doc-{i}": {"n": i, "text": "x" * i} for i in range(60)}

        def put(item):
            return http(port, "PUT", "/entity/split", {item[0]: item[1]}, token)

        # Concurrent writes spread over the workers (least-loaded routing).
        with ThreadPoolExecutor(max_workers=6) as pool:
            for status, body in pool.map(put, documents.items()):
                assert status == 200, body
        # Entities proc-2 wrote (writer_id in their plaintext metadata header) are the
        # ones routed to it; after the kill their reads must go elsewhere.
        written_by_victim = run("podman", "run", "--rm", "--user", "0", "-v", f"{unique}_data:/data:ro",
                                "--entrypoint", "grep", image, "-rlaF", '"proc-2"', "/data/files",
                                check=False).stdout.split()
        assert written_by_victim, "proc-2 stored nothing: the kill would prove nothing"
        print(f"proc-2 wrote {len(written_by_victim)} of {len(documents)}: {written_by_victim[:3]}")

        def read_all():
            for key, doc in documents.items():
                # A call to a worker whose address vanished fails only when the connection
                # does (at the latest the 30 s remote-call deadline), then is retried elsewhere.
                status, body = http(port, "GET", f"/entity/split?key={key}", token=token, timeout=40)
                assert (status, json.loads(body)) == (200, doc), (key, status, body)

        read_all()
        run("podman", "kill", f"{unique}_proc-2_1")
        started = time.monotonic()
        for _ in range(3):  # straight after the kill: failed reads are retried on the others
            read_all()
        print(f"reads after the kill took {time.monotonic() - started:.1f}s")
        wait_for("proc-2 to be marked unavailable", lambda: workers().get("proc-2", "gone") != "Available", 60, logs)
        assert sorted(w for w, s in workers().items() if s == "Available") == ["proc-1", "proc-3"]
        for i in range(30, 40):
            status, body = http(port, "PUT", "/entity/split", {f"doc-{i}": {"n": i}}, token)
            assert status == 200, body
            documents[f"doc-{i}"] = {"n": i}
        read_all()
    finally:
        compose_cmd("down", "-v", "-t", "10", check=False)
