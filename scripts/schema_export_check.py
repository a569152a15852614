#!/usr/bin/env python3
"""End-to-end check of `deltadb-codegen types` (JSON Schema -> Pydantic v2 / TypeScript).

For each seed schema it generates the Pydantic module, imports it, and checks
that every sample document is accepted or rejected exactly as
`jsonschema.Draft7Validator` decides. It then generates the TypeScript types,
compiles a file assigning every valid sample with `tsc --strict --noEmit`, and
expects a file with one deliberately wrong assignment per schema to fail.

Samples avoid what the generated models document they cannot mirror: formats
(e.g. `email` is not checked), an explicit `null` for an optional member that
is not nullable, `1.0` for an integer, values matching several `oneOf`
options, and `allOf` members with their own `additionalProperties`.

Run from the repository root after `swift build`; the binary is taken from
$DELTADB_CODEGEN (default `.build/debug/deltadb-codegen`). Exits non-zero on
any mismatch.
"""

import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

from jsonschema import Draft7Validator
from pydantic import TypeAdapter, ValidationError

DRAFT7 = "http://json-schema.org/draft-07/schema#"

CHAT = {
    "$schema": DRAFT7, "$id": "chat.v1", "type": "object", "required": ["messages"],
    "properties": {"messages": {"type": "array", "items": {
        "type": "object", "required": ["role", "content"],
        "properties": {"role": {"type": "string", "enum": ["user", "assistant", "system"]},
                       "content": {"type": "string"}}}}},
}

USER = {
    "$schema": DRAFT7, "$id": "user_credentials.v1", "type": "object",
    "required": ["username", "password_hash"],
    "properties": {
        "username": {"type": "string", "minLength": 3, "maxLength": 32, "pattern": "^[a-z0-9_]+$"},
        "password_hash": {"type": "string"},
        "email": {"type": "string", "format": "email"},
        "age": {"type": "integer", "minimum": 0},
        "roles": {"type": "array", "items": {"type": "string", "enum": ["admin", "user"]}},
    },
    "additionalProperties": False,
}

TREE = {
    "$schema": DRAFT7, "$id": "tree.v1", "type": "object", "required": ["root"],
    "properties": {
        "root": {"$ref": "#/definitions/node"},
        "label": {"type": ["string", "null"], "maxLength": 10},
        "tags": {"type": "object", "additionalProperties": {"type": "integer"}},
        "class": {"type": "string"},
    },
    "additionalProperties": False,
    "definitions": {
        "node": {
            "type": "object", "description": "A tree node.", "required": ["name"],
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "children": {"type": "array", "items": {"$ref": "#/definitions/node"}, "maxItems": 3},
                "value": {"oneOf": [
                    {"type": "integer", "multipleOf": 2},
                    {"type": "string", "maxLength": 5},
                    {"$ref": "#/definitions/leaf"},
                ]},
            },
            "additionalProperties": False,
        },
        "leaf": {
            "type": "object", "required": ["kind"],
            "properties": {"kind": {"const": "leaf"}, "weight": {"type": "number", "exclusiveMinimum": 0}},
            "additionalProperties": False,
        },
    },
}

PROFILE = {
    "$schema": DRAFT7, "$id": "profile.v1",
    "allOf": [
        {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}},
        {"type": "object", "properties": {"display-name": {"type": "string"}, "from": {"type": "string"}}},
    ],
    "properties": {
        "status": {"enum": ["active", 1, True, None]},
        "meta": {"type": "object", "properties": {"x": {"type": "number"}},
                 "additionalProperties": {"type": "string"}},
        "legacy": False,
        "anything": True,
    },
}

# (schema, samples, a TypeScript assignment to the root type that must not compile)
CASES = [
    (CHAT, [
        {"messages": []},
        {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]},
        {"messages": [{"role": "system", "content": "be brief", "extra": 1}], "other": True},
        {"messages": [{"role": "robot", "content": "beep"}]},
        {"messages": [{"role": "user"}]},
        {"messages": [{"role": "user", "content": 5}]},
        {},
        {"messages": {"role": "user", "content": "hi"}},
        {"messages": "hi"},
    ], '{ messages: [{ role: "robot", content: "beep" }] }'),
    (USER, [
        {"username": "alice", "password_hash": "x"},
        {"username": "bob_99", "password_hash": "h", "email": "bob@example.com", "age": 0, "roles": ["admin", "user"]},
        {"username": "al", "password_hash": "x"},
        {"username": "Alice", "password_hash": "x"},
        {"username": "a" * 33, "password_hash": "x"},
        {"username": "alice", "password_hash": "x", "age": -1},
        {"username": "alice", "password_hash": "x", "age": "3"},
        {"username": "alice", "password_hash": "x", "roles": ["root"]},
        {"username": "alice", "password_hash": "x", "admin": True},
        {"username": "alice"},
    ], '{ username: "alice", password_hash: "x", roles: ["root"] }'),
    (TREE, [
        {"root": {"name": "a"}},
        {"root": {"name": "a", "children": [{"name": "b", "value": 4}, {"name": "c", "value": "five"}]},
         "label": None, "tags": {"x": 1}, "class": "k"},
        {"root": {"name": "a", "value": {"kind": "leaf", "weight": 0.5}}, "label": "short"},
        {"root": {"name": "a", "value": 3}},
        {"root": {"name": "a", "value": "toolong"}},
        {"root": {"name": "a", "value": {"kind": "branch"}}},
        {"root": {"name": "a", "value": {"kind": "leaf", "weight": 0}}},
        {"root": {"name": ""}},
        {"root": {"name": "a", "children": [{"name": "b"}] * 4}},
        {"root": {"name": "a", "children": [{"name": "b", "children": [{}]}]}},
        {"root": {"name": "a"}, "label": "much too long"},
        {"root": {"name": "a"}, "tags": {"x": "1"}},
        {"root": {"name": "a", "color": "red"}},
    ], '{ root: { name: "a", value: { kind: "branch" } } }'),
    (PROFILE, [
        {"id": 1},
        {"id": 2, "display-name": "Al", "from": "here", "status": "active", "meta": {"x": 1.5, "note": "n"}},
        {"id": 3, "status": None, "anything": [1, {"a": None}], "unknown": 1},
        {"id": 4, "status": True},
        {"display-name": "no id"},
        {"id": "5"},
        {"id": 6, "status": "gone"},
        {"id": 7, "meta": {"x": 1, "note": 2}},
        {"id": 8, "legacy": 1},
        {"id": 9, "from": 3},
    ], '{ id: 1, status: "gone" }'),
]


