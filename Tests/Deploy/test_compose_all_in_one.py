"""deploy/compose/compose.all-in-one.yml under podman-compose, as shipped: the
server comes up with the secrets make-secrets.sh made, stores and reads a
document, and comes back with it after `down` and `up` (the named volume)."""
import json
import os
import shutil

from conftest import ROOT, compose_runner, free_port, http, run, wait_for


def test_all_in_one_compose(image, secrets_dir, unique, tmp_path):
    compose = tmp_path / "compose.all-in-one.yml"
    shutil.copy(os.path.join(ROOT, "deploy", "compose", "compose.all-in-one.yml"), compose)
    port = free_port()
    env = {**os.environ, "DELTADB_IMAGE": image, "DELTADB_PORT": str(port)}

    compose_cmd = compose_runner(unique, compose, env)

    def healthy():
        return http(port, "GET", "/health")[0] == 200

    def logs():
        return run("podman", "logs", "--tail", "30", f"{unique}_deltadb_1", check=False).stderr[-3000:]

    token = (secrets_dir / "deltadb" / "admin-key").read_text().strip()
    try:
        compose_cmd("up", "-d")
        wait_for("/health", healthy, 60, logs)
        assert http(port, "PUT", "/entity/aio", {"k1": {"v": 1}}, token)[0] == 200
        compose_cmd("down", "-t", "30")  # keeps the volume
        compose_cmd("up", "-d")
        wait_for("/health after a restart", healthy, 60, logs)
        status, body = http(port, "GET", "/entity/aio?key=k1", token=token)
        assert (status, json.loads(body)) == (200, {"v": 1})
    finally:
        compose_cmd("down", "-v", "-t", "10", check=False)
