import DeltaCore
import Foundation
import Testing
@testable import DeltaStorage

/// A write-ahead log must never be the only copy of acknowledged writes once its
/// server is gone: a stopping server writes it out (`close()`), and a shared-mode
/// process writes out a log a killed server left behind before it serves anything.
@Suite("Write-ahead log left behind")
struct WriteAheadLogLeftoverTests {
    private func segments(_ directory: TemporaryDirectory) -> [String] {
        directory.allFiles().filter { $0.hasPrefix("_wal/") && $0.hasSuffix(".log") }
    }

    private func sharedStore(_ directory: TemporaryDirectory) throws -> FileEntityStore {
        let claim = try DirectoryClaim(root: directory.path, mode: .shared, conflict: "a test holds it")
        return try FileEntityStore(root: directory.path, writerID: "shared-writer", claim: claim)
    }

    @Test("a shared-mode process after a killed logged server reads every acknowledged write, and its own writes survive the next logged start")
    func killedServer() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try await writeWithoutClosing(directory) { store in
            _ = try await put(store, entityID("db", "changed"), "v1")
            _ = try await put(store, entityID("db", "deleted"), "gone soon")
            try await store.checkpoint()  // both in their entity files
            _ = try await put(store, entityID("db", "changed"), "v2")
            _ = try await put(store, entityID("db", "new"), "only in the log")
            #expect(try await store.delete(entityID("db", "deleted")) { _ in })
        }
        #expect(!segments(directory).isEmpty, "the killed store left no log: the test proves nothing")

        let shared = try sharedStore(directory)
        #expect(!shared.writesAheadToLog)
        #expect(try await payload(shared, entityID("db", "changed")) == "v2")
        #expect(try await payload(shared, entityID("db", "new")) == "only in the log")
        #expect(try await payload(shared, entityID("db", "deleted")) == nil)
        #expect(segments(directory).isEmpty, "the log was written out but not retired")
        #expect(try await put(shared, entityID("db", "changed"), "v3").version == 3)
        _ = consume shared

        // Had the old log stayed, the next logged start would replay v2 over v3.
        let claim = try DirectoryClaim(root: directory.path, mode: .exclusive, conflict: "a test holds it")
        let logged = try FileEntityStore(root: directory.path, writerID: "test-writer", claim: claim)
        #expect(try await payload(logged, entityID("db", "changed")) == "v3")
        #expect(try await allKeys(logged, "db") == ["changed", "new"])
    }

    @Test("close() writes the log out to entity files, and later writes are refused")
    func close() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try logOnlyStore(directory)
        _ = try await put(store, entityID("db", "k"), "kept")
        #expect(!segments(directory).isEmpty)
        #expect(!directory.allFiles().contains { $0.hasSuffix(".entity") })

        try await store.close()
        #expect(segments(directory).isEmpty)
        #expect(directory.allFiles().contains { $0.hasSuffix("k.entity") })
        _ = await expectDeltaError(.storageFailure) { _ = try await put(store, entityID("db", "k"), "after close") }
        try await store.close()  // a second close does nothing

        let reopened = try sharedStore(directory)
        #expect(try await payload(reopened, entityID("db", "k")) == "kept")
    }

    @Test("a shared-mode store on a directory that never had a log creates none")
    func noLog() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try sharedStore(directory)
        _ = try await put(store, entityID("db", "k"), "v1")
        #expect(!directory.allFiles().contains { $0.hasPrefix("_wal/") })
        try await store.close()
        #expect(try await payload(store, entityID("db", "k")) == "v1")
    }
}