def run(binary, *arguments):
    result = subprocess.run([binary, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: {binary} {' '.join(arguments)} failed:\n{result.stderr}")
    return result.stdout


def module_name(schema_id):
    return "".join(c if c.isalnum() else "_" for c in schema_id)


def root_name(schema_id):
    words = [w for w in "".join(c if c.isalnum() else " " for c in schema_id).split(" ") if w]
    return "".join(w[0].upper() + w[1:] for w in words)


def accepts(adapter, document):
    try:
        adapter.validate_json(json.dumps(document))
        return True
    except ValidationError:
        return False


def tsc(files, workdir):
    return subprocess.run(
        ["tsc", "--strict", "--noEmit", "--target", "es2017", "--module", "commonjs", *files],
        cwd=workdir, capture_output=True, text=True,
    )


def main():
    binary = os.path.abspath(os.environ.get("DELTADB_CODEGEN", ".build/debug/deltadb-codegen"))
    if not os.access(binary, os.X_OK):
        sys.exit(f"error: {binary} is not executable; run `swift build` or set DELTADB_CODEGEN")
    if shutil.which("tsc") is None:
        sys.exit("error: tsc not found (Debian: apt-get install node-typescript)")
    workdir = tempfile.mkdtemp(prefix="schema-export-")
    sys.path.insert(0, workdir)
    mismatches = 0
    samples = 0
    valid_lines = []
    wrong_files = []
    try:
        for schema, documents, wrong in CASES:
            schema_id = schema["$id"]
            name = module_name(schema_id)
            root = root_name(schema_id)
            path = os.path.join(workdir, name + ".json")
            with open(path, "w") as handle:
                json.dump(schema, handle)
            python = run(binary, "types", "--schema", path, "--lang", "pydantic")
            typescript = run(binary, "types", "--schema", path, "--lang", "typescript")
            if python != run(binary, "types", "--schema", path, "--lang", "pydantic"):
                print(f"MISMATCH {schema_id}: pydantic output differs between two runs")
                mismatches += 1
            with open(os.path.join(workdir, name + ".py"), "w") as handle:
                handle.write(python)
            with open(os.path.join(workdir, name + ".ts"), "w") as handle:
                handle.write(typescript)
            module = importlib.import_module(name)
            adapter = TypeAdapter(getattr(module, root))
            validator = Draft7Validator(schema)
            verdicts = set()
            for index, document in enumerate(documents):
                samples += 1
                expected = validator.is_valid(document)
                verdicts.add(expected)
                actual = accepts(adapter, document)
                if expected != actual:
                    mismatches += 1
                    print(f"MISMATCH {schema_id} sample {index}: jsonschema "
                          f"{'accepts' if expected else 'rejects'}, pydantic "
                          f"{'accepts' if actual else 'rejects'}: {json.dumps(document)}")
                if expected:
                    valid_lines.append(f"import type {{ {root} as {root}_{index} }} from \"./{name}\";")
                    valid_lines.append(f"export const {name}_{index}: {root}_{index} = {json.dumps(document)};")
            if verdicts != {True, False}:
                sys.exit(f"error: {schema_id} needs both valid and invalid samples")
            wrong_path = f"wrong_{name}.ts"
            with open(os.path.join(workdir, wrong_path), "w") as handle:
                handle.write(f"import type {{ {root} }} from \"./{name}\";\n\nexport const wrong: {root} = {wrong};\n")
            wrong_files.append((schema_id, wrong_path))

        with open(os.path.join(workdir, "valid_samples.ts"), "w") as handle:
            handle.write("\n".join(valid_lines) + "\n")
        compiled = tsc(["valid_samples.ts"], workdir)
        if compiled.returncode != 0:
            mismatches += 1
            print("MISMATCH typescript: valid samples do not compile:\n" + compiled.stdout + compiled.stderr)
        for schema_id, wrong_path in wrong_files:
            if tsc([wrong_path], workdir).returncode == 0:
                mismatches += 1
                print(f"MISMATCH {schema_id}: the wrong TypeScript assignment compiled")
        print(f"{len(CASES)} schemas, {samples} samples, {mismatches} mismatches "
              f"(TypeScript: {len(valid_lines) // 2} valid samples compiled, {len(wrong_files)} wrong assignments rejected)"
              if mismatches == 0 else f"{len(CASES)} schemas, {samples} samples, {mismatches} mismatches")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
