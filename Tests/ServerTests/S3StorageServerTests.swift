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
}
