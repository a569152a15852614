"""The hand-written HTTP layer, without a server."""

from __future__ import annotations

import pytest

from deltadb import DeltaError
from deltadb._runtime import Transport, encode_query, expand_path


def test_path_values_are_one_encoded_segment():
    assert expand_path("/entity/{database}", {"database": "a b/c:ключ"}) == "/entity/a%20b%2Fc%3A%D0%BA%D0%BB%D1%8E%D1%87"


def test_query_values_are_encoded_and_none_is_left_out():
    assert encode_query({"key": "a+b&c=d #😀", "after": None, "limit": 5}) == "key=a%2Bb%26c%3Dd%20%23%F0%9F%98%80&limit=5"


def test_error_body_becomes_delta_error_fields():
    body = b'{"error":"bad doc","code":"schema_violation","details":[{"pointer":"/a","message":"m"}],"current_version":3}'
    error = DeltaError.from_response(400, body)
    assert (error.status, error.code, error.message) == (400, "schema_violation", "bad doc")
    assert error.details == [{"pointer": "/a", "message": "m"}]
    assert error.current_version == 3
    assert "schema_violation" in str(error)


def test_non_json_error_body_still_raises_delta_error():
    error = DeltaError.from_response(502, b"<html>Bad Gateway</html>")
    assert (error.status, error.code) == (502, "http_error")
    assert "Bad Gateway" in error.message
    assert error.details == []


def test_unreachable_server_raises_connection_error():
    transport = Transport("http://127.0.0.1:9", timeout=2.0)
    with pytest.raises(DeltaError) as raised:
        transport.request("GET", "/health")
    assert (raised.value.status, raised.value.code) == (0, "connection_error")


def test_package_exports_client_models_and_error():
    import deltadb

    for name in ("Client", "DeltaError", "GetEntityResult", "StatusResponse", "ErrorResponse", "ErrorDetail"):
        assert name in deltadb.__all__
        assert hasattr(deltadb, name)


def test_models_round_trip_through_dicts():
    from deltadb import ErrorDetail, ErrorResponse

    wire = {"error": "e", "code": "c", "details": [{"pointer": "/a", "message": "m", "schema_pointer": "/s"}], "extra": 1}
    value = ErrorResponse.from_dict(wire)
    assert value.details == [ErrorDetail(pointer="/a", message="m", schema_pointer="/s")]
    assert value.current_version is None
    assert value.to_dict() == {"error": "e", "code": "c", "details": [{"pointer": "/a", "message": "m", "schema_pointer": "/s"}]}
