#!/usr/bin/env python3
"""The two generated files of the console (run by console/build.sh):

  operations  spec/openapi.yaml -> console/src/generated/operations.ts
              every REST operation of the spec, for the Explorer page.
  assets      console/static/* + console/build/app.js (tsc's output) ->
              Sources/ConsoleAssets/Generated/ConsoleAssets.swift
              every asset as a Swift raw string literal with its content type
              and a content-hashed file name; index.html refers to the hashed names.

Standard library only. The spec is read line by line: it is written in the block
style spec/openapi.yaml uses (two-space indents), which is all this needs.
"""
import hashlib
import json
import re
import sys
from pathlib import Path

CONSOLE = Path(__file__).resolve().parent
ROOT = CONSOLE.parent
COMMAND = "console/build.sh"

METHODS = ("get", "put", "post", "delete", "patch")


# ---------------------------------------------------------------- operations

def spec_operations(spec_text):
    """[(method, path, operationId, summary, permission, query names, body media types)] in spec order."""
    lines = spec_text.splitlines()

    # components/parameters: name -> (name, in)
    shared = {}
    section = None
    current = None
    for line in lines:
        if re.match(r"^\S", line):
            section = line.rstrip(":")
            continue
        if section != "components":
            continue
        if re.match(r"^  \S", line):
            sub = line.strip().rstrip(":")
            current = None
            in_parameters = sub == "parameters"
            continue
        if not in_parameters:
            continue
        match = re.match(r"^    (\w+):$", line)
        if match:
            current = match.group(1)
            shared[current] = {}
            continue
        match = re.match(r"^      (name|in): (\S+)$", line)
        if match and current:
            shared[current][match.group(1)] = match.group(2)

    operations = []
    section = None
    path = None
    path_params = []
    op = None
    pending = None  # an inline parameter being read: {"name":…, "in":…}

    def finish():
        if op is not None:
            operations.append(op)

    for line in lines:
        if re.match(r"^\S", line):
            finish()
            op = None
            section = line.rstrip(":")
            continue
        if section != "paths":
            continue
        match = re.match(r"^  (/\S*):$", line)
        if match:
            finish()
            op, path, path_params = None, match.group(1), []
            continue
        match = re.match(r"^    (\w+):$", line)
        if match:
            finish()
            op = None
            if match.group(1) in METHODS:
                op = {"method": match.group(1).upper(), "path": path, "id": "", "summary": "", "permission": "",
                      "params": list(path_params), "body": []}
            continue
        target = op["params"] if op is not None else path_params
        match = re.match(r'^\s+- \$ref: "#/components/parameters/(\w+)"$', line)
        if match:
            target.append(dict(shared[match.group(1)]))
            continue
        match = re.match(r"^\s+- name: (\S+)$", line)
        if match:
            pending = {"name": match.group(1)}
            target.append(pending)
            continue
        match = re.match(r"^\s+in: (\S+)$", line)
        if match and pending is not None:
            pending["in"] = match.group(1)
            pending = None
            continue
        if op is None:
            continue
        match = re.match(r"^      (operationId|summary|x-deltadb-permission): (.+)$", line)
        if match:
            key = {"operationId": "id", "x-deltadb-permission": "permission"}.get(match.group(1), match.group(1))
            value = match.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            op[key] = value
            continue
        if re.match(r"^      security: \[\]$", line):
            op["permission"] = "public"
            continue
        match = re.match(r"^          (application/[\w.+-]+):$", line)
        if match and "requestBody" in op.get("_seen", ""):
            op["body"].append(match.group(1))
            continue
        if re.match(r"^      requestBody:$", line):
            op["_seen"] = "requestBody"
            continue
        if re.match(r"^      responses:$", line):
            op["_seen"] = "responses"
    finish()
    for op in operations:
        op.pop("_seen", None)
        op["query"] = [p["name"] for p in op.pop("params") if p.get("in") == "query"]
        if not op["id"]:
            sys.exit(f"generate.py: {op['method']} {op['path']} has no operationId")
    return operations


