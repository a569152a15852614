import DeltaCore
import Foundation
import Testing
@testable import DeltaStorage

@Suite("FileEntityStore recovery")
struct FileEntityStoreRecoveryTests {
    @Test("recover removes temp files and orphaned blobs and keeps committed data")
    func removesLeftovers() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        try await put(store, entityID("db", "k"), "v1")
        try await put(store, entityID("db", "k"), "v2")
        try await put(store, entityID("db", "other"), "x")
        let base = directory.path + "/files/db.db/"
        for name in [".tmp-k.w1-abcb", ".tmp-k.w1-abcm", "k.1.json.enc", "k.3.json.enc", "gone.4.json.enc", ".tmp-gone.w9-1b"] {
            FileManager.default.createFile(atPath: base + name, contents: Data("junk".utf8))
        }
        let report = try await store.recover()
        #expect(report == RecoveryReport(removedTempFiles: 3, removedOrphanBlobs: 3, skippedBusyEntities: 0))
        #expect(directory.allFiles() == [
            "files/db.db/k.entity", "files/db.db/k.lock", "files/db.db/other.entity", "files/db.db/other.lock",
        ])
        #expect(try await payload(store, entityID("db", "k")) == "v2")
        // Nothing left: a second pass finds nothing.
        #expect(try await store.recover() == RecoveryReport())
    }

    @Test("recover skips an entity whose lock another writer holds")
    func skipsBusyEntities() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        let id = entityID("db", "busy")
        try await put(store, id, "v1")
        let temp = directory.path + "/files/db.db/.tmp-busy.w2-1b"
        FileManager.default.createFile(atPath: temp, contents: Data("in progress".utf8))
        // Another "process" is in the middle of writing this entity.
        let fd = open(directory.path + "/files/db.db/busy.lock", O_RDWR)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX) == 0)
        let report = try await store.recover()
        #expect(report.skippedBusyEntities == 1)
        #expect(FileManager.default.fileExists(atPath: temp))
        close(fd)
        #expect(try await store.recover().removedTempFiles == 1)
        #expect(!FileManager.default.fileExists(atPath: temp))
    }

    @Test("a blob left without a sidecar (an interrupted delete or first write) is removed; clean entities are not opened")
    func loneBlobAndCleanEntities() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let files = FaultInjectingFileSystem()
        let store = try FileEntityStore(root: directory.path, writerID: "w1", fileSystem: files)
        for key in ["a", "b", "c"] { try await put(store, entityID("db", key), "doc \(key)") }
        try await put(store, entityID("db", "b"), "doc b, second version")
        let base = directory.path + "/files/db.db/"
        FileManager.default.createFile(atPath: base + "lone.7.json.enc", contents: Data("ciphertext".utf8))

        files.arm(nil)
        let report = try await store.recover()
        #expect(report == RecoveryReport(removedTempFiles: 0, removedOrphanBlobs: 1, skippedBusyEntities: 0))
        #expect(!FileManager.default.fileExists(atPath: base + "lone.7.json.enc"))
        // A clean directory costs a scan of names: no clean entity's file was opened.
        let opened = files.calls.filter { $0.name == "open" }.map { String($0.path.split(separator: "/").last ?? "") }
        #expect(opened.contains("lone.entity"))
        #expect(!opened.contains { name in ["a.", "b.", "c."].contains { name.hasPrefix($0) } }, "opened: \(opened)")
        for key in ["a", "c"] { #expect(try await payload(store, entityID("db", key)) == "doc \(key)") }
        #expect(try await payload(store, entityID("db", "b")) == "doc b, second version")
    }

    @Test("a clean directory is read once; leftovers cost one more read of their directory only")
    func cleanDirectoriesAreReadOnce() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let files = FaultInjectingFileSystem()
        let store = try FileEntityStore(root: directory.path, writerID: "w1", fileSystem: files)
        for key in (0..<20).map({ "k\($0)" }) { try await put(store, entityID("clean", key), key) }
        for key in (0..<20).map({ "k\($0)" }) { try await put(store, entityID("dirty", key), key) }
        FileManager.default.createFile(
            atPath: directory.path + "/files/dirty.db/.tmp-k3.w9-1m", contents: Data("partial".utf8))

        files.arm(nil)
        #expect(try await store.recover() == RecoveryReport(removedTempFiles: 1, removedOrphanBlobs: 0, skippedBusyEntities: 0))
        let reads = files.calls.filter { $0.name == "listDirectory" }.map { String($0.path.split(separator: "/").last ?? "") }
        #expect(reads.filter { $0 == "clean.db" }.count == 1, "\(reads)")
        #expect(reads.filter { $0 == "dirty.db" }.count == 2, "\(reads)")
        #expect(try await payload(store, entityID("dirty", "k3")) == "k3")
    }

    @Test("a sidecar whose only blob has another version is left alone: recovery never deletes the only copy")
    func mismatchedLoneBlobIsKept() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        try writeLegacy(directory, entityID("db", "k"), "v1")
        let base = directory.path + "/files/db.db/"
        // Damage from outside (no write of ours does this): the blob is renamed away.
        try FileManager.default.moveItem(atPath: base + "k.1.json.enc", toPath: base + "k.9.json.enc")
        #expect(try await store.recover() == RecoveryReport())
        #expect(FileManager.default.fileExists(atPath: base + "k.9.json.enc"))
    }

    @Test("entities in the two-file layout are converted to one entity file, and mixed directories read alike")
    func convertsLegacyEntities() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        try writeLegacy(directory, entityID("db", "old"), "legacy", version: 3)
        try writeLegacy(directory, entityID("db", "user:2"), "legacy 2")
        try await put(store, entityID("db", "new"), "current")
        // Mixed: both layouts read, list and version alike before any conversion.
        #expect(try await payload(store, entityID("db", "old")) == "legacy")
        #expect(try await store.readMetadata(entityID("db", "old"))?.version == 3)
        #expect(try await allKeys(store, "db") == ["new", "old", "user:2"])
        let report = try await store.recover()
        #expect(report == RecoveryReport(convertedEntities: 2))
        #expect(directory.allFiles() == [
            "files/db.db/new.entity", "files/db.db/new.lock", "files/db.db/old.entity", "files/db.db/old.lock",
            "files/db.db/user%3a2.entity", "files/db.db/user%3a2.lock",
        ])
        let converted = try #require(try await store.read(entityID("db", "old")))
        #expect(converted.metadata.version == 3)
        #expect(converted.ciphertext == Array("legacy".utf8))
        #expect(try await store.recover() == RecoveryReport())
    }

    @Test("a write converts a legacy entity; legacy files left next to an entity file are hidden, then removed")
    func convertOnWriteAndStaleSidecar() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        try writeLegacy(directory, entityID("db", "k"), "legacy", version: 4)
        #expect(try await put(store, entityID("db", "k"), "next").version == 5)
        #expect(directory.allFiles() == ["files/db.db/k.entity", "files/db.db/k.lock"])
        // A conversion interrupted after its commit: the old sidecar and blob are still there.
        try writeLegacy(directory, entityID("db", "k"), "stale", version: 4)
        #expect(try await payload(store, entityID("db", "k")) == "next")
        #expect(try await allKeys(store, "db") == ["k"])
        #expect(try await store.recover() == RecoveryReport(removedOrphanBlobs: 1, removedStaleSidecars: 1))
        #expect(directory.allFiles() == ["files/db.db/k.entity", "files/db.db/k.lock"])
        // A delete removes a stale sidecar first, so the old version cannot come back.
        try writeLegacy(directory, entityID("db", "k"), "stale", version: 4)
        #expect(try await store.delete(entityID("db", "k")) { _ throws(DeltaError) in })
        #expect(try await store.read(entityID("db", "k")) == nil)
        #expect(directory.allFiles() == ["files/db.db/k.4.json.enc"])
        #expect(try await store.recover() == RecoveryReport(removedOrphanBlobs: 1))
    }
}
