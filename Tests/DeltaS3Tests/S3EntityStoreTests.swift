import DeltaCore
import DeltaStorage
import Foundation
import Synchronization
import Testing
@testable import DeltaS3

/// What only the S3 store does (the shared behaviour is the conformance suite in
/// DeltaStorageTests): its object layout and its cross-machine conflict handling.
/// Runs against moto or SeaweedFS (`DELTADB_S3_ENDPOINT`); left out of a plain `swift test` without
/// it, but always run (and failing with instructions if unset) when `CI` is set.
@Suite("S3EntityStore against an S3 server (moto or SeaweedFS)", .serialized, .enabled(if: S3TestServer.endpoint != nil || S3TestServer.onCI))
struct S3EntityStoreTests {
    @Test("the server enforces the conditional requests the store relies on")
    func conditionalRequests() async throws {
        let client = try await S3TestServer.freshClient()
        try await S3EntityStore(client: client).verifyConditionalRequests()
        let etag = try await client.putObject("x", [1], condition: .absent)
        await #expect(throws: DeltaError.self) { try await client.putObject("x", [2], condition: .absent) }
        await #expect(throws: DeltaError.self) { try await client.putObject("x", [2], condition: .etag("\"nope\"")) }
        try await client.putObject("x", [3], condition: .etag(etag))
        #expect(try await client.getObject("x")?.body == [3])
    }

    @Test("objects sit at the file store's paths: files/<db>.db/<key>.meta.json and <key>.<v>.json.enc")
    func layout() async throws {
        let client = try await S3TestServer.freshClient()
        let store = S3EntityStore(client: client)
        let id = testID("Shop", "user:1")
        for _ in 0..<3 {
            _ = try await store.write(id) { current throws(DeltaError) in successor(id, current, Array("doc".utf8)) }
        }
        let keys = try await client.listAll(prefix: "").keys.sorted()
        #expect(keys == ["files/%53hop.db/user%3a1.3.json.enc", "files/%53hop.db/user%3a1.meta.json"])
        let sidecar = try #require(try await client.getObject("files/%53hop.db/user%3a1.meta.json"))
        let metadata = try JSONDecoder().decode(EntityMetadata.self, from: Data(sidecar.body))
        #expect(metadata.version == 3)
        _ = try await store.delete(id) { _ throws(DeltaError) in }
        #expect(try await client.listAll(prefix: "").keys == [])
    }

