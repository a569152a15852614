import DeltaCore
import Foundation
import Synchronization
import Testing
@testable import DeltaStorage

/// The process dies (or the disk fails) while writers group-commit, while entity
/// files are written in the background, or during a checkpoint; a new store on the
/// directory must serve every acknowledged write, and no entity may be torn.
@Suite("Write-ahead log crash safety")
struct WriteAheadLogCrashTests {
    static let keys = (0..<8).map { "k\($0)" }

    /// Version 1 of every key in the entity files; then 8 concurrent writers, one per
    /// key, write versions 2...6 through a logged store on `files` (materialising in
    /// the background, small segments so checkpoints happen). Returns the newest
    /// acknowledged version per key and the calls made until then.
    private func writeConcurrently(
        _ directory: TemporaryDirectory, _ files: FaultInjectingFileSystem, _ fault: FaultInjectingFileSystem.Fault?
    ) async throws -> (acknowledged: [String: UInt64], calls: [FaultInjectingFileSystem.Call]) {
        let plain = try FileEntityStore(root: directory.path, writerID: "setup")
        for key in Self.keys { try await put(plain, entityID("db", key), "\(key)-v1") }
        let acknowledged = Acknowledged()
        var calls: [FaultInjectingFileSystem.Call] = []
        do {
            let store = try logOnlyStore(
                directory, fileSystem: files, options: WriteAheadLog.Options(segmentBytes: 1024, materializerThreads: 2, materializeDelay: .zero))
            files.arm(fault)
            await withTaskGroup(of: Void.self) { group in
                for key in Self.keys {
                    group.addTask {
                        for _ in 2...6 {
                            let id = entityID("db", key)
                            guard let written = try? await store.write(id, { current throws(DeltaError) in
                                nextEntity(id, after: current, payload: Array("\(key)-v\((current?.version ?? 0) + 1)".utf8))
                            }) else { return }
                            acknowledged.versions.withLock { $0[key] = written.version }
                        }
                    }
                }
            }
            calls = files.calls
            // The "process" dies here if it has not already: nothing more reaches the disk.
            files.arm(.crash(index: 0, afterEffect: false))
            _ = try? await store.read(entityID("db", "after-the-crash"))
        }
        return (acknowledged.versions.withLock { $0 }, calls)
    }

    private final class Acknowledged: Sendable {
        let versions = Mutex([String: UInt64]())
    }

    /// Every key reads back whole, at its newest acknowledged version or later.
    private func verify(_ directory: TemporaryDirectory, _ acknowledged: [String: UInt64], _ context: Comment) async throws {
        do {
            // Closed at the end of this block: its background writer may be between a
            // checkpoint's temp file and its rename while it is open.
            let reopened = try logOnlyStore(directory, options: WriteAheadLog.Options())
            for key in Self.keys {
                let entity = try #require(try await reopened.read(entityID("db", key)), context)
                #expect(entity.metadata.version >= acknowledged[key] ?? 1, "\(key): \(context)")
                #expect(String(decoding: entity.ciphertext, as: UTF8.self) == "\(key)-v\(entity.metadata.version)", "\(key): \(context)")
            }
            try await reopened.checkpoint()
            try await reopened.recover()
        }
        let files = try FileEntityStore(root: directory.path, writerID: "check")
        for key in Self.keys {
            let entity = try #require(try await files.read(entityID("db", key)), context)
            #expect(String(decoding: entity.ciphertext, as: UTF8.self) == "\(key)-v\(entity.metadata.version)", context)
        }
        let temps = directory.allFiles().filter { $0.contains(".tmp-") }
        #expect(temps.isEmpty, "\(context): \(temps)")
    }

    @Test("a crash at any step of group commits, background writes and checkpoints loses no acknowledged write", arguments: [false, true])
    func crashWhileWriting(afterEffect: Bool) async throws {
        let reference = TemporaryDirectory()
        let (all, calls) = try await writeConcurrently(reference, FaultInjectingFileSystem(), nil)
        reference.remove()
        #expect(all == Dictionary(uniqueKeysWithValues: Self.keys.map { ($0, 6) }))
        let count = calls.count
        var interrupted = 0
        // Threads interleave differently in every run, so each index is some step, not the same one.
        for index in stride(from: 0, to: count, by: max(1, count / 30)) {
            let directory = TemporaryDirectory()
            defer { directory.remove() }
            let files = FaultInjectingFileSystem()
            let (acknowledged, made) = try await writeConcurrently(directory, files, .crash(index: index, afterEffect: afterEffect))
            let step = made.count > index ? made[index].description : "?"
            try await verify(directory, acknowledged, Comment(rawValue: "crash \(afterEffect ? "after" : "before") #\(index) \(step)"))
            if acknowledged != all { interrupted += 1 }
        }
        // Most crash points fall while writers still wait for acknowledgements.
        #expect(interrupted > 5)
    }

