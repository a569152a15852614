import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DeltaStorage

@Suite("Encryption at rest")
struct EncryptionAtRestTests {
    static let marker = "PLAINTEXT-MARKER-7f3a9c"

    private func store(_ client: any TestClientProtocol, key: String, database: String = "vault") async throws {
        let body = #"{"\#(key)": {"secret": "\#(Self.marker)", "n": 42}}"#
        try await client.execute(uri: "/entity/\(database)", method: .put, headers: .admin, body: ByteBuffer(body)) { response in
            #expect(response.status == .ok)
        }
    }

    @Test("no file under the data directory contains the document's plaintext")
    func noPlaintextOnDisk() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in try await self.store(client, key: "doc1") }
        let files = server.allFiles()
        #expect(!files.isEmpty)
        for file in files {
            #expect(file.bytes.range(of: Data(Self.marker.utf8)) == nil, "plaintext found in \(file.path)")
            #expect(file.bytes.range(of: Data("\"n\":42".utf8)) == nil, "plaintext found in \(file.path)")
        }
    }

    @Test("the metadata sidecar records the contract's fields")
    func sidecarFields() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in try await self.store(client, key: "doc1") }
        let entities = server.allFiles().filter { $0.path.hasSuffix(".entity") }
        #expect(entities.count == 1)
        let entity = try #require(entities.first)
        let json = try #require(try JSONSerialization.jsonObject(with: try EntityFile.header(of: entity.bytes)) as? [String: Any])
        for field in ["key_id", "alg", "iv", "tag", "schema_id", "schema_version", "version", "writer_id",
                      "created_at", "updated_at", "database", "entity_key"] {
            #expect(json.keys.contains(field), "sidecar lacks \(field)")
        }
        #expect(json["alg"] as? String == "AES-GCM")
        #expect(json["key_id"] as? String == "main-key-v1")
        #expect(json["database"] as? String == "vault")
        #expect(json["entity_key"] as? String == "doc1")
        #expect((json["version"] as? NSNumber)?.intValue == 1)
    }

    @Test("a restart with the same master key reads the data back")
    func restartSameKey() async throws {
        let first = TestServer()
        defer { first.removeDirectory() }
        try await first.run { client in try await self.store(client, key: "doc1") }
        let second = TestServer(directory: first.directory)
        try await second.run { client in
            try await client.execute(uri: "/entity/vault?key=doc1", method: .get, headers: .admin) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(Self.marker))
                #expect(response.headers[.eTag] == "\"1\"")
            }
        }
    }

    @Test("a restart with a different master key fails reads with a clear error, not garbage")
    func restartWrongKey() async throws {
        let first = TestServer()
        defer { first.removeDirectory() }
        try await first.run { client in try await self.store(client, key: "doc1") }
        let second = TestServer(masterKeyHex: String(repeating: "cd", count: 32), directory: first.directory)
        try await second.run { client in
            try await client.execute(uri: "/entity/vault?key=doc1", method: .get, headers: .admin) { response in
                #expect(response.status == .internalServerError)
                #expect(response.errorCode == "integrity_failure")
                #expect(!response.text.contains(Self.marker))
                #expect(response.text.contains("different key"))
            }
        }
    }

    @Test("flipping one byte of a stored blob makes the read fail closed")
    func tamperedBlob() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in try await self.store(client, key: "doc1") }
        let blob = try #require(server.allFiles().first { $0.path.hasSuffix(".entity") })
        var bytes = blob.bytes
        bytes[bytes.count - 3] ^= 0x01  // inside the ciphertext, after the metadata header
        try bytes.write(to: URL(fileURLWithPath: server.directory + "/" + blob.path))
        // A fresh server: nothing cached.
        try await TestServer(directory: server.directory).run { client in
            try await client.execute(uri: "/entity/vault?key=doc1", method: .get, headers: .admin) { response in
                #expect(response.status == .internalServerError)
                #expect(response.errorCode == "integrity_failure")
            }
        }
    }

    @Test("copying one entity's blob and sidecar over another's never returns the wrong document")
    func swappedEntity() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await self.store(client, key: "alice")
            try await client.execute(uri: "/entity/vault", method: .put, headers: .admin, body: ByteBuffer(#"{"bob": {"who": "bob"}}"#)) { _ in }
        }
        let files = server.allFiles()
        func file(_ key: String, _ suffix: String) throws -> (path: String, bytes: Data) {
            try #require(files.first { $0.path.contains(key) && $0.path.hasSuffix(suffix) })
        }
        // Replace bob's entity file (metadata header and ciphertext) with alice's.
        let alice = try file("alice", ".entity"), bob = try file("bob", ".entity")
        try alice.bytes.write(to: URL(fileURLWithPath: server.directory + "/" + bob.path))
        try await TestServer(directory: server.directory).run { client in
            try await client.execute(uri: "/entity/vault?key=bob", method: .get, headers: .admin) { response in
                #expect(response.status != .ok)
                #expect(!response.text.contains(Self.marker))
            }
        }
    }
}

/// The metadata header of a `<key>.entity` file, read with the storage layer's own format.
enum EntityFile {
    static func header(of bytes: Data) throws -> Data {
        let bytes = [UInt8](bytes)
        let length = try #require(EntityFileFormat.headerLength(bytes), "not an entity file")
        let start = EntityFileFormat.prefixBytes
        try #require(bytes.count >= start + length)
        return Data(bytes[start..<(start + length)])
    }
}
