import DeltaCore
import DeltaCrypto
import DeltaS3
import DeltaStorage
import Foundation
import Testing

@testable import DeltaCluster
@testable import DeltaEngine

/// Backups in a bucket against moto (`DELTADB_S3_ENDPOINT`, set by scripts/test.sh;
/// always run on CI): the manifest is the commit point, a taken name is refused even
/// when another backup finishes first, and a download refuses a backup without its
/// manifest or with a missing file.
@Suite(
    "Backups in a bucket",
    .enabled(if: ProcessInfo.processInfo.environment["DELTADB_S3_ENDPOINT"] != nil
        || (ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false)))
struct S3BackupTests {
    let key = SymmetricKey.generate()
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("s3backup-\(UUID().uuidString)").path

    /// A fresh bucket with `prefix`, and a client on it.
    func bucket(_ prefix: String) async throws -> (BackupBucket, S3Client) {
        let endpoint = try #require(
            ProcessInfo.processInfo.environment["DELTADB_S3_ENDPOINT"],
            "DELTADB_S3_ENDPOINT is not set: start moto with `eval \"$(scripts/start_moto.sh --env)\"` or run scripts/test.sh")
        let name = "deltadb-backup-" + String(UInt64.random(in: .min ... .max), radix: 16)
        let s3 = try S3Configuration(endpoint: endpoint, accessKey: "test", secretKey: "test")
        let bucket = try BackupBucket(url: "s3://\(name)/\(prefix)", s3: s3)
        let client = S3Client(configuration: bucket.s3)
        try await client.createBucket()
        return (bucket, client)
    }

    func writer() async throws -> BackupWriter {
        let root = scratch + "/data"
        let store = try FileEntityStore(root: root, writerID: "test")
        let service = try ClusterFixtures.entityService(keys: KeyringHolder(Keyring(activeKeyID: "a", activeKey: key)), store: store)
        for index in 0..<5 {
            _ = try await service.put(database: "db", body: Array(#"{"k\#(index)":{"n":\#(index)}}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        }
        return try BackupWriter(store: store, dataRoot: root, keyStorePath: root + "/_auth/keys.json")
    }

    func download(_ bucket: BackupBucket, _ client: S3Client) async throws(DeltaError) -> String {
        let directory = scratch + "/download-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = try await S3BackupDownload(bucket: bucket, client: client).download(into: directory)
        return directory
    }

    @Test("a backup round-trips through the bucket and verifies; its name is then taken")
    func roundTrip() async throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (bucket, client) = try await bucket("nightly/b1")
        let manifest = try await writer().write(to: S3BackupSink(bucket: bucket, client: client))
        #expect(manifest.entities == 5)
        let restorer = BackupRestorer(
            backup: try await download(bucket, client), sealer: EntitySealer(keyring: KeyringHolder(Keyring(activeKeyID: "a", activeKey: key)), writerID: "r"))
        #expect(try restorer.verify() == manifest)
        let error = await #expect(throws: DeltaError.self) { _ = try await writer().write(to: S3BackupSink(bucket: bucket, client: client)) }
        #expect(error?.code == .badRequest && error?.message.contains("holds a backup already") == true)
    }

    @Test("a name taken while a backup runs is refused at the commit; abandoning it keeps the finished backup")
    func takenAtCommit() async throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (bucket, client) = try await bucket("race")
        let late = S3BackupSink(bucket: bucket, client: client)
        try await late.prepare()
        try await late.write("files/x", [1, 2, 3])
        _ = try await writer().write(to: S3BackupSink(bucket: bucket, client: client))
        let error = await #expect(throws: DeltaError.self) { try await late.commit(manifest: Array("{}".utf8)) }
        #expect(error?.code == .badRequest)
        await late.abandon()
        let restorer = BackupRestorer(
            backup: try await download(bucket, client), sealer: EntitySealer(keyring: KeyringHolder(Keyring(activeKeyID: "a", activeKey: key)), writerID: "r"))
        #expect(try restorer.verify().entities == 5)
    }

    @Test("an abandoned backup leaves no objects")
    func abandoned() async throws {
        let (bucket, client) = try await bucket("gone")
        let sink = S3BackupSink(bucket: bucket, client: client)
        try await sink.prepare()
        try await sink.write("files/x", [1])
        try await sink.write("templates/y.json", [2])
        await sink.abandon()
        #expect(try await client.listAll(prefix: "").keys.isEmpty)
    }

    @Test("without its manifest the backup is incomplete and refused; a listed file missing is refused too")
    func incomplete() async throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (bucket, client) = try await bucket("b")
        let manifest = try await writer().write(to: S3BackupSink(bucket: bucket, client: client))
        try await client.deleteObject(bucket.key(manifest.files[1].path))
        let missing = await #expect(throws: DeltaError.self) { _ = try await download(bucket, client) }
        #expect(missing?.code == .integrityFailure && missing?.message.contains(manifest.files[1].path) == true)
        try await client.deleteObject(bucket.key(BackupManifest.fileName))
        let error = await #expect(throws: DeltaError.self) { _ = try await download(bucket, client) }
        #expect(error?.code == .notFound && error?.message.contains("incomplete") == true)
    }
}
