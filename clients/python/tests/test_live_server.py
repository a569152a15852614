"""The generated client against a live DeltaDatabase server (see conftest.py)."""

from __future__ import annotations

import pytest

from deltadb import Client, DeltaError, GetEntityResult, StatusResponse


def test_health_needs_no_token(server):
    health = Client(server.base_url).get_health()
    assert health == StatusResponse(status="ok")


def test_put_get_delete_round_trip(client, database):
    document = {"messages": [{"role": "user", "content": "Hello!"}], "count": 2, "ok": True}

    assert client.put_entities(database, {"session_001": document}).status == "ok"

    result = client.get_entity(database, "session_001")
    assert isinstance(result, GetEntityResult)
    assert result.body == document

    assert client.delete_entity(database, "session_001").status == "ok"
    with pytest.raises(DeltaError) as raised:
        client.get_entity(database, "session_001")
    assert raised.value.status == 404


def test_several_entities_in_one_put(client, database):
    batch = {"a": {"n": 1}, "b": [1, 2, 3], "c": "text", "d": None, "e": 4.5}

    client.put_entities(database, batch)

    for key, document in batch.items():
        assert client.get_entity(database, key).body == document


def test_missing_entity_raises_not_found(client, database):
    with pytest.raises(DeltaError) as raised:
        client.get_entity(database, "never_written")
    error = raised.value
    assert error.status == 404
    assert error.code == "not_found"
    assert error.message


def test_missing_token_is_unauthorized(server, database):
    with pytest.raises(DeltaError) as raised:
        Client(server.base_url).put_entities(database, {"k": {"v": 1}})
    assert (raised.value.status, raised.value.code) == (401, "unauthorized")


def test_wrong_token_is_unauthorized_and_writes_nothing(server, client, database):
    with pytest.raises(DeltaError) as raised:
        Client(server.base_url, token="not-the-key").put_entities(database, {"k": {"v": 1}})
    assert (raised.value.status, raised.value.code) == (401, "unauthorized")
    with pytest.raises(DeltaError) as lookup:
        client.get_entity(database, "k")
    assert lookup.value.code == "not_found"


@pytest.mark.parametrize(
    "key",
    ["user:1", "a b", "a+b&c=d?e#f", "ключ", "emoji-😀", "100%", "x=y;z,w", "(it's)*!"],
)
def test_special_character_keys_round_trip(client, database, key):
    client.put_entities(database, {key: {"key": key}})

    assert client.get_entity(database, key).body == {"key": key}
    client.delete_entity(database, key)
    with pytest.raises(DeltaError) as raised:
        client.get_entity(database, key)
    assert raised.value.status == 404


def test_special_character_database_name(client):
    database = "db with spaces:é"
    client.put_entities(database, {"k": 1})
    assert client.get_entity(database, "k").body == 1


def test_invalid_key_is_a_clear_400(client, database):
    with pytest.raises(DeltaError) as raised:
        client.put_entities(database, {"a/b": {"v": 1}})
    assert raised.value.status == 400
    assert raised.value.code == "invalid_name"


def test_etag_is_present_and_changes_on_rewrite(client, database):
    client.put_entities(database, {"k": {"v": 1}})
    first = client.get_entity(database, "k").etag

    client.put_entities(database, {"k": {"v": 2}})
    second = client.get_entity(database, "k")

    assert first and second.etag
    assert first != second.etag
    assert second.body == {"v": 2}


CHAT_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["messages"],
    "properties": {
        "messages": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["role", "content"],
                "properties": {"role": {"enum": ["user", "assistant"]}, "content": {"type": "string"}},
            },
        }
    },
}


def test_exported_pydantic_models_accept_and_reject_like_the_server(client, database):
    import pydantic

    schema_id = f"{database}.chat"
    client.put_schema(schema_id, CHAT_SCHEMA)
    source = client.export_schema(schema_id, "pydantic")
    assert source.startswith(f"# Generated from JSON Schema '{schema_id}'")

    namespace: dict = {}
    exec(compile(source, f"{schema_id}.py", "exec"), namespace)
    root = next(v for k, v in namespace.items() if isinstance(v, type) and issubclass(v, pydantic.BaseModel)
                and k != "BaseModel" and "messages" in v.model_fields)
    root.model_validate({"messages": [{"role": "user", "content": "hi"}]})
    with pytest.raises(pydantic.ValidationError):
        root.model_validate({"messages": [{"role": "user"}]})

    with pytest.raises(DeltaError) as raised:
        client.export_schema(schema_id, "cobol")
    assert raised.value.status == 400


def test_json_patch_appends_and_merge_patch_changes_members(client, database):
    client.put_entities(database, {"chat": {"messages": [], "title": "a"}})
    appended = client.patch_entity(
        database, "chat", [{"op": "add", "path": "/messages/-", "value": "hi"}],
        content_type="application/json-patch+json",
    )
    assert appended.body == {"messages": ["hi"], "title": "a"}
    merged = client.patch_entity(database, "chat", {"title": None, "n": 1}, if_match=appended.etag)
    assert merged.body == {"messages": ["hi"], "n": 1}
    with pytest.raises(DeltaError) as raised:
        client.patch_entity(database, "chat", {"n": 2}, if_match=appended.etag)
    assert raised.value.status == 412
