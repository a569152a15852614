"""A real Prometheus (Debian's `prometheus` package) for the monitoring test:
started on loopback with a scrape configuration derived from the shipped
deploy/monitoring/prometheus.yml, queried through its HTTP API.
Python 3 standard library plus PyYAML.
"""
import json
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import yaml

from support.processes import ROOT, Process, LaunchError

MONITORING = os.path.join(ROOT, "deploy", "monitoring")


def tool(name):
    """The path of `prometheus` or `promtool`; LaunchError naming the package when missing."""
    path = shutil.which(name)
    if not path:
        raise LaunchError(f"{name} is not installed: scripts/install-deps.sh installs Debian's 'prometheus' package")
    return path


def promtool(*args):
    """Runs promtool; returns (exit code, combined output)."""
    done = subprocess.run([tool("promtool"), *args], capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout + done.stderr


def scrape_config(targets, directory, interval="1s"):
    """The shipped prometheus.yml with each job's targets replaced by `targets`
    (job name -> ["127.0.0.1:port", ...]; jobs not named are dropped), a short
    interval and the alert rules by absolute path. Returns the written file's path."""
    with open(os.path.join(MONITORING, "prometheus.yml")) as f:
        config = yaml.safe_load(f)
    config["global"]["scrape_interval"] = interval
    config["global"]["evaluation_interval"] = interval
    config["rule_files"] = [os.path.join(MONITORING, name) for name in config["rule_files"]]
    jobs = []
    for job in config["scrape_configs"]:
        if job["job_name"] in targets:
            job["static_configs"] = [{"targets": targets[job["job_name"]]}]
            jobs.append(job)
    missing = set(targets) - {job["job_name"] for job in jobs}
    if missing:
        raise LaunchError(f"deploy/monitoring/prometheus.yml has no job {sorted(missing)}")
    config["scrape_configs"] = jobs
    path = os.path.join(directory, "prometheus-test.yml")
    with open(path, "w") as f:
        yaml.safe_dump(config, f)
    return path


class Prometheus:
    """One Prometheus server on 127.0.0.1:`port` with its data in `directory`."""

    def __init__(self, config, directory, port):
        self.port = port
        argv = [tool("prometheus"), f"--config.file={config}", f"--storage.tsdb.path={os.path.join(directory, 'tsdb')}",
                f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"]
        self.process = Process("prometheus", argv, directory)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/ready", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            if not self.process.alive:
                break
            time.sleep(0.2)
        raise LaunchError(f"Prometheus did not become ready; stderr:\n{self.process.stderr_tail()}")

    def api(self, path, **params):
        """GET /api/v1/<path>; returns the decoded JSON answer (errors included)."""
        url = f"http://127.0.0.1:{self.port}/api/v1/{path}?" + urllib.parse.urlencode(params)
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                return json.load(answer)
        except urllib.error.HTTPError as error:
            return json.load(error)

    def query(self, expr):
        return self.api("query", query=expr)

    def stop(self):
        self.process.stop()
