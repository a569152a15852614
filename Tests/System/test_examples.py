"""The example schemas (examples/schemas/) load with the documented one command,
`make load-examples`, and each one's own `examples` document validates and can
be stored in a database bound to it."""
import glob
import json
import os
import subprocess

from support.processes import ROOT


def test_make_load_examples_loads_every_example_schema(start_deltadb):
    server = start_deltadb()
    files = sorted(glob.glob(os.path.join(ROOT, "examples", "schemas", "*.json")))
    assert len(files) >= 3, "the example schemas are missing"
    environment = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS")}
    environment["ADMIN_KEY"] = server.admin_key
    result = subprocess.run(["make", "-s", "load-examples", f"REST_ADDR=127.0.0.1:{server.port}"], cwd=ROOT,
                            env=environment, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"make load-examples: {result.stdout}\n{result.stderr}"
    for path in files:
        schema_id = os.path.basename(path)[:-len(".json")]
        with open(path) as handle:
            schema = json.load(handle)
        status, _, body = server.rest("GET", f"/schema/{schema_id}")
        assert status == 200 and json.loads(body) == schema, f"{schema_id} was not loaded: {status}"
        example = schema["examples"][0]
        status, _, body = server.rest("POST", f"/schema/{schema_id}/validate", body=example)
        assert status == 200 and json.loads(body).get("valid") is True, f"{schema_id}'s example: {body[:300]!r}"
        database = schema_id.split(".")[0] + "s"
        status, _, body = server.rest("PUT", f"/api/databases/{database}", body={"schema_id": schema_id})
        assert status == 200, f"binding {database}: {status} {body[:200]!r}"
        status, _, body = server.rest("PUT", f"/entity/{database}", body={"example": example})
        assert status == 200, f"storing {schema_id}'s example: {status} {body[:200]!r}"
        status, _, body = server.rest("PUT", f"/entity/{database}", body={"bad": {"unexpected": True}})
        assert status == 400 and json.loads(body)["code"] == "schema_violation", f"{schema_id} accepted a bad document"
