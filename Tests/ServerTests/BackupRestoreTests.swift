import DeltaCore
import DeltaCrypto
import DeltaStorage
import Foundation
import Testing

@testable import DeltaCluster
@testable import DeltaEngine

/// `BackupWriter` and `BackupRestorer` on real directories: a restore gives back
/// every entity at its version, and refuses a damaged backup or keys that do not
/// decrypt it before it changes anything.
@Suite("Backup and restore")
struct BackupRestoreTests {
    let keyA = SymmetricKey.generate()
    let keyB = SymmetricKey.generate()
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString)").path

    /// A data directory with `count` entities in two databases, written under key `a`; returns its path.
    func dataDirectory(count: Int = 20, key: SymmetricKey? = nil, keyID: String = "a") async throws -> String {
        let root = scratch + "/data"
        let store = try FileEntityStore(root: root, writerID: "test")
        let service = try ClusterFixtures.entityService(
            keys: KeyringHolder(Keyring(activeKeyID: keyID, activeKey: key ?? keyA)), store: store)
        for index in 0..<count {
            _ = try await service.put(database: index % 2 == 0 ? "chat" : "users", body: Array(#"{"k:\#(index)":{"n":\#(index)}}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        }
        _ = try await service.put(database: "chat", body: Array(#"{"k:0":{"n":"second"}}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        try FileManager.default.createDirectory(atPath: root + "/_auth", withIntermediateDirectories: true)
        try Data(#"{"keys":[]}"#.utf8).write(to: URL(fileURLWithPath: root + "/_auth/keys.json"))
        return root
    }

    func backUp(_ root: String) async throws -> String {
        let out = scratch + "/backup"
        let store = try FileEntityStore(root: root, writerID: "test")
        _ = try await BackupWriter(store: store, dataRoot: root, keyStorePath: root + "/_auth/keys.json").write(to: out)
        return out
    }

    func restorer(_ backup: String, _ keyring: Keyring) -> BackupRestorer {
        BackupRestorer(backup: backup, sealer: EntitySealer(keyring: KeyringHolder(keyring), writerID: "restore"))
    }

    @Test("a restored directory serves every entity at its version, with the API keys")
    func roundTrip() async throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let backup = try await backUp(try await dataDirectory())
        let manifest = try BackupManifest.read(backup: backup)
        #expect(manifest.entities == 20 && manifest.files.contains { $0.path == "_auth/keys.json" })
        let target = scratch + "/restored"
        let report = try restorer(backup, Keyring(activeKeyID: "a", activeKey: keyA)).restore(into: target, replacing: false)
        #expect(report.entities == 20 && report.previous == nil)
        let service = try ClusterFixtures.entityService(
            keys: KeyringHolder(Keyring(activeKeyID: "a", activeKey: keyA)), store: try FileEntityStore(root: target, writerID: "t"))
        let first = try await service.get(database: "chat", key: "k:0")
        #expect(first.bytes == Array(#"{"n":"second"}"#.utf8) && first.version == 2)
        #expect(try await service.get(database: "users", key: "k:19").bytes == Array(#"{"n":19}"#.utf8))
        #expect(FileManager.default.fileExists(atPath: target + "/_auth/keys.json"))
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: scratch)).contains { $0.contains(".restoring-") })
    }

    @Test("a flipped byte in one entity file is refused, naming the file, and the target is not created")
    func corruptedBackupRefused() async throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let backup = try await backUp(try await dataDirectory())
        let entry = try #require(try BackupManifest.read(backup: backup).files.first { $0.key == "k:7" })
        let path = backup + "/" + entry.path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
        let target = scratch + "/restored"
        let error = #expect(throws: DeltaError.self) {
            try restorer(backup, Keyring(activeKeyID: "a", activeKey: keyA)).restore(into: target, replacing: false)
        }
        #expect(error?.code == .integrityFailure)
        #expect(error?.message.contains(entry.path) == true && error?.message.contains("checksum") == true)
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: scratch)).contains { $0.contains(".restoring-") })
    }

    @Test("a backup without its manifest or with a missing file is refused before anything is written")
    func incompleteBackupRefused() async throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let backup = try await backUp(try await dataDirectory(count: 4))
        let entry = try #require(try BackupManifest.read(backup: backup).files.first { $0.database != nil })
        try FileManager.default.removeItem(atPath: backup + "/" + entry.path)
        let missing = #expect(throws: DeltaError.self) { try restorer(backup, Keyring(activeKeyID: "a", activeKey: keyA)).verify() }
        #expect(missing?.message.contains("missing '\(entry.path)'") == true)
        try FileManager.default.removeItem(atPath: backup + "/manifest.json")
        let noManifest = #expect(throws: DeltaError.self) { try restorer(backup, Keyring(activeKeyID: "a", activeKey: keyA)).verify() }
        #expect(noManifest?.code == .notFound && noManifest?.message.contains("not a DeltaDatabase backup") == true)
    }

    @Test("a backup taken before a key rotation restores with the old key as a previous key, and not without it")
    func restoresWithPreviousKey() async throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let backup = try await backUp(try await dataDirectory(count: 6))
        let onlyB = #expect(throws: DeltaError.self) {
            try restorer(backup, Keyring(activeKeyID: "b", activeKey: keyB)).restore(into: scratch + "/r1", replacing: false)
        }
        #expect(onlyB?.code == .keyUnavailable && onlyB?.message.contains("key id 'a'") == true)
        #expect(onlyB?.message.contains("-previous-keys-file") == true)
        #expect(!FileManager.default.fileExists(atPath: scratch + "/r1"))
        let rotated = Keyring(activeKeyID: "b", activeKey: keyB, previousKeys: ["a": keyA])
        let report = try restorer(backup, rotated).restore(into: scratch + "/r2", replacing: false)
        #expect(report.entities == 6)
        let service = try ClusterFixtures.entityService(
            keys: KeyringHolder(rotated), store: try FileEntityStore(root: scratch + "/r2", writerID: "t"))
        #expect(try await service.get(database: "users", key: "k:5").bytes == Array(#"{"n":5}"#.utf8))
    }

    @Test("a non-empty target is refused unless replacing; replacing keeps the old contents aside")
    func nonEmptyTarget() async throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let backup = try await backUp(try await dataDirectory(count: 2))
        let target = scratch + "/live"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: target + "/marker"))
        let keyring = Keyring(activeKeyID: "a", activeKey: keyA)
        let refused = #expect(throws: DeltaError.self) { try restorer(backup, keyring).restore(into: target, replacing: false) }
        #expect(refused?.code == .badRequest && refused?.message.contains("-force") == true)
        #expect(FileManager.default.fileExists(atPath: target + "/marker"))
        let report = try restorer(backup, keyring).restore(into: target, replacing: true)
        let previous = try #require(report.previous)
        #expect(FileManager.default.fileExists(atPath: previous + "/marker"))
        #expect(!FileManager.default.fileExists(atPath: target + "/marker"))
        #expect(report.entities == 2)
    }

    @Test("manifest paths that could leave the data directory are refused")
    func unsafePaths() {
        #expect(BackupRestorer.isSafe("files/chat.db/k%3a1.entity"))
        #expect(BackupRestorer.isSafe("_auth/keys.json"))
        for path in ["../etc/passwd", "/etc/passwd", "files/../../x", "files/./a", "manifest.json", "other/x", "files/"] {
            #expect(!BackupRestorer.isSafe(path), "\(path)")
        }
    }
}
