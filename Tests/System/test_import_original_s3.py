"""`deltadb import-original --from-s3-endpoint`: the original's S3 layout
(`files/<id>.json.enc`, `files/<id>.meta.json`, `templates/<id>.json` in a bucket,
keys in a local -key-store file) in moto, imported into a data directory, then
served: every document reads back with an original API key."""
import json
import os
import secrets
import subprocess

import boto3

from support.original_fixture import build
from support.processes import DeltaServer, request, server_environment


def test_import_from_the_originals_bucket(moto_endpoint, deltadb_bin, tmp_path):
    original, expected, keys, tampered = build(str(tmp_path / "original"), bulk=50)
    bucket = "original-" + secrets.token_hex(4)
    s3 = boto3.client("s3", endpoint_url=moto_endpoint, aws_access_key_id="test", aws_secret_access_key="test",
                      region_name="us-east-1")
    s3.create_bucket(Bucket=bucket)
    for sub in ("files", "templates"):
        for name in os.listdir(os.path.join(original.root, sub)):
            with open(os.path.join(original.root, sub, name), "rb") as handle:
                s3.put_object(Bucket=bucket, Key=f"{sub}/{name}", Body=handle.read())

    key_file = tmp_path / "original-key"
    key_file.write_text(original.master_key_hex)
    ours, target, report = secrets.token_hex(32), str(tmp_path / "target"), str(tmp_path / "report.json")
    environment = server_environment(ORIGINAL_S3_ACCESS_KEY="test", ORIGINAL_S3_SECRET_KEY="test")
    result = subprocess.run(
        [deltadb_bin, "import-original", f"--from-s3-endpoint={moto_endpoint}", f"--from-s3-bucket={bucket}",
         f"--original-master-key-file={key_file}", f"--original-key-store={original.root}/_auth/keys.json",
         f"-shared-fs={target}", f"-master-key={ours}", f"--report={report}"],
        capture_output=True, text=True, timeout=300, env=environment)
    assert result.returncode == 2, f"{result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    with open(report) as handle:
        summary = json.load(handle)
    assert summary["entities"] == {"imported": len(expected), "skipped": 0, "failed": 1}, summary["failed"]
    assert summary["failed"][0]["name"] == tampered and summary["keys"]["imported"] == 5
    assert summary["source"].startswith(f"s3://{bucket}")

    server = DeltaServer(deltadb_bin, str(tmp_path), log_level="info")
    server.data, server.master_key = target, ours
    server.start()
    try:
        reader = keys["reader"][0]
        for (database, key), document in expected.items():
            if not (database + key).isascii():
                continue
            status, _, body = request(server.port, "GET", f"/entity/{database}?key={key}", token=reader)
            assert status == 200 and json.loads(body) == document, f"{database}/{key}: {status} {body[:200]!r}"
    finally:
        server.stop()
