import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /schema/{id}/export`: the stored schema as Pydantic or TypeScript source,
/// served publicly like the schema itself.
@Suite("Schema export API")
struct SchemaExportAPITests {
    @Test("a stored schema exports as Pydantic and TypeScript text, without a credential")
    func exportsBothFormats() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/schema/chat.v1", method: .put, headers: .admin, body: ByteBuffer(SchemaAPITests.chatSchema)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/schema/chat.v1/export?format=pydantic", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                #expect(response.text.hasPrefix("# Generated from JSON Schema 'chat.v1'"))
                #expect(response.text.contains("class ChatV1(BaseModel):"))
                #expect(response.text.contains(#"Literal["user", "assistant", "system"]"#))
            }
            try await client.execute(uri: "/schema/chat.v1/export?format=typescript", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("export interface ChatV1 {"))
                #expect(response.text.contains(#""user" | "assistant" | "system""#))
            }
        }
    }

    @Test("an unknown format is 400 naming the formats; a missing schema is 404; a missing format is 400")
    func errors() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/schema/chat.v1", method: .put, headers: .admin, body: ByteBuffer(SchemaAPITests.chatSchema)) { _ in }
            try await client.execute(uri: "/schema/chat.v1/export?format=java", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("pydantic or typescript"))
            }
            try await client.execute(uri: "/schema/chat.v1/export", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/schema/nope/export?format=pydantic", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode == "not_found")
            }
        }
    }
}
