"""Writes a data directory and key store exactly as the Go original writes them,
for the import tests (test_import_original.py) and by hand:

    python3 -m support.original_fixture DIR [--bulk N]     (from Tests/System)

The facts come from the original's formats (shared original-formats notes):

* files/<db>_<key>.json.enc  AES-256-GCM ciphertext with the 16-byte tag cut off,
  12-byte random nonce, **no associated data**, key = the 32-byte master key;
* files/<db>_<key>.meta.json an indented JSON sidecar: key_id, alg, iv and tag
  (standard base64), schema_id, version, writer_id, timestamp (RFC 3339 with
  nanoseconds), database and entity_key (a later version: schema instead of
  database; an older one: neither);
* templates/<schemaID>.json  draft-07 JSON Schemas;
* _auth/keys.json            a bare indented array, mode 0600: id (16 hex), name,
  key_hash (hex SHA-256 of the whole secret `dk_<64 hex>`), permissions,
  expires_at (optional), created_at, enabled.
"""
import base64
import hashlib
import json
import os
import secrets
import sys
from datetime import datetime, timedelta, timezone

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def go_time(moment):
    """RFC 3339 with nanoseconds, as Go's time.Time marshals (here in +02:00)."""
    local = moment.astimezone(timezone(timedelta(hours=2)))
    return local.strftime("%Y-%m-%dT%H:%M:%S.") + f"{local.microsecond:06d}123" + local.strftime("%z")[:3] + ":" + local.strftime("%z")[3:]


class OriginalWriter:
    """One original data directory under `root`, encrypted with `master_key_hex`."""

    def __init__(self, root, master_key_hex=None):
        self.root = root
        self.master_key_hex = master_key_hex or secrets.token_hex(32)
        self.aead = AESGCM(bytes.fromhex(self.master_key_hex))
        for sub in ("files", "templates", "_auth"):
            os.makedirs(os.path.join(root, sub), exist_ok=True)

    def entity(self, database, key, document, schema_id="", names="database", version=1, when=None):
        """Writes one entity: blob first, then the sidecar, as the original does.
        `names`: "database" (documented), "schema" (later version) or None (older)."""
        file_id = f"{database}_{key}"
        plaintext = json.dumps(document, separators=(",", ":")).encode()
        nonce = secrets.token_bytes(12)
        sealed = self.aead.encrypt(nonce, plaintext, None)
        ciphertext, tag = sealed[:-16], sealed[-16:]
        sidecar = {
            "key_id": "main-key-v1",
            "alg": "AES-GCM",
            "iv": base64.b64encode(nonce).decode(),
            "tag": base64.b64encode(tag).decode(),
            "schema_id": schema_id,
            "version": version,
            "writer_id": "proc-1",
            "timestamp": go_time(when or datetime.now(timezone.utc)),
        }
        if names:
            sidecar[names] = database
            sidecar["entity_key"] = key
        self._write(os.path.join("files", file_id + ".json.enc"), ciphertext)
        self._write(os.path.join("files", file_id + ".meta.json"), json.dumps(sidecar, indent=2).encode())
        return file_id

    def template(self, schema_id, schema):
        self._write(os.path.join("templates", schema_id + ".json"), json.dumps(schema, indent=2).encode())

    def tamper(self, file_id):
        """Flips one bit of an entity's ciphertext."""
        path = os.path.join(self.root, "files", file_id + ".json.enc")
        with open(path, "r+b") as handle:
            first = handle.read(1)
            handle.seek(0)
            handle.write(bytes([first[0] ^ 1]))

    @staticmethod
    def api_key(name, permissions, expires_at=None, enabled=True):
        """(secret, record) of a key the way the original issues and stores it."""
        secret = "dk_" + secrets.token_hex(32)
        record = {
            "id": secrets.token_hex(8),
            "name": name,
            "key_hash": hashlib.sha256(secret.encode()).hexdigest(),
            "permissions": permissions,
            "created_at": go_time(datetime.now(timezone.utc) - timedelta(days=30)),
            "enabled": enabled,
        }
        if expires_at is not None:
            record["expires_at"] = go_time(expires_at)
        return secret, record

    def key_store(self, records):
        path = os.path.join(self.root, "_auth", "keys.json")
        self._write(os.path.join("_auth", "keys.json"), json.dumps(records, indent=2).encode())
        os.chmod(path, 0o600)

    def _write(self, relative, data):
        path = os.path.join(self.root, relative)
        temporary = path + ".tmp"
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)


CHAT_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "chat.v1",
    "type": "object",
    "properties": {"messages": {"type": "array"}},
    "required": ["messages"],
}


def build(root, bulk=20000, master_key_hex=None):
    """The import tests' original: every case the importer must handle.

    Returns (writer, expected, keys, tampered) where expected maps
    (database, key) -> document for every entity that must be imported, keys maps
    a role to (secret, record), and tampered is the file id of the bad blob."""
    original = OriginalWriter(root, master_key_hex)
    expected = {}

    def put(database, key, document, **options):
        original.entity(database, key, document, **options)
        expected[(database, key)] = document

    original.template("chat.v1", CHAT_SCHEMA)
    original.template("anything", True)  # a boolean schema, valid draft-07
    for n in range(1, 4):
        put("chatdb", f"session_{n:03d}", {"messages": [{"role": "user", "content": f"Hi {n}"}]}, schema_id="chat.v1")
    put("user_profiles", "alice_smith", {"name": "Alice", "tags": ["a_b"], "score": 1.50})  # '_' on both sides
    put("legacy", "a_b_c", {"older": True, "note": "no names in the sidecar"}, names=None)    # a guessed split
    put("events", "e_1", {"type": "login", "at": "2025-06-01T10:00:00Z"}, names="schema")     # the later version
    put("unicode", "ключ_1", {"text": "héllo 🌍", "n": None})
    tampered = original.entity("chatdb", "session_bad", {"messages": ["never imported"]}, schema_id="chat.v1")
    original.tamper(tampered)
    for n in range(bulk):
        put("bulk", f"doc_{n:06d}", {"n": n, "payload": "x" * 64})

    keys = {
        "reader": original.api_key("reader", ["read"]),
        "writer": original.api_key("writer", ["read", "write"], expires_at=datetime.now(timezone.utc) + timedelta(days=365)),
        "admin": original.api_key("admin", ["admin"]),
        "expired": original.api_key("expired", ["read"], expires_at=datetime.now(timezone.utc) - timedelta(days=1)),
        "disabled": original.api_key("disabled", ["read", "write"], enabled=False),
    }
    original.key_store([record for _, record in keys.values()])
    return original, expected, keys, tampered


if __name__ == "__main__":
    directory = sys.argv[1]
    count = int(sys.argv[sys.argv.index("--bulk") + 1]) if "--bulk" in sys.argv else 100
    writer, expected, keys, _ = build(directory, bulk=count)
    print(f"wrote {len(expected)} importable entities to {directory}")
    print(f"original master key: {writer.master_key_hex}")
    for role, (secret, _) in keys.items():
        print(f"{role} key: {secret}")
