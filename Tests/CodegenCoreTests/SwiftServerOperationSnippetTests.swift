import Testing

@testable import CodegenCore

@Suite("Swift server snippets: operations and protocol")
struct SwiftServerOperationSnippetTests {
    static let spec = """
        paths:
          /keys/{id}:
            delete:
              operationId: deleteKey
              summary: Delete a key.
              x-deltadb-permission: admin
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
                - {name: If-Match, in: header, description: The expected version., schema: {type: string}}
              responses:
                "204": {description: Deleted.}
        """

    @Test("a 204 operation with a header parameter")
    func operation() throws {
        let text = try TestSupport.generate(Self.spec, translator: SwiftServerTranslator(), file: "Operations.swift")
        #expect(text.contains("""
                /// `DELETE /keys/{id}`: Delete a key.
                public enum DeleteKey {
                    /// Method, path and required permission of this operation.
                    public static let descriptor = OperationDescriptor(id: "deleteKey", method: "DELETE", path: "/keys/{id}", permission: .admin)

                    /// The decoded request.
                    public struct Input: Sendable {
                        public var id: Int64
                        /// The expected version.
                        public var ifMatch: String?

                        /// Creates an input.
                        public init(id: Int64, ifMatch: String? = nil) {
                            self.id = id
                            self.ifMatch = ifMatch
                        }
                    }

                    /// The successful responses; errors are thrown as `DeltaError`.
                    public enum Output: Sendable {
                        /// 204: Deleted.
                        case noContent(NoContent)

                        /// The headers of the 204 response.
                        public struct NoContent: Sendable {
                            /// Creates a response.
                            public init() {}
                        }
                    }
                }
            """))
    }

    @Test("the protocol requirement takes a caller only when a permission is required")
    func requirement() throws {
        let text = try TestSupport.generate(Self.spec, translator: SwiftServerTranslator(), file: "APIProtocol.swift")
        #expect(text.contains("""
                /// `DELETE /keys/{id}`: Delete a key.
                func deleteKey(_ input: Operations.DeleteKey.Input, caller: Caller) async throws -> Operations.DeleteKey.Output
            }
            """))
    }
}
