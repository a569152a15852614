"""The chat examples (examples/chat/) against a live deltadb: for each of Swift
(the DeltaClient library), Python (the generated `deltadb` package), TypeScript
(the generated client, compiled with tsc, run with node) and curl (a shell
script), eight appenders run at once on one chat session, each appending its
own messages with If-Match retries. Every message must be in the session
exactly once: a lost update (or a duplicate) fails the test.
"""
import collections
import json
import os
import shutil
import subprocess

import pytest

from support.processes import ROOT

APPENDERS = 8
MESSAGES = 6
CHAT = os.path.join(ROOT, "examples", "chat")


@pytest.fixture(scope="module")
def server(start_deltadb):
    return start_deltadb(log_level="info")


@pytest.fixture(scope="module")
def typescript_chat():
    if not shutil.which("tsc") or not shutil.which("node"):
        pytest.fail("tsc and node are needed (Debian: node-typescript, nodejs; scripts/install-deps.sh)", pytrace=False)
    directory = os.path.join(CHAT, "typescript")
    result = subprocess.run(["tsc", "-p", "."], cwd=directory, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"tsc -p examples/chat/typescript failed:\n{result.stdout}{result.stderr}"
    return os.path.join(directory, "dist", "examples", "chat", "typescript", "chat.js")


def commands(language, request):
    """The command of one appender, before its arguments."""
    if language == "swift":
        return [request.getfixturevalue("chat_example_bin")]
    if language == "python":
        return ["python3", os.path.join(CHAT, "python", "chat.py")]
    if language == "typescript":
        return ["node", request.getfixturevalue("typescript_chat")]
    if not shutil.which("jq") or not shutil.which("curl"):
        pytest.fail("curl and jq are needed (scripts/install-deps.sh)", pytrace=False)
    return ["bash", os.path.join(CHAT, "curl", "chat.sh")]


@pytest.mark.parametrize("language", ["swift", "python", "typescript", "curl"])
def test_eight_concurrent_appenders_lose_nothing(language, server, request):
    command = commands(language, request)
    session = f"session_{language}"
    environment = dict(os.environ, DELTADB_TOKEN=server.admin_key,
                       PYTHONPATH=os.path.join(ROOT, "clients", "python"))
    appenders = [subprocess.Popen([*command, server.url, "chatdb", session, f"{language}{index}", str(MESSAGES)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
                 for index in range(APPENDERS)]
    outputs = [appender.communicate(timeout=300) for appender in appenders]
    for appender, (stdout, stderr) in zip(appenders, outputs):
        assert appender.returncode == 0, f"{language} appender failed ({appender.returncode}):\n{stdout}\n{stderr[-2000:]}"
        assert f"appended {MESSAGES} messages" in stdout, stdout
        assert server.admin_key not in stdout + stderr

    status, _, body = server.rest("GET", f"/entity/chatdb?key={session}")
    assert status == 200, body
    contents = [message["content"] for message in json.loads(body)["messages"]]
    expected = {f"{language}{a}-{m}" for a in range(APPENDERS) for m in range(1, MESSAGES + 1)}
    duplicates = [content for content, count in collections.Counter(contents).items() if count > 1]
    assert not duplicates, f"messages stored twice: {duplicates}"
    assert set(contents) == expected, f"lost: {sorted(expected - set(contents))}"
    for author in range(APPENDERS):  # each appender's own messages stay in its order
        own = [c for c in contents if c.startswith(f"{language}{author}-")]
        assert own == [f"{language}{author}-{m}" for m in range(1, MESSAGES + 1)]
