"""A bounded REST load over several Main Workers, for test_multihost.py.

Run inside the client's network namespace:

    ip netns exec <client-ns> python3 multihost_load.py CONFIG.json

CONFIG (JSON): mains ({name: "ip:port"}, tried in turn), token (Bearer
credential), plain_db, log_db, threads, duration (seconds: the load always stops
by then), stop_file (the load also stops early once this file exists), out
(where the results go), seed, timeout (per request, seconds), plain_keys and
logs (per thread), shared_logs (appended to by every thread).

Each thread owns its keys, so it knows what each should hold:

- plain keys in plain_db: unconditional PUT of a new document, JSON Merge Patch
  (`{"n": seq, "via": "patch"}`), and GET, which must return the last
  acknowledged document or one of an unacknowledged write (a write that got an
  error "may or may not have been stored");
- logs in log_db (`{"owner", "items": [...]}`), its own and shared_logs that
  every thread appends to: appends, each a GET (ETag) and
  then a PUT of the list plus one new item, or a JSON Patch `add /items/-`,
  with If-Match; a 412 re-reads and tries again; an error re-reads too and, if
  the item is not there, tries again (If-Match keeps a late copy out).

Requests alternate between the Main Workers; one that cannot be connected to
(or drops the connection) is recorded as an error and the request is sent to
the next Main Worker at once. A 5xx is recorded and not resent.

Results (JSON, written when the load ends): every acknowledged write (time,
key, main, the document stored or the item appended), every error (5xx or connection error: time, main, op, status or
exception, body), every other non-2xx answer ("refusals": 412s of appends,
404s of keys not yet written), unexpected answers (any status a correct server
would not give), read violations, the final expectation per key and per log
(last acknowledged document, unacknowledged writes; acknowledged, uncertain and
abandoned log items), and counts.
Standard library only.
"""
import http.client
import json
import os
import random
import socket
import string
import sys
import threading
import time
from collections import Counter

CONNECTION_ERRORS = (OSError, http.client.HTTPException)


