"""The runtime image (deploy/docker/Containerfile) under podman: its metadata,
the all-in-one server serving and passing its health check as a non-root user,
a clean stop on SIGTERM, data surviving in the volume, and a server that refuses
to start without a master key rather than seal data under a throw-away one.

What it proves: the image built here from binaries built on this host runs and
serves. What it does not: Containerfile.source (a Swift build stage, which needs
a Swift image and a package mirror inside the build; neither is reachable here).
"""
import json
import os

from conftest import free_port, http, run, wait_for

DOC = {"messages": [{"role": "user", "content": "from a container"}]}


def test_image_metadata(image):
    inspected = json.loads(run("podman", "image", "inspect", image).stdout)[0]
    config = inspected["Config"]
    assert config["User"] == "10001:10001"
    assert config["StopSignal"] == "SIGTERM"
    assert "/var/lib/deltadb" in config["Volumes"]
    assert inspected["Healthcheck"]["Test"] == ["CMD", "/usr/local/bin/deltadb-healthcheck"]
    assert config["Entrypoint"] == ["/usr/local/bin/deltadb-entrypoint"]


def test_no_secret_is_baked_into_the_image(image):
    # As root, to see every file: our secret files by name, and any PEM private key.
    script = ("find / -xdev -type f \\( -name admin-key -o -name master-key -o -name worker-secret "
              "-o -name '*.key' \\) -print; grep -rlI --exclude-dir=proc --exclude-dir=sys 'PRIVATE KEY-----' "
              "/etc /home /root /run /usr/local /var/lib || true")
    found = run("podman", "run", "--rm", "--user", "0", "--entrypoint", "/bin/sh", image, "-c", script).stdout
    assert found.split() == []


def test_the_first_argument_picks_the_role(image):
    for role, overview in (("deltadb", "all-in-one DeltaDatabase server"), ("main-worker", "Run the Main Worker"),
                           ("proc-worker", "Run a Processing Worker")):
        result = run("podman", "run", "--rm", image, role, "-h", timeout=60)
        assert overview in result.stdout, (role, result.stdout[:300])


def test_a_server_without_a_master_key_refuses_to_start(image):
    result = run("podman", "run", "--rm", image, timeout=60, check=False)
    assert result.returncode == 64
    assert "no master key" in result.stderr


def start(image, name, port, volume, secrets_dir):
    run("podman", "run", "-d", "--name", name, "-p", f"127.0.0.1:{port}:8080",
        "-v", f"{volume}:/var/lib/deltadb", "-v", f"{secrets_dir}/deltadb:/run/secrets/deltadb:ro", image)
    wait_for(f"{name} to answer /health", lambda: http(port, "GET", "/health")[0] == 200, 60,
             lambda: run("podman", "logs", name, check=False).stderr[-3000:])


def test_all_in_one_serves_stops_cleanly_and_keeps_its_data(image, secrets_dir, unique):
    token = (secrets_dir / "deltadb" / "admin-key").read_text().strip()
    volume = unique + "-data"
    names = [unique + "-1", unique + "-2"]
    port = free_port()
    try:
        start(image, names[0], port, volume, secrets_dir)
        assert run("podman", "exec", names[0], "id", "-u").stdout.strip() == "10001"
        assert http(port, "PUT", "/entity/chatdb", {"session_001": DOC}, token)[0] == 200
        status, body = http(port, "GET", "/entity/chatdb?key=session_001", token=token)
        assert (status, json.loads(body)) == (200, DOC)
        assert run("podman", "healthcheck", "run", names[0], check=False).returncode == 0
        # SIGTERM: the server finishes, writes its log out and exits 0 well within the grace period.
        run("podman", "stop", "-t", "30", names[0], timeout=60)
        state = json.loads(run("podman", "inspect", names[0]).stdout)[0]["State"]
        assert state["ExitCode"] == 0, run("podman", "logs", names[0]).stderr[-3000:]
        # A new container on the same volume and secrets reads what the first stored.
        start(image, names[1], port, volume, secrets_dir)
        status, body = http(port, "GET", "/entity/chatdb?key=session_001", token=token)
        assert (status, json.loads(body)) == (200, DOC)
    finally:
        for name in names:
            run("podman", "rm", "-f", "-t", "5", name, check=False)
        run("podman", "volume", "rm", "-f", volume, check=False)


def test_runs_under_the_kubernetes_security_context(image, secrets_dir, unique):
    """As the manifests run it: read-only root file system, writable only the data
    volume, /run/deltadb and /tmp (emptyDirs there), no capabilities, no privilege
    escalation, Secret files group-readable (0440, gid 10001) as fsGroup mounts them."""
    mounted = secrets_dir / "k8s"
    mounted.mkdir()
    for name in ("admin-key", "master-key"):
        target = mounted / name
        target.write_bytes((secrets_dir / "deltadb" / name).read_bytes())
        os.chown(target, 0, 10001)
        os.chmod(target, 0o440)
    port, volume = free_port(), unique + "-ro"
    try:
        # Kubernetes mounts nothing over /run (podman would, with --read-only alone);
        # the two emptyDirs are tmpfs owned by the container's user here.
        run("podman", "run", "-d", "--name", unique, "--read-only", "--read-only-tmpfs=false",
            "--mount", "type=tmpfs,destination=/run/deltadb,chown=true",
            "--mount", "type=tmpfs,destination=/tmp,chown=true",
            "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--group-add", "10001",
            "-p", f"127.0.0.1:{port}:8080", "-v", f"{volume}:/var/lib/deltadb",
            "-v", f"{mounted}:/run/secrets/deltadb:ro", image)
        wait_for("/health", lambda: http(port, "GET", "/health")[0] == 200, 60,
                 lambda: run("podman", "logs", unique, check=False).stderr[-3000:])
        token = (mounted / "admin-key").read_text().strip()
        assert http(port, "PUT", "/entity/ro", {"k": {"v": 1}}, token)[0] == 200
        status, body = http(port, "GET", "/entity/ro?key=k", token=token)
        assert (status, json.loads(body)) == (200, {"v": 1})
    finally:
        run("podman", "rm", "-f", "-t", "5", unique, check=False)
        run("podman", "volume", "rm", "-f", volume, check=False)
