import DeltaCore
import Foundation
import Testing
@testable import DeltaStorage

/// Entities whose newest state is only in the log are read, listed and deleted as
/// if they were in their files, before and after a restart.
@Suite("Write-ahead log visibility and replay")
struct WriteAheadLogVisibilityTests {
    @Test("log-only puts and deletes are seen by reads, listings and deletes, and nothing is in the files yet")
    func logOnlyEntities() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // Two entities in the files first, then changed through the log only.
        do {
            let plain = try FileEntityStore(root: directory.path, writerID: "w")
            try await put(plain, entityID("db", "a"), "file a")
            try await put(plain, entityID("gone", "x"), "file x")
        }
        let store = try logOnlyStore(directory)
        try await put(store, entityID("db", "a"), "log a")
        try await put(store, entityID("db", "b"), "log b")
        let seen = Observed<EntityMetadata?>()
        #expect(try await store.delete(entityID("gone", "x")) { current throws(DeltaError) in seen.set(current) })
        #expect(seen.value??.version == 1)
        #expect(try await payload(store, entityID("db", "a")) == "log a")
        #expect(try await store.readMetadata(entityID("db", "a"))?.version == 2)
        #expect(try await store.read(entityID("gone", "x")) == nil)
        #expect(try await allKeys(store, "db") == ["a", "b"])
        #expect(try await allKeys(store, "gone") == [])
        #expect(try await store.listDatabases() == ["db"])
        // A log-only entity can be deleted, and a deleted one written again from version 1.
        #expect(try await store.delete(entityID("db", "b")) { _ throws(DeltaError) in })
        #expect(try await store.delete(entityID("db", "b")) { _ throws(DeltaError) in } == false)
        #expect(try await put(store, entityID("gone", "x"), "again").version == 1)
        // The files still hold the old state.
        let files = try FileEntityStore(root: directory.path, writerID: "reader")
        #expect(try await payload(files, entityID("db", "a")) == "file a")
        #expect(try await payload(files, entityID("gone", "x")) == "file x")
        #expect(try await store.log?.snapshot.logOnlyEntities == 3)
    }

    @Test("a restart replays the log before serving: every acknowledged write and delete is seen")
    func replay() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try await writeWithoutClosing(directory) { store in
            for version in 1...3 { try await put(store, entityID("db", "k"), "v\(version)") }
            try await put(store, entityID("db", "deleted"), "x")
            _ = try await store.delete(entityID("db", "deleted")) { _ throws(DeltaError) in }
        }
        let reopened = try logOnlyStore(directory)
        #expect(try await payload(reopened, entityID("db", "k")) == "v3")
        #expect(try await reopened.readMetadata(entityID("db", "k"))?.version == 3)
        #expect(try await reopened.read(entityID("db", "deleted")) == nil)
        #expect(try await allKeys(reopened, "db") == ["k"])
        #expect(try await put(reopened, entityID("db", "k"), "v4").version == 4)
    }

    @Test("a checkpoint writes entity files and retires the segments they cover; a clean close leaves no log")
    func checkpointRetiresSegments() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try logOnlyStore(directory, options: WriteAheadLog.Options(segmentBytes: 512, materializes: false))
            for index in 0..<20 { try await put(store, entityID("db", "k\(index)"), String(repeating: "x", count: 100)) }
            let log = try #require(store.log)
            #expect(log.snapshot.segments.count > 3)
            try await store.checkpoint()
            #expect(log.snapshot.segments.count == 1, "only the segment still open for appends remains")
            #expect(log.snapshot.checkpoint == 20)
            #expect(log.snapshot.logOnlyEntities == 0)
            let files = try FileEntityStore(root: directory.path, writerID: "reader")
            #expect(try await allKeys(files, "db").count == 20)
        }
        // Released: the last segment is retired too, so start-up replays nothing.
        #expect(directory.allFiles().filter { $0.hasPrefix("_wal/") } == ["_wal/checkpoint"])
        let reopened = try logOnlyStore(directory)
        #expect(reopened.log?.snapshot.applied == 20)
        #expect(try await put(reopened, entityID("db", "k0"), "next").version == 2)
    }

    @Test("the background writer materialises entities without being asked, after a delay")
    func backgroundMaterialisation() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let claim = try DirectoryClaim(root: directory.path, mode: .exclusive, conflict: "test")
        let store = try FileEntityStore(root: directory.path, writerID: "w", claim: claim)
        let started = ContinuousClock.now
        for index in 0..<10 { try await put(store, entityID("db", "k\(index)"), "v\(index)") }
        let log = try #require(store.log)
        if ContinuousClock.now - started < .milliseconds(500) {
            #expect(log.snapshot.logOnlyEntities == 10, "written out before the delay")
        }
        let deadline = Date().addingTimeInterval(20)
        while log.snapshot.logOnlyEntities > 0, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(log.snapshot.logOnlyEntities == 0)
        let files = try FileEntityStore(root: directory.path, writerID: "reader")
        #expect(try await payload(files, entityID("db", "k7")) == "v7")
    }
}

/// Runs `body` on a log-only store and then abandons the store the way a killed
/// process would: its log is not checkpointed on release (the file system refuses
/// every call from then on, as for a dead process).
func writeWithoutClosing(_ directory: TemporaryDirectory, _ body: (FileEntityStore) async throws -> Void) async throws {
    let files = FaultInjectingFileSystem()
    let store = try logOnlyStore(directory, fileSystem: files)
    try await body(store)
    files.arm(.crash(index: 0, afterEffect: false))
    _ = try? await store.read(entityID("db", "crash-now"))
}