    @Test("a crash between blob and sidecar leaves the old version readable; the orphan is reclaimed once old")
    func orphanBlob() async throws {
        let client = try await S3TestServer.freshClient()
        let id = testID("db", "crashy")
        _ = try await S3EntityStore(client: client).write(id) { c throws(DeltaError) in successor(id, c, Array("v1".utf8)) }
        // A writer of version 2 died after its blob PUT, before its sidecar PUT.
        try await client.putObject("files/db.db/crashy.2.json.enc", Array("torn-v2-garbage".utf8), condition: .absent)
        let patient = S3EntityStore(client: client, maxAttempts: 2, orphanAgeSeconds: 3600, liveWriteSeconds: 0)
        let read = try #require(try await patient.read(id))
        #expect(read.metadata.version == 1 && read.ciphertext == Array("v1".utf8))  // never the orphan
        #expect(try await patient.listEntities(database: "db", prefix: "", after: nil, limit: 10).entities.map(\.version) == [1])
        // While the blob is young it may belong to a live writer: the write fails, nothing changes.
        let error = await #expect(throws: DeltaError.self) {
            try await patient.write(id) { c throws(DeltaError) in successor(id, c, Array("v2".utf8)) }
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("unfinished write") == true, "the error says why and when to retry")
        #expect(try await patient.read(id)?.ciphertext == Array("v1".utf8))
        // Once older than the orphan age (by the server's clock), the next writer removes it.
        try await Task.sleep(for: .milliseconds(2_200))
        let reclaiming = S3EntityStore(client: client, maxAttempts: 3, orphanAgeSeconds: 1)
        let written = try await reclaiming.write(id) { c throws(DeltaError) in successor(id, c, Array("v2".utf8)) }
        #expect(written.version == 2)
        #expect(try await reclaiming.read(id)?.ciphertext == Array("v2".utf8))
        #expect(try await client.listAll(prefix: "").keys.sorted() == ["files/db.db/crashy.2.json.enc", "files/db.db/crashy.meta.json"])
    }

    @Test("a write meeting another machine's commit in progress waits for it and builds on top of it")
    func waitsForLiveCommit() async throws {
        let client = try await S3TestServer.freshClient()
        let store = S3EntityStore(client: client)
        let id = testID("db", "busy")
        let first = try await store.write(id) { c throws(DeltaError) in successor(id, c, Array("v1".utf8)) }
        let sidecar = try #require(try await client.getObject("files/db.db/busy.meta.json"))
        // Another machine has stored its blob of version 2 and is about to commit it.
        let theirs = successor(id, first, Array("theirs".utf8))
        try await client.putObject("files/db.db/busy.2.json.enc", theirs.ciphertext, condition: .absent)
        let ours = Task {
            try await store.write(id) { c throws(DeltaError) in successor(id, c, Array("ours".utf8)) }
        }
        // Longer than eight quick retries take: the write must wait, not give up.
        try await Task.sleep(for: .milliseconds(1500))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try await client.putObject(
            "files/db.db/busy.meta.json", Array(try encoder.encode(theirs.metadata)), condition: .etag(sidecar.etag))
        let written = try await ours.value
        #expect(written.version == 3, "ours came after theirs, not instead of it")
        #expect(try await store.read(id)?.ciphertext == Array("ours".utf8))
    }

    @Test("a commit runs to its end even when its caller is cancelled")
    func commitSurvivesCancellation() async throws {
        let finished = Mutex(false)
        let caller = Task {
            try await S3EntityStore.finishing { () async throws(DeltaError) -> Bool in
                try? await Task.sleep(for: .milliseconds(200))  // would end at once if cancelled
                finished.withLock { $0 = !Task.isCancelled }
                return true
            }
        }
        caller.cancel()
        _ = try await caller.value
        #expect(finished.withLock { $0 }, "the body ran to its end, not cancelled")
    }

    @Test("writes whose callers are cancelled leave nothing that blocks the next write")
    func cancelledWrites() async throws {
        let client = try await S3TestServer.freshClient()
        let store = S3EntityStore(client: client, orphanAgeSeconds: 3600)
        let id = testID("db", "cancelled")
        for round in 0..<20 {
            let writer = Task {
                try await store.write(id) { c throws(DeltaError) in successor(id, c, Array("r\(round)".utf8)) }
            }
            try await Task.sleep(for: .milliseconds(round % 5))
            writer.cancel()
            _ = try? await writer.value
            // With an hour's orphan age, a blob left half committed would block this write.
            _ = try await store.write(id) { c throws(DeltaError) in successor(id, c, Array("after \(round)".utf8)) }
        }
        #expect(try await store.read(id)?.ciphertext == Array("after 19".utf8))
    }

    @Test("a missing bucket is a storage failure, not a lost race")
    func missingBucket() async throws {
        let endpoint = try #require(S3TestServer.endpoint)
        let client = S3Client(configuration: try S3Configuration(
            endpoint: endpoint, accessKey: "test", secretKey: "test", bucket: "deltadb-no-such-bucket"))
        let store = S3EntityStore(client: client)
        let id = testID("db", "k")
        let error = await #expect(throws: DeltaError.self) {
            try await store.write(id) { c throws(DeltaError) in successor(id, c, [1]) }
        }
        #expect(error?.code == .storageFailure)
        #expect(error?.message.contains("NoSuchBucket") == true)
        await #expect(throws: DeltaError.self) { try await store.read(id) }  // not "absent"
    }

    @Test("a commit by another machine between read and commit makes the write retry on top of it")
    func conflictRetries() async throws {
        let client = try await S3TestServer.freshClient()
        let machineA = S3EntityStore(client: client)
        let machineB = S3EntityStore(client: client)  // separate lock table: like another process
        let id = testID("db", "doc")
        _ = try await machineA.write(id) { current throws(DeltaError) in successor(id, current, Array("v1".utf8)) }
        let calls = Mutex<[UInt64?]>([])
        let interfered = Mutex(false)
        let written = try await machineA.write(id) { current throws(DeltaError) in
            calls.withLock { $0.append(current?.version) }
            if interfered.withLock({ let first = !$0; $0 = true; return first }) {
                // Machine B commits version 2 while A is between its read and its commit.
                let semaphore = DispatchSemaphore(value: 0)
                Task {
                    _ = try? await machineB.write(id) { c throws(DeltaError) in successor(id, c, Array("from B".utf8)) }
                    semaphore.signal()
                }
                semaphore.wait()
            }
            return successor(id, current, Array("from A".utf8))
        }
        #expect(calls.withLock { $0 } == [1, 2])  // built again on top of B's version
        #expect(written.version == 3)
        let read = try #require(try await machineB.read(id))
        #expect(read.ciphertext == Array("from A".utf8))
        // Only the committed blob is left.
        #expect(try await client.listAll(prefix: "").keys.sorted() == ["files/db.db/doc.3.json.enc", "files/db.db/doc.meta.json"])
    }

    @Test("concurrent increments from two machines lose no update")
    func noLostUpdates() async throws {
        let client = try await S3TestServer.freshClient()
        let machines = [S3EntityStore(client: client, maxAttempts: 50), S3EntityStore(client: client, maxAttempts: 50)]
        let id = testID("db", "counter")
        let perMachine = 10
        try await withThrowingTaskGroup(of: Void.self) { group in
            for machine in machines {
                group.addTask {
                    for _ in 0..<perMachine {
                        _ = try await machine.write(id) { current throws(DeltaError) in
                            successor(id, current, Array(String((current?.version ?? 0) + 1).utf8))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let final = try #require(try await machines[0].read(id))
        #expect(final.metadata.version == UInt64(2 * perMachine))
        #expect(String(decoding: final.ciphertext, as: UTF8.self) == String(2 * perMachine))
    }

    @Test("a delete loses to a write committed by another machine after its read")
    func conditionalDelete() async throws {
        let client = try await S3TestServer.freshClient()
        let machineA = S3EntityStore(client: client)
        let machineB = S3EntityStore(client: client)
        let id = testID("db", "guarded")
        _ = try await machineA.write(id) { c throws(DeltaError) in successor(id, c, [1]) }
        let seen = Mutex<[UInt64?]>([])
        let error = await #expect(throws: DeltaError.self) {
            try await machineA.delete(id) { current throws(DeltaError) in
                let first = seen.withLock { $0.append(current?.version); return $0.count == 1 }
                if first {
                    // Machine B commits version 2 while A is between its read and its delete.
                    let semaphore = DispatchSemaphore(value: 0)
                    Task {
                        _ = try? await machineB.write(id) { c throws(DeltaError) in successor(id, c, [2]) }
                        semaphore.signal()
                    }
                    semaphore.wait()
                }
                // An If-Match: "1" style check: only version 1 may be deleted.
                if current?.version != 1 { throw DeltaError(.preconditionFailed, "changed", currentVersion: current?.version) }
            }
        }
        #expect(error?.code == .preconditionFailed)
        #expect(seen.withLock { $0 } == [1, 2])  // re-checked against B's version
        #expect(try await machineA.read(id)?.ciphertext == [2])
    }
}
