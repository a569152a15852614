"""`deltadb-codegen types` (JSON Schema -> Pydantic v2 / TypeScript), end to end.

For each seed schema (support/export_samples.py) the generated Pydantic module
is imported and must accept or reject every sample exactly as
`jsonschema.Draft7Validator` decides, and generate the same text twice. The
generated TypeScript types must accept every valid sample under
`tsc --strict --noEmit` and reject one deliberately wrong assignment per schema.
"""
import importlib
import json
import shutil
import subprocess
import sys

import pytest
from jsonschema import Draft7Validator
from pydantic import TypeAdapter, ValidationError

from support.export_samples import CASES

SCHEMA_IDS = [schema["$id"] for schema, _, _ in CASES]


def module_name(schema_id):
    return "".join(c if c.isalnum() else "_" for c in schema_id)


def root_name(schema_id):
    words = [w for w in "".join(c if c.isalnum() else " " for c in schema_id).split(" ") if w]
    return "".join(w[0].upper() + w[1:] for w in words)


def tsc(files, workdir):
    assert shutil.which("tsc"), "tsc not found (Debian: apt-get install node-typescript; make deps)"
    return subprocess.run(["tsc", "--strict", "--noEmit", "--target", "es2017", "--module", "commonjs", *files],
                          cwd=workdir, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def exported(codegen_bin, tmp_path_factory):
    """A directory with <name>.json, <name>.py and <name>.ts for every seed schema,
    importable as Python modules; returns (directory, {schema id: pydantic text of a second run})."""
    workdir = tmp_path_factory.mktemp("schema-export")

    def types(path, lang):
        result = subprocess.run([codegen_bin, "types", "--schema", str(path), "--lang", lang],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"deltadb-codegen types --lang {lang} for {path.name} failed:\n{result.stderr}"
        return result.stdout

    second_runs = {}
    for schema, _, _ in CASES:
        name = module_name(schema["$id"])
        path = workdir / f"{name}.json"
        path.write_text(json.dumps(schema))
        (workdir / f"{name}.py").write_text(types(path, "pydantic"))
        (workdir / f"{name}.ts").write_text(types(path, "typescript"))
        second_runs[schema["$id"]] = types(path, "pydantic")
    sys.path.insert(0, str(workdir))
    yield workdir, second_runs
    sys.path.remove(str(workdir))


@pytest.mark.parametrize("schema, documents, wrong", CASES, ids=SCHEMA_IDS)
def test_pydantic_model_agrees_with_jsonschema(exported, schema, documents, wrong):
    workdir, second_runs = exported
    schema_id = schema["$id"]
    name = module_name(schema_id)
    assert (workdir / f"{name}.py").read_text() == second_runs[schema_id], \
        f"{schema_id}: pydantic output differs between two runs"
    adapter = TypeAdapter(getattr(importlib.import_module(name), root_name(schema_id)))
    validator = Draft7Validator(schema)
    verdicts = {validator.is_valid(document) for document in documents}
    assert verdicts == {True, False}, f"{schema_id} needs both valid and invalid samples"
    mismatches = []
    for index, document in enumerate(documents):
        expected = validator.is_valid(document)
        try:
            adapter.validate_json(json.dumps(document))
            actual = True
        except ValidationError:
            actual = False
        if expected != actual:
            mismatches.append(f"sample {index}: jsonschema {'accepts' if expected else 'rejects'}, pydantic "
                              f"{'accepts' if actual else 'rejects'}: {json.dumps(document)}")
    assert not mismatches, f"{schema_id}:\n" + "\n".join(mismatches)


def test_typescript_types_accept_every_valid_sample(exported):
    workdir, _ = exported
    lines = []
    for schema, documents, _ in CASES:
        name, root = module_name(schema["$id"]), root_name(schema["$id"])
        validator = Draft7Validator(schema)
        for index, document in enumerate(documents):
            if validator.is_valid(document):
                lines.append(f"import type {{ {root} as {root}_{index} }} from \"./{name}\";")
                lines.append(f"export const {name}_{index}: {root}_{index} = {json.dumps(document)};")
    (workdir / "valid_samples.ts").write_text("\n".join(lines) + "\n")
    compiled = tsc(["valid_samples.ts"], workdir)
    assert compiled.returncode == 0, "valid samples do not compile:\n" + compiled.stdout + compiled.stderr


@pytest.mark.parametrize("schema, documents, wrong", CASES, ids=SCHEMA_IDS)
def test_typescript_types_reject_a_wrong_assignment(exported, schema, documents, wrong):
    workdir, _ = exported
    name, root = module_name(schema["$id"]), root_name(schema["$id"])
    path = workdir / f"wrong_{name}.ts"
    path.write_text(f"import type {{ {root} }} from \"./{name}\";\n\nexport const wrong: {root} = {wrong};\n")
    compiled = tsc([path.name], workdir)
    assert compiled.returncode != 0, f"{schema['$id']}: the wrong TypeScript assignment compiled"
    assert "error TS" in compiled.stdout, f"tsc failed without a type error:\n{compiled.stdout}{compiled.stderr}"
