"""Seed schemas and sample documents for test_schema_export.py.

Samples avoid what the generated models document they cannot mirror: formats
(e.g. `email` is not checked), an explicit `null` for an optional member that
is not nullable, `1.0` for an integer, values matching several `oneOf`
options, and `allOf` members with their own `additionalProperties`. Every
schema has both valid and invalid samples.
"""

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
