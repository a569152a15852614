import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The attacks of issue 21's "privilege and tenant boundaries", each tried as a
/// caller with a key: nothing crosses from one tenant's databases to another's,
/// and no key can mint, see or delete more than it has itself.
@Suite("Tenant boundaries")
struct TenantBoundaryTests {
    typealias Client = any TestClientProtocol

    static func bearer(_ secret: String) -> HTTPFields { [.authorization: "Bearer \(secret)"] }

    /// Creates a key with `headers`' credential; returns (status, secret or nil).
    static func create(_ client: Client, _ body: String, as headers: HTTPFields = .admin) async throws -> (HTTPResponse.Status, String?) {
        try await client.execute(uri: "/api/keys", method: .post, headers: headers, body: ByteBuffer(body)) { response in
            let json = try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            return (response.status, json?["secret"] as? String)
        }
    }

    static func secret(_ client: Client, _ body: String) async throws -> String {
        let (status, secret) = try await create(client, body)
        #expect(status == .created)
        return try #require(secret)
    }

    @Test("a scoped, expiring admin key mints only subsets of itself, and sees and deletes only keys in its scope")
    func keyMinting() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let scoped = Self.bearer(try await Self.secret(
                client, #"{"name":"tenant-a","permissions":["admin","read","write"],"databases":["a"],"expires_in":"1h"}"#))
            let refused = [
                #"{"name":"x","permissions":["read"],"expires_in":"30m"}"#,                       // every database
                #"{"name":"x","permissions":["read"],"databases":["b"],"expires_in":"30m"}"#,    // another tenant
                #"{"name":"x","permissions":["read"],"databases":["a","b"],"expires_in":"30m"}"#,
                #"{"name":"x","permissions":["read"],"databases":["a"]}"#,                       // never expires
                #"{"name":"x","permissions":["read"],"databases":["a"],"expires_in":"48h"}"#,    // outlives its creator
            ]
            for body in refused {
                let (status, secret) = try await Self.create(client, body, as: scoped)
                #expect(status == .forbidden && secret == nil, "\(body)")
            }
            let (status, _) = try await Self.create(client, #"{"name":"a-reader","permissions":["read"],"databases":["a"],"expires_in":"30m"}"#, as: scoped)
            #expect(status == .created)

            // Another tenant's key and an unrestricted one exist; the scoped admin sees neither.
            let other = try await Self.secret(client, #"{"name":"tenant-b","permissions":["read"],"databases":["b"]}"#)
            _ = try await Self.secret(client, #"{"name":"global","permissions":["read"]}"#)
            let otherID = String(other.split(separator: "_")[1])
            let names = try await client.execute(uri: "/api/keys", method: .get, headers: scoped) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
                return Set(json.compactMap { $0["name"] as? String })
            }
            #expect(names == ["tenant-a", "a-reader"])
            try await client.execute(uri: "/api/keys/\(otherID)", method: .delete, headers: scoped) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/entity/b?key=k", method: .get, headers: Self.bearer(other)) { response in
                #expect(response.status == .notFound, "the other tenant's key still works")
            }
        }
    }

    @Test("a write key scoped to one database cannot change the schema another database uses")
    func schemaScope() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let writerA = Self.bearer(try await Self.secret(client, #"{"name":"wa","permissions":["read","write"],"databases":["a"]}"#))
            let schema = ByteBuffer(#"{"type":"object","required":["n"]}"#)
            try await client.execute(uri: "/schema/b", method: .put, headers: .admin, body: schema) { #expect($0.status == .ok) }
            // Its own database's schema: allowed.
            try await client.execute(uri: "/schema/a", method: .put, headers: writerA, body: schema) { #expect($0.status == .ok) }
            // Database b's schema: neither replaced nor deleted.
            try await client.execute(uri: "/schema/b", method: .put, headers: writerA, body: ByteBuffer("{}")) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("database 'b'"))
            }
            try await client.execute(uri: "/schema/b", method: .delete, headers: writerA) { #expect($0.status == .forbidden) }
            // A shared schema bound to a and to c: a's writer does not cover c.
            try await client.execute(uri: "/schema/shared", method: .put, headers: .admin, body: schema) { #expect($0.status == .ok) }
            for database in ["a", "c"] {
                try await client.execute(uri: "/api/databases/\(database)", method: .put, headers: .admin, body: ByteBuffer(#"{"schema_id":"shared"}"#)) {
                    #expect($0.status == .ok)
                }
            }
            try await client.execute(uri: "/schema/shared", method: .put, headers: writerA, body: ByteBuffer("{}")) { #expect($0.status == .forbidden) }
            // b still validates: its schema was not changed.
            try await client.execute(uri: "/entity/b", method: .put, headers: .admin, body: ByteBuffer(#"{"k":{}}"#)) { response in
                #expect(response.status == .badRequest && response.errorCode == "schema_violation")
            }
        }
    }

    @Test("a write-only key cannot read a document through PATCH")
    func writeOnlyPatch() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"k":{"secret":"s3cr3t"}}"#)) { _ in }
            let writer = Self.bearer(try await Self.secret(client, #"{"name":"w","permissions":["write"]}"#))
            var headers = writer
            headers[.contentType] = "application/json-patch+json"
            try await client.execute(
                uri: "/entity/db?key=k", method: .patch, headers: headers,
                body: ByteBuffer(#"[{"op":"test","path":"/secret","value":"s3cr3t"},{"op":"add","path":"/x","value":1}]"#)
            ) { response in
                #expect(response.status == .forbidden)
                #expect(!response.text.contains("s3cr3t"))
            }
            try await client.execute(uri: "/entity/db?key=k", method: .get, headers: .admin) { response in
                #expect(response.text == #"{"secret":"s3cr3t"}"#)
            }
        }
    }

    @Test("names are compared byte for byte: a key scoped to café (NFC) does not reach cafe\\u{301} (NFD)")
    func canonicallyEqualNames() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        let nfdPath = "cafe%CC%81"
        try await server.run { client in
            let key = Self.bearer(try await Self.secret(client, #"{"name":"cafe","permissions":["read","write"],"databases":["\#(nfc)"]}"#))
            try await client.execute(uri: "/entity/\(nfdPath)", method: .put, headers: key, body: ByteBuffer(#"{"k":{"a":1}}"#)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/entity/caf%C3%A9", method: .put, headers: key, body: ByteBuffer(#"{"k":{"a":1}}"#)) { response in
                #expect(response.status == .ok)
            }
            // Two databases, two bindings.
            for (name, schema) in [("s1", #"{"type":"object"}"#), ("s2", #"{"type":"array"}"#)] {
                try await client.execute(uri: "/schema/\(name)", method: .put, headers: .admin, body: ByteBuffer(schema)) { _ in }
            }
            try await client.execute(uri: "/api/databases/caf%C3%A9", method: .put, headers: .admin, body: ByteBuffer(#"{"schema_id":"s1"}"#)) { _ in }
            try await client.execute(uri: "/api/databases/\(nfdPath)", method: .put, headers: .admin, body: ByteBuffer(#"{"schema_id":"s2"}"#)) { _ in }
            try await client.execute(uri: "/api/databases/caf%C3%A9", method: .get, headers: .admin) { response in
                #expect(response.text.contains(#""schema_id":"s1""#), "\(response.text)")
            }
            try await client.execute(uri: "/api/databases/\(nfdPath)", method: .get, headers: .admin) { response in
                #expect(response.text.contains(#""schema_id":"s2""#), "\(response.text)")
            }
            // Listing shows the scoped key only its own spelling.
            try await client.execute(uri: "/entity/\(nfdPath)", method: .put, headers: .admin, body: ByteBuffer(#"{"k":[]}"#)) { _ in }
            try await client.execute(uri: "/api/databases", method: .get, headers: key) { response in
                let names = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String])
                #expect(names.map { Array($0.utf8) } == [Array(nfc.utf8)])
                _ = nfd
            }
        }
    }
}
