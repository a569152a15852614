import DeltaS3
import DeltaServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The server with `-s3-endpoint`: entities go to the bucket, encrypted. Runs against
/// moto (`DELTADB_S3_ENDPOINT`, set by scripts/test.sh); always runs on CI.
@Suite(
    "Server on S3 storage",
    .enabled(if: ProcessInfo.processInfo.environment["DELTADB_S3_ENDPOINT"] != nil
        || (ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false)))
struct S3StorageServerTests {
    static let marker = "PLAINTEXT-MARKER-s3-5d1e"

    @Test("PUT then GET over HTTP stores only ciphertext in the bucket")
    func putGetEncrypted() async throws {
        let endpoint = try #require(
            ProcessInfo.processInfo.environment["DELTADB_S3_ENDPOINT"],
            "DELTADB_S3_ENDPOINT is not set: start moto with `eval \"$(scripts/start_moto.sh --env)\"` or run scripts/test.sh")
        var server = TestServer()
        defer { server.removeDirectory() }
        let bucket = "deltadb-server-" + String(UInt64.random(in: .min ... .max), radix: 16)
        server.configuration.s3 = try S3Configuration(endpoint: endpoint, accessKey: "test", secretKey: "test", bucket: bucket)
        try await server.run { client in
            let body = #"{"doc1": {"secret": "\#(Self.marker)", "n": 42}}"#
            try await client.execute(uri: "/entity/vault", method: .put, headers: .admin, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/entity/vault?key=doc1", method: .get, headers: .admin) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(Self.marker))
            }
        }
        let s3 = S3Client(configuration: try #require(server.configuration.s3))
        let keys = try await s3.listAll(prefix: "").keys.filter { !$0.hasPrefix("_probe/") }
        #expect(keys.sorted() == ["files/vault.db/doc1.1.json.enc", "files/vault.db/doc1.meta.json"])
        for key in keys {
            let object = try #require(try await s3.getObject(key))
            #expect(object.body.count > 0)
            #expect(!String(decoding: object.body, as: UTF8.self).contains(Self.marker), "plaintext in \(key)")
            #expect(!String(decoding: object.body, as: UTF8.self).contains("\"n\":42"), "plaintext in \(key)")
        }
        // Nothing of the entity went to the shared directory.
        #expect(server.allFiles().allSatisfy { !$0.path.hasPrefix("files/") || !$0.path.contains("vault") })
    }

    @Test("two all-in-one servers on one bucket: neither serves a cached document the other overwrote; keys and sessions work on both; no directory is used")
    func twoServersOneBucket() async throws {
        let endpoint = try #require(ProcessInfo.processInfo.environment["DELTADB_S3_ENDPOINT"])
        let s3 = try S3Configuration(
            endpoint: endpoint, accessKey: "test", secretKey: "test",
            bucket: "deltadb-two-" + String(UInt64.random(in: .min ... .max), radix: 16))
        var a = TestServer(), b = TestServer()
        defer { a.removeDirectory(); b.removeDirectory() }
        a.configuration.s3 = s3
        b.configuration.s3 = s3
        let second = b
        try await a.run { first in
            try await second.run { second in
                func text(_ client: any TestClientProtocol, _ uri: String, _ method: HTTPRequest.Method = .get,
                          _ body: String? = nil, headers: HTTPFields = .admin) async throws -> (HTTPResponse.Status, String) {
                    try await client.execute(
                        uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
                    ) { ($0.status, $0.text) }
                }
                #expect(try await text(first, "/entity/db", .put, #"{"k": {"n": 1}}"#).0 == .ok)
                #expect(try await text(first, "/entity/db?key=k").1.contains(#""n":1"#))  // now cached on the first
                #expect(try await text(second, "/entity/db", .put, #"{"k": {"n": 2}}"#).0 == .ok)
                #expect(try await text(first, "/entity/db?key=k").1.contains(#""n":2"#), "the first checks its cache hit")
                let created = try await text(
                    first, "/api/keys", .post, #"{"name": "app", "permissions": ["read"]}"#).1
                let secret = try #require(created.split(separator: "\"").drop { $0 != "secret" }.dropFirst(2).first)
                let reader = HTTPFields([HTTPField(name: .authorization, value: "Bearer \(secret)")])
                #expect(try await text(second, "/entity/db?key=k", headers: reader).0 == .ok, "a key made on the other")
                let login = try await text(second, "/api/login", .post, #"{"key": "\#(secret)"}"#).1
                let token = try #require(login.split(separator: "\"").drop { $0 != "token" }.dropFirst(2).first)
                let session = HTTPFields([HTTPField(name: .authorization, value: "Bearer \(token)")])
                #expect(try await text(first, "/entity/db?key=k", headers: session).0 == .ok, "a session from the other")
            }
        }
        #expect(a.allFiles().isEmpty && b.allFiles().isEmpty, "nothing in -shared-fs")
    }
}
