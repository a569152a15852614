#!/usr/bin/env python3
"""Bounded schemathesis pass against spec/openapi.yaml on a live deltadb.

Fails on any 5xx or any response that violates the spec (status codes, content
types, headers, body schemas, auth behaviour). Excluded, on purpose:
`positive_data_acceptance` — our names have rules (no '..', no percent-encoded
separators) that a JSON Schema `pattern` cannot state for every generator, so a
schema-valid name can still be a clear 400.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from live_server import LiveServer  # noqa: E402

MAX_EXAMPLES = os.environ.get("DELTADB_FUZZ_EXAMPLES", "12")


def main() -> int:
    # A high failure budget: schemathesis sends wrong credentials on purpose.
    with LiveServer(extra_args=["-auth-failure-burst=100000"], log_level="warning") as server:
        command = [
            sys.executable, "-m", "schemathesis.cli", "run", "spec/openapi.yaml", "--url", server.url,
            "--header", f"Authorization: Bearer {server.admin_key}",
            "--checks", "all", "--exclude-checks", "positive_data_acceptance",
            "--max-examples", MAX_EXAMPLES, "--seed", "20261128",
            "--max-time", "240", "--request-timeout", "10",
            "--suppress-health-check", "all",
        ]
        result = subprocess.run(command)
        if result.returncode != 0:
            print(f"fuzz: schemathesis found problems (server log: {server.log_path})")
            return result.returncode
        crashes = [line for line in server.log().splitlines() if "unexpected error" in line]
        if crashes:
            print("fuzz: the server logged unexpected errors:\n" + "\n".join(crashes[:20]))
            return 1
    print("fuzz: 0 failures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
