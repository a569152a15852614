import DeltaCore
import DeltaStorage
import Foundation
import Testing
@testable import DeltaS3

/// The S3 server the tests use (`DELTADB_S3_ENDPOINT`, set by
/// `scripts/start_moto.sh --env` or `scripts/start_seaweedfs.sh --env`, and by
/// `scripts/test.sh`, which runs the S3 suites against both).
enum S3TestServer {
    static var endpoint: String? {
        ProcessInfo.processInfo.environment["DELTADB_S3_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether this is a CI run, where S3 tests must never be skipped.
    static var onCI: Bool {
        ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
    }

    /// A client on a new, empty bucket.
    static func freshClient() async throws -> S3Client {
        let endpoint = try #require(
            endpoint, "DELTADB_S3_ENDPOINT is not set: start moto with `eval \"$(scripts/start_moto.sh --env)\"` or run scripts/test.sh")
        let bucket = "deltadb-s3test-" + String(UInt64.random(in: .min ... .max), radix: 16)
        let client = S3Client(configuration: try S3Configuration(endpoint: endpoint, accessKey: "test", secretKey: "test", bucket: bucket))
        try await client.createBucket()
        return client
    }
}

func testID(_ database: String, _ key: String) -> EntityID {
    do { return try EntityID(database: database, key: key) } catch { fatalError("bad test name: \(error)") }
}

/// The next version of `id` after `current` with `payload` as its ciphertext.
func successor(_ id: EntityID, _ current: EntityMetadata?, _ payload: [UInt8]) -> StoredEntity {
    let version = (current?.version ?? 0) + 1
    let metadata = EntityMetadata(
        keyID: "k1", alg: "AES-GCM", iv: "AAAAAAAAAAAAAAAA", tag: "AAAAAAAAAAAAAAAAAAAAAA==", schemaID: nil,
        schemaVersion: nil, version: version, writerID: "s3-test", createdAt: "2025-01-01T00:00:00Z",
        updatedAt: "2025-01-01T00:00:\(String(format: "%02d", version % 60))Z", database: id.database,
        entityKey: id.key, size: payload.count)
    return StoredEntity(metadata: metadata, ciphertext: payload)
}
