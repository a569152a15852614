"""deploy/compose/compose.monitoring.yml under podman-compose: the all-in-one
server with -metrics-addr and a Prometheus (the local image of Debian's
prometheus, $PROMETHEUS_IMAGE, standing in for docker.io/prom/prometheus) that
loads deploy/monitoring/alerts.yml and scrapes the server over the compose
network. After a few requests Prometheus holds the server's request counter,
its target is up, and every alert group is loaded. Grafana (profile "grafana")
is not run here: no registry is reachable for its image."""
import json
import os
import shutil
import urllib.parse

import pytest

from conftest import ROOT, compose_runner, free_port, http, run, wait_for


@pytest.fixture
def prometheus_image():
    name = os.environ.get("PROMETHEUS_IMAGE", "localhost/deltadb-prometheus:dev")
    if run("podman", "image", "exists", name, check=False).returncode != 0:
        pytest.fail(f"image {name} does not exist: run scripts/test-deploy.sh (it builds it)")
    return name


def test_prometheus_scrapes_the_server_in_compose(image, prometheus_image, unique, tmp_path):
    # The compose file mounts ../monitoring: copy both directories as shipped.
    deploy = tmp_path / "deploy"
    shutil.copytree(os.path.join(ROOT, "deploy", "compose"), deploy / "compose",
                    ignore=shutil.ignore_patterns("secrets"))
    shutil.copytree(os.path.join(ROOT, "deploy", "monitoring"), deploy / "monitoring")
    secrets_dir = deploy / "compose" / "secrets"
    run(os.path.join(ROOT, "deploy", "compose", "make-secrets.sh"), str(secrets_dir))  # owners as the image needs
    compose = deploy / "compose" / "compose.monitoring.yml"
    port, prometheus_port = free_port(), free_port()
    env = {**os.environ, "DELTADB_IMAGE": image, "PROMETHEUS_IMAGE": prometheus_image,
           "DELTADB_PORT": str(port), "PROMETHEUS_PORT": str(prometheus_port)}

    compose_cmd = compose_runner(unique, compose, env)

    def prometheus(path, **query):
        status, body = http(prometheus_port, "GET", path + ("?" + urllib.parse.urlencode(query) if query else ""))
        assert status == 200, (status, body[:500])
        return json.loads(body)["data"]

    def logs():
        return "\n".join(run("podman", "logs", "--tail", "20", f"{unique}_{service}_1", check=False).stderr[-2000:]
                         for service in ("deltadb", "prometheus"))

    token = (secrets_dir / "deltadb" / "admin-key").read_text().strip()
    try:
        compose_cmd("up", "-d")
        wait_for("the server's /health", lambda: http(port, "GET", "/health")[0] == 200, 60, logs)
        for index in range(5):
            assert http(port, "PUT", "/entity/monitored", {f"k{index}": {"v": index}}, token)[0] == 200
        assert http(port, "GET", "/entity/monitored?key=k1", token=token)[0] == 200
        services = compose_cmd("ps", "--format", "{{.Names}}").stdout
        assert f"{unique}_grafana_1" not in services, "Grafana runs only with --profile grafana"
        # The metrics listener is not published on the host: only Prometheus reaches it.
        assert "9101" not in run("podman", "port", f"{unique}_deltadb_1", check=False).stdout

        def scraped():
            up = prometheus("/api/v1/query", query='up{job="deltadb"}')["result"]
            puts = prometheus("/api/v1/query",
                              query='deltadatabase_main_http_requests_total{operation="putEntities",status="200"}')
            return up and up[0]["value"][1] == "1" and puts["result"] and float(puts["result"][0]["value"][1]) >= 5
        # The configured scrape interval is 15 s: allow a few.
        wait_for("Prometheus to scrape the server's requests", scraped, 90, logs)

        groups = {group["name"] for group in prometheus("/api/v1/rules")["groups"]}
        with open(os.path.join(ROOT, "deploy", "monitoring", "alerts.yml")) as rules:
            shipped = {line.split(":", 1)[1].strip() for line in rules if line.strip().startswith("- name:")}
        assert shipped and shipped <= groups, f"alert groups loaded: {groups}, shipped: {shipped}"
    finally:
        compose_cmd("down", "-v", "-t", "10", check=False)
