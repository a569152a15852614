"""Hosts on one machine: Linux network namespaces joined by a bridge.

`Network(hosts)` makes, for one test run:

- a "switch" namespace holding a Linux bridge `br0`;
- one namespace per host, `dd<6 hex>-<host>` (the run id keeps parallel or
  leftover runs apart), with `lo` up and an `eth0` whose veth peer is a port
  of the bridge in the switch namespace;
- one address per host in a private /24 chosen per run (10.X.Y.0/24 with random
  X, Y): 10.X.Y.10 for the first host, .11 for the next, ...

Nothing is added to the root namespace (no address, route, link or bridge):
every interface is created inside the switch namespace and its peer moved
straight into the host namespace. `destroy()` kills whatever still runs in the
namespaces it created and deletes them (the veth pairs and the bridge go with
them).

Processes run in a host with `ip netns exec <ns> argv...` (`command(host,
argv)`): ip execs the command, so the pid of the Popen is the program itself and
a SIGKILL hits it. The test process itself talks to a host's address through
`connect(host, address)`: the socket is created while the calling thread is
inside the host's namespace (setns(2) on that one thread), then used from
anywhere; `HTTPConnection(host, ...)` does that for http.client.

Standard library only; needs root (CAP_SYS_ADMIN) and iproute2's `ip`.
"""
import contextlib
import ctypes
import http.client
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import time

CLONE_NEWNET = 0x40000000
SWITCH = "switch"
BRIDGE = "br0"


class NetnsError(Exception):
    """An `ip` command failed, or a namespace could not be entered."""


def ip(*args, check=True, timeout=15):
    """Runs `ip args...`; returns its stdout (NetnsError if it fails and `check`)."""
    try:
        result = subprocess.run(["ip", *args], capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise NetnsError(f"ip {' '.join(args)}: {error}") from None
    if check and result.returncode != 0:
        raise NetnsError(f"ip {' '.join(args)} exited with {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def unusable_reason():
    """None if this process can make namespaces, else why not (for pytest.skip)."""
    if os.geteuid() != 0:
        return "network namespaces need root"
    if shutil.which("ip") is None:
        return "iproute2's ip is not installed"
    probe = f"dd{secrets.token_hex(3)}-probe"
    try:
        ip("netns", "add", probe)
    except NetnsError as error:
        return f"ip netns add does not work here: {error}"
    try:
        ip("-n", probe, "link", "set", "lo", "up")
        with entered(probe):
            pass
    except NetnsError as error:
        return f"a new namespace cannot be used: {error}"
    finally:
        ip("netns", "del", probe, check=False)
    return None


_libc = ctypes.CDLL(None, use_errno=True)


def _setns(fd):
    if hasattr(os, "setns"):  # Python 3.12
        os.setns(fd, CLONE_NEWNET)
        return
    if _libc.setns(fd, CLONE_NEWNET) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno))


@contextlib.contextmanager
def entered(namespace):
    """Runs the block with the calling thread (only) in the named namespace.

    Sockets made inside stay in that namespace after the block; nothing else of
    the process changes (other threads keep their namespace).
    """
    try:
        home = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
    except OSError as error:
        raise NetnsError(f"cannot open this thread's network namespace: {error}") from None
    try:
        try:
            target = os.open(f"/run/netns/{namespace}", os.O_RDONLY)
        except OSError as error:
            raise NetnsError(f"namespace {namespace} cannot be opened: {error}") from None
        try:
            _setns(target)
        except OSError as error:
            raise NetnsError(f"setns into {namespace}: {error}") from None
        finally:
            os.close(target)
        try:
            yield
        finally:
            _setns(home)  # must not fail: the thread would stay in the host
    finally:
        os.close(home)


