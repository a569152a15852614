import DeltaCore
import DeltaCrypto
import DeltaStorage
import Foundation
import Synchronization
import Testing

@testable import DeltaCluster
@testable import DeltaEngine

/// `BackupWriter` through a `BackupSink`: the manifest is written last and only
/// when every file was, a taken name is refused before anything is written, and a
/// failed backup is abandoned. `BackupBucket` parses `s3://BUCKET/PREFIX/NAME`.
@Suite("Backup sinks")
struct BackupSinkTests {
    /// Records every call, in order; fails the write of `failing` or refuses in `prepare()`.
    final class RecordingSink: BackupSink {
        let calls = Mutex<[String]>([])
        let failing: String?
        let taken: Bool
        init(failing: String? = nil, taken: Bool = false) {
            self.failing = failing
            self.taken = taken
        }
        var location: String { "memory" }
        func prepare() async throws(DeltaError) {
            calls.withLock { $0.append("prepare") }
            if taken { throw DeltaError(.badRequest, "memory holds a backup already") }
        }
        func write(_ path: String, _ bytes: [UInt8]) async throws(DeltaError) {
            if path == failing { throw DeltaError(.storageFailure, "cannot write \(path)") }
            calls.withLock { $0.append(path) }
        }
        func commit(manifest: [UInt8]) async throws(DeltaError) { calls.withLock { $0.append("commit") } }
        func abandon() async { calls.withLock { $0.append("abandon") } }
    }

    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)").path

    func writer() async throws -> BackupWriter {
        let store = try FileEntityStore(root: scratch, writerID: "test")
        let service = try ClusterFixtures.entityService(
            keys: KeyringHolder(Keyring(activeKeyID: "a", activeKey: SymmetricKey.generate())), store: store)
        for key in ["a", "b", "c"] {
            _ = try await service.put(database: "db", body: Array(#"{"\#(key)":{"n":1}}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        }
        try FileManager.default.createDirectory(atPath: scratch + "/_auth", withIntermediateDirectories: true)
        try Data(#"{"keys":[]}"#.utf8).write(to: URL(fileURLWithPath: scratch + "/_auth/keys.json"))
        return try BackupWriter(store: store, dataRoot: scratch, keyStorePath: scratch + "/_auth/keys.json")
    }

    @Test("every file goes to the sink before the manifest, which completes the backup")
    func manifestLast() async throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let sink = RecordingSink()
        let manifest = try await writer().write(to: sink)
        let calls = sink.calls.withLock { $0 }
        #expect(calls.first == "prepare" && calls.last == "commit" && !calls.contains("abandon"))
        #expect(Array(calls.dropFirst().dropLast()) == manifest.files.map(\.path))
        #expect(manifest.entities == 3 && manifest.files.contains { $0.path == "_auth/keys.json" })
    }

    @Test("a failed write abandons the backup without a manifest")
    func failureAbandons() async throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let sink = RecordingSink(failing: "_auth/keys.json")
        await #expect(throws: DeltaError.self) { _ = try await writer().write(to: sink) }
        let calls = sink.calls.withLock { $0 }
        #expect(calls.last == "abandon" && !calls.contains("commit"))
    }

    @Test("a taken name is refused before any file is written")
    func takenName() async throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let sink = RecordingSink(taken: true)
        let error = await #expect(throws: DeltaError.self) { _ = try await writer().write(to: sink) }
        #expect(error?.code == .badRequest && sink.calls.withLock { $0 } == ["prepare"])
    }

    @Test("s3://BUCKET/PREFIX/NAME gives the bucket and the key prefix", arguments: [
        ("s3://backups/nightly/b1", "backups", "nightly/b1"),
        ("s3://backups/b1/", "backups", "b1"),
        ("s3://my.backups-1/a/b/c", "my.backups-1", "a/b/c"),
    ])
    func parse(url: String, bucket: String, prefix: String) throws {
        let parsed = try BackupBucket.parse(url)
        #expect(parsed.bucket == bucket && parsed.prefix == prefix)
    }

    @Test("a bucket location without a name, with a bad bucket or an unsafe part is refused", arguments: [
        "s3://backups", "s3://backups/", "s3://Backups/b", "s3://b/x", "s3://backups/a//b", "s3://backups/../b",
        "s3://backups/.hidden", "/srv/backups",
    ])
    func refused(url: String) {
        let error = #expect(throws: DeltaError.self) { try BackupBucket.parse(url) }
        #expect(error?.code == .badRequest)
    }
}
