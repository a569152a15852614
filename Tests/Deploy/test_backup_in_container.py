"""Backup and restore with the image, as docs/deploy.md says to run them: an
online backup taken with `podman exec` from the running all-in-one server into
its -backup-dir volume, an offline backup in a one-off container after the
server stopped, and a restore in a one-off container into a directory of a new
volume that a new server then serves with every document."""
import json

from conftest import free_port, http, run, wait_for

SECRETS = "/run/deltadb/secrets"


def server_args(shared_fs, *extra):
    return ["deltadb", "-rest-addr=0.0.0.0:8080", f"-shared-fs={shared_fs}", f"-admin-key-file={SECRETS}/admin-key",
            f"-master-key-file={SECRETS}/master-key", *extra]


def test_backup_and_restore_in_containers(image, secrets_dir, unique):
    token = (secrets_dir / "deltadb" / "admin-key").read_text().strip()
    data, backups, restored = unique + "-data", unique + "-backups", unique + "-restored"
    secrets_mount = ["-v", f"{secrets_dir}/deltadb:/run/secrets/deltadb:ro"]
    names = [unique + "-server", unique + "-restored"]
    port = free_port()

    def start(name, volumes, shared_fs, *extra):
        mounts = [arg for volume in volumes for arg in ("-v", volume)]
        run("podman", "run", "-d", "--name", name, "-p", f"127.0.0.1:{port}:8080", *mounts, *secrets_mount,
            image, *server_args(shared_fs, *extra))
        wait_for(f"{name} to answer /health", lambda: http(port, "GET", "/health")[0] == 200, 60,
                 lambda: run("podman", "logs", name, check=False).stderr[-3000:])

    documents = {f"session_{i:03}": {"messages": [{"role": "user", "content": f"message {i}"}]} for i in range(12)}
    try:
        # :U hands the new volumes to the image's user (10001).
        start(names[0], [f"{data}:/var/lib/deltadb", f"{backups}:/var/lib/deltadb-backups:U"], "/var/lib/deltadb",
              "-backup-dir=/var/lib/deltadb-backups")
        assert http(port, "PUT", "/entity/chatdb", documents, token)[0] == 200

        online = run("podman", "exec", names[0], "deltadb", "backup", "-server=http://127.0.0.1:8080",
                     f"-admin-key-file={SECRETS}/admin-key", "-name=nightly", timeout=120)
        assert "backup 'nightly' written" in online.stdout, online.stdout + online.stderr

        run("podman", "stop", "-t", "30", names[0], timeout=60)
        offline = run("podman", "run", "--rm", "-v", f"{data}:/var/lib/deltadb", "-v", f"{backups}:/var/lib/deltadb-backups",
                      *secrets_mount, image, "deltadb", "backup", "-shared-fs=/var/lib/deltadb",
                      "-out=/var/lib/deltadb-backups/offline", timeout=120)
        assert "backup written to /var/lib/deltadb-backups/offline" in offline.stdout, offline.stdout + offline.stderr

        for backup in ("nightly", "offline"):
            verified = run("podman", "run", "--rm", "-v", f"{backups}:/var/lib/deltadb-backups", *secrets_mount, image,
                           "deltadb", "restore", f"-from=/var/lib/deltadb-backups/{backup}", "-verify-only",
                           "-shared-fs=/tmp/unused", f"-master-key-file={SECRETS}/master-key", timeout=120)
            assert "is intact: 12 entities decrypt" in verified.stdout, verified.stdout + verified.stderr

        # A volume's root cannot be renamed onto: restore into a directory inside it.
        run("podman", "run", "--rm", "-v", f"{backups}:/var/lib/deltadb-backups", "-v", f"{restored}:/var/lib/deltadb:U",
            *secrets_mount, image, "deltadb", "restore", "-from=/var/lib/deltadb-backups/nightly",
            "-shared-fs=/var/lib/deltadb/restored", f"-master-key-file={SECRETS}/master-key", timeout=120)
        start(names[1], [f"{restored}:/var/lib/deltadb"], "/var/lib/deltadb/restored")
        for key, document in documents.items():
            status, body = http(port, "GET", f"/entity/chatdb?key={key}", token=token)
            assert (status, json.loads(body)) == (200, document), key
    finally:
        for name in names:
            run("podman", "rm", "-f", "-t", "5", name, check=False)
        for volume in (data, backups, restored):
            run("podman", "volume", "rm", "-f", volume, check=False)