    @Test("a failed log flush fails its writers and every later write; a restart serves every acknowledged write")
    func failedFlush() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        do {
            let files = FaultInjectingFileSystem()
            let store = try logOnlyStore(directory, fileSystem: files)
            try await put(store, entityID("db", "a"), "a1")
            files.arm(.failFirst(name: "fdatasync", pathSuffix: ".log", errno: EIO))
            await expectDeltaError(.storageFailure) { try await put(store, entityID("db", "a"), "a2") }
            let refused = await expectDeltaError(.storageFailure) { try await put(store, entityID("db", "b"), "b1") }
            #expect(refused?.message.contains("restarted") == true, "\(String(describing: refused))")
            #expect(try await payload(store, entityID("db", "a")) == "a1")
        }
        let reopened = try logOnlyStore(directory)
        // The failed write's record reached the file before its flush failed, so it may be
        // back: whole, as the next version. Never torn, never anything else.
        let text = try await payload(reopened, entityID("db", "a"))
        #expect(text == "a1" || text == "a2")
        #expect(try await reopened.read(entityID("db", "b")) == nil)
        #expect(try await put(reopened, entityID("db", "b"), "b1").version == 1)
    }

    @Test("a crash at any step of a checkpoint leaves a log that replays to every acknowledged write", arguments: [false, true])
    func crashDuringCheckpoint(afterEffect: Bool) async throws {
        func prepare(_ directory: TemporaryDirectory) async throws {
            let plain = try FileEntityStore(root: directory.path, writerID: "setup")
            try await put(plain, entityID("db", "updated"), "old")
            try await put(plain, entityID("db", "deleted"), "old")
            try await writeWithoutClosing(directory) { store in
                try await put(store, entityID("db", "updated"), "new")
                _ = try await store.delete(entityID("db", "deleted")) { _ throws(DeltaError) in }
                for index in 0..<3 { try await put(store, entityID("db", "n\(index)"), String(repeating: "n", count: 300)) }
            }
        }
        func check(_ store: FileEntityStore, _ context: Comment) async throws {
            #expect(try await payload(store, entityID("db", "updated")) == "new", context)
            #expect(try await store.read(entityID("db", "deleted")) == nil, context)
            #expect(try await allKeys(store, "db") == ["n0", "n1", "n2", "updated"], context)
        }
        let reference = TemporaryDirectory()
        try await prepare(reference)
        let calls = FaultInjectingFileSystem()
        do {
            let store = try logOnlyStore(reference, fileSystem: calls, options: WriteAheadLog.Options(segmentBytes: 600, materializes: false))
            calls.arm(nil)
            try await store.checkpoint()
        }
        reference.remove()
        for index in calls.calls.indices {
            let directory = TemporaryDirectory()
            defer { directory.remove() }
            try await prepare(directory)
            let context = Comment(rawValue: "crash \(afterEffect ? "after" : "before") \(calls.calls[index])")
            do {
                let files = FaultInjectingFileSystem()
                let store = try logOnlyStore(directory, fileSystem: files, options: WriteAheadLog.Options(segmentBytes: 600, materializes: false))
                files.arm(.crash(index: index, afterEffect: afterEffect))
                try? await store.checkpoint()
            }
            let reopened = try logOnlyStore(directory)
            try await check(reopened, context)
            try await reopened.checkpoint()
            try await check(try FileEntityStore(root: directory.path, writerID: "files"), context)
        }
    }
}

extension WriteAheadLogCrashTests {
    @Test("an entity file that cannot be written keeps its record in the log while others are checkpointed")
    func failedMaterialisationKeepsRecord() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try await put(try FileEntityStore(root: directory.path, writerID: "setup"), entityID("db", "k"), "old")
        try await writeWithoutClosing(directory) { (store: FileEntityStore) async throws in
            try await put(store, entityID("db", "k"), "new")
            try await put(store, entityID("db", "j"), "j")
        }
        do {
            let files = FaultInjectingFileSystem()
            let store = try logOnlyStore(directory, fileSystem: files, options: WriteAheadLog.Options(segmentBytes: 1, materializes: false))
            files.arm(.failFirst(name: "rename", pathSuffix: "/k.entity", errno: EIO))
            await expectDeltaError(.storageFailure) { try await store.checkpoint() }
            #expect(try await payload(store, entityID("db", "j")) == "j")
            #expect(store.log?.snapshot.logOnlyEntities == 1)
            // The process dies before anything retries k.
            files.arm(.crash(index: 0, afterEffect: false))
        }
        let reopened = try logOnlyStore(directory)
        #expect(try await payload(reopened, entityID("db", "k")) == "new")
        #expect(try await payload(reopened, entityID("db", "j")) == "j")
    }
}