class Network:
    """A bridge in its own namespace and one namespace (one address) per host."""

    def __init__(self, hosts, run_id=None):
        if len(hosts) > 200:
            raise ValueError("one /24 holds at most 200 hosts here")
        self.run_id = run_id or f"dd{secrets.token_hex(3)}"
        rng = random.Random()
        # 10.X.Y.0/24: nothing in the root namespace routes to it, and nothing here
        # touches the root namespace, so a clash with a real 10/8 network is harmless.
        self.subnet_prefix = f"10.{rng.randint(16, 250)}.{rng.randint(1, 254)}"
        self.subnet = f"{self.subnet_prefix}.0/24"
        self.hosts = list(hosts)
        self.addresses = {host: f"{self.subnet_prefix}.{10 + index}" for index, host in enumerate(self.hosts)}
        self.namespaces = {host: f"{self.run_id}-{host}" for host in self.hosts}
        self.switch = f"{self.run_id}-{SWITCH}"
        self.created = []   # namespaces this object made, in order (destroy() deletes them)

    def address(self, host):
        return self.addresses[host]

    def namespace(self, host):
        return self.namespaces[host]

    def create(self):
        """Makes the switch, the hosts and their links; NetnsError on any failure
        (what was made so far is still deleted by destroy())."""
        self._add_namespace(self.switch)
        ip("-n", self.switch, "link", "add", BRIDGE, "type", "bridge")
        ip("-n", self.switch, "link", "set", BRIDGE, "up")
        for index, host in enumerate(self.hosts):
            namespace = self.namespaces[host]
            self._add_namespace(namespace)
            port = f"p{index}-{host}"[:15]  # the bridge port's name, in the switch namespace only
            ip("-n", self.switch, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", namespace)
            ip("-n", self.switch, "link", "set", port, "master", BRIDGE)
            ip("-n", self.switch, "link", "set", port, "up")
            ip("-n", namespace, "addr", "add", f"{self.addresses[host]}/24", "dev", "eth0")
            ip("-n", namespace, "link", "set", "eth0", "up")
        return self

    def _add_namespace(self, namespace):
        ip("netns", "add", namespace)
        self.created.append(namespace)
        ip("-n", namespace, "link", "set", "lo", "up")

    def command(self, host, argv):
        """argv run inside the host's namespace (`ip netns exec` execs it: same pid)."""
        return ["ip", "netns", "exec", self.namespaces[host], *argv]

    def run(self, host, argv, timeout=30, **options):
        """subprocess.run of argv inside the host (captured output, text)."""
        return subprocess.run(self.command(host, argv), capture_output=True, text=True, timeout=timeout, **options)

    def connect(self, host, address, port, timeout=5.0):
        """A TCP socket connected to address:port from inside `host`."""
        with entered(self.namespaces[host]):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout)
            sock.connect((address, port))
        except BaseException:
            sock.close()
            raise
        return sock

    def listen(self, host, port=0):
        """A listening TCP socket on the host's address (port 0: any free one)."""
        with entered(self.namespaces[host]):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((self.addresses[host], port))
            sock.listen(16)
        except BaseException:
            sock.close()
            raise
        return sock

    def http(self, host, address, port, timeout=5.0):
        """An http.client connection to address:port whose socket is made inside `host`."""
        return HTTPConnection(self, host, address, port, timeout=timeout)

    def reachability(self, timeout=2.0):
        """Connects from every host to a listener on every other host over the bridge;
        returns the failures as "a -> b: error" strings (empty: full mesh)."""
        failures = []
        listeners = {}
        try:
            for host in self.hosts:
                listeners[host] = self.listen(host)
            for source in self.hosts:
                for target, listener in listeners.items():
                    if target == source:
                        continue
                    port = listener.getsockname()[1]
                    try:
                        sock = self.connect(source, self.addresses[target], port, timeout)
                    except OSError as error:
                        failures.append(f"{source} -> {target} ({self.addresses[target]}:{port}): {error}")
                        continue
                    with sock:
                        listener.settimeout(timeout)
                        try:
                            accepted, peer = listener.accept()
                        except OSError as error:
                            failures.append(f"{source} -> {target}: accepted nothing: {error}")
                            continue
                        accepted.close()
                        if peer[0] != self.addresses[source]:
                            failures.append(f"{source} -> {target}: arrived from {peer[0]}, "
                                            f"expected {self.addresses[source]}")
        finally:
            for listener in listeners.values():
                listener.close()
        return failures

    def pids(self, namespace):
        out = ip("netns", "pids", namespace, check=False)
        return [int(word) for word in out.split() if word.isdigit()]

    def destroy(self):
        """Kills what still runs in our namespaces (SIGKILL, by pid) and deletes them.
        Returns the problems met (empty when all went); never raises."""
        problems = []
        for namespace in reversed(self.created):
            for _ in range(3):
                pids = self.pids(namespace)
                if not pids:
                    break
                for pid in pids:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    except OSError as error:
                        problems.append(f"kill {pid} in {namespace}: {error}")
                time.sleep(0.2)
        for namespace in reversed(self.created):
            try:
                ip("netns", "del", namespace)
            except NetnsError as error:
                problems.append(str(error))
        self.created = []
        return problems


class HTTPConnection(http.client.HTTPConnection):
    """http.client's connection, its socket made inside one host's namespace."""

    def __init__(self, network, host, address, port, timeout=5.0):
        super().__init__(address, port, timeout=timeout)
        self.network = network
        self.source_host = host

    def connect(self):
        self.sock = self.network.connect(self.source_host, self.host, self.port, self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def root_namespace_traces(network):
    """Lines of the root namespace's links, addresses and routes that mention the
    run's subnet or namespaces (empty: nothing of the test reached it)."""
    needles = (f"{network.subnet_prefix}.", network.run_id)
    traces = []
    for args in (("-o", "link", "show"), ("-o", "addr", "show"), ("route", "show")):
        for line in ip(*args, check=False).splitlines():
            if any(needle in line for needle in needles):
                traces.append(f"ip {' '.join(args)}: {line.strip()}")
    return traces
