import DeltaCore
import Foundation
import Testing
@testable import DeltaStorage

/// Simulates the process dying at every single system call of a write and of a delete
/// (before and after the call takes effect), then opens a new store on the same
/// directory, recovers, and checks that the entity is exactly the old or exactly the
/// new version and that nothing is left behind.
@Suite("FileEntityStore crash safety")
struct FileEntityStoreCrashTests {
    let id = entityID("db", "user:1")

    /// Runs one scenario: `v1` committed by a healthy store (or, if `legacy`, written in
    /// the two-file layout), then `operation` through a store whose file system applies
    /// `fault`. Returns the calls made.
    private func scenario(
        _ directory: TemporaryDirectory, _ fault: FaultInjectingFileSystem.Fault?, legacy: Bool = false,
        _ operation: (FileEntityStore) async throws -> Void
    ) async throws -> [FaultInjectingFileSystem.Call] {
        if legacy {
            try writeLegacy(directory, id, "old")
        } else {
            try await put(try FileEntityStore(root: directory.path, writerID: "healthy"), id, "old")
        }
        let faulty = FaultInjectingFileSystem()
        let store = try FileEntityStore(root: directory.path, writerID: "doomed", fileSystem: faulty)
        faulty.arm(fault)
        try? await operation(store)
        return faulty.calls
    }

    private func write(_ store: FileEntityStore) async throws { try await put(store, id, "new") }
    private func delete(_ store: FileEntityStore) async throws { _ = try await store.delete(id) { _ throws(DeltaError) in } }

    /// The entity's files after recovery, relative to the database directory.
    private func leftovers(_ directory: TemporaryDirectory) -> [String] {
        directory.allFiles().filter { !$0.hasSuffix(".lock") }
    }

    @Test("the write path makes each durable step in order")
    func writePathSteps() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let calls = try await scenario(directory, nil, write).map(\.description)
        let expected = [
            #"open\(.*\.tmp-user%3a1\.doomed-[0-9a-f]+e\)"#, #"write\(.*e\)"#, #"fdatasync\(.*e\)"#,
            #"rename\(.*e -> .*/user%3a1\.entity\)"#, #"open\(.*/db\.db\)"#, #"fsync\(.*/db\.db\)"#,
        ]
        var position = calls.startIndex
        for pattern in expected {
            let regex = try Regex(pattern)
            guard let found = calls[position...].firstIndex(where: { $0.wholeMatch(of: regex) != nil }) else {
                Issue.record("step \(pattern) missing or out of order in \(calls)")
                return
            }
            position = found + 1
        }
        // One atomic replace: no other file is created, renamed or removed.
        #expect(calls.filter { $0.hasPrefix("rename(") || $0.hasPrefix("unlink(") }.count == 1, "\(calls)")
    }

    @Test(
        "a crash at any step of a write (or of converting a legacy entity) leaves exactly the old or the new version",
        arguments: [false, true], [false, true])
    func crashDuringWrite(afterEffect: Bool, legacy: Bool) async throws {
        let reference = TemporaryDirectory()
        let calls = try await scenario(reference, nil, legacy: legacy, write)
        reference.remove()
        let commit = try #require(calls.firstIndex { $0.name == "rename" && $0.path.hasSuffix("user%3a1.entity") })
        for index in calls.indices {
            let directory = TemporaryDirectory()
            defer { directory.remove() }
            _ = try await scenario(directory, .crash(index: index, afterEffect: afterEffect), legacy: legacy, write)
            let committed = afterEffect ? index >= commit : index > commit
            let context = Comment(rawValue: "crash \(afterEffect ? "after" : "before") \(calls[index])")

            let recovered = try FileEntityStore(root: directory.path, writerID: "next")
            try await recovered.recover()
            let entity = try #require(try await recovered.read(id), context)
            #expect(String(decoding: entity.ciphertext, as: UTF8.self) == (committed ? "new" : "old"), context)
            #expect(entity.metadata.version == (committed ? 2 : 1), context)
            // Recovery converted a legacy entity the write did not get to.
            #expect(leftovers(directory) == ["files/db.db/user%3a1.entity"], context)
            // The entity is not stuck: the next write succeeds.
            #expect(try await put(recovered, id, "after").version == (committed ? 3 : 2), context)
        }
    }

    @Test("a crash at any step of a delete leaves the entity whole or gone", arguments: [false, true])
    func crashDuringDelete(afterEffect: Bool) async throws {
        let reference = TemporaryDirectory()
        let calls = try await scenario(reference, nil, delete)
        reference.remove()
        let commit = try #require(calls.firstIndex { $0.name == "unlink" && $0.path.hasSuffix("user%3a1.entity") })
        for index in calls.indices {
            let directory = TemporaryDirectory()
            defer { directory.remove() }
            _ = try await scenario(directory, .crash(index: index, afterEffect: afterEffect), delete)
            let deleted = afterEffect ? index >= commit : index > commit
            let context = Comment(rawValue: "crash \(afterEffect ? "after" : "before") \(calls[index])")

            let recovered = try FileEntityStore(root: directory.path, writerID: "next")
            try await recovered.recover()
            if deleted {
                #expect(try await recovered.read(id) == nil, context)
                #expect(leftovers(directory) == [], context)
                #expect(try await recovered.listDatabases() == [], context)
            } else {
                #expect(try await payload(recovered, id) == "old", context)
                #expect(leftovers(directory) == ["files/db.db/user%3a1.entity"], context)
            }
        }
    }

    @Test("an I/O error at any step of a write is reported and cleaned up without recovery")
    func failureDuringWrite() async throws {
        let reference = TemporaryDirectory()
        let calls = try await scenario(reference, nil, write)
        reference.remove()
        let commit = try #require(calls.firstIndex { $0.name == "rename" && $0.path.hasSuffix("user%3a1.entity") })
        for index in calls.indices {
            let directory = TemporaryDirectory()
            defer { directory.remove() }
            var thrown: (any Error)?
            _ = try await scenario(directory, .fail(index: index, errno: EIO)) { store in
                do { try await write(store) } catch { thrown = error }
            }
            let context = Comment(rawValue: "EIO at \(calls[index])")
            let store = try FileEntityStore(root: directory.path, writerID: "check")
            let text = try await payload(store, id)
            if index < commit {
                #expect((thrown as? DeltaError)?.code == .storageFailure, context)
                #expect(text == "old", context)
                // The failed write removed its own files; the old version is untouched.
                #expect(leftovers(directory) == ["files/db.db/user%3a1.entity"], context)
            } else if index == commit {
                #expect((thrown as? DeltaError)?.code == .storageFailure, context)
                #expect(text == "old", context)
            } else {
                // After the commit point the new version is visible whatever is reported.
                #expect(text == "new", context)
            }
            #expect(!directory.allFiles().contains { $0.contains(".tmp-") }, context)
        }
    }
}
