import Foundation
import Testing

@testable import CodegenCore

/// The Python client translator: snippet tests (spec fragment → exact Python)
/// and a reference test over the whole spec against the committed files.
@Suite("Python client translator")
struct PythonClientTranslatorTests {
    /// The generated files for `yaml`, by path relative to the repository root.
    private func generate(_ yaml: String) throws -> [String: String] {
        let parsed = try OpenAPIParser.parse(yaml: yaml, source: "spec/openapi.yaml")
        var diagnostics = parsed.diagnostics
        let files = try PythonClientTranslator().translate(parsed.model, diagnostics: &diagnostics)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    private func models(_ schemas: String) throws -> String {
        try generate(specWith(schemas: schemas))["clients/python/deltadb/_generated/models.py"] ?? ""
    }

    private func client(_ paths: String, schemas: String = "") throws -> String {
        try generate(specWith(paths: paths, schemas: schemas))["clients/python/deltadb/_generated/client.py"] ?? ""
    }

    @Test("the whole spec gives the committed files under clients/python")
    func referenceFiles() throws {
        let root = repositoryRoot()
        let spec = try String(contentsOf: root.appendingPathComponent("spec/openapi.yaml"), encoding: .utf8)
        let files = try generate(spec)
        #expect(files.keys.sorted() == [
            "clients/python/deltadb/_generated/__init__.py",
            "clients/python/deltadb/_generated/client.py",
            "clients/python/deltadb/_generated/models.py",
        ])
        for (path, generated) in files.sorted(by: { $0.key < $1.key }) {
            let committed = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(generated == committed, "\(path) differs from the generator's output:\n\(firstDifference(committed, generated))")
        }
    }

    @Test("every file starts with the generated header and output is deterministic")
    func headerAndDeterminism() throws {
        let yaml = specWith(schemas: "    A:\n      type: object\n      properties:\n        b: {type: string}\n")
        let first = try generate(yaml)
        #expect(try generate(yaml) == first)
        for contents in first.values {
            #expect(contents.hasPrefix("# Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.\n"))
        }
    }

    @Test("an object schema becomes a dataclass with required fields first and JSON conversions")
    func objectSchema() throws {
        let text = try models("""
                Pet:
                  type: object
                  description: A pet.
                  required: [name, ownerId]
                  properties:
                    nickName:
                      type: string
                      description: What friends say.
                    name: {type: string}
                    ownerId: {type: [integer, "null"], format: int64}
                    tags:
                      type: array
                      items: {$ref: "#/components/schemas/Tag"}
                    scores:
                      type: object
                      additionalProperties: {type: number}
                Tag:
                  type: object
                  required: [label]
                  properties:
                    label: {type: string}
            """)
        #expect(text.contains("""
            @dataclass
            class Pet:
                \"""A pet.

                Generated from ``#/components/schemas/Pet``.
                \"""

                name: str
                owner_id: Optional[int]
                nick_name: Optional[str] = None
                \"""What friends say.\"""
                tags: Optional[list[Tag]] = None
                scores: Optional[dict[str, float]] = None

                @classmethod
                def from_dict(cls, data: Mapping[str, Any]) -> Pet:
                    \"""Builds a value from its JSON object; unknown members are ignored.\"""
                    return cls(
                        name=data["name"],
                        owner_id=data["ownerId"],
                        nick_name=data.get("nickName"),
                        tags=None if data.get("tags") is None else [Tag.from_dict(item) for item in data["tags"]],
                        scores=data.get("scores"),
                    )

                def to_dict(self) -> dict[str, Any]:
                    \"""The JSON object for this value; unset optional members are left out.\"""
                    result: dict[str, Any] = {}
                    result["name"] = self.name
                    result["ownerId"] = self.owner_id
                    if self.nick_name is not None:
                        result["nickName"] = self.nick_name
                    if self.tags is not None:
                        result["tags"] = [item.to_dict() for item in self.tags]
                    if self.scores is not None:
                        result["scores"] = self.scores
                    return result
            """), "\(text)")
        #expect(text.contains("from typing import Any, Mapping, Optional\n"))
    }

    @Test("enums become Literal aliases, maps of classes convert member-wise, later names are quoted")
    func aliases() throws {
        let text = try models("""
                Index:
                  type: object
                  additionalProperties: {$ref: "#/components/schemas/Entry"}
                Entry:
                  type: object
                  properties:
                    color: {type: string, enum: [red, "dark \\"blue\\""]}
            """)
        #expect(text.contains("""
            Index = dict[str, "Entry"]
            \"""Generated from ``#/components/schemas/Index``.\"""


            @dataclass
            class Entry:
            """), "\(text)")
        #expect(text.contains("color: Optional[EntryColor] = None\n"), "\(text)")
        #expect(text.contains("""
            EntryColor = Literal["red", "dark \\"blue\\""]
            \"""Generated from ``#/components/schemas/Entry/properties/color``.\"""
            """), "\(text)")
        #expect(text.contains("from typing import Any, Literal, Mapping, Optional\n"), "\(text)")
    }

    @Test("optional parameters and bodies are keyword-only; wire names stay on the wire")
    func operationParameters() throws {
        let text = try client("""
              /items/{from}:
                patch:
                  operationId: patchItem
                  parameters:
                    - {name: from, in: path, required: true, schema: {type: string}}
                    - {name: limit, in: query, required: true, schema: {type: integer}}
                    - {name: If-Match, in: header, description: The version you read., schema: {type: string}}
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: "#/components/schemas/Item"}
                  responses:
                    "200":
                      description: The items.
                      content:
                        application/json:
                          schema:
                            type: array
                            items: {$ref: "#/components/schemas/Item"}
            """, schemas: """
                Item:
                  type: object
                  description: One item.
                  properties:
                    n: {type: integer}
            """)
        #expect(text.contains("""
                def patch_item(self, from_: str, limit: int, *, if_match: Optional[str] = None, body: Optional[Item] = None) -> list[Item]:
                    \"""``PATCH /items/{from}``

                    :param if_match: The version you read.
                    :param body: One item.
                    \"""
                    response = self._transport.request(
                        "PATCH",
                        "/items/{from}",
                        path_params={"from": from_},
                        query={"limit": limit},
                        headers={"If-Match": if_match},
                        body=None if body is None else body.to_dict(),
                        has_body=body is not None,
                    )
                    return [Item.from_dict(item) for item in response.json()]
            """), "\(text)")
        #expect(text.contains("from .models import Item\n"), "\(text)")
    }

    @Test("a response without a body returns None; one with headers returns a result dataclass")
    func responses() throws {
        let text = try client("""
              /things:
                delete:
                  operationId: deleteThings
                  summary: Delete them all.
                  responses:
                    "204": {description: Gone.}
                head:
                  operationId: headThings
                  responses:
                    "200":
                      description: Counted.
                      headers:
                        X-Total-Count: {description: "How many \\"things\\"", schema: {type: string}}
            """)
        #expect(text.contains("""
                def delete_things(self) -> None:
                    \"""Delete them all.

                    ``DELETE /things``
                    \"""
                    self._transport.request(
                        "DELETE",
                        "/things",
                    )

            """), "\(text)")
        #expect(text.contains("""
            @dataclass
            class HeadThingsResult:
                \"""The body and headers of a successful ``head_things`` call.\"""

                x_total_count: Optional[str] = None
                \"""How many "things\\"\"""
            """), "\(text)")
        #expect(text.contains("""
                    return HeadThingsResult(
                        x_total_count=response.header("X-Total-Count"),
                    )
            """), "\(text)")
        #expect(!text.contains("from .models import"), "nothing to import: \(text)")
    }

    @Test("several body media types let the caller choose; a single non-JSON one is always sent")
    func bodyMediaTypes() throws {
        let text = try client("""
              /docs/{id}:
                patch:
                  operationId: patchDoc
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  requestBody:
                    required: true
                    content:
                      application/merge-patch+json:
                        schema: {type: object}
                      application/json-patch+json:
                        schema: {type: array, items: {type: object}}
                  responses:
                    "204": {description: Patched.}
                put:
                  operationId: putDoc
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  requestBody:
                    required: true
                    content:
                      application/schema+json:
                        schema: {}
                  responses:
                    "204": {description: Stored.}
            """)
        #expect(text.contains("""
                def patch_doc(self, id: str, body: Any, *, content_type: str = "application/merge-patch+json") -> None:
                    \"""``PATCH /docs/{id}``

                    :param content_type: The body's media type: ``application/merge-patch+json``, ``application/json-patch+json``.
                    \"""
                    self._transport.request(
                        "PATCH",
                        "/docs/{id}",
                        path_params={"id": id},
                        body=body,
                        has_body=True,
                        content_type=content_type,
                    )
            """), "\(text)")
        #expect(text.contains("""
                        has_body=True,
                        content_type="application/schema+json",
                    )
            """), "\(text)")
        #expect(text.contains("from typing import Any, Optional\n"), "\(text)")
    }
}

/// A minimal OpenAPI document with `paths` and `schemas` (YAML, already indented).
private func specWith(paths: String = "", schemas: String = "") -> String {
    """
    openapi: 3.1.0
    info: {title: Test API, version: 1.2.3}
    paths:\(paths.isEmpty ? " {}" : "\n" + paths)
    components:
      schemas:\(schemas.isEmpty ? " {}" : "\n" + schemas)
    """
}

/// The repository this test file lives in (through the dev package's symlinks too).
private func repositoryRoot() -> URL {
    URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// The first line where `expected` and `actual` differ, with a little context.
private func firstDifference(_ expected: String, _ actual: String) -> String {
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    for index in 0..<max(expectedLines.count, actualLines.count) {
        let want = index < expectedLines.count ? expectedLines[index] : "<end of file>"
        let got = index < actualLines.count ? actualLines[index] : "<end of file>"
        if want != got {
            let context = expectedLines[max(0, index - 3)..<min(index, expectedLines.count)].map { "    " + $0 }
            return (["line \(index + 1):"] + context + ["  - " + want, "  + " + got]).joined(separator: "\n")
        }
    }
    return "(no difference)"
}
