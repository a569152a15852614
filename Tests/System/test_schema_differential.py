"""Differential test: our JSON Schema validator (DeltaSchema) vs Python's
jsonschema (Draft7Validator, with format checking).

support/schema_cases.py generates a deterministic set of (schema, instance)
pairs covering every draft-07 keyword, edge numerics and strings, $ref forms and
formats; jsonschema gives its verdict on each; the cases go to a JSON file, and
the Swift suite `SchemaDifferentialTests` (which runs only when
DELTADB_SCHEMA_DIFF_FILE names that file) compares our verdicts. The Swift
command is $DELTADB_SWIFT_TEST_CMD (default: swift test --filter
SchemaDifferentialTests). Cases Python cannot decide (it raises, e.g.
multipleOf on an infinite float) are skipped.
"""
import json
import os
import shlex
import subprocess

import jsonschema
import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from support import schema_cases
from support.processes import ROOT

COUNT = 4000            # pairs generated before de-duplication
SEED = 20260701

# Draft7Validator's checker plus `uuid`, which jsonschema only registers for
# 2019-09+, but DeltaDatabase checks (with jsonschema's own uuid rule).
FORMAT_CHECKER = jsonschema.FormatChecker(formats=())
FORMAT_CHECKER.checkers = dict(Draft7Validator.FORMAT_CHECKER.checkers)
FORMAT_CHECKER.checkers["uuid"] = jsonschema.Draft201909Validator.FORMAT_CHECKER.checkers["uuid"]

REQUIRED_FORMATS = ["date-time", "date", "time", "email", "hostname", "ipv4", "ipv6", "uri",
                    "uri-reference", "uuid", "regex", "json-pointer"]


def python_verdict(schema_text, instance_text, others):
    """True/False for the instance, None if the schema is invalid, 'skip' if undecidable."""
    schema = json.loads(schema_text)
    try:
        Draft7Validator.check_schema(schema)
    except jsonschema.SchemaError:
        return None
    registry = Registry()
    for other_id, other_text in others:
        registry = registry.with_resource(other_id, Resource.from_contents(json.loads(other_text), default_specification=DRAFT7))
    validator = Draft7Validator(schema, format_checker=FORMAT_CHECKER, registry=registry)
    try:
        return validator.is_valid(json.loads(instance_text))
    except Exception:  # Python cannot decide (overflow, unresolvable ref, recursion): not comparable
        return "skip"


@pytest.fixture(scope="module")
def cases_file(tmp_path_factory):
    """The cases with jsonschema's verdicts, as the JSON file the Swift suite reads."""
    missing = [name for name in REQUIRED_FORMATS if name not in FORMAT_CHECKER.checkers]
    if missing:
        pytest.fail(f"jsonschema cannot check formats {missing}; pip install -r Tests/System/requirements.txt "
                    "(fqdn, rfc3986-validator, rfc3339-validator, jsonpointer)", pytrace=False)
    cases, seen = [], set()
    stats = {"valid": 0, "invalid": 0, "schema_invalid": 0, "skipped": 0}
    for schema_text, instance_text, others in schema_cases.generate(COUNT, SEED):
        key = (schema_text, instance_text, json.dumps(others))
        if key in seen:
            continue
        seen.add(key)
        verdict = python_verdict(schema_text, instance_text, others)
        if verdict == "skip":
            stats["skipped"] += 1
            continue
        stats["schema_invalid" if verdict is None else ("valid" if verdict else "invalid")] += 1
        case = {"id": len(cases), "schema": schema_text, "instance": instance_text, "valid": verdict}
        if others:
            case["others"] = [list(pair) for pair in others]
        cases.append(case)
    path = tmp_path_factory.mktemp("schema-differential") / "cases.json"
    path.write_text(json.dumps({"cases": cases}, ensure_ascii=False), encoding="utf-8")
    print(f"{len(cases)} cases ({stats['valid']} valid, {stats['invalid']} invalid, "
          f"{stats['schema_invalid']} invalid schemas, {stats['skipped']} undecidable skipped) -> {path}")
    return path


def test_swift_validator_agrees_with_jsonschema(cases_file):
    command = shlex.split(os.environ.get("DELTADB_SWIFT_TEST_CMD") or "swift test --filter SchemaDifferentialTests")
    environment = dict(os.environ, DELTADB_SCHEMA_DIFF_FILE=str(cases_file))
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=1800)
    output = result.stdout + result.stderr
    summary = [line for line in output.splitlines() if line.startswith("schema differential:")]
    assert summary, f"the Swift differential test did not run (is the filter right?):\n{output[-20000:]}"
    assert result.returncode == 0, f"{summary[0]}\n{output[-20000:]}"
    disagreements = summary[0].split(",")[-1].strip()
    assert disagreements.startswith("0 "), summary[0]