def render_operations(operations):
    out = ["// Generated from spec/openapi.yaml by console/build.sh. DO NOT EDIT.", "",
           "/** One REST operation of the spec, for the Explorer page. */",
           "export interface Operation {",
           "  id: string;",
           "  method: string;",
           "  /** The path template, e.g. `/entity/{database}`. */",
           "  path: string;",
           "  summary: string;",
           "  /** read, write, admin, authenticated or public. */",
           "  permission: string;",
           "  /** Query parameters, e.g. `key`. */",
           "  query: string[];",
           "  /** Request body media types; empty when the operation takes no body. */",
           "  body: string[];",
           "}", "",
           "export const operations: Operation[] = ["]
    for op in operations:
        fields = ", ".join(f"{k}: {json.dumps(op[k], ensure_ascii=False)}" for k in
                           ("id", "method", "path", "summary", "permission", "query", "body"))
        out.append(f"  {{ {fields} }},")
    out.append("];")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- assets

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}


def hashed_name(name, body):
    stem, dot, extension = name.rpartition(".")
    digest = hashlib.sha256(body.encode()).hexdigest()[:12]
    return f"{stem}.{digest}.{extension}"


def raw_literal(body):
    """A Swift multi-line raw string literal whose value is exactly `body`."""
    if "\r" in body or "\0" in body:
        sys.exit("generate.py: assets must use LF line endings and hold no NUL")
    hashes = 1
    while f'"{"#" * hashes}' in body or f'\\{"#" * hashes}' in body:
        hashes += 1
    fence = "#" * hashes
    return f'{fence}"""\n{body}\n"""{fence}'


def render_assets(app_js):
    static = CONSOLE / "static"
    assets = []  # (name, content type, body)
    for name in ("console.css", "icon.svg"):
        body = (static / name).read_text(encoding="utf-8")
        assets.append((hashed_name(name, body), name, body))
    assets.append((hashed_name("app.js", app_js), "app.js", app_js))
    index = (static / "index.html").read_text(encoding="utf-8")
    for hashed, original, _ in assets:
        placeholder = "{{" + original + "}}"
        if placeholder not in index:
            sys.exit(f"generate.py: console/static/index.html does not refer to {placeholder}")
        index = index.replace(placeholder, hashed)
    if "{{" in index:
        sys.exit("generate.py: index.html has an unknown {{placeholder}}")

    def entry(path, content_type, body, immutable):
        return (f"        Asset(\n"
                f"            path: {json.dumps(path)},\n"
                f"            contentType: {json.dumps(content_type)},\n"
                f"            immutable: {'true' if immutable else 'false'},\n"
                f"            body: {raw_literal(body)}\n"
                f"        ),")

    out = [f"// Generated from console/ by {COMMAND}. DO NOT EDIT.",
           "// The web console's compiled assets; see docs/console.md.",
           "",
           "/// The web console's files, embedded so one binary serves it.",
           "public enum ConsoleAssets {",
           "    /// One file of the console.",
           "    public struct Asset: Sendable {",
           "        /// Where it is served: `/` for the page, `/assets/<name>.<hash>.<ext>` for the rest.",
           "        public let path: String",
           "        public let contentType: String",
           "        /// True for content-hashed names, which never change content (cache them for a year).",
           "        public let immutable: Bool",
           "        public let body: String",
           "    }",
           "",
           "    /// Every asset; the first is the page served at `/`.",
           "    public static let all: [Asset] = ["]
    out.append(entry("/", CONTENT_TYPES[".html"], index, False))
    for hashed, original, body in assets:
        out.append(entry(f"/assets/{hashed}", CONTENT_TYPES["." + original.rpartition(".")[2]], body, True))
    out.append("    ]")
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("operations", "assets"):
        sys.exit("usage: generate.py operations <spec/openapi.yaml> <out.ts> | assets <app.js> <out.swift>")
    source, target = Path(sys.argv[2]), Path(sys.argv[3])
    text = source.read_text(encoding="utf-8")
    rendered = render_operations(spec_operations(text)) if sys.argv[1] == "operations" else render_assets(text)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(rendered, encoding="utf-8")


if __name__ == "__main__":
    main()
