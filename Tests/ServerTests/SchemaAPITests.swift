import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Schemas and validated writes")
struct SchemaAPITests {
    static let chatSchema = #"""
    {"$schema":"http://json-schema.org/draft-07/schema#","$id":"chat.v1","type":"object","required":["messages"],
     "properties":{"messages":{"type":"array","items":{"type":"object","required":["role","content"],
     "properties":{"role":{"type":"string","enum":["user","assistant","system"]},"content":{"type":"string"}}}}}}
    """#

    private func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }

    private func putChatSchemaAndBind(_ client: any TestClientProtocol) async throws {
        try await client.execute(uri: "/schema/chat.v1", method: .put, headers: .admin, body: ByteBuffer(Self.chatSchema)) { response in
            #expect(response.status == .ok)
        }
        try await client.execute(uri: "/api/databases/chatdb", method: .put, headers: .admin, body: ByteBuffer(#"{"schema_id":"chat.v1"}"#)) { response in
            #expect(response.status == .ok)
            #expect(response.text.contains(#""schema_id":"chat.v1""#))
            #expect(response.text.contains(#""bound":true"#))
        }
    }

    @Test("schemas are stored, listed and served publicly; invalid schemas get 400 with reasons")
    func schemaCRUD() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await self.putChatSchemaAndBind(client)
            try await client.execute(uri: "/admin/schemas", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"["chat.v1"]"#)
            }
            try await client.execute(uri: "/schema/chat.v1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#""$id":"chat.v1""#))
            }
            try await client.execute(uri: "/schema/bad.v1", method: .put, headers: .admin, body: ByteBuffer(#"{"type":"strin","minLength":-1}"#)) { response in
                #expect(response.status == .badRequest)
                let body = try self.json(response)
                #expect((body["details"] as? [Any])?.count ?? 0 >= 2)
            }
            try await client.execute(uri: "/schema/bad.v1", method: .put, headers: .admin, body: ByteBuffer(#"{"type":"#)) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "invalid_json")
            }
            try await client.execute(uri: "/schema/bad.v1", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/schema/x.v1", method: .put, body: ByteBuffer(#"{}"#)) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("binding chatdb to chat.v1 rejects a message without content, naming /messages/0 and content; nothing is stored")
    func validatedWrite() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await self.putChatSchemaAndBind(client)
            try await client.execute(uri: "/entity/chatdb", method: .put, headers: .admin, body: ByteBuffer(#"{"s1":{"messages":[{"role":"user"}]}}"#)) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "schema_violation")
                let details = try #require(try self.json(response)["details"] as? [[String: Any]])
                #expect(details.contains { ($0["pointer"] as? String) == "/messages/0" && (($0["message"] as? String)?.contains("content") ?? false) })
            }
            try await client.execute(uri: "/entity/chatdb?key=s1", method: .get, headers: .admin) { response in
                #expect(response.status == .notFound)
            }
            // One bad entity in a batch writes nothing.
            let batch = #"{"good":{"messages":[{"role":"user","content":"hi"}]},"bad":{"messages":[{"role":"robot","content":"x"}]}}"#
            try await client.execute(uri: "/entity/chatdb", method: .put, headers: .admin, body: ByteBuffer(batch)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/entity/chatdb?key=good", method: .get, headers: .admin) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/entity/chatdb", method: .put, headers: .admin, body: ByteBuffer(#"{"good":{"messages":[{"role":"user","content":"hi"}]}}"#)) { response in
                #expect(response.status == .ok)
            }
        }
        let entity = try #require(server.allFiles().first { $0.path.hasSuffix(".entity") })
        let metadata = try #require(try JSONSerialization.jsonObject(with: EntityFile.header(of: entity.bytes)) as? [String: Any])
        #expect(metadata["schema_id"] as? String == "chat.v1")
        #expect((metadata["schema_version"] as? String)?.isEmpty == false)
    }

    @Test("a database is validated by the schema named like it, and hand-placed templates are picked up")
    func defaultBindingAndTemplatesOnDisk() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try FileManager.default.createDirectory(atPath: server.directory + "/templates", withIntermediateDirectories: true)
        try #"{"type":"object","required":["name"]}"#.write(toFile: server.directory + "/templates/users.json", atomically: true, encoding: .utf8)
        try await server.run { client in
            try await client.execute(uri: "/entity/users", method: .put, headers: .admin, body: ByteBuffer(#"{"u1":{"age":3}}"#)) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("name"))
            }
            try await client.execute(uri: "/api/databases/users", method: .get, headers: .admin) { response in
                #expect(response.text.contains(#""schema_id":"users""#))
                #expect(response.text.contains(#""bound":false"#))
            }
            try await client.execute(uri: "/admin/schemas", method: .get) { response in
                #expect(response.text == #"["users"]"#)
            }
            try await client.execute(uri: "/entity/other", method: .put, headers: .admin, body: ByteBuffer(#"{"u1":{"age":3}}"#)) { response in
                #expect(response.status == .ok, "a database without a schema is not validated")
            }
        }
    }

    @Test("POST /schema/{id}/validate reports every error and stores nothing")
    func validateEndpoint() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await self.putChatSchemaAndBind(client)
            try await client.execute(uri: "/schema/chat.v1/validate", method: .post, headers: .admin, body: ByteBuffer(#"{"messages":[{"role":"robot"},{}]}"#)) { response in
                #expect(response.status == .ok)
                let body = try self.json(response)
                #expect(body["valid"] as? Bool == false)
                #expect((body["errors"] as? [Any])?.count ?? 0 >= 4)
            }
            try await client.execute(uri: "/schema/chat.v1/validate", method: .post, headers: .admin, body: ByteBuffer(#"{"messages":[]}"#)) { response in
                #expect(response.text == #"{"errors":[],"valid":true}"#)
            }
            try await client.execute(uri: "/schema/none.v1/validate", method: .post, headers: .admin, body: ByteBuffer(#"{}"#)) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(!server.allFiles().contains { $0.path.hasSuffix(".entity") || $0.path.hasSuffix(".enc") })
    }

    @Test("a bound schema cannot be deleted until the database is unbound")
    func deleteSchema() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await self.putChatSchemaAndBind(client)
            try await client.execute(uri: "/schema/chat.v1", method: .delete, headers: .admin) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("chatdb"))
            }
            try await client.execute(uri: "/api/databases/chatdb", method: .put, headers: .admin, body: ByteBuffer(#"{"schema_id":null}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/schema/chat.v1", method: .delete, headers: .admin) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/schema/chat.v1", method: .delete, headers: .admin) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/databases/chatdb", method: .put, headers: .admin, body: ByteBuffer(#"{"schema_id":"missing.v1"}"#)) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
