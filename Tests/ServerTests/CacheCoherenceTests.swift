import DeltaCore
import DeltaStorage
import Testing

@testable import DeltaCLI
@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer

/// Two Processing Workers sharing storage: a read through either returns every
/// write acknowledged before it, even when the reader has the entity cached.
@Suite("Cache coherence between workers")
struct CacheCoherenceTests {
    /// Two entity services (workers) with their own caches over one store and keyring.
    private static func twoServices(verifyingCacheHits: Bool) throws -> (EntityService, EntityService) {
        let store = MemoryEntityStore()
        let keys = KeyringHolder(ClusterFixtures.keyring())
        return (
            try ClusterFixtures.entityService(keys: keys, verifiesCacheHits: verifyingCacheHits, store: store),
            try ClusterFixtures.entityService(keys: keys, verifiesCacheHits: verifyingCacheHits, store: store)
        )
    }

    @Test("a worker's cached copy is replaced after another worker writes, and dropped after it deletes")
    func verifiedHits() async throws {
        let (writer, reader) = try Self.twoServices(verifyingCacheHits: true)
        _ = try await writer.put(database: "db", body: Array(#"{"k":"v1"}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        #expect(try await reader.get(database: "db", key: "k").version == 1)  // now cached on the reader
        _ = try await writer.put(database: "db", body: Array(#"{"k":"v2"}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        let fresh = try await reader.get(database: "db", key: "k")
        #expect(fresh.version == 2 && fresh.bytes == Array(#""v2""#.utf8))
        #expect(try await reader.get(database: "db", key: "k").version == 2)  // verified hit
        try await writer.delete(database: "db", key: "k", ifMatch: nil)
        await #expect(throws: DeltaError.self) { try await reader.get(database: "db", key: "k") }
    }

    @Test("a worker does not serve its cached copy of an entity that was deleted and re-created at the same version")
    func recreatedAtSameVersion() async throws {
        let (writer, reader) = try Self.twoServices(verifyingCacheHits: true)
        _ = try await writer.put(database: "db", body: Array(#"{"k":"old"}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        #expect(try await reader.get(database: "db", key: "k").bytes == Array(#""old""#.utf8))  // cached at version 1
        try await writer.delete(database: "db", key: "k", ifMatch: nil)
        _ = try await writer.put(database: "db", body: Array(#"{"k":"new"}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        let fresh = try await reader.get(database: "db", key: "k")
        #expect(fresh.version == 1)  // versions restart after a delete...
        #expect(fresh.bytes == Array(#""new""#.utf8))  // ...but this is the new write
    }

    @Test("one GET counts one miss, the next one hit (/api/stats)")
    func counters() async throws {
        let service = try ClusterFixtures.entityService(keys: KeyringHolder(ClusterFixtures.keyring()))
        _ = try await service.put(database: "db", body: Array(#"{"k":1}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        service.cache.removeAll()
        _ = try await service.get(database: "db", key: "k")
        var stats = await service.cacheStats()
        #expect(stats.misses == 1 && stats.hits == 0)
        _ = try await service.get(database: "db", key: "k")
        await #expect(throws: DeltaError.self) { try await service.get(database: "db", key: "missing") }
        stats = await service.cacheStats()
        #expect(stats.misses == 2 && stats.hits == 1)
    }

    @Test("without verification (one process owns the storage) a cached copy is served as is")
    func unverified() async throws {
        let (writer, reader) = try Self.twoServices(verifyingCacheHits: false)
        _ = try await writer.put(database: "db", body: Array(#"{"k":1}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        _ = try await reader.get(database: "db", key: "k")
        _ = try await writer.put(database: "db", body: Array(#"{"k":2}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        // This is why split mode turns verification on.
        #expect(try await reader.get(database: "db", key: "k").version == 1)
    }

    @Test("without verification, a failed If-Match (PUT, PATCH or DELETE) drops the stale copy, so a GET + If-Match retry converges")
    func unverifiedStaleCopyDroppedOnConflict() async throws {
        // `other` plays a process changing storage behind `server`'s cache, as `deltadb rewrap` does.
        let (other, server) = try Self.twoServices(verifyingCacheHits: false)
        let attempts: [(EntityService) async throws -> Void] = [
            { try await $0.put(database: "db", body: Array(#"{"k":0}"#.utf8), ifMatch: "\"1\"", ifNoneMatch: nil) },
            { _ = try await $0.patch(database: "db", key: "k", patch: .merge(.object([:])), condition: .init(ifMatch: "\"1\"")) },
            { try await $0.delete(database: "db", key: "k", ifMatch: "\"1\"") },
        ]
        for (index, attempt) in attempts.enumerated() {
            try? await other.delete(database: "db", key: "k", ifMatch: nil)
            _ = try await server.put(database: "db", body: Array(#"{"k":1}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
            _ = try await other.put(database: "db", body: Array(#"{"k":2}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
            #expect(try await server.get(database: "db", key: "k").version == 1, "attempt \(index): stale copy cached")
            await #expect(throws: DeltaError.self, "attempt \(index)") { try await attempt(server) }
            let fresh = try await server.get(database: "db", key: "k")
            #expect(fresh.version == 2 && fresh.bytes == Array("2".utf8), "attempt \(index)")
        }
    }
}
