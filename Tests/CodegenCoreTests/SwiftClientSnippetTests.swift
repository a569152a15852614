import Testing

@testable import CodegenCore

@Suite("Swift client snippets")
struct SwiftClientSnippetTests {
    @Test("a method percent-encodes path values, sends optional query items and headers")
    func method() throws {
        let text = try TestSupport.generate("""
            paths:
              /entities/{database}:
                get:
                  operationId: listKeys
                  summary: List keys.
                  x-deltadb-permission: read
                  parameters:
                    - {name: database, in: path, required: true, description: The database., schema: {type: string}}
                    - {name: limit, in: query, schema: {type: integer, format: int32}}
                    - {name: If-None-Match, in: header, schema: {type: string}}
                  responses:
                    "200":
                      description: One page.
                      content:
                        application/json:
                          schema: {type: array, items: {type: string}}
                    "404": {description: No such database.}
            """, translator: SwiftClientTranslator(), file: "DeltaAPIClient+Operations.swift")
        #expect(text == """
            // Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

            extension DeltaAPIClient {
                /// `GET /entities/{database}`: List keys.
                ///
                /// - Parameters:
                ///   - database: The database.
                ///   - limit:
                ///   - ifNoneMatch:
                /// - Returns: One page.
                /// - Throws: `DeltaClientError` for every non-2xx response (404).
                public func listKeys(database: String, limit: Int32? = nil, ifNoneMatch: String? = nil) async throws -> [String] {
                    var request = ClientRequest(method: "GET", path: "/entities/\\(ClientRequest.encodePathSegment(database))")
                    request.query = [
                        .init("limit", limit.map { String($0) }),
                    ]
                    request.headers = [
                        .init("If-None-Match", ifNoneMatch),
                    ]
                    return try await send(request).decode([String].self)
                }
            }

            """)
    }

    @Test("client models map free-form JSON to JSONDocument and maps to dictionaries")
    func models() throws {
        let text = try TestSupport.generate("""
            paths: {}
            components:
              schemas:
                Doc: {}
                Batch: {type: object, additionalProperties: {$ref: "#/components/schemas/Doc"}}
            """, translator: SwiftClientTranslator(), file: "Models.swift")
        #expect(text.contains("public typealias Doc = JSONDocument\n"))
        #expect(text.contains("public typealias Batch = [String: Doc]\n"))
    }
}
