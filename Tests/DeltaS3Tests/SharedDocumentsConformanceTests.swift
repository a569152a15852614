import DeltaCore
import DeltaS3
import Foundation
import Testing

/// Where shared documents live in a test: the same contract for memory, a
/// directory and a bucket.
enum DocumentsKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory, directory, s3
    var testDescription: String { rawValue }
}

/// Two views of one shared store, as two machines would have them.
struct TwoMachines {
    let a: any SharedDocumentStore
    let b: any SharedDocumentStore

    /// Two processes' stores on one backend of `kind`; nil for S3 without a server
    /// (skipped, except on CI where `S3TestServer.freshClient` fails the test).
    static func make(_ kind: DocumentsKind) async throws -> TwoMachines? {
        switch kind {
        case .memory:
            let shared = MemoryDocuments()
            return TwoMachines(a: shared, b: shared)
        case .directory:
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("docs-\(UUID().uuidString)").path
            return TwoMachines(a: try DirectoryDocuments(root: root), b: try DirectoryDocuments(root: root))
        case .s3:
            guard S3TestServer.endpoint != nil || S3TestServer.onCI else { return nil }
            let first = try await S3TestServer.freshClient()
            let second = S3Client(configuration: first.configuration)
            return TwoMachines(a: S3Documents(client: first), b: S3Documents(client: second))
        }
    }
}

@Suite("Shared documents: directory, memory and bucket alike")
struct SharedDocumentsConformanceTests {
    @Test("an update is read back, and every write gets a new revision", arguments: DocumentsKind.allCases)
    func readBack(kind: DocumentsKind) async throws {
        guard let machines = try await TwoMachines.make(kind) else { return }
        try await machines.a.update("_auth/keys.json") { document in
            #expect(document == nil)
            return Array("one".utf8)
        }
        let first = try #require(try await machines.b.current("_auth/keys.json"))
        #expect(first.bytes == Array("one".utf8))
        try await machines.b.update("_auth/keys.json") { _ in Array("two".utf8) }
        let second = try #require(try await machines.a.current("_auth/keys.json"))
        #expect(second.bytes == Array("two".utf8) && second.revision != first.revision)
        #expect(try machines.a.cached("_auth/keys.json") == second, "current refreshes this process's copy")
    }

    @Test("concurrent read-modify-writes from two machines lose no update", arguments: DocumentsKind.allCases)
    func noLostUpdates(kind: DocumentsKind) async throws {
        guard let machines = try await TwoMachines.make(kind) else { return }
        let rounds = 12
        try await withThrowingTaskGroup(of: Void.self) { group in
            for machine in [machines.a, machines.b] {
                for _ in 0..<rounds {
                    group.addTask {
                        try await machine.update("_meta/counter") { document in
                            let count = document.flatMap { Int(String(decoding: $0.bytes, as: UTF8.self)) } ?? 0
                            return Array(String(count + 1).utf8)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let final = try #require(try await machines.a.current("_meta/counter"))
        #expect(String(decoding: final.bytes, as: UTF8.self) == String(2 * rounds))
    }

    @Test("nil deletes; names lists only the documents directly under a prefix", arguments: DocumentsKind.allCases)
    func deleteAndNames(kind: DocumentsKind) async throws {
        guard let machines = try await TwoMachines.make(kind) else { return }
        for name in ["templates/b.json", "templates/a.json", "templates/sub/c.json", "_meta/databases.json"] {
            try await machines.a.update(name) { _ in Array("{}".utf8) }
        }
        #expect(try await machines.b.names(under: "templates/") == ["templates/a.json", "templates/b.json"])
        try await machines.b.update("templates/a.json") { _ in nil }
        #expect(try await machines.a.current("templates/a.json") == nil)
        #expect(try await machines.a.names(under: "templates/") == ["templates/b.json"])
        try await machines.a.update("templates/missing.json") { _ in nil }  // deleting nothing is fine
    }

    @Test("a change that throws writes nothing", arguments: DocumentsKind.allCases)
    func throwingChange(kind: DocumentsKind) async throws {
        guard let machines = try await TwoMachines.make(kind) else { return }
        try await machines.a.update("_auth/keys.json") { _ in Array("kept".utf8) }
        await #expect(throws: DeltaError.self) {
            try await machines.a.update("_auth/keys.json") { (_) throws(DeltaError) -> [UInt8]? in
                throw DeltaError(.badRequest, "refused")
            }
        }
        #expect(try await machines.b.current("_auth/keys.json")?.bytes == Array("kept".utf8))
    }
}