class Recorder:
    """What every thread saw, behind one lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked = []        # acknowledged writes
        self.errors = []       # 5xx and connection errors
        self.refusals = []     # other non-2xx answers (412s of appends, 404s of new keys, ...)
        self.unexpected = []   # answers no correct server gives here
        self.violations = []   # reads that contradict acknowledged writes
        self.counts = Counter()

    def add(self, kind, record):
        with self.lock:
            getattr(self, kind).append(record)

    def count(self, *names):
        with self.lock:
            for name in names:
                self.counts[name] += 1


class Mains:
    """Keep-alive connections of one thread to every Main Worker, used in turn."""

    def __init__(self, mains, token, timeout, start):
        self.names = list(mains)
        self.addresses = {}
        for name, address in mains.items():
            host, port = address.rsplit(":", 1)
            self.addresses[name] = (host, int(port))
        self.token = token
        self.timeout = timeout
        self.turn = start
        self.connections = {}
        self.used = {}         # name -> requests sent on its current connection

    def _connection(self, name):
        connection = self.connections.get(name)
        if connection is None:
            host, port = self.addresses[name]
            connection = http.client.HTTPConnection(host, port, timeout=self.timeout)
            self.connections[name] = connection
        return connection

    def _drop(self, name):
        self.used.pop(name, None)
        connection = self.connections.pop(name, None)
        if connection is not None:
            connection.close()

    def once(self, name, method, path, body=None, headers=None):
        """One request to one Main Worker: (status, headers, body bytes); raises on a connection error."""
        all_headers = {"Authorization": f"Bearer {self.token}"}
        all_headers.update(headers or {})
        if body is not None and not isinstance(body, (bytes, bytearray)):
            body = json.dumps(body).encode()
            all_headers.setdefault("Content-Type", "application/json")
        connection = self._connection(name)
        self.used[name] = self.used.get(name, 0) + 1
        try:
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            data = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self._drop(name)
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data
        except CONNECTION_ERRORS:
            self._drop(name)
            raise

    def close(self):
        for name in list(self.connections):
            self._drop(name)


class Worker(threading.Thread):
    def __init__(self, index, config, recorder, deadline):
        super().__init__(name=f"load-{index}", daemon=True)
        self.index = index
        self.config = config
        self.recorder = recorder
        self.deadline = deadline
        self.rng = random.Random(f"{config['seed']}-{index}")
        self.mains = Mains(config["mains"], config["token"], config["timeout"], start=index)
        self.plain_db = config["plain_db"]
        self.log_db = config["log_db"]
        self.seq = 0
        self.plain = {f"t{index}-k{j}": {"acked": None, "unacked": [], "version": 0}
                      for j in range(config["plain_keys"])}
        # Its own logs, plus the shared ones every thread appends to (If-Match races: 412s).
        log_keys = [f"t{index}-log{j}" for j in range(config["logs"])]
        log_keys += [f"shared-log{j}" for j in range(config.get("shared_logs", 0))]
        self.logs = {key: {"acked": [], "uncertain": [], "abandoned": [], "version": 0} for key in log_keys}

    # Plumbing

    def stopping(self):
        return time.time() >= self.deadline or os.path.exists(self.config["stop_file"])

    def send(self, op, key, method, path, body=None, headers=None, n=None):
        """Sends to the next Main Worker, and to the one after on a connection error.
        Returns (status, headers, body, main, errored) where status is None when no
        Main Worker answered; `errored` says whether any attempt failed (5xx or connection)."""
        names = self.mains.names
        errored = False
        first = self.mains.turn % len(names)
        self.mains.turn += 1
        for attempt in range(len(names)):
            name = names[(first + attempt) % len(names)]
            started = time.time()
            reused = self.mains.used.get(name, 0) > 0  # a kept-alive connection (else a new one)
            try:
                status, answer_headers, data = self.mains.once(name, method, path, body, headers)
            except CONNECTION_ERRORS as error:
                errored = True
                self.recorder.count(f"error:{op}", f"main:{name}:error")
                self.recorder.add("errors", {"t0": started, "t1": time.time(), "main": name, "op": op, "key": key,
                                             "n": n, "status": None, "error": f"{type(error).__name__}: {error}",
                                             "kept_alive": reused})
                continue
            self.recorder.count(f"main:{name}:{status // 100}xx")
            record = {"t0": started, "t1": time.time(), "main": name, "op": op, "key": key, "n": n, "status": status,
                      "body": data[:300].decode("utf-8", "replace")}
            if status >= 500:
                errored = True
                self.recorder.add("errors", record)
            elif status >= 300:
                record["body"] = record["body"][:120]
                self.recorder.add("refusals", record)
            return status, answer_headers, data, name, errored
        return None, {}, b"", None, errored

    def unexpected(self, op, key, main, status, data, why):
        self.recorder.count(f"unexpected:{op}")
        self.recorder.add("unexpected", {"t": time.time(), "main": main, "op": op, "key": key, "status": status,
                                         "why": why, "body": data[:300].decode("utf-8", "replace")})

    def violation(self, key, main, why):
        self.recorder.count("violation")
        self.recorder.add("violations", {"t": time.time(), "main": main, "key": key, "why": why})

    def version_of(self, headers):
        etag = headers.get("etag", "").strip('"')
        return int(etag) if etag.isdigit() else None

    # Plain keys

    def new_document(self, key):
        self.seq += 1
        pad = "".join(self.rng.choice(string.ascii_letters) for _ in range(self.rng.randint(8, 400)))
        return {"owner": f"t{self.index}", "key": key, "n": self.seq, "via": "put", "pad": pad}

    def put_plain(self, key):
        state = self.plain[key]
        document = self.new_document(key)
        started = time.time()
        status, _, data, main, errored = self.send("put", key, "PUT", f"/entity/{self.plain_db}", {key: document},
                                                   n=document["n"])
        if status == 200:
            self.acknowledge(state, "put", key, document["n"], document, started, main)
        else:
            state["unacked"].append(document["n"])
            if status is not None and status < 500:
                self.unexpected("put", key, main, status, data, "PUT of a valid document")

    def acknowledge(self, state, op, key, n, document, started, main):
        """Records an acknowledged write of `document` (numbered `n`) to `key`."""
        state["acked"] = document
        self.recorder.count(f"ack:{op}")
        self.recorder.add("acked", {"t0": started, "t1": time.time(), "main": main, "op": op, "key": key,
                                    "n": n, "document": document})

    def patch_plain(self, key):
        state = self.plain[key]
        if state["acked"] is None:
            return self.put_plain(key)
        self.seq += 1
        patch = {"n": self.seq, "via": "patch"}
        started = time.time()
        status, headers, data, main, errored = self.send(
            "patch", key, "PATCH", f"/entity/{self.plain_db}?key={key}", json.dumps(patch).encode(),
            {"Content-Type": "application/merge-patch+json"}, n=patch["n"])
        if status == 200:
            try:
                stored = json.loads(data)
            except ValueError:
                stored = None
            if not isinstance(stored, dict) or stored.get("n") != patch["n"] or stored.get("via") != "patch":
                self.unexpected("patch", key, main, status, data, "PATCH answered a document without the patch")
                state["unacked"].append(patch["n"])
                return
            version = self.version_of(headers)
            if version is not None:
                if version <= state["version"]:
                    self.violation(key, main, f"PATCH stored version {version}, "
                                              f"not above {state['version']} seen before")
                state["version"] = max(state["version"], version)
            self.acknowledge(state, "patch", key, patch["n"], stored, started, main)
        else:
            state["unacked"].append(patch["n"])
            if status is not None and status < 500:
                self.unexpected("patch", key, main, status, data, "merge patch of an existing entity")

    def get_plain(self, key):
        state = self.plain[key]
        status, headers, data, main, _ = self.send("get", key, "GET", f"/entity/{self.plain_db}?key={key}")
        if status is None or status >= 500:
            return
        self.recorder.count("ok:get" if status == 200 else f"get:{status}")
        if status == 404:
            if state["acked"] is not None:
                self.violation(key, main, f"404 after the acknowledged write n={state['acked']['n']}")
            return
        if status != 200:
            return self.unexpected("get", key, main, status, data, "GET of an owned key")
        try:
            got = json.loads(data)
        except ValueError:
            return self.unexpected("get", key, main, status, data, "GET body is not JSON")
        if got != state["acked"] and not (isinstance(got, dict) and got.get("n") in state["unacked"]):
            expected = state["acked"]["n"] if state["acked"] else None
            self.violation(key, main, f"read n={got.get('n') if isinstance(got, dict) else got!r}, last acknowledged "
                                      f"n={expected}, unacknowledged {state['unacked'][-5:]}")
        version = self.version_of(headers)
        if version is not None:
            if version < state["version"]:
                self.violation(key, main, f"read version {version} after seeing version {state['version']}")
            state["version"] = max(state["version"], version)

    # Logs

    def read_log(self, key):
        """(items, version) of a log, (None, 0) if it does not exist, or None if no answer."""
        status, headers, data, main, _ = self.send("log-get", key, "GET", f"/entity/{self.log_db}?key={key}")
        if status is None or status >= 500:
            return None
        if status == 404:
            return None, 0
        if status != 200:
            self.unexpected("log-get", key, main, status, data, "GET of an owned log")
            return None
        try:
            items = json.loads(data)["items"]
        except (ValueError, KeyError, TypeError):
            self.unexpected("log-get", key, main, status, data, "a log without items")
            return None
        version = self.version_of(headers) or 0
        state = self.logs[key]
        if version < state["version"]:
            self.violation(key, main, f"log read version {version} after seeing version {state['version']}")
        state["version"] = max(state["version"], version)
        return items, version

    def append(self, key):
        state = self.logs[key]
        self.seq += 1
        item = f"t{self.index}-{self.seq}"
        errored = False
        for _ in range(40):
            if self.stopping() and not errored:
                return  # nothing sent yet for this item, or only refused: simply not appended
            read = self.read_log(key)
            if read is None:
                time.sleep(0.05)
                continue
            items, version = read
            if items is not None and item in items:
                if errored:
                    state["uncertain"].append(item)
                    self.recorder.count("append:landed-after-error")
                else:
                    self.violation(key, None, f"{item} is in the log before it was sent")
                return
            use_patch = items is not None and self.rng.random() < 0.5
            started = time.time()
            if items is None:
                status, headers, data, main, failed = self.send(
                    "append", key, "PUT", f"/entity/{self.log_db}",
                    {key: {"owner": f"t{self.index}", "items": [item]}}, {"If-None-Match": "*"})
            elif use_patch:
                status, headers, data, main, failed = self.send(
                    "append", key, "PATCH", f"/entity/{self.log_db}?key={key}",
                    json.dumps([{"op": "add", "path": "/items/-", "value": item}]).encode(),
                    {"Content-Type": "application/json-patch+json", "If-Match": f'"{version}"'})
            else:
                status, headers, data, main, failed = self.send(
                    "append", key, "PUT", f"/entity/{self.log_db}",
                    {key: {"owner": f"t{self.index}", "items": items + [item]}}, {"If-Match": f'"{version}"'})
            errored = errored or failed
            if status == 200:
                state["acked"].append(item)
                self.recorder.count("ack:append")
                self.recorder.add("acked", {"t0": started, "t1": time.time(), "main": main, "op": "append",
                                            "key": key, "item": item})
                return
            if status == 412:
                self.recorder.count("append:412")
                continue
            if status is not None and status < 500:
                self.unexpected("append", key, main, status, data, "conditional append")
                break
            time.sleep(0.05)
        if errored:
            state["uncertain"].append(item)
        else:
            state["abandoned"].append(item)
        self.recorder.count("append:gave-up")

    # The loop

    def run(self):
        try:
            for key in self.plain:
                if self.stopping():
                    break
                self.put_plain(key)
            for key in self.logs:
                if self.stopping():
                    break
                self.append(key)
            while not self.stopping():
                roll = self.rng.random()
                if roll < 0.35:
                    self.put_plain(self.rng.choice(list(self.plain)))
                elif roll < 0.65:
                    self.get_plain(self.rng.choice(list(self.plain)))
                elif roll < 0.80:
                    self.patch_plain(self.rng.choice(list(self.plain)))
                else:
                    self.append(self.rng.choice(list(self.logs)))
        except Exception as error:  # a bug here must show, not end the thread silently
            self.recorder.add("unexpected", {"t": time.time(), "main": None, "op": "thread", "key": None,
                                             "status": None, "why": f"load thread crashed: {error!r}", "body": ""})
        finally:
            self.mains.close()


def main(config_path):
    with open(config_path) as handle:
        config = json.load(handle)
    recorder = Recorder()
    started = time.time()
    deadline = started + float(config["duration"])
    workers = [Worker(index, config, recorder, deadline) for index in range(int(config["threads"]))]
    for worker in workers:
        worker.start()
    for worker in workers:
        # A request blocks at most `timeout` (plus a resend), an append a few dozen of them.
        worker.join(timeout=max(0.0, deadline - time.time()) + 4 * float(config["timeout"]) + 5)
    stuck = [worker.name for worker in workers if worker.is_alive()]
    results = {
        "started": started,
        "finished": time.time(),
        "stuck_threads": stuck,
        "counts": dict(recorder.counts),
        "acked": recorder.acked,
        "errors": recorder.errors,
        "refusals": recorder.refusals,
        "unexpected": recorder.unexpected,
        "violations": recorder.violations,
        "plain": {key: {"db": config["plain_db"], **state} for w in workers for key, state in w.plain.items()},
        "logs": {},
    }
    for worker in workers:  # a shared log's items come from every thread
        for key, state in worker.logs.items():
            merged = results["logs"].setdefault(key, {"db": config["log_db"], "acked": [], "uncertain": [],
                                                      "abandoned": []})
            for part in ("acked", "uncertain", "abandoned"):
                merged[part].extend(state[part])
    temporary = config["out"] + ".tmp"
    with open(temporary, "w") as handle:
        json.dump(results, handle)
    os.replace(temporary, config["out"])
    ops = sum(v for k, v in recorder.counts.items() if k.startswith("main:") and not k.endswith(":error"))
    print(f"load: {len(workers)} threads, {results['finished'] - started:.1f}s, {ops} answers, "
          f"{len(recorder.acked)} acknowledged writes, {len(recorder.errors)} errors, "
          f"{len(recorder.unexpected)} unexpected, {len(recorder.violations)} violations", flush=True)
    return 1 if stuck else 0


if __name__ == "__main__":
    socket.setdefaulttimeout(60)
    sys.exit(main(sys.argv[1]))
