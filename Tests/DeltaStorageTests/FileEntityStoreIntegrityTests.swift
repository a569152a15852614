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

    @Test("an entity file whose ciphertext is shorter or longer than its header says fails closed")
    func sizeMismatch() async throws {
        let (directory, store, base) = try await setUp()
        defer { directory.remove() }
        let file = try Data(contentsOf: URL(fileURLWithPath: base + "k.entity"))
        for damaged in [file.dropLast(), file + Data("x".utf8)] {
            try damaged.write(to: URL(fileURLWithPath: base + "k.entity"))
            await expectDeltaError(.integrityFailure) { try await store.read(entityID("db", "k")) }
        }
    }

    @Test("an entity file copied onto another key fails closed")
    func movedEntityFile() async throws {
        let (directory, store, base) = try await setUp()
        defer { directory.remove() }
        try FileManager.default.copyItem(atPath: base + "k.entity", toPath: base + "other.entity")
        await expectDeltaError(.integrityFailure) { try await store.read(entityID("db", "other")) }
        await expectDeltaError(.integrityFailure) { try await store.readMetadata(entityID("db", "other")) }
    }

    @Test("a damaged entity file fails closed, and writes to it are refused")
    func corruptEntityFile() async throws {
        let (directory, store, base) = try await setUp()
        defer { directory.remove() }
        let id = entityID("db", "k")
        for content in ["{\"version\": ", "DDE1\u{FF}\u{FF}\u{FF}\u{7F}{}", "DDE1\u{2}\u{0}\u{0}\u{0}{}payload"] {
            try Data(content.utf8).write(to: URL(fileURLWithPath: base + "k.entity"))
            await expectDeltaError(.integrityFailure) { try await store.read(id) }
            await expectDeltaError(.integrityFailure) { try await put(store, id, "new") }
        }
        // Recovery does not touch data it cannot interpret.
        _ = try await store.recover()
        #expect(FileManager.default.fileExists(atPath: base + "k.entity"))
    }

    @Test("legacy layout: a blob whose size differs from its sidecar, or a missing blob, fails closed")
    func legacySizeMismatchAndMissingBlob() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        let base = directory.path + "/files/db.db/"
        try writeLegacy(directory, entityID("db", "k"), "payload")
        #expect(try await payload(store, entityID("db", "k")) == "payload")
        try Data("payloa".utf8).write(to: URL(fileURLWithPath: base + "k.1.json.enc"))
        await expectDeltaError(.integrityFailure) { try await store.read(entityID("db", "k")) }
        try FileManager.default.removeItem(atPath: base + "k.1.json.enc")
        await expectDeltaError(.integrityFailure) { try await store.read(entityID("db", "k")) }
    }

    @Test("legacy layout: a sidecar and blob copied onto another key fail closed")
    func legacyMovedSidecar() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        let base = directory.path + "/files/db.db/"
        try writeLegacy(directory, entityID("db", "k"), "payload")
        try FileManager.default.copyItem(atPath: base + "k.meta.json", toPath: base + "other.meta.json")
        try FileManager.default.copyItem(atPath: base + "k.1.json.enc", toPath: base + "other.1.json.enc")
        await expectDeltaError(.integrityFailure) { try await store.read(entityID("db", "other")) }
        await expectDeltaError(.integrityFailure) { try await store.readMetadata(entityID("db", "other")) }
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
