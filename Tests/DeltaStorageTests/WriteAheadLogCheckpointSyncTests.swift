import DeltaCore
import Testing
@testable import DeltaStorage

/// Entity files written from the log are not synced one by one: the checkpoint
/// syncs the file system once, and only then records its LSN and deletes segments.
/// (The fault-injecting file system cannot lose unsynced data, so this checks the
/// order of the steps; the crash suites check what a new store reads after them.)
@Suite("Write-ahead log checkpoint sync")
struct WriteAheadLogCheckpointSyncTests {
    @Test("materialised entity files are synced once by the checkpoint, before it retires anything")
    func oneSyncBeforeRetiring() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let files = FaultInjectingFileSystem()
        let store = try logOnlyStore(directory, fileSystem: files, options: WriteAheadLog.Options(segmentBytes: 512, materializes: false))
        for index in 0..<6 { _ = try await put(store, entityID("db", "k\(index)"), "value \(index)") }
        files.arm(nil)
        try await store.checkpoint()
        let calls = files.calls

        let entityRenames = calls.indices.filter { calls[$0].name == "rename" && calls[$0].path.hasSuffix(".entity") }
        #expect(entityRenames.count == 6, "every entity written out: \(calls)")
        // No per-file data or directory sync for them: one syncfs covers them all.
        let entityTemps = Set(calls.filter { $0.name == "rename" && $0.path.hasSuffix(".entity") }
            .map { String($0.path.split(separator: " ").first!) })
        #expect(!calls.contains { $0.name == "fdatasync" && entityTemps.contains($0.path) })
        #expect(!calls.contains { $0.name == "fsync" && $0.path.contains("/files/") })

        let syncs = calls.indices.filter { calls[$0].name == "syncfs" }
        let retirements = calls.indices.filter {
            (calls[$0].name == "unlink" && calls[$0].path.hasSuffix(".log"))
                || (calls[$0].name == "rename" && calls[$0].path.hasSuffix("/_wal/checkpoint"))
        }
        #expect(syncs.count == 1 && !retirements.isEmpty, "\(calls)")
        let sync = try #require(syncs.first)
        #expect(entityRenames.allSatisfy { $0 < sync })
        #expect(retirements.allSatisfy { $0 > sync }, "the checkpoint retired records before syncing the files: \(calls)")
        try await store.close()
    }
}
