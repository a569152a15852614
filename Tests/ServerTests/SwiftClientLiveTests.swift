import ClientSDK
import DeltaServer
import Foundation
import HummingbirdTesting
import Testing

/// The generated Swift SDK against a real listening server: the generated
/// client and the generated server agree on the wire.
@Suite("Swift client SDK against a live server")
struct SwiftClientLiveTests {
    @Test("store, read with ETag, rewrite, delete, and typed errors")
    func roundTrip() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run(.live) { client in
            let port = try #require(client.port)
            let base = try #require(URL(string: "http://127.0.0.1:\(port)"))
            let api = DeltaAPIClient(baseURL: base, bearerToken: TestServer.adminKey)

            #expect(try await api.getHealth().status == "ok")
            let document: JSONDocument = ["messages": [["role": "user", "content": "Hello!"]]]
            _ = try await api.putEntities(database: "chatdb", body: ["session 1 ä": document, "user:1": ["n": 1]])

            let first = try await api.getEntity(database: "chatdb", key: "session 1 ä")
            #expect(first.body == document)
            #expect(first.etag == "\"1\"")
            _ = try await api.putEntities(database: "chatdb", body: ["session 1 ä": ["messages": []]])
            let second = try await api.getEntity(database: "chatdb", key: "session 1 ä")
            #expect(second.etag == "\"2\"")
            #expect(try await api.getEntity(database: "chatdb", key: "user:1").body == ["n": 1])

            _ = try await api.deleteEntity(database: "chatdb", key: "session 1 ä")
            do {
                _ = try await api.getEntity(database: "chatdb", key: "session 1 ä")
                Issue.record("a deleted entity must read 404")
            } catch let error as DeltaClientError {
                #expect(error.statusCode == 404)
                #expect(error.code == "not_found")
            }

            let anonymous = DeltaAPIClient(baseURL: base)
            do {
                _ = try await anonymous.getEntity(database: "chatdb", key: "user:1")
                Issue.record("a request without a key must be refused")
            } catch let error as DeltaClientError {
                #expect(error.statusCode == 401)
                #expect(error.code == "unauthorized")
            }
        }
    }
}
