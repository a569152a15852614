import DeltaCache
import Foundation
import Testing

@testable import DeltaCLI
@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer

/// Membership, liveness and routing decisions of the Main Worker's registry.
@Suite("WorkerRegistry")
struct WorkerRegistryTests {
    let start = Date(timeIntervalSince1970: 1_000_000)

    func registry() -> WorkerRegistry {
        WorkerRegistry(heartbeatInterval: .seconds(1), tokenTTL: .seconds(60))
    }

    @Test("a heartbeat needs the worker's own unexpired token; a re-subscribe replaces the old token")
    func tokens() {
        let registry = registry()
        let first = registry.register(id: "p1", tags: ["grpc_addr": "h:1"], keyID: "k", now: start)
        #expect(registry.heartbeat(id: "p1", token: first.token, keyID: "k", draining: false, cache: CacheStats(), now: start))
        #expect(!registry.heartbeat(id: "p1", token: "forged", keyID: "k", draining: false, cache: CacheStats(), now: start))
        #expect(!registry.heartbeat(id: "p2", token: first.token, keyID: "k", draining: false, cache: CacheStats(), now: start))
        #expect(!registry.heartbeat(
            id: "p1", token: first.token, keyID: "k", draining: false, cache: CacheStats(), now: start + 61))
        let second = registry.register(id: "p1", tags: ["grpc_addr": "h:1"], keyID: "k", now: start)
        #expect(second.token != first.token)
        #expect(!registry.heartbeat(id: "p1", token: first.token, keyID: "k", draining: false, cache: CacheStats(), now: start))
    }

    @Test("renewal issues a new token and keeps the previous one valid until it expires")
    func renewal() throws {
        let registry = registry()
        let first = registry.register(id: "p1", tags: [:], keyID: "k", now: start)
        let renewed = try #require(registry.renew(id: "p1", token: first.token, now: start + 10))
        #expect(renewed.expiresAt == start + 70)
        #expect(registry.heartbeat(id: "p1", token: first.token, keyID: "k", draining: false, cache: CacheStats(), now: start + 11))
        #expect(registry.heartbeat(id: "p1", token: renewed.token, keyID: "k", draining: false, cache: CacheStats(), now: start + 65))
        #expect(registry.renew(id: "p1", token: "nope", now: start) == nil)
    }

    @Test("silent for 3 beats: Unavailable and not routed to; for 10: removed")
    func liveness() {
        let registry = registry()
        _ = registry.register(id: "p1", tags: ["grpc_addr": "h:1"], keyID: "k", now: start)
        #expect(registry.snapshot(now: start + 2.9).map(\.status) == ["Available"])
        #expect(registry.snapshot(now: start + 3.1).map(\.status) == ["Unavailable"])
        #expect(registry.choose(affinityKey: "a", excluding: [], now: start + 3.1) == nil)
        #expect(registry.sweep(now: start + 9) == [])
        #expect(registry.sweep(now: start + 10.5) == ["p1"])
        #expect(registry.snapshot(now: start + 10.5).isEmpty)
    }

    @Test("routing: the key's last worker first, else the least loaded; workers without an address are never chosen")
    func routing() throws {
        let registry = registry()
        _ = registry.register(id: "a", tags: ["grpc_addr": "h:1"], keyID: "k", now: start)
        _ = registry.register(id: "b", tags: ["grpc_addr": "h:2"], keyID: "k", now: start)
        _ = registry.register(id: "observer", tags: [:], keyID: "k", now: start)
        let first = try #require(registry.choose(affinityKey: "x", excluding: [], now: start))
        #expect(first.workerID == "a")  // tie on load: by id
        // While "a" has a call in flight, a new key goes to "b".
        let second = try #require(registry.choose(affinityKey: "y", excluding: [], now: start))
        #expect(second.workerID == "b")
        registry.finished(second, affinityKey: "y", served: true)
        registry.finished(first, affinityKey: "x", served: true)
        // Affinity: "y" stays on "b" although both are idle.
        let again = try #require(registry.choose(affinityKey: "y", excluding: [], now: start))
        #expect(again.workerID == "b")
        #expect(again.address == "h:2")
        registry.finished(again, affinityKey: "y", served: true)
        let excluded = try #require(registry.choose(affinityKey: "y", excluding: ["b"], now: start))
        #expect(excluded.workerID == "a")
        registry.finished(excluded, affinityKey: "y", served: true)
    }

    @Test("a worker whose call failed is not chosen again until its next heartbeat")
    func suspect() throws {
        let registry = registry()
        let token = registry.register(id: "a", tags: ["grpc_addr": "h:1"], keyID: "k", now: start).token
        let target = try #require(registry.choose(affinityKey: "x", excluding: [], now: start))
        registry.finished(target, affinityKey: "x", served: false)
        #expect(registry.choose(affinityKey: "x", excluding: [], now: start) == nil)
        #expect(registry.snapshot(now: start).map(\.status) == ["Unavailable"])
        #expect(registry.heartbeat(id: "a", token: token, keyID: "k", draining: false, cache: CacheStats(), now: start))
        #expect(registry.choose(affinityKey: "x", excluding: [], now: start)?.workerID == "a")
    }

    @Test("draining workers are listed but not routed to; cache counters are summed")
    func drainingAndStats() {
        let registry = registry()
        let token = registry.register(id: "a", tags: ["grpc_addr": "h:1"], keyID: "k", now: start).token
        _ = registry.heartbeat(
            id: "a", token: token, keyID: "k", draining: true, cache: CacheStats(hits: 2, misses: 1, count: 3, bytes: 10), now: start)
        let other = registry.register(id: "b", tags: [:], keyID: "k", now: start).token
        _ = registry.heartbeat(id: "b", token: other, keyID: "k", draining: false, cache: CacheStats(hits: 5, bytes: 1), now: start)
        #expect(registry.snapshot(now: start).map(\.status) == ["Draining", "Available"])
        #expect(registry.choose(affinityKey: "x", excluding: [], now: start) == nil)
        #expect(registry.cacheStats() == CacheStats(hits: 7, misses: 1, count: 3, bytes: 11))
    }
}
