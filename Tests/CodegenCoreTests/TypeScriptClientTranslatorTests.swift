import Foundation
import Testing

@testable import CodegenCore

/// The TypeScript client translator: snippet tests (spec fragment → exact
/// TypeScript) and a reference test over the whole spec against the committed files.
@Suite("TypeScript client translator")
struct TypeScriptClientTranslatorTests {
    /// The generated files for `yaml`, by path relative to the repository root.
    private func generate(_ yaml: String) throws -> [String: String] {
        let parsed = try OpenAPIParser.parse(yaml: yaml, source: "spec/openapi.yaml")
        var diagnostics = parsed.diagnostics
        let files = try TypeScriptClientTranslator().translate(parsed.model, diagnostics: &diagnostics)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    private func models(_ schemas: String) throws -> String {
        try generate(specWith(schemas: schemas))["clients/typescript/src/generated/models.ts"] ?? ""
    }

    private func client(_ paths: String, schemas: String = "") throws -> String {
        try generate(specWith(paths: paths, schemas: schemas))["clients/typescript/src/generated/client.ts"] ?? ""
    }

    @Test("the whole spec gives the committed files under clients/typescript")
    func referenceFiles() throws {
        let root = repositoryRoot()
        let spec = try String(contentsOf: root.appendingPathComponent("spec/openapi.yaml"), encoding: .utf8)
        let files = try generate(spec)
        #expect(files.keys.sorted() == [
            "clients/typescript/src/generated/client.ts",
            "clients/typescript/src/generated/models.ts",
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
            #expect(contents.hasPrefix("// Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.\n"))
        }
    }

    @Test("an object schema becomes an interface with wire names, optional and nullable members")
    func objectSchema() throws {
        let text = try models("""
                Pet:
                  type: object
                  description: "A pet. Not a */ comment end."
                  required: [name, owner-id]
                  properties:
                    name:
                      type: string
                      description: What friends say.
                    owner-id: {type: [integer, "null"], format: int64}
                    tags:
                      type: array
                      items: {$ref: "#/components/schemas/Tag"}
                    color: {type: string, enum: [red, green]}
                Tag:
                  type: object
                  additionalProperties: {type: number}
            """)
        #expect(text.contains("""
            /**
             * A pet. Not a *\\/ comment end.
             *
             * Generated from `#/components/schemas/Pet`.
             */
            export interface Pet {
              /** What friends say. */
              name: string;
              "owner-id": number | null;
              tags?: Tag[];
              color?: PetColor;
            }

            /** Generated from `#/components/schemas/Pet/properties/color`. */
            export type PetColor = "red" | "green";

            /** Generated from `#/components/schemas/Tag`. */
            export type Tag = Record<string, number>;
            """), "\(text)")
    }

    @Test("optional parameters and bodies go in an options object; wire names stay on the wire")
    func operationParameters() throws {
        let text = try client("""
              /items/{delete}:
                patch:
                  operationId: patchItem
                  parameters:
                    - {name: delete, in: path, required: true, schema: {type: string}}
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
              /**
               * `PATCH /items/{delete}`
               *
               * @param options.ifMatch The version you read.
               * @param options.body One item.
               */
              async patchItem(delete_: string, limit: number, options: { ifMatch?: string; body?: Item } = {}): Promise<Item[]> {
                const response = await this.transport.request({
                  method: "PATCH",
                  path: "/items/{delete}",
                  pathParams: { delete: delete_ },
                  query: { limit: limit },
                  headers: { "If-Match": options.ifMatch },
                  body: options.body,
                  hasBody: options.body !== undefined,
                });
                return response.json() as Item[];
              }
            """), "\(text)")
        #expect(text.contains("import type { Item } from \"./models.js\";\n"), "\(text)")
    }

    @Test("a response without a body resolves to void; one with headers to a result interface")
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
                        X-Total-Count: {description: How many things., schema: {type: string}}
            """)
        #expect(text.contains("""
              /**
               * Delete them all.
               *
               * `DELETE /things`
               */
              async deleteThings(): Promise<void> {
                await this.transport.request({
                  method: "DELETE",
                  path: "/things",
                });
              }
            """), "\(text)")
        #expect(text.contains("""
            /** The body and headers of a successful `headThings` call. */
            export interface HeadThingsResult {
              /** How many things. */
              xTotalCount?: string;
            }
            """), "\(text)")
        #expect(text.contains("""
                return {
                  xTotalCount: response.header("X-Total-Count"),
                };
            """), "\(text)")
        #expect(!text.contains("./models.js"), "nothing to import: \(text)")
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
              async patchDoc(id: string, body: unknown, options: { contentType?: "application/merge-patch+json" | "application/json-patch+json" } = {}): Promise<void> {
                await this.transport.request({
                  method: "PATCH",
                  path: "/docs/{id}",
                  pathParams: { id: id },
                  body: body,
                  hasBody: true,
                  contentType: options.contentType ?? "application/merge-patch+json",
                });
              }
            """), "\(text)")
        #expect(text.contains("@param options.contentType The body's media type: `application/merge-patch+json`, `application/json-patch+json`."), "\(text)")
        #expect(text.contains("""
                  hasBody: true,
                  contentType: "application/schema+json",
                });
            """), "\(text)")
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
