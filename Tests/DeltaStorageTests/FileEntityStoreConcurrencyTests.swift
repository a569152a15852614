import DeltaCore
import Foundation
import Synchronization
import Testing
@testable import DeltaStorage

@Suite("FileEntityStore concurrency")
struct FileEntityStoreConcurrencyTests {
    @Test("50 concurrent writes from two stores on one directory lose no update")
    func noLostUpdates() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // Two stores share no in-process lock, so only flock serialises them — as for
        // two processes on one shared directory.
        let stores = [
            try FileEntityStore(root: directory.path, writerID: "p1"),
            try FileEntityStore(root: directory.path, writerID: "p2"),
        ]
        let id = entityID("db", "counter")
        let versions = try await withThrowingTaskGroup(of: UInt64.self) { group in
            for index in 0..<50 {
                group.addTask {
                    try await stores[index % 2].write(id) { current throws(DeltaError) in
                        // The payload is a counter built from what this writer saw.
                        let count = (current?.version ?? 0) + 1
                        return nextEntity(id, after: current, payload: Array("count=\(count)".utf8))
                    }.version
                }
            }
            return try await group.reduce(into: [UInt64]()) { $0.append($1) }
        }
        #expect(versions.sorted() == Array(1...50))
        let final = try #require(try await stores[0].read(id))
        #expect(final.metadata.version == 50)
        #expect(String(decoding: final.ciphertext, as: UTF8.self) == "count=50")
        #expect(directory.allFiles() == ["files/db.db/counter.entity", "files/db.db/counter.lock"])
    }

    @Test("concurrent writes and deletes of many keys leave a consistent directory")
    func writesAndDeletes() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let first = try FileEntityStore(root: directory.path, writerID: "p1")
        let second = try FileEntityStore(root: directory.path, writerID: "p2")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    let store = index % 2 == 0 ? first : second
                    let id = entityID("db", "key-\(index % 5)")
                    if index % 3 == 0 {
                        _ = try await store.delete(id) { _ throws(DeltaError) in }
                    } else {
                        try await put(store, id, "v")
                    }
                }
            }
            try await group.waitForAll()
        }
        let keys = try await allKeys(first, "db")
        for key in keys {
            let entity = try #require(try await second.read(entityID("db", key)))
            #expect(entity.ciphertext == Array("v".utf8))
        }
        // Exactly one entity file per existing entity, no temp files, no orphans.
        let files = directory.allFiles().filter { !$0.hasSuffix(".lock") }
        #expect(files.count == keys.count)
        #expect(!files.contains { $0.contains(".tmp-") })
        #expect(try await first.recover() == RecoveryReport())
    }

    @Test("a lock held by another process makes the writer wait")
    func flockExcludesOtherProcesses() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "p1")
        let id = entityID("db", "shared")
        try await put(store, id, "v1")
        let lockPath = directory.path + "/files/db.db/shared.lock"

        // flock(1) takes the lock, says so, and holds it until we close its stdin.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--exclusive", lockPath, "sh", "-c", "echo locked; read line"]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        let announcement = output.fileHandleForReading.availableData
        #expect(String(decoding: announcement, as: UTF8.self) == "locked\n")

        let finished = Observed<Bool>(false)
        let writer = Task {
            let metadata = try await put(store, id, "v2")
            finished.set(true)
            return metadata
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(finished.value == false)  // still waiting for the other process
        #expect(try await payload(store, id) == "v1")
        try input.fileHandleForWriting.close()  // the other process exits and releases
        let metadata = try await writer.value
        #expect(metadata.version == 2)
        #expect(finished.value == true)
        holder.waitUntilExit()
    }
}
