import DeltaCore
import Foundation
import Testing
@testable import DeltaStorage

@Suite("FileEntityStore integrity checks")
struct FileEntityStoreIntegrityTests {
    private func setUp() async throws -> (TemporaryDirectory, FileEntityStore, String) {
        let directory = TemporaryDirectory()
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        try await put(store, entityID("db", "k"), "payload")
        return (directory, store, directory.path + "/files/db.db/")
    }

    @Test("a blob whose size differs from the sidecar fails closed")
    func sizeMismatch() async throws {
        let (directory, store, base) = try await setUp()
        defer { directory.remove() }
        try Data("payloa".utf8).write(to: URL(fileURLWithPath: base + "k.1.json.enc"))
        await expectDeltaError(.integrityFailure) { try await store.read(entityID("db", "k")) }
    }

    @Test("a missing blob fails closed")
    func missingBlob() async throws {
        let (directory, store, base) = try await setUp()
        defer { directory.remove() }
        try FileManager.default.removeItem(atPath: base + "k.1.json.enc")
        await expectDeltaError(.integrityFailure) { try await store.read(entityID("db", "k")) }
    }

    @Test("a sidecar copied onto another key fails closed")
    func movedSidecar() async throws {
        let (directory, store, base) = try await setUp()
        defer { directory.remove() }
        try FileManager.default.copyItem(atPath: base + "k.meta.json", toPath: base + "other.meta.json")
        try FileManager.default.copyItem(atPath: base + "k.1.json.enc", toPath: base + "other.1.json.enc")
        await expectDeltaError(.integrityFailure) { try await store.read(entityID("db", "other")) }
        await expectDeltaError(.integrityFailure) { try await store.readMetadata(entityID("db", "other")) }
    }

    @Test("a corrupt sidecar fails closed, and writes to it are refused")
    func corruptSidecar() async throws {
        let (directory, store, base) = try await setUp()
        defer { directory.remove() }
        try Data("{\"version\": ".utf8).write(to: URL(fileURLWithPath: base + "k.meta.json"))
        let id = entityID("db", "k")
        await expectDeltaError(.integrityFailure) { try await store.read(id) }
        await expectDeltaError(.integrityFailure) { try await put(store, id, "new") }
        // Recovery does not touch data it cannot interpret.
        _ = try await store.recover()
        #expect(FileManager.default.fileExists(atPath: base + "k.1.json.enc"))
    }

    @Test("readers racing a writer always see a complete, matching version")
    func readersDuringWrites() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        let reader = try FileEntityStore(root: directory.path, writerID: "r1")
        let id = entityID("db", "hot")
        try await put(store, id, "1")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for _ in 2...40 {
                    try await store.write(id) { current throws(DeltaError) in
                        nextEntity(id, after: current, payload: Array(String((current?.version ?? 0) + 1).utf8))
                    }
                }
            }
            for _ in 0..<2 {
                group.addTask {
                    for _ in 0..<150 {
                        let entity = try #require(try await reader.read(id))
                        #expect(String(decoding: entity.ciphertext, as: UTF8.self) == String(entity.metadata.version))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.readMetadata(id)?.version == 40)
    }
}
