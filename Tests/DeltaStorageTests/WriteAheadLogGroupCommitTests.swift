import DeltaCore
import Foundation
import Synchronization
import Testing
@testable import DeltaStorage

@Suite("Write-ahead log group commit")
struct WriteAheadLogGroupCommitTests {
    @Test("writers that queue while a flush runs share the next flush")
    func sharedFlush() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let files = FaultInjectingFileSystem()
        let store = try logOnlyStore(directory, fileSystem: files)
        let log = try #require(store.log)
        let writers = 32
        // Hold the first flush until every other writer has queued behind it.
        let held = Mutex(false)
        files.beforeEachCall { call in
            guard call.name == "fdatasync", call.path.hasSuffix(".log") else { return }
            let first = held.withLock { wasHeld in
                defer { wasHeld = true }
                return !wasHeld
            }
            guard first else { return }
            let deadline = Date().addingTimeInterval(10)
            // Every writer has its record in this flush or queued for the next.
            while log.snapshot.assigned < UInt64(writers), Date() < deadline { usleep(1_000) }
        }
        files.arm(nil)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<writers {
                group.addTask { try await put(store, entityID("db", "key-\(index)"), "value \(index)") }
            }
            try await group.waitForAll()
        }
        let logFlushes = files.calls.filter { $0.name == "fdatasync" && $0.path.hasSuffix(".log") }
        // Two flushes: the held one and the one all the queued writers share. One, if
        // a loaded machine started the flusher only after every writer had appended.
        #expect((1...2).contains(logFlushes.count), "\(logFlushes.count) flushes for \(writers) writers")
        #expect(log.snapshot.applied == UInt64(writers))
        #expect(log.snapshot.flushes == logFlushes.count)
        // No entity file was written: every write was acknowledged from the log alone.
        #expect(!files.calls.contains { $0.path.contains("/files/db.db/") && $0.name == "rename" })
        for index in 0..<writers {
            #expect(try await payload(store, entityID("db", "key-\(index)")) == "value \(index)")
        }
    }

    @Test("many concurrent writers of one entity and of many lose no update, and need far fewer flushes than writes")
    func concurrentWriters() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let files = FaultInjectingFileSystem()
        let store = try FileEntityStore(
            root: directory.path, writerID: "w", claim: nil, fileSystem: files, logOptions: WriteAheadLog.Options())
        files.arm(nil)
        let counter = entityID("db", "counter")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<64 {
                group.addTask {
                    try await store.write(counter) { current throws(DeltaError) in
                        nextEntity(counter, after: current, payload: Array("count=\((current?.version ?? 0) + 1)".utf8))
                    }
                    try await put(store, entityID("db", "k\(index % 16)"), "v")
                }
            }
            try await group.waitForAll()
        }
        #expect(try await payload(store, counter) == "count=64")
        #expect(try await store.readMetadata(counter)?.version == 64)
        let logFlushes = files.calls.filter { $0.name == "fdatasync" && $0.path.hasSuffix(".log") }.count
        #expect(logFlushes < 128)
        try await store.checkpoint()
        // Checkpointed: the files hold the newest versions.
        let reopenedDirectory = directory
        let plain = try FileEntityStore(root: reopenedDirectory.path, writerID: "reader")
        #expect(try await payload(plain, counter) == "count=64")
        #expect(try await allKeys(plain, "db").count == 17)
    }
}
