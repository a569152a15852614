import Testing

@testable import CodegenCore

@Suite("Swift server snippets: models")
struct SwiftServerModelSnippetTests {
    @Test("an object schema becomes a Codable struct with CodingKeys, optional defaults, and null rejected for optional members")
    func structSnippet() throws {
        let text = try TestSupport.generate("""
            paths: {}
            components:
              schemas:
                Page:
                  type: object
                  description: One page.
                  required: [next_cursor]
                  properties:
                    next_cursor: {type: string, description: Where to go on.}
                    total: {type: integer}
            """, translator: SwiftServerTranslator(), file: "Models.swift")
        #expect(text == """
            // Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

            import APIRuntime

            /// One page.
            ///
            /// - Remark: Generated from `#/components/schemas/Page`.
            public struct Page: Codable, Hashable, Sendable {
                /// Where to go on.
                public var nextCursor: String
                public var total: Int?

                /// Creates a value with every property.
                public init(nextCursor: String, total: Int? = nil) {
                    self.nextCursor = nextCursor
                    self.total = total
                }

                enum CodingKeys: String, CodingKey {
                    case nextCursor = "next_cursor"
                    case total = "total"
                }

                /// Decodes the value: required members must be present, and only nullable ones may be null.
                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    self.nextCursor = try container.decode(String.self, forKey: .nextCursor)
                    self.total = try container.decodeIfPresentNonNull(Int.self, forKey: .total)
                }

                /// Encodes the value, writing required members that are nil as null.
                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(nextCursor, forKey: .nextCursor)
                    try container.encodeIfPresent(total, forKey: .total)
                }
            }

            """)
    }

    @Test("free-form schemas are RawJSON aliases; string enums are String enums")
    func aliasAndEnum() throws {
        let text = try TestSupport.generate("""
            paths: {}
            components:
              schemas:
                Doc: {}
                Format: {type: string, enum: [pydantic, typescript]}
            """, translator: SwiftServerTranslator(), file: "Models.swift")
        #expect(text.contains("""
            /// - Remark: Generated from `#/components/schemas/Doc`; free-form JSON travels as raw bytes.
            public typealias Doc = RawJSON
            """))
        #expect(text.contains("""
            public enum Format: String, Codable, Hashable, Sendable, CaseIterable {
                case pydantic = "pydantic"
                case typescript = "typescript"
            }
            """))
    }

    @Test("a required nullable member gets explicit coding: must be present, encoded as null")
    func requiredNullable() throws {
        let text = try TestSupport.generate("""
            paths: {}
            components:
              schemas:
                Binding:
                  type: object
                  required: [schema_id, name]
                  properties:
                    schema_id: {type: [string, "null"]}
                    name: {type: string}
                    note: {type: string}
            """, translator: SwiftServerTranslator(), file: "Models.swift")
        #expect(text.contains("""
                /// Decodes the value: required members must be present, and only nullable ones may be null.
                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    self.schemaId = try container.decode(String?.self, forKey: .schemaId)
                    self.name = try container.decode(String.self, forKey: .name)
                    self.note = try container.decodeIfPresentNonNull(String.self, forKey: .note)
                }

                /// Encodes the value, writing required members that are nil as null.
                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(schemaId, forKey: .schemaId)
                    try container.encode(name, forKey: .name)
                    try container.encodeIfPresent(note, forKey: .note)
                }
            """))
    }
}
