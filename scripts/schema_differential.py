#!/usr/bin/env python3
"""Differential test: DeltaSchema vs Python jsonschema (Draft7Validator).

Generates a deterministic set of (schema, instance) pairs covering every
draft-07 keyword, edge numerics and strings, $ref forms and formats; asks
Python's jsonschema for its verdict (with format checking); writes the cases
to a JSON file; then runs the Swift test suite `SchemaDifferentialTests`
with DELTADB_SCHEMA_DIFF_FILE pointing at it. Exits non-zero on any
disagreement and prints "N cases, 0 disagreements" on success.

    python3 scripts/schema_differential.py                  # generate + run swift test
    python3 scripts/schema_differential.py --generate-only --out /tmp/cases.json
    python3 scripts/schema_differential.py --swift-test-cmd "swift test --scratch-path /tmp/b --filter SchemaDifferentialTests"

The swift command can also come from DELTADB_SWIFT_TEST_CMD. Cases Python
cannot decide (it raises, e.g. multipleOf on an infinite float) are skipped.
The generator deliberately avoids inputs where ECMA-262 regexes and Python's
`re` differ (\\w/\\d on non-ASCII, `$` before a trailing newline); see
scripts/schema_cases.py.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import schema_cases  # noqa: E402

try:
    import jsonschema
    from jsonschema import Draft7Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7
except ImportError as error:  # pragma: no cover
    sys.exit(f"schema_differential: needs the jsonschema package ({error}); pip install jsonschema")

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


def generate(count, seed):
    missing = [name for name in REQUIRED_FORMATS if name not in FORMAT_CHECKER.checkers]
    if missing:
        sys.exit(f"schema_differential: jsonschema cannot check formats {missing}; "
                 "pip install fqdn rfc3986-validator rfc3339-validator jsonpointer")
    cases, seen = [], set()
    stats = {"valid": 0, "invalid": 0, "schema_invalid": 0, "skipped": 0}
    for schema_text, instance_text, others in schema_cases.generate(count, seed):
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
    return cases, stats


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=4000, help="pairs to generate before de-duplication")
    parser.add_argument("--seed", type=int, default=20260701)
    parser.add_argument("--out", help="where to write the cases (default: a temporary file)")
    parser.add_argument("--generate-only", action="store_true")
    parser.add_argument("--swift-test-cmd", default=os.environ.get("DELTADB_SWIFT_TEST_CMD"),
                        help="command that runs the Swift tests (default: swift test --filter SchemaDifferentialTests)")
    args = parser.parse_args()

    cases, stats = generate(args.count, args.seed)
    out = args.out or os.path.join(tempfile.mkdtemp(prefix="deltadb-schema-diff-"), "cases.json")
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"cases": cases}, handle, ensure_ascii=False)
    print(f"schema_differential: {len(cases)} cases ({stats['valid']} valid, {stats['invalid']} invalid, "
          f"{stats['schema_invalid']} invalid schemas, {stats['skipped']} undecidable skipped) -> {out}")
    if args.generate_only:
        return 0

    command = shlex.split(args.swift_test_cmd or "swift test --filter SchemaDifferentialTests")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    environment = dict(os.environ, DELTADB_SCHEMA_DIFF_FILE=out)
    result = subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True)
    output = result.stdout + result.stderr
    summary = [line for line in output.splitlines() if line.startswith("schema differential:")]
    if result.returncode != 0 or not summary:
        print(output[-20000:])
        if not summary:
            print("schema_differential: the Swift differential test did not run (is the filter right?)")
        print(f"schema_differential: FAILED ({summary[0] if summary else 'no result'})")
        return 1
    disagreements = summary[0].split(",")[-1].strip()
    print(f"{len(cases)} cases, {disagreements}")
    return 0 if disagreements.startswith("0 ") else 1


if __name__ == "__main__":
    sys.exit(main())
