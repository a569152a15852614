"""A bounded schemathesis pass against spec/openapi.yaml on a live `deltadb`.

Fails on any 5xx or any response that violates the spec (status codes, content
types, headers, body schemas, auth behaviour), and on any "unexpected error" in
the server log. Excluded, on purpose: `positive_data_acceptance` — our names
have rules (no '..', no percent-encoded separators) that a JSON Schema
`pattern` cannot state for every generator, so a schema-valid name can still be
a clear 400. $DELTADB_FUZZ_EXAMPLES sets the examples per operation (12).
"""
import os
import subprocess
import sys

from support.processes import ROOT

MAX_EXAMPLES = os.environ.get("DELTADB_FUZZ_EXAMPLES", "12")


def test_schemathesis_finds_no_failure(start_deltadb):
    # A high failure budget: schemathesis sends wrong credentials on purpose.
    server = start_deltadb(extra_args=["-auth-failure-burst=100000"], log_level="warning")
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", "spec/openapi.yaml", "--url", server.url,
        "--header", f"Authorization: Bearer {server.admin_key}",
        "--checks", "all", "--exclude-checks", "positive_data_acceptance",
        "--max-examples", MAX_EXAMPLES, "--seed", "20261128",
        "--max-time", "240", "--request-timeout", "10",
        "--suppress-health-check", "all",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    print(result.stdout[-3000:])
    assert result.returncode == 0, f"schemathesis found problems:\n{(result.stdout + result.stderr)[-20000:]}"
    crashes = [line for line in server.log().splitlines() if "unexpected error" in line]
    assert not crashes, "the server logged unexpected errors:\n" + "\n".join(crashes[:20])
