"""Readiness (`GET /ready`) of real processes, separate from liveness (`/health`):

- an all-in-one deltadb is ready once it serves;
- a main-worker without any Processing Worker is alive but not ready (503 with a
  JSON reason naming what is missing), and becomes ready once a proc-worker has
  subscribed and received the keyring.
"""
import json
import time


def ready(port_request):
    status, _, body = port_request("GET", "/ready", auth=False)
    return status, json.loads(body)


def test_deltadb_is_ready_once_serving(start_deltadb):
    server = start_deltadb()
    status, body = ready(server.rest)
    assert (status, body) == (200, {"status": "ok"})


def test_main_worker_is_not_ready_until_a_worker_holds_the_keyring(start_cluster):
    cluster = start_cluster()
    assert cluster.rest("GET", "/health", auth=False)[0] == 200, "liveness must not depend on workers"
    status, body = ready(cluster.rest)
    assert status == 503, body
    assert body["code"] == "unavailable"
    assert "no Processing Worker" in body["error"] and "proc-worker" in body["error"]

    cluster.start_worker("w1")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        status, body = ready(cluster.rest)
        if status == 200:
            break
        time.sleep(0.1)
    assert (status, body) == (200, {"status": "ok"})
